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
	if (import_json(json, strlen(json), &v, &n, err, sizeof err) != 0)
		fail_msg("refused: %s", err);
	assert_int_equal(n, want);
	return v;
}

static void refused(const char *json, const char *want)
{
	struct annotation *v = (struct annotation *)1;
	size_t n = 99;
	char err[300];
	assert_int_equal(import_json(json, strlen(json), &v, &n, err, sizeof err), -1);
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
	refused("[{\"type\": \"Annotation\", " TARGET "}]", "no string \"id\"");
	refused("[{\"type\": \"Annotation\", \"id\": \"https://example.org/1\", " TARGET "}]", "not \"urn:uuid:\"");
	refused("[{\"type\": \"Annotation\", \"id\": \"urn:uuid:0a1b2c3d-0000-4000-8000-00000000000g\", " TARGET "}]", "not a UUID");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"created\": \"yesterday\", " TARGET "}]", "ISO 8601");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"created\": 5, " TARGET "}]", "must be a string");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"gavel:color\": \"Bright Red\", " TARGET "}]", "not a colour key");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"body\": 3, " TARGET "}]", "\"body\" must be");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"body\": {\"type\": \"SpecificResource\"}, " TARGET "}]", "only TextualBody");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"body\": {\"type\": \"TextualBody\"}, " TARGET "}]", "no string \"value\"");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"body\": [{\"type\": \"TextualBody\", \"value\": \"a\"}, "
	        "{\"type\": \"TextualBody\", \"value\": \"b\"}], " TARGET "}]", "more than one note");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"body\": {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"\"}, " TARGET "}]", "tag");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"body\": {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"a\\u001bb\"}, " TARGET "}]", "control characters");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"body\": {\"type\": \"TextualBody\", \"purpose\": \"editing\", \"value\": \"x\"}, " TARGET "}]", "cannot be imported");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\"}]", "\"target\" must be one object");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"target\": {\"gavel:paragraph\": \"op1\", " SEL "}}]", "naming the document");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"target\": {\"source\": \"A/RES/1\", " SEL "}}]", "gavel:paragraph");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"target\": {\"source\": \"A/RES/1\", \"gavel:paragraph\": \"op1\"}}]", "no \"selector\"");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"target\": {\"source\": \"A/RES/1\", \"gavel:paragraph\": \"op1\", "
	        "\"selector\": {\"type\": \"TextPositionSelector\", \"start\": 1, \"end\": 2}}}]", "no TextQuoteSelector");
	refused("[{\"type\": \"Annotation\", \"id\": \"" ID "\", \"target\": {\"source\": \"A/RES/1\", \"gavel:paragraph\": \"op1\", "
	        "\"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"x\"}}}]", "no TextPositionSelector");
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_annotation),
		cmocka_unit_test(shapes),
		cmocka_unit_test(refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
