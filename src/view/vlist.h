/* vlist.h: the lists (MODE_LIST, mode-list.c): the outline (every paragraph), "who cites this
 * document", the resolutions of a file. Opening one puts the list mode on top; a list opened
 * from a list replaces it. */
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

/* Scrolls the list so its selected item shows. */
void vlist_keep_visible(struct vlist *);

/* The paragraph index of list item i. */
int vlist_para(const struct view *, size_t i);

void vlist_close(struct view *);

#endif
