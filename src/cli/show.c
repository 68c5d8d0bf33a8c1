/* show.c: `gavel show [--width N] FILE [ID...]` prints the document (or some paragraphs) as a
 * reader sees it, wrapped to the terminal's width, through show_write(). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/cli.h"
#include "text/show.h"

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
	struct usage_getopt g = { 0 };
	int c, rc;
	while ((c = cli_getopt(argc, argv, "show", &g, opts, &rc)) > 0)
		if (c == OPT_WIDTH && (rc = cli_width("show", optarg, opts)))
			return rc;
	if (c < 0)
		return rc;
	const char *file = optind < argc ? argv[optind++] : NULL;
	const char *const *ids = optind < argc ? (const char *const *)argv + optind : NULL;
	size_t nids = ids ? (size_t)(argc - optind) : 0;

	struct collection *col;
	rc = cli_load(file, opts, &col);
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
	cli_pager_start(opts);   /* after the width was taken from the terminal */
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
