/* redline.c: two resolutions -> one redline. The body is aligned first (align.c); footnotes
 * then pair through the markers that cite them in paired paragraphs (an "Ibid." is known by
 * where it is cited, not by its words), the rest by text; each pair is compared word by word
 * with a marker equal to its paired footnote's, so a renumbered footnote is no change; the
 * pairs out of order (a weighted longest increasing subsequence keeps the most text in place)
 * are the moved ones; finally every paragraph of both is put in one reading order. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "diff/diff-int.h"
#include "text/words.h"

struct build {
	const struct resolution *old, *new;
	struct intern *in;
	struct dside a, b;
	uint32_t **fa, **fb;    /* per paragraph: final token numbers (markers by footnote pair) */
	int *moved_a;           /* per old paragraph: paired out of order */
	struct run **ctx_runs;  /* per old body paragraph: its comparison with its pair, made
	                           once for both footnote passes */
	long *ctx_n;
	struct redline *rl;
	size_t cap;
};

static int is_footnote(const struct resolution *r, size_t i)
{
	return r->paras[i].kind == PARA_FOOTNOTE;
}

/* The paragraphs of one kind (footnotes or the rest), in order. */
static int *list(const struct resolution *r, int footnotes, size_t *n)
{
	int *v = malloc((r->npara ? r->npara : 1) * sizeof *v);
	if (!v)
		return NULL;
	*n = 0;
	for (size_t i = 0; i < r->npara; i++)
		if (is_footnote(r, i) == footnotes)
			v[(*n)++] = (int)i;
	return v;
}

static int side_init(struct build *bd, struct dside *s, const struct resolution *r)
{
	s->res = r;
	size_t n = r->npara ? r->npara : 1;
	s->tp = calloc(n, sizeof *s->tp);
	s->match = malloc(n * sizeof *s->match);
	s->sim = calloc(n, sizeof *s->sim);
	if (!s->tp || !s->match || !s->sim)
		return -1;
	for (size_t i = 0; i < r->npara; i++) {
		s->match[i] = -1;
		if (tpara_build(bd->in, r, (int)i, &s->tp[i]) < 0)
			return -1;
	}
	return 0;
}

static void side_free(struct dside *s)
{
	if (s->tp)
		for (size_t i = 0; i < s->res->npara; i++)
			tpara_free(&s->tp[i]);
	free(s->tp);
	free(s->match);
	free(s->sim);
}

/* Pairs footnotes fo (old) and fn (new) when both are free and alike enough. */
static int pair_footnotes(struct build *bd, int fo, int fn, int same_text)
{
	if (fo < 0 || fn < 0 || bd->a.match[fo] >= 0 || bd->b.match[fn] >= 0)
		return 0;
	double sim = 1.0;
	if (!same_text) {
		const struct tpara *x = &bd->a.tp[fo], *y = &bd->b.tp[fn];
		size_t sum = x->nwords + y->nwords;
		if (sum) {
			long kept = words_kept(x->words, x->nwords, y->words, y->nwords);
			if (kept < 0)
				return -1;
			sim = 2.0 * (double)kept / (double)sum;
		}
		if (sim < 0.5)
			return 0;
	}
	bd->a.match[fo] = fn;
	bd->b.match[fn] = fo;
	bd->a.sim[fo] = bd->b.sim[fn] = sim;
	return 0;
}

/* Footnotes cited at the same place of a paired paragraph are the same footnote: a marker
 * kept by the comparison (kept: the same text), or (changed) the markers of a changed stretch
 * taken in order, when alike enough. */
static int footnotes_by_context(struct build *bd, int i, int j, int changed)
{
	const struct tpara *x = &bd->a.tp[i], *y = &bd->b.tp[j];
	if (!bd->ctx_runs[i]) {
		bd->ctx_n[i] = tokens_compare(x, x->ids, y, y->ids, &bd->ctx_runs[i]);
		if (bd->ctx_n[i] < 0)
			return -1;
	}
	struct run *runs = bd->ctx_runs[i];
	long nr = bd->ctx_n[i];
	int rc = 0;
	for (long k = 0; k < nr && rc == 0; k++) {
		struct run *r = &runs[k];
		if (r->op == RL_EQ) {
			for (size_t t = 0; t < r->a1 - r->a0 && rc == 0 && !changed; t++)
				if (x->tok[r->a0 + t].kind == TOK_MARK)
					rc = pair_footnotes(bd, x->tok[r->a0 + t].fn,
					                   y->tok[r->b0 + t].fn, 1);
			continue;
		}
		if (!changed || r->op != RL_DEL || k + 1 >= nr || runs[k + 1].op != RL_INS)
			continue;
		struct run *s = &runs[k + 1];
		size_t p = r->a0, q = s->b0;
		for (;;) {
			while (p < r->a1 && x->tok[p].kind != TOK_MARK)
				p++;
			while (q < s->b1 && y->tok[q].kind != TOK_MARK)
				q++;
			if (p >= r->a1 || q >= s->b1 || rc)
				break;
			rc = pair_footnotes(bd, x->tok[p].fn, y->tok[q].fn, 0);
			p++, q++;
		}
	}
	return rc;
}

static int align_all(struct build *bd)
{
	size_t na, nb, nfa, nfb;
	int *ia = list(bd->old, 0, &na), *ib = list(bd->new, 0, &nb);
	int *fa = list(bd->old, 1, &nfa), *fb = list(bd->new, 1, &nfb);
	bd->ctx_runs = calloc(bd->old->npara + 1, sizeof *bd->ctx_runs);
	bd->ctx_n = calloc(bd->old->npara + 1, sizeof *bd->ctx_n);
	int rc = (ia && ib && fa && fb && bd->ctx_runs && bd->ctx_n) ? 0 : -1;
	if (rc == 0)
		rc = align_paragraphs(&bd->a, &bd->b, ia, na, ib, nb);
	/* Footnotes: the same text cited at the same place, the same text anywhere, a changed
	 * text cited at the same place, then the most similar. */
	for (size_t k = 0; k < na && rc == 0; k++)
		if (bd->a.match[ia[k]] >= 0)
			rc = footnotes_by_context(bd, ia[k], bd->a.match[ia[k]], 0);
	if (rc == 0)
		rc = align_exact(&bd->a, &bd->b, fa, nfa, fb, nfb);
	for (size_t k = 0; k < na && rc == 0; k++)
		if (bd->a.match[ia[k]] >= 0)
			rc = footnotes_by_context(bd, ia[k], bd->a.match[ia[k]], 1);
	if (rc == 0)
		rc = align_similar(&bd->a, &bd->b, fa, nfa, fb, nfb);
	for (size_t k = 0; bd->ctx_runs && k < bd->old->npara; k++)
		free(bd->ctx_runs[k]);
	free(bd->ctx_runs);
	free(bd->ctx_n);
	free(ia);
	free(ib);
	free(fa);
	free(fb);
	return rc;
}

/* Final token numbers: a marker is its footnote pair's number, the same on both sides. A
 * paragraph without markers keeps its own ids (not a copy: the caller frees only copies). */
static uint32_t *final_ids(const struct build *bd, const struct dside *s, int old_side, size_t i)
{
	const struct tpara *t = &s->tp[i];
	if (!s->res->paras[i].nmarks)
		return t->ids;
	uint32_t *v = malloc((t->ntok ? t->ntok : 1) * sizeof *v);
	if (!v)
		return NULL;
	for (size_t k = 0; k < t->ntok; k++) {
		const struct tok *tk = &t->tok[k];
		if (tk->kind != TOK_MARK) {
			v[k] = t->ids[k];
			continue;
		}
		uint32_t n;
		if (tk->fn < 0)
			n = 0x40000000u | ((uint32_t)tok_missing_num(tk) & 0x3FFFFFFFu);
		else if (old_side)
			n = (uint32_t)tk->fn;
		else if (s->match[tk->fn] >= 0)
			n = (uint32_t)s->match[tk->fn];
		else
			n = (uint32_t)(bd->old->npara + (size_t)tk->fn);
		v[k] = TOK_MARK_BIT | n;
	}
	return v;
}

/* ---- Moves: the pairs kept in order are a heaviest increasing subsequence. ---- */

/* Prefix maximum over new positions (Fenwick tree), with the index that attains it. */
struct fen {
	double *w;
	int *at;
	size_t n;
};

static void fen_set(struct fen *f, size_t pos, double w, int at)
{
	for (size_t i = pos + 1; i <= f->n; i += i & (~i + 1))
		if (w > f->w[i])
			f->w[i] = w, f->at[i] = at;
}

static double fen_max(const struct fen *f, size_t pos, int *at)
{
	double best = 0;
	*at = -1;
	for (size_t i = pos; i > 0; i -= i & (~i + 1))
		if (f->w[i] > best)
			best = f->w[i], *at = f->at[i];
	return best;
}

/* Marks in moved_a the old paragraphs of `footnotes` kind whose pair is out of order. */
static int find_moves(struct build *bd, int footnotes)
{
	size_t na = bd->old->npara, nb = bd->new->npara;
	struct fen f = { calloc(nb + 1, sizeof(double)), calloc(nb + 1, sizeof(int)), nb };
	double *best = malloc((na ? na : 1) * sizeof *best);
	int *prev = malloc((na ? na : 1) * sizeof *prev);
	if (!f.w || !f.at || !best || !prev) {
		free(f.w);
		free(f.at);
		free(best);
		free(prev);
		return -1;
	}
	int last = -1;
	double top = 0;
	for (size_t i = 0; i < na; i++) {
		int j = bd->a.match[i];
		if (j < 0 || is_footnote(bd->old, i) != footnotes)
			continue;
		int at;
		double w = 1.0 + (double)bd->a.tp[i].nwords;
		best[i] = fen_max(&f, (size_t)j, &at) + w;
		prev[i] = at;
		fen_set(&f, (size_t)j, best[i], (int)i);
		if (best[i] > top)
			top = best[i], last = (int)i;
	}
	for (size_t i = 0; i < na; i++)
		if (bd->a.match[i] >= 0 && is_footnote(bd->old, i) == footnotes)
			bd->moved_a[i] = 1;
	for (int i = last; i >= 0; i = prev[i])
		bd->moved_a[i] = 0;
	free(f.w);
	free(f.at);
	free(best);
	free(prev);
	return 0;
}

/* ---- Entries and their segments. ---- */

static struct rl_entry *entry_add(struct build *bd)
{
	struct redline *rl = bd->rl;
	if (rl->n == bd->cap) {
		size_t cap = bd->cap ? bd->cap * 2 : 64;
		struct rl_entry *e = realloc(rl->e, cap * sizeof *e);
		if (!e)
			return NULL;
		rl->e = e;
		bd->cap = cap;
	}
	struct rl_entry *e = &rl->e[rl->n++];
	memset(e, 0, sizeof *e);
	e->old = e->new = -1;
	return e;
}

struct segv {
	struct rl_seg *v;
	size_t n, cap;
};

static int seg_push(struct segv *s, struct rl_seg g)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;
		struct rl_seg *v = realloc(s->v, cap * sizeof *v);
		if (!v)
			return -1;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = g;
	return 0;
}

static const char *ptext(const struct resolution *r, int i)
{
	return (i >= 0 && r->paras[i].text) ? r->paras[i].text : "";
}

/* A marker's footnote number as printed. */
static int fn_num(const struct resolution *r, const struct tok *t)
{
	if (t->fn < 0)
		return tok_missing_num(t);
	return r->paras[t->fn].num ? atoi(r->paras[t->fn].num) : 0;
}

/* One side of a paragraph, tokens [k0, k1), as segments: text runs joined, markers apart.
 * For kept tokens, `o` (the other side, from o0) gives each marker's other footnote. */
struct side_ref {
	const struct resolution *r;
	const struct tpara *t;
	const char *text;
	int is_old;
};

static int segs_of(struct segv *sv, enum rl_op op, const struct side_ref *s, size_t k0, size_t k1,
                   const struct side_ref *o, size_t o0)
{
	for (size_t k = k0; k < k1;) {
		const struct tok *tk = &s->t->tok[k];
		if (tk->kind != TOK_MARK) {
			size_t e = k;
			while (e < k1 && s->t->tok[e].kind != TOK_MARK)
				e++;
			struct rl_seg g = { op, s->text + tk->start, s->t->tok[e - 1].end - tk->start,
			                    -1, -1, 0, 0 };
			if (seg_push(sv, g) < 0)
				return -1;
			k = e;
			continue;
		}
		struct rl_seg g = { op, NULL, 0, -1, -1, 0, 0 };
		const struct tok *ot = o ? &o->t->tok[o0 + (k - k0)] : NULL;
		const struct tok *old = s->is_old ? tk : ot, *new = s->is_old ? ot : tk;
		const struct resolution *ro = s->is_old ? s->r : (o ? o->r : NULL);
		const struct resolution *rn = s->is_old ? (o ? o->r : NULL) : s->r;
		if (old)
			g.old_fn = old->fn >= 0 ? old->fn : -1, g.old_num = fn_num(ro, old);
		if (new)
			g.new_fn = new->fn >= 0 ? new->fn : -1, g.new_num = fn_num(rn, new);
		if (seg_push(sv, g) < 0)
			return -1;
		k++;
	}
	return 0;
}

/* Whether tokens [k0, k1) of a side are all white space. */
static int blank(const struct side_ref *s, size_t k0, size_t k1)
{
	for (size_t k = k0; k < k1; k++)
		if (s->t->tok[k].kind != TOK_SPACE)
			return 0;
	return 1;
}

/* A kept run. The comparison takes every run of white space for every other (a no-break space
 * is a space); where the two texts' spaces differ in bytes, the old one is deleted and the new
 * inserted, so that the segments give back each text exactly (the docx's reject all), while
 * the paragraph stays "the same words". */
static int kept_segs(struct segv *sv, const struct side_ref *so, const struct side_ref *sn,
                     const struct run *r)
{
	size_t from = 0, n = r->b1 - r->b0;
	int rc = 0;
	for (size_t t = 0; t < n && rc == 0; t++) {
		const struct tok *a = &so->t->tok[r->a0 + t], *b = &sn->t->tok[r->b0 + t];
		if (b->kind != TOK_SPACE || (a->end - a->start == b->end - b->start &&
		                             memcmp(so->text + a->start, sn->text + b->start,
		                                    b->end - b->start) == 0))
			continue;
		rc = segs_of(sv, RL_EQ, sn, r->b0 + from, r->b0 + t, so, r->a0 + from);
		if (rc == 0)
			rc = segs_of(sv, RL_DEL, so, r->a0 + t, r->a0 + t + 1, NULL, 0);
		if (rc == 0)
			rc = segs_of(sv, RL_INS, sn, r->b0 + t, r->b0 + t + 1, NULL, 0);
		from = t + 1;
	}
	if (rc == 0 && from < n)
		rc = segs_of(sv, RL_EQ, sn, r->b0 + from, r->b1, so, r->a0 + from);
	return rc;
}

/* The segments of an entry: a pair compared, or one side whole. */
static int entry_segments(struct build *bd, struct rl_entry *e)
{
	struct segv sv = { 0 };
	struct side_ref so = { bd->old, e->old >= 0 ? &bd->a.tp[e->old] : NULL,
	                       ptext(bd->old, e->old), 1 };
	struct side_ref sn = { bd->new, e->new >= 0 ? &bd->b.tp[e->new] : NULL,
	                       ptext(bd->new, e->new), 0 };
	int rc = 0;
	if (e->status == RL_MOVED_AWAY)
		return 0;
	if (e->old >= 0 && e->new >= 0) {
		struct run *runs;
		long nr = tokens_compare(so.t, bd->fa[e->old], sn.t, bd->fb[e->new], &runs);
		if (nr < 0)
			return -1;
		int changed = 0;
		for (long k = 0; k < nr && rc == 0; k++) {
			struct run *r = &runs[k];
			if (r->op == RL_EQ) {
				rc = kept_segs(&sv, &so, &sn, r);
			} else if (r->op == RL_DEL) {
				rc = segs_of(&sv, RL_DEL, &so, r->a0, r->a1, NULL, 0);
				changed |= !blank(&so, r->a0, r->a1);
			} else {
				rc = segs_of(&sv, RL_INS, &sn, r->b0, r->b1, NULL, 0);
				changed |= !blank(&sn, r->b0, r->b1);
			}
		}
		free(runs);
		e->status = changed ? RL_CHANGED : RL_SAME;
	} else if (e->new >= 0) {
		rc = segs_of(&sv, RL_INS, &sn, 0, sn.t->ntok, NULL, 0);
	} else {
		rc = segs_of(&sv, RL_DEL, &so, 0, so.t->ntok, NULL, 0);
	}
	if (rc < 0) {
		free(sv.v);
		return -1;
	}
	e->segs = sv.v;
	e->nsegs = sv.n;
	return 0;
}

/* ---- Reading order. ---- */

static int sec_rank(const struct resolution *r, int i)
{
	switch (r->paras[i].kind) {
	case PARA_PREAMBLE:
		return 0;
	case PARA_ANNEX_TITLE:
	case PARA_ANNEX_HEADING:
	case PARA_ANNEX:
		return 2;
	case PARA_FOOTNOTE:
		return 3;
	default:
		return 1;
	}
}

static int add_pair(struct build *bd, int i, int j, int moved)
{
	struct rl_entry *e = entry_add(bd);
	if (!e)
		return -1;
	e->old = i;
	e->new = j;
	e->moved = moved;
	e->similarity = bd->a.sim[i];
	if (!moved) {
		const char *lo = res_label(bd->old, i), *ln = res_label(bd->new, j);
		e->renumbered = (lo && ln) ? strcmp(lo, ln) != 0 : lo != ln;
	}
	return entry_segments(bd, e);
}

/* Old paragraph i with nothing at its place in the new: deleted, or moved away. */
static int add_old(struct build *bd, int i)
{
	struct rl_entry *e = entry_add(bd);
	if (!e)
		return -1;
	e->old = i;
	if (bd->a.match[i] >= 0) {
		e->new = bd->a.match[i];
		e->status = RL_MOVED_AWAY;
		e->moved = 1;
		e->similarity = bd->a.sim[i];
		return 0;
	}
	e->status = RL_DELETED;
	return entry_segments(bd, e);
}

static int add_new(struct build *bd, int j)
{
	if (bd->b.match[j] >= 0)
		return add_pair(bd, bd->b.match[j], j, 1);
	struct rl_entry *e = entry_add(bd);
	if (!e)
		return -1;
	e->new = j;
	e->status = RL_NEW;
	return entry_segments(bd, e);
}

/* Both documents in one order: the new one's, each old paragraph without a place in it just
 * before the next one that has; between sections, by section. */
static int merge(struct build *bd)
{
	size_t na = bd->old->npara, nb = bd->new->npara, i = 0, j = 0;
	int rc = 0;
	while (rc == 0 && (i < na || j < nb)) {
		int di = i < na && (bd->a.match[i] < 0 || bd->moved_a[i]);
		int nj = j < nb && (bd->b.match[j] < 0 || bd->moved_a[bd->b.match[j]]);
		if (di && nj && sec_rank(bd->old, (int)i) > sec_rank(bd->new, (int)j))
			di = 0;
		if (di) {
			rc = add_old(bd, (int)i++);
		} else if (nj) {
			rc = add_new(bd, (int)j++);
		} else if (i < na && j < nb) {
			rc = add_pair(bd, (int)i++, (int)j++, 0);
		} else {
			/* cannot happen: an in-order pair waits on both sides */
			rc = -1;
		}
	}
	return rc;
}

/* ---- Counts. ---- */

enum rl_section redline_section(const struct redline *rl, const struct rl_entry *e)
{
	const struct para *p = e->new >= 0 ? &rl->new->paras[e->new] : &rl->old->paras[e->old];
	switch (p->kind) {
	case PARA_PREAMBLE:
		return RL_SEC_PREAMBLE;
	case PARA_OPERATIVE:
	case PARA_SUB:
		return RL_SEC_OPERATIVE;
	case PARA_ANNEX_TITLE:
	case PARA_ANNEX_HEADING:
	case PARA_ANNEX:
		return RL_SEC_ANNEX;
	case PARA_FOOTNOTE:
		return RL_SEC_FOOTNOTE;
	case PARA_PLAIN:
		break;
	}
	return RL_SEC_OTHER;
}

const char *redline_section_name(enum rl_section s)
{
	static const char *const names[RL_NSECTIONS] = { "preamble", "operative", "annex",
		                                           "footnotes", "other" };
	return s < RL_NSECTIONS ? names[s] : "other";
}

static void count_one(struct rl_count *c, const struct rl_entry *e)
{
	if (e->status == RL_MOVED_AWAY)
		return;
	if (e->status == RL_NEW)
		c->added++;
	else if (e->status == RL_DELETED)
		c->deleted++;
	else if (e->moved)
		c->moved++;
	else if (e->status == RL_SAME)
		c->same++;
	else
		c->changed++;
	if (e->renumbered)
		c->renumbered++;
}

static int index_entries(struct redline *rl)
{
	size_t na = rl->old->npara, nb = rl->new->npara;
	rl->old_entry = malloc((na ? na : 1) * sizeof *rl->old_entry);
	rl->new_entry = malloc((nb ? nb : 1) * sizeof *rl->new_entry);
	if (!rl->old_entry || !rl->new_entry)
		return -1;
	for (size_t k = 0; k < rl->n; k++) {
		const struct rl_entry *e = &rl->e[k];
		if (e->status != RL_MOVED_AWAY && e->old >= 0)
			rl->old_entry[e->old] = (int)k;
		if (e->status != RL_MOVED_AWAY && e->new >= 0)
			rl->new_entry[e->new] = (int)k;
		count_one(&rl->count[redline_section(rl, e)], e);
		count_one(&rl->total, e);
	}
	return 0;
}

int redline_build(const struct resolution *old, const struct resolution *new,
                  struct redline **out)
{
	*out = NULL;
	struct build bd = { .old = old, .new = new };
	bd.rl = calloc(1, sizeof *bd.rl);
	bd.in = intern_new();
	bd.fa = calloc(old->npara + 1, sizeof *bd.fa);
	bd.fb = calloc(new->npara + 1, sizeof *bd.fb);
	bd.moved_a = calloc(old->npara + 1, sizeof *bd.moved_a);
	int rc = (bd.rl && bd.in && bd.fa && bd.fb && bd.moved_a) ? 0 : -1;
	bd.a.res = old;
	bd.b.res = new;
	if (rc == 0)
		rc = side_init(&bd, &bd.a, old);
	if (rc == 0)
		rc = side_init(&bd, &bd.b, new);
	if (rc == 0)
		rc = align_all(&bd);
	for (size_t i = 0; i < old->npara && rc == 0; i++)
		if (!(bd.fa[i] = final_ids(&bd, &bd.a, 1, i)))
			rc = -1;
	for (size_t j = 0; j < new->npara && rc == 0; j++)
		if (!(bd.fb[j] = final_ids(&bd, &bd.b, 0, j)))
			rc = -1;
	if (rc == 0)
		rc = find_moves(&bd, 0);
	if (rc == 0)
		rc = find_moves(&bd, 1);
	if (rc == 0) {
		bd.rl->old = old;
		bd.rl->new = new;
		rc = merge(&bd);
	}
	if (rc == 0)
		rc = index_entries(bd.rl);
	if (bd.fa)
		for (size_t i = 0; i < old->npara; i++)
			if (bd.fa[i] && bd.fa[i] != bd.a.tp[i].ids)
				free(bd.fa[i]);
	if (bd.fb)
		for (size_t j = 0; j < new->npara; j++)
			if (bd.fb[j] && bd.fb[j] != bd.b.tp[j].ids)
				free(bd.fb[j]);
	free(bd.fa);
	free(bd.fb);
	free(bd.moved_a);
	if (bd.a.res)
		side_free(&bd.a);
	if (bd.b.res)
		side_free(&bd.b);
	intern_free(bd.in);
	if (rc < 0) {
		redline_free(bd.rl);
		return -1;
	}
	*out = bd.rl;
	return 0;
}

int redline_identical(const struct redline *rl)
{
	for (size_t k = 0; k < rl->n; k++) {
		const struct rl_entry *e = &rl->e[k];
		if (e->status != RL_SAME || e->moved || e->renumbered)
			return 0;
	}
	return 1;
}

double redline_similarity(const char *a, size_t na, const char *b, size_t nb)
{
	struct intern *in = intern_new();
	struct word *wa = NULL, *wb = NULL;
	long ka = in ? text_words(a, na, &wa) : -1;
	long kb = ka >= 0 ? text_words(b, nb, &wb) : -1;
	uint32_t *ia = ka >= 0 ? malloc(((size_t)ka + 1) * sizeof *ia) : NULL;
	uint32_t *ib = kb >= 0 ? malloc(((size_t)kb + 1) * sizeof *ib) : NULL;
	double sim = -1;
	if (ia && ib) {
		size_t xa = 0, xb = 0;
		int bad = 0;
		for (long k = 0; k < ka; k++)
			if (wa[k].kind == WORD_TEXT &&
			    (ia[xa++] = intern_id(in, NS_WORD, a + wa[k].start,
			                          wa[k].end - wa[k].start)) == UINT32_MAX)
				bad = 1;
		for (long k = 0; k < kb; k++)
			if (wb[k].kind == WORD_TEXT &&
			    (ib[xb++] = intern_id(in, NS_WORD, b + wb[k].start,
			                          wb[k].end - wb[k].start)) == UINT32_MAX)
				bad = 1;
		long kept = bad ? -1 : words_kept(ia, xa, ib, xb);
		if (kept >= 0)
			sim = xa + xb ? 2.0 * (double)kept / (double)(xa + xb) : 1.0;
	}
	free(wa);
	free(wb);
	free(ia);
	free(ib);
	intern_free(in);
	return sim;
}

void redline_free(struct redline *rl)
{
	if (!rl)
		return;
	for (size_t k = 0; k < rl->n; k++)
		free(rl->e[k].segs);
	free(rl->e);
	free(rl->old_entry);
	free(rl->new_entry);
	free(rl);
}
