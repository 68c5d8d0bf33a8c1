/* blocks.c: the list of logical blocks every shape reader fills and the builder reads. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "doc/blocks.h"

/* Whitespace the readers fold into one space: ASCII blanks, and the no-break and
 * narrow no-break spaces French typography puts before punctuation are kept (they carry
 * meaning for wrapping), so only ASCII is folded here. */
static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int blocks_push(struct block_list *bl, const char *text, size_t len, enum block_zone zone,
                int indent, int page)
{
	if (bl->n == bl->cap) {
		size_t cap = bl->cap ? bl->cap * 2 : 64;
		struct block *nv = realloc(bl->v, cap * sizeof *nv);
		if (!nv)
			return -1;
		bl->v = nv;
		bl->cap = cap;
	}
	char *t = malloc(len + 1);
	if (!t)
		return -1;
	size_t n = 0;
	int space = 0;
	for (size_t i = 0; i < len; i++) {
		if (blank(text[i])) {
			space = 1;
			continue;
		}
		if (space && n > 0)
			t[n++] = ' ';
		space = 0;
		t[n++] = text[i];
	}
	t[n] = '\0';
	struct block *b = &bl->v[bl->n++];
	b->text = t;
	b->len = n;
	b->zone = zone;
	b->indent = indent;
	b->page = page;
	return 0;
}

void blocks_free(struct block_list *bl)
{
	for (size_t i = 0; i < bl->n; i++)
		free(bl->v[i].text);
	free(bl->v);
	bl->v = NULL;
	bl->n = bl->cap = 0;
	struct res_meta *m = &bl->hints;
	char **f[] = { &m->symbol, &m->organ, &m->number, &m->title, &m->adopted, &m->session,
	               &m->agenda_item, &m->report, &m->meeting, &m->distributed, &m->language,
	               &m->vote, &m->job };
	for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
		free(*f[i]);
		*f[i] = NULL;
	}
}
