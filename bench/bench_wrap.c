/* bench_wrap.c: layout speed: text_wrap() on every paragraph at WIDTH columns.
 * Usage: bench_wrap FILE WIDTH REPS. Prints the median seconds and the bytes wrapped. */
#include "config.h"

#include "bench/bench.h"
#include "text/wrap.h"

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: bench_wrap FILE WIDTH REPS\n");
		return 64;
	}
	int width = atoi(argv[2]), reps = atoi(argv[3]);
	if (reps < 1 || reps > 100)
		reps = 3;
	struct collection *col = bench_load(argv[1]);
	double times[100];
	size_t bytes = 0, nlines = 0;
	for (int r = 0; r < reps; r++) {
		bytes = nlines = 0;
		double t0 = bench_now();
		for (size_t d = 0; d < col->ndocs; d++) {
			const struct resolution *res = col->docs[d];
			for (size_t i = 0; i < res->npara; i++) {
				struct wrap_line *lines = NULL;
				int n = text_wrap(res->paras[i].text, res->paras[i].text_len, width, &lines);
				if (n < 0)
					bench_unavailable("text_wrap failed");
				nlines += (size_t)n;
				bytes += res->paras[i].text_len;
				free(lines);
			}
		}
		times[r] = bench_now() - t0;
	}
	printf("seconds=%.6f\nbytes=%zu\nlines=%zu\n", bench_median(times, reps), bytes, nlines);
	collection_free(col);
	return 0;
}
