/* bytes8.h: tests on eight bytes at once, for the scans that see every byte of a document
 * (the references in every paragraph, the blanks of every block). Each test gives a word
 * whose bytes have their high bit set where the byte passes and no other bit set. Carries
 * never cross a byte, so the answer is exact at every byte. The first byte of a string is
 * the lowest of the word on little-endian machines only: BYTES8 is 0 elsewhere, and the
 * callers keep their byte-at-a-time loop, which also takes the last few bytes. */
#ifndef GAVEL_DOC_BYTES8_H
#define GAVEL_DOC_BYTES8_H
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define BYTES8 1
#else
#define BYTES8 0
#endif

#define BYTES8_ONES 0x0101010101010101ULL
#define BYTES8_HIGH 0x8080808080808080ULL

/* The eight bytes at s (any alignment). */
static inline uint64_t bytes8_load(const void *s)
{
	uint64_t w;
	memcpy(&w, s, sizeof w);
	return w;
}

/* The bytes of w equal to c. */
static inline uint64_t bytes8_eq(uint64_t w, unsigned char c)
{
	uint64_t z = w ^ (BYTES8_ONES * c);
	return ~(((z & ~BYTES8_HIGH) + ~BYTES8_HIGH) | z) & BYTES8_HIGH;
}

/* The ASCII bytes of w in [lo, hi) (0 < lo < hi <= 0x80). */
static inline uint64_t bytes8_in(uint64_t w, unsigned char lo, unsigned char hi)
{
	uint64_t y = w & ~BYTES8_HIGH;
	return (y + BYTES8_ONES * (0x80 - lo)) & ~(y + BYTES8_ONES * (0x80 - hi)) & ~w &
	       BYTES8_HIGH;
}

/* The non-ASCII bytes of w. */
static inline uint64_t bytes8_high(uint64_t w)
{
	return w & BYTES8_HIGH;
}

/* The position of the first byte a non-zero result marks. */
static inline unsigned bytes8_first(uint64_t m)
{
#if BYTES8
	return (unsigned)__builtin_ctzll(m) >> 3;
#else
	unsigned k = 0;
	while (!(m & 0x80))
		m >>= 8, k++;
	return k;
#endif
}
#endif
