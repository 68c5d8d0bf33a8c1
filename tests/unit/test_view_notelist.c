/* test_view_notelist.c: the notes pane's rows: order, filters, orphans apart, lines. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "text/wrap.h"
#include "view/notelist.h"
#include "store-fixture.h"

static const char *const ids[] = { "pp1", "op1", "op2" };
static const char *const texts[] = {
	"Recalling its resolution 57/218 of 18 December 2002,",
	"Calls upon all States to protect the human rights of migrants,",
	"Requests the Secretary-General to report \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E,",
};

struct fx {
	char dir[64];
	struct store *st;
	struct resolution *res;
	struct annot_set set;
	struct conf conf;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	snprintf(f->dir, sizeof f->dir, "/tmp/gavel-nl-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	char path[96], *msg = NULL;
	snprintf(path, sizeof path, "%s/g.db", f->dir);
	assert_int_equal(store_open(path, &f->st, &msg), STORE_OK);
	f->res = fixture_res("A/RES/99/9", "en", ids, texts, 3);
	assert_int_equal(annot_open(&f->set, f->st, f->res), STORE_OK);
	conf_defaults(&f->conf);
	char *t1[] = { "mandate" };
	/* Added out of document order: the list shows document order. */
	assert_int_equal(annot_add(&f->set, 2, 41, 44, "red", "CJK\tnote\nsecond line", NULL, 0,
	                           NULL), STORE_OK);
	assert_int_equal(annot_add(&f->set, 1, 0, 5, "yellow", "first note", t1, 1, NULL),
	                 STORE_OK);
	assert_int_equal(annot_add(&f->set, 0, 0, 9, "blue", NULL, NULL, 0, NULL), STORE_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	annot_close(&f->set);
	store_close(f->st);
	res_free(f->res);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

static void order_filters_and_lines(void **state)
{
	struct fx *f = *state;
	struct notelist l = { .color = -1 };
	assert_int_equal(notelist_build(&l, &f->set), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(f->set.v[l.rows[0]].para_id, "pp1");
	assert_string_equal(f->set.v[l.rows[1]].para_id, "op1");
	assert_string_equal(f->set.v[l.rows[2]].para_id, "op2");
	char buf[512], title[128];
	notelist_line(&l, &f->set, &f->conf, 1, 80, 1, buf, sizeof buf);
	assert_non_null(strstr(buf, "OP1"));
	assert_non_null(strstr(buf, "\u25CF yellow"));
	assert_non_null(strstr(buf, "\u201CCalls\u201D"));
	assert_non_null(strstr(buf, "first note"));
	assert_non_null(strstr(buf, "#mandate"));
	/* Only the note's first line, its tab made a space; never wider than the field. */
	for (int cols = 1; cols <= 80; cols++) {
		notelist_line(&l, &f->set, &f->conf, 2, cols, 1, buf, sizeof buf);
		assert_true(text_width(buf, strlen(buf)) <= cols);
		assert_null(strchr(buf, '\t'));
		assert_null(strchr(buf, '\n'));
	}
	notelist_line(&l, &f->set, &f->conf, 2, 80, 1, buf, sizeof buf);
	assert_non_null(strstr(buf, "CJK note"));
	assert_null(strstr(buf, "second line"));
	notelist_line(&l, &f->set, &f->conf, 2, 80, 0, buf, sizeof buf);   /* ASCII terminal */
	for (const char *c = buf; *c; c++)
		assert_true((unsigned char)*c < 0x80);
	assert_non_null(strstr(buf, "+ red"));
	notelist_line(&l, &f->set, &f->conf, 9, 80, 1, buf, sizeof buf);
	assert_string_equal(buf, "");
	notelist_title(&l, &f->set, &f->conf, 1, title, sizeof title);
	assert_string_equal(title, "Notes \u00B7 3");

	/* Moving is clamped; the selection follows its annotation through a rebuild. */
	notelist_move(&l, 5, 2);
	assert_int_equal(l.cur, 2);
	assert_int_equal(l.top, 1);
	int ai = notelist_current(&l);
	l.color = 3;                          /* red only */
	assert_int_equal(notelist_build(&l, &f->set), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(notelist_current(&l), ai);
	notelist_title(&l, &f->set, &f->conf, 0, title, sizeof title);
	assert_string_equal(title, "Notes - 1 of 3 - colour: red");
	l.color = -1;
	snprintf(l.tag, sizeof l.tag, "mandate");
	assert_int_equal(notelist_build(&l, &f->set), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(f->set.v[notelist_current(&l)].para_id, "op1");
	snprintf(l.tag, sizeof l.tag, "none");
	assert_int_equal(notelist_build(&l, &f->set), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(notelist_current(&l), -1);
	notelist_move(&l, 1, 5);
	assert_int_equal(notelist_select(&l, 0, 5), -1);

	/* The selection is kept by id: a reload that shifts every index keeps it on its note. */
	l.tag[0] = '\0';
	assert_int_equal(notelist_build(&l, &f->set), 0);
	notelist_move(&l, 2, 5);                              /* op2's note */
	char id[37];
	memcpy(id, f->set.v[notelist_current(&l)].id, sizeof id);
	assert_int_equal(annot_delete(&f->set, f->set.v[l.rows[0]].id), STORE_OK);
	assert_int_equal(notelist_build(&l, &f->set), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(f->set.v[notelist_current(&l)].id, id);
	notelist_free(&l);
}

/* A changed text leaves one note an orphan: listed after a heading row the cursor skips. */
static void orphans_apart(void **state)
{
	struct fx *f = *state;
	annot_close(&f->set);
	static const char *const texts2[] = { texts[0], "Calls upon all States to protect the human rights of migrants,", "Requests a report," };
	struct resolution *res2 = fixture_res("A/RES/99/9", "en", ids, texts2, 3);
	assert_int_equal(annot_open(&f->set, f->st, res2), STORE_OK);
	assert_int_equal(f->set.norphans, 1);
	struct notelist l = { .color = -1 };
	assert_int_equal(notelist_build(&l, &f->set), 0);
	assert_int_equal(l.n, 4);
	assert_int_equal(l.rows[2], NOTELIST_ORPHANS);
	assert_string_equal(f->set.v[l.rows[3]].note, "CJK\tnote\nsecond line");
	char buf[256];
	notelist_line(&l, &f->set, &f->conf, 2, 60, 1, buf, sizeof buf);
	assert_non_null(strstr(buf, "Orphans"));
	notelist_line(&l, &f->set, &f->conf, 3, 60, 1, buf, sizeof buf);
	assert_non_null(strstr(buf, "OP2"));                 /* the label it had */
	l.cur = 1;
	notelist_move(&l, 1, 10);                            /* over the heading */
	assert_int_equal(l.cur, 3);
	notelist_move(&l, -1, 10);
	assert_int_equal(l.cur, 1);
	char title[128];
	notelist_title(&l, &f->set, &f->conf, 1, title, sizeof title);
	assert_non_null(strstr(title, "(1 orphan)"));
	notelist_free(&l);
	annot_close(&f->set);
	res_free(res2);
	assert_int_equal(annot_open(&f->set, f->st, f->res), STORE_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(order_filters_and_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(orphans_apart, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
