/* annotated.c: the whole resolution as `gavel show` prints it (the same renderer, so the two
 * never drift apart), highlighted passages between ⟦ and ⟧, and each paragraph's notes set
 * under it. For reading on paper. A document whose text is not at hand gets a list of its
 * notes instead. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "text/show.h"
#include "text/utf8.h"
#include "text/wrap.h"

#define HL_OPEN "\xE2\x9F\xA6"   /* ⟦: not a bracket the resolutions use, unlike [16] markers */
#define HL_CLOSE "\xE2\x9F\xA7"  /* ⟧ */
#define NOTE_INDENT 7

struct annotated_ctx {
	const struct export_doc *doc;
	const struct annotation **order;
	size_t nanchored;
	int *para;                  /* paragraph index of each ordered annotation */
	struct show_span *spans;    /* handed to show_write, valid until the next call */
	int failed;
	const struct export_opts *opts;
};

/* By start, the longer first: an enclosing span opens before the ones inside it. */
static int span_cmp(const void *pa, const void *pb)
{
	const struct show_span *x = pa, *y = pb;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

/* The byte spans of paragraph `index`'s highlights, sorted. A highlight inside another (a
 * phrase marked within a whole-paragraph highlight) keeps its own marks, nested; highlights
 * that overlap without one holding the other are merged, so marks never cross; the same
 * range twice is marked once. A note without a highlight (colour "none") marks nothing. */
static size_t annotated_highlights(void *vctx, int index, const struct show_span **out)
{
	struct annotated_ctx *c = vctx;
	const struct para *p = &c->doc->res->paras[index];
	size_t n = 0;
	for (size_t i = 0; i < c->nanchored; i++) {
		if (c->para[i] != index)
			continue;
		const struct annotation *a = c->order[i];
		if (a->color && strcmp(a->color, "none") == 0)
			continue;
		size_t s = utf8_byte_offset(p->text, p->text_len, a->start);
		size_t e = utf8_byte_offset(p->text, p->text_len, a->end);
		if (e <= s)
			continue;
		c->spans[n].start = s;
		c->spans[n].end = e;
		n++;
	}
	if (n > 1)
		qsort(c->spans, n, sizeof *c->spans, span_cmp);
	size_t m = 0, outer = 0;
	for (size_t i = 0; i < n; i++) {
		struct show_span sp = c->spans[i];
		if (m && sp.start == c->spans[m - 1].start && sp.end == c->spans[m - 1].end)
			continue;
		if (m && sp.start < c->spans[outer].end && sp.end > c->spans[outer].end) {
			/* Crosses the enclosing span's end: one span of both. */
			c->spans[outer].end = sp.end;
			continue;
		}
		if (!m || sp.start >= c->spans[outer].end)
			outer = m;
		c->spans[m++] = sp;
	}
	*out = c->spans;
	return m;
}

/* The quote's opening words, cut to `cols` display columns with an ellipsis. */
static char *short_quote(const char *exact, int cols)
{
	char *c = export_clean(exact, 0);
	if (!c)
		return NULL;
	struct wrap_line *lines;
	int n = text_wrap(c, strlen(c), cols, &lines);
	if (n < 0) {
		free(c);
		return NULL;
	}
	size_t end = n > 0 ? lines[0].end : 0;
	int cut = n > 1;
	free(lines);
	char *q = malloc(end + 16);
	if (q)
		sprintf(q, "\xE2\x80\x9C%.*s%s\xE2\x80\x9D", (int)end, c, cut ? "\xE2\x80\xA6" : "");
	free(c);
	return q;
}

/* One note in the layout shared by the paragraphs and the orphans list:
 *     -- yellow #consular #detention: “the right of foreign nationals…”
 *        The note, wrapped under it. */
static int note_block(FILE *f, const struct annotation *a, int width,
                      const struct export_opts *o)
{
	const char *color = a->color && *a->color && strcmp(a->color, "none")
	                    ? export_color_name(o, a->color) : "note";
	size_t len = 64 + strlen(color);
	for (size_t i = 0; i < a->ntags; i++)
		len += strlen(a->tags[i]) + 2;
	char *q = short_quote(a->exact, 40);
	if (!q)
		return -1;
	len += strlen(q);
	char *head = malloc(len);
	if (!head) {
		free(q);
		return -1;
	}
	strcpy(head, color);
	for (size_t i = 0; i < a->ntags; i++) {
		strcat(head, " #");
		strcat(head, a->tags[i]);
	}
	strcat(head, ": ");
	strcat(head, q);
	free(q);
	int rc = export_wrap(f, "    -- ", NOTE_INDENT, head, width);
	free(head);
	if (!rc && a->note && *a->note) {
		char pad[NOTE_INDENT + 1];
		memset(pad, ' ', NOTE_INDENT);
		pad[NOTE_INDENT] = '\0';
		rc = export_wrap(f, pad, NOTE_INDENT, a->note, width);
	}
	return rc;
}

static void annotated_after(void *vctx, FILE *f, const struct resolution *res, int index, int width)
{
	struct annotated_ctx *c = vctx;
	int any = 0;
	for (size_t i = 0; i < c->nanchored && !c->failed; i++) {
		if (c->para[i] != index)
			continue;
		if (!any)
			fputc('\n', f);
		any = 1;
		if (note_block(f, c->order[i], width, c->opts))
			c->failed = 1;
	}
	/* Footnotes are printed without blank lines between them: keep the next one apart. */
	if (any && res->paras[index].kind == PARA_FOOTNOTE)
		fputc('\n', f);
}

static int orphans(FILE *f, const struct export_doc *d, const struct annotation **v, size_t from,
                   int width, const char *title, const struct export_opts *o)
{
	if (from >= d->n)
		return 0;
	fputc('\n', f);
	if (export_wrap(f, "", 0, title, width))
		return -1;
	for (size_t i = from; i < d->n; i++) {
		char label[128], cite[256], line[420];
		export_label(d, v[i]->para_id, label, sizeof label);
		export_citation(d, v[i]->para_id, cite, sizeof cite);
		snprintf(line, sizeof line, "%s \xE2\x80\x94 %s", label, cite);
		fputc('\n', f);
		if (export_wrap(f, "  ", 2, line, width) || note_block(f, v[i], width, o))
			return -1;
	}
	return 0;
}

static int annotated_doc(FILE *f, const struct export_doc *d, const struct export_opts *o)
{
	int width = o->width >= 20 ? o->width : 72;
	size_t nanchored = 0;
	const struct annotation **v = export_order(d, &nanchored);
	if (d->n && !v)
		return -1;
	int rc = 0;
	if (!d->res) {
		fprintf(f, "%s\n", export_symbol(d));
		rc = orphans(f, d, v, 0, width,
		             "The text of this document is not at hand; its notes:", o);
		free(v);
		return rc;
	}
	struct annotated_ctx c = { d, v, nanchored, NULL, NULL, 0, o };
	c.para = malloc((d->n ? d->n : 1) * sizeof *c.para);
	c.spans = malloc((d->n ? d->n : 1) * sizeof *c.spans);
	if (!c.para || !c.spans) {
		rc = -1;
		goto out;
	}
	for (size_t i = 0; i < nanchored; i++)
		c.para[i] = export_para_index(d, v[i]);
	struct show_opts so = {
		.width = width,
		.highlights = annotated_highlights,
		.hl_open = HL_OPEN,
		.hl_close = HL_CLOSE,
		.after_para = annotated_after,
		.ctx = &c,
	};
	if (show_write(f, d->res, NULL, 0, &so, NULL) || c.failed) {
		rc = -1;
		goto out;
	}
	rc = orphans(f, d, v, nanchored, width,
	             "Orphaned notes (their text was not found in this version of the document):", o);
out:
	free(c.para);
	free(c.spans);
	free(v);
	return rc;
}

int export_annotated(FILE *f, const struct export_doc *docs, size_t ndocs,
                     const struct export_opts *o)
{
	for (size_t i = 0; i < ndocs; i++) {
		if (i)
			fputc('\n', f);
		if (annotated_doc(f, &docs[i], o))
			return -1;
	}
	return ferror(f) ? -1 : 0;
}
