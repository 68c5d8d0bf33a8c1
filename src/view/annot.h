/* annot.h: the open document's highlights and notes as the reader shows them.
 *
 * Loads the document's annotations from the store, places each on its paragraph as a byte
 * range, and cuts overlapping highlights into non-overlapping segments the display can style.
 * Overlaps render by one rule: a segment takes the colour of the most recently created
 * annotation covering it (the newest highlight is on top, as a marker pen over older ink), and
 * a segment covered by two or more annotations also carries `count` >= 2, which the screen
 * draws as an underline so older colours under the top one are not silently hidden; the notes
 * pane and the popup list every annotation of the place.
 *
 * Notes added by another process (`gavel notes add`) show without a restart: annot_poll()
 * compares the store's data version and reloads when another connection committed.
 * Every change made through the set (add, delete, note, colour, tags) goes into a journal and
 * can be undone and redone, as in an editor: a deleted annotation comes back with the same id,
 * times and quote. A note whose colour is "none" is a note without a highlight: it has no
 * segment (nothing is painted) but is listed like the others.
 *
 * Ownership: the set borrows the store and the resolution (both must outlive it); every
 * annotation, segment and message belongs to the set until the next reload or annot_close.
 * Errors never abort: calls return a store_err code and leave a message in set->err. */
#ifndef GAVEL_VIEW_ANNOT_H
#define GAVEL_VIEW_ANNOT_H

#include <stddef.h>
#include <stdint.h>

#include "doc/resolution.h"
#include "store/store.h"

/* A stretch of a paragraph's text covered by the same annotations. */
struct annot_seg {
	size_t start, end;      /* bytes of para.text */
	int top;                /* the newest annotation covering it (index into set->v) */
	int color;              /* its colour (conf_color_of_key: 0..4, -1 a key gavel does not know) */
	unsigned colors;        /* bit i: colour i covers it somewhere in the stack; bit 31: unknown */
	int count;              /* annotations covering it; 2 or more draws the overlap marker */
};

/* What one paragraph holds. */
struct annot_para {
	size_t first, n;        /* its annotations: set->order[first .. first + n), by start */
	struct annot_seg *seg;  /* in text order, not overlapping */
	size_t nseg;
	unsigned colors;        /* the colours of its annotations, as in annot_seg */
	int notes;              /* how many of them have a note: a gutter mark */
};

enum annot_change_kind { AC_ADD, AC_DELETE, AC_UPDATE };

/* One change, as the journal keeps it: the annotation before (delete, update) and after (add,
 * update) it. */
struct annot_change {
	enum annot_change_kind kind;
	struct annotation before, after;
};

#define ANNOT_UNDO_MAX 100

struct annot_set {
	struct store *store;            /* borrowed; NULL: no database (nothing to show, no writes) */
	const struct resolution *res;   /* borrowed */
	int64_t doc_id;                 /* 0 when the store does not know the document */
	struct annotation *v;           /* document order, orphans last (store_annot_list) */
	size_t n;
	int *para_of;                   /* per annotation: its paragraph index, -1 for an orphan */
	size_t *order;                  /* annotation indexes grouped by paragraph */
	struct annot_para *para;        /* res->npara entries */
	size_t norphans;
	int64_t version;                /* store_data_version at the last load */
	unsigned gen;                   /* bumped by every load: the display's cue to lay out again */
	struct annot_change *undo;      /* ANNOT_UNDO_MAX slots, oldest first */
	size_t nundo;
	struct annot_change *redo;      /* what undo undid, newest last */
	size_t nredo;
	char err[256];                  /* the last error, for the status line */
};

/* Registers the document with the store (store_doc_sync, which re-anchors a changed text) and
 * loads its annotations. With store NULL the set is empty and every write is refused. Returns
 * STORE_OK or the error (a read-only store that never saw the document is not an error: the
 * set is empty). The set is usable (empty) even after an error; annot_close it either way. */
int annot_open(struct annot_set *, struct store *, const struct resolution *);
void annot_close(struct annot_set *);

/* Reads the annotations again. */
int annot_reload(struct annot_set *);

/* Reloads when another process committed since the last load. Returns 1 when it reloaded,
 * 0 when nothing changed, or -1 on an error (set->err). */
int annot_poll(struct annot_set *);

/* The paragraph's annotations and segments; never NULL for a valid index (an empty record
 * otherwise). */
const struct annot_para *annot_para(const struct annot_set *, int para);

/* The i-th annotation of paragraph para (i < annot_para(...)->n), by start. */
const struct annotation *annot_para_item(const struct annot_set *, int para, size_t i);

/* Index into set->v of the annotation with this id, or -1. */
int annot_find(const struct annot_set *, const char *id);

/* Index into set->v of the newest annotation covering byte b of paragraph para, or -1. */
int annot_at(const struct annot_set *, int para, size_t b);

/* Adds a highlight of code points [start, end) of paragraph para in colour `color` (a key:
 * "yellow"), with an optional note (NULL: none) and tags. The new id is copied to id (may be
 * NULL). Returns STORE_OK or the error. */
int annot_add(struct annot_set *, int para, size_t start, size_t end, const char *color,
              const char *note, char *const *tags, size_t ntags, char id[37]);

/* Replaces the note (NULL or "" removes it) / the colour / the tags of annotation `id`. */
int annot_set_note(struct annot_set *, const char *id, const char *note);
int annot_set_color(struct annot_set *, const char *id, const char *color);
int annot_set_tags(struct annot_set *, const char *id, char *const *tags, size_t ntags);

/* Removes annotation `id` (the journal keeps a copy). */
int annot_delete(struct annot_set *, const char *id);

/* Undoes the newest change of the journal / redoes the newest undone one. *what (may be
 * NULL) gets the change, valid until the next change. STORE_ERR_NOTFOUND when there is
 * nothing to undo (redo); a change that can no longer be made (the note was removed
 * elsewhere) is dropped with its error. */
int annot_undo(struct annot_set *, const struct annot_change **what);
int annot_redo(struct annot_set *, const struct annot_change **what);

/* Whether annotation a matches the filters (NULL: any): its colour key, one of its tags. */
int annot_matches(const struct annotation *, const char *color, const char *tag);

#endif
