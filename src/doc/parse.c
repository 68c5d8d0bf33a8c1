/* parse.c: the parser's entry points: read, decode, pick the shape reader, build the model.
 * Every shape goes through blocks -> build_collection, so all shapes give the same model. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc/blocks.h"
#include "doc/input.h"
#include "doc/parse.h"
#include "doc/pdf.h"

static const char *const format_names[] = {
	[INPUT_AUTO] = "auto", [INPUT_ODS] = "ods", [INPUT_PDF] = "pdf", [INPUT_PLAIN] = "plain"
};

int input_format_from_name(const char *name)
{
	if (!name)
		return -1;
	for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++)
		if (strcmp(name, format_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *input_format_name(enum input_format f)
{
	if ((size_t)f < sizeof format_names / sizeof *format_names)
		return format_names[f];
	return "auto";
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

static int oom(struct parse_diag *d)
{
	snprintf(d->reason, sizeof d->reason, "out of memory");
	return EX_OSERR;
}

/* Decoded text -> collection: its first `max` resolutions, *more set (if not NULL) when
 * another begins after them. */
static int parse_text(const char *text, size_t len, enum input_format f, size_t max, int *more,
                      struct collection **out, struct parse_diag *d)
{
	struct block_list bl;
	memset(&bl, 0, sizeof bl);
	if (f == INPUT_AUTO)
		f = shape_detect(text, len);
	int r;
	switch (f) {
	case INPUT_PDF:
		r = shape_pdf(text, len, &bl, d);
		break;
	case INPUT_PLAIN:
		r = shape_plain(text, len, &bl, d);
		break;
	default:
		r = shape_ods(text, len, &bl, d);
		break;
	}
	if (r == 0)
		r = build_collection_first(&bl, max, more, out, d);
	blocks_free(&bl);
	return r == 0 ? 0 : oom(d);
}

/* A PDF (read through its helper) -> collection: its first `max_pages` pages (0: all),
 * *more_pages set when it has more; its first `max` resolutions, *more set as above. */
static int parse_pdf(const char *path, const char *buf, size_t len, int max_pages,
                     int *more_pages, size_t max, int *more, struct collection **out,
                     struct parse_diag *d)
{
	struct block_list bl;
	memset(&bl, 0, sizeof bl);
	int r = pdf_read(path, buf, len, max_pages, more_pages, &bl, d);
	if (r == 0 && build_collection_first(&bl, max, more, out, d) != 0)
		r = oom(d);
	blocks_free(&bl);
	return r;
}

/* Whether the file at path starts as a PDF does. */
static int file_is_pdf(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	char head[1024];
	ssize_t n = read(fd, head, sizeof head);
	close(fd);
	return n > 0 && pdf_probe(head, (size_t)n);
}

int parse_buffer(const char *buf, size_t len, enum input_format f, struct collection **out,
                 struct parse_diag *d)
{
	*out = NULL;
	if (pdf_probe(buf, len))
		return parse_pdf(NULL, buf, len, 0, NULL, SIZE_MAX, NULL, out, d);
	char *text;
	size_t tlen;
	int r = input_decode(buf, len, &text, &tlen, d);
	if (r)
		return r;
	r = parse_text(text, tlen, f, SIZE_MAX, NULL, out, d);
	free(text);
	return r;
}

int parse_file(const char *path, enum input_format f, struct collection **out,
               struct parse_diag *d)
{
	*out = NULL;
	char *raw, *text;
	size_t len, tlen;
	struct stat st;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && file_is_pdf(path))
		return parse_pdf(path, NULL, 0, 0, NULL, SIZE_MAX, NULL, out, d);
	int r = input_read(path, &raw, &len, d);
	if (r)
		return r;
	/* the file's own buffer is decoded in place: no second copy of a large file */
	r = input_decode_owned(raw, len, &text, &tlen, d);
	if (r)
		return r;
	r = parse_text(text, tlen, f, SIZE_MAX, NULL, out, d);
	free(text);
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
	char head[1024];
	ssize_t hn = read(fd, head, sizeof head);
	if (hn > 0 && pdf_probe(head, (size_t)hn)) {
		/* A PDF opens page by page: its first pages stand for `max` bytes of text (a page
		 * of a resolution holds about 4 KB), and only they are read. */
		close(fd);
		int pages = (int)(max / 8192) > 2 ? (int)(max / 8192) : 2;
		int more_pages = 0, more = 0;
		struct collection *col = NULL;
		if (parse_pdf(path, NULL, 0, pages, &more_pages, 1, &more, &col, d) != 0
		    || !col || col->ndocs == 0) {
			collection_free(col);
			d->reason[0] = '\0';
			d->nwarnings = 0;
			return -1;
		}
		*partial = more_pages && !more;
		*out = col;
		return 0;
	}
	if (lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	char *buf = malloc(max + 1);
	if (!buf) {
		close(fd);
		return -1;
	}
	ssize_t got = read_upto(fd, buf, max);
	close(fd);
	size_t len = got > 0 ? (size_t)got : 0;
	/* Cut after the last line end; UTF-16, NUL bytes or invalid UTF-8 (a legacy encoding the
	 * whole file decides) are left to the full parse. */
	while (len > 0 && buf[len - 1] != '\n')
		len--;
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
	char *text;
	size_t tlen;
	int more = 0;
	int r = input_decode_owned(buf, len, &text, &tlen, d);
	if (r == 0) {
		/* Only the first resolution is built: the reader waits for the whole file before
		 * going to another, and the others would cost as much again (a compilation's
		 * second resolution usually lies in the bytes read, cut). */
		r = parse_text(text, tlen, f, 1, &more, &col, d);
		free(text);
	}
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
