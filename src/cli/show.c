/* show.c: `gavel show [--width N] FILE [ID...]` prints the document (or some paragraphs) as a
 * reader sees it, wrapped to the terminal's width, through show_write(). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/cli.h"
#include "text/show.h"

static void show_usage(FILE *f)
{
	fprintf(f,
"Usage: gavel show [--width N] [--input-format NAME] [FILE [ID]...]\n"
"Print the resolution in FILE (default: the bundled A/RES/58/190) as a reader sees it:\n"
"labels in a gutter, text wrapped at word boundaries, footnote markers as [16] and the\n"
"footnotes at the end. With IDs (pp3, op10, op3.a.ii, annex1, fn16), print only those\n"
"paragraphs, their sub-paragraphs and the footnotes they cite.\n"
"\n"
"  --width N   wrap at N display columns (default: the terminal's width when the output\n"
"              is a terminal, else $COLUMNS, else 80)\n"
"\n"
"Exit status: 0 success, 64 bad usage, 65 an ID not in the document (or bad data),\n"
"66 cannot open FILE, 74 cannot write the output.\n");
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

int cmd_show(int argc, char **argv, struct cli_opts *opts)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "width", required_argument, NULL, OPT_WIDTH },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'h') {
			show_usage(stdout);
			return 0;
		}
		if (cli_other_option("show", c, argv, opts))
			return EX_USAGE;
	}
	const char *file = optind < argc ? argv[optind++] : NULL;
	const char *const *ids = optind < argc ? (const char *const *)argv + optind : NULL;
	size_t nids = ids ? (size_t)(argc - optind) : 0;

	struct collection *col;
	int rc = cli_load(file, opts, &col);
	if (rc)
		return rc;
	const char *name = file ? file : cli_sample_path();

	/* In a compilation, an id counts when any of its resolutions has it. */
	for (size_t k = 0; k < nids; k++) {
		int found = 0;
		for (size_t d = 0; d < col->ndocs && !found; d++)
			found = res_find(col->docs[d], ids[k]) >= 0;
		if (!found) {
			cli_error("show: %s: no paragraph '%s' (ids look like pp3, op10, op3.a.ii, "
			          "annex1, fn16)", name, ids[k]);
			collection_free(col);
			return EX_DATAERR;
		}
	}

	struct show_opts so = { .width = opts->width > 0 ? opts->width : default_width() };
	const char **mine = nids ? malloc(nids * sizeof *mine) : NULL;
	if (nids && !mine) {
		collection_free(col);
		cli_error("show: out of memory");
		return EX_OSERR;
	}
	int shown = 0;
	rc = 0;
	for (size_t d = 0; d < col->ndocs && rc == 0; d++) {
		const struct resolution *res = col->docs[d];
		size_t n = 0;
		for (size_t k = 0; k < nids; k++)
			if (res_find(res, ids[k]) >= 0)
				mine[n++] = ids[k];
		if (ids && n == 0)
			continue;
		if (shown++)
			fputs("\n\n", stdout);
		const char *bad = NULL;
		rc = show_write(stdout, res, ids ? mine : NULL, n, &so, &bad);
		if (rc && bad) {
			cli_error("show: %s: no paragraph '%s'", name, bad);
			free(mine);
			collection_free(col);
			return EX_DATAERR;
		}
	}
	free(mine);
	collection_free(col);
	if (rc || fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("show: cannot write the output");
		return EX_IOERR;
	}
	return 0;
}
