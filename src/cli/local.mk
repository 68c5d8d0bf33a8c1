# src/cli/local.mk: sources and unit tests of src/cli/ (included by Makefile.am)
