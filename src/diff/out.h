/* out.h: a redline leaves gavel through one small interface, one file per format (the
 * terminal's text, md, html, json, docx), each reading only the redline and its two
 * resolutions. The formats table drives `gavel diff --format` and its help. */
#ifndef GAVEL_DIFF_OUT_H
#define GAVEL_DIFF_OUT_H

#include <stdint.h>
#include <stdio.h>
#include "diff/diff.h"

/* A note on the old resolution, shown under the entry where it landed in the new one (under
 * the old paragraph's entry when it was left behind). The outputs print; the caller carries
 * (redline_carry) and owns the strings. */
struct rl_note {
	size_t entry;               /* the entry it goes under */
	const char *from;           /* where it was: "A/RES/76/172 OP 14" */
	const char *quote;          /* the words it marks now (when left behind: then); may be NULL */
	const char *note;           /* its text; may be NULL */
	const char *color;          /* may be NULL */
	enum rl_carry_status status;
};

struct rl_out_opts {
	int color;              /* text: SGR colours instead of wdiff's [-...-]{+...+} */
	int all;                /* text: unchanged paragraphs in full, not folded into one line */
	int summary_only;       /* text: only the counts */
	int width;              /* text: wrap at this many columns (>= 20) */
	int visual;             /* text: right-to-left lines in the order a terminal draws them */
	const char *old_name;   /* the files compared, named where a document has no symbol */
	const char *new_name;
	const struct rl_note *notes;   /* sorted by entry; may be NULL */
	size_t nnotes;
};

struct rl_format {
	const char *name;       /* "md" */
	const char *summary;    /* for --help */
	int binary;             /* not for a terminal: written with -o FILE or into a pipe */
	/* Writes the whole output. Returns 0, or -1 on a write error or out of memory. */
	int (*write)(FILE *, const struct redline *, const struct rl_out_opts *);
};

/* The formats, in the order --help lists them, ending with a NULL name. */
extern const struct rl_format rl_formats[];
/* The format called `name` ("txt" is "text", as in gavel export), or NULL. */
const struct rl_format *rl_format_find(const char *name);

int rl_write_text(FILE *, const struct redline *, const struct rl_out_opts *);
int rl_write_md(FILE *, const struct redline *, const struct rl_out_opts *);
int rl_write_html(FILE *, const struct redline *, const struct rl_out_opts *);
int rl_write_json(FILE *, const struct redline *, const struct rl_out_opts *);
int rl_write_docx(FILE *, const struct redline *, const struct rl_out_opts *);

/* --- What the formats share (out.c) --- */

/* What a document is called: its symbol, else the file name, else "old"/"new". */
const char *rl_name(const struct redline *, int new_side, const struct rl_out_opts *);

/* The label of an entry's paragraph for people: the new label, with the old one after an
 * arrow when it differs ("OP 12 \xE2\x86\x90 OP 14"); the old label for a deleted paragraph.
 * Writes into buf and returns it. */
const char *rl_entry_label(const struct redline *, const struct rl_entry *, char *buf,
                           size_t size);

/* The status of an entry as a word: "unchanged", "changed", "new", "deleted", "moved away". */
const char *rl_status_name(const struct rl_entry *);

/* "45 unchanged, 20 changed, 2 moved, 30 new, 10 deleted; 23 renumbered" (the parts that are
 * not 0; "nothing" when all are). Writes into buf and returns it. */
const char *rl_count_text(const struct rl_count *, char *buf, size_t size);

/* A run of segments of one kind: the outputs mark a change once around it, not per piece. */
struct rl_group {
	enum rl_op op;
	size_t from, to;        /* segments [from, to) of the entry */
};

/* The next group of e's segments from *at, advancing *at; 0 at the end. */
int rl_next_group(const struct rl_entry *, size_t *at, struct rl_group *);

/* Whether a changed group is white space alone (a space for a no-break space): the formats
 * for people show nothing of its deletion and its insertion as plain text. */
int rl_group_blank(const struct rl_entry *, const struct rl_group *);

/* The footnote number to show for a marker segment (the new one unless deleted). */
int rl_marker_num(const struct rl_seg *);

/* Writes n bytes of document text for a markup format: each character through esc (which
 * writes it, escaped as the format needs, and returns 1, or returns 0 to have it written
 * as is); controls (utf8_is_control) become U+FFFD, TAB a space, invalid UTF-8 U+FFFD. */
typedef int (*rl_escape_fn)(FILE *, uint32_t c);
void rl_write_escaped(FILE *, const char *s, size_t n, rl_escape_fn esc);

/* An entry's text for md and html: changes in <del>...</del> and <ins>...</ins>, markers as
 * <sup><a href="#PREFIX-fnN">N</a></sup> (PREFIX "new" or "old" by the side the footnote is
 * on; no link when link is 0). */
void rl_write_inline(FILE *, const struct rl_entry *, rl_escape_fn esc, int link);

/* The notes under entry k: sets *first to the first and returns how many. */
size_t rl_notes_of(const struct rl_out_opts *, size_t k, const struct rl_note **first);
/* "carried", "words changed" or "left behind" (its paragraph was deleted). */
const char *rl_carry_name(enum rl_carry_status);

/* The heading of a section: "Preamble", "Operative paragraphs", "Annexes", "Footnotes". */
const char *rl_section_heading(enum rl_section);

#endif
