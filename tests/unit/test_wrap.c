/* test_wrap.c: display widths and wrapping of Latin, French, combining, CJK and huge text. */
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

#include <unilbrk.h>

#include "text/wrap.h"

static void widths(void **state)
{
	(void)state;
	assert_int_equal(text_width("abc", 3), 3);
	assert_int_equal(text_width("", 0), 0);
	assert_int_equal(text_width("r\xC3\xA9", 3), 2);                 /* ré precomposed */
	assert_int_equal(text_width("re\xCC\x81", 4), 2);                /* e + U+0301 */
	assert_int_equal(text_width("\xE5\xA4\xA7\xE4\xBC\x9A", 6), 4);  /* 大会 */
	assert_int_equal(text_width("\xEF\xBC\x8C", 3), 2);              /* full-width comma */
	assert_int_equal(text_width("a\x1b" "b", 3), 3);                 /* ESC drawn as U+FFFD */
	assert_int_equal(text_width("\xE2\x80\xAE", 3), 1);               /* RLO drawn as U+FFFD */
	assert_int_equal(text_width("\xD8\xA7\xD9\x84", 4), 2);          /* Arabic alef lam */
}

/* Checks the invariants of every wrap: lines in order, none wider than the width, each
 * line's width is what it says, nothing but spaces lost between lines. */
static void check_lines(const char *s, int width, const struct wrap_line *l, int n)
{
	size_t len = strlen(s);
	size_t prev_end = 0;
	for (int i = 0; i < n; i++) {
		assert_true(l[i].start <= l[i].end);
		assert_true(l[i].end <= len);
		assert_true(l[i].width <= width);
		assert_int_equal(text_width(s + l[i].start, l[i].end - l[i].start), l[i].width);
		for (size_t k = prev_end; k < l[i].start; k++)
			assert_true(s[k] == ' ' || s[k] == '\n');
		if (l[i].end > l[i].start)
			assert_true(s[l[i].end - 1] != ' ');
		prev_end = l[i].end;
	}
	for (size_t k = prev_end; k < len; k++)
		assert_true(s[k] == ' ' || s[k] == '\n');
}

static char *line(const char *s, const struct wrap_line *l)
{
	static char buf[512];
	size_t n = l->end - l->start;
	assert_true(n < sizeof buf);
	memcpy(buf, s + l->start, n);
	buf[n] = '\0';
	return buf;
}

static void words(void **state)
{
	(void)state;
	const char *s = "Calls upon all States to protect the human rights of migrant children";
	struct wrap_line *l;
	int n = text_wrap(s, strlen(s), 20, &l);
	assert_int_equal(n, 4);
	check_lines(s, 20, l, n);
	assert_string_equal(line(s, &l[0]), "Calls upon all");
	assert_string_equal(line(s, &l[1]), "States to protect");
	assert_string_equal(line(s, &l[2]), "the human rights of");
	assert_string_equal(line(s, &l[3]), "migrant children");
	free(l);
}

static void exact_fit_and_empty(void **state)
{
	(void)state;
	struct wrap_line *l;
	int n = text_wrap("abcde fghij", 11, 11, &l);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].width, 11);
	free(l);
	n = text_wrap("abcde fghij", 11, 10, &l);
	assert_int_equal(n, 2);
	free(l);
	n = text_wrap("", 0, 10, &l);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].start, 0);
	assert_int_equal(l[0].end, 0);
	free(l);
}

/* A word cut for want of room is cut between grapheme clusters: an ASCII letter after a
 * prepended mark (U+0600) and before a spacing mark (U+0903) is one cluster with them, also
 * where text_wrap takes ASCII words in its fast loop. */
static void prepend_cluster_whole(void **state)
{
	(void)state;
	struct wrap_line *l;
	const char *s = "x\xd8\x80" "d\xe0\xa4\x83" "yz";
	int n = text_wrap(s, strlen(s), 2, &l);
	assert_int_equal(n, 3);
	assert_int_equal(l[1].start, 1);
	assert_int_equal(l[1].end, 7);
	assert_int_equal(l[1].width, 2);
	assert_int_equal(l[2].start, 7);
	free(l);
	s = "ab \xd8\x80" "d\xe0\xa4\x83" "q";
	n = text_wrap(s, strlen(s), 1, &l);
	assert_int_equal(n, 4);
	assert_int_equal(l[2].start, 3);
	assert_int_equal(l[2].end, 9);
	assert_int_equal(l[3].start, 9);
	free(l);
}

static void long_word_cut(void **state)
{
	(void)state;
	const char *s = "see https://undocs.org/en/A/RES/58/190/and/a/very/long/path ok";
	struct wrap_line *l;
	int n = text_wrap(s, strlen(s), 12, &l);
	check_lines(s, 12, l, n);
	assert_memory_equal(line(s, &l[0]), "see", 3);
	/* The URL is cut where line breaking allows (after "/") or, failing that, by character. */
	for (int i = 1; i < n; i++)
		assert_true(l[i].width >= 1);
	free(l);
	/* A word with no break opportunity at all: cut at characters, never mid-sequence. */
	const char *e = "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9";   /* 7 x é */
	n = text_wrap(e, strlen(e), 3, &l);
	assert_int_equal(n, 3);
	check_lines(e, 3, l, n);
	assert_int_equal(l[0].end - l[0].start, 6);
	assert_int_equal(l[2].width, 1);
	free(l);
}

static void combining_marks_stay(void **state)
{
	(void)state;
	/* "e" + 3 combining marks, repeated: a cut never separates a mark from its base. */
	const char *s = "e\xCC\x81\xCC\x82\xCC\xA3" "e\xCC\x81\xCC\x82\xCC\xA3"
	                "e\xCC\x81\xCC\x82\xCC\xA3" "e\xCC\x81\xCC\x82\xCC\xA3";
	struct wrap_line *l;
	int n = text_wrap(s, strlen(s), 3, &l);
	assert_int_equal(n, 2);
	check_lines(s, 3, l, n);
	assert_int_equal(l[0].width, 3);
	assert_int_equal(l[0].end, 21);
	assert_int_equal(l[1].start, 21);
	free(l);
}

static void cjk_breaks_between_ideographs(void **state)
{
	(void)state;
	/* 大会，重申其关于保护移民的决议 : ideographs, one full-width comma. */
	const char *s = "\xE5\xA4\xA7\xE4\xBC\x9A\xEF\xBC\x8C\xE9\x87\x8D\xE7\x94\xB3\xE5\x85\xB6"
	                "\xE5\x85\xB3\xE4\xBA\x8E\xE4\xBF\x9D\xE6\x8A\xA4\xE7\xA7\xBB\xE6\xB0\x91"
	                "\xE7\x9A\x84\xE5\x86\xB3\xE8\xAE\xAE";
	struct wrap_line *l;
	int n = text_wrap(s, strlen(s), 9, &l);
	check_lines(s, 9, l, n);
	/* 15 double-width characters, at most 4 (8 columns) a line: 4 lines. */
	assert_int_equal(n, 4);
	for (int i = 0; i < n; i++)
		assert_int_equal(l[i].start % 3, 0);
	/* The full-width comma never starts a line (line breaking keeps it with 会). */
	for (int i = 0; i < n; i++)
		assert_memory_not_equal(s + l[i].start, "\xEF\xBC\x8C", 3);
	free(l);
}

static void french_no_break_space(void **state)
{
	(void)state;
	/* "droits :" with U+00A0 and « » with U+202F: the colon and guillemets never stand alone. */
	const char *s = "les droits\xC2\xA0: \xC2\xAB\xE2\x80\xAFmigrants\xE2\x80\xAF\xC2\xBB fin";
	struct wrap_line *l;
	/* From 12 columns up, "« migrants »" (the widest unbreakable run) fits on a line. */
	for (int w = 12; w <= 30; w++) {
		int n = text_wrap(s, strlen(s), w, &l);
		check_lines(s, w, l, n);
		for (int i = 0; i < n; i++) {
			const char *ls = s + l[i].start;
			assert_false(ls[0] == ':');
			assert_memory_not_equal(ls, "\xC2\xBB", 2);
			if (l[i].end - l[i].start >= 2)
				assert_memory_not_equal(s + l[i].end - 2, "\xC2\xAB", 2);
		}
		free(l);
	}
	assert_int_equal(text_wrap(s, strlen(s), 12, &l), 3);
	assert_string_equal(line(s, &l[0]), "les droits\xC2\xA0:");
	free(l);
}

static void symbols_stay_whole(void **state)
{
	(void)state;
	const char *s = "(United Nations publication, Sales No. E.95.XIII.18), see A/RES/58/190.";
	for (int w = 20; w <= 60; w++) {
		struct wrap_line *l;
		int n = text_wrap(s, strlen(s), w, &l);
		check_lines(s, w, l, n);
		for (int i = 0; i < n; i++) {
			char *ln = line(s, &l[i]);
			if (strstr(ln, "E.95") && !strstr(ln, "E.95.XIII.18"))
				fail_msg("sales number cut at width %d: '%s'", w, ln);
			if (strstr(ln, "A/") && !strstr(ln, "A/RES/58/190"))
				fail_msg("symbol cut at width %d: '%s'", w, ln);
		}
		free(l);
	}
}

/* A footnote marker never starts a line: it stays glued to the word before it. */
static void markers_stay_with_their_word(void **state)
{
	(void)state;
	const char *texts[] = {
		"the Convention against Torture or Punishment,\u2079 the International Convention",
		"the Convention against Torture or Punishment,[9] the International Convention",
		"the Vienna Convention on Consular Relations of 1963\u00b9\u2076 to ensure",
	};
	for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
		const char *s = texts[t];
		/* From 15 columns "Punishment,[9]" fits on a line; narrower, a word is cut anyway. */
		for (int w = 15; w <= 60; w++) {
			struct wrap_line *l;
			int n = text_wrap(s, strlen(s), w, &l);
			check_lines(s, w, l, n);
			for (int i = 1; i < n; i++) {
				const char *start = s + l[i].start;
				if (strncmp(start, "[9]", 3) == 0 || strncmp(start, "\u2079", 3) == 0 ||
				    strncmp(start, "\u00b9", 2) == 0 || strncmp(start, "\u2076", 3) == 0)
					fail_msg("marker starts line %d at width %d: '%.20s'", i, w, start);
			}
			free(l);
		}
	}
}

static void newline_is_mandatory(void **state)
{
	(void)state;
	struct wrap_line *l;
	int n = text_wrap("one\ntwo three", 13, 40, &l);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].end, 3);
	assert_int_equal(l[1].start, 4);
	free(l);
	n = text_wrap("a\r\n\nb", 5, 40, &l);
	assert_int_equal(n, 3);
	assert_int_equal(l[1].start, l[1].end);
	assert_int_equal(l[2].start, 4);
	free(l);
}

static void invalid_and_controls(void **state)
{
	(void)state;
	const char s[] = "ab\xFF\xFE cd\x1b[0m ef\xE2\x82";
	struct wrap_line *l;
	int n = text_wrap(s, sizeof s - 1, 4, &l);
	assert_true(n >= 3);
	for (int i = 0; i < n; i++)
		assert_true(l[i].width <= 4);
	free(l);
}

/* Random mixes of every awkward piece: the invariants hold at every width. */
static void random_texts(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"a", "word", " ", "  ", "\n", "\t", "\x1b", "\xC3\xA9", "e\xCC\x81", "\xCC\x81",
		"\xE5\xA4\xA7", "\xEF\xBC\x8C", "\xC2\xA0", "\xE2\x80\xAF", "\xFF", "\xE2\x82",
		"\xF0\x9F\x98\x80", "-", "/", ".", "(", ")", "\xD8\xA7", "\xE2\x80\xAE", "\r\n",
	};
	unsigned seed = 12345;
	char buf[600];
	for (int iter = 0; iter < 3000; iter++) {
		size_t n = 0;
		int count = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 60;
		for (int k = 0; k < count; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
			size_t pl = strlen(p);
			memcpy(buf + n, p, pl);
			n += pl;
		}
		buf[n] = '\0';
		int width = 2 + (int)((seed >> 8) % 30);
		struct wrap_line *l;
		int nl = text_wrap(buf, n, width, &l);
		assert_true(nl >= 1);
		size_t prev = 0;
		for (int i = 0; i < nl; i++) {
			assert_true(l[i].start >= prev);
			assert_true(l[i].start <= l[i].end && l[i].end <= n);
			assert_true(l[i].width <= width);
			assert_int_equal(text_width(buf + l[i].start, l[i].end - l[i].start), l[i].width);
			prev = l[i].end;
		}
		free(l);
	}
}

/* 20 MB in one paragraph: must wrap in linear time (a quadratic wrap would take hours). */
static void huge_paragraph_linear(void **state)
{
	(void)state;
	size_t n = 20u << 20;
	char *s = malloc(n + 1);
	assert_non_null(s);
	const char *words[] = { "migrants ", "r\xC3\xA9unification ", "\xE5\xA4\xA7\xE4\xBC\x9A",
	                        "of ", "Supercalifragilisticexpialidocious-and-more " };
	size_t i = 0, k = 0;
	while (i < n) {
		const char *w = words[k++ % 5];
		size_t wl = strlen(w);
		if (i + wl > n)
			break;
		memcpy(s + i, w, wl);
		i += wl;
	}
	n = i;
	s[n] = '\0';
	clock_t t0 = clock();
	struct wrap_line *l;
	int nl = text_wrap(s, n, 30, &l);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_true(nl > 100000);
	for (int j = 0; j < nl; j++)
		assert_true(l[j].width <= 30);
	fprintf(stderr, "wrap: %.1f MB in %.2f s (%.0f MB/s)\n", n / 1048576.0, secs,
	        n / 1048576.0 / (secs > 0 ? secs : 1e-9));
	free(l);
	free(s);
}

/* text_breaks must give exactly u8_possible_linebreaks's answer (its fast path for Latin text
 * is a pair table): compared on every pair of characters of the fast set with and without a
 * space between, on random strings, and on real resolutions whole and line by line. */
static void same_breaks(const char *s, size_t n)
{
	char *a = malloc(n + 1), *b = malloc(n + 1);
	assert_non_null(a);
	assert_non_null(b);
	text_breaks(s, n, a);
	u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", b);
	if (n && memcmp(a, b, n) != 0) {
		for (size_t i = 0; i < n; i++)
			if (a[i] != b[i]) {
				fprintf(stderr, "break %d, libunistring %d at byte %zu of \"%.*s\"\n", a[i],
				        b[i], i, (int)n, s);
				break;
			}
	}
	assert_memory_equal(a, b, n);
	free(a);
	free(b);
}

/* The characters the fast path knows, and a few it does not (so the fallback runs too). */
static size_t fast_set(char (*out)[4], int with_others)
{
	size_t k = 0;
	for (int c = 0x20; c < 0x7F; c++) {
		out[k][0] = (char)c;
		out[k++][1] = '\0';
	}
	for (unsigned c = 0xA0; c <= 0x24F; c++) {
		if (c != 0xA0 && (c < 0xC0 || c == 0xD7 || c == 0xF7))
			continue;
		out[k][0] = (char)(0xC0 | (c >> 6));
		out[k][1] = (char)(0x80 | (c & 0x3F));
		out[k++][2] = '\0';
	}
	if (with_others) {
		static const char *const others[] = {
			"\t", "\n", "\r", "\xCC\x81", "\xE5\xA4\xA7", "\xE2\x80\x94", "\xE2\x80\x99",
			"\xC2\xAD", "\xC2\xB9", "\xC3\x97", "\xE2\x80\x8B", "\xFF", "\xC3",
		};
		for (size_t i = 0; i < sizeof others / sizeof *others; i++)
			strcpy(out[k++], others[i]);
	}
	return k;
}

static void breaks_every_pair(void **state)
{
	(void)state;
	static char set[600][4];
	size_t ns = fast_set(set, 0);
	char buf[16];
	for (size_t x = 0; x < ns; x++)
		for (size_t y = 0; y < ns; y++)
			for (int sp = 0; sp < 3; sp++) {
				size_t n = (size_t)sprintf(buf, "%s%.*s%s", set[x], sp, "  ", set[y]);
				same_breaks(buf, n);
			}
}

static void breaks_random(void **state)
{
	(void)state;
	static char set[600][4];
	size_t ns = fast_set(set, 1);
	/* Weighted toward what documents hold: letters, spaces and common punctuation. */
	static const char *const common[] = {
		"a", "e", "s", "T", " ", " ", " ", ",", ".", "-", "/", "(", ")", "\"", "'", "1", "9",
		":", ";", "\xC3\xA9", "\xC2\xA0", "[", "]", "%", "$",
	};
	unsigned seed = 2718;
	char buf[800];
	for (int iter = 0; iter < 300000; iter++) {
		size_t n = 0;
		seed = seed * 1103515245u + 12345u;
		int len = (int)((seed >> 16) % 40);
		int others = iter % 4 == 0;
		for (int k = 0; k < len; k++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = seed >> 16;
			const char *c;
			if (r % 3)
				c = common[(r / 3) % (sizeof common / sizeof *common)];
			else
				c = set[(r / 3) % (others ? ns : ns - 13)];
			size_t l = strlen(c);
			memcpy(buf + n, c, l);
			n += l;
		}
		same_breaks(buf, n);
	}
}

static void breaks_real_text(void **state)
{
	(void)state;
	static const char *const files[] = {
		"share/a-res-58-190-en.ods.txt", "tests/data/sc/s-res-0101-1953.txt",
		"tests/data/sc/s-res-0242-1967.txt", "tests/data/sc/s-res-0687-1991.txt",
		"tests/data/sc/s-res-1454-2002.txt",
	};
	static char text[1 << 20];
	for (size_t fi = 0; fi < sizeof files / sizeof *files; fi++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", ABS_TOP_SRCDIR, files[fi]);
		FILE *fp = fopen(path, "rb");
		assert_non_null(fp);
		size_t n = fread(text, 1, sizeof text, fp);
		fclose(fp);
		same_breaks(text, n);
		for (size_t a = 0; a < n;) {
			const char *nl = memchr(text + a, '\n', n - a);
			size_t b = nl ? (size_t)(nl - text) : n;
			/* The line, and the line without its leading tabs (a paragraph's text). */
			same_breaks(text + a, b - a);
			size_t t = a;
			while (t < b && text[t] == '\t')
				t++;
			same_breaks(text + t, b - t);
			a = b + 1;
		}
	}
}

/* text_wrap's fast path (one pass, no break table, for printable ASCII and Latin letters)
 * must end lines exactly where the general loop over libunistring's breaks ends them. */
static void same_wrap(const char *s, size_t n, int width, int fast_expected)
{
	struct wrap_line *a = NULL, *b = NULL;
	size_t capa = 0;
	int plain = -1;
	text_wrap_fast(1);
	int na = text_wrap_into(s, n, width, &a, &capa, &plain);
	text_wrap_fast(0);
	int nb = text_wrap(s, n, width, &b);
	text_wrap_fast(1);
	if (fast_expected >= 0)
		assert_int_equal(plain, fast_expected);
	if (na != nb)
		fail_msg("width %d: %d lines, libunistring %d: '%.*s'", width, na, nb, (int)n, s);
	for (int i = 0; i < na; i++)
		if (a[i].start != b[i].start || a[i].end != b[i].end || a[i].width != b[i].width)
			fail_msg("width %d, line %d: [%zu,%zu) %d, libunistring [%zu,%zu) %d: '%.*s'",
			         width, i, a[i].start, a[i].end, a[i].width, b[i].start, b[i].end,
			         b[i].width, (int)n, s);
	free(a);
	free(b);
}

static const int wrap_widths[] = { 1, 2, 3, 4, 5, 7, 10, 13, 20, 33, 50, 79, 80 };

static void wrap_fast_random(void **state)
{
	(void)state;
	static char set[600][4];
	size_t ns = fast_set(set, 1);
	/* Words, runs of spaces, symbols, markers, numbers: what the rules look at. */
	static const char *const common[] = {
		"a", "e", "s", "T", " ", " ", " ", "   ", ",", ".", "-", "/", "(", ")", "\"", "'", "1",
		"9", ":", ";", "\xC3\xA9", "\xC2\xA0", "[", "]", "[12]", "%", "$", "!", "?",
		"Convention", "A/RES/58/190", "E.95.XIII.18", " -", "- ", "e.g.", "{", "}", "|",
	};
	unsigned seed = 1414;
	char buf[2000];
	for (int iter = 0; iter < 4000; iter++) {
		size_t n = 0;
		seed = seed * 1103515245u + 12345u;
		int len = (int)((seed >> 16) % 120);
		int others = iter % 8 == 0;
		for (int k = 0; k < len; k++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = seed >> 16;
			const char *c;
			if (r % 3)
				c = common[(r / 3) % (sizeof common / sizeof *common)];
			else
				c = set[(r / 3) % (others ? ns : ns - 13)];
			size_t l = strlen(c);
			memcpy(buf + n, c, l);
			n += l;
		}
		for (size_t w = 0; w < sizeof wrap_widths / sizeof *wrap_widths; w++)
			same_wrap(buf, n, wrap_widths[w], others ? -1 : n > 0);
	}
}

/* Long Latin paragraphs at wide widths: the fast path counts a line's continuation bytes a
 * block at a time, with byte counters summed every 255 blocks; lines of thousands of bytes
 * and every tail length must still agree with the general loop. */
static void wrap_fast_long_latin(void **state)
{
	(void)state;
	static const char *const word[] = { "r\xc3\xa9solution", "a", "\xc3\xa0", "Conseil",
		"d\xc3\xa9" "cide", "\xc3\xa9t\xc3\xa9", "du", "no", "(2025)," };
	static char text[12000];
	unsigned seed = 77;
	for (int iter = 0; iter < 6; iter++) {
		size_t n = 0;
		while (n + 16 < sizeof text - 1000 * (size_t)iter) {
			seed = seed * 1103515245u + 12345u;
			const char *w = word[(seed >> 16) % (sizeof word / sizeof *word)];
			size_t l = strlen(w);
			memcpy(text + n, w, l);
			n += l;
			text[n++] = ' ';
		}
		n--;
		static const int wide[] = { 17, 31, 100, 4079, 4081, 5000, 9999, 20000 };
		for (size_t k = 0; k < sizeof wide / sizeof *wide; k++)
			same_wrap(text, n, wide[k], 1);
	}
	/* continuation bytes at the same places of every block: the counters fill up */
	size_t n = 0;
	for (; n + 2 <= sizeof text; n += 2)
		memcpy(text + n, "\xc3\xa9", 2);
	same_wrap(text, n, 4500, 1);
	same_wrap(text, n, 7000, 1);
}

static void wrap_fast_real_text(void **state)
{
	(void)state;
	static const char *const files[] = {
		"share/a-res-58-190-en.ods.txt", "tests/data/sc/s-res-0101-1953.txt",
		"tests/data/sc/s-res-0242-1967.txt", "tests/data/sc/s-res-0687-1991.txt",
		"tests/data/sc/s-res-1454-2002.txt",
	};
	static char text[1 << 20];
	int fast = 0;
	for (size_t fi = 0; fi < sizeof files / sizeof *files; fi++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", ABS_TOP_SRCDIR, files[fi]);
		FILE *fp = fopen(path, "rb");
		assert_non_null(fp);
		size_t n = fread(text, 1, sizeof text, fp);
		fclose(fp);
		for (size_t a = 0; a < n;) {
			const char *nl = memchr(text + a, '\n', n - a);
			size_t b = nl ? (size_t)(nl - text) : n;
			size_t t = a;
			while (t < b && text[t] == '\t')
				t++;
			for (size_t w = 0; w < sizeof wrap_widths / sizeof *wrap_widths; w++)
				same_wrap(text + t, b - t, wrap_widths[w], -1);
			struct wrap_line *l = NULL;
			size_t cap = 0;
			int plain = 0;
			assert_true(text_wrap_into(text + t, b - t, 60, &l, &cap, &plain) >= 1);
			fast += plain;
			free(l);
			a = b + 1;
		}
	}
	assert_true(fast > 100);   /* the fast path was what got compared */
}

int main(void)
{
	text_breaks_eager();   /* compare the pair table itself, from the first string on */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(widths),
		cmocka_unit_test(words),
		cmocka_unit_test(exact_fit_and_empty),
		cmocka_unit_test(long_word_cut),
		cmocka_unit_test(prepend_cluster_whole),
		cmocka_unit_test(combining_marks_stay),
		cmocka_unit_test(cjk_breaks_between_ideographs),
		cmocka_unit_test(french_no_break_space),
		cmocka_unit_test(symbols_stay_whole),
		cmocka_unit_test(markers_stay_with_their_word),
		cmocka_unit_test(newline_is_mandatory),
		cmocka_unit_test(invalid_and_controls),
		cmocka_unit_test(random_texts),
		cmocka_unit_test(huge_paragraph_linear),
		cmocka_unit_test(breaks_every_pair),
		cmocka_unit_test(breaks_random),
		cmocka_unit_test(breaks_real_text),
		cmocka_unit_test(wrap_fast_random),
		cmocka_unit_test(wrap_fast_real_text),
		cmocka_unit_test(wrap_fast_long_latin),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
