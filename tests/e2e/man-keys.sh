#!/bin/sh
# man-keys.sh: the man page's key list is the one the reader's key table generates (the help
# screen comes from the same table).
. "$top_srcdir/tests/lib.sh"
MAN="$top_srcdir/man/gavel.1"
KEYSMAN="$top_builddir/src/view/keys-man"
[ -x "$KEYSMAN" ] || { echo "SKIP: $KEYSMAN not built"; exit 77; }

sed -n '/^\.\\" KEYS-BEGIN/,/^\.\\" KEYS-END/p' "$MAN" | sed '1d;$d' >"$TMP/man-keys"
"$KEYSMAN" >"$TMP/table-keys"
if cmp -s "$TMP/man-keys" "$TMP/table-keys"; then ok "man page keys = key table"
else fail "man page keys differ from the key table (regenerate with make keys-man):"; diff "$TMP/man-keys" "$TMP/table-keys" | head -20 >&2; fi

# (The commands' entries: tests/e2e/man-help.sh.)
"$GAVEL" --help | grep -q "Usage: gavel" && ok "--help" || fail "--help"
"$GAVEL" --version | grep -Eq "^gavel [0-9]" && ok "--version" || fail "--version"
finish
