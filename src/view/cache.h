/* cache.h: laid-out paragraphs kept between keystrokes, so a key costs the screen, not the
 * document. Direct-mapped by paragraph index: the visible paragraphs are consecutive and
 * never evict each other unless more than DCACHE_SLOTS are on screen. */
#ifndef GAVEL_VIEW_CACHE_H
#define GAVEL_VIEW_CACHE_H

#include "view/dpara.h"

#define DCACHE_SLOTS 1024

struct dcache {
	unsigned long builds;   /* layouts made (pane_dpara), for tests of the per-key cost */
	int oom;                /* a paragraph on screen could not be laid out (out of memory):
	                         * the reader says so and ends, never shows an empty pane */
	struct dpara *slot[DCACHE_SLOTS];
	int width[DCACHE_SLOTS];
	unsigned gen[DCACHE_SLOTS];
};

/* The cached layout of para at this width and generation, or NULL. */
struct dpara *dcache_get(struct dcache *, int para, int width, unsigned gen);
/* Stores d (the cache owns it), freeing what held its slot. A pointer from dcache_get stays
 * valid until a dcache_put for a paragraph of the same slot, or dcache_clear. */
void dcache_put(struct dcache *, struct dpara *d, int width, unsigned gen);
void dcache_clear(struct dcache *);

#endif
