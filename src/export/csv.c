/* csv.c: RFC 4180 for spreadsheets: CRLF record ends, a header row, fields quoted when they
 * hold a comma, a quote or a line break, quotes doubled. Notes stay as written: several lines
 * and TABs inside their quoted field. Tags are one a line in their cell: a tag never holds a
 * line break, so "1985; baseline" stays one tag. A cell starting with '=', '+', '-', '@', TAB
 * or CR is a formula to Excel and LibreOffice: it gets a leading "'" as OWASP recommends, so
 * a note such as =HYPERLINK("http://evil.example") stays text. Other control characters are
 * neutralised. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export/export.h"

static int csv_field(FILE *f, const char *s, int last)
{
	char *c = export_clean(s, EXPORT_KEEP_NEWLINES | EXPORT_KEEP_TABS);
	if (!c)
		return -1;
	int formula = c[0] && strchr("=+-@\t\r", c[0]);
	if (formula || strpbrk(c, ",\"\r\n")) {
		fputs(formula ? "\"'" : "\"", f);
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
	const struct export_opts *o = arg;
	char label[128], cite[256];
	export_label(d, a->para_id, label, sizeof label);
	export_citation(d, a->para_id, cite, sizeof cite);
	char *tags = export_tags(a, "\n");
	if (!tags)
		return -1;
	int rc = csv_field(f, export_symbol(d), 0) || csv_field(f, a->id, 0) ||
	         csv_field(f, label, 0) || csv_field(f, cite, 0) ||
	         csv_field(f, export_color_name(o, a->color), 0) || csv_field(f, tags, 0) ||
	         csv_field(f, a->exact, 0) || csv_field(f, a->note, 0) ||
	         csv_field(f, a->created, 0) || csv_field(f, a->updated, 1);
	free(tags);
	return rc ? -1 : 0;
}

int export_csv(FILE *f, const struct export_doc *docs, size_t ndocs, const struct export_opts *o)
{
	fputs("document,id,label,citation,color,tags,quote,note,created,updated\r\n", f);
	if (export_each(f, docs, ndocs, csv_row, (void *)o))
		return -1;
	return ferror(f) ? -1 : 0;
}
