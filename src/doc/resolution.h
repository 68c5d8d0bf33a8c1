/* resolution.h: the document model of a UN resolution, independent of any input shape or UI.
 *
 * A resolution is held as one flat array of paragraphs in reading order (preamble, operative
 * paragraphs with their sub-paragraphs, annexes, then footnotes); the nesting is kept in
 * `parent` and `depth`. A flat array makes navigation, layout and search by index cheap and
 * lets the JSON writer rebuild the tree. Every string is UTF-8, NUL-terminated and owned by
 * the resolution: res_free() releases everything. */
#ifndef GAVEL_DOC_RESOLUTION_H
#define GAVEL_DOC_RESOLUTION_H

#include <stddef.h>
#include <stdint.h>

enum para_kind {
	PARA_PREAMBLE,      /* pp3, or a.pp1 inside part A */
	PARA_OPERATIVE,     /* op10, or b.op2 inside part B */
	PARA_SUB,           /* op3.a, op3.a.ii, annex1.p4.b: nested under `parent` */
	PARA_ANNEX_TITLE,   /* annex1: "Annex A" and its title */
	PARA_ANNEX_HEADING, /* a heading: annex1.h2 in an annex ("I. General provisions", num NULL);
	                     * h2 (b.h2 in part B) over operative paragraphs whose numbering runs
	                     * on under it (num "I", text "Capacity-building"; annex -1) */
	PARA_ANNEX,         /* annex1.p4 (numbered) or annex1.t3 (unnumbered text, bullets) */
	PARA_FOOTNOTE,      /* fn16 */
	PARA_PLAIN          /* p1: a document whose structure could not be found */
};

/* A footnote marker, removed from the text and kept as a link at its exact place. */
struct mark {
	size_t byte;        /* byte offset into para.text where the marker stood */
	int footnote;       /* the footnote's number as printed (16) */
};

enum ref_kind { REF_RESOLUTION, REF_DOCUMENT };

/* A cited document inside a paragraph's text: "resolution 57/218", "A/CONF.157/24 (Part I)". */
struct ref {
	enum ref_kind kind;
	char *target;       /* normalised: "57/218", "2200 A (XXI)", "242 (1967)", "A/58/508/Add.2" */
	size_t byte, len;   /* the span in para.text that is drawn as the link */
};

struct para {
	enum para_kind kind;
	char *id;           /* stable id: "op3.a.ii" */
	char *label;        /* for people: "OP 3 (a) (ii)", "PP 3", "Footnote 16", "Annex A" */
	char *num;          /* as numbered: "3", "a", "ii", "16"; NULL when unnumbered */
	char *text;         /* without number or markers, whitespace normalised */
	size_t text_len;    /* bytes */
	size_t lead_len;    /* bytes of the opening participle or verb ("Reaffirming also"); 0 if none */
	int depth;          /* 0 for top-level paragraphs, 1 for (a), 2 for (ii) ... */
	int parent;         /* index of the enclosing paragraph, -1 at top level */
	int part;           /* index into resolution.parts, -1 outside parts */
	int annex;          /* index into resolution.annexes, -1 outside annexes */
	struct mark *marks;
	size_t nmarks;
	struct ref *refs;
	size_t nrefs;
};

struct res_part {
	char *id;           /* "a", "ii" */
	char *label;        /* "A", "II" */
	char *title;        /* the part's heading ("Lighthouse keepers"); may be NULL */
};

struct res_annex {
	char *id;           /* "annex1" */
	char *label;        /* "Annex", "Annex A", "Annex II" */
	char *title;        /* may be NULL */
};

/* Metadata: every field is NULL when unknown. */
struct res_meta {
	char *symbol;       /* "A/RES/58/190", "S/RES/242 (1967)" */
	char *organ;        /* "General Assembly", "Security Council" */
	char *number;       /* "58/190", "242" */
	char *title;        /* "Protection of migrants" */
	char *adopted;      /* YYYY-MM-DD */
	char *session;      /* "58" */
	char *agenda_item;
	char *report;       /* "A/58/508/Add.2" */
	char *meeting;      /* "77th plenary meeting", "1382nd meeting" */
	char *distributed;  /* YYYY-MM-DD */
	char *language;     /* ISO 639-1: "en", "fr", "es", "ru", "zh", "ar" */
	char *vote;         /* "Adopted unanimously at the 1382nd meeting." */
	char *job;          /* "N0350598E", "25-19346 (E)" */
	struct mark *vote_marks;    /* markers the vote line carried ("Adopted at the 82nd
	                             * meeting 11": footnote 11 tells how), byte offsets into vote */
	size_t nvote_marks;
};

/* How a resolution was adopted. */
enum res_adoption {
	ADOPTION_UNKNOWN = 0,
	ADOPTION_WITHOUT_VOTE,  /* "adopted without a vote" */
	ADOPTION_VOTE           /* by a vote: its counts, and each member's vote when recorded */
};

enum res_ballot { BALLOT_YES, BALLOT_NO, BALLOT_ABSTAIN };

struct res_voter {
	char *name;             /* as the record spells it: "ALGERIA", "China" */
	enum res_ballot ballot;
};

/* The record of adoption beyond res_meta: what the AKN4UN XML gives exactly, and the text
 * shapes in part (their vote line). Unknown: NULL strings, empty lists, counts of -1. */
struct res_record {
	char *agenda_title;     /* the agenda item's title */
	char *draft;            /* the draft adopted: "A/80/L.11", "A/C.3/78/L.52/Rev.1", "S/2022/158" */
	char *meeting_record;   /* "A/80/PV.51", "S/PV.8981"; for a vote by letter, the letter */
	char **sponsors;        /* who submitted the draft */
	size_t nsponsors;
	char **cosponsors;      /* who joined them after it was issued */
	size_t ncosponsors;
	enum res_adoption adoption;
	int yes, no, abstain;
	int by_mail;            /* the Security Council voted by letter (2020-2021) */
	struct res_voter *voters;
	size_t nvoters;
	char *chapter;          /* "Chapter VII": the Charter chapter the Council acted under */
	char **keywords;        /* subjects (UNBIS thesaurus, EuroVoc, SDGs), each once */
	size_t nkeywords;
};

struct resolution {
	struct res_meta meta;
	struct res_record record;   /* res_new sets its counts to -1 */
	struct para *paras;
	size_t npara;
	size_t para_cap;    /* allocated; owned by res_add_para */
	struct res_part *parts;
	size_t nparts;
	struct res_annex *annexes;
	size_t nannexes;
	/* Footnotes the builder left out as another text's on the same printed page, their
	 * numbers as a list ("66", "8, 9"); NULL when none. For a diagnostic only. */
	char *notes_left_out;
	/* The builder's paragraph ids, labels and numbers, a few kilobytes at a time
	 * (res_names_alloc): not freed one by one. */
	struct res_names *names;
	/* Where res_free sends it back to be freed (res_home below); NULL: freed at once. */
	struct res_home *home;
	unsigned long home_gen;
	struct resolution *home_next;
};

/* Appends a copy of s[0..n) to a record's list (*v, *n). Returns 0, or -1 out of memory. */
int res_list_add(char ***v, size_t *n, const char *s, size_t len);

/* A file may hold several resolutions one after another (a session's volume). */
struct collection {
	struct resolution **docs;
	size_t ndocs;
};

struct resolution *res_new(void);           /* NULL when out of memory */
void res_free(struct resolution *);
void collection_free(struct collection *);

/* n bytes owned by the resolution, freed with it, for a paragraph's id, label or number
 * (para.id, label, num may point into them, or be malloc'd: res_free tells which); NULL when
 * out of memory. res_names_own says whether s lies in them. Three small allocations and three
 * frees a paragraph were a tenth of a parse. */
char *res_names_alloc(struct resolution *, size_t n);
int res_names_own(const struct resolution *, const char *s);

/* A home: the thread that builds resolutions on a pool (build.c) frees them itself. A
 * resolution from one thread's allocations freed on another (the one that writes them out, in
 * order) makes the two threads fight over the builder's malloc arena lock at every free: on a
 * 2-CPU machine that tripled the CPU time of a whole command. So a resolution adopted by a
 * home is, while the home is open, handed back to it by res_free, and the builder frees what
 * came back (res_home_drain) before it builds the next. Once the home is closed, res_free frees
 * at once whatever it was given, as for any resolution. Homes are never freed (a closed one is
 * kept for the next pool), so a resolution that outlives its pool never points at freed memory.
 * Thread-safe. */
struct res_home;
struct res_home *res_home_open(void);                /* NULL when out of memory */
void res_home_adopt(struct res_home *, struct resolution *);
void res_home_drain(struct res_home *);              /* on the thread that built them */
void res_home_close(struct res_home *);              /* frees what came back; NULL: no-op */

/* Appends a zeroed paragraph (parent/part/annex = -1) and returns its index, or -1 when out of
 * memory. Pointers into res->paras are invalidated by this call. */
int res_add_para(struct resolution *, enum para_kind);
/* Removes paragraph i, which no other paragraph encloses (a footnote), freeing what it holds;
 * the paragraphs after it move up one. */
void res_drop_para(struct resolution *, size_t i);

/* Index of the paragraph with this id ("op3.a.ii", "fn16"), or -1. */
int res_find(const struct resolution *, const char *id);

/* Index of footnote number `num` ("16"), or -1. */
int res_find_footnote(const struct resolution *, int num);

/* The paragraphs that cite footnote `fn_index` through a marker, in document order.
 * Returns the count; *out (caller frees) holds paragraph indexes. -1 when out of memory. */
int res_cited_by(const struct resolution *, int fn_index, int **out);

/* Character (code point) offset of a byte offset into a UTF-8 string. */
size_t res_char_offset(const char *text, size_t byte);

/* Human label for a paragraph id, as UN documents cite it: "OP 3 (a) (ii)". */
const char *res_label(const struct resolution *, int index);

#endif
