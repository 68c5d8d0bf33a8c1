/* import.c: placeholder until `notes import` lands; replaced whole by its owner. */
#include "config.h"
#include <sysexits.h>
#include "cli/cli.h"

int cmd_notes_import(int argc, char **argv, struct cli_opts *opts)
{
	(void)argc; (void)argv; (void)opts;
	cli_error("notes import: not available in this build");
	return EX_UNAVAILABLE;
}
