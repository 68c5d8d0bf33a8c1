/* copy.c: quotes with their citation; to a command's input, a file, or OSC 52. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "export/export.h"
#include "text/utf8.h"
#include "view/copy.h"

#define ELLIPSIS "\xE2\x80\xA6"   /* … */

/* One line: controls and newlines as spaces, runs of spaces as one, trimmed. */
static char *one_line(const char *s, size_t n)
{
	char *clean = utf8_sanitize(s, n, 0);
	if (!clean)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; clean[i]; i++) {
		char c = clean[i];
		if (c == '\t' || c == '\n' || c == '\r')
			c = ' ';
		if (c == ' ' && (k == 0 || clean[k - 1] == ' '))
			continue;
		clean[k++] = c;
	}
	while (k > 0 && clean[k - 1] == ' ')
		k--;
	clean[k] = '\0';
	return clean;
}

char *copy_citation_of(const struct resolution *res, const char *para_id, const char *exact,
                       int starts_para, int ends_para)
{
	char *q = one_line(exact ? exact : "", strlen(exact ? exact : ""));
	if (!q)
		return NULL;
	struct export_doc d = { res, res ? res->meta.symbol : NULL, res ? res->meta.language : NULL,
	                        NULL, 0 };
	char cite[300];
	export_citation(&d, para_id ? para_id : "?", cite, sizeof cite);
	char *out = NULL;
	if (asprintf(&out, "\xE2\x80\x9C%s%s%s\xE2\x80\x9D (%s)", starts_para ? "" : ELLIPSIS " ", q,
	             ends_para ? "" : " " ELLIPSIS, cite) < 0)
		out = NULL;
	free(q);
	return out;
}

char *copy_citation(const struct resolution *res, int para, size_t start, size_t end)
{
	if (!res || para < 0 || (size_t)para >= res->npara || !res->paras[para].text)
		return NULL;
	const struct para *p = &res->paras[para];
	size_t len = strnlen(p->text, p->text_len);
	size_t chars = utf8_count(p->text, len);
	if (end == 0 || end > chars)
		end = chars;
	if (start >= end)
		return NULL;
	size_t bs = utf8_byte_offset(p->text, len, start), be = utf8_byte_offset(p->text, len, end);
	char *exact = malloc(be - bs + 1);
	if (!exact)
		return NULL;
	memcpy(exact, p->text + bs, be - bs);
	exact[be - bs] = '\0';
	/* A quote that starts on a paragraph's first word or ends on its last is whole there,
	 * spaces and closing punctuation aside. */
	int starts = 1, ends = 1;
	for (size_t i = 0; i < bs; i++)
		if (p->text[i] != ' ' && p->text[i] != '\t' && p->text[i] != '\n')
			starts = 0;
	for (size_t i = be; i < len; i++)
		if (!strchr(" \t\n.,;:", p->text[i]))
			ends = 0;
	char *out = copy_citation_of(res, p->id, exact, starts, ends);
	free(exact);
	return out;
}

char *copy_osc52(const char *text)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t n = strlen(text);
	char *out = malloc(16 + (n + 2) / 3 * 4);
	if (!out)
		return NULL;
	size_t k = (size_t)sprintf(out, "\033]52;c;");
	const unsigned char *s = (const unsigned char *)text;
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) |
		             (i + 2 < n ? s[i + 2] : 0);
		out[k++] = b64[v >> 18 & 63];
		out[k++] = b64[v >> 12 & 63];
		out[k++] = i + 1 < n ? b64[v >> 6 & 63] : '=';
		out[k++] = i + 2 < n ? b64[v & 63] : '=';
	}
	out[k++] = '\a';
	out[k] = '\0';
	return out;
}

int copy_run(const char *command, const char *text, char *err, size_t errlen)
{
	int fd[2];
	if (pipe(fd) < 0) {
		snprintf(err, errlen, "cannot run '%s': %s", command, strerror(errno));
		return -1;
	}
	/* Writing into a command that exits early must not kill the reader. */
	struct sigaction ign, old_pipe;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old_pipe);
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(fd[0], 0);
		if (null >= 0) {
			dup2(null, 1);
			dup2(null, 2);
		}
		close(fd[0]);
		close(fd[1]);
		sigaction(SIGPIPE, &old_pipe, NULL);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(fd[0]);
	int bad = pid < 0;
	for (size_t n = strlen(text), at = 0; !bad && at < n;) {
		ssize_t w = write(fd[1], text + at, n - at);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;   /* the command did not read it all: its status says the rest */
		at += (size_t)w;
	}
	close(fd[1]);
	int status = -1;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGPIPE, &old_pipe, NULL);
	if (bad || status == -1) {
		snprintf(err, errlen, "cannot run '%s'", command);
		return -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(err, errlen, "'%s' failed (status %d): nothing copied", command,
		         WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
		return -1;
	}
	return 0;
}

void copy_expand_path(const char *in, char *out, size_t size)
{
	const char *home = getenv("HOME");
	if (in[0] == '~' && (in[1] == '/' || in[1] == '\0') && home && *home)
		snprintf(out, size, "%s%s", home, in + 1);
	else
		snprintf(out, size, "%s", in);
}

int copy_append(const char *path, const char *text, char *err, size_t errlen)
{
	char full[1024];
	copy_expand_path(path, full, sizeof full);
	int fd = open(full, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0) {
		snprintf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	/* One write: lines appended by two readers at once never interleave. */
	size_t n = strlen(text);
	char *line = malloc(n + 2);
	int bad = !line;
	if (line) {
		memcpy(line, text, n);
		line[n] = '\n';
		ssize_t w = write(fd, line, n + 1);
		bad = w != (ssize_t)(n + 1);
		free(line);
	}
	if (fsync(fd) != 0 && errno != EINVAL)
		bad = 1;
	if (close(fd) != 0)
		bad = 1;
	if (bad) {
		snprintf(err, errlen, "cannot write '%s': %s", path, errno ? strerror(errno) : "short write");
		return -1;
	}
	return 0;
}
