# src/doc/local.mk: the document model and parsers (no curses, no SQLite)
src_libgavel_a_SOURCES += src/doc/resolution.c src/doc/resolution.h src/doc/parse.h \
	src/doc/parse.c src/doc/shape.c src/doc/shape.h src/doc/json.c src/doc/json.h src/doc/blocks.h src/doc/lang.h
src_libgavel_a_SOURCES += src/doc/lang.c
check_PROGRAMS += tests/unit/test_lang
TESTS += tests/unit/test_lang
tests_unit_test_lang_SOURCES = tests/unit/test_lang.c
tests_unit_test_lang_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_lang_LDADD = $(UNIT_LDADD)
src_libgavel_a_SOURCES += src/doc/input.c src/doc/input.h src/doc/blocks.c src/doc/shape-ods.c \
	src/doc/build.c src/doc/build.h src/doc/build-kind.c src/doc/build-block.c \
	src/doc/build-para.c src/doc/idset.c src/doc/idset.h src/doc/build-meta.c src/doc/refs.c src/doc/refs.h
src_libgavel_a_SOURCES += src/doc/shape-pdf.c src/doc/shape-plain.c src/doc/shape-md.c src/doc/detect.c \
	src/doc/assemble.c src/doc/assemble.h src/doc/unwrap.c src/doc/unwrap.h \
	src/doc/furniture.c src/doc/furniture.h
src_libgavel_a_SOURCES += src/doc/bytes.h
check_PROGRAMS += tests/unit/test_shape_pdf tests/unit/test_shape_plain tests/unit/test_detect
TESTS += tests/unit/test_shape_pdf tests/unit/test_shape_plain tests/unit/test_detect
tests_unit_test_shape_pdf_SOURCES = tests/unit/test_shape_pdf.c
tests_unit_test_shape_pdf_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_shape_pdf_LDADD = $(UNIT_LDADD)
tests_unit_test_shape_plain_SOURCES = tests/unit/test_shape_plain.c
tests_unit_test_shape_plain_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_shape_plain_LDADD = $(UNIT_LDADD)
tests_unit_test_detect_SOURCES = tests/unit/test_detect.c
tests_unit_test_detect_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_detect_LDADD = $(UNIT_LDADD)
check_PROGRAMS += tests/unit/test_parse tests/unit/test_input tests/unit/test_refs \
	tests/unit/test_json tests/unit/test_build tests/unit/test_resolution
TESTS += tests/unit/test_parse tests/unit/test_input tests/unit/test_refs \
	tests/unit/test_json tests/unit/test_build tests/unit/test_resolution
tests_unit_test_parse_SOURCES = tests/unit/test_parse.c
tests_unit_test_parse_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_parse_LDADD = $(UNIT_LDADD)
tests_unit_test_input_SOURCES = tests/unit/test_input.c
tests_unit_test_input_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_input_LDADD = $(UNIT_LDADD)
tests_unit_test_refs_SOURCES = tests/unit/test_refs.c
tests_unit_test_refs_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_refs_LDADD = $(UNIT_LDADD)
tests_unit_test_json_SOURCES = tests/unit/test_json.c
tests_unit_test_json_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_json_LDADD = $(UNIT_LDADD)
tests_unit_test_build_SOURCES = tests/unit/test_build.c
tests_unit_test_build_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_build_LDADD = $(UNIT_LDADD)
tests_unit_test_resolution_SOURCES = tests/unit/test_resolution.c
tests_unit_test_resolution_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_resolution_LDADD = $(UNIT_LDADD)
# Security Council texts of the printed volumes (issue 12, corpus/sc-more), rule by rule
check_PROGRAMS += tests/unit/test_build_sc
TESTS += tests/unit/test_build_sc
tests_unit_test_build_sc_SOURCES = tests/unit/test_build_sc.c
tests_unit_test_build_sc_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_build_sc_LDADD = $(UNIT_LDADD)
TESTS += tests/e2e/parse-cli.sh
EXTRA_DIST += tests/e2e/parse-cli.sh
# Several threads ($GAVEL_THREADS) give what one gives.
TESTS += tests/e2e/threads.sh
EXTRA_DIST += tests/e2e/threads.sh
TESTS += tests/e2e/shapes.sh
EXTRA_DIST += tests/e2e/shapes.sh tests/e2e/shapes-check.py tests/data/gen-variants.py \
	tests/data/shapes/pdf-ga-3pages.txt tests/data/shapes/sc-parts.txt \
	tests/data/shapes/pdf-sc-2pages.txt tests/data/shapes/pdf-ga-annex.txt \
	tests/data/shapes/ga-declaration.txt tests/data/shapes/compilation-3.txt \
	tests/data/shapes/cp1252.txt tests/data/shapes/lang-en.txt tests/data/shapes/lang-fr.txt \
	tests/data/shapes/lang-es.txt tests/data/shapes/lang-ru.txt tests/data/shapes/lang-zh.txt \
	tests/data/shapes/lang-ar.txt tests/data/shapes/pdf-ga-modern.txt \
	tests/data/shapes/pdf-sc-seized.txt tests/data/shapes/ga-two-annexes.txt \
	tests/data/shapes/hrc.txt tests/data/shapes/ecosoc.txt tests/data/shapes/pdf-fr.txt \
	tests/data/shapes/plain-es.txt tests/data/shapes/compilation-decision.txt \
	tests/data/shapes/pdf-hrc.txt tests/data/shapes/ga-old-style.txt \
	tests/data/shapes/hrc-fr.txt tests/data/shapes/sc-fr.txt tests/data/shapes/sc-es.txt \
	tests/data/shapes/sc-ru.txt
EXTRA_DIST += tests/data/sc/s-res-0101-1953.txt tests/data/sc/s-res-0242-1967.txt \
	tests/data/sc/s-res-0687-1991.txt tests/data/sc/s-res-1454-2002.txt
# A large file's opening at once, the whole in a thread (the reader, issue 7).
# The UN's machine-readable resolutions, AKN4UN XML (issue 11), read with libxml2.
src_libgavel_a_SOURCES += src/doc/akn.c src/doc/akn.h src/doc/akn-text.c src/doc/akn-meta.c \
	src/doc/record.c src/doc/record.h src/doc/align.c src/doc/align.h
TESTS += tests/e2e/akn.sh tests/e2e/reader-with.sh
EXTRA_DIST += tests/e2e/reader-with.sh
check_PROGRAMS += tests/unit/test_akn tests/unit/test_align tests/unit/test_view_with
TESTS += tests/unit/test_akn tests/unit/test_align tests/unit/test_view_with
tests_unit_test_view_with_SOURCES = tests/unit/test_view_with.c
tests_unit_test_view_with_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_view_with_LDADD = $(UNIT_LDADD)
tests_unit_test_align_SOURCES = tests/unit/test_align.c
tests_unit_test_align_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_align_LDADD = $(UNIT_LDADD)
tests_unit_test_akn_SOURCES = tests/unit/test_akn.c
tests_unit_test_akn_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_akn_LDADD = $(UNIT_LDADD)
EXTRA_DIST += tests/e2e/akn.sh tests/e2e/akn-check.py tests/data/akn
src_libgavel_a_SOURCES += src/doc/bgparse.c src/doc/bgparse.h
check_PROGRAMS += tests/unit/test_bgparse
TESTS += tests/unit/test_bgparse
tests_unit_test_bgparse_SOURCES = tests/unit/test_bgparse.c
tests_unit_test_bgparse_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_bgparse_LDADD = $(UNIT_LDADD)
# The official PDF (issue 13): gavel reads the page stream of the helper gavel-pdf, the only
# program that links MuPDF.
src_libgavel_a_SOURCES += src/doc/pdf.c src/doc/pdf.h src/doc/pdf-int.h src/doc/pdf-stream.c \
	src/doc/pdf-layout.c src/doc/pdf-cache.c
# gavel's own reading of a plain PDF's first pages (pdf-quick.h), beside the helper
src_libgavel_a_SOURCES += src/doc/pdf-quick.c src/doc/pdf-quick.h src/doc/pdf-chars.h
if HAVE_MUPDF
pkglibexec_PROGRAMS = src/gavel-pdf
src_gavel_pdf_SOURCES = src/gavel-pdf.c src/doc/pdf-mupdf.c src/doc/pdf-mupdf.h
src_gavel_pdf_CFLAGS = $(AM_CFLAGS) $(MUPDF_CFLAGS)
src_gavel_pdf_LDADD = $(MUPDF_LIBS) -lm
src_gavel_pdf_LDFLAGS = $(GAVEL_PDF_LDFLAGS)
endif
# Each PDF in tests/data/pdf/ against its gold; the pdftotext text of the same PDFs against
# the same gold.
TESTS += tests/e2e/pdf.sh tests/e2e/pdf-text.sh
EXTRA_DIST += tests/e2e/pdf.sh tests/e2e/pdf-text.sh tests/e2e/pdf-check.py \
	tests/data/pdf/README tests/data/pdf/gen-akn-pdf.py tests/data/pdf/gold-to-akn.py tests/data/pdf/gold \
	tests/data/pdf/A_RES_73_3-EN.pdf tests/data/pdf/A_RES_73_3-EN.gold.json tests/data/pdf/A_RES_73_3-EN.txt \
	tests/data/pdf/A_RES_73_6-EN.pdf tests/data/pdf/A_RES_73_6-EN.gold.json tests/data/pdf/A_RES_73_6-EN.txt \
	tests/data/pdf/A_RES_73_7-EN.pdf tests/data/pdf/A_RES_73_7-EN.gold.json tests/data/pdf/A_RES_73_7-EN.txt \
	tests/data/pdf/gen
check_PROGRAMS += tests/unit/test_pdf
TESTS += tests/unit/test_pdf
tests_unit_test_pdf_SOURCES = tests/unit/test_pdf.c
tests_unit_test_pdf_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_pdf_LDADD = $(UNIT_LDADD)
check_PROGRAMS += tests/unit/test_pdf_quick
TESTS += tests/unit/test_pdf_quick
tests_unit_test_pdf_quick_SOURCES = tests/unit/test_pdf_quick.c
tests_unit_test_pdf_quick_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_pdf_quick_LDADD = $(UNIT_LDADD)
# Malformed, hostile and unreadable PDFs, and a PDF reader that crashes, hangs or floods.
TESTS += tests/bad/bad-pdf.sh
EXTRA_DIST += tests/bad/bad-pdf.sh tests/data/pdf/bad tests/data/pdf/quick
