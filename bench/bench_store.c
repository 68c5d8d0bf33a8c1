/* bench_store.c: the annotation store. Usage:
 *   bench_store insert DB FILE N   adds N annotations (each its own transaction, as gavel does)
 *   bench_store open DB FILE       opens the store, syncs FILE, lists its annotations
 *   bench_store open-first DB FILE the same on a file gavel has not vouched for (its record
 *                                  DB-checked removed): the full integrity check included
 * Prints the seconds taken. */
#include "config.h"

#include <unistd.h>

#include "bench/bench.h"
#include "store/store.h"

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: bench_store insert DB FILE N | open DB FILE | open-first DB FILE\n");
		return 64;
	}
	if (strcmp(argv[1], "open-first") == 0) {
		char rec[4096];
		snprintf(rec, sizeof rec, "%s-checked", argv[2]);
		unlink(rec);
	}
	struct collection *col = bench_load(argv[3]);
	const struct resolution *res = col->docs[0];
	struct store *st = NULL;
	char *msg = NULL;
	double t0 = bench_now();
	int rc = store_open(argv[2], &st, &msg);
	if (rc != STORE_OK) {
		char why[300];
		snprintf(why, sizeof why, "store_open: %s", msg ? msg : "failed");
		bench_unavailable(why);
	}
	int64_t doc = 0;
	if (store_doc_sync(st, res, &doc) != STORE_OK)
		bench_unavailable("store_doc_sync failed");
	if (strcmp(argv[1], "insert") == 0 && argc == 5) {
		long n = atol(argv[4]);
		t0 = bench_now();
		for (long i = 0; i < n; i++) {
			const struct para *p = &res->paras[(size_t)i % res->npara];
			struct annotation a;
			memset(&a, 0, sizeof a);
			char note[64];
			snprintf(note, sizeof note, "benchmark note %ld", i);
			a.para_id = p->id;
			a.start = 0;
			a.end = p->text_len < 12 ? p->text_len : 12;   /* ASCII at the start of each paragraph */
			a.color = (char *)"yellow";
			a.note = note;
			if (store_annot_add(st, doc, res, &a) != STORE_OK)
				bench_unavailable(store_errmsg(st));
			a.para_id = NULL; a.color = NULL; a.note = NULL;   /* ours, not the store's */
			annotation_clear(&a);
		}
		printf("seconds=%.6f\ncount=%ld\n", bench_now() - t0, n);
	} else if (strcmp(argv[1], "open") == 0 || strcmp(argv[1], "open-first") == 0) {
		struct annotation *list = NULL;
		size_t n = 0;
		if (store_annot_list(st, doc, res, NULL, &list, &n) != STORE_OK)
			bench_unavailable("store_annot_list failed");
		printf("seconds=%.6f\ncount=%zu\n", bench_now() - t0, n);
		annotation_list_free(list, n);
	} else {
		fprintf(stderr, "bench_store: unknown mode '%s'\n", argv[1]);
		return 64;
	}
	store_close(st);
	free(msg);
	collection_free(col);
	return 0;
}
