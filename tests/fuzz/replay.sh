#!/bin/sh
# replay.sh: replays every saved fuzz input through the fuzz targets' code, in every build
# (`make check`, the sanitizer build, valgrind): tests/fuzz/regress (parser: crashes once found
# and edge cases), the bundled resolution and tests/data; tests/fuzz/regress-akn and
# tests/data/akn (the AKN4UN XML reader); tests/fuzz/regress-import and every
# *.json under tests/data (the notes importer). A crash, hang or sanitizer report fails.
: "${top_srcdir:?}" "${top_builddir:?}"
status=0
replay() {  # replay PROGRAM PATH...
	prog="$top_builddir/tests/fuzz/$1"
	shift
	if [ ! -x "$prog" ]; then
		echo "FAIL: $prog not built"
		status=1
		return
	fi
	timeout 300 "$prog" "$@" >"$TMPDIR_R/out" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ]; then
		echo "ok: ${prog##*/} replayed $(grep -c '^ok ' "$TMPDIR_R/out") inputs"
	else
		[ "$rc" -eq 124 ] && echo "FAIL: ${prog##*/} timed out (a hang)"
		echo "FAIL: ${prog##*/} exited $rc on $(grep '^running ' "$TMPDIR_R/out" | tail -n 1 | cut -c9-)"
		grep -a -A 25 -E 'ERROR: |runtime error|SUMMARY' "$TMPDIR_R/out" | head -n 40
		status=1
	fi
}
TMPDIR_R=$(mktemp -d "${TMPDIR:-/tmp}/gavel-regress.XXXXXX")
trap 'rm -rf "$TMPDIR_R"' EXIT
set -- "$top_srcdir/tests/fuzz/regress" "$top_srcdir/share"
[ -d "$top_srcdir/tests/data" ] && set -- "$@" "$top_srcdir/tests/data"
replay replay_parse "$@"
# the AKN4UN reader: its saved inputs and the real XML of tests/data/akn
replay replay_akn "$top_srcdir/tests/fuzz/regress-akn" "$top_srcdir/tests/data/akn"
find "$top_srcdir/tests/data" -name '*.json' -type f >"$TMPDIR_R/json" 2>/dev/null
# shellcheck disable=SC2046
replay replay_import "$top_srcdir/tests/fuzz/regress-import" $(cat "$TMPDIR_R/json")
# The PDF: page streams through the layout; PDFs through MuPDF in this process (when built).
replay replay_pdf_stream "$top_srcdir/tests/fuzz/regress-pdfstream"
# gavel's own reading of a PDF's opening: its saved inputs and every PDF of tests/data
replay replay_pdf_quick "$top_srcdir/tests/fuzz/regress-pdfquick" "$top_srcdir/tests/data/pdf"
if [ -x "$top_builddir/tests/fuzz/replay_pdf" ]; then
	replay replay_pdf "$top_srcdir/tests/fuzz/regress-pdf" "$top_srcdir/tests/data/pdf"
fi
exit $status
