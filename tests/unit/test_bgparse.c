/* test_bgparse.c: a large file's opening (parse_file_prefix) and the whole parsed in a thread
 * (bgparse): the opening's resolutions are the whole file's, to the byte. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "doc/bgparse.h"
#include "doc/input.h"
#include "doc/parse.h"

#define SAMPLE ABS_TOP_SRCDIR "/share/a-res-58-190-en.ods.txt"
#define NDOCS 60

static char *read_sample(size_t *len)
{
	char *buf;
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	assert_int_equal(input_read(SAMPLE, &buf, len, &d), 0);
	return buf;
}

/* A compilation: the sample NDOCS times, as 58/1 .. 58/NDOCS. */
static void write_compilation(const char *path)
{
	size_t len;
	char *s = read_sample(&len);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	for (int k = 1; k <= NDOCS; k++) {
		char num[16];
		int nl = snprintf(num, sizeof num, "58/%d", k);
		for (size_t i = 0; i < len; i++) {
			if (i + 6 <= len && memcmp(s + i, "58/190", 6) == 0) {
				fwrite(num, 1, (size_t)nl, f);
				i += 5;
			} else {
				fputc(s[i], f);
			}
		}
	}
	assert_int_equal(fclose(f), 0);
	free(s);
}

static int setup(void **state)
{
	char *path = strdup("/tmp/gavel-test-bgparse.XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	write_compilation(path);
	*state = path;
	return 0;
}

static int teardown(void **state)
{
	unlink(*state);
	free(*state);
	return 0;
}

static void same_doc(const struct resolution *a, const struct resolution *b)
{
	assert_string_equal(a->meta.symbol, b->meta.symbol);
	assert_int_equal(a->npara, b->npara);
	for (size_t i = 0; i < a->npara; i++) {
		assert_string_equal(a->paras[i].id, b->paras[i].id);
		assert_int_equal(a->paras[i].text_len, b->paras[i].text_len);
		assert_memory_equal(a->paras[i].text, b->paras[i].text, a->paras[i].text_len);
		assert_int_equal(a->paras[i].nmarks, b->paras[i].nmarks);
		assert_int_equal(a->paras[i].nrefs, b->paras[i].nrefs);
	}
}

static void prefix_is_the_first_resolution(void **state)
{
	const char *path = *state;
	struct collection *pre = NULL, *all = NULL;
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	int partial = -1;
	assert_int_equal(parse_file_prefix(path, 64 << 10, INPUT_AUTO, &pre, &partial, &d), 0);
	assert_int_equal(partial, 0);
	/* 64 KB hold three whole 16 KB resolutions: the first is built, the same as in the
	 * whole file; the others are left for the whole. */
	assert_int_equal(pre->ndocs, 1);
	assert_int_equal(parse_file(path, INPUT_AUTO, &all, &d), 0);
	assert_int_equal(all->ndocs, NDOCS);
	same_doc(pre->docs[0], all->docs[0]);
	collection_free(pre);
	collection_free(all);
}

static void prefix_inside_the_first(void **state)
{
	(void)state;
	struct collection *pre = NULL;
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	int partial = 0;
	assert_int_equal(parse_file_prefix(SAMPLE, 4096, INPUT_AUTO, &pre, &partial, &d), 0);
	assert_int_equal(partial, 1);
	assert_int_equal(pre->ndocs, 1);
	assert_string_equal(pre->docs[0]->meta.symbol, "A/RES/58/190");
	collection_free(pre);
}

static void prefix_not_applicable(void **state)
{
	const char *path = *state;
	struct collection *pre = NULL;
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	int partial;
	/* Small enough to read whole, missing, a directory. */
	assert_int_equal(parse_file_prefix(path, 64 << 20, INPUT_AUTO, &pre, &partial, &d), -1);
	assert_null(pre);
	assert_int_equal(parse_file_prefix("/nonexistent/x", 4096, INPUT_AUTO, &pre, &partial, &d), -1);
	assert_int_equal(parse_file_prefix("/tmp", 4096, INPUT_AUTO, &pre, &partial, &d), -1);
	/* Not UTF-8 (Latin-1): the whole file decides its encoding. */
	char tpl[] = "/tmp/gavel-test-latin.XXXXXX";
	int fd = mkstemp(tpl);
	assert_true(fd >= 0);
	char line[] = "\tThe General Assembly, caf\xe9\n";
	for (int i = 0; i < 400; i++)
		assert_int_equal(write(fd, line, sizeof line - 1), (ssize_t)(sizeof line - 1));
	close(fd);
	assert_int_equal(parse_file_prefix(tpl, 4096, INPUT_AUTO, &pre, &partial, &d), -1);
	assert_null(pre);
	unlink(tpl);
}

static void background_parse(void **state)
{
	const char *path = *state;
	struct bgparse *b = bgparse_start(path, INPUT_AUTO);
	assert_non_null(b);
	struct collection *col = NULL;
	struct parse_diag d;
	int rc = -1;
	while (!bgparse_wait(b, 100))
		;
	assert_int_equal(bgparse_take(b, &col, &rc, &d), 1);
	assert_int_equal(rc, 0);
	assert_non_null(col);
	assert_int_equal(col->ndocs, NDOCS);
	/* Handed over once. */
	struct collection *again = NULL;
	assert_int_equal(bgparse_take(b, &again, &rc, &d), 0);
	assert_null(again);
	bgparse_end(b);
	collection_free(col);

	/* A failure comes back as parse_file's code and reason. */
	b = bgparse_start("/nonexistent/file", INPUT_AUTO);
	assert_non_null(b);
	assert_int_equal(bgparse_wait(b, 10000), 1);
	assert_int_equal(bgparse_take(b, &col, &rc, &d), 1);
	assert_null(col);
	assert_int_equal(rc, 66);
	assert_true(d.reason[0] != '\0');
	bgparse_end(b);

	/* Ended before being taken: freed by bgparse_end (the sanitizers check it). */
	b = bgparse_start(path, INPUT_AUTO);
	assert_non_null(b);
	assert_int_equal(bgparse_wait(b, 60000), 1);
	bgparse_end(b);
	bgparse_end(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(prefix_is_the_first_resolution),
		cmocka_unit_test(prefix_inside_the_first),
		cmocka_unit_test(prefix_not_applicable),
		cmocka_unit_test(background_parse),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
