/* library-used.c: where a paragraph's wording was used before. A paragraph similar enough
 * must share at least one of the text's rarest words (similar.h: sim_prefix_words), so the
 * index gives the candidates from those words alone, the word counts rule out most, and the
 * common subsequence decides. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "library/ftstok.h"
#include "library/library-int.h"
#include "library/similar.h"

struct qword {
	char *w;
	size_t len;
	int64_t df;          /* paragraphs holding it */
};

struct qwords {
	struct qword *v;
	size_t n, cap;
	int oom;
};

static int add_qword(void *ctx, const char *w, size_t wl, size_t s, size_t e)
{
	(void)s;
	(void)e;
	struct qwords *q = ctx;
	if (q->n == q->cap) {
		size_t cap = q->cap ? q->cap * 2 : 32;
		struct qword *nv = realloc(q->v, cap * sizeof *nv);
		if (!nv) {
			q->oom = 1;
			return 1;
		}
		q->v = nv;
		q->cap = cap;
	}
	char *d = malloc(wl + 1);
	if (!d) {
		q->oom = 1;
		return 1;
	}
	memcpy(d, w, wl);
	d[wl] = '\0';
	q->v[q->n++] = (struct qword){ d, wl, 0 };
	return 0;
}

static void qwords_free(struct qwords *q)
{
	for (size_t i = 0; i < q->n; i++)
		free(q->v[i].w);
	free(q->v);
}

/* Each word's count of paragraphs, from the index's vocabulary. */
static int document_frequencies(struct library *l, struct qwords *q)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, "SELECT doc FROM para_vocab WHERE term = ?", -1, &st,
	                            NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "reading the index");
	for (size_t i = 0; i < q->n; i++) {
		/* the same word again: the same count */
		size_t k = 0;
		while (k < i && strcmp(q->v[k].w, q->v[i].w) != 0)
			k++;
		if (k < i) {
			q->v[i].df = q->v[k].df;
			continue;
		}
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, q->v[i].w, (int)q->v[i].len, SQLITE_STATIC);
		rc = sqlite3_step(st);
		q->v[i].df = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			sqlite3_finalize(st);
			return lib_fail(l, rc, "reading the index");
		}
	}
	sqlite3_finalize(st);
	return STORE_OK;
}

static int by_df(const void *x, const void *y)
{
	const struct qword *a = x, *b = y;
	if (a->df != b->df)
		return a->df < b->df ? -1 : 1;
	return strcmp(a->w, b->w);
}

/* "w1" OR "w2" ... of the k rarest words (counted with repeats, as the bound counts them). */
static char *rare_query(struct qwords *q, size_t k)
{
	qsort(q->v, q->n, sizeof *q->v, by_df);
	size_t cap = 16;
	for (size_t i = 0; i < k && i < q->n; i++)
		cap += q->v[i].len + 8;
	char *s = malloc(cap), *o = s;
	if (!s)
		return NULL;
	*o = '\0';
	for (size_t i = 0; i < k && i < q->n; i++) {
		if (i > 0 && strcmp(q->v[i].w, q->v[i - 1].w) == 0)
			continue;
		o += sprintf(o, "%s\"%s\"", o == s ? "" : " OR ", q->v[i].w);
	}
	return s;
}

int library_used(struct library *l, const char *text, size_t len, double min,
                 const struct library_filter *f, int (*fn)(void *ctx, const struct library_use *),
                 void *ctx, size_t *nuses)
{
	*nuses = 0;
	struct sim_words a;
	struct qwords q = { 0 };
	if (sim_words_of(text, len, &a) < 0)
		return lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
	if (ftstok_words(text, len, add_qword, &q) < 0 || q.oom) {
		sim_words_free(&a);
		qwords_free(&q);
		return lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
	}
	if (a.n == 0) {
		sim_words_free(&a);
		qwords_free(&q);
		return STORE_OK;
	}
	int err = document_frequencies(l, &q);
	char *query = err ? NULL : rare_query(&q, sim_prefix_words(a.n, min));
	struct sim_query sq;
	if (!err && (!query || sim_query_init(&sq, &a) < 0)) {
		free(query);
		query = NULL;
		err = lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
	}
	qwords_free(&q);
	if (err) {
		sim_words_free(&a);
		return err;
	}
	double lo = (double)a.n * min / (2 - min), hi = min > 0 ? (double)a.n * (2 - min) / min
	                                                        : 1e18;
	char where[1024], sql[2048];
	lib_filter_sql(f, where, sizeof where);
	snprintf(sql, sizeof sql,
	         "SELECT p.id, p.pid, p.label, p.text, " LIB_DOC_COLUMNS " FROM para_fts "
	         "JOIN para p ON p.id = para_fts.rowid JOIN doc d ON d.id = (p.id >> %d) "
	         "WHERE para_fts MATCH ? AND p.nwords >= ? AND p.nwords <= ?%s "
	         "ORDER BY d.adopted IS NULL, d.adopted, d.sortkey, d.language, p.id",
	         PARA_BITS, where);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		err = lib_fail(l, rc, "searching the library");
		goto out;
	}
	sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)(lo - 1e-9 > 0 ? lo - 1e-9 : 0));
	sqlite3_bind_int64(st, 3, (sqlite3_int64)(hi + 1));
	lib_filter_bind(st, 4, f);
	struct library_doc doc = { 0 };
	int64_t doc_id = -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *t;
		size_t tl;
		err = lib_unpack(l, sqlite3_column_blob(st, 3), (size_t)sqlite3_column_bytes(st, 3), &t,
		                 &tl);
		if (err)
			break;
		struct sim_words b;
		if (sim_words_of(t, tl, &b) < 0) {
			free(t);
			err = lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
			break;
		}
		double r = sim_length_ok(a.n, b.n, min) ? sim_query_ratio(&sq, &b) : 0;
		sim_words_free(&b);
		if (r < min - 1e-12) {
			free(t);
			continue;
		}
		if (sqlite3_column_int64(st, 4) != doc_id) {
			lib_doc_clear(&doc);
			doc_id = -1;
			if (lib_doc_from_row(st, 4, &doc) < 0) {
				free(t);
				err = lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
				break;
			}
			doc_id = doc.id;
		}
		struct library_use u = { &doc, (const char *)sqlite3_column_text(st, 1),
		                         (const char *)sqlite3_column_text(st, 2), t, tl, r };
		(*nuses)++;
		int stop = fn(ctx, &u);
		free(t);
		if (stop) {
			rc = SQLITE_DONE;
			break;
		}
	}
	lib_doc_clear(&doc);
	if (!err && rc != SQLITE_DONE)
		err = lib_fail(l, rc, "searching the library");
	sqlite3_finalize(st);
out:
	sim_query_free(&sq);
	sim_words_free(&a);
	free(query);
	return err;
}
