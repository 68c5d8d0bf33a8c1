/* conf.c: reading the reader's configuration file: settings, `bind` and `color` lines. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unictype.h>

#include "text/utf8.h"
#include "text/wrap.h"
#include "view/conf.h"
#include "view/keymap.h"

#define CONF_FILE_MAX (64 * 1024)

static const struct {
	const char *key, *symbol;
	char ascii;
} defaults[CONF_NCOLORS] = {
	{ "yellow", "\u25CF", '*' },   /* ● */
	{ "green", "\u25B2", '^' },    /* ▲ */
	{ "blue", "\u25A0", '#' },     /* ■ */
	{ "red", "\u25C6", '+' },      /* ◆ */
	{ "purple", "\u2605", '@' },   /* ★ */
};

static const char *const formats[] = { "txt", "md", "json", "csv", "annotated" };

void conf_defaults(struct conf *c)
{
	memset(c, 0, sizeof *c);
	for (int i = 0; i < CONF_NCOLORS; i++) {
		c->color[i].key = defaults[i].key;
		snprintf(c->color[i].name, sizeof c->color[i].name, "%s", defaults[i].key);
		snprintf(c->color[i].symbol, sizeof c->color[i].symbol, "%s", defaults[i].symbol);
		c->color[i].ascii = defaults[i].ascii;
	}
	snprintf(c->export_format, sizeof c->export_format, "txt");
	c->follow = 1;
}

void conf_free(struct conf *c)
{
	for (size_t i = 0; i < c->nwarnings && i < CONF_WARNINGS_MAX; i++)
		free(c->warnings[i]);
	free(c->warnings);
	free(c->binds);
	c->warnings = NULL;
	c->binds = NULL;
	c->nwarnings = c->nbinds = 0;
}

char *conf_default_path(void)
{
	const char *x = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char *p = NULL;
	int n;
	/* The XDG spec: a relative $XDG_CONFIG_HOME is invalid and must be ignored. */
	if (x && x[0] == '/')
		n = asprintf(&p, "%s/gavel/config", x);
	else if (home && home[0])
		n = asprintf(&p, "%s/.config/gavel/config", home);
	else
		return NULL;
	return n < 0 ? NULL : p;
}

/* Records a problem: every one is counted, the first CONF_WARNINGS_MAX kept. */
static void warn(struct conf *c, const char *where, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void warn(struct conf *c, const char *where, int line, const char *fmt, ...)
{
	char msg[300], full[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* Never a control character: the warning goes to the status line. */
	for (char *q = msg; *q; q++)
		if ((unsigned char)*q < 0x20 || *q == 0x7f)
			*q = '?';
	snprintf(full, sizeof full, "%s:%d: %s", where, line, msg);
	size_t k = c->nwarnings++;
	if (k >= CONF_WARNINGS_MAX)
		return;
	if (k % 16 == 0) {
		char **nv = realloc(c->warnings, (k + 16) * sizeof *nv);
		if (!nv) {
			c->nwarnings = k;   /* counted as kept: never index past what exists */
			return;
		}
		c->warnings = nv;
	}
	c->warnings[k] = strdup(full);
	if (!c->warnings[k])
		c->nwarnings = k;
}

/* Whether s is clean text for a name: valid UTF-8, no control character. */
static int clean_text(const char *s, size_t n, size_t *chars)
{
	size_t count = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (cp == 0xFFFD && !(k == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
			return 0;
		if (utf8_is_control(cp))
			return 0;
		i += k;
		count++;
	}
	*chars = count;
	return 1;
}

/* A symbol: one visible character (not a space, a format character or a lone mark) one
 * column wide. */
static int good_symbol(const char *s, size_t n)
{
	size_t chars;
	if (!clean_text(s, n, &chars) || chars != 1 || text_width(s, n) != 1)
		return 0;
	uint32_t cp;
	utf8_decode(s, n, &cp);
	return uc_is_graph(cp) && !uc_is_property_white_space(cp) &&
	       !uc_is_general_category(cp, UC_CATEGORY_M) && cp != 0xFFFD;
}

static char *trim(char *s, char **end)
{
	while (*s == ' ' || *s == '\t')
		s++;
	char *e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	*e = '\0';
	*end = e;
	return s;
}

static void set_color(struct conf *c, int i, const char *what, const char *val,
                      const char *where, int line)
{
	size_t n = strlen(val), chars;
	if (!clean_text(val, n, &chars)) {
		warn(c, where, line, "the value has control characters or invalid UTF-8");
		return;
	}
	struct conf_color *cc = &c->color[i];
	if (strcmp(what, "name") == 0) {
		if (chars == 0 || chars > CONF_NAME_MAX)
			warn(c, where, line, "a colour's name has 1 to %d characters", CONF_NAME_MAX);
		else
			memcpy(cc->name, val, n + 1);
	} else if (strcmp(what, "symbol") == 0) {
		if (!good_symbol(val, n))
			warn(c, where, line, "invalid symbol '%s': a symbol is one visible character one "
			     "column wide", val);
		else
			memcpy(cc->symbol, val, n + 1);
	} else if (strcmp(what, "ascii") == 0) {
		if (n != 1 || val[0] <= ' ' || val[0] > '~')
			warn(c, where, line, "invalid symbol '%s': an ascii symbol is one printable ASCII "
			     "character", val);
		else
			cc->ascii = val[0];
	} else {
		warn(c, where, line, "unknown key color.%s.%s (name, symbol or ascii)", cc->key, what);
	}
}

static int yes_no(const char *v)
{
	static const char *const yes[] = { "yes", "on", "true", "1" }, *const no[] = { "no", "off",
	                                                                              "false", "0" };
	for (size_t i = 0; i < 4; i++) {
		if (strcasecmp(v, yes[i]) == 0)
			return 1;
		if (strcasecmp(v, no[i]) == 0)
			return 0;
	}
	return -1;
}

/* A text setting: clean, and short enough for its field. */
static void set_text(struct conf *c, char *dst, size_t size, const char *key, const char *val,
                     const char *where, int line)
{
	size_t chars, n = strlen(val);
	if (!clean_text(val, n, &chars))
		warn(c, where, line, "%s: control characters or invalid UTF-8", key);
	else if (n >= size)
		warn(c, where, line, "%s: longer than %zu bytes", key, size - 1);
	else
		memcpy(dst, val, n + 1);
}

static void apply(struct conf *c, char *key, const char *val, const char *where, int line)
{
	if (strncmp(key, "color.", 6) == 0) {
		char *dot = strchr(key + 6, '.');
		if (dot) {
			*dot = '\0';
			int i = conf_color_of_key(key + 6);
			if (i >= 0) {
				set_color(c, i, dot + 1, val, where, line);
				return;
			}
		}
		warn(c, where, line, "unknown colour in '%s' (yellow, green, blue, red, purple; the "
		     "screen's colours are 'color AREA FG BG')", key);
		return;
	}
	if (strcmp(key, "export.format") == 0) {
		for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
			if (strcmp(val, formats[i]) == 0) {
				snprintf(c->export_format, sizeof c->export_format, "%s", val);
				return;
			}
		warn(c, where, line, "export.format is txt, md, json, csv or annotated");
		return;
	}
	if (strcmp(key, "copy.command") == 0) {
		set_text(c, c->copy_command, sizeof c->copy_command, key, val, where, line);
		return;
	}
	if (strcmp(key, "copy.file") == 0) {
		set_text(c, c->copy_file, sizeof c->copy_file, key, val, where, line);
		return;
	}
	if (strcmp(key, "footnotes.follow") == 0) {
		int b = yes_no(val);
		if (b < 0)
			warn(c, where, line, "footnotes.follow is yes or no");
		else
			c->follow = b;
		return;
	}
	if (strncmp(key, "key.", 4) == 0 || strncmp(key, "bind.", 5) == 0) {
		warn(c, where, line, "unknown key '%s' (keys are bound with 'bind MODE KEY ACTION')",
		     key);
		return;
	}
	warn(c, where, line, "unknown key '%s'", key);
}

/* Splits a command line into words (double quotes keep spaces); at most max. */
static int words(char *s, char **w, int max)
{
	int n = 0;
	while (*s) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		if (n == max)
			return max + 1;
		if (*s == '"' && s[1] && strchr(s + 1, '"')) {
			w[n++] = ++s;
			s = strchr(s, '"');
			*s++ = '\0';
			continue;
		}
		w[n++] = s;
		while (*s && *s != ' ' && *s != '\t')
			s++;
		if (*s)
			*s++ = '\0';
	}
	return n;
}

static void bind_line(struct conf *c, char **w, int n, const char *where, int line)
{
	if (n != 4) {
		warn(c, where, line, "expected 'bind MODE KEY ACTION'");
		return;
	}
	int map = keymap_find(w[1]);
	int key = keys_parse(w[2]);
	int a = keys_action_find(w[3]);
	if (map < 0) {
		char modes[256] = "generic";
		for (int m = 0; m < MODE_COUNT; m++) {
			size_t l = strlen(modes);
			snprintf(modes + l, sizeof modes - l, ", %s", mode_table[m]->name);
		}
		warn(c, where, line, "unknown mode '%s' (%s)", w[1], modes);
		return;
	}
	if (key < 0) {
		warn(c, where, line, "unknown key '%s' (a character, or a name: Enter, Space, Tab, Esc, "
		     "Up, PgDn, F1, Ctrl-D, <C-d>...)", w[2]);
		return;
	}
	if (a < 0) {
		warn(c, where, line, "unknown action '%s' (the help lists them: ?)", w[3]);
		return;
	}
	if (a != ACT_NONE && !keymap_allows(map, (enum action)a)) {
		warn(c, where, line, "'%s' does nothing in mode '%s'", w[3], keymap_name(map));
		return;
	}
	struct conf_bind *nb = realloc(c->binds, (c->nbinds + 1) * sizeof *nb);
	if (!nb) {
		warn(c, where, line, "out of memory");
		return;
	}
	c->binds = nb;
	c->binds[c->nbinds++] = (struct conf_bind){ map, key, (enum action)a };
}

/* A colour: "default", a name, "bright" + name (8..15), "colorN" or N (0..255). */
static int parse_color(const char *s, short *out)
{
	static const char *const names[] = { "black", "red", "green", "yellow", "blue", "magenta",
	                                     "cyan", "white" };
	if (!strcasecmp(s, "default") || !strcmp(s, "-1")) {
		*out = SC_DEFAULT;
		return 0;
	}
	int bright = strncasecmp(s, "bright", 6) == 0;
	const char *name = bright ? s + 6 : s;
	for (int i = 0; i < 8; i++)
		if (!strcasecmp(name, names[i])) {
			*out = (short)(i + (bright ? 8 : 0));
			return 0;
		}
	if (!strncasecmp(s, "color", 5))
		s += 5;
	char *end;
	long v = strtol(s, &end, 10);
	if (*s && !*end && isdigit((unsigned char)*s) && v >= 0 && v <= 255) {
		*out = (short)v;
		return 0;
	}
	return -1;
}

static int parse_attr(const char *s, unsigned *out)
{
	static const struct {
		const char *name;
		unsigned attr;
	} attrs[] = {
		{ "normal", 0 }, { "bold", SA_BOLD }, { "dim", SA_DIM }, { "underline", SA_UNDERLINE },
		{ "reverse", SA_REVERSE }, { "standout", SA_STANDOUT }, { "italic", SA_ITALIC },
		{ "blink", SA_BLINK },
	};
	for (size_t i = 0; i < sizeof attrs / sizeof *attrs; i++)
		if (!strcasecmp(s, attrs[i].name)) {
			*out |= attrs[i].attr;
			return 0;
		}
	return -1;
}

static void color_line(struct conf *c, char **w, int n, const char *where, int line)
{
	if (n < 3) {
		warn(c, where, line, "expected 'color AREA FG BG [ATTRIBUTES]'");
		return;
	}
	int area = style_find(w[1]);
	if (area < 0) {
		warn(c, where, line, "unknown area '%s' (the help lists them: ?)", w[1]);
		return;
	}
	struct conf_style st = { 1, SC_DEFAULT, SC_DEFAULT, 0, 0 };
	if (parse_color(w[2], &st.fg) < 0) {
		warn(c, where, line, "unknown colour '%s' (default, black, red, green, yellow, blue, "
		     "magenta, cyan, white, bright..., color0..color255)", w[2]);
		return;
	}
	int i = 3;
	if (i < n && parse_color(w[i], &st.bg) == 0)
		i++;
	for (; i < n; i++) {
		/* "bold,underline" as well as "bold underline" */
		char *save = NULL;
		for (char *a = strtok_r(w[i], ",", &save); a; a = strtok_r(NULL, ",", &save))
			if (parse_attr(a, &st.attrs) < 0) {
				warn(c, where, line, "unknown colour or attribute '%s' (normal, bold, dim, "
				     "underline, reverse, standout, italic, blink)", a);
				return;
			}
		st.has_attrs = 1;
	}
	c->style[area] = st;
}

/* A `bind ...` or `color ...` line: 1 when the line was one (and is done). */
static int command(struct conf *c, char *s, const char *where, int line)
{
	size_t wl = strcspn(s, " \t");
	if (!s[wl])
		return 0;
	const char *rest = s + wl + strspn(s + wl, " \t");
	int is_bind = wl == 4 && !strncmp(s, "bind", 4), is_color = wl == 5 && !strncmp(s, "color", 5);
	if (!(is_bind || is_color) || *rest == '=')
		return 0;
	char *w[8];
	int n = words(s, w, 8);
	if (n > 8)
		warn(c, where, line, "too many words for '%s'", is_bind ? "bind" : "color");
	else if (is_bind)
		bind_line(c, w, n, where, line);
	else
		color_line(c, w, n, where, line);
	return 1;
}

int conf_parse(struct conf *c, const char *text, size_t n, const char *where)
{
	size_t before = c->nwarnings;
	int line = 0;
	for (size_t at = 0; at < n;) {
		const char *nl = memchr(text + at, '\n', n - at);
		size_t len = nl ? (size_t)(nl - (text + at)) : n - at;
		line++;
		char buf[512];
		if (len >= sizeof buf) {
			warn(c, where, line, "line too long");
			at += len + 1;
			continue;
		}
		memcpy(buf, text + at, len);
		buf[len] = '\0';
		at += len + 1;
		if (memchr(buf, '\0', len)) {
			warn(c, where, line, "a NUL byte");
			continue;
		}
		char *end, *s = trim(buf, &end);
		if (*s == '\0' || *s == '#' || *s == ';')
			continue;
		if (command(c, s, where, line))
			continue;
		if (!strncmp(s, "set", 3) && (s[3] == ' ' || s[3] == '\t'))
			s += 4;
		char *eq = strchr(s, '=');
		if (!eq) {
			warn(c, where, line, "expected 'key = value', 'bind MODE KEY ACTION' or "
			     "'color AREA FG BG'");
			continue;
		}
		*eq = '\0';
		char *kend, *key = trim(s, &kend), *vend, *val = trim(eq + 1, &vend);
		if (vend - val >= 2 && val[0] == '"' && vend[-1] == '"') {
			val++;
			vend[-1] = '\0';
		}
		if (*key == '\0') {
			warn(c, where, line, "expected 'key = value'");
			continue;
		}
		apply(c, key, val, where, line);
	}
	return (int)(c->nwarnings - before);
}

int conf_load(struct conf *c, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		warn(c, path, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	char *buf = malloc(CONF_FILE_MAX + 1);
	size_t n = buf ? fread(buf, 1, CONF_FILE_MAX + 1, f) : 0;
	int bad = !buf || ferror(f);
	fclose(f);
	if (bad || n > CONF_FILE_MAX) {
		warn(c, path, 0, bad ? "cannot read the file" : "over 64 KiB: not read");
		free(buf);
		return -1;
	}
	conf_parse(c, buf, n, path);
	free(buf);
	return 0;
}

int conf_color_of_key(const char *key)
{
	for (int i = 0; key && i < CONF_NCOLORS; i++)
		if (strcmp(key, defaults[i].key) == 0)
			return i;
	if (key && strcmp(key, "none") == 0)
		return CONF_NONE;
	return -1;
}

const char *conf_color_key(int i)
{
	if (i == CONF_NONE)
		return "none";
	return i >= 0 && i < CONF_NCOLORS ? defaults[i].key : NULL;
}

int conf_color_find(const struct conf *c, const char *s)
{
	if (!s || !*s)
		return -1;
	if (s[0] >= '1' && s[0] < '1' + CONF_NCOLORS && s[1] == '\0')
		return s[0] - '1';
	for (int i = 0; i < CONF_NCOLORS; i++)
		if (strcasecmp(s, c->color[i].key) == 0 || strcasecmp(s, c->color[i].name) == 0)
			return i;
	return -1;
}

const char *conf_color_symbol(const struct conf *c, int i, int utf8, char buf[8])
{
	if (i == CONF_NONE)
		snprintf(buf, 8, "%s", utf8 ? "\u270E" : "N");   /* ✎ */
	else if (i < 0 || i >= CONF_NCOLORS)
		snprintf(buf, 8, "?");
	else if (utf8)
		snprintf(buf, 8, "%s", c->color[i].symbol);
	else
		snprintf(buf, 8, "%c", c->color[i].ascii);
	return buf;
}

const char *conf_color_name(const struct conf *c, int i, const char *key)
{
	if (i == CONF_NONE)
		return "note";
	if (i >= 0 && i < CONF_NCOLORS)
		return c->color[i].name;
	return key ? key : "?";
}
