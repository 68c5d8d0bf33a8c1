/* test_fold.c: case and accent folding with its byte map, smart case and search hits. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "text/fold.h"

static void fold_accents_and_case(void **state)
{
	(void)state;
	struct folded f;
	const char *s = "R\xC3\xA9unification STRA\xC3\x9F" "E";   /* Réunification STRAßE */
	assert_int_equal(text_fold(s, strlen(s), &f), 0);
	assert_string_equal(f.s, "reunification strasse");
	assert_int_equal(f.map[0], 0);
	assert_int_equal(f.map[1], 1);    /* é (bytes 1-2) folds to "e" */
	assert_int_equal(f.map[2], 3);
	assert_int_equal(f.map[18], 19);  /* ß -> "ss" both map to its first byte */
	assert_int_equal(f.map[19], 19);
	assert_int_equal(f.map[f.len], strlen(s));
	fold_free(&f);

	/* Decomposed input folds the same as precomposed. */
	assert_int_equal(text_fold("re\xCC\x81union", 9, &f), 0);
	assert_string_equal(f.s, "reunion");
	fold_free(&f);
}

static void fold_whitespace_and_format(void **state)
{
	(void)state;
	struct folded f;
	const char *s = "migrant \n\t children\xC2\xA0:\xE2\x80\xAF\xC2\xBB co\xC2\xAD" "operation";
	assert_int_equal(text_fold(s, strlen(s), &f), 0);
	assert_string_equal(f.s, "migrant children : \xC2\xBB cooperation");
	fold_free(&f);
}

static void fold_keep_case(void **state)
{
	(void)state;
	struct folded f;
	assert_int_equal(text_fold_mode("R\xC3\xA9union \xC3\x89tat", 14, 1, &f), 0);
	assert_string_equal(f.s, "Reunion Etat");
	fold_free(&f);
}

static void fold_other_scripts(void **state)
{
	(void)state;
	struct folded f;
	/* Cyrillic upper -> lower; Arabic harakat dropped (مُهاجِر -> مهاجر); Greek final sigma. */
	const char *ru = "\xD0\x9C\xD0\x98\xD0\x93\xD0\xA0\xD0\x90\xD0\x9D\xD0\xA2";   /* МИГРАНТ */
	assert_int_equal(text_fold(ru, strlen(ru), &f), 0);
	assert_string_equal(f.s, "\xD0\xBC\xD0\xB8\xD0\xB3\xD1\x80\xD0\xB0\xD0\xBD\xD1\x82");
	fold_free(&f);
	const char *ar = "\xD9\x85\xD9\x8F\xD9\x87\xD8\xA7\xD8\xAC\xD9\x90\xD8\xB1";
	assert_int_equal(text_fold(ar, strlen(ar), &f), 0);
	assert_string_equal(f.s, "\xD9\x85\xD9\x87\xD8\xA7\xD8\xAC\xD8\xB1");
	fold_free(&f);
}

static int hits_of(const char *pattern, const char *text, struct search_hit **h);

/* Hyphen variants fold to '-', and a pattern typed with '-' finds them all; the em dash
 * stays itself. */
static void fold_hyphens(void **state)
{
	(void)state;
	struct folded f;
	/* pre‑recorded (U+2011), 2015–2030 (en dash), −5 (minus), full-width －, em dash — */
	const char *s = "pre\xE2\x80\x91recorded 2015\xE2\x80\x93" "2030 \xE2\x88\x92" "5 a\xEF\xBC\x8D" "b "
	                "x\xE2\x80\x94y";
	assert_int_equal(text_fold(s, strlen(s), &f), 0);
	assert_string_equal(f.s, "pre-recorded 2015-2030 -5 a-b x\xE2\x80\x94y");
	assert_int_equal(f.map[3], 3);
	assert_int_equal(f.map[4], 6);
	fold_free(&f);
	struct search_hit *h;
	assert_int_equal(hits_of("pre-recorded", s, &h), 1);
	assert_int_equal(h[0].start, 0);
	assert_int_equal(h[0].end, 14);
	free(h);
	assert_int_equal(hits_of("2015-2030", s, &h), 1);
	free(h);
	assert_int_equal(hits_of("Pre-recorded statement", "a Pre\xE2\x80\x90recorded\xC2\xA0statement", &h), 1);
	free(h);
	assert_int_equal(hits_of("x-y", s, &h), 0);
}

static void fold_invalid(void **state)
{
	(void)state;
	struct folded f;
	assert_int_equal(text_fold("a\xFF" "B\xE2\x82", 5, &f), 0);
	assert_string_equal(f.s, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
	assert_int_equal(f.map[f.len], 5);
	fold_free(&f);
}

static int hits_of(const char *pattern, const char *text, struct search_hit **h)
{
	struct search_pat p;
	assert_int_equal(search_compile(pattern, &p), 0);
	int n = search_text(&p, text, strlen(text), h);
	search_pat_free(&p);
	return n;
}

static void search_accent_insensitive(void **state)
{
	(void)state;
	const char *t = "facilitate family r\xC3\xA9unification and promote";
	struct search_hit *h;
	assert_int_equal(hits_of("reunification", t, &h), 1);
	assert_int_equal(h[0].start, 18);
	assert_int_equal(h[0].end, 32);      /* "réunification" is 14 bytes */
	free(h);
	assert_int_equal(hits_of("R\xC3\x89UNIFICATION", "x REUNIFICATION y", &h), 1);
	free(h);
}

static void search_smart_case(void **state)
{
	(void)state;
	const char *t = "Migrants and migrants and MIGRANTS";
	struct search_hit *h;
	assert_int_equal(hits_of("migrants", t, &h), 3);
	assert_int_equal(h[2].start, 26);
	free(h);
	assert_int_equal(hits_of("Migrants", t, &h), 1);
	assert_int_equal(h[0].start, 0);
	free(h);
	assert_int_equal(hits_of("MIGRANTS", t, &h), 1);
	assert_int_equal(h[0].start, 26);
	free(h);
	/* Capital but accent-free pattern still finds the accented text. */
	assert_int_equal(hits_of("Etat", "l'\xC3\x89tat et l'etat", &h), 1);
	assert_int_equal(h[0].start, 2);
	assert_int_equal(h[0].end, 7);
	free(h);
}

static void search_across_whitespace(void **state)
{
	(void)state;
	const char *t = "rights of migrant\n   children, in particular unaccompanied migrant "
	                "children";
	struct search_hit *h;
	assert_int_equal(hits_of("  migrant children ", t, &h), 2);
	assert_int_equal(h[0].start, 10);
	assert_int_equal(h[0].end, 29);
	assert_memory_equal(t + h[1].start, "migrant children", 16);
	assert_int_equal(h[1].end, strlen(t));
	free(h);
}

static void search_hit_ends(void **state)
{
	(void)state;
	struct search_hit *h;
	/* A hit ending inside "ß" -> "ss" takes the whole character. */
	assert_int_equal(hits_of("stras", "Stra\xC3\x9F" "e", &h), 1);
	assert_int_equal(h[0].end, 6);
	free(h);
	/* Combining marks after the last letter belong to the hit. */
	assert_int_equal(hits_of("re", "re\xCC\x81" "el", &h), 1);
	assert_int_equal(h[0].end, 4);
	free(h);
	/* Non-overlapping, left to right. */
	assert_int_equal(hits_of("aa", "aaaaa", &h), 2);
	assert_int_equal(h[1].start, 2);
	free(h);
}

static void search_nothing(void **state)
{
	(void)state;
	struct search_hit *h = (struct search_hit *)1;
	assert_int_equal(hits_of("absent", "nothing here", &h), 0);
	assert_null(h);
	assert_int_equal(hits_of("   ", "a b c", &h), 0);
	assert_int_equal(hits_of("x", "", &h), 0);
}

/* Random text with invalid bytes, marks and spaces: hits stay in bounds, in order, on
 * character boundaries, and a pattern taken from a plain word of the text is found. */
static void random_texts(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"Mig", "rant", " ", "\n\t ", "\xC3\xA9", "E\xCC\x81", "\xCC\x81", "\xC3\x9F",
		"\xE5\xA4\xA7", "\xC2\xA0", "\xFF", "\xE2\x82", "\xD0\x9C", "\xC2\xAD", "x",
	};
	unsigned seed = 777;
	char buf[600];
	struct search_pat p;
	assert_int_equal(search_compile("migrant", &p), 0);
	for (int iter = 0; iter < 3000; iter++) {
		size_t n = 0;
		int count = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 50;
		for (int k = 0; k < count; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *s = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
			memcpy(buf + n, s, strlen(s));
			n += strlen(s);
		}
		memcpy(buf + n, " migrants", 9);
		n += 9;
		buf[n] = '\0';
		struct search_hit *h;
		int nh = search_text(&p, buf, n, &h);
		assert_true(nh >= 1);
		size_t prev = 0;
		for (int i = 0; i < nh; i++) {
			assert_true(h[i].start >= prev && h[i].start < h[i].end && h[i].end <= n);
			assert_true(((unsigned char)buf[h[i].start] & 0xC0) != 0x80);
			assert_true(h[i].end == n || ((unsigned char)buf[h[i].end] & 0xC0) != 0x80);
			prev = h[i].end;
		}
		assert_int_equal(h[nh - 1].start, n - 8);
		free(h);
	}
	search_pat_free(&p);
}

/* The reference search: fold the whole text with its map and take memmem's hits left to right,
 * as fold.h defines them. search_text's word fast path must give exactly these. */
static int reference_hits(const struct search_pat *p, const char *s, size_t n,
                          struct search_hit **out)
{
	*out = NULL;
	if (p->len == 0 || n == 0)
		return 0;
	struct folded f;
	assert_int_equal(text_fold_mode(s, n, p->case_sensitive, &f), 0);
	struct search_hit *v = malloc((f.len / p->len + 1) * sizeof *v);
	assert_non_null(v);
	int count = 0;
	size_t at = 0;
	while (at + p->len <= f.len) {
		const char *m = memmem(f.s + at, f.len - at, p->needle, p->len);
		if (!m)
			break;
		size_t fs = (size_t)(m - f.s), fe = fs + p->len, k = fe;
		while (k < f.len && f.map[k] == f.map[fe - 1])
			k++;
		v[count].start = f.map[fs];
		v[count].end = k < f.len ? f.map[k] : n;
		count++;
		at = fe;
	}
	fold_free(&f);
	if (!count) {
		free(v);
		v = NULL;
	}
	*out = v;
	return count;
}

static void same_as_reference(const struct search_pat *p, const char *s, size_t n)
{
	struct search_hit *a, *b;
	int na = search_text(p, s, n, &a), nb = reference_hits(p, s, n, &b);
	if (na != nb)
		fprintf(stderr, "pattern \"%s\": %d hits, reference %d\n", p->needle, na, nb);
	assert_int_equal(na, nb);
	for (int i = 0; i < na; i++) {
		assert_int_equal(a[i].start, b[i].start);
		assert_int_equal(a[i].end, b[i].end);
	}
	free(a);
	free(b);
}

static const char *const diff_patterns[] = {
	"migrants", "Migrants", "MIG", "rants", "ss", "e", "fi", "k", "a-b", "rants.", "x1",
	"migrant children", "r\xC3\xA9unification", "Stra\xC3\x9F" "e", "\xD0\xBC",
};

/* Random texts of ASCII in both cases, every kind of white space, accents precomposed and
 * combining, letters that fold to several ASCII letters (ß, the fi ligature, the Kelvin sign),
 * format characters, CJK and invalid or truncated UTF-8: every pattern gives exactly the
 * reference's hits. Long texts so the 16-byte scan and its tail both run. */
static void search_matches_reference(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"mig", "MIG", "Mig", "rants", "RANTS", "ants", "s", "S", "e", "E", "fi", "k", "K",
		"a-b", "A-B", ".", "x1", " ", "  ", "\t", "\n", "\r\n", "\v", "\f", "\xC3\xA9",
		"\xC3\x89", "E\xCC\x81", "\xCC\x81", "\xC3\x9F", "\xEF\xAC\x81", "\xE2\x84\xAA",
		"\xC2\xAD", "\xE2\x80\x8B", "\xC2\xA0", "\xE3\x80\x80", "\xE5\xA4\xA7", "\xD0\x9C",
		"\xD0\xBC", "\xFF", "\xC3", "\xE2\x82", "\xF0\x9F\x98\x80", "\xC5\xBF", "\x01",
		"migrants", "Migrants", "children", "\xE2\x80\x91", "\xE2\x80\x93", "\xE2\x88\x92",
		"\xE2\x80\x94",
	};
	struct search_pat pats[sizeof diff_patterns / sizeof *diff_patterns];
	size_t np = sizeof pats / sizeof *pats;
	for (size_t i = 0; i < np; i++)
		assert_int_equal(search_compile(diff_patterns[i], &pats[i]), 0);
	unsigned seed = 4242;
	char buf[4096];
	for (int iter = 0; iter < 20000; iter++) {
		size_t n = 0;
		seed = seed * 1103515245u + 12345u;
		int count = (int)((seed >> 16) % (iter % 10 == 0 ? 600 : 80));
		/* Some texts without white space, so that long pieces take the general fold. */
		int no_space = iter % 7 == 0;
		for (int k = 0; k < count; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *pc = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
			if (no_space && (pc[0] == ' ' || pc[0] == '\t' || pc[0] == '\n' || pc[0] == '\r'))
				pc = "\xC3\xA9";
			size_t l = strlen(pc);
			if (n + l >= sizeof buf)
				break;
			memcpy(buf + n, pc, l);
			n += l;
		}
		for (size_t i = 0; i < np; i++)
			same_as_reference(&pats[i], buf, n);
	}
	for (size_t i = 0; i < np; i++)
		search_pat_free(&pats[i]);
}

/* The same on real resolutions, whole and line by line, with words taken from them. */
static void search_matches_reference_real(void **state)
{
	(void)state;
	static const char *const files[] = {
		"share/a-res-58-190-en.ods.txt", "tests/data/sc/s-res-0101-1953.txt",
		"tests/data/sc/s-res-0242-1967.txt", "tests/data/sc/s-res-0687-1991.txt",
		"tests/data/sc/s-res-1454-2002.txt",
	};
	static const char *const words[] = {
		"migrants", "Migrants", "the", "THE", "States", "resolution", "58/190", "s,", "e",
		"Council", "in", "of the",
	};
	for (size_t fi = 0; fi < sizeof files / sizeof *files; fi++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", ABS_TOP_SRCDIR, files[fi]);
		FILE *fp = fopen(path, "rb");
		assert_non_null(fp);
		static char text[1 << 20];
		size_t n = fread(text, 1, sizeof text, fp);
		fclose(fp);
		for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
			struct search_pat p;
			assert_int_equal(search_compile(words[w], &p), 0);
			same_as_reference(&p, text, n);
			for (size_t a = 0; a < n;) {
				const char *nl = memchr(text + a, '\n', n - a);
				size_t b = nl ? (size_t)(nl - text) : n;
				same_as_reference(&p, text + a, b - a);
				a = b + 1;
			}
			search_pat_free(&p);
		}
	}
}

/* Throughput on ASCII text: must be fast (hundreds of MB/s) and never quadratic. */
static void search_throughput(void **state)
{
	(void)state;
	size_t n = 64u << 20;
	char *s = malloc(n + 1);
	assert_non_null(s);
	const char *para = "Requests all States, in conformity with national legislation and "
	                   "applicable international legal instruments, to protect migrants; ";
	size_t pl = strlen(para), i = 0;
	for (; i + pl <= n; i += pl)
		memcpy(s + i, para, pl);
	n = i;
	s[n] = '\0';
	struct search_pat p;
	assert_int_equal(search_compile("Migrant children", &p), 0);
	struct search_hit *h;
	clock_t t0 = clock();
	assert_int_equal(search_text(&p, s, n, &h), 0);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	search_pat_free(&p);
	assert_int_equal(search_compile("protect migrants", &p), 0);
	clock_t t1 = clock();
	int nh = search_text(&p, s, n, &h);
	double secs2 = (double)(clock() - t1) / CLOCKS_PER_SEC;
	assert_int_equal(nh, (int)(n / pl));
	free(h);
	search_pat_free(&p);
	fprintf(stderr, "search: %.0f MB, %.0f MB/s (no hit, case-sensitive), %.0f MB/s (%d hits)\n",
	        n / 1048576.0, n / 1048576.0 / (secs > 0 ? secs : 1e-9),
	        n / 1048576.0 / (secs2 > 0 ? secs2 : 1e-9), nh);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fold_accents_and_case),
		cmocka_unit_test(fold_whitespace_and_format),
		cmocka_unit_test(fold_keep_case),
		cmocka_unit_test(fold_other_scripts),
		cmocka_unit_test(fold_hyphens),
		cmocka_unit_test(fold_invalid),
		cmocka_unit_test(search_accent_insensitive),
		cmocka_unit_test(search_smart_case),
		cmocka_unit_test(search_across_whitespace),
		cmocka_unit_test(search_hit_ends),
		cmocka_unit_test(search_nothing),
		cmocka_unit_test(random_texts),
		cmocka_unit_test(search_matches_reference),
		cmocka_unit_test(search_matches_reference_real),
		cmocka_unit_test(search_throughput),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
