/* out-html.c: the redline as one standalone HTML page (no scripts, no outside resources): the
 * counts, then every paragraph under its section's heading with <del> and <ins>, markers
 * linked to their footnotes, and the language and direction of the new resolution. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "diff/out.h"

static int html_escape(FILE *f, uint32_t c)
{
	switch (c) {
	case '<':
		fputs("&lt;", f);
		return 1;
	case '>':
		fputs("&gt;", f);
		return 1;
	case '&':
		fputs("&amp;", f);
		return 1;
	case '"':
		fputs("&quot;", f);
		return 1;
	}
	return 0;
}

static void h(FILE *f, const char *s)
{
	rl_write_escaped(f, s, strlen(s), html_escape);
}

static const char style[] =
"body{font-family:Georgia,'Times New Roman',serif;max-width:50em;margin:2em auto;"
"padding:0 1em;line-height:1.5;color:#111}\n"
"del{color:#a00;text-decoration:line-through}ins{color:#060;text-decoration:underline}\n"
".label{font:bold .8em sans-serif;margin-inline-end:.6em;white-space:nowrap}\n"
".new>.label{color:#060}.deleted>.label{color:#a00}.moved>.label{color:#850}\n"
".unchanged{color:#555}.away{color:#850;font-style:italic}\n"
".status{font:italic .8em sans-serif;color:#666;margin-inline-end:.6em}\n"
".note{margin:-.3em 0 .8em 2em;font-size:.9em;color:#046}\n"
"table{border-collapse:collapse;font:.9em sans-serif}"
"td,th{border:1px solid #ccc;padding:.2em .6em}td{text-align:right}\n";

static void count_row(FILE *f, const char *name, const struct rl_count *c)
{
	fprintf(f, "<tr><th>%s</th><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td>"
	        "<td>%d</td></tr>\n", name, c->same, c->changed, c->moved, c->added, c->deleted,
	        c->renumbered);
}

static void head(FILE *f, const struct redline *rl, const struct rl_out_opts *o)
{
	const char *lang = rl->new->meta.language ? rl->new->meta.language : "en";
	fputs("<!DOCTYPE html>\n<html lang=\"", f);
	h(f, lang);
	fprintf(f, "\"%s>\n<head>\n<meta charset=\"utf-8\">\n<title>Redline: ",
	        strcmp(lang, "ar") == 0 ? " dir=\"rtl\"" : "");
	h(f, rl_name(rl, 0, o));
	fputs(" \xE2\x86\x92 ", f);
	h(f, rl_name(rl, 1, o));
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>Redline</h1>\n<ul>\n",
	        style);
	for (int side = 0; side < 2; side++) {
		const struct resolution *r = side ? rl->new : rl->old;
		fputs(side ? "<li>New: <b>" : "<li>Old: <b>", f);
		h(f, rl_name(rl, side, o));
		fputs("</b>", f);
		if (r->meta.adopted) {
			fputs(" of ", f);
			h(f, r->meta.adopted);
		}
		if (r->meta.title) {
			fputs(", <i>", f);
			h(f, r->meta.title);
			fputs("</i>", f);
		}
		fputs("</li>\n", f);
	}
	fputs("</ul>\n<table>\n<tr><th></th><th>unchanged</th><th>changed</th><th>moved</th>"
	      "<th>new</th><th>deleted</th><th>renumbered</th></tr>\n", f);
	for (int s = 0; s < RL_NSECTIONS; s++) {
		const struct rl_count *c = &rl->count[s];
		if (c->same + c->changed + c->moved + c->added + c->deleted)
			count_row(f, rl_section_heading((enum rl_section)s), c);
	}
	count_row(f, "All", &rl->total);
	fputs("</table>\n", f);
}

static void anchor(FILE *f, const char *side, const struct resolution *r, int i)
{
	if (i < 0 || !r->paras[i].id)
		return;
	fprintf(f, " id=\"%s-", side);
	h(f, r->paras[i].id);
	fputs("\"", f);
}

int rl_write_html(FILE *f, const struct redline *rl, const struct rl_out_opts *o)
{
	head(f, rl, o);
	int section = -1;
	char label[200];
	for (size_t k = 0; k < rl->n; k++) {
		const struct rl_entry *e = &rl->e[k];
		int s = (int)redline_section(rl, e);
		if (s != section) {
			fprintf(f, "<h2>%s</h2>\n", rl_section_heading((enum rl_section)s));
			section = s;
		}
		rl_entry_label(rl, e, label, sizeof label);
		if (e->status == RL_MOVED_AWAY) {
			fputs("<p class=\"away\"", f);
			anchor(f, "old", rl->old, e->old);
			fputs("><span class=\"label\">", f);
			h(f, label);
			fputs("</span>moved to <a href=\"#new-", f);
			h(f, rl->new->paras[e->new].id ? rl->new->paras[e->new].id : "");
			fputs("\">", f);
			h(f, res_label(rl->new, e->new));
			fputs("</a></p>\n", f);
			continue;
		}
		const char *cls = e->moved ? "moved" : rl_status_name(e);
		fprintf(f, "<p class=\"%s\"", cls);
		if (e->new >= 0)
			anchor(f, "new", rl->new, e->new);
		else
			anchor(f, "old", rl->old, e->old);
		fputs(">", f);
		if (e->new >= 0 && e->old >= 0 && rl->old->paras[e->old].id) {
			fputs("<a id=\"old-", f);
			h(f, rl->old->paras[e->old].id);
			fputs("\"></a>", f);
		}
		fputs("<span class=\"label\">", f);
		h(f, label);
		fputs("</span>", f);
		if (e->status == RL_NEW || e->status == RL_DELETED || e->moved)
			fprintf(f, "<span class=\"status\">%s</span>", cls);
		rl_write_inline(f, e, html_escape, 1);
		fputs("</p>\n", f);
		const struct rl_note *n;
		size_t nn = rl_notes_of(o, k, &n);
		for (size_t j = 0; j < nn; j++) {
			fputs("<aside class=\"note\">\xE2\x9C\x8E from ", f);
			h(f, n[j].from ? n[j].from : "");
			if (n[j].status != RL_CARRIED)
				fprintf(f, " (%s)", rl_carry_name(n[j].status));
			fputs(":", f);
			if (n[j].quote && *n[j].quote) {
				fputs(" <q>", f);
				h(f, n[j].quote);
				fputs("</q>", f);
			}
			if (n[j].note && *n[j].note) {
				fputs(n[j].quote && *n[j].quote ? " \xE2\x80\x94 " : " ", f);
				h(f, n[j].note);
			}
			fputs("</aside>\n", f);
		}
	}
	fputs("</body>\n</html>\n", f);
	return ferror(f) ? -1 : 0;
}
