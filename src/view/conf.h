/* conf.h: the user's configuration of the reader, $XDG_CONFIG_HOME/gavel/config.
 *
 * (Not "config.h": that name is autoconf's, and a header beside the sources would shadow it.)
 *
 * Lines in the style of tig and mutt; '#' or ';' starts a comment line; blank lines are
 * ignored. Settings are `key = value` (`set key = value` too); a value may be put in double
 * quotes to keep spaces at its ends:
 *
 *   color.COLOR.name   = important    what people call highlight colour COLOR (in the notes
 *                                     pane, prompts, messages); 1 to 24 characters
 *   color.COLOR.symbol = ●            one visible character one column wide, drawn in the
 *                                     gutter and the notes pane so colour is not the only signal
 *   color.COLOR.ascii  = *            the symbol on a terminal without UTF-8 (printable ASCII)
 *   export.format      = md           the format the export prompt offers first
 *   copy.command       = wl-copy      what copy pipes the quote into; empty: the terminal's
 *                                     clipboard (OSC 52)
 *   copy.file          = ~/quotes.txt the file copy-file offers first
 *   footnotes.follow   = yes          the footnotes pane follows the reading (yes or no)
 *
 * COLOR is one of the five colour keys the store keeps (yellow, green, blue, red, purple):
 * the keys never change, so notes keep their colour whatever the names say. And two commands:
 *
 *   bind MODE KEY ACTION             KEY runs ACTION in MODE (keymap.h: reader, select, popup,
 *                                    notes, list, preview, help, line, confirm, or generic);
 *                                    ACTION "none" unbinds the key
 *   color AREA FG [BG [ATTR...]]     how AREA (style.h: title, match, selection...) looks:
 *                                    colours default, black, red, green, yellow, blue, magenta,
 *                                    cyan, white, bright..., color0..color255; attributes
 *                                    normal, bold, dim, underline, reverse, standout, italic,
 *                                    blink
 *
 * A bad line is skipped with a warning naming it (file:line: reason); every one is kept, and
 * the rest of the file still applies. */
#ifndef GAVEL_VIEW_CONF_H
#define GAVEL_VIEW_CONF_H

#include <stddef.h>

#include "view/keys.h"
#include "view/style.h"

#define CONF_NCOLORS 5
#define CONF_NAME_MAX 24        /* code points of a colour's name */
#define CONF_NONE (-2)          /* conf_color_of_key("none"): a note without a highlight */
#define CONF_WARNINGS_MAX 100   /* warnings kept; more are only counted */

struct conf_color {
	const char *key;              /* "yellow": what the store records (static) */
	char name[CONF_NAME_MAX * 4 + 1];
	char symbol[8];               /* UTF-8, one character of width 1 */
	char ascii;                   /* fallback symbol */
};

/* A `bind` line, checked: map (keymap.h), key, action. */
struct conf_bind {
	int map, key;
	enum action action;
};

/* A `color` line, checked. */
struct conf_style {
	int set;
	short fg, bg;                 /* SC_DEFAULT, 0..255 */
	unsigned attrs;               /* SA_* */
	int has_attrs;                /* attributes were given (else the defaults' stay) */
};

struct conf {
	struct conf_color color[CONF_NCOLORS];
	char export_format[16];       /* "txt" */
	char copy_command[512];       /* "": OSC 52 */
	char copy_file[512];          /* "": ask with an empty line */
	int follow;                   /* footnotes.follow (default 1) */
	struct conf_bind *binds;
	size_t nbinds;
	struct conf_style style[STYLE_COUNT];
	char **warnings;              /* "file:line: reason", the first CONF_WARNINGS_MAX */
	size_t nwarnings;             /* every problem found */
};

/* The built-in settings: names = keys, symbols ● ▲ ■ ◆ ★ (ASCII * ^ # + @), format txt,
 * footnotes following, no bindings or colours of the user's. Allocates nothing. */
void conf_defaults(struct conf *);
void conf_free(struct conf *);

/* $XDG_CONFIG_HOME/gavel/config, else ~/.config/gavel/config; NULL without either variable
 * or out of memory. Caller frees. */
char *conf_default_path(void);

/* Applies the lines of text (n bytes) over what c holds; `where` names the source in
 * warnings. Returns the number of lines skipped. */
int conf_parse(struct conf *, const char *text, size_t n, const char *where);

/* Reads and applies the file at path. Returns 0 (a missing file is fine: the defaults stay),
 * or -1 when it exists but cannot be read (a warning says why). Files over 64 KiB are
 * refused: a configuration is never that long. */
int conf_load(struct conf *, const char *path);

/* Index (0..CONF_NCOLORS-1) of the colour whose key or user name is s (case-insensitive), or
 * whose number (1-based) s is; -1 when none. */
int conf_color_find(const struct conf *, const char *s);

/* Index of the colour stored under `key`; CONF_NONE for "none" (a note without a highlight);
 * -1 for a key gavel does not know (a note imported from elsewhere). */
int conf_color_of_key(const char *key);

/* The store's key of colour i ("yellow"; "none" for CONF_NONE), or NULL. */
const char *conf_color_key(int i);

/* The symbol of colour i for a UTF-8 terminal or not: the note mark for CONF_NONE, "?" for an
 * unknown colour. */
const char *conf_color_symbol(const struct conf *, int i, int utf8, char buf[8]);

/* What colour i is called: the user's name, "note" for CONF_NONE, else `key` as it is. */
const char *conf_color_name(const struct conf *, int i, const char *key);

#endif
