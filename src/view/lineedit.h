/* lineedit.h: the one-line editor under ":" and "/" (UTF-8, cursor, kill, history-free). */
#ifndef GAVEL_VIEW_LINEEDIT_H
#define GAVEL_VIEW_LINEEDIT_H

#include <stddef.h>

#define LINEEDIT_MAX 512

struct lineedit {
	char buf[LINEEDIT_MAX];
	size_t len, cur;      /* bytes; cur is always at a character boundary */
};

enum lineedit_result {
	LE_EDITED,      /* the key changed the line or moved the cursor */
	LE_ACCEPT,      /* Enter */
	LE_CANCEL,      /* Esc, Ctrl-C, Ctrl-G, or Backspace on an empty line */
	LE_IGNORED      /* a key the editor does not handle (Tab: completion is the caller's) */
};

void lineedit_clear(struct lineedit *);
void lineedit_set(struct lineedit *, const char *s);
enum lineedit_result lineedit_key(struct lineedit *, int key);

#endif
