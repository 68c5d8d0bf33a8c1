/* vlist.h: the list overlay: the outline (every paragraph) and "who cites this document". */
#ifndef GAVEL_VIEW_VLIST_H
#define GAVEL_VIEW_VLIST_H

#include "view/view.h"

/* Opens the outline with the current paragraph selected. */
void vlist_outline(struct view *);

/* Opens the list of paragraphs and footnotes citing the same document as reference r of
 * paragraph para. Returns the number listed (0: nothing opened), -1 when out of memory. */
int vlist_cited(struct view *, int para, int r);

/* Opens the list of the documents of the collection, the current one selected. */
void vlist_docs(struct view *);

/* A key while the list shows. */
void vlist_key(struct view *, int key);

/* The paragraph index of list item i. */
int vlist_para(const struct view *, size_t i);

void vlist_close(struct view *);

#endif
