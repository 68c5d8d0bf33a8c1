/* clip.h: document text made safe for one screen line and cut to a number of columns. */
#ifndef GAVEL_VIEW_CLIP_H
#define GAVEL_VIEW_CLIP_H

#include <stddef.h>
#include <stdint.h>

/* Copies the first n bytes of src into buf (size bytes) as one line: controls and newlines
 * become spaces or U+FFFD, non-ASCII becomes '?' unless utf8, runs of spaces collapse, and
 * nothing past `cols` display columns is kept (an ellipsis marks the cut when `ellipsis`).
 * Returns the columns used. */
int clip_text(const char *src, size_t n, int cols, int utf8, int ellipsis, char *buf, size_t size);

/* What an ASCII-only terminal shows for code point c >= 0x80: the letter without its accent
 * ("e" for "é", "oe" for "œ"), plain quotes and dashes, or "?". Static storage. */
const char *clip_ascii(uint32_t c);

#endif
