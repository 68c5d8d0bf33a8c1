/* cli.h: the subcommands behind `gavel COMMAND`, and what they share (loading a document with
 * one clear message, finding the bundled resolution, the store's path). main.c dispatches. */
#ifndef GAVEL_CLI_CLI_H
#define GAVEL_CLI_CLI_H

#include <stdio.h>
#include "cli/usage.h"
#include "doc/parse.h"

/* Options every command accepts (before or after the command name). */
struct cli_opts {
	const char *db;                 /* --db PATH (else $GAVEL_DB, else the XDG default) */
	enum input_format format;       /* --input-format NAME */
	int width;                      /* --width N for show; 0 = terminal width or 80 */
	int no_color;                   /* NO_COLOR set, --no-color or --color=never */
	int color;                      /* --color=WHEN: CLI_COLOR_AUTO, _ALWAYS or _NEVER */
	int no_pager;                   /* --no-pager */
	const char *with;               /* gavel FILE --with OTHER: OTHER beside FILE */
	const char *lang;               /* --lang: the language to open from the library */
	const char *library;            /* --library PATH (else $GAVEL_LIBRARY, else beside --db) */
};
enum { CLI_COLOR_AUTO, CLI_COLOR_ALWAYS, CLI_COLOR_NEVER };

/* Each command gets argv[0] = its own name and returns a sysexits code. */
int cmd_parse(int argc, char **argv, struct cli_opts *);
int cmd_show(int argc, char **argv, struct cli_opts *);
int cmd_search(int argc, char **argv, struct cli_opts *);
int cmd_notes(int argc, char **argv, struct cli_opts *);
int cmd_export(int argc, char **argv, struct cli_opts *);
int cmd_diff(int argc, char **argv, struct cli_opts *);
/* `gavel notes carry OLD NEW`: cmd_notes hands over to it (diff.c). */
int cmd_notes_carry(int argc, char **argv, struct cli_opts *);
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
/* Same as cli_load, but each resolution goes to the sink (parse.h) as soon as it is built
 * (sink->each takes it: res_free; render and emit let it be rendered on several threads), so
 * that a large file is never held whole (parse_file_sink). Returns 0 or the exit code, the
 * message printed. */
int cli_load_sink(const char *path, const struct cli_opts *, unsigned need,
                  const struct parse_sink *);

/* The library (src/library), for the commands of issue 14 (cli/library*.c). */
struct library;
/* Its path: --library, else $GAVEL_LIBRARY, else library.db beside the notes database.
 * Caller frees; NULL when out of memory. */
char *cli_library_path(const struct cli_opts *);
/* Opens the library beside the notes database ($GAVEL_LIBRARY overrides); with write, it is
 * created when missing. Prints the reason and returns the sysexits code, or 0; with
 * missing_ok and no library yet, returns 0 with *out = NULL and prints nothing. */
int cli_library_open(const struct cli_opts *, int write, int missing_ok, struct library **out);
/* `what` is no file but names a document of the library ("78/217", "S/RES/2672 (2023)", a
 * title): loads it into *out as a collection of one (the language opts->lang, else the
 * user's, else English, first). Returns 0, a sysexits code after a message, or -1 when
 * `what` is a file or the library cannot say (the caller reads it as a file). */
int cli_library_load(const char *what, const struct cli_opts *, struct collection **out);
int cmd_add(int argc, char **argv, struct cli_opts *);
int cmd_library(int argc, char **argv, struct cli_opts *);
int cmd_rm(int argc, char **argv, struct cli_opts *);
int cmd_open(int argc, char **argv, struct cli_opts *);
int cmd_used(int argc, char **argv, struct cli_opts *);
int cmd_links(int argc, char **argv, struct cli_opts *);

/* The sysexits code for a store error (enum store_err): the same in every command. */
int cli_store_exit(int err);

/* Resolves the database path from opts, $GAVEL_DB, XDG. Caller frees. */
char *cli_db_path(const struct cli_opts *);

/* getopt_long over command cmd's options, as the usage table (usage.h) lists them: returns
 * the code of the next of the command's own options (optarg holds its value); 0 when the
 * options are over (the operands start at argv[optind]); -1 when the command is to return
 * *rc at once: 0 after --help (printed), EX_USAGE after a bad option (message printed). The
 * shared options (--db, --input-format, --color, ...) are applied to opts here and never
 * returned. `g` is the caller's and zeroed; the first call fills it and resets getopt. */
int cli_getopt(int argc, char **argv, const char *cmd, struct usage_getopt *g,
               struct cli_opts *, int *rc);

/* Sets opts->width from --width's value (10 to 10000). Returns 0, or EX_USAGE after saying
 * why. */
int cli_width(const char *cmd, const char *arg, struct cli_opts *);

/* The store's key of the colour the user names: a key ("red"), the name the configuration
 * gives it (color.red.name = concern), case aside, or its number (1 to 5). NULL, after
 * saying which names there are, for another word (exit 64: one vocabulary, one error). */
const char *cli_color_key(const char *cmd, const char *name);

/* What the configuration calls colour `key`, else the key. */
const char *cli_color_name(const char *key);

/* The configuration's names of the colours, for the exporters: fills out[0..max), returns
 * how many. Points into state the CLI keeps for the process. */
struct export_color;
size_t cli_color_names(struct export_color *out, size_t max);

/* Long output to a terminal goes through a pager, as git's does: $GAVEL_PAGER, else $PAGER,
 * else less (with LESS=FRX when unset: it quits at once when the text fits the screen, and
 * passes colours); none when stdout is no terminal, with --no-pager, or when the pager is ""
 * or "cat". Call it when the output is about to start, after anything that looks at the
 * terminal. Returns 1 when a pager was started (stdout then goes to it; it is waited for at
 * exit), 0 when none, -1 when it could not be (stdout is left as it was). */
int cli_pager_start(const struct cli_opts *);
/* Whether stdout is a terminal, or a pager on one. */
int cli_stdout_terminal(void);

/* Whether the terminal can run the reader: not TERM=dumb (or unset), as less says. Prints
 * why not, pointing to gavel show, and returns 0 when it cannot. */
int cli_reader_terminal(void);

/* Whether output on fd gets colours: --color=always, or a terminal under --color=auto
 * without NO_COLOR. */
int cli_color(const struct cli_opts *, int fd);

/* `gavel help [COMMAND]`. */
int cmd_help(int argc, char **argv, struct cli_opts *);

/* Print "gavel: " + message + newline to stderr, control characters neutralised (a file name
 * or a quote cannot drive the terminal). cli_notice is for warnings and notices. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
