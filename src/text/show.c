/* show.c: the document as plain text for `gavel show` and the annotated export. Each paragraph
 * is rebuilt with its footnote markers ("[16]") and highlight delimiters, wrapped by display
 * width next to a label gutter, neutralised for the terminal and, when it holds right-to-left
 * text, put in visual order line by line. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "doc/align.h"
#include "doc/record.h"
#include "text/bidi.h"
#include "text/buf.h"
#include "text/show.h"
#include "text/utf8.h"
#include "text/wrap.h"

#define MIN_WIDTH 10

/* Something to insert into a paragraph's text at a byte position. At one position, closing
 * highlights come first, then markers, then opening highlights. */
struct insert {
	size_t pos;
	int rank;        /* 0 close, 1 marker, 2 open */
	size_t seq;      /* input order, to keep the sort stable */
	const char *str; /* highlight delimiter, or NULL for a marker */
	int footnote;
};

static int insert_cmp(const void *a, const void *b)
{
	const struct insert *x = a, *y = b;
	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* A position moved off the middle of a UTF-8 sequence and into the text. */
static size_t boundary(const char *s, size_t n, size_t pos)
{
	if (pos > n)
		pos = n;
	while (pos < n && ((unsigned char)s[pos] & 0xC0) == 0x80)
		pos++;
	return pos;
}

/* The paragraph's text as it is shown: markers and highlight delimiters put back in (into b,
 * emptied first), or the text itself when there are none. */
static const char *display_text(const struct para *p, int index, const struct show_opts *o,
                                struct buf *b, size_t *outlen)
{
	const char *text = p->text ? p->text : "";
	size_t n = p->text ? p->text_len : 0;
	const struct show_span *spans = NULL;
	size_t nspans = 0;
	if (o->highlights && o->hl_open && o->hl_close)
		nspans = o->highlights(o->ctx, index, &spans);
	if (!spans)
		nspans = 0;
	size_t nins = p->nmarks + 2 * nspans;
	if (nins == 0) {
		*outlen = n;
		return text;
	}
	struct insert *ins = nins ? malloc(nins * sizeof *ins) : NULL;
	if (nins && !ins)
		return NULL;
	size_t k = 0;
	for (size_t j = 0; j < p->nmarks; j++, k++)
		ins[k] = (struct insert){ boundary(text, n, p->marks[j].byte), 1, k, NULL,
		                          p->marks[j].footnote };
	for (size_t j = 0; j < nspans; j++) {
		size_t a = boundary(text, n, spans[j].start), z = boundary(text, n, spans[j].end);
		if (z < a)
			z = a;
		ins[k] = (struct insert){ a, 2, k, o->hl_open, 0 };
		k++;
		ins[k] = (struct insert){ z, 0, k, o->hl_close, 0 };
		k++;
	}
	if (nins)
		if (nins > 1)
			qsort(ins, nins, sizeof *ins, insert_cmp);
	buf_clear(b);
	size_t at = 0;
	int rc = buf_add(b, "", 0);
	for (size_t j = 0; j < nins && rc == 0; j++) {
		rc = buf_add(b, text + at, ins[j].pos - at);
		at = ins[j].pos;
		if (rc == 0 && ins[j].str) {
			rc = buf_add(b, ins[j].str, strlen(ins[j].str));
		} else if (rc == 0) {
			/* "[16]", written from the right */
			char mk[24];
			char *q = mk + sizeof mk;
			int fn = ins[j].footnote;
			unsigned long v = fn < 0 ? 0ul - (unsigned long)fn : (unsigned long)fn;
			*--q = ']';
			do
				*--q = (char)('0' + v % 10);
			while (v /= 10);
			if (fn < 0)
				*--q = '-';
			*--q = '[';
			rc = buf_add(b, q, (size_t)(mk + sizeof mk - q));
		}
	}
	if (rc == 0)
		rc = buf_add(b, text + at, n - at);
	free(ins);
	if (rc < 0)
		return NULL;
	*outlen = b->n;
	return b->s;
}

static void spaces(FILE *f, int n)
{
	static const char blank[] = "                                                                ";
	const int most = (int)sizeof blank - 1;
	for (; n > 0; n -= most)
		fwrite(blank, 1, (size_t)(n < most ? n : most), f);
}

/* Where show writes, with what it keeps from one paragraph to the next: the wrapped lines,
 * the paragraph's text with its markers, the lines as they go out. */
struct sink {
	FILE *f;
	struct wrap_line *lines;
	size_t cap;
	struct buf text, out;
};

static void sink_free(struct sink *k)
{
	free(k->lines);
	buf_free(&k->text);
	buf_free(&k->out);
}

/* n spaces (n <= 0: none) appended to b. */
static int pad(struct buf *b, int n)
{
	if (n <= 0)
		return 0;
	if (buf_reserve(b, (size_t)n) < 0)
		return -1;
	memset(b->s + b->n, ' ', (size_t)n);
	b->n += (size_t)n;
	b->s[b->n] = '\0';
	return 0;
}

static int ascii_printable(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7F)
			return 0;
	return 1;
}

static enum bidi_dir para_dir(const struct resolution *res, const char *s, size_t n)
{
	if (res->meta.language && strcmp(res->meta.language, "ar") == 0)
		return BIDI_RTL;
	if (!bidi_has_rtl(s, n))
		return BIDI_LTR;
	return bidi_direction(s, n);
}

/* Writes s wrapped to `avail` columns, each line starting at column `col`; the first line
 * may instead follow a prefix already printed, or waiting in k->out (a label: it goes out
 * first). dir is the paragraph's direction, or with dir_of (not NULL) para_dir's. Text with
 * nothing to neutralise and nothing right-to-left goes out as it is, in one fwrite. */
static int wrap_out(struct sink *k, const char *s, size_t n, int col, int avail,
                    int first_done, enum bidi_dir dir, const struct resolution *dir_of)
{
	FILE *f = k->f;
	int plain;
	int nl = text_wrap_into(s, n, avail, &k->lines, &k->cap, &plain);
	if (nl < 0) {
		buf_clear(&k->out);
		return -1;
	}
	const struct wrap_line *lines = k->lines;
	int rc = 0;
	if (dir_of)   /* plain text has no right-to-left letter: bidi_has_rtl would say no */
		dir = !plain ? para_dir(dir_of, s, n) : dir_of->meta.language
		      && strcmp(dir_of->meta.language, "ar") == 0 ? BIDI_RTL : BIDI_LTR;
	if (plain && dir != BIDI_RTL) {
		struct buf *b = &k->out;
		size_t indent = col > 0 ? (size_t)col : 0;
		if (buf_reserve(b, n + (size_t)nl * (indent + 1)) < 0) {
			buf_clear(b);
			return -1;
		}
		char *o = b->s + b->n;
		for (int j = 0; j < nl; j++) {
			if (j > 0 || !first_done) {
				memset(o, ' ', indent);
				o += indent;
			}
			size_t ll = lines[j].end - lines[j].start;
			memcpy(o, s + lines[j].start, ll);
			o += ll;
			*o++ = '\n';
		}
		*o = '\0';
		b->n = (size_t)(o - b->s);
		if (fwrite(b->s, 1, b->n, f) != b->n)
			rc = -1;
		buf_clear(b);
		return rc;
	}
	if (k->out.n && fwrite(k->out.s, 1, k->out.n, f) != k->out.n)
		rc = -1;
	buf_clear(&k->out);
	for (int j = 0; j < nl && rc == 0; j++) {
		if (j > 0 || !first_done)
			spaces(f, col);
		const char *ls = s + lines[j].start;
		size_t ll = lines[j].end - lines[j].start;
		if (dir == BIDI_RTL || bidi_has_rtl(ls, ll)) {
			/* bidi_visual neutralises controls before reordering: an override in the
			 * text can neither reach the terminal nor steer the order. */
			size_t vl;
			char *vis = bidi_visual(ls, ll, dir, &vl, NULL);
			if (!vis) {
				rc = -1;
				break;
			}
			if (dir == BIDI_RTL)
				spaces(f, avail - lines[j].width);
			rc = utf8_write_safe(f, vis, vl);
			free(vis);
		} else {
			rc = utf8_write_safe(f, ls, ll);
		}
		fputc('\n', f);
	}
	return rc;
}

static int write_wrapped(struct sink *k, const char *s, size_t n, int col, int avail,
                         int first_done, enum bidi_dir dir)
{
	return wrap_out(k, s, n, col, avail, first_done, dir, NULL);
}

/* write_wrapped in the direction para_dir gives. */
static int write_para_wrapped(struct sink *k, const struct resolution *res, const char *s,
                              size_t n, int col, int avail, int first_done)
{
	return wrap_out(k, s, n, col, avail, first_done, BIDI_LTR, res);
}

/* Where a paragraph's label and text go. */
struct place {
	char label[64];
	int label_col, text_col;
	int heading;     /* annex title or heading: full width, no gutter */
};

/* label = a b c, cut at sizeof label - 1 bytes as snprintf would cut it. */
static void label3(char *label, size_t size, const char *a, const char *b, const char *c)
{
	size_t n = 0;
	const char *parts[3] = { a, b, c };
	for (int k = 0; k < 3; k++)
		for (const char *q = parts[k]; *q && n + 1 < size; q++)
			label[n++] = *q;
	label[n] = '\0';
}

static const char *para_label(const struct para *p)
{
	return p->label ? p->label : p->id ? p->id : "";
}

/* sibw (may be NULL) holds, per paragraph, the widest label among its sub-paragraphs, so
 * "(i)" to "(viii)" line their text up. */
static void place_para(const struct resolution *res, int i, int gutter, int width,
                       const int *sibw, struct place *pl)
{
	const struct para *p = &res->paras[i];
	memset(pl, 0, sizeof *pl);
	switch (p->kind) {
	case PARA_ANNEX_TITLE:
	case PARA_ANNEX_HEADING:
		pl->heading = 1;
		return;
	case PARA_FOOTNOTE:
		label3(pl->label, sizeof pl->label, "[", p->num ? p->num : para_label(p), "]");
		break;
	case PARA_SUB:
		if (p->num)
			label3(pl->label, sizeof pl->label, "(", p->num, ")");
		else
			label3(pl->label, sizeof pl->label, "", para_label(p), "");
		break;
	case PARA_ANNEX:
		if (p->num)
			label3(pl->label, sizeof pl->label, "", p->num, ".");
		break;
	default:
		/* Inside a part the part's letter is printed above its paragraphs already: the
		 * gutter says "OP 2", not "Part A, OP 2". */
		if (p->part >= 0 && p->num && p->kind == PARA_OPERATIVE)
			label3(pl->label, sizeof pl->label, "OP ", p->num, "");
		else if (p->part >= 0 && p->num && p->kind == PARA_PREAMBLE)
			label3(pl->label, sizeof pl->label, "PP ", p->num, "");
		else
			label3(pl->label, sizeof pl->label, "", para_label(p), "");
		break;
	}
	int depth = p->depth > 0 ? p->depth : 0;
	if (depth == 0 || p->kind == PARA_FOOTNOTE) {
		pl->label_col = 0;
		pl->text_col = gutter;
	} else {
		int lw = text_width(pl->label, strlen(pl->label));
		if (sibw && p->parent >= 0 && sibw[p->parent] > lw)
			lw = sibw[p->parent];
		pl->label_col = gutter + 5 * (depth - 1);
		pl->text_col = pl->label_col + (lw + 2 > 5 ? lw + 2 : 5);
	}
	/* Keep at least half the width for the text, however deep the nesting. */
	if (pl->text_col > width / 2)
		pl->text_col = width / 2;
	if (pl->label_col > pl->text_col)
		pl->label_col = pl->text_col;
}


static int write_heading_para(struct sink *k, const struct resolution *res, int i, int width)
{
	const struct para *p = &res->paras[i];
	int rc;
	if (p->kind == PARA_ANNEX_TITLE) {
		const struct res_annex *a = p->annex >= 0 && (size_t)p->annex < res->nannexes
		                            ? &res->annexes[p->annex] : NULL;
		const char *label = a && a->label ? a->label : para_label(p);
		rc = write_para_wrapped(k, res, label, strlen(label), 0, width, 0);
		const char *title = p->text && *p->text ? p->text : a && a->title ? a->title : NULL;
		if (rc == 0 && title)
			rc = write_para_wrapped(k, res, title, strlen(title), 0, width, 0);
		return rc;
	}
	/* A heading: "I. General provisions", its number put back in front. */
	struct buf b = BUF_INIT;
	rc = buf_add(&b, "", 0);
	if (rc == 0 && p->num && *p->num) {
		rc = buf_add(&b, p->num, strlen(p->num));
		if (rc == 0 && !strchr(".)", p->num[strlen(p->num) - 1]))
			rc = buf_add(&b, ".", 1);
		if (rc == 0)
			rc = buf_add(&b, " ", 1);
	}
	if (rc == 0 && p->text)
		rc = buf_add(&b, p->text, p->text_len);
	if (rc == 0)
		rc = write_para_wrapped(k, res, b.s, b.n, 0, width, 0);
	free(b.s);
	return rc;
}

static int write_para(struct sink *k, const struct resolution *res, int i, int gutter, int width,
                      const int *sibw, const struct show_opts *o)
{
	FILE *f = k->f;
	const struct para *p = &res->paras[i];
	struct place pl;
	place_para(res, i, gutter, width, sibw, &pl);
	int rc;
	if (pl.heading) {
		rc = write_heading_para(k, res, i, width);
	} else {
		size_t n;
		const char *d = display_text(p, i, o, &k->text, &n);
		if (!d)
			return -1;
		size_t lablen = strlen(pl.label);
		int lw = text_width(pl.label, lablen);
		int first_done = 0;
		rc = 0;
		if (lw > 0) {
			if (pl.label_col + lw + 1 <= pl.text_col && ascii_printable(pl.label, lablen)) {
				/* the label waits in k->out, to go out with the first line */
				rc = pad(&k->out, pl.label_col);
				if (rc == 0)
					rc = buf_add(&k->out, pl.label, lablen);
				if (rc == 0)
					rc = pad(&k->out, pl.text_col - pl.label_col - lw);
				if (rc < 0)
					buf_clear(&k->out);
				first_done = 1;
			} else if (pl.label_col + lw + 1 <= pl.text_col) {
				spaces(f, pl.label_col);
				rc = utf8_write_safe(f, pl.label, lablen);
				spaces(f, pl.text_col - pl.label_col - lw);
				first_done = 1;
			} else {
				/* A label wider than its gutter gets a line of its own. */
				rc = write_wrapped(k, pl.label, lablen, pl.label_col,
				                   width - pl.label_col, 0, BIDI_LTR);
			}
		}
		if (rc == 0)
			rc = write_para_wrapped(k, res, d, n, pl.text_col, width - pl.text_col,
			                        first_done);
	}
	if (rc == 0 && o->after_para)
		o->after_para(o->ctx, f, res, i, width);
	return rc;
}

/* The heading: symbol, title and adoption, each wrapped and neutralised like the text. */
static int write_title(struct sink *k, const struct resolution *res, int width)
{
	const struct res_meta *m = &res->meta;
	int rc = 0;
	if (m->symbol)
		rc = write_wrapped(k, m->symbol, strlen(m->symbol), 0, width, 0, BIDI_LTR);
	if (rc == 0 && m->title)
		rc = write_para_wrapped(k, res, m->title, strlen(m->title), 0, width, 0);
	if (rc == 0 && (m->adopted || m->organ)) {
		struct buf b = BUF_INIT;
		rc = buf_add(&b, "Adopted", 7);
		if (rc == 0 && m->organ) {
			rc = buf_add(&b, " by the ", 8);
			if (rc == 0)
				rc = buf_add(&b, m->organ, strlen(m->organ));
		}
		if (rc == 0 && m->adopted) {
			rc = buf_add(&b, " on ", 4);
			if (rc == 0)
				rc = buf_add(&b, m->adopted, strlen(m->adopted));
		}
		if (rc == 0 && m->meeting) {
			rc = buf_add(&b, " (", 2);
			if (rc == 0)
				rc = buf_add(&b, m->meeting, strlen(m->meeting));
			if (rc == 0)
				rc = buf_add(&b, ")", 1);
		}
		if (rc == 0)
			rc = write_wrapped(k, b.s, b.n, 0, width, 0, BIDI_LTR);
		free(b.s);
	}
	return rc;
}

/* Marks what is shown: the requested paragraphs, their sub-paragraphs (and for an annex its
 * whole body), and the footnotes they cite. With no ids, everything. */
static int select_paras(const struct resolution *res, const char *const *ids, size_t nids,
                        char *sel, const char **bad_id)
{
	if (!ids) {
		memset(sel, 1, res->npara);
		return 0;
	}
	for (size_t k = 0; k < nids; k++) {
		int i = res_find(res, ids[k]);
		if (i < 0) {
			if (bad_id)
				*bad_id = ids[k];
			return -1;
		}
		sel[i] = 1;
		const struct para *p = &res->paras[i];
		if (p->kind == PARA_ANNEX_TITLE && p->annex >= 0)
			for (size_t j = 0; j < res->npara; j++)
				if (res->paras[j].annex == p->annex)
					sel[j] = 1;
	}
	for (size_t i = 0; i < res->npara; i++) {
		int par = res->paras[i].parent;
		if (par >= 0 && (size_t)par < i && sel[par])
			sel[i] = 1;
	}
	for (size_t i = 0; i < res->npara; i++) {
		const struct para *p = &res->paras[i];
		if (!sel[i] || p->kind == PARA_FOOTNOTE)
			continue;
		for (size_t j = 0; j < p->nmarks; j++) {
			int fi = res_find_footnote(res, p->marks[j].footnote);
			if (fi >= 0)
				sel[fi] = 1;
		}
	}
	return 0;
}

/* Gutter width: the widest top-level label of the given kind plus two spaces, capped at 12
 * columns and a third of the width. */
static int gutter_for(const struct resolution *res, const char *sel, int footnotes, int width)
{
	int g = 0;
	for (size_t i = 0; i < res->npara; i++) {
		const struct para *p = &res->paras[i];
		if (!sel[i] || (p->kind == PARA_FOOTNOTE) != footnotes || p->depth > 0)
			continue;
		struct place pl;
		place_para(res, (int)i, 0, width, NULL, &pl);
		int lw = text_width(pl.label, strlen(pl.label));
		if (lw + 2 > g)
			g = lw + 2;
	}
	/* A rare long label ("Footnote 1234") gets a line of its own rather than widening the
	 * gutter of every paragraph. */
	if (g > 12)
		g = 12;
	if (g > width / 3)
		g = width / 3;
	return g;
}

static int show_write_to(struct sink *k, const struct resolution *res,
                         const char *const *ids, size_t nids, const struct show_opts *o,
                         const char **bad_id)
{
	FILE *f = k->f;
	if (bad_id)
		*bad_id = NULL;
	int width = o->width < MIN_WIDTH ? MIN_WIDTH : o->width;
	char *sel = calloc(res->npara + 1, 1);
	if (!sel)
		return -1;
	if (select_paras(res, ids, nids, sel, bad_id) < 0) {
		free(sel);
		return -1;
	}
	int *sibw = calloc(res->npara + 1, sizeof *sibw);
	if (!sibw) {
		free(sel);
		return -1;
	}
	for (size_t i = 0; i < res->npara; i++) {
		const struct para *p = &res->paras[i];
		if (p->kind != PARA_SUB || p->parent < 0 || (size_t)p->parent >= res->npara)
			continue;
		struct place pl;
		place_para(res, (int)i, 0, width, NULL, &pl);
		int lw = text_width(pl.label, strlen(pl.label));
		if (lw > sibw[p->parent])
			sibw[p->parent] = lw;
	}
	const struct res_meta *m = &res->meta;
	int started = m->symbol || m->title || m->adopted || m->organ;  /* a blank line separates */
	int rc = write_title(k, res, width);
	int gutter = gutter_for(res, sel, 0, width);
	int part = -1;
	for (size_t i = 0; i < res->npara && rc == 0; i++) {
		const struct para *p = &res->paras[i];
		if (!sel[i] || p->kind == PARA_FOOTNOTE)
			continue;
		if (p->part != part && p->part >= 0 && (size_t)p->part < res->nparts) {
			const char *pl = res->parts[p->part].label;
			if (started)
				fputc('\n', f);
			if (pl)
				rc = write_wrapped(k, pl, strlen(pl), 0, width, 0, BIDI_LTR);
			started = 1;
		}
		part = p->part;
		if ((p->depth <= 0 || p->kind == PARA_ANNEX_HEADING) && started)
			fputc('\n', f);
		if (rc == 0)
			rc = write_para(k, res, (int)i, gutter, width, sibw, o);
		started = 1;
	}
	int fgutter = gutter_for(res, sel, 1, width);
	int any = 0;
	for (size_t i = 0; i < res->npara && rc == 0; i++) {
		if (!sel[i] || res->paras[i].kind != PARA_FOOTNOTE)
			continue;
		if (!any) {
			fputs(started ? "\nFootnotes\n\n" : "Footnotes\n\n", f);
			any = 1;
		}
		rc = write_para(k, res, (int)i, fgutter, width, sibw, o);
	}
	free(sibw);
	free(sel);
	if (rc == 0 && ferror(f))
		rc = -1;
	return rc;
}

/* The labels are English, the values as the document has them (a title may be Arabic). */
static int show_record_to(struct sink *k, const struct resolution *res, int width)
{
	FILE *f = k->f;
	struct record_field *v;
	int n = record_fields(res, &v);
	if (n < 0)
		return -1;
	if (width < 30)
		width = 30;
	/* labels in a column as wide as the widest, values wrapped beside them */
	int col = 0;
	for (int i = 0; i < n; i++) {
		int w = text_width(v[i].label, strlen(v[i].label));
		if (w > col)
			col = w;
	}
	col += 2;
	int rc = 0;
	for (int i = 0; i < n && rc == 0; i++) {
		rc = utf8_write_safe(f, v[i].label, strlen(v[i].label));
		spaces(f, col - text_width(v[i].label, strlen(v[i].label)));
		if (rc == 0)
			rc = write_wrapped(k, v[i].value, strlen(v[i].value), col, width - col, 1,
			                   bidi_has_rtl(v[i].value, strlen(v[i].value))
			                   ? bidi_direction(v[i].value, strlen(v[i].value)) : BIDI_LTR);
	}
	record_fields_free(v, n);
	return rc || ferror(f) ? -1 : 0;
}

/* One side of a pair: its tag ("en") in a column of its own, then the text wrapped beside
 * it; "(not in this copy)" where that copy lacks the paragraph. */
static int write_side(struct sink *k, const struct resolution *res, int i, const char *tag,
                      int tagw, int lead, int col, int width, const struct show_opts *o)
{
	FILE *f = k->f;
	spaces(f, lead);
	int rc = utf8_write_safe(f, tag, strlen(tag));
	spaces(f, tagw - text_width(tag, strlen(tag)));
	if (rc)
		return rc;
	int tcol = col + tagw, avail = width - tcol < 10 ? 10 : width - tcol;
	if (i < 0)
		return write_wrapped(k, "(not in this copy)", 18, tcol, avail, 1, BIDI_LTR);
	const struct para *p = &res->paras[i];
	size_t n;
	const char *d;
	struct buf b = BUF_INIT;
	if (p->kind == PARA_ANNEX_TITLE || p->kind == PARA_ANNEX_HEADING) {
		/* a heading with its number or label put back in front: "Annex II Title" */
		const char *number = p->kind == PARA_ANNEX_TITLE ? p->label : p->num;
		rc = buf_reserve(&b, 0);
		if (rc == 0)
			b.s[0] = '\0';
		if (rc == 0 && number && *number) {
			rc = buf_add(&b, number, strlen(number));
			if (rc == 0)
				rc = buf_add(&b, p->kind == PARA_ANNEX_HEADING ? ". " : " ", p->kind == PARA_ANNEX_HEADING ? 2 : 1);
		}
		if (rc == 0 && p->text)
			rc = buf_add(&b, p->text, p->text_len);
		d = b.s;
		n = b.n;
		if (rc) {
			buf_free(&b);
			return -1;
		}
	} else if (!(d = display_text(p, i, o, &k->text, &n)))
		return -1;
	rc = n ? write_para_wrapped(k, res, d, n, tcol, avail, 1)
	       : (fputc('\n', f) == EOF ? -1 : 0);
	buf_free(&b);
	return rc;
}

static int show_pair_to(struct sink *sk, const struct resolution *a,
                        const struct resolution *b, const struct alignment *al,
                        const char *const *ids, size_t nids, const char *tag_a,
                        const char *tag_b, const struct show_opts *o, const char **bad_id)
{
	FILE *f = sk->f;
	if (bad_id)
		*bad_id = NULL;
	int width = o->width < MIN_WIDTH ? MIN_WIDTH : o->width;
	char *sa = calloc(a->npara + 1, 1), *sb = calloc(b->npara + 1, 1);
	int rc = sa && sb ? 0 : -1;
	/* an id counts when either copy has it */
	for (size_t k = 0; k < nids && rc == 0; k++)
		if (res_find(a, ids[k]) < 0 && res_find(b, ids[k]) < 0) {
			if (bad_id)
				*bad_id = ids[k];
			rc = -1;
		}
	for (size_t k = 0; k < nids && rc == 0; k++) {
		if (res_find(a, ids[k]) >= 0)
			select_paras(a, ids + k, 1, sa, NULL);
		if (res_find(b, ids[k]) >= 0)
			select_paras(b, ids + k, 1, sb, NULL);
	}
	if (rc == 0 && !ids) {
		memset(sa, 1, a->npara);
		memset(sb, 1, b->npara);
	}
	int tagw = text_width(tag_a, strlen(tag_a));
	if (text_width(tag_b, strlen(tag_b)) > tagw)
		tagw = text_width(tag_b, strlen(tag_b));
	tagw += 2;
	if (rc == 0)
		rc = write_title(sk, a, width);
	if (rc == 0 && (b->meta.title || b->meta.symbol) && fputc('\n', f) == EOF)
		rc = -1;
	if (rc == 0)
		rc = write_title(sk, b, width);
	int gutter = 0;
	for (size_t r = 0; r < al->nrows && rc == 0; r++) {
		int i = al->rows[r].a, j = al->rows[r].b;
		const struct resolution *lr = i >= 0 ? a : b;
		int li = i >= 0 ? i : j;
		struct place pl;
		place_para(lr, li, 0, width, NULL, &pl);
		int lw = text_width(pl.label, strlen(pl.label));
		if (lw + 2 > gutter && lr->paras[li].depth == 0)
			gutter = lw + 2;
	}
	if (gutter > 14)
		gutter = 14;
	for (size_t r = 0; r < al->nrows && rc == 0; r++) {
		int i = al->rows[r].a, j = al->rows[r].b;
		if (!((i >= 0 && sa[i]) || (j >= 0 && sb[j])))
			continue;
		const struct resolution *lr = i >= 0 ? a : b;
		int li = i >= 0 ? i : j;
		struct place pl;
		place_para(lr, li, gutter, width, NULL, &pl);
		/* the label (the first copy's, or the second's where only it has the paragraph)
		 * before both texts, a line of its own when wider than its place; headings have
		 * none and start at the margin */
		int col = pl.heading ? 0 : pl.text_col, lead = col;
		const char *label = pl.heading ? "" : pl.label;
		int lwid = text_width(label, strlen(label));
		if (fputc('\n', f) == EOF)
			rc = -1;
		if (rc == 0 && lwid) {
			spaces(f, pl.label_col);
			rc = utf8_write_safe(f, label, strlen(label));
			if (pl.label_col + lwid + 1 > col)
				fputc('\n', f);
			else
				lead = col - pl.label_col - lwid;
		}
		if (rc == 0)
			rc = write_side(sk, a, i, tag_a, tagw, lead, col, width, o);
		if (rc == 0)
			rc = write_side(sk, b, j, tag_b, tagw, col, col, width, o);
	}
	free(sa);
	free(sb);
	return rc || ferror(f) ? -1 : 0;
}

int show_write(FILE *f, const struct resolution *res, const char *const *ids, size_t nids,
               const struct show_opts *o, const char **bad_id)
{
	struct sink k = { .f = f };
	int rc = show_write_to(&k, res, ids, nids, o, bad_id);
	sink_free(&k);
	return rc;
}

int show_record(FILE *f, const struct resolution *res, int width)
{
	struct sink k = { .f = f };
	int rc = show_record_to(&k, res, width);
	sink_free(&k);
	return rc;
}

int show_pair(FILE *f, const struct resolution *a, const struct resolution *b,
              const struct alignment *al, const char *const *ids, size_t nids,
              const char *tag_a, const char *tag_b, const struct show_opts *o,
              const char **bad_id)
{
	struct sink k = { .f = f };
	int rc = show_pair_to(&k, a, b, al, ids, nids, tag_a, tag_b, o, bad_id);
	sink_free(&k);
	return rc;
}
