/* schema.h: the store's tables, as a list of forward migrations (PRAGMA user_version). */
#ifndef GAVEL_STORE_SCHEMA_H
#define GAVEL_STORE_SCHEMA_H

#include <sqlite3.h>

/* PRAGMA application_id of a gavel database ("GAVL"): another program's SQLite file is
 * refused rather than filled with our tables. */
#define SCHEMA_APPLICATION_ID 0x4741564c

/* The newest version this build knows (== STORE_SCHEMA_VERSION). */
int schema_latest(void);

/* Applies every step after the database's user_version up to `target`, each step in its own
 * IMMEDIATE transaction that re-reads the version first (another process may have migrated
 * meanwhile). Returns an SQLite result code; on failure the failing step is rolled back and
 * *errmsg (caller frees, may be NULL) says which step failed and why. */
int schema_migrate(sqlite3 *, int target, char **errmsg);

/* The first column of the first row of `sql` as an int ("PRAGMA user_version", a count):
 * SQLITE_OK with *v set, SQLITE_DONE (no row, *v untouched) or an SQLite error code. For the
 * migrations and for the store's checks on open. */
int schema_query_int(sqlite3 *, const char *sql, int *v);

#endif
