/* draw-notes.c: what the notes layer (view/vnotes.h) puts on screen: gutter marks, the
 * paragraph's notes popup, the notes pane, and the prompt or question on the status line. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/wrap.h"
#include "ui/ui.h"
#include "view/clip.h"
#include "view/keys.h"
#include "view/ledit.h"
#include "view/vnotes.h"

static attr_t color_attr(int color)
{
	return style_attr(color >= 0 && color < 5 ? (enum ui_style)(S_HL1 + color) : S_HL6);
}

void draw_notes_mark(struct view *v, int pi, int y, int para)
{
	const struct pane *p = &v->pane[pi];
	if (!v->notes || p->gutter < 3)
		return;
	char buf[8];
	int color;
	vnotes_gutter(v->notes, v, para, buf, &color);
	if (buf[0])
		draw_str(y, v->geom.pane[pi].x + p->gutter - 2, 1, buf, color_attr(color));
}

static void popup_box(struct view *v, int y0, int x0, int h, int w, const char *title)
{
	static const char *const bu[] = { "\u250c", "\u2510", "\u2514", "\u2518", "\u2500", "\u2502" };
	static const char *const ba[] = { "+", "+", "+", "+", "-", "|" };
	const char *const *bx = v->utf8 ? bu : ba;
	attr_t ra = style_attr(S_RULE);
	for (int y = 0; y < h; y++)
		draw_fill(y0 + y, x0, w, style_attr(S_POPUP));
	draw_str(y0, x0, 1, bx[0], ra);
	draw_str(y0, x0 + w - 1, 1, bx[1], ra);
	draw_str(y0 + h - 1, x0, 1, bx[2], ra);
	draw_str(y0 + h - 1, x0 + w - 1, 1, bx[3], ra);
	for (int x = 1; x < w - 1; x++) {
		draw_str(y0, x0 + x, 1, bx[4], ra);
		draw_str(y0 + h - 1, x0 + x, 1, bx[4], ra);
	}
	for (int y = 1; y < h - 1; y++) {
		draw_str(y0 + y, x0, 1, bx[5], ra);
		draw_str(y0 + y, x0 + w - 1, 1, bx[5], ra);
	}
	char t[160];
	snprintf(t, sizeof t, " %s ", title);
	draw_str(y0, x0 + 2, w - 4, t, A_BOLD);
}

/* The notes of one paragraph over the text; the selected one marked along its left edge and
 * kept in view. */
static void draw_popup(struct view *v)
{
	struct vnotes *n = v->notes;
	int rows = v->geom.rows, cols = v->geom.cols;
	int w = cols - 4 > 76 ? 76 : cols - 4;
	if (w < 12 || rows < 5)
		return;
	size_t count, s0, s1;
	char **lines = vnotes_popup_lines(n, v, w - 4, &count, &s0, &s1);
	if (!lines)
		return;
	int h = (int)count + 2;
	if (h > rows - 2)
		h = rows - 2;
	int inner = h - 2;
	size_t top = 0;
	if (s1 >= (size_t)inner)
		top = s1 - (size_t)inner + 1;
	if (s0 < top)
		top = s0;
	int y0 = (rows - 1 - h) / 2, x0 = (cols - w) / 2;
	char title[128], lab[64];
	const char *l = res_label(v->res, n->popup_para);
	clip_text(l ? l : "", 64, 30, v->utf8, 1, lab, sizeof lab);
	snprintf(title, sizeof title, "Notes on %s", lab);
	popup_box(v, y0, x0, h, w, title);
	for (int i = 0; i < inner && top + (size_t)i < count; i++) {
		size_t k = top + (size_t)i;
		int sel = k >= s0 && k <= s1;
		if (sel)
			draw_str(y0 + 1 + i, x0 + 1, 1, v->utf8 ? "\u258c" : "|", style_attr(S_CUR_BAR));
		/* The lines are safe already (clip_text and utf8_sanitize made them). */
		draw_str(y0 + 1 + i, x0 + 2, w - 4, lines[k], sel && k == s0 ? A_BOLD : A_NORMAL);
	}
	keys_help_free(lines, count);
}

/* The notes pane: the whole screen above the status line, as the outline. */
static void draw_pane_list(struct view *v)
{
	struct vnotes *n = v->notes;
	int rows = v->geom.rows, cols = v->geom.cols;
	char title[256];
	notelist_title(&n->list, &n->set, &n->conf, v->utf8, title, sizeof title);
	draw_fill(0, 0, cols, style_attr(S_TITLE_FOCUS));
	draw_str(0, 1, cols - 1, title, style_attr(S_TITLE_FOCUS));
	if (n->list.n == 0) {
		draw_str(2, 2, cols - 3, n->set.n ? "No note matches the filter (0 lists all)."
		                                  : "No notes yet: v selects words, V a paragraph, "
		                                    "1-5 highlights, c writes a note.", A_NORMAL);
		return;
	}
	for (int row = 1; row < rows - 1; row++) {
		size_t r = n->list.top + (size_t)(row - 1);
		if (r >= n->list.n)
			break;
		char line[2048];
		notelist_line(&n->list, &n->set, &n->conf, r, cols - 2, v->utf8, line, sizeof line);
		int ai = n->list.rows[r];
		attr_t a = r == n->list.cur ? style_attr(S_LIST_SEL)
		         : ai == NOTELIST_ORPHANS ? style_attr(S_HEADING) : A_NORMAL;
		if (r == n->list.cur)
			draw_fill(row, 0, cols, a);
		draw_str(row, 1, cols - 2, line, a);
		/* The colour symbol in its colour, over the plain one. */
		if (ai >= 0 && r != n->list.cur) {
			int ci = conf_color_of_key(n->set.v[ai].color);
			char sym[8];
			conf_color_symbol(&n->conf, ci, v->utf8, sym);
			const char *at = strstr(line, sym);
			if (at) {
				int x = 1 + text_width(line, (size_t)(at - line));
				if (x < cols - 1)
					draw_str(row, x, 1, sym, color_attr(ci));
			}
		}
	}
}

void draw_notes_overlay(struct view *v)
{
	if (!v->notes)
		return;
	if (v->notes->mode == VN_POPUP)
		draw_popup(v);
	else if (v->notes->mode == VN_PANE)
		draw_pane_list(v);
}

int draw_notes_fullscreen(const struct view *v)
{
	return v->notes && v->notes->mode == VN_PANE;
}

int draw_notes_status(struct view *v)
{
	struct vnotes *n = v->notes;
	if (!n || v->mode != MODE_NORMAL)
		return 0;
	int y = v->geom.rows - 1, cols = v->geom.cols;
	if (n->mode == VN_PROMPT) {
		draw_fill(y, 0, cols, A_NORMAL);
		char lab[200];
		int lw = clip_text(n->label, sizeof n->label, cols / 2, v->utf8, 0, lab, sizeof lab);
		draw_str(y, 0, lw, lab, A_BOLD);
		int x = lw, field = cols - x - 1;
		if (field < 1)
			return 1;
		int col = ledit_scroll(&n->edit, field, &n->edit_first);
		size_t fit = ledit_fit(n->edit.buf, n->edit_first, n->edit.len, field);
		char safe[LINEEDIT_MAX * 3];
		clip_text(n->edit.buf + n->edit_first, fit, field, v->utf8, 0, safe, sizeof safe);
		draw_str(y, x, field, safe, A_NORMAL);
		move(y, x + col);
		curs_set(1);
		return 1;
	}
	if (n->mode == VN_CONFIRM) {
		draw_fill(y, 0, cols, style_attr(S_ERROR));
		draw_str(y, 1, cols - 2, n->question, style_attr(S_ERROR));
		return 1;
	}
	const char *hint = vnotes_hint(n);
	if (!hint)
		return 0;
	attr_t sa = style_attr(S_STATUS);
	draw_fill(y, 0, cols, sa);
	if (v->msg[0]) {
		char m[512];
		clip_text(v->msg, sizeof v->msg, cols - 2, v->utf8, 1, m, sizeof m);
		draw_str(y, 1, cols - 2, m, v->msg_error ? style_attr(S_ERROR) : sa);
	} else {
		draw_str(y, 1, cols - 2, hint, sa | A_BOLD);
	}
	return 1;
}
