/* vnotes.c: the reader's note keys: select, highlight, write, edit, delete and undo notes,
 * the notes pane, the reading position and the export prompt. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "export/export.h"
#include "text/utf8.h"
#include "text/wrap.h"
#include "view/clip.h"
#include "view/ledit.h"
#include "view/pane.h"
#include "view/vnotes.h"

#define SEL_COLOR 7        /* the display's spare highlight colour marks the selection */
#define UNKNOWN_COLOR 6    /* a colour key gavel does not know (imported) */

/* The focused pane's current paragraph, or -1. */
static int current_para(const struct view *v)
{
	const struct pane *p = &v->pane[v->focus];
	return p->n ? p->paras[p->cur] : -1;
}

/* "OP 10", clipped for messages. */
static const char *label_of(const struct view *v, int para, char *buf, size_t size)
{
	const char *l = para >= 0 ? res_label(v->res, para) : NULL;
	clip_text(l ? l : "?", 64, 24, v->utf8, 1, buf, size);
	return buf;
}

static const char *color_name(const struct vnotes *n, const char *key, const struct view *v,
                              char *buf, size_t size)
{
	int ci = conf_color_of_key(key);
	char sym[8];
	conf_color_symbol(&n->conf, ci, v->utf8, sym);
	const char *name = ci >= 0 ? n->conf.color[ci].name : (key ? key : "?");
	char clean[64];
	clip_text(name, strlen(name), 24, v->utf8, 0, clean, sizeof clean);
	snprintf(buf, size, "%s %s", sym, clean);
	return buf;
}

/* A pane gets a column for gutter marks while it shows annotations, so a document without
 * notes looks exactly as before. */
static void fit_gutters(struct vnotes *n, struct view *v)
{
	int want[VIEW_NPANES] = { 0 };
	for (size_t i = 0; i < n->set.n; i++)
		if (n->set.para_of[i] >= 0 && (size_t)n->set.para_of[i] < v->res->npara)
			want[v->pane_of[n->set.para_of[i]]] = 1;
	for (int pi = 0; pi < VIEW_NPANES; pi++) {
		if (want[pi] == n->gutter_extra[pi])
			continue;
		v->pane[pi].gutter += want[pi] - n->gutter_extra[pi];
		n->gutter_extra[pi] = want[pi];
		pane_clamp(v, pi);
	}
}

/* The set changed (a write or a reload): lay out again and refresh the lists. */
static void changed(struct vnotes *n, struct view *v)
{
	v->gen++;
	fit_gutters(n, v);
	if (n->mode == VN_PANE || n->back == VN_PANE)
		notelist_build(&n->list, &n->set);
	if (n->popup_para >= 0) {
		size_t k = annot_para(&n->set, n->popup_para)->n;
		if (n->popup_cur >= k)
			n->popup_cur = k ? k - 1 : 0;
		if (k == 0 && n->mode == VN_POPUP) {
			n->mode = VN_OFF;
			n->popup_para = -1;
		}
	}
}

static size_t spans_of(void *ctx, int para, const struct dspan **out)
{
	struct vnotes *n = ctx;
	if (n->view && n->view->res != n->res)
		return 0;   /* the view moved to another document: vnotes_poll catches up */
	const struct annot_para *ap = annot_para(&n->set, para);
	size_t need = ap->nseg + 1;
	if (need > n->spans_cap) {
		struct dspan *s = realloc(n->spans, need * sizeof *s);
		if (!s) {
			*out = NULL;
			return 0;
		}
		n->spans = s;
		n->spans_cap = need;
	}
	size_t k = 0;
	for (size_t i = 0; i < ap->nseg; i++) {
		const struct annot_seg *g = &ap->seg[i];
		n->spans[k++] = (struct dspan){ g->start, g->end,
		                                g->color >= 0 ? g->color + 1 : UNKNOWN_COLOR,
		                                g->count > 1 ? ST_OVERLAP : 0 };
	}
	/* The selection last: it is drawn over the highlights it covers. */
	int shown = n->mode == VN_SELECT || (n->mode == VN_PROMPT && n->prompt == VP_NOTE_NEW);
	if (shown && n->sel.active && n->sel.para == para) {
		size_t a, b, ba, bb;
		select_range(&n->sel, &a, &b, &ba, &bb);
		n->spans[k++] = (struct dspan){ ba, bb, SEL_COLOR, 0 };
	}
	*out = n->spans;
	return k;
}

void vnotes_open(struct vnotes *n, struct view *v, struct store *st, const char *store_msg)
{
	memset(n, 0, sizeof *n);
	n->popup_para = -1;
	n->new_para = -1;
	conf_defaults(&n->conf);
	char *path = conf_default_path();
	if (path) {
		conf_load(&n->conf, path);
		free(path);
	}
	snprintf(n->export_format, sizeof n->export_format, "%s", n->conf.export_format);
	n->list.color = -1;
	n->store = st;
	n->res = v->res;
	n->view = v;
	int err = annot_open(&n->set, st, v->res);
	n->usable = st && !err && n->set.doc_id > 0;
	v->spans = spans_of;
	v->spans_ctx = n;
	changed(n, v);
	if (!st)
		view_message(v, 1, "notes unavailable: %s; the document is shown read-only",
		             store_msg ? store_msg : "no database");
	else if (err)
		view_message(v, 1, "notes unavailable: %s", n->set.err);
	else if (store_readonly(st))
		view_message(v, 1, "the notes database is read-only: notes are shown, not saved");
	else if (n->conf.nwarnings) {
		char first[160];
		snprintf(first, sizeof first, "%.*s", (int)strcspn(n->conf.warnings, "\n"),
		         n->conf.warnings);
		view_message(v, 1, "config: %s", first);
	}
}

void vnotes_close(struct vnotes *n, struct view *v)
{
	if (v && v->spans_ctx == n) {
		v->spans = NULL;
		v->spans_ctx = NULL;
	}
	annot_close(&n->set);
	notelist_free(&n->list);
	free(n->spans);
	free(n->editor_text);
	n->spans = NULL;
	n->editor_text = NULL;
	n->mode = VN_OFF;
}

int vnotes_active(const struct vnotes *n)
{
	return n->mode != VN_OFF;
}

void vnotes_resize(struct vnotes *n, int rows)
{
	n->list_height = rows - 2 > 1 ? rows - 2 : 1;
	notelist_move(&n->list, 0, n->list_height);
}

/* --- the prompt and the question --- */

static void prompt(struct vnotes *n, enum vn_prompt kind, const char *initial, const char *fmt,
                   ...) __attribute__((format(printf, 4, 5)));

static void prompt(struct vnotes *n, enum vn_prompt kind, const char *initial, const char *fmt,
                   ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(n->label, sizeof n->label, fmt, ap);
	va_end(ap);
	if (n->mode != VN_PROMPT && n->mode != VN_CONFIRM)
		n->back = n->mode == VN_SELECT ? VN_OFF : n->mode;
	n->prompt = kind;
	n->mode = VN_PROMPT;
	lineedit_set(&n->edit, initial ? initial : "");
	n->edit_first = 0;
}

static void ask(struct vnotes *n, enum vn_confirm kind, const char *question)
{
	if (n->mode != VN_PROMPT && n->mode != VN_CONFIRM)
		n->back = n->mode == VN_SELECT ? VN_OFF : n->mode;
	n->confirm = kind;
	n->mode = VN_CONFIRM;
	snprintf(n->question, sizeof n->question, "%.255s", question);
}

static void done(struct vnotes *n, struct view *v)
{
	n->mode = n->back;
	n->back = VN_OFF;
	if (n->mode == VN_PANE)
		notelist_build(&n->list, &n->set);
	select_cancel(&n->sel);
	v->gen++;
}

/* Reports a store error, or success with the formatted message. */
static void report(struct view *v, struct vnotes *n, int err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void report(struct view *v, struct vnotes *n, int err, const char *fmt, ...)
{
	if (err) {
		view_message(v, 1, "%s", n->set.err[0] ? n->set.err : "the note could not be saved");
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(v->msg, sizeof v->msg, fmt, ap);
	va_end(ap);
	v->msg_error = 0;
}

/* --- writing --- */

static int can_write(struct vnotes *n, struct view *v)
{
	if (n->usable && !store_readonly(n->set.store))
		return 1;
	view_message(v, 1, "%s", !n->set.store ? "notes unavailable: no usable database"
	                         : store_readonly(n->set.store) ? "the notes database is read-only"
	                         : "notes unavailable for this document");
	return 0;
}

static void add_highlight(struct vnotes *n, struct view *v, int color, const char *note)
{
	char lab[64], col[96];
	const char *key = conf_color_key(color);
	int err = annot_add(&n->set, n->new_para, n->new_start, n->new_end, key, note, NULL, 0,
	                    NULL);
	n->color = color;
	changed(n, v);
	report(v, n, err, "%s %s (%s)", note ? "note saved on" : "highlighted",
	       label_of(v, n->new_para, lab, sizeof lab), color_name(n, key, v, col, sizeof col));
}

/* The selection (or the whole current paragraph) becomes the target of a new note. */
static int take_range(struct vnotes *n, struct view *v)
{
	if (n->mode == VN_SELECT && n->sel.active) {
		size_t bs, be;
		n->new_para = n->sel.para;
		select_range(&n->sel, &n->new_start, &n->new_end, &bs, &be);
		return 0;
	}
	int para = current_para(v);
	const char *t = para >= 0 ? v->res->paras[para].text : NULL;
	if (!t || !*t) {
		view_message(v, 1, "nothing to annotate here");
		return -1;
	}
	n->new_para = para;
	n->new_start = 0;
	n->new_end = utf8_count(t, strlen(t));
	return 0;
}

static void start_note(struct vnotes *n, struct view *v, int in_editor)
{
	if (!can_write(n, v) || take_range(n, v) < 0) {
		select_cancel(&n->sel);
		if (n->mode == VN_SELECT)
			n->mode = VN_OFF;
		v->gen++;
		return;
	}
	n->target[0] = '\0';
	char lab[64];
	label_of(v, n->new_para, lab, sizeof lab);
	if (in_editor) {
		free(n->editor_text);
		n->editor_text = strdup("");
		n->want_editor = n->editor_text != NULL;
		n->back = n->mode == VN_SELECT ? VN_OFF : n->mode;
		n->mode = VN_OFF;
		select_cancel(&n->sel);
		v->gen++;
		return;
	}
	prompt(n, VP_NOTE_NEW, "", "Note on %s: ", lab);
}

/* The annotation a key in the popup or the pane works on, or NULL. */
static const struct annotation *focused(struct vnotes *n)
{
	if (n->mode == VN_POPUP)
		return annot_para_item(&n->set, n->popup_para, n->popup_cur);
	if (n->mode == VN_PANE) {
		int ai = notelist_current(&n->list);
		return ai >= 0 ? &n->set.v[ai] : NULL;
	}
	return NULL;
}

static void edit_note(struct vnotes *n, struct view *v, int in_editor)
{
	const struct annotation *a = focused(n);
	if (!a || !can_write(n, v))
		return;
	memcpy(n->target, a->id, sizeof n->target);
	if (in_editor || (a->note && strchr(a->note, '\n'))) {
		/* A note of several lines is edited where its lines can be seen. */
		free(n->editor_text);
		n->editor_text = strdup(a->note ? a->note : "");
		n->want_editor = n->editor_text != NULL;
		return;
	}
	if (a->note && strlen(a->note) >= LINEEDIT_MAX) {
		free(n->editor_text);
		n->editor_text = strdup(a->note);
		n->want_editor = n->editor_text != NULL;
		return;
	}
	char lab[64];
	snprintf(lab, sizeof lab, "%s", a->para_label ? a->para_label : a->para_id);
	prompt(n, VP_NOTE_EDIT, a->note, "Note on %.40s: ", lab);
}

static void save_note(struct vnotes *n, struct view *v, const char *text)
{
	if (n->target[0]) {
		int err = annot_set_note(&n->set, n->target, text);
		changed(n, v);
		report(v, n, err, text && *text ? "note saved" : "note emptied (the highlight stays)");
		return;
	}
	if (!text || !*text) {
		view_message(v, 0, "empty note: nothing saved");
		return;
	}
	add_highlight(n, v, n->color, text);
}

void vnotes_editor_done(struct vnotes *n, struct view *v, const char *text, const char *err)
{
	n->want_editor = 0;
	free(n->editor_text);
	n->editor_text = NULL;
	v->redraw = 1;
	if (!text) {
		view_message(v, 1, "%s", err && *err ? err : "the editor failed: nothing saved");
	} else {
		save_note(n, v, text);
	}
	if (n->mode == VN_OFF && n->back != VN_OFF) {
		n->mode = n->back;
		n->back = VN_OFF;
	}
}

static void delete_focused(struct vnotes *n, struct view *v)
{
	const struct annotation *a = focused(n);
	if (!a || !can_write(n, v))
		return;
	memcpy(n->target, a->id, sizeof n->target);
	char q[200], quote[96];
	clip_text(a->exact ? a->exact : "", 400, 40, v->utf8, 1, quote, sizeof quote);
	snprintf(q, sizeof q, "Delete the %s on %.30s %s%s%s? (y/n)",
	         a->note && a->note[0] ? "note" : "highlight",
	         a->para_label ? a->para_label : a->para_id, v->utf8 ? "\u201C" : "\"", quote,
	         v->utf8 ? "\u201D" : "\"");
	ask(n, VC_DELETE, q);
}

static void undo(struct vnotes *n, struct view *v)
{
	if (!n->set.can_undo) {
		view_message(v, 1, "nothing to undo");
		return;
	}
	if (!can_write(n, v))
		return;
	char id[37];
	memcpy(id, n->set.undo.id, sizeof id);
	int err = annot_undo(&n->set);
	changed(n, v);
	/* Show the note that came back where the reader is looking. */
	int ai = err ? -1 : annot_find(&n->set, id);
	if (ai >= 0 && n->mode == VN_PANE)
		notelist_select(&n->list, ai, n->list_height);
	if (ai >= 0 && n->mode == VN_POPUP && n->set.para_of[ai] == n->popup_para)
		for (size_t i = 0; i < annot_para(&n->set, n->popup_para)->n; i++)
			if (annot_para_item(&n->set, n->popup_para, i) == &n->set.v[ai])
				n->popup_cur = i;
	report(v, n, err, "restored the deleted note");
}

static void recolor(struct vnotes *n, struct view *v, int color)
{
	const struct annotation *a = focused(n);
	if (!a || !can_write(n, v))
		return;
	char id[37], col[96];
	memcpy(id, a->id, sizeof id);
	const char *key = conf_color_key(color);
	int err = annot_set_color(&n->set, id, key);
	changed(n, v);
	report(v, n, err, "now %s", color_name(n, key, v, col, sizeof col));
}

/* --- export --- */

static void export_ask_path(struct vnotes *n, struct view *v)
{
	const struct export_format *f = export_find(n->export_format);
	char name[256];
	export_default_name(v->res->meta.symbol, f, name, sizeof name);
	char initial[300];
	snprintf(initial, sizeof initial, "./%s", name);
	prompt(n, VP_EXPORT_PATH, initial, "Export %s to: ", f->name);
}

/* The export date: $SOURCE_DATE_EPOCH when it is a number of seconds (reproducible exports,
 * as `gavel export` does), else now. */
static time_t export_now(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	if (s && *s) {
		char *end;
		long long t = strtoll(s, &end, 10);
		if (*end == '\0' && t >= 0)
			return (time_t)t;
	}
	return time(NULL);
}

static void export_write(struct vnotes *n, struct view *v)
{
	const struct export_format *f = export_find(n->export_format);
	struct export_doc d = { v->res, v->res->meta.symbol, v->res->meta.language, n->set.v,
	                        n->set.n };
	struct export_color names[CONF_NCOLORS];   /* the configuration's names, as the CLI's */
	for (int i = 0; i < CONF_NCOLORS; i++)
		names[i] = (struct export_color){ n->conf.color[i].key, n->conf.color[i].name };
	struct export_opts o = { 72, export_now(), names, CONF_NCOLORS };
	char err[512];
	if (export_write_file(n->export_path, f, &d, 1, &o, err, sizeof err) != 0) {
		view_message(v, 1, "%s", err);
		return;
	}
	char shown[128];
	clip_text(n->export_path, strlen(n->export_path), 60, v->utf8, 1, shown, sizeof shown);
	view_message(v, 0, "wrote %zu note%s (%s) to %s", n->set.n, n->set.n == 1 ? "" : "s",
	             f->name, shown);
}

/* "~/x" is the home directory's x, as a shell would have it. */
static void expand_path(const char *in, char *out, size_t size)
{
	const char *home = getenv("HOME");
	if (in[0] == '~' && (in[1] == '/' || in[1] == '\0') && home && *home)
		snprintf(out, size, "%s%s", home, in + 1);
	else
		snprintf(out, size, "%s", in);
}

/* --- the prompt's Enter --- */

static void accept(struct vnotes *n, struct view *v)
{
	char line[LINEEDIT_MAX];
	memcpy(line, n->edit.buf, n->edit.len + 1);
	enum vn_prompt kind = n->prompt;
	done(n, v);
	switch (kind) {
	case VP_NOTE_NEW:
	case VP_NOTE_EDIT:
		save_note(n, v, line);
		break;
	case VP_TAG: {
		char *s = line;
		while (*s == ' ' || *s == '#')
			s++;
		snprintf(n->list.tag, sizeof n->list.tag, "%.100s", s);
		notelist_build(&n->list, &n->set);
		notelist_move(&n->list, 0, n->list_height);
		break;
	}
	case VP_EXPORT_FORMAT: {
		char *s = line;
		while (*s == ' ')
			s++;
		s[strcspn(s, " ")] = '\0';
		if (!export_find(*s ? s : n->export_format)) {
			view_message(v, 1, "unknown format '%.20s' (txt, md, json, csv, annotated)", s);
			break;
		}
		if (*s)
			snprintf(n->export_format, sizeof n->export_format, "%.15s", s);
		export_ask_path(n, v);
		break;
	}
	case VP_EXPORT_PATH: {
		if (!line[0]) {
			view_message(v, 0, "export cancelled");
			break;
		}
		expand_path(line, n->export_path, sizeof n->export_path);
		struct stat st;
		if (stat(n->export_path, &st) == 0) {
			char q[300], shown[128];
			clip_text(n->export_path, strlen(n->export_path), 60, v->utf8, 1, shown,
			          sizeof shown);
			snprintf(q, sizeof q, "%s exists: replace it? (y/n)", shown);
			ask(n, VC_OVERWRITE, q);
			break;
		}
		export_write(n, v);
		break;
	}
	}
}

static void confirm_key(struct vnotes *n, struct view *v, int key)
{
	enum vn_confirm kind = n->confirm;
	done(n, v);
	if (key != 'y' && key != 'Y') {
		view_message(v, 0, kind == VC_DELETE ? "kept" : "export cancelled");
		return;
	}
	if (kind == VC_OVERWRITE) {
		export_write(n, v);
		return;
	}
	int err = annot_delete(&n->set, n->target);
	changed(n, v);
	report(v, n, err, "deleted (u undoes)");
}

/* --- selection --- */

static void reveal_selection(struct vnotes *n, struct view *v)
{
	struct pane *p = &v->pane[v->focus];
	if (!p->n)
		return;
	struct dpara *d = pane_dpara(v, v->focus, p->cur);
	if (!d)
		return;
	int line = dpara_line_of(d, dpara_from_orig(d, n->sel.cursor));
	if (pane_row_of(v, v->focus, p->cur, line) < 0)
		pane_show(v, v->focus, p->cur, line);
}

static void start_selection(struct vnotes *n, struct view *v, int whole)
{
	int para = current_para(v);
	const char *t = para >= 0 ? v->res->paras[para].text : NULL;
	int r;
	if (whole) {
		r = select_whole(&n->sel, para, t);
	} else {
		/* On the current search match when this paragraph has it, else at its start. */
		size_t s = 0, e = 0, ds, de;
		if (view_current_match(v, para, &ds, &de) == 0) {
			struct pane *p = &v->pane[v->focus];
			struct dpara *d = pane_dpara(v, v->focus, p->cur);
			if (d && ds < de && de <= d->len) {
				s = d->orig[ds];
				e = d->orig[de];
			}
		}
		r = select_start(&n->sel, para, t, s, e);
	}
	if (r < 0) {
		view_message(v, 1, "nothing to select here");
		return;
	}
	n->mode = VN_SELECT;
	n->back = VN_OFF;
	v->gen++;
	reveal_selection(n, v);
}

static int color_key(int key)
{
	return key >= '1' && key < '1' + CONF_NCOLORS ? key - '1' : -1;
}

static void select_mode_key(struct vnotes *n, struct view *v, int key)
{
	if (select_key(&n->sel, key)) {
		v->gen++;
		reveal_selection(n, v);
		return;
	}
	int c = color_key(key);
	if (c >= 0 || key == VK_ENTER) {
		int ok = can_write(n, v) && take_range(n, v) == 0;
		select_cancel(&n->sel);
		n->mode = VN_OFF;
		v->gen++;
		if (ok)
			add_highlight(n, v, c >= 0 ? c : n->color, NULL);
		return;
	}
	switch (key) {
	case 'c':
	case 'a':
		start_note(n, v, 0);
		return;
	case 'C':
	case 'A':
		start_note(n, v, 1);
		return;
	case VK_ESC:
	case 'q':
	case 'v':
	case VK_CTRL('c'):
		select_cancel(&n->sel);
		n->mode = VN_OFF;
		v->gen++;
		return;
	}
	view_message(v, 1, "selecting: h l w b e 0 $ o move, V paragraph, 1-5 highlight, c note, "
	             "Esc cancels");
}

/* --- popup and pane --- */

static void open_popup(struct vnotes *n, struct view *v)
{
	int para = current_para(v);
	char lab[64];
	if (para < 0 || annot_para(&n->set, para)->n == 0) {
		view_message(v, 1, "no notes in %s (v selects words, c writes a note)",
		             label_of(v, para, lab, sizeof lab));
		return;
	}
	n->popup_para = para;
	n->popup_cur = 0;
	n->mode = VN_POPUP;
}

static void popup_key(struct vnotes *n, struct view *v, int key)
{
	size_t k = annot_para(&n->set, n->popup_para)->n;
	int c = color_key(key);
	if (c >= 0) {
		recolor(n, v, c);
		return;
	}
	switch (key) {
	case 'j':
	case VK_DOWN:
	case VK_TAB:
		if (n->popup_cur + 1 < k)
			n->popup_cur++;
		return;
	case 'k':
	case VK_UP:
	case VK_BTAB:
		if (n->popup_cur > 0)
			n->popup_cur--;
		return;
	case 'e':
	case VK_ENTER:
		edit_note(n, v, 0);
		return;
	case 'E':
		edit_note(n, v, 1);
		return;
	case 'd':
	case VK_DELETE:
		delete_focused(n, v);
		return;
	case 'u':
		undo(n, v);
		return;
	}
	n->mode = VN_OFF;
	n->popup_para = -1;
}

static void open_pane(struct vnotes *n, struct view *v)
{
	if (notelist_build(&n->list, &n->set) < 0) {
		view_message(v, 1, "out of memory");
		return;
	}
	/* Start at the first note at or after where the reader is. */
	int para = current_para(v);
	for (size_t r = 0; para >= 0 && r < n->list.n; r++) {
		int ai = n->list.rows[r];
		if (ai >= 0 && n->set.para_of[ai] >= para) {
			notelist_select(&n->list, ai, n->list_height);
			break;
		}
	}
	n->mode = VN_PANE;
	if (!n->set.n)
		view_message(v, 0, "no notes yet: v selects words, V a paragraph, c writes a note");
}

static void pane_key(struct vnotes *n, struct view *v, int key)
{
	int h = n->list_height > 0 ? n->list_height : 1;
	int c = color_key(key);
	if (c >= 0) {
		/* A colour filter; the same key again lists every colour. */
		n->list.color = n->list.color == c ? -1 : c;
		notelist_build(&n->list, &n->set);
		notelist_move(&n->list, 0, h);
		return;
	}
	switch (key) {
	case 'j':
	case VK_DOWN:
		notelist_move(&n->list, 1, h);
		return;
	case 'k':
	case VK_UP:
		notelist_move(&n->list, -1, h);
		return;
	case ' ':
	case VK_PGDN:
	case VK_CTRL('f'):
		notelist_move(&n->list, h - 1 > 0 ? h - 1 : 1, h);
		return;
	case 'b':
	case VK_PGUP:
	case VK_CTRL('b'):
		notelist_move(&n->list, -(h - 1 > 0 ? h - 1 : 1), h);
		return;
	case 'g':
	case VK_HOME:
		notelist_move(&n->list, -(int)n->list.n, h);
		return;
	case 'G':
	case VK_END:
		notelist_move(&n->list, (int)n->list.n, h);
		return;
	case '0':
		n->list.color = -1;
		n->list.tag[0] = '\0';
		notelist_build(&n->list, &n->set);
		notelist_move(&n->list, 0, h);
		return;
	case 't':
	case '#':
		prompt(n, VP_TAG, n->list.tag, "Only the tag (empty: all): ");
		return;
	case 'e':
		edit_note(n, v, 0);
		return;
	case 'E':
		edit_note(n, v, 1);
		return;
	case 'd':
	case VK_DELETE:
		delete_focused(n, v);
		return;
	case 'u':
		undo(n, v);
		return;
	case VK_ENTER: {
		int ai = notelist_current(&n->list);
		if (ai < 0)
			return;
		int para = n->set.para_of[ai];
		if (para < 0) {
			view_message(v, 1, "an orphan: its words are not in this text (kept, e edits, d "
			             "deletes)");
			return;
		}
		n->mode = VN_OFF;
		view_goto_para(v, para);
		/* Bring the highlighted words into view, not only the paragraph's start. */
		struct pane *p = &v->pane[v->focus];
		struct dpara *d = pane_dpara(v, v->focus, p->cur);
		const struct para *m = &v->res->paras[para];
		if (d && m->text) {
			size_t b = utf8_byte_offset(m->text, m->text_len, n->set.v[ai].start);
			int line = dpara_line_of(d, dpara_from_orig(d, b));
			if (pane_row_of(v, v->focus, p->cur, line) < 0)
				pane_show(v, v->focus, p->cur, line);
		}
		char lab[64];
		view_message(v, 0, "%s (Backspace goes back)", label_of(v, para, lab, sizeof lab));
		return;
	}
	}
	if (key == VK_ESC || key == 'q' || key == 'a' || key == VK_BACKSPACE)
		n->mode = VN_OFF;
}

/* --- entry points --- */

void vnotes_key(struct vnotes *n, struct view *v, int key)
{
	if (key == VK_RESIZE || key == VK_MOUSE)
		return;
	switch (n->mode) {
	case VN_OFF:
		return;
	case VN_SELECT:
		v->msg[0] = '\0';
		select_mode_key(n, v, key);
		return;
	case VN_PROMPT: {
		size_t before = n->edit.len;
		enum lineedit_result r = ledit_key(&n->edit, key);
		/* The line is full: say so rather than drop what is typed without a word. */
		if (r == LE_EDITED && before == n->edit.len && key >= ' ' && key < VK_BASE &&
		    before + 4 >= LINEEDIT_MAX)
			view_message(v, 1, "the line is full%s",
			             n->prompt == VP_NOTE_NEW || n->prompt == VP_NOTE_EDIT
			             ? ": a long note goes in $EDITOR (C; E in the popup)" : "");
		switch (r) {
		case LE_ACCEPT:
			accept(n, v);
			break;
		case LE_CANCEL:
			done(n, v);
			view_message(v, 0, "cancelled");
			break;
		case LE_EDITED:
		case LE_IGNORED:
			break;
		}
		return;
	}
	case VN_CONFIRM:
		confirm_key(n, v, key);
		return;
	case VN_POPUP:
		v->msg[0] = '\0';
		popup_key(n, v, key);
		return;
	case VN_PANE:
		v->msg[0] = '\0';
		pane_key(n, v, key);
		return;
	}
}

int vnotes_action(struct vnotes *n, struct view *v, enum action a)
{
	switch (a) {
	case ACT_SELECT:
		start_selection(n, v, 0);
		return 1;
	case ACT_SELECT_PARA:
		start_selection(n, v, 1);
		return 1;
	case ACT_NOTE:
		start_note(n, v, 0);
		return 1;
	case ACT_NOTE_EDITOR:
		start_note(n, v, 1);
		return 1;
	case ACT_NOTES_HERE:
		open_popup(n, v);
		return 1;
	case ACT_NOTES_PANE:
		open_pane(n, v);
		return 1;
	case ACT_UNDO:
		undo(n, v);
		return 1;
	case ACT_EXPORT:
		prompt(n, VP_EXPORT_FORMAT, n->export_format,
		       "Export format (txt, md, json, csv, annotated): ");
		return 1;
	default:
		return 0;
	}
}

int vnotes_poll(struct vnotes *n, struct view *v)
{
	if (v->res != n->res) {
		/* ":res" opened another document: its own notes (the view reset the gutters). */
		annot_close(&n->set);
		notelist_free(&n->list);
		n->list.color = -1;
		n->mode = n->back = VN_OFF;
		n->popup_para = -1;
		select_cancel(&n->sel);
		memset(n->gutter_extra, 0, sizeof n->gutter_extra);
		n->res = v->res;
		int err = annot_open(&n->set, n->store, v->res);
		n->usable = n->store && !err && n->set.doc_id > 0;
		if (err)
			view_message(v, 1, "notes unavailable: %s", n->set.err);
		changed(n, v);
		return 1;
	}
	int r = annot_poll(&n->set);
	if (r > 0) {
		changed(n, v);
		return 1;
	}
	return 0;
}

/* --- reading position --- */

void vnotes_restore_position(struct vnotes *n, struct view *v)
{
	struct position pos;
	if (!n->usable || store_position_get(n->set.store, n->set.doc_id, &pos) != STORE_OK)
		return;
	int para = res_find(v->res, pos.para_id);
	if (para < 0 || pos.pane < 0 || pos.pane >= VIEW_NPANES || v->pane_of[para] != pos.pane)
		return;
	v->focus = pos.pane;
	struct pane *p = &v->pane[pos.pane];
	p->cur = p->top = (size_t)v->pos_of[para];
	p->top_line = 0;
	p->sel = -1;
	/* scroll: rows between the pane's top and the paragraph's first line (negative: lines of
	 * the paragraph scrolled off the top). */
	if (pos.scroll > 0)
		pane_advance(v, pos.pane, &p->top, &p->top_line, -pos.scroll);
	else if (pos.scroll < 0)
		p->top_line = -pos.scroll < pane_nlines(v, pos.pane, p->cur) ? -pos.scroll : 0;
	pane_clamp(v, pos.pane);
}

void vnotes_save_position(struct vnotes *n, struct view *v)
{
	if (!n->usable || store_readonly(n->set.store))
		return;
	struct pane *p = &v->pane[v->focus];
	if (!p->n)
		return;
	struct position pos = { .pane = v->focus };
	const char *id = v->res->paras[p->paras[p->cur]].id;
	if (!id || strlen(id) >= sizeof pos.para_id)
		return;
	snprintf(pos.para_id, sizeof pos.para_id, "%s", id);
	if (p->top == p->cur) {
		pos.scroll = -p->top_line;
	} else {
		int row = pane_row_of(v, v->focus, p->cur, 0);
		pos.scroll = row > 0 ? row : 0;
	}
	store_position_set(n->set.store, n->set.doc_id, &pos);
}

/* --- for drawing --- */

const char *vnotes_gutter(const struct vnotes *n, const struct view *v, int para, char buf[8],
                          int *color)
{
	const struct annot_para *ap = annot_para(&n->set, para);
	buf[0] = '\0';
	*color = -1;
	if (ap->n == 0)
		return buf;
	const struct annotation *first = annot_para_item(&n->set, para, 0);
	*color = conf_color_of_key(first->color);
	if (ap->notes) {
		for (size_t i = 0; i < ap->n; i++) {
			const struct annotation *a = annot_para_item(&n->set, para, i);
			if (a->note && a->note[0]) {
				*color = conf_color_of_key(a->color);
				break;
			}
		}
		snprintf(buf, 8, "%s", v->utf8 ? "\u270E" : "N");   /* ✎ */
		return buf;
	}
	return conf_color_symbol(&n->conf, *color, v->utf8, buf);
}

const char *vnotes_hint(const struct vnotes *n)
{
	switch (n->mode) {
	case VN_SELECT:
		return "h l w b e 0 $ o move  V paragraph  1-5 highlight  c note  C $EDITOR  Esc";
	case VN_POPUP:
		return "j/k choose  e edit  E $EDITOR  d delete  1-5 colour  u undo  Esc close";
	case VN_PANE:
		return "Enter go  1-5 colour  t tag  0 all  e edit  d delete  u undo  q close";
	default:
		return NULL;
	}
}

/* Appends a copy of s to the growing array; returns -1 when out of memory. */
static int push(char ***v, size_t *n, size_t *cap, const char *s)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		char **nv = realloc(*v, c * sizeof *nv);
		if (!nv)
			return -1;
		*v = nv;
		*cap = c;
	}
	if (!((*v)[*n] = strdup(s)))
		return -1;
	(*n)++;
	return 0;
}

/* Wraps s to cols columns after an indent, one pushed line per wrapped line. */
static int push_wrapped(char ***v, size_t *n, size_t *cap, const char *s, int cols, int utf8,
                        const char *indent)
{
	char *clean = utf8_sanitize(s, strlen(s), 1);
	if (!clean)
		return -1;
	int w = cols - (int)strlen(indent);
	if (w < 4)
		w = 4;
	int bad = 0;
	for (char *line = clean; !bad;) {
		char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		struct wrap_line *wl = NULL;
		int k = text_wrap(line, len, w, &wl);
		if (k < 0) {
			bad = 1;
			break;
		}
		for (int i = 0; i < k && !bad; i++) {
			char piece[1024], out[1100];
			clip_text(line + wl[i].start, wl[i].end - wl[i].start, w, utf8, 0, piece,
			          sizeof piece);
			snprintf(out, sizeof out, "%s%s", indent, piece);
			bad = push(v, n, cap, out);
		}
		free(wl);
		if (!nl)
			break;
		line = nl + 1;
	}
	free(clean);
	return bad ? -1 : 0;
}

char **vnotes_popup_lines(const struct vnotes *n, const struct view *v, int cols, size_t *count,
                          size_t *sel_first, size_t *sel_last)
{
	const struct annot_para *ap = annot_para(&n->set, n->popup_para);
	char **lines = NULL;
	size_t k = 0, cap = 0;
	*count = *sel_first = *sel_last = 0;
	if (n->popup_para < 0 || ap->n == 0 || cols < 8)
		return NULL;
	int bad = 0;
	for (size_t i = 0; i < ap->n && !bad; i++) {
		const struct annotation *a = annot_para_item(&n->set, n->popup_para, i);
		if (i == n->popup_cur)
			*sel_first = k;
		char col[96], head[600], quote[400];
		color_name(n, a->color, v, col, sizeof col);
		int used = clip_text(col, strlen(col), cols, v->utf8, 1, head, sizeof head);
		clip_text(a->exact ? a->exact : "", strlen(a->exact ? a->exact : ""),
		          cols - used - 4 > 0 ? cols - used - 4 : 0, v->utf8, 1, quote, sizeof quote);
		size_t hl = strlen(head);
		if (quote[0])
			snprintf(head + hl, sizeof head - hl, "  %s%s%s", v->utf8 ? "\u201C" : "\"",
			         quote, v->utf8 ? "\u201D" : "\"");
		bad = push(&lines, &k, &cap, head);
		if (!bad && a->ntags) {
			char tags[400] = "";
			for (size_t t = 0; t < a->ntags; t++) {
				size_t tl = strlen(tags);
				snprintf(tags + tl, sizeof tags - tl, "%s#%s", t ? " " : "", a->tags[t]);
			}
			bad = push_wrapped(&lines, &k, &cap, tags, cols, v->utf8, "  ");
		}
		if (!bad)
			bad = push_wrapped(&lines, &k, &cap, a->note && a->note[0] ? a->note
			                   : "(no note: e writes one)", cols, v->utf8, "  ");
		if (i == n->popup_cur)
			*sel_last = k ? k - 1 : 0;
		if (!bad && i + 1 < ap->n)
			bad = push(&lines, &k, &cap, "");
	}
	if (bad) {
		keys_help_free(lines, k);
		return NULL;
	}
	*count = k;
	return lines;
}
