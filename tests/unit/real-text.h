/* real-text.h: the real texts the fast paths' tests hold them against, the same resolution
 * (A/RES/78/217) in the six languages and a Security Council text, read from the source tree.
 * For a test file that includes cmocka.h. */
#ifndef GAVEL_TESTS_REAL_TEXT_H
#define GAVEL_TESTS_REAL_TEXT_H

#include <stdio.h>

static const char *const real_text_files[] = {
	"/tests/data/akn/ga-6/78_217/English.xml", "/tests/data/akn/ga-6/78_217/French.xml",
	"/tests/data/akn/ga-6/78_217/Spanish.xml", "/tests/data/akn/ga-6/78_217/Russian.xml",
	"/tests/data/akn/ga-6/78_217/Chinese.xml", "/tests/data/akn/ga-6/78_217/Arabic.xml",
	"/tests/data/sc/s-res-0242-1967.txt",
};
#define REAL_TEXT_LANGUAGES 6     /* the first six: the six languages */
#define REAL_TEXT_FILES (sizeof real_text_files / sizeof real_text_files[0])

/* Up to size bytes of real_text_files[f] from byte `skip`, into buf; their count, which is
 * more than 1,000 (the test fails otherwise). */
static inline size_t real_text_read(size_t f, long skip, char *buf, size_t size)
{
	char path[512];
	snprintf(path, sizeof path, "%s%s", ABS_TOP_SRCDIR, real_text_files[f]);
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	if (skip)
		assert_int_equal(fseek(fp, skip, SEEK_SET), 0);
	size_t n = fread(buf, 1, size, fp);
	fclose(fp);
	assert_true(n > 1000);
	return n;
}

#endif
