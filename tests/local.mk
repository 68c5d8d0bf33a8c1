# tests/local.mk: shell and end-to-end tests, test data (included by Makefile.am)
