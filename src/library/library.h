/* library.h: a library of resolutions in one SQLite database, beside the notes database
 * but apart from it (library.db): documents of every shape gavel reads, known by symbol and
 * language, each stored as its model (blob.h) and its paragraphs' texts, with a full-text
 * index (FTS5, tokenizer ftstok.h) and the citations between documents (cite.h), all kept
 * in step in the same transactions. No curses.
 *
 * Why apart from the notes: the notes are the user's own words, small and precious, written
 * durably one by one; the library is public text, large, written in bulk and rebuildable
 * from the files. Apart, an import never holds the lock a note is waiting for, a damaged or
 * deleted library never touches a note, and each file has the durability it needs.
 *
 * Call order: library_open; then library_begin, library_put for each document,
 * library_commit (or library_rollback) to import; the readers at any time, also while
 * another process imports (WAL: they see the library as it was before the import);
 * library_close. Errors are enum store_err values with a message in library_errmsg. */
#ifndef GAVEL_LIBRARY_LIBRARY_H
#define GAVEL_LIBRARY_LIBRARY_H

#include <stddef.h>
#include <stdint.h>
#include "doc/resolution.h"
#include "library/symbol.h"
#include "store/store.h"
#include "text/fold.h"

struct library;

#define LIBRARY_SCHEMA_VERSION 1

/* $GAVEL_LIBRARY, else library.db in the directory of the notes database at notes_path.
 * Caller frees. */
char *library_default_path(const char *notes_path);

enum library_mode {
	LIBRARY_READ,        /* a missing library is STORE_ERR_NOTFOUND; nothing is created */
	LIBRARY_WRITE        /* created (directory 0700, file 0600) when missing */
};

/* Opens the library (migrating it forward when writable). On error *msg (caller frees) says
 * why and nothing on disk was changed. */
int library_open(const char *path, enum library_mode, struct library **out, char **msg);
void library_close(struct library *);
const char *library_errmsg(const struct library *);
const char *library_path(const struct library *);

/* An import is one transaction: all of it or nothing. The commit of an import that brings
 * the library's texts past train_bytes (1 MB unless set) first trains the dictionary its
 * texts are packed with. */
int library_begin(struct library *);
int library_commit(struct library *);
void library_set_train_bytes(struct library *, size_t);
void library_rollback(struct library *);

/* Where a document came from. */
struct library_source {
	const char *path;     /* as given, made absolute by the caller when it can */
	const char *shape;    /* "akn", "pdf", "ods", "plain" ... */
	int64_t size, mtime;  /* of the file, to skip it when added again unchanged */
};

enum library_put_result {
	LIBRARY_ADDED,        /* a new symbol and language */
	LIBRARY_REPLACED,     /* a newer or better copy replaced the stored one */
	LIBRARY_UNCHANGED,    /* the same text was already stored */
	LIBRARY_KEPT          /* the stored copy is newer or of a better shape: kept */
};

/* Stores res (inside library_begin/commit). A copy of a symbol and language already stored
 * replaces it when it is newer (a later distribution date), or as new and of a shape at least
 * as good (AKN > the official PDF > ODS > text), or when force is set; otherwise the stored
 * copy is kept. Paragraphs, index and citations change with it. */
int library_put(struct library *, const struct resolution *, const struct library_source *,
                int force, enum library_put_result *);

/* Whether path was added before with this size and modification time (and still gave
 * documents): adding it again can be skipped. */
int library_source_known(struct library *, const char *path, int64_t size, int64_t mtime);
/* Records that path was read (inside the import's transaction), with how many documents. */
int library_source_done(struct library *, const struct library_source *, size_t ndocs);

/* ---- listing and finding ---- */

/* Filters; NULL or 0 fields match everything. */
struct library_filter {
	const char *language;   /* "en" */
	const char *organ;      /* "ga", "sc", "ecosoc", "hrc", or a full organ name */
	const char *from, *to;  /* adoption dates, YYYY[-MM[-DD]], inclusive */
	const char *shape;      /* "akn" */
	const char *symbol;     /* a key prefix: "A/RES/78/" */
	const char *title;      /* words of the title, folded as search folds */
	const char *session;    /* "78" */
};

enum library_sort { LIBRARY_BY_SYMBOL, LIBRARY_BY_DATE, LIBRARY_BY_TITLE };

struct library_doc {
	int64_t id;
	char *key, *symbol, *language, *title, *adopted, *organ, *shape, *source, *vote;
	char *meeting;
	int npara;
};
void library_docs_free(struct library_doc *, size_t n);

/* Every document that passes the filter, sorted; reverse for descending. */
int library_list(struct library *, const struct library_filter *, enum library_sort, int reverse,
                 struct library_doc **out, size_t *n);

/* The documents a user means by `what`: a symbol in any form ("78/217", "S/RES/2672 (2023)",
 * "2672"), else words of a title. Several when the symbol exists in several languages or the
 * title matches several: the one in language `lang` (NULL: any) first, then English, then the
 * others. STORE_ERR_NOTFOUND when none. */
int library_find(struct library *, const char *what, const char *lang, struct library_doc **out,
                 size_t *n);

/* Completions for a reader's `:open`: symbols and titles that start with (or, for titles,
 * contain) `prefix`, at most max, as "A/RES/78/217  Protection of migrants". */
int library_complete(struct library *, const char *prefix, size_t max, char ***out, size_t *n);

/* The model of a stored document (caller frees with res_free). */
int library_load(struct library *, int64_t doc_id, struct resolution **out);

/* Removes every language of key (lang NULL) or one. *removed counts documents. */
int library_remove(struct library *, const char *key, const char *lang, size_t *removed);

/* Checks the whole library: SQLite's integrity check, the index against the paragraphs,
 * every model against its paragraphs. STORE_OK, or STORE_ERR_CORRUPT with the first
 * problem in library_errmsg. Reads everything: seconds for a large library. */
int library_check(struct library *, size_t *ndocs);

/* The number of documents stored. */
int library_count(struct library *, size_t *n);

/* ---- search ---- */

/* One paragraph with hits: valid during the callback only. */
struct library_hit {
	const struct library_doc *doc;
	const char *para_id, *label, *text;
	size_t text_len;
	int para_ord;                     /* index of the paragraph in the document */
	const struct search_hit *hits;    /* byte ranges in text */
	int nhits;
};

/* What a search's callback returns: go on, stop, or go on with the next document (its
 * other paragraphs are not read: a list of documents needs one hit of each). */
enum { LIBRARY_GO_ON = 0, LIBRARY_STOP = 1, LIBRARY_NEXT_DOC = 2 };

/* The paragraphs of the library where pattern occurs at the start of a word, folded as
 * gavel's search folds (case unless the pattern has a capital, accents, hyphens, white
 * space): oldest first (adoption date, then the order documents came into the library, then
 * paragraph order); newest first with reverse. fn returns LIBRARY_GO_ON, LIBRARY_STOP or
 * LIBRARY_NEXT_DOC. *nparas gets the
 * count of paragraphs reported. */
int library_search(struct library *, const char *pattern, const struct library_filter *,
                   int reverse, int (*fn)(void *ctx, const struct library_hit *), void *ctx,
                   size_t *nparas);

/* ---- where wording was used before ---- */

/* A paragraph with the same or nearly the same words as a given one. */
struct library_use {
	const struct library_doc *doc;
	const char *para_id, *label, *text;
	size_t text_len;
	double similarity;                /* 1.0 for the same words (folded) */
};

/* Every paragraph of the library whose words are the same as text's, or nearly
 * (similarity >= min_similarity: words in common, in order, over the words of both),
 * oldest first. fn returns non-zero to stop. */
int library_used(struct library *, const char *text, size_t len, double min_similarity,
                 const struct library_filter *, int (*fn)(void *ctx, const struct library_use *),
                 void *ctx, size_t *nuses);

/* ---- citations across the library ---- */

/* A paragraph of the library that cites a document. */
struct library_backlink {
	const struct library_doc *doc;    /* the citing document */
	const char *para_id, *label;      /* the citing paragraph */
	const char *spec;                 /* the place cited ("op13.b"), "" for the document */
	size_t byte, len;                 /* the citation's words in the citing paragraph */
	const char *text;                 /* the citing paragraph */
};

/* Which documents cite key (any language of them, in language lang when not NULL), oldest
 * first. */
int library_cited_by(struct library *, const char *key, const char *lang,
                     int (*fn)(void *ctx, const struct library_backlink *), void *ctx,
                     size_t *n);

/* Whether the library holds key (any language): 1, 0, or a negative store error. */
int library_has(struct library *, const char *key);

#endif
