/* store-position.c: where the reader was in each document, restored on the next open. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "store/store-int.h"

int store_position_get(struct store *s, int64_t doc_id, struct position *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "SELECT pane, para_id, scroll FROM position WHERE doc_id = ?",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "reading the position");
	sqlite3_bind_int64(st, 1, doc_id);
	rc = sqlite3_step(st);
	int err = STORE_OK;
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		out->pane = sqlite3_column_int(st, 0);
		const char *p = (const char *)sqlite3_column_text(st, 1);
		snprintf(out->para_id, sizeof out->para_id, "%s", p ? p : "");
		out->scroll = sqlite3_column_int(st, 2);
	} else if (rc == SQLITE_DONE) {
		err = store_set_error(s, STORE_ERR_NOTFOUND, "no reading position saved");
	} else {
		err = store_fail(s, rc, "reading the position");
	}
	sqlite3_finalize(st);
	return err;
}

int store_position_set(struct store *s, int64_t doc_id, const struct position *p)
{
	if (memchr(p->para_id, '\0', sizeof p->para_id) == NULL)
		return store_set_error(s, STORE_ERR_INVALID, "paragraph id too long");
	int err = store_begin(s);
	if (err)
		return err;
	char now[32];
	store_now(now);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db,
		"INSERT INTO position (doc_id, pane, para_id, scroll, updated) VALUES (?, ?, ?, ?, ?) "
		"ON CONFLICT (doc_id) DO UPDATE SET pane = excluded.pane, para_id = excluded.para_id, "
		"scroll = excluded.scroll, updated = excluded.updated", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "saving the position");
	sqlite3_bind_int64(st, 1, doc_id);
	sqlite3_bind_int(st, 2, p->pane);
	sqlite3_bind_text(st, 3, p->para_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, p->scroll);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
		store_fail(s, rc, "saving the position: no such document");
		return STORE_ERR_NOTFOUND;
	}
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "saving the position");
	return store_commit(s);
}
