/* json.c: the public JSON shape of the model (`gavel parse`) and the one JSON string escaper
 * every layer uses. The model is a flat array; the tree (items inside paragraphs, parts,
 * annexes) is rebuilt here in one pass per section, without recursion. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/bytes.h"
#include "doc/input.h"
#include "doc/json.h"

/* What a writer writes goes to a buffer of its own and reaches the stream in large writes:
 * a model's JSON is hundreds of thousands of short pieces (keys, quotes, commas), and one
 * fwrite cost more than the bytes it copied. Every public writer holds the stream's lock
 * (flockfile) while it writes and empties the buffer before it returns. */
enum { JOUT_SIZE = 1 << 14 };

struct jout {
	FILE *f;
	size_t n;
	char b[JOUT_SIZE];
};

static void jflush(struct jout *o)
{
	if (o->n)
		fwrite_unlocked(o->b, 1, o->n, o->f);
	o->n = 0;
}

static void jbytes(struct jout *o, const void *p, size_t n)
{
	if (n > JOUT_SIZE - o->n) {
		jflush(o);
		if (n > JOUT_SIZE) {
			fwrite_unlocked(p, 1, n, o->f);
			return;
		}
	}
	memcpy(o->b + o->n, p, n);
	o->n += n;
}

static void jc(struct jout *o, char c)
{
	if (o->n == JOUT_SIZE)
		jflush(o);
	o->b[o->n++] = c;
}

/* A string literal, without a strlen. */
#define JLIT(o, lit) jbytes((o), (lit), sizeof(lit) - 1)

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

/* The first byte of the block at u that is not printable ASCII or is '"' or '\\', or
 * BYTES_N when there is none. */
static unsigned block_stop(const unsigned char *u)
{
#if BYTES_N == 16
	/* the bytes that pass, in seven operations: printable ASCII (non-ASCII compares as
	 * negative) but the quote and the backslash */
	bytes_t w = bytes_load(u);
	unsigned stop = ~bytes_bits(bytes_but(bytes_in(w, 0x20, 0x7F),
	                                      bytes_or(bytes_eq(w, '"'), bytes_eq(w, '\\'))))
	                & 0xFFFFu;
	return stop ? bytes_first(stop) : BYTES_N;
#elif BYTES_N
	bytes_t w = bytes_load(u);
	bytes_t stop = bytes_or(bytes_or(bytes_high(w), bytes_in(w, 1, 0x20)),
	                        bytes_or(bytes_or(bytes_eq(w, 0), bytes_eq(w, 0x7F)),
	                                 bytes_or(bytes_eq(w, '"'), bytes_eq(w, '\\'))));
	return bytes_bits(stop) ? bytes_first(bytes_bits(stop)) : BYTES_N;
#else
	(void)u;
	return 0;
#endif
}

/* The end of the run from i that JSON output copies as it is: printable ASCII but the quote
 * and the backslash, and valid sequences that are not escaped. blocks: a block of plain
 * ASCII at once (json_escape_check() compares with byte by byte). */
static inline size_t plain_run(const unsigned char *u, size_t i, size_t n, int blocks)
{
	while (i < n) {
		while (blocks && BYTES_N && i + BYTES_N <= n) {
			unsigned k = block_stop(u + i);
			i += k;
			if (k < BYTES_N)
				break;
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

/* "\u" and four hex digits: every code point escaped is below U+10000. */
static void escape_cp(struct jout *o, unsigned c)
{
	static const char hex[] = "0123456789abcdef";
	char e[6] = { '\\', 'u', hex[c >> 12 & 15], hex[c >> 8 & 15], hex[c >> 4 & 15], hex[c & 15] };
	jbytes(o, e, sizeof e);
}

static inline void escape(struct jout *o, const char *s, size_t n, int blocks)
{
	if (!s) {
		JLIT(o, "null");
		return;
	}
	const unsigned char *u = (const unsigned char *)s;
	jc(o, '"');
	for (size_t i = 0; i < n;) {
		/* the run that needs no escape goes out in one copy */
		size_t j = plain_run(u, i, n, blocks);
		if (j > i) {
			jbytes(o, u + i, j - i);
			i = j;
			if (i >= n)
				break;
		}
		unsigned c = u[i];
		if (c == '"' || c == '\\') {
			char e[2] = { '\\', (char)c };
			jbytes(o, e, 2);
			i++;
		} else if (c == '\n') {
			JLIT(o, "\\n");
			i++;
		} else if (c == '\t') {
			JLIT(o, "\\t");
			i++;
		} else if (c < 0x80) {
			escape_cp(o, c);
			i++;
		} else {
			size_t k = input_utf8_seq(u + i, n - i);
			if (!k) {
				JLIT(o, "\\ufffd");      /* never emit invalid UTF-8 */
				i++;
			} else {
				escape_cp(o, escaped_cp(u + i, k));
				i += k;
			}
		}
	}
	jc(o, '"');
}

static void write_stringn(struct jout *o, const char *s, size_t n)
{
	escape(o, s, n, 1);
}

void json_write_stringn(FILE *f, const char *s, size_t n)
{
	struct jout o;
	o.f = f;
	o.n = 0;
	flockfile(f);
	write_stringn(&o, s, n);
	jflush(&o);
	funlockfile(f);
}

void json_write_string(FILE *f, const char *s)
{
	json_write_stringn(f, s, s ? strlen(s) : 0);
}

/* The bytes JSON output copies as they are in ASCII: printable but '"' and '\\' (not NUL). */
#define PLAIN(c) ((c) >= 0x20 && (c) < 0x7F && (c) != '"' && (c) != '\\')
#define PLAIN16(b) PLAIN(b), PLAIN(b + 1), PLAIN(b + 2), PLAIN(b + 3), PLAIN(b + 4), \
	PLAIN(b + 5), PLAIN(b + 6), PLAIN(b + 7), PLAIN(b + 8), PLAIN(b + 9), PLAIN(b + 10), \
	PLAIN(b + 11), PLAIN(b + 12), PLAIN(b + 13), PLAIN(b + 14), PLAIN(b + 15)
static const unsigned char plain_byte[256] = {
	PLAIN16(0x00), PLAIN16(0x10), PLAIN16(0x20), PLAIN16(0x30), PLAIN16(0x40), PLAIN16(0x50),
	PLAIN16(0x60), PLAIN16(0x70)
};
#undef PLAIN16
#undef PLAIN

/* json_write_string inside a writer. fast: a string of plain ASCII (ids, symbols, the
 * targets of references: most strings but the texts) is copied with its quotes as it is
 * found, without strlen and the escaper; the first other byte hands over to them
 * (json_escape_check() compares). */
static inline void wstr_fast(struct jout *o, const char *s, int fast)
{
	if (!s || !fast) {
		write_stringn(o, s, s ? strlen(s) : 0);
		return;
	}
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (plain_byte[u[i]])
		i++;
	if (u[i] || i + 2 > JOUT_SIZE - o->n) {
		write_stringn(o, s, i + strlen(s + i));
		return;
	}
	o->b[o->n] = '"';
	memcpy(o->b + o->n + 1, s, i);
	o->b[o->n + 1 + i] = '"';
	o->n += i + 2;
}

static void wstr(struct jout *o, const char *s)
{
	wstr_fast(o, s, 1);
}

/* Writes s[0..n) into *out (the caller frees) by the escaper (blocks: its block-at-a-time
 * run) or, as a string cut at its first NUL, by wstr_fast(). */
static int escaped(const char *s, size_t n, int how, char **out, size_t *len)
{
	*out = NULL;
	FILE *f = open_memstream(out, len);
	struct jout *o = malloc(sizeof *o);
	char *z = malloc(n + 1);
	int ok = f && o && z;
	if (ok) {
		o->f = f;
		o->n = 0;
		memcpy(z, s, n);
		z[n] = '\0';
		if (how < 2)
			escape(o, s, n, how);
		else
			wstr_fast(o, z, how == 3);
		jflush(o);
	}
	free(o);
	free(z);
	if (f)
		fclose(f);
	return ok && *out ? 0 : -1;
}

int json_escape_check(const char *s, size_t n)
{
	char *v[4] = { NULL };
	size_t len[4] = { 0 };
	int same = 1;
	for (int how = 0; how < 4; how++)
		same &= escaped(s, n, how, &v[how], &len[how]) == 0;
	same = same && len[0] == len[1] && memcmp(v[0], v[1], len[0]) == 0
	       && len[2] == len[3] && memcmp(v[2], v[3], len[2]) == 0;
	for (int how = 0; how < 4; how++)
		free(v[how]);
	return same;
}


/* A number in decimal, as printf's %d and %zu write it, without printf's cost. */
static void num(struct jout *o, long long v)
{
	char b[24], *e = b + sizeof b, *p = e;
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	jbytes(o, p, (size_t)(e - p));
}

/* A key as it is written, with the comma before it (left out for an object's first):
 * keys are literals of plain letters, so they are written as they are, in one copy. */
struct jkey {
	const char *s;
	size_t n;
};
#define JKEY_INIT(k) { ",\"" k "\":", sizeof(",\"" k "\":") - 1 }
#define K(k) ((struct jkey)JKEY_INIT(k))

static void key(struct jout *o, struct jkey k, int *first)
{
	if (*first)
		jbytes(o, k.s + 1, k.n - 1);
	else
		jbytes(o, k.s, k.n);
	*first = 0;
}

static void field(struct jout *o, struct jkey k, const char *v, int *first)
{
	key(o, k, first);
	wstr(o, v);
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
static void write_tree(struct jout *o, const struct resolution *res, const size_t *idx, size_t n,
                       enum section sec)
{
	int stack[64];       /* depths of the open paragraphs */
	int nopen = 0, first = 1;
	jc(o, '[');
	for (size_t x = 0; x < n; x++) {
		size_t i = idx[x];
		const struct para *p = &res->paras[i];
		while (nopen > 0 && p->depth <= stack[nopen - 1]) {
			JLIT(o, "]}");
			nopen--;
			first = 0;
		}
		if (!first)
			jc(o, ',');
		first = 1;
		int ff = 1;
		jc(o, '{');
		field(o, K("id"), p->id, &ff);
		if (sec != SEC_PREAMBLE || p->kind == PARA_SUB)
			field(o, K("num"), p->num, &ff);
		if (p->kind == PARA_ANNEX_HEADING)
			field(o, K("kind"), "heading", &ff);
		key(o, K("text"), &ff);
		write_stringn(o, p->text ? p->text : "", p->text_len);
		int kids = i + 1 < res->npara && res->paras[i + 1].depth > p->depth;
		if (sec == SEC_PREAMBLE && p->kind != PARA_SUB && !kids) {
			jc(o, '}');          /* the documented {"id","text"} */
			first = 0;
			continue;
		}
		key(o, K("items"), &ff);
		jc(o, '[');
		if (nopen < 64)
			stack[nopen++] = p->depth;
		else {
			JLIT(o, "]}");
			first = 0;
		}
	}
	while (nopen-- > 0)
		JLIT(o, "]}");
	jc(o, ']');
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

static int write_footnotes(struct jout *o, const struct resolution *res)
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
	jc(o, '[');
	int first = 1;
	for (size_t i = 0; i < res->npara; i++) {
		const struct para *p = &res->paras[i];
		if (p->kind != PARA_FOOTNOTE)
			continue;
		if (!first)
			jc(o, ',');
		first = 0;
		int ff = 1;
		jc(o, '{');
		field(o, K("id"), p->id, &ff);
		field(o, K("num"), p->num, &ff);
		key(o, K("text"), &ff);
		write_stringn(o, p->text ? p->text : "", p->text_len);
		key(o, K("cited_by"), &ff);
		jc(o, '[');
		for (int c = 0; c < count[i]; c++) {
			if (c)
				jc(o, ',');
			wstr(o, res->paras[cite[start[i] + c]].id);
		}
		JLIT(o, "]}");
	}
	jc(o, ']');
	free(pairs);
	free(count);
	free(lastp);
	free(start);
	free(cite);
	return 0;
}

static void write_refs(struct jout *o, const struct resolution *res)
{
	static const char *const kinds[] = { [REF_RESOLUTION] = "resolution",
	                                     [REF_DOCUMENT] = "document" };
	int first = 1;
	jc(o, '[');
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
				jc(o, ',');
			first = 0;
			int ff = 1;
			jc(o, '{');
			field(o, K("from"), p->id, &ff);
			field(o, K("kind"), kinds[r->kind], &ff);
			field(o, K("target"), r->target, &ff);
			key(o, K("offset"), &ff);
			num(o, (long long)chars);
			jc(o, '}');
		}
	}
	jc(o, ']');
}

static int cmp_int(const void *a, const void *b)
{
	const int *x = a, *y = b;
	return (*x > *y) - (*x < *y);
}

/* A marker whose footnote is not in the file (a volume's extract that kept the markers and
 * lost the notes) stays where it was cited, flagged "missing", so no link points nowhere. */
static int write_marks(struct jout *o, const struct resolution *res)
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
	jc(o, '[');
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
				jc(o, ',');
			first = 0;
			JLIT(o, "{\"from\":");
			wstr(o, p->id);
			JLIT(o, ",\"footnote\":\"fn");
			num(o, m->footnote);
			JLIT(o, "\",\"offset\":");
			num(o, (long long)chars);
			if (!bsearch(&m->footnote, nums, nfn, sizeof *nums, cmp_int))
				JLIT(o, ",\"missing\":true");
			jc(o, '}');
		}
	}
	jc(o, ']');
	free(nums);
	return 0;
}

static void string_list(struct jout *o, struct jkey k, char *const *v, size_t n, int *first)
{
	key(o, k, first);
	jc(o, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			jc(o, ',');
		wstr(o, v[i]);
	}
	jc(o, ']');
}

static void count(struct jout *o, struct jkey k, int v, int *first)
{
	key(o, k, first);
	if (v < 0)
		JLIT(o, "null");
	else
		num(o, v);
}

/* The record of adoption: {"agenda_title", "draft", "meeting_record", "sponsors",
 * "cosponsors", "vote": {"adoption", "yes", "no", "abstain", "by_mail", "in_favour",
 * "against", "abstaining"}, "chapter", "keywords"}. */
static void write_record(struct jout *o, const struct res_record *r)
{
	static const char *const adoption[] = { [ADOPTION_UNKNOWN] = NULL,
		[ADOPTION_WITHOUT_VOTE] = "without vote", [ADOPTION_VOTE] = "vote" };
	static const struct jkey lists[] = { [BALLOT_YES] = JKEY_INIT("in_favour"),
		[BALLOT_NO] = JKEY_INIT("against"),
		[BALLOT_ABSTAIN] = JKEY_INIT("abstaining") };
	int ff = 1;
	jc(o, '{');
	field(o, K("agenda_title"), r->agenda_title, &ff);
	field(o, K("draft"), r->draft, &ff);
	field(o, K("meeting_record"), r->meeting_record, &ff);
	string_list(o, K("sponsors"), r->sponsors, r->nsponsors, &ff);
	string_list(o, K("cosponsors"), r->cosponsors, r->ncosponsors, &ff);
	key(o, K("vote"), &ff);
	int vf = 1;
	jc(o, '{');
	field(o, K("adoption"), adoption[r->adoption], &vf);
	count(o, K("yes"), r->yes, &vf);
	count(o, K("no"), r->no, &vf);
	count(o, K("abstain"), r->abstain, &vf);
	key(o, K("by_mail"), &vf);
	if (r->by_mail)
		JLIT(o, "true");
	else
		JLIT(o, "false");
	for (int b = BALLOT_YES; b <= BALLOT_ABSTAIN; b++) {
		key(o, lists[b], &vf);
		jc(o, '[');
		int lf = 1;
		for (size_t i = 0; i < r->nvoters; i++) {
			if (r->voters[i].ballot != (enum res_ballot)b)
				continue;
			if (!lf)
				jc(o, ',');
			lf = 0;
			wstr(o, r->voters[i].name);
		}
		jc(o, ']');
	}
	jc(o, '}');
	field(o, K("chapter"), r->chapter, &ff);
	string_list(o, K("keywords"), r->keywords, r->nkeywords, &ff);
	jc(o, '}');
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

static int write_resolution(struct jout *o, const struct resolution *res)
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
	jc(o, '{');
	field(o, K("symbol"), m->symbol, &ff);
	field(o, K("organ"), m->organ, &ff);
	field(o, K("number"), m->number, &ff);
	field(o, K("title"), m->title, &ff);
	field(o, K("adopted"), m->adopted, &ff);
	field(o, K("session"), m->session, &ff);
	field(o, K("agenda_item"), m->agenda_item, &ff);
	field(o, K("report"), m->report, &ff);
	field(o, K("meeting"), m->meeting, &ff);
	field(o, K("distributed"), m->distributed, &ff);
	field(o, K("language"), m->language, &ff);
	field(o, K("vote"), m->vote, &ff);
	key(o, K("vote_notes"), &ff);
	jc(o, '[');
	for (size_t i = 0; i < m->nvote_marks; i++) {
		if (i)
			jc(o, ',');
		num(o, m->vote_marks[i].footnote);
	}
	jc(o, ']');
	field(o, K("job"), m->job, &ff);
	key(o, K("record"), &ff);
	write_record(o, &res->record);
	key(o, K("preamble"), &ff);
	write_tree(o, res, GROUP(0), SEC_PREAMBLE);
	key(o, K("operative"), &ff);
	write_tree(o, res, GROUP(1), SEC_OPERATIVE);
	key(o, K("parts"), &ff);
	jc(o, '[');
	for (size_t k = 0; k < res->nparts; k++) {
		int pf = 1;
		if (k)
			jc(o, ',');
		jc(o, '{');
		field(o, K("id"), res->parts[k].id, &pf);
		field(o, K("label"), res->parts[k].label, &pf);
		field(o, K("title"), res->parts[k].title, &pf);
		key(o, K("preamble"), &pf);
		write_tree(o, res, GROUP(2 + 2 * k), SEC_PREAMBLE);
		key(o, K("operative"), &pf);
		write_tree(o, res, GROUP(3 + 2 * k), SEC_OPERATIVE);
		jc(o, '}');
	}
	jc(o, ']');
	key(o, K("annexes"), &ff);
	jc(o, '[');
	for (size_t k = 0; k < res->nannexes; k++) {
		int af = 1;
		if (k)
			jc(o, ',');
		jc(o, '{');
		field(o, K("id"), res->annexes[k].id, &af);
		field(o, K("label"), res->annexes[k].label, &af);
		field(o, K("title"), res->annexes[k].title, &af);
		key(o, K("paragraphs"), &af);
		write_tree(o, res, GROUP(2 + 2 * res->nparts + k), SEC_ANNEX);
		jc(o, '}');
	}
	jc(o, ']');
	if (plain) {
		key(o, K("paragraphs"), &ff);
		write_tree(o, res, GROUP(2 + 2 * res->nparts + res->nannexes), SEC_PLAIN);
	}
	key(o, K("footnotes"), &ff);
	int rc = write_footnotes(o, res);
	key(o, K("references"), &ff);
	write_refs(o, res);
	key(o, K("marks"), &ff);
	if (write_marks(o, res))
		rc = -1;
	jc(o, '}');
#undef GROUP
	free(top);
	free(grp);
	free(start);
	free(idx);
	return rc;
}

int json_write_resolution(FILE *f, const struct resolution *res)
{
	struct jout o;
	o.f = f;
	o.n = 0;
	flockfile(f);
	int rc = write_resolution(&o, res);
	jflush(&o);
	funlockfile(f);
	return rc || ferror(f) ? -1 : 0;
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
