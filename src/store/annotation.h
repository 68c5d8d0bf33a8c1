/* annotation.h: one highlight or note, anchored to a resolution's structure. Plain data shared by
 * the store (which persists it), the exporters (which print it) and the UI. */
#ifndef GAVEL_STORE_ANNOTATION_H
#define GAVEL_STORE_ANNOTATION_H

#include <stddef.h>

enum anchor_status {
	ANCHOR_ANCHORED,   /* found where it was: same paragraph, same quote */
	ANCHOR_MOVED,      /* found again elsewhere (another range or paragraph) after the text changed */
	ANCHOR_ORPHAN      /* not found: kept and listed apart, never deleted silently */
};

/* Ranges count Unicode code points into the paragraph's text, so they do not depend on the
 * encoding or shape the document came in. A whole-paragraph note has start = 0, end = length. */
struct annotation {
	char id[37];          /* UUID v4, lower-case */
	char *doc_symbol;     /* "A/RES/58/190" */
	char *doc_language;   /* "en" */
	char *para_id;        /* "op10" */
	size_t start, end;    /* code points into the paragraph text */
	char *exact;          /* the quoted text (W3C TextQuoteSelector) */
	char *prefix;         /* up to 32 code points before it */
	char *suffix;         /* up to 32 code points after it */
	char *color;          /* colour key: "yellow", "green", "blue", "red", "purple" */
	char *note;           /* note body, may be NULL */
	char **tags;          /* ntags strings */
	size_t ntags;
	char *created;        /* ISO 8601 UTC: "2026-11-27T05:28:46Z" */
	char *updated;
	enum anchor_status status;
	char *para_label;     /* "OP 10" as of the last anchoring; NULL when not known */
	char *iri;            /* imported from another tool: the id it gave ("https://hypothes.is/
	                       * a/..."), exported instead of urn:uuid:ID; NULL for gavel's own */
	char *source;         /* imported: the document's address in that tool, or NULL */
};

void annotation_clear(struct annotation *);          /* frees the fields, keeps the struct */
void annotation_list_free(struct annotation *, size_t n);
const char *anchor_status_name(enum anchor_status);  /* "anchored", "moved", "orphan" */

#endif
