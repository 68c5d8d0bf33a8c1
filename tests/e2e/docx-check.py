#!/usr/bin/env python3
"""docx-check.py: applies the tracked changes of a redline .docx and compares the result with
the resolutions, reading the package with zipfile and xml.etree alone (no gavel code).

Usage: docx-check.py GAVEL OLD NEW FILE.docx

Accepting every revision must give NEW and rejecting every one OLD: the same paragraphs in the
same order, each with its number (Word's list numbering counted here, or a number typed before
a tab), its text, and its footnote markers at their places, numbered as Word numbers footnotes;
and every footnote's text. A paragraph whose mark is deleted (on accepting) or inserted (on
rejecting) joins the next one, as in Word. Also checks what Word needs of the package: the
content types, the relationships, unique revision ids, the separator footnotes."""
import json
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


# ---- the document after accepting or rejecting every change ----

def runs(elem, keep, drop, out):
    """Text items of elem in order: ('t', text), ('fn', id), ('tab',), skipping `drop`
    revisions (w:del on accepting, w:ins on rejecting) and unwrapping `keep` ones."""
    for c in elem:
        tag = c.tag
        if tag == W + drop:
            continue
        if tag == W + keep or tag == W + "r" or tag == W + "hyperlink" or tag == W + "smartTag":
            if tag == W + "r":
                st = c.find(W + "rPr/" + W + "rStyle")
                is_mark = st is not None and st.get(W + "val") == "FootnoteReference"
                for x in c:
                    if x.tag in (W + "t", W + "delText"):
                        out.append(("mark" if is_mark else "t", x.text or ""))
                    elif x.tag == W + "tab":
                        out.append(("tab",))
                    elif x.tag == W + "footnoteReference":
                        out.append(("fn", x.get(W + "id"),
                                    x.get(W + "customMarkFollows") in ("1", "true")))
                    elif x.tag == W + "br":
                        out.append(("t", "\n"))
            else:
                runs(c, keep, drop, out)
    return out


def apply(paragraphs, accept):
    """[(pPr, items)] after accepting (or rejecting) all changes."""
    keep, drop = ("ins", "del") if accept else ("del", "ins")
    out, carry = [], []
    for p in paragraphs:
        ppr = p.find(W + "pPr")
        items = carry + runs(p, keep, drop, [])
        mark = ppr.find(W + "rPr") if ppr is not None else None
        gone = mark is not None and mark.find(W + drop) is not None
        if gone:
            carry = items          # the paragraph mark goes: its text joins the next one
            continue
        carry = []
        out.append((ppr, items))
    if carry:
        fail("a removed paragraph mark at the end of the document")
    return out


def style_of(ppr):
    s = ppr.find(W + "pStyle") if ppr is not None else None
    return s.get(W + "val") if s is not None else "Normal"


def roman(n):
    out = ""
    for v, s in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                 (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out, n = out + s, n - v
    return out


def list_formats(numbering):
    """numId -> {ilvl: (numFmt, lvlText, start)} from numbering.xml."""
    root = ET.fromstring(numbering)
    abstract = {}
    for a in root.findall(W + "abstractNum"):
        lv = {}
        for l in a.findall(W + "lvl"):
            lv[int(l.get(W + "ilvl"))] = (l.find(W + "numFmt").get(W + "val"),
                                          l.find(W + "lvlText").get(W + "val"),
                                          int(l.find(W + "start").get(W + "val")))
        abstract[a.get(W + "abstractNumId")] = lv
    nums = {}
    for n in root.findall(W + "num"):
        nums[n.get(W + "numId")] = abstract[n.find(W + "abstractNumId").get(W + "val")]
    return nums


def label_of(fmt, n):
    kind, text, _ = fmt
    if kind == "decimal":
        v = str(n)
    elif kind == "lowerLetter":
        v = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    elif kind == "lowerRoman":
        v = roman(n)
    else:
        fail("list format %s" % kind)
    return re.sub(r"%\d", v, text)


def render(doc, formats, fn_start, footnote_text):
    """[(style, number, text)] with markers as [N] (Word's footnote numbers) and the texts of
    the footnotes in the order cited."""
    counters, out, notes = {}, [], []
    for ppr, items in doc:
        number = ""
        num = ppr.find(W + "numPr") if ppr is not None else None
        if num is not None:
            nid = num.find(W + "numId").get(W + "val")
            lvl = int(num.find(W + "ilvl").get(W + "val"))
            c = counters.setdefault(nid, {})
            c[lvl] = c.get(lvl, 0) + 1
            for deeper in [k for k in c if k > lvl]:
                del c[deeper]
            number = label_of(formats[nid][lvl], c[lvl])
        text, custom = "", False
        for it in items:
            if it[0] == "mark" and custom:
                text += "[%s]" % it[1]          # the typed mark after the reference
                custom = False
            elif it[0] in ("t", "mark"):
                text += it[1]
            elif it[0] == "tab":
                if not number:
                    number, text = text, ""     # a number typed before a tab
                else:
                    text += "\t"
            else:
                notes.append(footnote_text(it[1]))
                if it[2]:
                    custom = True
                else:
                    text += "[%d]" % (fn_start + len(notes) - 1)
        out.append((style_of(ppr), number, text))
    return out, notes


def read_docx(path, accept):
    z = zipfile.ZipFile(path)
    if z.testzip() is not None:
        fail("a damaged entry in the archive")
    names = z.namelist()
    if names[0] != "[Content_Types].xml":
        fail("[Content_Types].xml is not the first entry")
    for need in ("_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                 "word/styles.xml", "word/footnotes.xml", "word/numbering.xml",
                 "word/settings.xml"):
        if need not in names:
            fail("missing " + need)
    parts = {n: z.read(n) for n in names}
    for n, data in parts.items():
        ET.fromstring(data)          # every part is well-formed XML
    types = parts["[Content_Types].xml"].decode()
    for part in ("/word/document.xml", "/word/styles.xml", "/word/footnotes.xml",
                 "/word/numbering.xml", "/word/settings.xml"):
        if 'PartName="%s"' % part not in types:
            fail("no content type for " + part)
    body = ET.fromstring(parts["word/document.xml"]).find(W + "body")
    notes_root = ET.fromstring(parts["word/footnotes.xml"])
    ids = [e.get(W + "id") for part in (body, notes_root) for e in part.iter()
           if e.tag in (W + "ins", W + "del")]
    if len(ids) != len(set(ids)):
        fail("revision ids are not unique")
    kinds = {f.get(W + "type") for f in notes_root.findall(W + "footnote")}
    if not {"separator", "continuationSeparator"} <= kinds:
        fail("the separator footnotes are missing")
    notes = {f.get(W + "id"): f for f in notes_root.findall(W + "footnote")}

    def footnote_text(fid):
        f = notes.get(fid)
        if f is None:
            fail("a reference to footnote %s, which is not there" % fid)
        paras = apply(f.findall(W + "p"), accept)
        return " ".join(footnote_body(items) for _, items in paras).strip()

    def footnote_body(items):
        # the footnote's own mark: Word's (w:footnoteRef, not a text item) or a typed one,
        # the first text item when the reference has a typed mark
        t = [i[1] for i in items if i[0] == "t"]
        return "".join(t)

    sect = body.find(W + "sectPr")
    start = sect.find(W + "footnotePr/" + W + "numStart") if sect is not None else None
    fn_start = int(start.get(W + "val")) if start is not None else 1
    doc = apply(body.findall(W + "p"), accept)
    return render(doc, list_formats(parts["word/numbering.xml"]), fn_start, footnote_text)


# ---- what the resolution says ----

def expected(gavel, path):
    m = json.loads(subprocess.run([gavel, "parse", path], check=True,
                                  capture_output=True).stdout)
    fn_text = {f["id"]: f.get("text") or "" for f in m.get("footnotes", [])}
    fn_num = {f["id"]: int(f["num"]) for f in m.get("footnotes", []) if f.get("num")}
    marks = {}
    for k in m.get("marks", []):
        marks.setdefault(k["from"], []).append((k["offset"], k["footnote"]))
    paras, notes = [], []

    def text_of(p):
        t = p.get("text") or ""
        out, at = "", 0
        for off, fid in sorted(marks.get(p["id"], [])):
            out += t[at:off] + "[%d]" % fn_num.get(fid, 0)
            notes.append(fn_text.get(fid, ""))
            at = off
        return out + t[at:]

    def walk(items, depth, annex):
        for p in items:
            num = p.get("num")
            if p.get("kind") == "heading":
                label = num or ""
            elif num:
                label = ("(%s)" % num) if depth else ("%s." % num)
            else:
                label = ""
            paras.append((label, text_of(p)))
            walk(p.get("items", []), depth + 1, annex)

    if m.get("symbol"):
        paras.append(("", m["symbol"]))
    if m.get("title"):
        paras.append(("", m["title"]))
    walk(m.get("preamble", []), 0, False)
    walk(m.get("operative", []), 0, False)
    for part in m.get("parts", []):
        walk(part.get("preamble", []), 0, False)
        walk(part.get("operative", []), 0, False)
    for annex in m.get("annexes", []):
        paras.append(("", annex.get("label") or ""))
        if annex.get("title"):
            paras.append(("", annex["title"]))
        walk(annex.get("paragraphs", []), 0, True)
    walk(m.get("paragraphs", []), 0, False)
    cited = {fid for v in marks.values() for _, fid in v}
    for f in m.get("footnotes", []):
        if f["id"] not in cited:
            paras.append(("", f.get("text") or ""))
    return paras, notes


def compare(what, got, want):
    got_paras, got_notes = got
    want_paras, want_notes = want
    g = [(num, text) for _, num, text in got_paras if num or text]
    if len(g) != len(want_paras):
        for k in range(min(len(g), len(want_paras))):
            if g[k] != want_paras[k]:
                fail("%s: paragraph %d is %r, not %r" % (what, k + 1, g[k], want_paras[k]))
        fail("%s: %d paragraphs, not %d" % (what, len(g), len(want_paras)))
    for k, (a, b) in enumerate(zip(g, want_paras)):
        if a != b:
            fail("%s: paragraph %d is\n  %r\nnot\n  %r" % (what, k + 1, a, b))
    if got_notes != want_notes:
        for k, (a, b) in enumerate(zip(got_notes, want_notes)):
            if a != b:
                fail("%s: footnote %d is %r, not %r" % (what, k + 1, a, b))
        fail("%s: %d footnotes, not %d" % (what, len(got_notes), len(want_notes)))
    print("%s: %d paragraphs and %d footnotes as they should be" %
          (what, len(g), len(got_notes)))


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    gavel, old, new, docx = sys.argv[1:]
    compare("accept all", read_docx(docx, True), expected(gavel, new))
    compare("reject all", read_docx(docx, False), expected(gavel, old))


if __name__ == "__main__":
    main()
