/* main.c: option parsing and subcommand dispatch; wires the layers and nothing else. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/cli.h"

/* The commands' help, options and man page entries are rows of src/cli/usage.c. */
static const struct command {
	const char *name;
	int (*run)(int, char **, struct cli_opts *);
} commands[] = {
	{ "parse",  cmd_parse },
	{ "show",   cmd_show },
	{ "search", cmd_search },
	{ "notes",  cmd_notes },
	{ "export", cmd_export },
	{ "diff",   cmd_diff },
	{ "help",   cmd_help },
	{ "add",     cmd_add },
	{ "library", cmd_library },
	{ "rm",      cmd_rm },
	{ "open",    cmd_open },
	{ "used",    cmd_used },
	{ "links",   cmd_links },
};

/* FILE that is neither a file nor a command but looks like a command word ("lst", "help"):
 * a hint, rather than "cannot open". Returns 1 when the hint was given. */
static int mistyped(const char *word)
{
	if (strpbrk(word, "/.") || access(word, F_OK) == 0)
		return 0;
	for (const char *p = word; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || *p == '-'))
			return 0;
	const char *near = usage_suggest(word);
	if (near)
		cli_error("'%s' is not a gavel command, nor a file; did you mean 'gavel %s'?", word,
		          near);
	else
		cli_error("'%s' is not a gavel command, nor a file; 'gavel --help' lists the "
		          "commands", word);
	return 1;
}

/* Output to a pipe or a file goes out in writes of OUT_BUFFER bytes, not stdio's 4 KB (the
 * pipe's st_blksize): every write wakes the reader, who then needs a core that gavel's
 * builders are using; `gavel search` on a 50 MB file wrote 24 MB in 4,000 writes, and a
 * fifth of its time went to switching to the reader and back. As cat and grep, a larger
 * buffer; a terminal keeps its line buffering. */
#define OUT_BUFFER (64 << 10)

int main(int argc, char **argv)
{
	static char out_buffer[OUT_BUFFER];     /* glibc takes a size only with a buffer */
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
	struct cli_opts opts = { 0 };
	const char *nc = getenv("NO_COLOR");
	if (nc && *nc)
		opts.no_color = 1;

	struct usage_getopt g = { 0 };
	int c, rc;
	while ((c = cli_getopt(argc, argv, "", &g, &opts, &rc)) > 0) {
		if (c == 'V') {
			printf("gavel %s\n", PACKAGE_VERSION);
			return fflush(stdout) ? EX_IOERR : 0;
		}
		if (c == OPT_WITH)
			opts.with = optarg;
	}
	if (c < 0)
		return rc;

	if (optind < argc) {
		for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
			if (strcmp(argv[optind], commands[i].name) == 0) {
				int sub_argc = argc - optind;
				char **sub_argv = argv + optind;
				return commands[i].run(sub_argc, sub_argv, &opts);
			}
		}
		if (mistyped(argv[optind]))
			return EX_USAGE;
		/* gavel FILE --with OTHER: the option after the file, as people type it */
		int k = optind + 1;
		while (k < argc && !opts.with) {
			if (strcmp(argv[k], "--with") == 0 && k + 1 < argc)
				opts.with = argv[k + 1], k += 2;
			else if (strncmp(argv[k], "--with=", 7) == 0)
				opts.with = argv[k] + 7, k++;
			else
				break;
		}
		if (k == argc)
			return cli_reader_terminal() ? cmd_read(argv[optind], &opts) : EX_UNAVAILABLE;
		if (optind + 1 < argc) {
			cli_error("too many arguments; try 'gavel --help'");
			return EX_USAGE;
		}
	}
	if (!cli_reader_terminal())
		return EX_UNAVAILABLE;
	return cmd_read(optind < argc ? argv[optind] : NULL, &opts);
}
