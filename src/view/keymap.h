/* keymap.h: which key runs which action, per mode, with the user's `bind` lines applied; and
 * everything generated from the keymaps: the help's key lists, the man page's, the hints.
 *
 * Each mode's default keymap is data in its own file (mode-*.c); the generic keymap (moving,
 * help, redraw) is here. A key is looked up in the mode's map first, then in the generic map
 * when the mode takes it (MODE_GENERIC), as tig does; a key bound to "none" in a mode's map
 * hides the generic binding.
 *
 * Ownership: a struct keymaps starts as the defaults (nothing allocated: opening the reader
 * costs nothing); keymap_bind copies a map the first time it changes it; keymaps_free frees
 * those copies. */
#ifndef GAVEL_VIEW_KEYMAP_H
#define GAVEL_VIEW_KEYMAP_H

#include <stddef.h>
#include <stdio.h>

#include "view/mode.h"

/* The generic keymap's index, after the modes'. */
#define KEYMAP_GENERIC MODE_COUNT
#define KEYMAP_COUNT (MODE_COUNT + 1)

extern const struct binding keymap_generic_keys[];

struct keymap {
	struct binding *v;      /* NULL: the mode's defaults */
	size_t n, cap;
};

struct keymaps {
	struct keymap map[KEYMAP_COUNT];
};

void keymaps_free(struct keymaps *);

/* The map called `name` (a mode's name, or "generic"), or -1. */
int keymap_find(const char *name);
const char *keymap_name(int map);

/* The action key runs in mode m, or ACT_NONE. */
enum action keymap_lookup(const struct keymaps *, enum view_mode m, int key);

/* Whether action a means something in map `map` (a row of its defaults names it; for a mode
 * taking the generic keys, the generic map's actions too). */
int keymap_allows(int map, enum action a);

/* Binds key to action a in map `map` (a = ACT_NONE unbinds it, hiding the generic binding).
 * Returns 0, or -1 when the action means nothing in that map (err says so) or out of memory. */
int keymap_bind(struct keymaps *, int map, int key, enum action a, char *err, size_t errlen);

/* Every key of action a in map `map` joined by ", " ("j, Down, Ctrl-E"), "" when none. */
const char *keymap_keys(const struct keymaps *, int map, enum action a, char *buf, size_t size);
/* The first key of action a in map `map` (for mode maps, then the generic map), "" if none. */
const char *keymap_key(const struct keymaps *, int map, enum action a, char *buf, size_t size);

/* What action a does in map `map`, in that mode's words. */
const char *keymap_help(int map, enum action a);

/* The key lists as the help shows them: per map a heading, an optional line about it, and
 * rows "  KEYS  what it does" with the description at column KEYMAP_HELP_COL - 1. Lines are
 * appended to *lines (growing *cap); returns 0 or -1 when out of memory. */
#define KEYMAP_HELP_COL 30
int keymap_help_lines(const struct keymaps *, char ***lines, size_t *n, size_t *cap);

/* The default key lists as roff for the man page (.SS per mode, .TP per action). 0 or -1. */
int keymap_write_roff(FILE *);

/* The hint items with the keys of map `map` ("h l w b e 0 $ o move  1-5 highlight"). */
const char *keymap_hint(const struct keymaps *, int map, const struct hint *, char *buf,
                        size_t size);

#endif
