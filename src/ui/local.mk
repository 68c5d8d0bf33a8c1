# src/ui/local.mk: sources and unit tests of src/ui/ (included by Makefile.am)
