#!/bin/sh
# library-crash.sh: an import is one transaction. gavel add is killed (-9) at random moments
# of a large import, many times over; the library must then be exactly as before the import
# or exactly as after it, pass gavel library --check, and answer searches consistently; and
# readers keep working while another process imports (WAL). Bounded to about 20 s.
. "$top_srcdir/tests/lib.sh"
need python3
D="$top_srcdir/tests/data"
python3 "$top_srcdir/bench/gen.py" "$TMP/big.txt" 2 > /dev/null || { echo "SKIP: gen.py failed"; exit 77; }

# The states the library may be in: before (A) and after (B), computed once each.
state() { "$GAVEL" library --json | python3 -c '
import json, sys
print(sorted((d["symbol"], d["language"], d["paragraphs"]) for d in json.load(sys.stdin)))' | cksum; }
"$GAVEL" add "$D/sc" "$SAMPLE" > /dev/null || fail "first add"
A=$(state)
nA=$("$GAVEL" search -l "migrants" | wc -l)
GAVEL_LIBRARY="$TMP/ref.db" "$GAVEL" add "$D/sc" "$SAMPLE" "$TMP/big.txt" > /dev/null || fail "reference add"
B=$(GAVEL_LIBRARY="$TMP/ref.db" state)
nB=$(GAVEL_LIBRARY="$TMP/ref.db" "$GAVEL" search -l "migrants" | wc -l)
[ "$A" != "$B" ] && [ "$nA" -lt "$nB" ] && ok "before: $nA documents with 'migrants', after: $nB" || fail "A/B: $nA $nB"

lines() { wc -l < "$1" 2>/dev/null || echo 0; }
start=$(date +%s)
round=0 completed=0 rolled=0
while [ "$round" -lt 4 ] || { [ "$round" -lt 10 ] && [ $(( $(date +%s) - start )) -lt 10 ]; }; do
	: > "$TMP/v.$round"
	"$GAVEL" add --verbose --force "$TMP/big.txt" > /dev/null 2> "$TMP/v.$round" &
	pid=$!
	# Kill after a random count of resolutions stored (each line is one, inside the
	# transaction), or in the commit when the count is past the end.
	want=$(( $(od -An -N2 -tu2 /dev/urandom) % 90 + 1 ))
	while [ "$(lines "$TMP/v.$round")" -lt "$want" ] && kill -0 "$pid" 2>/dev/null; do
		sleep 0.01
	done
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	s=$(state)
	if [ "$s" = "$A" ]; then
		rolled=$((rolled + 1))
	elif [ "$s" = "$B" ]; then
		completed=$((completed + 1))
	else
		fail "round $round (killed after $want): the library is neither before nor after"
		break
	fi
	"$GAVEL" library --check > "$TMP/check" 2>&1 || { fail "round $round: $(cat "$TMP/check")"; break; }
	n=$("$GAVEL" search -l "migrants" | wc -l)
	{ [ "$s" = "$A" ] && [ "$n" -eq "$nA" ]; } || { [ "$s" = "$B" ] && [ "$n" -eq "$nB" ]; } \
		|| { fail "round $round: the index says $n, the documents say otherwise"; break; }
	# Back to A for the next round, once it completed.
	if [ "$s" = "$B" ]; then
		rm -f "$TMP/library.db" "$TMP/library.db-wal" "$TMP/library.db-shm"
		"$GAVEL" add "$D/sc" "$SAMPLE" > /dev/null
	fi
	round=$((round + 1))
done
[ "$round" -ge 4 ] && [ "$rolled" -ge 1 ] && ok "$round kill -9 rounds: $rolled left it as before, $completed complete; checked and searched each time" \
	|| fail "only $round rounds ($rolled rolled back)"

# --- readers keep working while another process imports ---
"$GAVEL" add --verbose --force "$TMP/big.txt" > /dev/null 2> "$TMP/w" &
pid=$!
while [ "$(lines "$TMP/w")" -lt 1 ] && kill -0 "$pid" 2>/dev/null; do sleep 0.01; done
during=0 bad=0
while kill -0 "$pid" 2>/dev/null; do
	n=$("$GAVEL" search -l "migrants" 2>"$TMP/rerr" | wc -l)
	# as before, or as after when the import committed meanwhile; never in between
	if [ -s "$TMP/rerr" ] || { [ "$n" -ne "$nA" ] && [ "$n" -ne "$nB" ]; }; then
		bad=$((bad + 1))
	fi
	"$GAVEL" show "S/RES/242 (1967)" op1 > /dev/null 2>>"$TMP/rerr" || bad=$((bad + 1))
	kill -0 "$pid" 2>/dev/null && during=$((during + 1))
done
wait "$pid"; rc=$?
[ "$rc" -eq 0 ] && ok "the import completed" || fail "import: exit $rc"
[ "$during" -ge 1 ] && [ "$bad" -eq 0 ] && ok "$during searches and openings while it ran saw the library as before" \
	|| fail "during the import: $during reads, $bad failed or saw a half import: $(head -3 "$TMP/rerr")"
[ "$("$GAVEL" search -l migrants | wc -l)" -eq "$nB" ] && ok "after it: the new documents" || fail "after the import"
finish
