/* refs.h: links inside paragraph text: footnote markers flattened into the text by the
 * extraction ("Human Rights1", "of 196316", "of 27 October 1953 8 and"), and cited documents
 * ("resolution 57/218", "A/CONF.157/24 (Part I)").
 *
 * Markers are told from ordinary numbers by what the document says: the set of footnote
 * numbers that exist and the order of first citation (each new footnote is cited in
 * increasing order). A refs_notes tracks that state while the builder walks the paragraphs in
 * reading order. Everything is linear in the text's length. */
#ifndef GAVEL_DOC_REFS_H
#define GAVEL_DOC_REFS_H

#include <stddef.h>
#include "doc/resolution.h"

struct refs_notes;

/* The footnote numbers present in the document (any order, duplicates allowed). NULL when out
 * of memory. */
struct refs_notes *refs_notes_new(const int *nums, size_t n);
void refs_notes_free(struct refs_notes *);

/* The document prints its markers in parentheses glued to the text ("2017(1)", as Arabic
 * texts do): only then is "(1)" taken as a marker. */
void refs_notes_parenthesized(struct refs_notes *, int on);

/* The document has markers but lost its footnote texts (a volume's extract): lone numbers in
 * increasing order between words ("Council 41 and") are taken as markers of missing notes. */
void refs_notes_orphans(struct refs_notes *, int on);

/* Removes the footnote markers from text (in place; *len shrinks) and appends them to
 * *marks / *nmarks with their byte offsets into the new text. Returns 0 or -1 (out of memory). */
int refs_take_markers(struct refs_notes *, char *text, size_t *len, struct mark **marks,
                      size_t *nmarks);

/* Appends the resolutions and document symbols cited in text to *refs / *nrefs.
 * Returns 0 or -1 (out of memory). */
int refs_find_documents(const char *text, size_t len, struct ref **refs, size_t *nrefs);

/* Parses a resolution number at s ("57/218", "2200 A (XXI)", "242 (1967)", "ES-10/2");
 * returns its length in bytes, 0 if there is none. */
size_t refs_resolution_number(const char *s, size_t len);

#endif
