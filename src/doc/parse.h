/* parse.h: text of any supported shape -> resolution model. No curses, no SQLite.
 *
 * parse_file() reads a file, finds its shape in the table of shapes (shape.h), decodes it
 * (BOM, CRLF, invalid UTF-8, legacy encodings) when the shape reads text, and builds a
 * collection of one or more resolutions. Fatal problems come back as a
 * sysexits code with a one-line reason; recoverable ones as warnings. */
#ifndef GAVEL_DOC_PARSE_H
#define GAVEL_DOC_PARSE_H

#include <stddef.h>
#include <stdio.h>
#include "doc/resolution.h"

enum input_format {
	INPUT_AUTO = 0,
	INPUT_ODS,      /* ODS extract: one line per paragraph, <<ODS ...>> tags */
	INPUT_PDF,      /* text pulled out of the official PDF: pages, running heads, per-page footnotes */
	INPUT_PLAIN,    /* hard-wrapped plain text, blank lines between paragraphs */
	INPUT_AKN,      /* the UN's machine-readable resolutions: AKN4UN (Akoma Ntoso) XML */
	INPUT_MD,       /* Markdown: footnotes as [^N] and "[^N]: text" definitions */
	INPUT_PDF_FILE  /* the official PDF itself, read through the helper gavel-pdf (pdf.h) */
};

/* A shape's name in the table ("ods", "pdf", "plain") or "auto" -> format; -1 for an unknown
 * name. */
int input_format_from_name(const char *name);
const char *input_format_name(enum input_format);
/* "auto, ods, pdf or plain": every name, for messages, written into buf; returns buf. */
const char *input_format_list(char *buf, size_t size);

#define PARSE_MAX_WARNINGS 16

/* Diagnostics of one parse. `reason` is set when a fatal code is returned. */
struct parse_diag {
	char reason[256];                          /* "empty file", "binary data", "No such file or directory" */
	char warnings[PARSE_MAX_WARNINGS][256];    /* "invalid UTF-8 replaced by U+FFFD (3 sequences)" */
	int nwarnings;
	const char *shape;                         /* the shape read ("ods", "akn"): its row's name */
};

/* Adds a warning (printf-style) unless PARSE_MAX_WARNINGS are already there; the same text is
 * never added twice, so a reader may warn from a loop. */
void parse_warn(struct parse_diag *, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parse a file. Returns 0 and sets *out (caller frees with collection_free), or a sysexits code:
 * EX_NOINPUT (66) for a missing/unreadable file or a directory, EX_DATAERR (65) for an empty
 * file or binary data, EX_OSERR/EX_SOFTWARE for out of memory. */
int parse_file(const char *path, enum input_format, struct collection **out, struct parse_diag *);

/* Same, but each resolution goes to each(ctx, res) as soon as it is built, which takes it
 * (res_free): a large compilation is never held whole. `each` returns 0 to go on, nonzero to
 * stop (the others are built no further). Returns 0 (also when stopped) or a sysexits code as
 * parse_file; a fatal problem of the file comes before any resolution is handed over. */
int parse_file_each(const char *path, enum input_format, unsigned need,
                    int (*each)(void *ctx, struct resolution *), void *ctx,
                    struct parse_diag *);
/* What a parse_file_each consumer needs of each resolution (bits of `need`). PARSE_ALL: the
 * whole model. PARSE_TEXT_ONLY: each paragraph's text, marks, id and label, and the metadata,
 * but not the documents a paragraph cites (para.refs stays empty) nor its opening phrase
 * (lead_len 0): a search prints neither, and finding them is a sixth of its work. Shapes that
 * build their model whole (XML, a PDF) may give the whole model anyway. */
enum { PARSE_ALL = 0, PARSE_TEXT_ONLY = 1 };

/* Where parse_file_sink hands the resolutions. `each` takes each one in the document's order,
 * on the caller's thread (it frees it: res_free), and returns 0 to go on, nonzero to stop.
 * A consumer that only prints may also give render and emit, so that a file of many
 * resolutions is built and printed on several threads (GAVEL_THREADS): render writes to f
 * exactly what `each` would print for res and sets *items (a count of its own: the paragraphs
 * a search printed); it runs on the thread that built res, several at once and in any order,
 * and may read ctx but not change it. emit then takes the bytes and the count in the
 * document's order, on the caller's thread, and returns 0 to go on, nonzero to stop. Both
 * return nonzero for an error (out of memory, a write that failed). */
struct parse_sink {
	int (*each)(void *ctx, struct resolution *);
	int (*render)(const void *ctx, const struct resolution *, FILE *f, int *items);
	int (*emit)(void *ctx, const char *bytes, size_t n, int items);
	void *ctx;
};
int parse_file_sink(const char *path, enum input_format, unsigned need,
                    const struct parse_sink *, struct parse_diag *);

/* How many threads the readers and the builder may share a large file's work among:
 * $GAVEL_THREADS (a number, or "auto" for the processors this process may run on), else 1. */
int parse_cpus(void);

/* Same, on bytes already in memory (the fuzz targets and tests use this). */
int parse_buffer(const char *buf, size_t len, enum input_format, struct collection **out,
                 struct parse_diag *);

/* The opening of a large file, for a reader that shows it while another thread runs
 * parse_file on the whole (reader.c). Reads at most `max` bytes of a regular file longer than
 * that, cut after its last line end, and parses them. *out gets the first resolution: whole
 * when another begins in those bytes, else cut, with *partial = 1 (its end is missing); the
 * others are not built (the reader waits for the whole file to go to one). Returns 0; -1 when
 * the opening cannot stand for the file (not a regular file, not longer than `max`, not UTF-8
 * text, no resolution found): the caller parses the whole file; or a sysexits code as
 * parse_file. A PDF's opening is its first pages whatever `max` (up to 64 KB; -1 above: its
 * first opening already shows what a larger one would, and costs a reading of its own). Touches no global state, like every parse_* function, so it may run beside
 * parse_file. */
int parse_file_prefix(const char *path, size_t max, enum input_format, struct collection **out,
                      int *partial, struct parse_diag *);

#endif
