/* idset.h: the paragraph ids already given in one resolution, so the builder never gives one
 * twice, however the numbering of a hostile or damaged text repeats itself (issue 18: ten
 * nested levels cycling (a) (i) (A) (1) gave 9,999 paragraphs the same id).
 *
 * The set only points at the ids (the resolution owns them). Call order: idset_claim for each
 * new id, idset_free once the resolution is built. */
#ifndef GAVEL_DOC_IDSET_H
#define GAVEL_DOC_IDSET_H

#include <stddef.h>

struct idset_slot {
	const char *id;         /* NULL: empty */
	unsigned long next;     /* the suffix to try first when this id comes again */
};

struct idset {
	struct idset_slot *slot;   /* open addressing */
	size_t cap, n;
};

/* Takes *id for a new paragraph: when it is already given, *id is replaced by the first free
 * "ID-2", "ID-3" ... (malloc'd; the old string freed when free_old says it was malloc'd).
 * Returns 0, or -1 when out of memory (*id untouched). The set then points at *id, which must
 * live as long as the set. */
int idset_claim(struct idset *, char **id, int free_old);

void idset_free(struct idset *);

#endif
