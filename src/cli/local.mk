# src/cli/local.mk: the subcommands (linked into the program only), and the command line's
# one table (usage.c, in the library: the help-man generator and the unit tests read it too).
src_gavel_SOURCES += src/cli/common.c src/cli/parse.c src/cli/show.c src/cli/search.c \
	src/cli/notes.c src/cli/export.c src/cli/import.c src/cli/library-common.c \
	src/cli/library.c src/cli/library-used.c src/cli/library-links.c \
	src/cli/diff.c
src_libgavel_a_SOURCES += src/cli/usage.c src/cli/usage.h

# `make help-man` rewrites the generated sections of man/gavel.1 from the table;
# tests/e2e/man-help.sh checks that they are up to date.
check_PROGRAMS += src/cli/help-man
src_cli_help_man_SOURCES = src/cli/help-man.c
src_cli_help_man_LDADD = src/libgavel.a
help-man: src/cli/help-man$(EXEEXT)
	$(AM_V_GEN)$(SHELL) $(srcdir)/man/help-man.sh src/cli/help-man$(EXEEXT) \
		$(srcdir)/man/gavel.1 >man/gavel.1.tmp && mv man/gavel.1.tmp $(srcdir)/man/gavel.1
.PHONY: help-man
EXTRA_DIST += man/help-man.sh

check_PROGRAMS += tests/unit/test_usage
TESTS += tests/unit/test_usage tests/e2e/man-help.sh tests/e2e/cli-terminal.sh \
	tests/e2e/man-lint.sh
EXTRA_DIST += tests/e2e/man-help.sh tests/e2e/cli-terminal.sh tests/e2e/man-lint.sh
tests_unit_test_usage_SOURCES = tests/unit/test_usage.c
tests_unit_test_usage_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_usage_LDADD = $(UNIT_LDADD)
