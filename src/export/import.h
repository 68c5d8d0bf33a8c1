/* import.h: annotations from JSON back into records, for `gavel notes import`: gavel's own
 * W3C Web Annotation export, any W3C annotation that quotes words of a resolution, and
 * Hypothesis' JSON. No SQLite here: the caller stores the records, so the whole file is read
 * and checked before the database is touched. */
#ifndef GAVEL_EXPORT_IMPORT_H
#define GAVEL_EXPORT_IMPORT_H

#include <stddef.h>
#include "doc/resolution.h"
#include "store/annotation.h"

/* What was left out of a file: annotations well formed but not about quoted words (a whole
 * page, a reply, no TextQuoteSelector), and why the first was. */
struct import_report {
	size_t skipped;
	char why[240];      /* "rows[3]: it is a reply to another annotation" */
};

/* Reads an AnnotationCollection (its embedded first page), an AnnotationPage, an array of
 * Annotations or one Annotation, or Hypothesis' JSON (its export's {"annotations": [...]},
 * its search API's {"rows": [...]}, one of its annotations). Each record gets:
 *   id        the UUID of "urn:uuid:..."; for another id (kept in iri), a UUID made from it,
 *             so importing the same annotation twice finds it the second time
 *   doc_symbol, doc_language  from gavel:symbol/gavel:language or the UN address in the
 *             target's source (undocs.org, docs.un.org); doc_symbol NULL when the source is
 *             another address (the caller places it with import_place or leaves it out)
 *   source    the target's source as written
 *   para_id, start, end  gavel's paragraph and code points; for a note from another tool,
 *             para_id "" and status ANCHOR_ORPHAN until import_place finds it by its quote
 *   exact, prefix, suffix (white space made single spaces), color (default "yellow"), note
 *             (several bodies joined by a blank line), tags, created, updated, status
 * Returns 0 and sets *out (caller frees with annotation_list_free), *n and *rep (may be NULL),
 * or -1 with a message for people in err ("items[3]: tag "" is empty ...", "line 2, column
 * 5: ..."): one malformed annotation refuses the file, and nothing is returned. */
int import_json(const char *buf, size_t len, struct annotation **out, size_t *n,
                struct import_report *rep, char *err, size_t errlen);

/* Finds, by its quote, the paragraph of each record with an empty para_id, in the resolutions
 * docs[0..ndocs) of its symbol and language, or in any of them for a record without a symbol
 * when `any` (the documents were named for it). A record placed gets its symbol, language,
 * paragraph, range and the document's own words, status ANCHOR_ANCHORED. Returns how many
 * were placed, or -1 when out of memory. */
int import_place(struct annotation *v, size_t n, const struct resolution *const *docs,
                 size_t ndocs, int any);

#endif
