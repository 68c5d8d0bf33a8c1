/* bidi.c: visual order of one wrapped line through libfribidi (embedding levels, Arabic
 * joining and shaping, mirroring, then reordering with marks kept after their base). */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <fribidi.h>

#include "text/bidi.h"
#include "text/utf8.h"

static int strong_rtl(FriBidiCharType t)
{
	return t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL;
}

int bidi_has_rtl(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		/* ASCII, eight bytes at a time */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080u)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		/* Right-to-left scripts start at U+0590: lead byte 0xD6 and above. */
		unsigned char b = (unsigned char)s[i];
		if (b < 0xD6) {
			/* and the bytes after it that are neither ASCII nor a right-to-left lead byte
			 * (Cyrillic, Greek, accented Latin) */
			do
				i++;
			while (i < n && (unsigned char)s[i] >= 0x80 && (unsigned char)s[i] < 0xD6);
			continue;
		}
		/* U+1000..U+1FFF and U+3000..U+EFFF (CJK, Hangul among them) hold no strong
		 * right-to-left character: such a sequence is passed whole (its continuation bytes
		 * would be passed one by one anyway) */
		if ((b == 0xE1 || (b >= 0xE3 && b <= 0xEE)) && i + 2 < n
		    && ((unsigned char)s[i + 1] & 0xC0) == 0x80
		    && ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		uint32_t c;
		i += utf8_decode(s + i, n - i, &c);
		if (strong_rtl(fribidi_get_bidi_type(c)))
			return 1;
	}
	return 0;
}

enum bidi_dir bidi_direction(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t c;
		i += utf8_decode(s + i, n - i, &c);
		FriBidiCharType t = fribidi_get_bidi_type(c);
		if (strong_rtl(t))
			return BIDI_RTL;
		if (t == FRIBIDI_TYPE_LTR)
			return BIDI_LTR;
	}
	return BIDI_LTR;
}

char *bidi_visual(const char *s, size_t n, enum bidi_dir dir, size_t *outlen, size_t **log_of)
{
	if (log_of)
		*log_of = NULL;
	if (n >= INT_MAX / 4)
		return NULL;
	size_t len = 0;
	FriBidiChar *u = malloc((n + 1) * sizeof *u);
	size_t *pos = malloc((n + 1) * sizeof *pos);
	FriBidiCharType *types = malloc((n + 1) * sizeof *types);
	FriBidiBracketType *brackets = malloc((n + 1) * sizeof *brackets);
	FriBidiLevel *levels = malloc((n + 1) * sizeof *levels);
	FriBidiArabicProp *ar = malloc((n + 1) * sizeof *ar);
	FriBidiStrIndex *map = malloc((n + 1) * sizeof *map);
	char *out = malloc(n * 4 + 1);   /* shaping keeps one code point for one, of up to 4 bytes */
	size_t *lo = log_of ? malloc((n * 4 + 1) * sizeof *lo) : NULL;
	char *result = NULL;
	if (!u || !pos || !types || !brackets || !levels || !ar || !map || !out || (log_of && !lo))
		goto done;

	for (size_t i = 0; i < n;) {
		uint32_t c;
		pos[len] = i;
		i += utf8_decode(s + i, n - i, &c);
		/* Controls never steer the reordering nor reach the result (an override in a
		 * document must not reverse what is drawn): they become U+FFFD, TAB a space. */
		if (utf8_is_control(c))
			c = c == '\t' ? ' ' : 0xFFFD;
		u[len++] = c;
	}
	FriBidiStrIndex fl = (FriBidiStrIndex)len;
	FriBidiParType base = dir == BIDI_RTL ? FRIBIDI_PAR_RTL
	                      : dir == BIDI_LTR ? FRIBIDI_PAR_LTR : FRIBIDI_PAR_ON;
	size_t o = 0;
	if (len > 0) {
		fribidi_get_bidi_types(u, fl, types);
		fribidi_get_bracket_types(u, fl, types, brackets);
		if (!fribidi_get_par_embedding_levels_ex(types, brackets, fl, &base, levels))
			goto done;
		fribidi_get_joining_types(u, fl, ar);
		fribidi_join_arabic(types, fl, levels, ar);
		/* Presentation forms, not ligatures: one code point stays one code point, so the
		 * byte map stays exact. */
		fribidi_shape(FRIBIDI_FLAG_SHAPE_MIRRORING | FRIBIDI_FLAG_SHAPE_ARAB_PRES, levels, fl,
		              ar, u);
		for (FriBidiStrIndex k = 0; k < fl; k++)
			map[k] = k;
		if (!fribidi_reorder_line(FRIBIDI_FLAG_REORDER_NSM, types, fl, 0, base, levels, u,
		                          map))
			goto done;
		for (size_t k = 0; k < len; k++) {
			size_t l = utf8_encode(u[k], out + o);
			if (lo)
				for (size_t m = 0; m < l; m++)
					lo[o + m] = pos[map[k]];
			o += l;
		}
	}
	out[o] = '\0';
	if (outlen)
		*outlen = o;
	if (log_of)
		*log_of = lo;
	result = out;
	out = NULL;
	lo = NULL;
done:
	/* Success and failure free the same scratch; out and lo only when not handed over. */
	free(u);
	free(pos);
	free(types);
	free(brackets);
	free(levels);
	free(ar);
	free(map);
	free(out);
	free(lo);
	return result;
}
