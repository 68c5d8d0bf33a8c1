/* dpara.h: one paragraph as the screen shows it, built from the model without a terminal.
 *
 * The display text is the paragraph's text with footnote markers put back as superscript
 * digits (or [16] where the terminal cannot show them) and every control character
 * neutralised. Each display byte carries a style (a meaning, never a colour) and the link it
 * belongs to; lines come from wrapping by display width. The curses layer only walks lines and
 * maps styles to attributes. */
#ifndef GAVEL_VIEW_DPARA_H
#define GAVEL_VIEW_DPARA_H

#include <stddef.h>
#include <stdint.h>

#include "doc/resolution.h"
#include "text/fold.h"
#include "text/wrap.h"

/* Style bits of a display byte. The highlight colour (issue 5's annotations) takes 3 bits. */
enum {
	ST_LEAD = 1 << 0,      /* the opening participle of a preambular paragraph (italics) */
	ST_MARK = 1 << 1,      /* a footnote marker (link) */
	ST_REF = 1 << 2,       /* a cited document (link) */
	ST_BACKREF = 1 << 3,   /* "cited in PP 2": a link back from a footnote */
	ST_MATCH = 1 << 4,     /* a search match */
	ST_HEADING = 1 << 5,   /* an annex title or heading */
	ST_NOTE = 1 << 6,      /* reserved: text under a note */
	ST_DIM = 1 << 7,       /* "cited in" and other furniture */
};
#define ST_OVERLAP (1u << 11)   /* two or more highlights overlap here (drawn underlined) */
#define ST_SELECT (1u << 12)    /* the words being selected */
#define ST_HL_SHIFT 8
#define ST_HL_MASK (7u << ST_HL_SHIFT)   /* highlight colour 1..7, 0 = none */
#define ST_LINK (ST_MARK | ST_REF | ST_BACKREF)

enum link_kind {
	LINK_FOOTNOTE,   /* target: the footnote's number */
	LINK_REF,        /* target: index into para.refs */
	LINK_BACKREF     /* target: index of the citing paragraph */
};

struct dlink {
	enum link_kind kind;
	int target;
	size_t start, end;   /* display bytes */
};

/* A highlight span supplied by the annotation layer: bytes of para.text and a colour 1..6
 * (6: a colour gavel does not know), or DSPAN_SELECTION for the words being selected. */
#define DSPAN_SELECTION 7
struct dspan {
	size_t start, end;
	int color;
	unsigned extra;      /* more style bits for the span: ST_OVERLAP */
};

struct dpara_opts {
	int width;                        /* the pane's text width in columns, gutter included */
	int gutter;                       /* gutter columns (label + marker + space) */
	int utf8;                         /* the terminal shows UTF-8; else ASCII only, [16] */
	const struct search_pat *pat;     /* may be NULL */
	const int *citers;                /* for a footnote: the paragraphs citing it */
	int nciters;
	const struct dspan *spans;        /* highlights, may be NULL */
	size_t nspans;
};

struct dpara {
	int para;
	char *text;             /* display text, NUL-terminated */
	size_t len;
	size_t body_len;        /* bytes of the paragraph proper; "cited in" follows */
	uint16_t *style;        /* per display byte */
	int *link;              /* per display byte: index into links, -1 */
	size_t *orig;           /* display byte -> byte of para.text (len + 1 entries) */
	struct wrap_line *lines;
	int nlines;
	struct dlink *links;    /* in display order */
	int nlinks;
	size_t *hits;           /* search matches, pairs of display bytes [start, end) */
	int nhits;
	int indent;             /* columns between the gutter and the text (sub-paragraphs) */
	int rtl;                /* right-to-left paragraph (Arabic, Hebrew): lines drawn reordered
	                         * (text/bidi.h) and aligned right */
	char gutter[32];        /* label drawn on the first line, e.g. "OP 10", "(a)" */
};

/* Bytes of one paragraph's text laid out at most. Layout costs some 30 bytes a byte of text:
 * a longer paragraph (a 50 MB file on one line) is shown up to here, then a line says how
 * much more there is, so its first screen and memory do not grow with it (issue 18). The
 * longest paragraph of a real resolution is a thousandth of this. */
#define DPARA_MAX_TEXT ((size_t)1 << 20)

/* Builds the display of paragraph `index`. Returns NULL when out of memory. */
struct dpara *dpara_build(const struct resolution *, int index, const struct dpara_opts *);
void dpara_free(struct dpara *);

/* The gutter label of a paragraph ("PP 3", "OP 10", "(a)", "16") into buf. */
const char *dpara_label(const struct resolution *, int index, char *buf, size_t size);

/* Line holding display byte b (the last line for b == len). */
int dpara_line_of(const struct dpara *, size_t b);

/* Display byte of a byte of para.text. */
size_t dpara_from_orig(const struct dpara *, size_t orig_byte);

/* The display byte at display column `col` of line `line` (text columns), or -1. */
long dpara_byte_at(const struct dpara *, int line, int col);

/* Index of the link at display column `col` of line `line` (text columns, after gutter and
 * indent), or -1. */
int dpara_link_at(const struct dpara *, int line, int col);

#endif
