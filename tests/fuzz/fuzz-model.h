/* fuzz-model.h: what the PDF fuzz targets check of a stream read into a model (included by
 * fuzz_pdf.c and fuzz_pdf_stream.c only): the reader's contract (a result exactly when it
 * returns 0, a reason when not) and the model's promises (valid UTF-8 without inner NULs,
 * marks inside their paragraph, blocks' marks inside their text). A broken promise traps. */
#ifndef GAVEL_FUZZ_MODEL_H
#define GAVEL_FUZZ_MODEL_H

#include <stdio.h>
#include <string.h>
#include <unistr.h>

#include "doc/blocks.h"
#include "doc/json.h"
#include "doc/pdf.h"

static void fuzz_pdf_stream_check(const char *s, size_t n)
{
	static FILE *sink;
	if (!sink)
		sink = fopen("/dev/null", "w");
	struct block_list bl;
	struct parse_diag d;
	memset(&bl, 0, sizeof bl);
	memset(&d, 0, sizeof d);
	int rc = pdf_read_stream(s, n, NULL, &bl, &d);
	if (rc != 0 && !d.reason[0])
		__builtin_trap();
	for (size_t i = 0; i < bl.n; i++) {
		const struct block *b = &bl.v[i];
		if (strlen(b->text) != b->len || u8_check((const uint8_t *)b->text, b->len))
			__builtin_trap();
		for (size_t k = 0; k < b->nmarks; k++)
			if (b->marks[k].byte > b->len)
				__builtin_trap();
	}
	if (rc == 0) {
		struct collection *col = NULL;
		if (build_collection(&bl, &col, &d) != 0)
			__builtin_trap();
		for (size_t k = 0; k < col->ndocs; k++)
			for (size_t i = 0; i < col->docs[k]->npara; i++) {
				const struct para *p = &col->docs[k]->paras[i];
				if (!p->text || strlen(p->text) != p->text_len)
					__builtin_trap();
				for (size_t m = 0; m < p->nmarks; m++)
					if (p->marks[m].byte > p->text_len)
						__builtin_trap();
			}
		if (sink)
			json_write_collection(sink, col);
		collection_free(col);
	}
	blocks_free(&bl);
}

#endif
