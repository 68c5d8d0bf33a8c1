/* mode-redline.c: the redline screen (`:diff OLD`): the reading panes' layout filled with the
 * comparison's entries, the words deleted and inserted marked (or the old and new texts side
 * by side); n and N step through the changes, Enter shows both versions of a paragraph, q goes
 * back to reading. The state and the moving are in vredline.c. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "diff/out.h"
#include "view/clip.h"
#include "view/draw.h"
#include "view/view.h"
#include "view/vredline.h"

static const struct binding redline_keys[] = {
	{ 'n', ACT_CHANGE_NEXT, NULL }, { 'N', ACT_CHANGE_PREV, NULL },
	{ ']', ACT_PARA_NEXT, NULL }, { '}', ACT_PARA_NEXT, NULL }, { 'J', ACT_PARA_NEXT, NULL },
	{ '[', ACT_PARA_PREV, NULL }, { '{', ACT_PARA_PREV, NULL }, { 'K', ACT_PARA_PREV, NULL },
	{ VK_TAB, ACT_PANE_NEXT, NULL }, { VK_RIGHT, ACT_PANE_NEXT, NULL }, { 'l', ACT_PANE_NEXT, NULL },
	{ VK_BTAB, ACT_PANE_PREV, NULL }, { VK_LEFT, ACT_PANE_PREV, NULL }, { 'h', ACT_PANE_PREV, NULL },
	{ '1', ACT_PANE_1, NULL }, { '2', ACT_PANE_2, NULL }, { '3', ACT_PANE_3, NULL },
	{ 'z', ACT_ZOOM, NULL },
	{ 's', ACT_SIDE_BY_SIDE, NULL }, { VK_ENTER, ACT_VERSIONS, NULL },
	{ 'q', ACT_CLOSE, "Close the redline, back to reading" },
	{ VK_ESC, ACT_CLOSE, "Close the redline, back to reading" },
	{ 0, ACT_NONE, NULL }
};

static const struct hint redline_hint[] = {
	{ "changes", { ACT_CHANGE_NEXT, ACT_CHANGE_PREV, ACT_NONE } },
	{ "side by side", { ACT_SIDE_BY_SIDE, ACT_NONE } },
	{ "both versions", { ACT_VERSIONS, ACT_NONE } },
	{ "panes", { ACT_PANE_NEXT, ACT_NONE } },
	{ "back", { ACT_CLOSE, ACT_NONE } },
	{ NULL, { ACT_NONE } }
};

static void focus_step(struct view *v, int dir)
{
	struct vredline *r = v->redline;
	for (int k = 1; k <= RPANES; k++) {
		int pi = (r->focus + dir * k + RPANES * 2) % RPANES;
		if (r->pane[pi].n > 0) {
			vredline_show(v, pi, r->pane[pi].cur);
			return;
		}
	}
}

static void focus_pane(struct view *v, int pi)
{
	struct vredline *r = v->redline;
	if (r->pane[pi].n == 0)
		view_message(v, 1, "no %s in either text", r->pane[pi].name);
	else
		vredline_show(v, pi, r->pane[pi].cur);
}

static int redline_action(struct view *v, enum action a)
{
	struct vredline *r = v->redline;
	struct rpane *p = &r->pane[r->focus];
	int page = p->height > 1 ? p->height - 1 : 1;
	switch (a) {
	case ACT_LINE_DOWN:
		vredline_scroll(v, 1);
		return 1;
	case ACT_LINE_UP:
		vredline_scroll(v, -1);
		return 1;
	case ACT_PAGE_DOWN:
		vredline_scroll(v, page);
		return 1;
	case ACT_PAGE_UP:
		vredline_scroll(v, -page);
		return 1;
	case ACT_HALF_DOWN:
		vredline_scroll(v, (p->height + 1) / 2);
		return 1;
	case ACT_HALF_UP:
		vredline_scroll(v, -(p->height + 1) / 2);
		return 1;
	case ACT_FIRST:
		if (p->n)
			vredline_show(v, r->focus, 0);
		return 1;
	case ACT_LAST:
		if (p->n) {
			vredline_show(v, r->focus, p->n - 1);
			vredline_scroll(v, 1 << 20);
			p->cur = p->n - 1;
		}
		return 1;
	case ACT_PARA_NEXT:
		if (p->n && p->cur + 1 < p->n)
			vredline_show(v, r->focus, p->cur + 1);
		else
			view_message(v, 1, "last paragraph of the %s", p->name);
		return 1;
	case ACT_PARA_PREV:
		if (p->n && p->cur > 0)
			vredline_show(v, r->focus, p->cur - 1);
		else
			view_message(v, 1, "first paragraph of the %s", p->name);
		return 1;
	case ACT_CHANGE_NEXT:
		vredline_step_change(v, 1);
		return 1;
	case ACT_CHANGE_PREV:
		vredline_step_change(v, -1);
		return 1;
	case ACT_PANE_NEXT:
		focus_step(v, 1);
		return 1;
	case ACT_PANE_PREV:
		focus_step(v, -1);
		return 1;
	case ACT_PANE_1:
		focus_pane(v, RPANE_PREAMBLE);
		return 1;
	case ACT_PANE_2:
		focus_pane(v, RPANE_OPERATIVE);
		return 1;
	case ACT_PANE_3:
		focus_pane(v, RPANE_FOOTNOTES);
		return 1;
	case ACT_ZOOM:
		r->zoomed = !r->zoomed;
		vredline_resize(v);
		return 1;
	case ACT_SIDE_BY_SIDE:
		/* Two texts need the width: side by side zooms the pane, and gives it back. */
		r->side = !r->side;
		if (r->side)
			r->zoomed_before = r->zoomed, r->zoomed = 1;
		else
			r->zoomed = r->zoomed_before;
		r->gen++;
		for (int i = 0; i < RPANES; i++) {
			r->pane[i].top = r->pane[i].cur;
			r->pane[i].top_line = 0;
		}
		vredline_resize(v);
		view_message(v, 0, r->side ? "side by side: the old text left, the new right"
		                           : "one text, the words deleted and inserted marked");
		return 1;
	case ACT_VERSIONS:
		if (vredline_current(v) < 0)
			return 1;
		if (vredline_versions_build(v) < 0) {
			view_message(v, 1, "out of memory");
			return 1;
		}
		view_push(v, MODE_VERSIONS);
		return 1;
	case ACT_CLOSE:
		view_pop(v);
		return 1;
	default:
		return 0;
	}
}

static unsigned label_style(const struct rl_entry *e, int cur, int focused)
{
	if (cur && focused)
		return STYLE(STYLE_GUTTER_CUR, 0);
	if (e->status == RL_NEW)
		return STYLE(STYLE_INSERTED, 0);
	if (e->status == RL_DELETED)
		return STYLE(STYLE_DELETED, 0);
	return STYLE(STYLE_GUTTER, 0);
}

static void draw_rpane(const struct view *v, struct canvas *c, int pi)
{
	const struct vredline *r = v->redline;
	const struct rpane *p = &r->pane[pi];
	const struct rect *rc = &r->geom.pane[pi];
	int focused = pi == r->focus;
	char title[300];
	snprintf(title, sizeof title, " Redline %s %s%s%s %s %zu change%s%s", v->utf8 ? "\u00b7" : "-",
	         p->name, r->side ? (v->utf8 ? " \u00b7 old | new" : " - old | new") : "",
	         "", v->utf8 ? "\u00b7" : "-", p->nchanges, p->nchanges == 1 ? "" : "s",
	         r->zoomed ? " (z)" : "");
	unsigned ta = STYLE(focused ? STYLE_TITLE_FOCUS : STYLE_TITLE, 0);
	draw_fill(c, rc->y, rc->x, rc->w, ta);
	draw_str(c, rc->y, rc->x, rc->w, title, ta);
	if (p->n == 0)
		return;
	size_t pos = p->top;
	int line = p->top_line;
	int hw = (p->width - p->gutter - 1) / 2;
	for (int row = 0; row < p->height && row + 1 < rc->h; row++) {
		int y = rc->y + 1 + row;
		const struct dpara *d = vredline_layout(v, pi, pos, 0);
		if (!d)
			break;
		const struct rl_entry *e = &r->rl->e[p->entries[pos]];
		int is_cur = pos == p->cur;
		if (is_cur)
			draw_str(c, y, rc->x, 1,
			         v->utf8 ? (line == 0 ? "\u25b6" : "\u258c") : (line == 0 ? ">" : "|"),
			         STYLE(focused ? STYLE_CUR_BAR : STYLE_DIM, 0));
		if (line == 0 && d->gutter[0] && p->gutter > 3) {
			char g[40];
			int gw = p->gutter - 2;
			int gx = rc->x + 1;
			if (d->indent > 0) {
				gw = p->gutter - 1 + d->indent - 1;
				int lw = clip_text(d->gutter, strlen(d->gutter), gw, v->utf8, 0, g, sizeof g);
				gx = rc->x + p->gutter + d->indent - 1 - lw;
				gw = lw;
			} else {
				clip_text(d->gutter, strlen(d->gutter), gw, v->utf8, 0, g, sizeof g);
			}
			draw_str(c, y, gx, gw, g, label_style(e, is_cur, focused));
		}
		if (!r->side) {
			int tw = rc->w - p->gutter - d->indent;
			if (tw > 0 && line < d->nlines)
				draw_dpara_line(c, y, rc->x + p->gutter + d->indent, tw, d, line, -1, 0, 0);
		} else if (hw > 0) {
			int x0 = rc->x + p->gutter;
			if (line < d->nlines)
				draw_dpara_line(c, y, x0, hw, d, line, -1, 0, 0);
			draw_str(c, y, x0 + hw, 1, v->utf8 ? "\u2502" : "|", STYLE(STYLE_RULE, 0));
			/* the layout of the other side may reuse the first's slot: take it now */
			const struct dpara *n = vredline_layout(v, pi, pos, 1);
			if (n && line < n->nlines)
				draw_dpara_line(c, y, x0 + hw + 1, rc->w - p->gutter - hw - 1, n, line, -1, 0, 0);
		}
		if (vredline_advance(v, pi, &pos, &line, 1) == 0)
			break;
	}
}

static void redline_draw(const struct view *v, struct canvas *c)
{
	const struct vredline *r = v->redline;
	if (r->geom.mode == GEOM_TOO_SMALL) {
		draw_too_small(v, c);
		return;
	}
	for (int i = 0; i < RPANES; i++) {
		if (r->geom.pane[i].h <= 0)
			continue;
		if (r->geom.rule[i] >= 0)
			for (int y = 0; y < r->geom.rows - 1; y++)
				draw_str(c, y, r->geom.rule[i], 1, v->utf8 ? "\u2502" : "|",
				         STYLE(STYLE_RULE, 0));
		draw_rpane(v, c, i);
	}
	draw_status(v, c);
}

/* A click focuses a pane and makes the entry under it current. */
static void redline_click(struct view *v, int y, int x)
{
	struct vredline *r = v->redline;
	int pi = geom_pane_at(&r->geom, y, x);
	if (pi < 0 || r->pane[pi].n == 0)
		return;
	struct rpane *p = &r->pane[pi];
	int row = y - r->geom.pane[pi].y - 1;
	size_t pos = p->top;
	int line = p->top_line;
	if (row < 0 || vredline_advance(v, pi, &pos, &line, row) != row)
		return;
	r->focus = pi;
	p->cur = pos;
}

static void redline_wheel(struct view *v, int y, int x, int delta)
{
	struct vredline *r = v->redline;
	int pi = geom_pane_at(&r->geom, y, x);
	int keep = r->focus;
	if (pi >= 0)
		r->focus = pi;
	vredline_scroll(v, delta);
	r->focus = keep;
}

static void redline_leave(struct view *v)
{
	vredline_free(v->redline);
	v->redline = NULL;
}

const struct mode_ops mode_redline_ops = {
	.name = "redline",
	.title = "The redline (:diff OLD)",
	.about = "The document compared with an older text: deleted words struck or dimmed, "
	         "inserted ones underlined or bold, moved and renumbered paragraphs labelled.",
	.flags = MODE_GENERIC,
	.keys = redline_keys,
	.hint = redline_hint,
	.action = redline_action,
	.click = redline_click,
	.wheel = redline_wheel,
	.draw = redline_draw,
	.resize = vredline_resize,
	.leave = redline_leave,
};
