/* ztext.h: the library's texts kept small. A paragraph is a few hundred bytes, too short for
 * a compressor to find repeats in by itself, so it is compressed (zstd) against a dictionary
 * trained on the library's own paragraphs, which holds what resolutions repeat ("Requests the
 * Secretary-General to submit to the General Assembly at its ..."): about 2.5 times smaller,
 * and each paragraph still read alone, in a microsecond. Why zstd: it is made for exactly
 * this (trained dictionaries, digested once, for small records), and is a well-kept library
 * in every distribution. No SQLite, no curses.
 *
 * A packed text is one tag byte then the bytes: 'R' raw, or 'Z' and the dictionary's number
 * (a varint, 0 = none) then a zstd frame. */
#ifndef GAVEL_LIBRARY_ZTEXT_H
#define GAVEL_LIBRARY_ZTEXT_H

#include <stddef.h>
#include <stdint.h>

struct ztext;

/* A packer/unpacker. dict (dlen bytes, copied) is dictionary number `id` (> 0), used to pack;
 * NULL packs without one. Returns 0, or -1 when out of memory or the dictionary is not one. */
int ztext_new(const void *dict, size_t dlen, int64_t id, struct ztext **out);
/* The same, to unpack only (a library opened to read): ztext_pack refuses (-1). */
int ztext_reader(const void *dict, size_t dlen, int64_t id, struct ztext **out);
void ztext_free(struct ztext *);

/* Makes dictionary `id` known for unpacking (a text packed with an older dictionary).
 * Returns 0 or -1. */
int ztext_add_dict(struct ztext *, const void *dict, size_t dlen, int64_t id);

/* The dictionary texts are packed with (0: none). */
int64_t ztext_dict_id(const struct ztext *);

/* text -> packed bytes (malloc'd). A text that would not shrink is kept raw. Returns 0 or -1. */
int ztext_pack(struct ztext *, const void *text, size_t len, unsigned char **out, size_t *olen);

/* packed bytes -> the text, NUL-terminated, malloc'd. Returns 0, -1 when out of memory, -2
 * when the bytes are damaged or need a dictionary this packer does not know (its number in
 * *missing when not NULL). */
int ztext_unpack(struct ztext *, const unsigned char *p, size_t len, char **out, size_t *olen,
                 int64_t *missing);

/* A dictionary of at most max bytes trained on n texts. Returns 0 and a malloc'd *dict, or
 * -1 (too few or too short texts to learn from, or out of memory). */
int ztext_train(const char *const *texts, const size_t *lens, size_t n, size_t max,
                unsigned char **dict, size_t *dlen);

#endif
