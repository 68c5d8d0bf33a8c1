/* record.c: the record of adoption. The AKN4UN XML gives it exactly (akn-meta.c); text shapes
 * print a vote line under the resolution, read here into the same struct, so one model serves
 * every shape. And the record as labelled fields, for the command line and the reader. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc/record.h"

/* ---- names ---- */

/* Member names with "and" in them: a list "A, B and Saint Kitts and Nevis" is cut around
 * them. */
static const char *const and_names[] = { "Antigua and Barbuda", "Bosnia and Herzegovina",
	"Saint Kitts and Nevis", "Saint Vincent and the Grenadines", "Sao Tome and Principe",
	"Trinidad and Tobago", "United Kingdom of Great Britain and Northern Ireland",
	"Serbia and Montenegro", "Group of 77 and China", NULL };

/* Whether s[i..n) starts an " and " that joins two names (not one inside a member's name). */
static int joins(const char *s, size_t n, size_t i)
{
	if (n - i < 5 || memcmp(s + i, " and ", 5) != 0)
		return 0;
	for (size_t k = 0; and_names[k]; k++) {
		const char *name = and_names[k];
		size_t before = (size_t)(strstr(name, " and ") - name), len = strlen(name);
		if (i >= before && i - before + len <= n && memcmp(s + i - before, name, len) == 0)
			return 0;
	}
	return 1;
}

int record_split_names(const char *s, size_t len, char ***v, size_t *n)
{
	size_t start = 0;
	int depth = 0;
	for (size_t i = 0; s && i <= len; i++) {
		size_t skip = 0;
		if (i < len) {
			if (s[i] == '(')
				depth++;
			else if (s[i] == ')')
				depth--;
			if (depth > 0)
				continue;
			if ((s[i] == ',' || s[i] == ';') && (i + 1 == len || s[i + 1] == ' '))
				skip = 1;
			else if (joins(s, len, i))
				skip = 5;
			else
				continue;
		}
		size_t b = start, e = i;
		while (b < e && isspace((unsigned char)s[b]))
			b++;
		while (e > b && (isspace((unsigned char)s[e - 1]) || s[e - 1] == '.' || s[e - 1] == ']'))
			e--;
		if (e - b > 4 && memcmp(s + b, "and ", 4) == 0)
			b += 4;            /* ", and Z" */
		if (e > b && res_list_add(v, n, s + b, e - b))
			return -1;
		start = i + skip;
		if (skip)
			i += skip - 1;
	}
	return 0;
}

/* ---- the vote line ---- */

static const char *find_ci(const char *s, const char *w)
{
	size_t k = strlen(w);
	for (const char *p = s; *p; p++)
		if (strncasecmp(p, w, k) == 0)
			return p;
	return NULL;
}

/* A count after a phrase: "by 9 votes to", "vote of 31 to": the number, "none" as 0, -1. */
static int number_at(const char *p, const char **end)
{
	while (*p == ' ')
		p++;
	if (strncasecmp(p, "none", 4) == 0) {
		*end = p + 4;
		return 0;
	}
	if (!isdigit((unsigned char)*p))
		return -1;
	char *e;
	long v = strtol(p, &e, 10);
	*end = e;
	return v >= 0 && v < 1000 ? (int)v : -1;
}

static int add_voter(struct res_record *r, const char *name, enum res_ballot b)
{
	size_t c = r->nvoters;
	if (c == 0 || (c >= 4 && (c & (c - 1)) == 0)) {
		struct res_voter *nv = realloc(r->voters, (c ? c * 2 : 4) * sizeof *nv);
		if (!nv)
			return -1;
		r->voters = nv;
	}
	if (!(r->voters[c].name = strdup(name)))
		return -1;
	r->voters[c].ballot = b;
	r->nvoters = c + 1;
	return 0;
}

/* Names in s[0..n) as voters of one ballot. */
static int voters(struct res_record *r, const char *s, size_t n, enum res_ballot b)
{
	char **v = NULL;
	size_t nv = 0;
	int rc = record_split_names(s, n, &v, &nv);
	for (size_t i = 0; i < nv; i++) {
		if (rc == 0 && add_voter(r, v[i], b))
			rc = -1;
		free(v[i]);
	}
	free(v);
	return rc;
}

/* "(France, Italy)" right after p: the names, as voters. */
static int paren_voters(struct res_record *r, const char *p, enum res_ballot b)
{
	while (*p == ' ')
		p++;
	if (*p != '(')
		return 0;
	const char *e = strchr(p, ')');
	return e ? voters(r, p + 1, (size_t)(e - p - 1), b) : 0;
}

/* "In favour: A, B. Against: C. Abstaining: D." (the Assembly's recorded votes). */
static int vote_lists(struct res_record *r, const char *v)
{
	static const struct { const char *word; enum res_ballot b; } heads[] = {
		{ "In favour:", BALLOT_YES }, { "Against:", BALLOT_NO }, { "Abstaining:", BALLOT_ABSTAIN },
	};
	const char *at[3];
	for (int k = 0; k < 3; k++)
		at[k] = strstr(v, heads[k].word);
	for (int k = 0; k < 3; k++) {
		if (!at[k])
			continue;
		const char *s = at[k] + strlen(heads[k].word), *e = s + strlen(s);
		for (int j = 0; j < 3; j++)
			if (at[j] && at[j] > at[k] && at[j] < e)
				e = at[j];
		if (voters(r, s, (size_t)(e - s), heads[k].b))
			return -1;
	}
	return 0;
}

int record_from_text(struct resolution *res)
{
	struct res_record *r = &res->record;
	const char *report = res->meta.report;
	if (!r->draft && report && strstr(report, "/L.") && !(r->draft = strdup(report)))
		return -1;
	const char *v = res->meta.vote;
	if (!v || r->adoption != ADOPTION_UNKNOWN)
		return 0;
	static const char *const without[] = { "without a vote", "without vote", "sans vote",
		"sin votación", "без голосования", "by consensus", "par consensus", "por consenso", NULL };
	static const char *const unanimous[] = { "unanimously", "à l'unanimité", "à l’unanimité",
		"por unanimidad", "единогласно", NULL };
	for (size_t i = 0; without[i]; i++)
		if (find_ci(v, without[i])) {
			r->adoption = ADOPTION_WITHOUT_VOTE;
			return 0;
		}
	for (size_t i = 0; unanimous[i]; i++)
		if (find_ci(v, unanimous[i])) {
			r->adoption = ADOPTION_VOTE;
			r->no = r->abstain = 0;
			return 0;
		}
	/* "recorded vote of 31 to 9", "by 9 votes to 1 (United Arab Republic)" */
	const char *p = find_ci(v, "vote of "), *e;
	int yes = -1, no = -1;
	if (p)
		p += 8;
	else if ((p = find_ci(v, " by ")) != NULL)
		p += 4;
	if (p && (yes = number_at(p, &e)) >= 0) {
		while (*e == ' ')
			e++;
		if (strncasecmp(e, "votes ", 6) == 0)
			e += 6;
		if (strncasecmp(e, "to ", 3) == 0 && (no = number_at(e + 3, &e)) >= 0) {
			r->adoption = ADOPTION_VOTE;
			r->yes = yes;
			r->no = no;
			r->abstain = 0;
			if (paren_voters(r, e, BALLOT_NO))
				return -1;
		}
	}
	if (r->adoption != ADOPTION_VOTE)
		return 0;
	const char *w = find_ci(v, "with ");
	int ab;
	if (w && (ab = number_at(w + 5, &e)) >= 0 && find_ci(e, "abstention") == e + (*e == ' ')) {
		r->abstain = ab;
		const char *after = e + (*e == ' ') + strlen("abstention");
		if (*after == 's')
			after++;
		if (paren_voters(r, after, BALLOT_ABSTAIN))
			return -1;
	}
	return vote_lists(r, v);
}

/* ---- the record as fields ---- */

struct fields {
	struct record_field *v;
	int n, oom;
};

static void field(struct fields *f, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void field(struct fields *f, const char *label, const char *fmt, ...)
{
	if (f->oom)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *s = NULL;
	int n = vasprintf(&s, fmt, ap);
	va_end(ap);
	struct record_field *nv = n >= 0 ? realloc(f->v, (size_t)(f->n + 1) * sizeof *nv) : NULL;
	if (!nv) {
		free(n >= 0 ? s : NULL);
		f->oom = 1;
		return;
	}
	f->v = nv;
	f->v[f->n].label = label;
	f->v[f->n].value = s;
	f->n++;
}

/* A list joined by sep, (count) after it when asked; NULL out of memory. */
static char *joined(char *const *v, size_t n, const char *sep, int count)
{
	size_t len = 32;
	for (size_t i = 0; i < n; i++)
		len += strlen(v[i]) + strlen(sep);
	char *s = malloc(len), *o = s;
	if (!s)
		return NULL;
	*o = '\0';
	for (size_t i = 0; i < n; i++)
		o += sprintf(o, "%s%s", i ? sep : "", v[i]);
	if (count && n > 1)
		sprintf(o, " (%zu)", n);
	return s;
}

static void list_field(struct fields *f, const char *label, char *const *v, size_t n,
                       const char *sep)
{
	if (!n)
		return;
	char *s = joined(v, n, sep, 1);
	if (!s) {
		f->oom = 1;
		return;
	}
	field(f, label, "%s", s);
	free(s);
}

static void voters_field(struct fields *f, const char *label, const struct res_record *r,
                         enum res_ballot b)
{
	char **v = NULL;
	size_t n = 0;
	for (size_t i = 0; i < r->nvoters; i++)
		if (r->voters[i].ballot == b) {
			char **nv = realloc(v, (n + 1) * sizeof *nv);
			if (!nv) {
				f->oom = 1;
				free(v);
				return;
			}
			v = nv;
			v[n++] = r->voters[i].name;
		}
	list_field(f, label, v, n, ", ");
	free(v);
}

static void vote_field(struct fields *f, const struct res_record *r)
{
	char counts[128] = "";
	if (r->adoption == ADOPTION_VOTE) {
		if (r->yes >= 0)
			snprintf(counts, sizeof counts, "%d in favour, %d against, %d abstaining", r->yes,
			         r->no > 0 ? r->no : 0, r->abstain > 0 ? r->abstain : 0);
	}
	int unanimous = r->adoption == ADOPTION_VOTE && r->yes < 0 && r->no == 0 && r->abstain == 0;
	const char *how = r->adoption == ADOPTION_WITHOUT_VOTE ? "adopted without a vote"
	                : unanimous ? "adopted unanimously"
	                : r->adoption == ADOPTION_VOTE ? (r->nvoters ? "adopted by a recorded vote"
	                                                             : "adopted by a vote")
	                : "not in this file";
	field(f, "Vote", "%s%s%s%s", how, counts[0] ? ": " : "", counts,
	      r->by_mail ? " (by letter)" : "");
	voters_field(f, "In favour", r, BALLOT_YES);
	voters_field(f, "Against", r, BALLOT_NO);
	voters_field(f, "Abstaining", r, BALLOT_ABSTAIN);
}

/* What the text cites: each resolution and document once, in order of first citation. */
static void cites_field(struct fields *f, const struct resolution *res)
{
	char **v = NULL;
	size_t n = 0;
	for (size_t i = 0; i < res->npara && !f->oom; i++)
		for (size_t k = 0; k < res->paras[i].nrefs; k++) {
			const struct ref *r = &res->paras[i].refs[k];
			char buf[300];
			snprintf(buf, sizeof buf, "%s%s", r->kind == REF_RESOLUTION ? "resolution " : "",
			         r->target);
			int seen = 0;
			for (size_t j = 0; j < n && !seen; j++)
				seen = strcmp(v[j], buf) == 0;
			if (!seen && res_list_add(&v, &n, buf, strlen(buf)))
				f->oom = 1;
		}
	list_field(f, "Cites", v, n, ", ");
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int record_fields(const struct resolution *res, struct record_field **out)
{
	const struct res_meta *m = &res->meta;
	const struct res_record *r = &res->record;
	struct fields f = { NULL, 0, 0 };
	if (m->symbol)
		field(&f, "Symbol", "%s", m->symbol);
	if (m->title)
		field(&f, "Title", "%s", m->title);
	if (m->organ && m->session)
		field(&f, "Organ", "%s, session %s", m->organ, m->session);
	else if (m->organ)
		field(&f, "Organ", "%s", m->organ);
	if (m->agenda_item || r->agenda_title)
		field(&f, "Agenda item", "%s%s%s", m->agenda_item ? m->agenda_item : "",
		      m->agenda_item && r->agenda_title ? ": " : "", r->agenda_title ? r->agenda_title : "");
	if (m->adopted || m->meeting || r->meeting_record)
		field(&f, "Adopted", "%s%s%s%s%s%s", m->adopted ? m->adopted : "",
		      m->adopted && m->meeting ? ", " : "", m->meeting ? m->meeting : "",
		      r->meeting_record ? " (" : "", r->meeting_record ? r->meeting_record : "",
		      r->meeting_record ? ")" : "");
	if (m->distributed)
		field(&f, "Distributed", "%s", m->distributed);
	if (r->draft)
		field(&f, "Draft", "%s", r->draft);
	if (m->report && (!r->draft || strcmp(m->report, r->draft) != 0))
		field(&f, "Report", "%s", m->report);
	list_field(&f, "Sponsors", r->sponsors, r->nsponsors, ", ");
	list_field(&f, "Joined by", r->cosponsors, r->ncosponsors, ", ");
	vote_field(&f, r);
	if (r->chapter)
		field(&f, "Charter", "acting under %s", r->chapter);
	list_field(&f, "Subjects", r->keywords, r->nkeywords, "; ");
	cites_field(&f, res);
	if (f.oom) {
		record_fields_free(f.v, f.n);
		*out = NULL;
		return -1;
	}
	*out = f.v;
	return f.n;
}

void record_fields_free(struct record_field *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].value);
	free(v);
}
