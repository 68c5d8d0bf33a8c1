/* mode-notes.c: the notes pane: every annotation of the document in document order, filtered
 * by colour or tag; Enter goes to one (into the history). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "text/utf8.h"
#include "text/wrap.h"
#include "view/draw.h"
#include "view/pane.h"
#include "view/view.h"
#include "view/vnotes.h"

static const struct binding notes_keys[] = {
	{ VK_ENTER, ACT_FOLLOW, "Go to the note's words (Backspace comes back)" },
	{ '1', ACT_COLOR_1, "Only colour 1 (yellow unless renamed); again: every colour" },
	{ '2', ACT_COLOR_2, "Only colour 2 (green); again: every colour" },
	{ '3', ACT_COLOR_3, "Only colour 3 (blue); again: every colour" },
	{ '4', ACT_COLOR_4, "Only colour 4 (red); again: every colour" },
	{ '5', ACT_COLOR_5, "Only colour 5 (purple); again: every colour" },
	{ '#', ACT_FILTER_TAG, NULL }, { '/', ACT_FILTER_TAG, NULL },
	{ '0', ACT_FILTER_CLEAR, NULL },
	{ 'e', ACT_EDIT_NOTE, NULL }, { 'E', ACT_EDIT_NOTE_EDITOR, NULL },
	{ 't', ACT_TAGS, NULL },
	{ 'd', ACT_DELETE_NOTE, NULL }, { VK_DELETE, ACT_DELETE_NOTE, NULL },
	{ 'y', ACT_COPY, "Copy the note's words with their citation to the clipboard" },
	{ 'u', ACT_UNDO, NULL }, { VK_CTRL('r'), ACT_REDO, NULL },
	{ 'q', ACT_CLOSE, "Close the pane" }, { VK_ESC, ACT_CLOSE, NULL }, { 'a', ACT_CLOSE, NULL },
	{ VK_BACKSPACE, ACT_CLOSE, NULL },
	{ 0, ACT_NONE, NULL }
};

static const struct hint notes_hint[] = {
	{ "go", { ACT_FOLLOW, ACT_NONE } },
	{ "colour", { ACT_COLOR_1, ACT_COLOR_2, ACT_COLOR_3, ACT_COLOR_4, ACT_COLOR_5, ACT_NONE } },
	{ "tag", { ACT_FILTER_TAG, ACT_NONE } },
	{ "all", { ACT_FILTER_CLEAR, ACT_NONE } },
	{ "edit", { ACT_EDIT_NOTE, ACT_NONE } },
	{ "tags", { ACT_TAGS, ACT_NONE } },
	{ "delete", { ACT_DELETE_NOTE, ACT_NONE } },
	{ "copy", { ACT_COPY, ACT_NONE } },
	{ "undo", { ACT_UNDO, ACT_NONE } },
	{ "close", { ACT_CLOSE, ACT_NONE } },
	{ NULL, { ACT_NONE } }
};

/* Enter: to the note's paragraph, its words in view, as a jump. */
static void go(struct view *v)
{
	struct vnotes *n = v->notes;
	int ai = notelist_current(&n->list);
	if (ai < 0)
		return;
	int para = n->set.para_of[ai];
	if (para < 0) {
		char e[16], d[16];
		view_message(v, 1, "an orphan: its words are not in this text (kept; %s edits, %s "
		             "deletes)", view_key_for(v, MODE_NOTES, ACT_EDIT_NOTE, "e", e, sizeof e),
		             view_key_for(v, MODE_NOTES, ACT_DELETE_NOTE, "d", d, sizeof d));
		return;
	}
	view_reset(v);
	view_goto_para(v, para);
	struct pane *p = &v->pane[v->focus];
	const struct dpara *dp = pane_dpara(v, v->focus, p->cur);
	const struct para *m = &v->res->paras[para];
	if (dp && m->text) {
		size_t b = utf8_byte_offset(m->text, m->text_len, n->set.v[ai].start);
		int line = dpara_line_of(dp, dpara_from_orig(dp, b));
		if (pane_row_of(v, v->focus, p->cur, line) < 0)
			pane_show(v, v->focus, p->cur, line);
	}
	char lab[64], k[16];
	const char *l = res_label(v->res, para);
	snprintf(lab, sizeof lab, "%.60s", l ? l : "?");
	view_message(v, 0, "%s (%s goes back)", lab,
	             view_key_for(v, MODE_READ, ACT_BACK, ":back", k, sizeof k));
}

static void refilter(struct vnotes *n)
{
	notelist_build(&n->list, &n->set);
	notelist_move(&n->list, 0, n->list_height > 0 ? n->list_height : 1);
}

static int notes_action(struct view *v, enum action a)
{
	struct vnotes *n = v->notes;
	if (!n)
		return 0;
	int h = n->list_height > 0 ? n->list_height : 1;
	int page = h - 1 > 0 ? h - 1 : 1;
	int c = keys_color_of(a);
	if (c >= 0) {
		/* A colour filter; the same colour again lists every colour. */
		n->list.color = n->list.color == c ? -1 : c;
		refilter(n);
		return 1;
	}
	switch (a) {
	case ACT_LINE_DOWN:
		notelist_move(&n->list, 1, h);
		return 1;
	case ACT_LINE_UP:
		notelist_move(&n->list, -1, h);
		return 1;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		notelist_move(&n->list, a == ACT_PAGE_DOWN ? page : (h + 1) / 2, h);
		return 1;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		notelist_move(&n->list, -(a == ACT_PAGE_UP ? page : (h + 1) / 2), h);
		return 1;
	case ACT_FIRST:
		notelist_move(&n->list, -(int)n->list.n, h);
		return 1;
	case ACT_LAST:
		notelist_move(&n->list, (int)n->list.n, h);
		return 1;
	case ACT_FOLLOW:
		go(v);
		return 1;
	case ACT_FILTER_TAG:
		vnotes_filter_tag(n, v);
		return 1;
	case ACT_FILTER_CLEAR:
		n->list.color = -1;
		n->list.tag[0] = '\0';
		refilter(n);
		return 1;
	case ACT_EDIT_NOTE:
	case ACT_EDIT_NOTE_EDITOR:
		vnotes_edit(n, v, MODE_NOTES, a == ACT_EDIT_NOTE_EDITOR);
		return 1;
	case ACT_TAGS:
		vnotes_tags(n, v, MODE_NOTES);
		return 1;
	case ACT_DELETE_NOTE:
		vnotes_delete(n, v, MODE_NOTES);
		return 1;
	case ACT_COPY:
		vnotes_copy(n, v, MODE_NOTES);
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

/* A click chooses the note under it and goes there. */
static void notes_click(struct view *v, int y, int x)
{
	(void)x;
	struct vnotes *n = v->notes;
	if (!n || y < 1 || y >= v->geom.rows - 1)
		return;
	size_t r = n->list.top + (size_t)(y - 1);
	if (r >= n->list.n || n->list.rows[r] < 0)
		return;
	notelist_select(&n->list, n->list.rows[r], n->list_height);
	go(v);
}

/* The whole screen above the status line, as the outline. */
static void notes_draw(const struct view *v, struct canvas *c)
{
	const struct vnotes *n = v->notes;
	int rows = v->geom.rows, cols = v->geom.cols;
	if (!n)
		return;
	char title[256];
	notelist_title(&n->list, &n->set, &v->conf, v->utf8, title, sizeof title);
	draw_title_line(v, c, title);
	if (n->list.n == 0) {
		char msg[160], s[16], k[16], w[16];
		if (n->set.n)
			snprintf(msg, sizeof msg, "No note matches the filter (%s lists all).",
			         view_key_for(v, MODE_NOTES, ACT_FILTER_CLEAR, "0", k, sizeof k));
		else
			snprintf(msg, sizeof msg, "No notes yet: %s selects words, %s a paragraph, "
			         "%s writes a note.", view_key_for(v, MODE_READ, ACT_SELECT, "v", s, sizeof s),
			         view_key_for(v, MODE_READ, ACT_SELECT_PARA, "V", k, sizeof k),
			         view_key_for(v, MODE_READ, ACT_NOTE, "c", w, sizeof w));
		draw_str(c, 2, 2, cols - 3, msg, STYLE(STYLE_TEXT, 0));
	}
	for (int row = 1; row < rows - 1 && n->list.n; row++) {
		size_t r = n->list.top + (size_t)(row - 1);
		if (r >= n->list.n)
			break;
		char line[2048];
		notelist_line(&n->list, &n->set, &v->conf, r, cols - 2, v->utf8, line, sizeof line);
		int ai = n->list.rows[r];
		unsigned st = STYLE(r == n->list.cur ? STYLE_LIST_SEL
		                    : ai == NOTELIST_ORPHANS ? STYLE_HEADING : STYLE_TEXT, 0);
		if (r == n->list.cur)
			draw_fill(c, row, 0, cols, st);
		draw_str(c, row, 1, cols - 2, line, st);
		/* The colour symbol in its colour, over the plain one. */
		if (ai >= 0 && r != n->list.cur) {
			int ci = conf_color_of_key(n->set.v[ai].color);
			char sym[8];
			conf_color_symbol(&v->conf, ci, v->utf8, sym);
			const char *at = strstr(line, sym);
			if (at) {
				int x = 1 + text_width(line, (size_t)(at - line));
				if (x < cols - 1)
					draw_str(c, row, x, 1, sym, STYLE(style_of_color(ci), 0));
			}
		}
	}
	draw_status(v, c);
}

const struct mode_ops mode_notes_ops = {
	.name = "notes",
	.title = "The notes pane (notes)",
	.flags = MODE_GENERIC,
	.keys = notes_keys,
	.hint = notes_hint,
	.action = notes_action,
	.click = notes_click,
	.draw = notes_draw,
};
