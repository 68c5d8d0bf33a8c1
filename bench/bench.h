/* bench.h: what the benchmark helpers share: a monotonic clock, loading a document, the
 * median of repeated runs, and "not available" exits (77) when a layer is not built yet. */
#ifndef GAVEL_BENCH_H
#define GAVEL_BENCH_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

#include "doc/parse.h"

static inline double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline long bench_maxrss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static inline int bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static inline double bench_median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, bench_cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Prints the reason a measurement cannot be made and exits 77, which run.py reports as
 * "not available: ...". */
static inline void bench_unavailable(const char *what)
{
	printf("unavailable=%s\n", what);
	exit(77);
}

/* Parses path or exits as unavailable. */
static inline struct collection *bench_load(const char *path)
{
	struct collection *col = NULL;
	struct parse_diag diag;
	memset(&diag, 0, sizeof diag);
	int rc = parse_file(path, INPUT_AUTO, &col, &diag);
	if (rc != 0 || !col) {
		char why[300];
		snprintf(why, sizeof why, "parse_file: %s", diag.reason);
		bench_unavailable(why);
	}
	return col;
}

#endif
