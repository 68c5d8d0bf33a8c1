#!/usr/bin/env python3
"""gen.py: writes a large made-up compilation of General Assembly resolutions in the shape of
the ODS extract gavel reads (the shape of share/a-res-58-190-en.ods.txt), for the benchmark.

Usage: gen.py OUT [MEGABYTES]   (default 50)

Every resolution is invented: a title, a preamble of participial paragraphs, numbered operative
paragraphs with (a) (b) ... and (i) (ii) ... sub-paragraphs, footnote markers glued to the text
as the extraction leaves them, the footnotes, and the page furniture of the extract. The text
mixes plain and accented words so case and accent folding have work to do. Deterministic: the
same size gives the same file. The last operative paragraph of the last resolution ends with
the word "zyxwvutsrq", which the first-screen and scrolling measurements look for."""
import random
import sys

WORDS = ("the of and to in for on with by that all its States Member international national "
         "development rights human migrants children women protection cooperation measures "
         "report session Assembly Council Secretary-General Governments implementation "
         "programme resources assistance policies strategies promotion situation relevant "
         "organizations regional efforts support consideration framework réunification "
         "Côte d'Ivoire São Tomé Príncipe façade naïve coöperation élaboration déclaration "
         "reaffirms recognizes emphasizes encourages invites further particular including "
         "sustainable capacity-building indigenous peoples refugees education health "
         "environment climate water sanitation dialogue peace security justice law").split()
LEADS = ("Recalling", "Reaffirming", "Reaffirming also", "Welcoming", "Recognizing", "Bearing in mind",
         "Deeply concerned", "Underlining", "Taking note", "Noting with appreciation",
         "Convinced", "Stressing", "Emphasizing", "Mindful", "Acknowledging")
VERBS = ("Requests", "Calls upon", "Encourages", "Urges", "Invites", "Decides", "Welcomes",
         "Reaffirms", "Emphasizes", "Notes", "Expresses its concern", "Stresses")
ROMAN = ("i", "ii", "iii", "iv", "v", "vi")
ORD = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def resolution(rng, session, number, last):
    out = []
    fn = [0]
    notes = []

    def cite(text):
        # Sometimes glue a footnote marker to the end of the text, as the extract does.
        if rng.random() < 0.3:
            fn[0] += 1
            notes.append("%d See resolution %d/%d, annex, and A/%d/%d." % (
                fn[0], session - 1, rng.randint(1, 300), session, rng.randint(100, 900)))
            return text + ("," if rng.random() < 0.5 else "") + str(fn[0])
        return text

    title = words(rng, rng.randint(3, 8)).capitalize()
    out.append("[DU1]")
    out.append("Resolution adopted by the General Assembly on %d December %d" % (rng.randint(1, 28), 1945 + session))
    out.append("[on the report of the %s Committee (A/%d/%d)]" % (rng.choice(("First", "Second", "Third", "Fifth", "Sixth")).capitalize(), session, rng.randint(400, 700)))
    out.append("%d/%d.\t%s" % (session, number, title))
    out.append("")
    out.append("")
    out.append("\tThe General Assembly,")
    for _ in range(rng.randint(6, 16)):
        text = "%s %s" % (rng.choice(LEADS), words(rng, rng.randint(20, 90)))
        if rng.random() < 0.3:
            text += " resolution %d/%d of %d December %d" % (session - 2, rng.randint(1, 250), rng.randint(1, 28), 1943 + session)
        out.append("\t" + cite(text) + ",")
    nop = rng.randint(8, 30)
    for k in range(1, nop + 1):
        text = "%s %s" % (rng.choice(VERBS), words(rng, rng.randint(15, 110)))
        if rng.random() < 0.2:
            out.append("\t%d.\t%s:" % (k, cite(text)))
            for j in range(rng.randint(2, 6)):
                sub = cite(words(rng, rng.randint(8, 50)))
                if rng.random() < 0.25:
                    out.append("\t(%s)\t%s:" % (chr(ord("a") + j), sub))
                    for m in range(rng.randint(2, 4)):
                        out.append("\t(%s)\t%s;" % (ROMAN[m], cite(words(rng, rng.randint(6, 30)))))
                else:
                    out.append("\t(%s)\t%s;" % (chr(ord("a") + j), sub))
        else:
            end = "." if k == nop else ";"
            if k == nop and last:
                text += " zyxwvutsrq"
            out.append("\t%d.\t%s%s" % (k, cite(text), end))
    out.append("")
    out.append("%dth plenary meeting" % rng.randint(50, 90))
    out.append("%d December %d" % (rng.randint(1, 28), 1945 + session))
    out.extend(notes)
    job = "N%02d%05dE" % (session % 100, rng.randint(10000, 99999))
    out.append("[DU1]<<ODS JOB NO>>%s<<ODS JOB NO>>" % job)
    out.append("<<ODS DOC SYMBOL1>>A/RES/%d/%d<<ODS DOC SYMBOL1>>" % (session, number))
    out.append("<<ODS DOC SYMBOL2>><<ODS DOC SYMBOL2>>")
    out.append("_______________")
    out.append("")
    out.append("United NationsA/RES/%d/%dGeneral AssemblyDistr.: General" % (session, number))
    out.append("%d March %d%s session" % (rng.randint(1, 28), 1946 + session, ORD[session % 9].capitalize()))
    out.append("Agenda item %d" % rng.randint(10, 150))
    out.append("")
    out.append("A/RES/%d/%d" % (session, number))
    out.append("")
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: gen.py OUT [MEGABYTES]")
    target = int(float(sys.argv[2]) * 1e6) if len(sys.argv) > 2 else 50_000_000
    rng = random.Random(58190)
    chunks, size, n = [], 0, 0
    while size < target:
        n += 1
        chunk = resolution(rng, 50 + n // 300, n % 300 + 1, False)
        chunks.append(chunk)
        size += len(chunk.encode())
    chunks[-1] = resolution(random.Random(n), 50 + n // 300, n % 300 + 1, True)
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.writelines(chunks)
    print("resolutions=%d" % n)


if __name__ == "__main__":
    main()
