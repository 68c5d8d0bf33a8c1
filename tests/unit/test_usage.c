/* test_usage.c: the command line's table is whole (every command has a summary, operands,
 * exit codes the man page's EXIT STATUS lists; getopt tables build and have no clashes), its
 * help fits 79 columns, its roff is clean for mandoc, and mistyped commands get the right
 * suggestion. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cli/usage.h"
#include "doc/shape.h"
#include "export/export.h"

/* What f wrote, as a string (caller frees). */
static char *captured(int (*write)(FILE *, const char *), const char *arg)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(write(f, arg), 0);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static int write_main(FILE *f, const char *unused)
{
	(void)unused;
	return usage_write_main(f);
}

static void every_command_is_whole(void **state)
{
	(void)state;
	int ncmd = 0;
	for (const struct usage_row *c = usage_table; c->kind != U_END; c++) {
		if (c->kind != U_CMD)
			continue;
		ncmd++;
		assert_non_null(c->name);
		assert_non_null(c->arg);
		assert_true(c->text && *c->text);
		assert_ptr_equal(usage_find(c->name), c);
		int exits = 0;
		for (const struct usage_row *r = c + 1; r->kind != U_END && r->kind != U_CMD; r++) {
			if (r->kind == U_EXIT) {
				exits++;
				/* The man page's EXIT STATUS (gavel's own rows) names every code. */
				int listed = 0;
				for (const struct usage_row *g = usage_find("") + 1; g->kind != U_CMD; g++)
					listed |= g->kind == U_EXIT && g->code == r->code;
				if (!listed)
					fail_msg("%s: exit %d is not in gavel's own list", c->name, r->code);
			}
			if (r->kind == U_OPT || r->kind == U_TEXT || r->kind == U_EXIT)
				assert_true(r->text && *r->text);
			if (r->kind == U_COMMON) {
				/* Names one of gavel's shared options. */
				int found = 0;
				for (const struct usage_row *g = usage_find("") + 1; g->kind != U_CMD; g++)
					found |= g->kind == U_OPT && (g->flags & U_SHARED) &&
					         strcmp(g->name, r->name) == 0;
				if (!found)
					fail_msg("%s: --%s is not a shared option", c->name, r->name);
			}
		}
		assert_true(exits > 0);
	}
	assert_true(ncmd >= 10);
}

/* Every command's getopt table builds, without two options of one name, letter or code. */
static void getopt_tables_build(void **state)
{
	(void)state;
	for (const struct usage_row *c = usage_table; c->kind != U_END; c++) {
		if (c->kind != U_CMD)
			continue;
		struct usage_getopt g;
		assert_int_equal(usage_getopt_init(&g, c->name), 0);
		assert_true(g.ready);
		size_t n = 0;
		while (g.longopts[n].name)
			n++;
		assert_true(n >= 2);
		int help = 0;
		for (size_t i = 0; i < n; i++) {
			help |= strcmp(g.longopts[i].name, "help") == 0;
			for (size_t j = i + 1; j < n; j++) {
				assert_string_not_equal(g.longopts[i].name, g.longopts[j].name);
				/* Two spellings of one option share a code; nothing else does. */
				if (g.longopts[i].val == g.longopts[j].val &&
				    !(strcmp(g.longopts[i].name, "color") == 0 &&
				      strcmp(g.longopts[j].name, "colour") == 0))
					fail_msg("%s: --%s and --%s share a code", c->name,
					         g.longopts[i].name, g.longopts[j].name);
			}
		}
		assert_true(help);
		const char *s = g.shortopts;
		for (const char *p = s; *p; p++)
			if (*p != ':' && *p != '+')
				assert_null(strchr(p + 1, *p));
		/* Only gavel itself and commands with subcommands stop at their first operand. */
		int group = !*c->name || strcmp(c->name, "notes") == 0;
		assert_int_equal(s[0] == '+', group);
	}
	struct usage_getopt g;
	assert_int_equal(usage_getopt_init(&g, "no-such-command"), -1);
}

/* Lines of s longer than `max` columns (UTF-8 code points). */
static int long_lines(const char *s, size_t max)
{
	int bad = 0;
	while (*s) {
		size_t n = strcspn(s, "\n"), cols = 0;
		for (size_t i = 0; i < n; i++)
			cols += ((unsigned char)s[i] & 0xC0) != 0x80;
		if (cols > max) {
			print_message("too long (%zu): %.*s\n", cols, (int)n, s);
			bad++;
		}
		s += n + (s[n] == '\n');
	}
	return bad;
}

static int write_cmd(FILE *f, const char *cmd)
{
	return usage_write_command(f, cmd);
}

static void help_fits_and_says_everything(void **state)
{
	(void)state;
	char *m = captured(write_main, NULL);
	assert_int_equal(long_lines(m, 79), 0);
	assert_non_null(strstr(m, "Usage: gavel [OPTION]... [FILE]"));
	for (const struct usage_row *c = usage_table; c->kind != U_END; c++)
		if (c->kind == U_CMD && *c->name) {
			char want[64];
			snprintf(want, sizeof want, "  %s ", c->name);
			if (!strstr(m, want))
				fail_msg("gavel --help does not list %s", c->name);
		}
	assert_non_null(strstr(m, "--db PATH"));
	assert_non_null(strstr(m, "-V, --version"));
	free(m);

	for (const struct usage_row *c = usage_table; c->kind != U_END; c++) {
		if (c->kind != U_CMD || !*c->name)
			continue;
		char *h = captured(write_cmd, c->name);
		assert_int_equal(long_lines(h, 79), 0);
		char want[64];
		snprintf(want, sizeof want, "Usage: gavel %s ", c->name);
		assert_int_equal(strncmp(h, want, strlen(want)), 0);
		assert_non_null(strstr(h, "-h, --help"));
		assert_non_null(strstr(h, "Exit status:"));
		/* Its own options, but not the hidden spellings. */
		for (const struct usage_row *r = c + 1; r->kind != U_END && r->kind != U_CMD; r++) {
			if (r->kind != U_OPT && r->kind != U_COMMON)
				continue;
			char opt[64];
			snprintf(opt, sizeof opt, "--%s", r->name);
			if (r->kind == U_OPT && (r->flags & U_HIDDEN))
				assert_null(strstr(h, opt));
			else if (!strstr(h, opt))
				fail_msg("gavel %s --help misses %s", c->name, opt);
		}
		free(h);
	}
	assert_int_equal(usage_write_command(stdout, "nothing"), -2);
	assert_int_equal(usage_write_command(stdout, ""), -2);
}

/* Each subcommand has a help of its own: notes list's is not notes'. */
static void subcommands_have_their_own_help(void **state)
{
	(void)state;
	char *notes = captured(write_cmd, "notes");
	char *list = captured(write_cmd, "notes list");
	char *add = captured(write_cmd, "notes add");
	assert_string_not_equal(notes, list);
	assert_non_null(strstr(notes, "gavel notes add "));     /* the group lists them all */
	assert_non_null(strstr(list, "--json"));
	assert_null(strstr(list, "--quote"));
	assert_non_null(strstr(add, "--quote TEXT"));
	assert_non_null(strstr(add, "[--tag TAG]..."));
	free(notes);
	free(list);
	free(add);
}

/* The export formats' list is the exporters' own table. */
static void export_help_lists_every_format(void **state)
{
	(void)state;
	char *h = captured(write_cmd, "export");
	for (const struct export_format *x = export_formats; x->name; x++) {
		char want[64];
		snprintf(want, sizeof want, " %s ", x->name);
		if (!strstr(h, want))
			fail_msg("export --help misses the format %s", x->name);
	}
	free(h);
}

/* --input-format's text names every shape of the input-shape table. */
static void input_format_help_names_every_shape(void **state)
{
	(void)state;
	const struct usage_row *o = NULL;
	for (const struct usage_row *r = usage_find("") + 1; r->kind != U_CMD; r++)
		if (r->kind == U_OPT && strcmp(r->name, "input-format") == 0)
			o = r;
	assert_non_null(o);
	for (size_t i = 0; i < input_nshapes; i++) {
		char want[64];
		snprintf(want, sizeof want, " %s", input_shapes[i].name);
		if (!strstr(o->text, want))
			fail_msg("--input-format's help misses the shape %s", input_shapes[i].name);
	}
}

static int write_roff(FILE *f, const char *which)
{
	return usage_write_roff(f, which);
}

/* Roff that mandoc's lint and groff -ww accept: lines of at most 80 bytes (but tags), none
 * starting with a quote, ASCII only, minus signs escaped in options. */
static void roff_is_clean(void **state)
{
	(void)state;
	static const char *const sections[] = { "synopsis", "options", "commands", "exit" };
	for (size_t k = 0; k < sizeof sections / sizeof *sections; k++) {
		char *r = captured(write_roff, sections[k]);
		int after_tp = 0;
		for (const char *s = r; *s;) {
			size_t n = strcspn(s, "\n");
			if (!after_tp && s[0] != '.' && n > 80)
				fail_msg("%s: a line of %zu bytes: %.*s", sections[k], n, (int)n, s);
			assert_false(s[0] == '\'');
			for (size_t i = 0; i < n; i++)
				assert_true((unsigned char)s[i] < 0x80);
			after_tp = n == 3 && strncmp(s, ".TP", 3) == 0;
			s += n + (s[n] == '\n');
		}
		assert_null(strstr(r, " --"));      /* an unescaped option */
		assert_null(strstr(r, "\n\n"));     /* a blank line is a paragraph break in roff */
		free(r);
	}
	char *c = captured(write_roff, "commands");
	assert_non_null(strstr(c, "\\fB\\-\\-width\\fR \\fIN\\fR"));
	assert_non_null(strstr(c, "\\fBnotes add\\fR"));
	assert_non_null(strstr(c, "R\\[u00E9]unification"));
	free(c);
	assert_int_equal(usage_write_roff(stdout, "nothing"), -2);
}

static void suggestions(void **state)
{
	(void)state;
	assert_string_equal(usage_suggest("lst"), "notes list");
	assert_string_equal(usage_suggest("exprot"), "export");
	assert_string_equal(usage_suggest("shwo"), "show");
	assert_string_equal(usage_suggest("serach"), "search");
	assert_string_equal(usage_suggest("note"), "notes");
	assert_null(usage_suggest("resolution"));
	assert_null(usage_suggest("xyz"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_command_is_whole),
		cmocka_unit_test(getopt_tables_build),
		cmocka_unit_test(help_fits_and_says_everything),
		cmocka_unit_test(subcommands_have_their_own_help),
		cmocka_unit_test(export_help_lists_every_format),
		cmocka_unit_test(input_format_help_names_every_shape),
		cmocka_unit_test(roff_is_clean),
		cmocka_unit_test(suggestions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
