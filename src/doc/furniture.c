/* furniture.c: page furniture and masthead lines. A line is furniture when every token on it
 * is a page number, a job number, a barcode or a symbol, so combined footers ("2/5 25-19346")
 * are recognised without a pattern for each layout. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/furniture.h"
#include "doc/lang.h"

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int all_digits(const char *s, size_t n)
{
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return 0;
	return 1;
}

static int starts_with(const char *s, size_t n, const char *w)
{
	/* the first byte before strlen and memcmp: most lines tried start otherwise */
	if (w[0] && (n == 0 || s[0] != w[0]))
		return 0;
	size_t k = strlen(w);
	return n >= k && memcmp(s, w, k) == 0;
}

static int ends_with(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return n >= k && memcmp(s + n - k, w, k) == 0;
}

static const char *find(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, w, k) == 0)
			return s + i;
	return NULL;
}

int furniture_is_symbol(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && is_upper(s[i]))
		i++;
	if (i == 0 || i > 6 || i >= n || s[i] != '/' || n > 48)
		return 0;
	if (s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ';')
		return 0;                       /* "A/79/301." is a sentence (a footnote), not a head */
	int digit = 0, space = 0;
	for (; i < n; i++) {
		char c = s[i];
		if (is_digit(c))
			digit = 1;
		else if (c == ' ') {
			/* only "S/RES/1454 (2002)": a space before a bracketed year or roman numeral */
			if (space++ || i + 1 >= n || s[i + 1] != '(')
				return 0;
		} else if (!((c >= 'a' && c <= 'z') || is_upper(c) || strchr("/.-()", c)))
			return 0;
	}
	return digit;
}

enum token_kind { TOK_OTHER, TOK_PAGE, TOK_JOB, TOK_LANGCODE, TOK_DATE6, TOK_BARCODE, TOK_SYMBOL };

static enum token_kind token_kind(const char *s, size_t n)
{
	/* every kind below opens with a digit, a capital, "(" or "*": most words of a text are
	 * out at once (this runs at the first word of every line) */
	if (n && !is_digit(s[0]) && !is_upper(s[0]) && s[0] != '(' && s[0] != '*')
		return TOK_OTHER;
	if (all_digits(s, n) && n <= 3)
		return TOK_PAGE;
	if (all_digits(s, n) && n == 6)
		return TOK_DATE6;
	const char *sl = memchr(s, '/', n);
	if (sl && all_digits(s, (size_t)(sl - s)) && all_digits(sl + 1, n - (size_t)(sl - s) - 1) &&
	    n <= 7)
		return TOK_PAGE;
	if (n >= 7 && n <= 9 && all_digits(s, 2) && s[2] == '-' && all_digits(s + 3, n - 3))
		return TOK_JOB;
	if ((n == 8 || n == 9) && s[0] == 'N' && all_digits(s + 1, 7) && (n == 8 || is_upper(s[8])))
		return TOK_JOB;
	if (n == 3 && s[0] == '(' && is_upper(s[1]) && s[2] == ')')
		return TOK_LANGCODE;
	if (n >= 7 && n <= 11 && s[0] == '*' && s[n - 1] == '*' && all_digits(s + 1, n - 2))
		return TOK_BARCODE;
	if (furniture_is_symbol(s, n))
		return TOK_SYMBOL;
	if (n == 6 && s[0] == '(' && s[5] == ')' && all_digits(s + 1, 4))
		return TOK_SYMBOL;                  /* the "(2002)" of "S/RES/1454 (2002)" */
	return TOK_OTHER;
}

/* Whether the line holds a page token of the form "2/5". */
static int slash_page(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		while (i < n && s[i] == ' ')
			i++;
		size_t e = i;
		while (e < n && s[e] != ' ')
			e++;
		if (e > i && memchr(s + i, '/', e - i) && token_kind(s + i, e - i) == TOK_PAGE)
			return 1;
		i = e;
	}
	return 0;
}

/* Footer and header lines made only of page numbers, job numbers, barcodes and symbols. */
static enum furniture_kind token_line(const char *s, size_t n)
{
	int seen[TOK_SYMBOL + 1] = { 0 };
	size_t ntok = 0;
	for (size_t i = 0; i < n;) {
		while (i < n && s[i] == ' ')
			i++;
		size_t e = i;
		while (e < n && s[e] != ' ')
			e++;
		if (e == i)
			break;
		enum token_kind k = token_kind(s + i, e - i);
		if (k == TOK_OTHER)
			return FURN_NONE;
		seen[k]++;
		ntok++;
		i = e;
	}
	if (!ntok)
		return FURN_NONE;
	if (seen[TOK_LANGCODE] && !seen[TOK_JOB])
		return FURN_NONE;
	if (seen[TOK_DATE6] && !seen[TOK_JOB])
		return FURN_NONE;
	if (seen[TOK_JOB])
		return FURN_JOB;
	if (seen[TOK_BARCODE])
		return FURN_BARCODE;
	if (seen[TOK_SYMBOL]) {
		/* "2/5 A/RES/80/9" is a running head; "3 A/79/301" could be a footnote */
		if (furniture_is_symbol(s, n))
			return FURN_SYMBOL;
		return seen[TOK_PAGE] && (memchr(s, '/', n) && (find(s, n, "/RES/") || slash_page(s, n))) ?
		       FURN_SYMBOL : FURN_NONE;
	}
	/* page numbers: one token ("2", "2/7"); several numbers are a table row, not furniture */
	return seen[TOK_PAGE] == 1 ? FURN_PAGE : FURN_NONE;
}

static int has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (is_digit(s[i]))
			return 1;
	return 0;
}

static enum furniture_kind classify(const char *s, size_t n, int masthead);

/* Chinese mastheads space out short names ("大　会"): a copy without spaces is classified
 * too. */
enum furniture_kind furniture_classify(const char *s, size_t n, int masthead)
{
	enum furniture_kind k = classify(s, n, masthead);
	if (k != FURN_NONE || !masthead || n > 96)
		return k;
	/* no byte of a CJK character (lead 0xE3 and up): nothing to copy, the copy would be
	 * told no CJK (most lines of a masthead are Latin) */
	size_t e = 0;
	while (e < n && (unsigned char)s[e] < 0xE3)
		e++;
	if (e == n)
		return k;
	char c[96];
	size_t o = 0;
	int cjk = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ')
			continue;
		if (i + 2 < n && (unsigned char)s[i] == 0xE3 && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x80) {
			i += 2;                 /* U+3000 ideographic space */
			continue;
		}
		cjk |= (unsigned char)s[i] >= 0xE3;
		c[o++] = s[i];
	}
	if (!cjk || o == n)
		return k;
	k = classify(c, o, masthead);
	/* only what names the masthead: a spaced-out body line stays text */
	return k == FURN_MASTHEAD || k == FURN_ORGAN || k == FURN_SESSION || k == FURN_AGENDA ?
	       k : FURN_NONE;
}

int furniture_is_rule(const char *s, size_t n)
{
	/* at least five underscores and at most two other bytes (counting stops at the third,
	 * not at the end of every paragraph) */
	size_t other = 0;
	for (size_t i = 0; i < n && other <= 2; i++)
		other += s[i] != '_';
	return other <= 2 && n - other >= 5;
}

static enum furniture_kind classify(const char *s, size_t n, int masthead)
{
	if (!n)
		return FURN_NONE;
	if (furniture_is_rule(s, n))
		return FURN_RULE;
	enum furniture_kind k = token_line(s, n);
	if (k)
		return k;
	if (n == 8 && all_digits(s, 2) && s[2] == ' ' && all_digits(s + 3, 5))
		return FURN_JOB;                /* "03 50598": the job number, spaced */
	if (n >= 7 && (starts_with(s, n, "- ") && ends_with(s, n, " -")) && all_digits(s + 2, n - 4))
		return FURN_PAGE;
	if (starts_with(s, n, "Page ") && n <= 16 && has_digit(s, n))
		return FURN_PAGE;
	if (starts_with(s, n, "Please recycle") || starts_with(s, n, "\xe2\x99\xb2"))
		return FURN_RECYCLE;
	if (!masthead || n > 120)
		return FURN_NONE;
	if (lang_un_name(s, n))
		return FURN_MASTHEAD;
	size_t o = lang_organ_at(s, n, NULL);
	if (o) {
		size_t r = o;
		while (r < n && s[r] == ' ')
			r++;
		if (r == n)
			return FURN_ORGAN;
		if (starts_with(s + r, n - r, "Distr."))
			return FURN_DISTR;
		return FURN_NONE;
	}
	if (starts_with(s, n, "Distr."))
		return FURN_DISTR;
	/* "Original: English", "Original : français", "Original: español" */
	if (n < 40 && (starts_with(s, n, "Original:") || starts_with(s, n, "Original :")))
		return FURN_ORIGINAL;
	/* the dates of a session: "26 February–5 April 2024", "12-14 June 2023" */
	if (n < 60 && is_digit(s[0]) && (find(s, n, "\xe2\x80\x93") || find(s, n, "-")) &&
	    n >= 4 && all_digits(s + n - 4, 4) && !memchr(s, ',', n) && !memchr(s, '.', n))
		return FURN_SESSION;
	if (n < 80 && !has_digit(s, n) && lang_session_line(s, n) >= 0)
		return FURN_SESSION;
	if (lang_agenda_line(s, n) && has_digit(s, n))
		return FURN_AGENDA;
	return FURN_NONE;
}

static int set(char **field, const char *s, size_t n)
{
	while (n && *s == ' ') {
		s++;
		n--;
	}
	while (n && s[n - 1] == ' ')
		n--;
	if (!n || *field)
		return 0;
	*field = strndup(s, n);
	return *field ? 0 : -1;
}

/* The symbol inside a masthead line ("United Nations A/RES/58/190"). */
static int hint_symbol_in(struct res_meta *h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if ((i == 0 || s[i - 1] == ' ') && is_upper(s[i])) {
			size_t e = i;
			while (e < n && s[e] != ' ')
				e++;
			/* take a following "(2002)" too */
			size_t e2 = e;
			if (e + 1 < n && s[e + 1] == '(') {
				e2 = e + 1;
				while (e2 < n && s[e2] != ')')
					e2++;
				if (e2 < n)
					e2++;
			}
			if (furniture_is_symbol(s + i, e2 - i))
				return set(&h->symbol, s + i, e2 - i);
			if (furniture_is_symbol(s + i, e - i))
				return set(&h->symbol, s + i, e - i);
		}
	}
	return 0;
}

int furniture_hint(struct res_meta *h, enum furniture_kind k, const char *s, size_t n)
{
	char date[11];
	switch (k) {
	case FURN_SYMBOL:
		return hint_symbol_in(h, s, n);
	case FURN_JOB:
		for (size_t i = 0; i < n;) {
			size_t e = i;
			while (e < n && s[e] != ' ')
				e++;
			if (n == 8 && e - i == 2 && all_digits(s + 3, 5))
				return set(&h->job, s, n);
			if (token_kind(s + i, e - i) == TOK_JOB) {
				/* keep the language code: "25-19346 (E)" */
				size_t end = e;
				if (e + 4 <= n && token_kind(s + e + 1, 3) == TOK_LANGCODE)
					end = e + 4;
				return set(&h->job, s + i, end - i);
			}
			i = e + 1;
		}
		return 0;
	case FURN_MASTHEAD:
		return hint_symbol_in(h, s, n);
	case FURN_ORGAN:
	case FURN_DISTR: {
		/* "大　会": compare without the spaces */
		char c[96];
		size_t cn = 0;
		for (size_t i = 0; i < n && cn < sizeof c; i++) {
			if (s[i] == ' ')
				continue;
			if (i + 2 < n && (unsigned char)s[i] == 0xE3 && (unsigned char)s[i + 1] == 0x80 &&
			    (unsigned char)s[i + 2] == 0x80) {
				i += 2;
				continue;
			}
			c[cn++] = s[i];
		}
		enum organ o = ORGAN_NONE;
		if (lang_organ_at(s, n, &o) || lang_organ_at(c, cn, &o)) {
			const char *organ = lang_organ_name(o);
			if (set(&h->organ, organ, strlen(organ)))
				return -1;
		}
		if (k == FURN_DISTR && lang_find_date(s, n, date))
			return set(&h->distributed, date, 10);
		return 0;
	}
	case FURN_SESSION: {
		int v = lang_session_line(s, n);
		if (v > 0) {
			char num[16];
			snprintf(num, sizeof num, "%d", v);
			return set(&h->session, num, strlen(num));
		}
		return 0;
	}
	case FURN_AGENDA: {
		/* from the first digit to the last digit or closing bracket: "117 (b)" */
		size_t a = 0, b = 0;
		while (a < n && !is_digit(s[a]))
			a++;
		for (size_t i = a; i < n; i++)
			if (is_digit(s[i]) || s[i] == ')')
				b = i + 1;
		return b > a ? set(&h->agenda_item, s + a, b - a) : 0;
	}
	default:
		return 0;
	}
}

size_t furniture_title_of(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && k < 4 && is_digit(s[k]))
		k++;
	if (!k || k >= n || s[k] != '/')
		return 0;
	k++;
	size_t d = k;
	while (k < n && is_digit(s[k]))
		k++;
	if (k == d || k >= n || (s[k] != '.' && s[k] != ' '))
		return 0;
	while (k < n && (s[k] == '.' || s[k] == ' ' || s[k] == '-' || s[k] == '\t'))
		k++;
	return n - k >= 8 ? k : 0;
}

int furniture_running_title(const char *s, size_t n, const char *title, size_t tn)
{
	if (!tn)
		return 0;
	/* drop a leading and a trailing furniture token */
	size_t cut = 0;
	while (cut < n && s[cut] != ' ')
		cut++;
	if (cut < n && furniture_classify(s, cut, 0) != FURN_NONE) {
		while (cut < n && s[cut] == ' ')
			cut++;
		s += cut;
		n -= cut;
	}
	cut = n;
	while (cut > 0 && s[cut - 1] != ' ')
		cut--;
	if (cut > 0 && furniture_classify(s + cut, n - cut, 0) != FURN_NONE) {
		while (cut > 0 && s[cut - 1] == ' ')
			cut--;
		n = cut;
	}
	return n >= 8 && n <= tn && memcmp(s, title, n) == 0;
}

/* "---" (and trailing blanks) on a line of its own at s[0..n). */
static int yaml_fence(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return n == 3 && memcmp(s, "---", 3) == 0;
}

long furniture_front_matter(const char *text, size_t len, struct res_meta *h)
{
	const char *nl = memchr(text, '\n', len);
	if (!nl || !yaml_fence(text, (size_t)(nl - text)))
		return 0;
	static const char *const langs[] = { "en", "fr", "es", "ru", "zh", "ar", NULL };
	size_t i = (size_t)(nl - text) + 1;
	/* "key: value" lines, at most 64 of them, up to the closing fence */
	for (int lines = 0; i < len && lines < 64; lines++) {
		nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		const char *l = text + i;
		size_t n = e - i;
		i = nl ? e + 1 : len;
		if (yaml_fence(l, n))
			return (long)i;
		const char *colon = memchr(l, ':', n);
		if (!colon || colon == l)
			return 0;               /* not YAML: a rule that opens the text */
		size_t kn = (size_t)(colon - l), v = kn + 1;
		while (v < n && (l[v] == ' ' || l[v] == '"' || l[v] == '\''))
			v++;
		size_t ve = n;
		while (ve > v && (l[ve - 1] == ' ' || l[ve - 1] == '"' || l[ve - 1] == '\'' ||
		                  l[ve - 1] == '\r'))
			ve--;
		if (!h || ve <= v)
			continue;
		if (kn == 6 && memcmp(l, "symbol", 6) == 0 && furniture_is_symbol(l + v, ve - v)) {
			if (set(&h->symbol, l + v, ve - v))
				return -1;
		} else if (kn == 8 && memcmp(l, "language", 8) == 0 && ve - v == 2) {
			char code[3] = { (char)(l[v] | 0x20), (char)(l[v + 1] | 0x20), 0 };
			for (int k = 0; langs[k]; k++)
				if (strcmp(code, langs[k]) == 0 && set(&h->language, code, 2))
					return -1;
		}
	}
	return 0;
}

int furniture_agenda_title(const char *s, size_t n)
{
	static const char *const starts[] = { "Resolution", "Résolution", "Resolución",
		"Резолюция", "[", "大会", "قرار", "إن ", "The ", NULL };
	if (!n || n > 200 || furniture_classify(s, n, 1) != FURN_NONE)
		return 0;
	for (int i = 0; starts[i]; i++)
		if (starts_with(s, n, starts[i]))
			return 0;
	const char *organ;
	int comma;
	if (lang_opening(s, n, &organ, &comma))
		return 0;
	/* "77/1. Title" or "77/1 - ..." */
	size_t i = 0;
	while (i < n && is_digit(s[i]))
		i++;
	if (i && i < n && s[i] == '/')
		return 0;
	return 1;
}
