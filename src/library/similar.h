/* similar.h: how near two paragraphs are in wording, and where they differ, word by word.
 * Words are the library index's words (ftstok_words: folded, so "Réaffirme" and "reaffirme"
 * are one word); the similarity is the words the two have in common, in order (their
 * longest common subsequence), over the words of both: 2 * common / (n1 + n2), 1.0 for the
 * same words. No SQLite, no curses. */
#ifndef GAVEL_LIBRARY_SIMILAR_H
#define GAVEL_LIBRARY_SIMILAR_H

#include <stddef.h>
#include <stdint.h>

/* A text's words with where each is in the text. */
struct sim_words {
	size_t n;
	uint64_t *hash;        /* each folded word's hash: words compare by it */
	size_t *start, *end;   /* byte ranges in the text */
};

/* Returns 0, or -1 when out of memory. sim_words_free releases. */
int sim_words_of(const char *text, size_t len, struct sim_words *out);
void sim_words_free(struct sim_words *);

/* The similarity of a and b (0 when both are empty). */
double sim_ratio(const struct sim_words *a, const struct sim_words *b);

/* One text compared with many: its words' positions as bit masks, so the common words with
 * each other text are counted 64 at a time (Hyyro's bit-parallel longest common
 * subsequence). sim_query_free releases; a must outlive it. */
struct sim_query {
	const struct sim_words *a;
	size_t nblk;            /* 64-bit blocks per mask */
	size_t nslot;           /* hash table slots (a power of two) */
	uint64_t *key;          /* slot -> word hash (0 = empty; a hash of 0 is stored as 1) */
	uint64_t *mask;         /* slot -> nblk blocks: where the word is in a */
	uint64_t *v;            /* work space, nblk blocks */
};
int sim_query_init(struct sim_query *, const struct sim_words *a);
void sim_query_free(struct sim_query *);
/* The length of the longest common subsequence of a's and b's words. */
size_t sim_query_lcs(const struct sim_query *, const struct sim_words *b);
double sim_query_ratio(const struct sim_query *, const struct sim_words *b);

/* Whether b can reach similarity min with a, judged by the counts of words alone (a cheap
 * test before sim_ratio): n2 must lie in [n1 * min / (2 - min), n1 * (2 - min) / min]. */
int sim_length_ok(size_t n1, size_t n2, double min);

/* How many of a's words (its rarest first) a text must share at least one of to reach
 * similarity min: n1 - ceil(n1 * min / (2 - min)) + 1. */
size_t sim_prefix_words(size_t n1, double min);

/* The old text (a, in atext) marked with what turns it into the new one (b, in btext), as
 * wdiff does: words only in the old as del_open...del_close, words only in the new as
 * ins_open...ins_close, the words between as the old text has them. Returns a malloc'd
 * string, or NULL when out of memory. */
char *sim_marked(const char *atext, size_t alen, const struct sim_words *a, const char *btext,
                 size_t blen, const struct sim_words *b, const char *del_open,
                 const char *del_close, const char *ins_open, const char *ins_close);

#endif
