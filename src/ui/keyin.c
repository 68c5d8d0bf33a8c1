/* keyin.c: curses keys and mouse events -> the view's key codes (keys.h). */
#include "config.h"

#include <curses.h>

#include "ui/ui.h"

#include "view/ledit.h"

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
	if (code > 0 && code == key_word_left)
		return VK_WORD_LEFT;
	if (code > 0 && code == key_word_right)
		return VK_WORD_RIGHT;
	switch (code) {
	case KEY_UP: return VK_UP;
	case KEY_DOWN: return VK_DOWN;
	case KEY_LEFT: return VK_LEFT;
	case KEY_RIGHT: return VK_RIGHT;
	case KEY_PPAGE: return VK_PGUP;
	case KEY_NPAGE: return VK_PGDN;
	case KEY_HOME: return VK_HOME;
	case KEY_END: return VK_END;
	case KEY_BACKSPACE: return VK_BACKSPACE;
	case KEY_ENTER: return VK_ENTER;
	case KEY_BTAB: return VK_BTAB;
	case KEY_DC: return VK_DELETE;
	case KEY_F(1): return VK_F1;
	case KEY_RESIZE: return VK_RESIZE;
	case KEY_MOUSE: return VK_MOUSE;
	}
	return -1;
}

int keyin_read(struct view *v)
{
	wint_t ch;
	int r = get_wch(&ch);
	if (r == ERR)
		return -1;
	if (r == KEY_CODE_YES) {
		int k = translate((int)ch);
		if (k == VK_MOUSE) {
			MEVENT ev;
			if (getmouse(&ev) != OK)
				return -1;
			if (ev.bstate & BUTTON1_PRESSED)
				view_click(v, ev.y, ev.x);
			else if (ev.bstate & BUTTON4_PRESSED)
				view_wheel(v, ev.y, ev.x, -3);
			else if (ev.bstate & BUTTON5_PRESSED)
				view_wheel(v, ev.y, ev.x, 3);
		}
		return k;
	}
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
