/* gavel-pdf.c: the helper that reads a PDF for gavel (pdf.h): `gavel-pdf [--pages N]
 * [--opening N] [--max-mem MB] [--max-ms MS] FILE|-` writes the page stream on stdout. With
 * --opening, the first N pages are written out at once and the rest is read only when a byte
 * comes on stdin (the end of stdin ends the stream there). It is a program of
 * its own so that gavel never loads MuPDF (a large library whose loading would slow every
 * start, PDF or not) and so that a PDF that crashes MuPDF, or wants too much memory or time,
 * takes only the helper down. Exit status: 0, or 1 when the stream ends with an error line;
 * 64 for a bad command line, 66 when the file cannot be read. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "doc/pdf-mupdf.h"

/* A PDF on stdin larger than this is not a resolution: refused before MuPDF sees it. */
#define MAX_FILE (1024L * 1024 * 1024)

/* The heap made ready at the start (heap_ready), twice this (the block and as much again on
 * top): about what an opening's pages use. */
#define HEAP_READY ((size_t)2 << 20)

/* MuPDF's memory for an opening is a few megabytes written once, most of it in the first
 * pages' fonts (decompressed, then copied as their buffers grow): touched a page at a time,
 * that was 550 page faults, a fifth of the helper's time on a virtual machine. The heap is
 * made ready in one go instead: large blocks come from it (not from mappings of their own
 * that are faulted in again), it is never given back (the helper is short-lived), and its
 * first megabytes are filled in one system call (MADV_POPULATE_WRITE, Linux 5.14; on an older
 * system the pages fault in as before). Measured on an opening of the 100-page PDF of `make
 * bench` (perf stat -e task-clock,page-faults gavel-pdf --pages 3): 640 page faults -> about
 * 100; wall and CPU time medians 22.8 -> 20.0 ms (30 alternating runs against main's helper).
 * Huge pages (MADV_HUGEPAGE) measured the same and may stall on compaction: not asked. */
static void heap_ready(void)
{
	mallopt(M_MMAP_THRESHOLD, 16 << 20);
	mallopt(M_TRIM_THRESHOLD, INT_MAX);
	mallopt(M_TOP_PAD, (int)HEAP_READY);
	/* a block as large as the heap wanted, freed: the heap has grown by it and keeps it */
	void *volatile grow = malloc(HEAP_READY);
	if (!grow)
		return;
	uintptr_t lo = (uintptr_t)grow, hi = (uintptr_t)sbrk(0);
	free(grow);
	if (hi == (uintptr_t)-1 || hi <= lo + HEAP_READY / 2)
		return;   /* not grown in place (a mapping of its own) */
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
	lo = (lo + page - 1) & ~(page - 1);
	hi &= ~(page - 1);
#ifdef MADV_POPULATE_WRITE
	madvise((void *)lo, hi - lo, MADV_POPULATE_WRITE);
#endif
}

/* --opening: whether gavel wants the rest (a byte on stdin) or not (its end). */
static int go_on(void)
{
	char c;
	ssize_t k;
	while ((k = read(STDIN_FILENO, &c, 1)) < 0 && errno == EINTR)
		;
	return k == 1;
}

static int usage(void)
{
	fputs("usage: gavel-pdf [--pages N] [--opening N] [--max-mem MB] [--max-ms MS] FILE|-\n",
	      stderr);
	return EX_USAGE;
}

static unsigned char *slurp(FILE *f, size_t *len)
{
	size_t n = 0, cap = 1 << 16;
	unsigned char *b = malloc(cap);
	while (b) {
		size_t got = fread(b + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
		if (n == cap) {
			if (cap >= (size_t)MAX_FILE) {
				free(b);
				errno = EFBIG;
				return NULL;
			}
			unsigned char *nb = realloc(b, cap * 2);
			if (!nb)
				free(b);
			b = nb;
			cap *= 2;
		}
	}
	if (b && ferror(f)) {
		free(b);
		return NULL;
	}
	*len = n;
	return b;
}

static int number(const char *s, long max, long *v)
{
	char *end;
	errno = 0;
	long x = strtol(s, &end, 10);
	if (errno || *end || x < 0 || x > max)
		return -1;
	*v = x;
	return 0;
}

int main(int argc, char **argv)
{
	heap_ready();
	struct pdf_limits lim = { 0, (size_t)1024 * 1024 * 1024, 120000, 1, 0, go_on };
	const char *file = NULL;
	for (int i = 1; i < argc; i++) {
		long v;
		if (i + 1 < argc && strcmp(argv[i], "--pages") == 0) {
			if (number(argv[++i], 1000000, &v))
				return usage();
			lim.max_pages = (int)v;
		} else if (i + 1 < argc && strcmp(argv[i], "--opening") == 0) {
			if (number(argv[++i], 1000000, &v))
				return usage();
			lim.opening = (int)v;
		} else if (i + 1 < argc && strcmp(argv[i], "--max-mem") == 0) {
			if (number(argv[++i], 1L << 20, &v))
				return usage();
			lim.max_mem = (size_t)v * 1024 * 1024;
		} else if (i + 1 < argc && strcmp(argv[i], "--max-ms") == 0) {
			if (number(argv[++i], 86400000L, &v))
				return usage();
			lim.max_ms = v;
		} else if (!file && (argv[i][0] != '-' || strcmp(argv[i], "-") == 0)) {
			file = argv[i];
		} else {
			return usage();
		}
	}
	if (!file)
		return usage();
	if (strcmp(file, "-") == 0)
		lim.opening = 0;   /* stdin holds the PDF */
	/* The CPU timer inside stops a page cleanly; this is the backstop for what it does not
	 * cover (opening a badly broken file): the kernel ends the helper. */
	if (lim.max_ms > 0) {
		struct rlimit rl = { (rlim_t)(lim.max_ms / 1000 + 2), (rlim_t)(lim.max_ms / 1000 + 3) };
		setrlimit(RLIMIT_CPU, &rl);
	}
	/* The stream goes out in 64 KB writes, not the pipe's 4 KB: gavel, which reads it to its
	 * end, is woken once for an opening's pages rather than at every 4 KB. */
	static char obuf[1 << 16];
	setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
	/* A file is mapped and read as MuPDF needs it (a long PDF's first pages without the
	 * rest), with no system call for each of MuPDF's small reads and seeks (a file stream
	 * makes hundreds before the first page); a file that cannot be mapped is read through
	 * a file stream. What comes on stdin is read whole first. */
	int rc;
	if (strcmp(file, "-") != 0) {
		int fd = open(file, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			fprintf(stderr, "gavel-pdf: %s: %s\n", file, strerror(errno));
			return EX_NOINPUT;
		}
		struct stat st;
		void *map = MAP_FAILED;
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0
		    && (unsigned long long)st.st_size <= SIZE_MAX)
			map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		close(fd);
		if (map != MAP_FAILED) {
			rc = pdf_mupdf_extract(stdout, NULL, map, (size_t)st.st_size, &lim);
			munmap(map, (size_t)st.st_size);
		} else {
			rc = pdf_mupdf_extract(stdout, file, NULL, 0, &lim);
		}
	} else {
		size_t len = 0;
		unsigned char *buf = slurp(stdin, &len);
		if (!buf) {
			fprintf(stderr, "gavel-pdf: stdin: %s\n", strerror(errno));
			return EX_NOINPUT;
		}
		rc = pdf_mupdf_extract(stdout, NULL, buf, len, &lim);
		free(buf);
	}
	if (fflush(stdout) != 0)
		return EX_IOERR;
	return rc;
}
