/* wrap.c: display width and greedy line filling over libunistring's line-break opportunities.
 * One pass over the text (plus one over the break table), so a 20 MB paragraph wraps in
 * linear time; a line only ever ends at a break opportunity or, for a word wider than the
 * line, at a grapheme boundary. Latin text gets its break opportunities from a pair table
 * taken from libunistring (text_breaks), the rest from u8_possible_linebreaks itself. */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uniwidth.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "text/utf8.h"
#include "text/buf.h"
#include "text/wrap.h"

/* "UTF-8" is not a CJK legacy encoding, so East Asian ambiguous characters count 1 column
 * whatever the locale: the width does not change with LANG. */
#define WIDTH_ENCODING "UTF-8"

/* Columns of one code point as it is drawn: controls are drawn as U+FFFD (1 column) or, for
 * TAB, a space. */
static int char_width(uint32_t c)
{
	if (c >= 0x20 && c < 0x7F)
		return 1;
	if (utf8_is_control(c))
		return 1;   /* bidi overrides are zero-width, but drawn as U+FFFD */
	int w = uc_width(c, WIDTH_ENCODING);
	return w < 0 ? 1 : w;
}

int text_width(const char *s, size_t n)
{
	size_t i = 0;
	long w = 0;
	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		if (b >= 0x20 && b < 0x7F) {
			w++;
			i++;
			continue;
		}
		uint32_t c;
		i += utf8_decode(s + i, n - i, &c);
		w += char_width(c);
	}
	return w > INT32_MAX ? INT32_MAX : (int)w;
}

/* Spaces that may hang at the end of a line and are not counted there. No-break spaces are not
 * in the list: they are glue (French "droits :"), never a place to end a line. */
static int hangs(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000;
}

static int is_newline(uint32_t c)
{
	return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
	       c == 0x2029;
}

/* UAX #14 rule LB29 (no break between "." and a letter: "e.g.") as libunistring 1.0 lacks
 * it, extended to "/" so document symbols and sales numbers stay whole: "A/RES/58/190",
 * "Sales No. E.95.XIII.18". A URL longer than the line is still cut, by character. */
static int glued(uint32_t prev, uint32_t c)
{
	if (prev != '.' && prev != ',' && prev != ':' && prev != '/')
		return 0;
	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	return uc_is_alpha(c);
}

/* A footnote marker stays with the word it follows, as in print: no break before a
 * superscript digit ("Punishment,⁹") or before a bracketed number ("Punishment,[9]"). */
static int is_superscript_digit(uint32_t c)
{
	return c == 0xB9 || c == 0xB2 || c == 0xB3 || c == 0x2070 || (c >= 0x2074 && c <= 0x2079);
}

static int marker_glued(uint32_t prev, const char *s, size_t i, size_t n, uint32_t c)
{
	if (prev == ' ' || prev == 0xA0 || prev == 0)
		return 0;
	if (is_superscript_digit(c))
		return 1;
	if (c != '[')
		return 0;
	size_t j = i + 1;
	while (j < n && s[j] >= '0' && s[j] <= '9')
		j++;
	return j > i + 1 && j < n && s[j] == ']';
}

/* Whether a grapheme cluster may end between prev and c. Below U+0300 there are no combining
 * marks, joiners or jamo, so only CR LF holds together: the common case costs nothing. */
static int grapheme_break(uint32_t prev, uint32_t c)
{
	if (prev < 0x300 && c < 0x300)
		return !(prev == '\r' && c == '\n');
	return uc_is_grapheme_break(prev, c);
}

/* Line-break opportunities without libunistring for the common text: printable ASCII,
 * no-break space and the precomposed Latin letters U+00C0..U+024F (not × ÷). UAX #14 for these
 * is a pair table: whether a line may break before a character depends on the class of the
 * last character that is not a space, whether spaces came between, and its own class. The
 * table is not written out here but taken from libunistring itself, once, by asking it about
 * every pair of classes, so both paths agree for as long as that pair model holds, which
 * test_wrap checks against u8_possible_linebreaks on random and real text. */
enum lbc { LB_AL, LB_NU, LB_SP, LB_IS, LB_OP, LB_CP, LB_CL, LB_QU, LB_HY, LB_SY, LB_EX, LB_PR,
	   LB_PO, LB_BA, LB_GL, LB_LL, LB_NCLASS, LB_START = LB_NCLASS };

/* One character of each class, as UTF-8 (LB_LL: Latin letters beyond ASCII, "é"). */
static const char *const lb_rep[LB_NCLASS] = {
	"a", "0", " ", ",", "(", ")", "}", "\"", "-", "/", "!", "$", "%", "|", "\xC2\xA0",
	"\xC3\xA9",
};

/* Class of each printable ASCII byte, from UAX #14's LineBreak.txt. */
static const unsigned char lb_ascii[95] = {
	/*  ' ' */ LB_SP, /* ! */ LB_EX, /* " */ LB_QU, /* # */ LB_AL, /* $ */ LB_PR,
	/* % */ LB_PO, /* & */ LB_AL, /* ' */ LB_QU, /* ( */ LB_OP, /* ) */ LB_CP,
	/* * */ LB_AL, /* + */ LB_PR, /* , */ LB_IS, /* - */ LB_HY, /* . */ LB_IS,
	/* / */ LB_SY,
	LB_NU, LB_NU, LB_NU, LB_NU, LB_NU, LB_NU, LB_NU, LB_NU, LB_NU, LB_NU,
	/* : */ LB_IS, /* ; */ LB_IS, /* < */ LB_AL, /* = */ LB_AL, /* > */ LB_AL,
	/* ? */ LB_EX, /* @ */ LB_AL,
	LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL,
	LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL,
	/* [ */ LB_OP, /* \ */ LB_PR, /* ] */ LB_CP, /* ^ */ LB_AL, /* _ */ LB_AL, /* ` */ LB_AL,
	LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL,
	LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL, LB_AL,
	/* { */ LB_OP, /* | */ LB_BA, /* } */ LB_CL, /* ~ */ LB_AL,
};

/* lb_pair[last][spaces][class]: the break value before a character of `class` whose last
 * non-space predecessor is of class `last` (LB_START: none), with or without spaces between. */
static char lb_pair[LB_NCLASS + 1][2][LB_NCLASS];
static pthread_once_t lb_once = PTHREAD_ONCE_INIT;

/* The break value libunistring gives before the last character of a + spaces + b. */
static char lb_probe(const char *a, int spaces, const char *b)
{
	char buf[16], brk[16];
	size_t n = strlen(a);
	memcpy(buf, a, n);
	for (int k = 0; k < spaces; k++)
		buf[n++] = ' ';
	size_t at = n;
	memcpy(buf + n, b, strlen(b));
	n += strlen(b);
	u8_possible_linebreaks((const uint8_t *)buf, n, WIDTH_ENCODING, brk);
	return brk[at];
}

static int fast_breaks(const char *str, size_t n, char *brk);
static int lb_ok;   /* the pair model holds for this libunistring */

/* Newer Unicode versions add rules that look further back than one character (a hyphen at
 * the start of a word, quotes by their context): the table is used only if every triple of
 * classes, with and without a space, breaks as libunistring says. */
static int lb_pair_model_holds(void)
{
	for (int p = 0; p <= LB_START; p++)
		for (int a = 0; a < LB_NCLASS; a++)
			for (int c = 0; c < LB_NCLASS; c++)
				for (int sp = 0; sp < 2; sp++) {
					char buf[16], want[16], got[16];
					size_t n = 0, l;
					const char *parts[3] = { p == LB_START ? "" : lb_rep[p], lb_rep[a],
					                         lb_rep[c] };
					for (int k = 0; k < 3; k++) {
						if (k == 2 && sp)
							buf[n++] = ' ';
						l = strlen(parts[k]);
						memcpy(buf + n, parts[k], l);
						n += l;
					}
					u8_possible_linebreaks((const uint8_t *)buf, n, WIDTH_ENCODING, want);
					if (fast_breaks(buf, n, got) < 0 || memcmp(want, got, n) != 0)
						return 0;
				}
	return 1;
}

/* lb_ascii_may[a][b]: whether libunistring may break between printable ASCII a and b, neither
 * a space, written next to each other (from lb_pair; the glue rules only take breaks away). */
static unsigned char lb_ascii_may[95][95];

static void lb_init(void)
{
	for (int last = 0; last <= LB_START; last++)
		for (int sp = 0; sp < 2; sp++)
			for (int c = 0; c < LB_NCLASS; c++)
				lb_pair[last][sp][c] =
				    lb_probe(last == LB_START ? "" : lb_rep[last], sp, lb_rep[c]);
	for (int a = 0; a < 95; a++)
		for (int b = 0; b < 95; b++)
			lb_ascii_may[a][b] =
			    lb_pair[lb_ascii[a]][0][lb_ascii[b]] == UC_BREAK_POSSIBLE;
	lb_ok = lb_pair_model_holds();
}

/* Class of the character at s[i] and its length, or -1 outside the fast set. */
static inline int lb_class(const unsigned char *s, size_t i, size_t n, size_t *len)
{
	unsigned char b = s[i];
	if (b >= 0x20 && b < 0x7F) {
		*len = 1;
		return lb_ascii[b - 0x20];
	}
	if (b >= 0xC2 && b <= 0xC9 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
		uint32_t c = ((uint32_t)(b & 0x1F) << 6) | (s[i + 1] & 0x3F);
		*len = 2;
		if (c == 0xA0)
			return LB_GL;
		if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)
			return LB_LL;
	}
	return -1;
}

/* Fills brk as u8_possible_linebreaks would; 0, or -1 (brk partly written) when s holds a
 * character outside the fast set. */
static int fast_breaks(const char *str, size_t n, char *brk)
{
	const unsigned char *s = (const unsigned char *)str;
	int last = LB_START, sp = 0;
	for (size_t i = 0; i < n;) {
		size_t len;
		int c = lb_class(s, i, n, &len);
		if (c < 0)
			return -1;
		brk[i] = lb_pair[last][sp][c];
		if (c == LB_AL && len == 1) {
			/* the rest of a word of ASCII letters: each after a letter, no space between */
			char v = lb_pair[LB_AL][0][LB_AL];
			size_t j = i + 1;
			while (j < n && (unsigned)((s[j] | 0x20) - 'a') < 26)
				brk[j++] = v;
			last = LB_AL;
			sp = 0;
			i = j;
			continue;
		}
		if (len == 2)
			brk[i + 1] = UC_BREAK_PROHIBITED;
		if (c == LB_SP) {
			sp = 1;
		} else {
			last = c;
			sp = 0;
		}
		i += len;
	}
	return 0;
}

/* Building and checking the pair table costs about 6 M instructions, as much as wrapping
 * 30 KB the slow way (libunistring's breaks and the general loop), so it waits until that
 * much text has been wrapped: the reader's first screen (a few KB) never pays for it, a
 * whole document does once. */
#define LB_LAZY_BYTES (32u << 10)
static atomic_size_t lb_seen;

void text_breaks_eager(void)
{
	atomic_store(&lb_seen, LB_LAZY_BYTES);
}

/* Tests turn the fast paths off to compare them with libunistring alone. */
static atomic_int fast_off;

void text_wrap_fast(int on)
{
	atomic_store(&fast_off, !on);
}

/* Whether the pair table may be used for n more bytes of text (counting them while it waits). */
static int lb_ready(size_t n)
{
	if (atomic_load_explicit(&fast_off, memory_order_relaxed))
		return 0;
	if (atomic_load_explicit(&lb_seen, memory_order_relaxed) < LB_LAZY_BYTES) {
		atomic_fetch_add_explicit(&lb_seen, n, memory_order_relaxed);
		return 0;
	}
	pthread_once(&lb_once, lb_init);
	return lb_ok;
}

static void breaks(const char *s, size_t n, char *brk, int ready)
{
	if (!ready || fast_breaks(s, n, brk) < 0)
		u8_possible_linebreaks((const uint8_t *)s, n, WIDTH_ENCODING, brk);
}

void text_breaks(const char *s, size_t n, char *brk)
{
	breaks(s, n, brk, lb_ready(n));
}

/* Text made only of the fast set (printable ASCII, no-break space, Latin letters): 1 when it
 * is all printable ASCII, 2 when it has the others too, 0 when anything else. */
static int fast_set(const unsigned char *s, size_t n)
{
	int high = 0;
	for (size_t i = 0; i < n;) {
#ifdef __SSE2__
		/* sixteen bytes at a time while all are printable ASCII: above 0x1F and below 0x7F
		 * as signed bytes (0x80 and above are negative) */
		const __m128i lo = _mm_set1_epi8(0x1F), top = _mm_set1_epi8(0x7F);
		while (i + 16 <= n) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			__m128i ok = _mm_and_si128(_mm_cmpgt_epi8(v, lo), _mm_cmplt_epi8(v, top));
			unsigned odd = ~(unsigned)_mm_movemask_epi8(ok) & 0xFFFF;
			if (odd) {
				/* straight to the first byte that is not printable ASCII (Latin text
				 * has one every few words) */
				i += (size_t)__builtin_ctz(odd);
				goto one;
			}
			i += 16;
		}
#endif
		/* eight bytes at a time while all are printable ASCII */
		const uint64_t ones = 0x0101010101010101u, hi = 0x8080808080808080u;
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if ((((w - ones * 0x20) & ~w) | (w | (w + ones))) & hi)
				break;
			i += 8;
		}
		if (i >= n)
			break;
#ifdef __SSE2__
	one:;
#endif
		size_t len;
		if (lb_class(s, i, n, &len) < 0)
			return 0;
		high |= len > 1;
		i += len;
	}
	return high ? 2 : 1;
}

/* The code point of the fast-set character that starts at s[i]. */
static uint32_t fast_char(const unsigned char *s, size_t i)
{
	if (s[i] < 0x80)
		return s[i];
	return ((uint32_t)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
}

/* Start of the fast-set character before position p > 0. */
static size_t fast_back(const unsigned char *s, size_t p)
{
	p--;
	while ((s[p] & 0xC0) == 0x80)
		p--;
	return p;
}

/* Whether the general loop of text_wrap would record a break opportunity before the character
 * at p (p > 0) of fast-set text: libunistring's break (from the pair table: the class of the
 * last character that is not a space, whether spaces came between, its own class), neither
 * glued nor before a marker. */
static int fast_break_at(const unsigned char *s, size_t p, size_t n)
{
	size_t len;
	int c = lb_class(s, p, n, &len), last = LB_START, sp = 0;
	size_t q = p;
	while (q > 0 && s[q - 1] == ' ') {
		q--;
		sp = 1;
	}
	if (q > 0)
		last = lb_class(s, fast_back(s, q), n, &len);
	if (lb_pair[last][sp][c] != UC_BREAK_POSSIBLE)
		return 0;
	uint32_t prev = fast_char(s, fast_back(s, p)), cp = fast_char(s, p);
	return !glued(prev, cp) && !marker_glued(prev, (const char *)s, p, n, cp);
}

/* UTF-8 continuation bytes in s[a..b). */
static size_t continuations(const unsigned char *s, size_t a, size_t b)
{
	size_t k = 0;
#ifdef __SSE2__
	/* sixteen at a time: as signed bytes, continuation bytes are -128..-65; each block adds
	 * its matches (0xFF, minus one) to byte counters, summed at the end (or every 255 blocks,
	 * before they wrap) without a popcount, which is a library call without -mpopcnt */
	static const unsigned char last[32] = {
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
		0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	};
	const __m128i lim = _mm_set1_epi8(-64), zero = _mm_setzero_si128();
	if (b - a >= 16) {
		__m128i acc = zero;
		int blocks = 0;
		for (; a + 16 <= b; a += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + a));
			acc = _mm_sub_epi8(acc, _mm_cmplt_epi8(v, lim));
			if (++blocks == 255) {
				__m128i sum = _mm_sad_epu8(acc, zero);
				k += (size_t)_mm_cvtsi128_si32(sum) +
				     (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
				acc = zero;
				blocks = 0;
			}
		}
		if (a < b) {
			/* the last b - a bytes: the block that ends at b, its first bytes masked off */
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + b - 16));
			__m128i m = _mm_loadu_si128((const __m128i *)(const void *)(last + (b - a)));
			acc = _mm_sub_epi8(acc, _mm_and_si128(_mm_cmplt_epi8(v, lim), m));
			a = b;
		}
		__m128i sum = _mm_sad_epu8(acc, zero);
		k += (size_t)_mm_cvtsi128_si32(sum) + (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
	}
#endif
	for (; a + 8 <= b; a += 8) {
		uint64_t w;
		memcpy(&w, s + a, 8);
		/* bit 7 set and bit 6 clear: 10xxxxxx; the multiply adds the bytes' bits up */
		uint64_t c = (w & ~(w << 1) & 0x8080808080808080u) >> 7;
		k += (size_t)((c * 0x0101010101010101u) >> 56);
	}
	for (; a < b; a++)
		k += (s[a] & 0xC0) == 0x80;
	return k;
}

/* Position after `cols` more characters from p, or n: as many bytes as columns are left,
 * less the continuation bytes among them, until none are left. */
static size_t fast_advance(const unsigned char *s, size_t p, size_t n, size_t cols, int ascii)
{
	if (ascii)
		return n - p <= cols ? n : p + cols;
	while (cols > 0 && p < n) {
		size_t q = n - p <= cols ? n : p + cols;
		cols -= (q - p) - continuations(s, p, q);
		for (p = q; p < n && (s[p] & 0xC0) == 0x80; p++)
			;
	}
	return p;
}

static int fast_cols(const unsigned char *s, size_t a, size_t b, int ascii)
{
	return (int)(b - a - (ascii ? 0 : continuations(s, a, b)));
}

struct lines {
	struct wrap_line *v;
	size_t n, cap;
};

static int emit(struct lines *l, size_t start, size_t end, int width)
{
	struct wrap_line *nv = buf_array(l->v, &l->cap, l->n + 1, sizeof *nv);
	if (!nv)
		return -1;
	l->v = nv;
	if (end < start)
		end = start;
	l->v[l->n++] = (struct wrap_line){ start, end, width };
	return 0;
}

/* Where a line could end: position `at` of the next line's start, and the trimmed end and
 * width of the line that would end there. */
struct cut {
	size_t at, end;
	int width;
};

/* text_wrap for fast-set text, in one pass and without a break table: where the general loop
 * ends a line is known without walking the line. Every character is one column wide and a
 * grapheme of its own, and only the space hangs; so a line from ls overflows at the first
 * character that is not a space `width` characters on or later, and ends at the last break
 * opportunity after ls and up to that character, found by looking back from it, or else is
 * cut right there. */
static int fast_wrap(const unsigned char *s, size_t n, int width, int ascii, struct lines *l)
{
	size_t ls = 0;
	for (;;) {
		size_t i0 = fast_advance(s, ls, n, (size_t)width, ascii), i = i0;
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		/* [ls, i) is width characters and the spaces after them; the look back counts the
		 * characters it steps over, so that the line's width needs no second count */
		size_t at = i, back = 0;
		for (size_t p = i; p > ls; p = fast_back(s, p), back++) {
			/* inside a run of printable ASCII that is not space, the pair of bytes
			 * says whether there can be a break at all */
			unsigned a = (unsigned)s[p - 1] - 0x21, b = (unsigned)s[p] - 0x21;
			if (a < 94 && b < 94 && !lb_ascii_may[a + 1][b + 1])
				continue;
			if (fast_break_at(s, p, n)) {
				at = p;
				break;
			}
		}
		if (at == i)
			back = 0;
		size_t end = at;
		while (end > ls && s[end - 1] == ' ')
			end--;
		size_t cols = (size_t)width + (i - i0) - back - (at - end);
		if (emit(l, ls, end, (int)cols) < 0)
			return -1;
		ls = at;
	}
	size_t end = n;
	while (end > ls && s[end - 1] == ' ')
		end--;
	return emit(l, ls, end, fast_cols(s, ls, end, ascii));
}

int text_wrap(const char *s, size_t n, int width, struct wrap_line **out)
{
	size_t cap = 0;
	*out = NULL;
	int nl = text_wrap_into(s, n, width, out, &cap, NULL);
	if (nl < 0) {
		free(*out);
		*out = NULL;
	}
	return nl;
}

int text_wrap_into(const char *s, size_t n, int width, struct wrap_line **out, size_t *cap,
                   int *plain)
{
	if (plain)
		*plain = 0;
	if (width < 1)
		width = 1;
	struct lines l = { *out, 0, *cap };
	int ready = n > 0 && lb_ready(n), fs = ready ? fast_set((const unsigned char *)s, n) : 0;
	if (fs) {
		int rc = fast_wrap((const unsigned char *)s, n, width, fs == 1, &l);
		*out = l.v;
		*cap = l.cap;
		if (rc < 0)
			return -1;
		if (plain)
			*plain = 1;
		return (int)l.n;
	}
	/* Most paragraphs are short: their break table lives on the stack. */
	char small[4096];
	char *brk = small;
	if (n > sizeof small) {
		brk = malloc(n);
		if (!brk)
			return -1;
	}
	if (n > 0)
		breaks(s, n, brk, ready);

	size_t ls = 0, i = 0;      /* line start; current position */
	size_t ne = 0;             /* end of the last non-hanging character of the line */
	long w = 0, wne = 0;       /* width of [ls, i) and of [ls, ne) */
	struct cut bp = { 0 }, gb = { 0 };   /* last break opportunity, last grapheme boundary */
	uint32_t prev = 0;

#define NEWLINE(pos_) do { ls = i = (pos_); ne = ls; w = wne = 0; bp.at = gb.at = ls; } while (0)
	NEWLINE(0);
	while (i < n) {
		uint32_t c;
		size_t len;
		unsigned char b = (unsigned char)s[i];
		if (b > 0x20 && b < 0x7F && i > ls && w < width
		    && (brk[i] == UC_BREAK_PROHIBITED || (brk[i] == UC_BREAK_POSSIBLE && prev == ' '))) {
			/* A word in printable ASCII, as far as the line has room: a break opportunity
			 * only before its first character when a space precedes it (neither glued nor a
			 * marker there), a grapheme boundary before each character after an ASCII one,
			 * one column each. */
			if (brk[i] == UC_BREAK_POSSIBLE)
				bp = (struct cut){ i, ne, (int)wne };
			struct cut first = grapheme_break(prev, b) ? (struct cut){ i, ne, (int)wne } : gb;
			size_t j = i + 1, lim = i + (size_t)(width - w) < n ? i + (size_t)(width - w) : n;
			while (j < lim && (unsigned char)s[j] > 0x20 && (unsigned char)s[j] < 0x7F
			       && brk[j] == UC_BREAK_PROHIBITED)
				j++;
			size_t k = j - i;
			gb = k == 1 ? first : (struct cut){ j - 1, j - 1, (int)(w + (long)k - 1) };
			w += (long)k;
			i = j;
			ne = i;
			wne = w;
			prev = (unsigned char)s[j - 1];
			continue;
		}
		if (b < 0x80) {
			c = b;
			len = 1;
		} else {
			len = utf8_decode(s + i, n - i, &c);
		}
		if (brk[i] == UC_BREAK_MANDATORY && is_newline(c)) {
			/* libunistring puts the mandatory break on the newline itself: the line ends
			 * there and the newline (CR LF counting as one) is not drawn. */
			if (emit(&l, ls, ne, (int)wne) < 0)
				goto oom;
			size_t next = i + len;
			if (c == '\r' && next < n && s[next] == '\n')
				next++;
			NEWLINE(next);
			continue;
		}
		if (i > ls) {
			if (brk[i] == UC_BREAK_MANDATORY) {
				if (emit(&l, ls, ne, (int)wne) < 0)
					goto oom;
				NEWLINE(i);
			} else {
				if (brk[i] == UC_BREAK_POSSIBLE && !glued(prev, c) &&
				    !marker_glued(prev, s, i, n, c))
					bp = (struct cut){ i, ne, (int)wne };
				if (grapheme_break(prev, c))
					gb = (struct cut){ i, ne, (int)wne };
			}
		}
		int cw = (c >= 0x20 && c < 0x7F) ? 1 : char_width(c);
		if (hangs(c)) {
			w += cw;
			i += len;
			prev = c;
			continue;
		}
		if (w + cw > width && i > ls) {
			/* Prefer the last break opportunity; else cut the word at a grapheme boundary.
			 * Restarting at the cut re-reads at most one line's worth of text. */
			struct cut *at = bp.at > ls ? &bp : gb.at > ls ? &gb : NULL;
			if (at) {
				if (emit(&l, ls, at->end, at->width) < 0)
					goto oom;
				NEWLINE(at->at);
				continue;
			}
			/* A single grapheme wider than the whole line (width 1, a CJK character): it
			 * takes a line of its own. */
		}
		w += cw;
		i += len;
		ne = i;
		wne = w;
		prev = c;
	}
#undef NEWLINE
	if (emit(&l, ls, ne, (int)wne) < 0)
		goto oom;
	if (brk != small)
		free(brk);
	*out = l.v;
	*cap = l.cap;
	return (int)l.n;
oom:
	if (brk != small)
		free(brk);
	*out = l.v;
	*cap = l.cap;
	return -1;
}
