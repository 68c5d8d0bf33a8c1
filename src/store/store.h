/* store.h: the user's annotations and reading positions in one SQLite database.
 *
 * Every change is one transaction; the database is WAL, with foreign keys and a busy timeout,
 * so several gavel processes can share it. Documents are known by what they are (symbol and
 * language), not by path; the text's hash tells when re-anchoring is needed.
 * Call order: store_open, store_doc_sync for the open document, then the rest; store_close. */
#ifndef GAVEL_STORE_STORE_H
#define GAVEL_STORE_STORE_H

#include <stddef.h>
#include <stdint.h>
#include "doc/resolution.h"
#include "store/annotation.h"

enum store_err {
	STORE_OK = 0,
	STORE_ERR_NOMEM,
	STORE_ERR_OPEN,       /* cannot create or open the file or its directory */
	STORE_ERR_NEWER,      /* written by a newer gavel: refused, never altered */
	STORE_ERR_CORRUPT,    /* not a database, or fails its integrity check */
	STORE_ERR_READONLY,   /* a write on a database opened read-only */
	STORE_ERR_BUSY,       /* another process held the lock past the busy timeout */
	STORE_ERR_FULL,       /* disk full */
	STORE_ERR_NOTFOUND,   /* no such annotation or document */
	STORE_ERR_INVALID,    /* bad argument (unknown paragraph id, range outside the text) */
	STORE_ERR_IO
};

struct store;

#define STORE_SCHEMA_VERSION 1

/* The default path: $GAVEL_DB, else $XDG_DATA_HOME/gavel/gavel.db, else
 * ~/.local/share/gavel/gavel.db. Caller frees. */
char *store_default_path(void);

/* Opens (creating directory 0700 and file 0600 when missing) and migrates forward. A database
 * that cannot be written opens read-only (store_readonly() says so). On error, *msg gets a
 * one-line reason (caller frees) and nothing on disk has been changed. */
int store_open(const char *path, struct store **out, char **msg);
void store_close(struct store *);
int store_readonly(const struct store *);
const char *store_errmsg(const struct store *);     /* the last error, for messages */

/* Registers the document (by symbol + language), and when its text hash changed re-anchors
 * its annotations against the new text. Sets *doc_id. */
int store_doc_sync(struct store *, const struct resolution *, int64_t *doc_id);

/* Finds a known document by symbol + language. STORE_ERR_NOTFOUND if never synced. */
int store_doc_find(struct store *, const char *symbol, const char *language, int64_t *doc_id);

/* Adds an annotation: fills a->id (when empty), created, updated, prefix/suffix/exact from
 * the paragraph text when NULL. Returns only once committed. */
int store_annot_add(struct store *, int64_t doc_id, const struct resolution *, struct annotation *a);
/* Replaces note, colour and tags of annotation `id`; bumps updated. */
int store_annot_update(struct store *, const struct annotation *a);
int store_annot_delete(struct store *, const char *id);
int store_annot_get(struct store *, const char *id, struct annotation *out);

/* Filters for listing: NULL fields match everything. */
struct annot_filter {
	const char *color;
	const char *tag;
};

/* Annotations of one document (doc_id > 0) or of all (doc_id = 0), in document order
 * (paragraph order, then start), orphans last. Caller frees with annotation_list_free. */
int store_annot_list(struct store *, int64_t doc_id, const struct resolution *,
                     const struct annot_filter *, struct annotation **out, size_t *n);

/* Reading position per document. */
struct position {
	int pane;            /* 0 preamble, 1 operative, 2 footnotes */
	char para_id[64];
	int scroll;          /* first visible line offset within the pane */
};
int store_position_get(struct store *, int64_t doc_id, struct position *out);
int store_position_set(struct store *, int64_t doc_id, const struct position *);

/* A counter that changes whenever another connection committed (PRAGMA data_version), so the
 * UI can reload annotations added elsewhere without a restart. */
int store_data_version(struct store *, int64_t *version);

#endif
