/* test_uuid.c: version and variant bits, shape, and no repeats. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "store/uuid.h"

static void shape_and_bits(void **state)
{
	(void)state;
	char id[37];
	for (int i = 0; i < 100; i++) {
		assert_int_equal(uuid_v4(id), 0);
		assert_int_equal(strlen(id), 36);
		assert_true(uuid_valid(id));
		assert_int_equal(id[14], '4');
		assert_non_null(strchr("89ab", id[19]));
		for (const char *c = id; *c; c++)
			assert_true(*c == '-' || (*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'f'));
	}
}

static void no_repeats(void **state)
{
	(void)state;
	static char ids[1000][37];
	for (int i = 0; i < 1000; i++)
		assert_int_equal(uuid_v4(ids[i]), 0);
	for (int i = 0; i < 1000; i++)
		for (int j = i + 1; j < 1000; j++)
			assert_string_not_equal(ids[i], ids[j]);
}

static void validity(void **state)
{
	(void)state;
	assert_true(uuid_valid("3F2A0B1C-1111-4222-8333-444455556666"));
	assert_false(uuid_valid(NULL));
	assert_false(uuid_valid(""));
	assert_false(uuid_valid("3f2a0b1c-1111-4222-8333-44445555666"));    /* short */
	assert_false(uuid_valid("3f2a0b1c-1111-4222-8333-4444555566667"));  /* long */
	assert_false(uuid_valid("3f2a0b1c_1111-4222-8333-444455556666"));   /* separator */
	assert_false(uuid_valid("3f2a0b1c-1111-4222-8333-44445555666g"));   /* not hex */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shape_and_bits),
		cmocka_unit_test(no_repeats),
		cmocka_unit_test(validity),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
