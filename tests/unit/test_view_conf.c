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
#include "view/keymap.h"

/* Whether one of the warnings holds s. */
static int warned(const struct conf *c, const char *s)
{
	for (size_t i = 0; i < c->nwarnings && i < CONF_WARNINGS_MAX; i++)
		if (strstr(c->warnings[i], s))
			return 1;
	return 0;
}

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
	/* Every bad line is reported, by line number, none of the good ones. */
	assert_int_equal(c.nwarnings, 12);
	for (int line = 1; line <= 13; line++) {
		char at[16];
		snprintf(at, sizeof at, "cfg:%d: ", line);
		assert_int_equal(warned(&c, at), line != 2);
	}
	for (size_t i = 0; i < c.nwarnings; i++)
		assert_null(strchr(c.warnings[i], '\x1b'));
	assert_true(warned(&c, "invalid symbol"));
	/* A NUL byte and an overlong line are warned about, not trusted. */
	conf_free(&c);
	conf_defaults(&c);
	const char nul[] = "color.red.name = a\0b\n";
	assert_int_equal(conf_parse(&c, nul, sizeof nul - 1, "n"), 1);
	assert_string_equal(c.color[3].name, "red");
	char *big = malloc(2000);
	assert_non_null(big);
	memset(big, 'x', 2000);
	assert_int_equal(conf_parse(&c, big, 2000, "big"), 1);
	free(big);
	/* Many warnings are all counted, the first ones kept. */
	conf_free(&c);
	conf_defaults(&c);
	char many[4000] = "";
	for (int i = 0; i < 200; i++)
		strcat(many, "bad\n");
	assert_int_equal(conf_parse(&c, many, strlen(many), "m"), 200);
	assert_int_equal(c.nwarnings, 200);
	assert_non_null(strstr(c.warnings[CONF_WARNINGS_MAX - 1], "m:100: "));
	conf_free(&c);
}

/* Symbols that would not show, or would not show as one cell, are refused by name. */
static void symbols(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"\" \"",                 /* a space */
		"\xE2\x80\x8B",        /* zero width space */
		"\xCC\x81",             /* a combining mark alone */
		"\xC2\xAD",             /* soft hyphen (a format character) */
		"\xEF\xBF\xBD",        /* the replacement character */
		"\xE2\x80\x83",        /* em space */
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct conf c;
		conf_defaults(&c);
		char line[64];
		snprintf(line, sizeof line, "color.red.symbol = %s\n", bad[i]);
		assert_int_equal(conf_parse(&c, line, strlen(line), "s"), 1);
		assert_true(warned(&c, "invalid symbol"));
		assert_string_equal(c.color[3].symbol, "\u25C6");
		conf_free(&c);
	}
	struct conf c;
	conf_defaults(&c);
	const char ok[] = "color.red.symbol = \xE2\x9C\x97\ncolor.red.ascii = x\n";   /* ✗ */
	assert_int_equal(conf_parse(&c, ok, sizeof ok - 1, "s"), 0);
	assert_string_equal(c.color[3].symbol, "\xE2\x9C\x97");
	conf_free(&c);
}

/* `bind` and `color` lines, checked as they are read; settings of issue 17. */
static void bind_color_and_settings(void **state)
{
	(void)state;
	struct conf c;
	conf_defaults(&c);
	const char text[] =
		"bind reader x quit\n"                      /* 1 */
		"bind generic <C-n> line-down\n"            /* 2 */
		"bind select m color-2\n"                   /* 3 */
		"bind reader Q none\n"                      /* 4 */
		"bind nowhere x quit\n"                     /* 5: unknown mode */
		"bind reader F13 quit\n"                    /* 6: unknown key */
		"bind reader x frobnicate\n"                /* 7: unknown action */
		"bind help z zoom\n"                        /* 8: does nothing there */
		"bind reader x\n"                           /* 9: too few words */
		"color title-focus white blue bold\n"       /* 10 */
		"color match black brightgreen underline,bold\n"  /* 11 */
		"color selection default default reverse\n" /* 12 */
		"color status color208\n"                   /* 13 */
		"color nowhere red\n"                       /* 14: unknown area */
		"color title mauve\n"                       /* 15: unknown colour */
		"color title red blue shiny\n"              /* 16: unknown attribute */
		"copy.command = wl-copy\n"                  /* 17 */
		"set footnotes.follow = no\n"               /* 18 */
		"copy.file = ~/quotes.txt\n"                /* 19 */
		"key.quit = x\n"                            /* 20: the old way */
		"footnotes.follow = maybe\n";               /* 21 */
	assert_int_equal(conf_parse(&c, text, sizeof text - 1, "k"), 10);
	for (int l = 5; l <= 9; l++) {
		char at[16];
		snprintf(at, sizeof at, "k:%d: ", l);
		assert_true(warned(&c, at));
	}
	assert_true(warned(&c, "unknown mode 'nowhere'"));
	assert_true(warned(&c, "unknown key 'F13'"));
	assert_true(warned(&c, "unknown action 'frobnicate'"));
	assert_true(warned(&c, "'zoom' does nothing in mode 'help'"));
	assert_true(warned(&c, "k:14: unknown area 'nowhere'"));
	assert_true(warned(&c, "k:15: unknown colour 'mauve'"));
	assert_true(warned(&c, "k:16: unknown colour or attribute 'shiny'"));
	assert_true(warned(&c, "k:20: unknown key 'key.quit' (keys are bound with 'bind"));
	assert_true(warned(&c, "k:21: "));
	assert_int_equal(c.nbinds, 4);
	assert_int_equal(c.binds[0].map, MODE_READ);
	assert_int_equal(c.binds[0].key, 'x');
	assert_int_equal(c.binds[0].action, ACT_QUIT);
	assert_int_equal(c.binds[1].map, KEYMAP_GENERIC);
	assert_int_equal(c.binds[1].key, VK_CTRL('n'));
	assert_int_equal(c.binds[3].action, ACT_NONE);
	const struct conf_style *t = &c.style[STYLE_TITLE_FOCUS];
	assert_true(t->set);
	assert_int_equal(t->fg, SC_WHITE);
	assert_int_equal(t->bg, SC_BLUE);
	assert_int_equal(t->attrs, SA_BOLD);
	assert_int_equal(c.style[STYLE_MATCH].bg, 10);
	assert_int_equal(c.style[STYLE_MATCH].attrs, SA_UNDERLINE | SA_BOLD);
	assert_int_equal(c.style[STYLE_SELECTION].attrs, SA_REVERSE);
	assert_int_equal(c.style[STYLE_STATUS].fg, 208);
	assert_int_equal(c.style[STYLE_STATUS].bg, SC_DEFAULT);
	assert_false(c.style[STYLE_STATUS].has_attrs);
	assert_false(c.style[STYLE_TITLE].set);
	assert_string_equal(c.copy_command, "wl-copy");
	assert_string_equal(c.copy_file, "~/quotes.txt");
	assert_int_equal(c.follow, 0);
	conf_free(&c);
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
	conf_free(&c);
	conf_defaults(&c);
	assert_int_equal(conf_load(&c, sub), -1);
	assert_true(c.nwarnings > 0);
	/* Too big to be a configuration. */
	f = fopen(path, "w");
	assert_non_null(f);
	for (int i = 0; i < 70000; i++)
		fputc('#', f);
	fclose(f);
	conf_free(&c);
	conf_defaults(&c);
	assert_int_equal(conf_load(&c, path), -1);
	assert_true(warned(&c, "64 KiB"));
	conf_free(&c);
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
	conf_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(parse_lines),
		cmocka_unit_test(bad_lines),
		cmocka_unit_test(symbols),
		cmocka_unit_test(bind_color_and_settings),
		cmocka_unit_test(files_and_paths),
		cmocka_unit_test(shipped_example),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
