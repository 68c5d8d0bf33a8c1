/* shape-plain.c: hard-wrapped plain text, blank lines between paragraphs (the Security
 * Council texts). Masthead and page furniture go to the hints; a stray "|" from OCR goes;
 * the rest is line joining (assemble.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
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

/* Whether the word ending at s[0..e) counts things ("paragraphs 13", "resolution 60"). */
static int count_word(const char *s, size_t e)
{
	static const char *const words[] = { "paragraph", "paragraphs", "para", "paras",
		"resolution", "resolutions", "article", "articles", "chapter", "chap", "annex",
		"item", "items", "No", "Nos", "vol", "section", "sect", "rule", "principle",
		"goal", "target", "session", "and", "to", "of", "or", NULL };
	size_t b = e;
	while (b > 0 && ((s[b - 1] | 0x20) >= 'a' && (s[b - 1] | 0x20) <= 'z'))
		b--;
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == e - b && strncasecmp(s + b, words[i], e - b) == 0)
			return 1;
	return 0;
}

/* Whether s[0..n) cites footnote num by a marker: the number glued to a word or a closing
 * mark ("system,1", "Rights1") or set apart after one ("Rights, 1 the", "Action 9 and"),
 * not part of a larger number, a symbol, a count or a date. */
static int cites(const char *s, size_t n, int num)
{
	char want[12];
	size_t k = (size_t)snprintf(want, sizeof want, "%d", num);
	for (const char *p = s + 1, *end = s + n; p + k <= end; p++) {
		if (!(p = memchr(p, want[0], (size_t)(end - p) - k + 1)))
			break;
		if (memcmp(p, want, k) != 0)
			continue;
		const char *a = p + k;
		if (a < end) {
			char c = *a;
			if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
			    c == '/' || c == '-')
				continue;           /* "1234", "5th", "1/2" */
			if ((c == '.' || c == ',') && a + 1 < end && a[1] >= '0' && a[1] <= '9')
				continue;           /* "1.5", "1,000" */
		}
		size_t at = (size_t)(p - s);
		char b = s[at - 1];
		if (b >= '0' && b <= '9' && at >= 4 && (at == 4 || !(s[at - 5] >= '0' && s[at - 5] <= '9'))
		    && ((s[at - 4] == '1' && s[at - 3] == '9') || (s[at - 4] == '2' && s[at - 3] == '0'))
		    && s[at - 2] >= '0' && s[at - 2] <= '9')
			return 1;                   /* a year with the marker glued on: "20242" */
		if ((b >= '0' && b <= '9') || b == '/' || b == '-' || b == '(' || b == '.')
			continue;
		if (b == ' ') {
			if (at < 2)
				continue;
			char bb = s[at - 2];
			if ((bb >= '0' && bb <= '9') || bb == ' ' || bb == '(' || count_word(s, at - 1))
				continue;
		}
		return 1;
	}
	return 0;
}

/* Footnotes printed between paragraphs, as extractions that join a page's lines leave them
 * ("3 A/79/609-S/2024/827." after the paragraph citing it; the paragraph may go on after
 * them in lower case). They are read apart, so the paragraph stays open. */
struct between {
	struct assemble fn;         /* pushes into the same list as the body */
	int on;                 /* 1: in a footnote, 2: after one (a blank line), 0: body */
};

/* Whether the line after a blank one opens the next footnote, cited in the body read since
 * the last one. */
static int note_starts(const struct between *bt, const struct assemble *a,
                       const struct block_list *out, const char *s, size_t n)
{
	int num = 0, last = a->last_fn > bt->fn.last_fn ? a->last_fn : bt->fn.last_fn;
	char date[11];
	size_t k = assemble_footnote_start(s, n, last + 1, &num);
	if (!k || k >= n || s[0] == '(' || lang_parse_date(s, n, date) || a->notes)
		return 0;
	if (!(s[k] >= 'A' && s[k] <= 'Z') && s[k] != '(' && (unsigned char)s[k] < 0x80 &&
	    !(s[k] >= '0' && s[k] <= '9'))
		return 0;                       /* "12 countries": a sentence */
	(void)bt;
	if (a->cur.n && cites(a->cur.s, a->cur.n, num))
		return 1;
	/* the body read before, back to this document's masthead (at most 200 blocks) */
	size_t from = out->ndocs ? out->docs[out->ndocs - 1].from : 0;
	if (out->n > 200 && from < out->n - 200)
		from = out->n - 200;
	for (size_t i = out->n; i-- > from;)
		if (out->v[i].zone == ZONE_BODY && cites(out->v[i].text, out->v[i].len, num))
			return 1;
	return 0;
}


/* The resolution's title from its "80/13. Title" line among the first lines, with the lines
 * it wraps onto up to a blank line, into buf (size bytes); its length, 0 when there is none. */
static size_t find_title(const char *text, size_t len, char *buf, size_t size, const char **at)
{
	size_t i = 0, tn = 0;
	int in_title = 0;
	for (int lines = 0; i < len && lines < 80; lines++) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		const char *l = text + i;
		size_t n = e - i;
		i = e + 1;
		while (n && (*l == ' ' || *l == '\t' || *l == '\f')) {
			l++;
			n--;
		}
		while (n && (l[n - 1] == ' ' || l[n - 1] == '\t' || l[n - 1] == '\r'))
			n--;
		if (in_title) {
			if (!n || tn + 1 + n >= size)
				return tn;
			buf[tn++] = ' ';
			memcpy(buf + tn, l, n);
			tn += n;
			continue;
		}
		size_t k = furniture_title_of(l, n);
		if (k && n - k < size) {
			memcpy(buf, l + k, n - k);
			tn = n - k;
			in_title = 1;
			*at = l;
		}
	}
	return tn;
}

/* Whether the line at text[j] is page furniture (a job number, a symbol, a page number). */
static int next_furniture(const char *text, size_t len, size_t j)
{
	if (j >= len)
		return 0;
	const char *nl = memchr(text + j, '\n', len - j);
	size_t k = (nl ? (size_t)(nl - text) : len) - j;
	while (k && (text[j + k - 1] == ' ' || text[j + k - 1] == '\t' || text[j + k - 1] == '\r'))
		k--;
	return k && furniture_classify(text + j, k, 0) != FURN_NONE;
}

/* Whether the line l[0..n) (ending before text[i]) and the lines up to the next blank one
 * (two more at most: a long title wraps) repeat the title; *end is then where they end. */
static int running_head(const char *text, size_t len, size_t i, const char *l, size_t n,
                        const char *title, size_t tn, size_t *end)
{
	char joined[512];
	if (n >= sizeof joined)
		return 0;
	memcpy(joined, l, n);
	size_t jn = n;
	if (i > len)
		i = len;                /* the last line had no line end */
	for (int more = 0;; more++) {
		size_t a = i;
		while (a < len && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r'))
			a++;
		const char *nl = memchr(text + a, '\n', len - a);
		size_t e = nl ? (size_t)(nl - text) : len, k = e - a;
		while (k && (text[a + k - 1] == ' ' || text[a + k - 1] == '\t' || text[a + k - 1] == '\r'))
			k--;
		/* the head ends at a blank line or at other furniture ("A/RES/80/8", "3/6") */
		if (a >= len || text[a] == '\n' || text[a] == '\f' ||
		    furniture_classify(text + a, k, 0) != FURN_NONE) {
			*end = i;
			return furniture_running_title(joined, jn, title, tn);
		}
		if (more == 2)
			return 0;
		if (jn + 1 + k >= sizeof joined)
			return 0;
		joined[jn++] = ' ';
		memcpy(joined + jn, text + a, k);
		jn += k;
		i = nl ? e + 1 : len;
	}
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
	char title[512];
	const char *title_at = NULL;
	size_t title_n = find_title(text, len, title, sizeof title, &title_at);
	int after_annex = 0, prev_furniture = 0, rule_zone = 0;
	struct between bt;
	memset(&bt, 0, sizeof bt);
	assemble_init(&bt.fn, out, text, len);
	bt.fn.notes = 3;            /* the zone is sticky: a footnote runs on to its end */
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
		if (ff && rule_zone) {
			/* a page's footnotes end with the page */
			if (assemble_flush(&bt.fn))
				rc = -1;
			rule_zone = 0;
		}
		if (!n) {
			m.after_agenda = 0;
			if (rule_zone) {
				assemble_blank(&bt.fn);
				prev_blank = 1;
				continue;
			}
			if (bt.on) {
				if (assemble_flush(&bt.fn))
					rc = -1;
				bt.on = 2;
			} else
				assemble_blank(&a);
			prev_blank = 1;
			continue;
		}
		/* the title repeated at the top of a page, on a line of its own (the page break
		 * itself may be lost: a running head is evidence of one) */
		size_t head_end;
		if (title_n && s > title_at && (prev_blank || rule_zone) && !after_annex &&
		    running_head(text, len, i, line, n, title, title_n, &head_end)) {
			i = head_end;
			prev_blank = 1;
			page_start = 1;         /* a running head: a new page begins here */
			if (rule_zone) {
				if (assemble_flush(&bt.fn))
					rc = -1;
				rule_zone = 0;
			}
			continue;
		}
		if (rule_zone) {
			/* below a page's rule: its footnotes, up to the page's furniture */
			int r2;
			int f2 = furniture_line(&m, line, n, out, out->n + (a.cur.n ? 1 : 0), &r2);
			if (f2 < 0) {
				rc = -1;
				break;
			}
			if (f2 == 0 && assemble_ends_notes(line, n)) {
				/* "77th plenary meeting": the notes were the last page's */
				if (assemble_flush(&bt.fn))
					rc = -1;
				rule_zone = 0;
			} else if (f2 == 0 || r2) {
				if (f2 == 0 && assemble_line(&bt.fn, line, n, 0, page, 0))
					rc = -1;
				prev_blank = 0;
				continue;
			} else {
				if (assemble_flush(&bt.fn))
					rc = -1;
				rule_zone = 0;
				page_start = 1;
				prev_furniture = 1;
				continue;
			}
		}
		if (bt.on == 1 || ((prev_blank || ff) && note_starts(&bt, &a, out, line, n))) {
			if (bt.on == 0 && a.cur.n && assemble_ends_clause(a.cur.s, a.cur.n) &&
			    assemble_flush(&a))
				rc = -1;
			if (assemble_line(&bt.fn, line, n, 0, page, 0))
				rc = -1;
			bt.on = 1;
			prev_blank = 0;
			continue;
		}
		bt.on = 0;
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
			if ((prev_blank || ff || prev_furniture) &&
			    (j >= len || text[j] == '\n' || text[j] == '\f' || next_furniture(text, len, j))) {
				prev_furniture = 1;
				continue;
			}
			f = 0;
		}
		if (f == 1) {
			if (rule) {
				/* the page's footnotes follow: read apart, so the paragraph they
				 * interrupt goes on after them (one that ended is done) */
				if (assemble_ends_clause(a.cur.s, a.cur.n) && assemble_flush(&a))
					rc = -1;
				rule_zone = 1;
				bt.on = 0;
			}
			prev_furniture = 1;
			continue;
		}
		prev_blank = 0;
		prev_furniture = 0;
		/* an annex's heading: the line after it may repeat the resolution's title */
		size_t aw = lang_annex_word(line, n);
		after_annex = aw && (aw == n || n - aw < 12);
		int flags = ff || page_start ? ASSEMBLE_PAGE_START : 0;
		page_start = 0;
		if (assemble_line(&a, line, n, indent, page, flags))
			rc = -1;
	}
	if (rc == 0 && (assemble_flush(&a) || assemble_flush(&bt.fn)))
		rc = -1;
	if (rc == 0 && blocks_merge_hints(out))
		rc = -1;
	free(line);
	assemble_free(&a);
	assemble_free(&bt.fn);
	return rc;
}
