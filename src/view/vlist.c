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
	v->mode = MODE_NORMAL;
}

static void keep_visible(struct vlist *l)
{
	int h = l->height > 0 ? l->height : 1;
	if (l->cur < l->top)
		l->top = l->cur;
	else if (l->cur >= l->top + (size_t)h)
		l->top = l->cur - (size_t)h + 1;
}

void vlist_outline(struct view *v)
{
	vlist_close(v);
	char sym[80];
	clip_text(v->res->meta.symbol ? v->res->meta.symbol : "the document", 200, 60, v->utf8, 1,
	          sym, sizeof sym);
	snprintf(v->list.title, sizeof v->list.title, "Outline of %s (Enter goes there, q closes)", sym);
	v->list.n = v->res->npara;
	struct pane *p = &v->pane[v->focus];
	v->list.cur = p->n ? (size_t)p->paras[p->cur] : 0;
	v->list.top = v->list.cur > (size_t)v->list.height / 2 ? v->list.cur - (size_t)v->list.height / 2 : 0;
	keep_visible(&v->list);
	v->mode = MODE_LIST;
}

void vlist_docs(struct view *v)
{
	vlist_close(v);
	size_t n = v->col ? v->col->ndocs : 0;
	snprintf(v->list.title, sizeof v->list.title,
	         "%zu resolution%s in this file (Enter opens, q closes)", n, n == 1 ? "" : "s");
	v->list.docs = 1;
	v->list.n = n;
	v->list.cur = v->doc >= 0 ? (size_t)v->doc : 0;
	v->list.top = v->list.cur > (size_t)v->list.height / 2 ? v->list.cur - (size_t)v->list.height / 2 : 0;
	keep_visible(&v->list);
	v->mode = MODE_LIST;
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
	vlist_close(v);
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
	keep_visible(&v->list);
	v->mode = MODE_LIST;
	return (int)n;
}

void vlist_key(struct view *v, int key)
{
	struct vlist *l = &v->list;
	size_t page = l->height > 1 ? (size_t)l->height - 1 : 1;
	if (l->n == 0) {
		vlist_close(v);
		return;
	}
	switch (keys_action(key)) {
	case ACT_LINE_DOWN:
	case ACT_PARA_NEXT:
		if (l->cur + 1 < l->n)
			l->cur++;
		break;
	case ACT_LINE_UP:
	case ACT_PARA_PREV:
		if (l->cur > 0)
			l->cur--;
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		l->cur = l->cur + page < l->n ? l->cur + page : l->n - 1;
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		l->cur = l->cur > page ? l->cur - page : 0;
		break;
	case ACT_FIRST:
		l->cur = 0;
		break;
	case ACT_LAST:
		l->cur = l->n - 1;
		break;
	case ACT_FOLLOW: {
		int para = vlist_para(v, l->cur);
		int docs = l->docs;
		vlist_close(v);
		if (docs && para != v->doc) {
			view_push_history(v);
			if (view_set_doc(v, para) < 0)
				view_message(v, 1, "out of memory");
		} else if (!docs && para >= 0) {
			view_goto_para(v, para);
		}
		return;
	}
	case ACT_QUIT:
	case ACT_OUTLINE:
	case ACT_BACK:
		vlist_close(v);
		return;
	default:
		if (key == VK_ESC)
			vlist_close(v);
		return;
	}
	keep_visible(l);
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
