/* store-check.c: vouching for a database before anything is written into it (issue 18).
 *
 * PRAGMA quick_check at every open cost a third of the reader's first screen with 10,000
 * notes and missed what mattered: it does not compare indexes with their tables, and a copy
 * missing one row of an index was written into. A full integrity_check costs twice as much,
 * so it runs only when the file cannot be vouched for otherwise:
 *
 * - Beside the database, PATH-checked records the file as gavel last left it, once checked
 *   or closed cleanly: device, inode, size, modification and change times (to the
 *   nanosecond: no write leaves the change time as it was). A file that still matches it,
 *   with no WAL holding frames, is the one gavel left: no check. A first open (no record), a session that
 *   ended without closing (kill -9, a crash: its WAL is left), a copy put in place or any
 *   other program's write (the change time moves) all miss the record: full check.
 * - A session that is vouched for holds a shared lock on byte 1 of that file until it
 *   closes, so a second gavel opening meanwhile (when the file has moved on from the
 *   record) knows a live, vouched session is writing it. Byte 0 is a short mutex around
 *   these decisions. The last vouched session to close, once SQLite has checkpointed and
 *   removed the WAL, records the file afresh. Locks are open-file-description locks: atomic
 *   to convert, released by the kernel when a process dies.
 * - The reader (STORE_CHECK_BACKGROUND) runs the full check in a thread of its own on every
 *   start, after its first screen; a write waits for the verdict. Commands
 *   (STORE_CHECK_NOW) run it before anything else when the file cannot be vouched for.
 * - A database that fails is refused with the first problem SQLite names, and nothing is
 *   written into it: no migration, no checkpoint of the WAL on close, no record. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store-int.h"

struct store_check {
	pthread_t thread;
	pthread_mutex_t mu;
	/* Under mu. */
	int done;
	int verdict;                /* STORE_OK, STORE_ERR_CORRUPT, or why it could not run */
	char why[300];
	sqlite3 *db;                /* the worker's connection while it runs, for an interrupt */
	/* Read-only once started. */
	char *name;                 /* what the main connection was opened with */
	int flags;
};

/* --- the record and its locks --- */

static char *side_path(const char *path, const char *suffix)
{
	size_t n = strlen(path) + strlen(suffix) + 1;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s%s", path, suffix);
	return p;
}

/* An open-file-description lock on one byte: F_RDLCK, F_WRLCK or F_UNLCK. 0 or -1. */
static int lock_byte(int fd, int byte, short type, int wait)
{
	struct flock fl;
	memset(&fl, 0, sizeof fl);
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	fl.l_start = byte;
	fl.l_len = 1;
	int rc;
	do
		rc = fcntl(fd, wait ? F_OFD_SETLKW : F_OFD_SETLK, &fl);
	while (rc < 0 && errno == EINTR);
	return rc;
}

enum { MUTEX_BYTE = 0, LIVE_BYTE = 1 };

/* The line that describes the database file as it is now, or "" when it cannot be seen.
 * stat() only: opening the file (to hash its header, say) and closing it would drop every
 * POSIX lock this process holds on it, SQLite's included, and another gavel would then take
 * its WAL for abandoned and delete it under this one. */
static void stamp_now(const char *path, char *buf, size_t len)
{
	struct stat st;
	buf[0] = '\0';
	if (stat(path, &st) != 0)
		return;
	snprintf(buf, len, "gavel-checked 1 %ju %ju %jd %jd.%09ld %jd.%09ld\n",
	         (uintmax_t)st.st_dev, (uintmax_t)st.st_ino, (intmax_t)st.st_size,
	         (intmax_t)st.st_mtim.tv_sec, st.st_mtim.tv_nsec, (intmax_t)st.st_ctim.tv_sec,
	         st.st_ctim.tv_nsec);
}

/* Whether a WAL beside the database holds frames (a session that did not close). */
static int wal_has_frames(const char *path)
{
	char *wal = side_path(path, "-wal");
	struct stat st;
	int frames = !wal || (stat(wal, &st) == 0 && st.st_size > 0);
	free(wal);
	return frames;
}

/* Whether the record matches the file as it is. A write by another program in the same
 * clock tick as gavel's last (a few milliseconds) and of the same size would pass unseen; on
 * a file system that keeps whole seconds only (a change time without nanoseconds) that
 * window is a second, so there the record is never trusted. */
static int stamp_matches(int fd, const char *path)
{
	char now[256], rec[256];
	struct stat st;
	if (stat(path, &st) != 0 || st.st_ctim.tv_nsec == 0)
		return 0;
	stamp_now(path, now, sizeof now);
	ssize_t n = pread(fd, rec, sizeof rec - 1, 0);
	if (n <= 0 || !now[0])
		return 0;
	rec[n] = '\0';
	return strcmp(now, rec) == 0 && !wal_has_frames(path);
}

static void stamp_write(int fd, const char *path)
{
	char now[256];
	stamp_now(path, now, sizeof now);
	if (now[0] && pwrite(fd, now, strlen(now), 0) == (ssize_t)strlen(now))
		(void)ftruncate(fd, (off_t)strlen(now));
}

static void stamp_clear(int fd)
{
	(void)ftruncate(fd, 0);
}

/* Decides how far the file can be trusted without a check; takes the live lock when it
 * can. Sets s->vouch and s->lockfd. */
void check_vouch(struct store *s, int created)
{
	s->lockfd = -1;
	s->vouch = STORE_VOUCH_NONE;
	char *side = side_path(s->path, "-checked");
	if (!side)
		return;
	int fd = open(side, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0)
		s->made_record = 1;
	else if (errno == EEXIST)
		fd = open(side, O_RDWR | O_CLOEXEC);
	free(side);
	if (fd < 0)
		return;     /* a read-only directory: no record, no locks; checked every time */
	s->lockfd = fd;
	if (lock_byte(fd, MUTEX_BYTE, F_WRLCK, 1) < 0)
		return;
	if (created) {
		s->vouch = STORE_VOUCH_NEW;
		lock_byte(fd, LIVE_BYTE, F_RDLCK, 0);
	} else if (lock_byte(fd, LIVE_BYTE, F_WRLCK, 0) == 0) {
		/* Nobody else has it open: the record says whether it is as gavel left it. */
		if (stamp_matches(fd, s->path)) {
			s->vouch = STORE_VOUCH_RECORD;
			lock_byte(fd, LIVE_BYTE, F_RDLCK, 0);
		} else {
			lock_byte(fd, LIVE_BYTE, F_UNLCK, 0);
		}
	} else if (lock_byte(fd, LIVE_BYTE, F_RDLCK, 0) == 0) {
		/* Others hold it shared (only vouched sessions do, and only under the mutex is it
		 * ever held exclusive): one of them vouches for the file. */
		s->vouch = STORE_VOUCH_LIVE;
	}
	lock_byte(fd, MUTEX_BYTE, F_UNLCK, 0);
}

/* The file has just passed a full check: a live, vouched session from now on. */
static void check_passed(struct store *s)
{
	if (s->vouch == STORE_VOUCH_NONE)
		s->vouch = STORE_VOUCH_CHECKED;
	if (s->lockfd < 0 || lock_byte(s->lockfd, MUTEX_BYTE, F_WRLCK, 1) < 0)
		return;
	lock_byte(s->lockfd, LIVE_BYTE, F_RDLCK, 0);
	lock_byte(s->lockfd, MUTEX_BYTE, F_UNLCK, 0);
}

/* The file failed: no record vouches for it any more, and this session no longer does. */
static void check_failed(struct store *s)
{
	s->vouch = STORE_VOUCH_NONE;
	if (s->lockfd < 0 || lock_byte(s->lockfd, MUTEX_BYTE, F_WRLCK, 1) < 0)
		return;
	stamp_clear(s->lockfd);
	lock_byte(s->lockfd, LIVE_BYTE, F_UNLCK, 0);
	lock_byte(s->lockfd, MUTEX_BYTE, F_UNLCK, 0);
}

/* --- the check --- */

/* PRAGMA integrity_check on db: STORE_OK, STORE_ERR_CORRUPT with the first problem in why,
 * or the store error of what stopped it (busy, out of memory, interrupted). */
static int integrity(sqlite3 *db, char *why, size_t len)
{
	sqlite3_stmt *st;
	why[0] = '\0';
	int rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check(10)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			const char *r = (const char *)sqlite3_column_text(st, 0);
			if (r && strcmp(r, "ok") == 0) {
				rc = SQLITE_OK;
			} else {
				snprintf(why, len, "%s", r ? r : "integrity check failed");
				rc = SQLITE_CORRUPT;
			}
		}
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_OK)
		return STORE_OK;
	if (!why[0])
		snprintf(why, len, "%s", sqlite3_errstr(rc));
	switch (rc & 0xff) {
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB: return STORE_ERR_CORRUPT;
	case SQLITE_NOMEM: return STORE_ERR_NOMEM;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return STORE_ERR_BUSY;
	}
	return STORE_ERR_IO;
}

/* Records the verdict on s: the message a refused write or open gives. */
static int verdict(struct store *s, int err, const char *why)
{
	if (err == STORE_OK) {
		s->trust = STORE_SOUND;
		check_passed(s);
		return STORE_OK;
	}
	s->trust = STORE_DAMAGED;
	check_failed(s);
	if (err == STORE_ERR_CORRUPT)
		store_set_error(s, err, "%s is damaged (%s); it was left untouched: restore it from "
		                "a backup, or recover it with sqlite3's .recover", s->path, why);
	else
		store_set_error(s, err, "%s could not be checked (%s); it was left untouched", s->path,
		                why);
	snprintf(s->damage, sizeof s->damage, "%s", s->errmsg);
	s->damage_err = err;
	return err;
}

int check_now(struct store *s)
{
	char why[300];
	return verdict(s, integrity(s->db, why, sizeof why), why);
}

static void *worker(void *arg)
{
	struct store_check *c = arg;
	sqlite3 *db = NULL;
	char why[300] = "";
	int err;
	int rc = sqlite3_open_v2(c->name, &db, c->flags, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(db, 5000);
		pthread_mutex_lock(&c->mu);
		c->db = db;
		pthread_mutex_unlock(&c->mu);
		err = integrity(db, why, sizeof why);
		pthread_mutex_lock(&c->mu);
		c->db = NULL;
		pthread_mutex_unlock(&c->mu);
	} else {
		snprintf(why, sizeof why, "%s", sqlite3_errstr(rc));
		err = rc == SQLITE_NOMEM ? STORE_ERR_NOMEM : STORE_ERR_IO;
	}
	sqlite3_close(db);
	pthread_mutex_lock(&c->mu);
	c->verdict = err;
	snprintf(c->why, sizeof c->why, "%s", why);
	c->done = 1;
	pthread_mutex_unlock(&c->mu);
	return NULL;
}

int check_start(struct store *s, const char *name, int flags)
{
	struct store_check *c = calloc(1, sizeof *c);
	if (!c || !(c->name = strdup(name))) {
		free(c);
		return check_now(s);
	}
	c->flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;
	pthread_mutex_init(&c->mu, NULL);
	s->trust = STORE_CHECKING;
	s->check = c;
	if (pthread_create(&c->thread, NULL, worker, c) != 0) {
		s->check = NULL;
		pthread_mutex_destroy(&c->mu);
		free(c->name);
		free(c);
		return check_now(s);
	}
	return STORE_OK;
}

/* Joins the worker and takes its verdict. */
static int check_join(struct store *s)
{
	struct store_check *c = s->check;
	pthread_join(c->thread, NULL);
	s->check = NULL;
	int err = verdict(s, c->verdict, c->why);
	pthread_mutex_destroy(&c->mu);
	free(c->name);
	free(c);
	return err;
}

int check_wait(struct store *s)
{
	if (s->check)
		return check_join(s);
	if (s->trust == STORE_DAMAGED)
		return store_set_error(s, s->damage_err, "%s", s->damage);
	return STORE_OK;
}

int store_check_poll(struct store *s, char *msg, size_t len)
{
	if (!s || !s->check)
		return 0;
	pthread_mutex_lock(&s->check->mu);
	int done = s->check->done;
	pthread_mutex_unlock(&s->check->mu);
	if (!done || check_join(s) == STORE_OK)
		return 0;
	if (msg)
		snprintf(msg, len, "%s", s->damage);
	return 1;
}

enum store_trust store_trust(const struct store *s)
{
	return s->trust;
}

enum store_vouch store_vouched_by(const struct store *s)
{
	return s->vouch;
}

/* --- closing --- */

void check_close_db(struct store *s)
{
	if (s->check) {
		/* Quitting does not wait for a check of a large database. */
		pthread_mutex_lock(&s->check->mu);
		if (s->check->db)
			sqlite3_interrupt(s->check->db);
		pthread_mutex_unlock(&s->check->mu);
		pthread_join(s->check->thread, NULL);
		int v = s->check->verdict;
		if (v == STORE_OK || v == STORE_ERR_CORRUPT)
			verdict(s, v, s->check->why);
		/* else interrupted: as vouched (or not) on opening */
		pthread_mutex_destroy(&s->check->mu);
		free(s->check->name);
		free(s->check);
		s->check = NULL;
	}
	/* SQLite checkpoints the WAL into the database when its last connection closes: never
	 * into one that failed its check, was refused, or could not be vouched for. A WAL
	 * without frames has nothing to copy: then the close only removes it, and a file that
	 * was merely looked at is left as it was, without a -wal beside it. */
	int unsure = s->trust == STORE_DAMAGED ||
	             (s->trust != STORE_SOUND && s->vouch == STORE_VOUCH_NONE);
	if (s->db && s->path && unsure && wal_has_frames(s->path))
		sqlite3_db_config(s->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
}

void check_close_record(struct store *s, int refused)
{
	if (s->lockfd < 0)
		return;
	int vouched = !refused && s->trust != STORE_DAMAGED && s->vouch != STORE_VOUCH_NONE;
	if (vouched && lock_byte(s->lockfd, MUTEX_BYTE, F_WRLCK, 1) == 0) {
		/* The last vouched session out records the file, once SQLite has removed the WAL. */
		if (lock_byte(s->lockfd, LIVE_BYTE, F_WRLCK, 0) == 0 && !wal_has_frames(s->path)) {
			char *wal = side_path(s->path, "-wal");
			if (wal && access(wal, F_OK) != 0)
				stamp_write(s->lockfd, s->path);
			free(wal);
		}
		lock_byte(s->lockfd, MUTEX_BYTE, F_UNLCK, 0);
	}
	if (refused && !s->made_record && lock_byte(s->lockfd, MUTEX_BYTE, F_WRLCK, 1) == 0) {
		/* Refused before any check (not even SQLite's own reads went through): whatever the
		 * record says is of another file. */
		stamp_clear(s->lockfd);
		lock_byte(s->lockfd, MUTEX_BYTE, F_UNLCK, 0);
	}
	if (refused && s->made_record) {
		/* A record made a moment ago for a file refused: leave no trace of it. */
		char *side = side_path(s->path, "-checked");
		if (side)
			unlink(side);
		free(side);
	}
	close(s->lockfd);
	s->lockfd = -1;
}
