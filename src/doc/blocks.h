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
	struct mark *marks; /* footnote markers the shape saw exactly (the PDF's raised small
	                     * digits), taken out of text: byte offsets into it, in order; NULL
	                     * when the shape leaves markers in the text for the builder */
	int indent;         /* leading tabs or indentation level the shape showed, 0 if none */
	int page;           /* 1-based page it started on, 0 if unknown */
	unsigned nmarks;
	/* The small fields last, in a byte each: a 50 MB file has some 170,000 blocks, and at
	 * 40 bytes rather than 56 their arrays are 4 MB less memory to fill and read. */
	unsigned char zone; /* enum block_zone */
	signed char heading; /* the shape saw it set apart as a heading (a PDF's bold or
	                      * centred line): 0 when it cannot tell */
	unsigned char kind; /* the builder's kind of it plus one (blocks_classify), worked out
	                     * where the shape read it; 0 when not yet */
	unsigned char dlike; /* plus one, whether it may head a decision ("57/501. Title": the
	                      * builder's decision_like), worked out with kind; 0 when not yet */
};

/* What one document's masthead and page furniture said, in a file holding several (pasted
 * PDF texts, each with its masthead): its blocks start at `from`. */
struct doc_hints {
	size_t from;
	struct res_meta meta;
};

struct block_list {
	struct block *v;
	size_t n, cap;
	size_t mapped;           /* bytes of v's own mapping (blocks_reserve), 0: malloc()ed */
	struct res_meta hints;   /* metadata read from furniture: symbol, job, distributed ... */
	struct doc_hints *docs;  /* per document, when the reader saw where mastheads begin */
	size_t ndocs, docs_cap;
	const char *lent_lo, *lent_hi;   /* the span of the shape's input the blocks of
	                                  * blocks_push_in_place borrow: their text is not freed */
	int exact_marks;         /* the shape placed every marker in `marks` (a PDF): digits left
	                          * in the text are text, and each footnote block holds one
	                          * footnote */
	int kinds_ready;         /* every block's kind is worked out (blocks_classify) */
	int text_only;           /* the consumer reads each paragraph's text and labels only
	                          * (PARSE_TEXT_ONLY): no cited documents, no opening phrases */
};

/* Starts the hints of a document whose blocks begin at `from`; returns where they go, or NULL
 * when out of memory. The pointer holds until the next call. */
struct res_meta *blocks_doc_hints(struct block_list *, size_t from);

/* Fills bl->hints from the documents' hints, first value first. Returns 0 or -1 (OOM). */
int blocks_merge_hints(struct block_list *);

/* Appends a copy of text[0..len) (normalising whitespace). Returns 0, or -1 when out of memory. */
int blocks_push(struct block_list *, const char *text, size_t len, enum block_zone, int indent,
                int page);
/* Same, normalising text[0..len) where it stands (text[len] is overwritten by the NUL) and
 * borrowing it: a large file's text is not copied a second time. text must outlive the list
 * and be read no more by the shape (a shape reading its input line by line). */
int blocks_push_in_place(struct block_list *, char *text, size_t len, enum block_zone,
                         int indent, int page);
/* Appends a block whose text is already normalised (single spaces, none leading or trailing)
 * with its exact markers (copied; byte offsets into text, in order). Returns 0 or -1 (OOM). */
int blocks_push_marked(struct block_list *, const char *text, size_t len, enum block_zone,
                       int indent, int page, const struct mark *marks, size_t nmarks);
void blocks_free(struct block_list *);
/* Makes room for n blocks in all (a reader that knows about how many it will push): a large
 * array gets a mapping of its own in huge pages. Returns 0 or -1 (OOM). */
int blocks_reserve(struct block_list *, size_t n);

/* A superscript digit at text[i] (¹ ² ³ ⁰ ⁴-⁹: footnote markers in text copied from a web
 * page or a word processor): its ASCII digit, *k set to its bytes; 0 if there is none.
 * blocks_push and the line cleaner turn them into the glued digits PDF text has. */
char blocks_superscript(const char *text, size_t len, size_t i, size_t *k);

/* Shape readers: valid UTF-8 in (the decoder ran first, no BOM, LF line ends), blocks out.
 * Return 0 or -1 when out of memory. */
int shape_ods(const char *text, size_t len, struct block_list *out, struct parse_diag *);
/* Same, its blocks borrowing text (blocks_push_in_place), which it writes into: text must
 * outlive out. The parser's path for a whole file, which is then not copied a second time. */
int shape_ods_in_place(char *text, size_t len, struct block_list *out, struct parse_diag *);
int shape_pdf(const char *text, size_t len, struct block_list *out, struct parse_diag *);
int shape_plain(const char *text, size_t len, struct block_list *out, struct parse_diag *);
int shape_md(const char *text, size_t len, struct block_list *out, struct parse_diag *);

/* Which shape the text looks like (never INPUT_AUTO). */
enum input_format shape_detect(const char *text, size_t len);

/* The structure builder: blocks -> one or more resolutions (a compilation gives several). */
int build_collection(const struct block_list *, struct collection **out, struct parse_diag *);
/* Same, building only the first `max` resolutions; *more (if not NULL) is set when another
 * one begins after them. Those built are the same as build_collection's. */
int build_collection_first(const struct block_list *, size_t max, int *more,
                           struct collection **out, struct parse_diag *);
/* Same as build_collection, but each resolution goes to the sink (parse.h) as soon as it is
 * built: sink->each takes it (frees it with res_free), so that a large file never holds more
 * than a few models; with render and emit, built and rendered on several threads when
 * GAVEL_THREADS allows. The sink returns 0 to go on, nonzero to stop. Returns 0, 1 when the
 * sink stopped it, -1 when out of memory. */
int build_collection_sink(const struct block_list *, const struct parse_sink *,
                          struct parse_diag *);
/* Works out the builder's kind of blocks [from, n) (block.kind), for a shape that reads a large
 * file on several threads to do while each block's text is at hand: a kind depends on the
 * block alone. The shape then sets kinds_ready when every block has one. */
void blocks_classify(struct block_list *, size_t from);

#endif
