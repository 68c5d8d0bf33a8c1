/* test_view_ledit.c: the line editor of notes and prompts: graphemes, words, scrolling. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "text/wrap.h"
#include "view/keys.h"
#include "view/ledit.h"

static void type(struct lineedit *e, const char *s)
{
	/* Code points of UTF-8 s, as the curses layer delivers them. */
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int c, n;
		if (*p < 0x80) { c = *p; n = 1; }
		else if (*p < 0xE0) { c = *p & 0x1F; n = 2; }
		else if (*p < 0xF0) { c = *p & 0x0F; n = 3; }
		else { c = *p & 0x07; n = 4; }
		for (int i = 1; i < n; i++)
			c = (c << 6) | (p[i] & 0x3F);
		p += n;
		assert_int_equal(ledit_key(e, c), LE_EDITED);
	}
}

/* An accented letter written with a combining mark is one character for the keys. */
static void graphemes(void **state)
{
	(void)state;
	struct lineedit e;
	lineedit_clear(&e);
	type(&e, "cafe\xCC\x81!");              /* "café!" with U+0301 */
	assert_int_equal(ledit_key(&e, VK_LEFT), LE_EDITED);
	assert_int_equal(ledit_key(&e, VK_LEFT), LE_EDITED);   /* over é as a whole */
	assert_int_equal(e.cur, 3);
	assert_int_equal(ledit_key(&e, VK_DELETE), LE_EDITED);
	assert_string_equal(e.buf, "caf!");
	assert_int_equal(ledit_key(&e, VK_END), LE_EDITED);
	type(&e, "e\xCC\x81");
	assert_int_equal(ledit_key(&e, VK_BACKSPACE), LE_EDITED);
	assert_string_equal(e.buf, "caf!");
	/* Double-width and four-byte characters. */
	type(&e, "\xE6\x97\xA5\xF0\x9F\x98\x80");
	assert_int_equal(ledit_key(&e, VK_BACKSPACE), LE_EDITED);
	assert_string_equal(e.buf, "caf!\xE6\x97\xA5");
	assert_int_equal(ledit_key(&e, VK_CTRL('b')), LE_EDITED);
	assert_int_equal(e.cur, 4);
	/* Controls never enter the line; Backspace on an empty line cancels. */
	assert_int_equal(ledit_key(&e, 0x1b5b), LE_EDITED);    /* a printable code point */
	assert_int_equal(ledit_key(&e, 0x85), LE_IGNORED);     /* C1 NEL */
	assert_int_equal(ledit_key(&e, 0x202E), LE_IGNORED);   /* bidi override */
	lineedit_clear(&e);
	assert_int_equal(ledit_key(&e, VK_BACKSPACE), LE_CANCEL);
	assert_int_equal(ledit_key(&e, VK_ENTER), LE_ACCEPT);
	assert_int_equal(ledit_key(&e, VK_ESC), LE_CANCEL);
}

static void words_and_kills(void **state)
{
	(void)state;
	struct lineedit e;
	lineedit_set(&e, "see OP 10, para. (a)");
	assert_int_equal(ledit_word_left(&e, e.len), strlen("see OP 10, para. ("));
	assert_int_equal(ledit_key(&e, VK_WORD_LEFT), LE_EDITED);
	assert_int_equal(ledit_key(&e, VK_WORD_LEFT), LE_EDITED);
	assert_int_equal(e.cur, strlen("see OP 10, "));
	assert_int_equal(ledit_key(&e, VK_WORD_RIGHT), LE_EDITED);
	assert_int_equal(e.cur, strlen("see OP 10, para"));
	assert_int_equal(ledit_key(&e, VK_CTRL('w')), LE_EDITED);
	assert_string_equal(e.buf, "see OP 10, . (a)");
	assert_int_equal(ledit_key(&e, VK_CTRL('k')), LE_EDITED);
	assert_string_equal(e.buf, "see OP 10, ");
	assert_int_equal(ledit_key(&e, VK_CTRL('w')), LE_EDITED);
	assert_string_equal(e.buf, "see OP ");
	assert_int_equal(ledit_key(&e, VK_CTRL('a')), LE_EDITED);
	assert_int_equal(e.cur, 0);
	assert_int_equal(ledit_key(&e, VK_CTRL('w')), LE_EDITED);   /* nothing before */
	assert_string_equal(e.buf, "see OP ");
	assert_int_equal(ledit_key(&e, VK_CTRL('e')), LE_EDITED);
	assert_int_equal(ledit_key(&e, VK_LEFT), LE_EDITED);
	assert_int_equal(ledit_key(&e, VK_CTRL('u')), LE_EDITED);
	assert_string_equal(e.buf, " ");
	/* Words of accented letters and marks. */
	lineedit_set(&e, "re\xCC\x81union familiale");
	assert_int_equal(ledit_word_left(&e, strlen("re\xCC\x81union fa")), strlen("re\xCC\x81union "));
	assert_int_equal(ledit_word_right(&e, 0), strlen("re\xCC\x81union"));
	assert_int_equal(ledit_key(&e, VK_BASE + 200), LE_IGNORED);
}

/* A long line scrolls so the cursor stays in the field; wide characters are never cut. */
static void scrolling(void **state)
{
	(void)state;
	struct lineedit e;
	lineedit_set(&e, "0123456789abcdefghij");
	size_t first = 0;
	int col = ledit_scroll(&e, 10, &first);
	assert_true(col >= 0 && col < 10);
	assert_int_equal(col, text_width(e.buf + first, e.cur - first));
	assert_int_equal(first, 11);          /* the end and a free column for the cursor */
	e.cur = 0;
	col = ledit_scroll(&e, 10, &first);
	assert_int_equal(first, 0);
	assert_int_equal(col, 0);
	e.cur = 5;                            /* inside the field: no scrolling */
	assert_int_equal(ledit_scroll(&e, 10, &first), 5);
	assert_int_equal(first, 0);
	first = 12;                           /* cursor went left of the field: some context */
	assert_int_equal(ledit_scroll(&e, 8, &first), 2);
	assert_int_equal(first, 3);
	/* Double width: each character takes two columns. */
	lineedit_set(&e, "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xA7\xE3\x81\x99");
	first = 0;
	col = ledit_scroll(&e, 5, &first);
	assert_true(col <= 4);
	assert_int_equal(first % 3, 0);
	size_t fit = ledit_fit(e.buf, first, e.len, 5);
	assert_true(text_width(e.buf + first, fit) <= 5);
	assert_int_equal(ledit_fit(e.buf, 0, e.len, 5), 6);   /* two of them, not two and a half */
	assert_int_equal(ledit_fit(e.buf, 0, e.len, 0), 0);
	/* A field one column wide still shows the cursor. */
	first = 0;
	assert_int_equal(ledit_scroll(&e, 1, &first), 0);
	assert_int_equal(first, e.len);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(graphemes),
		cmocka_unit_test(words_and_kills),
		cmocka_unit_test(scrolling),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
