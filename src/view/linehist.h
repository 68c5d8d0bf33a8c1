/* linehist.h: the lines typed before, per kind (commands, searches), for Up and Down on the
 * edited line, as less and vim keep them; kept between sessions in a file.
 *
 * The file ($XDG_STATE_HOME/gavel/history, else ~/.local/state/gavel/history; mode 0600) holds
 * one line per entry, oldest first, each starting with its kind's character (':' a command,
 * '/' a search). It is read the first time a history is needed, not at start, and written on
 * quit only when this session added lines, merged with what other gavel processes wrote
 * meanwhile (a temporary file, then rename: never half a history).
 *
 * Browsing: linehist_step moves through the entries that start with what was typed before the
 * first step (vim's Up on ":op"), newest first; the typed line comes back after the newest.
 *
 * Ownership: the struct owns its strings; linehist_free frees them. */
#ifndef GAVEL_VIEW_LINEHIST_H
#define GAVEL_VIEW_LINEHIST_H

#include <stddef.h>

#include "view/lineedit.h"

enum { LINEHIST_COMMAND, LINEHIST_SEARCH, LINEHIST_KINDS };
#define LINEHIST_MAX 200

struct linehist {
	char *v[LINEHIST_KINDS][LINEHIST_MAX];   /* oldest first */
	int n[LINEHIST_KINDS];
	char *added[LINEHIST_KINDS][LINEHIST_MAX];   /* this session's, for the merge on save */
	int nadded[LINEHIST_KINDS];
	int loaded;
	char *path;             /* NULL: linehist_default_path() */
	/* Browsing (one line at a time). */
	int kind, at;           /* at: index into v[kind] while browsing, -1 otherwise */
	char typed[LINEEDIT_MAX];
};

/* $XDG_STATE_HOME/gavel/history (an absolute $XDG_STATE_HOME only), else
 * ~/.local/state/gavel/history; NULL without either. Caller frees. */
char *linehist_default_path(void);

void linehist_free(struct linehist *);

/* Adds a line that was run (an empty one, or the same as the newest, is not added). */
void linehist_add(struct linehist *, int kind, const char *line);

/* Starts browsing kind: `typed` is the line as it is (the prefix entries must start with). */
void linehist_start(struct linehist *, int kind, const char *typed);
/* One step back (dir -1, older) or forward (+1, newer) among the entries starting with the
 * typed prefix. Returns the line to show (the typed one past the newest), or NULL when there
 * is nothing further that way. */
const char *linehist_step(struct linehist *, int dir);

/* Reads the file now if it was not read. 0, or -1 when it exists but cannot be read. */
int linehist_load(struct linehist *);
/* Writes the file when this session added lines. 0, or -1 (err says why). */
int linehist_save(struct linehist *, char *err, size_t errlen);

#endif
