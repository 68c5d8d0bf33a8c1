/* fuzz_pdf_quick.c: libFuzzer target for gavel's own reading of a PDF's opening
 * (pdf-quick.c): the bytes are a PDF, read in this process with the reader's own bounds
 * (objects, inflated bytes, operators, nesting). Its contract is checked: a stream exactly
 * when it accepts, a reason when it refuses; and what it writes must be a page stream whose
 * text holds no control character and is valid UTF-8 (the text of a hostile PDF must never
 * reach the terminal raw). The stream then goes through the layout and the builder
 * (fuzz-model.h). Built with --enable-fuzzing; standalone.c replays
 * tests/fuzz/regress-pdfquick and tests/data/pdf in every `make check`. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistr.h>

#include "doc/pdf-quick.h"
#include "fuzz-model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out = NULL;
	size_t n = 0;
	const char *why = NULL;
	int rc = pdf_quick_stream(data, size, 3, &out, &n, &why);
	if (rc == 1 && (!why || out))
		__builtin_trap();
	if (rc == 0) {
		if (!out || out[n] != '\0' || u8_check((const uint8_t *)out, n))
			__builtin_trap();
		for (size_t i = 0; i < n; i++)
			if (((unsigned char)out[i] < 0x20 && out[i] != '\n') || out[i] == 0x7f)
				__builtin_trap();
		fuzz_pdf_stream_check(out, n);
	}
	free(out);
	return 0;
}
