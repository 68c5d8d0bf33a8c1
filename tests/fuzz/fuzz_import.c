/* fuzz_import.c: libFuzzer target for `gavel notes import`: the strict JSON reader and the W3C
 * Web Annotation importer (import_json). What it accepts is then written in every export
 * format (hostile strings meet the exporters' cleaning and wrapping) and the JSON export is
 * imported again: it must give back the same annotations, by count and id. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "export/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct annotation *a = NULL;
	size_t n = 0;
	char err[256];
	err[0] = '\0';
	int rc = import_json((const char *)data, size, &a, &n, NULL, err, sizeof err);
	if (rc != 0) {
		/* Refused: nothing returned, and a reason for people. */
		if (a || !err[0] || !memchr(err, '\0', sizeof err))
			__builtin_trap();
		return 0;
	}

	/* One export document per annotation: the store is not here, so no resolution either. */
	struct export_doc *docs = calloc(n ? n : 1, sizeof *docs);
	if (!docs) {
		annotation_list_free(a, n);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		docs[i].symbol = a[i].doc_symbol;
		docs[i].language = a[i].doc_language;
		docs[i].annots = &a[i];
		docs[i].n = 1;
	}
	struct export_opts opts = { .width = 40, .now = 1700000000 };
	for (const struct export_format *f = export_formats; f->name; f++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);
		if (!mem)
			break;
		int wrc = f->write(mem, docs, n, &opts);
		fclose(mem);
		if (wrc == 0 && strcmp(f->name, "json") == 0) {
			struct annotation *b = NULL;
			size_t m = 0;
			char err2[256];
			if (import_json(buf, len, &b, &m, NULL, err2, sizeof err2) != 0) {
				fprintf(stderr, "re-import of the JSON export failed: %s\n", err2);
				__builtin_trap();
			}
			if (m != n)
				__builtin_trap();
			for (size_t i = 0; i < n; i++)
				if (strcmp(a[i].id, b[i].id) != 0)
					__builtin_trap();
			annotation_list_free(b, m);
		}
		free(buf);
	}
	free(docs);
	annotation_list_free(a, n);
	return 0;
}
