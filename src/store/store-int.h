/* store-int.h: what the store's files share and nobody else sees: the handle and the way a
 * failure becomes an error code and a message. */
#ifndef GAVEL_STORE_STORE_INT_H
#define GAVEL_STORE_STORE_INT_H

#include <sqlite3.h>
#include "store/store.h"

struct store_check;

struct store {
	sqlite3 *db;
	char *path;
	char *uri;                  /* the URI the connection was opened with, when not path */
	int flags;                  /* its sqlite3_open_v2 flags */
	int readonly;
	char errmsg[512];
	/* Vouching (store-check.c). */
	enum store_trust trust;     /* writes go ahead, wait for the check, or are refused */
	enum store_vouch vouch;     /* what vouches for the file */
	int lockfd;                 /* PATH-checked: the record and its locks; -1 */
	int made_record;            /* this open created PATH-checked */
	struct store_check *check;  /* the check running in a thread, NULL */
	char damage[512];           /* why the file is refused, once it is */
	int damage_err;
};

/* Records a message (printf-style) and returns err. */
int store_set_error(struct store *, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Maps an SQLite result to a store error, records "what: reason", rolls back an open
 * transaction, and returns the store error. */
int store_fail(struct store *, int rc, const char *what);
/* BEGIN IMMEDIATE (the write lock up front, so a commit never meets a busy reader-turned-
 * writer), or STORE_ERR_READONLY. */
int store_begin(struct store *);
int store_commit(struct store *);
/* The current time as ISO 8601 UTC: "2026-11-27T05:28:46Z". */
void store_now(char buf[32]);

/* store-check.c. check_vouch decides after opening whether the file needs a check (sets
 * vouch and takes the record's locks); check_now runs it here, check_start in a thread
 * (name and flags: what the main connection was opened with); check_wait waits for the
 * verdict (store_begin). Closing: check_close_db before sqlite3_close (ends the thread,
 * keeps SQLite from checkpointing into a file it cannot vouch for), check_close_record
 * after it (records the file when this was the last vouched session; `refused`: the open
 * failed). Each returns a store error with the message set. */
void check_vouch(struct store *, int created);
int check_now(struct store *);
int check_start(struct store *, const char *name, int flags);
int check_wait(struct store *);
void check_close_db(struct store *);
void check_close_record(struct store *, int refused);

#endif
