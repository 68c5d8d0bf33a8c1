/* geom.c: pane rectangles for wide, stacked, zoomed and too-small screens. */
#include "config.h"

#include <string.h>

#include "view/geom.h"

/* Splits `room` into n shares proportional to weights, each at least `min`, summing to room. */
static void split(int room, int n, const int *weights, int min, int *out)
{
	int total = 0, used = 0;
	for (int i = 0; i < n; i++)
		total += weights ? weights[i] : 1;
	for (int i = 0; i < n; i++) {
		int w = weights ? weights[i] : 1;
		out[i] = total > 0 ? room * w / total : room / n;
		if (out[i] < min)
			out[i] = min;
		used += out[i];
	}
	/* Give or take the rounding difference from the largest share. */
	while (used != room) {
		int big = 0;
		for (int i = 1; i < n; i++)
			if (out[i] > out[big])
				big = i;
		if (used < room) {
			out[big]++;
			used++;
		} else if (out[big] > min) {
			out[big]--;
			used--;
		} else {
			break;
		}
	}
}

void geom_compute(struct geom *g, int cols, int rows, int npanes, int zoomed, const int *weights)
{
	memset(g, 0, sizeof *g);
	g->cols = cols;
	g->rows = rows;
	if (npanes < 1)
		npanes = 1;
	if (npanes > GEOM_MAX_PANES)
		npanes = GEOM_MAX_PANES;
	g->npanes = npanes;
	for (int i = 0; i < GEOM_MAX_PANES; i++)
		g->rule[i] = -1;
	g->status_y = rows - 1;
	if (zoomed >= npanes)
		zoomed = -1;

	if (zoomed >= 0) {
		if (cols < GEOM_MIN_ZOOM_COLS || rows < GEOM_MIN_ZOOM_ROWS) {
			g->mode = GEOM_TOO_SMALL;
			return;
		}
		g->mode = GEOM_ZOOMED;
		g->pane[zoomed] = (struct rect){ 0, 0, rows - 1, cols };
		return;
	}
	if (cols < GEOM_MIN_COLS || rows < GEOM_MIN_ROWS) {
		g->mode = GEOM_TOO_SMALL;
		return;
	}
	int share[GEOM_MAX_PANES];
	if (cols >= GEOM_WIDE_COLS) {
		g->mode = GEOM_WIDE;
		/* n - 1 rule columns between the panes. */
		split(cols - (npanes - 1), npanes, weights, 10, share);
		int x = 0;
		for (int i = 0; i < npanes; i++) {
			if (i > 0) {
				g->rule[i] = x;
				x++;
			}
			g->pane[i] = (struct rect){ 0, x, rows - 1, share[i] };
			x += share[i];
		}
	} else {
		g->mode = GEOM_STACKED;
		split(rows - 1, npanes, weights, 2, share);
		int y = 0;
		for (int i = 0; i < npanes; i++) {
			g->pane[i] = (struct rect){ y, 0, share[i], cols };
			y += share[i];
		}
	}
}

int geom_pane_at(const struct geom *g, int y, int x)
{
	for (int i = 0; i < g->npanes; i++) {
		const struct rect *r = &g->pane[i];
		if (r->h > 0 && y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w)
			return i;
	}
	return -1;
}
