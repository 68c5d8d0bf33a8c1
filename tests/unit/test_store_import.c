/* test_store_import.c: store_annot_import: everything kept, a second import skips, an unknown
 * document is registered and its notes re-anchored by the next sync, and a refused batch
 * leaves the database as it was. */
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
#include <sqlite3.h>

#include "store/store.h"

static char path[64];

static int setup(void **state)
{
	strcpy(path, "/tmp/gavel-import-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	struct store *s;
	char *msg = NULL;
	assert_int_equal(store_open(path, &s, &msg), STORE_OK);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	store_close(*state);
	char p[96];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	return 0;
}

static void note(struct annotation *a, const char *id, const char *para, size_t start, size_t end,
                 const char *exact)
{
	memset(a, 0, sizeof *a);
	snprintf(a->id, sizeof a->id, "%s", id);
	a->doc_symbol = strdup("A/RES/99/9");
	a->doc_language = strdup("en");
	a->para_id = strdup(para);
	a->start = start;
	a->end = end;
	a->exact = strdup(exact);
	a->prefix = strdup("");
	a->suffix = strdup("");
	a->color = strdup("green");
	a->note = strdup("a \"note\",\nwith\ttab");
	a->tags = calloc(2, sizeof *a->tags);
	a->tags[0] = strdup("b tag");
	a->tags[1] = strdup("a tag");
	a->ntags = 2;
	a->created = strdup("2020-01-01T00:00:00Z");
	a->updated = strdup("2020-01-02T00:00:00Z");
}

static struct resolution *doc(void)
{
	struct resolution *r = res_new();
	r->meta.symbol = strdup("A/RES/99/9");
	r->meta.language = strdup("en");
	int i = res_add_para(r, PARA_OPERATIVE);
	r->paras[i].id = strdup("op1");
	r->paras[i].label = strdup("OP 1");
	r->paras[i].text = strdup("Welcomes the progress made;");
	r->paras[i].text_len = strlen(r->paras[i].text);
	return r;
}

static void import_keeps_and_skips(void **state)
{
	struct store *s = *state;
	struct annotation v[2];
	note(&v[0], "11111111-1111-4111-8111-111111111111", "op1", 13, 21, "progress");
	note(&v[1], "22222222-2222-4222-8222-222222222222", "op1", 0, 5, "Gone!");
	size_t added, skipped;
	assert_int_equal(store_annot_import(s, v, 2, &added, &skipped), STORE_OK);
	assert_int_equal(added, 2);
	assert_int_equal(skipped, 0);
	assert_int_equal(store_annot_import(s, v, 2, &added, &skipped), STORE_OK);
	assert_int_equal(added, 0);
	assert_int_equal(skipped, 2);

	/* Registered by symbol and language; everything kept. */
	int64_t id;
	assert_int_equal(store_doc_find(s, "A/RES/99/9", "en", &id), STORE_OK);
	struct annotation got;
	assert_int_equal(store_annot_get(s, v[0].id, &got), STORE_OK);
	assert_string_equal(got.para_id, "op1");
	assert_int_equal(got.start, 13);
	assert_int_equal(got.end, 21);
	assert_string_equal(got.exact, "progress");
	assert_string_equal(got.color, "green");
	assert_string_equal(got.note, "a \"note\",\nwith\ttab");
	assert_int_equal(got.ntags, 2);
	assert_string_equal(got.created, "2020-01-01T00:00:00Z");
	assert_string_equal(got.updated, "2020-01-02T00:00:00Z");
	annotation_clear(&got);

	/* The first sync with the text re-anchors: one found, one orphaned, neither lost. */
	struct resolution *r = doc();
	assert_int_equal(store_doc_sync(s, r, &id), STORE_OK);
	struct annotation *list;
	size_t n;
	assert_int_equal(store_annot_list(s, id, r, NULL, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].id, v[0].id);
	assert_int_equal(list[0].status, ANCHOR_ANCHORED);
	assert_string_equal(list[0].updated, "2020-01-02T00:00:00Z");
	assert_int_equal(list[1].status, ANCHOR_ORPHAN);
	annotation_list_free(list, n);
	res_free(r);
	annotation_clear(&v[0]);
	annotation_clear(&v[1]);
}

static void refused_batch_changes_nothing(void **state)
{
	struct store *s = *state;
	struct annotation v[2];
	note(&v[0], "33333333-3333-4333-8333-333333333333", "op1", 13, 21, "progress");
	note(&v[1], "44444444-4444-4444-8444-444444444444", "op1", 5, 5, "");
	size_t added = 9, skipped = 9;
	assert_int_equal(store_annot_import(s, v, 2, &added, &skipped), STORE_ERR_INVALID);
	assert_int_equal(added, 0);
	struct annotation got;
	assert_int_equal(store_annot_get(s, v[0].id, &got), STORE_ERR_NOTFOUND);
	/* A failure inside the transaction (here a trigger refusing the second note) rolls the
	 * whole batch back: the first note is not kept either. */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TRIGGER boom BEFORE INSERT ON annotation "
	                              "WHEN NEW.id LIKE '4444%' BEGIN SELECT RAISE(ABORT, 'boom'); END",
	                              NULL, NULL, NULL), SQLITE_OK);
	v[1].end = 6;
	free(v[1].exact);
	v[1].exact = strdup("x");
	assert_int_not_equal(store_annot_import(s, v, 2, &added, &skipped), STORE_OK);
	assert_int_equal(store_annot_get(s, v[0].id, &got), STORE_ERR_NOTFOUND);
	assert_int_equal(sqlite3_exec(db, "DROP TRIGGER boom", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	/* Missing colour and times get the defaults. */
	free(v[1].exact);
	v[1].exact = strdup("x");
	v[1].end = 6;
	free(v[1].color);
	v[1].color = NULL;
	free(v[1].created);
	v[1].created = NULL;
	free(v[0].para_id);
	v[0].para_id = strdup("op1");
	assert_int_equal(store_annot_import(s, v, 2, &added, &skipped), STORE_OK);
	assert_int_equal(added, 2);
	assert_int_equal(store_annot_get(s, v[1].id, &got), STORE_OK);
	assert_string_equal(got.color, "yellow");     /* defaults filled */
	assert_non_null(got.created);
	annotation_clear(&got);
	annotation_clear(&v[0]);
	annotation_clear(&v[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(import_keeps_and_skips, setup, teardown),
		cmocka_unit_test_setup_teardown(refused_batch_changes_nothing, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
