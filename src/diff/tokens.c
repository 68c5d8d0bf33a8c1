/* tokens.c: paragraphs as numbered tokens, and the word comparison of two of them made fit for
 * people: a redline that marks "[-calls upon-]{+urges+} States" and not every shared space. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff-int.h"
#include "diff/seq.h"
#include "text/words.h"

/* ---- The interning table: open addressing, keys copied into one pool. ---- */

struct slot {
	uint64_t hash;
	size_t off;             /* the key's bytes in the pool */
	uint32_t len, id;
	int ns;
	int used;
};

struct intern {
	struct slot *slots;
	size_t cap, count;
	uint32_t one_byte[128];     /* NS_WORD ids of the one-byte ASCII words, 0 = not yet, else
	                               id + 1: spaces and punctuation are most tokens */
	char *pool;
	size_t pool_len, pool_cap;
};

/* Eight bytes at a time, mixed by multiplication (as wyhash and its kin do): paragraph keys
 * are kilobytes, words a few bytes. */
static uint64_t hash_bytes(int ns, const char *s, size_t n)
{
	const uint64_t m = 0x9E3779B97F4A7C15ull;
	uint64_t h = ((uint64_t)(ns + 1) * m) ^ (n * 0xC2B2AE3D27D4EB4Full);
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * m;
		h ^= h >> 32;
	}
	uint64_t w = 0;
	memcpy(&w, s + i, n - i);
	h = (h ^ w) * m;
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9ull;
	return h ^ (h >> 32);
}

struct intern *intern_new(void)
{
	struct intern *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->cap = 1024;
	t->slots = calloc(t->cap, sizeof *t->slots);
	if (!t->slots) {
		free(t);
		return NULL;
	}
	return t;
}

void intern_free(struct intern *t)
{
	if (!t)
		return;
	free(t->slots);
	free(t->pool);
	free(t);
}

static int intern_grow(struct intern *t)
{
	size_t cap = t->cap * 2;
	struct slot *s = calloc(cap, sizeof *s);
	if (!s)
		return -1;
	for (size_t i = 0; i < t->cap; i++) {
		if (!t->slots[i].used)
			continue;
		size_t k = t->slots[i].hash & (cap - 1);
		while (s[k].used)
			k = (k + 1) & (cap - 1);
		s[k] = t->slots[i];
	}
	free(t->slots);
	t->slots = s;
	t->cap = cap;
	return 0;
}

static uint32_t intern_slow(struct intern *t, int ns, const char *s, size_t n);

uint32_t intern_id(struct intern *t, int ns, const char *s, size_t n)
{
	if (ns == NS_WORD && n == 1 && (unsigned char)s[0] < 0x80) {
		uint32_t *c = &t->one_byte[(unsigned char)s[0]];
		if (!*c) {
			uint32_t id = intern_slow(t, ns, s, n);
			if (id == UINT32_MAX)
				return id;
			*c = id + 1;
		}
		return *c - 1;
	}
	return intern_slow(t, ns, s, n);
}

static uint32_t intern_slow(struct intern *t, int ns, const char *s, size_t n)
{
	if (n > UINT32_MAX || t->count >= TOK_MARK_BIT)
		return UINT32_MAX;
	if (2 * (t->count + 1) > t->cap && intern_grow(t) < 0)
		return UINT32_MAX;
	uint64_t h = hash_bytes(ns, s, n);
	size_t k = h & (t->cap - 1);
	for (; t->slots[k].used; k = (k + 1) & (t->cap - 1)) {
		struct slot *sl = &t->slots[k];
		if (sl->hash == h && sl->ns == ns && sl->len == n &&
		    memcmp(t->pool + sl->off, s, n) == 0)
			return sl->id;
	}
	if (t->pool_len + n > t->pool_cap) {
		size_t cap = t->pool_cap ? t->pool_cap : 4096;
		while (cap < t->pool_len + n)
			cap *= 2;
		char *p = realloc(t->pool, cap);
		if (!p)
			return UINT32_MAX;
		t->pool = p;
		t->pool_cap = cap;
	}
	if (n)
		memcpy(t->pool + t->pool_len, s, n);
	t->slots[k] = (struct slot){ h, t->pool_len, (uint32_t)n, (uint32_t)t->count, ns, 1 };
	t->pool_len += n;
	return (uint32_t)t->count++;
}

/* ---- A paragraph as tokens. ---- */

struct tvec {
	struct tok *v;
	size_t n, cap;
};

static int tvec_push(struct tvec *t, struct tok tk)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		struct tok *v = realloc(t->v, cap * sizeof *v);
		if (!v)
			return -1;
		t->v = v;
		t->cap = cap;
	}
	t->v[t->n++] = tk;
	return 0;
}

static int mark_cmp(const void *x, const void *y)
{
	const struct mark *a = x, *b = y;
	return a->byte < b->byte ? -1 : a->byte > b->byte;
}

static int u32_cmp(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

/* The words of text[from, to) as tokens. */
static int add_words(struct tvec *t, const char *text, size_t from, size_t to)
{
	if (to <= from)
		return 0;
	struct word *w;
	long nw = text_words(text + from, to - from, &w);
	if (nw < 0)
		return -1;
	static const enum tok_kind kinds[] = { [WORD_TEXT] = TOK_WORD, [WORD_PUNCT] = TOK_PUNCT,
	                                       [WORD_SPACE] = TOK_SPACE };
	int rc = 0;
	for (long k = 0; k < nw && rc == 0; k++)
		rc = tvec_push(t, (struct tok){ (uint32_t)(from + w[k].start),
		                                (uint32_t)(from + w[k].end), -1,
		                                (uint8_t)kinds[w[k].kind] });
	free(w);
	return rc;
}

/* Tokens of the text with the markers at their places (a marker inside a word cuts it). */
static int split(const struct resolution *res, const struct para *p, struct tvec *t)
{
	const char *text = p->text ? p->text : "";
	size_t n = p->text ? p->text_len : 0;
	struct mark *marks = NULL;
	if (p->nmarks) {
		marks = malloc(p->nmarks * sizeof *marks);
		if (!marks)
			return -1;
		memcpy(marks, p->marks, p->nmarks * sizeof *marks);
		if (p->nmarks > 1)
			qsort(marks, p->nmarks, sizeof *marks, mark_cmp);
	}
	/* Room for the usual number of tokens (one per 2.5 bytes or so) at once: growing by
	 * doubling would copy, and touch, twice the memory. */
	t->cap = n / 2 + p->nmarks + 4;
	t->v = malloc(t->cap * sizeof *t->v);
	if (!t->v) {
		free(marks);
		return -1;
	}
	size_t at = 0;
	int rc = 0;
	for (size_t k = 0; k < p->nmarks && rc == 0; k++) {
		size_t pos = marks[k].byte < n ? marks[k].byte : n;
		while (pos < n && ((unsigned char)text[pos] & 0xC0) == 0x80)
			pos++;
		rc = add_words(t, text, at, pos);
		at = pos > at ? pos : at;
		int fn = res_find_footnote(res, marks[k].footnote);
		if (fn < 0)
			fn = -1 - (marks[k].footnote > 0 ? marks[k].footnote : 0);
		if (rc == 0)
			rc = tvec_push(t, (struct tok){ (uint32_t)at, (uint32_t)at, fn, TOK_MARK });
	}
	if (rc == 0)
		rc = add_words(t, text, at, n);
	free(marks);
	return rc;
}

/* A marker's number: its footnote's text, so "Ibid." is "Ibid." whatever its number; a marker
 * whose footnote is missing is known by its number alone. */
static uint32_t mark_id(struct intern *in, const struct resolution *res, const struct tok *tk)
{
	if (tk->fn >= 0) {
		const struct para *f = &res->paras[tk->fn];
		return intern_id(in, NS_FOOTNOTE, f->text ? f->text : "", f->text ? f->text_len : 0);
	}
	char num[24];
	int len = snprintf(num, sizeof num, "#%d", tok_missing_num(tk));
	return intern_id(in, NS_FOOTNOTE, num, (size_t)len);
}

int tpara_build(struct intern *in, const struct resolution *res, int i, struct tpara *tp)
{
	const struct para *p = &res->paras[i];
	memset(tp, 0, sizeof *tp);
	tp->cls = align_class(p->kind);
	struct tvec t = { 0 };
	if (split(res, p, &t) < 0)
		goto fail;
	tp->tok = t.v;
	tp->ntok = t.n;
	size_t nwords = 0;
	for (size_t k = 0; k < t.n; k++)
		nwords += t.v[k].kind == TOK_WORD;
	tp->ids = malloc((t.n ? t.n : 1) * sizeof *tp->ids);
	tp->words = malloc((nwords ? nwords : 1) * sizeof *tp->words);
	if (!tp->ids || !tp->words)
		goto fail;
	const char *text = p->text ? p->text : "";
	for (size_t k = 0; k < t.n; k++) {
		const struct tok *tk = &t.v[k];
		uint32_t id;
		if (tk->kind == TOK_MARK)
			id = mark_id(in, res, tk);
		else if (tk->kind == TOK_SPACE)
			id = intern_id(in, NS_WORD, " ", 1);
		else
			id = intern_id(in, NS_WORD, text + tk->start, tk->end - tk->start);
		if (id == UINT32_MAX)
			goto fail;
		tp->ids[k] = id;
		if (tk->kind == TOK_WORD)
			tp->words[tp->nwords++] = id;
	}
	tp->hash_id = intern_id(in, NS_HASH + tp->cls, (const char *)tp->ids,
	                        t.n * sizeof *tp->ids);
	if (tp->hash_id == UINT32_MAX)
		goto fail;
	/* The text alone: the same ids with the markers left out. */
	uint32_t *plain = malloc((t.n ? t.n : 1) * sizeof *plain);
	if (!plain)
		goto fail;
	size_t np = 0;
	for (size_t k = 0; k < t.n; k++)
		if (t.v[k].kind != TOK_MARK)
			plain[np++] = tp->ids[k];
	tp->text_id = intern_id(in, NS_TEXT + tp->cls, (const char *)plain, np * sizeof *plain);
	free(plain);
	if (tp->text_id == UINT32_MAX)
		goto fail;
	return 0;
fail:
	if (!tp->tok)
		free(t.v);
	tpara_free(tp);
	return -1;
}

int tpara_sort_words(struct tpara *tp)
{
	if (tp->sorted)
		return 0;
	tp->sorted = malloc((tp->nwords ? tp->nwords : 1) * sizeof *tp->sorted);
	if (!tp->sorted)
		return -1;
	memcpy(tp->sorted, tp->words, tp->nwords * sizeof *tp->sorted);
	if (tp->nwords > 1)
		qsort(tp->sorted, tp->nwords, sizeof *tp->sorted, u32_cmp);
	return 0;
}

void tpara_free(struct tpara *tp)
{
	free(tp->tok);
	free(tp->ids);
	free(tp->words);
	free(tp->sorted);
	memset(tp, 0, sizeof *tp);
}

/* ---- The comparison of two paragraphs, tidied. ---- */

/* A stretch of the comparison: kept (eq) or changed, with its tokens on both sides. */
struct block {
	int eq;
	size_t a0, a1, b0, b1;
};

struct bvec {
	struct block *v;
	size_t n, cap;
};

static int bvec_push(struct bvec *bv, struct block b)
{
	if (bv->n && bv->v[bv->n - 1].eq == b.eq) {      /* extend the last one */
		bv->v[bv->n - 1].a1 = b.a1;
		bv->v[bv->n - 1].b1 = b.b1;
		return 0;
	}
	if (bv->n == bv->cap) {
		size_t cap = bv->cap ? bv->cap * 2 : 16;
		struct block *v = realloc(bv->v, cap * sizeof *v);
		if (!v)
			return -1;
		bv->v = v;
		bv->cap = cap;
	}
	bv->v[bv->n++] = b;
	return 0;
}

static size_t bytes(const struct tpara *t, size_t k0, size_t k1)
{
	return k1 > k0 ? t->tok[k1 - 1].end - t->tok[k0].start : 0;
}

static int has_mark(const struct tpara *t, size_t k0, size_t k1)
{
	for (size_t k = k0; k < k1; k++)
		if (t->tok[k].kind == TOK_MARK)
			return 1;
	return 0;
}

/* Drops empty kept blocks and joins the changed blocks they separated. */
static void normalise(struct bvec *bv)
{
	size_t w = 0;
	for (size_t r = 0; r < bv->n; r++) {
		struct block b = bv->v[r];
		if (b.eq && b.a1 == b.a0)
			continue;
		if (b.eq == 0 && b.a1 == b.a0 && b.b1 == b.b0)
			continue;
		if (w && bv->v[w - 1].eq == b.eq) {
			bv->v[w - 1].a1 = b.a1;
			bv->v[w - 1].b1 = b.b1;
		} else {
			bv->v[w++] = b;
		}
	}
	bv->n = w;
}

/* A kept stretch no longer than the changes on either side of it is read as part of one
 * change ("[-calls upon the States-]{+urges the Governments+}"), as diff-match-patch's
 * semantic clean-up does; a stretch holding a footnote marker stays. */
static void fold_short_equalities(struct bvec *bv, const struct tpara *a, const struct tpara *b)
{
	int again = 1;
	while (again) {
		again = 0;
		for (size_t k = 1; k + 1 < bv->n; k++) {
			struct block *l = &bv->v[k - 1], *e = &bv->v[k], *r = &bv->v[k + 1];
			if (!e->eq || l->eq || r->eq || has_mark(a, e->a0, e->a1))
				continue;
			size_t el = bytes(b, e->b0, e->b1);
			size_t ll = bytes(a, l->a0, l->a1), lr = bytes(b, l->b0, l->b1);
			size_t rl = bytes(a, r->a0, r->a1), rr = bytes(b, r->b0, r->b1);
			if (el > (ll > lr ? ll : lr) || el > (rl > rr ? rl : rr))
				continue;
			l->a1 = r->a1;
			l->b1 = r->b1;
			memmove(e, r + 1, (bv->n - k - 2) * sizeof *e);
			bv->n -= 2;
			again = 1;
			break;
		}
	}
}

/* How well a one-sided change [p, q) of tokens t reads: it should start a word after a space
 * and leave a space or punctuation after it. */
static int slide_score(const struct tpara *t, size_t p, size_t q)
{
	int s = 0;
	if (p == 0 || t->tok[p - 1].kind == TOK_SPACE)
		s += 2;
	if (t->tok[p].kind == TOK_WORD)
		s += 1;
	if (q == t->ntok || t->tok[q].kind == TOK_SPACE || t->tok[q].kind == TOK_PUNCT)
		s += 1;
	return s;
}

/* Moves an insertion or deletion between two kept stretches to where it reads best among the
 * places where it means the same ("A, {+X, +}B" rather than "A{+, X+}, B"). */
static void slide(struct bvec *bv, const struct tpara *a, const struct tpara *b)
{
	for (size_t k = 1; k + 1 < bv->n; k++) {
		struct block *l = &bv->v[k - 1], *c = &bv->v[k], *r = &bv->v[k + 1];
		if (c->eq || !l->eq || !r->eq)
			continue;
		int ins = c->a0 == c->a1;
		if (!ins && c->b0 != c->b1)
			continue;
		const struct tpara *t = ins ? b : a;
		const uint32_t *id = t->ids;
		size_t *p = ins ? &c->b0 : &c->a0, *q = ins ? &c->b1 : &c->a1;
		/* Leftmost place: shift while the token before equals the change's last. */
		size_t shift = 0;
		while (l->a1 - shift > l->a0 && *p - shift > 0 && id[*p - shift - 1] == id[*q - shift - 1] &&
		       t->tok[*q - shift - 1].kind != TOK_MARK)
			shift++;
		size_t p0 = *p - shift, q0 = *q - shift;
		size_t room = shift;         /* places to the right of the leftmost, up to the original */
		size_t rlen = ins ? r->b1 - r->b0 : r->a1 - r->a0;
		size_t extra = 0;
		while (extra < rlen && q0 + room + extra < t->ntok &&
		       id[p0 + room + extra] == id[q0 + room + extra] &&
		       t->tok[p0 + room + extra].kind != TOK_MARK)
			extra++;
		size_t best = shift;
		int best_score = -1;
		for (size_t s = 0; s <= room + extra; s++) {
			int sc = slide_score(t, p0 + s, q0 + s);
			if (sc > best_score)
				best_score = sc, best = s;
		}
		/* Apply: the change moves by (best - shift); the kept stretches follow. */
		long d = (long)best - (long)shift;
		if (d == 0)
			continue;
		*p += d, *q += d;
		l->a1 += d, l->b1 += d;
		r->a0 += d, r->b0 += d;
		if (ins)
			c->a0 += d, c->a1 += d;
		else
			c->b0 += d, c->b1 += d;
	}
	normalise(bv);
}

long tokens_compare(const struct tpara *a, const uint32_t *aid, const struct tpara *b,
                    const uint32_t *bid, struct run **out)
{
	*out = NULL;
	if (a->ntok == b->ntok && memcmp(aid, bid, a->ntok * sizeof *aid) == 0) {
		/* the same tokens: one kept run (the common case, worth no comparison) */
		struct run *r = malloc(sizeof *r);
		if (!r)
			return -1;
		*r = (struct run){ RL_EQ, 0, a->ntok, 0, b->ntok };
		*out = r;
		return a->ntok ? 1 : 0;
	}
	char *flags = calloc(a->ntok + b->ntok + 1, 1);
	if (!flags)
		return -1;
	char *del = flags, *ins = flags + a->ntok;
	if (seq_diff(aid, a->ntok, bid, b->ntok, del, ins) < 0) {
		free(flags);
		return -1;
	}
	struct bvec bv = { 0 };
	size_t i = 0, j = 0;
	int rc = 0;
	while (rc == 0 && (i < a->ntok || j < b->ntok)) {
		if (i < a->ntok && j < b->ntok && !del[i] && !ins[j]) {
			rc = bvec_push(&bv, (struct block){ 1, i, i + 1, j, j + 1 });
			i++, j++;
			continue;
		}
		size_t i0 = i, j0 = j;
		while (i < a->ntok && del[i])
			i++;
		while (j < b->ntok && ins[j])
			j++;
		rc = bvec_push(&bv, (struct block){ 0, i0, i, j0, j });
	}
	free(flags);
	if (rc < 0) {
		free(bv.v);
		return -1;
	}
	/* The tidying reads token lengths and kinds, which the ids given do not change. */
	struct tpara ta = *a, tb = *b;
	ta.ids = (uint32_t *)aid;
	tb.ids = (uint32_t *)bid;
	fold_short_equalities(&bv, &ta, &tb);
	slide(&bv, &ta, &tb);
	fold_short_equalities(&bv, &ta, &tb);
	struct run *runs = malloc((2 * bv.n + 1) * sizeof *runs);
	if (!runs) {
		free(bv.v);
		return -1;
	}
	long nr = 0;
	for (size_t k = 0; k < bv.n; k++) {
		struct block *bl = &bv.v[k];
		if (bl->eq) {
			runs[nr++] = (struct run){ RL_EQ, bl->a0, bl->a1, bl->b0, bl->b1 };
			continue;
		}
		if (bl->a1 > bl->a0)
			runs[nr++] = (struct run){ RL_DEL, bl->a0, bl->a1, bl->b0, bl->b0 };
		if (bl->b1 > bl->b0)
			runs[nr++] = (struct run){ RL_INS, bl->a1, bl->a1, bl->b0, bl->b1 };
	}
	free(bv.v);
	*out = runs;
	return nr;
}
