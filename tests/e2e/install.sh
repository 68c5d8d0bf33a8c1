#!/bin/sh
# install.sh: gavel installed under a temporary prefix works from there, and moved elsewhere
# as a whole still does: it finds its bundled resolution (bin/../share/gavel/), its man page
# is there and names the data directory it was installed with (no PKGDATADIR, no build
# directory), the licence and README are installed, and the program carries no path of the
# build tree. Runs `make install` of this build tree.
. "$top_srcdir/tests/lib.sh"
MAKE_CMD=${MAKE:-make}
command -v "$MAKE_CMD" >/dev/null 2>&1 || { echo "SKIP: no make"; exit 77; }
unset GAVEL_SAMPLE
P="$TMP/prefix"
(cd "$top_builddir" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL "$MAKE_CMD" install prefix="$P") \
	>"$TMP/install.log" 2>&1 || { fail "make install failed:"; tail -20 "$TMP/install.log" >&2; finish; }
ok "make install prefix=$P"
for f in bin/gavel share/gavel/a-res-58-190-en.ods.txt share/gavel/config.example \
         share/man/man1/gavel.1 share/doc/gavel/COPYING share/doc/gavel/README; do
	[ -f "$P/$f" ] && ok "installed $f" || fail "missing $f"
done

# The installed program opens its own sample (the one beside it, not the build tree's).
"$P/bin/gavel" show --width 80 >"$TMP/show" 2>"$TMP/err" && grep -q "^A/RES/58/190" "$TMP/show" &&
	ok "the installed gavel finds its sample" || fail "installed gavel: $(cat "$TMP/err")"
# Moved elsewhere as a whole (a relocated install): still found, from bin/../share/gavel/.
mv "$P" "$TMP/moved"
"$TMP/moved/bin/gavel" show --width 80 >"$TMP/show2" 2>"$TMP/err" && cmp -s "$TMP/show" "$TMP/show2" &&
	ok "moved, it still finds its sample" || fail "moved gavel: $(cat "$TMP/err")"
"$TMP/moved/bin/gavel" --help | grep -q "^Report bugs to " && ok "--help says where to report bugs" ||
	fail "no bug-report address in --help"

# The man page: the data directory it was installed with, read by man(1) cleanly.
MAN1="$TMP/moved/share/man/man1/gavel.1"
grep -q "^\.ds pkgdatadir $P/share/gavel\$" "$MAN1" && ok "the page names $P/share/gavel" ||
	fail "the page's data directory: $(grep '^\.ds' "$MAN1")"
grep -q PKGDATADIR "$MAN1" && fail "the installed page says PKGDATADIR" || ok "no PKGDATADIR"
if command -v groff >/dev/null 2>&1; then
	groff -man -Tascii -P-cbou -rLL=300n "$MAN1" 2>/dev/null | grep -q "$P/share/gavel/a-res-58-190-en.ods.txt" &&
		ok "the page shows the installed sample's path" || fail "the page lacks $P/share/gavel/..."
fi
# Nothing of the build tree in the program (reproducible builds).
if grep -q -F "$(cd "$top_builddir" && pwd)" "$TMP/moved/bin/gavel"; then
	fail "the program carries the build directory"
else ok "no build directory in the program"; fi
(cd "$top_builddir" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL "$MAKE_CMD" uninstall prefix="$TMP/moved") \
	>/dev/null 2>&1 || true
finish
