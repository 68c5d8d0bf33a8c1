/* diff.c: `gavel diff [--format F] [-o FILE] OLD NEW`, the redline of two resolutions on the
 * terminal (colours, or wdiff's marks without) or as md, html, json or a Word document with
 * tracked changes. Exit 0 when they are the same, 1 when they differ, as diff(1). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/cli.h"
#include "diff/out.h"
#include "export/atomic.h"

/* The terminal's width when stdout is one, else $COLUMNS, else 80. */
static int default_width(void)
{
	if (isatty(STDOUT_FILENO)) {
		struct winsize ws;
		if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
			return ws.ws_col;
	}
	const char *cols = getenv("COLUMNS");
	if (cols && *cols) {
		char *end;
		long w = strtol(cols, &end, 10);
		if (!*end && w >= 10 && w <= 10000)
			return (int)w;
	}
	return 80;
}

/* The first resolution of a file, the collection kept for the caller to free. */
static int load_one(const char *path, const struct cli_opts *opts, struct collection **col,
                    const struct resolution **res)
{
	int rc = cli_load(path, opts, col);
	if (rc)
		return rc;
	if ((*col)->ndocs == 0) {
		cli_error("%s: no resolution found", path);
		collection_free(*col);
		*col = NULL;
		return EX_DATAERR;
	}
	if ((*col)->ndocs > 1) {
		const char *sym = (*col)->docs[0]->meta.symbol;
		cli_notice("%s: holds %zu resolutions; comparing the first (%s)", path, (*col)->ndocs,
		           sym ? sym : "no symbol");
	}
	*res = (*col)->docs[0];
	return 0;
}

struct diff_args {
	const struct rl_format *format;
	const char *output;
	struct rl_out_opts o;
};

/* The options of the usage table's "diff" rows. Returns 0, or -1 with *rc to return. */
static int parse_args(int argc, char **argv, struct cli_opts *opts, struct diff_args *d,
                      int *rc)
{
	struct usage_getopt g = { 0 };
	int c;
	while ((c = cli_getopt(argc, argv, "diff", &g, opts, rc)) > 0) {
		switch (c) {
		case 'f':
			d->format = rl_format_find(optarg);
			if (!d->format) {
				cli_error("diff: unknown format '%s' (text, md, html, json or docx)", optarg);
				*rc = EX_USAGE;
				return -1;
			}
			break;
		case 'o':
			d->output = optarg;
			break;
		case 'a':
			d->o.all = 1;
			break;
		case 's':
			d->o.summary_only = 1;
			break;
		case OPT_WIDTH:
			if ((*rc = cli_width("diff", optarg, opts)))
				return -1;
			break;
		}
	}
	if (c < 0)
		return -1;
	if (argc - optind != 2) {
		cli_error("diff: needs OLD and NEW; try 'gavel diff --help'");
		*rc = EX_USAGE;
		return -1;
	}
	return 0;
}

/* Writes the redline where it was asked: a file (atomically) or standard output. */
static int emit(const struct diff_args *d, const struct redline *rl)
{
	if (!d->output) {
		if (d->format->binary && isatty(STDOUT_FILENO)) {
			cli_error("diff: a %s file is not for a terminal: use -o FILE", d->format->name);
			return EX_USAGE;
		}
		int rc = d->format->write(stdout, rl, &d->o);
		if (rc < 0 || fflush(stdout) != 0 || ferror(stdout)) {
			cli_error("diff: cannot write the output");
			return EX_IOERR;
		}
		return 0;
	}
	struct atomic_file af;
	char err[512];
	if (atomic_open(d->output, &af, err, sizeof err) < 0) {
		cli_error("diff: %s", err);
		return EX_CANTCREAT;
	}
	if (d->format->write(af.f, rl, &d->o) < 0) {
		atomic_abort(&af);
		cli_error("diff: cannot write '%s'", d->output);
		return EX_IOERR;
	}
	if (atomic_commit(&af, err, sizeof err) < 0) {
		cli_error("diff: %s", err);
		return EX_IOERR;
	}
	return 0;
}

int cmd_diff(int argc, char **argv, struct cli_opts *opts)
{
	struct diff_args d = { .format = rl_format_find("text") };
	int rc = 0;
	if (parse_args(argc, argv, opts, &d, &rc) < 0)
		return rc;
	const char *old_path = argv[optind], *new_path = argv[optind + 1];
	int tty = !d.output && isatty(STDOUT_FILENO);
	d.o.color = !d.output && cli_color(opts, STDOUT_FILENO);
	d.o.visual = tty;
	d.o.width = opts->width ? opts->width : default_width();
	d.o.old_name = old_path;
	d.o.new_name = new_path;

	struct collection *ca = NULL, *cb = NULL;
	const struct resolution *a, *b;
	rc = load_one(old_path, opts, &ca, &a);
	if (rc == 0)
		rc = load_one(new_path, opts, &cb, &b);
	struct redline *rl = NULL;
	if (rc == 0 && redline_build(a, b, &rl) < 0) {
		cli_error("diff: out of memory");
		rc = EX_OSERR;
	}
	if (rc == 0) {
		rc = emit(&d, rl);
		if (rc == 0 && !redline_identical(rl))
			rc = 1;
	}
	redline_free(rl);
	collection_free(ca);
	collection_free(cb);
	return rc;
}
