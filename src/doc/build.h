/* build.h: what the structure builder's files share (private to src/doc/build*.c): the state
 * of building one resolution and the small helpers that latch out-of-memory into it. */
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

/* build-meta.c: metadata from the lines above the opening, and the final touches. */
void build_meta_header(struct bstate *, const char *s, size_t n);
int build_meta_header_like(const struct block *);
void build_meta_meeting(struct bstate *, char **field, const char *s, size_t n);
void build_meta_finish(struct bstate *, const struct res_meta *hints, int use_hints);

#endif
