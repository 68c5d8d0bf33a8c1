/* fuzz_parse.c: libFuzzer target for every input reader. The same bytes go through
 * parse_buffer() once per input format (auto-detection and each row of the shape table
 * forced), and each model that comes out is written as JSON; the auto-detected one is also
 * laid out by show_write() at a width taken from the input, and searched. So the decoder, the shape readers, the structure
 * builder, the JSON writer, wrapping and folded search all see hostile input. Built with
 * --enable-fuzzing; standalone.c runs it over the regression corpus in every `make check`. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/json.h"
#include "doc/parse.h"
#include "doc/shape.h"
#include "text/fold.h"
#include "text/show.h"

#include <unistr.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static int cmp_id(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* No two paragraphs of a resolution share an id (issue 18: nesting past six levels did). */
static void check_ids(const struct resolution *res)
{
	const char **ids = malloc((res->npara ? res->npara : 1) * sizeof *ids);
	if (!ids)
		return;
	for (size_t i = 0; i < res->npara; i++)
		ids[i] = res->paras[i].id;
	if (res->npara > 1)
		qsort(ids, res->npara, sizeof *ids, cmp_id);
	for (size_t i = 1; i < res->npara; i++)
		if (strcmp(ids[i - 1], ids[i]) == 0)
			__builtin_trap();
	free(ids);
}

/* The model's promises (resolution.h): strings are valid UTF-8 without inner NULs, marks and
 * references point inside their paragraph, parents come before their children, ids are
 * unique. */
static void check_model(const struct collection *col)
{
	for (size_t d = 0; d < col->ndocs; d++) {
		const struct resolution *res = col->docs[d];
		if (!res)
			__builtin_trap();
		for (size_t i = 0; i < res->npara; i++) {
			const struct para *p = &res->paras[i];
			if (!p->id || !p->text || strlen(p->text) != p->text_len)
				__builtin_trap();
			if (u8_check((const uint8_t *)p->text, p->text_len) != NULL)
				__builtin_trap();
			if (p->lead_len > p->text_len)
				__builtin_trap();
			if (p->parent < -1 || p->parent >= (int)i)
				__builtin_trap();
			for (size_t m = 0; m < p->nmarks; m++)
				if (p->marks[m].byte > p->text_len)
					__builtin_trap();
			for (size_t r = 0; r < p->nrefs; r++)
				if (p->refs[r].byte > p->text_len || p->refs[r].len > p->text_len - p->refs[r].byte)
					__builtin_trap();
		}
		check_ids(res);
	}
}

/* Lays out and searches every document, as `gavel show` and `gavel search` would. */
static void render(FILE *sink, const struct collection *col, unsigned char seed)
{
	struct show_opts opts;
	memset(&opts, 0, sizeof opts);
	opts.width = 20 + seed % 100;
	struct search_pat pat;
	int have_pat = search_compile("the", &pat) == 0;
	for (size_t d = 0; d < col->ndocs; d++) {
		const struct resolution *res = col->docs[d];
		show_write(sink, res, NULL, 0, &opts, NULL);
		for (size_t p = 0; have_pat && p < res->npara; p++) {
			struct search_hit *hits = NULL;
			int n = search_text(&pat, res->paras[p].text, res->paras[p].text_len, &hits);
			for (int h = 0; h < n; h++)
				if (hits[h].start > hits[h].end || hits[h].end > res->paras[p].text_len)
					__builtin_trap();
			free(hits);
		}
	}
	if (have_pat)
		search_pat_free(&pat);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	if (!sink)
		sink = fopen("/dev/null", "w");
	/* Detection, then every row of the shape table forced: a new reader is fuzzed as soon
	 * as it has its row. */
	for (size_t i = 0; i <= input_nshapes; i++) {
		enum input_format format = i == 0 ? INPUT_AUTO : input_shapes[i - 1].format;
		struct collection *col = NULL;
		struct parse_diag diag;
		memset(&diag, 0, sizeof diag);
		int rc = parse_buffer((const char *)data, size, format, &col, &diag);
		/* The contract: a result exactly when rc == 0, and a reason when not. */
		if (rc == 0 && !col)
			__builtin_trap();
		if (rc != 0 && col)
			__builtin_trap();
		if (diag.nwarnings < 0 || diag.nwarnings > PARSE_MAX_WARNINGS)
			__builtin_trap();
		if (col) {
			check_model(col);
			if (sink)
				json_write_collection(sink, col);
			if (format == INPUT_AUTO && sink)
				render(sink, col, size ? data[size / 2] : 0);
			collection_free(col);
		}
	}
	return 0;
}
