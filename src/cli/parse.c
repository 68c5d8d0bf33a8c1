/* parse.c: `gavel parse FILE` prints the model as JSON (the public contract of json.h). */
#include "config.h"

#include <stdio.h>
#include <sysexits.h>

#include "cli/cli.h"
#include "doc/json.h"

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
	struct collection *col;
	rc = cli_load(optind < argc ? argv[optind] : NULL, opts, &col);
	if (rc)
		return rc;
	rc = json_write_collection(stdout, col);
	collection_free(col);
	if (rc || fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("parse: cannot write the output");
		return EX_IOERR;
	}
	return 0;
}
