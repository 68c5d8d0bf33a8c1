/* conf.c: reading the reader's configuration file (colour names and symbols, export format). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text/utf8.h"
#include "text/wrap.h"
#include "view/conf.h"

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

/* Records a problem; the first few are kept for the status line and `gavel --help`. */
static void warn(struct conf *c, const char *where, int line, const char *fmt, ...)
{
	char msg[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	size_t len = strlen(c->warnings);
	if (len < sizeof c->warnings - 1)
		snprintf(c->warnings + len, sizeof c->warnings - len, "%s%s:%d: %s", len ? "\n" : "",
		         where, line, msg);
	c->nwarnings++;
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
		if (chars != 1 || text_width(val, n) != 1)
			warn(c, where, line, "a symbol is one character one column wide");
		else
			memcpy(cc->symbol, val, n + 1);
	} else if (strcmp(what, "ascii") == 0) {
		if (n != 1 || val[0] <= ' ' || val[0] > '~')
			warn(c, where, line, "an ascii symbol is one printable ASCII character");
		else
			cc->ascii = val[0];
	} else {
		warn(c, where, line, "unknown key color.%s.%s (name, symbol or ascii)", cc->key, what);
	}
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
		warn(c, where, line, "unknown colour in '%s' (yellow, green, blue, red, purple)", key);
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
	warn(c, where, line, "unknown key '%s'", key);
}

int conf_parse(struct conf *c, const char *text, size_t n, const char *where)
{
	int before = c->nwarnings;
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
		char *eq = strchr(s, '=');
		if (!eq) {
			warn(c, where, line, "expected 'key = value'");
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
	return c->nwarnings - before;
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
	return -1;
}

const char *conf_color_key(int i)
{
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
	if (i < 0 || i >= CONF_NCOLORS)
		snprintf(buf, 8, "?");
	else if (utf8)
		snprintf(buf, 8, "%s", c->color[i].symbol);
	else
		snprintf(buf, 8, "%c", c->color[i].ascii);
	return buf;
}
