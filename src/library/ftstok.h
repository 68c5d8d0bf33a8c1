/* ftstok.h: the library's FTS5 tokenizer, "gavel": text folded exactly as gavel's search
 * folds it (text_fold: case, accents, hyphen variants, every white space), cut into words
 * of letters and digits; a character of a script written without spaces (Chinese, Japanese
 * kana, Thai...) is a word of its own, so a phrase of them is a phrase of one-character
 * words. Registered on each connection that reads or writes the index; the sqlite3 shell,
 * which does not know it, cannot query the index (the rest of the library reads there).
 *
 * The library's search is gavel's search (search_text) restricted to hits that begin at a
 * word (ftstok_word_start): the index finds the paragraphs that have every word of the
 * pattern, and search_text decides. */
#ifndef GAVEL_LIBRARY_FTSTOK_H
#define GAVEL_LIBRARY_FTSTOK_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#define FTSTOK_NAME "gavel"

/* Registers the tokenizer on db. Returns an SQLite result code. */
int ftstok_register(sqlite3 *db);

/* How a character counts, folded or not (folding keeps it). */
enum ftstok_class {
	FTSTOK_SEP,       /* white space, punctuation, symbols: between words */
	FTSTOK_WORD,      /* letters, digits, and the marks that go with them */
	FTSTOK_SINGLE     /* a character that is a word by itself (Han, kana, Thai...) */
};
enum ftstok_class ftstok_class(uint32_t c);

/* Whether a hit beginning at byte `at` of text begins a word: it does not cut a word in
 * two (the character before it, skipping marks and invisible format characters, and its
 * first character are not both FTSTOK_WORD). */
int ftstok_word_start(const char *text, size_t len, size_t at);

/* Calls fn(ctx, word, len, start, end) for each word of text, folded (text_fold), with the
 * word's byte range in text; stops when fn returns non-zero and returns that. -1 when out of
 * memory. The tokenizer and the query builder both use it, so they cannot disagree. A text
 * mostly of ASCII is cut first and only its words beyond ASCII folded; others are folded
 * whole (ftstok_words_folded, the reference the tests hold it to). */
int ftstok_words(const char *text, size_t len,
                 int (*fn)(void *ctx, const char *word, size_t wlen, size_t start, size_t end),
                 void *ctx);
int ftstok_words_folded(const char *text, size_t len,
                        int (*fn)(void *ctx, const char *word, size_t wlen, size_t start,
                                  size_t end), void *ctx);

/* The number of words ftstok_words would give, counted without folding (a letter stays a
 * letter whatever its case and accents; invisible format characters, which folding drops,
 * join what is around them). */
size_t ftstok_count(const char *text, size_t len);

/* The FTS5 query for the paragraphs that may hold a hit of a search pattern beginning at a
 * word: every word of the folded pattern (the index knows which paragraphs have which words,
 * not where), its last word a prefix when the pattern ends inside a word ("migrant
 * children" -> "migrant" "children" *). Returns a malloc'd string, or NULL with *nwords = 0
 * when the pattern holds no word (the index cannot help), or NULL with *nwords = -1 when out
 * of memory. */
char *ftstok_query(const char *pattern, int *nwords);

/* Whether the pattern's last word may go on in the text (it ends inside a word, white space
 * and invisible characters at its end aside): that word is a prefix in a query. */
int ftstok_ends_in_word(const char *pattern);

#endif
