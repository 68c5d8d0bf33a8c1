/* copy.h: a quote with its citation, for the clipboard or a file.
 *
 *     “… consular official of their own State …” (A/RES/58/190, para. 10)
 *
 * The citation is the export's (export_citation: "A/RES/58/190, para. 3 (a) (ii)"); an
 * ellipsis marks a quote that starts or ends inside the paragraph. The clipboard is reached
 * through a command of the user's (wl-copy, xclip -selection clipboard, pbcopy), or, without
 * one, through the terminal (OSC 52: the curses layer writes it). */
#ifndef GAVEL_VIEW_COPY_H
#define GAVEL_VIEW_COPY_H

#include <stddef.h>

#include "doc/resolution.h"

/* The quote of code points [start, end) of paragraph para's text (end 0 or past the end: to
 * its end) with its citation, on one line. Caller frees; NULL when out of memory or the
 * paragraph has no text. */
char *copy_citation(const struct resolution *, int para, size_t start, size_t end);

/* The same for a quote known only by its words (a note whose paragraph is not in this text):
 * exact as the quote, cited by paragraph id. */
char *copy_citation_of(const struct resolution *, const char *para_id, const char *exact,
                       int starts_para, int ends_para);

/* The OSC 52 escape sequence that puts text on the terminal's clipboard. Caller frees. */
char *copy_osc52(const char *text);

/* Runs `command` through /bin/sh with text on its standard input (its output goes to
 * /dev/null: the screen stays whole). 0, or -1 with err saying why. */
int copy_run(const char *command, const char *text, char *err, size_t errlen);

/* Appends text and a newline to the file at path (created 0644 as the umask allows; "~/"
 * is the home directory). 0, or -1 with err saying why. */
int copy_append(const char *path, const char *text, char *err, size_t errlen);

/* "~/x" as the home directory's x, as a shell would have it. */
void copy_expand_path(const char *in, char *out, size_t size);

#endif
