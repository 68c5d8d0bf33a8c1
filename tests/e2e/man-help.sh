#!/bin/sh
# man-help.sh: --help, every COMMAND --help and gavel(1) say the same: the man page's generated
# sections are what the table makes now (else: make help-man), each command prints its own
# help and takes every option its help lists, no command keeps a getopt table of its own,
# every environment variable gavel reads is documented, and mistyped commands get a hint.
. "$top_srcdir/tests/lib.sh"
MAN="$top_srcdir/man/gavel.1"
HELPMAN="$top_builddir/src/cli/help-man"
[ -x "$HELPMAN" ] || { echo "SKIP: $HELPMAN not built"; exit 77; }

# 1. The generated sections are up to date.
sh "$top_srcdir/man/help-man.sh" "$HELPMAN" "$MAN" >"$TMP/gavel.1"
if cmp -s "$TMP/gavel.1" "$MAN"; then ok "man page sections = the usage table"
else fail "man/gavel.1 is out of date with src/cli/usage.c (run make help-man):"; diff "$MAN" "$TMP/gavel.1" | head -20 >&2; fi

# 2. Every command prints its own help, the same as `gavel help COMMAND`, and accepts every
#    option that help lists (an option it did not know would exit 64 before --help).
value() {   # a valid value for an option's metavariable
	case "$1" in
	N) echo 80 ;; NAME) [ "$2" = --input-format ] && echo auto || echo yellow ;;
	FORMAT) echo txt ;; DATE) echo 2026-01-02 ;; WHEN) echo never ;; *) echo x ;;
	esac
}
"$HELPMAN" names >"$TMP/names"
[ "$(wc -l <"$TMP/names")" -ge 10 ] && ok "$(wc -l <"$TMP/names") commands" || fail "few commands"
while read -r cmd; do
	# shellcheck disable=SC2086
	if ! "$GAVEL" $cmd --help >"$TMP/h" 2>"$TMP/e"; then fail "$cmd --help exits $?"; continue; fi
	head -n 1 "$TMP/h" | grep -q "^Usage: gavel $cmd " || fail "$cmd --help starts: $(head -n 1 "$TMP/h")"
	# shellcheck disable=SC2086
	"$GAVEL" help $cmd >"$TMP/h2" 2>&1
	cmp -s "$TMP/h" "$TMP/h2" || fail "gavel help $cmd differs from gavel $cmd --help"
	sed -n '/^Options:/,/^$/p' "$TMP/h" | grep -oE '^  (-[a-zA-Z], )?--[a-z-]+(\[=[A-Z]+\]| [A-Z.-]+)?' |
	while read -r o; do
		o=${o#-?, }
		name=${o%% *}; name=${name%%\[*}; arg=${o#"$name"}; arg=${arg# }
		case "$arg" in "") set -- "$name" ;; \[=*) set -- "$name=never" ;;
		               *) set -- "$name" "$(value "$arg" "$name")" ;; esac
		# shellcheck disable=SC2086
		"$GAVEL" $cmd "$@" --help >/dev/null 2>"$TMP/oe" ||
			echo "$cmd $*: $(cat "$TMP/oe")" >>"$TMP/refused"
	done
	ok "$cmd --help"
done <"$TMP/names"
if [ -s "$TMP/refused" ]; then fail "options the help lists but the command refuses:"; cat "$TMP/refused" >&2
else ok "every listed option is accepted"; fi
"$GAVEL" notes list --help >"$TMP/l"; "$GAVEL" notes --help >"$TMP/n"
cmp -s "$TMP/l" "$TMP/n" && fail "notes list --help is the general notes help" || ok "notes list has its own help"
"$GAVEL" --help >"$TMP/main"; "$GAVEL" help >"$TMP/main2"
cmp -s "$TMP/main" "$TMP/main2" && ok "gavel help = gavel --help" || fail "gavel help differs"
while read -r cmd; do
	grep -q "^  $cmd " "$TMP/main" || fail "gavel --help does not list $cmd"
done <"$TMP/names"

# 3. No command keeps a getopt table of its own (it would be undocumented options).
own=$(grep -l 'struct option\b' "$top_srcdir"/src/main.c "$top_srcdir"/src/cli/*.c 2>/dev/null |
	grep -v 'src/cli/usage\.c$' || true)
[ -z "$own" ] && ok "every command's options come from the table" ||
	fail "getopt tables outside src/cli/usage.c (add rows there instead): $own"

# 4. Every environment variable gavel reads is in ENVIRONMENT.
sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' "$MAN" >"$TMP/env"
grep -rhoE 'getenv\("[A-Z_]+"\)' "$top_srcdir/src" | sed 's/getenv("\(.*\)")/\1/' | sort -u |
while read -r var; do
	case "$var" in HOME|TERM|COLUMNS) continue ;; esac   # everyone's, documented by others
	grep -q "$var" "$TMP/env" || echo "$var" >>"$TMP/undocumented"
done
[ -s "$TMP/undocumented" ] && fail "not in ENVIRONMENT: $(tr '\n' ' ' <"$TMP/undocumented")" ||
	ok "every environment variable is documented"
grep -q PKGDATADIR "$MAN" && fail "the man page says PKGDATADIR literally" || ok "no PKGDATADIR in the page"

# 5. Mistyped commands and `gavel help` get a hint, not "cannot open".
expect_exit 64 "gavel lst" "$GAVEL" lst
grep -q "did you mean 'gavel notes list'" "$TMP/err" && ok "lst: did you mean notes list" ||
	fail "lst: $(cat "$TMP/err")"
expect_exit 64 "gavel exprot" "$GAVEL" exprot
grep -q "gavel export" "$TMP/err" && ok "exprot: export" || fail "exprot: $(cat "$TMP/err")"
expect_exit 64 "gavel help nothing" "$GAVEL" help nothing
expect_exit 64 "an unknown option" "$GAVEL" show --frobnicate
grep -q "try 'gavel show --help'" "$TMP/err" && ok "unknown option names the command's help" ||
	fail "unknown option: $(cat "$TMP/err")"
expect_exit 64 "a missing value" "$GAVEL" show --width
grep -q "needs a value" "$TMP/err" && ok "missing value" || fail "missing value: $(cat "$TMP/err")"
expect_exit 64 "a bad --color" "$GAVEL" search --color=sometimes x
finish
