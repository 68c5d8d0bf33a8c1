/* test_atomic.c: the atomic file writer: a committed file appears whole, an aborted one never
 * appears, the old file stays until the new one is complete, and unwritable paths give a
 * message naming the path. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "export/atomic.h"

static char dir[32];

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/gavel-atomic.XXXXXX");
	assert_non_null(mkdtemp(dir));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[512];
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		chmod(p, 0700);
		if (unlink(p) != 0)
			rmdir(p);
	}
	if (d)
		closedir(d);
	chmod(dir, 0700);
	rmdir(dir);
	return 0;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	static char buf[256];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static int entries(void)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static void commit_replaces(void **state)
{
	(void)state;
	char path[128], err[256];
	snprintf(path, sizeof path, "%s/out.txt", dir);
	struct atomic_file af;
	assert_int_equal(atomic_open(path, &af, err, sizeof err), 0);
	assert_non_null(atomic_pending());
	fputs("first", af.f);
	assert_null(slurp(path));            /* nothing at the target until the commit */
	assert_int_equal(atomic_commit(&af, err, sizeof err), 0);
	assert_null(atomic_pending());
	assert_string_equal(slurp(path), "first");
	chmod(path, 0640);

	assert_int_equal(atomic_open(path, &af, err, sizeof err), 0);
	fputs("second, longer", af.f);
	fflush(af.f);
	assert_string_equal(slurp(path), "first");  /* the old file until the new one is whole */
	assert_int_equal(atomic_commit(&af, err, sizeof err), 0);
	assert_string_equal(slurp(path), "second, longer");
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);   /* the mode of the file it replaced */
	assert_int_equal(entries(), 1);              /* no temporary file left */
}

static void abort_leaves_nothing(void **state)
{
	(void)state;
	char path[128], err[256];
	snprintf(path, sizeof path, "%s/never.txt", dir);
	struct atomic_file af;
	assert_int_equal(atomic_open(path, &af, err, sizeof err), 0);
	fputs("half", af.f);
	atomic_abort(&af);
	assert_null(slurp(path));
	assert_int_equal(entries(), 0);
	assert_null(atomic_pending());
}

static void unwritable(void **state)
{
	(void)state;
	char path[128], err[256];
	struct atomic_file af;
	snprintf(path, sizeof path, "%s/missing/out.txt", dir);
	assert_int_equal(atomic_open(path, &af, err, sizeof err), -1);
	assert_non_null(strstr(err, "does not exist"));
	assert_non_null(strstr(err, path));
	assert_int_equal(atomic_open(dir, &af, err, sizeof err), -1);
	assert_non_null(strstr(err, "is a directory"));
	if (geteuid() != 0) {   /* root writes anywhere */
		char ro[64];
		snprintf(ro, sizeof ro, "%s/ro", dir);
		assert_int_equal(mkdir(ro, 0500), 0);
		snprintf(path, sizeof path, "%s/out.txt", ro);
		assert_int_equal(atomic_open(path, &af, err, sizeof err), -1);
		assert_non_null(strstr(err, "Permission denied"));
	}
	/* A write error surfaces at commit and leaves no file. */
	if (access("/dev/full", W_OK) == 0) {
		snprintf(path, sizeof path, "%s/full.txt", dir);
		assert_int_equal(atomic_open(path, &af, err, sizeof err), 0);
		fclose(af.f);
		af.f = fopen("/dev/full", "w");
		assert_non_null(af.f);
		fputs("x", af.f);
		assert_int_equal(atomic_commit(&af, err, sizeof err), -1);
		assert_non_null(strstr(err, "cannot write"));
		assert_null(slurp(path));
	}
}

/* A pipe or a device is written into, never renamed over (as root, a rename would replace
 * /dev/null). Checked on a FIFO of our own first: a regression fails there, before any device
 * is touched. */
static void not_a_regular_file(void **state)
{
	(void)state;
	char fifo[64], err[256], buf[32];
	snprintf(fifo, sizeof fifo, "%s/pipe", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	int rd = open(fifo, O_RDONLY | O_NONBLOCK);
	assert_true(rd >= 0);
	struct atomic_file af;
	assert_int_equal(atomic_open(fifo, &af, err, sizeof err), 0);
	assert_null(af.tmp);
	fputs("through", af.f);
	assert_int_equal(atomic_commit(&af, err, sizeof err), 0);
	struct stat st;
	assert_int_equal(stat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	ssize_t n = read(rd, buf, sizeof buf - 1);
	assert_int_equal(n, 7);
	close(rd);
	assert_int_equal(entries(), 1);   /* no temporary file beside it */

	if (access("/dev/full", W_OK) == 0) {   /* a write error on the direct path */
		assert_int_equal(atomic_open("/dev/full", &af, err, sizeof err), 0);
		fputs("x", af.f);
		assert_int_equal(atomic_commit(&af, err, sizeof err), -1);
		assert_non_null(strstr(err, "No space left"));
		assert_int_equal(stat("/dev/full", &st), 0);
		assert_true(S_ISCHR(st.st_mode));
	}
}

/* Issue 18: a new export is private (0600) whatever the umask, as the database is; a file
 * the user already has keeps its mode. */
static void new_files_private(void **state)
{
	(void)state;
	char path[128], err[256];
	snprintf(path, sizeof path, "%s/notes.json", dir);
	mode_t old = umask(022);
	struct atomic_file af;
	assert_int_equal(atomic_open(path, &af, err, sizeof err), 0);
	fputs("{}", af.f);
	assert_int_equal(atomic_commit(&af, err, sizeof err), 0);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	chmod(path, 0644);
	assert_int_equal(atomic_open(path, &af, err, sizeof err), 0);
	fputs("{\"again\":1}", af.f);
	assert_int_equal(atomic_commit(&af, err, sizeof err), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	umask(old);
}

/* Issue 18: a full disk is named as such, whether the write or the commit finds it. */
static void full_disk_said(void **state)
{
	(void)state;
	if (access("/dev/full", W_OK) != 0)
		skip();
	char path[128], err[256];
	snprintf(path, sizeof path, "%s/full.json", dir);
	struct atomic_file af;
	assert_int_equal(atomic_open(path, &af, err, sizeof err), 0);
	fclose(af.f);
	af.f = fopen("/dev/full", "w");
	assert_non_null(af.f);
	for (int i = 0; i < 10000; i++)      /* past stdio's buffer: the write itself fails */
		fputs("a note that does not fit ", af.f);
	atomic_fail(&af, err, sizeof err);
	assert_non_null(strstr(err, "cannot write '"));
	assert_non_null(strstr(err, "the disk is full"));
	assert_null(slurp(path));
	assert_int_equal(entries(), 0);
	assert_null(atomic_pending());
	/* Found only by the commit's flush. */
	assert_int_equal(atomic_open(path, &af, err, sizeof err), 0);
	fclose(af.f);
	af.f = fopen("/dev/full", "w");
	fputs("x", af.f);
	assert_int_equal(atomic_commit(&af, err, sizeof err), -1);
	assert_non_null(strstr(err, "the disk is full"));
	assert_int_equal(entries(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(commit_replaces, setup, teardown),
		cmocka_unit_test_setup_teardown(abort_leaves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(unwritable, setup, teardown),
		cmocka_unit_test_setup_teardown(not_a_regular_file, setup, teardown),
		cmocka_unit_test_setup_teardown(new_files_private, setup, teardown),
		cmocka_unit_test_setup_teardown(full_disk_said, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
