# src/export/local.mk: one file per export format behind one interface (export.h), the JSON
# reader and importer for `gavel notes import`, and the atomic file writer.
src_libgavel_a_SOURCES += src/export/export.h src/export/export.c src/export/txt.c \
	src/export/md.c src/export/json.c src/export/csv.c src/export/annotated.c \
	src/export/atomic.h src/export/atomic.c src/export/jsonread.h src/export/jsonread.c \
	src/export/import.h src/export/import.c src/export/hypothesis.c

EXPORT_UNIT_TESTS = tests/unit/test_export tests/unit/test_jsonread tests/unit/test_import \
	tests/unit/test_atomic tests/unit/test_store_import
check_PROGRAMS += $(EXPORT_UNIT_TESTS)
TESTS += $(EXPORT_UNIT_TESTS) tests/e2e/export-cli.sh
EXTRA_DIST += tests/e2e/export-cli.sh tests/data/export/notes.json \
	tests/data/export/golden.txt tests/data/export/golden.md tests/data/export/golden.json \
	tests/data/export/golden.csv tests/data/export/golden.annotated.txt

# Exports checked by other people's tools: the W3C's annotation-model tests, a CommonMark
# parser, a spreadsheet-safety check; foreign W3C and Hypothesis imports.
TESTS += tests/e2e/w3c-annotation.sh tests/e2e/export-formats.sh
EXTRA_DIST += tests/e2e/w3c-annotation.sh tests/e2e/export-formats.sh tests/w3c/w3c-check.py \
	tests/data/import/foreign-w3c.json tests/data/import/hypothesis.json \
	tests/data/w3c-annotation-tests

tests_unit_test_export_SOURCES = tests/unit/test_export.c
tests_unit_test_export_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_export_LDADD = $(UNIT_LDADD)
tests_unit_test_jsonread_SOURCES = tests/unit/test_jsonread.c
tests_unit_test_jsonread_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_jsonread_LDADD = $(UNIT_LDADD)
tests_unit_test_import_SOURCES = tests/unit/test_import.c
tests_unit_test_import_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_import_LDADD = $(UNIT_LDADD)
tests_unit_test_atomic_SOURCES = tests/unit/test_atomic.c
tests_unit_test_atomic_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_atomic_LDADD = $(UNIT_LDADD)
tests_unit_test_store_import_SOURCES = tests/unit/test_store_import.c
tests_unit_test_store_import_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_store_import_LDADD = $(UNIT_LDADD)
