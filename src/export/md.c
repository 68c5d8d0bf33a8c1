/* md.c: Markdown for notes apps (Obsidian, Logseq, Joplin): YAML front matter with the
 * metadata and the notes' tags, a heading per annotated paragraph, quotes as blockquotes,
 * notes as their own paragraphs, tags as #tags. Everything, the user's notes included, is
 * plain text escaped so it renders as written: a note saying "# not a heading" or holding a
 * link, a list or raw HTML shows those characters, and its line breaks stay line breaks. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "doc/json.h"
#include "export/export.h"
#include "text/utf8.h"

/* --- escaping, shared with the Hypothesis format --- */

/* Growable output for the escaper. */
struct buf {
	char *s;
	size_t n, cap;
	int bad;
};

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->bad)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = (b->cap ? b->cap * 2 : 64) + n;
		char *ns = realloc(b->s, cap);
		if (!ns) {
			b->bad = 1;
			return;
		}
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

/* ASCII punctuation that starts markup anywhere in a line: CommonMark's emphasis, code,
 * links, images, raw HTML, entities, tables and escapes; Obsidian's math ($), comments (%%),
 * highlights (==), block ids (^) and strikethrough (~). Any ASCII punctuation may be
 * backslash-escaped in CommonMark, so escaping one that would not have mattered is safe. */
#define MD_ALWAYS "\\`*_[]<>#|~&$%=^{}"

/* One line of plain text as Markdown. */
static void escape_line(struct buf *b, const char *s, size_t n)
{
	size_t i = 0;
	/* Leading blanks: four would make a code block; as entities they are only blanks. */
	for (; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		puts_(b, s[i] == ' ' ? "&#32;" : "&#9;");
	/* What starts a block only at a line's start: a list item ("-", "+", "1.", "1)"). */
	size_t digits = 0;
	while (i + digits < n && s[i + digits] >= '0' && s[i + digits] <= '9')
		digits++;
	for (size_t k = i; k < n; k++) {
		char ch = s[k];
		int start = k == i && (ch == '-' || ch == '+');
		int number = digits && k == i + digits && (ch == '.' || ch == ')');
		/* Logseq reads "key:: value" as a property. */
		int property = ch == ':' && ((k + 1 < n && s[k + 1] == ':') || (k > i && s[k - 1] == ':'));
		if (strchr(MD_ALWAYS, ch) || start || number || property)
			put(b, "\\", 1);
		put(b, &s[k], 1);
	}
}

char *export_md_escape(const char *s)
{
	char *c = export_clean(s, EXPORT_KEEP_NEWLINES | EXPORT_KEEP_TABS);
	if (!c)
		return NULL;
	struct buf b = { 0 };
	puts_(&b, "");
	const char *p = c;
	for (;;) {
		size_t n = strcspn(p, "\n");
		/* A line of blanks is a blank line (a paragraph break), not text. */
		size_t k = 0;
		while (k < n && (p[k] == ' ' || p[k] == '\t'))
			k++;
		int blank = k == n;
		if (!blank)
			escape_line(&b, p, n);
		if (!p[n])
			break;
		const char *next = p + n + 1;
		size_t nn = strcspn(next, "\n"), nk = 0;
		while (nk < nn && (next[nk] == ' ' || next[nk] == '\t'))
			nk++;
		/* A line break inside a paragraph is a hard break (a backslash at the line's end),
		 * or it would be joined to the next line. */
		if (!blank && nk < nn)
			put(&b, "\\", 1);
		put(&b, "\n", 1);
		p = next;
	}
	free(c);
	if (b.bad) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

char *export_tag_slug(const char *tag)
{
	char *c = export_clean(tag, 0);
	if (!c)
		return NULL;
	struct buf b = { 0 };
	int sep = 0, letters = 0;
	size_t n = strlen(c);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t l = utf8_decode(c + i, n - i, &cp);
		int keep = utf8_is_word(cp) || cp == '_' || cp == '/' || cp == '-';
		if (keep && cp != '-') {
			if (sep && b.n)
				put(&b, "-", 1);
			sep = 0;
			put(&b, c + i, l);
			letters |= !(cp >= '0' && cp <= '9');
		} else {
			sep = 1;      /* spaces, punctuation and '-' runs: one '-' between words */
		}
		i += l;
	}
	free(c);
	/* No '/' at the ends (a nested tag's parent or child would be empty). */
	while (b.n && b.s[b.n - 1] == '/')
		b.s[--b.n] = '\0';
	size_t lead = 0;
	while (lead < b.n && b.s[lead] == '/')
		lead++;
	if (b.bad || b.n == lead) {
		free(b.s);
		return NULL;
	}
	memmove(b.s, b.s + lead, b.n - lead + 1);
	b.n -= lead;
	if (!letters) {       /* Obsidian: a tag needs something other than digits */
		struct buf o = { 0 };
		put(&o, "_", 1);
		put(&o, b.s, b.n);
		free(b.s);
		if (o.bad) {
			free(o.s);
			return NULL;
		}
		return o.s;
	}
	return b.s;
}

/* --- the document --- */

/* YAML accepts JSON string literals as double-quoted scalars, so one escaper serves both. */
static int yaml_field(FILE *f, const char *key, const char *value)
{
	if (!value)
		return 0;
	char *c = export_clean(value, 0);
	if (!c)
		return -1;
	fprintf(f, "%s: ", key);
	json_write_string(f, c);
	fputc('\n', f);
	free(c);
	return 0;
}

/* Text written escaped, every line after `line_prefix` ("> " in a blockquote). */
static int md_text(FILE *f, const char *s, const char *line_prefix)
{
	char *e = export_md_escape(s);
	if (!e)
		return -1;
	fputs(line_prefix, f);
	for (const char *p = e; *p; p++) {
		fputc(*p, f);
		if (*p == '\n' && p[1])
			fputs(line_prefix, f);
	}
	free(e);
	return 0;
}

static int md_tag(FILE *f, const char *tag, int first)
{
	char *slug = export_tag_slug(tag);
	if (!slug)
		return 0;   /* nothing a notes app would take as a tag */
	fprintf(f, "%s#%s", first ? "" : " ", slug);
	free(slug);
	return 1;
}

static int md_note(FILE *f, const struct annotation *a, const struct export_opts *o)
{
	if (a->exact && *a->exact) {
		if (md_text(f, a->exact, "> "))
			return -1;
		fputs("\n\n", f);
	}
	if (a->note && *a->note) {
		if (md_text(f, a->note, ""))
			return -1;
		fputs("\n\n", f);
	}
	int any = 0;
	if (a->color && *a->color) {
		fputc('*', f);
		if (md_text(f, export_color_name(o, a->color), ""))
			return -1;
		fputc('*', f);
		any = 1;
	}
	for (size_t i = 0; i < a->ntags; i++)
		any |= md_tag(f, a->tags[i], !any);
	if (any)
		fputs("\n\n", f);
	return 0;
}

static int md_heading(FILE *f, const struct export_doc *d, const char *para_id, const char *level,
                      int orphan)
{
	char label[128], cite[256], head[420];
	export_label(d, para_id, label, sizeof label);
	export_citation(d, para_id, cite, sizeof cite);
	snprintf(head, sizeof head, "%s%s \xE2\x80\x94 %s", orphan ? "was " : "", label, cite);
	fputs(level, f);
	if (md_text(f, head, ""))
		return -1;
	fputs("\n\n", f);
	return 0;
}

static int md_doc(FILE *f, const struct export_doc *d, const struct export_opts *o)
{
	const struct res_meta *m = d->res ? &d->res->meta : NULL;
	char title[600];
	snprintf(title, sizeof title, "%s%s%s", export_symbol(d), m && m->title ? ": " : "",
	         m && m->title ? m->title : "");
	fputs("# ", f);
	if (md_text(f, title, ""))
		return -1;
	fputs("\n\n", f);
	if (d->n == 0) {
		fputs("No notes.\n\n", f);
		return 0;
	}
	size_t nanchored;
	const struct annotation **v = export_order(d, &nanchored);
	if (!v)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < d->n && !rc; i++) {
		int orphan = i >= nanchored;
		if (i == nanchored)
			fputs("## Orphaned notes\n\n"
			      "Their text was not found in this version of the document.\n\n", f);
		/* One heading per paragraph: notes on the same paragraph share it. */
		if (orphan)
			rc = md_heading(f, d, v[i]->para_id, "### ", 1);
		else if (i == 0 || strcmp(v[i]->para_id ? v[i]->para_id : "",
		                          v[i - 1]->para_id ? v[i - 1]->para_id : "") != 0)
			rc = md_heading(f, d, v[i]->para_id, "## ", 0);
		if (!rc)
			rc = md_note(f, v[i], o);
	}
	free(v);
	return rc;
}

/* The front matter's tags: every note's, as slugs, each once, in first-seen order. */
static int yaml_tags(FILE *f, const struct export_doc *docs, size_t ndocs)
{
	char **seen = NULL;
	size_t nseen = 0;
	int rc = 0;
	for (size_t d = 0; d < ndocs && !rc; d++)
		for (size_t i = 0; i < docs[d].n && !rc; i++)
			for (size_t t = 0; t < docs[d].annots[i].ntags && !rc; t++) {
				char *slug = export_tag_slug(docs[d].annots[i].tags[t]);
				if (!slug)
					continue;
				size_t k = 0;
				while (k < nseen && strcmp(seen[k], slug) != 0)
					k++;
				char **ns = k < nseen ? seen : realloc(seen, (nseen + 1) * sizeof *ns);
				if (!ns) {
					free(slug);
					rc = -1;
				} else if (k < nseen) {
					free(slug);
				} else {
					seen = ns;
					seen[nseen++] = slug;
				}
			}
	if (!rc && nseen) {
		fputs("tags:\n", f);
		for (size_t k = 0; k < nseen; k++) {
			fputs("  - ", f);
			json_write_string(f, seen[k]);
			fputc('\n', f);
		}
	}
	for (size_t k = 0; k < nseen; k++)
		free(seen[k]);
	free(seen);
	return rc;
}

int export_md(FILE *f, const struct export_doc *docs, size_t ndocs, const struct export_opts *o)
{
	char date[21];
	export_time(o->now, 1, date);
	size_t total = export_count(docs, ndocs);

	fputs("---\n", f);
	if (ndocs == 1) {
		const struct res_meta *m = docs[0].res ? &docs[0].res->meta : NULL;
		yaml_field(f, "title", m ? m->title : NULL);
		yaml_field(f, "symbol", export_symbol(&docs[0]));
		yaml_field(f, "language", m && m->language ? m->language : docs[0].language);
		yaml_field(f, "adopted", m ? m->adopted : NULL);
	} else if (ndocs > 1) {
		fputs("documents:\n", f);
		for (size_t i = 0; i < ndocs; i++) {
			fputs("  - ", f);
			char *c = export_clean(export_symbol(&docs[i]), 0);
			if (!c)
				return -1;
			json_write_string(f, c);
			free(c);
			fputc('\n', f);
		}
	}
	if (yaml_tags(f, docs, ndocs))
		return -1;
	yaml_field(f, "exported", date);
	fprintf(f, "notes: %zu\n", total);
	fputs("---\n\n", f);
	if (ndocs == 0)
		fputs("No notes.\n", f);
	for (size_t i = 0; i < ndocs; i++)
		if (md_doc(f, &docs[i], o))
			return -1;
	return ferror(f) ? -1 : 0;
}
