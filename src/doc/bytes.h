/* bytes.h: tests on a block of bytes at once, for the scans that see every byte of a
 * document (the references in every paragraph, the blanks of every block). With SSE2 (every
 * x86-64) a block is 16 bytes in a vector register; elsewhere, on little-endian machines
 * with GCC or clang, 8 bytes in a 64-bit word, where carries never cross a byte. A test
 * gives a block marking the bytes that pass, exact at every byte; BYTES_N is 0 where
 * neither way is available, and the callers keep their byte-at-a-time loop, which also takes
 * the last few bytes. */
#ifndef GAVEL_DOC_BYTES_H
#define GAVEL_DOC_BYTES_H
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#define BYTES_N 16
typedef __m128i bytes_t;

/* The block at s (any alignment). */
static inline bytes_t bytes_load(const void *s)
{
	return _mm_loadu_si128((const __m128i *)s);
}

/* The bytes equal to c. */
static inline bytes_t bytes_eq(bytes_t w, unsigned char c)
{
	return _mm_cmpeq_epi8(w, _mm_set1_epi8((char)c));
}

/* The ASCII bytes in [lo, hi) (0 < lo < hi < 0x80): non-ASCII bytes compare as negative. */
static inline bytes_t bytes_in(bytes_t w, unsigned char lo, unsigned char hi)
{
	return _mm_and_si128(_mm_cmpgt_epi8(w, _mm_set1_epi8((char)(lo - 1))),
	                     _mm_cmplt_epi8(w, _mm_set1_epi8((char)hi)));
}

/* The non-ASCII bytes. */
static inline bytes_t bytes_high(bytes_t w)
{
	return _mm_cmplt_epi8(w, _mm_setzero_si128());
}

static inline bytes_t bytes_or(bytes_t a, bytes_t b)
{
	return _mm_or_si128(a, b);
}

static inline bytes_t bytes_and(bytes_t a, bytes_t b)
{
	return _mm_and_si128(a, b);
}

/* The bytes a marks and b does not. */
static inline bytes_t bytes_but(bytes_t a, bytes_t b)
{
	return _mm_andnot_si128(b, a);
}

/* One bit per byte marked, the first byte's lowest. */
static inline unsigned bytes_bits(bytes_t m)
{
	return (unsigned)_mm_movemask_epi8(m);
}

static inline unsigned bytes_first(unsigned bits)
{
	return (unsigned)__builtin_ctz(bits);
}

#elif defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define BYTES_N 8
typedef uint64_t bytes_t;
#define BYTES_ONES 0x0101010101010101ULL
#define BYTES_HIGH 0x8080808080808080ULL

static inline bytes_t bytes_load(const void *s)
{
	uint64_t w;
	memcpy(&w, s, sizeof w);
	return w;
}

/* A marked byte has its high bit set, and no other bit. */
static inline bytes_t bytes_eq(bytes_t w, unsigned char c)
{
	uint64_t z = w ^ (BYTES_ONES * c);
	return ~(((z & ~BYTES_HIGH) + ~BYTES_HIGH) | z) & BYTES_HIGH;
}

static inline bytes_t bytes_in(bytes_t w, unsigned char lo, unsigned char hi)
{
	uint64_t y = w & ~BYTES_HIGH;
	return (y + BYTES_ONES * (0x80 - lo)) & ~(y + BYTES_ONES * (0x80 - hi)) & ~w & BYTES_HIGH;
}

static inline bytes_t bytes_high(bytes_t w)
{
	return w & BYTES_HIGH;
}

static inline bytes_t bytes_or(bytes_t a, bytes_t b)
{
	return a | b;
}

static inline bytes_t bytes_and(bytes_t a, bytes_t b)
{
	return a & b;
}

static inline bytes_t bytes_but(bytes_t a, bytes_t b)
{
	return a & ~b;
}

/* The marks themselves: the first byte's is the lowest. */
static inline uint64_t bytes_bits(bytes_t m)
{
	return m;
}

static inline unsigned bytes_first(uint64_t bits)
{
	return (unsigned)__builtin_ctzll(bits) >> 3;
}

#else
#define BYTES_N 0
typedef unsigned bytes_t;
static inline bytes_t bytes_load(const void *s) { (void)s; return 0; }
static inline bytes_t bytes_eq(bytes_t w, unsigned char c) { (void)c; return w; }
static inline bytes_t bytes_in(bytes_t w, unsigned char lo, unsigned char hi) { (void)lo, (void)hi; return w; }
static inline bytes_t bytes_high(bytes_t w) { return w; }
static inline bytes_t bytes_or(bytes_t a, bytes_t b) { return a | b; }
static inline bytes_t bytes_and(bytes_t a, bytes_t b) { return a & b; }
static inline bytes_t bytes_but(bytes_t a, bytes_t b) { return a & ~b; }
static inline unsigned bytes_bits(bytes_t m) { return m; }
static inline unsigned bytes_first(unsigned bits) { (void)bits; return 0; }
#endif

/* The first pat[0..pl) (pl >= 2) in h[0..hn), as memmem() finds it, by memchr() of pat[1]:
 * fast where that byte is rare in the text (a number's first digit in prose), where glibc's
 * memmem took 3 instructions a byte. test_build holds it against memmem. */
static inline const char *bytes_find(const char *h, size_t hn, const char *pat, size_t pl)
{
	if (hn < pl)
		return NULL;
	const char *lim = h + hn - pl + 2;      /* past the last place of pat[1] */
	for (const char *q = h + 1; q < lim; q++) {
		q = memchr(q, pat[1], (size_t)(lim - q));
		if (!q)
			return NULL;
		if (memcmp(q - 1, pat, pl) == 0)
			return q - 1;
	}
	return NULL;
}
#endif
