/* cite.c: citations down to the paragraph, read forwards from a keyword ("paragraph",
 * "annex", "section") to the cited resolution's number, with one table of words per
 * language. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "library/cite.h"

/* The words of citations in one language. A word ending in '*' is a stem (any letters may
 * follow: "пункт*" is пункт, пункта, пункте); one ending in an apostrophe needs no word
 * boundary after it ("de l'annexe"). */
struct cite_words {
	const char *lang;
	const char *const *para;       /* before a paragraph number */
	const char *const *of;         /* between the place and the document */
	const char *const *its;        /* "its resolution": the citing body's own */
	const char *const *art;        /* articles that may stand before "annex" */
	const char *const *here;       /* "above", "below": a place in this document */
	const char *const *present;    /* "the present resolution": this document */
	const char *const *annex;
	const char *const *thereto;    /* "the annex thereto" */
	const char *const *section;
	const char *const *glue;       /* between numbers of a list: ", ", "and", "to" */
};

#define W(...) ((const char *const[]){ __VA_ARGS__, NULL })

static const struct cite_words words[] = {
	{ "en", W("operative paragraphs", "operative paragraph", "paragraphs", "paragraph",
	          "paras.", "para."),
	  W("of", "in", "to"), W("its", "their"), W("the"), W("above", "below"),
	  W("the present resolution", "this resolution"), W("annexes", "annex"),
	  W("thereto"), W("sections", "section", "part"), W(",", "and", "to", "-") },
	{ "fr", W("paragraphes", "paragraphe", "alinéas", "alinéa"),
	  W("de la", "de l'", "de l’", "du", "des", "de", "à la", "à l'", "à l’", "au"),
	  W("sa", "ses", "leur"), W("l'", "l’", "la", "les"),
	  W("ci-dessus", "ci-après", "ci-dessous", "plus haut"),
	  W("la présente résolution"), W("annexes", "annexe"), W("y relative", "jointe"),
	  W("sections", "section", "partie"), W(",", "et", "à", "-") },
	{ "es", W("párrafos", "párrafo", "apartados", "apartado"),
	  W("de la", "del", "de", "a la", "al"), W("su", "sus"), W("el", "la", "los"),
	  W("supra", "infra", "anterior", "siguiente"), W("la presente resolución"),
	  W("anexos", "anexo"), W("correspondiente"), W("secciones", "sección", "parte"),
	  W(",", "y", "a", "-") },
	{ "ru", W("пункт*", "Пункт*"), W("к", "в"), W("свое*", "своих", "своей"), W("в"),
	  W("выше", "ниже"), W("настоящей резолюции", "настоящая резолюция"),
	  W("приложени*", "Приложени*"), W("к нему"), W("раздел*"), W(",", "и", "-") },
};

static const struct cite_words *words_for(const char *lang)
{
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (lang && strcmp(words[i].lang, lang) == 0)
			return &words[i];
	return &words[0];
}

/* The organs named before "resolution" in English ("of Security Council resolution"). */
static const struct {
	const char *words;
	enum organ organ;
} organ_words[] = {
	{ "General Assembly", ORGAN_GA }, { "Assembly", ORGAN_GA },
	{ "Security Council", ORGAN_SC },
	{ "Economic and Social Council", ORGAN_ECOSOC },
	{ "Human Rights Council", ORGAN_HRC }, { "Council", ORGAN_NONE },
	{ "Commission on Human Rights", ORGAN_CHR },
};

static const char *const ordinals[] = { "first", "second", "third", "fourth", "fifth",
	"sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
	"fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
	"twentieth", NULL };

/* ---- reading words forwards ---- */

struct rd {
	const char *s;
	size_t len;
};

/* A letter of a word: ASCII letters and any byte of a non-ASCII character. */
static int letter(unsigned char c)
{
	return isalpha(c) || c >= 0x80;
}

/* Skips spaces, no-break spaces (U+00A0, U+202F) and nothing else. */
static size_t ws(const struct rd *r, size_t i)
{
	for (;;) {
		if (i < r->len && r->s[i] == ' ')
			i++;
		else if (i + 1 < r->len && (unsigned char)r->s[i] == 0xC2 &&
		         (unsigned char)r->s[i + 1] == 0xA0)
			i += 2;
		else if (i + 2 < r->len && memcmp(r->s + i, "\xE2\x80\xAF", 3) == 0)
			i += 3;
		else
			return i;
	}
}

/* The word (or phrase) w at i: returns the position after it, or 0. ASCII letters match in
 * either case. */
static size_t word_at(const struct rd *r, size_t i, const char *w)
{
	size_t wl = strlen(w);
	int stem = wl && w[wl - 1] == '*';
	if (stem)
		wl--;
	if (i + wl > r->len || wl == 0 || strncasecmp(r->s + i, w, wl) != 0)
		return 0;
	size_t e = i + wl;
	if (stem) {
		while (e < r->len && letter((unsigned char)r->s[e]))
			e++;
		return e;
	}
	unsigned char last = (unsigned char)w[wl - 1];
	if (last == '\'' || last == 0x99 || !letter(last))   /* ' ’ , - need no boundary */
		return e;
	if (e < r->len && (letter((unsigned char)r->s[e]) || isdigit((unsigned char)r->s[e])))
		return 0;
	return e;
}

/* The first word of the list at i (after spaces): the position after it, or 0. */
static size_t one_of(const struct rd *r, size_t i, const char *const *list)
{
	i = ws(r, i);
	for (size_t k = 0; list[k]; k++) {
		size_t e = word_at(r, i, list[k]);
		if (e)
			return e;
	}
	return 0;
}

static size_t digits(const struct rd *r, size_t i, long *v)
{
	size_t e = i;
	long n = 0;
	while (e < r->len && isdigit((unsigned char)r->s[e]) && e - i < 5)
		n = n * 10 + (r->s[e++] - '0');
	if (e == i || (e < r->len && isalnum((unsigned char)r->s[e])))
		return 0;
	*v = n;
	return e;
}

/* A roman numeral or a capital letter standing alone ("I", "IV", "A"): into out. */
static size_t roman_or_letter(const struct rd *r, size_t i, char *out, size_t n)
{
	size_t e = i;
	while (e < r->len && strchr("IVXLC", r->s[e]) && r->s[e])
		e++;
	if (e == i && i < r->len && isupper((unsigned char)r->s[i]))
		e = i + 1;
	if (e == i || e - i >= n || (e < r->len && isalnum((unsigned char)r->s[e])))
		return 0;
	memcpy(out, r->s + i, e - i);
	out[e - i] = '\0';
	return e;
}

/* An item number after a paragraph number: "(b)", "b)", "(ii)"; into out, lower case. */
static size_t item(const struct rd *r, size_t i, char *out, size_t n)
{
	size_t j = ws(r, i), b;
	int paren = j < r->len && r->s[j] == '(';
	b = j + paren;
	size_t e = b;
	while (e < r->len && islower((unsigned char)r->s[e]) && e - b < 5)
		e++;
	if (e == b || e - b >= n || e >= r->len || r->s[e] != ')')
		return 0;
	/* "a)" without its parenthesis only where items are written so (French, Spanish):
	 * after a number, never a word. */
	memcpy(out, r->s + b, e - b);
	out[e - b] = '\0';
	return e + 1;
}

/* A paragraph number with its items: "13 (b) (ii)" -> "13.b.ii" appended to spec. */
static size_t number_path(const struct rd *r, size_t i, char *spec, size_t n)
{
	long v;
	size_t e = digits(r, ws(r, i), &v);
	if (!e)
		return 0;
	size_t o = strlen(spec);
	snprintf(spec + o, n - o, "%ld", v);
	char it[8];
	size_t k;
	while ((k = item(r, e, it, sizeof it)) != 0) {
		o = strlen(spec);
		snprintf(spec + o, n - o, ".%s", it);
		e = k;
	}
	return e;
}

/* More numbers of a list ("121, 126 and 132 to 134"): skipped; the link goes to the first. */
static size_t list_rest(const struct rd *r, size_t i, const struct cite_words *w)
{
	for (;;) {
		size_t g = one_of(r, i, w->glue);
		if (!g)
			return i;
		size_t g2 = one_of(r, g, w->glue);    /* ", and" */
		if (g2)
			g = g2;
		char tmp[CITE_SPEC_MAX] = "";
		size_t e = number_path(r, g, tmp, sizeof tmp);
		if (!e)
			return i;
		i = e;
	}
}

/* "paragraph 13 (b)", "paragraphs 5 and 6", "the fifth preambular paragraph",
 * "operative paragraph 3": appends "op13.b" / "pp5" to spec. */
static size_t para_phrase(const struct rd *r, size_t i, const struct cite_words *w,
                          char *spec, size_t n)
{
	size_t j = ws(r, i), e;
	for (size_t k = 0; ordinals[k] && w == &words[0]; k++) {
		e = word_at(r, j, ordinals[k]);
		if (e && (e = word_at(r, ws(r, e), "preambular paragraph")) != 0) {
			size_t o = strlen(spec);
			snprintf(spec + o, n - o, "pp%zu", k + 1);
			return e;
		}
	}
	if (!(e = one_of(r, j, w->para)))
		return 0;
	size_t o = strlen(spec);
	snprintf(spec + o, n - o, "op");
	size_t k = number_path(r, e, spec, n);
	if (!k) {
		spec[o] = '\0';
		return 0;
	}
	return list_rest(r, k, w);
}

/* "annex", "the annex", "annex I", "annex II thereto": appends "annex" or "annex:I". */
static size_t annex_phrase(const struct rd *r, size_t i, const struct cite_words *w,
                           char *spec, size_t n)
{
	size_t j = ws(r, i), a = one_of(r, j, w->art);
	if (a)
		j = ws(r, a);
	size_t e = one_of(r, j, w->annex);
	if (!e)
		return 0;
	size_t o = strlen(spec);
	char lab[8];
	size_t k = roman_or_letter(r, ws(r, e), lab, sizeof lab);
	if (k) {
		snprintf(spec + o, n - o, "annex:%s", lab);
		e = k;
	} else {
		snprintf(spec + o, n - o, "annex");
	}
	size_t t = one_of(r, e, w->thereto);
	return t ? t : e;
}

/* "section II": appends "part:II". */
static size_t section_phrase(const struct rd *r, size_t i, const struct cite_words *w,
                             char *spec, size_t n)
{
	size_t e = one_of(r, i, w->section);
	char lab[8];
	size_t k = e ? roman_or_letter(r, ws(r, e), lab, sizeof lab) : 0;
	if (!k)
		return 0;
	size_t o = strlen(spec);
	snprintf(spec + o, n - o, "part:%s", lab);
	return k;
}

/* A comma, then a word of `of`: the link between a place and what holds it. */
static size_t of_word(const struct rd *r, size_t i, const struct cite_words *w)
{
	size_t j = ws(r, i);
	if (j < r->len && r->s[j] == ',')
		j++;
	size_t e = one_of(r, j, w->of);
	if (!e && w->of[0] && strcmp(w->lang, "ru") == 0)
		return j;                    /* Russian: "пункт 8 резолюции" (genitive) */
	return e;
}

/* A place: a paragraph, an annex, a section, or a paragraph of an annex or section, in
 * either order ("paragraph 8 of the annex", "section II, paragraph 3"). Fills spec. */
static size_t place(const struct rd *r, size_t i, const struct cite_words *w, char *spec,
                    size_t n)
{
	char p[CITE_SPEC_MAX] = "", q[CITE_SPEC_MAX] = "";
	size_t e;
	spec[0] = '\0';
	if ((e = para_phrase(r, i, w, p, sizeof p)) != 0) {
		size_t o = of_word(r, e, w), k;
		if (o && ((k = annex_phrase(r, o, w, q, sizeof q)) != 0 ||
		          (k = section_phrase(r, o, w, q, sizeof q)) != 0)) {
			/* an annex's numbered paragraphs are "p8", not "op8" */
			if (q[0] == 'a' && p[0] == 'o')
				snprintf(spec, n, "%s/p%s", q, p + 2);
			else
				snprintf(spec, n, "%s/%s", q, p);
			return k;
		}
		snprintf(spec, n, "%s", p);
		return e;
	}
	if ((e = section_phrase(r, i, w, q, sizeof q)) != 0) {
		size_t j = ws(r, e), k;
		if (j < r->len && r->s[j] == ',')
			j++;
		if ((k = para_phrase(r, j, w, p, sizeof p)) != 0) {
			snprintf(spec, n, "%s/%s", q, p);
			e = ws(r, k);
			if (e < r->len && r->s[e] == ',')
				e++;
			return e;
		}
		snprintf(spec, n, "%s", q);
		return e;
	}
	if ((e = annex_phrase(r, i, w, q, sizeof q)) != 0) {
		snprintf(spec, n, "%s", q);
		return e;
	}
	return 0;
}

/* ---- what stands before a cited resolution ---- */

/* Whether s[0..end) ends with the phrase (ASCII case-insensitive) at a word start; returns
 * where it starts, or (size_t)-1. */
static size_t ends_with(const char *s, size_t end, const char *phrase)
{
	size_t l = strlen(phrase);
	if (l > end || strncasecmp(s + end - l, phrase, l) != 0)
		return (size_t)-1;
	size_t b = end - l;
	if (b > 0 && letter((unsigned char)s[b - 1]))
		return (size_t)-1;
	return b;
}

static size_t trim_back(const char *s, size_t end)
{
	while (end > 0 && s[end - 1] == ' ')
		end--;
	return end;
}

/* The word "resolution(s)" ending just before the number at `at` (the refs give the number
 * only), or, inside a list ("resolutions 1325 (2000) and 1820 (2008)"), (size_t)-1. Returns
 * the word's start; *organ and *start_of_words get what is named before it. */
static size_t resolution_word_before(const char *s, size_t at, const struct cite_words *w,
                                     enum organ self, enum organ *organ, size_t *lead)
{
	static const char *const stems[] = { "resolution", "résolution", "resolución",
		"resoluciones", "резолюци", "Резолюци", NULL };
	size_t e = trim_back(s, at), b = e;
	while (b > 0 && letter((unsigned char)s[b - 1]))
		b--;
	size_t k = 0;
	while (stems[k] && (e - b < strlen(stems[k]) || strncasecmp(s + b, stems[k],
	                                                             strlen(stems[k])) != 0))
		k++;
	if (b == e || !stems[k])
		return (size_t)-1;
	*organ = ORGAN_NONE;
	*lead = b;
	size_t before = trim_back(s, b);
	for (k = 0; k < sizeof organ_words / sizeof *organ_words; k++) {
		size_t o = ends_with(s, before, organ_words[k].words);
		if (o != (size_t)-1) {
			*organ = organ_words[k].organ == ORGAN_NONE ? self : organ_words[k].organ;
			*lead = o;
			before = trim_back(s, o);
			break;
		}
	}
	for (k = 0; w->its[k]; k++) {
		size_t o = ends_with(s, before, w->its[k]);
		if (o != (size_t)-1) {
			if (*organ == ORGAN_NONE)
				*organ = self;
			*lead = o;
			break;
		}
	}
	return b;
}

/* The place words that end exactly at `target` (the start of what is cited: "its
 * resolution", "the present resolution"): tried from each keyword within the 200 bytes
 * before it, the farthest first, so "paragraph 8 of the annex to" wins over "annex to".
 * Returns where they start (and fills spec), or (size_t)-1. */
static size_t place_before(const struct rd *r, size_t target, const struct cite_words *w,
                           char *spec, size_t n, int need_of)
{
	size_t from = target > 200 ? target - 200 : 0;
	for (size_t i = from; i < target; i++) {
		if (i > 0 && (letter((unsigned char)r->s[i - 1]) || isdigit((unsigned char)r->s[i - 1])))
			continue;
		if (!letter((unsigned char)r->s[i]))
			continue;
		size_t e = place(r, i, w, spec, n);
		if (!e)
			continue;
		if (need_of) {
			size_t o = of_word(r, e, w);
			if (!o)
				continue;
			e = o;
		}
		if (ws(r, e) == target)
			return i;
	}
	spec[0] = '\0';
	return (size_t)-1;
}

/* ---- the paragraph's citations ---- */

struct citev {
	struct cite *v;
	size_t n;
	int oom;
};

static struct cite *push(struct citev *cv)
{
	if ((cv->n & (cv->n - 1)) == 0 && !cv->oom) {
		struct cite *nv = realloc(cv->v, (cv->n ? cv->n * 2 : 4) * sizeof *nv);
		if (!nv) {
			cv->oom = 1;
			return NULL;
		}
		cv->v = nv;
	}
	if (cv->oom)
		return NULL;
	struct cite *c = &cv->v[cv->n++];
	memset(c, 0, sizeof *c);
	c->ref = -1;
	return c;
}

void cite_self_key(const struct resolution *res, char key[SYMBOL_KEY_MAX])
{
	key[0] = '\0';
	if (res->meta.symbol)
		symbol_key(res->meta.symbol, key, SYMBOL_KEY_MAX);
}

/* A cited resolution (ref k of p): its key and the place words before it. The previous
 * citation's organ carries over a list ("resolutions 1325 (2000) and 1820 (2008)"). */
static void cite_resolution(const struct rd *r, const struct para *p, size_t k,
                            const struct cite_words *w, enum organ self, enum organ *list_organ,
                            struct citev *cv)
{
	const struct ref *f = &p->refs[k];
	enum organ organ = ORGAN_NONE;
	size_t lead, rw = resolution_word_before(r->s, f->byte, w, self, &organ, &lead);
	int in_list = rw == (size_t)-1;
	if (in_list)
		organ = *list_organ;
	else
		*list_organ = organ;
	struct cite *c = push(cv);
	if (!c)
		return;
	c->ref = (int)k;
	c->byte = f->byte;
	c->len = f->len;
	if (symbol_of_citation(f->target, organ, c->key, sizeof c->key) < 0) {
		cv->n--;
		return;
	}
	if (in_list)
		return;
	size_t at = place_before(r, lead, w, c->spec, sizeof c->spec, 1);
	if (at != (size_t)-1) {
		c->len = f->byte + f->len - at;
		c->byte = at;
	}
}

/* The anchors of places in this document ("above", "the present resolution") are rare
 * words: one pass over the text finds them, a byte's first-letter test turning away almost
 * every position, and only at an anchor are the words before it read. */
static void cite_here_one(const struct rd *r, const struct cite_words *w, size_t a, size_t e,
                          int need_of, struct citev *cv)
{
	char spec[CITE_SPEC_MAX];
	size_t b = place_before(r, a, w, spec, sizeof spec, need_of);
	if (b == (size_t)-1)
		return;
	struct cite *c = push(cv);
	if (!c)
		return;
	c->byte = b;
	c->len = e - b;
	snprintf(c->spec, sizeof c->spec, "%s", spec);
}

static void cite_here(const struct rd *r, const struct cite_words *w, struct citev *cv)
{
	unsigned char first[256] = { 0 };
	const char *const *lists[] = { w->here, w->present };
	for (size_t l = 0; l < 2; l++)
		for (size_t k = 0; lists[l][k]; k++) {
			unsigned char c = (unsigned char)lists[l][k][0];
			first[c] = 1;
			first[(unsigned char)tolower(c)] = first[(unsigned char)toupper(c)] = 1;
		}
	for (size_t a = 0; a < r->len && !cv->oom; a++) {
		if (!first[(unsigned char)r->s[a]] || (a > 0 && letter((unsigned char)r->s[a - 1])))
			continue;
		for (size_t l = 0; l < 2; l++)
			for (size_t k = 0; lists[l][k]; k++) {
				size_t e = word_at(r, a, lists[l][k]);
				if (e)
					cite_here_one(r, w, a, e, l == 1, cv);
			}
	}
}

static int by_byte(const void *a, const void *b)
{
	const struct cite *x = a, *y = b;
	return x->byte < y->byte ? -1 : x->byte > y->byte;
}

int cite_find(const struct resolution *res, size_t para, struct cite **out)
{
	*out = NULL;
	if (para >= res->npara)
		return 0;
	const struct para *p = &res->paras[para];
	if (!p->text)
		return 0;
	/* text_len is the model's promise; a hostile one is never read past the NUL */
	struct rd r = { p->text, strnlen(p->text, p->text_len) };
	const struct cite_words *w = words_for(res->meta.language);
	enum organ self = symbol_organ(res->meta.symbol), list_organ = self;
	struct citev cv = { NULL, 0, 0 };
	for (size_t k = 0; k < p->nrefs && !cv.oom; k++) {
		const struct ref *f = &p->refs[k];
		if (!f->target || f->byte > r.len || f->len > r.len - f->byte)
			continue;
		if (f->kind == REF_RESOLUTION) {
			cite_resolution(&r, p, k, w, self, &list_organ, &cv);
			continue;
		}
		struct cite *c = push(&cv);
		if (!c)
			break;
		c->ref = (int)k;
		c->byte = f->byte;
		c->len = f->len;
		if (symbol_key(f->target, c->key, sizeof c->key) < 0)
			cv.n--;
	}
	if (!cv.oom)
		cite_here(&r, w, &cv);
	if (cv.oom) {
		free(cv.v);
		return -1;
	}
	/* A place "above" never overlaps a cited resolution's words: those were read first. */
	size_t n = 0;
	for (size_t i = 0; i < cv.n; i++) {
		int overlap = 0;
		for (size_t j = 0; j < cv.n && cv.v[i].ref < 0; j++)
			if (cv.v[j].ref >= 0 && cv.v[i].byte < cv.v[j].byte + cv.v[j].len &&
			    cv.v[j].byte < cv.v[i].byte + cv.v[i].len)
				overlap = 1;
		if (!overlap)
			cv.v[n++] = cv.v[i];
	}
	if (n > 1)
		qsort(cv.v, n, sizeof *cv.v, by_byte);
	if (!n) {
		free(cv.v);
		cv.v = NULL;
	}
	*out = cv.v;
	return (int)n;
}

/* ---- resolving a place ---- */

/* The paragraph with this id, or with "<part>." + id (a resolution in parts: "b.op2"). */
static int find_id(const struct resolution *res, const char *id)
{
	int i = res_find(res, id);
	if (i >= 0)
		return i;
	size_t l = strlen(id);
	for (size_t k = 0; k < res->npara; k++) {
		const char *pid = res->paras[k].id, *dot = pid ? strchr(pid, '.') : NULL;
		if (dot && res->paras[k].part >= 0 && strcmp(dot + 1, id) == 0 &&
		    strlen(dot + 1) == l)
			return (int)k;
	}
	return -1;
}

/* id, else its parents ("op13.b.ii" -> "op13.b" -> "op13"). */
static int find_or_parent(const struct resolution *res, const char *prefix, const char *id)
{
	char buf[2 * CITE_SPEC_MAX];
	snprintf(buf, sizeof buf, "%s%s", prefix, id);
	for (;;) {
		int i = prefix[0] ? res_find(res, buf) : find_id(res, buf);
		if (i >= 0)
			return i;
		char *dot = strrchr(buf + strlen(prefix), '.');
		if (!dot)
			return -1;
		*dot = '\0';
	}
}

/* The annex labelled lab ("I", "A"; "" for the first), as an index, or -1. */
static int annex_index(const struct resolution *res, const char *lab)
{
	if (res->nannexes == 0)
		return -1;
	if (!lab[0])
		return 0;
	size_t l = strlen(lab);
	for (size_t k = 0; k < res->nannexes; k++) {
		const char *label = res->annexes[k].label;
		size_t ll = label ? strlen(label) : 0;
		if (ll > l && strcasecmp(label + ll - l, lab) == 0 && label[ll - l - 1] == ' ')
			return (int)k;
	}
	return -1;
}

static int part_index(const struct resolution *res, const char *lab)
{
	for (size_t k = 0; k < res->nparts; k++)
		if (res->parts[k].label && strcasecmp(res->parts[k].label, lab) == 0)
			return (int)k;
	return -1;
}

/* The paragraph where annex k begins (its title), or -1. */
static int annex_start(const struct resolution *res, int k)
{
	for (size_t i = 0; i < res->npara; i++)
		if (res->paras[i].annex == k)
			return (int)i;
	return -1;
}

int cite_resolve(const struct resolution *res, const char *spec, int from)
{
	if (!spec || !spec[0])
		return res->npara ? 0 : -1;
	char head[CITE_SPEC_MAX];
	snprintf(head, sizeof head, "%s", spec);
	char *tail = strchr(head, '/');
	if (tail)
		*tail++ = '\0';
	if (strncmp(head, "annex", 5) == 0) {
		int k = annex_index(res, head[5] == ':' ? head + 6 : "");
		if (k < 0)
			return -1;
		if (tail) {
			char prefix[CITE_SPEC_MAX + 2];
			snprintf(prefix, sizeof prefix, "%s.", res->annexes[k].id);
			int i = find_or_parent(res, prefix, tail);
			if (i >= 0)
				return i;
		}
		return annex_start(res, k);
	}
	if (strncmp(head, "part:", 5) == 0) {
		int k = part_index(res, head + 5);
		if (tail) {
			if (k >= 0) {
				char prefix[CITE_SPEC_MAX + 2];
				snprintf(prefix, sizeof prefix, "%s.", res->parts[k].id);
				int i = find_or_parent(res, prefix, tail);
				if (i >= 0)
					return i;
			}
			return find_or_parent(res, "", tail);   /* sections that are only headings */
		}
		for (size_t i = 0; k >= 0 && i < res->npara; i++)
			if (res->paras[i].part == k)
				return (int)i;
		return -1;
	}
	/* "paragraph 8 above" inside an annex: the annex's paragraph 8 first. */
	if (from >= 0 && (size_t)from < res->npara && res->paras[from].annex >= 0 &&
	    strncmp(head, "op", 2) == 0) {
		char prefix[CITE_SPEC_MAX + 2];
		snprintf(prefix, sizeof prefix, "%s.", res->annexes[res->paras[from].annex].id);
		char p[CITE_SPEC_MAX];
		snprintf(p, sizeof p, "p%s", head + 2);
		int i = find_or_parent(res, prefix, p);
		if (i >= 0)
			return i;
	}
	return find_or_parent(res, "", head);
}
