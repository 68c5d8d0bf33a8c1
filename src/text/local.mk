# src/text/local.mk: UTF-8, display width, wrapping, folded search (libunistring only here),
# bidi reordering (libfribidi) and the plain-text view of a resolution
src_libgavel_a_SOURCES += src/text/buf.c src/text/buf.h
src_libgavel_a_SOURCES += src/text/utf8.h src/text/wrap.h src/text/fold.h src/text/show.h \
	src/text/bidi.h src/text/utf8.c src/text/wrap.c src/text/fold.c src/text/bidi.c \
	src/text/show.c

TEXT_UNIT_TESTS = tests/unit/test_buf tests/unit/test_utf8 tests/unit/test_wrap tests/unit/test_fold \
	tests/unit/test_bidi tests/unit/test_show
check_PROGRAMS += $(TEXT_UNIT_TESTS)
TESTS += $(TEXT_UNIT_TESTS) tests/e2e/show-cli.sh
EXTRA_DIST += tests/e2e/show-cli.sh

tests_unit_test_buf_SOURCES = tests/unit/test_buf.c
tests_unit_test_buf_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_buf_LDADD = $(UNIT_LDADD)
tests_unit_test_utf8_SOURCES = tests/unit/test_utf8.c
tests_unit_test_utf8_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_utf8_LDADD = $(UNIT_LDADD)
tests_unit_test_wrap_SOURCES = tests/unit/test_wrap.c
tests_unit_test_wrap_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_wrap_LDADD = $(UNIT_LDADD)
tests_unit_test_fold_SOURCES = tests/unit/test_fold.c
tests_unit_test_fold_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_fold_LDADD = $(UNIT_LDADD)
tests_unit_test_bidi_SOURCES = tests/unit/test_bidi.c
tests_unit_test_bidi_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_bidi_LDADD = $(UNIT_LDADD)
tests_unit_test_show_SOURCES = tests/unit/test_show.c
tests_unit_test_show_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_show_LDADD = $(UNIT_LDADD)
