/* build-block.c: one handler per kind of block (a table, as the kinds are), over the reading
 * state (struct bread): where a block goes depends on what the blocks before it said (a part
 * letter wants its heading, "Annex" its title, a recorded vote runs on to its "]", a list
 * that ended in ";" may go on in lower case). The handlers name nothing themselves: they call
 * the paragraph handlers of build-para.c. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "doc/build.h"
#include "doc/lang.h"

/* One block as a handler sees it. */
struct bctx {
	const struct block *b;
	const char *s;              /* its text (maybe "1." joined to the block after it) */
	size_t n;
	int want_title;             /* a part letter came just before: this may be its heading */
};

/* The heading under "B": short, capitalised, not a sentence of the preamble. */
static int part_title(struct bstate *st, const struct bctx *c)
{
	if (!c->want_title || c->n >= 200 || islower((unsigned char)c->s[0])
	    || strchr(",;:", c->s[c->n - 1]))
		return 0;
	struct para *h = st->last >= 0 ? &st->res->paras[st->last] : NULL;
	if (h && h->kind == PARA_ANNEX_HEADING && h->annex < 0 && h->text_len == 0) {
		/* a section's title under its letter ("II" / "Capacity-building") */
		char *t = build_strndup(st, c->s, c->n);
		if (t) {
			free(h->text);
			h->text = t;
			h->text_len = c->n;
		}
		return 1;
	}
	if (st->part < 0)
		return 0;
	build_part_title(st, c->s, c->n);
	return 1;
}

/* Whether the last paragraph is a lettered item ending its clause: "(a) ...; (b) ...;" */
static int after_item(const struct bstate *st)
{
	const struct para *p = st->last >= 0 ? &st->res->paras[st->last] : NULL;
	return p && st->top >= 0 && st->depth > 0 && p->kind == PARA_SUB && p->num && p->text_len
	    && p->text[p->text_len - 1] == ';';
}

/* A heading the shape saw set apart (blocks.h) right after an operative paragraph that ends
 * in a colon ("Adopts the following political declaration ...:"): the text adopted follows
 * inline, and is read as an annex would be, titled by the heading, its paragraphs keeping
 * their own numbers. Returns 1 when it opened one. */
static int inline_annex(struct bstate *st, const struct bctx *c)
{
	struct resolution *res = st->res;
	if (!c->b || !c->b->heading || st->annex >= 0 || !st->read.in_ops || st->last < 0
	    || c->n >= 300)
		return 0;
	const struct para *lp = &res->paras[st->last];
	if (lp->kind != PARA_OPERATIVE || !lp->text_len || lp->text[lp->text_len - 1] != ':')
		return 0;
	build_annex_named(st, c->s, c->n);
	return 1;
}

/* Whether an unnumbered paragraph opens the operative part: it opens with a verb ("Addresses
 * an urgent appeal", "Recommends to the General Assembly"), where the preamble's open with
 * participles ("Taking into consideration"). English only: the other languages' leads do
 * not tell the two apart by their form. */
static int operative_verb(const struct bstate *st, const char *s, size_t n)
{
	if (!st->lang || strcmp(st->lang, "en") != 0 || !isupper((unsigned char)s[0]))
		return 0;
	size_t op = lang_lead_len(st->lang, s, n, 1);
	if (!op || op >= n)
		return 0;
	if (!lang_lead_len(st->lang, s, n, 0))
		return 1;
	/* a lead of either kind ("Calls upon", "Takes note"): the verb's form tells, in the
	 * third person ("Calls") where a preamble's is a participle or an adjective ("Anxious",
	 * "Conscious" end in -s too) */
	size_t w = 1;
	while (w < n && s[w] >= 'a' && s[w] <= 'z')
		w++;
	return w >= 4 && w < n && s[w] == ' ' && s[w - 1] == 's' && s[w - 2] != 's'
	    && !(s[w - 2] == 'u' && s[w - 3] == 'o');
}

static const struct block *next_block(const struct bstate *st, const struct block *b);

/* "Resolves that:" over paragraphs numbered from 1 (S/RES/12 (1946)): the operative part's
 * chapeau, a heading over them, so that "paragraph 1" stays op1. */
static int chapeau(const struct bstate *st, const struct bctx *c)
{
	size_t skip;
	if (!c->b || c->n < 2 || c->s[c->n - 1] != ':' || st->count.last_opnum != 0)
		return 0;
	const struct block *nb = next_block(st, c->b);
	return nb && build_opnum(nb->text, nb->len, &skip) && build_atoi(nb->text) == 1;
}

/* Text: an annex's title, the rest of a paragraph broken off, or a paragraph of its own. */
static void text_rest(struct bstate *st, const struct bctx *c)
{
	struct bread *r = &st->read;
	const char *s = c->s;
	size_t n = c->n;
	if (r->want_annex_title && st->annex >= 0 && n < 300) {
		build_annex_title(st, s, n);
		return;
	}
	r->want_annex_title = 0;
	/* "(a) ...; (b) ...;" then "and to share ...": the paragraph goes on after its list, so
	 * the text belongs to the paragraph, after its items */
	if (islower((unsigned char)s[0]) && after_item(st)) {
		st->depth = 0;
		if (build_inner_text(st, s, n) >= 0)
			return;
	}
	if (st->last >= 0 && islower((unsigned char)s[0])
	    && st->res->paras[st->last].kind != PARA_ANNEX_TITLE) {
		build_append(st, st->last, s, n);
		return;
	}
	/* whether it opens with an operative verb, asked once (-1: not yet) */
	int verb = -1;
	if (st->annex >= 0)
		build_annex_para(st, PARA_ANNEX, NULL, 0, s, n);
	else if (!r->in_ops && !r->after_meeting &&
	         (r->unnumbered_op || (verb = operative_verb(st, s, n))) && chapeau(st, c)) {
		build_heading(st, NULL, 0, s, n);
		r->unnumbered_op = 0;
	} else if (!r->in_ops && !r->after_meeting &&
	           (verb >= 0 ? verb : operative_verb(st, s, n)))
		build_operative(st, NULL, 0, s, n);
	else if (r->unnumbered_op) {
		build_operative(st, NULL, 0, s, n);
		r->unnumbered_op = 0;
	} else if (r->in_ops || r->after_meeting) {
		if (build_inner_text(st, s, n) < 0)
			build_preamble(st, s, n);
	} else
		build_preamble(st, s, n);
}

/* The next block that is not empty or a footnote's, NULL at the segment's end. */
static const struct block *next_block(const struct bstate *st, const struct block *b)
{
	for (const struct block *nb = b + 1; nb < st->read.bend; nb++)
		if (nb->len && nb->zone != ZONE_FOOTNOTE)
			return nb;
	return NULL;
}

/* A heading over numbered paragraphs ("Peacebuilding Commission", "Follow-up"): a short line
 * of its own, capitalised, ending without punctuation, right before a numbered paragraph. */
static int heading_before_number(const struct bstate *st, const struct bctx *c)
{
	const char *s = c->s;
	size_t n = c->n;
	if (n < 3 || n > 120 || !isupper((unsigned char)s[0]) || strchr(".,;:", s[n - 1])
	    || isdigit((unsigned char)s[n - 1]) || s[n - 1] == ')')
		return 0;               /* a clause's end, maybe with a footnote marker after it */
	if (n > 40 && (lang_lead_len(st->lang, s, n, 0) || lang_lead_len(st->lang, s, n, 1)))
		return 0;               /* "Reaffirming that ...": a paragraph that lost its end */
	const struct block *nb = c->b ? next_block(st, c->b) : NULL;
	size_t skip;
	if (!nb || build_classify(nb, NULL) != BK_OPNUM || !build_opnum(nb->text, nb->len, &skip))
		return 0;
	/* the numbering runs on under it: a heading, not a form's label ("13. END USER") */
	int last = st->annex >= 0 ? st->count.ann_last : st->count.last_opnum;
	return build_atoi(nb->text) == last + 1;
}

static void on_text(struct bstate *st, const struct bctx *c)
{
	if (inline_annex(st, c) || part_title(st, c))
		return;
	if (c->b && c->b->heading && st->annex >= 0 && !st->read.want_annex_title) {
		/* the shape saw it set apart: "United to end ..." */
		build_annex_para(st, PARA_ANNEX_HEADING, NULL, 0, c->s, c->n);
		return;
	}
	if (!st->read.want_annex_title && heading_before_number(st, c)) {
		build_heading(st, NULL, 0, c->s, c->n);
		return;
	}
	text_rest(st, c);
}

/* "I. General provisions", "Article 12": a heading in an annex, else text. */
static void on_heading(struct bstate *st, const struct bctx *c)
{
	if (inline_annex(st, c) || part_title(st, c))
		return;
	if (st->annex >= 0 && !st->read.want_annex_title) {
		build_annex_para(st, PARA_ANNEX_HEADING, NULL, 0, c->s, c->n);
		return;
	}
	text_rest(st, c);
}

/* "12. Text": an operative paragraph, or an annex's numbered paragraph. */
static void on_opnum(struct bstate *st, const struct bctx *c)
{
	size_t skip;
	size_t dn = build_opnum(c->s, c->n, &skip);
	if (st->annex >= 0)
		build_annex_para(st, PARA_ANNEX, c->s, dn, c->s + skip, c->n - skip);
	else
		build_operative(st, c->s, dn, c->s + skip, c->n - skip);
}

/* "(1)" where "(ii)" follows within a few blocks is "(i)" misread. */
static int ocr_roman_one(const struct bstate *st, const struct bctx *c, const char *lab,
                         size_t labn)
{
	if (labn != 1 || lab[0] != '1'
	    || (st->depth > 0 && st->lv[st->depth - 1].style == ST_DIGIT))
		return 0;
	const struct block *nb = c->b + 1;
	for (int k = 0; k < 4 && nb < st->read.bend; k++, nb++) {
		const char *l2;
		size_t n2;
		if (build_submark(nb->text, nb->len, &l2, &n2))
			return n2 == 2 && memcmp(l2, "ii", 2) == 0;
	}
	return 0;
}

/* "(a) Text": an item under the current paragraph (or of an annex's own list); with nothing
 * to hang it on, a paragraph of the preamble. */
static void on_sub(struct bstate *st, const struct bctx *c)
{
	const char *lab;
	size_t labn;
	size_t skip = build_submark(c->s, c->n, &lab, &labn);
	int ocr = ocr_roman_one(st, c, lab, labn);
	if (build_item(st, lab, labn, ocr, c->s + skip, c->n - skip) < 0 && !st->oom)
		build_preamble(st, c->s, c->n);
}

/* "B" or "IV" alone: a part (inside an annex, a line of its text). */
/* "B" or "IV" alone (build_classify's part). */
static int part_letter(const char *s, size_t n)
{
	return (n == 1 && isupper((unsigned char)s[0])) || (n && n <= 6 && strspn(s, "IVXLC") == n);
}

/* "A" over operative paragraphs whose numbering runs on ("1. ..." / "A" / "2. ..."): a
 * section heading, cited as "paragraph 8" (S/RES/687 (1991)); in parts the numbering starts
 * again at each letter ("B" / "1. ..."). The first section boundary after an operative
 * paragraph tells: this one, or the next when none came before (then a lone section, which
 * nothing tells, stays a part). */
static int runs_on(const struct bstate *st, const struct bctx *c)
{
	if (!c->b)
		return 0;
	int last = st->count.last_opnum, at_letter = 1, k = 0;
	/* a bounded look: letters without numbers after them cost no more than a scan each */
	for (const struct block *nb = next_block(st, c->b); nb && k < 4096; nb = next_block(st, nb), k++) {
		size_t skip;
		if (build_opnum(nb->text, nb->len, &skip)) {
			int v = build_atoi(nb->text);
			if (at_letter && last > 0)
				return v == last + 1;
			at_letter = 0;
			last = v;
		} else if (part_letter(nb->text, nb->len))
			at_letter = 1;
	}
	return 0;
}

static void on_part(struct bstate *st, const struct bctx *c)
{
	if (st->annex >= 0)
		build_annex_para(st, PARA_ANNEX, NULL, 0, c->s, c->n);
	else if (runs_on(st, c)) {
		build_heading(st, c->s, c->n, "", 0);
		st->read.want_part_title = 1;
	}
	else
		build_part(st, c->s, c->n);
}

static void on_annex(struct bstate *st, const struct bctx *c)
{
	build_annex(st, c->s, c->n);
}

/* A meeting line, a vote line or a date alone: the closing formulas, read into the record.
 * Text after a meeting or a vote is no longer the preamble's. */
static void on_meeting(struct bstate *st, const struct bctx *c)
{
	build_meta_closing(st, BK_MEETING, c->s, c->n);
	st->read.after_meeting = 1;
}

static void on_vote(struct bstate *st, const struct bctx *c)
{
	build_meta_closing(st, BK_VOTE, c->s, c->n);
	st->read.after_meeting = 1;
}

static void on_date(struct bstate *st, const struct bctx *c)
{
	build_meta_closing(st, BK_DATE, c->s, c->n);
}

static void on_nothing(struct bstate *st, const struct bctx *c)
{
	(void)st;
	(void)c;
}

/* The handlers by kind; `text` marks the kinds read as text (a recorded vote's list goes on
 * through them, and they may be an annex's or a part's title). */
static const struct {
	void (*handle)(struct bstate *, const struct bctx *);
	int text;
} handlers[BK_COUNT] = {
	[BK_TEXT] = { on_text, 1 },
	[BK_FOOTNOTE] = { on_text, 1 },        /* "N text" inside the body: text */
	[BK_HEADING] = { on_heading, 1 },
	[BK_EMPTY] = { on_nothing, 0 },
	[BK_OPENING] = { on_nothing, 0 },
	[BK_OPNUM] = { on_opnum, 0 },
	[BK_SUB] = { on_sub, 0 },
	[BK_PART] = { on_part, 0 },
	[BK_ANNEX] = { on_annex, 0 },
	[BK_MEETING] = { on_meeting, 0 },
	[BK_VOTE] = { on_vote, 0 },
	[BK_DATE] = { on_date, 0 },
};

void build_block(struct bstate *st, const struct block *b, enum bkind kind, const char *s,
                 size_t n)
{
	struct bread *r = &st->read;
	struct bctx c = { b, s, n, r->want_part_title };
	r->blk = b;
	r->want_part_title = 0;
	if (r->vote_open && kind != BK_TEXT)
		r->vote_open = 0;          /* an annex or a heading: the list was over */
	if (r->vote_open && st->res->meta.vote) {
		build_meta_vote_more(st, s, n);
		return;
	}
	if ((unsigned)kind >= BK_COUNT || !handlers[kind].handle)
		kind = BK_TEXT;
	if (!handlers[kind].text)
		r->want_annex_title = 0;
	handlers[kind].handle(st, &c);
}
