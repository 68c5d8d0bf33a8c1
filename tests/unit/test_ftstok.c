/* test_ftstok.c: the library's words: folded as search folds, Chinese one character a word,
 * word starts, the index's queries, and the tokenizer inside SQLite's FTS5. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "library/ftstok.h"

struct collect {
	char buf[1024];
	size_t len;
	size_t starts[64], ends[64];
	int n;
};

static int collect(void *ctx, const char *w, size_t wl, size_t s, size_t e)
{
	struct collect *c = ctx;
	if (c->len)
		c->buf[c->len++] = '|';
	memcpy(c->buf + c->len, w, wl);
	c->len += wl;
	c->buf[c->len] = '\0';
	if (c->n < 64) {
		c->starts[c->n] = s;
		c->ends[c->n] = e;
	}
	c->n++;
	return 0;
}

static const char *words_of(const char *s, struct collect *c)
{
	memset(c, 0, sizeof *c);
	assert_int_equal(ftstok_words(s, strlen(s), collect, c), 0);
	return c->buf;
}

static void words(void **state)
{
	(void)state;
	struct collect c;
	assert_string_equal(words_of("Réaffirme  la RÉUNIFICATION", &c), "reaffirme|la|reunification");
	assert_int_equal(c.starts[0], 0);
	assert_int_equal(c.ends[0], 10);                /* "Réaffirme": 10 bytes */
	assert_int_equal(c.starts[2], 15);
	/* hyphens of every kind cut words alike; the soft hyphen and marks join them */
	assert_string_equal(words_of("pre\xE2\x80\x91recorded co\xC2\xAD" "operation e\xCC\x81tat", &c),
	                    "pre|recorded|cooperation|etat");
	assert_string_equal(words_of("A/RES/78/217, paragraph 13 (b)", &c), "a|res|78|217|paragraph|13|b");
	/* Chinese: one character a word; Arabic and Cyrillic words whole */
	assert_string_equal(words_of("大会决定 Генеральная Ассамблея", &c),
	                    "大|会|决|定|генеральная|ассамблея");
	assert_string_equal(words_of("  ...  ", &c), "");
	assert_int_equal(c.n, 0);
}

static void word_starts(void **state)
{
	(void)state;
	const char *t = "the migrants, pre\xE2\x80\x91recorded; e\xCC\x81tat 大会";
	size_t n = strlen(t);
	assert_true(ftstok_word_start(t, n, 0));
	assert_true(ftstok_word_start(t, n, 4));        /* migrants */
	assert_false(ftstok_word_start(t, n, 6));       /* (mi)grants */
	assert_true(ftstok_word_start(t, n, 12));       /* "," starts nothing but cuts nothing */
	assert_true(ftstok_word_start(t, n, 20));       /* recorded, after U+2011 */
	const char *tat = strstr(t, "tat");
	assert_false(ftstok_word_start(t, n, (size_t)(tat - t)));   /* é + combining mark */
	const char *hui = strstr(t, "会");
	assert_true(ftstok_word_start(t, n, (size_t)(hui - t)));     /* every Han character */
}

static void phrase_queries(void **state)
{
	(void)state;
	int nw;
	char *q = ftstok_query("Migrant  children", &nw);
	assert_string_equal(q, "\"migrant\" \"children\" *");
	assert_int_equal(nw, 2);
	free(q);
	q = ftstok_query("migrants, ", &nw);
	assert_string_equal(q, "\"migrants\"");
	free(q);
	q = ftstok_query("pre\xE2\x80\x91recorded\xC2\xA0", &nw);
	assert_string_equal(q, "\"pre\" \"recorded\" *");
	free(q);
	q = ftstok_query("\"quoted\" words", &nw);
	assert_string_equal(q, "\"quoted\" \"words\" *");
	free(q);
	q = ftstok_query(" -- ", &nw);
	assert_null(q);
	assert_int_equal(nw, 0);
	q = ftstok_query("大会", &nw);
	assert_string_equal(q, "\"大\" \"会\"");
	free(q);
}

static int count_rows(sqlite3 *db, const char *match)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &st,
	                                    NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void inside_fts5(void **state)
{
	(void)state;
	sqlite3 *db;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(ftstok_register(db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='gavel', "
	                              "content='', detail=none);"
	                              "INSERT INTO t VALUES ('Réunification des familles');"
	                              "INSERT INTO t VALUES ('a pre‑recorded statement');"
	                              "INSERT INTO t VALUES ('大会决定');"
	                              "INSERT INTO t VALUES ('migrant children and MIGRANTS');",
	                              NULL, NULL, NULL), SQLITE_OK);
	int nw;
	char *q = ftstok_query("REUNIFICATION des", &nw);
	assert_int_equal(count_rows(db, q), 1);
	free(q);
	q = ftstok_query("pre-recorded statement", &nw);
	assert_int_equal(count_rows(db, q), 1);
	free(q);
	q = ftstok_query("会决", &nw);
	assert_int_equal(count_rows(db, q), 1);
	free(q);
	q = ftstok_query("migrant", &nw);     /* prefix: migrant, migrants */
	assert_int_equal(count_rows(db, q), 1);
	free(q);
	q = ftstok_query("children migrant", &nw);     /* every word, in any order */
	assert_int_equal(count_rows(db, q), 1);
	free(q);
	q = ftstok_query("children of migrants", &nw);
	assert_int_equal(count_rows(db, q), 0);
	free(q);
	sqlite3_close(db);
}

static int count_cb(void *ctx, const char *w, size_t wl, size_t s, size_t e)
{
	(void)w;
	(void)wl;
	(void)s;
	(void)e;
	(*(size_t *)ctx)++;
	return 0;
}

/* Counting without folding gives the folded words' count, on random texts of every kind of
 * character folding touches. */
static void count_equals_words(void **state)
{
	(void)state;
	static const char *const pieces[] = { "a", "Z", "9", " ", "-", ",", "\xC3\xA9", "\xC3\x89",
		"a", "b", "c", " ", " ", "Ab", "\xEF\xA4\x80", "\xEF\xBC\xA1", "\xE2\x85\xA0",
		"e\xCC\x81", "\xCC\x81", "\xC3\x9F", "\xEF\xAC\x81", "\xC2\xAD", "\xE2\x80\x8B",
		"\xE2\x80\x91", "\xC2\xA0", "\xE5\xA4\xA7", "\xE4\xBC\x9A", "\xD0\x9C", "\xD9\x85",
		"\xD9\x8E", "\xFF", "\xE2\x82", "\xF0\x9F\x98\x80", "\xE2\x84\xAA", "\xE3\x81\x82" };
	static const char *const ascii[] = { "a", "Bc", "d9", " ", "  ", "-", ".", "x", "Q" };
	unsigned seed = 11;
	char buf[512];
	for (int iter = 0; iter < 20000; iter++) {
		size_t n = 0;
		seed = seed * 1103515245u + 12345u;
		int count = (int)((seed >> 16) % 60);
		for (int k = 0; k < count; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *pc = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
			/* every other text mostly ASCII: ftstok_words' fast cut */
			if (iter % 2 == 0 && (seed >> 8) % 10 < 8)
				pc = ascii[(seed >> 4) % (sizeof ascii / sizeof *ascii)];
			size_t l = strlen(pc);
			if (n + l >= sizeof buf)
				break;
			memcpy(buf + n, pc, l);
			n += l;
		}
		size_t words = 0;
		assert_int_equal(ftstok_words(buf, n, count_cb, &words), 0);
		/* the fast cut gives the reference's words, byte for byte */
		struct collect a, b;
		memset(&a, 0, sizeof a);
		memset(&b, 0, sizeof b);
		assert_int_equal(ftstok_words(buf, n, collect, &a), 0);
		assert_int_equal(ftstok_words_folded(buf, n, collect, &b), 0);
		assert_int_equal(a.n, b.n);
		assert_string_equal(a.buf, b.buf);
		if (ftstok_count(buf, n) != words)
			fprintf(stderr, "iteration %d: %zu words, counted %zu\n", iter, words,
			        ftstok_count(buf, n));
		assert_int_equal(ftstok_count(buf, n), words);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(words),
		cmocka_unit_test(word_starts),
		cmocka_unit_test(phrase_queries),
		cmocka_unit_test(inside_fts5),
		cmocka_unit_test(count_equals_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
