/* cache.c: the direct-mapped cache of laid-out paragraphs. */
#include "config.h"

#include "view/cache.h"

struct dpara *dcache_get(struct dcache *c, int para, int width, unsigned gen)
{
	if (para < 0)
		return NULL;
	int i = para % DCACHE_SLOTS;
	struct dpara *d = c->slot[i];
	if (d && d->para == para && c->width[i] == width && c->gen[i] == gen)
		return d;
	return NULL;
}

void dcache_put(struct dcache *c, struct dpara *d, int width, unsigned gen)
{
	int i = d->para % DCACHE_SLOTS;
	if (c->slot[i] != d)
		dpara_free(c->slot[i]);
	c->slot[i] = d;
	c->width[i] = width;
	c->gen[i] = gen;
}

void dcache_clear(struct dcache *c)
{
	for (int i = 0; i < DCACHE_SLOTS; i++) {
		dpara_free(c->slot[i]);
		c->slot[i] = NULL;
	}
}
