/* reader.c: placeholder until the curses reader lands; replaced whole by its owner. */
#include "config.h"
#include <sysexits.h>
#include "cli/cli.h"

int cmd_read(const char *file, struct cli_opts *opts)
{
	(void)file; (void)opts;
	cli_error("the reader is not available in this build");
	return EX_UNAVAILABLE;
}
