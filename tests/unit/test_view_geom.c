/* test_view_geom.c: pane rectangles for every screen size. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "view/geom.h"

static void wide_side_by_side(void **state)
{
	(void)state;
	struct geom g;
	geom_compute(&g, 160, 40, 3, -1, (int[]){ 30, 40, 30 });
	assert_int_equal(g.mode, GEOM_WIDE);
	int x = 0;
	for (int i = 0; i < 3; i++) {
		assert_int_equal(g.pane[i].y, 0);
		assert_int_equal(g.pane[i].h, 39);
		if (i > 0) {
			assert_int_equal(g.rule[i], x);
			x++;
		}
		assert_int_equal(g.pane[i].x, x);
		x += g.pane[i].w;
	}
	assert_int_equal(x, 160);
	assert_true(g.pane[1].w > g.pane[0].w);
	assert_int_equal(g.status_y, 39);
}

static void narrow_stacked(void **state)
{
	(void)state;
	struct geom g;
	geom_compute(&g, 100, 30, 3, -1, (int[]){ 3, 5, 3 });
	assert_int_equal(g.mode, GEOM_STACKED);
	int y = 0;
	for (int i = 0; i < 3; i++) {
		assert_int_equal(g.pane[i].x, 0);
		assert_int_equal(g.pane[i].w, 100);
		assert_int_equal(g.pane[i].y, y);
		assert_true(g.pane[i].h >= 2);
		y += g.pane[i].h;
		assert_int_equal(g.rule[i], -1);
	}
	assert_int_equal(y, 29);
	assert_true(g.pane[1].h > g.pane[0].h);
}

static void zoomed_and_too_small(void **state)
{
	(void)state;
	struct geom g;
	geom_compute(&g, 60, 20, 3, 2, NULL);
	assert_int_equal(g.mode, GEOM_ZOOMED);
	assert_int_equal(g.pane[0].h, 0);
	assert_int_equal(g.pane[1].h, 0);
	assert_int_equal(g.pane[2].h, 19);
	assert_int_equal(g.pane[2].w, 60);

	geom_compute(&g, 25, 8, 3, -1, NULL);
	assert_int_equal(g.mode, GEOM_TOO_SMALL);
	geom_compute(&g, 25, 8, 3, 1, NULL);
	assert_int_equal(g.mode, GEOM_ZOOMED);
	geom_compute(&g, 10, 3, 3, 1, NULL);
	assert_int_equal(g.mode, GEOM_TOO_SMALL);
	geom_compute(&g, 0, 0, 3, -1, NULL);
	assert_int_equal(g.mode, GEOM_TOO_SMALL);
}

/* Every size: panes inside the screen, above the status line, never overlapping, each with a
 * title and at least one text row. */
static void every_size_fits(void **state)
{
	(void)state;
	for (int cols = 1; cols <= 220; cols += 3) {
		for (int rows = 1; rows <= 70; rows += 2) {
			for (int zoom = -1; zoom < 3; zoom++) {
				struct geom g;
				geom_compute(&g, cols, rows, 3, zoom, (int[]){ 3, 5, 1 });
				if (g.mode == GEOM_TOO_SMALL)
					continue;
				for (int i = 0; i < 3; i++) {
					const struct rect *r = &g.pane[i];
					if (r->h == 0)
						continue;
					assert_true(r->h >= 2);
					assert_true(r->x >= 0 && r->y >= 0);
					assert_true(r->x + r->w <= cols);
					assert_true(r->y + r->h <= rows - 1);
					for (int j = i + 1; j < 3; j++) {
						const struct rect *s = &g.pane[j];
						if (s->h == 0)
							continue;
						int apart = r->x + r->w <= s->x || s->x + s->w <= r->x ||
						            r->y + r->h <= s->y || s->y + s->h <= r->y;
						assert_true(apart);
					}
				}
			}
		}
	}
}

static void pane_at(void **state)
{
	(void)state;
	struct geom g;
	geom_compute(&g, 100, 30, 3, -1, NULL);
	assert_int_equal(geom_pane_at(&g, 0, 0), 0);
	assert_int_equal(geom_pane_at(&g, g.pane[1].y, 50), 1);
	assert_int_equal(geom_pane_at(&g, 28, 99), 2);
	assert_int_equal(geom_pane_at(&g, 29, 10), -1);   /* the status line */
	assert_int_equal(geom_pane_at(&g, -1, 10), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wide_side_by_side),
		cmocka_unit_test(narrow_stacked),
		cmocka_unit_test(zoomed_and_too_small),
		cmocka_unit_test(every_size_fits),
		cmocka_unit_test(pane_at),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
