/* test_symbol.c: one key per symbol, from documents, users and citations; undocs.org. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "library/symbol.h"

static const char *user(const char *s)
{
	static char k[SYMBOL_KEY_MAX];
	return symbol_from_user(s, k, sizeof k) == 0 ? k : "(none)";
}

static const char *cited(const char *s, enum organ o)
{
	static char k[SYMBOL_KEY_MAX];
	return symbol_of_citation(s, o, k, sizeof k) == 0 ? k : "(none)";
}

static void keys(void **state)
{
	(void)state;
	char k[SYMBOL_KEY_MAX];
	assert_int_equal(symbol_key("S/RES/2672 (2023)", k, sizeof k), 0);
	assert_string_equal(k, "S/RES/2672(2023)");
	assert_int_equal(symbol_key("a/res/78/217", k, sizeof k), 0);
	assert_string_equal(k, "A/RES/78/217");
	assert_int_equal(symbol_key("A/RES/2999 (XXVII)", k, sizeof k), 0);
	assert_string_equal(k, "A/RES/2999(XXVII)");
	char small[6];
	assert_int_equal(symbol_key("A/RES/78/217", small, sizeof small), -1);
	assert_string_equal(small, "");
}

static void from_user(void **state)
{
	(void)state;
	assert_string_equal(user("78/217"), "A/RES/78/217");
	assert_string_equal(user(" A/RES/78/217 "), "A/RES/78/217");
	assert_string_equal(user("a/res/78/217"), "A/RES/78/217");
	assert_string_equal(user("S/RES/2672 (2023)"), "S/RES/2672(2023)");
	assert_string_equal(user("S/RES/2672(2023)"), "S/RES/2672(2023)");
	assert_string_equal(user("2672 (2023)"), "S/RES/2672(2023)");
	assert_string_equal(user("resolution 687 (1991)"), "S/RES/687(1991)");
	assert_string_equal(user("2200 A (XXI)"), "A/RES/2200A(XXI)");
	assert_string_equal(user("ES-10/2"), "A/RES/ES-10/2");
	assert_string_equal(user("75/253 B"), "A/RES/75/253B");
	assert_string_equal(user("A/HRC/RES/55/21"), "A/HRC/RES/55/21");
	assert_string_equal(user("Protection of migrants"), "(none)");
	assert_string_equal(user("2672"), "(none)");
	assert_string_equal(user(""), "(none)");
	assert_string_equal(user("78/217; rm -rf"), "(none)");
	char p[SYMBOL_KEY_MAX];
	assert_int_equal(symbol_sc_prefix("2672", p, sizeof p), 0);
	assert_string_equal(p, "S/RES/2672(");
	assert_int_equal(symbol_sc_prefix("S/RES/2672", p, sizeof p), 0);
	assert_string_equal(p, "S/RES/2672(");
	assert_int_equal(symbol_sc_prefix("78/217", p, sizeof p), -1);
}

static void from_citation(void **state)
{
	(void)state;
	assert_string_equal(cited("57/218", ORGAN_NONE), "A/RES/57/218");
	assert_string_equal(cited("57/218", ORGAN_GA), "A/RES/57/218");
	assert_string_equal(cited("242 (1967)", ORGAN_NONE), "S/RES/242(1967)");
	assert_string_equal(cited("242 (1967)", ORGAN_GA), "S/RES/242(1967)");
	assert_string_equal(cited("7/29", ORGAN_HRC), "A/HRC/RES/7/29");
	assert_string_equal(cited("S-17/1", ORGAN_HRC), "A/HRC/RES/S-17/1");
	assert_string_equal(cited("2004/67", ORGAN_NONE), "E/RES/2004/67");
	assert_string_equal(cited("2004/67", ORGAN_CHR), "E/CN.4/RES/2004/67");
	assert_string_equal(cited("2013/1", ORGAN_GA), "E/RES/2013/1");   /* "its" of a commission */
	assert_string_equal(cited("1503 (XLVIII)", ORGAN_ECOSOC), "E/RES/1503(XLVIII)");
	assert_string_equal(cited("2200 A (XXI)", ORGAN_NONE), "A/RES/2200A(XXI)");
	assert_string_equal(cited("ES-10/2", ORGAN_NONE), "A/RES/ES-10/2");
	assert_string_equal(cited("A/58/508", ORGAN_NONE), "(none)");
	assert_int_equal(symbol_organ("S/RES/242 (1967)"), ORGAN_SC);
	assert_int_equal(symbol_organ("A/HRC/RES/55/21"), ORGAN_HRC);
	assert_int_equal(symbol_organ("A/RES/78/217"), ORGAN_GA);
	assert_int_equal(symbol_organ(NULL), ORGAN_NONE);
}

static void undocs(void **state)
{
	(void)state;
	char u[128];
	assert_int_equal(symbol_undocs("S/RES/2672(2023)", u, sizeof u), 0);
	assert_string_equal(u, "https://undocs.org/S/RES/2672(2023)");
	assert_int_equal(symbol_undocs("A/RES/78/217", u, sizeof u), 0);
	assert_string_equal(u, "https://undocs.org/A/RES/78/217");
	assert_int_equal(symbol_undocs("sha256:0123456789abcdef", u, sizeof u), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keys),
		cmocka_unit_test(from_user),
		cmocka_unit_test(from_citation),
		cmocka_unit_test(undocs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
