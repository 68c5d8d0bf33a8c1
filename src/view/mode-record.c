/* mode-record.c: the record of adoption on one screen (I): who sponsored the draft, how the
 * resolution was adopted (the vote, and who voted how where the file says), the meeting and
 * its record, subjects, and what the text cites; the same fields as `gavel show --record`
 * (doc/record.h), wrapped to the screen. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/record.h"
#include "text/wrap.h"
#include "view/clip.h"
#include "view/draw.h"
#include "view/view.h"

static const struct binding record_keys[] = {
	{ 'q', ACT_CLOSE, "Close the record" }, { VK_ESC, ACT_CLOSE, NULL },
	{ 'I', ACT_CLOSE, NULL }, { VK_ENTER, ACT_CLOSE, NULL },
	{ VK_BACKSPACE, ACT_CLOSE, NULL },
	{ 0, ACT_NONE, NULL }
};

static void record_free(struct view *v)
{
	keys_help_free(v->record, v->nrecord);
	v->record = NULL;
	v->nrecord = 0;
}

/* The fields as lines: the label in a column, the value wrapped beside it. */
static void record_wrap(struct view *v)
{
	record_free(v);
	const struct resolution *res = v->res;
	struct record_field *f;
	int n = res ? record_fields(res, &f) : -1;
	if (n < 0) {
		view_message(v, 1, "out of memory");
		return;
	}
	int lw = 0;
	for (int i = 0; i < n; i++)
		if (text_width(f[i].label, strlen(f[i].label)) > lw)
			lw = text_width(f[i].label, strlen(f[i].label));
	int cols = v->geom.cols - 2 - lw - 2;
	if (cols < 10)
		cols = 10;
	size_t cap = 0;
	int bad = 0;
	for (int i = 0; i < n && !bad; i++) {
		struct wrap_line *wl = NULL;
		int k = text_wrap(f[i].value, strlen(f[i].value), cols, &wl);
		if (k < 0) {
			bad = 1;
			break;
		}
		for (int j = 0; j < (k ? k : 1) && !bad; j++) {
			char line[2048];
			size_t a = k ? wl[j].start : 0, b = k ? wl[j].end : 0;
			snprintf(line, sizeof line, "%-*s  %.*s", lw, j ? "" : f[i].label, (int)(b - a),
			         f[i].value + a);
			bad = keys_lines_push(&v->record, &v->nrecord, &cap, line);
		}
		free(wl);
	}
	record_fields_free(f, n);
	if (bad) {
		record_free(v);
		view_message(v, 1, "out of memory");
	}
}

void view_record(struct view *v)
{
	if (view_top(v) != MODE_RECORD)
		view_push(v, MODE_RECORD);
	v->record_top = 0;
	record_wrap(v);
}

static size_t page(const struct view *v)
{
	return v->geom.rows > 3 ? (size_t)v->geom.rows - 3 : 1;
}

static int record_action(struct view *v, enum action a)
{
	size_t pg = page(v), max = v->nrecord > pg ? v->nrecord - pg : 0;
	switch (a) {
	case ACT_LINE_DOWN: v->record_top++; break;
	case ACT_LINE_UP: if (v->record_top > 0) v->record_top--; break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN: v->record_top += pg; break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP: v->record_top = v->record_top > pg ? v->record_top - pg : 0; break;
	case ACT_FIRST: v->record_top = 0; break;
	case ACT_LAST: v->record_top = max; break;
	case ACT_CLOSE:
		view_pop(v);
		return 1;
	default:
		return 0;
	}
	if (v->record_top > max)
		v->record_top = max;
	return 1;
}

static void record_draw(const struct view *v, struct canvas *c)
{
	char title[300], q[16];
	const struct res_meta *m = &v->res->meta;
	snprintf(title, sizeof title, "The record of %s (%s closes)",
	         m->symbol ? m->symbol : "the resolution",
	         view_key_for(v, MODE_RECORD, ACT_CLOSE, "Esc", q, sizeof q));
	char safe[400];
	clip_text(title, strlen(title), v->geom.cols - 2, v->utf8, 1, safe, sizeof safe);
	draw_title_line(v, c, safe);
	for (int row = 1; row < v->geom.rows - 1; row++) {
		size_t i = v->record_top + (size_t)(row - 1);
		if (i >= v->nrecord)
			break;
		const char *l = v->record[i];
		char buf[2400];
		clip_text(l, strlen(l), v->geom.cols - 2, v->utf8, 0, buf, sizeof buf);
		/* the labels stand out: what is before the value's column */
		draw_str(c, row, 1, v->geom.cols - 2, buf, STYLE(STYLE_TEXT, 0));
		const char *gap = strstr(l, "  ");
		size_t lab = gap ? (size_t)(gap - l) : 0;
		if (l[0] != ' ' && lab)
			draw_text(c, row, 1, v->geom.cols - 2, buf, 0, lab < strlen(buf) ? lab : strlen(buf),
			          NULL, NULL, STYLE(STYLE_HEADING, 0));
	}
	draw_status(v, c);
}

static void record_resize(struct view *v)
{
	size_t top = v->record_top;
	record_wrap(v);
	v->record_top = top < v->nrecord ? top : 0;
}

const struct mode_ops mode_record_ops = {
	.name = "record",
	.title = "The record of adoption",
	.flags = MODE_GENERIC,
	.keys = record_keys,
	.action = record_action,
	.draw = record_draw,
	.resize = record_resize,
	.leave = record_free,
};
