/* anchor.c: quote selectors and re-anchoring of annotations against a changed text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/anchor.h"
#include "store/sha256.h"

/* A bonus for a quote that started (ended) a paragraph and still does: the paragraph edge is
 * context as telling as the 8 code points that make a match trustworthy. */
#define EDGE_BONUS 8
#define MIN_CONTEXT 8

static int is_cont(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

size_t anchor_cp_count(const char *s, size_t n)
{
	size_t cp = 0;
	for (size_t i = 0; i < n && s[i]; i++)
		if (!is_cont(s[i]))
			cp++;
	return cp;
}

size_t anchor_cp_byte(const char *s, size_t cp)
{
	size_t i = 0, seen = 0;
	for (; s[i]; i++) {
		if (!is_cont(s[i])) {
			if (seen == cp)
				return i;
			seen++;
		}
	}
	return i;
}

static char *dupn(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

int anchor_quote(const char *text, size_t start, size_t end, char **exact, char **prefix,
                 char **suffix)
{
	*exact = *prefix = *suffix = NULL;
	size_t len = strlen(text);
	size_t ncp = anchor_cp_count(text, len);
	if (start >= end || end > ncp)
		return -2;
	size_t b0 = anchor_cp_byte(text, start), b1 = anchor_cp_byte(text, end);
	size_t p0 = anchor_cp_byte(text, start > ANCHOR_CONTEXT ? start - ANCHOR_CONTEXT : 0);
	size_t s1 = anchor_cp_byte(text, end + ANCHOR_CONTEXT);
	*exact = dupn(text + b0, b1 - b0);
	*prefix = dupn(text + p0, b0 - p0);
	*suffix = dupn(text + b1, s1 - b1);
	if (!*exact || !*prefix || !*suffix) {
		free(*exact);
		free(*prefix);
		free(*suffix);
		*exact = *prefix = *suffix = NULL;
		return -1;
	}
	return 0;
}

int anchor_find(const char *text, const char *quote, size_t from, size_t *start, size_t *end)
{
	if (!quote || !*quote)
		return 0;
	const char *p = strstr(text + anchor_cp_byte(text, from), quote);
	if (!p)
		return 0;
	size_t b = (size_t)(p - text);
	*start = anchor_cp_count(text, b);
	*end = *start + anchor_cp_count(quote, strlen(quote));
	return 1;
}

/* How much of the remembered context surrounds the occurrence at bytes [b0, b1) of text, in
 * code points: the common tail of prefix and what precedes, the common head of suffix and
 * what follows, and the edge bonuses. */
static size_t context_score(const char *text, size_t len, size_t b0, size_t b1,
                            const char *prefix, const char *suffix)
{
	size_t score = 0;
	size_t pl = strlen(prefix), i = 0;
	while (i < pl && i < b0 && prefix[pl - 1 - i] == text[b0 - 1 - i])
		i++;
	score += anchor_cp_count(prefix + pl - i, i);
	if (pl == 0 && b0 == 0)
		score += EDGE_BONUS;
	size_t j = 0;
	while (suffix[j] && b1 + j < len && suffix[j] == text[b1 + j])
		j++;
	score += anchor_cp_count(suffix, j);
	if (!*suffix && b1 == len)
		score += EDGE_BONUS;
	return score;
}

static size_t dist(size_t a, size_t b)
{
	return a > b ? a - b : b - a;
}

/* The best occurrence of exact in paragraph text: highest context score, then nearest to
 * code point `near`. Returns 1 and fills *score and the range, or 0 when it does not occur. */
static int best_in_para(const char *text, const struct anchor_target *t, const char *prefix,
                        const char *suffix, size_t near, size_t *score, size_t *start, size_t *end)
{
	size_t len = strlen(text), qlen = strlen(t->exact);
	int found = 0;
	for (const char *p = strstr(text, t->exact); p; p = strstr(p + 1, t->exact)) {
		size_t b0 = (size_t)(p - text);
		if (is_cont(text[b0]))
			continue;
		size_t s = context_score(text, len, b0, b0 + qlen, prefix, suffix);
		size_t cp = anchor_cp_count(text, b0);
		if (!found || s > *score || (s == *score && dist(cp, near) < dist(*start, near))) {
			*score = s;
			*start = cp;
			*end = cp + anchor_cp_count(t->exact, qlen);
			found = 1;
		}
	}
	return found;
}

/* Step 3: prefix and suffix still bracket some words in the paragraph; those words are the
 * edited quote when their length is within reason of the old one. */
static int bracketed(const char *text, const struct anchor_target *t, const char *prefix,
                     const char *suffix, size_t *start, size_t *end)
{
	size_t len = strlen(text), pl = strlen(prefix), sl = strlen(suffix);
	size_t pcp = anchor_cp_count(prefix, pl), scp = anchor_cp_count(suffix, sl);
	size_t old = anchor_cp_count(t->exact, strlen(t->exact));
	size_t lo = old / 2 ? old / 2 : 1, hi = old * 2 + 4;
	/* A context shorter than ANCHOR_CONTEXT reached the paragraph's edge, so it must still. */
	if (pcp < ANCHOR_CONTEXT && (pl > len || memcmp(text, prefix, pl) != 0))
		return 0;
	if (scp < ANCHOR_CONTEXT && (sl > len || memcmp(text + len - sl, suffix, sl) != 0))
		return 0;
	int found = 0;
	size_t best = 0;
	const char *lp = pcp < ANCHOR_CONTEXT ? text : strstr(text, prefix);
	for (; lp; lp = pcp < ANCHOR_CONTEXT ? NULL : strstr(lp + 1, prefix)) {
		size_t b0 = (size_t)(lp - text) + pl;
		const char *rp = scp < ANCHOR_CONTEXT ? text + len - sl : strstr(text + b0, suffix);
		if (!rp || rp < text + b0)
			continue;
		size_t b1 = (size_t)(rp - text);
		size_t n = anchor_cp_count(text + b0, b1 - b0);
		if (n < lo || n > hi)
			continue;
		if (!found || dist(n, old) < best) {
			best = dist(n, old);
			*start = anchor_cp_count(text, b0);
			*end = *start + n;
			found = 1;
		}
	}
	return found;
}

enum anchor_status anchor_resolve(const struct resolution *res, const struct anchor_target *t,
                                  struct anchor_found *f)
{
	const char *prefix = t->prefix ? t->prefix : "";
	const char *suffix = t->suffix ? t->suffix : "";
	f->para = -1;
	f->start = f->end = 0;
	if (!t->exact || !*t->exact)
		return ANCHOR_ORPHAN;
	int home = res_find(res, t->para_id);
	size_t score, s, e;

	if (home >= 0 && res->paras[home].text &&
	    best_in_para(res->paras[home].text, t, prefix, suffix, t->start, &score, &s, &e)) {
		f->para = home;
		f->start = s;
		f->end = e;
		return s == t->start && e == t->end ? ANCHOR_ANCHORED : ANCHOR_MOVED;
	}

	size_t qcp = anchor_cp_count(t->exact, strlen(t->exact));
	size_t need = qcp >= ANCHOR_CONTEXT ? 0 : MIN_CONTEXT;
	size_t best = 0;
	int hint = t->para_hint >= 0 ? t->para_hint : home;
	for (size_t i = 0; i < res->npara; i++) {
		const char *text = res->paras[i].text;
		if ((int)i == home || !text)
			continue;
		if (!best_in_para(text, t, prefix, suffix, t->start, &score, &s, &e) || score < need)
			continue;
		size_t d = hint >= 0 ? dist(i, (size_t)hint) : i;
		if (f->para < 0 || score > best ||
		    (score == best && d < dist((size_t)f->para, hint >= 0 ? (size_t)hint : 0))) {
			best = score;
			f->para = (int)i;
			f->start = s;
			f->end = e;
		}
	}
	if (f->para >= 0)
		return ANCHOR_MOVED;

	if (home >= 0 && res->paras[home].text &&
	    bracketed(res->paras[home].text, t, prefix, suffix, &s, &e)) {
		f->para = home;
		f->start = s;
		f->end = e;
		return ANCHOR_MOVED;
	}
	return ANCHOR_ORPHAN;
}

void anchor_text_hash(const struct resolution *res, char hex[65])
{
	struct sha256 h;
	unsigned char d[32];
	sha256_init(&h);
	for (size_t i = 0; i < res->npara; i++) {
		const struct para *p = &res->paras[i];
		const char *id = p->id ? p->id : "";
		const char *text = p->text ? p->text : "";
		/* NUL separators: ("ab","c") and ("a","bc") must not hash alike. */
		sha256_update(&h, id, strlen(id) + 1);
		sha256_update(&h, text, strlen(text) + 1);
	}
	sha256_final(&h, d);
	sha256_hex(d, hex);
}
