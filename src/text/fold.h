/* fold.h: case- and accent-insensitive search (libunistring), mapping hits back to the text. */
#ifndef GAVEL_TEXT_FOLD_H
#define GAVEL_TEXT_FOLD_H

#include <stddef.h>

/* A folded copy of a text: lower-cased (full case folding), decomposed, marks removed, so
 * "Réunification" and "REUNIFICATION" both fold to "reunification". map[i] is the byte offset
 * in the original of folded byte i; map[len] = original length. */
struct folded {
	char *s;
	size_t len;
	size_t *map;
};

/* Returns 0, or -1 when out of memory. fold_free() releases the fields. */
int text_fold(const char *s, size_t n, struct folded *out);
void fold_free(struct folded *);

/* A compiled search pattern. Case-insensitive unless the pattern has a capital letter
 * ("smart case", as in vim and less); accents are always folded. */
struct search_pat {
	char *needle;        /* folded (or case-kept for smart case) pattern */
	size_t len;
	int case_sensitive;
};

int search_compile(const char *pattern, struct search_pat *out);
void search_pat_free(struct search_pat *);

/* One hit in the original text: bytes [start, end). */
struct search_hit {
	size_t start, end;
};

/* All hits of pat in s (n bytes). Returns their count and sets *hits (caller frees), or -1. */
int search_text(const struct search_pat *, const char *s, size_t n, struct search_hit **hits);

#endif
