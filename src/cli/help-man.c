/* help-man.c: prints one generated section of the man page from the command line's table
 * (`help-man synopsis|options|commands|exit|names`); man/help-man.sh splices them in. */
#include "config.h"

#include <stdio.h>

#include "cli/usage.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: help-man synopsis|options|commands|exit|names\n", stderr);
		return 64;
	}
	int rc = usage_write_roff(stdout, argv[1]);
	if (rc == -2) {
		fprintf(stderr, "help-man: no section '%s'\n", argv[1]);
		return 64;
	}
	if (rc < 0 || fflush(stdout) != 0) {
		perror("help-man");
		return 74;
	}
	return 0;
}
