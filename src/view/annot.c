/* annot.c: the open document's annotations placed on its paragraphs, overlaps cut into
 * segments, kept in step with the store (other processes' notes, undo of a delete). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"
#include "view/annot.h"
#include "view/conf.h"

#define UNKNOWN_COLOR_BIT (1u << 31)

static int fail(struct annot_set *s, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct annot_set *s, int err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->err, sizeof s->err, fmt, ap);
	va_end(ap);
	return err;
}

static void journal_clear(struct annot_change *v, size_t *n);

static int store_failed(struct annot_set *s, int err)
{
	return fail(s, err, "%s", s->store ? store_errmsg(s->store) : "no database");
}

static unsigned color_bit(const char *key)
{
	int c = conf_color_of_key(key);
	return c >= 0 ? 1u << c : UNKNOWN_COLOR_BIT;
}

/* Frees what a load built (not the undo journal). */
static void unload(struct annot_set *s)
{
	if (s->para && s->res)
		for (size_t i = 0; i < s->res->npara; i++)
			free(s->para[i].seg);
	free(s->para);
	free(s->order);
	free(s->para_of);
	annotation_list_free(s->v, s->n);
	s->para = NULL;
	s->order = NULL;
	s->para_of = NULL;
	s->v = NULL;
	s->n = 0;
	s->norphans = 0;
}

/* Whether annotation a was created after b (ties: the later in the list, i.e. larger index). */
static int newer(const struct annot_set *s, size_t a, size_t b)
{
	const char *ca = s->v[a].created ? s->v[a].created : "";
	const char *cb = s->v[b].created ? s->v[b].created : "";
	int c = strcmp(ca, cb);
	return c > 0 || (c == 0 && a > b);
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* Cuts the paragraph's annotations into segments: every boundary of every range splits, and
 * neighbours covered by the same stack are joined again. Ranges are in bytes (bs, be). */
static int build_segments(struct annot_set *s, struct annot_para *p, const size_t *bs,
                          const size_t *be)
{
	size_t k = p->n, nb = 0;
	if (k == 0)
		return 0;
	size_t *cut = malloc(2 * k * sizeof *cut);
	struct annot_seg *seg = malloc(2 * k * sizeof *seg);
	if (!cut || !seg) {
		free(cut);
		free(seg);
		return -1;
	}
	for (size_t i = 0; i < k; i++) {
		cut[nb++] = bs[i];
		cut[nb++] = be[i];
	}
	if (nb > 1)
		qsort(cut, nb, sizeof *cut, cmp_size);
	size_t ns = 0;
	for (size_t c = 0; c + 1 < nb; c++) {
		size_t a = cut[c], b = cut[c + 1];
		if (a == b)
			continue;
		struct annot_seg g = { a, b, -1, -1, 0, 0 };
		for (size_t i = 0; i < k; i++) {
			if (bs[i] > a || be[i] < b)
				continue;
			size_t ai = s->order[p->first + i];
			g.count++;
			g.colors |= color_bit(s->v[ai].color);
			if (g.top < 0 || newer(s, ai, (size_t)g.top))
				g.top = (int)ai;
		}
		if (g.count == 0)
			continue;
		g.color = conf_color_of_key(s->v[g.top].color);
		struct annot_seg *last = ns ? &seg[ns - 1] : NULL;
		if (last && last->end == a && last->top == g.top && last->colors == g.colors &&
		    last->count == g.count)
			last->end = b;
		else
			seg[ns++] = g;
	}
	free(cut);
	p->seg = seg;
	p->nseg = ns;
	return 0;
}

/* The paragraph index of an annotation: its id, searched from a hint (the list is in
 * document order, so the next one is usually at or after the last found). */
static int locate(const struct resolution *res, const char *id, int *hint)
{
	if (!id)
		return -1;
	size_t n = res->npara;
	for (size_t k = 0; k < n; k++) {
		size_t i = ((size_t)(*hint < 0 ? 0 : *hint) + k) % n;
		if (res->paras[i].id && strcmp(res->paras[i].id, id) == 0) {
			*hint = (int)i;
			return (int)i;
		}
	}
	return -1;
}

/* Places the loaded annotations: paragraph of each, per-paragraph lists, segments. */
static int place(struct annot_set *s)
{
	const struct resolution *res = s->res;
	size_t np = res->npara;
	s->para = calloc(np ? np : 1, sizeof *s->para);
	s->para_of = malloc((s->n ? s->n : 1) * sizeof *s->para_of);
	s->order = malloc((s->n ? s->n : 1) * sizeof *s->order);
	size_t *bs = malloc((s->n ? s->n : 1) * sizeof *bs);
	size_t *be = malloc((s->n ? s->n : 1) * sizeof *be);
	if (!s->para || !s->para_of || !s->order || !bs || !be) {
		free(bs);
		free(be);
		return -1;
	}
	int hint = 0;
	for (size_t i = 0; i < s->n; i++) {
		int p = s->v[i].status == ANCHOR_ORPHAN ? -1 : locate(res, s->v[i].para_id, &hint);
		s->para_of[i] = p;
		if (p < 0)
			s->norphans++;
		else
			s->para[p].n++;
	}
	size_t at = 0;
	for (size_t p = 0; p < np; p++) {
		s->para[p].first = at;
		at += s->para[p].n;
		s->para[p].n = 0;
	}
	/* Stable: the store's order (start, then end, then creation) is kept inside a paragraph. */
	for (size_t i = 0; i < s->n; i++) {
		int p = s->para_of[i];
		if (p >= 0)
			s->order[s->para[p].first + s->para[p].n++] = i;
	}
	int bad = 0;
	for (size_t p = 0; p < np && !bad; p++) {
		struct annot_para *ap = &s->para[p];
		const char *text = res->paras[p].text ? res->paras[p].text : "";
		size_t len = res->paras[p].text ? res->paras[p].text_len : 0;
		for (size_t j = 0; j < ap->n; j++) {
			const struct annotation *a = &s->v[s->order[ap->first + j]];
			bs[j] = utf8_byte_offset(text, len, a->start);
			be[j] = utf8_byte_offset(text, len, a->end);
			/* A note without a highlight paints nothing. */
			if (be[j] < bs[j] || conf_color_of_key(a->color) == CONF_NONE)
				be[j] = bs[j];
			else
				ap->colors |= color_bit(a->color);
			if (a->note && a->note[0])
				ap->notes++;
		}
		bad = build_segments(s, ap, bs, be);
	}
	free(bs);
	free(be);
	return bad;
}

int annot_reload(struct annot_set *s)
{
	unload(s);
	s->gen++;
	if (!s->store || s->doc_id <= 0)
		return STORE_OK;
	/* The version first: a commit landing during the read is seen by the next poll. */
	int err = store_data_version(s->store, &s->version);
	if (!err)
		err = store_annot_list(s->store, s->doc_id, s->res, NULL, &s->v, &s->n);
	if (err)
		return store_failed(s, err);
	if (place(s) < 0) {
		unload(s);
		return fail(s, STORE_ERR_NOMEM, "out of memory");
	}
	return STORE_OK;
}

int annot_open(struct annot_set *s, struct store *st, const struct resolution *res)
{
	memset(s, 0, sizeof *s);
	s->store = st;
	s->res = res;
	s->undo = calloc(ANNOT_UNDO_MAX, sizeof *s->undo);
	s->redo = calloc(ANNOT_UNDO_MAX, sizeof *s->redo);
	if (!s->undo || !s->redo)
		return fail(s, STORE_ERR_NOMEM, "out of memory");
	if (!st)
		return STORE_OK;
	int err = store_doc_sync(st, res, &s->doc_id);
	if (err == STORE_ERR_NOTFOUND && store_readonly(st)) {
		s->doc_id = 0;
		return STORE_OK;
	}
	if (err) {
		s->doc_id = 0;
		return store_failed(s, err);
	}
	return annot_reload(s);
}

void annot_close(struct annot_set *s)
{
	unload(s);
	journal_clear(s->undo, &s->nundo);
	journal_clear(s->redo, &s->nredo);
	free(s->undo);
	free(s->redo);
	s->undo = s->redo = NULL;
}

int annot_poll(struct annot_set *s)
{
	if (!s->store || s->doc_id <= 0)
		return 0;
	int64_t v;
	int err = store_data_version(s->store, &v);
	if (err) {
		store_failed(s, err);
		return -1;
	}
	if (v == s->version)
		return 0;
	return annot_reload(s) ? -1 : 1;
}

const struct annot_para *annot_para(const struct annot_set *s, int para)
{
	static const struct annot_para none;
	if (!s->para || para < 0 || (size_t)para >= s->res->npara)
		return &none;
	return &s->para[para];
}

const struct annotation *annot_para_item(const struct annot_set *s, int para, size_t i)
{
	const struct annot_para *p = annot_para(s, para);
	return i < p->n ? &s->v[s->order[p->first + i]] : NULL;
}

int annot_find(const struct annot_set *s, const char *id)
{
	for (size_t i = 0; id && i < s->n; i++)
		if (strcmp(s->v[i].id, id) == 0)
			return (int)i;
	return -1;
}

int annot_at(const struct annot_set *s, int para, size_t b)
{
	const struct annot_para *p = annot_para(s, para);
	for (size_t i = 0; i < p->nseg; i++)
		if (b >= p->seg[i].start && b < p->seg[i].end)
			return p->seg[i].top;
	return -1;
}

/* Checks that the set can write. */
static int writable(struct annot_set *s)
{
	if (!s->store)
		return fail(s, STORE_ERR_OPEN, "no annotation database: notes cannot be saved");
	if (store_readonly(s->store))
		return fail(s, STORE_ERR_READONLY, "the annotation database is read-only");
	if (s->doc_id <= 0)
		return fail(s, STORE_ERR_NOTFOUND, "the document is not in the database");
	return STORE_OK;
}

static int dup_str(char **dst, const char *src)
{
	*dst = NULL;
	if (!src)
		return 0;
	*dst = strdup(src);
	return *dst ? 0 : -1;
}

/* A deep copy of an annotation (dst is overwritten). Returns 0 or -1 (dst cleared). */
static int copy_annotation(struct annotation *dst, const struct annotation *src)
{
	memset(dst, 0, sizeof *dst);
	memcpy(dst->id, src->id, sizeof dst->id);
	dst->start = src->start;
	dst->end = src->end;
	dst->status = src->status;
	int bad = dup_str(&dst->doc_symbol, src->doc_symbol) |
	          dup_str(&dst->doc_language, src->doc_language) |
	          dup_str(&dst->para_id, src->para_id) | dup_str(&dst->exact, src->exact) |
	          dup_str(&dst->prefix, src->prefix) | dup_str(&dst->suffix, src->suffix) |
	          dup_str(&dst->color, src->color) | dup_str(&dst->note, src->note) |
	          dup_str(&dst->created, src->created) | dup_str(&dst->updated, src->updated) |
	          dup_str(&dst->para_label, src->para_label);
	if (!bad && src->ntags) {
		dst->tags = calloc(src->ntags, sizeof *dst->tags);
		bad = !dst->tags;
		for (size_t i = 0; !bad && i < src->ntags; i++, dst->ntags++)
			bad = dup_str(&dst->tags[i], src->tags[i]);
	}
	if (bad) {
		annotation_clear(dst);
		return -1;
	}
	return 0;
}

static void change_clear(struct annot_change *c)
{
	annotation_clear(&c->before);
	annotation_clear(&c->after);
	memset(c, 0, sizeof *c);
}

static void journal_clear(struct annot_change *v, size_t *n)
{
	for (size_t i = 0; i < *n; i++)
		change_clear(&v[i]);
	*n = 0;
}

/* Pushes a change onto a journal (undo or redo), forgetting the oldest when it is full. */
static void journal_push(struct annot_change *v, size_t *n, struct annot_change *c)
{
	if (*n == ANNOT_UNDO_MAX) {
		change_clear(&v[0]);
		memmove(&v[0], &v[1], (ANNOT_UNDO_MAX - 1) * sizeof *v);
		(*n)--;
	}
	v[(*n)++] = *c;
	memset(c, 0, sizeof *c);
}

/* Records a change made by the user: a new one forgets what could be redone. */
static void record(struct annot_set *s, enum annot_change_kind kind,
                   const struct annotation *before, const char *after_id)
{
	struct annot_change c;
	memset(&c, 0, sizeof c);
	c.kind = kind;
	int bad = 0;
	if (before)
		bad = copy_annotation(&c.before, before) < 0;
	int i = after_id ? annot_find(s, after_id) : -1;
	if (!bad && i >= 0)
		bad = copy_annotation(&c.after, &s->v[i]) < 0;
	if (bad || (after_id && i < 0)) {
		/* Out of memory (or reloaded without it): this change cannot be undone. */
		change_clear(&c);
		return;
	}
	journal_clear(s->redo, &s->nredo);
	journal_push(s->undo, &s->nundo, &c);
}

int annot_add(struct annot_set *s, int para, size_t start, size_t end, const char *color,
              const char *note, char *const *tags, size_t ntags, char id[37])
{
	int err = writable(s);
	if (err)
		return err;
	if (para < 0 || (size_t)para >= s->res->npara)
		return fail(s, STORE_ERR_INVALID, "no such paragraph");
	struct annotation a = { 0 };
	a.para_id = s->res->paras[para].id;
	a.start = start;
	a.end = end;
	a.color = (char *)color;
	a.note = note && note[0] ? (char *)note : NULL;
	a.tags = (char **)tags;
	a.ntags = ntags;
	err = store_annot_add(s->store, s->doc_id, s->res, &a);
	/* Detach what was borrowed; free what the store filled in. */
	a.para_id = NULL;
	if (a.color == color)
		a.color = NULL;
	if (a.note == note)
		a.note = NULL;
	a.tags = NULL;
	a.ntags = 0;
	char added[37];
	memcpy(added, a.id, sizeof added);
	if (!err && id)
		memcpy(id, a.id, 37);
	annotation_clear(&a);
	if (err)
		return store_failed(s, err);
	err = annot_reload(s);
	if (!err)
		record(s, AC_ADD, NULL, added);
	return err;
}

/* Writes note, colour and tags of a stored annotation as `a` has them. */
static int store_update(struct annot_set *s, const struct annotation *a)
{
	int err = store_annot_update(s->store, a);
	return err ? store_failed(s, err) : STORE_OK;
}

/* Changes fields of a stored annotation (the others are sent as they are), recorded. */
static int update(struct annot_set *s, const char *id, const char *note, int set_note,
                  const char *color, char *const *tags, size_t ntags, int set_tags)
{
	int err = writable(s);
	if (err)
		return err;
	int i = annot_find(s, id);
	if (i < 0)
		return fail(s, STORE_ERR_NOTFOUND, "that note is gone (removed elsewhere?)");
	struct annotation before;
	if (copy_annotation(&before, &s->v[i]) < 0)
		return fail(s, STORE_ERR_NOMEM, "out of memory");
	struct annotation a = s->v[i];
	if (set_note)
		a.note = note && note[0] ? (char *)note : NULL;
	if (color)
		a.color = (char *)color;
	if (set_tags) {
		a.tags = (char **)tags;
		a.ntags = ntags;
	}
	err = store_update(s, &a);
	if (!err)
		err = annot_reload(s);
	if (!err)
		record(s, AC_UPDATE, &before, before.id);
	annotation_clear(&before);
	return err;
}

int annot_set_note(struct annot_set *s, const char *id, const char *note)
{
	return update(s, id, note, 1, NULL, NULL, 0, 0);
}

int annot_set_color(struct annot_set *s, const char *id, const char *color)
{
	if (!color || (conf_color_of_key(color) < 0 && conf_color_of_key(color) != CONF_NONE))
		return fail(s, STORE_ERR_INVALID, "unknown colour");
	return update(s, id, NULL, 0, color, NULL, 0, 0);
}

int annot_set_tags(struct annot_set *s, const char *id, char *const *tags, size_t ntags)
{
	return update(s, id, NULL, 0, NULL, tags, ntags, 1);
}

int annot_delete(struct annot_set *s, const char *id)
{
	int err = writable(s);
	if (err)
		return err;
	int i = annot_find(s, id);
	if (i < 0)
		return fail(s, STORE_ERR_NOTFOUND, "that note is gone (removed elsewhere?)");
	struct annotation keep;
	if (copy_annotation(&keep, &s->v[i]) < 0)
		return fail(s, STORE_ERR_NOMEM, "out of memory");
	err = store_annot_delete(s->store, keep.id);
	if (!err)
		err = annot_reload(s);
	else
		err = store_failed(s, err);
	if (!err)
		record(s, AC_DELETE, &keep, NULL);
	annotation_clear(&keep);
	return err;
}

/* Puts an annotation back as it was, with its id (a delete undone, an add redone). */
static int put_back(struct annot_set *s, const struct annotation *was)
{
	struct annotation a;
	if (copy_annotation(&a, was) < 0)
		return fail(s, STORE_ERR_NOMEM, "out of memory");
	int err;
	if (a.status == ANCHOR_ORPHAN) {
		/* An orphan has no place in this text to add it at: it goes back as it was. */
		size_t added = 0, skipped = 0;
		err = store_annot_import(s->store, &a, 1, &added, &skipped);
	} else {
		err = store_annot_add(s->store, s->doc_id, s->res, &a);
	}
	annotation_clear(&a);
	if (err == STORE_ERR_EXISTS)
		return fail(s, err, "that note is back already");
	return err ? store_failed(s, err) : STORE_OK;
}

static int take_away(struct annot_set *s, const char *id)
{
	int err = store_annot_delete(s->store, id);
	if (err == STORE_ERR_NOTFOUND)
		return fail(s, err, "that note is gone (removed elsewhere?)");
	return err ? store_failed(s, err) : STORE_OK;
}

/* Applies a change backward (undo) or forward (redo) to the store. */
static int apply_change(struct annot_set *s, const struct annot_change *c, int forward)
{
	switch (c->kind) {
	case AC_ADD:
		return forward ? put_back(s, &c->after) : take_away(s, c->after.id);
	case AC_DELETE:
		return forward ? take_away(s, c->before.id) : put_back(s, &c->before);
	case AC_UPDATE:
		if (annot_find(s, c->before.id) < 0)
			return fail(s, STORE_ERR_NOTFOUND, "that note is gone (removed elsewhere?)");
		return store_update(s, forward ? &c->after : &c->before);
	}
	return STORE_ERR_INVALID;
}

/* Moves the newest change of one journal to the other, applying it. */
static int replay(struct annot_set *s, int forward, const struct annot_change **what)
{
	struct annot_change *from = forward ? s->redo : s->undo, *to = forward ? s->undo : s->redo;
	size_t *nfrom = forward ? &s->nredo : &s->nundo, *nto = forward ? &s->nundo : &s->nredo;
	if (*nfrom == 0)
		return fail(s, STORE_ERR_NOTFOUND, forward ? "nothing to redo" : "nothing to undo");
	int err = writable(s);
	if (err)
		return err;
	struct annot_change *c = &from[*nfrom - 1];
	err = apply_change(s, c, forward);
	if (err) {
		/* It cannot be done (changed elsewhere): forget it rather than fail forever. */
		change_clear(c);
		(*nfrom)--;
		return err;
	}
	struct annot_change moved = *c;
	(*nfrom)--;
	journal_push(to, nto, &moved);
	if (what)
		*what = &to[*nto - 1];
	return annot_reload(s);
}

int annot_undo(struct annot_set *s, const struct annot_change **what)
{
	return replay(s, 0, what);
}

int annot_redo(struct annot_set *s, const struct annot_change **what)
{
	return replay(s, 1, what);
}

int annot_matches(const struct annotation *a, const char *color, const char *tag)
{
	if (color && (!a->color || strcmp(a->color, color) != 0))
		return 0;
	if (!tag)
		return 1;
	for (size_t i = 0; i < a->ntags; i++)
		if (a->tags[i] && strcmp(a->tags[i], tag) == 0)
			return 1;
	return 0;
}
