#!/usr/bin/env python3
"""diff-check.py: checks `gavel diff` on a pair of resolutions against a computation of its own.

Usage: diff-check.py GAVEL OLD NEW

From the two models (`gavel parse`) alone, without the redline's code:
  1. every paragraph whose text is identical to one in the other resolution (counted as
     multisets within each section: preamble, operative, annex, footnotes) is paired with such a
     paragraph and marked unchanged (moved or renumbered or not);
  2. every paragraph with no counterpart at least 0.5-similar is new or deleted;
  3. every pair the redline makes is at least 0.5-similar;
  4. every paragraph of both appears exactly once; the new ones in the new text's order.
Similarity: 2 * (words in a longest common subsequence) / (words of both), where a word is a run
of letters and digits (an apostrophe inside one joins it), compared exactly. The longest common
subsequence is computed bit-parallel (Hyyro 2004) and cross-checked against the textbook table.
Prints the counts; exits 1 on the first failure, with the paragraphs concerned."""
import collections
import json
import re
import subprocess
import sys

WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def words(text):
    return WORD.findall(text or "")


def lcs_bits(a, b):
    """Length of a longest common subsequence, bit-parallel over a."""
    if not a or not b:
        return 0
    pm = {}
    for i, x in enumerate(a):
        pm[x] = pm.get(x, 0) | (1 << i)
    mask = (1 << len(a)) - 1
    v = mask
    for y in b:
        u = v & pm.get(y, 0)
        v = ((v + u) | (v - u)) & mask
    return len(a) - bin(v).count("1")


def lcs_table(a, b):
    prev = [0] * (len(b) + 1)
    for x in a:
        row = [0]
        for j, y in enumerate(b):
            row.append(prev[j] + 1 if x == y else max(row[j], prev[j + 1]))
        prev = row
    return prev[-1]


def similarity(a, b):
    if not a and not b:
        return 1.0
    return 2.0 * lcs_bits(a, b) / (len(a) + len(b))


def model(gavel, path):
    out = subprocess.run([gavel, "parse", path], check=True, capture_output=True).stdout
    return json.loads(out)


def markers(m):
    """Per paragraph id: its markers as (offset, the cited footnote's text), in order."""
    fn = {f["id"]: f.get("text") or "" for f in m.get("footnotes", [])}
    out = collections.defaultdict(list)
    for k in m.get("marks", []):
        out[k["from"]].append((k["offset"], fn.get(k["footnote"], "#" + str(k["footnote"]))))
    return {pid: sorted(v) for pid, v in out.items()}


def paragraphs(m):
    """(id, section, text) of every paragraph in reading order."""
    out = []

    def walk(items, section):
        for p in items:
            out.append((p["id"], section, p.get("text") or ""))
            walk(p.get("items", []), section)

    walk(m.get("preamble", []), "preamble")
    walk(m.get("operative", []), "operative")
    for part in m.get("parts", []):
        walk(part.get("preamble", []), "preamble")
        walk(part.get("operative", []), "operative")
    for annex in m.get("annexes", []):
        out.append((annex["id"], "annex", annex.get("title") or ""))
        walk(annex.get("paragraphs", []), "annex")
    walk(m.get("paragraphs", []), "plain")     # a text whose structure was not found
    walk(m.get("footnotes", []), "footnotes")
    return out


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    gavel, old_path, new_path = sys.argv[1:]
    old_model, new_model = model(gavel, old_path), model(gavel, new_path)
    old_marks, new_marks = markers(old_model), markers(new_model)
    old = {pid: (sec, txt) for pid, sec, txt in paragraphs(old_model)}
    new_list = paragraphs(new_model)
    new = {pid: (sec, txt) for pid, sec, txt in new_list}
    proc = subprocess.run([gavel, "diff", "--format", "json", old_path, new_path],
                          capture_output=True)
    if proc.returncode not in (0, 1):
        fail("gavel diff exited %d: %s" % (proc.returncode, proc.stderr.decode()))
    red = json.loads(proc.stdout)

    # The textbook table and the bit-parallel count agree (on the texts at hand).
    sample = [words(t) for _, t in list(old.values())[:12]]
    for a in sample:
        for b in sample:
            if lcs_bits(a, b) != lcs_table(a, b):
                fail("bit-parallel LCS disagrees with the table")

    pair_of_old, pair_of_new, status_of, segs_of = {}, {}, {}, {}
    seen_old, seen_new, order_new = collections.Counter(), collections.Counter(), []
    for e in red["paragraphs"]:
        o = e["old"]["id"] if e["old"] else None
        n = e["new"]["id"] if e["new"] else None
        if e["status"] == "moved-away":
            if not (o and n):
                fail("a moved-away entry without both ids")
            continue
        if o:
            seen_old[o] += 1
        if n:
            seen_new[n] += 1
            order_new.append(n)
        if o and n:
            pair_of_old[o], pair_of_new[n] = n, o
            status_of[n] = e["status"]
            segs_of[n] = e["segments"]
        elif o and e["status"] != "deleted":
            fail("old %s alone but %s" % (o, e["status"]))
        elif n and e["status"] != "new":
            fail("new %s alone but %s" % (n, e["status"]))

    # 4. everything once, the new text in order
    if set(seen_old) != set(old) or any(c != 1 for c in seen_old.values()):
        fail("old paragraphs missing or repeated: %s" % sorted(set(old) ^ set(seen_old)))
    if set(seen_new) != set(new) or any(c != 1 for c in seen_new.values()):
        fail("new paragraphs missing or repeated: %s" % sorted(set(new) ^ set(seen_new)))
    if order_new != [pid for pid, _, _ in new_list]:
        fail("the new paragraphs are not in their order")

    # 1. identical texts: as many pairs of that text as the smaller count, each unchanged; or,
    # when the footnote markers are not the same (a marker dropped or added; the cited text
    # changed), changed in its markers alone.
    by_text_old = collections.Counter((s, t) for s, t in old.values())
    by_text_new = collections.Counter((s, t) for s, t in new.values())
    paired_same = collections.Counter()
    marker_only = 0
    for n, o in pair_of_new.items():
        if new[n] != old[o]:
            continue
        if old_marks.get(o, []) == new_marks.get(n, []):
            if status_of[n] != "unchanged":
                fail("%s <- %s: the same text and markers marked %s" % (n, o, status_of[n]))
        else:
            marker_only += 1
            if status_of[n] not in ("unchanged", "changed"):
                fail("%s <- %s: the same text marked %s" % (n, o, status_of[n]))
            for g in segs_of[n]:
                if g["op"] != "=" and "footnote" not in g:
                    fail("%s <- %s: the same text, but words changed" % (n, o))
        paired_same[new[n]] += 1
    identical = 0
    for key in by_text_old:
        want = min(by_text_old[key], by_text_new.get(key, 0))
        identical += want
        if paired_same[key] != want:
            fail("%d paragraphs of %s read \"%.60s\" in both, %d paired as such"
                 % (want, key[0], key[1], paired_same[key]))

    # 2 and 3. similarity
    wo = {pid: words(t) for pid, (s, t) in old.items()}
    wn = {pid: words(t) for pid, (s, t) in new.items()}
    for n, o in pair_of_new.items():
        s = similarity(wo[o], wn[n])
        if s < 0.5:
            fail("%s <- %s paired at similarity %.3f" % (n, o, s))

    def has_counterpart(pid, mine, theirs, wmine, wtheirs):
        sec = mine[pid][0]
        a = wmine[pid]
        for q, (s2, _) in theirs.items():
            if s2 != sec and not (("plain" in (sec, s2)) and "footnotes" not in (sec, s2)):
                continue
            b = wtheirs[q]
            if not a and not b:
                return True
            lo = min(len(a), len(b))
            if not a or not b or 4 * lo < len(a) + len(b):
                continue
            common = sum((collections.Counter(a) & collections.Counter(b)).values())
            if 4 * common < len(a) + len(b):
                continue
            if similarity(a, b) >= 0.5:
                return True
        return False

    lonely = 0
    for side, mine, theirs, wmine, wtheirs, paired in (
            ("old", old, new, wo, wn, pair_of_old), ("new", new, old, wn, wo, pair_of_new)):
        for pid in mine:
            if has_counterpart(pid, mine, theirs, wmine, wtheirs):
                continue
            lonely += 1
            if pid in paired:
                fail("%s %s has no 0.5-similar counterpart but is paired with %s"
                     % (side, pid, paired[pid]))
    t = red["summary"]["total"]
    print("identical texts paired: %d (%d with other markers); pairs checked: %d; "
          "without a counterpart: %d" % (identical, marker_only, len(pair_of_new), lonely))
    print("summary: %s" % json.dumps(t))


if __name__ == "__main__":
    main()
