/* buf.c: the one growable buffer (see buf.h). */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/buf.h"

/* The capacity to grow to for `need`: doubling from `cap` (or `first`), or 0 on overflow. */
static size_t grown(size_t cap, size_t need, size_t first)
{
	size_t c = cap ? cap : first;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			return need;
		c *= 2;
	}
	return c;
}

int buf_reserve(struct buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->n - 1)
		return -1;
	size_t need = b->n + extra + 1;
	if (need <= b->cap)
		return 0;
	size_t cap = grown(b->cap, need, 64);
	char *s = realloc(b->s, cap);
	if (!s)
		return -1;
	b->s = s;
	b->cap = cap;
	return 0;
}

int buf_add(struct buf *b, const void *p, size_t n)
{
	if (buf_reserve(b, n))
		return -1;
	if (n)
		memcpy(b->s + b->n, p, n);
	b->n += n;
	b->s[b->n] = '\0';
	return 0;
}

int buf_addc(struct buf *b, char c)
{
	if (b->n + 1 >= b->cap && buf_reserve(b, 1))
		return -1;
	b->s[b->n++] = c;
	b->s[b->n] = '\0';
	return 0;
}

int buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

int buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap, again;
	va_start(ap, fmt);
	va_copy(again, ap);
	char small[128];
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	int rc = -1;
	if (n >= 0 && (size_t)n < sizeof small)
		rc = buf_add(b, small, (size_t)n);
	else if (n >= 0 && buf_reserve(b, (size_t)n) == 0) {
		vsnprintf(b->s + b->n, (size_t)n + 1, fmt, again);
		b->n += (size_t)n;
		rc = 0;
	}
	va_end(again);
	return rc;
}

void buf_clear(struct buf *b)
{
	b->n = 0;
	if (b->s)
		b->s[0] = '\0';
}

void buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->n = b->cap = 0;
}

char *buf_steal(struct buf *b, size_t *n)
{
	char *s = b->s;
	if (n)
		*n = b->n;
	b->s = NULL;
	b->n = b->cap = 0;
	return s;
}

void *buf_array(void *v, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return v;
	size_t c = grown(*cap, need, 8);
	if (size && c > SIZE_MAX / size)
		return NULL;
	void *nv = realloc(v, c * size);
	if (!nv)
		return NULL;
	*cap = c;
	return nv;
}

void *buf_array_push(void *v, size_t n, size_t size)
{
	/* full when n is 4 or a larger power of two (or nothing was allocated yet) */
	if (v && (n < 4 || (n & (n - 1))))
		return v;
	size_t want = n < 4 ? 4 : n * 2;
	if (n > SIZE_MAX / 2 || (size && want > SIZE_MAX / size))
		return NULL;
	return realloc(v, want * size);
}
