/* build.h: what the structure builder's files share (private to src/doc/build*.c and the
 * readers that build through it, akn*.c).
 *
 *   build.c        blocks -> resolutions: cuts a file into resolutions, reads each one's
 *                  header, body and footnotes, links markers and cited documents
 *   build-kind.c   what a block looks like on its own (a number, "(a)", a meeting line ...)
 *   build-block.c  one handler per kind of block, over the reading state (struct bread)
 *   build-para.c   one handler per kind of paragraph: they name paragraphs (ids, labels), so
 *                  op10 is op10 whatever shape the resolution came in; akn.c calls them too
 *   build-meta.c   the metadata: header lines, meeting and vote, the final touches
 *
 * Call order: build_start, then the handlers (or build_block per block), then the caller
 * links markers and frees st.ids; the resolution is st.res. Out of memory latches into
 * st.oom: every handler returns -1 (or does nothing) from then on. */
#ifndef GAVEL_DOC_BUILD_H
#define GAVEL_DOC_BUILD_H

#include <limits.h>
#include <stddef.h>
#include "doc/blocks.h"
#include "doc/idset.h"

/* Deepest sub-paragraph nesting kept; anything deeper stays a sibling (no document goes
 * past three, and a fixed bound keeps hostile input flat). */
#define MAX_DEPTH 6

/* Styles of sub-paragraph numbering. */
enum sstyle { ST_LETTER, ST_ROMAN, ST_DIGIT, ST_UPPER };

struct level {
	enum sstyle style;
	int last;           /* value of the last item at this level */
	int para;           /* its paragraph index */
};

/* The counters behind the ids (owned by build-para.c). */
struct bcount {
	int npp, nhead, nplain;     /* pp3, h2 (headings over operative paragraphs), p5 */
	int nann_h, nann_t;         /* annex1.h2, annex1.t3 */
	int last_opnum;             /* the last operative number given */
	int last_fn;                /* the highest footnote number so far */
	int ann_last, ann_list;     /* the current annex's paragraph numbers; lists restarted */
	int top_style, top_value;   /* the annex's own "(6)" list: its style and last value, -1 */
	int inner_parent, ninner;   /* unnumbered items under one paragraph */
	size_t parts_cap, annexes_cap;   /* allocated res->parts, res->annexes */
};

/* What the blocks read so far say about the next one (owned by build-block.c and
 * build-meta.c). */
struct bread {
	int in_ops;                 /* an operative paragraph has been seen (in this part) */
	int after_meeting;          /* a meeting or vote line closed the body */
	int unnumbered_op;          /* "The General Assembly" without a comma: the next text is
	                             * op1 */
	int want_part_title;        /* a part just began: its heading may follow */
	int want_annex_title;       /* "Annex" alone: its title follows */
	int vote_open;              /* "[Adopted by a recorded vote ..." runs on to its "]" */
	int date_pending;           /* a header line ended before its date */
	int paren_notes;            /* footnotes are numbered "(1)": so are their markers */
	int decision;               /* a decision ("79/560. Title"): no A/RES symbol of its own */
	const struct block *bend;   /* one past the segment's last block, for looking ahead */
	const struct block *blk;    /* the block being read: its exact markers go with its text */
	int exact;                  /* the shape placed every marker (blocks.h: exact_marks) */
};

/* Building one resolution. */
struct bstate {
	struct resolution *res;     /* being built; the caller takes it */
	const char *lang;           /* ISO 639-1, for lead phrases */
	int oom;
	/* where the reader is */
	int part, annex;            /* current part and annex index, -1 */
	int top;                    /* the current numbered paragraph (items go under it), -1 */
	int last;                   /* the last paragraph written, -1 */
	int depth;                  /* open sub-paragraph levels in lv */
	struct level lv[MAX_DEPTH];
	struct bcount count;
	struct bread read;
	struct idset ids;           /* the ids given so far: none twice */
	const struct block *blk;    /* the block being read: its exact markers go with its text */
	int exact;                  /* the shape placed every marker (blocks.h: exact_marks) */
	int text_only;              /* blocks.h: no cited documents, no opening phrases */
};

/* Starts building: a fresh state with its empty resolution. 0, or -1 (and *oom set). */
int build_start(struct bstate *, int *oom);

/* Copies and formats into the resolution; on failure they set st->oom and return NULL. */
char *build_strndup(struct bstate *, const char *s, size_t n);
char *build_printf(struct bstate *, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* snprintf, without glibc's reading of the format for what ids use (%s, %.*s, %c, %d, %ld, %zu). */
int build_snprintf(char *buf, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* atoi(s), without the library's locale and strtol call: leading white space (the C
 * locale's six), a sign, decimal digits; past the range of long it saturates at
 * LONG_MAX/LONG_MIN and converts to int as atoi (glibc's strtol) does. */
static inline int build_atoi(const char *s)
{
	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	int neg = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	unsigned long v = 0, lim = neg ? (unsigned long)LONG_MAX + 1 : (unsigned long)LONG_MAX;
	int over = 0;
	for (; *s >= '0' && *s <= '9'; s++) {
		unsigned d = (unsigned)(*s - '0');
		if (over || v > (lim - d) / 10)
			over = 1;
		else
			v = v * 10 + d;
	}
	long r = over ? (neg ? LONG_MIN : LONG_MAX)
	              : neg ? (v ? -(long)(v - 1) - 1 : 0) : (long)v;
	return (int)r;
}
/* Sets a metadata field unless it is already known. */
void build_set_meta(struct bstate *, char **field, const char *s, size_t n);
int build_starts(const char *s, size_t n, const char *w);
const char *build_find(const char *s, size_t n, const char *w);

/* ---- build-para.c: the paragraph handlers ----
 * Each adds one paragraph (text s[0..n), copied) and returns its index, or -1 (st->oom set
 * when out of memory; else the paragraph had nowhere to go). */
int build_preamble(struct bstate *, const char *s, size_t n);
/* num[0..numlen) as printed ("12"); NULL for an unnumbered one (the next number). */
int build_operative(struct bstate *, const char *num, size_t numlen, const char *s, size_t n);
/* "(a)", "(ii)" under the current paragraph, its level found from the labels before it (an
 * "(i)" after "(h)" is a letter, under "(a)" a numeral); ocr_roman: "(1)" misread for "(i)". */
int build_sub(struct bstate *, const char *lab, size_t labn, int ocr_roman, const char *s, size_t n);
/* An "(a)" item: in an annex without a paragraph over it (or going on with the annex's own
 * "(1)", "(2)" list), a top-level annex item; else build_sub. -1 when there is nothing to
 * hang it on. */
int build_item(struct bstate *, const char *lab, size_t labn, int ocr_roman, const char *s,
               size_t n);
/* The same at a level the format gives: 0 under the current paragraph, 1 under its last item. */
int build_sub_at(struct bstate *, int level, const char *lab, size_t labn, const char *s, size_t n);
/* Unnumbered text under the current paragraph or item (op3.t1). */
int build_inner_text(struct bstate *, const char *s, size_t n);
/* In an annex: a numbered paragraph (num given), a heading or unnumbered text. */
int build_annex_para(struct bstate *, enum para_kind, const char *num, size_t numlen, const char *s,
                     size_t n);
/* A heading: in an annex annex1.h2; between operative paragraphs whose numbering runs on under
 * it, h2 (b.h2 in part B) with its number ("I", "A") apart from its title; num may be NULL. */
int build_heading(struct bstate *, const char *num, size_t numlen, const char *s, size_t n);
int build_footnote(struct bstate *, int num, const char *s, size_t n);
/* A plain numbered paragraph (p5): a text without a resolution's structure. */
int build_plain_para(struct bstate *, const char *s, size_t n);
void build_part(struct bstate *, const char *label, size_t n);
void build_part_title(struct bstate *, const char *s, size_t n);
void build_annex(struct bstate *, const char *s, size_t n);
void build_annex_title(struct bstate *, const char *s, size_t n);
/* An annex the text names by its title alone ("Political declaration ..." set apart after
 * "Adopts the following ...:"): the language's annex word its label, s its title. */
void build_annex_named(struct bstate *, const char *s, size_t n);
/* Appends text to paragraph i after a space (a paragraph broken by a page or a blank line). */
void build_append(struct bstate *, int i, const char *s, size_t n);
/* The value of a sub-paragraph label read in one style, 0 if it cannot be read so. */
int build_style_value(enum sstyle, const char *lab, size_t n);

/* ---- build-kind.c: what a block looks like on its own ---- */
enum bkind {
	BK_TEXT, BK_EMPTY, BK_OPENING, BK_OPNUM, BK_SUB, BK_PART, BK_ANNEX, BK_MEETING, BK_VOTE,
	BK_DATE, BK_FOOTNOTE, BK_HEADING,
	BK_COUNT
};

/* The opening a block holds ("The General Assembly,"): its length, whether it ended in a
 * comma, and the organ (English name, static; NULL for another body's, named from the text). */
struct bopening {
	int len, comma;
	const char *organ;
};

/* The kind of block b; *op is filled when it is BK_OPENING. */
enum bkind build_classify(const struct block *b, struct bopening *op);
/* Paragraph numbers at the start of a block. "12. Text": the number's length and *skip the
 * bytes up to the text; "(a) Text": the bytes to skip, the label's bytes in lab/labn; 0 when
 * there is none. */
size_t build_opnum(const char *s, size_t n, size_t *skip);
size_t build_submark(const char *s, size_t n, const char **lab, size_t *labn);
/* "(1) text": a footnote numbered in parentheses, as Arabic texts print them. */
int build_paren_num(const char *s, size_t n);
/* "1." or "(a)" standing alone, as some extractions leave a paragraph's number. */
int build_bare_number(const char *s, size_t n);
/* Whether the whole block is one date ("22 December 2003"). */
int build_date_line(const char *s, size_t n);
/* The rank of a lower-case roman numeral ("iv" 4), 0 if it is none. */
int build_roman_value(const char *s, size_t n);
/* The length of the Arabic sub-paragraph letter at s ("(أ)" is (a)), *value (may be NULL) its
 * rank; 0 if there is none. */
size_t build_arabic_rank(const char *s, size_t n, int *value);

/* ---- build-block.c: one handler per kind of block ---- */
/* Reads block b, classified as `kind`, whose text (maybe a joined copy) is s[0..n). */
void build_block(struct bstate *, const struct block *b, enum bkind kind, const char *s,
                 size_t n);

/* ---- build-meta.c: metadata from the lines above the opening, and the final touches ---- */
void build_meta_header(struct bstate *, const char *s, size_t n);
int build_meta_header_like(const struct block *);
void build_meta_meeting(struct bstate *, char **field, const char *s, size_t n);
/* A meeting line ("2112th plenary meeting, 18 December 1972."), a vote line, a date alone. */
void build_meta_closing(struct bstate *, enum bkind, const char *s, size_t n);
/* The recorded vote going on ("In favour: ...", "Against: ...]"). */
void build_meta_vote_more(struct bstate *, const char *s, size_t n);
void build_meta_finish(struct bstate *, const struct res_meta *hints, int use_hints);

#endif
