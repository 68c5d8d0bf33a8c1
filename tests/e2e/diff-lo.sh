#!/bin/sh
# diff-lo.sh: the redline .docx opened by LibreOffice (headless, through its Python bridge):
# accepting every tracked change gives the new resolution and rejecting every one the old,
# paragraph numbers and footnotes as Writer shows them. Skipped (77) where LibreOffice or
# python3-uno is not installed (apt-get install libreoffice-writer-nogui python3-uno).
. "$top_srcdir/tests/lib.sh"
need soffice
PY=""
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import uno' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || { echo "SKIP: no python3 with LibreOffice's uno module"; exit 77; }
D="$top_srcdir/tests/data/diff"
lo_pair() {   # NAME OLD NEW
	"$GAVEL" diff -f docx -o "$TMP/$1.docx" "$2" "$3"
	if "$PY" "$top_srcdir/tests/e2e/docx-lo.py" "$GAVEL" "$2" "$3" "$TMP/$1.docx" >"$TMP/lo" 2>&1; then
		ok "$1: $(tr '\n' ';' <"$TMP/lo")"
	else
		fail "$1: $(cat "$TMP/lo")"
	fi
}
lo_pair lighthouses "$D/lighthouses-old.txt" "$D/lighthouses-new.txt"
lo_pair migrants "$D/a-res-76-172.xml" "$D/a-res-78-217.xml"
finish
