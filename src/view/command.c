/* command.c: the ":" command line, resolved against the model; completion of ids. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/command.h"

static const struct cmd_name {
	const char *name;
	int takes_arg;
	const char *prefix;    /* the id prefix the argument completes to */
} names[] = {
	{ "op", 1, "op" }, { "pp", 1, "pp" }, { "fn", 1, "fn" }, { "annex", 1, "annex" },
	{ "res", 1, NULL }, { "docs", 0, NULL }, { "outline", 0, NULL }, { "help", 0, NULL },
	{ "copy", 0, NULL }, { "quit", 0, NULL }, { "q", 0, NULL },
};
#define NNAMES (sizeof names / sizeof *names)

/* "3 (a) (ii)", "3.A.ii", "3(a)" -> "3.a.ii": what ids are made of. */
static void normalise(const char *in, char *out, size_t size)
{
	size_t k = 0;
	for (const char *p = in; *p && k + 1 < size; p++) {
		char c = *p;
		if (c == '(' || c == ')' || c == ' ' || c == '\t' || c == '.') {
			if (k > 0 && out[k - 1] != '.')
				out[k++] = '.';
			continue;
		}
		/* "3a" is 3.a: a letter after a digit starts a new level. */
		if (k > 0 && isalpha((unsigned char)c) && isdigit((unsigned char)out[k - 1]) &&
		    k + 2 < size)
			out[k++] = '.';
		out[k++] = (char)tolower((unsigned char)c);
	}
	while (k > 0 && out[k - 1] == '.')
		k--;
	out[k] = '\0';
}

static int find_prefixed(const struct resolution *res, const char *prefix, const char *arg)
{
	char id[192];
	snprintf(id, sizeof id, "%s%s", prefix, arg);
	int i = res_find(res, id);
	if (i >= 0)
		return i;
	/* Inside parts ("a.op2"): "op a.2" or "op a 2". */
	const char *dot = strchr(arg, '.');
	if (dot && dot > arg) {
		snprintf(id, sizeof id, "%.*s.%s%s", (int)(dot - arg), arg, prefix, dot + 1);
		i = res_find(res, id);
		if (i >= 0)
			return i;
	}
	/* "op 10" in a resolution of parts ("c.op10"): the first part that has it. */
	for (size_t k = 0; k < res->nparts && i < 0; k++) {
		snprintf(id, sizeof id, "%s.%s%s", res->parts[k].id ? res->parts[k].id : "", prefix, arg);
		i = res_find(res, id);
	}
	return i;
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

static int find_annex(const struct resolution *res, const char *arg)
{
	int i = find_prefixed(res, "annex", arg);
	if (i >= 0)
		return i;
	/* By the printed label: ":annex a" finds "Annex A", ":annex ii" "Annex II". */
	for (size_t a = 0; a < res->nannexes; a++) {
		const char *label = res->annexes[a].label;
		const char *sp = label ? strrchr(label, ' ') : NULL;
		if (sp && strcasecmp(sp + 1, arg) == 0)
			return res_find(res, res->annexes[a].id);
	}
	if (res->nannexes == 1 && (strcmp(arg, "1") == 0 || !*arg))
		return res_find(res, res->annexes[0].id);
	return -1;
}

static int find_doc(const struct collection *col, const char *arg)
{
	if (!col)
		return -1;
	for (size_t i = 0; i < col->ndocs; i++) {
		const struct res_meta *m = &col->docs[i]->meta;
		if ((m->number && strcasecmp(m->number, arg) == 0) ||
		    (m->symbol && strcasecmp(m->symbol, arg) == 0))
			return (int)i;
	}
	for (size_t i = 0; i < col->ndocs; i++) {
		const char *sym = col->docs[i]->meta.symbol;
		size_t ls = sym ? strlen(sym) : 0, la = strlen(arg);
		if (la && ls > la && strcasecmp(sym + ls - la, arg) == 0 && sym[ls - la - 1] == '/')
			return (int)i;
	}
	return -1;
}

void command_parse(const char *line, const struct collection *col, int doc,
                   const struct resolution *res, struct command *out)
{
	(void)doc;
	memset(out, 0, sizeof *out);
	out->para = -1;
	out->doc = -1;
	while (*line == ' ' || *line == ':')
		line++;
	char word[32];
	size_t wl = 0;
	while (line[wl] && line[wl] != ' ' && !isdigit((unsigned char)line[wl]) && wl + 1 < sizeof word) {
		word[wl] = (char)tolower((unsigned char)line[wl]);
		wl++;
	}
	word[wl] = '\0';
	const char *rest = line + wl;
	while (*rest == ' ')
		rest++;
	char arg[160];
	normalise(rest, arg, sizeof arg);
	/* Trailing spaces or a long raw argument: the argument as typed, for messages. */
	char shown[64];
	snprintf(shown, sizeof shown, "%s", rest);
	for (char *q = shown; *q; q++)
		if ((unsigned char)*q < 0x20 || (unsigned char)*q >= 0x7f)
			*q = '?';

	if (!*line) {
		out->kind = CMD_NONE;
		return;
	}
	if (!strcmp(word, "q") || !strcmp(word, "quit") || !strcmp(word, "q!")) {
		out->kind = CMD_QUIT;
		return;
	}
	if (!strcmp(word, "outline") || !strcmp(word, "toc")) {
		out->kind = CMD_OUTLINE;
		return;
	}
	if (!strcmp(word, "help") || !strcmp(word, "h")) {
		out->kind = CMD_HELP;
		return;
	}
	if (!strcmp(word, "copy") || !strcmp(word, "y")) {
		/* The file as typed (spaces inside kept, trailing ones not). */
		snprintf(out->arg, sizeof out->arg, "%s", line + wl + strspn(line + wl, " "));
		size_t l = strlen(out->arg);
		while (l > 0 && out->arg[l - 1] == ' ')
			out->arg[--l] = '\0';
		out->kind = CMD_COPY;
		return;
	}
	if (!strcmp(word, "res") || !strcmp(word, "doc") || !strcmp(word, "docs")) {
		char raw[160];
		snprintf(raw, sizeof raw, "%s", rest);
		size_t l = strlen(raw);
		while (l > 0 && raw[l - 1] == ' ')
			raw[--l] = '\0';
		if (l == 0) {
			out->kind = CMD_DOCS;
			return;
		}
		out->doc = find_doc(col, raw);
		if (out->doc < 0) {
			out->kind = CMD_ERROR;
			snprintf(out->msg, sizeof out->msg, "no resolution %s in this file", shown);
		} else {
			out->kind = CMD_DOC;
		}
		return;
	}
	if (!res) {
		out->kind = CMD_ERROR;
		snprintf(out->msg, sizeof out->msg, "no document");
		return;
	}
	int i = -1;
	const char *what = NULL;
	if (!*arg && (!strcmp(word, "op") || !strcmp(word, "pp") || !strcmp(word, "fn") ||
	              (!strcmp(word, "annex") && res->nannexes != 1))) {
		out->kind = CMD_ERROR;
		snprintf(out->msg, sizeof out->msg, ":%s needs a number, e.g. :%s 1", word, word);
		return;
	}
	if (!strcmp(word, "op") || (!*word && all_digits(arg))) {
		what = "OP";
		i = find_prefixed(res, "op", arg);
	} else if (!strcmp(word, "pp")) {
		what = "PP";
		i = find_prefixed(res, "pp", arg);
	} else if (!strcmp(word, "fn") || !strcmp(word, "footnote")) {
		what = "footnote";
		i = all_digits(arg) ? res_find_footnote(res, atoi(arg)) : find_prefixed(res, "fn", arg);
	} else if (!strcmp(word, "annex")) {
		what = "annex";
		i = find_annex(res, arg);
	} else {
		/* An id as the model spells it: "op3.a.ii", "annex1.p4". */
		char id[192];
		snprintf(id, sizeof id, "%s%s", word, arg);
		i = res_find(res, id);
		if (i < 0) {
			out->kind = CMD_ERROR;
			char w[40];
			snprintf(w, sizeof w, "%s", line);
			for (char *q = w; *q; q++)
				if ((unsigned char)*q < 0x20 || (unsigned char)*q >= 0x7f)
					*q = '?';
			snprintf(out->msg, sizeof out->msg,
			         "unknown command or id '%s' (try :op 1, :pp 1, :fn 1, :annex 1, :q)", w);
			return;
		}
	}
	if (i < 0) {
		out->kind = CMD_ERROR;
		const char *sym = res->meta.symbol ? res->meta.symbol : "this document";
		snprintf(out->msg, sizeof out->msg, "no %s %s in %.60s", what, shown, sym);
		return;
	}
	out->kind = CMD_GOTO;
	out->para = i;
}

static int push(char **out, int max, int *n, const char *s)
{
	if (*n < max) {
		out[*n] = strdup(s);
		if (!out[*n])
			return -1;
	}
	(*n)++;
	return 0;
}

int command_complete(const char *line, const struct collection *col, const struct resolution *res,
                     char **out, int max)
{
	int n = 0;
	while (*line == ' ' || *line == ':')
		line++;
	const char *sp = strchr(line, ' ');
	if (!sp) {
		for (size_t i = 0; i < NNAMES; i++) {
			if (strncmp(names[i].name, line, strlen(line)) != 0 || !strcmp(names[i].name, "q"))
				continue;
			char s[40];
			snprintf(s, sizeof s, "%s%s", names[i].name, names[i].takes_arg ? " " : "");
			if (push(out, max, &n, s) < 0)
				goto oom;
		}
		return n;
	}
	size_t wl = (size_t)(sp - line);
	const char *rest = sp;
	while (*rest == ' ')
		rest++;
	char arg[160];
	normalise(rest, arg, sizeof arg);
	if (wl == 3 && !strncmp(line, "res", 3)) {
		for (size_t i = 0; col && i < col->ndocs; i++) {
			const char *num = col->docs[i]->meta.number;
			if (!num || strncmp(num, rest, strlen(rest)) != 0)
				continue;
			char s[192];
			snprintf(s, sizeof s, "res %s", num);
			if (push(out, max, &n, s) < 0)
				goto oom;
		}
		return n;
	}
	const struct cmd_name *c = NULL;
	for (size_t i = 0; i < NNAMES; i++)
		if (names[i].prefix && strlen(names[i].name) == wl && !strncmp(names[i].name, line, wl))
			c = &names[i];
	if (!c || !res)
		return 0;
	size_t pl = strlen(c->prefix), al = strlen(arg);
	for (size_t i = 0; i < res->npara; i++) {
		const char *id = res->paras[i].id;
		/* Paragraphs of parts complete by their own number: "c.op10" is "op 10". */
		if (id && res->paras[i].part >= 0 && (size_t)res->paras[i].part < res->nparts) {
			const char *pid = res->parts[res->paras[i].part].id;
			size_t pn = pid ? strlen(pid) : 0;
			if (pn && !strncmp(id, pid, pn) && id[pn] == '.')
				id += pn + 1;
		}
		if (!id || strncmp(id, c->prefix, pl) != 0 || strncmp(id + pl, arg, al) != 0)
			continue;
		/* "annex1.p4" is not an annex; "fn16" only from footnotes. */
		if (!strcmp(c->prefix, "annex") && strchr(id + pl, '.'))
			continue;
		if (!isdigit((unsigned char)id[pl]) && strcmp(c->prefix, "annex") != 0)
			continue;
		char s[192];
		snprintf(s, sizeof s, "%s %s", c->name, id + pl);
		if (push(out, max, &n, s) < 0)
			goto oom;
	}
	return n;
oom:
	for (int i = 0; i < n && i < max; i++)
		free(out[i]);
	return -1;
}

size_t command_common_prefix(char *const *v, int n)
{
	if (n <= 0)
		return 0;
	size_t k = strlen(v[0]);
	for (int i = 1; i < n; i++) {
		size_t j = 0;
		while (j < k && v[i][j] && v[i][j] == v[0][j])
			j++;
		k = j;
	}
	return k;
}
