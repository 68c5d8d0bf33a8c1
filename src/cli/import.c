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

/* Re-anchors the imported notes of each resolution in `path` now (else its next open does). */
static void anchor_file(struct store *st, const char *path, struct cli_opts *opts,
                        const struct annotation *v, size_t n)
{
	struct collection *col;
	if (cli_load(path, opts, &col) != 0)
		return;
	for (size_t i = 0; i < col->ndocs; i++) {
		const struct res_meta *m = &col->docs[i]->meta;
		const char *lang = m->language ? m->language : "und";
		int ours = 0;
		for (size_t k = 0; k < n && !ours; k++)
			ours = m->symbol && strcmp(v[k].doc_symbol, m->symbol) == 0 &&
			       strcmp(v[k].doc_language, lang) == 0;
		int64_t id;
		if (ours && store_doc_sync(st, col->docs[i], &id) != STORE_OK)
			cli_notice("notes import: warning: %s", store_errmsg(st));
	}
	collection_free(col);
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
	char err[512];
	if (import_json(buf, len, &v, &n, err, sizeof err) < 0) {
		free(buf);
		cli_error("notes import: %s: %s; nothing was imported", path, err);
		return EX_DATAERR;
	}
	free(buf);

	char *dbpath = cli_db_path(opts);
	struct store *st = NULL;
	char *msg = NULL;
	int e = dbpath ? store_open(dbpath, &st, &msg) : STORE_ERR_NOMEM;
	if (e == STORE_OK && store_readonly(st)) {
		e = STORE_ERR_READONLY;
		cli_error("notes import: %s is read-only; nothing was imported", dbpath);
	} else if (e) {
		cli_error("notes import: %s", msg ? msg : "out of memory");
	}
	free(msg);
	free(dbpath);
	if (e) {
		if (st)
			store_close(st);
		annotation_list_free(v, n);
		return cli_store_exit(e);
	}
	size_t added, skipped;
	e = store_annot_import(st, v, n, &added, &skipped);
	if (e) {
		cli_error("notes import: %s; nothing was imported", store_errmsg(st));
		rc = cli_store_exit(e);
	} else {
		printf("imported %zu note%s", added, added == 1 ? "" : "s");
		if (skipped)
			printf(", skipped %zu already present (same id)", skipped);
		printf("\n");
		if (added) {
			anchor_file(st, NULL, opts, v, n);
			for (int i = optind + 1; i < argc; i++)
				anchor_file(st, argv[i], opts, v, n);
		}
		if (fflush(stdout) != 0)
			rc = EX_IOERR;
	}
	annotation_list_free(v, n);
	store_close(st);
	return rc;
}
