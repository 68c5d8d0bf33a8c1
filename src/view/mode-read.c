/* mode-read.c: reading, the bottom of the mode stack: the panes, references and their
 * history, search, the command line, and the note keys (handed to vnotes). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/clip.h"
#include "view/command.h"
#include "view/copy.h"
#include "view/draw.h"
#include "view/find.h"
#include "view/pane.h"
#include "view/view.h"
#include "view/vlist.h"
#include "view/vnotes.h"

/* Keys from less and vim where they agree; where a key has two meanings there, the reader's
 * wins and the help says so (? is help as in mutt and tig's h, \ searches backward). The
 * moving keys are the generic map's (keymap.c). */
static const struct binding read_keys[] = {
	{ ']', ACT_PARA_NEXT, NULL }, { '}', ACT_PARA_NEXT, NULL }, { 'J', ACT_PARA_NEXT, NULL },
	{ '[', ACT_PARA_PREV, NULL }, { '{', ACT_PARA_PREV, NULL }, { 'K', ACT_PARA_PREV, NULL },
	{ VK_BACKSPACE, ACT_BACK, NULL }, { 'H', ACT_BACK, NULL }, { VK_CTRL('o'), ACT_BACK, NULL },
	{ 'L', ACT_FORWARD, NULL },
	{ VK_TAB, ACT_PANE_NEXT, NULL }, { VK_RIGHT, ACT_PANE_NEXT, NULL },
	{ 'l', ACT_PANE_NEXT, NULL },
	{ VK_BTAB, ACT_PANE_PREV, NULL }, { VK_LEFT, ACT_PANE_PREV, NULL },
	{ 'h', ACT_PANE_PREV, NULL },
	{ '1', ACT_PANE_1, NULL }, { '2', ACT_PANE_2, NULL }, { '3', ACT_PANE_3, NULL },
	{ 'z', ACT_ZOOM, NULL }, { 's', ACT_FOOTNOTES_FOLLOW, NULL },
	{ 'r', ACT_REF_NEXT, NULL }, { 'f', ACT_REF_NEXT, NULL },
	{ 'R', ACT_REF_PREV, NULL }, { 'F', ACT_REF_PREV, NULL },
	{ VK_ENTER, ACT_FOLLOW, NULL },
	{ 'p', ACT_PREVIEW, NULL },
	{ '/', ACT_SEARCH_FWD, NULL }, { '\\', ACT_SEARCH_BACK, NULL },
	{ 'n', ACT_SEARCH_NEXT, NULL }, { 'N', ACT_SEARCH_PREV, NULL },
	{ VK_ESC, ACT_SEARCH_HIDE, NULL },
	{ ':', ACT_COMMAND, NULL },
	{ 'o', ACT_OUTLINE, NULL },
	{ 'v', ACT_SELECT, NULL }, { 'V', ACT_SELECT_PARA, NULL },
	{ 'c', ACT_NOTE, "Write a note on the paragraph, typed in place (no highlight)" },
	{ 'C', ACT_NOTE_EDITOR, "Write a note on the paragraph in $VISUAL or $EDITOR" },
	{ 'i', ACT_NOTES_HERE, NULL }, { 'a', ACT_NOTES_PANE, NULL },
	{ 'u', ACT_UNDO, NULL }, { VK_CTRL('r'), ACT_REDO, NULL },
	{ 'E', ACT_EXPORT, NULL },
	{ 'y', ACT_COPY, NULL }, { 'Y', ACT_COPY_FILE, NULL },
	{ 'q', ACT_QUIT, NULL },
	{ 0, ACT_NONE, NULL }
};

/* --- References --- */

/* The selected link of the focused pane's current paragraph, copied out of the cache. */
static int selected(struct view *v, struct dlink *out, int *para)
{
	struct pane *p = &v->pane[v->focus];
	int li = view_selected_link(v, v->focus);
	if (li < 0)
		return -1;
	const struct dpara *d = pane_dpara(v, v->focus, p->cur);
	*out = d->links[li];
	*para = d->para;
	return li;
}

/* From a footnote back to a citing paragraph: land with its marker of this footnote selected,
 * so Enter goes back again. */
static void goto_citer(struct view *v, int para, int fn)
{
	view_goto_para(v, para);
	struct pane *p = &v->pane[v->focus];
	const struct dpara *d = pane_dpara(v, v->focus, p->cur);
	if (!d)
		return;
	for (int i = 0; i < d->nlinks; i++)
		if (d->links[i].kind == LINK_FOOTNOTE && d->links[i].target == fn) {
			int line = dpara_line_of(d, d->links[i].start);
			pane_show(v, v->focus, p->cur, line);
			p->sel = i;
			return;
		}
}

static void follow(struct view *v)
{
	struct dlink l;
	int para;
	if (selected(v, &l, &para) < 0) {
		view_message(v, 1, "no reference here to follow");
		return;
	}
	const struct resolution *res = v->res;
	char k[16];
	switch (l.kind) {
	case LINK_FOOTNOTE: {
		int fi = res_find_footnote(res, l.target);
		if (fi < 0) {
			view_message(v, 1, "footnote %d is not in this document", l.target);
			return;
		}
		view_goto_para(v, fi);
		view_message(v, 0, "footnote %d (%s goes back)", l.target,
		             view_key_for(v, MODE_READ, ACT_BACK, ":back", k, sizeof k));
		return;
	}
	case LINK_BACKREF: {
		const struct para *fp = &res->paras[para];
		goto_citer(v, l.target, fp->num ? atoi(fp->num) : -1);
		return;
	}
	case LINK_REF: {
		int r = l.target;
		if (r < 0 || (size_t)r >= res->paras[para].nrefs)
			return;
		int n = vlist_cited(v, para, r);
		if (n < 0)
			view_message(v, 1, "out of memory");
		else if (n == 0)
			view_message(v, 1, "no paragraph cites that document");
		return;
	}
	}
}

static void step_ref(struct view *v, int dir)
{
	struct pane *p = &v->pane[v->focus];
	const struct dpara *d = p->n ? pane_dpara(v, v->focus, p->cur) : NULL;
	if (!d || d->nlinks == 0) {
		char label[64];
		const char *l = p->n ? res_label(v->res, p->paras[p->cur]) : "";
		clip_text(l ? l : "", 64, 30, v->utf8, 1, label, sizeof label);
		view_message(v, 1, "no references in %s", label);
		return;
	}
	int n = d->nlinks;
	int cur = p->sel >= 0 && p->sel < n ? p->sel : (dir > 0 ? -1 : 0);
	int next = (cur + dir + n) % n;
	int line = dpara_line_of(d, d->links[next].start);
	pane_show(v, v->focus, p->cur, line);
	p->sel = next;
	char f[16], pv[16];
	view_message(v, 0, "reference %d of %d (%s follows, %s previews)", next + 1, n,
	             view_key_for(v, MODE_READ, ACT_FOLLOW, ":", f, sizeof f),
	             view_key_for(v, MODE_READ, ACT_PREVIEW, "-", pv, sizeof pv));
}

/* --- Panes --- */

static void focus_step(struct view *v, int dir)
{
	for (int k = 1; k <= VIEW_NPANES; k++) {
		int pi = (v->focus + dir * k + VIEW_NPANES * 2) % VIEW_NPANES;
		if (v->pane[pi].n > 0) {
			view_set_focus(v, pi);
			return;
		}
	}
}

static void focus_pane(struct view *v, int pi)
{
	if (v->pane[pi].n == 0) {
		view_message(v, 1, "no %s in this document", v->pane[pi].name);
		return;
	}
	view_set_focus(v, pi);
}

static void last(struct view *v)
{
	/* The end of a cut document is not loaded yet. */
	if (v->loading == 2 && view_need_all(v) < 0)
		return;
	struct pane *p = &v->pane[v->focus];
	if (!p->n)
		return;
	view_goto_para(v, p->paras[p->n - 1]);
	/* Show the end of a long last paragraph too. */
	pane_scroll(v, v->focus, 1 << 20);
	p->cur = p->n - 1;
}

/* --- The command line and the search line --- */

/* ":res ...", ":doc ...", ":docs": commands about the documents of the file. */
static int is_doc_command(const char *line)
{
	while (*line == ' ' || *line == ':')
		line++;
	return !strncmp(line, "res", 3) || !strncmp(line, "doc", 3);
}

static void copy_para(struct view *v, const char *path, int ask);

static void run_command(struct view *v, const char *line)
{
	struct command c;
	command_parse(line, v->col, v->doc, v->res, &c);
	/* A resolution further on, or the list of all of them: wait for the whole file. */
	if (v->loading && ((c.kind == CMD_ERROR && c.doc < 0 && is_doc_command(line)) ||
	                   c.kind == CMD_DOCS)) {
		if (view_need_all(v) < 0)
			return;
		command_parse(line, v->col, v->doc, v->res, &c);
	}
	switch (c.kind) {
	case CMD_ERROR:
		view_message(v, 1, "%s", c.msg);
		break;
	case CMD_NONE:
		break;
	case CMD_GOTO:
		view_goto_para(v, c.para);
		break;
	case CMD_DOC:
		if (c.doc == v->doc)
			break;
		view_push_history(v);
		if (view_set_doc(v, c.doc) < 0)
			view_message(v, 1, "out of memory");
		break;
	case CMD_OUTLINE:
		vlist_outline(v);
		break;
	case CMD_DOCS:
		vlist_docs(v);
		break;
	case CMD_HELP:
		view_help(v);
		break;
	case CMD_QUIT:
		v->quit = 1;
		break;
	case CMD_COPY:
		copy_para(v, c.arg[0] ? c.arg : NULL, 0);
		break;
	}
}

static int complete_command(struct view *v, const char *line, char **out, int max)
{
	return command_complete(line, v->col, v->res, out, max);
}

static const struct line_spec command_line = {
	LINEHIST_COMMAND, run_command, complete_command, NULL, NULL
};

static void run_search(struct view *v, const char *line)
{
	/* All matches, counted over the whole file. */
	if (view_need_all(v) == 0)
		find_start(v, line, v->find.dir ? v->find.dir : 1);
}

static const struct line_spec search_line = { LINEHIST_SEARCH, run_search, NULL, NULL, NULL };

/* --- Copying --- */

/* The current paragraph with its citation: to the clipboard (path NULL), appended to a file
 * (path), or to a file the user names (ask). */
static void copy_para(struct view *v, const char *path, int ask)
{
	char *text = copy_citation(v->res, view_current_para(v), 0, 0);
	if (path || ask)
		view_copy_append(v, text, path, "the paragraph");
	else
		view_copy(v, text);
}

/* --- The mode --- */

static int notes_action(struct view *v, enum action a)
{
	/* A cut document gets notes once it is whole (they anchor on its final text). */
	if (!v->notes && v->loading == 2 && view_need_all(v) < 0)
		return 1;
	if (!v->notes || !vnotes_action(v->notes, v, a))
		view_message(v, 1, "notes are not available");
	return 1;
}

static int read_action(struct view *v, enum action a)
{
	struct pane *p = &v->pane[v->focus];
	int page = p->height > 1 ? p->height - 1 : 1;
	switch (a) {
	case ACT_LINE_DOWN:
		pane_scroll(v, v->focus, 1);
		return 1;
	case ACT_LINE_UP:
		pane_scroll(v, v->focus, -1);
		return 1;
	case ACT_PAGE_DOWN:
		pane_scroll(v, v->focus, page);
		return 1;
	case ACT_PAGE_UP:
		pane_scroll(v, v->focus, -page);
		return 1;
	case ACT_HALF_DOWN:
		pane_scroll(v, v->focus, (p->height + 1) / 2);
		return 1;
	case ACT_HALF_UP:
		pane_scroll(v, v->focus, -(p->height + 1) / 2);
		return 1;
	case ACT_FIRST:
		if (p->n)
			view_goto_para(v, p->paras[0]);
		return 1;
	case ACT_LAST:
		last(v);
		return 1;
	case ACT_PARA_NEXT:
		if (p->n && p->cur + 1 < p->n)
			pane_reveal(v, v->focus, p->cur + 1);
		else
			view_message(v, 1, "last paragraph of the %s", p->name);
		return 1;
	case ACT_PARA_PREV:
		if (p->n && p->cur > 0)
			pane_reveal(v, v->focus, p->cur - 1);
		else
			view_message(v, 1, "first paragraph of the %s", p->name);
		return 1;
	case ACT_BACK:
		view_history_move(v, 1);
		return 1;
	case ACT_FORWARD:
		view_history_move(v, 0);
		return 1;
	case ACT_PANE_NEXT:
		focus_step(v, 1);
		return 1;
	case ACT_PANE_PREV:
		focus_step(v, -1);
		return 1;
	case ACT_PANE_1:
		focus_pane(v, PANE_PREAMBLE);
		return 1;
	case ACT_PANE_2:
		focus_pane(v, PANE_OPERATIVE);
		return 1;
	case ACT_PANE_3:
		focus_pane(v, PANE_FOOTNOTES);
		return 1;
	case ACT_ZOOM:
		v->zoomed = !v->zoomed;
		view_resize(v, v->geom.cols, v->geom.rows);
		return 1;
	case ACT_FOOTNOTES_FOLLOW:
		v->follow = !v->follow;
		view_message(v, 0, v->follow ? "the footnotes pane follows the reading"
		                             : "the footnotes pane stays where it is");
		return 1;
	case ACT_REF_NEXT:
		step_ref(v, 1);
		return 1;
	case ACT_REF_PREV:
		step_ref(v, -1);
		return 1;
	case ACT_FOLLOW:
		follow(v);
		return 1;
	case ACT_PREVIEW:
		mode_preview_open(v);
		return 1;
	case ACT_SEARCH_FWD:
	case ACT_SEARCH_BACK:
		v->find.dir = a == ACT_SEARCH_FWD ? 1 : -1;
		view_line_open(v, &search_line, NULL, a == ACT_SEARCH_FWD ? "/" : "\\");
		return 1;
	case ACT_SEARCH_NEXT:   /* no waiting: a search, and so the whole file, came first */
		find_next(v, 1);
		return 1;
	case ACT_SEARCH_PREV:
		find_next(v, -1);
		return 1;
	case ACT_SEARCH_HIDE:
		/* vim's :nohlsearch; search-next brings them back. */
		if (v->find.active) {
			find_clear(&v->find);
			v->gen++;
		}
		return 1;
	case ACT_COMMAND:
		view_line_open(v, &command_line, NULL, ":");
		return 1;
	case ACT_OUTLINE:
		vlist_outline(v);
		return 1;
	case ACT_QUIT:
		v->quit = 1;
		return 1;
	case ACT_COPY:
	case ACT_COPY_FILE:
		copy_para(v, NULL, a == ACT_COPY_FILE);
		return 1;
	case ACT_SELECT:
	case ACT_SELECT_PARA:
	case ACT_NOTE:
	case ACT_NOTE_EDITOR:
	case ACT_NOTES_HERE:
	case ACT_NOTES_PANE:
	case ACT_UNDO:
	case ACT_REDO:
	case ACT_EXPORT:
		return notes_action(v, a);
	default:
		return 0;
	}
}

/* A click focuses a pane, makes the paragraph under it current, and follows a link. */
static void read_click(struct view *v, int y, int x)
{
	int pi = geom_pane_at(&v->geom, y, x);
	if (pi < 0 || v->pane[pi].n == 0)
		return;
	v->msg[0] = '\0';
	view_set_focus(v, pi);
	struct pane *p = &v->pane[pi];
	const struct rect *r = &v->geom.pane[pi];
	int row = y - r->y - 1;
	if (row < 0)
		return;
	size_t pos = p->top;
	int line = p->top_line;
	if (pane_advance(v, pi, &pos, &line, row) != row)
		return;
	const struct dpara *d = pane_dpara(v, pi, pos);
	if (!d)
		return;
	int li = dpara_link_at(d, line, x - r->x - p->gutter - d->indent);
	if (p->cur != pos)
		p->sel = -1;
	p->cur = pos;
	if (li >= 0) {
		p->sel = li;
		follow(v);
	}
}

/* The wheel scrolls the pane under the pointer, wherever the focus is. */
static void read_wheel(struct view *v, int y, int x, int delta)
{
	int pi = geom_pane_at(&v->geom, y, x);
	pane_scroll(v, pi < 0 ? v->focus : pi, delta);
}

const struct mode_ops mode_read_ops = {
	.name = "reader",
	.title = "Reading",
	.about = NULL,
	.flags = MODE_GENERIC,
	.keys = read_keys,
	.hint = NULL,
	.action = read_action,
	.key = NULL,
	.click = read_click,
	.wheel = read_wheel,
	.draw = draw_reading,
	.resize = NULL,
	.leave = NULL,
};
