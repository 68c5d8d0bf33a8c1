/* fuzz_pdf.c: libFuzzer target for the whole PDF path: the bytes are a PDF, read by MuPDF as
 * the helper gavel-pdf reads one (pdf-mupdf.c, in this process) with bounds on each input: its
 * first 16 pages, 256 MB of memory for MuPDF (an allocation past it fails and the PDF is
 * "too large") and two seconds of CPU (then the page being read is abandoned). The stream it
 * writes goes through the layout and the builder (fuzz-model.h). Built with --enable-fuzzing
 * when MuPDF is found; standalone.c replays tests/fuzz/regress-pdf in every `make check`. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "doc/pdf-mupdf.h"
#include "fuzz-model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* in-process: MuPDF is freed after each input, never an _exit */
	static const struct pdf_limits lim = { 16, (size_t)256 << 20, 2000, 0, 0, NULL };
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);
	if (!f)
		return 0;
	pdf_mupdf_extract(f, NULL, data, size, &lim);
	if (fclose(f) == 0)
		fuzz_pdf_stream_check(out, n);
	free(out);
	return 0;
}
