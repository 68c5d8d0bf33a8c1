/* ui.h: the curses layer's parts (the only code that includes curses): styles, drawing,
 * input. Each draws or reads what the view (src/view) says; none holds reader state. */
#ifndef GAVEL_UI_UI_H
#define GAVEL_UI_UI_H

#include <curses.h>

#include "view/view.h"

/* Meanings drawn on screen; one table in style.c maps them to colours and attributes. */
enum ui_style {
	S_TEXT, S_TITLE, S_TITLE_FOCUS, S_GUTTER, S_GUTTER_CUR, S_CUR_BAR, S_LEAD, S_LINK,
	S_LINK_SEL, S_MATCH, S_MATCH_CUR, S_HEADING, S_DIM, S_STATUS, S_ERROR, S_RULE, S_POPUP,
	S_LIST_SEL, S_HL1, S_HL2, S_HL3, S_HL4, S_HL5, S_HL6, S_HL7, S_COUNT
};

/* Sets up colours (unless no_color, or the terminal has none) and italics. */
void style_init(int no_color);
/* The attribute (colour pair included) of a meaning. */
attr_t style_attr(enum ui_style);
/* The attribute of a display byte with style bits st (dpara.h); sel: part of the selected
 * link; cur: part of the current search match. */
attr_t style_text_attr(unsigned st, int sel, int cur);

/* Drawing primitives shared with draw-notes.c: a safe string clipped to cols columns (returns
 * the columns used), and a row of blanks. */
int draw_str(int y, int x, int cols, const char *s, attr_t a);
void draw_fill(int y, int x, int cols, attr_t a);

/* The notes layer on screen (draw-notes.c): the gutter mark of paragraph para on row y of
 * pane pi; the popup or the notes pane; whether the notes pane takes the whole screen; the
 * prompt, question or hint on the status line (returns 1 when it drew the status line). */
void draw_notes_mark(struct view *, int pi, int y, int para);
void draw_notes_overlay(struct view *);
int draw_notes_fullscreen(const struct view *);
int draw_notes_status(struct view *);

/* Draws the whole screen from the view into curses' buffer and updates the terminal. */
void draw_screen(struct view *);

/* Reads one input event, translated to a key of keys.h, or -1 on a timeout/interrupt.
 * Mouse events are handed to the view here. */
int keyin_read(struct view *);
void keyin_init(void);

#endif
