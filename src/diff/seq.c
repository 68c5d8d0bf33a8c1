/* seq.c: Myers' middle-snake divide and conquer (E. Myers, "An O(ND) Difference Algorithm and
 * Its Variations", 1986, section 4b), with GNU diff's cut-off for costly inputs: linear memory,
 * and time that grows with the size of the difference, so two near-identical paragraphs cost
 * little more than reading them. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>

#include "diff/seq.h"

struct seq {
	const uint32_t *a, *b;
	char *del, *ins;
	long *fd, *bd;          /* furthest x reached on each diagonal, forward and backward */
	long too_expensive;     /* the cost at which a near split is taken instead */
};

struct split {
	long x, y;
	int lo_minimal, hi_minimal;
};

/* Gives up on a minimal result after `too_expensive` rounds: the split is then the point
 * furthest along either search, which still yields a valid (if longer) script. */
static void near_split(const struct seq *s, long xoff, long xlim, long yoff, long ylim,
                       long fmin, long fmax, long bmin, long bmax, struct split *sp)
{
	long fxybest = -1, fxbest = 0, bxybest = LONG_MAX, bxbest = 0;
	for (long d = fmax; d >= fmin; d -= 2) {
		long x = s->fd[d] < xlim ? s->fd[d] : xlim, y = x - d;
		if (ylim < y)
			x = ylim + d, y = ylim;
		if (fxybest < x + y)
			fxybest = x + y, fxbest = x;
	}
	for (long d = bmax; d >= bmin; d -= 2) {
		long x = s->bd[d] > xoff ? s->bd[d] : xoff, y = x - d;
		if (y < yoff)
			x = yoff + d, y = yoff;
		if (x + y < bxybest)
			bxybest = x + y, bxbest = x;
	}
	if ((xlim + ylim) - bxybest < fxybest - (xoff + yoff)) {
		sp->x = fxbest, sp->y = fxybest - fxbest;
		sp->lo_minimal = 1, sp->hi_minimal = 0;
	} else {
		sp->x = bxbest, sp->y = bxybest - bxbest;
		sp->lo_minimal = 0, sp->hi_minimal = 1;
	}
}

/* Finds where a shortest path through [xoff, xlim) x [yoff, ylim) crosses its middle, by
 * searching from both corners at once until the two searches meet. */
static void middle(const struct seq *s, long xoff, long xlim, long yoff, long ylim, int minimal,
                   struct split *sp)
{
	long *fd = s->fd, *bd = s->bd;
	const uint32_t *a = s->a, *b = s->b;
	long dmin = xoff - ylim, dmax = xlim - yoff;
	long fmid = xoff - yoff, bmid = xlim - ylim;
	long fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
	int odd = (fmid - bmid) & 1;
	fd[fmid] = xoff;
	bd[bmid] = xlim;
	for (long c = 1;; c++) {
		if (fmin > dmin)
			fd[--fmin - 1] = -1;
		else
			fmin++;
		if (fmax < dmax)
			fd[++fmax + 1] = -1;
		else
			fmax--;
		for (long d = fmax; d >= fmin; d -= 2) {
			long lo = fd[d - 1], hi = fd[d + 1];
			long x = lo >= hi ? lo + 1 : hi, y = x - d;
			while (x < xlim && y < ylim && a[x] == b[y])
				x++, y++;
			fd[d] = x;
			if (odd && bmin <= d && d <= bmax && bd[d] <= x) {
				sp->x = x, sp->y = y, sp->lo_minimal = sp->hi_minimal = 1;
				return;
			}
		}
		if (bmin > dmin)
			bd[--bmin - 1] = LONG_MAX;
		else
			bmin++;
		if (bmax < dmax)
			bd[++bmax + 1] = LONG_MAX;
		else
			bmax--;
		for (long d = bmax; d >= bmin; d -= 2) {
			long lo = bd[d - 1], hi = bd[d + 1];
			long x = lo < hi ? lo : hi - 1, y = x - d;
			while (x > xoff && y > yoff && a[x - 1] == b[y - 1])
				x--, y--;
			bd[d] = x;
			if (!odd && fmin <= d && d <= fmax && x <= fd[d]) {
				sp->x = x, sp->y = y, sp->lo_minimal = sp->hi_minimal = 1;
				return;
			}
		}
		if (!minimal && c >= s->too_expensive) {
			near_split(s, xoff, xlim, yoff, ylim, fmin, fmax, bmin, bmax, sp);
			return;
		}
	}
}

static void compare(struct seq *s, long xoff, long xlim, long yoff, long ylim, int minimal)
{
	for (;;) {
		while (xoff < xlim && yoff < ylim && s->a[xoff] == s->b[yoff])
			xoff++, yoff++;
		while (xlim > xoff && ylim > yoff && s->a[xlim - 1] == s->b[ylim - 1])
			xlim--, ylim--;
		if (xoff == xlim) {
			while (yoff < ylim)
				s->ins[yoff++] = 1;
			return;
		}
		if (yoff == ylim) {
			while (xoff < xlim)
				s->del[xoff++] = 1;
			return;
		}
		struct split sp;
		middle(s, xoff, xlim, yoff, ylim, minimal, &sp);
		/* Recurse into the smaller half, loop on the other: the stack stays shallow. */
		if (sp.x - xoff + sp.y - yoff < xlim - sp.x + ylim - sp.y) {
			compare(s, xoff, sp.x, yoff, sp.y, sp.lo_minimal);
			xoff = sp.x, yoff = sp.y, minimal = sp.hi_minimal;
		} else {
			compare(s, sp.x, xlim, sp.y, ylim, sp.hi_minimal);
			xlim = sp.x, ylim = sp.y, minimal = sp.lo_minimal;
		}
	}
}

long seq_diff(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, char *del, char *ins)
{
	size_t ndiag = na + nb + 3;
	long *mem = malloc(2 * ndiag * sizeof *mem);
	if (!mem)
		return -1;
	struct seq s = { a, b, del, ins, mem + nb + 1, mem + ndiag + nb + 1, 1 };
	for (size_t d = na + nb + 3; d; d >>= 2)
		s.too_expensive <<= 1;
	if (s.too_expensive < 256)
		s.too_expensive = 256;
	compare(&s, 0, (long)na, 0, (long)nb, 0);
	free(mem);
	long kept = 0;
	for (size_t i = 0; i < na; i++)
		kept += !del[i];
	return kept;
}
