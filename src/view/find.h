/* find.h: search across all panes, in document order, with a count of every match. */
#ifndef GAVEL_VIEW_FIND_H
#define GAVEL_VIEW_FIND_H

#include "view/view.h"

/* Compiles pattern (an empty one repeats the last), counts the matches of the whole document
 * once, and goes to the first match from the current paragraph in direction dir (1 or -1).
 * Returns the number of matches, or -1 when out of memory. */
int find_start(struct view *, const char *pattern, int dir);

/* n (same = 1) and N (same = -1): the next match in the search's direction or against it. */
void find_next(struct view *, int same);

/* The view switched documents: counts the matches of the new one per paragraph. 0 or -1. */
int find_doc_changed(struct view *);

/* Forgets the search (the view's layouts change: callers bump v->gen). */
void find_clear(struct find *);

#endif
