/* import.c: annotations read from JSON: gavel's own W3C export, any W3C Web Annotation whose
 * target quotes words of a resolution, and Hypothesis' JSON. Malformed data refuses the whole
 * file, with the item and field named; an annotation that is well formed but not about words
 * (a whole page, a reply) is left out and counted. import_place() then finds the paragraph
 * of a note that came without one, by its quote. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "export/import.h"
#include "export/jsonread.h"
#include "store/anchor.h"
#include "store/sha256.h"

struct ictx {
	char *err;
	size_t errlen;
	char where[48];     /* "items[3]" */
	struct import_report *rep;
};

static int bad(struct ictx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int bad(struct ictx *c, const char *fmt, ...)
{
	char msg[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(c->err, c->errlen, "%s: %s", c->where, msg);
	return -1;
}

/* Leaves the annotation out (returns 1), saying why the first time. */
static int skip(struct ictx *c, const char *why)
{
	if (c->rep) {
		if (!c->rep->skipped++)
			snprintf(c->rep->why, sizeof c->rep->why, "%s: %s", c->where, why);
	}
	return 1;
}

/* A type may be one string or an array of strings. */
static int has_type(const struct jsonval *v, const char *type)
{
	const struct jsonval *t = jsonread_get(v, "type");
	if (!t)
		return 0;
	if (t->type == JSON_STRING)
		return strcmp(t->str, type) == 0;
	if (t->type == JSON_ARRAY)
		for (size_t i = 0; i < t->n; i++)
			if (t->items[i].type == JSON_STRING && strcmp(t->items[i].str, type) == 0)
				return 1;
	return 0;
}

static int dup_str(struct ictx *c, char **dst, const char *s)
{
	*dst = strdup(s);
	if (!*dst)
		return bad(c, "out of memory");
	return 0;
}

/* Optional string member: absent or null leaves *dst NULL; another type is an error. */
static int opt_str(struct ictx *c, const struct jsonval *obj, const char *key, char **dst)
{
	const struct jsonval *v = jsonread_get(obj, key);
	if (!v || v->type == JSON_NULL)
		return 0;
	if (v->type != JSON_STRING)
		return bad(c, "\"%s\" must be a string", key);
	return dup_str(c, dst, v->str);
}

/* A quote as gavel keeps paragraph text: every run of white space one space (a quote taken
 * from a PDF or a web page has line breaks and double spaces). `trim` drops the ends. */
static char *squeeze(const char *s, int trim)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	if (!out)
		return NULL;
	int space = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r' || *s == '\f') {
			space = 1;
			continue;
		}
		if (space && !(trim && o == out))
			*o++ = ' ';
		space = 0;
		*o++ = *s;
	}
	if (space && !trim)
		*o++ = ' ';
	*o = '\0';
	return out;
}

static int is_hex(char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

/* The UUID gavel stores a foreign annotation under: name-based from the id the other tool
 * gave it, so importing it twice still finds it the second time. */
static void foreign_uuid(const char *iri, char id[37])
{
	struct sha256 h;
	unsigned char d[32];
	sha256_init(&h);
	sha256_update(&h, "gavel foreign id\n", 17);
	sha256_update(&h, iri, strlen(iri));
	sha256_final(&h, d);
	export_name_uuid(d, id);
}

/* "urn:uuid:1b4e28ba-..." -> the lower-case UUID (gavel's own, or another tool using UUIDs);
 * any other id is kept as the note's iri, and the UUID made from it. */
static int take_id(struct ictx *c, struct annotation *a, const char *s)
{
	if (strncmp(s, "urn:uuid:", 9) != 0) {
		if (!*s || strlen(s) > 2000)
			return bad(c, "\"id\" must be an IRI of at most 2000 bytes");
		foreign_uuid(s, a->id);
		return dup_str(c, &a->iri, s);
	}
	s += 9;
	if (strlen(s) != 36)
		return bad(c, "id \"urn:uuid:%.40s\" is not a UUID", s);
	for (int i = 0; i < 36; i++) {
		int dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? s[i] != '-' : !is_hex(s[i]))
			return bad(c, "id \"urn:uuid:%.36s\" is not a UUID", s);
		a->id[i] = (char)(s[i] >= 'A' && s[i] <= 'F' ? s[i] - 'A' + 'a' : s[i]);
	}
	a->id[36] = '\0';
	return 0;
}

/* ISO 8601 date-time ("2026-11-27T05:28:46Z"), fractions and offsets allowed: checked loosely
 * by shape, kept as written. */
static int take_time(struct ictx *c, const struct jsonval *an, const char *key, char **dst)
{
	if (opt_str(c, an, key, dst))
		return -1;
	if (!*dst)
		return 0;
	const char *s = *dst;
	static const char shape[] = "dddd-dd-ddTdd:dd:dd";
	for (size_t i = 0; i < sizeof shape - 1; i++) {
		int ok = shape[i] == 'd' ? (s[i] >= '0' && s[i] <= '9') : s[i] == shape[i];
		if (!ok)
			return bad(c, "\"%s\" is not an ISO 8601 date-time: \"%.40s\"", key, s);
	}
	return 0;
}

/* What the store accepts, checked here so a bad file is refused before the database is
 * touched: a colour key is lower-case letters, digits, '-' and '_'; a tag one short line. */
static int color_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 32)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

static int tag_ok(const char *t)
{
	size_t n = strlen(t);
	if (n == 0 || n > 100)
		return 0;
	for (const unsigned char *p = (const unsigned char *)t; *p; p++)
		if (*p < 0x20 || *p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
			return 0;
	return 1;
}

static int add_tag(struct ictx *c, struct annotation *a, const char *tag)
{
	if (!tag_ok(tag))
		return bad(c, "tag \"%.40s\" is empty, longer than 100 bytes or holds control characters", tag);
	for (size_t i = 0; i < a->ntags; i++)
		if (strcmp(a->tags[i], tag) == 0)
			return 0;
	char **nt = realloc(a->tags, (a->ntags + 1) * sizeof *nt);
	if (!nt)
		return bad(c, "out of memory");
	a->tags = nt;
	if (dup_str(c, &a->tags[a->ntags], tag))
		return -1;
	a->ntags++;
	return 0;
}

/* A note made of several bodies keeps them all, a blank line between. */
static int add_note(struct ictx *c, struct annotation *a, const char *text)
{
	if (!*text)
		return 0;
	size_t old = a->note ? strlen(a->note) : 0;
	char *n = realloc(a->note, old + (old ? 2 : 0) + strlen(text) + 1);
	if (!n)
		return bad(c, "out of memory");
	if (old)
		memcpy(n + old, "\n\n", 2);
	strcpy(n + old + (old ? 2 : 0), text);
	a->note = n;
	return 0;
}

/* A body: a TextualBody is the note (or a tag, purpose "tagging"); a resource named by its
 * IRI (a link) goes into the note as that IRI. */
static int one_body(struct ictx *c, struct annotation *a, const struct jsonval *b)
{
	if (b->type == JSON_STRING)
		return add_note(c, a, b->str);
	if (b->type != JSON_OBJECT)
		return bad(c, "a body must be an object or an IRI");
	const struct jsonval *v = jsonread_get(b, "value");
	if (has_type(b, "TextualBody") || (!jsonread_get(b, "type") && v)) {
		if (!v || v->type != JSON_STRING)
			return bad(c, "a TextualBody has no string \"value\"");
		const char *purpose = jsonread_str(jsonread_get(b, "purpose"));
		if (purpose && strcmp(purpose, "tagging") == 0)
			return add_tag(c, a, v->str);
		return add_note(c, a, v->str);
	}
	const char *iri = jsonread_str(jsonread_get(b, "id"));
	if (!iri)
		iri = jsonread_str(jsonread_get(b, "source"));
	return iri ? add_note(c, a, iri) : 0;   /* nothing gavel can show: left out */
}

static int take_bodies(struct ictx *c, struct annotation *a, const struct jsonval *an)
{
	const struct jsonval *bv = jsonread_get(an, "bodyValue");
	if (bv && bv->type == JSON_STRING && add_note(c, a, bv->str))
		return -1;
	const struct jsonval *b = jsonread_get(an, "body");
	if (!b || b->type == JSON_NULL)
		return 0;
	if (b->type != JSON_ARRAY)
		return one_body(c, a, b);
	for (size_t i = 0; i < b->n; i++)
		if (one_body(c, a, &b->items[i]))
			return -1;
	return 0;
}

static int take_count(struct ictx *c, const struct jsonval *sel, const char *key, size_t *out)
{
	const struct jsonval *v = jsonread_get(sel, key);
	if (!v || v->type != JSON_NUMBER)
		return bad(c, "TextPositionSelector needs a number \"%s\"", key);
	if (v->number < 0 || v->number > 1e9 || floor(v->number) != v->number)
		return bad(c, "TextPositionSelector \"%s\" must be a whole number from 0", key);
	*out = (size_t)v->number;
	return 0;
}

/* What the selectors say: the quote, the paragraph (gavel's FragmentSelector) and the code
 * points within it. */
struct found {
	const struct jsonval *quote;
	const char *para;
	int have_pos;
	size_t start, end;
};

static int quote_selector(struct ictx *c, const struct jsonval *sel, struct found *f)
{
	const struct jsonval *ex = jsonread_get(sel, "exact");
	if (!ex || ex->type != JSON_STRING)
		return bad(c, "TextQuoteSelector needs a string \"exact\"");
	const struct jsonval *pre = jsonread_get(sel, "prefix"), *suf = jsonread_get(sel, "suffix");
	if ((pre && pre->type != JSON_STRING && pre->type != JSON_NULL) ||
	    (suf && suf->type != JSON_STRING && suf->type != JSON_NULL))
		return bad(c, "TextQuoteSelector's \"prefix\" and \"suffix\" must be strings");
	if (f->quote)
		return bad(c, "more than one TextQuoteSelector");
	f->quote = sel;
	return 0;
}

static int position_selector(struct ictx *c, const struct jsonval *sel, struct found *f)
{
	if (f->have_pos++)
		return bad(c, "more than one TextPositionSelector");
	if (take_count(c, sel, "start", &f->start) || take_count(c, sel, "end", &f->end))
		return -1;
	if (f->end <= f->start)
		return bad(c, "TextPositionSelector must end after it starts");
	return 0;
}

/* One selector. `gavel` says whether positions count within gavel's paragraph (its own
 * export); a position into another tool's rendering of the document means nothing here. */
static int one_selector(struct ictx *c, const struct jsonval *sel, struct found *f, int gavel,
                        int depth)
{
	if (sel->type != JSON_OBJECT)
		return bad(c, "a selector must be an object");
	if (depth > 4)
		return bad(c, "selectors refined more than four deep");
	if (has_type(sel, "TextQuoteSelector"))
		return quote_selector(c, sel, f);
	if (has_type(sel, "TextPositionSelector"))
		return gavel ? position_selector(c, sel, f) : 0;
	if (has_type(sel, "FragmentSelector")) {
		const char *conforms = jsonread_str(jsonread_get(sel, "conformsTo"));
		const char *value = jsonread_str(jsonread_get(sel, "value"));
		int ours = conforms && strcmp(conforms, EXPORT_NS "paragraph") == 0;
		if (ours && value && *value)
			f->para = value;
		const struct jsonval *r = jsonread_get(sel, "refinedBy");
		if (r && ours)
			return one_selector(c, r, f, 1, depth + 1);
		if (r && r->type == JSON_OBJECT && has_type(r, "TextQuoteSelector"))
			return quote_selector(c, r, f);
	}
	/* Other selectors (CSS, XPath, a range of another tool's DOM) say nothing gavel keeps. */
	return 0;
}

static int take_selectors(struct ictx *c, const struct jsonval *t, struct found *f, int gavel)
{
	const struct jsonval *s = jsonread_get(t, "selector");
	if (!s)
		return 0;
	size_t n = s->type == JSON_ARRAY ? s->n : 1;
	for (size_t i = 0; i < n; i++)
		if (one_selector(c, s->type == JSON_ARRAY ? &s->items[i] : s, f, gavel, 0))
			return -1;
	return 0;
}

static int hexval(char ch)
{
	return ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
}

/* The percent-decoded copy of s[0..n). */
static char *decode(const char *s, size_t n)
{
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && is_hex(s[i + 1]) && is_hex(s[i + 2])) {
			char ch = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			out[k++] = ch ? ch : '?';
			i += 2;
		} else {
			out[k++] = s[i];
		}
	}
	out[k] = '\0';
	return out;
}

/* The UN's document addresses, where the symbol follows (an optional language first):
 * undocs.org/en/S/RES/242%20(1967), docs.un.org/fr/A/RES/58/190. */
static const char *const resolvers[] = {
	"https://undocs.org/", "http://undocs.org/", "https://www.undocs.org/",
	"https://docs.un.org/", "http://docs.un.org/",
};

/* Symbol and language from a target's source. A UN address gives both; the Official
 * Document System's "?symbol=" or "s=" query gives the symbol; a source that is no address
 * at all ("A/RES/58/190") is taken as the symbol. Another address names no resolution
 * gavel can tell (an annotation made on a PDF's URL): import_place() finds its document by
 * the quote. Returns -1 only when out of memory. */
static int from_source(struct ictx *c, struct annotation *a, const char *src)
{
	const char *p = NULL;
	for (size_t i = 0; i < sizeof resolvers / sizeof *resolvers && !p; i++)
		if (strncmp(src, resolvers[i], strlen(resolvers[i])) == 0)
			p = src + strlen(resolvers[i]);
	if (p) {
		if (p[0] >= 'a' && p[0] <= 'z' && p[1] >= 'a' && p[1] <= 'z' && p[2] == '/') {
			char lang[3] = { p[0], p[1], '\0' };
			if (!a->doc_language && dup_str(c, &a->doc_language, lang))
				return -1;
			p += 3;
		}
	} else if (strstr(src, "://")) {
		const char *q = strstr(src, "?symbol=");
		if (!q)
			q = strstr(src, "&symbol=");
		if (q)
			p = q + 8;
		else if ((q = strstr(src, "documents.un.org/")) && (q = strstr(q, "?s=")))
			p = q + 3;
		if (!p)
			return 0;
	} else {
		p = src;
	}
	if (a->doc_symbol)
		return 0;
	size_t n = strcspn(p, "?#&");
	if (n == 0)
		return 0;
	a->doc_symbol = decode(p, n);
	return a->doc_symbol ? 0 : bad(c, "out of memory");
}

/* The quote's three parts: as written by gavel (`ours`), else with white space as gavel keeps
 * a paragraph's text. */
static int take_quote(struct ictx *c, struct annotation *a, const struct found *f, int ours)
{
	const char *ex = jsonread_str(jsonread_get(f->quote, "exact"));
	const char *pre = jsonread_str(jsonread_get(f->quote, "prefix"));
	const char *suf = jsonread_str(jsonread_get(f->quote, "suffix"));
	a->exact = ours ? strdup(ex) : squeeze(ex, 1);
	a->prefix = ours ? strdup(pre ? pre : "") : squeeze(pre ? pre : "", 0);
	a->suffix = ours ? strdup(suf ? suf : "") : squeeze(suf ? suf : "", 0);
	if (!a->exact || !a->prefix || !a->suffix)
		return bad(c, "out of memory");
	if (!*a->exact)
		return skip(c, "its TextQuoteSelector quotes no words");
	return 0;
}

/* The target: which document, which paragraph, which words. Returns 0, 1 when the
 * annotation is to be left out, -1 when the file is to be refused. */
static int take_target(struct ictx *c, struct annotation *a, const struct jsonval *t)
{
	if (t->type == JSON_STRING)
		return skip(c, "it is about a whole document, not words of it");
	if (t->type != JSON_OBJECT)
		return bad(c, "a target must be an object or an IRI");
	if (opt_str(c, t, "gavel:symbol", &a->doc_symbol) ||
	    opt_str(c, t, "gavel:language", &a->doc_language))
		return -1;
	const struct jsonval *srcv = jsonread_get(t, "source");
	const char *src = jsonread_str(srcv);
	if (!src && srcv && srcv->type == JSON_OBJECT)
		src = jsonread_str(jsonread_get(srcv, "id"));
	if (src && (from_source(c, a, src) || dup_str(c, &a->source, src)))
		return -1;
	if (!a->doc_symbol && !src)
		return bad(c, "target has no \"source\" naming the document");
	const char *para = jsonread_str(jsonread_get(t, "gavel:paragraph"));
	struct found f = { 0 };
	if (take_selectors(c, t, &f, para != NULL))
		return -1;
	if (!para)
		para = f.para;
	if (!f.quote) {
		if (para)
			return bad(c, "target has no TextQuoteSelector");
		return jsonread_get(t, "selector") ? skip(c, "it has no TextQuoteSelector (gavel "
		                                          "anchors notes to quoted words)")
		                                   : skip(c, "it is about a whole document, not words of it");
	}
	int q = take_quote(c, a, &f, para != NULL);
	if (q)
		return q;
	if (dup_str(c, &a->para_id, para ? para : ""))
		return -1;
	if (para && f.have_pos) {
		a->start = f.start;
		a->end = f.end;
	} else {
		/* Placed by its quote: the exact range is found then. */
		a->start = 0;
		a->end = anchor_cp_count(a->exact, strlen(a->exact));
		a->status = ANCHOR_ORPHAN;
	}
	return 0;
}

/* Several targets: the first that quotes words. */
static int take_targets(struct ictx *c, struct annotation *a, const struct jsonval *an)
{
	const struct jsonval *t = jsonread_get(an, "target");
	if (!t)
		return bad(c, "an annotation needs a \"target\"");
	if (t->type != JSON_ARRAY)
		return take_target(c, a, t);
	if (t->n == 0)
		return bad(c, "\"target\" is an empty array");
	struct import_report *rep = c->rep;
	for (size_t i = 0; i < t->n; i++) {
		c->rep = i + 1 < t->n ? NULL : rep;   /* only the last one's skip counts */
		struct annotation keep = *a;
		int rc = take_target(c, a, &t->items[i]);
		c->rep = rep;
		if (rc <= 0)
			return rc;
		/* Left out: undo what it took, try the next. */
		free(a->doc_symbol); free(a->doc_language); free(a->source);
		free(a->exact); free(a->prefix); free(a->suffix); free(a->para_id);
		a->doc_symbol = keep.doc_symbol;
		a->doc_language = keep.doc_language;
		a->source = keep.source;
		a->exact = a->prefix = a->suffix = a->para_id = NULL;
	}
	return 1;
}

/* An id for an annotation that came without one: name-based from what it says, so the
 * same annotation imported twice is still found the second time. */
static void content_uuid(struct annotation *a)
{
	const char *parts[] = { a->source, a->doc_symbol, a->exact, a->prefix, a->suffix, a->note,
	                        a->created };
	struct sha256 h;
	unsigned char d[32];
	sha256_init(&h);
	sha256_update(&h, "gavel content id\n", 17);
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		sha256_update(&h, parts[i] ? parts[i] : "", parts[i] ? strlen(parts[i]) + 1 : 1);
	sha256_final(&h, d);
	export_name_uuid(d, a->id);
}

/* A W3C annotation. Returns 0, 1 when left out, -1 when the file is refused. */
static int w3c_annotation(struct ictx *c, struct annotation *a, const struct jsonval *an)
{
	if (!has_type(an, "Annotation"))
		return bad(c, "\"type\" is not \"Annotation\"");
	const struct jsonval *idv = jsonread_get(an, "id");
	if (idv && idv->type != JSON_STRING)
		return bad(c, "\"id\" must be a string");
	if (idv && take_id(c, a, idv->str))
		return -1;
	if (take_time(c, an, "created", &a->created) || take_time(c, an, "modified", &a->updated) ||
	    opt_str(c, an, "gavel:color", &a->color) || take_bodies(c, a, an))
		return -1;
	int rc = take_targets(c, a, an);
	if (rc)
		return rc;
	if (!idv)
		content_uuid(a);
	/* Kept as exported until the store re-anchors the note against the document's text. */
	const char *status = jsonread_str(jsonread_get(an, "gavel:status"));
	if (status && strcmp(status, "orphan") == 0)
		a->status = ANCHOR_ORPHAN;
	else if (status && strcmp(status, "moved") == 0)
		a->status = ANCHOR_MOVED;
	return 0;
}

/* A Hypothesis annotation (its API's and its export's shape): "uri", "text", "tags",
 * "target": [{"source", "selector": [...]}], ids it serves at https://hypothes.is/a/ID. */
static int hypothesis_annotation(struct ictx *c, struct annotation *a, const struct jsonval *an)
{
	const struct jsonval *refs = jsonread_get(an, "references");
	if (refs && refs->type == JSON_ARRAY && refs->n)
		return skip(c, "it is a reply to another annotation");
	const char *id = jsonread_str(jsonread_get(an, "id"));
	const char *html = jsonread_str(jsonread_get(jsonread_get(an, "links"), "html"));
	char iri[300];
	if (!html && id && strlen(id) < 200) {
		snprintf(iri, sizeof iri, "https://hypothes.is/a/%s", id);
		html = iri;
	}
	if (!html)
		return bad(c, "a Hypothesis annotation needs a string \"id\"");
	if (take_id(c, a, html))
		return -1;
	if (take_time(c, an, "created", &a->created) || take_time(c, an, "updated", &a->updated))
		return -1;
	const struct jsonval *text = jsonread_get(an, "text");
	if (text && text->type == JSON_STRING && add_note(c, a, text->str))
		return -1;
	const struct jsonval *tags = jsonread_get(an, "tags");
	for (size_t i = 0; tags && tags->type == JSON_ARRAY && i < tags->n; i++)
		if (tags->items[i].type == JSON_STRING && add_tag(c, a, tags->items[i].str))
			return -1;
	int rc = take_targets(c, a, an);
	if (rc)
		return rc;
	const char *uri = jsonread_str(jsonread_get(an, "uri"));
	if (uri && !a->source && dup_str(c, &a->source, uri))
		return -1;
	return 0;
}

static int is_hypothesis(const struct jsonval *v)
{
	return v->type == JSON_OBJECT && !jsonread_get(v, "type") && jsonread_get(v, "uri") &&
	       jsonread_get(v, "target");
}

static int one_annotation(struct ictx *c, struct annotation *a, const struct jsonval *an)
{
	if (an->type != JSON_OBJECT)
		return bad(c, "an annotation must be an object");
	int rc = is_hypothesis(an) ? hypothesis_annotation(c, a, an) : w3c_annotation(c, a, an);
	if (rc)
		return rc;
	if (!a->color && dup_str(c, &a->color, "yellow"))
		return -1;
	if (!color_ok(a->color))
		return bad(c, "\"gavel:color\" \"%.40s\" is not a colour key (lower-case letters, digits, '-', '_')", a->color);
	if (a->doc_symbol && !*a->doc_symbol)
		return bad(c, "the document's symbol is empty");
	if (a->doc_symbol && !a->doc_language && dup_str(c, &a->doc_language, "en"))
		return -1;
	return 0;
}

/* Where the annotations are: collection -> first page -> items, page -> items, array, one;
 * Hypothesis: {"annotations": [...]} (its export), {"rows": [...]} (its search API). */
static const struct jsonval *find_items(struct ictx *c, const struct jsonval *root, int *single)
{
	*single = 0;
	if (root->type == JSON_ARRAY) {
		snprintf(c->where, sizeof c->where, "items");
		return root;
	}
	if (root->type != JSON_OBJECT) {
		bad(c, "expected an AnnotationCollection, an array of Annotations or an Annotation");
		return NULL;
	}
	if (has_type(root, "Annotation") || is_hypothesis(root)) {
		*single = 1;
		return root;
	}
	static const char *const lists[] = { "annotations", "rows" };
	for (size_t i = 0; i < 2 && !jsonread_get(root, "type"); i++) {
		const struct jsonval *v = jsonread_get(root, lists[i]);
		if (v && v->type == JSON_ARRAY) {
			snprintf(c->where, sizeof c->where, "%s", lists[i]);
			return v;
		}
	}
	const struct jsonval *page = root;
	if (has_type(root, "AnnotationCollection")) {
		page = jsonread_get(root, "first");
		const struct jsonval *total = jsonread_get(root, "total");
		if (!page && total && total->type == JSON_NUMBER && total->number == 0)
			return NULL; /* an empty collection: nothing to import */
		if (!page || page->type != JSON_OBJECT) {
			bad(c, "the collection's \"first\" page must be embedded (an object)");
			return NULL;
		}
		if (jsonread_get(page, "next")) {
			bad(c, "collections of several pages are not supported");
			return NULL;
		}
	}
	if (!has_type(page, "AnnotationPage")) {
		bad(c, "expected an AnnotationCollection, an AnnotationPage, an Annotation or "
		       "Hypothesis' JSON");
		return NULL;
	}
	const struct jsonval *items = jsonread_get(page, "items");
	if (!items || items->type != JSON_ARRAY) {
		bad(c, "the page has no \"items\" array");
		return NULL;
	}
	snprintf(c->where, sizeof c->where, "items");
	return items;
}

int import_json(const char *buf, size_t len, struct annotation **out, size_t *n,
                struct import_report *rep, char *err, size_t errlen)
{
	*out = NULL;
	*n = 0;
	if (rep)
		memset(rep, 0, sizeof *rep);
	struct jsonval *root;
	if (jsonread_parse(buf, len, &root, err, errlen) < 0)
		return -1;
	struct ictx c = { err, errlen, "file", rep };
	err[0] = '\0';
	int single;
	const struct jsonval *items = find_items(&c, root, &single);
	if (!items) {
		jsonread_free(root);
		return err[0] ? -1 : 0;
	}
	char list[16];
	snprintf(list, sizeof list, "%s", single ? "annotation" : c.where);
	size_t count = single ? 1 : items->n, kept = 0;
	struct annotation *v = calloc(count ? count : 1, sizeof *v);
	if (!v) {
		jsonread_free(root);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < count; i++) {
		if (single)
			snprintf(c.where, sizeof c.where, "%s", list);
		else
			snprintf(c.where, sizeof c.where, "%s[%zu]", list, i);
		int rc = one_annotation(&c, &v[kept], single ? items : &items->items[i]);
		if (rc < 0) {
			annotation_list_free(v, kept + 1);
			jsonread_free(root);
			if (rep)
				memset(rep, 0, sizeof *rep);
			return -1;
		}
		if (rc > 0)
			annotation_clear(&v[kept]);
		else
			kept++;
	}
	jsonread_free(root);
	*out = v;
	*n = kept;
	return 0;
}

/* --- placing notes that came without a paragraph --- */

/* Whether resolution r is the document annotation a is about: the same symbol and language,
 * or any document when a names none (`any` allows that). */
static int same_doc(const struct resolution *r, const struct annotation *a, int any)
{
	if (!a->doc_symbol)
		return any;
	if (!r->meta.symbol || strcmp(r->meta.symbol, a->doc_symbol) != 0)
		return 0;
	const char *lang = r->meta.language ? r->meta.language : "und";
	return !a->doc_language || strcmp(lang, a->doc_language) == 0;
}

/* Where the quote is in r: where anchoring finds it with its context, else its one
 * occurrence in the whole document (a short quote with little context, as other tools keep
 * it, is still certain when it occurs once). Returns 0 when found. */
static int locate(const struct resolution *r, const struct annotation *a, struct anchor_found *f)
{
	struct anchor_target t = { "", 0, a->end, a->exact, a->prefix, a->suffix, -1 };
	if (anchor_resolve(r, &t, f) != ANCHOR_ORPHAN)
		return 0;
	int hits = 0;
	for (size_t i = 0; i < r->npara && hits < 2; i++) {
		const char *text = r->paras[i].text;
		size_t s, e, from = 0;
		while (text && hits < 2 && anchor_find(text, a->exact, from, &s, &e)) {
			if (!hits++)
				*f = (struct anchor_found){ (int)i, s, e };
			from = s + 1;
		}
	}
	return hits == 1 ? 0 : -1;
}

static int place_one(struct annotation *a, const struct resolution *const *docs, size_t ndocs,
                     int any)
{
	for (size_t d = 0; d < ndocs; d++) {
		const struct resolution *r = docs[d];
		struct anchor_found f;
		if (!same_doc(r, a, any) || locate(r, a, &f) != 0)
			continue;
		const struct para *p = &r->paras[f.para];
		char *exact, *prefix, *suffix, *para = strdup(p->id);
		int q = para ? anchor_quote(p->text, f.start, f.end, &exact, &prefix, &suffix) : -1;
		if (q != 0) {
			free(para);
			return q == -1 ? -1 : 0;
		}
		if (!a->doc_symbol) {
			a->doc_symbol = strdup(r->meta.symbol ? r->meta.symbol : "");
			free(a->doc_language);
			a->doc_language = strdup(r->meta.language ? r->meta.language : "und");
			if (!a->doc_symbol || !a->doc_language) {
				free(para);
				free(exact);
				free(prefix);
				free(suffix);
				return -1;
			}
		}
		free(a->para_id);
		free(a->exact);
		free(a->prefix);
		free(a->suffix);
		a->para_id = para;
		a->exact = exact;
		a->prefix = prefix;
		a->suffix = suffix;
		a->start = f.start;
		a->end = f.end;
		a->status = ANCHOR_ANCHORED;
		return 1;
	}
	return 0;
}

int import_place(struct annotation *v, size_t n, const struct resolution *const *docs,
                 size_t ndocs, int any)
{
	int placed = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].para_id && *v[i].para_id)
			continue;
		int rc = place_one(&v[i], docs, ndocs, any);
		if (rc < 0)
			return -1;
		placed += rc;
	}
	return placed;
}
