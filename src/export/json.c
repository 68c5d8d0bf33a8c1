/* json.c: the W3C Web Annotation Data Model (JSON-LD), the format notes travel between
 * machines and tools in; `gavel notes import` reads it back (import.c), so nothing gavel keeps
 * may be missing here.
 *
 * Shape: an AnnotationCollection (id, label, total, first, last) whose one embedded
 * AnnotationPage (id, partOf, startIndex) holds every Annotation:
 *   id         "urn:uuid:<the annotation's UUID>", or the id another tool gave an imported one
 *   motivation "commenting" when there is a note, else "highlighting"
 *   created, modified (ISO 8601 UTC)
 *   body       [TextualBody purpose "commenting" with the note, one TextualBody purpose
 *              "tagging" per tag] (absent when neither)
 *   target     source: "https://undocs.org/<lang>/<symbol>" (the UN's own document resolver),
 *              selector: [TextQuoteSelector exact/prefix/suffix (prefix and suffix stop at the
 *              paragraph's edges), FragmentSelector value "op10" (the paragraph) refinedBy a
 *              TextPositionSelector whose start/end count code points from the paragraph's
 *              start]: a tool that knows nothing of paragraphs finds the words by the quote.
 * gavel's own facts are terms of its namespace, declared in the @context array:
 *   on the Annotation: gavel:color (colour key), gavel:status (anchored, moved, orphan)
 *   on the target: gavel:symbol, gavel:language, gavel:paragraph (paragraph id "op10").
 * The collection's and page's ids are name-based UUIDs of the annotations exported, so the
 * same notes give the same ids (and golden files stay stable). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "doc/json.h"
#include "export/export.h"
#include "store/sha256.h"

static void key(FILE *f, int indent, const char *k)
{
	fprintf(f, "%*s", indent, "");
	json_write_string(f, k);
	fputs(": ", f);
}

/* "key": "value" with a comma unless it is the last member. */
static void field(FILE *f, int indent, const char *k, const char *v, int more)
{
	key(f, indent, k);
	json_write_string(f, v);
	fputs(more ? ",\n" : "\n", f);
}

/* Percent-encodes a symbol for the path of a URL: "S/RES/242 (1967)" -> "S/RES/242%20(1967)". */
static void url_path(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		int keep = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		           (*p >= '0' && *p <= '9') || strchr("-._~/()!$&'*+,;=:@", *p);
		if (keep)
			fputc(*p, f);
		else
			fprintf(f, "%%%02X", *p);
	}
}

static const char *doc_language(const struct export_doc *d, const struct annotation *a)
{
	if (d->res && d->res->meta.language && *d->res->meta.language)
		return d->res->meta.language;
	if (d->language && *d->language)
		return d->language;
	return a->doc_language;
}

/* The words, as any W3C tool finds them. */
static void quote_selector(FILE *f, int in, const struct annotation *a, int more)
{
	fprintf(f, "%*s{\n", in, "");
	field(f, in + 2, "type", "TextQuoteSelector", 1);
	field(f, in + 2, "exact", a->exact ? a->exact : "", 1);
	field(f, in + 2, "prefix", a->prefix ? a->prefix : "", 1);
	field(f, in + 2, "suffix", a->suffix ? a->suffix : "", 0);
	fprintf(f, "%*s}%s\n", in, "", more ? "," : "");
}

/* The paragraph by its id, refined by the code points of the words within it. */
static void paragraph_selector(FILE *f, int in, const struct annotation *a)
{
	fprintf(f, "%*s{\n", in, "");
	field(f, in + 2, "type", "FragmentSelector", 1);
	field(f, in + 2, "conformsTo", EXPORT_NS "paragraph", 1);
	field(f, in + 2, "value", a->para_id, 1);
	key(f, in + 2, "refinedBy");
	fputs("{\n", f);
	field(f, in + 4, "type", "TextPositionSelector", 1);
	key(f, in + 4, "start");
	fprintf(f, "%zu,\n", a->start);
	key(f, in + 4, "end");
	fprintf(f, "%zu\n", a->end);
	fprintf(f, "%*s}\n", in + 2, "");
	fprintf(f, "%*s}\n", in, "");
}

static void annotation(FILE *f, const struct export_doc *d, const struct annotation *a)
{
	const int in = 8;
	int has_note = a->note && *a->note;
	char uri[64];
	snprintf(uri, sizeof uri, "urn:uuid:%s", a->id);

	fprintf(f, "%*s{\n", in - 2, "");
	field(f, in, "id", a->iri && *a->iri ? a->iri : uri, 1);
	field(f, in, "type", "Annotation", 1);
	field(f, in, "motivation", has_note ? "commenting" : "highlighting", 1);
	if (a->created)
		field(f, in, "created", a->created, 1);
	if (a->updated)
		field(f, in, "modified", a->updated, 1);
	if (a->color)
		field(f, in, "gavel:color", a->color, 1);
	field(f, in, "gavel:status", anchor_status_name(a->status), 1);

	if (has_note || a->ntags) {
		key(f, in, "body");
		fputs("[\n", f);
		size_t nb = (has_note ? 1 : 0) + a->ntags, k = 0;
		if (has_note) {
			fprintf(f, "%*s{\n", in + 2, "");
			field(f, in + 4, "type", "TextualBody", 1);
			field(f, in + 4, "purpose", "commenting", 1);
			field(f, in + 4, "format", "text/plain", 1);
			field(f, in + 4, "value", a->note, 0);
			fprintf(f, "%*s}%s\n", in + 2, "", ++k < nb ? "," : "");
		}
		for (size_t i = 0; i < a->ntags; i++) {
			fprintf(f, "%*s{\n", in + 2, "");
			field(f, in + 4, "type", "TextualBody", 1);
			field(f, in + 4, "purpose", "tagging", 1);
			field(f, in + 4, "value", a->tags[i], 0);
			fprintf(f, "%*s}%s\n", in + 2, "", ++k < nb ? "," : "");
		}
		fprintf(f, "%*s],\n", in, "");
	}

	const char *symbol = export_symbol(d);
	const char *lang = doc_language(d, a);
	key(f, in, "target");
	fputs("{\n", f);
	key(f, in + 2, "source");
	fputs("\"https://undocs.org/", f);
	if (lang && *lang) {
		url_path(f, lang);
		fputc('/', f);
	}
	url_path(f, symbol);
	fputs("\",\n", f);
	field(f, in + 2, "gavel:symbol", symbol, 1);
	if (lang)
		field(f, in + 2, "gavel:language", lang, 1);
	int placed = a->para_id && *a->para_id;   /* imported, not found in a document yet */
	if (placed)
		field(f, in + 2, "gavel:paragraph", a->para_id, 1);
	key(f, in + 2, "selector");
	fputs("[\n", f);
	quote_selector(f, in + 4, a, placed);
	if (placed)
		paragraph_selector(f, in + 4, a);
	fprintf(f, "%*s]\n", in + 2, "");
	fprintf(f, "%*s}\n", in, "");
	fprintf(f, "%*s}", in - 2, "");
}

/* The items array: a comma after every annotation but the last. */
struct json_items {
	size_t written, total;
};

static int json_item(FILE *f, const struct export_doc *d, const struct annotation *a, void *arg)
{
	struct json_items *it = arg;
	annotation(f, d, a);
	fputs(++it->written < it->total ? ",\n" : "\n", f);
	return 0;
}

/* The collection's and page's ids: name-based UUIDs (RFC 9562 version 8, from SHA-256) of
 * what the export holds, so the same annotations in the same state give the same ids. */
static int hash_item(FILE *f, const struct export_doc *d, const struct annotation *a, void *arg)
{
	(void)f;
	(void)d;
	struct sha256 *h = arg;
	const char *id = a->iri && *a->iri ? a->iri : a->id;
	sha256_update(h, id, strlen(id) + 1);
	if (a->updated)
		sha256_update(h, a->updated, strlen(a->updated));
	sha256_update(h, "\n", 1);
	return 0;
}

static void uuid_of(const struct sha256 *base, const char *what, char out[46])
{
	struct sha256 h = *base;
	unsigned char d[32];
	sha256_update(&h, what, strlen(what));
	sha256_final(&h, d);
	memcpy(out, "urn:uuid:", 9);
	export_name_uuid(d, out + 9);
}

int export_json(FILE *f, const struct export_doc *docs, size_t ndocs, const struct export_opts *o)
{
	char when[21];
	export_time(o->now, 0, when);
	size_t total = export_count(docs, ndocs);
	struct sha256 h;
	sha256_init(&h);
	sha256_update(&h, "gavel export\n", 13);
	if (export_each(NULL, docs, ndocs, hash_item, &h))
		return -1;
	char cid[46], pid[46];
	uuid_of(&h, "collection", cid);
	uuid_of(&h, "page 1", pid);

	fputs("{\n", f);
	key(f, 2, "@context");
	fputs("[\n    \"http://www.w3.org/ns/anno.jsonld\",\n    {\n", f);
	field(f, 6, "gavel", EXPORT_NS, 0);
	fputs("    }\n  ],\n", f);
	field(f, 2, "id", cid, 1);
	field(f, 2, "type", "AnnotationCollection", 1);
	if (ndocs == 1) {
		char label[300];
		snprintf(label, sizeof label, "Notes on %s", export_symbol(&docs[0]));
		field(f, 2, "label", label, 1);
	} else {
		field(f, 2, "label", "Notes", 1);
	}
	field(f, 2, "generated", when, 1);
	key(f, 2, "total");
	fprintf(f, "%zu,\n", total);
	if (total)
		field(f, 2, "last", pid, 1);
	key(f, 2, "first");
	fputs("{\n", f);
	field(f, 4, "id", pid, 1);
	field(f, 4, "type", "AnnotationPage", 1);
	field(f, 4, "partOf", cid, 1);
	key(f, 4, "startIndex");
	fputs("0,\n", f);
	key(f, 4, "items");
	fputs(total ? "[\n" : "[]\n", f);
	struct json_items items = { 0, total };
	if (export_each(f, docs, ndocs, json_item, &items))
		return -1;
	if (total)
		fputs("    ]\n", f);
	fputs("  }\n}\n", f);
	return ferror(f) ? -1 : 0;
}
