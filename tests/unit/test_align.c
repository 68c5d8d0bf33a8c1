/* test_align.c: pairing two copies of a resolution by paragraph id (src/doc/align.c): order,
 * what one copy lacks on either side, duplicates, and two languages of a real resolution. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc/align.h"
#include "doc/parse.h"

/* A resolution with paragraphs of these ids, in order. */
static struct resolution *doc(const char *const *ids)
{
	struct resolution *r = res_new();
	assert_non_null(r);
	for (size_t i = 0; ids[i]; i++) {
		int k = res_add_para(r, PARA_OPERATIVE);
		assert_true(k >= 0);
		r->paras[k].id = strdup(ids[i]);
		r->paras[k].text = strdup(ids[i]);
		r->paras[k].text_len = strlen(ids[i]);
	}
	return r;
}

/* The rows as "a:b" pairs of ids, "-" for a missing side. */
static void rows(const struct resolution *a, const struct resolution *b,
                 const struct alignment *al, char *out, size_t size)
{
	size_t o = 0;
	out[0] = '\0';
	for (size_t r = 0; r < al->nrows && o < size; r++)
		o += (size_t)snprintf(out + o, size - o, "%s%s:%s", r ? " " : "",
		                      al->rows[r].a >= 0 ? a->paras[al->rows[r].a].id : "-",
		                      al->rows[r].b >= 0 ? b->paras[al->rows[r].b].id : "-");
}

static void pairs_and_gaps(void **state)
{
	(void)state;
	static const char *const ia[] = { "pp1", "pp2", "op1", "op1.a", "fn1", NULL };
	static const char *const ib[] = { "pp1", "op1", "op1.a", "op1.b", "op2", "fn1", "fn2", NULL };
	struct resolution *a = doc(ia), *b = doc(ib);
	struct alignment al;
	assert_int_equal(align_pair(a, b, &al), 0);
	char s[512];
	rows(a, b, &al, s, sizeof s);
	/* b's op1.b and op2 come where b has them: after op1.a, before fn1 */
	assert_string_equal(s, "pp1:pp1 pp2:- op1:op1 op1.a:op1.a -:op1.b -:op2 fn1:fn1 -:fn2");
	assert_int_equal(al.pairs, 4);
	assert_int_equal(al.only_a, 1);
	assert_int_equal(al.only_b, 3);
	assert_int_equal(align_find(&al, 1, 4), 5);     /* b's op2 */
	assert_int_equal(align_find(&al, 0, 1), 1);     /* a's pp2 */
	align_free(&al);
	/* nothing in common; one side empty */
	static const char *const ic[] = { "x", NULL }, *const none[] = { NULL };
	struct resolution *c = doc(ic), *e = doc(none);
	assert_int_equal(align_pair(c, a, &al), 0);
	rows(c, a, &al, s, sizeof s);
	assert_string_equal(s, "x:- -:pp1 -:pp2 -:op1 -:op1.a -:fn1");
	align_free(&al);
	assert_int_equal(align_pair(e, e, &al), 0);
	assert_int_equal(al.nrows, 0);
	align_free(&al);
	res_free(a);
	res_free(b);
	res_free(c);
	res_free(e);
}

static void order_and_duplicates(void **state)
{
	(void)state;
	/* a copy in another order pairs by id all the same; an id twice pairs in turn */
	static const char *const ia[] = { "op2", "op1", "op1", NULL };
	static const char *const ib[] = { "op1", "op2", "op1", "op3", NULL };
	struct resolution *a = doc(ia), *b = doc(ib);
	struct alignment al;
	assert_int_equal(align_pair(a, b, &al), 0);
	char s[256];
	rows(a, b, &al, s, sizeof s);
	assert_string_equal(s, "op2:op2 op1:op1 op1:op1 -:op3");
	assert_int_equal(al.rows[1].b, 0);
	assert_int_equal(al.rows[2].b, 2);
	align_free(&al);
	res_free(a);
	res_free(b);
}

static struct collection *load(const char *path)
{
	struct collection *col = NULL;
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	if (parse_file(path, INPUT_AUTO, &col, &d) != 0)
		fail_msg("%s: %s", path, d.reason);
	return col;
}

static void two_languages(void **state)
{
	(void)state;
	static const char *const langs[] = { "French", "Arabic", "Chinese" };
	struct collection *en = load(ABS_TOP_SRCDIR "/tests/data/akn/ga-6/78_217/English.xml");
	for (size_t k = 0; k < sizeof langs / sizeof *langs; k++) {
		char path[512];
		snprintf(path, sizeof path, ABS_TOP_SRCDIR "/tests/data/akn/ga-6/78_217/%s.xml", langs[k]);
		struct collection *other = load(path);
		struct alignment al;
		assert_int_equal(align_pair(en->docs[0], other->docs[0], &al), 0);
		/* every paragraph of the one has its partner in the other */
		assert_int_equal(al.only_a, 0);
		assert_int_equal(al.only_b, 0);
		assert_int_equal(al.pairs, en->docs[0]->npara);
		align_free(&al);
		collection_free(other);
	}
	collection_free(en);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pairs_and_gaps),
		cmocka_unit_test(order_and_duplicates),
		cmocka_unit_test(two_languages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
