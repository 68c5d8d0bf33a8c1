/* import.c: the JSON of export_json read back strictly: every annotation is checked before
 * any is returned, and messages name the item and the field at fault. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/import.h"
#include "export/jsonread.h"

#define UNDOCS "https://undocs.org/"

struct ictx {
	char *err;
	size_t errlen;
	char where[48];     /* "items[3]" */
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

static int is_hex(char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

/* "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427" -> the lower-case UUID. */
static int take_id(struct ictx *c, const struct jsonval *an, char id[37])
{
	const char *s = jsonread_str(jsonread_get(an, "id"));
	if (!s)
		return bad(c, "no string \"id\" (gavel needs \"urn:uuid:...\" ids to avoid duplicates)");
	if (strncmp(s, "urn:uuid:", 9) != 0 || strlen(s) != 9 + 36)
		return bad(c, "id \"%.60s\" is not \"urn:uuid:\" and a UUID", s);
	s += 9;
	for (int i = 0; i < 36; i++) {
		int dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? s[i] != '-' : !is_hex(s[i]))
			return bad(c, "id \"urn:uuid:%.36s\" is not a UUID", s);
		id[i] = (char)(s[i] >= 'A' && s[i] <= 'F' ? s[i] - 'A' + 'a' : s[i]);
	}
	id[36] = '\0';
	return 0;
}

/* ISO 8601 date-time as gavel writes it ("2026-11-27T05:28:46Z"), fractions and offsets
 * allowed: checked loosely by shape, kept as written. */
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

static int one_body(struct ictx *c, struct annotation *a, const struct jsonval *b)
{
	if (b->type != JSON_OBJECT)
		return bad(c, "a body must be an object");
	if (!has_type(b, "TextualBody"))
		return bad(c, "only TextualBody bodies can be imported");
	const struct jsonval *v = jsonread_get(b, "value");
	if (!v || v->type != JSON_STRING)
		return bad(c, "a TextualBody has no string \"value\"");
	const char *purpose = jsonread_str(jsonread_get(b, "purpose"));
	if (purpose && strcmp(purpose, "tagging") == 0) {
		return add_tag(c, a, v->str);
	}
	if (purpose && strcmp(purpose, "commenting") != 0 && strcmp(purpose, "describing") != 0)
		return bad(c, "body purpose \"%.30s\" cannot be imported", purpose);
	if (a->note)
		return bad(c, "more than one note body");
	return dup_str(c, &a->note, v->str);
}

static int take_bodies(struct ictx *c, struct annotation *a, const struct jsonval *an)
{
	const struct jsonval *b = jsonread_get(an, "body");
	if (!b || b->type == JSON_NULL)
		return 0;
	if (b->type == JSON_OBJECT)
		return one_body(c, a, b);
	if (b->type != JSON_ARRAY)
		return bad(c, "\"body\" must be an object or an array");
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

static int take_selectors(struct ictx *c, struct annotation *a, const struct jsonval *t)
{
	const struct jsonval *s = jsonread_get(t, "selector");
	if (!s)
		return bad(c, "target has no \"selector\"");
	size_t n = s->type == JSON_ARRAY ? s->n : 1;
	int quote = 0, pos = 0;
	for (size_t i = 0; i < n; i++) {
		const struct jsonval *sel = s->type == JSON_ARRAY ? &s->items[i] : s;
		if (sel->type != JSON_OBJECT)
			return bad(c, "a selector must be an object");
		if (has_type(sel, "TextQuoteSelector")) {
			const struct jsonval *ex = jsonread_get(sel, "exact");
			if (!ex || ex->type != JSON_STRING)
				return bad(c, "TextQuoteSelector needs a string \"exact\"");
			if (quote++)
				return bad(c, "more than one TextQuoteSelector");
			if (dup_str(c, &a->exact, ex->str) || opt_str(c, sel, "prefix", &a->prefix) ||
			    opt_str(c, sel, "suffix", &a->suffix))
				return -1;
		} else if (has_type(sel, "TextPositionSelector")) {
			if (pos++)
				return bad(c, "more than one TextPositionSelector");
			if (take_count(c, sel, "start", &a->start) || take_count(c, sel, "end", &a->end))
				return -1;
			if (a->end <= a->start)
				return bad(c, "TextPositionSelector must end after it starts");
		}
		/* Other selectors (a FragmentSelector from another tool) say nothing gavel keeps. */
	}
	if (!quote)
		return bad(c, "target has no TextQuoteSelector");
	if (!pos)
		return bad(c, "target has no TextPositionSelector");
	return 0;
}

static int hexval(char ch)
{
	return ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
}

/* "https://undocs.org/en/S/RES/242%20(1967)" -> symbol "S/RES/242 (1967)", language "en". */
static int from_source(struct ictx *c, struct annotation *a, const char *src)
{
	const char *p = src;
	if (strncmp(p, UNDOCS, strlen(UNDOCS)) == 0) {
		p += strlen(UNDOCS);
		if (p[0] >= 'a' && p[0] <= 'z' && p[1] >= 'a' && p[1] <= 'z' && p[2] == '/') {
			if (!a->doc_language) {
				char lang[3] = { p[0], p[1], '\0' };
				if (dup_str(c, &a->doc_language, lang))
					return -1;
			}
			p += 3;
		}
	}
	if (a->doc_symbol)
		return 0;
	char *sym = malloc(strlen(p) + 1);
	if (!sym)
		return bad(c, "out of memory");
	size_t k = 0;
	for (; *p; p++) {
		if (p[0] == '%' && is_hex(p[1]) && is_hex(p[2])) {
			char ch = (char)(hexval(p[1]) * 16 + hexval(p[2]));
			sym[k++] = ch ? ch : '?';
			p += 2;
		} else {
			sym[k++] = *p;
		}
	}
	sym[k] = '\0';
	a->doc_symbol = sym;
	return 0;
}

static int take_target(struct ictx *c, struct annotation *a, const struct jsonval *an)
{
	const struct jsonval *t = jsonread_get(an, "target");
	if (t && t->type == JSON_ARRAY && t->n == 1)
		t = &t->items[0];
	if (!t || t->type != JSON_OBJECT)
		return bad(c, "\"target\" must be one object");
	if (opt_str(c, t, "gavel:symbol", &a->doc_symbol) ||
	    opt_str(c, t, "gavel:language", &a->doc_language))
		return -1;
	const char *src = jsonread_str(jsonread_get(t, "source"));
	if (src && from_source(c, a, src))
		return -1;
	if (!a->doc_symbol || !*a->doc_symbol)
		return bad(c, "target has no \"source\" naming the document");
	if (!a->doc_language && dup_str(c, &a->doc_language, "en"))
		return -1;
	const char *para = jsonread_str(jsonread_get(t, "gavel:paragraph"));
	if (!para || !*para)
		return bad(c, "target has no \"gavel:paragraph\" (the paragraph id, like \"op10\")");
	if (dup_str(c, &a->para_id, para))
		return -1;
	return take_selectors(c, a, t);
}

static int one_annotation(struct ictx *c, struct annotation *a, const struct jsonval *an)
{
	if (an->type != JSON_OBJECT)
		return bad(c, "an annotation must be an object");
	if (!has_type(an, "Annotation"))
		return bad(c, "\"type\" is not \"Annotation\"");
	if (take_id(c, an, a->id) || take_time(c, an, "created", &a->created) ||
	    take_time(c, an, "modified", &a->updated) || opt_str(c, an, "gavel:color", &a->color) ||
	    take_bodies(c, a, an) || take_target(c, a, an))
		return -1;
	if (!a->color && dup_str(c, &a->color, "yellow"))
		return -1;
	if (!color_ok(a->color))
		return bad(c, "\"gavel:color\" \"%.40s\" is not a colour key (lower-case letters, digits, '-', '_')", a->color);
	/* Kept as exported until the store re-anchors the note against the document's text. */
	const char *status = jsonread_str(jsonread_get(an, "gavel:status"));
	a->status = status && strcmp(status, "orphan") == 0 ? ANCHOR_ORPHAN
	          : status && strcmp(status, "moved") == 0 ? ANCHOR_MOVED : ANCHOR_ANCHORED;
	return 0;
}

/* Where the annotations are: collection -> first page -> items, page -> items, array, one. */
static const struct jsonval *find_items(struct ictx *c, const struct jsonval *root, int *single)
{
	*single = 0;
	if (root->type == JSON_ARRAY)
		return root;
	if (root->type != JSON_OBJECT) {
		bad(c, "expected an AnnotationCollection, an array of Annotations or an Annotation");
		return NULL;
	}
	if (has_type(root, "Annotation")) {
		*single = 1;
		return root;
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
		bad(c, "expected an AnnotationCollection, an AnnotationPage or an Annotation");
		return NULL;
	}
	const struct jsonval *items = jsonread_get(page, "items");
	if (!items || items->type != JSON_ARRAY) {
		bad(c, "the page has no \"items\" array");
		return NULL;
	}
	return items;
}

int import_json(const char *buf, size_t len, struct annotation **out, size_t *n,
                char *err, size_t errlen)
{
	*out = NULL;
	*n = 0;
	struct jsonval *root;
	if (jsonread_parse(buf, len, &root, err, errlen) < 0)
		return -1;
	struct ictx c = { err, errlen, "file" };
	err[0] = '\0';
	int single;
	const struct jsonval *items = find_items(&c, root, &single);
	if (!items) {
		jsonread_free(root);
		return err[0] ? -1 : 0;
	}
	size_t count = single ? 1 : items->n;
	struct annotation *v = calloc(count ? count : 1, sizeof *v);
	if (!v) {
		jsonread_free(root);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < count; i++) {
		if (single)
			strcpy(c.where, "annotation");
		else
			snprintf(c.where, sizeof c.where, "items[%zu]", i);
		if (one_annotation(&c, &v[i], single ? items : &items->items[i])) {
			annotation_list_free(v, count);
			jsonread_free(root);
			return -1;
		}
	}
	jsonread_free(root);
	*out = v;
	*n = count;
	return 0;
}
