/* out.c: the table of redline formats and what they share: names, labels, counts, groups. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "diff/out.h"
#include "text/utf8.h"

const struct rl_format rl_formats[] = {
	{ "text", "the terminal: colours, or wdiff's [-deleted-]{+inserted+} without", 0,
	  rl_write_text },
	{ "md", "Markdown with <del> and <ins>, a table of counts, one paragraph per entry", 0,
	  rl_write_md },
	{ "html", "a standalone HTML page with <del> and <ins>", 0, rl_write_html },
	{ "json", "every entry with its ids, labels, status and segments, for scripts", 0,
	  rl_write_json },
	{ "docx", "a Word document whose changes are tracked revisions (needs -o FILE or a pipe)",
	  1, rl_write_docx },
	{ NULL, NULL, 0, NULL }
};

const struct rl_format *rl_format_find(const char *name)
{
	if (name && strcmp(name, "txt") == 0)   /* export's name for plain text */
		name = "text";
	for (const struct rl_format *f = rl_formats; name && f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

const char *rl_name(const struct redline *rl, int new_side, const struct rl_out_opts *o)
{
	const struct resolution *r = new_side ? rl->new : rl->old;
	if (r->meta.symbol && *r->meta.symbol)
		return r->meta.symbol;
	const char *f = o ? (new_side ? o->new_name : o->old_name) : NULL;
	if (f && *f)
		return f;
	return new_side ? "new" : "old";
}

const char *rl_entry_label(const struct redline *rl, const struct rl_entry *e, char *buf,
                           size_t size)
{
	const char *ln = e->new >= 0 ? res_label(rl->new, e->new) : NULL;
	const char *lo = e->old >= 0 ? res_label(rl->old, e->old) : NULL;
	if (e->status == RL_MOVED_AWAY || !ln)
		snprintf(buf, size, "%s", lo ? lo : "");
	else if (lo && strcmp(lo, ln) != 0)
		snprintf(buf, size, "%s \xE2\x86\x90 %s", ln, lo);
	else
		snprintf(buf, size, "%s", ln);
	return buf;
}

const char *rl_status_name(const struct rl_entry *e)
{
	static const char *const names[] = { [RL_SAME] = "unchanged", [RL_CHANGED] = "changed",
		                             [RL_NEW] = "new", [RL_DELETED] = "deleted",
		                             [RL_MOVED_AWAY] = "moved away" };
	return names[e->status];
}

const char *rl_count_text(const struct rl_count *c, char *buf, size_t size)
{
	const struct { int n; const char *what; } parts[] = {
		{ c->same, "unchanged" }, { c->changed, "changed" }, { c->moved, "moved" },
		{ c->added, "new" }, { c->deleted, "deleted" },
	};
	size_t at = 0;
	buf[0] = '\0';
	for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
		if (!parts[k].n)
			continue;
		int w = snprintf(buf + at, size - at, "%s%d %s", at ? ", " : "", parts[k].n,
		                 parts[k].what);
		if (w < 0 || (size_t)w >= size - at)
			return buf;
		at += (size_t)w;
	}
	if (c->renumbered && at < size)
		snprintf(buf + at, size - at, "; %d renumbered", c->renumbered);
	else if (!at)
		snprintf(buf, size, "nothing");
	return buf;
}

int rl_next_group(const struct rl_entry *e, size_t *at, struct rl_group *g)
{
	if (*at >= e->nsegs)
		return 0;
	g->op = e->segs[*at].op;
	g->from = *at;
	while (*at < e->nsegs && e->segs[*at].op == g->op)
		(*at)++;
	g->to = *at;
	return 1;
}

int rl_group_blank(const struct rl_entry *e, const struct rl_group *g)
{
	for (size_t k = g->from; k < g->to; k++) {
		const struct rl_seg *s = &e->segs[k];
		if (!s->text)
			return 0;
		for (size_t i = 0; i < s->len;) {
			uint32_t c;
			size_t cl = utf8_decode(s->text + i, s->len - i, &c);
			if (!(c == ' ' || c == '\t' || c == '\n' || c == 0xA0 || c == 0x202F ||
			      c == 0x2007 || (c >= 0x2000 && c <= 0x200A) || c == 0x3000))
				return 0;
			i += cl;
		}
	}
	return 1;
}

int rl_marker_num(const struct rl_seg *g)
{
	return g->op == RL_DEL ? g->old_num : g->new_num;
}

void rl_write_escaped(FILE *f, const char *s, size_t n, rl_escape_fn esc)
{
	for (size_t k = 0; k < n;) {
		uint32_t c;
		size_t cl = utf8_decode(s + k, n - k, &c);
		if (c == '\t')
			c = ' ';
		else if (utf8_is_control(c))
			c = 0xFFFD;
		if (!esc(f, c)) {
			if (c == 0xFFFD || c == ' ') {
				char buf[4];
				fwrite(buf, 1, utf8_encode(c, buf), f);
			} else {
				fwrite(s + k, 1, cl, f);
			}
		}
		k += cl;
	}
}

void rl_write_inline(FILE *f, const struct rl_entry *e, rl_escape_fn esc, int link)
{
	size_t at = 0;
	struct rl_group g;
	while (rl_next_group(e, &at, &g)) {
		int blank = g.op != RL_EQ && rl_group_blank(e, &g);
		if (blank && g.op == RL_DEL)
			continue;           /* white space for white space: nothing to see */
		if (blank)
			g.op = RL_EQ;
		if (g.op != RL_EQ)
			fputs(g.op == RL_DEL ? "<del>" : "<ins>", f);
		for (size_t k = g.from; k < g.to; k++) {
			const struct rl_seg *s = &e->segs[k];
			if (s->text) {
				rl_write_escaped(f, s->text, s->len, esc);
				continue;
			}
			int num = rl_marker_num(s);
			if (link)
				fprintf(f, "<sup><a href=\"#%s-fn%d\">%d</a></sup>",
				        s->op == RL_DEL ? "old" : "new", num, num);
			else
				fprintf(f, "<sup>%d</sup>", num);
		}
		if (g.op != RL_EQ)
			fputs(g.op == RL_DEL ? "</del>" : "</ins>", f);
	}
}

const char *rl_section_heading(enum rl_section s)
{
	static const char *const h[RL_NSECTIONS] = { "Preamble", "Operative paragraphs", "Annexes",
		                                       "Footnotes", "Text" };
	return s < RL_NSECTIONS ? h[s] : "Text";
}

size_t rl_notes_of(const struct rl_out_opts *o, size_t k, const struct rl_note **first)
{
	size_t lo = 0, hi = o->nnotes;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (o->notes[mid].entry < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t n = 0;
	while (lo + n < o->nnotes && o->notes[lo + n].entry == k)
		n++;
	*first = n ? &o->notes[lo] : NULL;
	return n;
}

const char *rl_carry_name(enum rl_carry_status s)
{
	return s == RL_CARRIED ? "carried" : s == RL_CARRIED_CHANGED ? "words changed"
	     : "left behind";
}
