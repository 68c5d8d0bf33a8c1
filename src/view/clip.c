/* clip.c: one safe line of document text for titles, status and lists. */
#include "config.h"

#include <string.h>

#include "text/utf8.h"
#include "text/wrap.h"
#include "view/clip.h"

const char *clip_ascii(uint32_t c)
{
	static const char *const latin1[64] = {
		"A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
		"D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "Th", "ss",
		"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
		"d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y",
	};
	if (c >= 0xC0 && c <= 0xFF)
		return latin1[c - 0xC0];
	switch (c) {
	case 0xA0: case 0x202F: case 0x2009: case 0x2007: return " ";
	case 0xAB: case 0xBB: case 0x201C: case 0x201D: case 0x201E: return "\"";
	case 0x2018: case 0x2019: case 0x201A: case 0x2032: return "'";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return "-";
	case 0x2026: return "...";
	case 0x152: return "OE";
	case 0x153: return "oe";
	case 0xB0: return "o";
	}
	return "?";
}

int clip_text(const char *src, size_t n, int cols, int utf8, int ellipsis, char *buf, size_t size)
{
	size_t k = 0;
	int used = 0;
	if (size == 0)
		return 0;
	buf[0] = '\0';
	if (!src || cols <= 0)
		return 0;
	n = strnlen(src, n);
	const char *ell = utf8 ? "\u2026" : ">";
	size_t ell_len = strlen(ell);
	for (size_t i = 0; i < n;) {
		uint32_t c;
		size_t len = utf8_decode(src + i, n - i, &c);
		const char *out = src + i;
		size_t olen = len;
		if (c == '\t' || c == '\n' || c == '\r' || c == ' ') {
			i += len;
			if (k > 0 && buf[k - 1] == ' ')
				continue;
			out = " ";
			olen = 1;
		} else {
			if (utf8_is_control(c) || c == 0xFFFD) {
				out = utf8 ? "\xef\xbf\xbd" : "?";
				olen = utf8 ? 3 : 1;
			} else if (!utf8 && c >= 0x80) {
				out = clip_ascii(c);
				olen = strlen(out);
			}
			i += len;
		}
		int w = text_width(out, olen);
		if (w < 0)
			w = 0;
		/* Room for this character, and for the ellipsis if more text follows. */
		int need = used + w + ((ellipsis && i < n) ? 1 : 0);
		if (need > cols || k + olen + ell_len + 1 > size) {
			if (ellipsis && used + 1 <= cols && k + ell_len + 1 <= size) {
				memcpy(buf + k, ell, ell_len);
				k += ell_len;
				used++;
			}
			break;
		}
		memcpy(buf + k, out, olen);
		k += olen;
		used += w;
	}
	buf[k] = '\0';
	return used;
}
