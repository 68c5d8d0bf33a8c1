/* command.h: the ":" command line: parsing into a target, and completion of ids.
 *
 * Commands: op N, pp N, fn N (a footnote), annex N, res NUMBER (a document of a compilation;
 * "res" alone lists them), outline, help, copy [FILE] (the paragraph with its citation, to the
 * clipboard or appended to FILE), q; a bare number is an operative paragraph; an id as the model spells it
 * ("op3.a.ii", "fn16") goes there. Sub-paragraphs can be written 3.a.ii or 3 (a) (ii). */
#ifndef GAVEL_VIEW_COMMAND_H
#define GAVEL_VIEW_COMMAND_H

#include <stddef.h>

#include "doc/resolution.h"

enum command_kind {
	CMD_ERROR,      /* msg says why */
	CMD_NONE,       /* an empty line */
	CMD_GOTO,       /* para: the paragraph's index */
	CMD_DOC,        /* doc: the document's index in the collection */
	CMD_OUTLINE,
	CMD_DOCS,       /* the list of the documents of a compilation */
	CMD_HELP,
	CMD_QUIT,
	CMD_COPY        /* arg: the file, "" for the clipboard */
};

struct command {
	enum command_kind kind;
	int para;
	int doc;
	char msg[160];
	char arg[512];
};

/* Parses and resolves one command line against the current document. */
void command_parse(const char *line, const struct collection *, int doc,
                   const struct resolution *, struct command *out);

/* Completion: candidate lines for `line` (command names, then ids), sorted, at most `max`.
 * Returns the number of candidates found (may exceed max; only max are stored) and sets
 * out[i] to new strings (caller frees each), or -1 when out of memory. */
int command_complete(const char *line, const struct collection *, const struct resolution *,
                     char **out, int max);

/* The longest common prefix of n strings, in bytes. */
size_t command_common_prefix(char *const *v, int n);

#endif
