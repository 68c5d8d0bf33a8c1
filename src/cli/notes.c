/* notes.c: placeholder until the notes command lands; replaced whole by its owner. */
#include "config.h"
#include <sysexits.h>
#include "cli/cli.h"

int cmd_notes(int argc, char **argv, struct cli_opts *opts)
{
	(void)argc; (void)argv; (void)opts;
	cli_error("notes: not available in this build");
	return EX_UNAVAILABLE;
}
