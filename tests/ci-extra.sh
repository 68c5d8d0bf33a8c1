#!/usr/bin/env bash
# ci-extra.sh: the hardening checks of issue 7, run by .ci/run after the normal `make check`:
#   1. the whole `make check` in an AddressSanitizer + UBSan build (--enable-sanitizers);
#   2. every unit test (tests/unit/test_*) and the fuzz replay under valgrind, zero errors/leaks;
#   3. `make fuzz-smoke` in a clang --enable-fuzzing build (about two minutes of fuzzing in all);
#   4. the PDF tests in a build without MuPDF (--without-mupdf), where gavel's own reader reads
#      PDFs alone.
# Each runs in its own VPATH build directory made from a pristine copy of the source (the
# tree itself may be configured in place, which VPATH builds refuse). Missing packages (valgrind,
# clang, libclang-rt-dev) are installed with apt-get when possible. All steps run even when one
# fails; the summary at the end names each, and the exit status is 1 if any failed.
# Environment: CI_EXTRA_DIR (work dir, default a temp dir), FUZZ_SECONDS (per target, default 55),
# CI_EXTRA_STEPS (default "asan valgrind fuzz nomupdf").
# No test bounds its own running time (speed is measured by make bench); GAVEL_TEST_SLOW is
# still exported (5 under the sanitizers, 50 under valgrind) for tests that scale work by it.
set -uo pipefail
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
src=$(cd "$(dirname "$0")/.." && pwd)
work=${CI_EXTRA_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/gavel-ci-extra.XXXXXX")}
jobs=$(nproc 2>/dev/null || echo 2)
steps=${CI_EXTRA_STEPS:-asan valgrind fuzz nomupdf}
fuzz_seconds=${FUZZ_SECONDS:-55}
summary=""
failed=0
started=$(date +%s)

log() { echo "ci-extra: $*"; }
result() {  # result NAME STATUS SECONDS
	summary="$summary$(printf '  %-10s %-5s %4ss' "$1" "$2" "$3")\n"
	[ "$2" = PASS ] || failed=1
}

# install PKG...: installs the Debian packages that are missing (needs root or sudo).
install() {
	local missing="" p sudo=""
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	[ "$(id -u)" -ne 0 ] && sudo=sudo
	log "installing:$missing"
	# shellcheck disable=SC2086
	{ $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends $missing; } >/dev/null ||
		{ log "cannot install:$missing"; return 1; }
}

# A pristine copy of the source: tracked and new files, none of an in-place build.
pristine="$work/src"
rm -rf "$pristine" && mkdir -p "$pristine"
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
	(cd "$src" && git ls-files -z --cached --others --exclude-standard |
		xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
		tar --null -T - -cf -) | tar -xf - -C "$pristine"
else
	cp -a "$src/." "$pristine/"
	rm -f "$pristine/config.status" "$pristine/config.h" "$pristine/Makefile"
	find "$pristine" \( -name '*.o' -o -name '*.a' -o -name .deps \) -prune -exec rm -rf {} +
fi
(cd "$pristine" && mkdir -p m4 && autoreconf -fi >"$work/autoreconf.log" 2>&1) ||
	{ log "autoreconf failed"; cat "$work/autoreconf.log"; exit 1; }

# build DIR CONFIGURE-ARGS...: configures and builds in DIR (quietly; log in DIR/build.log).
build() {
	local dir=$1
	shift
	rm -rf "$dir" && mkdir -p "$dir"
	(cd "$dir" && "$pristine/configure" -q "$@" && make -j"$jobs") >"$dir/build.log" 2>&1 ||
		{ tail -n 40 "$dir/build.log"; return 1; }
}

for step in $steps; do
	t0=$(date +%s)
	case $step in
	asan)
		log "1/4 make check under AddressSanitizer and UBSan"
		# (no strict_string_checks: it flags legal strndup() on buffers without a NUL)
		export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=1
		export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 GAVEL_TEST_SLOW=5
		if build "$work/asan" --enable-sanitizers &&
			(cd "$work/asan" && make -j"$jobs" check >check.log 2>&1); then
			result asan PASS $(($(date +%s) - t0))
		else
			grep -E '^(FAIL|ERROR|XPASS)' "$work/asan/check.log" 2>/dev/null
			for l in "$work"/asan/tests/*/*.log "$work"/asan/tests/*.log; do
				[ -f "$l" ] && grep -qE '^(FAIL|ERROR)|Sanitizer|runtime error' "$l" &&
					{ echo "--- $l"; grep -E 'FAIL|Sanitizer|runtime error|SUMMARY' "$l" | head -n 20; }
			done
			result asan FAIL $(($(date +%s) - t0))
		fi
		unset ASAN_OPTIONS UBSAN_OPTIONS GAVEL_TEST_SLOW
		;;
	valgrind)
		log "2/4 unit tests under valgrind"
		install valgrind
		if ! command -v valgrind >/dev/null 2>&1; then
			result valgrind FAIL 0
			continue
		fi
		ok=1
		if build "$work/vg" && (cd "$work/vg" && make -j"$jobs" check TESTS= >check-build.log 2>&1); then
			n=0
			for t in "$work"/vg/tests/unit/test_* "$work/vg/tests/fuzz/replay_parse"; do
				[ -x "$t" ] && [ -f "$t" ] || continue
				case $t in *.o | *.c | *.log | *.trs) continue ;; esac
				args=()
				[ "${t##*/}" = replay_parse ] && args=("$pristine/tests/fuzz/regress" "$pristine/share")
				n=$((n + 1))
				# Unit tests find their data through the same variables make check sets.
				if ! (cd "$work/vg" && top_srcdir="$pristine" top_builddir="$work/vg" GAVEL_TEST_SLOW=50 \
					GAVEL="$work/vg/src/gavel" timeout 900 valgrind -q --error-exitcode=99 \
					--suppressions="$pristine/tests/valgrind.supp" \
					--leak-check=full --show-leak-kinds=definite,indirect \
					--errors-for-leak-kinds=definite,indirect --track-origins=yes \
					"$t" "${args[@]}" >"$t.vg.log" 2>&1); then
					echo "--- valgrind: ${t##*/}"
					grep -E '==[0-9]+==|FAILED|\[  FAILED' "$t.vg.log" | head -n 30
					ok=0
				fi
			done
			log "valgrind ran $n programs"
			[ "$n" -gt 0 ] || { log "no unit test programs found"; ok=0; }
		else
			ok=0
		fi
		[ "$ok" = 1 ] && result valgrind PASS $(($(date +%s) - t0)) || result valgrind FAIL $(($(date +%s) - t0))
		;;
	fuzz)
		log "3/4 fuzz-smoke with clang and libFuzzer (${fuzz_seconds}s per target)"
		install clang libclang-rt-dev
		if CC=clang build "$work/fuzz" --enable-fuzzing CC=clang &&
			(cd "$work/fuzz" && make fuzz-smoke FUZZ_SECONDS="$fuzz_seconds"); then
			result fuzz PASS $(($(date +%s) - t0))
		else
			result fuzz FAIL $(($(date +%s) - t0))
		fi
		;;
	nomupdf)
		log "4/4 the PDF tests without MuPDF (gavel's own reader alone)"
		if build "$work/nomupdf" --without-mupdf &&
			(cd "$work/nomupdf" && make -j"$jobs" check TESTS="tests/unit/test_pdf \
				tests/unit/test_pdf_quick tests/unit/test_shape_pdf tests/bad/bad-pdf.sh \
				tests/e2e/pdf.sh" >check.log 2>&1); then
			result nomupdf PASS $(($(date +%s) - t0))
		else
			grep -E '^(FAIL|ERROR)' "$work/nomupdf/check.log" 2>/dev/null
			for l in "$work"/nomupdf/tests/*/*.log; do
				[ -f "$l" ] && grep -qE '^(FAIL|ERROR)' "$l" && { echo "--- $l"; tail -n 30 "$l"; }
			done
			result nomupdf FAIL $(($(date +%s) - t0))
		fi
		;;
	*)
		log "unknown step '$step'"
		result "$step" FAIL 0
		;;
	esac
done

log "summary ($(($(date +%s) - started))s in all, builds in $work):"
printf '%b' "$summary"
exit "$failed"
