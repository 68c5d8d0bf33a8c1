/* test_view_keys.c: the key table: every action reachable, no key twice, help from the table. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "view/keys.h"
#include "view/lineedit.h"

static void every_action_bound_once_per_key(void **state)
{
	(void)state;
	for (int a = 1; a < ACT_COUNT; a++) {
		int bound = 0;
		for (size_t i = 0; i < keys_nbindings; i++)
			bound += keys_bindings[i].action == (enum action)a;
		assert_true(bound > 0);
		assert_true(strlen(keys_action_help((enum action)a)) > 0);
		assert_string_not_equal(keys_action_name((enum action)a), "none");
	}
	for (size_t i = 0; i < keys_nbindings; i++)
		for (size_t j = i + 1; j < keys_nbindings; j++)
			assert_int_not_equal(keys_bindings[i].key, keys_bindings[j].key);
}

static void the_issue_keys(void **state)
{
	(void)state;
	assert_int_equal(keys_action('j'), ACT_LINE_DOWN);
	assert_int_equal(keys_action(VK_DOWN), ACT_LINE_DOWN);
	assert_int_equal(keys_action(' '), ACT_PAGE_DOWN);
	assert_int_equal(keys_action('b'), ACT_PAGE_UP);
	assert_int_equal(keys_action(VK_CTRL('d')), ACT_HALF_DOWN);
	assert_int_equal(keys_action(VK_CTRL('u')), ACT_HALF_UP);
	assert_int_equal(keys_action('g'), ACT_FIRST);
	assert_int_equal(keys_action('G'), ACT_LAST);
	assert_int_equal(keys_action(VK_ENTER), ACT_FOLLOW);
	assert_int_equal(keys_action(VK_BACKSPACE), ACT_BACK);
	assert_int_equal(keys_action('?'), ACT_HELP);
	assert_int_equal(keys_action('/'), ACT_SEARCH_FWD);
	assert_int_equal(keys_action(':'), ACT_COMMAND);
	assert_int_equal(keys_action('q'), ACT_QUIT);
	assert_int_equal(keys_action('x'), ACT_NONE);
}

static void help_from_table(void **state)
{
	(void)state;
	size_t n = 0;
	char **lines = keys_help_lines(&n);
	assert_non_null(lines);
	for (int a = 1; a < ACT_COUNT; a++) {
		char keys[128];
		keys_for_action((enum action)a, keys, sizeof keys);
		int found = 0;
		for (size_t i = 0; i < n; i++)
			if (strstr(lines[i], keys_action_help((enum action)a)) && strstr(lines[i], keys))
				found = 1;
		assert_true(found);
	}
	keys_help_free(lines, n);

	char buf[32];
	assert_string_equal(keys_name(VK_CTRL('d'), buf, sizeof buf), "Ctrl-D");
	assert_string_equal(keys_name(' ', buf, sizeof buf), "Space");
	assert_string_equal(keys_name(VK_PGDN, buf, sizeof buf), "PgDn");
	assert_string_equal(keys_name('\\', buf, sizeof buf), "\\");
	char all[128];
	assert_string_equal(keys_for_action(ACT_LINE_DOWN, all, sizeof all), "j, Down, Ctrl-E");

	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	assert_int_equal(keys_write_roff(f), 0);
	fclose(f);
	assert_non_null(strstr(text, ".SS Moving"));
	assert_non_null(strstr(text, "Backspace, H, Ctrl\\-O"));
	assert_non_null(strstr(text, "\\fB\\&\\e\\fR"));
	free(text);
}

static void line_editing(void **state)
{
	(void)state;
	struct lineedit e;
	lineedit_clear(&e);
	const char *s = "op 1";
	for (const char *p = s; *p; p++)
		assert_int_equal(lineedit_key(&e, *p), LE_EDITED);
	assert_string_equal(e.buf, "op 1");
	lineedit_key(&e, '0');
	assert_string_equal(e.buf, "op 10");
	lineedit_key(&e, VK_LEFT);
	lineedit_key(&e, VK_BACKSPACE);
	assert_string_equal(e.buf, "op 0");
	lineedit_key(&e, 0xE9);      /* é, inserted as UTF-8 */
	assert_string_equal(e.buf, "op \xc3\xa9" "0");
	lineedit_key(&e, VK_BACKSPACE);
	assert_string_equal(e.buf, "op 0");
	assert_int_equal(lineedit_key(&e, 0x1b), LE_IGNORED);
	assert_int_equal(lineedit_key(&e, 0x9b), LE_IGNORED);
	assert_int_equal(lineedit_key(&e, VK_TAB), LE_IGNORED);
	lineedit_key(&e, VK_CTRL('u'));
	assert_string_equal(e.buf, "0");
	assert_int_equal(lineedit_key(&e, VK_ENTER), LE_ACCEPT);
	lineedit_key(&e, VK_END);
	lineedit_key(&e, VK_BACKSPACE);
	assert_int_equal(lineedit_key(&e, VK_BACKSPACE), LE_CANCEL);
	assert_int_equal(lineedit_key(&e, VK_ESC), LE_CANCEL);
	for (int i = 0; i < LINEEDIT_MAX * 2; i++)
		lineedit_key(&e, 0x4E2D);   /* never overflows */
	assert_true(e.len < LINEEDIT_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_action_bound_once_per_key),
		cmocka_unit_test(the_issue_keys),
		cmocka_unit_test(help_from_table),
		cmocka_unit_test(line_editing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
