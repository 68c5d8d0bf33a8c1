/* test_store.c: opening (paths, modes, every refusal), notes added, changed, removed and
 * listed, re-anchoring through store_doc_sync, positions, the change counter, a full disk. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "store/store-int.h"
#include "store/anchor.h"
#include "store/schema.h"
#include "store/uuid.h"
#include "store-fixture.h"

static const char *IDS[] = { "pp1", "op1", "op2", "op3" };
static const char *TEXTS[] = {
	"Recalling its resolution 57/218 of 18 December 2002 on the protection of migrants,",
	"Requests States to protect the human rights of migrants, in particular women and children;",
	"Encourages Member States to consider signing and ratifying the Convention;",
	"Decides to continue its consideration of the question at its sixtieth session.",
};

struct fx {
	char dir[64];
	char path[128];
	struct store *s;
	struct resolution *res;
	int64_t doc;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/gavel-store.XXXXXX");
	if (!f || !mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/data/gavel/gavel.db", f->dir);
	f->res = fixture_res("A/RES/58/190", "en", IDS, TEXTS, 4);
	char *msg;
	if (store_open(f->path, &f->s, &msg) != STORE_OK)
		return -1;
	if (store_doc_sync(f->s, f->res, &f->doc) != STORE_OK)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	store_close(f->s);
	res_free(f->res);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

/* An annotation on code points [start, end) of paragraph id, without a quote. */
static struct annotation note_on(const char *id, size_t start, size_t end)
{
	struct annotation a;
	memset(&a, 0, sizeof a);
	a.para_id = strdup(id);
	a.start = start;
	a.end = end;
	return a;
}

static char *file_bytes(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	char *buf = malloc(1 << 20);
	*n = fread(buf, 1, 1 << 20, fp);
	fclose(fp);
	return buf;
}

static void default_path(void **state)
{
	(void)state;
	char *p;
	setenv("GAVEL_DB", "/x/y.db", 1);
	p = store_default_path();
	assert_string_equal(p, "/x/y.db");
	free(p);
	unsetenv("GAVEL_DB");
	setenv("XDG_DATA_HOME", "/data", 1);
	setenv("HOME", "/home/u", 1);
	p = store_default_path();
	assert_string_equal(p, "/data/gavel/gavel.db");
	free(p);
	setenv("XDG_DATA_HOME", "relative", 1);    /* invalid per the spec: ignored */
	p = store_default_path();
	assert_string_equal(p, "/home/u/.local/share/gavel/gavel.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	p = store_default_path();
	assert_string_equal(p, "/home/u/.local/share/gavel/gavel.db");
	free(p);
}

static void open_creates_private_wal(void **state)
{
	struct fx *f = *state;
	struct stat st;
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char dir[128];
	snprintf(dir, sizeof dir, "%s/data/gavel", f->dir);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_false(store_readonly(f->s));
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(f->s->db, "PRAGMA journal_mode", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(q, 0), "wal");
	sqlite3_finalize(q);
	assert_int_equal(sqlite3_prepare_v2(f->s->db, "PRAGMA foreign_keys", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 1);
	sqlite3_finalize(q);
	assert_int_equal(sqlite3_prepare_v2(f->s->db, "PRAGMA synchronous", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 2);   /* FULL */
	sqlite3_finalize(q);
}

static void add_get_update_delete(void **state)
{
	struct fx *f = *state;
	struct annotation a = note_on("op1", 27, 43);
	a.note = strdup("Key phrase\nsecond line");
	char *tags[] = { "rights", "migrants", "rights" };
	a.tags = tags;
	a.ntags = 3;
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &a), STORE_OK);
	assert_true(uuid_valid(a.id));
	assert_string_equal(a.exact, "the human rights");
	assert_string_equal(a.prefix, "Requests States to protect ");
	assert_string_equal(a.color, "yellow");
	assert_string_equal(a.doc_symbol, "A/RES/58/190");
	assert_string_equal(a.para_label, "OP1");
	assert_non_null(a.created);
	a.tags = NULL;
	a.ntags = 0;

	struct annotation g;
	assert_int_equal(store_annot_get(f->s, a.id, &g), STORE_OK);
	assert_string_equal(g.exact, "the human rights");
	assert_string_equal(g.suffix, " of migrants, in particular wome");
	assert_string_equal(g.note, "Key phrase\nsecond line");
	assert_string_equal(g.doc_language, "en");
	assert_int_equal(g.start, 27);
	assert_int_equal(g.end, 43);
	assert_int_equal(g.status, ANCHOR_ANCHORED);
	assert_int_equal(g.ntags, 2);                 /* duplicates fold */
	assert_string_equal(g.tags[0], "migrants");
	assert_string_equal(g.tags[1], "rights");

	/* Edit: note, colour and tags replaced. */
	free(g.note);
	g.note = strdup("changed");
	free(g.color);
	g.color = strdup("blue");
	for (size_t i = 0; i < g.ntags; i++)
		free(g.tags[i]);
	g.tags[0] = strdup("edited");
	g.ntags = 1;
	assert_int_equal(store_annot_update(f->s, &g), STORE_OK);
	struct annotation h;
	assert_int_equal(store_annot_get(f->s, a.id, &h), STORE_OK);
	assert_string_equal(h.note, "changed");
	assert_string_equal(h.color, "blue");
	assert_int_equal(h.ntags, 1);
	assert_string_equal(h.tags[0], "edited");
	annotation_clear(&h);

	/* Find by prefix, then remove; the tags go with it (ON DELETE CASCADE). */
	char id[37], pre[9];
	memcpy(pre, a.id, 8);
	pre[8] = '\0';
	assert_int_equal(store_annot_find(f->s, pre, id), STORE_OK);
	assert_string_equal(id, a.id);
	assert_int_equal(store_annot_find(f->s, "abc", id), STORE_ERR_INVALID);
	assert_int_equal(store_annot_find(f->s, "zzzz", id), STORE_ERR_INVALID);
	assert_int_equal(store_annot_delete(f->s, a.id), STORE_OK);
	assert_int_equal(store_annot_get(f->s, a.id, &h), STORE_ERR_NOTFOUND);
	assert_int_equal(store_annot_delete(f->s, a.id), STORE_ERR_NOTFOUND);
	assert_int_equal(store_annot_update(f->s, &g), STORE_ERR_NOTFOUND);
	assert_int_equal(store_annot_find(f->s, pre, id), STORE_ERR_NOTFOUND);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(f->s->db, "SELECT count(*) FROM tag", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 0);
	sqlite3_finalize(q);
	annotation_clear(&g);
	annotation_clear(&a);
}

static void add_refuses_bad_input(void **state)
{
	struct fx *f = *state;
	struct annotation a = note_on("op99", 0, 3);
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &a), STORE_ERR_INVALID);
	assert_non_null(strstr(store_errmsg(f->s), "op99"));
	annotation_clear(&a);

	a = note_on("op1", 5, 5000);
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &a), STORE_ERR_INVALID);
	assert_non_null(strstr(store_errmsg(f->s), "outside"));
	annotation_clear(&a);

	a = note_on("op1", 5, 5);
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &a), STORE_ERR_INVALID);
	annotation_clear(&a);

	a = note_on("op1", 0, 3);
	a.exact = strdup("not in the paragraph at all");
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &a), STORE_ERR_INVALID);
	assert_non_null(strstr(store_errmsg(f->s), "quote"));
	annotation_clear(&a);

	a = note_on("op1", 0, 3);
	a.color = strdup("Yellow; DROP TABLE");
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &a), STORE_ERR_INVALID);
	annotation_clear(&a);

	a = note_on("op1", 0, 3);
	char *bad[] = { "ok", "esc\x1b[31m" };
	a.tags = bad;
	a.ntags = 2;
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &a), STORE_ERR_INVALID);
	a.tags = NULL;
	a.ntags = 0;
	annotation_clear(&a);

	a = note_on("op1", 0, 3);
	snprintf(a.id, sizeof a.id, "not-a-uuid");
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &a), STORE_ERR_INVALID);
	annotation_clear(&a);

	a = note_on("op1", 0, 3);
	a.created = strdup("yesterday");
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &a), STORE_ERR_INVALID);
	annotation_clear(&a);

	a = note_on("op1", 0, 3);
	assert_int_equal(store_annot_add(f->s, f->doc + 100, f->res, &a), STORE_ERR_NOTFOUND);
	annotation_clear(&a);

	/* Nothing of the above reached the database. */
	struct annotation *v;
	size_t n;
	assert_int_equal(store_annot_list(f->s, 0, NULL, NULL, &v, &n), STORE_OK);
	assert_int_equal(n, 0);
	annotation_list_free(v, n);
}

static void import_keeps_id_and_times(void **state)
{
	struct fx *f = *state;
	struct annotation a = note_on("op2", 0, 0);
	snprintf(a.id, sizeof a.id, "ABCDEF01-2345-4678-89AB-CDEF01234567");
	a.exact = strdup("Member States");
	a.created = strdup("2024-05-06T07:08:09.123Z");
	a.updated = strdup("2024-05-07T00:00:00+02:00");
	/* The range is wrong (another shape); the quote finds its place. */
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &a), STORE_OK);
	assert_string_equal(a.id, "abcdef01-2345-4678-89ab-cdef01234567");
	assert_int_equal(a.start, 11);
	assert_int_equal(a.end, 24);
	struct annotation again = note_on("op2", 11, 24);
	snprintf(again.id, sizeof again.id, "%s", a.id);
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &again), STORE_ERR_EXISTS);
	struct annotation g;
	assert_int_equal(store_annot_get(f->s, a.id, &g), STORE_OK);
	assert_string_equal(g.created, "2024-05-06T07:08:09.123Z");
	annotation_clear(&g);
	annotation_clear(&again);
	annotation_clear(&a);
}

static void list_order_and_filters(void **state)
{
	struct fx *f = *state;
	struct { const char *id; size_t s, e; const char *color; const char *tag; } in[] = {
		{ "op3", 0, 6, "red", "later" },
		{ "op1", 44, 56, "yellow", "rights" },
		{ "pp1", 0, 9, "green", NULL },
		{ "op1", 0, 8, "yellow", "rights" },
	};
	for (size_t i = 0; i < 4; i++) {
		struct annotation a = note_on(in[i].id, in[i].s, in[i].e);
		a.color = strdup(in[i].color);
		char *t[1] = { (char *)in[i].tag };
		a.tags = in[i].tag ? t : NULL;
		a.ntags = in[i].tag ? 1 : 0;
		assert_int_equal(store_annot_add(f->s, f->doc, f->res, &a), STORE_OK);
		a.tags = NULL;
		a.ntags = 0;
		annotation_clear(&a);
	}
	struct annotation *v;
	size_t n;
	assert_int_equal(store_annot_list(f->s, f->doc, f->res, NULL, &v, &n), STORE_OK);
	assert_int_equal(n, 4);
	assert_string_equal(v[0].para_id, "pp1");
	assert_string_equal(v[1].para_id, "op1");
	assert_int_equal(v[1].start, 0);
	assert_int_equal(v[2].start, 44);
	assert_string_equal(v[3].para_id, "op3");
	annotation_list_free(v, n);

	struct annot_filter byc = { "yellow", NULL }, byt = { NULL, "later" }, none = { "purple", NULL };
	assert_int_equal(store_annot_list(f->s, f->doc, f->res, &byc, &v, &n), STORE_OK);
	assert_int_equal(n, 2);
	annotation_list_free(v, n);
	assert_int_equal(store_annot_list(f->s, 0, NULL, &byt, &v, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].para_id, "op3");
	annotation_list_free(v, n);
	assert_int_equal(store_annot_list(f->s, f->doc, f->res, &none, &v, &n), STORE_OK);
	assert_int_equal(n, 0);
	assert_null(v);
}

static void sync_reanchors_and_keeps_orphans(void **state)
{
	struct fx *f = *state;
	struct annotation kept = note_on("op1", 27, 43);   /* "the human rights" */
	struct annotation lost = note_on("op3", 0, 22);    /* "Decides to continue it" */
	struct annotation moved = note_on("op2", 0, 37);   /* "Encourages Member States to consider" */
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &kept), STORE_OK);
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &lost), STORE_OK);
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &moved), STORE_OK);

	/* A new version: a paragraph inserted before op2 (so op2 becomes op3), op3 rewritten. */
	const char *ids[] = { "pp1", "op1", "op2", "op3", "op4" };
	const char *texts[] = { TEXTS[0], TEXTS[1], "Welcomes the report of the Secretary-General;",
	                        TEXTS[2], "Decides to remain seized of the matter." };
	struct resolution *v2 = fixture_res("A/RES/58/190", "en", ids, texts, 5);
	int64_t doc;
	assert_int_equal(store_doc_sync(f->s, v2, &doc), STORE_OK);
	assert_int_equal(doc, f->doc);
	struct annotation g;
	assert_int_equal(store_annot_get(f->s, kept.id, &g), STORE_OK);
	assert_int_equal(g.status, ANCHOR_ANCHORED);
	annotation_clear(&g);
	assert_int_equal(store_annot_get(f->s, moved.id, &g), STORE_OK);
	assert_int_equal(g.status, ANCHOR_MOVED);
	assert_string_equal(g.para_id, "op3");
	assert_string_equal(g.para_label, "OP3");
	annotation_clear(&g);
	assert_int_equal(store_annot_get(f->s, lost.id, &g), STORE_OK);
	assert_int_equal(g.status, ANCHOR_ORPHAN);
	assert_string_equal(g.para_id, "op3");          /* where it was: kept as it was */
	assert_string_equal(g.exact, "Decides to continue it");
	annotation_clear(&g);

	/* Orphans are listed last. */
	struct annotation *v;
	size_t n;
	assert_int_equal(store_annot_list(f->s, doc, v2, NULL, &v, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_int_equal(v[2].status, ANCHOR_ORPHAN);
	annotation_list_free(v, n);

	/* The old text back: the orphan is found again. */
	assert_int_equal(store_doc_sync(f->s, f->res, &doc), STORE_OK);
	assert_int_equal(store_annot_get(f->s, lost.id, &g), STORE_OK);
	assert_int_equal(g.status, ANCHOR_ANCHORED);
	annotation_clear(&g);
	assert_int_equal(store_annot_get(f->s, moved.id, &g), STORE_OK);
	assert_string_equal(g.para_id, "op2");
	annotation_clear(&g);

	res_free(v2);
	annotation_clear(&kept);
	annotation_clear(&lost);
	annotation_clear(&moved);
}

static void documents_by_symbol_and_language(void **state)
{
	struct fx *f = *state;
	int64_t id, other;
	assert_int_equal(store_doc_find(f->s, "A/RES/58/190", "en", &id), STORE_OK);
	assert_int_equal(id, f->doc);
	assert_int_equal(store_doc_find(f->s, "A/RES/58/190", "fr", &id), STORE_ERR_NOTFOUND);
	struct resolution *fr = fixture_res("A/RES/58/190", "fr", IDS, TEXTS, 4);
	assert_int_equal(store_doc_sync(f->s, fr, &other), STORE_OK);
	assert_int_not_equal(other, f->doc);
	/* No symbol, no language: known by its text, language "und". */
	struct resolution *anon = fixture_res(NULL, NULL, IDS, TEXTS, 4);
	assert_int_equal(store_doc_sync(f->s, anon, &other), STORE_OK);
	char hash[65], sym[80];
	anchor_text_hash(anon, hash);
	snprintf(sym, sizeof sym, "sha256:%.16s", hash);
	assert_int_equal(store_doc_find(f->s, sym, "und", &id), STORE_OK);
	assert_int_equal(id, other);
	res_free(fr);
	res_free(anon);
}

static void positions(void **state)
{
	struct fx *f = *state;
	struct position p;
	assert_int_equal(store_position_get(f->s, f->doc, &p), STORE_ERR_NOTFOUND);
	struct position w = { .pane = 1, .para_id = "op2", .scroll = 7 };
	assert_int_equal(store_position_set(f->s, f->doc, &w), STORE_OK);
	assert_int_equal(store_position_get(f->s, f->doc, &p), STORE_OK);
	assert_int_equal(p.pane, 1);
	assert_string_equal(p.para_id, "op2");
	assert_int_equal(p.scroll, 7);
	struct position w2 = { .pane = 0, .para_id = "pp1", .scroll = 0 };
	assert_int_equal(store_position_set(f->s, f->doc, &w2), STORE_OK);
	assert_int_equal(store_position_get(f->s, f->doc, &p), STORE_OK);
	assert_string_equal(p.para_id, "pp1");
	assert_int_equal(p.zoomed, 0);
	assert_string_equal(p.panes[0].para_id, "");
	assert_int_equal(store_position_set(f->s, f->doc + 100, &w2), STORE_ERR_NOTFOUND);
	/* Every pane's place and the zoom (issue 17); a pane not given keeps what it had. */
	struct position w3 = { 2, "fn3", -1, 1, { { "pp4", 2 }, { "op7", 0 }, { "fn3", -1 } } };
	assert_int_equal(store_position_set(f->s, f->doc, &w3), STORE_OK);
	struct position w4 = { 1, "op8", 0, 0, { { "", 0 }, { "op8", 0 }, { "", 0 } } };
	assert_int_equal(store_position_set(f->s, f->doc, &w4), STORE_OK);
	assert_int_equal(store_position_get(f->s, f->doc, &p), STORE_OK);
	assert_int_equal(p.zoomed, 0);
	assert_string_equal(p.panes[0].para_id, "pp4");
	assert_int_equal(p.panes[0].scroll, 2);
	assert_string_equal(p.panes[1].para_id, "op8");
	assert_string_equal(p.panes[2].para_id, "fn3");
	assert_int_equal(p.panes[2].scroll, -1);
	assert_int_equal(store_position_set(f->s, f->doc, &w3), STORE_OK);
	assert_int_equal(store_position_get(f->s, f->doc, &p), STORE_OK);
	assert_int_equal(p.zoomed, 1);
	assert_int_equal(p.pane, 2);
}

static void data_version_sees_other_writers(void **state)
{
	struct fx *f = *state;
	struct store *other;
	char *msg;
	assert_int_equal(store_open(f->path, &other, &msg), STORE_OK);
	int64_t v0, v1, v2;
	assert_int_equal(store_data_version(f->s, &v0), STORE_OK);
	struct annotation a = note_on("op1", 0, 8);
	assert_int_equal(store_annot_add(other, f->doc, f->res, &a), STORE_OK);
	assert_int_equal(store_data_version(f->s, &v1), STORE_OK);
	assert_int_not_equal(v0, v1);
	assert_int_equal(store_data_version(f->s, &v2), STORE_OK);
	assert_int_equal(v1, v2);
	/* And the note is there for the first handle. */
	struct annotation g;
	assert_int_equal(store_annot_get(f->s, a.id, &g), STORE_OK);
	annotation_clear(&g);
	annotation_clear(&a);
	store_close(other);
}

static void full_disk_saves_nothing_half(void **state)
{
	struct fx *f = *state;
	/* A page limit makes SQLite meet SQLITE_FULL, as on a full disk. */
	assert_int_equal(sqlite3_exec(f->s->db, "PRAGMA max_page_count = 12", NULL, NULL, NULL),
	                 SQLITE_OK);
	char *tags[] = { "alpha", "beta", "gamma" };
	int err = STORE_OK, added = 0;
	char big[2000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	while (err == STORE_OK && added < 1000) {
		struct annotation a = note_on("op1", 0, 8);
		a.note = strdup(big);
		a.tags = tags;
		a.ntags = 3;
		err = store_annot_add(f->s, f->doc, f->res, &a);
		a.tags = NULL;
		a.ntags = 0;
		annotation_clear(&a);
		added += err == STORE_OK;
	}
	assert_int_equal(err, STORE_ERR_FULL);
	assert_non_null(strstr(store_errmsg(f->s), "full"));
	assert_true(added > 0);
	/* Every stored note is whole: three tags each, and the count is what was acknowledged. */
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(f->s->db,
		"SELECT (SELECT count(*) FROM annotation), (SELECT count(*) FROM tag)", -1, &q, NULL),
		SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), added);
	assert_int_equal(sqlite3_column_int(q, 1), 3 * added);
	sqlite3_finalize(q);
	/* Room again: the store works on. */
	assert_int_equal(sqlite3_exec(f->s->db, "PRAGMA max_page_count = 1000000", NULL, NULL, NULL),
	                 SQLITE_OK);
	struct annotation a = note_on("op1", 0, 8);
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &a), STORE_OK);
	annotation_clear(&a);
}

static void busy_writer_times_out(void **state)
{
	struct fx *f = *state;
	struct store *other;
	char *msg;
	assert_int_equal(store_open(f->path, &other, &msg), STORE_OK);
	/* Another process holds the write lock past our (shortened) patience. */
	assert_int_equal(sqlite3_exec(other->db, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_busy_timeout(f->s->db, 50);
	struct annotation a = note_on("op1", 0, 8);
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &a), STORE_ERR_BUSY);
	assert_non_null(strstr(store_errmsg(f->s), "locked"));
	/* Readers are not blocked by a writer (WAL). */
	struct annotation *v;
	size_t n;
	assert_int_equal(store_annot_list(f->s, 0, NULL, NULL, &v, &n), STORE_OK);
	annotation_list_free(v, n);
	assert_int_equal(sqlite3_exec(other->db, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	annotation_clear(&a);
	a = note_on("op1", 0, 8);
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &a), STORE_OK);
	annotation_clear(&a);
	store_close(other);
}

/* --- refusals: each leaves the file byte for byte as it was --- */

static void assert_refused(const char *path, int want, const char *words)
{
	size_t n0, n1;
	char *before = file_bytes(path, &n0);
	struct store *s;
	char *msg;
	assert_int_equal(store_open(path, &s, &msg), want);
	assert_null(s);
	assert_non_null(msg);
	assert_non_null(strstr(msg, words));
	assert_non_null(strstr(msg, path));
	free(msg);
	char *after = file_bytes(path, &n1);
	assert_int_equal(n0, n1);
	assert_memory_equal(before, after, n0);
	free(before);
	free(after);
	char side[512];
	snprintf(side, sizeof side, "%s-wal", path);
	assert_int_not_equal(access(side, F_OK), 0);
}

static void refuses_newer(void **state)
{
	struct fx *f = *state;
	store_close(f->s);
	f->s = NULL;
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_refused(f->path, STORE_ERR_NEWER, "newer gavel");
	char *msg;
	assert_int_equal(store_open(f->path, &f->s, &msg), STORE_ERR_NEWER);
	free(msg);
}

static void refuses_not_a_database(void **state)
{
	struct fx *f = *state;
	char path[160];
	snprintf(path, sizeof path, "%s/notes.txt", f->dir);
	FILE *fp = fopen(path, "w");
	fputs("These are my precious notes, not a database.\n", fp);
	fclose(fp);
	assert_refused(path, STORE_ERR_CORRUPT, "not a gavel database");
}

static void refuses_other_programs_database(void **state)
{
	struct fx *f = *state;
	char path[160];
	snprintf(path, sizeof path, "%s/places.sqlite", f->dir);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE bookmarks (url TEXT)", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	assert_refused(path, STORE_ERR_CORRUPT, "another program");
}

static void refuses_corrupt(void **state)
{
	struct fx *f = *state;
	for (int i = 0; i < 200; i++) {
		struct annotation a = note_on("op1", 0, 8);
		a.note = strdup("padding padding padding padding padding padding padding padding");
		assert_int_equal(store_annot_add(f->s, f->doc, f->res, &a), STORE_OK);
		annotation_clear(&a);
	}
	store_close(f->s);
	f->s = NULL;
	/* Scribble over the middle of the file, past the header. */
	int fd = open(f->path, O_WRONLY);
	assert_true(fd >= 0);
	struct stat st;
	fstat(fd, &st);
	char junk[4096];
	memset(junk, 0xA5, sizeof junk);
	assert_int_equal(pwrite(fd, junk, sizeof junk, st.st_size / 2 & ~4095L), (ssize_t)sizeof junk);
	close(fd);
	assert_refused(f->path, STORE_ERR_CORRUPT, "untouched");

	/* Truncated: the header promises pages that are not there. */
	char path[160];
	snprintf(path, sizeof path, "%s/truncated.db", f->dir);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "head -c 6000 '%s' > '%s'", f->path, path);
	assert_int_equal(system(cmd), 0);
	assert_refused(path, STORE_ERR_CORRUPT, "untouched");
}

static void empty_file_becomes_database(void **state)
{
	struct fx *f = *state;
	char path[160];
	snprintf(path, sizeof path, "%s/empty.db", f->dir);
	int fd = open(path, O_CREAT | O_WRONLY, 0600);
	close(fd);
	struct store *s;
	char *msg;
	assert_int_equal(store_open(path, &s, &msg), STORE_OK);
	store_close(s);
}

static void opens_unwritable_readonly(void **state)
{
	struct fx *f = *state;
	if (geteuid() == 0)
		skip();   /* root writes anyway; tests/e2e/notes-cli.sh covers a read-only mount */
	struct annotation a = note_on("op1", 0, 8);
	assert_int_equal(store_annot_add(f->s, f->doc, f->res, &a), STORE_OK);
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(chmod(f->path, 0400), 0);
	char *msg;
	assert_int_equal(store_open(f->path, &f->s, &msg), STORE_OK);
	assert_true(store_readonly(f->s));
	struct annotation *v;
	size_t n;
	assert_int_equal(store_annot_list(f->s, 0, NULL, NULL, &v, &n), STORE_OK);
	assert_int_equal(n, 1);
	annotation_list_free(v, n);
	int64_t doc;
	assert_int_equal(store_doc_sync(f->s, f->res, &doc), STORE_OK);
	struct annotation b = note_on("op1", 0, 8);
	assert_int_equal(store_annot_add(f->s, doc, f->res, &b), STORE_ERR_READONLY);
	assert_int_equal(store_annot_delete(f->s, a.id), STORE_ERR_READONLY);
	struct position p = { .pane = 0, .para_id = "op1", .scroll = 0 };
	assert_int_equal(store_position_set(f->s, doc, &p), STORE_ERR_READONLY);
	annotation_clear(&a);
	annotation_clear(&b);
	chmod(f->path, 0600);
}

static void unusable_paths(void **state)
{
	struct fx *f = *state;
	struct store *s;
	char *msg, path[200];
	/* A directory where the file should be. */
	snprintf(path, sizeof path, "%s", f->dir);
	assert_int_equal(store_open(path, &s, &msg), STORE_ERR_OPEN);
	assert_non_null(strstr(msg, "not a regular file"));
	free(msg);
	/* A file where a directory should be. */
	snprintf(path, sizeof path, "%s/data/gavel/gavel.db/sub/x.db", f->dir);
	assert_int_equal(store_open(path, &s, &msg), STORE_ERR_OPEN);
	assert_non_null(strstr(msg, "directory"));
	free(msg);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(default_path),
		T(open_creates_private_wal),
		T(add_get_update_delete),
		T(add_refuses_bad_input),
		T(import_keeps_id_and_times),
		T(list_order_and_filters),
		T(sync_reanchors_and_keeps_orphans),
		T(documents_by_symbol_and_language),
		T(positions),
		T(data_version_sees_other_writers),
		T(full_disk_saves_nothing_half),
		T(busy_writer_times_out),
		T(refuses_newer),
		T(refuses_not_a_database),
		T(refuses_other_programs_database),
		T(refuses_corrupt),
		T(empty_file_becomes_database),
		T(opens_unwritable_readonly),
		T(unusable_paths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
