/* blocks.h: the stage between an input shape and the model.
 *
 * Each shape reader (ODS extract, PDF-extracted text, hard-wrapped plain text) turns raw text
 * into logical blocks: one paragraph each, lines joined, hyphenation across lines undone, page
 * furniture (running heads, page numbers, job numbers, <<ODS>> tags, [DU1]) removed and what it
 * said kept in `hints`. One structure builder then reads blocks into the model, whatever the
 * shape. Readers never guess structure (preamble, operative, annexes): the builder does. */
#ifndef GAVEL_DOC_BLOCKS_H
#define GAVEL_DOC_BLOCKS_H

#include <stddef.h>
#include "doc/parse.h"
#include "doc/resolution.h"

enum block_zone {
	ZONE_BODY,          /* the resolution's text */
	ZONE_FOOTNOTE       /* known to be a footnote (below a PDF page's ____ rule) */
};

struct block {
	char *text;         /* UTF-8, whitespace normalised to single spaces, NUL-terminated */
	size_t len;
	enum block_zone zone;
	int indent;         /* leading tabs or indentation level the shape showed, 0 if none */
	int page;           /* 1-based page it started on, 0 if unknown */
};

struct block_list {
	struct block *v;
	size_t n, cap;
	struct res_meta hints;   /* metadata read from furniture: symbol, job, distributed ... */
};

/* Appends a copy of text[0..len) (normalising whitespace). Returns 0, or -1 when out of memory. */
int blocks_push(struct block_list *, const char *text, size_t len, enum block_zone, int indent,
                int page);
void blocks_free(struct block_list *);

/* Shape readers: valid UTF-8 in (the decoder ran first, no BOM, LF line ends), blocks out.
 * Return 0 or -1 when out of memory. */
int shape_ods(const char *text, size_t len, struct block_list *out, struct parse_diag *);
int shape_pdf(const char *text, size_t len, struct block_list *out, struct parse_diag *);
int shape_plain(const char *text, size_t len, struct block_list *out, struct parse_diag *);

/* Which shape the text looks like (never INPUT_AUTO). */
enum input_format shape_detect(const char *text, size_t len);

/* The structure builder: blocks -> one or more resolutions (a compilation gives several). */
int build_collection(const struct block_list *, struct collection **out, struct parse_diag *);

#endif
