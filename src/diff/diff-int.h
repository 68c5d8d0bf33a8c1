/* diff-int.h: what the redline's own files share (not for other layers): paragraphs as token
 * numbers, the table that numbers them, and the paragraph aligner. */
#ifndef GAVEL_DIFF_DIFF_INT_H
#define GAVEL_DIFF_DIFF_INT_H

#include <stddef.h>
#include <stdint.h>
#include "diff/diff.h"
#include "doc/resolution.h"

/* Token numbers of footnote markers in the final comparison: the pair's number (or the
 * footnote's own, when unpaired) above this bit, so they never equal a word's number. */
#define TOK_MARK_BIT 0x80000000u

enum tok_kind { TOK_WORD, TOK_PUNCT, TOK_SPACE, TOK_MARK };

struct tok {
	uint32_t start, end;    /* bytes of the paragraph's text (start == end for a marker) */
	int32_t fn;             /* a marker: the footnote's paragraph index; when the footnote is
	                           missing, -1 - its number as printed (tok_missing_num) */
	uint8_t kind;           /* enum tok_kind */
};

/* The printed number of a marker whose footnote is missing (fn < 0). */
static inline int tok_missing_num(const struct tok *t)
{
	return -1 - t->fn;
}

/* A paragraph as numbers: every token's, and the words' alone (for similarity). */
struct tpara {
	struct tok *tok;
	uint32_t *ids;
	size_t ntok;
	uint32_t *words;        /* the numbers of the TOK_WORD tokens, in order */
	uint32_t *sorted;       /* the same, sorted (a bound on similarity in one pass); made by
	                           tpara_sort_words for the few paragraphs that need it */
	size_t nwords;
	uint32_t hash_id;       /* equal for equal content (tokens and class) */
	uint32_t text_id;       /* equal for equal text, markers left out (and class) */
	int cls;                /* alignment class (align.c) */
};

/* The interning table: equal strings get equal numbers, from 0 up. */
struct intern;
struct intern *intern_new(void);
void intern_free(struct intern *);
/* The number of the string s (n bytes) in namespace ns, or UINT32_MAX when out of memory.
 * The bytes must outlive the table (they are not copied). */
uint32_t intern_id(struct intern *, int ns, const char *s, size_t n);

enum { NS_WORD, NS_FOOTNOTE, NS_HASH, NS_TEXT = NS_HASH + 16 };

/* Tokenises paragraph i of res into *tp; markers are numbered by their footnote's text
 * (NS_FOOTNOTE), so a renumbered footnote does not change the paragraph. Returns 0 or -1. */
int tpara_build(struct intern *, const struct resolution *, int i, struct tpara *tp);
void tpara_free(struct tpara *);
/* Sets tp->sorted if it is not set yet. Returns 0, or -1 when out of memory. */
int tpara_sort_words(struct tpara *);

/* The token comparison of a pair: runs of one kind, in order. */
struct run {
	enum rl_op op;
	size_t a0, a1;          /* old tokens [a0, a1) for RL_EQ and RL_DEL */
	size_t b0, b1;          /* new tokens [b0, b1) for RL_EQ and RL_INS */
};

/* Compares two paragraphs' tokens under the numbers aid and bid (their ids, or numbers that
 * pair footnote markers) and returns the runs (caller frees), tidied for people: short kept
 * stretches between changes are folded into them, an insertion or deletion slides to start
 * at a word. Returns the run count or -1 when out of memory. */
long tokens_compare(const struct tpara *a, const uint32_t *aid, const struct tpara *b,
                    const uint32_t *bid, struct run **runs);

/* Words kept between two word sequences (the length of a longest common subsequence), or -1
 * when out of memory (lcs.c). */
long words_kept(const uint32_t *a, size_t na, const uint32_t *b, size_t nb);

/* The same against one sequence many times: build once, run for each other sequence. */
struct lcs_pat {
	size_t n, words;        /* the pattern's length, and 64-bit words per mask */
	size_t cap;             /* slots of the table below (a power of 2) */
	uint32_t *key;          /* word number per slot, UINT32_MAX for none */
	uint32_t *row;          /* its mask's row */
	uint64_t *mask;         /* per distinct word, the positions where it stands */
};
int lcs_pat_build(struct lcs_pat *, const uint32_t *a, size_t na);
long lcs_pat_run(const struct lcs_pat *, const uint32_t *b, size_t nb);
void lcs_pat_free(struct lcs_pat *);

/* The documents being aligned, and their pairing. */
struct dside {
	const struct resolution *res;
	struct tpara *tp;       /* one per paragraph */
	int *match;             /* paragraph index in the other side, or -1 */
	double *sim;
};

/* Pairs the paragraphs listed in ia (old, in order) and ib (new, in order) that are not
 * paired yet: align_exact those with the same content (markers and all) in order, then out
 * of order, then the same with the same text whatever their markers; align_similar the most
 * similar (>= 0.5); align_paragraphs both. Each returns 0 or -1 when out of memory. */
int align_exact(struct dside *a, struct dside *b, const int *ia, size_t na, const int *ib,
                size_t nb);
int align_similar(struct dside *a, struct dside *b, const int *ia, size_t na, const int *ib,
                  size_t nb);
int align_paragraphs(struct dside *a, struct dside *b, const int *ia, size_t na, const int *ib,
                     size_t nb);

/* Whether classes may pair (a paragraph of a document whose structure was not found pairs with
 * any body paragraph). */
int align_compatible(int cls_a, int cls_b);
int align_class(enum para_kind);

#endif
