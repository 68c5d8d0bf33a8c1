/* test_buf.c: the growable buffer: bytes stay NUL-terminated, grow by doubling, hand over;
 * arrays grow to what is needed, with and without a stored capacity. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/buf.h"

static void bytes(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_null(b.s);
	assert_int_equal(buf_add(&b, "", 0), 0);
	assert_non_null(b.s);
	assert_string_equal(b.s, "");
	assert_int_equal(buf_adds(&b, "Recalling"), 0);
	assert_int_equal(buf_addc(&b, ' '), 0);
	assert_int_equal(buf_printf(&b, "resolution %d/%d", 57, 218), 0);
	assert_string_equal(b.s, "Recalling resolution 57/218");
	assert_int_equal(b.n, strlen(b.s));
	for (int i = 0; i < 10000; i++)
		assert_int_equal(buf_addc(&b, 'x'), 0);
	assert_int_equal(b.n, 27 + 10000);
	assert_true(b.cap > b.n);
	assert_int_equal(b.s[b.n], '\0');
	/* a long formatted piece goes past the small stack copy */
	char big[300];
	memset(big, 'y', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	buf_clear(&b);
	assert_int_equal(b.n, 0);
	assert_string_equal(b.s, "");
	assert_int_equal(buf_printf(&b, "<%s>", big), 0);
	assert_int_equal(b.n, 301);
	assert_int_equal(b.s[0], '<');
	assert_int_equal(b.s[300], '>');
	size_t n;
	char *s = buf_steal(&b, &n);
	assert_int_equal(n, 301);
	assert_null(b.s);
	assert_int_equal(b.n, 0);
	free(s);
	/* overflow is refused, not wrapped */
	b.n = 10;
	assert_int_equal(buf_reserve(&b, SIZE_MAX - 5), -1);
	b.n = 0;
	buf_free(&b);
	assert_null(buf_steal(&b, NULL));
}

static void arrays(void **state)
{
	(void)state;
	int *v = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < 1000; i++) {
		int *nv = buf_array(v, &cap, i + 1, sizeof *v);
		assert_non_null(nv);
		v = nv;
		assert_true(cap >= i + 1);
		v[i] = (int)i;
	}
	assert_int_equal(v[999], 999);
	/* no growth when there is room */
	size_t c0 = cap;
	assert_ptr_equal(buf_array(v, &cap, 10, sizeof *v), v);
	assert_int_equal(cap, c0);
	assert_null(buf_array(v, &cap, SIZE_MAX / 2, sizeof *v));
	assert_int_equal(cap, c0);
	free(v);
	/* without a stored capacity */
	double *d = NULL;
	for (size_t n = 0; n < 1000; n++) {
		double *nd = buf_array_push(d, n, sizeof *d);
		assert_non_null(nd);
		d = nd;
		d[n] = (double)n;
	}
	assert_true(d[999] == 999.0);
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bytes),
		cmocka_unit_test(arrays),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
