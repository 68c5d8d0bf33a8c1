/* test_resolution.c: the model's allocation, lookups, labels and offsets. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc/resolution.h"

static int add(struct resolution *r, enum para_kind k, const char *id, const char *num)
{
	int i = res_add_para(r, k);
	assert_true(i >= 0);
	r->paras[i].id = strdup(id);
	r->paras[i].num = num ? strdup(num) : NULL;
	r->paras[i].text = strdup("text");
	r->paras[i].text_len = 4;
	return i;
}

static void add_and_find(void **state)
{
	(void)state;
	struct resolution *r = res_new();
	assert_non_null(r);
	int a = add(r, PARA_PREAMBLE, "pp1", NULL);
	int b = add(r, PARA_OPERATIVE, "op1", "1");
	int c = add(r, PARA_SUB, "op1.a", "a");
	assert_int_equal(r->paras[c].parent, -1);      /* zeroed, parent/part/annex = -1 */
	assert_int_equal(r->paras[c].part, -1);
	assert_int_equal(r->paras[c].annex, -1);
	/* Many additions keep every earlier paragraph. */
	char id[32];
	for (int i = 0; i < 1000; i++) {
		snprintf(id, sizeof id, "x%d", i);
		add(r, PARA_PLAIN, id, NULL);
	}
	assert_int_equal(res_find(r, "pp1"), a);
	assert_int_equal(res_find(r, "op1"), b);
	assert_int_equal(res_find(r, "op1.a"), c);
	assert_int_equal(res_find(r, "x999"), 1002);
	assert_int_equal(res_find(r, "op2"), -1);
	assert_int_equal(res_find(r, NULL), -1);
	res_free(r);
	res_free(NULL);
	collection_free(NULL);
}

static void footnotes_and_citations(void **state)
{
	(void)state;
	struct resolution *r = res_new();
	int pp2 = add(r, PARA_PREAMBLE, "pp2", NULL);
	int op2 = add(r, PARA_OPERATIVE, "op2", "2");
	int op3 = add(r, PARA_OPERATIVE, "op3", "3");
	int fn1 = add(r, PARA_FOOTNOTE, "fn1", "1");
	int fn16 = add(r, PARA_FOOTNOTE, "fn16", "16");
	struct mark *m = calloc(2, sizeof *m);
	m[0].footnote = 1;
	m[1].footnote = 1;                /* cited twice in one paragraph: listed once */
	r->paras[pp2].marks = m;
	r->paras[pp2].nmarks = 2;
	m = calloc(1, sizeof *m);
	m[0].footnote = 1;
	r->paras[op3].marks = m;
	r->paras[op3].nmarks = 1;
	assert_int_equal(res_find_footnote(r, 1), fn1);
	assert_int_equal(res_find_footnote(r, 16), fn16);
	assert_int_equal(res_find_footnote(r, 2), -1);
	int *by;
	assert_int_equal(res_cited_by(r, fn1, &by), 2);
	assert_int_equal(by[0], pp2);
	assert_int_equal(by[1], op3);
	free(by);
	assert_int_equal(res_cited_by(r, fn16, &by), 0);
	free(by);
	assert_int_equal(res_cited_by(r, op2, &by), 0);   /* not a footnote */
	free(by);
	assert_int_equal(res_cited_by(r, 99, &by), 0);
	res_free(r);
}

static void labels_and_offsets(void **state)
{
	(void)state;
	struct resolution *r = res_new();
	int i = add(r, PARA_SUB, "op3.a.ii", "ii");
	assert_string_equal(res_label(r, i), "op3.a.ii");    /* falls back to the id */
	r->paras[i].label = strdup("OP 3 (a) (ii)");
	assert_string_equal(res_label(r, i), "OP 3 (a) (ii)");
	assert_string_equal(res_label(r, -1), "");
	assert_string_equal(res_label(r, 5), "");
	res_free(r);
	/* Characters, not bytes: "é" is two bytes, "中" three. */
	assert_int_equal(res_char_offset("abc", 2), 2);
	assert_int_equal(res_char_offset("\xc3\xa9t\xc3\xa9", 5), 3);
	assert_int_equal(res_char_offset("\xe4\xb8\xad\xe6\x96\x87x", 6), 2);
	assert_int_equal(res_char_offset("ab", 10), 2);      /* stops at the end */
	/* past eight bytes, a block at a time: the same count, and a NUL inside a block ends it */
	const char *mixed = "r\xc3\xa9solution \xd1\x80\xd0\xb5\xd0\xb7 \xe4\xb8\xad A/RES/1 end";
	size_t want = 0;
	for (size_t k = 0; k < strlen(mixed); k++) {
		if (((unsigned char)mixed[k] & 0xC0) != 0x80)
			want++;
		assert_int_equal(res_char_offset(mixed, k + 1), want);
	}
	assert_int_equal(res_char_offset("abcdefghijkl", 40), 12);
}

/* A resolution adopted by an open home comes back to it from res_free (still whole, for the
 * builder to free: ASan and valgrind see a use after free otherwise) and is freed by the
 * drain; one adopted before its home was closed is freed at once (a leak otherwise), also
 * once the home has been opened again for another pool. */
static void homes(void **state)
{
	(void)state;
	struct res_home *h = res_home_open();
	assert_non_null(h);
	struct resolution *a = res_new(), *b = res_new(), *stale = res_new();
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(stale);
	assert_true(res_add_para(a, PARA_OPERATIVE) == 0);
	a->paras[0].text = strdup("kept until drained");
	res_home_adopt(h, a);
	res_home_adopt(h, b);
	res_home_adopt(h, stale);
	res_free(a);
	res_free(b);
	/* handed back, not freed */
	assert_int_equal(a->npara, 1);
	assert_string_equal(a->paras[0].text, "kept until drained");
	assert_ptr_equal(a->home_next, NULL);
	assert_ptr_equal(b->home_next, a);
	res_home_drain(h);               /* frees a and b */
	res_home_close(h);
	struct res_home *again = res_home_open();
	assert_ptr_equal(again, h);      /* a closed home is kept for the next pool */
	res_free(stale);                 /* from before the close: freed here and now */
	struct resolution *c = res_new();
	assert_non_null(c);
	res_home_adopt(again, c);
	res_free(c);
	assert_ptr_equal(c->home_next, NULL);   /* the first back since the home was opened */
	res_home_close(again);           /* frees c, which came back */
	res_home_close(NULL);
	res_free(NULL);
}

/* A paragraph's names may lie in the resolution's names block or be malloc'd: res_free frees
 * the malloc'd ones and the block (valgrind and ASan see a leak or an invalid free otherwise);
 * the block grows past its first few kilobytes and still tells its own. */
static void names_block(void **state)
{
	(void)state;
	struct resolution *r = res_new();
	assert_non_null(r);
	char *first = NULL, *last = NULL;
	for (int i = 0; i < 3000; i++) {
		int k = res_add_para(r, PARA_OPERATIVE);
		assert_true(k >= 0);
		char *id = res_names_alloc(r, 16);
		assert_non_null(id);
		snprintf(id, 16, "op%d", i + 1);
		r->paras[k].id = id;
		/* every third label malloc'd, as an id made unique by idset_claim is */
		r->paras[k].label = i % 3 ? res_names_alloc(r, 8) : strdup("OP");
		assert_non_null(r->paras[k].label);
		if (i % 3)
			strcpy(r->paras[k].label, "OP");
		if (!first)
			first = id;
		last = id;
	}
	assert_true(res_names_own(r, first));
	assert_true(res_names_own(r, last));
	assert_false(res_names_own(r, r->paras[0].label));     /* strdup'd */
	assert_true(res_names_own(r, r->paras[1].label));
	char local[4];
	assert_false(res_names_own(r, local));
	assert_string_equal(r->paras[2999].id, "op3000");
	assert_string_equal(r->paras[0].id, "op1");
	res_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(add_and_find),
		cmocka_unit_test(footnotes_and_citations),
		cmocka_unit_test(labels_and_offsets),
		cmocka_unit_test(homes),
		cmocka_unit_test(names_block),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
