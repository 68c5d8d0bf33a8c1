/* common.c: what every subcommand shares: one way to load a document and report problems,
 * the bundled sample's location, the database path and the common options. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <signal.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/cli.h"
#include "export/export.h"
#include "store/store.h"
#include "text/utf8.h"
#include "view/conf.h"

#define SAMPLE_NAME "a-res-58-190-en.ods.txt"

/* Messages name files and quote documents: a path or text holding escape sequences must not
 * reach the terminal raw, so every message goes through the sanitiser. */
static void say(const char *prefix, const char *fmt, va_list ap)
{
	char buf[2048];
	vsnprintf(buf, sizeof buf, fmt, ap);
	char *safe = utf8_sanitize(buf, strlen(buf), 0);
	fprintf(stderr, "gavel: %s%s\n", prefix, safe ? safe : "(message lost: out of memory)");
	free(safe);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say("", fmt, ap);
	va_end(ap);
}

void cli_notice(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say("", fmt, ap);
	va_end(ap);
}

static int readable(const char *path)
{
	return access(path, R_OK) == 0;
}

/* $GAVEL_SAMPLE; else beside the program: PREFIX/bin/../share/gavel/ (an installation, also
 * one moved elsewhere as a whole), then src/../share/ (the build tree, where a VPATH build
 * puts a copy); else the configured data directory. Nothing of the build's own directories
 * is compiled in. */
const char *cli_sample_path(void)
{
	static char path[PATH_MAX];
	const char *env = getenv("GAVEL_SAMPLE");
	if (env && *env) {
		snprintf(path, sizeof path, "%s", env);
		return path;
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *dir = dirname(exe);             /* PREFIX/bin, or the build tree's src */
		static const char *const beside[] = { "../share/" PACKAGE_TARNAME, "../share" };
		for (size_t i = 0; i < sizeof beside / sizeof *beside; i++) {
			snprintf(path, sizeof path, "%s/%s/%s", dir, beside[i], SAMPLE_NAME);
			if (readable(path))
				return path;
		}
	}
	snprintf(path, sizeof path, "%s/%s", PKGDATADIR, SAMPLE_NAME);
	return path;
}

int cli_load(const char *path, const struct cli_opts *opts, struct collection **out)
{
	struct parse_diag diag;
	return cli_load_diag(path, opts, out, &diag);
}

int cli_load_diag(const char *path, const struct cli_opts *opts, struct collection **out,
                  struct parse_diag *diagp)
{
	struct parse_diag diag;
	memset(&diag, 0, sizeof diag);
	if (!path)
		path = cli_sample_path();
	/* not a file, but a document of the library ("gavel show 78/217") */
	int lr = cli_library_load(path, opts, out);
	if (lr >= 0) {
		*diagp = diag;
		return lr;
	}
	int rc = parse_file(path, opts->format, out, &diag);
	for (int i = 0; i < diag.nwarnings; i++)
		cli_notice("%s: warning: %s", path, diag.warnings[i]);
	if (rc != 0) {
		cli_error("%s: %s", path, diag.reason[0] ? diag.reason : "cannot read");
		*out = NULL;
	}
	*diagp = diag;
	return rc;
}

int cli_load_sink(const char *path, const struct cli_opts *opts, unsigned need,
                  const struct parse_sink *sink)
{
	int (*each)(void *, struct resolution *) = sink->each;
	void *ctx = sink->ctx;
	if (!path)
		path = cli_sample_path();
	struct collection *col;
	int lr = cli_library_load(path, opts, &col);
	if (lr >= 0) {
		int stop = 0;
		for (size_t i = 0; lr == 0 && i < col->ndocs; i++) {
			struct resolution *res = col->docs[i];
			col->docs[i] = NULL;
			if (!stop)
				stop = each(ctx, res);
			else
				res_free(res);
		}
		collection_free(col);
		return lr;
	}
	struct parse_diag diag;
	memset(&diag, 0, sizeof diag);
	int rc = parse_file_sink(path, opts->format, need, sink, &diag);
	for (int i = 0; i < diag.nwarnings; i++)
		cli_notice("%s: warning: %s", path, diag.warnings[i]);
	if (rc != 0)
		cli_error("%s: %s", path, diag.reason[0] ? diag.reason : "cannot read");
	return rc;
}

char *cli_db_path(const struct cli_opts *opts)
{
	if (opts->db && *opts->db)
		return strdup(opts->db);
	return store_default_path();
}

/* A value of --color: auto, always or never; -1 for anything else. */
static int color_when(const char *arg)
{
	static const char *const names[] = { "auto", "always", "never" };
	for (int i = 0; i < 3; i++)
		if (strcmp(arg, names[i]) == 0)
			return i;
	return -1;
}

/* Applies shared option c. Returns 1 when it was one, 0 when not, -1 (message printed) for a
 * bad value. */
static int shared_option(const char *cmd, int c, const char *arg, struct cli_opts *opts)
{
	switch (c) {
	case OPT_DB:
		if (!*arg) {
			cli_error("%s%s--db needs a path", cmd, *cmd ? ": " : "");
			return -1;
		}
		opts->db = arg;
		return 1;
	case OPT_INPUT_FORMAT: {
		int f = input_format_from_name(arg);
		if (f < 0) {
			char names[256];
			cli_error("%s%sunknown input format '%s' (%s)", cmd, *cmd ? ": " : "", arg,
			          input_format_list(names, sizeof names));
			return -1;
		}
		opts->format = (enum input_format)f;
		return 1;
	}
	case OPT_WHEN: {
		int w = arg ? color_when(arg) : CLI_COLOR_ALWAYS;
		if (w < 0) {
			cli_error("%s%s--color takes auto, always or never, not '%s'", cmd,
			          *cmd ? ": " : "", arg);
			return -1;
		}
		opts->color = w;
		opts->no_color = w == CLI_COLOR_NEVER;
		return 1;
	}
	case OPT_NO_COLOR:
		opts->color = CLI_COLOR_NEVER;
		opts->no_color = 1;
		return 1;
	case OPT_NO_PAGER:
		opts->no_pager = 1;
		return 1;
	case OPT_LIBRARY:
		if (!*arg) {
			cli_error("%s%s--library needs a path", cmd, *cmd ? ": " : "");
			return -1;
		}
		opts->library = arg;
		return 1;
	}
	return 0;
}

int cli_getopt(int argc, char **argv, const char *cmd, struct usage_getopt *g,
               struct cli_opts *opts, int *rc)
{
	if (!g->ready) {
		if (usage_getopt_init(g, cmd) < 0) {
			cli_error("internal error: no options for command '%s'", cmd);
			*rc = EX_SOFTWARE;
			return -1;
		}
		optind = 0;
		opterr = 0;
	}
	const char *sep = *cmd ? " " : "";
	for (;;) {
		int c = getopt_long(argc, argv, g->shortopts, g->longopts, NULL);
		if (c == -1)
			return 0;
		if (c == 'h') {
			*rc = (*cmd ? usage_write_command(stdout, cmd) : usage_write_main(stdout)) ||
			      fflush(stdout) ? EX_IOERR : 0;
			return -1;
		}
		if (c == '?' || c == ':') {
			const char *what = c == ':' ? "needs a value" : "is not known";
			/* optopt names a short option; a long one given a value it does not take
			 * ("--help=3") sets it too, but is named by its word. */
			if (c == '?' && optopt && strncmp(argv[optind - 1], "--", 2) != 0)
				cli_error("%s%soption '-%c' %s; try 'gavel%s%s --help'", cmd,
				          *cmd ? ": " : "", optopt, what, sep, cmd);
			else
				cli_error("%s%soption '%s' %s; try 'gavel%s%s --help'", cmd, *cmd ? ": " : "",
				          argv[optind - 1], what, sep, cmd);
			*rc = EX_USAGE;
			return -1;
		}
		/* A highlight colour's --color also takes --color=WHEN's words, as elsewhere. */
		if (c == OPT_COLOR && color_when(optarg) >= 0)
			c = OPT_WHEN;
		int r = shared_option(cmd, c, optarg, opts);
		if (r < 0) {
			*rc = EX_USAGE;
			return -1;
		}
		if (r == 0)
			return c;
	}
}

int cli_width(const char *cmd, const char *arg, struct cli_opts *opts)
{
	char *end;
	errno = 0;
	long w = strtol(arg, &end, 10);
	if (errno || *end || end == arg || w < 10 || w > 10000) {
		cli_error("%s: --width needs a number from 10 to 10000, not '%s'", cmd, arg);
		return EX_USAGE;
	}
	opts->width = (int)w;
	return 0;
}

/* The configuration's colour names, read once, the first time a command needs them; owned
 * here. */
static struct conf *colors(void)
{
	static struct conf conf;
	static int loaded;
	if (!loaded++) {
		conf_defaults(&conf);
		char *path = conf_default_path();
		if (path && (conf_load(&conf, path) != 0 || conf.nwarnings))
			cli_notice("warning: %s%s", conf.nwarnings && conf.warnings ? conf.warnings[0]
			                            : "cannot read the configuration",
			           conf.nwarnings > 1 ? " (and more lines the configuration skips)" : "");
		free(path);
	}
	return &conf;
}

const char *cli_color_key(const char *cmd, const char *name)
{
	const struct conf *c = colors();
	int i = conf_color_find(c, name);
	if (i >= 0)
		return conf_color_key(i);
	if (strcasecmp(name, "none") == 0)
		return conf_color_key(CONF_NONE);   /* a note without a highlight */
	char list[CONF_NCOLORS * (CONF_NAME_MAX * 4 + 4) + 16] = "";
	for (int k = 0; k < CONF_NCOLORS; k++) {
		strcat(list, c->color[k].name);
		strcat(list, k + 2 < CONF_NCOLORS ? ", " : k + 1 < CONF_NCOLORS ? " or " : "");
	}
	cli_error("%s: unknown colour '%s' (%s, 1 to %d, or none)", cmd, name, list, CONF_NCOLORS);
	return NULL;
}

const char *cli_color_name(const char *key)
{
	return conf_color_name(colors(), conf_color_of_key(key), key);
}

size_t cli_color_names(struct export_color *out, size_t max)
{
	const struct conf *c = colors();
	size_t n = 0;
	for (int i = 0; i < CONF_NCOLORS && n < max; i++)
		out[n++] = (struct export_color){ c->color[i].key, c->color[i].name };
	return n;
}

/* --- the pager --- */

static pid_t pager_pid;    /* the pager this process started, or 0; owned here */

/* At exit: the output ends, and the pager is waited for, so the shell's prompt comes after
 * the user leaves it, as with git. */
static void pager_wait(void)
{
	if (!pager_pid)
		return;
	fflush(stdout);
	fclose(stdout);
	close(STDOUT_FILENO);
	int st;
	while (waitpid(pager_pid, &st, 0) < 0 && errno == EINTR)
		;
	pager_pid = 0;
}

int cli_pager_start(const struct cli_opts *opts)
{
	if (opts->no_pager || pager_pid || !isatty(STDOUT_FILENO))
		return 0;
	const char *pager = getenv("GAVEL_PAGER");
	if (!pager)
		pager = getenv("PAGER");
	if (!pager)
		pager = "less";
	while (*pager == ' ')
		pager++;
	if (!*pager || strcmp(pager, "cat") == 0)
		return 0;
	int fd[2];
	if (pipe(fd) != 0)
		return -1;
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(fd[0], STDIN_FILENO);
		close(fd[0]);
		close(fd[1]);
		/* As git: quit at once when it fits one screen, pass colours, leave it on screen. */
		setenv("LESS", "FRX", 0);
		setenv("LV", "-c", 0);
		execl("/bin/sh", "sh", "-c", pager, (char *)NULL);
		_exit(127);
	}
	dup2(fd[1], STDOUT_FILENO);
	close(fd[0]);
	close(fd[1]);
	pager_pid = pid;
	/* Ctrl-C is the pager's to handle; gavel finishes writing, or stops when it is left. */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	atexit(pager_wait);
	return 1;
}

int cli_stdout_terminal(void)
{
	return pager_pid || isatty(STDOUT_FILENO);
}

int cli_reader_terminal(void)
{
	const char *term = getenv("TERM");
	if (term && *term && strcmp(term, "dumb") != 0)
		return 1;
	cli_error("this terminal (TERM=%s) cannot run the reader; 'gavel show [FILE]' prints the "
	          "resolution, and 'gavel search' finds words in it", term && *term ? term : "");
	return 0;
}

int cli_color(const struct cli_opts *opts, int fd)
{
	if (opts->color == CLI_COLOR_ALWAYS)
		return 1;
	if (opts->color == CLI_COLOR_NEVER || opts->no_color)
		return 0;
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
	int tty = fd == STDOUT_FILENO ? cli_stdout_terminal() : isatty(fd);
	return tty && !(nc && *nc) && !(term && strcmp(term, "dumb") == 0);
}

/* `gavel help`, `gavel help notes add`: the command's words joined. */
int cmd_help(int argc, char **argv, struct cli_opts *opts)
{
	struct usage_getopt g = { 0 };
	int c, rc;
	while ((c = cli_getopt(argc, argv, "help", &g, opts, &rc)) > 0)
		;
	if (c < 0)
		return rc;
	char name[128] = "";
	for (int i = optind; i < argc; i++) {
		if (strlen(name) + strlen(argv[i]) + 2 > sizeof name)
			break;
		if (*name)
			strcat(name, " ");
		strcat(name, argv[i]);
	}
	if (!*name)
		rc = usage_write_main(stdout);
	else if ((rc = usage_write_command(stdout, name)) == -2) {
		const char *near = usage_suggest(name);
		if (near)
			cli_error("help: no command '%s'; did you mean '%s'?", name, near);
		else
			cli_error("help: no command '%s'; 'gavel --help' lists them", name);
		return EX_USAGE;
	}
	if (rc || fflush(stdout) != 0) {
		cli_error("help: cannot write the output");
		return EX_IOERR;
	}
	return 0;
}

/* One table for every command, documented in gavel(1) and `gavel notes --help`. */
int cli_store_exit(int err)
{
	switch (err) {
	case STORE_OK: return 0;
	case STORE_ERR_NOMEM: return EX_OSERR;
	case STORE_ERR_OPEN:
	case STORE_ERR_READONLY: return EX_CANTCREAT;
	case STORE_ERR_NEWER:
	case STORE_ERR_CORRUPT:
	case STORE_ERR_BUSY: return EX_UNAVAILABLE;
	case STORE_ERR_FULL:
	case STORE_ERR_IO: return EX_IOERR;
	case STORE_ERR_NOTFOUND:
	case STORE_ERR_INVALID:
	case STORE_ERR_EXISTS: return EX_DATAERR;
	}
	return EX_SOFTWARE;
}
