/* search.c: `gavel search [--json] PATTERN FILE...`, grep by paragraph: every paragraph that
 * matches (case- and accent-folded, smart case) as "A/RES/58/190 OP 18: ...", the matches
 * marked; exit 1 when nothing matched. Without a FILE, the library's paragraphs (issue 14),
 * oldest first, printed the same way. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/cli.h"
#include "doc/json.h"
#include "library/library.h"
#include "text/bidi.h"
#include "text/fold.h"
#include "text/utf8.h"

struct search_out {
	FILE *out;             /* stdout, or where a resolution is rendered on its builder's thread */
	int json;
	int list;              /* library: documents, not paragraphs */
	int nmatched;          /* paragraphs printed */
	int64_t last_doc;      /* library: the document printed last (for --list) */
	const char *open, *close;
	int visual;            /* a terminal: right-to-left text in the order it must be drawn */
};

static void print_text(const char *s, const struct search_hit *h, int nh,
                       const struct search_out *o)
{
	size_t at = 0;
	for (int k = 0; k < nh; k++) {
		utf8_write_safe(o->out, s + at, h[k].start - at);
		fputs(o->open, o->out);
		utf8_write_safe(o->out, s + h[k].start, h[k].end - h[k].start);
		fputs(o->close, o->out);
		at = h[k].end;
	}
	utf8_write_safe(o->out, s + at, strlen(s + at));
}

/* A JSON string, or null for a missing field. */
static void json_str(FILE *f, const char *s)
{
	if (s)
		json_write_string(f, s);
	else
		fputs("null", f);
}

/* Whether logical byte `at` is inside one of the (sorted, disjoint) hits. */
static int in_hit(size_t at, const struct search_hit *h, int nh)
{
	int lo = 0, hi = nh;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (h[mid].end <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nh && h[lo].start <= at;
}

/* A paragraph with right-to-left text, for a terminal: reordered as a whole line, the marks
 * put around the runs of hit characters where they end up on screen. */
static void print_visual(const char *s, const struct search_hit *h, int nh,
                         const struct search_out *o)
{
	size_t n = strlen(s), vl, *log;
	char *v = bidi_visual(s, n, bidi_direction(s, n), &vl, &log);
	if (!v) {
		print_text(s, h, nh, o);
		return;
	}
	int in = 0;
	for (size_t k = 0; k < vl;) {
		uint32_t c;
		size_t cl = utf8_decode(v + k, vl - k, &c);
		int hit = in_hit(log[k], h, nh);
		if (hit != in) {
			fputs(hit ? o->open : o->close, o->out);
			in = hit;
		}
		utf8_write_safe(o->out, v + k, cl);
		k += cl;
	}
	if (in)
		fputs(o->close, o->out);
	free(v);
	free(log);
}

/* One matching paragraph, from a file or from the library. */
struct found_para {
	const char *doc;          /* the symbol, or the file's name */
	const char *file;         /* NULL from the library */
	const char *lang, *adopted, *title;   /* from the library, else NULL */
	const char *id, *label, *text;
	size_t len;
};

/* A library document's language, adoption date and title, as JSON members. */
static void json_doc_facts(FILE *out, const char *lang, const char *adopted, const char *title)
{
	fputs(",\"language\":", out);
	json_str(out, lang);
	fputs(",\"adopted\":", out);
	json_str(out, adopted);
	fputs(",\"title\":", out);
	json_str(out, title);
}

static void print_json(const struct found_para *p, const struct search_hit *h, int nh,
                       struct search_out *o)
{
	fputs(o->nmatched ? ",\n" : "[\n", o->out);
	fputs("{\"document\":", o->out);
	json_str(o->out, p->doc);
	fputs(",\"file\":", o->out);
	json_str(o->out, p->file);
	if (!p->file)
		json_doc_facts(o->out, p->lang, p->adopted, p->title);
	fputs(",\"id\":", o->out);
	json_str(o->out, p->id);
	fputs(",\"label\":", o->out);
	json_str(o->out, p->label);
	fputs(",\"matches\":[", o->out);
	/* Character offsets, counted incrementally so many hits stay linear. */
	size_t byte = 0, chars = 0;
	for (int k = 0; k < nh; k++) {
		chars += utf8_count(p->text + byte, h[k].start - byte);
		size_t start = chars;
		chars += utf8_count(p->text + h[k].start, h[k].end - h[k].start);
		byte = h[k].end;
		fprintf(o->out, "%s{\"start\":%zu,\"end\":%zu}", k ? "," : "", start, chars);
	}
	fputs("],\"text\":", o->out);
	json_str(o->out, p->text);
	fputs("}", o->out);
}

static void print_para(const struct found_para *p, const struct search_hit *h, int nh,
                       struct search_out *o)
{
	if (o->json) {
		print_json(p, h, nh, o);
	} else {
		const char *label = p->label ? p->label : p->id ? p->id : "";
		utf8_write_safe(o->out, p->doc, strlen(p->doc));
		if (p->lang && strcmp(p->lang, "en") != 0)
			fprintf(o->out, " [%s]", p->lang);
		fputc(' ', o->out);
		utf8_write_safe(o->out, label, strlen(label));
		fputs(": ", o->out);
		if (o->visual && bidi_has_rtl(p->text, p->len))
			print_visual(p->text, h, nh, o);
		else
			print_text(p->text, h, nh, o);
		fputc('\n', o->out);
	}
	o->nmatched++;
}

/* Searches every paragraph of one resolution. Returns -1 when out of memory. */
static int search_res(const struct resolution *res, const char *file,
                      const struct search_pat *pat, struct search_out *o)
{
	for (size_t i = 0; i < res->npara; i++) {
		const struct para *p = &res->paras[i];
		if (!p->text)
			continue;
		struct search_hit *h;
		int nh = search_text(pat, p->text, p->text_len, &h);
		if (nh < 0)
			return -1;
		if (nh == 0)
			continue;
		struct found_para fp = { res->meta.symbol ? res->meta.symbol : file, file, NULL, NULL,
		                         NULL, p->id, p->label, p->text, p->text_len };
		print_para(&fp, h, nh, o);
		free(h);
	}
	return 0;
}

/* One file's search, resolution by resolution (cli_load_sink). */
struct search_file {
	const char *name;
	const struct search_pat *pat;
	struct search_out *o;
	int oom;
};

static int search_each(void *ctx, struct resolution *res)
{
	struct search_file *sf = ctx;
	/* the stream's lock taken once for the resolution's paragraphs, not on every write */
	flockfile(sf->o->out);
	sf->oom = search_res(res, sf->name, sf->pat, sf->o) != 0;
	funlockfile(sf->o->out);
	res_free(res);
	return sf->oom;
}

/* On several threads (parse.h's sink): a resolution's matching paragraphs printed where it
 * was built, as if others had matched before it (JSON's ",\n" before each), counted. */
static int render_search(const void *ctx, const struct resolution *res, FILE *f, int *items)
{
	const struct search_file *sf = ctx;
	struct search_out o = *sf->o;
	o.out = f;
	o.nmatched = 1;
	int r = search_res(res, sf->name, sf->pat, &o) != 0 || ferror(f);
	*items = o.nmatched - 1;
	return r;
}

static int emit_search(void *ctx, const char *bytes, size_t n, int items)
{
	struct search_file *sf = ctx;
	struct search_out *o = sf->o;
	if (o->json && items && !o->nmatched && n >= 2) {
		fputs("[\n", o->out);   /* the first match of all: no comma before it */
		bytes += 2;
		n -= 2;
	}
	fwrite(bytes, 1, n, o->out);
	o->nmatched += items;
	return ferror(o->out) != 0;
}

/* A paragraph of the library, printed as a file's would be; with --list, its document
 * once. */
static int on_library_hit(void *ctx, const struct library_hit *h)
{
	struct search_out *o = ctx;
	const struct library_doc *d = h->doc;
	if (!o->list) {
		struct found_para fp = { d->symbol, NULL, d->language, d->adopted, d->title, h->para_id,
		                         h->label, h->text, h->text_len };
		print_para(&fp, h->hits, h->nhits, o);
		return ferror(o->out) != 0;
	}
	if (d->id == o->last_doc)
		return LIBRARY_NEXT_DOC;
	o->last_doc = d->id;
	if (o->json) {
		fputs(o->nmatched ? ",\n{\"document\":" : "[\n{\"document\":", o->out);
		json_str(o->out, d->symbol);
		json_doc_facts(o->out, d->language, d->adopted, d->title);
		fputs("}", o->out);
	} else {
		utf8_write_safe(o->out, d->symbol, strlen(d->symbol));
		if (strcmp(d->language, "en") != 0)
			fprintf(o->out, " [%s]", d->language);
		fprintf(o->out, "  %s  ", d->adopted ? d->adopted : "-");
		if (d->title)
			utf8_write_safe(o->out, d->title, strlen(d->title));
		fputc('\n', o->out);
	}
	o->nmatched++;
	return ferror(o->out) ? LIBRARY_STOP : LIBRARY_NEXT_DOC;
}

/* Returns the exit code, or -1 when the library is missing or empty. */
static int search_library(const char *pattern, const char *lang, int reverse,
                          struct search_out *o, struct cli_opts *opts)
{
	struct library *l;
	int rc = cli_library_open(opts, 0, 1, &l);
	if (rc)
		return rc;
	size_t n = 0;
	if (!l || library_count(l, &n) != STORE_OK || n == 0) {
		library_close(l);
		return -1;
	}
	struct library_filter f = { .language = lang };
	o->last_doc = -1;
	int err = library_search(l, pattern, &f, reverse, on_library_hit, o, &n);
	if (err)
		cli_error("search: %s", library_errmsg(l));
	library_close(l);
	if (o->json)
		fputs(o->nmatched ? "\n]\n" : "[]\n", stdout);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("search: cannot write the output");
		return EX_IOERR;
	}
	if (err)
		return cli_store_exit(err);
	return o->nmatched ? 0 : 1;
}

int cmd_search(int argc, char **argv, struct cli_opts *opts)
{
	struct search_out o = { .out = stdout };
	struct usage_getopt g = { 0 };
	int c, rc, reverse = 0;
	const char *lang = NULL;
	while ((c = cli_getopt(argc, argv, "search", &g, opts, &rc)) > 0) {
		if (c == OPT_JSON)
			o.json = 1;
		else if (c == 'l')
			o.list = 1;
		else if (c == 'r')
			reverse = 1;
		else if (c == OPT_LANG)
			lang = optarg;
	}
	if (c < 0)
		return rc;
	if (optind >= argc) {
		cli_error("search: a PATTERN is needed; try 'gavel search --help'");
		return EX_USAGE;
	}
	const char *pattern = argv[optind++];
	struct search_pat pat;
	if (search_compile(pattern, &pat) < 0) {
		cli_error("search: out of memory");
		return EX_OSERR;
	}
	if (pat.len == 0) {
		search_pat_free(&pat);
		cli_error("search: the PATTERN is empty");
		return EX_USAGE;
	}
	o.visual = isatty(STDOUT_FILENO);
	int color = cli_color(opts, STDOUT_FILENO);
	o.open = color ? "\033[7m" : "[[";
	o.close = color ? "\033[27m" : "]]";
	cli_pager_start(opts);

	int err = 0;
	int nfiles = argc - optind;
	if (nfiles == 0) {
		int lr = search_library(pattern, lang, reverse, &o, opts);
		if (lr >= 0) {
			search_pat_free(&pat);
			return lr;
		}
	}
	for (int k = 0; k < (nfiles ? nfiles : 1); k++) {
		const char *file = nfiles ? argv[optind + k] : NULL;
		/* each resolution searched as it is built, then freed: a compilation is never
		 * held whole */
		struct search_file sf = { file ? file : cli_sample_path(), &pat, &o, 0 };
		struct parse_sink sink = { search_each, render_search, emit_search, &sf };
		rc = cli_load_sink(file, opts, PARSE_TEXT_ONLY, &sink);
		if (sf.oom) {
			cli_error("search: out of memory");
			err = EX_OSERR;
			break;
		}
		if (rc && !err)
			err = rc;   /* like grep: report, then search the other files */
	}
	search_pat_free(&pat);
	if (o.json)
		fputs(o.nmatched ? "\n]\n" : "[]\n", stdout);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("search: cannot write the output");
		return EX_IOERR;
	}
	if (err)
		return err;
	return o.nmatched ? 0 : 1;
}
