/* test_view_command.c: the ":" command line and id completion. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "view/command.h"
#include "view_fixture.h"

static struct resolution *res;
static struct collection *col;

static int setup(void **state)
{
	(void)state;
	struct resolution *docs[2];
	docs[0] = res = fx_resolution(12, 5);
	docs[1] = fx_resolution(3, 5);
	free(docs[1]->meta.number);
	docs[1]->meta.number = strdup("99/2");
	free(docs[1]->meta.symbol);
	docs[1]->meta.symbol = strdup("A/RES/99/2");
	col = fx_collection(docs, 2);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	collection_free(col);
	return 0;
}

static int go(const char *line)
{
	struct command c;
	command_parse(line, col, 0, res, &c);
	if (c.kind != CMD_GOTO)
		return -1;
	return c.para;
}

static void goto_forms(void **state)
{
	(void)state;
	assert_int_equal(go("op 10"), res_find(res, "op10"));
	assert_int_equal(go("op10"), res_find(res, "op10"));
	assert_int_equal(go(":op 10"), res_find(res, "op10"));
	assert_int_equal(go("10"), res_find(res, "op10"));
	assert_int_equal(go("pp 3"), res_find(res, "pp3"));
	assert_int_equal(go("fn 16"), res_find(res, "fn16"));
	assert_int_equal(go("op 3.b.ii"), res_find(res, "op3.b.ii"));
	assert_int_equal(go("op 3 (b) (ii)"), res_find(res, "op3.b.ii"));
	assert_int_equal(go("op 3(B)(ii)"), res_find(res, "op3.b.ii"));
	assert_int_equal(go("op 3b"), res_find(res, "op3.b"));
	assert_int_equal(go("annex 1"), res_find(res, "annex1"));
	assert_int_equal(go("annex a"), res_find(res, "annex1"));
	assert_int_equal(go("annex1.p1"), res_find(res, "annex1.p1"));
	assert_int_equal(go("op3.a"), res_find(res, "op3.a"));
}

static void errors_and_others(void **state)
{
	(void)state;
	struct command c;
	command_parse("op 99", col, 0, res, &c);
	assert_int_equal(c.kind, CMD_ERROR);
	assert_non_null(strstr(c.msg, "no OP 99"));
	command_parse("fn 77", col, 0, res, &c);
	assert_int_equal(c.kind, CMD_ERROR);
	command_parse("op", col, 0, res, &c);
	assert_int_equal(c.kind, CMD_ERROR);
	command_parse("frobnicate \x1b[2J", col, 0, res, &c);
	assert_int_equal(c.kind, CMD_ERROR);
	assert_null(strchr(c.msg, '\x1b'));
	command_parse("", col, 0, res, &c);
	assert_int_equal(c.kind, CMD_NONE);
	command_parse("q", col, 0, res, &c);
	assert_int_equal(c.kind, CMD_QUIT);
	command_parse("quit", col, 0, res, &c);
	assert_int_equal(c.kind, CMD_QUIT);
	command_parse("outline", col, 0, res, &c);
	assert_int_equal(c.kind, CMD_OUTLINE);
	command_parse("help", col, 0, res, &c);
	assert_int_equal(c.kind, CMD_HELP);
	command_parse("res 99/2", col, 0, res, &c);
	assert_int_equal(c.kind, CMD_DOC);
	assert_int_equal(c.doc, 1);
	command_parse("res A/RES/99/1", col, 0, res, &c);
	assert_int_equal(c.kind, CMD_DOC);
	assert_int_equal(c.doc, 0);
	command_parse("res", col, 0, res, &c);
	assert_int_equal(c.kind, CMD_DOCS);
	command_parse("res 12/34", col, 0, res, &c);
	assert_int_equal(c.kind, CMD_ERROR);
	/* A very long line does not overflow anything. */
	char longline[2000];
	memset(longline, '9', sizeof longline - 1);
	longline[sizeof longline - 1] = '\0';
	memcpy(longline, "op ", 3);
	command_parse(longline, col, 0, res, &c);
	assert_int_equal(c.kind, CMD_ERROR);
}

static void completion(void **state)
{
	(void)state;
	char *out[32];
	int n = command_complete("op 1", col, res, out, 32);
	assert_int_equal(n, 4);   /* op 1, op 10, op 11, op 12 */
	assert_string_equal(out[0], "op 1");
	assert_string_equal(out[1], "op 10");
	assert_int_equal(command_common_prefix(out, n), 4);
	for (int i = 0; i < n; i++)
		free(out[i]);

	n = command_complete("op 3.b", col, res, out, 32);
	assert_int_equal(n, 3);   /* op3.b, op3.b.i, op3.b.ii */
	assert_string_equal(out[2], "op 3.b.ii");
	for (int i = 0; i < n; i++)
		free(out[i]);

	n = command_complete("fn 1", col, res, out, 32);
	assert_int_equal(n, 8);   /* 1, 10..16 */
	for (int i = 0; i < n; i++)
		free(out[i]);

	n = command_complete("an", col, res, out, 32);
	assert_int_equal(n, 1);
	assert_string_equal(out[0], "annex ");
	free(out[0]);

	n = command_complete("annex ", col, res, out, 32);
	assert_int_equal(n, 1);
	assert_string_equal(out[0], "annex 1");
	free(out[0]);

	n = command_complete("res 99", col, res, out, 32);
	assert_int_equal(n, 2);
	for (int i = 0; i < n; i++)
		free(out[i]);

	/* More candidates than room: the count is right, only `max` are stored. */
	n = command_complete("op ", col, res, out, 3);
	assert_true(n > 3);
	for (int i = 0; i < 3; i++)
		free(out[i]);

	assert_int_equal(command_complete("zz 1", col, res, out, 32), 0);
}

/* A resolution in parts (S/RES/687): "c.op10" is reached as ":op 10" and completes so. */
static void parts(void **state)
{
	(void)state;
	struct resolution *r = res_new();
	r->parts = calloc(2, sizeof *r->parts);
	assert_non_null(r->parts);
	r->nparts = 2;
	r->parts[0].id = strdup("a");
	r->parts[1].id = strdup("c");
	int a = fx_add(r, PARA_OPERATIVE, "a.op2", "OP 2", "2", "Demands;", -1, 0);
	r->paras[a].part = 0;
	int c = fx_add(r, PARA_OPERATIVE, "c.op10", "OP 10", "10", "Decides further;", -1, 0);
	r->paras[c].part = 1;
	struct command cmd;
	command_parse("op 10", NULL, 0, r, &cmd);
	assert_int_equal(cmd.kind, CMD_GOTO);
	assert_int_equal(cmd.para, c);
	command_parse("op c.10", NULL, 0, r, &cmd);
	assert_int_equal(cmd.para, c);
	command_parse("c.op10", NULL, 0, r, &cmd);
	assert_int_equal(cmd.para, c);
	char *out[8];
	int n = command_complete("op 1", NULL, r, out, 8);
	assert_int_equal(n, 1);
	assert_string_equal(out[0], "op 10");
	free(out[0]);
	res_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(goto_forms),
		cmocka_unit_test(errors_and_others),
		cmocka_unit_test(completion),
		cmocka_unit_test(parts),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
