/* view_fixture.c: builds small resolutions by hand for the view's tests. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/utf8.h"
#include "text/wrap.h"
#include "view_fixture.h"

static char *dup(const char *s)
{
	if (!s)
		return NULL;
	char *d = strdup(s);
	assert_non_null(d);
	return d;
}

int fx_add(struct resolution *res, enum para_kind kind, const char *id, const char *label,
           const char *num, const char *text, int parent, int depth)
{
	int i = res_add_para(res, kind);
	assert_true(i >= 0);
	struct para *p = &res->paras[i];
	p->id = dup(id);
	p->label = dup(label);
	p->num = dup(num);
	p->text = dup(text);
	p->text_len = strlen(text);
	p->parent = parent;
	p->depth = depth;
	return i;
}

void fx_mark(struct resolution *res, int para, size_t byte, int footnote)
{
	struct para *p = &res->paras[para];
	p->marks = realloc(p->marks, (p->nmarks + 1) * sizeof *p->marks);
	assert_non_null(p->marks);
	p->marks[p->nmarks++] = (struct mark){ byte, footnote };
}

void fx_ref(struct resolution *res, int para, const char *target, const char *in_text)
{
	struct para *p = &res->paras[para];
	const char *at = strstr(p->text, in_text);
	assert_non_null(at);
	p->refs = realloc(p->refs, (p->nrefs + 1) * sizeof *p->refs);
	assert_non_null(p->refs);
	p->refs[p->nrefs++] = (struct ref){ REF_RESOLUTION, dup(target), (size_t)(at - p->text),
	                                    strlen(in_text) };
}

static const char *const words_list[] = { "States", "migrants", "protection", "rights",
	"children", "family", "reunification", "labour", "convention", "Member" };

struct resolution *fx_resolution(int nop, int words)
{
	struct resolution *res = res_new();
	assert_non_null(res);
	res->meta.symbol = dup("A/RES/99/1");
	res->meta.number = dup("99/1");
	res->meta.title = dup("Protection of testers");
	int pp1 = fx_add(res, PARA_PREAMBLE, "pp1", "PP 1", "1",
	                 "Recalling its resolution 57/218 of 18 December 2002,", -1, 0);
	res->paras[pp1].lead_len = strlen("Recalling");
	fx_ref(res, pp1, "57/218", "resolution 57/218");
	int pp2 = fx_add(res, PARA_PREAMBLE, "pp2", "PP 2", "2",
	                 "Reaffirming that the Universal Declaration of Human Rights proclaims that all human beings are born free,",
	                 -1, 0);
	res->paras[pp2].lead_len = strlen("Reaffirming");
	fx_mark(res, pp2, strlen("Reaffirming that the Universal Declaration of Human Rights"), 1);
	int pp3 = fx_add(res, PARA_PREAMBLE, "pp3", "PP 3", "3",
	                 "Deeply concerned about the situation of migrant children,", -1, 0);
	res->paras[pp3].lead_len = strlen("Deeply concerned");
	for (int k = 1; k <= nop; k++) {
		char id[16], label[16], num[16], text[4096];
		snprintf(id, sizeof id, "op%d", k);
		snprintf(label, sizeof label, "OP %d", k);
		snprintf(num, sizeof num, "%d", k);
		if (k == 10) {
			snprintf(text, sizeof text, "Reaffirms the duty of States parties to the Vienna Convention on Consular Relations of 1963 to ensure full respect;");
		} else if (k == 2) {
			snprintf(text, sizeof text, "Requests all Member States to implement resolution 57/218 and the Declaration;");
		} else {
			size_t len = 0;
			len += (size_t)snprintf(text, sizeof text, "Paragraph %d", k);
			for (int w = 0; w < words && len + 20 < sizeof text; w++)
				len += (size_t)snprintf(text + len, sizeof text - len, " %s",
				                        words_list[(k * 7 + w) % 10]);
			snprintf(text + len, sizeof text - len, ";");
		}
		int op = fx_add(res, PARA_OPERATIVE, id, label, num, text, -1, 0);
		if (k == 2)
			fx_ref(res, op, "57/218", "resolution 57/218");
		if (k == 10)
			fx_mark(res, op, strlen("Reaffirms the duty of States parties to the Vienna Convention on Consular Relations of 1963"), 16);
		if (k == 3) {
			fx_add(res, PARA_SUB, "op3.a", "OP 3 (a)", "a", "To protect migrant workers;", op, 1);
			int b = fx_add(res, PARA_SUB, "op3.b", "OP 3 (b)", "b", "To consider:", op, 1);
			fx_add(res, PARA_SUB, "op3.b.i", "OP 3 (b) (i)", "i", "ratifying the Convention;", b, 2);
			fx_add(res, PARA_SUB, "op3.b.ii", "OP 3 (b) (ii)", "ii", "acceding to it;", b, 2);
		}
	}
	res->annexes = calloc(1, sizeof *res->annexes);
	assert_non_null(res->annexes);
	res->nannexes = 1;
	res->annexes[0].id = dup("annex1");
	res->annexes[0].label = dup("Annex A");
	int an = fx_add(res, PARA_ANNEX_TITLE, "annex1", "Annex A", NULL, "Annex A: Guidelines", -1, 0);
	res->paras[an].annex = 0;
	int ap = fx_add(res, PARA_ANNEX, "annex1.p1", "Annex A, para. 1", "1",
	                "The guidelines apply to all migrants.", an, 1);
	res->paras[ap].annex = 0;
	for (int k = 1; k <= 16; k++) {
		char id[16], label[32], num[16], text[128];
		snprintf(id, sizeof id, "fn%d", k);
		snprintf(label, sizeof label, "Footnote %d", k);
		snprintf(num, sizeof num, "%d", k);
		if (k == 16)
			snprintf(text, sizeof text, "United Nations, Treaty Series, vol. 596, No. 8638.");
		else
			snprintf(text, sizeof text, "See document A/CONF.%d/24, chap. %d.", k, k);
		fx_add(res, PARA_FOOTNOTE, id, label, num, text, -1, 0);
	}
	return res;
}

struct collection *fx_collection(struct resolution **docs, size_t n)
{
	struct collection *col = calloc(1, sizeof *col);
	assert_non_null(col);
	col->docs = calloc(n, sizeof *col->docs);
	assert_non_null(col->docs);
	for (size_t i = 0; i < n; i++)
		col->docs[i] = docs[i];
	col->ndocs = n;
	return col;
}

/* --- A canvas that keeps the screen in memory --- */

static void grid_put(struct canvas *c, int y, int x, const char *s, size_t n, unsigned style)
{
	struct fx_grid *g = c->ctx;
	assert_true(y >= 0 && y < g->rows && x >= 0);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		assert_false(utf8_is_control(cp));       /* nothing unsafe reaches a canvas */
		int w = text_width(s + i, k);
		assert_true(x + (w > 0 ? w : 0) <= g->cols);   /* nothing past the edge */
		if (w > 0) {
			snprintf(g->cell[y][x], sizeof g->cell[y][x], "%.*s", (int)k, s + i);
			g->style[y][x] = style;
			for (int j = 1; j < w; j++)
				g->cell[y][x + j][0] = '\0';
			x += w;
		}
		i += k;
	}
}

static void grid_fill(struct canvas *c, int y, int x, int n, unsigned style)
{
	struct fx_grid *g = c->ctx;
	assert_true(y >= 0 && y < g->rows && x >= 0 && x + n <= g->cols);
	for (int i = 0; i < n; i++) {
		snprintf(g->cell[y][x + i], sizeof g->cell[y][x + i], " ");
		g->style[y][x + i] = style;
	}
}

static void grid_cursor(struct canvas *c, int y, int x)
{
	struct fx_grid *g = c->ctx;
	g->cy = y;
	g->cx = x;
}

void fx_draw(const struct view *v, struct fx_grid *g)
{
	memset(g, 0, sizeof *g);
	g->cols = v->geom.cols;
	g->rows = v->geom.rows;
	assert_true(g->cols <= FX_GRID_COLS && g->rows <= FX_GRID_ROWS);
	for (int y = 0; y < g->rows; y++)
		for (int x = 0; x < g->cols; x++)
			snprintf(g->cell[y][x], sizeof g->cell[y][x], " ");
	g->cy = g->cx = -1;
	struct canvas c = { g->cols, g->rows, grid_put, grid_fill, grid_cursor, g };
	view_draw(v, &c);
}

const char *fx_row(const struct fx_grid *g, int y, char *buf, size_t size)
{
	size_t k = 0;
	buf[0] = '\0';
	for (int x = 0; x < g->cols && y >= 0 && y < g->rows; x++) {
		int w = snprintf(buf + k, size - k, "%s", g->cell[y][x]);
		if (w < 0 || (size_t)w >= size - k)
			break;
		k += (size_t)w;
	}
	return buf;
}

int fx_screen_has(const struct fx_grid *g, const char *s)
{
	char row[FX_GRID_COLS * 5 + 1];
	for (int y = 0; y < g->rows; y++)
		if (strstr(fx_row(g, y, row, sizeof row), s))
			return 1;
	return 0;
}
