#!/bin/sh
# reader-more.sh: the rest of the reader's promises: an unknown id gets a message, Tab completes
# ids, the outline goes where chosen, zoom, the preview popup leaves the place alone, a
# footnote's back-references and cited documents are links, n/N and the wrap message, Ctrl-C
# does not kill, and NO_COLOR gives a screen without colours.
. "$top_srcdir/tests/lib.sh"
need tmux

tm_start 100 30 "$GAVEL"
tm_wait "Operative · OP 1 of 27" || fail "start"

tm_keys : o p ' ' 9 9 Enter
tm_wait "no OP 99 in A/RES/58/190" && ok "unknown id: a message" || fail "unknown id"

tm_keys : o p ' ' 2 Tab
tm_wait "2 20 21 22 23 24 25 26 27" && ok "Tab lists the ids" || fail "completion list"
tm_keys 5 Enter
tm_wait "Operative · OP 25 of 27" && ok ":op 25 after completion" || fail "completion then Enter"

tm_keys o
tm_wait "Outline of A/RES/58/190" || fail "outline opens"
tm_keys g j j Enter
tm_wait "Preamble · PP 3 of 14" && ok "outline: Enter goes to PP 3" || fail "outline choose"

tm_keys BSpace
tm_wait "Operative · OP 25 of 27" && ok "Backspace after the outline" || fail "back after outline"

tm_keys z
tm_wait "zoomed (z)" && tm_wait_gone "Preamble ·" && ok "z zooms" || fail "zoom"
tm_keys z
tm_wait "Preamble ·" && ok "z again unzooms" || fail "unzoom"

tm_keys : o p ' ' 1 0 Enter
tm_wait "Operative · OP 10 of 27" || fail ":op 10"
tm_keys p
tm_wait "Footnote 16" && tm_wait "Treaty Series, vol. 596" && ok "p previews footnote 16" || fail "preview"
tm_keys Escape
tm_wait_gone "┌" || fail "preview closes"
tm_wait "Operative · OP 10 of 27" && tm_wait "Footnotes · 16 of 19" && ok "the preview did not move" ||
	fail "preview moved"

# From the footnote, its "cited in" link goes back to OP 10; with the footnotes pane held
# (s), it stays on footnote 16 while the reader looks at OP 1.
tm_keys s
tm_wait "the footnotes pane stays where it is" && ok "s holds the footnotes pane" || fail "s"
tm_keys : f n ' ' 1 6 Enter
tm_wait "Footnotes · 16 of 19" || fail ":fn 16"
tm_keys : o p ' ' 1 Enter
tm_wait "Operative · OP 1 of 27" || fail ":op 1"
tm_wait "Footnotes · 16 of 19" || fail "the held footnotes pane moved"
tm_keys 3 Enter
tm_wait "Operative · OP 10 of 27" && ok "back-reference from footnote 16 to OP 10" || fail "back-reference"
tm_keys s
tm_wait "the footnotes pane follows the reading" || fail "s again"

# A cited document: PP 1 cites resolution 57/218.
tm_keys : p p ' ' 1 Enter r Enter
tm_wait "resolution 57/218 is cited in" && ok "a cited document lists who cites it" || fail "cited document"
tm_keys q
tm_wait "Preamble · PP 1 of 14" || fail "list closes"

n=$(grep -oi 'reunification' "$SAMPLE" | wc -l)
tm_keys / r e u n i f i c a t i o n Enter
tm_wait "1 of $n" && ok "search counts every match" || fail "search count"
tm_keys n
tm_wait "2 of $n" || fail "n"
tm_keys N
tm_wait "1 of $n" || fail "N"
tm_keys N
tm_wait "search hit TOP, continuing at BOTTOM" && tm_wait "$n of $n" && ok "wraps with a message" ||
	fail "wrap message"

tm_keys C-c
tm_wait "type q to quit" && ok "Ctrl-C does not kill the reader" || fail "Ctrl-C"
tm_keys q
tm_wait "__EXITED__ 0" || fail "q"

# NO_COLOR: attributes only, no colour escapes on screen (a new run in the same server; each
# run has its own database, else the reading position saved by the last run comes back).
tm respawn-pane -k -t t \
	"printf '\\033[H\\033[2J'; env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 NO_COLOR=1 GAVEL_DB=$TMP/nocolor.db $GAVEL; echo __EXITED__ \$?; sleep 3600"
tm_wait "Operative · OP 1 of 27" || fail "NO_COLOR start"
if tm capture-pane -e -p -t t | grep -qE '\[(3[0-7]|4[0-7]|38;|48;)'; then
	fail "NO_COLOR: colours on screen"
else
	ok "NO_COLOR honoured"
fi
tm_keys q
tm_wait "__EXITED__ 0" || fail "q (NO_COLOR)"

# A terminal that is not UTF-8: markers as [16], no byte above ASCII on screen.
tm respawn-pane -k -t t \
	"printf '\\033[H\\033[2J'; env TERM=xterm-256color LANG=C LC_ALL=C GAVEL_DB=$TMP/c.db $GAVEL; echo __EXITED__ \$?; sleep 3600"
tm_wait "Operative - OP 1 of 27" || fail "C locale start"
tm_keys : o p ' ' 1 0 Enter
if tm_wait "1963[16] to ensure" && ! tm_screen | LC_ALL=C grep -q '[^ -~]'; then
	ok "C locale: [16] and plain ASCII"
else
	fail "C locale screen"
fi
tm_keys q
tm_wait "__EXITED__ 0" || fail "q (C locale)"

# A file of several resolutions: ":res" lists them, Enter opens one, search crosses them.
tm respawn-pane -k -t t \
	"printf '\\033[H\\033[2J'; env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 $GAVEL '$top_srcdir/tests/data/shapes/compilation-3.txt'; echo __EXITED__ \$?; sleep 3600"
tm_wait "(1 of 3)" || fail "compilation start"
tm_keys : r e s Enter
tm_wait "3 resolutions in this file" && ok ":res lists the resolutions" || fail ":res list"
tm_keys j j Enter
tm_wait "(3 of 3)" && ok "Enter opens the third" || fail "open from the list"
tm_keys BSpace
tm_wait "(1 of 3)" && ok "Backspace returns to the first" || fail "back across documents"
tm_keys q
tm_wait "__EXITED__ 0" || fail "q (compilation)"
finish
