/* test_redline.c: paragraphs paired by content (kept, changed, moved, renumbered, new,
 * deleted), footnotes through their markers, words compared in six languages. Resolutions are
 * built by hand so each case shows exactly what it tests. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "diff/diff.h"

/* A resolution from lines "pp:text", "op N:text", "sub N.x:text", "fn N:text"; "[N]" in a
 * text is a marker of footnote N. */
static struct resolution *doc(const char *const *lines)
{
	struct resolution *r = res_new();
	int npp = 0;
	for (; *lines; lines++) {
		const char *l = *lines, *colon = strchr(l, ':');
		char head[32], num[32] = "", label[48], id[32];
		snprintf(head, sizeof head, "%.*s", (int)(colon - l), l);
		enum para_kind k;
		if (strncmp(head, "pp", 2) == 0) {
			k = PARA_PREAMBLE;
			snprintf(id, sizeof id, "pp%d", ++npp);
			snprintf(label, sizeof label, "PP %d", npp);
		} else if (strncmp(head, "op ", 3) == 0) {
			k = PARA_OPERATIVE;
			snprintf(num, sizeof num, "%s", head + 3);
			snprintf(id, sizeof id, "op%s", num);
			snprintf(label, sizeof label, "OP %s", num);
		} else if (strncmp(head, "sub ", 4) == 0) {
			k = PARA_SUB;
			char *dot = strchr(head + 4, '.');
			snprintf(num, sizeof num, "%s", dot + 1);
			snprintf(id, sizeof id, "op%s", head + 4);
			snprintf(label, sizeof label, "OP %.*s (%s)", (int)(dot - head - 4), head + 4, num);
		} else {
			k = PARA_FOOTNOTE;
			snprintf(num, sizeof num, "%s", head + 3);
			snprintf(id, sizeof id, "fn%s", num);
			snprintf(label, sizeof label, "Footnote %s", num);
		}
		int i = res_add_para(r, k);
		struct para *p = &r->paras[i];
		p->id = strdup(id);
		p->label = strdup(label);
		p->num = *num ? strdup(num) : NULL;
		const char *s = colon + 1;
		char *text = malloc(strlen(s) + 1);
		size_t n = 0;
		while (*s) {
			int fn, used;
			if (*s == '[' && sscanf(s, "[%d]%n", &fn, &used) == 1) {
				p->marks = realloc(p->marks, (p->nmarks + 1) * sizeof *p->marks);
				p->marks[p->nmarks++] = (struct mark){ n, fn };
				s += used;
				continue;
			}
			text[n++] = *s++;
		}
		text[n] = '\0';
		p->text = text;
		p->text_len = n;
	}
	return r;
}

/* An entry's text as wdiff writes it, markers as [N] (the new number when kept). */
static const char *wdiff(const struct rl_entry *e)
{
	static char out[4096];
	size_t at = 0;
	for (size_t k = 0; k < e->nsegs; k++) {
		const struct rl_seg *g = &e->segs[k];
		const char *open = g->op == RL_DEL ? "[-" : g->op == RL_INS ? "{+" : "";
		const char *close = g->op == RL_DEL ? "-]" : g->op == RL_INS ? "+}" : "";
		if (g->text)
			at += (size_t)snprintf(out + at, sizeof out - at, "%s%.*s%s", open, (int)g->len,
			                       g->text, close);
		else
			at += (size_t)snprintf(out + at, sizeof out - at, "%s[%d]%s", open,
			                       g->op == RL_DEL ? g->old_num : g->new_num, close);
	}
	out[at] = '\0';
	/* join "-]{+" neighbours' opposite marks only as written; nothing to tidy */
	return out;
}

/* The entry holding new paragraph id (or old, when not in the new). */
static const struct rl_entry *entry_new(const struct redline *rl, const char *id)
{
	int j = res_find(rl->new, id);
	assert_true(j >= 0);
	return &rl->e[rl->new_entry[j]];
}

static struct redline *build(struct resolution *a, struct resolution *b)
{
	struct redline *rl;
	assert_int_equal(redline_build(a, b, &rl), 0);
	return rl;
}

static void done(struct redline *rl, struct resolution *a, struct resolution *b)
{
	redline_free(rl);
	res_free(a);
	res_free(b);
}

static void identical(void **state)
{
	(void)state;
	const char *const t[] = { "pp:Recalling its resolution 76/172,[1]",
		                  "op 1:Calls upon States to protect migrants;",
		                  "fn 1:See A/76/1.", NULL };
	struct resolution *a = doc(t), *b = doc(t);
	struct redline *rl = build(a, b);
	assert_true(redline_identical(rl));
	assert_int_equal(rl->n, 3);
	assert_int_equal(rl->total.same, 3);
	assert_string_equal(wdiff(&rl->e[0]), "Recalling its resolution 76/172,[1]");
	done(rl, a, b);
}

static void changed_words(void **state)
{
	(void)state;
	const char *const t1[] = { "op 1:Calls upon the States to take measures to protect migrants;", NULL };
	const char *const t2[] = { "op 1:Urges the Governments to take urgent measures to protect all migrants;", NULL };
	struct resolution *a = doc(t1), *b = doc(t2);
	struct redline *rl = build(a, b);
	const struct rl_entry *e = entry_new(rl, "op1");
	assert_int_equal(e->status, RL_CHANGED);
	assert_false(e->moved);
	assert_false(e->renumbered);
	/* a short kept word between two changes reads as part of one change */
	assert_string_equal(wdiff(e), "[-Calls upon the States-]{+Urges the Governments+} to take "
	                              "{+urgent +}measures to protect {+all +}migrants;");
	assert_int_equal(rl->total.changed, 1);
	assert_false(redline_identical(rl));
	done(rl, a, b);
}

static void inserted_renumbers(void **state)
{
	(void)state;
	const char *const t1[] = { "op 1:Welcomes the report of the Secretary-General;",
		                   "op 2:Decides to remain seized of the matter.", NULL };
	const char *const t2[] = { "op 1:Welcomes the report of the Secretary-General;",
		                   "op 2:Invites Member States to ratify the Convention;",
		                   "op 3:Decides to remain seized of the matter.", NULL };
	struct resolution *a = doc(t1), *b = doc(t2);
	struct redline *rl = build(a, b);
	assert_int_equal(rl->n, 3);
	assert_int_equal(entry_new(rl, "op2")->status, RL_NEW);
	const struct rl_entry *e = entry_new(rl, "op3");
	assert_int_equal(e->status, RL_SAME);
	assert_true(e->renumbered);
	assert_false(e->moved);
	assert_int_equal(e->old, res_find(a, "op2"));
	assert_int_equal(rl->total.same, 2);
	assert_int_equal(rl->total.added, 1);
	assert_int_equal(rl->total.renumbered, 1);
	assert_int_equal(rl->count[RL_SEC_OPERATIVE].added, 1);
	done(rl, a, b);
}

static void moved_paragraph(void **state)
{
	(void)state;
	const char *const t1[] = {
		"op 1:Calls upon States to protect effectively the human rights of all migrants, "
		"regardless of their migration status, in accordance with international law;",
		"op 2:Encourages States to share good practices;",
		"op 3:Requests the Secretary-General to report at its next session.", NULL };
	const char *const t2[] = {
		"op 1:Encourages States to share good practices;",
		"op 2:Calls upon States to protect effectively the human rights of all migrants, "
		"regardless of their migration status, in accordance with international law;",
		"op 3:Requests the Secretary-General to report at its eightieth session.", NULL };
	struct resolution *a = doc(t1), *b = doc(t2);
	struct redline *rl = build(a, b);
	/* the short paragraph moved, the long one stayed in order (renumbered) */
	const struct rl_entry *e = entry_new(rl, "op1");
	assert_true(e->moved);
	assert_int_equal(e->old, res_find(a, "op2"));
	assert_int_equal(e->status, RL_SAME);
	e = entry_new(rl, "op2");
	assert_false(e->moved);
	assert_true(e->renumbered);
	e = entry_new(rl, "op3");
	assert_int_equal(e->status, RL_CHANGED);
	assert_string_equal(wdiff(e), "Requests the Secretary-General to report at its "
	                              "[-next-]{+eightieth+} session.");
	/* where it stood is marked */
	int away = 0;
	for (size_t k = 0; k < rl->n; k++)
		if (rl->e[k].status == RL_MOVED_AWAY) {
			away++;
			assert_int_equal(rl->e[k].old, res_find(a, "op2"));
			assert_int_equal(rl->e[k].new, res_find(b, "op1"));
			assert_true(k > (size_t)rl->new_entry[res_find(b, "op2")]);
		}
	assert_int_equal(away, 1);
	assert_int_equal(rl->total.moved, 1);
	assert_int_equal(rl->total.changed, 1);
	done(rl, a, b);
}

static void unlike_is_new_and_deleted(void **state)
{
	(void)state;
	const char *const t1[] = { "pp:Recalling its resolution 76/172,",
		                   "pp:Deeply concerned at the large number of migrants in vulnerable situations,",
		                   "op 1:Decides to continue its consideration of the question.", NULL };
	const char *const t2[] = { "pp:Recalling its resolution 76/172,",
		                   "pp:Welcoming the convening of the International Migration Review Forum,",
		                   "op 1:Decides to continue its consideration of the question.", NULL };
	struct resolution *a = doc(t1), *b = doc(t2);
	struct redline *rl = build(a, b);
	assert_int_equal(rl->n, 4);
	/* deleted first, where it stood, then the new one */
	assert_int_equal(rl->e[1].status, RL_DELETED);
	assert_int_equal(rl->e[1].old, 1);
	assert_int_equal(rl->e[2].status, RL_NEW);
	assert_int_equal(rl->e[2].new, 1);
	assert_int_equal(rl->count[RL_SEC_PREAMBLE].deleted, 1);
	assert_int_equal(rl->count[RL_SEC_PREAMBLE].added, 1);
	assert_string_equal(wdiff(&rl->e[2]), "{+Welcoming the convening of the International "
	                                      "Migration Review Forum,+}");
	done(rl, a, b);
}

/* A footnote inserted early renumbers the rest; "Ibid." pairs by where it is cited. */
static void footnotes_follow_markers(void **state)
{
	(void)state;
	const char *const t1[] = {
		"pp:Recalling the Convention on the Rights of the Child,[1]",
		"pp:Recalling also the Convention against Torture,[2]",
		"op 1:Calls upon States to ratify the Protocol;[3]",
		"fn 1:United Nations, Treaty Series, vol. 1577, No. 27531.",
		"fn 2:Ibid., vol. 1465, No. 24841.",
		"fn 3:Ibid., vol. 2237, No. 39574.", NULL };
	const char *const t2[] = {
		"pp:Reaffirming the Universal Declaration of Human Rights,[1]",
		"pp:Recalling the Convention on the Rights of the Child,[2]",
		"pp:Recalling also the Convention against Torture,[3]",
		"op 1:Calls upon States to ratify the Protocol;[4]",
		"fn 1:Resolution 217 A (III).",
		"fn 2:United Nations, Treaty Series, vol. 1577, No. 27531.",
		"fn 3:Ibid., vol. 1465, No. 24841.",
		"fn 4:Ibid., vol. 2237, No. 39575.", NULL };
	struct resolution *a = doc(t1), *b = doc(t2);
	struct redline *rl = build(a, b);
	const struct rl_entry *e = entry_new(rl, "pp3");
	assert_int_equal(e->status, RL_SAME);
	assert_true(e->renumbered);
	assert_string_equal(wdiff(e), "Recalling also the Convention against Torture,[3]");
	assert_int_equal(e->segs[e->nsegs - 1].old_num, 2);
	assert_int_equal(e->segs[e->nsegs - 1].new_num, 3);
	/* the changed footnote's marker is kept: the change is in the footnote */
	e = entry_new(rl, "op1");
	assert_int_equal(e->status, RL_SAME);
	e = entry_new(rl, "fn4");
	assert_int_equal(e->status, RL_CHANGED);
	assert_int_equal(e->old, res_find(a, "fn3"));
	assert_string_equal(wdiff(e), "Ibid., vol. 2237, No. [-39574-]{+39575+}.");
	assert_int_equal(entry_new(rl, "fn1")->status, RL_NEW);
	assert_int_equal(entry_new(rl, "pp1")->status, RL_NEW);
	assert_string_equal(wdiff(entry_new(rl, "pp1")),
	                    "{+Reaffirming the Universal Declaration of Human Rights,+}{+[1]+}");
	assert_int_equal(rl->count[RL_SEC_FOOTNOTE].added, 1);
	assert_int_equal(rl->count[RL_SEC_FOOTNOTE].changed, 1);
	assert_int_equal(rl->count[RL_SEC_FOOTNOTE].renumbered, 3);
	/* footnotes come after the body in the order */
	assert_true(rl->new_entry[res_find(b, "fn1")] > rl->new_entry[res_find(b, "op1")]);
	done(rl, a, b);
}

/* A marker added to a paragraph is an insertion in it. */
static void marker_added(void **state)
{
	(void)state;
	const char *const t1[] = { "pp:Taking note of the report of the Special Rapporteur,", NULL };
	const char *const t2[] = { "pp:Taking note of the report of the Special Rapporteur,[1]",
		                   "fn 1:A/78/180.", NULL };
	struct resolution *a = doc(t1), *b = doc(t2);
	struct redline *rl = build(a, b);
	const struct rl_entry *e = entry_new(rl, "pp1");
	assert_int_equal(e->status, RL_CHANGED);
	assert_string_equal(wdiff(e), "Taking note of the report of the Special Rapporteur,{+[1]+}");
	done(rl, a, b);
}

static void items_and_sections(void **state)
{
	(void)state;
	const char *const t1[] = {
		"op 1:Calls upon all States:",
		"sub 1.a:To protect the human rights of migrants;",
		"sub 1.b:To combat xenophobia and racial discrimination;",
		"op 2:Decides to continue its consideration of the question.", NULL };
	const char *const t2[] = {
		"op 1:Calls upon all States:",
		"sub 1.a:To protect the human rights of migrants;",
		"sub 1.b:To ensure access to justice for migrants;",
		"sub 1.c:To combat xenophobia, racial discrimination and hate speech;",
		"op 2:Decides to continue its consideration of the question.", NULL };
	struct resolution *a = doc(t1), *b = doc(t2);
	struct redline *rl = build(a, b);
	assert_int_equal(entry_new(rl, "op1.b")->status, RL_NEW);
	const struct rl_entry *e = entry_new(rl, "op1.c");
	assert_int_equal(e->status, RL_CHANGED);
	assert_int_equal(e->old, res_find(a, "op1.b"));
	assert_true(e->renumbered);
	assert_string_equal(wdiff(e), "To combat xenophobia[- and-]{+,+} racial discrimination"
	                              "{+ and hate speech+};");
	done(rl, a, b);
}

static void chinese_by_character(void **state)
{
	(void)state;
	const char *const t1[] = { "op 1:请秘书长在大会第八十届会议上提交报告。", NULL };
	const char *const t2[] = { "op 1:请秘书长在大会第八十一届会议上提交一份报告。", NULL };
	struct resolution *a = doc(t1), *b = doc(t2);
	struct redline *rl = build(a, b);
	const struct rl_entry *e = entry_new(rl, "op1");
	assert_int_equal(e->status, RL_CHANGED);
	assert_string_equal(wdiff(e), "请秘书长在大会第八十{+一+}届会议上提交{+一份+}报告。");
	done(rl, a, b);
}

static void other_languages(void **state)
{
	(void)state;
	static const char *const pairs[][3] = {
		{ "op 1:Prie le Secrétaire général de lui présenter un rapport;",
		  "op 1:Prie le Secrétaire général de lui présenter un rapport détaillé;",
		  "Prie le Secrétaire général de lui présenter un rapport{+ détaillé+};" },
		{ "op 1:Pide al Secretario General que le presente un informe;",
		  "op 1:Solicita al Secretario General que le presente un informe;",
		  "[-Pide-]{+Solicita+} al Secretario General que le presente un informe;" },
		{ "op 1:просит Генерального секретаря представить доклад;",
		  "op 1:просит Генерального секретаря представить всеобъемлющий доклад;",
		  "просит Генерального секретаря представить {+всеобъемлющий +}доклад;" },
		{ "op 1:تطلب إلى الأمين العام أن يقدم تقريرا؛",
		  "op 1:تطلب إلى الأمين العام أن يقدم تقريرا شاملا؛",
		  "تطلب إلى الأمين العام أن يقدم تقريرا{+ شاملا+}؛" },
	};
	for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++) {
		const char *const t1[] = { pairs[k][0], NULL }, *const t2[] = { pairs[k][1], NULL };
		struct resolution *a = doc(t1), *b = doc(t2);
		struct redline *rl = build(a, b);
		assert_string_equal(wdiff(&rl->e[0]), pairs[k][2]);
		done(rl, a, b);
	}
}

static void empty_documents(void **state)
{
	(void)state;
	const char *const none[] = { NULL };
	const char *const one[] = { "op 1:Decides to remain seized of the matter.", NULL };
	struct resolution *a = doc(none), *b = doc(one);
	struct redline *rl = build(a, b);
	assert_int_equal(rl->n, 1);
	assert_int_equal(rl->e[0].status, RL_NEW);
	done(rl, a, b);
	a = doc(one), b = doc(none);
	rl = build(a, b);
	assert_int_equal(rl->e[0].status, RL_DELETED);
	done(rl, a, b);
	a = doc(none), b = doc(none);
	rl = build(a, b);
	assert_int_equal(rl->n, 0);
	assert_true(redline_identical(rl));
	done(rl, a, b);
}

/* Notes on the old text land on the same words in the new, or on what they became. */
static void carry_notes(void **state)
{
	(void)state;
	const char *const t1[] = {
		"pp:Deeply concerned at the large number of migrants in vulnerable situations,",
		"op 1:Calls upon the States to take measures to protect migrants;",
		"op 2:Decides to include the item in the provisional agenda.", NULL };
	const char *const t2[] = {
		"op 1:Welcomes the report of the Special Rapporteur;",
		"op 2:Urges the Governments to take measures to protect migrants;",
		"op 3:Decides to include the item in the provisional agenda.", NULL };
	struct resolution *a = doc(t1), *b = doc(t2);
	struct redline *rl = build(a, b);
	struct rl_carry c;
	/* kept words, in a renumbered paragraph: "protect migrants" at code points 45..61 */
	redline_carry(rl, "op1", 45, 61, "protect migrants", &c);
	assert_int_equal(c.status, RL_CARRIED);
	assert_int_equal(c.new, res_find(b, "op2"));
	assert_string_equal(res_label(b, c.new), "OP 2");
	assert_int_equal(c.end - c.start, 16);
	assert_memory_equal(b->paras[c.new].text + c.start, "protect migrants", 16);
	/* changed words: "the States" became "Urges the Governments" */
	redline_carry(rl, "op1", 11, 21, "the States", &c);
	assert_int_equal(c.status, RL_CARRIED_CHANGED);
	assert_memory_equal(b->paras[c.new].text + c.start, "Urges the Governments", 21);
	assert_int_equal(c.end - c.start, 21);
	/* the whole paragraph, and a deleted one */
	redline_carry(rl, "op2", 0, 56, NULL, &c);
	assert_int_equal(c.status, RL_CARRIED);
	assert_true(c.whole);
	assert_int_equal(c.new, res_find(b, "op3"));
	assert_int_equal(c.end, strlen(b->paras[c.new].text));
	redline_carry(rl, "pp1", 0, 12, "Deeply conce", &c);
	assert_int_equal(c.status, RL_LEFT_BEHIND);
	assert_int_equal(c.new, -1);
	assert_int_equal(c.old, res_find(a, "pp1"));
	redline_carry(rl, "op9", 0, 3, "Cal", &c);
	assert_int_equal(c.status, RL_LEFT_BEHIND);
	assert_int_equal(c.old, -1);
	done(rl, a, b);
}

static void similarity(void **state)
{
	(void)state;
	const char *x = "the human rights of migrants";
	assert_true(redline_similarity(x, strlen(x), x, strlen(x)) == 1.0);
	const char *y = "the rights of all migrants";
	/* kept: the, rights, of, migrants = 4 of 5 + 5 words */
	double s = redline_similarity(x, strlen(x), y, strlen(y));
	assert_true(s > 0.79 && s < 0.81);
	assert_true(redline_similarity("", 0, "", 0) == 1.0);
	assert_true(redline_similarity("a", 1, "b", 1) == 0.0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(identical),
		cmocka_unit_test(changed_words),
		cmocka_unit_test(inserted_renumbers),
		cmocka_unit_test(moved_paragraph),
		cmocka_unit_test(unlike_is_new_and_deleted),
		cmocka_unit_test(footnotes_follow_markers),
		cmocka_unit_test(marker_added),
		cmocka_unit_test(items_and_sections),
		cmocka_unit_test(chinese_by_character),
		cmocka_unit_test(other_languages),
		cmocka_unit_test(empty_documents),
		cmocka_unit_test(carry_notes),
		cmocka_unit_test(similarity),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
