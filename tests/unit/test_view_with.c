/* test_view_with.c: two copies side by side (src/view/vwith.c, mode-with.c) and the record of
 * adoption (mode-record.c) in the view, without a terminal: opening (the same resolution, in
 * another language; refusing another one), rows paired by id, scrolling both together, back
 * to reading, the screen as drawn on a grid, the :with and :record commands. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <cmocka.h>

#include "doc/parse.h"
#include "view/command.h"
#include "view/draw.h"
#include "view/keys.h"
#include "view/mode.h"
#include "view/view.h"
#include "view/vwith.h"

#define D ABS_TOP_SRCDIR "/tests/data/akn/ga-6/78_217/"

/* A canvas that keeps the screen as rows of UTF-8. */
#define GRID_ROWS 40
#define GRID_BYTES 2048
struct grid {
	char row[GRID_ROWS][GRID_BYTES];
};

static void put(struct canvas *c, int y, int x, const char *s, size_t n, unsigned style)
{
	(void)x;
	(void)style;
	struct grid *g = c->ctx;
	if (y < 0 || y >= GRID_ROWS)
		return;
	size_t l = strlen(g->row[y]);
	if (l + n + 2 < GRID_BYTES) {
		memcpy(g->row[y] + l, s, n);
		g->row[y][l + n] = '\0';
	}
}

static void fill(struct canvas *c, int y, int x, int n, unsigned style)
{
	(void)c, (void)y, (void)x, (void)n, (void)style;
}

static void cursor(struct canvas *c, int y, int x)
{
	(void)c, (void)y, (void)x;
}

/* The screen's text, row by row (cells in drawing order: enough to find words). */
static void screen(const struct view *v, struct grid *g)
{
	memset(g, 0, sizeof *g);
	struct canvas c = { v->geom.cols, v->geom.rows, put, fill, cursor, g };
	view_draw(v, &c);
}

static int shows(const struct grid *g, const char *s)
{
	for (int i = 0; i < GRID_ROWS; i++)
		if (strstr(g->row[i], s))
			return 1;
	return 0;
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

static void open_and_pair(void **state)
{
	(void)state;
	struct collection *en = load(D "English.xml");
	struct view v;
	assert_int_equal(view_open(&v, en, 0, 1), 0);
	view_resize(&v, 120, 30);
	/* another resolution is refused; a missing file too */
	assert_int_equal(vwith_open(&v, ABS_TOP_SRCDIR "/tests/data/akn/ga/A_RES_80_10-2519432E.xml"),
	                 EX_DATAERR);
	assert_non_null(strstr(v.msg, "A/RES/80/10"));
	assert_null(v.with);
	assert_int_equal(vwith_open(&v, D "missing.xml"), EX_NOINPUT);
	assert_int_equal(view_top(&v), MODE_READ);
	/* French: every paragraph paired, the screen is the two copies */
	assert_int_equal(vwith_open(&v, D "French.xml"), 0);
	assert_int_equal(view_top(&v), MODE_WITH);
	assert_non_null(v.with);
	assert_int_equal(v.with->al.only_a + v.with->al.only_b, 0);
	assert_string_equal(v.with->tag[0], "en");
	assert_string_equal(v.with->tag[1], "fr");
	struct grid g;
	screen(&v, &g);
	assert_true(shows(&g, "Protection des migrants"));
	assert_true(shows(&g, "Protection of migrants"));
	/* the row of the paragraph the reader was on comes first */
	int para = view_current_para(&v);
	size_t row = v.with->cur;
	assert_int_equal(v.with->al.rows[row].a, para);
	assert_string_equal(v.res->paras[v.with->al.rows[row].a].id,
	                    v.with->res->paras[v.with->al.rows[row].b].id);
	/* ] moves to the next pair, keeping it on screen; j scrolls both */
	view_key(&v, ']');
	assert_int_equal(v.with->cur, row + 1);
	size_t top = v.with->top;
	int line = v.with->top_line;
	view_key(&v, 'j');
	assert_true(v.with->top != top || v.with->top_line == line + 1);
	view_key(&v, 'G');
	assert_int_equal(v.with->cur, v.with->al.nrows - 1);
	screen(&v, &g);
	assert_true(shows(&g, "Footnote") || shows(&g, "(not in this copy)") || shows(&g, "A/"));
	/* Enter: back to reading, on the paragraph of the current row */
	view_key(&v, 'g');
	view_key(&v, ']');
	view_key(&v, ']');
	int want = v.with->al.rows[v.with->cur].a;
	view_key(&v, VK_ENTER);
	assert_int_equal(view_top(&v), MODE_READ);
	assert_null(v.with);
	assert_int_equal(view_current_para(&v), want);
	view_close(&v);
	collection_free(en);
}

static void arabic_beside(void **state)
{
	(void)state;
	struct collection *en = load(D "English.xml");
	struct view v;
	assert_int_equal(view_open(&v, en, 0, 1), 0);
	view_resize(&v, 100, 24);
	assert_int_equal(vwith_open(&v, D "Arabic.xml"), 0);
	assert_string_equal(v.with->tag[1], "ar");
	assert_int_equal(v.with->al.only_a + v.with->al.only_b, 0);
	/* each row's two sides laid out; the Arabic one right to left */
	const struct vwith_row *r = vwith_row(&v, v.with->cur);
	assert_non_null(r);
	assert_non_null(r->d[0]);
	assert_non_null(r->d[1]);
	assert_true(r->d[1]->rtl);
	assert_true(r->height >= r->d[1]->nlines + 1);
	/* a resize lays the rows out again at the new width */
	view_resize(&v, 60, 20);
	r = vwith_row(&v, v.with->cur);
	assert_non_null(r);
	assert_int_equal(v.with->colw, 29);
	view_key(&v, 'q');
	assert_int_equal(view_top(&v), MODE_READ);
	view_close(&v);
	collection_free(en);
}

static void record_view(void **state)
{
	(void)state;
	struct collection *col = load(ABS_TOP_SRCDIR "/tests/data/akn/ga/A_RES_80_10-2519432E.xml");
	struct view v;
	assert_int_equal(view_open(&v, col, 0, 1), 0);
	view_resize(&v, 100, 30);
	view_key(&v, 'I');
	assert_int_equal(view_top(&v), MODE_RECORD);
	int vote = 0, draft = 0;
	for (size_t i = 0; i < v.nrecord; i++) {
		vote |= strstr(v.record[i], "adopted by a recorded vote: 123 in favour, 3 against") != NULL;
		draft |= strstr(v.record[i], "Draft") && strstr(v.record[i], "A/80/L.11");
	}
	assert_true(vote);
	assert_true(draft);
	struct grid g;
	screen(&v, &g);
	assert_true(shows(&g, "The record of A/RES/80/10"));
	view_key(&v, 'q');
	assert_int_equal(view_top(&v), MODE_READ);
	assert_null(v.record);
	view_close(&v);
	collection_free(col);
}

static void commands(void **state)
{
	(void)state;
	struct command c;
	command_parse(":with ../fr/A_RES_78_217.xml  ", NULL, 0, NULL, &c);
	assert_int_equal(c.kind, CMD_WITH);
	assert_string_equal(c.arg, "../fr/A_RES_78_217.xml");
	command_parse("with", NULL, 0, NULL, &c);
	assert_int_equal(c.kind, CMD_WITH);
	assert_string_equal(c.arg, "");
	command_parse("record", NULL, 0, NULL, &c);
	assert_int_equal(c.kind, CMD_RECORD);
	/* from the reader's command line */
	struct collection *en = load(D "English.xml");
	struct view v;
	assert_int_equal(view_open(&v, en, 0, 1), 0);
	view_resize(&v, 100, 30);
	view_key(&v, ':');
	const char *line = "with " D "Spanish.xml";
	for (const char *p = line; *p; p++)
		view_key(&v, (unsigned char)*p);
	view_key(&v, VK_ENTER);
	assert_int_equal(view_top(&v), MODE_WITH);
	assert_string_equal(v.with->tag[1], "es");
	view_close(&v);
	collection_free(en);
}

/* Every action the two copies' keymap binds (and the generic keys it takes) is one the mode
 * handles, tried on two real copies (test_view_vnotes.c does the other modes). */
static void keymap_agrees(void **state)
{
	(void)state;
	struct collection *en = load(D "English.xml");
	struct view v;
	assert_int_equal(view_open(&v, en, 0, 1), 0);
	view_resize(&v, 120, 30);
	const struct mode_ops *m = mode_table[MODE_WITH];
	for (int pass = 0; pass < 2; pass++) {
		const struct binding *b = pass ? keymap_generic_keys : m->keys;
		if (pass && !(m->flags & MODE_GENERIC))
			continue;
		for (; b->key || b->action; b++) {
			if (b->action == ACT_HELP || b->action == ACT_REDRAW)
				continue;
			view_reset(&v);
			assert_int_equal(vwith_open(&v, D "French.xml"), 0);
			assert_int_equal(view_top(&v), MODE_WITH);
			if (!m->action(&v, b->action))
				fail_msg("mode with does not handle %s", keys_action_name(b->action));
		}
	}
	view_close(&v);
	collection_free(en);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(open_and_pair),
		cmocka_unit_test(arabic_beside),
		cmocka_unit_test(record_view),
		cmocka_unit_test(commands),
		cmocka_unit_test(keymap_agrees),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
