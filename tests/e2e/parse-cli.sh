# parse-cli.sh: `gavel parse` on the bundled resolution (checked with python3's json module) and
# the exit code and one-line message of each bad input.
. "$top_srcdir/tests/lib.sh"
need python3

"$GAVEL" parse "$SAMPLE" >"$TMP/sample.json" 2>"$TMP/err"
rc=$?
[ "$rc" -eq 0 ] && [ ! -s "$TMP/err" ] && ok "parse sample" || fail "parse sample: exit $rc: $(cat "$TMP/err")"

if python3 - "$TMP/sample.json" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
def check(cond, what):
    if not cond:
        print("FAIL:", what); sys.exit(1)
for k in ["symbol", "organ", "number", "title", "adopted", "session", "agenda_item", "report",
          "meeting", "distributed", "language", "preamble", "operative", "annexes", "footnotes",
          "references", "marks"]:
    check(k in d, "field " + k)
check(len(d["preamble"]) == 14, "14 preambular paragraphs")
check(len(d["operative"]) == 27, "27 operative paragraphs")
check(len(d["footnotes"]) == 19, "19 footnotes")
check(len(d["marks"]) == 21, "21 markers")
check(d["symbol"] == "A/RES/58/190" and d["adopted"] == "2003-12-22" and d["session"] == "58",
      "metadata")
check(d["meeting"] == "77th plenary meeting" and d["report"] == "A/58/508/Add.2", "meeting, report")
check(d["annexes"] == [] and d["agenda_item"] == "117 (b)", "no annexes, agenda item")
fn = {f["id"]: f for f in d["footnotes"]}
check(fn["fn1"]["cited_by"] == ["pp2", "op2"], "fn1 cited by pp2, op2")
check(fn["fn6"]["cited_by"] == ["pp4", "op3"], "fn6 cited by pp4, op3")
check(fn["fn16"]["cited_by"] == ["op10"], "fn16 cited by op10")
check(all(f["cited_by"] for f in d["footnotes"]), "every footnote cited")
text = {p["id"]: p["text"] for p in d["preamble"] + d["operative"] + d["footnotes"]}
m16 = [m for m in d["marks"] if m["footnote"] == "fn16"]
check(len(m16) == 1 and text["op10"][:m16[0]["offset"]].endswith("Relations of 1963"),
      "fn16 right after 1963")
for m in d["marks"]:
    check(m["from"] in text and 0 < m["offset"] <= len(text[m["from"]]), "mark in range")
for pid, t in text.items():
    if not pid.startswith("fn"):
        check(not re.search(r"[a-z,;][0-9]", t), "marker digit left in " + pid)
check("resolution 57/218 of 18 December 2002" in text["pp1"], "numbers stay")
refs = {(r["from"], r["kind"], r["target"]) for r in d["references"]}
for want in [("pp1", "resolution", "57/218"), ("fn8", "resolution", "2200 A (XXI)"),
             ("fn2", "document", "A/CONF.157/24 (Part I)"), ("fn6", "document", "A/CONF.189/12")]:
    check(want in refs, "reference %s" % (want,))
check(not any(r["from"] == "fn15" for r in d["references"]), "Ibid. is no reference")
PY
then ok "sample JSON shape, counts, cited_by, marks"; else fail "sample JSON"; fi

# Two resolutions pasted together: {"documents": [...]}, each with its own ids and footnotes.
cat "$SAMPLE" "$SAMPLE" >"$TMP/two.txt"
"$GAVEL" parse "$TMP/two.txt" >"$TMP/two.json" 2>"$TMP/err"
if python3 - "$TMP/two.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
docs = d["documents"]
assert len(docs) == 2, len(docs)
for x in docs:
    assert (len(x["preamble"]), len(x["operative"]), len(x["footnotes"]), len(x["marks"])) == (14, 27, 19, 21)
    assert x["footnotes"][0]["cited_by"] == ["pp2", "op2"]
PY
then ok "compilation of two"; else fail "compilation of two"; fi

# Bad inputs: one line "gavel: FILE: reason" and a sysexits code.
expect_exit 66 "missing file" "$GAVEL" parse "$TMP/nope.txt"
[ "$(wc -l <"$TMP/err")" -eq 1 ] && grep -q "^gavel: $TMP/nope.txt: " "$TMP/err" \
	&& ok "missing file: one line" || fail "missing file message: $(cat "$TMP/err")"
mkdir "$TMP/dir"
expect_exit 66 "directory" "$GAVEL" parse "$TMP/dir"
: >"$TMP/empty.txt"
expect_exit 65 "empty file" "$GAVEL" parse "$TMP/empty.txt"
grep -q "^gavel: $TMP/empty.txt: empty file$" "$TMP/err" && ok "empty: message" || fail "empty message: $(cat "$TMP/err")"
head -c 4096 /bin/sh >"$TMP/binary"
expect_exit 65 "binary data" "$GAVEL" parse "$TMP/binary"
if [ "$(id -u)" -ne 0 ]; then
	cp "$SAMPLE" "$TMP/locked.txt"; chmod 000 "$TMP/locked.txt"
	expect_exit 66 "unreadable file" "$GAVEL" parse "$TMP/locked.txt"
fi

# Recoverable: BOM + CRLF invisible, invalid UTF-8 one warning, NUL bytes, prose.
printf '\357\273\277' >"$TMP/bom.txt"; sed 's/$/\r/' "$SAMPLE" >>"$TMP/bom.txt"
"$GAVEL" parse "$TMP/bom.txt" >"$TMP/bom.json" 2>"$TMP/err"
cmp -s "$TMP/bom.json" "$TMP/sample.json" && [ ! -s "$TMP/err" ] && ok "BOM and CRLF are invisible" \
	|| fail "BOM/CRLF changed the output"
python3 -c 'import sys; t = open(sys.argv[1], "rb").read(); open(sys.argv[2], "wb").write(t.replace(b"Protection of", b"Protection \xff\xfe", 1))' "$SAMPLE" "$TMP/bad.txt"
expect_exit 0 "invalid UTF-8" "$GAVEL" parse "$TMP/bad.txt"
[ "$(grep -c "^gavel: $TMP/bad.txt: warning: .*U+FFFD" "$TMP/err")" -eq 1 ] && ok "one warning" \
	|| fail "invalid UTF-8 warning: $(cat "$TMP/err")"
printf 'Just some notes.\n\nNothing to see here.\n' >"$TMP/prose.txt"
expect_exit 0 "not a resolution" "$GAVEL" parse "$TMP/prose.txt"
grep -q "warning: no resolution structure" "$TMP/err" && grep -q '"id":"p2"' "$TMP/out" \
	&& ok "prose opens as plain paragraphs" || fail "prose: $(cat "$TMP/err")"

# 50 MB: the sample's body repeated, well within a few seconds per MB.
python3 - "$SAMPLE" "$TMP/big.txt" <<'PY'
import sys
body = open(sys.argv[1], encoding="utf-8").read()
with open(sys.argv[2], "w", encoding="utf-8") as f:
    n = 0
    while n < 50 << 20:
        f.write(body); n += len(body)
PY
expect_exit 0 "50 MB file" "$GAVEL" parse "$TMP/big.txt"
finish
