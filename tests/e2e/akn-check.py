#!/usr/bin/env python3
"""akn-check.py: gavel's model of AKN4UN XML against the XML read straight, by a reader
written here with xml.etree, independent of gavel's C code.

Usage: akn-check.py GAVEL FILE.xml|DIR... [--six DIR...]

For every file, gavel parse's model must agree with the XML on:
  - footnotes: the same numbers, each with the same text;
  - markers: each <authorialNote> in the body a mark of that footnote, after the same words;
  - preambular paragraphs: <container>s and <crossHeading>s (a <mainBody> the markup put before
    another <preamble> is preamble too);
  - numbered operative paragraphs: body paragraphs numbered "N." in <num> or in their text;
  - items: numbered <point>s and body paragraphs numbered "(a)", in <num> or in their text;
  - annexes: as many as attachments and "Annex II" lines open, and every annex paragraph,
    point and table row present once;
  - words: every word of the body and annexes, in the model once (labels aside).
With --six, each DIR holds the six languages of one resolution (English.xml ...): their
preambular, operative and item ids and their footnote ids must be the same.
Prints one line per check; exits 1 when any fails."""
import collections
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
BLOCKS = {"p", "td", "th", "tr", "eol", "br"}
LABEL = re.compile(r"^(\(?[0-9A-Za-z]{1,5}[.)]|\(?[0-9]{1,3} ?[-\u2013]|\([^\s()]{1,4}\)|\u2019[0-9]+\u2018|[\u2013\u2022-])(\s|$)")
FLAT_NUM = re.compile(r"^[0-9]{1,4}(\.| [-\u2013]) ")
FLAT_ITEM = re.compile(r"^\(([a-z]{1,2}|[ivxl]{1,6}|[0-9]{1,2}|[A-Z]|[\u0600-\u06ff\ufe70-\ufeff]{1,3})\) ")
ANNEX_LINE = re.compile(r"^(Annex|Annexe|Anexo|Приложение|附件|المرفق)(\s*\S{0,12})?$")

failures = 0


def report(ok, what):
    global failures
    if not ok:
        failures += 1
    print(("ok: " if ok else "FAIL: ") + what)


def local(e):
    return e.tag[len(NS):] if isinstance(e.tag, str) and e.tag.startswith(NS) else None


def norm(s):
    return " ".join(s.split())


class Text:
    """An element's text as gavel keeps it: whitespace normalised, notes out, marks noted."""

    def __init__(self):
        self.parts = []
        self.marks = []        # (marker, text before it)

    def text(self):
        return norm("".join(self.parts))


def bracket_sup(e, parent):
    if local(e) != "sup" or not (e.text or "").strip() or (e.text or "").strip().strip("()"):
        return False
    kids = list(parent)
    i = kids.index(e)
    near = [kids[j] for j in (i - 1, i + 1) if 0 <= j < len(kids)]
    return any(local(n) == "authorialNote" for n in near)


def gather(e, t, notes, skip_num=True, parent=None):
    """Appends e's text (its tail excepted) to t; notes collects footnote texts."""
    name = local(e)
    if name == "authorialNote":
        m = int(e.get("marker"))
        t.marks.append((m, t.text()))
        if m not in notes:
            nt = Text()
            nt.parts.append(e.text or "")
            for c in e:
                gather(c, nt, {}, False, e)
                nt.parts.append(c.tail or "")
            notes[m] = nt.text()
        return
    if (skip_num and name == "num") or name == "img" or (parent is not None and bracket_sup(e, parent)):
        return
    if name in BLOCKS:
        t.parts.append(" ")
    t.parts.append(e.text or "")
    for c in e:
        gather(c, t, notes, skip_num, e)
        t.parts.append(c.tail or "")
    if name in BLOCKS:
        t.parts.append(" ")


def text_of(e, notes, skip_num=True):
    t = Text()
    gather(e, t, notes, skip_num)
    return t


class Expect:
    def __init__(self):
        self.notes = {}
        self.marks = []        # (marker, last two words before it)
        self.pp = 0
        self.ops = 0
        self.items = 0
        self.annexes = 0
        self.annex_blocks = 0
        self.words = collections.Counter()

    def block(self, t, label_ok=True):
        s = t.text()
        for m, before in t.marks:
            b = LABEL.sub("", before, count=1) if label_ok else before
            self.marks.append((m, tuple(b.split()[-2:])))
        self.add_words(s)
        return s

    def add_words(self, s):
        if re.fullmatch(r"[IVXLC]+|[A-Z]", s):
            return                # a section's number alone
        s = FLAT_NUM.sub("", LABEL.sub("", s, count=1), count=1)
        for w in s.split():
            if not LABEL.match(w + " "):
                self.words[w] += 1


def num_of(e, notes):
    n = e.find(NS + "num")
    return norm("".join(n.itertext())) if n is not None else None


def digits(label):
    return bool(label) and bool(re.fullmatch(r"[0-9][0-9.]*\s*[.\-\u2013]?", label))


def points(lst, x, count=True):
    for c in lst:
        name = local(c)
        if name == "point":
            n = num_of(c, x.notes)
            if count and n and not re.fullmatch(r"[\u2013\u2022*-]", n):
                x.items += 1
            for k in c:
                if local(k) in ("subheading", "content"):
                    x.block(text_of(k, x.notes))
        elif name in ("sublist", "list"):
            points(c, x, count)
        elif name in ("intro", "wrapUp"):
            x.block(text_of(c, x.notes))


def heading_like(p, notes):
    kids = [local(c) for c in p]
    if kids and all(k in ("num", "subheading", "heading") for k in kids):
        return True
    return False


def body(mb, x, as_preamble):
    for c in mb:
        name = local(c)
        if name == "section":
            body(c, x, as_preamble)
        elif name == "crossHeading":
            x.pp += 1
            x.block(text_of(c, x.notes))
        elif name in ("subheading", "heading"):
            x.block(text_of(c, x.notes))
        elif name == "container":
            for tr in c.iter(NS + "tr"):
                x.block(text_of(tr, x.notes))
        elif name == "alinea":
            x.block(text_of(c, x.notes))
        elif name == "paragraph":
            if heading_like(c, x.notes):
                x.block(text_of(c, x.notes))
                continue
            label = num_of(c, x.notes)
            own = Text()
            for k in c:
                if local(k) == "list":
                    for i in k.findall(NS + "intro"):
                        gather(i, own, x.notes)
                elif local(k) != "num":
                    gather(k, own, x.notes)
            s = x.block(own)
            if as_preamble:
                x.pp += 1
            elif label is not None:
                if digits(label):
                    x.ops += 1
                elif not re.fullmatch(r"[\u2013\u2022*-]", label) and not re.fullmatch(r"[IVXLC]+\.?|[A-Z]\.?", label):
                    x.items += 1
            elif FLAT_NUM.match(s):
                x.ops += 1
            elif FLAT_ITEM.match(s):
                x.items += 1
            for k in c:
                if local(k) == "list":
                    for kk in k:
                        if local(kk) != "intro":
                            points([kk], x)


def annexes(att, x):
    for doc in att.iter(NS + "doc"):
        opened = False
        for mb in doc.findall(NS + "mainBody"):
            for c in mb:
                name = local(c)
                if name == "paragraph":
                    t = text_of(c, x.notes, skip_num=False)
                    s = norm(t.text())
                    if not s:
                        continue
                    if ANNEX_LINE.match(s) and c.find(NS + "num") is None:
                        x.annexes += 1
                        opened = True
                        continue
                    if not opened:
                        x.annexes += 1
                        opened = True
                    own = Text()
                    for k in c:
                        if local(k) == "list":
                            for i in k.findall(NS + "intro"):
                                gather(i, own, x.notes, False)
                        else:
                            gather(k, own, x.notes, False)
                    x.annex_blocks += 1
                    x.block(own)
                    for lst in c.findall(NS + "list"):
                        for pt in lst.iter(NS + "point"):
                            x.annex_blocks += 1
                        for kk in lst:
                            if local(kk) != "intro":
                                points([kk], x, False)
                elif name == "container":
                    if not opened:
                        x.annexes += 1
                        opened = True
                    for tr in c.iter(NS + "tr"):
                        t = text_of(tr, x.notes)
                        if t.text():
                            x.annex_blocks += 1
                            x.block(t)


def expect(path):
    root = ET.parse(path).getroot()
    x = Expect()
    doc = next(iter(root))
    kids = list(doc)
    pres = [i for i, c in enumerate(kids) if local(c) == "preamble"]
    last_pre = pres[-1] if pres else -1
    # metadata first: a footnote on the title is a footnote too (with no marker in the body)
    for c in kids:
        if local(c) == "preface":
            for t in c.iter(NS + "docTitle"):
                text_of(t, x.notes)
    for i, c in enumerate(kids):
        name = local(c)
        if name == "preamble":
            for k in c:
                if local(k) == "formula":
                    continue
                t = text_of(k, x.notes)
                if re.search(r"\w", t.text()):
                    x.pp += 1
                    x.block(t)
        elif name == "mainBody":
            if not pres:
                for k in c:
                    x.block(text_of(k, x.notes))
            else:
                body(c, x, i < last_pre)
        elif name == "attachments":
            annexes(c, x)
    return x


def walk(items, out):
    for it in items:
        out.append(it)
        walk(it.get("items", []), out)


class Model:
    def __init__(self, gavel, path):
        r = subprocess.run([gavel, "parse", path], capture_output=True)
        if r.returncode != 0:
            raise RuntimeError("gavel parse exit %d: %s" % (r.returncode, r.stderr.decode()[:200]))
        self.d = d = json.loads(r.stdout)
        self.pre, self.ops = [], []
        walk(d["preamble"], self.pre)
        walk(d["operative"], self.ops)
        for p in d["parts"]:
            walk(p["preamble"], self.pre)
            walk(p["operative"], self.ops)
        self.annex = []
        for a in d["annexes"]:
            walk(a["paragraphs"], self.annex)
        self.plain = []
        walk(d.get("paragraphs", []), self.plain)
        self.byid = {p["id"]: p for p in self.pre + self.ops + self.annex + self.plain + d["footnotes"]}

    def body_ids(self):
        return [p["id"] for p in self.pre + self.ops]


def sponsor_words(s):
    return [w for w in re.split(r"[\s,]+", s or "") if w and w != "and"]


def check_record(name, path, d):
    """The record against <workflow> and <voting>, read here."""
    root = ET.parse(path).getroot()
    steps = {}
    for st in root.iter(NS + "step"):
        steps.setdefault(st.get("outcome"), st)
    r = d["record"]
    want = steps.get("draftResolution")
    want = want.get("as") if want is not None else None
    if want is None and d["report"] and "/L." in d["report"]:
        want = d["report"]
    report(r["draft"] == want, "%s: draft %s (xml %s)" % (name, r["draft"], want))
    want = steps.get("adopted")
    want = want.get("as") if want is not None else None
    report(r["meeting_record"] == want, "%s: meeting record %s (xml %s)" % (name, r["meeting_record"], want))
    for key, outcome in (("sponsors", "draftResolution"), ("cosponsors", "draftResolutionAdditionalSponsors")):
        st = steps.get(outcome)
        by = st.get("by") if st is not None else ""
        got = sponsor_words(" ".join(r[key]))
        exp = sponsor_words(by)
        # "Trinidad and Tobago" keeps its "and" inside one name
        got = [w for w in got if w != "and"]
        report(got == exp, "%s: %s, %d named (xml: %s)" % (name, key, len(r[key]), (by or "")[:60]))
    v = root.find(".//" + NS + "voting")
    outcome = (v.get("outcome") or "") if v is not None else ""
    counts = {}
    voters = {}
    if v is not None:
        for c in v.findall(NS + "count"):
            counts[c.get("refersTo")] = int(c.get("value"))
            voters[c.get("refersTo")] = len([o for o in c.iter() if o.tag.endswith("organization")])
    vote = r["vote"]
    if "without" in outcome.lower():
        report(vote["adoption"] == "without vote" and vote["yes"] is None,
               "%s: adopted without a vote (gavel: %s)" % (name, vote["adoption"]))
    elif counts:
        ok = vote["adoption"] == "vote" and vote["yes"] == counts.get("inFavour", 0) \
            and vote["no"] == counts.get("against", 0) and vote["abstain"] == counts.get("abstaining", 0)
        report(ok, "%s: vote %s-%s-%s (xml %s)" % (name, vote["yes"], vote["no"], vote["abstain"], counts))
        ok = len(vote["in_favour"]) == voters.get("inFavour", 0) and len(vote["against"]) == voters.get("against", 0) \
            and len(vote["abstaining"]) == voters.get("abstaining", 0)
        report(ok, "%s: each member's vote (%d, %d, %d)" % (name, len(vote["in_favour"]), len(vote["against"]), len(vote["abstaining"])))


def check(gavel, path):
    name = os.path.relpath(path)
    try:
        m = Model(gavel, path)
    except Exception as e:
        report(False, "%s: %s" % (name, e))
        return None
    x = expect(path)
    d = m.d
    fn = {int(f["num"]): norm(f["text"]) for f in d["footnotes"]}
    report(fn == x.notes, "%s: footnotes %d, the same numbers and texts" % (name, len(x.notes))
           + ("" if fn == x.notes else " (gavel %s; xml %s)" % (
               sorted(set(fn.items()) - set(x.notes.items()))[:2], sorted(set(x.notes.items()) - set(fn.items()))[:2])))
    got = []
    for mk in d["marks"]:
        p = m.byid.get(mk["from"])
        chars = p["text"][:mk["offset"]] if p else ""
        got.append((int(mk["footnote"][2:]), tuple(chars.split()[-2:])))
    ok = sorted(got) == sorted(x.marks)
    diff = ""
    if not ok:
        a, b = collections.Counter(got), collections.Counter(x.marks)
        diff = " (gavel only %s; xml only %s)" % (list((a - b).items())[:2], list((b - a).items())[:2])
    report(ok, "%s: %d markers, each after the same words%s" % (name, len(x.marks), diff))
    npp = sum(1 for p in m.pre if re.search(r"(^|\.)pp\d+$", p["id"]))
    report(npp == x.pp, "%s: preambular paragraphs %d (xml %d)" % (name, npp, x.pp))
    nops = sum(1 for p in m.ops if re.search(r"(^|\.)op\d+$", p["id"]) and p.get("num"))
    report(nops == x.ops, "%s: numbered operative paragraphs %d (xml %d)" % (name, nops, x.ops))
    nitems = sum(1 for p in m.ops if not re.search(r"(^|\.)(op|h)\d+$", p["id"]) and p.get("num"))
    report(nitems == x.items, "%s: numbered items %d (xml %d)" % (name, nitems, x.items))
    titles = sum(1 for a in d["annexes"] if a["title"])
    report(len(d["annexes"]) == x.annexes, "%s: annexes %d (xml %d)" % (name, len(d["annexes"]), x.annexes))
    nblocks = len(m.annex) + titles
    report(nblocks == x.annex_blocks, "%s: annex paragraphs, items and rows %d (xml %d)" % (name, nblocks, x.annex_blocks))
    words = collections.Counter()
    texts = [p["text"] for p in m.pre + m.ops + m.annex + m.plain]
    texts += [p["title"] for p in d["parts"] if p["title"]]
    texts += [a["title"] for a in d["annexes"] if a["title"]]
    for s in texts:
        s = FLAT_NUM.sub("", LABEL.sub("", s, count=1), count=1)
        for w in s.split():
            # " | " parts the cells of a table row
            if not LABEL.match(w + " ") and w != "|":
                words[w] += 1
    ok = words == x.words
    diff = ""
    if not ok:
        diff = " (gavel only %s; xml only %s)" % (list((words - x.words).items())[:4], list((x.words - words).items())[:4])
    report(ok, "%s: every word, once%s" % (name, diff))
    check_record(name, path, d)
    ids = [p["id"] for p in m.pre + m.ops + m.annex + m.plain + d["footnotes"]]
    dup = [k for k, v in collections.Counter(ids).items() if v > 1]
    report(not dup, "%s: ids unique%s" % (name, " (twice: %s)" % dup[:5] if dup else ""))
    return m


if __name__ == "__main__":
    gavel = sys.argv[1]
    args = sys.argv[2:]
    six = []
    if "--six" in args:
        k = args.index("--six")
        six = args[k + 1:]
        args = args[:k]
    for f in args:
        if os.path.isdir(f):
            for top, dirs, names in sorted(os.walk(f)):
                dirs.sort()
                for n in sorted(names):
                    if n.endswith(".xml"):
                        check(gavel, os.path.join(top, n))
        else:
            check(gavel, f)
    for d in six:
        langs = ["English", "French", "Spanish", "Russian", "Chinese", "Arabic"]
        models = {}
        for l in langs:
            p = os.path.join(d, l + ".xml")
            if os.path.exists(p):
                models[l] = Model(gavel, p)
        en = models.get("English")
        for l, mm in models.items():
            if l == "English" or not en:
                continue
            report(mm.body_ids() == en.body_ids(), "%s: %s has the English ids (%d)" % (os.path.relpath(d), l, len(en.body_ids())))
            fe = [f["id"] for f in en.d["footnotes"]]
            fl = [f["id"] for f in mm.d["footnotes"]]
            report(fe == fl, "%s: %s has the English footnotes (%d)" % (os.path.relpath(d), l, len(fe)))
    print("%d failure(s)" % failures)
    sys.exit(1 if failures else 0)
