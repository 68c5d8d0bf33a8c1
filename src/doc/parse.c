/* parse.c: the parser's entry points: read the file, pick its shape from the table of shapes
 * (shape.c), decode it when the shape reads text, and hand it to the shape's reader. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc/blocks.h"
#include "doc/input.h"
#include "doc/parse.h"
#include "doc/shape.h"

int input_format_from_name(const char *name)
{
	if (!name)
		return -1;
	if (strcmp(name, "auto") == 0)
		return INPUT_AUTO;
	for (size_t i = 0; i < input_nshapes; i++)
		if (strcmp(name, input_shapes[i].name) == 0)
			return (int)input_shapes[i].format;
	return -1;
}

const char *input_format_name(enum input_format f)
{
	const struct input_shape *sh = shape_of(f);
	return sh ? sh->name : "auto";
}

const char *input_format_list(char *buf, size_t size)
{
	size_t o = (size_t)snprintf(buf, size, "auto");
	for (size_t i = 0; i < input_nshapes && o < size; i++)
		o += (size_t)snprintf(buf + o, size - o, "%s%s", i + 1 < input_nshapes ? ", " : " or ",
		                      input_shapes[i].name);
	return buf;
}

/* The processors this process may run on (its affinity mask; at least 1). */
static int cpus_allowed(void)
{
	long n = 0;
#ifdef CPU_COUNT
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0)
		n = CPU_COUNT(&set);
#endif
	if (n < 1)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

/* One thread unless $GAVEL_THREADS asks for more: on the machines measured (make bench, a
 * 2-CPU virtual machine) a second thread doubled the CPU time of a whole command, in wake-ups
 * and cache traffic between the cores, and made it slower, not faster. */
int parse_cpus(void)
{
	const char *e = getenv("GAVEL_THREADS");
	if (!e || !*e)
		return 1;
	if (strcmp(e, "auto") == 0)
		return cpus_allowed();
	char *end;
	long n = strtol(e, &end, 10);
	if (*end || n < 1)
		return 1;
	return n > 1024 ? 1024 : (int)n;
}

void parse_warn(struct parse_diag *d, const char *fmt, ...)
{
	char msg[sizeof d->warnings[0]];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	for (int i = 0; i < d->nwarnings; i++)
		if (strcmp(d->warnings[i], msg) == 0)
			return;
	if (d->nwarnings < PARSE_MAX_WARNINGS)
		memcpy(d->warnings[d->nwarnings++], msg, sizeof msg);
}

/* The first row of the given input kind whose probe says yes, or NULL. */
static const struct input_shape *probe_rows(enum shape_input in, const struct shape_probe *p)
{
	for (size_t i = 0; i < input_nshapes; i++)
		if (input_shapes[i].input == in && input_shapes[i].probe(p))
			return &input_shapes[i];
	return NULL;
}

/* Bytes -> collection, through the shape forced by f or the first whose probe says yes: the
 * rows that read bytes on the bytes, then the text rows on the decoded text. With `owned`,
 * raw (len + 1 bytes, as input_read returns them) is given up: freed, or decoded in place so
 * that a large file is never copied. */
static int parse_bytes(const char *raw, size_t len, int owned, enum input_format f,
                       const struct shape_want *w, struct collection **out,
                       struct parse_diag *d)
{
	const struct input_shape *sh = shape_of(f);
	if (!sh) {
		struct shape_probe p = { raw, len, INPUT_AUTO };
		sh = probe_rows(SHAPE_BYTES, &p);
	}
	if (sh && sh->input == SHAPE_BYTES) {
		d->shape = sh->name;
		int r = sh->read(raw, len, w, out, d);
		if (owned)
			free((char *)raw);
		return r;
	}
	char *text;
	size_t tlen;
	int r = owned ? input_decode_owned((char *)raw, len, &text, &tlen, d)
	              : input_decode(raw, len, &text, &tlen, d);
	if (r)
		return r;
	if (!sh) {
		struct shape_probe p = { text, tlen, shape_detect(text, tlen) };
		sh = probe_rows(SHAPE_TEXT, &p);
		if (!sh)
			sh = shape_of(INPUT_ODS);   /* shape_detect always names a text row */
	}
	if (sh)
		d->shape = sh->name;
	r = sh ? sh->read(text, tlen, w, out, d) : EX_SOFTWARE;
	free(text);
	return r;
}

/* The shape of the file at path when it is one that reads the file itself (shape_want:
 * path), as forced by f or from the file's first bytes; NULL otherwise. */
static const struct input_shape *reads_itself(const char *path, enum input_format f)
{
	/* a text shape forced on a PDF file would only refuse it as binary data: the file's
	 * own format wins there */
	const struct input_shape *sh = shape_of(f);
	if (sh && (sh->opening || sh->input == SHAPE_BYTES))
		return sh->opening ? sh : NULL;
	/* only a regular file is opened here: opening a FIFO and closing it unread would make
	 * its writer see a closed pipe, and the reading after it wait for a writer for ever */
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	char head[1024];
	ssize_t n = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? read(fd, head, sizeof head) : -1;
	close(fd);
	if (n <= 0)
		return NULL;
	sh = probe_rows(SHAPE_BYTES, &(struct shape_probe){ head, (size_t)n, INPUT_AUTO });
	return sh && sh->opening ? sh : NULL;
}

int parse_buffer(const char *buf, size_t len, enum input_format f, struct collection **out,
                 struct parse_diag *d)
{
	*out = NULL;
	struct shape_want w = { SIZE_MAX, NULL, NULL, 0, NULL, NULL, 0 };
	return parse_bytes(buf, len, 0, f, &w, out, d);
}

int parse_file(const char *path, enum input_format f, struct collection **out,
               struct parse_diag *d)
{
	*out = NULL;
	/* A shape that reads the file itself (a PDF, through its helper) is given the path: its
	 * bytes are never read here, nor refused as binary data. */
	const struct input_shape *sh = reads_itself(path, f);
	struct shape_want w = { SIZE_MAX, NULL, path, 0, NULL, NULL, 0 };
	if (sh) {
		d->shape = sh->name;
		return sh->read("", 0, &w, out, d);
	}
	char *raw;
	size_t len;
	int r = input_read(path, &raw, &len, d);
	if (r)
		return r;
	return parse_bytes(raw, len, 1, f, &w, out, d);
}

int parse_file_each(const char *path, enum input_format f, unsigned need,
                    int (*each)(void *ctx, struct resolution *), void *ctx,
                    struct parse_diag *d)
{
	struct parse_sink sink = { each, NULL, NULL, ctx };
	return parse_file_sink(path, f, need, &sink, d);
}

int parse_file_sink(const char *path, enum input_format f, unsigned need,
                    const struct parse_sink *sink, struct parse_diag *d)
{
	int (*each)(void *, struct resolution *) = sink->each;
	void *ctx = sink->ctx;
	struct collection *col = NULL;
	struct shape_want w = { SIZE_MAX, NULL, path, 0, NULL, sink, need };
	const struct input_shape *sh = reads_itself(path, f);
	int r;
	if (sh) {
		d->shape = sh->name;
		r = sh->read("", 0, &w, &col, d);
	} else {
		char *raw;
		size_t len;
		r = input_read(path, &raw, &len, d);
		if (r == 0)
			r = parse_bytes(raw, len, 1, f, &w, &col, d);
	}
	/* a shape that builds its model itself (XML, a PDF) gave the whole collection */
	int stop = 0;
	for (size_t i = 0; r == 0 && col && i < col->ndocs; i++) {
		struct resolution *res = col->docs[i];
		col->docs[i] = NULL;
		if (!stop)
			stop = each(ctx, res);
		else
			res_free(res);
	}
	collection_free(col);
	return r;
}

/* Reads up to max bytes into buf; returns the count or -1. */
static ssize_t read_upto(int fd, char *buf, size_t max)
{
	size_t n = 0;
	while (n < max) {
		ssize_t r = read(fd, buf + n, max - n);
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		n += (size_t)r;
	}
	return (ssize_t)n;
}

/* The opening of a document whose shape reads it itself (parse_file_prefix): read once, at
 * the first size asked (the reader asks for 32 KB, then for 128 KB when the first resolution
 * is cut there); a larger one is declined, as it would cost a new reading (a PDF's pages
 * through its helper) for what the first already shows. */
/* What the byte rows' probes look at, at most (akn_probe 4 KB, pdf_probe 1 KB). */
#define PROBE_HEAD ((size_t)4 << 10)

static int opening(const char *path, const struct input_shape *sh, size_t max,
                   struct collection **out, int *partial, struct parse_diag *d)
{
	if (max > ((size_t)64 << 10))
		return -1;
	struct collection *col = NULL;
	int more = 0, cut = 0;
	struct shape_want w = { 1, &more, path, max, &cut, NULL, 0 };
	int r = sh->read("", 0, &w, &col, d);
	if (r != 0 || !col || col->ndocs == 0) {
		collection_free(col);
		d->reason[0] = '\0';
		d->nwarnings = 0;
		return -1;
	}
	*partial = cut && !more;
	*out = col;
	d->shape = sh->name;
	return 0;
}

int parse_file_prefix(const char *path, size_t max, enum input_format f, struct collection **out,
                      int *partial, struct parse_diag *d)
{
	*out = NULL;
	*partial = 0;
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;   /* parse_file says why */
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (unsigned long long)st.st_size <= max) {
		close(fd);
		return -1;
	}
	char *buf = malloc(max + 1);
	if (!buf) {
		close(fd);
		return -1;
	}
	/* The shape is told by the first PROBE_HEAD bytes (the byte rows' probes look no
	 * further): one that reads its opening itself (a PDF) is not read here beyond them. */
	size_t head = max < PROBE_HEAD ? max : PROBE_HEAD;
	ssize_t got = read_upto(fd, buf, head);
	size_t len = got > 0 ? (size_t)got : 0;
	/* A shape whose opening cannot stand alone (XML is read whole) is left to the full parse. */
	const struct input_shape *sh = shape_of(f);
	if (!sh)
		sh = probe_rows(SHAPE_BYTES, &(struct shape_probe){ buf, len, INPUT_AUTO });
	if (sh && (sh->opening || !sh->prefix)) {
		close(fd);
		free(buf);
		/* A shape that reads its own opening (a PDF: its first pages, page by page) */
		return sh->opening ? opening(path, sh, max, out, partial, d) : -1;
	}
	if (len == head) {
		got = read_upto(fd, buf + len, max - len);
		len += got > 0 ? (size_t)got : 0;
	}
	close(fd);
	/* Cut after the last line end (in a file on one line, between words: issue 18); UTF-16,
	 * NUL bytes or invalid UTF-8 (a legacy encoding the whole file decides) are left to the
	 * full parse. */
	len = input_prefix_cut(buf, len);
	int ok = len > 0 && !memchr(buf, '\0', len);
	for (size_t i = 0; ok && i < len;) {
		if ((unsigned char)buf[i] < 0x80) {
			i += input_ascii_len((const unsigned char *)buf + i, len - i);
			continue;
		}
		size_t k = input_utf8_seq((const unsigned char *)buf + i, len - i);
		if (k == 0)
			ok = 0;
		i += k;
	}
	if (!ok) {
		free(buf);
		return -1;
	}
	struct collection *col = NULL;
	int more = 0;
	/* Only the first resolution is built: the reader waits for the whole file before going
	 * to another, and the others would cost as much again (a compilation's second
	 * resolution usually lies in the bytes read, cut). */
	struct shape_want w = { 1, &more, NULL, 0, NULL, NULL, 0 };
	int r = parse_bytes(buf, len, 1, f, &w, &col, d);
	if (r != 0 || !col || col->ndocs == 0) {
		collection_free(col);
		d->reason[0] = '\0';
		d->nwarnings = 0;
		return -1;
	}
	*partial = !more;
	*out = col;
	return 0;
}
