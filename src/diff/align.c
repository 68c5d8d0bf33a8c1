/* align.c: which paragraph of the new resolution carries which of the old. Numbers cannot
 * say (a paragraph inserted early renumbers all after it), so content does, in three passes
 * from the surest to the least sure: the same text in the same order (a longest common
 * subsequence of whole paragraphs), the same text out of order (moved), then the most similar
 * pairs by words kept, at least half, with a small preference for the place where the
 * paragraph would stand in order. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "diff/diff-int.h"
#include "diff/seq.h"

#define MIN_SIMILARITY 0.5
/* Footnotes are short citations whose form ("Resolution 73/195, annex.") is half their words:
 * two of them pair on similarity alone only when two thirds of the words are kept (a changed
 * one cited at the same place pairs at 0.5, in redline.c). */
#define MIN_SIMILARITY_FOOTNOTE (2.0 / 3.0)
#define IN_PLACE_BONUS 0.1    /* small: a better match elsewhere still wins */

enum { CLS_PREAMBLE, CLS_OPERATIVE, CLS_ANNEX, CLS_FOOTNOTE, CLS_PLAIN };

int align_class(enum para_kind k)
{
	switch (k) {
	case PARA_PREAMBLE:
		return CLS_PREAMBLE;
	case PARA_OPERATIVE:
	case PARA_SUB:
		return CLS_OPERATIVE;
	case PARA_ANNEX_TITLE:
	case PARA_ANNEX_HEADING:
	case PARA_ANNEX:
		return CLS_ANNEX;
	case PARA_FOOTNOTE:
		return CLS_FOOTNOTE;
	case PARA_PLAIN:
		break;
	}
	return CLS_PLAIN;
}

int align_compatible(int x, int y)
{
	if (x == y)
		return 1;
	if (x == CLS_FOOTNOTE || y == CLS_FOOTNOTE)
		return 0;
	return x == CLS_PLAIN || y == CLS_PLAIN;
}

static void pair(struct dside *a, struct dside *b, int i, int j, double sim)
{
	a->match[i] = j;
	b->match[j] = i;
	a->sim[i] = b->sim[j] = sim;
}

/* The unpaired paragraphs of a list. Returns the count; *out is caller-freed. */
static long unpaired(const struct dside *s, const int *ix, size_t n, int **out)
{
	int *u = malloc((n ? n : 1) * sizeof *u);
	if (!u)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (s->match[ix[i]] < 0)
			u[k++] = ix[i];
	*out = u;
	return (long)k;
}

/* What "the same" means in a pass: all tokens, or the text without markers. */
enum key { KEY_ALL, KEY_TEXT };

static uint32_t key_of(const struct tpara *t, enum key k)
{
	return k == KEY_ALL ? t->hash_id : t->text_id;
}

/* Whether two paragraphs with equal keys are really the same (the key is a hash). */
static int same(const struct tpara *x, const struct tpara *y, enum key k)
{
	if (k == KEY_ALL)
		return x->ntok == y->ntok && memcmp(x->ids, y->ids, x->ntok * sizeof *x->ids) == 0;
	size_t i = 0, j = 0;
	for (;;) {
		while (i < x->ntok && x->tok[i].kind == TOK_MARK)
			i++;
		while (j < y->ntok && y->tok[j].kind == TOK_MARK)
			j++;
		if (i == x->ntok || j == y->ntok)
			return i == x->ntok && j == y->ntok;
		if (x->ids[i++] != y->ids[j++])
			return 0;
	}
}

/* Pass 1: the same in order. */
static int pass_in_order(struct dside *a, struct dside *b, const int *ua, size_t na,
                         const int *ub, size_t nb, enum key key)
{
	uint32_t *ha = malloc((na + nb + 1) * sizeof *ha);
	char *flags = calloc(na + nb + 1, 1);
	if (!ha || !flags) {
		free(ha);
		free(flags);
		return -1;
	}
	uint32_t *hb = ha + na;
	for (size_t i = 0; i < na; i++)
		ha[i] = a->match[ua[i]] < 0 ? key_of(&a->tp[ua[i]], key) : UINT32_MAX;
	for (size_t j = 0; j < nb; j++)
		hb[j] = b->match[ub[j]] < 0 ? key_of(&b->tp[ub[j]], key) : UINT32_MAX - 1;
	int rc = seq_diff(ha, na, hb, nb, flags, flags + na) < 0 ? -1 : 0;
	for (size_t i = 0, j = 0; rc == 0 && i < na && j < nb;) {
		if (flags[i]) {
			i++;
		} else if (flags[na + j]) {
			j++;
		} else {
			if (a->match[ua[i]] < 0 && same(&a->tp[ua[i]], &b->tp[ub[j]], key))
				pair(a, b, ua[i], ub[j], 1.0);
			i++, j++;
		}
	}
	free(ha);
	free(flags);
	return rc;
}

struct keyed {
	uint32_t key;
	size_t pos;
};

static int keyed_cmp(const void *x, const void *y)
{
	const struct keyed *p = x, *q = y;
	if (p->key != q->key)
		return p->key < q->key ? -1 : 1;
	return p->pos < q->pos ? -1 : p->pos > q->pos;
}

/* Pass 2: the same elsewhere: each new paragraph takes the first old one like it. */
static int pass_moved(struct dside *a, struct dside *b, const int *ua, size_t na,
                      const int *ub, size_t nb, enum key key)
{
	struct keyed *k = malloc((na ? na : 1) * sizeof *k);
	if (!k)
		return -1;
	size_t n = 0;
	for (size_t i = 0; i < na; i++)
		if (a->match[ua[i]] < 0)
			k[n++] = (struct keyed){ key_of(&a->tp[ua[i]], key), i };
	if (n > 1)
		qsort(k, n, sizeof *k, keyed_cmp);
	for (size_t j = 0; j < nb; j++) {
		if (b->match[ub[j]] >= 0)
			continue;
		uint32_t want = key_of(&b->tp[ub[j]], key);
		size_t lo = 0, hi = n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (k[mid].key < want)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < n && k[lo].key == want; lo++) {
			int i = ua[k[lo].pos];
			if (a->match[i] < 0 && same(&a->tp[i], &b->tp[ub[j]], key)) {
				pair(a, b, i, ub[j], 1.0);
				break;
			}
		}
	}
	free(k);
	return 0;
}

/* Words in common, counted as multisets: an upper bound of the words kept in order. */
static size_t common_words(const struct tpara *x, const struct tpara *y)
{
	size_t i = 0, j = 0, c = 0;
	while (i < x->nwords && j < y->nwords) {
		if (x->sorted[i] < y->sorted[j])
			i++;
		else if (x->sorted[i] > y->sorted[j])
			j++;
		else
			c++, i++, j++;
	}
	return c;
}

/* The similarity of two paragraphs if it can reach `min`, else a value below it; -1 when out
 * of memory. Cheap bounds first: lengths, then words in common, then words kept in order
 * (against x's pattern, built on first use into *pat). */
static double similarity_at_least(const struct tpara *x, const struct tpara *y, double min,
                                  struct lcs_pat *pat, int *have_pat)
{
	size_t sum = x->nwords + y->nwords;
	if (sum == 0)
		return 1.0;
	size_t lo = x->nwords < y->nwords ? x->nwords : y->nwords;
	if (2.0 * (double)lo / (double)sum < min)
		return 0.0;
	if (2.0 * (double)common_words(x, y) / (double)sum < min)
		return 0.0;
	if (!*have_pat) {
		if (lcs_pat_build(pat, x->words, x->nwords) < 0)
			return -1.0;
		*have_pat = 1;
	}
	long kept = lcs_pat_run(pat, y->words, y->nwords);
	if (kept < 0)
		return -1.0;
	return 2.0 * (double)kept / (double)sum;
}

struct cand {
	double score, sim, dist;
	int i, j;
};

static int cand_cmp(const void *x, const void *y)
{
	const struct cand *p = x, *q = y;
	if (p->score != q->score)
		return p->score > q->score ? -1 : 1;
	if (p->dist != q->dist)
		return p->dist < q->dist ? -1 : 1;
	if (p->i != q->i)
		return p->i - q->i;
	return p->j - q->j;
}

/* For each old position, the new positions of the nearest pairs before and after it: a new
 * paragraph between them stands where the old one stood. */
static int gaps(const struct dside *a, const struct dside *b, const int *ia, size_t na,
                const int *ib, size_t nb, long **lo_out, long **hi_out)
{
	long *pos = malloc((b->res->npara + 1) * sizeof *pos);
	long *lo = malloc((na + 1) * sizeof *lo), *hi = malloc((na + 1) * sizeof *hi);
	if (!pos || !lo || !hi) {
		free(pos);
		free(lo);
		free(hi);
		return -1;
	}
	for (size_t j = 0; j < b->res->npara; j++)
		pos[j] = -1;
	for (size_t j = 0; j < nb; j++)
		pos[ib[j]] = (long)j;
	long run = -1;
	for (size_t i = 0; i < na; i++) {
		lo[i] = run;
		int m = a->match[ia[i]];
		if (m >= 0 && pos[m] >= 0 && pos[m] > run)
			run = pos[m];
	}
	run = (long)nb;
	for (size_t i = na; i-- > 0;) {
		hi[i] = run;
		int m = a->match[ia[i]];
		if (m >= 0 && pos[m] >= 0 && pos[m] < run)
			run = pos[m];
	}
	free(pos);
	*lo_out = lo;
	*hi_out = hi;
	return 0;
}

/* Pass 3: the most similar pairs, best first. */
static int pass_similar(struct dside *a, struct dside *b, const int *ia, size_t na,
                        const int *ib, size_t nb)
{
	long *lo, *hi;
	if (gaps(a, b, ia, na, ib, nb, &lo, &hi) < 0)
		return -1;
	double min = MIN_SIMILARITY;
	for (size_t i = 0; i < na; i++)
		if (a->match[ia[i]] < 0 && tpara_sort_words(&a->tp[ia[i]]) < 0)
			return free(lo), free(hi), -1;
	for (size_t j = 0; j < nb; j++)
		if (b->match[ib[j]] < 0 && tpara_sort_words(&b->tp[ib[j]]) < 0)
			return free(lo), free(hi), -1;
	struct cand *c = NULL;
	size_t nc = 0, cap = 0;
	int rc = 0;
	for (size_t i = 0; i < na && rc == 0; i++) {
		if (a->match[ia[i]] >= 0)
			continue;
		const struct tpara *x = &a->tp[ia[i]];
		struct lcs_pat pat;
		int have_pat = 0;
		for (size_t j = 0; j < nb; j++) {
			if (b->match[ib[j]] >= 0)
				continue;
			const struct tpara *y = &b->tp[ib[j]];
			if (!align_compatible(x->cls, y->cls))
				continue;
			min = x->cls == CLS_FOOTNOTE ? MIN_SIMILARITY_FOOTNOTE : MIN_SIMILARITY;
			double sim = similarity_at_least(x, y, min, &pat, &have_pat);
			if (sim < 0) {
				rc = -1;
				break;
			}
			if (sim < min)
				continue;
			if (nc == cap) {
				cap = cap ? cap * 2 : 64;
				struct cand *nv = realloc(c, cap * sizeof *nv);
				if (!nv) {
					rc = -1;
					break;
				}
				c = nv;
			}
			int in_place = (long)j > lo[i] && (long)j < hi[i];
			double d = (double)i / (double)na - (double)j / (double)nb;
			c[nc++] = (struct cand){ sim + (in_place ? IN_PLACE_BONUS : 0), sim,
			                         d < 0 ? -d : d, ia[i], ib[j] };
		}
		if (have_pat)
			lcs_pat_free(&pat);
	}
	if (rc == 0 && nc) {
		if (nc > 1)
			qsort(c, nc, sizeof *c, cand_cmp);
		for (size_t k = 0; k < nc; k++)
			if (a->match[c[k].i] < 0 && b->match[c[k].j] < 0)
				pair(a, b, c[k].i, c[k].j, c[k].sim);
	}
	free(c);
	free(lo);
	free(hi);
	return rc;
}

int align_exact(struct dside *a, struct dside *b, const int *ia, size_t na, const int *ib,
                size_t nb)
{
	int *ua, *ub;
	long nua = unpaired(a, ia, na, &ua);
	if (nua < 0)
		return -1;
	long nub = unpaired(b, ib, nb, &ub);
	if (nub < 0) {
		free(ua);
		return -1;
	}
	int rc = 0;
	for (enum key k = KEY_ALL; k <= KEY_TEXT && rc == 0; k++) {
		rc = pass_in_order(a, b, ua, (size_t)nua, ub, (size_t)nub, k);
		if (rc == 0)
			rc = pass_moved(a, b, ua, (size_t)nua, ub, (size_t)nub, k);
	}
	free(ua);
	free(ub);
	return rc;
}

int align_similar(struct dside *a, struct dside *b, const int *ia, size_t na, const int *ib,
                  size_t nb)
{
	return pass_similar(a, b, ia, na, ib, nb);
}

int align_paragraphs(struct dside *a, struct dside *b, const int *ia, size_t na, const int *ib,
                     size_t nb)
{
	int rc = align_exact(a, b, ia, na, ib, nb);
	return rc ? rc : align_similar(a, b, ia, na, ib, nb);
}
