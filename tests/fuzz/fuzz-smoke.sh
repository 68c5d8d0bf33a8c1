#!/bin/sh
# fuzz-smoke.sh: runs each libFuzzer target briefly from a seed corpus; fails on any crash, leak,
# sanitizer report or timeout. Called by `make fuzz-smoke` as:
#   fuzz-smoke.sh SRCDIR BUILDDIR SECONDS TARGET...
# Seeds: the committed regression inputs (tests/fuzz/regress, regress-import), the bundled
# resolution (share/) and the test data (tests/data; its *.json files for the JSON import). The corpus
# grows in BUILDDIR/tests/fuzz/corpus-NAME between runs; crashes land in .../artifacts/.
set -u
srcdir=$1 builddir=$2 secs=$3
shift 3
out="$builddir/tests/fuzz"
mkdir -p "$out/artifacts"
status=0
for target in "$@"; do
	name=$(basename "$target")
	corpus="$out/corpus-$name"
	mkdir -p "$corpus"
	case $name in
	fuzz_pdf)
		cp "$srcdir"/tests/fuzz/regress-pdf/* "$corpus/" 2>/dev/null
		find "$srcdir/tests/data/pdf" -type f -name '*.pdf' -size -200k -exec cp {} "$corpus/" \; 2>/dev/null
		dict=""
		maxlen=262144
		;;
	fuzz_pdf_quick)
		cp "$srcdir"/tests/fuzz/regress-pdfquick/* "$corpus/" 2>/dev/null
		find "$srcdir/tests/data/pdf" -type f -name '*.pdf' -size -200k -exec cp {} "$corpus/" \; 2>/dev/null
		dict="-dict=$srcdir/tests/fuzz/pdf.dict"
		maxlen=262144
		;;
	fuzz_pdf_stream)
		cp "$srcdir"/tests/fuzz/regress-pdfstream/* "$corpus/" 2>/dev/null
		dict=""
		maxlen=65536
		;;
	fuzz_import)
		cp "$srcdir"/tests/fuzz/regress-import/* "$corpus/" 2>/dev/null
		find "$srcdir/tests/data" -type f -name '*.json' -exec cp {} "$corpus/" \; 2>/dev/null
		dict="-dict=$srcdir/tests/fuzz/json.dict"
		maxlen=65536
		;;
	fuzz_akn)
		cp "$srcdir"/tests/fuzz/regress-akn/* "$corpus/" 2>/dev/null
		dict="-dict=$srcdir/tests/fuzz/akn.dict"
		maxlen=16384   # the seeds are small documents; real ones are replayed whole
		;;
	*)
		cp "$srcdir"/share/*.txt "$corpus/" 2>/dev/null
		find "$srcdir/tests/data" -type f -size -2M -exec cp {} "$corpus/" \; 2>/dev/null
		cp "$srcdir"/tests/fuzz/regress/* "$corpus/" 2>/dev/null
		dict="-dict=$srcdir/tests/fuzz/parse.dict"
		maxlen=8192    # short inputs keep it at hundreds of runs a second (4 parses each)
		;;
	esac
	echo "fuzz-smoke: $name for ${secs}s on $(ls "$corpus" | wc -l) seeds"
	# -timeout: one input taking longer than 10 s is a hang; -rss_limit_mb: a blow-up is a bug.
	# shellcheck disable=SC2086
	if ! "$target" $dict -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-max_len="$maxlen" -print_final_stats=1 -artifact_prefix="$out/artifacts/$name-" \
		"$corpus" >"$out/$name.log" 2>&1; then
		echo "FAIL: $name crashed; the input is in $out/artifacts/ (copy it to tests/fuzz/regress/)" >&2
		grep -E 'ERROR|SUMMARY|runtime error|deadly signal|timeout' "$out/$name.log" | head -20 >&2
		status=1
	else
		grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$out/$name.log" |
			sed "s/^/fuzz-smoke: $name /"
	fi
done
exit $status
