/* test_limits.c: what a hostile size costs (issue 18). A paragraph's layout is bounded
 * whatever its length (DPARA_MAX_TEXT), a file on one line opens from a prefix cut between
 * words, and out of memory is reported by every layer, never turned into an empty pane.
 *
 * Allocation failures are made with the linker's --wrap: every malloc, calloc and realloc of
 * the program (libgavel's included) goes through the wrappers below, which refuse any single
 * allocation larger than `largest` bytes. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <cmocka.h>

#include "doc/input.h"
#include "doc/parse.h"
#include "view/dpara.h"
#include "view/pane.h"
#include "view/view.h"
#include "view_fixture.h"

static size_t largest = SIZE_MAX;

void *__real_malloc(size_t);
void *__real_calloc(size_t, size_t);
void *__real_realloc(void *, size_t);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t k);
void *__wrap_realloc(void *p, size_t n);

void *__wrap_malloc(size_t n)
{
	return n > largest ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t k)
{
	return k && n > largest / k ? NULL : __real_calloc(n, k);
}

void *__wrap_realloc(void *p, size_t n)
{
	return n > largest ? NULL : __real_realloc(p, n);
}

/* A text of n bytes: words, no line end. */
static char *words(size_t n)
{
	static const char w[] = "the general assembly recalling its resolutions ";
	char *s = malloc(n + 1);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		s[i] = w[i % (sizeof w - 1)];
	s[n] = '\0';
	return s;
}

/* A paragraph of 8 MB lays out as its first DPARA_MAX_TEXT bytes and a line saying how much
 * more there is: memory and time of the layout do not grow with the paragraph. */
static void layout_bounded(void **state)
{
	(void)state;
	struct resolution *res = res_new();
	assert_non_null(res);
	size_t n = (size_t)8 << 20;
	char *text = words(n);
	int op = fx_add(res, PARA_OPERATIVE, "op1", "OP 1", "1", text, -1, 0);
	free(text);
	/* A highlight across the cut and one past it; a marker past it. */
	fx_mark(res, op, n - 10, 1);
	struct dspan spans[] = { { DPARA_MAX_TEXT - 100, DPARA_MAX_TEXT + 100, 2, 0 },
	                         { n - 50, n - 20, 3, 0 } };
	struct dpara_opts o = { .width = 80, .gutter = 7, .utf8 = 1, .spans = spans, .nspans = 2 };
	struct dpara *d = dpara_build(res, op, &o);
	assert_non_null(d);
	assert_true(d->body_len >= DPARA_MAX_TEXT - 4 && d->body_len <= DPARA_MAX_TEXT);
	assert_true(d->len < DPARA_MAX_TEXT + 200);
	assert_non_null(strstr(d->text + d->body_len, "7.3 MB more of this paragraph not shown"));
	assert_non_null(strstr(d->text + d->body_len, "gavel show FILE op1"));
	assert_int_equal(d->nlinks, 0);                   /* the marker past the cut is not drawn */
	assert_int_equal((d->style[d->body_len - 1] & ST_HL_MASK) >> ST_HL_SHIFT, 2);
	assert_int_equal(d->lines[d->nlines - 1].end, d->len);
	assert_true(d->nlines < 20000);
	dpara_free(d);
	res_free(res);
}

/* The opening of a file on one line is cut between words, not reduced to nothing. */
static void prefix_cut(void **state)
{
	(void)state;
	assert_int_equal(input_prefix_cut("one\ntwo\nthree", 13), 8);
	assert_int_equal(input_prefix_cut("a\nlong line without end", 23), 20);
	assert_int_equal(input_prefix_cut("word word word", 14), 10);
	assert_int_equal(input_prefix_cut("\xc3\xa9\xc3\xa9\xc3\xa9\xc3", 7), 6);   /* before the cut "é" */
	assert_int_equal(input_prefix_cut("abcdefgh", 8), 7);
	assert_int_equal(input_prefix_cut("", 0), 0);
}

/* Out of memory while laying out what is on screen is latched in the layout cache (the reader then
 * says so and ends); the same layout with memory works. */
static void layout_oom_reported(void **state)
{
	(void)state;
	struct resolution *res = fx_resolution(12, 10);
	char *text = words((size_t)600 << 10);
	fx_add(res, PARA_OPERATIVE, "op99", "OP 99", "99", text, -1, 0);
	free(text);
	struct collection *col = fx_collection(&res, 1);
	struct view v;
	assert_int_equal(view_open(&v, col, 0, 1), 0);
	view_resize(&v, 100, 30);
	int pane = v.pane_of[res_find(res, "op99")];
	size_t pos = (size_t)v.pos_of[res_find(res, "op99")];
	assert_int_equal(v.cache->oom, 0);
	largest = (size_t)1 << 20;          /* its layout needs 4.8 MB in one piece */
	assert_null(pane_dpara(&v, pane, pos));
	largest = SIZE_MAX;
	assert_int_equal(v.cache->oom, 1);
	assert_non_null(pane_dpara(&v, pane, pos));
	view_close(&v);
	collection_free(col);
}

/* The parser reports out of memory as EX_OSERR with a reason, whatever fails. */
static void parse_oom_reported(void **state)
{
	(void)state;
	size_t n = (size_t)4 << 20;
	char *text = words(n);
	memcpy(text, "The General Assembly,\n", 22);
	for (size_t limit = 1024; limit <= ((size_t)16 << 20); limit *= 4) {
		struct collection *col = NULL;
		struct parse_diag d;
		memset(&d, 0, sizeof d);
		largest = limit;
		int rc = parse_buffer(text, n, INPUT_AUTO, &col, &d);
		largest = SIZE_MAX;
		if (rc == 0) {
			assert_non_null(col);
			collection_free(col);
			continue;
		}
		assert_int_equal(rc, EX_OSERR);
		assert_string_equal(d.reason, "out of memory");
		assert_null(col);
	}
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(layout_bounded),
		cmocka_unit_test(prefix_cut),
		cmocka_unit_test(layout_oom_reported),
		cmocka_unit_test(parse_oom_reported),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
