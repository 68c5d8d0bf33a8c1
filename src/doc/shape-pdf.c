/* shape-pdf.c: text as pdftotext gives it from an official PDF. Pages are split at form feeds;
 * each page's masthead, running head and footer are furniture (their facts go to the hints),
 * lines below a ____ rule are that page's footnotes (without a rule: the numbered lines at the
 * foot that go on from the last footnote and are cited above), the rest is body. Body
 * paragraphs and footnotes both run on across page breaks: a footnote that continues on the
 * next page comes first under that page's rule, without a number, and is joined to the one
 * before it. Footnote blocks follow their resolution's body, as in the ODS extract.
 * Hard-wrapped text without blank lines between paragraphs also comes here (detect.c): the
 * line measure and lead phrases find its paragraphs. In pdftotext -layout text, a line set
 * deeper than most is a paragraph's first line. Each masthead starts a document's own hints
 * (a file of several pasted PDF texts). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uniwidth.h>

#include "doc/assemble.h"
#include "doc/blocks.h"
#include "doc/furniture.h"
#include "doc/lang.h"
#include "text/buf.h"

struct span {
	const char *s;
	size_t n;
};

struct page {
	struct span *lines;
	size_t n;
	struct span head[3];    /* the first lines that are not blank or furniture */
	int nhead;
};

static struct span trim(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t' || *s == '\r')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return (struct span){ s, n };
}

/* Columns of blank before a trimmed line, as pdftotext -layout sets a paragraph's first
 * line deeper than the rest (tabs count as 8). */
static int lead_ws(const char *text, struct span l)
{
	int w = 0;
	for (const char *p = l.s; p > text && (p[-1] == ' ' || p[-1] == '\t'); p--)
		w += p[-1] == '\t' ? 8 : 1;
	return w;
}

static int width(struct span l)
{
	/* ASCII as u8_width counts it (a printable character is one column, a control none, a
	 * NUL ends the string), without its call per character: a tenth of a parse */
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	int w = 0;
	size_t i = 0;
	/* eight bytes at a time while none is a control, DEL or non-ASCII (the high bit of x,
	 * of low + 1 at 0x7F, of ~(low + 0x60) below 0x20; no sum carries out of its byte) */
	for (; i + 8 <= l.n; i += 8) {
		uint64_t x;
		memcpy(&x, l.s + i, 8);
		uint64_t low = x & ~high;
		if ((x | (low + ones) | ~(low + ones * 0x60)) & high)
			break;
		w += 8;
	}
	for (; i < l.n; i++) {
		unsigned char c = (unsigned char)l.s[i];
		if (c >= 0x80) {
			int rest = u8_width((const uint8_t *)l.s + i, l.n - i, "UTF-8");
			return rest < 0 ? (int)l.n : w + rest;
		}
		if (c == 0)
			break;
		w += c >= 0x20 && c != 0x7F;
	}
	return w;
}

/* Splits text into pages of lines (spans into text). Returns the page count, -1 on OOM. */
static long split_pages(const char *text, size_t len, struct page **out, struct span **store)
{
	/* line ends found with memchr: the loops went byte by byte */
	size_t nlines = 1, npages = 1;
	for (const char *p = text; len && (p = memchr(p, '\n', (size_t)(text + len - p))); p++)
		nlines++;
	for (const char *p = text; len && (p = memchr(p, '\f', (size_t)(text + len - p))); p++) {
		nlines++;
		npages++;
	}
	struct span *ls = malloc(nlines * sizeof *ls);
	struct page *ps = calloc(npages, sizeof *ps);
	if (!ls || !ps) {
		free(ls);
		free(ps);
		return -1;
	}
	size_t li = 0, pi = 0;
	ps[0].lines = ls;
	const char *ff = len ? memchr(text, '\f', len) : NULL;     /* the next form feed */
	for (size_t a = 0;;) {
		const char *nl = a < len ? memchr(text + a, '\n', len - a) : NULL;
		size_t e = nl ? (size_t)(nl - text) : len;
		if (ff && (size_t)(ff - text) < e)
			e = (size_t)(ff - text);
		ls[li++] = trim(text + a, e - a);
		ps[pi].n++;
		if (e == len)
			break;
		if (text[e] == '\f') {
			pi++;
			ps[pi].lines = ls + li;
			ff = e + 1 < len ? memchr(text + e + 1, '\f', len - e - 1) : NULL;
		}
		a = e + 1;
	}
	*out = ps;
	*store = ls;
	return (long)pi + 1;
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* The measure: the width most full lines have (75th percentile of lines of some length);
 * w[i] is the width of line i. */
static int measure(const int *w, size_t n)
{
	size_t k = 0;
	int most = 0;
	for (size_t i = 0; i < n; i++)
		if (w[i] >= 20) {
			k++;
			if (w[i] > most)
				most = w[i];
		}
	if (!k)
		return 0;
	int m = 0;
	/* lines are short: the percentile by counting them per width, where sorting them was
	 * most of the work (the sort stays for text with very long lines) */
	size_t *count = most < 4096 ? calloc((size_t)most + 1, sizeof *count) : NULL;
	if (count) {
		for (size_t i = 0; i < n; i++)
			if (w[i] >= 20)
				count[w[i]]++;
		size_t rank = k * 3 / 4, below = 0;
		for (m = 0; below + count[m] <= rank; m++)
			below += count[m];
		free(count);
		return m;
	}
	int *v = malloc(k * sizeof *v);
	if (!v)
		return 0;
	for (size_t i = 0, j = 0; i < n; i++)
		if (w[i] >= 20)
			v[j++] = w[i];
	if (k > 1)
		qsort(v, k, sizeof *v, cmp_int);
	m = v[k * 3 / 4];
	free(v);
	return m;
}

/* Notes each page's first three lines that are not blank or furniture, where running heads
 * are: repeated_head() reads them for the pages around each page, in two passes. */
static void find_heads(struct page *ps, long np)
{
	for (long p = 0; p < np; p++)
		for (size_t i = 0; i < ps[p].n && ps[p].nhead < 3; i++) {
			struct span x = ps[p].lines[i];
			if (x.n && !furniture_classify(x.s, x.n, 0))
				ps[p].head[ps[p].nhead++] = x;
		}
}

/* Running heads that are not symbols (a title repeated at the top of pages): the first
 * non-furniture line of a page, when the same text opens at least two pages. */
static int repeated_head(const struct page *ps, long np, long self, struct span l)
{
	if (l.n == 0 || l.n > 160)
		return 0;
	int seen = 0;
	/* running heads repeat on every page or every other: neighbours are enough, and keep
	 * a volume of thousands of pages linear */
	for (long p = self - 4 < 0 ? 0 : self - 4; p < np && p <= self + 4; p++) {
		if (p == self)
			continue;
		for (int k = 0; k < ps[p].nhead; k++) {
			struct span x = ps[p].head[k];
			if (x.n == l.n && memcmp(x.s, l.s, l.n) == 0) {
				seen++;
				break;
			}
		}
	}
	return seen >= 1;
}

/* ---- pdftotext's default mode: footnote numbers set apart from their texts ----
 *
 * pdftotext without -layout reads a page's footnotes as two columns: the numbers ("4", "2",
 * "3", each a line alone and in no fixed order) and the texts, with furniture between them
 * ("18-17962 (E)", "021118"). The numbers that exist on the page, in order, go to the texts
 * in order: a text starts on the first line and on each line after one that ends a sentence;
 * lines before the last starts that the numbers need run on a note from the page before. */

/* A footnote number alone on a line: its value (1-999), else 0. */
static int bare_number(struct span l)
{
	if (l.n == 0 || l.n > 3)
		return 0;
	int v = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (l.s[i] < '0' || l.s[i] > '9')
			return 0;
		v = v * 10 + (l.s[i] - '0');
	}
	return v;
}

/* Digits alone that are no note number: a print date code ("021118") in the footnote band. */
static int digits_only(struct span l)
{
	if (l.n < 4)
		return 0;
	for (size_t i = 0; i < l.n; i++)
		if (l.s[i] < '0' || l.s[i] > '9')
			return 0;
	return 1;
}

/* The footnote band [from, bot) of a page as lines "N text" (a continuation first, without a
 * number) in out, '\n' after each. Returns how many numbers stood alone (0: the band has its
 * numbers on their texts, read as it is), -1 when out of memory. */
static int split_notes(const struct span *L, size_t from, size_t bot, size_t n, int last_fn,
                       struct buf *out)
{
	int nums[64], k = 0, tail[64], nk = 0;
	size_t text[128];
	size_t nt = 0;
	/* numbers under the last text look like page numbers ("3"): they count only where they
	 * go on from the last note and the band's own numbers (2, 3 under "4 See ...") */
	for (size_t i = bot; i < n; i++) {
		int v = bare_number(L[i]);
		if (v && nk < 64)
			tail[nk++] = v;
	}
	for (size_t i = from; i < bot; i++) {
		int v = bare_number(L[i]);
		if (v && k < 64)
			nums[k++] = v;
		else if (!v && L[i].n && !digits_only(L[i]) && !furniture_is_rule(L[i].s, L[i].n) &&
		         furniture_classify(L[i].s, L[i].n, 0) == FURN_NONE && nt < 128)
			text[nt++] = i;
	}
	if (k + nk == 0 || nt == 0)
		return 0;
	for (int want = last_fn + 1, found = 1; found && k < 64;) {
		found = 0;
		for (int j = 0; j < k && !found; j++)
			found = nums[j] == want;
		for (int j = 0; j < nk && !found; j++)
			if (tail[j] == want) {
				nums[k++] = want;
				found = 1;
			}
		want++;
	}
	if (k == 0)
		return 0;
	qsort(nums, (size_t)k, sizeof *nums, cmp_int);
	/* where a note may start: the first line, and after a line that ends a sentence */
	size_t starts[128];
	size_t ns = 0;
	for (size_t j = 0; j < nt; j++) {
		struct span p = j ? L[text[j - 1]] : (struct span){ NULL, 0 };
		/* "A." under "... chap. V, sect." goes on: a note says more than a letter */
		if (j == 0 || (p.s[p.n - 1] == '.' && L[text[j]].n > 2))
			starts[ns++] = j;
	}
	size_t first = ns > (size_t)k ? ns - (size_t)k : 0;   /* a note from the page before */
	int note = -1;          /* the index in nums of the note being written */
	for (size_t j = 0; j < nt; j++) {
		int is_start = 0;
		for (size_t q = first; q < ns && !is_start; q++)
			is_start = starts[q] == j;
		if (!is_start && ns < (size_t)k && note + 1 < k && j > 0)
			is_start = 1;           /* fewer sentence ends than numbers: a line each */
		if (is_start && note + 1 < k) {
			note++;
			if (j > 0 && buf_addc(out, '\n'))
				return -1;
			if (buf_printf(out, "%d ", nums[note]))
				return -1;
		} else if (j > 0 && buf_addc(out, ' ')) {
			return -1;
		}
		if (buf_add(out, L[text[j]].s, L[text[j]].n))
			return -1;
	}
	if (buf_addc(out, '\n'))
		return -1;
	return k;
}

/* ---- markers in pdftotext's text ----
 *
 * pdftotext sets a raised marker as a word of its own ("Development, 2 of the", "Agreement 4
 * requires") or glues it ("UNISPACE+50,1"), just as it sets a number of the text ("under
 * 5 years"). Where the footnotes' numbers were read apart from their texts (split_notes), the
 * document says which numbers are notes; a number is a marker where it cites the next note
 * not yet cited, or a note already cited where it stands after a clause's comma or a name,
 * before a lower-case word or the paragraph's end, and in both cases never after a lower-case
 * word without punctuation ("under 5 years", "the top 10 causes"). Markers found so are
 * placed exactly (the block's marks) and taken out of the text. */

static int ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Whether the marker for note v, after the word p and before nx (NULL at the end), cites it:
 * *max is the highest note cited so far. glued: the digits stuck to p ("50,1"). */
static int is_marker(const unsigned char *have, int *max, int v, struct span p, struct span nx,
                     int glued)
{
	if (v <= 0 || v > 999 || !(have[v / 8] & (1 << (v % 8))) || p.n == 0)
		return 0;
	char last = p.s[p.n - 1], c0 = p.s[0];
	int punct = last == ',' || last == ';' || last == ':';
	int upper = c0 >= 'A' && c0 <= 'Z';
	int num = ascii_digit(c0);
	int lower_next = !nx.n || (nx.s[0] >= 'a' && nx.s[0] <= 'z');
	if (!glued && nx.n && ascii_digit(nx.s[0]))
		return 0;                           /* "16 and 17 November", "5 to 12" */
	if (!punct && !upper && !num && !glued && nx.n && (unsigned char)last < 0x80 &&
	    last != ')' && last != '.')
		return 0;                           /* "under 5 years" */
	if (v == *max + 1) {
		*max = v;
		return 1;
	}
	if (v > *max || !lower_next)
		return 0;
	if (punct || glued)
		return 1;
	return upper && !(nx.n == 2 && memcmp(nx.s, "of", 2) == 0);  /* not "Article 3 of" */
}

/* Whether the first `k` bytes of w end a date that starts at pp, the word two before w
 * ("12 July 2021" of "12 July 20214" or "13 July 2023,5"). */
static int year_end(struct span pp, struct span w, size_t k)
{
	char date[11];
	if (!pp.s || w.n < k || w.s < pp.s)
		return 0;
	for (size_t i = 0; i < k; i++)
		if (!ascii_digit(w.s[i]))
			return 0;
	size_t n = (size_t)(w.s + k - pp.s);
	return n < 40 && lang_parse_date(pp.s, n, date) == n;
}

/* Takes the markers out of the body blocks from `from` on (see above). Returns 0 or -1. */
static int place_markers(struct block_list *out, size_t from)
{
	unsigned char have[128] = { 0 };
	for (size_t i = from; i < out->n; i++) {
		int v;
		struct block *b = &out->v[i];
		if (b->zone == ZONE_FOOTNOTE && assemble_footnote_start(b->text, b->len, 0, &v) &&
		    v > 0 && v < 1000)
			have[v / 8] |= (unsigned char)(1 << (v % 8));
	}
	int max = 0;
	for (size_t i = from; i < out->n; i++) {
		struct block *b = &out->v[i];
		if (b->zone != ZONE_BODY || b->nmarks)
			continue;
		char *t = malloc(b->len + 1);
		struct mark *m = NULL;
		size_t nm = 0, o = 0;
		if (!t)
			return -1;
		struct span p = { NULL, 0 }, pp = { NULL, 0 };
		for (size_t a = 0; a < b->len;) {
			size_t e = a;
			while (e < b->len && b->text[e] != ' ')
				e++;
			struct span w = { b->text + a, e - a };
			size_t f = e < b->len ? e + 1 : e, g = f;
			while (g < b->len && b->text[g] != ' ')
				g++;
			struct span nx = { b->text + f, g - f };
			/* the digits at w's end, and what stands before them */
			size_t d = 0;
			while (d < w.n && d < 4 && ascii_digit(w.s[w.n - 1 - d]))
				d++;
			int v = 0;
			for (size_t k = w.n - d; k < w.n; k++)
				v = v * 10 + (w.s[k] - '0');
			int mk = 0;
			if (d && d == w.n && d <= 3)
				mk = is_marker(have, &max, v, p, nx, 0);
			else if (d && d <= 2 && d < w.n && strchr(",;:", w.s[w.n - 1 - d]) &&
			         w.n - d >= 2 && (!ascii_digit(w.s[0]) || year_end(pp, w, 4)) &&
			         !memchr(w.s, '/', w.n))
				mk = is_marker(have, &max, v, (struct span){ w.s, w.n - d }, nx, 1);
			else if (w.n >= 5 && w.n <= 7 && digits_only(w) && year_end(pp, w, 4)) {
				/* "12 July 20214": a date's year with the marker glued */
				v = 0;
				for (size_t k = 4; k < w.n; k++)
					v = v * 10 + (w.s[k] - '0');
				d = w.n - 4;
				mk = w.s[4] != '0' && v == max + 1 &&
				     is_marker(have, &max, v, (struct span){ w.s, 4 }, nx, 1);
			}
			if (mk) {
				struct mark *q = realloc(m, (nm + 1) * sizeof *m);
				if (!q) {
					free(m);
					free(t);
					return -1;
				}
				m = q;
				if (d == w.n) {
					if (o)
						o--;            /* the space before the marker */
				} else {
					memcpy(t + o, w.s, w.n - d);
					o += w.n - d;
				}
				m[nm].byte = o;
				m[nm++].footnote = v;
				if (e < b->len)
					t[o++] = ' ';
			} else {
				memcpy(t + o, w.s, w.n);
				o += w.n;
				if (e < b->len)
					t[o++] = ' ';
			}
			pp = p;
			p = w;
			a = f;
		}
		while (o && t[o - 1] == ' ')
			o--;
		t[o] = '\0';
		free(b->text);
		b->text = t;
		b->len = o;
		b->marks = m;
		b->nmarks = nm;
	}
	out->exact_marks = 1;
	return 0;
}

/* A resolution's number alone on its line, as pdftotext sets it apart from the title beside
 * it: "73/6.". */
static int res_number_alone(struct span l)
{
	size_t i = 0, a;
	for (a = i; i < l.n && ascii_digit(l.s[i]); i++)
		;
	if (i == a || i - a > 3 || i >= l.n || l.s[i++] != '/')
		return 0;
	for (a = i; i < l.n && ascii_digit(l.s[i]); i++)
		;
	return i > a && i - a <= 4 && i + 1 == l.n && l.s[i] == '.';
}

/* ---- words pdftotext breaks ----
 *
 * pdftotext cuts a word of justified text where its letters stand apart ("Confere nce",
 * "h umankind"), sets a hyphen's word apart ("UN -SPIDER") and a closing quote ("Countries
 * ”"), and joins a line that ended in a compound's hyphen to the next without it ("capacity
 * building", "twentyfirst"): such a line is far longer than the measure. The document's own
 * words are the evidence: a cut word is mended where the whole word is the document's and
 * its pieces are not, or where its pieces occur nowhere else and the second is a short
 * ending; a lost hyphen is put back near the measure where the document hyphenates the
 * same compound, or its first or last part. */

struct vocab {
	struct span *v;         /* open addressing; s NULL when free */
	unsigned *count;
	size_t cap;             /* a power of two */
};

static uint32_t hash_span(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static size_t vocab_slot(const struct vocab *vc, const char *s, size_t n)
{
	size_t i = hash_span(s, n) & (vc->cap - 1);
	while (vc->v[i].s && (vc->v[i].n != n || memcmp(vc->v[i].s, s, n) != 0))
		i = (i + 1) & (vc->cap - 1);
	return i;
}

static unsigned vocab_count(const struct vocab *vc, const char *s, size_t n)
{
	if (!vc->cap || !n)
		return 0;
	size_t i = vocab_slot(vc, s, n);
	return vc->v[i].s ? vc->count[i] : 0;
}

static void vocab_add(struct vocab *vc, const char *s, size_t n)
{
	if (!n)
		return;
	size_t i = vocab_slot(vc, s, n);
	if (!vc->v[i].s)
		vc->v[i] = (struct span){ s, n };
	vc->count[i]++;
}

static int letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static int lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

/* A token's word: without the punctuation around it ("(UN-SPIDER)," -> "UN-SPIDER"). */
static struct span word_of(struct span t)
{
	while (t.n && !letter((unsigned char)t.s[0]) && !ascii_digit(t.s[0]) && t.s[0] != '-') {
		t.s++;
		t.n--;
	}
	while (t.n && !letter((unsigned char)t.s[t.n - 1]) && !ascii_digit(t.s[t.n - 1]))
		t.n--;
	return t;
}

/* The words of the lines: each word, and for "x-y" also "x-" and "-y" (the parts the
 * document hyphenates). Returns 0, or -1 when out of memory. */
static int vocab_build(struct vocab *vc, const struct span *lines, size_t n)
{
	size_t words = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < lines[i].n; j++)
			words += lines[i].s[j] == ' ' || lines[i].s[j] == '-';
	words += n;
	size_t cap = 64;
	while (cap < words * 2)
		cap *= 2;
	vc->v = calloc(cap, sizeof *vc->v);
	vc->count = calloc(cap, sizeof *vc->count);
	if (!vc->v || !vc->count)
		return -1;
	vc->cap = cap;
	for (size_t i = 0; i < n; i++)
		for (size_t a = 0; a < lines[i].n;) {
			size_t e = a;
			while (e < lines[i].n && lines[i].s[e] != ' ')
				e++;
			struct span w = word_of((struct span){ lines[i].s + a, e - a });
			vocab_add(vc, w.s, w.n);
			const char *h = w.n > 2 ? memchr(w.s + 1, '-', w.n - 2) : NULL;
			if (h) {
				vocab_add(vc, w.s, (size_t)(h - w.s) + 1);
				vocab_add(vc, h, w.n - (size_t)(h - w.s));
			}
			a = e + 1;
		}
	return 0;
}

static void vocab_free(struct vocab *vc)
{
	free(vc->v);
	free(vc->count);
}

/* How the document vouches for a hyphen between a and b: 3 it writes "a-b", 1 for each of
 * "a-" and "-b" it writes in other compounds; 0 none. */
static int hyphen_score(const struct vocab *vc, struct span a, struct span b)
{
	char buf[128];
	if (!a.n || !b.n || a.n + b.n + 1 > sizeof buf)
		return 0;
	memcpy(buf, a.s, a.n);
	buf[a.n] = '-';
	memcpy(buf + a.n + 1, b.s, b.n);
	if (vocab_count(vc, buf, a.n + b.n + 1))
		return 3;
	return (vocab_count(vc, buf, a.n + 1) > 0) + (vocab_count(vc, buf + a.n, b.n + 1) > 0);
}

/* Whether a and b (adjacent pieces of a line) are one word cut in two: the whole is a word
 * of the document and one piece occurs nowhere else, or neither piece does and b is a short
 * ending ("peopl e") that other words of the document end with, or a begins others. */
static int cut_word(const struct vocab *vc, struct span a, struct span b)
{
	char buf[128];
	if (!a.n || !b.n || a.n + b.n > sizeof buf)
		return 0;
	for (size_t i = 0; i < a.n; i++)
		if (!letter((unsigned char)a.s[i]))
			return 0;
	for (size_t i = 0; i < b.n; i++)
		if (!lower((unsigned char)b.s[i]))
			return 0;
	unsigned ca = vocab_count(vc, a.s, a.n), cb = vocab_count(vc, b.s, b.n);
	memcpy(buf, a.s, a.n);
	memcpy(buf + a.n, b.s, b.n);
	if (vocab_count(vc, buf, a.n + b.n) > 0 && (ca <= 1 || cb <= 1))
		return 1;           /* "preventi on", "a iming": one piece is no word of its own */
	if (ca > 1 || cb > 1 || b.n > 3)
		return 0;
	/* "impa ct", "econ omy", not "persons who": other words of the document end as b
	 * does, or begin as a does */
	int ends = 0, starts = 0;
	for (size_t i = 0; i < vc->cap && ends < 2 && !starts; i++) {
		struct span w = vc->v[i];
		if (!w.s)
			continue;
		ends += w.n > b.n + 1 && memcmp(w.s + w.n - b.n, b.s, b.n) == 0;
		starts += w.n > a.n + 1 && memcmp(w.s, a.s, a.n) == 0;
	}
	return ends >= 2 || starts;
}

/* English compounds that keep their hyphen in United Nations style, where the document has
 * no other of them to vouch for it: prefixes, endings, and tens before a unit or ordinal
 * ("twenty-first"). */
static const char *const hyphen_first[] = { "post", "pre", "non", "self", "anti", "cross",
	"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety" };
static const char *const hyphen_last[] = { "associated", "based", "related", "led", "centred",
	"oriented", "specific", "sensitive", "friendly", "free" };

static int in_table(const char *const *t, size_t n, struct span w)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(t[i]) == w.n && memcmp(t[i], w.s, w.n) == 0)
			return 1;
	return 0;
}

static int hyphen_vouched(const struct vocab *vc, struct span a, struct span b)
{
	int sc = hyphen_score(vc, a, b);
	if (!sc)
		sc = in_table(hyphen_first, sizeof hyphen_first / sizeof *hyphen_first, a) +
		     in_table(hyphen_last, sizeof hyphen_last / sizeof *hyphen_last, b);
	return sc;
}

/* The leading letters of t ("nce," -> "nce"). */
static struct span letters_of(struct span t)
{
	size_t k = 0;
	while (k < t.n && lower((unsigned char)t.s[k] | 0x20))
		k++;
	return (struct span){ t.s, k };
}

/* The trailing letters of t when t ends in a letter ("(UN" -> "UN"), else empty. */
static struct span tail_letters(struct span t)
{
	size_t k = t.n;
	while (k && lower((unsigned char)t.s[k - 1] | 0x20) && letter((unsigned char)t.s[k - 1]))
		k--;
	return (struct span){ t.s + k, t.n - k };
}

enum { EDIT_JOIN = 1, EDIT_HYPHEN = 2, EDIT_INSERT = 3 };

/* Mends line l (w columns, the text's measure m) into out: see above. Returns 0 or -1. */
static int mend_line(const struct vocab *vc, struct span l, int w, int m, struct buf *out)
{
	unsigned char *ed = calloc(l.n + 1, 1);     /* what happens at each byte */
	if (!ed)
		return -1;
	/* lost hyphens: the line holds k lines, each cut near the measure */
	if (m >= 40 && w * 10 > m * 11) {
		int k = (w + m / 2) / m - 1;
		size_t from = 0;
		for (int j = 0; j < (k < 1 ? 1 : k); j++) {
			size_t lo = from + (size_t)m * 78 / 100, hi = from + (size_t)m * 108 / 100;
			size_t mid = from + (size_t)m, best_at = 0;
			int best = 0, best_kind = 0;
			size_t best_d = (size_t)-1;
			for (size_t a = 0; a < l.n;) {
				size_t e = a;
				while (e < l.n && l.s[e] != ' ')
					e++;
				struct span t = { l.s + a, e - a };
				/* a space in the window between two words */
				if (e < l.n && e >= lo && e <= hi) {
					struct span x = tail_letters(t), y;
					size_t f = e + 1;
					while (f < l.n && l.s[f] != ' ')
						f++;
					y = letters_of((struct span){ l.s + e + 1, f - e - 1 });
					int sc = x.n == t.n && y.n && lower((unsigned char)y.s[0]) ?
					         hyphen_vouched(vc, x, y) : 0;
					size_t d = e > mid ? e - mid : mid - e;
					if (sc > best || (sc == best && sc && d < best_d)) {
						best = sc;
						best_at = e;
						best_kind = EDIT_HYPHEN;
						best_d = d;
					}
				}
				/* a word run together across the window, the document's nowhere else */
				struct span wd = word_of(t);
				if (a < hi && e > lo && wd.n >= 5 && wd.n < 64 && !memchr(wd.s, '-', wd.n)) {
					/* a word of the document's own is left whole, unless it writes the
					 * compound ("communitybased" twice, "community-based" too) */
					int own = vocab_count(vc, wd.s, wd.n) > 1;
					for (size_t x = 2; x + 2 <= wd.n; x++) {
						struct span p1 = { wd.s, x }, p2 = { wd.s + x, wd.n - x };
						int sc = lower((unsigned char)p2.s[0]) ? hyphen_vouched(vc, p1, p2) : 0;
						if (own && sc < 3)
							sc = 0;
						size_t at = (size_t)(wd.s + x - l.s);
						size_t d = at > mid ? at - mid : mid - at;
						if (sc > best || (sc == best && sc && d < best_d)) {
							best = sc;
							best_at = at;
							best_kind = EDIT_INSERT;
							best_d = d;
						}
					}
				}
				a = e + 1;
			}
			if (!best)
				break;
			ed[best_at] = (unsigned char)best_kind;
			from = best_at;
		}
	}
	/* words cut apart, a hyphen's word or a closing quote set apart */
	for (size_t a = 0, prev = 0; a < l.n;) {
		size_t e = a;
		while (e < l.n && l.s[e] != ' ')
			e++;
		if (a > 0 && !ed[a - 1]) {
			struct span p = { l.s + prev, a - 1 - prev }, t = { l.s + a, e - a };
			struct span x = tail_letters(p), y = letters_of(t);
			/* a closing quote or an apostrophe: "Countries ”", "Women ’s" */
			int quote = t.n >= 3 && (memcmp(t.s, "\xe2\x80\x9d", 3) == 0 ||
			                         memcmp(t.s, "\xe2\x80\x99", 3) == 0);
			int dash = t.n >= 2 && t.s[0] == '-' && letter((unsigned char)t.s[1]) && x.n;
			struct span wp = word_of(p);
			if (quote || dash || (x.n && x.n == wp.n && cut_word(vc, x, y)))
				ed[a - 1] = EDIT_JOIN;
		}
		prev = a;
		a = e + 1;
	}
	int rc = 0;
	for (size_t i = 0; i < l.n && rc == 0; i++) {
		if (ed[i] == EDIT_JOIN)
			continue;
		if (ed[i] == EDIT_HYPHEN)
			rc = buf_addc(out, '-');
		else if (ed[i] == EDIT_INSERT)
			rc = buf_addc(out, '-') || buf_addc(out, l.s[i]);
		else
			rc = buf_addc(out, l.s[i]);
	}
	free(ed);
	return rc ? -1 : 0;
}

/* The title under a resolution's number alone ("73/3." then its lines up to the opening, "The
 * General Assembly"), joined by spaces into t: empty when there is none. Returns 0 or -1. */
static int number_title(const struct page *ps, long np, struct buf *t)
{
	for (long p = 0; p < np && p < 2; p++)
		for (size_t i = 0; i < ps[p].n; i++) {
			if (!res_number_alone(ps[p].lines[i]))
				continue;
			for (size_t j = i + 1, k = 0; j < ps[p].n && k < 6; j++) {
				struct span l = ps[p].lines[j];
				if (!l.n)
					continue;
				if (lang_opening(l.s, l.n, NULL, NULL) == l.n)
					return 0;
				if ((t->n && buf_addc(t, ' ')) || buf_add(t, l.s, l.n))
					return -1;
				k++;
			}
			buf_clear(t);
			return 0;
		}
	return 0;
}

/* Whether the next line with text in [i, end) starts in upper case. */
static int next_upper(const struct span *L, size_t i, size_t end)
{
	for (; i < end; i++)
		if (L[i].n)
			return L[i].s[0] >= 'A' && L[i].s[0] <= 'Z';
	return 0;
}

/* Pushes the paragraph read so far, then line l as a block of its own that the shape saw set
 * apart (a heading). Returns 0 or -1. */
static int push_heading(struct assemble *body, const char *s, size_t n, int page)
{
	if (assemble_flush(body) || assemble_line(body, s, n, 0, page, 0) || assemble_flush(body))
		return -1;
	body->out->v[body->out->n - 1].heading = 1;
	return 0;
}

/* Whether the next line with text in [i, end) is no number alone. */
static int next_text(const struct span *L, size_t i, size_t end)
{
	for (; i < end; i++)
		if (L[i].n)
			return !bare_number(L[i]);
	return 0;
}

/* Footnotes under a drawn rule, which pdftotext does not give as "____": a run of numbers
 * alone near the foot of a page, each one more than the one before, the first going on from
 * the last note read (last_fn < 0: any, then at least two or from 1), under them only texts
 * (as many as the numbers at least), furniture, and the next numbers each before its text
 * (pdftotext gives a note whose text is on its number's line so). Returns the run's first
 * line, or bot. */
static size_t bare_run(const struct span *L, size_t top, size_t bot, int last_fn)
{
	for (size_t i = top + 1; i < bot; i++) {
		int v = bare_number(L[i]);
		if (!v || (last_fn >= 0 && v != last_fn + 1))
			continue;
		int k = 0, want = v, texts = 0;
		size_t j = i;
		for (; j < bot; j++) {
			if (!L[j].n)
				continue;
			int x = bare_number(L[j]);
			if (x && x == want && (!texts || next_text(L, j + 1, bot))) {
				k++;            /* the run, then a number before its own text */
				want++;
			} else if (x) {
				break;
			} else if (!digits_only(L[j]) &&
			           furniture_classify(L[j].s, L[j].n, 0) == FURN_NONE) {
				texts++;
			}
		}
		if (j == bot && texts >= k && (last_fn >= 0 || k >= 2 || v == 1))
			return i;
	}
	return bot;
}

/* Moves the footnote blocks read so far into out, after the body. */
static int move_notes(struct block_list *notes, struct block_list *out)
{
	for (size_t i = 0; i < notes->n; i++) {
		struct block *b = &notes->v[i];
		if (blocks_push(out, b->text, b->len, ZONE_FOOTNOTE, b->indent, b->page))
			return -1;
		free(b->text);
	}
	notes->n = 0;
	return 0;
}

/* The resolution's title from its "77/1. Title" line (or "77/1 - Title"), which running heads
 * repeat; empty when there is none. */
static struct span find_title(const struct page *ps, long np)
{
	for (long p = 0; p < np && p < 3; p++)
		for (size_t i = 0; i < ps[p].n; i++) {
			struct span l = ps[p].lines[i];
			size_t k = furniture_title_of(l.s, l.n);
			if (k)
				return (struct span){ l.s + k, l.n - k };
		}
	return (struct span){ NULL, 0 };
}

/* A running head that repeats the title. */
static int running_title(struct span l, struct span title)
{
	return furniture_running_title(l.s, l.n, title.s, title.n);
}

/* Whether the body text [top, end) cites footnote num by a marker glued to a word or a
 * closing mark ("Rights1", "2021,3", "20172") or set apart (" 8 "). */
static int cites(const struct span *L, size_t top, size_t end, int num)
{
	char want[8];
	int k = snprintf(want, sizeof want, "%d", num);
	for (size_t i = top; i < end; i++)
		for (size_t j = 1; j + (size_t)k <= L[i].n; j++) {
			/* to the next place the first digit is, by memchr: this read every byte
			 * of the page above */
			const char *d = memchr(L[i].s + j, want[0], L[i].n - (size_t)k + 1 - j);
			if (!d)
				break;
			j = (size_t)(d - L[i].s);
			if (memcmp(L[i].s + j, want, (size_t)k) != 0)
				continue;
			char before = L[i].s[j - 1];
			size_t after = j + (size_t)k;
			if ((before >= '0' && before <= '9' && j < 4) || (after < L[i].n &&
			    L[i].s[after] >= '0' && L[i].s[after] <= '9'))
				continue;
			/* "report.3" ends a sentence with a marker; "A/85/3" and "No. 3" do not */
			int last = after == L[i].n || L[i].s[after] == ' ';
			if (before == '.' ? last && j >= 2 && L[i].s[j - 2] != ' ' :
			    before != '/' && before != '-' && before != '(')
				return 1;
		}
	return 0;
}

/* Whether the body text [top, end) cites footnote num as "(num)" glued to a word or a
 * closing mark ("2017(1)", as Arabic texts print markers). */
static int cites_paren(const struct span *L, size_t top, size_t end, int num)
{
	char want[12];
	int k = snprintf(want, sizeof want, "(%d)", num);
	for (size_t i = top; i < end; i++)
		for (size_t j = 1; j + (size_t)k <= L[i].n; j++) {
			const char *d = memchr(L[i].s + j, '(', L[i].n - (size_t)k + 1 - j);
			if (!d)
				break;          /* no "(" left on the line */
			j = (size_t)(d - L[i].s);
			if (memcmp(L[i].s + j, want, (size_t)k) == 0 && L[i].s[j - 1] != ' ')
				return 1;
		}
	return 0;
}

/* Footnotes whose rule the extraction lost: the lines at the foot of a page that number on
 * from the last footnote read ("3 See ...", "4 ..."), the first of them cited above.
 * Returns the index of the first such line, or bot. */
static size_t unruled_notes(const struct span *L, size_t top, size_t bot, int last_fn)
{
	size_t first = bot;
	int want = 0;
	for (size_t i = bot; i-- > top + 1;) {
		int num;
		char date[11];
		if (bot - i > 15)
			break;                      /* notes at the foot of a page, not half of it */
		if (!L[i].n || !assemble_footnote_start(L[i].s, L[i].n, 0, &num) ||
		    lang_parse_date(L[i].s, L[i].n, date))
			continue;                   /* "1 July 2030, ..." runs a sentence on */
		if (want && num != want - 1)
			continue;
		first = i;
		want = num;
		if (num == last_fn + 1)
			break;
	}
	if (first == bot || want != last_fn + 1)
		return bot;
	/* "(1) text" at a page's foot is far more often a list item (an annex's "(1)", "(2)")
	 * than a note whose rule was lost: only when the body glues "(1)" to a word */
	if (L[first].s[0] == '(' ? !cites_paren(L, top, first, want) : !cites(L, top, first, want))
		return bot;
	return first;
}

/* A page opens with a masthead: the first page, or one whose first line is "United Nations"
 * (a new resolution in a compilation). */
static int page_masthead(const struct page *ps, long p)
{
	for (size_t i = 0; i < ps[p].n; i++)
		if (ps[p].lines[i].n)
			return p == 0 ||
			       furniture_classify(ps[p].lines[i].s, ps[p].lines[i].n, 1) == FURN_MASTHEAD;
	return p == 0;
}

/* Where a page's text runs: [top, rule) is body, (rule, bot) footnotes; the furniture around
 * them goes into h (NULL: only measure). Returns 0, or -1 when out of memory. */
static int page_bounds(const struct page *ps, long np, long p, int mast, struct span title,
                       struct res_meta *h, size_t *topp, size_t *botp, size_t *rulep)
{
	const struct span *L = ps[p].lines;
	size_t n = ps[p].n, top = 0, bot = n;
	int rc = 0, after_distr = 0, after_agenda = 0;
	char date[11];
	for (; top < n; top++) {
		struct span l = L[top];
		if (!l.n) {
			after_agenda = 0;
			continue;
		}
		if (mast && after_agenda && after_agenda++ <= 3 && furniture_agenda_title(l.s, l.n))
			continue;
		after_agenda = 0;
		enum furniture_kind k = furniture_classify(l.s, l.n, mast);
		if (k == FURN_RULE)
			break;
		if (k == FURN_NONE && mast && after_distr && lang_parse_date(l.s, l.n, date) == l.n) {
			if (h && !h->distributed && !(h->distributed = strdup(date)))
				rc = -1;
			after_distr = 0;
			continue;
		}
		if (k == FURN_NONE && !mast && (running_title(l, title) || repeated_head(ps, np, p, l)))
			continue;
		if (k == FURN_NONE)
			break;
		after_distr = k == FURN_DISTR;
		after_agenda = k == FURN_AGENDA;
		if (h && furniture_hint(h, k, l.s, l.n))
			rc = -1;
	}
	/* the bottom: page numbers, job numbers, barcodes, symbols */
	while (bot > top) {
		struct span l = L[bot - 1];
		enum furniture_kind k = l.n ? furniture_classify(l.s, l.n, 0) : FURN_NONE;
		if (l.n && (k == FURN_NONE || k == FURN_RULE))
			break;
		if (h && l.n && furniture_hint(h, k, l.s, l.n))
			rc = -1;
		bot--;
	}
	size_t rule = bot;
	for (size_t i = top; i < bot; i++)
		if (furniture_is_rule(L[i].s, L[i].n)) {
			rule = i;
			break;
		}
	*topp = top;
	*botp = bot;
	*rulep = rule;
	return rc;
}

int shape_pdf(const char *text, size_t len, struct block_list *out, struct parse_diag *d)
{
	(void)d;
	long fm = furniture_front_matter(text, len, &out->hints);
	if (fm < 0)
		return -1;
	text += fm;
	len -= (size_t)fm;
	struct page *ps;
	struct span *store;
	long np = split_pages(text, len, &ps, &store);
	if (np < 0)
		return -1;
	struct block_list notes;
	memset(&notes, 0, sizeof notes);
	struct assemble body, fn;
	assemble_init(&body, out, text, len);
	assemble_init(&fn, &notes, text, len);
	/* blank lines between paragraphs, when the text has them, are the only paragraph
	 * breaks; without them the line measure and lead phrases find the breaks */
	struct span title = find_title(ps, np);
	find_heads(ps, np);
	char *scratch = malloc(len + 1);
	if (!scratch) {
		free(store);
		free(ps);
		return -1;
	}
	size_t nblank = 0, ntext = 0;
	int split_mode = 0;     /* some page sets its footnote numbers apart (pdftotext) */
	for (long p = 0; p < np; p++) {
		size_t top, bot, rule;
		page_bounds(ps, np, p, page_masthead(ps, p), title, NULL, &top, &bot, &rule);
		for (size_t i = top; i < rule; i++) {
			if (ps[p].lines[i].n)
				ntext++;
			else if (i > top && ps[p].lines[i - 1].n)
				nblank++;
		}
		for (size_t i = rule + 1; rule < bot && i < ps[p].n; i++)
			split_mode |= bare_number(ps[p].lines[i]) > 0;
		if (rule >= bot)
			split_mode |= bare_run(ps[p].lines, top, bot, -1) < bot;
	}
	body.soft = nblank * 8 < ntext;
	size_t total = 0;
	for (long p = 0; p < np; p++)
		total += ps[p].n;
	/* every line's width once: the measure and the body lines below both want it */
	int *widths = malloc((total ? total : 1) * sizeof *widths);
	if (!widths) {
		free(scratch);
		free(store);
		free(ps);
		return -1;
	}
	for (size_t i = 0; i < total; i++)
		widths[i] = width(store[i]);
	int full = measure(widths, total);
	int rc = 0;
	int prev_w = 0;           /* width of the last body line, across pages */
	/* layout mode: most body lines stand indented; then a line set deeper than the one before
	 * is a paragraph's first line */
	size_t nind = 0, nbody = 0, at[16] = { 0 };
	for (size_t i = 0; i < total; i++)
		if (store[i].n) {
			int w = lead_ws(text, store[i]);
			nbody++;
			nind += w >= 2;
			at[w < 15 ? w : 15]++;
		}
	int layout = nbody >= 4 && nind * 2 >= nbody;
	int base = 0;       /* the indent most lines have: the paragraphs' later lines */
	for (int w = 1; w < 15; w++)
		if (at[w] > at[base])
			base = w;

	struct res_meta *h = NULL;    /* the current document's hints */
	struct buf split = { 0 };     /* a page's footnotes as split_notes wrote them */
	struct span number = { NULL, 0 };     /* a resolution's number alone, held for its title */
	struct buf mended = { 0 };    /* a body line mend_line wrote */
	struct vocab vc = { 0 };      /* the document's words, for mend_line */
	struct buf rtitle = { 0 };    /* the title under "73/3." alone */
	int after_heading = 0;        /* the last block was a heading the shape set apart */
	if (split_mode && number_title(ps, np, &rtitle))
		rc = -1;
	if (split_mode && vocab_build(&vc, store, total))
		rc = -1;
	for (long p = 0; p < np && rc == 0; p++) {
		struct span *L = ps[p].lines;

		/* the top: masthead on the first page (or on a page that starts a new document) */
		int mast = page_masthead(ps, p);
		if (mast && p > 0 && (out->n || body.cur.n)) {
			/* a new resolution: finish the last one, its footnotes after it */
			if (assemble_flush(&body) || assemble_flush(&fn) || move_notes(&notes, out)) {
				rc = -1;
				break;
			}
			fn.last_fn = 0;
			body.last_fn = 0;
		}
		if ((mast || !h) && !(h = blocks_doc_hints(out, out->n))) {
			rc = -1;
			break;
		}
		size_t top, bot, rule;
		if (page_bounds(ps, np, p, mast, title, h, &top, &bot, &rule)) {
			rc = -1;
			break;
		}
		size_t body_end = rule, notes_from = rule + 1;
		size_t run = rule >= bot && split_mode ? bare_run(L, top, bot, fn.last_fn) : bot;
		if (run < bot)
			body_end = notes_from = run;
		else if (rule >= bot)
			body_end = notes_from = unruled_notes(L, top, bot, fn.last_fn);

		/* body lines: a page break is no paragraph break by itself */
		int blank = 0, first_on_page = p > 0;
		for (size_t i = top; i < body_end && rc == 0; i++) {
			struct span l = L[i];
			if (!l.n) {
				blank = 1;
				continue;
			}
			enum furniture_kind k = furniture_classify(l.s, l.n, 0);
			/* "241018": the print date code pdftotext leaves among the body's lines */
			if (split_mode && l.n == 6 && digits_only(l))
				continue;
			if (k == FURN_BARCODE || k == FURN_JOB || k == FURN_RECYCLE) {
				if (furniture_hint(h, k, l.s, l.n))
					rc = -1;
				continue;
			}
			/* in text with blank lines between paragraphs a page break counts as one
			 * (a paragraph that runs on starts in lower case and is joined) */
			if (blank || (first_on_page && !body.soft))
				assemble_blank(&body);
			blank = 0;
			int w = widths[L + i - store];
			int flags = full > 0 && prev_w * 5 < full * 4 ? ASSEMBLE_SHORT_BEFORE : 0;
			if (full > 0 && prev_w * 10 < full * 9)
				flags |= ASSEMBLE_SHORTISH_BEFORE;
			if (first_on_page)
				flags |= ASSEMBLE_PAGE_START;
			if (layout && lead_ws(text, l) >= base + 3)
				flags |= ASSEMBLE_INDENTED;
			first_on_page = 0;
			/* "73/6." alone, its title on the lines under it (pdftotext sets the number
			 * apart): the number goes before the title's first line */
			if (res_number_alone(l)) {
				number = l;
				continue;
			}
			if (number.n) {
				buf_clear(&split);
				if (buf_add(&split, number.s, number.n) || buf_addc(&split, ' ') ||
				    buf_add(&split, l.s, l.n)) {
					rc = -1;
					break;
				}
				l = (struct span){ split.s, split.n };
				number.n = 0;
			}
			if (split_mode) {
				buf_clear(&mended);
				if (mend_line(&vc, l, w, full, &mended)) {
					rc = -1;
					break;
				}
				l = (struct span){ mended.s ? mended.s : "", mended.n };
			}
			size_t bn = assemble_clean_line(l.s, l.n, scratch);
			/* text adopted inline ("Adopts the following declaration ...:"): its title,
			 * the resolution's, set apart, and under it a line short of the measure,
			 * without a stop, before a capitalised one */
			if (rtitle.n && bn && body.cur.n && body.cur.s[body.cur.n - 1] == ':' &&
			    bn <= rtitle.n && memcmp(rtitle.s, scratch, bn) == 0) {
				/* the title's lines, all of them, on this page */
				size_t got = bn, j = i + 1;
				for (; got < rtitle.n && j < body_end; j++) {
					struct span x = L[j];
					if (!x.n)
						continue;
					if (got + 1 + x.n > rtitle.n || memcmp(rtitle.s + got + 1, x.s, x.n))
						break;
					got += 1 + x.n;
				}
				if (got == rtitle.n) {
					if (push_heading(&body, rtitle.s, rtitle.n, (int)p + 1))
						rc = -1;
					after_heading = 1;
					i = j - 1;
					prev_w = widths[L + i - store];
					continue;
				}
			}
			if (after_heading && bn && full > 0 && w < full && next_upper(L, i + 1, body_end) &&
			    !strchr(".;:,", scratch[bn - 1]) && !ascii_digit(scratch[0])) {
				if (push_heading(&body, scratch, bn, (int)p + 1))
					rc = -1;
				after_heading = 0;
				prev_w = w;
				continue;
			}
			after_heading = 0;
			if (bn && assemble_line(&body, scratch, bn, 0, (int)p + 1, flags))
				rc = -1;
			prev_w = w;
		}
		/* footnotes: the zone is sticky, so a note runs on until the next number */
		fn.notes = 3;
		buf_clear(&split);
		int nsplit = rule < bot || run < bot ?
		             split_notes(L, notes_from, bot, ps[p].n, fn.last_fn, &split) : 0;
		if (nsplit < 0) {
			rc = -1;
			break;
		}
		if (nsplit > 0) {
			for (const char *q = split.s, *e = split.s + split.n; q < e && rc == 0;) {
				const char *nl = memchr(q, '\n', (size_t)(e - q));
				if (assemble_line(&fn, q, (size_t)(nl - q), 0, (int)p + 1, 0))
					rc = -1;
				q = nl + 1;
			}
		}
		for (size_t i = nsplit ? bot : notes_from; i < bot && rc == 0; i++) {
			struct span l = L[i];
			if (!l.n)
				continue;
			if (furniture_is_rule(l.s, l.n))
				continue;
			if (assemble_line(&fn, l.s, l.n, 0, (int)p + 1, 0))
				rc = -1;
		}
	}
	if (rc == 0 && (assemble_flush(&body) || assemble_flush(&fn) || move_notes(&notes, out)))
		rc = -1;
	if (rc == 0 && split_mode && place_markers(out, 0))
		rc = -1;
	if (rc == 0 && blocks_merge_hints(out))
		rc = -1;
	buf_free(&split);
	buf_free(&mended);
	buf_free(&rtitle);
	vocab_free(&vc);
	assemble_free(&body);
	assemble_free(&fn);
	for (size_t i = 0; i < notes.n; i++)
		free(notes.v[i].text);
	free(notes.v);
	free(widths);
	free(scratch);
	free(store);
	free(ps);
	return rc;
}
