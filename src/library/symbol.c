/* symbol.c: one key per document symbol, from the document, the user or a citation. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "library/symbol.h"

int symbol_key(const char *symbol, char *key, size_t n)
{
	size_t o = 0;
	if (n == 0)
		return -1;
	for (const char *p = symbol; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			continue;
		if (o + 1 >= n) {
			key[0] = '\0';
			return -1;
		}
		key[o++] = (char)toupper(c);
	}
	key[o] = '\0';
	return 0;
}

/* Whether s[0..len) is one or more digits. */
static int all_digits(const char *s, size_t len)
{
	if (len == 0)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static int is_roman(char c)
{
	return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
}

/* The shapes of a resolution number once spaces are gone and letters are capitals:
 * "78/217", "75/253B", "ES-10/2", "S-17/1", "2004/67" -> NUM_SESSION; "2672(2023)" ->
 * NUM_YEAR; "2200A(XXI)", "2999(XXVII)" -> NUM_ROMAN. */
enum num_shape { NUM_BAD, NUM_SESSION, NUM_YEAR, NUM_ROMAN };

static enum num_shape num_shape(const char *s)
{
	size_t n = strlen(s), i = 0;
	if (n >= 3 && memcmp(s, "ES-", 3) == 0)
		i = 3;
	else if (n >= 2 && memcmp(s, "S-", 2) == 0)
		i = 2;
	size_t d = i;
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	if (i == d || i - d > 6)
		return NUM_BAD;
	if (s[i] == '/') {
		size_t j = ++i;
		while (j < n && isdigit((unsigned char)s[j]))
			j++;
		if (j == i)
			return NUM_BAD;
		/* an optional part letter: "75/253B" */
		if (j < n && isupper((unsigned char)s[j]) && j + 1 == n)
			j++;
		return j == n ? NUM_SESSION : NUM_BAD;
	}
	if (d > 0)
		return NUM_BAD;
	if (i < n && isupper((unsigned char)s[i]) && s[i + 1] == '(')
		i++;                                     /* "2200A(XXI)" */
	if (s[i] != '(' || s[n - 1] != ')')
		return NUM_BAD;
	const char *in = s + i + 1;
	size_t inl = n - i - 2;
	if (all_digits(in, inl))
		return inl == 4 ? NUM_YEAR : NUM_BAD;
	for (size_t k = 0; k < inl; k++)
		if (!is_roman(in[k]))
			return NUM_BAD;
	return inl ? NUM_ROMAN : NUM_BAD;
}

static int put(char *key, size_t n, const char *prefix, const char *num)
{
	int w = snprintf(key, n, "%s%s", prefix, num);
	if (w < 0 || (size_t)w >= n) {
		if (n)
			key[0] = '\0';
		return -1;
	}
	return 0;
}

/* The first number of "2004/67" is a year: the numbering of the Economic and Social Council
 * and the Commission, never of the Assembly's sessions. */
static int year_numbered(const char *s)
{
	return isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	       isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) && s[4] == '/';
}

int symbol_of_citation(const char *number, enum organ organ, char *key, size_t n)
{
	char k[SYMBOL_KEY_MAX];
	if (symbol_key(number, k, sizeof k) < 0)
		return -1;
	switch (num_shape(k)) {
	case NUM_BAD:
		break;
	case NUM_YEAR:
		return put(key, n, organ == ORGAN_ECOSOC ? "E/RES/" : "S/RES/", k);
	case NUM_ROMAN:
		return put(key, n, organ == ORGAN_ECOSOC ? "E/RES/" : "A/RES/", k);
	case NUM_SESSION:
		if (organ == ORGAN_HRC)
			return put(key, n, "A/HRC/RES/", k);
		if (organ == ORGAN_CHR)
			return put(key, n, "E/CN.4/RES/", k);
		/* A year-numbered resolution is never the Assembly's, whatever "its" says (the
		 * subject of "its" may be a commission): the Council's numbering. */
		if (organ == ORGAN_ECOSOC || year_numbered(k))
			return put(key, n, "E/RES/", k);
		if (organ == ORGAN_SC)
			break;
		return put(key, n, "A/RES/", k);
	}
	if (n)
		key[0] = '\0';
	return -1;
}

/* Drops a leading "resolution " or "res " (what people type before a number). */
static const char *skip_word(const char *s)
{
	static const char *const words[] = { "resolution ", "res ", "res. ", NULL };
	while (*s == ' ')
		s++;
	for (size_t i = 0; words[i]; i++) {
		size_t l = strlen(words[i]);
		if (strncasecmp(s, words[i], l) == 0)
			return s + l;
	}
	return s;
}

int symbol_from_user(const char *s, char *key, size_t n)
{
	char k[SYMBOL_KEY_MAX];
	if (symbol_key(skip_word(s), k, sizeof k) < 0 || !k[0])
		goto bad;
	for (const char *p = k; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("/().-", *p))
			goto bad;
	/* A full symbol: capitals, then '/'. */
	const char *slash = strchr(k, '/');
	if (slash && slash > k && isalpha((unsigned char)k[0]) && num_shape(k) == NUM_BAD) {
		size_t l = strlen(k);
		if (l + 1 > n)
			goto bad;
		memcpy(key, k, l + 1);
		return 0;
	}
	if (num_shape(k) != NUM_BAD)
		return symbol_of_citation(k, ORGAN_NONE, key, n);
bad:
	if (n)
		key[0] = '\0';
	return -1;
}

int symbol_sc_prefix(const char *s, char *prefix, size_t n)
{
	char k[SYMBOL_KEY_MAX];
	if (symbol_key(skip_word(s), k, sizeof k) < 0)
		return -1;
	/* "S/RES/2672" as well as "2672" */
	const char *num = strncmp(k, "S/RES/", 6) == 0 ? k + 6 : k;
	if (!all_digits(num, strlen(num)) || strlen(num) > 6)
		return -1;
	int w = snprintf(prefix, n, "S/RES/%s(", num);
	return w < 0 || (size_t)w >= n ? -1 : 0;
}

enum organ symbol_organ(const char *symbol)
{
	static const struct {
		const char *prefix;
		enum organ organ;
	} prefixes[] = {
		{ "A/HRC/RES/", ORGAN_HRC }, { "A/RES/", ORGAN_GA }, { "S/RES/", ORGAN_SC },
		{ "E/CN.4/RES/", ORGAN_CHR }, { "E/RES/", ORGAN_ECOSOC },
	};
	char k[SYMBOL_KEY_MAX];
	if (!symbol || symbol_key(symbol, k, sizeof k) < 0)
		return ORGAN_NONE;
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
		if (strncmp(k, prefixes[i].prefix, strlen(prefixes[i].prefix)) == 0)
			return prefixes[i].organ;
	return ORGAN_NONE;
}

int symbol_undocs(const char *key, char *url, size_t n)
{
	/* A document known only by its text's hash has no address. */
	if (!key || !strchr(key, '/') || strncmp(key, "SHA256:", 7) == 0 ||
	    strncmp(key, "sha256:", 7) == 0) {
		if (n)
			url[0] = '\0';
		return -1;
	}
	return put(url, n, "https://undocs.org/", key);
}
