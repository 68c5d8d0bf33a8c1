/* show.c: `gavel show [--width N] FILE [ID...]` prints the document (or some paragraphs) as a
 * reader sees it, wrapped to the terminal's width, through show_write(); `--record` its record
 * of adoption (show_record()). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/cli.h"
#include "doc/align.h"
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

/* `show --record`: each resolution's record; takes col. */
static int show_records(struct collection *col, const char *name, const struct show_opts *so)
{
	int rc = 0;
	for (size_t d = 0; d < col->ndocs && rc == 0; d++) {
		if (d)
			fputc('\n', stdout);
		rc = show_record(stdout, col->docs[d], so->width);
	}
	collection_free(col);
	if (rc || fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("show: %s: cannot write the record", name);
		return EX_IOERR;
	}
	return 0;
}

/* The resolution of `other` that is the same as res: the one with its symbol, or the only
 * one. NULL when there is none. */
static const struct resolution *same_in(const struct resolution *res, const struct collection *other)
{
	for (size_t d = 0; d < other->ndocs; d++)
		if (res->meta.symbol && other->docs[d]->meta.symbol
		    && strcmp(res->meta.symbol, other->docs[d]->meta.symbol) == 0)
			return other->docs[d];
	return other->ndocs == 1 ? other->docs[0] : NULL;
}

/* `show FILE --with OTHER [ID...]`: every resolution of FILE beside the same one in OTHER,
 * paired by id. Takes col. */
static int show_with(struct collection *col, const char *name, const char *other_path,
                     const char *const *ids, size_t nids, const struct cli_opts *opts,
                     const struct show_opts *so)
{
	struct collection *other;
	int rc = cli_load(other_path, opts, &other);
	if (rc) {
		collection_free(col);
		return rc;
	}
	rc = 0;
	int shown = 0;
	for (size_t d = 0; d < col->ndocs && rc == 0; d++) {
		const struct resolution *a = col->docs[d], *b = same_in(a, other);
		if (!b) {
			if (col->ndocs == 1) {
				cli_error("show: %s is %s, %s is not that resolution", name,
				          a->meta.symbol ? a->meta.symbol : "a resolution", other_path);
				rc = EX_DATAERR;
			}
			continue;
		}
		if (a->meta.symbol && b->meta.symbol && strcmp(a->meta.symbol, b->meta.symbol) != 0) {
			cli_error("show: %s is %s and %s is %s: not the same resolution", name,
			          a->meta.symbol, other_path, b->meta.symbol);
			rc = EX_DATAERR;
			break;
		}
		/* tags: the two languages, or 1 and 2 for two shapes of one language */
		const char *la = a->meta.language, *lb = b->meta.language;
		int langs = la && lb && strcmp(la, lb) != 0;
		struct alignment al;
		if (align_pair(a, b, &al)) {
			cli_error("show: out of memory");
			rc = EX_OSERR;
			break;
		}
		if (shown++)
			fputs("\n\n", stdout);
		if (!langs)
			printf("1  %s\n2  %s\n\n", name, other_path);
		const char *bad = NULL;
		if (show_pair(stdout, a, b, &al, ids, nids, langs ? la : "1", langs ? lb : "2", so,
		              &bad)) {
			if (bad)
				cli_error("show: no paragraph '%s' in %s or %s", bad, name, other_path);
			rc = bad ? EX_DATAERR : EX_IOERR;
		}
		align_free(&al);
	}
	collection_free(col);
	collection_free(other);
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout)))
		rc = EX_IOERR;
	if (rc == EX_IOERR)
		cli_error("show: cannot write the output");
	return rc;
}

/* The whole document, written resolution by resolution as each is built (cli_load_sink):
 * a compilation is never held whole. */
struct show_each_ctx {
	struct show_opts so;
	struct cli_opts *opts;
	int shown;
	int err;
};

/* Before each resolution: a blank line between two; the pager once the file proved
 * readable. */
static void show_next(struct show_each_ctx *c)
{
	if (c->shown++)
		fputs("\n\n", stdout);
	else
		cli_pager_start(c->opts);
}

static int show_each(void *ctx, struct resolution *res)
{
	struct show_each_ctx *c = ctx;
	show_next(c);
	/* the stream's lock taken once for the resolution, not on every write */
	flockfile(stdout);
	c->err = show_write(stdout, res, NULL, 0, &c->so, NULL) != 0 || ferror(stdout);
	funlockfile(stdout);
	res_free(res);
	return c->err;
}

/* On several threads (parse.h's sink): each resolution shown where it was built. */
static int render_show(const void *ctx, const struct resolution *res, FILE *f, int *items)
{
	const struct show_each_ctx *c = ctx;
	*items = 1;
	return show_write(f, res, NULL, 0, &c->so, NULL) != 0 || ferror(f);
}

static int emit_show(void *ctx, const char *bytes, size_t n, int items)
{
	(void)items;
	struct show_each_ctx *c = ctx;
	show_next(c);
	fwrite(bytes, 1, n, stdout);
	return c->err = ferror(stdout) != 0;
}

static int show_all(const char *file, struct cli_opts *opts)
{
	struct show_each_ctx c = { .so = { .width = opts->width > 0 ? opts->width : default_width() },
	                           .opts = opts };
	struct parse_sink sink = { show_each, render_show, emit_show, &c };
	int rc = cli_load_sink(file, opts, PARSE_ALL, &sink);
	if (rc)
		return rc;
	if (c.err || fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("show: cannot write the output");
		return EX_IOERR;
	}
	return 0;
}

int cmd_show(int argc, char **argv, struct cli_opts *opts)
{
	struct usage_getopt g = { 0 };
	int c, rc;
	int record = 0;
	const char *with = NULL;
	while ((c = cli_getopt(argc, argv, "show", &g, opts, &rc)) > 0) {
		if (c == OPT_WIDTH && (rc = cli_width("show", optarg, opts)))
			return rc;
		if (c == OPT_RECORD)
			record = 1;
		if (c == OPT_WITH)
			with = optarg;
	}
	if (c < 0)
		return rc;
	const char *file = optind < argc ? argv[optind++] : NULL;
	const char *const *ids = optind < argc ? (const char *const *)argv + optind : NULL;
	size_t nids = ids ? (size_t)(argc - optind) : 0;

	if (!with && !record && nids == 0)
		return show_all(file, opts);
	struct collection *col;
	rc = cli_load(file, opts, &col);
	if (rc)
		return rc;
	const char *name = file ? file : cli_sample_path();
	if (with) {
		struct show_opts so = { .width = opts->width > 0 ? opts->width : default_width() };
		return show_with(col, name, with, ids, nids, opts, &so);
	}

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
	if (record)
		return show_records(col, name, &so);
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
