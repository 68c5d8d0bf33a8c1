/* store-doc.c: documents known by symbol and language, and re-anchoring their annotations
 * when the text changed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/anchor.h"
#include "store/store-int.h"

/* A document without a symbol can only be known by its text; one without a language is
 * "und" (BCP 47 for undetermined). */
static void doc_key(const struct resolution *res, const char *hash, char *sym, size_t n,
                    const char **lang)
{
	if (res->meta.symbol && *res->meta.symbol)
		snprintf(sym, n, "%s", res->meta.symbol);
	else
		snprintf(sym, n, "sha256:%.16s", hash);
	*lang = res->meta.language && *res->meta.language ? res->meta.language : "und";
}

/* Looks the document up; *hash (caller frees, may be NULL) gets its stored text hash. */
static int doc_lookup(struct store *s, const char *sym, const char *lang, int64_t *id, char **hash)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db,
		"SELECT id, text_hash FROM document WHERE symbol = ? AND language = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "finding the document");
	sqlite3_bind_text(st, 1, sym, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lang, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	int err = STORE_OK;
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (hash) {
			*hash = strdup((const char *)sqlite3_column_text(st, 1));
			if (!*hash)
				err = STORE_ERR_NOMEM;
		}
	} else if (rc == SQLITE_DONE) {
		err = store_set_error(s, STORE_ERR_NOTFOUND, "%s (%s) has no notes yet", sym, lang);
	} else {
		err = store_fail(s, rc, "finding the document");
	}
	sqlite3_finalize(st);
	return err;
}

int store_doc_find(struct store *s, const char *symbol, const char *language, int64_t *doc_id)
{
	return doc_lookup(s, symbol, language, doc_id, NULL);
}

/* One annotation as re-anchoring needs it, read whole before any update. */
struct place {
	char *id, *para_id, *exact, *prefix, *suffix;
	size_t start, end;
	int ord;
};

static void places_free(struct place *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].para_id);
		free(v[i].exact);
		free(v[i].prefix);
		free(v[i].suffix);
	}
	free(v);
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return strdup(t ? t : "");
}

static int places_load(struct store *s, int64_t doc_id, struct place **out, size_t *n)
{
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	int rc = sqlite3_prepare_v2(s->db,
		"SELECT id, para_id, start, \"end\", exact, prefix, suffix, para_ord FROM annotation "
		"WHERE doc_id = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "re-anchoring");
	sqlite3_bind_int64(st, 1, doc_id);
	size_t cap = 0;
	struct place *v = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			struct place *nv = realloc(v, cap * sizeof *nv);
			if (!nv)
				break;
			v = nv;
		}
		struct place *p = &v[(*n)++];
		p->id = col_dup(st, 0);
		p->para_id = col_dup(st, 1);
		p->start = (size_t)sqlite3_column_int64(st, 2);
		p->end = (size_t)sqlite3_column_int64(st, 3);
		p->exact = col_dup(st, 4);
		p->prefix = col_dup(st, 5);
		p->suffix = col_dup(st, 6);
		p->ord = sqlite3_column_int(st, 7);
		if (!p->id || !p->para_id || !p->exact || !p->prefix || !p->suffix) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	*out = v;
	if (rc == SQLITE_ROW)
		rc = SQLITE_NOMEM;
	return rc == SQLITE_DONE ? STORE_OK : store_fail(s, rc, "re-anchoring");
}

/* Finds every annotation of the document again in the new text; inside the caller's
 * transaction. Orphans are tried too: a text that comes back brings its notes back. */
static int reanchor(struct store *s, int64_t doc_id, const struct resolution *res)
{
	struct place *v;
	size_t n;
	int err = places_load(s, doc_id, &v, &n);
	if (err) {
		places_free(v, n);
		return err;
	}
	sqlite3_stmt *found = NULL, *lost = NULL;
	int rc = sqlite3_prepare_v2(s->db,
		"UPDATE annotation SET para_id = ?2, start = ?3, \"end\" = ?4, exact = ?5, prefix = ?6, "
		"suffix = ?7, status = ?8, para_ord = ?9, para_label = ?10 WHERE id = ?1", -1, &found, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db, "UPDATE annotation SET status = 'orphan' WHERE id = ?",
		                        -1, &lost, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
		struct place *p = &v[i];
		struct anchor_target t = { p->para_id, p->start, p->end, p->exact, p->prefix, p->suffix,
		                           p->ord };
		struct anchor_found f;
		enum anchor_status status = anchor_resolve(res, &t, &f);
		if (status == ANCHOR_ORPHAN) {
			sqlite3_bind_text(lost, 1, p->id, -1, SQLITE_STATIC);
			rc = sqlite3_step(lost);
			sqlite3_reset(lost);
			rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
			continue;
		}
		const struct para *para = &res->paras[f.para];
		char *exact, *prefix, *suffix;
		int q = anchor_quote(para->text, f.start, f.end, &exact, &prefix, &suffix);
		if (q != 0) {
			rc = SQLITE_NOMEM;
			break;
		}
		sqlite3_bind_text(found, 1, p->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(found, 2, para->id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(found, 3, (sqlite3_int64)f.start);
		sqlite3_bind_int64(found, 4, (sqlite3_int64)f.end);
		sqlite3_bind_text(found, 5, exact, -1, SQLITE_STATIC);
		sqlite3_bind_text(found, 6, prefix, -1, SQLITE_STATIC);
		sqlite3_bind_text(found, 7, suffix, -1, SQLITE_STATIC);
		sqlite3_bind_text(found, 8, anchor_status_name(status), -1, SQLITE_STATIC);
		sqlite3_bind_int(found, 9, f.para);
		sqlite3_bind_text(found, 10, res_label(res, f.para), -1, SQLITE_STATIC);
		rc = sqlite3_step(found);
		sqlite3_reset(found);
		sqlite3_clear_bindings(found);
		free(exact);
		free(prefix);
		free(suffix);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(found);
	sqlite3_finalize(lost);
	places_free(v, n);
	return rc == SQLITE_OK ? STORE_OK : store_fail(s, rc, "re-anchoring the notes");
}

int store_doc_sync(struct store *s, const struct resolution *res, int64_t *doc_id)
{
	char hash[65], sym[256], now[32];
	const char *lang;
	anchor_text_hash(res, hash);
	doc_key(res, hash, sym, sizeof sym, &lang);

	/* The common case (known, unchanged) only reads, so it takes no write lock. */
	char *old = NULL;
	int err = doc_lookup(s, sym, lang, doc_id, &old);
	if (err == STORE_OK && strcmp(old, hash) == 0) {
		free(old);
		return STORE_OK;
	}
	free(old);
	old = NULL;
	if (err != STORE_OK && err != STORE_ERR_NOTFOUND)
		return err;
	if (s->readonly)   /* known but changed: list it as stored; unknown: nothing to list */
		return err == STORE_OK ? STORE_OK : err;

	if ((err = store_begin(s)) != STORE_OK)
		return err;
	/* Looked up again inside the transaction: another process may have synced meanwhile. */
	err = doc_lookup(s, sym, lang, doc_id, &old);
	store_now(now);
	sqlite3_stmt *st = NULL;
	int rc = SQLITE_OK;
	if (err == STORE_ERR_NOTFOUND) {
		rc = sqlite3_prepare_v2(s->db,
			"INSERT INTO document (symbol, language, text_hash, created, updated) "
			"VALUES (?, ?, ?, ?, ?)", -1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_text(st, 1, sym, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, lang, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, hash, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
			rc = sqlite3_step(st);
			*doc_id = sqlite3_last_insert_rowid(s->db);
		}
	} else if (err == STORE_OK && strcmp(old, hash) != 0) {
		if ((err = reanchor(s, *doc_id, res)) != STORE_OK) {
			free(old);
			return err;
		}
		rc = sqlite3_prepare_v2(s->db,
			"UPDATE document SET text_hash = ?, updated = ? WHERE id = ?", -1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 3, *doc_id);
			rc = sqlite3_step(st);
		}
	} else if (err != STORE_OK) {
		free(old);
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return err;
	}
	free(old);
	sqlite3_finalize(st);
	if (rc != SQLITE_OK && rc != SQLITE_DONE)
		return store_fail(s, rc, "registering the document");
	return store_commit(s);
}
