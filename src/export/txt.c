/* txt.c: the default export, plain UTF-8 text to paste into a brief: a header per document,
 * then each note under its label and citation, orphans last. Nothing in it can drive a
 * terminal: every string from the document or the user is cleaned. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export/export.h"

#define TXT_INDENT 10   /* "  Quote:  " */

static int width_of(const struct export_opts *o)
{
	return o->width >= 20 ? o->width : 72;
}

/* A one-line field (header values): cleaned, newlines flattened. */
static int put_clean(FILE *f, const char *s)
{
	char *c = export_clean(s, 0);
	if (!c)
		return -1;
	fputs(c, f);
	free(c);
	return 0;
}

static int tags_line(FILE *f, const struct annotation *a, int width)
{
	char *s = export_tags(a, ", ");
	if (!s)
		return -1;
	int rc = export_wrap(f, "  Tags:   ", TXT_INDENT, s, width);
	free(s);
	return rc;
}

static int one_note(FILE *f, const struct export_doc *d, const struct annotation *a, int width,
                    int orphan, const struct export_opts *o)
{
	char label[128], cite[256];
	export_label(d, a->para_id, label, sizeof label);
	export_citation(d, a->para_id, cite, sizeof cite);
	char *head = malloc(strlen(label) + strlen(cite) + 16);
	if (!head)
		return -1;
	sprintf(head, "%s%s \xE2\x80\x94 %s", orphan ? "was " : "", label, cite);
	int rc = export_wrap(f, "", 2, head, width);
	free(head);
	if (rc)
		return rc;
	if (a->exact && *a->exact) {
		size_t n = strlen(a->exact);
		char *q = malloc(n + 7);
		if (!q)
			return -1;
		sprintf(q, "\xE2\x80\x9C%s\xE2\x80\x9D", a->exact);
		rc = export_wrap(f, "  Quote:  ", TXT_INDENT, q, width);
		free(q);
		if (rc)
			return rc;
	}
	if (a->note && *a->note && export_wrap(f, "  Note:   ", TXT_INDENT, a->note, width))
		return -1;
	if (a->color && *a->color &&
	    export_wrap(f, "  Colour: ", TXT_INDENT, export_color_name(o, a->color), width))
		return -1;
	if (a->ntags && tags_line(f, a, width))
		return -1;
	fputc('\n', f);
	return 0;
}

static int one_doc(FILE *f, const struct export_doc *d, const struct export_opts *o)
{
	int width = width_of(o);
	const struct res_meta *m = d->res ? &d->res->meta : NULL;
	char date[21];
	export_time(o->now, 1, date);

	put_clean(f, export_symbol(d));
	if (m && m->title) {
		fputs(": ", f);
		put_clean(f, m->title);
	}
	fputc('\n', f);
	if (m && m->adopted) {
		fputs("Adopted:  ", f);
		put_clean(f, m->adopted);
		fputc('\n', f);
	}
	fprintf(f, "Exported: %s\n", date);

	size_t nanchored;
	const struct annotation **v = export_order(d, &nanchored);
	if (d->n && !v)
		return -1;
	if (d->n == 0)
		fputs("Notes:    none\n", f);
	else if (nanchored == d->n)
		fprintf(f, "Notes:    %zu\n", d->n);
	else
		fprintf(f, "Notes:    %zu (%zu orphaned)\n", d->n, d->n - nanchored);
	fputc('\n', f);

	int rc = 0;
	for (size_t i = 0; i < d->n && !rc; i++) {
		if (i == nanchored) {
			rc = export_wrap(f, "", 0,
			                 "Orphaned notes (their text was not found in this version of the "
			                 "document; kept as they were written)", width);
			fputc('\n', f);
		}
		if (!rc)
			rc = one_note(f, d, v[i], width, i >= nanchored, o);
	}
	free(v);
	return rc;
}

int export_txt(FILE *f, const struct export_doc *docs, size_t ndocs, const struct export_opts *o)
{
	if (ndocs == 0) {
		char date[21];
		export_time(o->now, 1, date);
		fprintf(f, "No notes.\nExported: %s\n", date);
	}
	for (size_t i = 0; i < ndocs; i++) {
		if (i) {
			/* A rule between documents, as wide as the text. */
			for (int k = 0; k < width_of(o); k++)
				putc('=', f);
			fputs("\n\n", f);
		}
		if (one_doc(f, &docs[i], o))
			return -1;
	}
	return ferror(f) ? -1 : 0;
}
