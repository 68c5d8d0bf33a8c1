#!/bin/sh
# man-lint.sh: gavel(1) passes mandoc's lint with no message at all (style included), and
# groff -ww renders it without a warning for a UTF-8 terminal and for PostScript (groff's
# default device, the one without the symbols a terminal font has). Skipped without mandoc.
. "$top_srcdir/tests/lib.sh"
need mandoc
MAN="$top_srcdir/man/gavel.1"
mandoc -T lint -W all "$MAN" >"$TMP/lint" 2>&1
[ -s "$TMP/lint" ] && { fail "mandoc -T lint (text lines must stay under 81 bytes, one sentence a line where it fits):"; cat "$TMP/lint" >&2; } || ok "mandoc -T lint: clean"
if command -v groff >/dev/null 2>&1; then
	for dev in utf8 ps; do
		groff -ww -man -T"$dev" "$MAN" 2>"$TMP/groff" >/dev/null
		[ -s "$TMP/groff" ] && { fail "groff -ww -T$dev:"; head "$TMP/groff" >&2; } || ok "groff -ww -T$dev: clean"
	done
else
	echo "groff not installed: its check skipped"
fi
# The page's own date is one mandoc and groff read (ISO), and no literal placeholder is left.
sed -n 's/^\.TH [^ ]* [^ ]* \([^ ]*\) .*/\1/p' "$MAN" | grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' &&
	ok ".TH date is ISO 8601" || fail ".TH date: $(grep '^\.TH' "$MAN")"
finish
