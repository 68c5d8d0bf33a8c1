#!/bin/sh
# cli-terminal.sh: the command line meets the terminal as git and less do: long output of show,
# search, notes list and export goes through $PAGER on a terminal (LESS=FRX when unset), never
# in a pipe or with --no-pager; --color=auto|always|never and NO_COLOR; TERM=dumb says the
# reader cannot run and points to gavel show. Driven in tmux, as a user would type it.
. "$top_srcdir/tests/lib.sh"
need tmux
export SOURCE_DATE_EPOCH=1795737600

# TERM=dumb: a message, not a blank screen (the check comes before curses).
TERM=dumb expect_exit 69 "TERM=dumb" "$GAVEL" "$SAMPLE"
grep -q "cannot run the reader; 'gavel show" "$TMP/err" && ok "TERM=dumb points to gavel show" ||
	fail "TERM=dumb said: $(cat "$TMP/err")"
env -u TERM "$GAVEL" "$SAMPLE" >/dev/null 2>"$TMP/err"; [ $? -eq 69 ] && ok "no TERM: 69" || fail "no TERM: $(cat "$TMP/err")"

# A pager that marks its lines and says what LESS it was given.
cat >"$TMP/pager" <<'SH'
#!/bin/sh
echo "PAGER LESS=$LESS"
sed 's/^/P|/'
SH
chmod +x "$TMP/pager"
"$GAVEL" notes add "$SAMPLE" op10 --color red --quote "consular official" "Avena" >/dev/null || fail "notes add"
cat >"$TMP/run" <<SH
#!/bin/sh
export GAVEL_DB='$GAVEL_DB' XDG_DATA_HOME='$XDG_DATA_HOME' HOME='$HOME' PAGER='$TMP/pager' SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH
unset LESS GAVEL_PAGER NO_COLOR
"\$@"
SH
chmod +x "$TMP/run"
# A session that keeps the private server up while the others come and go.
tm -f /dev/null new-session -d -s keep "sleep 3600"
paged() {   # paged DESC WANT CMD...: CMD on a terminal shows WANT (through the pager or not)
	desc=$1 want=$2; shift 2
	tm kill-session -t t 2>/dev/null
	tm_start 100 40 "$TMP/run $*"
	if tm_wait "$want" 10 >/dev/null 2>&1; then ok "$desc"; else fail "$desc: no '$want' on screen:"; tm_screen >&2; fi
}
paged "show goes through the pager, with LESS=FRX" "PAGER LESS=FRX" "$GAVEL" show --width 60 "$SAMPLE" op10
tm_wait "P|OP 10" 5 >/dev/null && ok "show's lines reach the pager" || fail "show not paged"
paged "search goes through the pager" "P|A/RES/58/190 OP 10" "$GAVEL" search consular "$SAMPLE"
paged "notes list goes through the pager" "P|  OP 10" "$GAVEL" notes list
paged "export goes through the pager" "P|OP 10" "$GAVEL" export "$SAMPLE"
paged "--no-pager writes to the terminal" "__EXITED__ 0" "$GAVEL" show --no-pager --width 60 "$SAMPLE" op10
tm_screen | grep -q "P|" && fail "--no-pager still paged" || ok "--no-pager: no pager"
paged "PAGER=cat: no pager" "__EXITED__ 0" env PAGER=cat "$GAVEL" show --width 60 "$SAMPLE" op10
tm_screen | grep -q "P|" && fail "PAGER=cat still paged" || ok "PAGER=cat: straight out"
paged "GAVEL_PAGER wins over PAGER" "__EXITED__ 0" env GAVEL_PAGER= "$GAVEL" show --width 60 "$SAMPLE" op10
tm_screen | grep -q "P|" && fail "GAVEL_PAGER= ignored" || ok "GAVEL_PAGER= : no pager"
# On a terminal, matches are marked with colours (through the pager too), unless NO_COLOR.
paged "search colours on a terminal" "__EXITED__ 0" sh -c "'$GAVEL search consular $SAMPLE | od -c | grep -c 033 >$TMP/pipe-escapes; $GAVEL search --color=always consular $SAMPLE --no-pager | od -c | grep -c 033 >$TMP/always-escapes'"
[ "$(cat "$TMP/pipe-escapes")" = 0 ] && ok "no colours into a pipe" || fail "colours into a pipe"
[ "$(cat "$TMP/always-escapes")" -gt 0 ] && ok "--color=always colours a pipe" || fail "--color=always"

# In a pipe: never a pager; colours only when asked.
"$GAVEL" search consular "$SAMPLE" | grep -q '\[\[consular\]\]' && ok "a pipe: [[marks]], no pager" || fail "pipe output"
PAGER="$TMP/pager" "$GAVEL" show "$SAMPLE" op10 | grep -q "^P|" && fail "paged into a pipe" || ok "no pager into a pipe"
"$GAVEL" search --color=always consular "$SAMPLE" | grep -q "$(printf '\033')\[7m" && ok "--color=always" || fail "--color=always"
NO_COLOR=1 "$GAVEL" search --color=auto consular "$SAMPLE" | grep -q "$(printf '\033')" && fail "NO_COLOR" || ok "NO_COLOR"
"$GAVEL" notes list --color=always | grep -q "$(printf '\033')\[31mred" && ok "notes list colours its colours" || fail "notes list colour"
"$GAVEL" notes list --color=never | grep -q "$(printf '\033')" && fail "--color=never" || ok "--color=never"
expect_exit 64 "--color=sometimes" "$GAVEL" search --color=sometimes consular "$SAMPLE"
finish
