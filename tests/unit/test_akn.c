/* test_akn.c: the AKN4UN reader (src/doc/akn*.c): detection, how the markup maps to the
 * model (ids from <num>, lists, flat items, headings against parts, annexes, the preamble the
 * markup broke off, statements), markers at their exact bytes, references from links, the
 * record, and bad XML refused in one line. Small documents written here, in the shape of the
 * UN's; tests/e2e/akn.sh checks the real ones against an independent reader. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <cmocka.h>

#include "doc/akn.h"
#include "doc/parse.h"
#include "doc/record.h"
#include "doc/shape.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" \
	"<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\" " \
	"xmlns:akn4un=\"http://un.org/akn4un\"><statement name=\"resolution\">"
#define TAIL "</statement></akomaNtoso>"

#define PREAMBLE "<preamble><formula name=\"enactingFormula\"><p><span class=\"italic\">The " \
	"General Assembly</span>,</p></formula>" \
	"<container name=\"Recalling\"><p>\t<span class=\"italic\">Recalling</span> its " \
	"resolution <a href=\"https://undocs.org/en/A/RES/57/218\">57/218</a> and the " \
	"Covenant,<authorialNote marker=\"1\" placement=\"bottom\"><p>\t\tResolution " \
	"<a href=\"https://docs.un.org/en/A/RES/2200(XXI)\">2200 A (XXI)</a>, annex.</p>" \
	"</authorialNote> the <a href=\"https://undocs.org/en/A/78/505\">report</a>,</p>" \
	"</container><container><p><span class=\"italic\">Noting</span> the Charter,<authorialNote " \
	"marker=\"1\"><p>Ignored.</p></authorialNote></p></container></preamble>"

static struct collection *read_xml(const char *xml, int want_rc, struct parse_diag *d)
{
	struct collection *col = NULL;
	memset(d, 0, sizeof *d);
	int rc = parse_buffer(xml, strlen(xml), INPUT_AUTO, &col, d);
	if (rc != want_rc)
		fail_msg("parse_buffer gave %d (want %d): %s", rc, want_rc, d->reason);
	if (want_rc == 0) {
		assert_non_null(col);
		assert_int_equal(col->ndocs, 1);
	} else
		assert_null(col);
	return col;
}

static const struct para *get(const struct resolution *r, const char *id)
{
	int i = res_find(r, id);
	if (i < 0)
		fail_msg("no paragraph %s", id);
	return &r->paras[i];
}

static void detected_by_content(void **state)
{
	(void)state;
	struct shape_probe p = { HEAD, strlen(HEAD), INPUT_AUTO };
	assert_true(akn_probe(&p));
	const char *prefixed = "\xEF\xBB\xBF  <!-- c --><akn:akomaNtoso xmlns:akn=\"x\">";
	p.buf = prefixed;
	p.len = strlen(prefixed);
	assert_true(akn_probe(&p));
	const char *text = "The General Assembly, <akomaNtoso> is quoted here.";
	p.buf = text;
	p.len = strlen(text);
	assert_false(akn_probe(&p));
	assert_int_equal(input_format_from_name("akn"), INPUT_AKN);
}

static void preamble_marks_and_links(void **state)
{
	(void)state;
	struct parse_diag d;
	struct collection *col = read_xml(HEAD PREAMBLE "<mainBody><paragraph><num>1.</num>"
		"<content><p><span class=\"italic\">Decides</span> to act.</p></content></paragraph>"
		"</mainBody>" TAIL, 0, &d);
	const struct resolution *r = col->docs[0];
	const struct para *pp1 = get(r, "pp1");
	assert_string_equal(pp1->text, "Recalling its resolution 57/218 and the Covenant, the report,");
	assert_int_equal(pp1->lead_len, strlen("Recalling"));
	/* the marker stands after "Covenant," (its exact byte), the note's text is the footnote */
	assert_int_equal(pp1->nmarks, 1);
	assert_int_equal(pp1->marks[0].footnote, 1);
	assert_int_equal(pp1->marks[0].byte, strlen("Recalling its resolution 57/218 and the Covenant,"));
	const struct para *fn1 = get(r, "fn1");
	assert_string_equal(fn1->text, "Resolution 2200 A (XXI), annex.");
	/* a marker used again cites the same footnote: one footnote, two marks */
	const struct para *pp2 = get(r, "pp2");
	assert_int_equal(pp2->nmarks, 1);
	assert_int_equal(pp2->marks[0].footnote, 1);
	assert_int_equal(res_find(r, "fn1-1"), -1);
	/* references: the scanner's "resolution 57/218", and the link on "report" by its target */
	assert_int_equal(pp1->nrefs, 2);
	assert_int_equal(pp1->refs[0].kind, REF_RESOLUTION);
	assert_string_equal(pp1->refs[0].target, "57/218");
	assert_int_equal(pp1->refs[1].kind, REF_DOCUMENT);
	assert_string_equal(pp1->refs[1].target, "A/78/505");
	assert_int_equal(pp1->refs[1].len, strlen("report"));
	assert_int_equal(fn1->nrefs, 1);
	assert_string_equal(fn1->refs[0].target, "2200 A (XXI)");
	assert_string_equal(get(r, "op1")->text, "Decides to act.");
	collection_free(col);
}

static void lists_and_flat_items(void **state)
{
	(void)state;
	struct parse_diag d;
	struct collection *col = read_xml(HEAD PREAMBLE "<mainBody>"
		"<paragraph><num>1.</num><list><intro><p>Requests States:</p></intro>"
		"<point><num>(a)</num><content><p>To act;</p></content></point>"
		"<sublist><point><num>(i)</num><content><p>now;</p></content></point>"
		"<point><num>(ii)</num><content><p>later;</p></content></point></sublist>"
		"<point><num>(b)</num><content><p>To report;</p></content></point>"
		"<wrapUp><p>and to inform it;</p></wrapUp></list></paragraph>"
		/* flat: the items written into sibling paragraphs, as many bodies have them */
		"<paragraph><num>2.</num><content><p>Urges:</p></content></paragraph>"
		"<paragraph><content><p>(a) Peace;</p></content></paragraph>"
		"<paragraph><content><p>(i) first;</p></content></paragraph>"
		"<paragraph><content><p>(b) Security;</p></content></paragraph>"
		"<paragraph><content><p>as well as development;</p></content></paragraph>"
		/* Arabic bodies write the number into the text */
		"<paragraph><content><p>3 - \xD8\xAA\xD9\x82\xD8\xB1\xD8\xB1;</p></content></paragraph>"
		"</mainBody>" TAIL, 0, &d);
	const struct resolution *r = col->docs[0];
	assert_string_equal(get(r, "op1")->text, "Requests States:");
	assert_string_equal(get(r, "op1.a")->text, "To act;");
	assert_int_equal(get(r, "op1.a.i")->depth, 2);
	assert_string_equal(get(r, "op1.a.ii")->text, "later;");
	assert_int_equal(get(r, "op1.b")->parent, res_find(r, "op1"));
	assert_string_equal(get(r, "op1.t1")->text, "and to inform it;");
	assert_int_equal(get(r, "op1.t1")->parent, res_find(r, "op1"));
	assert_string_equal(get(r, "op2.a")->text, "Peace;");
	assert_int_equal(get(r, "op2.a.i")->parent, res_find(r, "op2.a"));
	assert_int_equal(get(r, "op2.b")->parent, res_find(r, "op2"));
	assert_int_equal(get(r, "op2.t1")->parent, res_find(r, "op2"));
	assert_string_equal(get(r, "op3")->num, "3");
	collection_free(col);
}

static void headings_and_parts(void **state)
{
	(void)state;
	struct parse_diag d;
	/* numbering runs on under the headings: headings, and op ids with no prefix */
	struct collection *col = read_xml(HEAD PREAMBLE "<mainBody>"
		"<paragraph><subheading>I</subheading></paragraph>"
		"<paragraph><subheading>Implementation</subheading></paragraph>"
		"<paragraph><num>1.</num><content><p>Calls.</p></content></paragraph>"
		"<paragraph><content><p><span class=\"bold\">Capacity-building</span></p></content>"
		"</paragraph>"
		"<paragraph><num>2.</num><content><p>Urges.</p></content></paragraph>"
		"</mainBody>" TAIL, 0, &d);
	const struct resolution *r = col->docs[0];
	const struct para *h1 = get(r, "h1");
	assert_int_equal(h1->kind, PARA_ANNEX_HEADING);
	assert_int_equal(h1->annex, -1);
	assert_string_equal(h1->num, "I");
	assert_string_equal(h1->text, "Implementation");
	assert_string_equal(get(r, "h2")->text, "Capacity-building");
	assert_string_equal(get(r, "op2")->text, "Urges.");
	assert_int_equal(r->nparts, 0);
	collection_free(col);
	/* numbering starts again in each section: parts, with their own preamble */
	col = read_xml(HEAD PREAMBLE "<mainBody>"
		"<section><p><num>I</num></p><subheading>Umoja</subheading>"
		"<crossHeading refersTo=\"#preamble\"><span class=\"italic\">Recalling</span> it,"
		"</crossHeading></section>"
		"<paragraph><num>1.</num><content><p>Notes.</p></content></paragraph>"
		"<section><p><num>II</num></p><subheading>Budget</subheading></section>"
		"<paragraph><num>1.</num><content><p>Approves.</p></content></paragraph>"
		"</mainBody>" TAIL, 0, &d);
	r = col->docs[0];
	assert_int_equal(r->nparts, 2);
	assert_string_equal(r->parts[1].label, "II");
	assert_string_equal(r->parts[1].title, "Budget");
	assert_string_equal(get(r, "i.pp1")->text, "Recalling it,");
	assert_string_equal(get(r, "i.op1")->text, "Notes.");
	assert_string_equal(get(r, "ii.op1")->text, "Approves.");
	collection_free(col);
}

static void annexes(void **state)
{
	(void)state;
	struct parse_diag d;
	struct collection *col = read_xml(HEAD PREAMBLE "<mainBody><paragraph><num>1.</num>"
		"<content><p>Adopts the annexed text.</p></content></paragraph></mainBody>"
		"<attachments><attachment><doc name=\"annex\"><mainBody>"
		"<paragraph class=\"H1\"><content><p>Annex</p></content></paragraph>"
		"<paragraph class=\"H1\"><content><p>Terms of reference</p></content></paragraph>"
		"<paragraph class=\"H23\"><content><p>I. Scope</p></content></paragraph>"
		"<paragraph><num>1.</num><content><p>The body shall:</p></content></paragraph>"
		"<paragraph><content><p>(a) meet;</p></content></paragraph>"
		"<paragraph><content><p>(b) report.</p></content></paragraph>"
		"<paragraph><content><p>Annex II</p></content></paragraph>"
		"<paragraph><content><p>Some text.</p></content></paragraph>"
		"</mainBody></doc></attachment></attachments>" TAIL, 0, &d);
	const struct resolution *r = col->docs[0];
	assert_int_equal(r->nannexes, 2);
	assert_string_equal(r->annexes[0].label, "Annex");
	assert_string_equal(r->annexes[0].title, "Terms of reference");
	const struct para *h = get(r, "annex1.h1");
	assert_int_equal(h->kind, PARA_ANNEX_HEADING);
	assert_string_equal(h->text, "I. Scope");
	assert_string_equal(get(r, "annex1.p1")->text, "The body shall:");
	assert_int_equal(get(r, "annex1.p1.b")->parent, res_find(r, "annex1.p1"));
	assert_string_equal(r->annexes[1].label, "Annex II");
	assert_string_equal(get(r, "annex2.t1")->text, "Some text.");
	collection_free(col);
}

static void broken_preamble_and_statements(void **state)
{
	(void)state;
	struct parse_diag d;
	/* a <mainBody> the markup put before another <preamble> is preamble */
	struct collection *col = read_xml(HEAD "<preamble><formula><p>The General Assembly,</p>"
		"</formula><container><p>Recalling A,</p></container></preamble>"
		"<mainBody><paragraph><content><p>Noting B,</p></content></paragraph></mainBody>"
		"<preamble><container><p>Welcoming C,</p></container></preamble>"
		"<mainBody><paragraph><num>1.</num><content><p>Decides.</p></content></paragraph>"
		"</mainBody>" TAIL, 0, &d);
	const struct resolution *r = col->docs[0];
	assert_string_equal(get(r, "pp2")->text, "Noting B,");
	assert_string_equal(get(r, "pp3")->text, "Welcoming C,");
	assert_string_equal(get(r, "op1")->text, "Decides.");
	collection_free(col);
	/* a presidential statement: no preamble, plain paragraphs */
	col = read_xml(HEAD "<mainBody><alinea><content><p>On 4 December,</p></content></alinea>"
		"<paragraph><content><p>\"The Council recalls.\"</p></content></paragraph>"
		"</mainBody>" TAIL, 0, &d);
	r = col->docs[0];
	assert_int_equal(get(r, "p2")->kind, PARA_PLAIN);
	collection_free(col);
}

static void arabic_marker_brackets(void **state)
{
	(void)state;
	struct parse_diag d;
	struct collection *col = read_xml(HEAD "<preamble><container><p>\xD8\xA7\xD9\x84\xD8\xA5"
		"\xD8\xB9\xD9\x84\xD8\xA7\xD9\x86<sup>(</sup><authorialNote marker=\"1\"><p>x</p>"
		"</authorialNote><sup>)</sup> \xD9\x88</p></container></preamble><mainBody/>" TAIL, 0, &d);
	const struct para *pp1 = get(col->docs[0], "pp1");
	/* the parentheses around an Arabic marker belong to the marker */
	assert_null(strchr(pp1->text, '('));
	assert_int_equal(pp1->marks[0].byte, strlen("\xD8\xA7\xD9\x84\xD8\xA5\xD8\xB9\xD9\x84\xD8\xA7\xD9\x86"));
	collection_free(col);
}

static void record_exact(void **state)
{
	(void)state;
	struct parse_diag d;
	struct collection *col = read_xml(HEAD "<meta><identification><FRBRWork>"
		"<FRBRthis value=\"/akn/un/statement/deliberation/unga/2025-11-26/80-10/!main/\"/>"
		"<FRBRdate date=\"2025-11-26\" name=\"adoption\"/></FRBRWork><FRBRExpression>"
		"<FRBRlanguage language=\"fra\"/></FRBRExpression></identification>"
		"<classification><keyword value=\"13\" refersTo=\"agenda\" showAs=\"Follow-up.\"/>"
		"<keyword value=\"women\" showAs=\"women\" dictionary=\"UNBIS\"/>"
		"<keyword value=\"WOMEN\" showAs=\"WOMEN\" dictionary=\"UNBIS Thesaurus\"/>"
		"<keyword value=\"5\" dictionary=\"SDGO\"/></classification>"
		"<workflow><step outcome=\"draftResolution\" as=\"A/80/L.11\" by=\"Bolivia "
		"(Plurinational State of) and Saint Kitts and Nevis\"/>"
		"<step outcome=\"draftResolutionAdditionalSponsors\" date=\"0001-01-01\" by=\"China, "
		"Trinidad and Tobago and Zambia\"/>"
		"<step outcome=\"adopted\" as=\"A/80/PV.51\" date=\"2025-11-26\"/></workflow>"
		"<analysis><parliamentary><voting outcome=\"adoptedRecordedVote\">"
		"<count value=\"2\" refersTo=\"inFavour\"><akn4un:voters><organization>ALGERIA"
		"</organization><organization>CHAD</organization></akn4un:voters></count>"
		"<count value=\"1\" refersTo=\"against\"><akn4un:voters><organization>ISRAEL"
		"</organization></akn4un:voters></count></voting></parliamentary></analysis></meta>"
		"<coverPage><p><docNumber refersTo=\"#symbol\">A/RES/80/10</docNumber></p>"
		"<p><docDate date=\"2025-11-27\" refersTo=\"#dateOfIssuance\">27</docDate></p>"
		"<p><inline name=\"agenda item\" title=\"13\">Point 13 de l'ordre du jour</inline></p>"
		"</coverPage><preface><p><docNumber>80/10.</docNumber><docTitle>Journée</docTitle></p>"
		"</preface>" PREAMBLE "<mainBody/><conclusions><p><event><location>51e séance "
		"plénière</location></event></p></conclusions>" TAIL, 0, &d);
	const struct resolution *r = col->docs[0];
	const struct res_meta *m = &r->meta;
	assert_string_equal(m->symbol, "A/RES/80/10");
	assert_string_equal(m->organ, "General Assembly");
	assert_string_equal(m->number, "80/10");
	assert_string_equal(m->session, "80");
	assert_string_equal(m->title, "Journée");
	assert_string_equal(m->adopted, "2025-11-26");
	assert_string_equal(m->distributed, "2025-11-27");
	assert_string_equal(m->language, "fr");
	assert_string_equal(m->agenda_item, "13");
	assert_string_equal(m->meeting, "51e séance plénière");
	const struct res_record *rec = &r->record;
	assert_string_equal(rec->agenda_title, "Follow-up");
	assert_string_equal(rec->draft, "A/80/L.11");
	assert_string_equal(rec->meeting_record, "A/80/PV.51");
	assert_int_equal(rec->nsponsors, 2);
	assert_string_equal(rec->sponsors[1], "Saint Kitts and Nevis");
	assert_int_equal(rec->ncosponsors, 3);
	assert_string_equal(rec->cosponsors[1], "Trinidad and Tobago");
	assert_int_equal(rec->adoption, ADOPTION_VOTE);
	assert_int_equal(rec->yes, 2);
	assert_int_equal(rec->no, 1);
	assert_int_equal(rec->abstain, 0);
	assert_int_equal(rec->nvoters, 3);
	assert_int_equal(rec->voters[2].ballot, BALLOT_NO);
	assert_int_equal(rec->nkeywords, 2);      /* "women" and "WOMEN" are one subject */
	assert_string_equal(rec->keywords[1], "SDG 5");
	collection_free(col);
}

static void record_from_vote_lines(void **state)
{
	(void)state;
	static const struct {
		const char *line;
		enum res_adoption adoption;
		int yes, no, abstain;
		size_t nvoters;
	} cases[] = {
		{ "Adopted without a vote.", ADOPTION_WITHOUT_VOTE, -1, -1, -1, 0 },
		{ "Adoptée sans vote.", ADOPTION_WITHOUT_VOTE, -1, -1, -1, 0 },
		{ "Adopted at the 2358th meeting by consensus.", ADOPTION_WITHOUT_VOTE, -1, -1, -1, 0 },
		{ "Adopted unanimously at the 1382nd meeting.", ADOPTION_VOTE, -1, 0, 0, 0 },
		{ "Adopted at the 971st meeting by 9 votes to 1 (United Arab Republic), with 1 "
		  "abstention (Union of Soviet Socialist Republics).", ADOPTION_VOTE, 9, 1, 1, 2 },
		{ "Adopted at the 873rd meeting by 8 votes to none, with 3 abstentions (China, France, "
		  "United Kingdom of Great Britain and Northern Ireland).", ADOPTION_VOTE, 8, 0, 3, 3 },
		{ "Adopted by a recorded vote of 3 to 1, with 1 abstention. The voting was as follows: "
		  "In favour: Benin, Trinidad and Tobago and Chile. Against: Japan. Abstaining: Peru.",
		  ADOPTION_VOTE, 3, 1, 1, 5 },
		{ "Adopted at the 82nd meeting", ADOPTION_UNKNOWN, -1, -1, -1, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct resolution *r = res_new();
		assert_non_null(r);
		r->meta.vote = strdup(cases[i].line);
		assert_int_equal(record_from_text(r), 0);
		if (r->record.adoption != cases[i].adoption || r->record.yes != cases[i].yes
		    || r->record.no != cases[i].no || r->record.abstain != cases[i].abstain
		    || r->record.nvoters != cases[i].nvoters)
			fail_msg("'%s': %d %d-%d-%d, %zu voters", cases[i].line, r->record.adoption,
			         r->record.yes, r->record.no, r->record.abstain, r->record.nvoters);
		res_free(r);
	}
	/* the fields people read: the vote always, unknown things left out */
	struct resolution *r = res_new();
	r->meta.symbol = strdup("S/RES/242 (1967)");
	r->meta.report = strdup("A/80/L.11");
	r->meta.vote = strdup("Adopted unanimously at the 1382nd meeting.");
	assert_int_equal(record_from_text(r), 0);
	struct record_field *f;
	int n = record_fields(r, &f);
	assert_int_equal(n, 3);
	assert_string_equal(f[0].label, "Symbol");
	assert_string_equal(f[1].label, "Draft");
	assert_string_equal(f[2].value, "adopted unanimously");
	record_fields_free(f, n);
	res_free(r);
}

static void bad_xml(void **state)
{
	(void)state;
	struct parse_diag d;
	read_xml(HEAD "<preamble><container><p>cut", EX_DATAERR, &d);
	assert_non_null(strstr(d.reason, "malformed XML"));
	read_xml("<akomaNtoso xmlns=\"http://example.org/other\"><statement/></akomaNtoso>",
	         EX_DATAERR, &d);
	assert_non_null(strstr(d.reason, "namespace"));
	read_xml("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\">"
	         "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
	         "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"
	         "<statement><mainBody><paragraph><content><p>&b;</p></content></paragraph>"
	         "</mainBody></statement></akomaNtoso>", EX_DATAERR, &d);
	assert_non_null(strstr(d.reason, "entities"));
	read_xml("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
	         "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"
	         "<statement><mainBody><paragraph><content><p>&x;</p></content></paragraph>"
	         "</mainBody></statement></akomaNtoso>", EX_DATAERR, &d);
	assert_non_null(strstr(d.reason, "entities"));
	/* nesting past libxml2's bound: refused, not recursed into */
	size_t depth = 100000, n = 0;
	char *deep = malloc(strlen(HEAD) + depth * 7 + 64);
	assert_non_null(deep);
	n += (size_t)sprintf(deep, "%s<mainBody>", HEAD);
	for (size_t i = 0; i < depth; i++)
		n += (size_t)sprintf(deep + n, "<span>");
	deep[n] = '\0';
	read_xml(deep, EX_DATAERR, &d);
	free(deep);
	read_xml("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><statement>"
	         "<meta/></statement></akomaNtoso>", EX_DATAERR, &d);
	assert_non_null(strstr(d.reason, "without a resolution"));
}

/* Text appended piece by piece: runs of white space one space, none at the start, a space
 * due at a piece's end written only before the next character; pieces longer than a block
 * of bytes, with spaces at every place in a block, as a byte-at-a-time reference does it. */
static void ref_put(char *out, size_t *len, int *space, const char *s)
{
	for (; *s; s++) {
		if (strchr(" \t\n\r\f\v", *s)) {
			*space = *len > 0;
			continue;
		}
		if (*space)
			out[(*len)++] = ' ';
		*space = 0;
		out[(*len)++] = *s;
	}
	out[*len] = '\0';
}

static void text_put_spaces(void **state)
{
	(void)state;
	const char *pieces[] = { "  \tResolution", " 57/218 and the Covenant, a long run of words "
		"with single spaces, ", "then  two\tand\n\nnew lines\r\n", "", "   ", "x",
		"glued", " 0123456789abcdef0123456789abcdef \v", "0123456789abcdef 0123456789abcde f",
		" a b c d e f g h i j k l m n o p q r s t u v w x y z ", "\f", "end." };
	struct akn a;
	struct akn_text t;
	memset(&a, 0, sizeof a);
	memset(&t, 0, sizeof t);
	char want[1024];
	size_t wlen = 0;
	int space = 0;
	for (size_t i = 0; i < sizeof pieces / sizeof *pieces; i++) {
		akn_text_put(&a, &t, pieces[i]);
		ref_put(want, &wlen, &space, pieces[i]);
		assert_string_equal(t.s, want);
		assert_int_equal(t.space, space);
	}
	assert_int_equal(a.oom, 0);
	akn_text_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(detected_by_content),
		cmocka_unit_test(preamble_marks_and_links),
		cmocka_unit_test(lists_and_flat_items),
		cmocka_unit_test(headings_and_parts),
		cmocka_unit_test(annexes),
		cmocka_unit_test(broken_preamble_and_statements),
		cmocka_unit_test(arabic_marker_brackets),
		cmocka_unit_test(record_exact),
		cmocka_unit_test(record_from_vote_lines),
		cmocka_unit_test(bad_xml),
		cmocka_unit_test(text_put_spaces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
