/* keys-man.c: prints the default keymaps of every mode as roff (`make keys-man`), so the man
 * page lists the same keys as the help screen. */
#include "config.h"

#include <stdio.h>

#include "view/keymap.h"

int main(void)
{
	if (keymap_write_roff(stdout) < 0 || fflush(stdout) != 0) {
		perror("keys-man");
		return 1;
	}
	return 0;
}
