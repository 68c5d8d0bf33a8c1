/* mode-list.c: a list to choose from (the outline, "cited in", the resolutions of a file);
 * Enter goes there, into the history. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "view/draw.h"
#include "view/view.h"
#include "view/vlist.h"

static const struct binding list_keys[] = {
	{ VK_ENTER, ACT_FOLLOW, "Go to the chosen paragraph or resolution" },
	{ ']', ACT_LINE_DOWN, "Next item" }, { '}', ACT_LINE_DOWN, NULL },
	{ 'J', ACT_LINE_DOWN, NULL },
	{ '[', ACT_LINE_UP, "Previous item" }, { '{', ACT_LINE_UP, NULL }, { 'K', ACT_LINE_UP, NULL },
	{ 'q', ACT_CLOSE, "Close the list" }, { VK_ESC, ACT_CLOSE, NULL }, { 'o', ACT_CLOSE, NULL },
	{ VK_BACKSPACE, ACT_CLOSE, NULL },
	{ 0, ACT_NONE, NULL }
};

static void choose(struct view *v)
{
	struct vlist *l = &v->list;
	int item = vlist_para(v, l->cur);
	int docs = l->docs;
	view_pop(v);
	if (docs && item != v->doc) {
		view_push_history(v);
		if (view_set_doc(v, item) < 0)
			view_message(v, 1, "out of memory");
	} else if (!docs && item >= 0) {
		view_goto_para(v, item);
	}
}

static int list_action(struct view *v, enum action a)
{
	struct vlist *l = &v->list;
	size_t page = l->height > 1 ? (size_t)l->height - 1 : 1;
	if (l->n == 0) {
		view_pop(v);
		return 1;
	}
	switch (a) {
	case ACT_LINE_DOWN:
		if (l->cur + 1 < l->n)
			l->cur++;
		break;
	case ACT_LINE_UP:
		if (l->cur > 0)
			l->cur--;
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		l->cur = l->cur + page < l->n ? l->cur + page : l->n - 1;
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		l->cur = l->cur > page ? l->cur - page : 0;
		break;
	case ACT_FIRST:
		l->cur = 0;
		break;
	case ACT_LAST:
		l->cur = l->n - 1;
		break;
	case ACT_FOLLOW:
		choose(v);
		return 1;
	case ACT_CLOSE:
		view_pop(v);
		return 1;
	default:
		return 0;
	}
	vlist_keep_visible(l);
	return 1;
}

/* A click chooses the item under it. */
static void list_click(struct view *v, int y, int x)
{
	(void)x;
	if (y < 1 || y >= v->geom.rows - 1)
		return;
	size_t i = v->list.top + (size_t)(y - 1);
	if (i < v->list.n) {
		v->list.cur = i;
		choose(v);
	}
}

static void list_draw(const struct view *v, struct canvas *c)
{
	int rows = v->geom.rows, cols = v->geom.cols;
	char title[400], go[16], q[16];
	snprintf(title, sizeof title, "%s (%s %s, %s closes)", v->list.title,
	         view_key_for(v, MODE_LIST, ACT_FOLLOW, "Enter", go, sizeof go),
	         v->list.docs ? "opens" : "goes there",
	         view_key_for(v, MODE_LIST, ACT_CLOSE, "Esc", q, sizeof q));
	draw_title_line(v, c, title);
	for (int row = 1; row < rows - 1; row++) {
		size_t i = v->list.top + (size_t)(row - 1);
		if (i >= v->list.n)
			break;
		char line[1024];
		view_list_line(v, i, cols - 2, line, sizeof line);
		unsigned st = STYLE(i == v->list.cur ? STYLE_LIST_SEL : STYLE_TEXT, 0);
		if (i == v->list.cur)
			draw_fill(c, row, 0, cols, st);
		draw_text(c, row, 1, cols - 2, line, 0, strlen(line), NULL, NULL, st);
	}
	draw_status(v, c);
}

static void list_resize(struct view *v)
{
	vlist_keep_visible(&v->list);
}

const struct mode_ops mode_list_ops = {
	.name = "list",
	.title = "Lists: the outline, cited in, the resolutions of a file",
	.flags = MODE_GENERIC,
	.keys = list_keys,
	.action = list_action,
	.click = list_click,
	.draw = list_draw,
	.resize = list_resize,
	.leave = vlist_close,
};
