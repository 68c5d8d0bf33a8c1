/* test_shape_pdf.c: text as pdftotext gives it -> blocks (shape-pdf.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc/blocks.h"

static struct block_list read_pdf(const char *text)
{
	struct block_list bl;
	struct parse_diag d;
	memset(&bl, 0, sizeof bl);
	memset(&d, 0, sizeof d);
	assert_int_equal(shape_pdf(text, strlen(text), &bl, &d), 0);
	return bl;
}

/* Three pages, no blank lines between paragraphs (the measure and the lead phrases find
 * them), masthead, running heads, footers, and a footnote that runs onto the next page. */
static const char three_pages[] =
	"United Nations\n"
	"A/RES/71/300\n"
	"General Assembly\n"
	"Distr.: General\n"
	"12 January 2017\n"
	"Seventy-first session\n"
	"Agenda item 68 (b)\n"
	"Resolution adopted by the General Assembly on 20 December 2016\n"
	"[on the report of the Third Committee (A/71/484/Add.2)]\n"
	"71/300. Protection of lighthouse keepers\n"
	"The General Assembly,\n"
	"Recalling its resolutions 69/170 of 18 December 2014 and 70/145 of 17 Decem-\n"
	"ber 2015, and the Universal Declaration of Human Rights,1\n"
	"Reaffirming the importance of the Convention on Coastal Safety of 20152 and the\n"
	"work of the maritime communities in the pro-\n"
	"tection of lighthouse keepers,\n"
	"Deeply concerned at the isolation of keepers in remote stations,\n"
	"_______________\n"
	"1 Resolution 217 A (III).\n"
	"2 United Nations, Treaty Series, vol. 3001, No. 51234; see also the report of the\n"
	"\n"
	"16-22511 (E) 100117\n"
	"*1622511*\n"
	"\f"
	"A/RES/71/300\n"
	"Protection of lighthouse keepers\n"
	"2/3\n"
	"1.\n"
	"Welcomes the efforts of States to improve the conditions of keepers and the\n"
	"support given by the International Maritime Organization;3\n"
	"2.\n"
	"Calls upon all States to ensure that keepers have regular contact with their\n"
	"families, and to provide them with\n"
	"_______________\n"
	"Secretary-General on the safety of navigation (A/70/999).\n"
	"3 See A/71/123, annex.\n"
	"16-22511\n"
	"\f"
	"A/RES/71/300\n"
	"Protection of lighthouse keepers\n"
	"3/3\n"
	"means of communication;\n"
	"3.\n"
	"Decides to continue its consideration of the question at its seventy-third session.\n"
	"65th plenary meeting\n"
	"20 December 2016\n"
	"16-22511\n";

static void three_page_resolution(void **state)
{
	(void)state;
	struct block_list bl = read_pdf(three_pages);
	const char *want[] = {
		"Resolution adopted by the General Assembly on 20 December 2016",
		"[on the report of the Third Committee (A/71/484/Add.2)]",
		"71/300. Protection of lighthouse keepers",
		"The General Assembly,",
		"Recalling its resolutions 69/170 of 18 December 2014 and 70/145 of 17 December "
		"2015, and the Universal Declaration of Human Rights,1",
		"Reaffirming the importance of the Convention on Coastal Safety of 20152 and the work "
		"of the maritime communities in the protection of lighthouse keepers,",
		"Deeply concerned at the isolation of keepers in remote stations,",
		"1. Welcomes the efforts of States to improve the conditions of keepers and the "
		"support given by the International Maritime Organization;3",
		"2. Calls upon all States to ensure that keepers have regular contact with their "
		"families, and to provide them with means of communication;",
		"3. Decides to continue its consideration of the question at its seventy-third "
		"session.",
		"65th plenary meeting",
		"20 December 2016",
		"1 Resolution 217 A (III).",
		"2 United Nations, Treaty Series, vol. 3001, No. 51234; see also the report of the "
		"Secretary-General on the safety of navigation (A/70/999).",
		"3 See A/71/123, annex.",
	};
	size_t nw = sizeof want / sizeof *want;
	for (size_t i = 0; i < bl.n && i < nw; i++)
		assert_string_equal(bl.v[i].text, want[i]);
	assert_int_equal(bl.n, nw);
	for (size_t i = 0; i < nw; i++)
		assert_int_equal(bl.v[i].zone, i >= nw - 3 ? ZONE_FOOTNOTE : ZONE_BODY);
	assert_int_equal(bl.v[7].page, 2);
	assert_int_equal(bl.v[13].page, 1);
	assert_string_equal(bl.hints.symbol, "A/RES/71/300");
	assert_string_equal(bl.hints.organ, "General Assembly");
	assert_string_equal(bl.hints.distributed, "2017-01-12");
	assert_string_equal(bl.hints.session, "71");
	assert_string_equal(bl.hints.agenda_item, "68 (b)");
	assert_string_equal(bl.hints.job, "16-22511 (E)");
	blocks_free(&bl);
}

/* The same with blank lines between paragraphs, as pdftotext gives some documents. */
static void blank_separated_pages(void **state)
{
	(void)state;
	struct block_list bl = read_pdf(
		"A/RES/71/301\n\n"
		"The General Assembly,\n\n"
		"Recalling its resolution 70/1,\n\n"
		"1. Requests the Secretary-General to submit a short\n"
		"report,\n\n"
		"2/2\n\f"
		"A/RES/71/301\n\n"
		"with recommendations, at its seventy-second session;\n\n"
		"2. Decides to conclude.\n");
	assert_int_equal(bl.n, 4);
	assert_string_equal(bl.v[2].text, "1. Requests the Secretary-General to submit a short "
		"report, with recommendations, at its seventy-second session;");
	assert_string_equal(bl.v[3].text, "2. Decides to conclude.");
	blocks_free(&bl);
}

/* Two resolutions, each with a masthead page: footnotes stay with their resolution and
 * the numbering restarts. */
static void compilation_keeps_footnotes_apart(void **state)
{
	(void)state;
	struct block_list bl = read_pdf(
		"United Nations\nA/RES/71/1\nGeneral Assembly\nDistr.: General\n1 October 2016\n"
		"71/1. First\nThe General Assembly,\n1. Decides to act.1\n"
		"_______________\n1 First note.\n16-22512 (E)\n\f"
		"United Nations\nA/RES/71/2\nGeneral Assembly\nDistr.: General\n1 October 2016\n"
		"71/2. Second\nThe General Assembly,\n1. Decides to act too.1\n"
		"_______________\n1 Second note.\n");
	const char *want[] = { "71/1. First", "The General Assembly,", "1. Decides to act.1",
		"1 First note.", "71/2. Second", "The General Assembly,", "1. Decides to act too.1",
		"1 Second note." };
	assert_int_equal(bl.n, 8);
	for (size_t i = 0; i < 8; i++)
		assert_string_equal(bl.v[i].text, want[i]);
	assert_int_equal(bl.v[3].zone, ZONE_FOOTNOTE);
	assert_int_equal(bl.v[4].zone, ZONE_BODY);
	assert_int_equal(bl.v[7].zone, ZONE_FOOTNOTE);
	blocks_free(&bl);
}

static void ligatures_and_soft_hyphens(void **state)
{
	(void)state;
	struct block_list bl = read_pdf("1. Notes the \xef\xac\x81nancial e\xef\xac\x80" "ects of the "
	                                "pro\xc2\xadtection o\xef\xac\x83" "ce;\n");
	assert_int_equal(bl.n, 1);
	assert_string_equal(bl.v[0].text, "1. Notes the financial effects of the protection office;");
	blocks_free(&bl);
}

/* The rule was a drawn line the extraction lost: numbered notes at the foot of a page that
 * the page cites are still footnotes; a wrapped date at a line start is not. */
static void footnotes_without_rule(void **state)
{
	(void)state;
	struct block_list bl = read_pdf(
		"The General Assembly,\n"
		"Recalling the Convention of 20151 and its decision taken on\n"
		"1 July 2030,\n"
		"1. Decides to act.2\n"
		"1 United Nations, Treaty Series, vol. 3000, No. 1.\n"
		"2 See A/85/1.\n"
		"30-11111 (E)\n\f"
		"A/RES/85/1\n"
		"2. Requests a report.3\n"
		"3 A/85/2.\n");
	const char *want[] = { "The General Assembly,",
		"Recalling the Convention of 20151 and its decision taken on 1 July 2030,",
		"1. Decides to act.2", "2. Requests a report.3",
		"1 United Nations, Treaty Series, vol. 3000, No. 1.", "2 See A/85/1.", "3 A/85/2." };
	size_t nw = sizeof want / sizeof *want;
	for (size_t i = 0; i < bl.n && i < nw; i++)
		assert_string_equal(bl.v[i].text, want[i]);
	assert_int_equal(bl.n, nw);
	assert_int_equal(bl.v[4].zone, ZONE_FOOTNOTE);
	assert_int_equal(bl.v[6].zone, ZONE_FOOTNOTE);
	blocks_free(&bl);
}

/* "(1)", "(2)" at the foot of a page are an annex's list, not notes whose rule was lost,
 * unless the body glues "(1)" to a word; an annex title set without a blank line ends at
 * its short last line. */
static void lists_at_the_foot_are_not_notes(void **state)
{
	(void)state;
	struct block_list bl = read_pdf(
		"Annex A\n"
		"Entries for the proposed changes to the list of goods under review\n"
		"Chemical Section:\n"
		"(1) C.1.0.4: Quantities of three named salts that exceed the established rates of\n"
		"consumption set out in the present annex and agreed by the Committee for each item.\n"
		"Biological Section:\n"
		"(1) 12: Quantities of two named medicines that exceed the established consumption\n"
		"rates.\n"
		"(2) 2.5: Sterilizing equipment with an internal volume of one cubic metre or greater\n"
		"and the following components:\n"
		"30-11111 (E)\n\f"
		"S/RES/3000 (2030)\n"
		"(3) 3.3: Orbital shakers with a total flask capacity greater than twenty-five litres.\n");
	for (size_t i = 0; i < bl.n; i++)
		assert_int_equal(bl.v[i].zone, ZONE_BODY);
	assert_string_equal(bl.v[1].text,
	                    "Entries for the proposed changes to the list of goods under review");
	assert_string_equal(bl.v[2].text, "Chemical Section:");
	blocks_free(&bl);
}

/* Pages whose paragraphs stand apart by blank lines: a page break inside a word run joins
 * whatever the case of the next word; one after a finished clause does not. */
static void page_break_mid_sentence(void **state)
{
	(void)state;
	struct block_list bl = read_pdf(
		"The Security Council,\n\nRecalling its resolutions,\n\nNoting the report,\n\n"
		"1. Requests the Mission:\n\n(a) To support the\n\n30-11111 (E)\n\f"
		"S/RES/3000 (2030)\n2/2\n\nUnited Nations Development Programme in the region;\n\n"
		"(b) To report.\n\n2. Decides to act.\n\f"
		"S/RES/3000 (2030)\n3/3\n\nNoting also the letter of the President,\n");
	const char *want[] = { "The Security Council,", "Recalling its resolutions,",
		"Noting the report,", "1. Requests the Mission:",
		"(a) To support the United Nations Development Programme in the region;",
		"(b) To report.", "2. Decides to act.", "Noting also the letter of the President," };
	size_t nw = sizeof want / sizeof *want;
	for (size_t i = 0; i < bl.n && i < nw; i++)
		assert_string_equal(bl.v[i].text, want[i]);
	assert_int_equal(bl.n, nw);
	blocks_free(&bl);
}

static void glued_footnote_numbers(void **state)
{
	(void)state;
	struct block_list bl = read_pdf(
		"1. Takes note.1\n_______________\n1Resolution 217 A (III).\n2\nSee A/58/275.\n");
	assert_int_equal(bl.n, 3);
	assert_string_equal(bl.v[1].text, "1 Resolution 217 A (III).");
	assert_string_equal(bl.v[2].text, "2 See A/58/275.");
	blocks_free(&bl);
}

/* pdftotext -layout: two-column masthead, the agenda item's title under it, a running head
 * that repeats the title next to the symbol on the only other page. */
static void layout_mode_and_running_title(void **state)
{
	(void)state;
	struct block_list bl = read_pdf(
		"United Nations                                        A/RES/79/88\n"
		"General Assembly                                      Distr.: General\n"
		"                                                      11 December 2024\n"
		"Seventy-ninth session\n"
		"Agenda item 7\n"
		"Organization of work, adoption of the agenda and allocation of\n"
		"items\n"
		"\n"
		"Resolution adopted by the General Assembly on 9 December 2024\n"
		"\n"
		"79/88. Safety of harbour pilots\n"
		"The General Assembly,\n"
		"      Recalling its resolution 77/190,\n"
		"      1. Decides to keep the question under review;\n"
		"24-23456 (E)\n"
		"\f"
		"A/RES/79/88                                  Safety of harbour pilots\n"
		"      2. Requests a report.\n"
		"2/2                                                          24-23456\n");
	const char *want[] = { "Resolution adopted by the General Assembly on 9 December 2024",
		"79/88. Safety of harbour pilots", "The General Assembly,",
		"Recalling its resolution 77/190,", "1. Decides to keep the question under review;",
		"2. Requests a report." };
	for (size_t i = 0; i < bl.n && i < 6; i++)
		assert_string_equal(bl.v[i].text, want[i]);
	assert_int_equal(bl.n, 6);
	assert_string_equal(bl.hints.symbol, "A/RES/79/88");
	assert_string_equal(bl.hints.distributed, "2024-12-11");
	assert_string_equal(bl.hints.agenda_item, "7");
	assert_string_equal(bl.hints.session, "79");
	blocks_free(&bl);
}

/* Mastheads in other languages: names, spaced-out Chinese, agenda titles go to the hints or
 * away; the heading lines each start a block. */
static void mastheads_in_other_languages(void **state)
{
	(void)state;
	static const char *const docs[][2] = {
		{ "Nations Unies\nA/RES/79/412\nAssemblée générale\nDistr. générale\n"
		  "18 décembre 2024\nSoixante-dix-neuvième session\nPoint 20 de l’ordre du jour\n"
		  "Développement durable\n"
		  "Résolution adoptée par l’Assemblée générale le 14 décembre 2024\n"
		  "[sur la base du rapport de la Deuxième Commission (A/79/455)]\n"
		  "79/412. Sécurité des voies navigables intérieures\nL’Assemblée générale,\n"
		  "Rappelant sa résolution 77/190,\n1. Décide de poursuivre.\n24-23456 (F)\n*2423456*\n",
		  "Résolution adoptée par l’Assemblée générale le 14 décembre 2024" },
		{ "联合国\nA/RES/79/412\n大　会\nDistr.: General\n2024年12月18日\n第七十九届会议\n"
		  "议程项目20\n可持续发展\n大会2024年12月14日通过的决议\n"
		  "[根据第二委员会的报告(A/79/455)通过]\n79/412. 内河航道安全\n大会，\n"
		  "回顾其第77/190号决议，\n1. 决定继续审议。\n24-23456 (C)\n*2423456*\n",
		  "大会2024年12月14日通过的决议" },
		{ "Организация Объединенных Наций\nA/RES/79/412\nГенеральная Ассамблея\n"
		  "Distr.: General\n18 December 2024\nСемьдесят девятая сессия\n"
		  "Пункт 20 повестки дня\nУстойчивое развитие\n"
		  "Резолюция, принятая Генеральной Ассамблеей 14 декабря 2024 года\n"
		  "[по докладу Второго комитета (A/79/455)]\n79/412. Безопасность\n"
		  "Генеральная Ассамблея,\nссылаясь на свою резолюцию 77/190,\n"
		  "1. постановляет продолжить.\n24-23456 (R)\n",
		  "Резолюция, принятая Генеральной Ассамблеей 14 декабря 2024 года" },
	};
	for (size_t k = 0; k < sizeof docs / sizeof *docs; k++) {
		struct block_list bl = read_pdf(docs[k][0]);
		assert_int_equal(bl.n, 6);
		assert_string_equal(bl.v[0].text, docs[k][1]);
		assert_true(bl.v[1].text[0] == '[');
		assert_memory_equal(bl.v[2].text, "79/412", 6);
		assert_string_equal(bl.hints.symbol, "A/RES/79/412");
		assert_string_equal(bl.hints.organ, "General Assembly");
		assert_string_equal(bl.hints.distributed, "2024-12-18");
		assert_string_equal(bl.hints.agenda_item, "20");
		assert_int_equal(bl.hints.job[0], '2');
		if (k == 1)
			assert_string_equal(bl.hints.session, "79");   /* 第七十九届会议 */
		blocks_free(&bl);
	}
}

/* A hard-wrapped Security Council text that lost its blank lines. */
static void security_council_without_blank_lines(void **state)
{
	(void)state;
	struct block_list bl = read_pdf(
		"Resolution 3200 (2032)\n"
		"Adopted by the Security Council at its 9990th meeting,\n"
		"on 2 May 2032\n"
		"The Security Council,\n"
		"Recalling the report of the Secretary-General of 10 April 2032, 12\n"
		"Noting with concern the situation in the region and the statements by the\n"
		"parties, |\n"
		"1. Decides to extend the mandate of the mission until 31 May 2033;\n"
		"2. Requests the Secretary-General to report on the implementation of this\n"
		"resolution every ninety days.\n"
		"Adopted unanimously at the\n"
		"9990th meeting.\n"
		"12 S/2032/301.\n"
		"13 S/2032/302.\n");
	const char *want[] = { "Resolution 3200 (2032)",
		"Adopted by the Security Council at its 9990th meeting, on 2 May 2032",
		"The Security Council,", "Recalling the report of the Secretary-General of 10 April 2032, 12",
		"Noting with concern the situation in the region and the statements by the parties,",
		"1. Decides to extend the mandate of the mission until 31 May 2033;",
		"2. Requests the Secretary-General to report on the implementation of this resolution "
		"every ninety days.",
		"Adopted unanimously at the 9990th meeting.", "12 S/2032/301.", "13 S/2032/302." };
	size_t nw = sizeof want / sizeof *want;
	for (size_t i = 0; i < bl.n && i < nw; i++)
		assert_string_equal(bl.v[i].text, want[i]);
	assert_int_equal(bl.n, nw);
	assert_int_equal(bl.v[7].zone, ZONE_BODY);
	assert_int_equal(bl.v[8].zone, ZONE_FOOTNOTE);
	assert_int_equal(bl.v[9].zone, ZONE_FOOTNOTE);
	blocks_free(&bl);
}

/* pdftotext's default mode (A/RES/73/6, A/RES/73/3): footnote numbers stand apart from their
 * texts, in no fixed order, among job numbers and date codes; markers are words of their
 * own; justified words come apart; a line that ended in a compound's hyphen runs on. */
static const char split_notes_text[] =
	"A/RES/73/6\n\nUnited Nations\n\nGeneral Assembly\n\nDistr.: General\n31 October 2018\n\n"
	"Seventy-third session\nAgenda item 30\n\n"
	"Resolution adopted by the General Assembly on\n26 October 2018\n"
	"[without reference to a Main Committee (A/73/L.6 and A/73/L.6/Add.1)]\n\n"
	"73/6.\n\n"
	"Fiftieth anniversary of the first United Nations Conference on the\n"
	"Exploration and Peaceful Uses of Outer Space\n"
	"The General Assembly,\n"
	"Recognizing that the fiftieth anniversary of the first United Nations Confere nce\n"
	"on the Exploration and Peaceful Uses of Outer Space (UNISPACE+50) offers a\n"
	"unique opportunity for Member States to reflect on more than 50 years of achievement\n"
	"in space exploration and use and to chart the future contribution of the Committee on\n"
	"the Peaceful Uses of Outer Space to the global governance of outer space activities, 1\n"
	"at a time when more participants, representing both governmental agencies and\n"
	"non-governmental entities, including industry and the private sector, are increasingly\n"
	"becoming involved in ventures to explore and use space, to the benefit of peopl e and\n"
	"the planet, and to the benefit of children under 5 years of age and capacity-building,\n"
	"\n__________________\n1\n\n18-17962 (E)\n\nSee A/AC.105/1137.\n\n021118\n\n*1817962*\n\n"
	"\fA/RES/73/6\n\n"
	"Convinced that the fulfilment of the 2030 Agenda for Sustainable\n"
	"Development, 2 of the Sendai Framework for Disaster Risk Reduction "
	"2015\xe2\x80\x93" "2030 3 and\n"
	"of the commitments by States parties to the Paris Agreement 4 requires stronger\n"
	"coordination and support at all international levels, including through improved\n"
	"access to space-based data and the United Nations Platform (UN -SPIDER), and\n"
	"reaffirming General Assembly resolution 51/122, entitled "
	"\xe2\x80\x9c" "Declaration on All St ates,\n"
	"Taking into Particular Account the Needs of Developing Countries \xe2\x80\x9d, and the need to\n"
	"promote the fullest implementation thereof and of the Women \xe2\x80\x99s programme,\n"
	"Welcoming the objectives of UNISPACE+50,1 and noting with satisfaction\n"
	"that the Office can fully and effectively implement its mandate, including capacity "
	"building activities for Member States in the field of space science and technology and\n"
	"towards low-emission and resilient societies, and capacity-building for the twentyfirst "
	"century,\n"
	"1.\n"
	"Notes that space is a driver of the Sustainable Development Goals 2 for the benefit of all\n"
	"countries and of the persons who serve them;\n"
	"__________________\n\n"
	"Resolution 70/1.\nResolution 69/283, annex II.\n4\n"
	"See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.\n2\n3\n\n2/5\n\n18-17962\n";

static const struct block *nth_body(const struct block_list *bl, size_t k)
{
	for (size_t i = 0; i < bl->n; i++)
		if (bl->v[i].zone == ZONE_BODY && k-- == 0)
			return &bl->v[i];
	fail_msg("no body block %zu", k);
	return NULL;
}

static const char *footnote_text(const struct block_list *bl, size_t k)
{
	for (size_t i = 0; i < bl->n; i++)
		if (bl->v[i].zone == ZONE_FOOTNOTE && k-- == 0)
			return bl->v[i].text;
	return "";
}

/* The numbers a page has, in order, go to its texts in order; a job number, a date code
 * and a page number among them are furniture; numbers under the last text that go on from
 * the last note ("2", "3" after "4 See ...") count, a page number does not. */
static void split_footnote_numbers_paired(void **state)
{
	(void)state;
	struct block_list bl = read_pdf(split_notes_text);
	assert_string_equal(footnote_text(&bl, 0), "1 See A/AC.105/1137.");
	assert_string_equal(footnote_text(&bl, 1), "2 Resolution 70/1.");
	assert_string_equal(footnote_text(&bl, 2), "3 Resolution 69/283, annex II.");
	assert_string_equal(footnote_text(&bl, 3),
	                    "4 See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.");
	assert_string_equal(footnote_text(&bl, 4), "");
	assert_int_equal(bl.exact_marks, 1);
	blocks_free(&bl);
}

/* A number is a marker where it cites the next note not yet cited ("activities, 1",
 * "2015–2030 3", "Agreement 4"), or one cited before after a comma ("UNISPACE+50,1") or a
 * name ("Goals 2 for"); never after a bare lower-case word ("under 5 years"). */
static void markers_from_the_notes(void **state)
{
	(void)state;
	struct block_list bl = read_pdf(split_notes_text);
	const struct block *b = nth_body(&bl, 4);
	assert_non_null(strstr(b->text, "outer space activities, at a time"));
	assert_non_null(strstr(b->text, "children under 5 years"));
	assert_int_equal(b->nmarks, 1);
	assert_int_equal(b->marks[0].footnote, 1);
	assert_memory_equal(b->text + b->marks[0].byte - 11, "activities,", 11);
	b = nth_body(&bl, 5);
	assert_non_null(strstr(b->text, "Development, of the Sendai Framework for Disaster Risk "
	                                 "Reduction 2015\xe2\x80\x93" "2030 and of the"));
	assert_int_equal(b->nmarks, 3);
	assert_int_equal(b->marks[0].footnote, 2);
	assert_int_equal(b->marks[1].footnote, 3);
	assert_int_equal(b->marks[2].footnote, 4);
	assert_memory_equal(b->text + b->marks[2].byte - 9, "Agreement", 9);
	b = nth_body(&bl, 6);
	assert_int_equal(b->nmarks, 1);
	assert_int_equal(b->marks[0].footnote, 1);
	assert_memory_equal(b->text + b->marks[0].byte - 12, "UNISPACE+50,", 12);
	b = nth_body(&bl, 7);
	assert_non_null(strstr(b->text, "Goals for the benefit"));
	assert_int_equal(b->nmarks, 1);
	assert_int_equal(b->marks[0].footnote, 2);
	blocks_free(&bl);
}

/* Words justified apart are mended by the document's own words ("Confere nce": it has
 * "Conference"; "peopl e": other words end in "e") but two words stay two ("persons who");
 * a hyphen's word and closing quotes join the word before ("UN -SPIDER", "Countries ”",
 * "Women ’s"); a quoted title's lead phrase starts no paragraph; a line run on past the
 * measure gets back the hyphen it lost where the document vouches for the compound
 * ("capacity-building" elsewhere) or English does ("twenty-first"). */
static void mended_words(void **state)
{
	(void)state;
	struct block_list bl = read_pdf(split_notes_text);
	const struct block *b = nth_body(&bl, 4);
	assert_non_null(strstr(b->text, "United Nations Conference on the Exploration"));
	assert_non_null(strstr(b->text, "benefit of people and"));
	b = nth_body(&bl, 5);
	assert_non_null(strstr(b->text, "Platform (UN-SPIDER), and reaffirming"));
	assert_non_null(strstr(b->text, "on All States, Taking into Particular Account the "
	                                 "Needs of Developing Countries\xe2\x80\x9d, and the need"));
	assert_non_null(strstr(b->text, "the Women\xe2\x80\x99s programme,"));
	b = nth_body(&bl, 6);
	assert_non_null(strstr(b->text, "its mandate, including capacity-building activities"));
	assert_non_null(strstr(b->text, "capacity-building for the twenty-first century,"));
	b = nth_body(&bl, 7);
	assert_non_null(strstr(b->text, "the persons who serve them;"));
	blocks_free(&bl);
}

/* "73/6." alone goes before its title's first line; text adopted inline after "...:" that
 * opens with the resolution's title has the title and the short line under it set apart
 * as headings (A/RES/73/3). */
static void number_alone_and_inline_title(void **state)
{
	(void)state;
	struct block_list bl = read_pdf(split_notes_text);
	assert_string_equal(nth_body(&bl, 2)->text, "73/6. Fiftieth anniversary of the first "
	                    "United Nations Conference on the Exploration and Peaceful Uses of "
	                    "Outer Space");
	blocks_free(&bl);
	static const char inline_text[] =
		"A/RES/73/3\n\nUnited Nations\n\nGeneral Assembly\n\nDistr.: General\n18 October 2018\n\n"
		"Resolution adopted by the General Assembly\non 10 October 2018\n\n"
		"73/3.\n\n"
		"Political declaration of the high-level meeting of the\n"
		"General Assembly on the fight against tuberculosis\n"
		"The General Assembly\n"
		"Adopts the following political declaration approved by the high-level meeting\n"
		"of the General Assembly on the fight against tuberculosis on 26 September 2018:\n\n"
		"Political declaration of the high-level meeting of the\n"
		"General Assembly on the fight against tuberculosis\n"
		"United to end tuberculosis: an urgent global response to a global epidemic\n"
		"We, Heads of State and Government and representatives of States and\n"
		"Governments, assembled at the United Nations in New York on 26 September 2018,\n"
		"reaffirm our commitment to ending the tuberculosis epidemic, and we therefore:\n"
		"1.\n"
		"Reaffirm the 2030 Agenda for Sustainable Development, 1 including the\n"
		"resolve to end the tuberculosis epidemic by 2030;\n"
		"__________________\n1\n\nResolution 70/1.\n\n18-16895\n";
	bl = read_pdf(inline_text);
	const struct block *t = nth_body(&bl, 4), *h = nth_body(&bl, 5), *w = nth_body(&bl, 6);
	assert_true(t->heading);
	assert_string_equal(t->text, "Political declaration of the high-level meeting of the "
	                    "General Assembly on the fight against tuberculosis");
	assert_true(h->heading);
	assert_string_equal(h->text, "United to end tuberculosis: an urgent global response to "
	                    "a global epidemic");
	assert_false(w->heading);
	assert_memory_equal(w->text, "We, Heads", 9);
	assert_false(nth_body(&bl, 3)->heading);
	blocks_free(&bl);
}

/* A rule drawn, not typed (pdftotext of A/RES/78/217 as LibreOffice sets it): the numbers
 * alone at the foot, one more each, the texts under them; markers glued to a year after a
 * comma ("2017,1") or to the year itself ("12 July 20214"), before a number ("36/5"). */
static void drawn_rule_and_year_markers(void **state)
{
	(void)state;
	static const char text[] =
		"United Nations\n\nA/RES/78/217\n\nGeneral Assembly\nDistr.: General\n"
		"22 December 2023\n\nResolution adopted by the General Assembly\non 19 December 2023\n\n"
		"78/217. Protection of migrants\n"
		"The General Assembly,\n"
		"Recalling all its previous resolutions on the protection of migrants,\n"
		"the most recent of which is resolution 76/172 of 16 December 2021, and\n"
		"recalling also Human Rights Council resolutions 35/17 of 22 June 2017,1\n"
		"36/5 of 28 September 2017,2 41/7 of 11 July 2019 and 47/12 of 12 July 20213\n"
		"and of the other relevant resolutions of the Council and the Assembly,\n"
		"Reaffirming the Universal Declaration of Human Rights,4 which\n"
		"proclaims that all human beings are born free and equal in dignity,\n"
		"1\n2\n3\n4\n\n"
		"See Official Records of the General Assembly, Seventy-second Session,\n"
		"Supplement No. 53 (A/72/53), chap. V, sect. A.\n"
		"Ibid., Supplement No. 53A (A/72/53/Add.1), chap. III.\n"
		"Ibid., Seventy-sixth Session, Supplement No. 53 (A/76/53), chap. VII,\n"
		"sect. A.\n"
		"Resolution 217 A (III).\n\n"
		"23-25876 (E)\n*2325876*\n";
	struct block_list bl = read_pdf(text);
	assert_string_equal(footnote_text(&bl, 0), "1 See Official Records of the General "
	                    "Assembly, Seventy-second Session, Supplement No. 53 (A/72/53), chap. V, "
	                    "sect. A.");
	assert_string_equal(footnote_text(&bl, 1),
	                    "2 Ibid., Supplement No. 53A (A/72/53/Add.1), chap. III.");
	assert_string_equal(footnote_text(&bl, 2), "3 Ibid., Seventy-sixth Session, Supplement "
	                    "No. 53 (A/76/53), chap. VII, sect. A.");
	assert_string_equal(footnote_text(&bl, 3), "4 Resolution 217 A (III).");
	const struct block *b = nth_body(&bl, 3);
	assert_non_null(strstr(b->text, "of 22 June 2017, 36/5 of 28 September 2017, 41/7 of "
	                                 "11 July 2019 and 47/12 of 12 July 2021 and of"));
	assert_int_equal(b->nmarks, 3);
	assert_int_equal(b->marks[2].footnote, 3);
	assert_memory_equal(b->text + b->marks[2].byte - 4, "2021", 4);
	b = nth_body(&bl, 4);
	assert_int_equal(b->nmarks, 1);
	assert_int_equal(b->marks[0].footnote, 4);
	blocks_free(&bl);
}

/* Under a drawn rule pdftotext may give each number before its text once the run is out
 * (A/RES/76/300: "6", "7", two texts, "8", a text, ...); "A." under "... sect." goes on. */
static void drawn_rule_numbers_among_texts(void **state)
{
	(void)state;
	static const char text[] =
		"United Nations\n\nA/RES/76/300\n\nGeneral Assembly\nDistr.: General\n"
		"1 August 2022\n\nResolution adopted by the General Assembly\non 28 July 2022\n\n"
		"76/300. The human right to a clean, healthy and sustainable environment\n"
		"The General Assembly,\n"
		"Recalling its outcome document entitled \xe2\x80\x9cThe future we want\xe2\x80\x9d,1 which\n"
		"reaffirmed the principles of the Rio Declaration on Environment and\n"
		"Development, and Human Rights Council resolution 48/13 of 8 October\n"
		"2021,2 and resolutions 44/7 of 16 July 2020,3 and of the Council,\n"
		"1\n2\n\n"
		"Resolution 66/288, annex.\n"
		"Official Records of the General Assembly, Seventy-sixth Session,\n"
		"Supplement No. 53A (A/76/53/Add.1), chap. II.\n"
		"3\n"
		"Ibid., Seventy-fifth Session, Supplement No. 53 (A/75/53), chap. V, sect.\n"
		"A.\n\n22-11924\n\n2/4\n";
	struct block_list bl = read_pdf(text);
	assert_string_equal(footnote_text(&bl, 0), "1 Resolution 66/288, annex.");
	assert_string_equal(footnote_text(&bl, 1), "2 Official Records of the General Assembly, "
	                    "Seventy-sixth Session, Supplement No. 53A (A/76/53/Add.1), chap. II.");
	assert_string_equal(footnote_text(&bl, 2), "3 Ibid., Seventy-fifth Session, Supplement "
	                    "No. 53 (A/75/53), chap. V, sect. A.");
	assert_string_equal(footnote_text(&bl, 3), "");
	const struct block *b = nth_body(&bl, 3);
	assert_int_equal(b->nmarks, 3);
	assert_int_equal(b->marks[1].footnote, 2);
	assert_memory_equal(b->text + b->marks[1].byte - 5, "2021,", 5);
	blocks_free(&bl);
}

static void bad_input_never_breaks(void **state)
{
	(void)state;
	const char *inputs[] = { "", "\f", "\f\f\n\f", "____________\n", "____________\f____",
		"1\n2\n3\n", "United Nations\f", "A/RES/1\fA/RES/1\fA/RES/1", "1.\f2.\f",
		"_______\n3 x\f\f_______\ncontinued\n" };
	for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		struct block_list bl = read_pdf(inputs[i]);
		for (size_t k = 0; k < bl.n; k++)
			assert_int_equal(strlen(bl.v[k].text), bl.v[k].len);
		blocks_free(&bl);
	}
	size_t n = 1 << 20;
	char *big = malloc(n + 1);
	assert_non_null(big);
	for (size_t i = 0; i < n; i++)
		big[i] = (char)("ab-_\n\f1 (1)."[i % 13]);
	big[n] = 0;
	struct block_list bl = read_pdf(big);
	blocks_free(&bl);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(three_page_resolution),
		cmocka_unit_test(blank_separated_pages),
		cmocka_unit_test(compilation_keeps_footnotes_apart),
		cmocka_unit_test(glued_footnote_numbers),
		cmocka_unit_test(footnotes_without_rule),
		cmocka_unit_test(lists_at_the_foot_are_not_notes),
		cmocka_unit_test(page_break_mid_sentence),
		cmocka_unit_test(ligatures_and_soft_hyphens),
		cmocka_unit_test(layout_mode_and_running_title),
		cmocka_unit_test(security_council_without_blank_lines),
		cmocka_unit_test(mastheads_in_other_languages),
		cmocka_unit_test(split_footnote_numbers_paired),
		cmocka_unit_test(markers_from_the_notes),
		cmocka_unit_test(mended_words),
		cmocka_unit_test(number_alone_and_inline_title),
		cmocka_unit_test(drawn_rule_and_year_markers),
		cmocka_unit_test(drawn_rule_numbers_among_texts),
		cmocka_unit_test(bad_input_never_breaks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
