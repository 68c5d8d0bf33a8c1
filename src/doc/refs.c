/* refs.c: footnote markers and cited documents inside paragraph text.
 *
 * Extraction flattens superscript markers into the text, so "Rights1", "Action;6" and
 * "of 196316" hold a marker but "resolution 57/218", "OC-16/99" and "1,000" do not. A digit run
 * is a marker only when the document backs it: its number is one of the footnotes, and it is
 * either a footnote already cited or the next one expected (new footnotes are cited in
 * increasing order). */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/bytes.h"
#include "doc/lang.h"
#include "doc/refs.h"
#include "text/buf.h"

struct refs_notes {
	int *nums;              /* sorted, unique */
	unsigned char *cited;
	size_t n;
	size_t next;            /* index of the next footnote expected to be cited for the first time */
	int paren;              /* markers look like "(1)" */
	int orphans;            /* the footnote texts are missing: find markers by their run */
	long olast;             /* the highest such marker */
};

void refs_notes_orphans(struct refs_notes *rn, int on)
{
	rn->orphans = on;
	rn->olast = 0;
}

void refs_notes_parenthesized(struct refs_notes *rn, int on)
{
	rn->paren = on;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

struct refs_notes *refs_notes_new(const int *nums, size_t n)
{
	struct refs_notes *rn = calloc(1, sizeof *rn);
	if (!rn)
		return NULL;
	rn->nums = malloc((n ? n : 1) * sizeof *rn->nums);
	rn->cited = calloc(n ? n : 1, 1);
	if (!rn->nums || !rn->cited) {
		refs_notes_free(rn);
		return NULL;
	}
	if (n)
		memcpy(rn->nums, nums, n * sizeof *nums);
	if (n > 1)
		qsort(rn->nums, n, sizeof *rn->nums, cmp_int);
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if (u == 0 || rn->nums[u - 1] != rn->nums[i])
			rn->nums[u++] = rn->nums[i];
	rn->n = u;
	return rn;
}

void refs_notes_free(struct refs_notes *rn)
{
	if (!rn)
		return;
	free(rn->nums);
	free(rn->cited);
	free(rn);
}

static long note_index(const struct refs_notes *rn, long v)
{
	size_t lo = 0, hi = rn->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (rn->nums[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < rn->n && rn->nums[lo] == v ? (long)lo : -1;
}

static void cite(struct refs_notes *rn, long k)
{
	rn->cited[k] = 1;
	if ((size_t)k >= rn->next)
		rn->next = (size_t)k + 1;
	while (rn->next < rn->n && rn->cited[rn->next])
		rn->next++;
}

/* Glued markers may re-cite a footnote, cite the next one, or skip at most two the extraction
 * lost. */
static long glued_ok(const struct refs_notes *rn, long v)
{
	long k = note_index(rn, v);
	if (k < 0)
		return -1;
	if (rn->cited[k] || (size_t)k == rn->next
	    || ((size_t)k > rn->next && (size_t)k - rn->next <= 2))
		return k;
	return -1;
}

/* A number standing alone ("1953 8 and") is a marker only as the very next new footnote. */
static long spaced_ok(const struct refs_notes *rn, long v)
{
	long k = note_index(rn, v);
	return k >= 0 && (size_t)k == rn->next && !rn->cited[k] ? k : -1;
}

/* The note just cited, cited again ("S/9525, 26 S/9528 26 and S/9554, 26"). */
static long repeat_ok(const struct refs_notes *rn, long v)
{
	long k = note_index(rn, v);
	return k >= 0 && rn->next > 0 && (size_t)k == rn->next - 1 && rn->cited[k] ? k : -1;
}

static long digits_value(const char *s, size_t n)
{
	if (n == 0 || n > 6 || s[0] == '0')
		return -1;
	long v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* The word ending at out[w) (letters only, at most 15), lower-cased into buf. */
static void word_before(const char *out, size_t w, char *buf, size_t cap)
{
	size_t e = w;
	while (e > 0 && out[e - 1] == ' ')
		e--;
	size_t b = e;
	while (b > 0 && e - b < cap - 1 && isalpha((unsigned char)out[b - 1]))
		b--;
	size_t n = e - b;
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)tolower((unsigned char)out[b + i]);
	buf[n] = '\0';
}

static int in_list(const char *w, const char *const *list)
{
	for (; *list; list++)
		if ((*list)[0] == w[0] && strcmp(w, *list) == 0)
			return 1;        /* the first byte first: a list holds up to 90 words */
	return 0;
}

/* Words after which a lone number counts something rather than citing a footnote. */
static const char *const count_words[] = { "paragraph", "paragraphs", "para", "paras",
	"resolution", "resolutions", "no", "nos", "article", "articles", "chapter", "chapters",
	"annex", "section", "sections", "page", "pages", "rule", "rules", "item", "items",
	"principle", "principles", "part", "vol", "volume", "and", "to", "or", "of", "from",
	"between", "table", "figure", "than", "over", "about", "some", "least", "only", "by",
	"with", "at", "per", "under", "in", "on", "for", "the", "a", "all", "each", "every",
	"first", "last", "within", "until", "since", "before", "after", "goal", "goals",
	"target", "targets", "protocol", "group", "phase", "level", "category", "appendix",
	"decision", "decisions", "session", "meeting", "plan", "option", "step", "stage", NULL };

/* Whether the number at s[0..n) is followed by a unit, a month or a capitalised noun. */
static int counts_something(const char *s, size_t n)
{
	static const char *const units[] = { "days", "day", "months", "month", "years", "year",
		"weeks", "hours", "per", "percent", "members", "persons", "people", "times", "votes",
		"abstentions", "countries", "states", "paragraphs", "kilometres", "km", "metres",
		"million", "billion", "hundred", "thousand", NULL };
	size_t i = 0;
	while (i < n && s[i] == ' ')
		i++;
	if (i == 0 || i >= n)
		return 0;
	if (isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '%')
		return 1;
	char w[16];
	size_t k = 0;
	while (i + k < n && k < sizeof w - 1 && isalpha((unsigned char)s[i + k])) {
		w[k] = (char)tolower((unsigned char)s[i + k]);
		k++;
	}
	w[k] = '\0';
	return in_list(w, units);
}

/* Whether a list of numbers goes on after one: ", 4", " and 4", "-4", " to 4", " (1967)". */
static int list_goes_on(const char *s, size_t n)
{
	static const char *const joins[] = { ", ", " and ", " or ", " to ", "-", "\xe2\x80\x93",
		" (", "(", NULL };
	for (size_t k = 0; joins[k]; k++) {
		size_t l = strlen(joins[k]);
		if (n > l && memcmp(s, joins[k], l) == 0 && isdigit((unsigned char)s[l]))
			return 1;
	}
	return 0;
}

/* Whether the text after a lone number goes on as a clause ("and", "he", "thereby",
 * "establishing", a comma, the end): a marker sits between words, a count before a noun. */
static int joins_clause(const char *s, size_t n)
{
	static const char *const words[] = { "and", "or", "to", "he", "she", "it", "they", "which",
		"who", "thereby", "the", "of", "in", "for", "with", "that", "as", "was", "were", "is",
		"are", "has", "have", "had", "on", "by", "at", "from", "pursuant", "concerning",
		"should", "shall", "will", "would", "may", "might", "must", "can", "could", "be",
		"been", "not", "also", "but", "if", "where", "when", "while", "between", "into",
		"under", "within", "without", "signed", "adopted", "done", "entered", NULL };
	size_t i = 0;
	while (i < n && s[i] == ' ')
		i++;
	if (i >= n)
		return 1;
	if (i == 0 && strchr(",;:.)", s[i])) {
		/* "1.B.4" and "2. CERTIFYING" are numbering, not a marker before punctuation. */
		if (i + 1 < n && isalnum((unsigned char)s[i + 1]))
			return 0;
		if (s[i] == '.' && i + 2 < n && s[i + 1] == ' ' && isupper((unsigned char)s[i + 2]))
			return 0;
		return 1;
	}
	if (i == 0)
		return 0;
	char w[24];
	size_t k = 0;
	while (i + k < n && k < sizeof w - 1 && islower((unsigned char)s[i + k])) {
		w[k] = s[i + k];
		k++;
	}
	w[k] = '\0';
	if (i + k < n && isalnum((unsigned char)s[i + k]))
		return 0;
	return in_list(w, words) || (k > 4 && strcmp(w + k - 3, "ing") == 0)
	    || (k > 4 && strcmp(w + k - 2, "ed") == 0);
}

/* Whether out[w) ends in a dash: "-", "–" (U+2013) or "—" (U+2014). */
static int after_dash(const char *out, size_t w)
{
	return (w >= 1 && out[w - 1] == '-')
	    || (w >= 3 && (unsigned char)out[w - 3] == 0xE2 && (unsigned char)out[w - 2] == 0x80
	        && ((unsigned char)out[w - 1] == 0x93 || (unsigned char)out[w - 1] == 0x94));
}

/* Whether the word before the space ending out[w) starts with a capital ("Court 1"). */
static int capital_before(const char *out, size_t w)
{
	size_t e = w > 0 ? w - 1 : 0, b = e;
	while (b > 0 && out[b - 1] != ' ')
		b--;
	return b < e && isupper((unsigned char)out[b]);
}

/* Whether out[w) ends in a no-break space (U+00A0 or U+202F): a thousands separator. */
static int nbsp_before(const char *out, size_t w)
{
	return (w >= 2 && (unsigned char)out[w - 2] == 0xC2 && (unsigned char)out[w - 1] == 0xA0)
	    || (w >= 3 && (unsigned char)out[w - 3] == 0xE2 && (unsigned char)out[w - 2] == 0x80
	        && (unsigned char)out[w - 1] == 0xAF);
}

/* The token ending at out[w) holds a '/' (a document symbol), or is 1-2 capitals ("G77"). */
static size_t symbol_at(const char *s, size_t len, size_t i);

static int symbol_token(const char *out, size_t w)
{
	size_t b = w, caps = 0, other = 0;
	while (b > 0 && w - b < 64 && out[b - 1] != ' ') {
		char c = out[--b];
		if (c == '/')
			return 1;
		if (isupper((unsigned char)c))
			caps++;
		else
			other++;
	}
	return other == 0 && caps > 0 && caps <= 2;
}

static int push_mark(struct mark **marks, size_t *nmarks, size_t byte, int footnote)
{
	/* the array keeps no capacity: it grows at powers of two (buf_array_push), so the
	 * marks of one huge paragraph cost linear time */
	size_t n = *nmarks;
	struct mark *nm = buf_array_push(*marks, n, sizeof *nm);
	if (!nm)
		return -1;
	*marks = nm;
	(*marks)[n].byte = byte;
	(*marks)[n].footnote = footnote;
	*nmarks = n + 1;
	return 0;
}

/* Whether any of the eight bytes at s is an ASCII digit: XOR with '0' turns the digits, and
 * only them, into 0 to 9, and the bit trick finds a byte below 10 without a branch per byte. */
static int has_digit8(const char *s)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	uint64_t w;
	memcpy(&w, s, 8);
	w ^= ones * '0';
	return ((w - ones * 10) & ~w & high) != 0;
}

/* Markers the shape placed before (a markdown "[^4]"): those at bytes [r, e) of the text
 * being compacted move with it (byte r is now w) and count as cited, in reading order. */
static void pre_marks(struct refs_notes *rn, struct mark *m, size_t npre, size_t *pi, size_t r,
                      size_t e, size_t w)
{
	for (; *pi < npre && m[*pi].byte < e; (*pi)++) {
		m[*pi].byte = w + (m[*pi].byte > r ? m[*pi].byte - r : 0);
		long k = note_index(rn, m[*pi].footnote);
		if (k >= 0)
			cite(rn, k);
	}
}

static int cmp_mark(const void *a, const void *b)
{
	const struct mark *x = a, *y = b;
	return (x->byte > y->byte) - (x->byte < y->byte);
}

int refs_take_markers(struct refs_notes *rn, char *text, size_t *lenp, struct mark **marks,
                      size_t *nmarks)
{
	size_t len = *lenp, w = 0;
	char *out = text;        /* compacted in place: w <= r always */
	size_t npre = *nmarks, pi = 0;
	if (rn->n == 0 && !rn->orphans) {
		text[len] = '\0';    /* no footnotes: no markers, the text stays as it is */
		return 0;
	}
	for (size_t r = 0; r < len;) {
		if (npre)
			pre_marks(rn, *marks, npre, &pi, r, r + 1, w);
		if (!isdigit((unsigned char)text[r])) {
			/* the run up to the next digit in one move (none before the first marker):
			 * only a digit may start one, and this loop sees every byte */
			size_t e = r + 1;
			/* a block of bytes at a time, then (without blocks) 8 by 8 */
			for (; BYTES_N && e + BYTES_N <= len; e += BYTES_N) {
				bytes_t digits = bytes_in(bytes_load(text + e), '0', '9' + 1);
				if (bytes_bits(digits)) {
					e += bytes_first(bytes_bits(digits));
					break;
				}
			}
			while (e + 8 <= len && !has_digit8(text + e))
				e += 8;
			while (e < len && !(text[e] >= '0' && text[e] <= '9'))
				e++;
			if (npre)
				pre_marks(rn, *marks, npre, &pi, r, e, w);
			if (w != r)
				memmove(out + w, text + r, e - r);
			w += e - r;
			r = e;
			continue;
		}
		size_t ds = r, de = r;
		while (de < len && isdigit((unsigned char)text[de]))
			de++;
		size_t dn = de - ds;
		unsigned char q = de < len ? (unsigned char)text[de] : ' ';
		unsigned char q2 = de + 1 < len ? (unsigned char)text[de + 1] : ' ';
		unsigned char p = w > 0 ? (unsigned char)out[w - 1] : ' ';
		int ok_after = !isalnum(q) && !((q == '.' || q == ',' || q == '-' || q == '/' || q == ':')
		                                && isdigit(q2)) && q != '/' && !(q == '.' && isalpha(q2));
		long k = -1;
		size_t cut = ds;             /* digits from `cut` to `de` are the marker */
		int drop_space = 0;
		if (rn->paren && p == '(' && q == ')' && w > 1 && out[w - 2] != ' ') {
			/* "2017(1)": the parentheses go with the marker. */
			k = glued_ok(rn, digits_value(text + ds, dn));
			if (k >= 0) {
				w--;
				de++;
			}
		} else if (ok_after && w > 0) {
			int space = p == ' ' || nbsp_before(out, w);
			if (!space && (isalpha(p) || p >= 0x80)) {
				if (!symbol_token(out, w))
					k = glued_ok(rn, digits_value(text + ds, dn));
				if (k < 0 && (dn == 5 || dn == 6) && after_dash(out, w)) {
					/* "2024–203412": a range's year with the next footnote glued on */
					long year = digits_value(text + ds, 4);
					if (year >= 1800 && year <= 2099) {
						k = spaced_ok(rn, digits_value(text + ds + 4, dn - 4));
						cut = ds + 4;
					}
				}
			} else if (!space && strchr(",;:)]\"'", p)) {
				/* "1,000" is a number; "2001,100" (four digits before) is a marker. */
				size_t b = w - 1;
				while (b > 0 && w - 1 - b < 5 && isdigit((unsigned char)out[b - 1]))
					b--;
				size_t before = w - 1 - b;
				if (!(p == ',' && before >= 1 && before <= 3 && dn == 3))
					k = glued_ok(rn, digits_value(text + ds, dn));
			} else if (p == '.' && w > 1 && (q == ' ' || q == '\n' || de == len)) {
				unsigned char pp = (unsigned char)out[w - 2];
				char wb[16];
				word_before(out, w - 1, wb, sizeof wb);
				if ((islower(pp) || pp == ')' || pp == '"') && strcmp(wb, "no") != 0
				    && strcmp(wb, "nos") != 0 && strcmp(wb, "para") != 0
				    && strcmp(wb, "paras") != 0 && strcmp(wb, "corr") != 0
				    && strcmp(wb, "add") != 0 && strcmp(wb, "rev") != 0)
					k = glued_ok(rn, digits_value(text + ds, dn));
			} else if (p == ' ' && (dn == 5 || dn == 6)) {
				/* "of 196316": a year with the next footnote glued on; "February 19895"
				 * with a note not cited yet, the markers printed out of order */
				long year = digits_value(text + ds, 4);
				if (year >= 1800 && year <= 2099) {
					long v = digits_value(text + ds + 4, dn - 4);
					k = spaced_ok(rn, v);
					long i = k < 0 && v > 0 ? note_index(rn, v) : -1;
					if (i >= 0 && !rn->cited[i])
						k = i;
					cut = ds + 4;
				}
			} else if (p == ' ' && dn <= 3 && w > 1) {
				/* "of 27 October 1953 8 and": a marker set off by a space. */
				unsigned char pp = (unsigned char)out[w - 2];
				char wb[16];
				word_before(out, w, wb, sizeof wb);
				int prev_year = 0;
				if (isdigit(pp)) {
					size_t b = w - 1;
					while (b > 0 && isdigit((unsigned char)out[b - 1]))
						b--;
					long y = w - 1 - b == 4 ? digits_value(out + b, 4) : -1;
					prev_year = y >= 1800 && y <= 2099 && (b == 0 || out[b - 1] == ' ');
				}
				/* After "1, " the number is a list item ("items 1, 2, 4"); after
				 * "1925, " or "matters\", " it may be a marker. */
				int list_item = 0;
				if ((pp == ',' || pp == ';') && w > 2 && isdigit((unsigned char)out[w - 3])) {
					size_t b = w - 2;
					while (b > 0 && isdigit((unsigned char)out[b - 1]))
						b--;
					long y = w - 2 - b == 4 ? digits_value(out + b, 4) : -1;
					/* "2024/25; 4": the end of a symbol or a period, not an item */
					list_item = !(y >= 1800 && y <= 2099) && !(b > 0 && out[b - 1] == '/');
				}
				int punct = strchr(",;)\"", pp) || pp >= 0x80;
				/* a plural counts several ("paragraphs 3 and 4", "resolutions 242
				 * (1967)"), never one: "the twelve principles 18 and the six" */
				size_t wl = strlen(wb);
				int plural_one = isalpha(pp) && wl > 3 && wb[wl - 1] == 's'
				    && in_list(wb, count_words) && !list_goes_on(text + de, len - de);
				/* after a document's symbol: "contained in documents S/10182 11 and" */
				int after_symbol = isdigit(pp) && symbol_token(out, w - 1);
				/* between two documents' symbols in a list, after the comma ("in documents
				 * S/9525, 26 S/9528 26 and"): no count stands before a symbol, no item of a
				 * list of numbers after one */
				int symbol_comma = pp == ',' && w > 2 && symbol_token(out, w - 2);
				int between_symbols = symbol_comma && de + 1 < len && text[de] == ' '
				    && symbol_at(text, len, de + 1) > 0;
				int after = !list_item
				    && (prev_year || (isalpha(pp) && !in_list(wb, count_words)) || punct
				        || plural_one || after_symbol);
				/* before a clause's connecting word ("Council 41 and"); before any word in
				 * lower case after punctuation or a name ("Outcome, 1 sports can", "Court 1
				 * reaffirms"); before a name after a comma as the very next footnote
				 * ("Rarotonga, 3 Bangkok") */
				int next_lower = de + 1 < len && text[de] == ' ' && islower((unsigned char)text[de + 1]);
				int next_upper = de + 1 < len && text[de] == ' ' && isupper((unsigned char)text[de + 1]);
				int counts = counts_something(text + de, len - de < 24 ? len - de : 24);
				/* the text's last word, after its closing punctuation or a last word
				 * ("addenda, 5", "of 1976. 45", "at the 82nd meeting 11") */
				int at_end = de == len && !rn->orphans && (after || pp == '.' || pp == ':');
				/* before another number, after punctuation: "of 2 August, 11 5 August" */
				int next_num = de + 1 < len && text[de] == ' ' && isdigit((unsigned char)text[de + 1])
				    && (pp == ',' || pp == ';');
				int ok = at_end || (after && next_num) || between_symbols
				    || (after && ((!counts && joins_clause(text + de, len - de))
				    || (!counts && next_lower && (punct || capital_before(out, w)))
				    || (next_upper && (pp == ',' || pp == ';') && !rn->orphans)));
				if (ok) {
					long v = digits_value(text + ds, dn);
					if (rn->orphans) {
						/* No footnote texts: an increasing run of lone numbers followed
						 * by a connecting word ("Council 41 and", "1925, 59 and"). */
						/* Printed volumes number notes across resolutions, so the run
						 * is near-increasing: within 20 of the highest seen. */
						if (rn->olast == 0 || labs(v - rn->olast) <= 20) {
							if (v > rn->olast)
								rn->olast = v;
							drop_space = 1;
							w--;
							if (push_mark(marks, nmarks, w, (int)v))
								return -1;
							r = de;
							continue;
						}
					} else {
						k = spaced_ok(rn, v);
						/* each document of a list may cite the same note again */
						if (k < 0 && (after_symbol || symbol_comma))
							k = repeat_ok(rn, v);
						if (k < 0 && prev_year && !next_num) {
							/* "of 19 March 1978 20 confirmed", "dated 13 November
							 * 1979 97 and": after a date, a marker of any note not
							 * cited yet, in the order printed or not, or of one the
							 * volume printed on another page (near the file's) */
							long i = note_index(rn, v);
							if (i >= 0 && !rn->cited[i])
								k = i;
							else if (i < 0 && v > 0 && (labs(v - rn->nums[0]) <= 30
							                            || labs(v - rn->nums[rn->n - 1]) <= 30)
							         && (v < rn->nums[0] || v > rn->nums[rn->n - 1])) {
								w--;
								if (push_mark(marks, nmarks, w, (int)v))
									return -1;
								r = de;
								continue;
							}
						}
						drop_space = k >= 0;
					}
				}
			}
		}
		if (k < 0) {
			memmove(out + w, text + ds, dn);
			w += dn;
			r = de;
			continue;
		}
		if (cut > ds) {
			memmove(out + w, text + ds, cut - ds);
			w += cut - ds;
		}
		if (drop_space)
			w--;
		if (push_mark(marks, nmarks, w, rn->nums[k]))
			return -1;
		cite(rn, k);
		r = de;
	}
	if (npre) {
		pre_marks(rn, *marks, npre, &pi, len, len + 1, w);
		/* the placed markers and the found ones, each in order: one order */
		if (*nmarks > npre)
			if (*nmarks > 1)
				qsort(*marks, *nmarks, sizeof **marks, cmp_mark);
	}
	out[w] = '\0';
	*lenp = w;
	return 0;
}

/* ---- cited documents ---- */

static int is_roman(char c)
{
	return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
}

size_t refs_resolution_number(const char *s, size_t len)
{
	size_t i = 0;
	if (len >= 3 && s[0] == 'E' && s[1] == 'S' && s[2] == '-')
		i = 3;
	else if (len >= 2 && s[0] == 'S' && s[1] == '-')
		i = 2;
	size_t d = i;
	while (i < len && isdigit((unsigned char)s[i]) && i - d < 6)
		i++;
	if (i == d || (i < len && isalnum((unsigned char)s[i])))
		return 0;
	if (i + 1 < len && s[i] == '/' && isdigit((unsigned char)s[i + 1])) {
		size_t j = i + 1;
		while (j < len && isdigit((unsigned char)s[j]))
			j++;
		if (j < len && (isalpha((unsigned char)s[j]) || s[j] == '/'))
			return 0;
		return j;
	}
	if (d > 0)
		return 0;
	size_t j = i;
	/* Optional part letter: "2200 A (XXI)". */
	if (j + 2 < len && s[j] == ' ' && isupper((unsigned char)s[j + 1]) && s[j + 2] == ' ')
		j += 2;
	if (j + 2 < len && s[j] == ' ' && s[j + 1] == '(') {
		size_t k = j + 2, b = k;
		if (k < len && isdigit((unsigned char)s[k])) {
			while (k < len && isdigit((unsigned char)s[k]))
				k++;
			if (k - b != 4)
				return 0;
		} else {
			while (k < len && is_roman(s[k]))
				k++;
			if (k == b)
				return 0;
		}
		if (k < len && s[k] == ')')
			return k + 1;
	}
	return 0;
}

static int push_ref(struct ref **refs, size_t *nrefs, enum ref_kind kind, const char *s,
                    size_t byte, size_t n)
{
	size_t c = *nrefs;
	struct ref *nr = buf_array_push(*refs, c, sizeof *nr);
	if (!nr)
		return -1;
	*refs = nr;
	char *t = strndup(s + byte, n);
	if (!t)
		return -1;
	(*refs)[c].kind = kind;
	(*refs)[c].target = t;
	(*refs)[c].byte = byte;
	(*refs)[c].len = n;
	*nrefs = c + 1;
	return 0;
}

/* "resolution", "résolution", "resolución", "резолюция" ... at s, in any case and number:
 * returns bytes up to the end of the word, 0 if it is not one. */
static size_t resolution_word(const char *s, size_t len)
{
	static const char *const stems[] = { "resolution", "Resolution", "résolution",
		"Résolution", "resolución", "Resolución", "resoluciones", "Resoluciones",
		"резолюци", "Резолюци", NULL };
	/* Every stem starts with r, R or the first byte of р/Р: most words are out at once
	 * (this runs at every word start of a document). */
	if (len == 0 || (s[0] != 'r' && s[0] != 'R' && (unsigned char)s[0] != 0xD0 &&
	                 (unsigned char)s[0] != 0xD1))
		return 0;
	if (len < 3)
		return 0;                      /* shorter than any stem */
	for (size_t i = 0; stems[i]; i++) {
		/* two bytes first: "rights", "report" are out without a strlen and a memcmp */
		if (s[1] != stems[i][1] || s[2] != stems[i][2])
			continue;
		size_t k = strlen(stems[i]);
		if (len >= k && memcmp(s, stems[i], k) == 0) {
			while (k < len && ((unsigned char)s[k] >= 0x80 || isalpha((unsigned char)s[k])))
				k++;
			return k;
		}
	}
	return 0;
}

/* Skips what may stand between two numbers of a list of resolutions: ", ", "and",
 * "of 18 December 2002", "also", "in particular". Returns the new position. */
static size_t skip_list_glue(const char *s, size_t len, size_t i)
{
	static const char *const words[] = { "and ", "of ", "also ", "in particular ",
		"in particular, ", "particularly ", "including ", "notably ", "et ", "y ", "и ", NULL };
	for (int guard = 0; guard < 8 && i < len; guard++) {
		size_t start = i;
		while (i < len && (s[i] == ' ' || s[i] == ','))
			i++;
		for (size_t w = 0; words[w]; w++) {
			size_t k = strlen(words[w]);
			if (len - i >= k && memcmp(s + i, words[w], k) == 0) {
				i += k;
				if (strcmp(words[w], "of ") == 0) {
					char date[11];
					size_t dl = lang_parse_date(s + i, len - i, date);
					if (!dl)
						return start;
					i += dl;
				}
				break;
			}
		}
		if (i == start)
			break;
	}
	return i;
}

/* A document symbol at s[i]: capitals, '/', then segments with at least one digit. */
static size_t symbol_at(const char *s, size_t len, size_t i)
{
	size_t j = i;
	while (j < len && isupper((unsigned char)s[j]) && j - i < 8)
		j++;
	if (j == i || j >= len || s[j] != '/')
		return 0;
	int digit = 0;
	size_t e = j;
	while (e < len && (isalnum((unsigned char)s[e]) || s[e] == '/' || s[e] == '.' || s[e] == '-')) {
		if (isdigit((unsigned char)s[e]))
			digit = 1;
		e++;
	}
	while (e > j + 1 && (s[e - 1] == '.' || s[e - 1] == '-' || s[e - 1] == '/'))
		e--;
	if (!digit || e <= j + 1)
		return 0;
	/* "(Part I)", "(Vol. II)", and the year of Security Council symbols "(1967)". */
	static const char *const tails[] = { " (Part ", " (Vol. ", " (Vols. ", " (", NULL };
	for (size_t t = 0; tails[t]; t++) {
		size_t k = strlen(tails[t]);
		if (len - e <= k || memcmp(s + e, tails[t], k) != 0)
			continue;
		size_t m = e + k, b = m;
		if (t == 3) {
			while (m < len && isdigit((unsigned char)s[m]))
				m++;
			if (m - b != 4)
				continue;
		} else {
			while (m < len && (is_roman(s[m]) || isdigit((unsigned char)s[m])))
				m++;
			if (m == b)
				continue;
		}
		if (m < len && s[m] == ')')
			return m + 1 - i;
	}
	return e - i;
}

/* How the scan for references sees a byte: 1 (WORD) an ASCII letter or digit, after which
 * there is no word boundary (isalnum() in every locale); 2 (START) a byte a reference may start
 * with: a capital, r, any non-ASCII byte (р, Р, a capital: the exact test follows); 3 both. */
enum { WORD = 1, START = 2 };
static const unsigned char ref_byte[256] = {
	/* 0_ */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 1_ */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 2_ */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 3_ */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	/* 4_ */ 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	/* 5_ */ 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
	/* 6_ */ 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	/* 7_ */ 1, 1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	/* 8_ */ 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	/* 9_ */ 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	/* A_ */ 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	/* B_ */ 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	/* C_ */ 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	/* D_ */ 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	/* E_ */ 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	/* F_ */ 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2
};

/* The first position from i (i > 0) where a reference may start: a START byte after a byte
 * that is not WORD. This sees every byte of every paragraph, so it is a loop of its own with
 * one well-predicted branch per byte (the tests below, per byte, were a tenth of a parse). */
static size_t next_start(const unsigned char *u, size_t len, size_t i)
{
	/* the same a block of bytes at a time: a START byte (a capital, r, non-ASCII) after one
	 * that is not WORD (an ASCII letter or digit) */
	for (; BYTES_N && i + BYTES_N <= len; i += BYTES_N) {
		bytes_t w = bytes_load(u + i), before = bytes_load(u + i - 1);
		bytes_t start = bytes_or(bytes_high(w), bytes_or(bytes_in(w, 'A', 'Z' + 1),
		                                                 bytes_eq(w, 'r')));
		bytes_t word = bytes_or(bytes_in(before, '0', '9' + 1),
		                        bytes_or(bytes_in(before, 'A', 'Z' + 1),
		                                 bytes_in(before, 'a', 'z' + 1)));
		if (bytes_bits(bytes_but(start, word)))
			return i + bytes_first(bytes_bits(bytes_but(start, word)));
	}
	if (i >= len)
		return len;
	unsigned prev = ref_byte[u[i - 1]];
	for (; i < len; i++) {
		unsigned cur = ref_byte[u[i]];
		if (cur & ~(prev << 1) & START)
			break;
		prev = cur;
	}
	return i;
}

/* Whether s[0..len) may hold a reference at all: a symbol has a '/' after its capitals
 * (symbol_at), and every stem of resolution_word holds "sol" ("resolution", "résolution",
 * "resolución") or "з" ("резолюци"). Most paragraphs have none of these, and are passed a
 * block of bytes at a time instead of a stop at every capital and every word in r. A yes
 * may be wrong (the scan then finds nothing); a no never is. */
static int may_refer(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	if (BYTES_N > 0)
		for (; i + BYTES_N + 2 <= len; i += BYTES_N) {
			bytes_t w0 = bytes_load(u + i), w1 = bytes_load(u + i + 1);
			bytes_t w2 = bytes_load(u + i + 2);
			bytes_t sol = bytes_and(bytes_and(bytes_eq(w0, 's'), bytes_eq(w1, 'o')),
			                        bytes_eq(w2, 'l'));
			bytes_t ze = bytes_and(bytes_eq(w0, 0xD0), bytes_eq(w1, 0xB7));
			if (bytes_bits(bytes_or(bytes_or(bytes_eq(w0, '/'), sol), ze)))
				return 1;
		}
	for (; i < len; i++) {
		if (u[i] == '/' || (u[i] == 0xD0 && i + 1 < len && u[i + 1] == 0xB7) ||
		    (u[i] == 's' && i + 2 < len && u[i + 1] == 'o' && u[i + 2] == 'l'))
			return 1;
	}
	return 0;
}

int refs_find_documents(const char *s, size_t len, struct ref **refs, size_t *nrefs)
{
	const unsigned char *u = (const unsigned char *)s;
	if (!may_refer(s, len))
		return 0;
	for (size_t i = 0; i < len;) {
		if (i > 0) {
			i = next_start(u, len, i);
			if (i == len)
				break;
		}
		/* Only a capital (a symbol) or r, R, р, Р ("resolution") starts a reference. */
		unsigned char c = (unsigned char)s[i];
		if (!(c >= 'A' && c <= 'Z') && c != 'r' && c != 0xD0 && c != 0xD1 &&
		    (c < 0x80 || !isupper(c))) {
			i++;
			continue;
		}
		/* a word boundary: next_start left no ASCII letter or digit before, so only a
		 * non-ASCII byte needs isalnum() (which depends on the locale) */
		unsigned char b = i > 0 ? u[i - 1] : ' ';
		int boundary = !(b >= 0x80 && isalnum(b)) && b != '/' && b != '.' && b != '-';
		if (!boundary) {
			i++;
			continue;
		}
		size_t rw = resolution_word(s + i, len - i);
		if (rw) {
			size_t j = rw + i;
			if (j < len && s[j] == ' ') {
				j++;
				size_t n = refs_resolution_number(s + j, len - j);
				size_t last = i + rw;
				while (n) {
					if (push_ref(refs, nrefs, REF_RESOLUTION, s, j, n))
						return -1;
					last = j + n;
					size_t nj = skip_list_glue(s, len, last);
					n = nj > last ? refs_resolution_number(s + nj, len - nj) : 0;
					j = nj;
				}
				i = last;
				continue;
			}
			i += rw;
			continue;
		}
		size_t k = symbol_at(s, len, i);
		if (k) {
			if (push_ref(refs, nrefs, REF_DOCUMENT, s, i, k))
				return -1;
			i += k;
			continue;
		}
		i++;
	}
	return 0;
}
