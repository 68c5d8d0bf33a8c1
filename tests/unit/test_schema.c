/* test_schema.c: creating the schema, migrating a version 1 database forward, and a failing
 * step that must leave the database exactly as it was. */
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

#include "store/schema.h"
#include "store/store.h"
#include "store-fixture.h"

static int one_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static char *temp_path(void)
{
	char dir[] = "/tmp/gavel-schema.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *p;
	assert_true(asprintf(&p, "%s/gavel.db", dir) > 0);
	return p;
}

static void remove_db(char *path)
{
	char side[512];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	*strrchr(path, '/') = '\0';
	rmdir(path);
	free(path);
}

static void fresh_database(void **state)
{
	(void)state;
	sqlite3 *db;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(schema_latest(), STORE_SCHEMA_VERSION);
	assert_int_equal(schema_migrate(db, schema_latest(), NULL), SQLITE_OK);
	assert_int_equal(one_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(one_int(db, "PRAGMA application_id"), SCHEMA_APPLICATION_ID);
	assert_int_equal(one_int(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
	                             "name IN ('document', 'annotation', 'tag', 'position')"), 4);
	/* Running it again changes nothing. */
	assert_int_equal(schema_migrate(db, schema_latest(), NULL), SQLITE_OK);
	assert_int_equal(one_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	sqlite3_close(db);
}

static void from_version_1(void **state)
{
	(void)state;
	char *path = temp_path();
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(schema_migrate(db, 1, NULL), SQLITE_OK);
	assert_int_equal(one_int(db, "PRAGMA user_version"), 1);
	/* A version 1 gavel's data: one document, one note with a tag. */
	assert_int_equal(sqlite3_exec(db,
		"INSERT INTO document VALUES (1, 'A/RES/1', 'en', 'oldhash', '2025-01-01T00:00:00Z', "
		"  '2025-01-01T00:00:00Z');"
		"INSERT INTO annotation (id, doc_id, para_id, start, \"end\", exact, prefix, suffix, color, "
		"  note, status, created, updated) VALUES ('11111111-2222-4333-8444-555555555555', 1, "
		"  'op2', 0, 6, 'Second', '', ' paragraph.', 'green', 'kept across versions', "
		"  'anchored', '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z');"
		"INSERT INTO tag VALUES ('11111111-2222-4333-8444-555555555555', 'law');",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	struct store *s;
	char *msg;
	assert_int_equal(store_open(path, &s, &msg), STORE_OK);
	struct annotation a;
	assert_int_equal(store_annot_get(s, "11111111-2222-4333-8444-555555555555", &a), STORE_OK);
	assert_string_equal(a.note, "kept across versions");
	assert_string_equal(a.color, "green");
	assert_int_equal(a.ntags, 1);
	assert_string_equal(a.tags[0], "law");
	assert_string_equal(a.updated, "2025-01-02T00:00:00Z");
	assert_null(a.para_label);     /* not known until the document is opened again */
	annotation_clear(&a);

	/* The migration cleared the hash, so the next sync fills order and label. */
	const char *ids[] = { "op1", "op2" }, *texts[] = { "First paragraph.", "Second paragraph." };
	struct resolution *r = fixture_res("A/RES/1", "en", ids, texts, 2);
	int64_t doc;
	assert_int_equal(store_doc_sync(s, r, &doc), STORE_OK);
	assert_int_equal(doc, 1);
	assert_int_equal(store_annot_get(s, "11111111-2222-4333-8444-555555555555", &a), STORE_OK);
	assert_string_equal(a.para_label, "OP2");
	assert_int_equal(a.status, ANCHOR_ANCHORED);
	annotation_clear(&a);
	store_close(s);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(one_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(one_int(db, "SELECT para_ord FROM annotation"), 1);
	sqlite3_close(db);
	res_free(r);
	remove_db(path);
}

static void failing_step_rolls_back(void **state)
{
	(void)state;
	char *path = temp_path();
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(schema_migrate(db, 1, NULL), SQLITE_OK);
	/* Something in the way of step 2's index: the step must fail as a whole. */
	assert_int_equal(sqlite3_exec(db, "CREATE INDEX annotation_in_order ON document(symbol)",
	                              NULL, NULL, NULL), SQLITE_OK);
	char *why;
	assert_int_not_equal(schema_migrate(db, 2, &why), SQLITE_OK);
	assert_non_null(why);
	assert_non_null(strstr(why, "version 2"));
	free(why);
	assert_int_equal(one_int(db, "PRAGMA user_version"), 1);
	/* The ALTER TABLEs before the failing statement were rolled back too. */
	assert_int_equal(one_int(db, "SELECT count(*) FROM pragma_table_info('annotation') "
	                             "WHERE name = 'para_ord'"), 0);
	sqlite3_close(db);

	struct store *s;
	char *msg;
	assert_int_not_equal(store_open(path, &s, &msg), STORE_OK);
	assert_null(s);
	assert_non_null(strstr(msg, "version 2"));
	free(msg);
	remove_db(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fresh_database),
		cmocka_unit_test(from_version_1),
		cmocka_unit_test(failing_step_rolls_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
