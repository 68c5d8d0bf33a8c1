/* detect.c: which shape a text is, from the text alone. The signs, strongest first:
 *   ODS:   <<ODS tags or [DU1] markers; or one line per paragraph (many long lines);
 *   PDF:   form feeds between pages; or per-page furniture (barcodes, job numbers, footnote
 *          rules repeated) in text that is hard-wrapped with few blank lines;
 *   plain: everything else (hard-wrapped, blank lines between paragraphs). */
#include "config.h"

#include <string.h>

#include "doc/blocks.h"
#include "doc/furniture.h"

static int contains(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	if (n < k)
		return 0;
	for (size_t i = 0; i + k <= n; i++)
		if (s[i] == w[0] && memcmp(s + i, w, k) == 0)
			return 1;
	return 0;
}

enum input_format shape_detect(const char *text, size_t len)
{
	/* the first megabyte tells */
	size_t lim = len > (1u << 20) ? (1u << 20) : len;
	if (contains(text, lim, "<<ODS") || contains(text, lim, "[DU1]"))
		return INPUT_ODS;
	size_t lines = 0, blank = 0, longl = 0, ff = 0, furn = 0, rules = 0;
	for (size_t i = 0; i < lim;) {
		size_t e = i;
		while (e < lim && text[e] != '\n')
			e++;
		const char *s = text + i;
		size_t n = e - i;
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
		if (!n)
			blank++;
		else {
			if (n > 240)
				longl++;
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
	/* one line per paragraph: a third of the lines run past any page's measure */
	if (longl * 3 >= text_lines && longl >= 2)
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
