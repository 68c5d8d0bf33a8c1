/* ftstok.c: words as the library's index sees them, folded by text_fold, and the FTS5
 * tokenizer and phrase queries made of them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>

#include "library/ftstok.h"
#include "text/fold.h"
#include "text/utf8.h"

/* Longer words are cut (on a character boundary): the same cut in the index and in a query,
 * and search_text decides every hit anyway. */
#define WORD_MAX 255

/* Scripts written without spaces between words: each character is a word. */
static int single_script(uint32_t c)
{
	return (c >= 0x0E00 && c <= 0x0EFF) ||     /* Thai, Lao */
	       (c >= 0x1000 && c <= 0x109F) ||     /* Myanmar */
	       (c >= 0x1780 && c <= 0x17FF) ||     /* Khmer */
	       (c >= 0x3040 && c <= 0x30FF) ||     /* Hiragana, Katakana */
	       (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F) ||
	       uc_is_property_ideographic(c);
}

enum ftstok_class ftstok_class(uint32_t c)
{
	if (c < 0x80) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			return FTSTOK_WORD;
		return FTSTOK_SEP;
	}
	if (!uc_is_general_category(c, UC_CATEGORY_L) && !uc_is_general_category(c, UC_CATEGORY_N) &&
	    !uc_is_general_category(c, UC_CATEGORY_M))
		return FTSTOK_SEP;
	return single_script(c) ? FTSTOK_SINGLE : FTSTOK_WORD;
}

/* What text_fold drops: marks and invisible format characters. */
static int folds_away(uint32_t c)
{
	return uc_is_general_category(c, UC_CATEGORY_M) || c == 0x00AD ||
	       (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF;
}

/* The code point that ends before byte `at` (at > 0), and where it starts. */
static uint32_t char_before(const char *text, size_t at, size_t *start)
{
	size_t b = at - 1;
	while (b > 0 && ((unsigned char)text[b] & 0xC0) == 0x80 && at - b < 4)
		b--;
	uint32_t c;
	size_t l = utf8_decode(text + b, at - b, &c);
	if (b + l != at) {             /* a stray continuation byte: a character of its own */
		b = at - 1;
		c = 0xFFFD;
	}
	*start = b;
	return c;
}

int ftstok_word_start(const char *text, size_t len, size_t at)
{
	if (at == 0 || at > len)
		return 1;
	uint32_t first;
	utf8_decode(text + at, len - at, &first);
	if (ftstok_class(first) != FTSTOK_WORD)
		return 1;
	size_t b = at;
	while (b > 0) {
		uint32_t c = char_before(text, b, &b);
		if (folds_away(c))
			continue;
		return ftstok_class(c) != FTSTOK_WORD;
	}
	return 1;
}

int ftstok_words_folded(const char *text, size_t len,
                        int (*fn)(void *ctx, const char *word, size_t wlen, size_t start,
                                  size_t end), void *ctx)
{
	struct folded f;
	if (text_fold(text, len, &f) < 0)
		return -1;
	int rc = 0;
	size_t i = 0, ws = 0;
	int in_word = 0;
	while (i <= f.len && rc == 0) {
		uint32_t c = 0;
		size_t cl = 1;
		enum ftstok_class k = FTSTOK_SEP;
		if (i < f.len) {
			unsigned char b = (unsigned char)f.s[i];
			if (b < 0x80) {
				c = b;
			} else {
				cl = utf8_decode(f.s + i, f.len - i, &c);
			}
			k = ftstok_class(c);
		}
		if (in_word && k != FTSTOK_WORD) {
			size_t we = i, wl = we - ws;
			if (wl > WORD_MAX) {
				wl = WORD_MAX;
				while (wl > 0 && ((unsigned char)f.s[ws + wl] & 0xC0) == 0x80)
					wl--;
			}
			rc = fn(ctx, f.s + ws, wl, f.map[ws], f.map[we]);
			in_word = 0;
		}
		if (rc)
			break;
		if (k == FTSTOK_WORD && !in_word) {
			in_word = 1;
			ws = i;
		} else if (k == FTSTOK_SINGLE) {
			rc = fn(ctx, f.s + i, cl, f.map[i], f.map[i + cl]);
		}
		i += i < f.len ? cl : 1;
	}
	fold_free(&f);
	return rc;
}

/* One word of the text, [a, b) in the text's bytes, folded into buf (room for WORD_MAX + 8
 * bytes) unless it is ASCII: then only made small. Returns the call's result, or -1. */
static int emit(const char *text, size_t a, size_t b, int ascii,
                int (*fn)(void *, const char *, size_t, size_t, size_t), void *ctx)
{
	char buf[WORD_MAX + 8];
	if (ascii) {
		size_t n = b - a > WORD_MAX ? WORD_MAX : b - a;
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)text[a + i];
			buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
		}
		return fn(ctx, buf, n, a, b);
	}
	struct folded f;
	if (text_fold(text + a, b - a, &f) < 0)
		return -1;
	size_t wl = f.len;
	if (wl > WORD_MAX) {
		wl = WORD_MAX;
		while (wl > 0 && ((unsigned char)f.s[wl] & 0xC0) == 0x80)
			wl--;
	}
	int rc = fn(ctx, f.s, wl, a, b);
	fold_free(&f);
	return rc;
}

/* A CJK unified ideograph: a word by itself, and its own folded form. */
static int unified_han(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

int ftstok_words(const char *text, size_t len,
                 int (*fn)(void *ctx, const char *word, size_t wlen, size_t start, size_t end),
                 void *ctx)
{
	/* Mostly other scripts (Cyrillic, Arabic...): fold the whole text once. */
	size_t high = 0;
	for (size_t i = 0; i < len; i++)
		high += (unsigned char)text[i] >= 0x80;
	if (high * 8 > len)
		return ftstok_words_folded(text, len, fn, ctx);
	/* Mostly ASCII: words are cut where ftstok_count cuts them, and only a word holding a
	 * character beyond ASCII is folded, on its own. */
	size_t i = 0, ws = 0;
	int in_word = 0, ascii = 1, rc = 0;
	while (i < len && rc == 0) {
		unsigned char b = (unsigned char)text[i];
		uint32_t c = b;
		size_t cl = 1;
		if (b >= 0x80)
			cl = utf8_decode(text + i, len - i, &c);
		if (b >= 0x80 && folds_away(c)) {
			ascii = 0;             /* (dropped by the fold: joins what is around it) */
			i += cl;
			continue;
		}
		enum ftstok_class k = ftstok_class(c);
		if (in_word && k != FTSTOK_WORD) {
			rc = emit(text, ws, i, ascii, fn, ctx);
			in_word = 0;
			if (rc)
				break;
		}
		if (k == FTSTOK_WORD) {
			if (!in_word) {
				in_word = 1;
				ws = i;
				ascii = 1;
			}
			ascii &= b < 0x80;
		} else if (k == FTSTOK_SINGLE) {
			rc = unified_han(c) ? fn(ctx, text + i, cl, i, i + cl)
			                    : emit(text, i, i + cl, 0, fn, ctx);
		}
		i += cl;
	}
	if (rc == 0 && in_word)
		rc = emit(text, ws, len, ascii, fn, ctx);
	return rc;
}

size_t ftstok_count(const char *text, size_t len)
{
	size_t n = 0, i = 0;
	int in_word = 0;
	while (i < len) {
		unsigned char b = (unsigned char)text[i];
		if (b < 0x80) {
			int w = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
			n += w && !in_word;
			in_word = w;
			i++;
			continue;
		}
		uint32_t c;
		i += utf8_decode(text + i, len - i, &c);
		if (folds_away(c))
			continue;
		enum ftstok_class k = ftstok_class(c);
		if (k == FTSTOK_SINGLE) {
			n++;
			in_word = 0;
		} else {
			n += k == FTSTOK_WORD && !in_word;
			in_word = k == FTSTOK_WORD;
		}
	}
	return n;
}

/* ---- the FTS5 tokenizer ---- */

struct tok_call {
	void *ctx;
	int (*token)(void *, int, const char *, int, int, int);
};

static int tok_one(void *ctx, const char *w, size_t wl, size_t start, size_t end)
{
	struct tok_call *t = ctx;
	return t->token(t->ctx, 0, w, (int)wl, (int)start, (int)end);
}

static int tok_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)argv;
	(void)argc;
	*out = (Fts5Tokenizer *)ctx;   /* no state: any non-NULL handle */
	return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *t)
{
	(void)t;
}

static int tok_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int len,
                        int (*token)(void *, int, const char *, int, int, int))
{
	(void)t;
	(void)flags;
	struct tok_call call = { ctx, token };
	int rc = len > 0 ? ftstok_words(text, (size_t)len, tok_one, &call) : 0;
	return rc < 0 ? SQLITE_NOMEM : rc;
}

static fts5_api *fts5_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

int ftstok_register(sqlite3 *db)
{
	static int handle;
	static fts5_tokenizer tok = { tok_create, tok_delete, tok_tokenize };
	fts5_api *api = fts5_of(db);
	if (!api || api->iVersion < 2)
		return SQLITE_ERROR;
	return api->xCreateTokenizer(api, FTSTOK_NAME, &handle, &tok, NULL);
}

/* ---- queries ---- */

struct qbuf {
	char *s;
	size_t len, cap;
	int n, oom;
};

static int q_word(void *ctx, const char *w, size_t wl, size_t start, size_t end)
{
	(void)start;
	(void)end;
	struct qbuf *q = ctx;
	if (q->len + wl + 8 > q->cap) {
		size_t cap = (q->cap + wl + 8) * 2;
		char *ns = realloc(q->s, cap);
		if (!ns) {
			q->oom = 1;
			return 1;
		}
		q->s = ns;
		q->cap = cap;
	}
	if (q->n++)
		q->s[q->len++] = ' ';
	q->s[q->len++] = '"';
	memcpy(q->s + q->len, w, wl);
	q->len += wl;
	q->s[q->len++] = '"';
	return 0;
}

int ftstok_ends_in_word(const char *pattern)
{
	/* White space at the end is trimmed, as search_compile trims it. */
	size_t e = strlen(pattern);
	uint32_t last = ' ';
	while (e > 0) {
		last = char_before(pattern, e, &e);
		if (!folds_away(last) && !uc_is_property_white_space(last))
			break;
		last = ' ';
	}
	return ftstok_class(last) == FTSTOK_WORD;
}

char *ftstok_query(const char *pattern, int *nwords)
{
	struct qbuf q = { NULL, 0, 0, 0, 0 };
	*nwords = 0;
	size_t plen = strlen(pattern);
	q.cap = plen + 8;
	if (!(q.s = malloc(q.cap))) {
		*nwords = -1;
		return NULL;
	}
	if (ftstok_words(pattern, plen, q_word, &q) < 0 || q.oom) {
		free(q.s);
		*nwords = -1;
		return NULL;
	}
	if (q.n == 0) {
		free(q.s);
		return NULL;
	}
	if (ftstok_ends_in_word(pattern)) {
		q.s[q.len++] = ' ';
		q.s[q.len++] = '*';
	}
	q.s[q.len] = '\0';
	*nwords = q.n;
	return q.s;
}
