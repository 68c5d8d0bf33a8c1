/* keymap.c: keys to actions per mode (defaults, the user's bindings), and the key lists and
 * hints made from them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/wrap.h"
#include "view/keymap.h"

/* Moving keys from less and vim where they agree, help (? as in mutt, F1) and redraw: every
 * mode that scrolls or lists takes these after its own. */
const struct binding keymap_generic_keys[] = {
	{ 'j', ACT_LINE_DOWN, NULL }, { VK_DOWN, ACT_LINE_DOWN, NULL },
	{ VK_CTRL('e'), ACT_LINE_DOWN, NULL },
	{ 'k', ACT_LINE_UP, NULL }, { VK_UP, ACT_LINE_UP, NULL }, { VK_CTRL('y'), ACT_LINE_UP, NULL },
	{ ' ', ACT_PAGE_DOWN, NULL }, { VK_PGDN, ACT_PAGE_DOWN, NULL },
	{ VK_CTRL('f'), ACT_PAGE_DOWN, NULL },
	{ 'b', ACT_PAGE_UP, NULL }, { VK_PGUP, ACT_PAGE_UP, NULL }, { VK_CTRL('b'), ACT_PAGE_UP, NULL },
	{ VK_CTRL('d'), ACT_HALF_DOWN, NULL }, { VK_CTRL('u'), ACT_HALF_UP, NULL },
	{ 'g', ACT_FIRST, NULL }, { VK_HOME, ACT_FIRST, NULL }, { '<', ACT_FIRST, NULL },
	{ 'G', ACT_LAST, NULL }, { VK_END, ACT_LAST, NULL }, { '>', ACT_LAST, NULL },
	{ '?', ACT_HELP, NULL }, { VK_F1, ACT_HELP, NULL },
	{ VK_CTRL('l'), ACT_REDRAW, NULL },
	{ 0, ACT_NONE, NULL }
};

static const char generic_title[] = "Moving, in every screen that scrolls or lists";
static const char generic_about[] =
	"In the reader these scroll the focused pane; in the help they scroll it; in lists and the "
	"notes pane they move the selection.";

void keymaps_free(struct keymaps *km)
{
	for (int i = 0; i < KEYMAP_COUNT; i++) {
		free(km->map[i].v);
		km->map[i] = (struct keymap){ NULL, 0, 0 };
	}
}

int keymap_find(const char *name)
{
	if (strcmp(name, "generic") == 0)
		return KEYMAP_GENERIC;
	return mode_find(name);
}

const char *keymap_name(int map)
{
	if (map == KEYMAP_GENERIC)
		return "generic";
	return map >= 0 && map < MODE_COUNT ? mode_table[map]->name : "?";
}

static const struct binding *defaults_of(int map)
{
	if (map == KEYMAP_GENERIC)
		return keymap_generic_keys;
	return map >= 0 && map < MODE_COUNT ? mode_table[map]->keys : NULL;
}

static size_t count_rows(const struct binding *b)
{
	size_t n = 0;
	while (b && (b[n].key || b[n].action))
		n++;
	return n;
}

/* The rows in force: the user's copy, or the defaults. */
static const struct binding *rows_of(const struct keymaps *km, int map, size_t *n)
{
	if (km && km->map[map].v) {
		*n = km->map[map].n;
		return km->map[map].v;
	}
	const struct binding *d = defaults_of(map);
	*n = count_rows(d);
	return d;
}

static int takes_generic(int map)
{
	return map >= 0 && map < MODE_COUNT && (mode_table[map]->flags & MODE_GENERIC);
}

/* The row binding key in map, or NULL. */
static const struct binding *row_of_key(const struct keymaps *km, int map, int key)
{
	size_t n;
	const struct binding *b = rows_of(km, map, &n);
	for (size_t i = 0; i < n; i++)
		if (b[i].key == key && key != 0)
			return &b[i];
	return NULL;
}

enum action keymap_lookup(const struct keymaps *km, enum view_mode m, int key)
{
	const struct binding *b = row_of_key(km, (int)m, key);
	if (b)
		return b->action;
	if (takes_generic((int)m) && (b = row_of_key(km, KEYMAP_GENERIC, key)))
		return b->action;
	return ACT_NONE;
}

static int in_defaults(int map, enum action a)
{
	const struct binding *d = defaults_of(map);
	for (size_t i = 0; d && (d[i].key || d[i].action); i++)
		if (d[i].action == a)
			return 1;
	return 0;
}

int keymap_allows(int map, enum action a)
{
	if (a <= ACT_NONE || a >= ACT_COUNT)
		return 0;
	return in_defaults(map, a) || (takes_generic(map) && in_defaults(KEYMAP_GENERIC, a));
}

/* The map as a copy of its own (the first change copies the defaults). */
static int own(struct keymaps *km, int map)
{
	struct keymap *m = &km->map[map];
	if (m->v)
		return 0;
	const struct binding *d = defaults_of(map);
	size_t n = count_rows(d);
	m->cap = n + 8;
	m->v = malloc(m->cap * sizeof *m->v);
	if (!m->v)
		return -1;
	if (n)
		memcpy(m->v, d, n * sizeof *m->v);
	m->n = n;
	return 0;
}

int keymap_bind(struct keymaps *km, int map, int key, enum action a, char *err, size_t errlen)
{
	if (map < 0 || map >= KEYMAP_COUNT || key <= 0) {
		snprintf(err, errlen, "no such key or mode");
		return -1;
	}
	if (a != ACT_NONE && !keymap_allows(map, a)) {
		snprintf(err, errlen, "'%s' does nothing in mode '%s'", keys_action_name(a),
		         keymap_name(map));
		return -1;
	}
	if (own(km, map) < 0) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	struct keymap *m = &km->map[map];
	size_t k = 0;
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].key != key)
			m->v[k++] = m->v[i];
	m->n = k;
	/* "none" where the generic map has the key: a row that hides it. */
	if (a == ACT_NONE && !(takes_generic(map) && row_of_key(km, KEYMAP_GENERIC, key)))
		return 0;
	if (m->n == m->cap) {
		size_t cap = m->cap * 2 + 8;
		struct binding *nv = realloc(m->v, cap * sizeof *nv);
		if (!nv) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		m->v = nv;
		m->cap = cap;
	}
	m->v[m->n++] = (struct binding){ key, a, NULL };
	return 0;
}

const char *keymap_keys(const struct keymaps *km, int map, enum action a, char *buf, size_t size)
{
	size_t n, len = 0;
	const struct binding *b = rows_of(km, map, &n);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (b[i].action != a || b[i].key == 0)
			continue;
		char name[16];
		keys_name(b[i].key, name, sizeof name);
		int w = snprintf(buf + len, size - len, "%s%s", len ? ", " : "", name);
		if (w < 0 || (size_t)w >= size - len) {
			buf[len] = '\0';
			break;
		}
		len += (size_t)w;
	}
	return buf;
}

/* The first key of a in map alone, or 0. */
static int first_key(const struct keymaps *km, int map, enum action a)
{
	size_t n;
	const struct binding *b = rows_of(km, map, &n);
	for (size_t i = 0; i < n; i++)
		if (b[i].action == a && b[i].key)
			return b[i].key;
	return 0;
}

/* The key people know an action by in map: for a moving action of a mode taking the generic
 * keys, the generic one (j, not Tab, for line-down in the popup) unless the mode hides it;
 * else the mode's own first. */
static int key_in(const struct keymaps *km, int map, enum action a)
{
	if (takes_generic(map)) {
		size_t n;
		const struct binding *b = rows_of(km, KEYMAP_GENERIC, &n);
		for (size_t i = 0; i < n; i++)
			if (b[i].action == a && b[i].key && !row_of_key(km, map, b[i].key))
				return b[i].key;
	}
	return first_key(km, map, a);
}

const char *keymap_key(const struct keymaps *km, int map, enum action a, char *buf, size_t size)
{
	int k = key_in(km, map, a);
	if (!k) {
		buf[0] = '\0';
		return buf;
	}
	return keys_name(k, buf, size);
}

const char *keymap_help(int map, enum action a)
{
	const struct binding *d = defaults_of(map);
	for (size_t i = 0; d && (d[i].key || d[i].action); i++)
		if (d[i].action == a && d[i].help)
			return d[i].help;
	return keys_action_help(a);
}

/* --- Key lists: the help screen and the man page --- */

struct row {
	char keys[160];
	const char *help;
};

typedef int (*section_fn)(void *ctx, const char *title, const char *name, const char *about,
                          const struct row *, size_t n);

/* The rows of one map: the actions in the order of its defaults, then actions the user bound
 * there besides, each with every key it has there. */
static int map_rows(const struct keymaps *km, int map, struct row **out, size_t *nout)
{
	size_t nd = count_rows(defaults_of(map)), nr;
	const struct binding *d = defaults_of(map), *r = rows_of(km, map, &nr);
	struct row *rows = calloc(nd + nr + 1, sizeof *rows);
	char *seen = calloc(ACT_COUNT, 1);
	size_t k = 0;
	if (!rows || !seen) {
		free(rows);
		free(seen);
		return -1;
	}
	for (int pass = 0; pass < 2; pass++) {
		const struct binding *b = pass ? r : d;
		size_t n = pass ? nr : nd;
		for (size_t i = 0; i < n; i++) {
			enum action a = b[i].action;
			if (a <= ACT_NONE || a >= ACT_COUNT || seen[a])
				continue;
			seen[a] = 1;
			keymap_keys(km, map, a, rows[k].keys, sizeof rows[k].keys);
			if (!rows[k].keys[0])
				continue;      /* unbound by the user */
			rows[k].help = keymap_help(map, a);
			k++;
		}
	}
	free(seen);
	*out = rows;
	*nout = k;
	return 0;
}

static int each_section(const struct keymaps *km, section_fn fn, void *ctx)
{
	/* The generic map first: its keys work in most of the others. */
	for (int i = -1; i < MODE_COUNT; i++) {
		int map = i < 0 ? KEYMAP_GENERIC : i;
		struct row *rows;
		size_t n;
		if (map_rows(km, map, &rows, &n) < 0)
			return -1;
		const char *title = i < 0 ? generic_title : mode_table[map]->title;
		const char *about = i < 0 ? generic_about : mode_table[map]->about;
		int r = n ? fn(ctx, title, keymap_name(map), about, rows, n) : 0;
		free(rows);
		if (r < 0)
			return -1;
	}
	return 0;
}

struct lines {
	char ***v;
	size_t *n, *cap;
};

static int push(struct lines *l, const char *s)
{
	return keys_lines_push(l->v, l->n, l->cap, s);
}

static int help_section(void *ctx, const char *title, const char *name, const char *about,
                        const struct row *rows, size_t n)
{
	struct lines *l = ctx;
	char head[160];
	snprintf(head, sizeof head, "%s (%s)", title, name);
	if (push(l, "") < 0 || push(l, head) < 0)
		return -1;
	if (about) {
		char line[512];
		snprintf(line, sizeof line, " %s", about);
		if (push(l, line) < 0)
			return -1;
	}
	for (size_t i = 0; i < n; i++) {
		char line[512];
		/* Keys wider than their column get a line of their own above the description. */
		int w = text_width(rows[i].keys, strlen(rows[i].keys));
		if (w > KEYMAP_HELP_COL - 4) {
			snprintf(line, sizeof line, "  %s", rows[i].keys);
			if (push(l, line) < 0)
				return -1;
			snprintf(line, sizeof line, "  %-*s %s", KEYMAP_HELP_COL - 3, "", rows[i].help);
		} else {
			snprintf(line, sizeof line, "  %s%*s %s", rows[i].keys, KEYMAP_HELP_COL - 3 - w, "",
			         rows[i].help);
		}
		if (push(l, line) < 0)
			return -1;
	}
	return 0;
}

int keymap_help_lines(const struct keymaps *km, char ***lines, size_t *n, size_t *cap)
{
	struct lines l = { lines, n, cap };
	return each_section(km, help_section, &l);
}

/* Roff escapes: a backslash is \e, a minus \-. */
static void roff_put(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
	}
}

static int roff_section(void *ctx, const char *title, const char *name, const char *about,
                        const struct row *rows, size_t n)
{
	FILE *f = ctx;
	fputs(".SS ", f);
	roff_put(f, title);
	fputs(" (", f);
	roff_put(f, name);
	fputs(")\n", f);
	if (about) {
		fputs("\\&", f);
		roff_put(f, about);
		fputc('\n', f);
	}
	for (size_t i = 0; i < n; i++) {
		fputs(".TP\n\\fB\\&", f);
		roff_put(f, rows[i].keys);
		fputs("\\fR\n\\&", f);
		roff_put(f, rows[i].help);
		fputc('\n', f);
	}
	return ferror(f) ? -1 : 0;
}

int keymap_write_roff(FILE *f)
{
	struct keymaps defaults;
	memset(&defaults, 0, sizeof defaults);
	if (each_section(&defaults, roff_section, f) < 0)
		return -1;
	return ferror(f) ? -1 : 0;
}

/* --- Hints --- */

/* Whether the keys are single characters, each the one after the last ("1 2 3 4 5"). */
static int consecutive(const int *keys, int n)
{
	if (n < 3)
		return 0;
	for (int i = 0; i < n; i++)
		if (keys[i] <= ' ' || keys[i] >= 0x7f || (i && keys[i] != keys[i - 1] + 1))
			return 0;
	return 1;
}

const char *keymap_hint(const struct keymaps *km, int map, const struct hint *h, char *buf,
                        size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (; h && h->label; h++) {
		int keys[HINT_MAX_ACTIONS], n = 0;
		for (int i = 0; i < HINT_MAX_ACTIONS && h->actions[i] != ACT_NONE; i++) {
			int k = key_in(km, map, h->actions[i]);
			if (k)
				keys[n++] = k;
		}
		if (!n)
			continue;
		char item[160] = "";
		size_t il = 0;
		char a[16], b[16];
		if (consecutive(keys, n)) {
			il = (size_t)snprintf(item, sizeof item, "%s-%s", keys_name(keys[0], a, sizeof a),
			                      keys_name(keys[n - 1], b, sizeof b));
		} else {
			for (int i = 0; i < n && il < sizeof item; i++)
				il += (size_t)snprintf(item + il, sizeof item - il, "%s%s",
				                       i ? (n == 2 ? "/" : " ") : "",
				                       keys_name(keys[i], a, sizeof a));
		}
		int w = snprintf(buf + len, size - len, "%s%s%s%s", len ? "  " : "", item,
		                 h->label[0] ? " " : "", h->label);
		if (w < 0 || (size_t)w >= size - len) {
			buf[len] = '\0';
			break;
		}
		len += (size_t)w;
	}
	return buf;
}
