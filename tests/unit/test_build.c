/* test_build.c: the structure builder on blocks pushed by hand, whatever shape made them. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "real-text.h"

#include "doc/blocks.h"
#include "doc/build.h"
#include "doc/bytes.h"
#include "doc/idset.h"

/* Builds from NULL-terminated lines, one block each; ZONE_FOOTNOTE when a line starts "^". */
static struct collection *build(const char *const *lines, struct parse_diag *d)
{
	struct block_list bl;
	memset(&bl, 0, sizeof bl);
	memset(d, 0, sizeof *d);
	for (size_t i = 0; lines[i]; i++) {
		const char *s = lines[i];
		enum block_zone z = ZONE_BODY;
		if (s[0] == '^') {
			z = ZONE_FOOTNOTE;
			s++;
		}
		assert_int_equal(blocks_push(&bl, s, strlen(s), z, 0, 0), 0);
	}
	struct collection *col;
	assert_int_equal(build_collection(&bl, &col, d), 0);
	blocks_free(&bl);
	assert_non_null(col);
	return col;
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

static void blocks_normalise(void **state)
{
	(void)state;
	struct block_list bl;
	memset(&bl, 0, sizeof bl);
	assert_int_equal(blocks_push(&bl, "  a\t\tb \n c  ", 12, ZONE_BODY, 2, 3), 0);
	assert_string_equal(bl.v[0].text, "a b c");
	assert_int_equal(bl.v[0].len, 5);
	assert_int_equal(bl.v[0].indent, 2);
	assert_int_equal(bl.v[0].page, 3);
	blocks_free(&bl);
	blocks_free(&bl);     /* twice is harmless */
	/* runs of text are copied whole: spaces kept when single, folded when not, dropped at
	 * the ends; superscript digits glued on, but not after "m" (a unit) */
	static const struct { const char *in, *out; } cases[] = {
		{ "a b  c \t d", "a b c d" },
		{ " a", "a" },
		{ "a ", "a" },
		{ "a \n", "a" },
		{ "a\xc2\xa0" "b \xc2\xa0", "a\xc2\xa0" "b \xc2\xa0" },
		{ "Rights\xc2\xb9 and m\xc2\xb3, x \xe2\x81\xb4\xe2\x81\xb0", "Rights1 and m\xc2\xb3, x 40" },
		{ "\xc2\xb2" "a", "\xc2\xb2" "a" },
		{ "a\xc2", "a\xc2" },
		{ "a\xe2\x81", "a\xe2\x81" },
		{ "\xe2\x80\x94 x\xe2\x81\xb9", "\xe2\x80\x94 x9" },
		{ "abcdefghijklmnopqrstuvwxyz  abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(blocks_push(&bl, cases[i].in, strlen(cases[i].in), ZONE_BODY, 0, 0), 0);
		assert_string_equal(bl.v[i].text, cases[i].out);
		assert_int_equal(bl.v[i].len, strlen(cases[i].out));
	}
	blocks_free(&bl);
}

/* A list grows past the size where its array moves to a mapping of its own (blocks_reserve),
 * and room made ahead: every block keeps its text and place, in order, and a reservation
 * below the capacity changes nothing. */
static void blocks_reserved(void **state)
{
	(void)state;
	struct block_list bl;
	memset(&bl, 0, sizeof bl);
	char t[32];
	const size_t many = 150000;          /* some 8 MB of blocks: past the mapped size */
	for (size_t i = 0; i < many; i++) {
		int n = snprintf(t, sizeof t, "block %zu", i);
		assert_int_equal(blocks_push(&bl, t, (size_t)n, ZONE_BODY, 0, (int)(i % 7)), 0);
	}
	assert_true(bl.mapped > 0);
	assert_true(bl.cap >= many);
	size_t cap = bl.cap;
	assert_int_equal(blocks_reserve(&bl, 10), 0);
	assert_int_equal(bl.cap, cap);
	assert_int_equal(blocks_reserve(&bl, cap * 2 + 1), 0);   /* mapped to a larger mapping */
	assert_true(bl.cap >= cap * 2 + 1);
	assert_int_equal(bl.n, many);
	for (size_t i = 0; i < many; i += 997) {
		snprintf(t, sizeof t, "block %zu", i);
		assert_string_equal(bl.v[i].text, t);
		assert_int_equal(bl.v[i].page, (int)(i % 7));
	}
	assert_string_equal(bl.v[many - 1].text, "block 149999");
	blocks_free(&bl);
	assert_int_equal(bl.mapped, 0);
	/* room made before the first block: the pushes fill it without moving it */
	assert_int_equal(blocks_reserve(&bl, 200000), 0);
	struct block *v = bl.v;
	for (size_t i = 0; i < 200000; i++)
		assert_int_equal(blocks_push(&bl, "x", 1, ZONE_BODY, 0, 0), 0);
	assert_ptr_equal(bl.v, v);
	blocks_free(&bl);
	/* a small reservation stays with malloc */
	assert_int_equal(blocks_reserve(&bl, 100), 0);
	assert_int_equal(bl.mapped, 0);
	assert_true(bl.cap >= 100);
	blocks_free(&bl);
}

static void general_assembly(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"Resolution adopted by the General Assembly on 22 December 2003",
		"[on the report of the Third Committee (A/58/508/Add.2)]",
		"58/190. Protection of migrants",
		"The General Assembly,",
		"Recalling its resolution 57/218 of 18 December 2002,",
		"Reaffirming that the Universal Declaration of Human Rights1 proclaims",
		"1. Requests all States, in conformity with the Declaration1 and the Covenants,2 to act;",
		"2. Decides:",
		"(a) To do one thing;",
		"(b) To do another:",
		"(i) in one way;",
		"(ii) in another way;",
		"(c) To report;",
		"3. Reaffirms the duty under the Convention of 19633 to ensure;",
		"77th plenary meeting",
		"22 December 2003",
		"1 Resolution 217 A (III).",
		"2 Resolution 2200 A (XXI), annex.",
		"3 United Nations, Treaty Series, vol. 596, No. 8638.",
		NULL
	};
	struct parse_diag d;
	struct collection *col = build(lines, &d);
	assert_int_equal(col->ndocs, 1);
	const struct resolution *r = col->docs[0];
	assert_string_equal(r->meta.symbol, "A/RES/58/190");
	assert_string_equal(r->meta.organ, "General Assembly");
	assert_string_equal(r->meta.number, "58/190");
	assert_string_equal(r->meta.title, "Protection of migrants");
	assert_string_equal(r->meta.adopted, "2003-12-22");
	assert_string_equal(r->meta.session, "58");
	assert_string_equal(r->meta.report, "A/58/508/Add.2");
	assert_string_equal(r->meta.meeting, "77th plenary meeting");
	assert_string_equal(r->meta.language, "en");
	assert_null(r->meta.vote);
	assert_int_equal(count(r, PARA_PREAMBLE), 2);
	assert_int_equal(count(r, PARA_OPERATIVE), 3);
	assert_int_equal(count(r, PARA_FOOTNOTE), 3);
	const struct para *p = get(r, "op2.b.ii");
	assert_string_equal(p->label, "OP 2 (b) (ii)");
	assert_string_equal(p->text, "in another way;");
	assert_int_equal(p->depth, 2);
	assert_int_equal(p->parent, res_find(r, "op2.b"));
	assert_string_equal(get(r, "op2.c")->label, "OP 2 (c)");
	assert_string_equal(get(r, "pp2")->label, "PP 2");
	assert_string_equal(get(r, "op3")->label, "OP 3");
	assert_string_equal(get(r, "fn3")->label, "Footnote 3");
	/* Markers: removed and linked; "19633" is 1963 + footnote 3. */
	p = get(r, "op3");
	assert_string_equal(p->text, "Reaffirms the duty under the Convention of 1963 to ensure;");
	assert_int_equal(p->nmarks, 1);
	assert_int_equal(p->marks[0].footnote, 3);
	assert_int_equal(p->marks[0].byte, strlen("Reaffirms the duty under the Convention of 1963"));
	p = get(r, "op1");
	assert_int_equal(p->nmarks, 2);
	assert_string_equal(p->text, "Requests all States, in conformity with the Declaration and the Covenants, to act;");
	/* Openings of paragraphs: participle and verb. */
	assert_int_equal(get(r, "pp1")->lead_len, strlen("Recalling"));
	assert_int_equal(get(r, "op1")->lead_len, strlen("Requests"));
	/* References, footnotes included. */
	p = get(r, "pp1");
	assert_int_equal(p->nrefs, 1);
	assert_string_equal(p->refs[0].target, "57/218");
	assert_string_equal(get(r, "fn2")->refs[0].target, "2200 A (XXI)");
	collection_free(col);
}

static void letters_and_numerals(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"The Security Council,",
		"1. Decides:",
		"(a) a;", "(b) b;", "(c) c;", "(d) d;", "(e) e;", "(f) f;", "(g) g;", "(h) h;",
		"(i) the ninth letter;",
		"(j) j;",
		"2. Decides also:",
		"(a) first:",
		"(i) a numeral;",
		"(ii) another;",
		"(iii) and a third;",
		"(b) back to letters;",
		"3. Lists:",
		"(1) Withdrawal of forces;",
		"(ii) Termination of claims;",
		"4.",
		"Requests a report, its number on a line of its own;",
		"(a)",
		"with its letter too.",
		NULL
	};
	struct parse_diag d;
	struct collection *col = build(lines, &d);
	const struct resolution *r = col->docs[0];
	assert_int_equal(get(r, "op1.i")->depth, 1);           /* (i) after (h) is a letter */
	assert_int_equal(get(r, "op1.j")->depth, 1);
	assert_int_equal(get(r, "op2.a.i")->depth, 2);         /* (i) under (a) is a numeral */
	assert_int_equal(get(r, "op2.a.iii")->parent, res_find(r, "op2.a"));
	assert_int_equal(get(r, "op2.b")->parent, res_find(r, "op2"));
	assert_int_equal(get(r, "op3.i")->depth, 1);           /* OCR "(1)" before "(ii)" */
	assert_int_equal(get(r, "op3.ii")->depth, 1);
	assert_int_equal(res_find(r, "op3.1"), -1);
	assert_string_equal(get(r, "op4")->text, "Requests a report, its number on a line of its own;");
	assert_string_equal(get(r, "op4.a")->text, "with its letter too.");
	collection_free(col);
}

static void long_roman_and_deep(void **state)
{
	(void)state;
	/* (i) .. (xxviii) and nesting far deeper than any document goes. */
	static const char *const romans[] = { "i", "ii", "iii", "iv", "v", "vi", "vii", "viii",
		"ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi",
		"xxii", "xxiii", "xxiv", "xxv", "xxvi", "xxvii", "xxviii" };
	const char *lines[200];
	char buf[200][32];
	size_t n = 0;
	lines[n++] = "The General Assembly,";
	lines[n++] = "1. Decides:";
	lines[n++] = "(a) that:";
	for (size_t i = 0; i < 28; i++) {
		snprintf(buf[n], sizeof buf[n], "(%s) item;", romans[i]);
		lines[n] = buf[n];
		n++;
	}
	lines[n++] = "2. Nests:";
	for (int i = 0; i < 60; i++)
		lines[n++] = (i % 2) ? "(i) deeper;" : "(a) deeper;";
	lines[n] = NULL;
	struct parse_diag d;
	struct collection *col = build(lines, &d);
	const struct resolution *r = col->docs[0];
	const struct para *p = get(r, "op1.a.xxviii");
	assert_int_equal(p->depth, 2);
	assert_int_equal(p->parent, res_find(r, "op1.a"));
	int maxd = 0;
	for (size_t i = 0; i < r->npara; i++)
		if (r->paras[i].depth > maxd)
			maxd = r->paras[i].depth;
	assert_true(maxd <= 8);
	collection_free(col);
}

static void security_council_parts(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"Resolution 101 (1953)",
		"of 24 November 1953",
		"The Security Council,",
		"Recalling its resolutions 54 (1948) of 15 July 1948 and 73 (1949) of 11 August 1949,",
		"Noting the reports of 27 October 1953 8 and 9 November 1953 9 to the Council,",
		"A",
		"1. Finds that the action violates the Agreement between Israel and Jordan 10 and the Charter;",
		"2. Expresses censure;",
		"B",
		"1. Takes note of the fact, and",
		"requests the Government to continue;",
		"2. Recalls the obligations;",
		"C",
		"Considering the situation,",
		"1. Reaffirms the need;",
		"Adopted at the 642nd meeting by 9 votes to none, with 2 abstentions (Lebanon, Union of Soviet Socialist Republics).",
		"8 Ibid., Eighth Year, 630th meeting. 9 Ibid., 635th meeting, annex.",
		"10 Ibid., Fourth Year, Special Supplement No. 1.",
		NULL
	};
	struct parse_diag d;
	struct collection *col = build(lines, &d);
	const struct resolution *r = col->docs[0];
	assert_string_equal(r->meta.symbol, "S/RES/101 (1953)");
	assert_string_equal(r->meta.number, "101");
	assert_string_equal(r->meta.organ, "Security Council");
	assert_string_equal(r->meta.adopted, "1953-11-24");
	assert_string_equal(r->meta.meeting, "642nd meeting");
	assert_non_null(strstr(r->meta.vote, "by 9 votes to none"));
	assert_int_equal(r->nparts, 3);
	assert_string_equal(r->parts[1].id, "b");
	assert_string_equal(r->parts[1].label, "B");
	const struct para *p = get(r, "b.op1");
	assert_int_equal(p->part, 1);
	assert_string_equal(p->text, "Takes note of the fact, and requests the Government to continue;");
	assert_int_equal(get(r, "c.pp1")->part, 2);
	assert_int_equal(get(r, "pp2")->part, -1);
	assert_int_equal(res_find(r, "op1"), -1);
	/* Footnotes numbered from 8, two glued in one block, spaced markers. */
	assert_int_equal(count(r, PARA_FOOTNOTE), 3);
	assert_string_equal(get(r, "fn9")->text, "Ibid., 635th meeting, annex.");
	p = get(r, "pp2");
	assert_int_equal(p->nmarks, 2);
	assert_string_equal(p->text, "Noting the reports of 27 October 1953 and 9 November 1953 to the Council,");
	assert_int_equal(get(r, "a.op1")->nmarks, 1);
	p = get(r, "pp1");
	assert_int_equal(p->nrefs, 2);
	assert_string_equal(p->refs[1].target, "73 (1949)");
	collection_free(col);
}

static void annexes_and_modern_sc(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"United Nations S/RES/1454 (2002)",
		"Security Council Distr.: General",
		"30 December 2002",
		"Resolution 1454 (2002)",
		"Adopted by the Security Council at its 4683rd meeting, on 30 December 2002",
		"The Security Council,",
		"Recalling the Goods Review List (S/2002/515),",
		"1. Approves the changes in Annex A to this resolution;",
		"2. Decides to remain seized of the matter.",
		"Annex A",
		"Textual entries for the Goods Review List",
		"Chemical Section:",
		"(1) C.1: Atropine;",
		"(2) A.52: Phosphide;",
		"(a) Incineration;",
		"(b) Other disposal;",
		"(3) A.53: Pesticides.",
		"Annex B Goods Review List procedures",
		"I. General provisions",
		"1. The following procedures apply.",
		"2. The Committee shall:",
		"(a) review;",
		"II. Final provisions",
		"3. These procedures replace the earlier ones.",
		NULL
	};
	struct parse_diag d;
	struct collection *col = build(lines, &d);
	const struct resolution *r = col->docs[0];
	assert_string_equal(r->meta.symbol, "S/RES/1454 (2002)");
	assert_string_equal(r->meta.meeting, "4683rd meeting");
	assert_string_equal(r->meta.adopted, "2002-12-30");
	assert_string_equal(r->meta.distributed, "2002-12-30");
	assert_int_equal(count(r, PARA_OPERATIVE), 2);
	assert_int_equal(r->nannexes, 2);
	assert_string_equal(r->annexes[0].label, "Annex A");
	assert_string_equal(r->annexes[0].title, "Textual entries for the Goods Review List");
	assert_string_equal(r->annexes[1].label, "Annex B");
	assert_string_equal(r->annexes[1].title, "Goods Review List procedures");
	assert_int_equal(get(r, "annex1.p2")->annex, 0);
	assert_int_equal(get(r, "annex1.p2.a")->parent, res_find(r, "annex1.p2"));
	assert_int_equal(get(r, "annex1.p3")->depth, 0);
	assert_int_equal(get(r, "annex1.t1")->kind, PARA_ANNEX);
	assert_int_equal(get(r, "annex2.h2")->kind, PARA_ANNEX_HEADING);
	assert_string_equal(get(r, "annex2.p3")->label, "Annex B, para. 3");
	assert_int_equal(get(r, "annex2.p2.a")->annex, 1);
	assert_int_equal(res_find(r, "op3"), -1);              /* annex paragraphs stay apart */
	collection_free(col);
}

/* A General Assembly resolution in parts, each restating the opening: one resolution. */
static void parts_with_openings(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"Resolution adopted by the General Assembly on 9 December 2025",
		"80/12. Questions relating to lighthouses",
		"A",
		"Lighthouses in the world",
		"The General Assembly,",
		"Recalling its resolution 79/1,",
		"1. Decides to act;",
		"2. Requests a report;",
		"B",
		"Lighthouse keepers",
		"The General Assembly,",
		"Noting the report,",
		"1. Welcomes the report;",
		"55th plenary meeting",
		NULL
	};
	struct parse_diag d;
	struct collection *col = build(lines, &d);
	assert_int_equal(col->ndocs, 1);
	const struct resolution *r = col->docs[0];
	assert_string_equal(r->meta.number, "80/12");
	assert_int_equal(r->nparts, 2);
	assert_int_equal(get(r, "a.op2")->part, 0);
	assert_int_equal(get(r, "a.pp1")->part, 0);
	assert_int_equal(get(r, "b.pp1")->part, 1);
	assert_string_equal(get(r, "b.op1")->text, "Welcomes the report;");
	assert_int_equal(res_find(r, "b.pp2"), -1);       /* the part title is not a paragraph */
	assert_string_equal(r->parts[0].title, "Lighthouses in the world");
	assert_string_equal(r->parts[1].title, "Lighthouse keepers");
	collection_free(col);
}

/* An omnibus resolution: roman sections with headings, numbering running on. */
static void roman_sections(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"The General Assembly,",
		"Recalling its resolutions,",
		"I",
		"Implementation of the Convention",
		"1. Calls upon States to act;",
		"II",
		"Capacity-building",
		"2. Encourages cooperation;",
		"3. Invites donors:",
		"(a) to give;",
		NULL
	};
	struct parse_diag d;
	struct collection *col = build(lines, &d);
	const struct resolution *r = col->docs[0];
	/* the numbering runs on: sections are headings (as the AKN reader makes them), op3 is
	 * cited as "paragraph 3" */
	assert_int_equal(r->nparts, 0);
	assert_string_equal(get(r, "h1")->num, "I");
	assert_string_equal(get(r, "h1")->text, "Implementation of the Convention");
	assert_string_equal(get(r, "h2")->num, "II");
	assert_string_equal(get(r, "h2")->text, "Capacity-building");
	assert_int_equal(get(r, "h2")->kind, PARA_ANNEX_HEADING);
	assert_int_equal(get(r, "h2")->annex, -1);
	assert_int_equal(get(r, "op3")->part, -1);
	assert_int_equal(get(r, "op3.a")->depth, 1);
	assert_true(res_find(r, "h2") < res_find(r, "op2"));
	assert_int_equal(get(r, "pp1")->part, -1);
	assert_int_equal(count(r, PARA_OPERATIVE), 3);
	collection_free(col);
}

/* S/RES/687 (1991): "1. ..." then sections "A", "B" over paragraphs numbered on (2, 5):
 * headings, not parts; a lone section letter after its first paragraph too. */
static void letter_sections_run_on(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"The Security Council,",
		"Recalling its resolutions 660 (1990),",
		"1. Affirms all thirteen resolutions noted above;",
		"A",
		"2. Demands that Iraq and Kuwait respect the inviolability of the boundary;",
		"3. Calls upon the Secretary-General to lend his assistance;",
		"B",
		"4. Requests the Secretary-General to submit a plan;",
		"Adopted at the 2981st meeting by 12 votes to 1.",
		NULL
	};
	struct parse_diag d;
	struct collection *col = build(lines, &d);
	const struct resolution *r = col->docs[0];
	assert_int_equal(r->nparts, 0);
	assert_int_equal(count(r, PARA_OPERATIVE), 4);
	assert_string_equal(get(r, "op4")->num, "4");
	assert_string_equal(get(r, "h1")->num, "A");
	assert_string_equal(get(r, "h2")->num, "B");
	assert_true(res_find(r, "op1") < res_find(r, "h1") && res_find(r, "h1") < res_find(r, "op2"));
	collection_free(col);
	/* in parts the numbering starts again: S/RES/101 (1953) */
	static const char *const parts[] = {
		"The Security Council,", "A", "1. Finds that the action at Qibya violated the truce;",
		"B", "1. Takes note of the evidence;", "2. Requests the Chief of Staff to report;",
		NULL
	};
	col = build(parts, &d);
	r = col->docs[0];
	assert_int_equal(r->nparts, 2);
	assert_string_equal(get(r, "b.op2")->num, "2");
	collection_free(col);
}

/* Slips in the numbering (a part letter or a footnote number printed twice) never give two
 * paragraphs the same id. */
static void unique_ids(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"The Security Council,", "A", "1. One;", "A", "1. Two;", "B", "1. Three.",
		"Adopted unanimously at the 1st meeting.", "1 Note.", "1 Again.", NULL
	};
	struct parse_diag d;
	struct collection *col = build(lines, &d);
	const struct resolution *r = col->docs[0];
	assert_int_equal(r->nparts, 3);
	assert_string_equal(r->parts[1].id, "a2");
	assert_int_equal(get(r, "a2.op1")->part, 1);
	for (size_t i = 0; i < r->npara; i++)
		for (size_t j = i + 1; j < r->npara; j++)
			assert_string_not_equal(r->paras[i].id, r->paras[j].id);
	collection_free(col);
}

static void compilation(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"Resolution adopted by the General Assembly on 22 December 2003",
		"58/190. Protection of migrants",
		"The General Assembly,",
		"Recalling the Declaration1 of 1948,",
		"1. Welcomes the Convention;",
		"2. Decides to continue;",
		"77th plenary meeting",
		"22 December 2003",
		"1 Resolution 217 A (III).",
		"Resolution adopted by the General Assembly on 23 December 2003",
		"58/191. Another matter",
		"The General Assembly,",
		"Noting the report,1",
		"1. Requests the Secretary-General to report;",
		"78th plenary meeting",
		"23 December 2003",
		"1 A/58/1.",
		NULL
	};
	struct parse_diag d;
	struct collection *col = build(lines, &d);
	assert_int_equal(col->ndocs, 2);
	const struct resolution *a = col->docs[0], *b = col->docs[1];
	assert_string_equal(a->meta.number, "58/190");
	assert_string_equal(b->meta.number, "58/191");
	assert_string_equal(b->meta.title, "Another matter");
	assert_string_equal(b->meta.adopted, "2003-12-23");
	assert_string_equal(a->meta.meeting, "77th plenary meeting");
	assert_string_equal(b->meta.meeting, "78th plenary meeting");
	assert_int_equal(count(a, PARA_OPERATIVE), 2);
	assert_int_equal(count(b, PARA_OPERATIVE), 1);
	/* Each keeps its own footnotes and ids. */
	assert_int_equal(count(a, PARA_FOOTNOTE), 1);
	assert_int_equal(count(b, PARA_FOOTNOTE), 1);
	assert_string_equal(get(b, "fn1")->text, "A/58/1.");
	assert_int_equal(get(b, "pp1")->nmarks, 1);
	assert_int_equal(d.nwarnings, 0);

	/* Only the first: the same resolution, and word that another follows. */
	struct block_list bl;
	memset(&bl, 0, sizeof bl);
	for (size_t i = 0; lines[i]; i++)
		assert_int_equal(blocks_push(&bl, lines[i], strlen(lines[i]), ZONE_BODY, 0, 0), 0);
	struct collection *first = NULL;
	int more = -1;
	assert_int_equal(build_collection_first(&bl, 1, &more, &first, &d), 0);
	assert_int_equal(first->ndocs, 1);
	assert_int_equal(more, 1);
	assert_string_equal(first->docs[0]->meta.number, "58/190");
	assert_int_equal(first->docs[0]->npara, a->npara);
	for (size_t i = 0; i < a->npara; i++)
		assert_string_equal(first->docs[0]->paras[i].text, a->paras[i].text);
	collection_free(first);
	assert_int_equal(build_collection_first(&bl, 5, &more, &first, &d), 0);
	assert_int_equal(first->ndocs, 2);
	assert_int_equal(more, 0);
	collection_free(first);
	blocks_free(&bl);
	collection_free(col);
}

static void declaration_and_page_footnotes(void **state)
{
	(void)state;
	/* "The General Assembly" without a comma: the only operative paragraph adopts the annex. */
	static const char *const lines[] = {
		"The General Assembly",
		"Adopts the Declaration on Something annexed to the present resolution.",
		"^1 A footnote that continues",
		"^on the next page.",
		"80th plenary meeting",
		"Annex",
		"Declaration on Something",
		"Considering the Charter,2",
		"Article 1",
		NULL
	};
	struct parse_diag d;
	struct collection *col = build(lines, &d);
	const struct resolution *r = col->docs[0];
	const struct para *p = get(r, "op1");
	assert_null(p->num);
	assert_int_equal(count(r, PARA_PREAMBLE), 0);
	assert_string_equal(r->annexes[0].label, "Annex");
	assert_string_equal(r->annexes[0].title, "Declaration on Something");
	assert_string_equal(get(r, "fn1")->text, "A footnote that continues on the next page.");
	assert_string_equal(r->meta.meeting, "80th plenary meeting");
	assert_string_equal(get(r, "annex1.t1")->text, "Considering the Charter,2");   /* no fn2 */
	collection_free(col);
}

/* Arabic conventions: "1 - " numbers, (أ) letters, markers and footnotes in parentheses. */
static void arabic_conventions(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"قرار اتخذته الجمعية العامة في 14 كانون الأول/ديسمبر 2024",
		"[بناء على تقرير اللجنة الثانية (A/79/455)]",
		"79/412 - سلامة الممرات المائية الداخلية",
		"إن الجمعية العامة،",
		"وإذ تؤكد من جديد اتفاقية لعام 2017(1) وبروتوكولها لعام 2021(2)،",
		"1 - ترحب بتقرير الأمين العام(3)؛",
		"2 - تهيب بجميع الدول:",
		"(أ) أن تعزز تدريب الطواقم؛",
		"(ب) أن تتبادل البيانات(1)؛",
		"(هـ) أن تنظر في الانضمام؛",
		"الجلسة العامة 52",
		"14 كانون الأول/ديسمبر 2024",
		"(1) الأمم المتحدة، مجموعة المعاهدات، المجلد 3210.",
		"(2) المرجع نفسه.",
		"(3) A/79/301.",
		NULL
	};
	struct parse_diag d;
	struct collection *col = build(lines, &d);
	const struct resolution *r = col->docs[0];
	assert_string_equal(r->meta.language, "ar");
	assert_string_equal(r->meta.number, "79/412");
	assert_string_equal(r->meta.symbol, "A/RES/79/412");
	assert_string_equal(r->meta.report, "A/79/455");
	assert_string_equal(r->meta.adopted, "2024-12-14");
	assert_string_equal(get(r, "op2.b")->num, "ب");
	assert_string_equal(get(r, "op2.b")->label, "OP 2 (b)");
	assert_int_equal(get(r, "op2.e")->depth, 1);
	assert_int_equal(count(r, PARA_FOOTNOTE), 3);
	const struct para *p = get(r, "pp1");
	assert_int_equal(p->nmarks, 2);
	assert_null(strchr(p->text, '('));
	assert_int_equal(get(r, "op1")->nmarks, 1);
	assert_int_equal(get(r, "op2.b")->marks[0].footnote, 1);
	collection_free(col);
}

/* Another organ's resolution opens too; inside an Assembly annex such a line is text. */
static void other_organs(void **state)
{
	(void)state;
	static const char *const hrc[] = {
		"The Human Rights Council,", "Recalling its resolution 5/1,", "1. Decides to act;", NULL
	};
	struct parse_diag d;
	struct collection *col = build(hrc, &d);
	const struct resolution *r = col->docs[0];
	assert_string_equal(r->meta.organ, "Human Rights Council");
	assert_null(r->meta.symbol);
	assert_int_equal(count(r, PARA_OPERATIVE), 1);
	assert_int_equal(d.nwarnings, 0);
	collection_free(col);
	static const char *const ga[] = {
		"The General Assembly,", "1. Adopts the Declaration annexed hereto;", "Annex",
		"Declaration", "The World Conference,", "Considering everything,", NULL
	};
	col = build(ga, &d);
	assert_int_equal(col->ndocs, 1);
	assert_int_equal(col->docs[0]->nannexes, 1);
	collection_free(col);
}

static void plain_fallback(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"Minutes of the meeting of the garden committee.",
		"We discussed the roses and resolution 57/218.",
		"1. Nobody came.",
		NULL
	};
	struct parse_diag d;
	struct collection *col = build(lines, &d);
	const struct resolution *r = col->docs[0];
	assert_int_equal(r->npara, 3);
	assert_int_equal(count(r, PARA_PLAIN), 3);
	assert_string_equal(r->paras[0].id, "p1");
	assert_string_equal(r->paras[2].id, "p3");
	assert_string_equal(r->paras[2].text, "1. Nobody came.");
	assert_int_equal(r->paras[1].nrefs, 1);
	assert_int_equal(d.nwarnings, 1);
	assert_non_null(strstr(d.warnings[0], "no resolution structure"));
	collection_free(col);
}

/* A million tiny paragraphs and thousands of footnotes build (speed: make bench). */
static void many_paragraphs(void **state)
{
	(void)state;
	enum { N = 1000000, F = 5000 };
	struct block_list bl;
	memset(&bl, 0, sizeof bl);
	char buf[64];
	assert_int_equal(blocks_push(&bl, "The General Assembly,", 21, ZONE_BODY, 0, 0), 0);
	for (int i = 1; i <= N; i++) {
		int n = i <= F ? snprintf(buf, sizeof buf, "%d. Decides so,%d", i, i)
		               : snprintf(buf, sizeof buf, "%d. Decides.", i);
		assert_int_equal(blocks_push(&bl, buf, (size_t)n, ZONE_BODY, 0, 0), 0);
	}
	for (int i = 1; i <= F; i++) {
		int n = snprintf(buf, sizeof buf, "%d Note %d.", i, i);
		assert_int_equal(blocks_push(&bl, buf, (size_t)n, ZONE_BODY, 0, 0), 0);
	}
	struct collection *col;
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	assert_int_equal(build_collection(&bl, &col, &d), 0);
	blocks_free(&bl);
	const struct resolution *r = col->docs[0];
	assert_int_equal(count(r, PARA_OPERATIVE), N);
	assert_int_equal(count(r, PARA_FOOTNOTE), F);
	assert_int_equal(r->paras[F - 1].nmarks, 1);
	collection_free(col);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every id of r differs from every other, and res_find finds each paragraph by its own. */
static void assert_ids_unique(const struct resolution *r)
{
	char **ids = malloc(r->npara * sizeof *ids);
	assert_non_null(ids);
	for (size_t i = 0; i < r->npara; i++)
		ids[i] = r->paras[i].id;
	if (r->npara > 1)
		qsort(ids, r->npara, sizeof *ids, cmp_str);
	for (size_t i = 1; i < r->npara; i++)
		if (strcmp(ids[i - 1], ids[i]) == 0)
			fail_msg("id %s given twice", ids[i]);
	free(ids);
}

/* Issue 18: nesting past MAX_DEPTH. Ten levels cycling (a) (i) (A) (1) once gave 9,999
 * paragraphs the same id; now each is unique, whatever the depth, and nesting stays flat. */
static void ids_unique_past_max_depth(void **state)
{
	(void)state;
	enum { N = 9999 };
	static const char *const labels[] = { "(a)", "(i)", "(A)", "(1)" };
	struct block_list bl;
	memset(&bl, 0, sizeof bl);
	char buf[64];
	assert_int_equal(blocks_push(&bl, "The General Assembly,", 21, ZONE_BODY, 0, 0), 0);
	assert_int_equal(blocks_push(&bl, "1. Decides:", 11, ZONE_BODY, 0, 0), 0);
	for (int i = 0; i < N; i++) {
		int n = snprintf(buf, sizeof buf, "%s that item %d;", labels[i % 4], i);
		assert_int_equal(blocks_push(&bl, buf, (size_t)n, ZONE_BODY, 0, 0), 0);
	}
	struct collection *col;
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	assert_int_equal(build_collection(&bl, &col, &d), 0);
	blocks_free(&bl);
	const struct resolution *r = col->docs[0];
	assert_int_equal(count(r, PARA_SUB), N);
	assert_ids_unique(r);
	/* The first levels keep their natural ids; what repeats gets a suffix. */
	assert_string_equal(get(r, "op1.a.i.A.1.a.i")->text, "that item 5;");
	assert_string_equal(get(r, "op1.a.i.A.1.a.i-2")->text, "that item 9;");
	for (size_t i = 0; i < r->npara; i++) {
		assert_true(r->paras[i].depth <= 6);
		/* A child's id starts with its parent's. */
		int p = r->paras[i].parent;
		if (p >= 0)
			assert_int_equal(strncmp(r->paras[i].id, r->paras[p].id, strlen(r->paras[p].id)), 0);
	}
	collection_free(col);
}

/* The same label over and over at every depth, and ids that already look suffixed. */
static void ids_unique_when_labels_repeat(void **state)
{
	(void)state;
	const char *lines[4100];
	size_t n = 0;
	lines[n++] = "The General Assembly,";
	lines[n++] = "1. Decides:";
	for (int i = 0; i < 4000; i++)
		lines[n++] = i % 3 ? "(a) again;" : "(b) and again;";
	lines[n++] = "2. Decides:";
	lines[n] = NULL;
	struct parse_diag d;
	struct collection *col = build(lines, &d);
	assert_ids_unique(col->docs[0]);
	assert_non_null(get(col->docs[0], "op2"));
	collection_free(col);

	/* The set itself: "x" three times and an "x-2" of its own. */
	struct idset set;
	memset(&set, 0, sizeof set);
	char *v[5] = { strdup("x"), strdup("x"), strdup("x-2"), strdup("x"), strdup("y") };
	for (int i = 0; i < 5; i++)
		assert_int_equal(idset_claim(&set, &v[i], 1), 0);
	assert_string_equal(v[0], "x");
	assert_string_equal(v[1], "x-2");
	assert_string_equal(v[2], "x-2-2");
	assert_string_equal(v[3], "x-3");
	assert_string_equal(v[4], "y");
	idset_free(&set);
	for (int i = 0; i < 5; i++)
		free(v[i]);
}

/* bytes_find() finds what memmem() finds, first place or none, on prose with numbers and on
 * random digits and spaces, for the patterns of glued paragraph numbers (" 12. "). */
/* build_atoi must give what atoi gives, whatever the bytes: the builder's numbers come from it. */
static void build_atoi_as_atoi(void **state)
{
	(void)state;
	static const char *const cases[] = {
		"", "0", "1", "12", "007", "79/1", "  42x", "\t\n\v\f\r 9", "+5", "-5", "-0", "+",
		"-", "- 3", "+-3", "a1", "\xc2\xa0" "3", "2147483647", "2147483648", "-2147483648",
		"-2147483649", "4294967297", "9223372036854775807", "9223372036854775808",
		"-9223372036854775808", "-9223372036854775809", "99999999999999999999999",
		"-99999999999999999999999", "12345678901234567890123456789", "1.5", "3)", "(3)",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(build_atoi(cases[i]), atoi(cases[i]));
	unsigned seed = 12345;
	char buf[24];
	for (int k = 0; k < 200000; k++) {
		size_t n = 0, len = (seed = seed * 1103515245u + 12345u) >> 16 & 15;
		for (; n < len; n++) {
			seed = seed * 1103515245u + 12345u;
			static const char pick[] = "0123456789 -+\t9x";
			buf[n] = (seed >> 20 & 7) ? pick[(seed >> 8) % (sizeof pick - 1)] : (char)(seed >> 12);
		}
		buf[n] = 0;
		assert_int_equal(build_atoi(buf), atoi(buf));
	}
}

static void find_as_memmem(void **state)
{
	(void)state;
	static const char *const pats[] = { " 1. ", " 12. ", " 2. ", " 10. ", "..", " ." };
	static const char alpha[] = "12 .0aB";
	char h[300];
	srand(7);
	for (int r = 0; r < 4000; r++) {
		size_t hn = (size_t)(rand() % (int)sizeof h);
		for (size_t i = 0; i < hn; i++)
			h[i] = alpha[rand() % (int)(sizeof alpha - 1)];
		const char *pat = pats[r % 6];
		size_t pl = strlen(pat);
		for (size_t from = 0; from <= hn; from += 1 + (size_t)(rand() % 7))
			assert_ptr_equal(bytes_find(h + from, hn - from, pat, pl),
			                 memmem(h + from, hn - from, pat, pl));
	}
	const char *t = "Development.2 2. We acknowledge 1. the 12. Calls 12. ";
	assert_ptr_equal(bytes_find(t, strlen(t), " 12. ", 5), strstr(t, " 12. "));
	assert_null(bytes_find(t, strlen(t), " 3. ", 4));
}

/* build_snprintf's own formatting of ids and labels writes what snprintf writes, with the
 * formats the builder uses, on pieces of real texts of the six languages and on random
 * bytes, numbers of every size and sign, and buffers too small (snprintf then cuts). */
static void ids_format_as_printf(void **state)
{
	(void)state;
	static const int nums[] = { 0, 1, 7, 9, 10, 42, 99, 100, 12345, -1, -10, 2147483647,
		-2147483647 - 1 };
	static char text[6][4096];
	for (size_t f = 0; f < REAL_TEXT_LANGUAGES; f++) {
		size_t n = real_text_read(f, 0, text[f], sizeof text[f] - 1);
		text[f][n] = '\0';
	}
	srand(5);
	for (int r = 0; r < 3000; r++) {
		/* a piece of a text (cut inside a character too), or random bytes */
		char a[64], b[64];
		const char *t = text[(unsigned)rand() % 6];
		size_t la = (size_t)(rand() % 40), lb = (size_t)(rand() % 12);
		size_t at = (unsigned)rand() % 3000;
		memcpy(a, t + at, la);
		a[la] = '\0';
		if (r % 4 == 0)
			for (size_t i = 0; i < lb; i++)
				b[i] = (char)(rand() % 255 + 1);
		else
			memcpy(b, t + at / 2, lb);
		b[lb] = '\0';
		int d = nums[rand() % 13], e = rand() % 1000 - 20, prec = rand() % 16;
		size_t z = (size_t)rand() * (size_t)rand();
		long l = (long)d * 65536L;
		char want[160], got[160];
		size_t cap = r % 3 == 0 ? (size_t)(rand() % 40 + 1) : sizeof got;
#define SAME(...) do { \
		int nw = snprintf(want, cap, __VA_ARGS__); \
		int ng = build_snprintf(got, cap, __VA_ARGS__); \
		assert_int_equal(nw, ng); \
		assert_memory_equal(want, got, strlen(want) + 1); \
	} while (0)
		SAME("%s.pp%d", a, d);
		SAME("Part %s, PP %d", b, e);
		SAME("%s.op%d", a, e);
		SAME("%.*s", prec, a);
		SAME("%s.l%d.p%.*s", b, d, prec, a);
		SAME("%s, para. %.*s", a, (int)lb, b);
		SAME("%c", 'a' + e % 26);
		SAME("-%d", e);
		SAME("%s.%s", a, b);
		SAME("%s (%s)", b, a);
		SAME("%s%zu", a, z);
		SAME("annex%zu", z);
		SAME("fn%d-%zu", d, z);
		SAME("%ld: %s", l, a);
		SAME("A/HRC/RES/%s", b);
		SAME("%s", "");
#undef SAME
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(build_atoi_as_atoi),
		cmocka_unit_test(find_as_memmem),
		cmocka_unit_test(blocks_normalise),
		cmocka_unit_test(blocks_reserved),
		cmocka_unit_test(general_assembly),
		cmocka_unit_test(letters_and_numerals),
		cmocka_unit_test(long_roman_and_deep),
		cmocka_unit_test(security_council_parts),
		cmocka_unit_test(annexes_and_modern_sc),
		cmocka_unit_test(parts_with_openings),
		cmocka_unit_test(roman_sections),
		cmocka_unit_test(unique_ids),
		cmocka_unit_test(compilation),
		cmocka_unit_test(declaration_and_page_footnotes),
		cmocka_unit_test(arabic_conventions),
		cmocka_unit_test(other_organs),
		cmocka_unit_test(plain_fallback),
		cmocka_unit_test(letter_sections_run_on),
		cmocka_unit_test(many_paragraphs),
		cmocka_unit_test(ids_unique_past_max_depth),
		cmocka_unit_test(ids_unique_when_labels_repeat),
		cmocka_unit_test(ids_format_as_printf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
