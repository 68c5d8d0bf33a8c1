/* test_words.c: the units of a redline in the six languages. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/words.h"

/* The words of s joined by '|', spaces shown as '_'. */
static char *cut(const char *s)
{
	static char out[1024];
	struct word *w;
	long n = text_words(s, strlen(s), &w);
	assert_true(n >= 0);
	size_t at = 0, prev = 0;
	for (long k = 0; k < n; k++) {
		assert_int_equal(w[k].start, prev);      /* covering, in order */
		prev = w[k].end;
		if (k)
			out[at++] = '|';
		if (w[k].kind == WORD_SPACE) {
			out[at++] = '_';
		} else {
			memcpy(out + at, s + w[k].start, w[k].end - w[k].start);
			at += w[k].end - w[k].start;
		}
	}
	assert_int_equal(prev, strlen(s));
	out[at] = '\0';
	free(w);
	return out;
}

static void latin(void **state)
{
	(void)state;
	assert_string_equal(cut("Calls upon States,  in particular"),
	                    "Calls|_|upon|_|States|,|_|in|_|particular");
	assert_string_equal(cut("women's rights"), "women's|_|rights");
	assert_string_equal(cut("Secretary-General 78/217"), "Secretary|-|General|_|78|/|217");
	assert_string_equal(cut("l\xE2\x80\x99homme 'quoted'"), "l\xE2\x80\x99homme|_|'|quoted|'");
	assert_string_equal(cut("Réaffirmant également"), "Réaffirmant|_|également");
	assert_string_equal(cut(""), "");
}

static void other_scripts(void **state)
{
	(void)state;
	/* Chinese: one word per character, punctuation apart */
	assert_string_equal(cut("重申《公约》"), "重|申|《|公|约|》");
	assert_string_equal(cut("第77/190号决议"), "第|77|/|190|号|决|议");
	/* Russian and Arabic: words by letters; Arabic marks stay in their word */
	assert_string_equal(cut("Генеральная Ассамблея,"), "Генеральная|_|Ассамблея|,");
	assert_string_equal(cut("إنّ الجمعية"), "إنّ|_|الجمعية");
	/* no-break space is white space */
	assert_string_equal(cut("A\xC2\xA0" "B"), "A|_|B");
}

static void invalid_bytes(void **state)
{
	(void)state;
	assert_string_equal(cut("a\xFF" "b"), "a|\xFF|b");
	assert_string_equal(cut("\xE4\xB8"), "\xE4\xB8");   /* one truncated sequence */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(latin),
		cmocka_unit_test(other_scripts),
		cmocka_unit_test(invalid_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
