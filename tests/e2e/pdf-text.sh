#!/bin/sh
# pdf-text.sh: the text pdftotext makes of the official PDFs (kept in tests/data/pdf/*.txt, so
# that no poppler-utils is needed) must give the same model as the PDFs themselves: the same
# gold, measure by measure (pdf-check.py): the record, every paragraph's id and text, the
# footnotes and every marker. What fails is in its log: make check
# TESTS=tests/e2e/pdf-text.sh; cat tests/e2e/pdf-text.log
. "${top_srcdir:?}/tests/lib.sh"
need python3
D="$top_srcdir/tests/data/pdf"
for txt in "$D"/*.txt; do
	python3 "$top_srcdir/tests/e2e/pdf-check.py" "$GAVEL" "${txt%.txt}.gold.json" "$txt" ||
		fail "$(basename "$txt") differs from the gold of its PDF"
done
finish
