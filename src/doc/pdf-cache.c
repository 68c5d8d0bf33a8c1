/* pdf-cache.c: the page stream of a PDF read whole, kept so that the same PDF opens again
 * without MuPDF (pdf-int.h). A PDF is read by a helper process that loads its fonts and lays
 * out every page: for a resolution people come back to for days, that is work done again at
 * every opening. The stream is kept in $XDG_CACHE_HOME/gavel/pdf (default ~/.cache/gavel/pdf),
 * private to the user (0700, files 0600), named after the PDF's device, inode, size and change
 * time and the helper's own size and time (a new helper reads again); it is written whole or
 * not at all (a temporary file renamed), and the oldest are removed past 256 MB. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc/pdf-int.h"

#define CACHE_MAX ((off_t)256 * 1024 * 1024)

/* The cache's directory into dir (created when `make` is set); -1 without a home. */
static int cache_dir(char *dir, size_t cap, int make)
{
	const char *x = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	int n;
	if (x && x[0] == '/')
		n = snprintf(dir, cap, "%s/gavel/pdf", x);
	else if (home && home[0] == '/')
		n = snprintf(dir, cap, "%s/.cache/gavel/pdf", home);
	else
		return -1;
	if (n < 0 || (size_t)n >= cap)
		return -1;
	if (!make)
		return 0;
	/* each level, private */
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int e = mkdir(dir, 0700) == 0 || errno == EEXIST ? 0 : -1;
		*p = '/';
		if (e)
			return -1;
	}
	return mkdir(dir, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15u + (h << 6) + (h >> 2);
	return h * 0xff51afd7ed558ccdu;
}

int pdf_cache_name(const char *path, const char *helper, char *out, size_t cap)
{
	struct stat a, b;
	char dir[PATH_MAX];
	if (!path || stat(path, &a) != 0 || !S_ISREG(a.st_mode) || stat(helper, &b) != 0
	    || cache_dir(dir, sizeof dir, 0) != 0)
		return -1;
	uint64_t h = 1469598103934665603u;
	h = mix(h, (uint64_t)a.st_dev);
	h = mix(h, (uint64_t)a.st_ino);
	h = mix(h, (uint64_t)a.st_size);
	h = mix(h, (uint64_t)a.st_mtim.tv_sec);
	h = mix(h, (uint64_t)a.st_mtim.tv_nsec);
	h = mix(h, (uint64_t)a.st_ctim.tv_sec);
	h = mix(h, (uint64_t)b.st_size);
	h = mix(h, (uint64_t)b.st_mtim.tv_sec);
	int n = snprintf(out, cap, "%s/%016llx.stream", dir, (unsigned long long)h);
	return n > 0 && (size_t)n < cap ? 0 : -1;
}

char *pdf_cache_read(const char *name, int pages, size_t *len)
{
	int fd = open(name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	char *buf = NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 && st.st_size < CACHE_MAX
	    && (buf = malloc((size_t)st.st_size + 1))) {
		/* in growing steps, so that the first pages of a long stream are read without the
		 * rest */
		size_t n = 0, size = (size_t)st.st_size, keep = size;
		while (n < size) {
			size_t step = pages <= 0 ? size - n : n < ((size_t)64 << 10) ? ((size_t)64 << 10) - n : n;
			ssize_t r = read(fd, buf + n, step < size - n ? step : size - n);
			if (r <= 0)
				break;
			n += (size_t)r;
			if (pages > 0 && n < size) {
				size_t cut = pdf_cache_cut(buf, n, pages);
				if (cut < n) {
					keep = cut;
					break;
				}
			}
		}
		if (n == size || keep < size) {
			buf[keep] = '\0';
			*len = keep;
			/* the file is touched so that it counts as recently used */
			futimens(fd, NULL);
		} else {
			free(buf);
			buf = NULL;
		}
	}
	close(fd);
	return buf;
}

/* Removes the oldest streams while the cache holds more than CACHE_MAX. */
static void prune(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct entry {
		char name[64];
		time_t at;
		off_t size;
	} *v = NULL;
	size_t n = 0, cap = 0;
	off_t total = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < 100000) {
		size_t k = strlen(e->d_name);
		if (k < 8 || k >= 64 || strcmp(e->d_name + k - 7, ".stream") != 0)
			continue;
		struct stat st;
		if (fstatat(dirfd(d), e->d_name, &st, 0) != 0)
			continue;
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 64;
			struct entry *nv = realloc(v, nc * sizeof *nv);
			if (!nv)
				break;
			v = nv;
			cap = nc;
		}
		memcpy(v[n].name, e->d_name, k + 1);
		v[n].at = st.st_mtim.tv_sec;
		v[n].size = st.st_size;
		total += st.st_size;
		n++;
	}
	while (total > CACHE_MAX && n > 0) {
		size_t old = 0;
		for (size_t i = 1; i < n; i++)
			if (v[i].at < v[old].at)
				old = i;
		unlinkat(dirfd(d), v[old].name, 0);
		total -= v[old].size;
		v[old] = v[--n];
	}
	free(v);
	closedir(d);
}

void pdf_cache_write(const char *name, const char *stream, size_t len)
{
	char dir[PATH_MAX], tmp[PATH_MAX + 16];
	if (cache_dir(dir, sizeof dir, 1) != 0 || len >= (size_t)CACHE_MAX)
		return;
	snprintf(tmp, sizeof tmp, "%s.%ld.tmp", name, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	size_t n = 0;
	while (n < len) {
		ssize_t w = write(fd, stream + n, len - n);
		if (w <= 0)
			break;
		n += (size_t)w;
	}
	if (close(fd) != 0 || n < len || rename(tmp, name) != 0) {
		unlink(tmp);
		return;
	}
	prune(dir);
}

/* The stream cut after its `pages`-th page, as the helper would have written it with
 * --pages: the bytes to keep, or len when it has no more pages than that. */
size_t pdf_cache_cut(const char *s, size_t len, int pages)
{
	int seen = 0;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - s) + 1 : len;
		if (e - i == 4 && memcmp(s + i, "end\n", 4) == 0 && ++seen == pages)
			return e;
		if (e - i >= 5 && memcmp(s + i, "skip ", 5) == 0 && ++seen == pages)
			return e;
		i = e;
	}
	return len;
}
