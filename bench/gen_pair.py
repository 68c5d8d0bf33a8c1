#!/usr/bin/env python3
"""gen_pair.py: a long made-up resolution and its successor, for timing `gavel diff`.

Usage: gen_pair.py OLD NEW [PARAGRAPHS]   (default 400)

OLD is one resolution in the ODS-extract shape of bench/gen.py, with PARAGRAPHS paragraphs
(preambular, operative, their items) and a footnote on about one in four; NEW is what a year of
negotiation makes of it, in the proportions of real series (Sustainable fisheries 75/89 -> 76/71,
Protection of migrants 76/172 -> 78/217): dates and symbols updated, about one paragraph in
eight reworded (words inserted, deleted, replaced), one in twenty deleted and as many new ones
inserted, a few moved. Deterministic."""
import importlib.util
import os
import random
import sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("gen", os.path.join(here, "gen.py"))
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)


def body(rng, n):
    """[(kind, lead, text, has_note)] of a resolution with about n paragraphs."""
    paras = []
    npp = n // 4
    for _ in range(npp):
        paras.append(["pp", rng.choice(gen.LEADS), gen.words(rng, rng.randint(20, 90)),
                      rng.random() < 0.25])
    while len(paras) < n:
        paras.append(["op", rng.choice(gen.VERBS), gen.words(rng, rng.randint(15, 110)),
                      rng.random() < 0.25])
        if rng.random() < 0.15:
            for _ in range(rng.randint(2, 5)):
                paras.append(["item", "", gen.words(rng, rng.randint(8, 50)), rng.random() < 0.2])
    return paras


def edit(rng, paras):
    """The successor: reworded, deleted, inserted and moved paragraphs."""
    out = []
    for p in paras:
        r = rng.random()
        if r < 0.05:
            continue                                   # deleted
        p = list(p)
        if r < 0.18:                                   # reworded
            w = p[2].split()
            for _ in range(rng.randint(1, 4)):
                k = rng.randrange(len(w) + 1)
                op = rng.random()
                if op < 0.4:
                    w[k:k] = gen.words(rng, rng.randint(1, 8)).split()
                elif op < 0.7 and k < len(w):
                    del w[k:k + rng.randint(1, 5)]
                elif k < len(w):
                    w[k] = rng.choice(gen.WORDS)
            p[2] = " ".join(w) or "reaffirms"
        out.append(p)
        if rng.random() < 0.05:                        # a new one
            kind = p[0]
            lead = rng.choice(gen.LEADS if kind == "pp" else gen.VERBS) if kind != "item" else ""
            out.append([kind, lead, gen.words(rng, rng.randint(15, 80)), rng.random() < 0.25])
    for _ in range(3):                                 # moved operative paragraphs
        ops = [i for i, p in enumerate(out) if p[0] == "op"]
        a, b = rng.sample(ops, 2)
        out.insert(b, out.pop(a))
    return out


def write(path, session, number, paras):
    out = ["[DU1]", "Resolution adopted by the General Assembly on 9 December %d" % (1945 + session),
           "[on the report of the Second Committee (A/%d/420)]" % session,
           "%d/%d.\tSustainable cooperation on oceans and the law of the sea" % (session, number),
           "", "", "\tThe General Assembly,"]
    notes, k, letter = [], 0, 0
    for kind, lead, text, note in paras:
        if note:
            notes.append("%d See resolution %d/%d, annex, and A/%d/%d." % (
                len(notes) + 1, session - 1, 100 + len(notes), session, 300 + len(notes)))
            text += "," + str(len(notes))
        if kind == "pp":
            out.append("\t%s %s," % (lead, text))
        elif kind == "op":
            k += 1
            letter = 0
            out.append("\t%d.\t%s %s;" % (k, lead, text))
        else:
            out.append("\t(%s)\t%s;" % (chr(ord("a") + letter % 26), text))
            letter += 1
    out += ["", "52nd plenary meeting", "9 December %d" % (1945 + session)] + notes
    out += ["[DU1]<<ODS JOB NO>>N%02d40001E<<ODS JOB NO>>" % (session % 100),
            "<<ODS DOC SYMBOL1>>A/RES/%d/%d<<ODS DOC SYMBOL1>>" % (session, number)]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 400
    rng = random.Random(7589)
    old = body(rng, n)
    new = edit(rng, old)
    write(sys.argv[1], 75, 89, old)
    write(sys.argv[2], 76, 71, new)


if __name__ == "__main__":
    main()
