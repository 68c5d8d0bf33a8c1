/* notes.c: `gavel notes`: list, add, edit and remove annotations from the command line, for
 * scripts and tests. `notes import` is handed to cmd_notes_import. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/cli.h"
#include "doc/json.h"
#include "store/anchor.h"
#include "store/store.h"
#include "text/fold.h"
#include "text/utf8.h"

#define QUOTE_SHOWN 50     /* code points of a quote in the text listing */
#define NOTE_SHOWN 60

static int usage_error(const char *cmd, const char *what)
{
	cli_error("%s: %s; try 'gavel %s --help'", cmd, what, cmd);
	return EX_USAGE;
}

static int store_error(struct store *s, int err)
{
	cli_error("%s", store_errmsg(s));
	return cli_store_exit(err);
}

/* Opens the database; a read-only one is fine for reading (with a notice) and an error for
 * writing. Returns 0 or the exit code. */
static int open_db(const struct cli_opts *opts, int write, struct store **s)
{
	char *path = cli_db_path(opts), *msg = NULL;
	if (!path) {
		cli_error("out of memory");
		return EX_OSERR;
	}
	int err = store_open(path, s, &msg);
	if (err) {
		cli_error("%s", msg ? msg : "cannot open the database");
		free(msg);
		free(path);
		return cli_store_exit(err);
	}
	if (store_readonly(*s)) {
		if (write) {
			cli_error("%s is read-only: nothing was changed", path);
			store_close(*s);
			*s = NULL;
			free(path);
			return EX_CANTCREAT;
		}
		cli_notice("notice: %s is read-only; notes are shown as last saved", path);
	}
	free(path);
	return 0;
}

/* What add and edit are told: --quote (add only), --color, --tag. */
struct note_args {
	const char *quote, *color;
	char **tags;       /* the --tag values, in order (points into argv) */
	size_t ntags;
	int retag;         /* --tag given: the tags are to be replaced */
};

/* Parses the options of add or edit (cmd). Returns -1 to go on (the caller then frees
 * na->tags), else the exit code with nothing left to free. */
static int note_options(int argc, char **argv, const char *cmd, struct cli_opts *opts,
                        struct note_args *na)
{
	memset(na, 0, sizeof *na);
	na->tags = calloc((size_t)argc, sizeof *na->tags);
	if (!na->tags)
		return EX_OSERR;
	struct usage_getopt g = { 0 };
	int c, rc = -1;
	while (rc < 0 && (c = cli_getopt(argc, argv, cmd, &g, opts, &rc)) > 0) {
		switch (c) {
		case OPT_QUOTE: na->quote = optarg; break;
		case OPT_COLOR:
			na->color = cli_color_key(cmd, optarg);
			rc = na->color ? -1 : EX_USAGE;
			break;
		case OPT_TAG: na->tags[na->ntags++] = optarg; na->retag = 1; break;
		}
	}
	if (rc >= 0) {
		free(na->tags);
		na->tags = NULL;
	}
	return rc;
}

/* --- output --- */

/* Up to `max` code points of the first line of s, sanitised, with "…" when cut. */
static void put_short(FILE *f, const char *s, size_t max)
{
	size_t n = strcspn(s, "\n");
	size_t cut = anchor_cp_byte(s, max);
	int more = n < strlen(s);
	if (cut < n) {
		n = cut;
		more = 1;
	}
	utf8_write_safe(f, s, n);
	if (more)
		fputs("…", f);
}

/* The terminal colour of each highlight colour key, for a coloured listing. */
static const char *sgr_of(const char *key)
{
	static const char *const keys[] = { "yellow", "green", "blue", "red", "purple" };
	static const char *const sgr[] = { "\033[33m", "\033[32m", "\033[34m", "\033[31m", "\033[35m" };
	for (size_t i = 0; i < 5; i++)
		if (strcmp(key, keys[i]) == 0)
			return sgr[i];
	return "";
}

static void put_text(FILE *f, const struct annotation *a, int color)
{
	fputs("  ", f);
	utf8_write_safe(f, a->para_label ? a->para_label : a->para_id,
	                strlen(a->para_label ? a->para_label : a->para_id));
	fputs("  ", f);
	const char *name = cli_color_name(a->color);
	if (color)
		fputs(sgr_of(a->color), f);
	utf8_write_safe(f, name, strlen(name));
	if (color)
		fputs("\033[m", f);
	fputs("  “", f);
	put_short(f, a->exact, QUOTE_SHOWN);
	fputs("”", f);
	if (a->note && *a->note) {
		fputs("  ", f);
		put_short(f, a->note, NOTE_SHOWN);
	}
	for (size_t i = 0; i < a->ntags; i++) {
		fputs(i ? " #" : "  #", f);
		utf8_write_safe(f, a->tags[i], strlen(a->tags[i]));
	}
	fprintf(f, "  %s\n", a->id);
}

/* One member after the first: `, "key": "value"`. */
static void put_member(FILE *f, const char *key, const char *value)
{
	fprintf(f, ", \"%s\": ", key);
	json_write_string(f, value);
}

static void put_json(FILE *f, const struct annotation *a, int first)
{
	fputs(first ? "\n  {\"id\": " : ",\n  {\"id\": ", f);
	json_write_string(f, a->id);
	put_member(f, "document", a->doc_symbol);
	put_member(f, "language", a->doc_language);
	put_member(f, "para_id", a->para_id);
	put_member(f, "label", a->para_label ? a->para_label : a->para_id);
	fprintf(f, ", \"start\": %zu, \"end\": %zu", a->start, a->end);
	put_member(f, "exact", a->exact);
	put_member(f, "prefix", a->prefix);
	put_member(f, "suffix", a->suffix);
	put_member(f, "color", a->color);
	put_member(f, "note", a->note);
	fputs(", \"tags\": [", f);
	for (size_t i = 0; i < a->ntags; i++) {
		if (i)
			fputs(", ", f);
		json_write_string(f, a->tags[i]);
	}
	fputs("]", f);
	put_member(f, "created", a->created);
	put_member(f, "updated", a->updated);
	put_member(f, "status", anchor_status_name(a->status));
	fputs("}", f);
}

/* Text listing: a heading per document, orphans apart under their own heading. */
static void put_list(FILE *f, const struct annotation *v, size_t n, int color)
{
	for (size_t i = 0; i < n; i++) {
		const struct annotation *a = &v[i];
		int new_doc = i == 0 || strcmp(a->doc_symbol, v[i - 1].doc_symbol) != 0 ||
		              strcmp(a->doc_language, v[i - 1].doc_language) != 0;
		if (new_doc) {
			if (i)
				fputc('\n', f);
			utf8_write_safe(f, a->doc_symbol, strlen(a->doc_symbol));
			fputs(" (", f);
			utf8_write_safe(f, a->doc_language, strlen(a->doc_language));
			fputs(")\n", f);
		}
		if (a->status == ANCHOR_ORPHAN && (new_doc || v[i - 1].status != ANCHOR_ORPHAN))
			fputs("  Orphans (their words are no longer in the text):\n", f);
		put_text(f, a, color);
	}
}

static int flush_out(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write the output");
		return EX_IOERR;
	}
	return 0;
}

/* Appends v[0..n) to the growing list *all. */
static int append(struct annotation **all, size_t *nall, struct annotation *v, size_t n)
{
	if (!n) {
		free(v);
		return 0;
	}
	struct annotation *nv = realloc(*all, (*nall + n) * sizeof *nv);
	if (!nv) {
		annotation_list_free(v, n);
		return -1;
	}
	memcpy(nv + *nall, v, n * sizeof *v);
	free(v);
	*all = nv;
	*nall += n;
	return 0;
}

static int notes_list(int argc, char **argv, struct cli_opts *opts)
{
	int json = 0, c, rc;
	struct annot_filter filter = { NULL, NULL };
	struct usage_getopt g = { 0 };
	while ((c = cli_getopt(argc, argv, "notes list", &g, opts, &rc)) > 0) {
		switch (c) {
		case OPT_JSON: json = 1; break;
		case OPT_COLOR:
			if (!(filter.color = cli_color_key("notes list", optarg)))
				return EX_USAGE;
			break;
		case OPT_TAG: filter.tag = optarg; break;
		}
	}
	if (c < 0)
		return rc;
	if (argc - optind > 1)
		return usage_error("notes list", "one FILE at most");
	const char *file = optind < argc ? argv[optind] : NULL;

	struct collection *col = NULL;
	if (file && (rc = cli_load(file, opts, &col)) != 0)
		return rc;
	/* Listing never creates a database: none yet means no notes. Any other reason it cannot
	 * be seen (a file where a directory should be, no permission) is for open_db to report. */
	char *path = cli_db_path(opts);
	int exists = path && (access(path, F_OK) == 0 || errno != ENOENT);
	free(path);
	struct annotation *all = NULL;
	size_t nall = 0;
	rc = 0;
	struct store *s = NULL;
	if (exists && (rc = open_db(opts, 0, &s)) == 0) {
		if (!col) {
			int err = store_annot_list(s, 0, NULL, &filter, &all, &nall);
			if (err)
				rc = store_error(s, err);
		}
		for (size_t d = 0; col && d < col->ndocs && !rc; d++) {
			int64_t id;
			int err = store_doc_sync(s, col->docs[d], &id);
			if (err == STORE_ERR_NOTFOUND)
				continue;
			struct annotation *v = NULL;
			size_t n = 0;
			if (!err)
				err = store_annot_list(s, id, col->docs[d], &filter, &v, &n);
			if (err)
				rc = store_error(s, err);
			else if (append(&all, &nall, v, n) != 0)
				rc = EX_OSERR;
		}
	}
	if (!rc) {
		int color = cli_color(opts, STDOUT_FILENO);
		cli_pager_start(opts);
		if (json) {
			fputs("[", stdout);
			for (size_t i = 0; i < nall; i++)
				put_json(stdout, &all[i], i == 0);
			fputs(nall ? "\n]\n" : "]\n", stdout);
		} else {
			put_list(stdout, all, nall, color);
		}
		rc = flush_out();
	}
	annotation_list_free(all, nall);
	store_close(s);
	collection_free(col);
	return rc;
}

/* --- add --- */

/* Paragraph `want` of res: its id ("op10"), case aside, or its label with spaces aside
 * ("OP 10"). Returns the index or -1. */
static int find_para(const struct resolution *res, const char *want)
{
	int i = res_find(res, want);
	if (i >= 0)
		return i;
	for (size_t k = 0; k < res->npara; k++)
		if (res->paras[k].id && strcasecmp(res->paras[k].id, want) == 0)
			return (int)k;
	for (size_t k = 0; k < res->npara; k++) {
		const char *l = res->paras[k].label, *w = want;
		if (!l)
			continue;
		while (*l && *w) {
			if (*l == ' ') { l++; continue; }
			if (*w == ' ') { w++; continue; }
			if (tolower((unsigned char)*l) != tolower((unsigned char)*w))
				break;
			l++;
			w++;
		}
		while (*l == ' ')
			l++;
		while (*w == ' ')
			w++;
		if (!*l && !*w)
			return (int)k;
	}
	return -1;
}

/* The resolution and paragraph that `id` names in the collection ("op10", or
 * "SYMBOL:op10" to choose among several). Returns 0 or an exit code (message printed). */
static int locate(const struct collection *col, const char *file, const char *id,
                  const struct resolution **res, int *para)
{
	const char *colon = strrchr(id, ':');
	char sym[256] = "";
	if (colon && (size_t)(colon - id) < sizeof sym) {
		memcpy(sym, id, (size_t)(colon - id));
		sym[colon - id] = '\0';
		id = colon + 1;
	}
	int hits = 0;
	for (size_t d = 0; d < col->ndocs; d++) {
		const struct resolution *r = col->docs[d];
		if (sym[0] && (!r->meta.symbol || strcmp(r->meta.symbol, sym) != 0))
			continue;
		int k = find_para(r, id);
		if (k < 0)
			continue;
		if (hits++ == 0) {
			*res = r;
			*para = k;
		}
	}
	if (hits == 1)
		return 0;
	if (hits > 1) {
		cli_error("notes: %s is in %d resolutions of %s: write SYMBOL:%s (for example %s:%s)",
		          id, hits, file, id, (*res)->meta.symbol ? (*res)->meta.symbol : "?", id);
		return EX_USAGE;
	}
	if (sym[0])
		cli_error("notes: no paragraph '%s' in %s of %s", id, sym, file);
	else
		cli_error("notes: no paragraph '%s' in %s", id, file);
	return EX_DATAERR;
}

/* The quote as typed, whitespace runs made single spaces (paragraph text is normalised so;
 * a quote pasted from a wrapped terminal has newlines and double spaces). */
static char *normalise_quote(const char *q)
{
	char *out = malloc(strlen(q) + 1), *o = out;
	if (!out)
		return NULL;
	int space = 0;
	for (; *q; q++) {
		if (isspace((unsigned char)*q)) {
			space = o != out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = *q;
	}
	*o = '\0';
	return out;
}

/* The quote found as `gavel search` would find it (case and accents folded, smart case):
 * 0 and the code point range, 1 when absent, -1 when out of memory. */
static int find_folded(const char *text, const char *quote, size_t *start, size_t *end)
{
	struct search_pat pat;
	struct search_hit *hits = NULL;
	if (search_compile(quote, &pat) != 0)
		return -1;
	int n = search_text(&pat, text, strlen(text), &hits);
	search_pat_free(&pat);
	if (n > 0) {
		*start = anchor_cp_count(text, hits[0].start);
		*end = anchor_cp_count(text, hits[0].end);
	}
	free(hits);
	return n < 0 ? -1 : n > 0 ? 0 : 1;
}

/* Sets [start, end) to the quote's place in paragraph `para`: the exact words, else the
 * words as a folded search finds them (with a notice saying which). Returns 0 or an exit
 * code, with the message printed. */
static int place_quote(const struct resolution *res, int para, const char *q, size_t *start,
                       size_t *end)
{
	const char *text = res->paras[para].text ? res->paras[para].text : "";
	const char *label = res_label(res, para);
	if (*q && anchor_find(text, q, 0, start, end)) {
		size_t s2, e2;
		if (anchor_find(text, q, *start + 1, &s2, &e2))
			cli_notice("notice: the quote occurs more than once in %s; the first "
			           "is highlighted", label);
		return 0;
	}
	int folded = *q ? find_folded(text, q, start, end) : 1;
	if (folded < 0)
		return EX_OSERR;
	if (folded > 0) {
		cli_error("notes: the quote “%s” is not in %s", q, label);
		return EX_DATAERR;
	}
	size_t b0 = anchor_cp_byte(text, *start), b1 = anchor_cp_byte(text, *end);
	cli_notice("notice: the quote was found as “%.*s” (case or accents differ)", (int)(b1 - b0),
	           text + b0);
	return 0;
}

static int notes_add(int argc, char **argv, struct cli_opts *opts)
{
	struct note_args na;
	int rc = note_options(argc, argv, "notes add", opts, &na);
	if (rc >= 0)
		return rc;
	const char *quote = na.quote, *color = na.color;
	if (argc - optind < 2 || argc - optind > 3) {
		free(na.tags);
		return usage_error("notes add", "FILE ID [TEXT] are needed");
	}
	const char *file = argv[optind], *id = argv[optind + 1];
	const char *text = argc - optind == 3 ? argv[optind + 2] : NULL;

	struct collection *col = NULL;
	rc = cli_load(file, opts, &col);
	const struct resolution *res = NULL;
	int para = -1;
	if (!rc)
		rc = locate(col, file, id, &res, &para);
	struct annotation a;
	memset(&a, 0, sizeof a);
	if (!rc) {
		const struct para *p = &res->paras[para];
		const char *ptext = p->text ? p->text : "";
		size_t len = anchor_cp_count(ptext, strlen(ptext));
		a.start = 0;
		a.end = len;
		if (quote) {
			char *q = normalise_quote(quote);
			rc = q ? place_quote(res, para, q, &a.start, &a.end) : EX_OSERR;
			free(q);
		} else if (len == 0) {
			cli_error("notes: %s has no text to highlight", res_label(res, para));
			rc = EX_DATAERR;
		}
	}
	struct store *s = NULL;
	if (!rc)
		rc = open_db(opts, 1, &s);
	if (!rc) {
		int64_t doc;
		int err = store_doc_sync(s, res, &doc);
		a.para_id = strdup(res->paras[para].id);
		a.color = color ? strdup(color) : NULL;
		a.note = text && *text ? strdup(text) : NULL;
		a.tags = na.tags;
		a.ntags = na.ntags;
		if (!err)
			err = store_annot_add(s, doc, res, &a);
		a.tags = NULL;
		a.ntags = 0;
		if (err) {
			rc = store_error(s, err);
		} else {
			printf("%s\n", a.id);   /* committed: the id is safe to print */
			rc = flush_out();
		}
	}
	annotation_clear(&a);
	store_close(s);
	collection_free(col);
	free(na.tags);
	return rc;
}

/* --- edit, rm --- */

static int notes_edit(int argc, char **argv, struct cli_opts *opts)
{
	struct note_args na;
	int rc = note_options(argc, argv, "notes edit", opts, &na);
	if (rc >= 0)
		return rc;
	const char *color = na.color;
	int nargs = argc - optind;
	if (nargs < 1 || nargs > 2 || (nargs == 1 && !color && !na.retag)) {
		free(na.tags);
		return usage_error("notes edit", "NOTE-ID and TEXT, --color or --tag are needed");
	}
	const char *text = nargs == 2 ? argv[optind + 1] : NULL;
	struct store *s = NULL;
	rc = open_db(opts, 1, &s);
	if (rc) {
		free(na.tags);
		return rc;
	}
	char id[37];
	struct annotation a;
	memset(&a, 0, sizeof a);
	int err = store_annot_find(s, argv[optind], id);
	if (!err)
		err = store_annot_get(s, id, &a);
	if (!err) {
		if (text) {
			free(a.note);
			a.note = *text ? strdup(text) : NULL;
		}
		if (color) {
			free(a.color);
			a.color = strdup(color);
		}
		char **old = a.tags;
		size_t nold = a.ntags;
		if (na.retag) {
			a.tags = na.tags;
			a.ntags = na.ntags;
		}
		err = store_annot_update(s, &a);
		a.tags = old;
		a.ntags = nold;
	}
	rc = err ? store_error(s, err) : 0;
	annotation_clear(&a);
	store_close(s);
	free(na.tags);
	return rc;
}

static int notes_rm(int argc, char **argv, struct cli_opts *opts)
{
	struct usage_getopt g = { 0 };
	int c, rc;
	while ((c = cli_getopt(argc, argv, "notes rm", &g, opts, &rc)) > 0)
		;   /* no options of its own */
	if (c < 0)
		return rc;
	if (optind >= argc)
		return usage_error("notes rm", "a NOTE-ID is needed");
	struct store *s = NULL;
	rc = open_db(opts, 1, &s);
	/* Every id is checked before any is removed: a typo removes nothing. */
	char (*ids)[37] = rc ? NULL : calloc((size_t)(argc - optind), sizeof *ids);
	if (!rc && !ids)
		rc = EX_OSERR;
	for (int i = optind; !rc && i < argc; i++) {
		int err = store_annot_find(s, argv[i], ids[i - optind]);
		if (err)
			rc = store_error(s, err);
	}
	for (int i = optind; !rc && i < argc; i++) {
		int err = store_annot_delete(s, ids[i - optind]);
		if (err && !(err == STORE_ERR_NOTFOUND && i > optind))   /* the same id twice */
			rc = store_error(s, err);
	}
	free(ids);
	store_close(s);
	return rc;
}

static const struct sub {
	const char *name;
	int (*run)(int, char **, struct cli_opts *);
} subs[] = {
	{ "list", notes_list },
	{ "add", notes_add },
	{ "edit", notes_edit },
	{ "rm", notes_rm },
	{ "import", cmd_notes_import },
	{ "carry", cmd_notes_carry },
};

int cmd_notes(int argc, char **argv, struct cli_opts *opts)
{
	/* Common options may come before the subcommand too: `gavel notes --db X list`. */
	struct usage_getopt g = { 0 };
	int c, rc;
	while ((c = cli_getopt(argc, argv, "notes", &g, opts, &rc)) > 0)
		;   /* no options of its own */
	if (c < 0)
		return rc;
	if (optind >= argc) {
		usage_write_command(stderr, "notes");
		return EX_USAGE;
	}
	int first = optind;
	for (size_t i = 0; i < sizeof subs / sizeof *subs; i++)
		if (strcmp(argv[first], subs[i].name) == 0)
			return subs[i].run(argc - first, argv + first, opts);
	cli_error("notes: unknown command '%s' (list, add, edit, rm, import or carry)",
	          argv[first]);
	return EX_USAGE;
}
