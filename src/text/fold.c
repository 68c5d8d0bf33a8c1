/* fold.c: case, accent and white-space folding with a byte map back to the original, and the
 * smart-case search built on it. ASCII runs take a table-driven fast path; everything else goes
 * one code point at a time through libunistring (full case folding + NFD, marks dropped).
 * A one-word search folds only the words holding a byte >= 0x80 (search_fast). */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

#include "text/fold.h"
#include "text/utf8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

struct fold_buf {
	struct folded *f;
	size_t cap;
	int want_map;    /* 0: the search's first pass, which only needs to know if there is a hit */
};

static int grow(struct fold_buf *b, size_t more)
{
	struct folded *f = b->f;
	if (f->len + more <= b->cap)
		return 0;
	size_t cap = b->cap * 2;
	if (cap < f->len + more)
		cap = f->len + more;
	char *s = realloc(f->s, cap + 1);
	if (!s)
		return -1;
	f->s = s;
	if (b->want_map) {
		size_t *map = realloc(f->map, (cap + 1) * sizeof *map);
		if (!map)
			return -1;
		f->map = map;
	}
	b->cap = cap;
	return 0;
}

static int ascii_space(unsigned char b)
{
	return b == ' ' || (b >= '\t' && b <= '\r');
}

/* One ASCII byte folded (both loops of fold_impl share it; inlined, so the fast path stays
 * fast): a whitespace run becomes one space, capitals small unless keep_case. Returns the
 * byte to store, or -1 when it joins the space before it. */
static inline int fold_ascii(unsigned char ch, int keep_case, int *in_space)
{
	if (ascii_space(ch)) {
		if (*in_space)
			return -1;
		*in_space = 1;
		return ' ';
	}
	*in_space = 0;
	if (!keep_case && ch >= 'A' && ch <= 'Z')
		ch = (unsigned char)(ch + ('a' - 'A'));
	return ch;
}

/* Dropped from the folded text: marks (accents, Arabic harakat) and invisible format
 * characters that would otherwise split a word. */
static int dropped(uint32_t c)
{
	if (uc_is_general_category(c, UC_CATEGORY_M))
		return 1;
	return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF;
}

/* Hyphens and the dashes typed for them fold to '-': texts print "pre\u2011recorded" (the
 * non-breaking hyphen), "2015\u20132030" (en dash), a minus sign, where people type '-'. The
 * em dash (a parenthetical, never typed for a hyphen) stays itself. */
static int hyphen(uint32_t c)
{
	return (c >= 0x2010 && c <= 0x2013) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D;
}

/* Appends the folded form of one non-ASCII code point (bytes [at, at+len) of the original). */
static int fold_char(struct fold_buf *b, const char *s, size_t at, size_t len, uint32_t c,
                     int keep_case)
{
	uint8_t small[64];
	size_t rlen = sizeof small;
	uint8_t *r;
	if (c == 0xFFFD) {
		r = (uint8_t *)"\xEF\xBF\xBD";
		rlen = 3;
	} else if (hyphen(c)) {
		r = small;
		small[0] = '-';
		rlen = 1;
	} else if (keep_case) {
		r = u8_normalize(UNINORM_NFD, (const uint8_t *)s + at, len, small, &rlen);
	} else {
		r = u8_casefold((const uint8_t *)s + at, len, NULL, UNINORM_NFD, small, &rlen);
	}
	if (!r)
		return -1;
	int rc = 0;
	if (grow(b, rlen) < 0) {
		rc = -1;
		goto out;
	}
	struct folded *f = b->f;
	for (size_t k = 0; k < rlen;) {
		uint32_t d;
		size_t dl = utf8_decode((const char *)r + k, rlen - k, &d);
		if (!dropped(d)) {
			memcpy(f->s + f->len, r + k, dl);
			for (size_t m = 0; m < dl && f->map; m++)
				f->map[f->len + m] = at;
			f->len += dl;
		}
		k += dl;
	}
out:
	if (r != small && r != (uint8_t *)"\xEF\xBF\xBD")
		free(r);
	return rc;
}

/* The folded forms of the code points met most outside ASCII (Latin, Greek, Cyrillic,
 * Hebrew, Arabic, and the general punctuation of typographic quotes and dashes), computed
 * once: a libunistring call per accented letter would otherwise cost more than all the ASCII
 * around it. Written once under pthread_once, read-only afterwards. */
enum { ENTRY_SLOW = 0xFF, ENTRY_SPACE = 0xFE };
struct fold_entry {
	unsigned char len;   /* bytes in s; 0 for a dropped character; or an ENTRY_ value */
	char s[7];
};
#define CACHE_A_LO 0x80u
#define CACHE_A_HI 0x800u
#define CACHE_B_LO 0x2000u
#define CACHE_B_HI 0x2070u
#define CACHE_SIZE ((CACHE_A_HI - CACHE_A_LO) + (CACHE_B_HI - CACHE_B_LO))
static struct fold_entry fold_cache[2][CACHE_SIZE];
static pthread_once_t fold_cache_once = PTHREAD_ONCE_INIT;

static int cache_index(uint32_t c)
{
	if (c >= CACHE_A_LO && c < CACHE_A_HI)
		return (int)(c - CACHE_A_LO);
	if (c >= CACHE_B_LO && c < CACHE_B_HI)
		return (int)(CACHE_A_HI - CACHE_A_LO + c - CACHE_B_LO);
	return -1;
}

static void fold_cache_init(void)
{
	for (int mode = 0; mode < 2; mode++) {
		for (uint32_t c = CACHE_A_LO; c < CACHE_B_HI; c++) {
			int ci = cache_index(c);
			if (ci < 0)
				continue;
			struct fold_entry *e = &fold_cache[mode][ci];
			e->len = ENTRY_SLOW;
			if (uc_is_property_white_space(c)) {
				e->len = ENTRY_SPACE;
				continue;
			}
			if (dropped(c)) {
				e->len = 0;
				continue;
			}
			char enc[4];
			size_t el = utf8_encode(c, enc);
			struct folded f = { 0 };
			struct fold_buf b = { &f, 0, 0 };
			if (grow(&b, 16) == 0 && fold_char(&b, enc, 0, el, c, mode) == 0 &&
			    f.len <= sizeof e->s) {
				memcpy(e->s, f.s, f.len);
				e->len = (unsigned char)f.len;
			}
			free(f.s);
		}
	}
}

static int fold_impl(const char *s, size_t n, int keep_case, int want_map, struct folded *out)
{
	pthread_once(&fold_cache_once, fold_cache_init);
	memset(out, 0, sizeof *out);
	struct fold_buf b = { out, 0, want_map };
	if (grow(&b, n + n / 8 + 16) < 0)
		goto oom;
	int in_space = 0;
	size_t i = 0;
	while (i < n) {
		unsigned char c0 = (unsigned char)s[i];
		if (c0 < 0x80) {
			/* ASCII run: room for all of it at once, then one store per byte. */
			size_t j = i;
			while (j < n && (unsigned char)s[j] < 0x80)
				j++;
			if (grow(&b, j - i) < 0)
				goto oom;
			char *d = out->s + out->len;
			if (!want_map) {
				/* Same loop without the map: half the stores. */
				for (; i < j; i++) {
					int ch = fold_ascii((unsigned char)s[i], keep_case, &in_space);
					if (ch >= 0)
						*d++ = (char)ch;
				}
				out->len = (size_t)(d - out->s);
				continue;
			}
			size_t *m = out->map + out->len;
			for (; i < j; i++) {
				int ch = fold_ascii((unsigned char)s[i], keep_case, &in_space);
				if (ch < 0)
					continue;
				*d++ = (char)ch;
				*m++ = i;
			}
			out->len = (size_t)(d - out->s);
			continue;
		}
		uint32_t c;
		size_t len = utf8_decode(s + i, n - i, &c);
		int ci = cache_index(c);
		const struct fold_entry *e = ci >= 0 ? &fold_cache[keep_case ? 1 : 0][ci] : NULL;
		if (e && e->len != ENTRY_SLOW && e->len != ENTRY_SPACE) {
			if (e->len > 0) {
				if (grow(&b, e->len) < 0)
					goto oom;
				memcpy(out->s + out->len, e->s, e->len);
				for (size_t m = 0; want_map && m < e->len; m++)
					out->map[out->len + m] = i;
				out->len += e->len;
				in_space = 0;
			}
		} else if ((e && e->len == ENTRY_SPACE) || (!e && uc_is_property_white_space(c))) {
			if (!in_space) {
				if (grow(&b, 1) < 0)
					goto oom;
				out->s[out->len] = ' ';
				if (want_map)
					out->map[out->len] = i;
				out->len++;
				in_space = 1;
			}
		} else if (!dropped(c)) {
			if (fold_char(&b, s, i, len, c, keep_case) < 0)
				goto oom;
			in_space = 0;
		}
		i += len;
	}
	out->s[out->len] = '\0';
	if (want_map)
		out->map[out->len] = n;
	return 0;
oom:
	fold_free(out);
	return -1;
}

int text_fold_mode(const char *s, size_t n, int keep_case, struct folded *out)
{
	return fold_impl(s, n, keep_case, 1, out);
}

int text_fold(const char *s, size_t n, struct folded *out)
{
	return text_fold_mode(s, n, 0, out);
}

void fold_free(struct folded *f)
{
	if (!f)
		return;
	free(f->s);
	free(f->map);
	f->s = NULL;
	f->map = NULL;
	f->len = 0;
}

/* Smart case: a capital (upper- or title-case letter) anywhere makes the search exact in case. */
static int has_capital(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t c;
		i += utf8_decode(s + i, n - i, &c);
		if (uc_is_upper(c) || uc_is_general_category(c, UC_CATEGORY_Lt))
			return 1;
	}
	return 0;
}

int search_compile(const char *pattern, struct search_pat *out)
{
	memset(out, 0, sizeof *out);
	size_t n = strlen(pattern);
	out->case_sensitive = has_capital(pattern, n);
	struct folded f;
	if (text_fold_mode(pattern, n, out->case_sensitive, &f) < 0)
		return -1;
	size_t a = 0, z = f.len;
	while (a < z && f.s[a] == ' ')
		a++;
	while (z > a && f.s[z - 1] == ' ')
		z--;
	out->needle = malloc(z - a + 1);
	if (!out->needle) {
		fold_free(&f);
		return -1;
	}
	memcpy(out->needle, f.s + a, z - a);
	out->needle[z - a] = '\0';
	out->len = z - a;
	fold_free(&f);
	return 0;
}

void search_pat_free(struct search_pat *p)
{
	if (!p)
		return;
	free(p->needle);
	p->needle = NULL;
	p->len = 0;
}

/* The fast path's growing list of hits. */
struct hitv {
	struct search_hit *v;
	size_t n, cap;
};

static int hit_add(struct hitv *h, size_t start, size_t end)
{
	if (h->n == h->cap) {
		size_t nc = h->cap ? h->cap * 2 : 8;
		struct search_hit *nv = realloc(h->v, nc * sizeof *nv);
		if (!nv)
			return -1;
		h->v = nv;
		h->cap = nc;
	}
	h->v[h->n++] = (struct search_hit){ start, end };
	return 0;
}

/* The fast path, for a needle of printable ASCII without spaces (a single word: what is
 * searched almost always). Such a needle never matches across a folded space, and every ASCII
 * white-space byte folds into one, so the text can be cut at ASCII white space into pieces
 * searched on their own with the same hits as the whole. A piece of pure ASCII folds byte for
 * byte (capitals made small), so it is matched in place, case-insensitively, without a copy;
 * only a piece holding a byte >= 0x80 (an accented word, "é" folds to "e") is folded, into a
 * small buffer through the same cache, and searched there. */
static int fast_needle(const struct search_pat *pat)
{
	for (size_t i = 0; i < pat->len; i++) {
		unsigned char c = (unsigned char)pat->needle[i];
		if (c <= ' ' || c >= 0x7F)
			return 0;
	}
	return 1;
}

static inline unsigned char lower_if(unsigned char c, int fold_case)
{
	return fold_case && c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* Whether the needle (already folded) is at s[0..len) of raw ASCII text. */
static inline int ascii_eq(const unsigned char *t, const char *needle, size_t len,
                           int fold_case)
{
	for (size_t k = 0; k < len; k++)
		if (lower_if(t[k], fold_case) != (unsigned char)needle[k])
			return 0;
	return 1;
}

/* Folds the piece s[a, b) (no ASCII white space inside, a byte >= 0x80 somewhere) as
 * fold_impl would, into fb/fm (room for cap bytes), map relative to a. Returns the folded
 * length, or -1 when a character is not in the cache or the piece does not fit. */
static long piece_fold(const char *s, size_t a, size_t b, int keep_case, char *fb, uint32_t *fm,
                       size_t cap)
{
	size_t o = 0, i = a;
	int in_space = 0;
	while (i < b) {
		unsigned char c0 = (unsigned char)s[i];
		if (c0 < 0x80) {
			if (o >= cap)
				return -1;
			fb[o] = (char)lower_if(c0, !keep_case);
			fm[o++] = (uint32_t)(i - a);
			in_space = 0;
			i++;
			continue;
		}
		uint32_t c;
		size_t len;
		unsigned char c1 = i + 1 < b ? (unsigned char)s[i + 1] : 0;
		if (c0 >= 0xC2 && c0 <= 0xDF && (c1 & 0xC0) == 0x80) {
			/* Two bytes (Latin, Greek, Cyrillic...): decoded here, the common case. */
			c = ((uint32_t)(c0 & 0x1F) << 6) | (c1 & 0x3F);
			len = 2;
		} else {
			len = utf8_decode(s + i, b - i, &c);
		}
		int ci = cache_index(c);
		if (ci < 0)
			return -1;
		const struct fold_entry *e = &fold_cache[keep_case ? 1 : 0][ci];
		if (e->len == ENTRY_SLOW)
			return -1;
		if (e->len == ENTRY_SPACE) {
			if (!in_space) {
				if (o >= cap)
					return -1;
				fb[o] = ' ';
				fm[o++] = (uint32_t)(i - a);
				in_space = 1;
			}
		} else if (e->len > 0) {
			if (o + e->len > cap)
				return -1;
			memcpy(fb + o, e->s, e->len);
			for (size_t m = 0; m < e->len; m++)
				fm[o + m] = (uint32_t)(i - a);
			o += e->len;
			in_space = 0;
		}
		i += len;
	}
	return (long)o;
}

/* Hits of the needle in the piece s[a, b), which holds a byte >= 0x80. */
static int piece_hits(const struct search_pat *pat, const char *s, size_t a, size_t b,
                      struct hitv *h)
{
	enum { CAP = 512 };
	char fb[CAP];
	uint32_t fmap[CAP];
	struct folded big = { 0 };
	const char *f = fb;
	long fl = piece_fold(s, a, b, pat->case_sensitive, fb, fmap, CAP);
	if (fl < 0) {
		/* A rare character or a long piece: the general fold. */
		if (fold_impl(s + a, b - a, pat->case_sensitive, 1, &big) < 0)
			return -1;
		f = big.s;
		fl = (long)big.len;
	}
	size_t len = (size_t)fl, at = 0;
	int rc = 0;
	/* A piece is a word or so: a plain loop beats memmem's set-up. */
	while (at + pat->len <= len) {
		if (f[at] != pat->needle[0] || memcmp(f + at, pat->needle, pat->len) != 0) {
			at++;
			continue;
		}
		size_t fs = at, fe = fs + pat->len;
#define MAP(k_) (big.s ? big.map[k_] : (size_t)fmap[k_])
		size_t last = MAP(fe - 1), k = fe;
		while (k < len && MAP(k) == last)
			k++;
		if (hit_add(h, a + MAP(fs), k < len ? a + MAP(k) : b) < 0) {
			rc = -1;
			break;
		}
#undef MAP
		at = fe;
	}
	fold_free(&big);
	return rc;
}

static inline int ascii_ws(unsigned char b)
{
	return b == ' ' || (b >= '\t' && b <= '\r');
}

/* Where a candidate for a hit is at (the needle's first and last bytes matched), or a byte
 * >= 0x80 is at: one pass over the text finds both, 16 bytes at a time with SSE2, and
 * decides at each in turn. Before `at` all is ASCII and settled. A byte >= 0x80 sends its
 * whole piece (from the ASCII white space before it to the one after) to piece_hits. A
 * candidate is a hit when the rest of the needle matches and its piece has no byte >= 0x80
 * after it either (before it, all is ASCII already); otherwise the piece goes to piece_hits.
 * Returns where to go on from, or 0 (never a valid restart: at least one byte is passed)
 * with *err set when out of memory. */
static size_t settle(const struct search_pat *pat, const char *s, size_t n, size_t from,
                     size_t at, int high, struct hitv *h, int *err)
{
	const unsigned char *t = (const unsigned char *)s;
	size_t len = pat->len;
	if (!high) {
		if (!ascii_eq(t + at, pat->needle, len, !pat->case_sensitive))
			return at + 1;
		size_t j = at + len;
		while (j < n && !ascii_ws(t[j]) && t[j] < 0x80)
			j++;
		if (j == n || ascii_ws(t[j])) {
			if (hit_add(h, at, at + len) < 0)
				*err = 1;
			return at + len;
		}
	}
	/* The piece holding `at` has a byte >= 0x80. */
	size_t ps = at, pe = at + 1;
	while (ps > from && !ascii_ws(t[ps - 1]))
		ps--;
	while (pe < n && !ascii_ws(t[pe]))
		pe++;
	if (piece_hits(pat, s, ps, pe, h) < 0)
		*err = 1;
	return pe;
}

static int search_fast(const struct search_pat *pat, const char *s, size_t n,
                       struct search_hit **hits)
{
	pthread_once(&fold_cache_once, fold_cache_init);
	const unsigned char *t = (const unsigned char *)s;
	struct hitv h = { 0 };
	size_t len = pat->len, i = 0;
	size_t from = 0;   /* the start of the current piece can be no earlier */
	int fc = !pat->case_sensitive, err = 0;
	unsigned char first = (unsigned char)pat->needle[0];
#ifdef __SSE2__
	unsigned char last = (unsigned char)pat->needle[len - 1];
	/* OR 0x20 makes a letter small; only applied where the needle byte is a letter, so a
	 * non-letter is compared exactly (settle's full compare decides every candidate). */
	unsigned char fm = fc && first >= 'a' && first <= 'z' ? 0x20 : 0;
	unsigned char lm = fc && last >= 'a' && last <= 'z' ? 0x20 : 0;
	const __m128i vf = _mm_set1_epi8((char)first), vl = _mm_set1_epi8((char)last);
	const __m128i mf = _mm_set1_epi8((char)fm), ml = _mm_set1_epi8((char)lm);
	while (i + len - 1 + 16 <= n) {
		__m128i x = _mm_loadu_si128((const __m128i *)(t + i));
		__m128i y = _mm_loadu_si128((const __m128i *)(t + i + len - 1));
		unsigned hm = (unsigned)_mm_movemask_epi8(x);
		unsigned cm = (unsigned)_mm_movemask_epi8(
		    _mm_and_si128(_mm_cmpeq_epi8(_mm_or_si128(x, mf), vf),
		                  _mm_cmpeq_epi8(_mm_or_si128(y, ml), vl)));
		if (!(hm | cm)) {
			i += 16;
			continue;
		}
		/* The first event of the block decides where to go on from. */
		unsigned ev = hm | cm;
		size_t at = i + (size_t)__builtin_ctz(ev);
		size_t next = settle(pat, s, n, from, at, (hm & (ev & -ev)) != 0, &h, &err);
		if (err)
			goto oom;
		if (next > at + 1 || (hm & (ev & -ev)))
			from = next;
		i = next;
	}
#endif
	while (i < n) {
		int high = t[i] >= 0x80;
		if (!high && !(i + len <= n && lower_if(t[i], fc) == first)) {
			i++;
			continue;
		}
		size_t next = settle(pat, s, n, from, i, high, &h, &err);
		if (err)
			goto oom;
		if (next > i + 1 || high)
			from = next;
		i = next;
	}
	if (h.n > (size_t)INT32_MAX)
		h.n = (size_t)INT32_MAX;
	*hits = h.v;
	if (!h.n) {
		free(h.v);
		*hits = NULL;
	}
	return (int)h.n;
oom:
	free(h.v);
	return -1;
}

int search_text(const struct search_pat *pat, const char *s, size_t n, struct search_hit **hits)
{
	*hits = NULL;
	if (!pat->needle || pat->len == 0 || n == 0)
		return 0;
	if (fast_needle(pat))
		return search_fast(pat, s, n, hits);
	/* Most texts do not match: fold without the map (8 bytes per byte) first, and build it
	 * only when there is a hit to map back. */
	struct folded f;
	if (fold_impl(s, n, pat->case_sensitive, 0, &f) < 0)
		return -1;
	int found = memmem(f.s, f.len, pat->needle, pat->len) != NULL;
	fold_free(&f);
	if (!found)
		return 0;
	if (fold_impl(s, n, pat->case_sensitive, 1, &f) < 0)
		return -1;
	struct search_hit *v = NULL;
	size_t count = 0, cap = 0;
	size_t at = 0;
	size_t window = 256;
	while (at + pat->len <= f.len) {
		/* Look in a window that doubles while nothing is found and shrinks after a hit, so
		 * the bytes handed to memmem stay proportional to the distance between hits (a
		 * sanitizer checks the whole haystack of every call). */
		size_t span = f.len - at;
		if (span > window + pat->len)
			span = window + pat->len;
		const char *p = memmem(f.s + at, span, pat->needle, pat->len);
		if (!p) {
			if (at + span >= f.len)
				break;
			at += span - pat->len + 1;
			window *= 2;
			continue;
		}
		window = 256;
		size_t fs = (size_t)(p - f.s), fe = fs + pat->len;
		/* The end is where the next original character begins: a character that folded to
		 * several bytes ("ß" -> "ss") is taken whole, with any marks that were dropped after
		 * it. */
		size_t last = f.map[fe - 1], k = fe;
		while (k < f.len && f.map[k] == last)
			k++;
		if (count == cap) {
			size_t nc = cap ? cap * 2 : 8;
			struct search_hit *nv = realloc(v, nc * sizeof *nv);
			if (!nv) {
				free(v);
				fold_free(&f);
				return -1;
			}
			v = nv;
			cap = nc;
		}
		v[count].start = f.map[fs];
		v[count].end = k < f.len ? f.map[k] : n;
		count++;
		at = fe;
		if (count > (size_t)INT32_MAX - 1)
			break;
	}
	fold_free(&f);
	*hits = v;
	return (int)count;
}
