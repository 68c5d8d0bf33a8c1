/* view.c: the reader's state machine: opening a document, sizing, keys, mouse, references,
 * history, popups and the text of titles and the status line. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/wrap.h"
#include "view/clip.h"
#include "view/command.h"
#include "view/find.h"
#include "view/pane.h"
#include "view/ledit.h"
#include "view/view.h"
#include "view/vlist.h"
#include "view/vnotes.h"

#define COMPL_MAX 64

void view_message(struct view *v, int error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(v->msg, sizeof v->msg, fmt, ap);
	va_end(ap);
	v->msg_error = error;
}

static void free_doc_state(struct view *v)
{
	for (int i = 0; i < VIEW_NPANES; i++) {
		free(v->pane[i].paras);
		v->pane[i].paras = NULL;
		v->pane[i].n = 0;
	}
	free(v->pane_of);
	free(v->pos_of);
	free(v->cite_fn);
	free(v->cite_para);
	v->pane_of = v->pos_of = v->cite_fn = v->cite_para = NULL;
	v->ncite = 0;
	dcache_clear(&v->cache);
	vlist_close(v);
	dpara_free(v->preview);
	v->preview = NULL;
}

static int cmp_cite(const void *a, const void *b)
{
	const int *x = a, *y = b;
	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return (x[1] > y[1]) - (x[1] < y[1]);
}

/* Footnote number -> citing paragraphs, once per document, so laying out a footnote's
 * "cited in" line never scans the document. */
static int build_cites(struct view *v)
{
	const struct resolution *res = v->res;
	size_t n = 0;
	for (size_t i = 0; i < res->npara; i++)
		n += res->paras[i].nmarks;
	int *pairs = n ? malloc(n * 2 * sizeof *pairs) : NULL;
	if (n && !pairs)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < res->npara; i++)
		for (size_t j = 0; j < res->paras[i].nmarks; j++) {
			pairs[2 * k] = res->paras[i].marks[j].footnote;
			pairs[2 * k + 1] = (int)i;
			k++;
		}
	if (n > 1)
		qsort(pairs, n, 2 * sizeof *pairs, cmp_cite);
	v->cite_fn = malloc((n ? n : 1) * sizeof *v->cite_fn);
	v->cite_para = malloc((n ? n : 1) * sizeof *v->cite_para);
	if (!v->cite_fn || !v->cite_para) {
		free(pairs);
		return -1;
	}
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		/* One entry per paragraph even when it cites the footnote twice. */
		if (m > 0 && v->cite_fn[m - 1] == pairs[2 * i] && v->cite_para[m - 1] == pairs[2 * i + 1])
			continue;
		v->cite_fn[m] = pairs[2 * i];
		v->cite_para[m] = pairs[2 * i + 1];
		m++;
	}
	v->ncite = m;
	free(pairs);
	return 0;
}

static int pane_for_kind(enum para_kind k)
{
	switch (k) {
	case PARA_PREAMBLE:
		return PANE_PREAMBLE;
	case PARA_FOOTNOTE:
		return PANE_FOOTNOTES;
	default:
		return PANE_OPERATIVE;
	}
}

int view_set_doc(struct view *v, int doc)
{
	if (!v->col || doc < 0 || (size_t)doc >= v->col->ndocs)
		return -1;
	free_doc_state(v);
	v->doc = doc;
	v->res = v->col->docs[doc];
	const struct resolution *res = v->res;
	size_t n = res->npara;
	v->pane_of = malloc((n ? n : 1) * sizeof *v->pane_of);
	v->pos_of = malloc((n ? n : 1) * sizeof *v->pos_of);
	if (!v->pane_of || !v->pos_of)
		return -1;
	size_t count[VIEW_NPANES] = { 0 };
	int plain = 0;
	for (size_t i = 0; i < n; i++) {
		const struct para *p = &res->paras[i];
		int parent = p->parent;
		int pi = parent >= 0 && (size_t)parent < i ? v->pane_of[parent] : pane_for_kind(p->kind);
		v->pane_of[i] = pi;
		v->pos_of[i] = (int)count[pi]++;
		if (p->kind == PARA_PLAIN)
			plain = 1;
	}
	static const char *names[VIEW_NPANES] = { "Preamble", "Operative", "Footnotes" };
	for (int pi = 0; pi < VIEW_NPANES; pi++) {
		struct pane *p = &v->pane[pi];
		p->name = names[pi];
		p->paras = malloc((count[pi] ? count[pi] : 1) * sizeof *p->paras);
		if (!p->paras)
			return -1;
		p->n = 0;
		p->ntop = 0;
		p->cur = p->top = 0;
		p->top_line = 0;
		p->sel = -1;
	}
	if (plain)
		v->pane[PANE_OPERATIVE].name = "Text";
	int maxw[VIEW_NPANES] = { 0 };
	for (size_t i = 0; i < n; i++) {
		const struct para *m = &res->paras[i];
		struct pane *p = &v->pane[v->pane_of[i]];
		p->paras[p->n++] = (int)i;
		if (m->parent < 0 && (m->kind == PARA_PREAMBLE || m->kind == PARA_OPERATIVE ||
		                      m->kind == PARA_FOOTNOTE || m->kind == PARA_PLAIN))
			p->ntop++;
		char label[32];
		int w = (int)strlen(dpara_label(res, (int)i, label, sizeof label));
		if (w > maxw[v->pane_of[i]])
			maxw[v->pane_of[i]] = w;
	}
	for (int pi = 0; pi < VIEW_NPANES; pi++) {
		/* Marker column, label, one space; long labels are cut rather than eat the text. */
		int w = maxw[pi] > 10 ? 10 : maxw[pi];
		v->pane[pi].gutter = w > 0 ? w + 2 : 2;
	}
	if (build_cites(v) < 0)
		return -1;
	/* A search goes on in the new document (a compilation is searched as a whole). */
	if (find_doc_changed(v) < 0)
		return -1;
	v->focus = v->pane[PANE_OPERATIVE].n ? PANE_OPERATIVE
	         : v->pane[PANE_PREAMBLE].n ? PANE_PREAMBLE : PANE_FOOTNOTES;
	v->gen++;
	if (v->geom.cols > 0)
		view_resize(v, v->geom.cols, v->geom.rows);
	return 0;
}

int view_open(struct view *v, struct collection *col, int doc, int utf8)
{
	memset(v, 0, sizeof *v);
	v->col = col;
	v->utf8 = utf8;
	v->find.cur_para = v->find.cur_index = -1;
	v->preview_para = -1;
	history_init(&v->hist);
	if (view_set_doc(v, doc) < 0) {
		view_close(v);
		return -1;
	}
	return 0;
}

static void compl_free(struct view *v)
{
	for (int i = 0; i < v->ncompl && i < COMPL_MAX; i++)
		free(v->compl[i]);
	free(v->compl);
	v->compl = NULL;
	v->ncompl = v->compl_next = 0;
}

void view_close(struct view *v)
{
	free_doc_state(v);
	find_clear(&v->find);
	keys_help_free(v->help_raw, v->nhelp_raw);
	keys_help_free(v->help, v->nhelp);
	v->help_raw = v->help = NULL;
	compl_free(v);
}

static void build_preview(struct view *v);

static int help_push(char ***v, size_t *n, size_t *cap, const char *indent, const char *s,
                     size_t len)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		char **nv = realloc(*v, nc * sizeof *nv);
		if (!nv)
			return -1;
		*v = nv;
		*cap = nc;
	}
	size_t il = strlen(indent);
	char *line = malloc(il + len + 1);
	if (!line)
		return -1;
	memcpy(line, indent, il);
	memcpy(line + il, s, len);
	line[il + len] = '\0';
	(*v)[(*n)++] = line;
	return 0;
}

/* The help wrapped to `cols`: paragraphs flow, a key row's description hangs under its
 * column (or under a small indent on narrow screens). */
static void help_wrap(struct view *v, int cols)
{
	keys_help_free(v->help, v->nhelp);
	v->help = NULL;
	v->nhelp = 0;
	size_t cap = 0;
	/* The key table's lines are made the first time the help is shown. */
	if (!v->help_raw) {
		size_t nh = 0;
		v->help_raw = keys_help_lines(&nh);
		if (!v->help_raw)
			goto oom;
		v->nhelp_raw = nh;
	}
	if (cols < 10)
		cols = 10;
	int hang = cols >= 50 ? KEYS_HELP_COL - 1 : 4;
	char pad[KEYS_HELP_COL + 1];
	memset(pad, ' ', sizeof pad - 1);
	pad[hang < KEYS_HELP_COL ? hang : KEYS_HELP_COL] = '\0';
	for (size_t i = 0; i < v->nhelp_raw; i++) {
		const char *l = v->help_raw[i];
		size_t len = strlen(l);
		int row = l[0] == ' ' && l[1] == ' ';
		size_t body = 0;
		const char *first_indent = "";
		if (row && cols >= 50 && len > (size_t)KEYS_HELP_COL - 1) {
			/* Keys column as is, the description wrapped beside it. */
			body = KEYS_HELP_COL - 1;
		}
		struct wrap_line *wl = NULL;
		int width = cols - (row ? hang : 0);
		int n = text_wrap(l + body, len - body, width > 4 ? width : 4, &wl);
		if (n < 0)
			goto oom;
		for (int k = 0; k < n; k++) {
			int r;
			if (k == 0 && body) {
				char head[256];
				snprintf(head, sizeof head, "%.*s", (int)body, l);
				r = help_push(&v->help, &v->nhelp, &cap, head, l + body + wl[k].start,
				              wl[k].end - wl[k].start);
			} else {
				r = help_push(&v->help, &v->nhelp, &cap, k == 0 ? first_indent : (row ? pad : ""),
				              l + body + wl[k].start, wl[k].end - wl[k].start);
			}
			if (r < 0) {
				free(wl);
				goto oom;
			}
		}
		free(wl);
	}
	return;
oom:
	view_message(v, 1, "out of memory");
}

void view_resize(struct view *v, int cols, int rows)
{
	if (cols < 1)
		cols = 1;
	if (rows < 1)
		rows = 1;
	int stacked_w[VIEW_NPANES] = { 3, 5, 3 }, wide_w[VIEW_NPANES] = { 30, 40, 30 };
	int *w = cols >= GEOM_WIDE_COLS ? wide_w : stacked_w;
	/* Panes with nothing to show get the least room. */
	for (int i = 0; i < VIEW_NPANES; i++)
		if (v->pane[i].n == 0)
			w[i] = 1;
	struct geom full;
	geom_compute(&full, cols, rows, VIEW_NPANES, -1, w);
	geom_compute(&v->geom, cols, rows, VIEW_NPANES, v->zoomed ? v->focus : -1, w);
	for (int i = 0; i < VIEW_NPANES; i++) {
		struct pane *p = &v->pane[i];
		const struct rect *r = v->geom.pane[i].h > 0 ? &v->geom.pane[i] : &full.pane[i];
		if (r->h > 0) {
			p->width = r->w;
			p->height = r->h - 1;
		} else {
			p->width = cols;
			p->height = rows - 2;
		}
		if (p->height < 1)
			p->height = 1;
		if (p->width < 1)
			p->width = 1;
		pane_clamp(v, i);
	}
	v->list.height = rows - 2 > 1 ? rows - 2 : 1;
	/* The help is wrapped when it is shown, not at every start and resize. */
	v->help_cols = cols - 2;
	if (v->mode == MODE_HELP) {
		help_wrap(v, v->help_cols);
	} else {
		keys_help_free(v->help, v->nhelp);
		v->help = NULL;
		v->nhelp = 0;
	}
	if (v->list.cur >= v->list.top + (size_t)v->list.height)
		v->list.top = v->list.cur - (size_t)v->list.height + 1;
	if (v->mode == MODE_PREVIEW)
		build_preview(v);
	if (v->notes)
		vnotes_resize(v->notes, rows);
}

static void here(struct view *v, struct place *pl)
{
	struct pane *p = &v->pane[v->focus];
	pl->doc = v->doc;
	pl->pane = v->focus;
	pl->para = p->n ? p->paras[p->cur] : -1;
	pl->top_para = p->n ? p->paras[p->top] : -1;
	pl->top_line = p->top_line;
}

static void go_place(struct view *v, const struct place *pl)
{
	if (pl->doc != v->doc && view_set_doc(v, pl->doc) < 0) {
		view_message(v, 1, "out of memory");
		return;
	}
	if (pl->pane < 0 || pl->pane >= VIEW_NPANES)
		return;
	v->focus = pl->pane;
	struct pane *p = &v->pane[v->focus];
	if (pl->para >= 0 && (size_t)pl->para < v->res->npara && v->pane_of[pl->para] == pl->pane)
		p->cur = (size_t)v->pos_of[pl->para];
	if (pl->top_para >= 0 && (size_t)pl->top_para < v->res->npara &&
	    v->pane_of[pl->top_para] == pl->pane) {
		p->top = (size_t)v->pos_of[pl->top_para];
		p->top_line = pl->top_line;
	}
	p->sel = -1;
	if (v->zoomed)
		view_resize(v, v->geom.cols, v->geom.rows);
	pane_clamp(v, v->focus);
}

static void set_focus(struct view *v, int pi)
{
	v->focus = pi;
	if (v->zoomed)
		view_resize(v, v->geom.cols, v->geom.rows);
}

void view_push_history(struct view *v)
{
	struct place pl;
	here(v, &pl);
	history_push(&v->hist, &pl);
}

void view_show_para(struct view *v, int para, int line)
{
	if (para < 0 || (size_t)para >= v->res->npara)
		return;
	set_focus(v, v->pane_of[para]);
	struct pane *p = &v->pane[v->focus];
	p->sel = -1;
	pane_show(v, v->focus, (size_t)v->pos_of[para], line);
	p->sel = -1;
}

void view_goto_para(struct view *v, int para)
{
	if (para < 0 || (size_t)para >= v->res->npara)
		return;
	view_push_history(v);
	view_show_para(v, para, 0);
}

int view_selected_link(struct view *v, int pi)
{
	struct pane *p = &v->pane[pi];
	if (p->n == 0)
		return -1;
	struct dpara *d = pane_dpara(v, pi, p->cur);
	if (!d || d->nlinks == 0)
		return -1;
	return p->sel >= 0 && p->sel < d->nlinks ? p->sel : 0;
}

int view_current_match(struct view *v, int para, size_t *start, size_t *end)
{
	struct find *f = &v->find;
	if (!f->active || f->cur_para != para || f->cur_index < 0 || para < 0 ||
	    (size_t)para >= v->res->npara)
		return -1;
	struct dpara *d = pane_dpara(v, v->pane_of[para], (size_t)v->pos_of[para]);
	if (!d || f->cur_index >= d->nhits)
		return -1;
	*start = d->hits[2 * f->cur_index];
	*end = d->hits[2 * f->cur_index + 1];
	return 0;
}

/* The selected link of the focused pane's current paragraph, copied out of the cache. */
static int selected(struct view *v, struct dlink *out, int *para)
{
	struct pane *p = &v->pane[v->focus];
	int li = view_selected_link(v, v->focus);
	if (li < 0)
		return -1;
	struct dpara *d = pane_dpara(v, v->focus, p->cur);
	*out = d->links[li];
	*para = d->para;
	return li;
}

/* From a footnote back to a citing paragraph: land with its marker of this footnote selected,
 * so Enter goes back again. */
static void goto_citer(struct view *v, int para, int fn)
{
	view_goto_para(v, para);
	struct pane *p = &v->pane[v->focus];
	struct dpara *d = pane_dpara(v, v->focus, p->cur);
	if (!d)
		return;
	for (int i = 0; i < d->nlinks; i++)
		if (d->links[i].kind == LINK_FOOTNOTE && d->links[i].target == fn) {
			p->sel = i;
			int line = dpara_line_of(d, d->links[i].start);
			pane_show(v, v->focus, p->cur, line);
			p->sel = i;
			return;
		}
}

static void follow(struct view *v, const struct dlink *l, int para)
{
	const struct resolution *res = v->res;
	switch (l->kind) {
	case LINK_FOOTNOTE: {
		int fi = res_find_footnote(res, l->target);
		if (fi < 0) {
			view_message(v, 1, "footnote %d is not in this document", l->target);
			return;
		}
		view_goto_para(v, fi);
		view_message(v, 0, "footnote %d (Backspace goes back)", l->target);
		return;
	}
	case LINK_BACKREF: {
		const struct para *fp = &res->paras[para];
		goto_citer(v, l->target, fp->num ? atoi(fp->num) : -1);
		return;
	}
	case LINK_REF: {
		int r = l->target;
		if (r < 0 || (size_t)r >= res->paras[para].nrefs)
			return;
		int n = vlist_cited(v, para, r);
		if (n < 0)
			view_message(v, 1, "out of memory");
		else if (n == 0)
			view_message(v, 1, "no paragraph cites that document");
		return;
	}
	}
}

static void build_preview(struct view *v)
{
	dpara_free(v->preview);
	v->preview = NULL;
	if (v->preview_para < 0)
		return;
	int w = v->geom.cols - 4;
	if (w > 72)
		w = 72;
	if (w < 10)
		w = 10;
	v->preview_w = w;
	struct dpara_opts o = { .width = w - 2, .gutter = 0, .utf8 = v->utf8 };
	const struct para *m = &v->res->paras[v->preview_para];
	int nc = 0;
	if (m->kind == PARA_FOOTNOTE && m->num) {
		/* The same "cited in" line as in the pane. */
		size_t lo = 0;
		while (lo < v->ncite && v->cite_fn[lo] < atoi(m->num))
			lo++;
		size_t hi = lo;
		while (hi < v->ncite && v->cite_fn[hi] == atoi(m->num))
			hi++;
		o.citers = hi > lo ? &v->cite_para[lo] : NULL;
		nc = (int)(hi - lo);
	}
	o.nciters = nc;
	v->preview = dpara_build(v->res, v->preview_para, &o);
	if (!v->preview) {
		view_message(v, 1, "out of memory");
		v->mode = MODE_NORMAL;
	}
}

static void preview(struct view *v)
{
	struct dlink l;
	int para;
	if (selected(v, &l, &para) < 0) {
		view_message(v, 1, "no reference here to preview (r steps through references)");
		return;
	}
	int target = -1;
	if (l.kind == LINK_FOOTNOTE) {
		target = res_find_footnote(v->res, l.target);
		snprintf(v->preview_title, sizeof v->preview_title, "Footnote %d", l.target);
	} else if (l.kind == LINK_BACKREF) {
		target = l.target;
		const char *lab = res_label(v->res, target);
		clip_text(lab ? lab : "", 64, 40, v->utf8, 1, v->preview_title, sizeof v->preview_title);
	} else {
		const struct ref *r = &v->res->paras[para].refs[l.target];
		char t[80];
		clip_text(r->target ? r->target : "?", 200, 60, v->utf8, 1, t, sizeof t);
		view_message(v, 0, "%s %s: Enter lists the paragraphs citing it",
		             r->kind == REF_RESOLUTION ? "resolution" : "document", t);
		return;
	}
	if (target < 0) {
		view_message(v, 1, "footnote %d is not in this document", l.target);
		return;
	}
	v->preview_para = target;
	v->mode = MODE_PREVIEW;
	build_preview(v);
}

static void step_ref(struct view *v, int dir)
{
	struct pane *p = &v->pane[v->focus];
	struct dpara *d = p->n ? pane_dpara(v, v->focus, p->cur) : NULL;
	if (!d || d->nlinks == 0) {
		char label[64];
		const char *l = p->n ? res_label(v->res, p->paras[p->cur]) : "";
		clip_text(l ? l : "", 64, 30, v->utf8, 1, label, sizeof label);
		view_message(v, 1, "no references in %s", label);
		return;
	}
	int cur = p->sel >= 0 && p->sel < d->nlinks ? p->sel : (dir > 0 ? -1 : 0);
	int next = (cur + dir + d->nlinks) % d->nlinks;
	int line = dpara_line_of(d, d->links[next].start);
	pane_show(v, v->focus, p->cur, line);
	p->sel = next;
	view_message(v, 0, "reference %d of %d (Enter follows, p previews)", next + 1, d->nlinks);
}

static void focus_step(struct view *v, int dir)
{
	for (int k = 1; k <= VIEW_NPANES; k++) {
		int pi = (v->focus + dir * k + VIEW_NPANES * 2) % VIEW_NPANES;
		if (v->pane[pi].n > 0) {
			set_focus(v, pi);
			return;
		}
	}
}

static void focus_pane(struct view *v, int pi)
{
	if (v->pane[pi].n == 0) {
		view_message(v, 1, "no %s in this document", v->pane[pi].name);
		return;
	}
	set_focus(v, pi);
}

static void history_move(struct view *v, int back)
{
	struct place pl, to;
	here(v, &pl);
	int r = back ? history_back(&v->hist, &pl, &to) : history_forward(&v->hist, &pl, &to);
	if (r < 0) {
		view_message(v, 1, back ? "at the oldest place (no history)" : "at the newest place");
		return;
	}
	go_place(v, &to);
}

static void normal_action(struct view *v, enum action a)
{
	struct pane *p = &v->pane[v->focus];
	int page = p->height > 1 ? p->height - 1 : 1;
	switch (a) {
	case ACT_NONE:
		break;
	case ACT_LINE_DOWN:
		pane_scroll(v, v->focus, 1);
		break;
	case ACT_LINE_UP:
		pane_scroll(v, v->focus, -1);
		break;
	case ACT_PAGE_DOWN:
		pane_scroll(v, v->focus, page);
		break;
	case ACT_PAGE_UP:
		pane_scroll(v, v->focus, -page);
		break;
	case ACT_HALF_DOWN:
		pane_scroll(v, v->focus, (p->height + 1) / 2);
		break;
	case ACT_HALF_UP:
		pane_scroll(v, v->focus, -(p->height + 1) / 2);
		break;
	case ACT_FIRST:
		if (p->n)
			view_goto_para(v, p->paras[0]);
		break;
	case ACT_LAST:
		/* The end of a cut document is not loaded yet. */
		if (v->loading == 2 && view_need_all(v) < 0)
			break;
		p = &v->pane[v->focus];
		if (p->n) {
			view_goto_para(v, p->paras[p->n - 1]);
			/* Show the end of a long last paragraph too. */
			pane_scroll(v, v->focus, 1 << 20);
			p->cur = p->n - 1;
		}
		break;
	case ACT_PARA_NEXT:
		if (p->n && p->cur + 1 < p->n)
			pane_reveal(v, v->focus, p->cur + 1);
		else
			view_message(v, 1, "last paragraph of the %s", p->name);
		break;
	case ACT_PARA_PREV:
		if (p->n && p->cur > 0)
			pane_reveal(v, v->focus, p->cur - 1);
		else
			view_message(v, 1, "first paragraph of the %s", p->name);
		break;
	case ACT_BACK:
		history_move(v, 1);
		break;
	case ACT_FORWARD:
		history_move(v, 0);
		break;
	case ACT_PANE_NEXT:
		focus_step(v, 1);
		break;
	case ACT_PANE_PREV:
		focus_step(v, -1);
		break;
	case ACT_PANE_1:
		focus_pane(v, PANE_PREAMBLE);
		break;
	case ACT_PANE_2:
		focus_pane(v, PANE_OPERATIVE);
		break;
	case ACT_PANE_3:
		focus_pane(v, PANE_FOOTNOTES);
		break;
	case ACT_ZOOM:
		v->zoomed = !v->zoomed;
		view_resize(v, v->geom.cols, v->geom.rows);
		break;
	case ACT_REF_NEXT:
		step_ref(v, 1);
		break;
	case ACT_REF_PREV:
		step_ref(v, -1);
		break;
	case ACT_FOLLOW: {
		struct dlink l;
		int para;
		if (selected(v, &l, &para) < 0) {
			view_message(v, 1, "no reference here to follow");
			break;
		}
		follow(v, &l, para);
		break;
	}
	case ACT_PREVIEW:
		preview(v);
		break;
	case ACT_SEARCH_FWD:
	case ACT_SEARCH_BACK:
		v->mode = MODE_SEARCH;
		v->find.dir = a == ACT_SEARCH_FWD ? 1 : -1;
		lineedit_clear(&v->edit);
		break;
	case ACT_SEARCH_NEXT:   /* no waiting: a search, and so the whole file, came first */
		find_next(v, 1);
		break;
	case ACT_SEARCH_PREV:
		find_next(v, -1);
		break;
	case ACT_COMMAND:
		v->mode = MODE_COMMAND;
		lineedit_clear(&v->edit);
		compl_free(v);
		break;
	case ACT_OUTLINE:
		vlist_outline(v);
		break;
	case ACT_HELP:
		v->mode = MODE_HELP;
		v->help_top = 0;
		help_wrap(v, v->help_cols);
		break;
	case ACT_REDRAW:
		v->redraw = 1;
		break;
	case ACT_QUIT:
		v->quit = 1;
		break;
	case ACT_SELECT:
	case ACT_SELECT_PARA:
	case ACT_NOTE:
	case ACT_NOTE_EDITOR:
	case ACT_NOTES_HERE:
	case ACT_NOTES_PANE:
	case ACT_UNDO:
	case ACT_EXPORT:
		/* A cut document gets notes once it is whole (they anchor on its final text). */
		if (!v->notes && v->loading == 2 && view_need_all(v) < 0)
			break;
		if (!v->notes || !vnotes_action(v->notes, v, a))
			view_message(v, 1, "notes are not available");
		break;
	case ACT_COUNT:
		break;
	}
}

/* ":res ...", ":doc ...", ":docs": commands about the documents of the file. */
static int is_doc_command(const char *line)
{
	while (*line == ' ' || *line == ':')
		line++;
	return !strncmp(line, "res", 3) || !strncmp(line, "doc", 3);
}

int view_need_all(struct view *v)
{
	if (!v->loading)
		return 0;
	if (!v->need_all) {
		view_message(v, 1, "still reading the file");
		return -1;
	}
	return v->need_all(v->need_all_ctx, v);
}

static void run_command(struct view *v, const char *line)
{
	struct command c;
	command_parse(line, v->col, v->doc, v->res, &c);
	/* A resolution further on, or the list of all of them: wait for the whole file. */
	if (v->loading && ((c.kind == CMD_ERROR && c.doc < 0 && is_doc_command(line)) ||
	                   c.kind == CMD_DOCS)) {
		if (view_need_all(v) < 0)
			return;
		command_parse(line, v->col, v->doc, v->res, &c);
	}
	switch (c.kind) {
	case CMD_ERROR:
		view_message(v, 1, "%s", c.msg);
		break;
	case CMD_NONE:
		break;
	case CMD_GOTO:
		view_goto_para(v, c.para);
		break;
	case CMD_DOC: {
		if (c.doc == v->doc)
			break;
		struct place pl;
		here(v, &pl);
		history_push(&v->hist, &pl);
		if (view_set_doc(v, c.doc) < 0)
			view_message(v, 1, "out of memory");
		break;
	}
	case CMD_OUTLINE:
		vlist_outline(v);
		break;
	case CMD_DOCS:
		vlist_docs(v);
		break;
	case CMD_HELP:
		v->mode = MODE_HELP;
		v->help_top = 0;
		help_wrap(v, v->help_cols);
		break;
	case CMD_QUIT:
		v->quit = 1;
		break;
	}
}

/* Tab on the command line: complete to the common prefix, list the candidates; Tab again
 * cycles through them. */
static void complete(struct view *v)
{
	if (v->compl && v->ncompl > 1) {
		int n = v->ncompl < COMPL_MAX ? v->ncompl : COMPL_MAX;
		lineedit_set(&v->edit, v->compl[v->compl_next % n]);
		v->compl_next++;
		return;
	}
	compl_free(v);
	v->compl = calloc(COMPL_MAX, sizeof *v->compl);
	if (!v->compl)
		return;
	int n = command_complete(v->edit.buf, v->col, v->res, v->compl, COMPL_MAX);
	if (n < 0) {
		compl_free(v);
		return;
	}
	v->ncompl = n;
	if (n == 0) {
		view_message(v, 1, "no completion");
		compl_free(v);
		return;
	}
	int stored = n < COMPL_MAX ? n : COMPL_MAX;
	if (n == 1) {
		lineedit_set(&v->edit, v->compl[0]);
		compl_free(v);
		return;
	}
	size_t k = command_common_prefix(v->compl, stored);
	if (k > v->edit.len) {
		char pre[LINEEDIT_MAX];
		snprintf(pre, sizeof pre, "%.*s", (int)k, v->compl[0]);
		lineedit_set(&v->edit, pre);
	}
	/* The candidates, as many as the status line holds. */
	char list[256];
	size_t len = 0;
	for (int i = 0; i < stored && len + 2 < sizeof list; i++) {
		const char *sp = strchr(v->compl[i], ' ');
		const char *s = sp && sp[1] ? sp + 1 : v->compl[i];
		int w = snprintf(list + len, sizeof list - len, "%s%s", i ? " " : "", s);
		if (w < 0 || (size_t)w >= sizeof list - len)
			break;
		len += (size_t)w;
	}
	view_message(v, 0, "%d: %s", n, list);
}

static void edit_key(struct view *v, int key)
{
	if (key == VK_TAB && v->mode == MODE_COMMAND) {
		complete(v);
		return;
	}
	if (key != VK_TAB)
		compl_free(v);
	switch (ledit_key(&v->edit, key)) {
	case LE_ACCEPT: {
		char line[LINEEDIT_MAX];
		memcpy(line, v->edit.buf, v->edit.len + 1);
		enum view_mode m = v->mode;
		v->mode = MODE_NORMAL;
		v->msg[0] = '\0';
		if (m == MODE_COMMAND)
			run_command(v, line);
		else if (view_need_all(v) == 0)   /* all matches, counted over the whole file */
			find_start(v, line, v->find.dir ? v->find.dir : 1);
		break;
	}
	case LE_CANCEL:
		v->mode = MODE_NORMAL;
		v->msg[0] = '\0';
		break;
	case LE_EDITED:
	case LE_IGNORED:
		break;
	}
}

static void help_key(struct view *v, int key)
{
	size_t page = v->geom.rows > 3 ? (size_t)v->geom.rows - 3 : 1;
	size_t max = v->nhelp > page ? v->nhelp - page : 0;
	switch (keys_action(key)) {
	case ACT_LINE_DOWN:
		v->help_top++;
		break;
	case ACT_LINE_UP:
		if (v->help_top > 0)
			v->help_top--;
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		v->help_top += page;
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		v->help_top = v->help_top > page ? v->help_top - page : 0;
		break;
	case ACT_FIRST:
		v->help_top = 0;
		break;
	case ACT_LAST:
		v->help_top = max;
		break;
	case ACT_QUIT:
	case ACT_HELP:
	case ACT_BACK:
		v->mode = MODE_NORMAL;
		break;
	default:
		if (key == VK_ESC || key == VK_ENTER)
			v->mode = MODE_NORMAL;
		break;
	}
	if (v->help_top > max)
		v->help_top = max;
}

void view_key(struct view *v, int key)
{
	if (key == VK_RESIZE || key == VK_MOUSE)
		return;
	if (v->notes && vnotes_active(v->notes) && v->mode == MODE_NORMAL) {
		vnotes_key(v->notes, v, key);
		return;
	}
	switch (v->mode) {
	case MODE_COMMAND:
	case MODE_SEARCH:
		edit_key(v, key);
		return;
	case MODE_HELP:
		help_key(v, key);
		return;
	case MODE_LIST:
		v->msg[0] = '\0';
		vlist_key(v, key);
		return;
	case MODE_PREVIEW:
		v->mode = MODE_NORMAL;
		dpara_free(v->preview);
		v->preview = NULL;
		if (keys_action(key) == ACT_FOLLOW)
			normal_action(v, ACT_FOLLOW);
		return;
	case MODE_NORMAL:
		break;
	}
	v->msg[0] = '\0';
	if (key == VK_ESC && v->find.active) {
		/* Esc hides the matches (vim's :nohlsearch); n brings them back. */
		find_clear(&v->find);
		v->gen++;
		return;
	}
	normal_action(v, keys_action(key));
}

void view_click(struct view *v, int y, int x)
{
	if (v->mode == MODE_LIST) {
		if (y >= 1 && y < v->geom.rows - 1) {
			size_t i = v->list.top + (size_t)(y - 1);
			if (i < v->list.n) {
				v->list.cur = i;
				vlist_key(v, VK_ENTER);
			}
		}
		return;
	}
	if (v->mode != MODE_NORMAL || (v->notes && vnotes_active(v->notes))) {
		view_key(v, VK_ESC);
		return;
	}
	int pi = geom_pane_at(&v->geom, y, x);
	if (pi < 0 || v->pane[pi].n == 0)
		return;
	v->msg[0] = '\0';
	v->focus = pi;
	struct pane *p = &v->pane[pi];
	const struct rect *r = &v->geom.pane[pi];
	int row = y - r->y - 1;
	if (row < 0)
		return;
	size_t pos = p->top;
	int line = p->top_line;
	if (pane_advance(v, pi, &pos, &line, row) != row)
		return;
	struct dpara *d = pane_dpara(v, pi, pos);
	if (!d)
		return;
	int col = x - r->x - p->gutter - d->indent;
	int li = dpara_link_at(d, line, col);
	if (p->cur != pos)
		p->sel = -1;
	p->cur = pos;
	if (li >= 0) {
		p->sel = li;
		normal_action(v, ACT_FOLLOW);
	}
}

void view_wheel(struct view *v, int y, int x, int delta)
{
	if (v->notes && (v->notes->mode == VN_PANE || v->notes->mode == VN_POPUP)) {
		for (int i = 0; i < (delta > 0 ? delta : -delta); i++)
			vnotes_key(v->notes, v, delta > 0 ? 'j' : 'k');
		return;
	}
	if (v->mode == MODE_LIST) {
		for (int i = 0; i < (delta > 0 ? delta : -delta); i++)
			vlist_key(v, delta > 0 ? 'j' : 'k');
		return;
	}
	if (v->mode == MODE_HELP) {
		for (int i = 0; i < (delta > 0 ? delta : -delta); i++)
			help_key(v, delta > 0 ? 'j' : 'k');
		return;
	}
	int pi = geom_pane_at(&v->geom, y, x);
	if (pi < 0)
		pi = v->focus;
	pane_scroll(v, pi, delta);
}

void view_title(const struct view *v, int pi, char *buf, size_t size)
{
	const struct pane *p = &v->pane[pi];
	const char *dot = v->utf8 ? " \u00b7 " : " - ";
	if (p->n == 0) {
		snprintf(buf, size, "%s%snone", p->name, dot);
		return;
	}
	int para = p->paras[p->cur];
	const struct para *m = &v->res->paras[para];
	char label[64];
	if (m->kind == PARA_FOOTNOTE && m->num)
		clip_text(m->num, 16, 12, v->utf8, 0, label, sizeof label);
	else {
		const char *l = res_label(v->res, para);
		clip_text(l ? l : "", 64, 30, v->utf8, 1, label, sizeof label);
	}
	int counted = m->parent < 0 && (m->kind == PARA_PREAMBLE || m->kind == PARA_OPERATIVE ||
	                                 m->kind == PARA_FOOTNOTE || m->kind == PARA_PLAIN);
	/* Footnotes numbered as in a printed volume (8 to 11) are counted apart: "8 (1 of 4)". */
	if (counted && m->kind == PARA_FOOTNOTE && m->num && (size_t)atoi(m->num) != p->cur + 1)
		snprintf(buf, size, "%s%s%s (%zu of %zu)", p->name, dot, label, (size_t)p->cur + 1,
		         p->ntop);
	else if (counted)
		snprintf(buf, size, "%s%s%s of %zu", p->name, dot, label, p->ntop);
	else
		snprintf(buf, size, "%s%s%s", p->name, dot, label);
}

void view_status(const struct view *v, char *left, size_t lsize, char *right, size_t rsize)
{
	const struct res_meta *m = &v->res->meta;
	char sym[96], title[192];
	clip_text(m->symbol ? m->symbol : "(no symbol)", 200, 40, v->utf8, 1, sym, sizeof sym);
	clip_text(m->title ? m->title : "", 400, 60, v->utf8, 1, title, sizeof title);
	char nth[48] = "";
	if (v->col && v->col->ndocs > 1)
		snprintf(nth, sizeof nth, " (%d of %zu)", v->doc + 1, v->col->ndocs);
	snprintf(left, lsize, "%s%s%s%s%s", sym, nth, *title ? (v->utf8 ? " \u00b7 " : " - ") : "",
	         title, "");
	if (v->msg[0])
		clip_text(v->msg, sizeof v->msg, 200, v->utf8, 0, right, rsize);
	else
		snprintf(right, rsize, "? help");
}
