#!/bin/sh
# pdf.sh: the official PDF read from its pages (issue 13). Each PDF in tests/data/pdf/ gives
# exactly its gold model (pdf-check.py: record, every paragraph's id and text, footnotes, every
# marker with its footnote and the word before it): the three official PDFs of the reference
# corpus, whose gold was written by reading them, and the resolutions typeset from the UN's
# AKN XML in the six languages (tests/data/pdf/gen/, gold from the XML). Then the commands take
# a PDF like any file: show, search, notes (anchored as on the text copy) and export, and the
# reader opens one. Without MuPDF (gavel-pdf not built) gavel's own reader reads them all, and
# only the case of the helper's progress is skipped.
. "${top_srcdir:?}/tests/lib.sh"
need python3
helper=0
[ -x "${GAVEL_PDF_HELPER:-}" ] && helper=1
[ "$helper" = 1 ] || echo "gavel-pdf is not built (no MuPDF): gavel's own reader reads the PDFs"
D="$top_srcdir/tests/data/pdf"

for pdf in "$D"/*.pdf "$D"/gen/*.pdf; do
	python3 "$top_srcdir/tests/e2e/pdf-check.py" "$GAVEL" "${pdf%.pdf}.gold.json" "$pdf" ||
		fail "$(basename "$pdf") differs from its gold"
done
# the gold `make fidelity` takes as XML (gold-to-akn.py) reads back as the same gold
for xml in "$D"/gold/*.xml; do
	b=$(basename "$xml" .xml)
	python3 "$top_srcdir/tests/e2e/pdf-check.py" "$GAVEL" "$D/$b-EN.gold.json" "$xml" ||
		fail "$b.xml differs from the gold it was written from"
done

# show: the marker as a link after its word, the footnote below, no furniture
expect_exit 0 "show a PDF" "$GAVEL" show --width 100 "$D/A_RES_73_7-EN.pdf"
grep -q "Rome Statute of the International Criminal Court\[1\] reaffirms" "$TMP/out" &&
	ok "show: marker 1 after its word" || fail "show: marker 1 not after 'Court'"
grep -qE "18-18142|2/5|\*1818142\*" "$TMP/out" && fail "show: page furniture in the text" ||
	ok "show: no page furniture"
expect_exit 0 "show one paragraph of a PDF" "$GAVEL" show --width 200 "$D/A_RES_73_6-EN.pdf" op14
grep -q "rules and procedures of the United Nations" "$TMP/out" && ok "show op14" || fail "show op14"

# search
expect_exit 0 "search a PDF" "$GAVEL" search "Relationship Agreement" "$D/A_RES_73_7-EN.pdf"
[ "$(grep -c "Relationship Agreement" "$TMP/out")" -ge 5 ] && ok "search: the paragraphs found" ||
	fail "search: $(head -c 200 "$TMP/out")"

# notes: made on the PDF, anchored on the text copy of the same resolution
expect_exit 0 "notes add on a PDF" "$GAVEL" notes add "$D/A_RES_73_7-EN.pdf" op12 \
	--quote "shall cooperate closely" "Article 3"
expect_exit 0 "notes list on the text copy" "$GAVEL" notes list --json "$D/A_RES_73_7-EN.txt"
grep -q '"para_id": "op12"' "$TMP/out" && grep -q '"status": "anchored"' "$TMP/out" &&
	ok "the note on the PDF is anchored in the text copy" ||
	fail "notes on the text copy: $(head -c 300 "$TMP/out")"
expect_exit 0 "export the PDF's notes" "$GAVEL" export --format md "$D/A_RES_73_7-EN.pdf"
grep -q "shall cooperate closely" "$TMP/out" && ok "export: the quote" || fail "export: no quote"

# the reader: a PDF's first screen
if command -v tmux >/dev/null 2>&1; then
	tm_start 100 30 "GAVEL_PDF_HELPER=$GAVEL_PDF_HELPER" "$GAVEL" "$D/A_RES_73_6-EN.pdf"
	tm_wait "Recalling its resolutions 2453 A (XXIII)" 20 && ok "reader: a PDF's first screen" ||
		fail "reader: no first screen of the PDF"
	tm_keys q
	tm_wait "__EXITED__ 0" 20 && ok "reader: exit 0" || fail "reader: $(tm_screen | tail -3)"
	tm kill-server 2>/dev/null
fi
# the reader's progress on a long PDF (200 pages, read in the background after its first
# screen): the page its reader is on, never a percentage (one timed on the opening said 99% at
# once). Its text is not kept yet (a cache of its own), and gavel's own reader is off (it
# reads the 200 pages in a tenth of a second), so the helper reads every page.
if command -v tmux >/dev/null 2>&1 && command -v mutool >/dev/null 2>&1; then
	set --
	i=0
	while [ "$i" -lt 20 ]; do set -- "$@" "$D/A_RES_73_3-EN.pdf"; i=$((i + 1)); done
	mutool merge -o "$TMP/long.pdf" "$@" >/dev/null 2>&1 || fail "mutool merge"
fi
if [ "$helper" = 1 ] && [ -f "$TMP/long.pdf" ]; then
	TMUX_SOCK="gavel-test-$$-long"   # a fresh server: the old one may still be going away
	tm_start 100 30 "GAVEL_PDF_HELPER=$GAVEL_PDF_HELPER" "XDG_CACHE_HOME=$TMP/long-cache" \
		GAVEL_PDF_QUICK=0 "$GAVEL" "$TMP/long.pdf"
	tm_wait "reading long.pdf" 20 || fail "reader: no 'reading' status for a long PDF"
	pct="" pages="" i=0
	while [ "$i" -lt 1200 ]; do
		s=$(tm_screen | grep "reading long.pdf") || break
		case $s in *%*) pct="$s" ;; esac
		echo "$s" | grep -qE "page [0-9]+ of 200" && pages="$s"
		i=$((i + 1)); sleep 0.05
	done
	[ -z "$pct" ] && ok "reader: no percentage for a PDF" || fail "reader: a percentage: $pct"
	[ -n "$pages" ] && ok "reader: a PDF's progress in pages ($pages)" ||
		fail "reader: no page progress"
	tm_wait_gone "reading long.pdf" 60 && ok "reader: the whole PDF read" || fail "still reading"
	tm_keys q
	tm_wait "__EXITED__ 0" 20 && ok "reader: exit 0 after the long PDF" ||
		fail "reader: $(tm_screen | tail -3)"
	tm kill-server 2>/dev/null
fi
if [ -f "$TMP/long.pdf" ]; then
	# gavel's own reader, on: the opening and the whole, never the helper (here one that
	# fails), its 20 resolutions there once the reading line is gone
	TMUX_SOCK="gavel-test-$$-own"   # a fresh server: the old one may still be going away
	tm_start 100 30 "GAVEL_PDF_HELPER=/bin/false" "XDG_CACHE_HOME=$TMP/long-cache-own" \
		"$GAVEL" "$TMP/long.pdf"
	tm_wait "(1 of 20)" 20 && ok "reader: the whole PDF read by gavel itself" ||
		fail "reader, gavel's own reading: $(tm_screen | tail -3)"
	tm_keys q
	tm_wait "__EXITED__ 0" 20 && ok "reader: exit 0 after gavel's own reading" ||
		fail "reader: $(tm_screen | tail -3)"
	tm kill-server 2>/dev/null
fi
finish
