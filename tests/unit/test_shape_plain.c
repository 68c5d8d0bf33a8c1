/* test_shape_plain.c: hard-wrapped plain text -> blocks (shape-plain.c, assemble.c,
 * unwrap.c, furniture.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc/assemble.h"
#include "doc/blocks.h"
#include "doc/furniture.h"
#include "doc/unwrap.h"

static struct block_list read_plain(const char *text)
{
	struct block_list bl;
	struct parse_diag d;
	memset(&bl, 0, sizeof bl);
	memset(&d, 0, sizeof d);
	assert_int_equal(shape_plain(text, strlen(text), &bl, &d), 0);
	return bl;
}

static void joins_lines_and_paragraphs(void **state)
{
	(void)state;
	struct block_list bl = read_plain(
		"The Security Council,\n\n"
		"Recalling its resolution 100 (1953) on the\nquestion of the protection of civilians,\n\n"
		"1. Decides to remain\nseized of the matter.\n");
	assert_int_equal(bl.n, 3);
	assert_string_equal(bl.v[0].text, "The Security Council,");
	assert_string_equal(bl.v[1].text,
		"Recalling its resolution 100 (1953) on the question of the protection of civilians,");
	assert_string_equal(bl.v[2].text, "1. Decides to remain seized of the matter.");
	assert_int_equal(bl.v[2].zone, ZONE_BODY);
	blocks_free(&bl);
}

static void sub_paragraphs_without_blank_lines(void **state)
{
	(void)state;
	struct block_list bl = read_plain(
		"2. Affirms the necessity:\n"
		"(a) For guaranteeing freedom of navigation in paragraphs\n"
		"(a) and (b) above;\n"
		"(b) For achieving a settlement; and\n"
		"(c) For the rest.\n"
		"3. Requests the Secretary-General to report.\n");
	assert_int_equal(bl.n, 5);
	assert_string_equal(bl.v[0].text, "2. Affirms the necessity:");
	/* "(a) and (b)" at a line start after an open clause stays inside the paragraph */
	assert_string_equal(bl.v[1].text,
		"(a) For guaranteeing freedom of navigation in paragraphs (a) and (b) above;");
	assert_string_equal(bl.v[2].text, "(b) For achieving a settlement; and");
	assert_string_equal(bl.v[3].text, "(c) For the rest.");
	assert_string_equal(bl.v[4].text, "3. Requests the Secretary-General to report.");
	blocks_free(&bl);
}

static void parts_and_stray_bars(void **state)
{
	(void)state;
	struct block_list bl = read_plain(
		"Noting the reports,\n\nA\n\n1. Finds the action a violation;\n"
		"B\n1. Recalls to the Governments |\n\ntheir obligations under the Agreement;\n\n"
		"2. Takes note of the evidence, and\n\nrequests the Government to act;\n");
	assert_int_equal(bl.n, 6);
	assert_string_equal(bl.v[1].text, "A");
	assert_string_equal(bl.v[2].text, "1. Finds the action a violation;");
	assert_string_equal(bl.v[3].text, "B");
	assert_string_equal(bl.v[4].text,
		"1. Recalls to the Governments their obligations under the Agreement;");
	assert_string_equal(bl.v[5].text,
		"2. Takes note of the evidence, and requests the Government to act;");
	blocks_free(&bl);
}

static void vote_and_footnotes(void **state)
{
	(void)state;
	struct block_list bl = read_plain(
		"2. Requests the Chief of Staff to report on the Agreement 11 for the conference.\n\n"
		"Adopted at the 642nd meeting\nby 9 votes to none, with 2\nabstentions (Lebanon).\n\n"
		"8 Ibid., Eighth Year, 630th meeting.\n"
		"9 Ibid., 635th meeting, annex.\n"
		"10 Ibid., Supplement for October, November and\n"
		"December 1953, document S/3140.\n");
	assert_int_equal(bl.n, 5);
	assert_string_equal(bl.v[1].text,
		"Adopted at the 642nd meeting by 9 votes to none, with 2 abstentions (Lebanon).");
	assert_int_equal(bl.v[1].zone, ZONE_BODY);
	assert_string_equal(bl.v[2].text, "8 Ibid., Eighth Year, 630th meeting.");
	assert_int_equal(bl.v[2].zone, ZONE_FOOTNOTE);
	assert_string_equal(bl.v[3].text, "9 Ibid., 635th meeting, annex.");
	assert_string_equal(bl.v[4].text,
		"10 Ibid., Supplement for October, November and December 1953, document S/3140.");
	assert_int_equal(bl.v[4].zone, ZONE_FOOTNOTE);
	blocks_free(&bl);
}

static void modern_masthead_and_page_furniture(void **state)
{
	(void)state;
	struct block_list bl = read_plain(
		"United Nations S/RES/1999 (2010)\n\n"
		"Security Council Distr.: General\n\n"
		"3 March 2010\n\n\n"
		"Resolution 1999 (2010)\n\n"
		"Adopted by the Security Council at its 6001st meeting,\non 3 March 2010\n\n"
		"The Security Council,\n\n"
		"1. Decides to extend the mandate of the\n\n"
		"10-26512 (E)\n*1026512*\n"
		"\fS/RES/1999 (2010)\n\n2\n\n"
		"mission until 31 March 2011;\n\n"
		"2. Decides to remain seized of the matter.\n"
		"S/RES/1999 (2010)\n");
	assert_int_equal(bl.n, 5);
	assert_string_equal(bl.v[0].text, "Resolution 1999 (2010)");
	assert_string_equal(bl.v[1].text,
		"Adopted by the Security Council at its 6001st meeting, on 3 March 2010");
	assert_string_equal(bl.v[3].text,
		"1. Decides to extend the mandate of the mission until 31 March 2011;");
	assert_int_equal(bl.v[3].page, 1);
	assert_string_equal(bl.v[4].text, "2. Decides to remain seized of the matter.");
	assert_string_equal(bl.hints.symbol, "S/RES/1999 (2010)");
	assert_string_equal(bl.hints.organ, "Security Council");
	assert_string_equal(bl.hints.distributed, "2010-03-03");
	assert_string_equal(bl.hints.job, "10-26512 (E)");
	blocks_free(&bl);
}

/* Footnotes under a rule before the closing lines: the meeting line ends them. */
static void notes_before_the_meeting_line(void **state)
{
	(void)state;
	struct block_list bl = read_plain(
		"1. Decides to act.1\n_______________\n1 See A/79/1.\n2 See A/79/2.\n"
		"77th plenary meeting\n22 December 2003\n");
	assert_int_equal(bl.n, 5);
	assert_string_equal(bl.v[1].text, "1 See A/79/1.");
	assert_int_equal(bl.v[2].zone, ZONE_FOOTNOTE);
	assert_string_equal(bl.v[3].text, "77th plenary meeting");
	assert_int_equal(bl.v[3].zone, ZONE_BODY);
	assert_string_equal(bl.v[4].text, "22 December 2003");
	blocks_free(&bl);
}

/* A compilation whose footnote runs straight into the next resolution's heading. */
static void note_then_next_heading(void **state)
{
	(void)state;
	struct block_list bl = read_plain(
		"2. Invites States to act.1\n\n88th plenary meeting\n2 April 2025\n\n1 See A/75/10.\n"
		"79/302. Cooperation between two organizations\n\nThe General Assembly,\n");
	assert_int_equal(bl.n, 6);
	assert_string_equal(bl.v[3].text, "1 See A/75/10.");
	assert_int_equal(bl.v[3].zone, ZONE_FOOTNOTE);
	assert_string_equal(bl.v[4].text, "79/302. Cooperation between two organizations");
	assert_int_equal(bl.v[4].zone, ZONE_BODY);
	blocks_free(&bl);
}

/* Two modern Security Council texts one after the other: the second masthead goes too. */
static void second_masthead_in_a_compilation(void **state)
{
	(void)state;
	struct block_list bl = read_plain(
		"United Nations S/RES/1999 (2010)\n\nSecurity Council Distr.: General\n\n3 March 2010\n\n"
		"Resolution 1999 (2010)\n\nThe Security Council,\n\n1. Decides to act.\n\n"
		"United Nations S/RES/2000 (2010)\n\nSecurity Council Distr.: General\n\n4 March 2010\n\n"
		"Resolution 2000 (2010)\n\nThe Security Council,\n\n1. Decides to act again.\n");
	const char *want[] = { "Resolution 1999 (2010)", "The Security Council,", "1. Decides to act.",
		"Resolution 2000 (2010)", "The Security Council,", "1. Decides to act again." };
	assert_int_equal(bl.n, 6);
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(bl.v[i].text, want[i]);
	assert_string_equal(bl.hints.symbol, "S/RES/1999 (2010)");
	/* each masthead's facts are also kept for its own resolution */
	assert_int_equal(bl.ndocs, 2);
	assert_int_equal(bl.docs[1].from, 3);
	assert_string_equal(bl.docs[0].meta.distributed, "2010-03-03");
	assert_string_equal(bl.docs[1].meta.symbol, "S/RES/2000 (2010)");
	assert_string_equal(bl.docs[1].meta.distributed, "2010-03-04");
	blocks_free(&bl);
}

static void annexes_and_headings_stand_alone(void **state)
{
	(void)state;
	struct block_list bl = read_plain(
		"77th plenary meeting\n22 December 2003\n\n"
		"Annex B\nProcedures for the review\n\n"
		"I. General provisions\n1. The procedures apply to all applications;\n"
		"\xe2\x80\xa2 a bullet item\n\xe2\x80\xa2 another item\n");
	assert_int_equal(bl.n, 8);
	assert_string_equal(bl.v[0].text, "77th plenary meeting");
	assert_string_equal(bl.v[1].text, "22 December 2003");
	assert_string_equal(bl.v[2].text, "Annex B");
	assert_string_equal(bl.v[3].text, "Procedures for the review");
	assert_string_equal(bl.v[4].text, "I. General provisions");
	assert_string_equal(bl.v[5].text, "1. The procedures apply to all applications;");
	assert_string_equal(bl.v[6].text, "\xe2\x80\xa2 a bullet item");
	for (size_t i = 0; i < bl.n; i++)
		assert_int_equal(bl.v[i].zone, ZONE_BODY);
	blocks_free(&bl);
}

static void hyphen_rule(void **state)
{
	(void)state;
	struct block_list bl = read_plain(
		"1. Calls for the pro-\ntection of the non-\ngovernmental organizations, the cease-\n"
		"fire, the follow-\nup, the Secretary-\nGeneral, a 90-\nday period and the re-\n"
		"lated matters, the inter-\nnational com-\nmunity and well-\nknown partners.\n\n"
		"2. Notes that the ceasefire holds and that inter-national relations matter.\n");
	assert_int_equal(bl.n, 2);
	/* "cease-fire" is spelled "ceasefire" elsewhere in this document: the document wins;
	 * "inter-national" is spelled with a hyphen in it, so the hyphen stays there too */
	assert_string_equal(bl.v[0].text,
		"1. Calls for the protection of the non-governmental organizations, the ceasefire, "
		"the follow-up, the Secretary-General, a 90-day period and the related matters, the "
		"inter-national community and well-known partners.");
	blocks_free(&bl);
}

static void hyphen_rule_direct(void **state)
{
	(void)state;
	struct unwrap u;
	const char *doc = "the cease-fire and cooperation";
	unwrap_init(&u, doc, strlen(doc));
	assert_true(unwrap_keep_hyphen(&u, "cease", 5, "fire", 4));
	assert_false(unwrap_keep_hyphen(&u, "co", 2, "operation", 9));   /* the document says so */
	assert_true(unwrap_keep_hyphen(&u, "co", 2, "sponsors", 8));     /* prefix rule */
	assert_false(unwrap_keep_hyphen(&u, "pro", 3, "tection", 7));
	assert_true(unwrap_keep_hyphen(&u, "non", 3, "State", 5));
	assert_true(unwrap_keep_hyphen(&u, "2002", 4, "2003", 4));
	assert_true(unwrap_keep_hyphen(&u, "community", 9, "based", 5));
	assert_false(unwrap_keep_hyphen(&u, "so", 2, "cial", 4));
	unwrap_free(&u);
}

/* The document's words are looked up a first letter at a time, then (past six letters) all
 * at once: the answers are the same in any order. The last word ends the text, where the
 * index reads no byte past it. */
static void hyphen_rule_many_first_letters(void **state)
{
	(void)state;
	const char *doc = "The Cease-Fire holds. Peacekeeping, re-establishment and "
		"grass-roots groups; x-ray; long-standing non-governmental Cooperation; été-hiver; "
		"antiinflammatory";
	struct {
		const char *l, *r;
		int keep;
	} q[] = {
		{ "cease", "fire", 1 },           /* "Cease-Fire": case does not matter */
		{ "peace", "keeping", 0 },
		{ "re", "establishment", 1 },
		{ "long", "standing", 1 },
		{ "grass", "roots", 1 },
		{ "co", "operation", 0 },
		{ "été", "hiver", 1 },            /* a word opening in non-ASCII */
		{ "anti", "inflammatory", 0 },    /* the document before the prefix list */
		{ "x", "ray", 1 },
		{ "non", "governmental", 1 },
		{ "xy", "lophone", 0 },
		{ "ho", "lds", 0 },
	};
	size_t nq = sizeof q / sizeof *q;
	for (int order = 0; order < 2; order++) {
		struct unwrap u;
		unwrap_init(&u, doc, strlen(doc));
		for (size_t k = 0; k < nq; k++) {
			size_t j = order ? nq - 1 - k : k;
			assert_int_equal(unwrap_keep_hyphen(&u, q[j].l, strlen(q[j].l), q[j].r,
			                                    strlen(q[j].r)), q[j].keep);
		}
		unwrap_free(&u);
	}
}

/* Lines are copied in runs between the bytes that may change; "EF AC" before an ASCII byte is
 * no ligature (nor UTF-8) and stays. */
static void clean_line_in_runs(void **state)
{
	(void)state;
	char out[128];
	const char *s = "the \xef\xac\x81nancial | report, Rights\xc2\xb2 and re\xc2\xad" "form |";
	size_t n = assemble_clean_line(s, strlen(s), out);
	assert_int_equal(n, strlen("the financial  report, Rights2 and reform"));
	assert_memory_equal(out, "the financial  report, Rights2 and reform", n);
	const char bad[] = "a\xef\xac" "b";
	n = assemble_clean_line(bad, 4, out);
	assert_int_equal(n, 4);
	assert_memory_equal(out, bad, 4);
}

/* A rule is at least five underscores and at most two other bytes, as furniture_classify
 * says. */
static void rules(void **state)
{
	(void)state;
	const char *yes[] = { "_____", "__________________", "__ ___ _", "x_____y" };
	const char *no[] = { "", "____", "a______b_c", "___ ___ ___ x" };
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		assert_true(furniture_is_rule(yes[i], strlen(yes[i])));
		assert_int_equal(furniture_classify(yes[i], strlen(yes[i]), 0), FURN_RULE);
	}
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		assert_false(furniture_is_rule(no[i], strlen(no[i])));
		assert_int_not_equal(furniture_classify(no[i], strlen(no[i]), 0), FURN_RULE);
	}
}

/* A spaced-out Chinese masthead name is told as the name is: the early way out for lines with
 * no CJK byte must not be taken for them, wherever the CJK bytes are. */
static void spaced_chinese_masthead(void **state)
{
	(void)state;
	const char *pairs[][2] = {
		{ "大　会", "大会" }, { "大 会", "大会" }, { "安 全 理 事 会", "安全理事会" },
		{ "  大 会", "大会" },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		enum furniture_kind want = furniture_classify(pairs[i][1], strlen(pairs[i][1]), 1);
		assert_int_not_equal(want, FURN_NONE);
		assert_int_equal(furniture_classify(pairs[i][0], strlen(pairs[i][0]), 1), want);
	}
}

static void chinese_lines_join_without_spaces(void **state)
{
	(void)state;
	struct block_list bl = read_plain("大会，\n\n回顾其关于保护\n移徙者的决议，\n\n1. 请秘书长\n提交报告。\n");
	assert_int_equal(bl.n, 3);
	assert_string_equal(bl.v[1].text, "回顾其关于保护移徙者的决议，");
	assert_string_equal(bl.v[2].text, "1. 请秘书长提交报告。");
	blocks_free(&bl);
}

static void bad_input_never_breaks(void **state)
{
	(void)state;
	const char *inputs[] = { "", "\n\n\n", "|", "| | |\n\n|", "\f\f\f", "1.\n", "(a)",
		"A\nB\nC", "_____\n1\n", "8 Ibid.\n9", "Adopted unanimously\n\n1 x\n2", "-\n-\n-",
		"\xe2\x80\x94", "pro-\n-tection-\n" };
	for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		struct block_list bl = read_plain(inputs[i]);
		for (size_t k = 0; k < bl.n; k++)
			assert_int_equal(strlen(bl.v[k].text), bl.v[k].len);
		blocks_free(&bl);
	}
	/* a long text without newlines */
	size_t n = 1 << 20;
	char *big = malloc(n + 1);
	assert_non_null(big);
	for (size_t i = 0; i < n; i++)
		big[i] = (char)("ab- \n\f|(1)"[i % 11]);
	big[n] = 0;
	struct block_list bl = read_plain(big);
	blocks_free(&bl);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(joins_lines_and_paragraphs),
		cmocka_unit_test(sub_paragraphs_without_blank_lines),
		cmocka_unit_test(parts_and_stray_bars),
		cmocka_unit_test(vote_and_footnotes),
		cmocka_unit_test(modern_masthead_and_page_furniture),
		cmocka_unit_test(notes_before_the_meeting_line),
		cmocka_unit_test(note_then_next_heading),
		cmocka_unit_test(second_masthead_in_a_compilation),
		cmocka_unit_test(annexes_and_headings_stand_alone),
		cmocka_unit_test(hyphen_rule),
		cmocka_unit_test(hyphen_rule_direct),
		cmocka_unit_test(hyphen_rule_many_first_letters),
		cmocka_unit_test(clean_line_in_runs),
		cmocka_unit_test(rules),
		cmocka_unit_test(spaced_chinese_masthead),
		cmocka_unit_test(chinese_lines_join_without_spaces),
		cmocka_unit_test(bad_input_never_breaks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
