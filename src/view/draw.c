/* draw.c: the reading screen and the pieces every mode draws with (text runs, boxes, the
 * status line), onto a canvas. No line is drawn wider than its rectangle: every string is
 * measured by display width before it is put. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/bidi.h"
#include "text/utf8.h"
#include "text/wrap.h"
#include "view/clip.h"
#include "view/draw.h"
#include "view/mode.h"
#include "view/pane.h"
#include "view/view.h"
#include "view/vnotes.h"

int draw_text(struct canvas *c, int y, int x, int cols, const char *text, size_t start,
              size_t end, draw_style_fn style_of, const void *ctx, unsigned fixed)
{
	int used = 0, full = 0;
	for (size_t i = start; i < end && !full;) {
		unsigned st = style_of ? style_of(ctx, i) : fixed;
		size_t run = i;
		int control = 0, run_x = x + used;
		while (i < end) {
			if (i > run && style_of && style_of(ctx, i) != st)
				break;
			unsigned char b = (unsigned char)text[i];
			size_t n = 1;
			int w = 1;
			if (b < 0x20 || b >= 0x7F) {
				uint32_t cp;
				n = utf8_decode(text + i, end - i, &cp);
				if (utf8_is_control(cp)) {
					control = 1;
					break;
				}
				w = text_width(text + i, n);
				if (w < 0)
					w = 1;
			}
			if (used + w > cols) {
				full = 1;
				break;
			}
			used += w;
			i += n;
		}
		if (i > run)
			c->put(c, y, run_x, text + run, i - run, st);
		if (control) {
			/* Never sent to the terminal: one '?' in its place. */
			uint32_t cp;
			size_t n = utf8_decode(text + i, end - i, &cp);
			if (used + 1 > cols)
				break;
			c->put(c, y, x + used, "?", 1, st);
			used++;
			i += n;
		}
	}
	return used;
}

int draw_str(struct canvas *c, int y, int x, int cols, const char *s, unsigned style)
{
	size_t n = strlen(s);
	if (cols <= 0)
		return 0;
	if (bidi_has_rtl(s, n)) {
		size_t vlen = 0;
		char *vis = bidi_visual(s, n, BIDI_AUTO, &vlen, NULL);
		if (vis) {
			int w = draw_text(c, y, x, cols, vis, 0, vlen, NULL, NULL, style);
			free(vis);
			return w;
		}
	}
	return draw_text(c, y, x, cols, s, 0, n, NULL, NULL, style);
}

void draw_fill(struct canvas *c, int y, int x, int cols, unsigned style)
{
	if (cols > 0)
		c->fill(c, y, x, cols, style);
}

static const char *const box_utf8[] = { "\u250c", "\u2510", "\u2514", "\u2518", "\u2500",
                                        "\u2502" };
static const char *const box_ascii[] = { "+", "+", "+", "+", "-", "|" };

void draw_box(struct canvas *c, int utf8, int y0, int x0, int h, int w, const char *title)
{
	const char *const *bx = utf8 ? box_utf8 : box_ascii;
	unsigned ra = STYLE(STYLE_RULE, 0);
	for (int y = 0; y < h; y++)
		draw_fill(c, y0 + y, x0, w, STYLE(STYLE_POPUP, 0));
	/* Box drawing as text: ACS needs terminal modes that some multiplexers mangle. */
	draw_str(c, y0, x0, 1, bx[0], ra);
	draw_str(c, y0, x0 + w - 1, 1, bx[1], ra);
	draw_str(c, y0 + h - 1, x0, 1, bx[2], ra);
	draw_str(c, y0 + h - 1, x0 + w - 1, 1, bx[3], ra);
	for (int x = 1; x < w - 1; x++) {
		draw_str(c, y0, x0 + x, 1, bx[4], ra);
		draw_str(c, y0 + h - 1, x0 + x, 1, bx[4], ra);
	}
	for (int y = 1; y < h - 1; y++) {
		draw_str(c, y0 + y, x0, 1, bx[5], ra);
		draw_str(c, y0 + y, x0 + w - 1, 1, bx[5], ra);
	}
	char t[200];
	snprintf(t, sizeof t, " %s ", title);
	draw_str(c, y0, x0 + 2, w - 4, t, STYLE(STYLE_POPUP, SA_BOLD));
}

struct line_ctx {
	const struct dpara *d;
	int sel;                 /* selected link, -1 */
	size_t cur_s, cur_e;     /* current match, empty when none */
};

static unsigned line_style(const void *vctx, size_t b)
{
	const struct line_ctx *lc = vctx;
	int sel = lc->sel >= 0 && lc->d->link[b] == lc->sel;
	int cur = b >= lc->cur_s && b < lc->cur_e;
	return style_of_text(lc->d->style[b], sel, cur);
}

void draw_dpara_line(struct canvas *c, int y, int x, int cols, const struct dpara *d, int line,
                     int sel, size_t cur_s, size_t cur_e)
{
	const struct line_ctx lc = { d, sel, cur_s, cur_e };
	const struct wrap_line *l = &d->lines[line];
	size_t n = l->end - l->start;
	if (!d->rtl && !bidi_has_rtl(d->text + l->start, n)) {
		draw_text(c, y, x, cols, d->text, l->start, l->end, line_style, &lc, 0);
		return;
	}
	/* bidi_visual keeps each byte's origin, so styles follow the text. */
	size_t vlen = 0, *log_of = NULL;
	char *vis = bidi_visual(d->text + l->start, n, d->rtl ? BIDI_RTL : BIDI_LTR, &vlen, &log_of);
	if (!vis) {
		draw_text(c, y, x, cols, d->text, l->start, l->end, line_style, &lc, 0);
		return;
	}
	int w = text_width(vis, vlen);
	if (d->rtl && w < cols)
		x += cols - w;
	int used = 0;
	for (size_t i = 0; i < vlen;) {
		uint32_t ch;
		size_t k = utf8_decode(vis + i, vlen - i, &ch);
		int cw = text_width(vis + i, k);
		if (cw < 0)
			cw = 1;
		if (used + cw > cols)
			break;
		size_t src = l->start + (log_of[i] < n ? log_of[i] : 0);
		c->put(c, y, x + used, vis + i, k, line_style(&lc, src));
		used += cw;
		i += k;
	}
	free(vis);
	free(log_of);
}

/* The gutter of a paragraph's first line: its label, and the notes mark in the column kept
 * for it. */
static void draw_gutter(const struct view *v, struct canvas *c, int pi, int y,
                        const struct dpara *d, int is_cur)
{
	const struct pane *p = &v->pane[pi];
	const struct rect *r = &v->geom.pane[pi];
	int focused = pi == v->focus;
	if (d->gutter[0] && p->gutter > 3) {
		/* Top-level labels in the gutter; a sub-paragraph's just before its indented text,
		 * as printed. */
		int gx = r->x + 1, gw = p->gutter - 3;
		char g[40];
		if (d->indent > 0) {
			gw = p->gutter - 1 + d->indent - 1;
			int lw = clip_text(d->gutter, strlen(d->gutter), gw, v->utf8, 0, g, sizeof g);
			gx = r->x + p->gutter + d->indent - 1 - lw;
			gw = lw;
		} else {
			clip_text(d->gutter, strlen(d->gutter), gw, v->utf8, 0, g, sizeof g);
		}
		draw_str(c, y, gx, gw, g,
		         STYLE(is_cur && focused ? STYLE_GUTTER_CUR : STYLE_GUTTER, 0));
	}
	if (v->notes && p->gutter >= 3) {
		char mark[8];
		int color;
		vnotes_gutter(v->notes, v, d->para, mark, &color);
		if (mark[0])
			draw_str(c, y, r->x + p->gutter - 2, 1, mark, STYLE(style_of_color(color), 0));
	}
}

static void draw_pane(const struct view *v, struct canvas *c, int pi)
{
	const struct pane *p = &v->pane[pi];
	const struct rect *r = &v->geom.pane[pi];
	int focused = pi == v->focus;
	char title[256];
	view_title(v, pi, title, sizeof title);
	unsigned ta = STYLE(focused ? STYLE_TITLE_FOCUS : STYLE_TITLE, 0);
	draw_fill(c, r->y, r->x, r->w, ta);
	char shown[300];
	snprintf(shown, sizeof shown, " %s%s", title,
	         v->zoomed ? (v->utf8 ? " \u00b7 zoomed (z)" : " - zoomed (z)") : "");
	draw_str(c, r->y, r->x, r->w, shown, ta);
	if (p->n == 0)
		return;
	size_t pos = p->top;
	int line = p->top_line;
	int sel = focused ? view_selected_link(v, pi) : -1;
	for (int row = 0; row < p->height && row + 1 < r->h; row++) {
		int y = r->y + 1 + row;
		size_t ms = 0, me = 0;
		const struct dpara *d = pane_dpara(v, pi, pos);
		if (d && line < d->nlines) {
			int is_cur = pos == p->cur;
			/* Column 0: a bar along the current paragraph. */
			if (is_cur)
				draw_str(c, y, r->x, 1,
				         v->utf8 ? (line == 0 ? "\u25b6" : "\u258c") : (line == 0 ? ">" : "|"),
				         STYLE(focused ? STYLE_CUR_BAR : STYLE_DIM, 0));
			if (line == 0)
				draw_gutter(v, c, pi, y, d, is_cur);
			int para = d->para;
			if (view_current_match(v, para, &ms, &me) != 0)
				ms = me = 0;
			/* view_current_match may have laid out again: take the pointer anew. */
			d = pane_dpara(v, pi, pos);
			int tw = r->w - p->gutter - d->indent;
			if (tw > 0)
				draw_dpara_line(c, y, r->x + p->gutter + d->indent, tw, d, line,
				                is_cur ? sel : -1, ms, me);
		}
		if (pane_advance(v, pi, &pos, &line, 1) == 0)
			break;
	}
}

void draw_reading(const struct view *v, struct canvas *c)
{
	for (int i = 0; i < v->geom.npanes; i++) {
		if (v->geom.pane[i].h <= 0)
			continue;
		if (v->geom.rule[i] >= 0)
			for (int y = 0; y < v->geom.rows - 1; y++)
				draw_str(c, y, v->geom.rule[i], 1, v->utf8 ? box_utf8[5] : box_ascii[5],
				         STYLE(STYLE_RULE, 0));
		draw_pane(v, c, i);
	}
	draw_status(v, c);
}

void draw_status(const struct view *v, struct canvas *c)
{
	int y = v->geom.rows - 1, cols = v->geom.cols;
	unsigned sa = STYLE(STYLE_STATUS, 0);
	draw_fill(c, y, 0, cols, sa);
	char hint[512];
	if (view_hint(v, hint, sizeof hint)) {
		if (v->msg[0]) {
			char m[512];
			clip_text(v->msg, sizeof v->msg, cols - 2, v->utf8, 1, m, sizeof m);
			draw_str(c, y, 1, cols - 2, m, v->msg_error ? STYLE(STYLE_ERROR, 0) : sa);
		} else {
			draw_str(c, y, 1, cols - 2, hint, STYLE(STYLE_STATUS, SA_BOLD));
		}
		return;
	}
	char left[1024], right[512];
	view_status(v, cols, left, sizeof left, right, sizeof right);
	int rw = right[0] ? text_width(right, strlen(right)) : 0;
	if (rw > cols - 1)
		rw = cols - 1;
	int lw = cols - rw - 3;
	if (lw > 0)
		draw_str(c, y, 1, lw, left, STYLE(STYLE_STATUS, SA_BOLD));
	if (rw > 0)
		draw_str(c, y, cols - rw - 1, rw, right,
		         v->msg[0] && v->msg_error ? STYLE(STYLE_ERROR, 0) : sa);
}

void draw_title_line(const struct view *v, struct canvas *c, const char *title)
{
	unsigned ta = STYLE(STYLE_TITLE_FOCUS, 0);
	draw_fill(c, 0, 0, v->geom.cols, ta);
	draw_str(c, 0, 1, v->geom.cols - 1, title, ta);
}

void draw_too_small(const struct view *v, struct canvas *c)
{
	int rows = v->geom.rows, cols = v->geom.cols;
	char msg[200];
	snprintf(msg, sizeof msg,
	         "Terminal too small (%dx%d): gavel needs %dx%d, or %dx%d with z (zoom). q quits.",
	         cols, rows, GEOM_MIN_COLS, GEOM_MIN_ROWS, GEOM_MIN_ZOOM_COLS, GEOM_MIN_ZOOM_ROWS);
	/* Wrapped to the screen; whatever does not fit is left out. */
	struct wrap_line *lines = NULL;
	int n = text_wrap(msg, strlen(msg), cols, &lines);
	for (int i = 0; i < n && i < rows; i++)
		draw_text(c, i, 0, cols, msg, lines[i].start, lines[i].end, NULL, NULL,
		          STYLE(STYLE_TEXT, SA_BOLD));
	free(lines);
}
