/* words.h: a text cut into words, punctuation and spaces, the units a redline compares
 * (libunistring's character classes; only text/ links it). */
#ifndef GAVEL_TEXT_WORDS_H
#define GAVEL_TEXT_WORDS_H

#include <stddef.h>

enum word_kind {
	WORD_TEXT,      /* letters, digits and their marks: "Reaffirming", "2030", "women's" */
	WORD_PUNCT,     /* one character that is neither: ",", "-", "/", "“" */
	WORD_SPACE      /* a run of white space */
};

struct word {
	size_t start, end;      /* bytes [start, end) of the text */
	enum word_kind kind;
};

/* Cuts s (n bytes of UTF-8) into words, in order and covering every byte. A word is a run of
 * letters, digits and combining marks, with an apostrophe inside it ("women's", "l'homme");
 * each ideograph, kana or other character of a script written without spaces (Chinese,
 * Japanese) is a word of its own, so a change in Chinese text is found character by character;
 * everything else is one punctuation word per character, and white space comes in runs.
 * Invalid UTF-8 is punctuation, one invalid sequence at a time. Returns the count and sets *out (caller
 * frees; NULL when 0), or -1 when out of memory. Linear in n. */
long text_words(const char *s, size_t n, struct word **out);

#endif
