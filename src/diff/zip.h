/* zip.h: a ZIP archive written front to back (what a .docx is), each entry deflated by zlib.
 * Call order: zip_new, zip_add for each entry, zip_finish (writes the central directory and
 * frees). Entries are given whole, in memory: a document's parts are small. */
#ifndef GAVEL_DIFF_ZIP_H
#define GAVEL_DIFF_ZIP_H

#include <stddef.h>
#include <stdio.h>

struct zip;

/* An archive written to f (not closed by zip_finish). NULL when out of memory. */
struct zip *zip_new(FILE *f);

/* Adds entry `name` holding data[0..len): deflated, or stored when that is no smaller.
 * Every entry has the same fixed time (1980-01-01), so equal input gives an equal file.
 * Returns 0, or -1 (out of memory, a write error, an entry of 4 GB or more). */
int zip_add(struct zip *, const char *name, const void *data, size_t len);

/* Writes the central directory and frees the writer. Returns 0, or -1 when anything failed
 * since zip_new. */
int zip_finish(struct zip *);

#endif
