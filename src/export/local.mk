# src/export/local.mk: sources and unit tests of src/export/ (included by Makefile.am)
