/* bench_parse.c: parse speed and peak memory. Usage: bench_parse FILE
 * Prints seconds for parse_file (read, decode, shape, build) and the peak RSS. */
#include "config.h"

#include "bench/bench.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench_parse FILE\n");
		return 64;
	}
	long rss0 = bench_maxrss_kb();
	double t0 = bench_now();
	struct collection *col = bench_load(argv[1]);
	double secs = bench_now() - t0;
	size_t paras = 0;
	for (size_t i = 0; i < col->ndocs; i++)
		paras += col->docs[i]->npara;
	printf("seconds=%.6f\nmaxrss_kb=%ld\nbase_rss_kb=%ld\ndocs=%zu\nparas=%zu\n", secs,
	       bench_maxrss_kb(), rss0, col->ndocs, paras);
	collection_free(col);
	return 0;
}
