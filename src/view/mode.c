/* mode.c: the mode table, the stack of open modes, and the one place input is dispatched and
 * the screen is drawn from. */
#include "config.h"

#include <string.h>

#include "view/draw.h"
#include "view/keymap.h"
#include "view/mode.h"
#include "view/view.h"

const struct mode_ops *const mode_table[MODE_COUNT] = {
#define X(id, file) [MODE_##id] = &mode_##file##_ops,
	VIEW_MODES(X)
#undef X
};

int mode_find(const char *name)
{
	for (int m = 0; m < MODE_COUNT; m++)
		if (strcmp(mode_table[m]->name, name) == 0)
			return m;
	return -1;
}

/* --- The stack --- */

enum view_mode view_top(const struct view *v)
{
	return v->nmodes > 0 ? v->modes[v->nmodes - 1] : MODE_READ;
}

int view_in(const struct view *v, enum view_mode m)
{
	for (int i = 0; i < v->nmodes; i++)
		if (v->modes[i] == m)
			return 1;
	return m == MODE_READ;
}

void view_push(struct view *v, enum view_mode m)
{
	if (v->nmodes == 0)
		v->modes[v->nmodes++] = MODE_READ;
	if (m == MODE_READ)
		return;
	if (v->nmodes == MODE_STACK_MAX) {
		/* Never happens in use (the deepest is reading, pane, prompt, question); keep the
		 * newest rather than refuse. */
		enum view_mode gone = v->modes[1];
		memmove(&v->modes[1], &v->modes[2], (MODE_STACK_MAX - 2) * sizeof *v->modes);
		v->nmodes--;
		if (mode_table[gone]->leave && !view_in(v, gone))
			mode_table[gone]->leave(v);
	}
	v->modes[v->nmodes++] = m;
}

void view_pop(struct view *v)
{
	if (v->nmodes <= 1)
		return;
	enum view_mode m = v->modes[--v->nmodes];
	/* A mode can be open twice (a line over a line): let go only when it is gone. */
	if (mode_table[m]->leave && !view_in(v, m))
		mode_table[m]->leave(v);
}

void view_reset(struct view *v)
{
	while (v->nmodes > 1)
		view_pop(v);
}

void view_pop_key(struct view *v, int key)
{
	(void)key;
	view_pop(v);
}

/* --- Input --- */

/* What the key did not do: say so, with the key that lists the keys. */
static void not_here(struct view *v, int key)
{
	char name[16], help[16];
	view_key_for(v, view_top(v), ACT_HELP, "?", help, sizeof help);
	view_message(v, 1, "%s does nothing here (%s lists the keys)", keys_name(key, name, sizeof name),
	             help);
}

int view_action(struct view *v, enum action a)
{
	enum view_mode top = view_top(v);
	if (a == ACT_NONE)
		return 0;
	if (mode_table[top]->action(v, a))
		return 1;
	/* Help and redraw mean the same everywhere. */
	if (a == ACT_HELP && top != MODE_HELP) {
		view_help(v);
		return 1;
	}
	if (a == ACT_REDRAW) {
		v->redraw = 1;
		return 1;
	}
	return 0;
}

/* After input in reading, the footnotes pane catches up with what is on screen. */
static void after_input(struct view *v)
{
	if (view_top(v) == MODE_READ)
		view_follow_footnotes(v);
}

void view_key(struct view *v, int key)
{
	if (key == VK_RESIZE || key == VK_MOUSE || key <= 0)
		return;
	enum view_mode top = view_top(v);
	const struct mode_ops *ops = mode_table[top];
	if (!(ops->flags & MODE_KEEPS_MESSAGE))
		v->msg[0] = '\0';
	enum action a = keymap_lookup(&v->keys, top, key);
	if (a != ACT_NONE) {
		if (!view_action(v, a))
			not_here(v, key);
	} else if (ops->key) {
		ops->key(v, key);
	} else {
		not_here(v, key);
	}
	after_input(v);
}

void view_click(struct view *v, int y, int x)
{
	enum view_mode top = view_top(v);
	const struct mode_ops *ops = mode_table[top];
	if (ops->click)
		ops->click(v, y, x);
	else if (ops->flags & MODE_OVERLAY)
		view_action(v, ACT_CLOSE);
	after_input(v);
}

void view_wheel(struct view *v, int y, int x, int delta)
{
	enum view_mode top = view_top(v);
	const struct mode_ops *ops = mode_table[top];
	if (ops->wheel) {
		ops->wheel(v, y, x, delta);
	} else {
		for (int i = 0; i < (delta > 0 ? delta : -delta); i++)
			ops->action(v, delta > 0 ? ACT_LINE_DOWN : ACT_LINE_UP);
	}
	after_input(v);
}

void view_interrupt(struct view *v)
{
	if (view_top(v) != MODE_READ) {
		view_action(v, ACT_CLOSE);
		return;
	}
	char q[16];
	view_message(v, 0, "type %s to quit", view_key_for(v, MODE_READ, ACT_QUIT, ":q", q, sizeof q));
}

const char *view_key_for(const struct view *v, enum view_mode m, enum action a,
                         const char *fallback, char *buf, size_t size)
{
	keymap_key(&v->keys, (int)m, a, buf, size);
	if (!buf[0])
		snprintf(buf, size, "%s", fallback);
	return buf;
}

/* --- Output --- */

void view_draw(const struct view *v, struct canvas *c)
{
	if (v->geom.mode == GEOM_TOO_SMALL) {
		draw_too_small(v, c);
		return;
	}
	int base = v->nmodes - 1;
	while (base > 0 && (mode_table[v->modes[base]]->flags & MODE_OVERLAY))
		base--;
	if (v->nmodes == 0) {
		mode_table[MODE_READ]->draw(v, c);
		return;
	}
	for (int i = base < 0 ? 0 : base; i < v->nmodes; i++)
		if (mode_table[v->modes[i]]->draw)
			mode_table[v->modes[i]]->draw(v, c);
}

const char *view_hint(const struct view *v, char *buf, size_t size)
{
	enum view_mode top = view_top(v);
	if (!mode_table[top]->hint)
		return NULL;
	keymap_hint(&v->keys, (int)top, mode_table[top]->hint, buf, size);
	return buf[0] ? buf : NULL;
}
