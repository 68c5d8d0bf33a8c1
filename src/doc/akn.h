/* akn.h: reading the UN's machine-readable resolutions (AKN4UN: Akoma Ntoso for the United
 * Nations), private to src/doc/akn*.c. akn.c parses the XML and walks its structure into the
 * builder's handlers (build.h), so paragraphs get the ids and labels every shape gives;
 * akn-text.c gathers an element's text with its footnote markers and links; akn-meta.c reads
 * the record (symbol, dates, draft, sponsors, vote, keywords). The shape table's row is
 * akn_probe/akn_read (shape.h). */
#ifndef GAVEL_DOC_AKN_H
#define GAVEL_DOC_AKN_H

#include <stddef.h>
#include <libxml/tree.h>

#include "doc/build.h"
#include "doc/shape.h"

/* The namespace of Akoma Ntoso 3.0, which AKN4UN documents use. */
#define AKN_NS "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

/* Deepest element nesting walked (libxml2 itself stops at 256 without XML_PARSE_HUGE). */
#define AKN_MAX_DEPTH 300

/* A link in gathered text: bytes [byte, end) point at href. */
struct akn_link {
	size_t byte, end;
	char *href;
};

/* An element's text, whitespace normalised to single spaces, with the footnote markers that
 * stood in it (at their exact byte) and its links. Owned by whoever gathered it. */
struct akn_text {
	char *s;
	size_t len, cap;
	int space;                  /* a space is due before the next character */
	struct mark *marks;
	size_t nmarks;
	struct akn_link *links;
	size_t nlinks;
	size_t lead;                /* bytes of a leading italic phrase ("Reaffirming also"), 0 */
	size_t emph;                /* bytes of a leading italic or bold span, 0 */
	int started;                /* some text came: a later italic span is not the lead */
};

/* A footnote (an <authorialNote>), by the number of its marker. */
struct akn_note {
	int num;
	struct akn_text text;
};

/* Reading one document. */
struct akn {
	struct bstate st;           /* the builder's state: the resolution being built */
	struct akn_note *notes;
	size_t nnotes, notes_cap;
	int oom;
	int numbered_ops;           /* an operative paragraph with a printed number was read */
};

/* akn-text.c */
int akn_is(const xmlNode *, const char *name);       /* an AKN element of this local name */
const xmlNode *akn_child(const xmlNode *, const char *name);   /* first such child, or NULL */
/* The attribute's value (caller frees with xmlFree), or NULL. */
char *akn_attr(const xmlNode *, const char *name);
/* Appends the text of node's subtree to t: footnote markers become marks (and notes in a),
 * links are kept, <num> children skipped when skip_num. Sets a->oom when out of memory. */
void akn_gather(struct akn *a, struct akn_text *t, const xmlNode *node, int skip_num);
/* The same for the node's children only. */
void akn_gather_children(struct akn *a, struct akn_text *t, const xmlNode *node, int skip_num);
/* Appends s as text (white space collapsed as in the document). */
void akn_text_put(struct akn *a, struct akn_text *t, const char *s);
/* Trims leading and trailing spaces (a pending space is dropped). */
void akn_text_trim(struct akn_text *t);
/* Removes the first k bytes (a number read off the text), moving marks and links with it. */
void akn_text_cut(struct akn_text *t, size_t k);
void akn_text_free(struct akn_text *t);
/* Gives paragraph i the text's marks and references (the scanner's, and the links'). */
void akn_attach(struct akn *a, int i, struct akn_text *t);
/* The text of a node with whitespace normalised, no marks (caller frees), or NULL. */
char *akn_plain(struct akn *a, const xmlNode *node);

/* akn-meta.c: the resolution's metadata and record, from <meta>, <coverPage>, <preface> and
 * <conclusions> of the document element. */
void akn_meta(struct akn *a, const xmlNode *doc);

#endif
