#!/bin/sh
# notes-cli.sh: `gavel notes` list/add/edit/rm from the shell: output, re-anchoring across
# copies and edits of the document, every error with its exit code, and databases that must
# never be changed (newer, not gavel's, read-only, on a full disk).
. "$top_srcdir/tests/lib.sh"
"$GAVEL" parse "$SAMPLE" > /dev/null 2>&1 || { echo "SKIP: the parser cannot read the sample"; exit 77; }
MOUNTS=""
trap 'for m in $MOUNTS; do umount "$m" 2>/dev/null; done; cleanup' EXIT
is_uuid() { printf '%s\n' "$1" | grep -Eq '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'; }

# --- no database yet: listing shows nothing and creates nothing ---
expect_exit 0 "list without a database" "$GAVEL" notes list
[ ! -e "$GAVEL_DB" ] && ok "listing created no database" || fail "listing created $GAVEL_DB"
"$GAVEL" notes list --json > "$TMP/out"
[ "$(cat "$TMP/out")" = "[]" ] && ok "empty JSON list" || fail "empty JSON list: $(cat "$TMP/out")"

# --- add ---
id1=$("$GAVEL" notes add "$SAMPLE" op10 --quote "the duty of States parties" --color green \
	--tag consular --tag treaty "Vienna Convention duty
second line of the note")
is_uuid "$id1" && ok "add prints a UUID v4 ($id1)" || fail "add printed '$id1'"
id2=$("$GAVEL" notes add "$SAMPLE" OP3)
is_uuid "$id2" && ok "add by label, whole paragraph" || fail "whole paragraph add printed '$id2'"
stat -c %a "$GAVEL_DB" | grep -qx 600 && ok "database is 0600" || fail "database mode $(stat -c %a "$GAVEL_DB")"
# Without GAVEL_DB: $XDG_DATA_HOME/gavel/gavel.db, its directory made private.
idx=$(env -u GAVEL_DB "$GAVEL" notes add "$SAMPLE" op1)
[ -n "$idx" ] && [ "$(stat -c %a "$XDG_DATA_HOME/gavel")" = 700 ] && [ "$(stat -c %a "$XDG_DATA_HOME/gavel/gavel.db")" = 600 ] \
	&& ok "XDG default: directory 0700, file 0600" || fail "XDG default path: $(ls -la "$XDG_DATA_HOME/gavel" 2>&1)"
env -u GAVEL_DB "$GAVEL" notes list | grep -q "$idx" && ! "$GAVEL" notes list | grep -q "$idx" \
	&& ok "GAVEL_DB chooses the database" || fail "GAVEL_DB vs XDG"

# --- list (text) ---
"$GAVEL" notes list > "$TMP/list" 2> "$TMP/err"
grep -q '^A/RES/58/190 (en)$' "$TMP/list" && ok "list heads the document" || fail "no heading: $(cat "$TMP/list")"
line=$(grep "$id1" "$TMP/list")
for want in "OP 10" green "“the duty of States parties”" "Vienna Convention duty…" "#consular #treaty"; do
	case $line in *"$want"*) ok "list line has $want" ;; *) fail "list line lacks '$want': $line" ;; esac
done
[ "$(grep -n "$id2" "$TMP/list" | cut -d: -f1)" -lt "$(grep -n "$id1" "$TMP/list" | cut -d: -f1)" ] \
	&& ok "document order (OP 3 before OP 10)" || fail "order: $(cat "$TMP/list")"

# --- list --json: every field ---
"$GAVEL" notes list --json "$SAMPLE" > "$TMP/json"
for want in "\"id\": \"$id1\"" '"document": "A/RES/58/190"' '"language": "en"' '"para_id": "op10"' \
	'"label": "OP 10"' '"exact": "the duty of States parties"' '"prefix": "Reaffirms emphatically "' \
	'"color": "green"' '"note": "Vienna Convention duty\nsecond line of the note"' \
	'"tags": ["consular", "treaty"]' '"status": "anchored"' '"created": "20' '"start": 23' '"end": 49'; do
	grep -qF -- "$want" "$TMP/json" && ok "json has the field" || fail "json lacks $want"
done
if command -v python3 > /dev/null; then
	python3 -m json.tool "$TMP/json" > /dev/null && ok "list --json parses" || fail "list --json is not JSON"
fi

# --- the same document by another path and in CRLF: same notes ---
mkdir -p "$TMP/copy"
sed 's/$/\r/' "$SAMPLE" > "$TMP/copy/migrants.txt"
"$GAVEL" notes list --json "$TMP/copy/migrants.txt" > "$TMP/json2" 2>/dev/null
grep -qF "$id1" "$TMP/json2" && ok "a copy of the document shares its notes" || fail "copy: $(cat "$TMP/json2")"

# --- re-anchoring: words inserted before the quote, then the quote gone, then back ---
sed 's/Reaffirms emphatically the duty/Reaffirms most emphatically the duty/' "$SAMPLE" > "$TMP/moved.txt"
"$GAVEL" notes list --json "$TMP/moved.txt" > "$TMP/json3"
grep "$id1" "$TMP/json3" | grep -qF '"status": "moved"' && grep "$id1" "$TMP/json3" | grep -qF '"start": 28' \
	&& ok "edited text: note moved with its words" || fail "moved: $(grep "$id1" "$TMP/json3")"
sed 's/Reaffirms emphatically the duty of States parties to the Vienna/Urges all Governments to respect the Vienna/' \
	"$SAMPLE" > "$TMP/gone.txt"
"$GAVEL" notes list "$TMP/gone.txt" > "$TMP/list4"
grep -q "Orphans" "$TMP/list4" && [ "$(grep -n Orphans "$TMP/list4" | cut -d: -f1)" -lt "$(grep -n "$id1" "$TMP/list4" | cut -d: -f1)" ] \
	&& ok "quote gone: listed apart as an orphan" || fail "orphan: $(cat "$TMP/list4")"
"$GAVEL" notes list --json "$TMP/gone.txt" | grep "$id1" | grep -qF '"status": "orphan"' \
	&& ok "orphan status in JSON" || fail "orphan status"
# Found again where it first was; "moved" since the last text (the edited one) had it elsewhere.
"$GAVEL" notes list --json "$SAMPLE" | grep "$id1" | grep -F '"status": "moved"' | grep -qF '"start": 23' \
	&& ok "original text back: found again" || fail "re-anchored: $("$GAVEL" notes list --json "$SAMPLE" | grep "$id1")"

# --- edit and rm, by full or shortened id ---
short=$(printf %s "$id1" | cut -c1-8)
expect_exit 0 "edit by short id" "$GAVEL" notes edit "$short" "Rewritten note"
expect_exit 0 "edit colour and tags" "$GAVEL" notes edit "$id1" --color purple --tag one
"$GAVEL" notes list --json > "$TMP/json5"
grep "$id1" "$TMP/json5" | grep -qF '"note": "Rewritten note"' && grep "$id1" "$TMP/json5" | grep -qF '"color": "purple"' \
	&& grep "$id1" "$TMP/json5" | grep -qF '"tags": ["one"]' && ok "edit applied" || fail "edit: $(grep "$id1" "$TMP/json5")"
expect_exit 0 "rm" "$GAVEL" notes rm "$id2"
"$GAVEL" notes list | grep -q "$id2" && fail "rm left the note" || ok "rm removed it"
expect_exit 65 "rm of an unknown id" "$GAVEL" notes rm "$id2"
expect_exit 65 "edit of an unknown id" "$GAVEL" notes edit 0000dead "x"

# --- terminal safety: a note with escape sequences is shown neutralised ---
id3=$("$GAVEL" notes add "$SAMPLE" op1 "$(printf 'red \033[31mALERT\033]0;title\007 done')")
"$GAVEL" notes list > "$TMP/list6"
if grep -q "$(printf '\033')" "$TMP/list6" || grep -q "$(printf '\007')" "$TMP/list6"; then
	fail "an escape sequence reached the output"
else
	ok "control characters neutralised in the listing"
fi
"$GAVEL" notes list --json | grep -qF '\u001b[31mALERT' && ok "JSON escapes controls" || fail "JSON escaping"
"$GAVEL" notes rm "$id3"

# --- usage and data errors ---
expect_exit 64 "no subcommand" "$GAVEL" notes
expect_exit 64 "unknown subcommand" "$GAVEL" notes frob
expect_exit 64 "add without ID" "$GAVEL" notes add "$SAMPLE"
expect_exit 64 "unknown colour" "$GAVEL" notes add "$SAMPLE" op1 --color mauve
grep -q "yellow, green, blue, red or purple" "$TMP/err" && ok "colour error lists the colours" || fail "colour message: $(cat "$TMP/err")"
expect_exit 64 "unknown option" "$GAVEL" notes list --frob
expect_exit 65 "unknown paragraph" "$GAVEL" notes add "$SAMPLE" op99 "x"
grep -q "no paragraph 'op99'" "$TMP/err" && ok "names the paragraph" || fail "message: $(cat "$TMP/err")"
# A quote typed without its capitals (and across a line break) is found as search finds it.
expect_exit 0 "quote in other case" "$GAVEL" notes add "$SAMPLE" op10 --quote "vienna
convention  on consular"
grep -qF "found as “Vienna Convention on Consular”" "$TMP/err" && ok "notice shows the words found" \
	|| fail "folded quote: $(cat "$TMP/err")"
"$GAVEL" notes rm "$(cat "$TMP/out")"
expect_exit 65 "quote not in the paragraph" "$GAVEL" notes add "$SAMPLE" op10 --quote "human rights of migrants"
grep -q "is not in OP 10" "$TMP/err" && ok "says where the quote was not" || fail "message: $(cat "$TMP/err")"
expect_exit 66 "missing file" "$GAVEL" notes add "$TMP/nope.txt" op1
expect_exit 0 "help" "$GAVEL" notes --help
grep -q "^  69  the database cannot be used" "$TMP/out" && ok "help documents the exit codes" || fail "help text"

# --- --db wins over GAVEL_DB ---
idx=$("$GAVEL" notes --db "$TMP/other.db" add "$SAMPLE" op2 2>/dev/null)
[ -n "$idx" ] && "$GAVEL" notes list --db "$TMP/other.db" | grep -q "$idx" && ! "$GAVEL" notes list | grep -q "$idx" \
	&& ok "--db overrides GAVEL_DB" || fail "--db"

# --- databases that must be left alone ---
sum() { cksum < "$1"; }
printf 'my precious notes\n' > "$TMP/text.db"
before=$(sum "$TMP/text.db")
expect_exit 69 "not a database" "$GAVEL" notes list --db "$TMP/text.db"
grep -q "not a gavel database" "$TMP/err" && [ "$(sum "$TMP/text.db")" = "$before" ] \
	&& ok "not a database: clear message, file untouched" || fail "text db: $(cat "$TMP/err")"
expect_exit 69 "not a database, on add" "$GAVEL" notes add --db "$TMP/text.db" "$SAMPLE" op1
[ "$(sum "$TMP/text.db")" = "$before" ] && ok "add left it untouched" || fail "add changed the file"

if command -v sqlite3 > /dev/null; then
	cp "$GAVEL_DB" "$TMP/newer.db"
	sqlite3 "$TMP/newer.db" "PRAGMA user_version = 77" && before=$(sum "$TMP/newer.db")
	expect_exit 69 "newer database" "$GAVEL" notes add --db "$TMP/newer.db" "$SAMPLE" op1
	grep -q "newer gavel" "$TMP/err" && [ "$(sum "$TMP/newer.db")" = "$before" ] && [ ! -e "$TMP/newer.db-wal" ] \
		&& ok "newer database refused and untouched" || fail "newer: $(cat "$TMP/err")"
fi

# Read-only: a read-only mount when root (root ignores file modes), else file modes.
ro="$TMP/ro"
mkdir -p "$ro"
cp "$GAVEL_DB" "$ro/gavel.db"
rm -f "$GAVEL_DB-wal" "$GAVEL_DB-shm" 2>/dev/null
if [ "$(id -u)" -eq 0 ]; then
	if mount -t tmpfs -o size=4m tmpfs "$ro" 2>/dev/null; then
		MOUNTS="$MOUNTS $ro"
		"$GAVEL" notes list >/dev/null   # checkpoints the live copy before copying it
		cp "$GAVEL_DB" "$ro/gavel.db" && mount -o remount,ro "$ro" || ro=""
	else
		ro=""
	fi
else
	chmod 0444 "$ro/gavel.db"
	chmod 0555 "$ro"
fi
if [ -n "$ro" ]; then
	before=$(sum "$ro/gavel.db")
	expect_exit 0 "read-only database lists" "$GAVEL" notes list --db "$ro/gavel.db"
	grep -q "$id1" "$TMP/out" && grep -q "read-only" "$TMP/err" && ok "read-only: notes shown with a notice" \
		|| fail "read-only list: $(cat "$TMP/err")"
	expect_exit 73 "read-only database refuses a note" "$GAVEL" notes add --db "$ro/gavel.db" "$SAMPLE" op1
	grep -q "read-only" "$TMP/err" && [ "$(sum "$ro/gavel.db")" = "$before" ] \
		&& ok "read-only: clear message, unchanged" || fail "read-only add: $(cat "$TMP/err")"
	[ "$(id -u)" -eq 0 ] || chmod 0755 "$ro"
else
	echo "skip: no way to make a read-only database here"
fi

# Full disk: a tiny tmpfs (root only); every acknowledged note survives, nothing half-written.
full="$TMP/full"
mkdir -p "$full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=160k tmpfs "$full" 2>/dev/null; then
	MOUNTS="$MOUNTS $full"
	: > "$TMP/acked"
	rc=0 i=0
	big=$(head -c 3000 /dev/zero | tr '\0' x)
	while [ "$i" -lt 400 ]; do
		"$GAVEL" notes add --db "$full/gavel.db" "$SAMPLE" op1 --tag full "$big $i" >> "$TMP/acked" 2> "$TMP/err"
		rc=$?
		[ "$rc" -eq 0 ] || break
		i=$((i + 1))
	done
	[ "$rc" -eq 74 ] && grep -q "is full; nothing was saved" "$TMP/err" && ok "full disk: exit 74 after $i notes ($(cat "$TMP/err"))" \
		|| fail "full disk: exit $rc after $i notes: $(cat "$TMP/err")"
	"$GAVEL" notes list --json --db "$full/gavel.db" > "$TMP/fulljson" 2>"$TMP/err" \
		&& [ "$(grep -c '"id":' "$TMP/fulljson")" -eq "$(grep -c . "$TMP/acked")" ] \
		&& ok "full disk: the $i acknowledged notes are all there, and only they" \
		|| fail "full disk: listing after: $(cat "$TMP/err"), $(grep -c '"id":' "$TMP/fulljson") vs $(grep -c . "$TMP/acked")"
	if [ -x "$top_builddir/tests/e2e/store-burst" ]; then
		"$top_builddir/tests/e2e/store-burst" "$full/gavel.db" check < /dev/null | grep -q '^ok' \
			&& ok "full disk: integrity check passes" || fail "full disk: integrity"
	fi
else
	echo "skip: cannot mount a small tmpfs for the full-disk case"
fi
finish
