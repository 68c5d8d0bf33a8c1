/* reader.c: `gavel [FILE]`: the interactive reader's entry point and event loop. */
#include "config.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "doc/bgparse.h"
#include "doc/pdf.h"
#include "store/store.h"
#include "text/utf8.h"
#include "ui/ui.h"
#include "view/copy.h"
#include "view/extedit.h"
#include "view/view.h"
#include "view/vnotes.h"
#include "view/vwith.h"
#include "view/vlib.h"

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
	/* The database's full check runs beside the reader; a write waits for it (issue 18). */
	if (store_open_mode(path, STORE_CHECK_BACKGROUND, &st, msg) != STORE_OK)
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

/* The terminal's clipboard (OSC 52): a copy command of the user's, when configured, was run
 * by the view already. */
static void copy_out(struct view *v)
{
	char *seq = copy_osc52(v->copy_text ? v->copy_text : "");
	if (!seq) {
		view_copy_done(v, "OSC 52", "out of memory");
		return;
	}
	fputs(seq, stdout);
	fflush(stdout);
	free(seq);
	view_copy_done(v, "OSC 52", NULL);
}

static void resize(struct view *v)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	view_resize(v, cols, rows);
}

/* Files larger than this open on their first bytes at once, the whole being read in another
 * thread (issue 7: on screen no later than less shows it). The opening is parsed from the
 * first PREFIX_BYTES, which hold most whole resolutions and cost about half a millisecond;
 * when its first resolution is cut there, from PREFIX_MAX, so that a longer one still opens
 * whole, with its footnotes, notes and saved place. */
#define PREFIX_THRESHOLD ((off_t)1 << 20)
#define PREFIX_BYTES ((size_t)32 << 10)
#define PREFIX_MAX ((size_t)128 << 10)

/* A large file being read in the background: what the reader shows meanwhile. */
struct loader {
	const char *file;           /* to be read by loader_run */
	enum input_format format;
	struct bgparse *bg;         /* NULL once the whole file is there (or failed) */
	char name[128];             /* the file's base name, made safe for the terminal */
	struct collection *col;     /* the collection on screen (owned) */
	struct vnotes *notes;
	int notes_open;             /* vnotes_open ran (a cut document waits for the whole) */
	struct store *st;
	char *store_msg;
	int keys;                   /* keys typed: a saved position never yanks a reader who moved */
	int oom;                    /* the whole file could not be read or shown: out of memory */
	double t0, eta;             /* when the parse started; its expected seconds */
	int pages;                  /* a PDF: its progress is pages read, never an estimate */
	char status[256];           /* the progress message last shown */
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "reading FILE… 42%" on the status line, unless another message is up. The percentage is
 * an estimate from the opening's parse speed, held below 100 until the whole is there. A
 * PDF's bytes say nothing of its pages' cost: it shows the page its reader is on ("page 12
 * of 100"), and nothing until that is known. */
static void loader_progress(struct loader *l, struct view *v, const char *extra)
{
	if (v->msg[0] && strcmp(v->msg, l->status) != 0)
		return;
	const char *dots = v->utf8 ? "\u2026" : "...";
	if (l->pages) {
		int page = 0, total = 0;
		if (l->bg)
			pdf_progress(&page, &total);
		if (page > 0 && total >= page)
			view_message(v, 0, "reading %s%s page %d of %d%s", l->name, dots, page, total,
			             extra ? extra : "");
		else
			view_message(v, 0, "reading %s%s%s", l->name, dots, extra ? extra : "");
	} else {
		double f = l->eta > 0 ? (now() - l->t0) / l->eta : 0;
		int pct = f >= 0.99 ? 99 : f > 0 ? (int)(f * 100) : 0;
		view_message(v, 0, "reading %s%s %d%%%s", l->name, dots, pct, extra ? extra : "");
	}
	snprintf(l->status, sizeof l->status, "%s", v->msg);
}

static void loader_open_notes(struct loader *l, struct view *v)
{
	vnotes_open(l->notes, v, l->st, l->store_msg);
	v->notes = l->notes;
	l->notes_open = 1;
	if (v->geom.cols > 0)
		vnotes_resize(l->notes, v->geom.rows);
	vnotes_restore_position(l->notes, v);
}

/* The whole file is parsed (or failed): swap it in, or keep what is shown and say why.
 * Returns 0 when the whole file is on screen. */
static int loader_swap(struct loader *l, struct view *v, struct collection *col, int rc,
                       const struct parse_diag *diag)
{
	int cut = v->loading == 2;
	if (v->msg[0] && strcmp(v->msg, l->status) == 0)
		v->msg[0] = '\0';
	if (rc != 0 || !col || col->ndocs == 0) {
		collection_free(col);
		l->oom |= rc == EX_OSERR;
		/* The opening stays; what needs the rest now works on it. */
		v->loading = 0;
		view_message(v, 1, "could not read all of the file (%s): showing its first %s",
		             rc && diag->reason[0] ? diag->reason : "no resolution found",
		             cut ? "part, without notes" : "resolutions");
		/* Notes anchor on a document's whole text: a cut one gets none. */
		if (!cut && !l->notes_open)
			loader_open_notes(l, v);
		return -1;
	}
	/* On failure (out of memory) the view is on the new collection's first document. */
	int err = view_swap_collection(v, col);
	if (err) {
		view_message(v, 1, "out of memory");
		l->oom = 1;
	}
	else if (diag->nwarnings)
		view_message(v, 0, "warning: %s", diag->warnings[0]);
	if (!l->notes_open) {
		loader_open_notes(l, v);
	} else {
		/* Notes follow the document to its new copy (letting go of the old one, which
		 * is freed only then); the saved place too if nobody moved. */
		vnotes_poll(l->notes, v);
		if (!l->keys)
			vnotes_restore_position(l->notes, v);
	}
	collection_free(l->col);
	l->col = col;
	return err ? -1 : 0;
}

static int loader_finish(struct loader *l, struct view *v)
{
	struct collection *col = NULL;
	struct parse_diag diag;
	int rc = 0;
	if (!bgparse_take(l->bg, &col, &rc, &diag))
		return -1;
	bgparse_end(l->bg);
	l->bg = NULL;
	return loader_swap(l, v, col, rc, &diag);
}

/* Starts reading the whole file, once the first screen is out (the worker's reading of the
 * file would compete with it). Without a thread the file is read here and now. */
static int loader_run(struct loader *l, struct view *v)
{
	const char *file = l->file;
	l->file = NULL;
	l->t0 = now();
	l->bg = bgparse_start(file, l->format);
	if (l->bg)
		return 0;
	struct collection *col = NULL;
	struct parse_diag diag;
	memset(&diag, 0, sizeof diag);
	int rc = parse_file(file, l->format, &col, &diag);
	return loader_swap(l, v, col, rc, &diag);
}

/* view.need_all: waits for the whole file, showing progress; Ctrl-C stops waiting. Keys
 * typed meanwhile stay queued and run on the whole file, as with less's G. */
static int loader_need_all(void *ctx, struct view *v)
{
	struct loader *l = ctx;
	if (l->file && loader_run(l, v) < 0)
		return -1;
	if (!l->bg)
		return v->loading ? -1 : 0;
	while (!bgparse_wait(l->bg, 100)) {
		if (got_signal) {
			if (got_signal == SIGINT) {
				got_signal = 0;
				view_message(v, 1, "stopped waiting: %s is still being read", l->name);
			}
			return -1;
		}
		loader_progress(l, v, " (Ctrl-C stops waiting)");
		screen_draw(v);
	}
	return loader_finish(l, v);
}

/* Opens a large file's first PREFIX_BYTES (or PREFIX_MAX); loader_run reads the whole.
 * Returns 0 with *col set, or -1 when the file is read the ordinary way. */
static int loader_start(struct loader *l, const char *file, const struct cli_opts *opts,
                        struct collection **col, int *partial)
{
	struct stat st;
	if (!file || stat(file, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= PREFIX_THRESHOLD)
		return -1;
	struct parse_diag diag;
	memset(&diag, 0, sizeof diag);
	double t = now();
	size_t got = PREFIX_BYTES;
	if (parse_file_prefix(file, got, opts->format, col, partial, &diag) != 0)
		return -1;
	/* A PDF's opening is its first pages, whatever the bytes asked: a larger one would show
	 * no more, and its time says nothing of the whole's. */
	l->pages = diag.shape && strcmp(diag.shape, "pdf-file") == 0;
	if (*partial && !l->pages && st.st_size > (off_t)PREFIX_MAX) {
		struct collection *more = NULL;
		int cut = 0;
		memset(&diag, 0, sizeof diag);
		t = now();
		if (parse_file_prefix(file, PREFIX_MAX, opts->format, &more, &cut, &diag) == 0) {
			collection_free(*col);
			*col = more;
			*partial = cut;
			got = PREFIX_MAX;
		}
	}
	l->eta = (now() - t) * (double)st.st_size / (double)got;
	l->file = file;
	l->format = opts->format;
	const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
	char *safe = utf8_sanitize(base, strlen(base), 0);
	snprintf(l->name, sizeof l->name, "%s", safe ? safe : "the file");
	free(safe);
	return 0;
}

int cmd_read(const char *file, struct cli_opts *opts)
{
	/* Only the character set: curses needs it for UTF-8. Messages stay English and numbers
	 * keep their '.', and the other categories' files are not read at every start. */
	setlocale(LC_CTYPE, "");
#ifdef M_TRIM_THRESHOLD
	/* What the reader frees stays in its heap (up to 8 MB) for what it makes next, rather than
	 * going back to the system at once: a PDF's opening frees its reading's arena (pdf-quick.c)
	 * just before the model, the screen and the notes database are made, and on a virtual
	 * machine every page touched anew traps to the host. Measured on the bench's 100-page PDF
	 * (a timeline of the reader's phases, medians of 21): from the opening read to the first
	 * screen drawn 57 page faults -> 16, 1.48 -> 1.22 ms; a text's opening is the same either
	 * way. */
	mallopt(M_TRIM_THRESHOLD, 8 << 20);
#endif
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error("the reader needs a terminal; 'gavel show FILE' prints the text");
		return EX_USAGE;
	}
	struct collection *col = NULL;
	struct loader ld;
	memset(&ld, 0, sizeof ld);
	int partial = 0;
	struct parse_diag diag;
	memset(&diag, 0, sizeof diag);
	/* A second copy beside pairs with the whole document: no opening first. */
	if (opts->with || loader_start(&ld, file, opts, &col, &partial) != 0) {
		int rc = cli_load_diag(file, opts, &col, &diag);
		if (rc != 0)
			return rc;
	}
	if (!col || col->ndocs == 0) {
		cli_error("%s: no resolution found", file ? file : cli_sample_path());
		collection_free(col);
		return EX_DATAERR;
	}
	int utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	struct view v;
	if (view_open(&v, col, 0, utf8) < 0) {
		cli_error("out of memory");
		bgparse_end(ld.bg);
		collection_free(col);
		return EX_OSERR;
	}
	/* Keys and colours of the user's before anything is drawn. */
	view_configure(&v, NULL);
	if (opts->with) {
		/* gavel FILE --with OTHER: the second copy beside, or one line and out */
		int wrc = vwith_open(&v, opts->with);
		if (wrc) {
			cli_error("%s", v.msg);
			view_close(&v);
			collection_free(col);
			return wrc;
		}
	}
	/* The library: citations followed into other resolutions (opened at first use). */
	struct vlib lib;
	char *libpath = cli_library_path(opts);
	vlib_attach(&lib, &v, libpath);
	free(libpath);
	ld.col = col;
	if (diag.nwarnings)
		view_message(&v, 0, "warning: %s", diag.warnings[0]);
	if (ld.file) {
		v.loading = partial ? 2 : 1;
		v.need_all = loader_need_all;
		v.need_all_ctx = &ld;
	}
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		cli_error("cannot use the terminal (TERM=%s)", getenv("TERM") ? getenv("TERM") : "");
		view_close(&v);
		vlib_detach(&lib);
		bgparse_end(ld.bg);
		collection_free(col);
		return EX_UNAVAILABLE;
	}
	struct store *st = NULL;
	struct vnotes notes;
	ld.notes = &notes;
	catch_signals();
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	/* Until the screen has once been left and resumed, ncurses writes its output out at
	 * every cursor movement: forty writes for a screen. Leaving and resuming now, before
	 * anything is drawn (and before colours, whose reset a resume would send), lets every
	 * screen go out in one write from the first on (issue 7). */
	endwin();
	doupdate();
	style_init(opts->no_color, &v.conf);
	/* Wake up every second to show notes other processes added; ten times a second while
	 * the whole file is being read, to show progress and swap it in soon after. */
	timeout(ld.file ? 100 : 1000);
	resize(&v);
	/* The text first, then the notes database (opening, syncing and re-anchoring can take
	 * milliseconds, and a saved place only moves the screen once it is up). */
	if (ld.file)
		loader_progress(&ld, &v, NULL);
	screen_draw(&v);
	/* Keys are read only now: the keypad's table and the mouse are set up after the first
	 * screen is out. */
	keyin_init();
	st = open_store(opts, &ld.store_msg);
	ld.st = st;
	/* A cut document gets its notes and saved place once it is whole. */
	if (v.loading != 2)
		loader_open_notes(&ld, &v);
	int status = 0;
	while (!v.quit) {
		/* Not while a note is being made: its selection or prompt holds paragraph indexes. */
		if (ld.file) {
			loader_progress(&ld, &v, NULL);
		} else if (ld.bg && !view_busy(&v)) {
			if (bgparse_wait(ld.bg, 0)) {
				loader_finish(&ld, &v);
				timeout(1000);
			} else {
				loader_progress(&ld, &v, NULL);
			}
		}
		if (ld.notes_open)
			vnotes_poll(&notes, &v);
		char damage[512];
		if (store_check_poll(st, damage, sizeof damage))
			view_message(&v, 1, "notes cannot be saved: %s", damage);
		if (v.redraw) {
			clearok(curscr, TRUE);
			v.redraw = 0;
		}
		screen_draw(&v);
		if (v.cache->oom) {
			/* A pane left empty for want of memory is no way to read: say so and end. */
			status = EX_OSERR;
			break;
		}
		if (ld.file && loader_run(&ld, &v) < 0)
			timeout(1000);
		struct input in;
		keyin_read(&in);
		if (in.kind != IN_NONE && in.kind != IN_RESIZE)
			ld.keys++;
		if (got_signal) {
			if (got_signal != SIGINT) {
				/* SIGTERM, SIGHUP: leave the terminal clean, exit as the shell expects. */
				status = 128 + got_signal;
				break;
			}
			got_signal = 0;
			/* Ctrl-C closes a line or a popup, as Esc does; in reading it says how to quit. */
			view_interrupt(&v);
			continue;
		}
		switch (in.kind) {
		case IN_RESIZE:
			resize(&v);
			break;
		case IN_KEY:
			view_key(&v, in.key);
			break;
		case IN_CLICK:
			view_click(&v, in.y, in.x);
			break;
		case IN_WHEEL:
			view_wheel(&v, in.y, in.x, in.delta);
			break;
		case IN_NONE:
			break;
		}
		if (ld.notes_open && notes.want_editor)
			run_editor(&v, &notes);
		if (v.want_copy)
			copy_out(&v);
	}
	endwin();
	delscreen(scr);
	const char *shown = file ? file : cli_sample_path();
	if (status == EX_OSERR) {
		cli_error("%s: out of memory: the text could not be laid out on the screen", shown);
	} else if (ld.oom && status == 0) {
		cli_error("%s: out of memory: only its first part could be read", shown);
		status = EX_OSERR;
	}
	/* Quitting never waits for the rest of the file: the worker finishes on its own. */
	bgparse_end(ld.bg);
	if (ld.notes_open) {
		vnotes_save_position(&notes, &v);
		vnotes_close(&notes, &v);
	}
	v.notes = NULL;
	/* The lines typed this time join the history file; failing that is not worth a word. */
	char herr[256];
	linehist_save(&v.lines, herr, sizeof herr);
	free(ld.store_msg);
	store_close(st);
	view_close(&v);
	vlib_detach(&lib);
	collection_free(ld.col);
	return status;
}
