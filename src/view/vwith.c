/* vwith.c: a second copy of the resolution beside the first (vwith.h): opening it, laying out
 * its rows (two paragraphs and the notes under them), and scrolling the two together. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "doc/parse.h"
#include "view/clip.h"
#include "view/vnotes.h"
#include "view/vwith.h"

/* Gutter columns: the bar along the current row, a label ("OP 10"), the notes mark, a space. */
#define WITH_GUTTER 9

static void free_row(struct vwith_row *r)
{
	for (int s = 0; s < 2; s++) {
		dpara_free(r->d[s]);
		keys_help_free(r->notes[s], r->nnotes[s]);
	}
	memset(r, 0, sizeof *r);
}

static void free_rows(struct vwith *w)
{
	for (size_t i = 0; w->rows && i < w->al.nrows; i++)
		free_row(&w->rows[i]);
}

void vwith_close(struct view *v)
{
	struct vwith *w = v->with;
	if (!w)
		return;
	free_rows(w);
	free(w->rows);
	align_free(&w->al);
	if (w->set_open)
		annot_close(&w->set);
	collection_free(w->col);
	free(w);
	v->with = NULL;
}

/* The second copy's notes, from the store the first's come from, once there is one (the
 * reader opens the store after the first screen). */
static void vwith_notes(const struct view *v)
{
	struct vwith *w = v->with;
	if (w->set_open || !v->notes || !v->notes->usable || !v->notes->store)
		return;
	annot_open(&w->set, v->notes->store, w->res);   /* without it no notes show beside */
	w->set_open = 1;
}

/* The notes' generations: a change on either side lays the rows out again. */
static unsigned notes_gen(const struct view *v)
{
	const struct vwith *w = v->with;
	unsigned g = v->gen * 31u;
	if (v->notes)
		g += v->notes->set.gen * 7u;
	if (w->set_open)
		g += w->set.gen;
	return g;
}

int vwith_open(struct view *v, const char *path)
{
	if (!v->res) {
		view_message(v, 1, "no document to read beside");
		return EX_DATAERR;
	}
	struct collection *col = NULL;
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	char shown[160];
	clip_text(path, strlen(path), 60, v->utf8, 1, shown, sizeof shown);
	int rc = parse_file(path, INPUT_AUTO, &col, &d);
	if (rc != 0) {
		char why[160];
		clip_text(d.reason, strlen(d.reason), 70, v->utf8, 1, why, sizeof why);
		view_message(v, 1, "%s: %s", shown, why);
		return rc;
	}
	const struct resolution *other = NULL;
	for (size_t i = 0; i < col->ndocs && !other; i++)
		if (v->res->meta.symbol && col->docs[i]->meta.symbol
		    && strcmp(v->res->meta.symbol, col->docs[i]->meta.symbol) == 0)
			other = col->docs[i];
	if (!other && col->ndocs == 1 && (!v->res->meta.symbol || !col->docs[0]->meta.symbol))
		other = col->docs[0];
	if (!other) {
		const char *s = col->ndocs == 1 && col->docs[0]->meta.symbol ? col->docs[0]->meta.symbol
		                                                             : "another resolution";
		view_message(v, 1, "%s is %.40s, not %.40s", shown, s,
		             v->res->meta.symbol ? v->res->meta.symbol : "this one");
		collection_free(col);
		return EX_DATAERR;
	}
	struct vwith *w = calloc(1, sizeof *w);
	if (!w || align_pair(v->res, other, &w->al) != 0
	    || !(w->rows = calloc(w->al.nrows ? w->al.nrows : 1, sizeof *w->rows))) {
		if (w)
			align_free(&w->al);
		free(w);
		collection_free(col);
		view_message(v, 1, "out of memory");
		return EX_OSERR;
	}
	if (v->with) {
		/* another copy replaces the one beside */
		vwith_close(v);
	}
	w->col = col;
	w->res = other;
	clip_text(path, strlen(path), 100, v->utf8, 1, w->name, sizeof w->name);
	const char *la = v->res->meta.language, *lb = other->meta.language;
	int langs = la && lb && strcmp(la, lb) != 0;
	snprintf(w->tag[0], sizeof w->tag[0], "%s", langs ? la : "1");
	snprintf(w->tag[1], sizeof w->tag[1], "%s", langs ? lb : "2");
	v->with = w;
	vwith_notes(v);
	int para = view_current_para(v);
	long row = para >= 0 ? align_find(&w->al, 0, para) : -1;
	w->cur = row > 0 ? (size_t)row : 0;
	if (view_top(v) != MODE_WITH)
		view_push(v, MODE_WITH);
	vwith_layout(v, v->geom.cols);
	vwith_goto(v, w->cur);
	if (w->al.only_a || w->al.only_b)
		view_message(v, 0, "%zu paragraphs paired; %zu only in %s, %zu only in %s",
		             w->al.pairs, w->al.only_a, w->tag[0], w->al.only_b, w->tag[1]);
	else
		view_message(v, 0, "%zu paragraphs paired", w->al.pairs);
	return 0;
}

void vwith_layout(struct view *v, int cols)
{
	struct vwith *w = v->with;
	if (!w)
		return;
	free_rows(w);
	w->colw = (cols - 1) / 2 > 20 ? (cols - 1) / 2 : 20;
	w->gutter = WITH_GUTTER;
	w->gen = notes_gen(v);
}

int vwith_height(const struct view *v)
{
	return v->geom.rows > 2 ? v->geom.rows - 2 : 1;
}

/* Highlights of the second copy's paragraph, for its layout. */
static size_t other_spans(const struct vwith *w, int para, struct dspan **out)
{
	*out = NULL;
	if (!w->set_open)
		return 0;
	const struct annot_para *ap = annot_para(&w->set, para);
	if (!ap->nseg || !(*out = malloc(ap->nseg * sizeof **out)))
		return 0;
	for (size_t i = 0; i < ap->nseg; i++) {
		const struct annot_seg *g = &ap->seg[i];
		(*out)[i] = (struct dspan){ g->start, g->end, g->color >= 0 ? g->color + 1 : 6,
		                            g->count > 1 ? ST_OVERLAP : 0 };
	}
	return ap->nseg;
}

/* The annotations of paragraph para of one side (0: the view's copy), or NULL. */
static const struct annot_set *side_set(const struct view *v, int side)
{
	const struct vwith *w = v->with;
	if (side)
		return w->set_open ? &w->set : NULL;
	return v->notes && v->notes->res == v->res ? &v->notes->set : NULL;
}

/* The lines under one side: its own notes ("✎ text"), then every annotation the other copy
 * has on the same paragraph, as a note on it ("✎ fr: «quote» text"). */
static int note_lines(const struct view *v, const struct align_row *ar, int side, char ***out,
                      size_t *n)
{
	const struct vwith *w = v->with;
	size_t cap = 0;
	const char *pen = v->utf8 ? "\u270e" : "*";
	const char *lq = v->utf8 ? "\u00ab" : "\"", *rq = v->utf8 ? "\u00bb" : "\"";
	for (int k = 0; k < 2; k++) {
		int s = k ? !side : side, own = !k;
		int para = s ? ar->b : ar->a;
		const struct annot_set *set = side_set(v, s);
		if (para < 0 || !set)
			continue;
		const struct annot_para *ap = annot_para(set, para);
		for (size_t i = 0; i < ap->n; i++) {
			const struct annotation *a = annot_para_item(set, para, i);
			int has_note = a->note && *a->note;
			if (own && !has_note)
				continue;          /* a highlight shows in the text itself */
			char line[1200];
			if (own)
				snprintf(line, sizeof line, "%s %.900s", pen, a->note);
			else
				snprintf(line, sizeof line, "%s %s: %s%.300s%s%s%.600s", pen, w->tag[s],
				         a->exact ? lq : "", a->exact ? a->exact : "", a->exact ? rq : "",
				         has_note ? " " : "", has_note ? a->note : "");
			if (keys_lines_push(out, n, &cap, line))
				return -1;
		}
	}
	return 0;
}

const struct vwith_row *vwith_row(const struct view *v, size_t row)
{
	struct vwith *w = v->with;
	if (!w || row >= w->al.nrows)
		return NULL;
	vwith_notes(v);
	if (w->gen != notes_gen(v)) {
		/* a note was added or changed: its rows are laid out again */
		free_rows(w);
		w->gen = notes_gen(v);
	}
	struct vwith_row *r = &w->rows[row];
	if (r->built)
		return r;
	const struct align_row *ar = &w->al.rows[row];
	int lines = 1;
	for (int s = 0; s < 2; s++) {
		int para = s ? ar->b : ar->a;
		int nl = 1;
		if (para >= 0) {
			struct dpara_opts o = { .width = w->colw, .gutter = w->gutter, .utf8 = v->utf8 };
			struct dspan *own = NULL;
			if (!s && v->spans)
				o.nspans = v->spans(v->spans_ctx, para, &o.spans);
			else if (s)
				o.nspans = other_spans(w, para, &own), o.spans = own;
			r->d[s] = dpara_build(s ? w->res : v->res, para, &o);
			free(own);
			if (!r->d[s]) {
				free_row(r);
				return NULL;
			}
			nl = r->d[s]->nlines > 0 ? r->d[s]->nlines : 1;
		}
		if (note_lines(v, ar, s, &r->notes[s], &r->nnotes[s])) {
			free_row(r);
			return NULL;
		}
		nl += (int)r->nnotes[s];
		if (nl > lines)
			lines = nl;
	}
	r->height = lines + 1;
	r->built = 1;
	return r;
}

static int height_of(const struct view *v, size_t row)
{
	const struct vwith_row *r = vwith_row(v, row);
	return r ? r->height : 1;
}

void vwith_scroll(struct view *v, int lines)
{
	struct vwith *w = v->with;
	if (!w || !w->al.nrows)
		return;
	for (; lines > 0; lines--) {
		if (w->top_line + 1 < height_of(v, w->top))
			w->top_line++;
		else if (w->top + 1 < w->al.nrows) {
			w->top++;
			w->top_line = 0;
		} else
			break;
	}
	for (; lines < 0; lines++) {
		if (w->top_line > 0)
			w->top_line--;
		else if (w->top > 0) {
			w->top--;
			w->top_line = height_of(v, w->top) - 1;
		} else
			break;
	}
	/* the current row follows the screen when it leaves it */
	if (w->cur < w->top)
		w->cur = w->top + (w->top_line > 0 && w->top + 1 < w->al.nrows);
	int room = vwith_height(v), used = height_of(v, w->top) - w->top_line;
	size_t last = w->top;
	while (last + 1 < w->al.nrows && used + height_of(v, last + 1) <= room)
		used += height_of(v, ++last);
	if (w->cur > last)
		w->cur = last;
}

void vwith_goto(struct view *v, size_t row)
{
	struct vwith *w = v->with;
	if (!w || !w->al.nrows)
		return;
	if (row >= w->al.nrows)
		row = w->al.nrows - 1;
	w->cur = row;
	int room = vwith_height(v);
	if (row < w->top || (row == w->top && w->top_line > 0)) {
		w->top = row;
		w->top_line = 0;
		return;
	}
	/* below the screen: scroll until the row's end is in view (its start, when it is taller) */
	int used = height_of(v, w->top) - w->top_line;
	for (size_t r = w->top + 1; r <= row; r++)
		used += height_of(v, r);
	while (used > room && (w->top < row)) {
		used -= height_of(v, w->top) - w->top_line;
		w->top++;
		w->top_line = 0;
	}
}

void vwith_move(struct view *v, long delta)
{
	struct vwith *w = v->with;
	if (!w || !w->al.nrows)
		return;
	long r = (long)w->cur + delta;
	if (r < 0)
		r = 0;
	vwith_goto(v, (size_t)r);
}
