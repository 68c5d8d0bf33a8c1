/* furniture.h: recognising the lines that frame a page rather than belong to the resolution
 * (masthead, running heads, page and job numbers, footnote rules), shared by the PDF and
 * plain-text readers. What a line says is kept in the hints, never lost. */
#ifndef GAVEL_DOC_FURNITURE_H
#define GAVEL_DOC_FURNITURE_H

#include <stddef.h>
#include "doc/resolution.h"

enum furniture_kind {
	FURN_NONE = 0,
	FURN_RULE,          /* "_______________": footnotes follow on a PDF page */
	FURN_PAGE,          /* "2", "2/7", "- 2 -", "Page 2" */
	FURN_JOB,           /* "25-19346 (E)", "03-50598", "N0350598E", "25-19346 (E) 021025" */
	FURN_BARCODE,       /* "*2519346*" */
	FURN_SYMBOL,        /* "A/RES/80/9", "S/RES/1454 (2002)" alone: a running head */
	FURN_MASTHEAD,      /* "United Nations", "Nations Unies A/RES/58/190", organ + "Distr." */
	FURN_ORGAN,         /* "General Assembly" alone: masthead only (see furniture_classify) */
	FURN_DISTR,         /* "Distr.: General", "Distr. générale 17 mars 2004" */
	FURN_SESSION,       /* "Fifty-eighth session", "第五十八届会议" */
	FURN_AGENDA,        /* "Agenda item 117 (b)", "Point 117 b) de l'ordre du jour" */
	FURN_RECYCLE,       /* "Please recycle" */
	FURN_ORIGINAL       /* "Original: English": the language the text was written in */
};

/* What kind of furniture line s[0..n) is (spaces already trimmed). Masthead-only kinds
 * (FURN_MASTHEAD, FURN_ORGAN, FURN_DISTR, FURN_SESSION, FURN_AGENDA, FURN_ORIGINAL) are returned only when
 * `masthead` is set, because "General Assembly" alone can also be body text elsewhere. */
enum furniture_kind furniture_classify(const char *s, size_t n, int masthead);
/* Whether furniture_classify(s, n, 0) is FURN_RULE, without the other tests. */
int furniture_is_rule(const char *s, size_t n);

/* Stores what a furniture line says (symbol, job, distribution date, session, agenda item,
 * organ) into h, keeping values already there. Returns 0, or -1 when out of memory. */
int furniture_hint(struct res_meta *h, enum furniture_kind, const char *s, size_t n);

/* Whether a line right after "Agenda item 7" can be that item's title ("Organization of work,
 * adoption of the agenda and allocation of items"), masthead to drop: not when it opens the
 * resolution ("Resolution adopted by", "[on the report of", "77/1. Title", the opening). */
int furniture_agenda_title(const char *s, size_t n);

/* The YAML front matter an extraction opens with ("---", "symbol: A/RES/80/10", "language:
 * EN", ..., "---"): its length in bytes (0 when there is none), its symbol and language into h
 * when h is not NULL (values already there are kept). -1 when out of memory. */
long furniture_front_matter(const char *text, size_t len, struct res_meta *h);

/* The title of a "77/1. Title" (or "77/1 - Title") heading line: its offset in s, 0 when the
 * line is no such heading (or its title is shorter than 8 bytes). */
size_t furniture_title_of(const char *s, size_t n);

/* Whether a line is a running head repeating the title (it opens the title, at least 8 bytes
 * of it, maybe beside a symbol or page number: "A/RES/77/1    Title" in layout mode). */
int furniture_running_title(const char *s, size_t n, const char *title, size_t tn);

/* Whether the line is a document symbol alone ("A/RES/58/190", "S/RES/242 (1967)"). */
int furniture_is_symbol(const char *s, size_t n);


#endif
