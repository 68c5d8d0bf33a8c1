/* library-int.h: what the library's files share and nobody else sees: the handle, its
 * prepared statements, errors, and the row <-> struct helpers. */
#ifndef GAVEL_LIBRARY_LIBRARY_INT_H
#define GAVEL_LIBRARY_LIBRARY_INT_H

#include <sqlite3.h>
#include "library/library.h"

/* A paragraph's row id: its document's id in the high bits, its index in the low ones, so a
 * document's paragraphs are one range of the table (read in one pass, deleted in one). */
#define PARA_BITS 20
#define PARA_MAX ((int64_t)1 << PARA_BITS)
#define PARA_ROWID(doc, i) (((int64_t)(doc) << PARA_BITS) | (int64_t)(i))

/* The statements an import runs once per paragraph or document, prepared once. */
enum lib_stmt {
	ST_PARA_INSERT, ST_FTS_INSERT_RANGE, ST_CITE_INSERT, ST_FTS_DELETE_RANGE, ST_PARA_DELETE_RANGE,
	ST_CITE_DELETE_RANGE, ST_DOC_LOOKUP, ST_MODEL_PUT, ST_NSTMT
};

struct ztext;

struct library {
	sqlite3 *db;
	char *path;
	int readonly;
	sqlite3_stmt *st[ST_NSTMT];
	struct ztext *z;           /* packs texts with the newest dictionary, unpacks with any */
	size_t train_bytes;        /* texts stored without a dictionary that make one worth it */
	size_t raw_bytes;          /* texts stored without one so far (while there is none) */
	int changed;               /* this transaction added, replaced or removed a document */
	long used_rows;            /* rows the last library_used stepped through in its tables:
	                            * its candidates, never the library's every paragraph */
	char errmsg[512];
};

/* A paragraph's text or a model as stored (ztext.h): pack into a malloc'd *out; unpack into a
 * malloc'd NUL-terminated *out, loading an older dictionary when the bytes need one. Return
 * 0, or a store error with the message set. */
int lib_pack(struct library *, const void *s, size_t len, unsigned char **out, size_t *olen);
int lib_unpack(struct library *, const void *p, size_t len, char **out, size_t *olen);

/* Inside an import, as soon as the texts stored without a dictionary reach train_bytes (and
 * before its commit): trains one on them and packs them again with it, so that the rest of
 * the import is packed with it from the start. */
int lib_train(struct library *);

/* At the commit of a transaction that changed the library: the words' paragraph counts,
 * estimated on a sample (library-terms.c), for used's choice of rare words. */
int lib_terms(struct library *);
/* The term table's row holding the number of paragraphs the counts are out of. */
#define LIB_TERM_TOTAL " total"
/* A word's estimated paragraph count (0: never seen), or -1 on an error (message set). */
int64_t lib_term_df(struct library *, const char *word, size_t len);

/* Records a message (printf-style) and returns err. */
int lib_set_error(struct library *, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* An SQLite result as a store error with "what: reason"; rolls back an open transaction. */
int lib_fail(struct library *, int rc, const char *what);
/* The statement for one of the enum, prepared on first use; NULL after lib_fail. */
sqlite3_stmt *lib_stmt(struct library *, enum lib_stmt);

/* The doc columns library_doc holds, in this order, for SELECTs of several files. */
#define LIB_DOC_COLUMNS "d.id, d.key, d.symbol, d.language, d.title, d.adopted, d.organ, " \
	"d.shape, d.source, d.vote, d.meeting, d.npara"
#define LIB_DOC_NCOLUMNS 12
/* Fills d from columns first.. of st (caller frees with library_docs_free's per-doc part). */
int lib_doc_from_row(sqlite3_stmt *st, int first, struct library_doc *d);
void lib_doc_clear(struct library_doc *d);

/* " AND ..." conditions on the doc table `d` for a filter, and their bindings from index
 * `first`: lib_filter_sql writes into buf; lib_filter_bind binds and returns the next index. */
void lib_filter_sql(const struct library_filter *, char *buf, size_t n);
int lib_filter_bind(sqlite3_stmt *, int first, const struct library_filter *);

/* The key a document is stored under (its symbol's, else "sha256:" and its text's hash) and
 * its language ("und" when unknown). */
void lib_doc_key(const struct resolution *, const char *hash, char key[SYMBOL_KEY_MAX],
                 const char **lang);

#endif
