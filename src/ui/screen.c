/* screen.c: the canvas the view draws on (view/draw.h), put into curses' buffer; the whole
 * screen then reaches the terminal in one doupdate(). */
#include "config.h"

#include <stdint.h>

#include "text/utf8.h"
#include "ui/ui.h"

/* Adds n bytes of UTF-8 text (no controls: the view saw to it) at (y, x). As wide characters:
 * curses then takes each as it is, where a multibyte string goes through its byte-by-byte
 * decoder. */
static void put(struct canvas *c, int y, int x, const char *s, size_t n, unsigned style)
{
	(void)c;
	wchar_t w[256];
	size_t k = 0;
	attrset(style_attr(style));
	move(y, x);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			cp = b;
			i++;
		} else {
			i += utf8_decode(s + i, n - i, &cp);
		}
		w[k++] = (wchar_t)cp;
		if (k == sizeof w / sizeof *w) {
			addnwstr(w, (int)k);
			k = 0;
		}
	}
	if (k)
		addnwstr(w, (int)k);
	attrset(A_NORMAL);
}

static void fill(struct canvas *c, int y, int x, int n, unsigned style)
{
	(void)c;
	attrset(style_attr(style));
	mvhline(y, x, ' ', n);
	attrset(A_NORMAL);
}

struct cursor {
	int y, x, shown;
};

static void cursor(struct canvas *c, int y, int x)
{
	struct cursor *cur = c->ctx;
	cur->y = y;
	cur->x = x;
	cur->shown = 1;
}

void screen_draw(const struct view *v)
{
	struct cursor cur = { 0, 0, 0 };
	struct canvas c = { v->geom.cols, v->geom.rows, put, fill, cursor, &cur };
	erase();
	view_draw(v, &c);
	if (cur.shown)
		move(cur.y, cur.x);
	curs_set(cur.shown);
	wnoutrefresh(stdscr);
	doupdate();
}
