/* shape-ods.c: the ODS extract reader. One line per paragraph; the extraction leaves
 * [DU1] markers, <<ODS ...>> tags, rules, page numbers and a glued masthead around the text.
 * Furniture is dropped and what it says goes into the hints; every other line is a block. */
#include "config.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/blocks.h"
#include "doc/furniture.h"
#include "doc/lang.h"
#include "doc/parse.h"

static int set_hint(char **field, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (!n || *field)
		return 0;
	*field = strndup(s, n);
	return *field ? 0 : -1;
}

static int starts(const char *s, size_t n, const char *w)
{
	/* the first byte before strlen and memcmp: most lines tried start otherwise */
	if (w[0] && (n == 0 || s[0] != w[0]))
		return 0;
	size_t k = strlen(w);
	return n >= k && memcmp(s, w, k) == 0;
}

static const char *find(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, w, k) == 0)
			return s + i;
	return NULL;
}

static int all_of(const char *s, size_t n, const char *set)
{
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!strchr(set, s[i]))
			return 0;
	return 1;
}

/* A line holding only a document symbol ("A/RES/58/190", "S/RES/1454 (2002)"). */
static int symbol_line(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && isupper((unsigned char)s[i]))
		i++;
	if (i == 0 || i > 6 || i >= n || s[i] != '/' || n > 40)
		return 0;
	int digit = 0;
	for (; i < n; i++) {
		if (isdigit((unsigned char)s[i]))
			digit = 1;
		else if (!isalpha((unsigned char)s[i]) && !strchr("/.-() ", s[i]))
			return 0;
	}
	return digit;
}

/* Masthead and page furniture. Returns 1 when the line is furniture (its facts go to hints),
 * 0 when it is text, -1 when out of memory. */
static int furniture(const char *s, size_t n, struct res_meta *h, int masthead)
{
	char date[11];
	if (all_of(s, n, "-_=*~ ") && n >= 3)
		return 1;                                   /* rules */
	if (all_of(s, n, "0123456789") && n <= 4)
		return 1;                                   /* page numbers */
	if (n == 8 && all_of(s, 2, "0123456789") && s[2] == ' ' && all_of(s + 3, 5, "0123456789"))
		return 1;                                   /* "03 50598": the job number, spaced */
	if (symbol_line(s, n))
		return set_hint(&h->symbol, s, n) ? -1 : 1;
	if (starts(s, n, "United Nations") && find(s, n, "Distr.")) {
		/* "United NationsA/RES/58/190General AssemblyDistr.: General": glued masthead. */
		const char *rest = s + strlen("United Nations");
		size_t rn = (size_t)(find(s, n, "Distr.") - rest);
		/* the organ's name ends where "Distr." begins */
		for (size_t i = 0; i < rn; i++) {
			enum organ o = ORGAN_NONE;
			if (lang_organ_at(rest + i, rn - i, &o) != rn - i)
				continue;
			const char *organ = lang_organ_name(o);
			if (set_hint(&h->symbol, rest, i) || set_hint(&h->organ, organ, strlen(organ)))
				return -1;
			break;
		}
		return 1;
	}
	if (starts(s, n, "Distr.:") || starts(s, n, "Distr. :"))
		return 1;
	if (starts(s, n, "Agenda item"))
		return set_hint(&h->agenda_item, s + 11 + (starts(s, n, "Agenda items") ? 1 : 0),
		                n - 11 - (starts(s, n, "Agenda items") ? 1 : 0)) ? -1 : 1;
	/* the date is parsed only on a short line ending in "session": not on every paragraph */
	size_t dl = n < 80 && n >= 7 && memcmp(s + n - 7, "session", 7) == 0
	            ? lang_parse_date(s, n, date) : 0;
	if (dl) {
		/* "22 March 2004Fifty-eighth session": distribution date and session. */
		if (set_hint(&h->distributed, date, 10))
			return -1;
		const char *w = s + dl;
		size_t wn = 0;
		while (dl + wn < n && w[wn] != ' ')
			wn++;
		int v = lang_ordinal(w, wn);
		if (v > 0) {
			char num[16];
			snprintf(num, sizeof num, "%d", v);
			if (set_hint(&h->session, num, strlen(num)))
				return -1;
		}
		return 1;
	}
	/* The other languages' mastheads, session and agenda lines ("Nations Unies",
	 * "Distr. générale 17 mars 2004"): the readers' shared table. Masthead-only kinds count
	 * once the extract's own tags have shown the furniture has begun. */
	enum furniture_kind k = furniture_classify(s, n, masthead);
	if (k != FURN_NONE)
		return furniture_hint(h, k, s, n) ? -1 : 1;
	return 0;
}

/* Removes "[DU1]" markers and moves <<ODS NAME>>value<<ODS NAME>> tags into the hints;
 * writes what is left of the line to out (at most n bytes). */
static int strip_tags(const char *s, size_t n, char *out, size_t *outn, struct res_meta *h)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] == '[' && i + 3 < n && s[i + 1] == 'D' && s[i + 2] == 'U') {
			size_t j = i + 3;
			while (j < n && isdigit((unsigned char)s[j]))
				j++;
			if (j < n && s[j] == ']' && j > i + 3) {
				i = j + 1;
				continue;
			}
		}
		if (starts(s + i, n - i, "<<ODS")) {
			const char *end = find(s + i, n - i, ">>");
			if (end) {
				const char *name = s + i + 5;
				size_t nn = (size_t)(end - name);
				size_t vstart = (size_t)(end - s) + 2, vend = vstart;
				while (vend < n && !starts(s + vend, n - vend, "<<ODS"))
					vend++;
				char **field = NULL;
				if (find(name, nn, "JOB"))
					field = &h->job;
				else if (find(name, nn, "SYMBOL"))
					field = &h->symbol;
				if (field && set_hint(field, s + vstart, vend - vstart))
					return -1;
				/* Skip the closing tag of the same name too. */
				if (vend < n) {
					const char *e2 = find(s + vend, n - vend, ">>");
					if (e2 && (size_t)(e2 - (s + vend)) == nn + 5
					    && memcmp(s + vend + 5, name, nn) == 0)
						vend = (size_t)(e2 - s) + 2;
				}
				i = vend;
				continue;
			}
		}
		/* this byte and the run up to the next '[' or '<' go over in one copy: only those
		 * two start a marker or a tag (the tests above ran at every byte) */
		size_t j = i + 1;
		while (j < n && s[j] != '[' && s[j] != '<')
			j++;
		memcpy(out + o, s + i, j - i);
		o += j - i;
		i = j;
	}
	*outn = o;
	return 0;
}

/* What reading a line depends on from the lines before it. */
struct ods_state {
	int masthead;        /* tags seen: the page furniture follows */
	int top;             /* no block yet: masthead lines are furniture */
	int after_agenda;    /* the line before was the agenda item or its title (only at top) */
};

/* The extract's lines from *pos up to len -> blocks (lines end at '\n'), with `first` only
 * up to the first block. With `own` (text itself, writable), each block is normalised where
 * its line stands and borrows it: lines are read once, in order, and a line is not looked at
 * again once pushed, so its bytes (and the line end after it) are free. buf has room for the
 * longest line. */
static int ods_run(const char *text, size_t len, char *own, size_t *pos, int first,
                   struct ods_state *st, char *buf, struct block_list *out)
{
	int rc = 0;
	size_t i = *pos;
	while (i < len && rc == 0 && !(first && !st->top)) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		size_t n = e - i;
		const char *line = text + i;
		/* only '[' and '<' start a marker or a tag: most lines are used as they are,
		 * without a copy */
		if (memchr(line, '[', n) || memchr(line, '<', n)) {
			if (strip_tags(text + i, e - i, buf, &n, &out->hints)) {
				rc = -1;
				break;
			}
			line = buf;
		}
		if (n < e - i)
			st->masthead = 1;      /* tags seen: the page furniture follows */
		size_t a = 0;
		int indent = 0;
		while (a < n && (line[a] == '\t' || line[a] == ' ' || line[a] == '\f')) {
			indent += line[a] == '\t';
			a++;
		}
		while (n > a && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\f'))
			n--;
		if (n > a) {
			int agenda = st->top && furniture_classify(line + a, n - a, 1) == FURN_AGENDA;
			char date[11];
			int f = st->top && st->after_agenda && furniture_agenda_title(line + a, n - a) ? 1 :
			        furniture(line + a, n - a, &out->hints, st->masthead || st->top);
			if (f == 0 && st->top && out->n == 0
			    && lang_parse_date(line + a, n - a, date) == n - a) {
				/* the distribution date under "Distr.: General" */
				f = 1;
				if (!out->hints.distributed && !(out->hints.distributed = strdup(date)))
					f = -1;
			}
			st->after_agenda = agenda || (st->after_agenda && f == 1);
			if (f < 0)
				rc = -1;
			else if (f == 0 && own) {
				/* a line cleaned of its tags is shorter than it was: it goes back where
				 * it stood */
				if (line != text + i)
					memcpy(own + i + a, line + a, n - a);
				rc = blocks_push_in_place(out, own + i + a, n - a, ZONE_BODY, indent, 0);
				st->top = 0;
			} else if (f == 0) {
				rc = blocks_push(out, line + a, n - a, ZONE_BODY, indent, 0);
				st->top = 0;
			}
		}
		i = e + 1;
	}
	*pos = i;
	return rc;
}

/* ---- a large extract on two threads ----
 * Past its first block a line depends on the lines before it only through `masthead` (tags
 * seen) and the hints, which keep their first value: the second half of a large extract is
 * read beside the first, into blocks and hints of its own, from `masthead` as the first half
 * leaves it (found before, exactly: whether a line of the first half loses a tag), then its
 * blocks follow the first half's and its hints fill what the first half left empty. */

#define ODS_SPLIT_MIN ((size_t)4 << 20)     /* smaller extracts: one thread */
#define ODS_BLOCK_BYTES 32                  /* text per block, fewer than any extract has */

struct ods_half {
	const char *text;
	size_t len, pos;
	char *own;
	struct ods_state st;
	struct block_list bl;
	int rc;
};

static void *ods_half_run(void *arg)
{
	struct ods_half *h = arg;
	char *buf = malloc(h->len - h->pos + 1);
	h->rc = buf ? ods_run(h->text, h->len, h->own, &h->pos, 0, &h->st, buf, &h->bl) : -1;
	free(buf);
	/* the builder's kinds, while the blocks' text is at hand on this core */
	if (h->rc == 0)
		blocks_classify(&h->bl, 0);
	return NULL;
}

/* Whether a line of text[i..end) loses a marker or a tag to strip_tags. */
static int tags_in(const char *text, size_t i, size_t end, char *buf)
{
	struct res_meta scratch;
	memset(&scratch, 0, sizeof scratch);
	int found = 0;
	while (i < end && !found) {
		const char *nl = memchr(text + i, '\n', end - i);
		size_t e = nl ? (size_t)(nl - text) : end, n = e - i;
		if ((memchr(text + i, '[', n) || memchr(text + i, '<', n))
		    && strip_tags(text + i, e - i, buf, &n, &scratch) == 0)
			found = n < e - i;
		i = e + 1;
	}
	char **f[] = { &scratch.symbol, &scratch.job };
	for (size_t k = 0; k < sizeof f / sizeof *f; k++)
		free(*f[k]);
	return found;
}

/* Blocks and hints of the second half after the first's (out). Returns 0 or -1 (OOM). */
static int ods_join(struct block_list *out, struct ods_half *h)
{
	int rc = 0;
	if (h->bl.n) {
		size_t n = out->n + h->bl.n;
		if (blocks_reserve(out, n)) {
			rc = -1;
		} else {
			memcpy(out->v + out->n, h->bl.v, h->bl.n * sizeof *out->v);
			out->n = n;
			if (!out->lent_lo || (h->bl.lent_lo && h->bl.lent_lo < out->lent_lo))
				out->lent_lo = h->bl.lent_lo;
			if (h->bl.lent_hi > out->lent_hi)
				out->lent_hi = h->bl.lent_hi;
			h->bl.n = 0;    /* the blocks are out's now; blocks_free lets the array go */
		}
	}
	/* the hints: a value the first half left empty comes from the second (first value
	 * first, as one reading would have it) */
	struct block_list tmp;
	memset(&tmp, 0, sizeof tmp);
	struct res_meta *m = blocks_doc_hints(&tmp, 0);
	if (!m) {
		rc = -1;
	} else {
		*m = h->bl.hints;
		memset(&h->bl.hints, 0, sizeof h->bl.hints);
		tmp.hints = out->hints;
		if (blocks_merge_hints(&tmp))
			rc = -1;
		out->hints = tmp.hints;
		memset(&tmp.hints, 0, sizeof tmp.hints);
	}
	blocks_free(&tmp);
	blocks_free(&h->bl);
	return rc;
}

/* The lines from *pos on, the second half on a thread of its own when that pays. */
static int ods_rest(const char *text, size_t len, char *own, size_t pos, struct ods_state *st,
                    char *buf, struct block_list *out)
{
	size_t cut = pos + (len - pos) / 2;
	const char *nl = own && !st->top && len - pos >= ODS_SPLIT_MIN && parse_cpus() > 1
	                 ? memchr(text + cut, '\n', len - cut) : NULL;
	if (!nl || (size_t)(nl - text) + 1 >= len)
		return ods_run(text, len, own, &pos, 0, st, buf, out);
	cut = (size_t)(nl - text) + 1;
	struct ods_half *h = calloc(1, sizeof *h);
	if (!h)
		return -1;
	h->text = text;
	h->len = len;
	h->pos = cut;
	h->own = own;
	h->st = (struct ods_state){ st->masthead || tags_in(text, pos, cut, buf), 0, 0 };
	/* room for the blocks of both halves where they end up, so that neither array grows
	 * by copying (a block per ODS_BLOCK_BYTES of text is more than extracts hold); only
	 * room made ahead: where it is not given, the arrays grow as they fill */
	(void)blocks_reserve(out, out->n + (len - pos) / ODS_BLOCK_BYTES);
	(void)blocks_reserve(&h->bl, (len - cut) / ODS_BLOCK_BYTES);
	pthread_t t;
	if (pthread_create(&t, NULL, ods_half_run, h) != 0) {
		blocks_free(&h->bl);
		free(h);
		return ods_run(text, len, own, &pos, 0, st, buf, out);
	}
	int rc = ods_run(text, cut, own, &pos, 0, st, buf, out);
	if (rc == 0)
		blocks_classify(out, 0);
	pthread_join(t, NULL);
	if (h->rc)
		rc = -1;
	if (ods_join(out, h))
		rc = -1;
	out->kinds_ready = rc == 0;
	free(h);
	return rc;
}

static int ods_lines(const char *text, size_t len, char *own, struct block_list *out)
{
	long fm = furniture_front_matter(text, len, &out->hints);
	if (fm < 0)
		return -1;
	text += fm;
	len -= (size_t)fm;
	if (own)
		own += fm;
	char *buf = malloc(len + 1);       /* a line without its tags */
	if (!buf)
		return -1;
	/* an extract cleaned of its tags may keep its masthead at the top: masthead lines count
	 * as furniture until the first line of text */
	struct ods_state st = { 0, 1, 0 };
	size_t pos = 0;
	int rc = ods_run(text, len, own, &pos, 1, &st, buf, out);
	if (rc == 0 && pos < len)
		rc = ods_rest(text, len, own, pos, &st, buf, out);
	free(buf);
	return rc;
}

int shape_ods(const char *text, size_t len, struct block_list *out, struct parse_diag *d)
{
	(void)d;
	return ods_lines(text, len, NULL, out);
}

int shape_ods_in_place(char *text, size_t len, struct block_list *out, struct parse_diag *d)
{
	(void)d;
	return ods_lines(text, len, text, out);
}
