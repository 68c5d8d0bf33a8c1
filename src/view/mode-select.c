/* mode-select.c: choosing words of the current paragraph, as vim's visual mode, then
 * highlighting them, writing a note on them, tagging or copying them. */
#include "config.h"

#include <stddef.h>

#include "view/pane.h"
#include "view/view.h"
#include "view/vnotes.h"

static const struct binding select_keys[] = {
	{ 'h', ACT_SEL_LEFT, NULL }, { VK_LEFT, ACT_SEL_LEFT, NULL },
	{ 'l', ACT_SEL_RIGHT, NULL }, { VK_RIGHT, ACT_SEL_RIGHT, NULL },
	{ ' ', ACT_SEL_RIGHT, NULL },
	{ 'w', ACT_SEL_WORD_NEXT, NULL }, { 'b', ACT_SEL_WORD_PREV, NULL },
	{ 'e', ACT_SEL_WORD_END, NULL },
	{ '0', ACT_SEL_START, NULL }, { '^', ACT_SEL_START, NULL }, { VK_HOME, ACT_SEL_START, NULL },
	{ '$', ACT_SEL_END, NULL }, { VK_END, ACT_SEL_END, NULL },
	{ 'o', ACT_SEL_SWAP, NULL },
	{ 'V', ACT_SELECT_PARA, "The whole paragraph, and back" },
	{ '1', ACT_COLOR_1, "Highlight in colour 1 (yellow unless renamed)" },
	{ '2', ACT_COLOR_2, "Highlight in colour 2 (green)" },
	{ '3', ACT_COLOR_3, "Highlight in colour 3 (blue)" },
	{ '4', ACT_COLOR_4, "Highlight in colour 4 (red)" },
	{ '5', ACT_COLOR_5, "Highlight in colour 5 (purple)" },
	{ VK_ENTER, ACT_HIGHLIGHT, NULL },
	{ 'c', ACT_NOTE, "Highlight and write a note on it, typed in place" },
	{ 'a', ACT_NOTE, NULL },
	{ 'C', ACT_NOTE_EDITOR, "Highlight and write a note on it in $VISUAL or $EDITOR" },
	{ 'A', ACT_NOTE_EDITOR, NULL },
	{ 't', ACT_TAGS, "Highlight with tags (asks for them; Tab completes)" },
	{ 'y', ACT_COPY, "Copy the words with their citation to the clipboard" },
	{ 'Y', ACT_COPY_FILE, "Append the words with their citation to a file (asks which)" },
	{ VK_ESC, ACT_CLOSE, "Cancel" }, { 'q', ACT_CLOSE, NULL }, { 'v', ACT_CLOSE, NULL },
	{ 0, ACT_NONE, NULL }
};

static const struct hint select_hint[] = {
	{ "move", { ACT_SEL_LEFT, ACT_SEL_RIGHT, ACT_SEL_WORD_NEXT, ACT_SEL_WORD_PREV,
	            ACT_SEL_WORD_END, ACT_SEL_START, ACT_SEL_END, ACT_SEL_SWAP, ACT_NONE } },
	{ "paragraph", { ACT_SELECT_PARA, ACT_NONE } },
	{ "highlight", { ACT_COLOR_1, ACT_COLOR_2, ACT_COLOR_3, ACT_COLOR_4, ACT_COLOR_5, ACT_NONE } },
	{ "note", { ACT_NOTE, ACT_NONE } },
	{ "$EDITOR", { ACT_NOTE_EDITOR, ACT_NONE } },
	{ "tags", { ACT_TAGS, ACT_NONE } },
	{ "copy", { ACT_COPY, ACT_NONE } },
	{ "cancel", { ACT_CLOSE, ACT_NONE } },
	{ NULL, { ACT_NONE } }
};

static int motion(struct view *v, enum select_motion m)
{
	if (select_move(&v->notes->sel, m))
		vnotes_selection_moved(v->notes, v);
	return 1;
}

static int select_action(struct view *v, enum action a)
{
	struct vnotes *n = v->notes;
	if (!n)
		return 0;
	if (keys_color_of(a) >= 0) {
		vnotes_highlight(n, v, keys_color_of(a));
		return 1;
	}
	switch (a) {
	case ACT_SEL_LEFT:
		return motion(v, SM_LEFT);
	case ACT_SEL_RIGHT:
		return motion(v, SM_RIGHT);
	case ACT_SEL_WORD_NEXT:
		return motion(v, SM_WORD_NEXT);
	case ACT_SEL_WORD_PREV:
		return motion(v, SM_WORD_PREV);
	case ACT_SEL_WORD_END:
		return motion(v, SM_WORD_END);
	case ACT_SEL_START:
		return motion(v, SM_START);
	case ACT_SEL_END:
		return motion(v, SM_END);
	case ACT_SEL_SWAP:
		return motion(v, SM_SWAP);
	case ACT_SELECT_PARA:
		return motion(v, SM_WHOLE);
	case ACT_HIGHLIGHT:
		vnotes_highlight(n, v, -1);
		return 1;
	case ACT_NOTE:
	case ACT_NOTE_EDITOR:
		vnotes_new_note(n, v, a == ACT_NOTE_EDITOR);
		return 1;
	case ACT_TAGS:
		vnotes_new_tagged(n, v);
		return 1;
	case ACT_COPY:
	case ACT_COPY_FILE:
		vnotes_copy_selection(n, v, a == ACT_COPY_FILE);
		return 1;
	case ACT_CLOSE:
		view_pop(v);
		return 1;
	default:
		return 0;
	}
}

/* A click in the paragraph moves the free end there; elsewhere it cancels. */
static void select_click(struct view *v, int y, int x)
{
	struct vnotes *n = v->notes;
	int pi = geom_pane_at(&v->geom, y, x);
	struct pane *p = pi >= 0 ? &v->pane[pi] : NULL;
	const struct rect *r = pi >= 0 ? &v->geom.pane[pi] : NULL;
	size_t pos = p ? p->top : 0;
	int line = p ? p->top_line : 0, row = r ? y - r->y - 1 : -1;
	if (!p || row < 0 || pane_advance(v, pi, &pos, &line, row) != row ||
	    p->paras[pos] != n->sel.para) {
		view_pop(v);
		return;
	}
	const struct dpara *d = pane_dpara(v, pi, pos);
	long b = d ? dpara_byte_at(d, line, x - r->x - p->gutter - d->indent) : -1;
	if (b >= 0 && (size_t)b < d->body_len && select_to(&n->sel, d->orig[b]))
		vnotes_selection_moved(n, v);
}

static void select_leave(struct view *v)
{
	if (v->notes)
		select_cancel(&v->notes->sel);
	v->gen++;
}

const struct mode_ops mode_select_ops = {
	.name = "select",
	.title = "Selecting words",
	.about = "After select or select-paragraph in the reader: the free end moves, the other "
	         "stays.",
	.flags = MODE_OVERLAY,
	.keys = select_keys,
	.hint = select_hint,
	.action = select_action,
	.click = select_click,
	.leave = select_leave,
};
