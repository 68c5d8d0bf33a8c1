/* mode-line.c: the edited line on the status line: the command line, the search line, and
 * every question answered by typing (a note, tags, a file name). What the line is for is a
 * struct line_spec the opening mode gives; the editing is the same for all. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"
#include "text/wrap.h"
#include "view/clip.h"
#include "view/command.h"
#include "view/draw.h"
#include "view/ledit.h"
#include "view/view.h"

#define COMPL_MAX 64

/* Editing keys of readline and less; Up and Down walk the lines typed before. */
static const struct binding line_keys[] = {
	{ VK_ENTER, ACT_ACCEPT, NULL },
	{ VK_ESC, ACT_CLOSE, "Cancel" }, { VK_CTRL('c'), ACT_CLOSE, NULL },
	{ VK_CTRL('g'), ACT_CLOSE, NULL },
	{ VK_TAB, ACT_COMPLETE, NULL },
	{ VK_UP, ACT_HIST_PREV, NULL }, { VK_CTRL('p'), ACT_HIST_PREV, NULL },
	{ VK_DOWN, ACT_HIST_NEXT, NULL }, { VK_CTRL('n'), ACT_HIST_NEXT, NULL },
	{ VK_LEFT, ACT_CHAR_LEFT, NULL }, { VK_CTRL('b'), ACT_CHAR_LEFT, NULL },
	{ VK_RIGHT, ACT_CHAR_RIGHT, NULL }, { VK_CTRL('f'), ACT_CHAR_RIGHT, NULL },
	{ VK_WORD_LEFT, ACT_WORD_LEFT, NULL }, { VK_WORD_RIGHT, ACT_WORD_RIGHT, NULL },
	{ VK_HOME, ACT_LINE_START, NULL }, { VK_CTRL('a'), ACT_LINE_START, NULL },
	{ VK_END, ACT_LINE_END, NULL }, { VK_CTRL('e'), ACT_LINE_END, NULL },
	{ VK_BACKSPACE, ACT_DELETE_BACK, NULL },
	{ VK_DELETE, ACT_DELETE_CHAR, NULL }, { VK_CTRL('d'), ACT_DELETE_CHAR, NULL },
	{ VK_CTRL('w'), ACT_DELETE_WORD, NULL },
	{ VK_CTRL('u'), ACT_KILL_START, NULL }, { VK_CTRL('k'), ACT_KILL_END, NULL },
	{ 0, ACT_NONE, NULL }
};

static void compl_free(struct view *v)
{
	for (int i = 0; v->compl && i < v->ncompl && i < COMPL_MAX; i++)
		free(v->compl[i]);
	free(v->compl);
	v->compl = NULL;
	v->ncompl = v->compl_next = 0;
}

/* Where the field starts and how wide it is: the label takes at most half the line. */
static int field(const struct view *v, int *x)
{
	int cols = v->geom.cols;
	int lw = text_width(v->line_label, strlen(v->line_label));
	if (lw > cols / 2)
		lw = cols / 2;
	*x = lw;
	return cols - lw - 1 > 1 ? cols - lw - 1 : 1;
}

/* Keeps the cursor in view (the line scrolls sideways). */
static void scroll(struct view *v)
{
	int x;
	ledit_scroll(&v->edit, field(v, &x), &v->edit_first);
}

void view_line_open(struct view *v, const struct line_spec *spec, const char *initial,
                    const char *label)
{
	if (view_top(v) != MODE_LINE)
		view_push(v, MODE_LINE);
	v->line = spec;
	snprintf(v->line_label, sizeof v->line_label, "%s", label ? label : "");
	lineedit_set(&v->edit, initial ? initial : "");
	v->edit_first = 0;
	v->lines.at = -1;
	compl_free(v);
	scroll(v);
}

/* Tab: complete to the common prefix and list the candidates; Tab again cycles. */
static void complete(struct view *v)
{
	if (!v->line->complete) {
		view_message(v, 1, "nothing to complete here");
		return;
	}
	if (v->compl && v->ncompl > 1) {
		int n = v->ncompl < COMPL_MAX ? v->ncompl : COMPL_MAX;
		lineedit_set(&v->edit, v->compl[v->compl_next % n]);
		v->compl_next++;
		return;
	}
	compl_free(v);
	v->compl = calloc(COMPL_MAX, sizeof *v->compl);
	if (!v->compl)
		return;
	int n = v->line->complete(v, v->edit.buf, v->compl, COMPL_MAX);
	if (n < 0) {
		compl_free(v);
		return;
	}
	v->ncompl = n;
	if (n == 0) {
		view_message(v, 1, "no completion");
		compl_free(v);
		return;
	}
	int stored = n < COMPL_MAX ? n : COMPL_MAX;
	if (n == 1) {
		lineedit_set(&v->edit, v->compl[0]);
		compl_free(v);
		return;
	}
	size_t k = command_common_prefix(v->compl, stored);
	if (k > v->edit.len) {
		char pre[LINEEDIT_MAX];
		snprintf(pre, sizeof pre, "%.*s", (int)k, v->compl[0]);
		lineedit_set(&v->edit, pre);
	}
	/* The candidates, as many as the status line holds; of "op 12" the "12". */
	char list[256];
	size_t len = 0;
	for (int i = 0; i < stored && len + 2 < sizeof list; i++) {
		const char *sp = strrchr(v->compl[i], ' ');
		const char *s = sp && sp[1] ? sp + 1 : v->compl[i];
		int w = snprintf(list + len, sizeof list - len, "%s%s", i ? " " : "", s);
		if (w < 0 || (size_t)w >= sizeof list - len)
			break;
		len += (size_t)w;
	}
	view_message(v, 0, "%d: %s", n, list);
}

static void history(struct view *v, int dir)
{
	int kind = v->line->history;
	if (kind < 0) {
		view_message(v, 1, "no history here");
		return;
	}
	if (v->lines.at < 0 || v->lines.kind != kind)
		linehist_start(&v->lines, kind, v->edit.buf);
	const char *s = linehist_step(&v->lines, dir);
	if (s)
		lineedit_set(&v->edit, s);
}

static void accept(struct view *v)
{
	char line[LINEEDIT_MAX];
	memcpy(line, v->edit.buf, v->edit.len + 1);
	const struct line_spec *spec = v->line;
	v->msg[0] = '\0';
	view_pop(v);
	if (spec->history >= 0)
		linehist_add(&v->lines, spec->history, line);
	spec->accept(v, line);
}

static void cancel(struct view *v)
{
	const struct line_spec *spec = v->line;
	view_pop(v);
	if (spec && spec->cancelled)
		view_message(v, 0, "%s", spec->cancelled);
	else
		v->msg[0] = '\0';
}

/* One edit through the line editor, as the key it stands for. */
static void edit(struct view *v, int key)
{
	if (ledit_key(&v->edit, key) == LE_CANCEL)
		cancel(v);
}

static int line_action(struct view *v, enum action a)
{
	if (a != ACT_COMPLETE)
		compl_free(v);
	if (a != ACT_HIST_PREV && a != ACT_HIST_NEXT)
		v->lines.at = -1;
	switch (a) {
	case ACT_ACCEPT:
		accept(v);
		return 1;
	case ACT_CLOSE:
		cancel(v);
		return 1;
	case ACT_COMPLETE:
		complete(v);
		break;
	case ACT_HIST_PREV:
		history(v, -1);
		break;
	case ACT_HIST_NEXT:
		history(v, 1);
		break;
	case ACT_CHAR_LEFT:
		edit(v, VK_LEFT);
		break;
	case ACT_CHAR_RIGHT:
		edit(v, VK_RIGHT);
		break;
	case ACT_WORD_LEFT:
		edit(v, VK_WORD_LEFT);
		break;
	case ACT_WORD_RIGHT:
		edit(v, VK_WORD_RIGHT);
		break;
	case ACT_LINE_START:
		edit(v, VK_HOME);
		break;
	case ACT_LINE_END:
		edit(v, VK_END);
		break;
	case ACT_DELETE_BACK:
		/* Backspace on an empty line cancels it, as in less and vim. */
		edit(v, VK_BACKSPACE);
		break;
	case ACT_DELETE_CHAR:
		edit(v, VK_DELETE);
		break;
	case ACT_DELETE_WORD:
		edit(v, VK_CTRL('w'));
		break;
	case ACT_KILL_START:
		edit(v, VK_CTRL('u'));
		break;
	case ACT_KILL_END:
		edit(v, VK_CTRL('k'));
		break;
	default:
		return 0;
	}
	if (view_top(v) == MODE_LINE)
		scroll(v);
	return 1;
}

/* Any other key is text. */
static void line_key(struct view *v, int key)
{
	compl_free(v);
	v->lines.at = -1;
	if (key < ' ' || key >= VK_BASE || utf8_is_control((uint32_t)key))
		return;
	size_t before = v->edit.len;
	lineedit_key(&v->edit, key);
	/* The line is full: say so rather than drop what is typed without a word. */
	if (before == v->edit.len)
		view_message(v, 1, "the line is full%s", v->line->full ? v->line->full : "");
	scroll(v);
}

static void line_draw(const struct view *v, struct canvas *c)
{
	int y = v->geom.rows - 1, x;
	int width = field(v, &x);
	draw_fill(c, y, 0, v->geom.cols, STYLE(STYLE_TEXT, 0));
	char lab[200];
	clip_text(v->line_label, sizeof v->line_label, x, v->utf8, 0, lab, sizeof lab);
	draw_str(c, y, 0, x, lab, STYLE(STYLE_PROMPT, 0));
	size_t first = v->edit_first <= v->edit.len ? v->edit_first : 0;
	size_t fit = ledit_fit(v->edit.buf, first, v->edit.len, width);
	char safe[LINEEDIT_MAX * 3];
	clip_text(v->edit.buf + first, fit, width, v->utf8, 0, safe, sizeof safe);
	int used = draw_str(c, y, x, width, safe, STYLE(STYLE_TEXT, 0));
	/* A message (completions, the line is full) where the line leaves room. */
	if (v->msg[0] && x + used + 4 < v->geom.cols) {
		char m[512];
		int mw = clip_text(v->msg, sizeof v->msg, v->geom.cols - x - used - 3, v->utf8, 1, m,
		                   sizeof m);
		draw_str(c, y, v->geom.cols - mw - 1, mw, m,
		         STYLE(v->msg_error ? STYLE_ERROR : STYLE_DIM, 0));
	}
	size_t cur = v->edit.cur >= first ? v->edit.cur : first;
	c->cursor(c, y, x + text_width(v->edit.buf + first, cur - first));
}

static void line_leave(struct view *v)
{
	compl_free(v);
	v->line = NULL;
}

const struct mode_ops mode_line_ops = {
	.name = "line",
	.title = "The command, search and note lines",
	.about = "Other keys are typed into the line.",
	.flags = MODE_OVERLAY | MODE_KEEPS_MESSAGE,
	.keys = line_keys,
	.action = line_action,
	.key = line_key,
	.click = NULL,
	.draw = line_draw,
	.resize = scroll,
	.leave = line_leave,
};
