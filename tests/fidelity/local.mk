# tests/fidelity/local.mk: `make fidelity` (outside make check): gavel's model of every shape of
# a resolution against its model of the UN's XML, over the reference corpus (issue 11).
#   make fidelity                          the corpus beside the checkout (../shared/corpus)
#   make fidelity CORPUS=DIR               another one
#   make fidelity FIDELITY_ARGS='--verbose --min exact=95'
EXTRA_PROGRAMS += tests/fidelity/fidelity
tests_fidelity_fidelity_SOURCES = tests/fidelity/fidelity.c
tests_fidelity_fidelity_LDADD = src/libgavel.a $(SQLITE_LIBS) $(FRIBIDI_LIBS)
CORPUS =
FIDELITY_ARGS =
# the official PDFs (pdf/) are read through the helper, and compared with the gold written by
# reading them (tests/data/pdf/gold: they have no XML of their own)
if HAVE_MUPDF
FIDELITY_PDF = src/gavel-pdf$(EXEEXT)
endif
fidelity: tests/fidelity/fidelity$(EXEEXT) $(FIDELITY_PDF)
	@corpus='$(CORPUS)'; \
	for c in '$(abs_top_srcdir)/../shared/corpus' '$(abs_top_srcdir)/../../shared/corpus' /work/shared/corpus; do \
		if [ -z "$$corpus" ] && [ -d "$$c/akn" ]; then corpus=$$c; fi; \
	done; \
	if [ -z "$$corpus" ]; then echo "fidelity: no corpus; say CORPUS=DIR" >&2; exit 66; fi; \
	echo "fidelity: $$corpus"; \
	GAVEL_PDF_HELPER=$${GAVEL_PDF_HELPER:-'$(abs_top_builddir)/src/gavel-pdf'} \
	tests/fidelity/fidelity$(EXEEXT) --gold '$(abs_top_srcdir)/tests/data/pdf/gold' \
		$(FIDELITY_ARGS) "$$corpus"
.PHONY: fidelity
