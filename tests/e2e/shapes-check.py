#!/usr/bin/env python3
"""shapes-check.py GAVEL TOP_SRCDIR CORPUS_DIR VARIANTS_DIR

Runs `gavel parse` on every shape of input the project reads and checks the structure a careful
reader sees: paragraph counts per part, sub-paragraphs nested, annexes apart from the operative
part, footnote markers linked and out of the text, vote and meeting in the metadata; and that
every generated shape of the bundled resolution gives the same model as its ODS extract.
Prints ok:/FAIL: lines; exits 1 when anything failed."""
import json
import os
import re
import subprocess
import sys

GAVEL, TOP, CORPUS, VARIANTS = sys.argv[1:5]
SHAPES = os.path.join(TOP, "tests", "data", "shapes")
fails = 0


def ok(msg):
    print("ok:", msg)


def fail(msg):
    global fails
    fails += 1
    print("FAIL:", msg)


def check(cond, msg):
    (ok if cond else fail)(msg)
    return cond


def parse(path, fmt=None):
    cmd = [GAVEL, "parse"] + (["--input-format", fmt] if fmt else []) + [path]
    r = subprocess.run(cmd, capture_output=True, timeout=60)
    if r.returncode != 0:
        fail(f"{os.path.basename(path)}: gavel parse exit {r.returncode}: {r.stderr[:300]!r}")
        return None, r.stderr.decode("utf-8", "replace")
    try:
        return json.loads(r.stdout.decode("utf-8")), r.stderr.decode("utf-8", "replace")
    except ValueError as e:
        fail(f"{os.path.basename(path)}: output is not JSON: {e}")
        return None, ""


# --- model helpers ---------------------------------------------------------------------

def walk(paras):
    """All paragraphs of a list, depth first, with their items."""
    for p in paras:
        yield p
        yield from walk(p.get("items", []))


def all_paras(d):
    yield from walk(d.get("preamble", []))
    yield from walk(d.get("operative", []))
    for part in d.get("parts", []) or []:
        yield from walk(part.get("preamble", []))
        yield from walk(part.get("operative", []))
    for a in d.get("annexes", []) or []:
        yield from walk(a.get("paragraphs", []))
    yield from d.get("footnotes", [])


def by_id(d):
    return {p["id"]: p for p in all_paras(d)}


def ids(paras):
    return [p["id"] for p in paras]


def item_ids(p):
    return [i["id"] for i in p.get("items", [])]


def fn_cites(d):
    return {f["id"]: f.get("cited_by", []) for f in d.get("footnotes", [])}


def mark_pairs(d):
    return [(m["from"], m["footnote"]) for m in d.get("marks", [])]


def text_at_mark(d, m, before=12):
    p = by_id(d).get(m["from"])
    if not p:
        return None
    return p["text"][max(0, m["offset"] - before):m["offset"]]


def common_checks(name, d):
    """What holds for every resolution: every mark points at a footnote that exists and at a
    place inside its paragraph; every footnote is cited; no footnote text repeats the number."""
    paras = by_id(d)
    fns = {f["id"] for f in d.get("footnotes", [])}
    bad = [m for m in d.get("marks", []) if m["footnote"] not in fns or m["from"] not in paras
           or not 0 <= m["offset"] <= len(paras[m["from"]]["text"])]
    check(not bad, f"{name}: every mark links an existing footnote inside its paragraph {bad[:3]}")
    uncited = [f["id"] for f in d.get("footnotes", []) if not f.get("cited_by")]
    check(not uncited, f"{name}: every footnote is cited {uncited}")
    for f in d.get("footnotes", []):
        if re.match(r"^\(?%s\)?\s" % re.escape(str(f.get("num", ""))), f["text"]):
            fail(f"{name}: {f['id']} text still starts with its number: {f['text'][:40]!r}")


def docs_of(j):
    return j.get("documents", [j]) if j else []


# --- the bundled resolution in every shape ------------------------------------------------

META = ("symbol", "organ", "number", "title", "adopted", "session", "agenda_item", "report",
        "meeting", "distributed", "language")


def model(d):
    """The parts of the model every shape must agree on."""
    def tree(ps):
        return [(p["id"], p.get("num"), p["text"], tree(p.get("items", []))) for p in ps]
    return {
        "meta": {k: d.get(k) for k in META},
        "preamble": tree(d.get("preamble", [])),
        "operative": tree(d.get("operative", [])),
        "annexes": [(a["id"], a.get("title"), tree(a.get("paragraphs", [])))
                    for a in d.get("annexes", []) or []],
        "footnotes": [(f["id"], f.get("num"), f["text"], f.get("cited_by"))
                      for f in d.get("footnotes", [])],
        "marks": [(m["from"], m["footnote"], m["offset"]) for m in d.get("marks", [])],
        "references": sorted((r["from"], r["kind"], r["target"])
                             for r in d.get("references", [])),
    }


def same_model(name, ref, d):
    a, b = model(ref), model(d)
    for key in a:
        if a[key] == b[key]:
            ok(f"{name}: same {key} as the ODS extract")
            continue
        if isinstance(a[key], dict):
            diff = {k: (a[key][k], b[key].get(k)) for k in a[key] if a[key][k] != b[key].get(k)}
            fail(f"{name}: {key} differs from the ODS extract: {diff}")
            continue
        first = next((i for i, (x, y) in enumerate(zip(a[key], b[key])) if x != y),
                     min(len(a[key]), len(b[key])))
        x = a[key][first] if first < len(a[key]) else None
        y = b[key][first] if first < len(b[key]) else None
        fail(f"{name}: {key} differs from the ODS extract ({len(a[key])} vs {len(b[key])}); "
             f"first difference:\n    ods:  {str(x)[:300]}\n    this: {str(y)[:300]}")


def bundled():
    ref, _ = parse(os.path.join(TOP, "share", "a-res-58-190-en.ods.txt"))
    if not ref:
        return
    check((len(ref["preamble"]), len(ref["operative"]), len(ref["footnotes"]), len(ref["marks"]))
          == (14, 27, 19, 21), "58/190 (ODS): 14 PP, 27 OP, 19 footnotes, 21 marks")
    for v in ("ods-crlf.txt", "ods-bom.txt", "ods-bom-crlf.txt", "plain.txt", "pdf.txt"):
        j, _ = parse(os.path.join(VARIANTS, v))
        if j:
            common_checks(f"58/190 {v}", j)
            same_model(f"58/190 {v}", ref, j)
    # forcing the reader gives the same as detecting it
    for v, fmt in (("plain.txt", "plain"), ("pdf.txt", "pdf")):
        a, _ = parse(os.path.join(VARIANTS, v))
        b, _ = parse(os.path.join(VARIANTS, v), fmt)
        if a and b:
            check(model(a) == model(b), f"58/190 {v}: --input-format {fmt} gives the detected model")


# --- the reference corpus --------------------------------------------------------------

def corpus():
    d, _ = parse(os.path.join(CORPUS, "s-res-0242-1967.txt"))
    if d:
        common_checks("242", d)
        check((d.get("symbol"), d.get("organ"), d.get("number"), d.get("adopted")) ==
              ("S/RES/242 (1967)", "Security Council", "242", "1967-11-22"), "242: metadata")
        check(len(d["preamble"]) == 3, "242: 3 preambular paragraphs")
        check(ids(d["operative"]) == ["op1", "op2", "op3", "op4"], "242: OP 1-4")
        op = {p["id"]: p for p in d["operative"]}
        if "op1" in op:
            check(item_ids(op["op1"]) == ["op1.i", "op1.ii"],
                  f"242: OP 1 (i), (ii) with the OCR (1) read as (i) {item_ids(op['op1'])}")
        if "op2" in op:
            check(item_ids(op["op2"]) == ["op2.a", "op2.b", "op2.c"], "242: OP 2 (a)-(c)")
        check(d.get("vote") == "Adopted unanimously at the 1382nd meeting.", "242: vote line")
        check("1382nd meeting" in (d.get("meeting") or ""), "242: meeting")

    d, _ = parse(os.path.join(CORPUS, "s-res-0101-1953.txt"))
    if d:
        common_checks("101", d)
        check((d.get("symbol"), d.get("number"), d.get("adopted")) ==
              ("S/RES/101 (1953)", "101", "1953-11-24"), "101: metadata")
        check(len(d["preamble"]) == 2 and not d["operative"], "101: 2 common PP, no common OP")
        parts = d.get("parts") or []
        check([(p["id"], p["label"], ids(p.get("operative", []))) for p in parts] ==
              [("a", "A", ["a.op1", "a.op2"]), ("b", "B", ["b.op1", "b.op2", "b.op3"]),
               ("c", "C", ["c.op1", "c.op2", "c.op3", "c.op4"])],
              "101: parts A, B, C with operative numbering restarting (a.op1 ... c.op4)")
        check(fn_cites(d) == {"fn8": ["pp2"], "fn9": ["pp2"], "fn10": ["a.op1"],
                              "fn11": ["c.op4"]}, f"101: footnotes 8-11 and who cites them {fn_cites(d)}")
        p = by_id(d)
        if "pp2" in p:
            check("27 October 1953 and 9 November 1953 to the Security Council" in p["pp2"]["text"],
                  "101: spaced markers 8 and 9 removed from PP 2")
        if "b.op1" in p:
            check("acts of violence, and requests the Government of Jordan" in p["b.op1"]["text"],
                  "101: B OP 1 joined across its stray blank line")
        if "b.op2" in p:
            check("|" not in p["b.op2"]["text"] and "Jordan their obligations" in p["b.op2"]["text"],
                  "101: B OP 2 without the stray | and joined")
        if "a.op1" in p:
            check("Jordan and the Charter" in p["a.op1"]["text"], "101: marker 10 removed")
        check((d.get("vote") or "").startswith("Adopted at the 642nd meeting by 9 votes to none"),
              "101: vote line")

    d, _ = parse(os.path.join(CORPUS, "s-res-0687-1991.txt"))
    if d:
        # the printed volume's footnotes are not in this file: the spaced markers still go
        p = by_id(d)
        check("Security Council and of his letters" in p.get("pp5", {}).get("text", "") and
              "3 March and 5 March he addressed" in p.get("pp5", {}).get("text", ""),
              "687: spaced markers 41, 56, 57 out of PP 5")
        check((d.get("symbol"), d.get("number")) == ("S/RES/687 (1991)", "687"), "687: metadata")
        check(len(d["preamble"]) == 26, f"687: 26 preambular paragraphs ({len(d['preamble'])})")
        check(ids(d["operative"]) == ["op1"], "687: OP 1 before the parts")
        parts = d.get("parts") or []
        want = [("a", 3), ("b", 2), ("c", 8), ("d", 1), ("e", 4), ("f", 10), ("g", 2), ("h", 1),
                ("i", 2)]
        check([(p["id"], len(p.get("operative", []))) for p in parts] == want,
              "687: parts A-I with 3,2,8,1,4,10,2,1,2 operative paragraphs")
        nums = [p.get("num") for part in parts for p in part.get("operative", [])]
        check(nums == [str(n) for n in range(2, 35)], "687: operative numbering 2-34 runs on across parts")
        p = by_id(d)
        for pid, want_items in (("c.op8", ["c.op8.a", "c.op8.b"]), ("c.op9", ["c.op9.a", "c.op9.b"]),
                                ("c.op9.b", ["c.op9.b.i", "c.op9.b.ii", "c.op9.b.iii"]),
                                ("f.op24", ["f.op24.a", "f.op24.b", "f.op24.c", "f.op24.d"])):
            got = item_ids(p[pid]) if pid in p else None
            check(got == want_items, f"687: {pid} holds {want_items} ({got})")
        check((d.get("vote") or "").startswith("Adopted at the 298"), "687: vote line")

    d, _ = parse(os.path.join(CORPUS, "s-res-1454-2002.txt"))
    if d:
        check((d.get("symbol"), d.get("number"), d.get("adopted"), d.get("distributed")) ==
              ("S/RES/1454 (2002)", "1454", "2002-12-30", "2002-12-30"), "1454: metadata")
        check("4683rd meeting" in (d.get("meeting") or ""), "1454: meeting")
        check(len(d["preamble"]) == 6 and ids(d["operative"]) == ["op1", "op2", "op3", "op4", "op5"],
              "1454: 6 PP, OP 1-5")
        an = d.get("annexes") or []
        check([(a["id"], a.get("label")) for a in an] == [("annex1", "Annex A"), ("annex2", "Annex B")],
              "1454: annexes A and B apart from the operative part")
        if len(an) == 2:
            check(an[1].get("title") == "Goods Review List procedures", "1454: title of annex B")
            top = an[1]["paragraphs"]
            nums = [p.get("num") for p in top if (p.get("num") or "").isdigit()]
            check(nums[:20] == [str(n) for n in range(1, 21)], "1454: annex B paragraphs 1-20")
            check([p["id"] for p in top if (p.get("num") or "").isdigit()][:20] ==
                  ["annex2.p%d" % n for n in range(1, 21)], "1454: annex B ids annex2.p1-annex2.p20")
            letters = [p["id"] for p in top[:30] if re.match(r"^[a-z]$", p.get("num") or "")]
            check(not letters, f"1454: annex B (a)-(d) nested under the paragraph that lists them {letters}")
        junk = [p["id"] for p in all_paras(d) if "S/RES/1454 (2002)" in p["text"]
                or "02-75941" in p["text"]]
        check(not junk, f"1454: no running heads or job numbers in the text {junk[:3]}")


def corpus_without_blank_lines():
    """The same Security Council texts with every blank line taken out (as some extractions
    give them) read into the same model."""
    for name in ("s-res-0242-1967.txt", "s-res-0101-1953.txt", "s-res-0687-1991.txt"):
        src = open(os.path.join(CORPUS, name), encoding="utf-8").read()
        dst = os.path.join(VARIANTS, "noblank-" + name)
        open(dst, "w", encoding="utf-8").write(
            "\n".join(l for l in src.split("\n") if l.strip()) + "\n")
        a, _ = parse(os.path.join(CORPUS, name))
        b, _ = parse(dst)
        if a and b:
            same_model(f"{name} without blank lines", a, b)


# --- the team's own documents ------------------------------------------------------------

def own():
    d, _ = parse(os.path.join(SHAPES, "pdf-ga-3pages.txt"))
    if d:
        common_checks("pdf-ga-3pages", d)
        meta = {k: d.get(k) for k in ("symbol", "number", "title", "adopted", "distributed",
                                      "session", "agenda_item", "report", "meeting", "job")}
        check(meta == {"symbol": "A/RES/80/245", "number": "80/245",
                       "title": "Protection of lighthouse keepers", "adopted": "2025-12-19",
                       "distributed": "2026-01-05", "session": "80", "agenda_item": "71 (b)",
                       "report": "A/80/512/Add.2", "meeting": "63rd plenary meeting",
                       "job": "25-21345 (E)"}, f"pdf-ga-3pages: metadata from masthead and furniture {meta}")
        check(ids(d["preamble"]) == ["pp1", "pp2", "pp3", "pp4", "pp5"],
              f"pdf-ga-3pages: 5 PP found without blank lines ({len(d['preamble'])})")
        check(ids(d["operative"]) == ["op1", "op2", "op3", "op4"], "pdf-ga-3pages: OP 1-4")
        p = by_id(d)
        if "op2" in p:
            check(item_ids(p["op2"]) == ["op2.a", "op2.b", "op2.c"], "pdf-ga-3pages: OP 2 (a)-(c)")
        check(fn_cites(d) == {"fn1": ["pp1"], "fn2": ["pp2"], "fn3": ["pp2"], "fn4": ["pp5"],
                              "fn5": ["op2.b"]}, f"pdf-ga-3pages: footnotes per page {fn_cites(d)}")
        marks = {(m["from"], m["footnote"]): text_at_mark(d, m) for m in d.get("marks", [])}
        check(marks.get(("pp2", "fn2"), "").endswith("of 2017")
              and marks.get(("pp2", "fn3"), "").endswith("of 2021,"),
              f"pdf-ga-3pages: glued 20172 and 2021,3 split at the year {marks}")
        check(marks.get(("op2.b", "fn5"), "").endswith("of 2023"), "pdf-ga-3pages: 20235")
        f3 = p.get("fn3", {}).get("text", "")
        check(f3.endswith("safety of navigation in coastal waters (A/80/301), chap. II."),
              "pdf-ga-3pages: footnote 3 joined across the page break")
        text = " ".join(x["text"] for x in all_paras(d))
        check("protection of life" in text and "long-term" in text and "Secretary-General to"
              in text and "eighty-second" in text and "non-governmental" in text,
              "pdf-ga-3pages: hyphenation undone (protection) and kept (long-term, Secretary-General)")
        check(not re.search(r"A/RES/80/245|25-21345|\*2521345\*|\b[23]/3\b", text),
              "pdf-ga-3pages: no page furniture in the text")

    d, _ = parse(os.path.join(SHAPES, "pdf-sc-2pages.txt"))
    if d:
        common_checks("pdf-sc-2pages", d)
        meta = {k: d.get(k) for k in ("symbol", "organ", "number", "adopted", "distributed", "job")}
        check(meta == {"symbol": "S/RES/3300 (2033)", "organ": "Security Council", "number": "3300",
                       "adopted": "2033-05-05", "distributed": "2033-05-06", "job": "33-07777 (E)"},
              f"pdf-sc-2pages: metadata {meta}")
        check("9999th meeting" in (d.get("meeting") or ""), "pdf-sc-2pages: meeting")
        check(ids(d["preamble"]) == ["pp1", "pp2", "pp3", "pp4"], "pdf-sc-2pages: 4 PP")
        check([(x["id"], item_ids(x)) for x in d["operative"]] ==
              [("op1", []), ("op2", ["op2.a", "op2.b"]), ("op3", []), ("op4", [])],
              "pdf-sc-2pages: OP 1-4, OP 2 (a), (b)")
        check(fn_cites(d) == {"fn1": ["pp2"], "fn2": ["op2.b"]}, "pdf-sc-2pages: footnotes")
        check("Convention of 1949 and" in by_id(d).get("op2.b", {}).get("text", ""),
              "pdf-sc-2pages: Conven-tion rejoined and 19492 split")

    d, _ = parse(os.path.join(SHAPES, "pdf-ga-annex.txt"))
    if d:
        common_checks("pdf-ga-annex", d)
        check((d.get("number"), d.get("adopted"), d.get("meeting"), d.get("agenda_item")) ==
              ("81/150", "2026-12-18", "57th plenary meeting", "69"), "pdf-ga-annex: metadata")
        check(d.get("title") == "Principles on the protection of lighthouse archives",
              f"pdf-ga-annex: title, not the agenda item's ({d.get('title')})")
        check(ids(d["preamble"]) == ["pp1", "pp2"] and ids(d["operative"]) == ["op1", "op2", "op3"],
              "pdf-ga-annex: 2 PP, 3 OP before the annex")
        an = d.get("annexes") or []
        check(len(an) == 1 and an[0].get("title") == "Principles on the Protection of Lighthouse Archives",
              "pdf-ga-annex: the annex with its title")
        if an:
            top = an[0]["paragraphs"]
            check([x["text"] for x in top if x.get("kind") == "heading"] in
                  (["I. Scope", "II. Preservation"], ["Scope", "Preservation"]), "pdf-ga-annex: headings")
            check([x.get("num") for x in top if (x.get("num") or "").isdigit()] == ["1", "2", "3", "4"],
                  "pdf-ga-annex: annex paragraphs 1-4 across the page break")
            texts = [x["text"] for x in walk(top)]
            check("Keep archives in conditions that ensure their preservation;" in
                  [re.sub(r"^\W+\s*", "", t) for t in texts], "pdf-ga-annex: bullet on its own")
        check(fn_cites(d) == {"fn1": ["pp1"], "fn2": ["annex1.p1"], "fn3": ["annex1.p4"]},
              f"pdf-ga-annex: footnotes of the annex pages cited by annex paragraphs {fn_cites(d)}")

    models = {}
    for lang in ("en", "fr", "es", "ru", "zh", "ar"):
        name = f"lang-{lang}"
        d, _ = parse(os.path.join(SHAPES, name + ".txt"))
        if not d:
            continue
        common_checks(name, d)
        check(d.get("language") == lang, f"{name}: language {d.get('language')}")
        check((d.get("symbol"), d.get("number"), d.get("adopted"), d.get("organ")) ==
              ("A/RES/79/412", "79/412", "2024-12-14", "General Assembly"), f"{name}: metadata")
        check(bool(d.get("meeting")), f"{name}: meeting line in the metadata")
        check(d.get("report") == "A/79/455", f"{name}: report A/79/455 ({d.get('report')})")
        check(ids(d["preamble"]) == ["pp1", "pp2", "pp3"], f"{name}: 3 PP ({ids(d['preamble'])})")
        check(ids(d["operative"]) == ["op1", "op2", "op3"], f"{name}: OP 1-3")
        p = by_id(d)
        if "op2" in p:
            check(item_ids(p["op2"]) == ["op2.a", "op2.b", "op2.c"], f"{name}: OP 2 (a)-(c)")
        check(fn_cites(d) == {"fn1": ["pp2"], "fn2": ["pp2"], "fn3": ["op1"], "fn4": ["op2.b"]},
              f"{name}: footnotes 1-4 cited where they are {fn_cites(d)}")
        pp2 = p.get("pp2", {}).get("text", "")
        check("2017" in pp2 and "2021" in pp2 and not re.search(r"2017\(?1|2021\(?2|,2$", pp2),
              f"{name}: markers out of PP 2 and the years kept: {pp2[-60:]!r}")
        models[lang] = (ids(d["preamble"]), [(x["id"], item_ids(x)) for x in d["operative"]],
                        mark_pairs(d), fn_cites(d))
    if "en" in models:
        for lang, m in models.items():
            check(m == models["en"], f"lang-{lang}: same ids, marks and footnotes as English")
    # each language laid out as pdftotext gives a PDF reads into the same model
    for lang in ("en", "fr", "es", "ru", "zh", "ar"):
        src = os.path.join(SHAPES, f"lang-{lang}.txt")
        dst = os.path.join(VARIANTS, f"pdf-lang-{lang}.txt")
        r = subprocess.run([sys.executable, os.path.join(TOP, "tests", "data", "gen-variants.py"),
                            "--pdf-from-plain", src, dst, "A/RES/79/412", "24-23456"])
        if not check(r.returncode == 0, f"lang-{lang}: PDF layout generated"):
            continue
        a, _ = parse(src)
        b, _ = parse(dst)
        if a and b:
            same_model(f"lang-{lang} as PDF text", a, b)
    # typography survives: French spaces, Chinese full-width punctuation
    d, _ = parse(os.path.join(SHAPES, "lang-fr.txt"))
    if d and "op1" in by_id(d):
        check(by_id(d)["op1"]["text"].endswith("général\u202f;"),
              "lang-fr: OP 1 keeps its narrow no-break space before ; once the marker is out")
    d, _ = parse(os.path.join(SHAPES, "lang-zh.txt"))
    if d and "op1" in by_id(d):
        check(by_id(d)["op1"]["text"] == "欢迎秘书长的报告；", "lang-zh: OP 1 without the glued marker")

    d, _ = parse(os.path.join(SHAPES, "sc-parts.txt"))
    if d:
        common_checks("sc-parts", d)
        check((d.get("symbol"), d.get("adopted"), d.get("organ")) ==
              ("S/RES/3107 (2031)", "2031-03-12", "Security Council"), "sc-parts: metadata")
        check(len(d["preamble"]) == 2 and not d["operative"], "sc-parts: 2 common PP")
        parts = d.get("parts") or []
        check([(x["id"], ids(x.get("operative", []))) for x in parts] ==
              [("a", ["a.op1", "a.op2"]), ("b", ["b.op1", "b.op2"]), ("c", ["c.op1", "c.op2"])],
              "sc-parts: parts A-C, numbering restarting")
        p = by_id(d)
        if "b.op1" in p:
            check(item_ids(p["b.op1"]) == ["b.op1.a", "b.op1.b"], "sc-parts: B OP 1 (a), (b)")
        check(fn_cites(d) == {"fn14": ["pp2"], "fn15": ["pp2"], "fn16": ["c.op1"]},
              "sc-parts: spaced markers 14-16")
        check("2 February 2031 and 20 February 2031 on" in p.get("pp2", {}).get("text", ""),
              "sc-parts: spaced markers out of PP 2")
        check((d.get("vote") or "").startswith("Adopted at the 9870th meeting by 13 votes"),
              "sc-parts: vote")

    d, _ = parse(os.path.join(SHAPES, "ga-declaration.txt"))
    if d:
        check(not d["preamble"] and ids(d["operative"]) == ["op1"]
              and d["operative"][0]["text"].startswith("Adopts the Declaration"),
              "ga-declaration: 'The General Assembly' without comma, then OP 1 Adopts")
        check(d.get("meeting") == "61st plenary meeting", "ga-declaration: meeting before the annex")
        an = d.get("annexes") or []
        check(len(an) == 1 and an[0].get("title") == "Declaration on the Rights of Coastal Communities",
              "ga-declaration: one annex with its title")
        if an:
            ps = list(walk(an[0]["paragraphs"]))
            heads = [x["text"] for x in an[0]["paragraphs"] if x.get("kind") == "heading"]
            check(heads == ["I. General provisions", "II. Cooperation"] or
                  heads == ["General provisions", "Cooperation"], f"ga-declaration: headings {heads}")
            nums = [x.get("num") for x in an[0]["paragraphs"] if x.get("num") and x.get("kind") != "heading"]
            check(nums == ["1", "2", "3", "4"], f"ga-declaration: annex paragraphs 1-4 ({nums})")
            two = next((x for x in an[0]["paragraphs"] if x.get("num") == "2"), None)
            check(two is not None and [i.get("num") for i in two.get("items", [])] == ["a", "b"],
                  "ga-declaration: annex paragraph 2 (a), (b)")
            texts = [x["text"] for x in ps]
            check(any(t.endswith("Sharing information on coastal hazards;") for t in texts)
                  and any(t.endswith("Supporting the training of local rescue services;") for t in texts)
                  and not any("coastal hazards; " in t for t in texts),
                  "ga-declaration: bullets kept apart")
            check(any(t.startswith("Convinced that coastal communities") for t in texts),
                  "ga-declaration: the declaration's own preamble is in the annex")

    j, _ = parse(os.path.join(SHAPES, "compilation-3.txt"))
    docs = docs_of(j) if j and "documents" in j else []
    check(len(docs) == 3, f"compilation-3: three resolutions ({len(docs)})")
    if len(docs) == 3:
        check([x.get("number") for x in docs] == ["79/301", "79/302", "79/303"], "compilation-3: numbers")
        check([(len(x["preamble"]), len(x["operative"])) for x in docs] == [(1, 2), (1, 2), (0, 3)],
              "compilation-3: paragraph counts per resolution")
        check([x["footnotes"][0]["text"] if x["footnotes"] else None for x in docs] ==
              ["See A/75/PV.10.", "A/79/700.", "A/79/11."], "compilation-3: each keeps its footnote 1")
        check([x.get("meeting") for x in docs] ==
              ["88th plenary meeting", "89th plenary meeting", "90th plenary meeting"],
              "compilation-3: meetings")

    d, err = parse(os.path.join(SHAPES, "cp1252.txt"))
    if d:
        check(d.get("title") == "Cooperation with Côte d’Ivoire on coastal safety",
              "cp1252: Windows-1252 decoded")
        check("“Coastal Safety Fund” – a voluntary fund —" in by_id(d).get("pp1", {}).get("text", "")
              and "café" in by_id(d).get("pp1", {}).get("text", ""), "cp1252: quotes, dashes, accents")
        check("1252" in err, "cp1252: the conversion is reported")


bundled()
corpus()
corpus_without_blank_lines()
own()
print(f"{fails} failure(s)" if fails else "all shape checks passed")
sys.exit(1 if fails else 0)
