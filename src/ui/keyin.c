/* keyin.c: curses keys and mouse events -> input events in the view's terms (keys.h). Reads
 * only: what an event does is the view's business (view_key, view_click, view_wheel). */
#include "config.h"

#include <curses.h>

#include "ui/ui.h"

/* Ctrl-Left and Ctrl-Right have no KEY_ constant: ncurses knows them by terminfo name. */
static int key_word_left, key_word_right;

void keyin_init(void)
{
	key_word_left = key_defined("kLFT5");
	key_word_right = key_defined("kRIT5");
	keypad(stdscr, TRUE);
	set_escdelay(25);
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
}

static int translate(int code)
{
	static const struct {
		int curses, key;
	} table[] = {
		{ KEY_UP, VK_UP }, { KEY_DOWN, VK_DOWN }, { KEY_LEFT, VK_LEFT },
		{ KEY_RIGHT, VK_RIGHT }, { KEY_PPAGE, VK_PGUP }, { KEY_NPAGE, VK_PGDN },
		{ KEY_HOME, VK_HOME }, { KEY_END, VK_END }, { KEY_BACKSPACE, VK_BACKSPACE },
		{ KEY_ENTER, VK_ENTER }, { KEY_BTAB, VK_BTAB }, { KEY_DC, VK_DELETE },
		{ KEY_IC, VK_INSERT }, { KEY_F(1), VK_F1 }, { KEY_F(2), VK_F2 }, { KEY_F(3), VK_F3 },
		{ KEY_F(4), VK_F4 }, { KEY_F(5), VK_F5 }, { KEY_F(6), VK_F6 }, { KEY_F(7), VK_F7 },
		{ KEY_F(8), VK_F8 }, { KEY_F(9), VK_F9 }, { KEY_F(10), VK_F10 },
		{ KEY_F(11), VK_F11 }, { KEY_F(12), VK_F12 }, { KEY_RESIZE, VK_RESIZE },
		{ KEY_MOUSE, VK_MOUSE },
	};
	if (code > 0 && code == key_word_left)
		return VK_WORD_LEFT;
	if (code > 0 && code == key_word_right)
		return VK_WORD_RIGHT;
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		if (table[i].curses == code)
			return table[i].key;
	return -1;
}

/* A character: the keys that arrive as control characters get their names. */
static int character(wint_t ch)
{
	switch (ch) {
	case '\n':
	case '\r':
		return VK_ENTER;
	case 0x7f:
	case 0x08:
		return VK_BACKSPACE;
	case 0x1b:
		return VK_ESC;
	case '\t':
		return VK_TAB;
	}
	return (int)ch;
}

void keyin_read(struct input *in)
{
	*in = (struct input){ IN_NONE, 0, 0, 0, 0 };
	wint_t ch;
	int r = get_wch(&ch);
	if (r == ERR)
		return;
	if (r != KEY_CODE_YES) {
		in->kind = IN_KEY;
		in->key = character(ch);
		return;
	}
	int k = translate((int)ch);
	if (k == VK_RESIZE) {
		in->kind = IN_RESIZE;
	} else if (k == VK_MOUSE) {
		MEVENT ev;
		if (getmouse(&ev) != OK)
			return;
		in->y = ev.y;
		in->x = ev.x;
		if (ev.bstate & BUTTON1_PRESSED) {
			in->kind = IN_CLICK;
		} else if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
			in->kind = IN_WHEEL;
			in->delta = ev.bstate & BUTTON4_PRESSED ? -3 : 3;
		}
	} else if (k > 0) {
		in->kind = IN_KEY;
		in->key = k;
	}
}
