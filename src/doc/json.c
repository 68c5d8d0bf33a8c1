/* json.c: the public JSON shape of the model (`gavel parse`) and the one JSON string escaper
 * every layer uses. The model is a flat array; the tree (items inside paragraphs, parts,
 * annexes) is rebuilt here in one pass per section, without recursion. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/input.h"
#include "doc/json.h"

/* Every public writer holds the stream's lock for the whole of what it writes (flockfile), so
 * the many short writes inside skip taking it each time: once the builder runs on several
 * threads, stdio takes a real lock per putc otherwise. */
#define putc(c, f) putc_unlocked((c), (f))
#define fputs(s, f) fputs_unlocked((s), (f))
#define fwrite(p, z, n, f) fwrite_unlocked((p), (z), (n), (f))

/* The code point of the valid k-byte sequence at u when JSON output must escape it, else 0:
 * C1 controls, U+2028/U+2029 (line ends to JavaScript), and the whole Bidi_Control set
 * (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069), so that no text can reorder what
 * a terminal or an editor shows of the output (issue 18). The escape loses nothing: a JSON
 * reader gets the character back. */
static unsigned escaped_cp(const unsigned char *u, size_t k)
{
	if (k == 2) {
		unsigned c = (u[0] & 0x1Fu) << 6 | (u[1] & 0x3Fu);
		return c < 0xA0 || c == 0x061C ? c : 0;
	}
	if (k != 3)
		return 0;
	unsigned c = (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
	if (c == 0x200E || c == 0x200F || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)
	    || (c >= 0x2066 && c <= 0x2069))
		return c;
	return 0;
}

/* The end of the run from i that JSON output copies as it is: printable ASCII but the quote
 * and the backslash, and valid sequences that are not escaped. */
static size_t plain_run(const unsigned char *u, size_t i, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	while (i < n) {
		/* eight bytes at a time while none is below 0x20, 0x7F or above, '"' or '\\' */
		while (i + 8 <= n) {
			uint64_t w, q, b;
			memcpy(&w, u + i, 8);
			q = w ^ (ones * '"');
			b = w ^ (ones * '\\');
			if ((((w - ones * 0x20) & ~w) | (w | (w + ones)) | ((q - ones) & ~q)
			     | ((b - ones) & ~b)) & high)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned c = u[i];
		if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
			i++;
			continue;
		}
		if (c < 0x80)
			break;
		size_t k = input_utf8_seq(u + i, n - i);
		if (!k || escaped_cp(u + i, k))
			break;
		i += k;
	}
	return i;
}

static void write_stringn(FILE *f, const char *s, size_t n)
{
	if (!s) {
		fputs("null", f);
		return;
	}
	const unsigned char *u = (const unsigned char *)s;
	putc('"', f);
	for (size_t i = 0; i < n;) {
		/* the run that needs no escape goes out in one write */
		size_t j = plain_run(u, i, n);
		if (j > i) {
			fwrite(u + i, 1, j - i, f);
			i = j;
			if (i >= n)
				break;
		}
		unsigned c = u[i];
		if (c == '"' || c == '\\') {
			putc('\\', f);
			putc((int)c, f);
			i++;
		} else if (c == '\n') {
			fputs("\\n", f);
			i++;
		} else if (c == '\t') {
			fputs("\\t", f);
			i++;
		} else if (c < 0x80) {
			fprintf(f, "\\u%04x", c);
			i++;
		} else {
			size_t k = input_utf8_seq(u + i, n - i);
			if (!k) {
				fputs("\\ufffd", f);      /* never emit invalid UTF-8 */
				i++;
			} else {
				fprintf(f, "\\u%04x", escaped_cp(u + i, k));
				i += k;
			}
		}
	}
	putc('"', f);
}

void json_write_stringn(FILE *f, const char *s, size_t n)
{
	flockfile(f);
	write_stringn(f, s, n);
	funlockfile(f);
}

void json_write_string(FILE *f, const char *s)
{
	json_write_stringn(f, s, s ? strlen(s) : 0);
}

/* json_write_string inside a writer that holds the lock */
static void wstr(FILE *f, const char *s)
{
	write_stringn(f, s, s ? strlen(s) : 0);
}

/* A number in decimal, as printf's %d and %zu write it, without printf's cost. */
static void num(FILE *f, long long v)
{
	char b[24], *e = b + sizeof b, *p = e;
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	fwrite(p, 1, (size_t)(e - p), f);
}

static void key(FILE *f, const char *k, int *first)
{
	if (!*first)
		putc(',', f);
	*first = 0;
	wstr(f, k);
	putc(':', f);
}

static void field(FILE *f, const char *k, const char *v, int *first)
{
	key(f, k, first);
	wstr(f, v);
}

/* Which section a top-level paragraph belongs to. */
enum section { SEC_PREAMBLE, SEC_OPERATIVE, SEC_ANNEX, SEC_FOOTNOTE, SEC_PLAIN, SEC_NONE };

static enum section section_of(const struct para *p)
{
	switch (p->kind) {
	case PARA_PREAMBLE: return SEC_PREAMBLE;
	case PARA_OPERATIVE: return SEC_OPERATIVE;
	case PARA_ANNEX: return SEC_ANNEX;
	case PARA_ANNEX_HEADING: return p->annex >= 0 ? SEC_ANNEX : SEC_OPERATIVE;
	case PARA_FOOTNOTE: return SEC_FOOTNOTE;
	case PARA_PLAIN: return SEC_PLAIN;
	default: return SEC_NONE;
	}
}

/* Writes the paragraphs listed in idx (one section, in document order), nesting
 * sub-paragraphs as "items". */
static void write_tree(FILE *f, const struct resolution *res, const size_t *idx, size_t n,
                       enum section sec)
{
	int stack[64];       /* depths of the open paragraphs */
	int nopen = 0, first = 1;
	putc('[', f);
	for (size_t x = 0; x < n; x++) {
		size_t i = idx[x];
		const struct para *p = &res->paras[i];
		while (nopen > 0 && p->depth <= stack[nopen - 1]) {
			fputs("]}", f);
			nopen--;
			first = 0;
		}
		if (!first)
			putc(',', f);
		first = 1;
		int ff = 1;
		putc('{', f);
		field(f, "id", p->id, &ff);
		if (sec != SEC_PREAMBLE || p->kind == PARA_SUB)
			field(f, "num", p->num, &ff);
		if (p->kind == PARA_ANNEX_HEADING)
			field(f, "kind", "heading", &ff);
		key(f, "text", &ff);
		write_stringn(f, p->text ? p->text : "", p->text_len);
		int kids = i + 1 < res->npara && res->paras[i + 1].depth > p->depth;
		if (sec == SEC_PREAMBLE && p->kind != PARA_SUB && !kids) {
			putc('}', f);          /* the documented {"id","text"} */
			first = 0;
			continue;
		}
		key(f, "items", &ff);
		putc('[', f);
		if (nopen < 64)
			stack[nopen++] = p->depth;
		else {
			fputs("]}", f);
			first = 0;
		}
	}
	while (nopen-- > 0)
		fputs("]}", f);
	putc(']', f);
}

static int cmp_pair(const void *a, const void *b)
{
	const int *x = a, *y = b;
	return (x[0] > y[0]) - (x[0] < y[0]);
}

/* Footnote number -> footnote paragraph index, through a sorted (number, index) table. */
static int fn_lookup(const int *pairs, size_t n, int num)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (pairs[2 * mid] < num)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && pairs[2 * lo] == num ? pairs[2 * lo + 1] : -1;
}

static int write_footnotes(FILE *f, const struct resolution *res)
{
	size_t nfn = 0;
	for (size_t i = 0; i < res->npara; i++)
		nfn += res->paras[i].kind == PARA_FOOTNOTE;
	int *pairs = malloc((nfn ? nfn : 1) * 2 * sizeof *pairs);
	int *count = calloc(res->npara ? res->npara : 1, sizeof *count);
	int *lastp = malloc((res->npara ? res->npara : 1) * sizeof *lastp);
	if (!pairs || !count || !lastp) {
		free(pairs);
		free(count);
		free(lastp);
		return -1;
	}
	size_t k = 0;
	for (size_t i = 0; i < res->npara; i++)
		if (res->paras[i].kind == PARA_FOOTNOTE) {
			pairs[2 * k] = atoi(res->paras[i].num ? res->paras[i].num : "0");
			pairs[2 * k + 1] = (int)i;
			lastp[i] = -1;
			k++;
		}
	if (nfn > 1)
		qsort(pairs, nfn, 2 * sizeof *pairs, cmp_pair);
	/* Citing paragraphs per footnote, each paragraph once, in document order: counts, then
	 * offsets, then fill (a CSR table, linear in the number of marks). */
	size_t total = 0;
	for (size_t i = 0; i < res->npara; i++)
		for (size_t j = 0; j < res->paras[i].nmarks; j++) {
			int fi = fn_lookup(pairs, nfn, res->paras[i].marks[j].footnote);
			if (fi >= 0 && lastp[fi] != (int)i) {
				lastp[fi] = (int)i;
				count[fi]++;
				total++;
			}
		}
	int *start = malloc((res->npara + 1) * sizeof *start);
	int *cite = malloc((total ? total : 1) * sizeof *cite);
	if (!start || !cite) {
		free(pairs);
		free(count);
		free(lastp);
		free(start);
		free(cite);
		return -1;
	}
	int acc = 0;
	for (size_t i = 0; i < res->npara; i++) {
		start[i] = acc;
		acc += count[i];
		count[i] = 0;
		if (res->paras[i].kind == PARA_FOOTNOTE)
			lastp[i] = -1;
	}
	for (size_t i = 0; i < res->npara; i++)
		for (size_t j = 0; j < res->paras[i].nmarks; j++) {
			int fi = fn_lookup(pairs, nfn, res->paras[i].marks[j].footnote);
			if (fi >= 0 && lastp[fi] != (int)i) {
				lastp[fi] = (int)i;
				cite[start[fi] + count[fi]++] = (int)i;
			}
		}
	putc('[', f);
	int first = 1;
	for (size_t i = 0; i < res->npara; i++) {
		const struct para *p = &res->paras[i];
		if (p->kind != PARA_FOOTNOTE)
			continue;
		if (!first)
			putc(',', f);
		first = 0;
		int ff = 1;
		putc('{', f);
		field(f, "id", p->id, &ff);
		field(f, "num", p->num, &ff);
		key(f, "text", &ff);
		write_stringn(f, p->text ? p->text : "", p->text_len);
		key(f, "cited_by", &ff);
		putc('[', f);
		for (int c = 0; c < count[i]; c++) {
			if (c)
				putc(',', f);
			wstr(f, res->paras[cite[start[i] + c]].id);
		}
		fputs("]}", f);
	}
	putc(']', f);
	free(pairs);
	free(count);
	free(lastp);
	free(start);
	free(cite);
	return 0;
}

static void write_refs(FILE *f, const struct resolution *res)
{
	static const char *const kinds[] = { [REF_RESOLUTION] = "resolution",
	                                     [REF_DOCUMENT] = "document" };
	int first = 1;
	putc('[', f);
	for (size_t i = 0; i < res->npara; i++) {
		const struct para *p = &res->paras[i];
		size_t byte = 0, chars = 0;
		for (size_t j = 0; j < p->nrefs; j++) {
			const struct ref *r = &p->refs[j];
			/* refs come in text order: count characters incrementally. */
			if (r->byte < byte)
				byte = chars = 0;
			chars += res_char_offset(p->text + byte, r->byte - byte);
			byte = r->byte;
			if (!first)
				putc(',', f);
			first = 0;
			int ff = 1;
			putc('{', f);
			field(f, "from", p->id, &ff);
			field(f, "kind", kinds[r->kind], &ff);
			field(f, "target", r->target, &ff);
			key(f, "offset", &ff);
			num(f, (long long)chars);
			putc('}', f);
		}
	}
	putc(']', f);
}

static int cmp_int(const void *a, const void *b)
{
	const int *x = a, *y = b;
	return (*x > *y) - (*x < *y);
}

/* A marker whose footnote is not in the file (a volume's extract that kept the markers and
 * lost the notes) stays where it was cited, flagged "missing", so no link points nowhere. */
static int write_marks(FILE *f, const struct resolution *res)
{
	size_t nfn = 0;
	for (size_t i = 0; i < res->npara; i++)
		nfn += res->paras[i].kind == PARA_FOOTNOTE;
	int *nums = malloc((nfn ? nfn : 1) * sizeof *nums);
	if (!nums)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < res->npara; i++)
		if (res->paras[i].kind == PARA_FOOTNOTE)
			nums[k++] = atoi(res->paras[i].num ? res->paras[i].num : "0");
	if (nfn > 1)
		qsort(nums, nfn, sizeof *nums, cmp_int);
	int first = 1;
	putc('[', f);
	for (size_t i = 0; i < res->npara; i++) {
		const struct para *p = &res->paras[i];
		size_t byte = 0, chars = 0;
		for (size_t j = 0; j < p->nmarks; j++) {
			const struct mark *m = &p->marks[j];
			if (m->byte < byte)
				byte = chars = 0;
			chars += res_char_offset(p->text + byte, m->byte - byte);
			byte = m->byte;
			if (!first)
				putc(',', f);
			first = 0;
			fputs("{\"from\":", f);
			wstr(f, p->id);
			fputs(",\"footnote\":\"fn", f);
			num(f, m->footnote);
			fputs("\",\"offset\":", f);
			num(f, (long long)chars);
			if (!bsearch(&m->footnote, nums, nfn, sizeof *nums, cmp_int))
				fputs(",\"missing\":true", f);
			putc('}', f);
		}
	}
	putc(']', f);
	free(nums);
	return 0;
}

static void string_list(FILE *f, const char *k, char *const *v, size_t n, int *first)
{
	key(f, k, first);
	putc('[', f);
	for (size_t i = 0; i < n; i++) {
		if (i)
			putc(',', f);
		wstr(f, v[i]);
	}
	putc(']', f);
}

static void count(FILE *f, const char *k, int v, int *first)
{
	key(f, k, first);
	if (v < 0)
		fputs("null", f);
	else
		num(f, v);
}

/* The record of adoption: {"agenda_title", "draft", "meeting_record", "sponsors",
 * "cosponsors", "vote": {"adoption", "yes", "no", "abstain", "by_mail", "in_favour",
 * "against", "abstaining"}, "chapter", "keywords"}. */
static void write_record(FILE *f, const struct res_record *r)
{
	static const char *const adoption[] = { [ADOPTION_UNKNOWN] = NULL,
		[ADOPTION_WITHOUT_VOTE] = "without vote", [ADOPTION_VOTE] = "vote" };
	static const char *const lists[] = { [BALLOT_YES] = "in_favour", [BALLOT_NO] = "against",
		[BALLOT_ABSTAIN] = "abstaining" };
	int ff = 1;
	putc('{', f);
	field(f, "agenda_title", r->agenda_title, &ff);
	field(f, "draft", r->draft, &ff);
	field(f, "meeting_record", r->meeting_record, &ff);
	string_list(f, "sponsors", r->sponsors, r->nsponsors, &ff);
	string_list(f, "cosponsors", r->cosponsors, r->ncosponsors, &ff);
	key(f, "vote", &ff);
	int vf = 1;
	putc('{', f);
	field(f, "adoption", adoption[r->adoption], &vf);
	count(f, "yes", r->yes, &vf);
	count(f, "no", r->no, &vf);
	count(f, "abstain", r->abstain, &vf);
	key(f, "by_mail", &vf);
	fputs(r->by_mail ? "true" : "false", f);
	for (int b = BALLOT_YES; b <= BALLOT_ABSTAIN; b++) {
		key(f, lists[b], &vf);
		putc('[', f);
		int lf = 1;
		for (size_t i = 0; i < r->nvoters; i++) {
			if (r->voters[i].ballot != (enum res_ballot)b)
				continue;
			if (!lf)
				putc(',', f);
			lf = 0;
			wstr(f, r->voters[i].name);
		}
		putc(']', f);
	}
	putc('}', f);
	field(f, "chapter", r->chapter, &ff);
	string_list(f, "keywords", r->keywords, r->nkeywords, &ff);
	putc('}', f);
}

static long group_of(const struct resolution *res, const struct para *t)
{
	long np = (long)res->nparts, part = t->part >= 0 && t->part < np ? t->part : -1;
	switch (section_of(t)) {
	case SEC_PREAMBLE:
		return part < 0 ? 0 : 2 + 2 * part;
	case SEC_OPERATIVE:
		if (t->annex >= 0)
			return -1;
		return part < 0 ? 1 : 3 + 2 * part;
	case SEC_ANNEX:
		return t->annex >= 0 && (size_t)t->annex < res->nannexes ? 2 + 2 * np + t->annex : -1;
	case SEC_PLAIN:
		return 2 + 2 * np + (long)res->nannexes;
	default:
		return -1;
	}
}

static int write_resolution(FILE *f, const struct resolution *res)
{
	size_t np = res->npara ? res->npara : 1;
	size_t ngroups = 3 + 2 * res->nparts + res->nannexes;
	int *top = malloc(np * sizeof *top);
	long *grp = malloc(np * sizeof *grp);
	size_t *start = calloc(ngroups + 1, sizeof *start);
	size_t *idx = malloc(np * sizeof *idx);
	if (!top || !grp || !start || !idx) {
		free(top);
		free(grp);
		free(start);
		free(idx);
		return -1;
	}
	int plain = 0;
	/* One pass for the top-level ancestors and groups, then a counting sort: writing every
	 * section stays linear however many parts and annexes there are. */
	for (size_t i = 0; i < res->npara; i++) {
		const struct para *p = &res->paras[i];
		top[i] = p->parent >= 0 && (size_t)p->parent < i ? top[p->parent] : (int)i;
		grp[i] = group_of(res, &res->paras[top[i]]);
		if (grp[i] >= 0)
			start[grp[i] + 1]++;
		plain |= p->kind == PARA_PLAIN;
	}
	for (size_t g = 0; g < ngroups; g++)
		start[g + 1] += start[g];
	size_t *fill = calloc(ngroups, sizeof *fill);
	if (!fill) {
		free(top);
		free(grp);
		free(start);
		free(idx);
		return -1;
	}
	for (size_t i = 0; i < res->npara; i++)
		if (grp[i] >= 0)
			idx[start[grp[i]] + fill[grp[i]]++] = i;
	free(fill);
#define GROUP(g) (idx + start[g]), (start[(g) + 1] - start[g])
	const struct res_meta *m = &res->meta;
	int ff = 1;
	putc('{', f);
	field(f, "symbol", m->symbol, &ff);
	field(f, "organ", m->organ, &ff);
	field(f, "number", m->number, &ff);
	field(f, "title", m->title, &ff);
	field(f, "adopted", m->adopted, &ff);
	field(f, "session", m->session, &ff);
	field(f, "agenda_item", m->agenda_item, &ff);
	field(f, "report", m->report, &ff);
	field(f, "meeting", m->meeting, &ff);
	field(f, "distributed", m->distributed, &ff);
	field(f, "language", m->language, &ff);
	field(f, "vote", m->vote, &ff);
	key(f, "vote_notes", &ff);
	putc('[', f);
	for (size_t i = 0; i < m->nvote_marks; i++) {
		if (i)
			putc(',', f);
		num(f, m->vote_marks[i].footnote);
	}
	putc(']', f);
	field(f, "job", m->job, &ff);
	key(f, "record", &ff);
	write_record(f, &res->record);
	key(f, "preamble", &ff);
	write_tree(f, res, GROUP(0), SEC_PREAMBLE);
	key(f, "operative", &ff);
	write_tree(f, res, GROUP(1), SEC_OPERATIVE);
	key(f, "parts", &ff);
	putc('[', f);
	for (size_t k = 0; k < res->nparts; k++) {
		int pf = 1;
		fputs(k ? ",{" : "{", f);
		field(f, "id", res->parts[k].id, &pf);
		field(f, "label", res->parts[k].label, &pf);
		field(f, "title", res->parts[k].title, &pf);
		key(f, "preamble", &pf);
		write_tree(f, res, GROUP(2 + 2 * k), SEC_PREAMBLE);
		key(f, "operative", &pf);
		write_tree(f, res, GROUP(3 + 2 * k), SEC_OPERATIVE);
		putc('}', f);
	}
	putc(']', f);
	key(f, "annexes", &ff);
	putc('[', f);
	for (size_t k = 0; k < res->nannexes; k++) {
		int af = 1;
		fputs(k ? ",{" : "{", f);
		field(f, "id", res->annexes[k].id, &af);
		field(f, "label", res->annexes[k].label, &af);
		field(f, "title", res->annexes[k].title, &af);
		key(f, "paragraphs", &af);
		write_tree(f, res, GROUP(2 + 2 * res->nparts + k), SEC_ANNEX);
		putc('}', f);
	}
	putc(']', f);
	if (plain) {
		key(f, "paragraphs", &ff);
		write_tree(f, res, GROUP(2 + 2 * res->nparts + res->nannexes), SEC_PLAIN);
	}
	key(f, "footnotes", &ff);
	int rc = write_footnotes(f, res);
	key(f, "references", &ff);
	write_refs(f, res);
	key(f, "marks", &ff);
	if (write_marks(f, res))
		rc = -1;
	putc('}', f);
#undef GROUP
	free(top);
	free(grp);
	free(start);
	free(idx);
	return rc || ferror(f) ? -1 : 0;
}

int json_write_resolution(FILE *f, const struct resolution *res)
{
	flockfile(f);
	int rc = write_resolution(f, res);
	funlockfile(f);
	return rc;
}

int json_write_collection(FILE *f, const struct collection *col)
{
	if (!col)
		return -1;
	if (col->ndocs == 1) {
		if (json_write_resolution(f, col->docs[0]))
			return -1;
	} else {
		fputs("{\"documents\":[", f);
		for (size_t i = 0; i < col->ndocs; i++) {
			if (i)
				putc(',', f);
			if (json_write_resolution(f, col->docs[i]))
				return -1;
		}
		fputs("]}", f);
	}
	putc('\n', f);
	return ferror(f) ? -1 : 0;
}
