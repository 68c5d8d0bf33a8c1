/* test_refs.c: footnote markers told apart from numbers, and cited documents. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc/refs.h"

/* Runs the marker pass over one paragraph; returns the new text (caller frees) and its marks
 * rendered as "footnote@byte ..." in *marks_out. */
static char *take(struct refs_notes *rn, const char *in, char *marks_out, size_t cap)
{
	char *t = strdup(in);
	size_t len = strlen(t);
	struct mark *m = NULL;
	size_t nm = 0;
	assert_int_equal(refs_take_markers(rn, t, &len, &m, &nm), 0);
	assert_int_equal(strlen(t), len);
	marks_out[0] = '\0';
	for (size_t i = 0; i < nm; i++)
		snprintf(marks_out + strlen(marks_out), cap - strlen(marks_out), "%s%d@%zu",
		         i ? " " : "", m[i].footnote, m[i].byte);
	free(m);
	return t;
}

static struct refs_notes *notes(int from, int to)
{
	int nums[64];
	size_t n = 0;
	for (int i = from; i <= to; i++)
		nums[n++] = i;
	struct refs_notes *rn = refs_notes_new(nums, n);
	assert_non_null(rn);
	return rn;
}

/* Markers at every place against the blocks the digit scan reads (16 or 8 bytes): the scan
 * must stop at each one, wherever it falls in a block. */
static void markers_at_every_offset(void **state)
{
	(void)state;
	struct refs_notes *rn = notes(1, 20);
	char in[256], want[256], wm[64], m[256];
	for (int a = 0; a < 40; a++)
		for (int b = 0; b < 40; b += 3) {
			snprintf(in, sizeof in, "%*sthe Declaration of Human Rights1 proclaims %*sand Women,2 too",
			         a, "", b, "");
			for (char *c = in; *c == ' '; c++)
				*c = 'x';
			for (char *c = strstr(in, "proclaims ") + 10; *c == ' '; c++)
				*c = 'y';
			snprintf(want, sizeof want, "%s", in);
			char *one = strstr(want, "Rights1") + 6;
			memmove(one, one + 1, strlen(one + 1) + 1);
			char *two = strstr(want, "Women,2") + 6;
			memmove(two, two + 1, strlen(two + 1) + 1);
			snprintf(wm, sizeof wm, "1@%td 2@%td", one - want, two - want);
			char *t = take(rn, in, m, sizeof m);
			assert_string_equal(t, want);
			assert_string_equal(m, wm);
			free(t);
		}
	refs_notes_free(rn);
}

static void glued_markers(void **state)
{
	(void)state;
	struct refs_notes *rn = notes(1, 20);
	char m[256];
	char *t = take(rn, "the Universal Declaration of Human Rights1 proclaims", m, sizeof m);
	assert_string_equal(t, "the Universal Declaration of Human Rights proclaims");
	assert_string_equal(m, "1@41");
	free(t);
	t = take(rn, "on Human Rights,2 the Conference,3 Development4 and Women,5", m, sizeof m);
	assert_string_equal(t, "on Human Rights, the Conference, Development and Women,");
	assert_string_equal(m, "2@16 3@32 4@44 5@55");
	free(t);
	/* "Action;6" and a re-citation of footnote 1 later on. */
	t = take(rn, "Programme of Action;6 and Human Rights1 again", m, sizeof m);
	assert_string_equal(t, "Programme of Action; and Human Rights again");
	assert_string_equal(m, "6@20 1@37");
	free(t);
	refs_notes_free(rn);
}

static void year_with_marker(void **state)
{
	(void)state;
	struct refs_notes *rn = notes(14, 17);
	char m[256];
	/* 14 and 15 cited, so 16 is next: "196316" is 1963 + 16. */
	free(take(rn, "Crime,14 and Air,15", m, sizeof m));
	char *t = take(rn, "Convention on Consular Relations of 196316 to ensure", m, sizeof m);
	assert_string_equal(t, "Convention on Consular Relations of 1963 to ensure");
	assert_string_equal(m, "16@40");
	free(t);
	/* 17 is next but "196317" is not expected any more for 16; "2003" stays a year. */
	t = take(rn, "in 2003 and 2004 the Day17 was", m, sizeof m);
	assert_string_equal(t, "in 2003 and 2004 the Day was");
	free(t);
	refs_notes_free(rn);
}

static void numbers_that_stay(void **state)
{
	(void)state;
	struct refs_notes *rn = notes(1, 20);
	char m[256];
	static const char *const keep[] = {
		"Recalling its resolution 57/218 of 18 December 2002,",
		"Advisory Opinion OC-16/99, issued on 1 October 1999,",
		"Resolution 217 A (III).",
		"(United Nations publication, Sales No. E.96.IV.8), chap. I",
		"Cairo, 5-13 September 1994 (Sales No. E.95.XIII.18)",
		"of over 1,273 K (1,000 C) or 1.5 m",
		"documents A/58/508/Add.2 and A/CONF.157/24 (Part I)",
		"the G77 and paragraph 3 of the text, with 12 members",
	};
	for (size_t i = 0; i < sizeof keep / sizeof *keep; i++) {
		char *t = take(rn, keep[i], m, sizeof m);
		assert_string_equal(t, keep[i]);
		assert_string_equal(m, "");
		free(t);
	}
	refs_notes_free(rn);
}

static void order_of_citation(void **state)
{
	(void)state;
	/* Only footnotes 1..3 exist: "Rights7" is no marker, and "Rights3" before 1 and 2 are
	 * cited is too far ahead only when more than two are skipped. */
	struct refs_notes *rn = notes(1, 3);
	char m[64];
	char *t = take(rn, "Rights7 and Convention5", m, sizeof m);
	assert_string_equal(t, "Rights7 and Convention5");
	free(t);
	t = take(rn, "Rights1 and Charter2", m, sizeof m);
	assert_string_equal(m, "1@6 2@18");
	free(t);
	refs_notes_free(rn);
	/* No footnotes at all: nothing is a marker. */
	rn = refs_notes_new(NULL, 0);
	t = take(rn, "Human Rights1", m, sizeof m);
	assert_string_equal(t, "Human Rights1");
	free(t);
	refs_notes_free(rn);
}

static void spaced_markers(void **state)
{
	(void)state;
	struct refs_notes *rn = notes(8, 11);
	char m[256];
	char *t = take(rn, "the reports of 27 October 1953 8 and 9 November 1953 9 to the Council", m, sizeof m);
	assert_string_equal(t, "the reports of 27 October 1953 and 9 November 1953 to the Council");
	assert_string_equal(m, "8@30 9@50");
	free(t);
	t = take(rn, "between Israel and Jordan 10 and the Charter", m, sizeof m);
	assert_string_equal(t, "between Israel and Jordan and the Charter");
	free(t);
	/* A count is not a marker even when 11 is next. */
	t = take(rn, "within 11 days and for 11 Member States", m, sizeof m);
	assert_string_equal(m, "");
	free(t);
	refs_notes_free(rn);
}

static void missing_footnote_texts(void **state)
{
	(void)state;
	/* No footnote texts, but a run of lone numbers between words: markers of lost notes. */
	struct refs_notes *rn = refs_notes_new(NULL, 0);
	refs_notes_orphans(rn, 1);
	char m[256];
	char *t = take(rn, "addressed to the President of the Council 41 and those of 3 March 56 and 5 March 57 he sent", m, sizeof m);
	assert_string_equal(t, "addressed to the President of the Council and those of 3 March and 5 March he sent");
	assert_string_equal(m, "41@41 56@62 57@74");
	free(t);
	t = take(rn, "signed at Geneva on 17 June 1925, 59 and within 30 days or 12 Member States", m, sizeof m);
	assert_string_equal(t, "signed at Geneva on 17 June 1925, and within 30 days or 12 Member States");
	free(t);
	refs_notes_free(rn);
}

static void huge_paragraph(void **state)
{
	(void)state;
	/* Thousands of footnotes glued in one 2 MB paragraph: linear, all found. */
	enum { N = 5000 };
	int *nums = malloc(N * sizeof *nums);
	for (int i = 0; i < N; i++)
		nums[i] = i + 1;
	struct refs_notes *rn = refs_notes_new(nums, N);
	free(nums);
	size_t cap = (size_t)N * 400;
	char *t = malloc(cap);
	size_t len = 0;
	for (int i = 1; i <= N; i++)
		len += (size_t)snprintf(t + len, cap - len, "%s of the Convention on Rights%d,",
		                        i > 1 ? " and" : "Recalling", i);
	struct mark *m = NULL;
	size_t nm = 0;
	assert_int_equal(refs_take_markers(rn, t, &len, &m, &nm), 0);
	assert_int_equal(nm, N);
	assert_int_equal(m[N - 1].footnote, N);
	assert_null(strpbrk(t, "0123456789"));
	free(m);
	free(t);
	refs_notes_free(rn);
}

static char *refs_str(const char *text)
{
	struct ref *r = NULL;
	size_t n = 0;
	assert_int_equal(refs_find_documents(text, strlen(text), &r, &n), 0);
	char *out = calloc(1, 1024);
	for (size_t i = 0; i < n; i++) {
		assert_memory_equal(text + r[i].byte, r[i].target, r[i].len);
		snprintf(out + strlen(out), 1024 - strlen(out), "%s%c:%s", i ? "|" : "",
		         r[i].kind == REF_RESOLUTION ? 'R' : 'D', r[i].target);
		free(r[i].target);
	}
	free(r);
	return out;
}

static void cited_documents(void **state)
{
	(void)state;
	static const struct { const char *text, *want; } cases[] = {
		{ "Recalling its resolution 57/218 of 18 December 2002,", "R:57/218" },
		{ "Resolution 2200 A (XXI), annex.", "R:2200 A (XXI)" },
		{ "Resolution 217 A (III).", "R:217 A (III)" },
		{ "resolutions 54 (1948) of 15 July 1948, 73 (1949) of 11 August 1949 and 93 (1951) of 18 May 1951",
		  "R:54 (1948)|R:73 (1949)|R:93 (1951)" },
		{ "consistent with paragraph 8 of resolution 686 (1991),", "R:686 (1991)" },
		{ "See A/CONF.157/24 (Part I), chap. III.", "D:A/CONF.157/24 (Part I)" },
		{ "See A/CONF.189/12 and Corr.1, chap. I.", "D:A/CONF.189/12" },
		{ "the Goods Review List (S/2002/515) and", "D:S/2002/515" },
		{ "[on the report of the Third Committee (A/58/508/Add.2)]", "D:A/58/508/Add.2" },
		{ "A/58/275.", "D:A/58/275" },
		{ "symbol S/RES/242 (1967) here", "D:S/RES/242 (1967)" },
		{ "Ibid., annex III.", "" },
		{ "United Nations, Treaty Series, vol. 596, No. 8638.", "" },
		{ "the resolution of the Council and/or 5 km/h", "" },
		{ "in its resolution ES-10/2 and", "R:ES-10/2" },
		/* a reference starts at a word boundary only, wherever the word starts */
		{ "xA/58/1 9A/58/2 /A/58/3 .A/58/4 -A/58/5 (A/58/6) A/58/7", "D:A/58/6|D:A/58/7" },
		{ "réA/58/1 «A/58/2» A/58/3", "D:A/58/1|D:A/58/2|D:A/58/3" },
		{ "A/58/1", "D:A/58/1" },
		{ "rights, report, res resolution", "" },
		{ "резолюция 57/218 и Резолюции 58/1", "R:57/218|R:58/1" },
		/* without a '/': the quick no (may_refer) must let each stem through */
		{ "резолюции 242 (1967) Совета", "R:242 (1967)" },
		{ "la résolution 1325 (2000) du Conseil", "R:1325 (2000)" },
		{ "su resolución 242 (1967) del Consejo", "R:242 (1967)" },
		{ "RESOLUTION 789 (1992)", "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = refs_str(cases[i].text);
		assert_string_equal(got, cases[i].want);
		free(got);
		/* the same after any number of bytes of words and spaces, ASCII or not (the scan
		 * reads eight bytes at a time, then the last few one by one) */
		for (size_t k = 0; k < 24; k++) {
			char text[512];
			static const char filler[] = "ab c\xC3\xA9 d. Ef, gh ";
			size_t n = 0;
			for (size_t f = 0; f < k; f++)
				text[n++] = filler[f % (sizeof filler - 1)];
			snprintf(text + n, sizeof text - n, " %s", cases[i].text);
			got = refs_str(text);
			assert_string_equal(got, cases[i].want);
			free(got);
		}
	}
	assert_int_equal(refs_resolution_number("57/218 of", 9), 6);
	assert_int_equal(refs_resolution_number("57/", 3), 0);
	assert_int_equal(refs_resolution_number("12 members", 10), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(glued_markers),
		cmocka_unit_test(markers_at_every_offset),
		cmocka_unit_test(year_with_marker),
		cmocka_unit_test(numbers_that_stay),
		cmocka_unit_test(order_of_citation),
		cmocka_unit_test(spaced_markers),
		cmocka_unit_test(missing_footnote_texts),
		cmocka_unit_test(huge_paragraph),
		cmocka_unit_test(cited_documents),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
