/* test_view_conf.c: the configuration file: colour names and symbols, warnings, fallbacks. */
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

#include "view/conf.h"

static void defaults(void **state)
{
	(void)state;
	struct conf c;
	conf_defaults(&c);
	const char *keys[] = { "yellow", "green", "blue", "red", "purple" };
	char buf[8];
	for (int i = 0; i < CONF_NCOLORS; i++) {
		assert_string_equal(c.color[i].key, keys[i]);
		assert_string_equal(c.color[i].name, keys[i]);
		assert_int_equal(conf_color_of_key(keys[i]), i);
		assert_string_equal(conf_color_key(i), keys[i]);
		/* Every symbol differs from the others, in UTF-8 and in ASCII. */
		for (int j = 0; j < i; j++) {
			assert_string_not_equal(c.color[i].symbol, c.color[j].symbol);
			assert_int_not_equal(c.color[i].ascii, c.color[j].ascii);
		}
	}
	assert_string_equal(conf_color_symbol(&c, 0, 1, buf), "\u25CF");
	assert_string_equal(conf_color_symbol(&c, 4, 0, buf), "@");
	assert_string_equal(conf_color_symbol(&c, -1, 1, buf), "?");
	assert_null(conf_color_key(5));
	assert_int_equal(conf_color_of_key("orange"), -1);
	assert_int_equal(conf_color_of_key(NULL), -1);
	assert_string_equal(c.export_format, "txt");
	assert_int_equal(c.nwarnings, 0);
}

static void parse_lines(void **state)
{
	(void)state;
	struct conf c;
	conf_defaults(&c);
	const char *text =
		"# my colours\n"
		"  color.yellow.name = important  \r\n"
		"; a comment\n"
		"\n"
		"color.red.name=\" to do \"\n"
		"color.blue.symbol = \xE2\x9C\x93\n"          /* ✓ */
		"color.blue.ascii = v\n"
		"export.format = md\n";
	assert_int_equal(conf_parse(&c, text, strlen(text), "test"), 0);
	assert_string_equal(c.color[0].name, "important");
	assert_string_equal(c.color[3].name, " to do ");
	assert_string_equal(c.color[2].symbol, "\xE2\x9C\x93");
	assert_int_equal(c.color[2].ascii, 'v');
	assert_string_equal(c.color[1].name, "green");
	assert_string_equal(c.export_format, "md");
	/* Names, keys and numbers all find a colour; case does not matter. */
	assert_int_equal(conf_color_find(&c, "important"), 0);
	assert_int_equal(conf_color_find(&c, "IMPORTANT"), 0);
	assert_int_equal(conf_color_find(&c, "yellow"), 0);
	assert_int_equal(conf_color_find(&c, "3"), 2);
	assert_int_equal(conf_color_find(&c, "6"), -1);
	assert_int_equal(conf_color_find(&c, "nope"), -1);
	assert_int_equal(conf_color_find(&c, ""), -1);
	assert_int_equal(conf_color_find(&c, NULL), -1);
}

/* Bad lines are skipped with a warning naming the line; good ones around them apply. */
static void bad_lines(void **state)
{
	(void)state;
	struct conf c;
	conf_defaults(&c);
	const char text[] =
		"color.orange.name = x\n"                      /* 1: unknown colour */
		"color.green.name = ok\n"                      /* 2: fine */
		"color.green.symbol = \xE6\x97\xA5\n"          /* 3: double width */
		"color.green.symbol = ab\n"                    /* 4: two characters */
		"color.green.ascii = \xC3\xA9\n"               /* 5: not ASCII */
		"color.green.name = \x1b[31mred\n"             /* 6: escape sequence */
		"color.green.name = 1234567890123456789012345\n"  /* 7: too long */
		"color.green.colour = x\n"                     /* 8: unknown key */
		"just words\n"                                 /* 9: no '=' */
		"export.format = pdf\n"                        /* 10 */
		"= value\n"                                    /* 11 */
		"color.green.name = \xff\xfe\n"                /* 12: invalid UTF-8 */
		"frobnicate = 1\n";                            /* 13 */
	assert_int_equal(conf_parse(&c, text, sizeof text - 1, "cfg"), 12);
	assert_string_equal(c.color[1].name, "ok");
	assert_string_equal(c.color[1].symbol, "\u25B2");
	assert_int_equal(c.color[1].ascii, '^');
	assert_string_equal(c.export_format, "txt");
	assert_non_null(strstr(c.warnings, "cfg:1: "));
	assert_non_null(strstr(c.warnings, "cfg:3: "));
	assert_null(strstr(c.warnings, "cfg:2: "));
	assert_null(strchr(c.warnings, '\x1b'));
	/* A NUL byte and an overlong line are warned about, not trusted. */
	conf_defaults(&c);
	const char nul[] = "color.red.name = a\0b\n";
	assert_int_equal(conf_parse(&c, nul, sizeof nul - 1, "n"), 1);
	assert_string_equal(c.color[3].name, "red");
	char *big = malloc(2000);
	assert_non_null(big);
	memset(big, 'x', 2000);
	assert_int_equal(conf_parse(&c, big, 2000, "big"), 1);
	free(big);
	/* Many warnings never overflow the buffer. */
	conf_defaults(&c);
	char many[4000] = "";
	for (int i = 0; i < 200; i++)
		strcat(many, "bad\n");
	assert_int_equal(conf_parse(&c, many, strlen(many), "m"), 200);
	assert_true(strlen(c.warnings) < sizeof c.warnings);
}

static void files_and_paths(void **state)
{
	(void)state;
	char dir[] = "/tmp/gavel-conf-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/gavel/config", dir);
	setenv("XDG_CONFIG_HOME", dir, 1);
	char *p = conf_default_path();
	assert_string_equal(p, path);
	free(p);
	setenv("XDG_CONFIG_HOME", "relative/dir", 1);      /* ignored, as the spec says */
	setenv("HOME", "/home/someone", 1);
	p = conf_default_path();
	assert_string_equal(p, "/home/someone/.config/gavel/config");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	assert_null(conf_default_path());

	struct conf c;
	conf_defaults(&c);
	assert_int_equal(conf_load(&c, path), 0);            /* missing: defaults */
	assert_int_equal(c.nwarnings, 0);
	char sub[128];
	snprintf(sub, sizeof sub, "%s/gavel", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("color.purple.name = later\n", f);
	fclose(f);
	assert_int_equal(conf_load(&c, path), 0);
	assert_string_equal(c.color[4].name, "later");
	/* A directory where the file should be cannot be read: a warning, defaults kept. */
	conf_defaults(&c);
	assert_int_equal(conf_load(&c, sub), -1);
	assert_true(c.nwarnings > 0);
	/* Too big to be a configuration. */
	f = fopen(path, "w");
	assert_non_null(f);
	for (int i = 0; i < 70000; i++)
		fputc('#', f);
	fclose(f);
	conf_defaults(&c);
	assert_int_equal(conf_load(&c, path), -1);
	assert_non_null(strstr(c.warnings, "64 KiB"));
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* The example shipped in share/ is read without a single warning. */
static void shipped_example(void **state)
{
	(void)state;
	struct conf c;
	conf_defaults(&c);
	assert_int_equal(conf_load(&c, ABS_TOP_SRCDIR "/share/config.example"), 0);
	assert_int_equal(c.nwarnings, 0);
	assert_string_equal(c.color[4].name, "follow up");
	assert_int_equal(conf_color_find(&c, "Follow Up"), 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(parse_lines),
		cmocka_unit_test(bad_lines),
		cmocka_unit_test(files_and_paths),
		cmocka_unit_test(shipped_example),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
