/* export.c: the table of formats and what every format shares: document order, the labels and
 * citations people paste into briefs, dates, and cleaned, wrapped text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export/atomic.h"
#include "export/export.h"
#include "text/utf8.h"
#include "text/wrap.h"

const struct export_format export_formats[] = {
	{ "txt", "txt", "plain text: label, citation, quote, note, colour and tags (default)", export_txt },
	{ "md", "md", "Markdown with YAML front matter, for notes apps", export_md },
	{ "json", "json", "W3C Web Annotation (JSON-LD); 'gavel notes import' reads it back", export_json },
	{ "csv", "csv", "RFC 4180 CSV, one row per annotation, for spreadsheets", export_csv },
	{ "annotated", "txt", "the whole resolution as 'gavel show' prints it, with marks and notes", export_annotated },
	{ "hypothesis", "jsonl", "one Hypothesis API annotation a line, to post to hypothes.is", export_hypothesis },
	{ NULL, NULL, NULL, NULL }
};

const struct export_format *export_find(const char *name)
{
	if (!name)
		return NULL;
	for (const struct export_format *f = export_formats; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

int export_write_file(const char *path, const struct export_format *fmt,
                      const struct export_doc *docs, size_t ndocs, const struct export_opts *o,
                      char *err, size_t errlen)
{
	struct atomic_file af;
	if (atomic_open(path, &af, err, errlen) < 0)
		return -1;
	if (fmt->write(af.f, docs, ndocs, o) != 0) {
		atomic_fail(&af, err, errlen);
		return -2;
	}
	return atomic_commit(&af, err, errlen) == 0 ? 0 : -2;
}

char *export_default_name(const char *symbol, const struct export_format *fmt, char *buf,
                          size_t size)
{
	char stem[128];
	size_t n = 0;
	/* Runs of anything unsafe in a file name become one '-': "S/RES/242 (1967)" ->
	 * "S-RES-242-1967". */
	for (const char *p = symbol ? symbol : ""; *p && n < sizeof stem - 1; p++) {
		char c = *p;
		int ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		         c == '.' || c == '_';
		if (ok)
			stem[n++] = c;
		else if (n && stem[n - 1] != '-')
			stem[n++] = '-';
	}
	while (n && stem[n - 1] == '-')
		n--;
	stem[n] = '\0';
	if (n)
		snprintf(buf, size, "%s-notes.%s", stem, fmt->ext);
	else
		snprintf(buf, size, "notes.%s", fmt->ext);
	return buf;
}

const char *export_symbol(const struct export_doc *d)
{
	if (d->res && d->res->meta.symbol && *d->res->meta.symbol)
		return d->res->meta.symbol;
	if (d->symbol && *d->symbol)
		return d->symbol;
	return "(unknown document)";
}

int export_para_index(const struct export_doc *d, const struct annotation *a)
{
	if (!d->res || a->status == ANCHOR_ORPHAN)
		return -1;
	return res_find(d->res, a->para_id);
}

struct order_item {
	const struct annotation *a;
	int para;     /* paragraph index, or INT_MAX-like for orphans */
	size_t seq;   /* input position: keeps the sort stable */
};

static int nullcmp(const char *x, const char *y)
{
	return strcmp(x ? x : "", y ? y : "");
}

static int order_cmp(const void *pa, const void *pb)
{
	const struct order_item *x = pa, *y = pb;
	int xo = x->para < 0, yo = y->para < 0;
	if (xo != yo)
		return xo - yo;
	if (!xo && x->para != y->para)
		return x->para < y->para ? -1 : 1;
	if (xo) {
		/* Without a model, keep the store's order (it is already document order). */
		return x->seq < y->seq ? -1 : x->seq > y->seq;
	}
	if (x->a->start != y->a->start)
		return x->a->start < y->a->start ? -1 : 1;
	if (x->a->end != y->a->end)
		return x->a->end < y->a->end ? -1 : 1;
	int c = nullcmp(x->a->created, y->a->created);
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

const struct annotation **export_order(const struct export_doc *d, size_t *nanchored)
{
	*nanchored = 0;
	if (d->n == 0)
		return NULL;
	struct order_item *items = malloc(d->n * sizeof *items);
	const struct annotation **out = malloc(d->n * sizeof *out);
	if (!items || !out) {
		free(items);
		free(out);
		return NULL;
	}
	for (size_t i = 0; i < d->n; i++) {
		items[i].a = &d->annots[i];
		items[i].para = export_para_index(d, &d->annots[i]);
		items[i].seq = i;
		if (items[i].para >= 0)
			(*nanchored)++;
	}
	/* With no model at hand nothing can be placed: keep the store's order, all anchored. */
	if (!d->res) {
		for (size_t i = 0; i < d->n; i++) {
			out[i] = &d->annots[i];
			if (d->annots[i].status != ANCHOR_ORPHAN)
				(*nanchored)++;
		}
		/* Orphans last, stable. */
		size_t k = 0;
		for (size_t i = 0; i < d->n; i++)
			if (d->annots[i].status != ANCHOR_ORPHAN)
				out[k++] = &d->annots[i];
		for (size_t i = 0; i < d->n; i++)
			if (d->annots[i].status == ANCHOR_ORPHAN)
				out[k++] = &d->annots[i];
		free(items);
		return out;
	}
	if (d->n > 1)
		qsort(items, d->n, sizeof *items, order_cmp);
	for (size_t i = 0; i < d->n; i++)
		out[i] = items[i].a;
	free(items);
	return out;
}

size_t export_count(const struct export_doc *docs, size_t ndocs)
{
	size_t total = 0;
	for (size_t i = 0; i < ndocs; i++)
		total += docs[i].n;
	return total;
}

int export_each(FILE *f, const struct export_doc *docs, size_t ndocs,
                int (*fn)(FILE *, const struct export_doc *, const struct annotation *, void *),
                void *arg)
{
	for (size_t i = 0; i < ndocs; i++) {
		size_t nanchored;
		const struct annotation **v = export_order(&docs[i], &nanchored);
		if (docs[i].n && !v)
			return -1;
		int rc = 0;
		for (size_t j = 0; j < docs[i].n && !rc; j++)
			rc = fn(f, &docs[i], v[j], arg);
		free(v);
		if (rc)
			return -1;
	}
	return 0;
}

void export_name_uuid(const unsigned char digest[32], char out[37])
{
	unsigned char d[16];
	memcpy(d, digest, sizeof d);
	d[6] = (unsigned char)((d[6] & 0x0f) | 0x80);   /* version 8 */
	d[8] = (unsigned char)((d[8] & 0x3f) | 0x80);   /* RFC 9562 variant */
	for (int i = 0, o = 0; i < 16; i++)
		o += sprintf(out + o, "%s%02x", i == 4 || i == 6 || i == 8 || i == 10 ? "-" : "", d[i]);
}

char *export_tags(const struct annotation *a, const char *sep)
{
	size_t len = 1, seplen = strlen(sep);
	for (size_t i = 0; i < a->ntags; i++)
		len += strlen(a->tags[i]) + seplen;
	char *s = malloc(len);
	if (!s)
		return NULL;
	s[0] = '\0';
	for (size_t i = 0; i < a->ntags; i++) {
		if (i)
			strcat(s, sep);
		strcat(s, a->tags[i]);
	}
	return s;
}

/* --- Labels and citations from a paragraph id --- */

/* Part letters are shown in capitals ("part B", "B OP 2"); ids are ASCII. */
static void ascii_upper(char *s)
{
	for (; *s; s++)
		if (*s >= 'a' && *s <= 'z')
			*s = (char)(*s - 'a' + 'A');
}

/* The pieces of an id such as "b.op3.a.ii", "annex1.p4.b", "pp5", "fn16", "p2". */
struct idparts {
	char part[16];       /* "b", or "" */
	char kind[8];        /* "pp", "op", "fn", "p", "annex", "" when not understood */
	char num[16];        /* "3" */
	char annex_kind[4];  /* inside an annex: "p", "h", "t", or "" for the annex itself */
	char subs[64];       /* " (a) (ii)" */
};

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* Splits a token like "op10" into its letters and a trailing number. */
static int split_token(const char *tok, const char *prefix, char *num, size_t numsize)
{
	size_t n = strlen(prefix);
	if (strncmp(tok, prefix, n) != 0 || !all_digits(tok + n) || strlen(tok + n) >= numsize)
		return 0;
	strcpy(num, tok + n);
	return 1;
}

static void id_parse(const char *id, struct idparts *p)
{
	memset(p, 0, sizeof *p);
	char buf[128];
	if (!id || strlen(id) >= sizeof buf)
		return;
	strcpy(buf, id);
	char *tok[8];
	int nt = 0;
	for (char *s = strtok(buf, "."); s && nt < 8; s = strtok(NULL, "."))
		tok[nt++] = s;
	int i = 0;
	/* A part prefix is one or two letters ("a", "b") standing before the paragraph token. */
	if (nt >= 2 && strlen(tok[0]) <= 2 && !split_token(tok[0], "p", p->num, sizeof p->num)) {
		snprintf(p->part, sizeof p->part, "%s", tok[0]);
		i = 1;
	}
	if (i >= nt)
		return;
	const char *t = tok[i++];
	if (split_token(t, "annex", p->num, sizeof p->num)) {
		strcpy(p->kind, "annex");
		if (i < nt) {
			const char *k = tok[i++];
			char n2[16];
			static const char *const kinds[] = { "p", "h", "t" };
			for (int j = 0; j < 3; j++) {
				if (split_token(k, kinds[j], n2, sizeof n2)) {
					strcpy(p->annex_kind, kinds[j]);
					/* The annex's own paragraph number goes into subs' head. */
					snprintf(p->subs, sizeof p->subs, "%s", n2);
				}
			}
			if (!p->annex_kind[0]) {
				p->kind[0] = '\0';
				return;
			}
		}
	} else if (split_token(t, "pp", p->num, sizeof p->num)) {
		strcpy(p->kind, "pp");
	} else if (split_token(t, "op", p->num, sizeof p->num)) {
		strcpy(p->kind, "op");
	} else if (split_token(t, "fn", p->num, sizeof p->num)) {
		strcpy(p->kind, "fn");
	} else if (split_token(t, "p", p->num, sizeof p->num)) {
		strcpy(p->kind, "p");
	} else {
		return;
	}
	/* Sub-paragraph letters and numerals: " (a) (ii)". For annex paragraphs they follow the
	 * paragraph number kept at the head of subs. */
	size_t len = strlen(p->subs);
	for (; i < nt; i++) {
		int w = snprintf(p->subs + len, sizeof p->subs - len, "%s(%s)", len ? " " : " ", tok[i]);
		if (w < 0 || (size_t)w >= sizeof p->subs - len)
			break;
		len += (size_t)w;
	}
}

/* "Annex A" -> "annex A" for the middle of a citation. */
static void lower_first(char *s)
{
	if (s[0] >= 'A' && s[0] <= 'Z')
		s[0] = (char)(s[0] - 'A' + 'a');
}

static const char *annex_label(const struct export_doc *d, const char *para_id)
{
	if (!d->res)
		return NULL;
	int i = res_find(d->res, para_id);
	if (i < 0)
		return NULL;
	int ax = d->res->paras[i].annex;
	if (ax < 0 || (size_t)ax >= d->res->nannexes)
		return NULL;
	return d->res->annexes[ax].label;
}

static const char *part_label(const struct export_doc *d, const char *para_id, const char *fallback)
{
	if (d->res) {
		int i = res_find(d->res, para_id);
		if (i >= 0) {
			int pt = d->res->paras[i].part;
			if (pt >= 0 && (size_t)pt < d->res->nparts && d->res->parts[pt].label)
				return d->res->parts[pt].label;
		}
	}
	return fallback;
}

/* The paragraph reference without the symbol: "para. 3 (a) (ii)", "annex A, para. 4". */
static void ref_of(const struct export_doc *d, const char *para_id, char *buf, size_t size)
{
	struct idparts p;
	id_parse(para_id, &p);
	char part[48] = "";
	if (p.part[0]) {
		char up[16];
		snprintf(up, sizeof up, "%s", part_label(d, para_id, p.part));
		ascii_upper(up);
		snprintf(part, sizeof part, "part %s, ", up);
	}
	if (strcmp(p.kind, "pp") == 0) {
		snprintf(buf, size, "%spreambular para. %s", part, p.num);
	} else if (strcmp(p.kind, "op") == 0) {
		snprintf(buf, size, "%spara. %s%s", part, p.num, p.subs);
	} else if (strcmp(p.kind, "fn") == 0) {
		snprintf(buf, size, "footnote %s", p.num);
	} else if (strcmp(p.kind, "p") == 0) {
		snprintf(buf, size, "para. %s", p.num);
	} else if (strcmp(p.kind, "annex") == 0) {
		char ax[64];
		const char *l = annex_label(d, para_id);
		snprintf(ax, sizeof ax, "%s", l && *l ? l : "annex");
		lower_first(ax);
		const char *num = NULL;
		if (d->res) {
			int i = res_find(d->res, para_id);
			if (i >= 0)
				num = d->res->paras[i].num;
		}
		if (strcmp(p.annex_kind, "p") == 0)
			snprintf(buf, size, "%s, para. %s", ax, p.subs);
		else if (strcmp(p.annex_kind, "h") == 0 && num)
			snprintf(buf, size, "%s, section %s", ax, num);
		else
			snprintf(buf, size, "%s", ax);
	} else {
		snprintf(buf, size, "%s", para_id ? para_id : "?");
	}
}

char *export_citation(const struct export_doc *d, const char *para_id, char *buf, size_t size)
{
	char ref[128];
	ref_of(d, para_id, ref, sizeof ref);
	snprintf(buf, size, "%s, %s", export_symbol(d), ref);
	return buf;
}

char *export_label(const struct export_doc *d, const char *para_id, char *buf, size_t size)
{
	if (d->res) {
		int i = res_find(d->res, para_id);
		if (i >= 0 && d->res->paras[i].label && *d->res->paras[i].label) {
			snprintf(buf, size, "%s", d->res->paras[i].label);
			return buf;
		}
	}
	struct idparts p;
	id_parse(para_id, &p);
	char part[24] = "";
	if (p.part[0]) {
		snprintf(part, sizeof part, "%s ", p.part);
		ascii_upper(part);
	}
	if (strcmp(p.kind, "pp") == 0) {
		snprintf(buf, size, "%sPP %s", part, p.num);
	} else if (strcmp(p.kind, "op") == 0) {
		snprintf(buf, size, "%sOP %s%s", part, p.num, p.subs);
	} else if (strcmp(p.kind, "fn") == 0) {
		snprintf(buf, size, "Footnote %s", p.num);
	} else if (strcmp(p.kind, "annex") == 0 || strcmp(p.kind, "p") == 0) {
		ref_of(d, para_id, buf, size);
		if (buf[0] >= 'a' && buf[0] <= 'z')
			buf[0] = (char)(buf[0] - 'a' + 'A');
	} else {
		snprintf(buf, size, "%s", para_id ? para_id : "?");
	}
	return buf;
}

void export_time(time_t t, int date_only, char buf[21])
{
	struct tm tm;
	if (!gmtime_r(&t, &tm)) {
		strcpy(buf, date_only ? "1970-01-01" : "1970-01-01T00:00:00Z");
		return;
	}
	strftime(buf, 21, date_only ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M:%SZ", &tm);
}

char *export_clean(const char *s, int keep)
{
	if (!s)
		s = "";
	size_t len = strlen(s), n;
	char *ok = utf8_repair(s, len, &n, NULL);
	if (!ok)
		return NULL;
	if (!(keep & EXPORT_KEEP_TABS)) {
		char *clean = utf8_sanitize(ok, n, keep & EXPORT_KEEP_NEWLINES);
		free(ok);
		return clean;
	}
	/* utf8_sanitize makes a TAB a space (for a terminal); a file keeps it. */
	char *out = malloc(n * 3 + 1), *o = out;
	for (size_t i = 0; out && i < n;) {
		uint32_t c;
		size_t l = utf8_decode(ok + i, n - i, &c);
		if (utf8_is_control(c) && c != '\t' && !(c == '\n' && (keep & EXPORT_KEEP_NEWLINES))) {
			memcpy(o, "\xEF\xBF\xBD", 3);   /* U+FFFD */
			o += 3;
		} else {
			memcpy(o, ok + i, l);
			o += l;
		}
		i += l;
	}
	if (out)
		*o = '\0';
	free(ok);
	return out;
}

const char *export_color_name(const struct export_opts *o, const char *key)
{
	for (size_t i = 0; o && key && i < o->ncolors; i++)
		if (strcmp(o->colors[i].key, key) == 0 && o->colors[i].name && *o->colors[i].name)
			return o->colors[i].name;
	return key;
}

static int spaces(FILE *f, int n)
{
	for (int i = 0; i < n; i++)
		if (putc(' ', f) == EOF)
			return -1;
	return 0;
}

int export_wrap(FILE *f, const char *first, int indent, const char *s, int width)
{
	char *clean = export_clean(s, 1);
	if (!clean)
		return -1;
	int avail = width - indent;
	if (avail < 10)
		avail = 10;
	int rc = 0, line_no = 0;
	char *p = clean;
	for (;;) {
		char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		struct wrap_line *lines = NULL;
		int nl_count = text_wrap(p, len, avail, &lines);
		if (nl_count < 0) {
			rc = -1;
			break;
		}
		for (int i = 0; i < nl_count; i++) {
			int empty = lines[i].end <= lines[i].start;
			if (line_no++ == 0) {
				/* The lead-in ("  Note:   "), without trailing blanks before an empty line. */
				size_t n = strlen(first);
				while (empty && n && first[n - 1] == ' ')
					n--;
				fwrite(first, 1, n, f);
			} else if (!empty) {
				spaces(f, indent);
			}
			fwrite(p + lines[i].start, 1, lines[i].end - lines[i].start, f);
			putc('\n', f);
		}
		free(lines);
		if (!nl)
			break;
		p = nl + 1;
	}
	free(clean);
	if (ferror(f))
		rc = -1;
	return rc;
}
