/* build.c: the structure builder. Blocks from any shape reader -> resolutions: preamble,
 * operative paragraphs with nested sub-paragraphs, parts with restarted numbering, annexes,
 * footnotes, then markers and cited documents (metadata: build-meta.c). A file holding several
 * resolutions gives several; a text without any structure gives plain paragraphs. One pass
 * per stage and no recursion, so huge inputs stay linear. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/blocks.h"
#include "doc/build.h"
#include "doc/lang.h"
#include "doc/refs.h"

/* What a block looks like on its own, before the builder knows where it stands. */
enum bkind {
	BK_TEXT, BK_EMPTY, BK_OPENING, BK_OPNUM, BK_SUB, BK_PART, BK_ANNEX, BK_MEETING, BK_VOTE,
	BK_DATE, BK_FOOTNOTE, BK_HEADING
};

/* ---- small string helpers ---- */

char *build_strndup(struct bstate *st, const char *s, size_t n)
{
	char *t = strndup(s, n);
	if (!t)
		st->oom = 1;
	return t;
}

char *build_printf(struct bstate *st, const char *fmt, ...)
{
	/* Ids and labels are short: formatted on the stack and copied once, where vasprintf
	 * allocated and then shrank (three of these run for every paragraph). */
	char buf[128];
	va_list ap, again;
	va_start(ap, fmt);
	va_copy(again, ap);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	char *s = NULL;
	if (n >= 0 && (size_t)n < sizeof buf) {
		if ((s = malloc((size_t)n + 1)))
			memcpy(s, buf, (size_t)n + 1);
	} else if (n < 0 || vasprintf(&s, fmt, again) < 0) {
		s = NULL;
	}
	if (!s)
		st->oom = 1;
	va_end(again);
	va_end(ap);
	return s;
}

void build_set_meta(struct bstate *st, char **field, const char *s, size_t n)
{
	if (*field || !s || !n)
		return;
	*field = build_strndup(st, s, n);
}

int build_starts(const char *s, size_t n, const char *w)
{
	/* the first byte before strlen and memcmp: most lines tried start otherwise */
	if (w[0] && (n == 0 || s[0] != w[0]))
		return 0;
	size_t k = strlen(w);
	return n >= k && memcmp(s, w, k) == 0;
}

const char *build_find(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, w, k) == 0)
			return s + i;
	return NULL;
}

/* ---- block classification ---- */

/* "12. Text": the number's length (digits), or 0. */
size_t build_opnum(const char *s, size_t n, size_t *skip)
{
	size_t i = 0;
	while (i < n && i < 7 && isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 || i >= n || s[0] == '0')
		return 0;
	/* "1." or the full-width "１．"-style period some CJK texts use, or "1 - " (Arabic). */
	size_t k = i;
	if (s[k] == '.')
		k++;
	else if (n - k > 3 && s[k] == ' ' && s[k + 1] == '-' && s[k + 2] == ' ')
		k += 2;
	else if (n - k > 5 && s[k] == ' ' && (unsigned char)s[k + 1] == 0xE2
	         && (unsigned char)s[k + 2] == 0x80 && (unsigned char)s[k + 3] == 0x93 && s[k + 4] == ' ')
		k += 4;
	else if (n - k >= 3 && (unsigned char)s[k] == 0xEF && (unsigned char)s[k + 1] == 0xBC
	         && (unsigned char)s[k + 2] == 0x8E)
		k += 3;
	else
		return 0;
	if (k < n && s[k] != ' ')
		return 0;
	while (k < n && s[k] == ' ')
		k++;
	*skip = k;
	return i;
}

static int roman_value(const char *s, size_t n)
{
	static const char *const r[] = { "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
		"xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii",
		"xxiii", "xxiv", "xxv", "xxvi", "xxvii", "xxviii", "xxix", "xxx", "xxxi", "xxxii",
		"xxxiii", "xxxiv", "xxxv", "xxxvi", "xxxvii", "xxxviii", "xxxix", "xl" };
	char w[8];
	if (n == 0 || n >= sizeof w)
		return 0;
	for (size_t i = 0; i < n; i++)
		w[i] = (char)tolower((unsigned char)s[i]);
	w[n] = '\0';
	for (int i = 0; i < 40; i++)
		if (strcmp(w, r[i]) == 0)
			return i + 1;
	return 0;
}

/* Arabic sub-paragraph letters, in the order UN texts use them ((أ) = (a), (ب) = (b) ...). */
static const char *const abjad[] = { "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك",
	"ل", "م", "ن", "س", "ع", "ف", "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ", NULL };

/* Length of the Arabic sub-paragraph letter at s, or 0; *value gets its rank when asked. */
static size_t arabic_rank(const char *s, size_t n, int *value)
{
	size_t best = 0;
	if (n == 0 || (unsigned char)s[0] < 0x80)
		return 0;           /* every letter starts with a non-ASCII byte: "(a)" is out */
	for (int i = 0; abjad[i]; i++) {
		size_t k = strlen(abjad[i]);
		if (k <= n && k > best && memcmp(s, abjad[i], k) == 0 && (k == n || s[k] == ')')) {
			best = k;
			if (value)
				*value = i + 1;
		}
	}
	/* (هـ) is also printed with a bare heh, or its presentation form (U+FEEB) */
	static const char *const heh[] = { "\xD9\x87", "\xEF\xBB\xAB", NULL };
	for (int i = 0; heh[i] && !best; i++) {
		size_t k = strlen(heh[i]);
		if (k <= n && memcmp(s, heh[i], k) == 0 && (k == n || s[k] == ')')) {
			best = k;
			if (value)
				*value = 5;
		}
	}
	return best;
}

static size_t arabic_letter(const char *s, size_t n)
{
	return arabic_rank(s, n, NULL);
}

/* "(a) Text", "(ii) Text", "(1) Text", "(A) Text": the label (without parentheses) in
 * lab/labn and the bytes to skip, or 0. Also "a) Text" as French and Spanish print it. */
size_t build_submark(const char *s, size_t n, const char **lab, size_t *labn)
{
	size_t i = 0;
	if (n && s[0] == '(')
		i = 1;
	size_t b = i;
	if (b == 1 && arabic_letter(s + 1, n - 1)) {
		/* "(أ)", "(هـ)": Arabic letters in the abjad order. */
		size_t k = 1 + arabic_letter(s + 1, n - 1);
		if (k + 1 < n && s[k] == ')' && s[k + 1] == ' ') {
			*lab = s + 1;
			*labn = k - 1;
			k++;
			while (k < n && s[k] == ' ')
				k++;
			return k < n ? k : 0;
		}
		return 0;
	}
	while (i < n && i - b < 7 && isalnum((unsigned char)s[i]))
		i++;
	if (i == b || i >= n || s[i] != ')')
		return 0;
	size_t ln = i - b;
	int digits = 1, lower = 1, upper = 1;
	for (size_t k = b; k < i; k++) {
		digits &= isdigit((unsigned char)s[k]) != 0;
		lower &= islower((unsigned char)s[k]) != 0;
		upper &= isupper((unsigned char)s[k]) != 0;
	}
	if (!(digits && ln <= 2) && !(lower && (ln <= 2 || roman_value(s + b, ln)))
	    && !(upper && ln == 1))
		return 0;
	if (b == 0 && !lower)
		return 0;           /* "1) " alone is too common in running text */
	size_t k = i + 1;
	if (k < n && s[k] != ' ')
		return 0;
	while (k < n && s[k] == ' ')
		k++;
	if (k >= n)
		return 0;
	*lab = s + b;
	*labn = ln;
	return k;
}

/* A heading inside an annex: "I. General provisions", "A. Scope" (short, no final period),
 * or an article of an annexed agreement ("Article 12", "Article premier", "Artículo 3"). */
static int heading(const char *s, size_t n)
{
	static const char *const articles[] = { "Article ", "Artículo ", "Статья ", NULL };
	for (size_t a = 0; articles[a]; a++) {
		size_t k = strlen(articles[a]);
		if (n > k && n <= k + 8 && build_starts(s, n, articles[a])
		    && (isdigit((unsigned char)s[k]) || strcmp(s + k, "premier") == 0)) {
			size_t e = k;
			while (e < n && isalnum((unsigned char)s[e]))
				e++;
			if (e == n)
				return 1;
		}
	}
	size_t i = 0;
	while (i < n && i < 6 && (strchr("IVXLC", s[i]) || (i == 0 && isupper((unsigned char)s[i]))))
		i++;
	if (i == 0 || i + 1 >= n || s[i] != '.' || s[i + 1] != ' ')
		return 0;
	return n < 120 && s[n - 1] != ';' && s[n - 1] != ',';
}

int build_date_line(const char *s, size_t n)
{
	char d[11];
	size_t k = lang_parse_date(s, n, d);
	return k && n - k <= 1;
}

static int footnote_line(const char *s, size_t n, int *num)
{
	size_t i = 0;
	while (i < n && i < 4 && isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 || s[0] == '0' || i + 1 >= n || s[i] != ' ')
		return 0;
	unsigned char c = (unsigned char)s[i + 1];
	if (isdigit(c) || c == '(' || c == '-')
		return 0;
	if (build_date_line(s, n))
		return 0;
	/* "22 December 2003 ..." is a date, not footnote 22. */
	char d[11];
	if (lang_parse_date(s, n, d))
		return 0;
	*num = atoi(s);
	return 1;
}

static int vote_line(const char *s, size_t n)
{
	/* "[Adopted without a vote.]", "[Adopted by a recorded vote of 28 to 13 ...]" (Human
	 * Rights Council and Economic and Social Council) */
	if (build_starts(s, n, "[Adopted ") || build_starts(s, n, "[Adoptée ")
	    || build_starts(s, n, "[Aprobada "))
		return 1;
	return (build_starts(s, n, "Adopted ") && build_find(s, n, "meeting") && !build_starts(s, n, "Adopted by the"))
	    || (build_starts(s, n, "Adopted unanimously"));
}

/* "The Human Rights Council,", "The Economic and Social Council,": the opening of another
 * organ's resolution, in English (the six-language table in lang.c covers the Assembly and
 * the Security Council). Returns its length, 0 if it is not one. */
static size_t other_organ_opening(const char *s, size_t n)
{
	static const char *const heads[] = { "Council,", "Assembly,", "Commission,", "Conference,",
		"Committee,", "Board,", "Forum,", NULL };
	if (n < 10 || n > 80 || !build_starts(s, n, "The ") || s[n - 1] != ',')
		return 0;
	for (size_t i = 4; i < n; i++) {
		/* Every word capitalised, or one of the small words of organ names. */
		if (i == 4 || s[i - 1] == ' ') {
			if (!isupper((unsigned char)s[i]) && !build_starts(s + i, n - i, "and ")
			    && !build_starts(s + i, n - i, "of ") && !build_starts(s + i, n - i, "on ")
			    && !build_starts(s + i, n - i, "for "))
				return 0;
		}
	}
	for (size_t k = 0; heads[k]; k++) {
		size_t hl = strlen(heads[k]);
		if (n > hl && memcmp(s + n - hl, heads[k], hl) == 0)
			return n;
	}
	return 0;
}

static enum bkind classify(const struct block *b, int *opening_len, int *comma,
                           const char **organ)
{
	const char *s = b->text;
	size_t n = b->len, skip;
	const char *lab;
	size_t labn;
	int num;
	if (n == 0)
		return BK_EMPTY;
	if (b->zone == ZONE_FOOTNOTE)
		return BK_FOOTNOTE;
	size_t ol = lang_opening(s, n, organ, comma);
	if (!ol && (ol = other_organ_opening(s, n)) != 0) {
		*organ = NULL;       /* named from the block by build_one */
		*comma = 1;
	}
	/* Without its comma the opening must stand alone: "The General Assembly decides ..."
	 * inside a text is a sentence, not a new resolution. */
	if (ol && (*comma || ol >= n - 1)) {
		*opening_len = (int)ol;
		return BK_OPENING;
	}
	if (build_opnum(s, n, &skip))
		return BK_OPNUM;
	if (build_submark(s, n, &lab, &labn))
		return BK_SUB;
	/* "B" or "IV" on a line of its own: a part (or a section of an omnibus resolution). */
	if ((n == 1 && isupper((unsigned char)s[0])) || (n <= 6 && strspn(s, "IVXLC") == n))
		return BK_PART;
	size_t aw = lang_annex_word(s, n);
	if (aw && aw < n && (unsigned char)s[aw] >= 0x80 && n - aw <= 9)
		return BK_ANNEX;                     /* "附件一" */
	size_t an = n;
	while (an > aw && s[an - 1] == '*')
		an--;                                /* "Annex*": a note on the annex's language */
	if (aw && an < 40 && (aw == an || s[aw] == ' ')) {
		size_t k = aw;
		while (k < an && s[k] == ' ')
			k++;
		size_t e = k;
		while (e < an && (isalnum((unsigned char)s[e]) || s[e] == '.'))
			e++;
		if (e == an)
			return BK_ANNEX;
	}
	/* "Annex B Goods Review List procedures": the label and the title in one block. */
	if (aw && n < 200 && aw < n && s[aw] == ' ') {
		size_t k = aw + 1, e = k;
		while (e < n && (isupper((unsigned char)s[e]) || isdigit((unsigned char)s[e])))
			e++;
		if (e > k && e - k <= 6 && e + 1 < n && s[e] == ' ' && isupper((unsigned char)s[e + 1])
		    && s[n - 1] != ';' && s[n - 1] != ',' && s[n - 1] != '.')
			return BK_ANNEX;
	}
	if (lang_is_meeting_line(s, n))
		return BK_MEETING;
	if (vote_line(s, n))
		return BK_VOTE;
	if (build_date_line(s, n))
		return BK_DATE;
	if (footnote_line(s, n, &num))
		return BK_FOOTNOTE;
	if (heading(s, n))
		return BK_HEADING;
	return BK_TEXT;
}

/* ---- paragraphs ---- */

static int add(struct bstate *st, enum para_kind kind, const char *text, size_t len, char *id,
               char *label, char *num)
{
	/* Whatever the numbering did, an id is never given twice (issue 18). */
	if (id && !st->oom && idset_claim(&st->ids, &id) < 0)
		st->oom = 1;
	int i = res_add_para(st->res, kind);
	if (i < 0 || !id || !label || st->oom) {
		st->oom = 1;
		free(id);
		free(label);
		free(num);
		return -1;
	}
	struct para *p = &st->res->paras[i];
	p->id = id;
	p->label = label;
	p->num = num;
	p->text = build_strndup(st, text, len);
	p->text_len = p->text ? len : 0;
	p->part = st->part;
	p->annex = st->annex;
	st->last = i;
	return i;
}

/* Appends text to paragraph i (a paragraph broken by a page or a blank line). */
static void append(struct bstate *st, int i, const char *text, size_t len)
{
	struct para *p = &st->res->paras[i];
	char *t = realloc(p->text, p->text_len + len + 2);
	if (!t) {
		st->oom = 1;
		return;
	}
	t[p->text_len] = ' ';
	memcpy(t + p->text_len + 1, text, len);
	p->text_len += len + 1;
	t[p->text_len] = '\0';
	p->text = t;
}

static const char *part_prefix(struct bstate *st)
{
	return st->part >= 0 ? st->res->parts[st->part].id : NULL;
}

static const char *part_label(struct bstate *st)
{
	return st->part >= 0 ? st->res->parts[st->part].label : NULL;
}

int build_preamble(struct bstate *st, const char *s, size_t n)
{
	int k = ++st->npp;
	const char *pp = part_prefix(st);
	char *id = pp ? build_printf(st, "%s.pp%d", pp, k) : build_printf(st, "pp%d", k);
	char *label = pp ? build_printf(st, "Part %s, PP %d", part_label(st), k) : build_printf(st, "PP %d", k);
	int i = add(st, PARA_PREAMBLE, s, n, id, label, NULL);
	st->top = i;
	st->depth = 0;
	return i;
}

int build_operative(struct bstate *st, const char *num, size_t numlen, const char *s,
                         size_t n)
{
	int v = num ? atoi(num) : st->last_opnum + 1;
	/* Printed numbers that go backwards (OCR) would repeat an id: count on instead. */
	if (v <= st->last_opnum)
		v = st->last_opnum + 1;
	st->last_opnum = v;
	const char *pp = part_prefix(st);
	char *id = pp ? build_printf(st, "%s.op%d", pp, v) : build_printf(st, "op%d", v);
	char *label = pp ? build_printf(st, "Part %s, OP %d", part_label(st), v) : build_printf(st, "OP %d", v);
	char *nums = num ? build_printf(st, "%.*s", (int)numlen, num) : NULL;
	int i = add(st, PARA_OPERATIVE, s, n, id, label, nums);
	st->top = i;
	st->depth = 0;
	st->in_ops = 1;
	return i;
}

static const char *annex_label(struct bstate *st)
{
	return st->res->annexes[st->annex].label;
}

int build_annex_para(struct bstate *st, enum para_kind kind, const char *num, size_t numlen,
                          const char *s, size_t n)
{
	const char *aid = st->res->annexes[st->annex].id;
	char *id, *label, *nums = NULL;
	if (kind == PARA_ANNEX_HEADING) {
		int k = ++st->nann_h;
		id = build_printf(st, "%s.h%d", aid, k);
		label = build_printf(st, "%s, heading %d", annex_label(st), k);
	} else if (num) {
		/* A list that starts again ("Chemical Section: (1) ... Biological Section: (1)")
		 * gets its own id space so ids stay unique. */
		if (isdigit((unsigned char)num[0])) {
			int v = atoi(num);
			if (v <= st->ann_last)
				st->ann_list++;
			st->ann_last = v;
		}
		if (st->ann_list)
			id = build_printf(st, "%s.l%d.p%.*s", aid, st->ann_list + 1, (int)numlen, num);
		else
			id = build_printf(st, "%s.p%.*s", aid, (int)numlen, num);
		label = build_printf(st, "%s, para. %.*s", annex_label(st), (int)numlen, num);
		nums = build_printf(st, "%.*s", (int)numlen, num);
	} else {
		int k = ++st->nann_t;
		id = build_printf(st, "%s.t%d", aid, k);
		label = build_printf(st, "%s, text %d", annex_label(st), k);
	}
	int i = add(st, kind, s, n, id, label, nums);
	st->top = num ? i : -1;
	st->top_style = -1;
	/* A sentence that announces a list ("... when:") holds the (a), (b) that follow. */
	if (!num && kind == PARA_ANNEX && n > 60 && s[n - 1] == ':')
		st->top = i;
	st->depth = 0;
	return i;
}

/* Value of a sub-paragraph label in one style, 0 if it cannot be read in that style. */
static int style_value(enum sstyle style, const char *l, size_t n)
{
	int rank = 0;
	switch (style) {
	case ST_LETTER:
		if ((unsigned char)l[0] >= 0x80 && arabic_rank(l, n, &rank) == n)
			return rank;
		if (n == 1 && islower((unsigned char)l[0]))
			return l[0] - 'a' + 1;
		if (n == 2 && l[0] == l[1] && islower((unsigned char)l[0]))
			return 26 + l[0] - 'a' + 1;           /* (aa) after (z) */
		return 0;
	case ST_ROMAN:
		return islower((unsigned char)l[0]) ? roman_value(l, n) : 0;
	case ST_DIGIT:
		return isdigit((unsigned char)l[0]) ? atoi(l) : 0;
	case ST_UPPER:
		return n == 1 && isupper((unsigned char)l[0]) ? l[0] - 'A' + 1 : 0;
	}
	return 0;
}

/* Places a sub-paragraph "(x)" in the nesting: a continuation of the innermost level that
 * expects it ("(i)" after "(h)" is a letter), else a new nested level when x is a first item
 * ("(i)" under "(a)" is a numeral), else a sibling at the innermost level. `ocr_roman` says
 * "(1)" is an OCR slip for "(i)" (the next label is "(ii)"). Returns the level. */
static int sub_level(struct bstate *st, const char *l, size_t n, int ocr_roman, int *value,
                     enum sstyle *style)
{
	for (int d = st->depth - 1; d >= 0; d--) {
		int v = style_value(st->lv[d].style, l, n);
		if (ocr_roman && st->lv[d].style == ST_ROMAN)
			v = 1;
		if (v && v == st->lv[d].last + 1) {
			*value = v;
			*style = st->lv[d].style;
			return d;
		}
	}
	static const enum sstyle order[] = { ST_LETTER, ST_ROMAN, ST_DIGIT, ST_UPPER };
	for (size_t k = 0; k < 4; k++) {
		enum sstyle s = order[k];
		int v = ocr_roman ? (s == ST_ROMAN) : style_value(s, l, n);
		if (v != 1)
			continue;
		/* "(i)" starts a roman level unless a letter level is open and waiting for "(i)"
		 * (handled above); at top level "(i)" is a numeral too. */
		if (s == ST_LETTER && n == 1 && l[0] == 'i')
			continue;
		if (st->depth >= MAX_DEPTH)
			break;
		*value = 1;
		*style = s;
		return st->depth;
	}
	/* A gap or an OCR slip: stay a sibling at the innermost level. */
	int d = st->depth > 0 ? st->depth - 1 : 0;
	*style = st->depth > 0 ? st->lv[d].style : ST_LETTER;
	int v = style_value(*style, l, n);
	*value = v ? v : (st->depth > 0 ? st->lv[d].last + 1 : 1);
	return d;
}

/* Adds sub-paragraph "(l)" at nesting level d, under the top paragraph (d = 0) or the open
 * item of level d - 1, and closes the levels below it. */
static int sub_at(struct bstate *st, int d, int value, enum sstyle style, const char *l,
                  size_t ln, int ocr_roman, const char *s, size_t n)
{
	int parent = d == 0 ? st->top : st->lv[d - 1].para;
	if (parent < 0)
		return -1;
	char lab[16];
	if (ocr_roman)
		snprintf(lab, sizeof lab, "i");
	else if ((unsigned char)l[0] >= 0x80 && value >= 1 && value <= 26)
		snprintf(lab, sizeof lab, "%c", 'a' + value - 1);   /* ids are shared by all languages */
	else
		snprintf(lab, sizeof lab, "%.*s", (int)(ln < 8 ? ln : 8), l);
	const struct para *pp = &st->res->paras[parent];
	/* A repeated label (an OCR slip, "(9)" twice) must not repeat an id. */
	if (d < st->depth && st->res->paras[st->lv[d].para].num
	    && strcmp(st->res->paras[st->lv[d].para].num, lab) == 0)
		snprintf(lab + strlen(lab), sizeof lab - strlen(lab), "-%d", st->lv[d].last + 1);
	char *id = build_printf(st, "%s.%s", pp->id, lab);
	char *label = build_printf(st, "%s (%s)", pp->label, lab);
	/* num keeps the letter as printed ("ب"); id and label use the shared Latin one. */
	char *num = (unsigned char)l[0] >= 0x80 ? build_strndup(st, l, ln) : build_strndup(st, lab, strlen(lab));
	int depth = pp->depth + 1;
	int i = add(st, PARA_SUB, s, n, id, label, num);
	if (i < 0)
		return -1;
	st->res->paras[i].parent = parent;
	st->res->paras[i].depth = depth;
	st->lv[d].style = style;
	st->lv[d].last = value;
	st->lv[d].para = i;
	st->depth = d + 1;
	return i;
}

int build_sub(struct bstate *st, const char *l, size_t ln, int ocr_roman, const char *s,
              size_t n)
{
	int value;
	enum sstyle style;
	int d = sub_level(st, l, ln, ocr_roman, &value, &style);
	return sub_at(st, d, value, style, l, ln, ocr_roman, s, n);
}

int build_sub_at(struct bstate *st, int d, const char *l, size_t ln, const char *s, size_t n)
{
	if (d > st->depth)
		d = st->depth;
	if (d >= MAX_DEPTH)
		d = MAX_DEPTH - 1;       /* deeper stays a sibling, as in the text */
	if (d < 0 || ln == 0)
		return -1;
	/* An item the markup sets a level deeper though its label goes on with the level above
	 * ("(iii)" after "(ii)", under a line set between them) stands where the page has it. */
	if (d > 0 && d == st->depth) {
		int first = 0;
		for (int k = ST_LETTER; k <= ST_UPPER; k++)
			first |= style_value((enum sstyle)k, l, ln) == 1;
		if (!first && style_value(st->lv[d - 1].style, l, ln) == st->lv[d - 1].last + 1)
			d--;
	}
	/* The label's style: the level's own when the label reads in it ("(i)" after "(h)"),
	 * else the first it reads in. */
	enum sstyle style = ST_LETTER;
	int value = 0;
	if (d < st->depth && (value = style_value(st->lv[d].style, l, ln)) != 0)
		style = st->lv[d].style;
	for (int k = ST_LETTER; k <= ST_UPPER && !value; k++)
		if ((value = style_value((enum sstyle)k, l, ln)) != 0)
			style = (enum sstyle)k;
	if (!value)
		value = d < st->depth ? st->lv[d].last + 1 : 1;
	return sub_at(st, d, value, style, l, ln, 0, s, n);
}

int build_item(struct bstate *st, const char *lab, size_t labn, int ocr_roman, const char *s,
               size_t n)
{
	if (st->annex >= 0 && (st->top < 0
	    || (st->top_style >= 0
	        && style_value((enum sstyle)st->top_style, lab, labn) == st->top_value + 1))) {
		/* "(1)", "(2)" ... as the annex's own list: top-level items. */
		int style = -1, v = 0;
		for (int k = ST_LETTER; k <= ST_UPPER && style < 0; k++) {
			int kv = style_value((enum sstyle)k, lab, labn);
			if (kv && (st->top_style != k || kv == st->top_value + 1)) {
				style = k;
				v = kv;
			}
		}
		int i = build_annex_para(st, PARA_ANNEX, lab, labn, s, n);
		st->top_style = style;
		st->top_value = v;
		return i;
	}
	if (st->top < 0)
		return -1;
	return build_sub(st, lab, labn, ocr_roman, s, n);
}

/* Unnumbered text inside the operative part or under a numbered paragraph (a quoted passage,
 * "Note: ..."): kept as its own item under the current paragraph. */
int build_inner_text(struct bstate *st, const char *s, size_t n)
{
	int parent = st->depth > 0 ? st->lv[st->depth - 1].para : st->top;
	if (parent < 0)
		return -1;
	const struct para *pp = &st->res->paras[parent];
	if (st->inner_parent != parent) {
		/* Back to a paragraph that has text items already (an item of its own came
		 * between): count on from them, so no id repeats. */
		st->inner_parent = parent;
		st->ninner = 0;
		for (size_t j = st->res->npara; j-- > (size_t)parent + 1;)
			st->ninner += st->res->paras[j].parent == parent && !st->res->paras[j].num;
	}
	int k = ++st->ninner;
	char *id = build_printf(st, "%s.t%d", pp->id, k);
	char *label = build_printf(st, "%s, text %d", pp->label, k);
	int depth = pp->depth + 1;
	int i = add(st, PARA_SUB, s, n, id, label, NULL);
	if (i >= 0) {
		st->res->paras[i].parent = parent;
		st->res->paras[i].depth = depth;
	}
	return i;
}

/* A part ("B", "IV"): its numbering of preambular and operative paragraphs starts again, and
 * its ids carry its letter ("b.op2"). Its heading may follow (build_part_title). */
void build_part(struct bstate *st, const char *s, size_t n)
{
	struct resolution *res = st->res;
	if (res->nparts == st->parts_cap) {
		size_t cap = st->parts_cap ? st->parts_cap * 2 : 4;
		struct res_part *np = realloc(res->parts, cap * sizeof *np);
		if (!np) {
			st->oom = 1;
			return;
		}
		res->parts = np;
		st->parts_cap = cap;
	}
	struct res_part *pt = &res->parts[res->nparts];
	pt->label = build_strndup(st, s, n);
	pt->id = build_strndup(st, s, n);
	for (size_t k = 0; pt->id && k < n; k++)
		pt->id[k] = (char)tolower((unsigned char)pt->id[k]);
	/* A label seen before ("A" twice) gets a numbered id so ids stay unique; past a
	 * few dozen parts every id is numbered rather than compared. */
	int seen = res->nparts >= 64;
	for (size_t k = 0; k < res->nparts && !seen && pt->id; k++)
		seen = strcmp(res->parts[k].id, pt->id) == 0;
	if (seen && pt->id) {
		char *nid = build_printf(st, "%s%zu", pt->id, res->nparts + 1);
		free(pt->id);
		pt->id = nid;
	}
	pt->title = NULL;
	st->want_part_title = 1;
	st->part = (int)res->nparts++;
	st->npp = 0;
	st->last_opnum = 0;
	st->top = -1;
	st->depth = 0;
	st->in_ops = 0;
}

void build_part_title(struct bstate *st, const char *s, size_t n)
{
	if (st->part >= 0 && !st->res->parts[st->part].title)
		st->res->parts[st->part].title = build_strndup(st, s, n);
	st->want_part_title = 0;
}

/* An annex: "Annex", "Annex II", "Annex B Goods Review List procedures" (the label is the annex
 * word and its letter; anything after is the title, else the next block may be). */
void build_annex(struct bstate *st, const char *s, size_t n)
{
	struct resolution *res = st->res;
	if (res->nannexes == st->annexes_cap) {
		size_t cap = st->annexes_cap ? st->annexes_cap * 2 : 4;
		struct res_annex *na = realloc(res->annexes, cap * sizeof *na);
		if (!na) {
			st->oom = 1;
			return;
		}
		res->annexes = na;
		st->annexes_cap = cap;
	}
	struct res_annex *a = &res->annexes[res->nannexes];
	a->id = build_printf(st, "annex%zu", res->nannexes + 1);
	size_t ln = lang_annex_word(s, n);
	while (ln < n && s[ln] == ' ')
		ln++;
	while (ln < n && s[ln] != ' ')
		ln++;
	size_t labl = ln;
	while (labl > 1 && s[labl - 1] == '*')
		labl--;
	a->label = build_strndup(st, s, labl);
	a->title = NULL;
	size_t t = ln;
	while (t < n && s[t] == ' ')
		t++;
	st->annex = (int)res->nannexes++;
	st->part = -1;
	st->nann_h = st->nann_t = st->ann_last = st->ann_list = 0;
	char *id = a->id ? strdup(a->id) : NULL;
	char *label = a->label ? strdup(a->label) : NULL;
	add(st, PARA_ANNEX_TITLE, s + t, n - t, id, label, NULL);
	st->top = -1;
	st->depth = 0;
	st->want_annex_title = t >= n;
	if (t < n)
		a->title = build_strndup(st, s + t, n - t);
}

void build_annex_title(struct bstate *st, const char *s, size_t n)
{
	struct res_annex *a = &st->res->annexes[st->annex];
	free(a->title);
	a->title = build_strndup(st, s, n);
	struct para *p = &st->res->paras[st->last];
	free(p->text);
	p->text = build_strndup(st, s, n);
	p->text_len = p->text ? n : 0;
	st->want_annex_title = 0;
}

/* A heading: in an annex, annex1.h2 with the whole line as its text ("I. General provisions");
 * between operative paragraphs whose numbering runs on under it, h2 (b.h2 in part B) with its
 * number ("I", "A") apart from its title. */
int build_heading(struct bstate *st, const char *num, size_t numlen, const char *s, size_t n)
{
	if (st->annex >= 0)
		return build_annex_para(st, PARA_ANNEX_HEADING, NULL, 0, s, n);
	int k = ++st->nhead;
	const char *pp = part_prefix(st);
	char *id = pp ? build_printf(st, "%s.h%d", pp, k) : build_printf(st, "h%d", k);
	char *label = pp ? build_printf(st, "Part %s, heading %d", part_label(st), k)
	                 : build_printf(st, "Heading %d", k);
	char *nums = num && numlen ? build_strndup(st, num, numlen) : NULL;
	int i = add(st, PARA_ANNEX_HEADING, s, n, id, label, nums);
	st->top = -1;
	st->depth = 0;
	return i;
}

/* A plain numbered paragraph (p5) of a text whose structure is not a resolution's: a
 * decision, a statement by the President of the Security Council. */
int build_plain_para(struct bstate *st, const char *s, size_t n)
{
	int k = ++st->nplain;
	return add(st, PARA_PLAIN, s, n, build_printf(st, "p%d", k), build_printf(st, "Para %d", k),
	           build_printf(st, "%d", k));
}

/* ---- footnotes ---- */

/* "(1) text": a footnote numbered in parentheses, as Arabic texts print them. */
static int paren_num(const char *s, size_t n)
{
	size_t i = 1;
	while (i < n && i < 6 && isdigit((unsigned char)s[i]))
		i++;
	return n > 3 && s[0] == '(' && i > 1 && s[1] != '0' && i + 1 < n && s[i] == ')'
	    && s[i + 1] == ' ';
}

int build_footnote(struct bstate *st, int num, const char *s, size_t n)
{
	/* A number printed twice (an extraction slip) must not repeat an id. */
	char *id = num > st->last_fn ? build_printf(st, "fn%d", num) : build_printf(st, "fn%d-%zu", num, st->res->npara);
	if (num > st->last_fn)
		st->last_fn = num;
	char *label = build_printf(st, "Footnote %d", num);
	char *nums = build_printf(st, "%d", num);
	int k = add(st, PARA_FOOTNOTE, s, n, id, label, nums);
	if (k >= 0) {
		st->res->paras[k].part = -1;      /* footnotes belong to the whole resolution */
		st->res->paras[k].annex = -1;
	}
	st->top = -1;
	return k;
}

/* "16 text" or "(16) text": the footnote's number, then its text. */
static int add_footnote(struct bstate *st, const char *s, size_t n)
{
	size_t i = s[0] == '(';
	int num = atoi(s + i);
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	if (i < n && s[i] == ')' && s[0] == '(')
		i++;
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
			add_footnote(st, s, n);
			return;
		}
		int num = atoi(s);
		char want[16];
		int wl = snprintf(want, sizeof want, " %d ", num + 1);
		const char *cut = NULL;
		for (size_t i = 1; i + (size_t)wl < n; i++) {
			if (s[i] == ' ' && memcmp(s + i, want, (size_t)wl) == 0
			    && isupper((unsigned char)s[i + (size_t)wl])) {
				cut = s + i;
				break;
			}
		}
		size_t len = cut ? (size_t)(cut - s) : n;
		if (add_footnote(st, s, len) < 0)
			return;
		if (!cut)
			break;
		s = cut + 1;
		n -= len + 1;
	}
}

/* "1." or "(a)" standing alone, as some extractions leave a paragraph's number. */
static int bare_number(const char *s, size_t n)
{
	size_t i = s[0] == '(';
	size_t b = i;
	while (i < n && i - b < 6 && isalnum((unsigned char)s[i]))
		i++;
	if (i == b || i + 1 != n)
		return 0;
	return s[0] == '(' ? s[i] == ')' : (s[i] == '.' && isdigit((unsigned char)s[0]));
}

/* ---- one resolution ---- */

struct seg {
	size_t head, open, end;      /* header from head, opening block, blocks up to end */
	int open_len, comma;
	const char *organ;
	int decision;                /* open is a decision's "79/560. Title" block */
};

static void body_block(struct bstate *st, const struct block *b, enum bkind kind,
                       const char *s, size_t n)
{
	struct resolution *res = st->res;
	size_t skip;
	const char *lab;
	size_t labn;
	char date[11];
	int want_title = st->want_part_title;
	st->want_part_title = 0;
	if (st->vote_open && kind != BK_TEXT)
		st->vote_open = 0;          /* an annex or a heading: the list was over */
	if (st->vote_open && res->meta.vote) {
		/* "In favour: ...", "Against: ...", "Abstaining: ...]": the recorded vote goes on */
		int close = n && s[n - 1] == ']';
		size_t k = strlen(res->meta.vote), add_n = n - (size_t)close;
		char *v = realloc(res->meta.vote, k + add_n + 2);
		if (!v) {
			st->oom = 1;
			return;
		}
		v[k] = ' ';
		memcpy(v + k + 1, s, add_n);
		v[k + 1 + add_n] = '\0';
		res->meta.vote = v;
		st->vote_open = !close;
		return;
	}
	if (kind == BK_TEXT || kind == BK_FOOTNOTE || kind == BK_HEADING) {
		/* The heading under "B": short, capitalised, not a sentence of the preamble. */
		if (want_title && st->part >= 0 && n < 200 && !islower((unsigned char)s[0])
		    && !strchr(",;:", s[n - 1])) {
			build_part_title(st, s, n);
			return;
		}
		if (kind == BK_HEADING && st->annex >= 0 && !st->want_annex_title) {
			build_annex_para(st, PARA_ANNEX_HEADING, NULL, 0, s, n);
			return;
		}
		if (st->want_annex_title && st->annex >= 0 && n < 300) {
			build_annex_title(st, s, n);
			return;
		}
		st->want_annex_title = 0;
		/* "(a) ...; (b) ...;" then "and to share ...": the paragraph goes on after its
		 * list, so the text belongs to the paragraph, after its items */
		if (st->last >= 0 && islower((unsigned char)s[0]) && st->top >= 0 && st->depth > 0
		    && res->paras[st->last].kind == PARA_SUB && res->paras[st->last].num
		    && res->paras[st->last].text_len
		    && res->paras[st->last].text[res->paras[st->last].text_len - 1] == ';') {
			st->depth = 0;
			if (build_inner_text(st, s, n) >= 0)
				return;
		}
		if (st->last >= 0 && islower((unsigned char)s[0])
		    && res->paras[st->last].kind != PARA_ANNEX_TITLE) {
			append(st, st->last, s, n);
			return;
		}
		if (st->annex >= 0)
			build_annex_para(st, PARA_ANNEX, NULL, 0, s, n);
		else if (st->unnumbered_op) {
			build_operative(st, NULL, 0, s, n);
			st->unnumbered_op = 0;
		} else if (st->in_ops || st->after_meeting) {
			if (build_inner_text(st, s, n) < 0)
				build_preamble(st, s, n);
		} else
			build_preamble(st, s, n);
		return;
	}
	st->want_annex_title = 0;
	switch (kind) {
	case BK_OPNUM: {
		size_t dn = build_opnum(s, n, &skip);
		if (st->annex >= 0)
			build_annex_para(st, PARA_ANNEX, s, dn, s + skip, n - skip);
		else
			build_operative(st, s, dn, s + skip, n - skip);
		break;
	}
	case BK_SUB: {
		skip = build_submark(s, n, &lab, &labn);
		/* "(1)" where "(ii)" follows is "(i)" misread. */
		int ocr = 0;
		if (labn == 1 && lab[0] == '1' && (st->depth == 0 || st->lv[st->depth - 1].style != ST_DIGIT)) {
			const struct block *nb = b + 1;
			for (int k = 0; k < 4 && nb < st->bend; k++, nb++) {
				const char *l2;
				size_t n2;
				if (build_submark(nb->text, nb->len, &l2, &n2)) {
					ocr = n2 == 2 && memcmp(l2, "ii", 2) == 0;
					break;
				}
			}
		}
		if (build_item(st, lab, labn, ocr, s + skip, n - skip) < 0) {
			if (st->oom)
				break;
			build_preamble(st, s, n);
		}
		break;
	}
	case BK_PART:
		if (st->annex >= 0)
			build_annex_para(st, PARA_ANNEX, NULL, 0, s, n);
		else
			build_part(st, s, n);
		break;
	case BK_ANNEX:
		build_annex(st, s, n);
		break;
	case BK_MEETING: {
		/* "2112th plenary meeting," or "2112th plenary meeting, 18 December 1972." */
		size_t m = n;
		const char *comma = memchr(s, ',', n);
		if (comma)
			m = (size_t)(comma - s);
		while (m > 0 && (s[m - 1] == '.' || s[m - 1] == ' '))
			m--;
		build_set_meta(st, &res->meta.meeting, s, m);
		if (comma && lang_find_date(comma, n - (size_t)(comma - s), date))
			build_set_meta(st, &res->meta.adopted, date, 10);
		st->after_meeting = 1;
		break;
	}
	case BK_VOTE:
		if (n > 2 && s[0] == '[' && s[n - 1] == ']')
			build_set_meta(st, &res->meta.vote, s + 1, n - 2);   /* "[Adopted without a vote.]" */
		else if (n > 1 && s[0] == '[' && !res->meta.vote) {
			build_set_meta(st, &res->meta.vote, s + 1, n - 1);
			st->vote_open = 1;                                   /* the list follows */
		} else
			build_set_meta(st, &res->meta.vote, s, n);
		build_meta_meeting(st, &res->meta.meeting, s, n);
		st->after_meeting = 1;
		break;
	case BK_DATE:
		if (lang_find_date(s, n, date))
			build_set_meta(st, &res->meta.adopted, date, 10);
		break;
	default:
		break;
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

/* Links markers and cited documents, and marks the opening words of each paragraph. */
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
			nums[k++] = atoi(res->paras[i].num);
	struct refs_notes *rn = refs_notes_new(nums, nfn);
	if (!rn) {
		st->oom = 1;
		free(nums);
		return;
	}
	/* Markers in parentheses ("2017(1)") when the footnotes were printed "(1) ...", or when
	 * no bare marker matched at all (the reader may have dropped the parentheses). */
	size_t found = 0;
	int orphans = nfn == 0 && orphan_run(st, rn) >= 2;
	for (int pass = 0; pass < 2 && !st->oom; pass++) {
		refs_notes_parenthesized(rn, pass == 1 || st->paren_notes);
		refs_notes_orphans(rn, orphans);
		for (size_t i = 0; i < res->npara && !st->oom; i++) {
			struct para *p = &res->paras[i];
			if (p->text && p->kind != PARA_FOOTNOTE
			    && refs_take_markers(rn, p->text, &p->text_len, &p->marks, &p->nmarks))
				st->oom = 1;
			found += p->nmarks;
		}
		if (found || st->paren_notes || nfn == 0)
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
	for (size_t i = 0; i < res->npara && !st->oom; i++) {
		struct para *p = &res->paras[i];
		if (!p->text)
			continue;
		if (refs_find_documents(p->text, p->text_len, &p->refs, &p->nrefs))
			st->oom = 1;
		if (p->kind == PARA_PREAMBLE || p->kind == PARA_OPERATIVE)
			p->lead_len = lang_lead_len(st->lang, p->text, p->text_len,
			                            p->kind == PARA_OPERATIVE);
	}
	refs_notes_free(rn);
}


/* A fresh builder state with its empty resolution; 0, or -1 (and *oom) when out of memory. */
int build_start(struct bstate *st, int *oom)
{
	memset(st, 0, sizeof *st);
	st->res = res_new();
	if (!st->res) {
		*oom = 1;
		return -1;
	}
	st->part = st->annex = st->top = st->last = st->inner_parent = st->top_style = -1;
	return 0;
}

static struct resolution *build_one(const struct block_list *bl, const enum bkind *kinds,
                                    const struct seg *sg, const struct res_meta *hints,
                                    int *oom)
{
	struct bstate st;
	if (build_start(&st, oom) < 0)
		return NULL;
	st.bend = bl->v + sg->end;

	/* Language from a sample of the body. */
	char sample[4096];
	size_t sl = 0;
	for (size_t j = sg->open; j < sg->end && sl < sizeof sample - 1; j++) {
		size_t n = bl->v[j].len;
		if (n > sizeof sample - 1 - sl)
			n = sizeof sample - 1 - sl;
		memcpy(sample + sl, bl->v[j].text, n);
		sl += n;
		if (sl < sizeof sample - 1)
			sample[sl++] = ' ';
	}
	st.lang = lang_detect(sample, sl);

	size_t first_part = sg->open;
	for (size_t j = sg->head; j < sg->open; j++) {
		if (kinds[j] == BK_PART && first_part == sg->open)
			first_part = j;
		else if (first_part == sg->open)
			build_meta_header(&st, bl->v[j].text, bl->v[j].len);
	}
	/* "A" above the opening: the resolution is in parts and part A starts here, maybe with
	 * its heading. */
	if (first_part < sg->open) {
		const struct block *pb = &bl->v[first_part];
		body_block(&st, pb, BK_PART, pb->text, pb->len);
		for (size_t j = first_part + 1; j < sg->open; j++)
			if (kinds[j] != BK_EMPTY) {
				body_block(&st, &bl->v[j], BK_TEXT, bl->v[j].text, bl->v[j].len);
				break;
			}
	}
	if (sg->organ)
		build_set_meta(&st, &st.res->meta.organ, sg->organ, strlen(sg->organ));
	else if ((size_t)sg->open_len > 5)
		build_set_meta(&st, &st.res->meta.organ, bl->v[sg->open].text + 4, (size_t)sg->open_len - 5);
	st.unnumbered_op = !sg->comma;

	/* Footnotes gathered at the end: the trailing run of "N text" blocks. */
	size_t fn_start = sg->end;
	int paren = 0;
	while (fn_start > sg->open + 1) {
		enum bkind k = kinds[fn_start - 1];
		const struct block *b = &bl->v[fn_start - 1];
		if (k == BK_FOOTNOTE || k == BK_EMPTY)
			fn_start--;
		else if (k == BK_SUB && paren_num(b->text, b->len)) {
			fn_start--;
			paren = 1;
		} else
			break;
	}
	if (paren) {
		/* "(1) text" blocks are footnotes only after the closing lines; else they are the
		 * last items of a list. */
		size_t j = fn_start;
		while (j > sg->open + 1 && kinds[j - 1] == BK_EMPTY)
			j--;
		enum bkind pk = kinds[j - 1];
		if (pk != BK_MEETING && pk != BK_VOTE && pk != BK_DATE) {
			paren = 0;
			fn_start = sg->end;
			while (fn_start > sg->open + 1
			       && (kinds[fn_start - 1] == BK_FOOTNOTE || kinds[fn_start - 1] == BK_EMPTY))
				fn_start--;
		}
	}
	while (fn_start < sg->end && kinds[fn_start] == BK_EMPTY)
		fn_start++;
	st.paren_notes = paren;

	const struct block *ob = &bl->v[sg->open];
	if ((size_t)sg->open_len < ob->len) {
		size_t t = (size_t)sg->open_len;
		while (t < ob->len && ob->text[t] == ' ')
			t++;
		if (t < ob->len)
			body_block(&st, ob, BK_TEXT, ob->text + t, ob->len - t);
	}
	for (size_t j = sg->open + 1; j < fn_start && !st.oom; j++) {
		const struct block *b = &bl->v[j];
		if (kinds[j] == BK_EMPTY || b->zone == ZONE_FOOTNOTE)
			continue;
		/* "1." or "(a)" alone, its text in the next block: read them as one. */
		size_t k = j + 1;
		while (k < fn_start && kinds[k] == BK_EMPTY)
			k++;
		if (bare_number(b->text, b->len) && k < fn_start && kinds[k] == BK_TEXT) {
			char *t = malloc(b->len + bl->v[k].len + 2);
			if (!t) {
				st.oom = 1;
				break;
			}
			memcpy(t, b->text, b->len);
			t[b->len] = ' ';
			memcpy(t + b->len + 1, bl->v[k].text, bl->v[k].len + 1);
			size_t tn = b->len + 1 + bl->v[k].len;
			int ol = 0, comma = 1;
			const char *organ;
			struct block joined = { t, tn, ZONE_BODY, b->indent, b->page };
			body_block(&st, b, classify(&joined, &ol, &comma, &organ), t, tn);
			free(t);
			j = k;
			continue;
		}
		body_block(&st, b, kinds[j], b->text, b->len);
	}
	/* Footnotes last: those the reader found below page rules, then the trailing run. */
	int prev_fn = -1;
	for (size_t j = sg->open + 1; j < sg->end && !st.oom; j++) {
		const struct block *b = &bl->v[j];
		if (b->zone != ZONE_FOOTNOTE && j < fn_start)
			continue;
		if (kinds[j] == BK_EMPTY)
			continue;
		if (paren_num(b->text, b->len))
			st.paren_notes = 1;
		if ((isdigit((unsigned char)b->text[0]) && b->text[0] != '0')
		    || paren_num(b->text, b->len)) {
			size_t before = st.res->npara;
			footnotes_from(&st, b->text, b->len);
			if (st.res->npara > before)
				prev_fn = (int)st.res->npara - 1;
		} else if (prev_fn >= 0)
			append(&st, prev_fn, b->text, b->len);   /* a footnote continued on the next page */
	}
	finish_links(&st);
	build_meta_finish(&st, hints ? hints : &bl->hints, hints != NULL);
	idset_free(&st.ids);
	if (st.oom) {
		res_free(st.res);
		*oom = 1;
		return NULL;
	}
	return st.res;
}

/* Whether block j is the heading of a decision ("79/560. Appointment of ...") whose text
 * follows as "At its 96th plenary meeting, on 8 May 2025, the General Assembly ..." or "The
 * General Assembly took note ...": decisions have no opening of their own, so a compilation
 * that mixes them with resolutions is cut there too. */
static int decision_head(const struct block_list *bl, const enum bkind *kinds, size_t j)
{
	const struct block *b = &bl->v[j];
	size_t rn = refs_resolution_number(b->text, b->len);
	if (!rn || rn + 2 >= b->len || b->text[rn] != '.' || b->zone == ZONE_FOOTNOTE
	    || !strchr(b->text, '/') || b->len > 300)
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
	st.decision = 1;
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
		if (!st.nplain) {
			/* "At its 96th plenary meeting, on 8 May 2025, the General Assembly ..." */
			char date[11];
			build_meta_meeting(&st, &st.res->meta.meeting, b->text, b->len);
			if (lang_find_date(b->text, b->len, date))
				build_set_meta(&st, &st.res->meta.adopted, date, 10);
			static const char *const organs[] = { "General Assembly", "Security Council",
				"Economic and Social Council", "Human Rights Council", NULL };
			for (size_t o = 0; organs[o]; o++)
				if (build_find(b->text, b->len, organs[o])) {
					build_set_meta(&st, &st.res->meta.organ, organs[o], strlen(organs[o]));
					break;
				}
		}
		build_plain_para(&st, b->text, b->len);
	}
	int prev_fn = -1;
	for (size_t j = sg->open + 1; j < sg->end && !st.oom; j++) {
		const struct block *b = &bl->v[j];
		if ((b->zone != ZONE_FOOTNOTE && j < fn_start) || kinds[j] == BK_EMPTY)
			continue;
		if (isdigit((unsigned char)b->text[0]) && b->text[0] != '0') {
			size_t before = st.res->npara;
			footnotes_from(&st, b->text, b->len);
			if (st.res->npara > before)
				prev_fn = (int)st.res->npara - 1;
		} else if (prev_fn >= 0)
			append(&st, prev_fn, b->text, b->len);
	}
	finish_links(&st);
	build_meta_finish(&st, hints ? hints : &bl->hints, hints != NULL);
	idset_free(&st.ids);
	if (st.oom) {
		res_free(st.res);
		*oom = 1;
		return NULL;
	}
	return st.res;
}

/* A text with no resolution structure: every block a plain numbered paragraph. */
static struct resolution *build_plain(const struct block_list *bl, struct parse_diag *d, int *oom)
{
	struct bstate st;
	memset(&st, 0, sizeof st);
	st.res = res_new();
	if (!st.res) {
		*oom = 1;
		return NULL;
	}
	st.part = st.annex = st.top = st.last = -1;
	char sample[4096];
	size_t sl = 0;
	for (size_t j = 0; j < bl->n && sl < sizeof sample - 1; j++) {
		size_t n = bl->v[j].len < sizeof sample - 1 - sl ? bl->v[j].len : sizeof sample - 1 - sl;
		memcpy(sample + sl, bl->v[j].text, n);
		sl += n;
		if (sl < sizeof sample - 1)
			sample[sl++] = ' ';
	}
	st.lang = lang_detect(sample, sl);
	for (size_t j = 0; j < bl->n && !st.oom; j++) {
		const struct block *b = &bl->v[j];
		if (!b->len)
			continue;
		build_plain_para(&st, b->text, b->len);
	}
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
	parse_warn(d, "no resolution structure found; read as %d plain paragraph%s", st.nplain,
	           st.nplain == 1 ? "" : "s");
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
			have[k++] = atoi(r->paras[i].num ? r->paras[i].num : "0");
	qsort(have, nfn, sizeof *have, cmp_num);
	for (size_t i = 0; i < r->npara; i++)
		for (size_t j = 0; j < r->paras[i].nmarks; j++)
			if (!bsearch(&r->paras[i].marks[j].footnote, have, nfn, sizeof *have, cmp_num))
				miss[nmiss++] = r->paras[i].marks[j].footnote;
	if (nmiss) {
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

int build_collection_first(const struct block_list *bl, size_t max, int *more,
                           struct collection **out, struct parse_diag *d)
{
	*out = NULL;
	if (more)
		*more = 0;
	struct collection *col = calloc(1, sizeof *col);
	enum bkind *kinds = malloc((bl->n ? bl->n : 1) * sizeof *kinds);
	struct seg *segs = NULL;
	size_t nseg = 0, segcap = 0;
	int oom = !col || !kinds;
	for (size_t j = 0; j < bl->n && !oom; j++) {
		int ol = 0, comma = 1;
		const char *organ = NULL;
		/* classify reads a block's first bytes, long out of the cache in a large file:
		 * the next block's are asked for while this one is read */
#if defined(__GNUC__)
		if (j + 1 < bl->n)
			__builtin_prefetch(bl->v[j + 1].text);
#endif
		kinds[j] = classify(&bl->v[j], &ol, &comma, &organ);
		int decision = kinds[j] != BK_OPENING && nseg > 0 && decision_head(bl, kinds, j);
		if (kinds[j] != BK_OPENING && !decision)
			continue;
		/* "The Conference," inside an Assembly resolution's annex is text; other organs'
		 * openings start resolutions only in a file of that organ's resolutions. */
		if (!decision && !organ && nseg > 0 && segs[0].organ) {
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
		if (nseg == segcap) {
			segcap = segcap ? segcap * 2 : 4;
			struct seg *ns = realloc(segs, segcap * sizeof *ns);
			if (!ns) {
				oom = 1;
				break;
			}
			segs = ns;
		}
		struct seg *sg = &segs[nseg];
		sg->open = j;
		sg->open_len = ol;
		sg->comma = comma;
		sg->organ = decision ? "General Assembly" : organ;
		sg->decision = decision;
		sg->end = bl->n;
		sg->head = decision ? j : 0;
		if (nseg > 0) {
			/* The previous resolution ends where this one's header begins. */
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
	if (!oom && nseg == 0) {
		struct resolution *r = build_plain(bl, d, &oom);
		if (r) {
			col->docs = malloc(sizeof *col->docs);
			if (col->docs)
				col->docs[col->ndocs++] = r;
			else {
				res_free(r);
				oom = 1;
			}
		}
	} else if (!oom) {
		col->docs = calloc(nseg, sizeof *col->docs);
		oom = !col->docs;
		if (more)
			*more = nseg > max;
		for (size_t k = 0; k < nseg && k < max && !oom; k++) {
			const struct res_meta *h = seg_hints(bl, segs, nseg, k);
			struct resolution *r = segs[k].decision ?
				build_decision(bl, kinds, &segs[k], h, &oom) :
				build_one(bl, kinds, &segs[k], h, &oom);
			if (r)
				col->docs[col->ndocs++] = r;
			if (r && warn_missing(r, d))
				oom = 1;
		}
	}
	free(kinds);
	free(segs);
	if (oom) {
		collection_free(col);
		return -1;
	}
	*out = col;
	return 0;
}
