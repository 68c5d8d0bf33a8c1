/* utf8.h: the program's one UTF-8 codec (libunistring's, with the conventions every layer
 * shares), cleaning UTF-8 text, and making it safe for a terminal. */
#ifndef GAVEL_TEXT_UTF8_H
#define GAVEL_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Copies s (n bytes) into a new NUL-terminated string where every invalid sequence (overlong,
 * surrogate, truncated, stray byte) is replaced by U+FFFD. *nbad counts replacements (may be
 * NULL), *outlen the result's length (may be NULL). Returns NULL when out of memory. */
char *utf8_repair(const char *s, size_t n, size_t *outlen, size_t *nbad);

/* Number of code points in the first n bytes of valid UTF-8. */
size_t utf8_count(const char *s, size_t n);

/* Byte offset of the code point at index `chars` (clamped to n). */
size_t utf8_byte_offset(const char *s, size_t n, size_t chars);

/* A copy of s in which every C0/C1 control (and DEL) is replaced so nothing the text holds can
 * drive a terminal: TAB becomes a space, ESC and the others become U+FFFD... except '\n' when
 * keep_newlines. The bidi embedding, override and isolate controls (U+202A..U+202E,
 * U+2066..U+2069) become U+FFFD too, so a text cannot reverse what is drawn after it; invalid
 * UTF-8 becomes U+FFFD. Returns NULL when out of memory. The caller frees. */
char *utf8_sanitize(const char *s, size_t n, int keep_newlines);

/* Whether code point c is a control that utf8_sanitize neutralises (C0 and C1 controls, DEL,
 * the bidi controls above; TAB and '\n' included). */
int utf8_is_control(uint32_t c);

/* Whether c is a letter, a combining mark or a digit of any script (what a word, or a tag in
 * a notes app, is made of). */
int utf8_is_word(uint32_t c);

/* Decodes the code point at s (n > 0 bytes available) into *c and returns its length (1..4).
 * An invalid or truncated sequence gives U+FFFD and the length of its maximal valid prefix
 * (at least 1), as Unicode recommends, so a caller always makes progress. */
size_t utf8_decode(const char *s, size_t n, uint32_t *c);

/* The code point at s (n bytes available): 0 when n is 0, U+FFFD for an invalid sequence. */
uint32_t utf8_at(const char *s, size_t n);

/* The last code point of s[0..n) into *c (0 when n is 0, U+FFFD when invalid); returns the
 * byte where it starts. */
size_t utf8_last(const char *s, size_t n, uint32_t *c);

/* Encodes c (a valid scalar value) into out (4 bytes) and returns the length. */
size_t utf8_encode(uint32_t c, char out[4]);

/* Writes s (n bytes) to f as utf8_sanitize(s, n, 0) would give it, without allocating.
 * Returns 0, or -1 on a write error. */
int utf8_write_safe(FILE *f, const char *s, size_t n);

#endif
