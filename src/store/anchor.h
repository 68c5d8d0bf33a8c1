/* anchor.h: tying an annotation to words of a resolution, and finding them again when the
 * text changed. Pure functions over the model (no SQLite), so every case is unit-tested.
 *
 * A selection is kept as the W3C TextQuoteSelector keeps it: the exact words plus up to
 * ANCHOR_CONTEXT code points before (prefix) and after (suffix), besides the paragraph id and
 * the code point range. Re-anchoring tries, in order:
 *   1. the same paragraph id holding the exact quote (the occurrence whose context fits best);
 *   2. the exact quote anywhere in the document, with enough matching context;
 *   3. the same paragraph with its context on both sides intact but the words between them
 *      edited (a changed word inside the quote): the quote becomes the new words;
 * and otherwise gives up: an orphan, which the store keeps. */
#ifndef GAVEL_STORE_ANCHOR_H
#define GAVEL_STORE_ANCHOR_H

#include <stddef.h>
#include "doc/resolution.h"
#include "store/annotation.h"

#define ANCHOR_CONTEXT 32

/* The selector of code points [start, end) of text: exact, prefix and suffix (caller frees
 * the three). Returns 0, -1 when out of memory, -2 when the range is empty or past the end. */
int anchor_quote(const char *text, size_t start, size_t end, char **exact, char **prefix,
                 char **suffix);

/* The first occurrence of quote in text starting at or after code point `from`: sets *start
 * and *end in code points and returns 1, or returns 0. An empty quote is never found. */
int anchor_find(const char *text, const char *quote, size_t from, size_t *start, size_t *end);

/* What an annotation remembers of its place. */
struct anchor_target {
	const char *para_id;
	size_t start, end;
	const char *exact, *prefix, *suffix;   /* prefix, suffix may be NULL (= "") */
	int para_hint;                         /* paragraph index it was last seen at, or -1 */
};

/* Where it is now: para = index into res->paras (-1 for an orphan), code point range. */
struct anchor_found {
	int para;
	size_t start, end;
};

/* Finds the target in res (see the order above). Returns ANCHOR_ANCHORED when it is exactly
 * where it was, ANCHOR_MOVED when found elsewhere or with edited words, ANCHOR_ORPHAN when
 * lost (found->para = -1). */
enum anchor_status anchor_resolve(const struct resolution *, const struct anchor_target *,
                                  struct anchor_found *);

/* SHA-256 over every paragraph's id and text, as 64 hex digits: equal hashes mean the
 * annotations need no re-anchoring. */
void anchor_text_hash(const struct resolution *, char hex[65]);

/* Code points in the first n bytes of s, and the byte offset of code point `cp` (clamped). */
size_t anchor_cp_count(const char *s, size_t n);
size_t anchor_cp_byte(const char *s, size_t cp);

#endif
