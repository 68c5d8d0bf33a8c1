/* json.h: the public JSON shape of the model (`gavel parse`), and a small JSON string writer
 * other layers (export, search --json) reuse so escaping is done in one place. */
#ifndef GAVEL_DOC_JSON_H
#define GAVEL_DOC_JSON_H

#include <stdio.h>
#include "doc/resolution.h"

/* Writes s as a JSON string literal (quotes included), escaping controls and keeping UTF-8. */
void json_write_string(FILE *, const char *s);
/* Same for the first n bytes of s; NULL writes null. */
void json_write_stringn(FILE *, const char *s, size_t n);
/* Whether the escaper writes s[0..n) the same with its block-at-a-time run of plain ASCII as
 * byte by byte, and a string of the model (s cut at its first NUL) the same with the copy of
 * plain ASCII strings as by the escaper (for the tests). */
int json_escape_check(const char *s, size_t n);

/* One resolution as the documented object; a collection of one is written as that object,
 * of more as {"documents":[...]}. Returns 0, or -1 on a write error. */
int json_write_resolution(FILE *, const struct resolution *);
int json_write_collection(FILE *, const struct collection *);

#endif
