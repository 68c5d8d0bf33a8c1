/* test_cite.c: citations down to the paragraph, in four languages, and resolving places. */
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
#include "doc/refs.h"
#include "library/cite.h"

/* A document of one paragraph, its refs found as the parser finds them. */
static struct resolution *one(const char *lang, const char *symbol, const char *text)
{
	struct resolution *r = res_new();
	r->meta.language = strdup(lang);
	r->meta.symbol = symbol ? strdup(symbol) : NULL;
	int i = res_add_para(r, PARA_OPERATIVE);
	struct para *p = &r->paras[i];
	p->id = strdup("op1");
	p->text = strdup(text);
	p->text_len = strlen(text);
	assert_int_equal(refs_find_documents(p->text, p->text_len, &p->refs, &p->nrefs), 0);
	return r;
}

/* The citations as "words=key#spec;..." for compact checks. */
static char *cites(const char *lang, const char *symbol, const char *text)
{
	struct resolution *r = one(lang, symbol, text);
	struct cite *c;
	int n = cite_find(r, 0, &c);
	assert_true(n >= 0);
	static char out[1024];
	out[0] = '\0';
	for (int k = 0; k < n; k++) {
		size_t o = strlen(out);
		snprintf(out + o, sizeof out - o, "%s%.*s=%s#%s", k ? ";" : "", (int)c[k].len,
		         r->paras[0].text + c[k].byte, c[k].key, c[k].spec);
	}
	free(c);
	res_free(r);
	return out;
}

static void english(void **state)
{
	(void)state;
	const char *ga = "A/RES/80/1";
	assert_string_equal(cites("en", ga, "Recalling its resolution 78/217 of 19 December 2023,"),
	                    "78/217=A/RES/78/217#");
	assert_string_equal(cites("en", ga, "Recalling paragraph 13 (b) of its resolution 78/217,"),
	                    "paragraph 13 (b) of its resolution 78/217=A/RES/78/217#op13.b");
	assert_string_equal(cites("en", "S/RES/2000 (2011)",
	                          "Acting under paragraph 8 of resolution 687 (1991),"),
	                    "paragraph 8 of resolution 687 (1991)=S/RES/687(1991)#op8");
	assert_string_equal(cites("en", ga, "in accordance with paragraphs 5 and 6 of Security "
	                          "Council resolution 1325 (2000)"),
	                    "paragraphs 5 and 6 of Security Council resolution 1325 (2000)="
	                    "S/RES/1325(2000)#op5");
	assert_string_equal(cites("en", ga, "paragraph 8 of the annex to its resolution 60/147"),
	                    "paragraph 8 of the annex to its resolution 60/147=A/RES/60/147#annex/p8");
	assert_string_equal(cites("en", ga, "as set out in annex I to resolution 61/295"),
	                    "annex I to resolution 61/295=A/RES/61/295#annex:I");
	assert_string_equal(cites("en", ga, "section II, paragraph 3, of resolution 74/270"),
	                    "section II, paragraph 3, of resolution 74/270=A/RES/74/270#part:II/op3");
	assert_string_equal(cites("en", ga, "the fifth preambular paragraph of resolution 77/1"),
	                    "fifth preambular paragraph of resolution 77/1=A/RES/77/1#pp5");
	/* lists: every resolution, the organ carried over */
	assert_string_equal(cites("en", ga, "Security Council resolutions 1325 (2000) and 1820 (2008)"),
	                    "1325 (2000)=S/RES/1325(2000)#;1820 (2008)=S/RES/1820(2008)#");
	assert_string_equal(cites("en", "A/HRC/RES/55/21", "Recalling its resolutions 7/29 and 12/2,"),
	                    "7/29=A/HRC/RES/7/29#;12/2=A/HRC/RES/12/2#");
	assert_string_equal(cites("en", ga, "Human Rights Council resolution 7/29"),
	                    "7/29=A/HRC/RES/7/29#");
	/* places in the document itself */
	assert_string_equal(cites("en", ga, "the statement referred to in paragraph 1 (a) above, and"),
	                    "paragraph 1 (a) above=#op1.a");
	assert_string_equal(cites("en", ga, "as set out in the annex to the present resolution;"),
	                    "the annex to the present resolution=#annex");
	assert_string_equal(cites("en", ga, "paragraphs 3 and 4 below"), "paragraphs 3 and 4 below=#op3");
	/* documents that are not resolutions: the symbol itself */
	assert_string_equal(cites("en", ga, "the report of the Secretary-General (A/78/123)"),
	                    "A/78/123=A/78/123#");
	/* words that only look like it */
	assert_string_equal(cites("en", ga, "paragraph 8 of the Declaration"), "");
}

static void other_languages(void **state)
{
	(void)state;
	assert_string_equal(cites("fr", "A/RES/80/1", "Rappelant le paragraphe 13 b) de sa "
	                          "résolution 78/217,"),
	                    "paragraphe 13 b) de sa résolution 78/217=A/RES/78/217#op13.b");
	assert_string_equal(cites("fr", "A/RES/80/1", "visée au paragraphe 1 a) ci-dessus"),
	                    "paragraphe 1 a) ci-dessus=#op1.a");
	assert_string_equal(cites("es", "A/RES/80/1", "el párrafo 8 de la resolución 687 (1991)"),
	                    "párrafo 8 de la resolución 687 (1991)=S/RES/687(1991)#op8");
	assert_string_equal(cites("ru", "A/RES/80/1", "в пункте 8 резолюции 78/217"),
	                    "пункте 8 резолюции 78/217=A/RES/78/217#op8");
}

/* A small document with parts and an annex, to resolve places in. */
static struct resolution *shaped(void)
{
	const char *text =
		"Resolution adopted by the General Assembly on 1 December 2030\n"
		"90/5.\tPlaces\n\n"
		"\tThe General Assembly,\n"
		"\tRecalling its earlier texts,\n"
		"\tNoting also the report,\n"
		"\t1.\tDecides one;\n"
		"\t2.\tDecides two:\n"
		"\t(a)\tfirst item;\n"
		"\t(b)\tsecond item, as in paragraph 1 above;\n"
		"\t3.\tAdopts the principles annexed to the present resolution.\n\n"
		"Annex\n"
		"Principles\n"
		"\t1.\tPrinciple one.\n"
		"\t2.\tPrinciple two, as in paragraph 1 above.\n";
	struct collection *col;
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	assert_int_equal(parse_buffer(text, strlen(text), INPUT_AUTO, &col, &d), 0);
	assert_int_equal(col->ndocs, 1);
	struct resolution *r = col->docs[0];
	col->ndocs = 0;
	collection_free(col);
	return r;
}

static const char *id_at(const struct resolution *r, int i)
{
	return i >= 0 ? r->paras[i].id : "(none)";
}

static void resolving(void **state)
{
	(void)state;
	struct resolution *r = shaped();
	assert_string_equal(id_at(r, cite_resolve(r, "op2.b", -1)), "op2.b");
	assert_string_equal(id_at(r, cite_resolve(r, "op2.c", -1)), "op2");     /* no item (c) */
	assert_string_equal(id_at(r, cite_resolve(r, "op9", -1)), "(none)");
	assert_string_equal(id_at(r, cite_resolve(r, "pp2", -1)), "pp2");
	int annex = cite_resolve(r, "annex", -1);
	assert_true(annex >= 0);
	assert_int_equal(r->paras[annex].kind, PARA_ANNEX_TITLE);
	assert_string_equal(id_at(r, cite_resolve(r, "annex/p2", -1)), "annex1.p2");
	assert_string_equal(id_at(r, cite_resolve(r, "annex:II", -1)), "(none)");
	assert_string_equal(id_at(r, cite_resolve(r, "", -1)), r->paras[0].id);
	/* "paragraph 1 above" in the annex is the annex's paragraph 1; in the body, op1 */
	int in_annex = cite_resolve(r, "annex/p2", -1);
	assert_string_equal(id_at(r, cite_resolve(r, "op1", in_annex)), "annex1.p1");
	assert_string_equal(id_at(r, cite_resolve(r, "op1", cite_resolve(r, "op2.b", -1))), "op1");
	/* the annex's own citation is found as a place in the document */
	struct cite *c;
	int n = cite_find(r, (size_t)in_annex, &c);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].spec, "op1");
	assert_string_equal(c[0].key, "");
	free(c);
	res_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(english),
		cmocka_unit_test(other_languages),
		cmocka_unit_test(resolving),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
