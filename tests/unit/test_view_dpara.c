/* test_view_dpara.c: a paragraph's display: markers, styles, links, safety, wrapping. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/wrap.h"
#include "view/dpara.h"
#include "view/style.h"
#include "view_fixture.h"

static struct dpara *build(struct resolution *res, const char *id, int width, int utf8)
{
	struct dpara_opts o = { .width = width, .gutter = 7, .utf8 = utf8 };
	struct dpara *d = dpara_build(res, res_find(res, id), &o);
	assert_non_null(d);
	return d;
}

static void marker_superscript_or_brackets(void **state)
{
	(void)state;
	struct resolution *res = fx_resolution(12, 10);
	struct dpara *d = build(res, "op10", 80, 1);
	assert_non_null(strstr(d->text, "1963\u00b9\u2076 to ensure"));
	assert_int_equal(d->nlinks, 1);
	assert_int_equal(d->links[0].kind, LINK_FOOTNOTE);
	assert_int_equal(d->links[0].target, 16);
	for (size_t b = d->links[0].start; b < d->links[0].end; b++) {
		assert_true(d->style[b] & ST_MARK);
		assert_int_equal(d->link[b], 0);
	}
	assert_string_equal(d->gutter, "OP 10");
	dpara_free(d);

	d = build(res, "op10", 80, 0);
	assert_non_null(strstr(d->text, "1963[16] to ensure"));
	for (size_t b = 0; b < d->len; b++)
		assert_true((unsigned char)d->text[b] < 0x80);
	dpara_free(d);
	res_free(res);
}

static void lead_and_refs(void **state)
{
	(void)state;
	struct resolution *res = fx_resolution(12, 10);
	struct dpara *d = build(res, "pp1", 80, 1);
	for (size_t b = 0; b < strlen("Recalling"); b++)
		assert_true(d->style[b] & ST_LEAD);
	assert_false(d->style[strlen("Recalling")] & ST_LEAD);
	assert_int_equal(d->nlinks, 1);
	assert_int_equal(d->links[0].kind, LINK_REF);
	assert_int_equal(d->links[0].target, 0);
	const char *at = strstr(d->text, "resolution 57/218");
	assert_int_equal(d->links[0].start, (size_t)(at - d->text));
	assert_int_equal(d->links[0].end - d->links[0].start, strlen("resolution 57/218"));
	assert_true(d->style[d->links[0].start] & ST_REF);
	assert_false(d->style[d->links[0].end] & ST_REF);
	dpara_free(d);
	res_free(res);
}

static void controls_neutralised(void **state)
{
	(void)state;
	struct resolution *res = res_new();
	fx_add(res, PARA_OPERATIVE, "op1", "OP 1", "1",
	       "Bell\x07 escape\x1b[31mred\x1b[0m tab\there\rcr \xc2\x9b csi \xff bad", -1, 0);
	for (int utf8 = 0; utf8 <= 1; utf8++) {
		struct dpara *d = build(res, "op1", 40, utf8);
		for (size_t b = 0; b < d->len; b++) {
			unsigned char c = (unsigned char)d->text[b];
			assert_true(c >= 0x20 && c != 0x7f);
			/* No C1 control (U+0080..U+009F, encoded C2 80..C2 9F) either. */
			if (c == 0xC2 && b + 1 < d->len)
				assert_false((unsigned char)d->text[b + 1] >= 0x80 &&
				             (unsigned char)d->text[b + 1] <= 0x9F);
		}
		assert_non_null(strstr(d->text, "tab here"));
		dpara_free(d);
	}
	res_free(res);
}

/* No line is wider than the text area, whatever the width and script. */
static void lines_fit(void **state)
{
	(void)state;
	struct resolution *res = res_new();
	fx_add(res, PARA_OPERATIVE, "op1", "OP 1", "1",
	       "Réaffirme que la Déclaration universelle des droits de l'homme s'applique "
	       "\xe5\x9b\xbd\xe9\x99\x85\xe7\xa7\xbb\xe6\xb0\x91\xe7\xbb\x84\xe7\xbb\x87\xe5\x92\x8c"
	       "\xe8\x81\x94\xe5\x90\x88\xe5\x9b\xbd\xe5\xa4\xa7\xe4\xbc\x9a e\xcc\x81" "e\xcc\x81" "e\xcc\x81 "
	       "Supercalifragilisticexpialidociouslylongwordthatcannotfit end.", -1, 0);
	fx_mark(res, 0, 10, 123);
	for (int width = 9; width <= 60; width++) {
		struct dpara *d = build(res, "op1", width, 1);
		int avail = width - 7 - d->indent;
		if (avail < 1)
			avail = 1;
		assert_true(d->nlines >= 1);
		for (int i = 0; i < d->nlines; i++) {
			int w = text_width(d->text + d->lines[i].start, d->lines[i].end - d->lines[i].start);
			assert_true(w <= avail);
		}
		dpara_free(d);
	}
	res_free(res);
}

static void cited_in_links(void **state)
{
	(void)state;
	struct resolution *res = fx_resolution(12, 10);
	int fn = res_find(res, "fn16");
	int citers[] = { res_find(res, "op10"), res_find(res, "pp2") };
	struct dpara_opts o = { .width = 60, .gutter = 4, .utf8 = 0, .citers = citers, .nciters = 2 };
	struct dpara *d = dpara_build(res, fn, &o);
	assert_non_null(d);
	assert_non_null(strstr(d->text, "Treaty Series, vol. 596"));
	assert_non_null(strstr(d->text + d->body_len, "cited in OP 10, PP 2"));
	assert_int_equal(d->nlinks, 2);
	assert_int_equal(d->links[0].kind, LINK_BACKREF);
	assert_int_equal(d->links[0].target, citers[0]);
	assert_int_equal(d->links[1].target, citers[1]);
	/* "cited in" starts a line of its own. */
	assert_true(d->nlines >= 2);
	assert_int_equal(d->lines[dpara_line_of(d, d->body_len)].start, d->body_len);
	assert_string_equal(d->gutter, "16");
	dpara_free(d);
	res_free(res);
}

static void search_matches_marked(void **state)
{
	(void)state;
	struct resolution *res = res_new();
	fx_add(res, PARA_OPERATIVE, "op1", "OP 1", "1",
	       "Facilitate family R\xc3\xa9unification; reunification has effect.", -1, 0);
	fx_mark(res, 0, strlen("Facilitate family R\xc3\xa9unification"), 7);
	struct search_pat pat;
	assert_int_equal(search_compile("reunification", &pat), 0);
	struct dpara_opts o = { .width = 80, .gutter = 7, .utf8 = 1, .pat = &pat };
	struct dpara *d = dpara_build(res, 0, &o);
	assert_non_null(d);
	assert_int_equal(d->nhits, 2);
	const char *first = strstr(d->text, "R\xc3\xa9unification");
	assert_int_equal(d->hits[0], (size_t)(first - d->text));
	assert_int_equal(d->hits[1] - d->hits[0], strlen("R\xc3\xa9unification"));
	/* The marker right after the match is not part of it. */
	assert_true(d->style[d->hits[1]] & ST_MARK);
	assert_false(d->style[d->hits[1]] & ST_MATCH);
	assert_true(d->style[d->hits[2]] & ST_MATCH);
	dpara_free(d);
	search_pat_free(&pat);
	res_free(res);
}

static void labels_and_links_by_column(void **state)
{
	(void)state;
	struct resolution *res = fx_resolution(12, 10);
	char buf[32];
	assert_string_equal(dpara_label(res, res_find(res, "pp3"), buf, sizeof buf), "PP 3");
	assert_string_equal(dpara_label(res, res_find(res, "op3.b.ii"), buf, sizeof buf), "(ii)");
	assert_string_equal(dpara_label(res, res_find(res, "annex1"), buf, sizeof buf), "");
	assert_string_equal(dpara_label(res, res_find(res, "fn16"), buf, sizeof buf), "16");
	assert_string_equal(dpara_label(res, 100000, buf, sizeof buf), "");

	struct dpara *d = build(res, "op10", 200, 1);
	assert_int_equal(d->nlines, 1);
	int col = text_width(d->text, d->links[0].start);
	assert_int_equal(dpara_link_at(d, 0, col), 0);
	assert_int_equal(dpara_link_at(d, 0, col + 1), 0);
	assert_int_equal(dpara_link_at(d, 0, col + 2), -1);
	assert_int_equal(dpara_link_at(d, 0, 0), -1);
	assert_int_equal(dpara_link_at(d, 5, 0), -1);
	dpara_free(d);

	d = build(res, "op3.b.ii", 60, 1);
	assert_int_equal(d->indent, 10);
	dpara_free(d);
	d = build(res, "op3.b.ii", 30, 1);
	assert_int_equal(d->indent, 0);
	dpara_free(d);
	res_free(res);
}

static void highlight_spans(void **state)
{
	(void)state;
	struct resolution *res = fx_resolution(12, 10);
	struct dspan spans[] = { { 0, 9, 2, 0 }, { 5, 3, 1, 0 }, { 0, 100000, 1, 0 },
	                         { 0, 13, DSPAN_SELECTION, 0 } };
	struct search_pat pat;
	assert_int_equal(search_compile("the", &pat), 0);
	struct dpara_opts o = { .width = 80, .gutter = 7, .utf8 = 1, .spans = spans, .nspans = 4,
	                        .pat = &pat };
	struct dpara *d = dpara_build(res, res_find(res, "op10"), &o);
	assert_non_null(d);
	assert_int_equal((d->style[0] & ST_HL_MASK) >> ST_HL_SHIFT, 2);
	assert_int_equal((d->style[14] & ST_HL_MASK) >> ST_HL_SHIFT, 0);
	/* The selection is a mark of its own over the highlight ... */
	assert_true(d->style[0] & ST_SELECT);
	assert_false(d->style[13] & ST_SELECT);
	/* ... and it never looks like the search match it covers ("the" at 10), current or not. */
	assert_true(d->style[10] & ST_MATCH);
	assert_int_equal(STYLE_AREA(style_of_text(d->style[10], 0, 1)), STYLE_SELECTION);
	assert_int_equal(STYLE_AREA(style_of_text(d->style[10], 0, 0)), STYLE_SELECTION);
	assert_int_equal(STYLE_AREA(style_of_text(d->style[0], 0, 0)), STYLE_SELECTION);
	assert_int_equal(STYLE_AREA(style_of_text(d->style[20] & ~ST_MATCH, 0, 0)), STYLE_TEXT);
	assert_int_equal(STYLE_AREA(style_of_text(ST_MATCH, 0, 0)), STYLE_MATCH);
	assert_int_equal(STYLE_AREA(style_of_text(ST_MATCH, 0, 1)), STYLE_MATCH_CUR);
	assert_int_equal(STYLE_AREA(style_of_text(2u << ST_HL_SHIFT, 0, 0)), STYLE_HL2);
	dpara_free(d);
	search_pat_free(&pat);
	res_free(res);
}

/* An ASCII terminal gets letters without accents, plain quotes, and "?" for the rest. */
static void ascii_terminal(void **state)
{
	(void)state;
	struct resolution *res = res_new();
	fx_add(res, PARA_OPERATIVE, "op1", "OP 1", "1",
	       "R\xc3\xa9unification, \xc2\xab\xc5\x93uvre\xc2\xbb \xe2\x80\x94 l\xe2\x80\x99\xc3\x89tat \xe4\xb8\xad.", -1, 0);
	struct dpara *d = build(res, "op1", 80, 0);
	assert_string_equal(d->text, "Reunification, \"oeuvre\" - l'Etat ?.");
	dpara_free(d);
	res_free(res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(marker_superscript_or_brackets),
		cmocka_unit_test(lead_and_refs),
		cmocka_unit_test(controls_neutralised),
		cmocka_unit_test(lines_fit),
		cmocka_unit_test(cited_in_links),
		cmocka_unit_test(search_matches_marked),
		cmocka_unit_test(labels_and_links_by_column),
		cmocka_unit_test(highlight_spans),
		cmocka_unit_test(ascii_terminal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
