/* import.c: `gavel notes import FILE.json [DOCUMENT]...`: notes exported as W3C Web
 * Annotation JSON (by `gavel export --format json`, on this machine or another) go back into
 * the database: ids, times, tags, colours, notes and selectors kept; an id already stored is
 * skipped, so importing twice changes nothing. The whole file is checked before the database
 * is touched, and stored in one transaction. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "cli/cli.h"
#include "export/import.h"
#include "store/store.h"

#define IMPORT_MAX_BYTES (256u << 20)

/* Reads all of path ("-" = stdin); returns a sysexits code after saying why. */
static int slurp(const char *path, char **out, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f) {
		cli_error("notes import: %s: %s", path, strerror(errno));
		return EX_NOINPUT;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		cli_error("notes import: %s: is a directory", path);
		fclose(f);
		return EX_NOINPUT;
	}
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);
	int rc = 0;
	while (buf) {
		if (n == cap) {
			if (cap >= IMPORT_MAX_BYTES) {
				cli_error("notes import: %s: larger than %u MiB", path, IMPORT_MAX_BYTES >> 20);
				rc = EX_DATAERR;
				break;
			}
			char *nb = realloc(buf, cap * 2);
			if (!nb)
				break;
			buf = nb;
			cap *= 2;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0) {
			if (ferror(f)) {
				cli_error("notes import: %s: %s", path, strerror(errno));
				rc = EX_IOERR;
			}
			break;
		}
	}
	if (f != stdin)
		fclose(f);
	if (!buf) {
		cli_error("notes import: out of memory");
		return EX_OSERR;
	}
	if (rc) {
		free(buf);
		return rc;
	}
	*out = buf;
	*len = n;
	return 0;
}

/* The documents notes are placed in and anchored against: those named after FILE.json
 * (loaded with their messages; a bad one stops the import), then the bundled resolution
 * (quietly: it only helps). */
struct docs {
	struct collection *cols[64];
	size_t ncols;
	const struct resolution *named[256], *all[256];
	size_t nnamed, nall;
};

static void docs_add(struct docs *d, struct collection *col, int named)
{
	d->cols[d->ncols++] = col;
	for (size_t i = 0; i < col->ndocs && d->nall < 256; i++) {
		d->all[d->nall++] = col->docs[i];
		if (named)
			d->named[d->nnamed++] = col->docs[i];
	}
}

static void docs_free(struct docs *d)
{
	for (size_t i = 0; i < d->ncols; i++)
		collection_free(d->cols[i]);
}

static int docs_load(struct docs *d, char **paths, int n, struct cli_opts *opts)
{
	memset(d, 0, sizeof *d);
	if (n > 63) {
		cli_error("notes import: at most 63 DOCUMENTs at a time");
		return EX_USAGE;
	}
	for (int i = 0; i < n; i++) {
		struct collection *col;
		int rc = cli_load(paths[i], opts, &col);
		if (rc) {
			docs_free(d);
			return rc;
		}
		docs_add(d, col, 1);
	}
	struct collection *sample;
	struct parse_diag diag;
	memset(&diag, 0, sizeof diag);
	if (parse_file(cli_sample_path(), opts->format, &sample, &diag) == 0)
		docs_add(d, sample, 0);
	return 0;
}

/* Re-anchors the imported notes in each document at hand now (else its next open does). */
static void anchor_docs(struct store *st, const struct docs *d, const struct annotation *v,
                        size_t n)
{
	for (size_t i = 0; i < d->nall; i++) {
		const struct res_meta *m = &d->all[i]->meta;
		const char *lang = m->language ? m->language : "und";
		int ours = 0;
		for (size_t k = 0; k < n && !ours; k++)
			ours = m->symbol && strcmp(v[k].doc_symbol, m->symbol) == 0 &&
			       strcmp(v[k].doc_language, lang) == 0;
		int64_t id;
		if (ours && store_doc_sync(st, d->all[i], &id) != STORE_OK)
			cli_notice("notes import: warning: %s", store_errmsg(st));
	}
}

/* Leaves out the records that found no document (a source gavel cannot name, a quote in none
 * of the DOCUMENTs): moved to the end, freed; returns how many remain. */
static size_t drop_unplaced(struct annotation *v, size_t n, size_t *dropped, char *first,
                            size_t firstlen)
{
	size_t k = 0;
	*dropped = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].doc_symbol) {
			v[k++] = v[i];
			continue;
		}
		if (!(*dropped)++)
			snprintf(first, firstlen, "%s", v[i].source ? v[i].source : "?");
		annotation_clear(&v[i]);
	}
	return k;
}

/* Opens the database for writing; a message and the exit code when it cannot be. */
static int open_for_import(struct cli_opts *opts, struct store **st)
{
	char *dbpath = cli_db_path(opts), *msg = NULL;
	int e = dbpath ? store_open(dbpath, st, &msg) : STORE_ERR_NOMEM;
	if (e == STORE_OK && store_readonly(*st)) {
		e = STORE_ERR_READONLY;
		cli_error("notes import: %s is read-only; nothing was imported", dbpath);
	} else if (e) {
		cli_error("notes import: %s", msg ? msg : "out of memory");
	}
	free(msg);
	free(dbpath);
	if (e && *st) {
		store_close(*st);
		*st = NULL;
	}
	return e ? cli_store_exit(e) : 0;
}

int cmd_notes_import(int argc, char **argv, struct cli_opts *opts)
{
	struct usage_getopt g = { 0 };
	int c, rc;
	while ((c = cli_getopt(argc, argv, "notes import", &g, opts, &rc)) > 0)
		;   /* no options of its own */
	if (c < 0)
		return rc;
	if (optind >= argc) {
		cli_error("notes import: which FILE.json? try 'gavel notes import --help'");
		return EX_USAGE;
	}
	const char *path = argv[optind];
	char *buf;
	size_t len;
	rc = slurp(path, &buf, &len);
	if (rc)
		return rc;
	struct annotation *v;
	size_t n;
	struct import_report rep;
	char err[512];
	if (import_json(buf, len, &v, &n, &rep, err, sizeof err) < 0) {
		free(buf);
		cli_error("notes import: %s: %s; nothing was imported", path, err);
		return EX_DATAERR;
	}
	free(buf);

	/* Notes from other tools have no paragraph: find it by their quotes, in the DOCUMENTs
	 * (any of them for a note whose source names no UN document) and the bundled one. */
	struct docs d;
	if ((rc = docs_load(&d, argv + optind + 1, argc - optind - 1, opts)) != 0) {
		annotation_list_free(v, n);
		return rc;
	}
	int placed = import_place(v, n, d.named, d.nnamed, 1);
	int more = placed < 0 ? -1 : import_place(v, n, d.all, d.nall, 0);
	if (placed < 0 || more < 0) {
		cli_error("notes import: out of memory; nothing was imported");
		annotation_list_free(v, n);
		docs_free(&d);
		return EX_OSERR;
	}
	size_t dropped;
	char first[200] = "";
	n = drop_unplaced(v, n, &dropped, first, sizeof first);
	if (rep.skipped)
		cli_notice("notes import: left out %zu annotation%s not on quoted words (%s)",
		           rep.skipped, rep.skipped == 1 ? "" : "s", rep.why);
	if (dropped)
		cli_notice("notes import: left out %zu annotation%s whose document is not known "
		           "(%s): name its file after %s", dropped, dropped == 1 ? "" : "s", first,
		           path);

	struct store *st = NULL;
	if ((rc = open_for_import(opts, &st)) != 0) {
		annotation_list_free(v, n);
		docs_free(&d);
		return rc;
	}
	size_t added, skipped;
	int e = store_annot_import(st, v, n, &added, &skipped);
	if (e) {
		cli_error("notes import: %s; nothing was imported", store_errmsg(st));
		rc = cli_store_exit(e);
	} else {
		printf("imported %zu note%s", added, added == 1 ? "" : "s");
		if (skipped)
			printf(", skipped %zu already present (same id)", skipped);
		if (placed + more && added && !skipped)
			printf(" (%d found by their quotes)", placed + more);
		printf("\n");
		if (added)
			anchor_docs(st, &d, v, n);
		if (fflush(stdout) != 0)
			rc = EX_IOERR;
	}
	annotation_list_free(v, n);
	docs_free(&d);
	store_close(st);
	return rc;
}
