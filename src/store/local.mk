# src/store/local.mk: sources and unit tests of src/store/ (included by Makefile.am)
