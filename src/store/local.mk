# src/store/local.mk: the SQLite store of annotations and reading positions
src_libgavel_a_SOURCES += src/store/annotation.h src/store/annotation.c src/store/store.h \
	src/store/store.c
