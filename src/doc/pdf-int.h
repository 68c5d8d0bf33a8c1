/* pdf-int.h: what the PDF reader's files share (private to src/doc/pdf*.c): the pages of spans
 * read from the helper's stream (pdf-stream.c) and the layout that turns them into blocks
 * (pdf-layout.c). A pdf_doc owns everything it points to; pdf_doc_free releases it. */
#ifndef GAVEL_DOC_PDF_INT_H
#define GAVEL_DOC_PDF_INT_H

#include <stddef.h>
#include "doc/blocks.h"

enum {
	PF_BOLD = 1,
	PF_ITALIC = 2,
	PF_MONO = 4,
	PF_BARCODE = 8       /* a bar-code font ("Barcode 3 of 9"): furniture wherever it is */
};

/* Text in one font and size on one baseline (pdf.h: "span"). */
struct pdf_span {
	float size, x0, y0, x1, y1, base;
	int flags;           /* PF_* of its font */
	char dir;            /* 'h', 'r' (glyphs set right to left) or 'v' */
	const char *s;       /* UTF-8, NUL-terminated, in the doc's copy of the stream */
	size_t n;
};

/* A thin horizontal line drawn on a page (pdf.h: "rule"). */
struct pdf_rule {
	float x0, y0, x1, y1;
};

struct pdf_page {
	int no;
	float w, h;
	size_t first, n;     /* its spans: doc->spans[first .. first + n) */
	size_t rule0, nrules;   /* its rules: doc->rules[rule0 .. rule0 + nrules) */
	int images;          /* pictures on it */
	float image_area;    /* their area, in square points */
	int skipped;         /* the helper could not read it */
};

struct pdf_doc {
	char *buf;                   /* the stream, lines cut into strings */
	struct pdf_span *spans;
	size_t nspans, spans_cap;
	struct pdf_page *pages;
	size_t npages, pages_cap;
	struct pdf_rule *rules;
	size_t nrules, rules_cap;
	int total_pages;             /* "pages N", -1 if the stream did not say */
	char error_kind[16];         /* "encrypted", "damaged", "large", "timeout"; "" if none */
	char error_msg[160];
	int version;                 /* of the stream's first line; 0 when it had none */
};

/* Reads a stream (copied; the caller keeps its bytes). Returns 0, or -1 when out of memory.
 * Malformed records are skipped. */
int pdf_stream_parse(struct pdf_doc *, const char *stream, size_t len);
void pdf_doc_free(struct pdf_doc *);

/* Lays the pages out into blocks, furniture facts into out->hints. Returns 0 or -1 (OOM). */
int pdf_layout(const struct pdf_doc *, struct block_list *out, struct parse_diag *);

/* The stream cache (pdf-cache.c). pdf_cache_name: the cache file of the PDF at path read by
 * the helper at helper, into out; -1 when there is none (no home, not a regular file).
 * pdf_cache_read: its stream (caller frees; NUL-terminated) or NULL; when pages > 0, only up
 * to the end of its `pages`-th page (read no further than that). pdf_cache_write: keeps a
 * whole stream, or nothing. pdf_cache_cut: the bytes of a stream up to its `pages`-th page. */
int pdf_cache_name(const char *path, const char *helper, char *out, size_t cap);
char *pdf_cache_read(const char *name, int pages, size_t *len);
void pdf_cache_write(const char *name, const char *stream, size_t len);
size_t pdf_cache_cut(const char *stream, size_t len, int pages);

#endif
