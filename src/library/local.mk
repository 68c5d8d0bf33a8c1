# src/library/local.mk: the library of resolutions (SQLite, FTS5), citations and wording
# compared across documents (issue 14); no curses.
src_libgavel_a_SOURCES += src/library/library.h src/library/library-int.h \
	src/library/library.c src/library/library-put.c src/library/library-list.c \
	src/library/library-search.c src/library/library-used.c src/library/library-links.c \
	src/library/library-terms.c \
	src/library/symbol.h src/library/symbol.c src/library/blob.h src/library/blob.c \
	src/library/ftstok.h src/library/ftstok.c src/library/cite.h src/library/cite.c \
	src/library/similar.h src/library/similar.c src/library/ztext.h src/library/ztext.c

LIBRARY_UNIT_TESTS = tests/unit/test_symbol tests/unit/test_blob tests/unit/test_ftstok \
	tests/unit/test_cite tests/unit/test_similar tests/unit/test_library tests/unit/test_ztext
check_PROGRAMS += $(LIBRARY_UNIT_TESTS)
TESTS += $(LIBRARY_UNIT_TESTS)
tests_unit_test_symbol_SOURCES = tests/unit/test_symbol.c
tests_unit_test_symbol_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_symbol_LDADD = $(UNIT_LDADD)
tests_unit_test_blob_SOURCES = tests/unit/test_blob.c
tests_unit_test_blob_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_blob_LDADD = $(UNIT_LDADD)
tests_unit_test_ftstok_SOURCES = tests/unit/test_ftstok.c
tests_unit_test_ftstok_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_ftstok_LDADD = $(UNIT_LDADD)
tests_unit_test_cite_SOURCES = tests/unit/test_cite.c
tests_unit_test_cite_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_cite_LDADD = $(UNIT_LDADD)
tests_unit_test_similar_SOURCES = tests/unit/test_similar.c
tests_unit_test_similar_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_similar_LDADD = $(UNIT_LDADD)
tests_unit_test_library_SOURCES = tests/unit/test_library.c
tests_unit_test_library_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_library_LDADD = $(UNIT_LDADD)
tests_unit_test_ztext_SOURCES = tests/unit/test_ztext.c
tests_unit_test_ztext_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_ztext_LDADD = $(UNIT_LDADD)

TESTS += tests/e2e/library-cli.sh tests/e2e/library-crash.sh tests/e2e/reader-library.sh
EXTRA_DIST += tests/e2e/library-cli.sh tests/e2e/library-scan.py tests/e2e/library-crash.sh \
	tests/e2e/reader-library.sh tests/data/library/A_RES_80_1.txt \
	tests/data/library/A_RES_80_12.md tests/data/library/A_RES_76_172-2119207E.xml \
	tests/data/library/A_RES_78_217-2325999E.xml tests/data/library/made-up-85-7.txt
