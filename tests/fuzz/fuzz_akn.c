/* fuzz_akn.c: libFuzzer target for the AKN4UN XML reader (src/doc/akn*.c, through libxml2).
 * The bytes go through parse_buffer() as XML and as detected; each model that comes out is
 * checked against the model's promises, written as JSON, laid out by show_write() and its
 * record by show_record(). Built with --enable-fuzzing; standalone.c replays the saved
 * inputs (tests/fuzz/regress-akn, tests/data/akn) in every `make check`. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "doc/json.h"
#include "doc/parse.h"
#include "text/show.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* resolution.h's promises, and the record's: strings valid UTF-8, marks and references
 * inside their paragraph, parents before children, ids unique among neighbours. */
static void check(const struct resolution *res)
{
	for (size_t i = 0; i < res->npara; i++) {
		const struct para *p = &res->paras[i];
		if (!p->id || !p->text || strlen(p->text) != p->text_len)
			__builtin_trap();
		if (u8_check((const uint8_t *)p->text, p->text_len) != NULL)
			__builtin_trap();
		if (p->lead_len > p->text_len || p->parent < -1 || p->parent >= (int)i)
			__builtin_trap();
		for (size_t m = 0; m < p->nmarks; m++)
			if (p->marks[m].byte > p->text_len)
				__builtin_trap();
		for (size_t r = 0; r < p->nrefs; r++)
			if (p->refs[r].byte > p->text_len || p->refs[r].len > p->text_len - p->refs[r].byte
			    || (r && p->refs[r].byte < p->refs[r - 1].byte))
				__builtin_trap();
		if (i && strcmp(res->paras[i - 1].id, p->id) == 0)
			__builtin_trap();
	}
	const struct res_record *rec = &res->record;
	for (size_t i = 0; i < rec->nvoters; i++)
		if (!rec->voters[i].name || rec->voters[i].ballot > BALLOT_ABSTAIN)
			__builtin_trap();
	if (rec->adoption > ADOPTION_VOTE)
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	if (!sink)
		sink = fopen("/dev/null", "w");
	static const enum input_format formats[] = { INPUT_AKN, INPUT_AUTO };
	for (size_t k = 0; k < sizeof formats / sizeof *formats; k++) {
		struct collection *col = NULL;
		struct parse_diag d;
		memset(&d, 0, sizeof d);
		int rc = parse_buffer((const char *)data, size, formats[k], &col, &d);
		if ((rc == 0) != (col != NULL) || (rc != 0 && !d.reason[0]))
			__builtin_trap();
		if (!col)
			continue;
		struct show_opts o;
		memset(&o, 0, sizeof o);
		o.width = 20 + (size ? data[0] % 100 : 0);
		for (size_t i = 0; i < col->ndocs; i++) {
			check(col->docs[i]);
			if (sink && formats[k] == INPUT_AKN) {
				show_write(sink, col->docs[i], NULL, 0, &o, NULL);
				show_record(sink, col->docs[i], o.width);
			}
		}
		if (sink)
			json_write_collection(sink, col);
		collection_free(col);
	}
	return 0;
}
