/* notelist.h: the notes pane's rows: every annotation of the document in document order,
 * filtered by colour and tag, with the orphans (notes whose words were not found in this
 * text) listed apart under a heading row. Curses-free; the screen draws notelist_line(). */
#ifndef GAVEL_VIEW_NOTELIST_H
#define GAVEL_VIEW_NOTELIST_H

#include <stddef.h>

#include "view/annot.h"
#include "view/conf.h"

#define NOTELIST_ORPHANS (-1)   /* the row of the orphans' heading */

struct notelist {
	int *rows;              /* annotation indexes into set->v, or NOTELIST_ORPHANS */
	size_t n;
	size_t cur, top;        /* the selected row (never the heading when another exists) */
	int color;              /* colour filter: conf index, -1 for all */
	char tag[101];          /* tag filter, "" for all */
	const struct annot_set *set;   /* the set of the last build (borrowed) */
	char cur_id[37];        /* the selected annotation's id: kept across reloads */
};

/* Rebuilds the rows from the set with the current filters, keeping the selection on the same
 * annotation (by id) when it is still listed, else at the row closest to where it was. Rows
 * are indexes into set->v: rebuild after every reload of the set. Returns 0 or -1 (out of
 * memory: the list is empty then). */
int notelist_build(struct notelist *, const struct annot_set *);
void notelist_free(struct notelist *);

/* Moves the selection by delta rows (skipping the heading), clamped; keeps it within the
 * `height` rows shown from top. */
void notelist_move(struct notelist *, int delta, int height);

/* The annotation index of the selected row, or -1 (empty list). */
int notelist_current(const struct notelist *);

/* Selects the row of annotation index ai, if listed. Returns 0 or -1. */
int notelist_select(struct notelist *, int ai, int height);

/* One row for the screen, at most cols columns: label, colour symbol and name, the quote, the
 * note's first line and the tags ("OP 10  ● important  “quote…”  note  #tag"). Safe for a
 * terminal (controls neutralised); ASCII only unless utf8. */
void notelist_line(const struct notelist *, const struct annot_set *, const struct conf *,
                   size_t row, int cols, int utf8, char *buf, size_t size);

/* The title: "Notes · 12 (3 orphans) · colour: important · tag: x". */
void notelist_title(const struct notelist *, const struct annot_set *, const struct conf *,
                    int utf8, char *buf, size_t size);

#endif
