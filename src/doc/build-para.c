/* build-para.c: the paragraph handlers, one per kind of paragraph. They give every paragraph
 * its id and label from the UN numbering (pp3, op10, op3.a.ii, annex1.p4, b.op2, fn16), keep
 * the nesting of sub-paragraphs, and never give an id twice; every reader builds through them,
 * so the same resolution gets the same ids from every shape. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/build.h"
#include "doc/lang.h"
#include "text/buf.h"

/* ---- small string helpers ---- */

char *build_strndup(struct bstate *st, const char *s, size_t n)
{
	char *t = strndup(s, n);
	if (!t)
		st->oom = 1;
	return t;
}

/* Appends the string a to buf (holding *n bytes of cap) as it is read, without strlen and a
 * copy call: the parts of ids are a few bytes. At most max bytes of a; 0 when they would not
 * fit with a NUL. */
static int put_str(char *buf, size_t cap, size_t *n, const char *a, size_t max)
{
	size_t k = *n;
	for (size_t i = 0; i < max && a[i]; i++) {
		if (k + 1 >= cap)
			return 0;
		buf[k++] = a[i];
	}
	*n = k;
	return 1;
}

/* Appends v in decimal, with its sign, written in place from its last digit. */
static int put_number(char *buf, size_t cap, size_t *n, unsigned long long v, int negative)
{
	size_t digits = 1;
	for (unsigned long long w = v; w >= 10; w /= 10)
		digits++;
	size_t k = *n + (size_t)negative + digits;
	if (k >= cap)
		return 0;
	if (negative)
		buf[*n] = '-';
	*n = k;
	do
		buf[--k] = (char)('0' + v % 10);
	while (v /= 10);
	return 1;
}

/* fmt formatted into buf[cap] with the conversions ids and labels use: %s, %.*s, %c, %d,
 * %ld, %zu, in one pass over fmt (vsnprintf's reading of the format was a twentieth of a
 * parse, then strchr and a copy per piece a thirtieth). Returns the length, or -1 when fmt
 * holds another conversion or the text does not fit: vsnprintf then does it
 * (test_build's ids_format_as_printf compares the two). */
static long format_id(char *buf, size_t cap, const char *fmt, va_list ap)
{
	size_t n = 0;
	for (const char *f = fmt; *f; f++) {
		if (*f != '%') {
			if (n + 1 >= cap)
				return -1;
			buf[n++] = *f;
			continue;
		}
		f++;
		int ok;
		if (*f == 's') {
			const char *a = va_arg(ap, const char *);
			ok = a && put_str(buf, cap, &n, a, SIZE_MAX);
		} else if (f[0] == '.' && f[1] == '*' && f[2] == 's') {
			int prec = va_arg(ap, int);
			const char *a = va_arg(ap, const char *);
			ok = a && prec >= 0 && put_str(buf, cap, &n, a, (size_t)prec);
			f += 2;
		} else if (*f == 'd') {
			int v = va_arg(ap, int);
			ok = put_number(buf, cap, &n, v < 0 ? 0ULL - (unsigned long long)v :
			                (unsigned long long)v, v < 0);
		} else if (*f == 'c') {
			char c = (char)va_arg(ap, int);
			ok = n + 1 < cap;
			if (ok)
				buf[n++] = c;
		} else if (f[0] == 'l' && f[1] == 'd') {
			long v = va_arg(ap, long);
			ok = put_number(buf, cap, &n, v < 0 ? 0ULL - (unsigned long long)v :
			                (unsigned long long)v, v < 0);
			f++;
		} else if (f[0] == 'z' && f[1] == 'u') {
			ok = put_number(buf, cap, &n, va_arg(ap, size_t), 0);
			f++;
		} else {
			ok = 0;
		}
		if (!ok)
			return -1;
	}
	buf[n] = '\0';
	return (long)n;
}

int build_snprintf(char *buf, size_t cap, const char *fmt, ...)
{
	va_list ap, again;
	va_start(ap, fmt);
	va_copy(again, ap);
	long n = cap ? format_id(buf, cap, fmt, ap) : -1;
	if (n < 0)
		n = vsnprintf(buf, cap, fmt, again);
	va_end(again);
	va_end(ap);
	return (int)n;
}

/* fmt formatted, in malloc'd memory (to_names 0) or in the resolution's names block. */
static char *vformat(struct bstate *st, int to_names, const char *fmt, va_list ap)
{
	/* Ids and labels are short: formatted on the stack and copied once, where vasprintf
	 * allocated and then shrank (three of these run for every paragraph). */
	char buf[128];
	va_list again;
	va_copy(again, ap);
	long n = format_id(buf, sizeof buf, fmt, ap);
	char *s = NULL, *big = NULL;
	if (n < 0) {
		int k = vasprintf(&big, fmt, again);
		n = k;
		if (k < 0)
			big = NULL;
	}
	va_end(again);
	if (n >= 0 && big && !to_names) {
		s = big;           /* vasprintf's, as it is */
		big = NULL;
	} else if (n >= 0) {
		s = to_names ? res_names_alloc(st->res, (size_t)n + 1) : malloc((size_t)n + 1);
		if (s)
			memcpy(s, big ? big : buf, (size_t)n + 1);
	}
	free(big);
	if (!s)
		st->oom = 1;
	return s;
}

char *build_printf(struct bstate *st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = vformat(st, 0, fmt, ap);
	va_end(ap);
	return s;
}

/* A paragraph's id, label or number, in the resolution's names block (res_names_alloc). */
static char *name_printf(struct bstate *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static char *name_printf(struct bstate *st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = vformat(st, 1, fmt, ap);
	va_end(ap);
	return s;
}

static char *name_dup(struct bstate *st, const char *t, size_t n)
{
	char *s = res_names_alloc(st->res, n + 1);
	if (!s) {
		st->oom = 1;
		return NULL;
	}
	memcpy(s, t, n);
	s[n] = '\0';
	return s;
}

void build_set_meta(struct bstate *st, char **field, const char *s, size_t n)
{
	if (*field || !s || !n)
		return;
	*field = build_strndup(st, s, n);
}

int build_starts(const char *s, size_t n, const char *w)
{
	/* the first byte before strlen and memcmp: most lines tried start otherwise */
	if (w[0] && (n == 0 || s[0] != w[0]))
		return 0;
	size_t k = strlen(w);
	return n >= k && memcmp(s, w, k) == 0;
}

const char *build_find(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, w, k) == 0)
			return s + i;
	return NULL;
}

/* ---- paragraphs ---- */

/* The exact markers of the block being read that fall in text[0..len), which now stands at
 * byte `at` of paragraph i's text. */
static void take_marks(struct bstate *st, int i, const char *text, size_t len, size_t at)
{
	const struct block *b = st->read.blk;
	if (!b || !b->nmarks || text < b->text || text + len > b->text + b->len)
		return;
	size_t off = (size_t)(text - b->text);
	struct para *p = &st->res->paras[i];
	for (size_t k = 0; k < b->nmarks; k++) {
		if (b->marks[k].byte < off || b->marks[k].byte > off + len)
			continue;
		struct mark *nm = buf_array_push(p->marks, p->nmarks, sizeof *nm);
		if (!nm) {
			st->oom = 1;
			return;
		}
		p->marks = nm;
		p->marks[p->nmarks].byte = at + b->marks[k].byte - off;
		p->marks[p->nmarks].footnote = b->marks[k].footnote;
		p->nmarks++;
	}
}

static int add(struct bstate *st, enum para_kind kind, const char *text, size_t len, char *id,
               char *label, char *num)
{
	/* Whatever the numbering did, an id is never given twice (issue 18). */
	if (id && !st->oom && idset_claim(&st->ids, &id, !res_names_own(st->res, id)) < 0)
		st->oom = 1;
	int i = res_add_para(st->res, kind);
	if (i < 0 || !id || !label || st->oom) {
		/* a name not in the names block is the caller's malloc'd one */
		st->oom = 1;
		char *v[] = { id, label, num };
		for (size_t k = 0; k < 3; k++)
			if (v[k] && !res_names_own(st->res, v[k]))
				free(v[k]);
		return -1;
	}
	struct para *p = &st->res->paras[i];
	p->id = id;
	p->label = label;
	p->num = num;
	p->text = build_strndup(st, text, len);
	p->text_len = p->text ? len : 0;
	p->part = st->part;
	p->annex = st->annex;
	st->last = i;
	take_marks(st, i, text, len, 0);
	return i;
}

/* Appends text to paragraph i (a paragraph broken by a page or a blank line). */
void build_append(struct bstate *st, int i, const char *text, size_t len)
{
	struct para *p = &st->res->paras[i];
	char *t = realloc(p->text, p->text_len + len + 2);
	if (!t) {
		st->oom = 1;
		return;
	}
	t[p->text_len] = ' ';
	memcpy(t + p->text_len + 1, text, len);
	size_t at = p->text_len + 1;
	p->text_len += len + 1;
	t[p->text_len] = '\0';
	p->text = t;
	take_marks(st, i, text, len, at);
}

static const char *part_prefix(struct bstate *st)
{
	return st->part >= 0 ? st->res->parts[st->part].id : NULL;
}

static const char *part_label(struct bstate *st)
{
	return st->part >= 0 ? st->res->parts[st->part].label : NULL;
}

int build_preamble(struct bstate *st, const char *s, size_t n)
{
	int k = ++st->count.npp;
	const char *pp = part_prefix(st);
	char *id = pp ? name_printf(st, "%s.pp%d", pp, k) : name_printf(st, "pp%d", k);
	char *label = pp ? name_printf(st, "Part %s, PP %d", part_label(st), k) : name_printf(st, "PP %d", k);
	int i = add(st, PARA_PREAMBLE, s, n, id, label, NULL);
	st->top = i;
	st->depth = 0;
	return i;
}

int build_operative(struct bstate *st, const char *num, size_t numlen, const char *s,
                         size_t n)
{
	int v = num ? build_atoi(num) : st->count.last_opnum + 1;
	/* Printed numbers that go backwards (OCR) would repeat an id: count on instead. */
	if (v <= st->count.last_opnum)
		v = st->count.last_opnum + 1;
	st->count.last_opnum = v;
	const char *pp = part_prefix(st);
	char *id = pp ? name_printf(st, "%s.op%d", pp, v) : name_printf(st, "op%d", v);
	char *label = pp ? name_printf(st, "Part %s, OP %d", part_label(st), v) : name_printf(st, "OP %d", v);
	char *nums = num ? name_printf(st, "%.*s", (int)numlen, num) : NULL;
	int i = add(st, PARA_OPERATIVE, s, n, id, label, nums);
	st->top = i;
	st->depth = 0;
	st->read.in_ops = 1;
	return i;
}

static const char *annex_label(struct bstate *st)
{
	return st->res->annexes[st->annex].label;
}

int build_annex_para(struct bstate *st, enum para_kind kind, const char *num, size_t numlen,
                          const char *s, size_t n)
{
	const char *aid = st->res->annexes[st->annex].id;
	char *id, *label, *nums = NULL;
	if (kind == PARA_ANNEX_HEADING) {
		int k = ++st->count.nann_h;
		id = name_printf(st, "%s.h%d", aid, k);
		label = name_printf(st, "%s, heading %d", annex_label(st), k);
	} else if (num) {
		/* A list that starts again ("Chemical Section: (1) ... Biological Section: (1)")
		 * gets its own id space so ids stay unique. */
		if (isdigit((unsigned char)num[0])) {
			int v = build_atoi(num);
			if (v <= st->count.ann_last)
				st->count.ann_list++;
			st->count.ann_last = v;
		}
		if (st->count.ann_list)
			id = name_printf(st, "%s.l%d.p%.*s", aid, st->count.ann_list + 1, (int)numlen, num);
		else
			id = name_printf(st, "%s.p%.*s", aid, (int)numlen, num);
		label = name_printf(st, "%s, para. %.*s", annex_label(st), (int)numlen, num);
		nums = name_printf(st, "%.*s", (int)numlen, num);
	} else {
		int k = ++st->count.nann_t;
		id = name_printf(st, "%s.t%d", aid, k);
		label = name_printf(st, "%s, text %d", annex_label(st), k);
	}
	int i = add(st, kind, s, n, id, label, nums);
	st->top = num ? i : -1;
	st->count.top_style = -1;
	/* A sentence that announces a list ("... when:") holds the (a), (b) that follow. */
	if (!num && kind == PARA_ANNEX && n > 60 && s[n - 1] == ':')
		st->top = i;
	st->depth = 0;
	return i;
}

/* Value of a sub-paragraph label in one style, 0 if it cannot be read in that style. */
int build_style_value(enum sstyle style, const char *l, size_t n)
{
	int rank = 0;
	switch (style) {
	case ST_LETTER:
		if ((unsigned char)l[0] >= 0x80 && build_arabic_rank(l, n, &rank) == n)
			return rank;
		if (n == 1 && islower((unsigned char)l[0]))
			return l[0] - 'a' + 1;
		if (n == 2 && l[0] == l[1] && islower((unsigned char)l[0]))
			return 26 + l[0] - 'a' + 1;           /* (aa) after (z) */
		return 0;
	case ST_ROMAN:
		return islower((unsigned char)l[0]) ? build_roman_value(l, n) : 0;
	case ST_DIGIT:
		return isdigit((unsigned char)l[0]) ? build_atoi(l) : 0;
	case ST_UPPER:
		return n == 1 && isupper((unsigned char)l[0]) ? l[0] - 'A' + 1 : 0;
	}
	return 0;
}

/* Places a sub-paragraph "(x)" in the nesting: a continuation of the innermost level that
 * expects it ("(i)" after "(h)" is a letter), else a new nested level when x is a first item
 * ("(i)" under "(a)" is a numeral), else a sibling at the innermost level. `ocr_roman` says
 * "(1)" is an OCR slip for "(i)" (the next label is "(ii)"). Returns the level. */
static int sub_level(struct bstate *st, const char *l, size_t n, int ocr_roman, int *value,
                     enum sstyle *style)
{
	for (int d = st->depth - 1; d >= 0; d--) {
		int v = build_style_value(st->lv[d].style, l, n);
		if (ocr_roman && st->lv[d].style == ST_ROMAN)
			v = 1;
		if (v && v == st->lv[d].last + 1) {
			*value = v;
			*style = st->lv[d].style;
			return d;
		}
	}
	static const enum sstyle order[] = { ST_LETTER, ST_ROMAN, ST_DIGIT, ST_UPPER };
	for (size_t k = 0; k < 4; k++) {
		enum sstyle s = order[k];
		int v = ocr_roman ? (s == ST_ROMAN) : build_style_value(s, l, n);
		if (v != 1)
			continue;
		/* "(i)" starts a roman level unless a letter level is open and waiting for "(i)"
		 * (handled above); at top level "(i)" is a numeral too. */
		if (s == ST_LETTER && n == 1 && l[0] == 'i')
			continue;
		if (st->depth >= MAX_DEPTH)
			break;
		*value = 1;
		*style = s;
		return st->depth;
	}
	/* A gap or an OCR slip: stay a sibling at the innermost level. */
	int d = st->depth > 0 ? st->depth - 1 : 0;
	*style = st->depth > 0 ? st->lv[d].style : ST_LETTER;
	int v = build_style_value(*style, l, n);
	*value = v ? v : (st->depth > 0 ? st->lv[d].last + 1 : 1);
	return d;
}

/* Adds sub-paragraph "(l)" at nesting level d, under the top paragraph (d = 0) or the open
 * item of level d - 1, and closes the levels below it. */
static int sub_at(struct bstate *st, int d, int value, enum sstyle style, const char *l,
                  size_t ln, int ocr_roman, const char *s, size_t n)
{
	int parent = d == 0 ? st->top : st->lv[d - 1].para;
	if (parent < 0)
		return -1;
	char lab[16];
	if (ocr_roman)
		build_snprintf(lab, sizeof lab, "i");
	else if ((unsigned char)l[0] >= 0x80 && value >= 1 && value <= 26)
		build_snprintf(lab, sizeof lab, "%c", 'a' + value - 1);   /* ids are shared by all languages */
	else
		build_snprintf(lab, sizeof lab, "%.*s", (int)(ln < 8 ? ln : 8), l);
	const struct para *pp = &st->res->paras[parent];
	/* A repeated label (an OCR slip, "(9)" twice) must not repeat an id. */
	if (d < st->depth && st->res->paras[st->lv[d].para].num
	    && strcmp(st->res->paras[st->lv[d].para].num, lab) == 0)
		build_snprintf(lab + strlen(lab), sizeof lab - strlen(lab), "-%d", st->lv[d].last + 1);
	char *id = name_printf(st, "%s.%s", pp->id, lab);
	char *label = name_printf(st, "%s (%s)", pp->label, lab);
	/* num keeps the letter as printed ("ب"); id and label use the shared Latin one. */
	char *num = (unsigned char)l[0] >= 0x80 ? name_dup(st, l, ln) : name_dup(st, lab, strlen(lab));
	int depth = pp->depth + 1;
	int i = add(st, PARA_SUB, s, n, id, label, num);
	if (i < 0)
		return -1;
	st->res->paras[i].parent = parent;
	st->res->paras[i].depth = depth;
	st->lv[d].style = style;
	st->lv[d].last = value;
	st->lv[d].para = i;
	st->depth = d + 1;
	return i;
}

int build_sub(struct bstate *st, const char *l, size_t ln, int ocr_roman, const char *s,
              size_t n)
{
	int value;
	enum sstyle style;
	int d = sub_level(st, l, ln, ocr_roman, &value, &style);
	return sub_at(st, d, value, style, l, ln, ocr_roman, s, n);
}

int build_sub_at(struct bstate *st, int d, const char *l, size_t ln, const char *s, size_t n)
{
	if (d > st->depth)
		d = st->depth;
	if (d >= MAX_DEPTH)
		d = MAX_DEPTH - 1;       /* deeper stays a sibling, as in the text */
	if (d < 0 || ln == 0)
		return -1;
	/* An item the markup sets a level deeper though its label goes on with the level above
	 * ("(iii)" after "(ii)", under a line set between them) stands where the page has it. */
	if (d > 0 && d == st->depth) {
		int first = 0;
		for (int k = ST_LETTER; k <= ST_UPPER; k++)
			first |= build_style_value((enum sstyle)k, l, ln) == 1;
		if (!first && build_style_value(st->lv[d - 1].style, l, ln) == st->lv[d - 1].last + 1)
			d--;
	}
	/* The label's style: the level's own when the label reads in it ("(i)" after "(h)"),
	 * else the first it reads in. */
	enum sstyle style = ST_LETTER;
	int value = 0;
	if (d < st->depth && (value = build_style_value(st->lv[d].style, l, ln)) != 0)
		style = st->lv[d].style;
	for (int k = ST_LETTER; k <= ST_UPPER && !value; k++)
		if ((value = build_style_value((enum sstyle)k, l, ln)) != 0)
			style = (enum sstyle)k;
	if (!value)
		value = d < st->depth ? st->lv[d].last + 1 : 1;
	return sub_at(st, d, value, style, l, ln, 0, s, n);
}

int build_item(struct bstate *st, const char *lab, size_t labn, int ocr_roman, const char *s,
               size_t n)
{
	struct bcount *c = &st->count;
	if (st->annex >= 0 && (st->top < 0 || (c->top_style >= 0 &&
	    build_style_value((enum sstyle)c->top_style, lab, labn) == c->top_value + 1))) {
		/* "(1)", "(2)" ... as the annex's own list: top-level items */
		int style = -1, v = 0;
		for (int k = ST_LETTER; k <= ST_UPPER && style < 0; k++) {
			int kv = build_style_value((enum sstyle)k, lab, labn);
			if (kv && (c->top_style != k || kv == c->top_value + 1)) {
				style = k;
				v = kv;
			}
		}
		int i = build_annex_para(st, PARA_ANNEX, lab, labn, s, n);
		c->top_style = style;
		c->top_value = v;
		return i;
	}
	if (st->top < 0)
		return -1;
	return build_sub(st, lab, labn, ocr_roman, s, n);
}

/* Unnumbered text inside the operative part or under a numbered paragraph (a quoted passage,
 * "Note: ..."): kept as its own item under the current paragraph. */
int build_inner_text(struct bstate *st, const char *s, size_t n)
{
	int parent = st->depth > 0 ? st->lv[st->depth - 1].para : st->top;
	if (parent < 0)
		return -1;
	const struct para *pp = &st->res->paras[parent];
	if (st->count.inner_parent != parent) {
		/* Back to a paragraph that has text items already (an item of its own came
		 * between): count on from them, so no id repeats. */
		st->count.inner_parent = parent;
		st->count.ninner = 0;
		for (size_t j = st->res->npara; j-- > (size_t)parent + 1;)
			st->count.ninner += st->res->paras[j].parent == parent && !st->res->paras[j].num;
	}
	int k = ++st->count.ninner;
	char *id = name_printf(st, "%s.t%d", pp->id, k);
	char *label = name_printf(st, "%s, text %d", pp->label, k);
	int depth = pp->depth + 1;
	int i = add(st, PARA_SUB, s, n, id, label, NULL);
	if (i >= 0) {
		st->res->paras[i].parent = parent;
		st->res->paras[i].depth = depth;
	}
	return i;
}

/* A part ("B", "IV"): its numbering of preambular and operative paragraphs starts again, and
 * its ids carry its letter ("b.op2"). Its heading may follow (build_part_title). */
void build_part(struct bstate *st, const char *s, size_t n)
{
	struct resolution *res = st->res;
	struct res_part *np = buf_array(res->parts, &st->count.parts_cap, res->nparts + 1,
	                                sizeof *np);
	if (!np) {
		st->oom = 1;
		return;
	}
	res->parts = np;
	struct res_part *pt = &res->parts[res->nparts];
	pt->label = build_strndup(st, s, n);
	pt->id = build_strndup(st, s, n);
	for (size_t k = 0; pt->id && k < n; k++)
		pt->id[k] = (char)tolower((unsigned char)pt->id[k]);
	/* A label seen before ("A" twice) gets a numbered id so ids stay unique; past a
	 * few dozen parts every id is numbered rather than compared. */
	int seen = res->nparts >= 64;
	for (size_t k = 0; k < res->nparts && !seen && pt->id; k++)
		seen = strcmp(res->parts[k].id, pt->id) == 0;
	if (seen && pt->id) {
		char *nid = build_printf(st, "%s%zu", pt->id, res->nparts + 1);
		free(pt->id);
		pt->id = nid;
	}
	pt->title = NULL;
	st->read.want_part_title = 1;
	st->part = (int)res->nparts++;
	st->count.npp = 0;
	st->count.last_opnum = 0;
	st->top = -1;
	st->depth = 0;
	st->read.in_ops = 0;
}

void build_part_title(struct bstate *st, const char *s, size_t n)
{
	if (st->part >= 0 && !st->res->parts[st->part].title)
		st->res->parts[st->part].title = build_strndup(st, s, n);
	st->read.want_part_title = 0;
}

/* Opens annex label[0..ln) whose title paragraph reads s[0..n) (may be empty). */
static void new_annex(struct bstate *st, const char *label, size_t ln, const char *s, size_t n)
{
	struct resolution *res = st->res;
	struct res_annex *na = buf_array(res->annexes, &st->count.annexes_cap, res->nannexes + 1,
	                                 sizeof *na);
	if (!na) {
		st->oom = 1;
		return;
	}
	res->annexes = na;
	struct res_annex *a = &res->annexes[res->nannexes];
	a->id = build_printf(st, "annex%zu", res->nannexes + 1);
	a->label = build_strndup(st, label, ln);
	a->title = n ? build_strndup(st, s, n) : NULL;
	st->annex = (int)res->nannexes++;
	st->part = -1;
	st->count.nann_h = st->count.nann_t = st->count.ann_last = st->count.ann_list = 0;
	char *id = a->id ? name_dup(st, a->id, strlen(a->id)) : NULL;
	char *lab = a->label ? name_dup(st, a->label, strlen(a->label)) : NULL;
	add(st, PARA_ANNEX_TITLE, s, n, id, lab, NULL);
	st->top = -1;
	st->depth = 0;
	st->read.want_annex_title = n == 0;
}

/* An annex: "Annex", "Annex II", "Annex B Goods Review List procedures" (the label is the annex
 * word and its letter; anything after is the title, else the next block may be). */
void build_annex(struct bstate *st, const char *s, size_t n)
{
	size_t ln = lang_annex_word(s, n);
	while (ln < n && s[ln] == ' ')
		ln++;
	while (ln < n && s[ln] != ' ')
		ln++;
	size_t labl = ln;
	while (labl > 1 && s[labl - 1] == '*')
		labl--;
	size_t t = ln;
	while (t < n && s[t] == ' ')
		t++;
	new_annex(st, s, labl, s + t, n - t);
}

/* A text adopted inline, titled by heading s[0..n) ("Political declaration of ..."): an annex
 * as the UN's XML has it, labelled with the annex word (its paragraphs "Annex, para. 5",
 * not the title's hundred characters before every number). */
void build_annex_named(struct bstate *st, const char *s, size_t n)
{
	const char *w = lang_annex_name(st->lang);
	new_annex(st, w, strlen(w), s, n);
	st->read.want_annex_title = 0;
}

void build_annex_title(struct bstate *st, const char *s, size_t n)
{
	struct res_annex *a = &st->res->annexes[st->annex];
	free(a->title);
	a->title = build_strndup(st, s, n);
	struct para *p = &st->res->paras[st->last];
	free(p->text);
	p->text = build_strndup(st, s, n);
	p->text_len = p->text ? n : 0;
	st->read.want_annex_title = 0;
}

/* A heading: in an annex, annex1.h2 with the whole line as its text ("I. General provisions");
 * between operative paragraphs whose numbering runs on under it, h2 (b.h2 in part B) with its
 * number ("I", "A") apart from its title. */
int build_heading(struct bstate *st, const char *num, size_t numlen, const char *s, size_t n)
{
	if (st->annex >= 0)
		return build_annex_para(st, PARA_ANNEX_HEADING, NULL, 0, s, n);
	int k = ++st->count.nhead;
	const char *pp = part_prefix(st);
	char *id = pp ? name_printf(st, "%s.h%d", pp, k) : name_printf(st, "h%d", k);
	char *label = pp ? name_printf(st, "Part %s, heading %d", part_label(st), k)
	                 : name_printf(st, "Heading %d", k);
	char *nums = num && numlen ? name_dup(st, num, numlen) : NULL;
	int i = add(st, PARA_ANNEX_HEADING, s, n, id, label, nums);
	st->top = -1;
	st->depth = 0;
	return i;
}

int build_footnote(struct bstate *st, int num, const char *s, size_t n)
{
	/* A number printed twice (an extraction slip) must not repeat an id. */
	char *id = num > st->count.last_fn ? name_printf(st, "fn%d", num) : name_printf(st, "fn%d-%zu", num, st->res->npara);
	if (num > st->count.last_fn)
		st->count.last_fn = num;
	char *label = name_printf(st, "Footnote %d", num);
	char *nums = name_printf(st, "%d", num);
	int k = add(st, PARA_FOOTNOTE, s, n, id, label, nums);
	if (k >= 0) {
		st->res->paras[k].part = -1;      /* footnotes belong to the whole resolution */
		st->res->paras[k].annex = -1;
	}
	st->top = -1;
	return k;
}

/* A fresh builder state with its empty resolution; 0, or -1 (and *oom) when out of memory. */
int build_plain_para(struct bstate *st, const char *s, size_t n)
{
	int k = ++st->count.nplain;
	return add(st, PARA_PLAIN, s, n, name_printf(st, "p%d", k), name_printf(st, "Para %d", k),
	           name_printf(st, "%d", k));
}

int build_start(struct bstate *st, int *oom)
{
	memset(st, 0, sizeof *st);
	st->res = res_new();
	if (!st->res) {
		*oom = 1;
		return -1;
	}
	st->part = st->annex = st->top = st->last = st->count.inner_parent = st->count.top_style = -1;
	return 0;
}

