/* jsonread.c: a recursive-descent JSON reader with a depth limit, exact error positions, and
 * no allocation left behind on failure. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "export/jsonread.h"
#include "text/buf.h"
#include "text/utf8.h"

struct reader {
	const char *s;
	size_t len, pos;
	char *err;
	size_t errlen;
	int failed;
};

/* Reports the first error only, at the current position as line and column (1-based, columns
 * counted in bytes: the message is for people finding the spot in an editor). */
static void fail(struct reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(struct reader *r, const char *fmt, ...)
{
	if (r->failed)
		return;
	r->failed = 1;
	if (!r->err || r->errlen == 0)
		return;
	size_t line = 1, col = 1;
	for (size_t i = 0; i < r->pos && i < r->len; i++) {
		if (r->s[i] == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	char msg[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (strcmp(msg, "out of memory") == 0)
		snprintf(r->err, r->errlen, "%s", msg);
	else
		snprintf(r->err, r->errlen, "line %zu, column %zu: %s", line, col, msg);
}

static void skip_ws(struct reader *r)
{
	while (r->pos < r->len) {
		char c = r->s[r->pos];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		r->pos++;
	}
}

static int peek(const struct reader *r)
{
	return r->pos < r->len ? (unsigned char)r->s[r->pos] : -1;
}

/* Describes the byte found where something else was expected. */
static const char *found(const struct reader *r)
{
	static char buf[32];
	int c = peek(r);
	if (c < 0)
		return "end of input";
	if (c >= 0x21 && c < 0x7f)
		snprintf(buf, sizeof buf, "'%c'", c);
	else
		snprintf(buf, sizeof buf, "byte 0x%02x", (unsigned)c);
	return buf;
}

static void val_clear(struct jsonval *v)
{
	free(v->str);
	for (size_t i = 0; i < v->n; i++) {
		val_clear(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	memset(v, 0, sizeof *v);
}

void jsonread_free(struct jsonval *v)
{
	if (!v)
		return;
	val_clear(v);
	free(v);
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 when it is invalid
 * (overlong, surrogate, above U+10FFFF, truncated): the program's codec, strict. */
static size_t jr_utf8_valid_len(const unsigned char *s, size_t n)
{
	ucs4_t c;
	int k = s[0] < 0x80 ? 1 : u8_mbtoucr(&c, s, n);
	return k > 0 ? (size_t)k : 0;
}

static int hex4(struct reader *r, uint32_t *out)
{
	uint32_t v = 0;
	for (int i = 0; i < 4; i++) {
		int c = peek(r);
		int d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else {
			fail(r, "bad \\u escape: expected a hex digit, found %s", found(r));
			return -1;
		}
		v = v * 16 + (uint32_t)d;
		r->pos++;
	}
	*out = v;
	return 0;
}

/* At the opening quote; on success sets *out and *outlen to a new NUL-terminated string. */
static int parse_string(struct reader *r, char **out, size_t *outlen)
{
	struct buf b = BUF_INIT;
	r->pos++; /* the quote */
	if (buf_add(&b, "", 0) < 0)
		goto nomem;
	for (;;) {
		if (r->pos >= r->len) {
			fail(r, "unterminated string");
			goto bad;
		}
		unsigned char c = (unsigned char)r->s[r->pos];
		if (c == '"') {
			r->pos++;
			break;
		}
		if (c < 0x20) {
			fail(r, "control character 0x%02x inside a string (escape it)", c);
			goto bad;
		}
		if (c == '\\') {
			r->pos++;
			int e = peek(r);
			char ch;
			switch (e) {
			case '"': ch = '"'; break;
			case '\\': ch = '\\'; break;
			case '/': ch = '/'; break;
			case 'b': ch = '\b'; break;
			case 'f': ch = '\f'; break;
			case 'n': ch = '\n'; break;
			case 'r': ch = '\r'; break;
			case 't': ch = '\t'; break;
			case 'u': {
				r->pos++;
				uint32_t cp;
				if (hex4(r, &cp) < 0)
					goto bad;
				if (cp >= 0xDC00 && cp <= 0xDFFF) {
					fail(r, "lone low surrogate \\u%04X", (unsigned)cp);
					goto bad;
				}
				if (cp >= 0xD800 && cp <= 0xDBFF) {
					uint32_t lo;
					if (peek(r) != '\\' || r->pos + 1 >= r->len || r->s[r->pos + 1] != 'u') {
						fail(r, "high surrogate \\u%04X not followed by a low one", (unsigned)cp);
						goto bad;
					}
					r->pos += 2;
					if (hex4(r, &lo) < 0)
						goto bad;
					if (lo < 0xDC00 || lo > 0xDFFF) {
						fail(r, "high surrogate \\u%04X not followed by a low one", (unsigned)cp);
						goto bad;
					}
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				}
				if (cp == 0) {
					fail(r, "\\u0000 is not allowed in a string");
					goto bad;
				}
				char enc[4];
				if (buf_add(&b, enc, utf8_encode(cp, enc)) < 0)
					goto nomem;
				continue;
			}
			default:
				fail(r, "bad escape '\\%c'", e >= 0x20 && e < 0x7f ? e : '?');
				goto bad;
			}
			r->pos++;
			if (buf_add(&b, &ch, 1) < 0)
				goto nomem;
			continue;
		}
		size_t n = jr_utf8_valid_len((const unsigned char *)r->s + r->pos, r->len - r->pos);
		if (n == 0) {
			fail(r, "invalid UTF-8");
			goto bad;
		}
		if (buf_add(&b, r->s + r->pos, n) < 0)
			goto nomem;
		r->pos += n;
	}
	*out = b.s;
	*outlen = b.n;
	return 0;
nomem:
	fail(r, "out of memory");
bad:
	free(b.s);
	return -1;
}

/* The digits of a fraction or an exponent: at least one, else "expected a digit WHERE". */
static int digits(struct reader *r, const char *where)
{
	if (!(peek(r) >= '0' && peek(r) <= '9')) {
		fail(r, "expected a digit %s, found %s", where, found(r));
		return -1;
	}
	while (peek(r) >= '0' && peek(r) <= '9')
		r->pos++;
	return 0;
}

/* RFC 8259 number grammar, checked by hand so "01", "1.", ".5", "+1" and "1e" are refused. */
static int parse_number(struct reader *r, double *out)
{
	size_t start = r->pos;
	if (peek(r) == '-')
		r->pos++;
	if (peek(r) == '0') {
		r->pos++;
		if (peek(r) >= '0' && peek(r) <= '9') {
			fail(r, "leading zero in a number");
			return -1;
		}
	} else if (peek(r) >= '1' && peek(r) <= '9') {
		while (peek(r) >= '0' && peek(r) <= '9')
			r->pos++;
	} else {
		fail(r, "expected a digit, found %s", found(r));
		return -1;
	}
	if (peek(r) == '.') {
		r->pos++;
		if (digits(r, "after '.'") < 0)
			return -1;
	}
	if (peek(r) == 'e' || peek(r) == 'E') {
		r->pos++;
		if (peek(r) == '+' || peek(r) == '-')
			r->pos++;
		if (digits(r, "in the exponent") < 0)
			return -1;
	}
	char tmp[64];
	size_t n = r->pos - start;
	if (n >= sizeof tmp) {
		/* Long numbers are legal JSON; strtod on a heap copy handles them. */
		char *big = malloc(n + 1);
		if (!big) {
			fail(r, "out of memory");
			return -1;
		}
		memcpy(big, r->s + start, n);
		big[n] = '\0';
		*out = strtod(big, NULL);
		free(big);
		return 0;
	}
	memcpy(tmp, r->s + start, n);
	tmp[n] = '\0';
	*out = strtod(tmp, NULL);
	return 0;
}

static int parse_value(struct reader *r, struct jsonval *v, int depth);

/* Appends a zeroed slot to an array or object value. */
static struct jsonval *grow(struct reader *r, struct jsonval *v, size_t *cap, int with_keys)
{
	if (v->n == *cap) {
		size_t nc = *cap ? *cap * 2 : 4;
		struct jsonval *ni = realloc(v->items, nc * sizeof *ni);
		if (!ni) {
			fail(r, "out of memory");
			return NULL;
		}
		v->items = ni;
		if (with_keys) {
			char **nk = realloc(v->keys, nc * sizeof *nk);
			if (!nk) {
				fail(r, "out of memory");
				return NULL;
			}
			v->keys = nk;
		}
		*cap = nc;
	}
	memset(&v->items[v->n], 0, sizeof v->items[v->n]);
	if (with_keys)
		v->keys[v->n] = NULL;
	return &v->items[v->n++];
}

/* Arrays and objects open alike: past the bracket, and done at once when `close` follows.
 * Returns 1 when empty (and closed), 0 when members follow. */
static int open_container(struct reader *r, struct jsonval *v, enum jsonval_type type,
                          char close)
{
	v->type = type;
	r->pos++;
	skip_ws(r);
	if (peek(r) == close) {
		r->pos++;
		return 1;
	}
	return 0;
}

/* After a member: ',' goes on (but not straight before `close`), `close` ends. Returns 1 to
 * go on, 0 at the end, -1 on an error. */
static int next_member(struct reader *r, char close)
{
	skip_ws(r);
	if (peek(r) == ',') {
		r->pos++;
		skip_ws(r);
		if (peek(r) == close) {
			fail(r, "trailing comma before '%c'", close);
			return -1;
		}
		return 1;
	}
	if (peek(r) == close) {
		r->pos++;
		return 0;
	}
	fail(r, "expected ',' or '%c', found %s", close, found(r));
	return -1;
}

static int parse_array(struct reader *r, struct jsonval *v, int depth)
{
	size_t cap = 0;
	if (open_container(r, v, JSON_ARRAY, ']'))
		return 0;
	for (;;) {
		struct jsonval *item = grow(r, v, &cap, 0);
		if (!item || parse_value(r, item, depth + 1) < 0)
			return -1;
		int more = next_member(r, ']');
		if (more <= 0)
			return more;
	}
}

static int parse_object(struct reader *r, struct jsonval *v, int depth)
{
	size_t cap = 0;
	if (open_container(r, v, JSON_OBJECT, '}'))
		return 0;
	for (;;) {
		if (peek(r) != '"') {
			fail(r, "expected a string key, found %s", found(r));
			return -1;
		}
		size_t keypos = r->pos;
		char *key;
		size_t keylen;
		if (parse_string(r, &key, &keylen) < 0)
			return -1;
		for (size_t i = 0; i < v->n; i++) {
			if (strcmp(v->keys[i], key) == 0) {
				r->pos = keypos;
				fail(r, "duplicate key \"%.40s\"", key);
				free(key);
				return -1;
			}
		}
		struct jsonval *item = grow(r, v, &cap, 1);
		if (!item) {
			free(key);
			return -1;
		}
		v->keys[v->n - 1] = key;
		skip_ws(r);
		if (peek(r) != ':') {
			fail(r, "expected ':' after a key, found %s", found(r));
			return -1;
		}
		r->pos++;
		if (parse_value(r, item, depth + 1) < 0)
			return -1;
		int more = next_member(r, '}');
		if (more <= 0)
			return more;
	}
}

static int literal(struct reader *r, const char *word)
{
	size_t n = strlen(word);
	if (r->len - r->pos < n || memcmp(r->s + r->pos, word, n) != 0) {
		fail(r, "unexpected %s", found(r));
		return -1;
	}
	r->pos += n;
	return 0;
}

static int parse_value(struct reader *r, struct jsonval *v, int depth)
{
	if (depth > JSONREAD_MAX_DEPTH) {
		fail(r, "nested deeper than %d levels", JSONREAD_MAX_DEPTH);
		return -1;
	}
	skip_ws(r);
	int c = peek(r);
	switch (c) {
	case '{':
		return parse_object(r, v, depth);
	case '[':
		return parse_array(r, v, depth);
	case '"':
		v->type = JSON_STRING;
		return parse_string(r, &v->str, &v->len);
	case 't':
		v->type = JSON_BOOL;
		v->boolean = 1;
		return literal(r, "true");
	case 'f':
		v->type = JSON_BOOL;
		return literal(r, "false");
	case 'n':
		v->type = JSON_NULL;
		return literal(r, "null");
	default:
		if (c == '-' || (c >= '0' && c <= '9')) {
			v->type = JSON_NUMBER;
			return parse_number(r, &v->number);
		}
		fail(r, "expected a value, found %s", found(r));
		return -1;
	}
}

int jsonread_parse(const char *buf, size_t len, struct jsonval **out, char *err, size_t errlen)
{
	struct reader r = { buf, len, 0, err, errlen, 0 };
	*out = NULL;
	if (err && errlen)
		err[0] = '\0';
	struct jsonval *v = calloc(1, sizeof *v);
	if (!v) {
		fail(&r, "out of memory");
		return -1;
	}
	/* A UTF-8 byte order mark is not JSON, but editors add it: skip it rather than refuse. */
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		r.pos = 3;
	if (parse_value(&r, v, 1) == 0) {
		skip_ws(&r);
		if (r.pos < r.len)
			fail(&r, "unexpected %s after the JSON value", found(&r));
	}
	if (r.failed) {
		jsonread_free(v);
		return -1;
	}
	*out = v;
	return 0;
}

const struct jsonval *jsonread_get(const struct jsonval *v, const char *key)
{
	if (!v || v->type != JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->keys[i], key) == 0)
			return &v->items[i];
	return NULL;
}

const char *jsonread_str(const struct jsonval *v)
{
	return v && v->type == JSON_STRING ? v->str : NULL;
}
