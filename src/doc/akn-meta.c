/* akn-meta.c: what an AKN4UN resolution records about itself: in <meta> its work (organ,
 * language, adoption date), its draft and sponsors and meeting record (<workflow>), the vote
 * (<voting>: the counts and each member's vote), its subjects (<classification>); on its
 * <coverPage> the symbol, distribution date, session, agenda item and the report or draft it
 * was adopted on; in <preface> its number and title; in <conclusions> the meeting. The metadata
 * UN staff write is in English whatever the text's language. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc/akn.h"

/* The first element named `name` under n (any depth) whose attribute `attr` is `value`
 * (attr NULL: any), or NULL. */
static const xmlNode *find(const xmlNode *n, const char *name, const char *attr, const char *value,
                           int depth)
{
	if (!n || depth > AKN_MAX_DEPTH)
		return NULL;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, name) == 0) {
			if (!attr)
				return c;
			char *v = akn_attr(c, attr);
			int ok = v && strcmp(v, value) == 0;
			xmlFree(v);
			if (ok)
				return c;
		}
		const xmlNode *r = find(c, name, attr, value, depth + 1);
		if (r)
			return r;
	}
	return NULL;
}

static void set(struct akn *a, char **field, const char *s)
{
	if (*field || !s || !*s)
		return;
	if (!(*field = strdup(s)))
		a->oom = 1;
}

static void set_attr(struct akn *a, char **field, const xmlNode *n, const char *attr)
{
	if (!n)
		return;
	char *v = akn_attr(n, attr);
	set(a, field, v);
	xmlFree(v);
}

static void set_text(struct akn *a, char **field, const xmlNode *n)
{
	char *s = akn_plain(a, n);
	set(a, field, s);
	free(s);
}

/* A YYYY-MM-DD date attribute, never the placeholder 0001-01-01. */
static void set_date(struct akn *a, char **field, const xmlNode *n)
{
	if (!n)
		return;
	char *v = akn_attr(n, "date");
	if (v && strlen(v) == 10 && isdigit((unsigned char)v[0]) && strncmp(v, "0001", 4) != 0)
		set(a, field, v);
	xmlFree(v);
}

/* ---- lists of countries ---- */

/* Member names with "and" in them: the list "A, B and Saint Kitts and Nevis" is cut around
 * them. */
static const char *const and_names[] = { "Antigua and Barbuda", "Bosnia and Herzegovina",
	"Saint Kitts and Nevis", "Saint Vincent and the Grenadines", "Sao Tome and Principe",
	"Trinidad and Tobago", "United Kingdom of Great Britain and Northern Ireland",
	"Serbia and Montenegro", "Group of 77 and China", NULL };

/* Whether s[i..] starts " and " that joins two names (not one inside a name or brackets). */
static int joins(const char *s, size_t i)
{
	if (strncmp(s + i, " and ", 5) != 0)
		return 0;
	int depth = 0;
	for (size_t k = 0; k < i; k++)
		depth += (s[k] == '(') - (s[k] == ')');
	if (depth > 0)
		return 0;
	for (size_t n = 0; and_names[n]; n++) {
		const char *name = and_names[n];
		const char *in = strstr(name, " and ");
		size_t before = (size_t)(in - name);
		if (i >= before && strncmp(s + i - before, name, strlen(name)) == 0)
			return 0;
	}
	return 1;
}

/* "China, Colombia, ... and Venezuela (Bolivarian Republic of)" -> each name. */
static void split_names(struct akn *a, const char *s, char ***v, size_t *n)
{
	size_t len = s ? strlen(s) : 0, start = 0;
	int depth = 0;
	for (size_t i = 0; i <= len && !a->oom; i++) {
		int cut = 0, skip = 0;
		if (i == len)
			cut = 1;
		else if (s[i] == '(')
			depth++;
		else if (s[i] == ')')
			depth--;
		else if (depth <= 0 && s[i] == ',' && s[i + 1] == ' ')
			cut = 1, skip = 2;
		else if (depth <= 0 && joins(s, i))
			cut = 1, skip = 5;
		if (!cut)
			continue;
		size_t b = start, e = i;
		while (b < e && isspace((unsigned char)s[b]))
			b++;
		while (e > b && isspace((unsigned char)s[e - 1]))
			e--;
		if (e > b && strncmp(s + b, "and ", 4) == 0)
			b += 4;        /* ", and Z" */
		if (e > b && res_list_add(v, n, s + b, e - b))
			a->oom = 1;
		if (i == len)
			break;
		start = i + (size_t)skip;
		i = start - 1;
	}
}

/* ---- the parts of the record ---- */

static void workflow(struct akn *a, const xmlNode *meta)
{
	struct res_record *r = &a->st.res->record;
	const xmlNode *wf = find(meta, "workflow", NULL, NULL, 0);
	for (const xmlNode *s = wf ? wf->children : NULL; s; s = s->next) {
		if (!akn_is(s, "step"))
			continue;
		char *outcome = akn_attr(s, "outcome");
		char *by = akn_attr(s, "by");
		if (!outcome) {
			xmlFree(by);
			continue;
		}
		if (strcmp(outcome, "draftResolution") == 0) {
			set_attr(a, &r->draft, s, "as");
			if (!r->nsponsors)
				split_names(a, by, &r->sponsors, &r->nsponsors);
		} else if (strcmp(outcome, "draftResolutionAdditionalSponsors") == 0) {
			if (!r->ncosponsors)
				split_names(a, by, &r->cosponsors, &r->ncosponsors);
		} else if (strcmp(outcome, "recommendedForAdoption") == 0) {
			set_attr(a, &a->st.res->meta.report, s, "as");
		} else if (strcmp(outcome, "adopted") == 0) {
			set_attr(a, &r->meeting_record, s, "as");
			set_date(a, &a->st.res->meta.adopted, s);
			char *ch = akn_attr(s, "refersTo");
			if (ch && strncmp(ch, "Chapter", 7) == 0)
				set(a, &r->chapter, ch);
			xmlFree(ch);
			/* "Adopted 14-0-1, 8719th meeting", "Adopted unanimously; voting by mail" */
			if (by && strstr(by, "by mail"))
				r->by_mail = 1;
			int y, no, ab;
			if (by && sscanf(by, "Adopted %d-%d-%d", &y, &no, &ab) == 3 && r->yes < 0) {
				r->adoption = ADOPTION_VOTE;
				r->yes = y;
				r->no = no;
				r->abstain = ab;
			}
		}
		xmlFree(outcome);
		xmlFree(by);
	}
}

static void add_voter(struct akn *a, const char *name, enum res_ballot ballot)
{
	struct res_record *r = &a->st.res->record;
	size_t c = r->nvoters;
	if (c == 0 || (c >= 4 && (c & (c - 1)) == 0)) {
		struct res_voter *nv = realloc(r->voters, (c ? c * 2 : 4) * sizeof *nv);
		if (!nv) {
			a->oom = 1;
			return;
		}
		r->voters = nv;
	}
	if (!(r->voters[c].name = strdup(name))) {
		a->oom = 1;
		return;
	}
	r->voters[c].ballot = ballot;
	r->nvoters = c + 1;
}

static void voting(struct akn *a, const xmlNode *meta)
{
	struct res_record *r = &a->st.res->record;
	const xmlNode *v = find(meta, "voting", NULL, NULL, 0);
	if (!v)
		return;
	char *outcome = akn_attr(v, "outcome");
	if (outcome && (strcasestr(outcome, "without vote") || strcasestr(outcome, "WithoutVote")))
		r->adoption = ADOPTION_WITHOUT_VOTE;
	else if (outcome && strcasestr(outcome, "by mail")) {
		r->by_mail = 1;
		r->adoption = ADOPTION_VOTE;
	} else if (outcome && strcasestr(outcome, "vote"))
		r->adoption = ADOPTION_VOTE;
	xmlFree(outcome);
	int counted = 0;
	for (const xmlNode *c = v->children; c; c = c->next) {
		if (!akn_is(c, "count"))
			continue;
		char *what = akn_attr(c, "refersTo"), *val = akn_attr(c, "value");
		int *slot = NULL;
		enum res_ballot ballot = BALLOT_YES;
		if (what && strcmp(what, "inFavour") == 0)
			slot = &r->yes;
		else if (what && strcmp(what, "against") == 0)
			slot = &r->no, ballot = BALLOT_NO;
		else if (what && strcmp(what, "abstaining") == 0)
			slot = &r->abstain, ballot = BALLOT_ABSTAIN;
		if (slot && val && isdigit((unsigned char)val[0])) {
			*slot = atoi(val);
			counted = 1;
		}
		xmlFree(what);
		xmlFree(val);
		if (!slot)
			continue;
		/* <akn4un:voters><organization>ALGERIA</organization>... */
		for (const xmlNode *vs = c->children; vs; vs = vs->next)
			for (const xmlNode *o = vs->children; o && vs->type == XML_ELEMENT_NODE; o = o->next)
				if (o->type == XML_ELEMENT_NODE && strcmp((const char *)o->name, "organization") == 0) {
					char *name = akn_plain(a, o);
					if (name)
						add_voter(a, name, ballot);
					free(name);
				}
	}
	if (counted && r->adoption != ADOPTION_WITHOUT_VOTE) {
		r->adoption = ADOPTION_VOTE;
		if (r->yes < 0)
			r->yes = 0;
		if (r->no < 0)
			r->no = 0;
		if (r->abstain < 0)
			r->abstain = 0;
	}
}

static int has_keyword(const struct res_record *r, const char *s)
{
	for (size_t i = 0; i < r->nkeywords; i++)
		if (strcasecmp(r->keywords[i], s) == 0)
			return 1;
	return 0;
}

/* Subjects, each once: "sustainable_development" and "SUSTAINABLE DEVELOPMENT" from two
 * thesauri are one subject; the Sustainable Development Goals as "SDG 16". The agenda item
 * is a <keyword refersTo="agenda">. */
static void classification(struct akn *a, const xmlNode *meta)
{
	struct res_record *r = &a->st.res->record;
	for (const xmlNode *cl = meta->children; cl; cl = cl->next) {
		if (!akn_is(cl, "classification"))
			continue;
		for (const xmlNode *k = cl->children; k && !a->oom; k = k->next) {
			if (!akn_is(k, "keyword"))
				continue;
			char *refers = akn_attr(k, "refersTo"), *dict = akn_attr(k, "dictionary");
			char *show = akn_attr(k, "showAs"), *value = akn_attr(k, "value");
			if (refers && strcmp(refers, "agenda") == 0) {
				if (show) {
					size_t n = strlen(show);
					while (n > 0 && (show[n - 1] == '.' || show[n - 1] == ' '))
						show[--n] = '\0';
					set(a, &r->agenda_title, show);
				}
			} else if (!refers) {
				char buf[256];
				if (dict && strcmp(dict, "SDGO") == 0 && value)
					snprintf(buf, sizeof buf, "SDG %s", value);
				else
					snprintf(buf, sizeof buf, "%s", show ? show : value ? value : "");
				for (char *p = buf; *p; p++)
					if (*p == '_')
						*p = ' ';
				if (buf[0] && !has_keyword(r, buf) && res_list_add(&r->keywords, &r->nkeywords, buf, strlen(buf)))
					a->oom = 1;
			}
			xmlFree(refers);
			xmlFree(dict);
			xmlFree(show);
			xmlFree(value);
		}
	}
}

static const char *language(const char *code)
{
	static const char *const codes[][2] = { { "eng", "en" }, { "fra", "fr" }, { "spa", "es" },
		{ "rus", "ru" }, { "zho", "zh" }, { "chi", "zh" }, { "ara", "ar" }, { "fre", "fr" } };
	for (size_t i = 0; code && i < sizeof codes / sizeof *codes; i++)
		if (strcmp(code, codes[i][0]) == 0)
			return codes[i][1];
	return code && strlen(code) == 2 ? code : NULL;
}

static void identification(struct akn *a, const xmlNode *meta)
{
	struct res_meta *m = &a->st.res->meta;
	const xmlNode *work = find(meta, "FRBRWork", NULL, NULL, 0);
	const xmlNode *this = find(work, "FRBRthis", NULL, NULL, 0);
	char *uri = this ? akn_attr(this, "value") : NULL;
	if (uri && strstr(uri, "/unga/"))
		set(a, &m->organ, "General Assembly");
	else if (uri && strstr(uri, "/unsc/"))
		set(a, &m->organ, "Security Council");
	xmlFree(uri);
	set_date(a, &m->adopted, find(work, "FRBRdate", "name", "adoption", 0));
	const xmlNode *lang = find(meta, "FRBRlanguage", NULL, NULL, 0);
	char *code = lang ? akn_attr(lang, "language") : NULL;
	const char *l = language(code);
	set(a, &m->language, l);
	if (l)
		a->st.lang = l[0] == 'e' && l[1] == 'n' ? "en" : l[0] == 'f' ? "fr" : l[0] == 'e' ? "es"
		           : l[0] == 'r' ? "ru" : l[0] == 'z' ? "zh" : l[0] == 'a' ? "ar" : "en";
	xmlFree(code);
	set_text(a, &m->job, find(meta, "docketNumber", NULL, NULL, 0));
}

/* "Agenda item 71 (b)", "Point 71 b) de l'ordre du jour": the item is what follows the first
 * digit. */
static void agenda_item(struct akn *a, const xmlNode *n)
{
	char *s = akn_plain(a, n);
	if (!s)
		return;
	const char *d = s;
	while (*d && !isdigit((unsigned char)*d))
		d++;
	if (*d) {
		size_t e = 0;
		while (d[e] && (isalnum((unsigned char)d[e]) || d[e] == ' ' || d[e] == '(' || d[e] == ')'))
			e++;
		while (e > 0 && d[e - 1] == ' ')
			e--;
		char *item = strndup(d, e);
		if (!item)
			a->oom = 1;
		set(a, &a->st.res->meta.agenda_item, item);
		free(item);
	}
	free(s);
}

static void cover(struct akn *a, const xmlNode *cp)
{
	struct res_meta *m = &a->st.res->meta;
	set_text(a, &m->symbol, find(cp, "docNumber", "refersTo", "#symbol", 0));
	set_date(a, &m->distributed, find(cp, "docDate", "refersTo", "#dateOfIssuance", 0));
	set_attr(a, &m->session, find(cp, "session", NULL, NULL, 0), "value");
	agenda_item(a, find(cp, "inline", "name", "agenda item", 0));
	set_text(a, &a->st.res->record.agenda_title, find(cp, "inline", "name", "agenda item name", 0));
	set_text(a, &m->report, find(cp, "inline", "name", "originating document", 0));
	/* Security Council: "Adopted by the Security Council at its 8981st meeting, on ..." */
	set_text(a, &m->meeting, find(cp, "inline", "name", "adoptionMeeting", 0));
	set_date(a, &m->adopted, find(cp, "docDate", "refersTo", "#adoptionDate", 0));
}

static void preface(struct akn *a, const xmlNode *pf)
{
	struct res_meta *m = &a->st.res->meta;
	char *num = akn_plain(a, find(pf, "docNumber", NULL, NULL, 0));
	if (num) {
		size_t n = strlen(num);
		while (n > 0 && (num[n - 1] == '.' || num[n - 1] == ' '))
			num[--n] = '\0';
		set(a, &m->number, num);
		free(num);
	}
	set_text(a, &m->title, find(pf, "docTitle", NULL, NULL, 0));
}

static void conclusions(struct akn *a, const xmlNode *cc)
{
	struct res_meta *m = &a->st.res->meta;
	const xmlNode *loc = find(cc, "location", NULL, NULL, 0);
	if (!loc)
		loc = find(cc, "inline", "name", "adoptionMeeting", 0);
	set_text(a, &m->meeting, loc);
	set_date(a, &m->adopted, find(cc, "docDate", NULL, NULL, 0));
}

void akn_meta(struct akn *a, const xmlNode *doc)
{
	for (const xmlNode *c = doc->children; c && !a->oom; c = c->next) {
		if (akn_is(c, "meta")) {
			identification(a, c);
			workflow(a, c);
			voting(a, c);
			classification(a, c);
		} else if (akn_is(c, "coverPage"))
			cover(a, c);
		else if (akn_is(c, "preface"))
			preface(a, c);
		else if (akn_is(c, "conclusions"))
			conclusions(a, c);
	}
	struct res_record *r = &a->st.res->record;
	/* the masthead's "(A/80/L.11)" is the draft when the Assembly adopted it in plenary */
	if (!r->draft && a->st.res->meta.report && strstr(a->st.res->meta.report, "/L."))
		set(a, &r->draft, a->st.res->meta.report);
}
