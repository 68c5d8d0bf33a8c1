/* library.c: `gavel add FILE|DIR...`, `gavel library`, `gavel rm SYMBOL...` and
 * `gavel open SYMBOL`: filling the library, seeing what it holds, opening from it. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "doc/json.h"
#include "library/library.h"
#include "store/store.h"
#include "text/utf8.h"

/* ---- gavel add ---- */

struct paths {
	char **v;
	size_t n, cap;
};

static int paths_add(struct paths *p, const char *s)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		char **nv = realloc(p->v, cap * sizeof *nv);
		if (!nv)
			return -1;
		p->v = nv;
		p->cap = cap;
	}
	if (!(p->v[p->n] = strdup(s)))
		return -1;
	p->n++;
	return 0;
}

static void paths_free(struct paths *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file under dir (hidden ones aside), in name order. */
static int walk(const char *dir, struct paths *out, int depth)
{
	DIR *d = opendir(dir);
	if (!d) {
		cli_error("%s: %s", dir, strerror(errno));
		return EX_NOINPUT;
	}
	struct paths here = { 0 };
	struct dirent *e;
	int rc = 0;
	while ((e = readdir(d)) != NULL && !rc) {
		if (e->d_name[0] == '.')
			continue;
		char path[PATH_MAX];
		if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
			continue;
		if (paths_add(&here, path) < 0)
			rc = EX_OSERR;
	}
	closedir(d);
	if (here.n > 1)
		qsort(here.v, here.n, sizeof *here.v, cmp_str);
	for (size_t i = 0; i < here.n && !rc; i++) {
		struct stat st;
		if (stat(here.v[i], &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (depth < 32)
				rc = walk(here.v[i], out, depth + 1);
		} else if (S_ISREG(st.st_mode) && paths_add(out, here.v[i]) < 0) {
			rc = EX_OSERR;
		}
	}
	paths_free(&here);
	if (rc == EX_OSERR)
		cli_error("out of memory");
	return rc;
}

struct add_run {
	struct library *lib;
	int force, verbose, progress;
	size_t files, read, skipped, unchanged_files;
	size_t counts[4];              /* by enum library_put_result */
	struct paths replaced;         /* "KEY\tLANG" of documents whose notes re-anchor */
	int err;                       /* the first file's error, for the exit status */
	double start, shown;
};

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress(struct add_run *r, int last)
{
	if (!r->progress)
		return;
	double t = now_s();
	if (!last && t - r->shown < 0.25)
		return;
	r->shown = t;
	size_t docs = r->counts[0] + r->counts[1] + r->counts[2] + r->counts[3];
	fprintf(stderr, "\rgavel: adding: %zu of %zu files, %zu resolutions%s", r->read + r->skipped +
	        r->unchanged_files, r->files, docs, last ? "\n" : "");
}

static const char *const put_words[] = {
	[LIBRARY_ADDED] = "added", [LIBRARY_REPLACED] = "replaced",
	[LIBRARY_UNCHANGED] = "unchanged", [LIBRARY_KEPT] = "kept the stored copy of",
};

/* One file into the open transaction. named: given on the command line (its failure is an
 * error; a file found in a directory that holds no resolution is only skipped). Returns a
 * store error that ends the import, else 0. */
static int add_file(struct add_run *r, const char *path, int named, const struct cli_opts *opts)
{
	struct stat st;
	char abs[PATH_MAX];
	if (stat(path, &st) != 0 || !realpath(path, abs))
		snprintf(abs, sizeof abs, "%s", path);
	if (!r->force && library_source_known(r->lib, abs, (int64_t)st.st_size,
	                                      (int64_t)st.st_mtime)) {
		r->unchanged_files++;
		if (r->verbose)
			cli_notice("%s: unchanged since it was added", path);
		return 0;
	}
	struct collection *col;
	struct parse_diag diag;
	memset(&diag, 0, sizeof diag);
	int rc = parse_file(path, opts->format, &col, &diag);
	if (rc == 0 && col->ndocs == 0) {
		collection_free(col);
		rc = EX_DATAERR;
		snprintf(diag.reason, sizeof diag.reason, "no resolution found");
	}
	if (rc) {
		r->skipped++;
		if (named) {
			cli_error("%s: %s", path, diag.reason[0] ? diag.reason : "cannot read");
			if (!r->err)
				r->err = rc;
		} else if (r->verbose) {
			cli_notice("%s: skipped: %s", path, diag.reason[0] ? diag.reason : "cannot read");
		}
		return 0;
	}
	for (int i = 0; i < diag.nwarnings && (named || r->verbose); i++)
		cli_notice("%s: warning: %s", path, diag.warnings[i]);
	r->read++;
	struct library_source src = { abs, diag.shape ? diag.shape : input_format_name(opts->format),
	                              (int64_t)st.st_size, (int64_t)st.st_mtime };
	int err = 0;
	for (size_t i = 0; i < col->ndocs && !err; i++) {
		const struct resolution *res = col->docs[i];
		enum library_put_result what;
		err = library_put(r->lib, res, &src, r->force, &what);
		if (err)
			break;
		r->counts[what]++;
		if (r->verbose)
			cli_notice("%s: %s %s (%s)", path, put_words[what],
			           res->meta.symbol ? res->meta.symbol : "a resolution without a symbol",
			           res->meta.language ? res->meta.language : "und");
		if (what == LIBRARY_REPLACED && res->meta.symbol) {
			char line[256];
			snprintf(line, sizeof line, "%s\t%s", res->meta.symbol,
			         res->meta.language ? res->meta.language : "und");
			if (paths_add(&r->replaced, line) < 0)
				err = STORE_ERR_NOMEM;
		}
	}
	if (!err)
		err = library_source_done(r->lib, &src, col->ndocs);
	collection_free(col);
	progress(r, 0);
	return err;
}

/* Notes on a replaced document are anchored again in its new text now, not at its next
 * opening, so `gavel notes list` shows them where they are. */
static void reanchor_notes(struct add_run *r, const struct cli_opts *opts)
{
	if (!r->replaced.n)
		return;
	char *db = cli_db_path(opts);
	struct store *s = NULL;
	char *msg = NULL;
	if (!db || access(db, F_OK) != 0 || store_open(db, &s, &msg) != STORE_OK) {
		free(db);
		free(msg);
		return;
	}
	free(db);
	for (size_t i = 0; i < r->replaced.n; i++) {
		char *tab = strchr(r->replaced.v[i], '\t');
		*tab = '\0';
		int64_t id;
		if (store_doc_find(s, r->replaced.v[i], tab + 1, &id) != STORE_OK)
			continue;               /* no notes on it */
		struct library_doc *v;
		size_t n;
		if (library_find(r->lib, r->replaced.v[i], tab + 1, &v, &n) != STORE_OK)
			continue;
		struct resolution *res;
		if (library_load(r->lib, v[0].id, &res) == STORE_OK) {
			if (store_doc_sync(s, res, &id) != STORE_OK)
				cli_notice("notice: the notes on %s will be anchored again when it is opened "
				           "(%s)", r->replaced.v[i], store_errmsg(s));
			res_free(res);
		}
		library_docs_free(v, n);
	}
	store_close(s);
}

int cmd_add(int argc, char **argv, struct cli_opts *opts)
{
	struct add_run r = { 0 };
	struct usage_getopt g = { 0 };
	int c, grc;
	while ((c = cli_getopt(argc, argv, "add", &g, opts, &grc)) > 0) {
		if (c == 'f')
			r.force = 1;
		else if (c == 'v')
			r.verbose = 1;
	}
	if (c < 0)
		return grc;
	if (optind >= argc) {
		cli_error("add: a FILE or DIR is needed; try 'gavel add --help'");
		return EX_USAGE;
	}
	/* The files first: a wrong name is reported before anything is written. */
	struct paths files = { 0 };
	int rc = 0;
	for (int i = optind; i < argc && rc != EX_OSERR; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			cli_error("%s: %s", argv[i], strerror(errno));
			rc = rc ? rc : EX_NOINPUT;
		} else if (S_ISDIR(st.st_mode)) {
			int w = walk(argv[i], &files, 0);
			if (w)
				rc = rc ? rc : w;
		} else if (paths_add(&files, argv[i]) < 0) {
			cli_error("out of memory");
			rc = EX_OSERR;
		}
	}
	if (rc == EX_OSERR) {
		paths_free(&files);
		return rc;
	}
	r.err = rc;
	int orc = cli_library_open(opts, 1, 0, &r.lib);
	if (orc) {
		paths_free(&files);
		return orc;
	}
	r.files = files.n;
	r.progress = isatty(STDERR_FILENO) && !r.verbose;
	r.start = now_s();
	int err = library_begin(r.lib);
	for (size_t i = 0; i < files.n && !err; i++) {
		/* a file named on the command line, not found in a directory */
		int is_named = 0;
		for (int k = optind; k < argc && !is_named; k++)
			is_named = strcmp(argv[k], files.v[i]) == 0;
		err = add_file(&r, files.v[i], is_named, opts);
	}
	progress(&r, 1);
	if (!err)
		err = library_commit(r.lib);
	if (err) {
		library_rollback(r.lib);
		cli_error("%s; nothing was imported", library_errmsg(r.lib));
		library_close(r.lib);
		paths_free(&files);
		paths_free(&r.replaced);
		return cli_store_exit(err);
	}
	reanchor_notes(&r, opts);
	size_t docs = r.counts[0] + r.counts[1] + r.counts[2] + r.counts[3];
	printf("%zu resolution%s from %zu file%s: %zu added, %zu replaced, %zu unchanged",
	       docs, docs == 1 ? "" : "s", r.read, r.read == 1 ? "" : "s",
	       r.counts[LIBRARY_ADDED], r.counts[LIBRARY_REPLACED], r.counts[LIBRARY_UNCHANGED]);
	if (r.counts[LIBRARY_KEPT])
		printf(", %zu kept (a newer or better copy is stored; --force replaces it)",
		       r.counts[LIBRARY_KEPT]);
	if (r.unchanged_files)
		printf("; %zu file%s unchanged since added", r.unchanged_files,
		       r.unchanged_files == 1 ? "" : "s");
	if (r.skipped)
		printf("; %zu file%s skipped (no resolution%s)", r.skipped, r.skipped == 1 ? "" : "s",
		       r.verbose ? "" : "; --verbose names them");
	printf(" (%.1f s)\n", now_s() - r.start);
	library_close(r.lib);
	paths_free(&files);
	paths_free(&r.replaced);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("add: cannot write the output");
		return EX_IOERR;
	}
	return r.err;
}

/* ---- gavel library ---- */

/* `gavel library --check`. */
static int check_library(struct cli_opts *opts)
{
	struct library *l;
	int rc = cli_library_open(opts, 0, 1, &l);
	if (rc || !l) {
		if (!rc)
			printf("the library is empty\n");
		return rc;
	}
	library_close(l);
	if ((rc = cli_library_open(opts, 1, 0, &l)) != 0)
		return rc;
	size_t n;
	int err = library_check(l, &n);
	if (err)
		cli_error("%s", library_errmsg(l));
	else
		printf("%s: ok, %zu resolutions\n", library_path(l), n);
	library_close(l);
	return err ? cli_store_exit(err) : 0;
}

/* The notes each document has, from the notes database (none when it does not exist). */
struct note_counts {
	struct annotation *v;
	size_t n;
};

static void note_counts_load(const struct cli_opts *opts, struct note_counts *nc)
{
	nc->v = NULL;
	nc->n = 0;
	char *db = cli_db_path(opts), *msg = NULL;
	struct store *s;
	if (db && access(db, F_OK) == 0 && store_open(db, &s, &msg) == STORE_OK) {
		if (store_annot_list(s, 0, NULL, NULL, &nc->v, &nc->n) != STORE_OK) {
			nc->v = NULL;
			nc->n = 0;
		}
		store_close(s);
	}
	free(msg);
	free(db);
}

static size_t note_count(const struct note_counts *nc, const struct library_doc *d)
{
	size_t k = 0;
	for (size_t i = 0; i < nc->n; i++) {
		char key[SYMBOL_KEY_MAX];
		if (!nc->v[i].doc_symbol || symbol_key(nc->v[i].doc_symbol, key, sizeof key) < 0)
			continue;
		if (strcmp(key, d->key) == 0 && nc->v[i].doc_language &&
		    strcmp(nc->v[i].doc_language, d->language) == 0)
			k++;
	}
	return k;
}

static void put_field(const char *s, int width)
{
	const char *t = s ? s : "";
	utf8_write_safe(stdout, t, strlen(t));
	for (int k = (int)utf8_count(t, strlen(t)); k < width; k++)
		fputc(' ', stdout);
}

static void list_json(const struct library_doc *v, size_t n, const struct note_counts *nc)
{
	fputs("[", stdout);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ",\n{" : "\n{", stdout);
		const char *names[] = { "symbol", "language", "adopted", "title", "organ", "shape",
		                        "source" };
		const char *vals[] = { v[i].symbol, v[i].language, v[i].adopted, v[i].title,
		                       v[i].organ, v[i].shape, v[i].source };
		for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
			printf("%s\"%s\":", k ? "," : "", names[k]);
			if (vals[k])
				json_write_string(stdout, vals[k]);
			else
				fputs("null", stdout);
		}
		printf(",\"paragraphs\":%d,\"notes\":%zu}", v[i].npara, note_count(nc, &v[i]));
	}
	fputs(n ? "\n]\n" : "]\n", stdout);
}

static void list_table(const struct library_doc *v, size_t n, const struct note_counts *nc)
{
	int w = 6, ws = 5;         /* the symbol's and the shape's columns: their widest */
	for (size_t i = 0; i < n; i++) {
		int l = (int)utf8_count(v[i].symbol, strlen(v[i].symbol));
		if (l > w)
			w = l;
		l = v[i].shape ? (int)utf8_count(v[i].shape, strlen(v[i].shape)) : 0;
		if (l > ws)
			ws = l;
	}
	if (n) {
		put_field("SYMBOL", w + 2);
		fputs("ADOPTED     LANG ", stdout);
		put_field("SHAPE", ws + 1);
		fputs("PARAS NOTES TITLE\n", stdout);
	}
	for (size_t i = 0; i < n; i++) {
		put_field(v[i].symbol, w + 2);
		put_field(v[i].adopted ? v[i].adopted : "-", 12);
		put_field(v[i].language, 5);
		put_field(v[i].shape, ws + 1);
		printf("%5d %5zu ", v[i].npara, note_count(nc, &v[i]));
		put_field(v[i].title ? v[i].title : "", 0);
		fputc('\n', stdout);
	}
}

int cmd_library(int argc, char **argv, struct cli_opts *opts)
{
	struct library_filter f = { 0 };
	enum library_sort sort = LIBRARY_BY_SYMBOL;
	int reverse = 0, json = 0, check = 0, c, grc;
	struct usage_getopt g = { 0 };
	while ((c = cli_getopt(argc, argv, "library", &g, opts, &grc)) > 0) {
		switch (c) {
		case 'r': reverse = 1; break;
		case OPT_LANG: f.language = optarg; break;
		case OPT_ORGAN: f.organ = optarg; break;
		case OPT_SESSION: f.session = optarg; break;
		case OPT_FROM: f.from = optarg; break;
		case OPT_TO: f.to = optarg; break;
		case OPT_SHAPE: f.shape = optarg; break;
		case OPT_TITLE: f.title = optarg; break;
		case OPT_JSON: json = 1; break;
		case OPT_CHECK: check = 1; break;
		case OPT_SORT:
			if (strcmp(optarg, "symbol") == 0)
				sort = LIBRARY_BY_SYMBOL;
			else if (strcmp(optarg, "date") == 0)
				sort = LIBRARY_BY_DATE;
			else if (strcmp(optarg, "title") == 0)
				sort = LIBRARY_BY_TITLE;
			else {
				cli_error("library: --sort takes symbol, date or title, not '%s'", optarg);
				return EX_USAGE;
			}
			break;
		}
	}
	if (c < 0)
		return grc;
	if (check)
		return check_library(opts);
	if (optind < argc)
		f.symbol = argv[optind++];
	if (optind < argc) {
		cli_error("library: one SYMBOL at most; try 'gavel library --help'");
		return EX_USAGE;
	}
	struct library *l;
	int rc = cli_library_open(opts, 0, 1, &l);
	if (rc)
		return rc;
	struct library_doc *v = NULL;
	size_t n = 0;
	if (l) {
		int err = library_list(l, &f, sort, reverse, &v, &n);
		if (err) {
			cli_error("%s", library_errmsg(l));
			library_close(l);
			return cli_store_exit(err);
		}
		library_close(l);
	}
	struct note_counts nc;
	note_counts_load(opts, &nc);
	if (json)
		list_json(v, n, &nc);
	else
		list_table(v, n, &nc);
	annotation_list_free(nc.v, nc.n);
	library_docs_free(v, n);
	if (!l && !json)
		cli_notice("the library is empty: 'gavel add FILE|DIR' imports resolutions");
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("library: cannot write the output");
		return EX_IOERR;
	}
	return 0;
}

/* ---- gavel rm ---- */

int cmd_rm(int argc, char **argv, struct cli_opts *opts)
{
	const char *lang = NULL;
	struct usage_getopt g = { 0 };
	int c, grc;
	while ((c = cli_getopt(argc, argv, "rm", &g, opts, &grc)) > 0)
		if (c == OPT_LANG)
			lang = optarg;
	if (c < 0)
		return grc;
	if (optind >= argc) {
		cli_error("rm: a SYMBOL is needed; try 'gavel rm --help'");
		return EX_USAGE;
	}
	struct library *l;
	int rc = cli_library_open(opts, 1, 0, &l);
	if (rc)
		return rc;
	for (int i = optind; i < argc; i++) {
		char key[SYMBOL_KEY_MAX];
		struct library_doc *v = NULL;
		size_t n = 0;
		/* a symbol in any form, or one as the library lists it */
		if (symbol_from_user(argv[i], key, sizeof key) != 0) {
			if (library_find(l, argv[i], NULL, &v, &n) == STORE_OK &&
			    strcmp(v[0].symbol, argv[i]) == 0)
				snprintf(key, sizeof key, "%s", v[0].key);
			else
				snprintf(key, sizeof key, "%s", argv[i]);
			library_docs_free(v, n);
		}
		size_t removed;
		int err = library_remove(l, key, lang, &removed);
		if (err) {
			cli_error("rm: %s", library_errmsg(l));
			if (!rc)
				rc = err == STORE_ERR_NOTFOUND ? EX_DATAERR : cli_store_exit(err);
			continue;
		}
		printf("removed %s (%zu document%s)\n", key, removed, removed == 1 ? "" : "s");
	}
	library_close(l);
	return rc;
}

/* ---- gavel open ---- */

int cmd_open(int argc, char **argv, struct cli_opts *opts)
{
	struct usage_getopt g = { 0 };
	int c, grc;
	while ((c = cli_getopt(argc, argv, "open", &g, opts, &grc)) > 0)
		if (c == OPT_LANG)
			opts->lang = optarg;
	if (c < 0)
		return grc;
	if (optind + 1 != argc) {
		cli_error("open: one SYMBOL or TITLE is needed; try 'gavel open --help'");
		return EX_USAGE;
	}
	const char *what = argv[optind];
	if (access(what, F_OK) == 0)
		return cmd_read(what, opts);
	/* Never read as a file from here: a name that is not in the library says so. */
	struct collection *col;
	int rc = cli_library_load(what, opts, &col);
	if (rc < 0) {
		cli_error("%s is not in the library; 'gavel library' lists what is", what);
		return EX_NOINPUT;
	}
	if (rc)
		return rc;
	collection_free(col);
	return cmd_read(what, opts);
}
