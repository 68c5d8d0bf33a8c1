/* test_seq.c: the edit script is a common subsequence of both inputs and, where the search is
 * allowed to finish, as long as the dynamic programme's longest. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "diff/diff-int.h"
#include "diff/seq.h"

/* The length of a longest common subsequence, by the textbook table. */
static long lcs(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	long *row = calloc(nb + 1, sizeof *row), *prev = calloc(nb + 1, sizeof *prev);
	for (size_t i = 1; i <= na; i++) {
		for (size_t j = 1; j <= nb; j++) {
			if (a[i - 1] == b[j - 1])
				row[j] = prev[j - 1] + 1;
			else
				row[j] = row[j - 1] > prev[j] ? row[j - 1] : prev[j];
		}
		long *t = prev;
		prev = row;
		row = t;
	}
	long r = prev[nb];
	free(row);
	free(prev);
	return r;
}

/* The kept elements, read in order on both sides, are equal and as many. */
static long check_script(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
                         const char *del, const char *ins)
{
	size_t i = 0, j = 0;
	long kept = 0;
	for (;;) {
		while (i < na && del[i])
			i++;
		while (j < nb && ins[j])
			j++;
		if (i == na || j == nb)
			break;
		assert_int_equal(a[i], b[j]);
		i++, j++, kept++;
	}
	assert_int_equal(i, na);
	assert_int_equal(j, nb);
	return kept;
}

static long run(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	char *del = calloc(na + 1, 1), *ins = calloc(nb + 1, 1);
	long kept = seq_diff(a, na, b, nb, del, ins);
	assert_true(kept >= 0);
	assert_int_equal(check_script(a, na, b, nb, del, ins), kept);
	free(del);
	free(ins);
	return kept;
}

static void empty_and_equal(void **state)
{
	(void)state;
	uint32_t a[] = { 1, 2, 3 };
	assert_int_equal(run(a, 0, a, 0), 0);
	assert_int_equal(run(a, 3, a, 0), 0);
	assert_int_equal(run(a, 0, a, 3), 0);
	assert_int_equal(run(a, 3, a, 3), 3);
}

static void classic(void **state)
{
	(void)state;
	/* Myers' example: ABCABBA -> CBABAC, edit distance 5, LCS 4. */
	uint32_t a[] = { 'A', 'B', 'C', 'A', 'B', 'B', 'A' };
	uint32_t b[] = { 'C', 'B', 'A', 'B', 'A', 'C' };
	assert_int_equal(run(a, 7, b, 6), 4);
}

static void random_against_table(void **state)
{
	(void)state;
	srand(15);
	for (int t = 0; t < 400; t++) {
		size_t na = (size_t)(rand() % 60), nb = (size_t)(rand() % 60);
		int alpha = 2 + rand() % 8;
		uint32_t a[64], b[64];
		for (size_t i = 0; i < na; i++)
			a[i] = (uint32_t)(rand() % alpha);
		/* b: often an edit of a, so the searches meet in long snakes */
		if (t % 2) {
			nb = 0;
			for (size_t i = 0; i < na && nb < 60; i++) {
				int r = rand() % 10;
				if (r == 0)
					continue;
				if (r == 1)
					b[nb++] = (uint32_t)(rand() % alpha);
				if (nb < 60)
					b[nb++] = a[i];
			}
		} else {
			for (size_t j = 0; j < nb; j++)
				b[j] = (uint32_t)(rand() % alpha);
		}
		assert_int_equal(run(a, na, b, nb), lcs(a, na, b, nb));
	}
}

/* Two long unlike inputs: the cut-off gives a valid script quickly. */
static void long_unlike(void **state)
{
	(void)state;
	size_t n = 20000;
	uint32_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
	srand(7);
	for (size_t i = 0; i < n; i++) {
		a[i] = (uint32_t)(rand() % 50);
		b[i] = (uint32_t)(rand() % 50);
	}
	long kept = run(a, n, b, n);
	assert_true(kept > 0);
	free(a);
	free(b);
}

/* The bit-parallel count of words kept equals the table's, across the 64-bit word edges. */
static void bit_parallel_lcs(void **state)
{
	(void)state;
	srand(64);
	for (int t = 0; t < 300; t++) {
		size_t na = (size_t)(rand() % 200), nb = (size_t)(rand() % 200);
		if (t < 6)
			na = (size_t)(63 + t % 3), nb = (size_t)(60 + t);   /* at the edges */
		int alpha = 1 + rand() % 20;
		uint32_t a[256], b[256];
		for (size_t i = 0; i < na; i++)
			a[i] = (uint32_t)(rand() % alpha) * 7919u;
		for (size_t j = 0; j < nb; j++)
			b[j] = (uint32_t)(rand() % alpha) * 7919u;
		assert_int_equal(words_kept(a, na, b, nb), lcs(a, na, b, nb));
	}
	uint32_t x[] = { 1, 2, 3 };
	assert_int_equal(words_kept(x, 0, x, 3), 0);
	assert_int_equal(words_kept(x, 3, x, 0), 0);
	assert_int_equal(words_kept(x, 3, x, 3), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_and_equal),
		cmocka_unit_test(classic),
		cmocka_unit_test(random_against_table),
		cmocka_unit_test(long_unlike),
		cmocka_unit_test(bit_parallel_lcs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
