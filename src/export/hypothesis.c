/* hypothesis.c: notes for Hypothesis (hypothes.is), one JSON object a line, each the body of
 * a POST to its API's /api/annotations: the page's address ("uri"), the note, the tags and the
 * quote (a TextQuoteSelector, which Hypothesis anchors by). Notes that came from Hypothesis
 * (their id is one of its addresses) are there already and are left out, so a round trip
 * makes no duplicates. Hypothesis shows a note as Markdown: gavel's plain text is escaped. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "doc/json.h"
#include "export/export.h"

static int from_hypothesis(const struct annotation *a)
{
	static const char *const homes[] = { "https://hypothes.is/a/", "http://hypothes.is/a/" };
	for (size_t i = 0; i < 2; i++)
		if (a->iri && strncmp(a->iri, homes[i], strlen(homes[i])) == 0)
			return 1;
	return 0;
}

/* The page the note is on: where it came from, else the UN's address of the document. */
static void page_uri(FILE *f, const struct export_doc *d, const struct annotation *a)
{
	if (a->source && strstr(a->source, "://")) {
		json_write_string(f, a->source);
		return;
	}
	const char *lang = d->res && d->res->meta.language ? d->res->meta.language
	                 : d->language ? d->language : a->doc_language;
	char uri[512];
	snprintf(uri, sizeof uri, "https://undocs.org/%s%s%s", lang && *lang ? lang : "",
	         lang && *lang ? "/" : "", export_symbol(d));
	/* A symbol's spaces ("S/RES/242 (1967)") are not allowed in an address. */
	char enc[1024];
	size_t k = 0;
	for (const char *p = uri; *p && k + 4 < sizeof enc; p++) {
		if (*p == ' ') {
			memcpy(enc + k, "%20", 3);
			k += 3;
		} else {
			enc[k++] = *p;
		}
	}
	enc[k] = '\0';
	json_write_string(f, enc);
}

static int hypothesis_row(FILE *f, const struct export_doc *d, const struct annotation *a,
                          void *arg)
{
	(void)arg;
	if (from_hypothesis(a))
		return 0;
	char *text = a->note ? export_md_escape(a->note) : strdup("");
	if (!text)
		return -1;
	fputs("{\"uri\":", f);
	page_uri(f, d, a);
	fputs(",\"text\":", f);
	json_write_string(f, text);
	free(text);
	fputs(",\"tags\":[", f);
	for (size_t i = 0; i < a->ntags; i++) {
		if (i)
			fputc(',', f);
		json_write_string(f, a->tags[i]);
	}
	fputs("],\"target\":[{\"source\":", f);
	page_uri(f, d, a);
	fputs(",\"selector\":[{\"type\":\"TextQuoteSelector\",\"exact\":", f);
	json_write_string(f, a->exact ? a->exact : "");
	fputs(",\"prefix\":", f);
	json_write_string(f, a->prefix ? a->prefix : "");
	fputs(",\"suffix\":", f);
	json_write_string(f, a->suffix ? a->suffix : "");
	fputs("}]}],\"document\":{\"title\":[", f);
	json_write_string(f, export_symbol(d));
	fputs("]}}\n", f);
	return ferror(f) ? -1 : 0;
}

int export_hypothesis(FILE *f, const struct export_doc *docs, size_t ndocs,
                      const struct export_opts *o)
{
	(void)o;
	if (export_each(f, docs, ndocs, hypothesis_row, NULL))
		return -1;
	return ferror(f) ? -1 : 0;
}
