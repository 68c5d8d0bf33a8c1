/* library.c: opening the library (never altering a file that is not ours), its schema as
 * data, errors, transactions and the statements an import repeats. */
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

#include "library/ftstok.h"
#include "library/library-int.h"
#include "library/ztext.h"
#include "text/fold.h"

#define BUSY_TIMEOUT_MS 5000
/* "GVLB": a gavel library, told apart from the notes database ("GAVL"). */
#define LIBRARY_APPLICATION_ID 0x47564c42

/* Step N turns a version N-1 library into version N. Never edit a released step: add one. */
static const struct step {
	int version;
	const char *why;
	const char *sql;
} steps[] = {
	{ 1, "documents, models, paragraphs, their index and citations",
	  "CREATE TABLE source ("
	  "  path TEXT PRIMARY KEY NOT NULL,"
	  "  size INTEGER NOT NULL,"
	  "  mtime INTEGER NOT NULL,"
	  "  shape TEXT,"
	  "  ndocs INTEGER NOT NULL,"
	  "  added TEXT NOT NULL) WITHOUT ROWID;"
	  "CREATE TABLE doc ("
	  "  id INTEGER PRIMARY KEY,"
	  "  key TEXT NOT NULL,"
	  "  language TEXT NOT NULL,"
	  "  symbol TEXT NOT NULL,"
	  "  sortkey TEXT NOT NULL,"
	  /* the adoption date as a number (YYYYMMDD; unknown last): a search sorts its hits by
	   * it, and an integer sorts faster than text */
	  "  dkey INTEGER NOT NULL,"
	  "  organ TEXT,"
	  "  title TEXT,"
	  "  adopted TEXT,"
	  "  distributed TEXT,"
	  "  session TEXT,"
	  "  meeting TEXT,"
	  "  vote TEXT,"
	  "  shape TEXT NOT NULL,"
	  "  source TEXT,"
	  "  text_hash TEXT NOT NULL,"
	  "  npara INTEGER NOT NULL,"
	  "  added TEXT NOT NULL,"
	  "  UNIQUE (key, language));"
	  "CREATE INDEX doc_by_date ON doc(adopted, sortkey);"
	  "CREATE INDEX doc_by_sortkey ON doc(sortkey);"
	  /* Apart from doc, so listing never reads a model; packed (ztext.h). */
	  "CREATE TABLE model ("
	  "  doc_id INTEGER PRIMARY KEY REFERENCES doc(id) ON DELETE CASCADE,"
	  "  blob BLOB NOT NULL);"
	  /* text: packed (ztext.h) against a dictionary of this table */
	  "CREATE TABLE dict ("
	  "  id INTEGER PRIMARY KEY,"
	  "  blob BLOB NOT NULL,"
	  "  added TEXT NOT NULL);"
	  "CREATE TABLE para ("
	  "  id INTEGER PRIMARY KEY,"
	  "  pid TEXT NOT NULL,"
	  "  label TEXT NOT NULL,"
	  "  text BLOB NOT NULL,"
	  "  nwords INTEGER NOT NULL);"
	  /* The index holds which paragraphs have which words, not where (detail=none) nor the
	   * texts (content=''): search_text decides every hit on the text anyway, and the
	   * positions would double the index. */
	  "CREATE VIRTUAL TABLE para_fts USING fts5(text, content='', tokenize='" FTSTOK_NAME "',"
	  "  columnsize=0, detail=none);"
	  "CREATE TABLE cite ("
	  "  from_para INTEGER NOT NULL,"
	  "  byte INTEGER NOT NULL,"
	  "  len INTEGER NOT NULL,"
	  "  key TEXT NOT NULL,"
	  "  spec TEXT NOT NULL,"
	  "  PRIMARY KEY (from_para, byte)) WITHOUT ROWID;"
	  "CREATE INDEX cite_by_key ON cite(key);"
	  /* how many paragraphs hold each word, estimated on a sample (library-terms.c) */
	  "CREATE TABLE term ("
	  "  word TEXT PRIMARY KEY NOT NULL,"
	  "  df INTEGER NOT NULL) WITHOUT ROWID;"
	  "PRAGMA application_id = 1196837954;" },
};

_Static_assert(sizeof steps / sizeof *steps == LIBRARY_SCHEMA_VERSION,
               "one migration step per schema version");
_Static_assert(LIBRARY_APPLICATION_ID == 1196837954, "the id in the schema's SQL");

char *library_default_path(const char *notes_path)
{
	const char *env = getenv("GAVEL_LIBRARY");
	if (env && *env)
		return strdup(env);
	char *p = NULL;
	const char *slash = notes_path ? strrchr(notes_path, '/') : NULL;
	int n = slash ? asprintf(&p, "%.*s/library.db", (int)(slash - notes_path), notes_path)
	              : asprintf(&p, "library.db");
	return n < 0 ? NULL : p;
}

int lib_set_error(struct library *l, int err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(l->errmsg, sizeof l->errmsg, fmt, ap);
	va_end(ap);
	return err;
}

int lib_fail(struct library *l, int rc, const char *what)
{
	int err = store_err_of_sqlite(rc);
	if (err == STORE_ERR_FULL)
		lib_set_error(l, err, "%s: the disk holding %s is full; the library is as it was", what,
		              l->path);
	else if (err == STORE_ERR_BUSY)
		lib_set_error(l, err, "%s: %s is locked by another gavel for too long; try again",
		              what, l->path);
	else if (err == STORE_ERR_CORRUPT)
		lib_set_error(l, err, "%s: %s is damaged (%s); 'gavel add' into a new library rebuilds "
		              "it", what, l->path, sqlite3_errmsg(l->db));
	else
		lib_set_error(l, err, "%s: %s", what, sqlite3_errmsg(l->db));
	if (!sqlite3_get_autocommit(l->db))
		sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
	return err;
}

const char *library_errmsg(const struct library *l)
{
	return l->errmsg;
}

const char *library_path(const struct library *l)
{
	return l->path;
}

static const char *const stmt_sql[ST_NSTMT] = {
	[ST_PARA_INSERT] = "INSERT INTO para (id, pid, label, text, nwords) VALUES (?, ?, ?, ?, ?)",
	/* A document's paragraphs in one statement: FTS5 writes what it holds in memory at every
	 * statement, so one a paragraph made as many small segments to merge. */
	[ST_FTS_INSERT_RANGE] = "INSERT INTO para_fts (rowid, text) "
	                        "SELECT id, gavel_text(text) FROM para WHERE id BETWEEN ? AND ?",
	[ST_CITE_INSERT] = "INSERT OR IGNORE INTO cite (from_para, byte, len, key, spec) "
	                   "VALUES (?, ?, ?, ?, ?)",
	[ST_FTS_DELETE_RANGE] = "INSERT INTO para_fts (para_fts, rowid, text) "
	                        "SELECT 'delete', id, gavel_text(text) FROM para "
	                        "WHERE id BETWEEN ? AND ?",
	[ST_PARA_DELETE_RANGE] = "DELETE FROM para WHERE id BETWEEN ? AND ?",
	[ST_CITE_DELETE_RANGE] = "DELETE FROM cite WHERE from_para BETWEEN ? AND ?",
	[ST_DOC_LOOKUP] = "SELECT id, text_hash, shape, distributed FROM doc "
	                  "WHERE key = ? AND language = ?",
	[ST_MODEL_PUT] = "INSERT OR REPLACE INTO model (doc_id, blob) VALUES (?, ?)",
};

sqlite3_stmt *lib_stmt(struct library *l, enum lib_stmt which)
{
	if (!l->st[which]) {
		int rc = sqlite3_prepare_v3(l->db, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
		                            &l->st[which], NULL);
		if (rc != SQLITE_OK) {
			lib_fail(l, rc, "preparing the library");
			return NULL;
		}
	} else {
		sqlite3_reset(l->st[which]);
		sqlite3_clear_bindings(l->st[which]);
	}
	return l->st[which];
}

int library_begin(struct library *l)
{
	if (l->readonly)
		return lib_set_error(l, STORE_ERR_READONLY, "%s is read-only: nothing can be added",
		                     l->path);
	int rc = sqlite3_exec(l->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	return rc == SQLITE_OK ? STORE_OK : lib_fail(l, rc, "starting the import");
}

int library_commit(struct library *l)
{
	int err = lib_train(l);
	if (!err && l->changed)
		err = lib_terms(l);
	if (err)
		return err;
	l->changed = 0;
	int rc = sqlite3_exec(l->db, "COMMIT", NULL, NULL, NULL);
	return rc == SQLITE_OK ? STORE_OK : lib_fail(l, rc, "saving the import");
}

void library_set_train_bytes(struct library *l, size_t n)
{
	l->train_bytes = n;
}

void library_rollback(struct library *l)
{
	l->changed = 0;
	if (!sqlite3_get_autocommit(l->db))
		sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- SQL functions ---- */

/* gavel_match(pattern, text): 1 when text holds pattern, folded as gavel's search folds but
 * always ignoring case (the title filter, finding a document by its title). */
static void fn_match(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *pat = (const char *)sqlite3_value_text(argv[0]);
	const char *text = (const char *)sqlite3_value_text(argv[1]);
	if (!pat || !text) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	/* a filter ignores case whatever the capitals typed: the pattern is folded first */
	struct folded f;
	struct search_pat p;
	if (text_fold(pat, strlen(pat), &f) < 0) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	int rc = search_compile(f.s, &p);
	fold_free(&f);
	if (rc < 0) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	struct search_hit *h;
	int n = search_text(&p, text, (size_t)sqlite3_value_bytes(argv[1]), &h);
	free(h);
	search_pat_free(&p);
	if (n < 0)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_int(ctx, n > 0);
}

/* gavel_text(packed): the text (the index's 'delete' needs what it was given). */
static void fn_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct library *l = sqlite3_user_data(ctx);
	char *t;
	size_t n;
	int err = lib_unpack(l, sqlite3_value_blob(argv[0]), (size_t)sqlite3_value_bytes(argv[0]),
	                     &t, &n);
	if (err == STORE_ERR_NOMEM)
		sqlite3_result_error_nomem(ctx);
	else if (err)
		sqlite3_result_error(ctx, l->errmsg, -1);
	else
		sqlite3_result_text(ctx, t, (int)n, free);
}

/* ---- packed texts ---- */

int lib_pack(struct library *l, const void *s, size_t len, unsigned char **out, size_t *olen)
{
	if (ztext_pack(l->z, s, len, out, olen) < 0)
		return lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
	return STORE_OK;
}

/* Makes dictionary id known to the unpacker. */
static int load_dict(struct library *l, int64_t id)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, "SELECT blob FROM dict WHERE id = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "reading the library's dictionary");
	sqlite3_bind_int64(st, 1, id);
	int err = STORE_OK;
	if ((rc = sqlite3_step(st)) != SQLITE_ROW)
		err = lib_set_error(l, STORE_ERR_CORRUPT, "the library's dictionary %lld is missing: "
		                    "it is damaged", (long long)id);
	else if (ztext_add_dict(l->z, sqlite3_column_blob(st, 0),
	                        (size_t)sqlite3_column_bytes(st, 0), id) < 0)
		err = lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
	sqlite3_finalize(st);
	return err;
}

int lib_unpack(struct library *l, const void *p, size_t len, char **out, size_t *olen)
{
	int64_t missing = 0;
	int rc = p ? ztext_unpack(l->z, p, len, out, olen, &missing) : -2;
	if (rc == -2 && missing > 0) {
		int err = load_dict(l, missing);
		if (err)
			return err;
		rc = ztext_unpack(l->z, p, len, out, olen, NULL);
	}
	if (rc == -1)
		return lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
	if (rc)
		return lib_set_error(l, STORE_ERR_CORRUPT, "a text of %s is damaged; 'gavel add --force' "
		                     "its file again", l->path);
	return STORE_OK;
}

/* The packer, with the newest dictionary of the library (none yet: texts are kept raw). */
static int open_packer(struct library *l)
{
	ztext_free(l->z);
	l->z = NULL;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, "SELECT id, blob FROM dict ORDER BY id DESC LIMIT 1", -1,
	                            &st, NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "reading the library's dictionary");
	rc = sqlite3_step(st);
	/* a library opened to read never packs */
	int (*make)(const void *, size_t, int64_t, struct ztext **) = l->readonly ? ztext_reader
	                                                                          : ztext_new;
	int bad = rc == SQLITE_ROW
		? make(sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1),
		       sqlite3_column_int64(st, 0), &l->z)
		: make(NULL, 0, 0, &l->z);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lib_fail(l, rc, "reading the library's dictionary");
	return bad ? lib_set_error(l, STORE_ERR_NOMEM, "out of memory, or a damaged dictionary")
	           : STORE_OK;
}

/* Up to about 4 MB of texts, spread over the whole library: what the dictionary learns from. */
static int sample_texts(struct library *l, char ***texts, size_t **lens, size_t *n,
                        size_t total_bytes)
{
	size_t want = 4u << 20, step = total_bytes / want + 1, k = 0;
	*texts = NULL;
	*lens = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, "SELECT text FROM para", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "learning from the library's texts");
	size_t cap = 0;
	int err = STORE_OK;
	while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (k++ % step)
			continue;
		char *t;
		size_t tl;
		err = lib_unpack(l, sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0), &t,
		                 &tl);
		if (err)
			break;
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			char **nt = realloc(*texts, cap * sizeof *nt);
			size_t *nl = nt ? realloc(*lens, cap * sizeof *nl) : NULL;
			if (nt)
				*texts = nt;
			if (!nl) {
				free(t);
				err = lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
				break;
			}
			*lens = nl;
		}
		(*texts)[*n] = t;
		(*lens)[(*n)++] = tl;
	}
	sqlite3_finalize(st);
	if (!err && rc != SQLITE_DONE && rc != SQLITE_ROW)
		err = lib_fail(l, rc, "learning from the library's texts");
	return err;
}

/* Packs every row of `table` (column `col`, key `key`) again with the current packer. */
static int repack(struct library *l, const char *table, const char *key, const char *col)
{
	char sel[160], upd[160];
	snprintf(sel, sizeof sel, "SELECT %s, %s FROM %s", key, col, table);
	snprintf(upd, sizeof upd, "UPDATE %s SET %s = ? WHERE %s = ?", table, col, key);
	sqlite3_stmt *s, *u;
	int rc = sqlite3_prepare_v2(l->db, sel, -1, &s, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(l->db, upd, -1, &u, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(s);
		return lib_fail(l, rc, "packing the library's texts");
	}
	int err = STORE_OK;
	while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		char *t;
		size_t tl, pl;
		unsigned char *p;
		err = lib_unpack(l, sqlite3_column_blob(s, 1), (size_t)sqlite3_column_bytes(s, 1), &t, &tl);
		if (err)
			break;
		err = lib_pack(l, t, tl, &p, &pl);
		free(t);
		if (err)
			break;
		sqlite3_bind_blob(u, 1, p, (int)pl, free);
		sqlite3_bind_int64(u, 2, sqlite3_column_int64(s, 0));
		rc = sqlite3_step(u);
		sqlite3_reset(u);
		if (rc != SQLITE_DONE)
			err = lib_fail(l, rc, "packing the library's texts");
	}
	if (!err && rc != SQLITE_DONE)
		err = lib_fail(l, rc, "packing the library's texts");
	sqlite3_finalize(s);
	sqlite3_finalize(u);
	return err;
}

/* The bytes of text stored so far (the library has no dictionary yet, so it is small). */
static int count_raw(struct library *l)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, "SELECT total(length(text)) FROM para", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "measuring the library");
	l->raw_bytes = sqlite3_step(st) == SQLITE_ROW ? (size_t)sqlite3_column_double(st, 0) : 0;
	sqlite3_finalize(st);
	return STORE_OK;
}

int lib_train(struct library *l)
{
	if (ztext_dict_id(l->z) != 0 || l->raw_bytes < l->train_bytes)
		return STORE_OK;
	size_t total = l->raw_bytes;
	sqlite3_stmt *st;
	int rc;
	char **texts;
	size_t *lens, n, dlen;
	int err = sample_texts(l, &texts, &lens, &n, total);
	unsigned char *dict = NULL;
	size_t max = total / 16 < 65536 ? total / 16 : 65536;
	int trained = !err && ztext_train((const char *const *)texts, lens, n, max, &dict, &dlen) == 0;
	for (size_t i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
	free(lens);
	if (err)
		return err;
	if (!trained) {
		/* too little to learn from: the texts stay as they are; try again when the texts
		 * have doubled */
		l->train_bytes = total * 2;
		return STORE_OK;
	}
	char now[32];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	rc = sqlite3_prepare_v2(l->db, "INSERT INTO dict (blob, added) VALUES (?, ?)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_blob(st, 1, dict, (int)dlen, free);
		sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	} else {
		free(dict);
	}
	if (rc != SQLITE_DONE && rc != SQLITE_OK)
		return lib_fail(l, rc, "storing the library's dictionary");
	if ((err = open_packer(l)) != STORE_OK)
		return err;
	if ((err = repack(l, "para", "id", "text")) != STORE_OK)
		return err;
	return repack(l, "model", "doc_id", "blob");
}

/* ---- opening ---- */

static int query_int(sqlite3 *db, const char *sql, int *v)
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

/* One of ours, not from a newer gavel: read in one snapshot. */
static int check_existing(struct library *l, int *version)
{
	int app = 0, tables = 0;
	int rc = sqlite3_exec(l->db, "BEGIN", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = query_int(l->db, "PRAGMA user_version", version);
	if (rc == SQLITE_OK)
		rc = query_int(l->db, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK)
		rc = query_int(l->db, "SELECT count(*) FROM sqlite_master", &tables);
	if (!sqlite3_get_autocommit(l->db))
		sqlite3_exec(l->db, rc == SQLITE_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
	if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
		return lib_set_error(l, STORE_ERR_CORRUPT, "%s is not a gavel library or is damaged "
		                     "(%s); it was left untouched", l->path, sqlite3_errstr(rc));
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, l->path);
	if ((app != 0 && app != LIBRARY_APPLICATION_ID) || (app == 0 && tables > 0))
		return lib_set_error(l, STORE_ERR_CORRUPT, "%s is not a gavel library (another "
		                     "program's, or gavel's notes); it was left untouched", l->path);
	if (*version > LIBRARY_SCHEMA_VERSION)
		return lib_set_error(l, STORE_ERR_NEWER, "%s was written by a newer gavel (library "
		                     "version %d; this gavel knows up to %d); it was left untouched",
		                     l->path, *version, LIBRARY_SCHEMA_VERSION);
	return STORE_OK;
}

static int migrate(struct library *l)
{
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		const struct step *s = &steps[i];
		int v = 0;
		int rc = sqlite3_exec(l->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = query_int(l->db, "PRAGMA user_version", &v);
		if (rc == SQLITE_OK && v < s->version) {
			char set[64];
			snprintf(set, sizeof set, "PRAGMA user_version = %d", s->version);
			rc = sqlite3_exec(l->db, s->sql, NULL, NULL, NULL);
			if (rc == SQLITE_OK)
				rc = sqlite3_exec(l->db, set, NULL, NULL, NULL);
		}
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(l->db, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			char what[160];
			snprintf(what, sizeof what, "upgrading the library to version %d (%s)", s->version,
			         s->why);
			return lib_fail(l, rc, what);
		}
	}
	return STORE_OK;
}

/* Creates the missing directories of path's parent, 0700. */
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

static int open_fail(struct library *l, int err, int created, char **msg)
{
	if (msg)
		*msg = strdup(l->errmsg[0] ? l->errmsg : "cannot open the library");
	library_close(l);
	(void)created;
	return err;
}

/* The file, as it is: missing (NOTFOUND, or created for writing), not ours (refused before
 * SQLite touches it), or there. */
static int prepare_file(struct library *l, const char *path, enum library_mode mode,
                        int *created)
{
	struct stat st;
	if (stat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode))
			return lib_set_error(l, STORE_ERR_OPEN, "%s is not a regular file", path);
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return lib_set_error(l, STORE_ERR_OPEN, "cannot read %s: %s", path,
			                     strerror(errno));
		char hdr[16];
		ssize_t n = read(fd, hdr, sizeof hdr);
		close(fd);
		if (st.st_size > 0 && (n != 16 || memcmp(hdr, "SQLite format 3", 16) != 0))
			return lib_set_error(l, STORE_ERR_CORRUPT, "%s is not a gavel library (not an "
			                     "SQLite file); it was left untouched", path);
		l->readonly = mode == LIBRARY_READ || access(path, W_OK) != 0;
		return STORE_OK;
	}
	if (errno != ENOENT)
		return lib_set_error(l, STORE_ERR_OPEN, "cannot open %s: %s", path, strerror(errno));
	if (mode == LIBRARY_READ)
		return lib_set_error(l, STORE_ERR_NOTFOUND, "the library %s is empty: 'gavel add "
		                     "FILE|DIR' imports resolutions", path);
	if (make_parents(path) != 0)
		return lib_set_error(l, STORE_ERR_OPEN, "cannot create the directory of %s: %s", path,
		                     strerror(errno));
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0) {
		*created = 1;
		close(fd);
	} else if (errno != EEXIST) {
		return lib_set_error(l, STORE_ERR_OPEN, "cannot create %s: %s", path, strerror(errno));
	}
	return STORE_OK;
}

/* WAL: readers go on reading while an import writes. Switching needs a moment alone with the
 * file, which the busy handler does not wait for, so retry for the busy timeout. */
static int set_wal(struct library *l)
{
	for (int waited = 0;; waited += 20) {
		int rc = sqlite3_exec(l->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return rc;
		if ((rc & 0xff) != SQLITE_BUSY || waited >= BUSY_TIMEOUT_MS)
			return rc;
		sqlite3_sleep(20);
	}
}

int library_open(const char *path, enum library_mode mode, struct library **out, char **msg)
{
	*out = NULL;
	if (msg)
		*msg = NULL;
	struct library *l = calloc(1, sizeof *l);
	if (!l || !path || !(l->path = strdup(path))) {
		free(l);
		if (msg)
			*msg = strdup("out of memory");
		return STORE_ERR_NOMEM;
	}
	int created = 0, err;
	int memory = strcmp(path, ":memory:") == 0;
	if (!memory && (err = prepare_file(l, path, mode, &created)) != STORE_OK)
		return open_fail(l, err, created, msg);
	int flags = l->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	int rc = sqlite3_open_v2(path, &l->db, flags | (memory ? SQLITE_OPEN_CREATE : 0), NULL);
	if (rc != SQLITE_OK)
		return open_fail(l, lib_set_error(l, STORE_ERR_OPEN, "cannot open %s: %s", path,
		                                  l->db ? sqlite3_errmsg(l->db) : sqlite3_errstr(rc)),
		                 created, msg);
	sqlite3_extended_result_codes(l->db, 1);
	sqlite3_busy_timeout(l->db, BUSY_TIMEOUT_MS);
	rc = ftstok_register(l->db);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(l->db, "gavel_match", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
		                             NULL, fn_match, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(l->db, "gavel_text", 1, SQLITE_UTF8, l, fn_text, NULL,
		                             NULL);
	if (rc != SQLITE_OK)
		return open_fail(l, lib_fail(l, rc, "setting up the library's index"), created, msg);
	int version = 0;
	if ((err = check_existing(l, &version)) != STORE_OK)
		return open_fail(l, err, created, msg);
	if (!l->readonly) {
		rc = set_wal(l);
		if (rc != SQLITE_OK)
			return open_fail(l, lib_fail(l, rc, path), created, msg);
	}
	/* NORMAL in WAL: a commit survives a crash of gavel (kill -9) whole; a power cut may lose
	 * the last import, never half of one. The library can be rebuilt from the files, the
	 * notes cannot: they live apart, with synchronous = FULL. */
	/* 16 MB of page cache: a search sorting tens of thousands of hits by date sorts them in
	 * memory (the default's 2 MB spills them to a temporary file). */
	rc = sqlite3_exec(l->db, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
	                  "PRAGMA cache_size = -16384", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return open_fail(l, lib_fail(l, rc, path), created, msg);
	if (version < LIBRARY_SCHEMA_VERSION) {
		if (l->readonly) {
			if (version == 0)
				return open_fail(l, lib_set_error(l, STORE_ERR_NOTFOUND, "the library %s is "
				                                  "empty: 'gavel add FILE|DIR' imports "
				                                  "resolutions", path), created, msg);
			return open_fail(l, lib_set_error(l, STORE_ERR_READONLY, "%s is from an older "
			                                  "gavel; 'gavel add' upgrades it", path),
			                 created, msg);
		}
		if ((err = migrate(l)) != STORE_OK)
			return open_fail(l, err, created, msg);
	}
	if ((err = open_packer(l)) != STORE_OK)
		return open_fail(l, err, created, msg);
	l->train_bytes = 2u << 20;
	if (ztext_dict_id(l->z) == 0 && (err = count_raw(l)) != STORE_OK)
		return open_fail(l, err, created, msg);
	*out = l;
	return STORE_OK;
}

void library_close(struct library *l)
{
	if (!l)
		return;
	for (int i = 0; i < ST_NSTMT; i++)
		sqlite3_finalize(l->st[i]);
	sqlite3_close(l->db);
	ztext_free(l->z);
	free(l->path);
	free(l);
}

/* ---- rows ---- */

static char *col_dup(sqlite3_stmt *st, int i, int *oom)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	if (!t)
		return NULL;
	char *d = strdup(t);
	if (!d)
		*oom = 1;
	return d;
}

int lib_doc_from_row(sqlite3_stmt *st, int c, struct library_doc *d)
{
	int oom = 0;
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(st, c);
	d->key = col_dup(st, c + 1, &oom);
	d->symbol = col_dup(st, c + 2, &oom);
	d->language = col_dup(st, c + 3, &oom);
	d->title = col_dup(st, c + 4, &oom);
	d->adopted = col_dup(st, c + 5, &oom);
	d->organ = col_dup(st, c + 6, &oom);
	d->shape = col_dup(st, c + 7, &oom);
	d->source = col_dup(st, c + 8, &oom);
	d->vote = col_dup(st, c + 9, &oom);
	d->meeting = col_dup(st, c + 10, &oom);
	d->npara = sqlite3_column_int(st, c + 11);
	if (oom) {
		lib_doc_clear(d);
		return -1;
	}
	return 0;
}

void lib_doc_clear(struct library_doc *d)
{
	free(d->key);
	free(d->symbol);
	free(d->language);
	free(d->title);
	free(d->adopted);
	free(d->organ);
	free(d->shape);
	free(d->source);
	free(d->vote);
	free(d->meeting);
	memset(d, 0, sizeof *d);
}

void library_docs_free(struct library_doc *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		lib_doc_clear(&v[i]);
	free(v);
}

/* The organs by the names people use: a key prefix each. */
static const struct {
	const char *name, *prefix;
} organ_prefixes[] = {
	{ "ga", "A/RES/" }, { "general assembly", "A/RES/" }, { "sc", "S/RES/" },
	{ "security council", "S/RES/" }, { "ecosoc", "E/RES/" },
	{ "economic and social council", "E/RES/" }, { "hrc", "A/HRC/RES/" },
	{ "human rights council", "A/HRC/RES/" },
};

static const char *organ_prefix(const char *name)
{
	for (size_t i = 0; name && i < sizeof organ_prefixes / sizeof *organ_prefixes; i++)
		if (strcasecmp(name, organ_prefixes[i].name) == 0)
			return organ_prefixes[i].prefix;
	return NULL;
}

/* The filter's conditions, each with one placeholder, in the order lib_filter_bind binds. */
void lib_filter_sql(const struct library_filter *f, char *buf, size_t n)
{
	buf[0] = '\0';
	if (!f)
		return;
	size_t o = 0;
#define ADD(cond_) do { int w_ = snprintf(buf + o, n - o, " AND %s", cond_); \
	if (w_ > 0 && (size_t)w_ < n - o) o += (size_t)w_; } while (0)
	if (f->language)
		ADD("d.language = ?");
	if (f->organ)
		ADD("(substr(d.key, 1, length(?)) = ? OR d.organ = ? COLLATE NOCASE)");
	if (f->from)
		ADD("d.adopted >= ?");
	if (f->to)
		ADD("d.adopted <= ? || '~'");
	if (f->shape)
		ADD("d.shape = ?");
	if (f->symbol)      /* as typed, or without its "A/RES/" or "S/RES/" (78/, 26) */
		ADD("(substr(d.key, 1, length(?)) = ? OR substr(d.key, 1, length(?)) = ? OR "
		    "substr(d.key, 1, length(?)) = ?)");
	if (f->title)
		ADD("gavel_match(?, coalesce(d.title, ''))");
	if (f->session)
		ADD("d.session = ?");
#undef ADD
}

int lib_filter_bind(sqlite3_stmt *st, int i, const struct library_filter *f)
{
	if (!f)
		return i;
	if (f->language)
		sqlite3_bind_text(st, i++, f->language, -1, SQLITE_TRANSIENT);
	if (f->organ) {
		const char *p = organ_prefix(f->organ);
		sqlite3_bind_text(st, i++, p ? p : f->organ, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, i++, p ? p : f->organ, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, i++, f->organ, -1, SQLITE_TRANSIENT);
	}
	if (f->from)
		sqlite3_bind_text(st, i++, f->from, -1, SQLITE_TRANSIENT);
	if (f->to)
		sqlite3_bind_text(st, i++, f->to, -1, SQLITE_TRANSIENT);
	if (f->shape)
		sqlite3_bind_text(st, i++, f->shape, -1, SQLITE_TRANSIENT);
	if (f->symbol) {
		char key[SYMBOL_KEY_MAX], ga[SYMBOL_KEY_MAX + 8], sc[SYMBOL_KEY_MAX + 8];
		symbol_key(f->symbol, key, sizeof key);
		snprintf(ga, sizeof ga, "A/RES/%s", key);
		snprintf(sc, sizeof sc, "S/RES/%s", key);
		const char *forms[] = { key, ga, sc };
		for (size_t k = 0; k < 3; k++) {
			sqlite3_bind_text(st, i++, forms[k], -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, i++, forms[k], -1, SQLITE_TRANSIENT);
		}
	}
	if (f->title)
		sqlite3_bind_text(st, i++, f->title, -1, SQLITE_TRANSIENT);
	if (f->session)
		sqlite3_bind_text(st, i++, f->session, -1, SQLITE_TRANSIENT);
	return i;
}

void lib_doc_key(const struct resolution *res, const char *hash, char key[SYMBOL_KEY_MAX],
                 const char **lang)
{
	key[0] = '\0';
	if (res->meta.symbol && *res->meta.symbol)
		symbol_key(res->meta.symbol, key, SYMBOL_KEY_MAX);
	if (!key[0])
		snprintf(key, SYMBOL_KEY_MAX, "sha256:%.16s", hash);
	*lang = res->meta.language && *res->meta.language ? res->meta.language : "und";
}
