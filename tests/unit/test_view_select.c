/* test_view_select.c: the visual-mode selection: characters, words, whole paragraph. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "view/keys.h"
#include "view/select.h"

/* The selected text, for readable assertions. */
static const char *picked(const struct selection *s)
{
	static char buf[256];
	size_t a, b, ba, bb;
	select_range(s, &a, &b, &ba, &bb);
	memcpy(buf, s->text + ba, bb - ba);
	buf[bb - ba] = '\0';
	return buf;
}

static void keys(struct selection *s, const char *k)
{
	for (; *k; k++)
		assert_int_equal(select_key(s, *k), 1);
}

static void by_words(void **state)
{
	(void)state;
	const char *t = "Calls upon all States, in particular, to protect migrants.";
	struct selection s;
	assert_int_equal(select_start(&s, 4, t, 0, 0), 0);
	assert_int_equal(s.para, 4);
	assert_string_equal(picked(&s), "C");
	keys(&s, "e");
	assert_string_equal(picked(&s), "Calls");
	keys(&s, "w");
	assert_string_equal(picked(&s), "Calls u");
	keys(&s, "e");
	assert_string_equal(picked(&s), "Calls upon");
	keys(&s, "ee");
	assert_string_equal(picked(&s), "Calls upon all States");
	keys(&s, "e");                        /* punctuation is a word of its own, as in vim */
	assert_string_equal(picked(&s), "Calls upon all States,");
	keys(&s, "b");
	assert_string_equal(picked(&s), "Calls upon all S");
	keys(&s, "h");
	assert_string_equal(picked(&s), "Calls upon all ");
	keys(&s, "l");
	assert_string_equal(picked(&s), "Calls upon all S");
	keys(&s, "$");
	assert_string_equal(picked(&s), t);
	keys(&s, "lll");                      /* never past the end */
	assert_string_equal(picked(&s), t);
	keys(&s, "0");
	assert_string_equal(picked(&s), "C");
	size_t a, b;
	select_range(&s, &a, &b, NULL, NULL);
	assert_int_equal(a, 0);
	assert_int_equal(b, 1);
	assert_int_equal(select_key(&s, 'x'), 0);
}

/* A selection started on a search match, extended backwards, ends swapped with o. */
static void from_a_match(void **state)
{
	(void)state;
	const char *t = "the protection of migrant children and families";
	const char *m = strstr(t, "migrant children");
	struct selection s;
	assert_int_equal(select_start(&s, 0, t, (size_t)(m - t), (size_t)(m - t) + 16), 0);
	assert_string_equal(picked(&s), "migrant children");
	keys(&s, "o");                        /* now the free end is at "m" */
	keys(&s, "b");
	assert_string_equal(picked(&s), "of migrant children");
	keys(&s, "bb");
	assert_string_equal(picked(&s), "the protection of migrant children");
	keys(&s, "b");                        /* at the start already */
	assert_string_equal(picked(&s), "the protection of migrant children");
	/* Moving the free end past the anchor selects the other way. */
	assert_int_equal(select_start(&s, 0, t, (size_t)(m - t), 0), 0);
	keys(&s, "b");
	assert_string_equal(picked(&s), "of m");
	assert_int_equal(select_key(&s, VK_END), 1);
	assert_string_equal(picked(&s), "migrant children and families");
	assert_int_equal(select_key(&s, VK_LEFT), 1);
	assert_string_equal(picked(&s), "migrant children and familie");
}

/* Characters are grapheme clusters: a base letter and its combining marks move together;
 * code point offsets count every code point. */
static void graphemes_and_code_points(void **state)
{
	(void)state;
	/* "Re" + U+0301 + "union 日本": e + combining acute is one character. */
	const char *t = "Re\xCC\x81union \xE6\x97\xA5\xE6\x9C\xAC";
	struct selection s;
	assert_int_equal(select_start(&s, 0, t, 0, 0), 0);
	keys(&s, "l");
	assert_string_equal(picked(&s), "Re\xCC\x81");
	size_t a, b;
	select_range(&s, &a, &b, NULL, NULL);
	assert_int_equal(a, 0);
	assert_int_equal(b, 3);               /* R, e, U+0301 */
	keys(&s, "h");
	assert_string_equal(picked(&s), "R");
	keys(&s, "e");
	assert_string_equal(picked(&s), "Re\xCC\x81union");
	keys(&s, "w");
	assert_string_equal(picked(&s), "Re\xCC\x81union \xE6\x97\xA5");
	keys(&s, "$");
	select_range(&s, &a, &b, NULL, NULL);
	assert_int_equal(b, 11);              /* 9 code points before the space, 日, 本 */
	/* A start inside a multi-byte character snaps to its start. */
	assert_int_equal(select_start(&s, 0, t, 3, 0), 0);
	assert_string_equal(picked(&s), "e\xCC\x81");
}

static void whole_paragraph(void **state)
{
	(void)state;
	const char *t = "Decides to continue its consideration.";
	struct selection s;
	assert_int_equal(select_whole(&s, 7, t), 0);
	assert_true(s.whole);
	assert_string_equal(picked(&s), t);
	size_t a, b;
	select_range(&s, &a, &b, NULL, NULL);
	assert_int_equal(a, 0);
	assert_int_equal(b, strlen(t));
	keys(&s, "V");                        /* back to one character */
	assert_false(s.whole);
	assert_string_equal(picked(&s), "D");
	keys(&s, "V");
	assert_string_equal(picked(&s), t);
	keys(&s, "h");                        /* a motion leaves whole-paragraph mode */
	assert_false(s.whole);
	select_cancel(&s);
	assert_int_equal(select_key(&s, 'l'), 0);
	select_range(&s, &a, &b, NULL, NULL);
	assert_int_equal(a, b);
	/* Nothing to select in an empty paragraph. */
	assert_int_equal(select_whole(&s, 0, ""), -1);
	assert_int_equal(select_start(&s, 0, NULL, 0, 0), -1);
	assert_false(s.active);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(by_words),
		cmocka_unit_test(from_a_match),
		cmocka_unit_test(graphemes_and_code_points),
		cmocka_unit_test(whole_paragraph),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
