#!/bin/sh
# reader-notes.sh: notes in the reader (issue 5): select words in OP 10, highlight them, write a
# note, quit, reopen, and find the highlight, the note and the reading position; `gavel notes
# list --json` shows the same annotation. Then: a note added from the command line shows without
# a restart, delete asks first and u undoes it, a long note comes from $VISUAL, and the export
# key writes the file it names.
. "$top_srcdir/tests/lib.sh"
need tmux

cd "$TMP" || exit 1
# A scripted "editor": writes a two-line note into the file it is given.
cat >"$TMP/editor.sh" <<'EOF'
#!/bin/sh
printf 'A long note from the editor\nwith a second line\n' > "$1"
EOF
chmod +x "$TMP/editor.sh"
# A new run of the reader in the same pane (a new tmux server can race the old one's exit).
again() {
	tm respawn-pane -k -t t "printf '\\033[H\\033[2J'; env TERM=xterm-256color LANG=C.UTF-8 \
LC_ALL=C.UTF-8 $*; echo __EXITED__ \$?; sleep 3600"
}

tm_start 100 30 "VISUAL=$TMP/editor.sh $GAVEL"
tm_wait "Operative · OP 1 of 27" || fail "start"
tm_keys : o p ' ' 1 0 Enter
tm_wait "Operative · OP 10 of 27" || fail ":op 10"

# v starts at the paragraph's first character; e and w move by words.
tm_keys v e w e
tm_wait "h l w b e 0 \$ o move" && ok "v selects, with its keys on the status line" || fail "v"
tm_keys 1
tm_wait "highlighted OP 10 (● yellow" && ok "1 highlights the selection in yellow" ||
	fail "highlight"
tm_wait "OP 10● Reaffirms" && ok "the gutter shows the colour's symbol" || fail "gutter symbol"

tm_keys v w w e c
tm_wait "Note on OP 10:" || fail "c opens the note prompt"
tm_keys -l "Consular access — réunification 日本"
tm_keys Enter
tm_wait "note saved on OP 10" && ok "a note typed in place" || fail "note"
tm_wait "OP 10✎ Reaffirms" && ok "the gutter marks the note" || fail "note mark"

# Move on, then quit: the reading position is saved.
tm_keys J J j
tm_wait "Operative · OP 12 of 27" || fail "J to OP 12"
tm_keys q
tm_wait "__EXITED__ 0" && ok "q quits" || fail "quit"

again "VISUAL=$TMP/editor.sh $GAVEL"
tm_wait "Operative · OP 12 of 27" && ok "reopened at OP 12: the reading position came back" ||
	fail "position restored"
tm_keys : o p ' ' 1 0 Enter
tm_wait "OP 10✎ Reaffirms" && ok "after reopening, OP 10 still has its note" || fail "note after reopen"
tm_keys i
tm_wait "Notes on OP 10" && tm_wait "“Reaffirms emphatically”" &&
	tm_wait "Consular access — réunification 日本" && ok "i shows the highlight and the note" ||
	fail "popup"
tm_keys Escape
tm_wait_gone "Notes on OP 10" || fail "popup closes"

"$GAVEL" notes list --json >"$TMP/list.json" 2>"$TMP/err" || fail "notes list: $(cat "$TMP/err")"
grep -q '"para_id": "op10".*"exact": "Reaffirms emphatically", .*"color": "yellow", "note": null' "$TMP/list.json" &&
	grep -q '"para_id": "op10".*"note": "Consular access — réunification 日本"' "$TMP/list.json" &&
	ok "gavel notes list --json shows the same annotations" ||
	fail "notes list --json: $(cat "$TMP/list.json")"

# A note added by another process shows without a restart.
tm_keys a
tm_wait "Notes · 2" && ok "a opens the notes pane" || fail "notes pane"
"$GAVEL" notes add "$SAMPLE" op11 --quote "safeguard and protect" --color red "from the command line" \
	>/dev/null 2>"$TMP/err" || fail "notes add: $(cat "$TMP/err")"
tm_wait "from the command line" && tm_wait "Notes · 3" && ok "a note from the CLI shows up live" ||
	fail "live reload"

# Delete asks first; n keeps, y deletes, u undoes.
tm_keys G d
tm_wait "Delete the note on OP 11" || fail "d asks"
tm_keys n
tm_wait "kept" && tm_wait "Notes · 3" && ok "n keeps the note" || fail "n keeps"
tm_keys d y
tm_wait "Notes · 2" && tm_wait "deleted (u undoes)" && ok "y deletes" || fail "y deletes"
tm_keys u
tm_wait "Notes · 3" && tm_wait "from the command line" && ok "u brings it back" || fail "undo"

# Enter jumps to the note (and into the history).
tm_keys Enter
tm_wait "Operative · OP 11 of 27" && ok "Enter in the pane goes to OP 11" || fail "pane Enter"
tm_keys BSpace
tm_wait "Operative · OP 10 of 27" && ok "Backspace comes back" || fail "history"

# A long note in $VISUAL on the whole paragraph.
tm_keys C
tm_wait "note saved on OP 10" && ok "C writes a note in \$VISUAL" || fail "editor note"
"$GAVEL" notes list --json >"$TMP/list.json" 2>/dev/null
grep -q '"note": "A long note from the editor\\nwith a second line"' "$TMP/list.json" &&
	ok "the editor's two lines were saved" || fail "editor text: $(cat "$TMP/list.json")"

# Export: format, then path (a default in the current directory), then what was written.
tm_keys E
tm_wait "Export format (txt, md, json, csv, annotated): txt" || fail "export asks the format"
tm_keys C-u m d Enter
tm_wait "Export md to: ./A-RES-58-190-notes.md" || fail "export asks the path"
tm_keys Enter
tm_wait "wrote 4 notes (md) to ./A-RES-58-190-notes.md" && ok "E exports and says where" ||
	fail "export"
grep -q "Consular access — réunification 日本" "$TMP/A-RES-58-190-notes.md" &&
	ok "the export holds the note" || fail "export content"
tm_keys q
tm_wait "__EXITED__ 0" || fail "quit"

# An unusable database: the document still opens, with a clear message.
printf 'this is not a database, and it is long enough to look like a file header....' >"$TMP/bad.db"
cp "$TMP/bad.db" "$TMP/bad.orig"
again "GAVEL_DB=$TMP/bad.db $GAVEL"
tm_wait "notes unavailable" && tm_wait "Operative · OP 1 of 27" &&
	ok "a damaged database: the document opens, notes are unavailable" || fail "bad database"
tm_keys v 1
tm_wait "notes unavailable" || fail "no writes without a database"
tm_keys q
tm_wait "__EXITED__ 0" || fail "quit"
cmp -s "$TMP/bad.db" "$TMP/bad.orig" && ok "the damaged database was left alone" ||
	fail "the damaged database was changed"
finish
