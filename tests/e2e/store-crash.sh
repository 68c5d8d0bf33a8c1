#!/bin/sh
# store-crash.sh: kill -9 a writer in the middle of a burst of notes, many times over; every
# note whose id was printed (printed only after its commit) must be there, whole, and the
# database must pass PRAGMA integrity_check. Bounded to about 20 s (times GAVEL_TEST_SLOW: the
# sanitizer build is five times slower, and each restart now checks the WAL-left file in full).
. "$top_srcdir/tests/lib.sh"
BURST="$top_builddir/tests/e2e/store-burst"
[ -x "$BURST" ] || { echo "SKIP: $BURST not built"; exit 77; }

# lines FILE: complete lines written so far.
lines() { wc -l < "$1" 2>/dev/null || echo 0; }

start=$(date +%s)
round=0
: > "$TMP/acked"
secs=$((15 * ${GAVEL_TEST_SLOW:-1}))
while [ "$round" -lt 40 ] && [ $(( $(date +%s) - start )) -lt "$secs" ]; do
	out="$TMP/round.$round"
	: > "$out"
	"$BURST" "$GAVEL_DB" add 1000000 "r$round" > "$out" 2> "$TMP/burst.err" &
	pid=$!
	# Wait (polling the writer's own acknowledgements) for a random count of commits, then
	# kill it wherever it is: in a statement, a commit, an fsync or between notes.
	want=$(( $(od -An -N2 -tu2 /dev/urandom) % 60 + 1 ))
	while [ "$(lines "$out")" -lt "$want" ] && kill -0 "$pid" 2>/dev/null; do
		sleep 0.01
	done
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	cat "$out" >> "$TMP/acked"
	if ! "$BURST" "$GAVEL_DB" check < "$TMP/acked" > "$TMP/check" 2>&1; then
		fail "round $round (killed after $want commits): $(head -5 "$TMP/check")"
		break
	fi
	round=$((round + 1))
done
[ "$round" -ge 5 ] || fail "only $round rounds ran: $(cat "$TMP/burst.err")"
n=$(grep -c . "$TMP/acked")
ok "$round kill -9 rounds, $n acknowledged notes all present: $(cat "$TMP/check")"

# The program itself sees every acknowledged note after the crashes.
if "$GAVEL" notes list --json > "$TMP/list.json" 2> "$TMP/list.err"; then
	missing=0
	while read -r id; do
		[ ${#id} -eq 36 ] || continue
		grep -qF "\"$id\"" "$TMP/list.json" || missing=$((missing + 1))
	done < "$TMP/acked"
	[ "$missing" -eq 0 ] && ok "gavel notes list shows all $n" || fail "$missing notes missing from gavel notes list"
else
	fail "gavel notes list after the crashes: $(cat "$TMP/list.err")"
fi
finish
