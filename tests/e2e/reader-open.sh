#!/bin/sh
# reader-open.sh: the reader on the bundled resolution at 100x30 and 60x20: three panes, :op 10
# then Enter lands on footnote 16, Backspace returns, search brings OP 18 into view, the help,
# and q leaves the terminal as it was.
. "$top_srcdir/tests/lib.sh"
need tmux

# "migrant children" is in OP 18 and nowhere before it.
nmatch=$(grep -oi 'migrant children' "$SAMPLE" | wc -l)

first=1
for size in 100x30 60x20; do
	cols=${size%x*}; rows=${size#*x}
	if [ "$first" = 1 ]; then
		tm_start "$cols" "$rows" "$GAVEL"
		first=0
	else
		# A new run in the same tmux server (restarting the server races with its exit), with
		# its own database: the reading position saved by the last run would be restored.
		tm resize-window -t t -x "$cols" -y "$rows"
		tm respawn-pane -k -t t \
			"printf '\\033[H\\033[2J'; env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 GAVEL_DB=$TMP/$size.db $GAVEL; echo __EXITED__ \$?; sleep 3600"
	fi
	# The footnotes pane shows what OP 1 cites: footnote 7.
	if tm_wait "Operative · OP 1 of 27" && tm_wait "Preamble · PP 1 of 14" &&
	   tm_wait "Footnotes · 7 of 19" && tm_wait "A/RES/58/190"; then
		ok "$size: opens with three panes and the status line"
	else
		fail "$size: three panes"
	fi
	tm_keys : o p ' ' 1 0 Enter
	tm_wait "Operative · OP 10 of 27" && tm_wait "▶OP 10" && ok "$size: :op 10" || fail "$size: :op 10"
	tm_keys Enter
	if tm_wait "Footnotes · 16 of 19" && tm_wait "▶16  United Nations, Treaty Series, vol. 596"; then
		ok "$size: Enter lands on footnote 16, selected"
	else
		fail "$size: Enter on OP 10"
	fi
	tm_keys BSpace
	tm_wait "Operative · OP 10 of 27" && tm_wait_gone "footnote 16 (Backspace" || fail "$size: back"
	# Focus is back in the operative pane: ] moves to OP 11 there.
	tm_keys ']'
	tm_wait "Operative · OP 11 of 27" && ok "$size: Backspace returns to OP 10" || fail "$size: focus after back"
	tm_keys / m i g r a n t ' ' c h i l d r e n Enter
	if tm_wait "Operative · OP 18 of 27" && tm_wait "▶OP 18" && tm_wait "1 of $nmatch"; then
		ok "$size: /migrant children brings OP 18 into view"
	else
		fail "$size: search"
	fi
	tm_keys '?'
	tm_wait "Help: keys of the reader" && tm_wait "Moving, in every screen" &&
		ok "$size: ? shows the help" || fail "$size: help"
	tm_keys q
	tm_wait_gone "Help: keys of the reader" || fail "$size: help closes"
	tm_wait "Operative · OP 18 of 27" || fail "$size: back from help"
	tm_keys q
	if tm_wait "__EXITED__ 0"; then
		alt=$(tm display-message -p -t t '#{alternate_on}')
		cur=$(tm display-message -p -t t '#{cursor_flag}')
		if [ "$alt" = 0 ] && [ "$cur" = 1 ] && ! tm_screen | grep -qF "Operative ·"; then
			ok "$size: q restores the terminal"
		else
			fail "$size: terminal after q: alternate_on=$alt cursor_flag=$cur"
		fi
	else
		fail "$size: q"
	fi
done
finish
