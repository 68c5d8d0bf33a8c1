/* library-links.c: `gavel links FILE|SYMBOL [ID]`: what a resolution cites (each
 * citation followed into the library when it is there, else its undocs.org address) and
 * which resolutions of the library cite it, from which paragraph. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cli/cli.h"
#include "doc/json.h"
#include "library/cite.h"
#include "library/library.h"
#include "text/utf8.h"

static void jstr(const char *s)
{
	if (s)
		json_write_string(stdout, s);
	else
		fputs("null", stdout);
}

static void safe(const char *s, size_t n)
{
	utf8_write_safe(stdout, s, n);
}

/* Where a citation leads: the label of the paragraph in the cited document when the
 * library (or the document itself) has it. */
struct target {
	int in_library;
	char label[64], id[64], url[160], symbol[SYMBOL_KEY_MAX];
};

static void resolve(struct library *l, const struct resolution *self, int from,
                    const struct cite *c, struct target *t)
{
	memset(t, 0, sizeof *t);
	const struct resolution *doc = NULL;
	struct resolution *loaded = NULL;
	if (!c->key[0]) {
		doc = self;
		t->in_library = 1;
		snprintf(t->symbol, sizeof t->symbol, "%s", self->meta.symbol ? self->meta.symbol : "");
	} else {
		snprintf(t->symbol, sizeof t->symbol, "%s", c->key);
		symbol_undocs(c->key, t->url, sizeof t->url);
		struct library_doc *v;
		size_t n;
		if (l && library_find(l, c->key, self->meta.language, &v, &n) == STORE_OK) {
			if (strcmp(v[0].key, c->key) == 0) {
				t->in_library = 1;
				snprintf(t->symbol, sizeof t->symbol, "%s", v[0].symbol);
				if (library_load(l, v[0].id, &loaded) == STORE_OK)
					doc = loaded;
			}
			library_docs_free(v, n);
		}
	}
	if (doc) {
		int i = cite_resolve(doc, c->spec, c->key[0] ? -1 : from);
		if (i >= 0) {
			snprintf(t->label, sizeof t->label, "%s", res_label(doc, i));
			snprintf(t->id, sizeof t->id, "%s", doc->paras[i].id);
		}
	}
	res_free(loaded);
}

struct links_out {
	int json;
	size_t ncites, nback;
};

static void print_cite(struct links_out *o, const struct resolution *res, size_t i,
                       const struct cite *c, const struct target *t)
{
	const struct para *p = &res->paras[i];
	if (o->json) {
		fputs(o->ncites ? ",\n{\"from\":" : "\n{\"from\":", stdout);
		jstr(p->id);
		fputs(",\"label\":", stdout);
		jstr(res_label(res, (int)i));
		fputs(",\"words\":", stdout);
		json_write_stringn(stdout, p->text + c->byte, c->len);
		fputs(",\"document\":", stdout);
		jstr(c->key[0] ? t->symbol : res->meta.symbol);
		fputs(",\"place\":", stdout);
		jstr(c->spec[0] ? c->spec : NULL);
		printf(",\"in_library\":%s,\"paragraph\":", t->in_library ? "true" : "false");
		jstr(t->id[0] ? t->id : NULL);
		fputs(",\"address\":", stdout);
		jstr(t->url[0] ? t->url : NULL);
		fputs("}", stdout);
	} else {
		const char *label = res_label(res, (int)i);
		printf("  ");
		safe(label, strlen(label));
		printf(": ");
		safe(p->text + c->byte, c->len);
		printf("  -> ");
		if (!c->key[0])
			printf("%s", t->label[0] ? t->label : "(not in this document)");
		else if (t->in_library) {
			safe(t->symbol, strlen(t->symbol));
			if (t->label[0] && c->spec[0])
				printf(" %s", t->label);
			else if (c->spec[0])
				printf(" (no %s in it)", c->spec);
		} else {
			safe(t->symbol, strlen(t->symbol));
			printf(", not in the library%s%s", t->url[0] ? ": " : "", t->url);
		}
		fputc('\n', stdout);
	}
	o->ncites++;
}

static int on_backlink(void *ctx, const struct library_backlink *b)
{
	struct links_out *o = ctx;
	if (o->json) {
		fputs(o->nback ? ",\n{\"document\":" : "\n{\"document\":", stdout);
		jstr(b->doc->symbol);
		fputs(",\"language\":", stdout);
		jstr(b->doc->language);
		fputs(",\"adopted\":", stdout);
		jstr(b->doc->adopted);
		fputs(",\"from\":", stdout);
		jstr(b->para_id);
		fputs(",\"label\":", stdout);
		jstr(b->label);
		fputs(",\"words\":", stdout);
		json_write_stringn(stdout, b->text + b->byte, b->len);
		fputs(",\"place\":", stdout);
		jstr(b->spec[0] ? b->spec : NULL);
		fputs("}", stdout);
	} else {
		printf("  %s  ", b->doc->adopted ? b->doc->adopted : "----------");
		safe(b->doc->symbol, strlen(b->doc->symbol));
		if (strcmp(b->doc->language, "en") != 0)
			printf(" [%s]", b->doc->language);
		printf(" %s: ", b->label ? b->label : "");
		safe(b->text + b->byte, b->len);
		fputc('\n', stdout);
	}
	o->nback++;
	return ferror(stdout) != 0;
}

int cmd_links(int argc, char **argv, struct cli_opts *opts)
{
	struct links_out o = { 0 };
	struct usage_getopt g = { 0 };
	int c, grc;
	while ((c = cli_getopt(argc, argv, "links", &g, opts, &grc)) > 0)
		if (c == OPT_JSON)
			o.json = 1;
	if (c < 0)
		return grc;
	if (optind >= argc) {
		cli_error("links: a FILE or SYMBOL is needed; try 'gavel links --help'");
		return EX_USAGE;
	}
	struct collection *col;
	int rc = cli_load(argv[optind], opts, &col);
	if (rc)
		return rc;
	struct library *l = NULL;
	if ((rc = cli_library_open(opts, 0, 1, &l)) != 0) {
		collection_free(col);
		return rc;
	}
	const struct resolution *res = col->docs[0];
	/* With IDs, only those paragraphs. */
	size_t nids = (size_t)(argc - optind - 1);
	char *want = calloc(res->npara ? res->npara : 1, 1);
	if (!want) {
		collection_free(col);
		library_close(l);
		return EX_OSERR;
	}
	for (size_t k = 0; k < nids; k++) {
		int i = res_find(res, argv[optind + 1 + k]);
		if (i < 0) {
			cli_error("links: no paragraph '%s' in %s", argv[optind + 1 + k], argv[optind]);
			free(want);
			collection_free(col);
			library_close(l);
			return EX_DATAERR;
		}
		want[i] = 1;
	}
	const char *sym = res->meta.symbol ? res->meta.symbol : argv[optind];
	if (o.json) {
		fputs("{\"document\":", stdout);
		jstr(res->meta.symbol);
		fputs(",\"cites\":[", stdout);
	} else {
		safe(sym, strlen(sym));
		printf(" cites:\n");
	}
	for (size_t i = 0; i < res->npara && !rc; i++) {
		if (nids && !want[i])
			continue;
		struct cite *cv;
		int n = cite_find(res, i, &cv);
		if (n < 0) {
			rc = EX_OSERR;
			break;
		}
		for (int k = 0; k < n; k++) {
			struct target t;
			resolve(l, res, (int)i, &cv[k], &t);
			print_cite(&o, res, i, &cv[k], &t);
		}
		free(cv);
	}
	if (!o.json && !o.ncites)
		printf("  nothing\n");
	if (o.json)
		fputs(o.ncites ? "\n],\"cited_by\":[" : "],\"cited_by\":[", stdout);
	else {
		safe(sym, strlen(sym));
		printf(" is cited by:\n");
	}
	size_t n = 0;
	if (l && res->meta.symbol) {
		int err = library_cited_by(l, res->meta.symbol, NULL, on_backlink, &o, &n);
		if (err) {
			cli_error("links: %s", library_errmsg(l));
			rc = cli_store_exit(err);
		}
	}
	if (o.json)
		fputs(o.nback ? "\n]}\n" : "]}\n", stdout);
	else if (!o.nback)
		printf("  nothing in the library%s\n", l ? "" : " (it is empty)");
	free(want);
	collection_free(col);
	library_close(l);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("links: cannot write the output");
		return EX_IOERR;
	}
	return rc;
}
