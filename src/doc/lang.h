/* lang.h: what differs between the six official languages, as one table of phrases per
 * language (struct lang_phrases, every cell filled for every language): the sentence that
 * opens a resolution, the names of the organs, the masthead's words, the header lines above
 * the opening, the closing formulas (meeting and vote lines), headings (annexes, articles),
 * ordinals, dates, and the opening participle or verb of a paragraph. The functions below
 * read every language's table, so a document is understood before its language is known.
 * Adding a phrase is one line in lang.c. */
#ifndef GAVEL_DOC_LANG_H
#define GAVEL_DOC_LANG_H

#include <stddef.h>

/* The organs whose resolutions gavel reads, named in English in the model. */
enum organ {
	ORGAN_NONE, ORGAN_GA, ORGAN_SC, ORGAN_ECOSOC, ORGAN_HRC, ORGAN_TC, ORGAN_COUNT
};

/* "General Assembly", "Security Council", ... (static); NULL for ORGAN_NONE. */
const char *lang_organ_name(enum organ);

/* A phrase that names an organ. In patterns: ' ' is one or more spaces of any kind, '_' zero
 * or more, '#' one or more digits (any script), '\'' any apostrophe, '-' any hyphen; letters
 * match ignoring case, and a pattern that ends in a letter ends at a word end. */
struct organ_phrase {
	const char *words;
	enum organ organ;
	int needs_comma;    /* an opening that must end in its comma (a bare organ name is also
	                     * a masthead line) */
};

/* A number word: a month name (1-12) or an ordinal's part ("fifty" 50, "eighth" 8). */
struct lang_number {
	const char *word;
	int value;
};

/* The agenda line of a masthead: its opening word, and a phrase the line must hold too when
 * that word is common ("Point" ... "ordre du jour"); NULL when the word says it alone. */
struct agenda_phrase {
	const char *word;
	const char *also;
};

/* The cells that are lists of patterns, with what each holds (for the tests and the reader
 * of lang.c). */
#define LANG_LISTS(X) \
	X(un_names, "the masthead's name of the Organization: \"United Nations\"") \
	X(resolution_words, "the word heading a resolution: \"Resolution 1454 (2002)\"") \
	X(adopted_headers, "header lines above the opening: \"Resolution adopted by\"") \
	X(report_headers, "\"[on the report of the Third Committee (A/58/508)]\"") \
	X(session_words, "the word of a session line after its ordinal: \"Fifty-eighth session\"") \
	X(meeting_lines, "closing formula: \"77th plenary meeting\"") \
	X(council_meetings, "closing formula of a Council: \"52nd meeting\"") \
	X(meeting_words, "a meeting named in a sentence: \"at its 4683rd meeting\"") \
	X(vote_lines, "closing formula: \"Adopted unanimously at the 1382nd meeting\"") \
	X(annex_words, "heading of an annex: \"Annex\", \"Appendix\"") \
	X(article_words, "heading of an article of an annexed text: \"Article 12\"") \
	X(conjunctions, "a word ending a clause after \";\": \"; and\"") \
	X(open_words, "words a sentence never ends with: \"the\", \"of\", \"for\"") \
	X(lead_pre, "adverbs before a lead phrase: \"Deeply\"") \
	X(lead_heads, "lead phrases: \"Bearing in mind\", \"Calls upon\"") \
	X(lead_tails, "words after a lead: \"also\", \"further\"")

struct lang_phrases {
	const char *code;                       /* ISO 639-1: "en" */
	const struct organ_phrase *openings;    /* "The General Assembly" */
	const struct organ_phrase *organ_names; /* "General Assembly" in a masthead or header */
	const struct agenda_phrase *agenda;     /* "Agenda item 117 (b)" */
	const struct lang_number *months;       /* "December" 12 */
	const struct lang_number *ordinals;     /* "fifty" 50, "eighth" 8 */
	int session_last;                       /* the session word ends the line (else opens it) */
	int lead_any_word;                      /* any first word may be a lead (verb-first) */
	int lead_cjk;                           /* no spaces between words: only listed leads */
#define LANG_FIELD(name, what) const char *const *name;
	LANG_LISTS(LANG_FIELD)
#undef LANG_FIELD
};

/* For the tests: whether the index of the tables by first byte (built at the first use)
 * offers every phrase the matcher may match at each byte, in the tables' order. */
int lang_index_check(void);
/* For the tests: whether lang.c's fast paths (ASCII letters, word lengths) agree with the
 * plain ones at every byte and every place of s[0..len). */
int lang_fast_check(const char *s, size_t len);
/* For the tests: whether the matcher's run of plain ASCII matches what the plain matcher
 * matches and fails where it fails, for every phrase of the tables at every place of s. */
int lang_match_check(const char *s, size_t len);
/* Whether every index of the tables gives at every place of s[0..len) the phrase the matcher
 * alone gives, with the test of the phrases' opening bytes that spares it (for the tests). */
int lang_index_match_check(const char *s, size_t len);
/* For the tests: whether lang_detect() counts the same letters and frequent words of
 * text[0..len) with its table of words as with its lists. */
int lang_detect_check(const char *text, size_t len);
/* The table: English, French, Spanish, Russian, Chinese, Arabic. */
extern const struct lang_phrases lang_tables[];
extern const size_t lang_ntables;

/* ISO 639-1 code of the text's language: "en", "fr", "es", "ru", "zh", "ar" (by script and
 * frequent words); "en" when unsure. Static string. */
const char *lang_detect(const char *text, size_t len);

/* When s starts with the sentence that opens a resolution's body ("The General Assembly,",
 * "L'Assemblée générale,", "大会，", "إن الجمعية العامة،", also without the comma as in a
 * resolution adopting an annexed declaration; the Councils' only with their comma), returns
 * the bytes it spans and sets *organ (the English name, static) and *comma to whether it
 * ended with a comma. Returns 0 otherwise. */
size_t lang_opening(const char *s, size_t len, const char **organ, int *comma);

/* "The Human Rights Council,", "The Committee on Food Security,": the opening of another
 * body's resolution, in English, on a line of its own (every word capitalised but the small
 * ones of names, ending in "Council,", "Commission,", ...). Its length, or 0. */
size_t lang_other_opening(const char *s, size_t len);

/* When s starts with an organ's name in any language ("General Assembly", "Conseil de
 * sécurité", "安全理事会"), its length, *organ set; else 0. */
size_t lang_organ_at(const char *s, size_t len, enum organ *organ);

/* The first organ named anywhere in s, in any language; ORGAN_NONE if none. */
enum organ lang_organ_in(const char *s, size_t len);

/* The length of the Organization's name at the start of s ("United Nations", "Nations
 * Unies", "联合国"), or 0. */
size_t lang_un_name(const char *s, size_t len);

/* The length of "Resolution", "Résolution", "Резолюция", "决议", "قرار" heading s, or 0. */
size_t lang_resolution_word(const char *s, size_t len);

/* Whether s opens with a header line above the opening: "Resolution adopted by the General
 * Assembly on ...", "Adopted by the Security Council at its ... meeting", in any language. */
int lang_adopted_header(const char *s, size_t len);

/* Whether s opens a resolution's header wherever it stands, so that a paragraph starts there:
 * a header line that begins with the resolution word or names an organ at once ("Adopted by
 * the Security Council at its ..."). */
int lang_header_start(const char *s, size_t len);

/* Whether s opens with "[on the report of", "[without reference to a Main Committee" (any
 * language; also in parentheses). */
int lang_report_header(const char *s, size_t len);

/* Whether s (a whole line) is a meeting line: "77th plenary meeting", "77e séance plénière",
 * "77ª sesión plenaria", "77-е пленарное заседание", "第77次全体会议", "الجلسة العامة 77",
 * or a Council's "52nd meeting" alone. */
int lang_is_meeting_line(const char *s, size_t len);

/* Whether s opens with a vote line: "Adopted unanimously at the 1382nd meeting.", "Adopted
 * at the 2810th meeting by 14 votes", "[Adopted without a vote.]", in any language. */
int lang_is_vote_line(const char *s, size_t len);

/* The meeting a sentence names ("at its 4683rd meeting" -> "4683rd meeting", "à sa 9951e
 * séance" -> "9951e séance", "第4683次会议"): its span in s through *start and *n; 0 if
 * none. */
int lang_meeting_in(const char *s, size_t len, size_t *start, size_t *n);

/* When s starts with the word for an annex ("Annex", "Annexe", "Anexo", "Приложение", "附件",
 * "مرفق", "Appendix"), returns its length, else 0. */
size_t lang_annex_word(const char *s, size_t len);

/* The word language lang (ISO 639-1; English when NULL or unknown) heads an annex with:
 * "Annex", "Annexe", "Anexo", "Приложение", "附件", "المرفق". */
const char *lang_annex_name(const char *lang);

/* Whether s is the heading of an article of an annexed text: "Article 12", "Article
 * premier", "Artículo 3", "Статья 2", "第3条", "المادة 3". */
int lang_article_heading(const char *s, size_t len);

/* A masthead's session line ("Fifty-eighth session", "Cinquante-huitième session",
 * "第五十八届会议", "الدورة الثامنة والخمسون"): the session's number, 0 when the line is
 * one but its ordinal is not read, -1 when it is no session line. */
int lang_session_line(const char *s, size_t len);

/* An ordinal written in words in any language ("Fifty-eighth", "quatre-vingtième",
 * "quincuagésimo octavo", "пятьдесят восьмая", "第七十九", "الثامنة والخمسون") -> its
 * value, 0 when it is none. */
int lang_ordinal(const char *s, size_t len);

/* Whether s opens a masthead's agenda line ("Agenda item 117 (b)", "Point 117 b) de l'ordre
 * du jour", "议程项目20"): the length of its word, else 0. */
size_t lang_agenda_line(const char *s, size_t len);

/* Whether s[0..n) ends with a word no sentence ends with ("... including the"): a sentence
 * broken off, whatever follows. */
int lang_ends_open(const char *s, size_t len);

/* Whether s[0..n) ends with "; and", ", or", "; et", "; y", "; и" ... (a clause end). */
int lang_ends_conjunction(const char *s, size_t len);

/* Parses a date written in any of the languages ("22 December 2003", "22 décembre 2003",
 * "22 de diciembre de 2003", "22 декабря 2003 года", "2003年12月22日", Arabic month names)
 * found at the start of s into out as YYYY-MM-DD. Returns bytes consumed, 0 if none. */
size_t lang_parse_date(const char *s, size_t len, char out[11]);

/* Finds the first date anywhere in s; returns 1 and fills out, else 0. */
int lang_find_date(const char *s, size_t len, char out[11]);
/* The same, with the byte where the date starts in *at (may be NULL). */
int lang_find_date_at(const char *s, size_t len, char out[11], size_t *at);

/* Bytes of the opening participle phrase of a preambular paragraph ("Reaffirming also",
 * "Bearing in mind", "Deeply concerned", "Taking note of"... the words printed in italics), or
 * of the operative verb phrase ("Strongly condemns also") when operative != 0. 0 if none. */
size_t lang_lead_len(const char *lang, const char *s, size_t len, int operative);

#endif
