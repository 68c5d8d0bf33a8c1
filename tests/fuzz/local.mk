# tests/fuzz/local.mk: fuzz targets (built only with --enable-fuzzing, clang/libFuzzer) and the
# replay of saved inputs through the same code in every `make check`.

# The replay runs in every build: crashes once found stay fixed.
check_PROGRAMS += tests/fuzz/replay_parse tests/fuzz/replay_import tests/fuzz/replay_akn
TESTS += tests/fuzz/replay.sh
tests_fuzz_replay_parse_SOURCES = tests/fuzz/fuzz_parse.c tests/fuzz/standalone.c
tests_fuzz_replay_parse_LDADD = src/libgavel.a $(SQLITE_LIBS) $(FRIBIDI_LIBS)
tests_fuzz_replay_import_SOURCES = tests/fuzz/fuzz_import.c tests/fuzz/standalone.c
tests_fuzz_replay_import_LDADD = src/libgavel.a $(SQLITE_LIBS) $(FRIBIDI_LIBS)
tests_fuzz_replay_akn_SOURCES = tests/fuzz/fuzz_akn.c tests/fuzz/standalone.c
tests_fuzz_replay_akn_LDADD = src/libgavel.a $(SQLITE_LIBS) $(FRIBIDI_LIBS)

EXTRA_DIST += tests/fuzz/README tests/fuzz/replay.sh tests/fuzz/fuzz-smoke.sh tests/ci-extra.sh tests/valgrind.supp \
	tests/fuzz/parse.dict tests/fuzz/json.dict tests/fuzz/regress tests/fuzz/regress-import \
	tests/fuzz/akn.dict tests/fuzz/regress-akn
# The PDF: its layout from page streams (no MuPDF), and the whole path from PDF bytes.
check_PROGRAMS += tests/fuzz/replay_pdf_stream
tests_fuzz_replay_pdf_stream_SOURCES = tests/fuzz/fuzz_pdf_stream.c tests/fuzz/fuzz-model.h \
	tests/fuzz/standalone.c
tests_fuzz_replay_pdf_stream_LDADD = src/libgavel.a $(SQLITE_LIBS) $(FRIBIDI_LIBS)
if HAVE_MUPDF
check_PROGRAMS += tests/fuzz/replay_pdf
tests_fuzz_replay_pdf_SOURCES = tests/fuzz/fuzz_pdf.c tests/fuzz/fuzz-model.h \
	tests/fuzz/standalone.c src/doc/pdf-mupdf.c
tests_fuzz_replay_pdf_CFLAGS = $(AM_CFLAGS) $(MUPDF_CFLAGS)
tests_fuzz_replay_pdf_LDADD = src/libgavel.a $(SQLITE_LIBS) $(FRIBIDI_LIBS) $(MUPDF_LIBS)
endif
EXTRA_DIST += tests/fuzz/regress-pdf tests/fuzz/regress-pdfstream
# gavel's own reading of a PDF's opening (pdf-quick.c), from PDF bytes, no MuPDF
check_PROGRAMS += tests/fuzz/replay_pdf_quick
tests_fuzz_replay_pdf_quick_SOURCES = tests/fuzz/fuzz_pdf_quick.c tests/fuzz/fuzz-model.h \
	tests/fuzz/standalone.c
tests_fuzz_replay_pdf_quick_LDADD = src/libgavel.a $(SQLITE_LIBS) $(FRIBIDI_LIBS)
EXTRA_DIST += tests/fuzz/regress-pdfquick tests/fuzz/pdf.dict

FUZZ_SECONDS = 20
FUZZ_TARGETS = tests/fuzz/fuzz_parse$(EXEEXT) tests/fuzz/fuzz_import$(EXEEXT) \
	tests/fuzz/fuzz_akn$(EXEEXT) tests/fuzz/fuzz_pdf_stream$(EXEEXT) \
	tests/fuzz/fuzz_pdf_quick$(EXEEXT)
if HAVE_MUPDF
FUZZ_TARGETS += tests/fuzz/fuzz_pdf$(EXEEXT)
endif

if FUZZING
noinst_PROGRAMS = $(FUZZ_TARGETS)
tests_fuzz_fuzz_parse_SOURCES = tests/fuzz/fuzz_parse.c
tests_fuzz_fuzz_parse_LDFLAGS = -fsanitize=fuzzer
tests_fuzz_fuzz_parse_LDADD = src/libgavel.a $(SQLITE_LIBS) $(FRIBIDI_LIBS)
tests_fuzz_fuzz_import_SOURCES = tests/fuzz/fuzz_import.c
tests_fuzz_fuzz_import_LDFLAGS = -fsanitize=fuzzer
tests_fuzz_fuzz_import_LDADD = src/libgavel.a $(SQLITE_LIBS) $(FRIBIDI_LIBS)
tests_fuzz_fuzz_akn_SOURCES = tests/fuzz/fuzz_akn.c
tests_fuzz_fuzz_akn_LDFLAGS = -fsanitize=fuzzer
tests_fuzz_fuzz_akn_LDADD = src/libgavel.a $(SQLITE_LIBS) $(FRIBIDI_LIBS)
tests_fuzz_fuzz_pdf_stream_SOURCES = tests/fuzz/fuzz_pdf_stream.c tests/fuzz/fuzz-model.h
tests_fuzz_fuzz_pdf_stream_LDFLAGS = -fsanitize=fuzzer
tests_fuzz_fuzz_pdf_stream_LDADD = src/libgavel.a $(SQLITE_LIBS) $(FRIBIDI_LIBS)
tests_fuzz_fuzz_pdf_quick_SOURCES = tests/fuzz/fuzz_pdf_quick.c tests/fuzz/fuzz-model.h
tests_fuzz_fuzz_pdf_quick_LDFLAGS = -fsanitize=fuzzer
tests_fuzz_fuzz_pdf_quick_LDADD = src/libgavel.a $(SQLITE_LIBS) $(FRIBIDI_LIBS)
tests_fuzz_fuzz_pdf_SOURCES = tests/fuzz/fuzz_pdf.c tests/fuzz/fuzz-model.h src/doc/pdf-mupdf.c
tests_fuzz_fuzz_pdf_CFLAGS = $(AM_CFLAGS) $(MUPDF_CFLAGS)
tests_fuzz_fuzz_pdf_LDFLAGS = -fsanitize=fuzzer
tests_fuzz_fuzz_pdf_LDADD = src/libgavel.a $(SQLITE_LIBS) $(FRIBIDI_LIBS) $(MUPDF_LIBS)

# Each target for FUZZ_SECONDS (override: make fuzz-smoke FUZZ_SECONDS=600); fails on a crash.
fuzz-smoke: $(FUZZ_TARGETS)
	$(SHELL) $(srcdir)/tests/fuzz/fuzz-smoke.sh '$(srcdir)' '$(builddir)' $(FUZZ_SECONDS) $(FUZZ_TARGETS)
else
fuzz-smoke:
	@echo "fuzz-smoke: configure with 'CC=clang ./configure --enable-fuzzing' first" >&2; exit 1
endif
.PHONY: fuzz-smoke
