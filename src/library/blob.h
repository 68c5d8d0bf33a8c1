/* blob.h: the document model as a compact byte string, so a document opened from the library
 * is rebuilt by reading, not parsed again from its source (an AKN file, a PDF): the
 * library stores the blob beside the paragraphs' texts, which it keeps apart for its search
 * index. No SQLite, no curses.
 *
 * Layout: "GVM" and a version byte, then varints and length-prefixed strings: the metadata
 * fields (their count first, so fields added later leave older blobs readable), the record
 * of adoption (sponsors, vote, voters, keywords), the parts,
 * the annexes, and per paragraph its kind, nesting, lead, id, label, number, markers and
 * cited documents. A paragraph's text is in the blob only when it was encoded with texts. */
#ifndef GAVEL_LIBRARY_BLOB_H
#define GAVEL_LIBRARY_BLOB_H

#include <stddef.h>
#include "doc/resolution.h"

/* Encodes res; with_text = 0 leaves the paragraphs' texts out (the library keeps them in
 * its own rows). Returns 0 and a malloc'd *out of *len bytes, or -1 when out of memory. */
int blob_encode(const struct resolution *res, int with_text, unsigned char **out, size_t *len);

/* Rebuilds the model. A blob encoded without texts takes paragraph i's text from
 * text_of(ctx, i, &len) (NULL for none: an empty text), copied; with texts, text_of may be
 * NULL. Returns 0 and *out (caller frees with res_free), -1 when out of memory, or -2 when
 * the bytes are not a blob this gavel can read (damaged, or from a newer gavel): never a
 * read outside the bytes given. */
int blob_decode(const unsigned char *data, size_t len,
                const char *(*text_of)(void *ctx, size_t i, size_t *len), void *ctx,
                struct resolution **out);

#endif
