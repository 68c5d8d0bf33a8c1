/* pdf.h: the official PDF itself, read from its pages' geometry and fonts.
 *
 * A helper program, gavel-pdf (linked with MuPDF), writes each page's text as a stream of
 * lines; gavel reads that stream here, page by page, and lays the pages out into blocks for the
 * same structure builder as every other shape (blocks.h). The stream, one record per line,
 * numbers in PDF points (y grows downwards), text last and in UTF-8 without controls:
 *
 *   gavel-pdf 1                         first line: the stream's version
 *   pages N                             the document's page count
 *   page NO WIDTH HEIGHT                a page begins (NO from 1)
 *   font ID FLAGS NAME                  a font (FLAGS: b bold, i italic, m monospaced, or -)
 *   span FONT SIZE X0 Y0 X1 Y1 BASE DIR TEXT
 *                                       text in one font and size on one baseline, without a
 *                                       wide gap inside; DIR: h horizontal, r glyphs set right
 *                                       to left, v anything else (rotated text)
 *   image X0 Y0 X1 Y1                   a picture on the page
 *   rule X0 Y0 X1 Y1                    a thin horizontal line drawn on the page (a
 *                                       footnote separator drawn rather than typed)
 *   end                                 the page is complete
 *   skip NO                             page NO could not be read (the others still are)
 *   error KIND MESSAGE                  the last line when the helper had to stop: KIND is
 *                                       encrypted, damaged, large or timeout
 *
 * Anything else is ignored, so the stream can grow; a stream that breaks off is read as far as
 * it goes. */
#ifndef GAVEL_DOC_PDF_H
#define GAVEL_DOC_PDF_H

#include <stddef.h>
#include "doc/blocks.h"
#include "doc/parse.h"

/* Whether the bytes are a PDF: "%PDF-" within the first 1024 bytes, as readers accept it. */
int pdf_probe(const char *buf, size_t len);

/* The PDF's row in the table of input shapes (shape.h): its probe and its reader, which reads
 * the file by its path when it has one and, asked for an opening, only the first pages. */
struct shape_probe;
struct shape_want;
int pdf_shape_probe(const struct shape_probe *);
int pdf_shape_read(const char *buf, size_t len, const struct shape_want *,
                   struct collection **out, struct parse_diag *);

/* Reads the PDF at path (or, when path is NULL, the bytes buf[0..len)) through the helper and
 * appends its blocks to out. max_pages bounds the pages read (0: all); *more, when not NULL,
 * is set when the document has pages beyond them. Returns 0, or a sysexits code with
 * d->reason set: EX_DATAERR for a damaged, encrypted or scanned PDF, EX_UNAVAILABLE when the
 * helper is missing, EX_OSERR when out of memory. An opening of a file (path, max_pages > 0)
 * of a plain PDF is read by gavel itself, without the helper (pdf-quick.h; GAVEL_PDF_QUICK=0
 * turns that off); any other opening of a file leaves its helper paused after those pages,
 * and the whole read of the same file that follows reads on from there rather than from
 * page 1; another read, or the process's exit, stops it. */
int pdf_read(const char *path, const char *buf, size_t len, int max_pages, int *more,
             struct block_list *out, struct parse_diag *d);

/* How far the last whole read (pdf_read of all pages, through the helper or gavel's own
 * reader) has come: the page it is on (gavel's own: the pages read, on two cores) and the
 * document's page count, 0 while not known (before it starts, from the cache, while the
 * pages read are laid out). The one progress a reader can show for a PDF, whose bytes say nothing of its
 * pages; it may be asked from another thread. */
void pdf_progress(int *page, int *total);

/* Lays out a page stream already in memory (what the helper wrote) into blocks: the part of
 * pdf_read after the helper, for the tests and the fuzz targets. Same returns. */
int pdf_read_stream(const char *stream, size_t len, int *more, struct block_list *out,
                    struct parse_diag *d);

#endif
