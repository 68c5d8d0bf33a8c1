#!/bin/sh
# show-cli.sh: `gavel show` and `gavel search` on the bundled resolution and on small made-up
# texts: wrapping width, labels, markers, footnotes, ids, exit codes, neutralised controls.
. "$top_srcdir/tests/lib.sh"
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset COLUMNS NO_COLOR

# The widest line of a file in display columns (wc -L counts double-width characters as 2).
widest() { wc -L <"$1" | tr -d ' '; }

# --- show ---
for w in 40 80 133; do
	"$GAVEL" show --width "$w" "$SAMPLE" >"$TMP/show$w" 2>"$TMP/err"
	rc=$?
	[ "$rc" -eq 0 ] || fail "show --width $w: exit $rc: $(head -c 300 "$TMP/err")"
	got=$(widest "$TMP/show$w")
	if [ "$got" -le "$w" ] && [ "$got" -ge $((w - 12)) ]; then ok "show --width $w: widest line $got"
	else fail "show --width $w: widest line $got"; fi
done
out="$TMP/show80"
grep -q '^A/RES/58/190$' "$out" && ok "heading has the symbol" || fail "no symbol heading"
grep -q 'Protection of migrants' "$out" && ok "heading has the title" || fail "no title"
grep -q '^PP 1  *Recalling its resolution 57/218' "$out" && ok "PP 1 in the gutter" || fail "PP 1 label"
grep -q '^OP 27  *Requests the Secretary-General' "$out" && ok "OP 27 in the gutter" || fail "OP 27 label"
# Footnote 16 marker right after 1963 (the line may wrap after the marker, never inside it).
tr '\n' ' ' <"$out" | tr -s ' ' | grep -q 'Consular Relations of 1963\[16\]' && ok "marker [16] after 1963" ||
	fail "marker [16] not after 1963"
tr '\n' ' ' <"$out" | tr -s ' ' | grep -q 'Human Rights\[1\] proclaims' && ok "marker [1] in PP 2" || fail "marker [1]"
grep -q '^Footnotes$' "$out" && ok "footnotes section" || fail "no footnotes section"
sed -n '/^Footnotes$/,$p' "$out" | grep -q '^\[16\]  *United Nations, Treaty Series, vol. 596' &&
	ok "footnote 16 at the end" || fail "footnote 16 not at the end"
[ "$(grep -c '^\[[0-9]*\] ' "$out")" -eq 19 ] && ok "19 footnotes" || fail "footnote count $(grep -c '^\[[0-9]*\] ' "$out")"
! grep -q '[[:space:]]$' "$out" && ok "no trailing spaces" || fail "trailing spaces"

# Selected ids: the paragraph, and the footnote it cites; nothing else.
"$GAVEL" show --width 70 "$SAMPLE" op10 >"$TMP/op10" 2>"$TMP/err"
[ $? -eq 0 ] && ok "show op10" || fail "show op10: $(cat "$TMP/err")"
grep -q '^OP 10 ' "$TMP/op10" && grep -q 'Treaty Series, vol. 596' "$TMP/op10" &&
	! grep -q '^OP 11' "$TMP/op10" && ! grep -q '^PP ' "$TMP/op10" &&
	ok "op10 alone with footnote 16" || fail "op10 selection: $(cat "$TMP/op10")"
expect_exit 65 "unknown id" "$GAVEL" show "$SAMPLE" op10 op99
grep -q "op99" "$TMP/err" && ok "unknown id named" || fail "unknown id message: $(cat "$TMP/err")"
expect_exit 0 "show --help" "$GAVEL" show --help
expect_exit 64 "show --width nonsense" "$GAVEL" show --width abc "$SAMPLE"
expect_exit 66 "show missing file" "$GAVEL" show "$TMP/none.txt"
# Not a terminal and no --width: 80 columns; $COLUMNS when set.
"$GAVEL" show "$SAMPLE" >"$TMP/dflt" && [ "$(widest "$TMP/dflt")" -le 80 ] &&
	[ "$(widest "$TMP/dflt")" -gt 70 ] && ok "default width 80" || fail "default width"
COLUMNS=50 "$GAVEL" show "$SAMPLE" >"$TMP/cols" && [ "$(widest "$TMP/cols")" -le 50 ] &&
	ok "COLUMNS=50 honoured" || fail "COLUMNS"

# Control characters in a document never reach the output.
printf 'The General Assembly,\n\n1. Calls \033[2J\033]0;owned\007upon States \342\200\256 to act;\n' >"$TMP/esc.txt"
"$GAVEL" show --width 40 "$TMP/esc.txt" >"$TMP/esc.out" 2>"$TMP/esc.err"
if LC_ALL=C grep -q "$(printf '\033')" "$TMP/esc.out" "$TMP/esc.err"; then fail "ESC reached the output"
else ok "ESC neutralised"; fi
LC_ALL=C grep -q "$(printf '\342\200\256')" "$TMP/esc.out" && fail "RLO reached the output" || ok "RLO neutralised"

# Double-width text never overflows.
{ printf '大会，\n\n'; i=0; while [ $i -lt 6 ]; do printf '%s' '重申其关于保护移民的决议，并欢迎各国作出的承诺'; i=$((i+1)); done; printf '。\n'; } >"$TMP/zh.txt"
"$GAVEL" show --width 30 "$TMP/zh.txt" >"$TMP/zh.out" 2>"$TMP/err"
[ $? -eq 0 ] && [ "$(widest "$TMP/zh.out")" -le 30 ] && [ "$(widest "$TMP/zh.out")" -ge 26 ] &&
	ok "CJK wrapped within 30 columns" || fail "CJK width $(widest "$TMP/zh.out"): $(head -c 300 "$TMP/err")"

# French: no-break spaces glue ":" and "« »" to their words at every width.
{ printf "L'Assembl\303\251e g\303\251n\303\251rale,\n\n"
  i=0; while [ $i -lt 8 ]; do printf 'rappelle les droits\302\240: \302\253\342\200\257r\303\251unification\342\200\257\302\273 des familles\302\240; '; i=$((i+1)); done; printf '\n'; } >"$TMP/fr.txt"
frok=1
for w in 30 41 52 67; do
	"$GAVEL" show --width $w "$TMP/fr.txt" >"$TMP/fr.out" 2>/dev/null || frok=0
	[ "$(widest "$TMP/fr.out")" -le $w ] || frok=0
	grep -qE '^ *(:|;|\xC2\xBB)' "$TMP/fr.out" && frok=0
	grep -q "$(printf '^ *\302\273')" "$TMP/fr.out" && frok=0
	grep -q "$(printf '\302\253$')" "$TMP/fr.out" && frok=0
done
[ $frok -eq 1 ] && ok "French no-break spaces respected" || fail "French wrapping: $(cat "$TMP/fr.out")"
"$GAVEL" search reunification "$TMP/fr.txt" | grep -q "\[\[r$(printf '\303\251')unification\]\]" &&
	ok "reunification finds r\303\251unification" || fail "accent-folded search"

# Arabic: shown in visual order (shaped presentation forms), within the width.
printf '\330\245\331\206 \330\247\331\204\330\254\331\205\330\271\331\212\330\251 \330\247\331\204\330\271\330\247\331\205\330\251\330\214\n\n1. ' >"$TMP/ar.txt"
i=0; while [ $i -lt 10 ]; do printf '\330\252\330\261\330\255\330\250 \330\250\330\247\331\204\330\247\331\204\330\252\330\262\330\247\331\205 ' >>"$TMP/ar.txt"; i=$((i+1)); done
printf '\330\233\n' >>"$TMP/ar.txt"
"$GAVEL" show --width 40 "$TMP/ar.txt" >"$TMP/ar.out" 2>"$TMP/err"
[ $? -eq 0 ] && [ "$(widest "$TMP/ar.out")" -le 40 ] && LC_ALL=C grep -q "$(printf '\357\272')" "$TMP/ar.out" &&
	ok "Arabic shaped and within 40 columns" || fail "Arabic: $(head -c 300 "$TMP/ar.out") $(head -c 200 "$TMP/err")"

# --- search ---
"$GAVEL" search 'migrant children' "$SAMPLE" >"$TMP/s1" 2>"$TMP/err"
rc=$?
[ $rc -eq 0 ] && ok "search finds (exit 0)" || fail "search exit $rc: $(cat "$TMP/err")"
grep -q '^A/RES/58/190 OP 18: .*\[\[migrant children\]\]' "$TMP/s1" && ok "OP 18 marked" ||
	fail "search output: $(cat "$TMP/s1")"
[ "$(grep -o '\[\[migrant children\]\]' "$TMP/s1" | wc -l)" -eq 3 ] && ok "3 matches in OP 18" ||
	fail "match count"
"$GAVEL" search reunification "$SAMPLE" >"$TMP/s2"
grep -q '^A/RES/58/190 OP 17: ' "$TMP/s2" && grep -q '^A/RES/58/190 OP 20: ' "$TMP/s2" &&
	ok "reunification in OP 17 and OP 20" || fail "reunification: $(cat "$TMP/s2")"
"$GAVEL" search 'Réunification' "$SAMPLE" >"$TMP/s3"; rc=$?
[ $rc -eq 1 ] && ok "capital => case-sensitive (no match, exit 1)" || fail "smart case exit $rc"
"$GAVEL" search 'treaty series' "$SAMPLE" | grep -q '^A/RES/58/190 Footnote 16: ' &&
	ok "footnotes searched" || fail "footnote search"
expect_exit 1 "no match" "$GAVEL" search 'zyxxyz' "$SAMPLE"
expect_exit 64 "no pattern" "$GAVEL" search
expect_exit 64 "blank pattern" "$GAVEL" search '   ' "$SAMPLE"
expect_exit 66 "missing file" "$GAVEL" search migrants "$TMP/none.txt"
# Several files: each is searched.
cp "$SAMPLE" "$TMP/copy.txt"
[ "$("$GAVEL" search 'migrant children' "$SAMPLE" "$TMP/copy.txt" | wc -l)" -eq 2 ] &&
	ok "two files" || fail "two files"
NO_COLOR=1 "$GAVEL" search migrants "$SAMPLE" | LC_ALL=C grep -q "$(printf '\033')" &&
	fail "escape codes in a pipe" || ok "no escape codes in a pipe"

# --json: offsets in characters of the text.
"$GAVEL" search --json 'migrant children' "$SAMPLE" >"$TMP/j"
if command -v python3 >/dev/null 2>&1; then
	python3 - "$TMP/j" <<'PY' && ok "json shape and offsets" || fail "json: $(head -c 400 "$TMP/j")"
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(a) == 1, a
r = a[0]
assert r["document"] == "A/RES/58/190" and r["id"] == "op18" and r["label"] == "OP 18", r
assert len(r["matches"]) == 3
for m in r["matches"]:
    assert r["text"][m["start"]:m["end"]].lower() == "migrant children", m
PY
else
	grep -q '"id":"op18"' "$TMP/j" && ok "json has op18" || fail "json"
fi
"$GAVEL" search --json zyxxyz "$SAMPLE" >"$TMP/j0"
[ "$(cat "$TMP/j0")" = "[]" ] && ok "json empty array" || fail "json empty: $(cat "$TMP/j0")"

finish
