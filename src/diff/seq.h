/* seq.h: the shortest edit script between two sequences of numbers (Myers' O(ND) algorithm in
 * linear space, as GNU diff runs it), the one comparison under every redline: words within a
 * paragraph, paragraphs within a resolution. */
#ifndef GAVEL_DIFF_SEQ_H
#define GAVEL_DIFF_SEQ_H

#include <stddef.h>
#include <stdint.h>

/* Marks in del[0..na) the elements of a that are not kept and in ins[0..nb) those of b that
 * are new (both zeroed by the caller), so that the unmarked elements of a and b, in order, are
 * one common subsequence: the longest one unless the inputs are so unlike that finding it
 * would cost more than about (na + nb) * 2 * sqrt(na + nb) steps, where a near one is taken
 * (the heuristic of GNU diff). Returns the number of kept pairs, or -1 when out of memory. */
long seq_diff(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, char *del, char *ins);

#endif
