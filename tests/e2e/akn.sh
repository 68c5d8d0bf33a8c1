#!/bin/sh
# akn.sh: the UN's machine-readable resolutions (AKN4UN XML). gavel's model of each file is
# checked against the XML read straight by akn-check.py (xml.etree, no gavel code): footnotes
# and their texts, every marker after the right words, preambular and operative counts,
# items, annexes and their paragraphs, every word once, ids unique, the record (draft,
# meeting record, sponsors, the vote and each member's vote); the six languages of a
# resolution give the same ids. The copies in tests/data/akn always; the whole reference
# corpus too when it is there ($GAVEL_CORPUS, or ../shared/corpus beside the checkout).
. "${top_srcdir:?}/tests/lib.sh"
need python3
D="$top_srcdir/tests/data/akn"
python3 "$top_srcdir/tests/e2e/akn-check.py" "$GAVEL" "$D" --six "$D"/ga-6/* "$D"/sc-6/* >"$TMP/log" 2>&1 ||
	fail "tests/data/akn: $(grep -c '^FAIL' "$TMP/log") checks failed"
grep '^FAIL' "$TMP/log" | head -20
ok "tests/data/akn: $(grep -c '^ok' "$TMP/log") checks"

# show --record: the draft, the meeting and the vote, by recorded vote and without a vote
# rec FILE TEXT...: each TEXT is a line (or part of one) of `gavel show --record FILE`.
rec() {
	f=$1
	shift
	"$GAVEL" show --record --width 200 "$f" >"$TMP/rec" 2>"$TMP/err" || { fail "show --record $f: $(cat "$TMP/err")"; return; }
	for want in "$@"; do
		grep -qF -- "$want" "$TMP/rec" && ok "show --record ${f##*/}: $want" ||
			fail "show --record ${f##*/}: no '$want' in: $(cat "$TMP/rec")"
	done
}
rec "$D/ga/A_RES_80_10-2519432E.xml" "Draft        A/80/L.11" \
	"Adopted      2025-11-26, 51st plenary meeting (A/80/PV.51)" \
	"Vote         adopted by a recorded vote: 123 in favour, 3 against, 2 abstaining" \
	"Against      ARGENTINA, ISRAEL, UNITED STATES (3)" "Sponsors     Bolivia (Plurinational State of)"
rec "$D/ga-6/78_217/English.xml" "Draft        A/C.3/78/L.52/Rev.1" "Report       A/78/481/Add.2" \
	"Adopted      2023-12-19, 50th plenary meeting (A/78/PV.50)" "Vote         adopted without a vote"
rec "$D/sc/S_RES_2624_2022-2202899E.xml" "Draft        S/2022/158" \
	"(S/PV.8981)" "Vote         adopted by a recorded vote: 11 in favour, 0 against, 4 abstaining" \
	"Charter      acting under Chapter VII"
# the text shapes' vote line fills the same record
rec "$top_srcdir/tests/data/sc/s-res-0242-1967.txt" "Vote     adopted unanimously"

# show --with: each paragraph in both languages under its label, English beside French and
# beside Arabic; a paragraph one copy lacks; two different resolutions refused.
E="$D/ga-6/78_217/English.xml"
if "$GAVEL" show --width 100 "$E" --with "$D/ga-6/78_217/French.xml" op4.a pp1 >"$TMP/with" 2>"$TMP/err"; then
	for want in "PP 1   en  Recalling all its previous resolutions" "       fr  Rappelant toutes ses" \
		"(a)  en  Strongly condemns acts" "fr  Condamne énergiquement" "[1]    en  See Official Records"; do
		grep -qF -- "$want" "$TMP/with" && ok "show --with French: $want" ||
			fail "show --with French: no '$want' in: $(head -c 600 "$TMP/with")"
	done
	grep -q "OP 5" "$TMP/with" && fail "show --with op4.a pp1: printed OP 5"
else
	fail "show --with French: exit $?: $(cat "$TMP/err")"
fi
if "$GAVEL" show --width 100 "$E" --with "$D/ga-6/78_217/Arabic.xml" op1 >"$TMP/with" 2>"$TMP/err"; then
	grep -q "^OP 1   en  Calls upon States" "$TMP/with" && grep -q "^       ar  " "$TMP/with" &&
		[ "$(grep -c 'not in this copy' "$TMP/with")" -eq 0 ] &&
		ok "show --with Arabic: OP 1 in both" || fail "show --with Arabic: $(head -c 600 "$TMP/with")"
else
	fail "show --with Arabic: exit $?: $(cat "$TMP/err")"
fi
expect_exit 65 "show --with a different resolution" "$GAVEL" show "$E" --with "$D/ga/A_RES_80_10-2519432E.xml"
expect_exit 65 "show --with: an id neither copy has" "$GAVEL" show "$E" --with "$D/ga-6/78_217/French.xml" op99
"$GAVEL" show --width 100 "$top_srcdir/share/a-res-58-190-en.ods.txt" --with "$D/ga-6/78_217/English.xml" \
	>/dev/null 2>"$TMP/err" && fail "show --with 58/190 and 78/217 was accepted"

corpus=${GAVEL_CORPUS:-}
for c in "$top_srcdir/../shared/corpus" "$top_srcdir/../../shared/corpus"; do
	[ -z "$corpus" ] && [ -d "$c/akn" ] && corpus=$c
done
if [ -n "$corpus" ] && [ -d "$corpus/akn" ]; then
	python3 "$top_srcdir/tests/e2e/akn-check.py" "$GAVEL" "$corpus/akn" \
		--six "$corpus"/akn/ga-6/* "$corpus"/akn/sc-6/* >"$TMP/log" 2>&1 ||
		fail "$corpus/akn: $(grep -c '^FAIL' "$TMP/log") checks failed"
	grep '^FAIL' "$TMP/log" | head -20
	ok "$corpus/akn: $(grep -c '^ok' "$TMP/log") checks on $(find "$corpus/akn" -name '*.xml' | wc -l) files"
else
	echo "note: no reference corpus beside the checkout (set GAVEL_CORPUS): tests/data/akn only"
fi
finish
