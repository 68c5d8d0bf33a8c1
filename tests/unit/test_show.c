/* test_show.c: the plain-text view on hand-built resolutions: labels, wrapping, markers,
 * selection by id, highlights and hooks, neutralised controls, CJK and Arabic. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc/resolution.h"
#include "text/show.h"
#include "text/wrap.h"

static int add(struct resolution *r, enum para_kind k, const char *id, const char *label,
               const char *num, const char *text, int depth, int parent)
{
	int i = res_add_para(r, k);
	assert_true(i >= 0);
	struct para *p = &r->paras[i];
	p->id = strdup(id);
	p->label = label ? strdup(label) : NULL;
	p->num = num ? strdup(num) : NULL;
	p->text = strdup(text);
	p->text_len = strlen(text);
	p->depth = depth;
	p->parent = parent;
	return i;
}

static void mark(struct resolution *r, int i, const char *after, int fn)
{
	struct para *p = &r->paras[i];
	const char *at = strstr(p->text, after);
	assert_non_null(at);
	p->marks = realloc(p->marks, (p->nmarks + 1) * sizeof *p->marks);
	p->marks[p->nmarks].byte = (size_t)(at - p->text) + strlen(after);
	p->marks[p->nmarks].footnote = fn;
	p->nmarks++;
}

/* A small resolution in the usual shape, built by hand (no parser involved). */
static struct resolution *sample(void)
{
	struct resolution *r = res_new();
	assert_non_null(r);
	r->meta.symbol = strdup("A/RES/99/7");
	r->meta.title = strdup("Protection of imaginary lighthouses");
	r->meta.adopted = strdup("2031-03-04");
	r->meta.organ = strdup("General Assembly");
	int pp1 = add(r, PARA_PREAMBLE, "pp1", "PP 1", "1",
	              "Recalling the Universal Declaration on Lighthouses which proclaims that every "
	              "lighthouse keeper is entitled to a lamp,", 0, -1);
	mark(r, pp1, "Lighthouses", 1);
	add(r, PARA_OPERATIVE, "op1", "OP 1", "1",
	    "Welcomes the renewed commitment made by all coastal States;", 0, -1);
	int op2 = add(r, PARA_OPERATIVE, "op2", "OP 2", "2",
	              "Requests all States, in conformity with the Convention of 2029, to:", 0, -1);
	mark(r, op2, "2029", 2);
	int a = add(r, PARA_SUB, "op2.a", "OP 2 (a)", "a",
	            "Keep every lamp lit during storms and fog, whatever the cost;", 1, op2);
	add(r, PARA_SUB, "op2.a.i", "OP 2 (a) (i)", "i",
	    "Including small lamps on piers and jetties;", 2, a);
	add(r, PARA_SUB, "op2.b", "OP 2 (b)", "b", "Report to the Assembly.", 1, op2);
	add(r, PARA_FOOTNOTE, "fn1", "Footnote 1", "1", "Resolution 1 (I), annex.", 0, -1);
	add(r, PARA_FOOTNOTE, "fn2", "Footnote 2", "2", "Treaty Series, vol. 9999, No. 1.", 0, -1);
	return r;
}

struct out {
	char *buf;
	size_t len;
	FILE *f;
};

static void out_open(struct out *o)
{
	o->buf = NULL;
	o->f = open_memstream(&o->buf, &o->len);
	assert_non_null(o->f);
}

static void out_close(struct out *o)
{
	fclose(o->f);
}

/* No line wider than width, and no control character but '\n'. */
static void check_screen_safe(const char *s, int width)
{
	const char *line = s;
	while (*line) {
		const char *nl = strchr(line, '\n');
		assert_non_null(nl);   /* every line ends with a newline */
		int w = text_width(line, (size_t)(nl - line));
		if (w > width)
			fail_msg("line wider than %d: '%.*s'", width, (int)(nl - line), line);
		for (const char *c = line; c < nl; c++)
			assert_true((unsigned char)*c >= 0x20 && *c != 0x7f);
		line = nl + 1;
	}
}

static const char *line_with(const char *s, const char *needle)
{
	const char *at = strstr(s, needle);
	if (!at)
		fail_msg("'%s' not in output:\n%s", needle, s);
	while (at > s && at[-1] != '\n')
		at--;
	return at;
}

static int column_of(const char *s, const char *needle)
{
	const char *line = line_with(s, needle);
	return (int)(strstr(line, needle) - line);
}

static void whole_document(void **state)
{
	(void)state;
	struct resolution *r = sample();
	struct show_opts opts = { .width = 40 };
	struct out o;
	out_open(&o);
	assert_int_equal(show_write(o.f, r, NULL, 0, &opts, NULL), 0);
	out_close(&o);
	check_screen_safe(o.buf, 40);
	assert_ptr_equal(strstr(o.buf, "A/RES/99/7\n"), o.buf);
	assert_non_null(strstr(o.buf, "Protection of imaginary lighthouses\n"));
	assert_non_null(strstr(o.buf, "2031-03-04"));
	/* Labels in the gutter, text beside them. */
	assert_memory_equal(line_with(o.buf, "Recalling"), "PP 1", 4);
	assert_memory_equal(line_with(o.buf, "Welcomes"), "OP 1", 4);
	int text_col = column_of(o.buf, "Recalling");
	assert_int_equal(column_of(o.buf, "Welcomes"), text_col);
	/* Sub-paragraphs indented, deeper ones more. */
	int a = column_of(o.buf, "(a)"), i = column_of(o.buf, "(i)");
	assert_true(a >= text_col - 2);
	assert_true(i > a);
	assert_true(column_of(o.buf, "Keep every") > a);
	assert_int_equal(column_of(o.buf, "(b)"), a);
	/* Markers back at their place, footnotes at the end. */
	assert_non_null(strstr(o.buf, "Lighthouses[1]"));
	assert_non_null(strstr(o.buf, "2029[2],"));
	const char *fns = strstr(o.buf, "\nFootnotes\n");
	assert_non_null(fns);
	assert_true(strstr(o.buf, "[1]") < fns);
	assert_non_null(strstr(fns, "[2]"));
	assert_non_null(strstr(fns, "Treaty Series, vol. 9999"));
	/* Wrapped at words: every text word is whole on some line. */
	assert_non_null(strstr(o.buf, "entitled"));
	free(o.buf);
	res_free(r);
}

static void every_width_fits(void **state)
{
	(void)state;
	struct resolution *r = sample();
	for (int w = 10; w <= 120; w += 7) {
		struct show_opts opts = { .width = w };
		struct out o;
		out_open(&o);
		assert_int_equal(show_write(o.f, r, NULL, 0, &opts, NULL), 0);
		out_close(&o);
		check_screen_safe(o.buf, w);
		free(o.buf);
	}
	res_free(r);
}

static void selected_ids(void **state)
{
	(void)state;
	struct resolution *r = sample();
	struct show_opts opts = { .width = 60 };
	const char *ids[] = { "op2" };
	struct out o;
	out_open(&o);
	assert_int_equal(show_write(o.f, r, ids, 1, &opts, NULL), 0);
	out_close(&o);
	assert_null(strstr(o.buf, "Recalling"));
	assert_null(strstr(o.buf, "Welcomes"));
	assert_non_null(strstr(o.buf, "Requests all States"));
	assert_non_null(strstr(o.buf, "Keep every lamp"));       /* its sub-paragraphs */
	assert_non_null(strstr(o.buf, "Including small lamps"));
	assert_non_null(strstr(o.buf, "Report to the Assembly"));
	assert_non_null(strstr(o.buf, "Treaty Series"));         /* the footnote it cites */
	assert_null(strstr(o.buf, "Resolution 1 (I)"));          /* not the others */
	free(o.buf);

	const char *two[] = { "op2.a.i", "pp1" };
	out_open(&o);
	assert_int_equal(show_write(o.f, r, two, 2, &opts, NULL), 0);
	out_close(&o);
	assert_non_null(strstr(o.buf, "Including small lamps"));
	assert_null(strstr(o.buf, "Keep every lamp"));
	/* Document order, whatever the order asked. */
	assert_true(strstr(o.buf, "Recalling") < strstr(o.buf, "Including"));
	free(o.buf);
	res_free(r);
}

static void unknown_id(void **state)
{
	(void)state;
	struct resolution *r = sample();
	struct show_opts opts = { .width = 60 };
	const char *ids[] = { "op1", "op99" };
	const char *bad = NULL;
	struct out o;
	out_open(&o);
	assert_int_equal(show_write(o.f, r, ids, 2, &opts, &bad), -1);
	out_close(&o);
	assert_string_equal(bad, "op99");
	assert_int_equal(o.len, 0);   /* nothing printed before the error */
	free(o.buf);
	res_free(r);
}

static size_t spans_cb(void *ctx, int index, const struct show_span **spans)
{
	static const struct show_span s[] = { { 0, 9 }, { 14, 50 } };
	(void)ctx;
	if (index != 0)
		return 0;
	*spans = s;
	return 2;
}

static void after_cb(void *ctx, FILE *f, const struct resolution *r, int index, int width)
{
	(void)width;
	int *count = ctx;
	(*count)++;
	fprintf(f, "  note on %s\n", r->paras[index].id);
}

static void highlights_and_hooks(void **state)
{
	(void)state;
	struct resolution *r = sample();
	int count = 0;
	struct show_opts opts = { .width = 120, .highlights = spans_cb, .hl_open = "{",
	                          .hl_close = "}", .after_para = after_cb, .ctx = &count };
	struct out o;
	out_open(&o);
	assert_int_equal(show_write(o.f, r, NULL, 0, &opts, NULL), 0);
	out_close(&o);
	/* Span 14-50 ends right where marker [1] goes: the highlight closes before the marker. */
	assert_non_null(strstr(o.buf, "{Recalling} the {Universal Declaration on Lighthouses}[1]"));
	assert_true(count == 8);
	const char *n = strstr(o.buf, "  note on pp1\n");
	assert_non_null(n);
	assert_true(n > strstr(o.buf, "lamp,"));
	assert_non_null(strstr(o.buf, "  note on fn2\n"));
	free(o.buf);
	res_free(r);
}

static void controls_neutralised(void **state)
{
	(void)state;
	struct resolution *r = res_new();
	r->meta.symbol = strdup("A/RES/\x1b[2J1");
	r->meta.title = strdup("Bad\x07title");
	add(r, PARA_OPERATIVE, "op1", "OP\x1b 1", "1",
	    "Text with \x1b]0;owned\x07 an escape, a tab\there and \xE2\x80\xAE override.", 0, -1);
	struct show_opts opts = { .width = 30 };
	struct out o;
	out_open(&o);
	assert_int_equal(show_write(o.f, r, NULL, 0, &opts, NULL), 0);
	out_close(&o);
	check_screen_safe(o.buf, 30);
	assert_null(strchr(o.buf, 0x1b));
	assert_null(strstr(o.buf, "\xE2\x80\xAE"));
	free(o.buf);
	res_free(r);
}

static void cjk_and_combining(void **state)
{
	(void)state;
	struct resolution *r = res_new();
	r->meta.symbol = strdup("A/RES/58/190");
	/* 大会，重申其关于保护移民的决议 x4, and a French paragraph with combining accents. */
	const char *zh = "\xE5\xA4\xA7\xE4\xBC\x9A\xEF\xBC\x8C\xE9\x87\x8D\xE7\x94\xB3\xE5\x85\xB6"
	                 "\xE5\x85\xB3\xE4\xBA\x8E\xE4\xBF\x9D\xE6\x8A\xA4\xE7\xA7\xBB\xE6\xB0\x91"
	                 "\xE7\x9A\x84\xE5\x86\xB3\xE8\xAE\xAE";
	char buf[1024] = "";
	for (int k = 0; k < 4; k++)
		strcat(buf, zh);
	int i = add(r, PARA_OPERATIVE, "op1", "OP 1", "1", buf, 0, -1);
	r->paras[i].marks = malloc(sizeof *r->paras[i].marks);
	r->paras[i].marks[0] = (struct mark){ 6, 3 };   /* after 大会 */
	r->paras[i].nmarks = 1;
	add(r, PARA_OPERATIVE, "op2", "OP 2", "2",
	    "Re\xCC\x81" "affirme les droits\xC2\xA0: la re\xCC\x81unification des familles.", 0, -1);
	for (int w = 14; w <= 41; w++) {
		struct show_opts opts = { .width = w };
		struct out o;
		out_open(&o);
		assert_int_equal(show_write(o.f, r, NULL, 0, &opts, NULL), 0);
		out_close(&o);
		check_screen_safe(o.buf, w);
		assert_non_null(strstr(o.buf, "\xE5\xA4\xA7\xE4\xBC\x9A[3]"));
		free(o.buf);
	}
	res_free(r);
}

static void arabic_right_to_left(void **state)
{
	(void)state;
	struct resolution *r = res_new();
	r->meta.language = strdup("ar");
	/* إن الجمعية العامة (a made-up paragraph, repeated to wrap). */
	const char *w = "\xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xB9\xD9\x8A\xD8\xA9 ";
	char buf[1024] = "";
	for (int k = 0; k < 12; k++)
		strcat(buf, w);
	add(r, PARA_OPERATIVE, "op1", "OP 1", "1", buf, 0, -1);
	struct show_opts opts = { .width = 40 };
	struct out o;
	out_open(&o);
	assert_int_equal(show_write(o.f, r, NULL, 0, &opts, NULL), 0);
	out_close(&o);
	check_screen_safe(o.buf, 40);
	assert_true(o.buf[0] != '\n');   /* no heading: no blank line before the first paragraph */
	/* Every text line ends at the right margin (right-aligned), in presentation forms. */
	const char *line = strstr(o.buf, "OP 1");
	assert_non_null(line);
	int lines = 0;
	while (*line) {
		const char *nl = strchr(line, '\n');
		assert_int_equal(text_width(line, (size_t)(nl - line)), 40);
		assert_non_null(strstr(line, "\xEF\xBA"));   /* U+FE80..U+FEBF: shaped letters */
		lines++;
		line = nl + 1;
	}
	assert_true(lines >= 3);
	free(o.buf);
	res_free(r);
}

static void parts_and_annexes(void **state)
{
	(void)state;
	struct resolution *r = res_new();
	r->meta.symbol = strdup("S/RES/9999 (2031)");
	r->parts = calloc(2, sizeof *r->parts);
	r->parts[0] = (struct res_part){ strdup("a"), strdup("A") };
	r->parts[1] = (struct res_part){ strdup("b"), strdup("B") };
	r->nparts = 2;
	r->annexes = calloc(1, sizeof *r->annexes);
	r->annexes[0] = (struct res_annex){ strdup("annex1"), strdup("Annex"),
	                                    strdup("Declaration on lamps") };
	r->nannexes = 1;
	int i = add(r, PARA_OPERATIVE, "a.op1", "Part A, OP 1", "1", "Decides one thing;", 0, -1);
	r->paras[i].part = 0;
	i = add(r, PARA_OPERATIVE, "b.op1", "Part B, OP 1", "1", "Decides another;", 0, -1);
	r->paras[i].part = 1;
	i = add(r, PARA_ANNEX_TITLE, "annex1", "Annex", NULL, "", 0, -1);
	r->paras[i].annex = 0;
	i = add(r, PARA_ANNEX_HEADING, "annex1.h1", NULL, "I", "General provisions", 0, -1);
	r->paras[i].annex = 0;
	int p = add(r, PARA_ANNEX, "annex1.p1", "Annex, para 1", "1", "Every lamp shall shine.", 0,
	            -1);
	r->paras[p].annex = 0;
	i = add(r, PARA_SUB, "annex1.p1.a", "Annex, para 1 (a)", "a", "By night;", 1, p);
	r->paras[i].annex = 0;
	struct show_opts opts = { .width = 50 };
	struct out o;
	out_open(&o);
	assert_int_equal(show_write(o.f, r, NULL, 0, &opts, NULL), 0);
	out_close(&o);
	check_screen_safe(o.buf, 50);
	/* The part letter on its own line, then "OP 1" (not "Part A, OP 1") in the gutter. */
	const char *a = strstr(o.buf, "\nA\n");
	const char *b = strstr(o.buf, "\nB\n");
	assert_non_null(a);
	assert_non_null(b);
	assert_true(a < strstr(o.buf, "Decides one") && strstr(o.buf, "Decides one") < b);
	assert_memory_equal(line_with(o.buf, "Decides another"), "OP 1 ", 5);
	assert_non_null(strstr(o.buf, "\nAnnex\nDeclaration on lamps\n"));
	assert_non_null(strstr(o.buf, "\nI. General provisions\n"));
	assert_memory_equal(line_with(o.buf, "Every lamp"), "1.", 2);
	assert_true(column_of(o.buf, "(a)") > 0);
	free(o.buf);

	/* Asking for the annex shows all of it and nothing else. */
	const char *ids[] = { "annex1" };
	out_open(&o);
	assert_int_equal(show_write(o.f, r, ids, 1, &opts, NULL), 0);
	out_close(&o);
	assert_null(strstr(o.buf, "Decides"));
	assert_non_null(strstr(o.buf, "General provisions"));
	assert_non_null(strstr(o.buf, "By night;"));
	free(o.buf);
	res_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(whole_document),
		cmocka_unit_test(every_width_fits),
		cmocka_unit_test(selected_ids),
		cmocka_unit_test(unknown_id),
		cmocka_unit_test(highlights_and_hooks),
		cmocka_unit_test(controls_neutralised),
		cmocka_unit_test(cjk_and_combining),
		cmocka_unit_test(arabic_right_to_left),
		cmocka_unit_test(parts_and_annexes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
