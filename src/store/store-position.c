/* store-position.c: where the reader was in each document, restored on the next open. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "store/store-int.h"

/* Every pane's place, into out->panes. */
static int panes_get(struct store *s, int64_t doc_id, struct position *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "SELECT pane, para_id, scroll FROM pane_position "
	                            "WHERE doc_id = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "reading the position");
	sqlite3_bind_int64(st, 1, doc_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int pane = sqlite3_column_int(st, 0);
		const char *p = (const char *)sqlite3_column_text(st, 1);
		if (pane < 0 || pane >= STORE_PANES)
			continue;
		snprintf(out->panes[pane].para_id, sizeof out->panes[pane].para_id, "%s", p ? p : "");
		out->panes[pane].scroll = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STORE_OK : store_fail(s, rc, "reading the position");
}

int store_position_get(struct store *s, int64_t doc_id, struct position *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "SELECT pane, para_id, scroll, zoomed FROM position "
	                            "WHERE doc_id = ?", -1, &st, NULL);
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
		out->zoomed = sqlite3_column_int(st, 3);
	} else if (rc == SQLITE_DONE) {
		err = store_set_error(s, STORE_ERR_NOTFOUND, "no reading position saved");
	} else {
		err = store_fail(s, rc, "reading the position");
	}
	sqlite3_finalize(st);
	return err ? err : panes_get(s, doc_id, out);
}

/* Every pane's place, in the transaction store_position_set opened. */
static int panes_set(struct store *s, int64_t doc_id, const struct position *p)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db,
		"INSERT INTO pane_position (doc_id, pane, para_id, scroll) VALUES (?, ?, ?, ?) "
		"ON CONFLICT (doc_id, pane) DO UPDATE SET para_id = excluded.para_id, "
		"scroll = excluded.scroll", -1, &st, NULL);
	for (int i = 0; rc == SQLITE_OK && i < STORE_PANES; i++) {
		if (!p->panes[i].para_id[0])
			continue;
		sqlite3_bind_int64(st, 1, doc_id);
		sqlite3_bind_int(st, 2, i);
		sqlite3_bind_text(st, 3, p->panes[i].para_id, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, p->panes[i].scroll);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

int store_position_set(struct store *s, int64_t doc_id, const struct position *p)
{
	if (memchr(p->para_id, '\0', sizeof p->para_id) == NULL)
		return store_set_error(s, STORE_ERR_INVALID, "paragraph id too long");
	for (int i = 0; i < STORE_PANES; i++)
		if (memchr(p->panes[i].para_id, '\0', sizeof p->panes[i].para_id) == NULL)
			return store_set_error(s, STORE_ERR_INVALID, "paragraph id too long");
	int err = store_begin(s);
	if (err)
		return err;
	char now[32];
	store_now(now);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db,
		"INSERT INTO position (doc_id, pane, para_id, scroll, updated, zoomed) "
		"VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET pane = excluded.pane, "
		"para_id = excluded.para_id, scroll = excluded.scroll, updated = excluded.updated, "
		"zoomed = excluded.zoomed", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "saving the position");
	sqlite3_bind_int64(st, 1, doc_id);
	sqlite3_bind_int(st, 2, p->pane);
	sqlite3_bind_text(st, 3, p->para_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, p->scroll);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, p->zoomed != 0);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		int r = panes_set(s, doc_id, p);
		rc = r == SQLITE_OK ? SQLITE_DONE : r;
	}
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
		store_fail(s, rc, "saving the position: no such document");
		return STORE_ERR_NOTFOUND;
	}
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "saving the position");
	return store_commit(s);
}
