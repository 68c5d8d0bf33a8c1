/* parse.c: the parser's entry points: read, decode, pick the shape reader, build the model.
 * Every shape goes through blocks -> build_collection, so all shapes give the same model. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "doc/blocks.h"
#include "doc/input.h"
#include "doc/parse.h"

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

/* Decoded text -> collection. */
static int parse_text(const char *text, size_t len, enum input_format f, struct collection **out,
                      struct parse_diag *d)
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
		r = build_collection(&bl, out, d);
	blocks_free(&bl);
	return r == 0 ? 0 : oom(d);
}

int parse_buffer(const char *buf, size_t len, enum input_format f, struct collection **out,
                 struct parse_diag *d)
{
	*out = NULL;
	char *text;
	size_t tlen;
	int r = input_decode(buf, len, &text, &tlen, d);
	if (r)
		return r;
	r = parse_text(text, tlen, f, out, d);
	free(text);
	return r;
}

int parse_file(const char *path, enum input_format f, struct collection **out,
               struct parse_diag *d)
{
	*out = NULL;
	char *raw;
	size_t len;
	int r = input_read(path, &raw, &len, d);
	if (r)
		return r;
	r = parse_buffer(raw, len, f, out, d);
	free(raw);
	return r;
}
