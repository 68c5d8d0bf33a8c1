/* similar.c: words, their longest common subsequence (bit-parallel for one text against
 * many, a table for the marked differences), and the wdiff-style marking. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "library/ftstok.h"
#include "library/similar.h"

/* ---- words ---- */

struct wgrow {
	struct sim_words *w;
	size_t cap;
	int oom;
};

static uint64_t word_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;          /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h ? h : 1;
}

static int add_word(void *ctx, const char *word, size_t wl, size_t start, size_t end)
{
	struct wgrow *g = ctx;
	struct sim_words *w = g->w;
	if (w->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 32;
		uint64_t *h = realloc(w->hash, cap * sizeof *h);
		if (h)
			w->hash = h;
		size_t *s = h ? realloc(w->start, cap * sizeof *s) : NULL;
		if (s)
			w->start = s;
		size_t *e = s ? realloc(w->end, cap * sizeof *e) : NULL;
		if (!e) {
			g->oom = 1;
			return 1;
		}
		w->end = e;
		g->cap = cap;
	}
	w->hash[w->n] = word_hash(word, wl);
	w->start[w->n] = start;
	w->end[w->n] = end;
	w->n++;
	return 0;
}

int sim_words_of(const char *text, size_t len, struct sim_words *out)
{
	memset(out, 0, sizeof *out);
	struct wgrow g = { out, 0, 0 };
	if (ftstok_words(text, len, add_word, &g) < 0 || g.oom) {
		sim_words_free(out);
		return -1;
	}
	return 0;
}

void sim_words_free(struct sim_words *w)
{
	free(w->hash);
	free(w->start);
	free(w->end);
	memset(w, 0, sizeof *w);
}

int sim_length_ok(size_t n1, size_t n2, double min)
{
	if (min <= 0)
		return 1;
	double lo = (double)n1 * min / (2 - min), hi = (double)n1 * (2 - min) / min;
	return (double)n2 >= lo - 1e-9 && (double)n2 <= hi + 1e-9;
}

size_t sim_prefix_words(size_t n1, double min)
{
	double need = (double)n1 * min / (2 - min);
	size_t k = (size_t)need;
	if ((double)k < need - 1e-9)
		k++;
	return n1 >= k ? n1 - k + 1 : 1;
}

/* ---- one text against many ---- */

static size_t slot_of(const struct sim_query *q, uint64_t h)
{
	size_t i = (size_t)(h * 0x9E3779B97F4A7C15ULL) & (q->nslot - 1);
	while (q->key[i] && q->key[i] != h)
		i = (i + 1) & (q->nslot - 1);
	return i;
}

int sim_query_init(struct sim_query *q, const struct sim_words *a)
{
	memset(q, 0, sizeof *q);
	q->a = a;
	q->nblk = a->n / 64 + 1;
	q->nslot = 16;
	while (q->nslot < 2 * a->n + 2)
		q->nslot *= 2;
	q->key = calloc(q->nslot, sizeof *q->key);
	q->mask = calloc(q->nslot * q->nblk, sizeof *q->mask);
	q->v = calloc(q->nblk, sizeof *q->v);
	if (!q->key || !q->mask || !q->v) {
		sim_query_free(q);
		return -1;
	}
	for (size_t i = 0; i < a->n; i++) {
		size_t s = slot_of(q, a->hash[i]);
		q->key[s] = a->hash[i];
		q->mask[s * q->nblk + i / 64] |= (uint64_t)1 << (i % 64);
	}
	return 0;
}

void sim_query_free(struct sim_query *q)
{
	free(q->key);
	free(q->mask);
	free(q->v);
	memset(q, 0, sizeof *q);
}

size_t sim_query_lcs(const struct sim_query *q, const struct sim_words *b)
{
	size_t nb = q->nblk;
	uint64_t *v = q->v;
	for (size_t k = 0; k < nb; k++)
		v[k] = ~(uint64_t)0;
	for (size_t j = 0; j < b->n; j++) {
		size_t s = slot_of(q, b->hash[j]);
		if (!q->key[s])
			continue;                     /* a word a does not have changes nothing */
		const uint64_t *m = q->mask + s * nb;
		uint64_t carry = 0;
		for (size_t k = 0; k < nb; k++) {
			/* V' = (V + (V & M)) | (V & ~M), the addition carried across blocks */
			uint64_t u = v[k] & m[k];
			uint64_t sum = v[k] + u;
			uint64_t c1 = sum < v[k];
			uint64_t sum2 = sum + carry;
			uint64_t c2 = sum2 < sum;
			carry = c1 | c2;
			v[k] = sum2 | (v[k] & ~m[k]);
		}
	}
	size_t zeros = 0;
	for (size_t i = 0; i < q->a->n; i++)
		if (!(v[i / 64] & ((uint64_t)1 << (i % 64))))
			zeros++;
	return zeros;
}

double sim_query_ratio(const struct sim_query *q, const struct sim_words *b)
{
	size_t total = q->a->n + b->n;
	return total ? 2.0 * (double)sim_query_lcs(q, b) / (double)total : 0;
}

double sim_ratio(const struct sim_words *a, const struct sim_words *b)
{
	struct sim_query q;
	if (sim_query_init(&q, a) < 0)
		return -1;
	double r = sim_query_ratio(&q, b);
	sim_query_free(&q);
	return r;
}

/* ---- the marked differences ---- */

struct out {
	char *s;
	size_t len, cap;
	int oom;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (o->oom)
		return;
	if (o->len + n + 1 > o->cap) {
		size_t cap = (o->len + n + 1) * 2;
		char *ns = realloc(o->s, cap);
		if (!ns) {
			o->oom = 1;
			return;
		}
		o->s = ns;
		o->cap = cap;
	}
	memcpy(o->s + o->len, s, n);
	o->len += n;
	o->s[o->len] = '\0';
}

static void puts_(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

/* The table of common-subsequence lengths of suffixes: t[i][j] for a[i..], b[j..]. */
static unsigned *lcs_table(const struct sim_words *a, const struct sim_words *b)
{
	size_t w = b->n + 1;
	unsigned *t = calloc((a->n + 1) * w, sizeof *t);
	if (!t)
		return NULL;
	for (size_t i = a->n; i-- > 0;)
		for (size_t j = b->n; j-- > 0;)
			t[i * w + j] = a->hash[i] == b->hash[j] ? t[(i + 1) * w + j + 1] + 1
			             : t[(i + 1) * w + j] > t[i * w + j + 1] ? t[(i + 1) * w + j]
			                                                     : t[i * w + j + 1];
	return t;
}

/* Beyond this many cells the marking is left out: the text is returned as it is. */
#define MARK_MAX_CELLS (16u << 20)

char *sim_marked(const char *atext, size_t alen, const struct sim_words *a, const char *btext,
                 size_t blen, const struct sim_words *b, const char *del_open,
                 const char *del_close, const char *ins_open, const char *ins_close)
{
	struct out o = { NULL, 0, 0, 0 };
	(void)blen;
	if ((a->n + 1) * (b->n + 1) > MARK_MAX_CELLS) {
		put(&o, atext, alen);
		return o.oom ? NULL : o.s ? o.s : strdup("");
	}
	unsigned *t = lcs_table(a, b);
	if (!t)
		return NULL;
	size_t w = b->n + 1, i = 0, j = 0, at = 0;   /* at: how much of atext is out */
	while (i < a->n || j < b->n) {
		if (i < a->n && j < b->n && a->hash[i] == b->hash[j]) {
			put(&o, atext + at, a->end[i] - at);
			at = a->end[i];
			i++;
			j++;
			continue;
		}
		/* the words up to the next common one: old ones deleted, new ones inserted */
		size_t i0 = i, j0 = j;
		while ((i < a->n || j < b->n) &&
		       !(i < a->n && j < b->n && a->hash[i] == b->hash[j] &&
		         t[i * w + j] == t[(i + 1) * w + j + 1] + 1)) {
			if (j < b->n && (i == a->n || t[i * w + j + 1] > t[(i + 1) * w + j]))
				j++;
			else
				i++;
		}
		if (i > i0) {
			put(&o, atext + at, a->start[i0] - at);
			puts_(&o, del_open);
			put(&o, atext + a->start[i0], a->end[i - 1] - a->start[i0]);
			puts_(&o, del_close);
			at = a->end[i - 1];
		}
		if (j > j0) {
			if (i > i0) {
				puts_(&o, " ");
			} else {
				size_t to = i < a->n ? a->start[i] : at;
				put(&o, atext + at, to - at);
				at = to;
				if (i == a->n && o.len > 0)
					puts_(&o, " ");
			}
			puts_(&o, ins_open);
			put(&o, btext + b->start[j0], b->end[j - 1] - b->start[j0]);
			puts_(&o, ins_close);
			if (i == i0 && i < a->n)
				puts_(&o, " ");
		}
	}
	put(&o, atext + at, alen - at);
	free(t);
	if (o.oom) {
		free(o.s);
		return NULL;
	}
	return o.s ? o.s : strdup("");
}
