/* carry.c: notes on last year's text, carried to this year's. A note's range maps through the
 * paragraph's word comparison (kept words keep their place, a deleted stretch maps to what was
 * inserted in its place); when the quoted words are still there, the quote's own occurrence
 * nearest to that place wins, so a note survives words moved or repeated around it. */
#include "config.h"

#include <string.h>

#include "diff/diff.h"
#include "text/utf8.h"

/* Byte positions of the old paragraph mapped into the new, from the segments (which cover
 * both texts in order). `late`: a position inside a deleted stretch maps to the end of what
 * was inserted in its place (a range's end), else to its start. */
static size_t map_byte(const struct rl_entry *e, size_t pos, int late)
{
	size_t o = 0, n = 0;
	for (size_t k = 0; k < e->nsegs; k++) {
		const struct rl_seg *g = &e->segs[k];
		if (g->op == RL_EQ) {
			if (pos < o + g->len || (pos == o + g->len && !late))
				return n + (pos - o);
			o += g->len, n += g->len;
		} else if (g->op == RL_DEL) {
			if (pos < o + g->len) {
				if (!late)
					return n;
				/* the insertion that replaces it, if any */
				size_t m = k + 1;
				while (m < e->nsegs && e->segs[m].op == RL_DEL)
					m++;
				while (m < e->nsegs && e->segs[m].op == RL_INS)
					n += e->segs[m++].len;
				return n;
			}
			o += g->len;
		} else {
			n += g->len;
		}
	}
	return n;
}

/* The occurrence of quote q in text t nearest to byte `near`, or (size_t)-1. */
static size_t nearest(const char *t, const char *q, size_t near)
{
	size_t ql = strlen(q), best = (size_t)-1, bestd = (size_t)-1;
	if (!ql)
		return best;
	for (const char *p = strstr(t, q); p; p = strstr(p + 1, q)) {
		size_t at = (size_t)(p - t), d = at > near ? at - near : near - at;
		if (d < bestd)
			best = at, bestd = d;
	}
	return best;
}

void redline_carry(const struct redline *rl, const char *para_id, size_t start, size_t end,
                   const char *exact, struct rl_carry *out)
{
	memset(out, 0, sizeof *out);
	out->status = RL_LEFT_BEHIND;
	out->new = -1;
	out->old = res_find(rl->old, para_id);
	if (out->old < 0)
		return;
	const struct rl_entry *e = &rl->e[rl->old_entry[out->old]];
	const struct para *po = &rl->old->paras[out->old];
	const char *to = po->text ? po->text : "";
	size_t lo = po->text ? po->text_len : 0, chars_old = utf8_count(to, lo);
	out->whole = start == 0 && end >= chars_old;
	if (e->new < 0)
		return;
	out->new = e->new;
	const struct para *pn = &rl->new->paras[e->new];
	const char *tn = pn->text ? pn->text : "";
	size_t ln = pn->text ? pn->text_len : 0, chars_new = utf8_count(tn, ln);
	if (out->whole) {
		out->status = e->status == RL_SAME ? RL_CARRIED : RL_CARRIED_CHANGED;
		out->end = chars_new;
		return;
	}
	if (end > chars_old)
		end = chars_old;
	if (start > end)
		start = end;
	size_t bs = utf8_byte_offset(to, lo, start), be = utf8_byte_offset(to, lo, end);
	size_t ns = map_byte(e, bs, 0), ne = map_byte(e, be, 1);
	if (ne > ln)
		ne = ln;
	if (ns > ne)
		ns = ne;
	size_t at = exact && *exact ? nearest(tn, exact, ns) : (size_t)-1;
	if (at != (size_t)-1) {
		out->status = RL_CARRIED;
		out->start = utf8_count(tn, at);
		out->end = out->start + utf8_count(exact, strlen(exact));
		return;
	}
	out->status = RL_CARRIED_CHANGED;
	if (ns == ne) {                                /* its words are gone: the paragraph */
		out->end = chars_new;
		return;
	}
	out->start = utf8_count(tn, ns);
	out->end = utf8_count(tn, ne);
}
