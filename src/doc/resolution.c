/* resolution.c: allocation, lookup and labels of the document model. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/resolution.h"

struct resolution *res_new(void)
{
	return calloc(1, sizeof(struct resolution));
}

static void meta_free(struct res_meta *m)
{
	char **f[] = { &m->symbol, &m->organ, &m->number, &m->title, &m->adopted, &m->session,
	               &m->agenda_item, &m->report, &m->meeting, &m->distributed, &m->language,
	               &m->vote, &m->job };
	for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
		free(*f[i]);
		*f[i] = NULL;
	}
}

void res_free(struct resolution *res)
{
	if (!res)
		return;
	meta_free(&res->meta);
	for (size_t i = 0; i < res->npara; i++) {
		struct para *p = &res->paras[i];
		free(p->id);
		free(p->label);
		free(p->num);
		free(p->text);
		free(p->marks);
		for (size_t j = 0; j < p->nrefs; j++)
			free(p->refs[j].target);
		free(p->refs);
	}
	free(res->paras);
	for (size_t i = 0; i < res->nparts; i++) {
		free(res->parts[i].id);
		free(res->parts[i].label);
		free(res->parts[i].title);
	}
	free(res->parts);
	for (size_t i = 0; i < res->nannexes; i++) {
		free(res->annexes[i].id);
		free(res->annexes[i].label);
		free(res->annexes[i].title);
	}
	free(res->annexes);
	free(res);
}

void collection_free(struct collection *col)
{
	if (!col)
		return;
	for (size_t i = 0; i < col->ndocs; i++)
		res_free(col->docs[i]);
	free(col->docs);
	free(col);
}

int res_add_para(struct resolution *res, enum para_kind kind)
{
	if (res->npara == res->para_cap) {
		size_t cap = res->para_cap ? res->para_cap * 2 : 32;
		struct para *np = realloc(res->paras, cap * sizeof *np);
		if (!np)
			return -1;
		res->paras = np;
		res->para_cap = cap;
	}
	struct para *p = &res->paras[res->npara];
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->parent = -1;
	p->part = -1;
	p->annex = -1;
	return (int)res->npara++;
}

int res_find(const struct resolution *res, const char *id)
{
	if (!id)
		return -1;
	for (size_t i = 0; i < res->npara; i++)
		if (res->paras[i].id && strcmp(res->paras[i].id, id) == 0)
			return (int)i;
	return -1;
}

int res_find_footnote(const struct resolution *res, int num)
{
	char id[32];
	snprintf(id, sizeof id, "fn%d", num);
	/* Footnotes sit at the end: search backwards. */
	for (size_t i = res->npara; i-- > 0;) {
		const struct para *p = &res->paras[i];
		if (p->kind == PARA_FOOTNOTE && p->id && strcmp(p->id, id) == 0)
			return (int)i;
	}
	return -1;
}

int res_cited_by(const struct resolution *res, int fn_index, int **out)
{
	*out = NULL;
	if (fn_index < 0 || (size_t)fn_index >= res->npara || !res->paras[fn_index].num)
		return 0;
	int num = atoi(res->paras[fn_index].num);
	int n = 0, cap = 0;
	int *v = NULL;
	for (size_t i = 0; i < res->npara; i++) {
		const struct para *p = &res->paras[i];
		for (size_t j = 0; j < p->nmarks; j++) {
			if (p->marks[j].footnote != num)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 4;
				int *nv = realloc(v, (size_t)cap * sizeof *nv);
				if (!nv) {
					free(v);
					return -1;
				}
				v = nv;
			}
			v[n++] = (int)i;
			break;
		}
	}
	*out = v;
	return n;
}

size_t res_char_offset(const char *text, size_t byte)
{
	size_t n = 0;
	for (size_t i = 0; i < byte && text[i]; i++)
		if (((unsigned char)text[i] & 0xC0) != 0x80)
			n++;
	return n;
}

const char *res_label(const struct resolution *res, int index)
{
	if (index < 0 || (size_t)index >= res->npara)
		return "";
	const char *l = res->paras[index].label;
	return l ? l : res->paras[index].id ? res->paras[index].id : "";
}
