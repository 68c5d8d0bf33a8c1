/* pane.h: scrolling and the current paragraph of one pane, laying out only what is visible. */
#ifndef GAVEL_VIEW_PANE_H
#define GAVEL_VIEW_PANE_H

#include "view/view.h"

/* The layout of the paragraph at position pos of a pane, at the pane's width (cached; valid
 * until the next pane_dpara call), or NULL when out of memory. A const view fills its cache
 * (v->cache points to it): a layout is a memo of the model, so drawing may ask for one. */
struct dpara *pane_dpara(const struct view *, int pane, size_t pos);

/* Lines of the paragraph at pos (1 when it cannot be laid out). */
int pane_nlines(const struct view *, int pane, size_t pos);

/* Moves (pos, line) by delta lines within a pane, stopping at either end. Returns the lines
 * actually moved (negative when moving up). */
int pane_advance(const struct view *, int pane, size_t *pos, int *line, int delta);

/* Scrolls by delta lines (clamped so the last line stays at the bottom), then keeps the
 * current paragraph on screen. */
void pane_scroll(struct view *, int pane, int delta);

/* Makes the current paragraph the one at pos and shows line `line` of it: a paragraph
 * already in view stays put, others come to the top (as far as the end allows). */
void pane_show(struct view *, int pane, size_t pos, int line);

/* Like pane_show but moving as little as possible (next/previous paragraph). */
void pane_reveal(struct view *, int pane, size_t pos);

/* Row (0-based, below the title) where (pos, line) is shown, or -1 when off screen. */
int pane_row_of(const struct view *, int pane, size_t pos, int line);

/* Keeps the scroll position inside the pane's content (after a resize). */
void pane_clamp(struct view *, int pane);

#endif
