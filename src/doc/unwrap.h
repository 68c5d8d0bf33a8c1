/* unwrap.h: joining hard-wrapped lines back into paragraphs, shared by the PDF and plain-text
 * readers. The hard part is a hyphen at a line end: "pro-|tection" is one word broken by the
 * typesetter, "cease-|fire" and "non-|governmental" are hyphenated words that happen to break
 * there. The rule, in order:
 *   1. a digit before the hyphen or a capital or digit after it keeps it ("90-day",
 *      "Secretary-General"); a soft hyphen (U+00AD) is always dropped;
 *   2. the document itself decides when it spells the word elsewhere on one line: "cease-fire"
 *      seen keeps the hyphen, "protection" seen drops it;
 *   3. otherwise a hyphen after a prefix that English keeps hyphenated (non-, self-, co-,
 *      cease-, follow-, anti-, ...) or before a second element that forms compounds (-based,
 *      -related, -up, -term, ...) is kept;
 *   4. otherwise the hyphen was the typesetter's and is dropped. */
#ifndef GAVEL_DOC_UNWRAP_H
#define GAVEL_DOC_UNWRAP_H

#include <stddef.h>
#include <stdint.h>
#include "text/buf.h"

struct unwrap_word {
	const char *s;
	size_t n;
};

/* The words of the whole document, for rule 2. Built on first use; owned by the caller. */
struct unwrap {
	const char *text;
	size_t len;
	struct unwrap_word *set;    /* open-addressed hash set, NULL until built */
	size_t cap, used;
	int built;                  /* 1 built, -1 out of memory or too large (rule 2 skipped) */
	/* A document up to 4 MB keeps where its words start, and the words opening
	 * with a byte (ignoring ASCII case) go into the set at the first look-up of a word
	 * opening with it: a few broken words ask for a few such groups. */
	uint32_t *starts;           /* NULL when every word is in the set */
	unsigned char *firsts;      /* of each word, its first byte in lower case */
	size_t nstarts;
	unsigned char *taken;       /* 256 flags, by first byte in lower case */
	int ntaken;
};

void unwrap_init(struct unwrap *, const char *text, size_t len);
void unwrap_free(struct unwrap *);

/* Whether the hyphen between left (the word before it) and right (the word after the line
 * break) belongs to the word. */
int unwrap_keep_hyphen(struct unwrap *, const char *left, size_t ln, const char *right, size_t rn);

/* Appends a line to the paragraph in b, joining it as described above (a space, nothing
 * between CJK characters, or the hyphen rule). Returns 0, or -1 when out of memory. */
int unwrap_append(struct unwrap *, struct buf *b, const char *line, size_t n);

#endif
