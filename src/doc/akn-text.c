/* akn-text.c: an AKN element's text as the model holds it: whitespace normalised to single
 * spaces, each footnote marker (<authorialNote>) taken out and kept as a mark at the exact
 * byte where it stood, links (<a href>, <ref href>) kept as spans, and the italic phrase that
 * opens a paragraph noted. References are the text scanner's (refs.c), as for every shape,
 * with the links' exact targets where the markup has them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "doc/akn.h"
#include "doc/bytes.h"
#include "doc/refs.h"

/* The name first, its first byte without a call: most elements asked about are another
 * (the walk over every element asks for each kind it knows); the namespace only then. */
int akn_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->name && n->name[0] == (xmlChar)name[0]
	    && strcmp((const char *)n->name, name) == 0 && n->ns && n->ns->href
	    && strcmp((const char *)n->ns->href, AKN_NS) == 0;
}

const xmlNode *akn_child(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (akn_is(c, name))
			return c;
	return NULL;
}

char *akn_attr(const xmlNode *n, const char *name)
{
	return (char *)xmlGetNoNsProp((xmlNode *)n, (const xmlChar *)name);
}

static int grow(struct akn *a, struct akn_text *t, size_t more)
{
	if (t->len + more + 1 <= t->cap)
		return 0;
	size_t cap = t->cap ? t->cap : 128;
	while (cap < t->len + more + 1)
		cap *= 2;
	char *s = realloc(t->s, cap);
	if (!s) {
		a->oom = 1;
		return -1;
	}
	t->s = s;
	t->cap = cap;
	return 0;
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Where the run of bytes from i that put() may copy as they stand ends: at the first white
 * space other than a single ' ' followed by a character that is none, a block of bytes at a
 * time; the last block's bytes (whose next byte is unknown) are left to the byte loop. */
static size_t plain_run(const char *s, size_t n, size_t i)
{
	for (; BYTES_N && i + BYTES_N < n; i += BYTES_N) {
		bytes_t w = bytes_load(s + i), next = bytes_load(s + i + 1);
		bytes_t nsp = bytes_or(bytes_in(next, '\t', '\r' + 1), bytes_eq(next, ' '));
		bytes_t odd = bytes_or(bytes_in(w, '\t', '\r' + 1), bytes_and(bytes_eq(w, ' '), nsp));
		if (bytes_bits(odd))
			return i + bytes_first(bytes_bits(odd));
	}
	return i;
}

/* Appends s[0..n), runs of white space as one space, none at the start. Once some text is
 * in and no space is due, a run of words with single spaces between them is copied whole:
 * each of its spaces is followed by a character, which would have written it. */
static void put(struct akn *a, struct akn_text *t, const char *s, size_t n)
{
	if (grow(a, t, n + 1))
		return;
	for (size_t i = 0; i < n;) {
		if (!t->space && t->len > 0) {
			size_t e = plain_run(s, n, i);
			if (e > i) {
				memcpy(t->s + t->len, s + i, e - i);
				t->len += e - i;
				t->started = 1;
				i = e;
				continue;
			}
		}
		if (is_space((unsigned char)s[i])) {
			t->space = t->len > 0;
			i++;
			continue;
		}
		size_t e = i;
		while (e < n && !is_space((unsigned char)s[e]))
			e++;
		if (t->space) {
			t->s[t->len++] = ' ';
			t->space = 0;
		}
		memcpy(t->s + t->len, s + i, e - i);
		t->len += e - i;
		t->started = 1;
		i = e;
	}
	t->s[t->len] = '\0';
}

void akn_text_put(struct akn *a, struct akn_text *t, const char *s)
{
	put(a, t, s, strlen(s));
}

/* Whether the class attribute names cls among its words ("bold italic"). */
static int has_class(const xmlNode *n, const char *cls)
{
	char *c = akn_attr(n, "class");
	int yes = 0;
	size_t k = strlen(cls);
	for (const char *p = c; p && *p && !yes; p++)
		yes = (p == c || p[-1] == ' ') && strncmp(p, cls, k) == 0 && (p[k] == ' ' || !p[k]);
	xmlFree(c);
	return yes;
}

/* The next or previous sibling element, over white space. */
static const xmlNode *sibling(const xmlNode *n, int next)
{
	for (const xmlNode *s = next ? n->next : n->prev; s; s = next ? s->next : s->prev) {
		if (s->type == XML_ELEMENT_NODE)
			return s;
		if (s->type == XML_TEXT_NODE && s->content) {
			for (const xmlChar *p = s->content; *p; p++)
				if (!is_space(*p))
					return NULL;
		}
	}
	return NULL;
}

/* "<sup>(</sup><authorialNote/><sup>)</sup>": Arabic texts print markers in parentheses; the
 * parentheses belong to the marker, not to the text. */
static int marker_bracket(const xmlNode *n)
{
	if (!akn_is(n, "sup"))
		return 0;
	int any = 0;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_TEXT_NODE || !c->content)
			return 0;
		for (const xmlChar *p = c->content; *p; p++) {
			if (is_space(*p))
				continue;
			if (*p != '(' && *p != ')')
				return 0;
			any = 1;
		}
	}
	return any && (akn_is(sibling(n, 1), "authorialNote") || akn_is(sibling(n, 0), "authorialNote"));
}

static void walk_children(struct akn *a, struct akn_text *t, const xmlNode *n, int skip_num,
                          int depth, int in_note);

static struct akn_note *note_find(struct akn *a, int num)
{
	for (size_t i = 0; i < a->nnotes; i++)
		if (a->notes[i].num == num)
			return &a->notes[i];
	return NULL;
}

/* An <authorialNote marker="N">: a mark here, and the footnote's text the first time N is
 * seen (a marker used again cites the same footnote). Markers that are not numbers ("*") get
 * the next free number. */
static void note(struct akn *a, struct akn_text *t, const xmlNode *n, int depth)
{
	char *m = akn_attr(n, "marker");
	int num = 0;
	if (m) {
		char *end;
		long v = strtol(m, &end, 10);
		if (end != m && *end == '\0' && v > 0 && v < 100000)
			num = (int)v;
	}
	xmlFree(m);
	if (!num) {
		for (size_t i = 0; i < a->nnotes; i++)
			if (a->notes[i].num > num)
				num = a->notes[i].num;
		num++;
	}
	size_t c = t->nmarks;
	if ((c & (c - 1)) == 0) {
		struct mark *nm = realloc(t->marks, (c ? c * 2 : 4) * sizeof *nm);
		if (!nm) {
			a->oom = 1;
			return;
		}
		t->marks = nm;
	}
	t->marks[c].byte = t->len;
	t->marks[c].footnote = num;
	t->nmarks = c + 1;
	if (note_find(a, num))
		return;
	if (a->nnotes == a->notes_cap) {
		size_t cap = a->notes_cap ? a->notes_cap * 2 : 16;
		struct akn_note *nn = realloc(a->notes, cap * sizeof *nn);
		if (!nn) {
			a->oom = 1;
			return;
		}
		a->notes = nn;
		a->notes_cap = cap;
	}
	struct akn_note *fn = &a->notes[a->nnotes++];
	memset(fn, 0, sizeof *fn);
	fn->num = num;
	/* a note inside a note gives no marker of its own: its text is read as text */
	walk_children(a, &fn->text, n, 0, depth, 1);
	akn_text_trim(&fn->text);
}

static void push_link(struct akn *a, struct akn_text *t, size_t byte, size_t end, char *href)
{
	size_t c = t->nlinks;
	if ((c & (c - 1)) == 0) {
		struct akn_link *nl = realloc(t->links, (c ? c * 2 : 4) * sizeof *nl);
		if (!nl) {
			a->oom = 1;
			xmlFree(href);
			return;
		}
		t->links = nl;
	}
	t->links[c].byte = byte;
	t->links[c].end = end;
	t->links[c].href = href;
	t->nlinks = c + 1;
}

static void walk(struct akn *a, struct akn_text *t, const xmlNode *n, int skip_num, int depth,
                 int in_note);

static void walk_children(struct akn *a, struct akn_text *t, const xmlNode *n, int skip_num,
                          int depth, int in_note)
{
	for (const xmlNode *c = n->children; c && !a->oom; c = c->next)
		walk(a, t, c, skip_num, depth + 1, in_note);
}

static void walk(struct akn *a, struct akn_text *t, const xmlNode *n, int skip_num, int depth,
                 int in_note)
{
	if (depth > AKN_MAX_DEPTH)
		return;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			put(a, t, (const char *)n->content, strlen((const char *)n->content));
		return;
	}
	/* Entity references are never expanded (AKN4UN declares none; akn.c refuses a document
	 * that does): skipped with comments and processing instructions. */
	if (n->type != XML_ELEMENT_NODE)
		return;
	const char *name = (const char *)n->name;
	if (akn_is(n, "authorialNote")) {
		if (in_note)
			walk_children(a, t, n, skip_num, depth, in_note);
		else
			note(a, t, n, depth);
		return;
	}
	if ((skip_num && akn_is(n, "num")) || strcmp(name, "img") == 0 || marker_bracket(n))
		return;
	if (strcmp(name, "eol") == 0 || strcmp(name, "br") == 0) {
		t->space = t->len > 0;
		return;
	}
	int span = !t->started && akn_is(n, "span");
	int lead = span && has_class(n, "italic");
	int emph = span && (lead || has_class(n, "bold"));
	char *href = NULL;
	if (strcmp(name, "a") == 0 || strcmp(name, "ref") == 0)
		href = akn_attr(n, "href");
	size_t start = t->len + (t->space && t->len ? 1 : 0);
	/* Cells and paragraphs inside an element are apart from what follows them. */
	int block = akn_is(n, "p") || akn_is(n, "td") || akn_is(n, "th") || akn_is(n, "tr");
	walk_children(a, t, n, skip_num, depth, in_note);
	if (block)
		t->space = t->len > 0;
	if (href) {
		if (t->len > start)
			push_link(a, t, start, t->len, href);
		else
			xmlFree(href);
	}
	if (lead && t->len > 0 && !t->lead)
		t->lead = t->len;
	if (emph && t->len > 0 && !t->emph)
		t->emph = t->len;
}

void akn_gather(struct akn *a, struct akn_text *t, const xmlNode *node, int skip_num)
{
	walk(a, t, node, skip_num, 0, 0);
}

void akn_gather_children(struct akn *a, struct akn_text *t, const xmlNode *node, int skip_num)
{
	walk_children(a, t, node, skip_num, 0, 0);
}

/* Bytes of a space that is not ASCII at s (no-break, narrow, figure, thin, zero-width), 0. */
static size_t wide_space(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80
	    && (u[2] == 0xAF || u[2] == 0x87 || u[2] == 0x89 || u[2] == 0x8B))
		return 3;
	return 0;
}

void akn_text_trim(struct akn_text *t)
{
	t->space = 0;
	for (;;) {
		if (t->len > 0 && t->s[t->len - 1] == ' ')
			t->len--;
		else if (t->len >= 2 && wide_space(t->s + t->len - 2, 2) == 2)
			t->len -= 2;
		else if (t->len >= 3 && wide_space(t->s + t->len - 3, 3) == 3)
			t->len -= 3;
		else
			break;
	}
	if (t->s)
		t->s[t->len] = '\0';
	/* "\u00a0Condamne": the space some texts set after their item's label */
	size_t k = 0, w;
	while (k < t->len && ((w = wide_space(t->s + k, t->len - k)) != 0 || t->s[k] == ' '))
		k += w ? w : 1;
	if (k)
		akn_text_cut(t, k);
}

void akn_text_cut(struct akn_text *t, size_t k)
{
	if (k > t->len)
		k = t->len;
	memmove(t->s, t->s + k, t->len - k + 1);
	t->len -= k;
	for (size_t i = 0; i < t->nmarks; i++)
		t->marks[i].byte = t->marks[i].byte > k ? t->marks[i].byte - k : 0;
	for (size_t i = 0; i < t->nlinks; i++) {
		t->links[i].byte = t->links[i].byte > k ? t->links[i].byte - k : 0;
		t->links[i].end = t->links[i].end > k ? t->links[i].end - k : 0;
	}
	t->lead = t->lead > k ? t->lead - k : 0;
	t->emph = t->emph > k ? t->emph - k : 0;
}

void akn_text_free(struct akn_text *t)
{
	free(t->s);
	free(t->marks);
	for (size_t i = 0; i < t->nlinks; i++)
		xmlFree(t->links[i].href);
	free(t->links);
	memset(t, 0, sizeof *t);
}

char *akn_plain(struct akn *a, const xmlNode *node)
{
	if (!node)
		return NULL;
	struct akn_text t;
	memset(&t, 0, sizeof t);
	akn_gather(a, &t, node, 0);
	akn_text_trim(&t);
	char *s = t.len ? t.s : NULL;
	if (s)
		t.s = NULL;
	akn_text_free(&t);
	return s;
}

/* ---- references ---- */

/* The document symbol a link points at: "https://undocs.org/en/A/RES/61/295" -> "A/RES/61/295"
 * (the UN's document links: undocs.org, docs.un.org, documents.un.org), NULL for any other
 * link. Caller frees. */
static char *href_symbol(const char *href)
{
	static const char *const hosts[] = { "undocs.org/", "docs.un.org/", "documents.un.org/", NULL };
	const char *p = NULL;
	for (size_t i = 0; hosts[i] && !p; i++) {
		const char *h = strstr(href, hosts[i]);
		if (h)
			p = h + strlen(hosts[i]);
	}
	if (!p)
		return NULL;
	const char *sym = strstr(p, "symbol=");
	if (sym)
		p = sym + 7;
	/* a language before the symbol: "en/", "fr/", "zh/" */
	if (p[0] >= 'a' && p[0] <= 'z' && p[1] >= 'a' && p[1] <= 'z' && p[2] == '/')
		p += 3;
	size_t n = strcspn(p, "?#&");
	char *s = malloc(n + 1);
	if (!s)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '%' && i + 2 < n && strchr("0123456789abcdefABCDEF", p[i + 1]) && p[i + 1]
		    && strchr("0123456789abcdefABCDEF", p[i + 2]) && p[i + 2]) {
			char hex[3] = { p[i + 1], p[i + 2], 0 };
			char c = (char)strtol(hex, NULL, 16);
			s[o++] = c >= 0x20 && c != 0x7f ? c : ' ';
			i += 2;
		} else
			s[o++] = p[i];
	}
	while (o > 0 && (s[o - 1] == '/' || s[o - 1] == ' '))
		o--;
	s[o] = '\0';
	/* a symbol has a '/' and starts with a capital */
	if (o < 3 || !strchr(s, '/') || !(s[0] >= 'A' && s[0] <= 'Z')) {
		free(s);
		return NULL;
	}
	return s;
}

static int cmp_ref(const void *x, const void *y)
{
	const struct ref *a = x, *b = y;
	return (a->byte > b->byte) - (a->byte < b->byte);
}

/* A link's reference: the link's own text when it is a resolution number or a symbol, as the
 * scanner would name it; else the symbol of its target. */
static int link_ref(const char *text, const struct akn_link *l, struct ref *out)
{
	char *sym = href_symbol(l->href);
	if (!sym)
		return 0;
	const char *s = text + l->byte;
	size_t n = l->end - l->byte;
	int res = strstr(sym, "/RES/") != NULL;
	struct ref *found = NULL;
	size_t nfound = 0;
	out->kind = res ? REF_RESOLUTION : REF_DOCUMENT;
	out->byte = l->byte;
	out->len = n;
	out->target = NULL;
	if (refs_resolution_number(s, n) == n)
		out->target = strndup(s, n);
	else if (refs_find_documents(s, n, &found, &nfound) == 0 && nfound == 1 && found[0].byte == 0
	         && found[0].len == n) {
		out->target = found[0].target;
		found[0].target = NULL;
		out->kind = found[0].kind == REF_RESOLUTION || res ? REF_RESOLUTION : REF_DOCUMENT;
	}
	for (size_t i = 0; i < nfound; i++)
		free(found[i].target);
	free(found);
	if (!out->target) {
		const char *r = res ? strstr(sym, "/RES/") + 5 : sym;
		out->target = strdup(r);
	}
	free(sym);
	return out->target ? 1 : -1;
}

void akn_attach(struct akn *a, int i, struct akn_text *t)
{
	if (i < 0 || a->oom)
		return;
	struct para *p = &a->st.res->paras[i];
	/* The handler copied the text whole: the marks' and links' bytes hold in it. */
	if (!p->text || p->text_len != t->len) {
		return;
	}
	p->marks = t->marks;
	p->nmarks = t->nmarks;
	t->marks = NULL;
	t->nmarks = 0;
	if (refs_find_documents(p->text, p->text_len, &p->refs, &p->nrefs)) {
		a->oom = 1;
		return;
	}
	for (size_t k = 0; k < t->nlinks; k++) {
		struct ref r;
		int got = link_ref(p->text, &t->links[k], &r);
		if (got < 0) {
			a->oom = 1;
			return;
		}
		if (!got)
			continue;
		/* The link's target replaces what the scanner found inside it. */
		size_t o = 0;
		for (size_t j = 0; j < p->nrefs; j++) {
			const struct ref *s = &p->refs[j];
			if (s->byte < r.byte + r.len && r.byte < s->byte + s->len)
				free(s->target);
			else
				p->refs[o++] = *s;
		}
		p->nrefs = o;
		size_t c = p->nrefs;
		struct ref *nr = realloc(p->refs, (c + 1) * sizeof *nr);
		if (!nr) {
			free(r.target);
			a->oom = 1;
			return;
		}
		p->refs = nr;
		p->refs[p->nrefs++] = r;
	}
	if (p->nrefs > 1)
		qsort(p->refs, p->nrefs, sizeof *p->refs, cmp_ref);
	if (t->lead && t->lead <= p->text_len
	    && (p->kind == PARA_PREAMBLE || p->kind == PARA_OPERATIVE))
		p->lead_len = t->lead;
}
