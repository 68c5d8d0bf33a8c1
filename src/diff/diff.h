/* diff.h: a redline of two resolutions, their paragraphs aligned by content, not by number.
 *
 * redline_build() pairs each paragraph of the old resolution with the one of the new that
 * carries its text: the same text in order first, the same text elsewhere (moved), then the
 * most similar (at least half its words kept) preferring the place where it would stand in
 * order. Footnotes pair through the markers that cite them, then by text. Every pair is then
 * compared word by word. The result lists every paragraph of both in the new resolution's
 * reading order, the deleted ones where they stood. No curses, no SQLite; the outputs
 * (terminal, md, html, json, docx) read only this. */
#ifndef GAVEL_DIFF_DIFF_H
#define GAVEL_DIFF_DIFF_H

#include <stddef.h>
#include "doc/resolution.h"

enum rl_op { RL_EQ, RL_DEL, RL_INS };

/* One piece of a paragraph's redline: text kept, deleted or inserted, or a footnote marker. */
struct rl_seg {
	enum rl_op op;
	const char *text;   /* into the old paragraph's text (RL_DEL) or the new one's (RL_EQ,
	                       RL_INS); NULL for a marker */
	size_t len;         /* bytes; 0 for a marker */
	int old_fn, new_fn; /* a marker: the cited footnote's paragraph index in old / new, or -1
	                       (not a marker, or the footnote is missing from the document) */
	int old_num, new_num; /* a marker: the footnote's number as printed (0 when none) */
};

enum rl_status {
	RL_SAME,            /* the same words (it may still be moved or renumbered; a space may
	                       differ: a no-break space for a space, as segments say) */
	RL_CHANGED,         /* words inserted or deleted */
	RL_NEW,             /* only in the new resolution */
	RL_DELETED,         /* only in the old */
	RL_MOVED_AWAY       /* where a moved paragraph stood in the old: old = it, new = where it
	                       went; no segments (the entry at the new place has them) */
};

/* Sections for the counts, from the paragraph's kind (the new one's when there is one). */
enum rl_section { RL_SEC_PREAMBLE, RL_SEC_OPERATIVE, RL_SEC_ANNEX, RL_SEC_FOOTNOTE,
	          RL_SEC_OTHER, RL_NSECTIONS };

struct rl_entry {
	int old, new;          /* paragraph indexes, -1 for none */
	enum rl_status status;
	int moved;             /* paired out of order: it stands elsewhere among its neighbours */
	int renumbered;        /* in order, but its label is not the same ("OP 12 <- OP 14") */
	double similarity;     /* of a pair: 2 * words kept / (old words + new words), 0..1 */
	struct rl_seg *segs;   /* the text in order: for RL_SAME all RL_EQ, RL_NEW all RL_INS, */
	size_t nsegs;          /* RL_DELETED all RL_DEL */
};

struct rl_count {
	int same;              /* unchanged and in order (renumbered or not) */
	int changed;           /* changed and in order */
	int moved;             /* paired out of order, changed or not */
	int added, deleted;
	int renumbered;        /* of the same and changed, those with another label */
};

struct redline {
	const struct resolution *old, *new;   /* borrowed: they must outlive the redline */
	struct rl_entry *e;
	size_t n;
	int *old_entry, *new_entry;  /* paragraph index -> its entry (old_entry: the moved-away
	                                entry of a moved paragraph is not it: the pair is) */
	struct rl_count count[RL_NSECTIONS];
	struct rl_count total;
};

/* Builds the redline from old to new. Returns 0 and sets *out (free with redline_free), or
 * -1 when out of memory. Both resolutions must outlive the redline (segments point into
 * their texts). Time: linear in the text for paragraphs kept as they were, plus a word
 * comparison of each changed pair and of the candidate pairs among the unpaired ones. */
int redline_build(const struct resolution *old, const struct resolution *new,
                  struct redline **out);
void redline_free(struct redline *);

/* The section an entry is counted in. */
enum rl_section redline_section(const struct redline *, const struct rl_entry *);
/* "preamble", "operative", "annex", "footnotes", "other" */
const char *redline_section_name(enum rl_section);

/* Whether the two resolutions are the same (every entry RL_SAME, in order, same labels). */
int redline_identical(const struct redline *);

/* Where a note on the old resolution lands in the new one. */
enum rl_carry_status {
	RL_CARRIED,         /* its words are in the new paragraph: the same range of words */
	RL_CARRIED_CHANGED, /* its paragraph is there but its words changed: the range they became
	                       (the whole paragraph when they were deleted outright) */
	RL_LEFT_BEHIND      /* its paragraph was deleted, or the note's paragraph is unknown */
};

struct rl_carry {
	enum rl_carry_status status;
	int old;               /* the old paragraph's index, -1 when para_id is unknown */
	int new;               /* the new paragraph's index, -1 when left behind */
	size_t start, end;     /* code points of the new paragraph's text */
	int whole;             /* a note on the whole paragraph, carried as such */
};

/* Carries a note on old paragraph `para_id`, code points [start, end) of its text quoting
 * `exact` (may be NULL), to the new resolution: the quote where it stands in the new
 * paragraph (the occurrence nearest to where the word comparison puts it), else the range the
 * comparison maps it to. A note on the whole paragraph stays on the whole paragraph. */
void redline_carry(const struct redline *, const char *para_id, size_t start, size_t end,
                   const char *exact, struct rl_carry *out);

/* The word similarity of two texts as redline_build measures it (0..1), for tools that
 * compare paragraphs themselves: 2 * words in the longest common subsequence / all words,
 * where a word is what text_words() calls one (Chinese: a character). -1 when out of memory. */
double redline_similarity(const char *a, size_t na, const char *b, size_t nb);

#endif
