#!/usr/bin/env python3
"""pdf-check.py GAVEL GOLD.json INPUT [INPUT...]

Compares gavel's model of each INPUT (an official PDF, or the text pdftotext made of it) with
the gold model written by reading the PDF (tests/data/pdf/README): the record (symbol, dates,
meeting, title, report, agenda item, language), every paragraph in reading order with its id
and text (preamble, operative paragraphs with their items, annexes with their headings), every
footnote's text, and every marker (the paragraph, its footnote and the word it follows).

Prints one line per measure ("ok:" or "FAIL:" with what differs, at most a few differences
each) and exits 1 when any measure of any input failed."""
import json
import subprocess
import sys

GAVEL, GOLD = sys.argv[1], sys.argv[2]
INPUTS = sys.argv[3:]
fails = 0

RECORD = ("symbol", "organ", "number", "title", "adopted", "session", "agenda_item", "report",
          "meeting", "distributed", "language")


def walk(paras):
    for p in paras:
        yield p
        yield from walk(p.get("items", []))


def paragraphs(d):
    """(id, text) of every paragraph in reading order; an annex gives its title first."""
    out = []
    for p in walk(d.get("preamble", [])):
        out.append((p["id"], p.get("text") or ""))
    for p in walk(d.get("operative", [])):
        out.append((p["id"], p.get("text") or ""))
    for part in d.get("parts", []) or []:
        for p in walk(part.get("preamble", []) + part.get("operative", [])):
            out.append((p["id"], p.get("text") or ""))
    for a in d.get("annexes", []) or []:
        out.append((a["id"], a.get("title") or ""))
        for p in walk(a.get("paragraphs", [])):
            out.append((p["id"], p.get("text") or ""))
    return out


def cjk(ch):
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF


def word_before(text):
    """The word a marker follows: the last word before it; in Chinese, which has no spaces
    between words, its last six characters."""
    words = text.rstrip().split(" ")
    w = words[-1] if words else ""
    return w[-6:] if any(cjk(ch) for ch in w) else w


def marks(d):
    """(paragraph id, footnote id, the word before the marker) in document order."""
    texts = dict(paragraphs(d))
    out = []
    for m in d.get("marks", []):
        t = texts.get(m["from"], "")
        out.append((m["from"], m["footnote"], word_before(t[:m["offset"]])))
    return out


def diff_list(name, want, got, fmt=repr):
    wi = {x[0]: x for x in want}
    gi = {x[0]: x for x in got}
    msgs = []
    if [x[0] for x in want] != [x[0] for x in got]:
        missing = [k for k in wi if k not in gi]
        extra = [k for k in gi if k not in wi]
        msgs.append("ids differ: missing %s, extra %s" % (missing[:6], extra[:6]))
    for k, w in wi.items():
        g = gi.get(k)
        if g is not None and g != w:
            msgs.append("%s: want %s, got %s" % (k, fmt(w[1:])[:300], fmt(g[1:])[:300]))
    return msgs


def check(label, ok, msgs):
    global fails
    if ok:
        print("ok: %s" % label)
    else:
        fails += 1
        print("FAIL: %s" % label)
        for m in msgs[:4]:
            print("    " + m)
        if len(msgs) > 4:
            print("    ... %d more" % (len(msgs) - 4))


def main():
    with open(GOLD, encoding="utf-8") as f:
        gold = json.load(f)
    for path in INPUTS:
        name = path.rsplit("/", 1)[-1]
        r = subprocess.run([GAVEL, "parse", path], capture_output=True, timeout=120)
        if r.returncode != 0:
            check("%s: gavel parse" % name, False,
                  ["exit %d: %s" % (r.returncode, r.stderr.decode("utf-8", "replace")[:300])])
            continue
        d = json.loads(r.stdout.decode("utf-8"))
        rec = [("%s = %r, not %r" % (k, d.get(k), gold[k])) for k in RECORD
               if k in gold and d.get(k) != gold[k]]
        check("%s: record (%s)" % (name, ", ".join(k for k in RECORD if k in gold)), not rec, rec)
        want = [tuple(p) for p in gold["paragraphs"]]
        got = paragraphs(d)
        m = diff_list("paragraphs", want, got)
        check("%s: %d paragraphs, ids and texts" % (name, len(want)), not m, m)
        want = [(f["id"], f["text"]) for f in gold["footnotes"]]
        got = [(f["id"], f.get("text") or "") for f in d.get("footnotes", [])]
        m = diff_list("footnotes", want, got)
        check("%s: %d footnotes" % (name, len(want)), not m, m)
        want = [tuple(x) for x in gold["marks"]]
        got = marks(d)
        m = []
        if want != got:
            ws, gs = set(want), set(got)
            m = ["missing %r" % (x,) for x in want if x not in gs][:5] + \
                ["extra %r" % (x,) for x in got if x not in ws][:5]
            if not m:
                m = ["same markers in another order"]
        check("%s: %d markers (paragraph, footnote, word before)" % (name, len(want)), not m, m)
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
