/* library-terms.c: how many paragraphs hold each word, estimated on a sample of the library,
 * so that "used before" asks the index for a paragraph's rarest words without counting
 * whole doclists (fts5vocab counts every entry of a word: a common word costs as much as
 * the library is big). An estimate is enough: any choice of words finds every candidate;
 * rarer ones find fewer false ones. Remade at the commit of each import that changed the
 * library, inside its transaction. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "library/ftstok.h"
#include "library/library-int.h"

/* Paragraphs sampled: whole documents, spread over the library. */
#define SAMPLE_PARAS 20000

struct term {
	char *w;
	size_t len;
	uint64_t hash;
	int df, last;           /* paragraphs holding it; the last one counted */
};

struct terms {
	struct term *v;         /* open addressing, a power of two */
	size_t cap, n;
	int para;
	int oom;
};

static uint64_t hash_of(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static int grow(struct terms *t)
{
	size_t cap = t->cap ? t->cap * 2 : 4096;
	struct term *nv = calloc(cap, sizeof *nv);
	if (!nv)
		return -1;
	for (size_t i = 0; i < t->cap; i++) {
		if (!t->v[i].w)
			continue;
		size_t j = t->v[i].hash & (cap - 1);
		while (nv[j].w)
			j = (j + 1) & (cap - 1);
		nv[j] = t->v[i];
	}
	free(t->v);
	t->v = nv;
	t->cap = cap;
	return 0;
}

static int count_word(void *ctx, const char *w, size_t wl, size_t s, size_t e)
{
	(void)s;
	(void)e;
	struct terms *t = ctx;
	if ((t->n + 1) * 2 > t->cap && grow(t) < 0) {
		t->oom = 1;
		return 1;
	}
	uint64_t h = hash_of(w, wl);
	size_t j = h & (t->cap - 1);
	while (t->v[j].w && !(t->v[j].hash == h && t->v[j].len == wl && !memcmp(t->v[j].w, w, wl)))
		j = (j + 1) & (t->cap - 1);
	struct term *e2 = &t->v[j];
	if (!e2->w) {
		if (!(e2->w = malloc(wl))) {
			t->oom = 1;
			return 1;
		}
		memcpy(e2->w, w, wl);
		e2->len = wl;
		e2->hash = h;
		e2->last = -1;
		t->n++;
	}
	if (e2->last != t->para) {
		e2->df++;
		e2->last = t->para;
	}
	return 0;
}

static void terms_free(struct terms *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->v[i].w);
	free(t->v);
}

int lib_terms(struct library *l)
{
	sqlite3_stmt *st;
	int64_t ndocs = 0, nparas = 0;
	int rc = sqlite3_prepare_v2(l->db, "SELECT count(*), total(npara) FROM doc", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "counting the library's words");
	if (sqlite3_step(st) == SQLITE_ROW) {
		ndocs = sqlite3_column_int64(st, 0);
		nparas = (int64_t)sqlite3_column_double(st, 1);
	}
	sqlite3_finalize(st);
	int64_t every = nparas > SAMPLE_PARAS ? nparas / SAMPLE_PARAS + 1 : 1;
	rc = sqlite3_prepare_v2(l->db, "SELECT p.text FROM doc d JOIN para p ON p.id BETWEEN "
	                        "(d.id << 20) AND (d.id << 20) + 1048575 WHERE d.id % ?1 = 0", -1, &st,
	                        NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "counting the library's words");
	_Static_assert(PARA_BITS == 20, "the shift in the SQL above");
	sqlite3_bind_int64(st, 1, every);
	struct terms t = { 0 };
	int err = STORE_OK;
	while (!err && !t.oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *text;
		size_t len;
		err = lib_unpack(l, sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0), &text,
		                 &len);
		if (err)
			break;
		if (ftstok_words(text, len, count_word, &t) < 0)
			t.oom = 1;
		t.para++;
		free(text);
	}
	sqlite3_finalize(st);
	if (!err && t.oom)
		err = lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
	if (!err && rc != SQLITE_DONE)
		err = lib_fail(l, rc, "counting the library's words");
	if (!err && (rc = sqlite3_exec(l->db, "DELETE FROM term", NULL, NULL, NULL)) != SQLITE_OK)
		err = lib_fail(l, rc, "counting the library's words");
	sqlite3_stmt *ins = NULL;
	if (!err && (rc = sqlite3_prepare_v2(l->db, "INSERT INTO term (word, df) VALUES (?, ?)", -1,
	                                     &ins, NULL)) != SQLITE_OK)
		err = lib_fail(l, rc, "counting the library's words");
	/* The counts as in the whole library, estimated: scaled by the share sampled. */
	double scale = t.para ? (double)(nparas ? nparas : 1) / t.para : 1;
	for (size_t i = 0; !err && i < t.cap; i++) {
		if (!t.v[i].w)
			continue;
		sqlite3_bind_text(ins, 1, t.v[i].w, (int)t.v[i].len, SQLITE_STATIC);
		sqlite3_bind_int64(ins, 2, (sqlite3_int64)(t.v[i].df * scale + 0.5));
		rc = sqlite3_step(ins);
		sqlite3_reset(ins);
		if (rc != SQLITE_DONE)
			err = lib_fail(l, rc, "counting the library's words");
	}
	/* the paragraphs the counts are out of, under a name no word has */
	if (!err) {
		sqlite3_reset(ins);
		sqlite3_bind_text(ins, 1, LIB_TERM_TOTAL, -1, SQLITE_STATIC);
		sqlite3_bind_int64(ins, 2, nparas);
		if ((rc = sqlite3_step(ins)) != SQLITE_DONE)
			err = lib_fail(l, rc, "counting the library's words");
	}
	sqlite3_finalize(ins);
	terms_free(&t);
	(void)ndocs;
	return err;
}

int64_t lib_term_df(struct library *l, const char *word, size_t len)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, "SELECT df FROM term WHERE word = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
	{
		lib_fail(l, rc, "reading the index");
		return -1;
	}
	sqlite3_bind_text(st, 1, word, (int)len, SQLITE_STATIC);
	rc = sqlite3_step(st);
	int64_t df = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
	{
		lib_fail(l, rc, "reading the index");
		return -1;
	}
	return df;
}
