/* test_blob.c: the model to bytes and back, on every document of the test data, with and
 * without texts; damaged bytes are refused, never read past. */
#include "config.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc/json.h"
#include "doc/parse.h"
#include "library/blob.h"

static void same_str(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

/* Every field of the model, not only what the JSON shows. */
static void same_model(const struct resolution *a, const struct resolution *b)
{
	const char *const *ma = (const char *const *)&a->meta, *const *mb = (const char *const *)&b->meta;
	for (size_t i = 0; i < sizeof a->meta / sizeof(char *); i++)
		same_str(ma[i], mb[i]);
	const struct res_record *ra = &a->record, *rb = &b->record;
	same_str(ra->agenda_title, rb->agenda_title);
	same_str(ra->draft, rb->draft);
	same_str(ra->meeting_record, rb->meeting_record);
	same_str(ra->chapter, rb->chapter);
	assert_int_equal(ra->nsponsors, rb->nsponsors);
	for (size_t i = 0; i < ra->nsponsors; i++)
		same_str(ra->sponsors[i], rb->sponsors[i]);
	assert_int_equal(ra->ncosponsors, rb->ncosponsors);
	for (size_t i = 0; i < ra->ncosponsors; i++)
		same_str(ra->cosponsors[i], rb->cosponsors[i]);
	assert_int_equal(ra->nkeywords, rb->nkeywords);
	for (size_t i = 0; i < ra->nkeywords; i++)
		same_str(ra->keywords[i], rb->keywords[i]);
	assert_int_equal(ra->adoption, rb->adoption);
	assert_int_equal(ra->yes, rb->yes);
	assert_int_equal(ra->no, rb->no);
	assert_int_equal(ra->abstain, rb->abstain);
	assert_int_equal(ra->by_mail, rb->by_mail);
	assert_int_equal(ra->nvoters, rb->nvoters);
	for (size_t i = 0; i < ra->nvoters; i++) {
		same_str(ra->voters[i].name, rb->voters[i].name);
		assert_int_equal(ra->voters[i].ballot, rb->voters[i].ballot);
	}
	assert_int_equal(a->nparts, b->nparts);
	for (size_t i = 0; i < a->nparts; i++) {
		same_str(a->parts[i].id, b->parts[i].id);
		same_str(a->parts[i].label, b->parts[i].label);
		same_str(a->parts[i].title, b->parts[i].title);
	}
	assert_int_equal(a->nannexes, b->nannexes);
	for (size_t i = 0; i < a->nannexes; i++) {
		same_str(a->annexes[i].id, b->annexes[i].id);
		same_str(a->annexes[i].label, b->annexes[i].label);
		same_str(a->annexes[i].title, b->annexes[i].title);
	}
	assert_int_equal(a->npara, b->npara);
	for (size_t i = 0; i < a->npara; i++) {
		const struct para *p = &a->paras[i], *q = &b->paras[i];
		assert_int_equal(p->kind, q->kind);
		same_str(p->id, q->id);
		same_str(p->label, q->label);
		same_str(p->num, q->num);
		assert_int_equal(p->text_len, q->text_len);
		assert_memory_equal(p->text, q->text, p->text_len + 1);
		assert_int_equal(p->lead_len, q->lead_len);
		assert_int_equal(p->depth, q->depth);
		assert_int_equal(p->parent, q->parent);
		assert_int_equal(p->part, q->part);
		assert_int_equal(p->annex, q->annex);
		assert_int_equal(p->nmarks, q->nmarks);
		for (size_t k = 0; k < p->nmarks; k++) {
			assert_int_equal(p->marks[k].byte, q->marks[k].byte);
			assert_int_equal(p->marks[k].footnote, q->marks[k].footnote);
		}
		assert_int_equal(p->nrefs, q->nrefs);
		for (size_t k = 0; k < p->nrefs; k++) {
			assert_int_equal(p->refs[k].kind, q->refs[k].kind);
			assert_int_equal(p->refs[k].byte, q->refs[k].byte);
			assert_int_equal(p->refs[k].len, q->refs[k].len);
			same_str(p->refs[k].target, q->refs[k].target);
		}
	}
}

static char *json_of(const struct resolution *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(json_write_resolution(f, r), 0);
	fclose(f);
	return buf;
}

static const char *text_from(void *ctx, size_t i, size_t *len)
{
	const struct resolution *r = ctx;
	if (i >= r->npara)
		return NULL;
	*len = r->paras[i].text_len;
	return r->paras[i].text;
}

static size_t ndocs_checked;

static void roundtrip(const struct resolution *r)
{
	for (int with_text = 0; with_text < 2; with_text++) {
		unsigned char *b;
		size_t len;
		assert_int_equal(blob_encode(r, with_text, &b, &len), 0);
		struct resolution *back;
		assert_int_equal(blob_decode(b, len, with_text ? NULL : text_from, (void *)r, &back), 0);
		same_model(r, back);
		char *j1 = json_of(r), *j2 = json_of(back);
		assert_string_equal(j1, j2);
		free(j1);
		free(j2);
		res_free(back);
		free(b);
	}
	ndocs_checked++;
}

static void roundtrip_dir(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || (!strstr(e->d_name, ".txt") && !strstr(e->d_name, ".xml") &&
		                            !strstr(e->d_name, ".md")))
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		struct collection *col;
		struct parse_diag diag;
		memset(&diag, 0, sizeof diag);
		if (parse_file(path, INPUT_AUTO, &col, &diag) != 0)
			continue;
		for (size_t i = 0; i < col->ndocs; i++)
			roundtrip(col->docs[i]);
		collection_free(col);
	}
	closedir(d);
}

static void every_test_document(void **state)
{
	(void)state;
	roundtrip_dir(ABS_TOP_SRCDIR "/tests/data/shapes");
	roundtrip_dir(ABS_TOP_SRCDIR "/tests/data/sc");
	roundtrip_dir(ABS_TOP_SRCDIR "/share");
	/* the AKN4UN XML: the record of adoption, sponsors and all */
	roundtrip_dir(ABS_TOP_SRCDIR "/tests/data/library");
	assert_true(ndocs_checked >= 34);
}

static struct resolution *sample(void)
{
	struct collection *col;
	struct parse_diag diag;
	memset(&diag, 0, sizeof diag);
	assert_int_equal(parse_file(ABS_TOP_SRCDIR "/share/a-res-58-190-en.ods.txt", INPUT_AUTO, &col,
	                            &diag), 0);
	struct resolution *r = col->docs[0];
	col->docs[0] = NULL;
	col->ndocs = 0;
	collection_free(col);
	return r;
}

/* Every cut and many flipped bytes: refused or read, never read past (ASan watches). */
static void damaged_blobs(void **state)
{
	(void)state;
	struct resolution *r = sample();
	unsigned char *b;
	size_t len;
	assert_int_equal(blob_encode(r, 1, &b, &len), 0);
	for (size_t cut = 0; cut < len; cut++) {
		unsigned char *c = malloc(cut ? cut : 1);
		memcpy(c, b, cut);
		struct resolution *back = NULL;
		assert_int_equal(blob_decode(c, cut, NULL, NULL, &back), -2);
		assert_null(back);
		free(c);
	}
	unsigned seed = 7;
	for (int iter = 0; iter < 3000; iter++) {
		unsigned char *c = malloc(len);
		memcpy(c, b, len);
		for (int k = 0; k < 3; k++) {
			seed = seed * 1103515245u + 12345u;
			size_t at = 4 + (seed >> 8) % (len - 4);
			c[at] = (unsigned char)(seed >> 3);
		}
		struct resolution *back = NULL;
		int rc = blob_decode(c, len, NULL, NULL, &back);
		assert_true(rc == 0 || rc == -2);
		if (rc == 0) {
			/* whatever it read must be a model the rest of gavel can walk */
			for (size_t i = 0; i < back->npara; i++) {
				assert_non_null(back->paras[i].text);
				assert_true(back->paras[i].parent < (int)i);
				assert_true(back->paras[i].part < (int)back->nparts);
				assert_true(back->paras[i].annex < (int)back->nannexes);
			}
			res_free(back);
		}
		free(c);
	}
	/* Not a blob, or a newer one. */
	struct resolution *back;
	assert_int_equal(blob_decode((const unsigned char *)"XYZ\x01", 4, NULL, NULL, &back), -2);
	b[3] = 99;
	assert_int_equal(blob_decode(b, len, NULL, NULL, &back), -2);
	free(b);
	res_free(r);
}

/* The texts left out of a blob come from the caller; a missing one is empty. */
static void texts_apart(void **state)
{
	(void)state;
	struct resolution *r = sample();
	unsigned char *b, *bt;
	size_t len, lent;
	assert_int_equal(blob_encode(r, 0, &b, &len), 0);
	assert_int_equal(blob_encode(r, 1, &bt, &lent), 0);
	assert_true(len < lent / 4);   /* the structure is a small part */
	struct resolution *back;
	assert_int_equal(blob_decode(b, len, text_from, r, &back), 0);
	assert_string_equal(back->paras[3].text, r->paras[3].text);
	res_free(back);
	/* Texts that do not fit the model (its markers point past them) are damage. */
	assert_int_equal(blob_decode(b, len, NULL, NULL, &back), -2);
	free(b);
	free(bt);
	res_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_test_document),
		cmocka_unit_test(damaged_blobs),
		cmocka_unit_test(texts_apart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
