/* history.c: back and forward through the places the reader jumped from. */
#include "config.h"

#include <string.h>

#include "view/history.h"

void history_init(struct history *h)
{
	h->n = 0;
	h->pos = 0;
}

void history_push(struct history *h, const struct place *here)
{
	/* Full: forget the oldest place. */
	if (h->pos >= HISTORY_MAX) {
		memmove(&h->v[0], &h->v[1], (HISTORY_MAX - 1) * sizeof h->v[0]);
		h->pos = HISTORY_MAX - 1;
	}
	h->v[h->pos++] = *here;
	h->n = h->pos;
}

int history_back(struct history *h, const struct place *here, struct place *to)
{
	if (h->pos <= 0)
		return -1;
	if (h->pos < HISTORY_MAX) {
		h->v[h->pos] = *here;
		if (h->pos == h->n)
			h->n++;
	}
	h->pos--;
	*to = h->v[h->pos];
	return 0;
}

int history_forward(struct history *h, const struct place *here, struct place *to)
{
	if (h->pos + 1 >= h->n)
		return -1;
	h->v[h->pos] = *here;
	h->pos++;
	*to = h->v[h->pos];
	return 0;
}
