/* view_fixture.h: hand-built resolutions for the view's unit tests (no parser needed). */
#ifndef GAVEL_TESTS_VIEW_FIXTURE_H
#define GAVEL_TESTS_VIEW_FIXTURE_H

#include "doc/resolution.h"
#include "view/draw.h"
#include "view/view.h"

/* Appends a paragraph; returns its index. Aborts the test on out of memory. */
int fx_add(struct resolution *, enum para_kind, const char *id, const char *label,
           const char *num, const char *text, int parent, int depth);
void fx_mark(struct resolution *, int para, size_t byte, int footnote);
void fx_ref(struct resolution *, int para, const char *target, const char *in_text);

/* "A/RES/99/1": 3 preambular paragraphs (lead participles, one citing resolution 57/218),
 * `nop` operative paragraphs (op3 with (a), (b) and (b)(ii); op10 with the marker of
 * footnote 16 after "1963"; op2 citing 57/218 too), an annex, and footnotes 1..16. Each
 * operative paragraph is `words` words long. */
struct resolution *fx_resolution(int nop, int words);

/* A collection of one or more documents (caller frees with collection_free). */
struct collection *fx_collection(struct resolution **docs, size_t n);

/* A screen in memory: view_draw onto a grid of cells, checking that nothing is put past an
 * edge and no control character is put at all. */
#define FX_GRID_COLS 200
#define FX_GRID_ROWS 60
struct fx_grid {
	int cols, rows;
	char cell[FX_GRID_ROWS][FX_GRID_COLS][8];
	unsigned style[FX_GRID_ROWS][FX_GRID_COLS];
	int cy, cx;              /* the cursor, -1 when hidden */
};
void fx_draw(const struct view *, struct fx_grid *);
/* Row y as text (cells joined). */
const char *fx_row(const struct fx_grid *, int y, char *buf, size_t size);
/* Whether some row holds s. */
int fx_screen_has(const struct fx_grid *, const char *s);

#endif
