/* test_view_swap.c: the whole file swapped in under the reader (issue 7): the place is kept,
 * and what needs the whole file asks for it through need_all, or does nothing when refused. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "view/view.h"
#include "view_fixture.h"

/* n documents A/RES/99/1 .. A/RES/99/n. */
static struct collection *compilation(size_t n)
{
	struct resolution *docs[8];
	for (size_t i = 0; i < n; i++) {
		docs[i] = fx_resolution(30, 40);
		free(docs[i]->meta.symbol);
		char sym[32];
		snprintf(sym, sizeof sym, "A/RES/99/%zu", i + 1);
		docs[i]->meta.symbol = strdup(sym);
		assert_non_null(docs[i]->meta.symbol);
	}
	return fx_collection(docs, n);
}

struct hook {
	struct collection *full;
	int calls;
	int refuse;
};

static int need_all(void *ctx, struct view *v)
{
	struct hook *h = ctx;
	h->calls++;
	if (h->refuse)
		return -1;
	struct collection *old = v->col;
	assert_int_equal(view_swap_collection(v, h->full), 0);
	collection_free(old);
	h->full = NULL;
	return 0;
}

static void keys(struct view *v, const char *s)
{
	for (; *s; s++)
		view_key(v, *s == '\n' ? VK_ENTER : (unsigned char)*s);
}

static const char *cur_id(const struct view *v, int pane)
{
	const struct pane *p = &v->pane[pane];
	return v->res->paras[p->paras[p->cur]].id;
}

static void keeps_the_place(void **state)
{
	(void)state;
	struct collection *prefix = compilation(2), *full = compilation(3);
	struct view v;
	assert_int_equal(view_open(&v, prefix, 0, 1), 0);
	view_resize(&v, 100, 30);
	assert_int_equal(view_set_doc(&v, 1), 0);
	view_goto_para(&v, res_find(v.res, "op10"));
	keys(&v, "jjj");
	view_goto_para(&v, res_find(v.res, "pp2"));     /* the preamble's place too */
	view_goto_para(&v, res_find(v.res, "op10"));
	keys(&v, "jjj");
	struct pane before = v.pane[PANE_OPERATIVE];
	char op_id[32];
	snprintf(op_id, sizeof op_id, "%s", cur_id(&v, PANE_OPERATIVE));
	assert_true(before.top > 0 || before.top_line > 0);
	int focus = v.focus;
	v.loading = 1;

	assert_int_equal(view_swap_collection(&v, full), 0);
	collection_free(prefix);
	assert_int_equal(v.loading, 0);
	assert_ptr_equal(v.col, full);
	assert_int_equal(v.doc, 1);
	assert_ptr_equal(v.res, full->docs[1]);
	assert_int_equal(v.focus, focus);
	assert_string_equal(cur_id(&v, PANE_OPERATIVE), op_id);
	assert_string_equal(cur_id(&v, PANE_PREAMBLE), "pp2");
	const struct pane *p = &v.pane[PANE_OPERATIVE];
	assert_int_equal(p->top, before.top);
	assert_int_equal(p->top_line, before.top_line);
	/* Layouts are made afresh for the new paragraphs (nothing cached from the old ones). */
	char title[128];
	view_title(&v, PANE_OPERATIVE, title, sizeof title);
	assert_non_null(strstr(title, op_id + 2));
	/* History from before the swap still works: back to the preamble's PP 2. */
	view_key(&v, VK_BACKSPACE);
	assert_string_equal(cur_id(&v, v.focus), "pp2");
	view_close(&v);
	collection_free(full);
}

static void res_waits_for_the_whole(void **state)
{
	(void)state;
	struct collection *prefix = compilation(2);
	struct hook h = { compilation(3), 0, 0 };
	struct view v;
	assert_int_equal(view_open(&v, prefix, 0, 1), 0);
	view_resize(&v, 100, 30);
	v.loading = 1;
	v.need_all = need_all;
	v.need_all_ctx = &h;
	/* A loaded resolution needs no waiting. */
	keys(&v, ":res A/RES/99/2\n");
	assert_int_equal(h.calls, 0);
	assert_int_equal(v.doc, 1);
	/* A later one waits for the whole file, then goes there. */
	keys(&v, ":res A/RES/99/3\n");
	assert_int_equal(h.calls, 1);
	assert_int_equal(v.loading, 0);
	assert_int_equal(v.doc, 2);
	assert_int_equal(v.msg_error, 0);
	/* Once loaded, nothing waits. */
	keys(&v, "/resolution\n");
	assert_int_equal(h.calls, 1);
	assert_true(v.find.active);
	view_close(&v);
	collection_free(v.col);
}

static void refused_wait_changes_nothing(void **state)
{
	(void)state;
	struct collection *prefix = compilation(2);
	struct hook h = { NULL, 0, 1 };
	struct view v;
	assert_int_equal(view_open(&v, prefix, 0, 1), 0);
	view_resize(&v, 100, 30);
	v.loading = 2;
	v.need_all = need_all;
	v.need_all_ctx = &h;
	keys(&v, ":res A/RES/99/3\n");
	assert_int_equal(h.calls, 1);
	assert_int_equal(v.doc, 0);
	keys(&v, "/resolution\n");
	assert_int_equal(h.calls, 2);
	assert_false(v.find.active);
	/* G in a cut document asks too; refused, it stays put. */
	size_t cur = v.pane[v.focus].cur;
	keys(&v, "G");
	assert_int_equal(h.calls, 3);
	assert_int_equal(v.pane[v.focus].cur, cur);
	/* n has no search to repeat: it does not wait. */
	keys(&v, "n");
	assert_int_equal(h.calls, 3);
	/* Without a hook: a message, no crash. */
	v.need_all = NULL;
	keys(&v, "/x\n");
	assert_true(v.msg_error);
	assert_non_null(strstr(v.msg, "still reading"));
	view_close(&v);
	collection_free(prefix);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keeps_the_place),
		cmocka_unit_test(res_waits_for_the_whole),
		cmocka_unit_test(refused_wait_changes_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
