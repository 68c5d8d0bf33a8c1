/* vwith.h: a second copy of the resolution beside the first, without a terminal (issue 11):
 * another language (French beside English, Arabic beside English) or another shape of the same
 * text, paired paragraph by paragraph by id (doc/align.h) and scrolled together. The screen
 * is MODE_WITH (mode-with.c); this is its state and layout.
 *
 * Notes follow the paragraph, not the language: a paragraph shows its own copy's highlights,
 * and under it the notes of both copies (the other's marked with its language), so a note
 * made on op10 in French shows on op10 in English too. The second copy's notes come from the
 * notes' store, as the first's do.
 *
 * Ownership: the view points at it (v->with) while MODE_WITH is open; it owns the second
 * file's collection, the alignment, the layouts and the second copy's notes. */
#ifndef GAVEL_VIEW_VWITH_H
#define GAVEL_VIEW_VWITH_H

#include <stddef.h>

#include "doc/align.h"
#include "view/annot.h"
#include "view/dpara.h"

struct view;

/* One row of the screen: a pair of paragraphs, laid out when first shown. */
struct vwith_row {
	struct dpara *d[2];     /* each side's layout; NULL where that copy lacks the paragraph */
	char **notes[2];        /* lines under each side: its notes, then the other copy's */
	size_t nnotes[2];
	int height;             /* lines of the row, the blank one after it included */
	int built;
};

struct vwith {
	struct collection *col;         /* the second file's */
	const struct resolution *res;   /* its copy of the view's resolution */
	char name[256];                 /* the file, for the title */
	char tag[2][16];                /* "en", "fr"; "1", "2" for two copies of one language */
	struct alignment al;
	struct vwith_row *rows;         /* al.nrows of them */
	int colw, gutter;               /* the layouts' column width and gutter */
	unsigned gen;                   /* the notes' generations the layouts show */
	size_t cur;                     /* the current row */
	size_t top;                     /* the first row shown ... */
	int top_line;                   /* ... from this line of it */
	struct annot_set set;           /* the second copy's notes */
	int set_open;
};

/* Opens the file at path beside the view's document: reads it, takes its copy of the same
 * resolution (by symbol, or the only one), pairs the two, and opens MODE_WITH on the row of
 * the paragraph the reader is on; its notes come once the view has a store. Returns 0, or a
 * sysexits code with the reason on the status line (66 unreadable, 65 not the same
 * resolution, 71 out of memory). */
int vwith_open(struct view *, const char *path);
/* Lets go of it all (MODE_WITH's leave). */
void vwith_close(struct view *);

/* The row's layout at the current widths (built on first use; a const view may fill it, as
 * the layout cache). NULL when out of memory. */
const struct vwith_row *vwith_row(const struct view *, size_t row);
/* Lays out again at `cols` columns (the screen's width changed, or the notes did). */
void vwith_layout(struct view *, int cols);
/* The text rows between the title and the status line. */
int vwith_height(const struct view *);

/* Scrolling: lines (+ down), the current row by delta rows (kept in view), to row r. */
void vwith_scroll(struct view *, int lines);
void vwith_move(struct view *, long delta);
void vwith_goto(struct view *, size_t row);

#endif
