/* test_view_keys.c: the action table and the keymaps: every action bound in some mode, no key
 * twice in a map, key names both ways, `bind`, and the help, man page and hints made from the
 * keymaps. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "view/keymap.h"
#include "view/lineedit.h"

static const struct binding *defaults(int map)
{
	return map == KEYMAP_GENERIC ? keymap_generic_keys : mode_table[map]->keys;
}

static void every_action_bound_no_key_twice(void **state)
{
	(void)state;
	for (int a = 1; a < ACT_COUNT; a++) {
		int bound = 0;
		for (int map = 0; map < KEYMAP_COUNT; map++)
			for (const struct binding *b = defaults(map); b->key || b->action; b++)
				bound += b->action == (enum action)a && b->key;
		assert_true(bound > 0);
		assert_true(strlen(keys_action_help((enum action)a)) > 0);
		assert_int_equal(keys_action_find(keys_action_name((enum action)a)), a);
		for (int b = a + 1; b < ACT_COUNT; b++)
			assert_string_not_equal(keys_action_name((enum action)a),
			                        keys_action_name((enum action)b));
	}
	for (int map = 0; map < KEYMAP_COUNT; map++) {
		for (const struct binding *b = defaults(map); b->key || b->action; b++) {
			assert_true(b->action > ACT_NONE && b->action < ACT_COUNT);
			for (const struct binding *c = b + 1; c->key || c->action; c++)
				assert_true(b->key == 0 || b->key != c->key);
		}
		assert_int_equal(keymap_find(keymap_name(map)), map);
	}
	/* Every mode has a name, a title and its functions. */
	for (int m = 0; m < MODE_COUNT; m++) {
		assert_non_null(mode_table[m]->name);
		assert_non_null(mode_table[m]->title);
		assert_non_null(mode_table[m]->action);
		assert_int_equal(mode_find(mode_table[m]->name), m);
		assert_true(m == MODE_SELECT || mode_table[m]->draw != NULL);
	}
	assert_int_equal(keymap_find("nope"), -1);
}

static void lookups(void **state)
{
	(void)state;
	struct keymaps km;
	memset(&km, 0, sizeof km);
	/* The mode's own map first, then the generic one where the mode takes it. */
	assert_int_equal(keymap_lookup(&km, MODE_READ, 'j'), ACT_LINE_DOWN);
	assert_int_equal(keymap_lookup(&km, MODE_READ, VK_DOWN), ACT_LINE_DOWN);
	assert_int_equal(keymap_lookup(&km, MODE_READ, ' '), ACT_PAGE_DOWN);
	assert_int_equal(keymap_lookup(&km, MODE_READ, VK_CTRL('d')), ACT_HALF_DOWN);
	assert_int_equal(keymap_lookup(&km, MODE_READ, 'g'), ACT_FIRST);
	assert_int_equal(keymap_lookup(&km, MODE_READ, VK_ENTER), ACT_FOLLOW);
	assert_int_equal(keymap_lookup(&km, MODE_READ, VK_BACKSPACE), ACT_BACK);
	assert_int_equal(keymap_lookup(&km, MODE_READ, '?'), ACT_HELP);
	assert_int_equal(keymap_lookup(&km, MODE_READ, '/'), ACT_SEARCH_FWD);
	assert_int_equal(keymap_lookup(&km, MODE_READ, 'q'), ACT_QUIT);
	assert_int_equal(keymap_lookup(&km, MODE_READ, 'x'), ACT_NONE);
	assert_int_equal(keymap_lookup(&km, MODE_SELECT, 'b'), ACT_SEL_WORD_PREV);
	assert_int_equal(keymap_lookup(&km, MODE_SELECT, 'j'), ACT_NONE);   /* no generic keys */
	assert_int_equal(keymap_lookup(&km, MODE_HELP, 'q'), ACT_CLOSE);
	assert_int_equal(keymap_lookup(&km, MODE_HELP, 'j'), ACT_LINE_DOWN);
	assert_int_equal(keymap_lookup(&km, MODE_LINE, 'j'), ACT_NONE);     /* typed */
	assert_int_equal(keymap_lookup(&km, MODE_LINE, VK_UP), ACT_HIST_PREV);
	assert_int_equal(keymap_lookup(&km, MODE_CONFIRM, 'y'), ACT_YES);
	char buf[128];
	assert_string_equal(keymap_keys(&km, KEYMAP_GENERIC, ACT_LINE_DOWN, buf, sizeof buf),
	                    "j, Down, Ctrl-E");
	assert_string_equal(keymap_key(&km, MODE_POPUP, ACT_LINE_DOWN, buf, sizeof buf), "j");
	assert_string_equal(keymap_key(&km, MODE_POPUP, ACT_EDIT_NOTE, buf, sizeof buf), "e");
	keymaps_free(&km);
}

static void binding(void **state)
{
	(void)state;
	struct keymaps km;
	memset(&km, 0, sizeof km);
	char err[128];
	/* A key of the user's, in a mode and in the generic map. */
	assert_int_equal(keymap_bind(&km, MODE_READ, 'x', ACT_QUIT, err, sizeof err), 0);
	assert_int_equal(keymap_lookup(&km, MODE_READ, 'x'), ACT_QUIT);
	assert_int_equal(keymap_lookup(&km, MODE_READ, 'q'), ACT_QUIT);
	assert_int_equal(keymap_bind(&km, KEYMAP_GENERIC, 'x', ACT_LINE_DOWN, err, sizeof err), 0);
	assert_int_equal(keymap_lookup(&km, MODE_HELP, 'x'), ACT_LINE_DOWN);
	assert_int_equal(keymap_lookup(&km, MODE_READ, 'x'), ACT_QUIT);      /* the mode's wins */
	/* Rebinding a key replaces it; "none" unbinds, hiding the generic binding too. */
	assert_int_equal(keymap_bind(&km, MODE_READ, 'q', ACT_ZOOM, err, sizeof err), 0);
	assert_int_equal(keymap_lookup(&km, MODE_READ, 'q'), ACT_ZOOM);
	assert_int_equal(keymap_bind(&km, MODE_READ, 'j', ACT_NONE, err, sizeof err), 0);
	assert_int_equal(keymap_lookup(&km, MODE_READ, 'j'), ACT_NONE);
	assert_int_equal(keymap_lookup(&km, MODE_HELP, 'j'), ACT_LINE_DOWN);
	/* An action that means nothing there is refused with a reason. */
	assert_int_equal(keymap_bind(&km, MODE_HELP, 'z', ACT_ZOOM, err, sizeof err), -1);
	assert_non_null(strstr(err, "does nothing in mode 'help'"));
	assert_int_equal(keymap_bind(&km, KEYMAP_GENERIC, 'z', ACT_ZOOM, err, sizeof err), -1);
	/* The help lists the user's keys, and not the ones taken away. */
	char **lines = NULL;
	size_t n = 0, cap = 0;
	assert_int_equal(keymap_help_lines(&km, &lines, &n, &cap), 0);
	int quit = 0, zoom = 0;
	for (size_t i = 0; i < n; i++) {
		if (strstr(lines[i], "  x") == lines[i] && strstr(lines[i], "Quit"))
			quit = 1;
		if (strstr(lines[i], "z, q") && strstr(lines[i], "Zoom"))
			zoom = 1;
	}
	if (!quit)
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, "%s\n", lines[i]);
	assert_true(quit);
	assert_true(zoom);
	keys_help_free(lines, n);
	/* Hints too. */
	char hint[256];
	keymap_bind(&km, MODE_SELECT, '1', ACT_NONE, err, sizeof err);
	keymap_bind(&km, MODE_SELECT, 'm', ACT_COLOR_1, err, sizeof err);
	keymap_hint(&km, MODE_SELECT, mode_table[MODE_SELECT]->hint, hint, sizeof hint);
	assert_non_null(strstr(hint, "m 2 3 4 5 highlight"));
	keymaps_free(&km);
	memset(&km, 0, sizeof km);
	keymap_hint(&km, MODE_SELECT, mode_table[MODE_SELECT]->hint, hint, sizeof hint);
	assert_non_null(strstr(hint, "h l w b e 0 $ o move"));
	assert_non_null(strstr(hint, "1-5 highlight"));
	keymap_hint(&km, MODE_POPUP, mode_table[MODE_POPUP]->hint, hint, sizeof hint);
	assert_non_null(strstr(hint, "j/k choose"));
}

static void names(void **state)
{
	(void)state;
	char buf[32];
	assert_string_equal(keys_name(VK_CTRL('d'), buf, sizeof buf), "Ctrl-D");
	assert_string_equal(keys_name(' ', buf, sizeof buf), "Space");
	assert_string_equal(keys_name(VK_PGDN, buf, sizeof buf), "PgDn");
	assert_string_equal(keys_name('\\', buf, sizeof buf), "\\");
	assert_string_equal(keys_name(0xE9, buf, sizeof buf), "\xC3\xA9");
	/* Every name reads back as its key. */
	for (int k = 1; k < VK_LAST; k++) {
		if (k == 0x80)
			k = VK_BASE + 1;
		if (k == VK_RESIZE || k == VK_MOUSE || k == 0x7f || (k > 0x7f && k < VK_BASE))
			continue;
		keys_name(k, buf, sizeof buf);
		assert_int_equal(keys_parse(buf), k);
	}
	assert_int_equal(keys_parse("<C-d>"), VK_CTRL('d'));
	assert_int_equal(keys_parse("C-d"), VK_CTRL('d'));
	assert_int_equal(keys_parse("^D"), VK_CTRL('d'));
	assert_int_equal(keys_parse("<Enter>"), VK_ENTER);
	assert_int_equal(keys_parse("return"), VK_ENTER);
	assert_int_equal(keys_parse("<Space>"), ' ');
	assert_int_equal(keys_parse("PageDown"), VK_PGDN);
	assert_int_equal(keys_parse("J"), 'J');
	assert_int_equal(keys_parse("#"), '#');
	assert_int_equal(keys_parse("<"), '<');
	assert_int_equal(keys_parse("\xC3\xA9"), 0xE9);
	assert_int_equal(keys_parse(""), -1);
	assert_int_equal(keys_parse("Ctrl-"), -1);
	assert_int_equal(keys_parse("F13"), -1);
	assert_int_equal(keys_parse("Resize"), -1);
	assert_int_equal(keys_parse("\x1b"), -1);
	assert_int_equal(keys_parse("\xff"), -1);
}

static void roff(void **state)
{
	(void)state;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	assert_int_equal(keymap_write_roff(f), 0);
	fclose(f);
	assert_non_null(strstr(text, ".SS Moving"));
	assert_non_null(strstr(text, "(generic)"));
	assert_non_null(strstr(text, ".SS Reading (reader)"));
	assert_non_null(strstr(text, ".SS Selecting words (select)"));
	assert_non_null(strstr(text, "Backspace, H, Ctrl\\-O"));
	assert_non_null(strstr(text, "\\fB\\&\\e\\fR"));
	/* Every mode has its section. */
	for (int m = 0; m < MODE_COUNT; m++) {
		char want[64];
		snprintf(want, sizeof want, "(%s)\n", mode_table[m]->name);
		assert_non_null(strstr(text, want));
	}
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
		cmocka_unit_test(every_action_bound_no_key_twice),
		cmocka_unit_test(lookups),
		cmocka_unit_test(binding),
		cmocka_unit_test(names),
		cmocka_unit_test(roff),
		cmocka_unit_test(line_editing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
