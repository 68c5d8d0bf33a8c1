/* draw.h: the screen as the view draws it, without a terminal.
 *
 * The view draws onto a canvas: text that is already safe (no control character) and already
 * measured (it fits the columns it is put in), in styles that are meanings (style.h). The
 * curses layer (src/ui/screen.c) is one implementation that puts it on the terminal; the
 * unit tests have another that keeps it in a grid of cells. So what a screen shows is decided
 * here and tested without a terminal, and only src/ui talks to one (as tmux's screen-write).
 *
 * Every draw function takes a const view: drawing reads the view, never changes it (the
 * layout cache it reaches through v->cache is a memo). */
#ifndef GAVEL_VIEW_DRAW_H
#define GAVEL_VIEW_DRAW_H

#include <stddef.h>

#include "view/dpara.h"
#include "view/style.h"

struct view;

struct canvas {
	int cols, rows;
	/* n bytes of safe UTF-8 at (y, x), in style (STYLE(area, attrs)); they fit the row. */
	void (*put)(struct canvas *, int y, int x, const char *s, size_t n, unsigned style);
	/* n blank cells from (y, x) in style. */
	void (*fill)(struct canvas *, int y, int x, int n, unsigned style);
	/* Shows the cursor at (y, x); without a call it stays hidden. */
	void (*cursor)(struct canvas *, int y, int x);
	void *ctx;
};

/* The style of each byte of a text, for draw_text. */
typedef unsigned (*draw_style_fn)(const void *ctx, size_t byte);

/* Bytes [start, end) of text at (y, x), at most `cols` columns: a control character becomes
 * '?', a character that would cross the edge is left out; style_of gives each byte's style
 * (NULL: `fixed` for all), and runs of one style go to the canvas as one piece. Returns the
 * columns used. */
int draw_text(struct canvas *, int y, int x, int cols, const char *text, size_t start,
              size_t end, draw_style_fn style_of, const void *ctx, unsigned fixed);

/* A string (safe already), clipped to cols; right-to-left text (an Arabic title) reordered.
 * Returns the columns used. */
int draw_str(struct canvas *, int y, int x, int cols, const char *s, unsigned style);

void draw_fill(struct canvas *, int y, int x, int cols, unsigned style);

/* A box with a title in its top border: the inside filled with the popup style. */
void draw_box(struct canvas *, int utf8, int y0, int x0, int h, int w, const char *title);

/* One wrapped line of a laid-out paragraph, reordered when it holds right-to-left text (and
 * aligned right in a right-to-left paragraph). sel: the selected link, -1; [cur_s, cur_e):
 * the current match, empty when none. */
void draw_dpara_line(struct canvas *, int y, int x, int cols, const struct dpara *, int line,
                     int sel, size_t cur_s, size_t cur_e);

/* The reading screen: the panes with their titles, gutters and text, the rules between them,
 * and the status line. */
void draw_reading(const struct view *, struct canvas *);

/* The status line: the top mode's hint (or a message over it), else the symbol and title on
 * the left and the message (or "? help") on the right. */
void draw_status(const struct view *, struct canvas *);

/* A full-screen title line (the help's, a list's). */
void draw_title_line(const struct view *, struct canvas *, const char *title);

/* "Terminal too small" and the sizes it needs, wrapped to the screen. */
void draw_too_small(const struct view *, struct canvas *);

#endif
