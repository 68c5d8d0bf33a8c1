/* vlib.h: the library in the reader (issue 14), without a terminal: a citation followed into
 * the resolution it names (down to the paragraph; Back comes back), :open by symbol or title
 * with completion, and the library's lists to choose from (MODE_LIBRARY, mode-library.c):
 * every resolution (sorted, filtered as you type), the back-links of this one, the hits of a
 * search of the whole library, the earlier uses of a paragraph's wording. Enter on an item
 * opens its resolution at its paragraph.
 *
 * The curses layer attaches a vlib to the view (vlib_attach) with the library's path; the
 * library is opened at its first use. Collections opened from the library are numbered from 1
 * (v->col_id; 0 is the reader's own collection) so that the history can go back to them.
 * Ownership: the vlib owns those collections and its list; vlib_detach, after view_close,
 * frees them. */
#ifndef GAVEL_VIEW_VLIB_H
#define GAVEL_VIEW_VLIB_H

#include <stddef.h>
#include <stdint.h>

#include "doc/resolution.h"

struct view;
struct library;

struct vlib_item {
	int64_t doc;            /* the library's document id */
	char *para;             /* the paragraph to land on ("op14", or a place spec); NULL: the start */
	char *line;             /* what the list shows (made safe for a terminal when drawn) */
	char *fold;             /* the line folded (text_fold), for the filter */
	char *symbol, *date, *title;   /* the sort keys of a list of documents */
};

enum vlib_list_kind { VLIB_DOCS, VLIB_PARAS };
enum { VLIB_SORT_SYMBOL, VLIB_SORT_DATE, VLIB_SORT_TITLE, VLIB_NSORTS };

struct vlib {
	char *path;                    /* the library's file */
	struct library *lib;           /* open once used; NULL before, or when it failed */
	int failed;                    /* opening failed: say why, do not try at every key */
	char why[256];
	struct collection *home;       /* collection 0, the reader's own, while another shows */
	struct collection **cols;      /* collection i + 1, opened from the library */
	int64_t *col_doc;              /* ... its library document id */
	size_t ncols;
	/* The list (MODE_LIBRARY). */
	enum vlib_list_kind kind;
	char title[256];
	struct vlib_item *items;
	size_t nitems;
	size_t *shown;                 /* indexes of the items the filter lets through, sorted */
	size_t nshown;
	size_t cur, top;
	int height;                    /* rows for items, set when drawn's size is known */
	char filter[128];              /* typed so far */
	int sort;                      /* VLIB_SORT_*, for a list of documents */
};

/* Gives the view a library at path (taken as is; nothing is opened yet). */
void vlib_attach(struct vlib *, struct view *, const char *path);
/* After view_close: closes the library and frees what it loaded. */
void vlib_detach(struct vlib *);

/* Enter on a citation: ref r of paragraph para (ref < 0: the LINK_PLACE citation -ref-1 of
 * cite_find, a place in this document). A place in this document, or a resolution of the
 * collection, or of the library: goes there (recorded in the history), to the paragraph when
 * the citation names one. Not in the library: says so with its undocs.org address and lists
 * the paragraphs citing it here. */
void vlib_follow(struct view *, int para, int ref);

/* What a citation leads to, for the preview's message. */
void vlib_describe(struct view *, int para, int ref, char *buf, size_t size);

/* :open WHAT (a symbol in any form, or words of a title). */
void vlib_open(struct view *, const char *what);
/* Completion of :open's argument: "SYMBOL  title" lines, at most max; returns their count
 * or -1. */
int vlib_complete(struct view *, const char *prefix, char **out, int max);

/* The lists. */
void vlib_list_documents(struct view *);
void vlib_cited_by(struct view *);
void vlib_search(struct view *, const char *pattern);
void vlib_used(struct view *, const char *text, size_t len);

/* For the history (view.c): shows collection `col` (0: the reader's own) at document doc.
 * 0, or -1 with a message. */
int vlib_switch(struct view *, int col, int doc);

/* For the list's mode: the filter changed (typed, deleted); move; choose; the sort. */
void vlib_list_refilter(struct view *);
void vlib_list_keep_visible(struct vlib *);
void vlib_list_choose(struct view *);
void vlib_list_next_sort(struct view *);
/* One line of the list, at most cols columns, safe for a terminal. */
void vlib_list_line(const struct view *, size_t shown, int cols, char *buf, size_t size);

#endif
