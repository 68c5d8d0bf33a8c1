/* ledit.h: what the one-line editor (lineedit.h) needs for notes and prompts besides its
 * basic keys: moving and deleting by grapheme cluster (a letter and its combining marks go
 * together), by word, and showing a line longer than its field by scrolling it sideways by
 * display width (double-width characters are never cut).
 *
 * It works on struct lineedit (the same buffer, length and cursor), so the command line, the
 * search line and the note prompt share one editor. */
#ifndef GAVEL_VIEW_LEDIT_H
#define GAVEL_VIEW_LEDIT_H

#include <stddef.h>

#include "view/keys.h"
#include "view/lineedit.h"

/* Byte offsets of the grapheme cluster before / after byte `at` of the line. */
size_t ledit_prev(const struct lineedit *, size_t at);
size_t ledit_next(const struct lineedit *, size_t at);

/* Word starts and ends around `at` (words: letters, digits, marks; the rest separates). */
size_t ledit_word_left(const struct lineedit *, size_t at);
size_t ledit_word_right(const struct lineedit *, size_t at);

/* What the line editor does (the reader's keymap for the line, mode-line.c, names them). */
enum ledit_op {
	LEDIT_LEFT, LEDIT_RIGHT,               /* by grapheme cluster */
	LEDIT_WORD_LEFT, LEDIT_WORD_RIGHT,
	LEDIT_START, LEDIT_END,
	LEDIT_DELETE_BACK,                     /* on an empty line: LE_CANCEL */
	LEDIT_DELETE, LEDIT_DELETE_WORD,       /* the word before the cursor */
	LEDIT_KILL_START, LEDIT_KILL_END
};
enum lineedit_result ledit_do(struct lineedit *, enum ledit_op);

/* The same from a key as readline has it (Backspace, Delete, arrows, Ctrl-W, Ctrl-Left...);
 * everything else as lineedit_key (insert, Home/End, Ctrl-A/E/K/U, Enter, Esc). For tests and
 * callers without a keymap. */
enum lineedit_result ledit_key(struct lineedit *, int key);

/* Sideways scrolling for a field `width` columns wide (>= 1): moves *first (a byte offset of
 * the first character shown, kept by the caller between calls) so the cursor stays visible,
 * with a little context on the left when the line scrolls. Returns the cursor's column in the
 * field. The caller draws the line from *first, cutting at `width` columns (ledit_fit). */
int ledit_scroll(const struct lineedit *, int width, size_t *first);

/* How many bytes from `from` fit into `width` columns without cutting a character. */
size_t ledit_fit(const char *s, size_t from, size_t len, int width);

#endif
