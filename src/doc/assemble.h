/* assemble.h: hard-wrapped lines -> paragraph blocks, the part the PDF and plain-text readers
 * share. The reader feeds lines with what it knows (a blank line before, a page break, that a
 * line is short); the assembler decides where a paragraph starts:
 *   - after a blank line, unless the line starts in lower case and the paragraph so far ends
 *     without punctuation (a paragraph split by a stray blank line or a page break);
 *   - at a line that stands alone: a part letter ("A"), an annex line ("Annex II"), a roman
 *     heading ("I. General provisions"), the opening ("The Security Council,"), a meeting line,
 *     and after such a line;
 *   - at a paragraph number ("12.", "3 -"), a sub-paragraph label ("(a)", "b)", "(ii)") or a
 *     bullet when the line before ended a clause (. ; : , or "; and"), or was a number alone;
 *   - in the footnote zone (after a ____ rule, a vote line or a meeting line) at "N text"
 *     where N is the next footnote number; those blocks are ZONE_FOOTNOTE; the zone ends at
 *     a line that stands alone or at the next resolution's heading ("79/302. Title");
 *   - at a line set deeper than the text's usual indent (pdftotext -layout) after a clause;
 *   - not at a page break inside a word run ("to support the" / "United Nations ..."),
 *     whatever the case of the next word, unless the page opens a paragraph of its own.
 * Readers never guess structure beyond this: the builder does. */
#ifndef GAVEL_DOC_ASSEMBLE_H
#define GAVEL_DOC_ASSEMBLE_H

#include <stddef.h>
#include "doc/blocks.h"
#include "doc/unwrap.h"

struct assemble {
	struct block_list *out;
	struct unwrap u;
	struct buf cur;             /* the paragraph being read */
	const char *lang;           /* from lang_detect, for lead phrases; NULL until a line
	                             * needs it (a scan of the whole text) */
	enum block_zone zone;       /* of cur */
	int indent, page;           /* of cur */
	int blank;                  /* a blank line came since the last text line */
	int alone;                  /* cur is a line that stands alone: the next line starts anew */
	int number_only;            /* cur is only a number ("1.", "(a)"): the next line joins it */
	int notes;                  /* in the footnote zone */
	int last_fn;                /* last footnote number read, 0 before any */
	int soft;                   /* PDF without blank lines between paragraphs: also break at a
	                             * short line or a lead phrase after a clause end */
	int title;                  /* cur is the line after "Annex A": the annex's title */
	int in_annex;               /* an annex began: its lists and tables may end without
	                             * punctuation */
	int opened;                 /* a resolution's opening was read: its paragraphs end in
	                             * punctuation */
};

void assemble_init(struct assemble *, struct block_list *out, const char *text, size_t len);
void assemble_free(struct assemble *);

/* What the reader knows about a line beyond its text. */
enum {
	ASSEMBLE_SHORT_BEFORE = 1,  /* the line before was visibly short of the measure (PDF) */
	ASSEMBLE_PAGE_START = 2,    /* first line of a page: a lead phrase after a clause end
	                             * starts a paragraph even in plain text */
	ASSEMBLE_SHORTISH_BEFORE = 4,  /* the line before fell short of the measure by a tenth:
	                                * in text without blank lines, where a title ends */
	ASSEMBLE_INDENTED = 8          /* set deeper than the line before (pdftotext -layout): a
	                                * paragraph's first line when the one before ended a clause */
};

/* Feeds one line (trimmed of trailing blanks) with ASSEMBLE_* flags. */
int assemble_line(struct assemble *, const char *s, size_t n, int indent, int page, int flags);

/* A blank line. */
void assemble_blank(struct assemble *);

/* Ends the paragraph being read (pushes it). Returns 0 or -1 when out of memory. */
int assemble_flush(struct assemble *);

/* Enters the footnote zone (a ____ rule was seen); footnote numbering continues. */
void assemble_notes(struct assemble *, int on);

/* Whether s starts with a footnote number that may open footnote `expect` (0: any): sets *num
 * and returns the bytes of the number and the space after it, else 0. */
size_t assemble_footnote_start(const char *s, size_t n, int expect, int *num);

/* Copies a line into out (room for n bytes) without the "|" tokens OCR leaves from a rule or a
 * column edge, soft hyphens and trailing blanks, with the typographic ligatures PDF text
 * extraction gives (U+FB00-FB04: "ﬁnancial") spelled out and superscript markers as glued
 * digits ("Rights¹" -> "Rights1"); returns the new length. */
size_t assemble_clean_line(const char *s, size_t n, char *out);

/* Whether text ends a clause: . ; : , ] (also full-width and Arabic), "; and", or such
 * punctuation followed by a glued footnote marker ("Rights,1"). */
int assemble_ends_clause(const char *s, size_t n);

/* Whether a line ends a footnote zone: a line that stands alone (a meeting line, an annex, a
 * part letter, the opening), a vote line or the heading of the next resolution. */
int assemble_ends_notes(const char *s, size_t n);

/* Whether a line is a vote line start ("Adopted unanimously at ...", "Adoptée ..."). */
int assemble_is_vote(const char *s, size_t n);

#endif
