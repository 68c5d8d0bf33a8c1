/* style.c: areas (view/style.h) to colours and attributes, from their defaults and the user's
 * `color` lines, with a monochrome fallback (NO_COLOR, a terminal without colours) that keeps
 * every meaning visible through attributes alone. */
#include "config.h"

#include <curses.h>

#include "ui/ui.h"
/* Last: term.h defines macros (lines, columns) that would rename fields of the view's headers. */
#include <term.h>

#ifndef A_ITALIC
#define A_ITALIC A_UNDERLINE
#endif

static attr_t attrs[STYLE_COUNT];
static attr_t italic = A_UNDERLINE;

static attr_t curses_attrs(unsigned a)
{
	attr_t r = A_NORMAL;
	if (a & SA_BOLD)
		r |= A_BOLD;
	if (a & SA_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & SA_REVERSE)
		r |= A_REVERSE;
	if (a & SA_DIM)
		r |= A_DIM;
	if (a & SA_ITALIC)
		r |= italic;
	if (a & SA_STANDOUT)
		r |= A_STANDOUT;
	if (a & SA_BLINK)
		r |= A_BLINK;
	return r;
}

/* A colour the terminal can show: 8..255 only where it has them, else the nearest of the
 * eight (bright red is red). */
static short usable(short c)
{
	if (c < 0 || c < COLORS)
		return c;
	return (short)(c % 8);
}

void style_init(int no_color, const struct conf *conf)
{
	/* Italics where the terminal has them (sitm), else underline as print does. */
	const char *sitm = tigetstr("sitm");
	if (sitm && sitm != (char *)-1)
		italic = A_ITALIC;
	int color = !no_color && has_colors() && start_color() == OK;
	if (color)
		use_default_colors();
	color = color && COLOR_PAIRS > STYLE_COUNT;
	for (int i = 0; i < STYLE_COUNT; i++) {
		const struct style_def *d = &style_defaults[i];
		const struct conf_style *u = conf ? &conf->style[i] : NULL;
		int set = u && u->set;
		if (color) {
			short fg = set ? u->fg : d->fg, bg = set ? u->bg : d->bg;
			init_pair((short)(i + 1), usable(fg), usable(bg));
			attrs[i] = curses_attrs(set && u->has_attrs ? u->attrs : set ? 0 : d->color_attrs) |
			           COLOR_PAIR(i + 1);
		} else {
			/* Without colours the user's attributes still apply. */
			attrs[i] = curses_attrs(set && u->has_attrs ? u->attrs : d->mono_attrs);
		}
	}
}

attr_t style_attr(unsigned style)
{
	enum style_area a = STYLE_AREA(style);
	attr_t base = a < STYLE_COUNT ? attrs[a] : A_NORMAL;
	return base | curses_attrs(STYLE_ATTRS(style));
}
