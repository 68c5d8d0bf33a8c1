/* library-used.c: `gavel used "PHRASE"` and `gavel used FILE|SYMBOL ID`: where wording was
 * used before in the library, oldest first, with the first and last use and how each was
 * adopted when the record says; a nearly identical paragraph with its differences marked. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/cli.h"
#include "doc/json.h"
#include "library/library.h"
#include "library/similar.h"
#include "text/utf8.h"

/* Marks that cannot come from a document's text; print_marked turns them into colours or
 * wdiff's brackets. */
#define M_DEL "\x01"
#define M_DEL_END "\x02"
#define M_INS "\x03"
#define M_INS_END "\x04"

struct used_out {
	int json, color, visual;
	size_t n, nres;
	int64_t last_res;
	char *first, *last;        /* "A/RES/76/172 OP 5 (2021-12-16, adopted without a vote)" */
	const char *skip_key, *skip_lang, *skip_id;   /* the paragraph asked about */
	struct sim_words query;
	const char *qtext;
	size_t qlen;
};

/* "Adopted without a vote." from a vote record that may go on with every country's name. */
static void first_sentence(const char *vote, char *out, size_t n)
{
	out[0] = '\0';
	if (!vote)
		return;
	size_t l = 0;
	while (vote[l] && !(vote[l] == '.' && (vote[l + 1] == ' ' || vote[l + 1] == '\0')) &&
	       l + 2 < n)
		l++;
	memcpy(out, vote, l);
	out[l] = '\0';
	if (l && out[0] >= 'A' && out[0] <= 'Z' && (out[1] < 'A' || out[1] > 'Z'))
		out[0] = (char)(out[0] - 'A' + 'a');
}

static char *describe(const struct library_doc *d, const char *label)
{
	char vote[160], *s = NULL;
	first_sentence(d->vote, vote, sizeof vote);
	if (asprintf(&s, "%s %s (%s%s%s)", d->symbol, label ? label : "", d->adopted ? d->adopted
	             : "date unknown", vote[0] ? ", " : "", vote) < 0)
		return NULL;
	return s;
}

static void note_use(struct used_out *o, const struct library_doc *d, const char *label)
{
	if (d->id != o->last_res) {
		o->nres++;
		o->last_res = d->id;
	}
	char *s = describe(d, label);
	if (!o->first)
		o->first = s;
	else {
		free(o->last);
		o->last = s;
	}
	o->n++;
}

/* The text with the marks as colours, wdiff's brackets or (hits) reverse video. */
static void print_marked(const char *s, const struct used_out *o)
{
	static const char *const plain[] = { "[-", "-]", "{+", "+}" };
	static const char *const colors[] = { "\033[31;9m", "\033[0m", "\033[32;4m", "\033[0m" };
	const char *const *m = o->color ? colors : plain;
	const char *run = s;
	for (const char *p = s;; p++) {
		if (*p && (unsigned char)*p > 4)
			continue;
		utf8_write_safe(stdout, run, (size_t)(p - run));
		if (!*p)
			break;
		fputs(m[(unsigned char)*p - 1], stdout);
		run = p + 1;
	}
}

/* The marks in wdiff's brackets, for JSON. */
static char *bracketed(const char *s)
{
	static const char *const plain[] = { "[-", "-]", "{+", "+}" };
	size_t n = strlen(s), k = 0;
	char *out = malloc(2 * n + 1);
	if (!out)
		return NULL;
	for (const char *p = s; *p; p++) {
		if ((unsigned char)*p >= 1 && (unsigned char)*p <= 4) {
			memcpy(out + k, plain[(unsigned char)*p - 1], 2);
			k += 2;
		} else {
			out[k++] = *p;
		}
	}
	out[k] = '\0';
	return out;
}

static void json_head(struct used_out *o)
{
	fputs(o->n ? ",\n{" : "{\"uses\":[\n{", stdout);
}

static void json_str(const char *s)
{
	if (s)
		json_write_string(stdout, s);
	else
		fputs("null", stdout);
}

static void json_doc(const struct library_doc *d, const char *id, const char *label)
{
	fputs("\"document\":", stdout);
	json_str(d->symbol);
	fputs(",\"language\":", stdout);
	json_str(d->language);
	fputs(",\"adopted\":", stdout);
	json_str(d->adopted);
	fputs(",\"vote\":", stdout);
	json_str(d->vote);
	fputs(",\"id\":", stdout);
	json_str(id);
	fputs(",\"label\":", stdout);
	json_str(label);
}

static void head_line(const struct library_doc *d, const char *label)
{
	printf("%s  ", d->adopted ? d->adopted : "----------");
	utf8_write_safe(stdout, d->symbol, strlen(d->symbol));
	if (strcmp(d->language, "en") != 0)
		printf(" [%s]", d->language);
	fputc(' ', stdout);
	utf8_write_safe(stdout, label ? label : "", label ? strlen(label) : 0);
}

/* ---- a phrase ---- */

static int on_phrase(void *ctx, const struct library_hit *h)
{
	struct used_out *o = ctx;
	if (o->json) {
		json_head(o);
		json_doc(h->doc, h->para_id, h->label);
		fputs(",\"similarity\":null,\"text\":", stdout);
		json_str(h->text);
		fputs("}", stdout);
	} else {
		head_line(h->doc, h->label);
		fputs(": ", stdout);
		size_t at = 0;
		const char *open = o->color ? "\033[7m" : "[[", *close = o->color ? "\033[27m" : "]]";
		for (int k = 0; k < h->nhits; k++) {
			utf8_write_safe(stdout, h->text + at, h->hits[k].start - at);
			fputs(open, stdout);
			utf8_write_safe(stdout, h->text + h->hits[k].start, h->hits[k].end - h->hits[k].start);
			fputs(close, stdout);
			at = h->hits[k].end;
		}
		utf8_write_safe(stdout, h->text + at, h->text_len - at);
		fputc('\n', stdout);
	}
	note_use(o, h->doc, h->label);
	return ferror(stdout) != 0;
}

/* ---- a paragraph ---- */

static int on_use(void *ctx, const struct library_use *u)
{
	struct used_out *o = ctx;
	if (o->skip_key && strcmp(u->doc->key, o->skip_key) == 0 &&
	    strcmp(u->doc->language, o->skip_lang) == 0 && strcmp(u->para_id, o->skip_id) == 0)
		return 0;                        /* the paragraph itself */
	struct sim_words w;
	if (sim_words_of(u->text, u->text_len, &w) < 0)
		return 1;
	char *m = sim_marked(u->text, u->text_len, &w, o->qtext, o->qlen, &o->query, M_DEL,
	                     M_DEL_END, M_INS, M_INS_END);
	sim_words_free(&w);
	if (!m)
		return 1;
	int same = u->similarity >= 1.0 - 1e-12;
	if (o->json) {
		json_head(o);
		json_doc(u->doc, u->para_id, u->label);
		printf(",\"similarity\":%.3f,\"text\":", u->similarity);
		json_str(u->text);
		fputs(",\"marked\":", stdout);
		char *b = bracketed(m);
		json_str(b);
		free(b);
		fputs("}", stdout);
	} else {
		head_line(u->doc, u->label);
		if (same)
			fputs("  same words\n    ", stdout);
		else
			printf("  %.0f%% similar\n    ", u->similarity * 100);
		print_marked(m, o);
		fputc('\n', stdout);
	}
	free(m);
	note_use(o, u->doc, u->label);
	return ferror(stdout) != 0;
}

/* Paragraph `want` of res: its id ("op14"), case aside, or its label with spaces aside. */
static int find_para(const struct resolution *res, const char *want)
{
	int i = res_find(res, want);
	for (size_t k = 0; i < 0 && k < res->npara; k++)
		if (res->paras[k].id && strcasecmp(res->paras[k].id, want) == 0)
			i = (int)k;
	for (size_t k = 0; i < 0 && k < res->npara; k++) {
		const char *l = res->paras[k].label, *w = want;
		if (!l)
			continue;
		while (*l && *w) {
			if (*l == ' ') { l++; continue; }
			if (*w == ' ') { w++; continue; }
			if ((*l | 0x20) != (*w | 0x20))
				break;
			l++;
			w++;
		}
		if (!*l && !*w)
			i = (int)k;
	}
	return i;
}

static int finish(struct used_out *o, int err, struct library *l)
{
	if (o->json) {
		fputs(o->n ? "\n],\"first\":" : "{\"uses\":[],\"first\":", stdout);
		json_str(o->first);
		fputs(",\"last\":", stdout);
		json_str(o->last ? o->last : o->first);
		printf(",\"resolutions\":%zu}\n", o->nres);
	} else if (o->n) {
		fputs("First used in ", stdout);
		utf8_write_safe(stdout, o->first, strlen(o->first));
		if (o->last) {
			fputs("; last in ", stdout);
			utf8_write_safe(stdout, o->last, strlen(o->last));
		}
		printf(": %zu paragraph%s of %zu resolution%s.\n", o->n, o->n == 1 ? "" : "s",
		       o->nres, o->nres == 1 ? "" : "s");
	}
	free(o->first);
	free(o->last);
	if (err)
		cli_error("used: %s", library_errmsg(l));
	library_close(l);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("used: cannot write the output");
		return EX_IOERR;
	}
	if (err)
		return cli_store_exit(err);
	return o->n ? 0 : 1;
}

int cmd_used(int argc, char **argv, struct cli_opts *opts)
{
	struct used_out o = { 0 };
	o.last_res = -1;
	double min = 0.8;
	const char *lang = NULL;
	struct usage_getopt g = { 0 };
	int c, grc;
	while ((c = cli_getopt(argc, argv, "used", &g, opts, &grc)) > 0) {
		if (c == OPT_JSON) {
			o.json = 1;
		} else if (c == OPT_LANG) {
			lang = optarg;
		} else if (c == OPT_MIN) {
			char *end;
			min = strtod(optarg, &end);
			if (*end || !(min >= 0.5 && min <= 1.0)) {
				cli_error("used: --min takes a number from 0.5 to 1, not '%s'", optarg);
				return EX_USAGE;
			}
		}
	}
	if (c < 0)
		return grc;
	int nargs = argc - optind;
	if (nargs < 1 || nargs > 2) {
		cli_error("used: a PHRASE, or a FILE and a paragraph ID; try 'gavel used --help'");
		return EX_USAGE;
	}
	o.color = cli_color(opts, STDOUT_FILENO);
	struct collection *col = NULL;
	const struct para *p = NULL;
	if (nargs == 2) {
		int rc = cli_load(argv[optind], opts, &col);
		if (rc)
			return rc;
		const struct resolution *res = NULL;
		int k = -1;
		for (size_t d = 0; d < col->ndocs && k < 0; d++)
			if ((k = find_para(col->docs[d], argv[optind + 1])) >= 0)
				res = col->docs[d];
		if (k < 0) {
			cli_error("used: no paragraph '%s' in %s", argv[optind + 1], argv[optind]);
			collection_free(col);
			return EX_DATAERR;
		}
		p = &res->paras[k];
		if (res->meta.symbol) {
			static char key[SYMBOL_KEY_MAX];
			symbol_key(res->meta.symbol, key, sizeof key);
			o.skip_key = key;
			o.skip_lang = res->meta.language ? res->meta.language : "und";
			o.skip_id = p->id;
		}
	}
	struct library *l;
	int rc = cli_library_open(opts, 0, 0, &l);
	if (rc) {
		collection_free(col);
		return rc;
	}
	int err;
	size_t n;
	if (!p) {
		struct library_filter f = { .language = lang };
		err = library_search(l, argv[optind], &f, 0, on_phrase, &o, &n);
	} else {
		o.qtext = p->text;
		o.qlen = p->text_len;
		if (sim_words_of(p->text, p->text_len, &o.query) < 0) {
			collection_free(col);
			library_close(l);
			cli_error("out of memory");
			return EX_OSERR;
		}
		/* wording is compared within one language */
		struct library_filter f = { .language = o.skip_lang ? o.skip_lang : lang };
		err = library_used(l, p->text, p->text_len, min, &f, on_use, &o, &n);
		sim_words_free(&o.query);
	}
	rc = finish(&o, err, l);
	collection_free(col);
	return rc;
}
