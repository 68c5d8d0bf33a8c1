# src/diff/local.mk: the redline of two resolutions (issue 15): alignment, word comparison and
# the outputs; no curses, no SQLite.
src_libgavel_a_SOURCES += src/text/words.c src/text/words.h src/diff/diff.h \
	src/diff/diff-int.h src/diff/seq.c src/diff/seq.h src/diff/tokens.c src/diff/align.c src/diff/lcs.c \
	src/diff/redline.c src/diff/carry.c src/diff/out.h src/diff/out.c src/diff/out-text.c src/diff/out-md.c \
	src/diff/out-html.c src/diff/out-json.c src/diff/out-docx.c src/diff/zip.c src/diff/zip.h

DIFF_UNIT_TESTS = tests/unit/test_seq tests/unit/test_words tests/unit/test_redline
check_PROGRAMS += $(DIFF_UNIT_TESTS)
TESTS += $(DIFF_UNIT_TESTS)
tests_unit_test_seq_SOURCES = tests/unit/test_seq.c
tests_unit_test_seq_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_seq_LDADD = $(UNIT_LDADD)
tests_unit_test_words_SOURCES = tests/unit/test_words.c
tests_unit_test_words_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_words_LDADD = $(UNIT_LDADD)
tests_unit_test_redline_SOURCES = tests/unit/test_redline.c
tests_unit_test_redline_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_redline_LDADD = $(UNIT_LDADD)

TESTS += tests/e2e/diff-cli.sh tests/e2e/diff-lo.sh
EXTRA_DIST += tests/e2e/diff-cli.sh tests/e2e/diff-lo.sh tests/e2e/diff-check.py tests/e2e/docx-check.py \
	tests/e2e/docx-lo.py tests/data/diff/lighthouses-old.txt tests/data/diff/lighthouses-new.txt \
	tests/data/diff/lighthouses.golden.txt tests/data/diff/zh-old.txt tests/data/diff/zh-new.txt \
	tests/data/diff/a-res-76-172.xml tests/data/diff/a-res-78-217.xml
