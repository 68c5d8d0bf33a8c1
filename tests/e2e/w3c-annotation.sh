#!/bin/sh
# w3c-annotation.sh: the W3C's own annotation-model tests (web-platform-tests' annotation-model:
# the assertion lists annotations/*.test, collections/*.test, collections/pages/*.test and the
# JSON Schemas in definitions/) run on gavel's JSON export: every MUST of the collection, its
# page and each annotation passes. Then a foreign W3C annotation and a Hypothesis export import
# and anchor (found by their quotes), keep their ids, export again valid, and go back to
# Hypothesis without duplicates. The suite is $W3C_ANNOTATION_TESTS, else the copy in
# tests/data/w3c-annotation-tests (the W3C's test suite licence allows it: license.md there);
# without python3-jsonschema the test is skipped (77).
. "$top_srcdir/tests/lib.sh"
need python3
python3 -c 'import jsonschema' 2>/dev/null || { echo "SKIP: python3-jsonschema not installed"; exit 77; }
SUITE=${W3C_ANNOTATION_TESTS:-}
for d in "$top_srcdir/tests/data/w3c-annotation-tests"; do
	[ -z "$SUITE" ] && [ -f "$d/annotations/annotationMusts.test" ] && SUITE=$d
done
[ -n "$SUITE" ] && [ -f "$SUITE/annotations/annotationMusts.test" ] ||
	{ echo "SKIP: the W3C annotation-model tests are not found (set W3C_ANNOTATION_TESTS)"; exit 77; }
CHECK="python3 $top_srcdir/tests/w3c/w3c-check.py $SUITE"
DATA="$top_srcdir/tests/data"
export SOURCE_DATE_EPOCH=1795737600

# 1. gavel's own notes, every colour and state, orphans included.
expect_exit 0 "import the fixture" "$GAVEL" notes import "$DATA/export/notes.json"
"$GAVEL" export --format json "$SAMPLE" >"$TMP/gavel.json" || fail "export json"
if $CHECK "$TMP/gavel.json" >"$TMP/w3c.out"; then ok "W3C MUSTs: $(tail -n 1 "$TMP/w3c.out")"
else fail "W3C assertions failed:"; grep -E "FAIL|passed" "$TMP/w3c.out" >&2; fi
grep -q "collectionMusts.test: 10 of 10 passed" "$TMP/w3c.out" && ok "collection: 10 of 10" || fail "collection MUSTs"
grep -q "pageMusts.test: 15 of 15 passed" "$TMP/w3c.out" && ok "page: 15 of 15" || fail "page MUSTs"
[ "$(grep -c "annotationMusts.test: 54 of 54 passed" "$TMP/w3c.out")" -eq 7 ] && ok "7 annotations: 54 of 54 each" ||
	fail "annotation MUSTs: $(grep annotationMusts "$TMP/w3c.out" | sort | uniq -c)"
# The check can fail: an annotation without its target, a collection without its id.
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
del d["id"]; del d["first"]["items"][0]["target"]
json.dump(d, open(sys.argv[2], "w"))' "$TMP/gavel.json" "$TMP/broken.json"
$CHECK "$TMP/broken.json" >"$TMP/w3c-broken.out" && fail "a broken export passed the W3C checks" ||
	{ grep -q "5.1-collectionIdValidated" "$TMP/w3c-broken.out" && grep -q "targetKeyFound" "$TMP/w3c-broken.out" &&
	  ok "a broken export fails the W3C checks" || fail "broken: $(cat "$TMP/w3c-broken.out")"; }

# 2. A foreign W3C collection on A/RES/58/190 (undocs.org source, no paragraph ids).
expect_exit 0 "import a foreign W3C collection" "$GAVEL" notes import "$DATA/import/foreign-w3c.json"
grep -qx "imported 2 notes (2 found by their quotes)" "$TMP/out" && ok "2 anchored by their quotes" || fail "said: $(cat "$TMP/out")"
grep -q "left out 1 annotation not on quoted words (items\[2\]: it is about a whole document" "$TMP/err" &&
	ok "the whole-document one left out, with the reason" || fail "notice: $(cat "$TMP/err")"
"$GAVEL" notes list --json >"$TMP/list.json"
python3 - "$TMP/list.json" <<'PY' && ok "foreign notes anchored in OP 10 and PP 4" || fail "foreign notes: $(cat "$TMP/list.json" | head -c 600)"
import json, sys
v = json.load(open(sys.argv[1]))
by = {a["note"] or a["exact"]: a for a in v}
a = by["Consular notification: Avena (2004)."]
assert a["para_id"] == "op10" and a["exact"] == "consular official" and a["status"] == "anchored", a
b = by["Durban Declaration and Programme of Action"]   # a line break in the quote
assert b["status"] == "anchored" and b["para_id"] in ("pp4", "op3"), b
PY

# 3. Hypothesis: its export names the PDF's address, so the resolution's file is named.
expect_exit 0 "Hypothesis without its document" "$GAVEL" notes import "$DATA/import/hypothesis.json"
grep -qx "imported 0 notes" "$TMP/out" && grep -q "name its file after" "$TMP/err" &&
	ok "without the document: nothing imported, and told what to do" || fail "said: $(cat "$TMP/out" "$TMP/err")"
expect_exit 0 "Hypothesis with its document" "$GAVEL" notes import "$DATA/import/hypothesis.json" "$SAMPLE"
grep -qx "imported 2 notes (2 found by their quotes)" "$TMP/out" && ok "2 Hypothesis notes anchored" || fail "said: $(cat "$TMP/out")"
grep -q "reply" "$TMP/err" && ok "the reply left out" || fail "reply: $(cat "$TMP/err")"
expect_exit 0 "Hypothesis again" "$GAVEL" notes import "$DATA/import/hypothesis.json" "$SAMPLE"
grep -qx "imported 0 notes, skipped 2 already present (same id)" "$TMP/out" && ok "importing twice adds nothing" ||
	fail "again: $(cat "$TMP/out")"
"$GAVEL" notes list "$SAMPLE" | grep -q "PP 7 .*Special Rapporteur.*#migrants; irregular #vulnerability" &&
	ok "the note, its tags, in PP 7" || fail "list: $("$GAVEL" notes list "$SAMPLE")"

# 4. Everything exported again: valid, the foreign ids kept.
"$GAVEL" export --format json "$SAMPLE" >"$TMP/all.json"
$CHECK "$TMP/all.json" >"$TMP/w3c2.out" && ok "with foreign notes: $(tail -n 1 "$TMP/w3c2.out")" ||
	{ fail "W3C failed with foreign notes"; grep FAIL "$TMP/w3c2.out" >&2; }
for id in http://example.org/anno1 https://hypothes.is/a/Xq3bKk0PEe-n5x8Tu4mD3w; do
	grep -q "\"id\": \"$id\"" "$TMP/all.json" && ok "keeps $id" || fail "lost the id $id"
done

# 5. Back to Hypothesis: one API body a line, its own notes left out (they are there).
"$GAVEL" export --format hypothesis "$SAMPLE" >"$TMP/h.jsonl" || fail "export hypothesis"
python3 - "$TMP/h.jsonl" <<'PY' && ok "hypothesis export: gavel's notes only, each a valid API body" || fail "hypothesis export"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(lines) == 9, len(lines)          # 7 of gavel's + 2 from the W3C file; Hypothesis' 2 left out
for a in lines:
    assert a["uri"].startswith("https://") and a["target"][0]["source"] == a["uri"]
    q = a["target"][0]["selector"][0]
    assert q["type"] == "TextQuoteSelector" and q["exact"]
    assert isinstance(a["tags"], list) and isinstance(a["text"], str)
    assert "Xq3bKk0PEe" not in json.dumps(a)
PY
finish
