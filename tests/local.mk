# tests/local.mk: shell and end-to-end tests, test data (included by Makefile.am)
EXTRA_DIST += tests/lib.sh
