/* extedit.h: writing a long note in the user's editor ($VISUAL, else $EDITOR, else vi).
 *
 * The text goes into a private temporary file (mode 0600, in $TMPDIR or /tmp), the editor runs
 * on it through /bin/sh (so EDITOR="emacs -nw" works), and the file is read back and removed.
 * The caller owns the terminal: the curses layer leaves curses mode before extedit_run and
 * resumes after. No curses here, so the round trip is unit-tested with a scripted "editor". */
#ifndef GAVEL_VIEW_EXTEDIT_H
#define GAVEL_VIEW_EXTEDIT_H

#include <stddef.h>

/* The editor command: $VISUAL, else $EDITOR, else "vi" (empty variables are skipped). */
const char *extedit_command(void);

/* Runs the editor on `initial` (may be NULL). On success sets *out to the edited text (caller
 * frees) without its trailing newlines and returns 0. Returns 1 when the editor failed (exit
 * status not 0: the edit is abandoned, as git does) and -1 on a system error; err (errlen
 * bytes) says what happened. The temporary file is always removed. Texts over 1 MiB are
 * refused. */
int extedit_run(const char *initial, char **out, char *err, size_t errlen);

/* The text an editor gave back without the comment lines gavel put into it: every line equal
 * to one of the lines of `comments` (NULL: none) goes, then the blank lines at the end. A
 * line the user wrote that starts with '#' stays (a note may say "#2 priority"). Caller
 * frees; NULL when out of memory. */
char *extedit_strip(const char *text, const char *comments);

#endif
