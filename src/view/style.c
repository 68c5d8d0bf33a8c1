/* style.c: the areas' defaults and the style of a byte of text. */
#include "config.h"

#include <string.h>

#include "view/dpara.h"
#include "view/style.h"

const struct style_def style_defaults[STYLE_COUNT] = {
#define X(id, nm, f, b, ca, ma, w) [STYLE_##id] = { nm, f, b, ca, ma, w },
	VIEW_STYLES(X)
#undef X
};

int style_find(const char *name)
{
	for (int i = 0; i < STYLE_COUNT; i++)
		if (strcmp(style_defaults[i].name, name) == 0)
			return i;
	return -1;
}

enum style_area style_of_color(int c)
{
	return c >= 0 && c < 5 ? (enum style_area)(STYLE_HL1 + c) : STYLE_HL6;
}

unsigned style_of_text(unsigned st, int sel, int cur)
{
	unsigned extra = (st & ST_LEAD) ? SA_ITALIC : 0;
	if (st & ST_HEADING)
		extra |= SA_BOLD;
	if (st & ST_OVERLAP)
		extra |= SA_UNDERLINE;
	/* The selection being made wins over everything, a match included: it must never look
	 * like the match it started on. */
	if (st & ST_SELECT)
		return STYLE(STYLE_SELECTION, extra);
	if (cur)
		return STYLE(STYLE_MATCH_CUR, extra);
	if (sel && (st & ST_LINK))
		return STYLE(STYLE_LINK_SEL, extra);
	if (st & ST_MATCH)
		return STYLE(STYLE_MATCH, extra);
	unsigned hl = (st & ST_HL_MASK) >> ST_HL_SHIFT;
	if (hl)
		return STYLE(style_of_color((int)hl - 1), extra | ((st & ST_LINK) ? SA_UNDERLINE : 0));
	if (st & ST_LINK)
		return STYLE(STYLE_LINK, extra);
	if (st & ST_DIM)
		return STYLE(STYLE_DIM, extra);
	if (st & ST_LEAD)
		return STYLE(STYLE_LEAD, 0);
	return STYLE(STYLE_TEXT, extra);
}
