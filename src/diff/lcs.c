/* lcs.c: the length of a longest common subsequence of two word sequences, 64 positions of
 * the first at a time (H. Hyyro, "Bit-parallel LCS-length computation revisited", 2004): the
 * similarity of a paragraph to every candidate in a few hundred instructions each, exactly,
 * however unlike they are (where a shortest edit script costs the most). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "diff/diff-int.h"

/* The table from a word's number to its positions in the pattern, as bit masks. */
static size_t slot_of(const struct lcs_pat *p, uint32_t id)
{
	size_t k = (id * 0x9E3779B1u) & (p->cap - 1);
	while (p->key[k] != UINT32_MAX && p->key[k] != id)
		k = (k + 1) & (p->cap - 1);
	return k;
}

int lcs_pat_build(struct lcs_pat *p, const uint32_t *a, size_t na)
{
	memset(p, 0, sizeof *p);
	p->n = na;
	p->words = (na + 63) / 64;
	p->cap = 16;
	while (p->cap < 2 * na + 2)
		p->cap *= 2;
	p->key = malloc(p->cap * sizeof *p->key);
	p->row = malloc(p->cap * sizeof *p->row);
	p->mask = calloc((na ? na : 1) * (p->words ? p->words : 1), sizeof *p->mask);
	if (!p->key || !p->row || !p->mask) {
		lcs_pat_free(p);
		return -1;
	}
	memset(p->key, 0xFF, p->cap * sizeof *p->key);
	size_t rows = 0;
	for (size_t i = 0; i < na; i++) {
		size_t k = slot_of(p, a[i]);
		if (p->key[k] == UINT32_MAX) {
			p->key[k] = a[i];
			p->row[k] = (uint32_t)rows++;
		}
		p->mask[p->row[k] * p->words + i / 64] |= (uint64_t)1 << (i % 64);
	}
	return 0;
}

void lcs_pat_free(struct lcs_pat *p)
{
	free(p->key);
	free(p->row);
	free(p->mask);
	memset(p, 0, sizeof *p);
}

long lcs_pat_run(const struct lcs_pat *p, const uint32_t *b, size_t nb)
{
	size_t w = p->words;
	if (!w || !nb)
		return 0;
	uint64_t small[8], *v = w <= 8 ? small : malloc(w * sizeof *v);
	if (!v)
		return -1;
	for (size_t k = 0; k < w; k++)
		v[k] = ~(uint64_t)0;
	for (size_t j = 0; j < nb; j++) {
		size_t s = slot_of(p, b[j]);
		if (p->key[s] == UINT32_MAX)
			continue;             /* a word not in the pattern changes nothing */
		const uint64_t *m = p->mask + (size_t)p->row[s] * w;
		unsigned carry = 0;
		for (size_t k = 0; k < w; k++) {
			uint64_t u = v[k] & m[k];
			uint64_t sum = v[k] + u;
			unsigned c1 = sum < v[k];
			uint64_t sum2 = sum + carry;
			unsigned c2 = sum2 < sum;
			v[k] = sum2 | (v[k] & ~m[k]);
			carry = c1 | c2;
		}
	}
	long zeros = 0;
	for (size_t k = 0; k < w; k++) {
		uint64_t x = ~v[k];
		if (k == w - 1 && p->n % 64)
			x &= ((uint64_t)1 << (p->n % 64)) - 1;
		zeros += __builtin_popcountll(x);
	}
	if (v != small)
		free(v);
	return zeros;
}

long words_kept(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	struct lcs_pat p;
	if (lcs_pat_build(&p, a, na) < 0)
		return -1;
	long kept = lcs_pat_run(&p, b, nb);
	lcs_pat_free(&p);
	return kept;
}
