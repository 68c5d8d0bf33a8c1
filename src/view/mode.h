/* mode.h: the reader as one mode machine.
 *
 * Every screen of the reader is a mode: reading, the help, a list, the notes pane, a popup, a
 * selection, an edited line, a question. A mode is one row of VIEW_MODES and one file,
 * src/view/mode-NAME.c, that fills a struct mode_ops (tig's view_ops, ncdu's init/draw/key):
 * its default keymap, what it does with an action, a key no keymap binds, a click and the
 * wheel, its hint on the status line, how it draws, and what it lets go of when it closes.
 *
 * The modes open form a small stack: reading is always at the bottom; the help, a list or the
 * notes pane go on top of it, a popup or a question on top of those, and "close" (q, Esc)
 * pops back to the screen underneath, as the stack remembers it (a prompt opened from the
 * notes pane returns to the notes pane, a question from the popup to the popup).
 *
 * Input is dispatched in one place (mode.c): a key is looked up in the top mode's keymap,
 * then in the generic keymap when the mode takes the generic moving keys (tig does the same);
 * the action goes to the mode's action function. The mouse is delivered as actions too:
 * the wheel is line-down/line-up unless the mode says otherwise; a click goes to the mode's
 * click function, which acts through the same functions its keys reach. Drawing only reads:
 * draw functions take a const view and a canvas (draw.h); the only thing they may fill is the
 * layout cache, which a const view reaches through a pointer.
 *
 * Adding a mode (a library view, a redline, a second language):
 *   1. one row in VIEW_MODES below: X(ID, file) names MODE_ID and the mode_ops in
 *      src/view/mode-file.c (`const struct mode_ops mode_file_ops`);
 *   2. that file: its default keys (struct binding rows, ended by { 0 }), its action function
 *      (return 1 when the action was for it), its draw function, and what else it needs;
 *      list it in src/view/local.mk;
 *   3. actions it needs that no other mode has: a row each in VIEW_ACTIONS (keys.h).
 * Open it with view_push(v, MODE_ID) from an action of another mode. Help, hints, the man
 * page's key lists (`make keys-man`) and `bind` lines pick it up from the table. Its state
 * lives in a struct of its own that the view points to (as struct vnotes does), or in the
 * view when it is small. */
#ifndef GAVEL_VIEW_MODE_H
#define GAVEL_VIEW_MODE_H

#include <stddef.h>

#include "view/keys.h"

struct view;
struct canvas;

/* X(ID, file): the modes, bottom of the stack first. */
#define VIEW_MODES(X) \
	X(READ, read) \
	X(HELP, help) \
	X(LIST, list) \
	X(NOTES, notes) \
	X(PREVIEW, preview) \
	X(POPUP, popup) \
	X(SELECT, select) \
	X(LINE, line) \
	X(CONFIRM, confirm)

enum view_mode {
#define X(id, file) MODE_##id,
	VIEW_MODES(X)
#undef X
	MODE_COUNT
};

#define MODE_STACK_MAX 8

/* One row of a default keymap. help: what the action does in this mode, when the action's
 * own help (keys.h) does not say it well there; NULL otherwise. A row with key 0 says the
 * action means something in the mode without a default key (a `bind` line may give one). */
struct binding {
	int key;
	enum action action;
	const char *help;
};

/* One item of a status-line hint: the first key of each action, then the label
 * ("h l w b e 0 $ o move"); keys of consecutive characters are joined ("1-5"). */
#define HINT_MAX_ACTIONS 10
struct hint {
	const char *label;
	enum action actions[HINT_MAX_ACTIONS];   /* ended by ACT_NONE */
};

enum {
	MODE_OVERLAY = 1 << 0,   /* drawn over the mode under it (a popup, a line, a question) */
	MODE_GENERIC = 1 << 1,   /* takes the generic keymap's keys after its own */
	MODE_KEEPS_MESSAGE = 1 << 2   /* a key does not clear the status line's message */
};

struct mode_ops {
	const char *name;        /* "reader": what `bind` lines call it */
	const char *title;       /* "Reading": the help's heading for its keys */
	const char *about;       /* a line under the heading, or NULL */
	unsigned flags;
	const struct binding *keys;   /* the default keymap, ended by a row { 0 } */
	const struct hint *hint;      /* the status line's hint, ended by { NULL }; NULL: none */
	/* An action from the keymaps: 1 when it was one for this mode. */
	int (*action)(struct view *, enum action);
	/* A key no keymap binds (text typed on a line; "any other key closes"). NULL: a message
	 * saying the key does nothing here. */
	void (*key)(struct view *, int key);
	/* A click on screen cell (y, x). NULL: an overlay closes, other modes ignore it. */
	void (*click)(struct view *, int y, int x);
	/* The wheel over (y, x), delta lines (+ is down). NULL: line-down/line-up |delta| times. */
	void (*wheel)(struct view *, int y, int x, int delta);
	/* Draws the mode (an overlay: only what it adds over the mode under it). */
	void (*draw)(const struct view *, struct canvas *);
	/* The screen's size changed while the mode is open: lay out again. May be NULL. */
	void (*resize)(struct view *);
	/* The mode leaves the stack: let go of what it held. May be NULL. */
	void (*leave)(struct view *);
};

/* The table: mode_table[MODE_READ] is &mode_read_ops, and so on. */
extern const struct mode_ops *const mode_table[MODE_COUNT];

#define X(id, file) extern const struct mode_ops mode_##file##_ops;
VIEW_MODES(X)
#undef X

/* Openers that live in a mode's file (the list's are in vlist.h, the line's and the
 * question's in view.h, the notes' in vnotes.h). */
void mode_preview_open(struct view *);   /* the selected reference in a popup */

/* The mode called `name` ("reader", "select"...), or -1. */
int mode_find(const char *name);

/* --- The stack (the view's; mode.c) --- */

/* The mode on top. */
enum view_mode view_top(const struct view *);
/* Whether mode m is open anywhere in the stack. */
int view_in(const struct view *, enum view_mode m);
/* Opens mode m on top (a full stack loses the mode under the top). */
void view_push(struct view *, enum view_mode m);
/* Closes the top mode (never reading), calling its leave function. */
void view_pop(struct view *);
/* Closes every mode but reading. */
void view_reset(struct view *);
/* A mode_ops.key for popups that any other key closes, as less's and mutt's do. */
void view_pop_key(struct view *, int key);

/* --- Input --- */

/* One key (code point, control character or VK_*). */
void view_key(struct view *, int key);
/* Runs an action in the top mode, as a key bound to it would. 1 when the mode took it. */
int view_action(struct view *, enum action);
/* Mouse: a click at screen cell (y, x); the wheel (delta lines, + is down) over (y, x). */
void view_click(struct view *, int y, int x);
void view_wheel(struct view *, int y, int x, int delta);
/* Ctrl-C: closes the top mode as Esc would; in reading, says how to quit. */
void view_interrupt(struct view *);

/* The first key bound to action a in mode m (the user's bindings included) as people write
 * it ("Backspace"), or `fallback` when none is: for messages that name a key. */
const char *view_key_for(const struct view *, enum view_mode m, enum action a,
                         const char *fallback, char *buf, size_t size);

/* --- Output --- */

/* Draws the whole screen: the deepest mode that is not an overlay, then the overlays above
 * it in order. */
void view_draw(const struct view *, struct canvas *);

/* The top mode's hint with the keys of the user's keymap, or NULL when it has none. */
const char *view_hint(const struct view *, char *buf, size_t size);

#endif
