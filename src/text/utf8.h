/* utf8.h: decoding and cleaning UTF-8 text, and making it safe for a terminal. */
#ifndef GAVEL_TEXT_UTF8_H
#define GAVEL_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>

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
 * keep_newlines. Returns NULL when out of memory. The caller frees. */
char *utf8_sanitize(const char *s, size_t n, int keep_newlines);

/* Whether code point c is a control that text_sanitize would neutralise. */
int utf8_is_control(uint32_t c);

#endif
