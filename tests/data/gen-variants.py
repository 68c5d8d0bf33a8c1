#!/usr/bin/env python3
"""gen-variants.py SRC OUTDIR: writes other shapes of the bundled ODS extract into OUTDIR, so a
test can check that every shape of one resolution gives the same model:

  ods-crlf.txt      the extract with CRLF line ends
  ods-bom.txt       with a UTF-8 byte order mark
  ods-bom-crlf.txt  both
  plain.txt         hard-wrapped plain text, blank lines between paragraphs, a plain masthead,
                    footnotes after the closing lines
  pdf.txt           PDF-style: masthead, pages split by form feeds, running heads and footers
                    (symbol, page "n/m", job number, barcode), no blank lines between paragraphs,
                    paragraph numbers on a line of their own, words hyphenated across lines,
                    footnotes at the foot of the page that first cites them, below a rule, one
                    of them running on to the next page

Only the layout changes: the words, numbers and markers are the extract's, untouched.

gen-variants.py --reflow web|tight|ods SRC DST puts every paragraph of a plain text on one line
(blank lines kept, dropped, or as an ODS extract with tabs and tags).

gen-variants.py --layout SRC DST turns a PDF text into what pdftotext -layout gives (columns,
indented lines, first lines set deeper).

gen-variants.py --paginate SRC DST SYMBOL JOB sets a hard-wrapped text's own lines as PDF pages
(running heads and footers, no blank lines, notes under a rule), without rewrapping.

gen-variants.py --pdf-from-plain SRC DST SYMBOL JOB lays out a plain-text resolution (blank lines
between paragraphs, footnotes "N text" or "(N) text" after the closing lines) the way pdftotext
gives a PDF: pages with running heads and footers, no blank lines, paragraph numbers and
sub-paragraph labels on lines of their own, lines wrapped at a measure (between characters in
Chinese), the footnotes under a rule on the last page."""
import re
import sys

PREFIXES = {"non", "self", "co", "cease", "follow", "anti", "counter", "post", "long",
            "short", "medium", "well", "cross", "semi", "quasi", "mid"}
SECONDS = {"based", "related", "up", "term", "scale", "fire", "level", "led", "making",
           "building", "wide", "oriented", "specific", "sensitive", "free", "owned", "called",
           "friendly", "affected", "driven", "centred", "centered", "responsive", "intensive",
           "resistant", "depth", "off"}


def read_extract(path):
    """-> (head lines, body paragraphs, closing lines, footnotes as (num, text))."""
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"\[DU\d+\]", "", text)
    lines = [l.strip() for l in text.split("\n")]
    start = next(i for i, l in enumerate(lines) if l.startswith("Resolution adopted"))
    meeting = next(i for i, l in enumerate(lines) if l.endswith("plenary meeting"))
    head = [re.sub(r"\s+", " ", l) for l in lines[start:start + 3]]
    body = [l for l in lines[start + 3:meeting] if l]
    closing = lines[meeting:meeting + 2]
    notes = []
    for l in lines[meeting + 2:]:
        m = re.match(r"^(\d+) (.*)$", l)
        if not m:
            break
        notes.append((int(m.group(1)), re.sub(r"\s+", " ", m.group(2))))
    return head, body, closing, notes


def split_number(p):
    """'1.\tWelcomes ...' -> ('1.', 'Welcomes ...'); preambular paragraphs have no number."""
    m = re.match(r"^(\d+\.)\s+(.*)$", p)
    return (m.group(1), m.group(2)) if m else (None, p)


def wrap(text, width, hyphenate):
    """Greedy wrap; with hyphenate, a long lower-case word that does not fit is broken with a
    hyphen (never where the reader would take it for a real compound), and a hyphenated word
    may break after its hyphen."""
    out, line = [], ""
    for word in text.split(" "):
        if not line:
            line = word
            continue
        if len(line) + 1 + len(word) <= width:
            line += " " + word
            continue
        room = width - len(line) - 1
        if hyphenate and "-" in word and word.index("-") + 1 <= room and word.index("-") > 0:
            k = word.index("-") + 1
            out.append(line + " " + word[:k])
            line = word[k:]
            continue
        core = re.match(r"^[a-z]+", word)
        if hyphenate and core and len(core.group(0)) >= 10:
            w = core.group(0)
            k = len(w) // 2
            left, right = w[:k], w[k:]
            if (k + 1 <= room and left not in PREFIXES and right not in SECONDS
                    and re.sub(r"^[a-z]+", "", word) == word[len(w):]):
                out.append(line + " " + left + "-")
                line = right + word[len(w):]
                continue
        out.append(line)
        line = word
    if line:
        out.append(line)
    return out


def first_citations(body, nums):
    """Paragraph index where each footnote is first cited, read from the glued markers in
    order (k follows a letter or punctuation, or a four-digit year)."""
    where, pos_par, pos_off = {}, 0, 0
    for k in nums:
        pat = re.compile(r"(?:(?<=[^\d\s/.-])|(?<=\b\d{4}))" + str(k) + r"(?!\d)")
        for pi in range(pos_par, len(body)):
            m = pat.search(body[pi], pos_off if pi == pos_par else 0)
            if m:
                where[k] = pi
                pos_par, pos_off = pi, m.end()
                break
    return where


def masthead():
    return ["United Nations", "A/RES/58/190", "General Assembly", "Distr.: General",
            "22 March 2004", "Fifty-eighth session", "Agenda item 117 (b)"]


def plain(head, body, closing, notes):
    out = ["United Nations A/RES/58/190", "", "General Assembly Distr.: General", "",
           "22 March 2004", "", "Fifty-eighth session", "Agenda item 117 (b)", ""]
    for h in head:
        out += wrap(h, 72, False) + [""]
    for p in body:
        out += wrap(re.sub(r"\s+", " ", p), 72, False) + [""]
    out += closing + [""]
    for n, t in notes:
        out += wrap(f"{n} {t}", 72, False)
    return "\n".join(out) + "\n"


def pdf(head, body, closing, notes):
    cited = first_citations(body, [n for n, _ in notes])
    text = dict(notes)
    # (line, paragraph index) for every body line, in order
    flow = [(l, None) for l in masthead()] + [("", None)]
    flow += [(h, None) for h in head]
    for pi, p in enumerate(body):
        num, t = split_number(p)
        if num:
            flow.append((num, pi))
        for l in wrap(re.sub(r"\s+", " ", t), 86, True):
            flow.append((l, pi))
    flow += [(l, None) for l in closing]
    per_page = 34
    pages = [flow[i:i + per_page] for i in range(0, len(flow), per_page)]
    np_ = len(pages)
    carried, split_done, out, emitted = [], False, [], set()
    for pno, page in enumerate(pages, 1):
        lines = []
        if pno > 1:
            lines += ["A/RES/58/190", f"{pno}/{np_}" if pno % 2 else "", ""]
            lines = [l for l in lines if l] or lines
        paras = {pi for _, pi in page if pi is not None}
        lines += [l for l, _ in page]
        mine = [n for n, _ in notes if cited.get(n) in paras and n not in emitted]
        emitted.update(mine)
        notelines = list(carried)
        carried = []
        for n in mine:
            nl = wrap(f"{n} {text[n]}", 90, False)
            if not split_done and len(nl) >= 2 and pno < np_ and n == mine[-1]:
                # the last note of the page runs on to the next one
                notelines += nl[:1]
                carried = nl[1:]
                split_done = True
            else:
                notelines += nl
        if notelines:
            lines += ["", "_______________"] + notelines
        lines += [""]
        if pno == 1:
            lines += ["03-50598 (E)    220304", "", "*0350598*", ""]
        else:
            lines += [f"{pno}/{np_}" if pno % 2 == 0 else "", "03-50598"]
        out.append("\n".join(lines) + "\n")
    return "\f".join(out)


def join_lines(lines):
    """Joins hard-wrapped lines: nothing between Chinese characters, a space elsewhere."""
    out = lines[0]
    for l in lines[1:]:
        cjk = re.match(r"[\u3000-\u9fff\uff00-\uffef]", l) and re.search(r"[\u3000-\u9fff\uff00-\uffef]$", out)
        out += ("" if cjk else " ") + l
    return out


def wrap_any(text, width):
    """Wraps at spaces, or between characters when a run has no spaces (Chinese)."""
    if not re.search(r"[\u4e00-\u9fff]{6}", text):
        return wrap(text, width, False)
    out, line = [], ""
    for ch in text:
        line += ch
        if len(line) >= width // 2:
            out.append(line)
            line = ""
    if line:
        out.append(line)
    return out


def pdf_from_plain(src, dst, symbol, job):
    blocks = [re.sub(r"\s*\n\s*", " ", b.strip())
              for b in re.split(r"\n\s*\n", open(src, encoding="utf-8").read()) if b.strip()]
    # "52nd plenary meeting\n14 December 2024" is one block in the plain text: two lines here
    body, notes = [], []
    for b in open(src, encoding="utf-8").read().split("\n\n"):
        lines = [l.strip() for l in b.strip().split("\n") if l.strip()]
        if lines and all(re.match(r"^(\d+ (?![-\u2013])|\(\d+\) )", l) for l in lines) and body:
            notes += lines
        elif lines and len(lines) == 2 and len(lines[0]) < 40 and len(lines[1]) < 40:
            body += [[lines[0]], [lines[1]]]
        elif lines:
            body.append([join_lines(lines)])
    flow = []
    for (p,) in body:
        m = re.match(r"^(\d+\.|\d+ -|\([a-z\u0600-\u06ff]+\)|[a-z]\))\s+(.*)$", p)
        if m:
            flow.append(m.group(1))
            flow += wrap_any(m.group(2), 80)
        else:
            flow += wrap_any(p, 80)
    per_page = 14
    pages = [flow[i:i + per_page] for i in range(0, len(flow), per_page)]
    out = []
    for pno, page in enumerate(pages, 1):
        lines = [symbol, f"{pno}/{len(pages)}"] if pno > 1 else []
        lines += page
        if pno == len(pages) and notes:
            lines += ["", "_______________"] + notes
        lines += ["", f"{job} (E)" if pno == 1 else job, ""]
        out.append("\n".join(lines))
    open(dst, "w", encoding="utf-8").write("\f".join(out))


FURNITURE = re.compile(r"^(\d{1,3}|\d\d-\d{5}( \(E\))?|[A-Z]/RES/\S+( \(\d{4}\))?|\d+/\d+|\*\d+\*)$")


def paginate(src, dst, symbol, job):
    """The text's own lines (no rewrapping, so its paragraphs stay as they are) set the way
    pdftotext gives a PDF: no blank lines, pages of 30 lines split by form feeds with a
    running head (symbol, page n/m) and a footer (job number), paragraph numbers on a line of
    their own, the notes after the closing lines under a rule on the last page. Page
    furniture the text already had is taken out first."""
    lines = [l.strip() for l in open(src, encoding="utf-8").read().replace("\f", "\n").split("\n")]
    lines = [l for l in lines if l and not FURNITURE.match(l)]
    body, notes = [], []
    closing = next((i for i, l in enumerate(lines)
                    if re.match(r"^Adopted (unanimously|at the|without)", l)), None)
    if closing is not None:
        k = closing + 1
        while k < len(lines) and not re.match(r"^\d+ [A-Z]", lines[k]):
            k += 1
        body, notes = lines[:k], lines[k:]
    else:
        body = lines
    flow = []
    for l in body:
        m = re.match(r"^(\d+\.) (.*)$", l)
        flow += [m.group(1), m.group(2)] if m else [l]
    per_page = 30
    pages = [flow[i:i + per_page] for i in range(0, len(flow), per_page)]
    out = []
    for pno, page in enumerate(pages, 1):
        ls = [symbol, f"{pno}/{len(pages)}"] if pno > 1 else []
        ls += page
        if pno == len(pages) and notes:
            ls += ["", "_______________"] + notes
        ls += ["", f"{job} (E)" if pno == 1 else job, ""]
        out.append("\n".join(ls))
    open(dst, "w", encoding="utf-8").write("\f".join(out))


def layout(src, dst):
    """What pdftotext -layout gives for a PDF text laid out as pdftotext gives it by default:
    the masthead in two columns, body lines indented, the first line of each paragraph set
    deeper, paragraph numbers and sub-paragraph labels on the first line of their text."""
    pages = open(src, encoding="utf-8").read().split("\f")
    furniture = re.compile(r"^(_+|\d+/\d+|\d\d-\d{5}.*|\*\d+\*|[A-Z]/RES/.*)$")
    out = []
    for pi, page in enumerate(pages):
        L = page.split("\n")
        res, i, pend = [], 0, None
        while i < len(L):
            l = L[i]
            if pi == 0 and l in ("United Nations", "Nations Unies") and i + 2 < len(L):
                res.append(l.ljust(60) + L[i + 2])
                i += 3
                continue
            if (pi == 0 and i + 3 < len(L) and L[i + 2].startswith("Distr")
                    and l in ("General Assembly", "Assemblée générale", "Security Council")):
                res += [l.ljust(60) + L[i + 2], " " * 60 + L[i + 3]]
                i += 4
                continue
            if re.match(r"^(\d+\.|\([a-z]+\)|[a-z]\))$", l):
                pend = l
            elif pend:
                res.append("      " + (pend + " ").ljust(6) + l)
                pend = None
            elif (l and not furniture.match(l) and l[0].isupper() and res
                  and re.search(r"[,;:.][\d\u202f;]*$", res[-1].rstrip())):
                res.append("            " + l)
            else:
                res.append("      " + l if l else l)
            i += 1
        out.append("\n".join(res))
    open(dst, "w", encoding="utf-8").write("\f".join(out))


def reflow(mode, src, dst):
    """A plain text (blank lines between paragraphs, footnotes "N text" at the end) with every
    paragraph on one line: `web` keeps the blank lines (text copied from a web page),
    `tight` drops them, `ods` indents paragraphs with a tab, puts numbers and labels before
    a tab and adds the extract's [DU1] markers and <<ODS>> tags."""
    blocks = [b.strip() for b in open(src, encoding="utf-8").read().split("\n\n") if b.strip()]
    out = ["[DU1]"] if mode == "ods" else []
    heads = re.compile(r"^(Resolution|Résolution|Resolución|Резолюция|\[|\d+/\d+|大会|\u0642\u0631\u0627\u0631)")
    first_body = next((i for i, b in enumerate(blocks) if heads.match(b)), 0)
    for bi, b in enumerate(blocks):
        lines = [l.strip() for l in b.split("\n")]
        if all(re.match(r"^(\d+ (?![-\u2013])|\(\d+\) )", l) for l in lines) and out:
            out += lines                                  # footnotes: one to a line
            continue
        if (len(lines) == 2 and len(lines[0]) < 40 and len(lines[1]) < 40
                and re.search(r"\d", lines[0]) and re.search(r"\d{4}", lines[1])):
            out += [("\t" if mode == "ods" else "") + l for l in lines]   # meeting and date
            continue
        if bi < first_body:
            out += lines                                  # the masthead keeps its lines
            continue
        p = join_lines(lines)
        if mode == "ods":
            m = re.match(r"^(\d+\.|\d+ -|\([a-z\u0600-\u06ff]+\)|[a-z]\)|[\u0430-\u044f]\))\s+(.*)$", p)
            head = re.match(r"^(Resolution|Résolution|Resolución|Резолюция|\[|\d+/\d+)", p)
            p = (p if head else "\t" + (m.group(1) + "\t" + m.group(2) if m else p))
        out.append(p)
    if mode == "ods":
        out += ["[DU1]<<ODS JOB NO>>N0000001E<<ODS JOB NO>>"]
    sep = "\n\n" if mode == "web" else "\n"
    open(dst, "w", encoding="utf-8").write(sep.join(out) + "\n")


def main():
    if sys.argv[1] == "--pdf-from-plain":
        pdf_from_plain(*sys.argv[2:6])
        return
    if sys.argv[1] == "--reflow":
        reflow(*sys.argv[2:5])
        return
    if sys.argv[1] == "--layout":
        layout(*sys.argv[2:4])
        return
    if sys.argv[1] == "--paginate":
        paginate(*sys.argv[2:6])
        return
    src, outdir = sys.argv[1], sys.argv[2]
    raw = open(src, "rb").read()
    lf = raw.replace(b"\r\n", b"\n")
    crlf = lf.replace(b"\n", b"\r\n")
    bom = b"\xef\xbb\xbf"
    for name, data in (("ods-crlf.txt", crlf), ("ods-bom.txt", bom + lf),
                       ("ods-bom-crlf.txt", bom + crlf)):
        open(f"{outdir}/{name}", "wb").write(data)
    parts = read_extract(src)
    open(f"{outdir}/plain.txt", "w", encoding="utf-8").write(plain(*parts))
    open(f"{outdir}/pdf.txt", "w", encoding="utf-8").write(pdf(*parts))


if __name__ == "__main__":
    main()
