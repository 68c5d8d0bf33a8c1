/* atomic.h: writing a file so that readers see the old file or the whole new one, never a
 * half-written one: the text goes to a temporary file in the same directory, which is flushed
 * to disk and then renamed over the target.
 * Call order: atomic_open, write to af.f, then atomic_commit or atomic_abort (exactly one). */
#ifndef GAVEL_EXPORT_ATOMIC_H
#define GAVEL_EXPORT_ATOMIC_H

#include <stddef.h>
#include <stdio.h>

struct atomic_file {
	FILE *f;        /* write here */
	char *path;     /* the target */
	char *tmp;      /* the temporary file, NULL once committed or removed */
};

/* Creates the temporary file beside `path` (mode: the target's if it exists, else 0600:
 * exports hold private notes). A target that exists and is not a regular file (/dev/stdout, a FIFO, a device)
 * cannot be replaced by a rename: it is opened and written directly (af.tmp stays NULL).
 * Returns 0, or -1 with a message for people in err ("cannot write 'out/notes.txt': No such
 * file or directory"). */
int atomic_open(const char *path, struct atomic_file *af, char *err, size_t errlen);

/* Flushes, fsyncs, closes and renames the temporary file onto the target, then syncs the
 * directory. On failure the temporary file is removed, the target is untouched, and err
 * says why. Returns 0 or -1; af is released either way. */
int atomic_commit(struct atomic_file *af, char *err, size_t errlen);

/* Closes and removes the temporary file; the target is untouched. */
void atomic_abort(struct atomic_file *af);

/* atomic_abort after a failed write into af.f, with the reason in err as atomic_commit
 * gives it ("cannot write 'out.json': the disk is full (...); nothing was written"). */
void atomic_fail(struct atomic_file *af, char *err, size_t errlen);

/* The temporary file's path while one is open, for a signal handler to unlink (it is the one
 * piece of state a handler may read), else NULL. */
const char *atomic_pending(void);

#endif
