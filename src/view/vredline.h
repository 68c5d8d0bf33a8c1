/* vredline.h: the reader's redline (`:diff OLD`): the current resolution compared with an
 * older one (src/diff), shown in the reader's panes, preamble, operative paragraphs and
 * footnotes, every paragraph of both with its words deleted and inserted marked; or side by
 * side, the old text left and the new right. Scrolling lays out only what it passes, through a
 * cache, as the reading panes do: a key costs the screen, not the document.
 *
 * Ownership: the view points to it (v->redline) while MODE_REDLINE is open; it owns the old
 * text and the redline, and borrows the view's current document (the new text). The mode's
 * leave function frees it. */
#ifndef GAVEL_VIEW_VREDLINE_H
#define GAVEL_VIEW_VREDLINE_H

#include <stddef.h>

#include "diff/diff.h"
#include "view/cache.h"
#include "view/geom.h"

struct view;

enum { RPANE_PREAMBLE, RPANE_OPERATIVE, RPANE_FOOTNOTES, RPANES };

struct rpane {
	const char *name;
	size_t *entries;        /* the redline's entries shown here, in order */
	size_t n;
	size_t nchanges;        /* of them, changes (for the title) */
	size_t cur, top;        /* the current entry, the first visible one (indexes into entries) */
	int top_line;           /* the first visible line of `top` */
	int gutter;             /* columns of the gutter: bar, label, space */
	int width, height;      /* the pane's text columns and rows under its title */
};

struct vredline {
	struct collection *old_col;   /* the old text as read, owned */
	struct redline *rl;           /* owned; new = the view's document */
	int side;                     /* side by side (else the words marked in one text) */
	int zoomed;
	int zoomed_before;            /* the zoom before side by side, which zooms */
	int stepped;                  /* n or N was used: they step from the current entry
	                                 (before that, n starts from the beginning) */
	int focus;
	struct geom geom;
	struct rpane pane[RPANES];
	struct dcache cache[2];       /* layouts: [0] one text (or the old side), [1] new side */
	unsigned gen;                 /* bumped when what a layout shows changes (side by side) */
	char title[200];              /* "A/RES/76/172 → A/RES/78/217" */
	char summary[256];            /* the counts */
	/* The versions popup (MODE_VERSIONS): both texts of one entry. */
	struct dpara *both;
	int both_w, both_top;
	char both_title[160];
};

/* Reads OLD (a file of any shape gavel reads), compares it with the view's document and
 * opens the redline (MODE_REDLINE). Problems go to the status line. Returns 0 or -1. */
int vredline_open(struct view *, const char *path);

/* Opens the redline of a comparison already made (the old text's collection and the redline
 * are taken over, freed on failure too). Returns 0 or -1. */
int vredline_open_built(struct view *, struct collection *old_col, struct redline *rl);

void vredline_free(struct vredline *);

/* The layout of the entry at pos of pane pi: side 0 one text (or the old side when side by
 * side), 1 the new side. Cached; valid until the next call for an entry of the same slot.
 * NULL when out of memory. */
struct dpara *vredline_layout(const struct view *, int pi, size_t pos, int side);

/* Lines of the entry at pos (the longer side when side by side; at least 1). */
int vredline_nlines(const struct view *, int pi, size_t pos);

/* Moves (pos, line) by delta lines within pane pi; returns the lines moved. */
int vredline_advance(const struct view *, int pi, size_t *pos, int *line, int delta);

/* Scrolls the focused pane by delta lines, keeping the current entry on screen. */
void vredline_scroll(struct view *, int delta);

/* Makes the entry at pos of pane pi current and brings it into view (focusing the pane). */
void vredline_show(struct view *, int pi, size_t pos);

/* The next (dir 1) or previous (-1) change after the current entry, in reading order across
 * the panes; 0, or -1 when there is none that way (a message says so). */
int vredline_step_change(struct view *, int dir);

/* Lays out the panes again for the screen's size (and the zoom). */
void vredline_resize(struct view *);

/* The entry index of the focused pane's current entry, or -1. */
long vredline_current(const struct view *);

/* Is entry k a change (not unchanged, or moved)? */
int vredline_is_change(const struct redline *, size_t k);

/* Fills the versions popup for the current entry (MODE_VERSIONS' build). 0 or -1. */
int vredline_versions_build(struct view *);

#endif
