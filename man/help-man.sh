#!/bin/sh
# help-man.sh HELP-MAN PAGE: prints PAGE with every generated section (between
# .\" NAME-BEGIN and .\" NAME-END lines) replaced by `HELP-MAN NAME`. `make help-man` uses it;
# tests/e2e/man-help.sh compares its output with the page.
set -eu
gen=$1 page=$2
tmp=$(mktemp "${TMPDIR:-/tmp}/help-man.XXXXXX")
trap 'rm -f "$tmp"' EXIT
cp "$page" "$tmp"
for section in synopsis options commands exit; do
	tag=$(echo "$section" | tr a-z A-Z)
	grep -q "^\.\\\\\" $tag-BEGIN" "$tmp" || { echo "help-man.sh: $page has no $tag-BEGIN marker" >&2; exit 1; }
	"$gen" "$section" >"$tmp.part"
	awk -v tag="$tag" -v part="$tmp.part" '
		$0 ~ "^\\.\\\\\" " tag "-BEGIN" { print; while ((getline l < part) > 0) print l; skip = 1; next }
		$0 ~ "^\\.\\\\\" " tag "-END" { skip = 0 }
		!skip { print }' "$tmp" >"$tmp.new"
	mv "$tmp.new" "$tmp"
	rm -f "$tmp.part"
done
cat "$tmp"
