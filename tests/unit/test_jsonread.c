/* test_jsonread.c: the strict JSON reader: every value type, escapes and surrogates, and each
 * refusal (with its line and column) that keeps a damaged file from being half-read. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "export/jsonread.h"

static struct jsonval *ok(const char *s)
{
	struct jsonval *v;
	char err[200];
	int rc = jsonread_parse(s, strlen(s), &v, err, sizeof err);
	if (rc != 0)
		fail_msg("'%s' refused: %s", s, err);
	return v;
}

/* Refused, with a message that contains `want`. */
static void refused(const char *s, size_t len, const char *want)
{
	struct jsonval *v = (struct jsonval *)1;
	char err[200];
	assert_int_equal(jsonread_parse(s, len, &v, err, sizeof err), -1);
	assert_null(v);
	if (!strstr(err, want))
		fail_msg("'%.40s': message '%s' lacks '%s'", s, err, want);
}

static void values(void **state)
{
	(void)state;
	struct jsonval *v = ok(" {\"a\": [1, -2.5e3, true, false, null, \"x\"], \"b\": {}} ");
	assert_int_equal(v->type, JSON_OBJECT);
	assert_int_equal(v->n, 2);
	const struct jsonval *a = jsonread_get(v, "a");
	assert_int_equal(a->type, JSON_ARRAY);
	assert_int_equal(a->n, 6);
	assert_true(a->items[0].number == 1);
	assert_true(a->items[1].number == -2500);
	assert_int_equal(a->items[2].boolean, 1);
	assert_int_equal(a->items[3].type, JSON_BOOL);
	assert_int_equal(a->items[3].boolean, 0);
	assert_int_equal(a->items[4].type, JSON_NULL);
	assert_string_equal(jsonread_str(&a->items[5]), "x");
	assert_int_equal(jsonread_get(v, "b")->type, JSON_OBJECT);
	assert_null(jsonread_get(v, "c"));
	assert_null(jsonread_get(a, "a"));       /* not an object */
	assert_null(jsonread_str(&a->items[0])); /* not a string */
	jsonread_free(v);
	v = ok("0");
	assert_true(v->number == 0);
	jsonread_free(v);
	v = ok("[]");
	assert_int_equal(v->n, 0);
	jsonread_free(v);
	jsonread_free(NULL);
}

static void strings(void **state)
{
	(void)state;
	struct jsonval *v = ok("\"q\\\"b\\\\s\\/n\\n\\t\\r\\b\\f \\u00e9 \\u5927 \\ud83d\\ude00 d\xC3\xA9j\xC3\xA0\"");
	assert_string_equal(v->str, "q\"b\\s/n\n\t\r\b\f \xC3\xA9 \xE5\xA4\xA7 \xF0\x9F\x98\x80 d\xC3\xA9j\xC3\xA0");
	assert_int_equal(v->len, strlen(v->str));
	jsonread_free(v);
	/* A UTF-8 byte order mark is tolerated. */
	v = ok("\xEF\xBB\xBF[1]");
	assert_int_equal(v->n, 1);
	jsonread_free(v);
	/* A long number goes through the slow path. */
	v = ok("123456789012345678901234567890123456789012345678901234567890123456789012345");
	assert_true(v->number > 1e74);
	jsonread_free(v);
}

static void refusals(void **state)
{
	(void)state;
	refused("", 0, "line 1, column 1: expected a value, found end of input");
	refused("[1,]", 4, "trailing comma");
	refused("{\"a\":1,}", 8, "trailing comma");
	refused("{\"a\":1 \"b\":2}", 13, "expected ',' or '}'");
	refused("[1 2]", 5, "expected ',' or ']'");
	refused("{a:1}", 5, "expected a string key");
	refused("{\"a\" 1}", 7, "expected ':'");
	refused("{\"a\":1,\"a\":2}", 13, "duplicate key");
	refused("01", 2, "leading zero");
	refused("1.", 2, "after '.'");
	refused(".5", 2, "expected a value");
	refused("+1", 2, "expected a value");
	refused("1e", 2, "exponent");
	refused("NaN", 3, "expected a value");
	refused("tru", 3, "unexpected");
	refused("nul", 3, "unexpected");
	refused("[1] x", 5, "after the JSON value");
	refused("// c\n1", 6, "expected a value");
	refused("\"abc", 4, "unterminated string");
	refused("\"a\tb\"", 5, "control character 0x09");
	refused("\"\\x\"", 4, "bad escape");
	refused("\"\\u12G4\"", 8, "hex digit");
	refused("\"\\ud83d\"", 8, "not followed by a low one");
	refused("\"\\ud83d\\u0041\"", 14, "not followed by a low one");
	refused("\"\\ude00\"", 8, "lone low surrogate");
	refused("\"\\u0000\"", 8, "\\u0000");
	refused("\"\xC3\"", 3, "invalid UTF-8");
	refused("\"\xC0\xAF\"", 4, "invalid UTF-8");          /* overlong '/' */
	refused("\"\xED\xA0\x80\"", 5, "invalid UTF-8");      /* encoded surrogate */
	refused("\"\xF4\x90\x80\x80\"", 6, "invalid UTF-8");  /* above U+10FFFF */
	refused("[1,\n  2,\n  x]", 13, "line 3, column 3");
	/* A NUL inside the buffer is not whitespace. */
	refused("[1]\0", 4, "after the JSON value");
}

static void depth(void **state)
{
	(void)state;
	char deep[2 * JSONREAD_MAX_DEPTH + 8];
	size_t n = 0;
	for (int i = 0; i < JSONREAD_MAX_DEPTH; i++)
		deep[n++] = '[';
	for (int i = 0; i < JSONREAD_MAX_DEPTH; i++)
		deep[n++] = ']';
	deep[n] = '\0';
	struct jsonval *v = ok(deep);
	jsonread_free(v);
	/* One level more is refused, and a huge nesting neither recurses away nor crashes. */
	char *big = malloc(200001);
	memset(big, '[', 200000);
	big[200000] = '\0';
	refused(big, 200000, "nested deeper than");
	free(big);
	char over[2 * JSONREAD_MAX_DEPTH + 8];
	n = 0;
	for (int i = 0; i <= JSONREAD_MAX_DEPTH; i++)
		over[n++] = '[';
	for (int i = 0; i <= JSONREAD_MAX_DEPTH; i++)
		over[n++] = ']';
	refused(over, n, "nested deeper than");
}

/* Every prefix of a valid document is refused (a file cut short), without leaks or crashes. */
static void truncated(void **state)
{
	(void)state;
	const char *doc = "{\"a\": [1, 2.5, \"x\\u00e9\", {\"b\": null}], \"c\": true}";
	size_t len = strlen(doc);
	for (size_t i = 0; i < len; i++) {
		struct jsonval *v;
		char err[200];
		assert_int_equal(jsonread_parse(doc, i, &v, err, sizeof err), -1);
		assert_null(v);
	}
	struct jsonval *v = ok(doc);
	jsonread_free(v);
	/* No message buffer is fine too. */
	assert_int_equal(jsonread_parse("[", 1, &v, NULL, 0), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(values),
		cmocka_unit_test(strings),
		cmocka_unit_test(refusals),
		cmocka_unit_test(depth),
		cmocka_unit_test(truncated),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
