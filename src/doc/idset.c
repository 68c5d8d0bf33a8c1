/* idset.c: a hash set of strings (FNV-1a, linear probing), enough to keep ids unique in
 * time linear in the paragraphs. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/idset.h"

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The slot holding s, or the empty slot where it would go. */
static size_t find(const struct idset *set, const char *s)
{
	size_t i = (size_t)hash(s) & (set->cap - 1);
	while (set->slot[i].id && strcmp(set->slot[i].id, s) != 0)
		i = (i + 1) & (set->cap - 1);
	return i;
}

/* Keeps the table at most half full. */
static int grow(struct idset *set)
{
	if (set->cap && (set->n + 1) * 2 <= set->cap)
		return 0;
	size_t cap = set->cap ? set->cap * 2 : 64;
	struct idset_slot *old = set->slot;
	size_t oldcap = set->cap;
	set->slot = calloc(cap, sizeof *set->slot);
	if (!set->slot) {
		set->slot = old;
		return -1;
	}
	set->cap = cap;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].id)
			set->slot[find(set, old[i].id)] = old[i];
	free(old);
	return 0;
}

int idset_claim(struct idset *set, char **id, int free_old)
{
	if (grow(set) < 0)
		return -1;
	size_t i = find(set, *id);
	if (set->slot[i].id) {
		/* Suffixes already tried for this id are not tried again: a text repeating one
		 * number a million times costs a million lookups, not half a million squared. */
		struct idset_slot *base = &set->slot[i];
		size_t n = strlen(*id) + 24;
		char *alt = malloc(n);
		if (!alt)
			return -1;
		unsigned long k = base->next ? base->next : 2;
		for (;; k++) {
			snprintf(alt, n, "%s-%lu", *id, k);
			i = find(set, alt);
			if (!set->slot[i].id)
				break;
		}
		base->next = k + 1;
		if (free_old)
			free(*id);
		*id = alt;
	}
	set->slot[i] = (struct idset_slot){ *id, 0 };
	set->n++;
	return 0;
}

void idset_free(struct idset *set)
{
	free(set->slot);
	set->slot = NULL;
	set->cap = set->n = 0;
}
