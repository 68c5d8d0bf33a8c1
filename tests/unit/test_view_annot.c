/* test_view_annot.c: the reader's annotations: placing, overlaps, live reload, undo. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "store/store.h"
#include "view/annot.h"
#include "view/conf.h"
#include "store-fixture.h"

struct fx {
	char dir[64], path[96];
	struct store *st;
	struct resolution *res;
	struct annot_set set;
};

static const char *const ids[] = { "pp1", "op1", "op2" };
static const char *const texts[] = {
	"Recalling its resolution 57/218 of 18 December 2002,",
	"Calls upon all States to protect the human rights of migrants,",
	"Requests the Secretary-G\xC3\xA9n\xC3\xA9ral to report on r\xC3\xA9unification \xE6\x97\xA5\xE6\x9C\xAC,",
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	snprintf(f->dir, sizeof f->dir, "/tmp/gavel-annot-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/g.db", f->dir);
	char *msg = NULL;
	assert_int_equal(store_open(f->path, &f->st, &msg), STORE_OK);
	f->res = fixture_res("A/RES/99/9", "en", ids, texts, 3);
	assert_non_null(f->res);
	assert_int_equal(annot_open(&f->set, f->st, f->res), STORE_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	annot_close(&f->set);
	store_close(f->st);
	res_free(f->res);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

/* Adds through the store with a given creation time (the set's own adds stamp "now"). */
static void add_at(struct fx *f, int para, size_t start, size_t end, const char *color,
                   const char *note, const char *created, char id[37])
{
	struct annotation a = { 0 };
	a.para_id = strdup(f->res->paras[para].id);
	a.start = start;
	a.end = end;
	a.color = strdup(color);
	a.note = note ? strdup(note) : NULL;
	a.created = strdup(created);
	assert_int_equal(store_annot_add(f->st, f->set.doc_id, f->res, &a), STORE_OK);
	memcpy(id, a.id, 37);
	annotation_clear(&a);
}

static void empty_without_store(void **state)
{
	(void)state;
	struct resolution *res = fixture_res("A/RES/99/9", "en", ids, texts, 3);
	struct annot_set s;
	assert_int_equal(annot_open(&s, NULL, res), STORE_OK);
	assert_int_equal(s.n, 0);
	assert_int_equal(annot_para(&s, 1)->nseg, 0);
	assert_int_equal(annot_para(&s, 99)->n, 0);
	assert_int_equal(annot_at(&s, 1, 0), -1);
	assert_int_not_equal(annot_add(&s, 1, 0, 5, "yellow", NULL, NULL, 0, NULL), STORE_OK);
	assert_non_null(strstr(s.err, "cannot be saved"));
	assert_int_equal(annot_poll(&s), 0);
	annot_close(&s);
	res_free(res);
}

/* Two highlights overlapping on "States": three segments, the newest colour on top. */
static void overlaps_cut_into_segments(void **state)
{
	struct fx *f = *state;
	char a[37], b[37];
	/* "Calls upon all States" = [0, 21); "States to protect" = [15, 32). */
	add_at(f, 1, 15, 32, "blue", "who?", "2026-01-02T00:00:00Z", b);
	add_at(f, 1, 0, 21, "yellow", NULL, "2026-01-01T00:00:00Z", a);
	assert_int_equal(annot_reload(&f->set), STORE_OK);
	const struct annot_para *p = annot_para(&f->set, 1);
	assert_int_equal(p->n, 2);
	assert_int_equal(p->notes, 1);
	assert_int_equal(p->colors, (1u << 0) | (1u << 2));
	assert_int_equal(p->nseg, 3);
	assert_int_equal(p->seg[0].start, 0);
	assert_int_equal(p->seg[0].end, 15);
	assert_int_equal(p->seg[0].color, 0);
	assert_int_equal(p->seg[0].count, 1);
	assert_int_equal(p->seg[1].start, 15);
	assert_int_equal(p->seg[1].end, 21);
	assert_int_equal(p->seg[1].count, 2);
	assert_int_equal(p->seg[1].color, 2);              /* blue is newer: on top */
	assert_int_equal(p->seg[1].colors, (1u << 0) | (1u << 2));
	assert_string_equal(f->set.v[p->seg[1].top].id, b);
	assert_int_equal(p->seg[2].start, 21);
	assert_int_equal(p->seg[2].end, 32);
	assert_int_equal(p->seg[2].color, 2);
	assert_string_equal(f->set.v[annot_at(&f->set, 1, 3)].id, a);
	assert_string_equal(f->set.v[annot_at(&f->set, 1, 16)].id, b);
	assert_int_equal(annot_at(&f->set, 1, 40), -1);
	assert_int_equal(annot_at(&f->set, 0, 0), -1);
	assert_string_equal(annot_para_item(&f->set, 1, 0)->id, a);
	assert_null(annot_para_item(&f->set, 1, 2));
	/* Nested ranges of the same colour still count as an overlap. */
	assert_int_equal(annot_add(&f->set, 1, 2, 4, "blue", NULL, NULL, 0, NULL), STORE_OK);
	p = annot_para(&f->set, 1);
	assert_int_equal(p->nseg, 5);
	assert_int_equal(p->seg[1].start, 2);
	assert_int_equal(p->seg[1].count, 2);
}

/* Code points become bytes: accents and a double-width pair. */
static void code_points_to_bytes(void **state)
{
	struct fx *f = *state;
	const char *t = texts[2];
	/* "réunification 日本": find its code point offset the slow way. */
	const char *at = strstr(t, "r\xC3\xA9unification");
	size_t cp = 0;
	for (const char *c = t; c < at; c++)
		cp += ((unsigned char)*c & 0xC0) != 0x80;
	assert_int_equal(annot_add(&f->set, 2, cp, cp + 16, "green", NULL, NULL, 0, NULL),
	                 STORE_OK);
	const struct annot_para *p = annot_para(&f->set, 2);
	assert_int_equal(p->nseg, 1);
	assert_int_equal(p->seg[0].start, (size_t)(at - t));
	assert_int_equal(p->seg[0].end, (size_t)(at - t) + strlen("r\xC3\xA9unification \xE6\x97\xA5\xE6\x9C\xAC"));
	assert_string_equal(f->set.v[0].exact, "r\xC3\xA9unification \xE6\x97\xA5\xE6\x9C\xAC");
	/* A range past the end is refused with a message. */
	assert_int_equal(annot_add(&f->set, 2, 0, 999, "green", NULL, NULL, 0, NULL),
	                 STORE_ERR_INVALID);
	assert_true(f->set.err[0] != '\0');
	assert_int_equal(annot_add(&f->set, 7, 0, 1, "green", NULL, NULL, 0, NULL),
	                 STORE_ERR_INVALID);
}

static void notes_colours_and_undo(void **state)
{
	struct fx *f = *state;
	char id[37];
	char *tags[] = { "mandate", "follow-up" };
	assert_int_equal(annot_add(&f->set, 0, 0, 9, "red", "first", tags, 2, id), STORE_OK);
	assert_int_equal(annot_set_note(&f->set, id, "second\nline"), STORE_OK);
	assert_string_equal(f->set.v[0].note, "second\nline");
	assert_int_equal(f->set.v[0].ntags, 2);
	assert_int_equal(annot_set_color(&f->set, id, "purple"), STORE_OK);
	assert_string_equal(f->set.v[0].color, "purple");
	assert_int_equal(annot_para(&f->set, 0)->seg[0].color, 4);
	assert_int_equal(annot_set_color(&f->set, id, "orange"), STORE_ERR_INVALID);
	assert_int_equal(annot_set_note(&f->set, id, ""), STORE_OK);
	assert_null(f->set.v[0].note);
	assert_int_equal(annot_para(&f->set, 0)->notes, 0);
	assert_int_equal(annot_set_note(&f->set, "00000000-0000-4000-8000-000000000000", "x"),
	                 STORE_ERR_NOTFOUND);

	char *created = strdup(f->set.v[0].created);
	assert_int_equal(annot_delete(&f->set, id), STORE_OK);
	assert_int_equal(f->set.n, 0);
	assert_int_equal(annot_para(&f->set, 0)->nseg, 0);
	const struct annot_change *c = NULL;
	assert_int_equal(annot_undo(&f->set, &c), STORE_OK);
	assert_int_equal(c->kind, AC_DELETE);
	assert_int_equal(f->set.n, 1);
	assert_string_equal(f->set.v[0].id, id);
	assert_string_equal(f->set.v[0].created, created);
	assert_string_equal(f->set.v[0].color, "purple");
	assert_int_equal(f->set.v[0].ntags, 2);
	assert_int_equal(annot_para(&f->set, 0)->nseg, 1);
	/* Back through every change: the note emptied, the colour, the note, the add. */
	assert_int_equal(annot_undo(&f->set, &c), STORE_OK);
	assert_int_equal(c->kind, AC_UPDATE);
	assert_string_equal(f->set.v[0].note, "second\nline");
	assert_int_equal(annot_undo(&f->set, NULL), STORE_OK);
	assert_string_equal(f->set.v[0].color, "red");
	assert_int_equal(annot_undo(&f->set, NULL), STORE_OK);
	assert_string_equal(f->set.v[0].note, "first");
	assert_int_equal(annot_undo(&f->set, &c), STORE_OK);
	assert_int_equal(c->kind, AC_ADD);
	assert_int_equal(f->set.n, 0);
	assert_int_equal(annot_undo(&f->set, NULL), STORE_ERR_NOTFOUND);
	/* And forward again, the same annotation each time. */
	assert_int_equal(annot_redo(&f->set, NULL), STORE_OK);
	assert_int_equal(f->set.n, 1);
	assert_string_equal(f->set.v[0].id, id);
	assert_string_equal(f->set.v[0].note, "first");
	assert_int_equal(annot_redo(&f->set, NULL), STORE_OK);
	assert_string_equal(f->set.v[0].note, "second\nline");
	/* A new change forgets what could be redone. */
	char *one[] = { "only" };
	assert_int_equal(annot_set_tags(&f->set, id, one, 1), STORE_OK);
	assert_int_equal(f->set.v[0].ntags, 1);
	assert_int_equal(annot_redo(&f->set, NULL), STORE_ERR_NOTFOUND);
	assert_int_equal(annot_undo(&f->set, NULL), STORE_OK);
	assert_int_equal(f->set.v[0].ntags, 2);
	/* A note without a highlight paints nothing. */
	assert_int_equal(annot_add(&f->set, 2, 0, 5, "none", "on the paragraph", NULL, 0, NULL),
	                 STORE_OK);
	assert_int_equal(annot_para(&f->set, 2)->n, 1);
	assert_int_equal(annot_para(&f->set, 2)->nseg, 0);
	assert_int_equal(annot_para(&f->set, 2)->notes, 1);
	free(created);
}

/* Another process adds a note: the next poll sees it; a poll without changes does nothing. */
static void live_reload(void **state)
{
	struct fx *f = *state;
	assert_int_equal(annot_poll(&f->set), 0);
	struct store *other;
	char *msg = NULL;
	assert_int_equal(store_open(f->path, &other, &msg), STORE_OK);
	int64_t doc;
	assert_int_equal(store_doc_sync(other, f->res, &doc), STORE_OK);
	struct annotation a = { 0 };
	a.para_id = strdup("op1");
	a.start = 0;
	a.end = 5;
	assert_int_equal(store_annot_add(other, doc, f->res, &a), STORE_OK);
	unsigned gen = f->set.gen;
	assert_int_equal(annot_poll(&f->set), 1);
	assert_true(f->set.gen != gen);
	assert_int_equal(f->set.n, 1);
	assert_string_equal(f->set.v[0].id, a.id);
	assert_int_equal(annot_para(&f->set, 1)->nseg, 1);
	assert_int_equal(annot_poll(&f->set), 0);
	/* Removed elsewhere: gone after the poll, and an edit of it says so. */
	assert_int_equal(store_annot_delete(other, a.id), STORE_OK);
	assert_int_equal(annot_poll(&f->set), 1);
	assert_int_equal(f->set.n, 0);
	assert_int_equal(annot_delete(&f->set, a.id), STORE_ERR_NOTFOUND);
	annotation_clear(&a);
	store_close(other);
}

/* The text changed so a quote vanished: the note is an orphan, listed apart and undoable. */
static void orphans(void **state)
{
	struct fx *f = *state;
	char id[37];
	size_t at = (size_t)(strstr(texts[1], "human rights") - texts[1]);
	assert_int_equal(annot_add(&f->set, 1, at, at + 12, "yellow", "keep me", NULL, 0, id),
	                 STORE_OK);
	assert_string_equal(f->set.v[0].exact, "human rights");
	annot_close(&f->set);
	static const char *const texts2[] = { texts[0], "Calls upon all States to act,", texts[2] };
	struct resolution *res2 = fixture_res("A/RES/99/9", "en", ids, texts2, 3);
	assert_int_equal(annot_open(&f->set, f->st, res2), STORE_OK);
	assert_int_equal(f->set.n, 1);
	assert_int_equal(f->set.norphans, 1);
	assert_int_equal(f->set.para_of[0], -1);
	assert_int_equal(annot_para(&f->set, 1)->n, 0);
	assert_int_equal(annot_delete(&f->set, id), STORE_OK);
	assert_int_equal(f->set.n, 0);
	assert_int_equal(annot_undo(&f->set, NULL), STORE_OK);
	assert_int_equal(f->set.n, 1);
	assert_string_equal(f->set.v[0].note, "keep me");
	annot_close(&f->set);
	res_free(res2);
	assert_int_equal(annot_open(&f->set, f->st, f->res), STORE_OK);
}

static void matches(void **state)
{
	(void)state;
	char *tags[] = { "a", "b" };
	struct annotation a = { .color = "red", .tags = tags, .ntags = 2 };
	assert_true(annot_matches(&a, NULL, NULL));
	assert_true(annot_matches(&a, "red", "b"));
	assert_false(annot_matches(&a, "blue", NULL));
	assert_false(annot_matches(&a, NULL, "c"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_without_store),
		cmocka_unit_test_setup_teardown(overlaps_cut_into_segments, setup, teardown),
		cmocka_unit_test_setup_teardown(code_points_to_bytes, setup, teardown),
		cmocka_unit_test_setup_teardown(notes_colours_and_undo, setup, teardown),
		cmocka_unit_test_setup_teardown(live_reload, setup, teardown),
		cmocka_unit_test_setup_teardown(orphans, setup, teardown),
		cmocka_unit_test(matches),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
