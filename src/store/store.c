/* store.c: opening the database safely (never altering one we cannot vouch for), errors,
 * transactions and the change counter. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "store/schema.h"
#include "store/store-int.h"

#define BUSY_TIMEOUT_MS 5000

char *store_default_path(void)
{
	const char *env = getenv("GAVEL_DB");
	if (env && *env)
		return strdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char *p = NULL;
	int n;
	/* The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored. */
	if (xdg && xdg[0] == '/')
		n = asprintf(&p, "%s/gavel/gavel.db", xdg);
	else if (home && *home)
		n = asprintf(&p, "%s/.local/share/gavel/gavel.db", home);
	else
		n = asprintf(&p, "gavel.db");
	return n < 0 ? NULL : p;
}

int store_set_error(struct store *s, int err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->errmsg, sizeof s->errmsg, fmt, ap);
	va_end(ap);
	return err;
}

int store_err_of_sqlite(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK: return STORE_OK;
	case SQLITE_NOMEM: return STORE_ERR_NOMEM;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return STORE_ERR_BUSY;
	case SQLITE_FULL: return STORE_ERR_FULL;
	case SQLITE_READONLY:
	case SQLITE_PERM: return STORE_ERR_READONLY;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB: return STORE_ERR_CORRUPT;
	case SQLITE_CONSTRAINT: return STORE_ERR_INVALID;
	case SQLITE_CANTOPEN: return STORE_ERR_OPEN;
	}
	return STORE_ERR_IO;
}

int store_fail(struct store *s, int rc, const char *what)
{
	int err = store_err_of_sqlite(rc);
	if (err == STORE_ERR_FULL)
		store_set_error(s, err, "%s: the disk holding %s is full; nothing was saved", what,
		                s->path);
	else if (err == STORE_ERR_BUSY)
		store_set_error(s, err, "%s: %s is locked by another gavel for too long; try again",
		                what, s->path);
	else
		store_set_error(s, err, "%s: %s", what, sqlite3_errmsg(s->db));
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return err;
}

int store_begin(struct store *s)
{
	if (s->readonly)
		return store_set_error(s, STORE_ERR_READONLY,
		                       "%s is read-only: changes cannot be saved", s->path);
	/* Writes wait for the verdict on a file not vouched for yet (store-check.c). */
	int err = check_wait(s);
	if (err)
		return err;
	int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	return rc == SQLITE_OK ? STORE_OK : store_fail(s, rc, "starting a change");
}

int store_commit(struct store *s)
{
	int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	return rc == SQLITE_OK ? STORE_OK : store_fail(s, rc, "saving");
}

void store_now(char buf[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int store_readonly(const struct store *s)
{
	return s->readonly;
}

const char *store_errmsg(const struct store *s)
{
	return s->errmsg;
}

/* --- opening --- */

/* Creates the missing directories of path's parent, 0700 (notes are private). */
static int make_parents(const char *path)
{
	char *d = strdup(path);
	if (!d)
		return -1;
	for (char *p = d + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(d, 0700) != 0 && errno != EEXIST) {
			int e = errno;
			free(d);
			errno = e;
			return -1;
		}
		*p = '/';
	}
	free(d);
	return 0;
}

/* A new file's name is on the disk only once its directory is synced: without this, a power
 * cut soon after the first notes could lose the whole file (SQLite syncs its WAL's name, not
 * the name of a main file it did not create). */
static void sync_parent(const char *path)
{
	char *d = strdup(path);
	if (!d)
		return;
	char *slash = strrchr(d, '/');
	if (slash == d)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	int fd = open(slash ? d : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(d);
}

static int dir_writable(const char *path)
{
	char *d = strdup(path);
	if (!d)
		return 0;
	char *slash = strrchr(d, '/');
	int ok;
	if (!slash)
		ok = access(".", W_OK) == 0;
	else {
		if (slash == d)
			slash[1] = '\0';
		else
			*slash = '\0';
		ok = access(d, W_OK) == 0;
	}
	free(d);
	return ok;
}

/* The checks that need only reading: an SQLite file, one of ours, not from a newer gavel.
 * Whether it is sound is store-check.c's. Returns a store error with the message set; *empty
 * says it holds no table yet. */
static int check_existing(struct store *s, int *version, int *empty)
{
	int app = 0, tables = 0, rc;
	/* One read transaction, so the three answers come from one snapshot: read one by one,
	 * another process creating the schema between them made a new gavel database look like
	 * another program's (tables present, version and id read before they were set). */
	rc = sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = schema_query_int(s->db, "PRAGMA user_version", version);
	if (rc == SQLITE_OK)
		rc = schema_query_int(s->db, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK)
		rc = schema_query_int(s->db, "SELECT count(*) FROM sqlite_master", &tables);
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, rc == SQLITE_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
	if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
		return store_set_error(s, STORE_ERR_CORRUPT,
		                       "%s is not a gavel database or is damaged (%s); it was left untouched",
		                       s->path, sqlite3_errstr(rc));
	if (rc != SQLITE_OK)
		return store_fail(s, rc, s->path);
	if (*version > STORE_SCHEMA_VERSION)
		return store_set_error(s, STORE_ERR_NEWER,
		                       "%s was written by a newer gavel (schema version %d; this gavel knows "
		                       "up to %d); it was left untouched: use a newer gavel",
		                       s->path, *version, STORE_SCHEMA_VERSION);
	if ((app != 0 && app != SCHEMA_APPLICATION_ID) || (app == 0 && *version == 0 && tables > 0))
		return store_set_error(s, STORE_ERR_CORRUPT,
		                       "%s is another program's SQLite database, not gavel's; it was left "
		                       "untouched", s->path);
	*empty = tables == 0;
	return STORE_OK;
}

/* WAL lets readers and a writer work at once; switching to it needs a moment alone with the
 * file, which the busy handler does not wait for, so retry for the busy timeout. */
static int set_wal(struct store *s)
{
	for (int waited = 0;; waited += 20) {
		sqlite3_stmt *st;
		int rc = sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &st, NULL);
		if (rc == SQLITE_OK) {
			rc = sqlite3_step(st);
			sqlite3_finalize(st);
		}
		if (rc == SQLITE_ROW || rc == SQLITE_DONE)
			return SQLITE_OK;
		if ((rc & 0xff) != SQLITE_BUSY || waited >= BUSY_TIMEOUT_MS)
			return rc;
		sqlite3_sleep(20);
	}
}

/* Whether a read-only connection cannot even read (a WAL file without a -shm beside it on
 * read-only media). */
static int readonly_wal_blocked(sqlite3 *db)
{
	int v, rc = schema_query_int(db, "PRAGMA user_version", &v) & 0xff;
	return rc == SQLITE_CANTOPEN || rc == SQLITE_READONLY;
}

/* "file:PATH?immutable=1" with the characters a URI reserves escaped. */
static char *immutable_uri(const char *path)
{
	char *uri = malloc(strlen(path) * 3 + 32), *o = uri;
	if (!uri)
		return NULL;
	o += sprintf(o, "file:");
	for (const char *p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			o += sprintf(o, "%%%02X", (unsigned char)*p);
		else
			*o++ = *p;
	}
	strcpy(o, "?immutable=1");
	return uri;
}

static int open_fail(struct store *s, int err, int created, char **msg)
{
	if (msg)
		*msg = strdup(s->errmsg[0] ? s->errmsg : "cannot open the database");
	s->trust = STORE_DAMAGED;
	check_close_db(s);
	if (s->db)
		sqlite3_close(s->db);
	check_close_record(s, 1);
	/* A file we created a moment ago holds nothing of the user's: leave no trace of it. */
	if (created && s->path) {
		char side[4096];
		unlink(s->path);
		snprintf(side, sizeof side, "%s-wal", s->path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", s->path);
		unlink(side);
	}
	free(s->uri);
	free(s->path);
	free(s);
	return err;
}

int store_open(const char *path, struct store **out, char **msg)
{
	return store_open_mode(path, STORE_CHECK_NOW, out, msg);
}

int store_open_mode(const char *path, enum store_check_mode mode, struct store **out, char **msg)
{
	*out = NULL;
	if (msg)
		*msg = NULL;
	struct store *s = calloc(1, sizeof *s);
	if (s)
		s->lockfd = -1;
	if (!s || !path || !(s->path = strdup(path))) {
		free(s);
		if (msg)
			*msg = strdup("out of memory");
		return STORE_ERR_NOMEM;
	}
	int memory = strcmp(path, ":memory:") == 0;
	int created = 0, err, wal = 0;
	struct stat st;
	if (memory) {
		/* nothing on disk */
	} else if (stat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode))
			return open_fail(s, store_set_error(s, STORE_ERR_OPEN, "%s is not a regular file",
			                                    path), 0, msg);
		/* Read before SQLite opens it. (Closing a descriptor of the file drops every
		 * POSIX lock this process holds on it, SQLite's included: this is safe only because
		 * no other handle of this process has the file open, and gavel opens one.) */
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return open_fail(s, store_set_error(s, STORE_ERR_OPEN, "cannot read %s: %s", path,
			                                    strerror(errno)), 0, msg);
		unsigned char hdr[100];
		ssize_t n = read(fd, hdr, sizeof hdr);
		close(fd);
		/* Bytes 18 and 19 are 2 in a WAL database: switching to WAL would be a write. */
		wal = n >= 20 && hdr[18] == 2 && hdr[19] == 2;
		if (st.st_size > 0 && (n < 16 || memcmp(hdr, "SQLite format 3", 16) != 0))
			return open_fail(s, store_set_error(s, STORE_ERR_CORRUPT,
			                                    "%s is not a gavel database (not an SQLite file); it "
			                                    "was left untouched", path), 0, msg);
		s->readonly = access(path, W_OK) != 0 || !dir_writable(path);
	} else if (errno == ENOENT) {
		if (make_parents(path) != 0)
			return open_fail(s, store_set_error(s, STORE_ERR_OPEN,
			                                    "cannot create the directory of %s: %s", path,
			                                    strerror(errno)), 0, msg);
		int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd >= 0) {
			created = 1;
			close(fd);
			sync_parent(path);
		} else if (errno != EEXIST) {
			return open_fail(s, store_set_error(s, STORE_ERR_OPEN, "cannot create %s: %s", path,
			                                    strerror(errno)), 0, msg);
		}
	} else {
		return open_fail(s, store_set_error(s, STORE_ERR_OPEN, "cannot open %s: %s", path,
		                                    strerror(errno)), 0, msg);
	}

	int flags = (s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
	            (memory ? SQLITE_OPEN_CREATE : 0);
	s->flags = flags;
	int rc = sqlite3_open_v2(path, &s->db, flags, NULL);
	if (rc != SQLITE_OK)
		return open_fail(s, store_set_error(s, store_err_of_sqlite(rc) == STORE_ERR_NOMEM ? STORE_ERR_NOMEM
		                                    : STORE_ERR_OPEN, "cannot open %s: %s", path,
		                                    s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc)),
		                 created, msg);
	sqlite3_extended_result_codes(s->db, 1);
	if (s->readonly && !memory && readonly_wal_blocked(s->db)) {
		/* A WAL database on read-only media: its -shm cannot be made, so SQLite cannot
		 * coordinate with writers. Nobody can write there either: read it as immutable. */
		sqlite3_close(s->db);
		s->db = NULL;
		char *uri = immutable_uri(path);
		s->flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
		rc = uri ? sqlite3_open_v2(uri, &s->db, s->flags, NULL) : SQLITE_NOMEM;
		s->uri = uri;
		if (rc != SQLITE_OK)
			return open_fail(s, store_set_error(s, STORE_ERR_OPEN, "cannot open %s: %s", path,
			                                    sqlite3_errstr(rc)), created, msg);
		sqlite3_extended_result_codes(s->db, 1);
	}
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	if (!s->readonly && sqlite3_db_readonly(s->db, "main") == 1)
		s->readonly = 1;

	int version = 0, empty = 1;
	if ((err = check_existing(s, &version, &empty)) != STORE_OK)
		return open_fail(s, err, created, msg);
	/* Vouched for, or checked before anything is written (store-check.c). */
	if (memory || created || empty) {
		s->vouch = STORE_VOUCH_NEW;
		if (!memory)
			check_vouch(s, 1);
		s->trust = STORE_SOUND;
	} else {
		check_vouch(s, 0);
		int writes = !s->readonly && (!wal || version < STORE_SCHEMA_VERSION);
		if (mode == STORE_CHECK_BACKGROUND && !writes)
			err = check_start(s, s->uri ? s->uri : path, s->flags);
		else if (s->vouch == STORE_VOUCH_NONE)
			err = check_now(s);
		else
			s->trust = STORE_SOUND;
		if (err != STORE_OK)
			return open_fail(s, err, created, msg);
	}

	if (!s->readonly) {
		rc = set_wal(s);
		if ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN)
			s->readonly = 1;
		else if (rc != SQLITE_OK)
			return open_fail(s, store_fail(s, rc, path), created, msg);
	}
	/* FULL: a commit is on the disk, WAL included, before store_* returns. */
	rc = sqlite3_exec(s->db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL", NULL, NULL,
	                  NULL);
	if (rc != SQLITE_OK)
		return open_fail(s, store_fail(s, rc, path), created, msg);

	if (version < STORE_SCHEMA_VERSION) {
		if (s->readonly)
			return open_fail(s, store_set_error(s, STORE_ERR_READONLY,
			                                    version ? "%s is from an older gavel and read-only: "
			                                    "it cannot be upgraded" : "%s is read-only: the "
			                                    "database cannot be created", path), created, msg);
		char *why = NULL;
		rc = schema_migrate(s->db, STORE_SCHEMA_VERSION, &why);
		if (rc != SQLITE_OK) {
			err = store_err_of_sqlite(rc);
			store_set_error(s, err, "%s: %s", path, why ? why : sqlite3_errstr(rc));
			free(why);
			return open_fail(s, err, created, msg);
		}
	}
	*out = s;
	return STORE_OK;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	check_close_db(s);
	sqlite3_close(s->db);
	check_close_record(s, 0);
	free(s->uri);
	free(s->path);
	free(s);
}

/* The change counter other connections move. */
int store_data_version(struct store *s, int64_t *version)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA data_version", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "reading the change counter");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*version = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? STORE_OK : store_fail(s, rc, "reading the change counter");
}
