/* keys.h: the reader's keys and actions, as data.
 *
 * VIEW_ACTIONS is an X-macro: one list generates the action enum, the names the configuration's
 * `bind` lines use, and the help text that the help screen and the man page print, so they can
 * never disagree. Which key does what is not here: every mode has its own keymap of these
 * actions (keymap.h), looked up before the generic one, as tig does.
 *
 * Keys are code points (Unicode; control characters as themselves: Ctrl-D is 4) or VK_* for
 * keys that have no character; the curses layer translates its KEY_* codes to these.
 *
 * Adding an action: one row here (ID, "name", "help"), then a row in the default keymap of each
 * mode that handles it (in that mode's file, mode-*.c), and a case in that mode's action
 * function. tests/unit/test_view_keys.c checks that every action is bound somewhere and that
 * no mode binds a key twice. */
#ifndef GAVEL_VIEW_KEYS_H
#define GAVEL_VIEW_KEYS_H

#include <stddef.h>

enum {
	VK_BASE = 0x110000,      /* above every code point */
	VK_UP, VK_DOWN, VK_LEFT, VK_RIGHT, VK_PGUP, VK_PGDN, VK_HOME, VK_END,
	VK_BACKSPACE, VK_ENTER, VK_ESC, VK_TAB, VK_BTAB, VK_DELETE, VK_F1,
	VK_RESIZE, VK_MOUSE,
	VK_WORD_LEFT, VK_WORD_RIGHT,  /* Ctrl-Left, Ctrl-Right: by word on the edited lines */
	VK_F2, VK_F3, VK_F4, VK_F5, VK_F6, VK_F7, VK_F8, VK_F9, VK_F10, VK_F11, VK_F12,
	VK_INSERT,
	VK_LAST
};
#define VK_CTRL(c) ((c) & 0x1f)

/* X(ID, "name", "help"): the help says what the action does in the mode that binds it by
 * default; a keymap row may say it in that mode's own words (keymap.h). */
#define VIEW_ACTIONS(X) \
	/* Moving, in every screen that scrolls or lists (the generic keymap) */ \
	X(LINE_DOWN,     "line-down",     "Down one line") \
	X(LINE_UP,       "line-up",       "Up one line") \
	X(PAGE_DOWN,     "page-down",     "Down one page") \
	X(PAGE_UP,       "page-up",       "Up one page") \
	X(HALF_DOWN,     "half-down",     "Down half a page") \
	X(HALF_UP,       "half-up",       "Up half a page") \
	X(FIRST,         "first",         "To the first paragraph of the pane (or the first line)") \
	X(LAST,          "last",          "To the last paragraph of the pane (or the last line)") \
	X(HELP,          "help",          "The keys of every screen (this help)") \
	X(REDRAW,        "redraw",        "Redraw the screen") \
	X(CLOSE,         "close",         "Close, back to the screen under it") \
	/* Reading */ \
	X(PARA_NEXT,     "para-next",     "Next paragraph") \
	X(PARA_PREV,     "para-prev",     "Previous paragraph") \
	X(BACK,          "back",          "Back to where you were (history)") \
	X(FORWARD,       "forward",       "Forward again (history)") \
	X(PANE_NEXT,     "pane-next",     "Focus the next pane") \
	X(PANE_PREV,     "pane-prev",     "Focus the previous pane") \
	X(PANE_1,        "pane-preamble", "Focus the preamble") \
	X(PANE_2,        "pane-operative", "Focus the operative paragraphs") \
	X(PANE_3,        "pane-footnotes", "Focus the footnotes") \
	X(ZOOM,          "zoom",          "Zoom the focused pane to the full screen and back") \
	X(FOOTNOTES_FOLLOW, "footnotes-follow", \
	  "Footnotes pane follows the reading (shows what the paragraphs on screen cite): on/off") \
	X(REF_NEXT,      "ref-next",      "Select the next reference of the paragraph") \
	X(REF_PREV,      "ref-prev",      "Select the previous reference") \
	X(FOLLOW,        "follow",        "Follow the selected reference (the first by default)") \
	X(PREVIEW,       "preview",       "Preview the selected reference in a popup") \
	X(SEARCH_FWD,    "search",        "Search forward in all panes") \
	X(SEARCH_BACK,   "search-back",   "Search backward (? is help, as in mutt)") \
	X(SEARCH_NEXT,   "search-next",   "Next match") \
	X(SEARCH_PREV,   "search-prev",   "Previous match") \
	X(SEARCH_HIDE,   "search-hide",   "Hide the matches (search-next shows them again)") \
	X(COMMAND,       "command",       "Command line (:op 10, :fn 16, :annex 1, :copy FILE, :q)") \
	X(OUTLINE,       "outline",       "Outline of the resolution; Enter goes there") \
	X(QUIT,          "quit",          "Quit") \
	/* Notes */ \
	X(SELECT,        "select",        "Select words, from the search match or the paragraph's start") \
	X(SELECT_PARA,   "select-paragraph", "Select the whole paragraph") \
	X(NOTE,          "note",          "Write a note on the selection or the paragraph, typed in place") \
	X(NOTE_EDITOR,   "note-editor",   "Write a note in $VISUAL or $EDITOR (long notes)") \
	X(NOTES_HERE,    "notes-here",    "The paragraph's notes in a popup") \
	X(NOTES_PANE,    "notes",         "The notes pane: every note in document order") \
	X(UNDO,          "undo",          "Undo the last change to a highlight or note") \
	X(REDO,          "redo",          "Redo what undo undid") \
	X(EXPORT,        "export",        "Export this document's notes (asks for format and file)") \
	X(COPY,          "copy",          "Copy the paragraph with its citation to the clipboard") \
	X(COPY_FILE,     "copy-file",     "Append the paragraph with its citation to a file (asks which)") \
	/* Selecting words */ \
	X(SEL_LEFT,      "sel-left",      "Move the free end back a character") \
	X(SEL_RIGHT,     "sel-right",     "Move the free end on a character") \
	X(SEL_WORD_NEXT, "sel-word-next", "Move the free end to the next word") \
	X(SEL_WORD_PREV, "sel-word-prev", "Move the free end to the start of the word") \
	X(SEL_WORD_END,  "sel-word-end",  "Move the free end to the end of the word") \
	X(SEL_START,     "sel-start",     "Move the free end to the paragraph's start") \
	X(SEL_END,       "sel-end",       "Move the free end to the paragraph's end") \
	X(SEL_SWAP,      "sel-swap",      "Swap the ends of the selection") \
	X(HIGHLIGHT,     "highlight",     "Highlight in the colour used last") \
	X(COLOR_1,       "color-1",       "Colour 1 (yellow)") \
	X(COLOR_2,       "color-2",       "Colour 2 (green)") \
	X(COLOR_3,       "color-3",       "Colour 3 (blue)") \
	X(COLOR_4,       "color-4",       "Colour 4 (red)") \
	X(COLOR_5,       "color-5",       "Colour 5 (purple)") \
	X(TAGS,          "tags",          "Tags of the note (words; Tab completes)") \
	/* A note in the popup and the notes pane */ \
	X(EDIT_NOTE,     "edit-note",     "Edit the note, typed in place") \
	X(EDIT_NOTE_EDITOR, "edit-note-editor", "Edit the note in $VISUAL or $EDITOR") \
	X(DELETE_NOTE,   "delete-note",   "Delete the note (asks first; undo brings it back)") \
	X(FILTER_TAG,    "filter-tag",    "Only the notes with a tag (asks which)") \
	X(FILTER_CLEAR,  "filter-clear",  "Every note again (no filter)") \
	/* The edited line (commands, search, notes, tags, file names) */ \
	X(ACCEPT,        "accept",        "Run the command, search, or save what was typed") \
	X(COMPLETE,      "complete",      "Complete (ids, commands, tags); again: the next candidate") \
	X(HIST_PREV,     "history-prev",  "The previous line typed here (starting as typed so far)") \
	X(HIST_NEXT,     "history-next",  "The next line typed here") \
	X(CHAR_LEFT,     "char-left",     "Cursor back a character") \
	X(CHAR_RIGHT,    "char-right",    "Cursor on a character") \
	X(WORD_LEFT,     "word-left",     "Cursor back a word") \
	X(WORD_RIGHT,    "word-right",    "Cursor on a word") \
	X(LINE_START,    "line-start",    "Cursor to the start") \
	X(LINE_END,      "line-end",      "Cursor to the end") \
	X(DELETE_BACK,   "delete-back",   "Delete the character before the cursor (on an empty line: cancel)") \
	X(DELETE_CHAR,   "delete-char",   "Delete the character under the cursor") \
	X(DELETE_WORD,   "delete-word",   "Delete the word before the cursor") \
	X(KILL_START,    "kill-start",    "Delete from the start to the cursor") \
	X(KILL_END,      "kill-end",      "Delete from the cursor to the end") \
	/* A question */ \
	X(YES,           "yes",           "Yes")

enum action {
	ACT_NONE = 0,
#define X(id, name, help) ACT_##id,
	VIEW_ACTIONS(X)
#undef X
	ACT_COUNT
};

/* The colour (0..4) of the actions color-1..color-5, -1 for every other action. */
#define keys_color_of(a) ((a) >= ACT_COLOR_1 && (a) <= ACT_COLOR_5 ? (int)((a) - ACT_COLOR_1) : -1)

const char *keys_action_name(enum action);
const char *keys_action_help(enum action);

/* The action called `name` ("line-down"; "none" is ACT_NONE), or -1. */
int keys_action_find(const char *name);

/* Arrays of lines (the help's, a popup's): appends a copy of s to *lines (n used, cap
 * allocated; both grow), 0 or -1 when out of memory; frees n of them and the array. */
int keys_lines_push(char ***lines, size_t *n, size_t *cap, const char *s);
void keys_help_free(char **lines, size_t n);

/* A key for people: "j", "Down", "Ctrl-D", "Space", "PgDn". Writes into buf (>= 16 bytes). */
const char *keys_name(int key, char *buf, size_t size);

/* The key a configuration names: a character ("j", "é", "#"), a name as keys_name writes it
 * ("Space", "Enter", "PgDn", "Ctrl-D", "F1"), the forms of tig and vim ("<C-d>", "C-d", "^D",
 * "<Enter>", "<Esc>", "<Space>") and a few spellings more ("Return", "PageDown", "Del",
 * "BackTab"); case matters only for one character. Returns the key code, or -1. */
int keys_parse(const char *name);

#endif
