/* draw.c: the screen from the view: panes with titles, gutters and styled text, the status
 * line, and the help, list, preview and too-small screens. Everything goes into curses'
 * buffer first and reaches the terminal in one doupdate(). No line is drawn wider than its
 * rectangle: every string is measured by display width before it is put. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/bidi.h"
#include "text/utf8.h"
#include "text/wrap.h"
#include "ui/ui.h"
#include "view/clip.h"
#include "view/pane.h"
#include "view/vlist.h"

/* Puts bytes [start, end) of text at (y, x), at most `cols` columns; attr_of gives each byte's
 * attribute. Returns the columns used. */
typedef attr_t (*attr_fn)(const void *ctx, size_t byte);

/* Adds n bytes of UTF-8 text (no controls) at the cursor. As wide characters: curses then
 * takes each as it is, where a multibyte string goes through its byte-by-byte decoder. */
static void add_utf8(const char *s, size_t n)
{
	wchar_t w[256];
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			c = b;
			i++;
		} else {
			i += utf8_decode(s + i, n - i, &c);
		}
		w[k++] = (wchar_t)c;
		if (k == sizeof w / sizeof *w) {
			addnwstr(w, (int)k);
			k = 0;
		}
	}
	if (k)
		addnwstr(w, (int)k);
}

static int put_text(int y, int x, int cols, const char *text, size_t start, size_t end,
                    attr_fn attr_of, const void *ctx, attr_t fixed)
{
	int used = 0, full = 0;
	move(y, x);
	/* Runs of one attribute go to curses in one call: a screen is a few dozen calls, not
	 * one per character (issue 7: the first screen). */
	for (size_t i = start; i < end && !full;) {
		attr_t a = attr_of ? attr_of(ctx, i) : fixed;
		size_t run = i;
		int control = 0;
		while (i < end) {
			if (i > run && attr_of && attr_of(ctx, i) != a)
				break;
			unsigned char b = (unsigned char)text[i];
			size_t n = 1;
			int w = 1;
			if (b < 0x20 || b >= 0x7F) {
				uint32_t c;
				n = utf8_decode(text + i, end - i, &c);
				if (utf8_is_control(c)) {
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
		attrset(a);
		if (i > run)
			add_utf8(text + run, i - run);
		if (control) {
			/* Never sent to the terminal: one '?' in its place. */
			uint32_t c;
			size_t n = utf8_decode(text + i, end - i, &c);
			int w = text_width(text + i, n);
			if (w < 0)
				w = 1;
			if (used + w > cols)
				break;
			addch('?');
			used += w;
			i += n;
		}
	}
	attrset(A_NORMAL);
	return used;
}

/* A plain string (already safe), clipped; right-to-left text (an Arabic title) reordered. */
static int put_str(int y, int x, int cols, const char *s, attr_t a)
{
	size_t n = strlen(s);
	if (bidi_has_rtl(s, n)) {
		size_t vlen = 0;
		char *vis = bidi_visual(s, n, BIDI_AUTO, &vlen, NULL);
		if (vis) {
			int w = put_text(y, x, cols, vis, 0, vlen, NULL, NULL, a);
			free(vis);
			return w;
		}
	}
	return put_text(y, x, cols, s, 0, n, NULL, NULL, a);
}

static void fill(int y, int x, int cols, attr_t a)
{
	if (cols <= 0)
		return;
	attrset(a);
	mvhline(y, x, ' ', cols);
	attrset(A_NORMAL);
}

int draw_str(int y, int x, int cols, const char *s, attr_t a)
{
	return put_str(y, x, cols, s, a);
}

void draw_fill(int y, int x, int cols, attr_t a)
{
	fill(y, x, cols, a);
}

struct line_ctx {
	const struct dpara *d;
	int sel;                 /* selected link, -1 */
	size_t cur_s, cur_e;     /* current match, empty when none */
};

static attr_t line_attr(const void *vctx, size_t b)
{
	const struct line_ctx *c = vctx;
	int sel = c->sel >= 0 && c->d->link[b] == c->sel;
	int cur = b >= c->cur_s && b < c->cur_e;
	return style_text_attr(c->d->style[b], sel, cur);
}

/* One wrapped line of a paragraph. Lines holding right-to-left text are reordered for the
 * terminal (bidi_visual keeps each byte's origin, so styles follow the text), and the lines of
 * a right-to-left paragraph are aligned right. */
static void put_line(int y, int x, int cols, const struct dpara *d, int line,
                     const struct line_ctx *c)
{
	const struct wrap_line *l = &d->lines[line];
	size_t n = l->end - l->start;
	if (!d->rtl && !bidi_has_rtl(d->text + l->start, n)) {
		put_text(y, x, cols, d->text, l->start, l->end, line_attr, c, 0);
		return;
	}
	size_t vlen = 0, *log_of = NULL;
	char *vis = bidi_visual(d->text + l->start, n, d->rtl ? BIDI_RTL : BIDI_LTR, &vlen, &log_of);
	if (!vis) {
		put_text(y, x, cols, d->text, l->start, l->end, line_attr, c, 0);
		return;
	}
	int w = text_width(vis, vlen);
	if (d->rtl && w < cols)
		x += cols - w;
	int used = 0;
	move(y, x);
	for (size_t i = 0; i < vlen;) {
		uint32_t ch;
		size_t k = utf8_decode(vis + i, vlen - i, &ch);
		int cw = text_width(vis + i, k);
		if (cw < 0)
			cw = 1;
		if (used + cw > cols)
			break;
		size_t src = l->start + (log_of[i] < n ? log_of[i] : 0);
		attrset(line_attr(c, src));
		addnstr(vis + i, (int)k);
		used += cw;
		i += k;
	}
	attrset(A_NORMAL);
	free(vis);
	free(log_of);
}

static void draw_pane(struct view *v, int pi)
{
	struct pane *p = &v->pane[pi];
	const struct rect *r = &v->geom.pane[pi];
	int focused = pi == v->focus;
	char title[256];
	view_title(v, pi, title, sizeof title);
	attr_t ta = style_attr(focused ? S_TITLE_FOCUS : S_TITLE);
	fill(r->y, r->x, r->w, ta);
	char shown[300];
	snprintf(shown, sizeof shown, " %s%s", title, v->zoomed ? (v->utf8 ? " \u00b7 zoomed (z)" : " - zoomed (z)") : "");
	put_str(r->y, r->x, r->w, shown, ta);
	if (p->n == 0)
		return;

	size_t pos = p->top;
	int line = p->top_line;
	int sel = focused ? view_selected_link(v, pi) : -1;
	for (int row = 0; row < p->height && row + 1 < r->h; row++) {
		int y = r->y + 1 + row;
		struct dpara *d = pane_dpara(v, pi, pos);
		if (d && line < d->nlines) {
			int is_cur = pos == p->cur;
			/* Column 0: a bar along the current paragraph. */
			if (is_cur)
				put_str(y, r->x, 1, v->utf8 ? (line == 0 ? "\u25b6" : "\u258c") : (line == 0 ? ">" : "|"),
				        focused ? style_attr(S_CUR_BAR) : style_attr(S_DIM));
			if (line == 0 && d->gutter[0] && p->gutter > 2) {
				/* Top-level labels in the gutter; a sub-paragraph's just before its
				 * indented text, as printed. */
				int gx = r->x + 1, gw = p->gutter - 2;
				char g[40];
				if (d->indent > 0) {
					gw = p->gutter - 1 + d->indent - 1;
					int lw = clip_text(d->gutter, strlen(d->gutter), gw, v->utf8, 0, g, sizeof g);
					gx = r->x + p->gutter + d->indent - 1 - lw;
					gw = lw;
				} else {
					clip_text(d->gutter, strlen(d->gutter), gw, v->utf8, 0, g, sizeof g);
				}
				put_str(y, gx, gw, g, style_attr(is_cur && focused ? S_GUTTER_CUR : S_GUTTER));
			}
			if (line == 0)
				draw_notes_mark(v, pi, y, d->para);
			struct line_ctx c = { d, is_cur ? sel : -1, 0, 0 };
			size_t ms, me;
			if (view_current_match(v, d->para, &ms, &me) == 0) {
				c.cur_s = ms;
				c.cur_e = me;
			}
			/* view_current_match may have laid out again: take the pointer anew. */
			d = pane_dpara(v, pi, pos);
			c.d = d;
			int tx = r->x + p->gutter + d->indent;
			int tw = r->w - p->gutter - d->indent;
			if (tw > 0)
				put_line(y, tx, tw, d, line, &c);
		}
		if (pane_advance(v, pi, &pos, &line, 1) == 0)
			break;
	}
}

static void draw_status(struct view *v)
{
	int y = v->geom.rows - 1, cols = v->geom.cols;
	char left[512], right[512];
	view_status(v, left, sizeof left, right, sizeof right);
	attr_t sa = style_attr(S_STATUS);
	fill(y, 0, cols, sa);
	if (v->mode == MODE_COMMAND || v->mode == MODE_SEARCH) {
		const char *lead = v->mode == MODE_COMMAND ? ":" : (v->find.dir < 0 ? "\\" : "/");
		attr_t ea = A_NORMAL;
		fill(y, 0, cols, ea);
		put_str(y, 0, cols, lead, ea);
		/* Scroll the line so the cursor stays on screen. */
		int before = text_width(v->edit.buf, v->edit.cur);
		size_t from = 0;
		while (before > cols - 3 && from < v->edit.cur) {
			uint32_t c;
			size_t n = utf8_decode(v->edit.buf + from, v->edit.cur - from, &c);
			before -= text_width(v->edit.buf + from, n);
			from += n;
		}
		char safe[LINEEDIT_MAX * 3];
		clip_text(v->edit.buf + from, v->edit.len - from, cols - 2, v->utf8, 0, safe, sizeof safe);
		int used = 1 + put_str(y, 1, cols - 2, safe, ea);
		if (v->msg[0] && used + 4 < cols) {
			char m[512];
			int mw = clip_text(v->msg, sizeof v->msg, cols - used - 3, v->utf8, 1, m, sizeof m);
			put_str(y, cols - mw - 1, mw, m, v->msg_error ? style_attr(S_ERROR) : style_attr(S_DIM));
		}
		move(y, 1 + before);
		return;
	}
	int rw = (int)strlen(right) ? text_width(right, strlen(right)) : 0;
	if (rw > cols - 1)
		rw = cols - 1;
	int lw = cols - rw - 3;
	if (lw > 0)
		put_str(y, 1, lw, left, sa | A_BOLD);
	if (rw > 0)
		put_str(y, cols - rw - 1, rw, right, v->msg[0] && v->msg_error ? style_attr(S_ERROR) : sa);
}

static void draw_help(struct view *v)
{
	int rows = v->geom.rows, cols = v->geom.cols;
	fill(0, 0, cols, style_attr(S_TITLE_FOCUS));
	put_str(0, 1, cols - 1, "Help: keys of the reader (q, Esc or ? closes)", style_attr(S_TITLE_FOCUS));
	for (int row = 1; row < rows - 1; row++) {
		size_t i = v->help_top + (size_t)(row - 1);
		if (i >= v->nhelp)
			break;
		const char *l = v->help[i];
		attr_t a = (l[0] && l[0] != ' ' && i > 0) ? A_BOLD : A_NORMAL;
		/* The help holds no document text: put as it is (its columns need the spaces). */
		put_text(row, 1, cols - 1, l, 0, strlen(l), NULL, NULL, a);
	}
}

static void draw_list(struct view *v)
{
	int rows = v->geom.rows, cols = v->geom.cols;
	fill(0, 0, cols, style_attr(S_TITLE_FOCUS));
	put_str(0, 1, cols - 1, v->list.title, style_attr(S_TITLE_FOCUS));
	for (int row = 1; row < rows - 1; row++) {
		size_t i = v->list.top + (size_t)(row - 1);
		if (i >= v->list.n)
			break;
		char line[1024];
		view_list_line(v, i, cols - 2, line, sizeof line);
		attr_t a = i == v->list.cur ? style_attr(S_LIST_SEL) : A_NORMAL;
		if (i == v->list.cur)
			fill(row, 0, cols, a);
		put_text(row, 1, cols - 2, line, 0, strlen(line), NULL, NULL, a);
	}
}

static const char *const box_utf8[] = { "\u250c", "\u2510", "\u2514", "\u2518", "\u2500", "\u2502" };
static const char *const box_ascii[] = { "+", "+", "+", "+", "-", "|" };

static void draw_preview(struct view *v)
{
	const struct dpara *d = v->preview;
	if (!d)
		return;
	int w = v->preview_w, rows = v->geom.rows, cols = v->geom.cols;
	if (w > cols)
		w = cols;
	int h = d->nlines + 2;
	if (h > rows - 2)
		h = rows - 2;
	if (h < 3 || w < 4)
		return;
	int y0 = (rows - 1 - h) / 2, x0 = (cols - w) / 2;
	attr_t pa = style_attr(S_POPUP);
	for (int y = 0; y < h; y++)
		fill(y0 + y, x0, w, pa);
	/* Box drawing as text: ACS needs terminal modes that some multiplexers mangle. */
	const char *const *bx = v->utf8 ? box_utf8 : box_ascii;
	attr_t ra = style_attr(S_RULE);
	put_str(y0, x0, 1, bx[0], ra);
	put_str(y0, x0 + w - 1, 1, bx[1], ra);
	put_str(y0 + h - 1, x0, 1, bx[2], ra);
	put_str(y0 + h - 1, x0 + w - 1, 1, bx[3], ra);
	for (int x = 1; x < w - 1; x++) {
		put_str(y0, x0 + x, 1, bx[4], ra);
		put_str(y0 + h - 1, x0 + x, 1, bx[4], ra);
	}
	for (int y = 1; y < h - 1; y++) {
		put_str(y0 + y, x0, 1, bx[5], ra);
		put_str(y0 + y, x0 + w - 1, 1, bx[5], ra);
	}
	attrset(A_NORMAL);
	char t[160];
	snprintf(t, sizeof t, " %s ", v->preview_title);
	put_str(y0, x0 + 2, w - 4, t, A_BOLD);
	struct line_ctx c = { d, -1, 0, 0 };
	for (int i = 0; i < d->nlines && i < h - 2; i++)
		put_line(y0 + 1 + i, x0 + 1, w - 2, d, i, &c);
}

static void draw_too_small(struct view *v)
{
	int rows = v->geom.rows, cols = v->geom.cols;
	char msg[160];
	snprintf(msg, sizeof msg, "Terminal too small (%dx%d): gavel needs %dx%d, or %dx%d with z (zoom). q quits.",
	         cols, rows, GEOM_MIN_COLS, GEOM_MIN_ROWS, GEOM_MIN_ZOOM_COLS, GEOM_MIN_ZOOM_ROWS);
	/* Wrapped to the screen; whatever does not fit is left out. */
	struct wrap_line *lines = NULL;
	int n = text_wrap(msg, strlen(msg), cols, &lines);
	for (int i = 0; i < n && i < rows; i++)
		put_text(i, 0, cols, msg, lines[i].start, lines[i].end, NULL, NULL, A_BOLD);
	free(lines);
}

void draw_screen(struct view *v)
{
	if (v->redraw) {
		clearok(curscr, TRUE);
		v->redraw = 0;
	}
	erase();
	curs_set(0);
	if (v->geom.mode == GEOM_TOO_SMALL) {
		draw_too_small(v);
	} else if (v->mode == MODE_HELP) {
		draw_help(v);
		draw_status(v);
	} else if (v->mode == MODE_LIST) {
		draw_list(v);
		draw_status(v);
	} else if (draw_notes_fullscreen(v)) {
		draw_notes_overlay(v);
		if (!draw_notes_status(v))
			draw_status(v);
	} else {
		for (int i = 0; i < v->geom.npanes; i++) {
			if (v->geom.pane[i].h <= 0)
				continue;
			if (v->geom.rule[i] >= 0) {
				for (int y = 0; y < v->geom.rows - 1; y++)
					put_str(y, v->geom.rule[i], 1, v->utf8 ? box_utf8[5] : box_ascii[5],
					        style_attr(S_RULE));
			}
			draw_pane(v, i);
		}
		if (v->mode == MODE_PREVIEW)
			draw_preview(v);
		draw_notes_overlay(v);
		if (!draw_notes_status(v))
			draw_status(v);
		if (v->mode == MODE_COMMAND || v->mode == MODE_SEARCH)
			curs_set(1);
	}
	wnoutrefresh(stdscr);
	doupdate();
}
