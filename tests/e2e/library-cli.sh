#!/bin/sh
# library-cli.sh: the library from the command line (issue 14): gavel add of every shape,
# library, open by symbol, search against a brute-force scan of the same texts, used, links
# and back-links, rm, notes that stay anchored when a newer copy replaces a resolution, and
# every error with its exit code.
. "$top_srcdir/tests/lib.sh"
need python3
D="$top_srcdir/tests/data"
LIB="$TMP/library.db"
SHAPES="$D/shapes"
FILES="$D/shapes/*.txt $D/sc/*.txt $SAMPLE"

# --- no library yet ---
expect_exit 0 "library lists nothing" "$GAVEL" library
grep -q "library is empty" "$TMP/err" && ok "says the library is empty" || fail "empty: $(cat "$TMP/err")"
[ ! -e "$LIB" ] && ok "listing created no library" || fail "listing created $LIB"
expect_exit 0 "search without a library searches the bundled resolution" "$GAVEL" search migrants
grep -q '^A/RES/58/190 ' "$TMP/out" && ok "the bundled resolution was searched" || fail "search: $(head -2 "$TMP/out")"
expect_exit 66 "used without a library" "$GAVEL" used "migrants"
expect_exit 66 "a symbol without a library is no file" "$GAVEL" show 78/217

# --- add ---
# shellcheck disable=SC2086
expect_exit 0 "add files and directories" "$GAVEL" add "$SHAPES" "$D/library" $D/sc/*.txt "$SAMPLE"
grep -Eq '^[0-9]+ resolutions from [0-9]+ files: [0-9]+ added' "$TMP/out" && ok "summary: $(cat "$TMP/out")" || fail "summary: $(cat "$TMP/out")"
[ "$(stat -c %a "$LIB")" = 600 ] && ok "library.db beside the notes database, 0600" || fail "library file: $(ls -la "$TMP")"
n=$("$GAVEL" library --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$n" -ge 35 ] && ok "$n resolutions listed" || fail "listed $n"
expect_exit 0 "add again" "$GAVEL" add "$SHAPES"
grep -q "unchanged since added" "$TMP/out" && ok "unchanged files are not read again" || fail "re-add: $(cat "$TMP/out")"
expect_exit 0 "library --check" "$GAVEL" library --check
grep -q ": ok, $n resolutions" "$TMP/out" && ok "check passes" || fail "check: $(cat "$TMP/out")"

# --- list and filter ---
"$GAVEL" library > "$TMP/list"
head -1 "$TMP/list" | grep -q '^SYMBOL  *ADOPTED  *LANG SHAPE  *PARAS NOTES TITLE' && ok "table heading" || fail "heading: $(head -1 "$TMP/list")"
grep -q '^A/RES/58/190  *2003-12-22  en   ods  ' "$TMP/list" && ok "a row: symbol, date, language, shape" || fail "row: $(grep 58/190 "$TMP/list")"
"$GAVEL" library --organ sc --lang en | awk 'NR>1 {print $1}' > "$TMP/sc"
[ "$(head -1 "$TMP/sc")" = "S/RES/101" ] && grep -q "^S/RES/1454" "$TMP/sc" && ! grep -q "^A/" "$TMP/sc" \
	&& ok "organ filter, sorted by number" || fail "sc list: $(cat "$TMP/sc")"
[ "$("$GAVEL" library --lang fr 79/ | awk 'NR>1' | wc -l)" -ge 2 ] && ok "language and symbol filters" || fail "fr 79/"
"$GAVEL" library --sort date -r --json | python3 -c '
import json, sys
d = [x["adopted"] for x in json.load(sys.stdin) if x["adopted"]]
sys.exit(0 if d == sorted(d, reverse=True) and len(d) > 10 else 1)' && ok "newest first" || fail "sort date"
"$GAVEL" library --title "LIGHTHOUSE" | grep -q "Protection of lighthouse keepers" && ok "title filter folds case" || fail "title"

# --- open by symbol, wherever a FILE is asked for ---
"$GAVEL" show "$D/sc/s-res-0242-1967.txt" op1 > "$TMP/file.txt"
for sym in "S/RES/242 (1967)" "242 (1967)" "s/res/242(1967)" 242; do
	"$GAVEL" show "$sym" op1 > "$TMP/sym.txt" 2>"$TMP/err"
	cmp -s "$TMP/file.txt" "$TMP/sym.txt" && ok "gavel show '$sym' = the file" || fail "show '$sym': $(cat "$TMP/err")"
done
"$GAVEL" parse "$D/shapes/ga-two-annexes.txt" > "$TMP/a.json"
"$GAVEL" parse 80/98 > "$TMP/b.json"
cmp -s "$TMP/a.json" "$TMP/b.json" && ok "the model from the library is the file's" || fail "parse 80/98 differs"
LC_ALL=fr_FR.UTF-8 "$GAVEL" parse 79/412 | grep -q '"language":"fr"' && ok "the user's language first" || fail "LC_ALL=fr"
"$GAVEL" parse 79/412 | grep -q '"language":"en"' && ok "else English" || fail "English first"
"$GAVEL" parse --lang es 79/412 2>/dev/null | grep -q '"language":"es"' || "$GAVEL" open --help | grep -q -- --lang
expect_exit 66 "a symbol not in the library" "$GAVEL" show 78/999
grep -q "not in the library" "$TMP/err" && ok "says it is not in the library" || fail "msg: $(cat "$TMP/err")"
expect_exit 66 "open of a title not there" "$GAVEL" open "no such title anywhere"
expect_exit 64 "open without an argument" "$GAVEL" open

# --- search: the same hits as a brute-force scan of the same texts ---
for pat in "pre-recorded statement" "Pre-recorded" "réunification" "REUNIFICATION" \
	"lighthouse keepers" "Secretary-General" "seafarers" "de la" "внутренних водных путей" "大会" \
	"high-level" "Requests the Secretary" "coastal" "migrant" "the" "(a)" "Côte d’Ivoire" "Cote"; do
	"$GAVEL" search --json "$pat" 2>"$TMP/err" | python3 -c '
import json, sys
for h in json.load(sys.stdin):
    print("%s|%s|%s|%d" % ("".join(h["document"].split()).upper(), h["language"], h["id"], len(h["matches"])))' \
		| grep -v '^SHA256:' | sort > "$TMP/lib.hits"     # (a document without a symbol: not compared)
	# shellcheck disable=SC2086
	python3 "$top_srcdir/tests/e2e/library-scan.py" "$GAVEL" "$pat" $D/shapes/*.txt $D/library/* \
		$D/sc/*.txt "$SAMPLE" > "$TMP/scan.hits"
	if cmp -s "$TMP/lib.hits" "$TMP/scan.hits"; then
		ok "search '$pat': $(wc -l < "$TMP/lib.hits") paragraphs, as the scan"
	else
		fail "search '$pat' differs from the scan: $(diff "$TMP/lib.hits" "$TMP/scan.hits" | head -5)"
	fi
done
"$GAVEL" search "pre-recorded statement" | head -1 | grep -q '^A/RES/80/1 OP 1 (a): .*\[\[pre‑recorded statement\]\]' \
	&& ok "printed as the file search prints, U+2011 found by '-'" || fail "output: $("$GAVEL" search "pre-recorded statement" | head -1)"
"$GAVEL" search --json lighthouse | python3 -c '
import json, sys
d = [h["adopted"] or "~" for h in json.load(sys.stdin)]
sys.exit(0 if d == sorted(d) else 1)' && ok "ordered by date, oldest first" || fail "search order"
"$GAVEL" search -l lighthouse > "$TMP/l"
[ "$(wc -l < "$TMP/l")" -ge 3 ] && [ "$(sort -u "$TMP/l" | wc -l)" = "$(wc -l < "$TMP/l")" ] && ok "-l: each document once" || fail "-l: $(cat "$TMP/l")"
expect_exit 1 "search finds nothing" "$GAVEL" search zyxxyzzy
expect_exit 64 "blank pattern" "$GAVEL" search "  "

# --- used before ---
expect_exit 0 "used PHRASE" "$GAVEL" used "lighthouse keepers"
tail -1 "$TMP/out" | grep -q '^First used in .*; last in .*: [0-9]* paragraphs of [0-9]* resolutions*\.$' \
	&& ok "first and last use: $(tail -1 "$TMP/out")" || fail "used summary: $(tail -2 "$TMP/out")"
expect_exit 0 "used a paragraph of the library" "$GAVEL" used 79/412 op3
grep -q 'A/RES/80/245 OP 4  8[0-9]% similar' "$TMP/out" && grep -q '\[-report-\] {+submit+}' "$TMP/out" \
	&& ok "a nearly identical paragraph, differences marked" || fail "used op3: $(cat "$TMP/out")"
! grep -q "A/RES/79/412 OP 3" "$TMP/out" && ok "not the paragraph itself" || fail "lists itself"
"$GAVEL" used --json 79/412 op3 | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["uses"] and all(u["similarity"] >= 0.8 for u in d["uses"])
ad = [u["adopted"] for u in d["uses"]]
assert ad == sorted(ad)
assert d["first"] and d["resolutions"] >= 1' && ok "used --json: similarity >= 0.8, oldest first" || fail "used --json"
expect_exit 1 "used: nothing" "$GAVEL" used "zyxxyzzy wording"
expect_exit 65 "used: no such paragraph" "$GAVEL" used 79/412 op99
expect_exit 64 "used: --min out of range" "$GAVEL" used --min 2 "x"

# --- the AKN4UN pair 76/172 and 78/217: links, back-links, used before ---
"$GAVEL" links 78/217 > "$TMP/l78"
grep -q 'PP 1: 76/172  -> A/RES/76/172$' "$TMP/l78" && ok "78/217 PP 1 cites 76/172, in the library" \
	|| fail "links 78/217: $(head -3 "$TMP/l78")"
"$GAVEL" links 76/172 | sed -n '/is cited by/,$p' > "$TMP/back"
grep -q 'A/RES/78/217 PP 1: 76/172' "$TMP/back" && grep -q 'A/RES/85/7 PP 2: paragraph 5 of its resolution 76/172' "$TMP/back" \
	&& ok "back-links of 76/172, from which paragraph" || fail "back-links: $(cat "$TMP/back")"
"$GAVEL" links 85/7 > "$TMP/l85"
grep -q 'PP 2: paragraph 5 of its resolution 76/172  -> A/RES/76/172 OP 5$' "$TMP/l85" && \
	grep -q 'PP 2: paragraph 4 (b) of its resolution 78/217  -> A/RES/78/217 OP 4 (b)$' "$TMP/l85" && \
	grep -q 'OP 2: paragraph 1 above  -> OP 1$' "$TMP/l85" && ok "paragraph references to the paragraph" \
	|| fail "paragraph references: $(cat "$TMP/l85")"
expect_exit 0 "used: 78/217 OP 1" "$GAVEL" used 78/217 op1
grep -q '^2021-12-16  A/RES/76/172 OP 1  same words$' "$TMP/out" && grep -q 'adopted without a vote' "$TMP/out" \
	&& ok "the paragraph of 76/172 that OP 1 of 78/217 repeats, and how it was adopted" \
	|| fail "used 78/217 op1: $(cat "$TMP/out")"

# --- links ---
"$GAVEL" links 80/1 > "$TMP/links"
grep -q 'OP 2: paragraph 1 (a) above  -> OP 1 (a)' "$TMP/links" && ok "a paragraph above" || fail "links: $(cat "$TMP/links")"
grep -q '169 (II)  -> A/RES/169(II), not in the library: https://undocs.org/A/RES/169(II)' "$TMP/links" \
	&& ok "not in the library: its undocs.org address" || fail "undocs: $(cat "$TMP/links")"
"$GAVEL" links --json 80/1 | python3 -m json.tool > /dev/null && ok "links --json parses" || fail "links --json"

# --- a newer copy replaces the stored one; the notes stay anchored ---
id=$("$GAVEL" notes add "S/RES/242 (1967)" pp2 --quote "acquisition of territory by war" "first note")
sed '/^Emphasizing the inadmissibility/i Recalling its earlier decisions on the question,\n' \
	"$D/sc/s-res-0242-1967.txt" > "$TMP/s-res-0242-newer.txt"
expect_exit 0 "add a newer copy" "$GAVEL" add "$TMP/s-res-0242-newer.txt"
grep -q "1 replaced" "$TMP/out" && ok "it replaced the stored copy" || fail "replace: $(cat "$TMP/out")"
# Re-anchored at the import, not at the next opening: listed where it now is, as moved.
"$GAVEL" notes list --json | grep "$id" > "$TMP/note"
grep -qF '"para_id": "pp3"' "$TMP/note" && grep -qF '"status": "moved"' "$TMP/note" \
	&& ok "the note followed its words into PP 3" || fail "note after replace: $(cat "$TMP/note")"
"$GAVEL" library --json | grep -q '"symbol":"S/RES/242 (1967)"[^}]*"notes":1' && ok "library counts its note" \
	|| fail "notes column: $("$GAVEL" library --json | grep 242)"

# --- rm ---
expect_exit 0 "rm one language" "$GAVEL" rm --lang fr 79/412
"$GAVEL" library 79/412 | grep -q ' fr ' && fail "fr still listed" || ok "French copy removed"
"$GAVEL" library 79/412 | grep -q ' en ' && ok "English copy kept" || fail "en gone"
expect_exit 65 "rm of what is not there" "$GAVEL" rm 99/999
expect_exit 64 "rm without a symbol" "$GAVEL" rm

# --- bad input to add ---
expect_exit 66 "add a missing file" "$GAVEL" add "$TMP/nope.txt"
expect_exit 64 "add without a file" "$GAVEL" add
head -c 3000 /dev/urandom > "$TMP/binary.bin"
mkdir -p "$TMP/mixed" && cp "$TMP/binary.bin" "$TMP/mixed/" && cp "$D/sc/s-res-0101-1953.txt" "$TMP/mixed/"
expect_exit 65 "a binary file named: an error, the others imported" "$GAVEL" add "$TMP/binary.bin" "$D/shapes/hrc.txt"
expect_exit 0 "a binary file in a directory: skipped" "$GAVEL" add --force "$TMP/mixed"
grep -q "1 file skipped" "$TMP/out" && ok "skipped and counted" || fail "skip: $(cat "$TMP/out")"
printf 'not a database' > "$TMP/bad.db"
GAVEL_LIBRARY="$TMP/bad.db" "$GAVEL" add "$SAMPLE" > /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 69 ] && grep -q "not a gavel library" "$TMP/err" && [ "$(cat "$TMP/bad.db")" = "not a database" ] \
	&& ok "a file that is not a library is refused and left alone" || fail "bad library: rc $rc $(cat "$TMP/err")"
GAVEL_LIBRARY="$GAVEL_DB" "$GAVEL" library > /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 69 ] && ok "the notes database is not a library (exit 69)" || fail "notes as library: rc $rc $(cat "$TMP/err")"
# --- the official PDF: imported as the PDF itself, ranked over text taken out of it ---
if [ -x "${GAVEL_PDF_HELPER:-}" ]; then
	P="$top_srcdir/tests/data/pdf"
	PL="$TMP/pdf-library.db"
	expect_exit 0 "add the official PDF" env GAVEL_LIBRARY="$PL" "$GAVEL" add "$P/A_RES_73_7-EN.pdf"
	GAVEL_LIBRARY="$PL" "$GAVEL" library > "$TMP/plist"
	grep -q '^A/RES/73/7  *2018-10-29  *en  *pdf-file  ' "$TMP/plist" && ok "the PDF's shape is pdf-file" ||
		fail "PDF in the library: $(cat "$TMP/plist")"
	expect_exit 0 "add pdftotext's text of the same PDF" env GAVEL_LIBRARY="$PL" "$GAVEL" add -v \
		"$P/A_RES_73_7-EN.txt"
	grep -q "kept the stored copy of A/RES/73/7" "$TMP/err" && ok "the PDF is kept over its extracted text" ||
		fail "rank of the PDF: $(cat "$TMP/err")"
	expect_exit 0 "show the PDF's resolution by symbol" env GAVEL_LIBRARY="$PL" "$GAVEL" show 73/7 op1
	grep -q "^A/RES/73/7" "$TMP/out" && ok "opened by symbol from the PDF's copy" || fail "show 73/7: $(cat "$TMP/out")"
else
	echo "skip: the PDF reader gavel-pdf is not built (no MuPDF)"
fi
finish
