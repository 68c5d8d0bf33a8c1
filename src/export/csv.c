/* csv.c: RFC 4180 for spreadsheets: CRLF record ends, a header row, fields quoted when they
 * hold a comma, a quote or a line break, quotes doubled. Multi-line notes stay multi-line
 * inside their quoted field; tags are joined with "; ". Control characters other than line
 * breaks are neutralised (a spreadsheet cell has no use for ESC). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export/export.h"

static int csv_field(FILE *f, const char *s, int last)
{
	char *c = export_clean(s, 1);
	if (!c)
		return -1;
	if (strpbrk(c, ",\"\r\n")) {
		fputc('"', f);
		for (const char *p = c; *p; p++) {
			if (*p == '"')
				fputc('"', f);
			fputc(*p, f);
		}
		fputc('"', f);
	} else {
		fputs(c, f);
	}
	fputs(last ? "\r\n" : ",", f);
	free(c);
	return 0;
}

static int csv_row(FILE *f, const struct export_doc *d, const struct annotation *a, void *arg)
{
	(void)arg;
	char label[128], cite[256];
	export_label(d, a->para_id, label, sizeof label);
	export_citation(d, a->para_id, cite, sizeof cite);
	char *tags = export_tags(a, "; ");
	if (!tags)
		return -1;
	int rc = csv_field(f, export_symbol(d), 0) || csv_field(f, a->id, 0) ||
	         csv_field(f, label, 0) || csv_field(f, cite, 0) || csv_field(f, a->color, 0) ||
	         csv_field(f, tags, 0) || csv_field(f, a->exact, 0) || csv_field(f, a->note, 0) ||
	         csv_field(f, a->created, 0) || csv_field(f, a->updated, 1);
	free(tags);
	return rc ? -1 : 0;
}

int export_csv(FILE *f, const struct export_doc *docs, size_t ndocs, const struct export_opts *o)
{
	(void)o;
	fputs("document,id,label,citation,color,tags,quote,note,created,updated\r\n", f);
	if (export_each(f, docs, ndocs, csv_row, NULL))
		return -1;
	return ferror(f) ? -1 : 0;
}
