/* keys.c: the action table and key names, for the keymaps, the help and `bind` lines. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text/utf8.h"
#include "view/keys.h"

static const struct action_info {
	const char *name, *help;
} actions[ACT_COUNT] = {
	[ACT_NONE] = { "none", "" },
#define X(id, nm, hl) [ACT_##id] = { nm, hl },
	VIEW_ACTIONS(X)
#undef X
};

const char *keys_action_name(enum action a)
{
	return a >= 0 && a < ACT_COUNT ? actions[a].name : "none";
}

const char *keys_action_help(enum action a)
{
	return a >= 0 && a < ACT_COUNT ? actions[a].help : "";
}

int keys_action_find(const char *name)
{
	for (int a = 0; a < ACT_COUNT; a++)
		if (strcmp(actions[a].name, name) == 0)
			return a;
	return -1;
}

int keys_lines_push(char ***lines, size_t *n, size_t *cap, const char *s)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 32;
		char **nv = realloc(*lines, c * sizeof *nv);
		if (!nv)
			return -1;
		*lines = nv;
		*cap = c;
	}
	char *copy = strdup(s);
	if (!copy)
		return -1;
	(*lines)[(*n)++] = copy;
	return 0;
}

void keys_help_free(char **lines, size_t n)
{
	if (!lines)
		return;
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* Names of the keys without a character, as people write them; the first of each is the one
 * keys_name prints. */
static const struct {
	int key;
	const char *name;
} special[] = {
	{ VK_UP, "Up" }, { VK_DOWN, "Down" }, { VK_LEFT, "Left" }, { VK_RIGHT, "Right" },
	{ VK_PGUP, "PgUp" }, { VK_PGUP, "PageUp" }, { VK_PGUP, "PPage" },
	{ VK_PGDN, "PgDn" }, { VK_PGDN, "PageDown" }, { VK_PGDN, "NPage" },
	{ VK_HOME, "Home" }, { VK_END, "End" },
	{ VK_BACKSPACE, "Backspace" }, { VK_BACKSPACE, "BS" },
	{ VK_ENTER, "Enter" }, { VK_ENTER, "Return" }, { VK_ENTER, "CR" },
	{ VK_ESC, "Esc" }, { VK_ESC, "Escape" },
	{ VK_TAB, "Tab" }, { VK_BTAB, "Shift-Tab" }, { VK_BTAB, "BackTab" }, { VK_BTAB, "S-Tab" },
	{ VK_DELETE, "Delete" }, { VK_DELETE, "Del" }, { VK_INSERT, "Insert" }, { VK_INSERT, "Ins" },
	{ VK_F1, "F1" }, { VK_F2, "F2" }, { VK_F3, "F3" }, { VK_F4, "F4" }, { VK_F5, "F5" },
	{ VK_F6, "F6" }, { VK_F7, "F7" }, { VK_F8, "F8" }, { VK_F9, "F9" }, { VK_F10, "F10" },
	{ VK_F11, "F11" }, { VK_F12, "F12" },
	{ VK_WORD_LEFT, "Ctrl-Left" }, { VK_WORD_LEFT, "C-Left" },
	{ VK_WORD_RIGHT, "Ctrl-Right" }, { VK_WORD_RIGHT, "C-Right" },
	{ ' ', "Space" }, { '<', "lt" }, { '\\', "Bslash" }, { '|', "Bar" },
	{ VK_RESIZE, "Resize" }, { VK_MOUSE, "Mouse" },
};
#define NSPECIAL (sizeof special / sizeof *special)

const char *keys_name(int key, char *buf, size_t size)
{
	for (size_t i = 0; i < NSPECIAL; i++)
		if (special[i].key == key && (key > VK_BASE || key == ' ')) {
			snprintf(buf, size, "%s", special[i].name);
			return buf;
		}
	if (key > 0 && key < 0x20)
		snprintf(buf, size, "Ctrl-%c", key + '@');
	else if (key > 0x20 && key < 0x7f)
		snprintf(buf, size, "%c", key);
	else if (key >= 0xA0 && key < VK_BASE && !utf8_is_control((uint32_t)key)) {
		char enc[5] = { 0 };
		size_t n = utf8_encode((uint32_t)key, enc);
		enc[n] = '\0';
		snprintf(buf, size, "%s", n ? enc : "?");
	} else
		snprintf(buf, size, "U+%04X", (unsigned)key);
	return buf;
}

/* "Ctrl-D", "C-d", "^D" (the prefix stripped into *rest); 1 when it is one of those. */
static int ctrl_prefix(const char *s, const char **rest)
{
	static const char *const prefixes[] = { "Ctrl-", "Ctrl+", "C-", "^" };
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		size_t n = strlen(prefixes[i]);
		if (strncasecmp(s, prefixes[i], n) == 0 && s[n]) {
			*rest = s + n;
			return 1;
		}
	}
	return 0;
}

int keys_parse(const char *name)
{
	char buf[32];
	size_t n = strlen(name);
	if (n == 0 || n >= sizeof buf)
		return -1;
	/* <C-d>, <Enter>: tig and vim write special keys in angle brackets. */
	if (n > 2 && name[0] == '<' && name[n - 1] == '>') {
		memcpy(buf, name + 1, n - 2);
		buf[n - 2] = '\0';
		name = buf;
		n -= 2;
	}
	/* One character: itself (case matters). */
	uint32_t cp;
	size_t k = utf8_decode(name, n, &cp);
	if (k == n) {
		if (cp == 0xFFFD && !(n == 3 && memcmp(name, "\xEF\xBF\xBD", 3) == 0))
			return -1;
		return utf8_is_control(cp) ? -1 : (int)cp;
	}
	const char *rest;
	if (ctrl_prefix(name, &rest)) {
		if (!strcasecmp(rest, "Left"))
			return VK_WORD_LEFT;
		if (!strcasecmp(rest, "Right"))
			return VK_WORD_RIGHT;
		if (rest[1] == '\0') {
			char c = rest[0];
			if (c >= 'a' && c <= 'z')
				return VK_CTRL(c);
			if (c >= '@' && c <= '_')
				return c - '@';
		}
		return -1;
	}
	for (size_t i = 0; i < NSPECIAL; i++)
		if (strcasecmp(special[i].name, name) == 0)
			return special[i].key == VK_RESIZE || special[i].key == VK_MOUSE ? -1
			                                                                 : special[i].key;
	return -1;
}
