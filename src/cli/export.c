/* export.c: placeholder until the export command lands; replaced whole by its owner. */
#include "config.h"
#include <sysexits.h>
#include "cli/cli.h"

int cmd_export(int argc, char **argv, struct cli_opts *opts)
{
	(void)argc; (void)argv; (void)opts;
	cli_error("export: not available in this build");
	return EX_UNAVAILABLE;
}
