/* pdf-mupdf.h: a PDF's text, read with MuPDF, written out as gavel's page stream (pdf.h says
 * what the stream holds). Only the helper program gavel-pdf and the PDF fuzz target link this
 * file and MuPDF: gavel itself reads the stream, so a PDF library never loads at gavel's start
 * and a PDF that crashes or hangs MuPDF takes only the helper down.
 *
 * Bounds: at most `max_pages` pages (0: all), at most `max_mem` bytes of memory for MuPDF (an
 * allocation past that fails and the document is reported as too large), and at most
 * `max_ms` milliseconds of CPU time, after which the page being read is abandoned and the
 * stream ends with an error line. */
#ifndef GAVEL_DOC_PDF_MUPDF_H
#define GAVEL_DOC_PDF_MUPDF_H

#include <stddef.h>
#include <stdio.h>

struct pdf_limits {
	int max_pages;      /* 0: every page */
	size_t max_mem;     /* bytes; 0: no bound */
	long max_ms;        /* CPU milliseconds for the whole document; 0: no bound */
	int exit_when_done; /* the helper: once the stream is out, the process ends (_exit, with
	                     * the return as its status) without MuPDF's teardown, so that gavel
	                     * sees the stream's end sooner */
	int opening;        /* > 0: after this many pages the stream so far is flushed and
	                     * go_on is asked whether to read the rest (an opening that becomes
	                     * the whole read, pdf.h) */
	int (*go_on)(void); /* 1 reads on, 0 ends the stream there */
};

/* Reads the PDF at path (read as MuPDF needs it: the first pages of a long PDF without its
 * end), or when path is NULL the one in buf[0..len), and writes the stream to out. Returns 0
 * when every page asked for was written; otherwise the stream ends with an "error" line saying
 * why (encrypted, damaged, too large, timeout) and the return is 1. */
int pdf_mupdf_extract(FILE *out, const char *path, const unsigned char *buf, size_t len,
                      const struct pdf_limits *lim);

#endif
