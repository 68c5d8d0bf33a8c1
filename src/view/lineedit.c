/* lineedit.c: editing keys of the command and search lines. */
#include "config.h"

#include <string.h>

#include "text/utf8.h"
#include "view/keys.h"
#include "view/lineedit.h"

void lineedit_clear(struct lineedit *e)
{
	e->buf[0] = '\0';
	e->len = e->cur = 0;
}

void lineedit_set(struct lineedit *e, const char *s)
{
	size_t n = strlen(s);
	if (n >= LINEEDIT_MAX)
		n = LINEEDIT_MAX - 1;
	/* Never cut a character in half. */
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(e->buf, s, n);
	e->buf[n] = '\0';
	e->len = e->cur = n;
}

static size_t prev_char(const struct lineedit *e, size_t at)
{
	while (at > 0 && ((unsigned char)e->buf[--at] & 0xC0) == 0x80)
		;
	return at;
}

static size_t next_char(const struct lineedit *e, size_t at)
{
	if (at >= e->len)
		return e->len;
	at++;
	while (at < e->len && ((unsigned char)e->buf[at] & 0xC0) == 0x80)
		at++;
	return at;
}

static void cut(struct lineedit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	if (e->cur > to)
		e->cur -= to - from;
	else if (e->cur > from)
		e->cur = from;
}

enum lineedit_result lineedit_key(struct lineedit *e, int key)
{
	switch (key) {
	case VK_ENTER:
	case '\n':
	case '\r':
		return LE_ACCEPT;
	case VK_ESC:
	case VK_CTRL('c'):
	case VK_CTRL('g'):
		return LE_CANCEL;
	case VK_BACKSPACE:
	case VK_CTRL('h'):
	case 0x7f:
		if (e->len == 0)
			return LE_CANCEL;
		if (e->cur > 0)
			cut(e, prev_char(e, e->cur), e->cur);
		return LE_EDITED;
	case VK_DELETE:
	case VK_CTRL('d'):
		cut(e, e->cur, next_char(e, e->cur));
		return LE_EDITED;
	case VK_LEFT:
	case VK_CTRL('b'):
		e->cur = prev_char(e, e->cur);
		return LE_EDITED;
	case VK_RIGHT:
	case VK_CTRL('f'):
		e->cur = next_char(e, e->cur);
		return LE_EDITED;
	case VK_HOME:
	case VK_CTRL('a'):
		e->cur = 0;
		return LE_EDITED;
	case VK_END:
	case VK_CTRL('e'):
		e->cur = e->len;
		return LE_EDITED;
	case VK_CTRL('u'):
		cut(e, 0, e->cur);
		return LE_EDITED;
	case VK_CTRL('k'):
		cut(e, e->cur, e->len);
		return LE_EDITED;
	case VK_CTRL('w'): {
		size_t at = e->cur;
		while (at > 0 && e->buf[at - 1] == ' ')
			at--;
		while (at > 0 && e->buf[at - 1] != ' ')
			at--;
		cut(e, at, e->cur);
		return LE_EDITED;
	}
	}
	/* Printable characters only: controls never enter the line. */
	if (key < 0x20 || key == 0x7f || (key >= 0x80 && key < 0xA0) || key >= VK_BASE ||
	    (key >= 0xD800 && key <= 0xDFFF) || utf8_is_control((uint32_t)key))
		return LE_IGNORED;
	char enc[4];
	size_t n = utf8_encode((uint32_t)key, enc);
	if (n == 0 || e->len + n >= LINEEDIT_MAX)
		return LE_EDITED;
	memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, enc, n);
	e->len += n;
	e->cur += n;
	return LE_EDITED;
}
