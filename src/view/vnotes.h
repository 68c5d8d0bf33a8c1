/* vnotes.h: highlights, notes, tags, undo, copying and export in the reader, without a
 * terminal (issue 5 "In the reader", issue 6 "Where", issue 17).
 *
 * The notes' screens are modes of the view's one machine (mode.h): selecting words
 * (mode-select.c), the notes of one paragraph (mode-popup.c) and the notes pane
 * (mode-notes.c); the prompts are the view's edited line and its y/n question. Reading hands
 * its note actions to vnotes_action(). The curses layer runs $EDITOR when want_editor is set
 * (it owns the terminal) and hands the text back to vnotes_editor_done().
 *
 * Ownership: the reader creates a vnotes after view_open and view_configure, passes the store
 * it opened (or NULL when the database is unusable: notes are then not shown and the document
 * is read as is), points v->notes at it, and closes it before view_close and store_close. */
#ifndef GAVEL_VIEW_VNOTES_H
#define GAVEL_VIEW_VNOTES_H

#include <stddef.h>

#include "store/store.h"
#include "view/annot.h"
#include "view/conf.h"
#include "view/notelist.h"
#include "view/select.h"
#include "view/view.h"

struct vnotes {
	struct annot_set set;
	int usable;             /* a store is there and knows the document */
	struct selection sel;   /* the words being selected (MODE_SELECT) */
	/* What a new note (typed or in the editor) goes on. */
	int new_para;
	size_t new_start, new_end;
	int new_color;          /* a colour index, or CONF_NONE: a note without a highlight */
	char target[37];        /* the annotation being edited, tagged or deleted; "" for new */
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
	char *editor_comments;  /* the comment lines put into editor_text, stripped on the way back */
	/* Highlight spans handed to the display (view.spans), reused between calls. */
	struct dspan *spans;
	size_t spans_cap;
	const struct resolution *res;   /* the document the set was loaded for */
	struct store *store;
	const struct view *view;   /* the view it serves (for the highlight hook) */
};

/* Sets up the notes of the view's document from `store` (may be NULL) and the view's
 * highlight hook. `store_msg` (may be NULL) says why there is no store. Never fails: without
 * memory or a database the reader works without notes and says so. */
void vnotes_open(struct vnotes *, struct view *, struct store *, const char *store_msg);
void vnotes_close(struct vnotes *, struct view *);

/* A reading action of keys.h (select, note, notes-here, notes, undo, redo, export). Returns 1
 * when it was one. */
int vnotes_action(struct vnotes *, struct view *, enum action);

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
 * index (0..4; CONF_NONE; -1 unknown) to draw it in. */
const char *vnotes_gutter(const struct vnotes *, const struct view *, int para, char buf[8],
                          int *color);

/* The popup's lines, wrapped to `cols`: for each annotation of the paragraph a head line
 * (symbol, colour name, quote), its tags and its note. sel_first and sel_last get the line
 * range of the selected annotation. Caller frees with keys_help_free(lines, n). NULL when out
 * of memory or nothing to show. */
char **vnotes_popup_lines(const struct vnotes *, const struct view *, int cols, size_t *n,
                          size_t *sel_first, size_t *sel_last);

/* --- For the notes' modes (mode-select.c, mode-popup.c, mode-notes.c) --- */

/* The annotation the popup or the pane (mode) has selected, or NULL. */
const struct annotation *vnotes_focused(const struct vnotes *, enum view_mode mode);

/* A highlight of the selection in colour c (a conf index; -1: the colour used last). */
void vnotes_highlight(struct vnotes *, struct view *, int c);
/* A new note on the selection (highlighted in the colour used last), or without one on the
 * paragraph: typed in place, or in the editor. */
void vnotes_new_note(struct vnotes *, struct view *, int in_editor);
/* A highlight of the selection in the colour used last, asking for its tags first. */
void vnotes_new_tagged(struct vnotes *, struct view *);
/* The focused annotation of mode: edit its note, its tags, its colour (c), delete it (asks),
 * copy its quote with the citation. */
void vnotes_edit(struct vnotes *, struct view *, enum view_mode mode, int in_editor);
void vnotes_tags(struct vnotes *, struct view *, enum view_mode mode);
void vnotes_recolor(struct vnotes *, struct view *, enum view_mode mode, int c);
void vnotes_delete(struct vnotes *, struct view *, enum view_mode mode);
void vnotes_copy(struct vnotes *, struct view *, enum view_mode mode);
/* The selection with its citation: to the clipboard, or appended to a file (asks which). */
void vnotes_copy_selection(struct vnotes *, struct view *, int to_file);
/* Undoes (redo 0) or redoes the last change to an annotation. */
void vnotes_undo(struct vnotes *, struct view *, int redo);
/* The selection moved: show it. */
void vnotes_selection_moved(struct vnotes *, struct view *);
/* The pane's tag filter (asks for the tag). */
void vnotes_filter_tag(struct vnotes *, struct view *);
/* Says that notes cannot be written here, and why, unless they can (returns 1). */
int vnotes_can_write(struct vnotes *, struct view *);

#endif
