/* vnotes.h: highlights, notes, the notes pane, undo and export in the reader, without a
 * terminal (issue 5 "In the reader", issue 6 "Where").
 *
 * The reader's own modes (view.h) stay as they are; while a selection, a prompt, a y/n
 * question, a paragraph's notes popup or the notes pane is up, the view hands every key to
 * vnotes_key(). In normal mode the view hands the note actions of the key table (keys.h) to
 * vnotes_action(). The curses layer draws what vnotes says (prompt, popup lines, pane rows,
 * gutter marks) and runs $EDITOR when want_editor is set (it owns the terminal).
 *
 * Ownership: the view owns nothing here; the reader creates a vnotes after view_open, passes
 * the store it opened (or NULL when the database is unusable: notes are then not shown and
 * the document is read as is), and closes it before view_close and store_close. */
#ifndef GAVEL_VIEW_VNOTES_H
#define GAVEL_VIEW_VNOTES_H

#include <stddef.h>

#include "store/store.h"
#include "view/annot.h"
#include "view/conf.h"
#include "view/lineedit.h"
#include "view/notelist.h"
#include "view/select.h"
#include "view/view.h"

enum vn_mode {
	VN_OFF,        /* reading: keys go to the view */
	VN_SELECT,     /* choosing words (v) or the paragraph (V) */
	VN_PROMPT,     /* typing a line: a note, a tag filter, an export format or path */
	VN_CONFIRM,    /* a y/n question */
	VN_POPUP,      /* the notes of one paragraph */
	VN_PANE        /* the notes pane: every annotation of the document */
};

enum vn_prompt { VP_NOTE_NEW, VP_NOTE_EDIT, VP_TAG, VP_EXPORT_FORMAT, VP_EXPORT_PATH };
enum vn_confirm { VC_DELETE, VC_OVERWRITE };

struct vnotes {
	struct annot_set set;
	struct conf conf;
	int usable;             /* a store is there and knows the document */
	enum vn_mode mode;
	enum vn_mode back;      /* where a prompt or question returns to */
	struct selection sel;
	/* The prompt. */
	enum vn_prompt prompt;
	char label[96];         /* "Note on OP 10: " */
	struct lineedit edit;
	size_t edit_first;      /* sideways scroll of the line (ledit_scroll) */
	/* The y/n question. */
	enum vn_confirm confirm;
	char question[256];
	/* What a prompt, question or editor run works on. */
	int new_para;           /* a new note: paragraph and code point range */
	size_t new_start, new_end;
	char target[37];        /* the annotation being edited or deleted */
	int color;              /* the colour of the last highlight (conf index) */
	char export_format[16];
	char export_path[1024];
	/* The paragraph popup and the notes pane. */
	int popup_para;
	size_t popup_cur;       /* selected annotation of the paragraph */
	struct notelist list;
	int list_height;        /* rows for the pane's items, from vnotes_resize */
	/* For the curses layer: run $EDITOR on editor_text, then call vnotes_editor_done. */
	int want_editor;
	char *editor_text;
	/* Highlight spans handed to the display (view.spans), reused between calls. */
	struct dspan *spans;
	size_t spans_cap;
	/* The column added to a pane's gutter for marks while it has annotations (as vim's
	 * signcolumn=auto), and the document the set was loaded for. */
	int gutter_extra[VIEW_NPANES];
	const struct resolution *res;
	struct store *store;
	const struct view *view;   /* the view it serves (for the highlight hook) */
};

/* Sets up the notes of the view's document: the configuration ($XDG_CONFIG_HOME/gavel/config;
 * problems are reported on the status line), the annotations from `store` (may be NULL), and
 * the view's highlight hook. `store_msg` (may be NULL) says why there is no store. Never
 * fails: without memory or a database the reader works without notes and says so. */
void vnotes_open(struct vnotes *, struct view *, struct store *, const char *store_msg);
void vnotes_close(struct vnotes *, struct view *);

/* Whether vnotes takes the keys now (mode != VN_OFF). */
int vnotes_active(const struct vnotes *);

/* A normal-mode action of keys.h. Returns 1 when it was a note action. */
int vnotes_action(struct vnotes *, struct view *, enum action);

/* A key while active. */
void vnotes_key(struct vnotes *, struct view *, int key);

/* Picks up notes other processes committed, and follows the view to another document of the
 * collection (":res"). Call before each redraw. Returns 1 when the screen must be redrawn. */
int vnotes_poll(struct vnotes *, struct view *);

/* The terminal's size changed: rows available to the pane and the popup. */
void vnotes_resize(struct vnotes *, int rows);

/* The curses layer ran the editor: text is the result (NULL when it failed; err says why). */
void vnotes_editor_done(struct vnotes *, struct view *, const char *text, const char *err);

/* Reading position: restore (after the first view_resize) and save (on quit). */
void vnotes_restore_position(struct vnotes *, struct view *);
void vnotes_save_position(struct vnotes *, struct view *);

/* The gutter mark of a paragraph: the note mark when one of its annotations has a note, else
 * the symbol of its first highlight's colour; "" when it has none. *color gets the colour
 * index (0..4, -1 unknown) to draw it in. */
const char *vnotes_gutter(const struct vnotes *, const struct view *, int para, char buf[8],
                          int *color);

/* The popup's lines, wrapped to `cols`: for each annotation of the paragraph a head line
 * (symbol, colour name, quote, tags) and its note. sel_first and sel_last get the line range
 * of the selected annotation. Caller frees with keys_help_free(lines, n). NULL when out of
 * memory or nothing to show. */
char **vnotes_popup_lines(const struct vnotes *, const struct view *, int cols, size_t *n,
                          size_t *sel_first, size_t *sel_last);

/* The status-line hint for the current mode, or NULL. */
const char *vnotes_hint(const struct vnotes *);

#endif
