#!/bin/sh
# reader-library.sh: the library in the reader (issue 14), driven in tmux: a citation followed
# from 78/217 into 76/172 and Backspace back; "paragraph 5 of its resolution 76/172" lands on
# that paragraph; "paragraph 1 above" is a link in the document; a resolution not in the
# library gives its undocs.org address; the back-links; the library's list filtered as you
# type; :open with completion; a search of the whole library; the wording used before.
. "$top_srcdir/tests/lib.sh"
need tmux
D="$top_srcdir/tests/data/library"
"$GAVEL" add "$D" > "$TMP/add" 2>&1 || { fail "add: $(cat "$TMP/add")"; finish; }
grep -q "^5 resolutions" "$TMP/add" || fail "the test library: $(cat "$TMP/add")"
env="GAVEL_DB=$GAVEL_DB XDG_DATA_HOME=$XDG_DATA_HOME HOME=$HOME"

tm_start 120 35 "env $env $GAVEL 78/217"
tm_wait "A/RES/78/217 · Protection of migrants" && tm_wait "Preamble · PP 1 of 46" \
	&& ok "gavel 78/217 opens it from the library" || fail "start"

# PP 1: "the most recent of which is resolution 76/172": follow it, and back.
tm_keys 1 r
tm_keys Enter
tm_wait "A/RES/76/172 · Protection of migrants" && tm_wait "from the library (Backspace comes back)" \
	&& ok "Enter on resolution 76/172 opens it" || fail "follow into 76/172"
tm_keys BSpace
tm_wait "A/RES/78/217 · Protection of migrants" && tm_wait "Preamble · PP 1 of 46" \
	&& ok "Backspace comes back into 78/217" || fail "back into 78/217"
tm_keys L
tm_wait "A/RES/76/172 · Protection of migrants" && ok "forward again (L)" || fail "forward"
tm_keys BSpace
tm_wait "A/RES/78/217 · Protection of migrants" || fail "back again"

# The wording of OP 1 used before: 76/172's OP 1, the same words.
tm_keys 2 U
tm_wait "The wording of OP 1 used before" && tm_wait "A/RES/76/172 OP 1 (same words)" \
	&& ok "U: the paragraph 76/172 repeats" || fail "used before"
tm_keys Enter
tm_wait "A/RES/76/172 · Protection of migrants" && tm_wait "Operative · OP 1 of 23" \
	&& ok "Enter opens 76/172 at that paragraph" || fail "used: open"

# Back-links of 76/172: 78/217 and the made-up 85/7.
tm_keys B
tm_wait "What cites A/RES/76/172 in the library: 3" && tm_wait "A/RES/85/7 PP 2" \
	&& ok "B lists what cites it, from which paragraph" || fail "back-links"
tm_keys Down Down Enter
tm_wait "A/RES/85/7 · Follow-up to the protection of migrants" && tm_wait "Preamble · PP 2 of 3" \
	&& ok "a back-link opens the citing paragraph" || fail "back-link: open"

# PP 2: "paragraph 5 of its resolution 76/172" lands on OP 5.
tm_keys 1 r Enter
tm_wait "A/RES/76/172 · Protection of migrants" && tm_wait "Operative · OP 5 of 23" \
	&& ok "paragraph 5 of its resolution 76/172: OP 5" || fail "paragraph reference"
tm_keys BSpace
tm_wait "A/RES/85/7 ·" || fail "back to 85/7"
# "paragraph 4 (b) of its resolution 78/217": the item.
tm_keys r r Enter
tm_wait "A/RES/78/217 ·" && tm_wait "Operative · OP 4 (b)" \
	&& ok "paragraph 4 (b) of its resolution 78/217: OP 4 (b)" || fail "item reference"
tm_keys BSpace
tm_wait "A/RES/85/7 ·" || fail "back to 85/7 again"

# PP 3: a resolution not in the library.
tm_keys ] r Enter
tm_wait "S/RES/2672(2023): not in the library; https://undocs.org/S/RES/2672(2023)" \
	&& ok "not in the library: its undocs.org address" || fail "undocs address"
tm_keys q

# OP 2: "paragraph 1 above", a link in the document.
tm_keys : o p ' ' 2 Enter
tm_wait "Operative · OP 2 of 3" || fail ":op 2"
tm_keys r Enter
tm_wait "Operative · OP 1 of 3" && ok "paragraph 1 above: OP 1" || fail "paragraph above"

# The library's list, filtered as typed; Tab sorts.
tm_keys O
tm_wait "The library: 5, by symbol" && ok "O: the library's list" || fail "library list"
tm_keys m i g r a n t s
tm_wait 'The library: 3 of 5 matching "migrants"' && ok "filtered as typed" || fail "filter"
tm_keys Tab
tm_wait "by date" && ok "Tab sorts by date" || fail "sort"
tm_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
tm_wait "The library: 5, by date" && ok "Backspace unfilters" || fail "unfilter"
tm_keys Escape

# :open with completion of symbols (and titles).
tm_keys : o p e n ' ' 7 6 / Tab
tm_wait ":open A/RES/76/172 Protection of migrants" && ok ":open completes a symbol with its title" \
	|| fail "completion"
tm_keys Enter
tm_wait "A/RES/76/172 · Protection of migrants" && ok ":open opens it" || fail ":open"

# A search of the whole library; Enter opens the hit at its paragraph.
tm_keys S
tm_keys "pre-recorded statement" Enter
tm_wait '"pre-recorded statement" in the library, oldest first: 4' && ok "S: the library's hits" \
	|| fail "library search"
tm_keys Enter
tm_wait "A/RES/80/1 ·" && tm_wait "Operative · OP 1 (a)" && ok "a hit opens at its paragraph" \
	|| fail "search: open"
tm_keys q
tm_wait "__EXITED__ 0" && ok "quits cleanly" || fail "quit"
finish
