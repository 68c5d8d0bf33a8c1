#!/bin/sh
# reader-place.sh: where the reader is (issue 17): zooming out and in keeps the current
# paragraph in view; the footnotes pane follows the reading, and holds still when asked; all
# three panes and the zoom come back after quitting; a selection started on a search match
# does not look like the match; the status line gives a long title the room there is; and
# without a copy command the quote goes to the terminal's clipboard (OSC 52).
. "$top_srcdir/tests/lib.sh"
need tmux

cd "$TMP" || exit 1
again() {
	tm respawn-pane -k -t t "printf '\\033[H\\033[2J'; env TERM=xterm-256color LANG=C.UTF-8 \
LC_ALL=C.UTF-8 $*; echo __EXITED__ \$?; sleep 3600"
}

tm_start 100 30 "$GAVEL"
tm_wait "Operative · OP 1 of 27" || fail "start"

# The footnotes pane shows what the paragraphs on screen cite: OP 1 cites footnote 7, OP 10
# footnote 16; OP 20 none, so the next footnote cited on screen (17, OP 23).
tm_wait "Footnotes · 7 of 19" && ok "the footnotes pane shows OP 1's footnote" || fail "follow at start"
tm_keys : o p ' ' 1 0 Enter
tm_wait "Footnotes · 16 of 19" && tm_wait "▶16  United Nations, Treaty Series" &&
	ok "it follows to OP 10's footnote" || fail "follow OP 10"
# s holds it still; s again lets it follow.
tm_keys s : o p ' ' 2 Enter
tm_wait "Operative · OP 2 of 27" || fail ":op 2"
tm_wait "Footnotes · 16 of 19" && ok "held, it stays on footnote 16" || fail "hold"
tm_keys s
tm_wait "the footnotes pane follows the reading" && tm_wait "Footnotes · 1 of 19" &&
	ok "following again, it shows OP 2's first footnote" || fail "follow again"

# Zoom out and in: OP 20 stays in view, marked.
tm_keys : o p ' ' 2 0 Enter
tm_wait "▶OP 20" || fail ":op 20"
tm_keys z
tm_wait "zoomed (z)" || fail "zoom"
tm_keys z
tm_wait_gone "zoomed (z)" || fail "unzoom"
tm_wait "▶OP 20" && tm_wait "Operative · OP 20 of 27" && ok "zooming keeps OP 20 in view" ||
	fail "zoom lost the paragraph"
tm_keys z z z
tm_wait "zoomed (z)" || fail "zoom again"
tm_wait "▶OP 20" && ok "and zoomed in again too" || fail "zoomed in"
tm_keys z
tm_wait_gone "zoomed (z)" || fail "unzoom again"

# A selection on a search match: the match is black on yellow (the current one magenta), the
# selection reverse and underlined, never the match's colours.
esc=$(printf '\033')
tm_keys / c o n s u l a r ' ' o f f i c i a l Enter
tm_wait "Operative · OP 10 of 27" || fail "search"
tm capture-pane -e -p -t t >"$TMP/match.txt"
grep -qF "${esc}[1m${esc}[30m${esc}[45mconsular official" "$TMP/match.txt" &&
	ok "the current match is drawn as the match" || fail "match: $(grep 'consular official' "$TMP/match.txt" | cat -v)"
tm_keys v
tm_wait "h l w b e 0 \$ o move" || fail "v on the match"
tm capture-pane -e -p -t t >"$TMP/sel.txt"
if grep -qF "7mconsular official" "$TMP/sel.txt" &&
   ! grep -qF "${esc}[45mconsular official" "$TMP/sel.txt"; then
	ok "the selection started on the match looks like a selection, not the match"
else
	fail "selection: $(grep 'consular official' "$TMP/sel.txt" | cat -v)"
fi

# Copy without a command: OSC 52, which tmux takes into its paste buffer.
tm set-option -g set-clipboard on
tm_keys y
tm_wait "copied: “… consular official …” (A/RES/58/190, para. 10)" || fail "y"
i=0
while [ "$i" -lt 100 ] && ! tm show-buffer 2>/dev/null | grep -qF "consular official"; do
	i=$((i + 1)); sleep 0.05
done
[ "$(tm show-buffer 2>/dev/null)" = "“… consular official …” (A/RES/58/190, para. 10)" ] &&
	ok "the quote and its citation reached the clipboard (OSC 52)" ||
	fail "OSC 52: $(tm show-buffer 2>&1)"

# Three panes and the zoom come back: preamble at PP 5, operative at OP 20, footnotes at 12,
# focused and zoomed.
tm_keys Escape : p p ' ' 5 Enter : o p ' ' 2 0 Enter : f n ' ' 1 2 Enter z
tm_wait "Footnotes · 12 of 19 · zoomed (z)" || fail "set up the panes"
tm_keys q
tm_wait "__EXITED__ 0" || fail "q"
again "$GAVEL"
tm_wait "Footnotes · 12 of 19 · zoomed (z)" && ok "the focused pane and the zoom came back" ||
	fail "zoom restored"
tm_keys z
tm_wait "Preamble · PP 5 of 14" && tm_wait "Operative · OP 20 of 27" &&
	tm_wait "Footnotes · 12 of 19" && ok "all three panes came back where they were" ||
	fail "panes restored"
tm_keys q
tm_wait "__EXITED__ 0" || fail "q"

# A long title on a wide terminal: the status line gives it the room there is.
title="Protection of migrants, including the human rights of migrant workers and members of their families at sea"
sed "s/Protection of migrants/$title/" "$SAMPLE" >"$TMP/long.txt"
tm resize-window -t t -x 200 -y 30
again "GAVEL_DB=$TMP/long.db $GAVEL $TMP/long.txt"
tm_wait "A/RES/58/190 · $title" && ok "a 106-column title shows whole at 200 columns" ||
	fail "title cut: $(tm_screen | tail -1)"
tm resize-window -t t -x 80 -y 30
tm_wait "including the human rights of m… ? help" &&
	ok "at 80 columns it is cut where the room ends" || fail "title at 80: $(tm_screen | tail -1)"
tm_keys q
tm_wait "__EXITED__ 0" || fail "q"
finish
