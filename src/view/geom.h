/* geom.h: where the panes go on a screen of a given size (no terminal needed).
 *
 * Wide screens put the panes side by side, narrow ones stack them; a zoomed pane takes the whole
 * screen. The last row is the status line. A screen below the minimum gets GEOM_TOO_SMALL and
 * nothing else is drawn but a message. */
#ifndef GAVEL_VIEW_GEOM_H
#define GAVEL_VIEW_GEOM_H

#define GEOM_MAX_PANES 4        /* preamble, operative, footnotes; room for a notes pane */
#define GEOM_WIDE_COLS 120      /* from this width on, panes sit side by side */
#define GEOM_MIN_COLS 30        /* smallest screen for the three-pane layouts */
#define GEOM_MIN_ROWS 10
#define GEOM_MIN_ZOOM_COLS 20   /* smallest screen for one zoomed pane */
#define GEOM_MIN_ZOOM_ROWS 4

enum geom_mode { GEOM_TOO_SMALL, GEOM_WIDE, GEOM_STACKED, GEOM_ZOOMED };

/* A pane's rectangle: the title line at row y, the text below it, `h` rows in all (title
 * included). A pane that is not shown has w = h = 0. Side-by-side panes are separated by a
 * one-column rule drawn left of every pane but the first (x counts the rule out). */
struct rect {
	int y, x, h, w;
};

struct geom {
	enum geom_mode mode;
	int cols, rows;
	int npanes;
	struct rect pane[GEOM_MAX_PANES];
	int rule[GEOM_MAX_PANES];    /* column of the rule left of pane i, -1 when none */
	int status_y;                /* the status line */
};

/* Computes the layout of npanes panes on cols x rows; zoomed is the pane index shown alone,
 * or -1. weights (may be NULL) give each pane's share of the room. */
void geom_compute(struct geom *, int cols, int rows, int npanes, int zoomed, const int *weights);

/* Which pane holds screen cell (y, x), or -1. */
int geom_pane_at(const struct geom *, int y, int x);

#endif
