/* common.c: what every subcommand shares: one way to load a document and report problems,
 * the bundled sample's location, the database path and the common options. */
#include "config.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/cli.h"
#include "store/store.h"
#include "text/utf8.h"

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

/* Installed copy first; then share/ next to the build tree's src/gavel; then the source tree
 * (a VPATH build keeps share/ in the source directory). */
const char *cli_sample_path(void)
{
	static char path[PATH_MAX];
	const char *env = getenv("GAVEL_SAMPLE");
	if (env && *env) {
		snprintf(path, sizeof path, "%s", env);
		return path;
	}
	snprintf(path, sizeof path, "%s/%s", PKGDATADIR, SAMPLE_NAME);
	if (readable(path))
		return path;
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *dir = dirname(exe);             /* .../src */
		snprintf(path, sizeof path, "%s/../share/%s", dir, SAMPLE_NAME);
		if (readable(path))
			return path;
	}
	snprintf(path, sizeof path, "%s/share/%s", ABS_TOP_SRCDIR, SAMPLE_NAME);
	if (readable(path))
		return path;
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

char *cli_db_path(const struct cli_opts *opts)
{
	if (opts->db && *opts->db)
		return strdup(opts->db);
	return store_default_path();
}

int cli_common_option(int c, const char *arg, struct cli_opts *opts)
{
	switch (c) {
	case OPT_DB:
		if (!arg || !*arg) {
			cli_error("--db needs a path");
			return -1;
		}
		opts->db = arg;
		return 1;
	case OPT_INPUT_FORMAT: {
		int f = input_format_from_name(arg);
		if (f < 0) {
			char names[256];
			cli_error("unknown input format '%s' (%s)", arg,
			          input_format_list(names, sizeof names));
			return -1;
		}
		opts->format = (enum input_format)f;
		return 1;
	}
	case OPT_WIDTH: {
		char *end;
		errno = 0;
		long w = strtol(arg, &end, 10);
		if (errno || *end || w < 10 || w > 10000) {
			cli_error("--width needs a number from 10 to 10000, not '%s'", arg);
			return -1;
		}
		opts->width = (int)w;
		return 1;
	}
	case OPT_NO_COLOR:
		opts->no_color = 1;
		return 1;
	}
	return 0;
}

int cli_other_option(const char *cmd, int c, const char *arg, struct cli_opts *opts)
{
	int r = cli_common_option(c, arg, opts);
	if (r > 0)
		return 0;
	if (r == 0)
		cli_error("%s: unknown option; try 'gavel %s --help'", cmd, cmd);
	return EX_USAGE;
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
