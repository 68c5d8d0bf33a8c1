# tests/local.mk: shell and end-to-end tests, test data (included by Makefile.am)
EXTRA_DIST += tests/lib.sh
# The bad-input suite (tests/bad): documents, command lines and databases (hardening, issue 7).
TESTS += tests/bad/bad-input.sh
EXTRA_DIST += tests/bad/bad-input.sh
# The man page lists the keys the reader's table defines.
TESTS += tests/e2e/man-keys.sh
EXTRA_DIST += tests/e2e/man-keys.sh
# Hostile sizes and out of memory (issue 18): malloc, calloc and realloc wrapped to fail.
check_PROGRAMS += tests/unit/test_limits
TESTS += tests/unit/test_limits
tests_unit_test_limits_SOURCES = tests/unit/test_limits.c tests/unit/view_fixture.c \
	tests/unit/view_fixture.h
tests_unit_test_limits_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_limits_LDADD = $(UNIT_LDADD)
tests_unit_test_limits_LDFLAGS = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc
