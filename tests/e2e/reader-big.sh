#!/bin/sh
# reader-big.sh: a large compilation opens on its first resolution at once while the rest is
# read in the background (issue 7): the "reading" status shows and goes, the place is kept
# across the swap, :res reaches the last resolution (waiting for the whole file when typed
# early), a saved reading position applies at once on the next start, and a highlight shows
# before and after the swap.
. "$top_srcdir/tests/lib.sh"
need tmux
need python3

# The bundled resolution N times as 58/1 .. 58/N: about 20 MB.
N=1250
BIG="$TMP/big.txt"
python3 - "$SAMPLE" "$BIG" "$N" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for k in range(1, int(sys.argv[3]) + 1):
        f.write(text.replace("58/190", "58/%d" % k))
PY

tm_start 100 30 "$GAVEL" "$BIG"
tm_wait "Operative · OP 1 of 27" || fail "first screen"
# The first screen comes before the whole file is read.
tm_screen | grep -q "reading big.txt" && ok "first screen while reading" ||
	fail "no 'reading' status on the first screen"
tm_screen | grep -qF "(1 of $N)" && fail "the whole file was there before the first screen"
tm_keys : o p ' ' 1 0 Enter
tm_wait "Operative · OP 10 of 27" || fail ":op 10 while reading"
tm_wait "(1 of $N)" 30 && ok "the whole file swapped in" || fail "swap"
tm_wait_gone "reading big.txt" && ok "the reading status goes" || fail "status stays"
tm_screen | grep -qF "Operative · OP 10 of 27" && ok "the place is kept across the swap" ||
	fail "place lost in the swap"
tm_keys : r e s ' ' 5 8 / "$N" Enter G
tm_wait "($N of $N)" && tm_wait "Operative · OP 27 of 27" && ok ":res reaches the last" ||
	fail ":res to the last resolution"
tm_keys : r e s ' ' 5 8 / 1 Enter
tm_wait "(1 of $N)" || fail ":res back to the first"
tm_keys : o p ' ' 1 2 Enter
tm_wait "Operative · OP 12 of 27" || fail ":op 12"
tm_keys v e w e 1
tm_wait "highlighted OP 12" || fail "highlight in OP 12"
tm_keys q
tm_wait "__EXITED__ 0" && ok "q quits" || fail "quit"
tm kill-server
TMUX_SOCK="gavel-test-$$-b"   # a fresh server: the old one may still be going away

# Typed before the whole file is there: :res waits for it, then G runs on the last one.
tm_start 100 30 "$GAVEL" "$BIG"
tm_wait "reading big.txt" || fail "second start"
# The saved position (OP 12 of the first resolution) is back on the first screen.
tm_wait "Operative · OP 12 of 27" && ok "reading position restored at once" ||
	fail "reading position"
tm_screen | grep -q "reading big.txt" && tm_screen | grep -qF "OP 12●" &&
	ok "the highlight shows before the whole file is read" || fail "highlight while reading"
tm_wait "(1 of $N)" 30 || fail "second swap"
tm_wait "OP 12●" && ok "the highlight stays with its paragraph across the swap" ||
	fail "highlight after the swap"
tm_keys : r e s ' ' 5 8 / "$N" Enter G
tm_wait "($N of $N)" 30 && tm_wait "Operative · OP 27 of 27" &&
	ok ":res typed early waits for the whole file" || fail ":res typed early"
tm_wait_gone "reading big.txt" || fail "status after waiting"
tm_keys q
tm_wait "__EXITED__ 0" || fail "quit"
tm kill-server
TMUX_SOCK="gavel-test-$$-c"

# Quitting while the rest is being read does not wait for it.
tm_start 100 30 "$GAVEL" "$BIG"
tm_wait "reading big.txt" || fail "third start"
tm_keys q
tm_wait "__EXITED__ 0" 5 && ok "q while reading quits at once" || fail "quit while reading"
tm kill-server
TMUX_SOCK="gavel-test-$$-d"
# Short resolutions (S/RES/242, 2 kB, 5000 times: 10 MB) open from the file's first 32 KB:
# the first one whole, with its four operative paragraphs, before the rest is read.
SMALL="$TMP/small.txt"
python3 - "$top_srcdir/tests/data/sc/s-res-0242-1967.txt" "$SMALL" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("\n".join(text.replace("Resolution 242 (1967)", "Resolution %d (1967)" % k)
                      for k in range(1, 5001)))
PY
tm_start 100 30 "$GAVEL" "$SMALL"
tm_wait "Operative · OP 1 of 4" || fail "first screen of short resolutions"
tm_screen | grep -q "reading small.txt" && ! tm_screen | grep -qF "(1 of 5000)" &&
	ok "short resolutions: the first one whole while the rest is read" ||
	fail "short resolutions: first screen"
tm_wait "(1 of 5000)" 30 && ok "short resolutions: the whole file swapped in" ||
	fail "short resolutions: swap"
tm_keys q
tm_wait "__EXITED__ 0" 5 || fail "quit"
finish
