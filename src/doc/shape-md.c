/* shape-md.c: a resolution extracted to Markdown (the railcar pipeline's .md): YAML front
 * matter, paragraphs between blank lines, "---" rules, footnote definitions "[^4]: text" at
 * the end (a long one goes on in lines indented by four spaces) and markers "[^4]" in the
 * text. The extraction also leaves what the PDF had: markers as plain digits ("Women,5"),
 * masthead lines, a paragraph broken by a page.
 *
 * The definitions are read here; the rest is hard-wrapped text with blank lines between
 * paragraphs, read by the plain-text reader. A definition whose number does not follow the
 * one before it, on the very next line, is the extractor's slip: a line of the footnote that
 * began with a number ("[^2]: ... as from" / "[^7]: February 1984." is "as from 7 February
 * 1984."). Markers "[^4]" become exact markers of their block (blocks.h), digits are left to
 * the builder, which reads both in one sequence (refs.c). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/blocks.h"
#include "doc/furniture.h"
#include "text/buf.h"

/* Markers travel through the plain reader as "\x01" digits "\x02": no reader step touches
 * control bytes, and the decoder let none through from the file. */
#define MARK_OPEN '\x01'
#define MARK_CLOSE '\x02'

/* "[^12]" at s: its number and *k its bytes; 0 when there is none. */
static long marker_at(const char *s, size_t n, size_t *k)
{
	if (n < 4 || s[0] != '[' || s[1] != '^')
		return 0;
	size_t i = 2;
	long v = 0;
	while (i < n && i < 8 && s[i] >= '0' && s[i] <= '9')
		v = v * 10 + (s[i++] - '0');
	if (i == 2 || i >= n || s[i] != ']' || v == 0)
		return 0;
	*k = i + 1;
	return v;
}

/* A footnote definition "[^12]: text" opening line l: its number, *text where its text
 * starts; 0 when the line is none. */
static long definition(const char *l, size_t n, size_t *text)
{
	size_t k;
	long v = marker_at(l, n, &k);
	if (!v || k >= n || l[k] != ':')
		return 0;
	k++;
	while (k < n && (l[k] == ' ' || l[k] == '\t'))
		k++;
	*text = k;
	return v;
}

/* A thematic break: "---", "***" or "___" (three or more, maybe spaced) alone. */
static int rule_line(const char *l, size_t n)
{
	size_t k = 0;
	char c = 0;
	for (size_t i = 0; i < n; i++) {
		if (l[i] == ' ' || l[i] == '\t')
			continue;
		if (!c && (l[i] == '-' || l[i] == '*' || l[i] == '_'))
			c = l[i];
		if (l[i] != c)
			return 0;
		k++;
	}
	return k >= 3;
}

/* Copies a body line into b with its "[^N]" markers as "\x01N\x02". */
static int put_body_line(struct buf *b, const char *l, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t k;
		long v = l[i] == '[' ? marker_at(l + i, n - i, &k) : 0;
		if (v) {
			if (buf_printf(b, "%c%ld%c", MARK_OPEN, v, MARK_CLOSE))
				return -1;
			i += k;
			continue;
		}
		size_t j = i + 1;
		while (j < n && l[j] != '[')
			j++;
		if (buf_add(b, l + i, j - i))
			return -1;
		i = j;
	}
	return buf_addc(b, '\n');
}

/* The footnotes read from the definitions: "N text" each, in order. */
struct notes {
	struct buf *v;
	size_t n, cap;
	long last;          /* the last one's number */
};

static int note_new(struct notes *ns, long num, const char *s, size_t n)
{
	struct buf *nv = buf_array(ns->v, &ns->cap, ns->n + 1, sizeof *nv);
	if (!nv)
		return -1;
	ns->v = nv;
	struct buf *b = &ns->v[ns->n++];
	memset(b, 0, sizeof *b);
	ns->last = num;
	return buf_printf(b, "%ld ", num) || buf_add(b, s, n);
}

static int note_more(struct notes *ns, const char *s, size_t n)
{
	if (!ns->n)
		return 0;
	struct buf *b = &ns->v[ns->n - 1];
	return buf_addc(b, ' ') || buf_add(b, s, n);
}

static void notes_free(struct notes *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		buf_free(&ns->v[i]);
	free(ns->v);
}

/* Splits the text into the body (markers rewritten, definitions and rules taken out) and the
 * footnotes. */
static int split(const char *text, size_t len, struct buf *body, struct notes *ns)
{
	int in_def = 0;     /* the line before was a definition or its continuation */
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		const char *l = text + i;
		size_t n = e - i;
		i = e + 1;
		size_t t, lead = 0;
		while (lead < n && (l[lead] == ' ' || l[lead] == '\t'))
			lead++;
		long num = definition(l, n, &t);
		if (num) {
			if (in_def && ns->n && num != ns->last + 1) {
				/* the extractor took a line opening with a number for a definition */
				char digits[24];
				int dn = snprintf(digits, sizeof digits, "%ld", num);
				if (note_more(ns, digits, (size_t)dn) || note_more(ns, l + t, n - t))
					return -1;
			} else if (note_new(ns, num, l + t, n - t))
				return -1;
			in_def = 1;
			continue;
		}
		if (lead == n) {
			in_def = in_def == 1 ? 2 : in_def;  /* a blank line inside the notes */
			if (buf_addc(body, '\n'))
				return -1;
			continue;
		}
		if (ns->n && (in_def == 1 || (in_def == 2 && lead >= 2))) {
			/* "    sect. III.C.": a definition goes on, indented */
			if (note_more(ns, l + lead, n - lead))
				return -1;
			in_def = 1;
			continue;
		}
		in_def = 0;
		if (rule_line(l, n)) {
			if (buf_addc(body, '\n'))
				return -1;
			continue;
		}
		if (put_body_line(body, l, n))
			return -1;
	}
	return 0;
}

/* Takes the "\x01N\x02" markers out of block b's text, into its exact markers. */
static int marks_of(struct block *b)
{
	if (!memchr(b->text, MARK_OPEN, b->len))
		return 0;
	size_t w = 0, cap = 0;
	for (size_t r = 0; r < b->len;) {
		if (b->text[r] != MARK_OPEN) {
			b->text[w++] = b->text[r++];
			continue;
		}
		size_t k = r + 1;
		int v = 0;
		while (k < b->len && b->text[k] >= '0' && b->text[k] <= '9' && v < 100000)
			v = v * 10 + (b->text[k++] - '0');
		if (k < b->len && b->text[k] == MARK_CLOSE)
			k++;
		/* a marker set off by a space ("Rights [^1]") stands after the word */
		if (w && b->text[w - 1] == ' ' && (k >= b->len || b->text[k] == ' '))
			w--;
		struct mark *m = buf_array(b->marks, &cap, b->nmarks + 1, sizeof *m);
		if (!m)
			return -1;
		b->marks = m;
		b->marks[b->nmarks].byte = w;
		b->marks[b->nmarks].footnote = v;
		b->nmarks++;
		r = k;
	}
	b->len = w;
	b->text[w] = '\0';
	return 0;
}

int shape_md(const char *text, size_t len, struct block_list *out, struct parse_diag *d)
{
	long fm = furniture_front_matter(text, len, &out->hints);
	if (fm < 0)
		return -1;
	text += fm;
	len -= (size_t)fm;
	struct buf body = BUF_INIT;
	struct notes ns;
	memset(&ns, 0, sizeof ns);
	int rc = split(text, len, &body, &ns);
	if (rc == 0 && buf_add(&body, "", 0))
		rc = -1;
	if (rc == 0)
		rc = shape_plain(body.s, body.n, out, d);
	for (size_t i = 0; i < ns.n && rc == 0; i++)
		rc = blocks_push(out, ns.v[i].s, ns.v[i].n, ZONE_FOOTNOTE, 0, 0);
	for (size_t i = 0; i < out->n && rc == 0; i++)
		rc = marks_of(&out->v[i]);
	buf_free(&body);
	notes_free(&ns);
	return rc;
}
