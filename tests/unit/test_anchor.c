/* test_anchor.c: quote selectors and re-anchoring after every kind of text change. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "store/anchor.h"
#include "store-fixture.h"

#define N(a) (sizeof a / sizeof *a)

static const char *OP10 =
	"Requests States to protect the human rights of migrants, in particular women and "
	"children, and to prosecute those who exploit them.";

static void quote_context(void **state)
{
	(void)state;
	char *e, *p, *s;
	/* "the human rights" = code points 27..43 */
	assert_int_equal(anchor_quote(OP10, 27, 43, &e, &p, &s), 0);
	assert_string_equal(e, "the human rights");
	assert_string_equal(p, "Requests States to protect ");
	assert_int_equal(strlen(s), ANCHOR_CONTEXT);
	assert_string_equal(s, " of migrants, in particular wome");
	free(e); free(p); free(s);
	/* Context is cut to 32 code points, counted as code points, not bytes. */
	const char *t = "ééééééééééééééééééééééééééééééééééééééééXYZ";
	assert_int_equal(anchor_quote(t, 40, 43, &e, &p, &s), 0);
	assert_string_equal(e, "XYZ");
	assert_int_equal(anchor_cp_count(p, strlen(p)), ANCHOR_CONTEXT);
	assert_string_equal(s, "");
	free(e); free(p); free(s);
	/* Bad ranges. */
	assert_int_equal(anchor_quote("abc", 2, 2, &e, &p, &s), -2);
	assert_int_equal(anchor_quote("abc", 1, 4, &e, &p, &s), -2);
	assert_int_equal(anchor_quote("abc", 3, 1, &e, &p, &s), -2);
	assert_null(e);
}

static void find_code_points(void **state)
{
	(void)state;
	size_t s, e;
	const char *t = "Réaffirme le droit, réaffirme le devoir";
	assert_int_equal(anchor_find(t, "réaffirme", 0, &s, &e), 1);
	assert_int_equal(s, 20);
	assert_int_equal(e, 29);
	assert_int_equal(anchor_find(t, "le", 0, &s, &e), 1);
	assert_int_equal(s, 10);
	assert_int_equal(anchor_find(t, "le", 11, &s, &e), 1);
	assert_int_equal(s, 30);
	assert_int_equal(anchor_find(t, "le", 31, &s, &e), 0);
	assert_int_equal(anchor_find(t, "", 0, &s, &e), 0);
	assert_int_equal(anchor_find(t, "absent", 0, &s, &e), 0);
	assert_int_equal(anchor_cp_byte(t, 2), 3);       /* after "Ré" */
	assert_int_equal(anchor_cp_byte(t, 1000), strlen(t));
}

/* Makes the target of code points [start, end) of `text` in paragraph `id`. */
static struct anchor_target target(const char *id, const char *text, size_t start, size_t end,
                                   char **keep)
{
	struct anchor_target t = { id, start, end, NULL, NULL, NULL, -1 };
	assert_int_equal(anchor_quote(text, start, end, &keep[0], &keep[1], &keep[2]), 0);
	t.exact = keep[0];
	t.prefix = keep[1];
	t.suffix = keep[2];
	return t;
}

static void free3(char **k)
{
	free(k[0]); free(k[1]); free(k[2]);
}

static void unchanged_is_anchored(void **state)
{
	(void)state;
	const char *ids[] = { "op9", "op10" }, *texts[] = { "Something else.", OP10 };
	struct resolution *r = fixture_res("A/RES/1", "en", ids, texts, 2);
	char *k[3];
	struct anchor_target t = target("op10", OP10, 27, 43, k);
	struct anchor_found f;
	assert_int_equal(anchor_resolve(r, &t, &f), ANCHOR_ANCHORED);
	assert_int_equal(f.para, 1);
	assert_int_equal(f.start, 27);
	assert_int_equal(f.end, 43);
	free3(k);
	res_free(r);
}

static void shifted_in_paragraph_is_moved(void **state)
{
	(void)state;
	char *k[3];
	struct anchor_target t = target("op10", OP10, 27, 43, k);
	const char *ids[] = { "op10" };
	const char *texts[] = { "Strongly requests all States to protect the human rights of migrants, "
	                        "in particular women and children." };
	struct resolution *r = fixture_res("A/RES/1", "en", ids, texts, 1);
	struct anchor_found f;
	assert_int_equal(anchor_resolve(r, &t, &f), ANCHOR_MOVED);
	assert_int_equal(f.para, 0);
	assert_int_equal(f.start, 40);
	assert_int_equal(f.end, 56);
	free3(k);
	res_free(r);
}

static void context_picks_the_right_occurrence(void **state)
{
	(void)state;
	const char *text = "The rights of migrants and the rights of their families are rights.";
	char *k[3];
	/* The second "rights" (code points 31..37). */
	struct anchor_target t = target("op1", text, 31, 37, k);
	assert_string_equal(t.exact, "rights");
	/* The paragraph gains a clause in front: the nearest occurrence by position is now the
	 * wrong one, only the context can tell. */
	const char *ids[] = { "op1" };
	const char *texts[] = { "Recalls that rights matter: the rights of migrants and the rights of "
	                        "their families are rights." };
	struct resolution *r = fixture_res("A/RES/1", "en", ids, texts, 1);
	struct anchor_found f;
	assert_int_equal(anchor_resolve(r, &t, &f), ANCHOR_MOVED);
	size_t s, e;
	assert_int_equal(anchor_find(texts[0], "the rights of their", 0, &s, &e), 1);
	assert_int_equal(f.start, s + 4);
	free3(k);
	res_free(r);
}

static void renumbered_paragraph_is_moved(void **state)
{
	(void)state;
	char *k[3];
	struct anchor_target t = target("op10", OP10, 27, 43, k);
	t.para_hint = 9;
	/* A paragraph was inserted before: the text of op10 is now op11, op10 is new text. */
	const char *ids[] = { "op10", "op11" };
	const char *texts[] = { "Decides to consider the question at its next session.", OP10 };
	struct resolution *r = fixture_res("A/RES/1", "en", ids, texts, 2);
	struct anchor_found f;
	assert_int_equal(anchor_resolve(r, &t, &f), ANCHOR_MOVED);
	assert_int_equal(f.para, 1);
	assert_int_equal(f.start, 27);
	free3(k);
	res_free(r);
}

static void vanished_quote_is_orphan(void **state)
{
	(void)state;
	char *k[3];
	struct anchor_target t = target("op10", OP10, 27, 43, k);
	const char *ids[] = { "op10", "op11" };
	const char *texts[] = { "Decides to consider the question at its next session.",
	                        "Requests the Secretary-General to report." };
	struct resolution *r = fixture_res("A/RES/1", "en", ids, texts, 2);
	struct anchor_found f;
	assert_int_equal(anchor_resolve(r, &t, &f), ANCHOR_ORPHAN);
	assert_int_equal(f.para, -1);
	/* The paragraph is gone altogether. */
	res_free(r);
	const char *ids2[] = { "op1" };
	const char *texts2[] = { "Nothing in common." };
	r = fixture_res("A/RES/1", "en", ids2, texts2, 1);
	assert_int_equal(anchor_resolve(r, &t, &f), ANCHOR_ORPHAN);
	free3(k);
	res_free(r);
}

static void changed_word_inside_quote(void **state)
{
	(void)state;
	char *k[3];
	/* "the human rights of migrants" */
	struct anchor_target t = target("op10", OP10, 27, 55, k);
	assert_string_equal(t.exact, "the human rights of migrants");
	/* One word changed inside the quote, the context on both sides intact: moved, and the
	 * range now covers the edited words. */
	const char *ids[] = { "op10" };
	const char *texts[] = { "Requests States to protect the fundamental rights of migrants, in "
	                        "particular women and children, and to prosecute those who exploit them." };
	struct resolution *r = fixture_res("A/RES/1", "en", ids, texts, 1);
	struct anchor_found f;
	assert_int_equal(anchor_resolve(r, &t, &f), ANCHOR_MOVED);
	char *e, *p, *s;
	assert_int_equal(anchor_quote(texts[0], f.start, f.end, &e, &p, &s), 0);
	assert_string_equal(e, "the fundamental rights of migrants");
	free(e); free(p); free(s);
	res_free(r);
	/* The word changed and the context too: nothing trustworthy is left, an orphan. */
	const char *texts2[] = { "Urges States to protect the fundamental rights of migrants and "
	                         "refugees, especially children." };
	r = fixture_res("A/RES/1", "en", ids, texts2, 1);
	assert_int_equal(anchor_resolve(r, &t, &f), ANCHOR_ORPHAN);
	free3(k);
	res_free(r);
}

static void short_quote_needs_context_elsewhere(void **state)
{
	(void)state;
	char *k[3];
	/* "women" in op10; op10 vanishes; "women" appears in op12 with other context. */
	size_t s, e;
	assert_int_equal(anchor_find(OP10, "women", 0, &s, &e), 1);
	struct anchor_target t = target("op10", OP10, s, e, k);
	const char *ids[] = { "op12" };
	const char *texts[] = { "Calls for the empowerment of women in all spheres." };
	struct resolution *r = fixture_res("A/RES/1", "en", ids, texts, 1);
	struct anchor_found f;
	assert_int_equal(anchor_resolve(r, &t, &f), ANCHOR_ORPHAN);
	res_free(r);
	/* With its context, the same short quote is found. */
	const char *texts2[] = { "Stresses the rights of migrants, in particular women and children." };
	r = fixture_res("A/RES/1", "en", ids, texts2, 1);
	assert_int_equal(anchor_resolve(r, &t, &f), ANCHOR_MOVED);
	assert_int_equal(f.para, 0);
	free3(k);
	res_free(r);
}

static void whole_paragraph_edited(void **state)
{
	(void)state;
	char *k[3];
	size_t len = anchor_cp_count(OP10, strlen(OP10));
	struct anchor_target t = target("op10", OP10, 0, len, k);
	assert_string_equal(t.prefix, "");
	assert_string_equal(t.suffix, "");
	/* A whole-paragraph note follows its paragraph through a small edit. */
	const char *ids[] = { "op10" };
	const char *texts[] = { "Requests all States to protect the human rights of migrants, in "
	                        "particular women and children, and to prosecute those who exploit them." };
	struct resolution *r = fixture_res("A/RES/1", "en", ids, texts, 1);
	struct anchor_found f;
	assert_int_equal(anchor_resolve(r, &t, &f), ANCHOR_MOVED);
	assert_int_equal(f.start, 0);
	assert_int_equal(f.end, anchor_cp_count(texts[0], strlen(texts[0])));
	res_free(r);
	/* ...but not through a rewrite to a sentence of a different size. */
	const char *texts2[] = { "Decides to remain seized of the matter." };
	r = fixture_res("A/RES/1", "en", ids, texts2, 1);
	assert_int_equal(anchor_resolve(r, &t, &f), ANCHOR_ORPHAN);
	free3(k);
	res_free(r);
}

static void empty_target_is_orphan(void **state)
{
	(void)state;
	const char *ids[] = { "op1" }, *texts[] = { "Text." };
	struct resolution *r = fixture_res("A/RES/1", "en", ids, texts, 1);
	struct anchor_target t = { "op1", 0, 0, "", NULL, NULL, -1 };
	struct anchor_found f;
	assert_int_equal(anchor_resolve(r, &t, &f), ANCHOR_ORPHAN);
	t.exact = NULL;
	assert_int_equal(anchor_resolve(r, &t, &f), ANCHOR_ORPHAN);
	res_free(r);
}

static void text_hash(void **state)
{
	(void)state;
	const char *ids[] = { "op1", "op2" };
	const char *a[] = { "ab", "c" }, *b[] = { "a", "bc" }, *c[] = { "ab", "c" };
	const char *ids2[] = { "op1", "op3" };
	struct resolution *ra = fixture_res("X", "en", ids, a, 2);
	struct resolution *rb = fixture_res("X", "en", ids, b, 2);
	struct resolution *rc = fixture_res("Y", "fr", ids, c, 2);
	struct resolution *rd = fixture_res("X", "en", ids2, a, 2);
	char ha[65], hb[65], hc[65], hd[65];
	anchor_text_hash(ra, ha);
	anchor_text_hash(rb, hb);
	anchor_text_hash(rc, hc);
	anchor_text_hash(rd, hd);
	assert_int_equal(strlen(ha), 64);
	assert_string_not_equal(ha, hb);   /* the boundary moved */
	assert_string_equal(ha, hc);       /* only the text counts, not the metadata */
	assert_string_not_equal(ha, hd);   /* an id changed */
	res_free(ra); res_free(rb); res_free(rc); res_free(rd);
}

/* A small deterministic generator, so a failure can be replayed. */
static unsigned long rnd_state = 12345;
static unsigned rnd(unsigned n)
{
	rnd_state = rnd_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rnd_state >> 33) % n);
}

static void random_sentence(char *buf, size_t cap)
{
	static const char *words[] = { "States", "rights", "of", "the", "migrants", "réaffirme",
	                               "droits", "中国", "права", "and", "Convention", "to", "ﬁnal" };
	buf[0] = '\0';
	unsigned n = 3 + rnd(25);
	for (unsigned i = 0; i < n; i++) {
		if (i)
			strncat(buf, " ", cap - strlen(buf) - 1);
		strncat(buf, words[rnd(sizeof words / sizeof *words)], cap - strlen(buf) - 1);
	}
}

/* Thousands of random selections through random edits: whatever the outcome, it is a valid
 * range of an existing paragraph, an unchanged text always anchors in place, and steps 1-2
 * (an exact find) give back the very words. */
static void random_edits_keep_invariants(void **state)
{
	(void)state;
	for (int round = 0; round < 2000; round++) {
		char texts[4][400];
		const char *tp[4], *ids[4] = { "op1", "op2", "op3", "op4" };
		for (int i = 0; i < 4; i++) {
			random_sentence(texts[i], sizeof texts[i]);
			tp[i] = texts[i];
		}
		int home = (int)rnd(4);
		size_t len = anchor_cp_count(texts[home], strlen(texts[home]));
		size_t start = rnd((unsigned)len), end = start + 1 + rnd((unsigned)(len - start));
		char *k[3];
		struct anchor_target t = target(ids[home], texts[home], start, end, k);
		struct resolution *r = fixture_res("X", "en", ids, tp, 4);
		struct anchor_found f;
		assert_int_equal(anchor_resolve(r, &t, &f), ANCHOR_ANCHORED);
		assert_int_equal(f.start, start);
		res_free(r);

		/* Edit: replace one paragraph, swap two, or insert text at a random point. */
		char edited[4][900];
		for (int i = 0; i < 4; i++)
			strcpy(edited[i], texts[i]);
		int what = (int)rnd(3), which = (int)rnd(4);
		if (what == 0) {
			random_sentence(edited[which], 400);
		} else if (what == 1) {
			int other = (int)rnd(4);
			strcpy(edited[which], texts[other]);
			strcpy(edited[other], texts[which]);
		} else {
			size_t at = anchor_cp_byte(texts[which], rnd(200));
			char ins[400];
			random_sentence(ins, sizeof ins);
			memcpy(edited[which], texts[which], at);
			edited[which][at] = '\0';
			strcat(edited[which], ins);
			strcat(edited[which], " ");
			strcat(edited[which], texts[which] + at);
		}
		for (int i = 0; i < 4; i++)
			tp[i] = edited[i];
		r = fixture_res("X", "en", ids, tp, 4);
		enum anchor_status st = anchor_resolve(r, &t, &f);
		if (st == ANCHOR_ORPHAN) {
			assert_int_equal(f.para, -1);
		} else {
			assert_true(f.para >= 0 && f.para < 4);
			const char *text = r->paras[f.para].text;
			assert_true(f.start < f.end);
			assert_true(f.end <= anchor_cp_count(text, strlen(text)));
			char *e, *p, *s2;
			assert_int_equal(anchor_quote(text, f.start, f.end, &e, &p, &s2), 0);
			/* Only step 3 changes the words, and only in the home paragraph. */
			if (strcmp(e, t.exact) != 0) {
				assert_int_equal(st, ANCHOR_MOVED);
				assert_int_equal(f.para, home);
			}
			if (st == ANCHOR_ANCHORED) {
				assert_int_equal(f.para, home);
				assert_int_equal(f.start, start);
				assert_int_equal(f.end, end);
			}
			free(e); free(p); free(s2);
		}
		free3(k);
		res_free(r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quote_context),
		cmocka_unit_test(find_code_points),
		cmocka_unit_test(unchanged_is_anchored),
		cmocka_unit_test(shifted_in_paragraph_is_moved),
		cmocka_unit_test(context_picks_the_right_occurrence),
		cmocka_unit_test(renumbered_paragraph_is_moved),
		cmocka_unit_test(vanished_quote_is_orphan),
		cmocka_unit_test(changed_word_inside_quote),
		cmocka_unit_test(short_quote_needs_context_elsewhere),
		cmocka_unit_test(whole_paragraph_edited),
		cmocka_unit_test(empty_target_is_orphan),
		cmocka_unit_test(text_hash),
		cmocka_unit_test(random_edits_keep_invariants),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
