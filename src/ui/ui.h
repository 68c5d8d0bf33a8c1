/* ui.h: the curses layer (the only code that includes curses): the terminal's input, the
 * canvas the view draws on, and the styles' colours. None of it holds reader state: the view
 * (src/view) decides what is on screen and what a key does. */
#ifndef GAVEL_UI_UI_H
#define GAVEL_UI_UI_H

#include <curses.h>

#include "view/conf.h"
#include "view/draw.h"
#include "view/view.h"

/* Sets up colours (unless no_color, or the terminal has none) and italics, from the areas'
 * defaults and the user's `color` lines. */
void style_init(int no_color, const struct conf *);
/* The attribute (colour pair included) of a canvas style: STYLE(area, attributes). */
attr_t style_attr(unsigned style);

/* Draws the view into curses' buffer and updates the terminal in one write. */
void screen_draw(const struct view *);

/* One input event, as keyin_read gives it: a key of keys.h, or the mouse. */
enum input_kind { IN_NONE, IN_KEY, IN_CLICK, IN_WHEEL, IN_RESIZE };
struct input {
	enum input_kind kind;
	int key;             /* IN_KEY */
	int y, x;            /* IN_CLICK, IN_WHEEL */
	int delta;           /* IN_WHEEL: lines, + is down */
};

/* Reads one input event (IN_NONE on a timeout or a signal). Changes nothing but *in. */
void keyin_read(struct input *in);
void keyin_init(void);

#endif
