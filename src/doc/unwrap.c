/* unwrap.c: hard-wrapped lines -> paragraph text (see unwrap.h for the hyphen rule). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "doc/unwrap.h"

/* Documents larger than this skip the word index: the fixed rules still apply. */
#define UNWRAP_INDEX_MAX (16u << 20)

void unwrap_init(struct unwrap *u, const char *text, size_t len)
{
	memset(u, 0, sizeof *u);
	u->text = text;
	u->len = len;
}

void unwrap_free(struct unwrap *u)
{
	free(u->set);
	u->set = NULL;
	u->cap = u->used = 0;
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

static uint32_t hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ lower((unsigned char)s[i])) * 16777619u;
	return h;
}

static int same(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn)
		return 0;
	for (size_t i = 0; i < an; i++)
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
			return 0;
	return 1;
}

static int set_add(struct unwrap *u, const char *s, size_t n)
{
	if ((u->used + 1) * 2 > u->cap) {
		size_t cap = u->cap ? u->cap * 2 : 4096;
		struct unwrap_word *nv = calloc(cap, sizeof *nv);
		if (!nv)
			return -1;
		for (size_t i = 0; i < u->cap; i++) {
			if (!u->set[i].s)
				continue;
			size_t h = hash(u->set[i].s, u->set[i].n) & (cap - 1);
			while (nv[h].s)
				h = (h + 1) & (cap - 1);
			nv[h] = u->set[i];
		}
		free(u->set);
		u->set = nv;
		u->cap = cap;
	}
	size_t h = hash(s, n) & (u->cap - 1);
	while (u->set[h].s) {
		if (same(u->set[h].s, u->set[h].n, s, n))
			return 0;
		h = (h + 1) & (u->cap - 1);
	}
	u->set[h].s = s;
	u->set[h].n = n;
	u->used++;
	return 0;
}

static int set_has(const struct unwrap *u, const char *s, size_t n)
{
	if (!u->cap)
		return 0;
	size_t h = hash(s, n) & (u->cap - 1);
	while (u->set[h].s) {
		if (same(u->set[h].s, u->set[h].n, s, n))
			return 1;
		h = (h + 1) & (u->cap - 1);
	}
	return 0;
}

static int letter_at(const char *s, size_t n, size_t *k)
{
	ucs4_t c;
	int r = u8_mbtouc(&c, (const uint8_t *)s, n);
	*k = r > 0 ? (size_t)r : 1;
	return uc_is_alpha(c) || (c >= '0' && c <= '9');
}

/* Words are runs of letters and digits, with hyphens inside ("cease-fire" is one word). */
static void build(struct unwrap *u)
{
	u->built = 1;
	if (u->len > UNWRAP_INDEX_MAX) {
		u->built = -1;
		return;
	}
	size_t i = 0;
	while (i < u->len) {
		size_t k;
		if (!letter_at(u->text + i, u->len - i, &k)) {
			i += k;
			continue;
		}
		size_t a = i;
		i += k;
		for (;;) {
			if (i < u->len && letter_at(u->text + i, u->len - i, &k)) {
				i += k;
				continue;
			}
			if (i + 1 < u->len && u->text[i] == '-' &&
			    letter_at(u->text + i + 1, u->len - i - 1, &k)) {
				i += 1;
				continue;
			}
			break;
		}
		if (set_add(u, u->text + a, i - a)) {
			unwrap_free(u);
			u->built = -1;
			return;
		}
	}
}

/* Prefixes English keeps hyphenated and a typesetter would not split after ("so-cial" and
 * "multi-lateral" are syllable breaks, so "so" and "multi" are not here). */
static const char *const keep_prefixes[] = {
	"non", "self", "co", "cease", "follow", "anti", "counter", "post", "long", "short",
	"medium", "well", "cross", "semi", "quasi", "mid", "twenty", "thirty", "forty", "fifty",
	"sixty", "seventy", "eighty", "ninety", NULL
};

/* Second elements of compounds: never the tail of a syllable break. */
static const char *const keep_seconds[] = {
	"based", "related", "up", "term", "scale", "fire", "level", "led", "making", "building",
	"wide", "oriented", "specific", "sensitive", "free", "owned", "called", "friendly",
	"affected", "driven", "centred", "centered", "responsive", "intensive", "resistant",
	"depth", "off", NULL
};

static int in_list(const char *s, size_t n, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (same(s, n, list[i], strlen(list[i])))
			return 1;
	return 0;
}

int unwrap_keep_hyphen(struct unwrap *u, const char *left, size_t ln, const char *right,
                       size_t rn)
{
	if (!ln || !rn)
		return 1;
	char lc = left[ln - 1], rc = right[0];
	if ((lc >= '0' && lc <= '9') || (rc >= '0' && rc <= '9') || (rc >= 'A' && rc <= 'Z'))
		return 1;
	ucs4_t first;
	if (u8_mbtouc(&first, (const uint8_t *)right, rn) > 0 && uc_is_upper(first))
		return 1;
	if (!u->built)
		build(u);
	if (u->built == 1) {
		/* the document's own spelling decides */
		char stack[256];
		if (ln + rn + 1 <= sizeof stack) {
			memcpy(stack, left, ln);
			stack[ln] = '-';
			memcpy(stack + ln + 1, right, rn);
			if (set_has(u, stack, ln + rn + 1))
				return 1;
			memcpy(stack + ln, right, rn);
			if (set_has(u, stack, ln + rn))
				return 0;
		}
	}
	/* prefix checks use the last hyphen-separated part: "non-State-" -> "State" */
	const char *lp = left;
	size_t lpn = ln;
	for (size_t i = ln; i > 0; i--)
		if (left[i - 1] == '-') {
			lp = left + i;
			lpn = ln - i;
			break;
		}
	/* "pro-tection" would need "tection" to be a compound element: it is not; but a left part
	 * that already carries a hyphen ("non-State-owned") is a compound */
	if (lp != left)
		return 1;
	if (in_list(lp, lpn, keep_prefixes) || in_list(right, rn, keep_seconds))
		return 1;
	return 0;
}

static int buf_reserve(struct unwrap_buf *b, size_t extra)
{
	if (b->n + extra + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->n + extra + 1)
		cap *= 2;
	char *ns = realloc(b->s, cap);
	if (!ns)
		return -1;
	b->s = ns;
	b->cap = cap;
	return 0;
}

void unwrap_buf_clear(struct unwrap_buf *b)
{
	b->n = 0;
	if (b->s)
		b->s[0] = 0;
}

void unwrap_buf_free(struct unwrap_buf *b)
{
	free(b->s);
	memset(b, 0, sizeof *b);
}

/* Wide characters that join without a space: CJK ideographs, kana, full-width punctuation. */
static int wide(ucs4_t c)
{
	return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x20000 && c <= 0x2FFFF);
}

static ucs4_t last_cp(const char *s, size_t n, size_t *start)
{
	size_t i = n;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	ucs4_t c = 0;
	if (n)
		u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
	*start = i;
	return c;
}

int unwrap_append(struct unwrap *u, struct unwrap_buf *b, const char *line, size_t n)
{
	while (n && (*line == ' ' || *line == '\t')) {
		line++;
		n--;
	}
	while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	if (!n)
		return 0;
	if (buf_reserve(b, n + 1))
		return -1;
	if (b->n == 0) {
		memcpy(b->s, line, n);
		b->n = n;
		b->s[n] = 0;
		return 0;
	}
	size_t hs;
	ucs4_t last = last_cp(b->s, b->n, &hs);
	ucs4_t first;
	if (u8_mbtouc(&first, (const uint8_t *)line, n) <= 0)
		first = 0xFFFD;
	if (last == 0xAD) {
		b->n = hs;                      /* soft hyphen: always the typesetter's */
	} else if ((last == '-' || last == 0x2010) && hs > 0 && b->s[hs - 1] != ' ') {
		/* the word before the hyphen, and the one after the break */
		size_t ws = hs;
		while (ws > 0 && b->s[ws - 1] != ' ')
			ws--;
		size_t we = 0;
		while (we < n && line[we] != ' ' && line[we] != ',' && line[we] != ';' &&
		       line[we] != '.' && line[we] != ':' && line[we] != ')')
			we++;
		if (!unwrap_keep_hyphen(u, b->s + ws, hs - ws, line, we))
			b->n = hs;
	} else if (!(wide(last) && wide(first))) {
		b->s[b->n++] = ' ';
	}
	memcpy(b->s + b->n, line, n);
	b->n += n;
	b->s[b->n] = 0;
	return 0;
}
