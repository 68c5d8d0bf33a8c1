/* test_parse.c: the entry points on the bundled resolution, the ODS reader, bad and huge
 * inputs. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "doc/blocks.h"
#include "doc/input.h"
#include "doc/json.h"
#include "doc/parse.h"
#include "doc/shape.h"

#define SAMPLE ABS_TOP_SRCDIR "/share/a-res-58-190-en.ods.txt"

/* Reads a whole file into *data (the caller frees). */
static void slurp(const char *path, char **data, size_t *len)
{
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	if (input_read(path, data, len, &d) != 0)
		fail_msg("cannot read %s: %s", path, d.reason);
}

static char *to_json(const struct collection *col)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(json_write_collection(f, col), 0);
	fclose(f);
	return buf;
}

static const struct para *get(const struct resolution *r, const char *id)
{
	int i = res_find(r, id);
	if (i < 0)
		fail_msg("no paragraph %s", id);
	return &r->paras[i];
}

static void format_names(void **state)
{
	(void)state;
	assert_int_equal(input_format_from_name("auto"), INPUT_AUTO);
	assert_int_equal(input_format_from_name("ods"), INPUT_ODS);
	assert_int_equal(input_format_from_name("pdf"), INPUT_PDF);
	assert_int_equal(input_format_from_name("plain"), INPUT_PLAIN);
	assert_int_equal(input_format_from_name("docx"), -1);
	assert_int_equal(input_format_from_name(NULL), -1);
	assert_string_equal(input_format_name(INPUT_PDF), "pdf");
	assert_string_equal(input_format_name(INPUT_ODS), "ods");
}

/* The table of shapes: every row complete, names unique, each name and format the other's. */
static void shape_table(void **state)
{
	(void)state;
	assert_true(input_nshapes >= 3);
	for (size_t i = 0; i < input_nshapes; i++) {
		const struct input_shape *sh = &input_shapes[i];
		assert_non_null(sh->name);
		assert_non_null(sh->probe);
		assert_non_null(sh->read);
		assert_int_not_equal(sh->format, INPUT_AUTO);
		assert_ptr_equal(shape_of(sh->format), sh);
		assert_int_equal(input_format_from_name(sh->name), (int)sh->format);
		assert_string_equal(input_format_name(sh->format), sh->name);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(input_shapes[j].name, sh->name);
	}
	assert_null(shape_of(INPUT_AUTO));
	assert_string_equal(input_format_name(INPUT_AUTO), "auto");
	char names[256];
	assert_non_null(strstr(input_format_list(names, sizeof names), "auto, akn, ods, pdf"));
}

static void check_sample(const struct resolution *r, const char *title)
{
	size_t npp = 0, nop = 0, nfn = 0, nmarks = 0;
	for (size_t i = 0; i < r->npara; i++) {
		const struct para *p = &r->paras[i];
		npp += p->kind == PARA_PREAMBLE;
		nop += p->kind == PARA_OPERATIVE;
		nfn += p->kind == PARA_FOOTNOTE;
		nmarks += p->nmarks;
		/* No marker digit left: a digit right after a letter or ,;: never stays. */
		for (size_t k = 1; k < p->text_len && p->kind != PARA_FOOTNOTE; k++)
			if (p->text[k] >= '0' && p->text[k] <= '9' && strchr("abcdefghijklmnopqrstuvwxyz,;", p->text[k - 1]))
				fail_msg("marker left in %s: %s", p->id, p->text + k - 1);
		assert_null(strstr(p->text, "<<ODS"));
		assert_null(strstr(p->text, "[DU1]"));
		assert_null(strstr(p->text, "Distr."));
	}
	assert_int_equal(npp, 14);
	assert_int_equal(nop, 27);
	assert_int_equal(nfn, 19);
	assert_int_equal(nmarks, 21);
	const struct res_meta *m = &r->meta;
	assert_string_equal(m->symbol, "A/RES/58/190");
	assert_string_equal(m->organ, "General Assembly");
	assert_string_equal(m->number, "58/190");
	assert_string_equal(m->title, title);
	assert_string_equal(m->adopted, "2003-12-22");
	assert_string_equal(m->session, "58");
	assert_string_equal(m->report, "A/58/508/Add.2");
	assert_string_equal(m->meeting, "77th plenary meeting");
	assert_string_equal(m->distributed, "2004-03-22");
	assert_string_equal(m->agenda_item, "117 (b)");
	assert_string_equal(m->job, "N0350598E");
	assert_string_equal(m->language, "en");
	int *by;
	assert_int_equal(res_cited_by(r, res_find_footnote(r, 1), &by), 2);
	assert_string_equal(r->paras[by[0]].id, "pp2");
	assert_string_equal(r->paras[by[1]].id, "op2");
	free(by);
	assert_int_equal(res_cited_by(r, res_find_footnote(r, 6), &by), 2);
	assert_string_equal(r->paras[by[0]].id, "pp4");
	assert_string_equal(r->paras[by[1]].id, "op3");
	free(by);
	const struct para *op10 = get(r, "op10");
	assert_int_equal(op10->nmarks, 1);
	assert_int_equal(op10->marks[0].footnote, 16);
	assert_memory_equal(op10->text + op10->marks[0].byte - 8, " of 1963", 8);
	/* Numbers that are not markers keep their digits. */
	assert_non_null(strstr(get(r, "pp1")->text, "resolution 57/218 of 18 December 2002,"));
	assert_non_null(strstr(get(r, "pp11")->text, "OC-16/99"));
	assert_non_null(strstr(get(r, "fn1")->text, "217 A (III)"));
	assert_non_null(strstr(get(r, "fn4")->text, "Sales No. E.96.IV.8"));
	assert_non_null(strstr(get(r, "fn3")->text, "5-13 September 1994"));
	assert_string_equal(get(r, "fn15")->text, "Ibid., annex III.");
	assert_int_equal(get(r, "fn15")->nrefs, 0);              /* "Ibid." is no reference */
	assert_string_equal(get(r, "fn2")->refs[0].target, "A/CONF.157/24 (Part I)");
	assert_string_equal(get(r, "pp3")->label, "PP 3");
	assert_string_equal(get(r, "op10")->label, "OP 10");
	assert_string_equal(get(r, "fn16")->label, "Footnote 16");
	assert_int_equal(get(r, "pp3")->lead_len, strlen("Reaffirming also"));
	assert_int_equal(get(r, "op6")->lead_len, strlen("Strongly condemns also"));
}

static void bundled_sample(void **state)
{
	(void)state;
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	struct collection *col;
	assert_int_equal(parse_file(SAMPLE, INPUT_AUTO, &col, &d), 0);
	assert_int_equal(d.nwarnings, 0);
	assert_int_equal(col->ndocs, 1);
	check_sample(col->docs[0], "Protection of migrants");
	collection_free(col);
	memset(&d, 0, sizeof d);
	assert_int_equal(parse_file(SAMPLE, INPUT_ODS, &col, &d), 0);
	check_sample(col->docs[0], "Protection of migrants");
	collection_free(col);
}

/* The same resolution with a BOM and CRLF line ends gives the same model. */
static void bom_crlf_variant(void **state)
{
	(void)state;
	size_t len;
	char *raw = NULL;
	slurp(SAMPLE, &raw, &len);
	char *v = malloc(2 * len + 4);
	size_t n = 0;
	memcpy(v, "\xef\xbb\xbf", 3);
	n = 3;
	for (size_t i = 0; i < len; i++) {
		if (raw[i] == '\n')
			v[n++] = '\r';
		v[n++] = raw[i];
	}
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	struct collection *a, *b;
	assert_int_equal(parse_buffer(raw, len, INPUT_ODS, &a, &d), 0);
	assert_int_equal(parse_buffer(v, n, INPUT_ODS, &b, &d), 0);
	assert_int_equal(d.nwarnings, 0);
	char *ja = to_json(a), *jb = to_json(b);
	assert_string_equal(ja, jb);
	free(ja);
	free(jb);
	collection_free(a);
	collection_free(b);
	/* Damage one byte: one warning, same structure. */
	char *p = strstr(raw, "Protection of migrants");
	assert_non_null(p);
	p[2] = '\xff';
	memset(&d, 0, sizeof d);
	assert_int_equal(parse_buffer(raw, len, INPUT_ODS, &a, &d), 0);
	assert_int_equal(d.nwarnings, 1);
	check_sample(a->docs[0], "Pr\xef\xbf\xbdtection of migrants");
	collection_free(a);
	free(v);
	free(raw);
}

static void ods_furniture(void **state)
{
	(void)state;
	static const char text[] =
		"[DU1]\n"
		"\tThe General Assembly,\n"
		"\t1.\tDecides;\n"
		"[DU1]<<ODS JOB NO>>N0312345E<<ODS JOB NO>>\n"
		"<<ODS DOC SYMBOL1>>A/RES/58/1<<ODS DOC SYMBOL1>>\n"
		"______________\n"
		"------\n"
		"6\n"
		"United NationsA/RES/58/1Security CouncilDistr.: General\n"
		"1 April 2004Fifty-eighth session\n"
		"Agenda item 12\n"
		"03 12345\n"
		"A/RES/58/1\n";
	struct block_list bl;
	memset(&bl, 0, sizeof bl);
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	assert_int_equal(shape_ods(text, sizeof text - 1, &bl, &d), 0);
	assert_int_equal(bl.n, 2);
	assert_string_equal(bl.v[0].text, "The General Assembly,");
	assert_int_equal(bl.v[0].indent, 1);
	assert_string_equal(bl.v[1].text, "1. Decides;");
	assert_string_equal(bl.hints.job, "N0312345E");
	assert_string_equal(bl.hints.symbol, "A/RES/58/1");
	assert_string_equal(bl.hints.organ, "Security Council");
	assert_string_equal(bl.hints.distributed, "2004-04-01");
	assert_string_equal(bl.hints.session, "58");
	assert_string_equal(bl.hints.agenda_item, "12");
	blocks_free(&bl);
	/* Another language's masthead after the tags is furniture too. */
	static const char fr[] =
		"\tL'Assembl\xc3\xa9" "e g\xc3\xa9n\xc3\xa9rale,\n"
		"[DU1]<<ODS JOB NO>>N0312345F<<ODS JOB NO>>\n"
		"Nations UniesA/RES/58/1Assembl\xc3\xa9" "e g\xc3\xa9n\xc3\xa9raleDistr. g\xc3\xa9n\xc3\xa9rale\n"
		"Distr. g\xc3\xa9n\xc3\xa9rale 17 mars 2004\n";
	memset(&bl, 0, sizeof bl);
	assert_int_equal(shape_ods(fr, sizeof fr - 1, &bl, &d), 0);
	assert_int_equal(bl.n, 1);
	assert_string_equal(bl.hints.distributed, "2004-03-17");
	blocks_free(&bl);
}

/* blocks_push's whitespace, one byte at a time: blanks fold into one space, none leading or
 * trailing, a superscript digit becomes the digit except after 'm' ("m³"). */
static size_t normalised_slowly(const char *s, size_t len, char *out)
{
	size_t n = 0, k;
	int space = 0;
	for (size_t i = 0; i < len;) {
		if (strchr(" \t\n\r\f\v", s[i]) && s[i]) {
			space = 1;
			i++;
			continue;
		}
		if (space && n > 0)
			out[n++] = ' ';
		space = 0;
		char d = blocks_superscript(s, len, i, &k);
		if (d && n > 0 && out[n - 1] != 'm') {
			out[n++] = d;
			i += k;
			continue;
		}
		out[n++] = s[i++];
	}
	out[n] = '\0';
	return n;
}

/* The copy that goes eight bytes at a time agrees with the one that goes byte by byte, on
 * texts of every length mixing words, blanks, no-break spaces and superscripts. */
static void blocks_whitespace(void **state)
{
	(void)state;
	static const char *const parts[] = { "a", "m", "word", " ", "  ", "\t", "\n", " \n ",
		"\xC2\xA0", "\xC2\xB9", "\xE2\x81\xB4", "\xE2\x80\x94", "\xC3\xA9", "\r\n", "." };
	unsigned seed = 12345;
	for (int round = 0; round < 3000; round++) {
		char text[256], want[256];
		size_t len = 0;
		int nparts = round % 40;
		for (int p = 0; p < nparts; p++) {
			seed = seed * 1103515245u + 12345u;
			const char *w = parts[(seed >> 16) % (sizeof parts / sizeof parts[0])];
			memcpy(text + len, w, strlen(w));
			len += strlen(w);
		}
		size_t wn = normalised_slowly(text, len, want);
		struct block_list bl;
		memset(&bl, 0, sizeof bl);
		assert_int_equal(blocks_push(&bl, text, len, ZONE_BODY, 0, 0), 0);
		assert_int_equal(bl.n, 1);
		assert_int_equal(bl.v[0].len, wn);
		assert_string_equal(bl.v[0].text, want);
		blocks_free(&bl);
	}
}

/* A sink of parse_file_each: each resolution's JSON, in order; stops after `stop_after`. */
struct each_sink {
	char *json[8];
	size_t n, stop_after;
};

static int sink(void *ctx, struct resolution *r)
{
	struct each_sink *s = ctx;
	size_t len = 0;
	FILE *f = open_memstream(&s->json[s->n], &len);
	assert_int_equal(json_write_resolution(f, r), 0);
	fclose(f);
	res_free(r);
	return ++s->n == s->stop_after;
}

/* Resolution by resolution (gavel search, show and parse on a large file) gives the models
 * parse_file gives, in order; a sink that says stop gets no more. */
static void each_resolution(void **state)
{
	(void)state;
	char *one, path[] = "/tmp/gavel-test-each-XXXXXX";
	size_t len;
	slurp(SAMPLE, &one, &len);
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	for (int k = 0; k < 3; k++)
		assert_int_equal(write(fd, one, len), (ssize_t)len);
	close(fd);
	free(one);
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	struct collection *col;
	assert_int_equal(parse_file(path, INPUT_AUTO, &col, &d), 0);
	assert_int_equal(col->ndocs, 3);
	struct each_sink s = { .stop_after = 0 };
	memset(&d, 0, sizeof d);
	assert_int_equal(parse_file_each(path, INPUT_AUTO, PARSE_ALL, sink, &s, &d), 0);
	assert_int_equal(s.n, 3);
	for (size_t i = 0; i < 3; i++) {
		struct collection one_doc = { &col->docs[i], 1 };
		char *whole = to_json(&one_doc);
		whole[strlen(whole) - 1] = '\0';     /* json_write_collection ends the line */
		assert_string_equal(s.json[i], whole);
		free(whole);
		free(s.json[i]);
	}
	collection_free(col);
	struct each_sink first = { .stop_after = 1 };
	assert_int_equal(parse_file_each(path, INPUT_AUTO, PARSE_ALL, sink, &first, &d), 0);
	assert_int_equal(first.n, 1);
	free(first.json[0]);
	/* a fatal problem comes back before any resolution */
	struct each_sink none = { .stop_after = 0 };
	assert_int_equal(parse_file_each("/nonexistent/gavel", INPUT_AUTO, PARSE_ALL, sink, &none, &d),
	                 EX_NOINPUT);
	assert_int_equal(none.n, 0);
	unlink(path);
}

/* A sink that keeps the resolutions. */
struct keep_sink {
	struct resolution *r[16];
	size_t n;
};

static int keep(void *ctx, struct resolution *r)
{
	struct keep_sink *k = ctx;
	assert_true(k->n < 16);
	k->r[k->n++] = r;
	return 0;
}

/* For a search (PARSE_TEXT_ONLY) each paragraph has the text, marks, id and label of the whole
 * model, without the documents it cites or its opening phrase; the whole model has both. */
static void text_only(void **state)
{
	(void)state;
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	struct keep_sink all = { .n = 0 }, text = { .n = 0 };
	assert_int_equal(parse_file_each(SAMPLE, INPUT_AUTO, PARSE_ALL, keep, &all, &d), 0);
	assert_int_equal(parse_file_each(SAMPLE, INPUT_AUTO, PARSE_TEXT_ONLY, keep, &text, &d), 0);
	assert_int_equal(all.n, 1);
	assert_int_equal(text.n, 1);
	const struct resolution *a = all.r[0], *t = text.r[0];
	assert_int_equal(a->npara, t->npara);
	assert_string_equal(a->meta.symbol, t->meta.symbol);
	size_t refs = 0, leads = 0;
	for (size_t i = 0; i < a->npara; i++) {
		const struct para *p = &a->paras[i], *q = &t->paras[i];
		assert_string_equal(p->id, q->id);
		assert_string_equal(p->label, q->label);
		assert_int_equal(p->text_len, q->text_len);
		assert_memory_equal(p->text, q->text, p->text_len);
		assert_int_equal(p->nmarks, q->nmarks);
		for (size_t m = 0; m < p->nmarks; m++) {
			assert_int_equal(p->marks[m].byte, q->marks[m].byte);
			assert_int_equal(p->marks[m].footnote, q->marks[m].footnote);
		}
		assert_int_equal(q->nrefs, 0);
		assert_int_equal(q->lead_len, 0);
		refs += p->nrefs;
		leads += p->lead_len > 0;
	}
	assert_true(refs > 0);
	assert_true(leads > 0);
	res_free(all.r[0]);
	res_free(text.r[0]);
}

/* A sink that renders each resolution's JSON on the thread that built it. */
struct render_sink {
	char *json[8];
	size_t n;
};

static int render(const void *ctx, const struct resolution *r, FILE *f, int *items)
{
	(void)ctx;
	*items = 7;
	return json_write_resolution(f, r);
}

static int emit(void *ctx, const char *bytes, size_t n, int items)
{
	struct render_sink *s = ctx;
	assert_int_equal(items, 7);
	assert_true(s->n < 8);
	s->json[s->n] = strndup(bytes, n);
	assert_int_equal(strlen(s->json[s->n]), n);
	s->n++;
	return 0;
}

/* Built on two threads (GAVEL_THREADS=2: the pool, whose resolutions go back to the thread
 * that built them to be freed), a compilation gives, in order, the models one thread gives,
 * whether the sink frees each at once or keeps them all past the pool's end. */
static void pooled(void **state)
{
	(void)state;
	char *one, path[] = "/tmp/gavel-test-pool-XXXXXX";
	size_t len;
	slurp(SAMPLE, &one, &len);
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	for (int k = 0; k < 8; k++)
		assert_int_equal(write(fd, one, len), (ssize_t)len);
	close(fd);
	free(one);
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	struct each_sink s1 = { .stop_after = 0 }, s2 = { .stop_after = 0 };
	struct keep_sink kept = { .n = 0 };
	setenv("GAVEL_THREADS", "1", 1);
	assert_int_equal(parse_file_each(path, INPUT_AUTO, PARSE_ALL, sink, &s1, &d), 0);
	setenv("GAVEL_THREADS", "2", 1);
	assert_int_equal(parse_file_each(path, INPUT_AUTO, PARSE_ALL, sink, &s2, &d), 0);
	assert_int_equal(parse_file_each(path, INPUT_AUTO, PARSE_ALL, keep, &kept, &d), 0);
	/* rendered where built, the bytes handed over in order */
	struct render_sink rs = { .n = 0 };
	struct parse_sink sk = { sink, render, emit, &rs };
	assert_int_equal(parse_file_sink(path, INPUT_AUTO, PARSE_ALL, &sk, &d), 0);
	unsetenv("GAVEL_THREADS");
	assert_int_equal(rs.n, 8);
	for (size_t i = 0; i < 8; i++) {
		assert_string_equal(rs.json[i], s1.json[i]);
		free(rs.json[i]);
	}
	assert_int_equal(s1.n, 8);
	assert_int_equal(s2.n, 8);
	assert_int_equal(kept.n, 8);
	for (size_t i = 0; i < 8; i++) {
		assert_string_equal(s1.json[i], s2.json[i]);
		char *j;
		size_t jl = 0;
		FILE *f = open_memstream(&j, &jl);
		assert_int_equal(json_write_resolution(f, kept.r[i]), 0);
		fclose(f);
		assert_string_equal(s1.json[i], j);
		free(j);
		free(s1.json[i]);
		free(s2.json[i]);
		res_free(kept.r[i]);   /* long after the pool: freed here */
	}
	unlink(path);
}

/* The ODS reader's blocks normalised in the text itself are those it copies, tags, tabs,
 * runs of blanks and superscript markers included, and freeing them leaves the text alone. */
static void ods_in_place(void **state)
{
	(void)state;
	static const char text[] =
		"\tThe General Assembly,\n"
		"\tRecalling  its resolution\t57/218 [DU1]of 18 December 2002,\xc2\xb9 \n"
		"<<ODS JOB NO>>N0312345E<<ODS JOB NO>>\n"
		"\t1.\tDecides  to  continue;  \n"
		"last";
	char *own = malloc(sizeof text);
	memcpy(own, text, sizeof text);
	struct block_list a, b;
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	assert_int_equal(shape_ods(text, sizeof text - 1, &a, &d), 0);
	assert_int_equal(shape_ods_in_place(own, sizeof text - 1, &b, &d), 0);
	assert_int_equal(a.n, b.n);
	assert_true(a.n >= 3);
	for (size_t i = 0; i < a.n; i++) {
		assert_string_equal(a.v[i].text, b.v[i].text);
		assert_int_equal(a.v[i].len, b.v[i].len);
		assert_int_equal(a.v[i].indent, b.v[i].indent);
		assert_true(b.v[i].text >= own && b.v[i].text < own + sizeof text);
	}
	assert_string_equal(b.v[1].text, "Recalling its resolution 57/218 of 18 December 2002,1");
	blocks_free(&a);
	blocks_free(&b);
	free(own);
}

static void bad_files(void **state)
{
	(void)state;
	struct parse_diag d;
	struct collection *col;
	memset(&d, 0, sizeof d);
	assert_int_equal(parse_file("/nonexistent/x.txt", INPUT_AUTO, &col, &d), EX_NOINPUT);
	assert_null(col);
	assert_int_equal(parse_file(ABS_TOP_SRCDIR, INPUT_AUTO, &col, &d), EX_NOINPUT);
	assert_string_equal(d.reason, "is a directory");
	char path[] = "/tmp/gavel-parse-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	memset(&d, 0, sizeof d);
	assert_int_equal(parse_file(path, INPUT_AUTO, &col, &d), EX_DATAERR);
	assert_string_equal(d.reason, "empty file");
	FILE *f = fopen(path, "wb");
	for (int i = 0; i < 4096; i++)
		fputc(i * 7 % 256, f);
	fclose(f);
	assert_int_equal(parse_file(path, INPUT_AUTO, &col, &d), EX_DATAERR);
	assert_string_equal(d.reason, "binary data");
	unlink(path);
	memset(&d, 0, sizeof d);
	static const char prose[] = "Dear diary,\n\nToday it rained.\n\nTomorrow, sun.\n";
	assert_int_equal(parse_buffer(prose, sizeof prose - 1, INPUT_AUTO, &col, &d), 0);
	assert_int_equal(col->docs[0]->paras[0].kind, PARA_PLAIN);
	assert_string_equal(col->docs[0]->paras[0].id, "p1");
	assert_int_equal(d.nwarnings, 1);
	collection_free(col);
}

/* Ids, marks and citations of a resolution as one string, to compare languages. */
static char *outline(const struct resolution *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	for (size_t i = 0; i < r->npara; i++) {
		const struct para *p = &r->paras[i];
		fprintf(f, "%s", p->id);
		for (size_t k = 0; k < p->nmarks; k++)
			fprintf(f, "[%d]", p->marks[k].footnote);
		fprintf(f, " ");
	}
	fclose(f);
	return buf;
}

static void six_languages(void **state)
{
	(void)state;
	static const char *const langs[] = { "en", "fr", "es", "ru", "zh", "ar" };
	char *first = NULL;
	for (size_t i = 0; i < 6; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/tests/data/shapes/lang-%s.txt", ABS_TOP_SRCDIR, langs[i]);
		if (access(path, R_OK) != 0)
			skip();
		struct parse_diag d;
		memset(&d, 0, sizeof d);
		struct collection *col;
		assert_int_equal(parse_file(path, INPUT_AUTO, &col, &d), 0);
		const struct resolution *r = col->docs[0];
		assert_string_equal(r->meta.language, langs[i]);
		assert_string_equal(r->meta.number, "79/412");
		assert_string_equal(r->meta.adopted, "2024-12-14");
		char *o = outline(r);
		if (!first)
			first = o;
		else {
			assert_string_equal(o, first);
			free(o);
		}
		collection_free(col);
	}
	assert_non_null(strstr(first, "op2.b[4]"));
	free(first);
}

static const struct resolution *sc(const char *name, struct collection **col)
{
	char path[512];
	snprintf(path, sizeof path, "%s/tests/data/sc/%s", ABS_TOP_SRCDIR, name);
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	assert_int_equal(parse_file(path, INPUT_AUTO, col, &d), 0);
	assert_int_equal((*col)->ndocs, 1);
	return (*col)->docs[0];
}

static size_t kind_count(const struct resolution *r, enum para_kind k, int part)
{
	size_t n = 0;
	for (size_t i = 0; i < r->npara; i++)
		n += r->paras[i].kind == k && r->paras[i].part == part;
	return n;
}

/* The Security Council texts of the corpus (copies in tests/data/sc): structure, vote,
 * meeting, markers. */
static void security_council_corpus(void **state)
{
	(void)state;
	struct collection *col;
	const struct resolution *r = sc("s-res-0242-1967.txt", &col);
	assert_string_equal(r->meta.symbol, "S/RES/242 (1967)");
	assert_string_equal(r->meta.organ, "Security Council");
	assert_string_equal(r->meta.adopted, "1967-11-22");
	assert_string_equal(r->meta.vote, "Adopted unanimously at the 1382nd meeting.");
	assert_string_equal(r->meta.meeting, "1382nd meeting");
	assert_int_equal(kind_count(r, PARA_PREAMBLE, -1), 3);
	assert_int_equal(kind_count(r, PARA_OPERATIVE, -1), 4);
	assert_int_equal(get(r, "op1.i")->depth, 1);           /* OCR "(1)" read as "(i)" */
	assert_int_equal(get(r, "op1.ii")->depth, 1);
	assert_int_equal(get(r, "op2.c")->parent, res_find(r, "op2"));
	collection_free(col);

	r = sc("s-res-0101-1953.txt", &col);
	assert_string_equal(r->meta.symbol, "S/RES/101 (1953)");
	assert_string_equal(r->meta.adopted, "1953-11-24");
	assert_string_equal(r->meta.meeting, "642nd meeting");
	assert_non_null(strstr(r->meta.vote, "9 votes to none, with 2"));
	assert_int_equal(kind_count(r, PARA_PREAMBLE, -1), 2);
	assert_int_equal(r->nparts, 3);
	assert_int_equal(kind_count(r, PARA_OPERATIVE, 0), 2);
	assert_int_equal(kind_count(r, PARA_OPERATIVE, 1), 3);
	assert_int_equal(kind_count(r, PARA_OPERATIVE, 2), 4);
	assert_int_equal(kind_count(r, PARA_FOOTNOTE, -1), 4);
	int *by;
	assert_int_equal(res_cited_by(r, res_find_footnote(r, 11), &by), 1);
	assert_string_equal(r->paras[by[0]].id, "c.op4");
	free(by);
	assert_null(strstr(get(r, "pp2")->text, "1953 8"));
	collection_free(col);

	r = sc("s-res-0687-1991.txt", &col);
	assert_string_equal(r->meta.symbol, "S/RES/687 (1991)");
	assert_non_null(r->meta.vote);
	/* sections A-I are headings, not parts: the numbering runs on under them, and
	 * "paragraph 8 of resolution 687 (1991)" is op8 */
	assert_int_equal(r->nparts, 0);
	assert_int_equal(kind_count(r, PARA_PREAMBLE, -1), 26);
	assert_int_equal(kind_count(r, PARA_OPERATIVE, -1), 34);
	for (int k = 1; k <= 34; k++) {
		char id[16], num[8];
		snprintf(id, sizeof id, "op%d", k);
		snprintf(num, sizeof num, "%d", k);
		assert_string_equal(get(r, id)->num, num);
	}
	assert_true(strncmp(get(r, "op8")->text, "Decides that Iraq shall", 23) == 0);
	assert_int_equal(kind_count(r, PARA_ANNEX_HEADING, -1), 9);
	static const char *const heads[][2] = { { "h1", "A" }, { "h3", "C" }, { "h9", "I" } };
	for (size_t k = 0; k < 3; k++) {
		assert_string_equal(get(r, heads[k][0])->num, heads[k][1]);
		assert_int_equal(get(r, heads[k][0])->annex, -1);
	}
	assert_true(res_find(r, "h1") < res_find(r, "op2") && res_find(r, "op1") < res_find(r, "h1"));
	assert_true(res_find(r, "h3") < res_find(r, "op7") && res_find(r, "op6") < res_find(r, "h3"));
	assert_int_equal(get(r, "op9.b.iii")->depth, 2);
	assert_int_equal(get(r, "op24.d")->parent, res_find(r, "op24"));
	/* Markers whose notes the extract lost are still taken out of the text. */
	const struct para *p = get(r, "pp5");
	assert_int_equal(p->nmarks, 3);
	assert_null(strstr(p->text, "Council 41"));
	assert_non_null(strstr(get(r, "pp1")->text, "678 (1990) of 29 November 1990"));
	collection_free(col);

	r = sc("s-res-1454-2002.txt", &col);
	assert_string_equal(r->meta.symbol, "S/RES/1454 (2002)");
	assert_string_equal(r->meta.meeting, "4683rd meeting");
	assert_string_equal(r->meta.adopted, "2002-12-30");
	assert_int_equal(kind_count(r, PARA_OPERATIVE, -1), 5);
	assert_int_equal(r->nannexes, 2);
	assert_string_equal(r->annexes[0].label, "Annex A");
	assert_string_equal(r->annexes[1].label, "Annex B");
	assert_int_equal(get(r, "annex1.p6.a")->parent, res_find(r, "annex1.p6"));
	for (size_t i = 0; i < r->npara; i++)
		assert_int_equal(r->paras[i].nmarks, 0);          /* "Alloy 400," is no marker */
	collection_free(col);
}

/* Twenty thousand annexes and parts: writing the JSON stays linear. */
static void many_annexes(void **state)
{
	(void)state;
	size_t cap = 4u << 20, n = 0;
	char *buf = malloc(cap);
	n += (size_t)snprintf(buf + n, cap - n, "The General Assembly,\n1. Adopts the annexes.\n");
	for (int i = 0; i < 20000 && n + 100 < cap; i++)
		n += (size_t)snprintf(buf + n, cap - n, "%s\nAnnex\nTitle %d\n1. Text.\n",
		                      i % 2 ? "B" : "A", i);
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	struct collection *col;
	assert_int_equal(parse_buffer(buf, n, INPUT_ODS, &col, &d), 0);
	char *j = to_json(col);
	assert_int_equal(col->docs[0]->nannexes, 20000);
	assert_non_null(strstr(j, "\"annex20000\""));
	free(j);
	collection_free(col);
	free(buf);
}

/* A 20 MB single line parses (speed: make bench). */
static void huge_line(void **state)
{
	(void)state;
	size_t n = 20u << 20;
	char *buf = malloc(n + 64);
	size_t k = (size_t)snprintf(buf, 64, "The General Assembly,\n1. Decides ");
	while (k < n) {
		memcpy(buf + k, "that migrants 2002, ", 20);
		k += 20;
	}
	buf[k++] = ';';
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	struct collection *col;
	assert_int_equal(parse_buffer(buf, k, INPUT_ODS, &col, &d), 0);
	char *j = to_json(col);
	assert_true(strlen(j) > n);
	assert_int_equal(col->docs[0]->npara, 1);
	free(j);
	collection_free(col);
	free(buf);
}

/* A declaration adopted inline ("Adopts the following political declaration ...:", then its
 * title set apart; A/RES/73/3 as pdftotext gives it): an annex labelled with the annex word,
 * as the UN's XML has it, titled by the declaration; its paragraphs "Annex, para. 5", not
 * the title's hundred characters before every number. */
static void inline_declaration(void **state)
{
	(void)state;
	struct collection *col = NULL;
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	assert_int_equal(parse_file(ABS_TOP_SRCDIR "/tests/data/pdf/A_RES_73_3-EN.txt", INPUT_AUTO,
	                            &col, &d), 0);
	const struct resolution *r = col->docs[0];
	assert_int_equal(r->nannexes, 1);
	assert_string_equal(r->annexes[0].label, "Annex");
	assert_string_equal(r->annexes[0].title, "Political declaration of the high-level meeting "
	                    "of the General Assembly on the fight against tuberculosis");
	int found = 0;
	for (size_t i = 0; i < r->npara; i++)
		if (strcmp(r->paras[i].id, "annex1.p5") == 0) {
			assert_string_equal(r->paras[i].label, "Annex, para. 5");
			found = 1;
		}
	assert_true(found);
	collection_free(col);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(format_names),
		cmocka_unit_test(blocks_whitespace),
		cmocka_unit_test(shape_table),
		cmocka_unit_test(bundled_sample),
		cmocka_unit_test(bom_crlf_variant),
		cmocka_unit_test(ods_furniture),
		cmocka_unit_test(each_resolution),
		cmocka_unit_test(text_only),
		cmocka_unit_test(pooled),
		cmocka_unit_test(ods_in_place),
		cmocka_unit_test(bad_files),
		cmocka_unit_test(six_languages),
		cmocka_unit_test(security_council_corpus),
		cmocka_unit_test(many_annexes),
		cmocka_unit_test(huge_line),
		cmocka_unit_test(inline_declaration),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
