/* resolution.c: allocation, lookup and labels of the document model. */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/resolution.h"

struct resolution *res_new(void)
{
	struct resolution *res = calloc(1, sizeof(struct resolution));
	if (res)
		res->record.yes = res->record.no = res->record.abstain = -1;
	return res;
}

static void list_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void record_free(struct res_record *r)
{
	free(r->agenda_title);
	free(r->draft);
	free(r->meeting_record);
	free(r->chapter);
	list_free(r->sponsors, r->nsponsors);
	list_free(r->cosponsors, r->ncosponsors);
	list_free(r->keywords, r->nkeywords);
	for (size_t i = 0; i < r->nvoters; i++)
		free(r->voters[i].name);
	free(r->voters);
}

int res_list_add(char ***v, size_t *n, const char *s, size_t len)
{
	/* grown by doubling from 4: a capacity is never stored, the count tells it */
	if (*n == 0 || (*n >= 4 && (*n & (*n - 1)) == 0)) {
		char **nv = realloc(*v, (*n ? *n * 2 : 4) * sizeof *nv);
		if (!nv)
			return -1;
		*v = nv;
	}
	char *t = strndup(s, len);
	if (!t)
		return -1;
	(*v)[(*n)++] = t;
	return 0;
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
	free(m->vote_marks);
	m->vote_marks = NULL;
	m->nvote_marks = 0;
}

/* ---- the names block ---- */

struct res_names {
	struct res_names *next;
	size_t used, cap;
	char data[];
};

#define NAMES_FIRST ((size_t)4 << 10)
#define NAMES_MAX ((size_t)32 << 10)      /* under glibc's 64 KB, whose free consolidates */

char *res_names_alloc(struct resolution *res, size_t n)
{
	struct res_names *b = res->names;
	if (!b || b->cap - b->used < n) {
		size_t cap = b ? b->cap * 2 : NAMES_FIRST;
		if (cap > NAMES_MAX)
			cap = NAMES_MAX;
		if (cap < n)
			cap = n;
		struct res_names *nb = malloc(sizeof *nb + cap);
		if (!nb)
			return NULL;
		nb->next = b;
		nb->used = 0;
		nb->cap = cap;
		res->names = b = nb;
	}
	char *p = b->data + b->used;
	b->used += n;
	return p;
}

int res_names_own(const struct resolution *res, const char *s)
{
	for (const struct res_names *b = res->names; b; b = b->next)
		if (s >= b->data && s < b->data + b->cap)
			return 1;
	return 0;
}

/* Frees s unless it lies in the names block. */
static void free_name(const struct resolution *res, char *s)
{
	if (s && !res_names_own(res, s))
		free(s);
}

struct res_home {
	pthread_mutex_t mu;
	unsigned long gen;          /* changes when the home is closed */
	int open;
	struct resolution *back;    /* handed back, to be freed by the builder */
	struct res_home *next_idle;
};

static pthread_mutex_t homes_mu = PTHREAD_MUTEX_INITIALIZER;
static struct res_home *idle_homes;

struct res_home *res_home_open(void)
{
	pthread_mutex_lock(&homes_mu);
	struct res_home *h = idle_homes;
	if (h)
		idle_homes = h->next_idle;
	pthread_mutex_unlock(&homes_mu);
	if (!h) {
		h = calloc(1, sizeof *h);
		if (!h)
			return NULL;
		if (pthread_mutex_init(&h->mu, NULL) != 0) {
			free(h);
			return NULL;
		}
	}
	pthread_mutex_lock(&h->mu);
	h->open = 1;
	pthread_mutex_unlock(&h->mu);
	return h;
}

void res_home_adopt(struct res_home *h, struct resolution *res)
{
	if (!h || !res)
		return;
	pthread_mutex_lock(&h->mu);
	res->home = h;
	res->home_gen = h->gen;
	pthread_mutex_unlock(&h->mu);
}

/* Hands res back to its home when the home is still open; 0 when it must be freed here. */
static int send_home(struct resolution *res)
{
	struct res_home *h = res->home;
	pthread_mutex_lock(&h->mu);
	int taken = h->open && h->gen == res->home_gen;
	if (taken) {
		res->home_next = h->back;
		h->back = res;
	}
	pthread_mutex_unlock(&h->mu);
	return taken;
}

/* Takes what came back to h, leaving it empty; with `close`, closes h too. */
static struct resolution *take_back(struct res_home *h, int close)
{
	pthread_mutex_lock(&h->mu);
	struct resolution *list = h->back;
	h->back = NULL;
	if (close) {
		h->open = 0;
		h->gen++;
	}
	pthread_mutex_unlock(&h->mu);
	return list;
}

static void free_list(struct resolution *list)
{
	while (list) {
		struct resolution *next = list->home_next;
		list->home = NULL;
		res_free(list);
		list = next;
	}
}

void res_home_drain(struct res_home *h)
{
	if (h)
		free_list(take_back(h, 0));
}

void res_home_close(struct res_home *h)
{
	if (!h)
		return;
	free_list(take_back(h, 1));
	pthread_mutex_lock(&homes_mu);
	h->next_idle = idle_homes;
	idle_homes = h;
	pthread_mutex_unlock(&homes_mu);
}

static void para_free(const struct resolution *res, struct para *p)
{
	if (res->names) {
		free_name(res, p->id);
		free_name(res, p->label);
		free_name(res, p->num);
	} else {
		free(p->id);
		free(p->label);
		free(p->num);
	}
	free(p->text);
	free(p->marks);
	for (size_t j = 0; j < p->nrefs; j++)
		free(p->refs[j].target);
	free(p->refs);
}

void res_drop_para(struct resolution *res, size_t i)
{
	if (i >= res->npara)
		return;
	para_free(res, &res->paras[i]);
	memmove(&res->paras[i], &res->paras[i + 1], (res->npara - i - 1) * sizeof *res->paras);
	res->npara--;
	/* an index past i moves up with its paragraph */
	for (size_t k = 0; k < res->npara; k++)
		if (res->paras[k].parent > (int)i)
			res->paras[k].parent--;
}

void res_free(struct resolution *res)
{
	if (!res || (res->home && send_home(res)))
		return;
	meta_free(&res->meta);
	record_free(&res->record);
	for (size_t i = 0; i < res->npara; i++)
		para_free(res, &res->paras[i]);
	free(res->paras);
	free(res->notes_left_out);
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
	for (struct res_names *b = res->names, *next; b; b = next) {
		next = b->next;
		free(b);
	}
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

/* Eight bytes at a time (JSON output asks this of every reference and marker): a byte starts
 * a character unless it is a continuation byte, high bit set and the next clear. The text
 * may end before byte: strnlen finds where, reading no further. */
size_t res_char_offset(const char *text, size_t byte)
{
	const uint64_t high = 0x8080808080808080ULL;
	size_t len = strnlen(text, byte), n = 0, i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, text + i, sizeof w);
		uint64_t cont = (w & ~(w << 1) & high) >> 7;   /* 1 in each continuation byte */
		n += 8 - (size_t)((cont * 0x0101010101010101ULL) >> 56);
	}
	for (; i < len; i++)
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
