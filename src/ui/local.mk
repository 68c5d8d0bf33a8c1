# src/ui/local.mk: the curses reader (the only code that includes curses)
src_gavel_SOURCES += src/ui/reader.c
