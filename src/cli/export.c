/* export.c: `gavel export`: the notes of one document (or of every document in the database)
 * in one of the formats of src/export/, to stdout or atomically to a file. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "export/atomic.h"
#include "export/export.h"
#include "store/store.h"

/* "2026-11-27" or "2026-11-27T10:20:30Z" -> seconds since the epoch (UTC). */
static int parse_date(const char *s, time_t *out)
{
	struct tm tm = { 0 };
	int y, mo, d, h = 0, mi = 0, sec = 0, used = 0;
	size_t len = strlen(s);
	if (len == 10 && sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &used) == 3 && used == 10) {
		/* date only */
	} else if (len == 20 && sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &sec,
	                              &used) == 6 && used == 20) {
		/* date and time */
	} else {
		return -1;
	}
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	time_t t = timegm(&tm);
	struct tm back;
	/* timegm normalises 2026-02-31 to March: refuse dates that do not exist. */
	if (t == (time_t)-1 || !gmtime_r(&t, &back) || back.tm_year != y - 1900 ||
	    back.tm_mon != mo - 1 || back.tm_mday != d || back.tm_hour != h || back.tm_min != mi ||
	    back.tm_sec != sec)
		return -1;
	*out = t;
	return 0;
}

static int export_now(const char *date, time_t *now)
{
	if (date) {
		if (parse_date(date, now) == 0)
			return 0;
		cli_error("export: --date needs YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, not '%s'", date);
		return -1;
	}
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		errno = 0;
		long long v = strtoll(sde, &end, 10);
		if (errno || *end || v < 0) {
			cli_error("export: SOURCE_DATE_EPOCH must be a number of seconds, not '%s'", sde);
			return -1;
		}
		*now = (time_t)v;
		return 0;
	}
	*now = time(NULL);
	return 0;
}

/* A signal while writing -o FILE removes the temporary file; the target stays as it was. */
static void on_signal(int sig)
{
	const char *tmp = atomic_pending();
	if (tmp)
		unlink(tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* What one run gathers: the documents, their annotations, the parsed files behind them. */
struct gathered {
	struct export_doc docs[64];
	size_t ndocs;
	struct annotation *lists[64];
	size_t nlists[64];
	struct collection *cols[2];
	size_t ncols;
};

static void gathered_free(struct gathered *g)
{
	for (size_t i = 0; i < g->ndocs; i++)
		annotation_list_free(g->lists[i], g->nlists[i]);
	for (size_t i = 0; i < g->ncols; i++)
		collection_free(g->cols[i]);
}

/* The notes of each resolution in the file `path`. */
static int gather_file(struct store *st, const char *path, const struct annot_filter *flt,
                       struct cli_opts *opts, struct gathered *g)
{
	struct collection *col;
	int rc = cli_load(path, opts, &col);
	if (rc)
		return rc;
	g->cols[g->ncols++] = col;
	for (size_t i = 0; i < col->ndocs && g->ndocs < 64; i++) {
		const struct resolution *res = col->docs[i];
		struct export_doc *d = &g->docs[g->ndocs];
		memset(d, 0, sizeof *d);
		d->res = res;
		int64_t doc_id = 0;
		int err = STORE_ERR_NOTFOUND;
		if (st && res->meta.symbol)
			err = store_doc_find(st, res->meta.symbol,
			                     res->meta.language ? res->meta.language : "und", &doc_id);
		if (err == STORE_OK)
			err = store_doc_sync(st, res, &doc_id);   /* re-anchors if the text changed */
		if (err == STORE_OK)
			err = store_annot_list(st, doc_id, res, flt, &g->lists[g->ndocs], &g->nlists[g->ndocs]);
		else if (err == STORE_ERR_NOTFOUND)
			err = STORE_OK;  /* never annotated: no notes */
		if (err) {
			cli_error("export: %s", store_errmsg(st));
			return cli_store_exit(err);
		}
		d->annots = g->lists[g->ndocs];
		d->n = g->nlists[g->ndocs];
		g->ndocs++;
	}
	return 0;
}

/* Every document with notes; the bundled resolution's text is used where it is the one. */
static int gather_all(struct store *st, const struct annot_filter *flt, struct cli_opts *opts,
                      struct gathered *g)
{
	if (!st)
		return 0;
	struct collection *sample = NULL;
	struct parse_diag diag;
	memset(&diag, 0, sizeof diag);
	if (parse_file(cli_sample_path(), opts->format, &sample, &diag) == 0 && sample->ndocs) {
		g->cols[g->ncols++] = sample;
		const struct resolution *r = sample->docs[0];
		int64_t id;
		if (r->meta.symbol && store_doc_find(st, r->meta.symbol,
		                                     r->meta.language ? r->meta.language : "und", &id) == STORE_OK)
			store_doc_sync(st, r, &id);   /* best effort: a read-only store lists as stored */
	} else {
		sample = NULL;
	}
	struct annotation *all;
	size_t n;
	int err = store_annot_list(st, 0, NULL, flt, &all, &n);
	if (err) {
		cli_error("export: %s", store_errmsg(st));
		return cli_store_exit(err);
	}
	/* The list is ordered by document: cut it into runs of one symbol and language, each
	 * moved into its own array so the lists free cleanly. */
	size_t i = 0;
	while (i < n) {
		size_t j = i + 1;
		while (j < n && strcmp(all[j].doc_symbol, all[i].doc_symbol) == 0 &&
		       strcmp(all[j].doc_language, all[i].doc_language) == 0)
			j++;
		if (g->ndocs == 64) {
			cli_error("export: more than 64 documents: export them one at a time");
			for (size_t k = i; k < n; k++)
				annotation_clear(&all[k]);
			free(all);
			return EX_SOFTWARE;
		}
		struct annotation *run = malloc((j - i) * sizeof *run);
		if (!run) {
			for (size_t k = i; k < n; k++)
				annotation_clear(&all[k]);
			free(all);
			cli_error("export: out of memory");
			return EX_OSERR;
		}
		memcpy(run, all + i, (j - i) * sizeof *run);
		struct export_doc *d = &g->docs[g->ndocs];
		memset(d, 0, sizeof *d);
		d->symbol = run[0].doc_symbol;
		d->language = run[0].doc_language;
		if (sample) {
			const struct res_meta *m = &sample->docs[0]->meta;
			if (m->symbol && strcmp(m->symbol, d->symbol) == 0 &&
			    strcmp(m->language ? m->language : "und", d->language) == 0)
				d->res = sample->docs[0];
		}
		g->lists[g->ndocs] = run;
		g->nlists[g->ndocs] = j - i;
		d->annots = run;
		d->n = j - i;
		g->ndocs++;
		i = j;
	}
	free(all);
	return 0;
}

int cmd_export(int argc, char **argv, struct cli_opts *opts)
{
	const char *format = "txt", *output = NULL, *date = NULL;
	struct annot_filter flt = { NULL, NULL };
	struct usage_getopt g = { 0 };
	int c, rc;
	while ((c = cli_getopt(argc, argv, "export", &g, opts, &rc)) > 0) {
		switch (c) {
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case OPT_COLOR:
			if (!(flt.color = cli_color_key("export", optarg)))
				return EX_USAGE;
			break;
		case OPT_TAG: flt.tag = optarg; break;
		case OPT_DATE: date = optarg; break;
		case OPT_WIDTH:
			if ((rc = cli_width("export", optarg, opts)))
				return rc;
			break;
		}
	}
	if (c < 0)
		return rc;
	const struct export_format *fmt = export_find(format);
	if (!fmt) {
		char names[128] = "";
		for (const struct export_format *x = export_formats; x->name; x++) {
			strcat(names, x->name);
			strcat(names, x[1].name ? ", " : "");
		}
		cli_error("export: unknown format '%s' (%s)", format, names);
		return EX_USAGE;
	}
	if (argc - optind > 1) {
		cli_error("export: one DOCUMENT at a time; try 'gavel export --help'");
		return EX_USAGE;
	}
	struct export_color names[8];
	struct export_opts eo = { opts->width, 0, names, 0 };
	eo.ncolors = cli_color_names(names, 8);
	if (export_now(date, &eo.now) < 0)
		return EX_USAGE;

	/* A database that does not exist holds no notes: do not create one just to say so. */
	char *dbpath = cli_db_path(opts);
	if (!dbpath) {
		cli_error("export: out of memory");
		return EX_OSERR;
	}
	struct store *st = NULL;
	if (access(dbpath, F_OK) == 0) {
		char *msg = NULL;
		int err = store_open(dbpath, &st, &msg);
		if (err) {
			cli_error("export: %s", msg ? msg : dbpath);
			free(msg);
			free(dbpath);
			return cli_store_exit(err);
		}
	}

	struct gathered gs;
	memset(&gs, 0, sizeof gs);
	rc = optind < argc ? gather_file(st, argv[optind], &flt, opts, &gs)
	                   : gather_all(st, &flt, opts, &gs);
	if (rc)
		goto out;

	size_t total = 0;
	for (size_t i = 0; i < gs.ndocs; i++)
		total += gs.docs[i].n;
	if (total == 0) {
		const char *what = optind < argc && gs.ndocs ? export_symbol(&gs.docs[0]) : NULL;
		if (flt.color || flt.tag)
			cli_error("export: no notes match%s%s%s%s; the output is empty",
			          flt.color ? " --color " : "", flt.color ? flt.color : "",
			          flt.tag ? " --tag " : "", flt.tag ? flt.tag : "");
		else if (what)
			cli_error("export: no notes on %s; the output is empty", what);
		else
			cli_error("export: no notes in %s; the output is empty", dbpath);
	}

	if (output && strcmp(output, "-") != 0) {
		char err[512];
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		sigaction(SIGHUP, &sa, NULL);
		sigaction(SIGXFSZ, &sa, NULL);
		int w = export_write_file(output, fmt, gs.docs, gs.ndocs, &eo, err, sizeof err);
		if (w != 0) {
			cli_error("export: %s", err);
			rc = w == -1 ? EX_CANTCREAT : EX_IOERR;
		} else {
			cli_notice("exported %zu note%s to %s (%s)", total,
			        total == 1 ? "" : "s", output, fmt->name);
		}
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGXFSZ, SIG_DFL);
	} else if (cli_pager_start(opts) < 0 || fmt->write(stdout, gs.docs, gs.ndocs, &eo) != 0 ||
	           fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("export: cannot write the output");
		rc = EX_IOERR;
	}
out:
	gathered_free(&gs);
	if (st)
		store_close(st);
	free(dbpath);
	return rc;
}
