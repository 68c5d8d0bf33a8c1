/* record.h: the record of a resolution's adoption (struct res_record): filled from the vote
 * line of the shapes that print one, and laid out as labelled fields for whatever shows it
 * (`gavel show --record`, the reader's record view). No curses, no I/O. */
#ifndef GAVEL_DOC_RECORD_H
#define GAVEL_DOC_RECORD_H

#include <stddef.h>
#include "doc/resolution.h"

/* Fills what the text says of res->record: the vote from meta.vote ("Adopted without a
 * vote.", "Adopted by a recorded vote of 31 to 9, with 7 abstentions. ... In favour: ...",
 * "Adopted at the 971st meeting by 9 votes to 1 (United Arab Republic), with 1 abstention
 * (...)", "Adopted unanimously at the 891st meeting."), the draft from a masthead's "(A/80/
 * L.11)". Leaves alone what is already known (the XML's exact record). 0, or -1 out of memory. */
int record_from_text(struct resolution *res);

/* "A, B, Saint Kitts and Nevis and C" -> each name appended to *v / *n ("and" inside a
 * member's name and within parentheses is kept). 0, or -1 out of memory. */
int record_split_names(const char *s, size_t len, char ***v, size_t *n);

/* One line of the record as people read it: "Draft" / "A/80/L.11". */
struct record_field {
	const char *label;      /* static */
	char *value;            /* owned */
};

/* The record of res as labelled fields, known ones only (the vote is always there, "not in
 * this file" when unknown): symbol, title, organ and session, agenda item, adoption date and
 * meeting, distribution, draft, report, sponsors, co-sponsors, the vote and who voted how,
 * the Charter chapter, subjects, and what the text cites. *out (caller frees with
 * record_fields_free) gets them; returns their count, or -1 out of memory. */
int record_fields(const struct resolution *res, struct record_field **out);
void record_fields_free(struct record_field *, int n);

#endif
