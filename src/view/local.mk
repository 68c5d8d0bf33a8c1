# src/view/local.mk: the screen's model without a terminal: geometry, display lines, scrolling,
# history, search, commands, key table (the curses layer in src/ui draws what it says).
src_libgavel_a_SOURCES += src/view/keys.c src/view/keys.h src/view/geom.c src/view/geom.h \
	src/view/dpara.c src/view/dpara.h src/view/cache.c src/view/cache.h \
	src/view/history.c src/view/history.h src/view/command.c src/view/command.h \
	src/view/lineedit.c src/view/lineedit.h src/view/clip.c src/view/clip.h \
	src/view/pane.c src/view/pane.h src/view/find.c src/view/find.h \
	src/view/vlist.c src/view/vlist.h src/view/view.c src/view/view.h \
	src/view/swap.c src/view/keymap.c src/view/keymap.h src/view/mode.c src/view/mode.h \
	src/view/draw.c src/view/draw.h src/view/style.c src/view/style.h \
	src/view/linehist.c src/view/linehist.h src/view/copy.c src/view/copy.h \
	src/view/mode-read.c src/view/mode-help.c src/view/mode-list.c \
	src/view/mode-preview.c src/view/mode-line.c src/view/mode-confirm.c

# The make target `keys-man` prints the keymaps of every mode as roff for the man page.
check_PROGRAMS += src/view/keys-man
CLEANFILES += src/view/keys-man$(EXEEXT)
src_view_keys_man_SOURCES = src/view/keys-man.c
src_view_keys_man_LDADD = src/libgavel.a
keys-man: src/view/keys-man$(EXEEXT)
	@src/view/keys-man$(EXEEXT)
.PHONY: keys-man

VIEW_UNIT_TESTS = tests/unit/test_view_geom tests/unit/test_view_dpara \
	tests/unit/test_view_history tests/unit/test_view_command tests/unit/test_view_keys \
	tests/unit/test_view_view tests/unit/test_view_swap
check_PROGRAMS += $(VIEW_UNIT_TESTS)
TESTS += $(VIEW_UNIT_TESTS)
VIEW_FIXTURE = tests/unit/view_fixture.c tests/unit/view_fixture.h

tests_unit_test_view_geom_SOURCES = tests/unit/test_view_geom.c
tests_unit_test_view_geom_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_view_geom_LDADD = $(UNIT_LDADD)
tests_unit_test_view_dpara_SOURCES = tests/unit/test_view_dpara.c $(VIEW_FIXTURE)
tests_unit_test_view_dpara_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_view_dpara_LDADD = $(UNIT_LDADD)
tests_unit_test_view_history_SOURCES = tests/unit/test_view_history.c
tests_unit_test_view_history_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_view_history_LDADD = $(UNIT_LDADD)
tests_unit_test_view_command_SOURCES = tests/unit/test_view_command.c $(VIEW_FIXTURE)
tests_unit_test_view_command_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_view_command_LDADD = $(UNIT_LDADD)
tests_unit_test_view_keys_SOURCES = tests/unit/test_view_keys.c
tests_unit_test_view_keys_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_view_keys_LDADD = $(UNIT_LDADD)
tests_unit_test_view_view_SOURCES = tests/unit/test_view_view.c $(VIEW_FIXTURE)
tests_unit_test_view_view_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_view_view_LDADD = $(UNIT_LDADD)

tests_unit_test_view_swap_SOURCES = tests/unit/test_view_swap.c $(VIEW_FIXTURE)
tests_unit_test_view_swap_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_view_swap_LDADD = $(UNIT_LDADD)
