/* swap.c: the whole file replaces its opening under the reader's feet (issue 7). The user
 * must not notice but for the status line: same document, pane, paragraph and scroll. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/find.h"
#include "view/pane.h"
#include "view/view.h"
#include "view/vlist.h"

/* Where one pane stands, by paragraph id (indexes may differ between the two parses). */
struct pane_place {
	char *cur, *top;
	int top_line, sel;
};

static char *dup_id(const struct resolution *res, const struct pane *p, size_t pos)
{
	if (!p->n || pos >= p->n)
		return NULL;
	const char *id = res->paras[p->paras[pos]].id;
	return id ? strdup(id) : NULL;
}

static int same_str(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* The document of col that is the one shown: same symbol at the same index, else the first
 * with that symbol, else the same index. */
static int match_doc(const struct collection *col, int doc, const struct resolution *res)
{
	const char *sym = res->meta.symbol;
	if ((size_t)doc < col->ndocs && (!sym || same_str(col->docs[doc]->meta.symbol, sym)))
		return doc;
	for (size_t i = 0; sym && i < col->ndocs; i++)
		if (same_str(col->docs[i]->meta.symbol, sym))
			return (int)i;
	return (size_t)doc < col->ndocs ? doc : 0;
}

/* Whether history places (document and paragraph indexes) mean the same in both: every
 * loaded document is the same one, with as many paragraphs, at the same index. */
static int same_indexes(const struct collection *a, const struct collection *b)
{
	if (a->ndocs > b->ndocs)
		return 0;
	for (size_t i = 0; i < a->ndocs; i++) {
		const struct resolution *x = a->docs[i], *y = b->docs[i];
		if (x->npara != y->npara || (x->meta.symbol && !same_str(x->meta.symbol, y->meta.symbol)))
			return 0;
	}
	return 1;
}

int view_swap_collection(struct view *v, struct collection *col)
{
	if (!col || col->ndocs == 0)
		return -1;
	struct pane_place pl[VIEW_NPANES];
	memset(pl, 0, sizeof pl);
	for (int i = 0; i < VIEW_NPANES; i++) {
		struct pane *p = &v->pane[i];
		pl[i].cur = dup_id(v->res, p, p->cur);
		pl[i].top = dup_id(v->res, p, p->top);
		pl[i].top_line = p->top_line;
		pl[i].sel = p->sel;
	}
	int focus = v->focus;
	int doc = match_doc(col, v->doc, v->res);
	int keep_history = doc == v->doc && same_indexes(v->col, col);
	/* Lists and popups hold paragraph indexes of the old documents (view_set_doc closes
	 * them); the notes' modes are never open during a swap (view_busy). */
	/* A search cannot have started (it waits for the whole file); forget any state anyway. */
	find_clear(&v->find);
	if (!keep_history)
		history_init(&v->hist);
	v->col = col;
	v->loading = 0;
	int r = view_set_doc(v, doc);
	if (r == 0) {
		v->focus = focus;
		for (int i = 0; i < VIEW_NPANES; i++) {
			struct pane *p = &v->pane[i];
			int cur = pl[i].cur ? res_find(v->res, pl[i].cur) : -1;
			int top = pl[i].top ? res_find(v->res, pl[i].top) : -1;
			if (cur >= 0 && v->pane_of[cur] == i) {
				p->cur = (size_t)v->pos_of[cur];
				p->sel = pl[i].sel;
			}
			if (top >= 0 && v->pane_of[top] == i) {
				p->top = (size_t)v->pos_of[top];
				p->top_line = pl[i].top_line;
			}
			pane_clamp(v, i);
		}
		if (!v->pane[focus].n)
			v->focus = v->pane[PANE_OPERATIVE].n ? PANE_OPERATIVE : v->focus;
		v->gen++;
		if (v->geom.cols > 0)
			view_resize(v, v->geom.cols, v->geom.rows);
	} else {
		view_set_doc(v, 0);
	}
	for (int i = 0; i < VIEW_NPANES; i++) {
		free(pl[i].cur);
		free(pl[i].top);
	}
	return r;
}
