/* test_json.c: the JSON writer: escaping, the documented shape, nesting, collections. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "real-text.h"

#include "doc/json.h"

/* Captures what fn writes into a string (caller frees). */
static char *capture_string(const char *s, size_t n, int use_n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	if (use_n)
		json_write_stringn(f, s, n);
	else
		json_write_string(f, s);
	fclose(f);
	return buf;
}

static void escaping(void **state)
{
	(void)state;
	char *s = capture_string("say \"hi\"\\ \n\t\x01\x1b[0m\x7f", 0, 0);
	assert_string_equal(s, "\"say \\\"hi\\\"\\\\ \\n\\t\\u0001\\u001b[0m\\u007f\"");
	free(s);
	s = capture_string("caf\xc3\xa9 \xe5\xa4\xa7\xe4\xbc\x9a \xe2\x80\xa8", 0, 0);
	assert_string_equal(s, "\"caf\xc3\xa9 \xe5\xa4\xa7\xe4\xbc\x9a \\u2028\"");
	free(s);
	s = capture_string("bad\xff\xc3", 0, 0);                /* never invalid UTF-8 out */
	assert_string_equal(s, "\"bad\\ufffd\\ufffd\"");
	free(s);
	s = capture_string("abcdef", 3, 1);
	assert_string_equal(s, "\"abc\"");
	free(s);
	s = capture_string(NULL, 0, 1);
	assert_string_equal(s, "null");
	free(s);
	s = capture_string(NULL, 0, 0);
	assert_string_equal(s, "null");
	free(s);
}

/* Issue 18: the Bidi_Control characters are escaped as ESC is, so a document cannot reorder
 * what a terminal shows of `gavel parse`; the marks around them and other scripts stay raw. */
static void bidi_controls_escaped(void **state)
{
	(void)state;
	static const struct { const char *in, *out; } cases[] = {
		{ "a\xe2\x80\xaa" "b\xe2\x80\xab" "c\xe2\x80\xac" "d\xe2\x80\xad" "e\xe2\x80\xae" "f",
		  "\"a\\u202ab\\u202bc\\u202cd\\u202de\\u202ef\"" },
		{ "\xe2\x81\xa6" "1\xe2\x81\xa7" "2\xe2\x81\xa8" "3\xe2\x81\xa9",
		  "\"\\u20661\\u20672\\u20683\\u2069\"" },
		{ "x\xe2\x80\x8ey\xe2\x80\x8fz\xd8\x9c", "\"x\\u200ey\\u200fz\\u061c\"" },
		{ "\xc2\x9b" "1m\xc2\xa0", "\"\\u009b1m\xc2\xa0\"" },      /* CSI escaped, NBSP kept */
		/* Neighbours of the escaped ones, and Arabic and Hebrew text, go out as they are. */
		{ "\xe2\x80\x8d\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa",
		  "\"\xe2\x80\x8d\\u2029\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa\"" },
		{ "\xd8\xa7\xd9\x84\xd8\xac\xd9\x85\xd8\xb9\xd9\x8a\xd8\xa9 \xd7\xa9",
		  "\"\xd8\xa7\xd9\x84\xd8\xac\xd9\x85\xd8\xb9\xd9\x8a\xd8\xa9 \xd7\xa9\"" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *s = capture_string(cases[i].in, 0, 0);
		assert_string_equal(s, cases[i].out);
		free(s);
	}
}

static int para(struct resolution *r, enum para_kind k, const char *id, const char *num,
                const char *text, int parent)
{
	int i = res_add_para(r, k);
	struct para *p = &r->paras[i];
	p->id = strdup(id);
	p->num = num ? strdup(num) : NULL;
	p->text = strdup(text);
	p->text_len = strlen(text);
	p->parent = parent;
	p->depth = parent >= 0 ? r->paras[parent].depth + 1 : 0;
	return i;
}

static struct resolution *sample(void)
{
	struct resolution *r = res_new();
	r->meta.symbol = strdup("A/RES/1/2");
	r->meta.adopted = strdup("2003-12-22");
	r->meta.language = strdup("en");
	int pp1 = para(r, PARA_PREAMBLE, "pp1", NULL, "Recalling its résolution 57/218,", -1);
	int op1 = para(r, PARA_OPERATIVE, "op1", "1", "Decides:", -1);
	int a = para(r, PARA_SUB, "op1.a", "a", "first;", op1);
	para(r, PARA_SUB, "op1.a.i", "i", "deep;", a);
	para(r, PARA_SUB, "op1.b", "b", "second.", op1);
	para(r, PARA_OPERATIVE, "op2", "2", "Is seized.", -1);
	para(r, PARA_FOOTNOTE, "fn1", "1", "See A/1.", -1);
	struct para *p = &r->paras[pp1];
	p->marks = calloc(1, sizeof *p->marks);
	p->marks[0].byte = strlen("Recalling its résolution");   /* 24 characters, 25 bytes */
	p->marks[0].footnote = 1;
	p->nmarks = 1;
	p->refs = calloc(1, sizeof *p->refs);
	p->refs[0].kind = REF_RESOLUTION;
	p->refs[0].target = strdup("57/218");
	p->refs[0].byte = strlen("Recalling its résolution ");
	p->refs[0].len = 6;
	p->nrefs = 1;
	return r;
}

static char *capture_res(const struct collection *col)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(json_write_collection(f, col), 0);
	fclose(f);
	return buf;
}

static void shape(void **state)
{
	(void)state;
	struct resolution *r = sample();
	struct collection col = { &r, 1 };
	char *s = capture_res(&col);
	static const char want[] =
		"{\"symbol\":\"A/RES/1/2\",\"organ\":null,\"number\":null,\"title\":null,"
		"\"adopted\":\"2003-12-22\",\"session\":null,\"agenda_item\":null,\"report\":null,"
		"\"meeting\":null,\"distributed\":null,\"language\":\"en\",\"vote\":null,"
		"\"vote_notes\":[],\"job\":null,"
		"\"record\":{\"agenda_title\":null,\"draft\":null,\"meeting_record\":null,"
		"\"sponsors\":[],\"cosponsors\":[],\"vote\":{\"adoption\":null,\"yes\":null,"
		"\"no\":null,\"abstain\":null,\"by_mail\":false,\"in_favour\":[],\"against\":[],"
		"\"abstaining\":[]},\"chapter\":null,\"keywords\":[]},"
		"\"preamble\":[{\"id\":\"pp1\",\"text\":\"Recalling its résolution 57/218,\"}],"
		"\"operative\":[{\"id\":\"op1\",\"num\":\"1\",\"text\":\"Decides:\",\"items\":["
		"{\"id\":\"op1.a\",\"num\":\"a\",\"text\":\"first;\",\"items\":["
		"{\"id\":\"op1.a.i\",\"num\":\"i\",\"text\":\"deep;\",\"items\":[]}]},"
		"{\"id\":\"op1.b\",\"num\":\"b\",\"text\":\"second.\",\"items\":[]}]},"
		"{\"id\":\"op2\",\"num\":\"2\",\"text\":\"Is seized.\",\"items\":[]}],"
		"\"parts\":[],\"annexes\":[],"
		"\"footnotes\":[{\"id\":\"fn1\",\"num\":\"1\",\"text\":\"See A/1.\",\"cited_by\":[\"pp1\"]}],"
		"\"references\":[{\"from\":\"pp1\",\"kind\":\"resolution\",\"target\":\"57/218\",\"offset\":25}],"
		"\"marks\":[{\"from\":\"pp1\",\"footnote\":\"fn1\",\"offset\":24}]}\n";
	assert_string_equal(s, want);
	free(s);
	res_free(r);
}

/* A marker whose footnote the file lost stays, flagged "missing": no link points nowhere. */
static void missing_footnote_flagged(void **state)
{
	(void)state;
	struct resolution *r = sample();
	int k = res_find(r, "op2");
	assert_true(k >= 0);
	struct mark *m = malloc(sizeof *m);
	assert_non_null(m);
	m->byte = 3;
	m->footnote = 41;
	r->paras[k].marks = m;
	r->paras[k].nmarks = 1;
	struct collection col = { &r, 1 };
	char *s = capture_res(&col);
	assert_non_null(strstr(s, "{\"from\":\"op2\",\"footnote\":\"fn41\",\"offset\":3,\"missing\":true}"));
	assert_non_null(strstr(s, "{\"from\":\"pp1\",\"footnote\":\"fn1\",\"offset\":24}"));
	free(s);
	res_free(r);
}

static void parts_annexes_collection(void **state)
{
	(void)state;
	struct resolution *r = sample();
	r->parts = calloc(1, sizeof *r->parts);
	r->parts[0].id = strdup("b");
	r->parts[0].label = strdup("B");
	r->nparts = 1;
	int i = para(r, PARA_OPERATIVE, "b.op1", "1", "Part B text.", -1);
	r->paras[i].part = 0;
	r->annexes = calloc(1, sizeof *r->annexes);
	r->annexes[0].id = strdup("annex1");
	r->annexes[0].label = strdup("Annex");
	r->annexes[0].title = strdup("Declaration");
	r->nannexes = 1;
	i = para(r, PARA_ANNEX_HEADING, "annex1.h1", NULL, "I. General", -1);
	r->paras[i].annex = 0;
	i = para(r, PARA_ANNEX, "annex1.p1", "1", "Everyone.", -1);
	r->paras[i].annex = 0;
	struct resolution *docs[2] = { r, sample() };
	struct collection col = { docs, 2 };
	char *s = capture_res(&col);
	assert_true(strncmp(s, "{\"documents\":[{\"symbol\"", 23) == 0);
	assert_non_null(strstr(s, "\"parts\":[{\"id\":\"b\",\"label\":\"B\",\"title\":null,\"preamble\":[],"
	                          "\"operative\":[{\"id\":\"b.op1\",\"num\":\"1\",\"text\":\"Part B text.\",\"items\":[]}]}]"));
	assert_non_null(strstr(s, "\"annexes\":[{\"id\":\"annex1\",\"label\":\"Annex\",\"title\":\"Declaration\","
	                          "\"paragraphs\":[{\"id\":\"annex1.h1\",\"num\":null,\"kind\":\"heading\",\"text\":\"I. General\",\"items\":[]},"
	                          "{\"id\":\"annex1.p1\",\"num\":\"1\",\"text\":\"Everyone.\",\"items\":[]}]}]"));
	/* Part B's paragraph is not in the top-level operative list. */
	const char *op = strstr(s, "\"operative\":[");
	const char *parts = strstr(s, "\"parts\":");
	assert_null(memmem(op, (size_t)(parts - op), "b.op1", 5));
	free(s);
	res_free(docs[0]);
	res_free(docs[1]);
}

/* The escaper's block-at-a-time run of plain ASCII writes what the byte-by-byte one writes:
 * on real texts of the six languages, every way they may be cut, and on random bytes (with
 * quotes, backslashes, controls, DEL and the escaped sequences mixed in). */
static void fast_escaper_agrees(void **state)
{
	(void)state;
	static char buf[1 << 16];
	for (size_t f = 0; f < REAL_TEXT_FILES; f++) {
		size_t n = real_text_read(f, 0, buf, sizeof buf);
		assert_true(json_escape_check(buf, n));
		for (size_t at = 0; at + 40 < n; at += 997)
			for (size_t m = 0; m < 40; m++)
				assert_true(json_escape_check(buf + at, m));
	}
	/* strings of the model: ids, symbols, targets, labels */
	static const char *const strs[] = { "", "op3", "annex1.p12", "A/RES/58/190", "PP 1",
		"Part A, OP 2 (a)", "say \"hi\"", "back\\slash", "tab\there", "caf\xc3\xa9", "\x7f",
		"a\xe2\x80\xae" "b", "~ !#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}" };
	for (size_t k = 0; k < sizeof strs / sizeof strs[0]; k++)
		assert_true(json_escape_check(strs[k], strlen(strs[k])));
	static const char *const bits[] = { "a", "Z", " ", "\"", "\\", "\n", "\t", "\x01", "\x1f",
		"\x7f", "\xc3\xa9", "\xc2\x85", "\xe2\x80\xa8", "\xe2\x80\xae", "\xd8\x9c", "\xff",
		"\xe5\xa4\xa7", "\xf0\x9f\x98\x80" };
	srand(7);
	for (int r = 0; r < 200; r++) {
		size_t n = 0, want = (size_t)(rand() % 300);
		while (n < want) {
			if (r % 3 == 0) {
				buf[n++] = (char)rand();
				continue;
			}
			/* mostly plain letters, so that the blocks are taken */
			const char *b = rand() % 4 ? "abcdefghijklmnop" + rand() % 16 : bits[rand() % 18];
			size_t k = rand() % 4 ? 1 : strlen(b);
			memcpy(buf + n, b, k);
			n += k;
		}
		assert_true(json_escape_check(buf, n));
	}
}

static void write_error(void **state)
{
	(void)state;
	struct resolution *r = sample();
	struct collection col = { &r, 1 };
	FILE *f = fopen("/dev/full", "w");
	if (f) {
		setvbuf(f, NULL, _IONBF, 0);
		assert_int_equal(json_write_collection(f, &col), -1);
		fclose(f);
	}
	assert_int_equal(json_write_collection(stdout, NULL), -1);
	res_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escaping),
		cmocka_unit_test(bidi_controls_escaped),
		cmocka_unit_test(shape),
		cmocka_unit_test(missing_footnote_flagged),
		cmocka_unit_test(parts_annexes_collection),
		cmocka_unit_test(fast_escaper_agrees),
		cmocka_unit_test(write_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
