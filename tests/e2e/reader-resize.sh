#!/bin/sh
# reader-resize.sh: resizing re-lays out at once; no line ever leaves its pane (side by side the
# rules between panes stay whole, stacked every row starts in the gutter); a tiny terminal
# gets a message; growing back restores the panes.
. "$top_srcdir/tests/lib.sh"
need tmux
need bash

# Checks the current screen with bash (character-wise in a UTF-8 locale): side by side, every
# pane row has the rules at the same columns as the first row; stacked, no text starts in
# column 0 (curses would wrap an overlong line there).
check_screen() {
	tm_screen >"$TMP/screen"
	LC_ALL=C.UTF-8 bash -c '
		rows=$1; file=$2; n=0; rules=""
		while IFS= read -r line; do
			n=$((n + 1)); [ "$n" -ge "$rows" ] && break
			if [ "$n" -eq 1 ]; then
				for ((i = 0; i < ${#line}; i++)); do
					[ "${line:i:1}" = "│" ] && rules="$rules $i"
				done
			fi
			for c in $rules; do
				[ "${line:c:1}" = "│" ] || { echo "row $n: rule at $c broken: $line"; exit 1; }
			done
			if [ -z "$rules" ]; then
				case "${line:0:1}" in " "|"▶"|"▌"|"") ;; *) echo "row $n overflows: $line"; exit 1;; esac
			fi
		done <"$file"
		exit 0' check "$1" "$TMP/screen"
}

# The same, polled for a moment: a capture may catch the terminal in the middle of a redraw.
check_until() {
	local i=0
	while [ "$i" -lt 40 ]; do
		check_screen "$1" >/dev/null && return 0
		i=$((i + 1)); sleep 0.05
	done
	check_screen "$1"
}

# Waits until the reader has handled everything sent so far (a resize comes before later keys):
# types a throwaway command line, sees it, cancels it.
sync_screen() {
	tm_keys : z z
	tm_wait ":zz" && tm_keys Escape && tm_wait_gone ":zz"
}

tm_start 100 30 "$GAVEL"
tm_wait "Operative · OP 1 of 27" || fail "start"
tm_keys : o p ' ' 2 Enter
tm_wait "Operative · OP 2 of 27" || fail ":op 2"
check_until 30 && ok "100x30 fits" || fail "100x30"

tm resize-window -t t -x 140 -y 35
if tm_wait "│" && tm_wait "Operative · OP 2 of 27" && [ "$(tm_screen | head -n 1 | grep -o '│' | wc -l)" -eq 2 ]; then
	check_until 35 && ok "140x35: side by side, rules whole" || fail "140x35 overflow"
else
	fail "140x35: not side by side"
fi

tm resize-window -t t -x 60 -y 20
sync_screen
tm_wait_gone "│" && tm_wait "Operative · OP 2 of 27" || fail "60x20 relayout"
check_until 20 && ok "60x20 stacked fits" || fail "60x20 overflow"

tm resize-window -t t -x 41 -y 12
sync_screen
tm_wait "Operative" && check_until 12 && ok "41x12 fits" || fail "41x12"

tm resize-window -t t -x 25 -y 8
tm_wait "Terminal too small" && ok "25x8: a clear message" || fail "too small"
tm_keys z
tm_wait_gone "Terminal too small" && tm_wait "Operative ·" && ok "25x8: zoom shows one pane" ||
	fail "zoom when small"
tm_keys z

tm resize-window -t t -x 100 -y 30
sync_screen
tm_wait "Preamble ·" && tm_wait "Footnotes ·" && tm_wait "Operative · OP 2 of 27" &&
	ok "back to 100x30" || fail "grow back"
check_until 30 || fail "100x30 after resizes"
tm_keys q
tm_wait "__EXITED__ 0" || fail "q"
finish
