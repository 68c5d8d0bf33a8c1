/* fuzz_pdf_stream.c: libFuzzer target for the PDF layout: the bytes are a page stream as the
 * helper gavel-pdf writes it (pdf.h), read by pdf_read_stream() into blocks, built into
 * resolutions and written as JSON. The layout (lines, markers, furniture, footnotes, the
 * right-to-left reordering) sees hostile geometry and text here without MuPDF; fuzz_pdf.c
 * feeds it what MuPDF makes of hostile PDFs. Built with --enable-fuzzing; standalone.c
 * replays tests/fuzz/regress-pdfstream in every `make check`. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "doc/blocks.h"
#include "doc/json.h"
#include "doc/pdf.h"
#include "fuzz-model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_pdf_stream_check((const char *)data, size);
	return 0;
}
