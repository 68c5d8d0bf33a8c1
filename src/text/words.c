/* words.c: text -> words for a redline. The letters test is libunistring's (uc_is_alpha,
 * marks by general category), the no-space scripts by their blocks; ASCII never leaves the
 * fast path, so a redline of English text costs one table lookup per byte. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <unictype.h>

#include "text/utf8.h"
#include "text/words.h"

enum cls { C_LETTER, C_SOLO, C_APOS, C_SPACE, C_PUNCT };

/* Scripts written without spaces between words: every character is compared on its own. */
static int is_solo(uint32_t c)
{
	return (c >= 0x2E80 && c <= 0x2FDF) ||   /* CJK radicals, Kangxi */
	       (c >= 0x3040 && c <= 0x30FF) ||   /* hiragana, katakana */
	       (c >= 0x3100 && c <= 0x312F) ||   /* bopomofo */
	       (c >= 0x31F0 && c <= 0x31FF) ||
	       (c >= 0x3400 && c <= 0x4DBF) ||   /* CJK extension A */
	       (c >= 0x4E00 && c <= 0x9FFF) ||   /* CJK unified ideographs */
	       (c >= 0xF900 && c <= 0xFAFF) ||   /* compatibility ideographs */
	       (c >= 0xFF66 && c <= 0xFF9F) ||   /* half-width katakana */
	       (c >= 0x20000 && c <= 0x3FFFF) || /* the supplementary ideographic planes */
	       (c >= 0x0E00 && c <= 0x0EFF) ||   /* Thai, Lao */
	       (c >= 0x1000 && c <= 0x109F) ||   /* Myanmar */
	       (c >= 0x1780 && c <= 0x17FF);     /* Khmer */
}

/* ASCII by table: L letter or digit, S space, A apostrophe, P the rest. */
static const char ascii[129] =
	"PPPPPPPPPSSSSSPPPPPPPPPPPPPPPPPPSPPPPPPAPPPPPPPPLLLLLLLLLLPPPPPP"
	"PLLLLLLLLLLLLLLLLLLLLLLLLLLPPPPPPLLLLLLLLLLLLLLLLLLLLLLLLLLPPPPP";

static enum cls ascii_class(unsigned char b)
{
	switch (ascii[b]) {
	case 'L':
		return C_LETTER;
	case 'S':
		return C_SPACE;
	case 'A':
		return C_APOS;
	default:
		return C_PUNCT;
	}
}

static enum cls classify(uint32_t c)
{
	if (c < 0x80)
		return ascii_class((unsigned char)c);
	if (c == 0x2019)
		return C_APOS;
	if (is_solo(c))
		return C_SOLO;
	if (uc_is_property_white_space(c))
		return C_SPACE;
	if (uc_is_alpha(c) || uc_is_digit(c) || uc_is_general_category(c, UC_CATEGORY_M) ||
	    uc_is_general_category(c, UC_CATEGORY_N))
		return C_LETTER;
	return C_PUNCT;
}

/* The class of the character at s[i] and its length; invalid bytes are punctuation. */
static enum cls next(const char *s, size_t n, size_t i, size_t *len)
{
	unsigned char b = (unsigned char)s[i];
	if (b < 0x80) {
		*len = 1;
		return ascii_class(b);
	}
	uint32_t c;
	*len = utf8_decode(s + i, n - i, &c);
	return c == 0xFFFD ? C_PUNCT : classify(c);
}

static int push(struct word **v, size_t *len, size_t *cap, size_t start, size_t end,
                enum word_kind kind)
{
	if (*len == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		struct word *nv = realloc(*v, nc * sizeof *nv);
		if (!nv)
			return -1;
		*v = nv;
		*cap = nc;
	}
	(*v)[(*len)++] = (struct word){ start, end, kind };
	return 0;
}

long text_words(const char *s, size_t n, struct word **out)
{
	struct word *v = NULL;
	size_t len = 0, cap = 0, i = 0;
	*out = NULL;
	while (i < n) {
		size_t start = i, cl;
		enum cls c = next(s, n, i, &cl);
		enum word_kind kind = WORD_PUNCT;
		i += cl;
		if (c == C_LETTER) {
			kind = WORD_TEXT;
			while (i < n) {
				/* ASCII letters and digits without decoding: most of every text */
				while (i < n && (unsigned char)s[i] < 0x80 && ascii[(unsigned char)s[i]] == 'L')
					i++;
				if (i == n)
					break;
				enum cls d = next(s, n, i, &cl);
				if (d == C_LETTER) {
					i += cl;
					continue;
				}
				/* An apostrophe between letters belongs to the word. */
				size_t cl2;
				if (d == C_APOS && i + cl < n && next(s, n, i + cl, &cl2) == C_LETTER) {
					i += cl + cl2;
					continue;
				}
				break;
			}
		} else if (c == C_SOLO) {
			kind = WORD_TEXT;
			/* Its combining marks (a kana's voicing mark) stay with it. */
			while (i < n) {
				uint32_t m;
				size_t ml = utf8_decode(s + i, n - i, &m);
				if (m < 0x300 || !uc_is_general_category(m, UC_CATEGORY_M))
					break;
				i += ml;
			}
		} else if (c == C_SPACE) {
			kind = WORD_SPACE;
			while (i < n && next(s, n, i, &cl) == C_SPACE)
				i += cl;
		}
		if (push(&v, &len, &cap, start, i, kind) < 0) {
			free(v);
			return -1;
		}
	}
	*out = v;
	return (long)len;
}
