/* out-docx.c: the redline as a Word document whose every change is a tracked revision, the
 * form in which delegations exchange drafts: accepting all gives the new resolution, rejecting
 * all the old, each with its paragraph numbers and footnotes.
 *
 * Kept words are plain runs, deleted ones w:del (w:delText), inserted ones w:ins; a paragraph
 * only in one text has its paragraph mark tracked too, so accepting or rejecting removes it
 * whole. A moved paragraph, or a pair whose numbering level or style differs, is deleted where
 * it stood and inserted where it stands. Paragraph numbers are Word's own lists (decimal "1.",
 * then "(a)", then "(i)") where both texts number that way, so they renumber themselves when
 * changes are accepted or rejected; elsewhere the numbers are text, changed as text. Every
 * footnote marker is a footnote reference whose footnote holds the footnote's own redline. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff/out.h"
#include "diff/zip.h"
#include "text/utf8.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define MAX_LEVEL 2             /* levels Word numbers here: 1. (a) (i) */

enum mode { M_AS_IS, M_ALL_INS, M_ALL_DEL };

struct scope_state {
	int key;                /* numbering scope (see scope_key), 0 for none */
	int numid;              /* its w:num, 0 while unknown */
	int auto_ok;            /* both texts number it as Word would */
};

struct dx {
	const struct redline *rl;
	FILE *doc, *fn;         /* document.xml and footnotes.xml bodies, in memory */
	char *docbuf, *fnbuf;
	size_t doclen, fnlen;
	int rev;                /* next revision id */
	int fnid;               /* next footnote id */
	char date[40];          /* ' w:date="..."' or "" */
	struct scope_state *sc;
	size_t nsc;
	int nnum;               /* w:num instances made */
	char *fn_used;          /* per new/old footnote entry: referenced from the body */
	int custom_marks;       /* markers are typed numbers, not Word's own footnote count */
};

/* ---- XML text ---- */

static void xml_text(FILE *f, const char *s, size_t n)
{
	for (size_t k = 0; k < n;) {
		/* a run of printable ASCII that needs no escaping, written at once */
		size_t e = k;
		while (e < n && (unsigned char)s[e] >= 0x20 && (unsigned char)s[e] < 0x7F &&
		       s[e] != '<' && s[e] != '>' && s[e] != '&' && s[e] != '"')
			e++;
		if (e > k) {
			fwrite(s + k, 1, e - k, f);
			k = e;
			continue;
		}
		uint32_t c;
		size_t cl = utf8_decode(s + k, n - k, &c);
		if (c == '\t' || c == '\n' || c == '\r')
			c = ' ';
		if (utf8_is_control(c) || c == 0xFFFE || c == 0xFFFF)
			c = 0xFFFD;
		switch (c) {
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '&':
			fputs("&amp;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		default:
			if (c == 0xFFFD || c == ' ') {
				char b[4];
				fwrite(b, 1, utf8_encode(c, b), f);
			} else {
				fwrite(s + k, 1, cl, f);
			}
		}
		k += cl;
	}
}

static void xml_str(FILE *f, const char *s)
{
	xml_text(f, s, strlen(s));
}

/* ---- Revisions and runs ---- */

static void rev_open(struct dx *d, FILE *f, enum rl_op op)
{
	fprintf(f, "<w:%s w:id=\"%d\" w:author=\"gavel\"%s>", op == RL_DEL ? "del" : "ins", d->rev++,
	        d->date);
}

static void rev_close(FILE *f, enum rl_op op)
{
	fputs(op == RL_DEL ? "</w:del>" : "</w:ins>", f);
}

/* A run of text; inside a deletion its text is w:delText. */
static void run(FILE *f, const char *s, size_t n, int deleted, int italic)
{
	if (!n)
		return;
	fputs("<w:r>", f);
	if (italic)
		fputs("<w:rPr><w:i/><w:iCs/></w:rPr>", f);
	fputs(deleted ? "<w:delText xml:space=\"preserve\">" : "<w:t xml:space=\"preserve\">", f);
	xml_text(f, s, n);
	fputs(deleted ? "</w:delText></w:r>" : "</w:t></w:r>", f);
}

/* A text segment as runs, its part inside the paragraph's opening words in italics. */
static void text_runs(FILE *f, const struct rl_seg *g, const struct para *p, int deleted)
{
	size_t off = (p && p->text && g->text >= p->text && g->text <= p->text + p->text_len)
	             ? (size_t)(g->text - p->text) : 0;
	size_t lead = p ? p->lead_len : 0, cut = 0;
	if (off < lead)
		cut = lead - off < g->len ? lead - off : g->len;
	run(f, g->text, cut, deleted, 1);
	run(f, g->text + cut, g->len - cut, deleted, 0);
}

static void write_segs(struct dx *d, FILE *f, const struct rl_entry *e, enum mode mode,
                       const struct para *pold, const struct para *pnew, int in_footnote);

/* The footnote of a reference: the footnote's own redline, after its mark (Word's number, or
 * the typed number `mark` when custom_marks; `deleted` when the reference is). */
static void footnote_body(struct dx *d, const struct rl_seg *g, int id, const char *mark,
                          int deleted)
{
	const struct redline *rl = d->rl;
	int ent = -1;
	if (g->new_fn >= 0 && !deleted)
		ent = rl->new_entry[g->new_fn];
	else if (g->old_fn >= 0)
		ent = rl->old_entry[g->old_fn];
	else if (g->new_fn >= 0)
		ent = rl->new_entry[g->new_fn];
	FILE *n = d->fn;
	fprintf(n, "<w:footnote w:id=\"%d\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>"
	        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>", id);
	if (mark)
		fprintf(n, "<w:t>%s</w:t></w:r>", mark);
	else
		fputs("<w:footnoteRef/></w:r>", n);
	fputs("<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>", n);
	if (ent >= 0) {
		const struct rl_entry *fe = &rl->e[ent];
		d->fn_used[ent] = 1;
		write_segs(d, n, fe, M_AS_IS, fe->old >= 0 ? &rl->old->paras[fe->old] : NULL,
		           fe->new >= 0 ? &rl->new->paras[fe->new] : NULL, 1);
	}
	fputs("</w:p></w:footnote>\n", n);
}

/* One footnote reference run; a typed mark goes in the same run, as Word writes it. */
static void reference_run(struct dx *d, FILE *f, const struct rl_seg *g, int deleted)
{
	int id = d->fnid++;
	char mark[16];
	snprintf(mark, sizeof mark, "%d", deleted ? g->old_num : g->new_num);
	fprintf(f, "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>"
	        "<w:footnoteReference%s w:id=\"%d\"/>",
	        d->custom_marks ? " w:customMarkFollows=\"1\"" : "", id);
	if (d->custom_marks)
		fprintf(f, deleted ? "<w:delText>%s</w:delText>" : "<w:t>%s</w:t>", mark);
	fputs("</w:r>", f);
	footnote_body(d, g, id, d->custom_marks ? mark : NULL, deleted);
}

/* A footnote marker; op is what it is in this paragraph (kept, deleted or inserted). A kept
 * marker whose typed number changed is the old reference deleted and the new one inserted:
 * no revision inside a footnote mark, which word processors do not keep apart. */
static void footnote_ref(struct dx *d, FILE *f, const struct rl_seg *g, int op)
{
	if (op != RL_EQ || !d->custom_marks || g->old_num == g->new_num) {
		reference_run(d, f, g, op == RL_DEL);
		return;
	}
	rev_open(d, f, RL_DEL);
	reference_run(d, f, g, 1);
	rev_close(f, RL_DEL);
	rev_open(d, f, RL_INS);
	reference_run(d, f, g, 0);
	rev_close(f, RL_INS);
}

/* The op a segment has in a mode, or -1 when the mode leaves it out. */
static int effective(enum rl_op op, enum mode mode)
{
	if (mode == M_ALL_INS)
		return op == RL_DEL ? -1 : RL_INS;
	if (mode == M_ALL_DEL)
		return op == RL_INS ? -1 : RL_DEL;
	return (int)op;
}

static void write_segs(struct dx *d, FILE *f, const struct rl_entry *e, enum mode mode,
                       const struct para *pold, const struct para *pnew, int in_footnote)
{
	int open = -1;
	for (size_t k = 0; k < e->nsegs; k++) {
		const struct rl_seg *g = &e->segs[k];
		int op = effective(g->op, mode);
		if (op < 0)
			continue;
		if (op != open) {
			if (open == RL_DEL || open == RL_INS)
				rev_close(f, (enum rl_op)open);
			if (op == RL_DEL || op == RL_INS)
				rev_open(d, f, (enum rl_op)op);
			open = op;
		}
		if (g->text) {
			text_runs(f, g, g->op == RL_DEL ? pold : pnew, op == RL_DEL);
		} else if (in_footnote) {
			char mk[24];
			snprintf(mk, sizeof mk, "[%d]", rl_marker_num(g));
			run(f, mk, strlen(mk), op == RL_DEL, 0);
		} else {
			footnote_ref(d, f, g, op);
		}
	}
	if (open == RL_DEL || open == RL_INS)
		rev_close(f, (enum rl_op)open);
}

/* ---- Numbering ---- */

/* Which list a paragraph's number belongs to: the operative paragraphs (of a part), or the
 * numbered paragraphs of an annex; 0 when none. */
static int scope_key(const struct para *p)
{
	if (p->kind == PARA_ANNEX || (p->kind == PARA_SUB && p->annex >= 0))
		return 2000 + p->annex;
	if (p->kind == PARA_OPERATIVE || p->kind == PARA_SUB)
		return 1000 + p->part + 1;
	return 0;
}

static void roman(int n, char *out, size_t size)
{
	static const struct { int v; const char *s; } t[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
		{ 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" }
	};
	size_t at = 0;
	out[0] = '\0';
	for (size_t k = 0; k < sizeof t / sizeof *t && n > 0 && n < 4000; k++)
		while (n >= t[k].v && at + strlen(t[k].s) < size) {
			strcpy(out + at, t[k].s);
			at += strlen(t[k].s);
			n -= t[k].v;
		}
}

/* The number Word's list shows at level `lvl` for count n (without "." or brackets). */
static void auto_number(int lvl, int n, char *out, size_t size)
{
	if (lvl == 0) {
		snprintf(out, size, "%d", n);
	} else if (lvl == 1) {
		size_t rep = (size_t)(n - 1) / 26 + 1, k;
		for (k = 0; k < rep && k + 1 < size; k++)
			out[k] = (char)('a' + (n - 1) % 26);
		out[k] = '\0';
	} else {
		roman(n, out, size);
	}
}

static struct scope_state *scope(struct dx *d, int key)
{
	for (size_t k = 0; k < d->nsc; k++)
		if (d->sc[k].key == key)
			return &d->sc[k];
	return NULL;
}

/* Counts one side's numbered paragraphs as Word's lists would, and marks the scopes where
 * the printed numbers differ as written out by hand. */
static void check_side(struct dx *d, const struct resolution *r)
{
	int counters[64][MAX_LEVEL + 1];
	int keys[64];
	size_t nkeys = 0;
	for (size_t i = 0; i < r->npara; i++) {
		const struct para *p = &r->paras[i];
		int key = scope_key(p);
		if (!key || !p->num)
			continue;
		struct scope_state *s = scope(d, key);
		size_t k;
		for (k = 0; k < nkeys && keys[k] != key; k++)
			;
		if (k == nkeys) {
			if (nkeys == 64 || !s) {
				if (s)
					s->auto_ok = 0;
				continue;
			}
			keys[nkeys] = key;
			memset(counters[nkeys], 0, sizeof counters[nkeys]);
			nkeys++;
		}
		if (p->depth < 0 || p->depth > MAX_LEVEL) {
			s->auto_ok = 0;
			continue;
		}
		counters[k][p->depth]++;
		for (int l = p->depth + 1; l <= MAX_LEVEL; l++)
			counters[k][l] = 0;
		char want[32];
		auto_number(p->depth, counters[k][p->depth], want, sizeof want);
		if (strcmp(want, p->num) != 0)
			s->auto_ok = 0;
	}
}

static int add_scope(struct dx *d, int key)
{
	if (!key || scope(d, key))
		return 0;
	struct scope_state *v = realloc(d->sc, (d->nsc + 1) * sizeof *v);
	if (!v)
		return -1;
	d->sc = v;
	d->sc[d->nsc++] = (struct scope_state){ key, 0, 1 };
	return 0;
}

/* Whether Word's own footnote numbers, counted from `start` in reading order, are the
 * numbers the text prints. */
static int marks_in_sequence(const struct resolution *r, int start)
{
	int next = start;
	for (size_t i = 0; i < r->npara; i++) {
		const struct para *p = &r->paras[i];
		size_t prev = 0;
		for (size_t k = 0; k < p->nmarks && p->kind != PARA_FOOTNOTE; k++) {
			if (p->marks[k].byte < prev || p->marks[k].footnote != next++)
				return 0;
			prev = p->marks[k].byte;
		}
	}
	return 1;
}

static int first_footnote(const struct resolution *r);

static int plan_numbering(struct dx *d)
{
	int start = first_footnote(d->rl->new);
	d->custom_marks = !marks_in_sequence(d->rl->new, start) ||
	                  !marks_in_sequence(d->rl->old, start);
	const struct resolution *side[2] = { d->rl->old, d->rl->new };
	for (int s = 0; s < 2; s++)
		for (size_t i = 0; i < side[s]->npara; i++)
			if (side[s]->paras[i].num && add_scope(d, scope_key(&side[s]->paras[i])) < 0)
				return -1;
	check_side(d, d->rl->old);
	check_side(d, d->rl->new);
	return 0;
}

/* The w:num of a scope numbered by Word, made on first use; 0 when its numbers are text. */
static int num_id(struct dx *d, const struct para *p)
{
	struct scope_state *s = p->num ? scope(d, scope_key(p)) : NULL;
	if (!s || !s->auto_ok || p->depth < 0 || p->depth > MAX_LEVEL)
		return 0;
	if (!s->numid)
		s->numid = ++d->nnum;
	return s->numid;
}

static const char *style_of(const struct para *p)
{
	switch (p->kind) {
	case PARA_PREAMBLE:
		return "Preamble";
	case PARA_OPERATIVE:
		return "Operative";
	case PARA_SUB:
		return p->depth >= 2 ? "Item2" : "Item";
	case PARA_ANNEX_TITLE:
		return "AnnexTitle";
	case PARA_ANNEX_HEADING:
		return "AnnexHeading";
	case PARA_ANNEX:
		return "AnnexPara";
	case PARA_FOOTNOTE:
		return "FootnoteText";
	case PARA_PLAIN:
		break;
	}
	return "Normal";
}

/* A paragraph's number as printed by hand: "3.", "(a)", "(ii)"; "" when it has none or Word
 * numbers it. */
static void literal_number(struct dx *d, const struct para *p, char *out, size_t size)
{
	out[0] = '\0';
	if (!p || !p->num || num_id(d, p) || p->kind == PARA_ANNEX_HEADING)
		return;
	if (p->kind == PARA_FOOTNOTE || p->kind == PARA_ANNEX_TITLE)
		return;
	if (p->depth > 0)
		snprintf(out, size, "(%s)", p->num);
	else
		snprintf(out, size, "%s.", p->num);
}

/* Whether a pair can stay one paragraph: the same style and list place on both sides. */
static int same_shape(struct dx *d, const struct para *a, const struct para *b)
{
	if (strcmp(style_of(a), style_of(b)) != 0)
		return 0;
	int na = num_id(d, a), nb = num_id(d, b);
	return na == nb && (!na || a->depth == b->depth);
}

/* ---- Paragraphs ---- */

/* <w:p> and its properties; `mark` tracks the paragraph mark itself (RL_INS, RL_DEL) or
 * not (RL_EQ). */
static void para_open(struct dx *d, const struct para *p, const char *style, enum rl_op mark)
{
	FILE *f = d->doc;
	fprintf(f, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>", style);
	int nid = p ? num_id(d, p) : 0;
	if (nid)
		fprintf(f, "<w:numPr><w:ilvl w:val=\"%d\"/><w:numId w:val=\"%d\"/></w:numPr>",
		        p->depth, nid);
	if (mark != RL_EQ) {
		fputs("<w:rPr>", f);
		fprintf(f, "<w:%s w:id=\"%d\" w:author=\"gavel\"%s/>", mark == RL_DEL ? "del" : "ins",
		        d->rev++, d->date);
		fputs("</w:rPr>", f);
	}
	fputs("</w:pPr>", f);
}

/* A number written by hand, then a tab. */
static void number_runs(struct dx *d, const char *old_num, const char *new_num, enum mode mode)
{
	FILE *f = d->doc;
	const char *num[2] = { old_num, new_num };   /* what each side prints */
	if (mode == M_ALL_INS)
		num[0] = NULL;
	if (mode == M_ALL_DEL)
		num[1] = NULL;
	if (num[0] && num[1] && strcmp(num[0], num[1]) == 0) {
		run(f, num[1], strlen(num[1]), 0, 0);
		fputs("<w:r><w:tab/></w:r>", f);
		return;
	}
	for (int s = 0; s < 2; s++) {
		if (!num[s] || !*num[s])
			continue;
		enum rl_op op = s ? RL_INS : RL_DEL;
		rev_open(d, f, op);
		run(f, num[s], strlen(num[s]), op == RL_DEL, 0);
		fputs("<w:r><w:tab/></w:r>", f);
		rev_close(f, op);
	}
}

/* An annex title: the annex's label ("Annex II") on a paragraph of its own, then the title. */
static const char *annex_label(const struct resolution *r, const struct para *p)
{
	if (p->annex >= 0 && (size_t)p->annex < r->nannexes && r->annexes[p->annex].label)
		return r->annexes[p->annex].label;
	return p->label ? p->label : "";
}

/* One body paragraph: the entry's text in `mode`, shaped as paragraph `p` (of the new text,
 * or the old for what the new has not). */
static void body_para(struct dx *d, const struct rl_entry *e, enum mode mode,
                      const struct para *pold, const struct para *pnew)
{
	const struct para *p = mode == M_ALL_DEL ? pold : pnew ? pnew : pold;
	enum rl_op mark = mode == M_ALL_INS ? RL_INS : mode == M_ALL_DEL ? RL_DEL : RL_EQ;
	FILE *f = d->doc;
	if (p->kind == PARA_ANNEX_TITLE) {
		const char *lo = pold && mode != M_ALL_INS ? annex_label(d->rl->old, pold) : NULL;
		const char *ln = pnew && mode != M_ALL_DEL ? annex_label(d->rl->new, pnew) : NULL;
		para_open(d, NULL, "AnnexTitle", mark);
		if (lo && ln && strcmp(lo, ln) == 0) {
			run(f, ln, strlen(ln), 0, 0);
		} else {
			if (lo) {
				rev_open(d, f, RL_DEL);
				run(f, lo, strlen(lo), 1, 0);
				rev_close(f, RL_DEL);
			}
			if (ln) {
				rev_open(d, f, RL_INS);
				run(f, ln, strlen(ln), 0, 0);
				rev_close(f, RL_INS);
			}
		}
		fputs("</w:p>\n", f);
		if (!e->nsegs)
			return;
	}
	para_open(d, p->kind == PARA_ANNEX_TITLE ? NULL : p, style_of(p), mark);
	char no[40] = "", nn[40] = "";
	literal_number(d, pold, no, sizeof no);
	literal_number(d, pnew, nn, sizeof nn);
	if (*no || *nn)
		number_runs(d, pold ? no : NULL, pnew ? nn : NULL, mode);
	else if (p->kind == PARA_ANNEX_HEADING && p->num)
		number_runs(d, pold && pold->num ? pold->num : NULL, pnew && pnew->num ? pnew->num : NULL,
		            mode);
	write_segs(d, f, e, mode, pold, pnew, 0);
	fputs("</w:p>\n", f);
}

static const struct para *para_of(const struct resolution *r, int i)
{
	return i >= 0 ? &r->paras[i] : NULL;
}

static void body(struct dx *d)
{
	const struct redline *rl = d->rl;
	for (size_t k = 0; k < rl->n; k++) {
		const struct rl_entry *e = &rl->e[k];
		if (redline_section(rl, e) == RL_SEC_FOOTNOTE)
			continue;
		const struct para *po = para_of(rl->old, e->old), *pn = para_of(rl->new, e->new);
		switch (e->status) {
		case RL_NEW:
			body_para(d, e, M_ALL_INS, NULL, pn);
			break;
		case RL_DELETED:
			body_para(d, e, M_ALL_DEL, po, NULL);
			break;
		case RL_MOVED_AWAY:
			body_para(d, &rl->e[rl->new_entry[e->new]], M_ALL_DEL, po, pn);
			break;
		default:
			if (e->moved) {
				body_para(d, e, M_ALL_INS, po, pn);
			} else if (!same_shape(d, po, pn)) {
				body_para(d, e, M_ALL_DEL, po, pn);
				body_para(d, e, M_ALL_INS, po, pn);
			} else {
				body_para(d, e, M_AS_IS, po, pn);
			}
		}
	}
	/* Footnotes no marker cites (a text whose markers were lost) go at the end as text. */
	for (size_t k = 0; k < rl->n; k++) {
		const struct rl_entry *e = &rl->e[k];
		if (redline_section(rl, e) != RL_SEC_FOOTNOTE || e->status == RL_MOVED_AWAY ||
		    d->fn_used[k])
			continue;
		const struct para *po = para_of(rl->old, e->old), *pn = para_of(rl->new, e->new);
		enum mode m = e->status == RL_NEW ? M_ALL_INS : e->status == RL_DELETED ? M_ALL_DEL
		            : M_AS_IS;
		body_para(d, e, m, po, pn);
	}
}

/* ---- The heading: symbol and title ---- */

static void heading_line(struct dx *d, const char *style, const char *o, const char *n)
{
	FILE *f = d->doc;
	if (!o && !n)
		return;
	fprintf(f, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
	if (o && n && strcmp(o, n) == 0) {
		run(f, n, strlen(n), 0, 0);
	} else {
		if (o && *o) {
			rev_open(d, f, RL_DEL);
			run(f, o, strlen(o), 1, 0);
			rev_close(f, RL_DEL);
		}
		if (n && *n) {
			rev_open(d, f, RL_INS);
			run(f, n, strlen(n), 0, 0);
			rev_close(f, RL_INS);
		}
	}
	fputs("</w:p>\n", f);
}

/* ---- The package's other parts ---- */

static const char content_types[] = XML_HEAD
"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
"<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
"<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
"<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
"<Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>"
"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
"</Types>\n";

static const char package_rels[] = XML_HEAD
"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
"<Relationship Id=\"rId1\" Type=\"" R_NS "/officeDocument\" Target=\"word/document.xml\"/>"
"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
"</Relationships>\n";

static const char document_rels[] = XML_HEAD
"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
"<Relationship Id=\"rId1\" Type=\"" R_NS "/styles\" Target=\"styles.xml\"/>"
"<Relationship Id=\"rId2\" Type=\"" R_NS "/settings\" Target=\"settings.xml\"/>"
"<Relationship Id=\"rId3\" Type=\"" R_NS "/numbering\" Target=\"numbering.xml\"/>"
"<Relationship Id=\"rId4\" Type=\"" R_NS "/footnotes\" Target=\"footnotes.xml\"/>"
"</Relationships>\n";

static const char settings[] = XML_HEAD
"<w:settings xmlns:w=\"" W_NS "\"><w:trackRevisions/><w:defaultTabStop w:val=\"567\"/>"
"<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>"
"<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
"</w:settings>\n";

/* Paragraph styles after the UN's layout: preamble indented, operative numbers at the indent,
 * items hanging; the opening words are italic runs, not a style. */
static const char styles_fmt[] = XML_HEAD
"<w:styles xmlns:w=\"" W_NS "\">"
"<w:docDefaults><w:rPrDefault><w:rPr>"
"<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"SimSun\" w:cs=\"Times New Roman\"/>"
"%s<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"%s\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>"
"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>%s<w:spacing w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"Symbol\"><w:name w:val=\"Symbol\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"right\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"ResTitle\"><w:name w:val=\"Resolution title\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"240\" w:after=\"240\"/><w:jc w:val=\"left\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"Preamble\"><w:name w:val=\"Preambular paragraph\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:firstLine=\"567\"/></w:pPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"Operative\"><w:name w:val=\"Operative paragraph\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:firstLine=\"567\"/></w:pPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"Item\"><w:name w:val=\"Item\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:left=\"1134\" w:hanging=\"567\"/></w:pPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"Item2\"><w:name w:val=\"Item 2\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:left=\"1701\" w:hanging=\"567\"/></w:pPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"AnnexTitle\"><w:name w:val=\"Annex title\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"240\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"26\"/></w:rPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"AnnexHeading\"><w:name w:val=\"Annex heading\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"180\"/><w:jc w:val=\"left\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"AnnexPara\"><w:name w:val=\"Annex paragraph\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:firstLine=\"567\"/></w:pPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/><w:ind w:left=\"284\" w:hanging=\"284\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"
"<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>"
"</w:styles>\n";

/* One list for every numbered scope: 1. then (a) then (i), each scope its own w:num that
 * starts again at 1. */
static void numbering(FILE *f, int nnum)
{
	static const char *const fmt[] = { "decimal", "lowerLetter", "lowerRoman" };
	static const char *const text[] = { "%1.", "(%2)", "(%3)" };
	static const char *const ind[] = { "<w:ind w:left=\"0\" w:firstLine=\"567\"/>",
		                           "<w:ind w:left=\"1134\" w:hanging=\"567\"/>",
		                           "<w:ind w:left=\"1701\" w:hanging=\"567\"/>" };
	fputs(XML_HEAD "<w:numbering xmlns:w=\"" W_NS "\">"
	      "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/>", f);
	for (int l = 0; l <= MAX_LEVEL; l++)
		fprintf(f, "<w:lvl w:ilvl=\"%d\"><w:start w:val=\"1\"/><w:numFmt w:val=\"%s\"/>"
		        "<w:lvlText w:val=\"%s\"/><w:lvlJc w:val=\"left\"/><w:pPr>"
		        "<w:tabs><w:tab w:val=\"num\" w:pos=\"%d\"/></w:tabs>%s</w:pPr></w:lvl>",
		        l, fmt[l], text[l], l == 0 ? 1134 : 1134 + 567 * l, ind[l]);
	fputs("</w:abstractNum>", f);
	for (int n = 1; n <= nnum; n++) {
		fprintf(f, "<w:num w:numId=\"%d\"><w:abstractNumId w:val=\"0\"/>", n);
		for (int l = 0; l <= MAX_LEVEL; l++)
			fprintf(f, "<w:lvlOverride w:ilvl=\"%d\"><w:startOverride w:val=\"1\"/>"
			        "</w:lvlOverride>", l);
		fputs("</w:num>", f);
	}
	fputs("</w:numbering>\n", f);
}

static const char *word_lang(const char *iso)
{
	static const char *const map[][2] = { { "en", "en-GB" }, { "fr", "fr-FR" }, { "es", "es-ES" },
		                              { "ru", "ru-RU" }, { "zh", "zh-CN" }, { "ar", "ar-SA" } };
	for (size_t k = 0; iso && k < sizeof map / sizeof *map; k++)
		if (strcmp(iso, map[k][0]) == 0)
			return map[k][1];
	return "en-GB";
}

/* "YYYY-MM-DD" -> ' w:date="YYYY-MM-DDT00:00:00Z"': the revisions carry the new text's date. */
static void revision_date(const char *adopted, char *out, size_t size)
{
	out[0] = '\0';
	if (!adopted || strlen(adopted) != 10)
		return;
	for (int k = 0; k < 10; k++)
		if ((k == 4 || k == 7) ? adopted[k] != '-' : (adopted[k] < '0' || adopted[k] > '9'))
			return;
	snprintf(out, size, " w:date=\"%sT00:00:00Z\"", adopted);
}

/* The first footnote's number in the new text, where Word's footnote numbering starts. */
static int first_footnote(const struct resolution *r)
{
	for (size_t i = 0; i < r->npara; i++)
		if (r->paras[i].kind == PARA_FOOTNOTE && r->paras[i].num) {
			int n = atoi(r->paras[i].num);
			return n > 0 ? n : 1;
		}
	return 1;
}

/* A part written to a memory stream, then into the archive. */
static int add_stream(struct zip *z, const char *name, char *buf, size_t len)
{
	int rc = zip_add(z, name, buf, len);
	free(buf);
	return rc;
}

static int add_string(struct zip *z, const char *name, const char *s)
{
	return zip_add(z, name, s, strlen(s));
}

int rl_write_docx(FILE *out, const struct redline *rl, const struct rl_out_opts *o)
{
	struct dx d = { .rl = rl, .rev = 1, .fnid = 1 };
	revision_date(rl->new->meta.adopted, d.date, sizeof d.date);
	d.fn_used = calloc(rl->n + 1, 1);
	d.doc = open_memstream(&d.docbuf, &d.doclen);
	d.fn = open_memstream(&d.fnbuf, &d.fnlen);
	int rc = (d.fn_used && d.doc && d.fn && plan_numbering(&d) == 0) ? 0 : -1;
	if (rc == 0) {
		fputs(XML_HEAD "<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\"><w:body>\n",
		      d.doc);
		fputs(XML_HEAD "<w:footnotes xmlns:w=\"" W_NS "\">"
		      "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\"/>"
		      "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
		      "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr>"
		      "<w:spacing w:after=\"0\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>"
		      "</w:footnote>\n", d.fn);
		heading_line(&d, "Symbol", rl->old->meta.symbol, rl->new->meta.symbol);
		heading_line(&d, "ResTitle", rl->old->meta.title, rl->new->meta.title);
		body(&d);
		fprintf(d.doc, "<w:p/><w:sectPr><w:footnotePr><w:numStart w:val=\"%d\"/></w:footnotePr>"
		        "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1418\" w:right=\"1418\" "
		        "w:bottom=\"1418\" w:left=\"1418\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"
		        "</w:sectPr></w:body></w:document>\n", first_footnote(rl->new));
		fputs("</w:footnotes>\n", d.fn);
	}
	if (d.doc && fclose(d.doc) != 0)
		rc = -1;
	if (d.fn && fclose(d.fn) != 0)
		rc = -1;
	d.doc = d.fn = NULL;
	char *numbuf = NULL, *stybuf = NULL, *corebuf = NULL;
	size_t numlen = 0, stylen = 0, corelen = 0;
	if (rc == 0) {
		FILE *f = open_memstream(&numbuf, &numlen);
		if (!f)
			rc = -1;
		else {
			numbering(f, d.nnum);
			rc = fclose(f) ? -1 : 0;
		}
	}
	int rtl = rl->new->meta.language && strcmp(rl->new->meta.language, "ar") == 0;
	if (rc == 0) {
		FILE *f = open_memstream(&stybuf, &stylen);
		if (!f)
			rc = -1;
		else {
			fprintf(f, styles_fmt, rtl ? "<w:rtl/>" : "", word_lang(rl->new->meta.language),
			        rtl ? "<w:bidi/>" : "");
			rc = fclose(f) ? -1 : 0;
		}
	}
	if (rc == 0) {
		FILE *f = open_memstream(&corebuf, &corelen);
		if (!f)
			rc = -1;
		else {
			fputs(XML_HEAD "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/"
			      "package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/"
			      "elements/1.1/\"><dc:title>", f);
			xml_str(f, rl_name(rl, 0, o));
			fputs(" \xE2\x86\x92 ", f);
			xml_str(f, rl_name(rl, 1, o));
			fputs("</dc:title><dc:creator>gavel</dc:creator></cp:coreProperties>\n", f);
			rc = fclose(f) ? -1 : 0;
		}
	}
	struct zip *z = rc == 0 ? zip_new(out) : NULL;
	if (rc == 0 && !z)
		rc = -1;
	if (rc == 0)
		rc = add_string(z, "[Content_Types].xml", content_types);
	if (rc == 0)
		rc = add_string(z, "_rels/.rels", package_rels);
	if (rc == 0)
		rc = add_string(z, "word/_rels/document.xml.rels", document_rels);
	if (rc == 0) {
		rc = add_stream(z, "word/document.xml", d.docbuf, d.doclen);
		d.docbuf = NULL;
	}
	if (rc == 0) {
		rc = add_stream(z, "word/footnotes.xml", d.fnbuf, d.fnlen);
		d.fnbuf = NULL;
	}
	if (rc == 0) {
		rc = add_stream(z, "word/styles.xml", stybuf, stylen);
		stybuf = NULL;
	}
	if (rc == 0) {
		rc = add_stream(z, "word/numbering.xml", numbuf, numlen);
		numbuf = NULL;
	}
	if (rc == 0)
		rc = add_string(z, "word/settings.xml", settings);
	if (rc == 0) {
		rc = add_stream(z, "docProps/core.xml", corebuf, corelen);
		corebuf = NULL;
	}
	if (z && zip_finish(z) < 0)
		rc = -1;
	free(d.docbuf);
	free(d.fnbuf);
	free(numbuf);
	free(stybuf);
	free(corebuf);
	free(d.sc);
	free(d.fn_used);
	return rc || ferror(out) ? -1 : 0;
}
