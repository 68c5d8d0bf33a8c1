/* fidelity.c: `make fidelity`: how close gavel's model of a resolution read from each shape
 * people have (text extracted from the PDF, markdown, the PDF itself) comes to its model of
 * the UN's own XML (AKN4UN) of the same resolution, measure by measure. It is the instrument
 * the text readers are tuned with, so it says exactly what differs and where (--verbose).
 *
 * Usage: fidelity [--verbose] [--markdown] [--min [SHAPE:]MEASURE=PERCENT]... [CORPUS]
 * CORPUS holds akn/ga and akn/sc (the gold) and the shapes' folders (the table below).
 * Exit: 0, 1 when a --min threshold is not met, 64 bad usage, 66 no corpus. */
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

static void load_golds(const char *corpus)
{
	for (size_t g = 0; g < sizeof gold_dirs / sizeof *gold_dirs; g++) {
		char dir[4096];
		snprintf(dir, sizeof dir, "%s/%s", corpus, gold_dirs[g]);
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

static void usage(FILE *f)
{
	fprintf(f,
"Usage: fidelity [--verbose] [--markdown] [--min [SHAPE:]MEASURE=PERCENT]... [CORPUS]\n"
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
"  --min SPEC    exit 1 when a shape's share of documents right on MEASURE (of footnote\n"
"                texts or markers right, for those two) is under PERCENT: exact=95,\n"
"                txt:marks=90\n");
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
			if (value_of(&probe, mins[nmins].measure) < 0) {
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
	print_totals(tot);
	int rc = 0;
	for (size_t k = 0; k < nmins; k++)
		for (size_t s = 0; s < NSHAPES; s++) {
			if (mins[k].shape && strcmp(mins[k].shape, shapes[s].name) != 0)
				continue;
			if (!tot[s].pairs)
				continue;
			double v = value_of(&tot[s], mins[k].measure);
			if (v < mins[k].pct) {
				fprintf(stderr, "fidelity: %s %s %.1f%% is under %.1f%%\n", shapes[s].name,
				        mins[k].measure, v, mins[k].pct);
				rc = 1;
			}
		}
	for (size_t i = 0; i < ngolds; i++) {
		free(golds[i].symbol);
		free(golds[i].path);
	}
	free(golds);
	return rc;
}
