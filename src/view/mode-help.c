/* mode-help.c: the help screen: a few paragraphs, the keys of every mode as the keymaps have
 * them now (the user's bindings included), the screen's areas for `color` lines, and the
 * configuration's path and problems. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/wrap.h"
#include "view/clip.h"
#include "view/draw.h"
#include "view/view.h"

static const struct binding help_keys[] = {
	{ 'q', ACT_CLOSE, "Close the help" }, { VK_ESC, ACT_CLOSE, NULL },
	{ '?', ACT_CLOSE, NULL }, { VK_ENTER, ACT_CLOSE, NULL }, { VK_BACKSPACE, ACT_CLOSE, NULL },
	{ VK_F1, ACT_CLOSE, NULL },
	{ 0, ACT_NONE, NULL }
};

/* Before the key lists: what they are. */
static const char *const intro[] = {
	"gavel: keys of the reader",
	"",
	"Each screen has its keys, listed below under its name in brackets: the MODE of the "
	"configuration's bind MODE KEY ACTION lines, which this help shows as they bind. The moving "
	"keys work in every screen that scrolls or lists.",
};

/* After them: how the reader works, for the first day. */
static const char *const outro[] = {
	"",
	"How it works",
	" Three panes: preamble, operative paragraphs, footnotes. The current paragraph of the "
	"focused pane is marked in the gutter; its references (footnote markers, cited documents, a "
	"footnote's \"cited in\" links) are stepped through and followed. The footnotes pane shows "
	"what the paragraphs on screen cite (footnotes-follow turns that off).",
	" Every jump is recorded (commands, references, search matches, the outline, the notes "
	"pane): back and forward walk the history, as in a browser.",
	" Commands: :op 10  :pp 3  :fn 16  :op 3.a.ii  :annex 1  :res 58/190  :outline  :copy FILE  "
	":help  :q. Tab completes ids; Up and Down recall the lines typed before, at the command and "
	"the search line alike. In a file of several resolutions, :res alone lists them.",
	" Search: case-insensitive unless the pattern has a capital, accents folded; all panes and "
	"every document of a compilation.",
	" The mouse: a click focuses a pane or follows a link (and moves a selection's end); the "
	"wheel scrolls.",
	" Notes: select words (or the paragraph), then a colour highlights them and note writes a "
	"note on them; a note with nothing selected is on the whole paragraph, without a highlight. "
	"Overlapping highlights show the newest colour, underlined. Undo and redo go back and forth "
	"through every change. Copy puts the paragraph, the selection or a note's words on the "
	"clipboard with their citation, as the export cites them.",
};

/* The configuration: where it is read from, the areas `color` lines name, its problems. */
static int config_lines(const struct view *v, char ***l, size_t *n, size_t *cap)
{
	char line[1200];
	if (keys_lines_push(l, n, cap, "") || keys_lines_push(l, n, cap, "Configuration"))
		return -1;
	snprintf(line, sizeof line, " Read from %s; an example with every setting is "
	         "share/config.example (gavel(1) under CONFIGURATION).",
	         v->conf_path[0] ? v->conf_path : "$XDG_CONFIG_HOME/gavel/config (not set)");
	if (keys_lines_push(l, n, cap, line))
		return -1;
	for (int i = 0; i < STYLE_COUNT; i++) {
		snprintf(line, sizeof line, "  color %-*s %s", KEYMAP_HELP_COL - 9,
		         style_defaults[i].name, style_defaults[i].what);
		if (keys_lines_push(l, n, cap, line))
			return -1;
	}
	if (!v->conf.nwarnings)
		return 0;
	snprintf(line, sizeof line, " %zu problem%s found (each line was skipped):",
	         v->conf.nwarnings, v->conf.nwarnings == 1 ? "" : "s");
	if (keys_lines_push(l, n, cap, line))
		return -1;
	for (size_t i = 0; i < v->conf.nwarnings && i < CONF_WARNINGS_MAX && v->conf.warnings; i++) {
		char safe[700];
		clip_text(v->conf.warnings[i], strlen(v->conf.warnings[i]), 600, v->utf8, 0, safe,
		          sizeof safe);
		snprintf(line, sizeof line, " - %s", safe);
		if (keys_lines_push(l, n, cap, line))
			return -1;
	}
	if (v->conf.nwarnings > CONF_WARNINGS_MAX) {
		snprintf(line, sizeof line, " - and %zu more", v->conf.nwarnings - CONF_WARNINGS_MAX);
		if (keys_lines_push(l, n, cap, line))
			return -1;
	}
	return 0;
}

/* The help's logical lines: the introduction, the keys, the configuration. */
static char **help_lines(const struct view *v, size_t *count)
{
	char **l = NULL;
	size_t n = 0, cap = 0;
	int bad = 0;
	for (size_t i = 0; i < sizeof intro / sizeof *intro && !bad; i++)
		bad = keys_lines_push(&l, &n, &cap, intro[i]);
	if (!bad)
		bad = keymap_help_lines(&v->keys, &l, &n, &cap);
	for (size_t i = 0; i < sizeof outro / sizeof *outro && !bad; i++)
		bad = keys_lines_push(&l, &n, &cap, outro[i]);
	if (!bad)
		bad = config_lines(v, &l, &n, &cap);
	if (bad) {
		keys_help_free(l, n);
		return NULL;
	}
	*count = n;
	return l;
}

/* Pushes indent + len bytes of s. */
static int help_push(char ***v, size_t *n, size_t *cap, const char *indent, const char *s,
                     size_t len)
{
	char line[2048];
	snprintf(line, sizeof line, "%s%.*s", indent, (int)len, s);
	return keys_lines_push(v, n, cap, line);
}

/* The help wrapped to `cols`: paragraphs flow, a key row's description hangs under its
 * column (or under a small indent on narrow screens). */
static void help_wrap(struct view *v, int cols)
{
	keys_help_free(v->help, v->nhelp);
	v->help = NULL;
	v->nhelp = 0;
	size_t cap = 0;
	if (!v->help_raw) {
		size_t nh = 0;
		v->help_raw = help_lines(v, &nh);
		if (!v->help_raw)
			goto oom;
		v->nhelp_raw = nh;
	}
	if (cols < 10)
		cols = 10;
	const int col = KEYMAP_HELP_COL - 1;
	int hang = cols >= 50 ? col : 4;
	char pad[KEYMAP_HELP_COL + 1];
	memset(pad, ' ', sizeof pad - 1);
	pad[hang < KEYMAP_HELP_COL ? hang : KEYMAP_HELP_COL] = '\0';
	for (size_t i = 0; i < v->nhelp_raw; i++) {
		const char *l = v->help_raw[i];
		size_t len = strlen(l);
		/* Three kinds of line: a key row ("  keys   what"), an indented paragraph (" text"),
		 * a paragraph or heading. */
		int row = l[0] == ' ' && l[1] == ' ';
		if (l[0] == ' ' && !row) {
			struct wrap_line *wl = NULL;
			int n = text_wrap(l + 1, len - 1, cols - 1 > 4 ? cols - 1 : 4, &wl);
			if (n < 0)
				goto oom;
			for (int k = 0; k < n; k++)
				if (help_push(&v->help, &v->nhelp, &cap, " ", l + 1 + wl[k].start,
				              wl[k].end - wl[k].start) < 0) {
					free(wl);
					goto oom;
				}
			free(wl);
			continue;
		}
		/* A key row: keys, then the description from the help column on. */
		size_t body = row && cols >= 50 && len > (size_t)col && l[col - 1] == ' ' ? (size_t)col
		                                                                         : 0;
		struct wrap_line *wl = NULL;
		int width = cols - (row ? hang : 0);
		int n = text_wrap(l + body, len - body, width > 4 ? width : 4, &wl);
		if (n < 0)
			goto oom;
		for (int k = 0; k < n; k++) {
			int r;
			if (k == 0 && body) {
				char head[256];
				snprintf(head, sizeof head, "%.*s", (int)body, l);
				r = help_push(&v->help, &v->nhelp, &cap, head, l + body + wl[k].start,
				              wl[k].end - wl[k].start);
			} else {
				r = help_push(&v->help, &v->nhelp, &cap, k == 0 ? "" : (row ? pad : ""),
				              l + body + wl[k].start, wl[k].end - wl[k].start);
			}
			if (r < 0) {
				free(wl);
				goto oom;
			}
		}
		free(wl);
	}
	return;
oom:
	view_message(v, 1, "out of memory");
}

void view_help(struct view *v)
{
	if (view_top(v) != MODE_HELP)
		view_push(v, MODE_HELP);
	v->help_top = 0;
	help_wrap(v, v->help_cols);
}

static size_t page(const struct view *v)
{
	return v->geom.rows > 3 ? (size_t)v->geom.rows - 3 : 1;
}

static int help_action(struct view *v, enum action a)
{
	size_t pg = page(v), max = v->nhelp > pg ? v->nhelp - pg : 0;
	switch (a) {
	case ACT_LINE_DOWN:
		v->help_top++;
		break;
	case ACT_LINE_UP:
		if (v->help_top > 0)
			v->help_top--;
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		v->help_top += pg;
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		v->help_top = v->help_top > pg ? v->help_top - pg : 0;
		break;
	case ACT_FIRST:
		v->help_top = 0;
		break;
	case ACT_LAST:
		v->help_top = max;
		break;
	case ACT_CLOSE:
		view_pop(v);
		return 1;
	default:
		return 0;
	}
	if (v->help_top > max)
		v->help_top = max;
	return 1;
}

static void help_draw(const struct view *v, struct canvas *c)
{
	char title[128], q[16];
	snprintf(title, sizeof title, "Help: keys of the reader (%s closes)",
	         view_key_for(v, MODE_HELP, ACT_CLOSE, "Esc", q, sizeof q));
	draw_title_line(v, c, title);
	for (int row = 1; row < v->geom.rows - 1; row++) {
		size_t i = v->help_top + (size_t)(row - 1);
		if (i >= v->nhelp)
			break;
		const char *l = v->help[i];
		/* Headings (not indented) in bold; the help holds no document text. */
		unsigned st = l[0] && l[0] != ' ' && i > 0 ? STYLE(STYLE_HEADING, 0) : STYLE(STYLE_TEXT, 0);
		draw_text(c, row, 1, v->geom.cols - 1, l, 0, strlen(l), NULL, NULL, st);
	}
	draw_status(v, c);
}

static void help_resize(struct view *v)
{
	size_t top = v->help_top;
	help_wrap(v, v->help_cols);
	v->help_top = top < v->nhelp ? top : 0;
}

static void help_leave(struct view *v)
{
	keys_help_free(v->help, v->nhelp);
	v->help = NULL;
	v->nhelp = 0;
}

const struct mode_ops mode_help_ops = {
	.name = "help",
	.title = "The help",
	.flags = MODE_GENERIC,
	.keys = help_keys,
	.action = help_action,
	.draw = help_draw,
	.resize = help_resize,
	.leave = help_leave,
};
