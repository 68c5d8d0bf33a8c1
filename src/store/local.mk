# src/store/local.mk: the SQLite store of annotations and reading positions
src_libgavel_a_SOURCES += src/store/annotation.h src/store/annotation.c src/store/store.h \
	src/store/store.c src/store/store-int.h src/store/store-check.c src/store/store-doc.c src/store/store-annot.c \
	src/store/store-position.c \
	src/store/schema.h src/store/schema.c src/store/anchor.h src/store/anchor.c \
	src/store/sha256.h src/store/sha256.c src/store/uuid.h src/store/uuid.c \
	src/store/store-import.c

STORE_UNIT_TESTS = tests/unit/test_sha256 tests/unit/test_uuid tests/unit/test_anchor \
	tests/unit/test_schema tests/unit/test_store tests/unit/test_store_check
check_PROGRAMS += $(STORE_UNIT_TESTS)
TESTS += $(STORE_UNIT_TESTS)
EXTRA_DIST += tests/unit/store-fixture.h
EXTRA_DIST += tests/unit/real-text.h
tests_unit_test_sha256_SOURCES = tests/unit/test_sha256.c
tests_unit_test_sha256_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_sha256_LDADD = $(UNIT_LDADD)
tests_unit_test_uuid_SOURCES = tests/unit/test_uuid.c
tests_unit_test_uuid_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_uuid_LDADD = $(UNIT_LDADD)
tests_unit_test_anchor_SOURCES = tests/unit/test_anchor.c
tests_unit_test_anchor_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_anchor_LDADD = $(UNIT_LDADD)
tests_unit_test_schema_SOURCES = tests/unit/test_schema.c
tests_unit_test_schema_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_schema_LDADD = $(UNIT_LDADD)
tests_unit_test_store_SOURCES = tests/unit/test_store.c
tests_unit_test_store_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_store_LDADD = $(UNIT_LDADD)
tests_unit_test_store_check_SOURCES = tests/unit/test_store_check.c tests/e2e/store-damage.h
tests_unit_test_store_check_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_store_check_LDADD = $(UNIT_LDADD)

# Crash and concurrency tests: a writer/checker program driven by shell scripts; damaged
# databases made by store-damage (issue 18).
check_PROGRAMS += tests/e2e/store-burst tests/e2e/store-damage
tests_e2e_store_damage_SOURCES = tests/e2e/store-damage.c tests/e2e/store-damage.h
tests_e2e_store_damage_CFLAGS = $(AM_CFLAGS)
tests_e2e_store_damage_LDADD = $(SQLITE_LIBS)
tests_e2e_store_burst_SOURCES = tests/e2e/store-burst.c
tests_e2e_store_burst_CFLAGS = $(AM_CFLAGS)
tests_e2e_store_burst_LDADD = src/libgavel.a $(SQLITE_LIBS)
TESTS += tests/e2e/notes-cli.sh tests/e2e/store-crash.sh tests/e2e/store-concurrency.sh \
	tests/e2e/store-damage.sh
EXTRA_DIST += tests/e2e/notes-cli.sh tests/e2e/store-crash.sh tests/e2e/store-concurrency.sh \
	tests/e2e/store-damage.sh
