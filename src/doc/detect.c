/* detect.c: which shape a text is, from the text alone. The signs, strongest first:
 *   ODS:   <<ODS tags or [DU1] markers; or one line per paragraph (many long lines, or
 *          tab-indented lines that end clauses);
 *   PDF:   form feeds between pages; or per-page furniture (barcodes, job numbers, footnote
 *          rules repeated) in text that is hard-wrapped with few blank lines;
 *   md:    Markdown footnotes: "[^4]: text" definitions at line starts;
 *   plain: everything else (hard-wrapped, blank lines between paragraphs). */
#include "config.h"

#include <stdint.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "doc/assemble.h"
#include "doc/blocks.h"
#include "doc/furniture.h"
#include "text/utf8.h"

static int contains(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	if (n < k)
		return 0;
	/* memchr to each place the first byte is: the loop went byte by byte */
	for (const char *p = s, *end = s + n - k + 1; p < end; p++) {
		if (!(p = memchr(p, w[0], (size_t)(end - p))))
			return 0;
		if (memcmp(p, w, k) == 0)
			return 1;
	}
	return 0;
}

static ucs4_t first_cp(const char *s, size_t n)
{
	return utf8_at(s, n);
}

static ucs4_t last_cp(const char *s, size_t n)
{
	uint32_t c;
	utf8_last(s, n, &c);
	return c;
}

static int cjk(ucs4_t c)
{
	return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}

static int ascii_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A line that runs on from the one before: a word broken off, then a word that is not
 * capitalised (or Chinese text without its closing punctuation, then more of it). Hard-wrapped text is full
 * of these; text with one line per paragraph has none. */
static int runs_on(const char *prev, size_t pn, const char *s, size_t n)
{
	unsigned char pa = (unsigned char)prev[pn - 1], pb = (unsigned char)s[0];
	if (pa < 0x80 && pb < 0x80)     /* ASCII: uc_is_alpha and uc_is_upper without a call */
		return ascii_letter(pa) && pb >= 'a' && pb <= 'z';
	ucs4_t a = last_cp(prev, pn), b = first_cp(s, n);
	if (cjk(a) && cjk(b))
		return 1;
	/* a letter, then a letter that is not a capital: lower case, or a script without case
	 * (Arabic) */
	return uc_is_alpha(a) && uc_is_alpha(b) && !uc_is_upper(b);
}

/* Whether a line opens with a Markdown footnote definition "[^4]:". */
static int md_notes(const char *text, size_t len)
{
	for (const char *p = text, *end = text + len; p && p + 4 < end; ) {
		if (p[0] == '[' && p[1] == '^' && p[2] >= '1' && p[2] <= '9') {
			const char *q = p + 2;
			while (q < end && *q >= '0' && *q <= '9')
				q++;
			if (q + 1 < end && q[0] == ']' && q[1] == ':')
				return 1;
		}
		p = memchr(p, '\n', (size_t)(end - p));
		if (p)
			p++;
	}
	return 0;
}

enum input_format shape_detect(const char *text, size_t len)
{
	/* an extraction's YAML front matter says nothing of the shape */
	long fm = furniture_front_matter(text, len, NULL);
	if (fm > 0) {
		text += fm;
		len -= (size_t)fm;
	}
	/* the first megabyte tells */
	size_t lim = len > (1u << 20) ? (1u << 20) : len;
	if (contains(text, lim, "<<ODS") || contains(text, lim, "[DU1]"))
		return INPUT_ODS;
	if (md_notes(text, len))
		return INPUT_MD;
	size_t lines = 0, blank = 0, longl = 0, ff = 0, furn = 0, rules = 0, tabbed = 0, ended = 0;
	size_t runon = 0;
	const char *prev = NULL;
	size_t prevn = 0;
	for (size_t i = 0; i < lim;) {
		const char *nl = memchr(text + i, '\n', lim - i);
		size_t e = nl ? (size_t)(nl - text) : lim;
		const char *s = text + i;
		size_t n = e - i;
		tabbed += n && *s == '\t';
		while (n && (*s == '\f' || *s == ' ' || *s == '\t')) {
			ff += *s == '\f';
			s++;
			n--;
		}
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\f')) {
			ff += s[n - 1] == '\f';
			n--;
		}
		lines++;
		if (!n) {
			blank++;
			prev = NULL;
		} else {
			if (prev)
				runon += runs_on(prev, prevn, s, n);
			prev = s;
			prevn = n;
			if (n > 240)
				longl++;
			ended += assemble_ends_clause(s, n);
			enum furniture_kind k = furniture_classify(s, n, 0);
			if (k == FURN_BARCODE || k == FURN_JOB)
				furn++;
			else if (k == FURN_RULE)
				rules++;
		}
		i = e + 1;
	}
	size_t text_lines = lines - blank;
	if (!text_lines)
		return INPUT_ODS;
	/* one line per paragraph: a third of the lines run past any page's measure (with a blank
	 * line between every two, the plain reader reads them as well, and better: a paragraph
	 * broken by a page, footnotes between paragraphs) */
	if (longl * 3 >= text_lines && longl >= 2 && !(blank * 3 >= text_lines * 2 && !ff))
		return INPUT_ODS;
	/* an extract cleaned of its tags: paragraphs indented by a tab, one to a line (most
	 * lines end a clause, where hard-wrapped lines end mid-sentence) */
	if (!ff && tabbed * 3 >= text_lines && ended * 2 >= text_lines && text_lines >= 4)
		return INPUT_ODS;
	/* one line per paragraph without tabs or blank lines (text copied from a web page):
	 * hardly a line runs on from the one before (a title may, in Chinese) */
	if (!ff && runon * 10 <= text_lines && blank * 4 < text_lines && text_lines >= 8 && ended * 3 >= text_lines)
		return INPUT_ODS;
	/* pages with furniture or footnote rules; form feeds alone in text whose paragraphs
	 * are set apart by blank lines are a plain text that kept its page breaks */
	if (ff && (furn || rules || blank * 8 < text_lines))
		return INPUT_PDF;
	/* no form feeds (a copy without them): page furniture and footnote rules inside
	 * text with few blank lines */
	if ((furn >= 1 || rules >= 2) && blank * 5 < text_lines)
		return INPUT_PDF;
	if (longl * 6 >= text_lines && blank * 4 < text_lines)
		return INPUT_ODS;
	/* hard-wrapped without blank lines between paragraphs: the PDF reader is the one that
	 * finds paragraphs by the measure and by lead phrases */
	if (blank * 8 < text_lines && text_lines >= 6)
		return INPUT_PDF;
	return INPUT_PLAIN;
}
