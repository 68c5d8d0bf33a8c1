# tests/lib.sh: helpers for shell tests (sourced). Every test runs in its own temp dir with its own
# database, and a test whose tool is missing exits 77 (automake's "skipped").
set -u
: "${GAVEL:?GAVEL must point at the built program}"
: "${top_srcdir:?}"
SAMPLE="$top_srcdir/share/a-res-58-190-en.ods.txt"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/gavel-test.XXXXXX")
export XDG_DATA_HOME="$TMP/xdg" GAVEL_DB="$TMP/gavel.db" HOME="$TMP/home"
mkdir -p "$HOME"
fails=0
cleanup() { [ -n "${TMUX_SOCK:-}" ] && tmux -L "$TMUX_SOCK" kill-server 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "SKIP: $1 not installed"; exit 77; }; }
finish() { [ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }; exit 0; }

# expect_exit CODE DESC CMD...: runs CMD, checks its exit status.
expect_exit() {
	local want=$1 desc=$2; shift 2
	"$@" >"$TMP/out" 2>"$TMP/err"; local got=$?
	if [ "$got" -eq "$want" ]; then ok "$desc (exit $got)"; else fail "$desc: exit $got, want $want; stderr: $(head -c 300 "$TMP/err")"; fi
}

# --- tmux driving: a private server, a fixed size, polling (never bare sleeps) ---
TMUX_SOCK="gavel-test-$$"
tm() { tmux -L "$TMUX_SOCK" "$@"; }
# tm_start COLS ROWS CMD...: starts CMD in a detached session of that size.
tm_start() {
	local cols=$1 rows=$2; shift 2
	tm -f /dev/null new-session -d -s t -x "$cols" -y "$rows" \
		"env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 $*; echo __EXITED__ \$?; sleep 3600"
	tm set-option -t t status off >/dev/null
}
tm_screen() { tm capture-pane -p -t t; }
tm_keys() { tm send-keys -t t "$@"; }
# tm_wait TEXT [TIMEOUT_S]: polls the screen until TEXT (fixed string) shows.
tm_wait() {
	local text=$1 limit=${2:-10} i=0
	while [ "$i" -lt $((limit * 20)) ]; do
		tm_screen | grep -qF -- "$text" && return 0
		i=$((i + 1)); sleep 0.05
	done
	echo "--- screen (waited for '$text') ---" >&2; tm_screen >&2
	return 1
}
# tm_wait_gone TEXT [TIMEOUT_S]: polls until TEXT has left the screen.
tm_wait_gone() {
	local text=$1 limit=${2:-10} i=0
	while [ "$i" -lt $((limit * 20)) ]; do
		tm_screen | grep -qF -- "$text" || return 0
		i=$((i + 1)); sleep 0.05
	done
	echo "--- screen (waited for '$text' to go) ---" >&2; tm_screen >&2
	return 1
}
