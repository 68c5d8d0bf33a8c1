/* library-list.c: what the library holds: listing with filters, finding what a user means
 * by a symbol or a title, completing it, loading a document's model, removing documents. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "library/blob.h"
#include "library/library-int.h"

/* Runs a SELECT of LIB_DOC_COLUMNS (from column 0) into a growing array. */
static int collect_docs(struct library *l, sqlite3_stmt *st, struct library_doc **out, size_t *n)
{
	size_t cap = 0;
	struct library_doc *v = NULL;
	int rc;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			struct library_doc *nv = realloc(v, cap * sizeof *nv);
			if (!nv) {
				rc = SQLITE_NOMEM;
				break;
			}
			v = nv;
		}
		if (lib_doc_from_row(st, 0, &v[*n]) < 0) {
			rc = SQLITE_NOMEM;
			break;
		}
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		library_docs_free(v, *n);
		*n = 0;
		*out = NULL;
		return lib_fail(l, rc, "reading the library");
	}
	*out = v;
	return STORE_OK;
}

int library_list(struct library *l, const struct library_filter *f, enum library_sort sort,
                 int reverse, struct library_doc **out, size_t *n)
{
	static const char *const orders[] = {
		[LIBRARY_BY_SYMBOL] = "d.sortkey %s, d.language",
		[LIBRARY_BY_DATE] = "d.adopted IS NULL, d.adopted %s, d.sortkey, d.language",
		[LIBRARY_BY_TITLE] = "d.title IS NULL, d.title COLLATE NOCASE %s, d.sortkey, d.language",
	};
	char where[1024], order[160], sql[2048];
	lib_filter_sql(f, where, sizeof where);
	snprintf(order, sizeof order, orders[sort], reverse ? "DESC" : "ASC");
	snprintf(sql, sizeof sql, "SELECT " LIB_DOC_COLUMNS " FROM doc d WHERE 1%s ORDER BY %s",
	         where, order);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "listing the library");
	lib_filter_bind(st, 1, f);
	return collect_docs(l, st, out, n);
}

/* Puts the documents in `lang` first, then English, then the rest (stable). */
static void prefer_language(struct library_doc *v, size_t n, const char *lang)
{
	const char *order[] = { lang, "en" };
	size_t at = 0;
	for (size_t o = 0; o < 2; o++) {
		if (!order[o])
			continue;
		for (size_t i = at; i < n; i++) {
			if (!v[i].language || strcmp(v[i].language, order[o]) != 0)
				continue;
			struct library_doc d = v[i];
			memmove(&v[at + 1], &v[at], (i - at) * sizeof *v);
			v[at++] = d;
		}
	}
}

static int find_by(struct library *l, const char *where, const char *arg, struct library_doc **out,
                   size_t *n)
{
	char sql[512];
	snprintf(sql, sizeof sql, "SELECT " LIB_DOC_COLUMNS " FROM doc d WHERE %s "
	         "ORDER BY d.adopted, d.sortkey, d.language", where);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "finding the document");
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	return collect_docs(l, st, out, n);
}

int library_find(struct library *l, const char *what, const char *lang,
                 struct library_doc **out, size_t *n)
{
	char key[SYMBOL_KEY_MAX];
	int err;
	*out = NULL;
	*n = 0;
	/* A full symbol, "78/217", "2672 (2023)"; a symbol exactly as stored (a document known
	 * by its hash); the Security Council's "2672" without its year; then a title. */
	if (symbol_from_user(what, key, sizeof key) == 0 &&
	    (err = find_by(l, "d.key = ?1", key, out, n)) != STORE_OK)
		return err;
	if (!*n && (err = find_by(l, "d.key = ?1 OR d.symbol = ?1", what, out, n)) != STORE_OK)
		return err;
	if (!*n && symbol_sc_prefix(what, key, sizeof key) == 0 &&
	    (err = find_by(l, "substr(d.key, 1, length(?1)) = ?1", key, out, n)) != STORE_OK)
		return err;
	if (!*n && (err = find_by(l, "gavel_match(?1, coalesce(d.title, ''))", what, out, n)) !=
	    STORE_OK)
		return err;
	if (!*n)
		return lib_set_error(l, STORE_ERR_NOTFOUND, "'%s' is not in the library", what);
	prefer_language(*out, *n, lang);
	return STORE_OK;
}

int library_complete(struct library *l, const char *prefix, size_t max, char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	char key[SYMBOL_KEY_MAX] = "";
	symbol_key(prefix, key, sizeof key);
	char akey[SYMBOL_KEY_MAX + 8];
	snprintf(akey, sizeof akey, "A/RES/%s", key);
	sqlite3_stmt *st;
	/* Symbols as typed or without their "A/RES/", then titles holding the words; one line per
	 * symbol (its languages are one document to open). */
	int rc = sqlite3_prepare_v2(l->db,
		"SELECT d.symbol, min(d.title), min(d.sortkey) AS sk FROM doc d "
		"WHERE substr(d.key, 1, length(?1)) = ?1 OR substr(d.key, 1, length(?2)) = ?2 "
		"OR gavel_match(?3, coalesce(d.title, '')) "
		"GROUP BY d.key ORDER BY sk LIMIT ?4", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "completing");
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, akey, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)max);
	char **v = calloc(max ? max : 1, sizeof *v);
	if (!v) {
		sqlite3_finalize(st);
		return lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		const char *sym = (const char *)sqlite3_column_text(st, 0);
		const char *title = (const char *)sqlite3_column_text(st, 1);
		if (asprintf(&v[*n], "%s%s%s", sym ? sym : "", title ? "  " : "", title ? title : "") < 0) {
			v[*n] = NULL;
			rc = SQLITE_NOMEM;
			break;
		}
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		for (size_t i = 0; i < *n; i++)
			free(v[i]);
		free(v);
		*n = 0;
		return lib_fail(l, rc, "completing");
	}
	*out = v;
	return STORE_OK;
}

/* The paragraphs' texts, read in one pass over the document's range of rows. */
struct texts {
	char **s;
	size_t *len;
	size_t n;
};

static const char *text_of(void *ctx, size_t i, size_t *len)
{
	struct texts *t = ctx;
	if (i >= t->n || !t->s[i])
		return NULL;
	*len = t->len[i];
	return t->s[i];
}

static void texts_free(struct texts *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->s[i]);
	free(t->s);
	free(t->len);
}

static int read_texts(struct library *l, int64_t id, size_t npara, struct texts *t)
{
	t->n = npara;
	t->s = calloc(npara ? npara : 1, sizeof *t->s);
	t->len = calloc(npara ? npara : 1, sizeof *t->len);
	if (!t->s || !t->len)
		return lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, "SELECT id, text FROM para WHERE id BETWEEN ? AND ?", -1,
	                            &st, NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "reading the document");
	sqlite3_bind_int64(st, 1, PARA_ROWID(id, 0));
	sqlite3_bind_int64(st, 2, PARA_ROWID(id, PARA_MAX - 1));
	int err = STORE_OK;
	while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t i = (size_t)(sqlite3_column_int64(st, 0) & (PARA_MAX - 1));
		if (i >= npara || t->s[i])
			continue;
		err = lib_unpack(l, sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1),
		                 &t->s[i], &t->len[i]);
	}
	sqlite3_finalize(st);
	if (err)
		return err;
	return rc == SQLITE_DONE ? STORE_OK : lib_fail(l, rc, "reading the document");
}

int library_load(struct library *l, int64_t id, struct resolution **out)
{
	*out = NULL;
	sqlite3_stmt *st;
	/* One read transaction: the model and its texts from the same import (inside the
	 * caller's, when there is one). */
	int own = sqlite3_get_autocommit(l->db);
	int rc = own ? sqlite3_exec(l->db, "BEGIN", NULL, NULL, NULL) : SQLITE_OK;
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "reading the document");
	rc = sqlite3_prepare_v2(l->db, "SELECT m.blob, d.npara FROM model m JOIN doc d "
	                        "ON d.id = m.doc_id WHERE m.doc_id = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "reading the document");
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (own)
			library_rollback(l);
		if (rc == SQLITE_DONE)
			return lib_set_error(l, STORE_ERR_NOTFOUND, "the document is no longer in the "
			                     "library");
		return lib_fail(l, rc, "reading the document");
	}
	size_t npara = (size_t)sqlite3_column_int64(st, 1);
	struct texts t = { 0 };
	int err = read_texts(l, id, npara, &t);
	char *b = NULL;
	size_t blen = 0;
	if (err == STORE_OK)
		err = lib_unpack(l, sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0), &b,
		                 &blen);
	if (err == STORE_OK) {
		int d = blob_decode((const unsigned char *)b, blen, text_of, &t, out);
		if (d == -1)
			err = lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
		else if (d == -2)
			err = lib_set_error(l, STORE_ERR_CORRUPT, "the library's copy of this document is "
			                    "damaged; 'gavel add' its file again");
	}
	free(b);
	texts_free(&t);
	sqlite3_finalize(st);
	if (own)
		library_rollback(l);
	return err;
}

int library_remove(struct library *l, const char *key, const char *lang, size_t *removed)
{
	*removed = 0;
	int err = library_begin(l);
	if (err)
		return err;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, "SELECT id FROM doc WHERE key = ?1 AND "
	                            "(?2 IS NULL OR language = ?2)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "removing");
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lang, -1, SQLITE_STATIC);
	int64_t ids[64];
	size_t n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < 64)
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	static const char *const sql[] = {
		"INSERT INTO para_fts (para_fts, rowid, text) SELECT 'delete', id, gavel_text(text) "
		"FROM para WHERE id BETWEEN ?1 AND ?2",
		"DELETE FROM cite WHERE from_para BETWEEN ?1 AND ?2",
		"DELETE FROM para WHERE id BETWEEN ?1 AND ?2",
		"DELETE FROM doc WHERE id = ?3",
	};
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < sizeof sql / sizeof *sql; k++) {
			rc = sqlite3_prepare_v2(l->db, sql[k], -1, &st, NULL);
			if (rc != SQLITE_OK)
				return lib_fail(l, rc, "removing");
			sqlite3_bind_int64(st, 1, PARA_ROWID(ids[i], 0));
			sqlite3_bind_int64(st, 2, PARA_ROWID(ids[i], PARA_MAX - 1));
			if (k == 3)
				sqlite3_bind_int64(st, 3, ids[i]);
			rc = sqlite3_step(st);
			sqlite3_finalize(st);
			if (rc != SQLITE_DONE)
				return lib_fail(l, rc, "removing");
		}
	}
	if (!n) {
		library_rollback(l);
		return lib_set_error(l, STORE_ERR_NOTFOUND, "%s%s%s is not in the library", key,
		                     lang ? " in " : "", lang ? lang : "");
	}
	*removed = n;
	l->changed = 1;
	return library_commit(l);
}

int library_count(struct library *l, size_t *n)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, "SELECT count(*) FROM doc", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "counting");
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? STORE_OK : lib_fail(l, rc, "counting");
}

int library_has(struct library *l, const char *key)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, "SELECT 1 FROM doc WHERE key = ? LIMIT 1", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return -lib_fail(l, rc, "finding the document");
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : -lib_fail(l, rc, "finding the document");
}

int library_check(struct library *l, size_t *ndocs)
{
	*ndocs = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, "PRAGMA integrity_check(1)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "checking the library");
	rc = sqlite3_step(st);
	const char *r = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	int bad = !r || strcmp(r, "ok") != 0;
	if (bad)
		lib_set_error(l, STORE_ERR_CORRUPT, "%s is damaged: %s", l->path,
		              r ? r : sqlite3_errmsg(l->db));
	sqlite3_finalize(st);
	if (bad)
		return STORE_ERR_CORRUPT;
	/* The index's own structure (a write: a read-only library skips it). */
	if (!l->readonly) {
		rc = sqlite3_exec(l->db, "INSERT INTO para_fts (para_fts) VALUES ('integrity-check')",
		                  NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			return lib_set_error(l, STORE_ERR_CORRUPT, "the library's index is damaged (%s): "
			                     "add the files again into a new library", sqlite3_errmsg(l->db));
	}
	rc = sqlite3_prepare_v2(l->db, "SELECT id, symbol, npara FROM doc", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "checking the library");
	int err = STORE_OK;
	while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct resolution *res = NULL;
		int64_t id = sqlite3_column_int64(st, 0);
		err = library_load(l, id, &res);
		if (!err && res->npara != (size_t)sqlite3_column_int64(st, 2))
			err = lib_set_error(l, STORE_ERR_CORRUPT, "%s: %zu paragraphs, the library says "
			                    "%lld", (const char *)sqlite3_column_text(st, 1), res->npara,
			                    (long long)sqlite3_column_int64(st, 2));
		else if (err)
			lib_set_error(l, err, "%s: %s", (const char *)sqlite3_column_text(st, 1),
			              library_errmsg(l));
		res_free(res);
		(*ndocs)++;
	}
	sqlite3_finalize(st);
	if (!err && rc != SQLITE_DONE)
		err = lib_fail(l, rc, "checking the library");
	return err;
}
