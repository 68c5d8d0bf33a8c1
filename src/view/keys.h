/* keys.h: what the reader's keys do, as one table of data.
 *
 * VIEW_ACTIONS is an X-macro: the same list generates the action enum, the names and the help
 * screen, so help and bindings can never disagree. Keys are code points (Unicode, control
 * characters as themselves: Ctrl-D is 4) or VK_* for keys that have no character; the curses
 * layer translates its KEY_* codes to these. */
#ifndef GAVEL_VIEW_KEYS_H
#define GAVEL_VIEW_KEYS_H

#include <stddef.h>
#include <stdio.h>

enum {
	VK_BASE = 0x110000,      /* above every code point */
	VK_UP, VK_DOWN, VK_LEFT, VK_RIGHT, VK_PGUP, VK_PGDN, VK_HOME, VK_END,
	VK_BACKSPACE, VK_ENTER, VK_ESC, VK_TAB, VK_BTAB, VK_DELETE, VK_F1,
	VK_RESIZE, VK_MOUSE,
	VK_WORD_LEFT, VK_WORD_RIGHT   /* Ctrl-Left, Ctrl-Right: by word on the edited lines */
};
#define VK_CTRL(c) ((c) & 0x1f)

enum key_group { KG_MOVE, KG_PANES, KG_REFS, KG_SEARCH, KG_NOTES, KG_OTHER };

/* X(ID, group, "name", "help") */
#define VIEW_ACTIONS(X) \
	X(LINE_DOWN,    KG_MOVE,   "line-down",    "Scroll down one line") \
	X(LINE_UP,      KG_MOVE,   "line-up",      "Scroll up one line") \
	X(PAGE_DOWN,    KG_MOVE,   "page-down",    "Scroll down one page") \
	X(PAGE_UP,      KG_MOVE,   "page-up",      "Scroll up one page") \
	X(HALF_DOWN,    KG_MOVE,   "half-down",    "Scroll down half a page") \
	X(HALF_UP,      KG_MOVE,   "half-up",      "Scroll up half a page") \
	X(FIRST,        KG_MOVE,   "first",        "Go to the first paragraph of the pane") \
	X(LAST,         KG_MOVE,   "last",         "Go to the last paragraph of the pane") \
	X(PARA_NEXT,    KG_MOVE,   "para-next",    "Next paragraph") \
	X(PARA_PREV,    KG_MOVE,   "para-prev",    "Previous paragraph") \
	X(BACK,         KG_MOVE,   "back",         "Back to where you were (history)") \
	X(FORWARD,      KG_MOVE,   "forward",      "Forward again (history)") \
	X(PANE_NEXT,    KG_PANES,  "pane-next",    "Focus the next pane") \
	X(PANE_PREV,    KG_PANES,  "pane-prev",    "Focus the previous pane") \
	X(PANE_1,       KG_PANES,  "pane-preamble", "Focus the preamble") \
	X(PANE_2,       KG_PANES,  "pane-operative", "Focus the operative paragraphs") \
	X(PANE_3,       KG_PANES,  "pane-footnotes", "Focus the footnotes") \
	X(ZOOM,         KG_PANES,  "zoom",         "Zoom the focused pane to the full screen and back") \
	X(REF_NEXT,     KG_REFS,   "ref-next",     "Select the next reference of the paragraph") \
	X(REF_PREV,     KG_REFS,   "ref-prev",     "Select the previous reference") \
	X(FOLLOW,       KG_REFS,   "follow",       "Follow the selected reference (the first by default)") \
	X(PREVIEW,      KG_REFS,   "preview",      "Preview the selected reference in a popup") \
	X(SEARCH_FWD,   KG_SEARCH, "search",       "Search forward in all panes") \
	X(SEARCH_BACK,  KG_SEARCH, "search-back",  "Search backward (? is help, as in mutt)") \
	X(SEARCH_NEXT,  KG_SEARCH, "search-next",  "Next match") \
	X(SEARCH_PREV,  KG_SEARCH, "search-prev",  "Previous match") \
	X(SELECT,       KG_NOTES,  "select",       "Select words, from the search match or the paragraph's start") \
	X(SELECT_PARA,  KG_NOTES,  "select-paragraph", "Select the whole paragraph") \
	X(NOTE,         KG_NOTES,  "note",         "Write a note on the selection or the paragraph, typed in place") \
	X(NOTE_EDITOR,  KG_NOTES,  "note-editor",  "Write a note in $VISUAL or $EDITOR (long notes)") \
	X(NOTES_HERE,   KG_NOTES,  "notes-here",   "The paragraph's notes in a popup (e edit, d delete, 1-5 colour)") \
	X(NOTES_PANE,   KG_NOTES,  "notes",        "The notes pane: every note in document order; Enter goes there") \
	X(UNDO,         KG_NOTES,  "undo",         "Undo the last delete of a note") \
	X(EXPORT,       KG_NOTES,  "export",       "Export this document's notes (asks for format and file)") \
	X(COMMAND,      KG_OTHER,  "command",      "Command line (:op 10, :fn 16, :annex 1, :q)") \
	X(OUTLINE,      KG_OTHER,  "outline",      "Outline of the resolution; Enter goes there") \
	X(HELP,         KG_OTHER,  "help",         "This help") \
	X(REDRAW,       KG_OTHER,  "redraw",       "Redraw the screen") \
	X(QUIT,         KG_OTHER,  "quit",         "Quit (closes a popup first)")

enum action {
	ACT_NONE = 0,
#define X(id, g, name, help) ACT_##id,
	VIEW_ACTIONS(X)
#undef X
	ACT_COUNT
};

struct binding {
	int key;
	enum action action;
};

/* The default bindings, in help order. */
extern const struct binding keys_bindings[];
extern const size_t keys_nbindings;

/* The action bound to key, or ACT_NONE. */
enum action keys_action(int key);
const char *keys_action_name(enum action);
const char *keys_action_help(enum action);
enum key_group keys_action_group(enum action);
const char *keys_group_name(enum key_group);

/* A key for people: "j", "Down", "Ctrl-D", "Space", "PgDn". Writes into buf (>= 16 bytes). */
const char *keys_name(int key, char *buf, size_t size);

/* The keys of one action joined by ", " ("j, Down, Ctrl-E"). Writes into buf. */
const char *keys_for_action(enum action, char *buf, size_t size);

/* The help screen as logical lines (the view wraps them): introduction paragraphs, then per
 * group a heading and rows "  KEYS  description" with the description at column
 * KEYS_HELP_COL - 1. Returns the array (caller frees with keys_help_free) and sets *n, or NULL when out of
 * memory. */
#define KEYS_HELP_COL 30
char **keys_help_lines(size_t *n);
void keys_help_free(char **lines, size_t n);

/* The same table as roff for the man page (.TP entries). Returns 0 or -1 on a write error. */
int keys_write_roff(FILE *);

#endif
