/* mode-popup.c: the notes of one paragraph in a popup over the text: choose one, then edit
 * its note, tags or colour, delete it, copy its quote. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "view/clip.h"
#include "view/draw.h"
#include "view/view.h"
#include "view/vnotes.h"

static const struct binding popup_keys[] = {
	{ VK_TAB, ACT_LINE_DOWN, "Next note" }, { VK_BTAB, ACT_LINE_UP, "Previous note" },
	{ 'e', ACT_EDIT_NOTE, NULL }, { VK_ENTER, ACT_EDIT_NOTE, NULL },
	{ 'E', ACT_EDIT_NOTE_EDITOR, NULL },
	{ 't', ACT_TAGS, NULL }, { '#', ACT_TAGS, NULL },
	{ 'd', ACT_DELETE_NOTE, NULL }, { VK_DELETE, ACT_DELETE_NOTE, NULL },
	{ '1', ACT_COLOR_1, "Recolour: colour 1 (yellow unless renamed)" },
	{ '2', ACT_COLOR_2, "Recolour: colour 2 (green)" },
	{ '3', ACT_COLOR_3, "Recolour: colour 3 (blue)" },
	{ '4', ACT_COLOR_4, "Recolour: colour 4 (red)" },
	{ '5', ACT_COLOR_5, "Recolour: colour 5 (purple)" },
	{ 'y', ACT_COPY, "Copy the note's words with their citation to the clipboard" },
	{ 'u', ACT_UNDO, NULL }, { VK_CTRL('r'), ACT_REDO, NULL },
	{ VK_ESC, ACT_CLOSE, "Close (so does any other key)" }, { 'q', ACT_CLOSE, NULL },
	{ 'i', ACT_CLOSE, NULL },
	{ 0, ACT_NONE, NULL }
};

static const struct hint popup_hint[] = {
	{ "choose", { ACT_LINE_DOWN, ACT_LINE_UP, ACT_NONE } },
	{ "edit", { ACT_EDIT_NOTE, ACT_NONE } },
	{ "$EDITOR", { ACT_EDIT_NOTE_EDITOR, ACT_NONE } },
	{ "tags", { ACT_TAGS, ACT_NONE } },
	{ "delete", { ACT_DELETE_NOTE, ACT_NONE } },
	{ "colour", { ACT_COLOR_1, ACT_COLOR_2, ACT_COLOR_3, ACT_COLOR_4, ACT_COLOR_5, ACT_NONE } },
	{ "copy", { ACT_COPY, ACT_NONE } },
	{ "undo", { ACT_UNDO, ACT_NONE } },
	{ "close", { ACT_CLOSE, ACT_NONE } },
	{ NULL, { ACT_NONE } }
};

static int popup_action(struct view *v, enum action a)
{
	struct vnotes *n = v->notes;
	if (!n)
		return 0;
	size_t k = annot_para(&n->set, n->popup_para)->n;
	if (keys_color_of(a) >= 0) {
		vnotes_recolor(n, v, MODE_POPUP, keys_color_of(a));
		return 1;
	}
	switch (a) {
	case ACT_LINE_DOWN:
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		if (n->popup_cur + 1 < k)
			n->popup_cur++;
		return 1;
	case ACT_LINE_UP:
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		if (n->popup_cur > 0)
			n->popup_cur--;
		return 1;
	case ACT_FIRST:
		n->popup_cur = 0;
		return 1;
	case ACT_LAST:
		n->popup_cur = k ? k - 1 : 0;
		return 1;
	case ACT_EDIT_NOTE:
	case ACT_EDIT_NOTE_EDITOR:
		vnotes_edit(n, v, MODE_POPUP, a == ACT_EDIT_NOTE_EDITOR);
		return 1;
	case ACT_TAGS:
		vnotes_tags(n, v, MODE_POPUP);
		return 1;
	case ACT_DELETE_NOTE:
		vnotes_delete(n, v, MODE_POPUP);
		return 1;
	case ACT_COPY:
		vnotes_copy(n, v, MODE_POPUP);
		return 1;
	case ACT_UNDO:
	case ACT_REDO:
		vnotes_undo(n, v, a == ACT_REDO);
		return 1;
	case ACT_CLOSE:
		view_pop(v);
		return 1;
	default:
		return 0;
	}
}

/* The selected note is marked along its left edge and kept in view. */
static void popup_draw(const struct view *v, struct canvas *c)
{
	const struct vnotes *n = v->notes;
	int rows = v->geom.rows, cols = v->geom.cols;
	int w = cols - 4 > 76 ? 76 : cols - 4;
	if (!n || w < 12 || rows < 5)
		return;
	size_t count, s0, s1;
	char **lines = vnotes_popup_lines(n, v, w - 4, &count, &s0, &s1);
	if (!lines)
		return;
	int h = (int)count + 2;
	if (h > rows - 2)
		h = rows - 2;
	int inner = h - 2;
	size_t top = 0;
	if (s1 >= (size_t)inner)
		top = s1 - (size_t)inner + 1;
	if (s0 < top)
		top = s0;
	int y0 = (rows - 1 - h) / 2, x0 = (cols - w) / 2;
	char title[128], lab[64];
	const char *l = res_label(v->res, n->popup_para);
	clip_text(l ? l : "", 64, 30, v->utf8, 1, lab, sizeof lab);
	snprintf(title, sizeof title, "Notes on %s", lab);
	draw_box(c, v->utf8, y0, x0, h, w, title);
	for (int i = 0; i < inner && top + (size_t)i < count; i++) {
		size_t k = top + (size_t)i;
		int sel = k >= s0 && k <= s1;
		if (sel)
			draw_str(c, y0 + 1 + i, x0 + 1, 1, v->utf8 ? "\u258c" : "|",
			         STYLE(STYLE_CUR_BAR, 0));
		/* The lines are safe already (clip_text and utf8_sanitize made them). */
		draw_str(c, y0 + 1 + i, x0 + 2, w - 4, lines[k],
		         STYLE(STYLE_POPUP, sel && k == s0 ? SA_BOLD : 0));
	}
	keys_help_free(lines, count);
}

static void popup_leave(struct view *v)
{
	if (v->notes)
		v->notes->popup_para = -1;
}

const struct mode_ops mode_popup_ops = {
	.name = "popup",
	.title = "The notes of a paragraph (notes-here)",
	.flags = MODE_OVERLAY | MODE_GENERIC,
	.keys = popup_keys,
	.hint = popup_hint,
	.action = popup_action,
	.key = view_pop_key,
	.draw = popup_draw,
	.leave = popup_leave,
};
