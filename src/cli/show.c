/* show.c: placeholder until the show command lands; replaced whole by its owner. */
#include "config.h"
#include <sysexits.h>
#include "cli/cli.h"

int cmd_show(int argc, char **argv, struct cli_opts *opts)
{
	(void)argc; (void)argv; (void)opts;
	cli_error("show: not available in this build");
	return EX_UNAVAILABLE;
}
