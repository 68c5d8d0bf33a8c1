/* build-kind.c: what a block looks like on its own, before the builder knows where it stands:
 * a paragraph number, a sub-paragraph label, a part letter, an annex, a meeting or vote line,
 * a date, a footnote, a heading, the opening, or text. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "doc/build.h"
#include "doc/lang.h"

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

int build_roman_value(const char *s, size_t n)
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
size_t build_arabic_rank(const char *s, size_t n, int *value)
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
	return build_arabic_rank(s, n, NULL);
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
	if (!(digits && ln <= 2) && !(lower && (ln <= 2 || build_roman_value(s + b, ln)))
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
	if (lang_article_heading(s, n))
		return 1;
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

/* date: the bytes of the date s opens with (lang_parse_date), 0 when none. */
static int footnote_line(const char *s, size_t n, size_t date, int *num)
{
	size_t i = 0;
	while (i < n && i < 4 && isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 || s[0] == '0' || i + 1 >= n || s[i] != ' ')
		return 0;
	unsigned char c = (unsigned char)s[i + 1];
	if (isdigit(c) || c == '(' || c == '-')
		return 0;
	/* "22 December 2003 ..." is a date, not footnote 22. */
	if (date)
		return 0;
	*num = build_atoi(s);
	return 1;
}

/* "Annex", "Annex II", "Annex*" (a note on the annex's language), "附件一", "Annex B Goods
 * Review List procedures" (the label and the title in one block). */
static int annex_line(const char *s, size_t n)
{
	size_t aw = lang_annex_word(s, n);
	if (!aw)
		return 0;
	if (aw < n && (unsigned char)s[aw] >= 0x80 && n - aw <= 9)
		return 1;
	size_t an = n;
	while (an > aw && s[an - 1] == '*')
		an--;
	if (an < 40 && (aw == an || s[aw] == ' ')) {
		size_t k = aw;
		while (k < an && s[k] == ' ')
			k++;
		size_t e = k;
		while (e < an && (isalnum((unsigned char)s[e]) || s[e] == '.'))
			e++;
		if (e == an)
			return 1;
	}
	if (n < 200 && aw < n && s[aw] == ' ') {
		size_t k = aw + 1, e = k;
		while (e < n && (isupper((unsigned char)s[e]) || isdigit((unsigned char)s[e])))
			e++;
		if (e > k && e - k <= 6 && e + 1 < n && s[e] == ' ' && isupper((unsigned char)s[e + 1])
		    && s[n - 1] != ';' && s[n - 1] != ',' && s[n - 1] != '.')
			return 1;
	}
	return 0;
}

enum bkind build_classify(const struct block *b, struct bopening *op)
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
	const char *organ = NULL;
	int comma = 1;
	size_t ol = lang_opening(s, n, &organ, &comma);
	if (!ol && (ol = lang_other_opening(s, n)) != 0) {
		organ = NULL;       /* named from the block by build_one */
		comma = 1;
	}
	/* Without its comma the opening must stand alone: "The General Assembly decides ..."
	 * inside a text is a sentence, not a new resolution. */
	if (ol && (comma || ol >= n - 1)) {
		if (op) {
			op->len = (int)ol;
			op->comma = comma;
			op->organ = organ;
		}
		return BK_OPENING;
	}
	if (build_opnum(s, n, &skip))
		return BK_OPNUM;
	if (build_submark(s, n, &lab, &labn))
		return BK_SUB;
	/* "B" or "IV" on a line of its own: a part (or a section of an omnibus resolution). */
	if ((n == 1 && isupper((unsigned char)s[0])) || (n <= 6 && strspn(s, "IVXLC") == n))
		return BK_PART;
	if (annex_line(s, n))
		return BK_ANNEX;
	if (lang_is_meeting_line(s, n))
		return BK_MEETING;
	if (lang_is_vote_line(s, n))
		return BK_VOTE;
	/* a date line, or a date opening the line: no footnote (parsed once for both) */
	char d[11];
	size_t date = lang_parse_date(s, n, d);
	if (date && n - date <= 1)
		return BK_DATE;
	if (footnote_line(s, n, date, &num))
		return BK_FOOTNOTE;
	if (heading(s, n))
		return BK_HEADING;
	return BK_TEXT;
}

/* "(1) text": a footnote numbered in parentheses, as Arabic texts print them. */
int build_paren_num(const char *s, size_t n)
{
	size_t i = 1;
	while (i < n && i < 6 && isdigit((unsigned char)s[i]))
		i++;
	return n > 3 && s[0] == '(' && i > 1 && s[1] != '0' && i + 1 < n && s[i] == ')'
	    && s[i + 1] == ' ';
}

/* "1." or "(a)" standing alone, as some extractions leave a paragraph's number. */
int build_bare_number(const char *s, size_t n)
{
	size_t i = s[0] == '(';
	size_t b = i;
	while (i < n && i - b < 6 && isalnum((unsigned char)s[i]))
		i++;
	if (i == b || i + 1 != n)
		return 0;
	return s[0] == '(' ? s[i] == ')' : (s[i] == '.' && isdigit((unsigned char)s[0]));
}

