#!/usr/bin/env python3
"""gold-to-akn.py GOLD.json OUT.xml

Writes a gold model (tests/data/pdf/*.gold.json, written by reading the PDF) as AKN4UN XML, the
form `make fidelity` takes its gold in: the official PDFs of the reference corpus have no XML of
their own, so this is theirs. Only what the gold says is written: the symbol, dates, meeting,
title, each paragraph in its place (preamble, operative part, annex with its heading and
paragraphs, items under their paragraph), every footnote as an authorialNote at its marker.
tests/e2e/pdf.sh checks that gavel reads the XML back into the same gold."""
import json
import re
import sys
from xml.sax.saxutils import escape


def marked(text, marks, notes):
    """The text with each marker's authorialNote where it stands (after the word it follows)."""
    out, at = [], 0
    for word, fn in marks:
        i = text.find(word, at)
        if i < 0:
            raise SystemExit("marker of %s after %r not found in %r" % (fn, word, text[:60]))
        e = i + len(word)
        out.append(escape(text[at:e]))
        out.append('<authorialNote marker="%s" placement="bottom"><p>%s</p></authorialNote>'
                   % (fn[2:], escape(notes[fn])))
        at = e
    out.append(escape(text[at:]))
    return "".join(out)


def main():
    g = json.load(open(sys.argv[1], encoding="utf-8"))
    notes = {f["id"]: f["text"] for f in g["footnotes"]}
    marks = {}
    for pid, fn, word in g["marks"]:
        marks.setdefault(pid, []).append((word, fn))
    paras = g["paragraphs"]
    pre, ops, annexes = [], [], []
    for pid, text in paras:
        m = marks.get(pid, [])
        body = marked(text, m, notes)
        if pid.startswith("pp"):
            pre.append('<container name="p"><p>%s</p></container>' % body)
        elif pid.startswith("annex"):
            parts = pid.split(".")
            if len(parts) == 1:
                annexes.append({"title": text, "paras": []})
            elif parts[1].startswith("h"):
                annexes[-1]["paras"].append('<paragraph><subheading>%s</subheading></paragraph>' % body)
            elif parts[1].startswith("t"):
                annexes[-1]["paras"].append('<paragraph><content><p>%s</p></content></paragraph>' % body)
            else:
                num = parts[1][1:]
                annexes[-1]["paras"].append(
                    '<paragraph><num>%s.</num><content><p>%s</p></content></paragraph>' % (num, body))
        else:
            num = re.match(r"op(\d+)$", pid)
            if num:
                ops.append('<paragraph><num>%s.</num><content><p>%s</p></content></paragraph>'
                           % (num.group(1), body))
            elif re.match(r"op\d+$|op$", pid) is None and "." not in pid:
                ops.append('<paragraph><content><p>%s</p></content></paragraph>' % body)
            else:
                raise SystemExit("items are not written yet: %s" % pid)
    att = "".join('<attachment><doc name="annex"><mainBody>'
                  '<paragraph><heading>%s</heading></paragraph>%s</mainBody></doc></attachment>'
                  % (escape(a["title"]), "".join(a["paras"])) for a in annexes)
    date = g["adopted"]
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
<statement name="resolution">
<meta><identification source="#gavel"><FRBRWork><FRBRthis value="/akn/un/statement/deliberation/%(body)s/%(date)s/gold/!main"/><FRBRuri value="/akn/un/statement/deliberation/%(body)s/%(date)s/gold/"/>
<FRBRdate date="%(date)s" name="adoption"/><FRBRauthor href="#ga"/><FRBRcountry value="un"/></FRBRWork>
<FRBRExpression><FRBRthis value="/gold/eng"/><FRBRuri value="/gold/eng"/><FRBRdate date="%(date)s" name="publication"/>
<FRBRauthor href="#ga"/><FRBRlanguage language="eng"/></FRBRExpression>
<FRBRManifestation><FRBRthis value="/gold/eng.xml"/><FRBRuri value="/gold/eng.xml"/><FRBRdate date="%(date)s" name="markup"/>
<FRBRauthor href="#gavel"/></FRBRManifestation></identification></meta>
<coverPage><p><docNumber refersTo="#symbol">%(symbol)s</docNumber></p>
<p><docAuthority refersTo="#issuingBody">%(organ)s</docAuthority></p>
<p><docDate date="%(distributed)s" refersTo="#dateOfIssuance">%(distributed)s</docDate></p>
<p><session refersTo="#generalAssembly" value="%(session)s">%(session)s</session></p>
<p><inline title="%(agenda)s" name="agenda item">Agenda item %(agenda)s</inline></p>
<p><docProponent refersTo="#noMainCommittee">[without reference to a Main Committee (<inline name="originating document">%(report)s</inline>)]</docProponent></p></coverPage>
<preface><p><docNumber>%(number)s.</docNumber><docTitle>%(title)s</docTitle></p></preface>
<preamble><formula name="enactingFormula"><p>The General Assembly,</p></formula>%(pre)s</preamble>
<mainBody>%(ops)s</mainBody>
<conclusions><p><inline name="adoptionMeeting">%(meeting)s</inline><eol/><docDate date="%(date)s">%(date)s</docDate></p></conclusions>
<attachments>%(att)s</attachments>
</statement>
</akomaNtoso>
""" % dict(date=date, symbol=escape(g["symbol"]), distributed=g.get("distributed") or date,
           number=escape(g.get("number") or ""), title=escape(g.get("title") or ""),
           pre="".join(pre), ops="".join(ops), meeting=escape(g.get("meeting") or ""),
           att=att, body="unsc" if g["symbol"].startswith("S/") else "unga",
           organ=escape(g.get("organ") or ""), session=escape(g.get("session") or ""),
           agenda=escape(g.get("agenda_item") or ""), report=escape(g.get("report") or ""))
    open(sys.argv[2], "w", encoding="utf-8").write(xml)


if __name__ == "__main__":
    main()
