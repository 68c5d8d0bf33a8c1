/* bidi.h: right-to-left text (Arabic, Hebrew) in the order a terminal must draw it (libfribidi).
 * Terminals draw cells left to right; a line is wrapped in logical (reading) order first, then
 * each line is reordered on its own, as the Unicode Bidirectional Algorithm prescribes (L1-L4),
 * with Arabic letters shaped into their joined presentation forms so a terminal without its
 * own shaping shows connected script. */
#ifndef GAVEL_TEXT_BIDI_H
#define GAVEL_TEXT_BIDI_H

#include <stddef.h>

enum bidi_dir {
	BIDI_AUTO,   /* from the first strong character (rules P2-P3); left to right if none */
	BIDI_LTR,
	BIDI_RTL
};

/* Whether the first n bytes of UTF-8 s hold a right-to-left letter (a line that needs
 * bidi_visual); cheap for Latin text. */
int bidi_has_rtl(const char *s, size_t n);

/* The paragraph direction of s as BIDI_AUTO would resolve it: BIDI_RTL or BIDI_LTR. */
enum bidi_dir bidi_direction(const char *s, size_t n);

/* One wrapped line (n bytes of UTF-8, no newline) in visual order, left to right as the cells
 * of a terminal: a new NUL-terminated string (caller frees), its length in *outlen (may be
 * NULL). When log_of is not NULL, *log_of (caller frees) gets, for every byte of the result,
 * the byte offset in s of the character it comes from, so a highlight can follow the text.
 * Mirrored brackets are swapped in right-to-left runs. Controls (utf8_is_control) become
 * U+FFFD (TAB a space) before anything else, so the result is safe for a terminal and an
 * override in the text cannot reorder it. Returns NULL when out of memory. */
char *bidi_visual(const char *s, size_t n, enum bidi_dir dir, size_t *outlen, size_t **log_of);

#endif
