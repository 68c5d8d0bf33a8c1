/* linehist.c: command and search history, browsed by prefix and kept in a file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "view/linehist.h"

#define LINEHIST_FILE_MAX (256 * 1024)

static const char kind_char[LINEHIST_KINDS] = { ':', '/' };

char *linehist_default_path(void)
{
	const char *x = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char *p = NULL;
	int n;
	if (x && x[0] == '/')
		n = asprintf(&p, "%s/gavel/history", x);
	else if (home && home[0])
		n = asprintf(&p, "%s/.local/state/gavel/history", home);
	else
		return NULL;
	return n < 0 ? NULL : p;
}

void linehist_free(struct linehist *h)
{
	for (int k = 0; k < LINEHIST_KINDS; k++) {
		for (int i = 0; i < h->n[k]; i++)
			free(h->v[k][i]);
		for (int i = 0; i < h->nadded[k]; i++)
			free(h->added[k][i]);
		h->n[k] = h->nadded[k] = 0;
	}
	free(h->path);
	h->path = NULL;
	h->loaded = 0;
	h->at = -1;
}

/* Appends to a list of at most LINEHIST_MAX, dropping the oldest, and dropping an earlier
 * copy of the same line (the newest place wins). */
static void put(char **v, int *n, const char *line)
{
	char *copy = strdup(line);
	if (!copy)
		return;
	for (int i = 0; i < *n; i++)
		if (strcmp(v[i], line) == 0) {
			free(v[i]);
			memmove(&v[i], &v[i + 1], (size_t)(*n - i - 1) * sizeof *v);
			(*n)--;
			break;
		}
	if (*n == LINEHIST_MAX) {
		free(v[0]);
		memmove(&v[0], &v[1], (LINEHIST_MAX - 1) * sizeof *v);
		(*n)--;
	}
	v[(*n)++] = copy;
}

void linehist_add(struct linehist *h, int kind, const char *line)
{
	if (kind < 0 || kind >= LINEHIST_KINDS || !line[0] || strchr(line, '\n'))
		return;
	linehist_load(h);
	if (h->n[kind] && strcmp(h->v[kind][h->n[kind] - 1], line) == 0)
		return;
	put(h->v[kind], &h->n[kind], line);
	put(h->added[kind], &h->nadded[kind], line);
}

void linehist_start(struct linehist *h, int kind, const char *typed)
{
	linehist_load(h);
	h->kind = kind;
	h->at = kind >= 0 && kind < LINEHIST_KINDS ? h->n[kind] : -1;
	snprintf(h->typed, sizeof h->typed, "%s", typed);
}

const char *linehist_step(struct linehist *h, int dir)
{
	if (h->at < 0 || h->kind < 0 || h->kind >= LINEHIST_KINDS)
		return NULL;
	int n = h->n[h->kind];
	size_t pl = strlen(h->typed);
	for (int i = h->at + dir; i >= 0 && i <= n; i += dir) {
		if (i == n) {
			h->at = n;
			return h->typed;
		}
		if (strncmp(h->v[h->kind][i], h->typed, pl) == 0) {
			h->at = i;
			return h->v[h->kind][i];
		}
	}
	return NULL;
}

static int path_of(struct linehist *h)
{
	if (!h->path)
		h->path = linehist_default_path();
	return h->path ? 0 : -1;
}

/* Reads the file's entries into v/n (replacing what is there). 0; -1 when unreadable. */
static int read_file(const char *path, char *v[LINEHIST_KINDS][LINEHIST_MAX],
                     int n[LINEHIST_KINDS])
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno == ENOENT || errno == ENOTDIR ? 0 : -1;
	char *buf = malloc(LINEHIST_FILE_MAX + 1);
	size_t len = buf ? fread(buf, 1, LINEHIST_FILE_MAX, f) : 0;
	int bad = !buf || ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		return -1;
	}
	buf[len] = '\0';
	for (char *line = buf; line < buf + len;) {
		char *nl = memchr(line, '\n', (size_t)(buf + len - line));
		if (nl)
			*nl = '\0';
		int clean = 1;
		for (const char *q = line; *q; q++)
			clean &= (unsigned char)*q >= 0x20 && *q != 0x7f;
		for (int k = 0; k < LINEHIST_KINDS && clean; k++)
			if (line[0] == kind_char[k] && line[1])
				put(v[k], &n[k], line + 1);
		if (!nl)
			break;
		line = nl + 1;
	}
	free(buf);
	return 0;
}

int linehist_load(struct linehist *h)
{
	if (h->loaded)
		return 0;
	h->loaded = 1;
	if (path_of(h) < 0)
		return 0;
	/* What this session typed before the file was read stays the newest. */
	char *mine[LINEHIST_KINDS][LINEHIST_MAX];
	int nmine[LINEHIST_KINDS];
	memcpy(mine, h->v, sizeof mine);
	memcpy(nmine, h->n, sizeof nmine);
	memset(h->n, 0, sizeof h->n);
	int r = read_file(h->path, h->v, h->n);
	for (int k = 0; k < LINEHIST_KINDS; k++)
		for (int i = 0; i < nmine[k]; i++) {
			put(h->v[k], &h->n[k], mine[k][i]);
			free(mine[k][i]);
		}
	return r;
}

static int mkdirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int r = mkdir(path, 0700);
		*p = '/';
		if (r < 0 && errno != EEXIST)
			return -1;
	}
	return 0;
}

int linehist_save(struct linehist *h, char *err, size_t errlen)
{
	int any = 0;
	for (int k = 0; k < LINEHIST_KINDS; k++)
		any |= h->nadded[k] > 0;
	if (!any || path_of(h) < 0)
		return 0;
	/* Merge: the file as other processes left it, then this session's lines. */
	char *v[LINEHIST_KINDS][LINEHIST_MAX];
	int n[LINEHIST_KINDS] = { 0 };
	if (read_file(h->path, v, n) < 0) {
		snprintf(err, errlen, "cannot read %s: %s", h->path, strerror(errno));
		return -1;
	}
	for (int k = 0; k < LINEHIST_KINDS; k++)
		for (int i = 0; i < h->nadded[k]; i++)
			put(v[k], &n[k], h->added[k][i]);
	char *tmp = NULL;
	int rc = -1, fd = -1;
	FILE *f = NULL;
	if (asprintf(&tmp, "%s.XXXXXX", h->path) < 0) {
		tmp = NULL;
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	if (mkdirs(h->path) < 0 || (fd = mkstemp(tmp)) < 0) {
		snprintf(err, errlen, "cannot write %s: %s", h->path, strerror(errno));
		goto out;
	}
	fchmod(fd, 0600);
	f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		unlink(tmp);
		snprintf(err, errlen, "cannot write %s: %s", h->path, strerror(errno));
		goto out;
	}
	for (int k = 0; k < LINEHIST_KINDS; k++)
		for (int i = 0; i < n[k]; i++)
			fprintf(f, "%c%s\n", kind_char[k], v[k][i]);
	if (fflush(f) != 0 || fsync(fileno(f)) != 0 || ferror(f)) {
		fclose(f);
		unlink(tmp);
		snprintf(err, errlen, "cannot write %s: %s", h->path, strerror(errno));
		goto out;
	}
	fclose(f);
	if (rename(tmp, h->path) < 0) {
		unlink(tmp);
		snprintf(err, errlen, "cannot write %s: %s", h->path, strerror(errno));
		goto out;
	}
	for (int k = 0; k < LINEHIST_KINDS; k++) {
		for (int i = 0; i < h->nadded[k]; i++)
			free(h->added[k][i]);
		h->nadded[k] = 0;
	}
	rc = 0;
out:
	free(tmp);
	for (int k = 0; k < LINEHIST_KINDS; k++)
		for (int i = 0; i < n[k]; i++)
			free(v[k][i]);
	return rc;
}
