/* pdf.c: a PDF read through the helper program gavel-pdf (pdf.h). The helper runs with bounds
 * on its memory and CPU time, and gavel bounds the wall time and the size of what it writes;
 * whatever happens to the helper (a crash inside MuPDF, a hang), gavel gets an answer: the
 * pages it read, or one line saying why there are none. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "doc/pdf-int.h"
#include "doc/pdf-quick.h"
#include "doc/pdf.h"
#include "doc/shape.h"

extern char **environ;

#ifndef PKGLIBEXECDIR
#define PKGLIBEXECDIR "/usr/local/libexec/gavel"
#endif

/* Bounds on one document: the helper's memory (MB) and CPU time (ms), the wall time gavel
 * waits, and the stream it accepts (a resolution's text is a few hundred kilobytes; a
 * thousand-page report a few tens of megabytes). */
#define HELPER_MEM_MB "1024"
#define HELPER_CPU_MS "60000"
#define WALL_MS 90000
#define MAX_STREAM ((size_t)128 * 1024 * 1024)

/* The wall time gavel waits for the helper: $GAVEL_PDF_TIMEOUT seconds (1 to 3600), else
 * WALL_MS. */
static long wall_ms(void)
{
	const char *e = getenv("GAVEL_PDF_TIMEOUT");
	char *end;
	long s = e && *e ? strtol(e, &end, 10) : 0;
	return e && *e && !*end && s >= 1 && s <= 3600 ? s * 1000 : WALL_MS;
}

int pdf_probe(const char *buf, size_t len)
{
	size_t lim = len < 1024 ? len : 1024;
	for (size_t i = 0; i + 5 <= lim; i++) {
		const char *p = memchr(buf + i, '%', lim - i);
		if (!p || (size_t)(p - buf) + 5 > lim)
			return 0;
		if (memcmp(p, "%PDF-", 5) == 0)
			return 1;
		i = (size_t)(p - buf);
	}
	return 0;
}

static int fail(struct parse_diag *d, int code, const char *fmt, const char *arg)
{
	snprintf(d->reason, sizeof d->reason, fmt, arg ? arg : "");
	return code;
}

static int executable(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* $GAVEL_PDF_HELPER; else gavel-pdf beside the running program (the build tree, or a
 * relocated install); else the installed one. */
static int helper_path(char *out, size_t cap)
{
	const char *env = getenv("GAVEL_PDF_HELPER");
	if (env && *env) {
		snprintf(out, cap, "%s", env);
		return executable(out) ? 0 : -1;
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		snprintf(out, cap, "%s/gavel-pdf", dirname(exe));
		if (executable(out))
			return 0;
	}
	snprintf(out, cap, "%s/gavel-pdf", PKGLIBEXECDIR);
	return executable(out) ? 0 : -1;
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000L + (t.tv_nsec - t0->tv_nsec) / 1000000L;
}

struct run {
	char *out;
	size_t n, cap;
	int status;        /* the helper's wait status */
	int killed;        /* gavel ended it: 1 too slow, 2 too much output */
	int progress;      /* a whole read: its pages are counted for pdf_progress */
	size_t seen;       /* out[0..seen) is counted (up to a line end) */
	int pages;         /* the pages the stream holds whole ("end" or "skip" read) */
	int want;          /* an opening: its pages; pump pauses once the stream holds them */
	size_t cut;        /* the bytes up to the end of the want-th page */
	pid_t pid;         /* an opening's helper, paused: what goes on reading the rest */
	int rfd, go;       /* its stream, and its stdin (a byte reads on, the end stops it) */
};

/* The last whole read's progress (pdf_progress): the page it is on and the page count. */
static _Atomic int prog_page, prog_total, prog_quick;

void pdf_progress(int *page, int *total)
{
	*page = atomic_load(&prog_page);
	*total = atomic_load(&prog_total);
	/* none from a helper: the quick reader's whole read, if it is the one reading */
	if (*total == 0 && atomic_load(&prog_quick))
		pdf_quick_progress(page, total);
}

/* Counts the whole lines the helper wrote since the last call: "pages N" and "page NO" (for
 * pdf_progress), and the pages the stream holds whole. */
static void count_pages(struct run *r)
{
	for (;;) {
		const char *line = r->out + r->seen;
		const char *nl = memchr(line, '\n', r->n - r->seen);
		if (!nl)
			return;
		r->seen = (size_t)(nl - r->out) + 1;
		if ((nl - line == 3 && memcmp(line, "end", 3) == 0)
		    || (nl - line > 5 && memcmp(line, "skip ", 5) == 0)) {
			if (++r->pages == r->want)
				r->cut = r->seen;
		}
		if (r->progress && nl - line > 5 && memcmp(line, "page", 4) == 0) {
			int s = line[4] == 's';
			if (line[4 + s] == ' ') {
				long v = strtol(line + 5 + s, NULL, 10);
				if (v > 0 && v <= 10000000)
					atomic_store(s ? &prog_total : &prog_page, (int)v);
			}
		}
	}
}

/* Reads the helper's stdout to its end (or a bound), writing `in` to its stdin on the way.
 * An opening (r->want) pauses once the stream holds its pages: returns 1, the helper left
 * running and rfd open. */
static int pump(pid_t pid, int rfd, int wfd, const char *in, size_t inlen, struct run *r)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	size_t sent = 0;
	int rc = 0;
	long limit = wall_ms();
	while (rfd >= 0) {
		struct pollfd pf[2];
		int np = 0;
		pf[np++] = (struct pollfd){ rfd, POLLIN, 0 };
		if (wfd >= 0)
			pf[np++] = (struct pollfd){ wfd, POLLOUT, 0 };
		long left = limit - ms_since(&t0);
		if (left <= 0 || r->n > MAX_STREAM) {
			kill(pid, SIGKILL);
			r->killed = left <= 0 ? 1 : 2;
			break;
		}
		int k = poll(pf, (nfds_t)np, (int)(left > 1000 ? 1000 : left));
		if (k < 0 && errno != EINTR) {
			rc = -1;
			break;
		}
		if (k <= 0)
			continue;
		if (wfd >= 0 && (pf[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
			ssize_t w = (pf[1].revents & POLLOUT) ? write(wfd, in + sent, inlen - sent) : -1;
			if (w > 0)
				sent += (size_t)w;
			if (w < 0 || sent == inlen) {
				close(wfd);
				wfd = -1;
			}
		}
		if (pf[0].revents & (POLLIN | POLLERR | POLLHUP)) {
			if (r->cap - r->n < 65536) {
				size_t cap = r->cap ? r->cap * 2 : 1 << 18;
				char *no = realloc(r->out, cap);
				if (!no) {
					rc = -1;
					kill(pid, SIGKILL);
					break;
				}
				r->out = no;
				r->cap = cap;
			}
			ssize_t got = read(rfd, r->out + r->n, r->cap - r->n);
			if (got > 0) {
				r->n += (size_t)got;
				count_pages(r);
				if (r->want > 0 && r->pages >= r->want && wfd < 0)
					return 1;
			}
			else if (got == 0 || errno != EINTR) {
				close(rfd);
				rfd = -1;
			}
		}
	}
	if (wfd >= 0)
		close(wfd);
	if (rfd >= 0)
		close(rfd);
	while (waitpid(pid, &r->status, 0) < 0 && errno == EINTR)
		;
	return rc;
}

/* Runs the helper on path (or on buf through its stdin). An opening (path, r->want pages) is
 * the whole read paused after them: the helper's stdin is a socket whose first byte reads on
 * and whose end stops it, and it is left running when pump pauses (r->pid, r->rfd, r->go). */
static int run_helper(const char *helper, const char *path, const char *buf, size_t len,
                      int max_pages, struct run *r, struct parse_diag *d)
{
	char pages[16], opening[16];
	int open = path && r->want > 0;
	snprintf(pages, sizeof pages, "%d", max_pages > 0 && !open ? max_pages : 0);
	snprintf(opening, sizeof opening, "%d", open ? r->want : 0);
	char *argv[] = { (char *)"gavel-pdf", (char *)"--pages", pages, (char *)"--opening",
		opening, (char *)"--max-mem", (char *)HELPER_MEM_MB, (char *)"--max-ms",
		(char *)HELPER_CPU_MS, (char *)(path ? path : "-"), NULL };
	int out[2], in[2] = { -1, -1 };
	if (pipe2(out, O_CLOEXEC) != 0)
		return fail(d, EX_OSERR, "cannot start the PDF reader: %s", strerror(errno));
	if ((!path && pipe2(in, O_CLOEXEC) != 0)
	    || (open && socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in) != 0)) {
		close(out[0]);
		close(out[1]);
		return fail(d, EX_OSERR, "cannot start the PDF reader: %s", strerror(errno));
	}
	/* in[0]: the helper's stdin; in[1]: gavel's end (the PDF's bytes, or the go-ahead) */
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	if (path && !open)
		posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	else
		posix_spawn_file_actions_adddup2(&fa, in[0], 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	/* the helper must not inherit gavel's blocked or ignored signals (a reader thread) */
	posix_spawnattr_t at;
	posix_spawnattr_init(&at);
	sigset_t none, all;
	sigemptyset(&none);
	sigfillset(&all);
	posix_spawnattr_setsigmask(&at, &none);
	sigdelset(&all, SIGKILL);
	sigdelset(&all, SIGSTOP);
	posix_spawnattr_setsigdefault(&at, &all);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	pid_t pid;
	int e = posix_spawn(&pid, helper, &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(out[1]);
	if (in[0] >= 0)
		close(in[0]);
	if (e != 0) {
		close(out[0]);
		if (in[1] >= 0)
			close(in[1]);
		return fail(d, EX_UNAVAILABLE, "cannot start the PDF reader gavel-pdf: %s", strerror(e));
	}
	if (open) {
		r->pid = pid;
		r->rfd = out[0];
		r->go = in[1];
		int prc = pump(pid, out[0], -1, NULL, 0, r);
		if (prc == 1)
			return 0;   /* paused: the caller keeps or stops the helper */
		close(in[1]);
		r->go = -1;
		if (prc < 0)
			return fail(d, EX_OSERR, "out of memory reading the PDF", NULL);
		return 0;
	}
	/* A helper that dies early must not kill gavel with SIGPIPE while it is given the PDF:
	 * the signal is blocked in this thread for the while, and one it raised is taken. */
	sigset_t pipe_set, old;
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	if (in[1] >= 0) {
		fcntl(in[1], F_SETFL, fcntl(in[1], F_GETFL) | O_NONBLOCK);
		pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
	}
	int prc = pump(pid, out[0], in[1], buf, len, r);
	if (in[1] >= 0) {
		struct timespec zero = { 0, 0 };
		while (sigtimedwait(&pipe_set, NULL, &zero) > 0)
			;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	}
	if (prc < 0)
		return fail(d, EX_OSERR, "out of memory reading the PDF", NULL);
	return 0;
}

/* What the stream says went wrong, as one line for the user. */
static int stream_error(const struct pdf_doc *doc, struct parse_diag *d)
{
	const char *k = doc->error_kind;
	if (strcmp(k, "encrypted") == 0)
		return fail(d, EX_DATAERR, "the PDF is protected by a password: save a copy without it "
		            "(for example qpdf --decrypt --password=PASSWORD in.pdf out.pdf) and open that",
		            NULL);
	if (strcmp(k, "large") == 0)
		return fail(d, EX_DATAERR, "the PDF needs more memory than gavel allows its reader (%s MB)",
		            HELPER_MEM_MB);
	if (strcmp(k, "timeout") == 0)
		return fail(d, EX_DATAERR, "the PDF took too long to read (over a minute of CPU)", NULL);
	return fail(d, EX_DATAERR, "damaged PDF: %s", doc->error_msg[0] ? doc->error_msg : "unreadable");
}

/* Whether most of the text is U+FFFD, what the reader writes for a glyph its font does not
 * map: a PDF cut before its fonts, or fonts without any Unicode, whose text would be rows of
 * question marks rather than words. */
static int unmapped_text(const struct pdf_doc *doc)
{
	size_t chars = 0, unmapped = 0;
	for (size_t i = 0; i < doc->nspans; i++) {
		const unsigned char *t = (const unsigned char *)doc->spans[i].s;
		for (size_t k = 0; k < doc->spans[i].n; k++) {
			if (t[k] == 0xEF && k + 2 < doc->spans[i].n && t[k + 1] == 0xBF && t[k + 2] == 0xBD)
				unmapped++;
			chars += (t[k] & 0xC0) != 0x80 && t[k] != ' ';
		}
	}
	return unmapped * 2 > chars;
}

/* The stream (already read) -> blocks, with the checks every PDF gets. */
static int from_stream(struct pdf_doc *doc, int *more, struct block_list *out,
                       struct parse_diag *d)
{
	if (more)
		*more = doc->total_pages > 0 && (size_t)doc->total_pages > doc->npages;
	size_t spans = doc->nspans, images = 0, skipped = 0;
	for (size_t i = 0; i < doc->npages; i++) {
		images += (size_t)doc->pages[i].images;
		skipped += (size_t)doc->pages[i].skipped;
	}
	if (doc->error_kind[0] && doc->npages == 0)
		return stream_error(doc, d);
	if (doc->version == 0 || (doc->npages == 0 && doc->total_pages != 0))
		return fail(d, EX_DATAERR, "damaged PDF: no page could be read", NULL);
	if (doc->total_pages == 0)
		return fail(d, EX_DATAERR, "damaged PDF: it has no pages", NULL);
	if (spans == 0 && skipped == doc->npages)
		return fail(d, EX_DATAERR, "damaged PDF: no page could be read", NULL);
	if (spans == 0 && images > 0)
		return fail(d, EX_DATAERR, "the PDF has no text layer (a scan): run OCR on it first "
		            "(for example ocrmypdf in.pdf out.pdf), then open the result", NULL);
	if (spans == 0)
		return fail(d, EX_DATAERR, "the PDF holds no text", NULL);
	if (unmapped_text(doc))
		return fail(d, EX_DATAERR, "damaged PDF: its fonts map most of its text to no "
		            "character (cut short, or fonts without Unicode)", NULL);
	if (doc->error_kind[0]) {
		/* pages were read before the helper had to stop: they are shown, and the user
		 * hears why the rest is missing */
		struct parse_diag e;
		memset(&e, 0, sizeof e);
		stream_error(doc, &e);
		parse_warn(d, "%s (read as far as page %d)", e.reason, doc->pages[doc->npages - 1].no);
		if (more)
			*more = 0;
	}
	for (size_t i = 0; i < doc->npages; i++)
		if (doc->pages[i].skipped)
			parse_warn(d, "page %d of the PDF could not be read", doc->pages[i].no);
	if (pdf_layout(doc, out, d))
		return fail(d, EX_OSERR, "out of memory", NULL);
	return 0;
}

int pdf_read_stream(const char *stream, size_t len, int *more, struct block_list *out,
                    struct parse_diag *d)
{
	struct pdf_doc doc;
	if (pdf_stream_parse(&doc, stream, len)) {
		pdf_doc_free(&doc);
		return fail(d, EX_OSERR, "out of memory", NULL);
	}
	int rc = from_stream(&doc, more, out, d);
	pdf_doc_free(&doc);
	return rc;
}

/* An opening's helper, paused after the opening's pages (run_helper): the whole read of the
 * same file that follows (the reader's, beside its first screen) takes it over and reads on
 * from there, so that the first pages are not read twice (their fonts, their layout: the
 * opening's whole cost again). One at a time; any other read lets it go. */
static struct pending {
	struct run r;
	char *path;
	char helper[PATH_MAX];
	pid_t owner;        /* the process that started it (not a child forked since) */
} *pending;
static pthread_mutex_t pending_mu = PTHREAD_MUTEX_INITIALIZER;

/* Ends a paused helper (the end of its stdin stops it, the kill should it be anywhere else)
 * and waits for it. */
static void helper_stop(struct run *r)
{
	close(r->go);
	close(r->rfd);
	kill(r->pid, SIGKILL);
	while (waitpid(r->pid, &r->status, 0) < 0 && errno == EINTR)
		;
	free(r->out);
}

/* The paused helper of path (read by helper), taken out of the slot; NULL when there is none
 * for it (one of another file is stopped). */
static struct pending *pending_take(const char *path, const char *helper)
{
	pthread_mutex_lock(&pending_mu);
	struct pending *p = pending;
	pending = NULL;
	pthread_mutex_unlock(&pending_mu);
	if (p && (!path || strcmp(p->path, path) != 0 || strcmp(p->helper, helper) != 0)) {
		helper_stop(&p->r);
		free(p->path);
		free(p);
		p = NULL;
	}
	return p;
}

/* Stops the paused helper, if any. */
static void pending_drop(void)
{
	pending_take(NULL, "");
}

/* At exit: a paused helper nobody took over is stopped and waited for (by the process that
 * started it only). */
static void pending_exit(void)
{
	pthread_mutex_lock(&pending_mu);
	struct pending *p = pending && pending->owner == getpid() ? pending : NULL;
	if (p)
		pending = NULL;
	pthread_mutex_unlock(&pending_mu);
	if (p) {
		helper_stop(&p->r);
		free(p->path);
		free(p);
	}
}

static void pending_at_exit(void)
{
	atexit(pending_exit);
}

/* Keeps r's paused helper for the whole read of path; stops it when that cannot be. */
static void pending_keep(struct run *r, const char *path, const char *helper)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	struct pending *p = calloc(1, sizeof *p);
	if (p)
		p->path = strdup(path);
	if (!p || !p->path || pthread_once(&once, pending_at_exit) != 0) {
		helper_stop(r);
		if (p)
			free(p->path);
		free(p);
		return;
	}
	p->r = *r;
	p->owner = getpid();
	snprintf(p->helper, sizeof p->helper, "%s", helper);
	pending_drop();   /* the one before, if any */
	pthread_mutex_lock(&pending_mu);
	pending = p;
	pthread_mutex_unlock(&pending_mu);
}

/* The mapping of the last opening's file: let go at the next read (the whole read, which the
 * reader starts in the background once the first screen is out), not at once. Unmapping
 * pages two cores have read sends the other core an interrupt to drop them from its TLB:
 * 0.05 ms of the opening on this 2-CPU machine. */
static pthread_mutex_t kept_mu = PTHREAD_MUTEX_INITIALIZER;
static void *kept_map;
static size_t kept_len;

static void kept_swap(void *map, size_t len)
{
	pthread_mutex_lock(&kept_mu);
	void *old = kept_map;
	size_t old_len = kept_len;
	kept_map = map;
	kept_len = len;
	pthread_mutex_unlock(&kept_mu);
	if (old)
		munmap(old, old_len);
}

/* The quick reader's stream of the first pages of the file at path, or of buf[0..len) when
 * path is NULL (pdf-quick.h); -1 when it refuses or the file cannot be mapped (the helper
 * then reads it, and says why), why saying what stopped it. */
static int quick_read(const char *path, const char *buf, size_t len, int max_pages, char **out,
                      size_t *n, const char **why)
{
	if (!path)
		return pdf_quick_stream((const unsigned char *)buf, len, max_pages, out, n, why)
		       == 0 ? 0 : -1;
	*why = "the file cannot be read";
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	void *map = MAP_FAILED;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0
	    && (unsigned long long)st.st_size <= SIZE_MAX)
		map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return -1;
	int rc = pdf_quick_stream(map, (size_t)st.st_size, max_pages, out, n, why);
	kept_swap(map, (size_t)st.st_size);
	return rc == 0 ? 0 : -1;
}

/* An opening of a file the quick reader reads: its pages laid out at once, no helper. The
 * whole read that follows starts one (the reader asks for it once the first screen is out):
 * started here, beside the first screen, the helper took 1 to 10 ms from it on two busy
 * cores (medians of 25, bench/run.py's way) and won no more than those milliseconds for
 * the whole read. Returns 0, or -1 when the quick reader refuses or its stream has no page
 * to show (the helper then reads the opening, and says what is wrong in its words). */
static int quick_opening(const char *path, int max_pages, int *more, struct block_list *out,
                         struct parse_diag *d)
{
	char *qs;
	size_t qn;
	const char *why;
	if (quick_read(path, NULL, 0, max_pages, &qs, &qn, &why))
		return -1;
	int m = 0;
	int rc = pdf_read_stream(qs, qn, &m, out, d);
	free(qs);
	if (rc) {
		d->reason[0] = '\0';
		return -1;
	}
	if (more)
		*more = m;
	return 0;
}

/* A whole read of a plain PDF (the file at path, or buf[0..len)) by the quick reader, on two
 * cores: the bench's 100-page PDF in 0.05 s, where the helper (a process that starts, loads
 * MuPDF and its fonts, and reads a page at a time) takes 0.4 s. Its stream is kept in
 * the cache (cache, when not NULL) as the helper's is: read without a warning. Returns 0, or
 * -1 when the quick reader refuses or the layout finds nothing to show (out and d left as
 * they were: the helper reads it, and says what is wrong in its words). */
static int quick_whole(const char *path, const char *buf, size_t len, const char *cache,
                       int *more, struct block_list *out, struct parse_diag *d)
{
	char *qs;
	size_t qn;
	const char *why;
	atomic_store(&prog_quick, 1);
	int r = quick_read(path, buf, len, PDF_QUICK_ALL, &qs, &qn, &why);
	atomic_store(&prog_quick, 0);
	if (r)
		return -1;
	struct parse_diag qd = *d;
	int rc = pdf_read_stream(qs, qn, more, out, &qd);
	if (rc) {
		free(qs);
		blocks_free(out);
		memset(out, 0, sizeof *out);
		return -1;
	}
	*d = qd;
	if (cache && d->nwarnings == 0)
		pdf_cache_write(cache, qs, qn);
	free(qs);
	return 0;
}

/* A read without the helper (gavel built --without-mupdf, or gavel-pdf gone): gavel's own
 * reader alone, which reads the plain PDFs the UN publishes, uncached (a cache is named
 * after the helper that wrote it). What it refuses is refused with its reason and the way
 * out; a scan is said as always. */
static int own_read(const char *path, const char *buf, size_t len, int max_pages, int *more,
                    struct block_list *out, struct parse_diag *d)
{
	char *qs = NULL;
	size_t qn = 0;
	const char *why = "gavel's own reader is off (GAVEL_PDF_QUICK=0)";
	int r = -1;
	if (pdf_quick_enabled()) {
		atomic_store(&prog_quick, max_pages == 0);
		r = quick_read(path, buf, len, max_pages > 0 ? max_pages : PDF_QUICK_ALL, &qs, &qn,
		               &why);
		atomic_store(&prog_quick, 0);
	}
	if (r == 0) {
		int rc = pdf_read_stream(qs, qn, more, out, d);
		free(qs);
		return rc;
	}
	/* whether it needs a password or only has an owner's (MuPDF reads those), only
	 * decrypting would tell */
	if (why && strcmp(why, "encrypted") == 0)
		return fail(d, EX_UNAVAILABLE, "the PDF is encrypted, which only MuPDF's reader "
		            "(gavel-pdf, not built in this gavel) reads: save a decrypted copy (for "
		            "example qpdf --decrypt in.pdf out.pdf, with --password=PASSWORD if it has "
		            "one) and open that", NULL);
	if (why && strcmp(why, "out of memory") == 0)
		return fail(d, EX_OSERR, "out of memory", NULL);
	return fail(d, EX_UNAVAILABLE, "gavel's own PDF reader cannot read this PDF (%s), and this "
	            "gavel was built without MuPDF's (gavel-pdf): extract the text first, e.g. with "
	            "pdftotext", why ? why : "refused");
}

int pdf_read(const char *path, const char *buf, size_t len, int max_pages, int *more,
             struct block_list *out, struct parse_diag *d)
{
	kept_swap(NULL, 0);
	char helper[PATH_MAX];
	if (helper_path(helper, sizeof helper))
		return own_read(path, buf, len, max_pages, more, out, d);
	if (max_pages == 0) {
		atomic_store(&prog_page, 0);
		atomic_store(&prog_total, 0);
	}
	/* a PDF read whole before comes from the cache, its first pages as asked */
	char cache[PATH_MAX + 64];
	int cached = path && pdf_cache_name(path, helper, cache, sizeof cache) == 0;
	size_t clen = 0;
	char *cs = cached ? pdf_cache_read(cache, max_pages, &clen) : NULL;
	if (cs) {
		size_t keep = max_pages > 0 ? pdf_cache_cut(cs, clen, max_pages) : clen;
		int rc = pdf_read_stream(cs, keep, more, out, d);
		free(cs);
		return rc;
	}
	struct run r;
	memset(&r, 0, sizeof r);
	r.rfd = r.go = -1;
	struct pending *p = NULL;
	if (max_pages == 0)
		p = pending_take(path, helper);
	else
		pending_drop();
	int rc;
	/* an opening of a plain PDF gavel reads itself, not waiting for the helper to start; the
	 * whole of one too, when no helper is reading it already */
	if (!p && path && max_pages > 0 && pdf_quick_enabled()
	    && quick_opening(path, max_pages, more, out, d) == 0)
		return 0;
	if (!p && max_pages == 0 && pdf_quick_enabled()
	    && quick_whole(path, buf, len, cached ? cache : NULL, more, out, d) == 0)
		return 0;
	if (p) {
		/* the opening's helper reads on from where it paused */
		r = p->r;
		free(p->path);
		free(p);
		r.want = 0;
		r.progress = 1;
		r.seen = 0;
		r.pages = 0;
		count_pages(&r);
		send(r.go, "g", 1, MSG_NOSIGNAL);   /* one gone meanwhile: the pump finds it */
		close(r.go);
		r.go = -1;
		rc = pump(r.pid, r.rfd, -1, NULL, 0, &r) < 0
		     ? fail(d, EX_OSERR, "out of memory reading the PDF", NULL) : 0;
	} else {
		r.progress = max_pages == 0;
		r.want = path && max_pages > 0 ? max_pages : 0;
		rc = run_helper(helper, path, buf, len, max_pages, &r, d);
	}
	if (rc) {
		free(r.out);
		return rc;
	}
	if (r.go >= 0) {
		/* an opening, its helper paused after its pages: they are laid out, and the
		 * helper is kept for the whole read when there is more to read */
		int m = 0;
		rc = pdf_read_stream(r.out, r.cut, &m, out, d);
		if (more)
			*more = m;
		if (rc == 0 && m)
			pending_keep(&r, path, helper);
		else
			helper_stop(&r);
		return rc;
	}
	if (r.killed) {
		free(r.out);
		return r.killed == 1 ? fail(d, EX_DATAERR, "the PDF took too long to read", NULL)
		                     : fail(d, EX_DATAERR, "damaged PDF: its reader wrote more than "
		                            "gavel takes (128 MB of text)", NULL);
	}
	if (WIFEXITED(r.status) && WEXITSTATUS(r.status) == EX_NOINPUT) {
		free(r.out);
		return fail(d, EX_NOINPUT, "cannot read the file", NULL);
	}
	if (WIFSIGNALED(r.status)) {
		int sig = WTERMSIG(r.status);
		free(r.out);
		if (sig == SIGXCPU || sig == SIGKILL)
			return fail(d, EX_DATAERR, "the PDF took too long to read (over a minute of CPU)", NULL);
		return fail(d, EX_DATAERR, "damaged PDF: the reader stopped on it (signal %s)",
		            strsignal(sig));
	}
	rc = pdf_read_stream(r.out ? r.out : "", r.n, more, out, d);
	/* kept when the whole PDF was read without a fault: the helper ended well and said no
	 * error */
	if (rc == 0 && cached && max_pages == 0 && WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0
	    && d->nwarnings == 0)
		pdf_cache_write(cache, r.out, r.n);
	free(r.out);
	return rc;
}

int pdf_shape_probe(const struct shape_probe *p)
{
	return pdf_probe(p->buf, p->len);
}

int pdf_shape_read(const char *buf, size_t len, const struct shape_want *w,
                   struct collection **out, struct parse_diag *d)
{
	/* an opening: the first two pages (a first screen shows a page or two, with the first
	 * footnotes; each page costs its fonts and its layout, and the rest is read beside the
	 * reader). Their running heads are told from the body by the symbol beside them
	 * (pdf-layout.c), not by the pages after them. */
	int pages = w->opening ? 2 : 0;
	struct block_list bl;
	memset(&bl, 0, sizeof bl);
	int more_pages = 0;
	int r = pdf_read(w->path, w->path ? NULL : buf, w->path ? 0 : len, pages, &more_pages, &bl, d);
	if (r == 0 && build_collection_first(&bl, w->max, w->more, out, d) != 0)
		r = fail(d, EX_OSERR, "out of memory", NULL);
	if (w->cut)
		*w->cut = more_pages;
	blocks_free(&bl);
	return r;
}
