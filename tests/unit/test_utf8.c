/* test_utf8.c: repair of invalid UTF-8, counting, offsets and the terminal sanitizer. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "real-text.h"

#include "text/utf8.h"

#define FFFD "\xEF\xBF\xBD"

static void check_repair(const char *in, size_t n, const char *want, size_t want_bad)
{
	size_t len, bad;
	char *out = utf8_repair(in, n, &len, &bad);
	assert_non_null(out);
	assert_string_equal(out, want);
	assert_int_equal(len, strlen(want));
	assert_int_equal(bad, want_bad);
	free(out);
}

static void repair_valid_untouched(void **state)
{
	(void)state;
	const char *ok = "r\xC3\xA9unification \xE5\xA4\xA7\xE4\xBC\x9A \xF0\x9F\x98\x80";
	check_repair(ok, strlen(ok),
	             "r\xC3\xA9unification \xE5\xA4\xA7\xE4\xBC\x9A \xF0\x9F\x98\x80", 0);
	check_repair("", 0, "", 0);
	/* A real U+FFFD in the input is valid and not counted as a repair. */
	check_repair(FFFD, 3, FFFD, 0);
}

static void repair_invalid(void **state)
{
	(void)state;
	check_repair("a\xC0\xAF" "b", 4, "a" FFFD FFFD "b", 2);        /* overlong '/' */
	check_repair("\xE0\x80\xAF", 3, FFFD FFFD FFFD, 3);            /* overlong 3-byte */
	check_repair("x\xED\xA0\x80y", 5, "x" FFFD FFFD FFFD "y", 3);  /* surrogate D800 */
	check_repair("\xED\xBF\xBD", 3, FFFD FFFD FFFD, 3);            /* surrogate, U+FFFD's tail */
	check_repair("\x80\xBFz", 3, FFFD FFFD "z", 2);                /* stray continuations */
	check_repair("ab\xE2\x82", 4, "ab" FFFD, 1);                   /* truncated at the end */
	check_repair("\xE2\x82x", 3, FFFD "x", 1);                     /* truncated in the middle */
	check_repair("\xF4\x90\x80\x80", 4, FFFD FFFD FFFD FFFD, 4);   /* past U+10FFFF */
	check_repair("\xFF\xFE", 2, FFFD FFFD, 2);
}

static void decode_encode_roundtrip(void **state)
{
	(void)state;
	uint32_t cps[] = { 0x41, 0xE9, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF };
	for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
		char buf[4];
		size_t l = utf8_encode(cps[i], buf);
		uint32_t c;
		assert_int_equal(utf8_decode(buf, l, &c), l);
		assert_int_equal(c, cps[i]);
	}
}

static void count_and_offsets(void **state)
{
	(void)state;
	const char *s = "a\xC3\xA9\xE5\xA4\xA7\xF0\x9F\x98\x80z";   /* a é 大 😀 z */
	size_t n = strlen(s);
	assert_int_equal(utf8_count(s, n), 5);
	assert_int_equal(utf8_byte_offset(s, n, 0), 0);
	assert_int_equal(utf8_byte_offset(s, n, 1), 1);
	assert_int_equal(utf8_byte_offset(s, n, 2), 3);
	assert_int_equal(utf8_byte_offset(s, n, 3), 6);
	assert_int_equal(utf8_byte_offset(s, n, 4), 10);
	assert_int_equal(utf8_byte_offset(s, n, 99), n);
}

static void sanitize_controls(void **state)
{
	(void)state;
	const char in[] = "a\x1b[31mred\x07\tb\nc\x7f" "d\xC2\x9B" "2J\r";
	char *out = utf8_sanitize(in, sizeof in - 1, 0);
	assert_non_null(out);
	assert_string_equal(out, "a" FFFD "[31mred" FFFD " b" FFFD "c" FFFD "d" FFFD "2J" FFFD);
	assert_null(strchr(out, 0x1b));
	free(out);
	out = utf8_sanitize("x\ny", 3, 1);
	assert_string_equal(out, "x\ny");
	free(out);
	/* A NUL inside the text does not cut the result short. */
	out = utf8_sanitize("a\0b", 3, 0);
	assert_string_equal(out, "a" FFFD "b");
	free(out);
}

static void sanitize_bidi_controls(void **state)
{
	(void)state;
	/* RLO ... PDF, and an RLI isolate: both can reverse what a terminal shows. */
	const char *in = "pay \xE2\x80\xAE" "001\xE2\x80\xAC \xE2\x81\xA7x\xE2\x81\xA9";
	char *out = utf8_sanitize(in, strlen(in), 0);
	assert_string_equal(out, "pay " FFFD "001" FFFD " " FFFD "x" FFFD);
	free(out);
	assert_true(utf8_is_control(0x202E));
	assert_true(utf8_is_control(0x2066));
	assert_true(utf8_is_control(0x85));
	assert_false(utf8_is_control(0x200F));   /* RLM is a mark, not an override */
	assert_false(utf8_is_control(0xA0));
}

static void write_safe_matches_sanitize(void **state)
{
	(void)state;
	const char in[] = "ok \x1b]0;title\x07 \xC3\xA9\xE2\x80\xAEz\xFF\t.";
	char *want = utf8_sanitize(in, sizeof in - 1, 0);
	char *got = NULL;
	size_t gotlen = 0;
	FILE *f = open_memstream(&got, &gotlen);
	assert_non_null(f);
	assert_int_equal(utf8_write_safe(f, in, sizeof in - 1), 0);
	fclose(f);
	assert_string_equal(got, want);
	free(got);
	free(want);
}

/* utf8_write_safe gives s[0..n) as utf8_sanitize does. */
static void same_as_sanitize(const char *in, size_t n)
{
	char *want = utf8_sanitize(in, n, 0);
	char *got = NULL;
	size_t gotlen = 0;
	FILE *f = open_memstream(&got, &gotlen);
	assert_non_null(f);
	assert_int_equal(utf8_write_safe(f, in, n), 0);
	fclose(f);
	assert_string_equal(got, want);
	free(got);
	free(want);
}

/* utf8_write_safe skips printable ASCII sixteen bytes at a time and two-byte letters without
 * decoding them: random texts of pieces at every offset give what utf8_sanitize (byte by
 * byte) gives. */
static void write_safe_random(void **state)
{
	(void)state;
	static const char *const piece[] = { "a", "Resolution ", "\xC3\xA9", "\xC2\xA0",
		"\xC2\x85", "\xC2\x9B", "\xC2", "\xDF\xBF", "\xC1\xBF", "\xE2\x80\xAE",
		"\xE2\x80\x94", "\xEF\xBF\xBD", "\x1b", "\t", "\n", "\x7f", "\xFF", "\x80",
		"abcdefghijklmnopqrstu" };
	unsigned seed = 5;
	char in[1024];
	for (int iter = 0; iter < 3000; iter++) {
		size_t n = 0;
		seed = seed * 1103515245u + 12345u;
		int len = (int)((seed >> 16) % 40);
		for (int k = 0; k < len; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *p = piece[(seed >> 16) % (sizeof piece / sizeof *piece)];
			size_t l = strlen(p);
			memcpy(in + n, p, l);
			n += l;
		}
		same_as_sanitize(in, n);
	}
}

/* The same on real texts of the six languages, every piece from every place (the text
 * between two hits of a search is any piece): the blocks and the bytes after them. */
static void write_safe_real_text(void **state)
{
	(void)state;
	static char text[3000];
	for (size_t f = 0; f < REAL_TEXT_LANGUAGES; f++) {
		/* past the XML header, into the text */
		size_t n = real_text_read(f, 2000, text, sizeof text);
		for (size_t at = 0; at + 80 < n; at += 37)
			for (size_t len = 0; len < 80; len++)
				same_as_sanitize(text + at, len);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(repair_valid_untouched),
		cmocka_unit_test(repair_invalid),
		cmocka_unit_test(decode_encode_roundtrip),
		cmocka_unit_test(count_and_offsets),
		cmocka_unit_test(sanitize_controls),
		cmocka_unit_test(sanitize_bidi_controls),
		cmocka_unit_test(write_safe_matches_sanitize),
		cmocka_unit_test(write_safe_random),
		cmocka_unit_test(write_safe_real_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
