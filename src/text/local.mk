# src/text/local.mk: UTF-8, display width, wrapping, folded search (libunistring only here)
src_libgavel_a_SOURCES += src/text/utf8.h src/text/wrap.h src/text/fold.h src/text/show.h
