# src/view/annot.mk: highlights and notes in the reader, without a terminal: the open
# document's annotations, the selection, note editing ($EDITOR too), the notes pane, the
# user's configuration, and the keys that tie them to the view (vnotes).
src_libgavel_a_SOURCES += src/view/annot.c src/view/annot.h src/view/select.c src/view/select.h \
	src/view/ledit.c src/view/ledit.h src/view/conf.c src/view/conf.h \
	src/view/notelist.c src/view/notelist.h src/view/extedit.c src/view/extedit.h \
	src/view/vnotes.c src/view/vnotes.h src/view/mode-select.c src/view/mode-popup.c \
	src/view/mode-notes.c

ANNOT_UNIT_TESTS = tests/unit/test_view_annot tests/unit/test_view_select \
	tests/unit/test_view_ledit tests/unit/test_view_conf tests/unit/test_view_notelist \
	tests/unit/test_view_extedit tests/unit/test_view_vnotes
check_PROGRAMS += $(ANNOT_UNIT_TESTS)
TESTS += $(ANNOT_UNIT_TESTS)

tests_unit_test_view_annot_SOURCES = tests/unit/test_view_annot.c
tests_unit_test_view_annot_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_view_annot_LDADD = $(UNIT_LDADD)
tests_unit_test_view_select_SOURCES = tests/unit/test_view_select.c
tests_unit_test_view_select_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_view_select_LDADD = $(UNIT_LDADD)
tests_unit_test_view_ledit_SOURCES = tests/unit/test_view_ledit.c
tests_unit_test_view_ledit_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_view_ledit_LDADD = $(UNIT_LDADD)
tests_unit_test_view_conf_SOURCES = tests/unit/test_view_conf.c
tests_unit_test_view_conf_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_view_conf_LDADD = $(UNIT_LDADD)
tests_unit_test_view_notelist_SOURCES = tests/unit/test_view_notelist.c
tests_unit_test_view_notelist_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_view_notelist_LDADD = $(UNIT_LDADD)
tests_unit_test_view_extedit_SOURCES = tests/unit/test_view_extedit.c
tests_unit_test_view_extedit_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_view_extedit_LDADD = $(UNIT_LDADD)
tests_unit_test_view_vnotes_SOURCES = tests/unit/test_view_vnotes.c $(VIEW_FIXTURE)
tests_unit_test_view_vnotes_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_view_vnotes_LDADD = $(UNIT_LDADD)

# End-to-end: notes in the reader (tmux).
TESTS += tests/e2e/reader-notes.sh
EXTRA_DIST += tests/e2e/reader-notes.sh

# An example configuration, installed beside the bundled resolution.
dist_pkgdata_DATA += share/config.example
