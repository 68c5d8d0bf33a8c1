/* parse.c: `gavel parse FILE` prints the model as JSON (the public contract of json.h). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <sysexits.h>

#include "cli/cli.h"
#include "doc/json.h"

int cmd_parse(int argc, char **argv, struct cli_opts *opts)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'h') {
			printf("Usage: gavel parse [--input-format NAME] FILE\n"
			       "Print the resolution model of FILE as JSON.\n");
			return 0;
		}
		if (cli_other_option("parse", c, argv, opts))
			return EX_USAGE;
	}
	if (argc - optind > 1) {
		cli_error("parse: one FILE at a time");
		return EX_USAGE;
	}
	struct collection *col;
	int rc = cli_load(optind < argc ? argv[optind] : NULL, opts, &col);
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
