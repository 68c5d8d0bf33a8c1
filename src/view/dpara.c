/* dpara.c: a paragraph's display text, styles, links and wrapped lines. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/bidi.h"
#include "text/utf8.h"
#include "view/clip.h"
#include "view/dpara.h"

/* The display text under construction; every array grows together. */
struct dbuf {
	char *s;
	uint16_t *style;
	int *link;
	size_t *orig;
	size_t len, cap;
	int fail;
};

static int dbuf_grow(struct dbuf *b, size_t more)
{
	if (b->fail)
		return -1;
	if (b->len + more + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + more + 1)
		cap *= 2;
	char *s = realloc(b->s, cap);
	if (s)
		b->s = s;
	uint16_t *st = realloc(b->style, cap * sizeof *st);
	if (st)
		b->style = st;
	int *ln = realloc(b->link, cap * sizeof *ln);
	if (ln)
		b->link = ln;
	size_t *o = realloc(b->orig, cap * sizeof *o);
	if (o)
		b->orig = o;
	if (!s || !st || !ln || !o) {
		b->fail = 1;
		return -1;
	}
	b->cap = cap;
	return 0;
}

static void dbuf_put(struct dbuf *b, const char *bytes, size_t n, unsigned style, int link,
                     size_t orig)
{
	if (dbuf_grow(b, n) < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		b->s[b->len] = bytes[i];
		b->style[b->len] = (uint16_t)style;
		b->link[b->len] = link;
		b->orig[b->len] = orig;
		b->len++;
	}
	b->s[b->len] = '\0';
}

static int add_link(struct dpara *d, enum link_kind kind, int target, size_t start)
{
	struct dlink *nl = realloc(d->links, (size_t)(d->nlinks + 1) * sizeof *nl);
	if (!nl)
		return -1;
	d->links = nl;
	d->links[d->nlinks] = (struct dlink){ kind, target, start, start };
	return d->nlinks++;
}

/* A footnote marker: superscript digits on a UTF-8 terminal, [16] elsewhere. */
static void put_marker(struct dpara *d, struct dbuf *b, int num, size_t orig, int utf8)
{
	static const char *const sup[] = { "\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
	                                   "\u2075", "\u2076", "\u2077", "\u2078", "\u2079" };
	int li = add_link(d, LINK_FOOTNOTE, num, b->len);
	if (li < 0) {
		b->fail = 1;
		return;
	}
	char digits[16];
	snprintf(digits, sizeof digits, "%d", num < 0 ? 0 : num);
	if (utf8) {
		for (const char *p = digits; *p; p++)
			dbuf_put(b, sup[*p - '0'], strlen(sup[*p - '0']), ST_MARK, li, orig);
	} else {
		char s[20];
		int n = snprintf(s, sizeof s, "[%s]", digits);
		dbuf_put(b, s, (size_t)n, ST_MARK, li, orig);
	}
	d->links[li].end = b->len;
}

/* One character of document text, made safe: controls become a space (TAB, newline) or the
 * replacement character; on an ASCII terminal anything else non-ASCII becomes '?'. */
static void put_char(struct dbuf *b, const char *s, size_t n, uint32_t c, unsigned style,
                     int link, size_t orig, int utf8)
{
	if (c == '\t' || c == '\n' || c == '\r')
		dbuf_put(b, " ", 1, style, link, orig);
	else if (utf8_is_control(c) || c == 0xFFFD)
		dbuf_put(b, utf8 ? "\xef\xbf\xbd" : "?", utf8 ? 3 : 1, style, link, orig);
	else if (!utf8 && c >= 0x80)
		dbuf_put(b, clip_ascii(c), strlen(clip_ascii(c)), style, link, orig);
	else
		dbuf_put(b, s, n, style, link, orig);
}

const char *dpara_label(const struct resolution *res, int index, char *buf, size_t size)
{
	buf[0] = '\0';
	if (index < 0 || (size_t)index >= res->npara)
		return buf;
	const struct para *p = &res->paras[index];
	const char *num = p->num;
	switch (p->kind) {
	/* Preambular paragraphs are not numbered in print: the model's label counts them. */
	/* Inside parts numbering restarts, so the part's letter leads: "B OP 2". */
	case PARA_PREAMBLE:
	case PARA_OPERATIVE: {
		const char *kind = p->kind == PARA_PREAMBLE ? "PP" : "OP";
		const char *part = p->part >= 0 && (size_t)p->part < res->nparts ?
		                   res->parts[p->part].label : NULL;
		if (num && part)
			snprintf(buf, size, "%s %s %s", part, kind, num);
		else if (num)
			snprintf(buf, size, "%s %s", kind, num);
		else
			snprintf(buf, size, "%s", p->label ? p->label : kind);
		break;
	}
	case PARA_SUB:
		if (num)
			snprintf(buf, size, "(%s)", num);
		break;
	case PARA_ANNEX:
		if (num)
			snprintf(buf, size, "%s.", num);
		break;
	case PARA_FOOTNOTE:
	case PARA_PLAIN:
		if (num)
			snprintf(buf, size, "%s", num);
		break;
	case PARA_ANNEX_TITLE:
	case PARA_ANNEX_HEADING:
		break;
	}
	/* Labels come from the document too: no controls (the drawing side cuts them to the
	 * gutter and to ASCII where the terminal needs it). */
	for (char *q = buf; *q; q++)
		if ((unsigned char)*q < 0x20 || (unsigned char)*q == 0x7f)
			*q = '?';
	return buf;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The body: text with markers back in place, lead and references styled. `cut`: n is less
 * than the text (DPARA_MAX_TEXT); markers past it are left out. */
static void build_body(struct dpara *d, struct dbuf *b, const struct para *p, const char *src,
                       size_t n, int utf8, int cut)
{
	/* Markers and references sorted by position (the model keeps them so, but may not). */
	size_t nm = src == p->text ? p->nmarks : 0, nr = src == p->text ? p->nrefs : 0;
	size_t *mk = nm ? malloc(nm * 2 * sizeof *mk) : NULL;
	size_t *rf = nr ? malloc(nr * 2 * sizeof *rf) : NULL;
	if ((nm && !mk) || (nr && !rf)) {
		free(mk);
		free(rf);
		b->fail = 1;
		return;
	}
	for (size_t i = 0; i < nm; i++) {
		mk[2 * i] = p->marks[i].byte;
		mk[2 * i + 1] = i;
	}
	for (size_t i = 0; i < nr; i++) {
		rf[2 * i] = p->refs[i].byte;
		rf[2 * i + 1] = i;
	}
	if (nm > 1)
		qsort(mk, nm, 2 * sizeof *mk, cmp_size);
	if (nr > 1)
		qsort(rf, nr, 2 * sizeof *rf, cmp_size);

	size_t mi = 0, ri = 0, pos = 0;
	int cur_ref = -1, cur_link = -1;
	while (pos < n && !b->fail) {
		while (mi < nm && mk[2 * mi] <= pos) {
			put_marker(d, b, p->marks[mk[2 * mi + 1]].footnote, pos, utf8);
			mi++;
		}
		while (ri < nr && p->refs[rf[2 * ri + 1]].byte + p->refs[rf[2 * ri + 1]].len <= pos)
			ri++;
		unsigned style = pos < p->lead_len ? ST_LEAD : 0;
		int link = -1;
		if (ri < nr && p->refs[rf[2 * ri + 1]].byte <= pos) {
			int r = (int)rf[2 * ri + 1];
			if (cur_ref != r) {
				cur_ref = r;
				cur_link = add_link(d, LINK_REF, r, b->len);
				if (cur_link < 0) {
					b->fail = 1;
					break;
				}
			}
			style |= ST_REF;
			link = cur_link;
		}
		if (p->kind == PARA_ANNEX_TITLE || p->kind == PARA_ANNEX_HEADING)
			style |= ST_HEADING;
		uint32_t c;
		size_t len = utf8_decode(src + pos, n - pos, &c);
		put_char(b, src + pos, len, c, style, link, pos, utf8);
		if (link >= 0)
			d->links[link].end = b->len;
		pos += len;
	}
	for (; mi < nm && !b->fail && (!cut || mk[2 * mi] <= n); mi++)
		put_marker(d, b, p->marks[mk[2 * mi + 1]].footnote, n, utf8);
	free(mk);
	free(rf);
}

/* "cited in PP 2, OP 2" under a footnote, each label a link. */
static void build_citers(struct dpara *d, struct dbuf *b, const struct resolution *res,
                         const struct dpara_opts *o, size_t orig)
{
	static const char intro[] = "cited in ";
	dbuf_put(b, intro, sizeof intro - 1, ST_DIM, -1, orig);
	for (int i = 0; i < o->nciters && !b->fail; i++) {
		char label[64];
		const char *l = res_label(res, o->citers[i]);
		snprintf(label, sizeof label, "%s", l ? l : "?");
		for (char *q = label; *q; q++)
			if ((unsigned char)*q < 0x20 || (!o->utf8 && (unsigned char)*q >= 0x80))
				*q = '?';
		if (i > 0)
			dbuf_put(b, ", ", 2, ST_DIM, -1, orig);
		int li = add_link(d, LINK_BACKREF, o->citers[i], b->len);
		if (li < 0) {
			b->fail = 1;
			return;
		}
		/* Keep the label on one line: non-breaking space between "OP" and "2". */
		for (char *q = label; *q; q++) {
			if (*q == ' ' && o->utf8)
				dbuf_put(b, "\u00a0", 2, ST_BACKREF, li, orig);
			else
				dbuf_put(b, q, 1, ST_BACKREF, li, orig);
		}
		d->links[li].end = b->len;
	}
}

static int wrap_append(struct dpara *d, const char *s, size_t off, size_t n, int width)
{
	struct wrap_line *lines = NULL;
	int k = text_wrap(s + off, n, width, &lines);
	if (k < 0)
		return -1;
	struct wrap_line *nl = realloc(d->lines, (size_t)(d->nlines + k) * sizeof *nl);
	if (!nl) {
		free(lines);
		return -1;
	}
	d->lines = nl;
	for (int i = 0; i < k; i++) {
		lines[i].start += off;
		lines[i].end += off;
		d->lines[d->nlines++] = lines[i];
	}
	free(lines);
	return 0;
}

struct dpara *dpara_build(const struct resolution *res, int index, const struct dpara_opts *o)
{
	if (!res || index < 0 || (size_t)index >= res->npara)
		return NULL;
	const struct para *p = &res->paras[index];
	struct dpara *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->para = index;
	dpara_label(res, index, d->gutter, sizeof d->gutter);
	/* Sub-paragraphs are indented as printed, their label "(a)" just before the text. */
	if (p->kind == PARA_SUB)
		d->indent = 5 * (p->depth > 0 ? (p->depth < 6 ? p->depth : 6) : 1);
	int avail = o->width - o->gutter - d->indent;
	while (avail < 20 && d->indent > 0) {
		d->indent = d->indent > 5 ? d->indent - 5 : 0;
		avail = o->width - o->gutter - d->indent;
	}
	if (avail < 1)
		avail = 1;

	const char *src = p->text ? p->text : "";
	size_t n = p->text ? p->text_len : 0;
	if (n == 0 && p->kind == PARA_ANNEX_TITLE && p->label) {
		src = p->label;
		n = strlen(src);
	}
	/* text_len is the model's promise; never read past the NUL whatever it says. */
	n = strnlen(src, n);
	/* A paragraph longer than DPARA_MAX_TEXT (a file on one line) is shown up to there. */
	size_t whole = n;
	if (n > DPARA_MAX_TEXT) {
		n = DPARA_MAX_TEXT;
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}

	struct dbuf b = { 0 };
	dbuf_grow(&b, n + 16);
	build_body(d, &b, p, src, n, o->utf8, n < whole);
	size_t *from = NULL;
	if (!b.fail) {
		d->body_len = b.len;
		if (n < whole) {
			char more[160];
			double left = (double)(whole - n);
			int k = snprintf(more, sizeof more, "[%s %.1f %s more of this paragraph not shown "
			                 "here: 'gavel show FILE %s' prints it whole]", o->utf8 ? "\u2026" : "...",
			                 left >= 1e6 ? left / 1e6 : left / 1e3, left >= 1e6 ? "MB" : "kB",
			                 p->id ? p->id : "ID");
			dbuf_put(&b, more, (size_t)k, ST_DIM, -1, n);
		}
		if (p->kind == PARA_FOOTNOTE && o->nciters > 0)
			build_citers(d, &b, res, o, n);
	}
	if (b.fail || dbuf_grow(&b, 0) < 0)
		goto fail;
	d->text = b.s;
	d->style = b.style;
	d->link = b.link;
	d->orig = b.orig;
	d->len = b.len;
	d->orig[d->len] = n;
	b.s = NULL;
	b.style = NULL;
	b.link = NULL;
	b.orig = NULL;

	/* Highlights and matches are given in bytes of the model's text. */
	if (o->nspans || o->pat) {
		from = malloc((n + 1) * sizeof *from);
		if (!from)
			goto fail;
		for (size_t i = 0; i <= n; i++)
			from[i] = d->body_len;
		for (size_t i = d->body_len; i-- > 0;)
			if (!(d->style[i] & ST_MARK) || d->orig[i] < n)
				from[d->orig[i]] = i;
		/* Bytes inside a multi-byte character map to its start. */
		for (size_t i = n; i-- > 0;)
			if (from[i] == d->body_len && from[i + 1] != d->body_len)
				from[i] = from[i + 1];
	}
	for (size_t i = 0; i < o->nspans; i++) {
		const struct dspan *s = &o->spans[i];
		size_t end = s->end > n && s->end <= whole ? n : s->end;   /* past a cut: to it */
		if (s->start >= end || end > n || s->color < 1 || s->color > 7)
			continue;
		for (size_t k = from[s->start]; k < from[end] && k < d->body_len; k++) {
			/* The selection is a mark of its own over whatever highlight is there. */
			if (s->color == DSPAN_SELECTION)
				d->style[k] = (uint16_t)(d->style[k] | ST_SELECT);
			else
				d->style[k] = (uint16_t)((d->style[k] & ~(ST_HL_MASK | ST_OVERLAP)) |
				                         ((unsigned)s->color << ST_HL_SHIFT) |
				                         (s->extra & ST_OVERLAP));
		}
	}
	if (o->pat && o->pat->len > 0) {
		struct search_hit *hits = NULL;
		int k = search_text(o->pat, src, n, &hits);
		if (k < 0)
			goto fail;
		d->hits = k ? malloc((size_t)k * 2 * sizeof *d->hits) : NULL;
		if (k && !d->hits) {
			free(hits);
			goto fail;
		}
		for (int i = 0; i < k; i++) {
			size_t s = hits[i].start <= n ? from[hits[i].start] : d->body_len;
			size_t e = hits[i].end <= n ? from[hits[i].end] : d->body_len;
			d->hits[2 * d->nhits] = s;
			d->hits[2 * d->nhits + 1] = e;
			d->nhits++;
			for (size_t j = s; j < e; j++)
				d->style[j] |= ST_MATCH;
		}
		free(hits);
	}
	free(from);
	from = NULL;

	d->rtl = bidi_has_rtl(d->text, d->body_len) &&
	         bidi_direction(d->text, d->body_len) == BIDI_RTL;
	if (wrap_append(d, d->text, 0, d->body_len, avail) < 0)
		goto fail;
	if (d->len > d->body_len && wrap_append(d, d->text, d->body_len, d->len - d->body_len, avail) < 0)
		goto fail;
	return d;
fail:
	free(from);
	free(b.s);
	free(b.style);
	free(b.link);
	free(b.orig);
	dpara_free(d);
	return NULL;
}

void dpara_free(struct dpara *d)
{
	if (!d)
		return;
	free(d->text);
	free(d->style);
	free(d->link);
	free(d->orig);
	free(d->lines);
	free(d->links);
	free(d->hits);
	free(d);
}

int dpara_line_of(const struct dpara *d, size_t b)
{
	for (int i = 0; i < d->nlines; i++) {
		size_t next = i + 1 < d->nlines ? d->lines[i + 1].start : d->len + 1;
		if (b < next)
			return i;
	}
	return d->nlines > 0 ? d->nlines - 1 : 0;
}

size_t dpara_from_orig(const struct dpara *d, size_t ob)
{
	for (size_t i = 0; i < d->body_len; i++)
		if (!(d->style[i] & ST_MARK) && d->orig[i] >= ob)
			return i;
	return d->body_len;
}

long dpara_byte_at(const struct dpara *d, int line, int col)
{
	if (line < 0 || line >= d->nlines || col < 0)
		return -1;
	const struct wrap_line *l = &d->lines[line];
	int x = 0;
	for (size_t i = l->start; i < l->end;) {
		uint32_t c;
		size_t n = utf8_decode(d->text + i, l->end - i, &c);
		int w = text_width(d->text + i, n);
		if (col >= x && col < x + (w > 0 ? w : 0))
			return (long)i;
		x += w;
		i += n;
	}
	return -1;
}

int dpara_link_at(const struct dpara *d, int line, int col)
{
	long b = dpara_byte_at(d, line, col);
	return b >= 0 ? d->link[b] : -1;
}
