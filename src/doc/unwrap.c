/* unwrap.c: hard-wrapped lines -> paragraph text (see unwrap.h for the hyphen rule). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "doc/unwrap.h"
#include "text/utf8.h"

/* Documents larger than this skip the word index: the fixed rules still apply. */
#define UNWRAP_INDEX_MAX (16u << 20)
/* Documents up to this size index their words lazily, a first byte at a time (unwrap.h);
 * after this many first bytes all the words go in at once (each is a pass over them). */
#define UNWRAP_LAZY_MAX (4u << 20)
#define UNWRAP_LAZY_GROUPS 6

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
	free(u->starts);
	free(u->firsts);
	free(u->taken);
	u->starts = NULL;
	u->firsts = NULL;
	u->taken = NULL;
	u->nstarts = 0;
	u->ntaken = 0;
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Eight bytes with their ASCII capitals in lower case, as lower() would give them: the high
 * bit of a byte's low seven bits + 0x3F is set from 'A' up, + 0x25 from '[' up (no sum carries
 * out of its byte), and bytes from 0x80 up stay. */
static uint64_t lower8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	uint64_t low = x & ~high;
	uint64_t upper = (low + ones * 0x3F) & ~(low + ones * 0x25) & ~x & high;
	return x | upper >> 2;
}

/* Up to eight bytes of s as one number (the first byte lowest), where `room` bytes may be
 * read from s: one load then, where little-endian. */
static uint64_t load8(const char *s, size_t n, size_t room)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (room >= 8) {
		uint64_t x;
		memcpy(&x, s, 8);
		return n >= 8 ? x : x & (((uint64_t)1 << (8 * n)) - 1);
	}
#else
	(void)room;
#endif
	uint64_t x = 0;
	for (size_t i = 0; i < n; i++)
		x |= (uint64_t)(unsigned char)s[i] << (8 * i);
	return x;
}

/* Ignores ASCII case, as same() does; `room` (at least n) bytes may be read from s. Eight
 * bytes to a step, where one multiplication per byte was a tenth of building the index. */
static uint32_t hash(const char *s, size_t n, size_t room)
{
	uint64_t h = n;
	for (size_t i = 0; i < n; i += 8)
		h = (h ^ lower8(load8(s + i, n - i < 8 ? n - i : 8, room - i))) * 0x9E3779B97F4A7C15u;
	return (uint32_t)(h >> 32);
}

/* Bytes that may be read from s, a word of the document. */
static size_t room_in_text(const struct unwrap *u, const char *s)
{
	return (size_t)(u->text + u->len - s);
}

static int same(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn)
		return 0;
	for (size_t i = 0; i < an; i++)
		if (a[i] != b[i] && lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
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
			size_t h = hash(u->set[i].s, u->set[i].n, room_in_text(u, u->set[i].s)) &
			           (cap - 1);
			while (nv[h].s)
				h = (h + 1) & (cap - 1);
			nv[h] = u->set[i];
		}
		free(u->set);
		u->set = nv;
		u->cap = cap;
	}
	size_t h = hash(s, n, room_in_text(u, s)) & (u->cap - 1);
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

/* Whether the set holds s[0..n), where `room` bytes may be read from s. */
static int set_has(const struct unwrap *u, const char *s, size_t n, size_t room)
{
	if (!u->cap)
		return 0;
	size_t h = hash(s, n, room) & (u->cap - 1);
	while (u->set[h].s) {
		if (same(u->set[h].s, u->set[h].n, s, n))
			return 1;
		h = (h + 1) & (u->cap - 1);
	}
	return 0;
}

static int ascii_alnum(unsigned char b)
{
	return (unsigned)((b | 0x20) - 'a') < 26 || (unsigned)(b - '0') < 10;
}

static inline int letter_at(const char *s, size_t n, size_t *k)
{
	/* ASCII without decoding: uc_is_alpha is true of its 52 letters only, and this runs at
	 * every byte of the document when the word index is built */
	unsigned char b = (unsigned char)s[0];
	if (b < 0x80) {
		*k = 1;
		return ascii_alnum(b);
	}
	uint32_t c;
	*k = utf8_decode(s, n, &c);
	return uc_is_alpha(c) || (c >= '0' && c <= '9');
}

/* Where the run of ASCII letters and digits from text[i] ends. */
static size_t alnum_end(const char *text, size_t len, size_t i)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* eight bytes at a time: a mask with the high bit of each byte that is not an ASCII
	 * letter or digit (no sum carries out of its byte), whose lowest set bit is the end;
	 * byte by byte, the loop's exit at every word end was most of the index's time */
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	for (; i + 8 <= len; i += 8) {
		uint64_t x;
		memcpy(&x, text + i, 8);
		uint64_t low = x & ~high, folded = low | ones * 0x20;
		uint64_t letter = (folded + ones * (0x80 - 'a')) & ~(folded + ones * (0x80 - 'z' - 1));
		uint64_t digit = (low + ones * (0x80 - '0')) & ~(low + ones * (0x80 - '9' - 1));
		uint64_t other = ~((letter | digit) & ~x) & high;
		if (other)
			return i + (size_t)__builtin_ctzll(other) / 8;
	}
#endif
	while (i < len && ascii_alnum((unsigned char)text[i]))
		i++;
	return i;
}

/* The end of the word that starts at text[a] (a letter or digit): letters and digits, and
 * hyphens between them ("cease-fire" is one word). */
static inline size_t word_end(const struct unwrap *u, size_t a)
{
	size_t i = a, k;
	letter_at(u->text + i, u->len - i, &k);
	i += k;
	for (;;) {
		i = alnum_end(u->text, u->len, i);    /* the word's ASCII letters at once */
		if (i < u->len && letter_at(u->text + i, u->len - i, &k)) {
			i += k;
			continue;
		}
		if (i + 1 < u->len && u->text[i] == '-' &&
		    letter_at(u->text + i + 1, u->len - i - 1, &k)) {
			i += 1;
			continue;
		}
		return i;
	}
}

/* Puts the words opening with byte g (in lower case; 256: every word) into the set, once.
 * Returns 0, or -1 when out of memory. */
static int take_group(struct unwrap *u, int g)
{
	if (!u->starts || (g < 256 && u->taken[g]))
		return 0;
	if (g < 256 && u->ntaken >= UNWRAP_LAZY_GROUPS)
		g = 256;            /* looked up by many first bytes: all of them now */
	if (g == 256) {
		for (size_t i = 0; i < u->nstarts; i++) {
			size_t a = u->starts[i];
			if (!u->taken[u->firsts[i]] && set_add(u, u->text + a, word_end(u, a) - a))
				return -1;
		}
		free(u->starts);
		free(u->firsts);
		free(u->taken);
		u->starts = NULL;
		u->firsts = NULL;
		u->taken = NULL;
		return 0;
	}
	/* the group's words found by memchr over the first bytes */
	const unsigned char *f = u->firsts, *end = f + u->nstarts;
	while ((f = memchr(f, g, (size_t)(end - f)))) {
		size_t a = u->starts[f - u->firsts];
		if (set_add(u, u->text + a, word_end(u, a) - a))
			return -1;
		f++;
	}
	u->taken[g] = 1;
	u->ntaken++;
	return 0;
}

/* Words are runs of letters and digits, with hyphens inside ("cease-fire" is one word). A
 * small document only notes where they start (4 bytes a word, where hashing them all was a
 * fifth of a parse); take_group() puts them in the set. */
static void build(struct unwrap *u)
{
	u->built = 1;
	if (u->len > UNWRAP_INDEX_MAX) {
		u->built = -1;
		return;
	}
	int lazy = u->len <= UNWRAP_LAZY_MAX;
	size_t cap = 0;
	if (lazy && !(u->taken = calloc(256, 1)))
		goto oom;
	size_t i = 0;
	while (i < u->len) {
		size_t k;
		if ((unsigned char)u->text[i] < 0x80 && !ascii_alnum((unsigned char)u->text[i])) {
			i++;                /* blanks and punctuation, without a call */
			continue;
		}
		if (!letter_at(u->text + i, u->len - i, &k)) {
			i += k;
			continue;
		}
		size_t a = i;
		i = word_end(u, a);
		if (!lazy) {
			if (set_add(u, u->text + a, i - a))
				goto oom;
			continue;
		}
		if (u->nstarts == cap) {
			/* most texts: once */
			size_t want = cap ? cap + 1 : u->len / 5 + 16, fcap = cap;
			uint32_t *ns = buf_array(u->starts, &cap, want, sizeof *ns);
			if (ns)
				u->starts = ns;
			unsigned char *nf = buf_array(u->firsts, &fcap, want, 1);
			if (nf)
				u->firsts = nf;
			if (!ns || !nf || fcap != cap)
				goto oom;
		}
		u->firsts[u->nstarts] = lower((unsigned char)u->text[a]);
		u->starts[u->nstarts++] = (uint32_t)a;
	}
	if (lazy && !u->starts) {
		free(u->taken);         /* no words at all */
		u->taken = NULL;
	}
	return;
oom:
	unwrap_free(u);
	u->built = -1;
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
	if (uc_is_upper(utf8_at(right, rn)))
		return 1;
	if (!u->built)
		build(u);
	/* both words looked up open with left[0]: its group goes into the set first */
	if (u->built == 1 && take_group(u, lower((unsigned char)left[0]))) {
		unwrap_free(u);
		u->built = -1;
	}
	if (u->built == 1) {
		/* the document's own spelling decides */
		char stack[256];
		if (ln + rn + 1 <= sizeof stack) {
			memcpy(stack, left, ln);
			stack[ln] = '-';
			memcpy(stack + ln + 1, right, rn);
			if (set_has(u, stack, ln + rn + 1, sizeof stack))
				return 1;
			memcpy(stack + ln, right, rn);
			if (set_has(u, stack, ln + rn, sizeof stack))
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

/* Wide characters that join without a space: CJK ideographs, kana, full-width punctuation. */
static int wide(ucs4_t c)
{
	return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x20000 && c <= 0x2FFFF);
}

static ucs4_t last_cp(const char *s, size_t n, size_t *start)
{
	uint32_t c;
	*start = utf8_last(s, n, &c);
	return c;
}

int unwrap_append(struct unwrap *u, struct buf *b, const char *line, size_t n)
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
	ucs4_t first = utf8_at(line, n);
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
	} else if ((last == 0x2013 || last == 0x2014) && first >= '0' && first <= '9' && hs > 0 &&
	           b->s[hs - 1] >= '0' && b->s[hs - 1] <= '9') {
		/* "2024–" / "2034": a range broken after its dash */
	} else if (!(wide(last) && wide(first))) {
		b->s[b->n++] = ' ';
	}
	memcpy(b->s + b->n, line, n);
	b->n += n;
	b->s[b->n] = 0;
	return 0;
}
