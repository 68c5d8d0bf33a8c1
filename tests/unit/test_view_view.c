/* test_view_view.c: the reader driven by keys without a terminal: panes, jumps to references,
 * history, search, commands, outline, help, mouse, and the cost of a key. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/wrap.h"
#include "view/pane.h"
#include "view/view.h"
#include "view/vlist.h"
#include "view_fixture.h"

struct fx {
	struct collection *col;
	struct view v;
};

static struct fx *open_fx(int nop, int words, int cols, int rows)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	struct resolution *r = fx_resolution(nop, words);
	f->col = fx_collection(&r, 1);
	assert_int_equal(view_open(&f->v, f->col, 0, 1), 0);
	view_resize(&f->v, cols, rows);
	return f;
}

static void close_fx(struct fx *f)
{
	view_close(&f->v);
	collection_free(f->col);
	free(f);
}

static void type(struct view *v, const char *s)
{
	for (const char *p = s; *p; p++)
		view_key(v, *p == '\n' ? VK_ENTER : *p);
}

static int cur_para(struct view *v, int pane)
{
	return v->pane[pane].paras[v->pane[pane].cur];
}

static const char *title(struct view *v, int pane)
{
	static char buf[256];
	view_title(v, pane, buf, sizeof buf);
	return buf;
}

static void opens_three_panes(void **state)
{
	(void)state;
	struct fx *f = open_fx(12, 10, 100, 30);
	struct view *v = &f->v;
	assert_int_equal(v->geom.mode, GEOM_STACKED);
	assert_int_equal(v->pane[PANE_PREAMBLE].n, 3);
	assert_int_equal(v->pane[PANE_FOOTNOTES].n, 16);
	assert_int_equal(v->pane[PANE_OPERATIVE].ntop, 12);
	assert_int_equal(v->focus, PANE_OPERATIVE);
	assert_string_equal(title(v, PANE_OPERATIVE), "Operative \u00b7 OP 1 of 12");
	assert_string_equal(title(v, PANE_PREAMBLE), "Preamble \u00b7 PP 1 of 3");
	assert_string_equal(title(v, PANE_FOOTNOTES), "Footnotes \u00b7 1 of 16");
	char left[256], right[256];
	view_status(v, 100, left, sizeof left, right, sizeof right);
	assert_string_equal(left, "A/RES/99/1 \u00b7 Protection of testers");
	assert_string_equal(right, "? help");
	view_resize(v, 160, 40);
	assert_int_equal(v->geom.mode, GEOM_WIDE);
	view_key(v, 'z');
	assert_int_equal(v->geom.mode, GEOM_ZOOMED);
	assert_int_equal(v->pane[PANE_OPERATIVE].height, 38);
	view_key(v, VK_TAB);
	assert_int_equal(v->focus, PANE_FOOTNOTES);
	assert_true(v->geom.pane[PANE_FOOTNOTES].h > 0);
	assert_int_equal(v->geom.pane[PANE_OPERATIVE].h, 0);
	view_key(v, 'z');
	assert_int_equal(v->geom.mode, GEOM_WIDE);
	view_key(v, VK_BTAB);
	assert_int_equal(v->focus, PANE_OPERATIVE);
	view_key(v, '1');
	assert_int_equal(v->focus, PANE_PREAMBLE);
	close_fx(f);
}

static void op10_enter_footnote_and_back(void **state)
{
	(void)state;
	struct fx *f = open_fx(30, 25, 100, 30);
	struct view *v = &f->v;
	const struct resolution *res = v->res;
	type(v, ":op 10\n");
	assert_int_equal(view_top(v), MODE_READ);
	assert_int_equal(cur_para(v, PANE_OPERATIVE), res_find(res, "op10"));
	assert_string_equal(title(v, PANE_OPERATIVE), "Operative \u00b7 OP 10 of 30");
	assert_true(pane_row_of(v, PANE_OPERATIVE, v->pane[PANE_OPERATIVE].cur, 0) >= 0);
	view_key(v, VK_ENTER);
	assert_int_equal(v->focus, PANE_FOOTNOTES);
	assert_int_equal(cur_para(v, PANE_FOOTNOTES), res_find(res, "fn16"));
	assert_true(pane_row_of(v, PANE_FOOTNOTES, v->pane[PANE_FOOTNOTES].cur, 0) >= 0);
	assert_string_equal(title(v, PANE_FOOTNOTES), "Footnotes \u00b7 16 of 16");
	/* The footnote's back-reference is its first link: Enter returns to OP 10 with the
	 * marker selected. */
	view_key(v, VK_ENTER);
	assert_int_equal(v->focus, PANE_OPERATIVE);
	assert_int_equal(cur_para(v, PANE_OPERATIVE), res_find(res, "op10"));
	int sel = view_selected_link(v, PANE_OPERATIVE);
	struct dpara *d = pane_dpara(v, PANE_OPERATIVE, v->pane[PANE_OPERATIVE].cur);
	assert_int_equal(d->links[sel].kind, LINK_FOOTNOTE);
	/* Back twice: the footnote, then OP 10 as it was. */
	view_key(v, VK_BACKSPACE);
	assert_int_equal(v->focus, PANE_FOOTNOTES);
	view_key(v, VK_BACKSPACE);
	assert_int_equal(v->focus, PANE_OPERATIVE);
	assert_int_equal(cur_para(v, PANE_OPERATIVE), res_find(res, "op10"));
	view_key(v, VK_BACKSPACE);
	assert_int_equal(cur_para(v, PANE_OPERATIVE), res_find(res, "op1"));
	view_key(v, VK_BACKSPACE);
	assert_int_equal(v->msg_error, 1);
	view_key(v, 'L');
	assert_int_equal(cur_para(v, PANE_OPERATIVE), res_find(res, "op10"));
	view_key(v, 'L');
	assert_int_equal(v->focus, PANE_FOOTNOTES);
	close_fx(f);
}

static void preview_and_refs(void **state)
{
	(void)state;
	struct fx *f = open_fx(12, 10, 100, 30);
	struct view *v = &f->v;
	const struct resolution *res = v->res;
	type(v, ":op 10\n");
	view_key(v, 'p');
	assert_int_equal(view_top(v), MODE_PREVIEW);
	assert_int_equal(v->preview_para, res_find(res, "fn16"));
	assert_non_null(v->preview);
	assert_non_null(strstr(v->preview->text, "Treaty Series, vol. 596"));
	assert_int_equal(v->focus, PANE_OPERATIVE);         /* did not move */
	view_key(v, 'q');
	assert_int_equal(view_top(v), MODE_READ);
	assert_int_equal(v->quit, 0);
	/* A cited document lists who cites it. */
	type(v, ":pp 1\n");
	view_key(v, 'r');
	assert_int_equal(v->pane[PANE_PREAMBLE].sel, 0);
	view_key(v, VK_ENTER);
	assert_int_equal(view_top(v), MODE_LIST);
	assert_int_equal(v->list.n, 2);
	assert_non_null(strstr(v->list.title, "57/218"));
	view_key(v, 'j');
	view_key(v, VK_ENTER);
	assert_int_equal(view_top(v), MODE_READ);
	assert_int_equal(cur_para(v, PANE_OPERATIVE), res_find(res, "op2"));
	/* No references: a message, nothing moves. */
	type(v, ":op 4\n");
	view_key(v, 'r');
	assert_int_equal(v->msg_error, 1);
	assert_non_null(strstr(v->msg, "no references in OP 4"));
	close_fx(f);
}

static void search_all_panes(void **state)
{
	(void)state;
	struct fx *f = open_fx(12, 10, 100, 30);
	struct view *v = &f->v;
	const struct resolution *res = v->res;
	type(v, "/migrant children\n");
	assert_int_equal(v->focus, PANE_PREAMBLE);
	assert_int_equal(cur_para(v, PANE_PREAMBLE), res_find(res, "pp3"));
	assert_non_null(strstr(v->msg, "1 of 1"));
	assert_non_null(strstr(v->msg, "BOTTOM"));
	size_t s, e;
	assert_int_equal(view_current_match(v, res_find(res, "pp3"), &s, &e), 0);
	assert_int_equal(e - s, strlen("migrant children"));
	view_key(v, 'n');
	assert_non_null(strstr(v->msg, "1 of 1"));
	/* Smart case: "Convention" only with a capital C. */
	type(v, "/Convention\n");
	assert_true(v->find.active);
	size_t total = v->find.prefix[res->npara];
	type(v, "/convention\n");
	assert_true(v->find.prefix[res->npara] >= total);
	/* n walks forward, N back, with the count. */
	type(v, "/migrant\n");
	char first[256];
	snprintf(first, sizeof first, "%s", v->msg);
	view_key(v, 'n');
	view_key(v, 'N');
	assert_string_equal(v->msg, first);
	type(v, "/zzzzqqq\n");
	assert_int_equal(v->msg_error, 1);
	assert_non_null(strstr(v->msg, "not found"));
	/* Backward search with \ */
	type(v, ":op 12\n");
	type(v, "\\Paragraph\n");
	assert_true(v->find.active);
	assert_true(cur_para(v, v->focus) < res_find(res, "op12"));
	close_fx(f);
}

static void commands_outline_help(void **state)
{
	(void)state;
	struct fx *f = open_fx(12, 10, 60, 20);
	struct view *v = &f->v;
	const struct resolution *res = v->res;
	type(v, ":op 99\n");
	assert_int_equal(v->msg_error, 1);
	assert_non_null(strstr(v->msg, "no OP 99"));
	type(v, ":op 3.b.ii\n");
	assert_int_equal(cur_para(v, PANE_OPERATIVE), res_find(res, "op3.b.ii"));
	type(v, ":annex 1\n");
	assert_int_equal(cur_para(v, PANE_OPERATIVE), res_find(res, "annex1"));
	type(v, ":fn 16\n");
	assert_int_equal(v->focus, PANE_FOOTNOTES);
	/* Completion: common prefix then cycling. */
	type(v, ":op 1");
	view_key(v, VK_TAB);
	assert_non_null(strstr(v->msg, "4:"));
	view_key(v, VK_TAB);
	assert_string_equal(v->edit.buf, "op 1");
	view_key(v, VK_TAB);
	assert_string_equal(v->edit.buf, "op 10");
	view_key(v, VK_ENTER);
	assert_int_equal(cur_para(v, PANE_OPERATIVE), res_find(res, "op10"));
	type(v, ":an");
	view_key(v, VK_TAB);
	assert_string_equal(v->edit.buf, "annex ");
	view_key(v, VK_ESC);
	assert_int_equal(view_top(v), MODE_READ);
	/* Outline: Enter goes to the chosen paragraph. */
	view_key(v, 'o');
	assert_int_equal(view_top(v), MODE_LIST);
	assert_int_equal(v->list.n, res->npara);
	assert_int_equal(vlist_para(v, v->list.cur), res_find(res, "op10"));
	view_key(v, 'g');
	view_key(v, 'j');
	char line[256];
	view_list_line(v, 1, 50, line, sizeof line);
	assert_non_null(strstr(line, "PP 2"));
	assert_true(text_width(line, strlen(line)) <= 50);
	view_key(v, VK_ENTER);
	assert_int_equal(v->focus, PANE_PREAMBLE);
	assert_int_equal(cur_para(v, PANE_PREAMBLE), res_find(res, "pp2"));
	view_key(v, '?');
	assert_int_equal(view_top(v), MODE_HELP);
	/* The help is wrapped to the screen, whatever its width. */
	for (int cols = 20; cols <= 120; cols += 9) {
		view_resize(v, cols, 20);
		assert_true(v->nhelp >= v->nhelp_raw);
		for (size_t i = 0; i < v->nhelp; i++)
			assert_true(text_width(v->help[i], strlen(v->help[i])) <= cols - 2);
	}
	view_resize(v, 60, 20);
	view_key(v, 'j');
	assert_int_equal(v->help_top, 1);
	view_key(v, 'q');
	assert_int_equal(view_top(v), MODE_READ);
	assert_int_equal(v->quit, 0);
	type(v, ":q\n");
	assert_int_equal(v->quit, 1);
	close_fx(f);
}

/* Scrolling keeps the current paragraph on screen; ] and [ move it; g and G go to the ends. */
static void scrolling(void **state)
{
	(void)state;
	struct fx *f = open_fx(60, 40, 60, 20);
	struct view *v = &f->v;
	struct pane *p = &v->pane[PANE_OPERATIVE];
	for (int i = 0; i < 25; i++)
		view_key(v, 'j');
	assert_true(p->top > 0 || p->top_line > 0);
	assert_true(pane_row_of(v, PANE_OPERATIVE, p->cur, 0) >= 0);
	view_key(v, ' ');
	assert_true(pane_row_of(v, PANE_OPERATIVE, p->cur, 0) >= 0 ||
	            pane_row_of(v, PANE_OPERATIVE, p->cur, p->top_line) >= 0);
	size_t before = p->cur;
	view_key(v, ']');
	assert_int_equal(p->cur, before + 1);
	assert_true(pane_row_of(v, PANE_OPERATIVE, p->cur, 0) >= 0);
	view_key(v, '[');
	assert_int_equal(p->cur, before);
	view_key(v, 'G');
	assert_int_equal(p->cur, p->n - 1);
	/* The last line is on the bottom row. */
	size_t pos = p->n - 1;
	int last = pane_nlines(v, PANE_OPERATIVE, pos) - 1;
	assert_int_equal(pane_row_of(v, PANE_OPERATIVE, pos, last), p->height - 1);
	view_key(v, 'j');
	assert_int_equal(pane_row_of(v, PANE_OPERATIVE, pos, last), p->height - 1);
	view_key(v, 'g');
	assert_int_equal(p->cur, 0);
	assert_int_equal(p->top, 0);
	assert_int_equal(p->top_line, 0);
	view_key(v, 'k');
	assert_int_equal(p->top, 0);
	view_key(v, VK_CTRL('d'));
	assert_true(p->top > 0 || p->top_line > 0);
	view_key(v, VK_CTRL('u'));
	assert_int_equal(p->top_line, 0);
	assert_int_equal(p->top, 0);
	close_fx(f);
}

/* A key costs layouts in proportion to the screen, not to the document. */
static void cost_of_a_key(void **state)
{
	(void)state;
	struct fx *f = open_fx(20000, 30, 100, 30);
	struct view *v = &f->v;
	unsigned long start = v->cache->builds;
	assert_true(start < 200);
	v->cache->builds = 0;
	view_key(v, 'G');
	assert_true(v->cache->builds < 100);
	v->cache->builds = 0;
	type(v, ":op 12345\n");
	assert_true(v->cache->builds < 100);
	v->cache->builds = 0;
	for (int i = 0; i < 50; i++)
		view_key(v, 'j');
	assert_true(v->cache->builds < 100);
	v->cache->builds = 0;
	for (int i = 0; i < 50; i++)
		view_key(v, VK_PGDN);
	/* 50 pages of at least 2 lines each: at most a page of new paragraphs per key. */
	assert_true(v->cache->builds < 50 * 30);
	close_fx(f);
}

/* Whatever the size, every visible line fits its pane. */
static void lines_fit_every_size(void **state)
{
	(void)state;
	struct fx *f = open_fx(15, 12, 100, 30);
	struct view *v = &f->v;
	type(v, ":op 3\n");
	for (int cols = 20; cols <= 170; cols += 7) {
		for (int rows = 4; rows <= 50; rows += 5) {
			view_resize(v, cols, rows);
			if (v->geom.mode == GEOM_TOO_SMALL)
				continue;
			for (int pi = 0; pi < VIEW_NPANES; pi++) {
				struct pane *p = &v->pane[pi];
				const struct rect *r = &v->geom.pane[pi];
				if (r->h == 0 || p->n == 0)
					continue;
				assert_int_equal(p->width, r->w);
				assert_int_equal(p->height, r->h - 1);
				size_t pos = p->top;
				int line = p->top_line;
				for (int row = 0; row < p->height; row++) {
					struct dpara *d = pane_dpara(v, pi, pos);
					const struct wrap_line *l = &d->lines[line];
					int w = text_width(d->text + l->start, l->end - l->start);
					assert_true(p->gutter + d->indent + w <= r->w);
					if (pane_advance(v, pi, &pos, &line, 1) == 0)
						break;
				}
			}
		}
	}
	view_resize(v, 10, 3);
	assert_int_equal(v->geom.mode, GEOM_TOO_SMALL);
	close_fx(f);
}

static void mouse(void **state)
{
	(void)state;
	struct fx *f = open_fx(12, 10, 100, 30);
	struct view *v = &f->v;
	const struct resolution *res = v->res;
	/* Click the footnote pane's title: focus only. */
	view_click(v, v->geom.pane[PANE_FOOTNOTES].y, 5);
	assert_int_equal(v->focus, PANE_FOOTNOTES);
	/* Click on the marker of OP 10: follows it. */
	type(v, ":op 10\n");
	struct pane *p = &v->pane[PANE_OPERATIVE];
	int row = pane_row_of(v, PANE_OPERATIVE, p->cur, 0);
	assert_true(row >= 0);
	struct dpara *d = pane_dpara(v, PANE_OPERATIVE, p->cur);
	int line = dpara_line_of(d, d->links[0].start);
	int col = text_width(d->text + d->lines[line].start, d->links[0].start - d->lines[line].start);
	int y = v->geom.pane[PANE_OPERATIVE].y + 1 + row + line;
	int x = v->geom.pane[PANE_OPERATIVE].x + p->gutter + d->indent + col;
	view_click(v, y, x);
	assert_int_equal(v->focus, PANE_FOOTNOTES);
	assert_int_equal(cur_para(v, PANE_FOOTNOTES), res_find(res, "fn16"));
	/* The wheel scrolls the pane under the pointer without moving the focus. */
	struct pane *pre = &v->pane[PANE_OPERATIVE];
	view_key(v, VK_BACKSPACE);
	view_key(v, '3');
	size_t top = pre->top;
	int tl = pre->top_line;
	view_wheel(v, v->geom.pane[PANE_OPERATIVE].y + 2, 3, -3);
	assert_true(pre->top != top || pre->top_line != tl);
	assert_int_equal(v->focus, PANE_FOOTNOTES);
	close_fx(f);
}

static void several_documents(void **state)
{
	(void)state;
	struct resolution *docs[2] = { fx_resolution(12, 5), fx_resolution(4, 5) };
	free(docs[1]->meta.number);
	docs[1]->meta.number = strdup("99/2");
	int uniq = fx_add(docs[1], PARA_OPERATIVE, "op5", "OP 5", "5", "Ends with zyxwvutsrq.", -1, 0);
	struct collection *col = fx_collection(docs, 2);
	struct view v;
	assert_int_equal(view_open(&v, col, 0, 0), 0);
	view_resize(&v, 80, 24);
	/* A search crosses into the next document of a compilation, and back comes back. */
	type(&v, "/zyxwvutsrq\n");
	assert_int_equal(v.doc, 1);
	assert_int_equal(cur_para(&v, PANE_OPERATIVE), uniq);
	assert_non_null(strstr(v.msg, "1 of 1"));
	size_t s, e;
	assert_int_equal(view_current_match(&v, uniq, &s, &e), 0);
	view_key(&v, VK_BACKSPACE);
	assert_int_equal(v.doc, 0);
	/* Matches in both documents: n walks through them in order, wrapping. */
	type(&v, "/Paragraph 1\n");
	size_t total = v.find.doc_base[2];
	assert_true(total > v.find.doc_base[1]);
	for (size_t i = 0; i < total; i++)
		view_key(&v, 'n');
	assert_int_equal(v.doc, 0);
	view_key(&v, VK_ESC);
	assert_false(v.find.active);
	/* ":res" alone lists the documents; Enter opens one (into the history). */
	type(&v, ":res\n");
	assert_int_equal(view_top(&v), MODE_LIST);
	assert_int_equal(v.list.n, 2);
	assert_int_equal(v.list.cur, 0);
	char row[128];
	view_list_line(&v, 1, 60, row, sizeof row);
	assert_non_null(strstr(row, "Protection of testers"));
	view_key(&v, 'j');
	view_key(&v, VK_ENTER);
	assert_int_equal(view_top(&v), MODE_READ);
	assert_int_equal(v.doc, 1);
	view_key(&v, VK_BACKSPACE);
	assert_int_equal(v.doc, 0);
	type(&v, ":res 99/2\n");
	assert_int_equal(v.doc, 1);
	assert_int_equal(v.pane[PANE_OPERATIVE].ntop, 5);
	char t[128];
	view_title(&v, PANE_OPERATIVE, t, sizeof t);
	assert_string_equal(t, "Operative - OP 1 of 5");
	view_key(&v, VK_BACKSPACE);
	assert_int_equal(v.doc, 0);
	assert_int_equal(v.pane[PANE_OPERATIVE].ntop, 12);
	view_close(&v);
	collection_free(col);
}

static void empty_document(void **state)
{
	(void)state;
	struct resolution *r = res_new();
	struct collection *col = fx_collection(&r, 1);
	struct view v;
	assert_int_equal(view_open(&v, col, 0, 1), 0);
	view_resize(&v, 80, 24);
	const char *keys = "jkGg][rRpnN\n\x7fzo";
	for (const char *k = keys; *k; k++)
		view_key(&v, *k);
	view_key(&v, VK_ESC);
	type(&v, "/x\n:op 1\n");
	char t[128];
	view_title(&v, PANE_OPERATIVE, t, sizeof t);
	assert_non_null(strstr(t, "none"));
	view_close(&v);
	collection_free(col);
}

/* A model with every field wrong (as a buggy parser might give): nothing crashes, every line
 * still fits its pane, and no control character reaches the screen's text. */
static void hostile_model(void **state)
{
	(void)state;
	struct resolution *r = res_new();
	int a = fx_add(r, PARA_PREAMBLE, NULL, NULL, NULL, "\x1b]0;owned\x07 lead", 7, 1000000000);
	r->paras[a].lead_len = 1000;
	r->paras[a].text_len = 100000;              /* longer than the text */
	fx_mark(r, a, 99999, -5);
	fx_mark(r, a, 2, 2147483647);
	int b = fx_add(r, PARA_SUB, "op1.a", "\x1b[2J", "\x1b[31m", "sub", a, 2000000000);
	r->paras[b].refs = calloc(1, sizeof *r->paras[b].refs);
	r->paras[b].refs[0] = (struct ref){ REF_RESOLUTION, NULL, 2, (size_t)-1 };
	r->paras[b].nrefs = 1;
	int c = fx_add(r, PARA_FOOTNOTE, "fn1", "Footnote 1", "x\x1b", "note", -7, -3);
	(void)c;
	fx_add(r, (enum para_kind)42, "odd", NULL, NULL, "", -1, 0);
	struct collection *col = fx_collection(&r, 1);
	struct view v;
	assert_int_equal(view_open(&v, col, 0, 1), 0);
	for (int cols = 20; cols <= 140; cols += 40) {
		view_resize(&v, cols, 24);
		const char *keys = "jGgrRp\nq]r\n[\x7fLozjj\nq";
		for (const char *k = keys; *k; k++)
			view_key(&v, *k == '\n' ? VK_ENTER : *k == '\x7f' ? VK_BACKSPACE : *k);
		type(&v, "/owned\n:op 1.a\n:fn 1\n");
		for (int pi = 0; pi < VIEW_NPANES; pi++) {
			struct pane *p = &v.pane[pi];
			char t[256];
			view_title(&v, pi, t, sizeof t);
			assert_null(strchr(t, '\x1b'));
			for (size_t i = 0; i < p->n; i++) {
				struct dpara *d = pane_dpara(&v, pi, i);
				assert_non_null(d);
				for (size_t k = 0; k < d->len; k++)
					assert_true((unsigned char)d->text[k] >= 0x20);
				for (int l = 0; l < d->nlines; l++)
					assert_true(p->gutter + d->indent +
					            text_width(d->text + d->lines[l].start,
					                       d->lines[l].end - d->lines[l].start) <= p->width);
			}
		}
	}
	char left[256], right[256];
	view_status(&v, 100, left, sizeof left, right, sizeof right);
	assert_null(strchr(right, '\x1b'));
	view_close(&v);
	collection_free(col);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(opens_three_panes),
		cmocka_unit_test(op10_enter_footnote_and_back),
		cmocka_unit_test(preview_and_refs),
		cmocka_unit_test(search_all_panes),
		cmocka_unit_test(commands_outline_help),
		cmocka_unit_test(scrolling),
		cmocka_unit_test(cost_of_a_key),
		cmocka_unit_test(lines_fit_every_size),
		cmocka_unit_test(mouse),
		cmocka_unit_test(several_documents),
		cmocka_unit_test(empty_document),
		cmocka_unit_test(hostile_model),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
