/* lang.h: what differs between the six official languages: the words that open a resolution,
 * dates, annexes, meeting lines, the opening participle or verb of a paragraph, and which
 * language a text is in. Tables of data, so adding a phrase is one line. */
#ifndef GAVEL_DOC_LANG_H
#define GAVEL_DOC_LANG_H

#include <stddef.h>

/* ISO 639-1 code of the text's language: "en", "fr", "es", "ru", "zh", "ar" (by script and
 * frequent words); "en" when unsure. Static string. */
const char *lang_detect(const char *text, size_t len);

/* When s starts with the sentence that opens a resolution's body ("The General Assembly,",
 * "The Security Council,", "L'Assemblée générale,", "La Asamblea General,",
 * "Генеральная Ассамблея,", "大会，", "إن الجمعية العامة،", also without the comma as in a
 * resolution adopting an annexed declaration; "The Human Rights Council," and "The Economic
 * and Social Council," with their comma), returns the bytes it spans and sets *organ to
 * "General Assembly", "Security Council", "Human Rights Council" or "Economic and Social
 * Council" (static) and *comma to whether it ended with a comma.
 * Returns 0 otherwise. */
size_t lang_opening(const char *s, size_t len, const char **organ, int *comma);

/* Parses a date written in any of the languages ("22 December 2003", "22 décembre 2003",
 * "22 de diciembre de 2003", "22 декабря 2003 года", "2003年12月22日", Arabic month names)
 * found at the start of s into out as YYYY-MM-DD. Returns bytes consumed, 0 if none. */
size_t lang_parse_date(const char *s, size_t len, char out[11]);

/* Finds the first date anywhere in s; returns 1 and fills out, else 0. */
int lang_find_date(const char *s, size_t len, char out[11]);

/* When s starts with the word for an annex ("Annex", "Annexe", "Anexo", "Приложение", "附件",
 * "مرفق"), returns its length, else 0. */
size_t lang_annex_word(const char *s, size_t len);

/* Whether s (a whole line) is a meeting line: "77th plenary meeting", "77e séance plénière",
 * "77ª sesión plenaria", "77-е пленарное заседание", "第77次全体会议", "الجلسة العامة 77". */
int lang_is_meeting_line(const char *s, size_t len);

/* Bytes of the opening participle phrase of a preambular paragraph ("Reaffirming also",
 * "Bearing in mind", "Deeply concerned", "Taking note of"... the words printed in italics), or
 * of the operative verb phrase ("Strongly condemns also") when operative != 0. 0 if none. */
size_t lang_lead_len(const char *lang, const char *s, size_t len, int operative);

#endif
