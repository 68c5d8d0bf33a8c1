/* parse.c: `gavel parse FILE` prints the model as JSON (the public contract of json.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cli/cli.h"
#include "doc/json.h"

/* The JSON written as the resolutions come (json_write_collection's shape: one resolution
 * alone, several in {"documents":[...]}): the first is held until a second says which. On
 * several threads (parse.h's sink) each resolution comes as its JSON, rendered where it was
 * built. */
struct parse_out {
	struct resolution *first;   /* the first, not yet written */
	char *first_json;           /* or its JSON */
	size_t first_len;
	size_t n;                   /* resolutions seen */
	int err;
};

/* The first resolution, held, written at last. */
static void write_first(struct parse_out *o)
{
	if (o->first) {
		o->err |= json_write_resolution(stdout, o->first);
		res_free(o->first);
		o->first = NULL;
	} else if (o->first_json) {
		fwrite(o->first_json, 1, o->first_len, stdout);
		free(o->first_json);
		o->first_json = NULL;
	}
}

/* Before the second resolution and every one after. */
static void write_next(struct parse_out *o)
{
	if (o->n == 2) {
		fputs("{\"documents\":[", stdout);
		write_first(o);
	}
	putc(',', stdout);
}

static int write_each(void *ctx, struct resolution *res)
{
	struct parse_out *o = ctx;
	if (o->n++ == 0) {
		o->first = res;
		return 0;
	}
	write_next(o);
	o->err |= json_write_resolution(stdout, res);
	res_free(res);
	return o->err || ferror(stdout);
}

static int render_json(const void *ctx, const struct resolution *res, FILE *f, int *items)
{
	(void)ctx;
	*items = 1;
	return json_write_resolution(f, res) != 0 || ferror(f);
}

static int emit_json(void *ctx, const char *bytes, size_t n, int items)
{
	(void)items;
	struct parse_out *o = ctx;
	if (o->n++ == 0) {
		o->first_json = malloc(n ? n : 1);
		if (!o->first_json)
			return o->err = 1;
		memcpy(o->first_json, bytes, n);
		o->first_len = n;
		return 0;
	}
	write_next(o);
	fwrite(bytes, 1, n, stdout);
	return o->err || ferror(stdout);
}

/* Ends the JSON; returns nonzero when it could not be written. */
static int write_end(struct parse_out *o)
{
	if (o->n == 1)
		write_first(o);
	else
		fputs(o->n ? "]}" : "{\"documents\":[]}", stdout);
	putc('\n', stdout);
	return o->err || ferror(stdout);
}

int cmd_parse(int argc, char **argv, struct cli_opts *opts)
{
	struct usage_getopt g = { 0 };
	int c, rc;
	while ((c = cli_getopt(argc, argv, "parse", &g, opts, &rc)) > 0)
		;   /* no options of its own */
	if (c < 0)
		return rc;
	if (argc - optind > 1) {
		cli_error("parse: one FILE at a time");
		return EX_USAGE;
	}
	struct parse_out o = { 0 };
	struct parse_sink sink = { write_each, render_json, emit_json, &o };
	rc = cli_load_sink(optind < argc ? argv[optind] : NULL, opts, PARSE_ALL, &sink);
	if (rc) {
		res_free(o.first);
		free(o.first_json);
		return rc;
	}
	if (write_end(&o) || fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("parse: cannot write the output");
		return EX_IOERR;
	}
	return 0;
}
