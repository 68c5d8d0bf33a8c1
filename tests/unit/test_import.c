/* test_import.c: reading W3C Web Annotation JSON back: the shapes accepted (collection, page,
 * array, one annotation), what is taken from where, and a clear refusal naming the item for
 * each thing gavel could not keep. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "export/import.h"

#define ID "urn:uuid:0A1B2C3D-0000-4000-8000-00000000000F"
#define SEL "\"selector\": [{\"type\": \"TextQuoteSelector\", \"exact\": \"rights\", \"prefix\": \"the \", \"suffix\": \" of\"}," \
            " {\"type\": \"TextPositionSelector\", \"start\": 4, \"end\": 10}]"
#define TARGET "\"target\": {\"source\": \"https://undocs.org/en/S/RES/242%20(1967)\", \"gavel:paragraph\": \"op1.a\", " SEL "}"

static struct annotation *ok(const char *json, size_t want)
{
	struct annotation *v;
	size_t n;
	char err[300];
	if (import_json(json, strlen(json), &v, &n, NULL, err, sizeof err) != 0)
		fail_msg("refused: %s", err);
	assert_int_equal(n, want);
	return v;
}

static void refused(const char *json, const char *want)
{
	struct annotation *v = (struct annotation *)1;
	size_t n = 99;
	char err[300];
	assert_int_equal(import_json(json, strlen(json), &v, &n, NULL, err, sizeof err), -1);
	assert_null(v);
	assert_int_equal(n, 0);
	if (!strstr(err, want))
		fail_msg("message '%s' lacks '%s'", err, want);
}

static void one_annotation(void **state)
{
	(void)state;
	struct annotation *v = ok("{\"type\": \"Annotation\", \"id\": \"" ID "\", "
		"\"created\": \"2026-01-01T10:00:00Z\", \"modified\": \"2026-01-02T10:00:00.5+01:00\", "
		"\"gavel:color\": \"green\", \"body\": [{\"type\": \"TextualBody\", \"value\": \"a note\"},"
		" {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"t1\"},"
		" {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"t1\"}], " TARGET "}", 1);
	assert_string_equal(v[0].id, "0a1b2c3d-0000-4000-8000-00000000000f");  /* lower-cased */
	assert_string_equal(v[0].doc_symbol, "S/RES/242 (1967)");              /* from the URL */
	assert_string_equal(v[0].doc_language, "en");
	assert_string_equal(v[0].para_id, "op1.a");
	assert_string_equal(v[0].exact, "rights");
	assert_string_equal(v[0].prefix, "the ");
	assert_string_equal(v[0].suffix, " of");
	assert_int_equal(v[0].start, 4);
	assert_int_equal(v[0].end, 10);
	assert_string_equal(v[0].color, "green");
	assert_string_equal(v[0].note, "a note");
	assert_int_equal(v[0].ntags, 1);                                        /* duplicate dropped */
	assert_string_equal(v[0].created, "2026-01-01T10:00:00Z");
	assert_string_equal(v[0].updated, "2026-01-02T10:00:00.5+01:00");
	assert_int_equal(v[0].status, ANCHOR_ANCHORED);
	annotation_list_free(v, 1);
	v = ok("{\"type\": \"Annotation\", \"id\": \"" ID "\", \"gavel:status\": \"orphan\", " TARGET "}", 1);
	assert_int_equal(v[0].status, ANCHOR_ORPHAN);
	annotation_list_free(v, 1);
}

static void shapes(void **state)
{
	(void)state;
	const char *ann = "{\"type\": [\"Annotation\"], \"id\": \"" ID "\", " TARGET "}";
	char buf[2048];
	/* A bare array; a page; a collection with its page embedded. */
	snprintf(buf, sizeof buf, "[%s, %s]", ann, ann);
	struct annotation *v = ok(buf, 2);
	assert_string_equal(v[0].color, "yellow");  /* the default */
	assert_null(v[0].note);
	annotation_list_free(v, 2);
	snprintf(buf, sizeof buf, "{\"type\": \"AnnotationPage\", \"items\": [%s]}", ann);
	annotation_list_free(ok(buf, 1), 1);
	snprintf(buf, sizeof buf, "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", "
	         "\"type\": \"AnnotationCollection\", \"first\": {\"type\": \"AnnotationPage\", \"items\": [%s]}}", ann);
	annotation_list_free(ok(buf, 1), 1);
	/* An empty collection, with or without a page. */
	annotation_list_free(ok("{\"type\": \"AnnotationCollection\", \"total\": 0}", 0), 0);
	annotation_list_free(ok("[]", 0), 0);
	/* gavel:symbol and gavel:language win over the URL; any source is a symbol otherwise. */
	v = ok("{\"type\": \"Annotation\", \"id\": \"" ID "\", \"target\": {\"source\": \"A/RES/1\", "
	       "\"gavel:paragraph\": \"pp1\", " SEL "}}", 1);
	assert_string_equal(v[0].doc_symbol, "A/RES/1");
	assert_string_equal(v[0].doc_language, "en");
	annotation_list_free(v, 1);
	v = ok("{\"type\": \"Annotation\", \"id\": \"" ID "\", \"target\": {\"source\": \"https://undocs.org/fr/X\", "
	       "\"gavel:symbol\": \"A/RES/2\", \"gavel:language\": \"es\", \"gavel:paragraph\": \"pp1\", " SEL "}}", 1);
	assert_string_equal(v[0].doc_symbol, "A/RES/2");
	assert_string_equal(v[0].doc_language, "es");
	annotation_list_free(v, 1);
}

static void refusals(void **state)
{
	(void)state;
	refused("{\"type\": \"Annotation\", \"id\": ", "line 1, column 30");
	refused("42", "expected an AnnotationCollection");
	refused("{\"type\": \"Thing\"}", "expected an AnnotationCollection");
	refused("{\"type\": \"AnnotationCollection\", \"first\": \"https://x/page1\"}", "must be embedded");
	refused("{\"type\": \"AnnotationCollection\", \"first\": {\"type\": \"AnnotationPage\", \"items\": [], \"next\": {}}}",
	        "several pages");
	refused("{\"type\": \"AnnotationPage\"}", "no \"items\"");
	refused("[1]", "items[0]: an annotation must be an object");
	refused("[{\"type\": \"Note\"}]", "items[0]: \"type\" is not \"Annotation\"");
	refused("[{\"type\": \"Annotation\", \"id\": 7, " TARGET "}]", "\"id\" must be a string");
	refused("[{\"type\": \"Annotation\", \"id\": \"urn:uuid:0a1b2c3d-0000-4000-8000-00000000000g\", " TARGET "}]", "not a UUID");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"created\": \"yesterday\", " TARGET "}]", "ISO 8601");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"created\": 5, " TARGET "}]", "must be a string");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"gavel:color\": \"Bright Red\", " TARGET "}]", "not a colour key");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"body\": 3, " TARGET "}]", "a body must be");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"body\": {\"type\": \"TextualBody\"}, " TARGET "}]", "no string \"value\"");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"body\": {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"\"}, " TARGET "}]", "tag");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"body\": {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"a\\u001bb\"}, " TARGET "}]", "control characters");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\"}]", "needs a \"target\"");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"target\": []}]", "empty array");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"target\": 5}]", "object or an IRI");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"target\": {\"gavel:paragraph\": \"op1\", " SEL "}}]", "naming the document");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"target\": {\"source\": \"A/RES/1\", \"gavel:paragraph\": \"op1\"}}]", "no TextQuoteSelector");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"target\": {\"source\": \"A/RES/1\", \"gavel:paragraph\": \"op1\", "
	        "\"selector\": {\"type\": \"TextPositionSelector\", \"start\": 1, \"end\": 2}}}]", "no TextQuoteSelector");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"target\": {\"source\": \"A/RES/1\", \"gavel:paragraph\": \"op1\", "
	        "\"selector\": [{\"type\": \"TextQuoteSelector\", \"exact\": \"x\"}, {\"type\": \"TextPositionSelector\", \"start\": 3, \"end\": 3}]}}]",
	        "must end after it starts");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"target\": {\"source\": \"A/RES/1\", \"gavel:paragraph\": \"op1\", "
	        "\"selector\": [{\"type\": \"TextQuoteSelector\", \"exact\": \"x\"}, {\"type\": \"TextPositionSelector\", \"start\": 1.5, \"end\": 3}]}}]",
	        "whole number");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"target\": {\"source\": \"A/RES/1\", \"gavel:paragraph\": \"op1\", "
	        "\"selector\": [{\"type\": \"TextQuoteSelector\", \"exact\": \"x\"}, {\"type\": \"TextPositionSelector\", \"start\": -1, \"end\": 3}]}}]",
	        "whole number");
	/* The second item is bad: the first, good, one is not returned either. */
	char buf[2048];
	snprintf(buf, sizeof buf, "%s", "[{\"type\": \"Annotation\", \"id\": \"" ID "\", " TARGET "}, {\"type\": \"Annotation\"}]");
	refused(buf, "items[1]");
}

/* Annotations other W3C tools wrote: any id (kept), no paragraph (found later by the quote),
 * positions into the tool's own rendering ignored, several bodies and targets. */
static void foreign_w3c(void **state)
{
	(void)state;
	const char *json = "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", "
		"\"id\": \"http://example.org/anno1\", \"type\": \"Annotation\", "
		"\"body\": [{\"type\": \"TextualBody\", \"purpose\": \"editing\", \"value\": \"first\"},"
		" \"http://example.org/link\", {\"type\": \"Image\"},"
		" {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"k\"}], "
		"\"target\": [\"http://example.org/page\", {\"source\": \"https://undocs.org/A/RES/58/190\", "
		"\"selector\": [{\"type\": \"TextPositionSelector\", \"start\": 4000, \"end\": 4020},"
		" {\"type\": \"TextQuoteSelector\", \"exact\": \"consular\\n  official\", "
		"\"prefix\": \"with a \", \"suffix\": \" of their\"}]}]}";
	struct annotation *v = ok(json, 1);
	assert_string_equal(v[0].iri, "http://example.org/anno1");
	char again[37];
	memcpy(again, v[0].id, sizeof again);
	assert_int_equal(strlen(again), 36);
	assert_string_equal(v[0].doc_symbol, "A/RES/58/190");
	assert_string_equal(v[0].doc_language, "en");
	assert_string_equal(v[0].source, "https://undocs.org/A/RES/58/190");
	assert_string_equal(v[0].para_id, "");                 /* placed later, by its quote */
	assert_string_equal(v[0].exact, "consular official");   /* white space as gavel keeps it */
	assert_int_equal(v[0].start, 0);
	assert_int_equal(v[0].end, 17);                         /* not the tool's 4000..4020 */
	assert_int_equal(v[0].status, ANCHOR_ORPHAN);
	assert_string_equal(v[0].note, "first\n\nhttp://example.org/link");
	assert_int_equal(v[0].ntags, 1);
	annotation_list_free(v, 1);
	/* The same id gives the same UUID; an annotation without id gets one from its content. */
	v = ok(json, 1);
	assert_string_equal(v[0].id, again);
	annotation_list_free(v, 1);
	v = ok("{\"type\": \"Annotation\", " TARGET "}", 1);
	memcpy(again, v[0].id, sizeof again);
	assert_null(v[0].iri);
	annotation_list_free(v, 1);
	v = ok("{\"type\": \"Annotation\", " TARGET "}", 1);
	assert_string_equal(v[0].id, again);
	annotation_list_free(v, 1);
	/* Another tool's UUIDs are taken as they are. */
	v = ok("{\"type\": \"Annotation\", \"id\": \"" ID "\", \"target\": {\"source\": \"A/RES/1\", " SEL "}}", 1);
	assert_null(v[0].iri);
	assert_string_equal(v[0].para_id, "");
	annotation_list_free(v, 1);
	/* A source that names no UN document leaves the symbol to the caller; docs.un.org and
	 * the ODS query name it. */
	v = ok("{\"type\": \"Annotation\", \"id\": \"x:1\", \"target\": {\"source\": "
	       "\"https://example.org/a.pdf\", " SEL "}}", 1);
	assert_null(v[0].doc_symbol);
	assert_null(v[0].doc_language);
	annotation_list_free(v, 1);
	v = ok("{\"type\": \"Annotation\", \"id\": \"x:1\", \"target\": {\"source\": "
	       "\"https://docs.un.org/fr/S/RES/242%20(1967)\", " SEL "}}", 1);
	assert_string_equal(v[0].doc_symbol, "S/RES/242 (1967)");
	assert_string_equal(v[0].doc_language, "fr");
	annotation_list_free(v, 1);
	v = ok("{\"type\": \"Annotation\", \"id\": \"x:1\", \"target\": {\"source\": "
	       "\"https://documents.un.org/api/symbol/access?s=A/RES/58/190&l=en\", " SEL "}}", 1);
	assert_string_equal(v[0].doc_symbol, "A/RES/58/190");
	annotation_list_free(v, 1);
}

/* Well formed, but nothing gavel can anchor: left out and counted, the rest imported. */
static void left_out(void **state)
{
	(void)state;
	const char *json = "[{\"type\": \"Annotation\", \"id\": \"x:1\", \"target\": \"https://example.org/page\"},"
		" {\"type\": \"Annotation\", \"id\": \"x:2\", \"target\": {\"source\": \"A/RES/1\", "
		"\"selector\": {\"type\": \"CssSelector\", \"value\": \"#p\"}}},"
		" {\"type\": \"Annotation\", \"id\": \"x:3\", \"target\": {\"source\": \"A/RES/1\"}},"
		" {\"type\": \"Annotation\", \"id\": \"x:4\", " TARGET "}]";
	struct annotation *v;
	size_t n;
	struct import_report rep;
	char err[300];
	assert_int_equal(import_json(json, strlen(json), &v, &n, &rep, err, sizeof err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].iri, "x:4");
	assert_int_equal(rep.skipped, 3);
	assert_non_null(strstr(rep.why, "items[0]: it is about a whole document"));
	annotation_list_free(v, n);
}

/* Hypothesis' export and search API: its ids, text, tags, quote; replies left out. */
static void hypothesis(void **state)
{
	(void)state;
	const char *row = "{\"id\": \"AbC-12_x\", \"created\": \"2025-03-01T10:00:00.123456+00:00\", "
		"\"updated\": \"2025-03-02T10:00:00.5+00:00\", \"user\": \"acct:ana@hypothes.is\", "
		"\"uri\": \"https://documents.un.org/doc/undoc/gen/n03/503/69/pdf/n0350369.pdf\", "
		"\"text\": \"Check **Avena**\", \"tags\": [\"consular\", \"icj\"], \"group\": \"__world__\", "
		"\"target\": [{\"source\": \"https://documents.un.org/doc/undoc/gen/n03/503/69/pdf/n0350369.pdf\", "
		"\"selector\": [{\"type\": \"RangeSelector\", \"startContainer\": \"/div[2]\", \"startOffset\": 0, "
		"\"endContainer\": \"/div[2]\", \"endOffset\": 9}, {\"type\": \"TextPositionSelector\", \"start\": 9000, "
		"\"end\": 9017}, {\"type\": \"TextQuoteSelector\", \"exact\": \"consular official\", "
		"\"prefix\": \"communicate with a \", \"suffix\": \" of their own\"}]}], "
		"\"links\": {\"html\": \"https://hypothes.is/a/AbC-12_x\"}}";
	const char *reply = "{\"id\": \"r1\", \"uri\": \"https://x/\", \"text\": \"yes\", "
		"\"references\": [\"AbC-12_x\"], \"target\": [{\"source\": \"https://x/\"}]}";
	char buf[4096];
	for (int shape = 0; shape < 3; shape++) {
		if (shape == 0)
			snprintf(buf, sizeof buf, "{\"export_date\": \"2025-04-01\", \"annotations\": [%s, %s]}", row, reply);
		else if (shape == 1)
			snprintf(buf, sizeof buf, "{\"total\": 2, \"rows\": [%s, %s]}", row, reply);
		else
			snprintf(buf, sizeof buf, "[%s, %s]", row, reply);
		struct annotation *v;
		size_t n;
		struct import_report rep;
		char err[300];
		if (import_json(buf, strlen(buf), &v, &n, &rep, err, sizeof err) != 0)
			fail_msg("refused: %s", err);
		assert_int_equal(n, 1);
		assert_int_equal(rep.skipped, 1);
		assert_non_null(strstr(rep.why, "reply"));
		assert_string_equal(v[0].iri, "https://hypothes.is/a/AbC-12_x");
		assert_null(v[0].doc_symbol);    /* a PDF's address: found by the quote */
		assert_string_equal(v[0].source, "https://documents.un.org/doc/undoc/gen/n03/503/69/pdf/n0350369.pdf");
		assert_string_equal(v[0].note, "Check **Avena**");
		assert_int_equal(v[0].ntags, 2);
		assert_string_equal(v[0].tags[1], "icj");
		assert_string_equal(v[0].exact, "consular official");
		assert_string_equal(v[0].created, "2025-03-01T10:00:00.123456+00:00");
		assert_string_equal(v[0].updated, "2025-03-02T10:00:00.5+00:00");
		assert_string_equal(v[0].color, "yellow");
		annotation_list_free(v, n);
	}
	/* One of its annotations alone; no links: the id makes the address. */
	struct annotation *v = ok("{\"id\": \"zz\", \"uri\": \"https://undocs.org/en/A/RES/1\", \"text\": \"\", "
	                          "\"target\": [{\"source\": \"https://undocs.org/en/A/RES/1\", \"selector\": "
	                          "[{\"type\": \"TextQuoteSelector\", \"exact\": \"rights\"}]}]}", 1);
	assert_string_equal(v[0].iri, "https://hypothes.is/a/zz");
	assert_string_equal(v[0].doc_symbol, "A/RES/1");
	assert_null(v[0].note);          /* a highlight */
	annotation_list_free(v, 1);
}

static struct resolution *two_paras(const char *symbol)
{
	struct resolution *r = res_new();
	assert_non_null(r);
	r->meta.symbol = strdup(symbol);
	r->meta.language = strdup("en");
	const char *ids[] = { "op1", "op2" };
	const char *texts[] = { "Welcomes the report of the Secretary-General.",
	                        "Requests States to let detained foreign nationals communicate with "
	                        "a consular official of their own State." };
	for (int i = 0; i < 2; i++) {
		int k = res_add_para(r, PARA_OPERATIVE);
		assert_true(k >= 0);
		r->paras[k].id = strdup(ids[i]);
		r->paras[k].text = strdup(texts[i]);
		r->paras[k].text_len = strlen(texts[i]);
	}
	return r;
}

/* Notes without a paragraph are found by their quotes: in their own document, or in any
 * named one when their source names none. */
static void place(void **state)
{
	(void)state;
	struct resolution *a = two_paras("A/RES/1"), *b = two_paras("A/RES/2");
	const struct resolution *docs[] = { a, b };
	struct annotation *v = ok("[{\"type\": \"Annotation\", \"id\": \"x:1\", \"target\": {\"source\": "
		"\"https://undocs.org/en/A/RES/2\", \"selector\": {\"type\": \"TextQuoteSelector\", "
		"\"exact\": \"consular\\nofficial\", \"prefix\": \"with a \"}}},"
		" {\"type\": \"Annotation\", \"id\": \"x:2\", \"target\": {\"source\": \"https://example.org/x.pdf\", "
		"\"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"report of the Secretary-General\"}}},"
		" {\"type\": \"Annotation\", \"id\": \"x:3\", \"target\": {\"source\": \"https://example.org/y.pdf\", "
		"\"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"words in no document at all\"}}}]", 3);
	/* Without `any`, only the one whose document is named is placed. */
	assert_int_equal(import_place(v, 3, docs, 2, 0), 1);
	assert_string_equal(v[0].doc_symbol, "A/RES/2");
	assert_string_equal(v[0].para_id, "op2");
	assert_string_equal(v[0].exact, "consular official");
	assert_int_equal(v[0].start, 69);
	assert_int_equal(v[0].end, 86);
	assert_int_equal(v[0].status, ANCHOR_ANCHORED);
	assert_null(v[1].doc_symbol);
	assert_int_equal(import_place(v, 3, docs, 2, 1), 1);
	assert_string_equal(v[1].doc_symbol, "A/RES/1");
	assert_string_equal(v[1].doc_language, "en");
	assert_string_equal(v[1].para_id, "op1");
	assert_int_equal(v[1].start, 13);
	assert_null(v[2].doc_symbol);       /* the caller leaves it out */
	assert_string_equal(v[2].para_id, "");
	annotation_list_free(v, 3);
	res_free(a);
	res_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_annotation),
		cmocka_unit_test(shapes),
		cmocka_unit_test(refusals),
		cmocka_unit_test(foreign_w3c),
		cmocka_unit_test(left_out),
		cmocka_unit_test(hypothesis),
		cmocka_unit_test(place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
