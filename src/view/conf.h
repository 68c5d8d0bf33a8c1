/* conf.h: the user's configuration of the reader, $XDG_CONFIG_HOME/gavel/config.
 *
 * (Not "config.h": that name is autoconf's, and a header beside the sources would shadow it.)
 *
 * The file is ini-like lines, `key = value`; '#' or ';' starts a comment line; blank lines are
 * ignored; a value may be put in double quotes to keep spaces at its ends. Keys:
 *
 *   color.COLOR.name   = important    what people call the colour (in the notes pane, export
 *                                     prompts, messages); 1 to 24 characters
 *   color.COLOR.symbol = ●            one character of display width 1, drawn in the gutter
 *                                     and the notes pane so colour is not the only signal
 *   color.COLOR.ascii  = *            the symbol on a terminal without UTF-8 (printable ASCII)
 *   export.format      = md           the format the export prompt offers first
 *
 * COLOR is one of the five colour keys the store keeps (yellow, green, blue, red, purple):
 * the keys never change, so notes keep their colour whatever the names say. A bad line is
 * skipped with a warning naming it (file:line: reason); the rest of the file still applies. */
#ifndef GAVEL_VIEW_CONF_H
#define GAVEL_VIEW_CONF_H

#include <stddef.h>

#define CONF_NCOLORS 5
#define CONF_NAME_MAX 24        /* code points of a colour's name */

struct conf_color {
	const char *key;              /* "yellow": what the store records (static) */
	char name[CONF_NAME_MAX * 4 + 1];
	char symbol[8];               /* UTF-8, one character of width 1 */
	char ascii;                   /* fallback symbol */
};

struct conf {
	struct conf_color color[CONF_NCOLORS];
	char export_format[16];       /* "txt" */
	char warnings[512];           /* the first problems found, one per line; "" when none */
	int nwarnings;
};

/* The built-in settings: names = keys, symbols ● ▲ ■ ◆ ★ (ASCII * ^ # + @), format txt. */
void conf_defaults(struct conf *);

/* $XDG_CONFIG_HOME/gavel/config, else ~/.config/gavel/config; NULL without either variable
 * or out of memory. Caller frees. */
char *conf_default_path(void);

/* Applies the lines of text (n bytes) over what c holds; `where` names the source in
 * warnings. Returns the number of lines skipped. */
int conf_parse(struct conf *, const char *text, size_t n, const char *where);

/* Reads and applies the file at path. Returns 0 (a missing file is fine: the defaults stay),
 * or -1 when it exists but cannot be read (c->warnings says why). Files over 64 KiB are
 * refused: a configuration is never that long. */
int conf_load(struct conf *, const char *path);

/* Index (0..CONF_NCOLORS-1) of the colour whose key or user name is s (case-insensitive), or
 * whose number (1-based) s is; -1 when none. */
int conf_color_find(const struct conf *, const char *s);

/* Index of the colour stored under `key`, or -1 for a key gavel does not know (a note
 * imported from elsewhere). */
int conf_color_of_key(const char *key);

/* The store's key of colour i ("yellow"), or NULL when i is not a colour index. */
const char *conf_color_key(int i);

/* The symbol of colour i for a UTF-8 terminal or not; "?" for an unknown colour (i < 0). */
const char *conf_color_symbol(const struct conf *, int i, int utf8, char buf[8]);

#endif
