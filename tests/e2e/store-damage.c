/* store-damage.c: the shell tests' tool for damaging a database (store-damage.h says how).
 *   store-damage KIND DB   prints the commits that must survive (torn-wal) or 0; exit 0, or 1
 *                          with the reason on stderr */
#include "config.h"

#include "store-damage.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: store-damage index-row|index-extra|freelist|truncated|torn-wal DB\n");
		return 64;
	}
	int n = dmg_apply(argv[1], argv[2]);
	if (n < 0)
		return 1;
	printf("%d\n", n);
	return 0;
}
