/* mode-versions.c: a popup over the redline with both versions of a paragraph, the old text
 * with its deleted words marked and the new with its inserted ones; it scrolls when long, and
 * any other key closes it. */
#include "config.h"

#include "view/draw.h"
#include "view/view.h"
#include "view/vredline.h"

static const struct binding versions_keys[] = {
	{ VK_ESC, ACT_CLOSE, "Close (so does any other key)" }, { 'q', ACT_CLOSE, NULL },
	{ VK_ENTER, ACT_CLOSE, NULL },
	{ 0, ACT_NONE, NULL }
};

/* Rows for text inside the box. */
static int inner_rows(const struct view *v)
{
	const struct dpara *d = v->redline->both;
	int h = (d ? d->nlines : 0) + 2;
	if (h > v->geom.rows - 2)
		h = v->geom.rows - 2;
	return h - 2;
}

static void scroll(struct view *v, int delta)
{
	struct vredline *r = v->redline;
	int rows = inner_rows(v), n = r->both ? r->both->nlines : 0;
	r->both_top += delta;
	if (r->both_top > n - rows)
		r->both_top = n - rows;
	if (r->both_top < 0)
		r->both_top = 0;
}

static int versions_action(struct view *v, enum action a)
{
	int rows = inner_rows(v);
	switch (a) {
	case ACT_LINE_DOWN:
		scroll(v, 1);
		return 1;
	case ACT_LINE_UP:
		scroll(v, -1);
		return 1;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		scroll(v, rows > 1 ? rows - 1 : 1);
		return 1;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		scroll(v, -(rows > 1 ? rows - 1 : 1));
		return 1;
	case ACT_FIRST:
		scroll(v, -(1 << 20));
		return 1;
	case ACT_LAST:
		scroll(v, 1 << 20);
		return 1;
	case ACT_CLOSE:
		view_pop(v);
		return 1;
	default:
		return 0;
	}
}

static void versions_draw(const struct view *v, struct canvas *c)
{
	const struct vredline *r = v->redline;
	const struct dpara *d = r->both;
	if (!d)
		return;
	int w = r->both_w, rows = v->geom.rows, cols = v->geom.cols;
	if (w > cols)
		w = cols;
	int h = inner_rows(v) + 2;
	if (h < 3 || w < 4)
		return;
	int y0 = (rows - 1 - h) / 2, x0 = (cols - w) / 2;
	draw_box(c, v->utf8, y0, x0, h, w, r->both_title);
	for (int i = 0; i < h - 2 && r->both_top + i < d->nlines; i++)
		draw_dpara_line(c, y0 + 1 + i, x0 + 1, w - 2, d, r->both_top + i, -1, 0, 0);
}

static void versions_resize(struct view *v)
{
	if (vredline_versions_build(v) < 0)
		view_pop(v);
}

static void versions_leave(struct view *v)
{
	if (!v->redline)
		return;
	dpara_free(v->redline->both);
	v->redline->both = NULL;
}

const struct mode_ops mode_versions_ops = {
	.name = "versions",
	.title = "Both versions of a paragraph (Enter in the redline)",
	.flags = MODE_OVERLAY | MODE_GENERIC,
	.keys = versions_keys,
	.action = versions_action,
	.key = view_pop_key,
	.draw = versions_draw,
	.resize = versions_resize,
	.leave = versions_leave,
};
