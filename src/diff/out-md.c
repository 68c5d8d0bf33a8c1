/* out-md.c: the redline as Markdown: a heading, a table of counts, then every paragraph in the
 * new resolution's order under its section's heading, the label in bold, changes as <del> and
 * <ins> (raw HTML, which every Markdown renders: GitHub, GitLab, pandoc). Document text is
 * escaped so that nothing in it becomes markup. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "diff/out.h"

static int md_escape(FILE *f, uint32_t c)
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
	case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~': case '#':
		fputc('\\', f);
		fputc((int)c, f);
		return 1;
	case '\n':
		fputc(' ', f);
		return 1;
	}
	return 0;
}

static void md_text(FILE *f, const char *s)
{
	rl_write_escaped(f, s, strlen(s), md_escape);
}

static void count_row(FILE *f, const char *name, const struct rl_count *c)
{
	fprintf(f, "| %s | %d | %d | %d | %d | %d | %d |\n", name, c->same, c->changed, c->moved,
	        c->added, c->deleted, c->renumbered);
}

static void head(FILE *f, const struct redline *rl, const struct rl_out_opts *o)
{
	fputs("# Redline: ", f);
	md_text(f, rl_name(rl, 0, o));
	fputs(" \xE2\x86\x92 ", f);
	md_text(f, rl_name(rl, 1, o));
	fputs("\n\n", f);
	for (int side = 0; side < 2; side++) {
		const struct resolution *r = side ? rl->new : rl->old;
		fputs(side ? "- New: **" : "- Old: **", f);
		md_text(f, rl_name(rl, side, o));
		fputs("**", f);
		if (r->meta.adopted) {
			fputs(" of ", f);
			md_text(f, r->meta.adopted);
		}
		if (r->meta.title) {
			fputs(", *", f);
			md_text(f, r->meta.title);
			fputs("*", f);
		}
		fputs("\n", f);
	}
	fputs("\n| | unchanged | changed | moved | new | deleted | renumbered |\n"
	      "|---|---:|---:|---:|---:|---:|---:|\n", f);
	for (int s = 0; s < RL_NSECTIONS; s++) {
		const struct rl_count *c = &rl->count[s];
		if (c->same + c->changed + c->moved + c->added + c->deleted)
			count_row(f, rl_section_heading((enum rl_section)s), c);
	}
	count_row(f, "**All**", &rl->total);
}

int rl_write_md(FILE *f, const struct redline *rl, const struct rl_out_opts *o)
{
	head(f, rl, o);
	int section = -1;
	char label[200];
	for (size_t k = 0; k < rl->n; k++) {
		const struct rl_entry *e = &rl->e[k];
		int s = (int)redline_section(rl, e);
		if (s != section) {
			fputs("\n## ", f);
			fputs(rl_section_heading((enum rl_section)s), f);
			fputs("\n", f);
			section = s;
		}
		fputs("\n**", f);
		md_text(f, rl_entry_label(rl, e, label, sizeof label));
		fputs("**", f);
		if (e->status == RL_MOVED_AWAY) {
			fputs(" *(moved to ", f);
			md_text(f, res_label(rl->new, e->new));
			fputs(")*\n", f);
			continue;
		}
		if (e->status == RL_NEW || e->status == RL_DELETED || e->moved)
			fprintf(f, " *(%s)*", e->moved ? "moved" : rl_status_name(e));
		fputs(" ", f);
		rl_write_inline(f, e, md_escape, 0);
		fputs("\n", f);
		const struct rl_note *n;
		size_t nn = rl_notes_of(o, k, &n);
		for (size_t j = 0; j < nn; j++) {
			fputs("\n> \xE2\x9C\x8E *from ", f);
			md_text(f, n[j].from ? n[j].from : "");
			if (n[j].status != RL_CARRIED)
				fprintf(f, " (%s)", rl_carry_name(n[j].status));
			fputs("*:", f);
			if (n[j].quote && *n[j].quote) {
				fputs(" \xE2\x80\x9C", f);
				md_text(f, n[j].quote);
				fputs("\xE2\x80\x9D", f);
			}
			if (n[j].note && *n[j].note) {
				fputs(n[j].quote && *n[j].quote ? " \xE2\x80\x94 " : " ", f);
				md_text(f, n[j].note);
			}
			fputs("\n", f);
		}
	}
	return ferror(f) ? -1 : 0;
}
