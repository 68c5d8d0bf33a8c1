/* reader.c: `gavel [FILE]`: the interactive reader's entry point and event loop. */
#include "config.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/cli.h"
#include "store/store.h"
#include "ui/ui.h"
#include "view/extedit.h"
#include "view/view.h"
#include "view/vnotes.h"

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal interrupts the wait for a key, so the loop can end cleanly. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Opens the notes database; without it the document is still read (vnotes says why). */
static struct store *open_store(const struct cli_opts *opts, char **msg)
{
	char *path = cli_db_path(opts);
	struct store *st = NULL;
	*msg = NULL;
	if (!path) {
		*msg = strdup("out of memory");
		return NULL;
	}
	if (store_open(path, &st, msg) != STORE_OK)
		st = NULL;
	free(path);
	return st;
}

/* A long note in the user's editor: curses steps aside while it runs. */
static void run_editor(struct view *v, struct vnotes *n)
{
	def_prog_mode();
	endwin();
	char *out = NULL, err[512];
	int rc = extedit_run(n->editor_text, &out, err, sizeof err);
	reset_prog_mode();
	vnotes_editor_done(n, v, rc == 0 ? out : NULL, err);
	free(out);
}

static void resize(struct view *v)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	view_resize(v, cols, rows);
}

int cmd_read(const char *file, struct cli_opts *opts)
{
	setlocale(LC_ALL, "");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error("the reader needs a terminal; 'gavel show FILE' prints the text");
		return EX_USAGE;
	}
	struct collection *col = NULL;
	int rc = cli_load(file, opts, &col);
	if (rc != 0)
		return rc;
	if (!col || col->ndocs == 0) {
		cli_error("%s: no resolution found", file ? file : cli_sample_path());
		collection_free(col);
		return EX_DATAERR;
	}
	int utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	struct view v;
	if (view_open(&v, col, 0, utf8) < 0) {
		cli_error("out of memory");
		collection_free(col);
		return EX_OSERR;
	}
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		cli_error("cannot use the terminal (TERM=%s)", getenv("TERM") ? getenv("TERM") : "");
		view_close(&v);
		collection_free(col);
		return EX_UNAVAILABLE;
	}
	char *store_msg = NULL;
	struct store *st = open_store(opts, &store_msg);
	struct vnotes notes;
	vnotes_open(&notes, &v, st, store_msg);
	free(store_msg);
	v.notes = &notes;
	catch_signals();
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keyin_init();
	style_init(opts->no_color);
	/* Wake up every second to show notes other processes added. */
	timeout(1000);
	resize(&v);
	vnotes_restore_position(&notes, &v);
	int status = 0;
	while (!v.quit) {
		vnotes_poll(&notes, &v);
		draw_screen(&v);
		int key = keyin_read(&v);
		if (got_signal) {
			if (got_signal != SIGINT) {
				/* SIGTERM, SIGHUP: leave the terminal clean, exit as the shell expects. */
				status = 128 + got_signal;
				break;
			}
			got_signal = 0;
			/* Ctrl-C cancels a command line or popup, as Esc does; q quits. */
			if (v.mode != MODE_NORMAL || vnotes_active(&notes))
				view_key(&v, VK_ESC);
			else
				view_message(&v, 0, "type q to quit");
			continue;
		}
		if (key == VK_RESIZE) {
			resize(&v);
			continue;
		}
		if (key >= 0 && key != VK_MOUSE)
			view_key(&v, key);
		if (notes.want_editor)
			run_editor(&v, &notes);
	}
	endwin();
	delscreen(scr);
	vnotes_save_position(&notes, &v);
	vnotes_close(&notes, &v);
	v.notes = NULL;
	store_close(st);
	view_close(&v);
	collection_free(col);
	return status;
}
