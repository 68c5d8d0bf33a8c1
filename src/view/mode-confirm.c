/* mode-confirm.c: a y/n question on the status line (delete a note, replace a file). Only a
 * yes does it; every other key says no. */
#include "config.h"

#include <stdio.h>

#include "view/draw.h"
#include "view/view.h"

static const struct binding confirm_keys[] = {
	{ 'y', ACT_YES, NULL }, { 'Y', ACT_YES, NULL },
	{ 'n', ACT_CLOSE, "No (so does any other key)" }, { 'N', ACT_CLOSE, NULL },
	{ VK_ESC, ACT_CLOSE, NULL }, { 'q', ACT_CLOSE, NULL },
	{ 0, ACT_NONE, NULL }
};

void view_confirm(struct view *v, const char *question, void (*yes)(struct view *),
                  void (*no)(struct view *))
{
	snprintf(v->question, sizeof v->question, "%s", question);
	v->on_yes = yes;
	v->on_no = no;
	if (view_top(v) != MODE_CONFIRM)
		view_push(v, MODE_CONFIRM);
}

/* The question closes first: what the answer does may open another mode. */
static void answer(struct view *v, int yes)
{
	void (*fn)(struct view *) = yes ? v->on_yes : v->on_no;
	v->on_yes = v->on_no = NULL;
	view_pop(v);
	if (fn)
		fn(v);
}

static int confirm_action(struct view *v, enum action a)
{
	if (a != ACT_YES && a != ACT_CLOSE)
		return 0;
	answer(v, a == ACT_YES);
	return 1;
}

static void confirm_key(struct view *v, int key)
{
	(void)key;
	answer(v, 0);
}

static void confirm_draw(const struct view *v, struct canvas *c)
{
	int y = v->geom.rows - 1;
	draw_fill(c, y, 0, v->geom.cols, STYLE(STYLE_ERROR, 0));
	draw_str(c, y, 1, v->geom.cols - 2, v->question, STYLE(STYLE_ERROR, 0));
}

const struct mode_ops mode_confirm_ops = {
	.name = "confirm",
	.title = "A question (y/n)",
	.flags = MODE_OVERLAY,
	.keys = confirm_keys,
	.action = confirm_action,
	.key = confirm_key,
	.draw = confirm_draw,
};
