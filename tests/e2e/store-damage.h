/* store-damage.h: damage done to a gavel database the way SQLite's own corruption tests do
 * it, so the store's refusals are tested on generated files, never on committed binaries
 * (issue 18). Static functions: tests/unit/test_store_check.c and tests/e2e/store-damage.c
 * (the shell tests' tool) include it.
 *
 *   index-row    one entry gone from sqlite_autoindex_annotation_1 (the id index), through
 *                an imposter table on the index's b-tree (SQLITE_TESTCTRL_IMPOSTER, as
 *                SQLite's tests and the shell's .imposter do): the case issue 18 found
 *   index-extra  an entry in the id index for a row that does not exist
 *   freelist     the first freelist trunk page claims more leaves than a page can hold
 *   truncated    the file cut inside its second-to-last page
 *   torn-wal     not damage: a WAL left by a session that did not close (committed notes
 *                not yet in the database), its last frame half written, as a power cut
 *                leaves it; SQLite keeps every commit before the torn one
 * Each takes a database that gavel closed cleanly; 0, or -1 with a message on stderr. */
#ifndef GAVEL_TESTS_STORE_DAMAGE_H
#define GAVEL_TESTS_STORE_DAMAGE_H

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int dmg_fail(sqlite3 *db, const char *what)
{
	fprintf(stderr, "store-damage: %s: %s\n", what, db ? sqlite3_errmsg(db) : "failed");
	if (db)
		sqlite3_close(db);
	return -1;
}

static int dmg_int(sqlite3 *db, const char *sql, long long *v)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* An imposter table over the id index's b-tree; DML on it edits the index alone. */
static int dmg_imposter(sqlite3 *db)
{
	long long root;
	if (dmg_int(db, "SELECT rootpage FROM sqlite_master WHERE name = "
	                "'sqlite_autoindex_annotation_1'", &root) < 0)
		return -1;
	if (sqlite3_test_control(SQLITE_TESTCTRL_IMPOSTER, db, "main", 1, (int)root) != SQLITE_OK)
		return -1;
	int rc = sqlite3_exec(db, "CREATE TABLE imposter(id, rid, PRIMARY KEY(id, rid)) WITHOUT ROWID",
	                      NULL, NULL, NULL);
	sqlite3_test_control(SQLITE_TESTCTRL_IMPOSTER, db, "main", 0, 0);
	return rc == SQLITE_OK ? 0 : -1;
}

/* Edits the id index through the imposter, then takes any trace of the imposter out of the
 * schema (writable_schema), leaving only the damage. */
static int dmg_index(const char *path, const char *edit)
{
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK)
		return dmg_fail(db, path);
	if (dmg_imposter(db) < 0)
		return dmg_fail(db, "making the imposter table");
	/* The imposter lives in this connection's schema (and, written, in sqlite_master). */
	if (sqlite3_exec(db, edit, NULL, NULL, NULL) != SQLITE_OK)
		return dmg_fail(db, "editing the index");
	if (sqlite3_exec(db, "PRAGMA writable_schema = ON; DELETE FROM sqlite_master WHERE name = "
	                 "'imposter'; PRAGMA writable_schema = OFF", NULL, NULL, NULL) != SQLITE_OK)
		return dmg_fail(db, "removing the imposter");
	sqlite3_close(db);
	return 0;
}

/* Reads and writes a 4-byte big-endian integer of the file. */
static long dmg_get32(int fd, off_t at)
{
	unsigned char b[4];
	if (pread(fd, b, 4, at) != 4)
		return -1;
	return (long)b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3];
}

static int dmg_put32(int fd, off_t at, unsigned long v)
{
	unsigned char b[4] = { (unsigned char)(v >> 24), (unsigned char)(v >> 16),
	                       (unsigned char)(v >> 8), (unsigned char)v };
	return pwrite(fd, b, 4, at) == 4 ? 0 : -1;
}

/* Frees pages (notes deleted), then makes the first trunk page's leaf count impossible. */
static int dmg_freelist(const char *path)
{
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK)
		return dmg_fail(db, path);
	if (sqlite3_exec(db, "DELETE FROM tag; DELETE FROM annotation WHERE rowid % 2 = 0",
	                 NULL, NULL, NULL) != SQLITE_OK)
		return dmg_fail(db, "freeing pages");
	sqlite3_close(db);        /* the last connection: the WAL is checkpointed and removed */
	int fd = open(path, O_RDWR);
	if (fd < 0)
		return dmg_fail(NULL, path);
	long page = (long)dmg_get32(fd, 16) >> 16;      /* 2-byte page size at offset 16 */
	if (page == 1)
		page = 65536;
	long trunk = dmg_get32(fd, 32), count = dmg_get32(fd, 36);
	int rc = trunk > 0 && count > 1 ? dmg_put32(fd, (off_t)(trunk - 1) * page + 4,
	                                            (unsigned long)page) : -1;
	close(fd);
	if (rc < 0)
		fprintf(stderr, "store-damage: no freelist to damage (%ld free pages)\n", count);
	return rc;
}

static int dmg_truncate(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0 || st.st_size < 3 * 4096)
		return dmg_fail(NULL, "the database is too small to cut");
	return truncate(path, st.st_size - 4096 - 1000) == 0 ? 0 : dmg_fail(NULL, "truncate");
}

/* A session that commits `n` notes (rows copied from one already there) and stops without
 * closing: the WAL keeps them, not checkpointed. The last commit is then cut in the middle
 * of its last frame. Returns the number of commits that must survive (n - 1). */
static int dmg_torn_wal(const char *path, int n)
{
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK)
		return dmg_fail(db, path);
	sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
	if (sqlite3_exec(db, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL) != SQLITE_OK)
		return dmg_fail(db, "autocheckpoint off");
	char wal[4096];
	snprintf(wal, sizeof wal, "%s-wal", path);
	struct stat st;
	off_t before_last = 0;
	for (int i = 0; i < n; i++) {
		char sql[512];
		snprintf(sql, sizeof sql,
		         "INSERT INTO annotation (id, doc_id, para_id, start, \"end\", exact, prefix, "
		         "suffix, color, note, status, created, updated, para_ord, para_label) "
		         "SELECT '00000000-0000-4000-8000-%012d', doc_id, para_id, start, \"end\", "
		         "exact, prefix, suffix, color, 'torn-wal note %d', status, created, updated, "
		         "para_ord, para_label FROM annotation LIMIT 1", i, i);
		if (i == n - 1 && stat(wal, &st) == 0)
			before_last = st.st_size;
		if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
			return dmg_fail(db, "committing into the WAL");
	}
	sqlite3_close(db);
	if (stat(wal, &st) != 0 || st.st_size <= before_last)
		return dmg_fail(NULL, "no WAL was left");
	/* Cut inside the last frame of the last commit (frames: 24-byte header + a page). */
	if (truncate(wal, st.st_size - 1000) != 0)
		return dmg_fail(NULL, "truncating the WAL");
	char shm[4096];
	snprintf(shm, sizeof shm, "%s-shm", path);
	unlink(shm);              /* as after a reboot: the index is rebuilt from the WAL */
	return n - 1;
}

/* Applies damage `kind` (see the top of the file); 0 (torn-wal: the commits that must
 * survive), or -1. */
static int dmg_apply(const char *kind, const char *path)
{
	if (strcmp(kind, "index-row") == 0)
		return dmg_index(path, "DELETE FROM imposter WHERE id = (SELECT id FROM imposter "
		                 "ORDER BY id LIMIT 1 OFFSET 3)");
	if (strcmp(kind, "index-extra") == 0)
		return dmg_index(path, "INSERT INTO imposter VALUES "
		                 "('ffffffff-ffff-4fff-bfff-ffffffffffff', 999999)");
	if (strcmp(kind, "freelist") == 0)
		return dmg_freelist(path);
	if (strcmp(kind, "truncated") == 0)
		return dmg_truncate(path);
	if (strcmp(kind, "torn-wal") == 0)
		return dmg_torn_wal(path, 3);
	fprintf(stderr, "store-damage: unknown damage '%s'\n", kind);
	return -1;
}

#endif
