/* ledit.c: grapheme- and word-wise editing and sideways scrolling for the one-line editor. */
#include "config.h"

#include <string.h>
#include <unictype.h>
#include <unigbrk.h>

#include "text/utf8.h"
#include "text/wrap.h"
#include "view/ledit.h"

size_t ledit_prev(const struct lineedit *e, size_t at)
{
	if (at == 0)
		return 0;
	if (at > e->len)
		at = e->len;
	const uint8_t *t = (const uint8_t *)e->buf;
	const uint8_t *p = u8_grapheme_prev(t + at, t);
	return p ? (size_t)(p - t) : 0;
}

size_t ledit_next(const struct lineedit *e, size_t at)
{
	if (at >= e->len)
		return e->len;
	const uint8_t *t = (const uint8_t *)e->buf;
	const uint8_t *n = u8_grapheme_next(t + at, t + e->len);
	return n ? (size_t)(n - t) : e->len;
}

static int is_word(const struct lineedit *e, size_t at)
{
	uint32_t c;
	utf8_decode(e->buf + at, e->len - at, &c);
	return c == '_' || uc_is_alnum(c) || uc_is_general_category(c, UC_CATEGORY_M);
}

size_t ledit_word_left(const struct lineedit *e, size_t at)
{
	while (at > 0 && !is_word(e, ledit_prev(e, at)))
		at = ledit_prev(e, at);
	while (at > 0 && is_word(e, ledit_prev(e, at)))
		at = ledit_prev(e, at);
	return at;
}

size_t ledit_word_right(const struct lineedit *e, size_t at)
{
	while (at < e->len && !is_word(e, at))
		at = ledit_next(e, at);
	while (at < e->len && is_word(e, at))
		at = ledit_next(e, at);
	return at;
}

static void cut(struct lineedit *e, size_t from, size_t to)
{
	if (to > e->len)
		to = e->len;
	if (from >= to)
		return;
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	if (e->cur > to)
		e->cur -= to - from;
	else if (e->cur > from)
		e->cur = from;
}

enum lineedit_result ledit_do(struct lineedit *e, enum ledit_op op)
{
	switch (op) {
	case LEDIT_DELETE_BACK:
		if (e->len == 0)
			return LE_CANCEL;
		cut(e, ledit_prev(e, e->cur), e->cur);
		break;
	case LEDIT_DELETE:
		cut(e, e->cur, ledit_next(e, e->cur));
		break;
	case LEDIT_LEFT:
		e->cur = ledit_prev(e, e->cur);
		break;
	case LEDIT_RIGHT:
		e->cur = ledit_next(e, e->cur);
		break;
	case LEDIT_WORD_LEFT:
		e->cur = ledit_word_left(e, e->cur);
		break;
	case LEDIT_WORD_RIGHT:
		e->cur = ledit_word_right(e, e->cur);
		break;
	case LEDIT_START:
		e->cur = 0;
		break;
	case LEDIT_END:
		e->cur = e->len;
		break;
	case LEDIT_DELETE_WORD:
		cut(e, ledit_word_left(e, e->cur), e->cur);
		break;
	case LEDIT_KILL_START:
		cut(e, 0, e->cur);
		break;
	case LEDIT_KILL_END:
		cut(e, e->cur, e->len);
		break;
	}
	return LE_EDITED;
}

enum lineedit_result ledit_key(struct lineedit *e, int key)
{
	static const struct {
		int key;
		enum ledit_op op;
	} keys[] = {
		{ VK_BACKSPACE, LEDIT_DELETE_BACK }, { VK_CTRL('h'), LEDIT_DELETE_BACK },
		{ 0x7f, LEDIT_DELETE_BACK }, { VK_DELETE, LEDIT_DELETE }, { VK_CTRL('d'), LEDIT_DELETE },
		{ VK_LEFT, LEDIT_LEFT }, { VK_CTRL('b'), LEDIT_LEFT }, { VK_RIGHT, LEDIT_RIGHT },
		{ VK_CTRL('f'), LEDIT_RIGHT }, { VK_WORD_LEFT, LEDIT_WORD_LEFT },
		{ VK_WORD_RIGHT, LEDIT_WORD_RIGHT }, { VK_CTRL('w'), LEDIT_DELETE_WORD },
	};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (keys[i].key == key)
			return ledit_do(e, keys[i].op);
	return lineedit_key(e, key);
}

size_t ledit_fit(const char *s, size_t from, size_t len, int width)
{
	size_t at = from;
	int w = 0;
	const uint8_t *t = (const uint8_t *)s;
	while (at < len) {
		const uint8_t *n = u8_grapheme_next(t + at, t + len);
		size_t next = n ? (size_t)(n - t) : len;
		int cw = text_width(s + at, next - at);
		if (w + cw > width)
			break;
		w += cw;
		at = next;
	}
	return at - from;
}

int ledit_scroll(const struct lineedit *e, int width, size_t *first)
{
	if (width < 1)
		width = 1;
	size_t cur = e->cur > e->len ? e->len : e->cur;
	if (*first > cur)
		*first = cur;
	/* Keep a quarter of the field as context when the cursor goes off the left edge. */
	if (*first == cur && cur > 0) {
		int ctx = width / 4;
		while (*first > 0) {
			size_t p = ledit_prev(e, *first);
			if (text_width(e->buf + p, cur - p) > ctx)
				break;
			*first = p;
		}
	}
	*first = ledit_prev(e, ledit_next(e, *first));   /* on a grapheme start */
	/* The character under the cursor must fit whole (a free column at the end of the line). */
	size_t end = cur < e->len ? ledit_next(e, cur) : cur;
	int extra = cur < e->len ? 0 : 1;
	while (*first < cur && text_width(e->buf + *first, end - *first) + extra > width)
		*first = ledit_next(e, *first);
	return text_width(e->buf + *first, cur - *first);
}
