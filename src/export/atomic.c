/* atomic.c: temp file, fsync, rename: the standard way to replace a file whole. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export/atomic.h"

/* The temporary file of the export in progress, for a signal handler (one export at a time). */
static const char *pending;

const char *atomic_pending(void)
{
	return pending;
}

/* "cannot write 'PATH': REASON", a full disk said as people say it. */
static void why(char *err, size_t errlen, const char *path, int e)
{
	if (e == ENOSPC)
		snprintf(err, errlen, "cannot write '%s': the disk is full (%s); nothing was written",
		         path, strerror(e));
	else if (e == EDQUOT)
		snprintf(err, errlen, "cannot write '%s': your disk quota is used up (%s); nothing was "
		         "written", path, strerror(e));
	else if (e == EFBIG)
		snprintf(err, errlen, "cannot write '%s': the file would pass a size limit (%s); nothing "
		         "was written", path, strerror(e));
	else
		snprintf(err, errlen, "cannot write '%s': %s", path, strerror(e));
}

static void release(struct atomic_file *af)
{
	free(af->path);
	free(af->tmp);
	af->path = af->tmp = NULL;
	af->f = NULL;
	pending = NULL;
}

int atomic_open(const char *path, struct atomic_file *af, char *err, size_t errlen)
{
	memset(af, 0, sizeof *af);
	struct stat st;
	mode_t mode;
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			snprintf(err, errlen, "cannot write '%s': it is a directory", path);
			return -1;
		}
		mode = st.st_mode & 07777;
		if (!S_ISREG(st.st_mode)) {
			/* Never rename over a device or a pipe: write into it as it is. */
			af->f = fopen(path, "w");
			if (!af->f) {
				why(err, errlen, path, errno);
				return -1;
			}
			af->path = strdup(path);
			if (!af->path) {
				fclose(af->f);
				af->f = NULL;
				snprintf(err, errlen, "cannot write '%s': out of memory", path);
				return -1;
			}
			return 0;
		}
	} else {
		/* Notes are private, as the database is (0600): a new export is the user's alone
		 * until they say otherwise. */
		mode = 0600;
	}
	char *copy1 = strdup(path), *copy2 = strdup(path);
	af->path = strdup(path);
	if (!copy1 || !copy2 || !af->path) {
		free(copy1);
		free(copy2);
		snprintf(err, errlen, "cannot write '%s': out of memory", path);
		release(af);
		return -1;
	}
	const char *dir = dirname(copy1), *base = basename(copy2);
	size_t n = strlen(dir) + strlen(base) + 16;
	af->tmp = malloc(n);
	if (af->tmp)
		snprintf(af->tmp, n, "%s/.%s.XXXXXX", dir, base);
	free(copy2);
	if (!af->tmp) {
		free(copy1);
		snprintf(err, errlen, "cannot write '%s': out of memory", path);
		release(af);
		return -1;
	}
	int fd = mkstemp(af->tmp);
	if (fd < 0) {
		int e = errno;
		struct stat ds;
		if (e == ENOENT && stat(dir, &ds) != 0)
			snprintf(err, errlen, "cannot write '%s': directory '%s' does not exist", path, dir);
		else
			why(err, errlen, path, e);
		free(copy1);
		free(af->tmp);
		af->tmp = NULL;
		release(af);
		return -1;
	}
	free(copy1);
	pending = af->tmp;
	if (fchmod(fd, mode) != 0 || !(af->f = fdopen(fd, "w"))) {
		why(err, errlen, path, errno);
		if (!af->f)
			close(fd);
		unlink(af->tmp);
		release(af);
		return -1;
	}
	return 0;
}

void atomic_fail(struct atomic_file *af, char *err, size_t errlen)
{
	/* The stream's error is seen again by flushing what is left, with its errno. */
	int e = errno ? errno : EIO;
	if (af->f && fflush(af->f) != 0 && errno)
		e = errno;
	why(err, errlen, af->path ? af->path : "the output", e);
	atomic_abort(af);
}

void atomic_abort(struct atomic_file *af)
{
	if (af->f)
		fclose(af->f);
	if (af->tmp)
		unlink(af->tmp);
	release(af);
}

int atomic_commit(struct atomic_file *af, char *err, size_t errlen)
{
	int e = 0;
	if (!af->tmp) {   /* written directly (not a regular file): flushing is all there is */
		if (fflush(af->f) != 0 || ferror(af->f))
			e = errno ? errno : EIO;
		if (fclose(af->f) != 0 && !e)
			e = errno;
		af->f = NULL;
		if (e)
			why(err, errlen, af->path, e);
		release(af);
		return e ? -1 : 0;
	}
	if (fflush(af->f) != 0 || ferror(af->f))
		e = errno ? errno : EIO;
	else if (fsync(fileno(af->f)) != 0)
		e = errno;
	if (fclose(af->f) != 0 && !e)
		e = errno;
	af->f = NULL;
	if (!e && rename(af->tmp, af->path) != 0)
		e = errno;
	if (e) {
		why(err, errlen, af->path, e);
		unlink(af->tmp);
		release(af);
		return -1;
	}
	/* The rename itself must reach the disk too: sync the directory (best effort). */
	char *copy = strdup(af->path);
	if (copy) {
		int dfd = open(dirname(copy), O_RDONLY | O_DIRECTORY);
		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
		free(copy);
	}
	release(af);
	return 0;
}
