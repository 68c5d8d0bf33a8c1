/* shape-plain.c: hard-wrapped plain text, blank lines between paragraphs (the Security
 * Council texts). Masthead and page furniture go to the hints; a stray "|" from OCR goes;
 * the rest is line joining (assemble.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "doc/assemble.h"
#include "doc/blocks.h"
#include "doc/furniture.h"
#include "doc/lang.h"

static int indent_of(const char *s, size_t n, size_t *skip)
{
	int tabs = 0, spaces = 0;
	size_t i = 0;
	while (i < n && (s[i] == '\t' || s[i] == ' ')) {
		if (s[i] == '\t')
			tabs++;
		else
			spaces++;
		i++;
	}
	*skip = i;
	return tabs + spaces / 4;
}

/* Masthead lines at the top of a document: true while still inside it. */
struct masthead {
	int active;
	int after_distr;    /* the line after "Distr.: General" may be the distribution date */
	int after_agenda;   /* lines right after "Agenda item 7" may be its title */
};

/* Classifies a line; returns 1 when it is furniture (hints taken), 0 for text, -1 on OOM.
 * A masthead that opens the next resolution of a compilation starts that document's hints
 * (its blocks begin at `next`). */
static int furniture_line(struct masthead *m, const char *s, size_t n, struct block_list *out,
                          size_t next, int *rule)
{
	char date[11];
	*rule = 0;
	/* "United Nations S/RES/1455 (2003)" opens the next resolution of a compilation (the
	 * slash first: it is cheaper than the masthead test, and most lines have none) */
	if (!m->active && memchr(s, '/', n) && furniture_classify(s, n, 1) == FURN_MASTHEAD) {
		m->active = 1;
		m->after_distr = m->after_agenda = 0;
		if (!blocks_doc_hints(out, next))
			return -1;
	}
	struct res_meta *h = &out->docs[out->ndocs - 1].meta;
	if (m->active && m->after_agenda && m->after_agenda++ <= 3 && furniture_agenda_title(s, n))
		return 1;
	m->after_agenda = 0;
	enum furniture_kind k = furniture_classify(s, n, m->active);
	if (k == FURN_RULE) {
		*rule = 1;
		return 1;
	}
	if (k == FURN_PAGE)
		return 2;                       /* decided by the caller: only between blank lines */
	if (k != FURN_NONE) {
		if (k == FURN_DISTR)
			m->after_distr = 1;
		m->after_agenda = k == FURN_AGENDA;
		return furniture_hint(h, k, s, n) ? -1 : 1;
	}
	if (m->active && m->after_distr && lang_parse_date(s, n, date) == n) {
		m->after_distr = 0;
		if (!h->distributed && !(h->distributed = strdup(date)))
			return -1;
		return 1;
	}
	m->active = 0;
	return 0;
}

int shape_plain(const char *text, size_t len, struct block_list *out, struct parse_diag *d)
{
	(void)d;
	long fm = furniture_front_matter(text, len, &out->hints);
	if (fm < 0)
		return -1;
	text += fm;
	len -= (size_t)fm;
	struct assemble a;
	assemble_init(&a, out, text, len);
	char *line = malloc(len + 1);
	if (!line) {
		assemble_free(&a);
		return -1;
	}
	if (!blocks_doc_hints(out, 0)) {
		assemble_free(&a);
		free(line);
		return -1;
	}
	int paged = memchr(text, '\f', len) != NULL;
	int page = paged ? 1 : 0;
	struct masthead m = { 1, 0, 0 };
	int rc = 0;
	int prev_blank = 1;
	int page_start = 0;     /* no text line yet since a form feed */
	for (size_t i = 0; i < len && rc == 0;) {
		const char *nl = memchr(text + i, '\n', len - i);   /* not byte by byte */
		size_t e = nl ? (size_t)(nl - text) : len;
		const char *s = text + i;
		size_t n = e - i;
		i = e + 1;
		int ff = 0;
		while (n && *s == '\f') {
			s++;
			n--;
			page++;
			ff = 1;
			page_start = 1;
		}
		size_t skip;
		int indent = indent_of(s, n, &skip);
		n = assemble_clean_line(s + skip, n - skip, line);
		if (!n) {
			m.after_agenda = 0;
			assemble_blank(&a);
			prev_blank = 1;
			continue;
		}
		int rule;
		int f = furniture_line(&m, line, n, out, out->n + (a.cur.n ? 1 : 0), &rule);
		if (f < 0) {
			rc = -1;
			break;
		}
		if (f == 2) {
			/* a page number stands between blank lines; otherwise it is text ("2") */
			size_t j = i;
			while (j < len && (text[j] == ' ' || text[j] == '\t'))
				j++;
			if ((prev_blank || ff) && (j >= len || text[j] == '\n' || text[j] == '\f'))
				continue;
			f = 0;
		}
		if (f == 1) {
			if (rule) {
				if (assemble_flush(&a))
					rc = -1;
				assemble_notes(&a, 1);
			}
			continue;
		}
		prev_blank = 0;
		int flags = ff || page_start ? ASSEMBLE_PAGE_START : 0;
		page_start = 0;
		if (assemble_line(&a, line, n, indent, page, flags))
			rc = -1;
	}
	if (rc == 0 && assemble_flush(&a))
		rc = -1;
	if (rc == 0 && blocks_merge_hints(out))
		rc = -1;
	free(line);
	assemble_free(&a);
	return rc;
}
