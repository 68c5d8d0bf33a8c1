/* vlib.c: the library in the reader: following citations into other resolutions, :open, and
 * the lists of the library's mode. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "library/cite.h"
#include "library/library.h"
#include "text/fold.h"
#include "view/clip.h"
#include "view/find.h"
#include "view/view.h"
#include "view/vlib.h"
#include "view/vlist.h"

void vlib_attach(struct vlib *vl, struct view *v, const char *path)
{
	memset(vl, 0, sizeof *vl);
	vl->path = path ? strdup(path) : NULL;
	v->lib = vl;
	v->col_id = 0;
}

static void items_free(struct vlib *vl)
{
	for (size_t i = 0; i < vl->nitems; i++) {
		struct vlib_item *it = &vl->items[i];
		free(it->para);
		free(it->line);
		free(it->fold);
		free(it->symbol);
		free(it->date);
		free(it->title);
	}
	free(vl->items);
	free(vl->shown);
	vl->items = NULL;
	vl->shown = NULL;
	vl->nitems = vl->nshown = 0;
}

void vlib_detach(struct vlib *vl)
{
	items_free(vl);
	for (size_t i = 0; i < vl->ncols; i++)
		collection_free(vl->cols[i]);
	free(vl->cols);
	free(vl->col_doc);
	library_close(vl->lib);
	free(vl->path);
	memset(vl, 0, sizeof *vl);
}

/* The library, opened at its first use (read-only: the reader never imports). NULL when
 * there is none; the message says why. */
static struct library *lib_of(struct view *v)
{
	struct vlib *vl = v->lib;
	if (!vl)
		return NULL;
	if (!vl->lib && !vl->failed) {
		char *msg = NULL;
		if (!vl->path || library_open(vl->path, LIBRARY_READ, &vl->lib, &msg) != STORE_OK) {
			vl->failed = 1;
			snprintf(vl->why, sizeof vl->why, "%s", msg ? msg : "no library");
			vl->lib = NULL;
		}
		free(msg);
	}
	return vl->lib;
}

int vlib_switch(struct view *v, int col, int doc)
{
	struct vlib *vl = v->lib;
	struct collection *c = col == 0 ? vl->home : (size_t)(col - 1) < vl->ncols ? vl->cols[col - 1]
	                                                                          : NULL;
	if (col == v->col_id)
		return 0;
	if (!c) {
		view_message(v, 1, "that resolution is no longer open");
		return -1;
	}
	if (v->col_id == 0)
		vl->home = v->col;
	view_reset(v);
	find_clear(&v->find);
	v->col = c;
	v->col_id = col;
	if (view_set_doc(v, doc >= 0 && (size_t)doc < c->ndocs ? doc : 0) < 0) {
		view_message(v, 1, "out of memory");
		return -1;
	}
	v->gen++;
	if (v->geom.cols > 0)
		view_resize(v, v->geom.cols, v->geom.rows);
	return 0;
}

/* The collection id of library document id, loaded if need be; -1 with a message. */
static int col_of_doc(struct view *v, int64_t id)
{
	struct vlib *vl = v->lib;
	for (size_t i = 0; i < vl->ncols; i++)
		if (vl->col_doc[i] == id)
			return (int)i + 1;
	struct library *lib = lib_of(v);
	struct resolution *res = NULL;
	if (!lib || library_load(lib, id, &res) != STORE_OK) {
		view_message(v, 1, "%s", lib ? library_errmsg(lib) : vl->why);
		return -1;
	}
	struct collection *c = calloc(1, sizeof *c);
	struct collection **nc = realloc(vl->cols, (vl->ncols + 1) * sizeof *nc);
	if (nc)
		vl->cols = nc;
	int64_t *nd = nc ? realloc(vl->col_doc, (vl->ncols + 1) * sizeof *nd) : NULL;
	if (nd)
		vl->col_doc = nd;
	if (c)
		c->docs = malloc(sizeof *c->docs);
	if (!c || !c->docs || !nc || !nd) {
		if (c)
			free(c->docs);
		free(c);
		res_free(res);
		view_message(v, 1, "out of memory");
		return -1;
	}
	c->docs[0] = res;
	c->ndocs = 1;
	vl->cols[vl->ncols] = c;
	vl->col_doc[vl->ncols] = id;
	return (int)++vl->ncols;
}

/* Lands on a place of the document on screen: a spec (cite.h) or a paragraph id. */
static void land(struct view *v, const char *where, int is_spec, int from)
{
	if (!where || !*where)
		return;
	int i = is_spec ? cite_resolve(v->res, where, from) : res_find(v->res, where);
	if (i >= 0)
		view_show_para(v, i, 0);
	else
		view_message(v, 1, "%s has no %s: showing its start",
		             v->res->meta.symbol ? v->res->meta.symbol : "the resolution", where);
}

static const char *back_key(struct view *v, char *k, size_t n)
{
	return view_key_for(v, MODE_READ, ACT_BACK, ":back", k, n);
}

/* Opens library document id at `where`, recorded in the history. */
static void open_at(struct view *v, int64_t id, const char *where, int is_spec)
{
	/* The reader's own file must be whole before it is left (it is swapped in when it
	 * arrives, and a place in it must stay valid). */
	if (v->col_id == 0 && v->loading && view_need_all(v) < 0)
		return;
	int col = col_of_doc(v, id);
	if (col < 0)
		return;
	view_push_history(v);
	if (vlib_switch(v, col, 0) < 0)
		return;
	land(v, where, is_spec, -1);
	char k[16];
	if (!v->msg[0] || !v->msg_error)
		view_message(v, 0, "%s, from the library (%s comes back)",
		             v->res->meta.symbol ? v->res->meta.symbol : "the resolution",
		             back_key(v, k, sizeof k));
}

/* A document of the collection on screen with this key, or -1. */
static int doc_in_collection(const struct view *v, const char *key)
{
	for (size_t i = 0; v->col && i < v->col->ndocs; i++) {
		char k[SYMBOL_KEY_MAX];
		const struct res_meta *m = &v->col->docs[i]->meta;
		if (m->symbol && symbol_key(m->symbol, k, sizeof k) == 0 && strcmp(k, key) == 0)
			return (int)i;
	}
	return -1;
}

/* Where the citation of ref (or the place -ref-1) leads: key ("" this document) and spec. */
static int citation(struct view *v, int para, int ref, struct cite *out)
{
	struct cite *cv;
	int n = cite_find(v->res, (size_t)para, &cv);
	if (n < 0) {
		view_message(v, 1, "out of memory");
		return -1;
	}
	int found = -1;
	for (int i = 0; i < n && found < 0; i++)
		if ((ref >= 0 && cv[i].ref == ref) || (ref < 0 && i == -ref - 1))
			found = i;
	if (found >= 0) {
		*out = cv[found];
	} else {
		/* a cited document cite_find does not make a key of: its symbol as written */
		memset(out, 0, sizeof *out);
		out->ref = ref;
		const struct para *p = &v->res->paras[para];
		if (ref >= 0 && (size_t)ref < p->nrefs && p->refs[ref].target)
			symbol_key(p->refs[ref].target, out->key, sizeof out->key);
	}
	free(cv);
	/* the resolution itself cited by its symbol: a place in it */
	char self[SYMBOL_KEY_MAX];
	cite_self_key(v->res, self);
	if (out->key[0] && strcmp(out->key, self) == 0)
		out->key[0] = '\0';
	return 0;
}

/* The library's document of key in the language on screen (else any), or 0. */
static int64_t library_doc(struct view *v, const char *key)
{
	struct library *lib = lib_of(v);
	struct library_doc *d;
	size_t n;
	int64_t id = 0;
	if (lib && library_find(lib, key, v->res->meta.language, &d, &n) == STORE_OK) {
		if (strcmp(d[0].key, key) == 0)
			id = d[0].id;
		library_docs_free(d, n);
	}
	return id;
}

static const char *no_library(struct view *v)
{
	return v->lib && v->lib->failed ? v->lib->why : "not in the library";
}

void vlib_follow(struct view *v, int para, int ref)
{
	struct cite c;
	if (citation(v, para, ref, &c) < 0)
		return;
	char k[16];
	if (!c.key[0]) {
		int i = cite_resolve(v->res, c.spec, para);
		if (i < 0) {
			view_message(v, 1, "%s is not in this resolution", c.spec[0] ? c.spec : "that place");
			return;
		}
		view_goto_para(v, i);
		view_message(v, 0, "%s (%s comes back)", res_label(v->res, i), back_key(v, k, sizeof k));
		return;
	}
	int d = doc_in_collection(v, c.key);
	if (d >= 0) {
		view_push_history(v);
		if (d != v->doc && view_set_doc(v, d) < 0) {
			view_message(v, 1, "out of memory");
			return;
		}
		land(v, c.spec, 1, -1);
		return;
	}
	int64_t id = library_doc(v, c.key);
	if (id > 0) {
		open_at(v, id, c.spec, 1);
		return;
	}
	char url[160];
	symbol_undocs(c.key, url, sizeof url);
	const char *why = no_library(v);
	/* as before the library: who cites it here */
	if (ref >= 0 && vlist_cited(v, para, ref) < 0) {
		view_message(v, 1, "out of memory");
		return;
	}
	view_message(v, 0, "%s: %s%s%s", c.key, why, url[0] ? "; " : "", url);
}

void vlib_describe(struct view *v, int para, int ref, char *buf, size_t size)
{
	struct cite c;
	buf[0] = '\0';
	if (citation(v, para, ref, &c) < 0)
		return;
	char k[16];
	const char *enter = view_key_for(v, MODE_READ, ACT_FOLLOW, "Enter", k, sizeof k);
	if (!c.key[0]) {
		int i = cite_resolve(v->res, c.spec, para);
		snprintf(buf, size, "%s of this resolution; %s goes there",
		         i >= 0 ? res_label(v->res, i) : c.spec, enter);
		return;
	}
	if (doc_in_collection(v, c.key) >= 0 || library_doc(v, c.key) > 0) {
		snprintf(buf, size, "%s%s%s: in the library; %s opens it", c.key, c.spec[0] ? ", " : "",
		         c.spec, enter);
		return;
	}
	char url[160];
	symbol_undocs(c.key, url, sizeof url);
	snprintf(buf, size, "%s: %s%s%s", c.key, no_library(v), url[0] ? "; " : "", url);
}

/* ---- :open ---- */

void vlib_open(struct view *v, const char *what)
{
	char arg[256];
	snprintf(arg, sizeof arg, "%s", what ? what : "");
	char *two = strstr(arg, "  ");      /* a completion's "SYMBOL  title" */
	if (two)
		*two = '\0';
	if (!arg[0]) {
		vlib_list_documents(v);
		return;
	}
	struct library *lib = lib_of(v);
	if (!lib) {
		view_message(v, 1, "%s", no_library(v));
		return;
	}
	struct library_doc *d;
	size_t n;
	if (library_find(lib, arg, v->res->meta.language, &d, &n) != STORE_OK) {
		view_message(v, 1, "%s", library_errmsg(lib));
		return;
	}
	size_t other = 1;
	while (other < n && strcmp(d[other].key, d[0].key) == 0)
		other++;
	int64_t id = d[0].id;
	library_docs_free(d, n);
	if (other < n) {
		/* words of several titles: choose among them */
		vlib_list_documents(v);
		snprintf(v->lib->filter, sizeof v->lib->filter, "%.120s", arg);
		vlib_list_refilter(v);
		return;
	}
	open_at(v, id, NULL, 0);
}

int vlib_complete(struct view *v, const char *prefix, char **out, int max)
{
	struct library *lib = lib_of(v);
	if (!lib || max <= 0)
		return 0;
	char **c;
	size_t n;
	if (library_complete(lib, prefix, (size_t)max, &c, &n) != STORE_OK)
		return -1;
	for (size_t i = 0; i < n; i++)
		out[i] = c[i];
	free(c);
	return (int)n;
}

/* ---- the lists ---- */

static int item_add(struct vlib *vl, const struct library_doc *d, const char *para,
                    const char *line)
{
	struct vlib_item *ni = realloc(vl->items, (vl->nitems + 1) * sizeof *ni);
	if (!ni)
		return -1;
	vl->items = ni;
	struct vlib_item *it = &ni[vl->nitems];
	memset(it, 0, sizeof *it);
	it->doc = d->id;
	it->para = para ? strdup(para) : NULL;
	it->line = strdup(line);
	it->symbol = strdup(d->symbol ? d->symbol : "");
	it->date = strdup(d->adopted ? d->adopted : "");
	it->title = strdup(d->title ? d->title : "");
	struct folded f;
	if (text_fold(line, strlen(line), &f) == 0) {
		it->fold = f.s;
		f.s = NULL;
		fold_free(&f);
	}
	vl->nitems++;
	if ((para && !it->para) || !it->line || !it->symbol || !it->date || !it->title || !it->fold)
		return -1;
	return 0;
}

/* Starts a list of the given kind, titled; the items follow. */
static void list_start(struct view *v, enum vlib_list_kind kind, const char *title)
{
	struct vlib *vl = v->lib;
	items_free(vl);
	vl->kind = kind;
	vl->filter[0] = '\0';
	vl->cur = vl->top = 0;
	snprintf(vl->title, sizeof vl->title, "%s", title);
}

/* Shows the list (MODE_LIBRARY), or says it is empty. */
static void list_show(struct view *v, int err, const char *empty)
{
	struct vlib *vl = v->lib;
	if (err) {
		view_message(v, 1, "%s", err < 0 ? "out of memory" : library_errmsg(vl->lib));
		return;
	}
	if (!vl->nitems) {
		view_message(v, 0, "%s", empty);
		return;
	}
	vlib_list_refilter(v);
	if (view_top(v) != MODE_LIBRARY)
		view_push(v, MODE_LIBRARY);
}

void vlib_list_documents(struct view *v)
{
	struct library *lib = lib_of(v);
	if (!lib) {
		view_message(v, 1, "%s", no_library(v));
		return;
	}
	struct library_doc *d;
	size_t n;
	int err = library_list(lib, NULL, LIBRARY_BY_SYMBOL, 0, &d, &n);
	list_start(v, VLIB_DOCS, "The library");
	for (size_t i = 0; !err && i < n; i++) {
		char line[600];
		snprintf(line, sizeof line, "%s %s %s %s", d[i].symbol, d[i].adopted ? d[i].adopted : "",
		         d[i].language, d[i].title ? d[i].title : "");
		if (item_add(v->lib, &d[i], NULL, line) < 0)
			err = -1;
	}
	if (!err)
		library_docs_free(d, n);
	list_show(v, err, "the library is empty: 'gavel add FILE|DIR' imports resolutions");
}

struct collect {
	struct view *v;
	int err;
};

static void para_line(char *line, size_t size, const struct library_doc *d, const char *label,
                      const char *extra, const char *text);

/* The text from a little before byte `at` (a word's start), so that what was found shows on
 * a list's line: "…of which is resolution 76/172 of 16 December 2021". */
static const char *snippet(const char *text, size_t at, char *buf, size_t size)
{
	if (at < 60) {
		snprintf(buf, size, "%.400s", text);
		return buf;
	}
	size_t b = at - 50;
	while (b < at && text[b] != ' ')
		b++;
	snprintf(buf, size, "\u2026%.400s", text + b + (text[b] == ' '));
	return buf;
}

static int on_backlink(void *ctx, const struct library_backlink *b)
{
	struct collect *c = ctx;
	char line[900], snip[500];
	para_line(line, sizeof line, b->doc, b->label, NULL, snippet(b->text, b->byte, snip,
	                                                           sizeof snip));
	if (item_add(c->v->lib, b->doc, b->para_id, line) < 0)
		c->err = -1;
	return c->err;
}

void vlib_cited_by(struct view *v)
{
	struct library *lib = lib_of(v);
	const char *sym = v->res->meta.symbol;
	if (!lib || !sym) {
		view_message(v, 1, "%s", !lib ? no_library(v) : "this resolution has no symbol to be cited by");
		return;
	}
	char title[160];
	snprintf(title, sizeof title, "What cites %.100s in the library", sym);
	list_start(v, VLIB_PARAS, title);
	struct collect c = { v, 0 };
	size_t n;
	int err = library_cited_by(lib, sym, NULL, on_backlink, &c, &n);
	char empty[300];
	snprintf(empty, sizeof empty, "nothing in the library cites %.200s", sym);
	list_show(v, c.err ? c.err : err ? 1 : 0, empty);
}

/* A paragraph of another resolution as a list line: "2021-12-16  A/RES/76/172 OP 5: text". */
static void para_line(char *line, size_t size, const struct library_doc *d, const char *label,
                      const char *extra, const char *text)
{
	int en = strcmp(d->language, "en") == 0;
	snprintf(line, size, "%s  %s%s%s%s %s%s: %.400s", d->adopted ? d->adopted : "", d->symbol,
	         en ? "" : " [", en ? "" : d->language, en ? "" : "]", label ? label : "",
	         extra ? extra : "", text);
}

static int on_hit(void *ctx, const struct library_hit *h)
{
	struct collect *c = ctx;
	char line[900], snip[500];
	para_line(line, sizeof line, h->doc, h->label, NULL,
	          snippet(h->text, h->nhits ? h->hits[0].start : 0, snip, sizeof snip));
	if (item_add(c->v->lib, h->doc, h->para_id, line) < 0)
		c->err = -1;
	return c->err;
}

void vlib_search(struct view *v, const char *pattern)
{
	struct library *lib = lib_of(v);
	if (!lib) {
		view_message(v, 1, "%s", no_library(v));
		return;
	}
	char title[200], t[120];
	clip_text(pattern, strlen(pattern), 60, v->utf8, 1, t, sizeof t);
	snprintf(title, sizeof title, "\"%s\" in the library, oldest first", t);
	list_start(v, VLIB_PARAS, title);
	struct collect c = { v, 0 };
	size_t n;
	int err = library_search(lib, pattern, NULL, 0, on_hit, &c, &n);
	char empty[200];
	snprintf(empty, sizeof empty, "\"%s\" is nowhere in the library", t);
	list_show(v, c.err ? c.err : err ? 1 : 0, empty);
}

struct used_ctx {
	struct collect c;
	const char *key, *lang, *pid;   /* the paragraph asked about: not one of its uses */
};

static int on_use(void *ctx, const struct library_use *u)
{
	struct used_ctx *uc = ctx;
	if (uc->key && strcmp(u->doc->key, uc->key) == 0 && strcmp(u->doc->language, uc->lang) == 0 &&
	    strcmp(u->para_id, uc->pid) == 0)
		return 0;
	char line[900], extra[32];
	if (u->similarity >= 1.0 - 1e-12)
		snprintf(extra, sizeof extra, " (same words)");
	else
		snprintf(extra, sizeof extra, " (%.0f%%)", u->similarity * 100);
	para_line(line, sizeof line, u->doc, u->label, extra, u->text);
	if (item_add(uc->c.v->lib, u->doc, u->para_id, line) < 0)
		uc->c.err = -1;
	return uc->c.err;
}

void vlib_used(struct view *v, const char *text, size_t len)
{
	struct library *lib = lib_of(v);
	if (!lib) {
		view_message(v, 1, "%s", no_library(v));
		return;
	}
	int para = view_current_para(v);
	/* A selection is a phrase: its uses are the paragraphs that hold it. */
	if (text) {
		char *phrase = strndup(text, len);
		if (!phrase) {
			view_message(v, 1, "out of memory");
			return;
		}
		vlib_search(v, phrase);
		free(phrase);
		return;
	}
	if (para < 0) {
		view_message(v, 1, "no paragraph here");
		return;
	}
	const struct para *p = &v->res->paras[para];
	char title[200], key[SYMBOL_KEY_MAX];
	snprintf(title, sizeof title, "The wording of %s used before (80%% alike or more), oldest first",
	         res_label(v->res, para));
	list_start(v, VLIB_PARAS, title);
	cite_self_key(v->res, key);
	struct used_ctx uc = { { v, 0 }, key[0] ? key : NULL,
	                       v->res->meta.language ? v->res->meta.language : "und", p->id };
	struct library_filter f = { .language = v->res->meta.language };
	size_t n;
	int err = library_used(lib, p->text, p->text_len, 0.8, &f, on_use, &uc, &n);
	list_show(v, uc.c.err ? uc.c.err : err ? 1 : 0, "this wording is nowhere else in the library");
}

/* ---- the list's filter, order and choice ---- */

static struct vlib *sort_vl;   /* qsort's context; set and cleared around each sort */

static int by_sort(const void *a, const void *b)
{
	const struct vlib_item *x = &sort_vl->items[*(const size_t *)a];
	const struct vlib_item *y = &sort_vl->items[*(const size_t *)b];
	int c = 0;
	if (sort_vl->sort == VLIB_SORT_DATE)
		c = strcmp(x->date, y->date);
	else if (sort_vl->sort == VLIB_SORT_TITLE)
		c = strcasecmp(x->title, y->title);
	if (c)
		return c;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	return i < j ? -1 : i > j;   /* the library's order: symbols as numbers */
}

void vlib_list_refilter(struct view *v)
{
	struct vlib *vl = v->lib;
	free(vl->shown);
	vl->shown = malloc((vl->nitems ? vl->nitems : 1) * sizeof *vl->shown);
	vl->nshown = 0;
	if (!vl->shown) {
		view_message(v, 1, "out of memory");
		return;
	}
	struct folded f = { 0 };
	if (vl->filter[0] && text_fold(vl->filter, strlen(vl->filter), &f) < 0) {
		view_message(v, 1, "out of memory");
		return;
	}
	for (size_t i = 0; i < vl->nitems; i++)
		if (!f.s || (vl->items[i].fold && strstr(vl->items[i].fold, f.s)))
			vl->shown[vl->nshown++] = i;
	fold_free(&f);
	if (vl->kind == VLIB_DOCS && vl->sort != VLIB_SORT_SYMBOL) {
		sort_vl = vl;
		if (vl->nshown > 1)
			qsort(vl->shown, vl->nshown, sizeof *vl->shown, by_sort);
		sort_vl = NULL;
	}
	if (vl->cur >= vl->nshown)
		vl->cur = vl->nshown ? vl->nshown - 1 : 0;
	vlib_list_keep_visible(vl);
}

void vlib_list_keep_visible(struct vlib *vl)
{
	size_t h = vl->height > 0 ? (size_t)vl->height : 1;
	if (vl->cur < vl->top)
		vl->top = vl->cur;
	if (vl->cur >= vl->top + h)
		vl->top = vl->cur - h + 1;
}

void vlib_list_next_sort(struct view *v)
{
	struct vlib *vl = v->lib;
	if (vl->kind != VLIB_DOCS) {
		view_message(v, 0, "these are in the order of their dates");
		return;
	}
	vl->sort = (vl->sort + 1) % VLIB_NSORTS;
	vl->cur = 0;
	vlib_list_refilter(v);
	static const char *const names[] = { "symbol", "date", "title" };
	view_message(v, 0, "sorted by %s", names[vl->sort]);
}

void vlib_list_choose(struct view *v)
{
	struct vlib *vl = v->lib;
	if (vl->cur >= vl->nshown)
		return;
	const struct vlib_item *it = &vl->items[vl->shown[vl->cur]];
	int64_t id = it->doc;
	char *para = it->para ? strdup(it->para) : NULL;
	view_pop(v);
	open_at(v, id, para, 0);
	free(para);
}

/* A field cut to w columns and padded to them (clip_text collapses the spaces of a line). */
static size_t field(const struct view *v, const char *s, int w, char *out, size_t size)
{
	char f[400];
	int used = clip_text(s, strlen(s), w, v->utf8, 1, f, sizeof f);
	int k = snprintf(out, size, "%s%*s", f, w - used > 0 ? w - used : 0, "");
	return k < 0 ? 0 : (size_t)k < size ? (size_t)k : size - 1;
}

void vlib_list_line(const struct view *v, size_t shown, int cols, char *buf, size_t size)
{
	const struct vlib *vl = v->lib;
	buf[0] = '\0';
	if (shown >= vl->nshown || cols <= 0)
		return;
	const struct vlib_item *it = &vl->items[vl->shown[shown]];
	if (vl->kind == VLIB_DOCS && cols > 40) {
		/* "A/RES/76/172          2021-12-16  Protection of migrants" in columns */
		size_t o = field(v, it->symbol, 22, buf, size);
		o += field(v, " ", 1, buf + o, size - o);
		o += field(v, it->date, 11, buf + o, size - o);
		field(v, it->title, cols - 34, buf + o, size - o);
		return;
	}
	clip_text(it->line, strlen(it->line), cols, v->utf8, 1, buf, size);
}
