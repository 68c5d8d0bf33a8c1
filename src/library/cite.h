/* cite.h: what a paragraph cites, down to the paragraph: "resolution 78/217",
 * "paragraph 8 of resolution 687 (1991)", "paragraph 13 (b) of its resolution 78/217",
 * "paragraph 8 of the annex to resolution 60/147", "annex I to the present resolution",
 * "paragraph 8 above". Works on the model (the refs the parser found, and the words around
 * them) in English, French, Spanish and Russian; no SQLite, no curses.
 *
 * A place in a document is a spec string, resolved against the document once it is open:
 *   "op13", "op13.b", "op13.b.ii"   operative paragraph 13, its item (b), (ii)
 *   "pp5"                          the fifth preambular paragraph
 *   "annex", "annex:I"             the (first) annex, annex I (by its label)
 *   "annex:I/p8", "annex/p8.b"     paragraph 8 (b) of that annex
 *   "part:II", "part:II/op3"       section (part) II, its paragraph 3 */
#ifndef GAVEL_LIBRARY_CITE_H
#define GAVEL_LIBRARY_CITE_H

#include <stddef.h>
#include "doc/resolution.h"
#include "library/symbol.h"

#define CITE_SPEC_MAX 48

struct cite {
	size_t byte, len;              /* the words drawn as the link, in the paragraph's text */
	char key[SYMBOL_KEY_MAX];      /* the cited document's key; "" for the citing document */
	char spec[CITE_SPEC_MAX];      /* the place cited in it; "" for the whole document */
	int ref;                       /* index in the paragraph's refs, -1 for a place in the
	                                * citing document ("paragraph 8 above") */
};

/* Every citation of paragraph `para` of res, in text order: each cited resolution or
 * document of its refs (with the paragraph words before it, when there are some), and each
 * place in res itself. Returns the count (*out malloc'd, NULL when 0), -1 when out of
 * memory. */
int cite_find(const struct resolution *res, size_t para, struct cite **out);

/* The paragraph a spec names in res, for a citation made from paragraph `from` of the same
 * document (-1 from another): an item that does not exist falls back to its paragraph, a
 * paragraph "above" cited from inside an annex is that annex's first. Returns the paragraph
 * index, or -1 when res has no such place. */
int cite_resolve(const struct resolution *res, const char *spec, int from);

/* The key of the citing document res: its symbol's key, or "" when it has none. */
void cite_self_key(const struct resolution *res, char key[SYMBOL_KEY_MAX]);

#endif
