/* export.h: notes leave gavel through one small interface, one file per format.
 *
 * An exporter gets the documents to export (each a resolution, or NULL when only the store
 * knows it, with its annotations) and writes the whole output to a FILE*. Exporters never
 * touch SQLite, so tests feed them hand-built resolutions and annotations. The export date is
 * passed in (export_opts.now), never read from the clock, so golden files stay stable. */
#ifndef GAVEL_EXPORT_EXPORT_H
#define GAVEL_EXPORT_EXPORT_H

#include <stdio.h>
#include <time.h>
#include "doc/resolution.h"
#include "store/annotation.h"

/* One document and its annotations. `res` may be NULL (a document known to the store whose
 * text is not at hand): labels and citations then come from the paragraph ids alone, and the
 * annotated format falls back to a list of notes. `symbol`/`language` name it in that case. */
struct export_doc {
	const struct resolution *res;
	const char *symbol;
	const char *language;
	const struct annotation *annots;
	size_t n;
};

/* gavel's JSON-LD namespace: its own terms (gavel:color, gavel:paragraph) and the syntax of
 * its paragraph ids (EXPORT_NS "paragraph", a FragmentSelector's conformsTo). An IRI that
 * names, not one that resolves: gavel has no web site to serve it from. */
#define EXPORT_NS "https://gavel.invalid/ns#"

/* A colour's key as the store keeps it and its name in the configuration. */
struct export_color {
	const char *key, *name;
};

struct export_opts {
	int width;      /* wrap width for txt and annotated (columns, >= 20; 0 = 72) */
	time_t now;     /* the export date and time (UTC) printed in headers */
	/* What the configuration names the colours (txt, md, csv and annotated print the names;
	 * json keeps the keys, for import); NULL: the keys are printed. */
	const struct export_color *colors;
	size_t ncolors;
};

struct export_format {
	const char *name;      /* "txt" */
	const char *ext;       /* "txt": the default file name's extension */
	const char *summary;   /* for --help */
	/* Writes the whole output. Returns 0, or -1 on a write error or out of memory. */
	int (*write)(FILE *, const struct export_doc *, size_t ndocs, const struct export_opts *);
};

/* The formats, in the order --help lists them, ending with a NULL name. */
extern const struct export_format export_formats[];

/* The format called `name`, or NULL. */
const struct export_format *export_find(const char *name);

int export_txt(FILE *, const struct export_doc *, size_t, const struct export_opts *);
int export_md(FILE *, const struct export_doc *, size_t, const struct export_opts *);
int export_json(FILE *, const struct export_doc *, size_t, const struct export_opts *);
int export_csv(FILE *, const struct export_doc *, size_t, const struct export_opts *);
int export_hypothesis(FILE *, const struct export_doc *, size_t, const struct export_opts *);
int export_annotated(FILE *, const struct export_doc *, size_t, const struct export_opts *);

/* Writes the export to `path` atomically (a temporary file beside it, then rename: never a
 * half-written file). Returns 0; -1 when the file cannot be created, -2 when writing it
 * failed (the target is then untouched), with a message for people in err ("cannot write
 * 'x/notes.txt': directory 'x' does not exist"). For the reader's export key and the CLI. */
int export_write_file(const char *path, const struct export_format *, const struct export_doc *,
                      size_t ndocs, const struct export_opts *, char *err, size_t errlen);

/* A default file name for a document's notes: "A-RES-58-190-notes.md" (the symbol with '/',
 * spaces and anything outside [A-Za-z0-9._-] made '-'); "notes.EXT" without a symbol. Writes
 * into buf (truncated to size) and returns buf. */
char *export_default_name(const char *symbol, const struct export_format *, char *buf,
                          size_t size);

/* --- What the formats share (export.c) --- */

/* The symbol of a document: the resolution's, else d->symbol, else "(unknown document)". */
const char *export_symbol(const struct export_doc *);

/* Index of annotation a's paragraph in d->res, or -1 (no resolution, unknown id, or an
 * orphan): such annotations go to the orphans section. */
int export_para_index(const struct export_doc *, const struct annotation *);

/* The annotations of d in document order (paragraph order, then start, then created), with
 * the orphans (export_para_index < 0) last. Returns a new array of pointers (caller frees), or
 * NULL when out of memory (and when d->n is 0: check d->n first). *nanchored counts the
 * non-orphans, which come first. */
const struct annotation **export_order(const struct export_doc *, size_t *nanchored);

/* The label people use for a paragraph: "OP 10", "PP 5", "OP 3 (a) (ii)", "Annex A, para. 4",
 * "Footnote 16", from the model when the paragraph is there, else from the id. Writes into
 * buf (NUL-terminated, truncated to size) and returns buf. */
char *export_label(const struct export_doc *, const char *para_id, char *buf, size_t size);

/* The citation as UN documents write it: "A/RES/58/190, para. 10", "A/RES/58/190, preambular
 * para. 5", "A/RES/58/190, para. 3 (a) (ii)", "S/RES/1454 (2002), annex A, para. 4",
 * "S/RES/101 (1953), part B, para. 2", "A/RES/58/190, footnote 16". Same buffer rules. */
char *export_citation(const struct export_doc *, const char *para_id, char *buf, size_t size);

/* How many annotations docs[0..ndocs) hold together. */
size_t export_count(const struct export_doc *, size_t ndocs);

/* Calls fn(f, doc, annotation, arg) on the annotations of every document, each document's in
 * export_order, and stops at the first nonzero return. Returns 0, or -1 when fn failed or
 * out of memory. For formats that write one record per note (csv, json). */
int export_each(FILE *f, const struct export_doc *, size_t ndocs,
                int (*fn)(FILE *, const struct export_doc *, const struct annotation *, void *),
                void *arg);

/* a's tags joined with sep ("tag1; tag2"), "" without tags. Caller frees; NULL when out of
 * memory. */
char *export_tags(const struct annotation *a, const char *sep);

/* A name-based UUID (RFC 9562 version 8) from the SHA-256 digest of a name: the same name
 * always gives the same UUID. Writes 36 lower-case characters and a NUL. */
void export_name_uuid(const unsigned char digest[32], char out[37]);

/* Formats t as "YYYY-MM-DD" (date_only) or "YYYY-MM-DDTHH:MM:SSZ" into buf[21]. */
void export_time(time_t t, int date_only, char buf[21]);

/* A copy of s safe to print: controls neutralised, invalid UTF-8 replaced; newlines kept with
 * EXPORT_KEEP_NEWLINES (1), TABs kept with EXPORT_KEEP_TABS (else they become spaces). NULL s
 * gives "". Caller frees; NULL when out of memory. */
#define EXPORT_KEEP_NEWLINES 1
#define EXPORT_KEEP_TABS 2
char *export_clean(const char *s, int keep);

/* What the configuration calls colour `key` ("concern" for red), else the key itself. */
const char *export_color_name(const struct export_opts *, const char *key);

/* s (plain text, several lines) as Markdown that renders as s: every character that could
 * start markup escaped (CommonMark, and Obsidian's and Logseq's additions: $, %%, ==, ::),
 * line breaks kept as hard breaks, leading blanks as entities (never a code block). Caller
 * frees; NULL when out of memory. */
char *export_md_escape(const char *s);

/* A tag as Obsidian and Logseq take it after '#': letters and digits of any script, '_', '-'
 * and '/' kept, every other run (spaces, punctuation) one '-', none at the ends, and '_' put
 * before one that would be only digits ("1985, baseline" -> "1985-baseline", "+cmd" -> "cmd",
 * "123" -> "_123"). NULL when nothing is left or out of memory. Caller frees. */
char *export_tag_slug(const char *tag);

/* Writes s (may hold newlines: each line is wrapped on its own) wrapped to `width` columns, the
 * first line starting after `first` (printed as is) and the others indented by `indent`
 * spaces. The text is cleaned first. Returns 0 or -1. */
int export_wrap(FILE *, const char *first, int indent, const char *s, int width);

#endif
