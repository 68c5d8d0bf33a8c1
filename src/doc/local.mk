# src/doc/local.mk: the document model and parsers (no curses, no SQLite)
src_libgavel_a_SOURCES += src/doc/resolution.c src/doc/resolution.h src/doc/parse.h \
	src/doc/parse.c src/doc/json.c src/doc/json.h src/doc/blocks.h src/doc/lang.h
