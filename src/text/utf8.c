/* utf8.c: one strict UTF-8 decoder shared by repair, counting and the terminal sanitizer, so
 * every layer agrees on what an invalid byte is and nothing from a document drives a terminal. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unictype.h>

#include "text/utf8.h"

#define REPLACEMENT 0xFFFDu

/* Continuation byte test. */
static int cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

/* The tables of Unicode 15, table 3-7 ("well-formed UTF-8 byte sequences"): the second byte's
 * range depends on the first, which rules out overlongs, surrogates and values past U+10FFFF. */
size_t utf8_decode(const char *str, size_t n, uint32_t *c)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char b = s[0];
	if (b < 0x80) {
		*c = b;
		return 1;
	}
	size_t need;
	unsigned char lo = 0x80, hi = 0xBF;
	uint32_t v;
	if (b >= 0xC2 && b <= 0xDF) {
		need = 1;
		v = b & 0x1F;
	} else if (b >= 0xE0 && b <= 0xEF) {
		need = 2;
		v = b & 0x0F;
		if (b == 0xE0)
			lo = 0xA0;
		else if (b == 0xED)
			hi = 0x9F;
	} else if (b >= 0xF0 && b <= 0xF4) {
		need = 3;
		v = b & 0x07;
		if (b == 0xF0)
			lo = 0x90;
		else if (b == 0xF4)
			hi = 0x8F;
	} else {
		*c = REPLACEMENT;   /* stray continuation, C0/C1 overlong lead, F5..FF */
		return 1;
	}
	size_t i = 1;
	for (; i <= need; i++) {
		if (i >= n) {
			*c = REPLACEMENT;   /* truncated at the end */
			return i;
		}
		unsigned char t = s[i];
		if (i == 1 ? (t < lo || t > hi) : !cont(t)) {
			*c = REPLACEMENT;   /* the maximal valid prefix counts as one bad sequence */
			return i;
		}
		v = (v << 6) | (t & 0x3F);
	}
	*c = v;
	return i;
}

size_t utf8_encode(uint32_t c, char out[4])
{
	unsigned char *o = (unsigned char *)out;
	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = REPLACEMENT;
	if (c < 0x80) {
		o[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (unsigned char)(0xC0 | (c >> 6));
		o[1] = (unsigned char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (c >> 12));
		o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (c >> 18));
	o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (c & 0x3F));
	return 4;
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
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += !cont((unsigned char)s[i]);
	return count;
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

int utf8_write_safe(FILE *f, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		/* Runs of printable ASCII and valid non-control sequences go out in one fwrite. */
		size_t j = i;
		uint32_t c = 0;
		size_t l = 0;
		while (j < n) {
			unsigned char b = (unsigned char)s[j];
			if (b >= 0x20 && b < 0x7F) {
				j++;
				continue;
			}
			l = utf8_decode(s + j, n - j, &c);
			if (b < 0x80 || c == REPLACEMENT || utf8_is_control(c))
				break;
			j += l;
		}
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
