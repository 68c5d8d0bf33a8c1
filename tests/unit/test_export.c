/* test_export.c: every export format on a hand-built resolution and hand-built annotations
 * (no parser, no SQLite): labels and citations, document order and orphans, escaping of
 * quotes, commas, newlines, tabs, ESC, non-ASCII and double-width text, and JSON that reads
 * back to the same records. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "export/export.h"
#include "export/import.h"
#include "export/jsonread.h"

/* Adds a paragraph with its strings (copied). */
static int add(struct resolution *r, enum para_kind k, const char *id, const char *label,
               const char *num, const char *text, int parent, int annex)
{
	int i = res_add_para(r, k);
	assert_true(i >= 0);
	struct para *p = &r->paras[i];
	p->id = strdup(id);
	p->label = label ? strdup(label) : NULL;
	p->num = num ? strdup(num) : NULL;
	p->text = strdup(text);
	p->text_len = strlen(text);
	p->parent = parent;
	p->depth = parent < 0 ? 0 : r->paras[parent].depth + 1;
	p->annex = annex;
	return i;
}

static struct resolution *sample(void)
{
	struct resolution *r = res_new();
	assert_non_null(r);
	r->meta.symbol = strdup("A/RES/99/1");
	r->meta.title = strdup("Protection of \"test\" migrants");
	r->meta.adopted = strdup("2003-12-22");
	r->meta.language = strdup("en");
	add(r, PARA_PREAMBLE, "pp1", "PP 1", "1", "Recalling its resolution 57/218 of 18 December 2002,", -1, -1);
	add(r, PARA_PREAMBLE, "pp2", "PP 2", "2", "Reaffirming the rights of all migrants, in particular women,", -1, -1);
	add(r, PARA_OPERATIVE, "op1", "OP 1", "1", "Welcomes the renewed commitment to protect migrants;", -1, -1);
	int op2 = add(r, PARA_OPERATIVE, "op2", "OP 2", "2", "Requests all States:", -1, -1);
	int a = add(r, PARA_SUB, "op2.a", "OP 2 (a)", "a", "To promote the rights of migrants;", op2, -1);
	add(r, PARA_SUB, "op2.a.ii", "OP 2 (a) (ii)", "ii", "Including children \xE5\xA4\xA7\xE4\xBC\x9A;", a, -1);
	r->annexes = calloc(1, sizeof *r->annexes);
	r->annexes[0].id = strdup("annex1");
	r->annexes[0].label = strdup("Annex A");
	r->nannexes = 1;
	add(r, PARA_ANNEX_TITLE, "annex1", "Annex A", NULL, "Declaration on migrants", -1, 0);
	add(r, PARA_ANNEX, "annex1.p4", "Annex A, para. 4", "4", "Every migrant has rights.", -1, 0);
	add(r, PARA_FOOTNOTE, "fn1", "Footnote 1", "1", "See resolution 55/2.", -1, -1);
	return r;
}

static void set(struct annotation *a, const char *id, const char *para, size_t start, size_t end,
                const char *exact, const char *color, const char *note, const char *created)
{
	memset(a, 0, sizeof *a);
	snprintf(a->id, sizeof a->id, "%s", id);
	a->doc_symbol = strdup("A/RES/99/1");
	a->doc_language = strdup("en");
	a->para_id = strdup(para);
	a->start = start;
	a->end = end;
	a->exact = strdup(exact);
	a->prefix = strdup("");
	a->suffix = strdup("");
	a->color = strdup(color);
	a->note = note ? strdup(note) : NULL;
	a->created = strdup(created);
	a->updated = strdup(created);
}

static void tag(struct annotation *a, const char *t)
{
	a->tags = realloc(a->tags, (a->ntags + 1) * sizeof *a->tags);
	a->tags[a->ntags++] = strdup(t);
}

#define NANN 5

/* Given out of order on purpose: the exporters sort. */
static struct annotation *notes(void)
{
	struct annotation *v = calloc(NANN, sizeof *v);
	set(&v[0], "00000000-0000-4000-8000-000000000003", "op2.a.ii", 10, 21,
	    "children \xE5\xA4\xA7\xE4\xBC\x9A", "green", "CJK \xE5\xA4\xA7\xE4\xBC\x9A note", "2026-01-03T00:00:00Z");
	set(&v[1], "00000000-0000-4000-8000-000000000001", "pp2", 16, 22, "rights", "yellow",
	    "He said \"rights\", twice;\nsecond line\twith a tab and \x1b[31mESC", "2026-01-01T00:00:00Z");
	free(v[1].prefix);
	v[1].prefix = strdup("Reaffirming the ");
	tag(&v[1], "human rights");
	tag(&v[1], "d\xC3\xA9tention");
	set(&v[2], "00000000-0000-4000-8000-000000000005", "op9", 0, 3, "Old", "red",
	    "orphaned note", "2026-01-05T00:00:00Z");
	v[2].status = ANCHOR_ORPHAN;
	set(&v[3], "00000000-0000-4000-8000-000000000002", "op1", 0, 8, "Welcomes", "blue", NULL,
	    "2026-01-02T00:00:00Z");
	set(&v[4], "00000000-0000-4000-8000-000000000004", "annex1.p4", 6, 13, "migrant", "purple",
	    "\nannex, note\n\nafter a blank line", "2026-01-04T00:00:00Z");
	return v;
}

struct fixture {
	struct resolution *res;
	struct annotation *an;
	struct export_doc doc;
	struct export_opts opts;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->res = sample();
	f->an = notes();
	f->doc = (struct export_doc){ f->res, NULL, NULL, f->an, NANN };
	f->opts.width = 60;
	f->opts.now = 1795737600; /* 2026-11-27T00:00:00Z */
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	res_free(f->res);
	annotation_list_free(f->an, NANN);
	free(f);
	return 0;
}

/* Runs one format into memory; the caller frees. */
static char *run(const char *format, const struct export_doc *docs, size_t ndocs,
                 const struct export_opts *o, size_t *len)
{
	const struct export_format *fmt = export_find(format);
	assert_non_null(fmt);
	char *buf = NULL;
	size_t n = 0;
	FILE *mem = open_memstream(&buf, &n);
	assert_non_null(mem);
	assert_int_equal(fmt->write(mem, docs, ndocs, o), 0);
	fclose(mem);
	if (len)
		*len = n;
	return buf;
}

/* No control character but line ends (and CR, and TAB, when allowed: CSV and Markdown keep a
 * note's TABs). */
static void no_controls(const char *s, int allow_cr)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n' || (allow_cr && (*p == '\r' || *p == '\t')))
			continue;
		assert_false(*p < 0x20 || *p == 0x7f);
	}
}

static void table(void **state)
{
	(void)state;
	const char *names[] = { "txt", "md", "json", "csv", "annotated", "hypothesis" };
	for (size_t i = 0; i < 6; i++) {
		const struct export_format *f = export_find(names[i]);
		assert_non_null(f);
		assert_string_equal(f->name, names[i]);
	}
	assert_null(export_find("pdf"));
	assert_null(export_find(NULL));
}

static void citations(void **state)
{
	struct fixture *f = *state;
	char b[256];
	const struct export_doc *d = &f->doc;
	assert_string_equal(export_citation(d, "op1", b, sizeof b), "A/RES/99/1, para. 1");
	assert_string_equal(export_citation(d, "pp2", b, sizeof b), "A/RES/99/1, preambular para. 2");
	assert_string_equal(export_citation(d, "op2.a.ii", b, sizeof b), "A/RES/99/1, para. 2 (a) (ii)");
	assert_string_equal(export_citation(d, "annex1.p4", b, sizeof b), "A/RES/99/1, annex A, para. 4");
	assert_string_equal(export_citation(d, "annex1", b, sizeof b), "A/RES/99/1, annex A");
	assert_string_equal(export_citation(d, "fn1", b, sizeof b), "A/RES/99/1, footnote 1");
	assert_string_equal(export_label(d, "op2.a.ii", b, sizeof b), "OP 2 (a) (ii)");

	/* Without the text: from the ids alone. */
	struct export_doc bare = { NULL, "S/RES/101 (1953)", "en", NULL, 0 };
	assert_string_equal(export_citation(&bare, "b.op2", b, sizeof b), "S/RES/101 (1953), part B, para. 2");
	assert_string_equal(export_citation(&bare, "a.pp1", b, sizeof b), "S/RES/101 (1953), part A, preambular para. 1");
	assert_string_equal(export_citation(&bare, "annex1.p4.b", b, sizeof b), "S/RES/101 (1953), annex, para. 4 (b)");
	assert_string_equal(export_label(&bare, "op3.a.ii", b, sizeof b), "OP 3 (a) (ii)");
	assert_string_equal(export_label(&bare, "b.op2", b, sizeof b), "B OP 2");
	assert_string_equal(export_label(&bare, "pp5", b, sizeof b), "PP 5");
	assert_string_equal(export_label(&bare, "fn16", b, sizeof b), "Footnote 16");
	assert_string_equal(export_label(&bare, "weird..id", b, sizeof b), "weird..id");
	assert_string_equal(export_label(&bare, NULL, b, sizeof b), "?");
	struct export_doc none = { NULL, NULL, NULL, NULL, 0 };
	assert_string_equal(export_symbol(&none), "(unknown document)");
}

static void order(void **state)
{
	struct fixture *f = *state;
	size_t nanch;
	const struct annotation **v = export_order(&f->doc, &nanch);
	assert_non_null(v);
	assert_int_equal(nanch, 4);
	assert_string_equal(v[0]->para_id, "pp2");
	assert_string_equal(v[1]->para_id, "op1");
	assert_string_equal(v[2]->para_id, "op2.a.ii");
	assert_string_equal(v[3]->para_id, "annex1.p4");
	assert_string_equal(v[4]->para_id, "op9");
	free(v);
}

static void txt(void **state)
{
	struct fixture *f = *state;
	char *s = run("txt", &f->doc, 1, &f->opts, NULL);
	no_controls(s, 0);
	assert_non_null(strstr(s, "A/RES/99/1: Protection of \"test\" migrants\n"));
	assert_non_null(strstr(s, "Adopted:  2003-12-22\nExported: 2026-11-27\nNotes:    5 (1 orphaned)\n"));
	assert_non_null(strstr(s, "PP 2 \xE2\x80\x94 A/RES/99/1, preambular para. 2\n"));
	assert_non_null(strstr(s, "  Quote:  \xE2\x80\x9Crights\xE2\x80\x9D\n"));
	assert_non_null(strstr(s, "  Note:   He said \"rights\", twice;\n          second line with a tab"));
	assert_non_null(strstr(s, "  Tags:   human rights, d\xC3\xA9tention\n"));
	assert_non_null(strstr(s, "OP 2 (a) (ii) \xE2\x80\x94 A/RES/99/1, para. 2 (a) (ii)"));
	/* Orphans come last, under their own heading. */
	const char *orph = strstr(s, "Orphaned notes");
	assert_non_null(orph);
	assert_non_null(strstr(orph, "was OP 9"));
	assert_true(strstr(s, "annex A, para. 4") < orph);
	/* Lines respect the width (60 columns; all text here is single-width but the CJK), and
	 * none ends in a blank, even where a note starts with an empty line. */
	for (char *line = s, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
		assert_true(nl - line <= 64);
		assert_true(nl == line || nl[-1] != ' ');
	}
	assert_non_null(strstr(s, "  Note:\n          annex, note\n\n          after a blank line\n"));
	free(s);
}

static void md(void **state)
{
	struct fixture *f = *state;
	char *s = run("md", &f->doc, 1, &f->opts, NULL);
	no_controls(s, 1);
	assert_null(strchr(s, '\r'));
	assert_int_equal(strncmp(s, "---\ntitle: \"Protection of \\\"test\\\" migrants\"\n", 45), 0);
	assert_non_null(strstr(s, "symbol: \"A/RES/99/1\"\n"));
	assert_non_null(strstr(s, "exported: \"2026-11-27\"\nnotes: 5\n---\n"));
	assert_non_null(strstr(s, "## PP 2 \xE2\x80\x94 A/RES/99/1, preambular para. 2\n\n> rights\n\n"));
	assert_non_null(strstr(s, "*yellow* #human-rights #d\xC3\xA9tention\n"));
	assert_non_null(strstr(s, "tags:\n  - \"human-rights\"\n  - \"d\xC3\xA9tention\"\n"));
	/* The note's line break kept as a hard break; its TAB kept. */
	assert_non_null(strstr(s, "He said \"rights\", twice;\\\nsecond line\twith a tab"));
	assert_non_null(strstr(s, "## Orphaned notes"));
	free(s);
}

/* A minimal RFC 4180 reader, to check the CSV by reading it back field by field. */
static int csv_read(const char *s, char fields[][512], int max, const char **next)
{
	int n = 0;
	for (;;) {
		char *out = fields[n];
		size_t k = 0;
		if (*s == '"') {
			s++;
			for (;;) {
				assert_true(*s != '\0');
				if (*s == '"' && s[1] == '"') {
					out[k++] = '"';
					s += 2;
				} else if (*s == '"') {
					s++;
					break;
				} else {
					out[k++] = *s++;
				}
			}
		} else {
			while (*s && *s != ',' && *s != '\r') {
				assert_true(*s != '\n' && *s != '"');
				out[k++] = *s++;
			}
		}
		out[k] = '\0';
		n++;
		if (*s == ',') {
			s++;
			assert_true(n < max);
			continue;
		}
		assert_true(s[0] == '\r' && s[1] == '\n');
		*next = s + 2;
		return n;
	}
}

static void csv(void **state)
{
	struct fixture *f = *state;
	char *s = run("csv", &f->doc, 1, &f->opts, NULL);
	static char fields[16][512];
	const char *p = s;
	assert_int_equal(csv_read(p, fields, 16, &p), 10);
	assert_string_equal(fields[0], "document");
	assert_string_equal(fields[9], "updated");
	int rows = 0;
	while (*p) {
		assert_int_equal(csv_read(p, fields, 16, &p), 10);
		if (rows == 0) {
			assert_string_equal(fields[1], "00000000-0000-4000-8000-000000000001");
			assert_string_equal(fields[2], "PP 2");
			assert_string_equal(fields[3], "A/RES/99/1, preambular para. 2");
			assert_string_equal(fields[5], "human rights\nd\xC3\xA9tention");  /* one a line */
			/* Quote, newline and TAB survive; ESC does not reach the cell raw. */
			assert_non_null(strstr(fields[7], "He said \"rights\", twice;\nsecond line\twith a tab"));
			assert_null(strchr(fields[7], '\x1b'));
		}
		rows++;
	}
	assert_int_equal(rows, NANN);
	free(s);
}

static void json_roundtrip(void **state)
{
	struct fixture *f = *state;
	size_t len;
	char *s = run("json", &f->doc, 1, &f->opts, &len);
	struct jsonval *root;
	char err[200];
	assert_int_equal(jsonread_parse(s, len, &root, err, sizeof err), 0);
	/* The W3C context first, then gavel's own terms declared. */
	const struct jsonval *ctx = jsonread_get(root, "@context");
	assert_non_null(ctx);
	assert_int_equal(ctx->type, JSON_ARRAY);
	assert_int_equal(ctx->n, 2);
	assert_string_equal(jsonread_str(&ctx->items[0]), "http://www.w3.org/ns/anno.jsonld");
	assert_string_equal(jsonread_str(jsonread_get(&ctx->items[1], "gavel")), EXPORT_NS);
	/* The collection and its page have ids, the same for the same notes. */
	const char *cid = jsonread_str(jsonread_get(root, "id"));
	assert_non_null(cid);
	assert_int_equal(strncmp(cid, "urn:uuid:", 9), 0);
	const char *pid = jsonread_str(jsonread_get(jsonread_get(root, "first"), "id"));
	assert_non_null(pid);
	assert_string_not_equal(cid, pid);
	assert_string_equal(jsonread_str(jsonread_get(jsonread_get(root, "first"), "partOf")), cid);
	assert_string_equal(jsonread_str(jsonread_get(root, "type")), "AnnotationCollection");
	assert_string_equal(jsonread_str(jsonread_get(root, "generated")), "2026-11-27T00:00:00Z");
	const struct jsonval *items = jsonread_get(jsonread_get(root, "first"), "items");
	assert_int_equal(items->n, NANN);
	const struct jsonval *first = &items->items[0];
	assert_string_equal(jsonread_str(jsonread_get(first, "id")), "urn:uuid:00000000-0000-4000-8000-000000000001");
	const struct jsonval *target = jsonread_get(first, "target");
	assert_string_equal(jsonread_str(jsonread_get(target, "source")), "https://undocs.org/en/A/RES/99/1");
	assert_string_equal(jsonread_str(jsonread_get(target, "gavel:paragraph")), "pp2");
	jsonread_free(root);

	/* Read back: every field of every annotation, the ESC and the tab included. */
	struct annotation *back;
	size_t n;
	assert_int_equal(import_json(s, len, &back, &n, NULL, err, sizeof err), 0);
	assert_int_equal(n, NANN);
	for (size_t i = 0; i < n; i++) {
		const struct annotation *a = NULL;
		for (size_t j = 0; j < NANN; j++)
			if (strcmp(f->an[j].id, back[i].id) == 0)
				a = &f->an[j];
		assert_non_null(a);
		assert_string_equal(back[i].doc_symbol, "A/RES/99/1");
		assert_string_equal(back[i].doc_language, "en");
		assert_string_equal(back[i].para_id, a->para_id);
		assert_int_equal(back[i].start, a->start);
		assert_int_equal(back[i].end, a->end);
		assert_string_equal(back[i].exact, a->exact);
		assert_string_equal(back[i].prefix, a->prefix);
		assert_string_equal(back[i].suffix, a->suffix);
		assert_string_equal(back[i].color, a->color);
		if (a->note)
			assert_string_equal(back[i].note, a->note);
		else
			assert_null(back[i].note);
		assert_int_equal(back[i].ntags, a->ntags);
		for (size_t t = 0; t < a->ntags; t++)
			assert_string_equal(back[i].tags[t], a->tags[t]);
		assert_string_equal(back[i].created, a->created);
		assert_string_equal(back[i].updated, a->updated);
		assert_int_equal(back[i].status, a->status);
	}
	/* And exported again, byte for byte the same. */
	struct export_doc again = { f->res, NULL, NULL, back, n };
	size_t len2;
	char *s2 = run("json", &again, 1, &f->opts, &len2);
	assert_int_equal(len, len2);
	assert_memory_equal(s, s2, len);
	free(s2);
	annotation_list_free(back, n);
	free(s);
}

static void annotated(void **state)
{
	struct fixture *f = *state;
	char *s = run("annotated", &f->doc, 1, &f->opts, NULL);
	no_controls(s, 0);
	/* The highlight is marked inside the paragraph text and its note set under it. */
	assert_non_null(strstr(s, "\xE2\x9F\xA6" "rights" "\xE2\x9F\xA7"));
	assert_non_null(strstr(s, "\xE2\x9F\xA6" "Welcomes" "\xE2\x9F\xA7"));
	const char *op1 = strstr(s, "Welcomes");
	const char *note = strstr(s, "    -- yellow #human rights #d\xC3\xA9tention: \xE2\x80\x9Crights\xE2\x80\x9D");
	assert_non_null(note);
	assert_true(note < op1);          /* PP 2's note comes before OP 1 */
	assert_non_null(strstr(s, "Orphaned notes"));
	free(s);
}

/* A phrase highlighted inside a whole-paragraph highlight keeps its own marks, nested; a note
 * without a highlight marks nothing (issue 17). */
static void annotated_nested(void **state)
{
	struct fixture *f = *state;
	struct annotation v[3];
	const char *op1 = "Welcomes the renewed commitment to protect migrants;";
	set(&v[0], "00000000-0000-4000-8000-00000000000a", "op1", 0, strlen(op1), op1, "yellow",
	    NULL, "2026-01-01T00:00:00Z");
	set(&v[1], "00000000-0000-4000-8000-00000000000b", "op1", 13, 20, "renewed", "red", NULL,
	    "2026-01-02T00:00:00Z");
	set(&v[2], "00000000-0000-4000-8000-00000000000c", "pp1", 0, 9, "Recalling", "none",
	    "on the paragraph", "2026-01-03T00:00:00Z");
	struct export_doc d = { f->res, NULL, NULL, v, 3 };
	char *s = run("annotated", &d, 1, &f->opts, NULL);
	assert_non_null(strstr(s, "\xE2\x9F\xA6" "Welcomes the " "\xE2\x9F\xA6" "renewed"
	                          "\xE2\x9F\xA7" " commitment"));
	assert_non_null(strstr(s, "migrants;" "\xE2\x9F\xA7"));
	assert_null(strstr(s, "\xE2\x9F\xA6" "Recalling"));
	assert_non_null(strstr(s, "    -- note: "));
	free(s);
	for (int i = 0; i < 3; i++)
		annotation_clear(&v[i]);
}

/* Nothing to export still gives valid, empty output in every format. */
static void empty(void **state)
{
	struct fixture *f = *state;
	struct export_doc d = { f->res, NULL, NULL, NULL, 0 };
	size_t len;
	char *s = run("json", &d, 1, &f->opts, &len);
	struct jsonval *root;
	char err[200];
	assert_int_equal(jsonread_parse(s, len, &root, err, sizeof err), 0);
	assert_int_equal((int)jsonread_get(root, "total")->number, 0);
	jsonread_free(root);
	struct annotation *back;
	size_t n;
	assert_int_equal(import_json(s, len, &back, &n, NULL, err, sizeof err), 0);
	assert_int_equal(n, 0);
	annotation_list_free(back, n);
	free(s);
	s = run("csv", NULL, 0, &f->opts, NULL);
	assert_string_equal(s, "document,id,label,citation,color,tags,quote,note,created,updated\r\n");
	free(s);
	s = run("txt", &d, 1, &f->opts, NULL);
	assert_non_null(strstr(s, "Notes:    none"));
	free(s);
	s = run("md", NULL, 0, &f->opts, NULL);
	assert_non_null(strstr(s, "notes: 0\n---\n"));
	free(s);
	s = run("annotated", &d, 1, &f->opts, NULL);
	assert_null(strstr(s, "\xE2\x9F\xA6"));
	free(s);
}

/* A document the store knows but whose text is not here: labels from the ids. */
static void without_text(void **state)
{
	struct fixture *f = *state;
	struct export_doc d = { NULL, "A/RES/99/1", "en", f->an, NANN };
	char *s = run("txt", &d, 1, &f->opts, NULL);
	assert_non_null(strstr(s, "OP 2 (a) (ii) \xE2\x80\x94 A/RES/99/1, para. 2 (a) (ii)"));
	assert_non_null(strstr(s, "was OP 9"));
	free(s);
	s = run("annotated", &d, 1, &f->opts, NULL);
	assert_non_null(strstr(s, "not at hand"));
	free(s);
}

/* Two documents: one collection, one CSV header, a rule between text sections. */
static void two_docs(void **state)
{
	struct fixture *f = *state;
	struct export_doc d[2] = { f->doc, { NULL, "S/RES/242 (1967)", "fr", f->an, 1 } };
	size_t len;
	char *s = run("json", d, 2, &f->opts, &len);
	assert_non_null(strstr(s, "\"total\": 6,"));
	assert_non_null(strstr(s, "https://undocs.org/fr/S/RES/242%20(1967)"));
	struct annotation *back;
	size_t n;
	char err[200];
	assert_int_equal(import_json(s, len, &back, &n, NULL, err, sizeof err), 0);
	assert_int_equal(n, 6);
	assert_string_equal(back[5].doc_symbol, "S/RES/242 (1967)");
	assert_string_equal(back[5].doc_language, "fr");
	annotation_list_free(back, n);
	free(s);
	s = run("txt", d, 2, &f->opts, NULL);
	assert_non_null(strstr(s, "\n============================================================\n\nS/RES/242 (1967)\n"));
	free(s);
}

static void files(void **state)
{
	struct fixture *f = *state;
	char b[64];
	const struct export_format *md = export_find("md");
	assert_string_equal(export_default_name("A/RES/58/190", md, b, sizeof b), "A-RES-58-190-notes.md");
	assert_string_equal(export_default_name("S/RES/242 (1967)", export_find("txt"), b, sizeof b),
	                    "S-RES-242-1967-notes.txt");
	assert_string_equal(export_default_name("///", md, b, sizeof b), "notes.md");
	assert_string_equal(export_default_name(NULL, md, b, sizeof b), "notes.md");
	assert_string_equal(export_default_name("A/RES/58/190", md, b, 8), "A-RES-5");

	char path[] = "/tmp/gavel-export-XXXXXX", file[64], err[256];
	assert_non_null(mkdtemp(path));
	snprintf(file, sizeof file, "%s/n.csv", path);
	assert_int_equal(export_write_file(file, export_find("csv"), &f->doc, 1, &f->opts, err, sizeof err), 0);
	char *want = run("csv", &f->doc, 1, &f->opts, NULL);
	FILE *in = fopen(file, "r");
	assert_non_null(in);
	char got[4096];
	size_t n = fread(got, 1, sizeof got - 1, in);
	got[n] = '\0';
	fclose(in);
	assert_string_equal(got, want);
	free(want);
	unlink(file);
	snprintf(file, sizeof file, "%s/no/n.csv", path);
	assert_int_equal(export_write_file(file, export_find("csv"), &f->doc, 1, &f->opts, err, sizeof err), -1);
	assert_non_null(strstr(err, "does not exist"));
	rmdir(path);
}

static void md_escape(void **state)
{
	(void)state;
	static const struct { const char *in, *out; } cases[] = {
		{ "# heading", "\\# heading" },
		{ "- item", "\\- item" },
		{ "+ item", "\\+ item" },
		{ "12. twelve", "12\\. twelve" },
		{ "3) three", "3\\) three" },
		{ "fifty-ninth 1985.", "fifty-ninth 1985." },          /* mid-line: plain */
		{ "> q", "\\> q" },
		{ "<b>x</b>", "\\<b\\>x\\</b\\>" },
		{ "[a](b)", "\\[a\\](b)" },
		{ "*a* _b_ `c`", "\\*a\\* \\_b\\_ \\`c\\`" },
		{ "$x$ ==m== %%c%% a^b ~s~", "\\$x\\$ \\=\\=m\\=\\= \\%\\%c\\%\\% a\\^b \\~s\\~" },
		{ "key:: value, 10:30", "key\\:\\: value, 10:30" },
		{ "a & b \\", "a \\& b \\\\" },
		{ "    code", "&#32;&#32;&#32;&#32;code" },
		{ "\tx", "&#9;x" },
		{ "one\ntwo", "one\\\ntwo" },                          /* a hard break */
		{ "one\n\ntwo", "one\n\ntwo" },                        /* a paragraph break */
		{ "one\n  \ntwo", "one\n\ntwo" },
		{ "r\xC3\xA9union \xE2\x80\x94", "r\xC3\xA9union \xE2\x80\x94" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *e = export_md_escape(cases[i].in);
		assert_non_null(e);
		if (strcmp(e, cases[i].out) != 0)
			fail_msg("'%s' -> '%s', want '%s'", cases[i].in, e, cases[i].out);
		free(e);
	}
}

static void tag_slug(void **state)
{
	(void)state;
	static const struct { const char *in, *out; } cases[] = {
		{ "human rights", "human-rights" },
		{ "1985, baseline", "1985-baseline" },
		{ "+cmd", "cmd" },
		{ "123", "_123" },
		{ "a;b", "a-b" },
		{ "policy/migration", "policy/migration" },
		{ "/x/", "x" },
		{ "d\xC3\xA9tention", "d\xC3\xA9tention" },
		{ "\xD8\xA7\xD9\x84\xD9\x87\xD8\xAC\xD8\xB1\xD8\xA9", "\xD8\xA7\xD9\x84\xD9\x87\xD8\xAC\xD8\xB1\xD8\xA9" },
		{ "\xC2\xAB quoted \xC2\xBB", "quoted" },                  /* guillemets are punctuation */
		{ "snake_case--x", "snake_case-x" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *t = export_tag_slug(cases[i].in);
		assert_non_null(t);
		if (strcmp(t, cases[i].out) != 0)
			fail_msg("'%s' -> '%s', want '%s'", cases[i].in, t, cases[i].out);
		free(t);
	}
	assert_null(export_tag_slug("+++"));
	assert_null(export_tag_slug(" / "));
}

/* OWASP: a cell a spreadsheet would read as a formula starts with "'". */
static void csv_formulas(void **state)
{
	struct fixture *f = *state;
	static const char *const bad[] = { "=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		free(f->an[0].note);
		f->an[0].note = strdup(bad[i]);
		char *s = run("csv", &f->doc, 1, &f->opts, NULL);
		static char fields[16][512];
		const char *p = s;
		csv_read(p, fields, 16, &p);
		int seen = 0;
		while (*p) {
			csv_read(p, fields, 16, &p);
			for (int k = 0; k < 10; k++)
				assert_false(fields[k][0] && strchr("=+-@\t\r", fields[k][0]));
			seen |= fields[7][0] == '\'' && strcmp(fields[7] + 1, bad[i]) == 0;
			/* A lone CR is no line end a note may keep: it becomes U+FFFD, as ESC does. */
			seen |= bad[i][0] == '\r' && strncmp(fields[7], "\xEF\xBF\xBDx", 4) == 0;
		}
		if (!seen)
			fail_msg("the note %s is not guarded", bad[i]);
		free(s);
	}
}

/* Colours are printed by the configuration's names; JSON keeps the keys. */
static void color_names(void **state)
{
	struct fixture *f = *state;
	static const struct export_color names[] = { { "yellow", "important" }, { "red", "concern" } };
	struct export_opts o = f->opts;
	o.colors = names;
	o.ncolors = 2;
	char *s = run("txt", &f->doc, 1, &o, NULL);
	assert_non_null(strstr(s, "Colour: important"));
	assert_null(strstr(s, "Colour: yellow"));
	free(s);
	s = run("md", &f->doc, 1, &o, NULL);
	assert_non_null(strstr(s, "*important*"));
	free(s);
	s = run("json", &f->doc, 1, &o, NULL);
	assert_non_null(strstr(s, "\"gavel:color\": \"yellow\""));
	free(s);
	assert_string_equal(export_color_name(&o, "red"), "concern");
	assert_string_equal(export_color_name(&o, "blue"), "blue");
	assert_string_equal(export_color_name(NULL, "blue"), "blue");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table),
		cmocka_unit_test_setup_teardown(citations, setup, teardown),
		cmocka_unit_test_setup_teardown(order, setup, teardown),
		cmocka_unit_test_setup_teardown(txt, setup, teardown),
		cmocka_unit_test_setup_teardown(md, setup, teardown),
		cmocka_unit_test_setup_teardown(csv, setup, teardown),
		cmocka_unit_test_setup_teardown(json_roundtrip, setup, teardown),
		cmocka_unit_test_setup_teardown(annotated, setup, teardown),
		cmocka_unit_test_setup_teardown(annotated_nested, setup, teardown),
		cmocka_unit_test_setup_teardown(empty, setup, teardown),
		cmocka_unit_test_setup_teardown(without_text, setup, teardown),
		cmocka_unit_test_setup_teardown(two_docs, setup, teardown),
		cmocka_unit_test_setup_teardown(files, setup, teardown),
		cmocka_unit_test(md_escape),
		cmocka_unit_test(tag_slug),
		cmocka_unit_test_setup_teardown(csv_formulas, setup, teardown),
		cmocka_unit_test_setup_teardown(color_names, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
