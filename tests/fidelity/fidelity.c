/* fidelity.c: `make fidelity`: how close gavel's model of a resolution read from each shape
 * people have (text extracted from the PDF, markdown, the PDF itself) comes to its model of
 * the UN's own XML (AKN4UN) of the same resolution, measure by measure. It is the instrument
 * the text readers are tuned with, so it says exactly what differs and where (--verbose).
 *
 * Texts that have no XML (CORPUS/sc-more: Security Council resolutions 1946-1994 as printed
 * in the volumes, named S_RES_0789_1992_*.txt) are checked by rules any right model meets
 * instead, one line each (ok, or the checks failing with the place), and a total per check:
 *   symbol    the symbol the file name spells ("S/RES/789 (1992)")
 *   date      an adoption date, in the year of the symbol
 *   op        at least one operative paragraph
 *   op-ids    each numbered operative paragraph is op<number> ("paragraph 8" is op8), and
 *             the numbering runs on without a gap (a part may start it again)
 *   numbered  footnotes numbered without gaps from the first one
 *   cited     every footnote cited by a marker (in a paragraph or the vote line)
 *   markers   no marker left as digits in a paragraph: glued to a word ("Rights1",
 *             "Congo,7", "(1967)3"), "1/", after a year ("1966 4 that"), before a
 *             symbol after punctuation ("S/9525, 26 S/9528"), or a bare number after the
 *             paragraph's last punctuation ("Mission II, 275")
 *   closing   no closing line in a paragraph ("Adopted unanimously at the 1286th meeting",
 *             "... plenary meeting")
 *   fn-body   no footnote body as a paragraph or inside one ("4 Ibid., Supplement ...",
 *             "1/ S/24830.", "Official Records of ...")
 *
 * Usage: fidelity [--verbose] [--markdown] [--min [SHAPE:]MEASURE=PERCENT]... [--gold DIR]...
 *        [CORPUS]
 * CORPUS holds akn/ga and akn/sc (the gold), the shapes' folders (the table below) and
 * sc-more. Exit: 0, 1 when a --min threshold is not met, 64 bad usage, 66 no corpus. */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "doc/parse.h"

/* The shapes compared with the XML: one row each (a new shape is one row). Files are paired
 * with the XML by the symbol their name spells: A_RES_80_10.txt, A_RES_73_3-EN.pdf. */
static const struct shape_dir {
	const char *name;
	const char *dir;        /* under the corpus */
	const char *suffix;
} shapes[] = {
	{ "txt", "extracted/ga-80", ".txt" },
	{ "md",  "extracted/ga-80", ".md" },
	{ "pdf", "pdf",             ".pdf" },
};
#define NSHAPES (sizeof shapes / sizeof *shapes)

/* The gold: every XML resolution in these folders, known by its symbol. */
static const char *const gold_dirs[] = { "akn/ga", "akn/sc" };

enum measure { M_SYMBOL, M_DATE, M_MEETING, M_PP, M_OP, M_ITEMS, M_HEADINGS, M_ANNEX,
	M_FOOTNOTES, M_MARKS, NMEASURES };

static const char *const measure_names[NMEASURES] = {
	[M_SYMBOL] = "symbol", [M_DATE] = "date", [M_MEETING] = "meeting", [M_PP] = "pp",
	[M_OP] = "op", [M_ITEMS] = "items", [M_HEADINGS] = "headings", [M_ANNEX] = "annex",
	[M_FOOTNOTES] = "footnotes", [M_MARKS] = "marks",
};

static int verbose, markdown;

/* ---- small helpers ---- */

static char *xstrdup(const char *s)
{
	char *t = strdup(s ? s : "");
	if (!t) {
		fprintf(stderr, "fidelity: out of memory\n");
		exit(EX_OSERR);
	}
	return t;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fprintf(stderr, "fidelity: out of memory\n");
		exit(EX_OSERR);
	}
	return p;
}

/* Text compared as people read it: runs of white space (and no-break spaces) as one space,
 * soft hyphens dropped, trimmed. Caller frees. */
static char *norm(const char *s, size_t n)
{
	char *o = xrealloc(NULL, n + 1);
	size_t k = 0;
	int space = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xC2 && i + 1 < n && ((unsigned char)s[i + 1] == 0xA0 || (unsigned char)s[i + 1] == 0xAD)) {
			space |= (unsigned char)s[i + 1] == 0xA0;
			i++;
			continue;
		}
		if (isspace(c)) {
			space = 1;
			continue;
		}
		if (space && k)
			o[k++] = ' ';
		space = 0;
		o[k++] = (char)c;
	}
	o[k] = '\0';
	return o;
}

/* Cuts s after its first `chars` characters. */
static void cut_chars(char *s, size_t chars)
{
	size_t i = 0, c = 0;
	for (; s[i] && c < chars; c++)
		for (i++; ((unsigned char)s[i] & 0xC0) == 0x80; i++)
			;
	s[i] = '\0';
}

/* Whether two texts read the same (their first `chars` characters when not 0). */
static int same_text(const char *a, size_t an, const char *b, size_t bn, size_t chars)
{
	char *x = norm(a, an), *y = norm(b, bn);
	if (chars) {
		cut_chars(x, chars);
		cut_chars(y, chars);
	}
	int eq = strcmp(x, y) == 0;
	free(x);
	free(y);
	return eq;
}

/* The word a marker follows: the characters back to the space before it. Caller frees. */
static char *word_before(const struct para *p, size_t byte)
{
	size_t e = byte <= p->text_len ? byte : p->text_len, b = e;
	while (b > 0 && p->text[b - 1] != ' ')
		b--;
	return norm(p->text + b, e - b);
}

/* A short quote of a paragraph for --verbose. */
static void quote(const struct para *p)
{
	char *t = norm(p->text ? p->text : "", p->text_len);
	printf("%s «%.70s%s»", p->id, t, strlen(t) > 70 ? "…" : "");
	free(t);
}

/* ---- what one model holds ---- */

struct mk {
	int fn;
	char *word;
	int para;
	int used;
};

struct view {
	const struct resolution *res;
	int *pp, *op, *items, *heads, *apara, *aitems, *aheads, *fns;
	size_t npp, nop, nitems, nheads, napara, naitems, naheads, nfns;
	struct mk *mks;
	size_t nmks;
};

static void push(int **v, size_t *n, int i)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = i;
}

static void view_of(const struct resolution *r, struct view *v)
{
	memset(v, 0, sizeof *v);
	v->res = r;
	for (size_t i = 0; i < r->npara; i++) {
		const struct para *p = &r->paras[i];
		int in_annex = p->annex >= 0;
		switch (p->kind) {
		case PARA_PREAMBLE: push(&v->pp, &v->npp, (int)i); break;
		case PARA_OPERATIVE: push(&v->op, &v->nop, (int)i); break;
		case PARA_SUB:
			if (in_annex)
				push(&v->aitems, &v->naitems, (int)i);
			else if (p->num)
				push(&v->items, &v->nitems, (int)i);
			break;
		case PARA_ANNEX_HEADING:
			if (in_annex)
				push(&v->aheads, &v->naheads, (int)i);
			else
				push(&v->heads, &v->nheads, (int)i);
			break;
		case PARA_ANNEX: push(&v->apara, &v->napara, (int)i); break;
		case PARA_FOOTNOTE: push(&v->fns, &v->nfns, (int)i); break;
		default: break;
		}
		for (size_t k = 0; k < p->nmarks; k++) {
			v->mks = xrealloc(v->mks, (v->nmks + 1) * sizeof *v->mks);
			struct mk *m = &v->mks[v->nmks++];
			m->fn = p->marks[k].footnote;
			m->word = word_before(p, p->marks[k].byte);
			m->para = (int)i;
			m->used = 0;
		}
	}
}

static void view_free(struct view *v)
{
	free(v->pp), free(v->op), free(v->items), free(v->heads), free(v->apara);
	free(v->aitems), free(v->aheads), free(v->fns);
	for (size_t i = 0; i < v->nmks; i++)
		free(v->mks[i].word);
	free(v->mks);
}

/* ---- the measures ---- */

struct result {
	int ok[NMEASURES];
	char how[NMEASURES][64];        /* "11/13", "12 (xml 11)" */
	int fn_right, fn_total, mk_right, mk_total;
};

static const char *str(const char *s)
{
	return s ? s : "-";
}

static void meta_measure(struct result *r, enum measure m, const char *got, const char *want,
                         int fold)
{
	r->ok[m] = got && want && (fold ? strcasecmp(got, want) == 0 : strcmp(got, want) == 0);
	if (!r->ok[m])
		snprintf(r->how[m], sizeof r->how[m], "%.28s (xml %.28s)", str(got), str(want));
}

/* Counts and, for --verbose, the first paragraph where two lists part. */
static void list_measure(struct result *r, enum measure m, const struct view *g, const int *gi,
                         size_t gn, const struct view *x, const int *xi, size_t xn, int by_id)
{
	int eq = gn == xn;
	size_t first = gn < xn ? gn : xn;
	for (size_t k = 0; k < (gn < xn ? gn : xn); k++) {
		const struct para *a = &g->res->paras[gi[k]], *b = &x->res->paras[xi[k]];
		int same = by_id ? strcmp(a->id, b->id) == 0
		                 : same_text(a->text, a->text_len, b->text, b->text_len, 40);
		if (!same) {
			eq = 0;
			first = k;
			break;
		}
	}
	r->ok[m] = eq;
	if (eq)
		return;
	if (gn != xn)
		snprintf(r->how[m], sizeof r->how[m], "%zu (xml %zu)", gn, xn);
	else
		snprintf(r->how[m], sizeof r->how[m], "%zu, #%zu differs", gn, first + 1);
	if (verbose) {
		printf("    %-9s #%-4zu shape: ", measure_names[m], first + 1);
		if (first < gn)
			quote(&g->res->paras[gi[first]]);
		else
			printf("(none)");
		printf("\n                      xml: ");
		if (first < xn)
			quote(&x->res->paras[xi[first]]);
		else
			printf("(none)");
		printf("\n");
	}
}

static int find_fn(const struct view *v, const char *num)
{
	for (size_t k = 0; k < v->nfns; k++)
		if (v->res->paras[v->fns[k]].num && num && strcmp(v->res->paras[v->fns[k]].num, num) == 0)
			return v->fns[k];
	return -1;
}

static void footnote_measure(struct result *r, const struct view *g, const struct view *x)
{
	int right = 0, shown = 0;
	for (size_t k = 0; k < x->nfns; k++) {
		const struct para *b = &x->res->paras[x->fns[k]];
		int gi = find_fn(g, b->num);
		const struct para *a = gi >= 0 ? &g->res->paras[gi] : NULL;
		if (a && same_text(a->text, a->text_len, b->text, b->text_len, 0)) {
			right++;
			continue;
		}
		if (verbose && !shown++) {
			printf("    %-9s %-5s shape: ", "footnotes", b->num ? b->num : "?");
			if (a)
				quote(a);
			else
				printf("(missing)");
			printf("\n                      xml: ");
			quote(b);
			printf("\n");
		}
	}
	r->fn_right = right;
	r->fn_total = (int)x->nfns;
	r->ok[M_FOOTNOTES] = right == (int)x->nfns && g->nfns == x->nfns;
	if (!r->ok[M_FOOTNOTES])
		snprintf(r->how[M_FOOTNOTES], sizeof r->how[M_FOOTNOTES], "%d/%zu right, %zu read", right,
		         x->nfns, g->nfns);
}

/* Each marker of the XML: found in the shape, citing the same footnote after the same word. */
static void mark_measure(struct result *r, struct view *g, const struct view *x)
{
	int right = 0, shown = 0;
	for (size_t k = 0; k < g->nmks; k++)
		g->mks[k].used = 0;
	for (size_t k = 0; k < x->nmks; k++) {
		const struct mk *b = &x->mks[k];
		int hit = 0;
		for (size_t j = 0; j < g->nmks && !hit; j++) {
			struct mk *a = &g->mks[j];
			if (!a->used && a->fn == b->fn && strcmp(a->word, b->word) == 0)
				a->used = hit = 1;
		}
		right += hit;
		if (!hit && verbose && !shown++) {
			printf("    %-9s fn%-3d shape:", "marks", b->fn);
			int any = 0;
			for (size_t j = 0; j < g->nmks; j++)
				if (g->mks[j].fn == b->fn) {
					printf("%s after «%s» in %s", any++ ? ";" : "", g->mks[j].word,
					       g->res->paras[g->mks[j].para].id);
					if (any >= 3)
						break;
				}
			printf("%s\n                      xml: after «%s» in %s\n", any ? "" : " (none)",
			       b->word, x->res->paras[b->para].id);
		}
	}
	size_t extra = 0;
	for (size_t j = 0; j < g->nmks; j++)
		extra += !g->mks[j].used;
	r->mk_right = right;
	r->mk_total = (int)x->nmks;
	r->ok[M_MARKS] = right == (int)x->nmks && extra == 0;
	if (!r->ok[M_MARKS])
		snprintf(r->how[M_MARKS], sizeof r->how[M_MARKS], "%d/%zu right%s", right, x->nmks,
		         extra ? ", more read" : "");
}

static void annex_measure(struct result *r, const struct view *g, const struct view *x)
{
	size_t ga = g->res->nannexes, xa = x->res->nannexes;
	r->ok[M_ANNEX] = ga == xa && g->napara == x->napara && g->naitems == x->naitems
	              && g->naheads == x->naheads;
	if (!r->ok[M_ANNEX])
		snprintf(r->how[M_ANNEX], sizeof r->how[M_ANNEX], "%zu/%zu/%zu/%zu (xml %zu/%zu/%zu/%zu)",
		         ga, g->napara, g->naitems, g->naheads, xa, x->napara, x->naitems, x->naheads);
}

static void compare(const struct resolution *shape, const struct resolution *gold, struct result *r)
{
	struct view g, x;
	memset(r, 0, sizeof *r);
	view_of(shape, &g);
	view_of(gold, &x);
	meta_measure(r, M_SYMBOL, shape->meta.symbol, gold->meta.symbol, 0);
	meta_measure(r, M_DATE, shape->meta.adopted, gold->meta.adopted, 0);
	meta_measure(r, M_MEETING, shape->meta.meeting, gold->meta.meeting, 1);
	list_measure(r, M_PP, &g, g.pp, g.npp, &x, x.pp, x.npp, 0);
	list_measure(r, M_OP, &g, g.op, g.nop, &x, x.op, x.nop, 1);
	list_measure(r, M_ITEMS, &g, g.items, g.nitems, &x, x.items, x.nitems, 1);
	list_measure(r, M_HEADINGS, &g, g.heads, g.nheads, &x, x.heads, x.nheads, 0);
	annex_measure(r, &g, &x);
	footnote_measure(r, &g, &x);
	mark_measure(r, &g, &x);
	view_free(&g);
	view_free(&x);
}

/* ---- the corpus ---- */

struct gold {
	char *symbol;
	char *path;
};

static struct gold *golds;
static size_t ngolds;

static int ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && strcmp(s + a - b, suf) == 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files of a folder with this suffix, sorted. */
static char **list_dir(const char *dir, const char *suffix, size_t *n)
{
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	char **v = NULL;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !ends_with(e->d_name, suffix))
			continue;
		v = xrealloc(v, (*n + 1) * sizeof *v);
		v[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		if (*n > 1)
			qsort(v, *n, sizeof *v, cmp_name);
	return v;
}

static struct collection *load(const char *path)
{
	struct collection *col = NULL;
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	if (parse_file(path, INPUT_AUTO, &col, &d) != 0) {
		if (verbose)
			printf("    %s: %s\n", path, d.reason);
		return NULL;
	}
	return col;
}

/* Folders of gold written for documents that have no XML of their own (--gold: the corpus's
 * official PDFs, whose gold was written by reading them, tests/data/pdf/gold). */
static const char *extra_gold[8];
static size_t nextra;

static void load_golds(const char *corpus)
{
	for (size_t g = 0; g < sizeof gold_dirs / sizeof *gold_dirs + nextra; g++) {
		char dir[4096];
		if (g < sizeof gold_dirs / sizeof *gold_dirs)
			snprintf(dir, sizeof dir, "%s/%s", corpus, gold_dirs[g]);
		else
			snprintf(dir, sizeof dir, "%s", extra_gold[g - sizeof gold_dirs / sizeof *gold_dirs]);
		size_t n;
		char **names = list_dir(dir, ".xml", &n);
		for (size_t i = 0; i < n; i++) {
			char path[8192];
			snprintf(path, sizeof path, "%s/%s", dir, names[i]);
			struct collection *col = load(path);
			if (col && col->ndocs && col->docs[0]->meta.symbol) {
				golds = xrealloc(golds, (ngolds + 1) * sizeof *golds);
				golds[ngolds].symbol = xstrdup(col->docs[0]->meta.symbol);
				golds[ngolds].path = xstrdup(path);
				ngolds++;
			}
			collection_free(col);
			free(names[i]);
		}
		free(names);
	}
}

/* "A_RES_80_10.txt", "A_RES_73_3-EN.pdf" -> "A/RES/80/10". */
static void symbol_of_name(const char *name, char *out, size_t size)
{
	size_t k = 0;
	for (const char *p = name; *p && *p != '-' && *p != '.' && k + 1 < size; p++)
		out[k++] = *p == '_' ? '/' : *p;
	out[k] = '\0';
}

static const struct gold *gold_of(const char *symbol)
{
	for (size_t i = 0; i < ngolds; i++)
		if (strcmp(golds[i].symbol, symbol) == 0)
			return &golds[i];
	return NULL;
}

/* ---- totals and thresholds ---- */

struct total {
	int pairs, exact, right[NMEASURES], fn_right, fn_total, mk_right, mk_total, unpaired;
};

struct min {
	const char *shape;      /* NULL: every shape */
	const char *measure;    /* a measure's name, "exact", "footnote-texts" or "markers" */
	double pct;
};

static double pct(int a, int b)
{
	return b ? 100.0 * a / b : 100.0;
}

/* The percentage a threshold is about, for one shape's totals; -1 for an unknown measure. */
static double value_of(const struct total *t, const char *measure)
{
	if (strcmp(measure, "exact") == 0)
		return pct(t->exact, t->pairs);
	if (strcmp(measure, "footnote-texts") == 0)
		return pct(t->fn_right, t->fn_total);
	if (strcmp(measure, "markers") == 0)
		return pct(t->mk_right, t->mk_total);
	for (int m = 0; m < NMEASURES; m++)
		if (strcmp(measure, measure_names[m]) == 0)
			return pct(t->right[m], t->pairs);
	return -1;
}

static void print_totals(const struct total *tot)
{
	if (markdown) {
		printf("\n| shape | pairs | exact |");
		for (int m = 0; m < NMEASURES; m++)
			printf(" %s |", measure_names[m]);
		printf(" footnote texts | markers |\n|---|---|---|");
		for (int m = 0; m < NMEASURES; m++)
			printf("---|");
		printf("---|---|\n");
		for (size_t s = 0; s < NSHAPES; s++) {
			const struct total *t = &tot[s];
			printf("| %s | %d | %d |", shapes[s].name, t->pairs, t->exact);
			for (int m = 0; m < NMEASURES; m++)
				printf(" %d |", t->right[m]);
			printf(" %d/%d | %d/%d |\n", t->fn_right, t->fn_total, t->mk_right, t->mk_total);
		}
		return;
	}
	printf("\nTotals (documents right on each measure, of the pairs with the XML):\n");
	printf("%-5s %5s %6s", "shape", "pairs", "exact");
	for (int m = 0; m < NMEASURES; m++)
		printf(" %*s", (int)(strlen(measure_names[m]) > 5 ? strlen(measure_names[m]) : 5),
		       measure_names[m]);
	printf(" %12s %12s\n", "fn-texts", "markers");
	for (size_t s = 0; s < NSHAPES; s++) {
		const struct total *t = &tot[s];
		printf("%-5s %5d %6d", shapes[s].name, t->pairs, t->exact);
		for (int m = 0; m < NMEASURES; m++)
			printf(" %*d", (int)(strlen(measure_names[m]) > 5 ? strlen(measure_names[m]) : 5),
			       t->right[m]);
		char a[32], b[32];
		snprintf(a, sizeof a, "%d/%d", t->fn_right, t->fn_total);
		snprintf(b, sizeof b, "%d/%d", t->mk_right, t->mk_total);
		printf(" %12s %12s", a, b);
		if (t->unpaired)
			printf("  (%d without XML)", t->unpaired);
		printf("\n");
	}
}

/* ---- sc-more: texts without XML, checked by rules ---- */

/* CORPUS/sc-more/ holds Security Council texts that have no XML: each is checked against
 * rules any correct model must meet (see the file's head). A check fails with an excerpt of
 * the first place it fails. */
enum sc_check { SC_SYMBOL, SC_DATE, SC_OP, SC_OPIDS, SC_NUMBERED, SC_CITED, SC_MARKERS,
	SC_CLOSING, SC_FNBODY, NSC };

static const char *const sc_names[NSC] = {
	[SC_SYMBOL] = "symbol", [SC_DATE] = "date", [SC_OP] = "op", [SC_OPIDS] = "op-ids",
	[SC_NUMBERED] = "numbered",
	[SC_CITED] = "cited", [SC_MARKERS] = "markers", [SC_CLOSING] = "closing",
	[SC_FNBODY] = "fn-body",
};

static const char sc_dir[] = "sc-more";

struct sc_total {
	int docs, all, right[NSC];
};

static int sc_measure(const char *measure)
{
	for (int c = 0; c < NSC; c++)
		if (strcmp(measure, sc_names[c]) == 0)
			return c;
	return strcmp(measure, "all") == 0 ? NSC : -1;
}

/* "S_RES_0789_1992_EN_GOLD.txt" -> "S/RES/789 (1992)" and its year; 0 when the name spells
 * no symbol. */
static int sc_symbol_of_name(const char *name, char *out, size_t size, char *year)
{
	unsigned num, yr;
	if (sscanf(name, "S_RES_%u_%u", &num, &yr) != 2)
		return 0;
	snprintf(out, size, "S/RES/%u (%u)", num, yr);
	snprintf(year, 5, "%04u", yr % 10000);
	return 1;
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* The trailing punctuation a token may carry after a marker. */
static int is_tail(int c)
{
	return c && strchr(",.;:)\"'", c) != NULL;
}

/* Whether a token is a run of 1-3 digits, and nothing else. */
static int short_number(const char *t, size_t n)
{
	if (n < 1 || n > 3)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!is_digit((unsigned char)t[i]))
			return 0;
	return 1;
}

/* Where in this text a footnote marker was left as digits, or -1: a word with digits glued to
 * it ("Rights1", "Council,2", "(1967)3"), a "1/" marker of the printed volumes, a spaced
 * marker after a year ("1966 4 that") or after the paragraph's closing punctuation
 * (", and Mission II, 275" at its end). Symbols (anything with a "/" in it), "Add.1" and
 * "1,000" are not markers. */
static long marker_left(const char *s, size_t n)
{
	size_t i = 0, prev_b = 0, prev_e = 0;
	int have_prev = 0;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		size_t b = i;
		while (i < n && s[i] != ' ')
			i++;
		size_t e = i, core = e;
		while (core > b && is_tail((unsigned char)s[core - 1]))
			core--;
		int slash_marker = core > b && s[core - 1] == '/';
		if (slash_marker)
			core--;
		if (slash_marker && short_number(s + b, core - b))
			return (long)b;                 /* "1/" */
		size_t d = core;
		while (d > b && is_digit((unsigned char)s[d - 1]))
			d--;
		int has_slash = memchr(s + b, '/', e - b) != NULL;
		if (!has_slash && d < core && core - d <= 3 && d > b) {
			unsigned char c = (unsigned char)s[d - 1];
			int glued = (c >= 'a' && c <= 'z') || c == ')' || c == ';' || c == ':'
			         || (c == ',' && d - 1 > b && !is_digit((unsigned char)s[d - 2]));
			if (glued)
				return (long)b;         /* "Rights1", "Council,2" */
		}
		if (short_number(s + b, e - b) && have_prev) {
			/* a bare number after a year, before a word in lower case */
			int year = prev_e - prev_b == 4 && (s[prev_b] == '1' || s[prev_b] == '2')
			        && short_number(s + prev_b, 3) && is_digit((unsigned char)s[prev_b + 3]);
			size_t k = e;
			while (k < n && s[k] == ' ')
				k++;
			if (year && k < n && s[k] >= 'a' && s[k] <= 'z')
				return (long)b;         /* "1966 4 that" */
			/* between punctuation and a document's symbol: "S/9525, 26 S/9528" */
			size_t ke = k;
			while (ke < n && s[ke] != ' ')
				ke++;
			if (k < n && is_tail((unsigned char)s[prev_e - 1]) && memchr(s + k, '/', ke - k)
			    && ke - k > 2 && s[k] >= 'A' && s[k] <= 'Z')
				return (long)b;
			/* the paragraph's last word, a bare number after its punctuation */
			if (k >= n && is_tail((unsigned char)s[prev_e - 1]) && s[prev_e - 1] != ')')
				return (long)b;         /* "Mission II, 275" */
		}
		prev_b = b, prev_e = e, have_prev = 1;
	}
	return -1;
}

static const char *const closing_words[] = { "at ", "unanimously", "without ", "by ", "on " };

/* Where a closing line ("Adopted at the 80th meeting", "Adopted unanimously at the 1286th
 * meeting", "... plenary meeting") stands in a paragraph's text, or -1. */
static long closing_in(const char *s, size_t n)
{
	for (size_t i = 0; i + 8 < n; i++) {
		if (strncmp(s + i, "Adopted ", 8) != 0)
			continue;
		size_t k = i;
		while (k > 0 && s[k - 1] == ' ')
			k--;
		if (k > 0 && !strchr(".;:,)", s[k - 1]) && !is_digit((unsigned char)s[k - 1]))
			continue;               /* "as Adopted by" in a title */
		for (size_t w = 0; w < sizeof closing_words / sizeof *closing_words; w++)
			if (strncmp(s + i + 8, closing_words[w], strlen(closing_words[w])) == 0)
				return (long)i;
	}
	static const char pm[] = "plenary meeting";
	for (size_t i = 0; i + sizeof pm - 1 <= n; i++)
		if (strncmp(s + i, pm, sizeof pm - 1) == 0) {
			size_t k = i + sizeof pm - 1;
			while (k < n && (s[k] == '.' || s[k] == ' '))
				k++;
			if (k == n)
				return (long)i;
		}
	return -1;
}

/* How footnote bodies open ("1/ S/24830.", "4 Ibid., Supplement ...", "Official Records
 * of the Security Council, ..."). */
static int body_opening(const char *s, size_t n)
{
	static const char *const opens[] = { "Ibid", "Official Records", "See ", "Document S/",
		"Documents S/", "S/", "A/" };
	for (size_t k = 0; k < sizeof opens / sizeof *opens; k++) {
		size_t l = strlen(opens[k]);
		if (n > l && strncmp(s, opens[k], l) == 0)
			return l < 3 ? is_digit((unsigned char)s[l]) : 1;
	}
	return 0;
}

/* Where a footnote's body stands in a paragraph's text, or -1: the whole paragraph is one
 * (it opens like one), or a body follows a bare number or "N/" inside it. */
static long body_in(const char *s, size_t n)
{
	if (body_opening(s, n))
		return 0;
	for (size_t i = 0; i < n; i++) {
		/* at the start or after a sentence's end: "... 1286th meeting. 4 Ibid.,
		 * Supplement ..." (a marker before a symbol, "S/9525, 26 S/9528", is the markers
		 * check's) */
		if (i > 0 && (s[i - 1] != ' ' || i < 2 || !strchr(".;:", s[i - 2])))
			continue;
		size_t d = i;
		while (d < n && is_digit((unsigned char)s[d]))
			d++;
		if (d == i || d - i > 3)
			continue;
		if (d < n && s[d] == '/')
			d++;
		if (d < n && s[d] == ' ' && body_opening(s + d + 1, n - d - 1))
			return (long)i;
	}
	return -1;
}

/* "in pp2 «Congo,7 in which»": the place a check failed, from the word before it. */
static void sc_excerpt(char *how, size_t size, const struct para *p, long at)
{
	size_t b = (size_t)at;
	while (b > 0 && p->text[b - 1] == ' ')
		b--;
	while (b > 0 && p->text[b - 1] != ' ')
		b--;
	char *t = norm(p->text + b, p->text_len - b);
	cut_chars(t, 36);
	snprintf(how, size, "in %s «%s»", p->id, t);
	free(t);
}

/* The checks of one document: ok[c] and, for those failing, how[c]. */
static void sc_check(const struct resolution *r, const char *symbol, const char *year,
                     int ok[NSC], char how[NSC][96])
{
	for (int c = 0; c < NSC; c++)
		ok[c] = 1, how[c][0] = '\0';
	ok[SC_SYMBOL] = r->meta.symbol && strcmp(r->meta.symbol, symbol) == 0;
	if (!ok[SC_SYMBOL])
		snprintf(how[SC_SYMBOL], sizeof how[0], "%.40s", str(r->meta.symbol));
	const char *a = r->meta.adopted;
	ok[SC_DATE] = a && strlen(a) == 10 && strncmp(a, year, 4) == 0 && a[4] == '-' && a[7] == '-';
	if (!ok[SC_DATE])
		snprintf(how[SC_DATE], sizeof how[0], "%.40s", str(a));
	size_t nop = 0;
	int last = 0, first = 1, last_op = 0, last_part = -1;
	for (size_t i = 0; i < r->npara; i++) {
		const struct para *p = &r->paras[i];
		const char *t = p->text ? p->text : "";
		if (p->kind == PARA_OPERATIVE) {
			nop++;
			/* "paragraph 8" is op8 (b.op8 in part B) */
			const char *o = p->id ? strstr(p->id, "op") : NULL;
			if (p->num && ok[SC_OPIDS] && (!o || strcmp(o + 2, p->num) != 0)) {
				ok[SC_OPIDS] = 0;
				snprintf(how[SC_OPIDS], sizeof how[0], "%s numbered %s", str(p->id), p->num);
			}
			/* and the numbering runs on without a gap (a part may start it again) */
			int v = p->num ? atoi(p->num) : 0;
			if (v && ok[SC_OPIDS] && last_op && p->part == last_part && v != last_op + 1) {
				ok[SC_OPIDS] = 0;
				snprintf(how[SC_OPIDS], sizeof how[0], "%s after %d", str(p->id), last_op);
			}
			if (v)
				last_op = v, last_part = p->part;
		}
		if (p->kind == PARA_FOOTNOTE) {
			char *end = NULL;
			long v = p->num ? strtol(p->num, &end, 10) : -1;
			if (ok[SC_NUMBERED] && (v < 0 || !end || *end || (!first && v != last + 1))) {
				ok[SC_NUMBERED] = 0;
				snprintf(how[SC_NUMBERED], sizeof how[0], "%s after %d", str(p->num), last);
			}
			last = (int)v, first = 0;
			int cited = 0;
			for (size_t j = 0; j < r->npara && !cited; j++)
				for (size_t k = 0; k < r->paras[j].nmarks && !cited; k++)
					cited = r->paras[j].marks[k].footnote == v;
			for (size_t k = 0; k < r->meta.nvote_marks && !cited; k++)
				cited = r->meta.vote_marks[k].footnote == v;     /* the vote line's */
			if (!cited && ok[SC_CITED]) {
				ok[SC_CITED] = 0;
				snprintf(how[SC_CITED], sizeof how[0], "footnote %s", str(p->num));
			}
			continue;
		}
		long at;
		if (ok[SC_MARKERS] && (at = marker_left(t, p->text_len)) >= 0) {
			ok[SC_MARKERS] = 0;
			sc_excerpt(how[SC_MARKERS], sizeof how[0], p, at);
		}
		if (ok[SC_CLOSING] && (at = closing_in(t, p->text_len)) >= 0) {
			ok[SC_CLOSING] = 0;
			sc_excerpt(how[SC_CLOSING], sizeof how[0], p, at);
		}
		if (ok[SC_FNBODY] && (at = body_in(t, p->text_len)) >= 0) {
			ok[SC_FNBODY] = 0;
			sc_excerpt(how[SC_FNBODY], sizeof how[0], p, at);
		}
	}
	ok[SC_OP] = nop > 0;
	if (!ok[SC_OP])
		snprintf(how[SC_OP], sizeof how[0], "none of %zu paragraphs", r->npara);
}

/* Reads and checks every text of CORPUS/sc-more; prints a line each unless --markdown. */
static void sc_more(const char *corpus, struct sc_total *t)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/%s", corpus, sc_dir);
	size_t n;
	char **names = list_dir(dir, ".txt", &n);
	for (size_t i = 0; i < n; i++) {
		char sym[64], year[5], path[8192];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (!sc_symbol_of_name(names[i], sym, sizeof sym, year)) {
			if (!markdown)
				printf("sc   %-18s no symbol in the name (%s)\n", "?", names[i]);
			free(names[i]);
			continue;
		}
		t->docs++;
		struct collection *col = load(path);
		int ok[NSC];
		char how[NSC][96];
		if (!col || !col->ndocs) {
			if (!markdown)
				printf("sc   %-18s cannot be read\n", sym);
			collection_free(col);
			free(names[i]);
			continue;
		}
		sc_check(col->docs[0], sym, year, ok, how);
		int all = 1;
		for (int c = 0; c < NSC; c++) {
			all &= ok[c];
			t->right[c] += ok[c];
		}
		t->all += all;
		if (!markdown) {
			printf("sc   %-18s ", sym);
			if (all)
				printf("ok");
			for (int c = 0, f = 1; c < NSC; c++)
				if (!ok[c]) {
					printf("%s%s %s", f ? "" : " | ", sc_names[c], how[c]);
					f = 0;
				}
			printf("\n");
		}
		collection_free(col);
		free(names[i]);
	}
	free(names);
}

static void sc_print_totals(const struct sc_total *t)
{
	if (!t->docs)
		return;
	if (markdown) {
		printf("\n| sc-more | texts | all |");
		for (int c = 0; c < NSC; c++)
			printf(" %s |", sc_names[c]);
		printf("\n|---|---|---|");
		for (int c = 0; c < NSC; c++)
			printf("---|");
		printf("\n| | %d | %d |", t->docs, t->all);
		for (int c = 0; c < NSC; c++)
			printf(" %d |", t->right[c]);
		printf("\n");
		return;
	}
	printf("\nsc-more (texts right on each check, without XML):\n%-7s %5s %5s", "", "texts", "all");
	for (int c = 0; c < NSC; c++)
		printf(" %8s", sc_names[c]);
	printf("\n%-7s %5d %5d", "sc-more", t->docs, t->all);
	for (int c = 0; c < NSC; c++) {
		char a[32];
		snprintf(a, sizeof a, "%d/%d", t->right[c], t->docs);
		printf(" %8s", a);
	}
	printf("\n");
}

static void usage(FILE *f)
{
	fprintf(f,
"Usage: fidelity [--verbose] [--markdown] [--min [SHAPE:]MEASURE=PERCENT]... [--gold DIR]... [CORPUS]\n"
"Compares gavel's model of each shape of a resolution in CORPUS (");
	for (size_t s = 0; s < NSHAPES; s++)
		fprintf(f, "%s%s/*%s", s ? ", " : "", shapes[s].dir, shapes[s].suffix);
	fprintf(f, ")\nwith its model of the UN's XML of the same resolution (akn/ga, akn/sc).\n"
"Measures: exact, ");
	for (int m = 0; m < NMEASURES; m++)
		fprintf(f, "%s, ", measure_names[m]);
	fprintf(f, "footnote-texts, markers.\n"
"  --verbose     the first differing paragraph, footnote and marker of each document\n"
"  --markdown    the totals as a Markdown table (for the README)\n"
"  --gold DIR    more gold: AKN4UN XML written for documents without XML of their own\n"
"  --min SPEC    exit 1 when a shape's share of documents right on MEASURE (of footnote\n"
"                texts or markers right, for those two) is under PERCENT: exact=95,\n"
"                txt:marks=90, sc-more:cited=95, sc-more:all=90\n"
"\nsc-more/S_RES_*.txt (texts without XML) are checked by rules instead: symbol (the\n"
"one the file name spells), date (in its year), op (at least one operative paragraph),\n"
"op-ids (paragraph 8 is op8, no gap), numbered (footnotes without gaps), cited (each footnote\n"
"cited by a marker), markers (no marker left as digits: \"Rights1\", \"1/\", \"1966 4\n"
"that\", \", 275\" at the end), closing (no \"Adopted ... meeting\" line in a paragraph),\n"
"fn-body (no footnote body ""as or in a paragraph); all: every check.\n");
}

int main(int argc, char **argv)
{
	struct min mins[32];
	size_t nmins = 0;
	const char *corpus = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--verbose") == 0 || strcmp(a, "-v") == 0)
			verbose = 1;
		else if (strcmp(a, "--markdown") == 0)
			markdown = 1;
		else if (strcmp(a, "--gold") == 0 && i + 1 < argc && nextra < 8)
			extra_gold[nextra++] = argv[++i];
		else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 0;
		} else if ((strcmp(a, "--min") == 0 && i + 1 < argc) || strncmp(a, "--min=", 6) == 0) {
			const char *spec = a[5] == '=' ? a + 6 : argv[++i];
			char *s = xstrdup(spec), *eq = strchr(s, '='), *colon = strchr(s, ':');
			if (!eq || nmins == sizeof mins / sizeof *mins) {
				fprintf(stderr, "fidelity: --min wants [SHAPE:]MEASURE=PERCENT, not '%s'\n", spec);
				return EX_USAGE;
			}
			*eq = '\0';
			if (colon && colon < eq)
				*colon = '\0';
			mins[nmins].shape = colon && colon < eq ? s : NULL;
			mins[nmins].measure = colon && colon < eq ? colon + 1 : s;
			mins[nmins].pct = atof(eq + 1);
			struct total probe = { 0 };
			if (value_of(&probe, mins[nmins].measure) < 0 && sc_measure(mins[nmins].measure) < 0) {
				fprintf(stderr, "fidelity: unknown measure '%s'\n", mins[nmins].measure);
				return EX_USAGE;
			}
			nmins++;
		} else if (a[0] == '-') {
			fprintf(stderr, "fidelity: unknown option '%s'\n", a);
			usage(stderr);
			return EX_USAGE;
		} else
			corpus = a;
	}
	if (!corpus) {
		usage(stderr);
		return EX_USAGE;
	}
	load_golds(corpus);
	if (!ngolds) {
		fprintf(stderr, "fidelity: %s: no AKN4UN XML in akn/ga or akn/sc\n", corpus);
		return EX_NOINPUT;
	}
	struct total tot[NSHAPES];
	memset(tot, 0, sizeof tot);
	for (size_t s = 0; s < NSHAPES; s++) {
		char dir[4096];
		snprintf(dir, sizeof dir, "%s/%s", corpus, shapes[s].dir);
		size_t n;
		char **names = list_dir(dir, shapes[s].suffix, &n);
		for (size_t i = 0; i < n; i++) {
			char sym[256], path[8192];
			symbol_of_name(names[i], sym, sizeof sym);
			snprintf(path, sizeof path, "%s/%s", dir, names[i]);
			const struct gold *g = gold_of(sym);
			if (!g) {
				tot[s].unpaired++;
				if (!markdown)
					printf("%-4s %-14s no XML to compare with (%s)\n", shapes[s].name, sym, names[i]);
				free(names[i]);
				continue;
			}
			struct collection *gc = load(g->path), *sc = NULL;
			if (!markdown && verbose)
				printf("%-4s %-14s %s\n", shapes[s].name, sym, names[i]);
			sc = load(path);
			struct result r;
			memset(&r, 0, sizeof r);
			tot[s].pairs++;
			if (!gc || !sc || !sc->ndocs) {
				if (!markdown)
					printf("%-4s %-14s cannot be read\n", shapes[s].name, sym);
				tot[s].fn_total += 0;
			} else {
				compare(sc->docs[0], gc->docs[0], &r);
				int exact = 1;
				for (int m = 0; m < NMEASURES; m++) {
					exact &= r.ok[m];
					tot[s].right[m] += r.ok[m];
				}
				tot[s].exact += exact;
				tot[s].fn_right += r.fn_right;
				tot[s].fn_total += r.fn_total;
				tot[s].mk_right += r.mk_right;
				tot[s].mk_total += r.mk_total;
				if (!markdown) {
					printf("%-4s %-14s ", shapes[s].name, sym);
					if (exact)
						printf("exact");
					for (int m = 0, first = 1; m < NMEASURES; m++)
						if (!r.ok[m]) {
							printf("%s%s %s", first ? "" : " | ", measure_names[m], r.how[m]);
							first = 0;
						}
					printf("\n");
				}
			}
			collection_free(gc);
			collection_free(sc);
			free(names[i]);
		}
		free(names);
	}
	struct sc_total sct = { 0 };
	sc_more(corpus, &sct);
	print_totals(tot);
	sc_print_totals(&sct);
	int rc = 0;
	for (size_t k = 0; k < nmins; k++) {
		int c = sc_measure(mins[k].measure);
		if (c >= 0 && sct.docs && (!mins[k].shape || strcmp(mins[k].shape, sc_dir) == 0)) {
			double v = pct(c == NSC ? sct.all : sct.right[c], sct.docs);
			if (v < mins[k].pct) {
				fprintf(stderr, "fidelity: %s %s %.1f%% is under %.1f%%\n", sc_dir,
				        mins[k].measure, v, mins[k].pct);
				rc = 1;
			}
		}
		for (size_t s = 0; s < NSHAPES; s++) {
			if (mins[k].shape && strcmp(mins[k].shape, shapes[s].name) != 0)
				continue;
			if (!tot[s].pairs || value_of(&tot[s], mins[k].measure) < 0)
				continue;
			double v = value_of(&tot[s], mins[k].measure);
			if (v < mins[k].pct) {
				fprintf(stderr, "fidelity: %s %s %.1f%% is under %.1f%%\n", shapes[s].name,
				        mins[k].measure, v, mins[k].pct);
				rc = 1;
			}
		}
	}
	for (size_t i = 0; i < ngolds; i++) {
		free(golds[i].symbol);
		free(golds[i].path);
	}
	free(golds);
	return rc;
}
