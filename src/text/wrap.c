/* wrap.c: display width and greedy line filling over libunistring's line-break opportunities.
 * One pass over the text (plus one over the break table), so a 20 MB paragraph wraps in
 * linear time; a line only ever ends at a break opportunity or, for a word wider than the
 * line, at a grapheme boundary. */
#include "config.h"

#include <stdlib.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uniwidth.h>

#include "text/utf8.h"
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

struct lines {
	struct wrap_line *v;
	size_t n, cap;
};

static int emit(struct lines *l, size_t start, size_t end, int width)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct wrap_line *nv = realloc(l->v, cap * sizeof *nv);
		if (!nv)
			return -1;
		l->v = nv;
		l->cap = cap;
	}
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

int text_wrap(const char *s, size_t n, int width, struct wrap_line **out)
{
	*out = NULL;
	if (width < 1)
		width = 1;
	struct lines l = { 0 };
	char *brk = NULL;
	if (n > 0) {
		brk = malloc(n);
		if (!brk)
			return -1;
		u8_possible_linebreaks((const uint8_t *)s, n, WIDTH_ENCODING, brk);
	}

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
	free(brk);
	*out = l.v;
	return (int)l.n;
oom:
	free(brk);
	free(l.v);
	return -1;
}
