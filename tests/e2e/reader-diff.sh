#!/bin/sh
# reader-diff.sh: the redline in the reader, driven in tmux: :diff OLD opens it in the panes
# with the counts on the status line, n steps to the changes, deleted and inserted words carry
# their colours, s shows the texts side by side, Enter both versions, q goes back to reading;
# a missing file is a message, not a crash.
. "$top_srcdir/tests/lib.sh"
need tmux
D="$top_srcdir/tests/data/diff"

tm_start 120 36 "GAVEL_DB=$TMP/r.db $GAVEL $D/lighthouses-new.txt"
tm_wait "A/RES/80/98" || fail "the reader did not open"
tm_keys : d i f f ' ' "$TMP/missing.txt" Enter
tm_wait "missing.txt:" && ok "a missing file is a message" || fail "missing file"
tm_keys : d i f f ' ' "$D/lighthouses-old.txt" Enter
if tm_wait "Redline · Operative · 9 changes" && tm_wait "Redline · Preamble · 3 changes" &&
   tm_wait "A/RES/79/77 → A/RES/80/98: 15 unchanged, 8 changed, 1 moved, 3 new, 2 deleted"; then
	ok ":diff opens the redline in the panes, the counts on the status line"
else
	fail ":diff"
fi
tm_wait "OP 4  moved from OP 1" && tm_wait "OP 1  was OP 2: Takes note" && tm_wait "OP 1  moved to OP 4" &&
	ok "moved and renumbered paragraphs say so" || fail "moved/renumbered labels"
# Colours: "75/70" deleted (dim red), "77/88" inserted (underlined green).
tm capture-pane -p -e -t t >"$TMP/screen"
E=$(printf '\033')
grep -q "${E}\[2m${E}\[31m75/70${E}\[0;4m${E}\[32m${E}\[49m77/88" "$TMP/screen" &&
	ok "deleted and inserted words in their colours" ||
	fail "colours: $(grep -a 75/70 "$TMP/screen" | od -c | head -8)"
tm_keys n
tm_wait "change 1 of 15: changed" && ok "n: the first change" || fail "n"
tm_keys n n
tm_wait "change 3 of 15: deleted" && ok "n n: the third, a deleted paragraph" || fail "n n"
tm_keys N
tm_wait "change 2 of 15: changed" && ok "N: back one" || fail "N"
tm_keys Enter
tm_wait "Old, A/RES/79/77 PP 2" && tm_wait "New, A/RES/80/98 PP 2" &&
	ok "Enter: both versions" || fail "Enter on a changed paragraph"
tm_keys Escape
tm_wait_gone "Old, A/RES/79/77 PP 2" || fail "Esc did not close the versions"
tm_keys s
tm_wait "Redline · Preamble · old | new" && tm_wait "2020 on the│Recalling its resolution 77/88" && ok "s: side by side" || fail "s"
tm_keys s q
tm_wait "Operative · OP 1 of" && tm_wait_gone "Redline" && ok "q: back to reading" || fail "q"
tm_keys q
tm_wait "__EXITED__ 0" && ok "quits cleanly" || fail "exit"
finish
