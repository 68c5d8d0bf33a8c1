/* blob.c: the model to bytes and back; decoding checks every length against the bytes left. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "library/blob.h"

#define BLOB_VERSION 2

/* The metadata fields in blob order. Append new fields at the end: a blob says how many it
 * holds, so older blobs still read (the new fields NULL). */
static const size_t meta_fields[] = {
	offsetof(struct res_meta, symbol), offsetof(struct res_meta, organ),
	offsetof(struct res_meta, number), offsetof(struct res_meta, title),
	offsetof(struct res_meta, adopted), offsetof(struct res_meta, session),
	offsetof(struct res_meta, agenda_item), offsetof(struct res_meta, report),
	offsetof(struct res_meta, meeting), offsetof(struct res_meta, distributed),
	offsetof(struct res_meta, language), offsetof(struct res_meta, vote),
	offsetof(struct res_meta, job),
};
#define NMETA (sizeof meta_fields / sizeof *meta_fields)

static char **meta_field(struct res_meta *m, size_t i)
{
	return (char **)((char *)m + meta_fields[i]);
}

/* ---- writing ---- */

struct wbuf {
	unsigned char *p;
	size_t len, cap;
	int oom;
};

static void need(struct wbuf *b, size_t more)
{
	if (b->oom || b->len + more <= b->cap)
		return;
	size_t cap = b->cap ? b->cap * 2 : 1024;
	while (cap < b->len + more)
		cap *= 2;
	unsigned char *np = realloc(b->p, cap);
	if (!np) {
		b->oom = 1;
		return;
	}
	b->p = np;
	b->cap = cap;
}

static void put_uv(struct wbuf *b, uint64_t v)
{
	need(b, 10);
	if (b->oom)
		return;
	do {
		unsigned char c = v & 0x7f;
		v >>= 7;
		b->p[b->len++] = (unsigned char)(c | (v ? 0x80 : 0));
	} while (v);
}

/* -1 (no parent, part or annex) is stored as 0, index i as i + 1. */
static void put_idx(struct wbuf *b, long v)
{
	put_uv(b, (uint64_t)(v + 1));
}

/* NULL as 0, a string of n bytes as n + 1 then the bytes. */
static void put_str_n(struct wbuf *b, const char *s, size_t n)
{
	if (!s) {
		put_uv(b, 0);
		return;
	}
	put_uv(b, (uint64_t)n + 1);
	need(b, n);
	if (b->oom)
		return;
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static void put_str(struct wbuf *b, const char *s)
{
	put_str_n(b, s, s ? strlen(s) : 0);
}

static void put_para(struct wbuf *b, const struct para *p, int with_text)
{
	put_uv(b, (uint64_t)p->kind);
	put_uv(b, (uint64_t)p->depth);
	put_idx(b, p->parent);
	put_idx(b, p->part);
	put_idx(b, p->annex);
	put_uv(b, p->lead_len);
	put_str(b, p->id);
	put_str(b, p->label);
	put_str(b, p->num);
	if (with_text)
		put_str_n(b, p->text, p->text_len);
	put_uv(b, p->nmarks);
	for (size_t k = 0; k < p->nmarks; k++) {
		put_uv(b, p->marks[k].byte);
		put_uv(b, (uint64_t)(int64_t)p->marks[k].footnote);
	}
	put_uv(b, p->nrefs);
	for (size_t k = 0; k < p->nrefs; k++) {
		put_uv(b, (uint64_t)p->refs[k].kind);
		put_uv(b, p->refs[k].byte);
		put_uv(b, p->refs[k].len);
		put_str(b, p->refs[k].target);
	}
}

static void put_list(struct wbuf *b, char *const *v, size_t n)
{
	put_uv(b, n);
	for (size_t i = 0; i < n; i++)
		put_str(b, v[i]);
}

/* A count of -1 (unknown) is stored as 0, n as n + 1. */
static void put_count(struct wbuf *b, int n)
{
	put_uv(b, n < 0 ? 0 : (uint64_t)n + 1);
}

/* The record of adoption (the AKN4UN XML's): strings, lists, the vote and the voters. */
static void put_record(struct wbuf *b, const struct res_record *r)
{
	put_str(b, r->agenda_title);
	put_str(b, r->draft);
	put_str(b, r->meeting_record);
	put_str(b, r->chapter);
	put_list(b, r->sponsors, r->nsponsors);
	put_list(b, r->cosponsors, r->ncosponsors);
	put_list(b, r->keywords, r->nkeywords);
	put_uv(b, (uint64_t)r->adoption);
	put_count(b, r->yes);
	put_count(b, r->no);
	put_count(b, r->abstain);
	put_uv(b, (uint64_t)(r->by_mail != 0));
	put_uv(b, r->nvoters);
	for (size_t i = 0; i < r->nvoters; i++) {
		put_str(b, r->voters[i].name);
		put_uv(b, (uint64_t)r->voters[i].ballot);
	}
}

int blob_encode(const struct resolution *res, int with_text, unsigned char **out, size_t *len)
{
	struct wbuf b = { 0 };
	need(&b, 4);
	if (!b.oom) {
		memcpy(b.p, "GVM", 3);
		b.p[3] = BLOB_VERSION;
		b.len = 4;
	}
	put_uv(&b, (uint64_t)(with_text != 0));
	put_uv(&b, NMETA);
	struct res_meta m = res->meta;
	for (size_t i = 0; i < NMETA; i++)
		put_str(&b, *meta_field(&m, i));
	put_record(&b, &res->record);
	put_uv(&b, res->nparts);
	for (size_t i = 0; i < res->nparts; i++) {
		put_str(&b, res->parts[i].id);
		put_str(&b, res->parts[i].label);
		put_str(&b, res->parts[i].title);
	}
	put_uv(&b, res->nannexes);
	for (size_t i = 0; i < res->nannexes; i++) {
		put_str(&b, res->annexes[i].id);
		put_str(&b, res->annexes[i].label);
		put_str(&b, res->annexes[i].title);
	}
	put_uv(&b, res->npara);
	for (size_t i = 0; i < res->npara; i++)
		put_para(&b, &res->paras[i], with_text);
	if (b.oom) {
		free(b.p);
		return -1;
	}
	*out = b.p;
	*len = b.len;
	return 0;
}

/* ---- reading ---- */

struct rbuf {
	const unsigned char *p;
	size_t len, at;
	int bad, oom;
};

static uint64_t get_uv(struct rbuf *r)
{
	uint64_t v = 0;
	for (int shift = 0; shift < 64; shift += 7) {
		if (r->at >= r->len) {
			r->bad = 1;
			return 0;
		}
		unsigned char c = r->p[r->at++];
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
	}
	r->bad = 1;
	return 0;
}

/* A count of things each taking at least `each` bytes: more than the bytes left is damage,
 * caught before anything is allocated for it. */
static size_t get_count(struct rbuf *r, size_t each)
{
	uint64_t n = get_uv(r);
	if (r->bad || n > (r->len - r->at) / (each ? each : 1)) {
		r->bad = 1;
		return 0;
	}
	return (size_t)n;
}

/* An index stored +1, checked against its bound: -1 or 0..bound-1. */
static int get_idx(struct rbuf *r, size_t bound)
{
	uint64_t v = get_uv(r);
	if (v > bound) {
		r->bad = 1;
		return -1;
	}
	return (int)v - 1;
}

/* A string (NULL allowed); *n its length when n is not NULL. */
static char *get_str(struct rbuf *r, size_t *n)
{
	uint64_t v = get_uv(r);
	if (r->bad || v == 0)
		return NULL;
	size_t l = (size_t)(v - 1);
	if (v - 1 > r->len - r->at) {
		r->bad = 1;
		return NULL;
	}
	char *s = malloc(l + 1);
	if (!s) {
		r->oom = 1;
		return NULL;
	}
	memcpy(s, r->p + r->at, l);
	s[l] = '\0';
	r->at += l;
	if (n)
		*n = l;
	return s;
}

static char *dup_n(const char *s, size_t n, int *oom)
{
	char *d = malloc(n + 1);
	if (!d) {
		*oom = 1;
		return NULL;
	}
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* Paragraph i; res->paras has room for it (npara counts the ones read so far). */
static void get_para(struct rbuf *r, struct resolution *res, size_t i, size_t npara,
                     int with_text, const char *(*text_of)(void *, size_t, size_t *), void *ctx)
{
	struct para *p = &res->paras[i];
	memset(p, 0, sizeof *p);
	res->npara = i + 1;
	uint64_t kind = get_uv(r);
	if (kind > PARA_PLAIN)
		r->bad = 1;
	p->kind = (enum para_kind)kind;
	p->depth = (int)(get_uv(r) & 0xffff);
	p->parent = get_idx(r, npara);
	p->part = get_idx(r, res->nparts);
	p->annex = get_idx(r, res->nannexes);
	p->lead_len = (size_t)get_uv(r);
	p->id = get_str(r, NULL);
	p->label = get_str(r, NULL);
	p->num = get_str(r, NULL);
	if (with_text) {
		p->text = get_str(r, &p->text_len);
	} else if (text_of) {
		size_t tl = 0;
		const char *t = text_of(ctx, i, &tl);
		if (t) {
			p->text = dup_n(t, tl, &r->oom);
			p->text_len = tl;
		}
	}
	if (!p->text && !r->bad && !r->oom) {
		p->text = dup_n("", 0, &r->oom);
		p->text_len = 0;
	}
	if (p->lead_len > p->text_len)
		p->lead_len = 0;
	size_t nm = get_count(r, 2);
	if (nm && !(p->marks = calloc(nm, sizeof *p->marks)))
		r->oom = 1;
	for (size_t k = 0; k < nm && !r->bad && !r->oom; k++) {
		p->marks[k].byte = (size_t)get_uv(r);
		p->marks[k].footnote = (int)(int64_t)get_uv(r);
		if (p->marks[k].byte > p->text_len)
			r->bad = 1;
		p->nmarks = k + 1;
	}
	size_t nr = get_count(r, 4);
	if (nr && !(p->refs = calloc(nr, sizeof *p->refs)))
		r->oom = 1;
	for (size_t k = 0; k < nr && !r->bad && !r->oom; k++) {
		struct ref *f = &p->refs[k];
		p->nrefs = k + 1;
		uint64_t rk = get_uv(r);
		f->kind = rk == REF_DOCUMENT ? REF_DOCUMENT : REF_RESOLUTION;
		f->byte = (size_t)get_uv(r);
		f->len = (size_t)get_uv(r);
		f->target = get_str(r, NULL);
		if (rk > REF_DOCUMENT || f->byte > p->text_len || f->len > p->text_len - f->byte ||
		    !f->target)
			r->bad = 1;
	}
	if (!p->id || !p->label)
		r->bad = 1;
}

static void get_list(struct rbuf *r, char ***v, size_t *n)
{
	size_t c = get_count(r, 1);
	*v = NULL;
	*n = 0;
	if (c && !(*v = calloc(c, sizeof **v)))
		r->oom = 1;
	for (size_t i = 0; i < c && !r->bad && !r->oom; i++) {
		(*v)[i] = get_str(r, NULL);
		*n = i + 1;
		if (!(*v)[i])
			r->bad = 1;
	}
}

static int get_vcount(struct rbuf *r)
{
	uint64_t v = get_uv(r);
	if (v > (uint64_t)INT32_MAX)
		r->bad = 1;
	return v ? (int)(v - 1) : -1;
}

static void get_record(struct rbuf *r, struct res_record *rec)
{
	rec->agenda_title = get_str(r, NULL);
	rec->draft = get_str(r, NULL);
	rec->meeting_record = get_str(r, NULL);
	rec->chapter = get_str(r, NULL);
	get_list(r, &rec->sponsors, &rec->nsponsors);
	get_list(r, &rec->cosponsors, &rec->ncosponsors);
	get_list(r, &rec->keywords, &rec->nkeywords);
	uint64_t a = get_uv(r);
	if (a > ADOPTION_VOTE)
		r->bad = 1;
	rec->adoption = (enum res_adoption)a;
	rec->yes = get_vcount(r);
	rec->no = get_vcount(r);
	rec->abstain = get_vcount(r);
	rec->by_mail = get_uv(r) != 0;
	size_t nv = get_count(r, 2);
	if (nv && !(rec->voters = calloc(nv, sizeof *rec->voters)))
		r->oom = 1;
	for (size_t i = 0; i < nv && !r->bad && !r->oom; i++) {
		rec->nvoters = i + 1;
		rec->voters[i].name = get_str(r, NULL);
		uint64_t bal = get_uv(r);
		if (!rec->voters[i].name || bal > BALLOT_ABSTAIN)
			r->bad = 1;
		rec->voters[i].ballot = (enum res_ballot)bal;
	}
}

static void get_labels(struct rbuf *r, char **id, char **label, char **title)
{
	*id = get_str(r, NULL);
	*label = get_str(r, NULL);
	*title = get_str(r, NULL);
	if (!*id || !*label)
		r->bad = 1;
}

int blob_decode(const unsigned char *data, size_t len,
                const char *(*text_of)(void *ctx, size_t i, size_t *len), void *ctx,
                struct resolution **out)
{
	*out = NULL;
	if (len < 4 || memcmp(data, "GVM", 3) != 0 || data[3] != BLOB_VERSION)
		return -2;
	struct rbuf r = { data, len, 4, 0, 0 };
	struct resolution *res = res_new();
	if (!res)
		return -1;
	int with_text = get_uv(&r) != 0;
	size_t nmeta = get_count(&r, 1);
	for (size_t i = 0; i < nmeta && !r.bad && !r.oom; i++) {
		char *s = get_str(&r, NULL);
		if (i < NMETA)
			*meta_field(&res->meta, i) = s;
		else
			free(s);
	}
	if (!r.bad && !r.oom)
		get_record(&r, &res->record);
	size_t n = get_count(&r, 2);
	if (n && !(res->parts = calloc(n, sizeof *res->parts)))
		r.oom = 1;
	for (size_t i = 0; i < n && !r.bad && !r.oom; i++) {
		res->nparts = i + 1;
		get_labels(&r, &res->parts[i].id, &res->parts[i].label, &res->parts[i].title);
	}
	n = get_count(&r, 2);
	if (n && !(res->annexes = calloc(n, sizeof *res->annexes)))
		r.oom = 1;
	for (size_t i = 0; i < n && !r.bad && !r.oom; i++) {
		res->nannexes = i + 1;
		get_labels(&r, &res->annexes[i].id, &res->annexes[i].label, &res->annexes[i].title);
	}
	n = get_count(&r, 9);
	if (n && !(res->paras = calloc(n, sizeof *res->paras)))
		r.oom = 1;
	res->para_cap = n;
	for (size_t i = 0; i < n && !r.bad && !r.oom; i++)
		get_para(&r, res, i, n, with_text, text_of, ctx);
	if (!r.bad && !r.oom && r.at != r.len)
		r.bad = 1;
	/* Parents come before their children in reading order. */
	for (size_t i = 0; i < res->npara && !r.bad; i++)
		if (res->paras[i].parent >= (int)i)
			r.bad = 1;
	if (r.bad || r.oom) {
		res_free(res);
		return r.oom ? -1 : -2;
	}
	*out = res;
	return 0;
}
