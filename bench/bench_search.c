/* bench_search.c: search speed: every match of WORD (case- and accent-folded) in every
 * paragraph with search_text(). Usage: bench_search FILE WORD REPS. */
#include "config.h"

#include "bench/bench.h"
#include "text/fold.h"

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: bench_search FILE WORD REPS\n");
		return 64;
	}
	int reps = atoi(argv[3]);
	if (reps < 1 || reps > 100)
		reps = 3;
	struct collection *col = bench_load(argv[1]);
	struct search_pat pat;
	if (search_compile(argv[2], &pat) != 0)
		bench_unavailable("search_compile failed");
	double times[100];
	size_t bytes = 0, hits = 0, paras_hit = 0;
	for (int r = 0; r < reps; r++) {
		bytes = hits = paras_hit = 0;
		double t0 = bench_now();
		for (size_t d = 0; d < col->ndocs; d++) {
			const struct resolution *res = col->docs[d];
			for (size_t i = 0; i < res->npara; i++) {
				struct search_hit *h = NULL;
				int n = search_text(&pat, res->paras[i].text, res->paras[i].text_len, &h);
				if (n < 0)
					bench_unavailable("search_text failed");
				hits += (size_t)n;
				paras_hit += n > 0;
				bytes += res->paras[i].text_len;
				free(h);
			}
		}
		times[r] = bench_now() - t0;
	}
	printf("seconds=%.6f\nbytes=%zu\nhits=%zu\nparas_hit=%zu\n", bench_median(times, reps), bytes,
	       hits, paras_hit);
	search_pat_free(&pat);
	collection_free(col);
	return 0;
}
