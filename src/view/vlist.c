/* vlist.c: a list of paragraphs to choose from; Enter goes there (and into the history). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/clip.h"
#include "view/vlist.h"

int vlist_para(const struct view *v, size_t i)
{
	if (i >= v->list.n)
		return -1;
	return v->list.items ? v->list.items[i] : (int)i;
}

void vlist_close(struct view *v)
{
	free(v->list.items);
	v->list.items = NULL;
	v->list.n = 0;
	v->list.docs = 0;
}

void vlist_keep_visible(struct vlist *l)
{
	int h = l->height > 0 ? l->height : 1;
	if (l->cur < l->top)
		l->top = l->cur;
	else if (l->cur >= l->top + (size_t)h)
		l->top = l->cur - (size_t)h + 1;
}

/* A list replaces a list: the stack never holds two. */
static void reopen(struct view *v)
{
	while (view_in(v, MODE_LIST))
		view_pop(v);
	vlist_close(v);
}

void vlist_outline(struct view *v)
{
	reopen(v);
	char sym[80];
	clip_text(v->res->meta.symbol ? v->res->meta.symbol : "the document", 200, 60, v->utf8, 1,
	          sym, sizeof sym);
	snprintf(v->list.title, sizeof v->list.title, "Outline of %s", sym);
	v->list.n = v->res->npara;
	struct pane *p = &v->pane[v->focus];
	v->list.cur = p->n ? (size_t)p->paras[p->cur] : 0;
	v->list.top = v->list.cur > (size_t)v->list.height / 2 ? v->list.cur - (size_t)v->list.height / 2 : 0;
	vlist_keep_visible(&v->list);
	view_push(v, MODE_LIST);
}

void vlist_docs(struct view *v)
{
	reopen(v);
	size_t n = v->col ? v->col->ndocs : 0;
	snprintf(v->list.title, sizeof v->list.title,
	         "%zu resolution%s in this file", n, n == 1 ? "" : "s");
	v->list.docs = 1;
	v->list.n = n;
	v->list.cur = v->doc >= 0 ? (size_t)v->doc : 0;
	v->list.top = v->list.cur > (size_t)v->list.height / 2 ? v->list.cur - (size_t)v->list.height / 2 : 0;
	vlist_keep_visible(&v->list);
	view_push(v, MODE_LIST);
}

int vlist_cited(struct view *v, int para, int r)
{
	const struct resolution *res = v->res;
	const struct ref *ref = &res->paras[para].refs[r];
	int *items = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < res->npara; i++) {
		const struct para *p = &res->paras[i];
		for (size_t j = 0; j < p->nrefs; j++) {
			if (p->refs[j].kind != ref->kind || !p->refs[j].target || !ref->target ||
			    strcmp(p->refs[j].target, ref->target) != 0)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				int *ni = realloc(items, cap * sizeof *ni);
				if (!ni) {
					free(items);
					return -1;
				}
				items = ni;
			}
			items[n++] = (int)i;
			break;
		}
	}
	if (n == 0) {
		free(items);
		return 0;
	}
	reopen(v);
	char target[80];
	clip_text(ref->target ? ref->target : "?", 200, 60, v->utf8, 1, target, sizeof target);
	snprintf(v->list.title, sizeof v->list.title, "%s %s is cited in %zu paragraph%s",
	         ref->kind == REF_RESOLUTION ? "resolution" : "document", target, n, n == 1 ? "" : "s");
	v->list.items = items;
	v->list.n = n;
	v->list.cur = 0;
	v->list.top = 0;
	for (size_t i = 0; i < n; i++)
		if (items[i] == para)
			v->list.cur = i;
	vlist_keep_visible(&v->list);
	view_push(v, MODE_LIST);
	return (int)n;
}

void view_list_line(const struct view *v, size_t item, int cols, char *buf, size_t size)
{
	int para = vlist_para(v, item);
	buf[0] = '\0';
	if (para < 0 || cols <= 0)
		return;
	if (v->list.docs) {
		/* "A/RES/50/2      Peoples environment law" */
		const struct res_meta *m = &v->col->docs[para]->meta;
		char sym[80];
		int sw = clip_text(m->symbol ? m->symbol : "?", 200, 24, v->utf8, 1, sym, sizeof sym);
		int pad = sw < 20 ? 20 - sw : 0;
		char head[160];
		snprintf(head, sizeof head, "%s%*s ", sym, pad, "");
		int hw = sw + pad + 1;
		size_t hl = strlen(head);
		if (hw >= cols || hl + 1 > size) {
			clip_text(sym, strlen(sym), cols, v->utf8, 0, buf, size);
			return;
		}
		memcpy(buf, head, hl + 1);
		const char *t = m->title ? m->title : "";
		clip_text(t, strlen(t), cols - hw, v->utf8, 1, buf + hl, size - hl);
		return;
	}
	const struct para *p = &v->res->paras[para];
	char label[64];
	const char *l = res_label(v->res, para);
	int lw = clip_text(l ? l : "", 64, 24, v->utf8, 0, label, sizeof label);
	int indent = p->depth * 2;
	if (indent > cols / 3)
		indent = cols / 3;
	int pad = lw < 14 ? 14 - lw : 0;
	char head[160];
	snprintf(head, sizeof head, "%*s%s%*s ", indent, "", label, pad, "");
	int hw = indent + lw + pad + 1;
	if (hw >= cols) {
		clip_text(head, strlen(head), cols, v->utf8, 0, buf, size);
		return;
	}
	size_t hl = strlen(head);
	if (hl + 1 > size)
		return;
	memcpy(buf, head, hl + 1);
	const char *text = p->text && *p->text ? p->text : (p->label ? p->label : "");
	clip_text(text, strlen(text), cols - hw, v->utf8, 1, buf + hl, size - hl);
}
