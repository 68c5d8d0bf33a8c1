/* shape-ods.c: the ODS extract reader. One line per paragraph; the extraction leaves
 * [DU1] markers, <<ODS ...>> tags, rules, page numbers and a glued masthead around the text.
 * Furniture is dropped and what it says goes into the hints; every other line is a block. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/blocks.h"
#include "doc/furniture.h"
#include "doc/lang.h"

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

/* The extract's lines -> blocks. With `own` (text itself, writable), each block is
 * normalised where its line stands and borrows it: lines are read once, in order, and a line
 * is not looked at again once pushed, so its bytes (and the line end after it) are free. */
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
	int rc = 0, masthead = 0;
	/* an extract cleaned of its tags may keep its masthead at the top: masthead lines count
	 * as furniture until the first line of text */
	int top = 1, after_agenda = 0;
	for (size_t i = 0; i < len && rc == 0;) {
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
			masthead = 1;          /* tags seen: the page furniture follows */
		size_t a = 0;
		int indent = 0;
		while (a < n && (line[a] == '\t' || line[a] == ' ' || line[a] == '\f')) {
			indent += line[a] == '\t';
			a++;
		}
		while (n > a && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\f'))
			n--;
		if (n > a) {
			int agenda = top && furniture_classify(line + a, n - a, 1) == FURN_AGENDA;
			char date[11];
			int f = top && after_agenda && furniture_agenda_title(line + a, n - a) ? 1 :
			        furniture(line + a, n - a, &out->hints, masthead || top);
			if (f == 0 && top && out->n == 0 && lang_parse_date(line + a, n - a, date) == n - a) {
				/* the distribution date under "Distr.: General" */
				f = 1;
				if (!out->hints.distributed && !(out->hints.distributed = strdup(date)))
					f = -1;
			}
			after_agenda = agenda || (after_agenda && f == 1);
			if (f < 0)
				rc = -1;
			else if (f == 0 && own) {
				/* a line cleaned of its tags is shorter than it was: it goes back where
				 * it stood */
				if (line != text + i)
					memcpy(own + i + a, line + a, n - a);
				rc = blocks_push_in_place(out, own + i + a, n - a, ZONE_BODY, indent, 0);
				top = 0;
			} else if (f == 0) {
				rc = blocks_push(out, line + a, n - a, ZONE_BODY, indent, 0);
				top = 0;
			}
		}
		i = e + 1;
	}
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
