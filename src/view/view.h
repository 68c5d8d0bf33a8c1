/* view.h: the reader's whole state and behaviour, without a terminal.
 *
 * The curses layer owns nothing but the terminal: it sizes the view (view_resize), hands it
 * keys and mouse events (mode.h: view_key, view_click, view_wheel), draws it onto a canvas
 * (view_draw, draw.h) and carries out what the view asks of the terminal (an editor run, a
 * copy to the clipboard). Everything else (layout, scrolling, references, history, search,
 * commands, outline, help, notes) lives here and is unit-tested.
 *
 * The reader is one mode machine (mode.h): v->modes is the stack of open modes, reading at
 * the bottom; each mode's keys are in v->keys (keymap.h), with the user's `bind` lines.
 *
 * Ownership: the view borrows the collection (the caller frees it after view_close); it owns
 * its configuration, keymaps, layouts and everything its modes allocate. */
#ifndef GAVEL_VIEW_VIEW_H
#define GAVEL_VIEW_VIEW_H

#include <stddef.h>

#include "doc/resolution.h"
#include "text/fold.h"
#include "view/cache.h"
#include "view/conf.h"
#include "view/dpara.h"
#include "view/geom.h"
#include "view/history.h"
#include "view/keymap.h"
#include "view/keys.h"
#include "view/lineedit.h"
#include "view/linehist.h"
#include "view/mode.h"

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
	int gutter;             /* gutter columns: marker, label, notes mark, space */
	int width, height;      /* text area: the pane's columns, rows below the title */
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

/* What the edited line (mode-line.c) is for: the mode that opens it gives one of these. */
struct line_spec {
	int history;            /* LINEHIST_COMMAND, LINEHIST_SEARCH, LINEHIST_NOTE...; -1: none */
	/* Enter: the line is closed first, then this runs with what was typed. */
	void (*accept)(struct view *, const char *line);
	/* Tab: candidates for the line (at most max stored; returns how many there are, or -1
	 * when out of memory); NULL: no completion. */
	int (*complete)(struct view *, const char *line, char **out, int max);
	const char *cancelled;  /* the message when the line is cancelled, or NULL */
	const char *full;       /* the message when the line is full, or NULL */
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
	int follow;             /* the footnotes pane follows the reading (footnotes-follow) */
	int utf8;               /* the terminal shows UTF-8 */
	struct geom geom;
	struct dcache *cache;   /* layouts; drawing (a const view) may fill it */
	unsigned gen;           /* bumped when what a layout shows changes (search, highlights) */
	struct history hist;
	struct find find;
	/* The mode machine. */
	enum view_mode modes[MODE_STACK_MAX];
	int nmodes;
	struct keymaps keys;
	/* The user's configuration (view_configure) and where it came from. */
	struct conf conf;
	char conf_path[1024];
	/* The edited line (MODE_LINE). */
	struct lineedit edit;
	size_t edit_first;      /* the first byte shown (the line scrolls sideways) */
	const struct line_spec *line;
	char line_label[160];
	char **compl;           /* completion candidates */
	int ncompl, compl_next;
	struct linehist lines;  /* lines typed before, per kind (Up and Down) */
	/* The list (MODE_LIST). */
	struct vlist list;
	/* The help (MODE_HELP). */
	char **help_raw;        /* its logical lines, made when first shown */
	size_t nhelp_raw;
	char **help;            /* ... wrapped to the screen when shown (NULL otherwise) */
	size_t nhelp, help_top;
	int help_cols;          /* the width to wrap it to, from view_resize */
	/* The reference preview (MODE_PREVIEW). */
	struct dpara *preview;  /* laid out at preview_w columns */
	char preview_title[128];
	int preview_w;
	int preview_para;       /* the paragraph shown, -1 for a built text */
	/* A y/n question (MODE_CONFIRM). */
	char question[256];
	void (*on_yes)(struct view *);
	void (*on_no)(struct view *);
	char msg[256];
	int msg_error;
	int quit;
	int redraw;             /* the terminal should be cleared and redrawn */
	/* Optional, for annotations: highlight spans of a paragraph (issue 5). */
	size_t (*spans)(void *ctx, int para, const struct dspan **out);
	void *spans_ctx;
	/* Optional: highlights, notes, the notes pane (vnotes.h). */
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
	/* For the curses layer: copy copy_text to the clipboard (conf.copy_command, else the
	 * terminal's OSC 52), then call view_copy_done. */
	int want_copy;
	char *copy_text;
	char *copy_pending;     /* a quote waiting for the file it goes to */
};

/* Opens the view on document `doc` of col, with the built-in configuration and keys. Returns
 * 0, or -1 when out of memory. */
int view_open(struct view *, struct collection *col, int doc, int utf8);
void view_close(struct view *);

/* Reads the user's configuration from `path` (NULL: conf_default_path) and applies it: keys
 * (`bind`), colours (`color`, for the curses layer), colour names, the copy command, the
 * footnotes pane. Problems are counted in v->conf and the first is put on the status line.
 * Call after view_open, before the first view_resize. */
void view_configure(struct view *, const char *path);

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

/* The terminal's size changed (and at start). Every pane keeps its current paragraph in view. */
void view_resize(struct view *, int cols, int rows);

/* Title of a pane: "Operative · OP 10 of 27". */
void view_title(const struct view *, int pane, char *buf, size_t size);
/* The status line for a screen `cols` wide: the left part (symbol and title, cut to the room
 * the right part leaves) and the right part (message or "? help"). */
void view_status(const struct view *, int cols, char *left, size_t lsize, char *right,
                 size_t rsize);

/* The link selected in the focused pane's current paragraph (the first by default), or -1. */
int view_selected_link(const struct view *, int pane);

/* Display byte range of the current search match in paragraph para, or -1. */
int view_current_match(const struct view *, int para, size_t *start, size_t *end);

/* One line of the list overlay: indentation, label and the first words, safe for a terminal
 * and at most `cols` columns wide. */
void view_list_line(const struct view *, size_t item, int cols, char *buf, size_t size);

/* Jumps (recorded in the history): to a paragraph, focusing its pane. */
void view_goto_para(struct view *, int para);
/* The same without recording it; line: the line of the paragraph to bring into view. */
void view_show_para(struct view *, int para, int line);
/* Records the current place in the history (before a jump). */
void view_push_history(struct view *);
/* Back (back = 1) or forward in the history. */
void view_history_move(struct view *, int back);
/* Focuses pane pi (a zoomed screen shows it instead). */
void view_set_focus(struct view *, int pi);

/* The footnotes pane shows what the focused pane's paragraphs on screen cite (when v->follow
 * is on and the focus is elsewhere); called after each key, click and resize. */
void view_follow_footnotes(struct view *);

/* The paragraph the reader is on: the focused pane's current one, or -1. */
int view_current_para(const struct view *);

/* Sets a message on the status line. */
void view_message(struct view *, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Opens the edited line on top (MODE_LINE) for spec, showing `label` before the text and
 * starting with `initial` (NULL: empty). */
void view_line_open(struct view *, const struct line_spec *, const char *initial,
                    const char *label);

/* Asks a y/n question on the status line (MODE_CONFIRM); yes or no runs once it is answered
 * (after the question has closed; either may be NULL). */
void view_confirm(struct view *, const char *question, void (*yes)(struct view *),
                  void (*no)(struct view *));

/* Opens the help (MODE_HELP). */
void view_help(struct view *);

/* Whether an open mode holds paragraph indexes that swapping the collection would break (a
 * selection, a note's prompt or popup, the notes pane, a question): the swap waits. */
int view_busy(const struct view *);

/* Copies text (taken over: freed by the view) to the clipboard: through the configured copy
 * command at once, else by asking the curses layer (want_copy) for OSC 52. */
void view_copy(struct view *, char *text);
/* Appends text (taken over; NULL: "nothing to copy") with a newline to the file at path, or,
 * when path is NULL, to the file the user names on the edited line (asking "Append WHAT to:",
 * offering copy.file). */
void view_copy_append(struct view *, char *text, const char *path, const char *what);
/* The curses layer copied (err NULL) or could not (err says why); how: "OSC 52" or the
 * command's name, for the message. */
void view_copy_done(struct view *, const char *how, const char *err);

#endif
