/* wrap.h: display width and word wrapping by display columns (libunistring). */
#ifndef GAVEL_TEXT_WRAP_H
#define GAVEL_TEXT_WRAP_H

#include <stddef.h>

/* Display width of the first n bytes of UTF-8 s: double-width CJK counts 2, combining marks 0,
 * controls as the replacement they are drawn as. */
int text_width(const char *s, size_t n);

/* One wrapped line: bytes [start, end) of the input, end excludes trailing spaces. */
struct wrap_line {
	size_t start, end;
	int width;
};

/* Wraps s (n bytes, UTF-8) at word boundaries (Unicode line breaking, so CJK breaks between
 * ideographs) so that no line is wider than `width` columns; a word wider than the line is
 * cut at a character boundary. Returns the number of lines and sets *lines (caller frees),
 * or -1 when out of memory. An empty text gives one empty line.
 * Details: the cut inside a long word falls between grapheme clusters (a letter keeps its
 * combining marks); "." "," ":" "/" directly followed by a letter or digit are not break points
 * ("A/RES/58/190", "E.95.XIII.18"); a newline (LF, CR LF, U+2028...) ends a line and is not part
 * of either; only a single character wider than the whole width (a CJK ideograph at width 1)
 * can exceed it, on a line of its own. Time and memory are linear in n. */
int text_wrap(const char *s, size_t n, int width, struct wrap_line **lines);

/* text_wrap into an array the caller keeps from one call to the next: *lines (NULL at first)
 * holds *cap elements and grows as needed; the caller frees it at the end, also after -1.
 * *plain (may be NULL) is set to 1 when s is only printable ASCII, no-break spaces and Latin
 * letters (U+00C0..U+024F but × ÷): nothing in it needs neutralising and nothing is
 * right-to-left. */
int text_wrap_into(const char *s, size_t n, int width, struct wrap_line **lines, size_t *cap,
                   int *plain);

/* Tests only: off (0) makes text_wrap and text_breaks use libunistring alone. */
void text_wrap_fast(int on);

/* The line-break opportunities of s (n bytes) into brk[0..n), exactly as libunistring's
 * u8_possible_linebreaks gives them (UC_BREAK_*), faster for Latin text. */
void text_breaks(const char *s, size_t n, char *brk);

/* The Latin fast path of text_breaks is built once 32 KB of text has been wrapped (before
 * that, libunistring answers alone: same result, no start-up cost). This builds it now; the
 * tests call it so the table is what they compare on short strings. */
void text_breaks_eager(void);

#endif
