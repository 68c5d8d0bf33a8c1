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

/* Every run of white space (Unicode White_Space: spaces, TAB, newlines, no-break spaces,
 * U+3000) folds to one ' ', so "migrant  children" across a line end or a no-break space still
 * matches "migrant children"; invisible format characters (soft hyphen, zero-width spaces and
 * joiners, BOM) are dropped. Hyphens and the dashes typed for them (U+2010-2013: hyphen,
 * non-breaking hyphen, figure dash, en dash; U+2212 minus; small and full-width hyphen-minus)
 * fold to '-', so "pre-recorded" finds "pre\u2011recorded". Invalid UTF-8 folds to U+FFFD.
 * Returns 0, or -1 when out of memory. fold_free() releases the fields. */
int text_fold(const char *s, size_t n, struct folded *out);

/* As text_fold, but when keep_case is non-zero letters keep their case (accents, marks, white
 * space and format characters are folded the same way): the haystack of a smart-case search. */
int text_fold_mode(const char *s, size_t n, int keep_case, struct folded *out);
void fold_free(struct folded *);

/* A compiled search pattern. Case-insensitive unless the pattern has a capital letter
 * ("smart case", as in vim and less); accents are always folded. So "reunification" finds
 * "Réunification" and "REUNIFICATION"; "Réunification" and "Reunification" find
 * "Reunification" and "Réunification" but not "reunification". White space in the pattern is
 * collapsed like the text's and trimmed at both ends; a pattern of only white space compiles to
 * an empty needle, which matches nothing. */
struct search_pat {
	char *needle;        /* folded (or case-kept for smart case) pattern */
	size_t len;
	int case_sensitive;
};

/* Returns 0, or -1 when out of memory. */
int search_compile(const char *pattern, struct search_pat *out);
void search_pat_free(struct search_pat *);

/* One hit in the original text: bytes [start, end). */
struct search_hit {
	size_t start, end;
};

/* All hits of pat in s (n bytes), left to right and not overlapping; each hit starts and ends on
 * a character boundary of s and takes in the combining marks that follow its last letter.
 * Returns their count and sets *hits (caller frees; NULL when 0), or -1 when out of memory. */
int search_text(const struct search_pat *, const char *s, size_t n, struct search_hit **hits);

#endif
