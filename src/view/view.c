/* view.c: the reader's state: opening a document, the configuration, sizing, places and the
 * history, the footnotes pane following the reading, and the text of titles and the status
 * line. What keys do is in the mode files (mode-*.c). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/wrap.h"
#include "view/clip.h"
#include "view/copy.h"
#include "view/find.h"
#include "view/pane.h"
#include "view/view.h"
#include "view/vlist.h"
#include "view/vnotes.h"

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
	if (v->cache)
		dcache_clear(v->cache);
	/* Lists and popups hold paragraph indexes of the document that goes. */
	if (view_in(v, MODE_LIST) || view_in(v, MODE_PREVIEW))
		view_reset(v);
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
		/* Marker column, label, the notes mark's column, one space. The mark's column is
		 * always there, so the first highlight never re-wraps the pane; long labels are
		 * cut rather than eat the text. */
		int w = maxw[pi] > 10 ? 10 : maxw[pi];
		v->pane[pi].gutter = w + 3;
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
	v->lines.at = -1;
	v->modes[0] = MODE_READ;
	v->nmodes = 1;
	conf_defaults(&v->conf);
	v->follow = v->conf.follow;
	history_init(&v->hist);
	v->cache = calloc(1, sizeof *v->cache);
	if (!v->cache || view_set_doc(v, doc) < 0) {
		view_close(v);
		return -1;
	}
	return 0;
}

void view_close(struct view *v)
{
	view_reset(v);
	free_doc_state(v);
	find_clear(&v->find);
	keys_help_free(v->help_raw, v->nhelp_raw);
	keys_help_free(v->help, v->nhelp);
	v->help_raw = v->help = NULL;
	for (int i = 0; i < v->ncompl && v->compl; i++)
		free(v->compl[i]);
	free(v->compl);
	v->compl = NULL;
	free(v->cache);
	v->cache = NULL;
	free(v->copy_text);
	free(v->copy_pending);
	v->copy_text = v->copy_pending = NULL;
	keymaps_free(&v->keys);
	linehist_free(&v->lines);
	conf_free(&v->conf);
}

void view_configure(struct view *v, const char *path)
{
	char *def = path ? NULL : conf_default_path();
	const char *p = path ? path : def;
	if (p) {
		snprintf(v->conf_path, sizeof v->conf_path, "%s", p);
		conf_load(&v->conf, p);
	}
	free(def);
	for (size_t i = 0; i < v->conf.nbinds; i++) {
		char err[128];
		const struct conf_bind *b = &v->conf.binds[i];
		keymap_bind(&v->keys, b->map, b->key, b->action, err, sizeof err);
	}
	v->follow = v->conf.follow;
	/* The help is made again with the user's keys. */
	keys_help_free(v->help_raw, v->nhelp_raw);
	v->help_raw = NULL;
	v->nhelp_raw = 0;
	if (v->conf.nwarnings && v->conf.warnings) {
		char q[16];
		view_key_for(v, MODE_READ, ACT_HELP, "?", q, sizeof q);
		if (v->conf.nwarnings == 1)
			view_message(v, 1, "config: %s", v->conf.warnings[0]);
		else
			view_message(v, 1, "config: %zu problems (%s lists them); %s", v->conf.nwarnings, q,
			             v->conf.warnings[0]);
	}
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
		/* A pane that got shorter (zoomed out, a smaller terminal) keeps showing its
		 * current paragraph: it is where the reader is. */
		if (p->n && pane_row_of(v, i, p->cur, 0) < 0) {
			int sel = p->sel;
			pane_reveal(v, i, p->cur);
			p->sel = sel;
		}
	}
	v->list.height = rows - 2 > 1 ? rows - 2 : 1;
	v->help_cols = cols - 2;
	/* The modes that lay something out for the screen (the help, a list, a popup, the
	 * edited line) do it again. */
	for (int i = 0; i < v->nmodes; i++)
		if (mode_table[v->modes[i]]->resize)
			mode_table[v->modes[i]]->resize(v);
	if (v->notes)
		vnotes_resize(v->notes, rows);
	view_follow_footnotes(v);
}

static void here(const struct view *v, struct place *pl)
{
	const struct pane *p = &v->pane[v->focus];
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

void view_set_focus(struct view *v, int pi)
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

void view_history_move(struct view *v, int back)
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

void view_show_para(struct view *v, int para, int line)
{
	if (para < 0 || (size_t)para >= v->res->npara)
		return;
	view_set_focus(v, v->pane_of[para]);
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

int view_current_para(const struct view *v)
{
	const struct pane *p = &v->pane[v->focus];
	return p->n ? p->paras[p->cur] : -1;
}

int view_selected_link(const struct view *v, int pi)
{
	const struct pane *p = &v->pane[pi];
	if (p->n == 0)
		return -1;
	const struct dpara *d = pane_dpara(v, pi, p->cur);
	if (!d || d->nlinks == 0)
		return -1;
	return p->sel >= 0 && p->sel < d->nlinks ? p->sel : 0;
}

int view_current_match(const struct view *v, int para, size_t *start, size_t *end)
{
	const struct find *f = &v->find;
	if (!f->active || f->cur_para != para || f->cur_index < 0 || para < 0 ||
	    (size_t)para >= v->res->npara)
		return -1;
	const struct dpara *d = pane_dpara(v, v->pane_of[para], (size_t)v->pos_of[para]);
	if (!d || f->cur_index >= d->nhits)
		return -1;
	*start = d->hits[2 * f->cur_index];
	*end = d->hits[2 * f->cur_index + 1];
	return 0;
}

/* The footnote the focused pane's screen cites first: the current paragraph's first marker,
 * else the first marker of the paragraphs on screen, top down. -1 when none. */
static int cited_on_screen(const struct view *v)
{
	const struct pane *p = &v->pane[v->focus];
	const struct resolution *res = v->res;
	if (!p->n)
		return -1;
	const struct para *cur = &res->paras[p->paras[p->cur]];
	for (size_t j = 0; j < cur->nmarks; j++) {
		int fi = res_find_footnote(res, cur->marks[j].footnote);
		if (fi >= 0)
			return fi;
	}
	size_t pos = p->top;
	int line = p->top_line;
	for (int row = 0; row < p->height;) {
		const struct para *m = &res->paras[p->paras[pos]];
		for (size_t j = 0; j < m->nmarks; j++) {
			int fi = res_find_footnote(res, m->marks[j].footnote);
			if (fi >= 0)
				return fi;
		}
		/* The next paragraph: the rest of this one's lines are on screen. */
		int rest = pane_nlines(v, v->focus, pos) - line;
		if (pos + 1 >= p->n)
			break;
		row += rest;
		pos++;
		line = 0;
	}
	return -1;
}

void view_follow_footnotes(struct view *v)
{
	if (!v->follow || v->focus == PANE_FOOTNOTES || !v->pane[PANE_FOOTNOTES].n ||
	    v->geom.pane[PANE_FOOTNOTES].h <= 0)
		return;
	int fi = cited_on_screen(v);
	if (fi < 0 || v->pane_of[fi] != PANE_FOOTNOTES)
		return;
	struct pane *f = &v->pane[PANE_FOOTNOTES];
	size_t pos = (size_t)v->pos_of[fi];
	if (f->cur == pos && pane_row_of(v, PANE_FOOTNOTES, pos, 0) >= 0)
		return;
	pane_show(v, PANE_FOOTNOTES, pos, 0);
	f->sel = -1;
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

void view_status(const struct view *v, int cols, char *left, size_t lsize, char *right,
                 size_t rsize)
{
	if (v->msg[0]) {
		clip_text(v->msg, sizeof v->msg, cols - 2 > 1 ? cols - 2 : 1, v->utf8, 1, right, rsize);
	} else {
		char q[16];
		snprintf(right, rsize, "%s help", view_key_for(v, MODE_READ, ACT_HELP, ":help", q,
		                                               sizeof q));
	}
	int rw = text_width(right, strlen(right));
	/* The left part takes the room the right part leaves: the symbol whole (up to 40
	 * columns), then the title as far as it goes. */
	int room = cols - rw - 3;
	const struct res_meta *m = &v->res->meta;
	char sym[192], nth[48] = "", title[1024];
	int sw = clip_text(m->symbol ? m->symbol : "(no symbol)", 200, room < 40 ? room : 40, v->utf8,
	                   1, sym, sizeof sym);
	if (v->col && v->col->ndocs > 1)
		snprintf(nth, sizeof nth, " (%d of %zu)", v->doc + 1, v->col->ndocs);
	int tw = room - sw - (int)strlen(nth) - 3;
	title[0] = '\0';
	if (m->title && tw > 3)
		clip_text(m->title, strlen(m->title), tw, v->utf8, 1, title, sizeof title);
	snprintf(left, lsize, "%s%s%s%s", sym, nth, *title ? (v->utf8 ? " \u00b7 " : " - ") : "",
	         title);
}

int view_busy(const struct view *v)
{
	for (int i = 1; i < v->nmodes; i++) {
		enum view_mode m = v->modes[i];
		if (m == MODE_SELECT || m == MODE_POPUP || m == MODE_NOTES || m == MODE_CONFIRM ||
		    (m == MODE_LINE && v->line && v->line->history < 0))
			return 1;
	}
	return 0;
}

void view_copy(struct view *v, char *text)
{
	if (!text) {
		view_message(v, 1, "nothing to copy here");
		return;
	}
	free(v->copy_text);
	v->copy_text = text;
	v->want_copy = 0;
	if (!v->conf.copy_command[0]) {
		v->want_copy = 1;
		return;
	}
	char err[600];
	int r = copy_run(v->conf.copy_command, text, err, sizeof err);
	view_copy_done(v, v->conf.copy_command, r < 0 ? err : NULL);
}

void view_copy_done(struct view *v, const char *how, const char *err)
{
	(void)how;
	v->want_copy = 0;
	if (err)
		view_message(v, 1, "%s", err);
	else
		view_message(v, 0, "copied: %s", v->copy_text ? v->copy_text : "");
	free(v->copy_text);
	v->copy_text = NULL;
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

/* Appends text to path, saying so; takes text over. */
static void append_to(struct view *v, const char *path, char *text)
{
	char err[600];
	if (copy_append(path, text, err, sizeof err) < 0)
		view_message(v, 1, "%s", err);
	else
		view_message(v, 0, "appended to %s: %s", path, text);
	free(text);
}

static void copy_file_accept(struct view *v, const char *line)
{
	char *text = v->copy_pending;
	v->copy_pending = NULL;
	if (!text)
		return;
	if (!line[0]) {
		free(text);
		view_message(v, 0, "nothing copied");
		return;
	}
	/* The file named once is offered again. */
	snprintf(v->conf.copy_file, sizeof v->conf.copy_file, "%s", line);
	append_to(v, line, text);
}

static const struct line_spec copy_file_line = { -1, copy_file_accept, NULL, "nothing copied",
                                                 NULL };

void view_copy_append(struct view *v, char *text, const char *path, const char *what)
{
	if (!text) {
		view_message(v, 1, "nothing to copy here");
		return;
	}
	if (path) {
		append_to(v, path, text);
		return;
	}
	free(v->copy_pending);
	v->copy_pending = text;
	char label[96];
	snprintf(label, sizeof label, "Append %s to: ", what);
	view_line_open(v, &copy_file_line, v->conf.copy_file, label);
}
