/* test_detect.c: which shape a text is (detect.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc/blocks.h"

#define DETECT(s) shape_detect(s, strlen(s))

static void ods_extracts(void **state)
{
	(void)state;
	assert_int_equal(DETECT("[DU1]\nResolution adopted\n"), INPUT_ODS);
	assert_int_equal(DETECT("text\n<<ODS JOB NO>>N0350598E<<ODS JOB NO>>\n"), INPUT_ODS);
	/* one long line per paragraph, no tags */
	char buf[4096];
	strcpy(buf, "\tThe General Assembly,\n");
	for (int i = 0; i < 4; i++) {
		strcat(buf, "\tRecalling");
		for (int k = 0; k < 40; k++)
			strcat(buf, " its work");
		strcat(buf, ",\n");
	}
	assert_int_equal(DETECT(buf), INPUT_ODS);
}

/* The markers are found anywhere in the first megabyte, also as its last bytes, and only
 * whole. */
static void markers_anywhere(void **state)
{
	(void)state;
	assert_int_equal(DETECT("Resolution adopted\nby the Assembly\n<<ODS"), INPUT_ODS);
	assert_int_equal(DETECT("[[DU1]\nResolution adopted\n"), INPUT_ODS);
	assert_int_not_equal(DETECT("<<OD\n<ODS\n[DU\n[DU2]\n"), INPUT_ODS);  /* no marker whole */
	size_t n = (1u << 20) + 64;
	char *big = malloc(n + 1);
	assert_non_null(big);
	for (size_t i = 0; i < n; i++)
		big[i] = i % 64 == 63 ? '\n' : "the text runs on and "[i % 21];
	memcpy(big + (1u << 20) - 5, "<<ODS", 5);         /* the last bytes looked at */
	big[n] = 0;
	assert_int_equal(shape_detect(big, n), INPUT_ODS);
	memcpy(big + (1u << 20) - 5, "..<<O", 5);         /* cut by the limit: not a marker */
	memcpy(big + (1u << 20), "DS", 2);
	assert_int_not_equal(shape_detect(big, n), INPUT_ODS);
	free(big);
}

/* An extract cleaned of its tags: short paragraphs, one to a line, indented by a tab. */
static void untagged_extract(void **state)
{
	(void)state;
	assert_int_equal(DETECT("Resolution adopted by the General Assembly on 1 May 2030\n"
	                        "30/1.\tTitle\n\tThe General Assembly,\n\tRecalling its work,\n"
	                        "\tNoting the report,\n\t1.\tDecides to act;\n\t2.\tRequests a report.\n"
	                        "\t9th plenary meeting\n\t1 May 2030\n"), INPUT_ODS);
	/* hard-wrapped lines that happen to start with a tab stay plain or PDF text */
	assert_int_not_equal(DETECT("\tThe General Assembly,\n\n\tRecalling its resolution of\n"
	                            "\tlast year on the question of\n\n\t1. Decides to act on the\n"
	                            "\tquestion of the day and to\n\tremain seized of it.\n"), INPUT_ODS);
}

static void pdf_text(void **state)
{
	(void)state;
	assert_int_equal(DETECT("A/RES/71/300\nThe General Assembly,\nRecalling its resolution,\n"
	                        "1.\nDecides to act.1\n_______________\n1 A note.\n16-22511 (E)\n"
	                        "*1622511*\n\fA/RES/71/300\n2/2\nmore text\n"), INPUT_PDF);
	/* form feeds and hard wraps without blank lines */
	assert_int_equal(DETECT("The General Assembly,\nRecalling its resolution,\nNoting it,\n"
	                        "\fWelcoming it,\n1. Decides to act.\n"), INPUT_PDF);
	/* no form feeds, but a job number and footnote rules */
	assert_int_equal(DETECT("The General Assembly,\nRecalling its resolution,1\n_______\n"
	                        "1 A note.\n16-22511 (E)\nWelcoming it,\n1. Decides.\n"), INPUT_PDF);
}

static void hard_wrapped_without_blank_lines(void **state)
{
	(void)state;
	/* no blank lines to go by: the PDF reader, which finds paragraphs without them */
	assert_int_equal(DETECT("The Security Council,\nRecalling its resolutions,\nNoting the\n"
	                        "reports,\n1. Decides to act;\n2. Requests a report.\n"
	                        "Adopted unanimously.\n"), INPUT_PDF);
}

static void plain_text(void **state)
{
	(void)state;
	assert_int_equal(DETECT("Resolution 242 (1967)\nof 22 November 1967\n\nThe Security "
	                        "Council,\n\nExpressing its concern with the grave\nsituation,\n\n"
	                        "1. Affirms that the fulfilment\nof principles requires peace;\n"),
	                 INPUT_PLAIN);
	/* page breaks kept in a text whose paragraphs are set apart by blank lines */
	assert_int_equal(DETECT("The Security Council,\n\nRecalling its resolutions,\n\n"
	                        "\fNoting the reports,\n\n1. Decides.\n\n2. Requests.\n"),
	                 INPUT_PLAIN);
}

static void never_auto(void **state)
{
	(void)state;
	const char *inputs[] = { "", "\n", "\f", "x", "____\n____\n", "*1234567*" };
	for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		enum input_format f = DETECT(inputs[i]);
		assert_true(f == INPUT_ODS || f == INPUT_PDF || f == INPUT_PLAIN);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ods_extracts),
		cmocka_unit_test(markers_anywhere),
		cmocka_unit_test(untagged_extract),
		cmocka_unit_test(pdf_text),
		cmocka_unit_test(plain_text),
		cmocka_unit_test(hard_wrapped_without_blank_lines),
		cmocka_unit_test(never_auto),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
