#!/bin/sh
# export-cli.sh: `gavel export` in every format against golden files, `gavel notes import` of the
# JSON (nothing lost, nothing duplicated, bad files refused with the database unchanged), the
# JSON checked for the W3C fields and the CSV read back with Python's csv module, atomic -o.
. "$top_srcdir/tests/lib.sh"
need python3
DATA="$top_srcdir/tests/data/export"
export SOURCE_DATE_EPOCH=1795737600   # 2026-11-27T00:00:00Z: the golden files' export date

# --- import the fixture: 7 notes on the bundled resolution, one of them orphaned ---
expect_exit 0 "import the fixture" "$GAVEL" notes import "$DATA/notes.json"
grep -qx "imported 7 notes" "$TMP/out" || fail "import said: $(cat "$TMP/out")"
expect_exit 0 "import it again" "$GAVEL" notes import "$DATA/notes.json"
grep -qx "imported 0 notes, skipped 7 already present (same id)" "$TMP/out" ||
	fail "re-import said: $(cat "$TMP/out")"

# --- each format against its golden file ---
for f in txt md json csv annotated; do
	golden="$DATA/golden.$f"
	[ "$f" = annotated ] && golden="$DATA/golden.annotated.txt"
	"$GAVEL" export --format "$f" "$SAMPLE" >"$TMP/export.$f" 2>"$TMP/err" ||
		fail "export --format $f: exit $?: $(cat "$TMP/err")"
	if cmp -s "$TMP/export.$f" "$golden"; then ok "export --format $f matches its golden file"
	else fail "export --format $f differs from $golden:"; diff "$golden" "$TMP/export.$f" | head -20 >&2; fi
done
# Without DOCUMENT: every document in the database, here the same one.
"$GAVEL" export >"$TMP/all.txt" 2>"$TMP/err" || fail "export (all): $(cat "$TMP/err")"
cmp -s "$TMP/all.txt" "$DATA/golden.txt" && ok "export of all documents = export of the one" ||
	fail "export of all documents differs from golden.txt"
# --date overrides SOURCE_DATE_EPOCH.
"$GAVEL" export --date 2030-01-02 "$SAMPLE" | grep -qx "Exported: 2030-01-02" &&
	ok "--date sets the export date" || fail "--date ignored"

# --- the JSON: W3C fields ---
python3 - "$TMP/export.json" <<'PY' && ok "JSON has the W3C Web Annotation fields" || fail "JSON check failed"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert doc["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
assert doc["@context"][1]["gavel"].startswith("https://")   # gavel's terms declared
assert doc["id"].startswith("urn:uuid:") and doc["first"]["id"].startswith("urn:uuid:")
assert doc["type"] == "AnnotationCollection"
items = doc["first"]["items"]
assert doc["total"] == len(items) == 7, len(items)
ids = set()
for a in items:
    assert a["type"] == "Annotation"
    assert a["id"].startswith("urn:uuid:") and len(a["id"]) == 45
    ids.add(a["id"])
    assert a["created"].endswith("Z") and a["modified"].endswith("Z")
    assert a["motivation"] in ("commenting", "highlighting")
    assert a["gavel:color"]
    t = a["target"]
    assert t["source"] == "https://undocs.org/en/A/RES/58/190"
    assert t["gavel:symbol"] == "A/RES/58/190" and t["gavel:paragraph"]
    sel = {s["type"]: s for s in t["selector"]}
    q, f = sel["TextQuoteSelector"], sel["FragmentSelector"]
    assert q["exact"] and "prefix" in q and "suffix" in q
    # The positions count within the paragraph the FragmentSelector names.
    assert f["value"] == t["gavel:paragraph"] and f["conformsTo"].startswith("https://")
    p = f["refinedBy"]
    assert p["type"] == "TextPositionSelector" and "TextPositionSelector" not in sel
    assert 0 <= p["start"] < p["end"]
    assert p["end"] - p["start"] == len(q["exact"]) or a["gavel:status"] == "orphan"
    for b in a.get("body", []):
        assert b["type"] == "TextualBody" and b["purpose"] in ("commenting", "tagging")
assert len(ids) == 7
notes = [b["value"] for a in items for b in a.get("body", []) if b["purpose"] == "commenting"]
assert any("\t" in n and "\n" in n and '"' in n and "," in n for n in notes), notes
PY

# --- the CSV: RFC 4180, read back by a standard reader ---
python3 - "$TMP/export.csv" "$TMP/export.json" <<'PY' && ok "CSV parses back with Python's csv module" || fail "CSV check failed"
import csv, json, sys
raw = open(sys.argv[1], "rb").read()
assert raw.endswith(b"\r\n") and b"\r\n" in raw
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert rows[0] == ["document", "id", "label", "citation", "color", "tags", "quote", "note",
                   "created", "updated"], rows[0]
assert len(rows) == 8 and all(len(r) == 10 for r in rows)
items = json.load(open(sys.argv[2], encoding="utf-8"))["first"]["items"]
for r, a in zip(rows[1:], items):
    assert "urn:uuid:" + r[1] == a["id"]
    assert r[0] == "A/RES/58/190"
    note = [b["value"] for b in a.get("body", []) if b["purpose"] == "commenting"]
    # the note comes back whole, its tab kept, other controls neutralised
    if note and "\x1b" not in note[0]:
        assert r[7] == note[0], (r[7], note[0])
PY

# --- terminal safety: nothing from a note can drive the terminal ---
for f in txt md csv annotated; do
	if LC_ALL=C grep -q "$(printf '\033')" "$TMP/export.$f"; then fail "ESC in the $f export"; else ok "no ESC in the $f export"; fi
done

# --- export -> import into a fresh database -> export: identical ---
GAVEL_DB="$TMP/second.db" "$GAVEL" notes import "$TMP/export.json" >/dev/null 2>"$TMP/err" ||
	fail "import of the export: $(cat "$TMP/err")"
for f in json txt; do
	GAVEL_DB="$TMP/second.db" "$GAVEL" export --format "$f" "$SAMPLE" >"$TMP/again.$f" 2>/dev/null
	cmp -s "$TMP/export.$f" "$TMP/again.$f" && ok "export -> import -> export ($f) is identical" ||
		{ fail "round trip ($f) differs"; diff "$TMP/export.$f" "$TMP/again.$f" | head -10 >&2; }
done

# --- bad JSON: exit 65, a clear message, the database unchanged ---
"$GAVEL" export --format json >"$TMP/before.json" 2>/dev/null
printf '{"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [\n  {"type": "Annotation",,}\n]}}\n' >"$TMP/bad.json"
expect_exit 65 "import of broken JSON" "$GAVEL" notes import "$TMP/bad.json"
grep -q "bad.json: line 2, column 25" "$TMP/err" || fail "message: $(cat "$TMP/err")"
# Valid JSON whose last annotation is bad: none of the others is imported either.
python3 - "$TMP/export.json" "$TMP/half.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
for a in doc["first"]["items"]:
    a["id"] = a["id"][:-4] + "beef"          # new ids: would be imported
doc["first"]["items"][-1]["target"]["selector"] = []
json.dump(doc, open(sys.argv[2], "w"))
PY
expect_exit 65 "import with one bad annotation" "$GAVEL" notes import "$TMP/half.json"
grep -q "items\[6\]" "$TMP/err" || fail "message does not name the item: $(cat "$TMP/err")"
"$GAVEL" export --format json >"$TMP/after.json" 2>/dev/null
cmp -s "$TMP/before.json" "$TMP/after.json" && ok "database unchanged by refused imports" ||
	fail "a refused import changed the database"
expect_exit 66 "import of a missing file" "$GAVEL" notes import "$TMP/nope.json"

# --- filters ---
"$GAVEL" export --format csv --color green "$SAMPLE" >"$TMP/green.csv"
python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1],newline=""))); assert len(r)>1 and all(x[4]=="green" for x in r[1:])' "$TMP/green.csv" &&
	ok "--color keeps only that colour" || fail "--color filter"
"$GAVEL" export --format csv --tag treaties "$SAMPLE" >"$TMP/tag.csv"
python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1],newline=""))); assert len(r)==2 and "treaties" in r[1][5]' "$TMP/tag.csv" &&
	ok "--tag keeps only that tag" || fail "--tag filter"

# --- -o: atomic, clear messages ---
mkdir "$TMP/outdir"
expect_exit 0 "export -o FILE" "$GAVEL" export --format md -o "$TMP/outdir/notes.md" "$SAMPLE"
cmp -s "$TMP/outdir/notes.md" "$DATA/golden.md" && ok "-o wrote the same as stdout" || fail "-o output differs"
[ "$(ls -A "$TMP/outdir")" = "notes.md" ] && ok "no temporary file left" || fail "left: $(ls -A "$TMP/outdir")"
# An export cut short (here by the file size limit, SIGXFSZ) leaves the old file whole.
echo "old contents" >"$TMP/outdir/keep.txt"
( ulimit -f 1; exec "$GAVEL" export --format annotated -o "$TMP/outdir/keep.txt" "$SAMPLE" ) 2>/dev/null &&
	fail "export under a 512-byte file size limit succeeded"
[ "$(cat "$TMP/outdir/keep.txt")" = "old contents" ] && ok "an interrupted export left the old file whole" ||
	fail "the old file was changed by an interrupted export"
[ "$(ls -A "$TMP/outdir" | sort | tr '\n' ' ')" = "keep.txt notes.md " ] && ok "and no temporary file" ||
	fail "left: $(ls -A "$TMP/outdir")"
expect_exit 73 "export -o into a missing directory" "$GAVEL" export -o "$TMP/missing/x.txt"
grep -q "does not exist" "$TMP/err" || fail "message: $(cat "$TMP/err")"
expect_exit 73 "export -o onto a directory" "$GAVEL" export -o "$TMP/outdir"

# --- usage errors ---
expect_exit 64 "unknown format" "$GAVEL" export --format pdf
grep -q "txt, md, json, csv, annotated" "$TMP/err" || fail "message: $(cat "$TMP/err")"
expect_exit 64 "bad --date" "$GAVEL" export --date 2026-02-30
expect_exit 0 "export --help" "$GAVEL" export --help

# --- nothing to export: a message, and still valid output ---
GAVEL_DB="$TMP/empty.db" "$GAVEL" export --format json >"$TMP/empty.json" 2>"$TMP/err" ||
	fail "export of an empty database failed"
grep -q "no notes" "$TMP/err" && ok "empty database: says there are no notes" || fail "no message: $(cat "$TMP/err")"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["total"]==0 and d["first"]["items"]==[]' "$TMP/empty.json" &&
	ok "empty database: valid empty JSON" || fail "empty JSON invalid"
[ ! -e "$TMP/empty.db" ] && ok "export did not create a database" || fail "export created $TMP/empty.db"
GAVEL_DB="$TMP/empty.db" "$GAVEL" export --format csv >"$TMP/empty.csv" 2>/dev/null
[ "$(cat "$TMP/empty.csv")" = "$(printf 'document,id,label,citation,color,tags,quote,note,created,updated\r')" ] &&
	ok "empty database: CSV header only" || fail "empty CSV: $(od -c "$TMP/empty.csv" | head -3)"

finish
