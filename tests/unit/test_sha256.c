/* test_sha256.c: the FIPS 180-4 test vectors, and feeding in pieces. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "store/sha256.h"

static void hex_of(const char *data, size_t n, char hex[65])
{
	struct sha256 h;
	unsigned char d[32];
	sha256_init(&h);
	sha256_update(&h, data, n);
	sha256_final(&h, d);
	sha256_hex(d, hex);
}

static void vectors(void **state)
{
	(void)state;
	char hex[65];
	hex_of("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	hex_of("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	hex_of(two, strlen(two), hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void pieces_and_million(void **state)
{
	(void)state;
	/* One million 'a' fed in uneven pieces crosses every buffer boundary case. */
	char chunk[997];
	memset(chunk, 'a', sizeof chunk);
	struct sha256 h;
	unsigned char d[32];
	char hex[65];
	sha256_init(&h);
	size_t left = 1000000, step = 1;
	while (left) {
		size_t n = step < left ? step : left;
		if (n > sizeof chunk)
			n = sizeof chunk;
		sha256_update(&h, chunk, n);
		left -= n;
		step = step * 7 % 1000 + 1;
	}
	sha256_final(&h, d);
	sha256_hex(d, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vectors),
		cmocka_unit_test(pieces_and_million),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
