/* main.c: option parsing and subcommand dispatch; wires the layers and nothing else. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cli/cli.h"

static const struct command {
	const char *name;
	int (*run)(int, char **, struct cli_opts *);
	const char *summary;
} commands[] = {
	{ "parse",  cmd_parse,  "print the document model as JSON" },
	{ "show",   cmd_show,   "print the document as a reader sees it" },
	{ "search", cmd_search, "print the paragraphs that match a pattern" },
	{ "notes",  cmd_notes,  "list, add, edit, remove or import notes" },
	{ "export", cmd_export, "export notes as txt, md, json, csv or annotated text" },
	{ "diff",   cmd_diff,   "compare two resolutions: a redline by paragraph and word" },
};

static void usage(FILE *f)
{
	fprintf(f,
"Usage: gavel [OPTION]... [FILE]\n"
"       gavel [OPTION]... COMMAND [ARG]...\n"
"Read and annotate United Nations resolutions in the terminal.\n"
"With no FILE, opens the bundled resolution A/RES/58/190.\n"
"\n"
"Commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(f,
"\n"
"  gavel parse FILE                     JSON model on stdout\n"
"  gavel show [--width N] FILE [ID]...  wrapped text, markers as [16]\n"
"  gavel search [--json] PATTERN FILE...\n"
"  gavel notes list [--json] [FILE]\n"
"  gavel notes add FILE ID [--quote TEXT] [--color NAME] [--tag TAG]... [TEXT]\n"
"  gavel notes edit NOTE-ID TEXT\n"
"  gavel notes rm NOTE-ID\n"
"  gavel notes import FILE.json\n"
"  gavel export [--format F] [-o FILE] [--color C] [--tag T] [DOCUMENT]\n"
"  gavel diff [--format text|md|html|json|docx] [-o FILE] [--all] OLD NEW\n"
"\n"
"Options:\n"
"      --db PATH            annotation database (default $GAVEL_DB, else\n"
"                           $XDG_DATA_HOME/gavel/gavel.db)\n"
"      --input-format NAME  auto, ods, pdf or plain (default auto)\n"
"      --no-color           no colours (also when NO_COLOR is set)\n"
"  -h, --help               show this help and exit\n"
"  -V, --version            show the version and exit\n"
"\n"
"Exit status: 0 success, 64 bad usage, 65 bad data, 66 cannot open input,\n"
"69 unavailable, 70 internal error, 73 cannot create output, 74 I/O error.\n"
"See gavel(1) for the keys of the reader.\n");
}

int main(int argc, char **argv)
{
	struct cli_opts opts = { 0 };
	const char *nc = getenv("NO_COLOR");
	if (nc && *nc)
		opts.no_color = 1;

	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("gavel %s\n", PACKAGE_VERSION);
			return 0;
		case '?':
			if (optopt)
				cli_error("unknown option '-%c'; try 'gavel --help'", optopt);
			else
				cli_error("unknown option '%s'; try 'gavel --help'", argv[optind - 1]);
			return EX_USAGE;
		case ':':
			cli_error("option '%s' needs an argument", argv[optind - 1]);
			return EX_USAGE;
		default: {
			int r = cli_common_option(c, optarg, &opts);
			if (r < 0)
				return EX_USAGE;
			if (r == 0) {
				cli_error("unknown option; try 'gavel --help'");
				return EX_USAGE;
			}
		}
		}
	}

	if (optind < argc) {
		for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
			if (strcmp(argv[optind], commands[i].name) == 0) {
				int sub_argc = argc - optind;
				char **sub_argv = argv + optind;
				optind = 0;  /* reset getopt for the command's own options */
				return commands[i].run(sub_argc, sub_argv, &opts);
			}
		}
		if (optind + 1 < argc) {
			cli_error("too many arguments; try 'gavel --help'");
			return EX_USAGE;
		}
	}
	return cmd_read(optind < argc ? argv[optind] : NULL, &opts);
}
