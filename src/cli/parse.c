/* parse.c: `gavel parse FILE` prints the model as JSON (the public contract of json.h). */
#include "config.h"

#include <stdio.h>
#include <sysexits.h>

#include "cli/cli.h"
#include "doc/json.h"

/* The JSON written as the resolutions come (json_write_collection's shape: one resolution
 * alone, several in {"documents":[...]}): the first is held until a second says which. */
struct parse_out {
	struct resolution *first;   /* the first, not yet written */
	size_t n;                   /* resolutions seen */
	int err;
};

static int write_each(void *ctx, struct resolution *res)
{
	struct parse_out *o = ctx;
	if (o->n++ == 0) {
		o->first = res;
		return 0;
	}
	if (o->first) {
		fputs("{\"documents\":[", stdout);
		o->err |= json_write_resolution(stdout, o->first);
		res_free(o->first);
		o->first = NULL;
	}
	putc(',', stdout);
	o->err |= json_write_resolution(stdout, res);
	res_free(res);
	return o->err || ferror(stdout);
}

/* Ends the JSON; returns nonzero when it could not be written. */
static int write_end(struct parse_out *o)
{
	if (o->n == 1) {
		o->err |= json_write_resolution(stdout, o->first);
		res_free(o->first);
		o->first = NULL;
	} else {
		fputs(o->n ? "]}" : "{\"documents\":[]}", stdout);
	}
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
	rc = cli_load_each(optind < argc ? argv[optind] : NULL, opts, PARSE_ALL, write_each, &o);
	if (rc) {
		res_free(o.first);
		return rc;
	}
	if (write_end(&o) || fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("parse: cannot write the output");
		return EX_IOERR;
	}
	return 0;
}
