/* library-search.c: phrases across the library: the index proposes the paragraphs that hold
 * every word of the phrase, gavel's own search (search_text) decides and finds the hits. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "library/ftstok.h"
#include "library/library-int.h"

/* The document of the current row, read once per document. */
struct doc_cache {
	int64_t id;
	struct library_doc doc;
	int have;
};

static int cached_doc(struct doc_cache *c, sqlite3_stmt *st, int first)
{
	int64_t id = sqlite3_column_int64(st, first);
	if (c->have && c->id == id)
		return 0;
	if (c->have)
		lib_doc_clear(&c->doc);
	c->have = 0;
	if (lib_doc_from_row(st, first, &c->doc) < 0)
		return -1;
	c->have = 1;
	c->id = id;
	return 0;
}

static void doc_cache_free(struct doc_cache *c)
{
	if (c->have)
		lib_doc_clear(&c->doc);
	c->have = 0;
}

/* Keeps the hits that begin a word; returns how many are left. */
static int word_hits(const char *text, size_t len, struct search_hit *h, int n)
{
	int k = 0;
	for (int i = 0; i < n; i++)
		if (ftstok_word_start(text, len, h[i].start))
			h[k++] = h[i];
	return k;
}

int library_search(struct library *l, const char *pattern, const struct library_filter *f,
                   int reverse, int (*fn)(void *ctx, const struct library_hit *), void *ctx,
                   size_t *nparas)
{
	*nparas = 0;
	struct search_pat pat;
	if (search_compile(pattern, &pat) < 0)
		return lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
	if (pat.len == 0) {
		search_pat_free(&pat);
		return lib_set_error(l, STORE_ERR_INVALID, "the pattern is empty");
	}
	int nw;
	char *query = ftstok_query(pattern, &nw);
	if (nw < 0) {
		search_pat_free(&pat);
		return lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
	}
	char where[1024], sql[2048];
	lib_filter_sql(f, where, sizeof where);
	const char *dir = reverse ? "DESC" : "ASC";
	/* A pattern without a word (punctuation only) reads every paragraph. */
	snprintf(sql, sizeof sql,
	         "SELECT p.id, p.pid, p.label, p.text, " LIB_DOC_COLUMNS " FROM %s "
	         "JOIN doc d ON d.id = (p.id >> %d) WHERE %s%s "
	         "ORDER BY d.adopted IS NULL, d.adopted %s, d.sortkey %s, d.language, p.id",
	         query ? "para_fts JOIN para p ON p.id = para_fts.rowid" : "para p", PARA_BITS,
	         query ? "para_fts MATCH ?" : "1", where, dir, dir);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		free(query);
		search_pat_free(&pat);
		return lib_fail(l, rc, "searching the library");
	}
	int i = 1;
	if (query)
		sqlite3_bind_text(st, i++, query, -1, SQLITE_STATIC);
	lib_filter_bind(st, i, f);
	struct doc_cache dc = { 0 };
	int err = STORE_OK;
	int64_t skip_doc = -1;     /* the callback has seen enough of this document */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((sqlite3_column_int64(st, 0) >> PARA_BITS) == skip_doc)
			continue;
		char *text;
		size_t len;
		err = lib_unpack(l, sqlite3_column_blob(st, 3), (size_t)sqlite3_column_bytes(st, 3), &text,
		                 &len);
		if (err)
			break;
		struct search_hit *h;
		int nh = search_text(&pat, text, len, &h);
		if (nh < 0) {
			free(text);
			err = lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
			break;
		}
		nh = word_hits(text, len, h, nh);
		if (nh == 0) {
			free(h);
			free(text);
			continue;
		}
		if (cached_doc(&dc, st, 4) < 0) {
			free(h);
			free(text);
			err = lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
			break;
		}
		struct library_hit hit = {
			&dc.doc, (const char *)sqlite3_column_text(st, 1),
			(const char *)sqlite3_column_text(st, 2), text, len,
			(int)(sqlite3_column_int64(st, 0) & (PARA_MAX - 1)), h, nh
		};
		(*nparas)++;
		int stop = fn(ctx, &hit);
		free(h);
		free(text);
		if (stop == LIBRARY_NEXT_DOC) {
			skip_doc = sqlite3_column_int64(st, 0) >> PARA_BITS;
		} else if (stop) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (!err && rc != SQLITE_DONE)
		err = lib_fail(l, rc, "searching the library");
	sqlite3_finalize(st);
	doc_cache_free(&dc);
	free(query);
	search_pat_free(&pat);
	return err;
}
