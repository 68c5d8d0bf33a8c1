/* pdf-quick.h: gavel's own reading of a PDF's pages, in process and without MuPDF, so that an
 * opening's first screen does not wait for the helper program to start and load its fonts
 * (issue 13), and a whole plain PDF is read in a tenth of the helper's time. It writes the
 * same page stream as the helper (pdf.h) for the pages it reads, so the layout
 * (pdf-layout.c) takes it unchanged.
 *
 * It reads only the plain case that official and office-made resolutions are: a sound xref
 * (table or stream, object streams), Flate streams, simple and Identity-H fonts with a
 * Unicode mapping, unrotated pages. Anything else (encryption, another filter, a font it
 * cannot map, vertical or rotated text, a damaged file, a bound reached) makes it refuse,
 * cheaply, and the caller reads the PDF through the helper as before. Every input is bounded:
 * objects visited, bytes inflated, operators run, nesting. */
#ifndef GAVEL_DOC_PDF_QUICK_H
#define GAVEL_DOC_PDF_QUICK_H

#include <stddef.h>

/* Pages as many as a document can have: a whole read. */
#define PDF_QUICK_ALL 10000000

/* The stream of the first max_pages (> 0; PDF_QUICK_ALL: every page) pages of the PDF
 * buf[0..len) into *out (caller frees; NUL-terminated, *outlen bytes), read on two cores
 * where there are two. Returns 0; 1 when it refuses (*out NULL, *why a short static reason,
 * which the tests name); -1 when out of memory. */
int pdf_quick_stream(const unsigned char *buf, size_t len, int max_pages, char **out,
                     size_t *outlen, const char **why);

/* The pages the last whole read (more than two pages asked) has read so far, and how many
 * it reads (0 until its page count is known): for a progress line, from any thread. */
void pdf_quick_progress(int *done, int *total);

/* Whether the quick reader is on: $GAVEL_PDF_QUICK unset or anything but "0". */
int pdf_quick_enabled(void);

#endif
