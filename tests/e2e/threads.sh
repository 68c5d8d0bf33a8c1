#!/bin/sh
# threads.sh: a large compilation built on several threads ($GAVEL_THREADS: the builder's pool,
# the ODS reader's second half) gives exactly what one thread gives: parse, show and search,
# standard output and standard error, byte for byte. Every processor is the default
# (parse_cpus), so on a machine of one processor this is the only test of the pool.
. "$top_srcdir/tests/lib.sh"
F="$TMP/compilation.txt"
# The bundled resolution, the Security Council texts and a compilation with a decision in
# turn, over 4 MB (the size from which the ODS reader splits its work), resolutions of several
# shapes and lengths.
i=0
while [ "$i" -lt 60 ]; do
	cat "$SAMPLE" "$top_srcdir"/tests/data/sc/*.txt \
		"$top_srcdir/tests/data/shapes/compilation-decision.txt" >>"$F"
	i=$((i + 1))
done
[ "$(wc -c <"$F")" -gt 4500000 ] && ok "a compilation of $(wc -c <"$F") bytes" || fail "compilation too small"
for cmd in "parse" "show --width 80" "search council" "search --json human" "search --json qqqzzx"; do
	# shellcheck disable=SC2086
	GAVEL_THREADS=1 "$GAVEL" $cmd "$F" >"$TMP/one.out" 2>"$TMP/one.err"; r1=$?
	for n in 2 4 auto; do
		# shellcheck disable=SC2086
		GAVEL_THREADS=$n "$GAVEL" $cmd "$F" >"$TMP/n.out" 2>"$TMP/n.err"; rn=$?
		if [ "$r1" -eq "$rn" ] && cmp -s "$TMP/one.out" "$TMP/n.out" && cmp -s "$TMP/one.err" "$TMP/n.err"; then
			ok "$cmd: GAVEL_THREADS=$n gives what one thread gives"
		else
			fail "$cmd: GAVEL_THREADS=$n differs from one thread (exit $rn against $r1)"
		fi
	done
done
# several files: the matches counted across them (JSON's commas, the exit status)
GAVEL_THREADS=1 "$GAVEL" search --json council "$F" "$SAMPLE" "$F" >"$TMP/one.out" 2>&1; r1=$?
GAVEL_THREADS=2 "$GAVEL" search --json council "$F" "$SAMPLE" "$F" >"$TMP/n.out" 2>&1; rn=$?
[ "$r1" -eq "$rn" ] && cmp -s "$TMP/one.out" "$TMP/n.out" &&
	ok "search --json over three files: two threads give what one gives" ||
	fail "search --json over three files differs on two threads"
# unset (every processor), and a value that is not a number (one thread): the same output
GAVEL_THREADS=1 "$GAVEL" parse "$F" >"$TMP/one.parse" 2>/dev/null
for v in "" "x" "0"; do
	GAVEL_THREADS=$v "$GAVEL" parse "$F" >"$TMP/v.out" 2>/dev/null &&
		cmp -s "$TMP/v.out" "$TMP/one.parse" && ok "GAVEL_THREADS='$v': one thread's output" ||
		fail "GAVEL_THREADS='$v'"
done
finish
