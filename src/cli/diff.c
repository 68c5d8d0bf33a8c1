/* diff.c: `gavel diff [--format F] [-o FILE] OLD NEW`, the redline of two resolutions on the
 * terminal (colours, or wdiff's marks without) or as md, html, json or a Word document with
 * tracked changes. Exit 0 when they are the same, 1 when they differ, as diff(1). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/cli.h"
#include "diff/out.h"
#include "export/atomic.h"
#include "store/sha256.h"
#include "store/store.h"
#include "text/utf8.h"

/* The terminal's width when stdout is one, else $COLUMNS, else 80. */
static int default_width(void)
{
	if (isatty(STDOUT_FILENO)) {
		struct winsize ws;
		if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
			return ws.ws_col;
	}
	const char *cols = getenv("COLUMNS");
	if (cols && *cols) {
		char *end;
		long w = strtol(cols, &end, 10);
		if (!*end && w >= 10 && w <= 10000)
			return (int)w;
	}
	return 80;
}

/* The first resolution of a file, the collection kept for the caller to free. */
static int load_one(const char *path, const struct cli_opts *opts, struct collection **col,
                    const struct resolution **res)
{
	int rc = cli_load(path, opts, col);
	if (rc)
		return rc;
	if ((*col)->ndocs == 0) {
		cli_error("%s: no resolution found", path);
		collection_free(*col);
		*col = NULL;
		return EX_DATAERR;
	}
	if ((*col)->ndocs > 1) {
		const char *sym = (*col)->docs[0]->meta.symbol;
		cli_notice("%s: holds %zu resolutions; comparing the first (%s)", path, (*col)->ndocs,
		           sym ? sym : "no symbol");
	}
	*res = (*col)->docs[0];
	return 0;
}

struct diff_args {
	const struct rl_format *format;
	const char *output;
	struct rl_out_opts o;
	int no_notes;
};

/* ---- Notes carried forward ---- */

/* The old resolution's notes, and where each lands in the new one. */
struct carried {
	struct store *store;
	struct annotation *a;       /* the old document's notes, in its order */
	size_t n;
	struct rl_carry *c;         /* where each lands */
	struct rl_note *shown;      /* for the outputs, sorted by entry */
	size_t nshown;
	char **from;                /* "A/RES/76/172 OP 14", per note */
	char **quote;               /* the words marked in the new text, per note */
};

static void carried_free(struct carried *cr)
{
	for (size_t k = 0; k < cr->n; k++) {
		if (cr->from)
			free(cr->from[k]);
		if (cr->quote)
			free(cr->quote[k]);
	}
	free(cr->from);
	free(cr->quote);
	free(cr->c);
	free(cr->shown);
	annotation_list_free(cr->a, cr->n);
	if (cr->store)
		store_close(cr->store);
	memset(cr, 0, sizeof *cr);
}

/* Code points [start, end) of s, copied. */
static char *slice(const char *s, size_t start, size_t end)
{
	size_t n = strlen(s), bs = utf8_byte_offset(s, n, start), be = utf8_byte_offset(s, n, end);
	return strndup(s + bs, be > bs ? be - bs : 0);
}

static int by_entry(const void *x, const void *y)
{
	const struct rl_note *a = x, *b = y;
	return a->entry < b->entry ? -1 : a->entry > b->entry;
}

/* Opens the database (when it exists: a diff creates none), finds the old resolution's notes
 * and carries each into the new one. Returns 0 (also when there is no database or no note),
 * or an exit code after a message. `write`: the database is to be written (notes carry). */
static int carry_notes(const struct cli_opts *opts, const struct redline *rl, int write,
                       struct carried *cr)
{
	memset(cr, 0, sizeof *cr);
	char *path = cli_db_path(opts), *msg = NULL;
	if (!path) {
		cli_error("out of memory");
		return EX_OSERR;
	}
	if (!write && access(path, F_OK) != 0) {
		free(path);
		return 0;
	}
	int err = store_open(path, &cr->store, &msg);
	if (err) {
		cli_error("%s", msg ? msg : "cannot open the database");
		free(msg);
		free(path);
		return cli_store_exit(err);
	}
	free(path);
	if (write && store_readonly(cr->store)) {
		cli_error("the database is read-only: nothing was changed");
		return EX_CANTCREAT;
	}
	int64_t doc;
	err = store_doc_sync(cr->store, rl->old, &doc);
	if (err == STORE_ERR_NOTFOUND)
		return 0;
	if (!err)
		err = store_annot_list(cr->store, doc, rl->old, NULL, &cr->a, &cr->n);
	if (err) {
		cli_error("%s", store_errmsg(cr->store));
		return cli_store_exit(err);
	}
	cr->c = calloc(cr->n + 1, sizeof *cr->c);
	cr->shown = calloc(cr->n + 1, sizeof *cr->shown);
	cr->from = calloc(cr->n + 1, sizeof *cr->from);
	cr->quote = calloc(cr->n + 1, sizeof *cr->quote);
	if (!cr->c || !cr->shown || !cr->from || !cr->quote) {
		cli_error("out of memory");
		return EX_OSERR;
	}
	const char *sym = rl->old->meta.symbol ? rl->old->meta.symbol : "the old text";
	size_t ns = 0;
	for (size_t k = 0; k < cr->n; k++) {
		const struct annotation *a = &cr->a[k];
		struct rl_carry *c = &cr->c[k];
		if (a->status == ANCHOR_ORPHAN) {
			c->status = RL_LEFT_BEHIND;
			c->old = c->new = -1;
			continue;           /* not on the old text either: nothing to show it under */
		}
		redline_carry(rl, a->para_id, a->start, a->end, a->exact, c);
		if (c->old < 0)
			continue;
		size_t len = strlen(sym) + strlen(res_label(rl->old, c->old)) + 2;
		if (!(cr->from[k] = malloc(len))) {
			cli_error("out of memory");
			return EX_OSERR;
		}
		snprintf(cr->from[k], len, "%s %s", sym, res_label(rl->old, c->old));
		if (c->new >= 0 && !c->whole) {
			const char *t = rl->new->paras[c->new].text;
			if (!(cr->quote[k] = slice(t ? t : "", c->start, c->end))) {
				cli_error("out of memory");
				return EX_OSERR;
			}
		}
		cr->shown[ns++] = (struct rl_note){
			c->new >= 0 ? (size_t)rl->new_entry[c->new] : (size_t)rl->old_entry[c->old],
			cr->from[k], c->new >= 0 ? cr->quote[k] : c->whole ? NULL : a->exact, a->note,
			a->color, c->status };
	}
	if (ns > 1)
		qsort(cr->shown, ns, sizeof *cr->shown, by_entry);
	cr->nshown = ns;
	return 0;
}

/* The options of the usage table's "diff" rows. Returns 0, or -1 with *rc to return. */
static int parse_args(int argc, char **argv, struct cli_opts *opts, struct diff_args *d,
                      int *rc)
{
	struct usage_getopt g = { 0 };
	int c;
	while ((c = cli_getopt(argc, argv, "diff", &g, opts, rc)) > 0) {
		switch (c) {
		case 'f':
			d->format = rl_format_find(optarg);
			if (!d->format) {
				cli_error("diff: unknown format '%s' (text, md, html, json or docx)", optarg);
				*rc = EX_USAGE;
				return -1;
			}
			break;
		case 'o':
			d->output = optarg;
			break;
		case 'a':
			d->o.all = 1;
			break;
		case 's':
			d->o.summary_only = 1;
			break;
		case 'N':
			d->no_notes = 1;
			break;
		case OPT_WIDTH:
			if ((*rc = cli_width("diff", optarg, opts)))
				return -1;
			break;
		}
	}
	if (c < 0)
		return -1;
	if (argc - optind != 2) {
		cli_error("diff: needs OLD and NEW; try 'gavel diff --help'");
		*rc = EX_USAGE;
		return -1;
	}
	return 0;
}

/* Writes the redline where it was asked: a file (atomically) or standard output. */
static int emit(const struct diff_args *d, const struct redline *rl)
{
	if (!d->output) {
		if (d->format->binary && isatty(STDOUT_FILENO)) {
			cli_error("diff: a %s file is not for a terminal: use -o FILE", d->format->name);
			return EX_USAGE;
		}
		int rc = d->format->write(stdout, rl, &d->o);
		if (rc < 0 || fflush(stdout) != 0 || ferror(stdout)) {
			cli_error("diff: cannot write the output");
			return EX_IOERR;
		}
		return 0;
	}
	struct atomic_file af;
	char err[512];
	if (atomic_open(d->output, &af, err, sizeof err) < 0) {
		cli_error("diff: %s", err);
		return EX_CANTCREAT;
	}
	if (d->format->write(af.f, rl, &d->o) < 0) {
		atomic_abort(&af);
		cli_error("diff: cannot write '%s'", d->output);
		return EX_IOERR;
	}
	if (atomic_commit(&af, err, sizeof err) < 0) {
		cli_error("diff: %s", err);
		return EX_IOERR;
	}
	return 0;
}

int cmd_diff(int argc, char **argv, struct cli_opts *opts)
{
	struct diff_args d = { .format = rl_format_find("text") };
	int rc = 0;
	if (parse_args(argc, argv, opts, &d, &rc) < 0)
		return rc;
	const char *old_path = argv[optind], *new_path = argv[optind + 1];
	int tty = !d.output && isatty(STDOUT_FILENO);
	d.o.color = !d.output && cli_color(opts, STDOUT_FILENO);
	d.o.visual = tty;
	d.o.width = opts->width ? opts->width : default_width();
	d.o.old_name = old_path;
	d.o.new_name = new_path;

	struct collection *ca = NULL, *cb = NULL;
	const struct resolution *a, *b;
	rc = load_one(old_path, opts, &ca, &a);
	if (rc == 0)
		rc = load_one(new_path, opts, &cb, &b);
	struct redline *rl = NULL;
	if (rc == 0 && redline_build(a, b, &rl) < 0) {
		cli_error("diff: out of memory");
		rc = EX_OSERR;
	}
	struct carried cr = { 0 };
	/* The notes are a help, not the comparison: a database that cannot be read costs them
	 * (carry_notes said why), never the redline. */
	if (rc == 0 && !d.no_notes) {
		if (carry_notes(opts, rl, 0, &cr) == 0) {
			d.o.notes = cr.shown;
			d.o.nnotes = cr.nshown;
		} else {
			carried_free(&cr);
			cli_notice("diff: the notes on %s are not shown", rl_name(rl, 0, &d.o));
		}
	}
	if (rc == 0) {
		rc = emit(&d, rl);
		if (rc == 0 && !redline_identical(rl))
			rc = 1;
	}
	carried_free(&cr);
	redline_free(rl);
	collection_free(ca);
	collection_free(cb);
	return rc;
}

/* ---- gavel notes carry OLD NEW ---- */

/* Text from a document on standard output, neutralised for a terminal. */
static void put_safe(const char *s)
{
	utf8_write_safe(stdout, s, strlen(s));
}

/* The id of a carried note: a name-based UUID (version 8) of the old note's id and the new
 * document, so carrying twice finds the first copy instead of making a second. */
static void carried_id(const char *old_id, const struct resolution *new, char out[37])
{
	struct sha256 h;
	unsigned char d[32];
	sha256_init(&h);
	sha256_update(&h, "gavel carry\n", 12);
	sha256_update(&h, old_id, strlen(old_id));
	sha256_update(&h, "\n", 1);
	const char *sym = new->meta.symbol ? new->meta.symbol : "";
	const char *lang = new->meta.language ? new->meta.language : "";
	sha256_update(&h, sym, strlen(sym));
	sha256_update(&h, "\n", 1);
	sha256_update(&h, lang, strlen(lang));
	sha256_final(&h, d);
	d[6] = (unsigned char)((d[6] & 0x0F) | 0x80);
	d[8] = (unsigned char)((d[8] & 0x3F) | 0x80);
	snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
	         d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12],
	         d[13], d[14], d[15]);
}

/* Stores one carried note on the new document. Returns a store error (STORE_ERR_EXISTS when it
 * was carried before). */
static int store_carried(struct store *s, int64_t doc, const struct redline *rl,
                         const struct annotation *a, const struct rl_carry *c)
{
	struct annotation n = { 0 };
	carried_id(a->id, rl->new, n.id);
	n.para_id = rl->new->paras[c->new].id;
	n.start = c->start;
	n.end = c->end;
	n.color = a->color;
	n.note = a->note;
	/* the old tags, and where it came from */
	char from[200];
	snprintf(from, sizeof from, "from %s", rl->old->meta.symbol ? rl->old->meta.symbol
	                                                             : "an earlier text");
	char **tags = malloc((a->ntags + 1) * sizeof *tags);
	if (!tags)
		return STORE_ERR_NOMEM;
	for (size_t k = 0; k < a->ntags; k++)
		tags[k] = a->tags[k];
	tags[a->ntags] = from;
	n.tags = tags;
	n.ntags = a->ntags + 1;
	int err = store_annot_add(s, doc, rl->new, &n);
	free(tags);
	/* the store filled these (the colour only when the old note had none); the rest is
	 * borrowed */
	if (n.color != a->color)
		free(n.color);
	free(n.doc_symbol);
	free(n.doc_language);
	free(n.exact);
	free(n.prefix);
	free(n.suffix);
	free(n.created);
	free(n.updated);
	free(n.para_label);
	return err;
}

int cmd_notes_carry(int argc, char **argv, struct cli_opts *opts)
{
	struct usage_getopt g = { 0 };
	int c, rc = 0, dry = 0;
	while ((c = cli_getopt(argc, argv, "notes carry", &g, opts, &rc)) > 0)
		if (c == 'n')
			dry = 1;
	if (c < 0)
		return rc;
	if (argc - optind != 2) {
		cli_error("notes carry: needs OLD and NEW; try 'gavel notes carry --help'");
		return EX_USAGE;
	}
	struct collection *ca = NULL, *cb = NULL;
	const struct resolution *a, *b;
	rc = load_one(argv[optind], opts, &ca, &a);
	if (rc == 0)
		rc = load_one(argv[optind + 1], opts, &cb, &b);
	struct redline *rl = NULL;
	if (rc == 0 && redline_build(a, b, &rl) < 0) {
		cli_error("notes carry: out of memory");
		rc = EX_OSERR;
	}
	struct carried cr = { 0 };
	if (rc == 0)
		rc = carry_notes(opts, rl, !dry, &cr);
	int64_t doc = 0;
	if (rc == 0 && cr.n && !dry) {
		int err = store_doc_sync(cr.store, b, &doc);
		if (err) {
			cli_error("%s", store_errmsg(cr.store));
			rc = cli_store_exit(err);
		}
	}
	size_t done = 0, changed = 0, before = 0, behind = 0;
	for (size_t k = 0; k < cr.n && rc == 0; k++) {
		const struct rl_carry *cc = &cr.c[k];
		const struct annotation *an = &cr.a[k];
		if (cc->status == RL_LEFT_BEHIND) {
			behind++;
			/* what people recognise it by: its note, else its quote */
			const char *what = an->note && *an->note ? an->note : an->exact ? an->exact : "";
			fputs("left behind: ", stdout);
			put_safe(cr.from[k] ? cr.from[k] : an->para_id);
			if (*what) {
				fputs(" \xE2\x80\x94 ", stdout);
				put_safe(what);
			}
			fputc('\n', stdout);
			continue;
		}
		int err;
		if (dry) {
			/* carried before? then the copy is there under its id */
			char id[37];
			struct annotation got = { 0 };
			carried_id(an->id, b, id);
			err = store_annot_get(cr.store, id, &got) == STORE_OK ? STORE_ERR_EXISTS : STORE_OK;
			annotation_clear(&got);
		} else {
			err = store_carried(cr.store, doc, rl, an, cc);
		}
		if (err == STORE_ERR_EXISTS) {
			before++;
			continue;
		}
		if (err) {
			cli_error("%s", store_errmsg(cr.store));
			rc = cli_store_exit(err);
			break;
		}
		done++;
		changed += cc->status == RL_CARRIED_CHANGED;
	}
	if (rc == 0) {
		const char *sa = a->meta.symbol ? a->meta.symbol : argv[optind];
		const char *sb = b->meta.symbol ? b->meta.symbol : argv[optind + 1];
		printf("%s %zu note%s from ", dry ? "would carry" : "carried", done, done == 1 ? "" : "s");
		put_safe(sa);
		fputs(" to ", stdout);
		put_safe(sb);
		if (changed)
			printf(" (%zu where the words changed)", changed);
		if (before)
			printf("; %zu carried before", before);
		if (behind)
			printf("; %zu left behind (%s deleted)", behind,
			       behind == 1 ? "its paragraph was" : "their paragraphs were");
		printf("\n");
		if (fflush(stdout) != 0)
			rc = EX_IOERR;
	}
	carried_free(&cr);
	redline_free(rl);
	collection_free(ca);
	collection_free(cb);
	return rc;
}
