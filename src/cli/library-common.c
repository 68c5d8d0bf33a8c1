/* library-common.c: what the library's commands share: opening the library beside the
 * notes database, and opening a document from it wherever a FILE is asked for. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/cli.h"
#include "library/library.h"

char *cli_library_path(const struct cli_opts *opts)
{
	char *db = opts->library ? NULL : cli_db_path(opts);
	char *path = opts->library ? strdup(opts->library) : db ? library_default_path(db) : NULL;
	free(db);
	return path;
}

int cli_library_open(const struct cli_opts *opts, int write, int missing_ok,
                     struct library **out)
{
	*out = NULL;
	char *path = cli_library_path(opts);
	if (!path) {
		cli_error("out of memory");
		return EX_OSERR;
	}
	if (!write && missing_ok && access(path, F_OK) != 0 && errno == ENOENT) {
		free(path);
		return 0;
	}
	char *msg = NULL;
	int err = library_open(path, write ? LIBRARY_WRITE : LIBRARY_READ, out, &msg);
	free(path);
	if (err == STORE_ERR_NOTFOUND && missing_ok) {
		free(msg);
		return 0;
	}
	if (err) {
		cli_error("%s", msg ? msg : "cannot open the library");
		free(msg);
		return err == STORE_ERR_NOTFOUND ? EX_NOINPUT : cli_store_exit(err);
	}
	return 0;
}

/* The user's language, when it is one of the six: $LC_ALL, $LC_MESSAGES, $LANG ("fr_FR"). */
static const char *user_language(const struct cli_opts *opts)
{
	static char lang[3];
	if (opts->lang)
		return opts->lang;
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	static const char *const six[] = { "ar", "en", "es", "fr", "ru", "zh" };
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);
		if (!v || !*v)
			continue;
		for (size_t k = 0; k < sizeof six / sizeof *six; k++)
			if (strncmp(v, six[k], 2) == 0 && (v[2] == '\0' || v[2] == '_' || v[2] == '.')) {
				memcpy(lang, six[k], 3);
				return lang;
			}
		return NULL;
	}
	return NULL;
}

int cli_library_load(const char *what, const struct cli_opts *opts, struct collection **out)
{
	*out = NULL;
	if (!what || access(what, F_OK) == 0 || errno != ENOENT)
		return -1;
	struct library *l;
	if (cli_library_open(opts, 0, 1, &l) != 0 || !l)
		return -1;
	char key[SYMBOL_KEY_MAX];
	int symbolic = symbol_from_user(what, key, sizeof key) == 0 ||
	               symbol_sc_prefix(what, key, sizeof key) == 0;
	struct library_doc *v = NULL;
	size_t n = 0;
	int err = library_find(l, what, user_language(opts), &v, &n);
	if (err == STORE_ERR_NOTFOUND && !symbolic) {
		library_close(l);
		return -1;   /* neither a file nor a document: the caller says "no such file" */
	}
	if (err) {
		if (err == STORE_ERR_NOTFOUND)
			cli_error("%s: no such file, and not in the library; 'gavel add FILE' imports it",
			          what);
		else
			cli_error("%s", library_errmsg(l));
		library_close(l);
		return err == STORE_ERR_NOTFOUND ? EX_NOINPUT : cli_store_exit(err);
	}
	/* With --lang, only that language. */
	if (opts->lang && (!v[0].language || strcmp(v[0].language, opts->lang) != 0)) {
		cli_error("%s is not in the library in '%s' (it is in %s)", v[0].symbol, opts->lang,
		          v[0].language ? v[0].language : "und");
		library_docs_free(v, n);
		library_close(l);
		return EX_NOINPUT;
	}
	/* Several documents by one title: the oldest first is no guess; say which. */
	size_t other = 1;
	while (other < n && strcmp(v[other].key, v[0].key) == 0)
		other++;
	if (!symbolic && other < n) {
		cli_error("'%s' names %zu resolutions of the library; open one by its symbol:", what, n);
		for (size_t i = 0; i < n && i < 10; i++)
			cli_notice("  %s  %s (%s)", v[i].symbol, v[i].title ? v[i].title : "",
			           v[i].language);
		library_docs_free(v, n);
		library_close(l);
		return EX_USAGE;
	}
	struct resolution *res = NULL;
	err = library_load(l, v[0].id, &res);
	if (err)
		cli_error("%s: %s", v[0].symbol, library_errmsg(l));
	library_docs_free(v, n);
	library_close(l);
	if (err)
		return err == STORE_ERR_NOMEM ? EX_OSERR : cli_store_exit(err);
	struct collection *col = calloc(1, sizeof *col);
	if (col)
		col->docs = malloc(sizeof *col->docs);
	if (!col || !col->docs) {
		free(col);
		res_free(res);
		cli_error("out of memory");
		return EX_OSERR;
	}
	col->docs[0] = res;
	col->ndocs = 1;
	*out = col;
	return 0;
}
