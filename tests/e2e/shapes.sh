#!/bin/sh
# shapes.sh: every shape of input (ODS extract, PDF-extracted, hard-wrapped plain text), the six
# languages, parts, annexes and compilations give the structure a careful reader sees, and all
# generated shapes of the bundled resolution give the same model. The checks live in
# shapes-check.py; the variants of the bundled resolution are generated here, at test time.
. "${top_srcdir:?}/tests/lib.sh"
need python3
python3 "$top_srcdir/tests/data/gen-variants.py" "$SAMPLE" "$TMP" || { fail "gen-variants.py"; finish; }
# the Security Council texts of the reference corpus, copied unchanged into tests/data/sc
CORPUS="$top_srcdir/tests/data/sc"
python3 "$top_srcdir/tests/e2e/shapes-check.py" "$GAVEL" "$top_srcdir" "$CORPUS" "$TMP" || fail "shape checks"
finish
