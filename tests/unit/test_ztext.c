/* test_ztext.c: packed texts: back as they were, with and without a dictionary, raw when
 * nothing is won, older dictionaries still read, damage refused. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "library/ztext.h"

/* Paragraphs as resolutions write them: the same phrases over and over, a few words apart. */
static char *para(unsigned i)
{
	static const char *const leads[] = { "Requests the Secretary-General to submit to the "
		"General Assembly at its", "Calls upon all States to take all appropriate measures to",
		"Reaffirms the importance of international cooperation in the field of",
		"Encourages Member States to consider ratifying or acceding to the Convention on" };
	static const char *const words[] = { "migrants", "lighthouse keepers", "seafarers",
		"inland waterways", "the protection of children", "sustainable development" };
	char *s;
	if (asprintf(&s, "%s %s session a report on %s, including %u measures;", leads[i % 4],
	             words[(i / 4) % 6], words[(i / 7) % 6], i) < 0)
		abort();
	return s;
}

static void roundtrip(struct ztext *z, const char *t, size_t n, size_t *packed)
{
	unsigned char *p;
	size_t pl;
	assert_int_equal(ztext_pack(z, t, n, &p, &pl), 0);
	char *back;
	size_t bl;
	assert_int_equal(ztext_unpack(z, p, pl, &back, &bl, NULL), 0);
	assert_int_equal(bl, n);
	assert_memory_equal(back, t, n);
	assert_int_equal(back[n], '\0');
	if (packed)
		*packed += pl;
	free(back);
	free(p);
}

static void with_a_dictionary(void **state)
{
	(void)state;
	enum { N = 3000 };
	char *texts[N];
	size_t lens[N], total = 0;
	for (unsigned i = 0; i < N; i++) {
		texts[i] = para(i);
		lens[i] = strlen(texts[i]);
		total += lens[i];
	}
	unsigned char *dict;
	size_t dlen;
	assert_int_equal(ztext_train((const char *const *)texts, lens, N, 16384, &dict, &dlen), 0);
	struct ztext *plain, *z;
	assert_int_equal(ztext_new(NULL, 0, 0, &plain), 0);
	assert_int_equal(ztext_new(dict, dlen, 7, &z), 0);
	assert_int_equal(ztext_dict_id(z), 7);
	size_t without = 0, with = 0;
	for (unsigned i = 0; i < N; i++) {
		roundtrip(plain, texts[i], lens[i], &without);
		roundtrip(z, texts[i], lens[i], &with);
	}
	/* short texts barely shrink alone; against the dictionary they do */
	assert_true(with * 2 < total);
	assert_true(with < without);
	/* a text packed with dictionary 7 needs it: a packer without it says which it needs */
	unsigned char *p;
	size_t pl;
	assert_int_equal(ztext_pack(z, texts[5], lens[5], &p, &pl), 0);
	char *back;
	size_t bl;
	int64_t missing = 0;
	assert_int_equal(ztext_unpack(plain, p, pl, &back, &bl, &missing), -2);
	assert_int_equal(missing, 7);
	assert_int_equal(ztext_add_dict(plain, dict, dlen, 7), 0);
	assert_int_equal(ztext_unpack(plain, p, pl, &back, &bl, NULL), 0);
	assert_string_equal(back, texts[5]);
	free(back);
	/* an unpacker made with dictionary 7 reads it, and packs nothing */
	struct ztext *reader;
	assert_int_equal(ztext_reader(dict, dlen, 7, &reader), 0);
	assert_int_equal(ztext_dict_id(reader), 7);
	assert_int_equal(ztext_unpack(reader, p, pl, &back, &bl, NULL), 0);
	assert_string_equal(back, texts[5]);
	free(back);
	unsigned char *rp = NULL;
	size_t rpl = 0;
	assert_int_equal(ztext_pack(reader, texts[5], lens[5], &rp, &rpl), -1);
	assert_null(rp);
	ztext_free(reader);
	/* damage: every cut and a flipped byte are refused, never read past */
	for (size_t cut = 0; cut < pl; cut++)
		assert_true(ztext_unpack(z, p, cut, &back, &bl, NULL) != 0 ||
		            (free(back), cut > 0 && p[0] == 'R'));
	p[pl / 2] ^= 0x55;
	int rc = ztext_unpack(z, p, pl, &back, &bl, NULL);
	assert_true(rc == -2 || (rc == 0 && (free(back), 1)));
	free(p);
	for (unsigned i = 0; i < N; i++)
		free(texts[i]);
	free(dict);
	ztext_free(plain);
	ztext_free(z);
}

static void raw_and_empty(void **state)
{
	(void)state;
	struct ztext *z;
	assert_int_equal(ztext_new(NULL, 0, 0, &z), 0);
	roundtrip(z, "", 0, NULL);
	roundtrip(z, "x", 1, NULL);
	unsigned char *p;
	size_t pl;
	assert_int_equal(ztext_pack(z, "abc", 3, &p, &pl), 0);
	assert_int_equal(p[0], 'R');              /* nothing won: raw */
	assert_int_equal(pl, 4);
	free(p);
	char *back;
	size_t bl;
	assert_int_equal(ztext_unpack(z, (const unsigned char *)"Q", 1, &back, &bl, NULL), -2);
	assert_int_equal(ztext_unpack(z, (const unsigned char *)"", 0, &back, &bl, NULL), -2);
	/* too little to learn from */
	const char *few[] = { "a", "b" };
	size_t fl[] = { 1, 1 };
	unsigned char *dict;
	size_t dlen;
	assert_int_equal(ztext_train(few, fl, 2, 1024, &dict, &dlen), -1);
	ztext_free(z);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(with_a_dictionary),
		cmocka_unit_test(raw_and_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
