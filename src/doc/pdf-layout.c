/* pdf-layout.c: pages of spans -> blocks, from geometry and fonts alone.
 *
 * Each page's spans are gathered into lines by baseline; a span smaller than its line and
 * raised above it is a footnote marker (digits) and leaves the text as an exact marker. Lines
 * are then given a role:
 *   - furniture: bar codes, and in the top or bottom band of a page page numbers ("2/7"), job
 *     numbers ("18-18418 (E)"), symbols, "Please recycle", and any line whose text (digits
 *     aside) comes back in the same band of other pages (running heads); the first page's
 *     masthead (United Nations, the symbol, the organ, Distr., session, agenda item);
 *   - footnotes: the text below a page's rule (or, without one, the smaller text at its
 *     foot), split where a small raised number opens a line, a footnote without one going on
 *     from the page before;
 *   - body: the rest, split into paragraphs where a line starts lower than the line pitch
 *     (a gap), deeper than the text's left edge (an indent), with a number or label set apart
 *     in a column of its own ("12.", "(a)"), in another size or weight (titles, headings), or
 *     centred.
 * What the furniture says goes into the hints; the blocks go to the structure builder. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>
#include <fribidi.h>

#include "doc/furniture.h"
#include "doc/lang.h"
#include "doc/pdf-int.h"

enum role { R_BODY, R_FURN, R_MAST, R_NOTE, R_RULE };

struct line {
	int page;               /* index into doc->pages */
	float base, size, x0, x1, text_x;   /* text_x: where the text after a leading cell starts */
	int bold, italic;       /* most of its characters are */
	int barcode;
	char *text;             /* markers taken out, single spaces, no leading or trailing one */
	size_t n;
	struct mark *marks;     /* byte offsets into text */
	size_t nmarks;
	size_t cut;             /* bytes of a leading cell set apart by a wide gap ("12."), 0 if none */
	int lead;               /* a small raised number opening the line (a footnote's), 0 for a
	                         * raised "*", -1 if none */
	int rtl;                /* read right to left: x0, x1 and text_x are mirrored */
	enum role role;
};

struct lines {
	struct line *v;
	size_t n, cap;
};

/* A growing text with its markers. */
struct tbuf {
	char *s;
	size_t n, cap;
	struct mark *m;
	size_t nm, mcap;
	int oom;
};

static void tb_put(struct tbuf *b, const char *s, size_t k)
{
	if (b->oom)
		return;
	if (b->n + k + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 128;
		while (cap < b->n + k + 1)
			cap *= 2;
		char *ns = realloc(b->s, cap);
		if (!ns) {
			b->oom = 1;
			return;
		}
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, k);
	b->n += k;
	b->s[b->n] = '\0';
}

static void tb_mark(struct tbuf *b, size_t at, int num)
{
	if (b->oom)
		return;
	if (b->nm == b->mcap) {
		size_t cap = b->mcap ? b->mcap * 2 : 8;
		struct mark *nm = realloc(b->m, cap * sizeof *nm);
		if (!nm) {
			b->oom = 1;
			return;
		}
		b->m = nm;
		b->mcap = cap;
	}
	b->m[b->nm].byte = at;
	b->m[b->nm].footnote = num;
	b->nm++;
}

static void tb_clear(struct tbuf *b)
{
	b->n = 0;
	b->nm = 0;
	if (b->s)
		b->s[0] = '\0';
}

static void tb_free(struct tbuf *b)
{
	free(b->s);
	free(b->m);
	memset(b, 0, sizeof *b);
}

/* ---- characters ---- */

static ucs4_t first_cp(const char *s, size_t n)
{
	ucs4_t c = 0;
	if (!n || u8_mbtouc(&c, (const uint8_t *)s, n) <= 0)
		return 0;
	return c;
}

static ucs4_t last_cp(const char *s, size_t n)
{
	ucs4_t c = 0;
	if (!n || !u8_prev(&c, (const uint8_t *)s + n, (const uint8_t *)s))
		return 0;
	return c;
}

/* Scripts written without spaces between words: lines join without one. */
static int cjk(ucs4_t c)
{
	return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)
	    || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x3000 && c <= 0x303F);
}

static int rtl_char(ucs4_t c)
{
	return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF)
	    || (c >= 0xFE70 && c <= 0xFEFF);
}

/* ---- markers ---- */

/* The footnote numbers a raised small span stands for: "3", "3,4", "3, 4"; a "*" (a note on
 * the document itself, not numbered) gives 0 numbers but is still a marker. Returns how many
 * numbers, or -1 when the span is not a marker's text. */
static int marker_numbers(const char *s, size_t n, int *nums, int max)
{
	size_t i = 0;
	int k = 0;
	/* "(3)": markers in parentheses, as Arabic texts print them */
	if (n >= 3 && ((s[0] == '(' && s[n - 1] == ')') || (s[0] == ')' && s[n - 1] == '('))) {
		s++;
		n -= 2;
		if (!n || s[0] < '0' || s[0] > '9')
			return -1;
	}
	if (n && s[0] == '*') {
		while (i < n && s[i] == '*')
			i++;
		return i == n && i <= 3 ? 0 : -1;
	}
	while (i < n) {
		size_t b = i;
		int v = 0;
		while (i < n && s[i] >= '0' && s[i] <= '9' && i - b < 4)
			v = v * 10 + (s[i++] - '0');
		if (i == b || v == 0 || s[b] == '0' || k == max)
			return -1;
		nums[k++] = v;
		if (i < n && s[i] == ',')
			i++;
		while (i < n && s[i] == ' ')
			i++;
		if (i < n && (s[i] < '0' || s[i] > '9'))
			return -1;
	}
	return k;
}

/* ---- lines ---- */

struct ctx {
	const struct pdf_doc *doc;
	struct lines L;
	struct block_list *out;
	struct parse_diag *d;
	int oom;
	float body;             /* the body text's size */
	float left, right;      /* its left edge and the measure's right edge */
	float pitch;            /* its line pitch */
	uint64_t notes_seen[16];   /* footnote numbers below 1024 that open a footnote */
	int cjk;                /* the text is mostly Chinese */
	int rtl;                /* the text is mostly in a right-to-left script */
	/* A PDF may hold several resolutions, each opening with its masthead on a new page:
	 * the document each page belongs to, and what each document's furniture says. */
	int *doc_of_page;
	struct res_meta *metas;
	int ndocs;
};

static const struct pdf_span *g_spans;   /* for the sort comparators only */

static int by_base(const void *a, const void *b)
{
	const struct pdf_span *x = &g_spans[*(const size_t *)a], *y = &g_spans[*(const size_t *)b];
	if (x->base != y->base)
		return x->base < y->base ? -1 : 1;
	return (x->x0 > y->x0) - (x->x0 < y->x0);
}

static int by_x(const void *a, const void *b)
{
	const struct pdf_span *x = &g_spans[*(const size_t *)a], *y = &g_spans[*(const size_t *)b];
	return (x->x0 > y->x0) - (x->x0 < y->x0);
}


static float max_size(const struct pdf_span *sp, const size_t *ix, size_t n)
{
	float m = 0;
	for (size_t i = 0; i < n; i++)
		if (sp[ix[i]].size > m)
			m = sp[ix[i]].size;
	return m;
}

/* The size most of the line's characters have. */
static float main_size(const struct pdf_span *sp, const size_t *ix, size_t n)
{
	float best = 0;
	size_t most = 0;
	for (size_t i = 0; i < n; i++) {
		size_t chars = 0;
		for (size_t j = 0; j < n; j++)
			if (fabsf(sp[ix[j]].size - sp[ix[i]].size) < 0.05f)
				chars += sp[ix[j]].n;
		if (chars > most || (chars == most && sp[ix[i]].size > best)) {
			most = chars;
			best = sp[ix[i]].size;
		}
	}
	return best;
}

/* Whether a span of a line whose text has `size` and baseline `base` is a marker. */
static int raised_small(const struct pdf_span *s, float size, float base)
{
	return s->size <= 0.8f * size && base - s->base >= 0.15f * size;
}

/* Strong left-to-right letters (Latin, Cyrillic, Greek ...), for telling a line's direction. */
static int ltr_char(ucs4_t c)
{
	return !rtl_char(c) && uc_is_alpha(c);
}

/* The right-to-left and the left-to-right letters of s[0..n) added to *rtl and *ltr; ASCII
 * (most of the text of most documents) without decoding or asking libunistring. */
static void count_dirs(const char *s, size_t n, size_t *rtl, size_t *ltr)
{
	for (size_t k = 0; k < n;) {
		unsigned char b = (unsigned char)s[k];
		if (b < 0x80) {
			*ltr += (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
			k++;
			continue;
		}
		ucs4_t ch;
		int len = u8_mbtouc(&ch, (const uint8_t *)s + k, n - k);
		*rtl += rtl_char(ch);
		*ltr += ltr_char(ch);
		k += len > 0 ? (size_t)len : 1;
	}
}

/* The numbers of a marker that starts at span ix[i] (-1: none; *used: the spans it takes).
 * A marker may come in pieces ("(", "10", ")" where the digits run the other way than the
 * brackets): the raised small spans that touch are read as one, in the order the page wrote
 * them. */
static int marker_at(const struct pdf_span *sp, const size_t *ix, size_t n, size_t i,
                     float size, float base, int *nums, size_t *used)
{
	if (!raised_small(&sp[ix[i]], size, base))
		return -1;
	size_t order[8], np = 0;
	float lo = sp[ix[i]].x0, hi = sp[ix[i]].x1;
	for (size_t j = i; j < n && np < 8 && raised_small(&sp[ix[j]], size, base); j++) {
		const struct pdf_span *r = &sp[ix[j]];
		if (j > i && !(r->x0 <= hi + 0.3f * size && r->x1 >= lo - 0.3f * size))
			break;
		lo = r->x0 < lo ? r->x0 : lo;
		hi = r->x1 > hi ? r->x1 : hi;
		order[np++] = ix[j];
	}
	for (size_t a = 1; a < np; a++)
		for (size_t b = a; b > 0 && order[b] < order[b - 1]; b--) {
			size_t t = order[b];
			order[b] = order[b - 1];
			order[b - 1] = t;
		}
	char mk[32];
	size_t mn = 0;
	for (size_t a = 0; a < np; a++)
		for (size_t q = 0; q < sp[order[a]].n && mn < sizeof mk; q++)
			if (sp[order[a]].s[q] != ' ')
				mk[mn++] = sp[order[a]].s[q];
	int k = marker_numbers(mk, mn, nums, 8);
	*used = np;
	return k;
}

/* A right-to-left line is first laid out in visual order (left to right on the page, as
 * the helper writes such lines) as clusters: a letter with its marks, a space, or a
 * footnote marker; then put in reading order by the Unicode bidirectional algorithm
 * (fribidi), run over the visual text as if it were logical: for text set right to left
 * with numbers and Latin inside, that gives the logical order back ("16-5" -> "5-16" after
 * Arabic, "A/HRC/37/59" kept). */
struct cluster {
	const char *s;          /* its bytes; NULL for a space or a marker */
	size_t n;
	int mark, nmark;        /* a marker: its first number's index in nums, how many */
	ucs4_t c;               /* its letter; ' ' for a space, U+FFFC for a marker */
	float gap, x;           /* a space: how wide, and where the text after it starts */
};

struct clusters {
	struct cluster *v;
	size_t n, cap;
	int nums[64];
	int nnums;
	int oom;
};

static void cl_add(struct clusters *cs, struct cluster c)
{
	if (cs->oom)
		return;
	if (cs->n == cs->cap) {
		size_t cap = cs->cap ? cs->cap * 2 : 64;
		struct cluster *nv = realloc(cs->v, cap * sizeof *nv);
		if (!nv) {
			cs->oom = 1;
			return;
		}
		cs->v = nv;
		cs->cap = cap;
	}
	cs->v[cs->n++] = c;
}

static void cl_text(struct clusters *cs, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		size_t j = i + (k > 0 ? (size_t)k : 1);
		while (j < n) {
			ucs4_t m;
			int mk = u8_mbtouc(&m, (const uint8_t *)s + j, n - j);
			if (!uc_is_general_category(m, UC_CATEGORY_Mn))
				break;
			j += mk > 0 ? (size_t)mk : 1;
		}
		/* a tatweel stretches a justified line: not text */
		if (c != 0x640) {
			struct cluster cl = { c == ' ' ? NULL : s + i, j - i, -1, 0, c, 0, 0 };
			if (c != ' ' || !cs->n || cs->v[cs->n - 1].c != ' ')
				cl_add(cs, cl);
		}
		i = j;
	}
}

/* Brackets around left-to-right text inside right-to-left text come out of the reordering
 * the wrong way round when the page set them mirrored (")2020(" for "(2020)"): in reading
 * order a closing bracket, text without a right-to-left letter or a bracket, then an
 * opening one, are turned back. Markers stay where they are (their offsets do not move). */
static void unmirror(struct tbuf *t, size_t from)
{
	for (size_t i = from; i < t->n; i++) {
		if (t->s[i] != ')')
			continue;
		size_t j = i + 1;
		int ok = 1;
		while (j < t->n && t->s[j] != '(' && ok) {
			ucs4_t c;
			int k = u8_mbtouc(&c, (const uint8_t *)t->s + j, t->n - j);
			ok = !rtl_char(c) && c != ')' && c != '[' && c != ']';
			j += k > 0 ? (size_t)k : 1;
		}
		if (ok && j < t->n && j > i + 1) {
			t->s[i] = '(';
			t->s[j] = ')';
			i = j;
		}
	}
}

/* The clusters in reading order into t: markers placed, *cut set where the space `cut`
 * (an index, or -1) falls. */
static void cl_logical(const struct clusters *cs, long cut, struct tbuf *t, size_t *cutp)
{
	size_t n = cs->n, from = t->n;
	if (!n)
		return;
	FriBidiChar *u = malloc(n * sizeof *u);
	FriBidiCharType *ty = malloc((n ? n : 1) * sizeof *ty);
	FriBidiBracketType *br = malloc((n ? n : 1) * sizeof *br);
	FriBidiLevel *lv = malloc((n ? n : 1) * sizeof *lv);
	FriBidiStrIndex *map = malloc((n ? n : 1) * sizeof *map);
	if (!u || !ty || !br || !lv || !map) {
		t->oom = 1;
	} else {
		for (size_t i = 0; i < n; i++) {
			u[i] = cs->v[i].c;
			map[i] = (FriBidiStrIndex)i;
		}
		/* A pair of brackets the page set mirrored around left-to-right text reads
		 * ")Part I(" left to right: turned round, the algorithm pairs them. */
		for (size_t i = 0; i < n; i++) {
			if (u[i] != ')')
				continue;
			size_t j = i + 1;
			while (j < n && u[j] != '(' && u[j] != ')' && !rtl_char(u[j]) && cs->v[j].mark < 0)
				j++;
			if (j < n && u[j] == '(' && j > i + 1) {
				u[i] = '(';
				u[j] = ')';
				i = j;
			}
		}
		FriBidiParType dir = FRIBIDI_PAR_RTL;
		fribidi_get_bidi_types(u, (FriBidiStrIndex)n, ty);
		fribidi_get_bracket_types(u, (FriBidiStrIndex)n, ty, br);
		if (!fribidi_get_par_embedding_levels_ex(ty, br, (FriBidiStrIndex)n, &dir, lv)
		    || !fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT, ty, (FriBidiStrIndex)n, 0, dir, lv,
		                             NULL, map))
			for (size_t i = 0; i < n; i++)
				map[i] = (FriBidiStrIndex)(n - 1 - i);   /* at least read from the right */
		for (size_t i = 0; i < n; i++) {
			const struct cluster *c = &cs->v[map[i]];
			if (c->mark >= 0) {
				for (int k = 0; k < c->nmark; k++)
					tb_mark(t, t->n, cs->nums[c->mark + k]);
			} else if (c->c == ' ') {
				if ((long)map[i] == cut && !*cutp)
					*cutp = t->n;
				if (t->n && t->s[t->n - 1] != ' ')
					tb_put(t, " ", 1);
			} else if (c->c != u[map[i]]) {
				char b = (char)u[map[i]];          /* a bracket turned round */
				tb_put(t, &b, 1);
			} else {
				tb_put(t, c->s, c->n);
			}
		}
		while (t->n && t->s[t->n - 1] == ' ')
			t->s[--t->n] = '\0';
#ifdef PDF_DEBUG
		fprintf(stderr, "fribidi: |%.*s|\n", (int)(t->n - from), t->s + from);
#endif
		unmirror(t, from);
	}
	free(u);
	free(ty);
	free(br);
	free(lv);
	free(map);
}

/* Adds a finished line to L (taking its text and marks). */
static void line_add(struct ctx *c, struct line *ln, struct tbuf *t)
{
	ln->text = t->s ? t->s : strdup("");
	ln->n = t->n;
	ln->marks = t->m;
	ln->nmarks = t->nm;
	struct lines *L = &c->L;
	if (ln->text && L->n == L->cap) {
		size_t cap = L->cap ? L->cap * 2 : 256;
		struct line *nv = realloc(L->v, cap * sizeof *nv);
		if (nv) {
			L->v = nv;
			L->cap = cap;
		}
	}
	if (!ln->text || L->n == L->cap) {
		free(ln->text);
		free(ln->marks);
		c->oom = 1;
		return;
	}
	L->v[L->n++] = *ln;
}

/* A right-to-left line's spans (ix[0..n), sorted left to right) -> ln and t. */
static void rtl_line(struct ctx *c, const size_t *ix, size_t n, float size, float base,
                     struct line *ln, struct tbuf *t, size_t *bold, size_t *italic, size_t *chars)
{
	const struct pdf_span *sp = c->doc->spans;
	float width = c->doc->pages[ln->page].w;
	struct clusters cs;
	memset(&cs, 0, sizeof cs);
	float edge = 0, lo = 1e9f, hi = -1e9f;
	for (size_t i = 0; i < n; i++) {
		const struct pdf_span *s = &sp[ix[i]];
		int nums[8];
		size_t used = 1;
		int k = marker_at(sp, ix, n, i, size, base, nums, &used);
		if (k >= 0) {
			if (cs.n && s->x0 - edge > 0.15f * size && cs.v[cs.n - 1].c != ' ') {
				struct cluster gap = { NULL, 0, -1, 0, ' ', s->x0 - edge, s->x0 };
				cl_add(&cs, gap);
			}
			if (cs.nnums + k <= 64) {
				struct cluster m = { NULL, 0, cs.nnums, k, 0xFFFC, 0, 0 };
				for (int j = 0; j < k; j++)
					cs.nums[cs.nnums++] = nums[j];
				cl_add(&cs, m);
			}
			for (size_t j = i; j < i + used; j++)
				edge = sp[ix[j]].x1 > edge ? sp[ix[j]].x1 : edge;
			i += used - 1;
			continue;
		}
		if (cs.n && s->x0 - edge > 0.15f * size) {
			struct cluster sp1 = { NULL, 0, -1, 0, ' ', s->x0 - edge, s->x0 };
			if (cs.v[cs.n - 1].c == ' ')
				cs.v[cs.n - 1] = sp1;
			else
				cl_add(&cs, sp1);
		}
		cl_text(&cs, s->s, s->n);
		lo = s->x0 < lo ? s->x0 : lo;
		hi = s->x1 > hi ? s->x1 : hi;
		edge = s->x1;
		*chars += s->n;
		*bold += s->flags & PF_BOLD ? s->n : 0;
		*italic += s->flags & PF_ITALIC ? s->n : 0;
	}
	/* a footnote's own number opens the line: at its right end */
	size_t e = cs.n;
	while (e > 0 && cs.v[e - 1].c == ' ')
		e--;
	if (e > 0 && cs.v[e - 1].mark >= 0 && cs.v[e - 1].nmark <= 1) {
		ln->lead = cs.v[e - 1].nmark ? cs.nums[cs.v[e - 1].mark] : 0;
		cs.n = e - 1;
	}
	/* the leading cell: the text right of the rightmost wide gap, when it is short */
	long cut = -1;
	size_t bytes = 0;
	for (size_t i = cs.n; i > 0; i--) {
		const struct cluster *cl = &cs.v[i - 1];
		if (cl->c == ' ' && cl->gap > 1.2f * size && bytes && bytes <= 12) {
			cut = (long)i - 1;
			/* the text read after the cell ends at the gap's left edge */
			ln->text_x = width - (cl->x - cl->gap);
			break;
		}
		bytes += cl->n;
		if (bytes > 12)
			break;
	}
	/* A footnote's number in brackets first on the line (at its right end: "(2)") is read
	 * first, whatever the reordering would make of digits beside a run of Latin. */
	/* The leading cell (right of the wide gap), or a footnote's number in brackets first
	 * on the line ("(2)" at its right end), is read on its own and first, whatever the
	 * reordering would make of digits beside a run of Latin. */
	size_t first = cs.n;
	int paren = 0, digits = 0;
	while (first > 0 && cs.v[first - 1].mark < 0 && cs.v[first - 1].c < 0x80
	       && (uc_is_digit(cs.v[first - 1].c) || cs.v[first - 1].c == '('
	           || cs.v[first - 1].c == ')')) {
		paren += cs.v[first - 1].c == '(' || cs.v[first - 1].c == ')';
		digits += uc_is_digit(cs.v[first - 1].c) != 0;
		first--;
	}
	int label = paren == 2 && digits && digits <= 4 && cs.n - first == (size_t)digits + 2
	            && first > 0 && cs.v[first - 1].c == ' ';
	size_t cell = cut >= 0 ? (size_t)cut + 1 : label ? first : cs.n;
	if (!cs.oom && cell < cs.n) {
		if (label && cell == first) {
			tb_put(t, "(", 1);
			for (size_t i = first; i < cs.n; i++)
				if (uc_is_digit(cs.v[i].c))
					tb_put(t, cs.v[i].s, cs.v[i].n);
			tb_put(t, ")", 1);
		} else {
			struct clusters head = cs;
			head.v = cs.v + cell;
			head.n = cs.n - cell;
			size_t ignore = 0;
			cl_logical(&head, -1, t, &ignore);
		}
		if (cut >= 0)
			ln->cut = t->n;
		tb_put(t, " ", 1);
		cs.n = cell - 1;
		cut = -1;
	}
	if (!cs.oom)
		cl_logical(&cs, cut, t, &ln->cut);
	t->oom |= cs.oom;
	free(cs.v);
	if (hi >= lo) {
		ln->x0 = width - hi;
		ln->x1 = width - lo;
	}
}

/* One line (the spans ix[0..n), on one baseline and without a wide gap) -> L. A line of
 * right-to-left text has its x coordinates mirrored (x is the distance from the page's
 * right edge), so that the paragraph rules (indents, columns, short last lines) hold for
 * both directions. */
static void line_make(struct ctx *c, int page, size_t *ix, size_t n)
{
	const struct pdf_span *sp = c->doc->spans;
	g_spans = sp;
	float size = main_size(sp, ix, n);
	float base = 0;
	for (size_t i = 0; i < n; i++) {
		const struct pdf_span *s = &sp[ix[i]];
		if (fabsf(s->size - size) < 0.05f)
			base = s->base;
	}
	if (n > 1)
		qsort(ix, n, sizeof *ix, by_x);
	struct tbuf t;
	memset(&t, 0, sizeof t);
	struct line ln;
	memset(&ln, 0, sizeof ln);
	ln.page = page;
	ln.base = base;
	ln.size = size;
	ln.lead = -1;
	ln.x0 = 1e9f;
	ln.x1 = -1e9f;
	/* the document's direction, not the line's letters: a line of symbols in an Arabic
	 * footnote is still read from the right */
	ln.rtl = c->rtl ? 1 : 0;
	size_t bold = 0, italic = 0, chars = 0;
	for (size_t i = 0; i < n; i++)
		ln.barcode |= (sp[ix[i]].flags & PF_BARCODE) != 0;
	if (ln.rtl) {
		rtl_line(c, ix, n, size, base, &ln, &t, &bold, &italic, &chars);
	} else {
		float prev_edge = 0;
		int any = 0;
		for (size_t i = 0; i < n; i++) {
			const struct pdf_span *s = &sp[ix[i]];
			int nums[8];
			size_t used = 1;
			int k = marker_at(sp, ix, n, i, size, base, nums, &used);
			/* "m2", "km2": a unit's exponent, not a marker */
			if (k == 1 && t.n && t.s[t.n - 1] == 'm' && (nums[0] == 2 || nums[0] == 3))
				k = -1;
			if (k >= 0) {
				if (!any && k <= 1) {
					/* a footnote's own number, or "*": a note on the document itself;
					 * or a marker carried over to the line's start. The line starts
					 * where it does. */
					ln.lead = k ? nums[0] : 0;
					ln.x0 = s->x0 < ln.x0 ? s->x0 : ln.x0;
				}
				else
					for (int j = 0; j < k; j++)
						tb_mark(&t, t.n, nums[j]);
				for (size_t j = i; j < i + used; j++)
					prev_edge = sp[ix[j]].x1 > prev_edge ? sp[ix[j]].x1 : prev_edge;
				i += used - 1;
				continue;
			}
			float gap = any || ln.lead >= 0 ? s->x0 - prev_edge : 0;
			/* beside a Chinese character only a wide gap is a space */
			float need = t.n && (cjk(last_cp(t.s, t.n)) || cjk(first_cp(s->s, s->n))) ? 0.6f : 0.15f;
			if (any && gap > need * size && t.n && t.s[t.n - 1] != ' ') {
				/* the first wide gap after a short start sets a number or label apart */
				if (!ln.cut && gap > 1.2f * size && t.n <= 12) {
					ln.cut = t.n;
					ln.text_x = s->x0;
				}
				tb_put(&t, " ", 1);
			}
			tb_put(&t, s->s, s->n);
			any = 1;
			ln.x0 = s->x0 < ln.x0 ? s->x0 : ln.x0;
			ln.x1 = s->x1 > ln.x1 ? s->x1 : ln.x1;
			chars += s->n;
			bold += s->flags & PF_BOLD ? s->n : 0;
			italic += s->flags & PF_ITALIC ? s->n : 0;
			prev_edge = s->x1;
		}
	}
	if (t.oom) {
		tb_free(&t);
		c->oom = 1;
		return;
	}
	if (!t.n && ln.lead < 0 && !t.nm) {
		tb_free(&t);
		return;
	}
	if (ln.x1 < ln.x0)
		ln.x0 = ln.x1 = ln.rtl ? c->doc->pages[page].w - sp[ix[0]].x1 : sp[ix[0]].x0;
	if (!ln.cut)
		ln.text_x = ln.x0;
	ln.bold = bold * 2 > chars;
	ln.italic = italic * 2 > chars;
	line_add(c, &ln, &t);
}

/* Whether the spans before a wide gap are only a number or label that the text after it
 * belongs to ("1" and its footnote set off by a tab, "12." before its paragraph). */
static int label_before(const struct pdf_span *sp, const size_t *v, size_t n, float gap,
                        float size)
{
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		const struct pdf_span *s = &sp[v[i]];
		len += s->n;
		for (size_t k = 0; k < s->n; k++)
			if (!strchr("0123456789().-abcdefghijklmnopqrstuvwxyzIVX*", s->s[k]))
				return 0;
	}
	return len <= 6 && gap < 12.0f * size;
}

/* A page's spans -> lines, top to bottom. */
static void page_lines(struct ctx *c, int page)
{
	const struct pdf_page *pg = &c->doc->pages[page];
	const struct pdf_span *sp = c->doc->spans;
	size_t *ix = malloc((pg->n ? pg->n : 1) * sizeof *ix);
	size_t *grp = malloc((pg->n ? pg->n : 1) * sizeof *grp);   /* cluster starts */
	if (!ix || !grp) {
		free(ix);
		free(grp);
		c->oom = 1;
		return;
	}
	size_t n = 0;
	for (size_t i = 0; i < pg->n; i++)
		if (sp[pg->first + i].dir != 'v')
			ix[n++] = pg->first + i;
	g_spans = sp;
	if (n > 1)
		qsort(ix, n, sizeof *ix, by_base);
	/* clusters of spans on one baseline */
	size_t ng = 0;
	for (size_t i = 0; i < n; i++) {
		if (ng == 0) {
			grp[ng++] = i;
			continue;
		}
		const struct pdf_span *ref = &sp[ix[grp[ng - 1]]];
		const struct pdf_span *s = &sp[ix[i]];
		float tol = 0.25f * (s->size < ref->size ? s->size : ref->size);
		if (s->base - ref->base > tol)
			grp[ng++] = i;
	}
	/* A cluster of small text just above a line is raised into it (markers, a footnote's
	 * number); one just below the line above is lowered into that (subscripts). The merged
	 * spans stay in base order, which line_make does not need. */
	size_t *keep = calloc(ng ? ng : 1, sizeof *keep);
	if (!keep) {
		free(ix);
		free(grp);
		c->oom = 1;
		return;
	}
	for (size_t g = 0; g < ng; g++)
		keep[g] = 1;
	for (size_t g = 0; g < ng; g++) {
		size_t a = grp[g], e = g + 1 < ng ? grp[g + 1] : n;
		float ms = max_size(sp, ix + a, e - a);
		float b0 = sp[ix[a]].base;
		if (g + 1 < ng) {
			size_t a2 = grp[g + 1], e2 = g + 2 < ng ? grp[g + 2] : n;
			float ms2 = max_size(sp, ix + a2, e2 - a2);
			float b2 = sp[ix[a2]].base;
			if (ms <= 0.85f * ms2 && b2 - b0 <= 0.7f * ms2 && b2 > b0) {
				keep[g + 1] = 0;     /* merged: g now runs to e2 */
				grp[g + 1] = a;
				continue;
			}
		}
		if (g > 0 && keep[g]) {
			/* lowered into the line above */
			size_t p = g - 1;
			while (p > 0 && !keep[p])
				p--;
			size_t ap = grp[p];
			float msp = max_size(sp, ix + ap, a - ap);
			float bp = sp[ix[a - 1]].base;
			if (ms <= 0.85f * msp && b0 - bp <= 0.4f * msp && b0 > bp)
				keep[g] = 0;
		}
	}
	for (size_t g = 0; g < ng && !c->oom; g++) {
		if (!keep[g])
			continue;
		size_t a = grp[g], e = n;
		for (size_t h = g + 1; h < ng; h++)
			if (keep[h]) {
				e = grp[h];
				break;
			}
		/* split at wide gaps: a footer's page number and job number, the masthead's
		 * columns are lines of their own */
		size_t *v = ix + a;
		size_t m = e - a;
		if (m > 1)
			qsort(v, m, sizeof *v, by_x);
		float size = main_size(sp, v, m);
		size_t from = 0;
		float edge = sp[v[0]].x1;
		for (size_t i = 1; i <= m && !c->oom; i++) {
			if (i == m || (sp[v[i]].x0 - edge > 4.0f * size
			               && !label_before(sp, v + from, i - from, sp[v[i]].x0 - edge, size))) {
				line_make(c, page, v + from, i - from);
				from = i;
			}
			if (i < m && sp[v[i]].x1 > edge)
				edge = sp[v[i]].x1;
		}
	}
	free(keep);
	free(ix);
	free(grp);
}

/* ---- what the document's body looks like ---- */

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return (x > y) - (x < y);
}

/* The smallest value of v[0..n) (in steps of `step`) that comes at least twice; the
 * smallest of all when none does. Sorts v. */
static float least_twice(float *v, size_t n, float step)
{
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		v[i] = roundf(v[i] / step) * step;
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_float);
	for (size_t i = 0; i + 1 < n; i++)
		if (v[i] == v[i + 1])
			return v[i];
	return v[0];
}

/* Body size (the size with the most characters), left edge, right edge and line pitch. */
struct sized {
	float size;
	size_t n;     /* characters */
	size_t line;
};

static int by_size(const void *a, const void *b)
{
	const struct sized *x = a, *y = b;
	return (x->size > y->size) - (x->size < y->size);
}

/* The body's size: the size of the first line (of the first 20,000) within 0.3 pt of whose
 * size most characters of the body are set. Sorted by size, the lines within 0.3 pt of one
 * are a run, found by two indexes that only move on: a whole document's thousands of lines
 * are not each compared with all the others. Sizes that are not finite are within 0.3 pt of
 * nothing. */
static int body_size(struct ctx *c)
{
	const struct lines *L = &c->L;
	struct sized *s = malloc((L->n ? L->n : 1) * sizeof *s);
	size_t *sum = malloc((L->n + 1) * sizeof *sum);
	size_t *chars = calloc(L->n ? L->n : 1, sizeof *chars);
	if (!s || !sum || !chars) {
		free(s);
		free(sum);
		free(chars);
		return -1;
	}
	size_t n = 0;
	for (size_t i = 0; i < L->n; i++)
		if (L->v[i].role == R_BODY && isfinite(L->v[i].size))
			s[n++] = (struct sized){ L->v[i].size, L->v[i].n, i };
	if (n > 1)
		qsort(s, n, sizeof *s, by_size);
	sum[0] = 0;
	for (size_t i = 0; i < n; i++)
		sum[i + 1] = sum[i] + s[i].n;
	for (size_t a = 0, lo = 0, hi = 0; a < n; a++) {
		while (s[a].size - s[lo].size >= 0.3f)
			lo++;
		if (hi < a)
			hi = a;
		while (hi + 1 < n && s[hi + 1].size - s[a].size < 0.3f)
			hi++;
		chars[s[a].line] = sum[hi + 1] - sum[lo];
	}
	float best = 0;
	size_t most = 0;
	for (size_t i = 0; i < L->n && i < 20000; i++)
		if (L->v[i].role == R_BODY && chars[i] > most) {
			most = chars[i];
			best = L->v[i].size;
		}
	c->body = best > 0 ? best : 10;
	free(s);
	free(sum);
	free(chars);
	return 0;
}

static void measure(struct ctx *c)
{
	struct lines *L = &c->L;
	float *v = malloc((L->n ? L->n : 1) * sizeof *v);
	float *w = malloc((L->n ? L->n : 1) * sizeof *w);
	if (!v || !w || body_size(c) != 0) {
		free(v);
		free(w);
		c->oom = 1;
		return;
	}
	size_t n = 0, m = 0;
	for (size_t i = 0; i < L->n; i++) {
		const struct line *l = &L->v[i];
		if (l->role != R_BODY || fabsf(l->size - c->body) > 0.1f * c->body)
			continue;
		v[n++] = l->x0;
		if (i > 0 && L->v[i - 1].page == l->page && L->v[i - 1].role == R_BODY) {
			float d = l->base - L->v[i - 1].base;
			if (d > 0.8f * c->body && d < 2.5f * c->body)
				w[m++] = d;
		}
	}
	/* The left edge is where continuation lines start: the leftmost place at least two
	 * lines of the body start at (first lines are indented; in a text of one-line
	 * paragraphs they are the most). The line pitch likewise is the smallest distance
	 * between lines that comes twice (paragraph gaps are larger and, there, more). */
	c->left = least_twice(v, n, 1.0f);
	c->pitch = m ? least_twice(w, m, 0.5f) : 1.2f * c->body;
	n = 0;
	for (size_t i = 0; i < L->n; i++)
		if (L->v[i].role == R_BODY && fabsf(L->v[i].size - c->body) <= 0.1f * c->body)
			v[n++] = L->v[i].x1;
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_float);
	c->right = n ? v[n * 9 / 10] : c->left + 400;
	free(v);
	free(w);
}

/* A marker that the line's end pushed onto a line of its own ("...的报告；" then "37" alone,
 * in Chinese): small digits right under a line of the body's size, where the next line
 * would stand. It goes to the end of that line. */
static void lone_markers(struct ctx *c)
{
	size_t o = 0;
	for (size_t i = 0; i < c->L.n; i++) {
		struct line *l = &c->L.v[i];
		int nums[8], k;
		if (o > 0 && l->size < 0.8f * c->body && l->nmarks == 0 && l->n && l->n <= 3
		    && (k = marker_numbers(l->text, l->n, nums, 8)) == 1) {
			struct line *p = &c->L.v[o - 1];
			float d = l->base - p->base;
			if (p->page == l->page && fabsf(p->size - c->body) < 0.1f * c->body && d > 0
			    && d < 1.6f * p->size && p->n) {
				struct mark *nm = realloc(p->marks, (p->nmarks + 1) * sizeof *nm);
				if (!nm) {
					c->oom = 1;
					return;
				}
				p->marks = nm;
				p->marks[p->nmarks].byte = p->n;
				p->marks[p->nmarks].footnote = nums[0];
				p->nmarks++;
				free(l->text);
				free(l->marks);
				continue;
			}
		}
		c->L.v[o++] = *l;
	}
	c->L.n = o;
}

/* ---- roles ---- */

static int hint(struct ctx *c, int page, enum furniture_kind k, const char *s, size_t n)
{
	if (furniture_hint(&c->metas[c->doc_of_page[page]], k, s, n)) {
		c->oom = 1;
		return -1;
	}
	return 0;
}

/* Text with its digits folded, for comparing running heads across pages. */
static int same_folded(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn)
		return 0;
	for (size_t i = 0; i < an; i++) {
		char x = a[i], y = b[i];
		if (x >= '0' && x <= '9')
			x = '0';
		if (y >= '0' && y <= '9')
			y = '0';
		if (x != y)
			return 0;
	}
	return 1;
}

/* Whether line i is in a page's top or bottom band. */
static int in_band(const struct ctx *c, const struct line *l)
{
	float h = c->doc->pages[l->page].h;
	return l->base < 0.12f * h || l->base > 0.88f * h;
}

/* Whether the same text (digits aside) stands in the same band of another page near it. */
static int repeated(const struct ctx *c, size_t i)
{
	const struct line *l = &c->L.v[i];
	int seen = 0;
	/* running heads repeat on every page or every other: the neighbours tell */
	size_t lo = i > 400 ? i - 400 : 0, hi = i + 400 < c->L.n ? i + 400 : c->L.n;
	for (size_t j = lo; j < hi; j++) {
		const struct line *o = &c->L.v[j];
		if (o->page == l->page || abs(o->page - l->page) > 4)
			continue;
		if (fabsf(o->base - l->base) <= 0.5f * l->size && same_folded(o->text, o->n, l->text, l->n))
			seen++;
	}
	return seen > 0;
}

/* Which document each page belongs to: a new one opens on a page whose first line is a
 * masthead's ("United Nations", in any language), as in a PDF of several resolutions. */
static void documents(struct ctx *c)
{
	size_t np = c->doc->npages ? c->doc->npages : 1;
	c->doc_of_page = calloc(np, sizeof *c->doc_of_page);
	c->metas = calloc(np, sizeof *c->metas);
	if (!c->doc_of_page || !c->metas) {
		c->oom = 1;
		return;
	}
	c->ndocs = 1;
	int page = -1;
	for (size_t i = 0; i < c->L.n; i++) {
		const struct line *l = &c->L.v[i];
		if (l->page == page || l->role != R_BODY)
			continue;
		for (int p = page + 1; p < l->page; p++)
			c->doc_of_page[p] = c->ndocs - 1;
		page = l->page;
		if (page > 0 && furniture_classify(l->text, l->n, 1) == FURN_MASTHEAD)
			c->ndocs++;
		c->doc_of_page[page] = c->ndocs - 1;
	}
	for (size_t p = (size_t)(page + 1); p < c->doc->npages; p++)
		c->doc_of_page[p] = c->ndocs - 1;
}

/* The masthead of the document opening at `first` (a line index): from the top of its page,
 * while lines are masthead furniture. */
static void masthead(struct ctx *c, size_t first)
{
	int after_distr = 0, after_agenda = 0;
	char date[11];
	int page = first < c->L.n ? c->L.v[first].page : -1;
	struct res_meta *h = page >= 0 ? &c->metas[c->doc_of_page[page]] : NULL;
	for (size_t i = first; i < c->L.n && c->L.v[i].page == page; i++) {
		struct line *l = &c->L.v[i];
		if (l->role != R_BODY)
			continue;
		if (after_agenda && after_agenda++ <= 3 && furniture_agenda_title(l->text, l->n)
		    && !l->bold) {
			l->role = R_MAST;
			continue;
		}
		after_agenda = 0;
		enum furniture_kind k = furniture_classify(l->text, l->n, 1);
		if (k == FURN_NONE && after_distr && lang_parse_date(l->text, l->n, date) == l->n) {
			if (!h->distributed && !(h->distributed = strdup(date)))
				c->oom = 1;
			l->role = R_MAST;
			after_distr = 0;
			continue;
		}
		if (k == FURN_NONE || k == FURN_RULE)
			break;
		after_distr = k == FURN_DISTR;
		after_agenda = k == FURN_AGENDA;
		l->role = R_MAST;
		hint(c, l->page, k, l->text, l->n);
	}
}

/* The rest of a running head whose symbol is known: on a page whose neighbours are not read
 * (the last page of an opening) the short title beside the symbol repeats nowhere. The lines
 * at a page's top set in the symbol's size, on its baseline or above it ("Political
 * declaration of ..." above and beside "A/RES/73/3"), are the head's: the body begins below
 * the head, and a masthead is its own. */
static void head_beside_symbol(struct ctx *c)
{
	for (size_t i = 0; i < c->L.n; i++) {
		const struct line *s = &c->L.v[i];
		if (s->role != R_FURN || s->base >= 0.12f * c->doc->pages[s->page].h
		    || furniture_classify(s->text, s->n, 0) != FURN_SYMBOL)
			continue;
		size_t j = i;
		while (j > 0 && c->L.v[j - 1].page == s->page)
			j--;
		for (; j < c->L.n && c->L.v[j].page == s->page; j++) {
			struct line *l = &c->L.v[j];
			if (l->role == R_BODY && l->base <= s->base + 0.5f * s->size
			    && fabsf(l->size - s->size) <= 0.5f
			    && furniture_classify(l->text, l->n, 1) == FURN_NONE)
				l->role = R_FURN;
		}
	}
}

static void furniture(struct ctx *c)
{
	for (size_t i = 0; i < c->L.n && !c->oom; i++) {
		struct line *l = &c->L.v[i];
		if (l->barcode) {
			l->role = R_FURN;
			continue;
		}
		if (furniture_is_rule(l->text, l->n)) {
			l->role = R_RULE;
			continue;
		}
		if (!in_band(c, l))
			continue;
		enum furniture_kind k = furniture_classify(l->text, l->n, 0);
		if (k == FURN_NONE && l->n < 64 && memchr(l->text, ')', l->n)) {
			/* "22-11924 )A(": a footer set in a right-to-left paragraph keeps its
			 * brackets mirrored */
			char t[64];
			for (size_t j = 0; j < l->n; j++)
				t[j] = l->text[j] == ')' ? '(' : l->text[j] == '(' ? ')' : l->text[j];
			if (furniture_classify(t, l->n, 0) != FURN_NONE) {
				k = furniture_classify(t, l->n, 0);
				memcpy(l->text, t, l->n);
			}
		}
		if (k == FURN_PAGE || k == FURN_JOB || k == FURN_BARCODE || k == FURN_SYMBOL
		    || k == FURN_RECYCLE) {
			l->role = R_FURN;
			hint(c, l->page, k, l->text, l->n);
		} else if (l->n < 200 && l->base < 0.12f * c->doc->pages[l->page].h && repeated(c, i)) {
			/* a running head: only at the top (footnotes at the foot repeat too:
			 * "12 Ibid." and "15 Ibid." at one height are not furniture) */
			l->role = R_FURN;
		}
	}
	head_beside_symbol(c);
}

/* The number a footnote line opens with: raised and small, or set apart at the line's size
 * ("1   See ..."); 0 if none. */
static int note_number(const struct line *l)
{
	if (l->lead > 0)
		return l->lead;
	if (!l->cut || l->cut > 6)
		return 0;
	int nums[1];
	return marker_numbers(l->text, l->cut, nums, 1) == 1 ? nums[0] : 0;
}

/* Where a page's footnotes begin: below its footnote rule, typed ("_____") or drawn (a
 * short line in its lower part with text under it that is not furniture); FLT_MAX without. */
static float rule_y(const struct ctx *c, size_t i, size_t e)
{
	const struct pdf_page *pg = &c->doc->pages[c->L.v[i].page];
	float best = 1e30f;
	for (size_t j = i; j < e; j++)
		if (c->L.v[j].role == R_RULE && c->L.v[j].base > 0.4f * pg->h && c->L.v[j].base < best)
			best = c->L.v[j].base;
	for (size_t r = pg->rule0; r < pg->rule0 + pg->nrules; r++) {
		const struct pdf_rule *ru = &c->doc->rules[r];
		float y = (ru->y0 + ru->y1) / 2;
		if (y < 0.4f * pg->h || y >= best || ru->x1 - ru->x0 > 0.6f * pg->w)
			continue;
		/* text below it, and the text just below it is smaller than the body's */
		for (size_t j = i; j < e; j++) {
			const struct line *l = &c->L.v[j];
			if (l->base <= y || l->role != R_BODY)
				continue;
			if (l->size < 0.95f * c->body)
				best = y;
			break;
		}
	}
	return best;
}

/* Each page's footnote zone: below its rule; without one, the run of smaller lines at its
 * foot that opens with a footnote's number. */
static void notes(struct ctx *c)
{
	size_t i = 0;
	while (i < c->L.n) {
		size_t e = i;
		while (e < c->L.n && c->L.v[e].page == c->L.v[i].page)
			e++;
		float y = rule_y(c, i, e);
		if (y < 1e29f) {
			for (size_t j = i; j < e; j++)
				if (c->L.v[j].role == R_BODY && c->L.v[j].base > y)
					c->L.v[j].role = R_NOTE;
		} else {
			size_t top = e;
			for (size_t j = e; j > i; j--) {
				const struct line *l = &c->L.v[j - 1];
				if (l->role == R_FURN)
					continue;
				if (l->role != R_BODY || l->size >= 0.92f * c->body)
					break;
				top = j - 1;
			}
			while (top < e && c->L.v[top].role != R_BODY)
				top++;
			if (top < e && note_number(&c->L.v[top]) > 0)
				for (size_t j = top; j < e; j++)
					if (c->L.v[j].role == R_BODY)
						c->L.v[j].role = R_NOTE;
		}
		i = e;
	}
	for (size_t j = 0; j < c->L.n; j++) {
		const struct line *l = &c->L.v[j];
		int v = l->role == R_NOTE ? note_number(l) : 0;
		if (v > 0 && v < 1024)
			c->notes_seen[v / 64] |= 1ull << (v % 64);
	}
}

/* ---- paragraphs ---- */

/* Whether a leading cell is a number or a label: "12.", "(a)", "a)", "IV.", "A.", "73/6.",
 * "1 -" in any script's digits. */
static int number_cell(const char *s, size_t n)
{
	if (!n || n > 12)
		return 0;
	if (s[0] == '(' && s[n - 1] == ')')
		return n >= 3;
	if (s[n - 1] == ')' || s[n - 1] == '.' || s[n - 1] == '-')
		return 1;
	ucs4_t c = first_cp(s, n);
	return uc_is_digit(c) || (c >= 0x660 && c <= 0x669);
}

/* Whether a word ending a line with "-" and the word opening the next are one hyphenated
 * word ("drug-|resistant"): UN documents do not break words at line ends, so a hyphen there
 * is the word's own unless the document spells the word without it elsewhere. */
struct words {
	uint64_t *v;
	size_t cap;
};

static uint64_t word_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch - 'A' + 'a');
		h = (h ^ ch) * 1099511628211u;
	}
	return h | 1;
}

static int word_char(unsigned char ch)
{
	return ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '-';
}

static void words_add(struct words *w, const char *s, size_t n)
{
	uint64_t h = word_hash(s, n);
	size_t k = (size_t)h & (w->cap - 1);
	while (w->v[k] && w->v[k] != h)
		k = (k + 1) & (w->cap - 1);
	w->v[k] = h;
}

static int words_has(const struct words *w, const char *s, size_t n)
{
	if (!w->v)
		return 0;
	uint64_t h = word_hash(s, n);
	size_t k = (size_t)h & (w->cap - 1);
	while (w->v[k]) {
		if (w->v[k] == h)
			return 1;
		k = (k + 1) & (w->cap - 1);
	}
	return 0;
}

static void words_build(struct ctx *c, struct words *w)
{
	size_t total = 0;
	for (size_t i = 0; i < c->L.n; i++)
		total += c->L.v[i].n / 4 + 1;
	size_t cap = 1024;
	while (cap < total * 2)
		cap *= 2;
	w->v = calloc(cap, sizeof *w->v);
	w->cap = cap;
	if (!w->v)
		return;     /* the rule then keeps every hyphen */
	for (size_t i = 0; i < c->L.n; i++) {
		const struct line *l = &c->L.v[i];
		for (size_t a = 0; a < l->n;) {
			while (a < l->n && !word_char((unsigned char)l->text[a]))
				a++;
			size_t e = a;
			while (e < l->n && word_char((unsigned char)l->text[e]))
				e++;
			/* a word that ends the line with its hyphen is not a spelling */
			if (e > a && !(e == l->n && l->text[e - 1] == '-'))
				words_add(w, l->text + a, e - a);
			a = e;
		}
	}
}

/* Whether the document's text is mostly Chinese (or Japanese): its lines break anywhere,
 * inside Latin words and symbols too ("A/CONF.4|8/14"), and never at a space. */
static int cjk_document(const struct lines *L)
{
	size_t yes = 0, all = 0;
	for (size_t i = 0; i < L->n && all < 20000; i++)
		for (size_t k = 0; k < L->v[i].n;) {
			ucs4_t c;
			int len = u8_mbtouc(&c, (const uint8_t *)L->v[i].text + k, L->v[i].n - k);
			if (c != ' ') {
				all++;
				yes += cjk(c);
			}
			k += len > 0 ? (size_t)len : 1;
		}
	return yes * 3 > all;
}

/* Appends line l to the paragraph in b (empty or not), joining across the line end. */
static void join_line(struct tbuf *b, const struct line *l, const struct words *w, int cjk_doc)
{
	size_t at = b->n;
	if (b->n) {
		ucs4_t a = last_cp(b->s, b->n), z = first_cp(l->text, l->n);
		int hyphen = b->s[b->n - 1] == '-' && b->n >= 2 && uc_is_alpha(last_cp(b->s, b->n - 1))
		             && uc_is_alpha(z);
		if (hyphen) {
			/* "drug-|resistant" stays one word with its hyphen; "pro-|tection" spelt
			 * "protection" elsewhere loses it */
			size_t s = b->n - 1;
			while (s > 0 && word_char((unsigned char)b->s[s - 1]) && b->s[s - 1] != '-')
				s--;
			size_t e = 0;
			while (e < l->n && word_char((unsigned char)l->text[e]) && l->text[e] != '-')
				e++;
			char joined[128];
			size_t ln = b->n - 1 - s;
			if (ln + e < sizeof joined) {
				memcpy(joined, b->s + s, ln);
				memcpy(joined + ln, l->text, e);
				if (words_has(w, joined, ln + e)) {
					b->n--;
					at = b->n;
				}
			}
		} else if (a == 0xAD) {
			b->n -= 2;          /* a soft hyphen: the word was broken there */
			at = b->n;
		} else if (!cjk(a) && !cjk(z) && !cjk_doc) {
			/* Chinese is broken anywhere, Latin words and symbols too ("A/CONF.4|8/14") */
			tb_put(b, " ", 1);
			at = b->n;
		}
	}
	tb_put(b, l->text, l->n);
	/* a marker opening the line belongs after the last word of the line before */
	if (l->lead > 0 && l->role == R_BODY)
		tb_mark(b, at > 0 && b->s[at - 1] == ' ' ? at - 1 : at, l->lead);
	for (size_t k = 0; k < l->nmarks; k++)
		tb_mark(b, at + l->marks[k].byte, l->marks[k].footnote);
}

/* Whether the text ends a clause: . ; : , and their full-width and Arabic forms. */
static int ends_clause(const char *s, size_t n)
{
	ucs4_t z = last_cp(s, n);
	return z == '.' || z == ';' || z == ':' || z == ',' || z == 0x3002 || z == 0xFF1B
	    || z == 0xFF1A || z == 0xFF0C || z == 0x061B || z == 0x060C;
}

/* A short line set far to the right of the body's edge, not centred: a closing formula
 * ("65th plenary meeting" over its date), a date or a signature; each stands alone. */
static int aside(const struct ctx *c, const struct line *l)
{
	return l->x0 > c->left + 8 * l->size && l->x1 - l->x0 < 0.6f * (c->right - c->left);
}

static int centred(const struct ctx *c, const struct line *l)
{
	float mid = (c->left + c->right) / 2, lm = (l->x0 + l->x1) / 2;
	return fabsf(mid - lm) < 1.5f * l->size && l->x0 > c->left + 2 * l->size
	    && l->x1 < c->right - 2 * l->size;
}

/* Whether line l (after prev, both body) opens a new paragraph. */
static int starts_paragraph(const struct ctx *c, const struct line *prev, const struct line *l,
                            int prev_alone)
{
	if (!prev || prev_alone)
		return 1;
	float tol = 0.6f * l->size;
	if (fabsf(l->size - prev->size) > 0.12f * prev->size || l->bold != prev->bold)
		return 1;
	if (l->cut && number_cell(l->text, l->cut))
		return 1;
	if (centred(c, l) || aside(c, l))
		return 1;
	float indent_ref = prev->cut ? prev->text_x : prev->x0;
	int indented = l->x0 > c->left + tol && l->x0 > indent_ref + tol;
	if (indented)
		return 1;
	int short_end = prev->x1 < c->right - 2.5f * prev->size && ends_clause(prev->text, prev->n);
	if (l->page != prev->page)
		return short_end;
	if (l->base - prev->base > 1.3f * c->pitch && l->base - prev->base > 1.3f * prev->size)
		return 1;
	return 0;
}

static int push(struct ctx *c, struct tbuf *b, enum block_zone zone, int page, int heading)
{
	if (b->oom) {
		c->oom = 1;
		return -1;
	}
	if (!b->n)
		return 0;
	if (blocks_push_marked(c->out, b->s, b->n, zone, 0, page, b->m, b->nm)) {
		c->oom = 1;
		return -1;
	}
	c->out->v[c->out->n - 1].heading = heading;
	tb_clear(b);
	return 0;
}

/* A paragraph that ends in a clause's punctuation and then digits ("UNISPACE+50,1"): the
 * digits are a marker set at the body's size by mistake (a paragraph never ends in a
 * number), when the document has that footnote. */
static void end_marker(struct ctx *c, struct tbuf *b)
{
	size_t e = b->n, k = e;
	while (k > 0 && e - k < 3 && b->s[k - 1] >= '0' && b->s[k - 1] <= '9')
		k--;
	if (k == e || k == 0 || b->s[k] == '0' || !strchr(",;.:", b->s[k - 1]))
		return;
	int v = 0;
	for (size_t i = k; i < e; i++)
		v = v * 10 + (b->s[i] - '0');
	for (size_t i = 0; i < b->nm; i++)
		if (b->m[i].byte > k)
			return;
	if (v <= 0 || v >= (int)(8 * sizeof c->notes_seen) || !(c->notes_seen[v / 64] & (1ull << (v % 64))))
		return;
	b->n = k;
	b->s[k] = '\0';
	tb_mark(b, k, v);
}

/* A block set apart as a heading: every line bold, or a short centred one, and not a clause. */
static int heading_block(const struct tbuf *b, int nlines, int bold, int centre)
{
	if (!b->n || b->n >= 300 || ends_clause(b->s, b->n))
		return 0;
	return bold == nlines || (centre && nlines <= 3);
}

static void body(struct ctx *c, const struct words *w, size_t from, size_t to)
{
	struct tbuf b;
	memset(&b, 0, sizeof b);
	const struct line *prev = NULL;
	int prev_alone = 0, page = 0, nlines = 0, bold = 0, centre = 0;
	for (size_t i = from; i < to && !c->oom; i++) {
		const struct line *l = &c->L.v[i];
		if (l->role != R_BODY)
			continue;
		struct line cur = *l;
		if (starts_paragraph(c, prev, l, prev_alone)) {
			/* a marker carried over to the start of the line goes with the paragraph
			 * it ends */
			if (cur.lead > 0 && b.n) {
				tb_mark(&b, b.n, cur.lead);
				cur.lead = -1;
			}
			end_marker(c, &b);
			push(c, &b, ZONE_BODY, page, heading_block(&b, nlines, bold, centre));
			page = c->doc->pages[l->page].no;
			nlines = bold = centre = 0;
		}
		join_line(&b, &cur, w, c->cjk);
		/* a centred line stands alone (a heading, "Annex"), and a line set aside */
		prev_alone = centred(c, l) || aside(c, l);
		nlines++;
		bold += l->bold;
		centre |= centred(c, l);
		prev = l;
	}
	end_marker(c, &b);
	push(c, &b, ZONE_BODY, page, heading_block(&b, nlines, bold, centre));
	tb_free(&b);
}

/* A footnote line's number written at the text's size without a gap ("(2) A/CONF.157/24",
 * "7 See ..."): the bytes of the number and *num; 0 if the line opens otherwise. */
static size_t label_number(const char *s, size_t n, int *num)
{
	size_t i = s[0] == '(' ? 1 : 0, b = i;
	int v = 0;
	while (i < n && i - b < 4 && s[i] >= '0' && s[i] <= '9')
		v = v * 10 + (s[i++] - '0');
	if (i == b || (b && (i >= n || s[i++] != ')')) || i >= n || s[i] != ' ' || v <= 0)
		return 0;
	*num = v;
	return i;
}

/* Footnotes, in order, after the body: split where a line opens with a footnote number, a
 * zone opening without one going on from the footnote before (on the page before). */
static void footnotes(struct ctx *c, const struct words *w, size_t from, size_t to)
{
	struct tbuf b;
	memset(&b, 0, sizeof b);
	int page = 0, open = 0, skip = 0, last = 0;
	for (size_t i = from; i < to && !c->oom; i++) {
		const struct line *l = &c->L.v[i];
		if (l->role != R_NOTE)
			continue;
		int num = note_number(l);
		const char *s = l->text;
		size_t n = l->n;
		size_t label = 0;
		if (num <= 0 && l->lead < 0 && (label = label_number(s, n, &num)) && num != last + 1) {
			label = 0;          /* a number that is not the next footnote's: text */
			num = 0;
		}
		if (l->lead == 0) {
			/* "* Reissued for technical reasons": a note on the document, not the text */
			push(c, &b, ZONE_FOOTNOTE, page, 0);
			skip = 1;
			continue;
		}
		if (skip && num <= 0)
			continue;
		skip = 0;
		if (num > 0) {
			push(c, &b, ZONE_FOOTNOTE, page, 0);
			page = c->doc->pages[l->page].no;
			last = num;
			char head[16];
			int hn = snprintf(head, sizeof head, "%d ", num);
			tb_put(&b, head, (size_t)hn);
			size_t k = 0;
			if (l->lead <= 0) {
				/* the number was the leading cell: the text follows it */
				k = label ? label : l->cut;
				while (k < n && s[k] == ' ')
					k++;
			}
			size_t at = b.n;
			tb_put(&b, s + k, n - k);
			for (size_t j = 0; j < l->nmarks; j++)
				if (l->marks[j].byte >= k)
					tb_mark(&b, at + l->marks[j].byte - k, l->marks[j].footnote);
			open = 1;
			continue;
		}
		if (!open) {
			/* a footnote going on from a page before this document's first: nothing to
			 * join it to; it starts a block of its own, which the builder joins */
			page = c->doc->pages[l->page].no;
			open = 1;
		}
		join_line(&b, l, w, c->cjk);
	}
	push(c, &b, ZONE_FOOTNOTE, page, 0);
	tb_free(&b);
}

static void meta_free(struct res_meta *m)
{
	char **f[] = { &m->symbol, &m->organ, &m->number, &m->title, &m->adopted, &m->session,
	               &m->agenda_item, &m->report, &m->meeting, &m->distributed, &m->language,
	               &m->vote, &m->job };
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		free(*f[i]);
}

static void lines_free(struct lines *L)
{
	for (size_t i = 0; i < L->n; i++) {
		free(L->v[i].text);
		free(L->v[i].marks);
	}
	free(L->v);
	memset(L, 0, sizeof *L);
}

/* Whether most of the document's letters are of a right-to-left script (Arabic). */
static int rtl_document(const struct pdf_doc *doc)
{
	size_t rtl = 0, ltr = 0;
	for (size_t i = 0; i < doc->nspans && rtl + ltr < 200000; i++)
		count_dirs(doc->spans[i].s, doc->spans[i].n, &rtl, &ltr);
	return rtl > ltr;
}

int pdf_layout(const struct pdf_doc *doc, struct block_list *out, struct parse_diag *d)
{
	struct ctx c;
	memset(&c, 0, sizeof c);
	c.doc = doc;
	c.out = out;
	c.d = d;
	c.rtl = rtl_document(doc);
	for (size_t p = 0; p < doc->npages && !c.oom; p++)
		page_lines(&c, (int)p);
	if (!c.oom) {
		measure(&c);
		lone_markers(&c);
		documents(&c);
	}
	for (size_t i = 0; i < c.L.n && !c.oom; i++)
		if (i == 0 || (c.L.v[i].page != c.L.v[i - 1].page
		               && c.doc_of_page[c.L.v[i].page] != c.doc_of_page[c.L.v[i - 1].page]))
			masthead(&c, i);
	if (!c.oom) {
		furniture(&c);
		measure(&c);
		notes(&c);
	}
#ifdef PDF_DEBUG
	for (size_t i = 0; i < c.L.n; i++) {
		const struct line *l = &c.L.v[i];
		fprintf(stderr, "p%d r%d b%.1f s%.1f x%.1f-%.1f tx%.1f cut%zu lead%d bold%d m%zu |%s|\n",
		        l->page, l->role, l->base, l->size, l->x0, l->x1, l->text_x, l->cut, l->lead,
		        l->bold, l->nmarks, l->text);
	}
#endif
	c.cjk = cjk_document(&c.L);
	struct words w = { NULL, 0 };
	if (!c.oom)
		words_build(&c, &w);
	/* each document: its hints, its body, then its footnotes */
	for (size_t i = 0; i < c.L.n && !c.oom;) {
		int dn = c.doc_of_page[c.L.v[i].page];
		size_t e = i;
		while (e < c.L.n && c.doc_of_page[c.L.v[e].page] == dn)
			e++;
		struct res_meta *h = blocks_doc_hints(out, out->n);
		if (!h) {
			c.oom = 1;
			break;
		}
		*h = c.metas[dn];
		memset(&c.metas[dn], 0, sizeof c.metas[dn]);
		body(&c, &w, i, e);
		if (!c.oom)
			footnotes(&c, &w, i, e);
		i = e;
	}
	if (!c.oom && blocks_merge_hints(out))
		c.oom = 1;
	free(w.v);
	lines_free(&c.L);
	for (int k = 0; c.metas && k < c.ndocs; k++)
		meta_free(&c.metas[k]);
	free(c.metas);
	free(c.doc_of_page);
	out->exact_marks = 1;
	return c.oom ? -1 : 0;
}
