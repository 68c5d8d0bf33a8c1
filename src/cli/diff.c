/* diff.c: `gavel diff [--format F] [-o FILE] OLD NEW`, the redline of two resolutions on the
 * terminal (colours, or wdiff's marks without) or as md, html, json or a Word document with
 * tracked changes. Exit 0 when they are the same, 1 when they differ, as diff(1). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/cli.h"
#include "diff/out.h"
#include "export/atomic.h"

static void diff_usage(FILE *f)
{
	fprintf(f,
"Usage: gavel diff [OPTION]... OLD NEW\n"
"Compare two resolutions, OLD (last year's text, say) and NEW, as a redline. Paragraphs\n"
"are paired by their content, not their numbers: unchanged, changed (words deleted and\n"
"inserted), moved or renumbered (OP 12 \xE2\x86\x90 OP 14), new and deleted, in the preamble, the\n"
"operative paragraphs and their items, annexes and footnotes. A summary of the counts\n"
"ends the output. OLD and NEW are files of any shape gavel reads (a file holding several\n"
"resolutions gives its first).\n"
"\n"
"  -f, --format F      the output:\n");
	for (const struct rl_format *fm = rl_formats; fm->name; fm++)
		fprintf(f, "                        %-5s %s\n", fm->name, fm->summary);
	fprintf(f,
"  -o, --output FILE   write FILE (replaced whole, never half-written), not standard output\n"
"  -a, --all           text: unchanged paragraphs in full, not one line per run of them\n"
"  -s, --summary       text: only the counts\n"
"      --color[=WHEN]  colour the text: always, never or auto (default: auto, on a\n"
"                      terminal unless NO_COLOR is set or --no-color given)\n"
"      --width N       text: wrap at N columns (default: the terminal's width, else\n"
"                      $COLUMNS, else 80)\n"
"\n"
"Without colour, deleted words read [-like this-] and inserted ones {+like this+}, as\n"
"wdiff writes them. In the docx, every change is a Word revision: accepting all gives NEW,\n"
"rejecting all gives OLD, with paragraph numbers and footnotes.\n"
"\n"
"Exit status: 0 no differences, 1 differences, 64 bad usage, 65/66 a FILE could not be\n"
"read, 73 cannot create the output, 74 cannot write it.\n");
}

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

enum { OPT_COLOR = 0x200 };

struct diff_args {
	const struct rl_format *format;
	const char *output;
	struct rl_out_opts o;
	int color;              /* -1 auto, 0 never, 1 always */
};

static int parse_args(int argc, char **argv, struct cli_opts *opts, struct diff_args *d)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "all", no_argument, NULL, 'a' },
		{ "summary", no_argument, NULL, 's' },
		{ "color", optional_argument, NULL, OPT_COLOR },
		{ "colour", optional_argument, NULL, OPT_COLOR },
		{ "width", required_argument, NULL, OPT_WIDTH },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;
	while ((c = getopt_long(argc, argv, "f:o:ash", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			diff_usage(stdout);
			return -1;
		case 'f':
			d->format = rl_format_find(optarg);
			if (!d->format) {
				cli_error("diff: unknown format '%s' (text, md, html, json or docx)", optarg);
				return EX_USAGE;
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
		case OPT_COLOR:
			if (!optarg || strcmp(optarg, "always") == 0)
				d->color = 1;
			else if (strcmp(optarg, "never") == 0)
				d->color = 0;
			else if (strcmp(optarg, "auto") == 0)
				d->color = -1;
			else {
				cli_error("diff: --color takes always, never or auto, not '%s'", optarg);
				return EX_USAGE;
			}
			break;
		default:
			if (cli_other_option("diff", c, optarg, opts))
				return EX_USAGE;
		}
	}
	if (argc - optind != 2) {
		cli_error("diff: needs OLD and NEW; try 'gavel diff --help'");
		return EX_USAGE;
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
	struct diff_args d = { .format = rl_format_find("text"), .color = -1 };
	int rc = parse_args(argc, argv, opts, &d);
	if (rc)
		return rc < 0 ? 0 : rc;
	const char *old_path = argv[optind], *new_path = argv[optind + 1];
	const char *nc = getenv("NO_COLOR");
	int tty = !d.output && isatty(STDOUT_FILENO);
	d.o.color = d.color == 1 || (d.color < 0 && tty && !opts->no_color && !(nc && *nc));
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
