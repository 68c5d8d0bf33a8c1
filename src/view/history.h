/* history.h: where the reader has been, like a browser's back and forward. */
#ifndef GAVEL_VIEW_HISTORY_H
#define GAVEL_VIEW_HISTORY_H

#include <stddef.h>

#define HISTORY_MAX 256

/* A place: a collection, its document, the focused pane, its current paragraph (an index
 * into resolution.paras) and the pane's scroll position (first visible paragraph and line). */
struct place {
	int col;        /* which collection: 0 the reader's own, others opened from the library */
	int doc;
	int pane;
	int para;
	int top_para;
	int top_line;
};

/* v[0..n) are places; pos is where the current place belongs. Back stores the current place
 * at pos so forward can return to it. */
struct history {
	struct place v[HISTORY_MAX];
	int n, pos;
};

void history_init(struct history *);
/* Before a jump: records `here` and drops the places ahead (as a browser does). */
void history_push(struct history *, const struct place *here);
/* Back: stores `here`, and sets *to to the previous place. Returns 0, or -1 at the start. */
int history_back(struct history *, const struct place *here, struct place *to);
/* Forward: stores `here`, sets *to to the next place. Returns 0, or -1 at the end. */
int history_forward(struct history *, const struct place *here, struct place *to);

#endif
