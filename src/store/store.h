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
	STORE_ERR_IO,
	STORE_ERR_EXISTS      /* an annotation with this id is already stored (an import twice) */
};

struct store;

/* An SQLite result code (extended or not) as a store error: the one mapping for the notes
 * database and the library. */
int store_err_of_sqlite(int rc);

#define STORE_SCHEMA_VERSION 4

/* The default path: $GAVEL_DB, else $XDG_DATA_HOME/gavel/gavel.db, else
 * ~/.local/share/gavel/gavel.db. Caller frees. */
char *store_default_path(void);

/* Opens (creating directory 0700 and file 0600 when missing) and migrates forward. A database
 * that cannot be written opens read-only (store_readonly() says so). On error, *msg gets a
 * one-line reason (caller frees) and nothing on disk has been changed.
 * Nothing is written into a database gavel cannot vouch for (store-check.c): one that is not
 * as gavel last checked or closed it (first open, a session that did not close, a copy put
 * in place) gets a full PRAGMA integrity_check first, and a damaged one is refused
 * (STORE_ERR_CORRUPT), untouched. */
int store_open(const char *path, struct store **out, char **msg);

/* How store_open_mode checks a database. */
enum store_check_mode {
	STORE_CHECK_NOW,        /* when it cannot be vouched for, before returning (commands) */
	STORE_CHECK_BACKGROUND  /* always, in a thread; writes wait for the verdict (the reader,
	                         * after its first screen) */
};
int store_open_mode(const char *path, enum store_check_mode, struct store **out, char **msg);

/* What is known of the file: writes go ahead, wait for a check under way, or are refused. */
enum store_trust { STORE_SOUND, STORE_CHECKING, STORE_DAMAGED };
enum store_trust store_trust(const struct store *);

/* After a background check: 1 once, when it has just found the database damaged (or could
 * not run), with the message in msg; 0 otherwise. Never blocks. */
int store_check_poll(struct store *, char *msg, size_t len);

/* What vouched for the file on opening (tests and diagnostics). */
enum store_vouch {
	STORE_VOUCH_NONE,       /* nothing yet: checked (or being checked) */
	STORE_VOUCH_NEW,        /* created by this open, or in memory */
	STORE_VOUCH_RECORD,     /* as the last clean close or check left it */
	STORE_VOUCH_LIVE,       /* another vouched session has it open */
	STORE_VOUCH_CHECKED     /* it passed a full check in this session */
};
enum store_vouch store_vouched_by(const struct store *);
void store_close(struct store *);
int store_readonly(const struct store *);
const char *store_errmsg(const struct store *);     /* the last error, for messages */

/* Registers the document (by symbol + language), and when its text hash changed re-anchors
 * its annotations against the new text. Sets *doc_id. A document without a symbol is known
 * as "sha256:" + the first 16 hex digits of its text hash, without a language as "und".
 * Read-only: a known document is found (not re-anchored), an unknown one is NOTFOUND. */
int store_doc_sync(struct store *, const struct resolution *, int64_t *doc_id);

/* Finds a known document by symbol + language. STORE_ERR_NOTFOUND if never synced. */
int store_doc_find(struct store *, const char *symbol, const char *language, int64_t *doc_id);

/* Adds an annotation: fills a->id (when empty), created, updated, prefix/suffix/exact from
 * the paragraph text when NULL. Returns only once committed. When a->exact is given but is not
 * the text at [start, end) (a note brought from another copy), the quote is looked for in the
 * paragraph and start/end/status are updated, else STORE_ERR_INVALID. A given id (any case)
 * is stored lower-case; an id already stored gives STORE_ERR_EXISTS. The stored prefix and
 * suffix are always taken from the current text. Fields the store fills are malloc'd. */
int store_annot_add(struct store *, int64_t doc_id, const struct resolution *, struct annotation *a);
/* Replaces note, colour and tags of annotation `id`; bumps updated. */
int store_annot_update(struct store *, const struct annotation *a);
int store_annot_delete(struct store *, const char *id);
int store_annot_get(struct store *, const char *id, struct annotation *out);
/* The full id of the one annotation whose id starts with `prefix` (at least 4 characters, as
 * `gavel notes rm 3f2a` allows): STORE_ERR_NOTFOUND when none, STORE_ERR_INVALID when the
 * prefix is too short or several match. */
int store_annot_find(struct store *, const char *prefix, char id[37]);

/* Imports annotations as they were written elsewhere (`gavel notes import`): id, paragraph,
 * range, quote, colour, note, tags, times and status kept. All in one transaction: on any
 * error nothing is imported. An id already stored is skipped (*skipped counts them, *added the
 * others). A document not yet known is registered by doc_symbol and doc_language; every
 * document that received notes is re-anchored by its next store_doc_sync. */
int store_annot_import(struct store *, const struct annotation *v, size_t n, size_t *added,
                       size_t *skipped);

/* Filters for listing: NULL fields match everything. */
struct annot_filter {
	const char *color;
	const char *tag;
};

/* Annotations of one document (doc_id > 0) or of all (doc_id = 0), in document order
 * (paragraph order, then start), orphans last. Caller frees with annotation_list_free. */
int store_annot_list(struct store *, int64_t doc_id, const struct resolution *,
                     const struct annot_filter *, struct annotation **out, size_t *n);

/* Reading position per document: the focused pane and its place, whether it was zoomed, and
 * the place of every pane (para_id "" for a pane not saved). */
#define STORE_PANES 3
struct position {
	int pane;            /* 0 preamble, 1 operative, 2 footnotes */
	char para_id[64];
	int scroll;          /* first visible line offset within the pane */
	int zoomed;
	struct pane_place {
		char para_id[64];
		int scroll;
	} panes[STORE_PANES];
};
int store_position_get(struct store *, int64_t doc_id, struct position *out);
int store_position_set(struct store *, int64_t doc_id, const struct position *);

/* A counter that changes whenever another connection committed (PRAGMA data_version), so the
 * UI can reload annotations added elsewhere without a restart. The handle's own commits do
 * not change it. */
int store_data_version(struct store *, int64_t *version);

#endif
