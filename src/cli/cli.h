/* cli.h: the subcommands behind `gavel COMMAND`, and what they share (loading a document with
 * one clear message, finding the bundled resolution, the store's path). main.c dispatches. */
#ifndef GAVEL_CLI_CLI_H
#define GAVEL_CLI_CLI_H

#include <stdio.h>
#include "doc/parse.h"

/* Options every command accepts (before or after the command name). */
struct cli_opts {
	const char *db;                 /* --db PATH (else $GAVEL_DB, else the XDG default) */
	enum input_format format;       /* --input-format NAME */
	int width;                      /* --width N for show; 0 = terminal width or 80 */
	int no_color;                   /* NO_COLOR set or --no-color */
};

/* Each command gets argv[0] = its own name and returns a sysexits code. */
int cmd_parse(int argc, char **argv, struct cli_opts *);
int cmd_show(int argc, char **argv, struct cli_opts *);
int cmd_search(int argc, char **argv, struct cli_opts *);
int cmd_notes(int argc, char **argv, struct cli_opts *);
int cmd_export(int argc, char **argv, struct cli_opts *);
int cmd_diff(int argc, char **argv, struct cli_opts *);
/* `gavel notes import FILE.json` (W3C Web Annotation JSON): cmd_notes hands over to it. */
int cmd_notes_import(int argc, char **argv, struct cli_opts *);
/* The interactive reader on FILE (NULL: the bundled resolution). */
int cmd_read(const char *file, struct cli_opts *);

/* Path of the bundled A/RES/58/190: installed under PKGDATADIR, or share/ of the build or
 * source tree when run from there. Static storage. */
const char *cli_sample_path(void);

/* Parses path (NULL = the bundled sample) and prints warnings as "gavel: FILE: warning: ...".
 * On a fatal error prints "gavel: FILE: reason" and returns the sysexits code. */
int cli_load(const char *path, const struct cli_opts *, struct collection **out);
/* Same, and hands back the diagnostics (the reader repeats the first warning on its status
 * line, where the user sees it; stderr is hidden behind the screen). */
int cli_load_diag(const char *path, const struct cli_opts *, struct collection **out,
                  struct parse_diag *diag);

/* The sysexits code for a store error (enum store_err): the same in every command. */
int cli_store_exit(int err);

/* Resolves the database path from opts, $GAVEL_DB, XDG. Caller frees. */
char *cli_db_path(const struct cli_opts *);

/* Common long options: returns 1 if `c` (a getopt_long result) was one of them and was
 * handled, 0 if not, and -1 (after printing a message) on a bad value. */
int cli_common_option(int c, const char *arg, struct cli_opts *);

/* For a getopt_long result that is none of command `cmd`'s own options: a common option is
 * applied; anything else is refused with "CMD: unknown option; try 'gavel CMD --help'" (a bad
 * value with cli_common_option's message). Returns 0 to go on, else EX_USAGE. */
int cli_other_option(const char *cmd, int c, const char *arg, struct cli_opts *);

/* The option codes for cli_common_option, for use in each command's getopt table. */
enum { OPT_DB = 0x100, OPT_INPUT_FORMAT, OPT_WIDTH, OPT_NO_COLOR };
#define CLI_COMMON_LONGOPTS \
	{ "db", required_argument, NULL, OPT_DB }, \
	{ "input-format", required_argument, NULL, OPT_INPUT_FORMAT }, \
	{ "no-color", no_argument, NULL, OPT_NO_COLOR }

/* Print "gavel: " + message + newline to stderr, control characters neutralised (a file name
 * or a quote cannot drive the terminal). cli_notice is for warnings and notices. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
