/* test_lang.c: the language tables (every cell filled in all six languages): detection,
 * openings, organs, dates, ordinals, annexes, closing formulas, leads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "real-text.h"

#include "doc/lang.h"

#define S(x) x, strlen(x)

static void detect_scripts(void **state)
{
	(void)state;
	assert_string_equal(lang_detect(S("The General Assembly, Recalling its resolution 57/218 of the year")), "en");
	assert_string_equal(lang_detect(S("L'Assemblée générale, Rappelant sa résolution et les droits des migrants dans les pays")), "fr");
	assert_string_equal(lang_detect(S("La Asamblea General, Recordando su resolución y los derechos de las personas del mundo")), "es");
	assert_string_equal(lang_detect(S("Генеральная Ассамблея, ссылаясь на свою резолюцию")), "ru");
	assert_string_equal(lang_detect(S("大会，回顾其关于保护移徙者的第57/218号决议")), "zh");
	assert_string_equal(lang_detect(S("إن الجمعية العامة، إذ تشير إلى قرارها")), "ar");
	assert_string_equal(lang_detect(S("")), "en");
	assert_string_equal(lang_detect(S("12345 ... ---")), "en");
	/* a Latin symbol inside Chinese text does not make it English */
	assert_string_equal(lang_detect(S("大会，回顾A/RES/58/190号决议和A/58/508/Add.2号文件")), "zh");
	/* the frequent words count as whole words in any case, not followed by a digit or a
	 * letter, accented ones too */
	assert_string_equal(lang_detect(S("LES droits, DES pays, the x")), "fr");
	assert_string_equal(lang_detect(S("les1 des2 dans3 the x")), "en");
	assert_string_equal(lang_detect(S("lesé desé the x")), "en");
	assert_string_equal(lang_detect(S("les' des' the x")), "fr");
	assert_string_equal(lang_detect(S("x y, del el, con the")), "es");
	assert_string_equal(lang_detect(S("les")), "fr");
}

static void openings(void **state)
{
	(void)state;
	const char *organ = NULL;
	int comma = -1;
	assert_int_equal(lang_opening(S("The General Assembly,"), &organ, &comma), 21);
	assert_string_equal(organ, "General Assembly");
	assert_int_equal(comma, 1);
	assert_int_equal(lang_opening(S("The Security Council,"), &organ, &comma), 21);
	assert_string_equal(organ, "Security Council");
	assert_int_equal(lang_opening(S("The General Assembly"), &organ, &comma), 20);
	assert_int_equal(comma, 0);
	assert_int_equal(lang_opening(S("The General Assembly decides to convene"), &organ, &comma), 0);
	assert_int_equal(lang_opening(S("The General Assemblyman,"), &organ, &comma), 0);
	assert_true(lang_opening(S("L’Assemblée générale,"), &organ, &comma) > 0);
	assert_string_equal(organ, "General Assembly");
	assert_true(lang_opening(S("L'Assemblée générale,"), &organ, &comma) > 0);
	assert_true(lang_opening(S("La Asamblea General,"), &organ, &comma) > 0);
	assert_true(lang_opening(S("Генеральная Ассамблея,"), &organ, &comma) > 0);
	assert_true(lang_opening(S("Совет Безопасности,"), &organ, &comma) > 0);
	assert_string_equal(organ, "Security Council");
	assert_int_equal(lang_opening(S("大会，"), &organ, &comma), strlen("大会，"));
	assert_int_equal(comma, 1);
	assert_int_equal(lang_opening(S("大会决定"), &organ, &comma), 0);
	assert_int_equal(lang_opening(S("إن الجمعية العامة،"), &organ, &comma), strlen("إن الجمعية العامة،"));
	assert_string_equal(organ, "General Assembly");
	assert_int_equal(lang_opening(S("Recalling"), &organ, &comma), 0);
	assert_int_equal(lang_opening("", 0, &organ, &comma), 0);
}

static void dates(void **state)
{
	(void)state;
	char d[11];
	assert_int_equal(lang_parse_date(S("22 December 2003"), d), 16);
	assert_string_equal(d, "2003-12-22");
	assert_true(lang_parse_date(S("22 décembre 2003"), d) > 0);
	assert_string_equal(d, "2003-12-22");
	assert_true(lang_parse_date(S("1er janvier 2004"), d) > 0);
	assert_string_equal(d, "2004-01-01");
	assert_int_equal(lang_parse_date(S("22 de diciembre de 2003 y"), d), strlen("22 de diciembre de 2003"));
	assert_string_equal(d, "2003-12-22");
	assert_int_equal(lang_parse_date(S("22 декабря 2003 года"), d), strlen("22 декабря 2003 года"));
	assert_string_equal(d, "2003-12-22");
	assert_int_equal(lang_parse_date(S("2003年12月22日第"), d), strlen("2003年12月22日"));
	assert_string_equal(d, "2003-12-22");
	assert_int_equal(lang_parse_date(S("22 كانون الأول/ديسمبر 2003"), d), strlen("22 كانون الأول/ديسمبر 2003"));
	assert_string_equal(d, "2003-12-22");
	assert_true(lang_parse_date(S("3 تشرين الثاني/نوفمبر 1999"), d) > 0);
	assert_string_equal(d, "1999-11-03");
	assert_true(lang_parse_date(S("December 22, 2003"), d) > 0);
	assert_string_equal(d, "2003-12-22");
	/* not dates */
	assert_int_equal(lang_parse_date(S("31 February 2003"), d), 0);
	assert_int_equal(lang_parse_date(S("22 Decembers 2003"), d), 0);
	assert_int_equal(lang_parse_date(S("22 December 03"), d), 0);
	assert_int_equal(lang_parse_date(S("resolution 57/218"), d), 0);
	assert_int_equal(lang_parse_date(S("122 December 2003"), d), 0);
	assert_true(lang_find_date(S("Adopted by the Security Council at its 4683rd meeting, on 30 December 2002"), d));
	assert_string_equal(d, "2002-12-30");
	assert_true(lang_find_date(S("of 22 November 1967"), d));
	assert_string_equal(d, "1967-11-22");
	assert_false(lang_find_date(S("5-13 September"), d));
	assert_false(lang_find_date(S(""), d));
}

static void annexes(void **state)
{
	(void)state;
	assert_int_equal(lang_annex_word(S("Annex")), 5);
	assert_int_equal(lang_annex_word(S("Annex II")), 5);
	assert_int_equal(lang_annex_word(S("ANNEX A")), 5);
	assert_int_equal(lang_annex_word(S("Annexe")), 6);
	assert_int_equal(lang_annex_word(S("Anexo")), 5);
	assert_int_equal(lang_annex_word(S("Приложение")), strlen("Приложение"));
	assert_int_equal(lang_annex_word(S("附件一")), strlen("附件"));
	assert_int_equal(lang_annex_word(S("المرفق")), strlen("المرفق"));
	assert_int_equal(lang_annex_word(S("Annexed to the present resolution")), 0);
	assert_int_equal(lang_annex_word(S("Annexes")), 0);
	assert_int_equal(lang_annex_word(S("An")), 0);
}

static void meetings(void **state)
{
	(void)state;
	assert_true(lang_is_meeting_line(S("77th plenary meeting")));
	assert_true(lang_is_meeting_line(S("  101st plenary meeting.")));
	assert_true(lang_is_meeting_line(S("2nd plenary meeting")));
	assert_true(lang_is_meeting_line(S("77e séance plénière")));
	assert_true(lang_is_meeting_line(S("1re séance plénière")));
	assert_true(lang_is_meeting_line(S("77ª sesión plenaria")));
	assert_true(lang_is_meeting_line(S("77‑е пленарное заседание")));
	assert_true(lang_is_meeting_line(S("第77次全体会议")));
	assert_true(lang_is_meeting_line(S("الجلسة العامة 77")));
	assert_false(lang_is_meeting_line(S("77th plenary meeting of the Assembly")));
	/* the character after the number decides which phrases are tried: either case, the
	 * hyphen's forms, digits of another script after ASCII ones */
	assert_true(lang_is_meeting_line(S("77TH PLENARY MEETING")));
	assert_true(lang_is_meeting_line(S("77-е пленарное заседание")));
	assert_true(lang_is_meeting_line(S("7٧th plenary meeting")));
	assert_true(lang_is_meeting_line(S("52nd meeting")));
	assert_false(lang_is_meeting_line(S("52. Decides to remain seized of the matter")));
	assert_false(lang_is_meeting_line(S("52")));
	assert_false(lang_is_meeting_line(S("plenary meeting")));
	assert_false(lang_is_meeting_line(S("Adopted unanimously at the 1382nd meeting.")));
	assert_false(lang_is_meeting_line(S("")));
	/* lines opening with ASCII other than a digit are none (patterns open with a number or
	 * another script); other digits still are */
	assert_false(lang_is_meeting_line(S("th plenary meeting")));
	assert_false(lang_is_meeting_line(S("  the 77th plenary meeting")));
	assert_false(lang_is_meeting_line(S("(77th plenary meeting)")));
	assert_true(lang_is_meeting_line(S("\xc2\xa0" "77th meeting")));
	assert_true(lang_is_meeting_line(S("٧٧th plenary meeting")));
	assert_true(lang_is_meeting_line(S("4683rd meeting")));
	/* after the number's digits and spaces the next character rules phrases out: a footnote
	 * or a date is none, a space (any kind) or a spaced ordinal still reaches the matcher */
	assert_false(lang_is_meeting_line(S("9 Resolution 39/46, annex.")));
	assert_false(lang_is_meeting_line(S("22 December 2003")));
	assert_false(lang_is_meeting_line(S("58/190. Protection of migrants")));
	assert_true(lang_is_meeting_line(S("77 e séance plénière")));
	assert_true(lang_is_meeting_line(S("77 пленарное заседание")));
	assert_true(lang_is_meeting_line(S("77\t\tпленарное заседание")));
	assert_true(lang_is_meeting_line(S("77\xc2\xa0пленарное заседание")));
	assert_true(lang_is_meeting_line(S("77.ª sesión plenaria")));
	assert_true(lang_is_meeting_line(S("2112th plenary meeting, 18 December 1972.")));
	assert_false(lang_is_meeting_line(S("77 th plenary meeting")));
	assert_false(lang_is_meeting_line(S("77 ")));
}

/* Openings of every script, found whatever the order of the table: the Latin ones first,
 * the others after, and neither matches text in the other. */
static void openings_in_any_script(void **state)
{
	(void)state;
	const char *organ = NULL;
	int comma = 0;
	assert_int_equal(lang_opening(S("  The Economic and Social Council,"), &organ, &comma), 34);
	assert_string_equal(organ, "Economic and Social Council");
	assert_true(lang_opening(S("Le Conseil des droits de l'homme,"), &organ, &comma) > 0);
	assert_string_equal(organ, "Human Rights Council");
	assert_true(lang_opening(S("Экономический и Социальный Совет,"), &organ, &comma) > 0);
	assert_string_equal(organ, "Economic and Social Council");
	assert_true(lang_opening(S("人权理事会，"), &organ, &comma) > 0);
	assert_string_equal(organ, "Human Rights Council");
	assert_true(lang_opening(S("مجلس الأمن،"), &organ, &comma) > 0);
	assert_string_equal(organ, "Security Council");
	assert_int_equal(lang_opening(S("the human rights council,"), &organ, &comma), 25);
	assert_int_equal(lang_opening(S("Them General Assembly,"), &organ, &comma), 0);
	assert_int_equal(lang_opening(S("Совет"), &organ, &comma), 0);
}

/* Month names of every language: those opening in ASCII are looked at for ASCII text, the
 * others for the rest. */
static void month_names(void **state)
{
	(void)state;
	char d[11];
	assert_true(lang_parse_date(S("March 3, 2003"), d) > 0);
	assert_string_equal(d, "2003-03-03");
	assert_true(lang_parse_date(S("setiembre 3, 2003"), d) > 0);
	assert_string_equal(d, "2003-09-03");
	assert_true(lang_parse_date(S("3 августа 2003 года"), d) > 0);
	assert_string_equal(d, "2003-08-03");
	assert_true(lang_parse_date(S("3 أغسطس 2003"), d) > 0);
	assert_string_equal(d, "2003-08-03");
	assert_int_equal(lang_parse_date(S("Tuesday 3, 2003"), d), 0);
	assert_int_equal(lang_parse_date(S("measures 3, 2003"), d), 0);
}

/* The lead of s must be exactly `want`. */
static void lead_is(const char *lang, const char *s, int operative, const char *want)
{
	size_t n = lang_lead_len(lang, s, strlen(s), operative);
	char got[256];
	memcpy(got, s, n);
	got[n] = 0;
	assert_string_equal(got, want);
}

static void leads_english(void **state)
{
	(void)state;
	lead_is("en", "Recalling its resolution 57/218", 0, "Recalling");
	lead_is("en", "Reaffirming also that", 0, "Reaffirming also");
	lead_is("en", "Bearing in mind also the", 0, "Bearing in mind also");
	lead_is("en", "Deeply concerned at the", 0, "Deeply concerned");
	lead_is("en", "Taking note also of the report", 0, "Taking note also of");
	lead_is("en", "Taking note of the report", 0, "Taking note of");
	lead_is("en", "Encouraged by the", 0, "Encouraged by");
	lead_is("en", "Welcoming the", 0, "Welcoming");
	lead_is("en", "Aware of the", 0, "Aware");
	lead_is("en", "Noting with deep concern the", 0, "Noting with deep concern");
	lead_is("en", "Recalling of course", 0, "Recalling");
	lead_is("en", "Welcomes the report", 1, "Welcomes");
	lead_is("en", "Strongly condemns also the", 1, "Strongly condemns also");
	lead_is("en", "Calls upon all States", 1, "Calls upon");
	lead_is("en", "Requests the Secretary-General", 1, "Requests");
	lead_is("en", "Reaffirms emphatically the duty", 1, "Reaffirms emphatically");
	lead_is("en", "Decides to include", 1, "Decides");
	lead_is("en", "Also requests the Secretary-General", 1, "Also requests");
	lead_is("en", "Takes note with appreciation of the report", 1, "Takes note with appreciation of");
	lead_is("en", "Requests of", 1, "Requests");
	lead_is("en", "the Secretary-General", 1, "");
	lead_is("en", "Also", 1, "");
	lead_is("en", "", 0, "");
}

static void leads_others(void **state)
{
	(void)state;
	lead_is("fr", "Rappelant également sa résolution", 0, "Rappelant également");
	lead_is("fr", "Profondément préoccupée par", 0, "Profondément préoccupée");
	lead_is("fr", "Prenant note du rapport", 0, "Prenant note");
	lead_is("fr", "Prie le Secrétaire général", 1, "Prie");
	lead_is("fr", "Se félicite du rapport", 1, "Se félicite");
	lead_is("fr", "Demande également aux États", 1, "Demande également");
	lead_is("es", "Recordando también su", 0, "Recordando también");
	lead_is("es", "Teniendo presente que", 0, "Teniendo presente");
	lead_is("es", "Pide al Secretario General", 1, "Pide");
	lead_is("es", "Condena enérgicamente todas", 1, "Condena enérgicamente");
	lead_is("ru", "ссылаясь на свою резолюцию", 0, "ссылаясь");
	lead_is("ru", "Вновь подтверждая свою", 0, "Вновь подтверждая");
	lead_is("ru", "Просит также Генерального", 1, "Просит также");
	lead_is("ru", "Принимая во внимание", 0, "Принимая во внимание");
	lead_is("zh", "回顾其第57/218号决议", 0, "回顾");
	lead_is("zh", "又回顾其决议", 0, "又回顾");
	lead_is("zh", "请秘书长", 1, "请");
	lead_is("zh", "强烈谴责一切", 1, "强烈谴责");
	lead_is("zh", "秘书长", 1, "");
	lead_is("ar", "وإذ تشير إلى قرارها", 0, "وإذ تشير");
	lead_is("ar", "تطلب أيضا إلى الأمين العام", 1, "تطلب أيضا");
	lead_is("ar", "تحيط علما بتقرير", 1, "تحيط علما");
	/* an unknown language reads as English */
	lead_is("xx", "Decides to", 1, "Decides");
	lead_is(NULL, "Decides to", 1, "Decides");
}

/* Every language has every phrase: no cell of the table is empty. */
static void every_cell_filled(void **state)
{
	(void)state;
	assert_int_equal(lang_ntables, 6);
	static const char *const codes[] = { "en", "fr", "es", "ru", "zh", "ar" };
	for (size_t i = 0; i < lang_ntables; i++) {
		const struct lang_phrases *t = &lang_tables[i];
		assert_string_equal(t->code, codes[i]);
		assert_non_null(t->openings);
		assert_non_null(t->openings[0].words);
		assert_non_null(t->organ_names);
		for (int o = ORGAN_GA; o < ORGAN_COUNT; o++) {
			int found = 0;
			for (int k = 0; t->organ_names[k].words; k++)
				found |= t->organ_names[k].organ == (enum organ)o;
			if (!found)
				fail_msg("%s: no name for %s", t->code, lang_organ_name((enum organ)o));
		}
		assert_non_null(t->agenda);
		assert_non_null(t->agenda[0].word);
		assert_non_null(t->months);
		for (int m = 1; m <= 12; m++) {
			int found = 0;
			for (int k = 0; t->months[k].word; k++)
				found |= t->months[k].value == m;
			if (!found)
				fail_msg("%s: no name for month %d", t->code, m);
		}
		assert_non_null(t->ordinals);
		assert_non_null(t->ordinals[0].word);
#define CELL(name, what) \
		if (!t->name || !t->name[0] || !t->name[0][0]) \
			fail_msg("%s: the cell %s (%s) is empty", t->code, #name, what);
		LANG_LISTS(CELL)
#undef CELL
	}
}

static void organs_and_mastheads(void **state)
{
	(void)state;
	enum organ o = ORGAN_NONE;
	assert_int_equal(lang_organ_at(S("Conseil de sécurité Distr."), &o), strlen("Conseil de sécurité"));
	assert_int_equal(o, ORGAN_SC);
	assert_int_equal(lang_organ_in(S("Resolution adopted by the General Assembly on 3 May")), ORGAN_GA);
	assert_int_equal(lang_organ_in(S("Резолюция, принятая Генеральной Ассамблеей 3 мая")), ORGAN_GA);
	assert_int_equal(lang_organ_in(S("2020年1月10日安全理事会第8697次会议通过")), ORGAN_SC);
	assert_int_equal(lang_organ_in(S("the Assembly")), ORGAN_NONE);
	assert_true(lang_un_name(S("United Nations")));
	assert_true(lang_un_name(S("United NationsA/RES/58/190General Assembly")));
	assert_true(lang_un_name(S("Организация Объединенных Наций")));
	assert_false(lang_un_name(S("United Nationsx")));
	assert_true(lang_resolution_word(S("RESOLUTION 789 (1992)")));
	assert_true(lang_adopted_header(S("Adopted by the Security Council at its 4683rd meeting, on")));
	assert_true(lang_header_start(S("Adopted by the Security Council at its 4683rd meeting, on")));
	assert_false(lang_header_start(S("Adopted by the World Conference on Human Rights")));
	assert_true(lang_header_start(S("Résolution adoptée par l'Assemblée générale le 3 mai 2004")));
	assert_true(lang_report_header(S("[without reference to a Main Committee (A/80/L.11)]")));
	assert_true(lang_report_header(S("[sans renvoi à une grande commission (A/80/L.11)]")));
	assert_true(lang_agenda_line(S("Agenda item 117 (b)")));
	assert_true(lang_agenda_line(S("Point 117 b) de l'ordre du jour")));
	assert_false(lang_agenda_line(S("Point 117 b)")));
	assert_true(lang_agenda_line(S("议程项目20")));
}

static void ordinals_and_sessions(void **state)
{
	(void)state;
	assert_int_equal(lang_ordinal(S("Fifty-eighth")), 58);
	assert_int_equal(lang_ordinal(S("Eightieth")), 80);
	assert_int_equal(lang_ordinal(S("first")), 1);
	assert_int_equal(lang_ordinal(S("Cinquante-huitième")), 58);
	assert_int_equal(lang_ordinal(S("Quatre-vingtième")), 80);
	assert_int_equal(lang_ordinal(S("Soixante et unième")), 61);
	assert_int_equal(lang_ordinal(S("Quincuagésimo octavo")), 58);
	assert_int_equal(lang_ordinal(S("Octogésimo")), 80);
	assert_int_equal(lang_ordinal(S("Пятьдесят восьмая")), 58);
	assert_int_equal(lang_ordinal(S("Восьмидесятая")), 80);
	assert_int_equal(lang_ordinal(S("第七十九")), 79);
	assert_int_equal(lang_ordinal(S("第八十")), 80);
	assert_int_equal(lang_ordinal(S("الثامنة والخمسون")), 58);
	assert_int_equal(lang_ordinal(S("الثمانون")), 80);
	assert_int_equal(lang_ordinal(S("Recalling")), 0);
	assert_int_equal(lang_ordinal(S("fifty-eighth meeting")), 0);
	assert_int_equal(lang_session_line(S("Fifty-eighth session")), 58);
	assert_int_equal(lang_session_line(S("Quatre-vingtième session")), 80);
	assert_int_equal(lang_session_line(S("Octogésimo período de sesiones")), 80);
	assert_int_equal(lang_session_line(S("Восьмидесятая сессия")), 80);
	assert_int_equal(lang_session_line(S("第八十届会议")), 80);
	assert_int_equal(lang_session_line(S("الدورة الثمانون")), 80);
	assert_int_equal(lang_session_line(S("Resumed session")), 0);
	assert_int_equal(lang_session_line(S("the intersession")), -1);
	assert_int_equal(lang_session_line(S("Agenda item 13")), -1);
}

/* The closing formulas and the meeting a sentence names, in every language. */
static void closing_formulas(void **state)
{
	(void)state;
	assert_true(lang_is_vote_line(S("Adopted unanimously at the 1382nd meeting.")));
	assert_true(lang_is_vote_line(S("Adopted at the 2810th meeting by 14 votes to none")));
	assert_true(lang_is_vote_line(S("Adopted by 10 votes to 1, with 1 abstention, at the 300th meeting.")));
	assert_true(lang_is_vote_line(S("[Adopted without a vote.]")));
	assert_true(lang_is_vote_line(S("Adoptée à l'unanimité à la 3237e séance.")));
	assert_true(lang_is_vote_line(S("Принята единогласно на 3237-м заседании.")));
	assert_true(lang_is_vote_line(S("未经表决通过")));
	assert_false(lang_is_vote_line(S("Adopted by the Security Council at its 4683rd meeting")));
	assert_false(lang_is_vote_line(S("Adoptions of children")));
	size_t a, n;
	const char *s = "Adopted by the Security Council at its 4683rd meeting, on";
	assert_true(lang_meeting_in(s, strlen(s), &a, &n));
	assert_int_equal(n, strlen("4683rd meeting"));
	assert_memory_equal(s + a, "4683rd meeting", n);
	s = "Adopted unanimously at the 1382nd plenary meeting.";
	assert_true(lang_meeting_in(s, strlen(s), &a, &n));
	assert_memory_equal(s + a, "1382nd plenary meeting", n);
	s = "Adoptée par le Conseil de sécurité à sa 9951e séance, le 3 mai";
	assert_true(lang_meeting_in(s, strlen(s), &a, &n));
	assert_memory_equal(s + a, "9951e séance", n);
	s = "2002年12月30日安全理事会第4683次会议通过";
	assert_true(lang_meeting_in(s, strlen(s), &a, &n));
	assert_memory_equal(s + a, "第4683次会议", n);
	s = "at the meeting of the Council";
	assert_false(lang_meeting_in(s, strlen(s), &a, &n));
	assert_true(lang_article_heading(S("Article 12")));
	assert_true(lang_article_heading(S("Article premier")));
	assert_true(lang_article_heading(S("Статья 2")));
	assert_true(lang_article_heading(S("第3条")));
	assert_false(lang_article_heading(S("Article 12 of the Convention")));
	assert_true(lang_ends_conjunction(S("the rights of migrants; and")));
	assert_true(lang_ends_conjunction(S("des migrants; et")));
	assert_false(lang_ends_conjunction(S("the rights of migrants and")));
}

/* The index by first byte that spares the matcher most phrases must offer every phrase
 * that may match at a byte, in order, or a lead or a closing line would be missed. */
static void index_offers_every_phrase(void **state)
{
	(void)state;
	assert_true(lang_index_check());
}

/* The fast paths (ASCII letters by one comparison, word lengths without decoding ASCII)
 * give what the plain ones give: on real texts of the six languages and on random bytes. */
static void fast_paths_agree(void **state)
{
	(void)state;
	static char buf[1 << 16];
	for (size_t f = 0; f < REAL_TEXT_FILES; f++) {
		size_t n = real_text_read(f, 0, buf, sizeof buf);
		assert_true(lang_fast_check(buf, n));
		assert_true(lang_detect_check(buf, n));
		/* every phrase at every place: the paragraphs' openings, not the markup */
		const char *body = memchr(buf, '\n', n);
		size_t at = body ? (size_t)(body - buf) : 0;
		for (size_t k = 0; k < 3; k++) {
			size_t from = at + (n - at) * k / 3, m = n - from < 160 ? n - from : 160;
			assert_true(lang_match_check(buf + from, m));
			assert_true(lang_index_match_check(buf + from, m));
		}
	}
	srand(12);
	for (int r = 0; r < 20; r++) {
		size_t n = 2000;
		for (size_t i = 0; i < n; i++)
			buf[i] = (char)(r % 2 ? rand() : " aZ'-09\xc3\xa9\xd0\x96\xe2\x80\x99"[rand() % 14]);
		assert_true(lang_fast_check(buf, n));
		if (r < 4) {
			assert_true(lang_match_check(buf, 120));
			assert_true(lang_index_match_check(buf, 120));
		}
		assert_true(lang_detect_check(buf, n));
	}
	/* ASCII words and what breaks them (digits, apostrophes), for the block-at-a-time
	 * counts of the frequent words */
	static const char *const bits[] = { "the", "The", "et", "l'", "of", "los", "2", " ", "'",
		"des", "x", ", ", "And", "-", "dans", "1990", "\n", "y", "L'une", "with" };
	for (int r = 0; r < 40; r++) {
		size_t n = 0;
		while (n < 1500) {
			const char *b = bits[rand() % 20];
			memcpy(buf + n, b, strlen(b));
			n += strlen(b);
		}
		assert_true(lang_detect_check(buf, n));
	}
	/* phrases of the tables, whole, cut short, in other cases and spacing */
	static const char phrases[] = "Expressing its deep concern Expressing  its Deep concerned "
		"NOTING WITH GRAVE concern; Calls upon 21st meeting Taking note with appreciation "
		"Takes notes L\xe2\x80\x99" "Assembl\xc3\xa9" "e g\xc3\xa9n\xc3\xa9rale, Also "
		"requests 3 December 2024 Annexed Annex I General Assembly";
	assert_true(lang_match_check(phrases, sizeof phrases - 1));
	assert_true(lang_index_match_check(phrases, sizeof phrases - 1));
	static const char words[] = "the THE The of and To its WITH that for les des et du une "
		"aux sur dans los las y del el con por una thee them la los2 y\xc3\xa9 l'et";
	assert_true(lang_detect_check(words, sizeof words - 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(detect_scripts),
		cmocka_unit_test(fast_paths_agree),
		cmocka_unit_test(openings),
		cmocka_unit_test(dates),
		cmocka_unit_test(annexes),
		cmocka_unit_test(meetings),
		cmocka_unit_test(openings_in_any_script),
		cmocka_unit_test(month_names),
		cmocka_unit_test(leads_english),
		cmocka_unit_test(leads_others),
		cmocka_unit_test(every_cell_filled),
		cmocka_unit_test(index_offers_every_phrase),
		cmocka_unit_test(organs_and_mastheads),
		cmocka_unit_test(ordinals_and_sessions),
		cmocka_unit_test(closing_formulas),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
