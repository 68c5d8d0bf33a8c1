#!/bin/sh
# store-concurrency.sh: writers in separate processes on one database at the same time (and a
# reader listing meanwhile): every acknowledged note is stored, none twice, none lost.
. "$top_srcdir/tests/lib.sh"
BURST="$top_builddir/tests/e2e/store-burst"
[ -x "$BURST" ] || { echo "SKIP: $BURST not built"; exit 77; }
N=300

# Three writers started together on a database none of them has created yet: creating the
# schema races too.
for w in 1 2 3; do
	"$BURST" "$GAVEL_DB" add "$N" "w$w" > "$TMP/w$w" 2> "$TMP/w$w.err" &
	eval "pid$w=\$!"
done
# A reader meanwhile: listing must never fail or block past the busy timeout.
reads=0 readfail=0
while kill -0 "$pid1" 2>/dev/null || kill -0 "$pid2" 2>/dev/null || kill -0 "$pid3" 2>/dev/null; do
	if [ -e "$GAVEL_DB" ]; then
		"$GAVEL" notes list > /dev/null 2> "$TMP/read.err" || readfail=$((readfail + 1))
		reads=$((reads + 1))
	fi
done
for w in 1 2 3; do
	eval "wait \$pid$w" || fail "writer $w failed: $(cat "$TMP/w$w.err")"
	[ "$(grep -c . "$TMP/w$w")" -eq "$N" ] || fail "writer $w acknowledged $(grep -c . "$TMP/w$w") of $N"
done
[ "$readfail" -eq 0 ] && ok "$reads listings during the writes, none failed" \
	|| fail "$readfail of $reads listings failed: $(cat "$TMP/read.err")"

cat "$TMP/w1" "$TMP/w2" "$TMP/w3" > "$TMP/all"
if "$BURST" "$GAVEL_DB" check < "$TMP/all" > "$TMP/check"; then
	ok "all $((3 * N)) notes of three simultaneous writers present: $(cat "$TMP/check")"
else
	fail "after concurrent writes: $(head -5 "$TMP/check")"
fi
dups=$(sort "$TMP/all" | uniq -d | wc -l)
[ "$dups" -eq 0 ] && ok "no id given twice" || fail "$dups ids given twice"
total=$("$GAVEL" notes list --json | grep -c '"id":')
[ "$total" -eq $((3 * N)) ] && ok "gavel notes list counts $total" || fail "gavel notes list counts $total, want $((3 * N))"
finish
