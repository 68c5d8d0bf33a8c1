/* md.c: Markdown for notes apps (Obsidian, Logseq, Joplin): YAML front matter with the
 * metadata, a heading per annotated paragraph, quotes as blockquotes, notes as written, tags as
 * #tags. The document's text is escaped so it cannot turn into markup; the user's notes are
 * kept as written (they may well be Markdown), only cleaned of control characters. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "doc/json.h"
#include "export/export.h"

/* YAML accepts JSON string literals as double-quoted scalars, so one escaper serves both. */
static int yaml_field(FILE *f, const char *key, const char *value)
{
	if (!value)
		return 0;
	char *c = export_clean(value, 0);
	if (!c)
		return -1;
	fprintf(f, "%s: ", key);
	json_write_string(f, c);
	fputc('\n', f);
	free(c);
	return 0;
}

/* Text from the document, on one line or in a blockquote: Markdown's specials backslashed. */
static int md_escaped(FILE *f, const char *s, const char *line_prefix)
{
	char *c = export_clean(s, 1);
	if (!c)
		return -1;
	fputs(line_prefix, f);
	for (const char *p = c; *p; p++) {
		if (*p == '\n') {
			fputc('\n', f);
			fputs(line_prefix, f);
			continue;
		}
		if (strchr("\\`*_[]<>|#", *p))
			fputc('\\', f);
		fputc(*p, f);
	}
	free(c);
	return 0;
}

/* "#human rights" -> "#human-rights": Obsidian and Logseq tags stop at spaces and most ASCII
 * punctuation; letters of any script, digits, '_', '-' and '/' are kept. */
static void md_tag(FILE *f, const char *tag)
{
	char *c = export_clean(tag, 0);
	if (!c)
		return;
	fputc('#', f);
	for (const unsigned char *p = (const unsigned char *)c; *p; p++) {
		int ok = *p >= 0x80 || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
		         (*p >= 'A' && *p <= 'Z') || *p == '_' || *p == '-' || *p == '/';
		fputc(ok ? *p : '-', f);
	}
	free(c);
}

static int md_note(FILE *f, const struct annotation *a)
{
	if (a->exact && *a->exact) {
		if (md_escaped(f, a->exact, "> "))
			return -1;
		fputs("\n\n", f);
	}
	if (a->note && *a->note) {
		char *c = export_clean(a->note, 1);
		if (!c)
			return -1;
		fputs(c, f);
		fputs("\n\n", f);
		free(c);
	}
	int any = 0;
	if (a->color && *a->color) {
		char *c = export_clean(a->color, 0);
		if (!c)
			return -1;
		fprintf(f, "*%s*", c);
		free(c);
		any = 1;
	}
	for (size_t i = 0; i < a->ntags; i++) {
		fputs(any ? " " : "", f);
		md_tag(f, a->tags[i]);
		any = 1;
	}
	if (any)
		fputs("\n\n", f);
	return 0;
}

static int md_heading(FILE *f, const struct export_doc *d, const char *para_id, const char *level,
                      int orphan)
{
	char label[128], cite[256], head[420];
	export_label(d, para_id, label, sizeof label);
	export_citation(d, para_id, cite, sizeof cite);
	snprintf(head, sizeof head, "%s%s \xE2\x80\x94 %s", orphan ? "was " : "", label, cite);
	fputs(level, f);
	if (md_escaped(f, head, ""))
		return -1;
	fputs("\n\n", f);
	return 0;
}

static int md_doc(FILE *f, const struct export_doc *d)
{
	const struct res_meta *m = d->res ? &d->res->meta : NULL;
	fputs("# ", f);
	md_escaped(f, export_symbol(d), "");
	if (m && m->title) {
		fputs(": ", f);
		md_escaped(f, m->title, "");
	}
	fputs("\n\n", f);
	if (d->n == 0) {
		fputs("No notes.\n\n", f);
		return 0;
	}
	size_t nanchored;
	const struct annotation **v = export_order(d, &nanchored);
	if (!v)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < d->n && !rc; i++) {
		int orphan = i >= nanchored;
		if (i == nanchored)
			fputs("## Orphaned notes\n\n"
			      "Their text was not found in this version of the document.\n\n", f);
		/* One heading per paragraph: notes on the same paragraph share it. */
		if (orphan)
			rc = md_heading(f, d, v[i]->para_id, "### ", 1);
		else if (i == 0 || strcmp(v[i]->para_id ? v[i]->para_id : "",
		                          v[i - 1]->para_id ? v[i - 1]->para_id : "") != 0)
			rc = md_heading(f, d, v[i]->para_id, "## ", 0);
		if (!rc)
			rc = md_note(f, v[i]);
	}
	free(v);
	return rc;
}

int export_md(FILE *f, const struct export_doc *docs, size_t ndocs, const struct export_opts *o)
{
	char date[21];
	export_time(o->now, 1, date);
	size_t total = export_count(docs, ndocs);

	fputs("---\n", f);
	if (ndocs == 1) {
		const struct res_meta *m = docs[0].res ? &docs[0].res->meta : NULL;
		yaml_field(f, "title", m ? m->title : NULL);
		yaml_field(f, "symbol", export_symbol(&docs[0]));
		yaml_field(f, "language", m && m->language ? m->language : docs[0].language);
		yaml_field(f, "adopted", m ? m->adopted : NULL);
	} else if (ndocs > 1) {
		fputs("documents:\n", f);
		for (size_t i = 0; i < ndocs; i++) {
			fputs("  - ", f);
			char *c = export_clean(export_symbol(&docs[i]), 0);
			if (!c)
				return -1;
			json_write_string(f, c);
			free(c);
			fputc('\n', f);
		}
	}
	yaml_field(f, "exported", date);
	fprintf(f, "notes: %zu\n", total);
	fputs("---\n\n", f);
	if (ndocs == 0)
		fputs("No notes.\n", f);
	for (size_t i = 0; i < ndocs; i++)
		if (md_doc(f, &docs[i]))
			return -1;
	return ferror(f) ? -1 : 0;
}
