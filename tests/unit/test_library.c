/* test_library.c: the library on the test data: import, replace, list, find, load (the same
 * model as the file), search (the same hits as a scan of the texts), used (the same
 * paragraphs as comparing every one), citations and back-links, transactions. */
#include "config.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "doc/json.h"
#include "doc/parse.h"
#include "library/ftstok.h"
#include "library/library.h"
#include "library/library-int.h"
#include "library/similar.h"
#include <sqlite3.h>
#include "store/anchor.h"

/* The documents the library should hold: each parsed file's, the last copy of a symbol and
 * language winning (all of one shape rank here, so the later replaces). */
struct corpus {
	struct resolution **docs;
	char (*keys)[80];
	size_t n;
	struct collection **cols;
	size_t ncols;
};

static struct corpus C;
static char dir[256];

static void key_of(const struct resolution *r, char *out)
{
	char hash[65], k[SYMBOL_KEY_MAX];
	anchor_text_hash(r, hash);
	if (!r->meta.symbol || symbol_key(r->meta.symbol, k, sizeof k) < 0 || !k[0])
		snprintf(k, sizeof k, "sha256:%.16s", hash);
	snprintf(out, 80, "%.64s|%.8s", k, r->meta.language ? r->meta.language : "und");
}

static void add_file(struct library *l, const char *path)
{
	struct collection *col;
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	if (parse_file(path, INPUT_AUTO, &col, &d) != 0)
		return;
	C.cols = realloc(C.cols, (C.ncols + 1) * sizeof *C.cols);
	C.cols[C.ncols++] = col;
	struct library_source src = { path, "plain", 1, 1 };
	for (size_t i = 0; i < col->ndocs; i++) {
		enum library_put_result res;
		assert_int_equal(library_put(l, col->docs[i], &src, 0, &res), STORE_OK);
		char k[80];
		key_of(col->docs[i], k);
		size_t j = 0;
		while (j < C.n && strcmp(C.keys[j], k) != 0)
			j++;
		if (j == C.n) {
			C.docs = realloc(C.docs, (C.n + 1) * sizeof *C.docs);
			C.keys = realloc(C.keys, (C.n + 1) * sizeof *C.keys);
			C.n++;
		}
		C.docs[j] = col->docs[i];
		strcpy(C.keys[j], k);
	}
}

static void add_dir(struct library *l, const char *d)
{
	DIR *dp = opendir(d);
	assert_non_null(dp);
	struct dirent *e;
	char names[128][512];
	size_t n = 0;
	while ((e = readdir(dp)) != NULL && n < 128)
		if (e->d_name[0] != '.' && strstr(e->d_name, ".txt"))
			snprintf(names[n++], 512, "%.250s/%.250s", d, e->d_name);
	closedir(dp);
	/* a fixed order, so the test does not depend on the directory's */
	if (n > 1)
		qsort(names, n, sizeof names[0], (int (*)(const void *, const void *))strcmp);
	for (size_t i = 0; i < n; i++)
		add_file(l, names[i]);
}

static char *lib_path(void)
{
	static char p[300];
	snprintf(p, sizeof p, "%s/lib/library.db", dir);
	return p;
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "%s/gavel-lib-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(dir));
	struct library *l;
	char *msg;
	assert_int_equal(library_open(lib_path(), LIBRARY_WRITE, &l, &msg), STORE_OK);
	/* the test data is small: a dictionary is trained on it all the same (ztext.h) */
	library_set_train_bytes(l, 64 * 1024);
	assert_int_equal(library_begin(l), STORE_OK);
	add_dir(l, ABS_TOP_SRCDIR "/tests/data/shapes");
	add_dir(l, ABS_TOP_SRCDIR "/tests/data/sc");
	add_file(l, ABS_TOP_SRCDIR "/share/a-res-58-190-en.ods.txt");
	assert_int_equal(library_commit(l), STORE_OK);
	library_close(l);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	for (size_t i = 0; i < C.ncols; i++)
		collection_free(C.cols[i]);
	free(C.cols);
	free(C.docs);
	free(C.keys);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static struct library *open_read(void)
{
	struct library *l;
	char *msg = NULL;
	int err = library_open(lib_path(), LIBRARY_READ, &l, &msg);
	if (err)
		fprintf(stderr, "%s\n", msg);
	assert_int_equal(err, STORE_OK);
	return l;
}

static void missing_library(void **state)
{
	(void)state;
	char p[300];
	snprintf(p, sizeof p, "%s/none/library.db", dir);
	struct library *l;
	char *msg;
	assert_int_equal(library_open(p, LIBRARY_READ, &l, &msg), STORE_ERR_NOTFOUND);
	assert_non_null(strstr(msg, "gavel add"));
	free(msg);
	assert_int_equal(access(p, F_OK), -1);
	/* a file that is not ours is left alone */
	snprintf(p, sizeof p, "%s/notes.db", dir);
	struct store *s;
	assert_int_equal(store_open(p, &s, &msg), STORE_OK);
	store_close(s);
	assert_int_equal(library_open(p, LIBRARY_WRITE, &l, &msg), STORE_ERR_CORRUPT);
	free(msg);
}

/* The import trained a dictionary and packed every text with it. */
static void texts_packed(void **state)
{
	(void)state;
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(lib_path(), &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM dict), "
	                                    "(SELECT count(*) FROM para WHERE substr(text, 1, 1) = "
	                                    "x'52'), (SELECT total(length(text)) FROM para)", -1,
	                                    &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1);
	int raw = sqlite3_column_int(st, 1);
	double stored = sqlite3_column_double(st, 2);
	sqlite3_finalize(st);
	sqlite3_close(db);
	size_t total = 0;
	for (size_t i = 0; i < C.n; i++)
		for (size_t k = 0; k < C.docs[i]->npara; k++)
			total += C.docs[i]->paras[k].text_len;
	fprintf(stderr, "texts: %zu bytes, stored in %.0f (%d short ones raw)\n", total, stored, raw);
	assert_true(stored < 0.7 * (double)total);
}

static void count_and_list(void **state)
{
	(void)state;
	struct library *l = open_read();
	size_t n;
	assert_int_equal(library_count(l, &n), STORE_OK);
	assert_int_equal(n, C.n);
	struct library_doc *v;
	struct library_filter f = { .organ = "sc", .language = "en" };
	assert_int_equal(library_list(l, &f, LIBRARY_BY_SYMBOL, 0, &v, &n), STORE_OK);
	assert_true(n >= 6);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(strncmp(v[i].key, "S/RES/", 6), 0);
		assert_string_equal(v[i].language, "en");
	}
	/* by number, not by text: 101 before 242 before 687 before 1454 */
	int at101 = -1, at1454 = -1;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i].key, "S/RES/101(1953)") == 0)
			at101 = (int)i;
		if (strcmp(v[i].key, "S/RES/1454(2002)") == 0)
			at1454 = (int)i;
	}
	assert_true(at101 >= 0 && at1454 > at101);
	library_docs_free(v, n);
	struct library_filter g = { .from = "2024", .to = "2024-12", .organ = "ga" };
	assert_int_equal(library_list(l, &g, LIBRARY_BY_DATE, 0, &v, &n), STORE_OK);
	assert_true(n >= 6);          /* 79/412 in six languages, 79/250 */
	for (size_t i = 0; i < n; i++)
		assert_int_equal(strncmp(v[i].adopted, "2024", 4), 0);
	library_docs_free(v, n);
	struct library_filter t = { .title = "LIGHTHOUSE" };
	assert_int_equal(library_list(l, &t, LIBRARY_BY_TITLE, 0, &v, &n), STORE_OK);
	assert_true(n >= 2);
	library_docs_free(v, n);
	library_close(l);
}

static char *json_of(const struct resolution *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(json_write_resolution(f, r), 0);
	fclose(f);
	return buf;
}

/* Every document comes back as the model its file gave. */
static void load_equals_parse(void **state)
{
	(void)state;
	struct library *l = open_read();
	for (size_t i = 0; i < C.n; i++) {
		char key[80];
		strcpy(key, C.keys[i]);
		char *bar = strchr(key, '|');
		*bar = '\0';
		struct library_doc *v;
		size_t n;
		assert_int_equal(library_find(l, key, bar + 1, &v, &n), STORE_OK);
		assert_string_equal(v[0].language, bar + 1);
		struct resolution *r;
		assert_int_equal(library_load(l, v[0].id, &r), STORE_OK);
		char *a = json_of(C.docs[i]), *b = json_of(r);
		assert_string_equal(a, b);
		free(a);
		free(b);
		res_free(r);
		library_docs_free(v, n);
	}
	library_close(l);
}

static void finding(void **state)
{
	(void)state;
	struct library *l = open_read();
	struct library_doc *v;
	size_t n;
	static const char *const same[] = { "242 (1967)", "S/RES/242 (1967)", "s/res/242(1967)", "242",
	                                    "resolution 242 (1967)" };
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		assert_int_equal(library_find(l, same[i], NULL, &v, &n), STORE_OK);
		assert_string_equal(v[0].key, "S/RES/242(1967)");
		library_docs_free(v, n);
	}
	/* six languages: the one asked for first, else English */
	assert_int_equal(library_find(l, "79/412", "fr", &v, &n), STORE_OK);
	assert_int_equal(n, 6);
	assert_string_equal(v[0].language, "fr");
	assert_string_equal(v[1].language, "en");
	library_docs_free(v, n);
	assert_int_equal(library_find(l, "A/RES/79/412", NULL, &v, &n), STORE_OK);
	assert_string_equal(v[0].language, "en");
	library_docs_free(v, n);
	assert_int_equal(library_find(l, "protection of migrants", NULL, &v, &n), STORE_OK);
	assert_string_equal(v[0].key, "A/RES/58/190");
	library_docs_free(v, n);
	assert_int_equal(library_find(l, "99/999", NULL, &v, &n), STORE_ERR_NOTFOUND);
	char **c;
	assert_int_equal(library_complete(l, "79/4", 10, &c, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(c[0], "A/RES/79/412  Safety of inland waterways");
	free(c[0]);
	free(c);
	assert_int_equal(library_complete(l, "lighthouse", 10, &c, &n), STORE_OK);
	assert_true(n >= 2);
	for (size_t i = 0; i < n; i++)
		free(c[i]);
	free(c);
	library_close(l);
}

/* ---- search against a scan ---- */

struct got {
	char (*v)[96];
	size_t n;
	char last_date[16];
	int sorted;
};

static int on_hit(void *ctx, const struct library_hit *h)
{
	struct got *g = ctx;
	g->v = realloc(g->v, (g->n + 1) * sizeof *g->v);
	snprintf(g->v[g->n++], 96, "%s|%s|%s|%d", h->doc->key, h->doc->language, h->para_id, h->nhits);
	const char *d = h->doc->adopted ? h->doc->adopted : "~";
	if (strcmp(d, g->last_date) < 0)
		g->sorted = 0;
	snprintf(g->last_date, sizeof g->last_date, "%s", d);
	return 0;
}

static int cmp96(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void scan(const char *pattern, struct got *g)
{
	struct search_pat p;
	assert_int_equal(search_compile(pattern, &p), 0);
	for (size_t i = 0; i < C.n; i++) {
		const struct resolution *r = C.docs[i];
		char key[80];
		strcpy(key, C.keys[i]);
		*strchr(key, '|') = '\0';
		for (size_t k = 0; k < r->npara; k++) {
			struct search_hit *h;
			int nh = search_text(&p, r->paras[k].text, r->paras[k].text_len, &h);
			int kept = 0;
			for (int j = 0; j < nh; j++)
				kept += ftstok_word_start(r->paras[k].text, r->paras[k].text_len, h[j].start);
			free(h);
			if (!kept)
				continue;
			g->v = realloc(g->v, (g->n + 1) * sizeof *g->v);
			snprintf(g->v[g->n++], 96, "%s|%s|%s|%d", key,
			         r->meta.language ? r->meta.language : "und", r->paras[k].id, kept);
		}
	}
	search_pat_free(&p);
}

static void search_equals_scan(void **state)
{
	(void)state;
	static const char *const patterns[] = {
		"migrants", "Migrants", "migrant", "lighthouse keepers", "pre-recorded",
		"REUNIFICATION", "réunification", "seafarers", "Secretary-General", "the", "of the",
		"resolution 242", "79/412", "(a)", "de la", "Генеральная", "大会", "نظام", "2015-2030",
		"coastal", "States", "rights of", "hum", "x", "—", ";",
	};
	struct library *l = open_read();
	for (size_t i = 0; i < sizeof patterns / sizeof *patterns; i++) {
		struct got a = { NULL, 0, "", 1 }, b = { NULL, 0, "", 1 };
		size_t n;
		assert_int_equal(library_search(l, patterns[i], NULL, 0, on_hit, &a, &n), STORE_OK);
		assert_int_equal(n, a.n);
		assert_true(a.sorted);
		scan(patterns[i], &b);
		if (a.n > 1)
			qsort(a.v, a.n, sizeof *a.v, cmp96);
		if (b.n > 1)
			qsort(b.v, b.n, sizeof *b.v, cmp96);
		if (a.n != b.n)
			fprintf(stderr, "'%s': library %zu, scan %zu\n", patterns[i], a.n, b.n);
		assert_int_equal(a.n, b.n);
		for (size_t k = 0; k < a.n; k++)
			assert_string_equal(a.v[k], b.v[k]);
		free(a.v);
		free(b.v);
	}
	/* filters and the empty pattern */
	struct got g = { NULL, 0, "", 1 };
	size_t n;
	struct library_filter f = { .language = "fr" };
	assert_int_equal(library_search(l, "de la", &f, 0, on_hit, &g, &n), STORE_OK);
	for (size_t k = 0; k < g.n; k++)
		assert_non_null(strstr(g.v[k], "|fr|"));
	free(g.v);
	assert_int_equal(library_search(l, "  ", NULL, 0, on_hit, &g, &n), STORE_ERR_INVALID);
	library_close(l);
}

/* ---- used before, against comparing every paragraph ---- */

static int on_use(void *ctx, const struct library_use *u)
{
	struct got *g = ctx;
	g->v = realloc(g->v, (g->n + 1) * sizeof *g->v);
	snprintf(g->v[g->n++], 96, "%s|%s|%s", u->doc->key, u->doc->language, u->para_id);
	return 0;
}

static void used_equals_all_pairs(void **state)
{
	(void)state;
	struct library *l = open_read();
	size_t checked = 0, paras = 0;
	long most_rows = 0;
	for (size_t d = 0; d < C.n; d++)
		paras += C.docs[d]->npara;
	for (size_t i = 0; i < C.n; i += 3) {
		const struct resolution *r = C.docs[i];
		for (size_t k = 0; k < r->npara; k += 4) {
			/* the paragraph with a word changed, one dropped, one added */
			char text[8192];
			snprintf(text, sizeof text, "%s", r->paras[k].text);
			char *sp = strchr(text, ' ');
			if (sp && strlen(text) < sizeof text - 20)
				memmove(sp + 6, sp, strlen(sp) + 1), memcpy(sp, " also", 5);
			struct got a = { NULL, 0, "", 1 }, b = { NULL, 0, "", 1 };
			size_t n;
			assert_int_equal(library_used(l, text, strlen(text), 0.8, NULL, on_use, &a, &n),
			                 STORE_OK);
			if (l->used_rows > most_rows)
				most_rows = l->used_rows;
			struct sim_words wa;
			assert_int_equal(sim_words_of(text, strlen(text), &wa), 0);
			for (size_t d = 0; d < C.n; d++) {
				char key[80];
				strcpy(key, C.keys[d]);
				*strchr(key, '|') = '\0';
				for (size_t q = 0; q < C.docs[d]->npara; q++) {
					const struct para *p = &C.docs[d]->paras[q];
					struct sim_words wb;
					assert_int_equal(sim_words_of(p->text, p->text_len, &wb), 0);
					if (wa.n && sim_ratio(&wa, &wb) >= 0.8) {
						b.v = realloc(b.v, (b.n + 1) * sizeof *b.v);
						snprintf(b.v[b.n++], 96, "%s|%s|%s", key,
						         C.docs[d]->meta.language ? C.docs[d]->meta.language : "und", p->id);
					}
					sim_words_free(&wb);
				}
			}
			sim_words_free(&wa);
			if (a.n > 1)
				qsort(a.v, a.n, sizeof *a.v, cmp96);
			if (b.n > 1)
				qsort(b.v, b.n, sizeof *b.v, cmp96);
			if (a.n != b.n)
				fprintf(stderr, "used '%.60s': library %zu, all pairs %zu\n", text, a.n, b.n);
			assert_int_equal(a.n, b.n);
			for (size_t m = 0; m < a.n; m++)
				assert_string_equal(a.v[m], b.v[m]);
			checked += a.n > 0;
			free(a.v);
			free(b.v);
		}
	}
	fprintf(stderr, "used: %zu paragraphs found again; at most %ld rows stepped through of "
	        "%zu paragraphs\n", checked, most_rows, paras);
	assert_true(checked > 20);
	/* the candidates are looked up, the library is not scanned (its planner, left to
	 * choose, scanned every paragraph) */
	assert_true(most_rows * 4 < (long)paras);
	library_close(l);
}

/* ---- copies, removal, transactions, citations (a library of their own) ---- */

static struct resolution *parse_text(const char *text)
{
	struct collection *col;
	struct parse_diag d;
	memset(&d, 0, sizeof d);
	assert_int_equal(parse_buffer(text, strlen(text), INPUT_AUTO, &col, &d), 0);
	assert_int_equal(col->ndocs, 1);
	struct resolution *r = col->docs[0];
	col->ndocs = 0;
	collection_free(col);
	return r;
}

static char *ga_text(const char *number, const char *date, const char *op1)
{
	char *s;
	assert_true(asprintf(&s,
		"Resolution adopted by the General Assembly on %s\n"
		"%s.\tProtection of keepers\n\n"
		"\tThe General Assembly,\n"
		"\tRecalling its resolution 90/1 and Security Council resolution 242 (1967),\n"
		"\t1.\t%s;\n"
		"\t2.\tRequests a report, as in paragraph 1 above.\n", date, number, op1) > 0);
	return s;
}

static struct library *fresh(const char *name)
{
	char p[300];
	snprintf(p, sizeof p, "%s/%s.db", dir, name);
	struct library *l;
	char *msg;
	assert_int_equal(library_open(p, LIBRARY_WRITE, &l, &msg), STORE_OK);
	return l;
}

static enum library_put_result put1(struct library *l, const struct resolution *r,
                                    const char *shape, int force)
{
	struct library_source src = { "x.txt", shape, 1, 1 };
	enum library_put_result res;
	assert_int_equal(library_begin(l), STORE_OK);
	assert_int_equal(library_put(l, r, &src, force, &res), STORE_OK);
	assert_int_equal(library_commit(l), STORE_OK);
	return res;
}

static size_t hits(struct library *l, const char *pattern)
{
	struct got g = { NULL, 0, "", 1 };
	size_t n;
	assert_int_equal(library_search(l, pattern, NULL, 0, on_hit, &g, &n), STORE_OK);
	free(g.v);
	return n;
}

static void copies(void **state)
{
	(void)state;
	struct library *l = fresh("copies");
	char *t1 = ga_text("90/2", "1 December 2030", "Urges lighthouse keepers to keep watch");
	char *t2 = ga_text("90/2", "1 December 2030", "Urges lighthouse keepers to keep a careful watch");
	struct resolution *a = parse_text(t1), *b = parse_text(t2);
	assert_int_equal(put1(l, a, "ods", 0), LIBRARY_ADDED);
	assert_int_equal(put1(l, a, "ods", 0), LIBRARY_UNCHANGED);
	/* a copy of a lesser shape does not replace a better one, unless forced */
	assert_int_equal(put1(l, b, "plain", 0), LIBRARY_KEPT);
	assert_int_equal(hits(l, "careful watch"), 0);
	assert_int_equal(put1(l, b, "ods", 0), LIBRARY_REPLACED);
	/* the index follows: the old words are gone, the new ones found */
	assert_int_equal(hits(l, "careful watch"), 1);
	assert_int_equal(hits(l, "keepers to keep watch"), 0);
	assert_int_equal(put1(l, a, "plain", 1), LIBRARY_REPLACED);
	assert_int_equal(hits(l, "keepers to keep watch"), 1);
	assert_int_equal(hits(l, "careful watch"), 0);
	/* a later distribution date wins over a better shape */
	free(b->meta.distributed);
	b->meta.distributed = strdup("2031-01-05");
	assert_int_equal(put1(l, b, "plain", 0), LIBRARY_REPLACED);
	size_t n;
	assert_int_equal(library_count(l, &n), STORE_OK);
	assert_int_equal(n, 1);
	/* removal takes paragraphs and index with it */
	assert_int_equal(library_remove(l, "A/RES/90/2", NULL, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(hits(l, "careful watch"), 0);
	assert_int_equal(library_remove(l, "A/RES/90/2", NULL, &n), STORE_ERR_NOTFOUND);
	res_free(a);
	res_free(b);
	free(t1);
	free(t2);
	library_close(l);
}

static void rollback(void **state)
{
	(void)state;
	struct library *l = fresh("rollback");
	char *t = ga_text("90/3", "2 December 2030", "Decides nothing");
	struct resolution *r = parse_text(t);
	struct library_source src = { "x.txt", "ods", 1, 1 };
	enum library_put_result res;
	assert_int_equal(library_begin(l), STORE_OK);
	assert_int_equal(library_put(l, r, &src, 0, &res), STORE_OK);
	assert_int_equal(library_source_done(l, &src, 1), STORE_OK);
	library_rollback(l);
	size_t n;
	assert_int_equal(library_count(l, &n), STORE_OK);
	assert_int_equal(n, 0);
	assert_int_equal(hits(l, "decides nothing"), 0);
	assert_false(library_source_known(l, "x.txt", 1, 1));
	assert_int_equal(put1(l, r, "ods", 0), LIBRARY_ADDED);
	assert_int_equal(library_begin(l), STORE_OK);
	assert_int_equal(library_source_done(l, &src, 1), STORE_OK);
	assert_int_equal(library_commit(l), STORE_OK);
	assert_true(library_source_known(l, "x.txt", 1, 1));
	assert_false(library_source_known(l, "x.txt", 2, 1));
	res_free(r);
	free(t);
	library_close(l);
}

struct links {
	char v[8][96];
	size_t n;
};

static int on_link(void *ctx, const struct library_backlink *b)
{
	struct links *k = ctx;
	if (k->n < 8)
		snprintf(k->v[k->n++], 96, "%s %s %.*s", b->doc->key, b->para_id, (int)b->len,
		         b->text + b->byte);
	return 0;
}

static void backlinks(void **state)
{
	(void)state;
	struct library *l = fresh("links");
	char *t1 = ga_text("90/1", "1 December 2030", "Decides to act");
	char *t2 = ga_text("90/4", "3 December 2030", "Takes note of paragraph 1 of its resolution 90/1");
	struct resolution *a = parse_text(t1), *b = parse_text(t2);
	put1(l, a, "ods", 0);
	put1(l, b, "ods", 0);
	struct links k = { .n = 0 };
	size_t n;
	assert_int_equal(library_cited_by(l, "A/RES/90/1", NULL, on_link, &k, &n), STORE_OK);
	/* 90/4 cites it twice; 90/1 does not count its own "resolution 90/1" */
	assert_int_equal(n, 2);
	assert_string_equal(k.v[0], "A/RES/90/4 pp1 90/1");
	assert_string_equal(k.v[1], "A/RES/90/4 op1 paragraph 1 of its resolution 90/1");
	k.n = 0;
	assert_int_equal(library_cited_by(l, "S/RES/242 (1967)", NULL, on_link, &k, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(library_has(l, "A/RES/90/1"), 1);
	assert_int_equal(library_has(l, "S/RES/242(1967)"), 0);
	res_free(a);
	res_free(b);
	free(t1);
	free(t2);
	library_close(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(missing_library),
		cmocka_unit_test(texts_packed),
		cmocka_unit_test(count_and_list),
		cmocka_unit_test(load_equals_parse),
		cmocka_unit_test(finding),
		cmocka_unit_test(search_equals_scan),
		cmocka_unit_test(used_equals_all_pairs),
		cmocka_unit_test(copies),
		cmocka_unit_test(rollback),
		cmocka_unit_test(backlinks),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
