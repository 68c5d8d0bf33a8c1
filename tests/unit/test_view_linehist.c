/* test_view_linehist.c: the history of commands and searches: browsing by prefix, the file,
 * and the merge with what another gavel wrote meanwhile. */
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

#include "view/linehist.h"

static void browsing(void **state)
{
	(void)state;
	struct linehist h;
	memset(&h, 0, sizeof h);
	h.at = -1;
	h.path = strdup("/dev/null/none");
	linehist_add(&h, LINEHIST_SEARCH, "migrant");
	linehist_add(&h, LINEHIST_SEARCH, "consular");
	linehist_add(&h, LINEHIST_SEARCH, "consular");     /* the same again: once */
	linehist_add(&h, LINEHIST_SEARCH, "");             /* empty: never */
	linehist_add(&h, LINEHIST_COMMAND, "op 10");
	assert_int_equal(h.n[LINEHIST_SEARCH], 2);
	linehist_start(&h, LINEHIST_SEARCH, "");
	assert_string_equal(linehist_step(&h, -1), "consular");
	assert_string_equal(linehist_step(&h, -1), "migrant");
	assert_null(linehist_step(&h, -1));
	assert_string_equal(linehist_step(&h, 1), "consular");
	assert_string_equal(linehist_step(&h, 1), "");
	assert_null(linehist_step(&h, 1));
	/* By prefix, as vim's Up. */
	linehist_start(&h, LINEHIST_SEARCH, "mi");
	assert_string_equal(linehist_step(&h, -1), "migrant");
	assert_null(linehist_step(&h, -1));
	assert_string_equal(linehist_step(&h, 1), "mi");
	/* Used again, a line becomes the newest. */
	linehist_add(&h, LINEHIST_SEARCH, "migrant");
	linehist_start(&h, LINEHIST_SEARCH, "");
	assert_string_equal(linehist_step(&h, -1), "migrant");
	/* Never more than LINEHIST_MAX. */
	for (int i = 0; i < LINEHIST_MAX + 20; i++) {
		char s[16];
		snprintf(s, sizeof s, "op %d", i);
		linehist_add(&h, LINEHIST_COMMAND, s);
	}
	assert_int_equal(h.n[LINEHIST_COMMAND], LINEHIST_MAX);
	linehist_free(&h);
}

static void file_and_merge(void **state)
{
	(void)state;
	char dir[] = "/tmp/gavel-hist-XXXXXX";
	assert_non_null(mkdtemp(dir));
	setenv("XDG_STATE_HOME", dir, 1);
	char *path = linehist_default_path();
	char want[128];
	snprintf(want, sizeof want, "%s/gavel/history", dir);
	assert_string_equal(path, want);
	free(path);
	/* Two readers at once: each adds a line, both are kept. */
	struct linehist a, b;
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	a.at = b.at = -1;
	char err[256];
	assert_int_equal(linehist_save(&a, err, sizeof err), 0);     /* nothing new: no file */
	snprintf(want, sizeof want, "%s/gavel/history", dir);
	assert_int_not_equal(access(want, F_OK), 0);
	linehist_add(&a, LINEHIST_SEARCH, "from a");
	linehist_add(&b, LINEHIST_COMMAND, "op 7");
	linehist_add(&b, LINEHIST_SEARCH, "from b");
	assert_int_equal(linehist_save(&a, err, sizeof err), 0);
	assert_int_equal(linehist_save(&b, err, sizeof err), 0);
	struct stat st;
	assert_int_equal(stat(want, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	linehist_free(&a);
	linehist_free(&b);
	struct linehist c;
	memset(&c, 0, sizeof c);
	c.at = -1;
	linehist_start(&c, LINEHIST_SEARCH, "");
	assert_string_equal(linehist_step(&c, -1), "from b");
	assert_string_equal(linehist_step(&c, -1), "from a");
	linehist_start(&c, LINEHIST_COMMAND, "");
	assert_string_equal(linehist_step(&c, -1), "op 7");
	linehist_free(&c);
	/* A line with a control character in the file is not trusted. */
	FILE *f = fopen(want, "a");
	assert_non_null(f);
	fputs("/evil\x1b[2J\n:ok\n", f);
	fclose(f);
	memset(&c, 0, sizeof c);
	c.at = -1;
	linehist_start(&c, LINEHIST_SEARCH, "evil");
	assert_null(linehist_step(&c, -1));
	linehist_start(&c, LINEHIST_COMMAND, "");
	assert_string_equal(linehist_step(&c, -1), "ok");
	linehist_free(&c);
	unsetenv("XDG_STATE_HOME");
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(browsing),
		cmocka_unit_test(file_and_merge),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
