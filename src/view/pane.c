/* pane.c: a pane's scroll position and current paragraph. Every function here walks at most
 * a screenful of lines, laying out only the paragraphs it passes (through the cache). */
#include "config.h"

#include <stdlib.h>

#include "view/pane.h"

/* The paragraphs citing footnote number fn, from the index built when the document opened. */
static const int *citers_of(const struct view *v, int fn, int *n)
{
	size_t lo = 0, hi = v->ncite;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v->cite_fn[mid] < fn)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < v->ncite && v->cite_fn[end] == fn)
		end++;
	*n = (int)(end - lo);
	return end > lo ? &v->cite_para[lo] : NULL;
}

struct dpara *pane_dpara(const struct view *v, int pi, size_t pos)
{
	const struct pane *p = &v->pane[pi];
	if (pos >= p->n)
		return NULL;
	int para = p->paras[pos];
	int width = p->width > 0 ? p->width : 1;
	struct dpara *d = dcache_get(v->cache, para, width, v->gen);
	if (d)
		return d;
	const struct para *m = &v->res->paras[para];
	struct dpara_opts o = {
		.width = width,
		.gutter = p->gutter,
		.utf8 = v->utf8,
		.pat = v->find.active ? &v->find.pat : NULL,
	};
	if (m->kind == PARA_FOOTNOTE && m->num)
		o.citers = citers_of(v, atoi(m->num), &o.nciters);
	if (v->spans)
		o.nspans = v->spans(v->spans_ctx, para, &o.spans);
	d = dpara_build(v->res, para, &o);
	if (!d) {
		v->cache->oom = 1;   /* the pane would stay empty: the reader reports it (issue 18) */
		return NULL;
	}
	v->cache->builds++;
	dcache_put(v->cache, d, width, v->gen);
	return d;
}

int pane_nlines(const struct view *v, int pi, size_t pos)
{
	struct dpara *d = pane_dpara(v, pi, pos);
	return d && d->nlines > 0 ? d->nlines : 1;
}

int pane_advance(const struct view *v, int pi, size_t *pos, int *line, int delta)
{
	const struct pane *p = &v->pane[pi];
	int moved = 0;
	if (p->n == 0)
		return 0;
	while (delta > 0) {
		if (*line + 1 < pane_nlines(v, pi, *pos))
			(*line)++;
		else if (*pos + 1 < p->n) {
			(*pos)++;
			*line = 0;
		} else
			break;
		delta--;
		moved++;
	}
	while (delta < 0) {
		if (*line > 0)
			(*line)--;
		else if (*pos > 0) {
			(*pos)--;
			*line = pane_nlines(v, pi, *pos) - 1;
		} else
			break;
		delta++;
		moved--;
	}
	return moved;
}

static int cmp_place(size_t pa, int la, size_t pb, int lb)
{
	if (pa != pb)
		return pa < pb ? -1 : 1;
	return la < lb ? -1 : la > lb;
}

/* The lowest the top may go: the last line at the bottom row. */
static void max_top(const struct view *v, int pi, size_t *pos, int *line)
{
	const struct pane *p = &v->pane[pi];
	*pos = p->n ? p->n - 1 : 0;
	*line = p->n ? pane_nlines(v, pi, *pos) - 1 : 0;
	pane_advance(v, pi, pos, line, -(p->height > 1 ? p->height - 1 : 0));
}

void pane_clamp(struct view *v, int pi)
{
	struct pane *p = &v->pane[pi];
	if (p->n == 0) {
		p->top = p->cur = 0;
		p->top_line = 0;
		return;
	}
	if (p->cur >= p->n)
		p->cur = p->n - 1;
	/* The very top is always in range: no need to lay out the pane's last screen (which
	 * would cost the first paint of a long pane). */
	if (p->top == 0 && p->top_line == 0)
		return;
	if (p->top >= p->n) {
		p->top = p->n - 1;
		p->top_line = 0;
	}
	if (p->top_line >= pane_nlines(v, pi, p->top))
		p->top_line = pane_nlines(v, pi, p->top) - 1;
	size_t mp;
	int ml;
	max_top(v, pi, &mp, &ml);
	if (cmp_place(p->top, p->top_line, mp, ml) > 0) {
		p->top = mp;
		p->top_line = ml;
	}
}

int pane_row_of(const struct view *v, int pi, size_t pos, int line)
{
	const struct pane *p = &v->pane[pi];
	if (cmp_place(pos, line, p->top, p->top_line) < 0)
		return -1;
	size_t q = p->top;
	int l = p->top_line;
	for (int row = 0; row < p->height; row++) {
		if (q == pos && l == line)
			return row;
		if (pane_advance(v, pi, &q, &l, 1) == 0)
			break;
	}
	return -1;
}

/* After scrolling: when the current paragraph's first line left the screen, the current one
 * becomes the first (scrolling down) or last (scrolling up) paragraph starting on screen. */
static void keep_current(struct view *v, int pi)
{
	struct pane *p = &v->pane[pi];
	if (p->n == 0 || pane_row_of(v, pi, p->cur, 0) >= 0)
		return;
	int above = cmp_place(p->cur, 0, p->top, p->top_line) < 0;
	size_t q = p->top, first = p->n, last = p->n;
	int l = p->top_line;
	for (int row = 0; row < p->height; row++) {
		if (l == 0) {
			if (first == p->n)
				first = q;
			last = q;
		}
		if (pane_advance(v, pi, &q, &l, 1) == 0)
			break;
	}
	size_t want = above ? first : last;
	p->cur = want < p->n ? want : p->top;
	p->sel = -1;
}

void pane_scroll(struct view *v, int pi, int delta)
{
	struct pane *p = &v->pane[pi];
	if (p->n == 0)
		return;
	pane_advance(v, pi, &p->top, &p->top_line, delta);
	pane_clamp(v, pi);
	keep_current(v, pi);
}

void pane_show(struct view *v, int pi, size_t pos, int line)
{
	struct pane *p = &v->pane[pi];
	if (pos >= p->n)
		return;
	if (p->cur != pos)
		p->sel = -1;
	p->cur = pos;
	/* Stay when the paragraph shows whole (or from its first line at the top) with the
	 * wanted line: a jump should not move what is already in view. */
	int r0 = pane_row_of(v, pi, pos, 0);
	int whole = pane_row_of(v, pi, pos, pane_nlines(v, pi, pos) - 1) >= 0 || r0 == 0;
	if (r0 >= 0 && whole && pane_row_of(v, pi, pos, line) >= 0)
		return;
	p->top = pos;
	p->top_line = 0;
	if (line >= p->height && p->height > 0) {
		p->top_line = line - p->height / 3;
	}
	pane_clamp(v, pi);
}

void pane_reveal(struct view *v, int pi, size_t pos)
{
	struct pane *p = &v->pane[pi];
	if (pos >= p->n)
		return;
	if (p->cur != pos)
		p->sel = -1;
	p->cur = pos;
	int nl = pane_nlines(v, pi, pos);
	int row = pane_row_of(v, pi, pos, 0);
	if (row >= 0 && (row + nl <= p->height || row == 0))
		return;
	if (cmp_place(pos, 0, p->top, p->top_line) < 0 || nl >= p->height) {
		p->top = pos;
		p->top_line = 0;
	} else {
		/* Bottom-align: the whole paragraph shows, the scroll moves the least. */
		size_t q = pos;
		int l = nl - 1;
		pane_advance(v, pi, &q, &l, -(p->height - 1));
		p->top = q;
		p->top_line = l;
	}
	pane_clamp(v, pi);
}
