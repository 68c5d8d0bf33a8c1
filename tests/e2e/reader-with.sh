#!/bin/sh
# reader-with.sh: two languages side by side in the reader (issue 11): gavel FILE --with OTHER
# shows English beside French paragraph by paragraph, scrolling together; a note made on a
# paragraph of either copy shows on that paragraph in both; :with opens Arabic beside
# English from the reader; I shows the record of adoption (the draft, the meeting, the vote).
. "$top_srcdir/tests/lib.sh"
need tmux

cd "$TMP" || exit 1
D="$top_srcdir/tests/data/akn/ga-6/78_217"
# A new run of the reader in the same pane.
again() {
	tm respawn-pane -k -t t "printf '\\033[H\\033[2J'; env TERM=xterm-256color LANG=C.UTF-8 \
LC_ALL=C.UTF-8 $*; echo __EXITED__ \$?; sleep 3600"
}

# Notes first, from the command line: one on the French OP 2, one on the English OP 1.
"$GAVEL" notes add "$D/French.xml" op2 --quote "S’inquiète des incidences" "note en français" \
	>/dev/null 2>"$TMP/err" || fail "notes add French: $(cat "$TMP/err")"
"$GAVEL" notes add "$D/English.xml" op1 --quote "Calls upon States" "an English note" \
	>/dev/null 2>"$TMP/err" || fail "notes add English: $(cat "$TMP/err")"

tm_start 120 30 "$GAVEL" "$D/English.xml" --with "$D/French.xml"
tm_wait "paragraphs paired" && ok "--with: the two copies paired" || fail "--with did not open"
tm_wait " fr A/RES/78/217 · Protection des migrants" && ok "the French copy's title on the right" ||
	fail "no French title"
tm_wait " en A/RES/78/217 · Protection of migrants" || fail "no English title"
tm_wait "Calls upon States to promote and protect" || fail "English OP 1"
tm_wait "Demande aux États de promouvoir et de" && ok "OP 1 in both languages, side by side" ||
	fail "French OP 1"
# each note shows on its paragraph in both copies: its own (text), the other's (quote and text)
tm_wait "en: «Calls upon States» an English note" && ok "the English note on the French OP 1" ||
	fail "English note beside"
tm_keys ']'
tm_wait "fr: «S’inquiète des incidences» note en français" &&
	ok "the French note on the English OP 2" || fail "French note beside"
tm_wait "▶OP 2" && ok "] moves to the next pair" || fail "]"
# scrolling moves both sides together: after a page, both show OP 3 or later, and neither OP 1
tm_keys ' '
tm_wait_gone "Demande aux États de promouvoir" && tm_wait_gone "Calls upon States to promote" &&
	ok "a page scrolls both copies" || fail "page"
i=0
while [ "$(tm_screen | grep -c '[a-z].*│.*[a-z]')" -lt 10 ] && [ $i -lt 100 ]; do
	i=$((i + 1))
	sleep 0.05
done
[ $i -lt 100 ] && ok "text on both sides after scrolling" || fail "after scrolling: $(tm_screen | head -5)"
# Enter: back to reading at that paragraph
tm_keys Enter
tm_wait "Operative · OP" && ok "Enter returns to reading" || fail "Enter"
tm_wait_gone "│▶OP" || fail "the second copy stayed"

# The record of adoption on I
tm_keys I
tm_wait "The record of A/RES/78/217" && ok "I opens the record" || fail "I"
tm_wait "A/C.3/78/L.52/Rev.1" && tm_wait "50th plenary meeting (A/78/PV.50)" &&
	tm_wait "adopted without a vote" && ok "the record: draft, meeting, without a vote" ||
	fail "record without a vote"
tm_keys q
tm_wait "Operative · OP" || fail "q closes the record"

# :with from the reader, Arabic beside English
tm_keys :
tm_keys -l "with $D/Arabic.xml"
tm_keys Enter
tm_wait " ar A/RES/78/217" && ok ":with opens Arabic beside English" || fail ":with Arabic"
tm_screen | grep "│" | LC_ALL=C.UTF-8 grep -qP "[\x{0600}-\x{06FF}\x{FE70}-\x{FEFF}]" &&
	ok "Arabic text on the right" ||
	fail "no Arabic text: $(tm_screen | head -8)"
tm_screen | grep -q "not in this copy" && fail "Arabic: a paragraph unpaired"
tm_keys q
tm_wait "Operative · OP" && ok "q closes the second copy" || fail "q"

# A recorded vote: the counts and the draft
again "$GAVEL" "$top_srcdir/tests/data/akn/ga/A_RES_80_10-2519432E.xml"
tm_wait "Operative · OP 1 of 3" || fail "80/10"
tm_keys I
tm_wait "adopted by a recorded vote: 123 in favour, 3 against, 2 abstaining" &&
	tm_wait "A/80/L.11" && tm_wait "(A/80/PV.51)" && ok "the record of a recorded vote" ||
	fail "record of a recorded vote"
tm_keys q q
tm_wait "__EXITED__ 0" || fail "quit"

# A file that is not the same resolution: one line, exit 65
again "$GAVEL" "$D/English.xml" --with "$top_srcdir/tests/data/akn/ga/A_RES_80_10-2519432E.xml"
tm_wait "__EXITED__ 65" && ok "--with another resolution: exit 65" || fail "--with another resolution"
tm_wait "is A/RES/80/10, not A/RES/78/217" && ok "... saying which it is" || fail "its message"
finish
