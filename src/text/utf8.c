/* utf8.c: UTF-8 repair, counting and the terminal sanitizer over the program's one codec
 * (libunistring's u8_mbtouc), so every layer agrees on what an invalid byte is and nothing
 * from a document drives a terminal. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "text/utf8.h"

#define REPLACEMENT 0xFFFDu

/* The decoder is libunistring's (u8_mbtouc): it follows Unicode's table 3-7 ("well-formed UTF-8
 * byte sequences"), so overlongs, surrogates and values past U+10FFFF are invalid, and an
 * invalid sequence counts as its maximal valid prefix. These wrappers only add the ASCII
 * fast path and the types the rest of gavel uses. */
size_t utf8_decode(const char *str, size_t n, uint32_t *c)
{
	unsigned char b = (unsigned char)str[0];
	if (b < 0x80) {
		*c = b;
		return 1;
	}
	const uint8_t *u = (const uint8_t *)str;
	ucs4_t uc;
	int k = u8_mbtouc(&uc, u, n);
	*c = uc;
	if (uc != REPLACEMENT || (k == 3 && u[0] == 0xEF && u[1] == 0xBF && u[2] == 0xBD))
		return k > 0 ? (size_t)k : 1;
	/* u8_mbtouc takes "E0 80 AF" as one bad sequence; Unicode recommends its maximal
	 * subpart, the longest prefix some valid sequence starts with (E0 alone): the strict
	 * decoder says which prefixes those are ("incomplete", -2) */
	size_t sub = 1;
	for (size_t m = 2; m <= 3 && m <= n; m++)
		if (u8_mbtoucr(&uc, u, m) == -2)
			sub = m;
	return sub;
}

uint32_t utf8_at(const char *s, size_t n)
{
	uint32_t c = 0;
	if (n)
		utf8_decode(s, n, &c);
	return c;
}

size_t utf8_last(const char *s, size_t n, uint32_t *c)
{
	if (!n) {
		*c = 0;
		return 0;
	}
	ucs4_t uc;
	const uint8_t *p = u8_prev(&uc, (const uint8_t *)s + n, (const uint8_t *)s);
	if (!p) {
		*c = REPLACEMENT;       /* not a whole sequence: its last byte stands for it */
		return n - 1;
	}
	*c = uc;
	return (size_t)(p - (const uint8_t *)s);
}

size_t utf8_encode(uint32_t c, char out[4])
{
	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = REPLACEMENT;
	int k = u8_uctomb((uint8_t *)out, c, 4);
	return k > 0 ? (size_t)k : 0;
}

char *utf8_repair(const char *s, size_t n, size_t *outlen, size_t *nbad)
{
	/* Worst case: every byte becomes a 3-byte U+FFFD. */
	if (n > (SIZE_MAX - 1) / 3)
		return NULL;
	char *out = malloc(n * 3 + 1);
	if (!out)
		return NULL;
	size_t o = 0, bad = 0, i = 0;
	while (i < n) {
		/* Fast path: copy an ASCII run at once. */
		size_t j = i;
		while (j < n && (unsigned char)s[j] < 0x80)
			j++;
		if (j > i) {
			memcpy(out + o, s + i, j - i);
			o += j - i;
			i = j;
			continue;
		}
		uint32_t c;
		size_t l = utf8_decode(s + i, n - i, &c);
		if (c == REPLACEMENT && !(l == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
			bad++;
		if (c == REPLACEMENT) {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
		} else {
			memcpy(out + o, s + i, l);
			o += l;
		}
		i += l;
	}
	out[o] = '\0';
	/* Give back the slack of the worst-case allocation when it is large. */
	if (o + 1 < n * 3 + 1 && n > 4096) {
		char *shrunk = realloc(out, o + 1);
		if (shrunk)
			out = shrunk;
	}
	if (outlen)
		*outlen = o;
	if (nbad)
		*nbad = bad;
	return out;
}

size_t utf8_count(const char *s, size_t n)
{
	return u8_mbsnlen((const uint8_t *)s, n);
}

size_t utf8_byte_offset(const char *s, size_t n, size_t chars)
{
	size_t i = 0;
	while (i < n && chars > 0) {
		uint32_t c;
		i += utf8_decode(s + i, n - i, &c);
		chars--;
	}
	return i < n ? i : n;
}

int utf8_is_word(uint32_t c)
{
	return uc_is_general_category(c, UC_CATEGORY_L) || uc_is_general_category(c, UC_CATEGORY_M) ||
	       uc_is_general_category(c, UC_CATEGORY_N);
}

int utf8_is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* What a code point becomes on a terminal: itself, a space for TAB, or U+FFFD. */
static uint32_t safe_char(uint32_t c, int keep_newlines)
{
	if (!utf8_is_control(c))
		return c;
	if (c == '\t')
		return ' ';
	if (c == '\n' && keep_newlines)
		return '\n';
	return REPLACEMENT;
}

char *utf8_sanitize(const char *s, size_t n, int keep_newlines)
{
	if (n > (SIZE_MAX - 1) / 3)
		return NULL;
	char *out = malloc(n * 3 + 1);
	if (!out)
		return NULL;
	size_t o = 0, i = 0;
	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		if (b >= 0x20 && b < 0x7F) {
			out[o++] = (char)b;
			i++;
			continue;
		}
		uint32_t c;
		size_t l = utf8_decode(s + i, n - i, &c);
		uint32_t d = safe_char(c, keep_newlines);
		if (d == c && c != REPLACEMENT) {
			memcpy(out + o, s + i, l);
			o += l;
		} else {
			o += utf8_encode(d, out + o);
		}
		i += l;
	}
	out[o] = '\0';
	return out;
}

/* The end of the run from j that goes out as it is: printable ASCII and valid sequences
 * that are not controls. Where it stops before n, *c and *l are the character there and its
 * length. */
static size_t safe_run(const char *s, size_t j, size_t n, uint32_t *c, size_t *l)
{
	while (j < n) {
#ifdef __SSE2__
		/* sixteen bytes at a time while all are printable ASCII (signed: 0x80 and up
		 * are negative), then straight to the first that is not */
		const __m128i lo = _mm_set1_epi8(0x1F), top = _mm_set1_epi8(0x7F);
		while (j + 16 <= n) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + j));
			__m128i ok = _mm_and_si128(_mm_cmpgt_epi8(v, lo), _mm_cmplt_epi8(v, top));
			unsigned odd = ~(unsigned)_mm_movemask_epi8(ok) & 0xFFFF;
			if (odd) {
				j += (size_t)__builtin_ctz(odd);
				break;
			}
			j += 16;
		}
#endif
		/* eight bytes at a time while none is below 0x20 or at or above 0x7F */
		const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
		while (j + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + j, 8);
			if ((((w - ones * 0x20) & ~w) | (w | (w + ones))) & high)
				break;
			j += 8;
		}
		if (j >= n)
			break;
		unsigned char b = (unsigned char)s[j];
		if (b >= 0x20 && b < 0x7F) {
			j++;
			continue;
		}
		if (b >= 0xC2 && b <= 0xDF && j + 1 < n && ((unsigned char)s[j + 1] & 0xC0) == 0x80
		    && (b > 0xC2 || (unsigned char)s[j + 1] >= 0xA0)) {
			/* two bytes, U+00A0..U+07FF: valid, and none a control (Latin letters) */
			j += 2;
			continue;
		}
		*l = utf8_decode(s + j, n - j, c);
		if (b < 0x80 || *c == REPLACEMENT || utf8_is_control(*c))
			break;
		j += *l;
	}
	return j;
}

int utf8_write_safe(FILE *f, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		/* Runs of printable ASCII and valid non-control sequences go out in one fwrite. */
		uint32_t c = 0;
		size_t l = 0;
		size_t j = safe_run(s, i, n, &c, &l);
		if (j > i && fwrite(s + i, 1, j - i, f) != j - i)
			return -1;
		if (j >= n)
			break;
		char buf[4];
		size_t bl = utf8_encode(safe_char(c, 0), buf);
		if (fwrite(buf, 1, bl, f) != bl)
			return -1;
		i = j + l;
	}
	return ferror(f) ? -1 : 0;
}
