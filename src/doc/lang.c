/* lang.c: the six official languages as tables of phrases (one per language, every cell
 * filled: test_lang checks), and one small matcher that reads them. The matcher is forgiving
 * where documents vary for no reason (case, the kind of space or apostrophe or hyphen,
 * Arabic-Indic digits) and strict about word ends, so "Annexed" is not "Annex". */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "doc/bytes.h"
#include "doc/lang.h"
#include "text/utf8.h"

/* --- code points ---------------------------------------------------------------------- */

/* Decodes one code point with the program's codec; scans always advance. */
static size_t cp_at(const char *s, size_t len, ucs4_t *uc)
{
	if (len == 0) {
		*uc = 0;
		return 0;
	}
	if ((unsigned char)s[0] < 0x80) {
		*uc = (unsigned char)s[0];      /* ASCII without a call: most text */
		return 1;
	}
	uint32_t c;
	size_t n = utf8_decode(s, len, &c);
	*uc = c;
	return n;
}

static int is_space_cp(ucs4_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F ||
	       c == 0x2009 || c == 0x2007 || c == 0x3000 || c == 0x200B;
}

/* Digit value, or -1: ASCII, Arabic-Indic, extended Arabic-Indic and full-width digits. */
static int digit_val(ucs4_t c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 0x660 && c <= 0x669)
		return (int)(c - 0x660);
	if (c >= 0x6F0 && c <= 0x6F9)
		return (int)(c - 0x6F0);
	if (c >= 0xFF10 && c <= 0xFF19)
		return (int)(c - 0xFF10);
	return -1;
}

static int is_cjk(ucs4_t c)
{
	return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0x20000 && c <= 0x2FFFF);
}

static ucs4_t ascii_lower(ucs4_t c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* One OR and one comparison (it runs at every letter of the language sample): setting bit
 * 0x20 folds 'A'..'Z' onto 'a'..'z' and moves no other byte there. lang_fast_check() holds
 * it against the two-sided test at every byte. */
static int ascii_letter(unsigned char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26u;
}

static int ascii_letter_slow(unsigned char c)
{
	return ascii_lower(c) >= 'a' && ascii_lower(c) <= 'z';
}

/* uc_is_alpha without the table lookup for ASCII, where only the 52 letters are alphabetic
 * (it ran at every character of the language sample). */
static int is_alpha_cp(ucs4_t c)
{
	if (c < 0x80)
		return ascii_letter((unsigned char)c);
	return uc_is_alpha(c);
}

/* A letter that continues a word (CJK ideographs do not: Chinese has no word spaces). */
static int is_word_cp(ucs4_t c)
{
	if (c < 0x80)
		return is_alpha_cp(c) || (c >= '0' && c <= '9');
	if (is_cjk(c))
		return 0;
	return uc_is_alpha(c) || digit_val(c) >= 0 || c == 0x640 /* tatweel */;
}

static int apostrophe(ucs4_t c)
{
	return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

static int hyphen(ucs4_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0xAD;
}

/* Same letter ignoring case; Arabic hamza forms of alef count as one (documents vary). */
static int same_letter(ucs4_t a, ucs4_t b)
{
	if (a == b)
		return 1;
	/* ASCII against ASCII needs no table: most comparisons fail on the first letter, and
	 * uc_tolower was a fifth of the parse of a large compilation. */
	if (a < 0x80 && b < 0x80) {
		if (a >= 'A' && a <= 'Z')
			a += 'a' - 'A';
		if (b >= 'A' && b <= 'Z')
			b += 'a' - 'A';
		return a == b;
	}
	/* ASCII against non-ASCII: only U+0130 and U+212A lower-case to ASCII (i, k). */
	if ((a < 0x80) != (b < 0x80)) {
		ucs4_t n = a < 0x80 ? b : a;
		if (n != 0x130 && n != 0x212A)
			return 0;
	}
	if (uc_tolower(a) == uc_tolower(b))
		return 1;
	int alef_a = a == 0x627 || a == 0x623 || a == 0x625 || a == 0x622;
	int alef_b = b == 0x627 || b == 0x623 || b == 0x625 || b == 0x622;
	if (alef_a && alef_b)
		return 1;
	/* ё/е and final yeh/alef maqsura are spelled both ways */
	if ((a == 0x451 || a == 0x435) && (b == 0x451 || b == 0x435))
		return 1;
	if ((a == 0x64A || a == 0x649) && (b == 0x64A || b == 0x649))
		return 1;
	return 0;
}

/* Whether a pattern opening with the non-ASCII character at p may match ASCII text: only
 * U+0130 (C4 B0) and U+212A (E2 84 AA) lower-case to ASCII (same_letter). */
static int non_ascii_may_match(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	return (u[0] == 0xC4 && u[1] == 0xB0) || (u[0] == 0xE2 && u[1] == 0x84 && u[2] == 0xAA);
}

/* Whether pattern p may match at s, judged by the first bytes; 0 only when match() gives 0.
 * Most calls fail on the first character (tables of 70 phrases are tried at every
 * paragraph), and this decodes nothing: of ASCII text, a space is only ' ', '\t', '\n' and
 * '\r', a digit '0' to '9', an apostrophe '\'', a hyphen '-', and a letter matches its own
 * lower case. */
static inline int may_match(const char *s, size_t len, const char *p)
{
	unsigned char p0 = (unsigned char)p[0];
	if (len == 0)
		return 1;
	unsigned char s0 = (unsigned char)s[0];
	/* the usual case first: two ASCII letters */
	if (ascii_letter(p0) && ascii_letter(s0))
		return ascii_lower(p0) == ascii_lower(s0);
	if (!p0 || p0 == '_')
		return 1;
	if (s0 >= 0x80) {
		/* an ASCII character of the pattern matches non-ASCII text only as a letter
		 * against U+0130 or U+212A (lead bytes 0xC4, 0xE2); spaces, digits, apostrophes
		 * and hyphens have non-ASCII forms */
		if (p0 < 0x80 && p0 != ' ' && p0 != '#' && p0 != '\'' && p0 != '-')
			return s0 == 0xC4 || s0 == 0xE2;
		return 1;
	}
	switch (p0) {
	case ' ':
		return s0 == ' ' || s0 == '\t' || s0 == '\n' || s0 == '\r';
	case '#':
		return s0 >= '0' && s0 <= '9';
	case '\'':
	case '-':
		return s0 == p0;
	}
	if (p0 >= 0x80)
		return non_ascii_may_match(p);
	return ascii_lower(p0) == ascii_lower(s0);
}

/* Matches pattern p at the start of s. In p: ' ' is one or more spaces (any kind), '_' zero or
 * more, '#' one or more digits, '\'' any apostrophe, '-' any hyphen; other characters match
 * ignoring case. A pattern that ends in a letter must end at a word end in s. Returns the
 * bytes of s matched, or 0 and in *fail the bytes of p up to the end of the element that
 * failed (the pattern's length and one more when the word end failed): the matcher reads p
 * from left to right and never looks ahead, so a pattern opening with those same bytes fails
 * at the same text too. */
static inline size_t match_runs(const char *s, size_t len, const char *p, size_t *fail, int runs)
{
	const char *p_start = p;
	if (!may_match(s, len, p)) {
		unsigned char p0 = (unsigned char)p[0];
		*fail = p0 < 0x80 ? 1 : p0 < 0xE0 ? 2 : p0 < 0xF0 ? 3 : 4;
		return 0;
	}
	size_t i = 0;
	ucs4_t last = 0;
	while (*p) {
		*fail = (size_t)(p - p_start) + 1;
		if (*p == ' ' || *p == '_') {
			size_t n = 0;
			ucs4_t c;
			size_t k;
			while (i < len && (k = cp_at(s + i, len - i, &c)) && is_space_cp(c)) {
				i += k;
				n++;
			}
			if (*p == ' ' && n == 0)
				return 0;
			p++;
			last = ' ';
			continue;
		}
		if (*p == '#') {
			size_t n = 0;
			ucs4_t c;
			size_t k;
			while (i < len && (k = cp_at(s + i, len - i, &c)) && digit_val(c) >= 0) {
				i += k;
				n++;
			}
			if (n == 0)
				return 0;
			p++;
			last = '0';
			continue;
		}
		/* ASCII against ASCII: a pattern's apostrophe and hyphen match only themselves
		 * there, letters their other case (same_letter, apostrophe, hyphen), so one
		 * comparison without decoding; patterns share long openings ("Expressing its"),
		 * so this runs at most characters the matcher reads */
		unsigned char pb = (unsigned char)*p;
		if (i < len && (pb | (unsigned char)s[i]) < 0x80) {
			if (ascii_lower(pb) != ascii_lower((unsigned char)s[i]))
				return 0;
			i++;
			p++;
			last = pb;
			/* and the rest of a run of such characters at once: no space, digits or
			 * end in the pattern, ASCII on both sides (the loop's checks per byte were
			 * most of the matcher's work) */
			for (; runs;) {
				unsigned char q = (unsigned char)*p;
				if (i >= len || q == 0 || q == ' ' || q == '_' || q == '#' ||
				    (q | (unsigned char)s[i]) >= 0x80)
					break;
				if (ascii_lower(q) != ascii_lower((unsigned char)s[i])) {
					*fail = (size_t)(p - p_start) + 1;
					return 0;
				}
				i++;
				p++;
				last = q;
			}
			continue;
		}
		ucs4_t pc, sc;
		/* A pattern character is at most 4 bytes and the pattern ends in a NUL, which no
		 * multi-byte sequence contains: no strlen of the rest at every character. */
		size_t pk = cp_at(p, 4, &pc);
		*fail = (size_t)(p - p_start) + pk;
		if (i >= len)
			return 0;
		size_t sk = cp_at(s + i, len - i, &sc);
		int ok = pc == '\'' ? apostrophe(sc) : pc == '-' ? hyphen(sc) : same_letter(pc, sc);
		if (!ok)
			return 0;
		i += sk;
		p += pk;
		last = pc;
	}
	*fail = (size_t)(p - p_start) + 1;
	if (last && is_word_cp(last) && i < len) {
		ucs4_t c;
		cp_at(s + i, len - i, &c);
		if (is_word_cp(c))
			return 0;
	}
	return i;
}

static size_t match_to(const char *s, size_t len, const char *p, size_t *fail)
{
	return match_runs(s, len, p, fail, 1);
}

/* match_to() without its run of plain ASCII, one character a turn, for lang_fast_check(). */
static size_t match_to_slow(const char *s, size_t len, const char *p, size_t *fail)
{
	return match_runs(s, len, p, fail, 0);
}

static size_t match(const char *s, size_t len, const char *p)
{
	size_t fail;
	return match_to(s, len, p, &fail);
}

/* Longest match of any pattern in a NULL-terminated list; *which gets its index. */
static size_t match_any(const char *s, size_t len, const char *const *list, int *which)
{
	size_t best = 0;
	for (int k = 0; list[k]; k++) {
		if (!may_match(s, len, list[k]))
			continue;
		size_t n = match(s, len, list[k]);
		if (n > best) {
			best = n;
			if (which)
				*which = k;
		}
	}
	return best;
}

static size_t skip_spaces(const char *s, size_t len, size_t i)
{
	ucs4_t c;
	size_t k;
	while (i < len) {
		/* ASCII without decoding: it runs before every phrase of every table */
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			if (b != ' ' && b != '\t' && b != '\n' && b != '\r')
				break;
			i++;
			continue;
		}
		if (!(k = cp_at(s + i, len - i, &c)) || !is_space_cp(c))
			break;
		i += k;
	}
	return i;
}

/* --- detection ------------------------------------------------------------------------ */

static const char *const words_en[] = { "the", "of", "and", "to", "its", "with", "that", "for", NULL };
static const char *const words_fr[] = { "les", "des", "et", "du", "une", "aux", "sur", "dans", NULL };
static const char *const words_es[] = { "los", "las", "y", "del", "el", "con", "por", "una", NULL };

struct phrase_index;
struct phrase;
static const struct phrase_index *words_index(int l);
static size_t match_index(const struct phrase_index *x, const char *s, size_t len,
                          const struct phrase **which);

/* Whether the ASCII word w[0..n) (any case) is one of the list's words (lower case ASCII). */
static int in_word_list(const char *w, size_t n, const char *const *list)
{
	for (; *list; list++) {
		const char *p = *list;
		size_t k = 0;
		if ((unsigned char)p[0] != ascii_lower((unsigned char)w[0]))
			continue;
		while (k < n && p[k] && ascii_lower((unsigned char)w[k]) == (unsigned char)p[k])
			k++;
		if (k == n && !p[k])
			return 1;
	}
	return 0;
}

/* Which of the frequent-word lists (1 English, 2 French, 3 Spanish, 0 none) the word at
 * text[0..len) is in, by the matcher. */
static int matched_word(const char *text, size_t len)
{
	for (int l = 0; l < 3; l++)
		if (match_index(words_index(l), text, len, NULL))
			return l + 1;
	return 0;
}

/* What the frequent words look like, for a quick no: the longest, and the first letters of
 * each list (bit 0 for a); `letters` is 0 when a word is not all lower case ASCII letters
 * and only the matcher may tell. Worked out per call of lang_detect, a few dozen steps. */
struct word_filter {
	int letters;
	size_t longest;
	uint32_t first[3];
	/* the words as keys (their bytes, first lowest; 0 an empty slot) in an open-addressed
	 * table, with the list each is first in (1 to 3): a word of the sample is looked up in
	 * a few instructions, where in_word_list() compared it with each word of a list */
	int hashed;                     /* the table holds the words */
	uint64_t key[64];
	uint8_t list[64];
};

static unsigned word_slot(uint64_t key)
{
	return (unsigned)((key * 0x9E3779B97F4A7C15ull) >> 58);
}

/* The key of the ASCII letters w[0..n) (n <= 8) in lower case. */
static uint64_t word_key(const char *w, size_t n)
{
	uint64_t k = 0;
	for (size_t j = n; j-- > 0;)
		k = k << 8 | (unsigned char)((unsigned char)w[j] | 0x20);
	return k;
}

static void word_filter_init(struct word_filter *f)
{
	const char *const *lists[3] = { words_en, words_fr, words_es };
	f->letters = 1;
	f->longest = 0;
	for (int l = 0; l < 3; l++) {
		f->first[l] = 0;
		for (const char *const *w = lists[l]; *w; w++) {
			size_t n = 0;
			for (; (*w)[n]; n++)
				f->letters &= (*w)[n] >= 'a' && (*w)[n] <= 'z';
			f->letters &= n > 0;
			if (n > f->longest)
				f->longest = n;
			if (n > 0 && (*w)[0] >= 'a' && (*w)[0] <= 'z')
				f->first[l] |= (uint32_t)1 << ((*w)[0] - 'a');
		}
	}
	memset(f->key, 0, sizeof f->key);
	f->hashed = f->letters && f->longest <= 8;
	size_t used = 0;
	for (int l = 0; l < 3 && f->letters && f->longest <= 8; l++)
		for (const char *const *w = lists[l]; *w; w++) {
			uint64_t k = word_key(*w, strlen(*w));
			unsigned h = word_slot(k);
			while (f->key[h] && f->key[h] != k)
				h = (h + 1) & 63;
			if (f->key[h])
				continue;       /* in an earlier list: that one tells */
			if (++used > 48) {
				f->hashed = 0;  /* never so many: then the lists tell */
				return;
			}
			f->key[h] = k;
			f->list[h] = (uint8_t)(l + 1);
		}
}

/* Which of the frequent-word lists (1 English, 2 French, 3 Spanish, 0 none) the word at
 * text[0..len), opening with n ASCII letters, is in, as match_any() tells. Those words are
 * lower case ASCII letters, so a word of ASCII letters ended by ASCII or the end of the text
 * is one when it is spelled the same and no digit follows: told without the matcher, which
 * ran for every word of the sample. A word going on in non-ASCII goes to the matcher. */
static int frequent_word(const char *text, size_t len, size_t n, const struct word_filter *f)
{
	if (f->letters && (n == len || (unsigned char)text[n] < 0x80)) {
		if (n > f->longest || (n < len && text[n] >= '0' && text[n] <= '9'))
			return 0;
		if (f->hashed) {
			uint64_t k = word_key(text, n);
			for (unsigned h = word_slot(k); f->key[h]; h = (h + 1) & 63)
				if (f->key[h] == k)
					return f->list[h];
			return 0;
		}
		uint32_t bit = (uint32_t)1 << (ascii_lower((unsigned char)text[0]) - 'a');
		const char *const *lists[3] = { words_en, words_fr, words_es };
		for (int l = 0; l < 3; l++)
			if ((f->first[l] & bit) && in_word_list(text, n, lists[l]))
				return l + 1;
		return 0;
	}
	return matched_word(text, len);
}

/* The counts lang_detect() weighs: letters of each script, frequent words of each list;
 * slow: the words by in_word_list() and letters byte by byte (lang_detect_check()
 * compares). */
struct detect_counts {
	size_t arabic, cjk, cyr, latin, en, fr, es;
};

static void detect_count(const char *text, size_t len, int slow, struct detect_counts *out)
{
	size_t arabic = 0, cjk = 0, cyr = 0, latin = 0;
	size_t en = 0, fr = 0, es = 0;
	size_t lim = len > (1u << 18) ? (1u << 18) : len;
	size_t i = 0;
	int at_word = 1;
	size_t scalar_to = 0;   /* no 64 bytes at once before this */
	struct word_filter filter;
	word_filter_init(&filter);
	if (slow)
		filter.hashed = 0;
	while (i < lim) {
#if BYTES_N == 16
		/* up to 64 bytes of ASCII at once (slow: never, for lang_detect_check): the
		 * letters, digits and apostrophes as bit masks, to the first non-ASCII byte; the
		 * letters counted by a popcount, the words found by their first letters, and only
		 * those after a break that are short enough to be a frequent word (or go on in
		 * non-ASCII) looked up. i is never inside a run of letters here: a run going on past
		 * the 64 bytes is read to its end. */
		if (!slow && i >= scalar_to && i + 64 <= lim) {
			uint64_t let = 0, keep = 0, high = 0;
			for (unsigned q = 0; q < 4; q++) {
				bytes_t w = bytes_load(text + i + 16 * q);
				uint64_t l = bytes_bits(bytes_or(bytes_in(w, 'A', 'Z' + 1),
				                                 bytes_in(w, 'a', 'z' + 1)));
				uint64_t k = bytes_bits(bytes_or(bytes_in(w, '0', '9' + 1),
				                                 bytes_eq(w, '\'')));
				let |= l << (16 * q);
				keep |= k << (16 * q);
				high |= (uint64_t)bytes_bits(bytes_high(w)) << (16 * q);
			}
			unsigned m = high ? (unsigned)__builtin_ctzll(high) : 64;
			if (m >= 16) {
				uint64_t in = m == 64 ? ~(uint64_t)0 : ((uint64_t)1 << m) - 1;
				let &= in;
				uint64_t brk = ~(let | keep) & in;
				uint64_t opens = let & ~(let << 1) & (brk << 1 | (uint64_t)(at_word != 0));
				size_t ext = 0;         /* letters of the last run past the 64 bytes */
				if (m == 64 && let >> 63)
					while (i + 64 + ext < lim
					       && ascii_letter((unsigned char)text[i + 64 + ext]))
						ext++;
				latin += (size_t)__builtin_popcountll(let) + ext;
				while (opens) {
					unsigned k = (unsigned)__builtin_ctzll(opens);
					opens &= opens - 1;
					uint64_t rest = ~(let >> k);
					size_t n = rest ? (size_t)__builtin_ctzll(rest) : 64 - k;
					if (k + n >= m)
						n = m - k + ext;
					size_t at = i + k;
					/* frequent_word()'s own no, without the call */
					if (filter.letters && n > filter.longest
					    && (at + n == lim || (unsigned char)text[at + n] < 0x80))
						continue;
					int fw = frequent_word(text + at, lim - at, n, &filter);
					en += fw == 1;
					fr += fw == 2;
					es += fw == 3;
				}
				at_word = ext ? 0 : (int)(brk >> (m - 1) & 1);
				i += m + ext;
				continue;
			}
			/* byte by byte past the non-ASCII byte, not these masks again at every
			 * byte before it */
			scalar_to = i + m + 1;
		}
#endif
		if (ascii_letter((unsigned char)text[i])) {
			/* a run of ASCII letters at once: each is a Latin letter, and only the first
			 * may open a frequent word (the loop below went letter by letter) */
			size_t n = 1;
#if BYTES_N == 16
			/* 16 bytes at a time (slow: byte by byte, for lang_detect_check) */
			while (!slow && i + n + BYTES_N <= lim) {
				bytes_t w = bytes_load(text + i + n);
				unsigned other = ~bytes_bits(bytes_or(bytes_in(w, 'A', 'Z' + 1),
				                                      bytes_in(w, 'a', 'z' + 1))) & 0xFFFFu;
				if (other) {
					n += bytes_first(other);
					break;
				}
				n += BYTES_N;
			}
#endif
			while (i + n < lim && ascii_letter((unsigned char)text[i + n]))
				n++;
			if (at_word) {
				int w = frequent_word(text + i, lim - i, n, &filter);
				en += w == 1;
				fr += w == 2;
				es += w == 3;
			}
			latin += n;
			at_word = 0;
			i += n;
			continue;
		}
		if ((unsigned char)text[i] < 0x80) {
			/* other ASCII counts for no script; a word starts after it unless it is a
			 * digit or an apostrophe */
			unsigned char b = (unsigned char)text[i];
			at_word = !(b >= '0' && b <= '9') && b != '\'';
			i++;
			continue;
		}
		ucs4_t c;
		size_t k = cp_at(text + i, lim - i, &c);
		if (c >= 0x600 && c <= 0x6FF)
			arabic++;
		else if (c >= 0xFB50 && c <= 0xFEFF)
			arabic++;
		else if (is_cjk(c))
			cjk++;
		else if (c >= 0x400 && c <= 0x4FF)
			cyr++;
		else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F))
			latin++;
		if (at_word && is_alpha_cp(c) && c < 0x250) {
			int w = matched_word(text + i, lim - i);
			en += w == 1;
			fr += w == 2;
			es += w == 3;
		}
		at_word = !is_word_cp(c) && !apostrophe(c);
		i += k;
	}
	*out = (struct detect_counts){ arabic, cjk, cyr, latin, en, fr, es };
}

int lang_detect_check(const char *text, size_t len)
{
	struct detect_counts a, b;
	detect_count(text, len, 0, &a);
	detect_count(text, len, 1, &b);
	return memcmp(&a, &b, sizeof a) == 0;
}

const char *lang_detect(const char *text, size_t len)
{
	struct detect_counts c;
	detect_count(text, len, 0, &c);
	size_t arabic = c.arabic, cjk = c.cjk, cyr = c.cyr, latin = c.latin;
	size_t en = c.en, fr = c.fr, es = c.es;
	/* CJK ideographs carry a word each, so weigh them against letters */
	size_t top = latin;
	const char *lang = "en";
	if (cyr > top) {
		top = cyr;
		lang = "ru";
	}
	if (arabic > top) {
		top = arabic;
		lang = "ar";
	}
	if (cjk * 3 > top) {
		top = cjk * 3;
		lang = "zh";
	}
	if (strcmp(lang, "en") != 0 || latin == 0)
		return lang;
	if (fr > en && fr >= es)
		return "fr";
	if (es > en && es > fr)
		return "es";
	return "en";
}

/* --- the phrases, one table per language ------------------------------------------------ */

/* English */
static const struct organ_phrase en_openings[] = {
	{ "The General Assembly", ORGAN_GA, 0 },
	{ "The Security Council", ORGAN_SC, 0 },
	{ "The Human Rights Council", ORGAN_HRC, 1 },
	{ "The Economic and Social Council", ORGAN_ECOSOC, 1 },
	{ NULL, ORGAN_NONE, 0 }
};
static const struct organ_phrase en_organs[] = {
	{ "General Assembly", ORGAN_GA, 0 }, { "Security Council", ORGAN_SC, 0 },
	{ "Economic and Social Council", ORGAN_ECOSOC, 0 }, { "Human Rights Council", ORGAN_HRC, 0 },
	{ "Trusteeship Council", ORGAN_TC, 0 }, { NULL, ORGAN_NONE, 0 }
};
static const struct agenda_phrase en_agenda[] = {
	{ "Agenda item", NULL }, { "Agenda items", NULL }, { NULL, NULL }
};
static const struct lang_number en_months[] = {
	{ "January", 1 }, { "February", 2 }, { "March", 3 }, { "April", 4 }, { "May", 5 },
	{ "June", 6 }, { "July", 7 }, { "August", 8 }, { "September", 9 }, { "October", 10 },
	{ "November", 11 }, { "December", 12 }, { NULL, 0 }
};
static const struct lang_number en_ordinals[] = {
	{ "first", 1 }, { "second", 2 }, { "third", 3 }, { "fourth", 4 }, { "fifth", 5 },
	{ "sixth", 6 }, { "seventh", 7 }, { "eighth", 8 }, { "ninth", 9 }, { "tenth", 10 },
	{ "eleventh", 11 }, { "twelfth", 12 }, { "thirteenth", 13 }, { "fourteenth", 14 },
	{ "fifteenth", 15 }, { "sixteenth", 16 }, { "seventeenth", 17 }, { "eighteenth", 18 },
	{ "nineteenth", 19 }, { "twentieth", 20 }, { "thirtieth", 30 }, { "fortieth", 40 },
	{ "fiftieth", 50 }, { "sixtieth", 60 }, { "seventieth", 70 }, { "eightieth", 80 },
	{ "ninetieth", 90 }, { "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 },
	{ "sixty", 60 }, { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 }, { NULL, 0 }
};
static const char *const en_un[] = { "United Nations", NULL };
static const char *const en_resolution[] = { "Resolution", NULL };
static const char *const en_adopted[] = { "Resolution adopted by", "Adopted by the", NULL };
static const char *const en_report[] = { "[on the report", "(on the report", "[without reference",
	NULL };
static const char *const en_session[] = { "session", NULL };
static const char *const en_meeting_lines[] = {
	"#st plenary meeting", "#nd plenary meeting", "#rd plenary meeting", "#th plenary meeting",
	NULL
};
static const char *const en_council_meetings[] = {
	"#st meeting", "#nd meeting", "#rd meeting", "#th meeting", NULL
};
static const char *const en_meeting_words[] = { "meeting", NULL };
static const char *const en_votes[] = {
	"Adopted unanimously", "Adopted at the", "Adopted without a vote", "Adopted without vote",
	"Adopted by # votes", "Adopted by # vote", "[Adopted", NULL
};
static const char *const en_annex[] = { "Annex", "Appendix", NULL };
static const char *const en_article[] = { "Article #", NULL };
static const char *const en_conj[] = { "and", "or", NULL };
static const char *const en_open[] = { "the", "a", "an", "of", "to", "in", "for", "with", "by",
	"on", "at", "from", "that", "which", "as", "its", "their", NULL };
static const char *const en_pre[] = {
	"Deeply", "Gravely", "Seriously", "Strongly", "Firmly", "Fully", "Profoundly", "Further",
	"Also", "Once again", "Again", "Having", "Being", "Equally", "Particularly", "Greatly",
	"Still", "Highly", "Sincerely", NULL
};
static const char *const en_heads[] = {
	"Bearing in mind", "Keeping in mind", "Having in mind", "Taking note", "Taking into account",
	"Taking into consideration", "Taking account", "Taking fully into account",
	"Noting with concern", "Noting with deep concern", "Noting with grave concern",
	"Noting with appreciation", "Noting with satisfaction", "Noting with interest",
	"Noting with regret", "Noting with alarm",
	"Encouraged by", "Guided by", "Inspired by", "Motivated by", "Moved by", "Prompted by",
	"Expressing concern", "Expressing deep concern", "Expressing grave concern",
	"Expressing its deep concern", "Expressing its grave concern", "Expressing its concern",
	"Expressing its appreciation", "Expressing its gratitude", "Expressing its support",
	"Expressing appreciation", "Expressing its deep appreciation", "Expressing its satisfaction",
	"Calls upon", "Calls on", "Calls for", "Takes note", "Takes into account", "Bears in mind",
	"Notes with concern", "Notes with deep concern", "Notes with grave concern",
	"Notes with appreciation", "Notes with satisfaction", "Notes with interest",
	"Expresses concern", "Expresses deep concern", "Expresses its deep concern",
	"Expresses its grave concern", "Expresses its concern", "Expresses its appreciation",
	"Expresses its gratitude", "Expresses its support", "Expresses its full support",
	"Expresses its deep appreciation", "Expresses its readiness", "Expresses the hope",
	"Draws attention", "Pays tribute", "Looks forward", "Takes note with appreciation",
	"Takes note with satisfaction", "Takes note with interest", "Taking note with appreciation",
	"Taking note with satisfaction", "Taking note with interest", "Welcomes with appreciation",
	"Welcoming with appreciation",
	NULL
};
static const char *const en_tails[] = {
	"also", "further", "furthermore", "moreover", "again", "once again", "once more",
	"in particular", "emphatically", "strongly", "firmly", "of", "with appreciation",
	"with satisfaction", "with concern", "with deep concern", "with grave concern",
	"with great concern", "with serious concern", "with interest", "with regret", "with alarm",
	"with deep appreciation", "with great satisfaction", "upon", "on", NULL
};

/* French */
static const struct organ_phrase fr_openings[] = {
	{ "L'Assemblée générale", ORGAN_GA, 0 },
	{ "L'Assemblee generale", ORGAN_GA, 0 },
	{ "Le Conseil de sécurité", ORGAN_SC, 0 },
	{ "Le Conseil de securite", ORGAN_SC, 0 },
	{ "Le Conseil des droits de l'homme", ORGAN_HRC, 1 },
	{ "Le Conseil économique et social", ORGAN_ECOSOC, 1 },
	{ NULL, ORGAN_NONE, 0 }
};
static const struct organ_phrase fr_organs[] = {
	{ "Assemblée générale", ORGAN_GA, 0 }, { "Conseil de sécurité", ORGAN_SC, 0 },
	{ "Conseil économique et social", ORGAN_ECOSOC, 0 },
	{ "Conseil des droits de l'homme", ORGAN_HRC, 0 }, { "Conseil de tutelle", ORGAN_TC, 0 },
	{ NULL, ORGAN_NONE, 0 }
};
static const struct agenda_phrase fr_agenda[] = {
	{ "Point", "ordre du jour" }, { "Points", "ordre du jour" }, { NULL, NULL }
};
static const struct lang_number fr_months[] = {
	{ "janvier", 1 }, { "février", 2 }, { "fevrier", 2 }, { "mars", 3 }, { "avril", 4 },
	{ "mai", 5 }, { "juin", 6 }, { "juillet", 7 }, { "août", 8 }, { "aout", 8 },
	{ "septembre", 9 }, { "octobre", 10 }, { "novembre", 11 }, { "décembre", 12 },
	{ "decembre", 12 }, { NULL, 0 }
};
static const struct lang_number fr_ordinals[] = {
	{ "premier", 1 }, { "première", 1 }, { "unième", 1 }, { "deuxième", 2 }, { "troisième", 3 },
	{ "quatrième", 4 }, { "cinquième", 5 }, { "sixième", 6 }, { "septième", 7 },
	{ "huitième", 8 }, { "neuvième", 9 }, { "dixième", 10 }, { "onzième", 11 },
	{ "douzième", 12 }, { "treizième", 13 }, { "quatorzième", 14 }, { "quinzième", 15 },
	{ "seizième", 16 }, { "vingtième", 20 }, { "trentième", 30 }, { "quarantième", 40 },
	{ "cinquantième", 50 }, { "soixantième", 60 }, { "quatre-vingtième", 80 },
	{ "dix", 10 }, { "vingt", 20 }, { "trente", 30 }, { "quarante", 40 }, { "cinquante", 50 },
	{ "soixante", 60 }, { "quatre-vingt", 80 }, { NULL, 0 }
};
static const char *const fr_un[] = { "Nations Unies", NULL };
static const char *const fr_resolution[] = { "Résolution", NULL };
static const char *const fr_adopted[] = { "Résolution adoptée par", "Adoptée par le", NULL };
static const char *const fr_report[] = { "[sur la base du rapport", "[sans renvoi", NULL };
static const char *const fr_session[] = { "session", NULL };
static const char *const fr_meeting_lines[] = {
	"#e séance plénière", "# e séance plénière", "#re séance plénière", "#er séance plénière",
	"#ème séance plénière", "#e seance pleniere", NULL
};
static const char *const fr_council_meetings[] = { "#e séance", "#re séance", NULL };
static const char *const fr_meeting_words[] = { "séance", NULL };
static const char *const fr_votes[] = {
	"Adoptée à l'unanimité", "Adoptée à la", "Adoptée sans vote", "Adoptée sans mise aux voix",
	"[Adoptée", NULL
};
static const char *const fr_annex[] = { "Annexe", "Appendice", NULL };
static const char *const fr_article[] = { "Article #", "Article premier", NULL };
static const char *const fr_conj[] = { "et", "ou", NULL };
static const char *const fr_open[] = { "le", "la", "les", "de", "des", "du", "à", "au",
	"aux", "en", "pour", "par", "sur", "dans", "avec", "que", "qui", "sa", "son", "ses", NULL };
static const char *const fr_pre[] = {
	"Profondément", "Gravement", "Vivement", "Sérieusement", "Fermement", "Énergiquement",
	"Se", "S'", "Ayant", "Étant", "Tout en", "De nouveau", "Également", NULL
};
static const char *const fr_heads[] = {
	"Prenant note", "Prend note", "Tenant compte", "Ayant à l'esprit", "Gardant à l'esprit",
	"Ayant présent à l'esprit", "Gardant présent à l'esprit", "Tient compte",
	"Se félicitant", "Se félicite", "Accueillant avec satisfaction", "Accueille avec satisfaction",
	"Notant avec préoccupation", "Note avec préoccupation", "Notant avec satisfaction",
	"Note avec satisfaction", "Exprimant sa profonde préoccupation", "Exprime sa profonde préoccupation",
	"Demande instamment", "Engage vivement", "Condamne énergiquement", "Condamne fermement",
	"Encouragée par", "Guidée par", "Guidé par", "Encouragé par", "Inspirée par",
	"Ayant examiné", "Ayant entendu", "Rend hommage", NULL
};
static const char *const fr_tails[] = {
	"également", "aussi", "en outre", "de plus", "de nouveau", "à nouveau", "encore",
	"énergiquement", "fermement", "vivement", "instamment", "en particulier", NULL
};

/* Spanish */
static const struct organ_phrase es_openings[] = {
	{ "La Asamblea General", ORGAN_GA, 0 },
	{ "El Consejo de Seguridad", ORGAN_SC, 0 },
	{ "El Consejo de Derechos Humanos", ORGAN_HRC, 1 },
	{ "El Consejo Económico y Social", ORGAN_ECOSOC, 1 },
	{ NULL, ORGAN_NONE, 0 }
};
static const struct organ_phrase es_organs[] = {
	{ "Asamblea General", ORGAN_GA, 0 }, { "Consejo de Seguridad", ORGAN_SC, 0 },
	{ "Consejo Económico y Social", ORGAN_ECOSOC, 0 },
	{ "Consejo de Derechos Humanos", ORGAN_HRC, 0 },
	{ "Consejo de Administración Fiduciaria", ORGAN_TC, 0 }, { NULL, ORGAN_NONE, 0 }
};
static const struct agenda_phrase es_agenda[] = {
	{ "Tema", "programa" }, { "Temas", "programa" }, { NULL, NULL }
};
static const struct lang_number es_months[] = {
	{ "enero", 1 }, { "febrero", 2 }, { "marzo", 3 }, { "abril", 4 }, { "mayo", 5 },
	{ "junio", 6 }, { "julio", 7 }, { "agosto", 8 }, { "septiembre", 9 }, { "setiembre", 9 },
	{ "octubre", 10 }, { "noviembre", 11 }, { "diciembre", 12 }, { NULL, 0 }
};
static const struct lang_number es_ordinals[] = {
	{ "primero", 1 }, { "primer", 1 }, { "segundo", 2 }, { "tercero", 3 }, { "tercer", 3 },
	{ "cuarto", 4 }, { "quinto", 5 }, { "sexto", 6 }, { "séptimo", 7 }, { "octavo", 8 },
	{ "noveno", 9 }, { "décimo", 10 }, { "undécimo", 11 }, { "duodécimo", 12 },
	{ "vigésimo", 20 }, { "trigésimo", 30 }, { "cuadragésimo", 40 }, { "quincuagésimo", 50 },
	{ "sexagésimo", 60 }, { "septuagésimo", 70 }, { "octogésimo", 80 }, { "nonagésimo", 90 },
	{ NULL, 0 }
};
static const char *const es_un[] = { "Naciones Unidas", NULL };
static const char *const es_resolution[] = { "Resolución", NULL };
static const char *const es_adopted[] = { "Resolución aprobada por", "Aprobada por el", NULL };
static const char *const es_report[] = { "[sobre la base del informe", "[sin remisión", NULL };
static const char *const es_session[] = { "período de sesiones", NULL };
static const char *const es_meeting_lines[] = {
	"#ª sesión plenaria", "#.ª sesión plenaria", "#a. sesión plenaria", "#a sesión plenaria",
	"#º sesión plenaria", "#ª sesion plenaria", "#a. sesion plenaria", "#a sesion plenaria",
	NULL
};
static const char *const es_council_meetings[] = { "#ª sesión", NULL };
static const char *const es_meeting_words[] = { "sesión", NULL };
static const char *const es_votes[] = {
	"Aprobada por unanimidad", "Aprobada en la", "Aprobada sin votación", "[Aprobada", NULL
};
static const char *const es_annex[] = { "Anexo", "Apéndice", NULL };
static const char *const es_article[] = { "Artículo #", NULL };
static const char *const es_conj[] = { "y", "o", NULL };
static const char *const es_open[] = { "el", "la", "los", "las", "de", "del", "a", "al",
	"en", "para", "por", "con", "que", "su", "sus", NULL };
static const char *const es_pre[] = {
	"Profundamente", "Gravemente", "Seriamente", "Firmemente", "Enérgicamente", "Además",
	"Asimismo", "También", "Nuevamente", "Habiendo", "Siendo", NULL
};
static const char *const es_heads[] = {
	"Teniendo presente", "Teniendo en cuenta", "Tomando nota", "Toma nota", "Tiene presente",
	"Acogiendo con beneplácito", "Acoge con beneplácito", "Acogiendo con satisfacción",
	"Acoge con satisfacción", "Observando con preocupación", "Observa con preocupación",
	"Observando con satisfacción", "Observa con satisfacción", "Expresando su profunda preocupación",
	"Expresa su profunda preocupación", "Condena enérgicamente", "Condena firmemente",
	"Insta encarecidamente", "Exhorta a", "Insta a", "Alentada por", "Alentado por",
	"Guiada por", "Guiado por", "Inspirada por", "Habiendo examinado", "Rinde homenaje", NULL
};
static const char *const es_tails[] = {
	"también", "además", "asimismo", "nuevamente", "una vez más", "de nuevo", "enérgicamente",
	"firmemente", "encarecidamente", "en particular", NULL
};

/* Russian */
static const struct organ_phrase ru_openings[] = {
	{ "Генеральная Ассамблея", ORGAN_GA, 0 },
	{ "Совет Безопасности", ORGAN_SC, 0 },
	{ "Совет по правам человека", ORGAN_HRC, 1 },
	{ "Экономический и Социальный Совет", ORGAN_ECOSOC, 1 },
	{ NULL, ORGAN_NONE, 0 }
};
static const struct organ_phrase ru_organs[] = {
	{ "Генеральная Ассамблея", ORGAN_GA, 0 }, { "Генеральной Ассамблеей", ORGAN_GA, 0 },
	{ "Генеральной Ассамблеи", ORGAN_GA, 0 }, { "Совет Безопасности", ORGAN_SC, 0 },
	{ "Советом Безопасности", ORGAN_SC, 0 },
	{ "Экономический и Социальный Совет", ORGAN_ECOSOC, 0 },
	{ "Совет по правам человека", ORGAN_HRC, 0 }, { "Совет по Опеке", ORGAN_TC, 0 },
	{ NULL, ORGAN_NONE, 0 }
};
static const struct agenda_phrase ru_agenda[] = {
	{ "Пункт", "повестки" }, { "Пункты", "повестки" }, { NULL, NULL }
};
static const struct lang_number ru_months[] = {
	{ "января", 1 }, { "февраля", 2 }, { "марта", 3 }, { "апреля", 4 }, { "мая", 5 },
	{ "июня", 6 }, { "июля", 7 }, { "августа", 8 }, { "сентября", 9 }, { "октября", 10 },
	{ "ноября", 11 }, { "декабря", 12 }, { NULL, 0 }
};
static const struct lang_number ru_ordinals[] = {
	{ "первая", 1 }, { "вторая", 2 }, { "третья", 3 }, { "четвертая", 4 }, { "четвёртая", 4 },
	{ "пятая", 5 }, { "шестая", 6 }, { "седьмая", 7 }, { "восьмая", 8 }, { "девятая", 9 },
	{ "десятая", 10 }, { "одиннадцатая", 11 }, { "двенадцатая", 12 }, { "двадцатая", 20 },
	{ "тридцатая", 30 }, { "сороковая", 40 }, { "пятидесятая", 50 }, { "шестидесятая", 60 },
	{ "семидесятая", 70 }, { "восьмидесятая", 80 }, { "девяностая", 90 },
	{ "двадцать", 20 }, { "тридцать", 30 }, { "сорок", 40 }, { "пятьдесят", 50 },
	{ "шестьдесят", 60 }, { "семьдесят", 70 }, { "восемьдесят", 80 }, { "девяносто", 90 },
	{ NULL, 0 }
};
static const char *const ru_un[] = { "Организация Объединенных Наций", NULL };
static const char *const ru_resolution[] = { "Резолюция", NULL };
static const char *const ru_adopted[] = { "Резолюция, принятая", "Принята Советом", NULL };
static const char *const ru_report[] = { "[по докладу", "[без передачи", NULL };
static const char *const ru_session[] = { "сессия", NULL };
static const char *const ru_meeting_lines[] = {
	"#-е пленарное заседание", "#-e пленарное заседание", "# пленарное заседание", NULL
};
static const char *const ru_council_meetings[] = { "#-е заседание", NULL };
static const char *const ru_meeting_words[] = { "заседании", NULL };
static const char *const ru_votes[] = {
	"Принята единогласно", "Принята на", "Принята без голосования", "[Принята", NULL
};
static const char *const ru_annex[] = { "Приложение", NULL };
static const char *const ru_article[] = { "Статья #", NULL };
static const char *const ru_conj[] = { "и", "или", NULL };
static const char *const ru_open[] = { "в", "на", "с", "по", "для", "от", "к", "о", "что",
	NULL };
static const char *const ru_pre[] = {
	"Вновь", "Глубоко", "Серьезно", "Решительно", "Настоятельно", "Твердо", "Также", "Далее",
	"Будучи", "Особо", "Еще раз", NULL
};
static const char *const ru_heads[] = {
	"Принимая во внимание", "Принимая к сведению", "Принимает к сведению",
	"Будучи глубоко обеспокоена", "Будучи глубоко обеспокоен",
	"Будучи убеждена", "Будучи убежден", "Руководствуясь", "Учитывая",
	"Выражая глубокую обеспокоенность", "Выражает глубокую обеспокоенность",
	"С удовлетворением отмечая", "С удовлетворением отмечает", "С озабоченностью отмечая",
	"С озабоченностью отмечает", "С признательностью отмечая", "С признательностью отмечает",
	"Настоятельно призывает", "Решительно осуждает",
	"Отдает должное", NULL
};
static const char *const ru_tails[] = {
	"также", "далее", "вновь", "еще раз", "решительно", "настоятельно", "в частности", NULL
};

/* Chinese */
static const struct organ_phrase zh_openings[] = {
	{ "大会", ORGAN_GA, 0 },
	{ "安全理事会", ORGAN_SC, 0 },
	{ "安理会", ORGAN_SC, 0 },
	{ "人权理事会", ORGAN_HRC, 1 },
	{ "经济及社会理事会", ORGAN_ECOSOC, 1 },
	{ NULL, ORGAN_NONE, 0 }
};
static const struct organ_phrase zh_organs[] = {
	{ "大会", ORGAN_GA, 0 }, { "安全理事会", ORGAN_SC, 0 },
	{ "经济及社会理事会", ORGAN_ECOSOC, 0 }, { "人权理事会", ORGAN_HRC, 0 },
	{ "托管理事会", ORGAN_TC, 0 }, { NULL, ORGAN_NONE, 0 }
};
static const struct agenda_phrase zh_agenda[] = { { "议程项目", NULL }, { NULL, NULL } };
/* months are numbers ("2003年12月22日", read by date_ymd): the ideographs of the numbers */
static const struct lang_number zh_months[] = {
	{ "一月", 1 }, { "二月", 2 }, { "三月", 3 }, { "四月", 4 }, { "五月", 5 }, { "六月", 6 },
	{ "七月", 7 }, { "八月", 8 }, { "九月", 9 }, { "十月", 10 }, { "十一月", 11 },
	{ "十二月", 12 }, { NULL, 0 }
};
/* "第七十九": digits, then 十 and 百 multiply what comes before (zh_number) */
static const struct lang_number zh_ordinals[] = {
	{ "零", 0 }, { "一", 1 }, { "二", 2 }, { "三", 3 }, { "四", 4 }, { "五", 5 }, { "六", 6 },
	{ "七", 7 }, { "八", 8 }, { "九", 9 }, { "十", 10 }, { "百", 100 }, { NULL, 0 }
};
static const char *const zh_un[] = { "联合国", NULL };
static const char *const zh_resolution[] = { "决议", NULL };
static const char *const zh_adopted[] = { "大会_#_年", "#_年_#_月_#_日_安全理事会", NULL };
static const char *const zh_report[] = { "[根据", "[未发交", "[未交", NULL };
static const char *const zh_session[] = { "届会议", NULL };
static const char *const zh_meeting_lines[] = { "第_#_次全体会议", "第_#_次全会", NULL };
static const char *const zh_council_meetings[] = { "第_#_次会议", NULL };
static const char *const zh_meeting_words[] = { "次会议", NULL };
static const char *const zh_votes[] = { "一致通过", "未经表决通过", NULL };
static const char *const zh_annex[] = { "附件", NULL };
static const char *const zh_article[] = { "第_#_条", NULL };
static const char *const zh_conj[] = { "和", "或", NULL };
static const char *const zh_open[] = { "的", "在", "对", NULL };
static const char *const zh_pre[] = {
	"又", "还", "并", "再次", "也", "另", "进一步", "深为", "深切", "强烈", "严重", "坚决", NULL
};
static const char *const zh_heads[] = {
	"回顾", "重申", "铭记", "关切", "关注", "注意到", "欢迎", "确认", "强调", "深信", "认识到",
	"意识到", "考虑到", "申明", "审议了", "表示", "赞赏", "鼓励", "受到鼓舞", "遵循", "念及",
	"忆及", "震惊", "承认", "肯定", "重视", "满意地注意到", "关切地注意到", "赞赏地注意到",
	"决定", "请", "吁请", "呼吁", "促请", "敦促", "谴责", "强烈谴责", "邀请", "建议", "支持",
	"核可", "通过", "赞扬", "感谢", "鼓励", "授权", "要求", "责成", "注意到", "满意地注意到",
	"表示深切关注", "表示关切", "致意", NULL
};
static const char *const zh_tails[] = { "又", "还", NULL };

/* Arabic */
static const struct organ_phrase ar_openings[] = {
	{ "إن الجمعية العامة", ORGAN_GA, 0 },
	{ "ان الجمعية العامة", ORGAN_GA, 0 },
	{ "الجمعية العامة", ORGAN_GA, 1 },
	{ "إن مجلس الأمن", ORGAN_SC, 0 },
	{ "مجلس الأمن", ORGAN_SC, 1 },
	{ "إن مجلس حقوق الإنسان", ORGAN_HRC, 1 },
	{ "إن المجلس الاقتصادي والاجتماعي", ORGAN_ECOSOC, 1 },
	{ NULL, ORGAN_NONE, 0 }
};
static const struct organ_phrase ar_organs[] = {
	{ "الجمعية العامة", ORGAN_GA, 0 }, { "مجلس الأمن", ORGAN_SC, 0 },
	{ "المجلس الاقتصادي والاجتماعي", ORGAN_ECOSOC, 0 }, { "مجلس حقوق الإنسان", ORGAN_HRC, 0 },
	{ "مجلس الوصاية", ORGAN_TC, 0 }, { NULL, ORGAN_NONE, 0 }
};
static const struct agenda_phrase ar_agenda[] = {
	{ "البند", "جدول الأعمال" }, { "البندان", "جدول الأعمال" }, { NULL, NULL }
};
/* UN texts write the Levantine and the Egyptian name, "كانون الأول/ديسمبر" */
static const struct lang_number ar_months[] = {
	{ "كانون الثاني", 1 }, { "شباط", 2 }, { "آذار", 3 }, { "نيسان", 4 }, { "أيار", 5 },
	{ "حزيران", 6 }, { "تموز", 7 }, { "آب", 8 }, { "أيلول", 9 }, { "تشرين الأول", 10 },
	{ "تشرين الثاني", 11 }, { "كانون الأول", 12 },
	{ "يناير", 1 }, { "فبراير", 2 }, { "مارس", 3 }, { "أبريل", 4 }, { "مايو", 5 },
	{ "يونيه", 6 }, { "يونيو", 6 }, { "يوليه", 7 }, { "يوليو", 7 }, { "أغسطس", 8 },
	{ "سبتمبر", 9 }, { "أكتوبر", 10 }, { "نوفمبر", 11 }, { "ديسمبر", 12 }, { NULL, 0 }
};
static const struct lang_number ar_ordinals[] = {
	{ "الأولى", 1 }, { "الحادية", 1 }, { "الثانية", 2 }, { "الثالثة", 3 }, { "الرابعة", 4 },
	{ "الخامسة", 5 }, { "السادسة", 6 }, { "السابعة", 7 }, { "الثامنة", 8 }, { "التاسعة", 9 },
	{ "العاشرة", 10 }, { "عشرة", 10 }, { "العشرون", 20 }, { "الثلاثون", 30 },
	{ "الأربعون", 40 }, { "الخمسون", 50 }, { "الستون", 60 }, { "السبعون", 70 },
	{ "الثمانون", 80 }, { "التسعون", 90 }, { NULL, 0 }
};
static const char *const ar_un[] = { "الأمم المتحدة", NULL };
static const char *const ar_resolution[] = { "قرار", NULL };
static const char *const ar_adopted[] = { "قرار اتخذته", "اتخذه مجلس الأمن", NULL };
static const char *const ar_report[] = { "[بناء على تقرير", "[دون إحالة", NULL };
static const char *const ar_session[] = { "الدورة", NULL };
static const char *const ar_meeting_lines[] = {
	"الجلسة العامة #", "الجلسة العامة _#", "الجلسة العامة رقم #", NULL
};
static const char *const ar_council_meetings[] = { "الجلسة #", NULL };
static const char *const ar_meeting_words[] = { "جلسته", "الجلسة", NULL };
static const char *const ar_votes[] = {
	"اتخذ بالإجماع", "اتخذ في الجلسة", "اعتمد بالإجماع", "اتُخذ بالإجماع", NULL
};
static const char *const ar_annex[] = { "مرفق", "المرفق", NULL };
static const char *const ar_article[] = { "المادة #", NULL };
static const char *const ar_conj[] = { "و", "أو", NULL };
static const char *const ar_open[] = { "في", "من", "على", "إلى", "عن", "مع", NULL };
static const char *const ar_pre[] = {
	"وإذ", "إذ", "واذ", "اذ", "وهي", "وهو", NULL
};
static const char *const ar_heads[] = {
	"تضع في اعتبارها", "يضع في اعتباره", "تحيط علما", "يحيط علما", "تهيب ب", "يهيب ب",
	"يساورها بالغ القلق", "يساوره بالغ القلق", "يساورها القلق", "يساوره القلق",
	"تؤكد من جديد", "يؤكد من جديد", "تدين بشدة", "يدين بشدة", "تعرب عن بالغ قلقها",
	"يعرب عن بالغ قلقه", "تعرب عن", "يعرب عن", "تأخذ في الاعتبار", "يأخذ في الاعتبار",
	NULL
};
static const char *const ar_tails[] = {
	"أيضا", "أيضاً", "كذلك", "من جديد", "مجددا", "بشدة", "علما", "أيضا علما", NULL
};

#define LANG_ROW(l, session_last, any_word, cjk) { #l, l##_openings, l##_organs, l##_agenda, \
	l##_months, l##_ordinals, session_last, any_word, cjk, l##_un, l##_resolution, \
	l##_adopted, l##_report, l##_session, l##_meeting_lines, l##_council_meetings, \
	l##_meeting_words, l##_votes, l##_annex, l##_article, l##_conj, l##_open, l##_pre, l##_heads, \
	l##_tails }

const struct lang_phrases lang_tables[] = {
	LANG_ROW(en, 1, 0, 0),
	LANG_ROW(fr, 1, 1, 0),
	LANG_ROW(es, 1, 1, 0),
	LANG_ROW(ru, 1, 1, 0),
	LANG_ROW(zh, 1, 0, 1),
	LANG_ROW(ar, 0, 1, 0),
};
const size_t lang_ntables = sizeof lang_tables / sizeof lang_tables[0];

#define EACH_LANG(t) for (const struct lang_phrases *t = lang_tables; \
	t < lang_tables + lang_ntables; t++)

static const char *const organ_english[ORGAN_COUNT] = {
	[ORGAN_GA] = "General Assembly", [ORGAN_SC] = "Security Council",
	[ORGAN_ECOSOC] = "Economic and Social Council", [ORGAN_HRC] = "Human Rights Council",
	[ORGAN_TC] = "Trusteeship Council"
};

const char *lang_organ_name(enum organ o)
{
	return o > ORGAN_NONE && o < ORGAN_COUNT ? organ_english[o] : NULL;
}

/* Words in -ed or -ing that open a wrapped line without being a participle. */
static const char *const en_not_participles[] = {
	"United", "Hundred", "Kindred", "Sacred", "Naked", "Wicked", "Red", "Bed", "Ahmed",
	"Mohammed", "Mohamed", "Beijing", "Nanjing", "Chongqing", "Kunming", "Thing", "Things",
	"Nothing", "Something", "Anything", "Everything", "King", "Kingdom", "Spring", "Ring",
	"During", "Morning", "Evening", "Ceiling", NULL
};

/* Participles in -en and adjectives of attitude that open a preambular paragraph. */
static const char *const en_adjectives[] = {
	"Given", "Taken", "Driven", "Shaken", "Stricken",
	"Aware", "Mindful", "Conscious", "Cognizant", "Cognisant", "Desirous", "Confident",
	"Anxious", "Appreciative", "Grateful", "Resolved", "Committed", "Determined", "Convinced",
	NULL
};

/* --- the tables indexed by first byte --------------------------------------------------- */

/* Tables of 70 phrases are tried at every paragraph, and most phrases fail at the text's
 * first character. An index, derived from the tables at the first use, gives for the first
 * byte of a text the phrases that may match there (may_match), in the table's order, so
 * that the longest match, and the first of equal ones, are those of the whole table. The
 * texts are sorted into buckets: one per ASCII byte; the lead bytes of U+0130 and U+212A,
 * which fold to ASCII letters (0xC4, 0xE2); any other non-ASCII byte; the empty text. */
enum { LEAD_C4 = 128, LEAD_E2 = 129, NON_ASCII = 130, EMPTY = 131, BUCKETS = 132 };

enum {
#define LANG_CELL(name, what) CELL_##name,
	LANG_LISTS(LANG_CELL)
#undef LANG_CELL
	NCELLS
};
#define NLANGS (sizeof lang_tables / sizeof lang_tables[0])

/* A phrase of a table and what its row gives: the organ, the month's number, or for a list
 * of words its place in its language's list; the row itself for openings and agenda lines. */
struct phrase {
	const char *words;
	int value;
	const void *row;
	unsigned char after_number;     /* "#st meeting": the ASCII character after the
	                                 * opening number, 0 when none or not a plain one */
	/* The phrase's first 16 bytes as far as each matches one byte of ASCII text (a letter
	 * either case, ' ' one space, other ASCII but '_' and '#' itself), for lead_fails():
	 * text | fold, masked, equals key where those bytes match. In memory order. */
	uint64_t key[2], fold[2], mask[2];
};

struct phrase_index {
	atomic_int ready;               /* built (by the first thread to use it) */
	const struct phrase *v;         /* the phrases, in the table's order */
	uint16_t at[BUCKETS + 1];       /* pick[at[b]] .. pick[at[b + 1]]: those of bucket b */
	const uint16_t *pick;           /* positions in v */
	const uint8_t *shared;          /* the bytes each pick opens with as the one before it
	                                 * in its bucket ("Noting with", "Noting with deep") */
};

/* Room for every phrase of every index (each phrase is in its language's index and in the
 * all-language one) and for the buckets they are in; the tables are constant, so whether
 * they fit is known at the first run of test_lang, which builds them all. Each index is built
 * at its first use, under ix_lock: a small file uses a few. */
enum { PHRASES_MAX = 4096, PICKS_MAX = 32768 };

static struct {
	struct phrase_index cell[NCELLS];               /* every language's phrases of a cell */
	struct phrase_index lang_cell[NLANGS][NCELLS];  /* one language's */
	struct phrase_index openings, organs, agenda, months, not_participles, adjectives,
		words[3];
	struct phrase v[PHRASES_MAX];
	uint16_t pick[PICKS_MAX];
	uint8_t shared[PICKS_MAX];
	size_t nv, npick;
} ix;
static pthread_mutex_t ix_lock = PTHREAD_MUTEX_INITIALIZER;

static int bucket_of(const char *s, size_t len)
{
	if (len == 0)
		return EMPTY;
	unsigned char b = (unsigned char)s[0];
	return b < 0x80 ? b : b == 0xC4 ? LEAD_C4 : b == 0xE2 ? LEAD_E2 : NON_ASCII;
}

/* The buckets of the texts at which may_match() may give 1 for p, by its cases: the empty
 * text always; a pattern opening with '_' (or empty) any text, and so one opening with a
 * non-ASCII character that folds to ASCII; text opening with the lead byte of U+0130 or
 * U+212A any other pattern; other non-ASCII text a pattern opening with non-ASCII, a space,
 * a digit, an apostrophe or a hyphen (which have non-ASCII forms); ASCII text: a letter in
 * either case, ' ' an ASCII space, '#' a digit, other ASCII itself. lang_index_check()
 * holds this against may_match() at every byte. */
static int pattern_buckets(const char *p, uint8_t in[BUCKETS])
{
	unsigned char p0 = (unsigned char)p[0];
	int n = 0;
	if (!p0 || p0 == '_' || (p0 >= 0x80 && non_ascii_may_match(p))) {
		for (int b = 0; b < BUCKETS; b++)
			in[n++] = (uint8_t)b;
		return n;
	}
	in[n++] = EMPTY;
	in[n++] = LEAD_C4;
	in[n++] = LEAD_E2;
	if (p0 >= 0x80 || p0 == ' ' || p0 == '#' || p0 == '\'' || p0 == '-')
		in[n++] = NON_ASCII;
	if (p0 >= 0x80)
		return n;
	if (p0 == ' ') {
		in[n++] = ' ';
		in[n++] = '\t';
		in[n++] = '\n';
		in[n++] = '\r';
	} else if (p0 == '#') {
		for (int d = '0'; d <= '9'; d++)
			in[n++] = (uint8_t)d;
	} else if (ascii_letter(p0)) {
		in[n++] = (uint8_t)ascii_lower(p0);
		in[n++] = (uint8_t)(ascii_lower(p0) - ('a' - 'A'));
	} else {
		in[n++] = p0;
	}
	return n;
}

static _Noreturn void index_outgrown(void)
{
	fputs("gavel: the index of lang.c's tables outgrew PHRASES_MAX or PICKS_MAX\n", stderr);
	abort();
}

static void index_begin(struct phrase_index *x)
{
	x->v = ix.v + ix.nv;
}

static void index_add(const char *words, int value, const void *row)
{
	if (ix.nv == PHRASES_MAX)
		index_outgrown();
	unsigned char after = words[0] == '#' ? (unsigned char)words[1] : 0;
	if (after >= 0x80 || after == ' ' || after == '_' || after == '#')
		after = 0;
	struct phrase *ph = &ix.v[ix.nv++];
	*ph = (struct phrase){ words, value, row, after, { 0 }, { 0 }, { 0 } };
	unsigned char key[16] = { 0 }, fold[16] = { 0 }, mask[16] = { 0 };
	for (size_t k = 0; k < sizeof key; k++) {
		unsigned char c = (unsigned char)words[k];
		if (!c || c >= 0x80 || c == '_' || c == '#')
			break;
		mask[k] = 0xFF;
		fold[k] = ascii_letter(c) ? 0x20 : 0;
		key[k] = (unsigned char)ascii_lower(c);
	}
	memcpy(ph->key, key, sizeof key);
	memcpy(ph->fold, fold, sizeof fold);
	memcpy(ph->mask, mask, sizeof mask);
}

/* Sorts the phrases added since index_begin into their buckets. */
static void index_end(struct phrase_index *x)
{
	size_t n = (size_t)(ix.v + ix.nv - x->v);
	uint8_t in[BUCKETS];
	uint16_t count[BUCKETS] = { 0 };
	size_t total = 0;
	for (size_t k = 0; k < n; k++) {
		int m = pattern_buckets(x->v[k].words, in);
		for (int j = 0; j < m; j++)
			count[in[j]]++;
		total += (size_t)m;
	}
	if (ix.npick + total > PICKS_MAX)
		index_outgrown();
	uint16_t *pick = ix.pick + ix.npick;
	uint8_t *shared = ix.shared + ix.npick;
	x->pick = pick;
	x->shared = shared;
	x->at[0] = 0;
	for (int b = 0; b < BUCKETS; b++)
		x->at[b + 1] = (uint16_t)(x->at[b] + count[b]);
	uint16_t fill[BUCKETS];
	memcpy(fill, x->at, sizeof fill);
	for (size_t k = 0; k < n; k++) {
		int m = pattern_buckets(x->v[k].words, in);
		for (int j = 0; j < m; j++) {
			uint16_t at = fill[in[j]]++;
			pick[at] = (uint16_t)k;
			/* the bytes it opens with as the phrase before it in the bucket */
			size_t c = 0;
			if (at > x->at[in[j]]) {
				const char *p = x->v[pick[at - 1]].words, *q = x->v[k].words;
				while (p[c] && p[c] == q[c] && c < UINT8_MAX)
					c++;
			}
			shared[at] = (uint8_t)c;
		}
	}
	ix.npick += total;
}

static const size_t cell_offsets[NCELLS] = {
#define LANG_CELL(name, what) offsetof(struct lang_phrases, name),
	LANG_LISTS(LANG_CELL)
#undef LANG_CELL
};

static const char *const *cell_list(const struct lang_phrases *t, int c)
{
	return *(const char *const *const *)((const char *)t + cell_offsets[c]);
}

/* The phrases of the tables, for one index each. */
static void fill_cell(int c, int lang)
{
	for (size_t l = 0; l < NLANGS; l++)
		if (lang < 0 || (size_t)lang == l) {
			const char *const *list = cell_list(&lang_tables[l], c);
			for (int k = 0; list[k]; k++)
				index_add(list[k], k, NULL);
		}
}

static void fill_openings(int a, int b)
{
	(void)a, (void)b;
	EACH_LANG(t)
		for (int k = 0; t->openings[k].words; k++)
			index_add(t->openings[k].words, (int)t->openings[k].organ, &t->openings[k]);
}

static void fill_organs(int a, int b)
{
	(void)a, (void)b;
	EACH_LANG(t)
		for (int k = 0; t->organ_names[k].words; k++)
			index_add(t->organ_names[k].words, (int)t->organ_names[k].organ, NULL);
}

static void fill_agenda(int a, int b)
{
	(void)a, (void)b;
	EACH_LANG(t)
		for (int k = 0; t->agenda[k].word; k++)
			index_add(t->agenda[k].word, k, &t->agenda[k]);
}

static void fill_months(int a, int b)
{
	(void)a, (void)b;
	EACH_LANG(t)
		for (int k = 0; t->months[k].word; k++)
			index_add(t->months[k].word, t->months[k].value, NULL);
}

static void fill_en_lists(int which, int b)
{
	(void)b;
	const char *const *list = which ? en_adjectives : en_not_participles;
	for (int k = 0; list[k]; k++)
		index_add(list[k], k, NULL);
}

static void fill_words(int l, int b)
{
	(void)b;
	const char *const *list = l == 0 ? words_en : l == 1 ? words_fr : words_es;
	for (int k = 0; list[k]; k++)
		index_add(list[k], k, NULL);
}

/* x, built by fill(a, b) at the first use of any thread. */
static const struct phrase_index *index_of(struct phrase_index *x, void (*fill)(int, int),
                                           int a, int b)
{
	if (!atomic_load_explicit(&x->ready, memory_order_acquire)) {
		pthread_mutex_lock(&ix_lock);
		if (!atomic_load_explicit(&x->ready, memory_order_relaxed)) {
			index_begin(x);
			fill(a, b);
			index_end(x);
			atomic_store_explicit(&x->ready, 1, memory_order_release);
		}
		pthread_mutex_unlock(&ix_lock);
	}
	return x;
}

/* The phrases of cell c of one language (lang < 0: of every language, in order). */
static const struct phrase_index *cell_index(int c, int lang)
{
	return index_of(lang < 0 ? &ix.cell[c] : &ix.lang_cell[lang][c], fill_cell, c, lang);
}

#define OPENINGS index_of(&ix.openings, fill_openings, 0, 0)
#define ORGANS index_of(&ix.organs, fill_organs, 0, 0)
#define AGENDA index_of(&ix.agenda, fill_agenda, 0, 0)
#define MONTHS index_of(&ix.months, fill_months, 0, 0)
#define NOT_PARTICIPLES index_of(&ix.not_participles, fill_en_lists, 0, 0)
#define ADJECTIVES index_of(&ix.adjectives, fill_en_lists, 1, 0)

/* The frequent words of English (0), French (1), Spanish (2). */
static const struct phrase_index *words_index(int l)
{
	return index_of(&ix.words[l], fill_words, l, 0);
}

/* The place of the first byte d marks (d != 0; words loaded in memory order). */
static size_t first_byte(uint64_t d)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return (size_t)__builtin_clzll(d) / 8;
#else
	return (size_t)__builtin_ctzll(d) / 8;
#endif
}

/* Whether ph surely fails at s, told by its opening bytes against the text's first 16
 * (t, 0 past the end) without the matcher; *fail then gets what match_to() gives. Most
 * phrases a bucket offers fail within their first bytes ("Expresses its" at "Expressing
 * its"). Where the first byte that differs is a space or non-ASCII in the text, a space of
 * the phrase may take more than one byte or a letter fold to ASCII: the matcher tells. */
static inline int lead_fails(const struct phrase *ph, const uint64_t t[2], const char *s,
                             size_t len, size_t *fail)
{
	for (size_t h = 0; h < 2; h++) {
		uint64_t d = ((t[h] | ph->fold[h]) & ph->mask[h]) ^ ph->key[h];
		if (!d)
			continue;
		size_t at = 8 * h + first_byte(d);
		if (at < len) {
			unsigned char c = (unsigned char)s[at];
			if (c >= 0x80 || c == ' ' || c == '\t' || c == '\n' || c == '\r')
				return 0;
		}
		*fail = at + 1;
		return 1;
	}
	return 0;
}

/* Longest match at s of the phrases of x; *which (when not NULL) gets the phrase. leads:
 * lead_fails() first (lang_index_match_check() compares with the matcher alone). */
static inline size_t match_index_leads(const struct phrase_index *x, const char *s, size_t len,
                                       const struct phrase **which, int leads)
{
	int b = bucket_of(s, len);
	size_t best = 0, fail = SIZE_MAX;
	if (x->at[b] == x->at[b + 1])
		return 0;               /* no phrase may match here: most calls */
	/* a number: every phrase opening with one reads the same digits, and one going on with
	 * an ASCII character (a letter in either case, an apostrophe or hyphen only itself) goes
	 * on only where the text does so after the ASCII digits ("1. Decides" is no "1st") */
	unsigned char after = 0;
	int number = b >= '0' && b <= '9';
	if (number) {
		size_t d = 1;
		while (d < len && s[d] >= '0' && s[d] <= '9')
			d++;
		after = d < len ? (unsigned char)s[d] : 0;
		number = after < 0x80;          /* digits of another script may go on */
	}
	uint64_t t[2];
	if (len >= sizeof t) {
		memcpy(t, s, sizeof t);         /* two loads, where a copy of len bytes is a call */
	} else {
		unsigned char head[sizeof t] = { 0 };
		memcpy(head, s, len);
		memcpy(t, head, sizeof t);
	}
	for (size_t j = x->at[b]; j < x->at[b + 1]; j++) {
		/* a phrase opening as the one before up to where that one failed fails too */
		if (x->shared[j] >= fail)
			continue;
		const struct phrase *ph = &x->v[x->pick[j]];
		if (number && ph->after_number && ascii_lower(ph->after_number) != ascii_lower(after)) {
			fail = 2;               /* where match_to would have failed */
			continue;
		}
		if (leads && lead_fails(ph, t, s, len, &fail))
			continue;
		size_t n = match_to(s, len, ph->words, &fail);
		if (!n)
			continue;
		fail = SIZE_MAX;
		if (n > best) {
			best = n;
			if (which)
				*which = ph;
		}
	}
	return best;
}

static size_t match_index(const struct phrase_index *x, const char *s, size_t len,
                          const struct phrase **which)
{
	return match_index_leads(x, s, len, which, 1);
}

/* Whether match_index() finds the same phrase at s[0..len) with lead_fails() as without,
 * in index x. */
static int index_match_same(const struct phrase_index *x, const char *s, size_t len)
{
	const struct phrase *w1 = NULL, *w2 = NULL;
	size_t n1 = match_index_leads(x, s, len, &w1, 1);
	size_t n2 = match_index_leads(x, s, len, &w2, 0);
	return n1 == n2 && w1 == w2;
}

/* Whether x's buckets hold, in order, every phrase may_match() gives 1 for at a text
 * opening with their byte, and all at the empty text. */
static int index_holds(const struct phrase_index *x)
{
	size_t n = x->at[EMPTY + 1] - x->at[EMPTY];
	for (int b = 0; b < BUCKETS; b++)
		for (uint16_t k = x->at[b]; k + 1 < x->at[b + 1]; k++)
			if (x->pick[k] >= x->pick[k + 1])
				return 0;
	for (size_t k = 0; k < n; k++) {
		for (int c = 0; c < 256; c++) {
			char t = (char)c;
			int b = bucket_of(&t, 1), in = 0;
			for (uint16_t j = x->at[b]; j < x->at[b + 1]; j++)
				in |= x->pick[j] == k;
			if (may_match(&t, 1, x->v[k].words) && !in)
				return 0;
		}
	}
	return 1;
}

int lang_index_check(void)
{
	int ok = 1;
	for (int c = 0; c < NCELLS; c++)
		for (int l = -1; l < (int)NLANGS; l++)
			ok &= index_holds(cell_index(c, l));
	const struct phrase_index *rest[] = { OPENINGS, ORGANS, AGENDA, MONTHS, NOT_PARTICIPLES,
		ADJECTIVES, words_index(0), words_index(1), words_index(2) };
	for (size_t r = 0; r < sizeof rest / sizeof rest[0]; r++)
		ok &= index_holds(rest[r]);
	return ok;
}

/* Longest match at s of any pattern of one cell in every language. */
#define MATCH_CELL(name, s, len) match_index(cell_index(CELL_##name, -1), s, len, NULL)

/* --- openings ------------------------------------------------------------------------- */

static size_t comma_len(const char *s, size_t len)
{
	ucs4_t c;
	size_t k = cp_at(s, len, &c);
	return (c == ',' || c == 0xFF0C || c == 0x60C || c == 0x3001) ? k : 0;
}

/* Whether the opening op matches at s[i..len) (its organ, comma and length set). */
static size_t opening_at(const struct organ_phrase *op, const char *s, size_t len, size_t i,
                         const char **organ, int *comma)
{
	if (!may_match(s + i, len - i, op->words))
		return 0;              /* the usual case, without a call: this runs per block */
	size_t n = match(s + i, len - i, op->words);
	if (!n)
		return 0;
	size_t end = i + n;
	size_t j = skip_spaces(s, len, end);
	size_t c = j < len ? comma_len(s + j, len - j) : 0;
	/* "The Security Council." alone: the comma misread (OCR) */
	if (!c && j + 1 == len && s[j] == '.' && j == end)
		c = 1;
	if (c) {
		if (organ)
			*organ = lang_organ_name(op->organ);
		if (comma)
			*comma = 1;
		return j + c;
	}
	if (op->needs_comma)
		return 0;
	/* without a comma it must stand alone ("The General Assembly" then "Adopts ...");
	 * "大会决定" or "The General Assembly decides" is a sentence, not the opening */
	int alone = j >= len || s[j] == '\n';
	if (!alone && j > end) {
		/* "The General Assembly Adopts the Declaration" glued onto one line (Latin and
		 * Cyrillic openings only) */
		ucs4_t uc, first;
		cp_at(s + j, len - j, &uc);
		cp_at(op->words, strlen(op->words), &first);
		alone = uc_is_upper(uc) && first < 0x250;
	}
	if (!alone)
		return 0;
	if (organ)
		*organ = lang_organ_name(op->organ);
	if (comma)
		*comma = 0;
	return end;
}

size_t lang_opening(const char *s, size_t len, const char **organ, int *comma)
{
	size_t i = skip_spaces(s, len, 0);
	/* the first that matches, of those that may at its first byte */
	const struct phrase_index *x = OPENINGS;
	int b = bucket_of(s + i, len - i);
	for (const uint16_t *k = x->pick + x->at[b]; k < x->pick + x->at[b + 1]; k++) {
		size_t n = opening_at(x->v[*k].row, s, len, i, organ, comma);
		if (n)
			return n;
	}
	return 0;
}

size_t lang_other_opening(const char *s, size_t n)
{
	static const char *const heads[] = { "Council,", "Assembly,", "Commission,", "Conference,",
		"Committee,", "Board,", "Forum,", NULL };
	static const char *const small[] = { "and ", "of ", "on ", "for ", NULL };
	if (n < 10 || n > 80 || memcmp(s, "The ", 4) != 0 || s[n - 1] != ',')
		return 0;
	for (size_t i = 4; i < n; i++) {
		/* every word capitalised, or one of the small words of organ names */
		if (i != 4 && s[i - 1] != ' ')
			continue;
		int ok = s[i] >= 'A' && s[i] <= 'Z';
		for (size_t w = 0; !ok && small[w]; w++)
			ok = n - i >= strlen(small[w]) && memcmp(s + i, small[w], strlen(small[w])) == 0;
		if (!ok)
			return 0;
	}
	for (size_t k = 0; heads[k]; k++) {
		size_t hl = strlen(heads[k]);
		if (n > hl && memcmp(s + n - hl, heads[k], hl) == 0)
			return n;
	}
	return 0;
}

/* --- organs, mastheads and header lines ----------------------------------------------- */

size_t lang_organ_at(const char *s, size_t len, enum organ *organ)
{
	const struct phrase *which;
	size_t n = match_index(ORGANS, s, len, &which);
	if (n && organ)
		*organ = (enum organ)which->value;
	return n;
}

enum organ lang_organ_in(const char *s, size_t len)
{
	ucs4_t prev = ' ';
	for (size_t i = 0; i < len;) {
		ucs4_t c;
		size_t k = cp_at(s + i, len - i, &c);
		enum organ o = ORGAN_NONE;
		/* at a word start (ideographs have none: every character may start a name) */
		if ((!is_word_cp(prev) || is_cjk(c)) && lang_organ_at(s + i, len - i, &o))
			return o;
		prev = c;
		i += k;
	}
	return ORGAN_NONE;
}

size_t lang_un_name(const char *s, size_t len)
{
	size_t n = MATCH_CELL(un_names, s, len);
	if (n)
		return n;
	/* a masthead extracted without its spaces: "United NationsA/RES/58/190", "Nations
	 * UniesS/RES/1454 (2002)": the name glued to the symbol's capital */
	const struct phrase_index *x = cell_index(CELL_un_names, -1);
	int b = bucket_of(s, len);
	for (const uint16_t *k = x->pick + x->at[b]; k < x->pick + x->at[b + 1]; k++) {
		const char *w = x->v[*k].words;
		size_t pl = strlen(w);
		if (len > pl && (n = match(s, pl, w)) == pl &&
		    (s[pl] == 'A' || s[pl] == 'S' || s[pl] == 'E'))
			return n;
	}
	return 0;
}

size_t lang_resolution_word(const char *s, size_t len)
{
	return MATCH_CELL(resolution_words, s, len);
}

int lang_adopted_header(const char *s, size_t len)
{
	return MATCH_CELL(adopted_headers, s, len) > 0;
}

int lang_header_start(const char *s, size_t len)
{
	size_t k = MATCH_CELL(adopted_headers, s, len);
	if (!k)
		return 0;
	/* "Resolution adopted by ...", or an organ named at once: "Adopted by the Security
	 * Council at its", not "Adopted by the World Conference" inside a sentence */
	return lang_resolution_word(s, len) ||
	       lang_organ_in(s, len < k + 48 ? len : k + 48) != ORGAN_NONE;
}

int lang_report_header(const char *s, size_t len)
{
	return MATCH_CELL(report_headers, s, len) > 0;
}

size_t lang_agenda_line(const char *s, size_t len)
{
	/* the first that matches, of those that may at its first byte */
	const struct phrase_index *x = AGENDA;
	int b = bucket_of(s, len);
	for (const uint16_t *k = x->pick + x->at[b]; k < x->pick + x->at[b + 1]; k++) {
		const struct agenda_phrase *a = x->v[*k].row;
		size_t n = match(s, len, a->word);
		if (!n)
			continue;
		if (a->also) {
			/* "Point 117 b) de l'ordre du jour": the phrase somewhere after */
			size_t al = strlen(a->also);
			int found = 0;
			for (size_t i = n; !found && i + al <= len; i++)
				found = memcmp(s + i, a->also, al) == 0;
			if (!found)
				continue;
		}
		return n;
	}
	return 0;
}

int lang_ends_open(const char *s, size_t len)
{
	size_t b = len;
	while (b > 0 && s[b - 1] != ' ')
		b--;
	if (b == len)
		return 0;
	EACH_LANG(t)
		for (int k = 0; t->open_words[k]; k++)
			if (match(s + b, len - b, t->open_words[k]) == len - b)
				return 1;
	return 0;
}

int lang_ends_conjunction(const char *s, size_t len)
{
	/* the last word, after a ';' or ',' and a space */
	size_t e = len, b = len;
	while (b > 0 && s[b - 1] != ' ')
		b--;
	if (b < 3 || (s[b - 2] != ';' && s[b - 2] != ','))
		return 0;
	EACH_LANG(t)
		for (int k = 0; t->conjunctions[k]; k++)
			if (match(s + b, e - b, t->conjunctions[k]) == e - b)
				return 1;
	return 0;
}

/* --- ordinals ------------------------------------------------------------------------- */

/* "第七十九" -> 79: the digit before 十 or 百 multiplies it ("十" alone is ten). */
static int zh_number(const char *s, size_t len, const struct lang_number *tab)
{
	size_t i = 0;
	int total = 0, cur = 0, any = 0;
	size_t k = match(s, len, "第");
	if (!k)
		return 0;
	i = k;
	while (i < len) {
		int v = -1;
		size_t n = 0;
		for (int w = 0; tab[w].word; w++) {
			size_t wl = strlen(tab[w].word);
			if (len - i >= wl && memcmp(s + i, tab[w].word, wl) == 0) {
				v = tab[w].value;
				n = wl;
				break;
			}
		}
		if (v < 0)
			break;
		if (v >= 10) {
			total += (cur ? cur : 1) * v;
			cur = 0;
		} else {
			cur = v;
		}
		any = 1;
		i += n;
	}
	return any ? total + cur : 0;
}

/* The sum of the number words of one language at s: "Fifty-eighth" (50 + 8), "quincuagésimo
 * octavo", "الثامنة والخمسون" (8 + 50), joined by spaces, hyphens, "et" or a prefixed و. The
 * last word must be an ordinal's; returns 0 when a word is not a number word. */
static int word_sum(const char *s, size_t len, const struct lang_number *tab)
{
	int total = 0, words = 0;
	size_t i = 0;
	while (i < len) {
		i = skip_spaces(s, len, i);
		if (i < len && s[i] == '-')
			i++;
		if (i >= len)
			break;
		if (match(s + i, len - i, "et ") == 3)
			i += 3;                                   /* "vingt et unième" */
		else if (len - i > 2 && memcmp(s + i, "و", 2) == 0)
			i += 2;                                   /* "والخمسون" */
		size_t best = 0;
		int v = 0;
		for (int w = 0; tab[w].word; w++) {
			/* a hyphen ends a word here ("fifty-eighth"), though match() reads it as
			 * part of a pattern's hyphen */
			size_t n = match(s + i, len - i, tab[w].word);
			if (n > best && (i + n >= len || s[i + n] == ' ' || s[i + n] == '-')) {
				best = n;
				v = tab[w].value;
			}
		}
		if (!best)
			return 0;
		total += v;
		words++;
		i += best;
	}
	return words ? total : 0;
}

int lang_ordinal(const char *s, size_t len)
{
	EACH_LANG(t) {
		int v = t->lead_cjk ? zh_number(s, len, t->ordinals) : word_sum(s, len, t->ordinals);
		if (v > 0)
			return v;
	}
	return 0;
}

int lang_session_line(const char *s, size_t len)
{
	while (len && (s[len - 1] == ' ' || s[len - 1] == '.'))
		len--;
	EACH_LANG(t)
		for (int k = 0; t->session_words[k]; k++) {
			const char *w = t->session_words[k];
			size_t wl = strlen(w);
			if (len <= wl)
				continue;
			if (t->session_last) {
				/* "Fifty-eighth session", "第五十八届会议" */
				if (memcmp(s + len - wl, w, wl) != 0)
					continue;
				size_t e = len - wl;
				while (e > 0 && s[e - 1] == ' ')
					e--;
				if (!t->lead_cjk && e == len - wl)
					continue;               /* "intersession" */
				return e ? lang_ordinal(s, e) : 0;
			}
			/* "الدورة الثامنة والخمسون" */
			size_t n = match(s, len, w);
			if (!n)
				continue;
			return lang_ordinal(s + n, len - n);
		}
	return -1;
}

/* --- dates ---------------------------------------------------------------------------- */

static size_t month_at(const char *s, size_t len, int *month)
{
	/* this runs at every word of every line the furniture and metadata readers look at:
	 * "the", "of", "Recalling" try no name */
	const struct phrase *which;
	size_t best = match_index(MONTHS, s, len, &which);
	if (!best)
		return 0;
	*month = which->value;
	/* "كانون الأول/ديسمبر": the second name must agree */
	size_t j = skip_spaces(s, len, best);
	if (j < len && s[j] == '/') {
		size_t k2 = skip_spaces(s, len, j + 1);
		EACH_LANG(t)
			for (int k = 0; t->months[k].word; k++) {
				size_t n = match(s + k2, len - k2, t->months[k].word);
				if (n && t->months[k].value == *month)
					return k2 + n;
			}
	}
	return best;
}

/* Reads up to `max` digits as a number; returns bytes consumed and the count in *ndig. */
static size_t number_at(const char *s, size_t len, int max, long *val, int *ndig)
{
	size_t i = 0;
	*val = 0;
	*ndig = 0;
	while (i < len) {
		ucs4_t c;
		size_t k = cp_at(s + i, len - i, &c);
		int d = digit_val(c);
		if (d < 0)
			break;
		if (*ndig >= max)
			return 0;
		*val = *val * 10 + d;
		(*ndig)++;
		i += k;
	}
	return i;
}

static int valid_date(long y, int m, long d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1];
}

static void put_date(char out[11], long y, int m, long d)
{
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = 0;
}

static const char *const day_suffixes[] = { "er", "re", "º", "°", "ª", NULL };
static const char *const year_tails[] = { " года", " г.", " г", " م", NULL };

/* "22 December 2003", "1er janvier 2004", "22 de diciembre de 2003", "22 декабря 2003 года",
 * "22 كانون الأول/ديسمبر 2003" */
static size_t date_dmy(const char *s, size_t len, char out[11])
{
	long d, y;
	int nd, m = 0;
	size_t i = number_at(s, len, 2, &d, &nd);
	if (!i)
		return 0;
	size_t k = 0;
	for (int x = 0; day_suffixes[x]; x++) {
		size_t n = strlen(day_suffixes[x]);
		if (len - i >= n && memcmp(s + i, day_suffixes[x], n) == 0) {
			k = n;
			break;
		}
	}
	i += k;
	size_t j = skip_spaces(s, len, i);
	if (j == i)
		return 0;
	size_t de = match(s + j, len - j, "de ");
	j += de;
	size_t mn = month_at(s + j, len - j, &m);
	if (!mn)
		return 0;
	j += mn;
	size_t j2 = skip_spaces(s, len, j);
	if (j2 == j)
		return 0;
	j2 += match(s + j2, len - j2, "de ");
	size_t yn = number_at(s + j2, len - j2, 4, &y, &nd);
	if (!yn || nd != 4 || !valid_date(y, m, d))
		return 0;
	j2 += yn;
	size_t t = match_any(s + j2, len - j2, year_tails, NULL);
	put_date(out, y, m, d);
	return j2 + t;
}

/* "December 22, 2003" */
static size_t date_mdy(const char *s, size_t len, char out[11])
{
	int m = 0, nd;
	long d, y;
	size_t i = month_at(s, len, &m);
	if (!i)
		return 0;
	size_t j = skip_spaces(s, len, i);
	if (j == i)
		return 0;
	size_t n = number_at(s + j, len - j, 2, &d, &nd);
	if (!n)
		return 0;
	j += n;
	if (j < len && s[j] == ',')
		j++;
	size_t j2 = skip_spaces(s, len, j);
	if (j2 == j)
		return 0;
	n = number_at(s + j2, len - j2, 4, &y, &nd);
	if (!n || nd != 4 || !valid_date(y, m, d))
		return 0;
	put_date(out, y, m, d);
	return j2 + n;
}

/* "2003年12月22日" */
static size_t date_ymd(const char *s, size_t len, char out[11])
{
	long y, m, d;
	int nd;
	size_t i = number_at(s, len, 4, &y, &nd);
	if (!i || nd != 4)
		return 0;
	i = skip_spaces(s, len, i);
	size_t n = match(s + i, len - i, "年");
	if (!n)
		return 0;
	i = skip_spaces(s, len, i + n);
	n = number_at(s + i, len - i, 2, &m, &nd);
	if (!n)
		return 0;
	i = skip_spaces(s, len, i + n);
	n = match(s + i, len - i, "月");
	if (!n)
		return 0;
	i = skip_spaces(s, len, i + n);
	n = number_at(s + i, len - i, 2, &d, &nd);
	if (!n)
		return 0;
	i = skip_spaces(s, len, i + n);
	n = match(s + i, len - i, "日");
	if (!n || !valid_date(y, (int)m, d))
		return 0;
	put_date(out, y, (int)m, d);
	return i + n;
}

size_t lang_parse_date(const char *s, size_t len, char out[11])
{
	size_t n;
	if ((n = date_ymd(s, len, out)) || (n = date_dmy(s, len, out)) || (n = date_mdy(s, len, out)))
		return n;
	return 0;
}

int lang_find_date_at(const char *s, size_t len, char out[11], size_t *at)
{
	ucs4_t prev = ' ';
	size_t i = 0;
	while (i < len) {
		ucs4_t c;
		size_t k = cp_at(s + i, len - i, &c);
		if (!is_word_cp(prev) && (digit_val(c) >= 0 || uc_is_alpha(c)) &&
		    lang_parse_date(s + i, len - i, out)) {
			if (at)
				*at = i;
			return 1;
		}
		prev = c;
		i += k;
	}
	return 0;
}

int lang_find_date(const char *s, size_t len, char out[11])
{
	return lang_find_date_at(s, len, out, NULL);
}

/* --- closing formulas and headings ---------------------------------------------------- */

size_t lang_annex_word(const char *s, size_t len)
{
	return MATCH_CELL(annex_words, s, len);
}

const char *lang_annex_name(const char *lang)
{
	static const char *const words[][2] = { { "fr", "Annexe" }, { "es", "Anexo" },
		{ "ru", "Приложение" }, { "zh", "附件" }, { "ar", "المرفق" } };
	for (size_t i = 0; lang && i < sizeof words / sizeof *words; i++)
		if (strcmp(lang, words[i][0]) == 0)
			return words[i][1];
	return "Annex";
}

int lang_article_heading(const char *s, size_t len)
{
	while (len && s[len - 1] == ' ')
		len--;
	size_t n = MATCH_CELL(article_words, s, len);
	return n && n == len;
}

/* Whether every meeting-line pattern opens with '#' (a digit) or a character no ASCII byte
 * matches (may_match), worked out at the first call (threads racing here work out the same
 * value). */
static int meeting_lines_open_apart(void)
{
	static _Atomic int apart;                /* 0: not yet, 1 yes, 2 no */
	int a = atomic_load_explicit(&apart, memory_order_relaxed);
	if (!a) {
		a = 1;
		EACH_LANG(t) {
			const char *const *lists[2] = { t->meeting_lines, t->council_meetings };
			for (int l = 0; l < 2; l++)
				for (const char *const *p = lists[l]; *p; p++)
					if ((*p)[0] != '#' &&
					    ((unsigned char)(*p)[0] < 0x80 || non_ascii_may_match(*p)))
						a = 2;
		}
		atomic_store_explicit(&apart, a, memory_order_relaxed);
	}
	return a == 1;
}

/* For each ASCII byte, which meeting-line patterns opening with '#' may go on there
 * (may_match): bit 0 those going on with their next character right after the digits, bit 1
 * those going on after '_' (no space or some), bit 2 after ' ' (some space). Built at the
 * first use of any thread. */
static struct {
	atomic_int ready;
	unsigned char at[128];
} after_digits;

static const unsigned char *after_digits_table(void)
{
	if (atomic_load_explicit(&after_digits.ready, memory_order_acquire))
		return after_digits.at;
	pthread_mutex_lock(&ix_lock);
	if (!atomic_load_explicit(&after_digits.ready, memory_order_relaxed)) {
		memset(after_digits.at, 0, sizeof after_digits.at);
		EACH_LANG(x) {
			const char *const *lists[2] = { x->meeting_lines, x->council_meetings };
			for (int l = 0; l < 2; l++)
				for (const char *const *p = lists[l]; *p; p++) {
					if ((*p)[0] != '#')
						continue;
					const char *q = *p + 1;
					int space = 0, bit = 1;
					for (; *q == ' ' || *q == '_'; q++) {
						bit = 2;
						space |= *q == ' ';
					}
					if (space)
						bit = 4;
					for (int c = 1; c < 128; c++) {
						char ch = (char)c;
						if (!*q || *q == '#' || may_match(&ch, 1, q))
							after_digits.at[c] |= (unsigned char)bit;
					}
				}
		}
		atomic_store_explicit(&after_digits.ready, 1, memory_order_release);
	}
	pthread_mutex_unlock(&ix_lock);
	return after_digits.at;
}

/* Whether a meeting-line pattern opening with '#' may match t[0..n), which opens with an
 * ASCII digit: 0 only when none does. The matcher takes every digit for '#' and every space
 * for ' ' or '_', so what comes after them is the pattern's next character against the
 * text's (may_match); a non-ASCII byte where a run may go on, or the text's end there, is
 * left to the matcher. A footnote line ("9 Resolution 39/46") is out at once. */
static int digits_may_match(const char *t, size_t n)
{
	size_t d = 0, e;
	while (d < n && t[d] >= '0' && t[d] <= '9')
		d++;
	if (d == n || (unsigned char)t[d] >= 0x80)
		return 1;
	for (e = d; e < n && (t[e] == ' ' || t[e] == '\t' || t[e] == '\n' || t[e] == '\r'); e++)
		;
	if (e == n || (unsigned char)t[e] >= 0x80)
		return 1;
	const unsigned char *at = after_digits_table();
	return (at[(unsigned char)t[d]] & 1) || (at[(unsigned char)t[e]] & (e > d ? 6 : 2));
}

int lang_is_meeting_line(const char *s, size_t len)
{
	size_t a0 = skip_spaces(s, len, 0), b0 = len;
	/* a line opening with ASCII other than a digit is none, without trying the patterns
	 * (this runs at every line of hard-wrapped text) */
	if (a0 < len && (unsigned char)s[a0] < 0x80 && !(s[a0] >= '0' && s[a0] <= '9') &&
	    meeting_lines_open_apart())
		return 0;
	while (b0 > a0 && (s[b0 - 1] == ' ' || s[b0 - 1] == '\t'))
		b0--;
	/* a Council's "52nd meeting": only as the whole line, never with a full stop, which
	 * would be the end of a vote line broken before it ("Adopted unanimously at the" /
	 * "1382nd meeting.") */
	int digit = a0 < len && s[a0] >= '0' && s[a0] <= '9' && meeting_lines_open_apart();
	if (b0 > a0 && (!digit || digits_may_match(s + a0, b0 - a0)) &&
	    MATCH_CELL(council_meetings, s + a0, b0 - a0) == b0 - a0)
		return 1;
	size_t a = a0;
	size_t b = len;
	/* trailing spaces (no-break ones too), a full stop or the comma of older volumes
	 * ("2112th plenary meeting," then the date) */
	while (b > a) {
		if (s[b - 1] == '.' || s[b - 1] == ',' || s[b - 1] == ' ' || s[b - 1] == '\t' ||
		    s[b - 1] == '\n')
			b--;
		else if (b - a >= 2 && (unsigned char)s[b - 2] == 0xC2 && (unsigned char)s[b - 1] == 0xA0)
			b -= 2;
		else
			break;
	}
	if (b <= a || (digit && !digits_may_match(s + a, b - a)))
		return 0;
	size_t k = MATCH_CELL(meeting_lines, s + a, b - a);
	if (k == b - a)
		return 1;
	/* "2112th plenary meeting, 18 December 1972." or "52nd plenary meeting 1 December 2025"
	 * on one line */
	char date[11];
	if (k && a + k < b && (s[a + k] == ',' || s[a + k] == ' ')) {
		size_t d = skip_spaces(s, b, a + k + 1);
		return d < b && lang_parse_date(s + d, b - d, date) == b - d;
	}
	return 0;
}

int lang_is_vote_line(const char *s, size_t len)
{
	return MATCH_CELL(vote_lines, s, len) > 0;
}

/* Whether the code point at s[i] is a digit of any script. */
static int digit_at(const char *s, size_t len, size_t i)
{
	ucs4_t c;
	cp_at(s + i, len - i, &c);
	return digit_val(c) >= 0;
}

int lang_meeting_in(const char *s, size_t len, size_t *start, size_t *n)
{
	ucs4_t prev = ' ';
	for (size_t i = 0; i < len;) {
		ucs4_t c;
		size_t k = cp_at(s + i, len - i, &c);
		size_t w = !is_word_cp(prev) || is_cjk(c) || (prev >= '0' && prev <= '9') ?
		           MATCH_CELL(meeting_words, s + i, len - i) : 0;
		prev = c;
		if (!w) {
			i += k;
			continue;
		}
		/* glued to its number: "第4683次会议" */
		size_t t = i;
		while (t > 0 && s[t - 1] >= '0' && s[t - 1] <= '9')
			t--;
		if (t < i) {
			if (t >= 3 && memcmp(s + t - 3, "第", 3) == 0)
				t -= 3;
			*start = t;
			*n = i + w - t;
			return 1;
		}
		/* the word before, or the one before it: "4683rd meeting", "1382nd plenary
		 * meeting" */
		size_t e = i;
		for (int tok = 0; tok < 2; tok++) {
			while (e > 0 && s[e - 1] == ' ')
				e--;
			if (e == 0)
				break;
			size_t b = e;
			while (b > 0 && s[b - 1] != ' ')
				b--;
			if (digit_at(s, len, b)) {
				*start = b;
				*n = i + w - b;
				return 1;
			}
			e = b;
		}
		/* the number after it: "جلسته 8697" */
		size_t a = skip_spaces(s, len, i + w);
		if (a < len && digit_at(s, len, a)) {
			size_t d = a;
			while (d < len && digit_at(s, len, d))
				d += cp_at(s + d, len - d, &c);
			*start = i;
			*n = d - i;
			return 1;
		}
		return 0;               /* the first meeting named decides */
	}
	return 0;
}

/* --- lead phrases --------------------------------------------------------------------- */

/* A lead is: adverbs that may precede (lead_pre), then a head (a fixed phrase from lead_heads,
 * or one word the language's rule accepts), then any run of lead_tails ("also", "further",
 * "of" after "note"). */

/* Bytes of the word at s (letters, apostrophes and inner hyphens). */
static size_t word_len_slow(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		ucs4_t c;
		size_t k = cp_at(s + i, len - i, &c);
		if (is_word_cp(c) || (i > 0 && (apostrophe(c) || hyphen(c))))
			i += k;
		else
			break;
	}
	/* a trailing apostrophe or hyphen is not part of the word */
	while (i > 0 && (s[i - 1] == '\'' || s[i - 1] == '-'))
		i--;
	return i;
}

/* word_len() with ASCII read without decoding (it ran at about 30 instructions a letter):
 * an ASCII letter or digit is a word character, an apostrophe or hyphen one after the first,
 * any other ASCII ends the word. lang_fast_check() holds it against word_len_slow(). */
static size_t word_len(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			if (!ascii_letter(b) && !(b >= '0' && b <= '9') &&
			    !(i > 0 && (b == '\'' || b == '-')))
				break;
			i++;
#if BYTES_N == 16
			/* and the ASCII word characters after it a block at a time (past the first,
			 * an apostrophe or a hyphen is one); a non-ASCII byte goes to the decoder */
			while (i + BYTES_N <= len) {
				bytes_t w = bytes_load(s + i);
				unsigned word = bytes_bits(bytes_or(
					bytes_or(bytes_in(w, 'a', 'z' + 1), bytes_in(w, 'A', 'Z' + 1)),
					bytes_or(bytes_in(w, '0', '9' + 1),
					         bytes_or(bytes_eq(w, '\''), bytes_eq(w, '-')))));
				if (word != 0xFFFFu) {
					i += bytes_first(~word & 0xFFFFu);
					break;
				}
				i += BYTES_N;
			}
#endif
			continue;
		}
		ucs4_t c;
		size_t k = cp_at(s + i, len - i, &c);
		if (is_word_cp(c) || (i > 0 && (apostrophe(c) || hyphen(c))))
			i += k;
		else
			break;
	}
	while (i > 0 && (s[i - 1] == '\'' || s[i - 1] == '-'))
		i--;
	return i;
}

/* Whether match_to() gives what match_to_slow() gives, length and failing place, for every
 * phrase of every index at every place of s[0..len) (lang_index_check() built them all). */
int lang_match_check(const char *s, size_t len)
{
	lang_index_check();
	for (size_t i = 0; i <= len; i++)
		for (size_t k = 0; k < ix.nv; k++) {
			size_t f1 = 0, f2 = 0;
			const char *w = ix.v[k].words;
			if (match_to(s + i, len - i, w, &f1) != match_to_slow(s + i, len - i, w, &f2) ||
			    f1 != f2)
				return 0;
		}
	return 1;
}

int lang_index_match_check(const char *s, size_t len)
{
	const struct phrase_index *rest[] = { OPENINGS, ORGANS, AGENDA, MONTHS, NOT_PARTICIPLES,
		ADJECTIVES, words_index(0), words_index(1), words_index(2) };
	for (size_t i = 0; i <= len; i++) {
		/* every phrase lead_fails() rules out fails in the matcher, at the same place */
		uint64_t t[2];
		unsigned char head[16] = { 0 };
		memcpy(head, s + i, len - i < sizeof head ? len - i : sizeof head);
		memcpy(t, head, sizeof head);
		for (size_t k = 0; k < ix.nv; k++) {
			size_t f1 = 0, f2 = 0;
			if (lead_fails(&ix.v[k], t, s + i, len - i, &f1) &&
			    (match_to(s + i, len - i, ix.v[k].words, &f2) || f1 != f2))
				return 0;
		}
		for (int c = 0; c < NCELLS; c++)
			for (int l = -1; l < (int)NLANGS; l++)
				if (!index_match_same(cell_index(c, l), s + i, len - i))
					return 0;
		for (size_t r = 0; r < sizeof rest / sizeof rest[0]; r++)
			if (!index_match_same(rest[r], s + i, len - i))
				return 0;
	}
	return 1;
}

int lang_fast_check(const char *s, size_t len)
{
	for (int c = 0; c < 256; c++)
		if (ascii_letter((unsigned char)c) != ascii_letter_slow((unsigned char)c))
			return 0;
	/* at every place, to the end and cut short (inside a character too) */
	for (size_t i = 0; i <= len; i++)
		for (size_t n = 0; n <= 8; n++) {
			size_t m = n == 8 || n > len - i ? len - i : n;
			if (word_len(s + i, m) != word_len_slow(s + i, m))
				return 0;
		}
	return 1;
}

static int ends_with(const char *w, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	if (n < k)
		return 0;
	for (size_t i = 0; i < k; i++) {
		char a = w[n - k + i], b = suf[i];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (a != b)
			return 0;
	}
	return 1;
}

/* Whether the ASCII word w (lower case) occurs as a whole word in s[0..n). */
static int has_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++) {
		if ((i == 0 || s[i - 1] == ' ') && (i + k == n || s[i + k] == ' ')) {
			size_t j = 0;
			while (j < k && (s[i + j] | 0x20) == w[j])
				j++;
			if (j == k)
				return 1;
		}
	}
	return 0;
}

/* English has a rule for the head where the others have lists: a preambular paragraph opens
 * with a participle or an adjective of attitude, an operative one with a verb in -s. */
static size_t en_head(const char *s, size_t len, int operative, int first)
{
	size_t n = word_len(s, len);
	if (n < 3 || (first && !uc_is_upper((ucs4_t)(unsigned char)s[0])))
		return 0;
	if (operative)
		return ends_with(s, n, "s") && !ends_with(s, n, "ss") ? n : 0;
	/* after an adverb the participle is in lower case ("Deeply concerned"): "Especially
	 * Women" is no lead */
	if (!first && !uc_is_lower((ucs4_t)(unsigned char)s[0]))
		return 0;
	if (match_index(NOT_PARTICIPLES, s, len, NULL))
		return 0;
	if (ends_with(s, n, "ing") || (ends_with(s, n, "ed") && !ends_with(s, n, "eed")) ||
	    match_index(ADJECTIVES, s, len, NULL))
		return n;
	return 0;
}

static inline int same_code(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

size_t lang_lead_len(const char *lang, const char *s, size_t len, int operative)
{
	const struct lang_phrases *t = &lang_tables[0];
	/* compared in place, not by strcmp: this runs for every paragraph, six times */
	EACH_LANG(k)
		if (lang && same_code(lang, k->code))
			t = k;
	int english = t == &lang_tables[0];
	int l = (int)(t - lang_tables);
	size_t i = skip_spaces(s, len, 0);
	size_t start = i;

	/* adverbs before the head: listed ones, and in English any word in -ly */
	for (int rounds = 0; rounds < 3; rounds++) {
		size_t n = match_index(cell_index(CELL_lead_pre, l), s + i, len - i, NULL);
		if (!n && english) {
			size_t w = word_len(s + i, len - i);
			if (w > 3 && ends_with(s + i, w, "ly") && uc_is_upper((ucs4_t)(unsigned char)s[i]))
				n = w;
		}
		if (!n)
			break;
		/* the adverb alone is no lead ("Also" must be followed by the verb) */
		size_t j = t->lead_cjk ? i + n : skip_spaces(s, len, i + n);
		if (j == i + n && !t->lead_cjk)
			break;
		i = j;
	}

	size_t head = match_index(cell_index(CELL_lead_heads, l), s + i, len - i, NULL);
	if (!head) {
		if (t->lead_cjk)
			return 0;
		if (english)
			head = en_head(s + i, len - i, operative, i == start);
		else if (t->lead_any_word)
			head = word_len(s + i, len - i);
	}
	if (!head) {
		/* "Also requests" took "Also" as an adverb, nothing followed: no lead */
		return 0;
	}
	size_t end = i + head;

	/* tails: "also", "further", "of" after "note" ... */
	for (int rounds = 0; rounds < 4; rounds++) {
		size_t j = t->lead_cjk ? end : skip_spaces(s, len, end);
		if (j == end && !t->lead_cjk)
			break;
		const struct phrase *which = NULL;
		size_t n = match_index(cell_index(CELL_lead_tails, l), s + j, len - j, &which);
		if (!n)
			break;
		/* "of" belongs to "note" only; "on"/"upon" to "calls"/"depends" */
		if (english) {
			const char *w = which->words;
			if (strcmp(w, "of") == 0 && !has_word(s + start, end - start, "note"))
				break;
			if ((strcmp(w, "on") == 0 || strcmp(w, "upon") == 0) &&
			    !match(s + i, len - i, "Calls") && !match(s + i, len - i, "Calling"))
				break;
		}
		end = j + n;
	}
	return end - start;
}
