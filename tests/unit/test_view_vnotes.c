/* test_view_vnotes.c: the reader's note keys, driven without a terminal: select and highlight,
 * notes typed in place or from the editor, popup, pane, delete/undo, export, position. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "text/wrap.h"
#include "view/pane.h"
#include "view/vnotes.h"
#include "view_fixture.h"

struct fx {
	char dir[64], db[96];
	struct collection *col;
	struct store *st;
	struct view v;
	struct vnotes n;
};

static void open_reader(struct fx *f)
{
	char *msg = NULL;
	assert_int_equal(store_open(f->db, &f->st, &msg), STORE_OK);
	assert_int_equal(view_open(&f->v, f->col, 0, 1), 0);
	view_configure(&f->v, NULL);
	vnotes_open(&f->n, &f->v, f->st, NULL);
	f->v.notes = &f->n;
	view_resize(&f->v, 100, 30);
}

static void close_reader(struct fx *f)
{
	vnotes_close(&f->n, &f->v);
	f->v.notes = NULL;
	view_close(&f->v);
	store_close(f->st);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	snprintf(f->dir, sizeof f->dir, "/tmp/gavel-vn-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->db, sizeof f->db, "%s/g.db", f->dir);
	/* A configuration that renames yellow. */
	char path[128];
	snprintf(path, sizeof path, "%s/gavel", f->dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/gavel/config", f->dir);
	FILE *c = fopen(path, "w");
	assert_non_null(c);
	fputs("color.yellow.name = important\n", c);
	fclose(c);
	setenv("XDG_CONFIG_HOME", f->dir, 1);
	struct resolution *res = fx_resolution(27, 12);
	f->col = fx_collection(&res, 1);
	open_reader(f);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	close_reader(f);
	collection_free(f->col);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

static void keys(struct view *v, const char *s)
{
	for (; *s; s++)
		view_key(v, *s == '\n' ? VK_ENTER : *s);
}

static int para_of(struct fx *f, const char *id)
{
	return res_find(f->v.res, id);
}

static void goto_op10(struct fx *f)
{
	keys(&f->v, ":op 10\n");
	assert_int_equal(f->v.pane[f->v.focus].paras[f->v.pane[f->v.focus].cur], para_of(f, "op10"));
}

static void select_and_highlight(void **state)
{
	struct fx *f = *state;
	struct view *v = &f->v;
	int g0 = v->pane[PANE_OPERATIVE].gutter, gp = v->pane[PANE_PREAMBLE].gutter;
	goto_op10(f);
	keys(v, "vewe");
	assert_int_equal(view_top(&f->v), MODE_SELECT);
	/* The selection is drawn as a span of the spare colour. */
	const struct dspan *sp;
	assert_int_equal(v->spans(v->spans_ctx, para_of(f, "op10"), &sp), 1);
	assert_int_equal(sp[0].start, 0);
	assert_int_equal(sp[0].end, strlen("Reaffirms the"));
	assert_int_equal(sp[0].color, 7);
	keys(v, "1");
	assert_int_equal(view_top(&f->v), MODE_READ);
	assert_int_equal(f->n.set.n, 1);
	assert_string_equal(f->n.set.v[0].exact, "Reaffirms the");
	assert_string_equal(f->n.set.v[0].color, "yellow");
	assert_non_null(strstr(v->msg, "highlighted OP 10 (\u25CF important; u undoes)"));
	assert_int_equal(v->spans(v->spans_ctx, para_of(f, "op10"), &sp), 1);
	assert_int_equal(sp[0].color, 1);
	assert_int_equal(sp[0].extra, 0);
	char mark[8];
	int color;
	assert_string_equal(vnotes_gutter(&f->n, v, para_of(f, "op10"), mark, &color), "\u25CF");
	assert_int_equal(color, 0);
	assert_string_equal(vnotes_gutter(&f->n, v, para_of(f, "op9"), mark, &color), "");
	/* The mark's column was there before: the first highlight re-wraps nothing. */
	assert_int_equal(v->pane[PANE_OPERATIVE].gutter, g0);
	assert_int_equal(v->pane[PANE_PREAMBLE].gutter, gp);
	/* An overlapping highlight in blue: the overlap is marked. */
	keys(v, "veee3");                              /* "Reaffirms the duty" */
	assert_int_equal(f->n.set.n, 2);
	size_t k = v->spans(v->spans_ctx, para_of(f, "op10"), &sp);
	assert_true(k >= 2);
	int overlap = 0;
	for (size_t i = 0; i < k; i++)
		overlap |= (sp[i].extra & ST_OVERLAP) != 0;
	assert_true(overlap);
	/* V takes the paragraph; Esc cancels without writing. */
	keys(v, "V");
	assert_true(f->n.sel.whole);
	view_key(v, VK_ESC);
	assert_int_equal(view_top(&f->v), MODE_READ);
	assert_int_equal(f->n.set.n, 2);
}

static void notes_in_place_and_in_the_editor(void **state)
{
	struct fx *f = *state;
	struct view *v = &f->v;
	goto_op10(f);
	keys(v, "c");
	assert_int_equal(view_top(&f->v), MODE_LINE);
	assert_string_equal(f->v.line_label, "Note on OP 10: ");
	/* "cafe" + U+0301: Backspace takes the accented letter whole. */
	keys(v, "Consular cafe");
	view_key(v, 0x301);
	view_key(v, VK_BACKSPACE);
	keys(v, "\n");
	assert_int_equal(view_top(&f->v), MODE_READ);
	assert_int_equal(f->n.set.n, 1);
	assert_string_equal(f->n.set.v[0].note, "Consular caf");
	assert_int_equal(f->n.set.v[0].start, 0);     /* the whole paragraph */
	char mark[8];
	int color;
	assert_string_equal(vnotes_gutter(&f->n, v, para_of(f, "op10"), mark, &color), "\u270E");
	/* An empty note saves nothing; Esc cancels. */
	keys(v, "c\n");
	assert_int_equal(f->n.set.n, 1);
	assert_non_null(strstr(v->msg, "nothing saved"));
	keys(v, "cx");
	view_key(v, VK_ESC);
	assert_int_equal(view_top(&f->v), MODE_READ);
	assert_int_equal(f->n.set.n, 1);
	/* A full line says so. */
	keys(v, "c");
	for (int i = 0; i < LINEEDIT_MAX; i++)
		view_key(v, 'x');
	assert_true(v->msg_error);
	assert_non_null(strstr(v->msg, "the line is full"));
	view_key(v, VK_ESC);
	assert_int_equal(f->n.set.n, 1);
	/* A long note: the curses layer runs the editor and hands back its text. */
	keys(v, "vwC");
	assert_true(f->n.want_editor);
	/* The editor starts with the paragraph and the quote as comments, stripped on save. */
	assert_non_null(strstr(f->n.editor_text, "\n\n# Note on OP 10 (A/RES/99/1, para. 10)\n"));
	assert_non_null(strstr(f->n.editor_text, "# \u201CReaffirms t\u201D\n"));
	char *back = NULL;
	assert_true(asprintf(&back, "line one\nline two\n\n%s\n", f->n.editor_comments) > 0);
	vnotes_editor_done(&f->n, v, back, NULL);
	free(back);
	assert_false(f->n.want_editor);
	assert_int_equal(f->n.set.n, 2);
	assert_int_equal(annot_find(&f->n.set, f->n.set.v[1].id), 1);
	int found = 0;
	for (size_t i = 0; i < f->n.set.n; i++)
		found |= f->n.set.v[i].note && strcmp(f->n.set.v[i].note, "line one\nline two") == 0;
	assert_true(found);
	/* An editor that failed changes nothing and says why. */
	keys(v, "C");
	vnotes_editor_done(&f->n, v, NULL, "the editor 'x' exited with status 1: note unchanged");
	assert_int_equal(f->n.set.n, 2);
	assert_true(v->msg_error);
	assert_non_null(strstr(v->msg, "status 1"));
}

static void popup_edit_delete_undo(void **state)
{
	struct fx *f = *state;
	struct view *v = &f->v;
	goto_op10(f);
	keys(v, "i");
	assert_int_equal(view_top(&f->v), MODE_READ);          /* nothing there yet */
	assert_non_null(strstr(v->msg, "no notes in OP 10"));
	keys(v, "vecfirst\n");                         /* a note on the selection */
	keys(v, "i");
	assert_int_equal(view_top(&f->v), MODE_POPUP);
	size_t count, s0, s1;
	char **lines = vnotes_popup_lines(&f->n, v, 60, &count, &s0, &s1);
	assert_non_null(lines);
	assert_true(count >= 2);
	assert_non_null(strstr(lines[0], "\u25CF important"));
	assert_non_null(strstr(lines[0], "\u201CReaffirms\u201D"));
	assert_string_equal(lines[1], "  first");
	keys_help_free(lines, count);
	/* e edits the note in place, prefilled. */
	keys(v, "e");
	assert_int_equal(view_top(&f->v), MODE_LINE);
	assert_string_equal(f->v.edit.buf, "first");
	keys(v, " and second\n");
	assert_int_equal(view_top(&f->v), MODE_POPUP);
	assert_string_equal(f->n.set.v[0].note, "first and second");
	keys(v, "4");                                  /* recolour */
	assert_string_equal(f->n.set.v[0].color, "red");
	char id[37];
	memcpy(id, f->n.set.v[0].id, sizeof id);
	/* d asks; n keeps, y deletes and closes the empty popup; u brings it back. */
	keys(v, "d");
	assert_int_equal(view_top(&f->v), MODE_CONFIRM);
	assert_non_null(strstr(f->v.question, "Delete the note on OP 10"));
	keys(v, "n");
	assert_int_equal(view_top(&f->v), MODE_POPUP);
	assert_int_equal(f->n.set.n, 1);
	keys(v, "dy");
	assert_int_equal(f->n.set.n, 0);
	assert_int_equal(view_top(&f->v), MODE_READ);
	assert_non_null(strstr(v->msg, "u undoes"));
	keys(v, "u");
	assert_int_equal(f->n.set.n, 1);
	assert_string_equal(f->n.set.v[0].id, id);
	assert_string_equal(f->n.set.v[0].note, "first and second");
	/* Undo goes on through every change: the colour, the note, the highlight itself; redo
	 * brings them back in order. */
	keys(v, "u");
	assert_string_equal(f->n.set.v[0].color, "yellow");
	assert_non_null(strstr(v->msg, "undone"));
	keys(v, "u");
	assert_string_equal(f->n.set.v[0].note, "first");
	keys(v, "u");
	assert_int_equal(f->n.set.n, 0);
	keys(v, "u");
	assert_non_null(strstr(v->msg, "nothing to undo"));
	view_key(v, VK_CTRL('r'));
	assert_int_equal(f->n.set.n, 1);
	assert_string_equal(f->n.set.v[0].id, id);
	view_key(v, VK_CTRL('r'));
	assert_string_equal(f->n.set.v[0].note, "first and second");
	/* Tags from the popup, with completion of the document's tags. */
	keys(v, "it");
	assert_int_equal(view_top(&f->v), MODE_LINE);
	keys(v, "consular #detention\n");
	assert_int_equal(view_top(&f->v), MODE_POPUP);
	assert_int_equal(f->n.set.v[0].ntags, 2);
	assert_string_equal(f->n.set.v[0].tags[0], "consular");
	keys(v, "t");
	assert_string_equal(f->v.edit.buf, "consular detention ");
	view_key(v, VK_CTRL('u'));
	keys(v, "co");
	view_key(v, VK_TAB);
	assert_string_equal(f->v.edit.buf, "consular");
	view_key(v, VK_ESC);
	assert_int_equal(view_top(&f->v), MODE_POPUP);
	keys(v, "u");
	assert_int_equal(f->n.set.v[0].ntags, 0);
}

static void pane_filters_and_jumps(void **state)
{
	struct fx *f = *state;
	struct view *v = &f->v;
	goto_op10(f);
	keys(v, "ve1");
	keys(v, ":op 12\n");
	keys(v, "V3");
	keys(v, ":op 1\n");
	keys(v, "a");
	assert_int_equal(view_top(&f->v), MODE_NOTES);
	assert_int_equal(f->n.list.n, 2);
	keys(v, "3");                                  /* only blue */
	assert_int_equal(f->n.list.n, 1);
	keys(v, "3");                                  /* all again */
	assert_int_equal(f->n.list.n, 2);
	keys(v, "j\n");
	assert_int_equal(view_top(&f->v), MODE_READ);
	struct pane *p = &v->pane[v->focus];
	assert_int_equal(p->paras[p->cur], para_of(f, "op12"));
	view_key(v, VK_BACKSPACE);                     /* the jump is in the history */
	p = &v->pane[v->focus];
	assert_int_equal(p->paras[p->cur], para_of(f, "op1"));
	/* A tag filter through its prompt; 0 clears; q closes. */
	keys(v, "a#");
	assert_int_equal(view_top(&f->v), MODE_LINE);
	keys(v, "#none\n");
	assert_int_equal(view_top(&f->v), MODE_NOTES);
	assert_string_equal(f->n.list.tag, "none");
	assert_int_equal(f->n.list.n, 0);
	keys(v, "0");
	assert_int_equal(f->n.list.n, 2);
	char title[128];
	notelist_title(&f->n.list, &f->n.set, &f->v.conf, 1, title, sizeof title);
	assert_string_equal(title, "Notes \u00B7 2");
	keys(v, "q");
	assert_int_equal(view_top(&f->v), MODE_READ);
}

static void export_key(void **state)
{
	struct fx *f = *state;
	struct view *v = &f->v;
	goto_op10(f);
	keys(v, "vwcto export\n");
	keys(v, "E");
	assert_int_equal(view_top(&f->v), MODE_LINE);
	assert_string_equal(f->v.edit.buf, "txt");
	view_key(v, VK_CTRL('u'));
	keys(v, "pdf\n");
	assert_non_null(strstr(v->msg, "unknown format"));
	keys(v, "E");
	view_key(v, VK_CTRL('u'));
	keys(v, "md\n");
	assert_int_equal(view_top(&f->v), MODE_LINE);
	assert_string_equal(f->v.edit.buf, "./A-RES-99-1-notes.md");
	char path[160];
	snprintf(path, sizeof path, "%s/out.md", f->dir);
	view_key(v, VK_CTRL('u'));
	keys(v, path);
	keys(v, "\n");
	assert_false(v->msg_error);
	assert_non_null(strstr(v->msg, "wrote 1 note (md) to"));
	FILE *in = fopen(path, "r");
	assert_non_null(in);
	char buf[4096];
	size_t got = fread(buf, 1, sizeof buf - 1, in);
	buf[got] = '\0';
	fclose(in);
	assert_non_null(strstr(buf, "to export"));
	/* The file exists now: replacing it is asked first. */
	keys(v, "E\n");
	view_key(v, VK_CTRL('u'));
	keys(v, path);
	keys(v, "\n");
	assert_int_equal(view_top(&f->v), MODE_CONFIRM);
	keys(v, "n");
	assert_non_null(strstr(v->msg, "cancelled"));
	keys(v, "E\n");
	view_key(v, VK_CTRL('u'));
	keys(v, path);
	keys(v, "\ny");
	assert_non_null(strstr(v->msg, "wrote 1 note"));
	/* A directory that does not exist: a clear message. */
	keys(v, "E\n");
	view_key(v, VK_CTRL('u'));
	keys(v, "/proc/gavel-missing/dir/x.md\n");  /* /proc: nobody can create it */
	assert_true(v->msg_error);
	assert_non_null(strstr(v->msg, "gavel-missing"));
}

static void position_and_live_reload(void **state)
{
	struct fx *f = *state;
	struct view *v = &f->v;
	keys(v, ":op 12\n");
	keys(v, "jj");
	struct pane *p = &v->pane[v->focus];
	size_t cur = p->cur, top = p->top;
	int top_line = p->top_line, focus = v->focus;
	vnotes_save_position(&f->n, v);
	close_reader(f);
	open_reader(f);
	vnotes_restore_position(&f->n, &f->v);
	p = &f->v.pane[f->v.focus];
	assert_int_equal(f->v.focus, focus);
	assert_int_equal(p->cur, cur);
	assert_int_equal(p->top, top);
	assert_int_equal(p->top_line, top_line);

	/* Another process adds a note: the next poll shows it. */
	assert_int_equal(vnotes_poll(&f->n, &f->v), 0);
	struct store *other;
	char *msg = NULL;
	assert_int_equal(store_open(f->db, &other, &msg), STORE_OK);
	struct annotation a = { 0 };
	a.para_id = strdup("op3");
	a.end = 4;
	assert_int_equal(store_annot_add(other, f->n.set.doc_id, f->v.res, &a), STORE_OK);
	annotation_clear(&a);
	store_close(other);
	unsigned gen = f->v.gen;
	assert_int_equal(vnotes_poll(&f->n, &f->v), 1);
	assert_true(f->v.gen != gen);
	assert_int_equal(f->n.set.n, 1);
}

/* With the mark column in every pane, every visible line still fits at every size. */
static void lines_fit_with_marks(void **state)
{
	struct fx *f = *state;
	struct view *v = &f->v;
	keys(v, ":pp 1\nV1:op 3\nV2:fn 16\nV3");
	assert_int_equal(f->n.set.n, 3);
	for (int cols = 20; cols <= 170; cols += 7) {
		for (int rows = 4; rows <= 50; rows += 5) {
			view_resize(v, cols, rows);
			if (v->geom.mode == GEOM_TOO_SMALL)
				continue;
			for (int pi = 0; pi < VIEW_NPANES; pi++) {
				struct pane *p = &v->pane[pi];
				const struct rect *r = &v->geom.pane[pi];
				if (r->h == 0 || p->n == 0)
					continue;
				size_t pos = p->top;
				int line = p->top_line;
				for (int row = 0; row < p->height; row++) {
					struct dpara *d = pane_dpara(v, pi, pos);
					const struct wrap_line *l = &d->lines[line];
					int w = text_width(d->text + l->start, l->end - l->start);
					assert_true(p->gutter + d->indent + w <= r->w);
					if (pane_advance(v, pi, &pos, &line, 1) == 0)
						break;
				}
			}
		}
	}
}

static void without_a_database(void **state)
{
	(void)state;
	struct resolution *res = fx_resolution(12, 5);
	struct collection *col = fx_collection(&res, 1);
	struct view v;
	struct vnotes n;
	assert_int_equal(view_open(&v, col, 0, 0), 0);
	vnotes_open(&n, &v, NULL, "the database is damaged");
	v.notes = &n;
	view_resize(&v, 80, 24);
	assert_true(v.msg_error);
	assert_non_null(strstr(v.msg, "the database is damaged"));
	keys(&v, "v1");
	assert_int_equal(view_top(&v), MODE_READ);
	assert_non_null(strstr(v.msg, "notes unavailable"));
	keys(&v, "c");
	assert_int_equal(view_top(&v), MODE_READ);
	keys(&v, "a");
	assert_int_equal(view_top(&v), MODE_NOTES);
	assert_int_equal(n.list.n, 0);
	keys(&v, "q");
	vnotes_save_position(&n, &v);                 /* nothing to save into: no crash */
	vnotes_restore_position(&n, &v);
	char mark[8];
	int color;
	assert_string_equal(vnotes_gutter(&n, &v, 3, mark, &color), "");
	vnotes_close(&n, &v);
	view_close(&v);
	collection_free(col);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(select_and_highlight, setup, teardown),
		cmocka_unit_test_setup_teardown(notes_in_place_and_in_the_editor, setup, teardown),
		cmocka_unit_test_setup_teardown(popup_edit_delete_undo, setup, teardown),
		cmocka_unit_test_setup_teardown(pane_filters_and_jumps, setup, teardown),
		cmocka_unit_test_setup_teardown(export_key, setup, teardown),
		cmocka_unit_test_setup_teardown(position_and_live_reload, setup, teardown),
		cmocka_unit_test_setup_teardown(lines_fit_with_marks, setup, teardown),
		cmocka_unit_test(without_a_database),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
