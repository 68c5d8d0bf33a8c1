/* test_bidi.c: visual order of right-to-left lines for a left-to-right terminal. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/bidi.h"
#include "text/utf8.h"

/* Code points of a UTF-8 string, for comparing orders without caring about shaping. */
static size_t cps(const char *s, uint32_t *out, size_t max)
{
	size_t n = 0, len = strlen(s);
	for (size_t i = 0; i < len && n < max;)
		i += utf8_decode(s + i, len - i, &out[n++]);
	return n;
}

static void latin_unchanged(void **state)
{
	(void)state;
	const char *s = "Protection of migrants (58/190)";
	size_t vl;
	size_t *log;
	char *v = bidi_visual(s, strlen(s), BIDI_AUTO, &vl, &log);
	assert_non_null(v);
	assert_string_equal(v, s);
	for (size_t i = 0; i < vl; i++)
		assert_int_equal(log[i], i);
	free(v);
	free(log);
	assert_false(bidi_has_rtl(s, strlen(s)));
	assert_int_equal(bidi_direction(s, strlen(s)), BIDI_LTR);
}

static void hebrew_reversed(void **state)
{
	(void)state;
	/* Hebrew has no shaping: the visual string is the exact reverse. אבג */
	const char *s = "\xD7\x90\xD7\x91\xD7\x92";
	assert_true(bidi_has_rtl(s, strlen(s)));
	assert_int_equal(bidi_direction(s, strlen(s)), BIDI_RTL);
	size_t *log;
	char *v = bidi_visual(s, strlen(s), BIDI_AUTO, NULL, &log);
	assert_string_equal(v, "\xD7\x92\xD7\x91\xD7\x90");
	assert_int_equal(log[0], 4);   /* the first cell drawn is the last letter read */
	assert_int_equal(log[4], 0);
	free(v);
	free(log);
}

static void arabic_with_numbers_and_latin(void **state)
{
	(void)state;
	/* "القرار 58/190 (A/RES)" in a right-to-left paragraph: the number and the Latin run
	 * keep their own left-to-right order, and they move to the left of the Arabic word. */
	const char *s = "\xD8\xA7\xD9\x84\xD9\x82\xD8\xB1\xD8\xA7\xD8\xB1 58/190 (A/RES)";
	char *v = bidi_visual(s, strlen(s), BIDI_RTL, NULL, NULL);
	assert_non_null(v);
	/* Mirrored parentheses: the Latin run is shown "(A/RES)" at the far left. */
	assert_memory_equal(v, "(A/RES) 58/190 ", 15);
	uint32_t c[64];
	size_t n = cps(v, c, 64);
	assert_int_equal(n, 21);
	/* The Arabic word, reversed and shaped into presentation forms (U+FE70..U+FEFF). */
	for (size_t i = 15; i < n; i++)
		assert_true(c[i] >= 0xFE70 && c[i] <= 0xFEFF);
	free(v);
}

static void marks_follow_their_base(void **state)
{
	(void)state;
	/* مُ (meem + damma): after reordering the mark still follows its letter. */
	const char *s = "\xD9\x85\xD9\x8F\xD9\x86";
	char *v = bidi_visual(s, strlen(s), BIDI_RTL, NULL, NULL);
	uint32_t c[8];
	size_t n = cps(v, c, 8);
	assert_int_equal(n, 3);
	assert_int_equal(c[2], 0x064F);
	free(v);
}

static void controls_neutralised(void **state)
{
	(void)state;
	/* An RLO would reverse the Latin text; ESC must not survive. */
	const char *s = "\xE2\x80\xAE" "abc\x1b[0m";
	size_t *log;
	char *v = bidi_visual(s, strlen(s), BIDI_AUTO, NULL, &log);
	assert_string_equal(v, "\xEF\xBF\xBD" "abc\xEF\xBF\xBD[0m");
	assert_int_equal(log[3], 3);   /* "a" still maps to its own byte */
	free(v);
	free(log);
}

static void empty_line(void **state)
{
	(void)state;
	size_t vl = 99;
	char *v = bidi_visual("", 0, BIDI_RTL, &vl, NULL);
	assert_non_null(v);
	assert_int_equal(vl, 0);
	free(v);
}

/* bidi_has_rtl passes ASCII eight bytes at a time and the 3-byte sequences of U+1000..U+1FFF
 * and U+3000..U+EFFF whole: it must still find every right-to-left character, wherever it
 * stands among them, and none where there is none. */
static void has_rtl_fast_paths(void **state)
{
	(void)state;
	char buf[64];
	const char *const rtl[] = { "\xd7\x90", "\xd8\xa7", "\xe2\x80\x8f", "\xe0\xa0\x80",
	                            "\xef\xad\x90", "\xf0\x90\xa0\x80" };
	for (size_t r = 0; r < sizeof rtl / sizeof *rtl; r++)
		for (int at = 0; at < 12; at++) {
			int n = snprintf(buf, sizeof buf, "%.*s%s\xe4\xb8\xad abc", at,
			                 "abcdefghijkl", rtl[r]);
			assert_true(bidi_has_rtl(buf, (size_t)n));
			n = snprintf(buf, sizeof buf, "\xe4\xb8\xad%.*s%s", at, "abcdefghijkl", rtl[r]);
			assert_true(bidi_has_rtl(buf, (size_t)n));
		}
	const char *ltr = "abcdefghij \xe4\xb8\xad\xe6\x96\x87 \xea\xb0\x80 \xe1\x80\x80 caf\xc3\xa9";
	assert_false(bidi_has_rtl(ltr, strlen(ltr)));
	/* a cut sequence before an Arabic letter: the letter is still seen */
	const char *cut = "\xe4\xb8\xd8\xa7";
	assert_true(bidi_has_rtl(cut, strlen(cut)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(latin_unchanged),
		cmocka_unit_test(has_rtl_fast_paths),
		cmocka_unit_test(hebrew_reversed),
		cmocka_unit_test(arabic_with_numbers_and_latin),
		cmocka_unit_test(marks_follow_their_base),
		cmocka_unit_test(controls_neutralised),
		cmocka_unit_test(empty_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
