# src/ui/local.mk: the curses reader (the only code that includes curses)
src_gavel_SOURCES += src/ui/reader.c src/ui/ui.h src/ui/style.c src/ui/screen.c src/ui/keyin.c

# End-to-end tests of the reader (tmux).
VIEW_E2E = tests/e2e/reader-open.sh tests/e2e/reader-resize.sh tests/e2e/reader-more.sh \
	tests/e2e/reader-big.sh
TESTS += $(VIEW_E2E)
EXTRA_DIST += $(VIEW_E2E)
