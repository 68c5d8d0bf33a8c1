/* align.h: two copies of one resolution (two languages, or two shapes) paired paragraph by
 * paragraph, by id: op10 in French beside op10 in English. `gavel show --with` prints the
 * pairs one after the other; the reader's side-by-side view scrolls them together. No curses.
 *
 * Every paragraph of both resolutions is in exactly one row: a pair, or a row with one side
 * missing (-1) where a copy lacks the paragraph (a footnote the other extraction lost, an
 * annex paragraph numbered differently). Rows follow the first resolution's order; a
 * paragraph only the second has comes after the row of the paragraph before it in the
 * second. Linear after an O(n log n) sort of the second's ids. */
#ifndef GAVEL_DOC_ALIGN_H
#define GAVEL_DOC_ALIGN_H

#include <stddef.h>
#include "doc/resolution.h"

struct align_row {
	int a, b;           /* paragraph indexes into the first and the second; -1: missing there */
};

struct alignment {
	struct align_row *rows;     /* owned; align_free releases them */
	size_t nrows;
	size_t pairs, only_a, only_b;
};

/* Pairs a's and b's paragraphs by id. Returns 0, or -1 out of memory (*out then empty). */
int align_pair(const struct resolution *a, const struct resolution *b, struct alignment *out);
void align_free(struct alignment *);

/* The row holding paragraph `index` of side 0 (a) or 1 (b), or -1. Linear. */
long align_find(const struct alignment *, int side, int index);

#endif
