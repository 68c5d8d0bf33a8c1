/* mode-preview.c: a popup showing what the selected reference points to (a footnote, a
 * citing paragraph) without moving; Enter follows it, any other key closes it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "view/clip.h"
#include "view/draw.h"
#include "view/pane.h"
#include "view/view.h"

static const struct binding preview_keys[] = {
	{ VK_ENTER, ACT_FOLLOW, "Follow the reference, closing the popup" },
	{ VK_ESC, ACT_CLOSE, "Close (so does any other key)" }, { 'q', ACT_CLOSE, NULL },
	{ 0, ACT_NONE, NULL }
};

/* Lays out the paragraph shown at the popup's width, with a footnote's "cited in" line as
 * the pane has it. */
static void build(struct view *v)
{
	dpara_free(v->preview);
	v->preview = NULL;
	if (v->preview_para < 0 || (size_t)v->preview_para >= v->res->npara)
		return;
	int w = v->geom.cols - 4;
	if (w > 72)
		w = 72;
	if (w < 10)
		w = 10;
	v->preview_w = w;
	struct dpara_opts o = { .width = w - 2, .gutter = 0, .utf8 = v->utf8 };
	const struct para *m = &v->res->paras[v->preview_para];
	if (m->kind == PARA_FOOTNOTE && m->num) {
		int fn = atoi(m->num);
		size_t lo = 0;
		while (lo < v->ncite && v->cite_fn[lo] < fn)
			lo++;
		size_t hi = lo;
		while (hi < v->ncite && v->cite_fn[hi] == fn)
			hi++;
		o.citers = hi > lo ? &v->cite_para[lo] : NULL;
		o.nciters = (int)(hi - lo);
	}
	v->preview = dpara_build(v->res, v->preview_para, &o);
	if (!v->preview) {
		view_message(v, 1, "out of memory");
		view_pop(v);
	}
}

void mode_preview_open(struct view *v)
{
	int li = view_selected_link(v, v->focus);
	if (li < 0) {
		char r[16];
		view_message(v, 1, "no reference here to preview (%s steps through references)",
		             view_key_for(v, MODE_READ, ACT_REF_NEXT, "r", r, sizeof r));
		return;
	}
	struct pane *p = &v->pane[v->focus];
	const struct dpara *d = pane_dpara(v, v->focus, p->cur);
	struct dlink l = d->links[li];
	int para = d->para, target = -1;
	if (l.kind == LINK_FOOTNOTE) {
		target = res_find_footnote(v->res, l.target);
		snprintf(v->preview_title, sizeof v->preview_title, "Footnote %d", l.target);
	} else if (l.kind == LINK_BACKREF) {
		target = l.target;
		const char *lab = res_label(v->res, target);
		clip_text(lab ? lab : "", 64, 40, v->utf8, 1, v->preview_title, sizeof v->preview_title);
	} else {
		const struct ref *r = &v->res->paras[para].refs[l.target];
		char t[80], k[16];
		clip_text(r->target ? r->target : "?", 200, 60, v->utf8, 1, t, sizeof t);
		view_message(v, 0, "%s %s: %s lists the paragraphs citing it",
		             r->kind == REF_RESOLUTION ? "resolution" : "document", t,
		             view_key_for(v, MODE_READ, ACT_FOLLOW, "Enter", k, sizeof k));
		return;
	}
	if (target < 0) {
		view_message(v, 1, "footnote %d is not in this document", l.target);
		return;
	}
	v->preview_para = target;
	view_push(v, MODE_PREVIEW);
	build(v);
}

static int preview_action(struct view *v, enum action a)
{
	switch (a) {
	case ACT_FOLLOW:
		view_pop(v);
		view_action(v, ACT_FOLLOW);
		return 1;
	case ACT_CLOSE:
		view_pop(v);
		return 1;
	default:
		return 0;
	}
}

static void preview_draw(const struct view *v, struct canvas *c)
{
	const struct dpara *d = v->preview;
	if (!d)
		return;
	int w = v->preview_w, rows = v->geom.rows, cols = v->geom.cols;
	if (w > cols)
		w = cols;
	int h = d->nlines + 2;
	if (h > rows - 2)
		h = rows - 2;
	if (h < 3 || w < 4)
		return;
	int y0 = (rows - 1 - h) / 2, x0 = (cols - w) / 2;
	draw_box(c, v->utf8, y0, x0, h, w, v->preview_title);
	for (int i = 0; i < d->nlines && i < h - 2; i++)
		draw_dpara_line(c, y0 + 1 + i, x0 + 1, w - 2, d, i, -1, 0, 0);
}

static void preview_leave(struct view *v)
{
	dpara_free(v->preview);
	v->preview = NULL;
	v->preview_para = -1;
}

const struct mode_ops mode_preview_ops = {
	.name = "preview",
	.title = "A reference's popup",
	.flags = MODE_OVERLAY,
	.keys = preview_keys,
	.action = preview_action,
	.key = view_pop_key,
	.draw = preview_draw,
	.resize = build,
	.leave = preview_leave,
};
