/* pdf-chars.h: what the helper (pdf-mupdf.c, over MuPDF's characters) and gavel's own reading
 * of a PDF's opening (pdf-quick.c) both decide of a character, so that their page streams
 * agree: which characters the stream carries, which scripts go without spaces or right to
 * left, and the gap between two glyphs. Header only: the helper links no libgavel. */
#ifndef GAVEL_DOC_PDF_CHARS_H
#define GAVEL_DOC_PDF_CHARS_H

/* The character as the stream may carry it: controls and marks that only steer layout are
 * dropped (0), spaces of every kind but the no-break ones become ' '. */
static inline int stream_char(int c)
{
	if (c >= 0x20 && c < 0x7F)   /* most of them, at once */
		return c;
	if (c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x3000
	    || (c >= 0x2000 && c <= 0x200A))
		return ' ';
	if (c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0x200B && c <= 0x200F) || c == 0xFEFF
	    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
		return 0;
	if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return 0xFFFD;
	return c;
}

/* Scripts set without spaces between words: only a wide gap there is a space. */
static inline int cjk_char(int c)
{
	return c >= 0x2E80 && (c <= 0x9FFF || (c >= 0xF900 && c <= 0xFAFF)
	    || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0xAC00 && c <= 0xD7AF));
}

static inline int rtl_char(int c)
{
	return c >= 0x0590 && (c <= 0x08FF || (c >= 0xFB1D && c <= 0xFDFF)
	    || (c >= 0xFE70 && c <= 0xFEFF));
}

/* The distance between two glyph boxes on a line, whichever way the glyphs were set. */
static inline float glyph_gap(float ax0, float ax1, float bx0, float bx1)
{
	float a = bx0 - ax1, b = ax0 - bx1;
	return a > b ? a : b;
}

#endif
