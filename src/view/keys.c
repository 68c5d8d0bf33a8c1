/* keys.c: the default key bindings and everything generated from them (names, help, man). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/keys.h"

static const struct action_info {
	const char *name, *help;
	enum key_group group;
} actions[ACT_COUNT] = {
	[ACT_NONE] = { "none", "", KG_OTHER },
#define X(id, g, nm, hl) [ACT_##id] = { nm, hl, g },
	VIEW_ACTIONS(X)
#undef X
};

/* Keys from less and vim where they agree; where a key has two meanings there, the reader's
 * wins and the help says so (? is help as in mutt and tig's h, \ searches backward). */
const struct binding keys_bindings[] = {
	{ 'j', ACT_LINE_DOWN }, { VK_DOWN, ACT_LINE_DOWN }, { VK_CTRL('e'), ACT_LINE_DOWN },
	{ 'k', ACT_LINE_UP }, { VK_UP, ACT_LINE_UP }, { VK_CTRL('y'), ACT_LINE_UP },
	{ ' ', ACT_PAGE_DOWN }, { VK_PGDN, ACT_PAGE_DOWN }, { VK_CTRL('f'), ACT_PAGE_DOWN },
	{ 'b', ACT_PAGE_UP }, { VK_PGUP, ACT_PAGE_UP }, { VK_CTRL('b'), ACT_PAGE_UP },
	{ VK_CTRL('d'), ACT_HALF_DOWN }, { VK_CTRL('u'), ACT_HALF_UP },
	{ 'g', ACT_FIRST }, { VK_HOME, ACT_FIRST }, { '<', ACT_FIRST },
	{ 'G', ACT_LAST }, { VK_END, ACT_LAST }, { '>', ACT_LAST },
	{ ']', ACT_PARA_NEXT }, { '}', ACT_PARA_NEXT }, { 'J', ACT_PARA_NEXT },
	{ '[', ACT_PARA_PREV }, { '{', ACT_PARA_PREV }, { 'K', ACT_PARA_PREV },
	{ VK_BACKSPACE, ACT_BACK }, { 'H', ACT_BACK }, { VK_CTRL('o'), ACT_BACK },
	{ 'L', ACT_FORWARD },
	{ VK_TAB, ACT_PANE_NEXT }, { VK_RIGHT, ACT_PANE_NEXT }, { 'l', ACT_PANE_NEXT },
	{ VK_BTAB, ACT_PANE_PREV }, { VK_LEFT, ACT_PANE_PREV }, { 'h', ACT_PANE_PREV },
	{ '1', ACT_PANE_1 }, { '2', ACT_PANE_2 }, { '3', ACT_PANE_3 },
	{ 'z', ACT_ZOOM },
	{ 'r', ACT_REF_NEXT }, { 'f', ACT_REF_NEXT }, { 'R', ACT_REF_PREV }, { 'F', ACT_REF_PREV },
	{ VK_ENTER, ACT_FOLLOW },
	{ 'p', ACT_PREVIEW },
	{ '/', ACT_SEARCH_FWD }, { '\\', ACT_SEARCH_BACK },
	{ 'n', ACT_SEARCH_NEXT }, { 'N', ACT_SEARCH_PREV },
	{ ':', ACT_COMMAND },
	{ 'o', ACT_OUTLINE },
	{ 'v', ACT_SELECT }, { 'V', ACT_SELECT_PARA },
	{ 'c', ACT_NOTE }, { 'C', ACT_NOTE_EDITOR },
	{ 'i', ACT_NOTES_HERE }, { 'a', ACT_NOTES_PANE },
	{ 'u', ACT_UNDO }, { 'E', ACT_EXPORT },
	{ '?', ACT_HELP }, { VK_F1, ACT_HELP },
	{ VK_CTRL('l'), ACT_REDRAW },
	{ 'q', ACT_QUIT },
};
const size_t keys_nbindings = sizeof keys_bindings / sizeof *keys_bindings;

enum action keys_action(int key)
{
	for (size_t i = 0; i < keys_nbindings; i++)
		if (keys_bindings[i].key == key)
			return keys_bindings[i].action;
	return ACT_NONE;
}

const char *keys_action_name(enum action a)
{
	return a >= 0 && a < ACT_COUNT ? actions[a].name : "none";
}

const char *keys_action_help(enum action a)
{
	return a >= 0 && a < ACT_COUNT ? actions[a].help : "";
}

enum key_group keys_action_group(enum action a)
{
	return a >= 0 && a < ACT_COUNT ? actions[a].group : KG_OTHER;
}

const char *keys_group_name(enum key_group g)
{
	static const char *names[] = { "Moving", "Panes", "References", "Search", "Notes",
	                               "Other" };
	return g >= 0 && g <= KG_OTHER ? names[g] : "";
}

const char *keys_name(int key, char *buf, size_t size)
{
	static const char *special[] = {
		[VK_UP - VK_BASE] = "Up", [VK_DOWN - VK_BASE] = "Down", [VK_LEFT - VK_BASE] = "Left",
		[VK_RIGHT - VK_BASE] = "Right", [VK_PGUP - VK_BASE] = "PgUp",
		[VK_PGDN - VK_BASE] = "PgDn", [VK_HOME - VK_BASE] = "Home", [VK_END - VK_BASE] = "End",
		[VK_BACKSPACE - VK_BASE] = "Backspace", [VK_ENTER - VK_BASE] = "Enter",
		[VK_ESC - VK_BASE] = "Esc", [VK_TAB - VK_BASE] = "Tab", [VK_BTAB - VK_BASE] = "Shift-Tab",
		[VK_DELETE - VK_BASE] = "Delete", [VK_F1 - VK_BASE] = "F1",
		[VK_RESIZE - VK_BASE] = "Resize", [VK_MOUSE - VK_BASE] = "Mouse",
		[VK_WORD_LEFT - VK_BASE] = "Ctrl-Left", [VK_WORD_RIGHT - VK_BASE] = "Ctrl-Right",
	};
	if (key > VK_BASE && key <= VK_WORD_RIGHT)
		snprintf(buf, size, "%s", special[key - VK_BASE]);
	else if (key == ' ')
		snprintf(buf, size, "Space");
	else if (key > 0 && key < 0x20)
		snprintf(buf, size, "Ctrl-%c", key + '@');
	else if (key > 0x20 && key < 0x7f)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "U+%04X", (unsigned)key);
	return buf;
}

const char *keys_for_action(enum action a, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < keys_nbindings; i++) {
		if (keys_bindings[i].action != a)
			continue;
		char name[16];
		keys_name(keys_bindings[i].key, name, sizeof name);
		int n = snprintf(buf + len, size - len, "%s%s", len ? ", " : "", name);
		if (n < 0 || (size_t)n >= size - len)
			break;
		len += (size_t)n;
	}
	return buf;
}

/* Paragraphs before the table; the help screen wraps them to its width. */
static const char *const help_intro[] = {
	"gavel: keys of the reader",
	"",
	"Three panes: preamble, operative paragraphs, footnotes. The current paragraph of the "
	"focused pane is marked in the gutter; its references (footnote markers, cited documents, "
	"a footnote's \"cited in\" links) are stepped with r and followed with Enter.",
	"? opens this help (as in mutt and tig); search backward with \\ (less uses ? for that).",
	"Backspace goes back and L forward (as H and L in Vimium); every jump is recorded: "
	"commands, references, search matches, the outline.",
	"Commands: :op 10  :pp 3  :fn 16  :op 3.a.ii  :annex 1  :res 58/190  :outline  :help  :q "
	"(Tab completes ids); in a file of several resolutions, :res alone lists them.",
	"The mouse: a click focuses a pane or follows a link; the wheel scrolls.",
	"Search: case-insensitive unless the pattern has a capital, accents folded; all panes and "
	"every document of a compilation; Esc hides the matches. On the : and / lines, Tab completes, "
	"Esc or Ctrl-C cancels.",
	"Notes: v selects words from the search match or the paragraph's start (h l w b e 0 $ "
	"move, o swaps the ends, V takes the paragraph); 1-5 then highlights in yellow, green, "
	"blue, red or purple (names and symbols are set in ~/.config/gavel/config), c writes a "
	"note in place and C in $EDITOR. Overlapping highlights show the newest colour, "
	"underlined. i shows the paragraph's notes, a lists them all (1-5 and t filter there).",
	"In this help: j/k, Space/b scroll; q, Esc or ? close it.",
};

char **keys_help_lines(size_t *n)
{
	size_t cap = sizeof help_intro / sizeof *help_intro + ACT_COUNT + 2 * (KG_OTHER + 1);
	char **v = calloc(cap, sizeof *v);
	size_t k = 0;
	if (!v)
		return NULL;
	for (size_t i = 0; i < sizeof help_intro / sizeof *help_intro; i++)
		if (!(v[k++] = strdup(help_intro[i])))
			goto oom;
	for (int g = KG_MOVE; g <= KG_OTHER; g++) {
		if (!(v[k++] = strdup("")))
			goto oom;
		if (!(v[k++] = strdup(keys_group_name((enum key_group)g))))
			goto oom;
		for (int a = 1; a < ACT_COUNT; a++) {
			if (actions[a].group != (enum key_group)g)
				continue;
			char keys[128], line[256];
			keys_for_action((enum action)a, keys, sizeof keys);
			snprintf(line, sizeof line, "  %-*s %s", KEYS_HELP_COL - 3, keys, actions[a].help);
			if (!(v[k++] = strdup(line)))
				goto oom;
		}
	}
	*n = k;
	return v;
oom:
	keys_help_free(v, k);
	return NULL;
}

void keys_help_free(char **lines, size_t n)
{
	if (!lines)
		return;
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* Roff escapes: a backslash is \e, a leading dot or quote would start a request. */
static void roff_put(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
	}
}

int keys_write_roff(FILE *f)
{
	for (int g = KG_MOVE; g <= KG_OTHER; g++) {
		fprintf(f, ".SS %s\n", keys_group_name((enum key_group)g));
		for (int a = 1; a < ACT_COUNT; a++) {
			if (actions[a].group != (enum key_group)g)
				continue;
			char keys[128];
			keys_for_action((enum action)a, keys, sizeof keys);
			fputs(".TP\n\\fB\\&", f);
			roff_put(f, keys);
			fputs("\\fR\n\\&", f);
			roff_put(f, actions[a].help);
			fputc('\n', f);
		}
	}
	return ferror(f) ? -1 : 0;
}
