# src/text/local.mk: sources and unit tests of src/text/ (included by Makefile.am)
