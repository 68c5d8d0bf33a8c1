/* view.h: the reader's whole state and behaviour, without a terminal.
 *
 * The curses layer owns nothing but drawing: it sizes the view (view_resize), feeds it keys
 * (view_key, in the codes of keys.h) and mouse events, and draws what the view says, walking
 * the visible lines of each pane with view_dpara(). Everything else (layout, scrolling,
 * references, history, search, commands, outline, help) lives here and is unit-tested.
 *
 * Ownership: the view borrows the collection (the caller frees it after view_close). */
#ifndef GAVEL_VIEW_VIEW_H
#define GAVEL_VIEW_VIEW_H

#include <stddef.h>

#include "doc/resolution.h"
#include "text/fold.h"
#include "view/cache.h"
#include "view/dpara.h"
#include "view/geom.h"
#include "view/history.h"
#include "view/keys.h"
#include "view/lineedit.h"

struct vnotes;

enum { PANE_PREAMBLE, PANE_OPERATIVE, PANE_FOOTNOTES, VIEW_NPANES };

struct pane {
	const char *name;       /* "Preamble" */
	int *paras;             /* paragraph indexes shown in this pane, in reading order */
	size_t n;
	size_t ntop;            /* top-level paragraphs, for "OP 10 of 27" */
	size_t cur;             /* the current paragraph (index into paras) */
	size_t top;             /* the first visible paragraph ... */
	int top_line;           /* ... and its first visible line */
	int sel;                /* selected link of the current paragraph; -1: the first */
	int gutter;             /* gutter columns: marker, label, space */
	int width, height;      /* text area: the pane's columns, rows below the title */
};

enum view_mode {
	MODE_NORMAL,
	MODE_COMMAND,    /* ":" line */
	MODE_SEARCH,     /* "/" or "\" line */
	MODE_HELP,       /* the help screen */
	MODE_LIST,       /* the outline or "cited in" list */
	MODE_PREVIEW     /* a popup showing a reference */
};

/* The outline and the "who cites this document" list: paragraphs to choose from; or the
 * documents of a compilation. */
struct vlist {
	char title[256];
	int docs;               /* items are documents of the collection, not paragraphs */
	int *items;             /* paragraph indexes; NULL: every paragraph (or document) */
	size_t n;
	size_t cur, top;
	int height;             /* rows for items, set by view_resize */
};

struct find {
	char pattern[LINEEDIT_MAX];
	struct search_pat pat;
	int active;
	int dir;                /* 1 forward, -1 backward */
	size_t *doc_base;       /* matches in the documents before document d (ndocs + 1 entries) */
	size_t *prefix;         /* in the current document: matches in paragraphs before i
	                         * (npara + 1 entries) */
	int cur_para;           /* the current match: its paragraph ... */
	int cur_index;          /* ... and its number within that paragraph; -1 none */
};

struct view {
	struct collection *col;
	int doc;
	const struct resolution *res;
	struct pane pane[VIEW_NPANES];
	int *pane_of;           /* per paragraph: its pane */
	int *pos_of;            /* per paragraph: its index in that pane */
	int *cite_fn, *cite_para;  /* footnote number -> citing paragraph pairs, sorted */
	size_t ncite;
	int focus;
	int zoomed;             /* 1 when the focused pane fills the screen */
	int utf8;               /* the terminal shows UTF-8 */
	struct geom geom;
	struct dcache cache;
	unsigned gen;           /* bumped when what a layout shows changes (search, highlights) */
	unsigned long builds;   /* layouts made, for tests of the per-key cost */
	int oom;                /* a paragraph on screen could not be laid out (out of memory):
	                         * the reader says so and ends, never shows an empty pane */
	struct history hist;
	struct find find;
	enum view_mode mode;
	struct lineedit edit;
	char **compl;           /* completion candidates of the command line */
	int ncompl, compl_next;
	struct vlist list;
	char **help_raw;        /* the help's logical lines (keys.h), made when first shown */
	size_t nhelp_raw;
	char **help;            /* ... wrapped to the screen when shown (NULL otherwise) */
	size_t nhelp, help_top;
	int help_cols;          /* the width to wrap it to, from view_resize */
	struct dpara *preview;  /* popup content, laid out at preview_w columns */
	char preview_title[128];
	int preview_w;
	int preview_para;       /* the paragraph shown, -1 for a built text */
	char msg[256];
	int msg_error;
	int quit;
	int redraw;             /* the terminal should be cleared and redrawn */
	/* Optional, for annotations: highlight spans of a paragraph (issue 5). */
	size_t (*spans)(void *ctx, int para, const struct dspan **out);
	void *spans_ctx;
	/* Optional: highlights, notes, the notes pane (vnotes.h); it takes the keys while it
	 * shows a selection, prompt, popup or pane. */
	struct vnotes *notes;
	/* While only the opening of a large file is loaded (reader.c, issue 7): 1 when every
	 * loaded document is whole but more follow, 2 when the one loaded document is cut. */
	int loading;
	/* The reader's hook for what needs the whole file (":res" to a later resolution,
	 * searching, G in a cut document, the list of resolutions): waits for it and swaps it in
	 * (view_swap_collection). Returns 0 when it is there, -1 when not (the user stopped
	 * waiting, or it failed; the hook says why on the status line). */
	int (*need_all)(void *ctx, struct view *);
	void *need_all_ctx;
};

/* Opens the view on document `doc` of col. Returns 0, or -1 when out of memory. */
int view_open(struct view *, struct collection *col, int doc, int utf8);
void view_close(struct view *);

/* Switches to another document of the collection (":res 58/190"). 0 or -1. */
int view_set_doc(struct view *, int doc);

/* The whole file arrived (issue 7): shows document `col` instead of the one read so far,
 * keeping the user's place (the document by symbol, the focused pane, each pane's current
 * paragraph by id and its scroll). The caller frees the old collection afterwards. 0 or -1
 * (out of memory: the view is then on the new collection's first document). */
int view_swap_collection(struct view *, struct collection *col);

/* For what needs the whole file: 0 when it is loaded (waiting through need_all if need be),
 * -1 when it is not. */
int view_need_all(struct view *);

/* The terminal's size changed (and at start). */
void view_resize(struct view *, int cols, int rows);

/* One key (code point, control character or VK_*). */
void view_key(struct view *, int key);

/* Mouse: a click at screen cell (y, x); the wheel (delta lines, + is down) over (y, x). */
void view_click(struct view *, int y, int x);
void view_wheel(struct view *, int y, int x, int delta);

/* Title of a pane: "Operative · OP 10 of 27". */
void view_title(const struct view *, int pane, char *buf, size_t size);
/* The status line's left part (symbol and title) and right part (message or position). */
void view_status(const struct view *, char *left, size_t lsize, char *right, size_t rsize);

/* The link selected in the focused pane's current paragraph (the first by default), or -1. */
int view_selected_link(struct view *, int pane);

/* Display byte range of the current search match in paragraph para, or -1. */
int view_current_match(struct view *, int para, size_t *start, size_t *end);

/* One line of the list overlay: indentation, label and the first words, safe for a terminal
 * and at most `cols` columns wide. */
void view_list_line(const struct view *, size_t item, int cols, char *buf, size_t size);

/* Jumps (recorded in the history): to a paragraph, focusing its pane. */
void view_goto_para(struct view *, int para);
/* The same without recording it; line: the line of the paragraph to bring into view. */
void view_show_para(struct view *, int para, int line);
/* Records the current place in the history (before a jump). */
void view_push_history(struct view *);

/* Sets a message on the status line. */
void view_message(struct view *, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
