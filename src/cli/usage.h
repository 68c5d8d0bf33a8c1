/* usage.h: the command line as one table of rows (commands, their text, options, exit codes),
 * from which `gavel --help`, every `gavel COMMAND --help`, the getopt tables and the man
 * page's SYNOPSIS, OPTIONS, COMMANDS and EXIT STATUS sections are all made, so they cannot
 * disagree. Pure data and formatting: no state, no terminal, no I/O but the FILE given.
 * How to add a command or an option: see the head of the table in usage.c. */
#ifndef GAVEL_CLI_USAGE_H
#define GAVEL_CLI_USAGE_H

#include <getopt.h>
#include <stdio.h>

/* getopt codes of the options without a short letter (those with one use the letter). */
enum usage_opt {
	OPT_DB = 0x100, OPT_INPUT_FORMAT, OPT_WIDTH, OPT_NO_COLOR, OPT_WHEN, OPT_NO_PAGER,
	OPT_JSON, OPT_QUOTE, OPT_COLOR, OPT_TAG, OPT_DATE,
};

enum usage_kind {
	U_END,
	U_CMD,     /* starts a command: name ("" = gavel itself, "notes add"), operands, summary */
	U_TEXT,    /* a paragraph of the command's description */
	U_OPT,     /* an option: long name, short letter, value's name, getopt code, text */
	U_COMMON,  /* one of gavel's shared options that matters to this command (named only) */
	U_LIST,    /* a list made elsewhere (the export formats), under the option before it */
	U_EXIT,    /* an exit status and what it means for this command */
};

/* U_OPT flags. */
#define U_REPEAT   1   /* may be given more than once: "[--tag TAG]..." */
#define U_SHARED   2   /* (gavel's own options) accepted by every command */
#define U_OPTIONAL 4   /* the value is optional: --color[=WHEN] */
#define U_HIDDEN   8   /* accepted, never listed: a second spelling (--colour) */

struct usage_row {
	enum usage_kind kind;
	const char *name;   /* U_CMD: the command; U_OPT, U_COMMON: the long option ("width") */
	int letter;         /* U_OPT: the short option ('o'), or 0 */
	const char *arg;    /* U_CMD: operands ("[FILE [ID]...]"); U_OPT: the value ("N") or NULL */
	int code;           /* U_OPT: the getopt code; U_EXIT: the status */
	int flags;          /* U_OPT: U_REPEAT, U_SHARED, U_OPTIONAL, U_HIDDEN */
	const char *text;   /* U_CMD: one-line summary; U_TEXT, U_OPT, U_EXIT: the text */
	/* U_LIST: the i-th item's term and text; returns 0 past the end. */
	int (*item)(int i, const char **term, const char **text);
};

/* The table, ending with a U_END row. */
extern const struct usage_row usage_table[];

/* The U_CMD row of `cmd` ("show", "notes add"; "" for gavel itself), or NULL. */
const struct usage_row *usage_find(const char *cmd);

/* Writes `gavel --help`. Returns 0, or -1 on a write error. */
int usage_write_main(FILE *);
/* Writes `gavel CMD --help`. Returns 0, -1 on a write error, -2 when cmd has no rows. */
int usage_write_command(FILE *, const char *cmd);
/* Writes one of the man page's generated sections, as roff: "synopsis", "options",
 * "commands" or "exit" (between the markers of that name in man/gavel.1); "names" lists
 * the commands, one a line, for tests. Returns 0, -1 on a write error, -2 for an unknown
 * section. */
int usage_write_roff(FILE *, const char *which);

/* The getopt tables of one command: its own options, then the shared ones it does not
 * override (--help among them). `shortopts` starts with ':' (a missing value is reported as
 * ':'), and with "+:" for gavel itself and commands with subcommands, whose first operand
 * ends the options. */
struct usage_getopt {
	struct option longopts[40];
	char shortopts[40];
	int ready;          /* set by usage_getopt_init */
};
/* Returns 0, or -1 when cmd has no rows or too many options (a programming error). */
int usage_getopt_init(struct usage_getopt *, const char *cmd);

/* The command closest to a mistyped word ("lst" -> "notes list", "exprt" -> "export"), or
 * NULL when none is close. Points into the table. */
const char *usage_suggest(const char *word);

#endif
