# bench/local.mk: `make bench` builds the benchmark helpers (linking libgavel.a) and runs the
# side-by-side benchmark (bench/run.py): gavel against fold, grep, less and the sqlite3 shell.
# Helpers that do not link yet (a layer not landed) are skipped; run.py says "not available".
BENCH_PROGS = bench/bench_parse bench/bench_wrap bench/bench_search bench/bench_store
EXTRA_PROGRAMS = $(BENCH_PROGS)
BENCH_LDADD = src/libgavel.a $(SQLITE_LIBS) $(FRIBIDI_LIBS) $(ZSTD_LIBS) $(ZLIB_LIBS)
bench_bench_parse_SOURCES = bench/bench_parse.c bench/bench.h
bench_bench_parse_LDADD = $(BENCH_LDADD)
bench_bench_wrap_SOURCES = bench/bench_wrap.c bench/bench.h
bench_bench_wrap_LDADD = $(BENCH_LDADD)
bench_bench_search_SOURCES = bench/bench_search.c bench/bench.h
bench_bench_search_LDADD = $(BENCH_LDADD)
bench_bench_store_SOURCES = bench/bench_store.c bench/bench.h
bench_bench_store_LDADD = $(BENCH_LDADD)
EXTRA_DIST += bench/run.py bench/gen.py bench/README bench/genlib.py bench/library.py

# BENCH_ARGS: e.g. --quick (5 MB, one run) or --runs 5.
BENCH_ARGS =
bench:
	-@$(MAKE) $(AM_MAKEFLAGS) -k src/gavel$(EXEEXT) $(BENCH_PROGS) 2>&1 | grep -E 'error|Error' || true
	python3 $(srcdir)/bench/run.py --srcdir '$(srcdir)' --builddir '$(builddir)' $(BENCH_ARGS)
.PHONY: bench
