#!/bin/sh
# export-formats.sh: exports other programs accept as they are meant: the Markdown through a
# CommonMark parser (cmark: a note shows the characters it holds, never markup, with its line
# breaks; the front matter's tags and the #tags are ones Obsidian and Logseq take), the CSV
# through a spreadsheet-safety check (no cell a spreadsheet would run as a formula, tags one
# a line so a ';' in a tag is no separator, TABs kept), colours by the configuration's names.
. "$top_srcdir/tests/lib.sh"
need python3
need cmark
python3 -c 'import yaml' 2>/dev/null || { echo "SKIP: python3-yaml not installed"; exit 77; }
export SOURCE_DATE_EPOCH=1795737600
mkdir -p "$TMP/config/gavel"
printf 'color.red.name = concern\ncolor.green.name = "to cite"\n' >"$TMP/config/gavel/config"
export XDG_CONFIG_HOME="$TMP/config"

# Notes that hold every kind of markup, and formulas; tags that are hard for notes apps.
: >"$TMP/notes.txt"
add() {   # add ID COLOR NOTE [TAG]...: adds a note and keeps its text for the checks
	id=$1 color=$2 note=$3; shift 3
	set -- "$@"
	tags=""
	for t in "$@"; do tags="$tags --tag $(printf '%s' "$t" | sed "s/'/'\\\\''/g; s/^/'/; s/\$/'/")"; done
	eval "\"\$GAVEL\" notes add \"\$SAMPLE\" \"\$id\" --color \"\$color\" $tags -- \"\$note\"" \
		>/dev/null 2>"$TMP/err" || fail "notes add $id: $(cat "$TMP/err")"
	printf '%s\036' "$note" >>"$TMP/notes.txt"
}
TAB=$(printf '\t')
add op1 yellow "# looks like a heading" "1985, baseline" "+cmd" "123" "human rights"
add op2 red "$(printf -- '- a list item\n* another\n1. ordered\n2) also\n+ plus')" "a;b" "x; y"
add op3 concern "$(printf -- '---\n> a quote\n===\nunderlined')"
add op4 "to cite" '<b>bold</b> <script>alert(1)</script> &amp; &lt; &#65;'
add op5 blue '[a link](http://evil.example) ![an image](x.png) <http://auto.example> [[wiki link]] [^1]'
add op6 purple '*emph* _em_ **strong** `code` ~~struck~~ $x^2$ ==mark== %%hidden%% key:: value ^block'
add op7 yellow "$(printf '    indented code\nline two\n\nnew paragraph\n\ttab first\nmid\tline tab')"
add op8 yellow '=HYPERLINK("http://evil.example","x")' "=cmd"
add op9 yellow '+1+2' "@home"
add op10 yellow '-2+3' "policy/migration"
add op11 yellow '@SUM(A1:A9)'
add op12 yellow "$(printf '\tstarts with a tab')"
add op13 yellow 'ends with a backslash \'

"$GAVEL" export --format md "$SAMPLE" >"$TMP/notes.md" 2>"$TMP/err" || fail "export md: $(cat "$TMP/err")"
"$GAVEL" export --format csv "$SAMPLE" >"$TMP/notes.csv" 2>"$TMP/err" || fail "export csv: $(cat "$TMP/err")"
# The body without the front matter (notes apps read that apart), through cmark.
awk 'NR == 1 && /^---$/ { fm = 1; next } fm && /^---$/ { fm = 0; next } !fm' "$TMP/notes.md" >"$TMP/body.md"
cmark -t xml "$TMP/body.md" >"$TMP/ast.xml" || fail "cmark failed"

python3 - "$TMP/notes.md" "$TMP/ast.xml" "$TMP/notes.txt" "$TMP/notes.csv" <<'PY' || fail "checks failed (above)"
import csv, re, sys, xml.etree.ElementTree as ET
import yaml

md, ast, notes_file, csv_file = sys.argv[1:5]
notes = [n for n in open(notes_file, encoding="utf-8").read().split("\x1e") if n]
bad = []
def check(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        bad.append(what)

# --- Markdown ---
NS = "{http://commonmark.org/xml/1.0}"
root = ET.parse(ast).getroot()
kinds = {}
for el in root.iter():
    k = el.tag.replace(NS, "")
    kinds[k] = kinds.get(k, 0) + 1
for k in ("list", "item", "thematic_break", "html_block", "html_inline", "link", "image",
          "strong", "code", "code_block"):
    check(k not in kinds, "no %s from a note (%d)" % (k, kinds.get(k, 0)))
# Emphasis: only the colour names, one per note.
check(kinds.get("emph", 0) == len(notes), "emphasis only on the %d colour names (%d)" % (len(notes), kinds.get("emph", 0)))
# Headings: the document's, and one per annotated paragraph; none from a note.
heads = [el for el in root.iter(NS + "heading")]
texts = ["".join(t.text or "" for t in h.iter(NS + "text")) for h in heads]
check(all(t.startswith(("A/RES/", "OP ", "PP ", "was ")) for t in texts), "headings are gavel's: %s" % texts)

def flat(el):
    out = []
    for n in el.iter():
        k = n.tag.replace(NS, "")
        if k in ("text", "code"):
            out.append(n.text or "")
        elif k == "softbreak":
            out.append(" ")
        elif k == "linebreak":
            out.append("\n")
    return "".join(out)
paras = [flat(p) for p in root.iter(NS + "paragraph")]
for n in notes:
    for part in re.split(r"\n[ \t]*\n", n):
        check(part in paras, "the note shows as written: %r" % part[:50])

# Front matter: YAML, with tags Obsidian and Logseq take (letters, digits, _ - /; not digits only).
fm = open(md, encoding="utf-8").read().split("---\n")[1]
meta = yaml.safe_load(fm)
tags = meta.get("tags", [])
valid = lambda t: re.fullmatch(r"[\w/-]+", t) and not re.fullmatch(r"[0-9]+", t) and not t.startswith(("-", "/"))
check(tags and all(valid(t) for t in tags), "front matter tags valid: %s" % tags)
for want in ("1985-baseline", "cmd", "_123", "human-rights", "a-b", "x-y", "policy/migration"):
    check(want in tags, "tag %s in the front matter" % want)
body = [l for l in open(md, encoding="utf-8").read().split("\n") if not l.startswith("#")]
body_tags = re.findall(r"(?<!\S)#(\S+)", "\n".join(body))
check(body_tags and all(valid(t) for t in body_tags), "#tags in the text valid: %s" % sorted(set(body_tags)))
check("*concern*" in open(md, encoding="utf-8").read(), "the configuration's colour name in Markdown")

# --- CSV ---
rows = list(csv.DictReader(open(csv_file, encoding="utf-8", newline="")))
check(len(rows) == len(notes), "one row per note (%d)" % len(rows))
for r in rows:
    for k, v in r.items():
        check(not v or v[0] not in "=+-@\t\r", "cell %s is no formula: %r" % (k, v[:30]))
def unguard(v):
    return v[1:] if v.startswith("'") and len(v) > 1 and v[1] in "=+-@\t\r" else v
for n in notes:
    check(any(unguard(r["note"]) == n for r in rows), "the CSV keeps the note as written: %r" % n[:40])
tagsets = [set(unguard(t) for t in r["tags"].split("\n")) if r["tags"] else set() for r in rows]
check({"a;b", "x; y"} in tagsets, "tags holding ';' stay whole")
check(any("\t" in unguard(r["note"]) for r in rows), "a note's TAB kept")
check(any(r["color"] == "concern" for r in rows) and any(r["color"] == "to cite" for r in rows),
      "the configuration's colour names in CSV")
sys.exit(1 if bad else 0)
PY
# One vocabulary for colours, one error: the same for notes and export.
expect_exit 64 "export --color pink" "$GAVEL" export --color pink
grep -q "unknown colour 'pink' (yellow, to cite, blue, concern or purple" "$TMP/err" && ok "export names the colours" || fail "export: $(cat "$TMP/err")"
expect_exit 64 "notes add --color pink" "$GAVEL" notes add "$SAMPLE" op1 --color pink
expect_exit 64 "notes list --color pink" "$GAVEL" notes list --color pink
expect_exit 0 "export --color concern" "$GAVEL" export --color concern "$SAMPLE"
grep -q "Colour: concern" "$TMP/out" && ! grep -q "Quote.*heading" "$TMP/out" && ok "filtered by the configured name" || fail "filter: $(head -20 "$TMP/out")"
expect_exit 0 "export --color 4 (its number)" "$GAVEL" export --color 4 "$SAMPLE"
cmp -s "$TMP/out" "$TMP/out" && ok "numbers name colours too"
finish
