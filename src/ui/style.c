/* style.c: meanings to colours and attributes, with a monochrome fallback (NO_COLOR, a
 * terminal without colours) that keeps every meaning visible through attributes alone. */
#include "config.h"

#include <curses.h>

#include "ui/ui.h"
#include "view/dpara.h"
/* Last: term.h defines macros (lines, columns) that would rename fields of the view's headers. */
#include <term.h>

#ifndef A_ITALIC
#define A_ITALIC A_UNDERLINE
#endif

static const struct style_def {
	short fg, bg;        /* -1: the terminal's default */
	attr_t color_attr;   /* with colours */
	attr_t mono_attr;    /* without */
} defs[S_COUNT] = {
	[S_TEXT]        = { -1, -1, A_NORMAL, A_NORMAL },
	[S_TITLE]       = { COLOR_WHITE, COLOR_BLACK, A_NORMAL, A_UNDERLINE },
	[S_TITLE_FOCUS] = { COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD },
	[S_GUTTER]      = { COLOR_YELLOW, -1, A_NORMAL, A_DIM },
	[S_GUTTER_CUR]  = { COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD },
	[S_CUR_BAR]     = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[S_LEAD]        = { -1, -1, A_NORMAL, A_NORMAL },
	[S_LINK]        = { COLOR_CYAN, -1, A_UNDERLINE, A_UNDERLINE | A_BOLD },
	[S_LINK_SEL]    = { COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD },
	[S_MATCH]       = { COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE },
	[S_MATCH_CUR]   = { COLOR_BLACK, COLOR_MAGENTA, A_BOLD, A_REVERSE | A_BOLD | A_UNDERLINE },
	[S_HEADING]     = { -1, -1, A_BOLD, A_BOLD },
	[S_DIM]         = { COLOR_GREEN, -1, A_NORMAL, A_DIM },
	[S_STATUS]      = { COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE },
	[S_ERROR]       = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[S_RULE]        = { COLOR_BLUE, -1, A_NORMAL, A_DIM },
	[S_POPUP]       = { -1, -1, A_NORMAL, A_NORMAL },
	[S_LIST_SEL]    = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	/* Highlights (annotations): yellow, green, blue, red, purple, a colour gavel does not
	 * know (imported notes), and the selection being made. */
	[S_HL1]         = { COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_STANDOUT },
	[S_HL2]         = { COLOR_BLACK, COLOR_GREEN, A_NORMAL, A_STANDOUT },
	[S_HL3]         = { COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_STANDOUT },
	[S_HL4]         = { COLOR_WHITE, COLOR_RED, A_NORMAL, A_STANDOUT },
	[S_HL5]         = { COLOR_WHITE, COLOR_MAGENTA, A_NORMAL, A_STANDOUT },
	[S_HL6]         = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_STANDOUT },
	[S_HL7]         = { COLOR_BLACK, COLOR_WHITE, A_BOLD, A_REVERSE | A_BOLD },   /* selection */
};

static attr_t attrs[S_COUNT];
static attr_t italic = A_UNDERLINE;

void style_init(int no_color)
{
	/* Italics where the terminal has them (sitm), else underline as print does. */
	const char *sitm = tigetstr("sitm");
	if (sitm && sitm != (char *)-1)
		italic = A_ITALIC;
	int color = !no_color && has_colors() && start_color() == OK;
	if (color)
		use_default_colors();
	for (int i = 0; i < S_COUNT; i++) {
		if (color && COLOR_PAIRS > S_COUNT) {
			init_pair((short)(i + 1), defs[i].fg, defs[i].bg);
			attrs[i] = defs[i].color_attr | COLOR_PAIR(i + 1);
		} else {
			attrs[i] = defs[i].mono_attr;
		}
	}
	attrs[S_LEAD] |= italic;
}

attr_t style_attr(enum ui_style s)
{
	return s >= 0 && s < S_COUNT ? attrs[s] : A_NORMAL;
}

attr_t style_text_attr(unsigned st, int sel, int cur)
{
	attr_t extra = (st & ST_LEAD) ? italic : 0;
	if (st & ST_HEADING)
		extra |= A_BOLD;
	if (st & ST_OVERLAP)
		extra |= A_UNDERLINE;
	if (cur)
		return attrs[S_MATCH_CUR] | extra;
	if (sel && (st & ST_LINK))
		return attrs[S_LINK_SEL] | extra;
	if (st & ST_MATCH)
		return attrs[S_MATCH] | extra;
	unsigned hl = (st & ST_HL_MASK) >> ST_HL_SHIFT;
	if (hl)
		return attrs[S_HL1 + hl - 1] | extra | ((st & ST_LINK) ? A_UNDERLINE : 0);
	if (st & ST_LINK)
		return attrs[S_LINK] | extra;
	if (st & ST_DIM)
		return attrs[S_DIM] | extra;
	if (st & ST_LEAD)
		return attrs[S_LEAD];
	return attrs[S_TEXT] | extra;
}
