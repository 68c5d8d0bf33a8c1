/* test_pdf.c: the PDF reader (pdf.c, pdf-stream.c, pdf-layout.c): page streams written here
 * the way the helper writes them -> blocks -> the model; the helper itself on a real PDF. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>
#include <cmocka.h>
#include <unistr.h>

#include "doc/blocks.h"
#include "doc/parse.h"
#include "doc/pdf.h"
#include "doc/pdf-int.h"

/* ---- writing streams ---- */

struct sb {
	char s[65536];
	size_t n;
};

static void put(struct sb *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(b->s + b->n, sizeof b->s - b->n, fmt, ap);
	va_end(ap);
	assert_true(k > 0 && b->n + (size_t)k < sizeof b->s);
	b->n += (size_t)k;
}

/* b emptied for a stream of a PDF of `pages` pages: its head. */
static void stream_begin(struct sb *b, int pages)
{
	b->n = 0;
	put(b, "gavel-pdf 1\npages %d\n", pages);
}

/* A span whose glyphs are half as wide as its size, starting at x on baseline base. */
static float span(struct sb *b, int font, float size, float x, float base, const char *text)
{
	float w = 0.5f * size * (float)u8_mbsnlen((const uint8_t *)text, strlen(text));
	put(b, "span %d %.2f %.2f %.2f %.2f %.2f %.2f h %s\n", font, size, x, base - 0.8f * size,
	    x + w, base + 0.2f * size, base, text);
	return x + w;
}

static void page(struct sb *b, int no)
{
	put(b, "page %d 612 792\n", no);
	put(b, "font 0 - TimesNewRomanPSMT\nfont 1 b TimesNewRomanPS-BoldMT\n"
	       "font 2 i TimesNewRomanPS-ItalicMT\nfont 3 bi Barcode_3_of_9_by_request\n");
}

/* The footer every UN page has: job number, page, bar code. */
static void footer(struct sb *b, int no, int of)
{
	char pg[16];
	snprintf(pg, sizeof pg, "%d/%d", no, of);
	span(b, 0, 9, 100, 740, "18-12345 (E)");
	span(b, 0, 9, 480, 740, pg);
	span(b, 3, 12, 100, 755, "*1812345*");
}

/* A line of the body at its left edge (x 100), 10 pt: full lines end near x 450. */
static float line(struct sb *b, float base, const char *text)
{
	return span(b, 0, 10, 100, base, text);
}

/* ---- reading them ---- */

struct read {
	struct block_list bl;
	struct collection *col;
	struct parse_diag d;
	int rc;
};

static void read_stream(struct read *r, const struct sb *b)
{
	memset(r, 0, sizeof *r);
	r->rc = pdf_read_stream(b->s, b->n, NULL, &r->bl, &r->d);
	if (r->rc == 0)
		assert_int_equal(build_collection(&r->bl, &r->col, &r->d), 0);
}

static void read_free(struct read *r)
{
	blocks_free(&r->bl);
	collection_free(r->col);
}

static const struct para *para(const struct read *r, const char *id)
{
	assert_non_null(r->col);
	assert_true(r->col->ndocs >= 1);
	const struct resolution *res = r->col->docs[0];
	int i = res_find(res, id);
	if (i < 0)
		fail_msg("no paragraph %s", id);
	return &res->paras[i];
}

/* The word before a paragraph's k-th marker. */
static void marker_after(const struct para *p, size_t k, int fn, const char *word)
{
	assert_true(k < p->nmarks);
	assert_int_equal(p->marks[k].footnote, fn);
	size_t at = p->marks[k].byte, wl = strlen(word);
	assert_true(at >= wl);
	if (memcmp(p->text + at - wl, word, wl) != 0)
		fail_msg("marker %d after '%.*s', not '%s'", fn, (int)wl, p->text + at - wl, word);
}

static int has_block(const struct read *r, const char *s)
{
	for (size_t i = 0; i < r->bl.n; i++)
		if (strstr(r->bl.v[i].text, s))
			return 1;
	return 0;
}

/* A resolution's opening, on page 1 (the masthead is furniture, its facts the hints). */
static float opening(struct sb *b)
{
	page(b, 1);
	span(b, 0, 13, 100, 57, "United Nations");
	span(b, 0, 10, 480, 57, "A/RES/71/300");
	span(b, 1, 20, 100, 86, "General Assembly");
	span(b, 0, 10, 400, 86, "Distr.: General");
	span(b, 0, 10, 400, 98, "12 January 2017");
	span(b, 1, 10, 60, 222, "Seventy-first session");
	span(b, 0, 10, 60, 234, "Agenda item 68 (b)");
	span(b, 1, 14, 100, 266, "Resolution adopted by the General Assembly on 20 December 2016");
	span(b, 2, 10, 100, 290, "[on the report of the Third Committee (A/71/484/Add.2)]");
	span(b, 1, 12, 40, 320, "71/300.");
	span(b, 1, 12, 100, 320, "Protection of lighthouse keepers");
	span(b, 2, 10, 125, 346, "The General Assembly,");
	return 346;
}

/* ---- tests ---- */

/* A marker is the small raised number after its word: it leaves the text, exactly there; the
 * footnote below the rule is footnote 1; masthead and footer are furniture. */
static void marker_and_footnote(void **state)
{
	(void)state;
	static struct sb b;
	stream_begin(&b, 1);
	float y = opening(&b) + 18;
	float x = span(&b, 2, 10, 125, y, "Recalling");
	x = span(&b, 0, 10, x + 3, y, "the Universal Declaration of Human Rights,");
	x = span(&b, 0, 6.5f, x + 0.5f, y - 3.5f, "1");
	span(&b, 0, 10, x + 3, y, "the year 2015 and the 150 lighthouses");
	line(&b, y + 12, "of the coasts of all Member States and their keepers in every season,");
	span(&b, 2, 10, 125, y + 30, "Noting");
	span(&b, 0, 10, 160, y + 30, "the report of the Secretary-General,");
	span(&b, 1, 8, 100, 680, "__________________");
	span(&b, 0, 5.5f, 117, 693, "1");
	span(&b, 0, 8.5f, 123, 696, "Resolution 217 A (III).");
	footer(&b, 1, 1);
	put(&b, "end\n");
	struct read r;
	read_stream(&r, &b);
	assert_int_equal(r.rc, 0);
	const struct para *pp1 = para(&r, "pp1");
	assert_string_equal(pp1->text, "Recalling the Universal Declaration of Human Rights, the year 2015 "
	                    "and the 150 lighthouses of the coasts of all Member States and their "
	                    "keepers in every season,");
	assert_int_equal(pp1->nmarks, 1);
	marker_after(pp1, 0, 1, "Rights,");
	assert_string_equal(para(&r, "pp2")->text, "Noting the report of the Secretary-General,");
	assert_string_equal(para(&r, "fn1")->text, "Resolution 217 A (III).");
	const struct resolution *res = r.col->docs[0];
	assert_string_equal(res->meta.symbol, "A/RES/71/300");
	assert_string_equal(res->meta.number, "71/300");
	assert_string_equal(res->meta.title, "Protection of lighthouse keepers");
	assert_string_equal(res->meta.adopted, "2016-12-20");
	assert_string_equal(res->meta.distributed, "2017-01-12");
	assert_string_equal(res->meta.session, "71");
	assert_string_equal(res->meta.agenda_item, "68 (b)");
	assert_string_equal(res->meta.job, "18-12345 (E)");
	assert_false(has_block(&r, "1/1"));
	assert_false(has_block(&r, "1812345"));
	/* the digits of "2015" and "150" at the body's size stay text */
	assert_non_null(strstr(pp1->text, "2015 and the 150"));
	read_free(&r);
}

/* A paragraph and a footnote that run onto the next page are joined; the running head
 * (the title at the top of every page but the first) is furniture; a footnote's number
 * set apart at its own size (a tab), and a rule that is drawn rather than typed. */
static void across_pages(void **state)
{
	(void)state;
	static struct sb b;
	stream_begin(&b, 3);
	float y = opening(&b) + 18;
	for (int k = 0; k < 3; k++) {
		char t[80];
		snprintf(t, sizeof t, "keepers of lighthouses number %d of the western coast, and", k + 1);
		if (k == 0) {
			float x = span(&b, 2, 10, 125, y, "Welcoming");
			span(&b, 0, 10, x + 3, y, t);
		} else
			line(&b, y, t);
		y += 12;
	}
	float x = line(&b, y, "the report on their work in the decade now ending in two thousand");
	span(&b, 0, 6.5f, x + 0.5f, y - 3.5f, "2");
	put(&b, "rule 100 679 200 680\n");
	span(&b, 0, 8.5f, 100, 696, "2");
	span(&b, 0, 8.5f, 123, 696, "Official Records of the General Assembly, Seventy-first Session,");
	footer(&b, 1, 3);
	put(&b, "end\n");
	page(&b, 2);
	span(&b, 1, 9, 100, 45, "Protection of lighthouse keepers");
	span(&b, 0, 9, 480, 45, "A/RES/71/300");
	line(&b, 80, "and twenty, and the Convention on Coastal Safety,");
	span(&b, 0, 10, 100, 98, "1.");
	span(&b, 2, 10, 125, 98, "Decides");
	span(&b, 0, 10, 165, 98, "to remain seized of the matter.");
	put(&b, "rule 100 679 200 680\n");
	span(&b, 0, 8.5f, 123, 696, "Supplement No. 53 (A/71/53), chap. IV.");
	footer(&b, 2, 3);
	put(&b, "end\n");
	page(&b, 3);
	span(&b, 1, 9, 100, 45, "Protection of lighthouse keepers");
	span(&b, 0, 9, 480, 45, "A/RES/71/300");
	span(&b, 0, 10, 300, 80, "65th plenary meeting");
	span(&b, 0, 10, 300, 92, "20 December 2016");
	footer(&b, 3, 3);
	put(&b, "end\n");
	struct read r;
	read_stream(&r, &b);
	assert_int_equal(r.rc, 0);
	const struct para *pp1 = para(&r, "pp1");
	assert_non_null(strstr(pp1->text, "two thousand and twenty, and the Convention on Coastal Safety,"));
	marker_after(pp1, 0, 2, "thousand");
	assert_string_equal(para(&r, "fn2")->text, "Official Records of the General Assembly, Seventy-first "
	                    "Session, Supplement No. 53 (A/71/53), chap. IV.");
	assert_string_equal(para(&r, "op1")->text, "Decides to remain seized of the matter.");
	assert_false(has_block(&r, "Protection of lighthouse keepers A/RES"));
	for (size_t i = 0; getenv("DUMP") && i < r.bl.n; i++)
		fprintf(stderr, "[%zu] %s\n", i, r.bl.v[i].text);
	assert_non_null(r.col->docs[0]->meta.meeting);
	assert_string_equal(r.col->docs[0]->meta.meeting, "65th plenary meeting");
	read_free(&r);
}

/* An opening's last page: its running head repeats on no page read, and the short title
 * beside the symbol (on its baseline and the line above, at the head's size) is furniture all
 * the same; the body below it, at the body's size, stays. */
static void head_of_last_page_read(void **state)
{
	(void)state;
	static struct sb b;
	stream_begin(&b, 9);
	float y = opening(&b) + 18;
	line(&b, y, "Welcoming the keepers of lighthouses of the western coast, and");
	footer(&b, 1, 9);
	put(&b, "end\n");
	page(&b, 2);
	span(&b, 0, 8.5f, 100, 41, "Protection of lighthouse keepers and of the families");
	span(&b, 0, 8.5f, 100, 51, "who keep the lights");
	span(&b, 0, 8.5f, 480, 51, "A/RES/71/300");
	line(&b, 80, "the report on their work in the decade now ending,");
	span(&b, 0, 10, 100, 98, "1.");
	span(&b, 2, 10, 125, 98, "Decides");
	span(&b, 0, 10, 165, 98, "to remain seized of the matter.");
	footer(&b, 2, 9);
	put(&b, "end\n");
	struct read r;
	memset(&r, 0, sizeof r);
	int more = 0;
	r.rc = pdf_read_stream(b.s, b.n, &more, &r.bl, &r.d);
	assert_int_equal(r.rc, 0);
	assert_int_equal(more, 1);
	for (size_t i = 0; getenv("DUMP") && i < r.bl.n; i++)
		fprintf(stderr, "[%zu] %s\n", i, r.bl.v[i].text);
	assert_false(has_block(&r, "Protection of lighthouse keepers and"));
	assert_false(has_block(&r, "who keep the lights"));
	assert_true(has_block(&r, "the report on their work in the decade now ending,"));
	assert_true(has_block(&r, "to remain seized of the matter."));
	blocks_free(&r.bl);
}

/* Line ends: a hyphen UN typesetting leaves is the word's own ("drug-|resistant"), unless
 * the document spells the word without it elsewhere; Chinese lines join without a space. */
static void line_ends(void **state)
{
	(void)state;
	static struct sb b;
	stream_begin(&b, 1);
	float y = opening(&b) + 18;
	float x = span(&b, 2, 10, 125, y, "Concerned");
	span(&b, 0, 10, x + 3, y, "about drug-");
	line(&b, y + 12, "resistant tuberculosis and the pro-");
	line(&b, y + 24, "tection of patients, and the protection of keepers,");
	put(&b, "end\n");
	struct read r;
	read_stream(&r, &b);
	assert_string_equal(para(&r, "pp1")->text, "Concerned about drug-resistant tuberculosis and "
	                    "the protection of patients, and the protection of keepers,");
	read_free(&r);

	stream_begin(&b, 1);
	page(&b, 1);
	span(&b, 0, 10, 125, 100, "大会，");
	span(&b, 0, 10, 125, 118, "回顾其关于保护灯塔看守人的各项决议，包括");
	span(&b, 0, 10, 100, 130, "2015年12月17日第70/145号决议，");
	put(&b, "end\n");
	read_stream(&r, &b);
	assert_int_equal(r.rc, 0);
	assert_true(has_block(&r, "回顾其关于保护灯塔看守人的各项决议，包括2015年12月17日第70/145号决议，"));
	read_free(&r);
}

/* Arabic as producers write it: glyphs in visual order (left to right on the page, the
 * letters of each word reversed), numbers inside running left to right, a marker "(1)"
 * raised: read back in logical order, the marker after its word. */
static void right_to_left(void **state)
{
	(void)state;
	static struct sb b;
	stream_begin(&b, 1);
	page(&b, 1);
	/* logical: "وإذ تشير إلى قرارها 70/1 المؤرخ 2015(1)، وإلى الإعلان،" laid out from the
	 * right: visual, left to right: "،نالعإلا ىلإو ،" "(1)" "2015" "خرؤملا" "70/1" ... */
	float y = 100;
	span(&b, 0, 10, 110, y, "،نالعإلا ىلإو");
	span(&b, 0, 10, 180, y, "،");
	span(&b, 0, 6.5f, 184, y - 3.5f, ")1(");
	span(&b, 0, 10, 195, y, "2015");
	span(&b, 0, 10, 220, y, "خرؤملا");
	span(&b, 0, 10, 255, y, "70/1");
	span(&b, 0, 10, 280, y, "اهرارق ىلإ ريشت ذإو");
	put(&b, "end\n");
	struct read r;
	read_stream(&r, &b);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.bl.n, 1);
	assert_string_equal(r.bl.v[0].text, "وإذ تشير إلى قرارها 70/1 المؤرخ 2015، وإلى الإعلان،");
	assert_int_equal(r.bl.v[0].nmarks, 1);
	assert_int_equal(r.bl.v[0].marks[0].footnote, 1);
	size_t at = r.bl.v[0].marks[0].byte;
	assert_true(at >= 4 && memcmp(r.bl.v[0].text + at - 4, "2015", 4) == 0);
	read_free(&r);
}

/* What the helper says went wrong, and PDFs without text, come back as one clear reason. */
static void refusals(void **state)
{
	(void)state;
	static const struct {
		const char *stream;
		int rc;
		const char *says;
	} cases[] = {
		{ "gavel-pdf 1\nerror encrypted the PDF is protected by a password\n", EX_DATAERR,
		  "password" },
		{ "gavel-pdf 1\nerror damaged cannot open it: no objects found\n", EX_DATAERR,
		  "damaged PDF" },
		{ "gavel-pdf 1\nerror large the PDF needs more memory\n", EX_DATAERR, "memory" },
		{ "gavel-pdf 1\npages 2\npage 1 612 792\nimage 0 0 612 792\nend\n"
		  "page 2 612 792\nimage 0 0 612 792\nend\n", EX_DATAERR, "OCR" },
		{ "gavel-pdf 1\npages 1\npage 1 612 792\nend\n", EX_DATAERR, "no text" },
		{ "gavel-pdf 1\npages 0\n", EX_DATAERR, "no pages" },
		{ "gavel-pdf 1\npages 1\npage 1 612 792\nfont 0 - _\nspan 0 10 1 1 50 12 10 h "
		  "\xEF\xBF\xBD" "8\xEF\xBF\xBD" "Q\xEF\xBF\xBD" "L \xEF\xBF\xBD\xEF\xBF\xBD\nend\n",
		  EX_DATAERR, "no character" },       /* cut before its fonts: no text to read */
		{ "", EX_DATAERR, "damaged PDF" },
		{ "gavel-pdf 1\npages 3\npage 1 612 792\nfont 0 - T\nspan 0 10 1 1 50 12 10 h Hello\n",
		  EX_DATAERR, "damaged PDF" },       /* broke off inside its first page */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct block_list bl;
		struct parse_diag d;
		memset(&bl, 0, sizeof bl);
		memset(&d, 0, sizeof d);
		int rc = pdf_read_stream(cases[i].stream, strlen(cases[i].stream), NULL, &bl, &d);
		if (rc != cases[i].rc || !strstr(d.reason, cases[i].says))
			fail_msg("case %zu: %d '%s'", i, rc, d.reason);
		blocks_free(&bl);
	}
}

/* A stream that is not one, or not quite: read as far as it goes, never trusted. */
static void malformed_streams(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"gavel-pdf 1\npages 1\npage 1 612 792\nspan 99999999 nan 1 2 3 4 5 h x\nend\n",
		"gavel-pdf 1\npages 1\npage 1 612 792\nspan 0 1e30 1 2 3 4 5 h x\nend\n",
		"gavel-pdf 1\npages 1\npage 1 612 792\nspan 0 10 5 4 3 2 1 h backwards\nend\n",
		"gavel-pdf 1\npages 1\npage 1 612 792\nspan 0 10 1 2 3 4 5 q odd\nspan\nend\n",
		"gavel-pdf 1\npages 1\npage 1 612 792\nfont 5000 b X\nspan 0 0.01 1 2 3 4 5 h tiny\nend\n",
		"gavel-pdf 1\npages 1\npage 1 612 792\nspan 0 10 1 2 3 4 5 h \x01\x02 ctl\nend\nend\nend\n",
		"page 1 0 0\nend\nrule 1 2 3\nimage\nskip x\nerror\n",
		"gavel-pdf 1\npages 2\nskip 1\nskip 2\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct block_list bl;
		struct parse_diag d;
		memset(&bl, 0, sizeof bl);
		memset(&d, 0, sizeof d);
		int rc = pdf_read_stream(bad[i], strlen(bad[i]), NULL, &bl, &d);
		assert_true(rc == 0 || rc == EX_DATAERR);
		blocks_free(&bl);
	}
	/* every span on the line of its neighbour, many pages: linear and bounded */
	static struct sb b;
	stream_begin(&b, 200);
	for (int p = 1; p <= 200; p++) {
		put(&b, "page %d 612 792\nfont 0 - T\n", p);
		for (int k = 0; k < 2; k++)
			put(&b, "span 0 10 %d 100 %d 110 108 h 1\n", 100 + k, 105 + k);
		put(&b, "end\n");
	}
	struct block_list bl;
	struct parse_diag d;
	memset(&bl, 0, sizeof bl);
	memset(&d, 0, sizeof d);
	assert_int_equal(pdf_read_stream(b.s, b.n, NULL, &bl, &d), 0);
	blocks_free(&bl);
}

/* The helper on a real PDF: the first pages only when asked, and *more says there are more;
 * a helper that cannot be found is said as such. */
static void helper(void **state)
{
	(void)state;
	const char *h = getenv("GAVEL_PDF_HELPER");
	if (!h || !*h)
		skip();
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/data/pdf/A_RES_73_3-EN.pdf", ABS_TOP_SRCDIR);
	struct block_list bl;
	struct parse_diag d;
	memset(&bl, 0, sizeof bl);
	memset(&d, 0, sizeof d);
	int more = 0;
	assert_int_equal(pdf_read(path, NULL, 0, 2, &more, &bl, &d), 0);
	assert_int_equal(more, 1);
	assert_true(bl.n > 5);
	blocks_free(&bl);
	/* the same bytes through the helper's stdin */
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char buf[1 << 20];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	struct collection *col = NULL;
	memset(&d, 0, sizeof d);
	assert_int_equal(parse_buffer(buf, n, INPUT_AUTO, &col, &d), 0);
	assert_string_equal(col->docs[0]->meta.symbol, "A/RES/73/3");
	collection_free(col);
	/* the reader's opening of a large PDF: its first pages, cut */
	int partial = 0;
	memset(&d, 0, sizeof d);
	assert_int_equal(parse_file_prefix(path, 16384, INPUT_AUTO, &col, &partial, &d), 0);
	assert_int_equal(partial, 1);
	assert_int_equal(res_find(col->docs[0], "annex1.p53"), -1);
	assert_true(res_find(col->docs[0], "annex1.p1") >= 0);
	assert_non_null(d.shape);
	assert_string_equal(d.shape, "pdf-file");
	collection_free(col);
	/* a larger opening is declined: the first already shows what it would */
	memset(&d, 0, sizeof d);
	assert_int_equal(parse_file_prefix(path, (size_t)128 << 10, INPUT_AUTO, &col, &partial, &d), -1);
	assert_null(col);
	/* a whole read through the helper (no kept text) counts its pages for pdf_progress */
	char cache[] = "/tmp/gavel-test-pdf-progress.XXXXXX";
	assert_non_null(mkdtemp(cache));
	char *xdg = getenv("XDG_CACHE_HOME") ? strdup(getenv("XDG_CACHE_HOME")) : NULL;
	setenv("XDG_CACHE_HOME", cache, 1);
	int page = -1, total = -1;
	memset(&d, 0, sizeof d);
	setenv("GAVEL_PDF_QUICK", "0", 1);   /* gavel's own reader would read it, not the helper */
	assert_int_equal(pdf_read(path, NULL, 0, 0, NULL, &bl, &d), 0);
	unsetenv("GAVEL_PDF_QUICK");
	pdf_progress(&page, &total);
	assert_true(total > 3);
	assert_int_equal(page, total);
	blocks_free(&bl);
	memset(&bl, 0, sizeof bl);
	/* read again from the kept text: no helper, no pages counted */
	memset(&d, 0, sizeof d);
	assert_int_equal(pdf_read(path, NULL, 0, 0, NULL, &bl, &d), 0);
	pdf_progress(&page, &total);
	assert_int_equal(page, 0);
	assert_int_equal(total, 0);
	blocks_free(&bl);
	memset(&bl, 0, sizeof bl);
	char rm[200];
	snprintf(rm, sizeof rm, "rm -rf '%s'", cache);
	assert_int_equal(system(rm), 0);
	if (xdg) {
		setenv("XDG_CACHE_HOME", xdg, 1);
		free(xdg);
	} else {
		unsetenv("XDG_CACHE_HOME");
	}
	blocks_free(&bl);
}

/* pdf_read of path (or of buf[0..len) when path is NULL): its exit code, the reason in d. */
static int read_pdf(const char *path, const char *buf, size_t len, int pages, int *more,
                    struct parse_diag *d)
{
	struct block_list bl;
	memset(&bl, 0, sizeof bl);
	memset(d, 0, sizeof *d);
	int rc = pdf_read(path, buf, len, pages, more, &bl, d);
	if (rc == 0)
		assert_true(bl.n > 5);
	blocks_free(&bl);
	return rc;
}

/* Without the helper (a gavel built --without-mupdf), gavel's own reader reads the plain PDFs
 * (an opening, the whole, a file, the bytes of one); a scan is said as always; what it
 * refuses (an encrypted PDF, a cut one), and everything when it is off, is refused with its
 * reason and the way out. Needs no MuPDF. */
static void without_helper(void **state)
{
	(void)state;
	const char *h = getenv("GAVEL_PDF_HELPER");
	char *keep = h ? strdup(h) : NULL;
	setenv("GAVEL_PDF_HELPER", "/nonexistent/gavel-pdf", 1);
	unsetenv("GAVEL_PDF_QUICK");
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/data/pdf/A_RES_73_3-EN.pdf", ABS_TOP_SRCDIR);
	struct parse_diag d;
	int more = 0;
	assert_int_equal(read_pdf(path, NULL, 0, 2, &more, &d), 0);
	assert_int_equal(more, 1);
	more = 1;
	assert_int_equal(read_pdf(path, NULL, 0, 0, &more, &d), 0);
	assert_int_equal(more, 0);
	struct collection *col = NULL;
	memset(&d, 0, sizeof d);
	assert_int_equal(parse_file(path, INPUT_AUTO, &col, &d), 0);
	assert_string_equal(col->docs[0]->meta.symbol, "A/RES/73/3");
	assert_true(res_find_footnote(col->docs[0], 7) >= 0);
	assert_true(res_find_footnote(col->docs[0], 8) < 0);
	collection_free(col);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char buf[1 << 20];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	assert_int_equal(read_pdf(NULL, buf, n, 0, NULL, &d), 0);
	/* cut short: no xref for gavel's own reader (MuPDF would rebuild one) */
	assert_int_equal(read_pdf(NULL, buf, n / 3, 0, NULL, &d), EX_UNAVAILABLE);
	assert_non_null(strstr(d.reason, "MuPDF"));
	assert_non_null(strstr(d.reason, "pdftotext"));
	char bad[4096];
	snprintf(bad, sizeof bad, "%s/tests/data/pdf/bad/encrypted.pdf", ABS_TOP_SRCDIR);
	assert_int_equal(read_pdf(bad, NULL, 0, 0, NULL, &d), EX_UNAVAILABLE);
	assert_non_null(strstr(d.reason, "qpdf --decrypt"));
	/* an owner's password only: MuPDF reads it, gavel's own reader does not decrypt */
	snprintf(bad, sizeof bad, "%s/tests/data/pdf/bad/owner-only.pdf", ABS_TOP_SRCDIR);
	assert_int_equal(read_pdf(bad, NULL, 0, 0, NULL, &d), EX_UNAVAILABLE);
	assert_non_null(strstr(d.reason, "encrypted"));
	snprintf(bad, sizeof bad, "%s/tests/data/pdf/bad/scan.pdf", ABS_TOP_SRCDIR);
	assert_int_equal(read_pdf(bad, NULL, 0, 2, NULL, &d), EX_DATAERR);
	assert_non_null(strstr(d.reason, "OCR"));
	setenv("GAVEL_PDF_QUICK", "0", 1);
	assert_int_equal(read_pdf(path, NULL, 0, 0, NULL, &d), EX_UNAVAILABLE);
	assert_non_null(strstr(d.reason, "pdftotext"));
	unsetenv("GAVEL_PDF_QUICK");
	if (keep)
		setenv("GAVEL_PDF_HELPER", keep, 1);
	else
		unsetenv("GAVEL_PDF_HELPER");
	free(keep);
}

/* The whole file kept by the cache at dir (its one stream), or NULL. */
static char *kept_stream(const char *dir, size_t *len)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "cat '%s'/gavel/pdf/*.stream 2>/dev/null", dir);
	FILE *p = popen(cmd, "r");
	if (!p)
		return NULL;
	static char buf[1 << 21];
	*len = fread(buf, 1, sizeof buf, p);
	pclose(p);
	return *len ? buf : NULL;
}

static int lines_in(const char *path)
{
	FILE *f = fopen(path, "r");
	int n = 0, c;
	while (f && (c = getc(f)) != EOF)
		n += c == '\n';
	if (f)
		fclose(f);
	return n;
}

/* An opening's helper goes on to the whole read of the same file (issue 13: the first pages
 * are not read twice): one helper for both, and the whole read gives the very stream a
 * helper of its own gives (the kept text, byte for byte), with its pages counted. An opening
 * that no whole read follows is stopped and waited for when another file is read. */
static void opening_reads_on(void **state)
{
	(void)state;
	const char *h = getenv("GAVEL_PDF_HELPER");
	if (!h || !*h)
		skip();
	/* the helper's opening: gavel's own reading of the first pages (test_pdf_quick) off */
	setenv("GAVEL_PDF_QUICK", "0", 1);
	char *real = strdup(h);
	char dir[] = "/tmp/gavel-test-pdf-opening.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char wrap[600], log[600], a[600], b[600], path[4096], other[4096];
	snprintf(wrap, sizeof wrap, "%s/helper", dir);
	snprintf(log, sizeof log, "%s/runs", dir);
	snprintf(a, sizeof a, "%s/a", dir);
	snprintf(b, sizeof b, "%s/b", dir);
	snprintf(path, sizeof path, "%s/tests/data/pdf/A_RES_73_3-EN.pdf", ABS_TOP_SRCDIR);
	snprintf(other, sizeof other, "%s/tests/data/pdf/A_RES_73_6-EN.pdf", ABS_TOP_SRCDIR);
	/* a helper that notes each run */
	FILE *f = fopen(wrap, "w");
	assert_non_null(f);
	fprintf(f, "#!/bin/sh\necho \"$*\" >> '%s'\nexec '%s' \"$@\"\n", log, real);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(wrap, 0755), 0);
	setenv("GAVEL_PDF_HELPER", wrap, 1);
	char *xdg = getenv("XDG_CACHE_HOME") ? strdup(getenv("XDG_CACHE_HOME")) : NULL;
	struct block_list bl;
	struct parse_diag d;
	/* the whole read by a helper of its own, kept in a */
	setenv("XDG_CACHE_HOME", a, 1);
	memset(&bl, 0, sizeof bl);
	memset(&d, 0, sizeof d);
	assert_int_equal(pdf_read(path, NULL, 0, 0, NULL, &bl, &d), 0);
	size_t whole_blocks = bl.n;
	blocks_free(&bl);
	size_t alen = 0, blen = 0;
	char *as = kept_stream(a, &alen);
	assert_non_null(as);
	char *ref = malloc(alen);
	assert_non_null(ref);
	memcpy(ref, as, alen);
	assert_int_equal(lines_in(log), 1);
	/* an opening, then the whole read of the same file, kept in b: no second helper */
	setenv("XDG_CACHE_HOME", b, 1);
	int more = 0;
	memset(&bl, 0, sizeof bl);
	memset(&d, 0, sizeof d);
	assert_int_equal(pdf_read(path, NULL, 0, 3, &more, &bl, &d), 0);
	assert_int_equal(more, 1);
	assert_true(bl.n > 5 && bl.n < whole_blocks);
	blocks_free(&bl);
	memset(&bl, 0, sizeof bl);
	memset(&d, 0, sizeof d);
	assert_int_equal(pdf_read(path, NULL, 0, 0, NULL, &bl, &d), 0);
	assert_int_equal(bl.n, whole_blocks);
	blocks_free(&bl);
	assert_int_equal(lines_in(log), 2);
	int page = -1, total = -1;
	pdf_progress(&page, &total);
	assert_int_equal(total, 10);
	assert_int_equal(page, 10);
	char *bs = kept_stream(b, &blen);
	assert_non_null(bs);
	assert_int_equal(blen, alen);
	assert_memory_equal(bs, ref, alen);
	free(ref);
	/* an opening followed by the whole read of another file: a helper of its own, and the
	 * paused one is stopped and waited for (no child is left) */
	char c[600];
	snprintf(c, sizeof c, "%s/c", dir);
	setenv("XDG_CACHE_HOME", c, 1);
	memset(&bl, 0, sizeof bl);
	memset(&d, 0, sizeof d);
	assert_int_equal(pdf_read(path, NULL, 0, 3, &more, &bl, &d), 0);
	blocks_free(&bl);
	memset(&bl, 0, sizeof bl);
	memset(&d, 0, sizeof d);
	assert_int_equal(pdf_read(other, NULL, 0, 0, NULL, &bl, &d), 0);
	blocks_free(&bl);
	assert_int_equal(lines_in(log), 4);
	errno = 0;
	assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
	assert_int_equal(errno, ECHILD);
	char rm[700];
	snprintf(rm, sizeof rm, "rm -rf '%s'", dir);
	assert_int_equal(system(rm), 0);
	setenv("GAVEL_PDF_HELPER", real, 1);
	free(real);
	unsetenv("GAVEL_PDF_QUICK");
	if (xdg) {
		setenv("XDG_CACHE_HOME", xdg, 1);
		free(xdg);
	} else {
		unsetenv("XDG_CACHE_HOME");
	}
}

/* A kept stream read for an opening: up to its n-th page and no further (a page much longer
 * than the first step too), the same bytes as the whole stream cut there. */
static void cache_prefix(void **state)
{
	(void)state;
	char name[] = "/tmp/gavel-test-pdf-cache.XXXXXX";
	int fd = mkstemp(name);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs("gavel-pdf 1\npages 5\n", f);
	for (int p = 1; p <= 5; p++) {
		fprintf(f, "page %d 612 792\n", p);
		for (int i = 0; i < (p == 2 ? 4000 : 10); i++)
			fprintf(f, "span 0 10 72 100 120 110 108 h word%d\n", i);
		fputs(p == 3 ? "skip 3\n" : "end\n", f);
	}
	assert_int_equal(fclose(f), 0);
	size_t whole = 0;
	char *w = pdf_cache_read(name, 0, &whole);
	assert_non_null(w);
	assert_true(whole > ((size_t)128 << 10));
	for (int k = 1; k <= 6; k++) {
		size_t n = 0, want = pdf_cache_cut(w, whole, k);
		char *s = pdf_cache_read(name, k, &n);
		assert_non_null(s);
		assert_true(n >= want && n <= whole);
		assert_int_equal(pdf_cache_cut(s, n, k), want);
		assert_memory_equal(s, w, want);
		assert_int_equal(s[n], '\0');
		if (k == 1)
			assert_int_equal(n, want);   /* a first page in the first step: read no further */
		free(s);
	}
	free(w);
	unlink(name);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(marker_and_footnote),
		cmocka_unit_test(across_pages),
		cmocka_unit_test(head_of_last_page_read),
		cmocka_unit_test(line_ends),
		cmocka_unit_test(right_to_left),
		cmocka_unit_test(refusals),
		cmocka_unit_test(malformed_streams),
		cmocka_unit_test(helper),
		cmocka_unit_test(without_helper),
		cmocka_unit_test(opening_reads_on),
		cmocka_unit_test(cache_prefix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
