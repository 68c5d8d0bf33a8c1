/* schema.c: the schema as data, one entry per version, applied forward in transactions. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/schema.h"
#include "store/store.h"

/* Step N turns a version N-1 database into version N. Never edit a released step: add one. */
static const struct step {
	int version;
	const char *why;
	const char *sql;
} steps[] = {
	{ 1, "documents, annotations, tags, reading positions",
	  "CREATE TABLE document ("
	  "  id INTEGER PRIMARY KEY,"
	  "  symbol TEXT NOT NULL,"
	  "  language TEXT NOT NULL,"
	  "  text_hash TEXT NOT NULL,"
	  "  created TEXT NOT NULL,"
	  "  updated TEXT NOT NULL,"
	  "  UNIQUE (symbol, language));"
	  "CREATE TABLE annotation ("
	  "  id TEXT PRIMARY KEY NOT NULL,"
	  "  doc_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
	  "  para_id TEXT NOT NULL,"
	  "  start INTEGER NOT NULL CHECK (start >= 0),"
	  "  \"end\" INTEGER NOT NULL CHECK (\"end\" > start),"
	  "  exact TEXT NOT NULL,"
	  "  prefix TEXT NOT NULL DEFAULT '',"
	  "  suffix TEXT NOT NULL DEFAULT '',"
	  "  color TEXT NOT NULL DEFAULT 'yellow',"
	  "  note TEXT,"
	  "  status TEXT NOT NULL DEFAULT 'anchored'"
	  "    CHECK (status IN ('anchored', 'moved', 'orphan')),"
	  "  created TEXT NOT NULL,"
	  "  updated TEXT NOT NULL);"
	  "CREATE INDEX annotation_by_doc ON annotation(doc_id);"
	  "CREATE TABLE tag ("
	  "  annotation_id TEXT NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,"
	  "  name TEXT NOT NULL,"
	  "  PRIMARY KEY (annotation_id, name)) WITHOUT ROWID;"
	  "CREATE INDEX tag_by_name ON tag(name);"
	  "CREATE TABLE position ("
	  "  doc_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,"
	  "  pane INTEGER NOT NULL,"
	  "  para_id TEXT NOT NULL,"
	  "  scroll INTEGER NOT NULL,"
	  "  updated TEXT NOT NULL);"
	  "PRAGMA application_id = 1195464268;" },
	/* Listing in document order without parsing the document needs the paragraph's place and
	 * label; the hashes are cleared so the next open of each document re-anchors and fills
	 * them (an unchanged text re-anchors every note where it was). */
	{ 2, "paragraph order and label of each annotation",
	  "ALTER TABLE annotation ADD COLUMN para_ord INTEGER NOT NULL DEFAULT -1;"
	  "ALTER TABLE annotation ADD COLUMN para_label TEXT;"
	  "CREATE INDEX annotation_in_order ON annotation(doc_id, para_ord, start);"
	  "UPDATE document SET text_hash = '';" },
	/* The reader comes back with every pane where it was, and zoomed if it was (issue 17);
	 * the position row keeps the focused pane, as before. */
	{ 3, "every pane's place and the zoom in the reading position",
	  "ALTER TABLE position ADD COLUMN zoomed INTEGER NOT NULL DEFAULT 0;"
	  "CREATE TABLE pane_position ("
	  "  doc_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
	  "  pane INTEGER NOT NULL,"
	  "  para_id TEXT NOT NULL,"
	  "  scroll INTEGER NOT NULL,"
	  "  PRIMARY KEY (doc_id, pane)) WITHOUT ROWID;" },
	/* A note imported from another tool (Hypothesis, any W3C annotation) keeps the id and the
	 * document address that tool gave it, so exporting it back names the same annotation. */
	{ 4, "the id and source of annotations imported from other tools",
	  "ALTER TABLE annotation ADD COLUMN iri TEXT;"
	  "ALTER TABLE annotation ADD COLUMN source TEXT;" },
};

_Static_assert(sizeof steps / sizeof *steps == STORE_SCHEMA_VERSION,
               "one migration step per schema version");

int schema_latest(void)
{
	return steps[sizeof steps / sizeof *steps - 1].version;
}

int schema_query_int(sqlite3 *db, const char *sql, int *v)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*v = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static char *step_error(sqlite3 *db, const struct step *s)
{
	const char *why = sqlite3_errmsg(db);
	size_t n = strlen(why) + strlen(s->why) + 64;
	char *m = malloc(n);
	if (m)
		snprintf(m, n, "upgrading the database to version %d (%s): %s", s->version, s->why, why);
	return m;
}

int schema_migrate(sqlite3 *db, int target, char **errmsg)
{
	if (errmsg)
		*errmsg = NULL;
	for (size_t i = 0; i < sizeof steps / sizeof *steps && steps[i].version <= target; i++) {
		const struct step *s = &steps[i];
		int v = 0;
		int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = schema_query_int(db, "PRAGMA user_version", &v);
		if (rc == SQLITE_OK && v < s->version) {
			char set[64];
			snprintf(set, sizeof set, "PRAGMA user_version = %d", s->version);
			rc = sqlite3_exec(db, s->sql, NULL, NULL, NULL);
			if (rc == SQLITE_OK)
				rc = sqlite3_exec(db, set, NULL, NULL, NULL);
		}
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			if (errmsg)
				*errmsg = step_error(db, s);
			if (!sqlite3_get_autocommit(db))
				sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return rc;
		}
	}
	return SQLITE_OK;
}
