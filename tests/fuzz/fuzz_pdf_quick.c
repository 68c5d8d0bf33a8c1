/* fuzz_pdf_quick.c: libFuzzer target for gavel's own reading of a PDF, its opening and its
 * whole (pdf-quick.c): the bytes are a PDF, read in this process with the reader's own bounds
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
#include <string.h>
#include <unistr.h>

#include "doc/pdf-quick.h"
#include "fuzz-model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The first `pages` pages: the contract checked, the stream through the layout. Returns
 * the stream (caller frees) or NULL when refused. */
static char *read_checked(const uint8_t *data, size_t size, int pages, size_t *n)
{
	char *out = NULL;
	const char *why = NULL;
	*n = 0;
	int rc = pdf_quick_stream(data, size, pages, &out, n, &why);
	if (rc == 1 && (!why || out))
		__builtin_trap();
	if (rc == 0) {
		if (!out || out[*n] != '\0' || u8_check((const uint8_t *)out, *n))
			__builtin_trap();
		for (size_t i = 0; i < *n; i++)
			if (((unsigned char)out[i] < 0x20 && out[i] != '\n') || out[i] == 0x7f)
				__builtin_trap();
		fuzz_pdf_stream_check(out, *n);
	}
	return rc == 0 ? out : NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an opening, and the whole (each half on its core): read both, the opening's pages
	 * are the whole's first, record for record */
	size_t n, wn;
	char *opening = read_checked(data, size, 3, &n);
	char *whole = read_checked(data, size, PDF_QUICK_ALL, &wn);
	if (opening && whole) {
		/* the opening's last page ends where the whole's next one starts, or at its end */
		if (wn < n || memcmp(opening, whole, n) != 0
		    || (wn > n && strncmp(whole + n, "page ", 5) != 0))
			__builtin_trap();
	}
	free(opening);
	free(whole);
	return 0;
}
