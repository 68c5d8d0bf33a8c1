# src/doc/local.mk: sources and unit tests of src/doc/ (included by Makefile.am)
