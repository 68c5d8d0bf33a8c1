/* import.h: W3C Web Annotation JSON (as export_json writes it) back into annotation records,
 * for `gavel notes import`. No SQLite here: the caller stores the records, so the whole file is
 * read and checked before the database is touched. */
#ifndef GAVEL_EXPORT_IMPORT_H
#define GAVEL_EXPORT_IMPORT_H

#include <stddef.h>
#include "store/annotation.h"

/* Reads an AnnotationCollection (its embedded first page), an AnnotationPage, an array of
 * Annotations or a single Annotation. Each record gets id (from "urn:uuid:..."), doc_symbol,
 * doc_language, para_id, start/end, exact/prefix/suffix, color (default "yellow"), note, tags,
 * created, updated; status from "gavel:status" (else anchored) until the store re-anchors.
 * Returns 0 and sets *out (caller frees with annotation_list_free) and *n, or -1 with a message
 * for people in err ("items[3]: target has no \"gavel:paragraph\"", "line 2, column 5: ...").
 * Nothing is returned on error: one bad annotation refuses the file. */
int import_json(const char *buf, size_t len, struct annotation **out, size_t *n,
                char *err, size_t errlen);

#endif
