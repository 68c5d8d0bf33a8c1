/* test_store_check.c: vouching for a database before writing into it (store-check.c, issue
 * 18): when the full check runs and when it is spared, the corruptions SQLite's own tests
 * make (generated here: tests/e2e/store-damage.h) refused with the file untouched, a torn WAL
 * read back to its last whole commit, and the reader's check in the background with writes
 * held until it passes. */
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
#include <sys/wait.h>
#include <cmocka.h>

#include "store/store-int.h"
#include "store-fixture.h"
#include "../e2e/store-damage.h"

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
	struct resolution *res;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	snprintf(f->dir, sizeof f->dir, "/tmp/gavel-check.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/gavel.db", f->dir);
	f->res = fixture_res("A/RES/58/190", "en", IDS, TEXTS, 4);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	res_free(f->res);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	int rc = system(cmd);
	free(f);
	return rc == 0 ? 0 : -1;
}

static struct store *open_ok(const char *path, enum store_check_mode mode)
{
	struct store *s = NULL;
	char *msg = NULL;
	int err = store_open_mode(path, mode, &s, &msg);
	if (err != STORE_OK)
		fail_msg("store_open %s: %s", path, msg ? msg : "?");
	free(msg);
	return s;
}

/* n notes on the document, each its own commit. */
static void add_notes(struct store *s, const struct resolution *res, int n)
{
	int64_t doc;
	assert_int_equal(store_doc_sync(s, res, &doc), STORE_OK);
	for (int i = 0; i < n; i++) {
		struct annotation a;
		memset(&a, 0, sizeof a);
		a.para_id = strdup(IDS[1 + i % 3]);
		a.start = (size_t)(i % 5);
		a.end = a.start + 6;
		char note[160];
		snprintf(note, sizeof note, "note %d, padded so that notes fill pages: %0100d", i, i);
		a.note = strdup(note);
		assert_int_equal(store_annot_add(s, doc, res, &a), STORE_OK);
		annotation_clear(&a);
	}
}

/* A database with n notes, closed cleanly. */
static void make_db(struct fx *f, int n)
{
	struct store *s = open_ok(f->path, STORE_CHECK_NOW);
	assert_int_equal(store_vouched_by(s), STORE_VOUCH_NEW);
	add_notes(s, f->res, n);
	store_close(s);
}

static enum store_vouch vouch_on_open(const char *path)
{
	struct store *s = open_ok(path, STORE_CHECK_NOW);
	enum store_vouch v = store_vouched_by(s);
	store_close(s);
	return v;
}

/* The bytes of a file, or NULL when it does not exist. */
static char *slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	*n = 0;
	if (!fp)
		return NULL;
	char *buf = malloc(8 << 20);
	assert_non_null(buf);
	*n = fread(buf, 1, 8 << 20, fp);
	fclose(fp);
	return buf;
}

/* Whether PATH-checked describes the file as it is (store-check.c's format). */
static int record_matches(const char *path)
{
	char rec[160], line[256] = "";
	snprintf(rec, sizeof rec, "%s-checked", path);
	FILE *fp = fopen(rec, "r");
	if (!fp)
		return 0;
	int got = fgets(line, sizeof line, fp) != NULL;
	fclose(fp);
	uintmax_t dev, ino;
	intmax_t size, ms, cs;
	long mns, cns;
	struct stat st;
	if (!got || sscanf(line, "gavel-checked 1 %ju %ju %jd %jd.%ld %jd.%ld", &dev, &ino, &size,
	                   &ms, &mns, &cs, &cns) != 7 || stat(path, &st) != 0)
		return 0;
	return dev == st.st_dev && ino == st.st_ino && size == st.st_size &&
	       ms == st.st_mtim.tv_sec && mns == st.st_mtim.tv_nsec &&
	       cs == st.st_ctim.tv_sec && cns == st.st_ctim.tv_nsec;
}

static void assert_same_file(const char *path, const char *before, size_t n0)
{
	size_t n1;
	char *after = slurp(path, &n1);
	if (!before) {
		assert_null(after);
		return;
	}
	assert_non_null(after);
	assert_int_equal(n0, n1);
	assert_memory_equal(before, after, n0);
	free(after);
}

/* --- when the check runs --- */

/* First open of a file: checked. Closed cleanly and opened again: the record vouches, no
 * check. Deleted record, or any change to the file behind gavel's back: checked again. */
static void record_spares_the_check(void **state)
{
	struct fx *f = *state;
	make_db(f, 5);
	assert_true(record_matches(f->path));
	assert_int_equal(vouch_on_open(f->path), STORE_VOUCH_RECORD);
	assert_int_equal(vouch_on_open(f->path), STORE_VOUCH_RECORD);
	char rec[160];
	snprintf(rec, sizeof rec, "%s-checked", f->path);
	assert_int_equal(unlink(rec), 0);
	assert_int_equal(vouch_on_open(f->path), STORE_VOUCH_CHECKED);
	assert_int_equal(vouch_on_open(f->path), STORE_VOUCH_RECORD);
	/* Another program opened and wrote it (here: a byte rewritten as it was). */
	int fd = open(f->path, O_RDWR);
	char b;
	assert_int_equal(pread(fd, &b, 1, 200), 1);
	assert_int_equal(pwrite(fd, &b, 1, 200), 1);
	close(fd);
	assert_int_equal(vouch_on_open(f->path), STORE_VOUCH_CHECKED);
	/* A copy put in its place. */
	char cmd[400];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s.copy' && mv '%s.copy' '%s'", f->path, f->path,
	         f->path, f->path);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(vouch_on_open(f->path), STORE_VOUCH_CHECKED);
	assert_int_equal(vouch_on_open(f->path), STORE_VOUCH_RECORD);
}

/* A session that never closed (killed): its WAL holds frames, so the next open checks. */
static void unclean_close_checked(void **state)
{
	struct fx *f = *state;
	make_db(f, 3);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct store *s = NULL;
		char *msg;
		if (store_open(f->path, &s, &msg) != STORE_OK)
			_exit(1);
		add_notes(s, f->res, 2);
		_exit(0);          /* as kill -9 would: no store_close */
	}
	int status;
	waitpid(pid, &status, 0);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	struct store *s = open_ok(f->path, STORE_CHECK_NOW);
	assert_int_equal(store_vouched_by(s), STORE_VOUCH_CHECKED);
	struct annotation *v;
	size_t n;
	assert_int_equal(store_annot_list(s, 0, NULL, NULL, &v, &n), STORE_OK);
	assert_int_equal(n, 5);
	annotation_list_free(v, n);
	store_close(s);
	assert_int_equal(vouch_on_open(f->path), STORE_VOUCH_RECORD);
}

/* A second gavel opening while a vouched one writes is vouched by it; the last one out
 * records the file. */
static void live_session_vouches(void **state)
{
	struct fx *f = *state;
	make_db(f, 3);
	struct store *a = open_ok(f->path, STORE_CHECK_NOW);
	assert_int_equal(store_vouched_by(a), STORE_VOUCH_RECORD);
	add_notes(a, f->res, 2);
	struct store *b = open_ok(f->path, STORE_CHECK_NOW);
	assert_int_equal(store_vouched_by(b), STORE_VOUCH_LIVE);
	add_notes(b, f->res, 1);
	store_close(b);
	add_notes(a, f->res, 1);
	store_close(a);
	assert_int_equal(vouch_on_open(f->path), STORE_VOUCH_RECORD);
}

/* While this process has the database open, another gavel's close must not take the WAL for
 * abandoned and delete it: nothing here may drop SQLite's locks (an open() and close() of
 * the database file would). The other's note reaches this connection. */
static void live_wal_kept(void **state)
{
	struct fx *f = *state;
	/* The other gavel is a program of its own (store-burst): a child forked from this one
	 * would share SQLite's own record of this process's locks, and never try. */
	const char *top = getenv("top_builddir");
	char burst[512];
	snprintf(burst, sizeof burst, "%s/tests/e2e/store-burst", top ? top : ".");
	if (access(burst, X_OK) != 0)
		skip();
	make_db(f, 3);
	for (int mode = 0; mode < 2; mode++) {
		struct store *s = open_ok(f->path, mode ? STORE_CHECK_BACKGROUND : STORE_CHECK_NOW);
		add_notes(s, f->res, 1);
		char wal[160];
		snprintf(wal, sizeof wal, "%s-wal", f->path);
		struct stat before, after;
		assert_int_equal(stat(wal, &before), 0);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			int null = open("/dev/null", O_WRONLY);
			dup2(null, 1);
			execl(burst, "store-burst", f->path, "add", "1", "other", (char *)NULL);
			_exit(127);
		}
		int status;
		waitpid(pid, &status, 0);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		assert_int_equal(stat(wal, &after), 0);
		assert_int_equal(before.st_ino, after.st_ino);
		add_notes(s, f->res, 1);
		struct annotation *v;
		size_t n;
		assert_int_equal(store_annot_list(s, 0, NULL, NULL, &v, &n), STORE_OK);
		assert_int_equal(n, (size_t)(6 + 3 * mode));
		int other = 0;
		for (size_t i = 0; i < n; i++)
			other += v[i].note && strcmp(v[i].note, "other note 0") == 0;
		assert_int_equal(other, 1 + mode);
		annotation_list_free(v, n);
		store_close(s);
	}
}

/* --- damage: refused, untouched --- */

/* Damage `kind` done to a database of 300 notes: commands refuse it naming the problem, the
 * reader's background check finds it and holds every write, and neither changes a byte of
 * the file or leaves a WAL or a record vouching for it. */
static void refused_untouched(struct fx *f, const char *kind, const char *words)
{
	make_db(f, 300);
	assert_int_equal(dmg_apply(kind, f->path), 0);
	char wal[160], rec[160];
	snprintf(wal, sizeof wal, "%s-wal", f->path);
	snprintf(rec, sizeof rec, "%s-checked", f->path);
	size_t n0, w0;
	char *before = slurp(f->path, &n0), *wbefore = slurp(wal, &w0);

	struct store *s = NULL;
	char *msg = NULL;
	assert_int_equal(store_open(f->path, &s, &msg), STORE_ERR_CORRUPT);
	assert_null(s);
	assert_non_null(msg);
	if (!strstr(msg, words) || !strstr(msg, "untouched") || !strstr(msg, f->path))
		fail_msg("%s: message '%s'", kind, msg);
	free(msg);
	assert_same_file(f->path, before, n0);
	assert_same_file(wal, wbefore, w0);

	/* The reader: opened (the text is read meanwhile), every write refused. */
	int err = store_open_mode(f->path, STORE_CHECK_BACKGROUND, &s, &msg);
	if (err == STORE_OK) {
		int64_t doc = 0;
		int e1 = store_doc_sync(s, f->res, &doc);
		struct annotation a;
		memset(&a, 0, sizeof a);
		a.para_id = strdup("op1");
		a.start = 0;
		a.end = 4;
		int e2 = doc > 0 ? store_annot_add(s, doc, f->res, &a) : STORE_ERR_CORRUPT;
		assert_true(e1 == STORE_OK || e1 == STORE_ERR_CORRUPT);
		assert_int_equal(e2, STORE_ERR_CORRUPT);
		assert_non_null(strstr(store_errmsg(s), "damaged"));
		assert_int_equal(store_trust(s), STORE_DAMAGED);
		struct position p = { 1, "op1", 0 };
		assert_int_equal(store_position_set(s, doc, &p), STORE_ERR_CORRUPT);
		annotation_clear(&a);
		store_close(s);
	} else {
		assert_int_equal(err, STORE_ERR_CORRUPT);
		free(msg);
	}
	assert_same_file(f->path, before, n0);
	assert_same_file(wal, wbefore, w0);
	assert_false(record_matches(f->path));   /* no record vouches for the damaged file */
	free(before);
	free(wbefore);
}

/* Issue 18's case: one row missing from the id index. quick_check passed it, and notes
 * edit then said "no note with id" of a note that exists. */
static void index_row_missing(void **state)
{
	refused_untouched(*state, "index-row", "missing from index sqlite_autoindex_annotation_1");
}

static void index_entry_extra(void **state)
{
	refused_untouched(*state, "index-extra", "sqlite_autoindex_annotation_1");
}

static void freelist_damaged(void **state)
{
	refused_untouched(*state, "freelist", "reelist");
}

static void truncated_pages(void **state)
{
	refused_untouched(*state, "truncated", "damaged");
}

/* A WAL torn in its last frame (a power cut in a commit): not damage. The file is checked
 * (it is not as gavel left it), passes, and holds every commit before the torn one. */
static void torn_wal_keeps_whole_commits(void **state)
{
	struct fx *f = *state;
	make_db(f, 20);
	int survive = dmg_apply("torn-wal", f->path);
	assert_int_equal(survive, 2);
	struct store *s = open_ok(f->path, STORE_CHECK_NOW);
	assert_int_equal(store_vouched_by(s), STORE_VOUCH_CHECKED);
	struct annotation *v;
	size_t n;
	assert_int_equal(store_annot_list(s, 0, NULL, NULL, &v, &n), STORE_OK);
	int seen[3] = { 0, 0, 0 };
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < 3; k++) {
			char want[32];
			snprintf(want, sizeof want, "torn-wal note %d", k);
			seen[k] += v[i].note && strcmp(v[i].note, want) == 0;
		}
	assert_int_equal(n, 22);
	assert_int_equal(seen[0], 1);
	assert_int_equal(seen[1], 1);
	assert_int_equal(seen[2], 0);
	annotation_list_free(v, n);
	add_notes(s, f->res, 1);        /* and it takes notes again */
	store_close(s);
	assert_int_equal(vouch_on_open(f->path), STORE_VOUCH_RECORD);
}

/* --- the reader's check --- */

/* Background: the open returns at once, reads work meanwhile, a write waits for the verdict
 * and goes ahead; a sound file is recorded at close. */
static void background_check_holds_writes(void **state)
{
	struct fx *f = *state;
	make_db(f, 200);
	char rec[160];
	snprintf(rec, sizeof rec, "%s-checked", f->path);
	unlink(rec);                     /* a file gavel has not seen: only the check vouches */
	struct store *s = open_ok(f->path, STORE_CHECK_BACKGROUND);
	assert_int_not_equal(store_trust(s), STORE_DAMAGED);
	struct annotation *v;
	size_t n;
	assert_int_equal(store_annot_list(s, 0, NULL, NULL, &v, &n), STORE_OK);
	assert_int_equal(n, 200);
	annotation_list_free(v, n);
	add_notes(s, f->res, 1);         /* held until the check passed, then written */
	assert_int_equal(store_trust(s), STORE_SOUND);
	assert_int_equal(store_vouched_by(s), STORE_VOUCH_CHECKED);
	char msg[512];
	assert_int_equal(store_check_poll(s, msg, sizeof msg), 0);
	store_close(s);
	assert_int_equal(vouch_on_open(f->path), STORE_VOUCH_RECORD);
	/* Vouched by its record, the reader still checks (bit rot moves no time stamp). */
	s = open_ok(f->path, STORE_CHECK_BACKGROUND);
	assert_int_equal(store_vouched_by(s), STORE_VOUCH_RECORD);
	add_notes(s, f->res, 1);
	assert_int_equal(store_trust(s), STORE_SOUND);
	store_close(s);
}

/* Damage found in the background is said once through store_check_poll. */
static void background_damage_said_once(void **state)
{
	struct fx *f = *state;
	make_db(f, 300);
	assert_int_equal(dmg_apply("index-row", f->path), 0);
	struct store *s = open_ok(f->path, STORE_CHECK_BACKGROUND);
	char msg[512] = "";
	int said = 0;
	for (int i = 0; i < 2000 && !said; i++) {
		said = store_check_poll(s, msg, sizeof msg);
		if (!said)
			usleep(5000);
	}
	assert_int_equal(said, 1);
	assert_non_null(strstr(msg, "missing from index"));
	assert_int_equal(store_check_poll(s, msg, sizeof msg), 0);
	assert_int_equal(store_trust(s), STORE_DAMAGED);
	store_close(s);
}

/* Quitting during a check does not wait for it, and records nothing it has not vouched. */
static void close_during_check(void **state)
{
	struct fx *f = *state;
	make_db(f, 50);
	char rec[160];
	snprintf(rec, sizeof rec, "%s-checked", f->path);
	unlink(rec);
	struct store *s = open_ok(f->path, STORE_CHECK_BACKGROUND);
	store_close(s);                  /* the check interrupted, or done: either is fine */
	enum store_vouch v = vouch_on_open(f->path);
	assert_true(v == STORE_VOUCH_RECORD || v == STORE_VOUCH_CHECKED);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(record_spares_the_check),
		T(unclean_close_checked),
		T(live_session_vouches),
		T(live_wal_kept),
		T(index_row_missing),
		T(index_entry_extra),
		T(freelist_damaged),
		T(truncated_pages),
		T(torn_wal_keeps_whole_commits),
		T(background_check_holds_writes),
		T(background_damage_said_once),
		T(close_during_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
