/* jsonread.h: a small, strict JSON reader (RFC 8259) for `gavel notes import`.
 *
 * Strict on purpose: the input may come from another program or be cut short, and a file that
 * is not exactly JSON must be refused with a line and column rather than half-read. No comments,
 * no trailing commas, no NaN, no duplicate keys, no invalid UTF-8 or lone surrogates, no
 * unescaped control characters, nesting at most JSONREAD_MAX_DEPTH deep. */
#ifndef GAVEL_EXPORT_JSONREAD_H
#define GAVEL_EXPORT_JSONREAD_H

#include <stddef.h>

#define JSONREAD_MAX_DEPTH 64

enum jsonval_type { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

/* One value. Strings are UTF-8 and NUL-terminated; `len` is their byte length (a string holding
 * \u0000 is refused, so strlen(str) == len). Arrays and objects keep their members in order. */
struct jsonval {
	enum jsonval_type type;
	int boolean;
	double number;
	char *str;
	size_t len;
	struct jsonval *items;  /* array elements or object values */
	char **keys;            /* object keys, parallel to items */
	size_t n;
};

/* Parses exactly one JSON value (whitespace around it allowed). Returns 0 and sets *out (the
 * caller frees with jsonread_free), or -1 with a message such as "line 3, column 14: expected
 * ',' or '}'" in err (errlen bytes, may be 0) and *out NULL. Out of memory is reported as -1
 * with "out of memory". */
int jsonread_parse(const char *buf, size_t len, struct jsonval **out, char *err, size_t errlen);
void jsonread_free(struct jsonval *);

/* Member `key` of an object, or NULL (also when v is NULL or not an object). */
const struct jsonval *jsonread_get(const struct jsonval *v, const char *key);
/* The string of v, or NULL when v is NULL or not a string. */
const char *jsonread_str(const struct jsonval *v);

#endif
