/* build.h: what the structure builder's files share: the state of building one resolution, the
 * small helpers that latch out-of-memory into it, and one handler per kind of paragraph. The
 * text builder (build.c) calls the handlers after classifying each block; a reader whose
 * format carries the structure (akn.c) calls them directly. They are what names paragraphs
 * (ids and labels), so op10 is op10 whatever shape the resolution came in. */
#ifndef GAVEL_DOC_BUILD_H
#define GAVEL_DOC_BUILD_H

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

/* Building one resolution: where the reader is (part, annex, current numbered paragraph, the
 * open sub-paragraph levels) and the counters behind the ids. Owned by build_one(). */
struct bstate {
	struct resolution *res;
	const char *lang;
	int part;               /* current part index, -1 */
	int annex;              /* current annex index, -1 */
	int in_ops;             /* an operative paragraph has been seen (in this part) */
	int top;                /* index of the current numbered paragraph, -1 */
	int last;               /* index of the last paragraph written, -1 */
	int npp, nann_h, nann_t, nplain;   /* counters behind pp3, annex1.h2, annex1.t3, p5 */
	int nhead;              /* counter behind h2: headings over operative paragraphs */
	int last_opnum;
	struct level lv[MAX_DEPTH];
	int depth;
	int oom;
	int unnumbered_op;      /* "The General Assembly" without a comma: the next text is op1 */
	int want_annex_title;
	int after_meeting;
	int ann_last, ann_list;     /* numbering of the current annex's paragraphs */
	int top_style, top_value;   /* the top paragraph's "(6)" numbering in an annex list, -1 */
	int inner_parent, ninner;   /* numbering of unnumbered items under one paragraph */
	int date_pending;           /* a header line ended before its date */
	int last_fn;                /* the highest footnote number so far */
	int want_part_title;        /* a part just began: its heading may follow */
	int vote_open;              /* "[Adopted by a recorded vote ..." runs on to its "]" */
	int decision;               /* a decision ("79/560. Title", "At its 96th plenary
	                             * meeting, ... the General Assembly appointed ..."): no
	                             * A/RES symbol of its own */
	size_t parts_cap, annexes_cap;   /* allocated res->parts, res->annexes */
	int paren_notes;            /* footnotes are numbered "(1)": so are their markers */
	const struct block *bend;   /* one past the segment's last block, for looking ahead */
	struct idset ids;           /* the ids given so far: none twice */
};

/* Copies and formats into the resolution; on failure they set st->oom and return NULL. */
char *build_strndup(struct bstate *, const char *s, size_t n);
char *build_printf(struct bstate *, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Sets a metadata field unless it is already known. */
void build_set_meta(struct bstate *, char **field, const char *s, size_t n);
int build_starts(const char *s, size_t n, const char *w);
const char *build_find(const char *s, size_t n, const char *w);
/* Whether the whole block is one date ("22 December 2003"). */
int build_date_line(const char *s, size_t n);

/* Starts building: a fresh state with its empty resolution. 0, or -1 (and *oom set). */
int build_start(struct bstate *, int *oom);

/* The handlers. Each adds one paragraph (text s[0..n), copied) and returns its index, or -1
 * (st->oom set when out of memory; else the paragraph had nowhere to go). */
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
/* A heading (see build.c); num may be NULL. */
int build_heading(struct bstate *, const char *num, size_t numlen, const char *s, size_t n);
int build_footnote(struct bstate *, int num, const char *s, size_t n);
/* A plain numbered paragraph (p5): a text without a resolution's structure. */
int build_plain_para(struct bstate *, const char *s, size_t n);
void build_part(struct bstate *, const char *label, size_t n);
void build_part_title(struct bstate *, const char *s, size_t n);
void build_annex(struct bstate *, const char *s, size_t n);
void build_annex_title(struct bstate *, const char *s, size_t n);

/* Paragraph numbers at the start of a block. "12. Text": the number's length and *skip the
 * bytes up to the text; "(a) Text": the label's bytes in lab/labn; 0 when there is none. */
size_t build_opnum(const char *s, size_t n, size_t *skip);
size_t build_submark(const char *s, size_t n, const char **lab, size_t *labn);

/* build-meta.c: metadata from the lines above the opening, and the final touches. */
void build_meta_header(struct bstate *, const char *s, size_t n);
int build_meta_header_like(const struct block *);
void build_meta_meeting(struct bstate *, char **field, const char *s, size_t n);
void build_meta_finish(struct bstate *, const struct res_meta *hints, int use_hints);

#endif
