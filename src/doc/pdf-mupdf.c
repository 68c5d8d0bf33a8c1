/* pdf-mupdf.c: MuPDF's structured text -> gavel's page stream (pdf.h, pdf-mupdf.h). MuPDF
 * gives every character with its font, size, origin and box; this file groups them into spans
 * (one font, one size, one baseline, no wide gap) and says nothing about what they mean: the
 * layout (pdf-layout.c) decides that, in gavel, where it is tested without MuPDF. */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sysexits.h>
#include <unistd.h>

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>
#include <mupdf/ucdn.h>

#include "doc/pdf-chars.h"
#include "doc/pdf-mupdf.h"

/* ---- bounded memory: every allocation is counted, and fails past the bound ---- */

struct counted {
	size_t used, max;
	int over;
};

/* A header before each block keeps its size, so that free and realloc can count it. */
#define HDR 16

static void *count_malloc(void *user, size_t n)
{
	struct counted *m = user;
	if (m->max && (n > m->max || m->used > m->max - n)) {
		m->over = 1;
		return NULL;
	}
	unsigned char *p = malloc(n + HDR);
	if (!p)
		return NULL;
	memcpy(p, &n, sizeof n);
	m->used += n;
	return p + HDR;
}

static void count_free(void *user, void *ptr)
{
	struct counted *m = user;
	if (!ptr)
		return;
	unsigned char *p = (unsigned char *)ptr - HDR;
	size_t n;
	memcpy(&n, p, sizeof n);
	m->used -= n;
	free(p);
}

static void *count_realloc(void *user, void *ptr, size_t n)
{
	struct counted *m = user;
	if (!ptr)
		return count_malloc(user, n);
	if (n == 0) {
		count_free(user, ptr);
		return NULL;
	}
	unsigned char *p = (unsigned char *)ptr - HDR;
	size_t old;
	memcpy(&old, p, sizeof old);
	if (n > old && m->max && (n - old > m->max || m->used > m->max - (n - old))) {
		m->over = 1;
		return NULL;
	}
	unsigned char *q = realloc(p, n + HDR);
	if (!q)
		return NULL;
	memcpy(q, &n, sizeof n);
	m->used = m->used - old + n;
	return q + HDR;
}

/* ---- bounded time: a CPU timer aborts the page being read ---- */

static fz_cookie cookie;
static volatile sig_atomic_t timed_out;

static void on_timer(int sig)
{
	(void)sig;
	timed_out = 1;
	cookie.abort = 1;
}

static void timer_arm(long ms, struct sigaction *old)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_timer;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGPROF, &sa, old);
	struct itimerval it;
	memset(&it, 0, sizeof it);
	it.it_value.tv_sec = ms / 1000;
	it.it_value.tv_usec = (ms % 1000) * 1000;
	setitimer(ITIMER_PROF, &it, NULL);
}

static void timer_disarm(const struct sigaction *old)
{
	struct itimerval it;
	memset(&it, 0, sizeof it);
	setitimer(ITIMER_PROF, &it, NULL);
	sigaction(SIGPROF, old, NULL);
}

/* MuPDF's warnings are about the file's syntax, not for the user: the layout reports what
 * matters (an unreadable page, no text). */
static void quiet(void *user, const char *msg)
{
	(void)user;
	(void)msg;
}

/* ---- spans ---- */

/* Fonts get small ids, page by page (a font dropped between pages may reuse an address). */
struct fonts {
	fz_font **v;
	int n, cap;
};

static int font_id(fz_context *ctx, FILE *out, struct fonts *f, fz_font *font)
{
	for (int i = 0; i < f->n; i++)
		if (f->v[i] == font)
			return i;
	if (f->n == f->cap) {
		int cap = f->cap ? f->cap * 2 : 16;
		fz_font **nv = realloc(f->v, (size_t)cap * sizeof *nv);
		if (!nv)
			return -1;
		f->v = nv;
		f->cap = cap;
	}
	f->v[f->n] = font;
	const char *name = font ? fz_font_name(ctx, font) : "";
	char flags[4];
	int k = 0;
	int bold = font && (fz_font_is_bold(ctx, font) || strstr(name, "Bold") || strstr(name, "Black")
	                    || strstr(name, "Heavy") || strstr(name, "bold"));
	int italic = font && (fz_font_is_italic(ctx, font) || strstr(name, "Italic")
	                      || strstr(name, "Oblique") || strstr(name, "italic"));
	if (bold)
		flags[k++] = 'b';
	if (italic)
		flags[k++] = 'i';
	if (font && fz_font_is_monospaced(ctx, font))
		flags[k++] = 'm';
	if (!k)
		flags[k++] = '-';
	flags[k] = '\0';
	/* names hold no spaces or controls in the stream */
	fprintf(out, "font %d %s ", f->n, flags);
	for (const char *p = name; *p; p++)
		fputc((unsigned char)*p <= ' ' || *p == 0x7f ? '_' : *p, out);
	if (!*name)
		fputc('_', out);
	fputc('\n', out);
	return f->n++;
}

struct span {
	char *text;
	size_t n, cap;
	int font;
	float size, base;
	float x0, y0, x1, y1;       /* of the ink (spaces left out) */
	float last_x0, last_x1;     /* the last glyph with ink */
	int ink, space, left, right;
	int step;                   /* which way its glyphs run: 1 right, -1 left, 0 not yet */
	char dir;                   /* 'h' or 'v' for the line */
};

static int span_put(struct span *s, const char *b, size_t k)
{
	if (s->n + k + 1 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 256;
		while (cap < s->n + k + 1)
			cap *= 2;
		char *nt = realloc(s->text, cap);
		if (!nt)
			return -1;
		s->text = nt;
		s->cap = cap;
	}
	memcpy(s->text + s->n, b, k);
	s->n += k;
	return 0;
}

static void span_flush(FILE *out, struct span *s)
{
	if (s->ink) {
		char dir = s->dir;
		if (dir == 'h' && s->left > s->right)
			dir = 'r';
		fprintf(out, "span %d %.2f %.2f %.2f %.2f %.2f %.2f %c ", s->font, s->size, s->x0, s->y0,
		        s->x1, s->y1, s->base, dir);
		fwrite(s->text, 1, s->n, out);
		fputc('\n', out);
	}
	s->n = 0;
	s->ink = s->space = s->left = s->right = s->step = 0;
}

static void char_box(const fz_stext_char *c, float *x0, float *y0, float *x1, float *y1)
{
	fz_rect r = fz_rect_from_quad(c->quad);
	*x0 = r.x0;
	*y0 = r.y0;
	*x1 = r.x1;
	*y1 = r.y1;
}

static int cmp_gap(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return (x > y) - (x < y);
}

/* The gap a line's glyphs usually leave between them: none in most text, the spread of a
 * justified line of Chinese (where every glyph moves apart, Latin ones too). */
static float usual_gap(fz_stext_char **v, size_t n)
{
	float g[63];
	int k = 0;
	fz_stext_char *prev = NULL;
	for (size_t i = 0; i < n && k < 63; i++) {
		fz_stext_char *c = v[i];
		if (c->c == ' ')
			continue;
		if (prev && prev->size == c->size && prev->origin.y == c->origin.y) {
			fz_rect a = fz_rect_from_quad(prev->quad), b = fz_rect_from_quad(c->quad);
			g[k++] = glyph_gap(a.x0, a.x1, b.x0, b.x1);
		}
		prev = c;
	}
	if (!k)
		return 0;
	if ((size_t)k > 1)
		qsort(g, (size_t)k, sizeof *g, cmp_gap);
	return g[k / 2] > 0 ? g[k / 2] : 0;
}

static int mark_char(int c)
{
	return ucdn_get_general_category((uint32_t)c) == UCDN_GENERAL_CATEGORY_MN;
}

/* A glyph and where it goes in the line's visual order. */
struct placed {
	fz_stext_char *c;
	float key;          /* its centre; a mark takes its letter's */
	size_t order;       /* its place in the content, a mark just after its letter */
};

static int cmp_placed(const void *a, const void *b)
{
	const struct placed *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

static float centre(const fz_stext_char *c)
{
	fz_rect r = fz_rect_from_quad(c->quad);
	return (r.x0 + r.x1) / 2;
}

/* The line's characters (those the stream carries), in the order to read them into spans:
 * as the page wrote them; or, for a line with right-to-left script, left to right on the
 * page, each mark after its letter. Producers write such lines in every order (logical runs
 * set leftwards, visual runs, numbers inside running the other way): the page's geometry is
 * the one order they share, and the layout turns it into reading order. Returns the count
 * (*out: caller frees), or -1 when out of memory. */
static long line_chars(fz_stext_line *line, fz_stext_char ***out)
{
	size_t n = 0, rtl = 0;
	float last = -1e30f;
	for (fz_stext_char *c = line->first_char; c; c = c->next)
		if (stream_char(c->c)) {
			n++;
			rtl += rtl_char(c->c);
			/* glyphs written leftwards ("(12)" set right to left alone on its line):
			 * the line is put in visual order too */
			fz_rect r = fz_rect_from_quad(c->quad);
			if (c->c != ' ' && (r.x0 + r.x1) / 2 < last - 0.5f * c->size)
				rtl++;
			if (c->c != ' ')
				last = (r.x0 + r.x1) / 2;
		}
	fz_stext_char **v = malloc((n ? n : 1) * sizeof *v);
	struct placed *p = rtl ? malloc((n ? n : 1) * sizeof *p) : NULL;
	if (!v || (rtl && !p)) {
		free(v);
		free(p);
		return -1;
	}
	size_t k = 0;
	for (fz_stext_char *c = line->first_char; c; c = c->next)
		if (stream_char(c->c))
			v[k++] = c;
	if (rtl) {
		for (size_t i = 0; i < n; i++) {
			p[i].c = v[i];
			p[i].key = centre(v[i]);
			p[i].order = 2 * i;
		}
		/* A mark goes with its letter: the one after it in the content where the page
		 * writes right-to-left text in visual order (a shaper puts marks before their
		 * letter then), the one before it where it writes it in logical order. Which,
		 * the letters around it tell: the next one to the right of the one before means
		 * visual order. */
		for (size_t i = 0; i < n; i++) {
			if (!mark_char(v[i]->c))
				continue;
			long a = (long)i - 1, b = (long)i + 1;
			while (a >= 0 && (mark_char(v[a]->c) || v[a]->c == ' '))
				a--;
			while ((size_t)b < n && mark_char(v[b]->c))
				b++;
			long best = a;
			if ((size_t)b < n && v[b]->c != ' '
			    && (a < 0 || centre(v[b]) > centre(v[a])))
				best = b;
			if (best >= 0) {
				p[i].key = p[best].key;
				p[i].order = p[best].order + 1;
			}
		}
		if (n > 1)
			qsort(p, n, sizeof *p, cmp_placed);
		for (size_t i = 0; i < n; i++)
			v[i] = p[i].c;
		free(p);
	}
	*out = v;
	return (long)n;
}

/* One line of MuPDF's structured text -> spans. Spaces are the document's own space glyphs
 * and the gaps between words (MuPDF's own guesses are turned off: they miss the spaces of
 * text set right to left and add some inside justified Chinese). */
static int line_spans(fz_context *ctx, FILE *out, struct fonts *fonts, struct span *s,
                      fz_stext_line *line)
{
	char dir = line->wmode == 0 && line->dir.x > 0.9f && line->dir.y < 0.1f && line->dir.y > -0.1f
	           ? 'h' : 'v';
	fz_stext_char **v;
	long nv = line_chars(line, &v);
	if (nv < 0)
		return -1;
	float usual = usual_gap(v, (size_t)nv);
	int last = 0;
	for (long i = 0; i < nv; i++) {
		fz_stext_char *c = v[i];
		int ch = stream_char(c->c);
		int id = font_id(ctx, out, fonts, c->font);
		if (id < 0) {
			free(v);
			return -1;
		}
		float x0, y0, x1, y1;
		char_box(c, &x0, &y0, &x1, &y1);
		if (ch == ' ') {
			s->space = s->ink;
			continue;
		}
		if (s->ink && mark_char(ch)) {
			/* a mark set on the letter before: its text, not its place */
			char b[8];
			int k = fz_runetochar(b, ch);
			if (span_put(s, b, (size_t)k)) {
				free(v);
				return -1;
			}
			continue;
		}
		float gap = s->ink ? glyph_gap(s->last_x0, s->last_x1, x0, x1) : 0;
		/* Glyphs that go back against the way the span runs, or overlap the one before,
		 * are text of the other direction set inside it ("(10)" in Arabic, whose digits
		 * run left to right): a span of its own, so that every span's glyphs run one way
		 * and the layout can put them in reading order. */
		int step = s->ink ? (x0 + x1 >= s->last_x0 + s->last_x1 ? 1 : -1) : 0;
		int turn = s->ink && ((s->step && step != s->step) || gap < -0.3f * c->size);
		if (s->ink && (id != s->font || c->size - s->size > 0.05f || s->size - c->size > 0.05f
		               || c->origin.y - s->base > 0.05f || s->base - c->origin.y > 0.05f
		               || gap > 0.75f * c->size + usual || turn))
			span_flush(out, s);
		else if (s->ink)
			s->step = step;
		if (!s->ink) {
			s->font = id;
			s->size = c->size;
			s->base = c->origin.y;
			s->x0 = x0;
			s->y0 = y0;
			s->x1 = x1;
			s->y1 = y1;
			s->dir = dir;
		} else {
			if (x1 >= s->last_x1)
				s->right++;
			else
				s->left++;
			float need = cjk_char(ch) || cjk_char(last) ? 0.6f * c->size : 0.15f * c->size;
			if (gap > need + usual)
				s->space = 1;
		}
		if (s->space && span_put(s, " ", 1)) {
			free(v);
			return -1;
		}
		s->space = 0;
		char b[8];
		int k = fz_runetochar(b, ch);
		if (span_put(s, b, (size_t)k)) {
			free(v);
			return -1;
		}
		s->ink = 1;
		last = ch;
		s->last_x0 = x0;
		s->last_x1 = x1;
		if (x0 < s->x0)
			s->x0 = x0;
		if (x1 > s->x1)
			s->x1 = x1;
		if (y0 < s->y0)
			s->y0 = y0;
		if (y1 > s->y1)
			s->y1 = y1;
	}
	free(v);
	span_flush(out, s);
	return 0;
}

/* ---- rules: the lines a page draws ---- */

/* Thin horizontal lines drawn on a page (a footnote separator, a rule under a heading): the
 * structured text does not hold drawings, so a device in front of it notes them and passes
 * everything else on. */
#define MAX_RULES 64

struct tee {
	fz_device super;
	fz_device *text;
	fz_rect rules[MAX_RULES];
	int nrules;
};

static void note_rule(struct tee *t, fz_rect r, float thick)
{
	if (r.y1 - r.y0 <= thick && r.x1 - r.x0 >= 20 && t->nrules < MAX_RULES)
		t->rules[t->nrules++] = r;
}

static void tee_fill_path(fz_context *ctx, fz_device *dev, const fz_path *path, int even_odd,
                          fz_matrix ctm, fz_colorspace *cs, const float *color, float alpha,
                          fz_color_params cp)
{
	(void)even_odd, (void)cs, (void)color, (void)alpha, (void)cp;
	note_rule((struct tee *)dev, fz_bound_path(ctx, path, NULL, ctm), 2.5f);
}

static void tee_stroke_path(fz_context *ctx, fz_device *dev, const fz_path *path,
                            const fz_stroke_state *st, fz_matrix ctm, fz_colorspace *cs,
                            const float *color, float alpha, fz_color_params cp)
{
	(void)cs, (void)color, (void)alpha, (void)cp;
	/* the line itself, then its width (the stroke's own bounds allow for mitres) */
	fz_rect r = fz_bound_path(ctx, path, NULL, ctm);
	float w = (st ? st->linewidth : 1) * fz_matrix_expansion(ctm) / 2;
	r.y0 -= w;
	r.y1 += w;
	note_rule((struct tee *)dev, r, 3.0f);
}

static void tee_fill_text(fz_context *ctx, fz_device *dev, const fz_text *text, fz_matrix ctm,
                          fz_colorspace *cs, const float *color, float alpha, fz_color_params cp)
{
	fz_device *t = ((struct tee *)dev)->text;
	t->fill_text(ctx, t, text, ctm, cs, color, alpha, cp);
}

static void tee_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *text,
                            const fz_stroke_state *st, fz_matrix ctm, fz_colorspace *cs,
                            const float *color, float alpha, fz_color_params cp)
{
	fz_device *t = ((struct tee *)dev)->text;
	t->stroke_text(ctx, t, text, st, ctm, cs, color, alpha, cp);
}

static void tee_clip_text(fz_context *ctx, fz_device *dev, const fz_text *text, fz_matrix ctm,
                          fz_rect scissor)
{
	fz_device *t = ((struct tee *)dev)->text;
	t->clip_text(ctx, t, text, ctm, scissor);
}

static void tee_clip_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *text,
                                 const fz_stroke_state *st, fz_matrix ctm, fz_rect scissor)
{
	fz_device *t = ((struct tee *)dev)->text;
	t->clip_stroke_text(ctx, t, text, st, ctm, scissor);
}

static void tee_ignore_text(fz_context *ctx, fz_device *dev, const fz_text *text, fz_matrix ctm)
{
	fz_device *t = ((struct tee *)dev)->text;
	t->ignore_text(ctx, t, text, ctm);
}

static void tee_fill_image(fz_context *ctx, fz_device *dev, fz_image *img, fz_matrix ctm,
                           float alpha, fz_color_params cp)
{
	fz_device *t = ((struct tee *)dev)->text;
	t->fill_image(ctx, t, img, ctm, alpha, cp);
}

static void tee_fill_image_mask(fz_context *ctx, fz_device *dev, fz_image *img, fz_matrix ctm,
                                fz_colorspace *cs, const float *color, float alpha,
                                fz_color_params cp)
{
	fz_device *t = ((struct tee *)dev)->text;
	t->fill_image_mask(ctx, t, img, ctm, cs, color, alpha, cp);
}

static struct tee *tee_new(fz_context *ctx, fz_device *text)
{
	struct tee *t = fz_new_derived_device(ctx, struct tee);
	t->text = text;
	t->super.fill_path = tee_fill_path;
	t->super.stroke_path = tee_stroke_path;
	/* what the text device reads goes on to it */
	if (text->fill_text)
		t->super.fill_text = tee_fill_text;
	if (text->stroke_text)
		t->super.stroke_text = tee_stroke_text;
	if (text->clip_text)
		t->super.clip_text = tee_clip_text;
	if (text->clip_stroke_text)
		t->super.clip_stroke_text = tee_clip_stroke_text;
	if (text->ignore_text)
		t->super.ignore_text = tee_ignore_text;
	if (text->fill_image)
		t->super.fill_image = tee_fill_image;
	if (text->fill_image_mask)
		t->super.fill_image_mask = tee_fill_image_mask;
	return t;
}

/* One page: its text and pictures. Throws on MuPDF errors. */
static void page_out(fz_context *ctx, fz_document *doc, int no, FILE *out, struct fonts *fonts,
                     struct span *s)
{
	fz_page *page = NULL;
	fz_stext_page *text = NULL;
	fz_device *dev = NULL;
	struct tee *tee = NULL;
	fz_var(page);
	fz_var(text);
	fz_var(dev);
	fz_var(tee);
	s->n = 0;
	s->ink = s->space = s->left = s->right = s->step = 0;
	fz_try(ctx) {
		page = fz_load_page(ctx, doc, no - 1);
		fz_rect box = fz_bound_page(ctx, page);
		fz_stext_options opts;
		memset(&opts, 0, sizeof opts);
		opts.flags = FZ_STEXT_PRESERVE_IMAGES | FZ_STEXT_INHIBIT_SPACES;
		text = fz_new_stext_page(ctx, box);
		dev = fz_new_stext_device(ctx, text, &opts);
		tee = tee_new(ctx, dev);
		fz_run_page(ctx, page, &tee->super, fz_identity, &cookie);
		fz_close_device(ctx, &tee->super);
		fz_close_device(ctx, dev);
		if (cookie.abort)
			fz_throw(ctx, FZ_ERROR_ABORT, "timeout");
		fonts->n = 0;
		fprintf(out, "page %d %.2f %.2f\n", no, box.x1 - box.x0, box.y1 - box.y0);
		for (fz_stext_block *b = text->first_block; b; b = b->next) {
			if (b->type == FZ_STEXT_BLOCK_IMAGE) {
				fprintf(out, "image %.2f %.2f %.2f %.2f\n", b->bbox.x0, b->bbox.y0,
				        b->bbox.x1, b->bbox.y1);
				continue;
			}
			if (b->type != FZ_STEXT_BLOCK_TEXT)
				continue;
			for (fz_stext_line *l = b->u.t.first_line; l; l = l->next)
				if (line_spans(ctx, out, fonts, s, l) < 0)
					fz_throw(ctx, FZ_ERROR_MEMORY, "out of memory");
		}
		for (int i = 0; i < tee->nrules; i++)
			fprintf(out, "rule %.2f %.2f %.2f %.2f\n", tee->rules[i].x0, tee->rules[i].y0,
			        tee->rules[i].x1, tee->rules[i].y1);
		fputs("end\n", out);
	}
	fz_always(ctx) {
		fz_drop_device(ctx, tee ? &tee->super : NULL);
		fz_drop_device(ctx, dev);
		fz_drop_stext_page(ctx, text);
		fz_drop_page(ctx, page);
	}
	fz_catch(ctx)
		fz_rethrow(ctx);
}

/* The error line for what stopped the reading. */
static void fail(FILE *out, fz_context *ctx, const struct counted *m, const char *what)
{
	if (timed_out)
		fputs("error timeout the PDF took too long to read\n", out);
	else if (m->over)
		fputs("error large the PDF needs more memory than allowed\n", out);
	else {
		const char *msg = ctx ? fz_caught_message(ctx) : "cannot start MuPDF";
		fprintf(out, "error damaged %s: ", what);
		for (const char *p = msg; *p; p++)
			fputc((unsigned char)*p < ' ' || *p == 0x7f ? ' ' : *p, out);
		fputc('\n', out);
	}
}

int pdf_mupdf_extract(FILE *out, const char *path, const unsigned char *buf, size_t len,
                      const struct pdf_limits *lim)
{
	struct counted mem = { 0, lim->max_mem, 0 };
	fz_alloc_context alloc = { &mem, count_malloc, count_realloc, count_free };
	size_t store = lim->max_mem ? lim->max_mem / 4 : FZ_STORE_DEFAULT;
	memset(&cookie, 0, sizeof cookie);
	timed_out = 0;
	fputs("gavel-pdf 1\n", out);
	fz_context *ctx = fz_new_context(&alloc, NULL, store);
	if (!ctx) {
		fail(out, NULL, &mem, "open");
		return 1;
	}
	fz_set_warning_callback(ctx, quiet, NULL);
	fz_set_error_callback(ctx, quiet, NULL);
	struct sigaction old;
	if (lim->max_ms > 0)
		timer_arm(lim->max_ms, &old);
	struct fonts fonts = { NULL, 0, 0 };
	struct span s;
	memset(&s, 0, sizeof s);
	fz_stream *stm = NULL;
	fz_document *doc = NULL;
	int rc = 0;
	int np = 0, tree = 0;
	fz_var(stm);
	fz_var(doc);
	fz_var(np);
	fz_var(tree);
	fz_try(ctx) {
		stm = path ? fz_open_file(ctx, path) : fz_open_memory(ctx, buf, len);
		doc = (fz_document *)pdf_open_document_with_stream(ctx, stm);
		if (fz_needs_password(ctx, doc) && !fz_authenticate_password(ctx, doc, ""))
			fz_throw(ctx, FZ_ERROR_GENERIC, "password");
		np = fz_count_pages(ctx, doc);
		fprintf(out, "pages %d\n", np);
		/* a map of the page tree: looking each page up by walking the tree made a long
		 * document quadratic (20,000 pages: four minutes); the first pages alone (an
		 * opening) are found as fast without it, and the map would load every page's
		 * object first */
		if (np > 64 && (lim->max_pages == 0 || lim->max_pages > 64)
		    && !(lim->opening > 0 && lim->opening < np)) {
			pdf_load_page_tree(ctx, (pdf_document *)doc);
			tree = 1;
		}
	}
	fz_catch(ctx) {
		if (!timed_out && !mem.over && strcmp(fz_caught_message(ctx), "password") == 0)
			fputs("error encrypted the PDF is protected by a password\n", out);
		else
			fail(out, ctx, &mem, "cannot open it");
		rc = 1;
	}
	volatile int last = lim->max_pages > 0 && lim->max_pages < np ? lim->max_pages : np;
	for (volatile int no = 1; rc == 0 && no <= last; no++) {
		if (no > 1 && no - 1 == lim->opening && lim->go_on) {
			/* the opening's pages are out: the rest only when asked for, and then with
			 * the page tree's map the opening did without (on a tree too damaged to
			 * map, pages are found by walking it, as the opening's were) */
			fflush(out);
			if (!lim->go_on())
				break;
			if (np > 64 && lim->max_pages == 0 && !tree) {
				fz_try(ctx) {
					pdf_load_page_tree(ctx, (pdf_document *)doc);
					tree = 1;
				}
				fz_catch(ctx) {
					if (timed_out || mem.over) {
						fail(out, ctx, &mem, "page");
						rc = 1;
						break;
					}
				}
			}
		}
		fz_try(ctx)
			page_out(ctx, doc, no, out, &fonts, &s);
		fz_catch(ctx) {
			if (timed_out || mem.over) {
				fail(out, ctx, &mem, "page");
				rc = 1;
			} else {
				/* one broken page does not lose the others */
				fprintf(out, "skip %d\n", no);
			}
		}
	}
	if (lim->max_ms > 0)
		timer_disarm(&old);
	if (lim->exit_when_done)
		_exit(fflush(out) == 0 ? rc : EX_IOERR);
	if (tree)
		pdf_drop_page_tree(ctx, (pdf_document *)doc);
	fz_drop_document(ctx, doc);
	fz_drop_stream(ctx, stm);
	fz_drop_context(ctx);
	free(fonts.v);
	free(s.text);
	return rc;
}
