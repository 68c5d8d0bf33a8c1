/* mode-with.c: two copies of the resolution side by side (`gavel FILE --with OTHER`, :with
 * OTHER, W): the view's copy on the left, the other on the right, each row a pair of
 * paragraphs with the same id, scrolled together; notes of either copy under both. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/wrap.h"
#include "view/clip.h"
#include "view/draw.h"
#include "view/view.h"
#include "view/vnotes.h"
#include "view/vwith.h"

static const struct binding with_keys[] = {
	{ ']', ACT_PARA_NEXT, "Next pair of paragraphs" }, { '}', ACT_PARA_NEXT, NULL },
	{ 'J', ACT_PARA_NEXT, NULL },
	{ '[', ACT_PARA_PREV, "Previous pair" }, { '{', ACT_PARA_PREV, NULL },
	{ 'K', ACT_PARA_PREV, NULL },
	{ VK_ENTER, ACT_FOLLOW, "Back to reading, at this paragraph" },
	{ 'I', ACT_RECORD, NULL },
	{ 'q', ACT_CLOSE, "Close the second copy" }, { VK_ESC, ACT_CLOSE, NULL },
	{ 'W', ACT_CLOSE, NULL },
	{ 0, ACT_NONE, NULL }
};

static const struct hint with_hint[] = {
	{ "scroll", { ACT_LINE_DOWN, ACT_LINE_UP, ACT_PAGE_DOWN, ACT_NONE } },
	{ "pair", { ACT_PARA_NEXT, ACT_PARA_PREV, ACT_NONE } },
	{ "read here", { ACT_FOLLOW, ACT_NONE } },
	{ "close", { ACT_CLOSE, ACT_NONE } },
	{ NULL, { ACT_NONE } }
};

static int with_action(struct view *v, enum action a)
{
	struct vwith *w = v->with;
	if (!w)
		return 0;
	int page = vwith_height(v) > 2 ? vwith_height(v) - 1 : 1;
	switch (a) {
	case ACT_LINE_DOWN: vwith_scroll(v, 1); break;
	case ACT_LINE_UP: vwith_scroll(v, -1); break;
	case ACT_PAGE_DOWN: vwith_scroll(v, page); break;
	case ACT_PAGE_UP: vwith_scroll(v, -page); break;
	case ACT_HALF_DOWN: vwith_scroll(v, page / 2 > 0 ? page / 2 : 1); break;
	case ACT_HALF_UP: vwith_scroll(v, -(page / 2 > 0 ? page / 2 : 1)); break;
	case ACT_FIRST: vwith_goto(v, 0); break;
	case ACT_LAST: vwith_goto(v, w->al.nrows ? w->al.nrows - 1 : 0); break;
	case ACT_PARA_NEXT: vwith_move(v, 1); break;
	case ACT_PARA_PREV: vwith_move(v, -1); break;
	case ACT_FOLLOW: {
		/* reading resumes on this paragraph (the nearest the view's copy has) */
		int para = -1;
		for (size_t r = w->cur; para < 0 && r < w->al.nrows; r++)
			para = w->al.rows[r].a;
		view_pop(v);
		if (para >= 0)
			view_goto_para(v, para);
		break;
	}
	case ACT_RECORD:
		view_record(v);
		break;
	case ACT_CLOSE:
		view_pop(v);
		break;
	default:
		return 0;
	}
	return 1;
}

/* The row and line under screen row y, or -1. */
static long row_at(const struct view *v, int y)
{
	const struct vwith *w = v->with;
	size_t r = w->top;
	int line = w->top_line;
	for (int row = 1; row <= vwith_height(v) && r < w->al.nrows; row++) {
		if (row == y)
			return (long)r;
		const struct vwith_row *wr = vwith_row(v, r);
		if (++line >= (wr ? wr->height : 1)) {
			r++;
			line = 0;
		}
	}
	return -1;
}

static void with_click(struct view *v, int y, int x)
{
	(void)x;
	long r = v->with ? row_at(v, y) : -1;
	if (r >= 0)
		vwith_goto(v, (size_t)r);
}

/* One side's line `line` of row r at column x0: the bar along the current row, the label and
 * the notes mark on the first line, then the text, then the notes under it. */
static void draw_side(const struct view *v, struct canvas *c, int y, int x0, const struct vwith_row *wr,
                      int side, int para, int line, int is_cur)
{
	const struct vwith *w = v->with;
	int colw = w->colw, g = w->gutter;
	const struct dpara *d = wr->d[side];
	int nl = d ? (d->nlines > 0 ? d->nlines : 1) : 1;
	if (is_cur && line < nl)
		draw_str(c, y, x0, 1, v->utf8 ? (line == 0 ? "\u25b6" : "\u258c") : (line == 0 ? ">" : "|"),
		         STYLE(STYLE_CUR_BAR, 0));
	if (!d) {
		if (line == 0)
			draw_str(c, y, x0 + g, colw - g, "(not in this copy)", STYLE(STYLE_DIM, 0));
		else if (line - 1 < (int)wr->nnotes[side])
			goto note;
		return;
	}
	if (line < nl) {
		if (line == 0 && d->gutter[0]) {
			char lab[40];
			int gw = g - 3, gx = x0 + 1;
			if (d->indent > 0) {
				gw = g - 1 + d->indent - 1;
				int lw = clip_text(d->gutter, strlen(d->gutter), gw, v->utf8, 0, lab, sizeof lab);
				gx = x0 + g + d->indent - 1 - lw;
				gw = lw;
			} else
				clip_text(d->gutter, strlen(d->gutter), gw, v->utf8, 0, lab, sizeof lab);
			draw_str(c, y, gx, gw, lab, STYLE(is_cur ? STYLE_GUTTER_CUR : STYLE_GUTTER, 0));
		}
		if (line == 0 && para >= 0) {
			char mark[8] = "";
			int color = -1;
			if (side == 0 && v->notes)
				vnotes_gutter(v->notes, v, para, mark, &color);
			else if (side == 1 && w->set_open && annot_para(&w->set, para)->n)
				snprintf(mark, sizeof mark, "%s", v->utf8 ? "\u270e" : "*");
			if (mark[0])
				draw_str(c, y, x0 + g - 2, 1, mark, STYLE(color >= 0 ? style_of_color(color)
				                                                     : STYLE_DIM, 0));
		}
		int tw = colw - g - d->indent;
		if (tw > 0 && d->nlines > 0)
			draw_dpara_line(c, y, x0 + g + d->indent, tw, d, line, -1, 0, 0);
		return;
	}
	line -= nl;
	if (line >= (int)wr->nnotes[side])
		return;
	line++;
note:;
	char buf[1300];
	const char *n = wr->notes[side][line - 1];
	clip_text(n, strlen(n), colw - g - (d ? d->indent : 0), v->utf8, 1, buf, sizeof buf);
	draw_str(c, y, x0 + g + (d ? d->indent : 0), colw - g, buf, STYLE(STYLE_DIM, 0));
}

static void with_draw(const struct view *v, struct canvas *c)
{
	const struct vwith *w = v->with;
	if (!w) {
		draw_reading(v, c);
		return;
	}
	int cols = v->geom.cols, colw = w->colw, x1 = colw + 1;
	unsigned ta = STYLE(STYLE_TITLE_FOCUS, 0);
	draw_fill(c, 0, 0, cols, ta);
	for (int s = 0; s < 2; s++) {
		const struct resolution *r = s ? w->res : v->res;
		char t[600];
		snprintf(t, sizeof t, " %s  %s%s%s", w->tag[s], r->meta.symbol ? r->meta.symbol : "",
		         r->meta.symbol && r->meta.title ? " \u00b7 " : "", r->meta.title ? r->meta.title : "");
		char safe[700];
		clip_text(t, strlen(t), (s ? cols - x1 : colw) - 1, v->utf8, 1, safe, sizeof safe);
		draw_str(c, 0, s ? x1 : 0, s ? cols - x1 : colw, safe, ta);
	}
	size_t r = w->top;
	int line = w->top_line;
	for (int y = 1; y <= vwith_height(v); y++) {
		draw_str(c, y, colw, 1, v->utf8 ? "\u2502" : "|", STYLE(STYLE_RULE, 0));
		if (r >= w->al.nrows)
			continue;
		const struct vwith_row *wr = vwith_row(v, r);
		if (!wr)
			break;
		const struct align_row *ar = &w->al.rows[r];
		int is_cur = r == w->cur;
		if (line < wr->height - 1) {
			draw_side(v, c, y, 0, wr, 0, ar->a, line, is_cur);
			draw_side(v, c, y, x1, wr, 1, ar->b, line, is_cur);
		}
		if (++line >= wr->height) {
			r++;
			line = 0;
		}
	}
	draw_status(v, c);
}

static void with_resize(struct view *v)
{
	if (!v->with)
		return;
	size_t cur = v->with->cur;
	vwith_layout(v, v->geom.cols);
	vwith_goto(v, cur);
}

const struct mode_ops mode_with_ops = {
	.name = "with",
	.title = "Two copies side by side",
	.about = "The second copy (another language or shape) beside the first, paired by "
	         "paragraph and scrolled together; notes of either show under both.",
	.flags = MODE_GENERIC,
	.keys = with_keys,
	.hint = with_hint,
	.action = with_action,
	.click = with_click,
	.draw = with_draw,
	.resize = with_resize,
	.leave = vwith_close,
};
