/* align.c: pairing two copies of a resolution by paragraph id (align.h). Ids are the one
 * thing every shape and language shares, by construction (build.h): op3.a in Arabic is
 * op3.a in English. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "doc/align.h"

struct key {
	const char *id;
	int index;
};

static int cmp_key(const void *x, const void *y)
{
	const struct key *a = x, *b = y;
	int c = strcmp(a->id, b->id);
	return c ? c : (a->index > b->index) - (a->index < b->index);
}

static int push(struct alignment *al, size_t *cap, int a, int b)
{
	if (al->nrows == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		struct align_row *nr = realloc(al->rows, nc * sizeof *nr);
		if (!nr)
			return -1;
		al->rows = nr;
		*cap = nc;
	}
	al->rows[al->nrows].a = a;
	al->rows[al->nrows].b = b;
	al->nrows++;
	al->pairs += a >= 0 && b >= 0;
	al->only_a += b < 0;
	al->only_b += a < 0;
	return 0;
}

/* b's paragraph with this id not yet taken, or -1. keys are sorted by id, then index. */
static int take(struct key *keys, size_t nk, char *taken, const char *id)
{
	if (!id || !nk)
		return -1;
	size_t lo = 0, hi = nk;
	while (lo < hi) {            /* the first key with this id */
		size_t mid = (lo + hi) / 2;
		if (strcmp(keys[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < nk && strcmp(keys[lo].id, id) == 0; lo++)
		if (!taken[keys[lo].index]) {
			taken[keys[lo].index] = 1;
			return keys[lo].index;
		}
	return -1;
}

int align_pair(const struct resolution *a, const struct resolution *b, struct alignment *out)
{
	memset(out, 0, sizeof *out);
	size_t nb = b->npara, na = a->npara, cap = 0;
	struct key *keys = malloc((nb ? nb : 1) * sizeof *keys);
	char *taken = calloc(nb ? nb : 1, 1);
	int *match = malloc((na ? na : 1) * sizeof *match);
	if (!keys || !taken || !match) {
		free(keys);
		free(taken);
		free(match);
		return -1;
	}
	size_t nk = 0;
	for (size_t j = 0; j < nb; j++)
		if (b->paras[j].id) {
			keys[nk].id = b->paras[j].id;
			keys[nk].index = (int)j;
			nk++;
		}
	if (nk > 1)
		qsort(keys, nk, sizeof *keys, cmp_key);
	for (size_t i = 0; i < na; i++)
		match[i] = take(keys, nk, taken, a->paras[i].id);
	/* In a's order; what only b has comes where b has it: before b's next paragraph that
	 * a has too. */
	size_t next_b = 0;
	int rc = 0;
	for (size_t i = 0; i < na && rc == 0; i++) {
		int j = match[i];
		if (j >= 0 && (size_t)j >= next_b) {
			for (; next_b < (size_t)j && rc == 0; next_b++)
				if (!taken[next_b])
					rc = push(out, &cap, -1, (int)next_b);
			next_b = (size_t)j + 1;
		}
		if (rc == 0)
			rc = push(out, &cap, (int)i, j);
	}
	for (; next_b < nb && rc == 0; next_b++)
		if (!taken[next_b])
			rc = push(out, &cap, -1, (int)next_b);
	free(keys);
	free(taken);
	free(match);
	if (rc)
		align_free(out);
	return rc;
}

void align_free(struct alignment *al)
{
	free(al->rows);
	memset(al, 0, sizeof *al);
}

long align_find(const struct alignment *al, int side, int index)
{
	for (size_t r = 0; r < al->nrows; r++)
		if ((side ? al->rows[r].b : al->rows[r].a) == index)
			return (long)r;
	return -1;
}
