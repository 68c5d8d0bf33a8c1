# tests/local.mk: shell and end-to-end tests, test data (included by Makefile.am)
EXTRA_DIST += tests/lib.sh
# The bad-input suite (tests/bad): documents, command lines and databases (hardening, issue 7).
TESTS += tests/bad/bad-input.sh
EXTRA_DIST += tests/bad/bad-input.sh
# The man page lists the keys the reader's table defines.
TESTS += tests/e2e/man-keys.sh
EXTRA_DIST += tests/e2e/man-keys.sh
