/* build-meta.c: the resolution's metadata: what the header lines above the opening say
 * (symbol, number, title, adoption, report, meeting), in any of the languages, and the last
 * touches once the body is read (symbol from number, session, the masthead's hints). */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/build.h"
#include "doc/lang.h"
#include "doc/record.h"
#include "doc/refs.h"
#include "text/buf.h"

/* The organ a line names, in English; NULL if none. */
static const char *organ_in(const char *s, size_t n)
{
	return lang_organ_name(lang_organ_in(s, n));
}

static void first_symbol(struct bstate *st, char **field, const char *s, size_t n)
{
	struct ref *refs = NULL;
	size_t nrefs = 0;
	if (refs_find_documents(s, n, &refs, &nrefs))
		st->oom = 1;
	for (size_t i = 0; i < nrefs; i++) {
		if (refs[i].kind == REF_DOCUMENT && !*field) {
			*field = refs[i].target;
			refs[i].target = NULL;
		}
		free(refs[i].target);
	}
	free(refs);
}

/* "at its 4683rd meeting" / "at the 1382nd meeting" -> "4683rd meeting". */
void build_meta_meeting(struct bstate *st, char **field, const char *s, size_t n)
{
	size_t a, k;
	if (!*field && lang_meeting_in(s, n, &a, &k))
		build_set_meta(st, field, s + a, k);
}

void build_meta_header(struct bstate *st, const char *s, size_t n)
{
	struct res_meta *m = &st->res->meta;
	char date[11];
	size_t rn;
	const char *organ = organ_in(s, n);
	if (lang_adopted_header(s, n)) {
		/* "Resolution adopted by the General Assembly on 26 November 2025", "Adopted by
		 * the Security Council at its 4683rd meeting, on" (the date on the next line) */
		if (organ)
			build_set_meta(st, &m->organ, organ, strlen(organ));
		build_meta_meeting(st, &m->meeting, s, n);
		if (lang_find_date(s, n, date))
			build_set_meta(st, &m->adopted, date, 10);
		else
			st->read.date_pending = 1;
		return;
	}
	if (lang_report_header(s, n)) {
		first_symbol(st, &m->report, s, n);
		return;
	}
	if ((rn = refs_resolution_number(s, n)) && rn + 3 < n && s[rn] == ' ' && s[rn + 1] == '-'
	    && s[rn + 2] == ' ') {
		/* "79/412 - Title" (Arabic). */
		build_set_meta(st, &m->number, s, rn);
		build_set_meta(st, &m->title, s + rn + 3, n - rn - 3);
		return;
	}
	if (s[0] == '[') {
		/* "[on the report of ... (A/58/508/Add.2)]" in any language. */
		first_symbol(st, &m->report, s, n);
		return;
	}
	if ((rn = refs_resolution_number(s, n)) && rn < n && s[rn] == '.') {
		/* "58/190. Protection of migrants", "101 (1953). Resolution of 24 November 1953" */
		build_set_meta(st, &m->number, s, rn);
		size_t t = rn + 1;
		while (t < n && s[t] == ' ')
			t++;
		if (build_starts(s + t, n - t, "Resolution of")) {
			if (lang_find_date(s + t, n - t, date))
				build_set_meta(st, &m->adopted, date, 10);
		} else if (t < n)
			build_set_meta(st, &m->title, s + t, n - t);
		return;
	}
	size_t rw = lang_resolution_word(s, n);
	if (rw && rw + 1 < n && s[rw] == ' '
	    && (rn = refs_resolution_number(s + rw + 1, n - rw - 1))) {
		/* "Resolution 1454 (2002)", "RESOLUTION 789 (1992) of 25 November 1992" */
		build_set_meta(st, &m->number, s + rw + 1, rn);
		if (lang_find_date(s + rw + 1 + rn, n - rw - 1 - rn, date))
			build_set_meta(st, &m->adopted, date, 10);
		return;
	}
	if (build_starts(s, n, "of ") && lang_parse_date(s + 3, n - 3, date)) {
		build_set_meta(st, &m->adopted, date, 10);
		return;
	}
	if (build_starts(s, n, "of ") && n < 40) {
		/* OCR reads the l of a month as ] or | ("of 3 Apri] 1991") */
		char fix[40];
		memcpy(fix, s, n);
		for (size_t i = 1; i < n; i++)
			if ((fix[i] == ']' || fix[i] == '|') && isalpha((unsigned char)fix[i - 1]))
				fix[i] = 'l';
		if (lang_parse_date(fix + 3, n - 3, date))
			build_set_meta(st, &m->adopted, date, 10);
		return;
	}
	if (st->read.date_pending && lang_find_date(s, n, date)) {
		st->read.date_pending = 0;
		build_set_meta(st, &m->adopted, date, 10);
		return;
	}
	if (lang_un_name(s, n)) {
		first_symbol(st, &m->symbol, s, n);
		return;
	}
	if (organ && build_find(s, n, "Distr.")) {
		build_set_meta(st, &m->organ, organ, strlen(organ));
		return;
	}
	if (build_date_line(s, n) && lang_find_date(s, n, date)) {
		build_set_meta(st, &m->distributed, date, 10);
		return;
	}
	/* "Résolution adoptée par l'Assemblée générale le ...", in any language. */
	if (lang_find_date(s, n, date))
		build_set_meta(st, &m->adopted, date, 10);
}

/* Whether s holds a year of four digits (an OCR'd date line: "of 3 Apri] 1991"). */
static int has_year(const char *s, size_t n)
{
	for (size_t i = 0; i + 4 <= n; i++)
		if ((i == 0 || !isdigit((unsigned char)s[i - 1])) && isdigit((unsigned char)s[i])
		    && isdigit((unsigned char)s[i + 1]) && isdigit((unsigned char)s[i + 2])
		    && isdigit((unsigned char)s[i + 3]) && (i + 4 == n || !isdigit((unsigned char)s[i + 4])))
			return 1;
	return 0;
}

/* Whether a block just above an opening belongs to that resolution's header (in a file
 * holding several resolutions). */
int build_meta_header_like(const struct block *b)
{
	const char *s = b->text;
	size_t n = b->len, rn;
	char date[11];
	if (n == 0 || n > 400)
		return 0;
	if (lang_resolution_word(s, n) || s[0] == '[' || lang_report_header(s, n)
	    || lang_adopted_header(s, n) || lang_un_name(s, n))
		return 1;
	if ((rn = refs_resolution_number(s, n)) && rn + 3 < n && s[rn] == ' ' && s[rn + 1] == '-')
		return 1;                            /* "79/412 - Title" */
	/* "Resolution adopted by the General Assembly on <date>" in any language: an organ and
	 * a date on one short line. */
	if (n < 200 && !isdigit((unsigned char)s[0]) && lang_find_date(s, n, date)
	    && lang_organ_in(s, n) != ORGAN_NONE)
		return 1;
	return ((rn = refs_resolution_number(s, n)) && rn < n && s[rn] == '.')
	    || (build_starts(s, n, "of ") && lang_parse_date(s + 3, n - 3, date))
	    || (build_starts(s, n, "of ") && n < 30 && has_year(s, n))
	    || (organ_in(s, n) && build_find(s, n, "Distr."));
}

void build_meta_closing(struct bstate *st, enum bkind kind, const char *s, size_t n)
{
	struct res_meta *m = &st->res->meta;
	char date[11];
	switch (kind) {
	case BK_MEETING: {
		/* "2112th plenary meeting,", "2112th plenary meeting, 18 December 1972." or
		 * "52nd plenary meeting 1 December 2025": the meeting, then maybe its date */
		size_t k = n, at;
		const char *comma = memchr(s, ',', n);
		int dated = lang_find_date_at(s, n, date, &at) && at > 0;
		if (dated)
			k = at;
		if (comma && (size_t)(comma - s) < k)
			k = (size_t)(comma - s);
		while (k > 0 && (s[k - 1] == '.' || s[k - 1] == ' ' || s[k - 1] == ','))
			k--;
		build_set_meta(st, &m->meeting, s, k);
		if (dated)
			build_set_meta(st, &m->adopted, date, 10);
		break;
	}
	case BK_VOTE:
		if (n > 2 && s[0] == '[' && s[n - 1] == ']')
			build_set_meta(st, &m->vote, s + 1, n - 2);   /* "[Adopted without a vote.]" */
		else if (n > 1 && s[0] == '[' && !m->vote) {
			build_set_meta(st, &m->vote, s + 1, n - 1);
			st->read.vote_open = 1;                      /* the list follows */
		} else
			build_set_meta(st, &m->vote, s, n);
		build_meta_meeting(st, &m->meeting, s, n);
		break;
	case BK_DATE:
		if (lang_find_date(s, n, date))
			build_set_meta(st, &m->adopted, date, 10);
		break;
	default:
		break;
	}
}

void build_meta_vote_more(struct bstate *st, const char *s, size_t n)
{
	/* "In favour: ...", "Against: ...", "Abstaining: ...]": the recorded vote goes on */
	struct res_meta *m = &st->res->meta;
	int close = n && s[n - 1] == ']';
	struct buf v = BUF_INIT;
	if (buf_adds(&v, m->vote) || buf_addc(&v, ' ') || buf_add(&v, s, n - (size_t)close)) {
		buf_free(&v);
		st->oom = 1;
		return;
	}
	free(m->vote);
	m->vote = buf_steal(&v, NULL);
	st->read.vote_open = !close;
}

void build_meta_finish(struct bstate *st, const struct res_meta *hints, int use_hints)
{
	struct res_meta *m = &st->res->meta;
	if (use_hints) {
		char *const *h[] = { &hints->symbol, &hints->organ, &hints->number, &hints->title,
		                     &hints->adopted, &hints->session, &hints->agenda_item,
		                     &hints->report, &hints->meeting, &hints->distributed,
		                     &hints->language, &hints->vote, &hints->job };
		char **f[] = { &m->symbol, &m->organ, &m->number, &m->title, &m->adopted, &m->session,
		               &m->agenda_item, &m->report, &m->meeting, &m->distributed,
		               &m->language, &m->vote, &m->job };
		/* The masthead's symbol and distribution date are authoritative; the rest only
		 * fills gaps. */
		if (hints->symbol && m->symbol && strcmp(hints->symbol, m->symbol) != 0) {
			free(m->symbol);
			m->symbol = NULL;
		}
		if (hints->distributed && m->distributed && strcmp(hints->distributed, m->distributed) != 0) {
			free(m->distributed);
			m->distributed = NULL;
		}
		for (size_t i = 0; i < sizeof f / sizeof *f; i++)
			if (*h[i])
				build_set_meta(st, f[i], *h[i], strlen(*h[i]));
	}
	if (!m->language)
		build_set_meta(st, &m->language, st->lang, strlen(st->lang));
	/* the record of adoption from the vote line, for every shape */
	if (record_from_text(st->res))
		st->oom = 1;
	/* Number from the symbol ("A/RES/58/190" -> "58/190"), or the symbol from the number. */
	if (!m->number && m->symbol && build_starts(m->symbol, strlen(m->symbol), "A/RES/"))
		build_set_meta(st, &m->number, m->symbol + 6, strlen(m->symbol + 6));
	if (!m->number && m->symbol && build_starts(m->symbol, strlen(m->symbol), "E/RES/"))
		build_set_meta(st, &m->number, m->symbol + 6, strlen(m->symbol + 6));
	if (!m->number && m->symbol && build_starts(m->symbol, strlen(m->symbol), "A/HRC/RES/"))
		build_set_meta(st, &m->number, m->symbol + 10, strlen(m->symbol + 10));
	if (!m->number && m->symbol && build_starts(m->symbol, strlen(m->symbol), "S/RES/")) {
		const char *s = m->symbol + 6;
		size_t n = 0;
		while (isdigit((unsigned char)s[n]))
			n++;
		build_set_meta(st, &m->number, s, n);
	}
	if (m->number) {
		const char *num = m->number;
		size_t n = strlen(num);
		const char *paren = strchr(num, '(');
		int sc_year = paren && isdigit((unsigned char)paren[1]);
		if (sc_year && !m->organ)
			build_set_meta(st, &m->organ, "Security Council", 16);
		if (!m->symbol && !st->read.decision) {
			char *sym = NULL;
			if (m->organ && strcmp(m->organ, "Security Council") == 0)
				sym = build_printf(st, "S/RES/%s", num);
			else if (!m->organ || strcmp(m->organ, "General Assembly") == 0)
				sym = build_printf(st, "A/RES/%s", num);
			else if (strcmp(m->organ, "Economic and Social Council") == 0)
				sym = build_printf(st, "E/RES/%s", num);
			else if (strcmp(m->organ, "Human Rights Council") == 0)
				sym = build_printf(st, "A/HRC/RES/%s", num);
			m->symbol = sym;
		}
		if (sc_year) {
			/* "242 (1967)" -> number "242"; the symbol keeps the year. */
			size_t d = 0;
			while (d < n && isdigit((unsigned char)num[d]))
				d++;
			char *t = build_strndup(st, num, d);
			if (t) {
				free(m->number);
				m->number = t;
			}
		}
		const char *slash = strchr(m->number ? m->number : "", '/');
		if (slash && !m->session && isdigit((unsigned char)m->number[0]))
			build_set_meta(st, &m->session, m->number, (size_t)(slash - m->number));
		/* "2999 (XXVII)": the Assembly's sessions before the thirty-first, in roman */
		const char *rp = m->number ? strchr(m->number, '(') : NULL;
		if (rp && !m->session && !sc_year && isupper((unsigned char)rp[1])) {
			int v = 0, prev = 0;
			const char *q = rp + 1;
			for (; *q && *q != ')'; q++) {
				int d = *q == 'I' ? 1 : *q == 'V' ? 5 : *q == 'X' ? 10 : *q == 'L' ? 50 : 0;
				if (!d) {
					v = 0;
					break;
				}
				v += d > prev ? d - 2 * prev : d;
				prev = d;
			}
			if (v > 0 && v < 1000 && *q == ')') {
				char sess[16];
				snprintf(sess, sizeof sess, "%d", v);
				build_set_meta(st, &m->session, sess, strlen(sess));
			}
		}
	}
}
