/* notelist.c: rows of the notes pane (document order, filters, orphans apart). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/clip.h"
#include "view/notelist.h"

/* Remembers the selected annotation by id, which survives a reload of the set. */
static void remember(struct notelist *l)
{
	int ai = notelist_current(l);
	if (ai >= 0 && l->set && (size_t)ai < l->set->n)
		memcpy(l->cur_id, l->set->v[ai].id, sizeof l->cur_id);
}

int notelist_build(struct notelist *l, const struct annot_set *s)
{
	size_t old_cur = l->cur;
	l->set = s;
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
	l->rows = malloc((s->n + 1) * sizeof *l->rows);
	if (!l->rows) {
		l->cur = l->top = 0;
		return -1;
	}
	const char *color = conf_color_key(l->color);
	const char *tag = l->tag[0] ? l->tag : NULL;
	/* Two passes: the anchored in document order, then the orphans under their heading. */
	for (int orphans = 0; orphans < 2; orphans++) {
		int heading = 0;
		for (size_t i = 0; i < s->n; i++) {
			if ((s->para_of[i] < 0) != orphans || !annot_matches(&s->v[i], color, tag))
				continue;
			if (orphans && !heading++)
				l->rows[l->n++] = NOTELIST_ORPHANS;
			l->rows[l->n++] = (int)i;
		}
	}
	l->cur = l->n && old_cur >= l->n ? l->n - 1 : old_cur;
	if (l->top > l->cur)
		l->top = l->cur;
	int was = l->cur_id[0] ? annot_find(s, l->cur_id) : -1;
	if (was >= 0 && notelist_select(l, was, 0) == 0)
		return 0;
	notelist_move(l, 0, 0);
	return 0;
}

void notelist_free(struct notelist *l)
{
	free(l->rows);
	l->rows = NULL;
	l->n = l->cur = l->top = 0;
	l->set = NULL;
	l->cur_id[0] = '\0';
}

void notelist_move(struct notelist *l, int delta, int height)
{
	if (l->n == 0) {
		l->cur = l->top = 0;
		return;
	}
	long c = (long)l->cur + delta;
	if (c < 0)
		c = 0;
	if (c >= (long)l->n)
		c = (long)l->n - 1;
	/* Off the heading, in the direction of travel (or wherever there is a note). */
	if (l->rows[c] == NOTELIST_ORPHANS) {
		if (delta < 0 && c > 0)
			c--;
		else if (c + 1 < (long)l->n)
			c++;
		else if (c > 0)
			c--;
	}
	l->cur = (size_t)c;
	if (height > 0) {
		if (l->cur < l->top)
			l->top = l->cur;
		if (l->cur >= l->top + (size_t)height)
			l->top = l->cur - (size_t)height + 1;
	}
	remember(l);
}

int notelist_current(const struct notelist *l)
{
	if (!l->rows || l->cur >= l->n)
		return -1;
	return l->rows[l->cur];
}

int notelist_select(struct notelist *l, int ai, int height)
{
	for (size_t r = 0; r < l->n; r++)
		if (l->rows[r] == ai && ai >= 0) {
			l->cur = r;
			notelist_move(l, 0, height);
			return 0;
		}
	return -1;
}

/* Appends up to `cols` columns of clipped text to buf; returns the columns used. */
static int put(char *buf, size_t size, const char *s, size_t n, int cols, int utf8, int ell)
{
	size_t len = strlen(buf);
	if (cols <= 0 || len + 1 >= size)
		return 0;
	return clip_text(s, n, cols, utf8, ell, buf + len, size - len);
}

/* Appends n spaces, no more than room. */
static int pad(char *buf, size_t size, int n, int room)
{
	size_t len = strlen(buf);
	int k = 0, cols = n < room ? n : room;
	for (; k < cols && len + 1 < size; k++)
		buf[len++] = ' ';
	buf[len] = '\0';
	return k;
}

void notelist_line(const struct notelist *l, const struct annot_set *s, const struct conf *c,
                   size_t row, int cols, int utf8, char *buf, size_t size)
{
	if (size == 0)
		return;
	buf[0] = '\0';
	if (row >= l->n || cols <= 0)
		return;
	int ai = l->rows[row];
	if (ai == NOTELIST_ORPHANS) {
		put(buf, size, "Orphans: their words were not found in this text (kept, never deleted)",
		    SIZE_MAX, cols, utf8, 1);
		return;
	}
	const struct annotation *a = &s->v[ai];
	int used = 0;
	char lab[64];
	const char *label = a->para_label;
	if (!label && s->para_of[ai] >= 0)
		label = res_label(s->res, s->para_of[ai]);
	if (!label)
		label = a->para_id ? a->para_id : "?";
	snprintf(lab, sizeof lab, "%s", label);
	used += put(buf, size, lab, SIZE_MAX, cols - used, utf8, 1);
	used += pad(buf, size, used < 12 ? 12 - used : 1, cols - used);
	int ci = conf_color_of_key(a->color);
	char sym[8];
	conf_color_symbol(c, ci, utf8, sym);
	const char *name = conf_color_name(c, ci, a->color ? a->color : "");
	char head[128];
	snprintf(head, sizeof head, "%s %s", sym, name);
	int hw = put(buf, size, head, SIZE_MAX, cols - used, utf8, 1);
	used += hw;
	used += pad(buf, size, hw < 14 ? 14 - hw : 2, cols - used);
	/* The quote gets up to half of what is left; the note and the tags share the rest. */
	int room = cols - used;
	if (room <= 2)
		return;
	const char *lq = utf8 ? "\u201C" : "\"", *rq = utf8 ? "\u201D" : "\"";
	int qcols = a->note && a->note[0] ? room / 2 : room - 2;
	used += put(buf, size, lq, SIZE_MAX, 1, utf8, 0);
	used += put(buf, size, a->exact ? a->exact : "", SIZE_MAX, qcols - 2, utf8, 1);
	used += put(buf, size, rq, SIZE_MAX, 1, utf8, 0);
	if (a->note && a->note[0] && cols - used > 3) {
		used += pad(buf, size, 2, cols - used);
		used += put(buf, size, a->note, strcspn(a->note, "\n"), cols - used, utf8, 1);
	}
	for (size_t t = 0; t < a->ntags && cols - used > 3; t++) {
		char tag[128];
		snprintf(tag, sizeof tag, " #%s", a->tags[t]);
		used += put(buf, size, tag, SIZE_MAX, cols - used, utf8, 1);
	}
}

void notelist_title(const struct notelist *l, const struct annot_set *s, const struct conf *c,
                    int utf8, char *buf, size_t size)
{
	const char *dot = utf8 ? " \u00B7 " : " - ";
	size_t shown = 0;
	for (size_t r = 0; r < l->n; r++)
		shown += l->rows[r] != NOTELIST_ORPHANS;
	int len = snprintf(buf, size, "Notes%s%zu", dot, shown);
	if (shown != s->n && len >= 0 && (size_t)len < size)
		len += snprintf(buf + len, size - (size_t)len, " of %zu", s->n);
	if (s->norphans && len >= 0 && (size_t)len < size)
		len += snprintf(buf + len, size - (size_t)len, " (%zu orphan%s)", s->norphans,
		                s->norphans == 1 ? "" : "s");
	if (l->color >= 0 && l->color < CONF_NCOLORS && len >= 0 && (size_t)len < size)
		len += snprintf(buf + len, size - (size_t)len, "%scolour: %s", dot,
		                c->color[l->color].name);
	if (l->tag[0] && len >= 0 && (size_t)len < size)
		snprintf(buf + len, size - (size_t)len, "%stag: %s", dot, l->tag);
}
