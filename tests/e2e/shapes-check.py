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
    yield from walk(d.get("paragraphs", []) or [])
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


def common_checks(name, d, missing_ok=False):
    """What holds for every resolution: every mark points at a footnote that exists and at a
    place inside its paragraph; every footnote is cited; no footnote text repeats the number."""
    paras = by_id(d)
    fns = {f["id"] for f in d.get("footnotes", [])}
    bad = [m for m in d.get("marks", []) if m["footnote"] not in fns or m["from"] not in paras
           or not 0 <= m["offset"] <= len(paras[m["from"]]["text"])]
    if missing_ok:
        # a file that lost its notes: such marks stay, flagged, and only those
        bad = [m for m in bad if not (m.get("missing") and m["footnote"] not in fns)]
    check(not bad, f"{name}: every mark links an existing footnote inside its paragraph {bad[:3]}")
    flagged = [m for m in d.get("marks", []) if m.get("missing") and m["footnote"] in fns]
    check(not flagged, f"{name}: no mark to a footnote that is there is flagged missing {flagged[:3]}")
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

    d, err = parse(os.path.join(CORPUS, "s-res-0687-1991.txt"))
    if d:
        common_checks("687", d, missing_ok=True)
        miss = sorted({m["footnote"] for m in d.get("marks", []) if m.get("missing")},
                      key=lambda x: int(x[2:]))
        check(miss[:3] == ["fn41", "fn53", "fn54"] and not d["footnotes"],
              f"687: marks to the volume's notes kept and flagged missing {miss[:5]}")
        check("41, 53, 54" in err and "not in the file" in err,
              f"687: the missing notes are reported {err.strip()[:200]!r}")
        # the printed volume's footnotes are not in this file: the spaced markers still go
        p = by_id(d)
        check("Security Council and of his letters" in p.get("pp5", {}).get("text", "") and
              "3 March and 5 March he addressed" in p.get("pp5", {}).get("text", ""),
              "687: spaced markers 41, 56, 57 out of PP 5")
        check((d.get("symbol"), d.get("number")) == ("S/RES/687 (1991)", "687"), "687: metadata")
        check(len(d["preamble"]) == 26, f"687: 26 preambular paragraphs ({len(d['preamble'])})")
        # sections A-I are headings over a numbering that runs on: paragraph 8 is op8
        ops = [p for p in d["operative"] if p["id"].startswith("op")]
        check(ids(ops) == [f"op{n}" for n in range(1, 35)] and not d.get("parts"),
              f"687: op1..op34 under headings, no parts ({ids(ops)[:10]})")
        heads = [(p["id"], p.get("num")) for p in d["operative"] if p["id"].startswith("h")]
        check(heads == [(f"h{k + 1}", c) for k, c in enumerate("ABCDEFGHI")],
              f"687: headings A-I ({heads})")
        order = ids(d["operative"])
        check(order.index("h1") == order.index("op2") - 1 and order.index("h3") == order.index("op7") - 1,
              "687: heading A before op2, C before op7")
        p = by_id(d)
        for pid, want_items in (("op8", ["op8.a", "op8.b"]), ("op9", ["op9.a", "op9.b"]),
                                ("op9.b", ["op9.b.i", "op9.b.ii", "op9.b.iii"]),
                                ("op24", ["op24.a", "op24.b", "op24.c", "op24.d"])):
            got = item_ids(p[pid]) if pid in p else None
            check(got == want_items, f"687: {pid} holds {want_items} ({got})")
        check((d.get("vote") or "").startswith("Adopted at the 298"), "687: vote line")

    d, _ = parse(os.path.join(CORPUS, "s-res-1454-2002.txt"))
    if d:
        common_checks("1454", d)
        check(not d["footnotes"], "1454: the annex's (1), (2) at a page foot are no footnotes")
        bio = [p.get("num") for p in (d.get("annexes") or [{}])[0].get("paragraphs", [])
               if p.get("num") in ("1", "2")]
        check(len(bio) >= 4, f"1454: Biological Section (1), (2) stay in annex A ({bio})")
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


def corpus_as_pdf():
    """Each Security Council text set as PDF pages (its own lines, no blank lines, running
    heads and footers, notes under a rule) reads into the same model, detected or forced."""
    for name, sym in (("s-res-0242-1967.txt", "S/RES/242 (1967)"),
                      ("s-res-0101-1953.txt", "S/RES/101 (1953)"),
                      ("s-res-0687-1991.txt", "S/RES/687 (1991)"),
                      ("s-res-1454-2002.txt", "S/RES/1454 (2002)")):
        dst = os.path.join(VARIANTS, "pdf-" + name)
        r = subprocess.run([sys.executable, os.path.join(TOP, "tests", "data", "gen-variants.py"),
                            "--paginate", os.path.join(CORPUS, name), dst, sym, "91-12345"])
        if not check(r.returncode == 0, f"{name}: PDF pages generated"):
            continue
        a, _ = parse(os.path.join(CORPUS, name))
        b, _ = parse(dst)
        c, _ = parse(dst, "pdf")
        if not (a and b and c):
            continue
        check(model(b) == model(c), f"{name} as PDF: --input-format pdf gives the detected model")
        common_checks(f"{name} as PDF", b, missing_ok=True)
        if name != "s-res-1454-2002.txt":
            same_model(f"{name} as PDF", a, b)
            lay = os.path.join(VARIANTS, "layout-" + name)
            r = subprocess.run([sys.executable, os.path.join(TOP, "tests", "data", "gen-variants.py"),
                                "--layout", dst, lay])
            e, _ = parse(lay) if r.returncode == 0 else (None, "")
            if check(bool(e), f"{name}: pdftotext -layout text generated and read"):
                same_model(f"{name} as PDF in layout mode", a, e)
            continue
        # 1454 ends in a scanned application form that no layout reads the same; the
        # resolution and its annexes up to the form must agree
        ma, mb = model(a), model(b)
        for key in ("meta", "preamble", "operative", "footnotes", "marks"):
            check(ma[key] == mb[key], f"{name} as PDF: same {key}")
        check([x[:2] for x in ma["annexes"]] == [x[:2] for x in mb["annexes"]],
              f"{name} as PDF: same annexes and titles")
        if len(ma["annexes"]) == 2 and len(mb["annexes"]) == 2:
            check(ma["annexes"][1][2][:20] == mb["annexes"][1][2][:20],
                  f"{name} as PDF: annex B paragraphs 1-20 the same")
            check(ma["annexes"][0][2][:10] == mb["annexes"][0][2][:10],
                  f"{name} as PDF: annex A's first items the same")


def corpus_compilation():
    """The Security Council texts pasted one after another read as three resolutions, each
    the model it is alone (the 687 one keeps its OCR'd "of 3 Apri] 1991")."""
    names = ("s-res-0242-1967.txt", "s-res-0101-1953.txt", "s-res-0687-1991.txt")
    dst = os.path.join(VARIANTS, "sc-compilation.txt")
    open(dst, "w", encoding="utf-8").write("\n".join(
        open(os.path.join(CORPUS, n), encoding="utf-8").read() for n in names))
    j, _ = parse(dst)
    docs = docs_of(j) if j and "documents" in j else []
    if check(len(docs) == 3, f"SC compilation: three resolutions ({len(docs)})"):
        for n, x in zip(names, docs):
            a, _ = parse(os.path.join(CORPUS, n))
            if a:
                same_model(f"{n} inside a compilation", a, x)
    a, _ = parse(os.path.join(CORPUS, "s-res-0687-1991.txt"))
    if a:
        check(a.get("adopted") == "1991-04-03", "687: adopted on 3 April 1991 despite the OCR'd month")


def cleaned_ods():
    """An ODS extract somebody cleaned of its <<ODS>> tags and [DU1] markers (tab-indented,
    one line per paragraph) reads as the extract does; so does a short one."""
    src = open(os.path.join(TOP, "share", "a-res-58-190-en.ods.txt"), encoding="utf-8").read()
    clean = re.sub(r"<<ODS [^>]*>>.*?<<ODS [^>]*>>", "", src).replace("[DU1]", "")
    dst = os.path.join(VARIANTS, "ods-untagged.txt")
    open(dst, "w", encoding="utf-8").write(clean)
    a, _ = parse(os.path.join(TOP, "share", "a-res-58-190-en.ods.txt"))
    b, _ = parse(dst)
    if a and b:
        b["job"] = a.get("job")          # the job number was in the tags that went
        same_model("58/190 without its ODS tags", a, b)
    # the short made-up resolution, one tab-indented line per paragraph, no tags
    blocks = [x.strip() for x in open(os.path.join(SHAPES, "lang-en.txt"), encoding="utf-8")
              .read().split("\n\n") if x.strip()]
    out = []
    for x in blocks:
        lines = x.split("\n")
        if re.match(r"^\d+ [A-Z]", lines[0]) or "plenary meeting" in x:
            out += [("\t" if "plenary" in x else "") + l for l in lines]
            continue
        x = re.sub(r"\s*\n\s*", " ", x)
        m = re.match(r"^(\d+\.) (.*)$", x)
        if x.startswith(("Resolution adopted", "[on")):
            out.append(x)
        elif re.match(r"^\d+/\d+\. ", x):
            out.append(x.replace(". ", ".\t", 1))
        else:
            out.append("\t" + (m.group(1) + "\t" + m.group(2) if m else x))
    tail = ["", "A/RES/79/412", "", "_______________", "", "-" * 60, "", "3", "",
            "United NationsA/RES/79/412General AssemblyDistr.: General",
            "23 January 2025Seventy-ninth session", "Agenda item 18", "", "24 23456", ""]
    dst = os.path.join(VARIANTS, "ods-untagged-short.txt")
    open(dst, "w", encoding="utf-8").write("\n".join(out + tail) + "\n")
    a, _ = parse(os.path.join(SHAPES, "lang-en.txt"))
    b, _ = parse(dst)
    if a and b:
        check((b.get("distributed"), b.get("agenda_item")) == ("2025-01-23", "18"),
              "lang-en without tags: the glued masthead at the end read")
        b["distributed"] = a.get("distributed")
        b["agenda_item"] = a.get("agenda_item")
        same_model("lang-en as an untagged ODS extract", a, b)


def compilation_without_blank_after_notes():
    """A compilation whose footnote runs straight into the next resolution's heading."""
    src = open(os.path.join(SHAPES, "compilation-3.txt"), encoding="utf-8").read()
    dst = os.path.join(VARIANTS, "compilation-tight.txt")
    open(dst, "w", encoding="utf-8").write(re.sub(r"(\n1 [^\n]+)\n\n(?=\d+/\d+\.)", r"\1\n", src))
    a, _ = parse(os.path.join(SHAPES, "compilation-3.txt"))
    b, _ = parse(dst)
    if a and b:
        for i, (x, y) in enumerate(zip(docs_of(a), docs_of(b))):
            same_model(f"compilation-3 without blank lines after the notes, doc {i + 1}", x, y)
        check(len(docs_of(b)) == 3, "compilation-tight: three resolutions")


def own_more():
    """Shapes the corpus lacks: the modern GA masthead over four PDF pages, a Security Council
    resolution that remains seized, two annexes after the meeting line, the Human Rights
    Council and the Economic and Social Council, French from a PDF, Spanish plain text, a
    compilation with a decision."""
    d, _ = parse(os.path.join(SHAPES, "pdf-ga-modern.txt"))
    if d:
        common_checks("pdf-ga-modern", d)
        meta = {k: d.get(k) for k in ("symbol", "organ", "number", "title", "adopted", "session",
                                      "agenda_item", "report", "meeting", "distributed", "job")}
        check(meta == {"symbol": "A/RES/78/123", "organ": "General Assembly", "number": "78/123",
                       "title": "Rights of persons working in small-scale fisheries",
                       "adopted": "2023-12-19", "session": "78", "agenda_item": "71 (b)",
                       "report": "A/78/481/Add.2", "meeting": "50th plenary meeting",
                       "distributed": "2024-01-08", "job": "23-26011 (E)"},
              f"pdf-ga-modern: metadata from the modern masthead {meta}")
        check(ids(d["preamble"]) == ["pp1", "pp2", "pp3", "pp4", "pp5"], "pdf-ga-modern: 5 PP")
        check(ids(d["operative"]) == ["op1", "op2", "op3", "op4", "op5"], "pdf-ga-modern: OP 1-5")
        p = by_id(d)
        check("ensure the participation of women, youth and indigenous peoples" in
              p.get("op2", {}).get("text", ""), "pdf-ga-modern: OP 2 joined across the page break")
        check(item_ids(p.get("op3", {})) == ["op3.a", "op3.b"], "pdf-ga-modern: OP 3 (a), (b)")
        romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
                  "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv",
                  "xxv", "xxvi", "xxvii", "xxviii"]
        check(item_ids(p.get("op3.a", {})) == ["op3.a." + r for r in romans],
              f"pdf-ga-modern: (i)-(xxviii) nested under (a), across a page ({len(item_ids(p.get('op3.a', {})))})")
        check(fn_cites(d) == {"fn1": ["pp1"], "fn2": ["pp1"], "fn3": ["pp5"], "fn4": ["op1"],
                              "fn5": ["op3.b"], "fn6": ["op4"]},
              f"pdf-ga-modern: two footnotes a page, cited where they are {fn_cites(d)}")
        check(p.get("fn4", {}).get("text", "").endswith("on the work of the regional fisheries bodies."),
              "pdf-ga-modern: footnote 4 joined across the page break")
        text = " ".join(x["text"] for x in all_paras(d))
        check(not re.search(r"A/RES/78/123|23-26011|\*2326011\*|\b[234]/4\b", text),
              "pdf-ga-modern: no page furniture in the text")

    d, _ = parse(os.path.join(SHAPES, "pdf-sc-seized.txt"))
    if d:
        common_checks("pdf-sc-seized", d)
        check((d.get("symbol"), d.get("number"), d.get("adopted"), d.get("meeting"),
               d.get("distributed")) == ("S/RES/2790 (2025)", "2790", "2025-06-16", "9951st meeting",
                                         "2025-06-17"), "pdf-sc-seized: metadata")
        check(len(d["preamble"]) == 5 and ids(d["operative"]) == ["op1", "op2", "op3", "op4"],
              "pdf-sc-seized: 5 PP, OP 1-4")
        check(d["operative"][-1]["text"] == "Decides to remain seized of the matter." if d["operative"]
              else False, "pdf-sc-seized: the last OP remains seized")
        check(item_ids(by_id(d).get("op2", {})) == ["op2.a", "op2.b", "op2.c"],
              "pdf-sc-seized: OP 2 (a)-(c) across the page break")
        check(fn_cites(d) == {"fn1": ["pp2"], "fn2": ["op2.b"]}, "pdf-sc-seized: footnotes")

    d, _ = parse(os.path.join(SHAPES, "ga-two-annexes.txt"))
    if d:
        common_checks("ga-two-annexes", d)
        check((d.get("number"), d.get("meeting"), d.get("adopted")) ==
              ("80/98", "48th plenary meeting", "2025-12-11"), "ga-two-annexes: metadata")
        check(ids(d["operative"]) == ["op1", "op2", "op3", "op4"], "ga-two-annexes: OP 1-4")
        check(item_ids(by_id(d).get("op3", {})) == ["op3.a", "op3.b", "op3.t1"],
              "ga-two-annexes: OP 3 goes on after (a), (b) ('and to share ...' is OP 3's, not (b)'s)")
        an = d.get("annexes") or []
        check([(a["id"], a.get("label"), a.get("title")) for a in an] ==
              [("annex1", "Annex I", "Guidelines on the preservation of historic lighthouses"),
               ("annex2", "Annex II", "Model agreement on technical cooperation")],
              "ga-two-annexes: annexes I and II after the meeting line, with their titles")
        if len(an) == 2:
            heads = [x["text"] for x in an[0]["paragraphs"] if x.get("kind") == "heading"]
            check(heads in (["I. Purpose", "II. Measures"], ["Purpose", "Measures"]),
                  f"ga-two-annexes: annex I headings {heads}")
            check([x.get("num") for x in an[0]["paragraphs"] if x.get("num")] == ["1", "2", "3", "4"],
                  "ga-two-annexes: annex I paragraphs 1-4")
            check([x["text"] for x in an[1]["paragraphs"] if x.get("kind") == "heading"] ==
                  ["Article 1", "Article 2"], "ga-two-annexes: articles of annex II are headings")
        check(fn_cites(d) == {"fn1": ["pp2"], "fn2": ["op1"], "fn3": ["annex1.p3.b"]},
              f"ga-two-annexes: footnotes {fn_cites(d)}")
        # "Annex I*" (an asterisk for the note on the annex's language), "APPENDIX"
        src = open(os.path.join(SHAPES, "ga-two-annexes.txt"), encoding="utf-8").read()
        star = os.path.join(VARIANTS, "ga-two-annexes-star.txt")
        open(star, "w", encoding="utf-8").write(src.replace("\nAnnex I\n", "\nAnnex I*\n")
                                                .replace("\nAnnex II\n", "\nAPPENDIX\n"))
        e, _ = parse(star)
        if e:
            check([(a["label"], a.get("title")) for a in e.get("annexes") or []] ==
                  [("Annex I", "Guidelines on the preservation of historic lighthouses"),
                   ("APPENDIX", "Model agreement on technical cooperation")],
                  "ga-two-annexes: 'Annex I*' and 'APPENDIX' start annexes")
        dst = os.path.join(VARIANTS, "pdf-ga-two-annexes.txt")
        r = subprocess.run([sys.executable, os.path.join(TOP, "tests", "data", "gen-variants.py"),
                            "--pdf-from-plain", os.path.join(SHAPES, "ga-two-annexes.txt"), dst,
                            "A/RES/80/98", "25-31313"])
        b, _ = parse(dst) if r.returncode == 0 else (None, "")
        if b:
            same_model("ga-two-annexes as PDF text", d, b)

    d, _ = parse(os.path.join(SHAPES, "hrc.txt"))
    if d:
        common_checks("hrc", d)
        meta = {k: d.get(k) for k in ("symbol", "organ", "number", "title", "adopted", "session",
                                      "agenda_item", "meeting", "distributed", "vote")}
        check(meta == {"symbol": "A/HRC/RES/55/21", "organ": "Human Rights Council",
                       "number": "55/21", "title": "Access to safe drinking water for seafarers",
                       "adopted": "2024-04-04", "session": "55", "agenda_item": "3",
                       "meeting": "52nd meeting", "distributed": "2024-04-12",
                       "vote": "Adopted without a vote."}, f"hrc: metadata {meta}")
        check(len(d["preamble"]) == 3 and ids(d["operative"]) == ["op1", "op2", "op3"]
              and not item_ids(d["operative"][-1]), "hrc: 3 PP, OP 1-3, the closing lines apart")
        check(fn_cites(d) == {"fn1": ["pp2"], "fn2": ["op2"]}, "hrc: footnotes")

    # a recorded vote runs over several blocks to its closing bracket
    src = open(os.path.join(SHAPES, "hrc.txt"), encoding="utf-8").read()
    dst = os.path.join(VARIANTS, "hrc-recorded-vote.txt")
    open(dst, "w", encoding="utf-8").write(src.replace(
        "[Adopted without a vote.]",
        "[Adopted by a recorded vote of 30 to 12, with 5 abstentions. The voting was as\n"
        "follows:\n\nIn favour:\nArgentina, Brazil, Chile, Finland, France, Ghana, India,\n"
        "Japan, Kenya, Mexico, Nepal, Peru\n\nAgainst:\nAlbania, Bulgaria, Cuba, Eritrea\n\n"
        "Abstaining:\nBenin, Gambia, Malawi, Qatar, Sudan]"))
    d, _ = parse(dst)
    if d:
        common_checks("hrc with a recorded vote", d)
        v = d.get("vote") or ""
        check(v.startswith("Adopted by a recorded vote of 30 to 12") and v.endswith("Qatar, Sudan")
              and "Against: Albania" in v, f"hrc: the recorded vote whole in the metadata {v[-40:]!r}")
        check(ids(d["operative"]) == ["op1", "op2", "op3"] and not item_ids(d["operative"][-1]),
              "hrc: the voting lists are not text of OP 3")

    for lang, meeting in (("fr", "9951e séance"), ("es", "9951ª sesión"),
                          ("ru", "9951-м заседании")):
        d, _ = parse(os.path.join(SHAPES, f"sc-{lang}.txt"))
        if not d:
            continue
        common_checks(f"sc-{lang}", d)
        check((d.get("language"), d.get("symbol"), d.get("number"), d.get("adopted"),
               d.get("meeting"), d.get("distributed")) ==
              (lang, "S/RES/2790 (2025)", "2790", "2025-06-16", meeting, "2025-06-17"),
              f"sc-{lang}: the Security Council heading in {lang} read {d.get('meeting')}")
        check(len(d["preamble"]) == 2 and ids(d["operative"]) == ["op1", "op2"],
              f"sc-{lang}: 2 PP, OP 1-2")

    d, _ = parse(os.path.join(SHAPES, "hrc-fr.txt"))
    if d:
        common_checks("hrc-fr", d)
        check((d.get("language"), d.get("organ"), d.get("symbol"), d.get("adopted"),
               d.get("meeting"), d.get("vote")) ==
              ("fr", "Human Rights Council", "A/HRC/RES/55/21", "2024-04-04", "52e séance",
               "Adoptée sans vote."), "hrc-fr: « Le Conseil des droits de l’homme, » opens; metadata")
        check(len(d["preamble"]) == 2 and ids(d["operative"]) == ["op1", "op2"]
              and fn_cites(d) == {"fn1": ["pp2"]}, "hrc-fr: 2 PP, OP 1-2, footnote 1")

    d, _ = parse(os.path.join(SHAPES, "pdf-hrc.txt"))
    if d:
        common_checks("pdf-hrc", d)
        meta = {k: d.get(k) for k in ("symbol", "organ", "number", "title", "adopted", "session",
                                      "agenda_item", "meeting", "distributed")}
        check(meta == {"symbol": "A/HRC/RES/57/8", "organ": "Human Rights Council", "number": "57/8",
                       "title": "The right to rest of workers on remote islands",
                       "adopted": "2024-10-09", "session": "57", "agenda_item": "3",
                       "meeting": "40th meeting", "distributed": "2024-10-14"},
              f"pdf-hrc: metadata from the Council's masthead {meta}")
        check(len(d["preamble"]) == 2 and ids(d["operative"]) == ["op1", "op2", "op3"],
              "pdf-hrc: 2 PP, OP 1-3 (OP 2 across the page)")
        v = d.get("vote") or ""
        check(v.startswith("Adopted by a recorded vote of 31 to 9") and v.endswith("India, Japan"),
              "pdf-hrc: the recorded vote in the metadata")
        check(fn_cites(d) == {"fn1": ["pp2"], "fn2": ["op2"]}, "pdf-hrc: footnotes")

    d, _ = parse(os.path.join(SHAPES, "ecosoc.txt"))
    if d:
        common_checks("ecosoc", d)
        check((d.get("symbol"), d.get("organ"), d.get("number"), d.get("adopted"), d.get("report"),
               d.get("meeting")) == ("E/RES/2025/17", "Economic and Social Council", "2025/17",
                                     "2025-07-23", "E/2025/32", "31st plenary meeting"),
              "ecosoc: metadata")
        check(len(d["preamble"]) == 2 and ids(d["operative"]) == ["op1", "op2", "op3"]
              and item_ids(d["operative"][1]) == ["op2.a", "op2.b"], "ecosoc: 2 PP, OP 1-3, OP 2 (a), (b)")

    d, _ = parse(os.path.join(SHAPES, "pdf-fr.txt"))
    if d:
        common_checks("pdf-fr", d)
        check((d.get("language"), d.get("number"), d.get("adopted"), d.get("distributed"),
               d.get("agenda_item"), d.get("meeting"), d.get("report")) ==
              ("fr", "79/250", "2024-12-20", "2025-01-10", "68 b)", "62e séance plénière",
               "A/79/460/Add.2"), "pdf-fr: metadata from the French masthead")
        check(len(d["preamble"]) == 3 and ids(d["operative"]) == ["op1", "op2", "op3"]
              and item_ids(d["operative"][1]) == ["op2.a", "op2.b"], "pdf-fr: 3 PP, OP 1-3, OP 2 a), b)")
        p = by_id(d)
        check(p.get("op2.b", {}).get("text", "").endswith("«\u00a0lignes directrices\u00a0» de 2023\u202f;"),
              "pdf-fr: « » with no-break spaces kept, marker 5 out")
        check(p.get("op2", {}).get("text", "") == "Demande à tous les États\u00a0:", "pdf-fr: OP 2 keeps its NBSP")
        check(fn_cites(d) == {"fn1": ["pp1"], "fn2": ["pp2"], "fn3": ["pp2"], "fn4": ["op1"],
                              "fn5": ["op2.b"]}, f"pdf-fr: footnotes {fn_cites(d)}")

    d, _ = parse(os.path.join(SHAPES, "plain-es.txt"))
    if d:
        common_checks("plain-es", d)
        check((d.get("language"), d.get("symbol"), d.get("adopted"), d.get("distributed"),
               d.get("session"), d.get("agenda_item"), d.get("report"), d.get("meeting")) ==
              ("es", "A/RES/80/77", "2025-12-09", "2025-12-15", "80", "75 a)", "A/80/530",
               "47ª sesión plenaria"), "plain-es: metadata from the Spanish masthead")
        check(item_ids(by_id(d).get("op2", {})) == ["op2.a", "op2.b", "op2.t1"],
              "plain-es: OP 2 goes on after a), b)")
        an = d.get("annexes") or []
        check(len(an) == 1 and an[0].get("label") == "Anexo" and
              [x.get("num") for x in an[0]["paragraphs"]] == ["1", "2"], "plain-es: the Anexo, paragraphs 1-2")
        check(fn_cites(d) == {"fn1": ["pp2"], "fn2": ["op2.b"]}, "plain-es: footnotes")

    # markers as superscript digits (text copied from a web page or a word processor)
    src = open(os.path.join(SHAPES, "pdf-ga-modern.txt"), encoding="utf-8").read()
    sup = src
    for a, b in (("Rights1 ", "Rights\u00b9 "), ("Rights,2", "Rights,\u00b2"),
                 ("2014,3", "2014,\u00b3"), ("General;4", "General;\u2074"),
                 ("communities;5", "communities;\u2075"), ("above;6", "above;\u2076")):
        sup = sup.replace(a, b)
    dst = os.path.join(VARIANTS, "pdf-ga-modern-superscript.txt")
    open(dst, "w", encoding="utf-8").write(sup)
    a, _ = parse(os.path.join(SHAPES, "pdf-ga-modern.txt"))
    b, _ = parse(dst)
    if check(sup.count("\u00b9") == 1 and sup.count("\u2076") == 1, "superscript variant made") and a and b:
        same_model("pdf-ga-modern with superscript markers", a, b)
    c, _ = parse(os.path.join(CORPUS, "s-res-1454-2002.txt"))
    if c:
        check(any("0.100 m³" in p["text"] for p in all_paras(c)), "1454: units keep their superscript (m³)")

    # the PDF texts as pdftotext -layout gives them: first lines set deeper, no blank lines
    for name in ("pdf-ga-modern", "pdf-sc-seized", "pdf-fr", "pdf-hrc"):
        dst = os.path.join(VARIANTS, f"layout-{name}.txt")
        r = subprocess.run([sys.executable, os.path.join(TOP, "tests", "data", "gen-variants.py"),
                            "--layout", os.path.join(SHAPES, name + ".txt"), dst])
        a, _ = parse(os.path.join(SHAPES, name + ".txt"))
        b, _ = parse(dst) if r.returncode == 0 else (None, "")
        if check(bool(a and b), f"{name}: -layout text generated and read"):
            same_model(f"{name} in layout mode", a, b)

    # the hard-wrapped documents with their blank lines taken out (read by the measure and
    # lead phrases, never as one line per paragraph). Not plain-es: without a blank line or a
    # short line, nothing tells "y a que ..." after its b) from the rest of b).
    for name in ("lang-en", "lang-fr", "lang-es", "lang-ru", "lang-zh", "lang-ar", "ga-two-annexes"):
        src = open(os.path.join(SHAPES, name + ".txt"), encoding="utf-8").read()
        dst = os.path.join(VARIANTS, f"noblank-{name}.txt")
        open(dst, "w", encoding="utf-8").write("\n".join(l for l in src.split("\n") if l.strip()) + "\n")
        a, _ = parse(os.path.join(SHAPES, name + ".txt"))
        b, _ = parse(dst)
        if a and b:
            same_model(f"{name} without blank lines", a, b)

    # four PDF texts of three organs one after another (a file of pasted documents)
    names = ("pdf-ga-modern", "pdf-ga-3pages", "pdf-sc-seized", "pdf-hrc")
    dst = os.path.join(VARIANTS, "pdf-compilation.txt")
    open(dst, "w", encoding="utf-8").write("\f".join(
        open(os.path.join(SHAPES, n + ".txt"), encoding="utf-8").read() for n in names))
    j, _ = parse(dst)
    docs = docs_of(j) if j and "documents" in j else []
    if check(len(docs) == 4, f"PDF compilation of three organs: four documents ({len(docs)})"):
        for n, x in zip(names, docs):
            a, _ = parse(os.path.join(SHAPES, n + ".txt"))
            if a:
                # the masthead's agenda item and distribution date are one set of hints for
                # the whole file: only a lone document gets them
                for k in ("agenda_item", "distributed"):
                    a[k] = x.get(k)
                same_model(f"{n} inside a PDF compilation", a, x)

    # every plain-text document with one line per paragraph: copied from a web page (blank
    # lines kept), without blank lines, and as an ODS extract with tabs and tags
    for name in ("lang-en", "lang-fr", "lang-es", "lang-ru", "lang-zh", "lang-ar", "ga-two-annexes",
                 "plain-es", "hrc", "ecosoc", "sc-parts", "ga-declaration", "compilation-3",
                 "compilation-decision"):
        a, _ = parse(os.path.join(SHAPES, name + ".txt"))
        for mode in ("web", "tight", "ods"):
            dst = os.path.join(VARIANTS, f"{mode}-{name}.txt")
            r = subprocess.run([sys.executable, os.path.join(TOP, "tests", "data", "gen-variants.py"),
                                "--reflow", mode, os.path.join(SHAPES, name + ".txt"), dst])
            b, _ = parse(dst) if r.returncode == 0 else (None, "")
            if not check(bool(a and b), f"{name}: one line per paragraph ({mode}) generated and read"):
                continue
            da, db = docs_of(a), docs_of(b)
            check(len(da) == len(db), f"{name} ({mode}): {len(da)} document(s)")
            for x, y in zip(da, db):
                same_model(f"{name} one line per paragraph ({mode})", x, y)

    # an older volume's style: roman session in the number, "meeting," then "date."
    src = os.path.join(SHAPES, "ga-old-style.txt")
    one = os.path.join(VARIANTS, "ga-old-style-one-line.txt")
    open(one, "w", encoding="utf-8").write(open(src, encoding="utf-8").read().replace(
        "plenary meeting,\n", "plenary meeting, "))
    for path in (src, one):
        d, _ = parse(path)
        if d:
            common_checks(os.path.basename(path), d)
            check((d.get("symbol"), d.get("number"), d.get("session"), d.get("meeting"),
                   d.get("adopted")) == ("A/RES/2999 (XXVII)", "2999 (XXVII)", "27",
                                         "2112th plenary meeting", "1972-12-18"),
                  f"{os.path.basename(path)}: metadata of an older volume")
            check(ids(d["operative"]) == ["op1", "op2"] and not item_ids(d["operative"][-1])
                  and fn_cites(d) == {"fn1": ["pp2"]},
                  f"{os.path.basename(path)}: the meeting and date close, footnote 1 only")

    j, _ = parse(os.path.join(SHAPES, "compilation-decision.txt"))
    docs = docs_of(j) if j and "documents" in j else []
    check(len(docs) == 4, f"compilation-decision: three resolutions and a decision ({len(docs)})")
    if len(docs) == 4:
        check([x.get("number") for x in docs] == ["79/310", "79/311", "79/560", "79/312"],
              "compilation-decision: numbers")
        dec = docs[2]
        check((dec.get("symbol"), dec.get("title"), dec.get("meeting"), dec.get("adopted")) ==
              (None, "Appointment of members of the Advisory Board on Coastal Safety",
               "96th plenary meeting", "2025-05-08"),
              "compilation-decision: the decision's metadata (no A/RES symbol made up)")
        check(not dec["preamble"] and not dec["operative"] and len(dec.get("paragraphs", [])) == 1,
              "compilation-decision: the decision's text is one paragraph")
        check(fn_cites(dec) == {"fn1": ["p1"]}, "compilation-decision: the decision keeps its footnote")
        check([len(x["operative"]) for x in docs] == [2, 2, 0, 2] and
              not any(item_ids(p) for p in docs[1]["operative"]),
              "compilation-decision: the decision is not swallowed by the resolution before it")
        for x in docs:
            common_checks(f"compilation-decision {x.get('number')}", x)


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
corpus_as_pdf()
corpus_compilation()
cleaned_ods()
compilation_without_blank_after_notes()
own()
own_more()
print(f"{fails} failure(s)" if fails else "all shape checks passed")
sys.exit(1 if fails else 0)
