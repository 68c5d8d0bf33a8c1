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
fidelity: tests/fidelity/fidelity$(EXEEXT)
	@corpus='$(CORPUS)'; \
	for c in '$(abs_top_srcdir)/../shared/corpus' '$(abs_top_srcdir)/../../shared/corpus' /work/shared/corpus; do \
		if [ -z "$$corpus" ] && [ -d "$$c/akn" ]; then corpus=$$c; fi; \
	done; \
	if [ -z "$$corpus" ]; then echo "fidelity: no corpus; say CORPUS=DIR" >&2; exit 66; fi; \
	echo "fidelity: $$corpus"; \
	tests/fidelity/fidelity$(EXEEXT) $(FIDELITY_ARGS) "$$corpus"
.PHONY: fidelity
