/* select.c: the visual-mode selection inside one paragraph (grapheme and word motions). */
#include "config.h"

#include <string.h>
#include <unictype.h>
#include <unigbrk.h>

#include "text/utf8.h"
#include "view/keys.h"
#include "view/select.h"

/* The start of the grapheme cluster after the one at b (len at the end). */
static size_t next_g(const struct selection *s, size_t b)
{
	if (b >= s->len)
		return s->len;
	const uint8_t *t = (const uint8_t *)s->text;
	const uint8_t *n = u8_grapheme_next(t + b, t + s->len);
	return n ? (size_t)(n - t) : s->len;
}

/* The start of the grapheme cluster before b (0 at the start). */
static size_t prev_g(const struct selection *s, size_t b)
{
	if (b == 0)
		return 0;
	const uint8_t *t = (const uint8_t *)s->text;
	const uint8_t *p = u8_grapheme_prev(t + b, t);
	return p ? (size_t)(p - t) : 0;
}

/* The start of the last grapheme cluster: the furthest the free end may go. */
static size_t last_g(const struct selection *s)
{
	return prev_g(s, s->len);
}

/* Snaps a byte offset to the start of the grapheme cluster holding it. */
static size_t snap(const struct selection *s, size_t b)
{
	if (b >= s->len)
		return last_g(s);
	size_t at = 0;
	for (size_t n; (n = next_g(s, at)) <= b && n < s->len;)
		at = n;
	return at;
}

/* Classes for word motions, as vim's: blanks, word characters (letters, digits, marks, '_'),
 * and runs of other non-blank characters (punctuation) count as words of their own. */
enum { C_BLANK, C_WORD, C_PUNCT };

static int class_at(const struct selection *s, size_t b)
{
	uint32_t c;
	utf8_decode(s->text + b, s->len - b, &c);
	if (uc_is_property_white_space(c) || c == 0x200B)
		return C_BLANK;
	if (c == '_' || uc_is_alnum(c) || uc_is_general_category(c, UC_CATEGORY_M))
		return C_WORD;
	return C_PUNCT;
}

/* w: the start of the next word (or the last character). */
static size_t word_next(const struct selection *s, size_t b)
{
	size_t last = last_g(s);
	int k = class_at(s, b);
	if (k != C_BLANK)
		while (b < last && class_at(s, b) == k)
			b = next_g(s, b);
	while (b < last && class_at(s, b) == C_BLANK)
		b = next_g(s, b);
	return b;
}

/* e: the last character of this word, or of the next when already at an end. */
static size_t word_end(const struct selection *s, size_t b)
{
	size_t last = last_g(s);
	if (b >= last)
		return last;
	b = next_g(s, b);
	while (b < last && class_at(s, b) == C_BLANK)
		b = next_g(s, b);
	int k = class_at(s, b);
	for (size_t n; b < last && (n = next_g(s, b)) < s->len && class_at(s, n) == k;)
		b = n;
	return b;
}

/* b: the start of this word, or of the previous when already at a start. */
static size_t word_prev(const struct selection *s, size_t b)
{
	if (b == 0)
		return 0;
	b = prev_g(s, b);
	while (b > 0 && class_at(s, b) == C_BLANK)
		b = prev_g(s, b);
	int k = class_at(s, b);
	for (size_t p; b > 0 && class_at(s, p = prev_g(s, b)) == k;)
		b = p;
	return b;
}

int select_start(struct selection *s, int para, const char *text, size_t start, size_t end)
{
	memset(s, 0, sizeof *s);
	size_t len = text ? strlen(text) : 0;
	if (len == 0)
		return -1;
	s->text = text;
	s->len = len;
	s->para = para;
	s->anchor = snap(s, start);
	s->cursor = end > start ? snap(s, end - 1) : s->anchor;
	if (s->cursor < s->anchor)
		s->cursor = s->anchor;
	s->active = 1;
	return 0;
}

int select_whole(struct selection *s, int para, const char *text)
{
	if (select_start(s, para, text, 0, 0) < 0)
		return -1;
	s->cursor = last_g(s);
	s->whole = 1;
	return 0;
}

void select_cancel(struct selection *s)
{
	s->active = 0;
	s->whole = 0;
}

int select_move(struct selection *s, enum select_motion m)
{
	if (!s->active)
		return 0;
	size_t c = s->cursor;
	switch (m) {
	case SM_LEFT:
		c = prev_g(s, c);
		break;
	case SM_RIGHT:
		c = next_g(s, c);
		if (c >= s->len)
			c = last_g(s);
		break;
	case SM_WORD_NEXT:
		c = word_next(s, c);
		break;
	case SM_WORD_END:
		c = word_end(s, c);
		break;
	case SM_WORD_PREV:
		c = word_prev(s, c);
		break;
	case SM_START:
		c = 0;
		break;
	case SM_END:
		c = last_g(s);
		break;
	case SM_SWAP: {
		size_t a = s->anchor;
		s->anchor = s->cursor;
		c = a;
		break;
	}
	case SM_WHOLE:
		/* Back from the whole paragraph to a selection of its first character, as in vim. */
		if (s->whole) {
			s->whole = 0;
			s->anchor = c = 0;
		} else {
			s->whole = 1;
		}
		s->cursor = c;
		return 1;
	default:
		return 0;
	}
	s->whole = 0;
	s->cursor = c;
	return 1;
}

int select_to(struct selection *s, size_t byte)
{
	if (!s->active)
		return 0;
	s->whole = 0;
	s->cursor = snap(s, byte);
	return 1;
}

int select_key(struct selection *s, int key)
{
	static const struct {
		int key;
		enum select_motion m;
	} keys[] = {
		{ 'h', SM_LEFT }, { VK_LEFT, SM_LEFT }, { 'l', SM_RIGHT }, { VK_RIGHT, SM_RIGHT },
		{ ' ', SM_RIGHT }, { 'w', SM_WORD_NEXT }, { 'e', SM_WORD_END }, { 'b', SM_WORD_PREV },
		{ '0', SM_START }, { '^', SM_START }, { VK_HOME, SM_START }, { '$', SM_END },
		{ VK_END, SM_END }, { 'o', SM_SWAP }, { 'V', SM_WHOLE },
	};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (keys[i].key == key)
			return select_move(s, keys[i].m);
	return 0;
}

void select_range(const struct selection *s, size_t *start, size_t *end, size_t *bstart,
                  size_t *bend)
{
	size_t a = s->anchor < s->cursor ? s->anchor : s->cursor;
	size_t b = s->anchor < s->cursor ? s->cursor : s->anchor;
	if (s->whole) {
		a = 0;
		b = s->len;
	} else {
		b = next_g(s, b);
	}
	if (!s->active)
		a = b = 0;
	*start = utf8_count(s->text ? s->text : "", a);
	*end = *start + utf8_count(s->text ? s->text + a : "", b - a);
	if (bstart)
		*bstart = a;
	if (bend)
		*bend = b;
}
