/* test_view_extedit.c: a note through $VISUAL/$EDITOR, with scripted editors. */
#include "config.h"

#include <dirent.h>
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

#include "view/extedit.h"

static char dir[] = "/tmp/gavel-ed-XXXXXX";

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	setenv("TMPDIR", dir, 1);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[96];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Files left in the temporary directory (besides the test's own). */
static int leftovers(void)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	for (struct dirent *e; (e = readdir(d));)
		n += strncmp(e->d_name, "gavel-note-", 11) == 0;
	closedir(d);
	return n;
}

static void command_order(void **state)
{
	(void)state;
	setenv("VISUAL", "vis", 1);
	setenv("EDITOR", "ed", 1);
	assert_string_equal(extedit_command(), "vis");
	setenv("VISUAL", "", 1);
	assert_string_equal(extedit_command(), "ed");
	unsetenv("VISUAL");
	unsetenv("EDITOR");
	assert_string_equal(extedit_command(), "vi");
}

static void round_trip(void **state)
{
	(void)state;
	char *out = NULL, err[256];
	unsetenv("EDITOR");
	/* An editor with arguments, as EDITOR often is; the text comes back without its newline. */
	setenv("VISUAL", "sed -i -e s/draft/final/ -e '$a second line'", 1);
	assert_int_equal(extedit_run("a draft note, \xC3\xA9t\xC3\xA9", &out, err, sizeof err), 0);
	assert_string_equal(out, "a final note, \xC3\xA9t\xC3\xA9\nsecond line");
	free(out);
	assert_int_equal(leftovers(), 0);
	/* The file is private: the "editor" records its mode. */
	char script[256];
	snprintf(script, sizeof script, "sh -c 'stat -c %%a \"$1\" > %s/mode' sh", dir);
	setenv("VISUAL", script, 1);
	assert_int_equal(extedit_run(NULL, &out, err, sizeof err), 0);
	assert_string_equal(out, "");
	free(out);
	char path[128], mode[16] = "";
	snprintf(path, sizeof path, "%s/mode", dir);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(mode, sizeof mode, f));
	fclose(f);
	assert_string_equal(mode, "600\n");
	/* A file name with a space and a quote in TMPDIR still reaches the editor whole. */
	char odd[128];
	snprintf(odd, sizeof odd, "%s/it's here", dir);
	assert_int_equal(mkdir(odd, 0700), 0);
	setenv("TMPDIR", odd, 1);
	setenv("VISUAL", "sed -i s/x/y/", 1);
	assert_int_equal(extedit_run("x", &out, err, sizeof err), 0);
	assert_string_equal(out, "y");
	free(out);
	setenv("TMPDIR", dir, 1);
}

static void failures(void **state)
{
	(void)state;
	char *out = (char *)1, err[256];
	setenv("VISUAL", "false", 1);
	assert_int_equal(extedit_run("keep", &out, err, sizeof err), 1);
	assert_null(out);
	assert_non_null(strstr(err, "status 1"));
	assert_int_equal(leftovers(), 0);
	setenv("VISUAL", "/nonexistent/editor", 1);
	assert_int_equal(extedit_run("keep", &out, err, sizeof err), 1);
	assert_non_null(strstr(err, "127"));
	/* The editor removed the file: a clear error, nothing returned. */
	setenv("VISUAL", "rm", 1);
	assert_int_equal(extedit_run("x", &out, err, sizeof err), -1);
	assert_null(out);
	assert_non_null(strstr(err, "read"));
	/* No place for the temporary file. */
	setenv("TMPDIR", "/proc/gavel-missing/dir", 1);  /* /proc: nobody can create it */
	setenv("VISUAL", "true", 1);
	assert_int_equal(extedit_run("x", &out, err, sizeof err), -1);
	assert_non_null(strstr(err, "temporary"));
	setenv("TMPDIR", dir, 1);
	unsetenv("VISUAL");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(command_order),
		cmocka_unit_test(round_trip),
		cmocka_unit_test(failures),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
