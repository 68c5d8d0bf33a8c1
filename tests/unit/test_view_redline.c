/* test_view_redline.c: the reader's redline (:diff) without a terminal: the panes it fills,
 * n/N through the changes, side by side, both versions, closing back to reading, what the
 * screen shows in which style, and a key's cost (layouts in proportion to the screen). */
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
#include "text/utf8.h"
#include "text/wrap.h"
#include "view/draw.h"
#include "view/keys.h"
#include "view/mode.h"
#include "view/view.h"
#include "view/vredline.h"
#include "view_fixture.h"

/* A grid of cells: what a canvas was given, one code point and one style per cell. */
#define GRID_COLS 160
#define GRID_ROWS 60
struct grid {
	char cell[GRID_ROWS][GRID_COLS][5];
	unsigned style[GRID_ROWS][GRID_COLS];
};

static void grid_put(struct canvas *c, int y, int x, const char *s, size_t n, unsigned style)
{
	struct grid *g = c->ctx;
	for (size_t k = 0; k < n && y >= 0 && y < GRID_ROWS;) {
		uint32_t cp;
		size_t cl = utf8_decode(s + k, n - k, &cp);
		int w = text_width(s + k, cl);
		if (x >= 0 && x < GRID_COLS) {
			memcpy(g->cell[y][x], s + k, cl);
			g->cell[y][x][cl] = '\0';
			g->style[y][x] = style;
		}
		x += w > 0 ? w : 0;
		k += cl;
	}
}

static void grid_fill(struct canvas *c, int y, int x, int n, unsigned style)
{
	for (int i = 0; i < n; i++)
		grid_put(c, y, x + i, " ", 1, style);
}

static void grid_cursor(struct canvas *c, int y, int x)
{
	(void)c, (void)y, (void)x;
}

static struct grid *draw(const struct view *v)
{
	static struct grid g;
	memset(&g, 0, sizeof g);
	for (int y = 0; y < GRID_ROWS; y++)
		for (int x = 0; x < GRID_COLS; x++)
			strcpy(g.cell[y][x], " ");
	struct canvas c = { v->geom.cols, v->geom.rows, grid_put, grid_fill, grid_cursor, &g };
	view_draw(v, &c);
	return &g;
}

static const char *row(const struct grid *g, int y, int cols)
{
	static char out[GRID_COLS * 4 + 1];
	size_t at = 0;
	for (int x = 0; x < cols; x++) {
		size_t l = strlen(g->cell[y][x]);
		memcpy(out + at, g->cell[y][x], l);
		at += l;
	}
	out[at] = '\0';
	return out;
}

/* The style area of the first cell of the first occurrence of word on screen, or -1. */
static int area_of(const struct grid *g, const struct view *v, const char *word)
{
	for (int y = 0; y < v->geom.rows; y++) {
		const char *r = row(g, y, v->geom.cols);
		const char *at = strstr(r, word);
		if (!at)
			continue;
		/* the column: count the code points before it (one cell each here: ASCII) */
		int x = (int)utf8_count(r, (size_t)(at - r));
		return (int)STYLE_AREA(g->style[y][x]);
	}
	return -1;
}

struct fx {
	struct view v;
	struct collection *col;
};

static void set_text(struct resolution *r, const char *id, const char *text)
{
	int i = res_find(r, id);
	assert_true(i >= 0);
	free(r->paras[i].text);
	r->paras[i].text = strdup(text);
	r->paras[i].text_len = strlen(text);
	free(r->paras[i].marks);
	r->paras[i].marks = NULL;
	r->paras[i].nmarks = 0;
}

/* The fixture resolution as the new text; the old: one more operative paragraph at the end,
 * op2 reworded and op4 differently worded beyond recognition. */
static struct fx *open_fx(int nop, int words, int cols, int rows)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	struct resolution *r = fx_resolution(nop, words);
	set_text(r, "op2", "Requests the Secretary-General to submit a comprehensive report on "
	                   "the implementation of the present resolution at its next session.");
	f->col = fx_collection(&r, 1);
	assert_int_equal(view_open(&f->v, f->col, 0, 1), 0);
	view_resize(&f->v, cols, rows);
	struct resolution *old = fx_resolution(nop + 1, words);
	set_text(old, "op2", "Requests the Secretary-General to submit a report on the "
	                     "implementation of the present resolution at its next session.");
	set_text(old, "op4", "Decides to remain seized of the matter.");
	struct collection *oc = fx_collection(&old, 1);
	struct redline *rl;
	assert_int_equal(redline_build(old, r, &rl), 0);
	assert_int_equal(vredline_open_built(&f->v, oc, rl), 0);
	return f;
}

static void close_fx(struct fx *f)
{
	view_close(&f->v);
	collection_free(f->col);
	free(f);
}

static const struct rl_entry *current(struct view *v)
{
	long k = vredline_current(v);
	assert_true(k >= 0);
	return &v->redline->rl->e[k];
}

static void opens_in_panes(void **state)
{
	(void)state;
	struct fx *f = open_fx(12, 10, 100, 40);
	struct view *v = &f->v;
	assert_int_equal(view_top(v), MODE_REDLINE);
	struct vredline *r = v->redline;
	assert_int_equal(r->pane[RPANE_PREAMBLE].n, 3);
	assert_true(r->pane[RPANE_OPERATIVE].n > 12);
	assert_true(r->pane[RPANE_FOOTNOTES].n >= 16);
	assert_true(strstr(v->msg, "A/RES/99/1") != NULL);
	assert_true(strstr(v->msg, "changed") != NULL);
	struct grid *g = draw(v);
	assert_true(strstr(row(g, r->geom.pane[RPANE_OPERATIVE].y, 100), "Redline") != NULL);
	close_fx(f);
}

static void steps_through_changes(void **state)
{
	(void)state;
	struct fx *f = open_fx(12, 10, 100, 40);
	struct view *v = &f->v;
	view_key(v, 'n');
	const struct rl_entry *e = current(v);
	assert_int_equal(e->status, RL_CHANGED);
	assert_string_equal(v->redline->rl->new->paras[e->new].id, "op2");
	assert_true(strstr(v->msg, "change 1 of") != NULL);
	view_key(v, 'n');
	e = current(v);
	assert_true(e->status == RL_NEW || e->status == RL_DELETED);
	/* to the last change, and nothing after it */
	long last = -1;
	for (size_t k = 0; k < v->redline->rl->n; k++)
		if (vredline_is_change(v->redline->rl, k))
			last = (long)k;
	while (strstr(v->msg, "no more changes") == NULL)
		view_key(v, 'n');
	assert_int_equal(vredline_current(v), last);
	view_key(v, 'N');
	assert_true(vredline_current(v) < last);
	assert_true(vredline_is_change(v->redline->rl, (size_t)vredline_current(v)));
	close_fx(f);
}

static void styles_on_screen(void **state)
{
	(void)state;
	struct fx *f = open_fx(12, 10, 120, 50);
	struct view *v = &f->v;
	view_key(v, 'n');           /* op2 on screen */
	struct grid *g = draw(v);
	assert_int_equal(area_of(g, v, "comprehensive"), STYLE_INSERTED);
	assert_int_equal(area_of(g, v, "Decides to remain"), STYLE_DELETED);
	/* side by side: the old text on the left without the inserted word */
	view_key(v, 's');
	assert_true(v->redline->side);
	assert_true(v->redline->zoomed);
	g = draw(v);
	int found = 0;
	for (int y = 0; y < v->geom.rows; y++) {
		const char *r = row(g, y, v->geom.cols);
		const char *rule = strstr(r, "\xE2\x94\x82");
		if (rule && strstr(r, "submit a report") && strstr(r, "submit a") < rule)
			found = 1;
	}
	assert_true(found);
	view_key(v, 's');
	assert_false(v->redline->side);
	assert_false(v->redline->zoomed);
	close_fx(f);
}

static void both_versions_and_back(void **state)
{
	(void)state;
	struct fx *f = open_fx(12, 10, 100, 40);
	struct view *v = &f->v;
	view_key(v, 'n');
	view_key(v, VK_ENTER);
	assert_int_equal(view_top(v), MODE_VERSIONS);
	struct grid *g = draw(v);
	int old_row = -1, new_row = -1;
	for (int y = 0; y < v->geom.rows; y++) {
		const char *r = row(g, y, v->geom.cols);
		if (strstr(r, "Old, A/RES/99/1 OP 2"))
			old_row = y;
		if (strstr(r, "New, A/RES/99/1 OP 2"))
			new_row = y;
	}
	assert_true(old_row >= 0 && new_row > old_row);
	view_key(v, 'x');           /* any other key closes */
	assert_int_equal(view_top(v), MODE_REDLINE);
	view_key(v, 'q');
	assert_int_equal(view_top(v), MODE_READ);
	assert_null(v->redline);
	close_fx(f);
}

/* A key costs layouts in proportion to the screen, not to the document, as in reading. */
static void cost_of_a_key(void **state)
{
	(void)state;
	struct fx *f = open_fx(20000, 30, 100, 30);
	struct view *v = &f->v;
	struct vredline *r = v->redline;
	draw(v);
	r->cache[0].builds = r->cache[1].builds = 0;
	for (int i = 0; i < 50; i++) {
		view_key(v, 'j');
		draw(v);
	}
	assert_true(r->cache[0].builds < 100);
	r->cache[0].builds = 0;
	for (int i = 0; i < 50; i++) {
		view_key(v, VK_PGDN);
		draw(v);
	}
	assert_true(r->cache[0].builds < 50 * 30);
	r->cache[0].builds = 0;
	view_key(v, 'G');
	draw(v);
	assert_true(r->cache[0].builds < 100);
	r->cache[0].builds = 0;
	view_key(v, 'N');           /* the deleted paragraph at the end */
	draw(v);
	assert_true(r->cache[0].builds < 100);
	close_fx(f);
}

static void command_line(void **state)
{
	(void)state;
	struct resolution *r = fx_resolution(5, 5);
	struct collection *col = fx_collection(&r, 1);
	struct view v;
	assert_int_equal(view_open(&v, col, 0, 1), 0);
	view_resize(&v, 100, 30);
	const char *t = ":diff\n";
	for (const char *p = t; *p; p++)
		view_key(&v, *p == '\n' ? VK_ENTER : *p);
	assert_int_equal(view_top(&v), MODE_READ);
	assert_true(strstr(v.msg, ":diff needs") != NULL);
	t = ":diff /nonexistent/old.txt\n";
	for (const char *p = t; *p; p++)
		view_key(&v, *p == '\n' ? VK_ENTER : *p);
	assert_int_equal(view_top(&v), MODE_READ);
	assert_true(v.msg_error);
	view_close(&v);
	collection_free(col);
}

/* Every action the redline's and the two versions' keymaps bind (and the generic keys where
 * the mode takes them) is one the mode handles (test_view_vnotes.c does the other modes). */
static void keymaps_agree(void **state)
{
	(void)state;
	const enum view_mode modes[] = { MODE_REDLINE, MODE_VERSIONS };
	for (size_t k = 0; k < sizeof modes / sizeof *modes; k++) {
		const struct mode_ops *m = mode_table[modes[k]];
		for (int pass = 0; pass < 2; pass++) {
			const struct binding *b = pass ? keymap_generic_keys : m->keys;
			if (pass && !(m->flags & MODE_GENERIC))
				continue;
			for (; b->key || b->action; b++) {
				if (b->action == ACT_HELP || b->action == ACT_REDRAW)
					continue;
				struct fx *f = open_fx(12, 10, 100, 40);
				if (modes[k] == MODE_VERSIONS) {
					view_key(&f->v, 'n');
					view_key(&f->v, VK_ENTER);
				}
				assert_int_equal(view_top(&f->v), modes[k]);
				if (!m->action(&f->v, b->action))
					fail_msg("mode %s does not handle %s", m->name,
					         keys_action_name(b->action));
				close_fx(f);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(opens_in_panes),
		cmocka_unit_test(steps_through_changes),
		cmocka_unit_test(styles_on_screen),
		cmocka_unit_test(both_versions_and_back),
		cmocka_unit_test(cost_of_a_key),
		cmocka_unit_test(command_line),
		cmocka_unit_test(keymaps_agree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
