/* show.h: the document as a reader sees it, as plain text (`gavel show`, and the `annotated`
 * export, which adds highlight marks and notes through the hooks). */
#ifndef GAVEL_TEXT_SHOW_H
#define GAVEL_TEXT_SHOW_H

#include <stdio.h>
#include "doc/resolution.h"

/* A range of a paragraph's text to mark, in bytes of para.text. */
struct show_span {
	size_t start, end;
};

struct show_opts {
	int width;                       /* display columns (>= 20) */
	/* Optional: spans of paragraph `index` to enclose in hl_open/hl_close. Sets *spans (the
	 * callee owns it until the next call) and returns their count. */
	size_t (*highlights)(void *ctx, int index, const struct show_span **spans);
	const char *hl_open, *hl_close;  /* e.g. "[", "]" */
	/* Optional: called after paragraph `index` is printed, to set notes under it. */
	void (*after_para)(void *ctx, FILE *, const struct resolution *, int index, int width);
	void *ctx;
};

/* Prints the whole resolution (ids == NULL) or only the given ids (and their sub-paragraphs):
 * a heading with symbol and title, paragraphs with their labels in a gutter, wrapped at word
 * boundaries to opts->width columns, markers shown as [16], footnotes at the end. Control
 * characters are neutralised. Returns 0, or -1 on a write error or an unknown id (named in
 * *bad_id when bad_id is not NULL; nothing is printed then).
 * Details: with ids, the footnotes the shown paragraphs cite come too, and an annex id brings
 * the whole annex; footnotes are listed as "[16]  text" so they match the markers; a label
 * wider than the gutter gets a line of its own; right-to-left paragraphs (Arabic) are drawn
 * in visual order with bidi_visual(), right-aligned (a paragraph is right-to-left when the
 * document's language is "ar" or its first strong letter is).
 * Widths below 10 are treated as 10. */
int show_write(FILE *, const struct resolution *, const char *const *ids, size_t nids,
               const struct show_opts *, const char **bad_id);

struct alignment;

/* Two copies of a resolution (two languages or shapes) paired by id (align.h): each
 * paragraph's label once, then its text in the first copy and in the second, each after its
 * tag ("en", "fr"); "(not in this copy)" where one lacks it. With ids, those paragraphs of
 * either copy, their sub-paragraphs and the footnotes they cite. Returns 0, or -1 on a write
 * error, out of memory, or an id neither has (named in *bad_id). */
int show_pair(FILE *, const struct resolution *a, const struct resolution *b,
              const struct alignment *, const char *const *ids, size_t nids,
              const char *tag_a, const char *tag_b, const struct show_opts *,
              const char **bad_id);

/* The record of adoption (record.h) as labelled lines wrapped to `width` columns: symbol,
 * title, dates, meeting, draft, sponsors, the vote and who voted how, subjects, what the text
 * cites (`gavel show --record`). Returns 0, or -1 on a write error or out of memory. */
int show_record(FILE *, const struct resolution *, int width);

#endif
