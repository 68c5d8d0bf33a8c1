/* store-import.c: annotations brought from another database (`gavel notes import`), stored as
 * they were written, all in one transaction. Added by the export layer's owner; the store's
 * owner may fold it into store-annot.c. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "store/store-int.h"

/* The document's id, registering it by symbol and language when unknown. Its text hash is
 * left empty so the next store_doc_sync with the real text re-anchors the imported notes
 * (filling their paragraph order and label). Returns an SQLite code. */
static int import_doc(struct store *s, const char *symbol, const char *language, int64_t *id)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db,
		"SELECT id FROM document WHERE symbol = ? AND language = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, symbol, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, language, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return SQLITE_OK;
	if (rc != SQLITE_DONE)
		return rc;
	char now[32];
	store_now(now);
	rc = sqlite3_prepare_v2(s->db,
		"INSERT INTO document (symbol, language, text_hash, created, updated) "
		"VALUES (?, ?, '', ?, ?)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, symbol, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, language, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc;
	*id = sqlite3_last_insert_rowid(s->db);
	return SQLITE_OK;
}

static int exists(struct store *s, const char *id, int *found)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "SELECT 1 FROM annotation WHERE id = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int insert(struct store *s, int64_t doc_id, const struct annotation *a)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db,
		"INSERT INTO annotation (id, doc_id, para_id, start, \"end\", exact, prefix, suffix, "
		"color, note, status, created, updated, para_ord, para_label, iri, source) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, -1, ?, ?, ?)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	char now[32];
	store_now(now);
	sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, doc_id);
	sqlite3_bind_text(st, 3, a->para_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)a->start);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)a->end);
	sqlite3_bind_text(st, 6, a->exact, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, a->prefix ? a->prefix : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, a->suffix ? a->suffix : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, a->color ? a->color : "yellow", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, a->note, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, anchor_status_name(a->status), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, a->created ? a->created : now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 13, a->updated ? a->updated : a->created ? a->created : now, -1,
	                  SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 14, a->para_label, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 15, a->iri, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, a->source, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc;
	rc = sqlite3_prepare_v2(s->db,
		"INSERT OR IGNORE INTO tag (annotation_id, name) VALUES (?, ?)", -1, &st, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < a->ntags; i++) {
		sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, a->tags[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Marks a document's notes for re-anchoring on its next sync (its hash no longer matches). */
static int invalidate(struct store *s, int64_t doc_id)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "UPDATE document SET text_hash = '' WHERE id = ?", -1,
	                            &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, doc_id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int store_annot_import(struct store *s, const struct annotation *v, size_t n, size_t *added,
                       size_t *skipped)
{
	*added = *skipped = 0;
	for (size_t i = 0; i < n; i++)
		if (!v[i].doc_symbol || !v[i].doc_language || !v[i].para_id || !v[i].exact ||
		    v[i].end <= v[i].start)
			return store_set_error(s, STORE_ERR_INVALID,
			                       "note %s lacks its document, paragraph or quote", v[i].id);
	int err = store_begin(s);
	if (err)
		return err;
	int rc = SQLITE_OK;
	size_t a = 0, k = 0;
	for (size_t i = 0; i < n && rc == SQLITE_OK; i++) {
		int found = 0;
		rc = exists(s, v[i].id, &found);
		if (rc != SQLITE_OK)
			break;
		if (found) {
			k++;
			continue;
		}
		int64_t doc_id = 0;
		rc = import_doc(s, v[i].doc_symbol, v[i].doc_language, &doc_id);
		if (rc == SQLITE_OK)
			rc = insert(s, doc_id, &v[i]);
		if (rc == SQLITE_OK)
			rc = invalidate(s, doc_id);
		a++;
	}
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "importing the notes");
	err = store_commit(s);
	if (!err) {
		*added = a;
		*skipped = k;
	}
	return err;
}
