# src/cli/local.mk: the subcommands (linked into the program only)
src_gavel_SOURCES += src/cli/common.c src/cli/parse.c src/cli/show.c src/cli/search.c \
	src/cli/notes.c src/cli/export.c src/cli/import.c src/cli/diff.c
