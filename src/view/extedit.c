/* extedit.c: a note's round trip through $VISUAL/$EDITOR in a private temporary file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "view/extedit.h"

#define EXTEDIT_MAX (1024 * 1024)

const char *extedit_command(void)
{
	const char *e = getenv("VISUAL");
	if (!e || !*e)
		e = getenv("EDITOR");
	return e && *e ? e : "vi";
}

static int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Runs `cmd "$path"` through the shell and waits, ignoring SIGINT/SIGQUIT meanwhile as
 * system(3) does (the editor gets them). Returns the exit status, or -1. */
static int run(const char *cmd, const char *path)
{
	/* As git does: the command is shell text (EDITOR="code --wait" works); the file name is
	 * an argument, never part of that text. */
	size_t n = strlen(cmd) + sizeof " \"$@\"";
	char *script = malloc(n);
	if (!script)
		return -1;
	snprintf(script, n, "%s \"$@\"", cmd);
	struct sigaction ign, old_int, old_quit;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid_t pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		execl("/bin/sh", "sh", "-c", script, cmd, path, (char *)NULL);
		_exit(127);
	}
	free(script);
	int status = -1;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	if (pid < 0 || status == -1)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static char *read_back(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "cannot read the note back: %s", strerror(errno));
		return NULL;
	}
	char *buf = malloc(EXTEDIT_MAX + 1);
	size_t n = buf ? fread(buf, 1, EXTEDIT_MAX + 1, f) : 0;
	int bad = !buf || ferror(f);
	fclose(f);
	if (bad || n > EXTEDIT_MAX) {
		snprintf(err, errlen, bad ? "cannot read the note back" : "the note is over 1 MiB");
		free(buf);
		return NULL;
	}
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		n--;
	buf[n] = '\0';
	return buf;
}

int extedit_run(const char *initial, char **out, char *err, size_t errlen)
{
	*out = NULL;
	err[0] = '\0';
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/gavel-note-XXXXXX.txt", tmp && *tmp ? tmp : "/tmp");
	mode_t old = umask(077);
	int fd = mkstemps(path, 4);
	umask(old);
	if (fd < 0) {
		snprintf(err, errlen, "cannot create a temporary file: %s", strerror(errno));
		return -1;
	}
	/* mkstemp makes 0600 already; say so for the reader of this code and odd libcs. */
	fchmod(fd, 0600);
	size_t n = initial ? strlen(initial) : 0;
	int bad = write_all(fd, initial ? initial : "", n) < 0 ||
	          (n > 0 && write_all(fd, "\n", 1) < 0);
	if (close(fd) < 0)
		bad = 1;
	if (bad) {
		snprintf(err, errlen, "cannot write the temporary file: %s", strerror(errno));
		unlink(path);
		return -1;
	}
	const char *cmd = extedit_command();
	int st = run(cmd, path);
	int rc = 0;
	if (st < 0) {
		snprintf(err, errlen, "cannot run the editor '%s'", cmd);
		rc = -1;
	} else if (st != 0) {
		snprintf(err, errlen, "the editor '%s' exited with status %d: note unchanged", cmd, st);
		rc = 1;
	} else if (!(*out = read_back(path, err, errlen))) {
		rc = -1;
	}
	unlink(path);
	return rc;
}

/* Whether the line [s, s + n) is one of the lines of comments. */
static int is_comment(const char *s, size_t n, const char *comments)
{
	for (const char *c = comments; c && *c;) {
		const char *nl = strchr(c, '\n');
		size_t len = nl ? (size_t)(nl - c) : strlen(c);
		if (len == n && memcmp(c, s, n) == 0)
			return 1;
		if (!nl)
			break;
		c = nl + 1;
	}
	return 0;
}

char *extedit_strip(const char *text, const char *comments)
{
	size_t n = strlen(text);
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	size_t k = 0;
	for (const char *line = text; *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		/* An editor may save CRLF: compare without the CR. */
		size_t cmp = len && line[len - 1] == '\r' ? len - 1 : len;
		if (!is_comment(line, cmp, comments)) {
			memcpy(out + k, line, len);
			k += len;
			if (nl)
				out[k++] = '\n';
		}
		if (!nl)
			break;
		line = nl + 1;
	}
	while (k > 0 && (out[k - 1] == '\n' || out[k - 1] == '\r' || out[k - 1] == ' ' ||
	                 out[k - 1] == '\t'))
		k--;
	out[k] = '\0';
	return out;
}
