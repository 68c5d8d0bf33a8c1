/* style.h: what the screen shows, as meanings (areas), and how each looks by default.
 *
 * Drawing code names an area (STYLE_LINK), never a colour; the curses layer turns an area into
 * colours and attributes once, from this table and the user's `color AREA FG BG ATTRS` lines
 * (conf.h). VIEW_STYLES is an X-macro: the same list gives the enum, the names `color` lines
 * use and the defaults, with and without colours (NO_COLOR, a monochrome terminal: every
 * meaning stays visible through attributes alone). */
#ifndef GAVEL_VIEW_STYLE_H
#define GAVEL_VIEW_STYLE_H

/* Attributes (flags), as `color` lines name them. */
enum {
	SA_BOLD = 1 << 0,
	SA_UNDERLINE = 1 << 1,
	SA_REVERSE = 1 << 2,
	SA_DIM = 1 << 3,
	SA_ITALIC = 1 << 4,      /* underline where the terminal has no italics */
	SA_STANDOUT = 1 << 5,
	SA_BLINK = 1 << 6,
	SA_COUNT_BITS = 7
};

/* Colours: the terminal's default, the eight ANSI colours, then 8..255 as the terminal has. */
enum { SC_DEFAULT = -1, SC_BLACK, SC_RED, SC_GREEN, SC_YELLOW, SC_BLUE, SC_MAGENTA, SC_CYAN,
       SC_WHITE };

/* X(ID, "name", fg, bg, attributes with colours, attributes without, "what it is") */
#define VIEW_STYLES(X) \
	X(TEXT,        "text",           SC_DEFAULT, SC_DEFAULT, 0, 0, "the document's text") \
	X(TITLE,       "title",          SC_WHITE, SC_BLACK, 0, SA_UNDERLINE, "a pane's title line") \
	X(TITLE_FOCUS, "title-focus",    SC_BLACK, SC_CYAN, SA_BOLD, SA_REVERSE | SA_BOLD, \
	  "the focused pane's title, and the title line of the help and of lists") \
	X(GUTTER,      "gutter",         SC_YELLOW, SC_DEFAULT, 0, SA_DIM, "paragraph labels") \
	X(GUTTER_CUR,  "gutter-current", SC_BLACK, SC_YELLOW, SA_BOLD, SA_REVERSE | SA_BOLD, \
	  "the current paragraph's label") \
	X(CUR_BAR,     "current-bar",    SC_YELLOW, SC_DEFAULT, SA_BOLD, SA_BOLD, \
	  "the bar along the current paragraph") \
	X(LEAD,        "lead",           SC_DEFAULT, SC_DEFAULT, SA_ITALIC, SA_ITALIC, \
	  "a preambular paragraph's opening participle") \
	X(LINK,        "link",           SC_CYAN, SC_DEFAULT, SA_UNDERLINE, SA_UNDERLINE | SA_BOLD, \
	  "footnote markers and cited documents") \
	X(LINK_SEL,    "link-selected",  SC_BLACK, SC_CYAN, SA_BOLD, SA_REVERSE | SA_BOLD, \
	  "the selected reference") \
	X(MATCH,       "match",          SC_BLACK, SC_YELLOW, 0, SA_REVERSE, "search matches") \
	X(MATCH_CUR,   "match-current",  SC_BLACK, SC_MAGENTA, SA_BOLD, \
	  SA_REVERSE | SA_BOLD | SA_UNDERLINE, "the current search match") \
	X(HEADING,     "heading",        SC_DEFAULT, SC_DEFAULT, SA_BOLD, SA_BOLD, \
	  "annex titles, and headings in the help") \
	X(DIM,         "furniture",      SC_GREEN, SC_DEFAULT, 0, SA_DIM, \
	  "\"cited in\" lines and messages in dimmer print") \
	X(STATUS,      "status",         SC_BLACK, SC_WHITE, 0, SA_REVERSE, "the status line") \
	X(ERROR,       "error",          SC_WHITE, SC_RED, SA_BOLD, SA_REVERSE | SA_BOLD, \
	  "error messages and questions") \
	X(RULE,        "rule",           SC_BLUE, SC_DEFAULT, 0, SA_DIM, "rules and popup borders") \
	X(POPUP,       "popup",          SC_DEFAULT, SC_DEFAULT, 0, 0, "the inside of popups") \
	X(LIST_SEL,    "list-selected",  SC_BLACK, SC_CYAN, 0, SA_REVERSE, \
	  "the selected line of a list") \
	X(PROMPT,      "prompt",         SC_DEFAULT, SC_DEFAULT, SA_BOLD, SA_BOLD, \
	  "the label of a question typed on the status line") \
	X(HL1,         "highlight-yellow", SC_BLACK, SC_YELLOW, 0, SA_STANDOUT, "colour 1's highlights") \
	X(HL2,         "highlight-green",  SC_BLACK, SC_GREEN, 0, SA_STANDOUT, "colour 2's highlights") \
	X(HL3,         "highlight-blue",   SC_WHITE, SC_BLUE, 0, SA_STANDOUT, "colour 3's highlights") \
	X(HL4,         "highlight-red",    SC_WHITE, SC_RED, 0, SA_STANDOUT, "colour 4's highlights") \
	X(HL5,         "highlight-purple", SC_WHITE, SC_MAGENTA, 0, SA_STANDOUT, \
	  "colour 5's highlights") \
	X(HL6,         "highlight-other",  SC_BLACK, SC_CYAN, 0, SA_STANDOUT, \
	  "highlights in a colour gavel does not know (imported)") \
	X(SELECTION,   "selection",      SC_DEFAULT, SC_DEFAULT, SA_REVERSE | SA_UNDERLINE, \
	  SA_REVERSE | SA_UNDERLINE, "the words being selected (never the look of a match)")

enum style_area {
#define X(id, name, fg, bg, ca, ma, what) STYLE_##id,
	VIEW_STYLES(X)
#undef X
	STYLE_COUNT
};

struct style_def {
	const char *name;
	short fg, bg;
	unsigned color_attrs, mono_attrs;
	const char *what;
};

extern const struct style_def style_defaults[STYLE_COUNT];

/* A style handed to a canvas: an area and extra attributes. */
#define STYLE(area, attrs) ((unsigned)(area) | ((unsigned)(attrs) << 8))
#define STYLE_AREA(s) ((enum style_area)((s) & 0xff))
#define STYLE_ATTRS(s) ((s) >> 8)

/* The area called `name`, or -1. */
int style_find(const char *name);

/* The style of a display byte with style bits st (dpara.h); sel: part of the selected link;
 * cur: part of the current search match. */
unsigned style_of_text(unsigned st, int sel, int cur);

/* The highlight area of colour index c (0..4; anything else: STYLE_HL6). */
enum style_area style_of_color(int c);

#endif
