#!/bin/sh
# reader-day.sh: a day of preparing a negotiation (issue 17): keys and colours of one's own
# (`bind` in two modes and in the generic map, shown in the help and the hints; a `color`
# line), every bad configuration line reported, a quote copied with its citation through a
# configured command and with :copy to a file, tags added from the reader, undo and redo of a
# highlight, search and command history (also after a restart), and a note written in the
# editor with the paragraph and the quote as comment lines that do not end up in the note.
. "$top_srcdir/tests/lib.sh"
need tmux

cd "$TMP" || exit 1
CONF="$HOME/.config/gavel/config"
mkdir -p "$HOME/.config/gavel"
cat >"$CONF" <<EOF
# Keys of my own: Q quits, K highlights in red while selecting (4 does nothing there now),
# and Ctrl-N moves down a line in every screen that scrolls.
bind reader Q quit
bind select K color-4
bind select 4 none
bind generic <C-n> line-down
color title-focus white blue bold
copy.command = cat >> '$TMP/clip.txt'
EOF
# A scripted editor: keeps what it was given, writes a note above it (the comments stay).
cat >"$TMP/editor.sh" <<EOF
#!/bin/sh
cp "\$1" '$TMP/editor-in.txt'
{ printf 'Avena, para. 153\n# 2 priorities for the delegation\n'; cat '$TMP/editor-in.txt'; } >"\$1.new"
mv "\$1.new" "\$1"
EOF
chmod +x "$TMP/editor.sh"
# scroll_until TEXT: pages down (Ctrl-D) until TEXT shows, waiting for each redraw.
scroll_until() {
	local i=0 j before
	while [ "$i" -lt 40 ]; do
		tm_screen | grep -qF -- "$1" && return 0
		before=$(tm_screen)
		tm_keys C-d
		j=0
		while [ "$j" -lt 100 ] && [ "$(tm_screen)" = "$before" ]; do
			j=$((j + 1)); sleep 0.05
		done
		i=$((i + 1))
	done
	echo "--- screen (scrolled for '$1') ---" >&2; tm_screen >&2
	return 1
}
again() {
	tm respawn-pane -k -t t "printf '\\033[H\\033[2J'; env TERM=xterm-256color LANG=C.UTF-8 \
LC_ALL=C.UTF-8 VISUAL=$TMP/editor.sh $*; echo __EXITED__ \$?; sleep 3600"
}

tm_start 100 30 "VISUAL=$TMP/editor.sh $GAVEL"
tm_wait "Operative · OP 1 of 27" || fail "start"

# The colour line: the focused pane's title in bold white on blue (SGR 1, 37, 44).
esc=$(printf '\033')
if tm capture-pane -e -p -t t | grep "Operative · OP 1 of 27" |
	grep -qF "${esc}[1m${esc}[37m${esc}[44m"; then
	ok "color title-focus white blue bold takes effect"
else
	fail "color line: $(tm capture-pane -e -p -t t | grep 'Operative ·' | cat -v)"
fi

# The generic binding works in two modes: reading and the help.
tm_keys C-n
tm_wait_gone "▶OP 1 " && ok "Ctrl-N scrolls the reading (bind generic)" || fail "Ctrl-N in reading"
tm_keys g '?'
tm_wait "Help: keys of the reader" || fail "help opens"
tm_wait "j, Down, Ctrl-E, Ctrl-N" && ok "the help lists Ctrl-N among the moving keys" ||
	fail "help: generic binding"
tm_keys C-n C-n
tm_wait_gone "gavel: keys of the reader" && ok "Ctrl-N scrolls the help too" || fail "Ctrl-N in help"
# The user's keys in the reader's and the selection's lists.
scroll_until "q, Q                        Quit" && ok "the help shows Q for quit" ||
	fail "help: reader binding"
scroll_until "  K                           Highlight in colour 4 (red)" &&
	ok "the help shows K for colour 4 while selecting" || fail "help: select binding"
tm_keys q
tm_wait_gone "Help: keys of the reader" || fail "help closes"

# Selecting: the hint shows K; K highlights in red; 4 does nothing now.
tm_keys : o p ' ' 1 0 Enter
tm_wait "Operative · OP 10 of 27" || fail ":op 10"
tm_keys v e w e
tm_wait "1 2 3 K 5 highlight" && ok "the selection's hint shows the user's key" || fail "hint"
tm_keys 4
tm_wait "4 does nothing here" && ok "an unbound key says so" || fail "4 unbound"
tm_keys K
tm_wait "highlighted OP 10 (◆ red" && tm_wait "OP 10◆" && ok "K highlights in red" ||
	fail "K highlight"

# Copy with the citation, through the configured command: the paragraph, then words of it.
tm_keys y
tm_wait "copied: “Reaffirms emphatically" || fail "y copies the paragraph"
tm_keys v e w e y
tm_wait "copied: “Reaffirms emphatically …” (A/RES/58/190, para. 10)" || fail "y in select"
if grep -qx "“Reaffirms emphatically the duty of States parties to the Vienna Convention on Consular Relations of 1963 to ensure full respect for and observance of the Convention, in particular with regard to the right of foreign nationals, regardless of their immigration status, to communicate with a consular official of their own State in the case of detention, and the obligation of the State in whose territory the detention occurs to inform the foreign national of that right;” (A/RES/58/190, para. 10)“Reaffirms emphatically …” (A/RES/58/190, para. 10)" "$TMP/clip.txt"; then
	ok "the copy command got the paragraph and the words, each with its citation"
else
	fail "clipboard: $(cat "$TMP/clip.txt")"
fi
# :copy FILE appends the paragraph with its citation to a file.
tm_keys : o p ' ' 3 Enter
tm_keys : c o p y ' ' q u o t e s . t x t Enter
tm_wait "appended to quotes.txt" || fail ":copy FILE"
grep -qx "“Calls upon States to promote and protect fully the human rights of migrants, as contained in the Durban Declaration and Programme of Action;” (A/RES/58/190, para. 3)" "$TMP/quotes.txt" &&
	ok ":copy appends the citation to the file" || fail "quotes.txt: $(cat "$TMP/quotes.txt")"

# Tags from the reader: in the paragraph's popup, with completion of the document's tags.
tm_keys : o p ' ' 1 0 Enter i
tm_wait "Notes on OP 10" || fail "popup"
tm_keys t
tm_wait "Tags of the note on OP 10:" || fail "t asks for tags"
tm_keys -l "consular detention"
tm_keys Enter
tm_wait "#consular #detention" && ok "tags added from the popup" || fail "tags"
"$GAVEL" notes list --json --tag detention >"$TMP/tags.json" 2>&1
grep -q '"tags": \["consular", "detention"\]' "$TMP/tags.json" && ok "the store has the tags" ||
	fail "tags in the store: $(cat "$TMP/tags.json")"

# Undo and redo of the highlight: back through the tags to no highlight, and forward again.
tm_keys Escape u
tm_wait "undone: the highlight on OP 10 is as it was" || fail "undo the tags"
tm_keys u
tm_wait "undone: the highlight on OP 10 is gone" && tm_wait_gone "OP 10◆" &&
	ok "u undoes the highlight" || fail "undo highlight"
tm_keys C-r
tm_wait "redone: the highlight on OP 10 is back" && tm_wait "OP 10◆" && ok "Ctrl-R redoes it" ||
	fail "redo"

# Search history: Up at / walks the searches, newest first; at : the commands.
tm_keys / m i g r a n t Enter
tm_keys / c o n s u l a r Enter
tm_keys / Up
tm_wait "/consular" || fail "Up: the last search"
tm_keys Up
tm_wait "/migrant" && ok "Up at / recalls the searches" || fail "Up twice"
tm_keys Down Down Escape
tm_keys : Up
tm_wait ":op 10" && ok "Up at : recalls the commands" || fail "command history"
tm_keys Escape

# A note in the editor on OP 12: the paragraph and its words as comment lines, stripped.
tm_keys : o p ' ' 1 2 Enter C
tm_wait "note saved on OP 12 (✎ note" && ok "C saves a note from the editor" || fail "editor note"
grep -qx "# Note on OP 12 (A/RES/58/190, para. 12)" "$TMP/editor-in.txt" &&
	grep -q "^# “Urges all States to adopt effective measures" "$TMP/editor-in.txt" &&
	ok "the editor got the paragraph's citation and words as comments" ||
	fail "editor input: $(cat "$TMP/editor-in.txt")"
"$GAVEL" notes list --json >"$TMP/notes.json" 2>&1
grep -q '"para_id": "op12".*"color": "none", "note": "Avena, para. 153\\n# 2 priorities for the delegation"' "$TMP/notes.json" &&
	ok "the comments are stripped; a line of the user's starting with # stays; no highlight" ||
	fail "editor note saved: $(grep op12 "$TMP/notes.json")"
tm_wait "OP 12✎" && ok "the note without a highlight has its gutter mark" || fail "note mark"

tm_keys Q
tm_wait "__EXITED__ 0" && ok "Q quits (bind reader)" || fail "Q"
grep -qx "/consular" "$HOME/.local/state/gavel/history" && ok "the history is kept in XDG_STATE_HOME" ||
	fail "history file"

# The history comes back in the next session.
again "$GAVEL"
tm_wait "Operative · OP 12 of 27" || fail "reopen"
tm_keys / Up
tm_wait "/consular" && ok "the search history survives a restart" || fail "history after restart"
tm_keys Escape Q
tm_wait "__EXITED__ 0" || fail "quit"

# A configuration with problems: each bad line reported, the invalid symbol included; the help
# names the file where it is.
cat >"$CONF" <<'EOF'
key.quit = x
color.yellow.fg = red
color.red.symbol = " "
bind nowhere x quit
color title mauve
bind reader q frobnicate
EOF
mkdir -p "$TMP/xdg/gavel"
mv "$CONF" "$TMP/xdg/gavel/config"
again "XDG_CONFIG_HOME=$TMP/xdg $GAVEL"
tm_wait "config: 6 problems (? lists them)" && ok "the status line counts every bad line" ||
	fail "problems on the status line"
tm_keys '?'
scroll_until "config:6:" || fail "help lists the problems"
tm_wait "6 problems found" || fail "the count in the help"
for n in 1 2 3 4 5 6; do
	tm_wait "$TMP/xdg/gavel/config:$n:" || fail "line $n not reported"
done
tm_wait "invalid symbol ' '" && ok "every bad line is in the help, the invalid symbol too" ||
	fail "invalid symbol"
tm_wait "Read from $TMP/xdg/gavel/config" && ok "the help names \$XDG_CONFIG_HOME's file" ||
	fail "help path"
tm_keys q q
tm_wait "__EXITED__ 0" || fail "quit"
finish
