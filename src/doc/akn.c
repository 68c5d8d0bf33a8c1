/* akn.c: the UN's machine-readable resolutions (AKN4UN XML) -> the model, by their structure.
 *
 * The markup says what each part is: <preamble> <container>s are preambular paragraphs,
 * <mainBody> <paragraph>s operative ones (their number in <num>, never the eId), <list> with
 * <intro>, <point> and <sublist> their sub-paragraphs, <attachments> the annexes. Where the
 * markup is flat (numbers, "(a)" labels and headings written into sibling paragraphs, as in
 * most annexes and some bodies) the text says it, read as the text builder reads it. Every
 * paragraph goes through the builder's handlers (build.h): the same ids and labels as from any
 * other shape of the same resolution, in any of the six languages.
 *
 * libxml2 reads the bytes, with no network, no DTD loaded, no entity expanded; a document that
 * declares entities is refused (AKN4UN declares none, and that is where expansion bombs and
 * external entities live); nesting stops at libxml2's own 256 levels. */
#include "config.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "doc/akn.h"
#include "doc/idset.h"
#include "doc/lang.h"

/* A resolution's XML is well under a megabyte; the tree of a bigger file costs several times
 * its size in memory. */
#define AKN_MAX_BYTES ((size_t)64 << 20)

/* ---- probe ---- */

int akn_probe(const struct shape_probe *p)
{
	/* "<akomaNtoso" or "<akn:akomaNtoso" in the opening, after an XML declaration, comments
	 * or a BOM: the document element names the format, whatever the file is called. */
	size_t n = p->len < 4096 ? p->len : 4096;
	const char *s = p->buf;
	size_t i = 0;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i >= n || s[i] != '<')
		return 0;
	for (; i + 11 <= n; i++) {
		const char *k = memchr(s + i, 'k', n - i);
		if (!k || (size_t)(k - s) + 10 > n)
			return 0;
		i = (size_t)(k - s);
		if (i >= 2 && memcmp(k - 1, "akomaNtoso", 10) == 0 && (k[-2] == '<' || k[-2] == ':'))
			return 1;
	}
	return 0;
}

/* ---- parsing the XML ---- */

static xmlParserInputPtr no_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;        /* nothing outside the file is ever read */
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(no_entity_loader);
}

/* What the parse hands back: the first error, and whether entities were declared. */
struct xml_err {
	char msg[160];
	int line;
	int entities;
};

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *pub,
                           const xmlChar *sys, xmlChar *content)
{
	(void)name;
	(void)type;
	(void)pub;
	(void)sys;
	(void)content;
	xmlParserCtxtPtr ctxt = ctx;
	struct xml_err *e = ctxt->_private;
	e->entities = 1;
	xmlStopParser(ctxt);
}

static void on_error(void *ctx, xmlErrorPtr err)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xml_err *e = ctxt->_private;
	if (!err || err->level < XML_ERR_ERROR || e->msg[0])
		return;
	if (err->code == XML_ERR_INTERNAL_ERROR && err->message && strstr(err->message, "depth"))
		snprintf(e->msg, sizeof e->msg, "elements nested deeper than 256 levels");
	else
		snprintf(e->msg, sizeof e->msg, "%s", err->message ? err->message : "error");
	size_t k = strlen(e->msg);
	while (k > 0 && (e->msg[k - 1] == '\n' || e->msg[k - 1] == ' '))
		e->msg[--k] = '\0';
	e->line = err->line;
}

static int fail(struct parse_diag *d, int code, const char *fmt, const char *arg)
{
	snprintf(d->reason, sizeof d->reason, fmt, arg);
	return code;
}

static xmlDocPtr parse_xml(const char *buf, size_t len, struct parse_diag *d, int *rc)
{
	pthread_once(&xml_once, xml_init);
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		*rc = fail(d, EX_OSERR, "%s", "out of memory");
		return NULL;
	}
	struct xml_err e;
	memset(&e, 0, sizeof e);
	ctxt->_private = &e;
	ctxt->sax->entityDecl = on_entity_decl;
	ctxt->sax->externalSubset = NULL;
	ctxt->sax->serror = on_error;
	ctxt->sax->error = NULL;
	ctxt->sax->warning = NULL;
	ctxt->vctxt.error = NULL;
	ctxt->vctxt.warning = NULL;
	/* No XML_PARSE_NOENT (entities stay references), DTDLOAD, DTDVALID, XINCLUDE or HUGE
	 * (its limits on depth and sizes stay). */
	int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, "akn.xml", NULL, opts);
	int wf = ctxt->wellFormed;
	xmlFreeParserCtxt(ctxt);
	if (e.entities) {
		xmlFreeDoc(doc);
		*rc = fail(d, EX_DATAERR, "%s", "XML that declares entities (AKN4UN has none): refused");
		return NULL;
	}
	if (!doc || !wf) {
		xmlFreeDoc(doc);
		char m[200];
		if (e.line > 0)
			snprintf(m, sizeof m, "line %d: %s", e.line, e.msg[0] ? e.msg : "not well-formed");
		else
			snprintf(m, sizeof m, "%s", e.msg[0] ? e.msg : "not well-formed");
		*rc = fail(d, EX_DATAERR, "malformed XML (%s)", m);
		return NULL;
	}
	return doc;
}

/* ---- structure ---- */

static const xmlNode *first_element(const xmlNode *n)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

/* Gathers an element's text, without its <num>, into a fresh akn_text. */
static void text_of(struct akn *a, struct akn_text *t, const xmlNode *n)
{
	memset(t, 0, sizeof *t);
	if (n)
		akn_gather(a, t, n, 1);
	akn_text_trim(t);
}

/* A <num> as printed, without parentheses, quotes or a final period: "12", "a", "ii";
 * Arabic "’1‘" (how Arabic texts number the (i) level) as the numeral "i". Caller frees. */
static char *num_label(struct akn *a, const xmlNode *n)
{
	char *s = akn_plain(a, akn_child(n, "num"));
	if (!s)
		return NULL;
	size_t len = strlen(s), b = 0;
	/* "1.", "1 -", "1 –" (Arabic), "(a)", "a)", "(أ)" */
	for (;;) {
		if (len > b && strchr(".)- ", s[len - 1]))
			len--;
		else if (len >= b + 3 && memcmp(s + len - 3, "\xE2\x80\x93", 3) == 0 && len > b + 3)
			len -= 3;
		else
			break;
	}
	while (b < len && (s[b] == '(' || s[b] == ' '))
		b++;
	/* ’1‘ (U+2019 ... U+2018) */
	if (len - b > 6 && memcmp(s + b, "\xE2\x80\x99", 3) == 0 && memcmp(s + len - 3, "\xE2\x80\x98", 3) == 0) {
		int v = atoi(s + b + 3);
		static const char *const roman[] = { "i", "ii", "iii", "iv", "v", "vi", "vii", "viii",
			"ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx" };
		if (v >= 1 && v <= 20) {
			free(s);
			return strdup(roman[v - 1]);
		}
	}
	memmove(s, s + b, len - b);
	s[len - b] = '\0';
	return s;
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s) && *s != '.')
			return 0;
	return 1;
}

/* "I", "IV", "A": the number of a section heading. */
static int section_number(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 6)
		return 0;
	if (n == 1 && isupper((unsigned char)s[0]))
		return 1;
	return strspn(s, "IVXLC") == n;
}

/* A bullet printed as a number ("–", "•"): an unnumbered item. */
static int bullet(const char *s)
{
	return strcmp(s, "-") == 0 || strcmp(s, "\xE2\x80\x93") == 0 || strcmp(s, "\xE2\x80\x94") == 0
	    || strcmp(s, "\xE2\x80\xA2") == 0 || strcmp(s, "*") == 0;
}

/* A paragraph's class says it is set as a heading ("H1", "H23", "H4" in the UN's markup). */
static int heading_class(const xmlNode *n)
{
	char *c = akn_attr(n, "class");
	int yes = c && c[0] == 'H' && isdigit((unsigned char)c[1]);
	xmlFree(c);
	return yes;
}

/* A paragraph that is only a heading: <subheading> or <heading> (after a <num>), or a short
 * line set as a heading that does not end a sentence. */
static int heading_para(struct akn *a, const xmlNode *p)
{
	int kids = 0, heads = 0, other = 0;
	for (const xmlNode *c = p->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		kids++;
		if (akn_is(c, "subheading") || akn_is(c, "heading"))
			heads++;
		else if (!akn_is(c, "num"))
			other++;
	}
	if (heads && !other)
		return 1;
	if (!kids || akn_child(p, "list"))
		return 0;
	/* set as a heading by its class, or a short line in italics or bold alone ("Measures") */
	struct akn_text t;
	memset(&t, 0, sizeof t);
	akn_gather(a, &t, p, 1);
	akn_text_trim(&t);
	int yes = t.len > 0 && t.len < 200 && !strchr(".;:,", t.s[t.len - 1])
	       && (heading_class(p) || (t.emph == t.len && !akn_child(p, "num")));
	/* footnotes gathered on the way are gathered again, in place, by the caller */
	akn_text_free(&t);
	return yes;
}

static void add_text_para(struct akn *a, struct akn_text *t);

/* A paragraph's own words: its content, or the <intro> of its list (the list's items are
 * paragraphs of their own). */
static void para_text(struct akn *a, struct akn_text *t, const xmlNode *p)
{
	memset(t, 0, sizeof *t);
	for (const xmlNode *c = p->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || akn_is(c, "num"))
			continue;
		if (akn_is(c, "list")) {
			const xmlNode *in = akn_child(c, "intro");
			if (in)
				akn_gather(a, t, in, 1);
		} else
			akn_gather(a, t, c, 1);
	}
	akn_text_trim(t);
}

/* Adds the paragraph the builder's handler made of t (its marks and links follow it). */
static void attach(struct akn *a, int i, struct akn_text *t)
{
	if (i < 0) {
		if (a->st.oom)
			a->oom = 1;
		return;
	}
	akn_attach(a, i, t);
}

/* Text whose number is written into it ("1 - Text", "(a) Text", as Arabic bodies and flat
 * annexes have them): the number read off, the paragraph added as the text builder would. */
static void add_text_para(struct akn *a, struct akn_text *t)
{
	struct bstate *st = &a->st;
	size_t skip, labn;
	const char *lab;
	int i = -1;
	if (!t->len)
		return;
	size_t dn = build_opnum(t->s, t->len, &skip);
	if (dn) {
		char num[16];
		snprintf(num, sizeof num, "%.*s", (int)dn, t->s);
		akn_text_cut(t, skip);
		if (st->annex >= 0)
			i = build_annex_para(st, PARA_ANNEX, num, strlen(num), t->s, t->len);
		else {
			i = build_operative(st, num, strlen(num), t->s, t->len);
			a->numbered_ops = 1;
		}
		attach(a, i, t);
		return;
	}
	if ((skip = build_submark(t->s, t->len, &lab, &labn)) != 0) {
		char l[16];
		snprintf(l, sizeof l, "%.*s", (int)(labn < 15 ? labn : 15), lab);
		if (st->annex >= 0 || st->top >= 0) {
			akn_text_cut(t, skip);
			i = build_item(st, l, strlen(l), 0, t->s, t->len);
			attach(a, i, t);
			return;
		}
	}
	if (st->annex >= 0)
		i = build_annex_para(st, PARA_ANNEX, NULL, 0, t->s, t->len);
	else if (a->numbered_ops && st->top >= 0) {
		st->depth = 0;          /* "... (g) ...;" then "as well as ...": the paragraph's */
		i = build_inner_text(st, t->s, t->len);
	}
	else
		i = build_operative(st, NULL, 0, t->s, t->len);
	attach(a, i, t);
}

/* A sub-paragraph from a <point> (or a paragraph numbered "(a)") at a level the markup gives;
 * unnumbered points and bullets are items without a number. */
static void add_point(struct akn *a, int level, const char *label, struct akn_text *t)
{
	struct bstate *st = &a->st;
	int i;
	if (st->top < 0) {
		/* nothing to hang it on: an item of the annex, or text of its own */
		if (st->annex >= 0)
			i = build_annex_para(st, PARA_ANNEX, label, label ? strlen(label) : 0, t->s, t->len);
		else
			i = build_operative(st, NULL, 0, t->s, t->len);
		attach(a, i, t);
		return;
	}
	if (label && *label && !bullet(label)) {
		i = build_sub_at(st, level, label, strlen(label), t->s, t->len);
	} else {
		if (level < st->depth)
			st->depth = level;
		i = build_inner_text(st, t->s, t->len);
	}
	attach(a, i, t);
}

static void list(struct akn *a, const xmlNode *l, int level, int depth);

static void point(struct akn *a, const xmlNode *pt, int level)
{
	/* a heading set inside the list ("Asset Freeze" over "(a)"): an item of its own */
	const xmlNode *sh = akn_child(pt, "subheading");
	if (sh) {
		struct akn_text h;
		text_of(a, &h, sh);
		if (h.len)
			add_point(a, level, NULL, &h);
		akn_text_free(&h);
	}
	char *label = num_label(a, pt);
	struct akn_text t;
	memset(&t, 0, sizeof t);
	for (const xmlNode *c = pt->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !akn_is(c, "num") && !akn_is(c, "subheading")
		    && !akn_is(c, "list"))
			akn_gather(a, &t, c, 1);
	akn_text_trim(&t);
	add_point(a, level, label, &t);
	akn_text_free(&t);
	free(label);
}

/* <list>: <intro> (the paragraph's own words, gathered by the caller), <point>s at `level`,
 * a <sublist> holding the items of the point before it, a <wrapUp> closing the paragraph. */
static void list(struct akn *a, const xmlNode *l, int level, int depth)
{
	if (depth > AKN_MAX_DEPTH)
		return;
	for (const xmlNode *c = l->children; c && !a->oom; c = c->next) {
		if (akn_is(c, "point"))
			point(a, c, level);
		else if (akn_is(c, "sublist") || akn_is(c, "list"))
			list(a, c, level + 1, depth + 1);
		else if (akn_is(c, "wrapUp")) {
			struct akn_text t;
			text_of(a, &t, c);
			if (t.len) {
				a->st.depth = 0;
				attach(a, build_inner_text(&a->st, t.s, t.len), &t);
			}
			akn_text_free(&t);
		}
	}
}

/* A table (in a <container>): each row an item of the current paragraph, its cells apart. */
static void table(struct akn *a, const xmlNode *c)
{
	for (const xmlNode *tb = c->children; tb; tb = tb->next) {
		if (!akn_is(tb, "table"))
			continue;
		for (const xmlNode *tr = tb->children; tr && !a->oom; tr = tr->next) {
			if (!akn_is(tr, "tr"))
				continue;
			struct akn_text t;
			memset(&t, 0, sizeof t);
			for (const xmlNode *td = tr->children; td; td = td->next) {
				if (td->type != XML_ELEMENT_NODE)
					continue;
				size_t before = t.len;
				akn_gather(a, &t, td, 0);
				akn_text_trim(&t);
				if (t.len > before)
					akn_text_put(a, &t, " | ");
			}
			akn_text_trim(&t);
			if (t.len && t.len >= 2 && t.s[t.len - 1] == '|') {
				t.len -= 2;
				t.s[t.len] = '\0';
			}
			if (t.len) {
				struct bstate *st = &a->st;
				int i;
				if (st->annex >= 0)
					i = build_annex_para(st, PARA_ANNEX, NULL, 0, t.s, t.len);
				else if (st->top >= 0) {
					st->depth = 0;
					i = build_inner_text(st, t.s, t.len);
				} else
					i = build_operative(st, NULL, 0, t.s, t.len);
				attach(a, i, &t);
			}
			akn_text_free(&t);
		}
	}
}

/* ---- the body ---- */

/* A heading read but not yet placed: its number ("I") and title come in separate elements. */
struct head {
	char *num;
	struct akn_text title;
	int any;
};

/* Sections are parts when the operative numbering starts again under them (an omnibus
 * resolution's sections I, II ... each with its paragraphs 1, 2 ...); else headings over
 * numbering that runs on (S/RES/687's A-I, the Assembly's oceans resolution). */
struct scan {
	int last, after_head, restart;
};

static int printed_number(struct akn *a, const xmlNode *p)
{
	char *label = num_label(a, p);
	int v = 0;
	if (label) {
		v = all_digits(label) ? atoi(label) : 0;
		free(label);
		return v;
	}
	char *s = akn_plain(a, akn_child(p, "content"));
	size_t skip;
	if (s && build_opnum(s, strlen(s), &skip))
		v = atoi(s);
	free(s);
	return v;
}

static void prescan(struct akn *a, const xmlNode *mb, struct scan *sc, int depth)
{
	if (depth > AKN_MAX_DEPTH)
		return;
	for (const xmlNode *c = mb->children; c; c = c->next) {
		if (akn_is(c, "section")) {
			sc->after_head = 1;
			prescan(a, c, sc, depth + 1);
		} else if (akn_is(c, "subheading")) {
			sc->after_head = 1;
		} else if (akn_is(c, "paragraph")) {
			if (heading_para(a, c)) {
				sc->after_head = 1;
				continue;
			}
			int v = printed_number(a, c);
			if (!v)
				continue;
			if (sc->after_head && sc->last > 0 && v <= sc->last)
				sc->restart = 1;
			sc->after_head = 0;
			sc->last = v;
		}
	}
}

struct body {
	struct akn *a;
	int parts;                  /* sections are parts (struct scan) */
	int preamble;               /* everything here is preamble (see statement) */
	struct head h;
};

static void head_flush(struct body *b)
{
	struct akn *a = b->a;
	struct head *h = &b->h;
	if (!h->any)
		return;
	struct bstate *st = &a->st;
	if (b->parts && h->num && !b->preamble) {
		build_part(st, h->num, strlen(h->num));
		if (h->title.len)
			build_part_title(st, h->title.s, h->title.len);
	} else if (h->title.len || h->num) {
		const char *s = h->title.len ? h->title.s : h->num;
		size_t n = h->title.len ? h->title.len : strlen(h->num);
		int i = build_heading(st, h->title.len ? h->num : NULL, h->num && h->title.len ? strlen(h->num) : 0, s, n);
		if (h->title.len)
			attach(a, i, &h->title);
		else if (i < 0 && st->oom)
			a->oom = 1;
	}
	free(h->num);
	akn_text_free(&h->title);
	memset(h, 0, sizeof *h);
}

/* A heading's line: its number alone ("I") waits for its title; a title after a title is a
 * heading of its own. */
static void head_line(struct body *b, char *num, struct akn_text *t)
{
	struct head *h = &b->h;
	if (!num && t->len && t->len <= 6 && !memchr(t->s, ' ', t->len) && section_number(t->s)) {
		num = strdup(t->s);
		akn_text_free(t);
		if (!num)
			b->a->oom = 1;
	}
	if (h->any && (h->title.len || (num && h->num)))
		head_flush(b);
	h->any = 1;
	if (num && !h->num)
		h->num = num;
	else
		free(num);
	if (t->len) {
		h->title = *t;
		memset(t, 0, sizeof *t);
	}
}

static void body_item(struct body *b, const xmlNode *c, int depth);

static void body_para(struct body *b, const xmlNode *p)
{
	struct akn *a = b->a;
	struct bstate *st = &a->st;
	if (heading_para(a, p)) {
		struct akn_text t;
		text_of(a, &t, p);
		head_line(b, num_label(a, p), &t);
		akn_text_free(&t);
		return;
	}
	head_flush(b);
	const xmlNode *l = akn_child(p, "list");
	struct akn_text t;
	para_text(a, &t, p);
	char *label = num_label(a, p);
	if (b->preamble) {
		if (t.len)
			attach(a, build_preamble(st, t.s, t.len), &t);
	} else if (label && all_digits(label)) {
		attach(a, build_operative(st, label, strlen(label), t.s, t.len), &t);
		a->numbered_ops = 1;
	} else if (label && bullet(label) && st->top >= 0) {
		st->depth = 0;
		attach(a, build_inner_text(st, t.s, t.len), &t);
	} else if (label && *label) {
		if (st->top >= 0)
			attach(a, build_sub(st, label, strlen(label), 0, t.s, t.len), &t);
		else
			attach(a, build_operative(st, NULL, 0, t.s, t.len), &t);
	} else
		add_text_para(a, &t);
	akn_text_free(&t);
	free(label);
	if (l && !b->preamble)
		list(a, l, st->depth, 0);
}

static void section(struct body *b, const xmlNode *s, int depth)
{
	head_flush(b);
	/* <section><p><num>I</num></p><subheading>Title</subheading><crossHeading>... */
	for (const xmlNode *c = s->children; c && !b->a->oom; c = c->next) {
		if ((akn_is(c, "p") && akn_child(c, "num")) || akn_is(c, "num")) {
			char *n = akn_plain(b->a, akn_is(c, "num") ? c : akn_child(c, "num"));
			if (n) {
				size_t k = strlen(n);
				while (k > 0 && n[k - 1] == '.')
					n[--k] = '\0';
			}
			struct akn_text none;
			memset(&none, 0, sizeof none);
			head_line(b, n, &none);
		} else if (akn_is(c, "subheading") || akn_is(c, "heading")) {
			struct akn_text t;
			text_of(b->a, &t, c);
			head_line(b, NULL, &t);
			akn_text_free(&t);
		} else if (akn_is(c, "crossHeading")) {
			/* the section's own preamble ("Recalling ...", "Having considered ...") */
			head_flush(b);
			struct akn_text t;
			text_of(b->a, &t, c);
			if (t.len)
				attach(b->a, build_preamble(&b->a->st, t.s, t.len), &t);
			akn_text_free(&t);
		} else if (c->type == XML_ELEMENT_NODE && !akn_is(c, "p")) {
			body_item(b, c, depth + 1);
		}
	}
}

static void body_item(struct body *b, const xmlNode *c, int depth)
{
	struct akn *a = b->a;
	if (depth > AKN_MAX_DEPTH || a->oom)
		return;
	if (akn_is(c, "paragraph")) {
		body_para(b, c);
	} else if (akn_is(c, "section")) {
		section(b, c, depth);
	} else if (akn_is(c, "subheading") || akn_is(c, "heading")) {
		struct akn_text t;
		text_of(a, &t, c);
		head_line(b, NULL, &t);
		akn_text_free(&t);
	} else if (akn_is(c, "crossHeading")) {
		head_flush(b);
		struct akn_text t;
		text_of(a, &t, c);
		if (t.len)
			attach(a, build_preamble(&a->st, t.s, t.len), &t);
		akn_text_free(&t);
	} else if (akn_is(c, "container")) {
		head_flush(b);
		if (akn_child(c, "table"))
			table(a, c);
		else {
			struct akn_text t;
			text_of(a, &t, c);
			if (t.len && b->preamble)
				attach(a, build_preamble(&a->st, t.s, t.len), &t);
			else if (t.len)
				add_text_para(a, &t);
			akn_text_free(&t);
		}
	} else if (akn_is(c, "alinea") || akn_is(c, "blockContainer")) {
		head_flush(b);
		struct akn_text t;
		text_of(a, &t, c);
		add_text_para(a, &t);
		akn_text_free(&t);
	}
}

static void body_items(struct body *b, const xmlNode *parent, int depth)
{
	for (const xmlNode *c = parent->children; c && !b->a->oom; c = c->next)
		body_item(b, c, depth);
	head_flush(b);
}

/* A statement by the President of the Security Council (no preamble, no numbers): its
 * paragraphs are read as plain numbered paragraphs, as a decision is. */
static void plain_body(struct akn *a, const xmlNode *mb)
{
	for (const xmlNode *c = mb->children; c && !a->oom; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		struct akn_text t;
		text_of(a, &t, c);
		if (t.len)
			attach(a, build_plain_para(&a->st, t.s, t.len), &t);
		akn_text_free(&t);
	}
}

static void preamble(struct akn *a, const xmlNode *pre)
{
	for (const xmlNode *c = pre->children; c && !a->oom; c = c->next) {
		/* the enacting formula ("The General Assembly,") opens, it is no paragraph */
		if (c->type != XML_ELEMENT_NODE || akn_is(c, "formula"))
			continue;
		struct akn_text t;
		text_of(a, &t, c);
		/* "* * *" between groups of paragraphs */
		int words = 0;
		for (size_t i = 0; i < t.len && !words; i++)
			words = (unsigned char)t.s[i] >= 0x80 || isalnum((unsigned char)t.s[i]);
		if (words)
			attach(a, build_preamble(&a->st, t.s, t.len), &t);
		akn_text_free(&t);
	}
}

/* ---- annexes ---- */

/* "Annex", "Annex II", "Annexe", "المرفق", "附件": a line that names an annex. */
static int annex_line(const struct akn_text *t)
{
	size_t w = lang_annex_word(t->s, t->len);
	if (!w || t->len > 40)
		return 0;
	if (w == t->len)
		return 1;
	/* the word, then its letter or numeral, or a non-Latin script's ordinal ("附件一") */
	size_t k = w;
	while (k < t->len && t->s[k] == ' ')
		k++;
	size_t e = k;
	while (e < t->len && t->s[e] != ' ')
		e++;
	return e == t->len && e - k <= 12;
}

static void annex_para(struct akn *a, const xmlNode *p, int *opened)
{
	struct bstate *st = &a->st;
	struct akn_text t;
	/* headings keep their number in their text, as the text builder keeps "I. Scope" */
	int head = heading_para(a, p);
	memset(&t, 0, sizeof t);
	if (head) {
		akn_gather(a, &t, p, 0);
		akn_text_trim(&t);
	} else
		para_text(a, &t, p);
	char *label = head ? NULL : num_label(a, p);
	if (!t.len && !label) {
		akn_text_free(&t);
		return;
	}
	if (!label && annex_line(&t)) {
		build_annex(st, t.s, t.len);
		*opened = 1;
		goto done;
	}
	if (!*opened) {
		const char *w = lang_annex_name(st->lang);
		build_annex(st, w, strlen(w));
		*opened = 1;
		/* a first line set as a heading is the annex's title */
		st->read.want_annex_title = head;
	}
	/* the annex's title: the line after "Annex" set as a heading, or short and not a sentence */
	if (st->read.want_annex_title && !label && t.len < 300
	    && (head || (t.len < 200 && !strchr(".;:,", t.s[t.len - 1])))) {
		build_annex_title(st, t.s, t.len);
		attach(a, st->last, &t);
		goto done;
	}
	st->read.want_annex_title = 0;
	const xmlNode *l = akn_child(p, "list");
	if (head)
		attach(a, build_heading(st, NULL, 0, t.s, t.len), &t);
	else if (label && all_digits(label))
		attach(a, build_annex_para(st, PARA_ANNEX, label, strlen(label), t.s, t.len), &t);
	else if (label && *label && !bullet(label))
		attach(a, build_item(st, label, strlen(label), 0, t.s, t.len), &t);
	else
		add_text_para(a, &t);
	if (l)
		list(a, l, st->depth, 0);
done:
	akn_text_free(&t);
	free(label);
}

static void annex_doc(struct akn *a, const xmlNode *doc)
{
	int opened = 0;
	for (const xmlNode *mb = doc->children; mb && !a->oom; mb = mb->next) {
		if (!akn_is(mb, "mainBody"))
			continue;
		for (const xmlNode *c = mb->children; c && !a->oom; c = c->next) {
			if (akn_is(c, "paragraph"))
				annex_para(a, c, &opened);
			else if (akn_is(c, "container") && akn_child(c, "table")) {
				if (!opened) {
					const char *w = lang_annex_name(a->st.lang);
					build_annex(&a->st, w, strlen(w));
					opened = 1;
				}
				table(a, c);
			}
		}
	}
}

static void attachments(struct akn *a, const xmlNode *att)
{
	for (const xmlNode *at = att->children; at && !a->oom; at = at->next) {
		if (!akn_is(at, "attachment"))
			continue;
		for (const xmlNode *doc = at->children; doc; doc = doc->next)
			if (doc->type == XML_ELEMENT_NODE)
				annex_doc(a, doc);
	}
}

/* ---- the document ---- */

static int cmp_note(const void *x, const void *y)
{
	const struct akn_note *a = x, *b = y;
	return (a->num > b->num) - (a->num < b->num);
}

static void footnotes(struct akn *a)
{
	if (a->nnotes > 1)
		qsort(a->notes, a->nnotes, sizeof *a->notes, cmp_note);
	for (size_t i = 0; i < a->nnotes && !a->oom; i++) {
		struct akn_note *n = &a->notes[i];
		attach(a, build_footnote(&a->st, n->num, n->text.s ? n->text.s : "", n->text.len), &n->text);
	}
}

/* The document element's parts in order. A <mainBody> followed by another <preamble> is
 * preamble the markup broke off (seen in a Chinese text): the preamble cannot come after the
 * operative part. */
static void statement(struct akn *a, const xmlNode *doc)
{
	const xmlNode *last_pre = NULL;
	int any_pre = 0;
	for (const xmlNode *c = doc->children; c; c = c->next)
		if (akn_is(c, "preamble")) {
			last_pre = c;
			any_pre = 1;
		}
	int before_last = last_pre != NULL;
	for (const xmlNode *c = doc->children; c && !a->oom; c = c->next) {
		if (c == last_pre)
			before_last = 0;
		if (akn_is(c, "preamble"))
			preamble(a, c);
		else if (akn_is(c, "mainBody") && !any_pre)
			plain_body(a, c);
		else if (akn_is(c, "mainBody")) {
			struct body b;
			memset(&b, 0, sizeof b);
			b.a = a;
			b.preamble = before_last;
			struct scan sc = { 0, 0, 0 };
			prescan(a, c, &sc, 0);
			b.parts = sc.restart;
			body_items(&b, c, 0);
		} else if (akn_is(c, "attachments"))
			attachments(a, c);
	}
	footnotes(a);
}

static void akn_free(struct akn *a)
{
	for (size_t i = 0; i < a->nnotes; i++)
		akn_text_free(&a->notes[i].text);
	free(a->notes);
}

int akn_read(const char *buf, size_t len, const struct shape_want *w, struct collection **out,
             struct parse_diag *d)
{
	*out = NULL;
	if (w->more)
		*w->more = 0;
	if (len > AKN_MAX_BYTES)
		return fail(d, EX_DATAERR, "%s", "XML too large for a resolution (over 64 MB)");
	int rc = 0;
	xmlDocPtr doc = parse_xml(buf, len, d, &rc);
	if (!doc)
		return rc;
	const xmlNode *root = xmlDocGetRootElement(doc);
	if (!root || strcmp((const char *)root->name, "akomaNtoso") != 0) {
		xmlFreeDoc(doc);
		return fail(d, EX_DATAERR, "%s", "XML, but not Akoma Ntoso (no <akomaNtoso> element)");
	}
	if (!root->ns || !root->ns->href || strcmp((const char *)root->ns->href, AKN_NS) != 0) {
		char m[100];
		snprintf(m, sizeof m, "%.80s", root->ns && root->ns->href ? (const char *)root->ns->href : "none");
		xmlFreeDoc(doc);
		return fail(d, EX_DATAERR, "<akomaNtoso> in the wrong namespace (%s; AKN4UN is "
		            AKN_NS ")", m);
	}
	const xmlNode *body = first_element(root);
	if (!body || !(akn_child(body, "mainBody") || akn_child(body, "preamble"))) {
		xmlFreeDoc(doc);
		return fail(d, EX_DATAERR, "%s", "Akoma Ntoso without a resolution in it (no preamble or main body)");
	}
	struct akn a;
	memset(&a, 0, sizeof a);
	int oom = 0;
	if (build_start(&a.st, &oom) < 0) {
		xmlFreeDoc(doc);
		return fail(d, EX_OSERR, "%s", "out of memory");
	}
	akn_meta(&a, body);
	if (!a.st.lang) {
		/* no <FRBRlanguage>: the language of the opening text */
		const xmlNode *first = akn_child(body, "preamble");
		char *s = akn_plain(&a, first ? first : akn_child(body, "mainBody"));
		a.st.lang = lang_detect(s ? s : "", s ? (strlen(s) < 4096 ? strlen(s) : 4096) : 0);
		free(s);
	}
	statement(&a, body);
	struct res_meta none;
	memset(&none, 0, sizeof none);
	build_meta_finish(&a.st, &none, 0);
	idset_free(&a.st.ids);
	xmlFreeDoc(doc);
	akn_free(&a);
	struct collection *col = NULL;
	if (!a.oom && !a.st.oom && (col = calloc(1, sizeof *col)) != NULL
	    && (col->docs = malloc(sizeof *col->docs)) != NULL) {
		col->docs[col->ndocs++] = a.st.res;
		*out = col;
		return 0;
	}
	free(col);
	res_free(a.st.res);
	return fail(d, EX_OSERR, "%s", "out of memory");
}
