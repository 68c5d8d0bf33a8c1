/* pdf-stream.c: the helper's page stream (pdf.h) -> pages of spans. The stream comes from
 * another process and may break off anywhere, so every record is checked: numbers must be
 * finite and within a page's reach, fonts must have been named, and what does not parse is
 * skipped rather than trusted. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/input.h"
#include "doc/pdf-int.h"

/* Font ids a page may use; more fonts than this on one page are read without their flags. */
#define MAX_FONTS 1024

/* Coordinates beyond this are not on any page a resolution is printed on. */
#define FAR 100000.0f

struct cursor {
	char *s;
};

/* The next space-separated word of the record (NULL at its end). */
static char *word(struct cursor *c)
{
	while (*c->s == ' ')
		c->s++;
	if (!*c->s)
		return NULL;
	char *w = c->s;
	while (*c->s && *c->s != ' ')
		c->s++;
	if (*c->s)
		*c->s++ = '\0';
	return w;
}

/* The numbers the readers write ("612.00", "-3.5"): up to seven digits, two after the
 * point, are a float exactly as strtof reads them (the digits and the power of ten are
 * exact floats, and one division rounds once); 1 for anything else. */
static int plain_number(const char *w, float *v)
{
	static const float ten[] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000 };
	const char *p = w + (*w == '-');
	long m = 0;
	int digits = 0, after = -1;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (++digits > 7)
				return 1;
			m = m * 10 + (*p - '0');
			after += after >= 0;
		} else if (*p == '.' && after < 0)
			after = 0;
		else
			return 1;
	}
	if (!digits || after == 0)
		return 1;
	float x = (float)m / ten[after > 0 ? after : 0];
	*v = *w == '-' ? -x : x;
	return 0;
}

static int number(struct cursor *c, float *v)
{
	char *w = word(c), *end;
	if (!w)
		return -1;
	float x;
	if (plain_number(w, &x) == 0) {
		if (x > FAR || x < -FAR)
			return -1;
		*v = x;
		return 0;
	}
	x = strtof(w, &end);
	if (*end || !isfinite(x) || x > FAR || x < -FAR)
		return -1;
	*v = x;
	return 0;
}

static int integer(struct cursor *c, int lo, int hi, int *v)
{
	char *w = word(c), *end;
	if (!w)
		return -1;
	long x = strtol(w, &end, 10);
	if (*end || x < lo || x > hi)
		return -1;
	*v = (int)x;
	return 0;
}

static int font_flags(const char *flags, const char *name)
{
	int f = 0;
	for (const char *p = flags; *p; p++)
		f |= *p == 'b' ? PF_BOLD : *p == 'i' ? PF_ITALIC : *p == 'm' ? PF_MONO : 0;
	/* "Barcode 3 of 9 by request", "IDAutomationHC39M", "Free 3 of 9" */
	if (name && (strstr(name, "arcode") || strstr(name, "3of9") || strstr(name, "3_of_9")
	             || strstr(name, "C39")))
		f |= PF_BARCODE;
	return f;
}

static struct pdf_page *page_open(struct pdf_doc *d)
{
	if (d->npages == d->pages_cap) {
		size_t cap = d->pages_cap ? d->pages_cap * 2 : 16;
		struct pdf_page *np = realloc(d->pages, cap * sizeof *np);
		if (!np)
			return NULL;
		d->pages = np;
		d->pages_cap = cap;
	}
	struct pdf_page *p = &d->pages[d->npages++];
	memset(p, 0, sizeof *p);
	p->first = d->nspans;
	p->rule0 = d->nrules;
	return p;
}

static int span_add(struct pdf_doc *d, struct cursor *c, const int *fonts, struct pdf_page *pg)
{
	struct pdf_span sp;
	int font;
	if (integer(c, 0, 1 << 30, &font) || number(c, &sp.size) || number(c, &sp.x0)
	    || number(c, &sp.y0) || number(c, &sp.x1) || number(c, &sp.y1) || number(c, &sp.base))
		return 0;
	char *dir = word(c);
	if (!dir || dir[1] || !strchr("hrv", dir[0]) || sp.size <= 0.1f || sp.size > 1000.0f
	    || sp.x1 < sp.x0 || sp.y1 < sp.y0)
		return 0;
	sp.dir = dir[0];
	sp.flags = font < MAX_FONTS ? fonts[font] : 0;
	sp.s = c->s;
	sp.n = strlen(c->s);
	/* the text is the helper's UTF-8 without controls: anything else is made so here,
	 * byte for byte, so that no reader after this one meets it */
	for (size_t i = 0; i < sp.n;) {
		unsigned char ch = (unsigned char)c->s[i];
		if (ch < 0x80) {
			if (ch < 0x20 || ch == 0x7f)
				c->s[i] = ' ';
			i++;
			continue;
		}
		size_t k = input_utf8_seq((const unsigned char *)c->s + i, sp.n - i);
		if (!k)
			c->s[i++] = '?';
		else
			i += k;
	}
	while (sp.n && sp.s[sp.n - 1] == ' ')
		sp.n--;
	if (!sp.n)
		return 0;
	if (d->nspans == d->spans_cap) {
		size_t cap = d->spans_cap ? d->spans_cap * 2 : 256;
		struct pdf_span *ns = realloc(d->spans, cap * sizeof *ns);
		if (!ns)
			return -1;
		d->spans = ns;
		d->spans_cap = cap;
	}
	d->spans[d->nspans++] = sp;
	pg->n++;
	return 0;
}

int pdf_stream_parse(struct pdf_doc *d, const char *stream, size_t len)
{
	memset(d, 0, sizeof *d);
	d->total_pages = -1;
	d->buf = malloc(len + 1);
	int *fonts = calloc(MAX_FONTS, sizeof *fonts);
	if (!d->buf || !fonts) {
		free(fonts);
		return -1;
	}
	memcpy(d->buf, stream, len);
	d->buf[len] = '\0';
	/* NUL bytes inside would end a record early: nothing the helper writes holds one */
	for (size_t i = 0; i < len; i++)
		if (!d->buf[i])
			d->buf[i] = ' ';
	struct pdf_page *pg = NULL;      /* the open page, until its "end" */
	int rc = 0;
	for (char *line = d->buf; line && *line && rc == 0;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		struct cursor c = { line };
		const char *kind = word(&c);
		int v;
		if (!kind) {
			/* a blank line */
		} else if (strcmp(kind, "gavel-pdf") == 0) {
			if (integer(&c, 1, 1000, &v) == 0)
				d->version = v;
		} else if (strcmp(kind, "pages") == 0) {
			if (integer(&c, 0, 10000000, &v) == 0)
				d->total_pages = v;
		} else if (strcmp(kind, "page") == 0) {
			float w, h;
			if (integer(&c, 1, 10000000, &v) == 0 && number(&c, &w) == 0
			    && number(&c, &h) == 0 && w > 0 && h > 0) {
				if (!(pg = page_open(d)))
					rc = -1;
				else {
					pg->no = v;
					pg->w = w;
					pg->h = h;
					memset(fonts, 0, MAX_FONTS * sizeof *fonts);
				}
			}
		} else if (strcmp(kind, "font") == 0 && pg) {
			const char *flags = (integer(&c, 0, MAX_FONTS - 1, &v) == 0) ? word(&c) : NULL;
			if (flags)
				fonts[v] = font_flags(flags, word(&c));
		} else if (strcmp(kind, "span") == 0 && pg) {
			rc = span_add(d, &c, fonts, pg);
		} else if (strcmp(kind, "image") == 0 && pg) {
			float x0, y0, x1, y1;
			if (number(&c, &x0) == 0 && number(&c, &y0) == 0 && number(&c, &x1) == 0
			    && number(&c, &y1) == 0 && x1 > x0 && y1 > y0) {
				pg->images++;
				pg->image_area += (x1 - x0) * (y1 - y0);
			}
		} else if (strcmp(kind, "rule") == 0 && pg) {
			struct pdf_rule r;
			if (number(&c, &r.x0) == 0 && number(&c, &r.y0) == 0 && number(&c, &r.x1) == 0
			    && number(&c, &r.y1) == 0 && r.x1 > r.x0 && r.y1 >= r.y0 && pg->nrules < 256) {
				if (d->nrules == d->rules_cap) {
					size_t cap = d->rules_cap ? d->rules_cap * 2 : 64;
					struct pdf_rule *nr = realloc(d->rules, cap * sizeof *nr);
					if (!nr) {
						rc = -1;
						break;
					}
					d->rules = nr;
					d->rules_cap = cap;
				}
				d->rules[d->nrules++] = r;
				pg->nrules++;
			}
		} else if (strcmp(kind, "end") == 0) {
			pg = NULL;
		} else if (strcmp(kind, "skip") == 0) {
			if (integer(&c, 1, 10000000, &v) == 0) {
				if (!(pg = page_open(d)))
					rc = -1;
				else {
					pg->no = v;
					pg->skipped = 1;
					pg = NULL;
				}
			}
		} else if (strcmp(kind, "error") == 0) {
			const char *k = word(&c);
			if (k) {
				snprintf(d->error_kind, sizeof d->error_kind, "%s", k);
				snprintf(d->error_msg, sizeof d->error_msg, "%s", c.s);
			}
		}
		line = nl ? nl + 1 : NULL;
	}
	/* a page the stream broke off inside is not complete: its spans are dropped */
	if (pg) {
		d->nspans = pg->first;
		d->nrules = pg->rule0;
		d->npages--;
	}
	free(fonts);
	return rc;
}

void pdf_doc_free(struct pdf_doc *d)
{
	free(d->buf);
	free(d->spans);
	free(d->pages);
	free(d->rules);
	memset(d, 0, sizeof *d);
}
