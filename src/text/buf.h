/* buf.h: the program's one growable buffer: bytes (struct buf, always NUL-terminated once it
 * holds anything) and arrays of any element (buf_array). Capacity doubles; sizes are checked
 * for overflow; nothing aborts: a call that allocates returns 0 (or the new array) on success
 * and -1 (or NULL, the old storage intact) when out of memory, so every layer can reach its
 * failure paths. The buffer owns s; buf_free releases it, buf_steal hands it over. */
#ifndef GAVEL_TEXT_BUF_H
#define GAVEL_TEXT_BUF_H

#include <stddef.h>

struct buf {
	char *s;            /* NULL until the first byte; then NUL-terminated at s[n] */
	size_t n, cap;      /* bytes held, bytes allocated */
};

#define BUF_INIT { NULL, 0, 0 }

/* Room for `extra` more bytes and the NUL. */
int buf_reserve(struct buf *, size_t extra);
/* Appends p[0..n). */
int buf_add(struct buf *, const void *p, size_t n);
/* Appends one byte. */
int buf_addc(struct buf *, char c);
/* Appends a NUL-terminated string. */
int buf_adds(struct buf *, const char *s);
/* Appends formatted text. */
int buf_printf(struct buf *, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empties the buffer, keeping its storage. */
void buf_clear(struct buf *);
/* Releases the storage; the buffer is empty and usable again. */
void buf_free(struct buf *);
/* Hands the bytes over (the caller frees; NULL when the buffer never held any), the buffer is
 * empty again. *n (may be NULL) gets their length. */
char *buf_steal(struct buf *, size_t *n);

/* An array v of *cap elements of `size` bytes with room for at least `need`: returns v
 * (grown by doubling, from 8 elements; *cap updated) or NULL when out of memory, v intact. */
void *buf_array(void *v, size_t *cap, size_t need, size_t size);

/* The same for an array that keeps no capacity: n elements are held, room is wanted for one
 * more; the capacity is implied (the smallest power of two >= n, at least 4), so the array
 * grows only when n reaches it. */
void *buf_array_push(void *v, size_t n, size_t size);

#endif
