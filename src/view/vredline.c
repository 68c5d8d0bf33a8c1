/* vredline.c: the redline's state in the reader: its panes of entries, their layouts (built
 * from the redline's segments into the display paragraphs the reading panes draw, so drawing,
 * right-to-left text and styles are the reading screen's own), and moving through them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/parse.h"
#include "text/utf8.h"
#include "text/wrap.h"
#include "view/clip.h"
#include "view/view.h"
#include "diff/out.h"
#include "view/vredline.h"

static const char *const pane_names[RPANES] = { "Preamble", "Operative", "Footnotes" };

int vredline_is_change(const struct redline *rl, size_t k)
{
	const struct rl_entry *e = &rl->e[k];
	return e->status != RL_SAME || e->moved;
}

static int pane_of_entry(const struct redline *rl, const struct rl_entry *e)
{
	switch (redline_section(rl, e)) {
	case RL_SEC_PREAMBLE:
		return RPANE_PREAMBLE;
	case RL_SEC_FOOTNOTE:
		return RPANE_FOOTNOTES;
	default:
		return RPANE_OPERATIVE;
	}
}

/* ---- Layouts ---- */

struct lbuf {
	char *s;
	uint16_t *st;
	size_t len, cap;
	int fail;
};

static void lgrow(struct lbuf *b, size_t more)
{
	if (b->fail || b->len + more + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 128;
	while (cap < b->len + more + 1)
		cap *= 2;
	char *s = realloc(b->s, cap);
	if (s)
		b->s = s;
	uint16_t *st = realloc(b->st, cap * sizeof *st);
	if (st)
		b->st = st;
	if (!s || !st) {
		b->fail = 1;
		return;
	}
	b->cap = cap;
}

static void lbyte(struct lbuf *b, const char *s, size_t n, uint16_t st)
{
	lgrow(b, n);
	if (b->fail)
		return;
	memcpy(b->s + b->len, s, n);
	for (size_t k = 0; k < n; k++)
		b->st[b->len + k] = st;
	b->len += n;
	b->s[b->len] = '\0';
}

/* Text from the document: controls neutralised, and on a terminal without UTF-8 every other
 * character a '?'. */
static void ltext(struct lbuf *b, const char *s, size_t n, uint16_t st, int utf8)
{
	for (size_t k = 0; k < n;) {
		size_t e = k;
		while (e < n && (unsigned char)s[e] >= 0x20 && (unsigned char)s[e] < 0x7F)
			e++;
		if (e > k) {
			lbyte(b, s + k, e - k, st);
			k = e;
			continue;
		}
		uint32_t c;
		size_t cl = utf8_decode(s + k, n - k, &c);
		if (c == '\t' || c == '\n' || c == '\r')
			lbyte(b, " ", 1, st);
		else if (!utf8)
			lbyte(b, "?", 1, st);
		else if (utf8_is_control(c) || c == 0xFFFD)
			lbyte(b, "\xEF\xBF\xBD", 3, st);
		else
			lbyte(b, s + k, cl, st);
		k += cl;
	}
}

static void lmark(struct lbuf *b, int num, uint16_t st, int utf8)
{
	static const char *const sup[] = { "\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
		                           "\u2075", "\u2076", "\u2077", "\u2078", "\u2079" };
	char digits[16];
	snprintf(digits, sizeof digits, "%d", num);
	if (!utf8) {
		char m[24];
		snprintf(m, sizeof m, "[%s]", digits);
		lbyte(b, m, strlen(m), st | ST_MARK);
		return;
	}
	for (const char *p = digits; *p; p++)
		if (*p >= '0' && *p <= '9')
			lbyte(b, sup[*p - '0'], strlen(sup[*p - '0']), st | ST_MARK);
}

/* The style a paragraph's kind gives all its text (headings bold). */
static uint16_t kind_style(const struct para *p)
{
	return p && (p->kind == PARA_ANNEX_TITLE || p->kind == PARA_ANNEX_HEADING) ? ST_HEADING : 0;
}

/* A text segment, its part within the paragraph's opening words (lead_len) in italics. */
static void ltextseg(struct lbuf *b, const struct rl_seg *g, const struct para *p, uint16_t st,
                     int utf8)
{
	size_t off = (p && p->text && g->text >= p->text && g->text <= p->text + p->text_len)
	             ? (size_t)(g->text - p->text) : (size_t)-1;
	size_t cut = 0;
	if (off != (size_t)-1 && off < p->lead_len)
		cut = p->lead_len - off < g->len ? p->lead_len - off : g->len;
	ltext(b, g->text, cut, st | ST_LEAD, utf8);
	ltext(b, g->text + cut, g->len - cut, st, utf8);
}

/* The segments of e in one text: which = 0 all (deletions and insertions marked), 1 the old
 * text (deletions marked), 2 the new (insertions marked). */
static void lsegs(struct lbuf *b, const struct redline *rl, const struct rl_entry *e, int which,
                  int utf8)
{
	const struct para *po = e->old >= 0 ? &rl->old->paras[e->old] : NULL;
	const struct para *pn = e->new >= 0 ? &rl->new->paras[e->new] : NULL;
	uint16_t base = kind_style(pn ? pn : po);
	for (size_t k = 0; k < e->nsegs; k++) {
		const struct rl_seg *g = &e->segs[k];
		if ((which == 1 && g->op == RL_INS) || (which == 2 && g->op == RL_DEL))
			continue;
		int blank = 0;
		if (which == 0 && g->op != RL_EQ) {
			struct rl_group one = { g->op, k, k + 1 };
			blank = rl_group_blank(e, &one);
		}
		if (blank && g->op == RL_DEL)
			continue;           /* a space for a no-break space: shown as the new one */
		uint16_t st = base | (g->op == RL_DEL ? ST_DEL : g->op == RL_INS && !blank ? ST_INS : 0);
		if (g->text)
			ltextseg(b, g, g->op == RL_DEL ? po : pn, st, utf8);
		else
			lmark(b, rl_marker_num(g), st, utf8);
	}
}

/* An annex's label ("Annex II") before its title, as printed above it. */
static void lannex(struct lbuf *b, const struct resolution *r, int i, uint16_t st, int utf8)
{
	const struct para *p = &r->paras[i];
	if (p->kind != PARA_ANNEX_TITLE || p->annex < 0 || (size_t)p->annex >= r->nannexes ||
	    !r->annexes[p->annex].label)
		return;
	const char *l = r->annexes[p->annex].label;
	ltext(b, l, strlen(l), st | ST_HEADING, utf8);
	lbyte(b, ": ", 2, st | ST_HEADING);
}

static void ldim(struct lbuf *b, const char *fmt, const char *label, int utf8)
{
	char s[200];
	snprintf(s, sizeof s, fmt, label && *label ? label : "?");
	ltext(b, s, strlen(s), ST_DIM, utf8);
}

/* The short label of a paragraph, as its gutter shows it ("OP 2", "(b)"). */
static const char *short_label(const struct resolution *r, int i, char *buf, size_t size)
{
	dpara_label(r, i, buf, size);
	return buf[0] ? buf : res_label(r, i);
}

/* The text of entry k for side `side` (0: one text, or the old side; 1: the new side). */
static void entry_text(const struct vredline *r, size_t k, int side, int utf8, struct lbuf *b)
{
	const struct redline *rl = r->rl;
	const struct rl_entry *e = &rl->e[k];
	char lo[40] = "", ln[40] = "";
	if (e->old >= 0)
		short_label(rl->old, e->old, lo, sizeof lo);
	if (e->new >= 0)
		short_label(rl->new, e->new, ln, sizeof ln);
	if (e->status == RL_MOVED_AWAY) {
		const struct rl_entry *pair = &rl->e[rl->new_entry[e->new]];
		if (r->side && side == 0)
			lsegs(b, rl, pair, 1, utf8);
		else
			ldim(b, "moved to %s", ln, utf8);
		return;
	}
	if (!r->side) {
		if (e->moved)
			ldim(b, "moved from %s: ", lo, utf8);
		else if (e->renumbered)
			ldim(b, "was %s: ", lo, utf8);
		if (e->new >= 0)
			lannex(b, rl->new, e->new, e->status == RL_NEW ? ST_INS : 0, utf8);
		else
			lannex(b, rl->old, e->old, ST_DEL, utf8);
		lsegs(b, rl, e, 0, utf8);
		return;
	}
	if (side == 0) {
		if (e->moved) {
			ldim(b, "moved from %s", lo, utf8);
		} else if (e->old >= 0) {
			lannex(b, rl->old, e->old, e->status == RL_DELETED ? ST_DEL : 0, utf8);
			lsegs(b, rl, e, 1, utf8);
		}
		return;
	}
	if (e->new >= 0) {
		lannex(b, rl->new, e->new, e->status == RL_NEW ? ST_INS : 0, utf8);
		lsegs(b, rl, e, 2, utf8);
	}
}

static struct dpara *layout(const struct view *v, size_t k, int width, int gutter, int side)
{
	const struct vredline *r = v->redline;
	const struct redline *rl = r->rl;
	const struct rl_entry *e = &rl->e[k];
	struct dpara *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->para = (int)k;
	/* The label people know the paragraph by: the new text's, else the old's. */
	int use_new = e->new >= 0 && e->status != RL_MOVED_AWAY;
	const struct resolution *lres = use_new ? rl->new : rl->old;
	int li = use_new ? e->new : e->old;
	dpara_label(lres, li, d->gutter, sizeof d->gutter);
	const struct para *p = &lres->paras[li];
	if (p->kind == PARA_SUB && !r->side)
		d->indent = 5 * (p->depth > 0 ? (p->depth < 6 ? p->depth : 6) : 1);
	int avail = width - gutter - d->indent;
	while (avail < 20 && d->indent > 0) {
		d->indent = d->indent > 5 ? d->indent - 5 : 0;
		avail = width - gutter - d->indent;
	}
	if (avail < 1)
		avail = 1;
	struct lbuf b = { 0 };
	entry_text(r, k, side, v->utf8, &b);
	lgrow(&b, 0);
	if (!b.s && !b.fail) {
		b.s = calloc(1, 1);
		b.st = calloc(1, sizeof *b.st);
		if (!b.s || !b.st)
			b.fail = 1;
	}
	d->text = b.s;
	d->style = b.st;
	d->len = d->body_len = b.len;
	d->link = malloc((b.len + 1) * sizeof *d->link);
	d->orig = malloc((b.len + 1) * sizeof *d->orig);
	if (b.fail || !d->link || !d->orig) {
		dpara_free(d);
		return NULL;
	}
	for (size_t i = 0; i <= b.len; i++) {
		d->link[i] = -1;
		d->orig[i] = i;
	}
	const char *lang = rl->new->meta.language;
	d->rtl = lang && strcmp(lang, "ar") == 0;
	d->nlines = text_wrap(d->text, d->len, avail, &d->lines);
	if (d->nlines < 0) {
		d->nlines = 0;
		dpara_free(d);
		return NULL;
	}
	return d;
}

/* The columns of one side when side by side: halves of the text area, a rule between. */
static int side_width(const struct rpane *p)
{
	int w = (p->width - p->gutter - 1) / 2;
	return w > 1 ? w : 1;
}

struct dpara *vredline_layout(const struct view *v, int pi, size_t pos, int side)
{
	struct vredline *r = v->redline;
	const struct rpane *p = &r->pane[pi];
	if (pos >= p->n)
		return NULL;
	size_t k = p->entries[pos];
	int width = r->side ? side_width(p) : (p->width > 0 ? p->width : 1);
	int gutter = r->side ? 0 : p->gutter;
	struct dcache *c = &r->cache[r->side && side ? 1 : 0];
	struct dpara *d = dcache_get(c, (int)k, width, r->gen);
	if (d)
		return d;
	d = layout(v, k, width, gutter, r->side ? side : 0);
	if (!d)
		return NULL;
	c->builds++;
	dcache_put(c, d, width, r->gen);
	return d;
}

int vredline_nlines(const struct view *v, int pi, size_t pos)
{
	const struct dpara *a = vredline_layout(v, pi, pos, 0);
	int n = a ? a->nlines : 1;
	if (v->redline->side) {
		const struct dpara *b = vredline_layout(v, pi, pos, 1);
		if (b && b->nlines > n)
			n = b->nlines;
	}
	return n > 0 ? n : 1;
}

/* ---- Moving (as pane.c moves the reading panes) ---- */

int vredline_advance(const struct view *v, int pi, size_t *pos, int *line, int delta)
{
	const struct rpane *p = &v->redline->pane[pi];
	int moved = 0;
	if (p->n == 0)
		return 0;
	while (delta > 0) {
		if (*line + 1 < vredline_nlines(v, pi, *pos))
			(*line)++;
		else if (*pos + 1 < p->n)
			(*pos)++, *line = 0;
		else
			break;
		delta--, moved++;
	}
	while (delta < 0) {
		if (*line > 0)
			(*line)--;
		else if (*pos > 0) {
			(*pos)--;
			*line = vredline_nlines(v, pi, *pos) - 1;
		} else
			break;
		delta++, moved--;
	}
	return moved;
}

static int cmp_place(size_t pa, int la, size_t pb, int lb)
{
	if (pa != pb)
		return pa < pb ? -1 : 1;
	return la < lb ? -1 : la > lb;
}

static int row_of(const struct view *v, int pi, size_t pos, int line)
{
	const struct rpane *p = &v->redline->pane[pi];
	if (cmp_place(pos, line, p->top, p->top_line) < 0)
		return -1;
	size_t q = p->top;
	int l = p->top_line;
	for (int row = 0; row < p->height; row++) {
		if (q == pos && l == line)
			return row;
		if (vredline_advance(v, pi, &q, &l, 1) == 0)
			break;
	}
	return -1;
}

static void clamp(struct view *v, int pi)
{
	struct rpane *p = &v->redline->pane[pi];
	if (p->n == 0) {
		p->cur = p->top = 0;
		p->top_line = 0;
		return;
	}
	if (p->cur >= p->n)
		p->cur = p->n - 1;
	if (p->top == 0 && p->top_line == 0)
		return;
	if (p->top >= p->n)
		p->top = p->n - 1, p->top_line = 0;
	if (p->top_line >= vredline_nlines(v, pi, p->top))
		p->top_line = vredline_nlines(v, pi, p->top) - 1;
	size_t mp = p->n - 1;
	int ml = vredline_nlines(v, pi, mp) - 1;
	vredline_advance(v, pi, &mp, &ml, -(p->height > 1 ? p->height - 1 : 0));
	if (cmp_place(p->top, p->top_line, mp, ml) > 0)
		p->top = mp, p->top_line = ml;
}

/* After scrolling, a current entry that left the screen gives way to one on it. */
static void keep_current(struct view *v, int pi)
{
	struct rpane *p = &v->redline->pane[pi];
	if (p->n == 0 || row_of(v, pi, p->cur, 0) >= 0)
		return;
	int above = cmp_place(p->cur, 0, p->top, p->top_line) < 0;
	size_t q = p->top, first = p->n, last = p->n;
	int l = p->top_line;
	for (int row = 0; row < p->height; row++) {
		if (l == 0) {
			if (first == p->n)
				first = q;
			last = q;
		}
		if (vredline_advance(v, pi, &q, &l, 1) == 0)
			break;
	}
	size_t want = above ? first : last;
	p->cur = want < p->n ? want : p->top;
}

void vredline_scroll(struct view *v, int delta)
{
	struct vredline *r = v->redline;
	struct rpane *p = &r->pane[r->focus];
	if (p->n == 0)
		return;
	vredline_advance(v, r->focus, &p->top, &p->top_line, delta);
	clamp(v, r->focus);
	keep_current(v, r->focus);
}

void vredline_show(struct view *v, int pi, size_t pos)
{
	struct vredline *r = v->redline;
	struct rpane *p = &r->pane[pi];
	if (pos >= p->n)
		return;
	if (r->focus != pi) {
		r->focus = pi;
		if (r->zoomed)
			vredline_resize(v);
	}
	p->cur = pos;
	int nl = vredline_nlines(v, pi, pos);
	int row = row_of(v, pi, pos, 0);
	if (row >= 0 && (row + nl <= p->height || row == 0))
		return;
	if (cmp_place(pos, 0, p->top, p->top_line) < 0 || nl >= p->height) {
		p->top = pos;
		p->top_line = 0;
	} else {
		size_t q = pos;
		int l = nl - 1;
		vredline_advance(v, pi, &q, &l, -(p->height - 1));
		p->top = q;
		p->top_line = l;
	}
	clamp(v, pi);
}

long vredline_current(const struct view *v)
{
	const struct vredline *r = v->redline;
	const struct rpane *p = &r->pane[r->focus];
	return p->n ? (long)p->entries[p->cur] : -1;
}

int vredline_step_change(struct view *v, int dir)
{
	struct vredline *r = v->redline;
	const struct redline *rl = r->rl;
	long cur = r->stepped ? vredline_current(v) : dir > 0 ? -1 : (long)rl->n;
	r->stepped = 1;
	for (long k = cur + dir; k >= 0 && (size_t)k < rl->n; k += dir) {
		if (!vredline_is_change(rl, (size_t)k))
			continue;
		int pi = pane_of_entry(rl, &rl->e[k]);
		struct rpane *p = &r->pane[pi];
		size_t lo = 0, hi = p->n;      /* entries are in order: find its place */
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (p->entries[mid] < (size_t)k)
				lo = mid + 1;
			else
				hi = mid;
		}
		vredline_show(v, pi, lo);
		size_t nth = 0, all = 0;
		for (size_t j = 0; j < rl->n; j++)
			if (vredline_is_change(rl, j)) {
				all++;
				if (j <= (size_t)k)
					nth++;
			}
		view_message(v, 0, "change %zu of %zu: %s", nth, all, rl_status_name(&rl->e[k]));
		return 0;
	}
	view_message(v, 1, dir > 0 ? "no more changes below" : "no more changes above");
	return -1;
}

/* ---- Opening, sizes ---- */

void vredline_resize(struct view *v)
{
	struct vredline *r = v->redline;
	int weights[RPANES];
	for (int i = 0; i < RPANES; i++)
		weights[i] = r->pane[i].n ? (i == RPANE_OPERATIVE ? 3 : 2) : 0;
	int zoom = r->zoomed ? r->focus : -1;
	if (!weights[r->focus] && !r->zoomed)
		weights[r->focus] = 1;
	geom_compute(&r->geom, v->geom.cols, v->geom.rows, RPANES, zoom, weights);
	for (int i = 0; i < RPANES; i++) {
		struct rpane *p = &r->pane[i];
		p->width = r->geom.pane[i].w;
		p->height = r->geom.pane[i].h > 1 ? r->geom.pane[i].h - 1 : 0;
		clamp(v, i);
	}
}

void vredline_free(struct vredline *r)
{
	if (!r)
		return;
	for (int i = 0; i < RPANES; i++)
		free(r->pane[i].entries);
	dcache_clear(&r->cache[0]);
	dcache_clear(&r->cache[1]);
	dpara_free(r->both);
	redline_free(r->rl);
	collection_free(r->old_col);
	free(r);
}

int vredline_open_built(struct view *v, struct collection *old_col, struct redline *rl)
{
	struct vredline *r = calloc(1, sizeof *r);
	if (!r) {
		redline_free(rl);
		collection_free(old_col);
		view_message(v, 1, "out of memory");
		return -1;
	}
	r->old_col = old_col;
	r->rl = rl;
	size_t count[RPANES] = { 0 };
	for (size_t k = 0; k < rl->n; k++)
		count[pane_of_entry(rl, &rl->e[k])]++;
	int maxw[RPANES] = { 0 };
	for (int i = 0; i < RPANES; i++) {
		r->pane[i].name = pane_names[i];
		r->pane[i].entries = malloc((count[i] ? count[i] : 1) * sizeof *r->pane[i].entries);
		if (!r->pane[i].entries) {
			vredline_free(r);
			view_message(v, 1, "out of memory");
			return -1;
		}
	}
	for (size_t k = 0; k < rl->n; k++) {
		const struct rl_entry *e = &rl->e[k];
		struct rpane *p = &r->pane[pane_of_entry(rl, e)];
		p->entries[p->n++] = k;
		p->nchanges += vredline_is_change(rl, k) != 0;
		char label[32];
		int use_new = e->new >= 0 && e->status != RL_MOVED_AWAY;
		dpara_label(use_new ? rl->new : rl->old, use_new ? e->new : e->old, label, sizeof label);
		int w = (int)strlen(label), pi = pane_of_entry(rl, e);
		if (w > maxw[pi])
			maxw[pi] = w;
	}
	for (int i = 0; i < RPANES; i++)
		r->pane[i].gutter = (maxw[i] > 10 ? 10 : maxw[i]) + 3;
	r->focus = r->pane[RPANE_OPERATIVE].n ? RPANE_OPERATIVE
	         : r->pane[RPANE_PREAMBLE].n ? RPANE_PREAMBLE : RPANE_FOOTNOTES;
	char a[80], b[80], counts[200];
	clip_text(rl_name(rl, 0, NULL), 200, 30, v->utf8, 1, a, sizeof a);
	clip_text(rl_name(rl, 1, NULL), 200, 30, v->utf8, 1, b, sizeof b);
	snprintf(r->title, sizeof r->title, "%s %s %s", a, v->utf8 ? "\u2192" : "->", b);
	rl_count_text(&rl->total, counts, sizeof counts);
	snprintf(r->summary, sizeof r->summary, "%s", counts);
	v->redline = r;
	view_push(v, MODE_REDLINE);
	vredline_resize(v);
	char k[16];
	view_message(v, 0, "%s: %s (%s: next change)", r->title, r->summary,
	             view_key_for(v, MODE_REDLINE, ACT_CHANGE_NEXT, "n", k, sizeof k));
	return 0;
}

int vredline_open(struct view *v, const char *path)
{
	if (v->loading && view_need_all(v) < 0)
		return -1;
	struct collection *col = NULL;
	struct parse_diag diag;
	memset(&diag, 0, sizeof diag);
	char shown[80];
	clip_text(path, strlen(path), 40, v->utf8, 1, shown, sizeof shown);
	int rc = parse_file(path, INPUT_AUTO, &col, &diag);
	if (rc || !col || col->ndocs == 0) {
		view_message(v, 1, "%s: %s", shown, rc && diag.reason[0] ? diag.reason
		                                                          : "no resolution in it");
		collection_free(col);
		return -1;
	}
	/* Of a compilation, the resolution with the current one's title, else the first. */
	size_t pick = 0;
	const char *title = v->res->meta.title;
	for (size_t i = 0; title && i < col->ndocs; i++)
		if (col->docs[i]->meta.title && strcmp(col->docs[i]->meta.title, title) == 0) {
			pick = i;
			break;
		}
	struct redline *rl;
	if (redline_build(col->docs[pick], v->res, &rl) < 0) {
		collection_free(col);
		view_message(v, 1, "out of memory");
		return -1;
	}
	return vredline_open_built(v, col, rl);
}

/* ---- Both versions ---- */

int vredline_versions_build(struct view *v)
{
	struct vredline *r = v->redline;
	dpara_free(r->both);
	r->both = NULL;
	long k = vredline_current(v);
	if (k < 0)
		return -1;
	const struct redline *rl = r->rl;
	const struct rl_entry *e = &rl->e[k];
	if (e->status == RL_MOVED_AWAY)
		e = &rl->e[rl->new_entry[e->new]];
	int w = v->geom.cols - 4;
	if (w > 76)
		w = 76;
	if (w < 12)
		w = 12;
	r->both_w = w;
	struct lbuf b = { 0 };
	char head[200];
	if (e->old >= 0) {
		snprintf(head, sizeof head, "Old, %s %s", rl_name(rl, 0, NULL), res_label(rl->old, e->old));
		ltext(&b, head, strlen(head), ST_HEADING, v->utf8);
		lbyte(&b, "\n", 1, 0);
		lsegs(&b, rl, e, 1, v->utf8);
	}
	if (e->old >= 0 && e->new >= 0)
		lbyte(&b, "\n\n", 2, 0);
	if (e->new >= 0) {
		snprintf(head, sizeof head, "New, %s %s", rl_name(rl, 1, NULL), res_label(rl->new, e->new));
		ltext(&b, head, strlen(head), ST_HEADING, v->utf8);
		lbyte(&b, "\n", 1, 0);
		lsegs(&b, rl, e, 2, v->utf8);
	}
	if (e->old >= 0 && e->new >= 0) {
		char sim[80];
		snprintf(sim, sizeof sim, "\n\n%s; %.0f%% of the words kept", rl_status_name(e),
		         e->similarity * 100.0);
		ltext(&b, sim, strlen(sim), ST_DIM, v->utf8);
	}
	lgrow(&b, 0);
	struct dpara *d = calloc(1, sizeof *d);
	if (!d || b.fail) {
		free(d);
		free(b.s);
		free(b.st);
		return -1;
	}
	d->para = (int)k;
	d->text = b.s;
	d->style = b.st;
	d->len = d->body_len = b.len;
	d->link = malloc((b.len + 1) * sizeof *d->link);
	d->orig = malloc((b.len + 1) * sizeof *d->orig);
	if (!d->link || !d->orig) {
		dpara_free(d);
		return -1;
	}
	for (size_t i = 0; i <= b.len; i++)
		d->link[i] = -1, d->orig[i] = i;
	const char *lang = rl->new->meta.language;
	d->rtl = lang && strcmp(lang, "ar") == 0;
	d->nlines = text_wrap(d->text, d->len, w - 2, &d->lines);
	if (d->nlines < 0) {
		d->nlines = 0;
		dpara_free(d);
		return -1;
	}
	r->both = d;
	r->both_top = 0;
	char label[160];
	rl_entry_label(rl, e, label, sizeof label);
	clip_text(label, strlen(label), 50, v->utf8, 1, r->both_title, sizeof r->both_title);
	return 0;
}
