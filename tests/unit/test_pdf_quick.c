/* test_pdf_quick.c: gavel's own reading of a PDF's opening (pdf-quick.c) against the helper's
 * (MuPDF): for every PDF of tests/data/pdf the opening's blocks and model must be the same
 * whichever reads it, and the quick reader must not refuse them; what it cannot read
 * (encrypted, scanned, damaged files) it refuses, and gavel then says what the helper says.
 * $GAVEL_TEST_EXTRA_PDF adds PDFs (colon-separated; the 100-page PDF of `make bench`). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <zlib.h>

#include "doc/blocks.h"
#include "doc/json.h"
#include "doc/parse.h"
#include "doc/pdf-quick.h"
#include "doc/pdf.h"

#define OPENING 3   /* one page more than an opening (pdf_shape_read) reads */

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16;
	char *b = malloc(cap);
	*n = 0;
	size_t got;
	while (b && (got = fread(b + *n, 1, cap - *n, f)) > 0) {
		*n += got;
		if (*n == cap) {
			char *nb = realloc(b, cap *= 2);
			if (!nb)
				free(b);
			b = nb;
		}
	}
	fclose(f);
	return b;
}

/* Everything an opening gives: each block (text, zone, page, heading, indent, markers) and
 * the model built from the blocks, as JSON. Caller frees. */
static char *describe(int rc, struct block_list *bl, const struct parse_diag *d)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);
	assert_non_null(f);
	fprintf(f, "rc %d\n", rc);
	if (rc) {
		fprintf(f, "reason %s\n", d->reason);
		fclose(f);
		return s;
	}
	for (size_t i = 0; i < bl->n; i++) {
		const struct block *b = &bl->v[i];
		fprintf(f, "block zone %d page %d heading %d indent %d marks", (int)b->zone, b->page,
		        b->heading, b->indent);
		for (size_t k = 0; k < b->nmarks; k++)
			fprintf(f, " %zu:%d", b->marks[k].byte, b->marks[k].footnote);
		fprintf(f, "\n  %s\n", b->text);
	}
	struct collection *col = NULL;
	struct parse_diag bd;
	memset(&bd, 0, sizeof bd);
	assert_int_equal(build_collection(bl, &col, &bd), 0);
	json_write_collection(f, col);
	collection_free(col);
	fclose(f);
	return s;
}

enum { HELPER, QUICK, QUICK_ONLY };

/* The first `pages` pages (0: all) as pdf_read gives them: by the helper (quick reader off),
 * by the quick reader (the helper after a refusal), or by the quick reader only (the helper
 * one that fails, /bin/false: what comes out is the quick reader's own, never the
 * helper's). */
static char *pages_by_pdf_read(const char *path, int how, int pages)
{
	int quick = how != HELPER;
	char *helper = strdup(getenv("GAVEL_PDF_HELPER"));
	assert_non_null(helper);
	if (how == QUICK_ONLY)
		setenv("GAVEL_PDF_HELPER", "/bin/false", 1);
	setenv("GAVEL_PDF_QUICK", quick ? "1" : "0", 1);
	struct block_list bl;
	struct parse_diag d;
	memset(&bl, 0, sizeof bl);
	memset(&d, 0, sizeof d);
	int more = 0;
	int rc = pdf_read(path, NULL, 0, pages, &more, &bl, &d);
	char *s = describe(rc, &bl, &d);
	blocks_free(&bl);
	unsetenv("GAVEL_PDF_QUICK");
	setenv("GAVEL_PDF_HELPER", helper, 1);
	free(helper);
	return s;
}

static char *opening_by_pdf_read(const char *path, int how)
{
	return pages_by_pdf_read(path, how, OPENING);
}

/* A stream's records without their numbers: each span's text and direction, and which
 * other records come (page, image, rule, end), in order. Caller frees. */
static char *skeleton(const char *stream, size_t n)
{
	char *s = NULL;
	size_t sn = 0;
	FILE *f = open_memstream(&s, &sn);
	assert_non_null(f);
	for (const char *l = stream, *end = stream + n; l < end;) {
		const char *nl = memchr(l, '\n', (size_t)(end - l));
		size_t k = nl ? (size_t)(nl - l) : (size_t)(end - l);
		if (k > 5 && memcmp(l, "span ", 5) == 0) {
			/* span FONT SIZE X0 Y0 X1 Y1 BASE DIR TEXT: from DIR on */
			const char *p = l;
			for (int w = 0; w < 8 && p < l + k; w++)
				p = memchr(p, ' ', (size_t)(l + k - p)) + 1;
			fprintf(f, "span %.*s\n", (int)(l + k - p), p);
		} else if (k >= 3 && (memcmp(l, "page", 4) == 0 || memcmp(l, "image", 5) == 0
		                      || memcmp(l, "rule", 4) == 0 || memcmp(l, "end", 3) == 0)) {
			fprintf(f, "%.*s\n", (int)(memchr(l, ' ', k) ? (const char *)memchr(l, ' ', k) - l
			                                               : (long)k), l);
		}
		l = nl ? nl + 1 : end;
	}
	fclose(f);
	return s;
}

/* The helper's stream of the opening: gavel-pdf --pages 3. Caller frees. */
static char *helper_stream(const char *path, size_t *n)
{
	char cmd[8192];
	snprintf(cmd, sizeof cmd, "'%s' --pages %d '%s'", getenv("GAVEL_PDF_HELPER"), OPENING, path);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t cap = 1 << 16;
	char *b = malloc(cap);
	*n = 0;
	size_t got;
	while (b && (got = fread(b + *n, 1, cap - *n, p)) > 0) {
		*n += got;
		if (*n == cap)
			b = realloc(b, cap *= 2);
	}
	pclose(p);
	assert_non_null(b);
	return b;
}

static char *quick_skeleton;

/* The opening from the quick reader's own stream; NULL (and *why) when it refuses. Its
 * skeleton is left in quick_skeleton. */
static char *opening_by_quick(const char *path, const char **why)
{
	size_t n;
	char *pdf = slurp(path, &n);
	assert_non_null(pdf);
	char *stream;
	size_t len;
	int rc = pdf_quick_stream((const unsigned char *)pdf, n, OPENING, &stream, &len, why);
	free(pdf);
	assert_true(rc >= 0);
	if (rc)
		return NULL;
	struct block_list bl;
	struct parse_diag d;
	memset(&bl, 0, sizeof bl);
	memset(&d, 0, sizeof d);
	int r = pdf_read_stream(stream, len, NULL, &bl, &d);
	free(quick_skeleton);
	quick_skeleton = skeleton(stream, len);
	free(stream);
	char *s = describe(r, &bl, &d);
	blocks_free(&bl);
	return s;
}

/* Where two descriptions part, for the failure message. */
static void report_difference(const char *path, const char *a, const char *b)
{
	size_t i = 0, line = 1;
	while (a[i] && a[i] == b[i])
		line += a[i++] == '\n';
	size_t from = i;
	while (from > 0 && a[from - 1] != '\n')
		from--;
	fprintf(stderr, "%s: the quick reader's reading differs from the helper's at line %zu:\n"
	        "  helper: %.160s\n  quick:  %.160s\n", path, line, a + from, b + from);
}

/* Whether a and b differ (then said, where they part). */
static int differs(const char *path, const char *a, const char *b)
{
	if (strcmp(a, b) == 0)
		return 0;
	report_difference(path, a, b);
	return 1;
}

/* One PDF: accepted, and the same opening as the helper's. Returns 0 when it matched. */
static int same_opening(const char *path)
{
	const char *why = NULL;
	char *quick = opening_by_quick(path, &why);
	if (!quick) {
		fprintf(stderr, "%s: refused by the quick reader: %s\n", path, why ? why : "?");
		return -1;
	}
	char *helper = opening_by_pdf_read(path, HELPER);
	char *through = opening_by_pdf_read(path, QUICK_ONLY);
	/* the quick opening stopped the helper's paused one and started none */
	errno = 0;
	assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
	assert_int_equal(errno, ECHILD);
	size_t hn;
	char *hs = helper_stream(path, &hn);
	char *hsk = skeleton(hs, hn);
	free(hs);
	/* the same spans, in the same order (their boxes may differ by a rounding) */
	int rc = differs(path, hsk, quick_skeleton) || differs(path, helper, quick)
	         || differs(path, helper, through) ? -1 : 0;
	free(quick);
	free(helper);
	free(through);
	free(hsk);
	return rc;
}

/* check(path) for every PDF in dir (under the source tree); *failed counts its nonzero
 * answers. Returns how many PDFs. */
static int each_pdf(const char *dir, int (*check)(const char *), int *failed)
{
	char d[4096];
	snprintf(d, sizeof d, "%s/%s", ABS_TOP_SRCDIR, dir);
	DIR *dh = opendir(d);
	assert_non_null(dh);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(dh))) {
		size_t k = strlen(e->d_name);
		if (k < 5 || strcmp(e->d_name + k - 4, ".pdf") != 0)
			continue;
		char path[8192];
		snprintf(path, sizeof path, "%s/%s", d, e->d_name);
		*failed += check(path) != 0;
		n++;
	}
	closedir(dh);
	return n;
}

static char cache_dir[] = "/tmp/gavel-test-pdf-quick.XXXXXX";

static int setup(void **state)
{
	(void)state;
	/* an empty cache: every opening is read, none comes from a kept stream */
	if (!mkdtemp(cache_dir))
		return -1;
	setenv("XDG_CACHE_HOME", cache_dir, 1);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(quick_skeleton);
	char rm[200];
	snprintf(rm, sizeof rm, "rm -rf '%s'", cache_dir);
	return system(rm) == 0 ? 0 : -1;
}

/* check(path) for the official PDFs, the LibreOffice-typeset ones in six languages (Arabic
 * set in visual runs, Chinese set oblique) and those of $GAVEL_TEST_EXTRA_PDF; how many of
 * them it failed. */
static int helper_pdfs(int (*check)(const char *))
{
	int failed = 0, n = 0;
	n += each_pdf("tests/data/pdf", check, &failed);
	n += each_pdf("tests/data/pdf/gen", check, &failed);
	assert_true(n >= 15);
	const char *extra = getenv("GAVEL_TEST_EXTRA_PDF");
	char *list = extra ? strdup(extra) : NULL;
	for (char *save = NULL, *p = list ? strtok_r(list, ":", &save) : NULL; p;
	     p = strtok_r(NULL, ":", &save))
		failed += check(p) != 0;
	free(list);
	return failed;
}

/* Every PDF read by the quick reader: the same opening as the helper's. */
static void same_as_helper(void **state)
{
	(void)state;
	const char *h = getenv("GAVEL_PDF_HELPER");
	if (!h || !*h)
		skip();
	assert_int_equal(helper_pdfs(same_opening), 0);
}

/* One PDF read whole: by the quick reader alone (never the helper), the same blocks and
 * model as the helper's, and kept in the cache as the helper's whole read is. */
static int same_whole(const char *path)
{
	/* a cache of its own: neither read finds the other's stream kept */
	char dir[sizeof cache_dir + 16];
	static int seq;
	snprintf(dir, sizeof dir, "%s/whole%d", cache_dir, seq++);
	assert_int_equal(mkdir(dir, 0700), 0);
	setenv("XDG_CACHE_HOME", dir, 1);
	char *helper = pages_by_pdf_read(path, HELPER, 0);
	char *quick = pages_by_pdf_read(path, QUICK_ONLY, 0);
	/* the quick reader's whole stream was kept: read again, it comes from the cache, the
	 * same again (with /bin/false as the helper, nothing else could give it) */
	char *again = pages_by_pdf_read(path, QUICK_ONLY, 0);
	setenv("XDG_CACHE_HOME", cache_dir, 1);
	int rc = differs(path, helper, quick) || differs(path, quick, again) ? -1 : 0;
	free(helper);
	free(quick);
	free(again);
	return rc;
}

/* A whole read counts its pages as both parts read them: at its end every page, of the
 * document's count; an opening counts none. */
static void whole_progress(void **state)
{
	(void)state;
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/data/pdf/A_RES_73_3-EN.pdf", ABS_TOP_SRCDIR);
	size_t n;
	char *pdf = slurp(path, &n);
	assert_non_null(pdf);
	char *out;
	size_t len;
	const char *why;
	int done = -1, total = -1;
	assert_int_equal(pdf_quick_stream((const unsigned char *)pdf, n, PDF_QUICK_ALL, &out, &len,
	                                  &why), 0);
	free(out);
	pdf_quick_progress(&done, &total);
	assert_int_equal(total, 10);
	assert_int_equal(done, 10);
	/* four pages asked: four read; fifty: the document's ten */
	assert_int_equal(pdf_quick_stream((const unsigned char *)pdf, n, 4, &out, &len, &why), 0);
	free(out);
	pdf_quick_progress(&done, &total);
	assert_int_equal(total, 4);
	assert_int_equal(done, 4);
	assert_int_equal(pdf_quick_stream((const unsigned char *)pdf, n, 50, &out, &len, &why), 0);
	free(out);
	pdf_quick_progress(&done, &total);
	assert_int_equal(total, 10);
	assert_int_equal(done, 10);
	assert_int_equal(pdf_quick_stream((const unsigned char *)pdf, n, 2, &out, &len, &why), 0);
	free(out);
	pdf_quick_progress(&done, &total);
	assert_int_equal(done, 10);   /* the last whole read's, untouched */
	free(pdf);
}

/* Every PDF of same_as_helper, read whole by the quick reader: the helper's model. */
static void whole_same_as_helper(void **state)
{
	(void)state;
	const char *h = getenv("GAVEL_PDF_HELPER");
	if (!h || !*h)
		skip();
	assert_int_equal(helper_pdfs(same_whole), 0);
}

/* Writes bytes to a file of the temporary directory; returns its path (static). */
static const char *write_file(const char *name, const char *b, size_t n)
{
	static char path[4096];
	snprintf(path, sizeof path, "%s/%s", cache_dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(b, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* What the quick reader cannot read it refuses (cheaply, without a crash), and gavel says
 * what the helper says of it: encrypted, password-protected, damaged. A scan it may read
 * (a page with a picture and no text), and the layout's refusal sends it to the helper. */
static void refusals_fall_back(void **state)
{
	(void)state;
	const char *h = getenv("GAVEL_PDF_HELPER");
	if (!h || !*h)
		skip();
	static const char *bad[] = { "encrypted.pdf", "owner-only.pdf" };
	char path[4096];
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		snprintf(path, sizeof path, "%s/tests/data/pdf/bad/%s", ABS_TOP_SRCDIR, bad[i]);
		const char *why = NULL;
		char *q = opening_by_quick(path, &why);
		assert_null(q);
		assert_non_null(why);
		assert_string_equal(why, "encrypted");
	}
	snprintf(path, sizeof path, "%s/tests/data/pdf/bad/scan.pdf", ABS_TOP_SRCDIR);
	char *a = opening_by_pdf_read(path, HELPER), *b = opening_by_pdf_read(path, QUICK);
	assert_string_equal(a, b);
	assert_non_null(strstr(a, "OCR"));
	free(a);
	free(b);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		snprintf(path, sizeof path, "%s/tests/data/pdf/bad/%s", ABS_TOP_SRCDIR, bad[i]);
		a = opening_by_pdf_read(path, HELPER);
		b = opening_by_pdf_read(path, QUICK);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	/* damaged copies of an official PDF: cut short, its xref and a content stream broken */
	snprintf(path, sizeof path, "%s/tests/data/pdf/A_RES_73_3-EN.pdf", ABS_TOP_SRCDIR);
	size_t n;
	char *pdf = slurp(path, &n);
	assert_non_null(pdf);
	struct {
		const char *name;
		size_t at, len;   /* bytes overwritten with 'x' (len 0: the file cut at `at`) */
	} damage[] = {
		{ "cut.pdf", n / 2, 0 },
		{ "xref.pdf", n - 400, 200 },
		{ "middle.pdf", n / 3, 4096 },
		{ "start.pdf", 20, 2000 },
	};
	for (size_t i = 0; i < sizeof damage / sizeof *damage; i++) {
		char *c = malloc(n);
		assert_non_null(c);
		memcpy(c, pdf, n);
		size_t len = damage[i].len ? n : damage[i].at;
		if (damage[i].len)
			memset(c + damage[i].at, 'x', damage[i].len);
		const char *p = write_file(damage[i].name, c, len);
		const char *why = NULL;
		char *q = opening_by_quick(p, &why);
		if (i <= 1) {
			/* no xref to trust: refused */
			assert_null(q);
			assert_non_null(why);
		}
		free(q);
		/* refused or read past what is broken, what gavel shows is what the helper gives */
		a = opening_by_pdf_read(p, HELPER);
		b = opening_by_pdf_read(p, QUICK);
		if (strcmp(a, b) != 0) {
			report_difference(p, a, b);
			fail();
		}
		free(a);
		free(b);
		free(c);
	}
	free(pdf);
}

static char *quick_of(const char *name, size_t *len)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/data/pdf/quick/%s", ABS_TOP_SRCDIR, name);
	size_t n;
	char *pdf = slurp(path, &n);
	assert_non_null(pdf);
	char *out = NULL;
	const char *why = NULL;
	int rc = pdf_quick_stream((const unsigned char *)pdf, n, OPENING, &out, len, &why);
	free(pdf);
	if (rc)
		fail_msg("%s refused: %s", name, why ? why : "?");
	return out;
}

/* What the real PDFs do not use, in PDFs made by hand (tests/data/pdf/quick/make.py): a
 * cross-reference stream with a PNG predictor and an object stream give the very stream the
 * classic table gives, and so does a filter named by reference into an object stream; /Differences glyph names, a Type0 font's /W in both forms and its
 * ToUnicode's bfrange arrays, a form's text, ' and " and T*, character and word spacing,
 * scaling and rise, a rule stroked and one filled. */
static void made_by_hand(void **state)
{
	(void)state;
	size_t a, b;
	char *classic = quick_of("classic.pdf", &a);
	char *xstream = quick_of("xref-stream.pdf", &b);
	assert_int_equal(a, b);
	assert_memory_equal(classic, xstream, a);
	/* the object stream first decoded for a page's content (its filter named there) is kept
	 * beyond the page (parts_join_as_one reads its two pages in one part too) */
	char *objstm = quick_of("filter-in-objstm.pdf", &b);
	assert_string_equal(objstm, classic);
	free(objstm);
	static const char *want[] = {
		"h United Nations\n", "h Noting with \u201cconcern\u201d the report \u2014 the whole report,\n",
		"h Adopts the text AB 12 \u00e9t\u00e9\n", "h Text\n", "h form.\n", "h \u201c\u2014\n",
		"h s p a c e d\n", "pages 2\n", "page 2 612.00 792.00\n", "h Page two, 2/2.\n",
		"font 1 b Demo-Bold\n", "font 2 i Demo-Italic\n",
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		if (!strstr(classic, want[i]))
			fail_msg("no \"%s\" in:\n%s", want[i], classic);
	/* two rules: the stroked line and the thin filled rectangle */
	int rules = 0;
	for (const char *p = classic; (p = strstr(p, "\nrule ")); p++)
		rules++;
	assert_int_equal(rules, 2);
	free(classic);
	free(xstream);
}

/* The quick stream of path's first `pages` pages, with its rc and why. Caller frees. */
static char *pages_of(const char *path, int pages)
{
	size_t n;
	char *pdf = slurp(path, &n);
	assert_non_null(pdf);
	char *out = NULL, *s = NULL;
	size_t len = 0;
	const char *why = NULL;
	int rc = pdf_quick_stream((const unsigned char *)pdf, n, pages, &out, &len, &why);
	assert_int_equal(strlen(out ? out : ""), out ? len : 0);
	assert_true(asprintf(&s, "rc %d why %s\n%s", rc, why ? why : "-", out ? out : "") > 0);
	free(out);
	free(pdf);
	return s;
}

static cpu_set_t all_cpus, one_cpu;

/* Whether path's streams of 1, 2, 3 and 5 pages and of all its pages, read on two cores,
 * are the one-core reads. */
static int parts_same(const char *path)
{
	static const int asked[] = { 1, 2, 3, 5, PDF_QUICK_ALL };
	int differ = 0;
	for (size_t k = 0; k < sizeof asked / sizeof *asked; k++) {
		int pages = asked[k];
		char *split = pages_of(path, pages);
		assert_int_equal(sched_setaffinity(0, sizeof one_cpu, &one_cpu), 0);
		char *whole = pages_of(path, pages);
		assert_int_equal(sched_setaffinity(0, sizeof all_cpus, &all_cpus), 0);
		if (strcmp(split, whole) != 0) {
			print_error("%s, %d pages: the parts read on two cores differ from one read\n",
			            path, pages);
			differ = 1;
		}
		free(split);
		free(whole);
	}
	return differ;
}

/* An opening's first page is read on another core beside the rest, a whole read's first
 * half beside the second, each part with its own objects and fonts (pdf-quick.c): the
 * joined stream must be the one read's, byte for byte, for every PDF here, refusals
 * included; on one core there is one read. */
static void parts_join_as_one(void **state)
{
	(void)state;
	assert_int_equal(sched_getaffinity(0, sizeof all_cpus, &all_cpus), 0);
	if (CPU_COUNT(&all_cpus) < 2) {
		/* nothing to compare: one core reads in one part */
		skip();
	}
	CPU_ZERO(&one_cpu);
	for (int c = 0; c < CPU_SETSIZE; c++)
		if (CPU_ISSET(c, &all_cpus)) {
			CPU_SET(c, &one_cpu);
			break;
		}
	int failed = 0, n = 0;
	n += each_pdf("tests/data/pdf", parts_same, &failed);
	n += each_pdf("tests/data/pdf/gen", parts_same, &failed);
	n += each_pdf("tests/data/pdf/quick", parts_same, &failed);
	assert_true(n >= 13);
	assert_int_equal(failed, 0);
}

/* A one-page PDF whose content stream is z[0..zn) (Flate), its xref worked out, after pad
 * bytes of comment lines. Caller frees; *n its length. */
static char *padded_flate_pdf(const unsigned char *z, size_t zn, size_t pad, size_t *n)
{
	char *b = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&b, &len);
	assert_non_null(f);
	long off[7];
	fputs("%PDF-1.4\n", f);
	for (size_t i = 0; i < pad; i += 64)
		fputs("%..............................................................\n", f);
	off[1] = ftell(f);
	fputs("1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n", f);
	off[2] = ftell(f);
	fputs("2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n", f);
	off[3] = ftell(f);
	fputs("3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]"
	      "/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>endobj\n", f);
	off[4] = ftell(f);
	fprintf(f, "4 0 obj<</Length %zu/Filter/FlateDecode>>stream\n", zn);
	fwrite(z, 1, zn, f);
	fputs("\nendstream endobj\n", f);
	off[5] = ftell(f);
	fputs("5 0 obj<</Type/Font/Subtype/TrueType/BaseFont/Demo/FirstChar 32/LastChar 126"
	      "/Widths[", f);
	for (int i = 32; i <= 126; i++)
		fputs(" 500", f);
	fputs("]/Encoding/WinAnsiEncoding/FontDescriptor 6 0 R>>endobj\n", f);
	off[6] = ftell(f);
	fputs("6 0 obj<</Type/FontDescriptor/FontName/Demo/Flags 32/Ascent 800/Descent -200"
	      "/FontBBox[0 -200 1000 800]>>endobj\n", f);
	long x = ftell(f);
	fputs("xref\n0 7\n0000000000 65535 f \n", f);
	for (int i = 1; i <= 6; i++)
		fprintf(f, "%010ld 00000 n \n", off[i]);
	fprintf(f, "trailer<</Size 7/Root 1 0 R>>\nstartxref\n%ld\n%%%%EOF\n", x);
	assert_int_equal(fclose(f), 0);
	*n = len;
	return b;
}

static char *flate_pdf(const unsigned char *z, size_t zn, size_t *n)
{
	return padded_flate_pdf(z, zn, 0, n);
}

/* The bounds of a read grow with the file (pdf-quick.c): 450,000 operators (a page's text
 * and "n" after "n") are refused in a small file and read in one of 4 MB (one operator per
 * 8 bytes of the file allowed). */
static void bounds_grow_with_the_file(void **state)
{
	(void)state;
	static const char head[] = "BT /F1 12 Tf 72 700 Td (Bounded) Tj ET\n";
	size_t ops = 450000, cn = sizeof head - 1 + 2 * ops;
	char *content = malloc(cn);
	assert_non_null(content);
	memcpy(content, head, sizeof head - 1);
	for (size_t i = 0; i < ops; i++)
		memcpy(content + sizeof head - 1 + 2 * i, "n\n", 2);
	uLongf zn = compressBound((uLong)cn);
	unsigned char *z = malloc(zn);
	assert_non_null(z);
	assert_int_equal(compress2(z, &zn, (const Bytef *)content, (uLong)cn, 9), Z_OK);
	free(content);
	for (int big = 0; big < 2; big++) {
		size_t n;
		char *pdf = padded_flate_pdf(z, zn, big ? (size_t)4 << 20 : 0, &n);
		char *out = NULL;
		size_t len = 0;
		const char *why = NULL;
		int rc = pdf_quick_stream((const unsigned char *)pdf, n, PDF_QUICK_ALL, &out, &len, &why);
		if (big) {
			assert_int_equal(rc, 0);
			assert_non_null(strstr(out, " h Bounded\n"));
		} else {
			assert_int_equal(rc, 1);
			assert_string_equal(why, "operator bound");
		}
		free(out);
		free(pdf);
	}
	free(z);
}

/* Flate as MuPDF reads it: the zlib header checked (a wrong one refused, and the helper
 * reads the file), the data inflated in the window the header gives, an Adler-32 that does
 * not match the data read all the same (MuPDF warns and keeps the text). */
static void flate_streams(void **state)
{
	(void)state;
	static const char content[] = "BT /F1 12 Tf 72 700 Td (Flate read) Tj ET\n";
	unsigned char z[256];
	uLongf zn = sizeof z;
	assert_int_equal(compress2(z, &zn, (const Bytef *)content, sizeof content - 1, 9), Z_OK);
	struct { const char *what; int byte, xor, rc; const char *why; } cases[] = {
		{ "as written", -1, 0, 0, NULL },
		{ "its Adler-32 wrong", (int)zn - 1, 0x5a, 0, NULL },
		{ "its header's check bits wrong", 1, 0x01, 1, "bad flate data" },
		{ "a preset dictionary asked", 1, 0x20, 1, "bad flate data" },
		{ "another method", 0, 0x01, 1, "bad flate data" },
	};
	char *first = NULL;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		unsigned char v[256];
		memcpy(v, z, zn);
		if (cases[i].byte >= 0)
			v[cases[i].byte] ^= (unsigned char)cases[i].xor;
		size_t n;
		char *pdf = flate_pdf(v, zn, &n);
		char *out = NULL;
		size_t len = 0;
		const char *why = NULL;
		int rc = pdf_quick_stream((const unsigned char *)pdf, n, 1, &out, &len, &why);
		if (rc != cases[i].rc)
			fail_msg("a Flate stream %s: rc %d (%s), not %d", cases[i].what, rc,
			         why ? why : "-", cases[i].rc);
		if (cases[i].why)
			assert_string_equal(why, cases[i].why);
		if (rc == 0) {
			if (!strstr(out, " h Flate read\n"))
				fail_msg("a Flate stream %s: no text in\n%s", cases[i].what, out);
			if (!first)
				first = strdup(out);
			else
				assert_string_equal(out, first);
		}
		free(out);
		free(pdf);
	}
	free(first);
}

/* Hostile shapes the quick reader must refuse, not follow: a reference loop, deep nesting,
 * an xref chain that points at itself, a page tree that contains itself. */
static void hostile(void **state)
{
	(void)state;
	static const char *docs[] = {
		/* /Prev pointing at its own xref */
		"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
		"2 0 obj<</Type/Pages/Kids[2 0 R]/Count 1>>endobj\n"
		"xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000054 00000 n \n"
		"trailer<</Size 3/Root 1 0 R/Prev 103>>\nstartxref\n103\n%%EOF\n",
		/* deep arrays */
		"%PDF-1.4\n1 0 obj[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
		"endobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \n"
		"trailer<</Size 2/Root 1 0 R>>\nstartxref\n90\n%%EOF\n",
		"", "%PDF-", "%PDF-1.4\nstartxref\n99999999\n",
	};
	for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
		char *out = NULL;
		size_t n = 0;
		const char *why = NULL;
		int rc = pdf_quick_stream((const unsigned char *)docs[i], strlen(docs[i]), OPENING, &out,
		                          &n, &why);
		assert_int_equal(rc, 1);
		assert_non_null(why);
		assert_null(out);
	}
}

/* A file cut short while the quick reader reads it (it maps the file): the pages past the new
 * end fault, and the read refuses, its caller's process alive; a fault outside a read goes
 * to the handler there was before. */
static void file_cut_while_read(void **state)
{
	(void)state;
	char src[4096], path[] = "/tmp/gavel-test-quick-cut-XXXXXX";
	snprintf(src, sizeof src, "%s/tests/data/pdf/A_RES_73_3-EN.pdf", ABS_TOP_SRCDIR);
	size_t n;
	char *pdf = slurp(src, &n);
	assert_non_null(pdf);
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, pdf, n), (ssize_t)n);
	const unsigned char *map = mmap(NULL, n, PROT_READ, MAP_SHARED, fd, 0);
	assert_true(map != MAP_FAILED);
	char *out = NULL;
	size_t len = 0;
	const char *why = NULL;
	struct sigaction before;
	assert_int_equal(sigaction(SIGBUS, NULL, &before), 0);
	/* whole: read */
	assert_int_equal(pdf_quick_stream(map, n, OPENING, &out, &len, &why), 0);
	free(out);
	out = NULL;
	/* cut to its first 4 KB: the xref at the end is gone from under the mapping */
	assert_int_equal(ftruncate(fd, 4096), 0);
	assert_int_equal(pdf_quick_stream(map, n, OPENING, &out, &len, &why), 1);
	assert_string_equal(why, "the file changed while read");
	assert_null(out);
	/* the reader reads again afterwards */
	assert_int_equal(pdf_quick_stream((const unsigned char *)pdf, n, OPENING, &out, &len, &why), 0);
	free(out);
	/* outside a read, a fault goes where it went before: the handler is put back */
	struct sigaction now;
	assert_int_equal(sigaction(SIGBUS, NULL, &now), 0);
	assert_true(now.sa_handler == before.sa_handler);
	munmap((void *)map, n);
	close(fd);
	unlink(path);
	free(pdf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_as_helper),
		cmocka_unit_test(whole_same_as_helper),
		cmocka_unit_test(whole_progress),
		cmocka_unit_test(refusals_fall_back),
		cmocka_unit_test(made_by_hand),
		cmocka_unit_test(hostile),
		cmocka_unit_test(parts_join_as_one),
		cmocka_unit_test(flate_streams),
		cmocka_unit_test(bounds_grow_with_the_file),
		cmocka_unit_test(file_cut_while_read),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
