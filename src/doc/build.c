/* build.c: the structure builder's driver. Blocks from any shape reader -> resolutions: a
 * file holding several resolutions is cut at each opening (and each decision's heading); each
 * resolution's header lines go to its metadata, its body blocks to the block handlers
 * (build-block.c), its footnotes (below page rules, or the trailing run of "N text" blocks) to
 * footnotes; then markers and cited documents are linked. A text without any structure gives
 * plain paragraphs. One pass per stage and no recursion, so huge inputs stay linear. */
#include "config.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>

#include "doc/blocks.h"
#include "doc/build.h"
#include "doc/bytes.h"
#include "doc/lang.h"
#include "doc/parse.h"
#include "doc/refs.h"

#include "text/buf.h"
#include "text/utf8.h"

/* One resolution's blocks in a file. */
struct seg {
	size_t head, open, end;      /* header from head, opening block, blocks up to end */
	int open_len, comma;
	const char *organ;
	int decision;                /* open is a decision's "79/560. Title" block */
};

/* ---- footnotes ---- */

/* "16 text" or "(16) text": the footnote's number, then its text. */
static int footnote_block(struct bstate *st, const char *s, size_t n)
{
	size_t i = s[0] == '(';
	int num = build_atoi(s + i);
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	if (i < n && s[i] == ')' && s[0] == '(')
		i++;
	else if (i + 1 < n && s[i] == '.' && s[i + 1] == ' ' && s[0] != '(')
		i++;                    /* "5. Ibid., ..." */
	size_t t = i;
	while (t < n && s[t] == ' ')
		t++;
	return build_footnote(st, num, s + t, n - t);
}

/* A footnote block may hold the following footnotes too when the reader could not see
 * where they start ("8 Ibid., ... 9 Ibid., 635th meeting"): split at " N+1 " + capital. */
static void footnotes_from(struct bstate *st, const char *s, size_t n)
{
	while (n && !st->oom) {
		if (s[0] == '(') {
			footnote_block(st, s, n);
			return;
		}
		int num = build_atoi(s);
		char want[16];
		int wl = build_snprintf(want, sizeof want, " %d ", num + 1);
		const char *cut = NULL;
		for (size_t i = 1; i + (size_t)wl < n; i++) {
			if (s[i] == ' ' && memcmp(s + i, want, (size_t)wl) == 0
			    && isupper((unsigned char)s[i + (size_t)wl])) {
				cut = s + i;
				break;
			}
		}
		size_t len = cut ? (size_t)(cut - s) : n;
		if (footnote_block(st, s, len) < 0)
			return;
		if (!cut)
			break;
		s = cut + 1;
		n -= len + 1;
	}
}

/* How many markers of missing footnotes a dry run finds: one alone ("Alloy 400,") is more
 * likely a number than a marker, so the builder wants a run of them. */
static size_t orphan_run(struct bstate *st, struct refs_notes *rn)
{
	size_t n = 0, cap = 0;
	char *t = NULL;          /* one copy to work on, grown as needed: not one per paragraph */
	refs_notes_orphans(rn, 1);
	for (size_t i = 0; i < st->res->npara && n < 2 && !st->oom; i++) {
		const struct para *p = &st->res->paras[i];
		if (!p->text)
			continue;
		if (p->text_len + 1 > cap) {
			free(t);
			cap = 2 * (p->text_len + 1);
			if (!(t = malloc(cap))) {
				st->oom = 1;
				break;
			}
		}
		memcpy(t, p->text, p->text_len);
		t[p->text_len] = '\0';
		size_t len = p->text_len, nm = 0;
		struct mark *m = NULL;
		if (refs_take_markers(rn, t, &len, &m, &nm))
			st->oom = 1;
		n += nm;
		free(m);
	}
	free(t);
	refs_notes_orphans(rn, 0);
	return n;
}

/* "Having heard the statement of the representative of Lebanon, 18": a number after a
 * paragraph's closing punctuation, ending it, is a footnote's marker, whether or not the file
 * holds the footnote (the printed volumes' notes run across pages). Not after a list of
 * numbers ("items 3, 4, 5"). Moves it from the text into the paragraph's marks. */
static void trailing_marker(struct bstate *st, struct para *p)
{
	size_t n = p->text_len, d = n;
	while (d > 0 && isdigit((unsigned char)p->text[d - 1]))
		d--;
	if (d == n || n - d > 3 || p->text[d] == '0' || d < 2)
		return;
	size_t q = d;
	if (p->text[q - 1] == ' ')
		q--;
	if (q < 2 || !strchr(",;.:", p->text[q - 1]))
		return;
	size_t b = q - 1;
	while (b > 0 && isdigit((unsigned char)p->text[b - 1]))
		b--;
	if (b < q - 1) {
		long y = q - 1 - b == 4 ? atol(p->text + b) : 0;
		if (y < 1800 || y > 2099)
			return;         /* "3, 4, 5": a list, "1.5": a number */
	}
	struct mark *m = realloc(p->marks, (p->nmarks + 1) * sizeof *m);
	if (!m) {
		st->oom = 1;
		return;
	}
	p->marks = m;
	m[p->nmarks].byte = q;
	m[p->nmarks++].footnote = build_atoi(p->text + d);
	p->text_len = q;
	p->text[q] = '\0';
}

/* Links markers and cited documents, and marks the opening words of each paragraph. */
/* Whether note number v is cited by a marker of any paragraph but note `self`, or of the
 * vote line. */
static int note_cited(const struct resolution *res, size_t self, int v)
{
	for (size_t i = 0; i < res->npara; i++)
		for (size_t j = 0; i != self && j < res->paras[i].nmarks; j++)
			if (res->paras[i].marks[j].footnote == v)
				return 1;
	for (size_t j = 0; j < res->meta.nvote_marks; j++)
		if (res->meta.vote_marks[j].footnote == v)
			return 1;
	return 0;
}

/* The notes of the texts beside this one on a printed page. A volume of resolutions numbers
 * its footnotes across the volume, and a text cut from its pages may carry the notes of the
 * text above it or below it on the page: notes no marker here cites, numbered just before
 * the first note this text cites or just after its last, without a gap (S/RES/504 (1982)
 * carries note 66, cites 67 and 68). They are left out, and said so (notes_left_out, warn_missing), only when the
 * evidence is whole: the file's notes go on from a volume's numbering (the first is not 1),
 * some note is cited, and every marker found its note (a marker lost or misread may be an
 * uncited note's). */
static void drop_page_mates(struct bstate *st)
{
	struct resolution *res = st->res;
	int lo = 0, hi = 0, first = 0;
	for (size_t i = 0; i < res->npara; i++) {
		const struct para *p = &res->paras[i];
		if (p->kind != PARA_FOOTNOTE)
			continue;
		int v = p->num ? build_atoi(p->num) : 0;
		if (v <= 1 || v > 1000000)
			return;     /* a note 1: the notes are the text's own, numbered from 1 */
		if (!first || v < first)
			first = v;
	}
	for (size_t i = 0; first && i < res->npara; i++) {
		const struct para *p = &res->paras[i];
		int v = p->kind == PARA_FOOTNOTE ? build_atoi(p->num) : 0;
		if (v && note_cited(res, i, v)) {
			if (!lo || v < lo)
				lo = v;
			if (v > hi)
				hi = v;
		}
	}
	if (!lo)
		return;
	for (size_t i = 0; i < res->npara; i++)
		for (size_t j = 0; j < res->paras[i].nmarks; j++)
			if (res_find_footnote(res, res->paras[i].marks[j].footnote) < 0)
				return;
	for (size_t j = 0; j < res->meta.nvote_marks; j++)
		if (res_find_footnote(res, res->meta.vote_marks[j].footnote) < 0)
			return;
	/* which to leave out, decided before any goes (a note's own markers go with it) */
	unsigned char *out = calloc(res->npara, 1);
	struct buf list = { 0 };
	if (!out) {
		st->oom = 1;
		return;
	}
	/* the runs of uncited notes next to the cited ones, down from lo - 1 and up from
	 * hi + 1, each to its first gap: a note the extract kept across a gap was picked for
	 * this text (S/RES/397 (1976) keeps 75 and 78, 76 and 77 being its neighbours') */
	for (int step = -1; step <= 1; step += 2)
		for (int v = step < 0 ? lo - 1 : hi + 1; v > 0; v += step) {
			int i = res_find_footnote(res, v);
			if (i < 0 || note_cited(res, (size_t)i, v))
				break;
			out[i] = 1;
		}
	for (size_t i = 0; i < res->npara && !st->oom; i++)
		if (out[i] && buf_printf(&list, "%s%s", list.n ? ", " : "", res->paras[i].num))
			st->oom = 1;
	for (size_t i = res->npara; i-- > 0 && !st->oom;)
		if (out[i])
			res_drop_para(res, i);
	if (list.n && !st->oom) {
		free(res->notes_left_out);
		res->notes_left_out = buf_steal(&list, NULL);
	}
	buf_free(&list);
	free(out);
}

static void finish_links(struct bstate *st)
{
	struct resolution *res = st->res;
	size_t nfn = 0;
	for (size_t i = 0; i < res->npara; i++)
		nfn += res->paras[i].kind == PARA_FOOTNOTE;
	int *nums = calloc(nfn ? nfn : 1, sizeof *nums);
	if (!nums) {
		st->oom = 1;
		return;
	}
	size_t k = 0;
	for (size_t i = 0; i < res->npara; i++)
		if (res->paras[i].kind == PARA_FOOTNOTE)
			nums[k++] = build_atoi(res->paras[i].num);
	struct refs_notes *rn = refs_notes_new(nums, nfn);
	if (!rn) {
		st->oom = 1;
		free(nums);
		return;
	}
	/* Markers in parentheses ("2017(1)") when the footnotes were printed "(1) ...", or when
	 * no bare marker matched at all (the reader may have dropped the parentheses). */
	size_t found = 0;
	int orphans = !st->read.exact && nfn == 0 && orphan_run(st, rn) >= 2;
	/* markers the shape placed exactly came with the text (take_marks) */
	for (int pass = 0; pass < 2 && !st->oom && !st->read.exact; pass++) {
		refs_notes_parenthesized(rn, pass == 1 || st->read.paren_notes);
		refs_notes_orphans(rn, orphans);
		for (size_t i = 0; i < res->npara && !st->oom; i++) {
			struct para *p = &res->paras[i];
			if (p->text && p->kind != PARA_FOOTNOTE
			    && refs_take_markers(rn, p->text, &p->text_len, &p->marks, &p->nmarks))
				st->oom = 1;
			found += p->nmarks;
		}
		/* the vote line's own markers ("Adopted at the 82nd meeting 11") */
		char *v = res->meta.vote;
		if (v && !res->meta.nvote_marks && !st->oom) {
			size_t len = strlen(v);
			if (refs_take_markers(rn, v, &len, &res->meta.vote_marks, &res->meta.nvote_marks))
				st->oom = 1;
			/* a number ending the line after its last word is a footnote's marker when
			 * the footnote is there: the line counts no meetings after "meeting" */
			size_t d = len;
			while (d > 0 && isdigit((unsigned char)v[d - 1]))
				d--;
			int last = d < len && len - d <= 4 && d > 1 && v[d - 1] == ' ' ? build_atoi(v + d) : 0;
			for (size_t f = 0; f < nfn && last > 0 && !st->oom; f++)
				if (nums[f] == last) {
					len = d - 1;
					struct mark *m = realloc(res->meta.vote_marks,
					                         (res->meta.nvote_marks + 1) * sizeof *m);
					if (!m) {
						st->oom = 1;
						break;
					}
					m[res->meta.nvote_marks].byte = len;
					m[res->meta.nvote_marks++].footnote = last;
					res->meta.vote_marks = m;
					break;
				}
			while (len > 0 && v[len - 1] == ' ')
				len--;
			v[len] = '\0';
			found += res->meta.nvote_marks;
		}
		if (found || st->read.paren_notes || nfn == 0)
			break;
		refs_notes_free(rn);
		rn = refs_notes_new(nums, nfn);
		if (!rn) {
			st->oom = 1;
			free(nums);
			return;
		}
	}
	free(nums);
	if (!st->oom)
		drop_page_mates(st);
	for (size_t i = 0; i < res->npara && !st->oom; i++) {
		struct para *p = &res->paras[i];
		if (!p->text)
			continue;
		if (!st->read.exact && (p->kind == PARA_PREAMBLE || p->kind == PARA_OPERATIVE
		                        || p->kind == PARA_SUB))
			trailing_marker(st, p);
		if (st->text_only)
			continue;
		if (refs_find_documents(p->text, p->text_len, &p->refs, &p->nrefs))
			st->oom = 1;
		if (p->kind == PARA_PREAMBLE || p->kind == PARA_OPERATIVE)
			p->lead_len = lang_lead_len(st->lang, p->text, p->text_len,
			                            p->kind == PARA_OPERATIVE);
	}
	refs_notes_free(rn);
}


/* ---- one resolution ---- */

/* The language of a segment, from a sample of its body. */
static const char *segment_lang(const struct block_list *bl, size_t from, size_t to)
{
	char sample[4096];
	size_t sl = 0;
	for (size_t j = from; j < to && sl < sizeof sample - 1; j++) {
		size_t n = bl->v[j].len;
		if (n > sizeof sample - 1 - sl)
			n = sizeof sample - 1 - sl;
		memcpy(sample + sl, bl->v[j].text, n);
		sl += n;
		if (sl < sizeof sample - 1)
			sample[sl++] = ' ';
	}
	return lang_detect(sample, sl);
}

/* The lines above the opening: metadata, or "A" and its heading when the resolution is in
 * parts and part A starts there. */
static void read_header(struct bstate *st, const struct block_list *bl, const enum bkind *kinds,
                        const struct seg *sg)
{
	size_t first_part = sg->open;
	for (size_t j = sg->head; j < sg->open; j++) {
		if (kinds[j] == BK_PART && first_part == sg->open)
			first_part = j;
		else if (first_part == sg->open)
			build_meta_header(st, bl->v[j].text, bl->v[j].len);
	}
	if (first_part < sg->open) {
		const struct block *pb = &bl->v[first_part];
		build_block(st, pb, BK_PART, pb->text, pb->len);
		for (size_t j = first_part + 1; j < sg->open; j++)
			if (kinds[j] != BK_EMPTY) {
				build_block(st, &bl->v[j], BK_TEXT, bl->v[j].text, bl->v[j].len);
				break;
			}
	}
	if (sg->organ)
		build_set_meta(st, &st->res->meta.organ, sg->organ, strlen(sg->organ));
	else if ((size_t)sg->open_len > 5)
		build_set_meta(st, &st->res->meta.organ, bl->v[sg->open].text + 4,
		               (size_t)sg->open_len - 5);
	st->read.unnumbered_op = !sg->comma;
}

/* "5. Ibid., Supplement ...": a numbered block that reads as a footnote's body (English
 * volumes' notes cite records and documents). */
static int numbered_note(const struct block *b)
{
	static const char *const opens[] = { "Ibid", "Official Records", "See ", "S/", "A/",
		"Document", NULL };
	size_t skip;
	if (!build_opnum(b->text, b->len, &skip))
		return 0;
	for (size_t k = 0; opens[k]; k++)
		if (build_starts(b->text + skip, b->len - skip, opens[k]))
			return 1;
	return 0;
}

/* Where the footnotes gathered at the end begin: the trailing run of "N text" blocks ("(1)
 * text" ones only after the closing lines; else they are the last items of a list).
 * *paren is set when they are numbered in parentheses. */
static size_t footnote_run(const struct block_list *bl, const enum bkind *kinds,
                           const struct seg *sg, int *paren)
{
	size_t fn_start = sg->end;
	*paren = 0;
	int numbered = 0;
	while (fn_start > sg->open + 1) {
		enum bkind k = kinds[fn_start - 1];
		const struct block *b = &bl->v[fn_start - 1];
		if (k == BK_FOOTNOTE || k == BK_EMPTY)
			fn_start--;
		else if (k == BK_OPNUM && numbered_note(b)) {
			fn_start--;
			numbered = 1;
		}
		else if (k == BK_SUB && build_paren_num(b->text, b->len)) {
			fn_start--;
			*paren = 1;
		} else
			break;
	}
	if (numbered) {
		/* "5. Ibid." only after the closing lines; before them it is a paragraph */
		size_t j = fn_start;
		while (j > sg->open + 1 && kinds[j - 1] == BK_EMPTY)
			j--;
		enum bkind pk = kinds[j - 1];
		if (pk != BK_MEETING && pk != BK_VOTE && pk != BK_DATE) {
			fn_start = sg->end;
			while (fn_start > sg->open + 1
			       && (kinds[fn_start - 1] == BK_FOOTNOTE || kinds[fn_start - 1] == BK_EMPTY))
				fn_start--;
		}
	}
	if (*paren) {
		size_t j = fn_start;
		while (j > sg->open + 1 && kinds[j - 1] == BK_EMPTY)
			j--;
		enum bkind pk = kinds[j - 1];
		if (pk != BK_MEETING && pk != BK_VOTE && pk != BK_DATE) {
			*paren = 0;
			fn_start = sg->end;
			while (fn_start > sg->open + 1
			       && (kinds[fn_start - 1] == BK_FOOTNOTE || kinds[fn_start - 1] == BK_EMPTY))
				fn_start--;
		}
	}
	while (fn_start < sg->end && kinds[fn_start] == BK_EMPTY)
		fn_start++;
	return fn_start;
}

/* ---- sub-paragraph labels the extraction lost ----
 * Extractions that join a page's lines drop the labels of some items: "7. Requests ...:",
 * then two items without labels, then "(c) To continue ...". The document says what they
 * were: a paragraph that ends in ":" opens a list, the labels it kept anchor the count ("(c)"
 * after two unlabelled items: they were (a) and (b); "(ii)" after "... by:" and one: it was
 * (i)), and without an anchor a run of items each ending its clause with ";" is a list too.
 * A run the count does not fit is left as it is (text inside the paragraph). */

enum lab_kind { LAB_NONE, LAB_LETTER, LAB_ROMAN };

struct child {
	size_t j;               /* block index */
	enum lab_kind kind;     /* as printed (LAB_NONE: lost) */
	int letter, roman;      /* the printed label's value read either way, 0 if it cannot be */
	char end;               /* the text's last byte */
	int more;               /* the item leaves its list open: it ends in ";" or "; and" */
};

/* The list state: the last letter, the last numeral under it, and whether that letter's item
 * opened a list of numerals (it ended in ":"). */
struct lstate {
	int letter, roman, roman_open;
};

/* Whether a printed label reads as the next numeral rather than a letter here. */
static int reads_roman(const struct child *c, const struct lstate *ls)
{
	if (!c->roman)
		return 0;
	if (!c->letter)
		return 1;
	if (c->letter == ls->letter + 1 && !(ls->roman_open && c->roman == ls->roman + 1))
		return 0;
	return ls->roman_open || c->letter != ls->letter + 1;
}

/* Writes label value v of kind k into out ("c", "iii"). */
static void label_text(enum lab_kind k, int v, char out[8])
{
	static const char *const r[] = { "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix",
		"x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx" };
	if (k == LAB_ROMAN && v >= 1 && v <= 20)
		build_snprintf(out, 8, "%s", r[v - 1]);
	else if (k == LAB_LETTER && v >= 1 && v <= 26)
		build_snprintf(out, 8, "%c", 'a' + v - 1);
	else if (k == LAB_LETTER && v > 26 && v <= 52)
		build_snprintf(out, 8, "%c%c", 'a' + v - 27, 'a' + v - 27);
	else
		out[0] = '\0';
}

/* Whether the unlabelled children [i, e) read as a list's items: each ends its clause with
 * ";" (the last may end with "."), save one or two whose end a damaged extraction lost (no
 * punctuation at all), never a sentence's "." or ":" before the last. */
static int colon_list_went_on(const struct child *cs, size_t i, size_t e)
{
	size_t lost = 0;
	for (size_t k = i; k < e; k++) {
		if (k + 1 == e)
			return (cs[k].end == '.' || cs[k].end == ';') && lost * 4 <= e - i;
		if (cs[k].end != ';' && strchr(".:,", cs[k].end))
			return 0;
		lost += cs[k].end != ';';
	}
	return 0;
}

/* Labels the run of unlabelled children [i, e) before child n (NULL: none follows). Returns
 * 0 when the count does not fit (nothing labelled). */
static int label_run(struct child *cs, size_t i, size_t e, const struct child *n,
                     struct lstate *ls, char (*labs)[8], size_t base, int colon)
{
	size_t u = e - i, letters, romans;
	/* without the intro's ":" only a label that comes later and counts them exactly says
	 * they were a list */
	if (!colon && (!n || reads_roman(n, ls) || n->letter != ls->letter + (int)u + 1) &&
	    !(!n && ls->letter && colon_list_went_on(cs, i, e)))
		return 0;
	if (n && !reads_roman(n, ls)) {
		if (n->letter <= ls->letter)
			return 0;
		letters = (size_t)(n->letter - 1 - ls->letter);
		if (letters > u)
			return 0;
		romans = u - letters;
		if (romans && !ls->roman_open)
			return 0;
	} else if (n) {
		int start = ls->roman_open ? ls->roman : 0;
		if (n->roman <= start)
			return 0;
		romans = (size_t)(n->roman - 1 - start);
		if (romans > u)
			return 0;
		letters = u - romans;
		if (letters && cs[i + letters - 1].end != ':')
			return 0;           /* the numerals hang on the last letter's ":" */
		if (!letters && !ls->roman_open && romans)
			return 0;
	} else {
		/* no anchor: a list only when every item ends its clause with ";" (the last may
		 * end with "."), two at least unless labelled items came before, the last of
		 * them leaving the list open */
		if (u < 2 && !ls->letter)
			return 0;
		if (i > 0 && !cs[i - 1].more)
			return 0;
		if (!colon_list_went_on(cs, i, e))
			return 0;
		letters = u;
		romans = 0;
	}
	for (size_t k = i; k < e; k++) {
		if (k - i < romans && ls->roman_open) {
			ls->roman++;
			label_text(LAB_ROMAN, ls->roman, labs[cs[k].j - base]);
		} else if (k - i < letters) {
			ls->letter++;
			ls->roman = 0;
			ls->roman_open = cs[k].end == ':';
			label_text(LAB_LETTER, ls->letter, labs[cs[k].j - base]);
		} else {
			ls->roman++;
			label_text(LAB_ROMAN, ls->roman, labs[cs[k].j - base]);
		}
	}
	return 1;
}

/* Whether the block opens with one word and a comma ("Development, the outcome of"). */
static int first_word_comma(const struct block *b)
{
	size_t i = 0;
	while (i < b->len && b->text[i] != ' ' && b->text[i] != ',')
		i++;
	return i > 0 && i < b->len && b->text[i] == ',';
}

/* The lost labels of the list after block p (a paragraph ending in ":"), up to `to`. */
static void label_list(const struct block_list *bl, const enum bkind *kinds, size_t p,
                       size_t to, struct child *cs, char (*labs)[8], size_t base)
{
	/* the intro announces a list by its ":", or it lost its end (a damaged extraction:
	 * "To this end, we" then the items) */
	char last = bl->v[p].text[bl->v[p].len - 1];
	int colon = last == ':' || (last >= 'a' && last <= 'z');
	size_t nc = 0;
	for (size_t j = p + 1; j < to; j++) {
		enum bkind k = kinds[j];
		const struct block *b = &bl->v[j];
		if (k == BK_EMPTY || b->zone == ZONE_FOOTNOTE)
			continue;
		if (k != BK_TEXT && k != BK_SUB)
			break;
		uint32_t c0 = utf8_at(b->text, b->len);
		if (k == BK_TEXT && (uc_is_lower(c0) || !b->len))
			continue;           /* the paragraph going on, not an item */
		if (k == BK_TEXT && !uc_is_alpha(c0))
			break;              /* a quotation, a bullet, a number: no list of ours */
		if (k == BK_TEXT && !strchr(".;:,", b->text[b->len - 1]) && b->len < 150) {
			size_t nx = j + 1;
			while (nx < to && (kinds[nx] == BK_EMPTY || bl->v[nx].zone == ZONE_FOOTNOTE))
				nx++;
			if (nx < to && kinds[nx] == BK_OPNUM)
				break;          /* a heading over the next paragraph ("Follow-up") */
		}
		/* "(c) ... for Social" / "Development, the outcome ...": an item broken where the
		 * extraction lost a page; no item opens with a lone word and a comma */
		if (k == BK_TEXT && nc && isalpha((unsigned char)cs[nc - 1].end) && first_word_comma(b)) {
			labs[j - base][0] = '+';
			labs[j - base][1] = '\0';
			cs[nc - 1].end = b->text[b->len - 1];
			cs[nc - 1].more = cs[nc - 1].end == ';';
			continue;
		}
		struct child *c = &cs[nc++];
		memset(c, 0, sizeof *c);
		c->j = j;
		/* its last punctuation, past a footnote marker glued on ("2030;15") */
		size_t en = b->len;
		while (en > 1 && en + 3 > b->len && isdigit((unsigned char)b->text[en - 1]))
			en--;
		if (en == b->len || !strchr(".;:,", b->text[en - 1]))
			en = b->len;
		c->end = b->text[en - 1];
		c->more = c->end == ';' || (b->len > 5 && (memcmp(b->text + b->len - 5, "; and", 5) == 0
		                                           || memcmp(b->text + b->len - 4, "; or", 4) == 0));
		const char *lab;
		size_t labn;
		if (k == BK_SUB && build_submark(b->text, b->len, &lab, &labn)) {
			c->letter = build_style_value(ST_LETTER, lab, labn);
			c->roman = build_style_value(ST_ROMAN, lab, labn);
			c->kind = c->letter || c->roman ? LAB_LETTER : LAB_NONE;
			if (!c->letter && !c->roman)
				return;             /* "(1)": another kind of list */
		}
	}
	struct lstate ls = { 0, 0, 0 };
	for (size_t i = 0; i < nc;) {
		if (cs[i].kind != LAB_NONE) {
			if (reads_roman(&cs[i], &ls))
				ls.roman = cs[i].roman;
			else {
				ls.letter = cs[i].letter;
				ls.roman = 0;
				ls.roman_open = cs[i].end == ':';
			}
			i++;
			continue;
		}
		size_t e = i;
		while (e < nc && cs[e].kind == LAB_NONE)
			e++;
		struct lstate save = ls;
		if (!label_run(cs, i, e, e < nc ? &cs[e] : NULL, &ls, labs, base, colon)) {
			ls = save;
			for (size_t k = i; k < e; k++)
				labs[cs[k].j - base][0] = '\0';
		}
		i = e;
	}
}

/* The lost labels of the segment's blocks [from, to): labs[j - from] ("" when none); NULL
 * when there is no list to mend (or out of memory: the text is read as it is). */
static char (*infer_labels(const struct block_list *bl, const enum bkind *kinds, size_t from,
                           size_t to))[8]
{
	char (*labs)[8] = NULL;
	struct child *cs = NULL;
	for (size_t j = from; j < to; j++) {
		const struct block *b = &bl->v[j];
		if (kinds[j] != BK_OPNUM || !b->len)
			continue;
		if (!labs) {
			labs = calloc(to - from, sizeof *labs);
			cs = malloc((to - from) * sizeof *cs);
			if (!labs || !cs) {
				free(labs);
				free(cs);
				return NULL;
			}
		}
		label_list(bl, kinds, j, to, cs, labs, from);
	}
	free(cs);
	return labs;
}

/* "1. ... Development.2 2. We acknowledge ...": the next paragraph's number glued onto this
 * one's last line (issue 12, pattern 11). Where the next paragraph starts in s[0..n) (the
 * space before its number), 0 when it does not: the number `want` after a sentence's end (a
 * marker may stand between) and before a capital. */
static size_t glued_number(const char *s, size_t n, long want)
{
	char pat[24];
	size_t pl = (size_t)build_snprintf(pat, sizeof pat, " %ld. ", want);
	for (size_t at = 1; at + pl < n; at++) {
		/* the number itself, not every space of the paragraph (this runs at every one) */
		const char *p = bytes_find(s + at, n - at, pat, pl);
		if (!p || (size_t)(p - s) + pl >= n)
			break;
		at = (size_t)(p - s);
		if (!isupper((unsigned char)s[at + pl]))
			continue;
		size_t b = at;
		while (b > 0 && b + 3 > at && isdigit((unsigned char)s[b - 1]))
			b--;
		if (b > 0 && strchr(".;:", s[b - 1]))
			return at;
	}
	return 0;
}

/* An operative paragraph's number misread (OCR): "ll. Calls" for 11, "1, Requests" and
 * "3, Commends" with a comma for the period, "2 Requests" without it, "6.Calls" without the
 * space. Only the number expected next, before a verb in the third person of an operative
 * lead. The bytes of the misread number and its space, or 0. */
static size_t ocr_number(const struct bstate *st, const char *s, size_t n, int want)
{
	size_t i = 0;
	int v = 0;
	for (; i < n && i < 3 && (isdigit((unsigned char)s[i]) || s[i] == 'l'); i++)
		v = v * 10 + (s[i] == 'l' ? 1 : s[i] - '0');
	int digits_only = strspn(s, "0123456789") >= i;
	if (i == 0 || v != want)
		return 0;
	size_t k = i;
	int sep = k < n && (s[k] == '.' || s[k] == ',');
	k += sep;
	size_t sp = k;
	while (k < n && s[k] == ' ')
		k++;
	if ((!sep && k == sp) || (sep && s[i] == '.' && digits_only && k > sp) || k + 2 >= n)
		return 0;               /* "12Calls", or a number read right ("6. Calls") */
	const char *t = s + k;
	size_t tn = n - k, w = 1;
	if (!st->lang || strcmp(st->lang, "en") != 0 || !isupper((unsigned char)t[0]))
		return 0;
	while (w < tn && islower((unsigned char)t[w]))
		w++;
	if (w < 4 || w >= tn || t[w] != ' ' || t[w - 1] != 's')
		return 0;
	return lang_lead_len(st->lang, t, tn, 1) ? k : 0;
}

/* The body: the opening's own text (when it runs on), then every block up to the footnotes;
 * "1." or "(a)" alone is read with the block after it. */
static void read_body(struct bstate *st, const struct block_list *bl, const enum bkind *kinds,
                      const struct seg *sg, size_t fn_start)
{
	const struct block *ob = &bl->v[sg->open];
	if ((size_t)sg->open_len < ob->len) {
		size_t t = (size_t)sg->open_len;
		while (t < ob->len && ob->text[t] == ' ')
			t++;
		if (t < ob->len)
			build_block(st, ob, BK_TEXT, ob->text + t, ob->len - t);
	}
	struct buf joined = BUF_INIT;
	size_t from = sg->open + 1;
	char (*labs)[8] = from < fn_start ? infer_labels(bl, kinds, from, fn_start) : NULL;
	for (size_t j = from; j < fn_start && !st->oom; j++) {
		const struct block *b = &bl->v[j];
		if (kinds[j] == BK_EMPTY || b->zone == ZONE_FOOTNOTE)
			continue;
		if (labs && labs[j - from][0] == '+') {
			st->read.blk = b;       /* the rest of the item before it */
			if (st->last >= 0)
				build_append(st, st->last, b->text, b->len);
			continue;
		}
		if (labs && labs[j - from][0]) {
			/* an item that lost its label: read as "(b) text" */
			buf_clear(&joined);
			if (buf_printf(&joined, "(%s) ", labs[j - from])
			    || buf_add(&joined, b->text, b->len)) {
				st->oom = 1;
				break;
			}
			build_block(st, b, BK_SUB, joined.s, joined.n);
			continue;
		}
		size_t k = j + 1;
		while (k < fn_start && kinds[k] == BK_EMPTY)
			k++;
		if (build_bare_number(b->text, b->len) && k < fn_start && kinds[k] == BK_TEXT) {
			buf_clear(&joined);
			if (buf_add(&joined, b->text, b->len) || buf_addc(&joined, ' ')
			    || buf_add(&joined, bl->v[k].text, bl->v[k].len)) {
				st->oom = 1;
				break;
			}
			struct block jb = { .text = joined.s, .len = joined.n, .zone = ZONE_BODY,
			                    .indent = b->indent, .page = b->page };
			build_block(st, b, build_classify(&jb, NULL), joined.s, joined.n);
			j = k;
			continue;
		}
		size_t rest;
		if ((kinds[j] == BK_TEXT || kinds[j] == BK_FOOTNOTE) && st->annex < 0
		    && (rest = ocr_number(st, b->text, b->len, st->count.last_opnum + 1)) != 0) {
			buf_clear(&joined);
			if (buf_printf(&joined, "%d. ", st->count.last_opnum + 1)
			    || buf_add(&joined, b->text + rest, b->len - rest)) {
				st->oom = 1;
				break;
			}
			build_block(st, b, BK_OPNUM, joined.s, joined.n);
			continue;
		}
		if (kinds[j] == BK_OPNUM) {
			/* paragraphs run together on one line: read each */
			const char *t = b->text;
			size_t tn = b->len, cut;
			long num = atol(t);
			while (num > 0 && (cut = glued_number(t, tn, num + 1)) != 0) {
				build_block(st, b, BK_OPNUM, t, cut);
				t += cut + 1;
				tn -= cut + 1;
				num++;
			}
			build_block(st, b, BK_OPNUM, t, tn);
			continue;
		}
		build_block(st, b, kinds[j], b->text, b->len);
	}
	free(labs);
	buf_free(&joined);
}

/* Footnotes last: those the reader found below page rules, then the trailing run; a block
 * without a number continues the footnote before it (on the next page). */
static void read_footnotes(struct bstate *st, const struct block_list *bl,
                           const enum bkind *kinds, const struct seg *sg, size_t fn_start,
                           int parens)
{
	int prev_fn = -1;
	for (size_t j = sg->open + 1; j < sg->end && !st->oom; j++) {
		const struct block *b = &bl->v[j];
		if ((b->zone != ZONE_FOOTNOTE && j < fn_start) || kinds[j] == BK_EMPTY)
			continue;
		int paren = parens && build_paren_num(b->text, b->len);
		if (paren)
			st->read.paren_notes = 1;
		st->read.blk = b;
		if ((isdigit((unsigned char)b->text[0]) && b->text[0] != '0') || paren) {
			size_t before = st->res->npara;
			if (st->read.exact)
				footnote_block(st, b->text, b->len);      /* one footnote a block */
			else
				footnotes_from(st, b->text, b->len);
			if (st->res->npara > before)
				prev_fn = (int)st->res->npara - 1;
		} else if (prev_fn >= 0)
			build_append(st, prev_fn, b->text, b->len);
	}
}

/* Links and metadata; the resolution, or NULL (and *oom) when out of memory. */
static struct resolution *finish(struct bstate *st, const struct block_list *bl,
                                 const struct res_meta *hints, int *oom)
{
	finish_links(st);
	build_meta_finish(st, hints ? hints : &bl->hints, hints != NULL);
	idset_free(&st->ids);
	if (st->oom) {
		res_free(st->res);
		*oom = 1;
		return NULL;
	}
	return st->res;
}

static struct resolution *build_one(const struct block_list *bl, const enum bkind *kinds,
                                    const struct seg *sg, const struct res_meta *hints,
                                    int *oom)
{
	struct bstate st;
	if (build_start(&st, oom) < 0)
		return NULL;
	st.read.bend = bl->v + sg->end;
	st.read.exact = bl->exact_marks;
	st.text_only = bl->text_only;
	st.lang = segment_lang(bl, sg->open, sg->end);
	read_header(&st, bl, kinds, sg);
	int paren;
	size_t fn_start = footnote_run(bl, kinds, sg, &paren);
	st.read.paren_notes = paren;
	read_body(&st, bl, kinds, sg, fn_start);
	read_footnotes(&st, bl, kinds, sg, fn_start, 1);
	return finish(&st, bl, hints, oom);
}

/* Whether block j is the heading of a decision ("79/560. Appointment of ...") whose text
 * follows as "At its 96th plenary meeting, on 8 May 2025, the General Assembly ..." or "The
 * General Assembly took note ...": decisions have no opening of their own, so a compilation
 * that mixes them with resolutions is cut there too. */
static int decision_like(const struct block *b)
{
	size_t rn = refs_resolution_number(b->text, b->len);
	return rn && rn + 2 < b->len && b->text[rn] == '.' && b->zone != ZONE_FOOTNOTE
	       && strchr(b->text, '/') && b->len <= 300;
}

static int decision_head(const struct block_list *bl, const enum bkind *kinds, size_t j)
{
	const struct block *b = &bl->v[j];
	/* worked out with the block's kind where the shape read it, while its text was at hand */
	if (!(b->dlike ? b->dlike - 1 : decision_like(b)))
		return 0;
	size_t k = j + 1;
	while (k < bl->n && bl->v[k].len == 0)
		k++;
	if (k >= bl->n)
		return 0;
	(void)kinds;
	const char *s = bl->v[k].text;
	size_t n = bl->v[k].len;
	const char *organ;
	int comma = 0;
	if (build_starts(s, n, "At its ") && build_find(s, n, "meeting"))
		return 1;
	size_t ol = lang_opening(s, n, &organ, &comma);
	return ol && !comma && ol + 1 < n && islower((unsigned char)s[ol + 1]);
}

/* A decision: its heading, its text as plain paragraphs, its footnotes. */
static struct resolution *build_decision(const struct block_list *bl, const enum bkind *kinds,
                                         const struct seg *sg, const struct res_meta *hints,
                                         int *oom)
{
	struct bstate st;
	if (build_start(&st, oom) < 0)
		return NULL;
	st.read.decision = 1;
	st.lang = lang_detect(bl->v[sg->open].text, bl->v[sg->open].len);
	for (size_t j = sg->head; j <= sg->open; j++)
		build_meta_header(&st, bl->v[j].text, bl->v[j].len);
	size_t fn_start = sg->end;
	while (fn_start > sg->open + 1
	       && (kinds[fn_start - 1] == BK_FOOTNOTE || kinds[fn_start - 1] == BK_EMPTY))
		fn_start--;
	for (size_t j = sg->open + 1; j < fn_start && !st.oom; j++) {
		const struct block *b = &bl->v[j];
		if (kinds[j] == BK_EMPTY || b->zone == ZONE_FOOTNOTE)
			continue;
		if (!st.count.nplain) {
			/* "At its 96th plenary meeting, on 8 May 2025, the General Assembly ..." */
			char date[11];
			build_meta_meeting(&st, &st.res->meta.meeting, b->text, b->len);
			if (lang_find_date(b->text, b->len, date))
				build_set_meta(&st, &st.res->meta.adopted, date, 10);
			const char *organ = lang_organ_name(lang_organ_in(b->text, b->len));
			if (organ)
				build_set_meta(&st, &st.res->meta.organ, organ, strlen(organ));
		}
		build_plain_para(&st, b->text, b->len);
	}
	read_footnotes(&st, bl, kinds, sg, fn_start, 0);
	return finish(&st, bl, hints, oom);
}

/* A text with no resolution structure: every block a plain numbered paragraph. */
static struct resolution *build_plain(const struct block_list *bl, struct parse_diag *d, int *oom)
{
	struct bstate st;
	if (build_start(&st, oom) < 0)
		return NULL;
	st.lang = segment_lang(bl, 0, bl->n);
	for (size_t j = 0; j < bl->n && !st.oom; j++)
		if (bl->v[j].len)
			build_plain_para(&st, bl->v[j].text, bl->v[j].len);
	for (size_t i = 0; i < st.res->npara && !st.oom; i++) {
		struct para *p = &st.res->paras[i];
		if (refs_find_documents(p->text, p->text_len, &p->refs, &p->nrefs))
			st.oom = 1;
	}
	build_meta_finish(&st, &bl->hints, 1);
	idset_free(&st.ids);
	if (st.oom) {
		res_free(st.res);
		*oom = 1;
		return NULL;
	}
	parse_warn(d, "no resolution structure found; read as %d plain paragraph%s", st.count.nplain,
	           st.count.nplain == 1 ? "" : "s");
	return st.res;
}

/* Resolutions in parts may restate the opening in each part: "B", a part title, then
 * "The General Assembly," again. That opening continues the resolution and is dropped
 * (its kind set to BK_EMPTY). */
static int part_opening(const struct block_list *bl, enum bkind *kinds, size_t j, size_t floor)
{
	int comma = 1;
	const char *organ;
	/* Only an opening standing alone (nothing of the text would be lost). */
	if (lang_opening(bl->v[j].text, bl->v[j].len, &organ, &comma) + 1 < bl->v[j].len)
		return 0;
	size_t h = j, titles = 0;
	while (h > floor + 1) {
		enum bkind k = kinds[h - 1];
		const struct block *b = &bl->v[h - 1];
		if (k == BK_EMPTY) {
			h--;
			continue;
		}
		if (k == BK_PART) {
			kinds[j] = BK_EMPTY;     /* the part's heading stays: it becomes its title */
			return 1;
		}
		if ((k == BK_TEXT || k == BK_HEADING) && titles < 2 && b->len < 200
		    && b->text[b->len - 1] != ',' && b->text[b->len - 1] != ';') {
			titles++;
			h--;
			continue;
		}
		return 0;
	}
	return 0;
}

/* The furniture's hints that belong to segment k: all of them for a lone resolution; in a
 * file of several with mastheads of their own, those of the one masthead that began between
 * the resolution before and this one's opening; else none (a volume's masthead is not any
 * one resolution's). */
static const struct res_meta *seg_hints(const struct block_list *bl, const struct seg *segs,
                                        size_t nseg, size_t k)
{
	if (nseg == 1)
		return &bl->hints;
	if (bl->ndocs < 2)
		return NULL;                        /* one masthead for many: a volume's, maybe */
	size_t lo = k == 0 ? 0 : segs[k - 1].open + 1, hi = segs[k].open;
	const struct res_meta *found = NULL;
	for (size_t i = 0; i < bl->ndocs; i++) {
		if (bl->docs[i].from < lo || bl->docs[i].from > hi)
			continue;
		if (found)
			return NULL;                /* two mastheads: which is whose is unclear */
		found = &bl->docs[i].meta;
	}
	return found;
}

static int cmp_num(const void *a, const void *b)
{
	const int *x = a, *y = b;
	return (*x > *y) - (*x < *y);
}

/* Markers of footnotes the file does not hold (a volume's extract keeps the markers, not the
 * notes): they stay in the model, where they were cited, and the JSON flags them "missing";
 * the user hears of it once. Returns 0, or -1 when out of memory. */
static int warn_missing(const struct resolution *r, struct parse_diag *d)
{
	if (r->notes_left_out)
		parse_warn(d, "%s: footnote%s %s left out: cited by no marker here, numbered next "
		           "to this text's own notes (another text's on the same printed page)",
		           r->meta.symbol ? r->meta.symbol : "the document",
		           strchr(r->notes_left_out, ',') ? "s" : "", r->notes_left_out);
	size_t nfn = 0, nm = 0;
	for (size_t i = 0; i < r->npara; i++) {
		nfn += r->paras[i].kind == PARA_FOOTNOTE;
		nm += r->paras[i].nmarks;
	}
	if (!nm)
		return 0;
	int *have = malloc((nfn ? nfn : 1) * sizeof *have);
	int *miss = malloc(nm * sizeof *miss);
	if (!have || !miss) {
		free(have);
		free(miss);
		return -1;
	}
	size_t k = 0, nmiss = 0;
	for (size_t i = 0; i < r->npara; i++)
		if (r->paras[i].kind == PARA_FOOTNOTE)
			have[k++] = build_atoi(r->paras[i].num ? r->paras[i].num : "0");
	if (nfn > 1)
		qsort(have, nfn, sizeof *have, cmp_num);
	for (size_t i = 0; i < r->npara; i++)
		for (size_t j = 0; j < r->paras[i].nmarks; j++)
			if (!bsearch(&r->paras[i].marks[j].footnote, have, nfn, sizeof *have, cmp_num))
				miss[nmiss++] = r->paras[i].marks[j].footnote;
	if (nmiss) {
		if (nmiss > 1)
			qsort(miss, nmiss, sizeof *miss, cmp_num);
		size_t u = 0;
		for (size_t i = 0; i < nmiss; i++)
			if (!u || miss[u - 1] != miss[i])
				miss[u++] = miss[i];
		char list[96];
		size_t o = 0, shown = 0;
		/* each number takes at most 13 bytes: the list never overflows */
		for (; shown < u && o + 16 < sizeof list; shown++)
			o += (size_t)snprintf(list + o, sizeof list - o, "%s%d", shown ? ", " : "",
			                      miss[shown]);
		if (shown < u)
			snprintf(list + o, sizeof list - o, ", ...");
		const char *sym = r->meta.symbol ? r->meta.symbol : "the document";
		parse_warn(d, "%s: footnote%s %s cited but not in the file (markers kept, flagged "
		           "missing)", sym, u == 1 ? "" : "s", list);
	}
	free(have);
	free(miss);
	return 0;
}

int build_collection(const struct block_list *bl, struct collection **out, struct parse_diag *d)
{
	return build_collection_first(bl, SIZE_MAX, NULL, out, d);
}

/* A file's segments: classifies every block into kinds[] and cuts the file at each opening
 * that starts a resolution (and each decision's heading). Returns the count, -1 when out of
 * memory; *out (caller frees) holds them. */
/* ---- every block's kind, on two threads when there are many ----
 * A block's kind depends on the block alone (build_classify), so a large file's blocks are
 * classified in two halves at once before find_segments reads them in order. */

#define CLASSIFY_SPLIT_MIN 20000     /* fewer blocks: one thread (about 1 MB of text) */

struct classify_part {
	const struct block *v;
	unsigned char *kinds;
	size_t from, to;
};

static void *classify_run(void *arg)
{
	struct classify_part *c = arg;
	for (size_t j = c->from; j < c->to; j++) {
		/* classifying reads a block's first bytes, long out of the cache in a large file:
		 * the next block's are asked for while this one is read */
#if defined(__GNUC__)
		if (j + 1 < c->to)
			__builtin_prefetch(c->v[j + 1].text);
#endif
		c->kinds[j] = (unsigned char)build_classify(&c->v[j], NULL);
	}
	return NULL;
}

void blocks_classify(struct block_list *bl, size_t from)
{
	for (size_t j = from; j < bl->n; j++) {
		bl->v[j].kind = (unsigned char)(build_classify(&bl->v[j], NULL) + 1);
		bl->v[j].dlike = (unsigned char)(decision_like(&bl->v[j]) + 1);
	}
}

/* Every block's kind, or NULL when there are few blocks, one thread or no memory, or when the
 * shape worked them out already (kinds_ready): then find_segments takes each block's as it
 * comes. */
static unsigned char *classify_all(const struct block_list *bl)
{
	if (bl->kinds_ready || bl->n < CLASSIFY_SPLIT_MIN || parse_cpus() < 2)
		return NULL;
	unsigned char *k = malloc(bl->n);
	if (!k)
		return NULL;
	struct classify_part a = { bl->v, k, 0, bl->n / 2 }, b = { bl->v, k, bl->n / 2, bl->n };
	pthread_t t;
	if (pthread_create(&t, NULL, classify_run, &b) != 0) {
		free(k);
		return NULL;
	}
	classify_run(&a);
	pthread_join(t, NULL);
	return k;
}

static long find_segments(const struct block_list *bl, enum bkind *kinds, struct seg **out)
{
	struct seg *segs = NULL;
	size_t nseg = 0, segcap = 0;
	unsigned char *pre = classify_all(bl);
	for (size_t j = 0; j < bl->n; j++) {
		struct bopening op = { 0, 1, NULL };
		int known = bl->v[j].kind ? bl->v[j].kind - 1 : pre ? pre[j] : -1;
		if (known >= 0 && known != BK_OPENING) {
			kinds[j] = (enum bkind)known;
		} else {
#if defined(__GNUC__)
			if (!pre && j + 1 < bl->n)
				__builtin_prefetch(bl->v[j + 1].text);
#endif
			kinds[j] = build_classify(&bl->v[j], &op);   /* an opening: its length, organ */
		}
		int decision = kinds[j] != BK_OPENING && nseg > 0 && decision_head(bl, kinds, j);
		if (kinds[j] != BK_OPENING && !decision)
			continue;
		/* "The Conference," inside an Assembly resolution's annex is text; other organs'
		 * openings start resolutions only in a file of that organ's resolutions ... */
		if (!decision && !op.organ && nseg > 0 && segs[0].organ) {
			/* ... unless its own header stands above it ("57/8. Title", "Resolution
			 * adopted by the Human Rights Council on ...": a compilation of organs) */
			size_t h = j;
			while (h > 0 && kinds[h - 1] == BK_EMPTY)
				h--;
			if (h == 0 || !build_meta_header_like(&bl->v[h - 1])) {
				kinds[j] = BK_TEXT;
				continue;
			}
		}
		if (!decision && nseg > 0 && part_opening(bl, kinds, j, segs[nseg - 1].open))
			continue;
		struct seg *ns = buf_array(segs, &segcap, nseg + 1, sizeof *ns);
		if (!ns) {
			free(segs);
			free(pre);
			return -1;
		}
		segs = ns;
		struct seg *sg = &segs[nseg];
		sg->open = j;
		sg->open_len = op.len;
		sg->comma = op.comma;
		sg->organ = decision ? "General Assembly" : op.organ;
		sg->decision = decision;
		sg->end = bl->n;
		sg->head = decision ? j : 0;
		if (nseg > 0) {
			/* the previous resolution ends where this one's header begins */
			size_t h = j, floor = segs[nseg - 1].open + 1;
			while (h > floor && j - h < 8 && (build_meta_header_like(&bl->v[h - 1])
			                                 || kinds[h - 1] == BK_EMPTY))
				h--;
			while (h < j && kinds[h] == BK_EMPTY)
				h++;
			sg->head = h;
			segs[nseg - 1].end = h;
		}
		nseg++;
	}
	free(pre);
	*out = segs;
	return (long)nseg;
}

/* A resolution whose opening the text lost: its heading ("Resolution 466 (1980)", "of 11
 * April 1980"), then at once a paragraph opening with a preamble's lead ("Taking note of
 * ..."). The lead's paragraph stands for the opening; a heading numbered "N (YYYY)" is the
 * Security Council's. Returns 1 and the segment, or 0. */
static int lost_opening(const struct block_list *bl, const enum bkind *kinds, struct seg *sg)
{
	size_t j = 0, headers = 0;
	const char *organ = NULL;
	for (; j < bl->n && j < 12; j++) {
		const struct block *b = &bl->v[j];
		if (kinds[j] == BK_EMPTY)
			continue;
		if (!build_meta_header_like(b))
			break;
		headers++;
		size_t k = lang_resolution_word(b->text, b->len);
		if (k && k + 1 < b->len && b->text[k] == ' ') {
			size_t rn = refs_resolution_number(b->text + k + 1, b->len - k - 1);
			if (rn && memchr(b->text + k + 1, '(', rn))
				organ = "Security Council";
		}
	}
	if (!headers || j >= bl->n || j >= 12 || kinds[j] != BK_TEXT)
		return 0;
	const struct block *b = &bl->v[j];
	size_t lead = lang_lead_len("en", b->text, b->len, 0);
	if (!lead || lead >= b->len || !isupper((unsigned char)b->text[0]))
		return 0;
	memset(sg, 0, sizeof *sg);
	sg->open = j;
	sg->comma = 1;
	sg->organ = organ;
	sg->end = bl->n;
	return 1;
}

/* Appends r to the collection (the sink of build_collection_first). */
static int collect(void *ctx, struct resolution *r)
{
	struct collection *col = ctx;
	col->docs[col->ndocs++] = r;
	return 0;
}

/* ---- building on several cores ----
 * A file of many resolutions is built by a small pool: the workers (and the caller's thread
 * when its next resolution is not ready) take the next segment to build; the caller hands the
 * resolutions to the sink in the document's order, and checks each one's footnotes into the
 * diagnostics then, as one thread would. A worker is at most POOL_AHEAD resolutions ahead of
 * the one handed over, so memory stays the file's and a few resolutions'. The builder keeps
 * no state between calls but what pthread_once or atomics guard (lang.c, fold.c, wrap.c).
 *
 * When the sink renders (parse.h: a command that only prints), the thread that built a
 * resolution also renders it to bytes, checks its footnotes into a diagnostics of its own and
 * frees it: the caller's thread only writes the bytes out. Nothing of a model crosses between
 * the cores then, and each thread frees what it allocated (glibc's arenas: a free on another
 * thread takes the builder's arena lock at every call). */

#define POOL_MAX_THREADS 8
#define POOL_MIN_SEGS 4          /* fewer resolutions: one thread */

struct pool {
	const struct block_list *bl;
	const enum bkind *kinds;
	const struct seg *segs;
	size_t nseg, n;              /* segments; how many to build */
	const struct parse_sink *sink;
	int render;                  /* the sink renders: the builders do */
	pthread_mutex_t mu;
	pthread_cond_t ready, space;
	/* Under mu. */
	size_t next;                 /* the next segment to build */
	size_t handed;               /* resolutions handed over so far */
	int quit;
	struct pool_slot {
		struct resolution *r;
		char *bytes;             /* rendered: what the sink prints for it */
		size_t nbytes;
		int items;
		struct parse_diag diag;  /* rendered: its footnotes' warnings */
		int done, oom, empty;    /* empty: no resolution came of the segment */
	} *slot;
	size_t ahead;                /* slots: how far the builders may run ahead */
};

/* Renders r into the slot and frees it, on the thread that built it. */
static void pool_render(struct pool *p, struct resolution *r, struct pool_slot *sl)
{
	memset(&sl->diag, 0, sizeof sl->diag);
	if (warn_missing(r, &sl->diag))
		sl->oom = 1;
	FILE *f = sl->oom ? NULL : open_memstream(&sl->bytes, &sl->nbytes);
	if (!f) {
		sl->oom = 1;
	} else {
		if (p->sink->render(p->sink->ctx, r, f, &sl->items))
			sl->oom = 1;
		if (fclose(f) != 0)
			sl->oom = 1;
	}
	res_free(r);
}

/* Builds segment k (outside the lock) into its slot. A worker's resolutions are adopted by
 * its home, so that they come back to it to be freed; what came back so far is freed first.
 * The slot is this builder's alone until it is marked done: the segment a slot held before
 * was handed over before `next` could reach k. */
static void pool_build(struct pool *p, size_t k, struct res_home *home)
{
	int oom = 0;
	res_home_drain(home);
	const struct res_meta *h = seg_hints(p->bl, p->segs, p->nseg, k);
	struct resolution *r = p->segs[k].decision ?
		build_decision(p->bl, p->kinds, &p->segs[k], h, &oom) :
		build_one(p->bl, p->kinds, &p->segs[k], h, &oom);
	struct pool_slot *sl = &p->slot[k % p->ahead];
	sl->oom = oom;
	sl->empty = !r;
	sl->r = NULL;
	if (r && p->render && !oom)
		pool_render(p, r, sl);
	else if (r) {
		res_home_adopt(home, r);
		sl->r = r;
	}
	pthread_mutex_lock(&p->mu);
	sl->done = 1;
	pthread_cond_broadcast(&p->ready);
	pthread_mutex_unlock(&p->mu);
}

struct pool_worker {
	struct pool *p;
	struct res_home *home;      /* NULL when none could be made: freed where handed over */
};

static void *pool_worker(void *arg)
{
	struct pool_worker *w = arg;
	struct pool *p = w->p;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->quit && p->next < p->n && p->next >= p->handed + p->ahead)
			pthread_cond_wait(&p->space, &p->mu);
		if (p->quit || p->next >= p->n)
			break;
		size_t k = p->next++;
		pthread_mutex_unlock(&p->mu);
		pool_build(p, k, w->home);
		pthread_mutex_lock(&p->mu);
	}
	pthread_mutex_unlock(&p->mu);
	res_home_drain(w->home);
	return NULL;
}

/* How many threads build n resolutions: the processors this process may run on, at most
 * POOL_MAX_THREADS; one for a few resolutions. */
static int pool_threads(size_t n)
{
	if (n < POOL_MIN_SEGS)
		return 1;
	long cpus = parse_cpus();
	if (cpus > POOL_MAX_THREADS)
		cpus = POOL_MAX_THREADS;
	if ((size_t)cpus > n)
		cpus = (long)n;
	return cpus > 1 ? (int)cpus : 1;
}

/* Hands slot sl's resolution (or its bytes) to the sink, in order, on the caller's thread. */
static void pool_hand(struct pool *p, struct pool_slot *sl, struct parse_diag *d, int *oom,
                      int *stop)
{
	if (sl->oom)
		*oom = 1;
	if (sl->r) {
		/* as one thread would: handed over even when out of memory, then no more */
		if (warn_missing(sl->r, d))
			*oom = 1;
		*stop = p->sink->each(p->sink->ctx, sl->r);
	} else if (!sl->empty && !sl->oom) {
		for (int w = 0; w < sl->diag.nwarnings; w++)
			parse_warn(d, "%s", sl->diag.warnings[w]);
		*stop = p->sink->emit(p->sink->ctx, sl->bytes, sl->nbytes, sl->items);
	}
	free(sl->bytes);
	sl->bytes = NULL;
	sl->nbytes = 0;
	sl->items = 0;
	sl->r = NULL;
	sl->done = 0;
}

/* The first n segments' resolutions handed to the sink in order, built by nthreads threads
 * (the caller's among them). Sets *oom and *stop as build_segments' own loop does; returns -1
 * when no thread could be started (nothing was built then). */
static int build_pooled(const struct block_list *bl, const enum bkind *kinds,
                        const struct seg *segs, size_t nseg, size_t n, int nthreads,
                        const struct parse_sink *sink, struct parse_diag *d, int *oom,
                        int *stop)
{
	struct pool *p = calloc(1, sizeof *p);
	if (!p)
		return -1;
	p->bl = bl;
	p->kinds = kinds;
	p->segs = segs;
	p->nseg = nseg;
	p->n = n;
	p->sink = sink;
	p->render = sink->render && sink->emit;
	p->ahead = (size_t)nthreads * 4;
	p->slot = calloc(p->ahead, sizeof *p->slot);
	if (!p->slot) {
		free(p);
		return -1;
	}
	pthread_t tid[POOL_MAX_THREADS];
	struct pool_worker wk[POOL_MAX_THREADS];
	int nt = 0;
	if (pthread_mutex_init(&p->mu, NULL) != 0) {
		free(p->slot);
		free(p);
		return -1;
	}
	if (pthread_cond_init(&p->ready, NULL) != 0) {
		pthread_mutex_destroy(&p->mu);
		free(p->slot);
		free(p);
		return -1;
	}
	if (pthread_cond_init(&p->space, NULL) != 0) {
		pthread_cond_destroy(&p->ready);
		pthread_mutex_destroy(&p->mu);
		free(p->slot);
		free(p);
		return -1;
	}
	while (nt < nthreads - 1) {
		/* a rendering pool frees each resolution where it was built: no home needed */
		wk[nt] = (struct pool_worker){ p, p->render ? NULL : res_home_open() };
		if (pthread_create(&tid[nt], NULL, pool_worker, &wk[nt]) != 0) {
			res_home_close(wk[nt].home);
			break;
		}
		nt++;
	}
	int r = 0;
	if (nt == 0) {
		r = -1;
		goto out;
	}
	pthread_mutex_lock(&p->mu);
	for (size_t k = 0; k < n && !*oom && !*stop; k++) {
		struct pool_slot *sl = &p->slot[k % p->ahead];
		while (!sl->done) {
			/* not ready: build the next segment here rather than wait idle */
			if (p->next < n && p->next < p->handed + p->ahead) {
				size_t j = p->next++;
				pthread_mutex_unlock(&p->mu);
				pool_build(p, j, NULL);
				pthread_mutex_lock(&p->mu);
			} else {
				pthread_cond_wait(&p->ready, &p->mu);
			}
		}
		pthread_mutex_unlock(&p->mu);
		pool_hand(p, sl, d, oom, stop);
		pthread_mutex_lock(&p->mu);
		p->handed++;
		pthread_cond_broadcast(&p->space);
	}
	p->quit = 1;
	pthread_cond_broadcast(&p->space);
	pthread_mutex_unlock(&p->mu);
	for (int t = 0; t < nt; t++)
		pthread_join(tid[t], NULL);
	/* what was built ahead of a stop */
	for (size_t i = 0; i < p->ahead; i++) {
		res_free(p->slot[i].r);
		free(p->slot[i].bytes);
	}
	/* the workers are gone: what comes back now is freed where it is let go */
	for (int t = 0; t < nt; t++)
		res_home_close(wk[t].home);
out:
	pthread_cond_destroy(&p->space);
	pthread_cond_destroy(&p->ready);
	pthread_mutex_destroy(&p->mu);
	free(p->slot);
	free(p);
	return r;
}

/* The segments' resolutions, at most max, each handed to the sink as soon as it is built.
 * The collection to free when out of memory: col when the sink is collect, else none. */
static int build_segments(const struct block_list *bl, size_t max, int *more,
                          const struct parse_sink *sink, struct collection *col,
                          struct parse_diag *d)
{
	if (more)
		*more = 0;
	enum bkind *kinds = malloc((bl->n ? bl->n : 1) * sizeof *kinds);
	struct seg *segs = NULL;
	long nseg = kinds ? find_segments(bl, kinds, &segs) : -1;
	int oom = nseg < 0, stop = 0;
	if (!oom && nseg == 0 && (segs = calloc(1, sizeof *segs)) != NULL
	    && lost_opening(bl, kinds, segs))
		nseg = 1;
	if (!oom && nseg == 0) {
		struct resolution *r = build_plain(bl, d, &oom);
		if (r && col && !(col->docs = malloc(sizeof *col->docs))) {
			res_free(r);
			oom = 1;
		} else if (r)
			stop = sink->each(sink->ctx, r);
	} else if (!oom) {
		if (col) {
			col->docs = calloc((size_t)nseg, sizeof *col->docs);
			oom = !col->docs;
		}
		if (more)
			*more = (size_t)nseg > max;
		size_t n = (size_t)nseg < max ? (size_t)nseg : max;
		int nthreads = pool_threads(n);
		size_t k = 0;
		if (nthreads > 1 && build_pooled(bl, kinds, segs, (size_t)nseg, n, nthreads, sink, d,
		                                 &oom, &stop) == 0)
			k = n;          /* built on several cores */
		for (; k < n && !oom && !stop; k++) {
			const struct res_meta *h = seg_hints(bl, segs, (size_t)nseg, k);
			struct resolution *r = segs[k].decision ?
				build_decision(bl, kinds, &segs[k], h, &oom) :
				build_one(bl, kinds, &segs[k], h, &oom);
			if (r && warn_missing(r, d))
				oom = 1;
			if (r)
				stop = sink->each(sink->ctx, r);
		}
	}
	free(kinds);
	free(segs);
	return oom ? -1 : stop ? 1 : 0;
}

int build_collection_sink(const struct block_list *bl, const struct parse_sink *sink,
                          struct parse_diag *d)
{
	return build_segments(bl, SIZE_MAX, NULL, sink, NULL, d);
}

int build_collection_first(const struct block_list *bl, size_t max, int *more,
                           struct collection **out, struct parse_diag *d)
{
	*out = NULL;
	struct collection *col = calloc(1, sizeof *col);
	struct parse_sink sink = { collect, NULL, NULL, col };
	if (!col || build_segments(bl, max, more, &sink, col, d) != 0) {
		collection_free(col);
		return -1;
	}
	*out = col;
	return 0;
}
