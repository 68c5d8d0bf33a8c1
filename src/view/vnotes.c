/* vnotes.c: what the note keys do: select, highlight, write, edit, tag, recolour, delete,
 * undo and redo, copy, export; the reading position; what the screen shows of notes. */
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
#include "view/copy.h"
#include "view/extedit.h"
#include "view/pane.h"
#include "view/vnotes.h"

#define UNKNOWN_COLOR 6    /* a colour key gavel does not know (imported) */

/* "OP 10", clipped for messages. */
static const char *label_of(const struct view *v, int para, char *buf, size_t size)
{
	const char *l = para >= 0 ? res_label(v->res, para) : NULL;
	clip_text(l ? l : "?", 64, 24, v->utf8, 1, buf, size);
	return buf;
}

/* An annotation's paragraph for messages: its label as last anchored, else its id. */
static const char *label_of_annot(const struct view *v, const struct annotation *a, char *buf,
                                  size_t size)
{
	const char *l = a->para_label ? a->para_label : a->para_id ? a->para_id : "?";
	clip_text(l, strlen(l), 24, v->utf8, 1, buf, size);
	return buf;
}

/* "● important", "✎ note" */
static const char *color_name(const struct vnotes *n, const char *key, const struct view *v,
                              char *buf, size_t size)
{
	int ci = conf_color_of_key(key);
	char sym[8], clean[64];
	conf_color_symbol(&v->conf, ci, v->utf8, sym);
	const char *name = conf_color_name(&v->conf, ci, key);
	(void)n;
	clip_text(name, strlen(name), 24, v->utf8, 0, clean, sizeof clean);
	snprintf(buf, size, "%s %s", sym, clean);
	return buf;
}

static const char *key_for(const struct view *v, enum view_mode m, enum action a,
                           const char *fallback, char *buf, size_t size)
{
	return view_key_for(v, m, a, fallback, buf, size);
}

/* The set changed (a write or a reload): lay out again and refresh the lists. */
static void changed(struct vnotes *n, struct view *v)
{
	v->gen++;
	if (view_in(v, MODE_NOTES))
		notelist_build(&n->list, &n->set);
	if (n->popup_para >= 0) {
		size_t k = annot_para(&n->set, n->popup_para)->n;
		if (n->popup_cur >= k)
			n->popup_cur = k ? k - 1 : 0;
		if (k == 0 && view_top(v) == MODE_POPUP)
			view_pop(v);
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
	/* The selection last: it is drawn over the highlights it covers, and stays while a
	 * prompt about it is open. */
	if (n->view && view_in(n->view, MODE_SELECT) && n->sel.active && n->sel.para == para) {
		size_t a, b, ba, bb;
		select_range(&n->sel, &a, &b, &ba, &bb);
		n->spans[k++] = (struct dspan){ ba, bb, DSPAN_SELECTION, 0 };
	}
	*out = n->spans;
	return k;
}

void vnotes_open(struct vnotes *n, struct view *v, struct store *st, const char *store_msg)
{
	memset(n, 0, sizeof *n);
	n->popup_para = -1;
	n->new_para = -1;
	snprintf(n->export_format, sizeof n->export_format, "%s", v->conf.export_format);
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
	free(n->editor_comments);
	n->spans = NULL;
	n->editor_text = n->editor_comments = NULL;
}

void vnotes_resize(struct vnotes *n, int rows)
{
	n->list_height = rows - 2 > 1 ? rows - 2 : 1;
	notelist_move(&n->list, 0, n->list_height);
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

int vnotes_can_write(struct vnotes *n, struct view *v)
{
	if (n->usable && !store_readonly(n->set.store))
		return 1;
	view_message(v, 1, "%s", !n->set.store ? "notes unavailable: no usable database"
	                         : store_readonly(n->set.store) ? "the notes database is read-only"
	                         : "notes unavailable for this document");
	return 0;
}

/* Leaves the selection (a highlight, a note or a copy was made of it, or none can be). */
static void end_selection(struct view *v)
{
	while (view_in(v, MODE_SELECT))
		view_pop(v);
}

/* --- New highlights and notes --- */

/* The selection (or the whole current paragraph, as a note without a highlight) becomes
 * what a new note goes on. */
static int take_range(struct vnotes *n, struct view *v)
{
	if (view_in(v, MODE_SELECT) && n->sel.active) {
		size_t bs, be;
		n->new_para = n->sel.para;
		select_range(&n->sel, &n->new_start, &n->new_end, &bs, &be);
		n->new_color = n->color;
		return 0;
	}
	int para = view_current_para(v);
	const char *t = para >= 0 ? v->res->paras[para].text : NULL;
	if (!t || !*t) {
		view_message(v, 1, "nothing to annotate here");
		return -1;
	}
	n->new_para = para;
	n->new_start = 0;
	n->new_end = utf8_count(t, strlen(t));
	n->new_color = CONF_NONE;
	return 0;
}

static void add_new(struct vnotes *n, struct view *v, int color, const char *note,
                    char *const *tags, size_t ntags)
{
	char lab[64], col[96];
	const char *key = conf_color_key(color);
	int err = annot_add(&n->set, n->new_para, n->new_start, n->new_end, key, note, tags, ntags,
	                    NULL);
	if (color >= 0)
		n->color = color;
	changed(n, v);
	char u[16];
	report(v, n, err, "%s %s (%s; %s undoes)", note ? "note saved on" : "highlighted",
	       label_of(v, n->new_para, lab, sizeof lab), color_name(n, key, v, col, sizeof col),
	       key_for(v, MODE_READ, ACT_UNDO, ":", u, sizeof u));
}

void vnotes_highlight(struct vnotes *n, struct view *v, int c)
{
	int ok = vnotes_can_write(n, v) && take_range(n, v) == 0;
	end_selection(v);
	if (ok)
		add_new(n, v, c >= 0 ? c : n->color, NULL, NULL, 0);
}

/* The comment lines an editor run starts with: where the note goes and the quote. */
static char *editor_comments(const struct view *v, int para, const char *exact)
{
	char lab[64], cite[300];
	const char *l = para >= 0 ? res_label(v->res, para) : NULL;
	clip_text(l ? l : "?", 64, 40, 1, 1, lab, sizeof lab);
	struct export_doc d = { v->res, v->res->meta.symbol, v->res->meta.language, NULL, 0 };
	export_citation(&d, para >= 0 && v->res->paras[para].id ? v->res->paras[para].id : "?", cite,
	                sizeof cite);
	char *quote = utf8_sanitize(exact ? exact : "", strlen(exact ? exact : ""), 0);
	if (!quote)
		return NULL;
	for (char *q = quote; *q; q++)
		if (*q == '\n' || *q == '\t' || *q == '\r')
			*q = ' ';
	/* The quote wrapped to 70 columns, each line a comment. */
	size_t cap = strlen(quote) * 2 + 512, len = 0;
	char *out = malloc(cap);
	if (!out) {
		free(quote);
		return NULL;
	}
	len += (size_t)snprintf(out, cap, "# Note on %s (%s)\n", lab, cite);
	struct wrap_line *wl = NULL;
	int k = quote[0] ? text_wrap(quote, strlen(quote), 68, &wl) : 0;
	for (int i = 0; i < k; i++)
		len += (size_t)snprintf(out + len, cap - len, "# %s%.*s%s\n", i == 0 ? "\u201C" : " ",
		                        (int)(wl[i].end - wl[i].start), quote + wl[i].start,
		                        i == k - 1 ? "\u201D" : "");
	free(wl);
	free(quote);
	snprintf(out + len, cap - len,
	         "# gavel removes these comment lines when you save; an empty note saves nothing.");
	return out;
}

/* Runs the editor (through the curses layer) on a note, with the comment lines under it. */
static void want_editor(struct vnotes *n, struct view *v, int para, const char *exact,
                        const char *note)
{
	free(n->editor_text);
	free(n->editor_comments);
	n->editor_text = NULL;
	n->editor_comments = editor_comments(v, para, exact);
	if (!n->editor_comments)
		return;
	if (asprintf(&n->editor_text, "%s\n\n%s", note ? note : "", n->editor_comments) < 0)
		n->editor_text = NULL;
	n->want_editor = n->editor_text != NULL;
}

static void note_accept(struct view *v, const char *line);
static const struct line_spec note_line = {
	-1, note_accept, NULL, "cancelled", ": a long note goes in $EDITOR"
};

void vnotes_new_note(struct vnotes *n, struct view *v, int in_editor)
{
	if (!vnotes_can_write(n, v) || take_range(n, v) < 0) {
		end_selection(v);
		return;
	}
	n->target[0] = '\0';
	char lab[64];
	label_of(v, n->new_para, lab, sizeof lab);
	if (in_editor) {
		const struct para *p = &v->res->paras[n->new_para];
		size_t len = strnlen(p->text, p->text_len);
		size_t bs = utf8_byte_offset(p->text, len, n->new_start);
		size_t be = utf8_byte_offset(p->text, len, n->new_end);
		char *exact = strndup(p->text + bs, be - bs);
		want_editor(n, v, n->new_para, exact, NULL);
		free(exact);
		end_selection(v);
		return;
	}
	char label[96];
	snprintf(label, sizeof label, "Note on %s: ", lab);
	view_line_open(v, &note_line, "", label);
}

/* Saves what the prompt or the editor gave for the note being written or edited. */
static void save_note(struct vnotes *n, struct view *v, const char *text)
{
	if (n->target[0]) {
		int ai = annot_find(&n->set, n->target);
		int note_only = ai >= 0 && conf_color_of_key(n->set.v[ai].color) == CONF_NONE;
		char u[16];
		key_for(v, MODE_READ, ACT_UNDO, ":", u, sizeof u);
		if (note_only && (!text || !*text)) {
			/* A note without a highlight is nothing without its note. */
			int err = annot_delete(&n->set, n->target);
			changed(n, v);
			report(v, n, err, "note removed (%s undoes)", u);
			return;
		}
		int err = annot_set_note(&n->set, n->target, text);
		changed(n, v);
		report(v, n, err, text && *text ? "note saved (%s undoes)"
		                                : "note emptied (the highlight stays; %s undoes)", u);
		return;
	}
	end_selection(v);
	if (!text || !*text) {
		view_message(v, 0, "empty note: nothing saved");
		return;
	}
	add_new(n, v, n->new_color, text, NULL, 0);
}

static void note_accept(struct view *v, const char *line)
{
	if (v->notes)
		save_note(v->notes, v, line);
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
		char *clean = extedit_strip(text, n->editor_comments);
		if (!clean)
			view_message(v, 1, "out of memory: nothing saved");
		else
			save_note(n, v, clean);
		free(clean);
	}
	free(n->editor_comments);
	n->editor_comments = NULL;
}

/* --- Tags --- */

/* "consular #detention, x" -> the words, without '#' and commas, each once. Returns the
 * count; words point into buf. */
static size_t split_tags(char *buf, char **tags, size_t max)
{
	size_t n = 0;
	for (char *save = NULL, *w = strtok_r(buf, " ,\t", &save); w && n < max;
	     w = strtok_r(NULL, " ,\t", &save)) {
		while (*w == '#')
			w++;
		if (!*w)
			continue;
		int dup = 0;
		for (size_t i = 0; i < n; i++)
			dup |= strcmp(tags[i], w) == 0;
		if (!dup)
			tags[n++] = w;
	}
	return n;
}

/* Tab on a tags line: the tags of the document's notes starting as the last word does. */
static int complete_tags(struct view *v, const char *line, char **out, int max)
{
	struct vnotes *n = v->notes;
	const char *sp = strrchr(line, ' ');
	size_t head = sp ? (size_t)(sp - line) + 1 : 0;
	const char *word = line + head;
	while (*word == '#')
		word++, head++;
	int count = 0;
	for (size_t i = 0; n && i < n->set.n; i++)
		for (size_t t = 0; t < n->set.v[i].ntags; t++) {
			const char *tag = n->set.v[i].tags[t];
			if (strncmp(tag, word, strlen(word)) != 0)
				continue;
			char cand[LINEEDIT_MAX];
			snprintf(cand, sizeof cand, "%.*s%s", (int)head, line, tag);
			int dup = 0;
			for (int k = 0; k < count && k < max; k++)
				dup |= strcmp(out[k], cand) == 0;
			if (dup)
				continue;
			if (count < max && !(out[count] = strdup(cand)))
				return -1;
			count++;
		}
	return count;
}

static void tags_accept(struct view *v, const char *line)
{
	struct vnotes *n = v->notes;
	if (!n)
		return;
	char buf[LINEEDIT_MAX];
	snprintf(buf, sizeof buf, "%s", line);
	char *tags[64];
	size_t nt = split_tags(buf, tags, 64);
	char u[16], lab[64];
	key_for(v, MODE_READ, ACT_UNDO, ":", u, sizeof u);
	if (!n->target[0]) {
		/* A new highlight with its tags (from the selection). */
		end_selection(v);
		add_new(n, v, n->new_color, NULL, tags, nt);
		return;
	}
	int ai = annot_find(&n->set, n->target);
	if (ai >= 0)
		label_of_annot(v, &n->set.v[ai], lab, sizeof lab);
	int err = annot_set_tags(&n->set, n->target, tags, nt);
	changed(n, v);
	report(v, n, err, nt ? "tags of the note on %s: %s (%s undoes)"
	                     : "no tags on the note on %s%s (%s undoes)",
	       ai >= 0 ? lab : "?", nt ? line : "", u);
}

static const struct line_spec tags_line = { -1, tags_accept, complete_tags, "cancelled",
                                            NULL };

void vnotes_new_tagged(struct vnotes *n, struct view *v)
{
	if (!vnotes_can_write(n, v) || take_range(n, v) < 0) {
		end_selection(v);
		return;
	}
	n->target[0] = '\0';
	char lab[64], label[120];
	snprintf(label, sizeof label, "Tags for the highlight on %s: ",
	         label_of(v, n->new_para, lab, sizeof lab));
	view_line_open(v, &tags_line, "", label);
}

/* --- The annotation under the popup's or the pane's selection --- */

const struct annotation *vnotes_focused(const struct vnotes *n, enum view_mode mode)
{
	if (mode == MODE_POPUP)
		return annot_para_item(&n->set, n->popup_para, n->popup_cur);
	if (mode == MODE_NOTES) {
		int ai = notelist_current(&n->list);
		return ai >= 0 ? &n->set.v[ai] : NULL;
	}
	return NULL;
}

void vnotes_edit(struct vnotes *n, struct view *v, enum view_mode mode, int in_editor)
{
	const struct annotation *a = vnotes_focused(n, mode);
	if (!a || !vnotes_can_write(n, v))
		return;
	memcpy(n->target, a->id, sizeof n->target);
	/* A note of several lines, or a long one, is edited where all of it can be seen. */
	if (in_editor || (a->note && (strchr(a->note, '\n') || strlen(a->note) >= LINEEDIT_MAX))) {
		int ai = annot_find(&n->set, a->id);
		want_editor(n, v, ai >= 0 ? n->set.para_of[ai] : -1, a->exact, a->note);
		return;
	}
	char lab[64], label[96];
	snprintf(label, sizeof label, "Note on %s: ", label_of_annot(v, a, lab, sizeof lab));
	view_line_open(v, &note_line, a->note, label);
}

void vnotes_tags(struct vnotes *n, struct view *v, enum view_mode mode)
{
	const struct annotation *a = vnotes_focused(n, mode);
	if (!a || !vnotes_can_write(n, v))
		return;
	memcpy(n->target, a->id, sizeof n->target);
	char initial[LINEEDIT_MAX] = "";
	size_t len = 0;
	for (size_t i = 0; i < a->ntags && len + 2 < sizeof initial; i++)
		len += (size_t)snprintf(initial + len, sizeof initial - len, "%s%s", i ? " " : "",
		                        a->tags[i]);
	if (len)
		snprintf(initial + len, sizeof initial - len, " ");
	char lab[64], label[120];
	snprintf(label, sizeof label, "Tags of the note on %s: ", label_of_annot(v, a, lab, sizeof lab));
	view_line_open(v, &tags_line, initial, label);
}

void vnotes_recolor(struct vnotes *n, struct view *v, enum view_mode mode, int c)
{
	const struct annotation *a = vnotes_focused(n, mode);
	if (!a || !vnotes_can_write(n, v))
		return;
	char id[37], col[96], u[16];
	memcpy(id, a->id, sizeof id);
	const char *key = conf_color_key(c);
	int err = annot_set_color(&n->set, id, key);
	changed(n, v);
	report(v, n, err, "now %s (%s undoes)", color_name(n, key, v, col, sizeof col),
	       key_for(v, MODE_READ, ACT_UNDO, ":", u, sizeof u));
}

static void delete_yes(struct view *v)
{
	struct vnotes *n = v->notes;
	if (!n)
		return;
	int err = annot_delete(&n->set, n->target);
	changed(n, v);
	char u[16];
	report(v, n, err, "deleted (%s undoes)", key_for(v, view_top(v), ACT_UNDO, ":", u, sizeof u));
}

static void delete_no(struct view *v)
{
	view_message(v, 0, "kept");
}

void vnotes_delete(struct vnotes *n, struct view *v, enum view_mode mode)
{
	const struct annotation *a = vnotes_focused(n, mode);
	if (!a || !vnotes_can_write(n, v))
		return;
	memcpy(n->target, a->id, sizeof n->target);
	char q[240], quote[96], lab[64];
	clip_text(a->exact ? a->exact : "", 400, 40, v->utf8, 1, quote, sizeof quote);
	snprintf(q, sizeof q, "Delete the %s on %s %s%s%s? (y/n)",
	         a->note && a->note[0] ? "note" : "highlight", label_of_annot(v, a, lab, sizeof lab),
	         v->utf8 ? "\u201C" : "\"", quote, v->utf8 ? "\u201D" : "\"");
	view_confirm(v, q, delete_yes, delete_no);
}

void vnotes_undo(struct vnotes *n, struct view *v, int redo)
{
	if (!(redo ? n->set.nredo : n->set.nundo)) {
		view_message(v, 1, redo ? "nothing to redo" : "nothing to undo");
		return;
	}
	if (!vnotes_can_write(n, v))
		return;
	const struct annot_change *c = NULL;
	int err = redo ? annot_redo(&n->set, &c) : annot_undo(&n->set, &c);
	changed(n, v);
	if (err || !c) {
		report(v, n, err ? err : 1, "?");
		return;
	}
	const struct annotation *a = c->kind == AC_ADD ? &c->after : &c->before;
	char lab[64], k[16];
	const char *what = a->note && a->note[0] ? "note" : "highlight";
	label_of_annot(v, a, lab, sizeof lab);
	/* Show the note that came back where the reader is looking. */
	int ai = annot_find(&n->set, a->id);
	if (ai >= 0 && view_in(v, MODE_NOTES))
		notelist_select(&n->list, ai, n->list_height);
	if (ai >= 0 && view_in(v, MODE_POPUP) && n->set.para_of[ai] == n->popup_para)
		for (size_t i = 0; i < annot_para(&n->set, n->popup_para)->n; i++)
			if (annot_para_item(&n->set, n->popup_para, i) == &n->set.v[ai])
				n->popup_cur = i;
	int gone = (c->kind == AC_ADD) != redo;   /* an add undone, a delete redone */
	if (c->kind == AC_UPDATE)
		view_message(v, 0, "%s: the %s on %s %s (%s %s)", redo ? "redone" : "undone", what, lab,
		             redo ? "is changed again" : "is as it was",
		             key_for(v, MODE_READ, redo ? ACT_UNDO : ACT_REDO, ":", k, sizeof k),
		             redo ? "undoes" : "redoes");
	else
		view_message(v, 0, "%s: the %s on %s is %s (%s %s)", redo ? "redone" : "undone", what,
		             lab, gone ? "gone" : "back",
		             key_for(v, MODE_READ, redo ? ACT_UNDO : ACT_REDO, ":", k, sizeof k),
		             redo ? "undoes" : "redoes");
}

/* --- Copying --- */

void vnotes_copy_selection(struct vnotes *n, struct view *v, int to_file)
{
	size_t s, e, bs, be;
	select_range(&n->sel, &s, &e, &bs, &be);
	char *text = n->sel.active ? copy_citation(v->res, n->sel.para, s, e) : NULL;
	end_selection(v);
	if (to_file)
		view_copy_append(v, text, NULL, "the quote");
	else
		view_copy(v, text);
}

void vnotes_copy(struct vnotes *n, struct view *v, enum view_mode mode)
{
	const struct annotation *a = vnotes_focused(n, mode);
	if (!a)
		return;
	int ai = annot_find(&n->set, a->id);
	int para = ai >= 0 ? n->set.para_of[ai] : -1;
	char *text = para >= 0 ? copy_citation(v->res, para, a->start, a->end)
	                       : copy_citation_of(v->res, a->para_id, a->exact, 0, 0);
	view_copy(v, text);
}

/* --- Export --- */

static void export_path_accept(struct view *v, const char *line);
static const struct line_spec export_path_line = { -1, export_path_accept, NULL,
                                                   "export cancelled", NULL };

static void export_ask_path(struct vnotes *n, struct view *v)
{
	const struct export_format *f = export_find(n->export_format);
	char name[256], initial[300], label[64];
	export_default_name(v->res->meta.symbol, f, name, sizeof name);
	snprintf(initial, sizeof initial, "./%s", name);
	snprintf(label, sizeof label, "Export %s to: ", f->name);
	view_line_open(v, &export_path_line, initial, label);
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

static void export_write(struct view *v)
{
	struct vnotes *n = v->notes;
	const struct export_format *f = export_find(n->export_format);
	struct export_doc d = { v->res, v->res->meta.symbol, v->res->meta.language, n->set.v,
	                        n->set.n };
	struct export_color names[CONF_NCOLORS];   /* the configuration's names, as the CLI's */
	for (int i = 0; i < CONF_NCOLORS; i++)
		names[i] = (struct export_color){ v->conf.color[i].key, v->conf.color[i].name };
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

static void export_cancelled(struct view *v)
{
	view_message(v, 0, "export cancelled");
}

static void export_path_accept(struct view *v, const char *line)
{
	struct vnotes *n = v->notes;
	if (!n)
		return;
	if (!line[0]) {
		export_cancelled(v);
		return;
	}
	copy_expand_path(line, n->export_path, sizeof n->export_path);
	struct stat st;
	if (stat(n->export_path, &st) == 0) {
		char q[300], shown[128];
		clip_text(n->export_path, strlen(n->export_path), 60, v->utf8, 1, shown, sizeof shown);
		snprintf(q, sizeof q, "%s exists: replace it? (y/n)", shown);
		view_confirm(v, q, export_write, export_cancelled);
		return;
	}
	export_write(v);
}

static void export_format_accept(struct view *v, const char *line)
{
	struct vnotes *n = v->notes;
	if (!n)
		return;
	char buf[LINEEDIT_MAX];
	snprintf(buf, sizeof buf, "%s", line);
	char *s = buf;
	while (*s == ' ')
		s++;
	s[strcspn(s, " ")] = '\0';
	if (!export_find(*s ? s : n->export_format)) {
		view_message(v, 1, "unknown format '%.20s' (txt, md, json, csv, annotated)", s);
		return;
	}
	if (*s)
		snprintf(n->export_format, sizeof n->export_format, "%.15s", s);
	export_ask_path(n, v);
}

static const struct line_spec export_format_line = { -1, export_format_accept, NULL,
                                                     "export cancelled", NULL };

/* --- The popup, the pane, the selection: opening them --- */

static void open_popup(struct vnotes *n, struct view *v)
{
	int para = view_current_para(v);
	char lab[64], s[16], c[16];
	if (para < 0 || annot_para(&n->set, para)->n == 0) {
		view_message(v, 1, "no notes in %s (%s selects words, %s writes a note)",
		             label_of(v, para, lab, sizeof lab),
		             key_for(v, MODE_READ, ACT_SELECT, "v", s, sizeof s),
		             key_for(v, MODE_READ, ACT_NOTE, "c", c, sizeof c));
		return;
	}
	n->popup_para = para;
	n->popup_cur = 0;
	view_push(v, MODE_POPUP);
}

static void open_pane(struct vnotes *n, struct view *v)
{
	if (notelist_build(&n->list, &n->set) < 0) {
		view_message(v, 1, "out of memory");
		return;
	}
	/* Start at the first note at or after where the reader is. */
	int para = view_current_para(v);
	for (size_t r = 0; para >= 0 && r < n->list.n; r++) {
		int ai = n->list.rows[r];
		if (ai >= 0 && n->set.para_of[ai] >= para) {
			notelist_select(&n->list, ai, n->list_height);
			break;
		}
	}
	view_push(v, MODE_NOTES);
	if (!n->set.n) {
		char s[16], c[16];
		view_message(v, 0, "no notes yet: %s selects words, %s writes a note",
		             key_for(v, MODE_READ, ACT_SELECT, "v", s, sizeof s),
		             key_for(v, MODE_READ, ACT_NOTE, "c", c, sizeof c));
	}
}

static void reveal_selection(struct vnotes *n, struct view *v)
{
	struct pane *p = &v->pane[v->focus];
	if (!p->n)
		return;
	const struct dpara *d = pane_dpara(v, v->focus, p->cur);
	if (!d)
		return;
	int line = dpara_line_of(d, dpara_from_orig(d, n->sel.cursor));
	if (pane_row_of(v, v->focus, p->cur, line) < 0)
		pane_show(v, v->focus, p->cur, line);
}

void vnotes_selection_moved(struct vnotes *n, struct view *v)
{
	v->gen++;
	reveal_selection(n, v);
}

static void start_selection(struct vnotes *n, struct view *v, int whole)
{
	int para = view_current_para(v);
	const char *t = para >= 0 ? v->res->paras[para].text : NULL;
	int r;
	if (whole) {
		r = select_whole(&n->sel, para, t);
	} else {
		/* On the current search match when this paragraph has it, else at its start. */
		size_t s = 0, e = 0, ds, de;
		if (view_current_match(v, para, &ds, &de) == 0) {
			struct pane *p = &v->pane[v->focus];
			const struct dpara *d = pane_dpara(v, v->focus, p->cur);
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
	view_push(v, MODE_SELECT);
	vnotes_selection_moved(n, v);
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
		vnotes_new_note(n, v, 0);
		return 1;
	case ACT_NOTE_EDITOR:
		vnotes_new_note(n, v, 1);
		return 1;
	case ACT_NOTES_HERE:
		open_popup(n, v);
		return 1;
	case ACT_NOTES_PANE:
		open_pane(n, v);
		return 1;
	case ACT_UNDO:
	case ACT_REDO:
		vnotes_undo(n, v, a == ACT_REDO);
		return 1;
	case ACT_EXPORT:
		view_line_open(v, &export_format_line, n->export_format,
		               "Export format (txt, md, json, csv, annotated): ");
		return 1;
	default:
		return 0;
	}
}

static void filter_accept(struct view *v, const char *line)
{
	struct vnotes *n = v->notes;
	if (!n)
		return;
	const char *s = line;
	while (*s == ' ' || *s == '#')
		s++;
	snprintf(n->list.tag, sizeof n->list.tag, "%.100s", s);
	n->list.tag[strcspn(n->list.tag, " ")] = '\0';
	notelist_build(&n->list, &n->set);
	notelist_move(&n->list, 0, n->list_height);
}

static const struct line_spec tag_filter_line = { -1, filter_accept, complete_tags, NULL, NULL };

void vnotes_filter_tag(struct vnotes *n, struct view *v)
{
	view_line_open(v, &tag_filter_line, n->list.tag, "Only the tag (empty: all): ");
}

int vnotes_poll(struct vnotes *n, struct view *v)
{
	if (v->res != n->res) {
		/* ":res" opened another document: its own notes. */
		if (view_in(v, MODE_SELECT) || view_in(v, MODE_POPUP) || view_in(v, MODE_NOTES))
			view_reset(v);
		annot_close(&n->set);
		notelist_free(&n->list);
		n->list.color = -1;
		n->popup_para = -1;
		select_cancel(&n->sel);
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

/* --- Reading position --- */

/* Puts pane pi's current paragraph (by id) where it was: scroll is the rows between the
 * pane's top and the paragraph's first line (negative: lines of it scrolled off the top).
 * 1 when the paragraph is in this pane. */
static int place_pane(struct view *v, int pi, const char *para_id, int scroll)
{
	int para = para_id[0] ? res_find(v->res, para_id) : -1;
	if (para < 0 || v->pane_of[para] != pi)
		return 0;
	struct pane *p = &v->pane[pi];
	p->cur = p->top = (size_t)v->pos_of[para];
	p->top_line = 0;
	p->sel = -1;
	if (scroll > 0)
		pane_advance(v, pi, &p->top, &p->top_line, -scroll);
	else if (scroll < 0)
		p->top_line = -scroll < pane_nlines(v, pi, p->cur) ? -scroll : 0;
	pane_clamp(v, pi);
	return 1;
}

void vnotes_restore_position(struct vnotes *n, struct view *v)
{
	struct position pos;
	if (!n->usable || store_position_get(n->set.store, n->set.doc_id, &pos) != STORE_OK)
		return;
	int para = res_find(v->res, pos.para_id);
	if (para < 0 || pos.pane < 0 || pos.pane >= VIEW_NPANES || v->pane_of[para] != pos.pane)
		return;
	/* The focus and the zoom first: they decide how tall each pane is. */
	v->focus = pos.pane;
	if (pos.zoomed != v->zoomed) {
		v->zoomed = pos.zoomed != 0;
		if (v->geom.cols > 0)
			view_resize(v, v->geom.cols, v->geom.rows);
	}
	for (int pi = 0; pi < VIEW_NPANES && pi < STORE_PANES; pi++)
		if (pi != pos.pane)
			place_pane(v, pi, pos.panes[pi].para_id, pos.panes[pi].scroll);
	place_pane(v, pos.pane, pos.para_id, pos.scroll);
}

/* Where pane pi stands, as place_pane takes it. 0, or -1 when it has nothing to save. */
static int pane_place(struct view *v, int pi, char *id_out, size_t size, int *scroll)
{
	struct pane *p = &v->pane[pi];
	const char *id = p->n ? v->res->paras[p->paras[p->cur]].id : NULL;
	if (!id || strlen(id) >= size)
		return -1;
	snprintf(id_out, size, "%s", id);
	if (p->top == p->cur) {
		*scroll = -p->top_line;
	} else {
		int row = pane_row_of(v, pi, p->cur, 0);
		*scroll = row > 0 ? row : 0;
	}
	return 0;
}

void vnotes_save_position(struct vnotes *n, struct view *v)
{
	if (!n->usable || store_readonly(n->set.store))
		return;
	struct position pos;
	memset(&pos, 0, sizeof pos);
	pos.pane = v->focus;
	pos.zoomed = v->zoomed;
	if (pane_place(v, v->focus, pos.para_id, sizeof pos.para_id, &pos.scroll) < 0)
		return;
	for (int pi = 0; pi < VIEW_NPANES && pi < STORE_PANES; pi++)
		if (pane_place(v, pi, pos.panes[pi].para_id, sizeof pos.panes[pi].para_id,
		               &pos.panes[pi].scroll) < 0)
			pos.panes[pi].para_id[0] = '\0';
	store_position_set(n->set.store, n->set.doc_id, &pos);
}

/* --- For drawing --- */

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
	return conf_color_symbol(&v->conf, *color, v->utf8, buf);
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
			bad = keys_lines_push(v, n, cap, out);
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
		/* A note on the whole paragraph has no quote to show: the paragraph is there. */
		int whole = conf_color_of_key(a->color) == CONF_NONE;
		clip_text(whole || !a->exact ? "" : a->exact, whole || !a->exact ? 0 : strlen(a->exact),
		          cols - used - 4 > 0 ? cols - used - 4 : 0, v->utf8, 1, quote, sizeof quote);
		size_t hl = strlen(head);
		if (quote[0])
			snprintf(head + hl, sizeof head - hl, "  %s%s%s", v->utf8 ? "\u201C" : "\"",
			         quote, v->utf8 ? "\u201D" : "\"");
		bad = keys_lines_push(&lines, &k, &cap, head);
		if (!bad && a->ntags) {
			char tags[400] = "";
			for (size_t t = 0; t < a->ntags; t++) {
				size_t tl = strlen(tags);
				snprintf(tags + tl, sizeof tags - tl, "%s#%s", t ? " " : "", a->tags[t]);
			}
			bad = push_wrapped(&lines, &k, &cap, tags, cols, v->utf8, "  ");
		}
		if (!bad) {
			char e[16], none[64];
			snprintf(none, sizeof none, "(no note: %s writes one)",
			         key_for(v, MODE_POPUP, ACT_EDIT_NOTE, "e", e, sizeof e));
			bad = push_wrapped(&lines, &k, &cap, a->note && a->note[0] ? a->note : none, cols,
			                   v->utf8, "  ");
		}
		if (i == n->popup_cur)
			*sel_last = k ? k - 1 : 0;
		if (!bad && i + 1 < ap->n)
			bad = keys_lines_push(&lines, &k, &cap, "");
	}
	if (bad) {
		keys_help_free(lines, k);
		return NULL;
	}
	*count = k;
	return lines;
}
