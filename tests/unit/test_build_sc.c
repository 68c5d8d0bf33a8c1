/* test_build_sc.c: Security Council texts as the printed volumes give them (issue 12, the
 * CR-UNSC texts of corpus/sc-more): each case is a short excerpt of a real resolution, and
 * pins one rule of the text reader and the builder. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc/parse.h"

static struct collection *col;
static struct parse_diag d;      /* the last parse's */

static const struct resolution *parse(const char *text)
{
	memset(&d, 0, sizeof d);
	collection_free(col);
	col = NULL;
	assert_int_equal(parse_buffer(text, strlen(text), INPUT_AUTO, &col, &d), 0);
	assert_int_equal(col->ndocs, 1);
	return col->docs[0];
}

static int teardown(void **state)
{
	(void)state;
	collection_free(col);
	col = NULL;
	return 0;
}

static const struct para *get(const struct resolution *r, const char *id)
{
	int i = res_find(r, id);
	if (i < 0)
		fail_msg("no paragraph %s", id);
	return &r->paras[i];
}

static size_t count(const struct resolution *r, enum para_kind k)
{
	size_t n = 0;
	for (size_t i = 0; i < r->npara; i++)
		n += r->paras[i].kind == k;
	return n;
}

/* The marks of paragraph id, as "7,8". */
static const char *marks(const struct resolution *r, const char *id)
{
	static char out[64];
	const struct para *p = get(r, id);
	size_t k = 0;
	out[0] = '\0';
	for (size_t i = 0; i < p->nmarks && k + 8 < sizeof out; i++)
		k += (size_t)snprintf(out + k, sizeof out - k, "%s%d", i ? "," : "", p->marks[i].footnote);
	return out;
}

/* S/RES/12 (1946), S/RES/105 (1954): the footnote tells how the vote went, its marker ends the
 * vote line. */
static void vote_line_marker(void **state)
{
	(void)state;
	const struct resolution *r = parse(
		"12 (1946). Resolution of 10 December 1946\n\n"
		"The Security Council\n\n"
		"Resolves that:\n\n"
		"1. The representatives of Greece and Yugoslavia are invited to participate in the "
		"discussion without\nvote;\n\n"
		"2. The representatives of Albania and Bulgaria are invited to enable the Security "
		"Council to hear such declarations as they may wish to make.\n\n"
		"Adopted at the 82nd meeting 11\n\n"
		"11 Paragraphs 1 and 2 were adopted unanimously; para-\ngraph 3 was adopted "
		"\xe2\x80\x9c" "by a majority vote\xe2\x80\x99. No vote was taken\non the draft "
		"resolution as a whole.\n");
	assert_string_equal(r->meta.vote, "Adopted at the 82nd meeting");
	assert_int_equal(r->meta.nvote_marks, 1);
	assert_int_equal(r->meta.vote_marks[0].footnote, 11);
	assert_string_equal(r->meta.meeting, "82nd meeting");
	assert_int_equal(count(r, PARA_FOOTNOTE), 1);

	r = parse("105 (1954). Resolution of 28 July 1954\n[S/3268]\n\n"
		"The Security Council,\n\n"
		"Noting that, in accordance with Article 14 of the\nStatute, the date of the election "
		"to fill this vacancy shall\nbe fixed by the Security Council,\n\n"
		"1. Decides that an election to fill the vacancy shall\ntake place during the ninth "
		"session of the General\nAssembly ;\n\n"
		"Adopted at the 677th meeting. 10\n\n\n"
		"10 Adopted without vote.\n");
	assert_string_equal(r->meta.vote, "Adopted at the 677th meeting.");
	assert_int_equal(r->meta.nvote_marks, 1);
	assert_int_equal(r->meta.vote_marks[0].footnote, 10);
}

/* S/RES/538 (1983), S/RES/871 (1993), S/RES/183 (1963): a number after a paragraph's last
 * punctuation is a marker, whether the volume printed the note here or on another page; a
 * list of numbers ends none. */
static void trailing_marker(void **state)
{
	(void)state;
	const struct resolution *r = parse(
		"Resolution 538 (1983)\nof 18 October 1983\n\n"
		"The Security Council,\n\n"
		"Having heard the statement of the representative of\nLebanon, 18\n\n"
		"Having studied the report of the Secretary-General\non the United Nations Interim "
		"Force in Lebanon, 19\n\n"
		"1. Decides to extend the present mandate of the\nForce for a further interim period "
		"of six months;\n\n"
		"2. Takes note of paragraphs 3, 4, 5\n\n"
		"3. Takes note of the report of the Secretary-General; 20\n\n"
		"Adopted at the 2488th meeting by 13 votes to none,\nwith 2 abstentions.\n\n\n"
		"19 Ibid., document S/16036.\n"
		"20 Ibid., para. 20.\n");
	assert_string_equal(get(r, "pp1")->text,
	                    "Having heard the statement of the representative of Lebanon,");
	assert_string_equal(marks(r, "pp1"), "18");         /* its note is on another page */
	assert_string_equal(marks(r, "pp2"), "19");
	assert_string_equal(marks(r, "op3"), "20");
	assert_string_equal(marks(r, "op2"), "");
	assert_non_null(strstr(get(r, "op2")->text, "paragraphs 3, 4, 5"));
}

/* S/RES/97 (1952): "the General Assembly," wrapped at a line's start ends a sentence; it is
 * no opening of another resolution. A resolution of one unnumbered paragraph has its op1. */
static void wrapped_organ_and_single_paragraph(void **state)
{
	(void)state;
	const struct resolution *r = parse(
		"97 (1952). Resolution of 30 January 1952\n[S/2506]\n\n"
		"The Security Council,\n\n"
		"In view of the recommendation contained in paragraph 2\n"
		"of resolution 502 (VI) adopted on 11 January 1952 by\n"
		"the General Assembly,\n\n"
		"Dissolves the Commission for Conventional Armaments.\n\n"
		"Adopted at the 571st meeting. 10\n\n\n"
		"10 No details of the vote are given in the record of the meeting.\n");
	assert_string_equal(r->meta.symbol, "S/RES/97 (1952)");
	assert_string_equal(r->meta.adopted, "1952-01-30");
	assert_int_equal(count(r, PARA_PREAMBLE), 1);
	assert_int_equal(count(r, PARA_OPERATIVE), 1);
	assert_string_equal(get(r, "op1")->text, "Dissolves the Commission for Conventional Armaments.");
	assert_int_equal(r->meta.nvote_marks, 1);
}

/* S/RES/64 (1948): "Calls upon" opens either part; after a preamble, in the third person, it is
 * the operative paragraph. "Anxious", "Conscious" are adjectives of the preamble. */
static void unnumbered_operative(void **state)
{
	(void)state;
	const struct resolution *r = parse(
		"64 (1948). Resolution of 28 December 1948\n[S/1164]\n\n"
		"The Security Council,\n\n"
		"Noting that the Netherlands Government has not\nso far released the President of the "
		"Republic of Indonesia and all other political prisoners, as required by\nCouncil "
		"resolution 63 (1948) of 24 December 1948,\n\n"
		"Conscious of its responsibility for the maintenance of international peace,\n\n"
		"Calls upon the Netherlands Government to set free\nthese political prisoners "
		"forthwith and report to the\nSecurity Council within twenty-four hours of the\n"
		"adoption of the present resolution.\n\n"
		"Adopted at the 395th meeting by 8 votes to none,\nwith 3 abstentions (Belgium,\n"
		"France, United Kingdom of\nGreat Britain and Northern\nIreland).\n");
	assert_int_equal(count(r, PARA_PREAMBLE), 2);
	assert_int_equal(count(r, PARA_OPERATIVE), 1);
	assert_true(strncmp(get(r, "op1")->text, "Calls upon the Netherlands", 26) == 0);
	assert_true(strncmp(get(r, "pp2")->text, "Conscious of", 12) == 0);
}

/* S/RES/150 (1960): no blank line between the preamble's last paragraph (its marker after the
 * comma) and the operative one. */
static void operative_without_blank_line(void **state)
{
	(void)state;
	const struct resolution *r = parse(
		"150 (1960). Resolution of 23 August 1960\n[S/4462]\n\n"
		"The Security Council,\n\n"
		"Having examined the application of the Republic of\nthe Ivory Coast, 26\n"
		"Recommends to the General Assembly that the Republic of the Ivory Coast be admitted "
		"to membership in\nthe United Nations.\n\n"
		"Adopted unanimously at the\n891st meeting.\n\n"
		"26 Ibid., document S/4431.\n");
	assert_int_equal(count(r, PARA_PREAMBLE), 1);
	assert_int_equal(count(r, PARA_OPERATIVE), 1);
	assert_string_equal(marks(r, "pp1"), "26");
	assert_true(strncmp(get(r, "op1")->text, "Recommends to the General Assembly", 34) == 0);
}

/* S/RES/518 (1982): the opening's comma read as a period. */
static void opening_with_period(void **state)
{
	(void)state;
	const struct resolution *r = parse(
		"Resolution 518 (1982)\nof 12 August 1982\n\n"
		"The Security Council.\n\n"
		"Recalling its resolutions 508 (1982), 509 (1982), 511\n(1982), 512 (1982), 513 (1982), "
		"515 (1982), 516 (1982)\nand 517 (1982),\n\n"
		"1. Demands that Israel lift immediately the blockade\nof the city of Beirut;\n\n"
		"Adopted unanimously at the 2392nd meeting.\n");
	assert_string_equal(r->meta.symbol, "S/RES/518 (1982)");
	assert_string_equal(r->meta.adopted, "1982-08-12");
	assert_int_equal(count(r, PARA_PREAMBLE), 1);
	assert_int_equal(count(r, PARA_OPERATIVE), 1);
	assert_int_equal(count(r, PARA_PLAIN), 0);
}

/* Spaced markers: S/RES/55 (1948) after a plural that counts one, S/RES/74 (1949), S/RES/294
 * (1971) after a symbol, S/RES/207 (1965) before another number. */
static void spaced_markers(void **state)
{
	(void)state;
	const struct resolution *r = parse(
		"55 (1948). Resolution of 29 July 1948\n[S/933]\n\n"
		"The Security Council,\n\n"
		"Having considered the Committee of Good Offices\xe2\x80\x99\nreport, 17\n\n"
		"Calls upon the Governments to maintain\nstrict observance of the Truce and to\n"
		"implement early and fully the twelve Renville political\n"
		"principles 18 and the six additional principles. 19\n\n"
		"Adopted at the 342nd meeting by 9 votes to none.\n\n\n"
		"17 Ibid., document S/919.\n18 Ibid., appendix XIII.\n19 Ibid., appendix VIII.\n");
	assert_string_equal(marks(r, "op1"), "18,19");
	assert_null(strstr(get(r, "op1")->text, "18"));

	r = parse("74 (1949). Resolution of 16 September 1949\n[S/1393]\n"
		"The Security Council,\n"
		"Having received and examined the letter dated 29\nJuly 1949 from the Chairman of the "
		"Atomic Energy\nCommission, 30 transmitting two resolutions 31 adopted at\n"
		"the 24th meeting of the Commission on 29 July 1949,\n\n"
		"Directs the Secretary-General to transmit this letter\nto the General Assembly.\n\n"
		"Adopted at the 450th meeting by 9 votes to 2.\n\n"
		"30 Resolutions or decisions on this question were also adopted.\n\n"
		"31 Official Records of the Security Council, Fourth Year,\ndocument S/1377.\n");
	assert_string_equal(marks(r, "pp1"), "30,31");
	assert_non_null(strstr(get(r, "pp1")->text, "two resolutions adopted at"));

	r = parse("Resolution 294 (1971)\nof 15 July 1971\n\n"
		"The Security Council,\n\n"
		"Taking note of the complaints by Senegal against\nPortugal contained in documents "
		"S/10182 11 and\nS/10251, 12\n\n"
		"1. Demands that the Government of Portugal should\nrespect the sovereignty of Senegal;\n\n"
		"Adopted at the 1586th meeting by 13 votes to none.\n\n"
		"11 Ibid., Supplement for April, May and June 1971.\n"
		"12 Ibid., Supplement for July, August and September 1971.\n");
	assert_string_equal(marks(r, "pp1"), "11,12");
	assert_non_null(strstr(get(r, "pp1")->text, "S/10182 and S/10251,"));
	/* S/RES/275 (1969): after the comma between two symbols, with the notes' texts in the
	 * file and without (a volume's page the extract left out) */
	static const char *const notes[] = { "26 Ibid., Supplement for October, November and "
	                                     "December 1969.\n", "" };
	for (size_t i = 0; i < 2; i++) {
		char text[1024];
		snprintf(text, sizeof text, "Resolution 275 (1969)\nof 22 December 1969\n\n"
			"The Security Council,\n\n"
			"Having noted the contents of the letters of the representative of Guinea in "
			"documents S/9525, 26 S/9528 26 and S/9554, 26\n\n"
			"1. Deeply deplores the loss of life;\n\n"
			"Adopted at the 1526th meeting by 9 votes to none.\n\n%s", notes[i]);
		r = parse(text);
		assert_string_equal(marks(r, "pp1"), "26,26,26");
		assert_non_null(strstr(get(r, "pp1")->text, "documents S/9525, S/9528 and S/9554,"));
	}
	/* without the notes' texts, a number after a symbol's comma is a marker only before
	 * another symbol: "S/9525, 26 States" counts */
	r = parse("Resolution 1 (1990)\nof 1 January 1990\n\n"
		"The Security Council,\n\n"
		"Having noted document S/9525, 26 States having replied,\n\n"
		"1. Decides to remain seized of the matter.\n\n"
		"Adopted at the 1526th meeting by 9 votes to none.\n");
	assert_non_null(strstr(get(r, "pp1")->text, "S/9525, 26 States"));

	r = parse("Resolution 207 (1965)\nof 10 August 1965\n\n"
		"The Security Council,\n\n"
		"Noting the further reports of the Secretary-General\n"
		"of 2 August, 11 5 August 12 and 10 August 1965, 13\n\n"
		"1. Reaffirms its resolution 186 (1964) of 4 March\n1964;\n\n"
		"11 Ibid., document S/6586.\n12 Ibid., document S/6569/Add.1.\n"
		"13 Ibid., document S/6569/Add.2.\n");
	assert_string_equal(marks(r, "pp1"), "11,12,13");
	assert_non_null(strstr(get(r, "pp1")->text, "of 2 August, 5 August and 10 August 1965,"));
	/* lists are counts, not markers: "paragraphs 3 and 4", "resolutions 242 (1967)" */
	r = parse("Resolution 1 (1990)\nof 1 January 1990\n\n"
		"The Security Council,\n\n"
		"Recalling paragraphs 3 and 4 of its resolutions 242 (1967) and 338 (1973),\n\n"
		"1. Decides to remain seized of the matter.\n\n"
		"3 Ibid., document S/1.\n");
	assert_string_equal(marks(r, "pp1"), "");
}

/* Whether the last parse warned of a text containing what. */
static int warned(const char *what)
{
	for (int i = 0; i < d.nwarnings; i++)
		if (strstr(d.warnings[i], what))
			return 1;
	return 0;
}

/* A text cut from a volume's page may carry the notes of the texts beside it: uncited notes
 * numbered just before or after its own (S/RES/504 (1982), S/RES/192 (1964)) are left out,
 * said so; a note kept across a gap, a note a lost marker may cite, a note of a text whose
 * notes start at 1, and the notes of a text that cites none are kept. */
static void page_mates(void **state)
{
	(void)state;
	static const char head[] = "Resolution 504 (1982)\nof 30 April 1982\n\n"
		"The Security Council,\n\n";
	static const struct {
		const char *body, *notes;
		const char *kept, *left_out;
	} cases[] = {
		/* S/RES/504: 66 is the text's above */
		{ "Having taken note of the letters dated 2 December 1981 67 and 31 March 1982, 68\n\n"
		  "1. Takes note of the decision;\n\n",
		  "66 See Official Records, Thirty-seventh Year.\n67 Ibid., document S/15011.\n"
		  "68 Ibid., document S/15012.\n", "67,68", "footnote 66 left out" },
		/* S/RES/192: 7 cited twice, 8 and 9 the text's below */
		{ "Noting that the report of the Secretary-General 7\nconsiders the Force useful,\n\n"
		  "1. Takes note of the report of the Secretary-General; 7\n\n",
		  "7 Ibid., documents S/5764 and Add.1.\n8 Ibid., Eighteenth Year.\n"
		  "9 Ibid., Nineteenth Year.\n", "7", "footnotes 8, 9 left out" },
		/* S/RES/397: 75 kept across the gap to 78 */
		{ "Having examined the application of Angola,\n\n"
		  "1. Recommends the admission of Angola;\n\n"
		  "2. Decides to remain seized of the matter. 78\n\n",
		  "75 Ibid., document S/12230.\n\n78 One member did not participate.\n", "75,78",
		  NULL },
		/* a marker of a note not in the file: an uncited note may be its */
		{ "Recalling the letter dated 12 August 1949 22 and its annex,\n\n"
		  "1. Reaffirms its resolution 465 (1980); 26\n\n",
		  "26 Ibid., document S/1.\n27 Ibid., document S/2.\n", "26,27", NULL },
		/* notes numbered from 1: the text's own, whatever cites them */
		{ "Recalling its resolution 465 (1980),2\n\n1. Decides to remain seized;3\n\n",
		  "1 Ibid., document S/1.\n2 Ibid., document S/2.\n3 Ibid., document S/3.\n",
		  "1,2,3", NULL },
		/* no note cited: nothing tells which are the text's */
		{ "Recalling its resolution 465 (1980),\n\n1. Decides to remain seized;\n\n",
		  "2 Ibid., Supplement No. 3, annex 8.\n", "2", NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char text[2048], kept[64] = "";
		snprintf(text, sizeof text, "%s%sAdopted at the 2358th meeting by consensus.\n\n%s",
		         head, cases[i].body, cases[i].notes);
		const struct resolution *r = parse(text);
		for (size_t k = 0; k < r->npara; k++)
			if (r->paras[k].kind == PARA_FOOTNOTE)
				snprintf(kept + strlen(kept), sizeof kept - strlen(kept), "%s%s",
				         *kept ? "," : "", r->paras[k].num);
		assert_string_equal(kept, cases[i].kept);
		if (cases[i].left_out) {
			assert_true(warned(cases[i].left_out));
			assert_non_null(r->notes_left_out);
		} else {
			assert_false(warned("left out"));
			assert_null(r->notes_left_out);
		}
	}
}

/* S/RES/647 (1990), S/RES/498 (1981): after a date the markers may come out of order, glued
 * to the year ("February 19895"), or cite a note printed on another page. */
static void markers_after_dates(void **state)
{
	(void)state;
	const struct resolution *r = parse(
		"Resolution 647 (1990)\nof 11 January 1990\n\n"
		"The Security Council,\n\n"
		"Recalling the letters dated 14 and 22 April 1988 7 from\nthe Secretary-General to the "
		"President of the Security\nCouncil concerning the Agreements, signed at Geneva on\n"
		"14 April 1988, 6\n\n"
		"Recalling also the note by the Secretary-General of 15\nFebruary 19895 and his report "
		"of 20 October 1989, 4\n\n"
		"1. Confirms its agreement to the measures envisaged\nin the Secretary-General\xe2\x80\x99s "
		"letter of 9 January 1990 3 concerning the arrangements;\n\n"
		"Adopted unanimously at the\n2904th meeting.\n\n\n\n"
		"3 S/21071.\n4 Official Records of the Security Council, Forty-fourth Year, document "
		"S/20911.\n5 Ibid., Supplement for January, February and March 1989, document S/20465.\n"
		"6 Ibid., document S/19835.\n7 Ibid., documents S/19834 and S/19835.\n");
	assert_string_equal(marks(r, "pp1"), "7,6");
	assert_string_equal(marks(r, "pp2"), "5,4");
	assert_string_equal(marks(r, "op1"), "3");
	assert_non_null(strstr(get(r, "pp2")->text, "of 15 February 1989 and his report"));

	r = parse("Resolution 498 (1981)\nof 18 December 1981\n\n"
		"The Security Council,\n\n"
		"Recalling its resolutions 425 (1978), 426 (1978) and 490 (1981),\n\n"
		"Having studied the report of the Secretary-General on the\nUnited Nations Interim Force "
		"in Lebanon, 36\n\n"
		"1. Reaffirms the terms of reference set out in the report of the Secretary-General of "
		"19 March 1978 20 confirmed by resolution 426 (1978);\n\n"
		"Adopted at the 2321st meeting by 13 votes to none.\n\n"
		"36 Ibid., document S/14792.\n37 Ibid., Fourth Year, Special Supplement No. 4.\n");
	assert_string_equal(marks(r, "op1"), "20");        /* on another page of the volume */
	assert_non_null(strstr(get(r, "op1")->text, "19 March 1978 confirmed by"));
	assert_string_equal(marks(r, "pp2"), "36");
}

/* S/RES/466 (1980): the volume's text lost "The Security Council,"; the heading and the
 * preamble's first lead still make a resolution of it, not plain paragraphs. A text without
 * such a heading stays plain. */
static void lost_opening(void **state)
{
	(void)state;
	const struct resolution *r = parse(
		"Resolution 466 (1980)\nof 11 April 1980\n\n"
		"Taking note of the letter dated 8 April 1980 from the Permanent Representative of "
		"Zambia, 61\n\n"
		"Conscious of the need to take effective measures to maintain international peace and "
		"security,\n\n"
		"1. Strongly condemns the racist regime of South Africa;\n\n"
		"2. Decides to remain seized of the matter.\n\n"
		"Adopted unanimously at the 2211th meeting.\n\n"
		"61 See Official Records of the Security Council, Thirty-fifth Year, document S/13878.\n");
	assert_string_equal(r->meta.symbol, "S/RES/466 (1980)");
	assert_string_equal(r->meta.organ, "Security Council");
	assert_string_equal(r->meta.adopted, "1980-04-11");
	assert_int_equal(count(r, PARA_PREAMBLE), 2);
	assert_int_equal(count(r, PARA_OPERATIVE), 2);
	assert_int_equal(count(r, PARA_PLAIN), 0);
	assert_string_equal(marks(r, "pp1"), "61");
	assert_string_equal(r->meta.vote, "Adopted unanimously at the 2211th meeting.");

	r = parse("Taking note of the letter dated 8 April 1980,\n\n"
		"1. Strongly condemns the regime;\n\n2. Decides to remain seized of the matter.\n");
	assert_int_equal(count(r, PARA_PREAMBLE) + count(r, PARA_OPERATIVE), 0);
}

/* S/RES/12 (1946): "Resolves that:" over paragraphs numbered from 1 is their chapeau, a
 * heading, so "paragraph 1" is op1. */
static void chapeau_over_numbers(void **state)
{
	(void)state;
	const struct resolution *r = parse(
		"12 (1946). Resolution of 10 December 1946\n\n"
		"The Security Council\nResolves that:\n\n"
		"1. The representatives of Greece and Yugoslavia are invited to participate in the "
		"discussion without\nvote;\n\n"
		"2. The representatives of Albania and Bulgaria are invited to enable the Security "
		"Council to hear such declarations as they may wish to make.\n\n"
		"Adopted at the 82nd meeting\n");
	assert_int_equal(count(r, PARA_OPERATIVE), 2);
	assert_string_equal(get(r, "op1")->num, "1");
	assert_string_equal(get(r, "op2")->num, "2");
	assert_string_equal(get(r, "h1")->text, "Resolves that:");
	assert_true(res_find(r, "h1") < res_find(r, "op1"));
	/* without numbers under it, "Resolves to appoint ..." is the operative paragraph */
	r = parse("19 (1947). Resolution of 27 February 1947\n\n"
		"The Security Council\n\n"
		"Resolves to appoint a sub-committee of three members to examine all the available "
		"evidence.\n\n"
		"The sub-committee is empowered to request further\ninformation.\n\n"
		"Adopted at the 114th meeting by 8 votes to none.\n");
	assert_true(strncmp(get(r, "op1")->text, "Resolves to appoint", 19) == 0);
	assert_int_equal(count(r, PARA_ANNEX_HEADING), 0);
}

/* OCR slips in operative numbers: S/RES/853 (1993) "ll. Calls", S/RES/85 (1950) "1, Requests",
 * S/RES/593 (1986) "2 Requests", S/RES/871 (1993) "6.Calls". Only the number expected next,
 * before an operative verb: "l. the" or a "3, 4" list stays text. */
static void ocr_numbers(void **state)
{
	(void)state;
	const struct resolution *r = parse(
		"Resolution 853 (1993)\nof 29 July 1993\n\n"
		"The Security Council,\n\n"
		"Recalling its resolution 822 (1993),\n\n"
		"1, Requests the Unified Command to exercise responsibility for the relief;\n\n"
		"2 Requests the Secretary -General to continue his mission of good offices;\n\n"
		"3. Demands the immediate cessation of all hostilities;\n\n"
		"4.Calls for an immediate cease-fire agreement between the\nparties;\n\n"
		"5. Urges the parties to refrain from any action;\n\n"
		"6. Requests the Secretary-General to report;\n\n"
		"7. Urges States to refrain;\n\n8. Demands restraint;\n\n9. Urges talks;\n\n"
		"10. Requests reports;\n\n"
		"ll. Calls once again for unimpeded access for international\nhumanitarian relief "
		"efforts;\n\n"
		"12. Decides to remain actively seized of the matter.\n\n"
		"Adopted unanimously at the 3259th meeting.\n");
	assert_int_equal(count(r, PARA_OPERATIVE), 12);
	for (int k = 1; k <= 12; k++) {
		char id[8], num[4];
		snprintf(id, sizeof id, "op%d", k);
		snprintf(num, sizeof num, "%d", k);
		assert_string_equal(get(r, id)->num, num);
	}
	assert_true(strncmp(get(r, "op11")->text, "Calls once again", 16) == 0);
	assert_true(strncmp(get(r, "op1")->text, "Requests the Unified", 20) == 0);
	assert_true(strncmp(get(r, "op4")->text, "Calls for an immediate", 22) == 0);
	assert_null(strstr(get(r, "op10")->text, "Calls once"));
}

/* S/RES/183 (1963): "5, Notes" is paragraph 5; after the vote line, "5. Ibid., ..." is
 * footnote 5, not a second paragraph 5. */
static void numbered_note_after_vote(void **state)
{
	(void)state;
	const struct resolution *r = parse(
		"183 (1963). Resolution of 11 December 1963\n[S/5481]\n\n"
		"The Security Council,\n\n"
		"Having considered the Secretary-General\xe2\x80\x99s report as\ncontained in document "
		"S/5448 and addenda, 5\n\n"
		"4. Reaffirms the interpretation of self-determination;\n\n"
		"5, Notes General Assembly resolution 1542 (XV) of\n15 December 1960;\n\n"
		"6. Requests the Secretary-General to continue his\nefforts and report to the Security "
		"Council not later than\n1 June 1964.\n\n"
		"Adopted at the 1083rd meeting\nby 10 votes to none, with\n1 abstention (France).\n\n\n"
		"5. Ibid., Supplement for October, November and December 1963, documents S/5448 and "
		"Add.1-3.\n");
	assert_int_equal(count(r, PARA_OPERATIVE), 3);
	assert_string_equal(get(r, "op5")->num, "5");
	assert_true(strncmp(get(r, "op5")->text, "Notes General Assembly", 22) == 0);
	assert_int_equal(count(r, PARA_FOOTNOTE), 1);
	assert_true(strncmp(get(r, "fn5")->text, "Ibid., Supplement", 17) == 0);
	assert_string_equal(marks(r, "pp1"), "5");
	/* before the closing lines a numbered "Ibid." stays a paragraph: no vote, no footnote */
	r = parse("Resolution 1 (1990)\nof 1 January 1990\n\nThe Security Council,\n\n"
		"1. Decides to remain seized;\n\n2. See the annex.\n");
	assert_int_equal(count(r, PARA_OPERATIVE), 2);
	assert_int_equal(count(r, PARA_FOOTNOTE), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(vote_line_marker, teardown),
		cmocka_unit_test_teardown(trailing_marker, teardown),
		cmocka_unit_test_teardown(wrapped_organ_and_single_paragraph, teardown),
		cmocka_unit_test_teardown(unnumbered_operative, teardown),
		cmocka_unit_test_teardown(operative_without_blank_line, teardown),
		cmocka_unit_test_teardown(opening_with_period, teardown),
		cmocka_unit_test_teardown(spaced_markers, teardown),
		cmocka_unit_test_teardown(markers_after_dates, teardown),
		cmocka_unit_test_teardown(page_mates, teardown),
		cmocka_unit_test_teardown(lost_opening, teardown),
		cmocka_unit_test_teardown(chapeau_over_numbers, teardown),
		cmocka_unit_test_teardown(ocr_numbers, teardown),
		cmocka_unit_test_teardown(numbered_note_after_vote, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
