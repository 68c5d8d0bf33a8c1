#!/usr/bin/env python3
"""gen-akn-pdf.py AKN.xml OUT-BASE [JOB]

Typesets a resolution from the UN's own AKN4UN XML the way the UN prints it (masthead on the
first page, running head and footer with job number and "2/5" on the others, preambular
paragraphs indented, operative numbers in their own column, footnote markers raised and small,
footnotes below a rule, closing formula), in the resolution's language, with LibreOffice, and
writes OUT-BASE.pdf and OUT-BASE.gold.json: the model the PDF must give, read from the XML
alone (never from gavel). The committed PDFs in tests/data/pdf/ were made with it, from
../shared/corpus/akn/ga-6/ and sc-6/, because the reference corpus has official PDFs in
English only:

    for l in Arabic Chinese English French Russian Spanish; do
        python3 gen-akn-pdf.py ../../../../shared/corpus/akn/ga-6/76_300/$l.xml gen/ga-76-300-$l
    done

Needs LibreOffice (soffice) and the fonts fonts-noto-cjk and fonts-hosny-amiri; the tests
themselves need neither."""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
A = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def local(tag):
    return tag.split("}", 1)[-1]


def cjk(ch):
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF


def norm(s):
    """Whitespace as a reader of the printed text sees it: single spaces, none beside a
    Chinese character (the XML keeps spaces its markup left after notes), non-breaking
    hyphens as the hyphens a PDF's fonts draw."""
    s = re.sub(r"\s+", " ", s.replace("\u2011", "-")).strip()
    return re.sub(r" (?=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])|(?<=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]) ", "", s)


def word_before(text):
    """As tests/e2e/pdf-check.py: the last word, or in Chinese the last six characters."""
    words = text.rstrip().split(" ")
    w = words[-1] if words else ""
    return w[-6:] if any(cjk(ch) for ch in w) else w


# ---- reading the XML ------------------------------------------------------------------

class Run:
    """A piece of a paragraph: text (italic/bold), or a footnote marker with its note."""
    def __init__(self, text="", italic=False, bold=False, note=None, sup=False):
        self.text, self.italic, self.bold, self.note, self.sup = text, italic, bold, note, sup


def runs_of(el, italic=False, bold=False, notes=None):
    out = []
    if el.text:
        out.append(Run(el.text, italic, bold))
    for ch in el:
        t = local(ch.tag)
        if t == "authorialNote":
            m = ch.get("marker")
            txt = norm("".join(ch.itertext()))
            txt = re.sub(r"^\(\)\s*", "", txt)          # Arabic: "() القرار ..."
            notes[m] = txt
            out.append(Run(note=m))
        elif t in ("num",):
            pass
        else:
            cls = ch.get("class") or ""
            it = italic or "italic" in cls or t == "i"
            bd = bold or "bold" in cls or t == "b"
            sup = t == "sup"
            sub = runs_of(ch, it, bd, notes)
            for r in sub:
                r.sup = r.sup or sup
            out.extend(sub)
        if ch.tail:
            out.append(Run(ch.tail, italic, bold))
    return out


def text_of(runs):
    return norm("".join(r.text for r in runs if r.note is None and not r.sup))


def parse(path):
    root = ET.parse(path).getroot()
    doc = root[0]
    lang = doc.find(".//a:FRBRExpression/a:FRBRlanguage", NS).get("language")
    notes = {}
    cover = doc.find("a:coverPage", NS)
    cov = [norm("".join(p.itertext())) for p in cover.findall("a:p", NS)] if cover is not None else []
    sym = norm("".join(doc.find(".//a:coverPage//a:docNumber", NS).itertext()))
    uri = doc.find(".//a:FRBRWork/a:FRBRuri", NS).get("value")
    m = re.search(r"/unsc/[^/]*/(\d+)-(\d{4})/", uri)
    if not sym and m:
        sym = "S/RES/%s (%s)" % (m.group(1), m.group(2))   # the Chinese XML leaves it out
    pre = doc.find("a:preface", NS)
    number = title = None
    if pre is not None:
        n = pre.find(".//a:docNumber", NS)
        t = pre.find(".//a:docTitle", NS)
        number = norm("".join(n.itertext())) if n is not None else None
        title = norm("".join(t.itertext())) if t is not None else None
    adopted = None
    for d in doc.iter(A + "FRBRdate"):
        if d.get("name") == "adoption":
            adopted = d.get("date")
    paras = []     # (kind, id, num, runs, depth)
    formula = None
    preamble = doc.find("a:preamble", NS)
    k = 0
    for ch in preamble:
        t = local(ch.tag)
        if t == "formula":
            formula = runs_of(ch.find("a:p", NS), notes=notes)
        elif t == "container":
            k += 1
            runs = []
            for p in ch.findall("a:p", NS):
                runs += runs_of(p, notes=notes)
            paras.append(("pp", "pp%d" % k, None, runs, 0))
    body = doc.find("a:mainBody", NS)
    opn = 0

    def walk_point(el, parent, depth):
        for pt in el:
            t = local(pt.tag)
            if t == "intro":
                continue
            if t != "point":
                continue
            num = norm("".join(pt.find("a:num", NS).itertext())).strip("()")
            runs = []
            for p in pt.iter(A + "p"):
                runs += runs_of(p, notes=notes)
                break
            pid = parent + "." + num
            paras.append(("sub", pid, "(%s)" % num, runs, depth))
            lst = pt.find("a:list", NS)
            if lst is not None:
                walk_point(lst, pid, depth + 1)

    for par in body.findall("a:paragraph", NS):
        n = par.find("a:num", NS)
        num = norm("".join(n.itertext())) if n is not None else None
        content = par.find("a:content", NS)
        lst = par.find("a:list", NS)
        runs = []
        if content is not None:
            for p in content.findall("a:p", NS):
                runs += runs_of(p, notes=notes)
        elif lst is not None and lst.find("a:intro", NS) is not None:
            for p in lst.find("a:intro", NS).findall("a:p", NS):
                runs += runs_of(p, notes=notes)
        if num is None:
            # Arabic: "1 - " in the text
            m = re.match(r"\s*(\d+)\s*-\s*", runs[0].text if runs else "")
            if m:
                num = m.group(1) + " -"
                runs[0].text = runs[0].text[m.end():]
        opn = int(re.match(r"\d+", num).group(0)) if num else opn + 1
        pid = "op%d" % opn
        paras.append(("op", pid, num, runs, 0))
        if lst is not None:
            walk_point(lst, pid, 1)
    concl = doc.find("a:conclusions", NS)
    closing = [norm("".join(p.itertext())) for p in concl.findall(".//a:p", NS)] if concl is not None else []
    meeting = None
    if concl is not None:
        for i in concl.iter(A + "inline"):
            if i.get("name") == "adoptionMeeting":
                meeting = norm("".join(i.itertext()))
    closing_lines = []
    if concl is not None:
        for p in concl.findall(".//a:p", NS):
            cur = p.text or ""
            for ch in p:
                if local(ch.tag) == "eol":
                    closing_lines.append(norm(cur))
                    cur = ""
                else:
                    cur += "".join(ch.itertext())
                cur += ch.tail or ""
            if norm(cur):
                closing_lines.append(norm(cur))
    # the meeting and the date stand on two lines in print, even where the XML has no <eol/>
    split = []
    for line in closing_lines:
        m = re.match(r"(.*?(?:meeting|séance plénière|sesión plenaria|заседание|会议|العامة \d+(?!\d)))\s*(\S.*)$", line)
        split += [m.group(1), m.group(2)] if m else [line]
    closing_lines = split
    return dict(lang=lang, cover=cov, symbol=sym, number=number, title=title, adopted=adopted,
                formula=formula, paras=paras, notes=notes, meeting=meeting, closing=closing_lines)


# ---- the gold ---------------------------------------------------------------------------

LANGS = {"ara": "ar", "zho": "zh", "eng": "en", "fra": "fr", "spa": "es", "rus": "ru"}


def gold_of(d):
    """The model, in tests/e2e/pdf-check.py's terms, from the XML alone."""
    paras, marks = [], []
    for kind, pid, num, runs, depth in d["paras"]:
        text = ""
        for r in runs:
            if r.note is not None:
                text = text.rstrip()
                marks.append([pid, "fn%s" % r.note, word_before(norm(text))])
            elif not r.sup:
                text = re.sub(r"\s+", " ", text + r.text).lstrip()
        paras.append([pid, norm(text)])
    fns = [{"id": "fn%s" % k, "text": v} for k, v in sorted(d["notes"].items(), key=lambda kv: int(kv[0]))]
    g = {"symbol": d["symbol"], "adopted": d["adopted"], "language": LANGS[d["lang"]]}
    if d["meeting"]:
        g["meeting"] = norm(d["meeting"])
    g.update({"paragraphs": paras, "footnotes": fns, "marks": marks})
    return g


# ---- typesetting ------------------------------------------------------------------------

FONTS = {"ara": ("Amiri", True), "zho": ("Noto Serif CJK SC", False)}


def span(style, text):
    return '<text:span text:style-name="%s">%s</text:span>' % (style, escape(text))


def runs_xml(runs, rtl):
    out = []
    for r in runs:
        if r.note is not None:
            continue
        if r.sup:
            continue
        st = "I" if r.italic else "B" if r.bold else None
        out.append(span(st, r.text) if st else escape(r.text))
    return out


def para_xml(runs, notes, rtl):
    """Runs with their footnotes as LibreOffice notes (raised, small, at the page foot)."""
    out = []
    for r in runs:
        if r.note is not None:
            mark = "(%s)" % r.note if rtl else r.note
            out.append('<text:note text:id="n%s" text:note-class="footnote">'
                       '<text:note-citation text:label="%s">%s</text:note-citation>'
                       '<text:note-body><text:p text:style-name="Note"><text:tab/>%s</text:p></text:note-body>'
                       '</text:note>' % (r.note, escape(mark), escape(mark), escape(notes[r.note])))
        elif r.sup:
            continue
        else:
            st = "I" if r.italic else "B" if r.bold else None
            out.append(span(st, r.text) if st else escape(r.text))
    return re.sub(r"^\s+", "", "".join(out))


def fodt(d, job):
    lang = d["lang"]
    rtl = lang == "ara"
    font, _ = FONTS.get(lang, ("DejaVu Serif", False))
    wm = ' style:writing-mode="rl-tb"' if rtl else ""
    align = "end" if rtl else "start"
    pages = '<text:page-number text:select-page="current"/>/<text:page-count/>'
    cover = d["cover"]
    sc = d["symbol"].startswith("S/")
    # masthead: United Nations / symbol / organ / Distr. / date / [session / agenda / title] /
    # "Resolution adopted by ..." / [without reference ...]
    mast = []
    mast.append('<text:p text:style-name="Mast">%s<text:tab/>%s</text:p>' % (escape(cover[0]), escape(d["symbol"])))
    # the logo's paragraph holds the organ's name
    mast.append('<text:p text:style-name="Organ">%s</text:p>' % escape(cover[2]))
    mast.append('<text:p text:style-name="Small">%s</text:p>' % escape(cover[3]))
    mast.append('<text:p text:style-name="Small">%s</text:p>' % escape(cover[4]))
    rest = cover[5:]
    body = []
    if not sc:
        mast.append('<text:p text:style-name="SessionB">%s</text:p>' % escape(rest[0]))
        mast.append('<text:p text:style-name="Small">%s</text:p>' % escape(rest[1]))
        i = 2
        if len(rest) > 4:
            mast.append('<text:p text:style-name="Small">%s</text:p>' % escape(rest[2]))
            i = 3
        body.append('<text:p text:style-name="Head">%s</text:p>' % escape(rest[i]))
        body.append('<text:p text:style-name="Proponent">%s</text:p>' % escape(rest[i + 1]))
        title = "%s%s%s" % (d["number"], " " if d["number"].endswith(".") else " - ", d["title"])
        body.append('<text:p text:style-name="Title">%s</text:p>' % escape(title))
    else:
        for line in rest:
            body.append('<text:p text:style-name="Head">%s</text:p>' % escape(line))
    body.append('<text:p text:style-name="Formula">%s</text:p>' % para_xml(d["formula"], d["notes"], rtl))
    for kind, pid, num, runs, depth in d["paras"]:
        txt = para_xml(runs, d["notes"], rtl)
        if kind == "pp":
            body.append('<text:p text:style-name="Pre">%s</text:p>' % txt)
        elif kind == "op":
            body.append('<text:p text:style-name="Op">%s<text:tab/>%s</text:p>' % (escape(num), txt))
        else:
            body.append('<text:p text:style-name="Sub%d">%s<text:tab/>%s</text:p>' % (min(depth, 2), escape(num), txt))
    for line in d["closing"]:
        body.append('<text:p text:style-name="Closing">%s</text:p>' % escape(line))
    props = ('style:font-name="F" style:font-name-asian="F" style:font-name-complex="F" '
             'fo:font-size="%spt" style:font-size-asian="%spt" style:font-size-complex="%spt"')
    def tp(size, extra=""):
        return '<style:text-properties %s %s/>' % (props % (size, size, size), extra)
    B = 'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"'
    I = 'fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"'
    def pst(name, size, para="", text=""):
        return ('<style:style style:name="%s" style:family="paragraph"><style:paragraph-properties '
                'fo:text-align="%s"%s %s/>%s</style:style>' % (name, align, wm, para, tp(size, text)))
    tabs = ('<style:tab-stops><style:tab-stop style:position="0.33in"/>'
            '<style:tab-stop style:position="0.66in"/><style:tab-stop style:position="1in"/>'
            '</style:tab-stops>')
    just = 'fo:margin-bottom="6pt" fo:line-height="115%"'
    styles = "".join([
        pst("Mast", 12, 'fo:margin-left="0in"'),
        pst("Organ", 20, 'fo:margin-bottom="6pt"', B),
        pst("Small", 10),
        pst("SessionB", 10, 'fo:margin-top="24pt"', B),
        pst("Head", 14, 'fo:margin-top="14pt" fo:margin-bottom="6pt"', B),
        pst("Proponent", 10, 'fo:margin-bottom="8pt"', I),
        pst("Title", 12, 'fo:margin-bottom="10pt"', B),
        pst("Formula", 10, 'fo:text-indent="0.33in" fo:margin-bottom="6pt"', I),
        '<style:style style:name="Pre" style:family="paragraph"><style:paragraph-properties '
        'fo:text-align="justify"%s fo:text-indent="0.33in" %s/>%s</style:style>' % (wm, just, tp(10)),
        '<style:style style:name="Op" style:family="paragraph"><style:paragraph-properties '
        'fo:text-align="justify"%s fo:text-indent="0in" %s>%s</style:paragraph-properties>%s</style:style>' % (wm, just, tabs, tp(10)),
        '<style:style style:name="Sub1" style:family="paragraph"><style:paragraph-properties '
        'fo:text-align="justify"%s fo:text-indent="0.33in" %s>%s</style:paragraph-properties>%s</style:style>' % (wm, just, tabs, tp(10)),
        '<style:style style:name="Sub2" style:family="paragraph"><style:paragraph-properties '
        'fo:text-align="justify"%s fo:margin-left="0.33in" fo:text-indent="0.33in" %s>%s</style:paragraph-properties>%s</style:style>' % (wm, just, tabs, tp(10)),
        pst("Closing", 10, 'fo:margin-left="2.5in" fo:margin-top="12pt"'),
        '<style:style style:name="Note" style:family="paragraph"><style:paragraph-properties '
        'fo:text-align="%s"%s fo:margin-left="0.33in" fo:text-indent="-0.2in"><style:tab-stops>'
        '<style:tab-stop style:position="0in"/></style:tab-stops></style:paragraph-properties>%s'
        '</style:style>' % (align, wm, tp(8.5)),
        pst("HeadRun", 9, "", B),
        pst("Foot", 9),
        '<style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>',
        '<style:style style:name="I" style:family="text"><style:text-properties %s/></style:style>' % I,
        '<style:style style:name="B" style:family="text"><style:text-properties %s/></style:style>' % B,
    ])
    lang_attr = {"ara": ("ar", "SA"), "zho": ("zh", "CN"), "eng": ("en", "US"), "fra": ("fr", "FR"),
                 "spa": ("es", "ES"), "rus": ("ru", "RU")}[lang]
    return """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="F" svg:font-family="'%(font)s'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
<style:text-properties fo:language="%(l1)s" fo:country="%(l2)s" style:language-asian="%(l1)s" style:country-asian="%(l2)s" style:language-complex="%(l1)s" style:country-complex="%(l2)s" fo:hyphenate="false"/></style:default-style>
%(styles)s
<text:notes-configuration text:note-class="footnote" text:citation-style-name="Sup" text:citation-body-style-name="Sup" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="8.5in" fo:page-height="11in" fo:margin-top="0.6in" fo:margin-bottom="0.6in" fo:margin-left="1.7in" fo:margin-right="1.6in"%(wm)s>
<style:footnote-sep style:width="0.007in" style:distance-before-sep="0.04in" style:distance-after-sep="0.04in" style:line-style="solid" style:adjustment="left" style:rel-width="25%%" style:color="#000000"/>
</style:page-layout-properties><style:header-style/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="PL">
<style:header><text:p text:style-name="HeadRun">%(sym)s</text:p></style:header>
<style:footer><text:p text:style-name="Foot">%(job)s<text:tab/>%(pages)s</text:p></style:footer>
<style:header-first><text:p text:style-name="Foot"></text:p></style:header-first>
<style:footer-first><text:p text:style-name="Foot">%(job)s (%(jl)s)</text:p><text:p text:style-name="Foot">*%(jobd)s*</text:p></style:footer-first>
</style:master-page>
</office:master-styles>
<office:body><office:text>
%(mast)s
%(body)s
</office:text></office:body></office:document>
""" % dict(font=font, styles=styles, wm=wm, sym=escape(d["symbol"]), job=job, jobd=job.replace("-", ""),
           jl=lang_attr[0][0].upper(), pages=pages, mast="\n".join(mast), body="\n".join(body),
           l1=lang_attr[0], l2=lang_attr[1])


def main():
    src, base = sys.argv[1], sys.argv[2]
    job = sys.argv[3] if len(sys.argv) > 3 else "22-12345"
    d = parse(src)
    os.makedirs(os.path.dirname(os.path.abspath(base)), exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        name = os.path.basename(base)
        f = os.path.join(tmp, name + ".fodt")
        with open(f, "w", encoding="utf-8") as o:
            o.write(fodt(d, job))
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + tmp + "/lo",
                        "--convert-to", "pdf", "--outdir", tmp, f], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        os.replace(os.path.join(tmp, name + ".pdf"), base + ".pdf")
    with open(base + ".gold.json", "w", encoding="utf-8") as o:
        json.dump(gold_of(d), o, ensure_ascii=False, indent=1)
        o.write("\n")


if __name__ == "__main__":
    main()
