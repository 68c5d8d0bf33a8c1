/* store-int.h: what the store's files share and nobody else sees: the handle and the way a
 * failure becomes an error code and a message. */
#ifndef GAVEL_STORE_STORE_INT_H
#define GAVEL_STORE_STORE_INT_H

#include <sqlite3.h>
#include "store/store.h"

struct store {
	sqlite3 *db;
	char *path;
	int readonly;
	char errmsg[512];
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

#endif
