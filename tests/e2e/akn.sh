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
