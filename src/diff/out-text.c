/* out-text.c: the redline on a terminal or in a pipe. Each paragraph's text is built once
 * with an attribute per byte (kept, deleted, inserted), wrapped by display width beside a
 * label gutter, then written with colours (Word's convention: deletions struck through in red,
 * insertions underlined in green) or, without colour, with wdiff's [-...-] and {+...+}, which
 * read the same in any pager or mail. Unchanged paragraphs fold into one line unless asked. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "diff/out.h"
#include "text/bidi.h"
#include "text/utf8.h"
#include "text/wrap.h"

enum { AT_KEPT, AT_DEL, AT_INS, AT_MASK = 3,
       AT_OPEN = 0x10,    /* the bytes of "[-" and "{+": no line break after them */
       AT_CLOSE = 0x20 }; /* those of "-]" and "+}": none before */

static const char *const sgr_attr[] = { "\033[0m", "\033[0;9;31m", "\033[0;4;32m" };
#define SGR_RESET "\033[0m"
#define SGR_BOLD "\033[1m"
#define SGR_DIM "\033[2m"

/* Text with one attribute per byte. */
struct tbuf {
	char *s;
	unsigned char *a;
	size_t len, cap;
};

static int tb_add(struct tbuf *b, const char *s, size_t n, unsigned char attr)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *ns = realloc(b->s, cap);
		if (!ns)
			return -1;
		b->s = ns;
		unsigned char *na = realloc(b->a, cap);
		if (!na)
			return -1;
		b->a = na;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	memset(b->a + b->len, attr, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

static int tb_addz(struct tbuf *b, const char *s, unsigned char attr)
{
	return tb_add(b, s, strlen(s), attr);
}

/* A group's text and markers, as they are shown. */
static int group_text(const struct rl_entry *e, const struct rl_group *g, struct tbuf *b,
                      unsigned char attr)
{
	for (size_t k = g->from; k < g->to; k++) {
		const struct rl_seg *s = &e->segs[k];
		int rc;
		if (s->text) {
			rc = tb_add(b, s->text, s->len, attr);
		} else {
			char mk[24];
			snprintf(mk, sizeof mk, "[%d]", rl_marker_num(s));
			rc = tb_addz(b, mk, attr);
		}
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* The entry's text with its changes marked. A change's spaces at either end go outside the
 * marks ("{+urgent+} measures", as wdiff writes it). */
static int entry_text(const struct rl_entry *e, int color, struct tbuf *b)
{
	size_t at = 0;
	struct rl_group g;
	struct tbuf t = { 0 };
	int rc = 0;
	while (rc == 0 && rl_next_group(e, &at, &g)) {
		if (g.op == RL_EQ) {
			rc = group_text(e, &g, b, AT_KEPT);
			continue;
		}
		if (rl_group_blank(e, &g)) {
			/* white space for white space: nothing to see; the new space, plainly */
			if (g.op == RL_INS && !(b->len && b->s[b->len - 1] == ' '))
				rc = tb_addz(b, " ", AT_KEPT);
			continue;
		}
		t.len = 0;
		unsigned char attr = g.op == RL_DEL ? AT_DEL : AT_INS;
		if ((rc = group_text(e, &g, &t, attr)) < 0 || t.len == 0)
			continue;
		size_t lead = 0, trail = t.len;
		while (lead < t.len && t.s[lead] == ' ')
			lead++;
		while (trail > lead && t.s[trail - 1] == ' ')
			trail--;
		/* one space between words, though both the kept text and the change bring one */
		rc = (b->len && b->s[b->len - 1] == ' ') ? 0 : tb_add(b, t.s, lead, AT_KEPT);
		if (rc == 0 && !color)
			rc = tb_addz(b, g.op == RL_DEL ? "[-" : "{+", attr | AT_OPEN);
		if (rc == 0)
			rc = tb_add(b, t.s + lead, trail - lead, attr);
		if (rc == 0 && !color)
			rc = tb_addz(b, g.op == RL_DEL ? "-]" : "+}", attr | AT_CLOSE);
		if (rc == 0)
			rc = tb_add(b, t.s + trail, t.len - trail, AT_KEPT);
	}
	free(t.s);
	free(t.a);
	return rc;
}

struct tout {
	FILE *f;
	const struct rl_out_opts *o;
	int gutter;             /* columns of the label gutter */
};

static void spaces(FILE *f, int n)
{
	for (; n > 0; n--)
		fputc(' ', f);
}

/* Writes bytes [from, to) of b, switching colours where the attribute changes. */
static int write_attr(const struct tout *t, const struct tbuf *b, size_t from, size_t to)
{
	int cur = AT_KEPT, rc = 0;
	for (size_t k = from; k < to && rc == 0;) {
		size_t e = k;
		int at = b->a[k] & AT_MASK;
		while (e < to && (b->a[e] & AT_MASK) == at)
			e++;
		if (t->o->color && at != cur) {
			fputs(sgr_attr[at], t->f);
			cur = at;
		}
		rc = utf8_write_safe(t->f, b->s + k, e - k);
		k = e;
	}
	if (t->o->color && cur != AT_KEPT)
		fputs(SGR_RESET, t->f);
	return rc;
}

/* One line of right-to-left text in the order a terminal draws it, colours following the
 * characters they belong to. */
static int write_visual(const struct tout *t, const struct tbuf *b, size_t from, size_t to,
                        enum bidi_dir dir)
{
	size_t vl, *log;
	char *v = bidi_visual(b->s + from, to - from, dir, &vl, &log);
	if (!v)
		return -1;
	struct tbuf vb = { v, malloc(vl + 1), vl, vl + 1 };
	if (!vb.a) {
		free(v);
		free(log);
		return -1;
	}
	for (size_t k = 0; k < vl; k++)
		vb.a[k] = b->a[from + log[k]];
	int rc = write_attr(t, &vb, 0, vl);
	free(v);
	free(vb.a);
	free(log);
	return rc;
}

static const char *label_color(const struct rl_entry *e)
{
	if (e->status == RL_NEW)
		return "\033[1;32m";
	if (e->status == RL_DELETED)
		return "\033[1;31m";
	if (e->moved)
		return "\033[1;33m";
	return SGR_BOLD;
}

/* The gutter label: the paragraph's label, and what happened when the text does not say. */
static const char *gutter_label(const struct redline *rl, const struct rl_entry *e, char *buf,
                                size_t size)
{
	char l[160];
	rl_entry_label(rl, e, l, sizeof l);
	const char *what = e->status == RL_NEW ? " (new)" : e->status == RL_DELETED ? " (deleted)"
	                 : e->status == RL_MOVED_AWAY ? "" : e->moved ? " (moved)" : "";
	snprintf(buf, size, "%s%s", l, what);
	return buf;
}

/* Writes b wrapped to `avail` columns, every line but the first (already placed) indented
 * by `col`. Frees nothing; b is the caller's. */
static int write_block(const struct tout *t, const struct tbuf *b, int col, int avail)
{
	FILE *f = t->f;
	/* Wrapped as if the marks were brackets, which hold to the word they enclose (a line
	 * never starts with "+}", even in Chinese, where a line may break between any two
	 * characters). */
	char *w = malloc(b->len + 1);
	if (!w)
		return -1;
	for (size_t k = 0; k < b->len; k++)
		w[k] = b->a[k] & AT_OPEN ? '(' : b->a[k] & AT_CLOSE ? ')' : b->s[k];
	w[b->len] = '\0';
	struct wrap_line *lines = NULL;
	int nl = text_wrap(w, b->len, avail, &lines);
	free(w);
	if (nl < 0)
		return -1;
	int rc = 0;
	enum bidi_dir dir = bidi_direction(b->s, b->len);
	for (int k = 0; k < nl && rc == 0; k++) {
		if (k)
			spaces(f, col);
		size_t s = lines[k].start, z = lines[k].end;
		if (t->o->visual && bidi_has_rtl(b->s + s, z - s)) {
			if (dir == BIDI_RTL)
				spaces(f, avail - lines[k].width);
			rc = write_visual(t, b, s, z, dir);
		} else {
			rc = write_attr(t, b, s, z);
		}
		fputc('\n', f);
	}
	free(lines);
	return rc;
}

/* A note carried from the old resolution: "✎ from A/RES/76/172 OP 14: “quote” note". */
static int write_note(const struct tout *t, const struct rl_note *n, int col, int avail)
{
	struct tbuf b = { 0 };
	int rc = tb_addz(&b, "\xE2\x9C\x8E from ", AT_KEPT);
	if (rc == 0)
		rc = tb_addz(&b, n->from ? n->from : "", AT_KEPT);
	if (rc == 0 && n->status != RL_CARRIED) {
		rc = tb_addz(&b, n->status == RL_LEFT_BEHIND ? " (left behind: its paragraph was deleted)"
		                                             : " (its words changed)", AT_KEPT);
	}
	if (rc == 0)
		rc = tb_addz(&b, ":", AT_KEPT);
	if (rc == 0 && n->quote && *n->quote) {
		rc = tb_addz(&b, " \xE2\x80\x9C", AT_KEPT);
		if (rc == 0)
			rc = tb_addz(&b, n->quote, AT_KEPT);
		if (rc == 0)
			rc = tb_addz(&b, "\xE2\x80\x9D", AT_KEPT);
	}
	if (rc == 0 && n->note && *n->note) {
		rc = tb_addz(&b, n->quote && *n->quote ? " \xE2\x80\x94 " : " ", AT_KEPT);
		if (rc == 0)
			rc = tb_addz(&b, n->note, AT_KEPT);
	}
	if (rc == 0) {
		spaces(t->f, col);
		if (t->o->color)
			fputs("\033[36m", t->f);
		/* a note's own line ends are spaces here: one note, one block */
		for (size_t k = 0; k < b.len; k++)
			if (b.s[k] == '\n')
				b.s[k] = ' ';
		rc = write_block(t, &b, col, avail);
		if (t->o->color)
			fputs(SGR_RESET, t->f);
	}
	free(b.s);
	free(b.a);
	return rc;
}

static int write_entry(const struct tout *t, const struct redline *rl, size_t k)
{
	const struct rl_entry *e = &rl->e[k];
	FILE *f = t->f;
	char label[200];
	gutter_label(rl, e, label, sizeof label);
	int lw = text_width(label, strlen(label));
	if (t->o->color)
		fputs(label_color(e), f);
	utf8_write_safe(f, label, strlen(label));
	if (t->o->color)
		fputs(SGR_RESET, f);
	int col = t->gutter, avail = t->o->width - col;
	if (avail < 20)
		col = 0, avail = t->o->width;
	if (lw + 1 > col) {
		fputc('\n', f);
		spaces(f, col);
	} else {
		spaces(f, col - lw);
	}
	struct tbuf b = { 0 };
	int rc = 0;
	if (e->status == RL_MOVED_AWAY) {
		char to[160];
		snprintf(to, sizeof to, "(moved to %s)", res_label(rl->new, e->new));
		rc = tb_addz(&b, to, AT_KEPT);
	} else {
		rc = entry_text(e, t->o->color, &b);
	}
	if (rc == 0 && b.len == 0)
		rc = tb_addz(&b, "", AT_KEPT);
	if (rc == 0)
		rc = write_block(t, &b, col, avail);
	free(b.s);
	free(b.a);
	const struct rl_note *n;
	size_t nn = rl_notes_of(t->o, k, &n);
	for (size_t j = 0; j < nn && rc == 0; j++)
		rc = write_note(t, &n[j], col, avail);
	return rc;
}

/* A run of unchanged paragraphs as one line: "... PP 2-PP 4 unchanged (were PP 3-PP 5)". */
static void write_fold(const struct tout *t, const struct redline *rl, size_t from, size_t to)
{
	const struct rl_entry *a = &rl->e[from], *z = &rl->e[to - 1];
	char line[400];
	size_t n = to - from;
	const char *na = res_label(rl->new, a->new), *nz = res_label(rl->new, z->new);
	int at = n == 1 ? snprintf(line, sizeof line, "\xE2\x8B\xAF %s unchanged", na)
	                : snprintf(line, sizeof line, "\xE2\x8B\xAF %s\xE2\x80\x93%s: %zu unchanged",
	                           na, nz, n);
	if (a->renumbered || z->renumbered) {
		const char *oa = res_label(rl->old, a->old), *oz = res_label(rl->old, z->old);
		if (n == 1)
			snprintf(line + at, sizeof line - (size_t)at, " (was %s)", oa);
		else
			snprintf(line + at, sizeof line - (size_t)at, " (were %s\xE2\x80\x93%s)", oa, oz);
	}
	if (t->o->color)
		fputs(SGR_DIM, t->f);
	utf8_write_safe(t->f, line, strlen(line));
	if (t->o->color)
		fputs(SGR_RESET, t->f);
	fputc('\n', t->f);
}

static void write_head(const struct tout *t, const struct redline *rl, int new_side)
{
	const struct resolution *r = new_side ? rl->new : rl->old;
	const char *name = rl_name(rl, new_side, t->o);
	char line[600];
	snprintf(line, sizeof line, "%s %s%s%s%s%s", new_side ? "+++" : "---", name,
	         r->meta.adopted ? " of " : "", r->meta.adopted ? r->meta.adopted : "",
	         r->meta.title ? "  " : "", r->meta.title ? r->meta.title : "");
	if (t->o->color)
		fputs(new_side ? "\033[1;32m" : "\033[1;31m", t->f);
	utf8_write_safe(t->f, line, strlen(line));
	if (t->o->color)
		fputs(SGR_RESET, t->f);
	fputc('\n', t->f);
}

static void write_summary(const struct tout *t, const struct redline *rl)
{
	char c[256];
	int sections = 0;
	for (int s = 0; s < RL_NSECTIONS; s++) {
		const struct rl_count *k = &rl->count[s];
		sections += (k->same + k->changed + k->moved + k->added + k->deleted) > 0;
	}
	if (t->o->color)
		fputs(SGR_BOLD, t->f);
	char head[300];
	snprintf(head, sizeof head, "%s \xE2\x86\x92 %s: ", rl_name(rl, 0, t->o),
	         rl_name(rl, 1, t->o));
	utf8_write_safe(t->f, head, strlen(head));
	fputs(rl_count_text(&rl->total, c, sizeof c), t->f);
	if (t->o->color)
		fputs(SGR_RESET, t->f);
	fputc('\n', t->f);
	for (int s = 0; s < RL_NSECTIONS && sections > 1; s++) {
		const struct rl_count *k = &rl->count[s];
		if (k->same + k->changed + k->moved + k->added + k->deleted == 0)
			continue;
		fprintf(t->f, "  %s: %s\n", redline_section_name((enum rl_section)s),
		        rl_count_text(k, c, sizeof c));
	}
}

static int gutter_width(const struct redline *rl, int width)
{
	int w = 0;
	char label[200];
	for (size_t k = 0; k < rl->n; k++) {
		gutter_label(rl, &rl->e[k], label, sizeof label);
		int lw = text_width(label, strlen(label));
		if (lw > w)
			w = lw;
	}
	w += 2;
	int cap = width / 4 > 12 ? width / 4 : 12;
	return w > cap ? cap : w;
}

/* Whether entry k goes into a folded run: unchanged, in order, and without notes. */
static int folds(const struct redline *rl, const struct rl_out_opts *o, size_t k)
{
	const struct rl_note *n;
	return rl->e[k].status == RL_SAME && !rl->e[k].moved && !rl_notes_of(o, k, &n);
}

int rl_write_text(FILE *f, const struct redline *rl, const struct rl_out_opts *o)
{
	struct rl_out_opts oo = *o;
	if (oo.width < 20)
		oo.width = 20;
	struct tout t = { f, &oo, gutter_width(rl, oo.width) };
	int rc = 0;
	if (!o->summary_only) {
		write_head(&t, rl, 0);
		write_head(&t, rl, 1);
		fputc('\n', f);
		for (size_t k = 0; k < rl->n && rc == 0;) {
			if (k)
				fputc('\n', f);      /* a blank line between paragraphs, as gavel show */
			if (!o->all && folds(rl, o, k)) {
				size_t z = k;
				while (z < rl->n && folds(rl, o, z))
					z++;
				write_fold(&t, rl, k, z);
				k = z;
				continue;
			}
			rc = write_entry(&t, rl, k);
			k++;
		}
		fputc('\n', f);
	}
	write_summary(&t, rl);
	return rc || ferror(f) ? -1 : 0;
}
