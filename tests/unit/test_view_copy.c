/* test_view_copy.c: quotes with their citation, OSC 52, the copy command and the quotes file. */
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

#include "view/copy.h"
#include "view_fixture.h"

static void citations(void **state)
{
	(void)state;
	struct resolution *r = fx_resolution(12, 10);
	int op10 = res_find(r, "op10");
	/* The whole paragraph: no ellipsis, the export's citation. */
	char *s = copy_citation(r, op10, 0, 0);
	assert_non_null(s);
	assert_int_equal(strncmp(s, "\u201CReaffirms the", strlen("\u201CReaffirms the")), 0);
	assert_non_null(strstr(s, "\u201D (A/RES/99/1, para. 10)"));
	assert_null(strstr(s, "\u2026"));
	free(s);
	/* Words inside it: an ellipsis on each side that is cut. */
	s = copy_citation(r, op10, 10, 13);
	assert_string_equal(s, "\u201C\u2026 the \u2026\u201D (A/RES/99/1, para. 10)");
	free(s);
	s = copy_citation(r, op10, 0, 9);
	assert_string_equal(s, "\u201CReaffirms \u2026\u201D (A/RES/99/1, para. 10)");
	free(s);
	/* A sub-paragraph, a preambular paragraph, a footnote: cited as the export cites them. */
	s = copy_citation(r, res_find(r, "op3.b.ii"), 0, 0);
	assert_non_null(strstr(s, "(A/RES/99/1, para. 3 (b) (ii))"));
	free(s);
	s = copy_citation(r, res_find(r, "pp2"), 0, 0);
	assert_non_null(strstr(s, "(A/RES/99/1, preambular para. 2)"));
	free(s);
	s = copy_citation(r, res_find(r, "fn16"), 0, 0);
	assert_non_null(strstr(s, "(A/RES/99/1, footnote 16)"));
	free(s);
	assert_null(copy_citation(r, -1, 0, 0));
	assert_null(copy_citation(r, op10, 5, 5));
	/* A quote known by its words only (an orphaned note), on one line. */
	s = copy_citation_of(r, "op99", "two\nlines\x1b[31m", 0, 1);
	assert_non_null(s);
	assert_null(strchr(s, '\n'));
	assert_null(strchr(s, '\x1b'));
	assert_non_null(strstr(s, "\u201C\u2026 two lines"));
	free(s);
	res_free(r);
}

static void osc52(void **state)
{
	(void)state;
	char *s = copy_osc52("Hi!");
	assert_string_equal(s, "\033]52;c;SGkh\a");
	free(s);
	s = copy_osc52("\u201Ca\u201D");
	assert_string_equal(s, "\033]52;c;4oCcYeKAnQ==\a");
	free(s);
	s = copy_osc52("");
	assert_string_equal(s, "\033]52;c;\a");
	free(s);
}

static void command_and_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/gavel-copy-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char cmd[256], out[128], err[256];
	snprintf(out, sizeof out, "%s/clip", dir);
	snprintf(cmd, sizeof cmd, "cat > '%s'", out);
	assert_int_equal(copy_run(cmd, "\u201Cquote\u201D (X, para. 1)", err, sizeof err), 0);
	FILE *f = fopen(out, "r");
	assert_non_null(f);
	char buf[256] = "";
	assert_non_null(fgets(buf, sizeof buf, f));
	fclose(f);
	assert_string_equal(buf, "\u201Cquote\u201D (X, para. 1)");
	/* A command that fails, or that does not read what it is given, says so. */
	assert_int_equal(copy_run("exit 3", "x", err, sizeof err), -1);
	assert_non_null(strstr(err, "status 3"));
	assert_int_equal(copy_run("true", "not read", err, sizeof err), 0);
	/* One that hangs is stopped: the reader never waits for long. */
	assert_int_equal(copy_run("sleep 60", "x", err, sizeof err), -1);
	assert_non_null(strstr(err, "did not finish"));
	/* The quotes file grows one line per quote. */
	char path[128];
	snprintf(path, sizeof path, "%s/quotes.txt", dir);
	assert_int_equal(copy_append(path, "one", err, sizeof err), 0);
	assert_int_equal(copy_append(path, "two", err, sizeof err), 0);
	f = fopen(path, "r");
	assert_non_null(f);
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	assert_string_equal(buf, "one\ntwo\n");
	snprintf(path, sizeof path, "%s/no/such/dir/q.txt", dir);
	assert_int_equal(copy_append(path, "x", err, sizeof err), -1);
	assert_non_null(strstr(err, "cannot write"));
	/* "~/" is the home directory. */
	setenv("HOME", dir, 1);
	assert_int_equal(copy_append("~/home.txt", "h", err, sizeof err), 0);
	snprintf(path, sizeof path, "%s/home.txt", dir);
	assert_int_equal(access(path, R_OK), 0);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(citations),
		cmocka_unit_test(osc52),
		cmocka_unit_test(command_and_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
