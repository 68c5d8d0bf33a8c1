/* test_similar.c: similarity of wording, the bound that picks candidates, and the marked
 * differences, checked against a plain dynamic-programming count. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "library/similar.h"

static double ratio(const char *a, const char *b)
{
	struct sim_words wa, wb;
	assert_int_equal(sim_words_of(a, strlen(a), &wa), 0);
	assert_int_equal(sim_words_of(b, strlen(b), &wb), 0);
	double r = sim_ratio(&wa, &wb);
	sim_words_free(&wa);
	sim_words_free(&wb);
	return r;
}

static void ratios(void **state)
{
	(void)state;
	assert_true(ratio("Reaffirms the rights of migrants", "REAFFIRMS the rights of migrants.") == 1.0);
	/* 5 of 6 and 5 words: 10 / 11 */
	double r = ratio("Reaffirms the rights of all migrants", "Reaffirms the rights of migrants");
	assert_true(r > 0.909 && r < 0.91);
	assert_true(ratio("a b c", "x y z") == 0.0);
	assert_true(ratio("", "") == 0.0);
	/* order counts: the same words reversed share one */
	r = ratio("one two three four", "four three two one");
	assert_true(r > 0.24 && r < 0.26);
}

static size_t lcs_plain(const uint64_t *a, size_t n, const uint64_t *b, size_t m)
{
	size_t *prev = calloc(m + 1, sizeof *prev), *cur = calloc(m + 1, sizeof *cur);
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++)
			cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1
			       : prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
		size_t *t = prev;
		prev = cur;
		cur = t;
	}
	size_t r = prev[m];
	free(prev);
	free(cur);
	return r;
}

/* Random word sequences over a small vocabulary, lengths across the 64-bit blocks: the
 * bit-parallel count equals the table's. */
static void bit_parallel_equals_table(void **state)
{
	(void)state;
	static const char *const vocab[] = { "a", "b", "c", "d", "e", "f" };
	unsigned seed = 99;
	for (int iter = 0; iter < 400; iter++) {
		char ta[4096] = "", tb[4096] = "";
		seed = seed * 1103515245u + 12345u;
		int na = (int)((seed >> 16) % 200), nb;
		seed = seed * 1103515245u + 12345u;
		nb = (int)((seed >> 16) % 200);
		for (int k = 0; k < na; k++) {
			seed = seed * 1103515245u + 12345u;
			strcat(ta, vocab[(seed >> 16) % 6]);
			strcat(ta, " ");
		}
		for (int k = 0; k < nb; k++) {
			seed = seed * 1103515245u + 12345u;
			strcat(tb, vocab[(seed >> 16) % 6]);
			strcat(tb, " ");
		}
		struct sim_words wa, wb;
		assert_int_equal(sim_words_of(ta, strlen(ta), &wa), 0);
		assert_int_equal(sim_words_of(tb, strlen(tb), &wb), 0);
		struct sim_query q;
		assert_int_equal(sim_query_init(&q, &wa), 0);
		assert_int_equal(sim_query_lcs(&q, &wb), lcs_plain(wa.hash, wa.n, wb.hash, wb.n));
		sim_query_free(&q);
		sim_words_free(&wa);
		sim_words_free(&wb);
	}
}

/* The candidate bounds are sound: a text at or above the threshold passes both. */
static void bounds(void **state)
{
	(void)state;
	for (size_t n1 = 1; n1 < 60; n1++) {
		for (size_t n2 = 1; n2 < 120; n2++) {
			for (size_t common = 0; common <= n1 && common <= n2; common++) {
				double r = 2.0 * (double)common / (double)(n1 + n2);
				if (r < 0.8)
					continue;
				assert_true(sim_length_ok(n1, n2, 0.8));
				/* b misses n1 - common of a's words: fewer than the prefix */
				assert_true(n1 - common < sim_prefix_words(n1, 0.8));
			}
		}
	}
	assert_int_equal(sim_prefix_words(30, 0.8), 11);   /* needs 20 of 30 */
	assert_false(sim_length_ok(30, 19, 0.8));
	assert_false(sim_length_ok(30, 46, 0.8));
}

static char *marked(const char *a, const char *b)
{
	struct sim_words wa, wb;
	assert_int_equal(sim_words_of(a, strlen(a), &wa), 0);
	assert_int_equal(sim_words_of(b, strlen(b), &wb), 0);
	char *m = sim_marked(a, strlen(a), &wa, b, strlen(b), &wb, "[-", "-]", "{+", "+}");
	sim_words_free(&wa);
	sim_words_free(&wb);
	return m;
}

static void marking(void **state)
{
	(void)state;
	char *m = marked("Urges States to protect the rights of migrants;",
	                 "Urges all States to protect effectively the human rights of all migrants;");
	assert_string_equal(m, "Urges {+all+} States to protect {+effectively+} the {+human+} rights of "
	                       "{+all+} migrants;");
	free(m);
	m = marked("Calls upon States to adopt measures.", "Calls upon Member States to take measures.");
	assert_string_equal(m, "Calls upon {+Member+} States to [-adopt-] {+take+} measures.");
	free(m);
	m = marked("Decides to remain seized of the matter.", "Decides to remain seized of the matter.");
	assert_string_equal(m, "Decides to remain seized of the matter.");
	free(m);
	m = marked("Notes the report.", "Notes the report with appreciation.");
	assert_string_equal(m, "Notes the report {+with appreciation+}.");
	free(m);
	m = marked("Notes with appreciation the report.", "Notes the report.");
	assert_string_equal(m, "Notes [-with appreciation-] the report.");
	free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ratios),
		cmocka_unit_test(bit_parallel_equals_table),
		cmocka_unit_test(bounds),
		cmocka_unit_test(marking),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
