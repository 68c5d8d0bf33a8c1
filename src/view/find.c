/* find.c: "/" and "\" across all panes, and across every document of a compilation. Each
 * search scans the collection once to count the matches of each document; the current
 * document's matches are counted per paragraph, so moving between matches costs one
 * paragraph (and one document's count when the search crosses into another document). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "view/find.h"
#include "view/pane.h"

void find_clear(struct find *f)
{
	if (f->active)
		search_pat_free(&f->pat);
	free(f->prefix);
	free(f->doc_base);
	f->prefix = NULL;
	f->doc_base = NULL;
	f->active = 0;
	f->cur_para = -1;
	f->cur_index = -1;
}

/* Matches of one paragraph, or -1 when out of memory. */
static long count_para(const struct search_pat *pat, const struct para *p)
{
	if (!p->text)
		return 0;
	struct search_hit *hits = NULL;
	int k = search_text(pat, p->text, strnlen(p->text, p->text_len), &hits);
	free(hits);
	return k;
}

/* Per-paragraph counts of the current document into f->prefix. */
static int count_doc(struct view *v)
{
	struct find *f = &v->find;
	const struct resolution *res = v->res;
	free(f->prefix);
	f->prefix = malloc((res->npara + 1) * sizeof *f->prefix);
	if (!f->prefix)
		return -1;
	size_t total = 0;
	for (size_t i = 0; i < res->npara; i++) {
		f->prefix[i] = total;
		long k = count_para(&f->pat, &res->paras[i]);
		if (k < 0)
			return -1;
		total += (size_t)k;
	}
	f->prefix[res->npara] = total;
	return 0;
}

int find_doc_changed(struct view *v)
{
	struct find *f = &v->find;
	f->cur_para = f->cur_index = -1;
	if (!f->active)
		return 0;
	if (count_doc(v) < 0) {
		find_clear(f);
		return -1;
	}
	return 0;
}

/* The last i in [0, n] with v[i] <= k. */
static size_t last_le(const size_t *a, size_t n, size_t k)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi + 1) / 2;
		if (a[mid] <= k)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

static size_t ndocs(const struct view *v)
{
	return v->col ? v->col->ndocs : 1;
}

static void go_match(struct view *v, size_t k, const char *wrapped)
{
	struct find *f = &v->find;
	size_t total = f->doc_base[ndocs(v)];
	size_t d = last_le(f->doc_base, ndocs(v), k);
	/* A jump: into the history, then (maybe) into another document. */
	view_push_history(v);
	if ((int)d != v->doc && view_set_doc(v, (int)d) < 0) {
		view_message(v, 1, "out of memory");
		return;
	}
	if (!f->active || !f->prefix)
		return;
	size_t local = k - f->doc_base[d];
	int para = (int)last_le(f->prefix, v->res->npara, local);
	f->cur_para = para;
	f->cur_index = (int)(local - f->prefix[para]);
	view_show_para(v, para, 0);
	struct dpara *dp = pane_dpara(v, v->pane_of[para], (size_t)v->pos_of[para]);
	if (dp && f->cur_index < dp->nhits)
		pane_show(v, v->pane_of[para], (size_t)v->pos_of[para],
		          dpara_line_of(dp, dp->hits[2 * f->cur_index]));
	view_message(v, 0, "%s%s%s%zu of %zu", wrapped ? wrapped : "", wrapped ? " \xc2\xb7 " : "",
	             f->dir > 0 ? "/" : "\\", k + 1, total);
}

/* Goes to the next match from the current paragraph of the focused pane in direction dir. */
static void step(struct view *v, int dir)
{
	struct find *f = &v->find;
	struct pane *p = &v->pane[v->focus];
	size_t total = f->doc_base[ndocs(v)];
	if (total == 0)
		return;
	int here = p->n ? p->paras[p->cur] : 0;
	long base = (long)f->doc_base[v->doc];
	long at = base + (long)f->prefix[here];
	int on_match = f->cur_para == here && f->cur_index >= 0;
	long k;
	if (dir > 0) {
		k = on_match ? at + f->cur_index + 1 : at;
		if ((size_t)k >= total) {
			go_match(v, 0, "search hit BOTTOM, continuing at TOP");
			return;
		}
	} else {
		k = on_match ? at + f->cur_index - 1 : at - 1;
		if (k < 0) {
			go_match(v, total - 1, "search hit TOP, continuing at BOTTOM");
			return;
		}
	}
	go_match(v, (size_t)k, NULL);
}

int find_start(struct view *v, const char *pattern, int dir)
{
	struct find *f = &v->find;
	char pat[LINEEDIT_MAX];
	if (!pattern || !*pattern) {
		if (!f->pattern[0]) {
			view_message(v, 1, "no previous search");
			return 0;
		}
		memcpy(pat, f->pattern, sizeof pat);
	} else {
		snprintf(pat, sizeof pat, "%s", pattern);
	}
	find_clear(f);
	v->gen++;
	memcpy(f->pattern, pat, sizeof f->pattern);
	f->dir = dir;
	if (search_compile(pat, &f->pat) < 0) {
		view_message(v, 1, "out of memory");
		return -1;
	}
	f->active = 1;
	size_t nd = ndocs(v);
	f->doc_base = malloc((nd + 1) * sizeof *f->doc_base);
	if (!f->doc_base || count_doc(v) < 0) {
		find_clear(f);
		view_message(v, 1, "out of memory");
		return -1;
	}
	size_t total = 0;
	for (size_t d = 0; d < nd; d++) {
		f->doc_base[d] = total;
		if ((int)d == v->doc) {
			total += f->prefix[v->res->npara];
			continue;
		}
		const struct resolution *res = v->col->docs[d];
		for (size_t i = 0; i < res->npara; i++) {
			long k = count_para(&f->pat, &res->paras[i]);
			if (k < 0) {
				find_clear(f);
				view_message(v, 1, "out of memory");
				return -1;
			}
			total += (size_t)k;
		}
	}
	f->doc_base[nd] = total;
	if (total == 0) {
		find_clear(f);
		view_message(v, 1, "Pattern not found");
		return 0;
	}
	step(v, dir);
	return (int)(total > (size_t)0x7fffffff ? 0x7fffffff : total);
}

void find_next(struct view *v, int same)
{
	struct find *f = &v->find;
	if (!f->active) {
		int dir = f->dir ? f->dir : 1;
		if (f->pattern[0])
			find_start(v, "", same > 0 ? dir : -dir);
		else
			view_message(v, 1, "no previous search");
		return;
	}
	step(v, same > 0 ? f->dir : -f->dir);
}
