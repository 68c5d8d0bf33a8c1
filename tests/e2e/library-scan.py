#!/usr/bin/env python3
"""library-scan.py: the brute-force scan that `gavel search` over the library must agree with.

Usage: library-scan.py GAVEL PATTERN FILE...

Reads every FILE with `gavel parse` (the texts the library was given), folds each paragraph
and the pattern on its own (Python's casefold and NFD, marks and invisible format characters
dropped, hyphens and the dashes typed for them made '-', every run of white space one space),
and prints one line per paragraph where the pattern occurs at the start of a word, as
"SYMBOL|LANGUAGE|ID|HITS", sorted. The last copy of a symbol and language wins, as in the
library when the copies are of one shape. Independent of gavel's folding code."""
import json
import subprocess
import sys
import unicodedata

HYPHENS = {0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFE63, 0xFF0D}
FORMAT = {0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF}


def fold(text, keep_case):
    """The folded text, and for each folded character the index of its original one."""
    out, where = [], []
    space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space:
                out.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        if ord(ch) in FORMAT:
            continue
        if ord(ch) in HYPHENS:
            out.append("-")
            where.append(i)
            continue
        f = ch if keep_case else ch.casefold()
        for c in unicodedata.normalize("NFD", f):
            if unicodedata.category(c).startswith("M"):
                continue
            out.append(c)
            where.append(i)
    return "".join(out), where


def single(c):
    o = ord(c)
    return (0x0E00 <= o <= 0x0EFF or 0x1000 <= o <= 0x109F or 0x1780 <= o <= 0x17FF
            or 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9F
            or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x3FFFF)


def wordchar(c):
    cat = unicodedata.category(c)
    return cat[0] in "LNM" and not single(c)


def word_start(text, i):
    """A hit at text[i] does not cut a word: the character before (marks and format
    characters skipped) and the first are not both word characters."""
    if not wordchar(text[i]):
        return True
    j = i - 1
    while j >= 0 and (unicodedata.category(text[j]).startswith("M") or ord(text[j]) in FORMAT):
        j -= 1
    return j < 0 or not wordchar(text[j])


def paragraphs(node):
    """Every paragraph of a `gavel parse` document: (id, text); an annex's title is the text
    of the annex's own paragraph."""
    if isinstance(node, dict):
        if "id" in node and "text" in node:
            yield node["id"], node["text"] or ""
        elif "id" in node and "paragraphs" in node and str(node["id"]).startswith("annex"):
            yield node["id"], node.get("title") or ""
        for k, v in node.items():
            if k in ("references", "marks"):
                continue
            yield from paragraphs(v)
    elif isinstance(node, list):
        for v in node:
            yield from paragraphs(v)


def main():
    gavel, pattern, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    keep_case = any(c.isupper() or unicodedata.category(c) == "Lt" for c in pattern)
    needle = fold(pattern, keep_case)[0].strip(" ")
    docs = {}
    for f in files:
        r = subprocess.run([gavel, "parse", f], capture_output=True, text=True)
        if r.returncode != 0:
            continue
        d = json.loads(r.stdout)
        for doc in d.get("documents", [d]):
            docs[(doc.get("symbol"), doc.get("language") or "und")] = doc
    out = []
    for (sym, lang), doc in docs.items():
        if not sym:
            continue
        key = "".join(sym.split()).upper()
        for pid, text in paragraphs(doc):
            folded, where = fold(text, keep_case)
            hits, at = 0, 0
            while needle:
                k = folded.find(needle, at)
                if k < 0:
                    break
                if word_start(text, where[k]):
                    hits += 1
                at = k + len(needle)
            if hits:
                out.append("%s|%s|%s|%d" % (key, lang, pid, hits))
    for line in sorted(out):
        print(line)


if __name__ == "__main__":
    main()
