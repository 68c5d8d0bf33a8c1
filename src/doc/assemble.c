/* assemble.c: hard-wrapped lines -> paragraph blocks (the rules are in assemble.h). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "doc/assemble.h"
#include "doc/lang.h"
#include "text/utf8.h"

void assemble_init(struct assemble *a, struct block_list *out, const char *text, size_t len)
{
	memset(a, 0, sizeof *a);
	a->out = out;
	unwrap_init(&a->u, text, len);
}

/* The text's language, detected at the first line that needs it: text without page breaks
 * or short lines to judge never does, and the detection reads the whole text. */
static const char *lang_of(struct assemble *a)
{
	if (!a->lang)
		a->lang = lang_detect(a->u.text, a->u.len);
	return a->lang;
}

void assemble_free(struct assemble *a)
{
	unwrap_free(&a->u);
	buf_free(&a->cur);
}

static ucs4_t cp(const char *s, size_t n)
{
	return utf8_at(s, n);
}

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

static int starts(const char *s, size_t n, const char *w)
{
	/* the first byte before strlen and memcmp: most lines tried start otherwise */
	if (w[0] && (n == 0 || s[0] != w[0]))
		return 0;
	size_t k = strlen(w);
	return n >= k && memcmp(s, w, k) == 0;
}

/* "12." or "12.\t" or "3 -" (Arabic numbering): bytes of the number with its punctuation. */
static size_t para_number(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && i < 4 && digit(s[i]))
		i++;
	if (i == 0 || i > 3)
		return 0;
	if (i < n && s[i] == '.') {
		if (i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\t')
			return i + 1;
		return 0;
	}
	size_t j = i;
	while (j < n && s[j] == ' ')
		j++;
	if (j < n && (s[j] == '-' || starts(s + j, n - j, "\xe2\x80\x93")) ) {
		size_t k = j + (s[j] == '-' ? 1 : 3);
		if (k == n || s[k] == ' ')
			return k;
	}
	return 0;
}

/* "(a)", "(ii)", "(1)", "a)", "（a）", "(أ)", "б)": bytes of the label. */
static size_t sub_label(const char *s, size_t n)
{
	size_t i = 0;
	int paren = 0;
	if (i < n && s[i] == '(') {
		paren = 1;
		i++;
	} else if (starts(s, n, "\xef\xbc\x88")) {          /* （ */
		paren = 1;
		i += 3;
	}
	size_t a = i;
	int kind = 0, count = 0;
	while (i < n) {
		ucs4_t c = cp(s + i, n - i);
		int k = digit(s[i]) ? 1 : (c >= 'a' && c <= 'z') ? 2 :
		        (c >= 'A' && c <= 'Z' && paren) ? 3 : (c >= 0x430 && c <= 0x44F) ? 4 :
		        (c >= 0x621 && c <= 0x64A) ? 5 : 0;
		if (!k || (kind && k != kind))
			break;
		kind = k;
		count++;
		uint32_t skip;
		i += utf8_decode(s + i, n - i, &skip);
	}
	if (i == a || count > (kind == 2 ? 7 : kind == 1 ? 3 : 1))
		return 0;
	if (!paren && kind != 2 && kind != 4)
		return 0;
	if (!paren && count > 4)
		return 0;
	size_t close;
	if (i < n && s[i] == ')')
		close = 1;
	else if (starts(s + i, n - i, "\xef\xbc\x89"))     /* ） */
		close = 3;
	else
		return 0;
	i += close;
	if (i < n && s[i] != ' ' && s[i] != '\t' && !(paren && (unsigned char)s[i] >= 0xE3))
		return 0;
	return i;
}

static size_t bullet(const char *s, size_t n)
{
	static const char *const marks[] = { "\xe2\x80\xa2", "\xe2\x96\xaa", "\xe2\x97\x8f",
		"\xe2\x97\xa6", "\xc2\xb7", "\xe2\x80\x93", "\xe2\x80\x94", "-", "*", NULL };
	for (int i = 0; marks[i]; i++) {
		size_t k = strlen(marks[i]);
		if (starts(s, n, marks[i]) && (k == n || s[k] == ' ' || s[k] == '\t'))
			return k;
	}
	return 0;
}

static int strong_bullet(const char *s, size_t n)
{
	size_t k = bullet(s, n);
	return k && (k == n || (s[0] != '-' && s[0] != '*' && !starts(s, n, "\xe2\x80\x93") &&
	                        !starts(s, n, "\xe2\x80\x94")));
}

/* "I. General provisions": a roman heading, short and not ending a clause. */
static int roman_heading(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && strchr("IVXLC", s[i]) && s[i])
		i++;
	if (i == 0 || i > 6 || i + 2 >= n || s[i] != '.' || s[i + 1] != ' ')
		return 0;
	if (n > 120)
		return 0;
	char last = s[n - 1];
	return !strchr(".;,:", last);
}

static int annex_line(const char *s, size_t n)
{
	size_t k = lang_annex_word(s, n);
	if (!k)
		return 0;
	while (k < n && s[k] == ' ')
		k++;
	if (k == n)
		return 1;
	size_t e = k;
	while (e < n && s[e] != ' ')
		e++;
	return e == n && n - k <= 16;
}

int assemble_is_vote(const char *s, size_t n)
{
	return lang_is_vote_line(s, n);
}

/* "Resolution 1454 (2002)": the heading of a Security Council resolution. */
static int sc_heading(const char *s, size_t n)
{
	size_t k = lang_resolution_word(s, n);
	if (!k || k >= n || s[k] != ' ')
		return 0;
	size_t i = ++k;
	while (i < n && digit(s[i]))
		i++;
	if (i == k || i + 7 != n)
		return 0;
	return s[i] == ' ' && s[i + 1] == '(' && digit(s[i + 2]) && digit(s[i + 5]) && s[i + 6] == ')';
}

/* Lines that open a resolution's heading: a paragraph starts there whatever came before. */
static int heading_start(const char *s, size_t n)
{
	if (lang_header_start(s, n))
		return 1;
	/* "77/1. Title", "77/1 - Title" (Arabic): the resolution's number and title */
	size_t i = 0;
	while (i < n && i < 4 && digit(s[i]))
		i++;
	if (!i || i >= n || s[i] != '/')
		return 0;
	size_t k = ++i;
	while (i < n && i < k + 5 && digit(s[i]))
		i++;
	if (i == k || i + 2 >= n)
		return 0;
	if (s[i] == '.' && (s[i + 1] == ' ' || s[i + 1] == '\t'))
		return 1;
	return s[i] == ' ' && (s[i + 1] == '-' || starts(s + i + 1, n - i - 1, "\xe2\x80\x93"));
}

/* "Note: ..." under an item of a list: its own paragraph. */
static int note_start(const char *s, size_t n)
{
	return starts(s, n, "Note: ") || starts(s, n, "Notes: ") || starts(s, n, "Note : ");
}

/* An English operative paragraph's lead: a verb in the third person ("Recommends to the
 * General Assembly", "Takes note", "Calls upon"), where a preamble's are participles and
 * adjectives ("Anxious", "Conscious" end in -s too). */
static int lead_verb(const char *s, size_t n)
{
	size_t w = 1;
	if (!n || s[0] < 'A' || s[0] > 'Z')
		return 0;
	while (w < n && s[w] >= 'a' && s[w] <= 'z')
		w++;
	if (w < 4 || w == n || s[w] != ' ' || s[w - 1] != 's' || s[w - 2] == 's'
	    || (s[w - 2] == 'u' && s[w - 3] == 'o'))
		return 0;
	return lang_lead_len("en", s, n, 1) > 0;
}

/* A line that is a block of its own, and after which a new block starts. */
static int standalone(const char *s, size_t n)
{
	if (lang_other_opening(s, n))
		return 1;
	if (sc_heading(s, n))
		return 1;
	if (n == 1 && s[0] >= 'A' && s[0] <= 'Z')
		return 1;                                   /* part letter */
	if (annex_line(s, n) || roman_heading(s, n) || lang_is_meeting_line(s, n) ||
	    lang_article_heading(s, n))
		return 1;
	/* an opening begins with a capital: "the General Assembly," ends a wrapped sentence */
	if (n && s[0] >= 'a' && s[0] <= 'z')
		return 0;
	const char *organ;
	int comma;
	size_t k = lang_opening(s, n, &organ, &comma);
	return k && k == n;
}

int assemble_ends_notes(const char *s, size_t n)
{
	return standalone(s, n) || assemble_is_vote(s, n) || heading_start(s, n);
}

/* The bytes assemble_clean_line may change: a "|", the lead bytes of a superscript digit
 * (0xC2, 0xE2), a soft hyphen (0xC2) and a ligature (0xEF). */
static int clean_special(unsigned char c)
{
	return c == '|' || c == 0xC2 || c == 0xE2 || c == 0xEF;
}

/* The first special byte of s[j, n), or n. Eight bytes at a time while none is a "|" or
 * non-ASCII (the XOR with '|' turns a "|" into 0, found as a byte below 1). */
static size_t next_special(const char *s, size_t n, size_t j)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	for (; j + 8 <= n; j += 8) {
		uint64_t x, bar;
		memcpy(&x, s + j, 8);
		bar = x ^ ones * '|';
		if ((x | ((bar - ones) & ~bar)) & high)
			break;
	}
	while (j < n && !clean_special((unsigned char)s[j]))
		j++;
	return j;
}

size_t assemble_clean_line(const char *s, size_t n, char *out)
{
	static const char *const ligatures[] = { "ff", "fi", "fl", "ffi", "ffl" };
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '|' && (i == 0 || s[i - 1] == ' ') && (i + 1 == n || s[i + 1] == ' '))
			continue;
		unsigned char c0 = (unsigned char)s[i];
		size_t sk;
		char sd = blocks_superscript(s, n, i, &sk);
		if (sd && o > 0 && out[o - 1] != 'm' && out[o - 1] != ' ') {
			out[o++] = sd;                  /* "Rights,²" -> "Rights,2", as PDF text has */
			i += sk - 1;
			continue;
		}
		if (c0 == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) {
			i++;                            /* U+00AD soft hyphen */
			continue;
		}
		if (c0 == 0xE2 && i + 4 < n && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x93 && s[i + 3] == ' ' && s[i + 4] >= '0' &&
		    s[i + 4] <= '9' && o > 0 && out[o - 1] >= '0' && out[o - 1] <= '9') {
			memcpy(out + o, s + i, 3);      /* "2015– 2030": a range the extraction spaced */
			o += 3;
			i += 3;
			continue;
		}
		if (c0 == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xAC &&
		    (unsigned char)s[i + 2] >= 0x80 && (unsigned char)s[i + 2] <= 0x84) {
			const char *l = ligatures[(unsigned char)s[i + 2] - 0x80];
			size_t k = strlen(l);           /* never longer than the 3 bytes it replaces */
			memcpy(out + o, l, k);
			o += k;
			i += 2;
			continue;
		}
		/* this byte and the run up to the next one the tests above look at go over in one
		 * copy (those tests ran at every byte of every line) */
		size_t j = next_special(s, n, i + 1);
		memcpy(out + o, s + i, j - i);
		o += j - i;
		i = j - 1;
	}
	while (o && (out[o - 1] == ' ' || out[o - 1] == '\t'))
		o--;
	return o;
}

/* A string and its length, for tables tried at every line. */
struct word {
	const char *s;
	size_t n;
};
#define WORD(lit) { lit, sizeof lit - 1 }

/* Whether s[0..n) (n > 0) ends with w: the last byte before memcmp, as most lines tried end
 * otherwise (this runs at every line of the text when its shape is detected). */
static int ends_with(const char *s, size_t n, struct word w)
{
	return n >= w.n && s[n - 1] == w.s[w.n - 1] && memcmp(s + n - w.n, w.s, w.n) == 0;
}

int assemble_ends_clause(const char *s, size_t n)
{
	if (!n)
		return 1;
	/* a footnote marker glued after the punctuation: "Human Rights,1", "Action;16" */
	size_t d = 0;
	while (d < n && d < 3 && digit(s[n - 1 - d]))
		d++;
	if (d && d < n && strchr(".;:,", s[n - 1 - d]))
		n -= d;
	else if (d && d + 1 < n && s[n - 1 - d] == ' ' && strchr(".;:,", s[n - 2 - d]))
		n -= d + 1;                     /* spaced: "of 10 April 1972, 61" */
	char c = s[n - 1];
	if (strchr(".;:,]", c))
		return 1;
	static const struct word ends[] = { WORD("\xe3\x80\x82"), WORD("\xef\xbc\x9b"),
		WORD("\xef\xbc\x9a"), WORD("\xef\xbc\x8c"), WORD("\xe3\x80\x81"), WORD("\xd8\x8c"),
		WORD("\xd8\x9b") };   /* 。；：，、،؛ */
	for (size_t i = 0; i < sizeof ends / sizeof *ends; i++)
		if (ends_with(s, n, ends[i]))
			return 1;
	return lang_ends_conjunction(s, n);
}

static int clause_end(const struct buf *b)
{
	return assemble_ends_clause(b->s, b->n);
}

static ucs4_t last_cp(const struct buf *b)
{
	uint32_t c;
	utf8_last(b->s, b->n, &c);
	return c;
}

/* The paragraph so far has opened a quotation it has not closed: a title quoted in it
 * ("... of All States, / Taking into Particular Account ...”") is no lead phrase. */
static int open_quote(const struct buf *b)
{
	int depth = 0;
	for (size_t i = 0; i + 2 < b->n; i++)
		if (b->s[i] == '\xe2' && b->s[i + 1] == '\x80')
			depth += b->s[i + 2] == '\x9c' ? 1 : b->s[i + 2] == '\x9d' ? -1 : 0;
	return depth > 0;
}

/* The paragraph so far ends in a letter or digit: a sentence broken off. */
static int open_end(const struct buf *b)
{
	ucs4_t c = last_cp(b);
	return b->n && (uc_is_alpha(c) || (c >= '0' && c <= '9'));
}

size_t assemble_footnote_start(const char *s, size_t n, int expect, int *num)
{
	size_t i = 0;
	int v = 0;
	if (n >= 3 && s[0] == '(') {
		/* "(1) text": Arabic texts put footnote numbers in brackets */
		size_t j = 1;
		while (j < n && j < 5 && digit(s[j]))
			v = v * 10 + (s[j++] - '0');
		if (j == 1 || j >= n || s[j] != ')' || v == 0 || (expect && v != expect))
			return 0;
		j++;
		while (j < n && (s[j] == ' ' || s[j] == '\t'))
			j++;
		*num = v;
		return j;
	}
	while (i < n && i < 4 && digit(s[i])) {
		v = v * 10 + (s[i] - '0');
		i++;
	}
	if (i == 0 || i > 3 || v == 0)
		return 0;
	if (expect && v != expect)
		return 0;
	size_t j = i;
	while (j < n && (s[j] == ' ' || s[j] == '\t'))
		j++;
	if (j == i) {
		/* glued "1Resolution" or the number alone on its line */
		if (i < n) {
			ucs4_t c = cp(s + i, n - i);
			if (!uc_is_alpha(c))
				return 0;
		}
	} else if (j < n && (s[j] == '.' || s[j] == ',' || s[j] == '-' || s[j] == '/' ||
	                     s[j] == ')' || digit(s[j]))) {
		/* "8 2010 Review Conference of the Parties": a note opening with a year */
		if (!(j + 5 < n && digit(s[j]) && digit(s[j + 1]) && digit(s[j + 2]) &&
		      digit(s[j + 3]) && s[j + 4] == ' ' && s[j + 5] >= 'A' && s[j + 5] <= 'Z'))
			return 0;
	}
	if (i < n && (s[i] == '.' || s[i] == ',' || s[i] == '/' || s[i] == ')' || s[i] == '-'))
		return 0;
	*num = v;
	return j;
}

static int push(struct assemble *a)
{
	if (!a->cur.n)
		return 0;
	int r = blocks_push(a->out, a->cur.s, a->cur.n, a->zone, a->indent, a->page);
	buf_clear(&a->cur);
	a->number_only = 0;
	return r;
}

int assemble_flush(struct assemble *a)
{
	int was_vote = a->cur.n && a->zone == ZONE_BODY && assemble_is_vote(a->cur.s, a->cur.n);
	if (push(a))
		return -1;
	if (was_vote && !a->notes)
		a->notes = 2;                                   /* tentative: a vote line */
	return 0;
}

void assemble_blank(struct assemble *a)
{
	/* a vote line ends with its paragraph: footnotes may follow */
	if (a->cur.n && a->zone == ZONE_BODY && assemble_is_vote(a->cur.s, a->cur.n)) {
		if (assemble_flush(a) == 0)
			return;
	}
	if (a->cur.n)
		a->blank = 1;
}

void assemble_notes(struct assemble *a, int on)
{
	a->notes = on ? 1 : 0;
}

static int start(struct assemble *a, const char *s, size_t n, enum block_zone zone, int indent,
                 int page)
{
	if (assemble_flush(a))
		return -1;
	a->zone = zone;
	a->indent = indent;
	a->page = page;
	a->alone = 0;
	a->title = 0;
	a->number_only = 0;
	return unwrap_append(&a->u, &a->cur, s, n);
}

int assemble_line(struct assemble *a, const char *s, size_t n, int indent, int page, int flags)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	if (!n)
		return 0;
	int blank = a->blank;
	a->blank = 0;

	/* footnotes: "N text" with the next number (any number for the first one, and 1 again
	 * when a new resolution restarts the numbering) */
	char date[11];
	size_t dl = lang_parse_date(s, n, date);
	int date_line = dl && (dl == n || (dl + 1 == n && (s[dl] == '.' || s[dl] == ',')));
	/* a finished vote line: footnotes may follow even without a blank line */
	if (!a->notes && a->cur.n && a->zone == ZONE_BODY && a->cur.s[a->cur.n - 1] == '.' &&
	    assemble_is_vote(a->cur.s, a->cur.n))
		a->notes = 2;
	if (a->notes && !date_line) {
		int num = 0;
		size_t k = assemble_footnote_start(s, n, 0, &num);
		int in_note = a->zone == ZONE_FOOTNOTE && a->cur.n;
		int ok = k && (a->last_fn == 0 || num == a->last_fn + 1 || (num == 1 && !in_note));
		if (ok && k < n && uc_is_lower(cp(s + k, n - k)))
			ok = 0;                                     /* "12 countries": text, not a note */
		if (ok && a->notes == 2 && !in_note && !blank && a->cur.n && !a->alone &&
		    a->cur.s[a->cur.n - 1] != '.')
			ok = 0;         /* a guessed zone needs a blank line or a finished vote line */
		if (ok) {
			a->last_fn = num;
			a->notes = a->notes == 3 ? 3 : 1;
			/* every footnote block reads "N text": "1Resolution" gets its space back and
			 * the Arabic "(1) text" its plain number */
			char num_s[8];
			snprintf(num_s, sizeof num_s, "%d", num);
			if (start(a, num_s, strlen(num_s), ZONE_FOOTNOTE, indent, page))
				return -1;
			if (k < n && unwrap_append(&a->u, &a->cur, s + k, n - k))
				return -1;
			if (k == n)
				a->number_only = 1;
			return 0;
		}
		/* a meeting line, an annex, a part letter, a vote or the heading of the next
		 * resolution of a compilation ("79/302. Title") after the notes ends them */
		int ends = a->notes != 3 && (standalone(s, n) || assemble_is_vote(s, n) ||
		                             heading_start(s, n));
		if (in_note && !ends && (!blank || a->notes == 3))
			return unwrap_append(&a->u, &a->cur, s, n);   /* a footnote goes on */
		if (a->notes != 3)
			a->notes = 0;                               /* the zone was a guess, or ended */
	}

	/* a date alone closes ("22 December 2003" under the meeting line), unless it ends a
	 * sentence broken off before it ("... at its 9999th meeting, on" / "5 May 2033") */
	int alone = standalone(s, n) || (date_line && (a->alone || !open_end(&a->cur)));
	int brk = !a->cur.n || alone || a->alone;
	/* an annex title set without a blank line under it ends at its short last line */
	if (!brk && a->title && a->soft && !blank && (flags & ASSEMBLE_SHORTISH_BEFORE) &&
	    !clause_end(&a->cur) && uc_is_upper(cp(s, n)))
		brk = 1;
	if (!brk && a->number_only)
		brk = 0;                                        /* "1." then its text */
	else if (!brk && blank) {
		ucs4_t c = cp(s, n);
		/* a lower-case start goes on with a paragraph broken off mid-sentence, also after
		 * a comma (but a Russian preamble starts in lower case) */
		int cont = open_end(&a->cur) ||
		           (a->cur.n && a->cur.s[a->cur.n - 1] == ',' && strcmp(lang_of(a), "ru") != 0);
		brk = !(uc_is_lower(c) && cont && a->zone == ZONE_BODY);
		/* a sentence broken off in a word run ("to support the" / "United Nations ...",
		 * at a page break, seen or lost): it goes on whatever the case, unless the line
		 * opens a numbered or lettered paragraph, a heading or a preambular lead (a
		 * paragraph never ends without punctuation) */
		int fnum;
		if (brk && a->zone == ZONE_BODY && !a->title && a->cur.n &&
		    ((flags & ASSEMBLE_PAGE_START) || lang_ends_open(a->cur.s, a->cur.n) ||
		     (a->cur.n >= 60 && s[0] != '[' && !a->in_annex && a->opened &&
		      !assemble_footnote_start(s, n, 0, &fnum) && !heading_start(a->cur.s, a->cur.n))) &&
		    uc_is_lower(last_cp(&a->cur)) && !para_number(s, n) &&
		    !sub_label(s, n) && !bullet(s, n) && !heading_start(s, n) &&
		    !(uc_is_upper(c) && lang_lead_len(lang_of(a), s, n, 0) > 0))
			brk = 0;
	} else if (!brk) {
		int label = para_number(s, n) || sub_label(s, n) || bullet(s, n);
		if (((flags & ASSEMBLE_INDENTED) && clause_end(&a->cur) && !uc_is_lower(cp(s, n))) ||
		    (label && (clause_end(&a->cur) || a->title ||
		               (a->soft && (flags & ASSEMBLE_SHORT_BEFORE)))) ||
		    strong_bullet(s, n) || s[0] == '[' || heading_start(s, n) ||
		    (a->soft && note_start(s, n) && clause_end(&a->cur)))
			brk = 1;
		else if (clause_end(&a->cur) && a->zone == ZONE_BODY && strcmp(lang_of(a), "en") == 0
		         && lead_verb(s, n))
			brk = 1;        /* "... the Ivory Coast, 26" / "Recommends to the ..." */
		else if ((a->soft || (flags & ASSEMBLE_PAGE_START)) && clause_end(&a->cur)) {
			ucs4_t c = cp(s, n);
			int lower = uc_is_lower(c) && strcmp(lang_of(a), "ru") != 0;
			if (a->soft && (flags & ASSEMBLE_SHORT_BEFORE) && !lower)
				brk = 1;
			/* "(b) ...;" ending short, then "and to share ...": the paragraph goes on
			 * after its list (justified text is short only where a paragraph ends) */
			else if (a->soft && (flags & ASSEMBLE_SHORTISH_BEFORE) && lower &&
			         a->cur.s[a->cur.n - 1] == ';' && sub_label(a->cur.s, a->cur.n))
				brk = 1;
			else if (strcmp(lang_of(a), "en") == 0 && uc_is_upper(c) &&
			         (lang_lead_len(lang_of(a), s, n, 0) > 0 || lead_verb(s, n)) &&
			         !open_quote(&a->cur))
				brk = 1;
		}
	}
	if (brk) {
		int after_annex = a->alone && a->cur.n && annex_line(a->cur.s, a->cur.n);
		if (alone && annex_line(s, n))
			a->in_annex = 1;
		else if (alone && lang_opening(s, n, NULL, NULL) == n) {
			a->in_annex = 0;            /* the next resolution of a compilation */
			a->opened = 1;
		}
		if (start(a, s, n, ZONE_BODY, indent, page))
			return -1;
		a->title = after_annex && !alone;
		a->alone = alone;
		size_t pn = para_number(s, n), sl = sub_label(s, n), bl = bullet(s, n);
		if ((pn && pn == n) || (sl && sl == n) || (bl && bl == n))
			a->number_only = 1;         /* "1.", "(a)" or "•" alone: its text follows */
		if (alone && lang_is_meeting_line(s, n) && !a->notes)
			a->notes = 2;
		if (date_line && a->notes == 0 && a->out->n && lang_is_meeting_line(
		        a->out->v[a->out->n - 1].text, a->out->v[a->out->n - 1].len))
			a->notes = 2;                               /* "22 December 2003" closes too */
		return 0;
	}
	a->number_only = 0;
	return unwrap_append(&a->u, &a->cur, s, n);
}
