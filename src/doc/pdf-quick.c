/* pdf-quick.c: the first pages of a plain PDF read in process (pdf-quick.h), written as the
 * helper's page stream. The helper (pdf-mupdf.c) gives MuPDF's characters to the span rules;
 * this file makes the same characters itself (origin, advance box, font, size, Unicode) from
 * the content streams and hands them to the same rules, line by line as MuPDF's structured
 * text forms lines, each written out as spans when the next begins. Whatever it does not
 * fully understand, it refuses: one longjmp back to pdf_quick_stream, and since a read's
 * memory lives in its arenas and a few buffers of struct quick, refusing from any depth
 * frees everything at once. */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <unictype.h>
#include <zlib.h>

#include "doc/pdf-chars.h"
#include "doc/pdf-quick.h"

/* ---- bounds: a resolution's opening is far inside every one of them ---- */

#define QUICK_MAX_FILE ((size_t)256 << 20)     /* a PDF larger than this goes to the helper */
#define MAX_INFLATE ((size_t)16 << 20)    /* bytes decompressed in one read, all streams */
#define MAX_ARENA ((size_t)64 << 20)      /* memory for objects and characters */
#define MAX_OBJECTS 20000                 /* objects parsed */
#define MAX_OPS 400000                    /* content operators per read */
/* A whole read of a large file may go further, in proportion to the file: its pages' content
 * costs its bytes (inflated at most INFLATE_PER_BYTE times) and its operators at most one per
 * OPS_BYTES bytes of the file (a 600-page resolution of 23 MB: 1.4 million operators, 37 MB
 * of content; what a small file can make gavel do stays bounded as above). */
#define INFLATE_PER_BYTE 2
#define OPS_BYTES 8
#define MAX_DEPTH 24                      /* nesting of objects, page tree, forms */
#define MAX_XREF_SECTIONS 64              /* /Prev hops */
#define MAX_XREF_SIZE 4000000             /* object numbers */
#define MAX_RULES 64                      /* as the helper notes them per page */
#define MAX_LINE 20000                    /* glyphs on one line */

/* ---- the arena and refusal ---- */

struct chunk {
	struct chunk *next;
	size_t used, cap, size;
	size_t ready;         /* data[0..ready) needs no filling (chunk_fill) */
	max_align_t data[];
};

struct quick;
static void refuse(struct quick *q, const char *why);

struct obj;

struct xent {
	unsigned char type;   /* 0 free or absent, 1 at offset, 2 in object stream */
	uint64_t a;           /* offset, or the object stream's number */
	uint32_t b;           /* index in the object stream */
	struct obj *cached;
	int busy;             /* being parsed: a reference back to it is a loop */
	const unsigned char *dec;   /* an object stream's bytes, decoded once */
	size_t ndec;
};

struct arena {
	struct chunk *head;
};

struct quick {
	sigjmp_buf fail;
	const char *why;
	const unsigned char *buf;
	size_t len;
	struct arena perm, scratch;
	struct arena page;    /* the page being read: its content, let go after it */
	size_t max_inflate;   /* MAX_INFLATE, or more for a large file */
	long max_ops;         /* MAX_OPS, likewise */
	struct arena *cur;    /* where qalloc takes from */
	size_t arena_total;
	struct qchar *chars;  /* the characters of the line being read (MuPDF's line) */
	size_t chars_cap;
	struct qchar **order; /* work space of one line: its characters in reading order */
	void *placed;         /* and where they go (line_chars) */
	size_t order_cap, placed_cap;
	char *text;           /* the text of the span being made */
	size_t text_cap;
	struct obj *arr;      /* the items of a content stream's array operand (a TJ's) */
	size_t arr_cap;
	struct obj *stk;      /* the items of the arrays and dicts being parsed (parse_items) */
	size_t nstk, stk_cap;
	size_t inflated;
	long objects, ops;
	int in_content;       /* parsing operands: no references there */
	struct xent *xref;
	size_t nxref;
	z_stream z;           /* one inflater for every stream (reset, not made anew) */
	int z_ready;
	char *out;            /* the stream being written */
	size_t n, cap;
	int count;            /* the document's pages (its page tree's /Count), once read */
	int progress;         /* a whole read's part: its pages counted (pdf_quick_progress) */
};

/* The pages the last whole read has read, and how many it reads. */
static _Atomic int prog_done, prog_total;

void pdf_quick_progress(int *done, int *total)
{
	*done = atomic_load(&prog_done);
	*total = atomic_load(&prog_total);
}

static void refuse(struct quick *q, const char *why)
{
	q->why = why;
	siglongjmp(q->fail, 1);
}

/* The file is mapped, not read: cut short by another process while it is read, its pages
 * past the new end fault (SIGBUS). The read that faults refuses, and the helper, which reads
 * the file in a process of its own, says what became of it. The handler is there while some
 * thread reads (the first to start installs it, the last to end puts the old one back); a
 * fault outside a read goes to the old handler (the handler steps aside and the instruction
 * faults again). */
static _Thread_local struct quick *bus_quick;   /* the read under way on this thread */
static pthread_mutex_t bus_mu = PTHREAD_MUTEX_INITIALIZER;
static int bus_readers;
static struct sigaction bus_old;

static void on_bus(int sig)
{
	struct quick *q = bus_quick;
	if (!q) {
		sigaction(sig, &bus_old, NULL);
		return;
	}
	bus_quick = NULL;
	q->why = "the file changed while read";
	siglongjmp(q->fail, 1);
}

static void bus_guard(int on)
{
	pthread_mutex_lock(&bus_mu);
	if (on && bus_readers++ == 0) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_bus;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGBUS, &sa, &bus_old);
	} else if (!on && --bus_readers == 0) {
		sigaction(SIGBUS, &bus_old, NULL);
	}
	pthread_mutex_unlock(&bus_mu);
}

/* Memory comes in chunks from the heap, each below malloc's mmap threshold (128 KB), so that,
 * freed after the read, they stay in the heap and the layout and the model that follow use
 * pages already touched. A chunk's pages are filled as its allocations reach them, 16 KB at a
 * time in one system call (MADV_POPULATE_WRITE, Linux 5.14; elsewhere they fault in as they
 * are touched): on a virtual machine the first touch of a page costs more than the reading of
 * it (the helper's heap_ready says the same of MuPDF), and a page filled but never used costs
 * as much. Measured on the bench's opening (qc: cold runs alternated 30 times, lower
 * quartiles), read and layout: chunks of 512 KB mapped on their own 3.00 ms, chunks of 64 KB
 * from the heap 2.58 ms (layout 0.58 -> 0.36 ms, 30 page faults -> 13), the same unfilled
 * 2.99 ms, chunks of 128 KB (which malloc maps on their own) 3.02 ms. Filling whole chunks
 * at once filled 60 KB that the bench's first page never used (its last chunk). Two arenas:
 * what a read keeps (objects, fonts, decoded streams: 350 KB for the two pages of the bench's
 * opening) and the scratch of one operator or line, emptied after it, so that its memory
 * stays in the cache. */
#define CHUNK ((size_t)64 << 10)
#define SCRATCH_CHUNK ((size_t)32 << 10)
#define FILL_STEP ((size_t)16 << 10)

static struct chunk *chunk_new(size_t size)
{
	struct chunk *c = malloc(size);
	if (!c)
		return NULL;
	c->size = size;
	c->ready = 0;
	return c;
}

/* Makes c->data[0..want) ready: its pages from c->ready on filled, at least FILL_STEP more. */
static void chunk_fill(struct chunk *c, size_t want)
{
	if (want < c->ready + FILL_STEP)
		want = c->ready + FILL_STEP;
	if (want > c->cap)
		want = c->cap;
#ifdef MADV_POPULATE_WRITE
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
	uintptr_t lo = ((uintptr_t)c->data + c->ready) & ~(page - 1);
	uintptr_t hi = ((uintptr_t)c->data + want + page - 1) & ~(page - 1);
	uintptr_t end = ((uintptr_t)c->data + c->cap) & ~(page - 1);
	if (hi > end)
		hi = end;
	if (page && hi > lo)
		madvise((void *)lo, hi - lo, MADV_POPULATE_WRITE);
#endif
	c->ready = want;
}

static void *qalloc_chunk(struct quick *q, struct arena *a, size_t n, int fill);

/* n bytes of arena a: from its chunk, or a new chunk when it is full. */
static inline void *qalloc_in(struct quick *q, struct arena *a, size_t n)
{
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	struct chunk *c = a->head;
	if (c && c->ready - c->used >= n) {
		void *p = (char *)c->data + c->used;
		c->used += n;
		return p;
	}
	return qalloc_chunk(q, a, n, 1);
}

/* n bytes of the current arena. */
static inline void *qalloc(struct quick *q, size_t n)
{
	return qalloc_in(q, q->cur, n);
}

/* Room for n bytes (a multiple of max_align_t; fill: its pages filled first, else left to
 * fault in as they are written) in a's chunk, or in a new one. */
static void *qalloc_chunk(struct quick *q, struct arena *a, size_t n, int fill)
{
	struct chunk *c = a->head;
	if (!c || c->cap - c->used < n) {
		size_t want = a == &q->scratch ? SCRATCH_CHUNK : CHUNK;
		size_t cap = n > want - sizeof(struct chunk) ? n : want - sizeof(struct chunk);
		if (q->arena_total + cap > MAX_ARENA)
			refuse(q, "memory bound");
		c = chunk_new(sizeof *c + cap);
		if (!c)
			refuse(q, "out of memory");
		c->next = a->head;
		c->used = 0;
		c->cap = cap;
		a->head = c;
		q->arena_total += c->size;
	}
	if (c->ready - c->used < n) {
		if (fill)
			chunk_fill(c, c->used + n);
		else if (c->ready < c->used + n)
			c->ready = c->used + n;
	}
	void *p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

/* Gives back the end of p, arena a's last allocation, beyond its first keep bytes. */
static void qalloc_trim(struct arena *a, void *p, size_t keep)
{
	struct chunk *c = a->head;
	keep = (keep + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (!c || (char *)p < (char *)c->data || (char *)p > (char *)c->data + c->used)
		return;
	size_t at = (size_t)((char *)p - (char *)c->data);
	if (at + keep < c->used)
		c->used = at + keep;
}

/* Empties an arena (the scratch, a page's): its first chunk is kept, any more given back. */
static void arena_reset(struct quick *q, struct arena *a)
{
	struct chunk *c = a->head;
	while (c && c->next) {
		struct chunk *nx = c->next;
		q->arena_total -= c->size;
		free(c);
		c = nx;
	}
	if (c)
		c->used = 0;
	a->head = c;
}

static void scratch_reset(struct quick *q)
{
	arena_reset(q, &q->scratch);
}

static void arena_free(struct quick *q)
{
	struct arena *a[3] = { &q->perm, &q->scratch, &q->page };
	for (int k = 0; k < 3; k++) {
		for (struct chunk *c = a[k]->head, *nx; c; c = nx) {
			nx = c->next;
			free(c);
		}
		a[k]->head = NULL;
	}
}

/* The stream written grows in the arena's stead (it outlives the read): room for n more
 * bytes and a NUL after them. */
static void out_room(struct quick *q, size_t n)
{
	if (q->cap - q->n > n)
		return;
	size_t cap = q->cap ? q->cap * 2 : (size_t)16 << 10;
	while (cap - q->n <= n)
		cap *= 2;
	if (cap > MAX_ARENA)
		refuse(q, "stream bound");
	char *no = realloc(q->out, cap);
	if (!no)
		refuse(q, "out of memory");
	q->out = no;
	q->cap = cap;
}

static void emit(struct quick *q, const char *fmt, ...)
{
	for (;;) {
		va_list ap;
		va_start(ap, fmt);
		int k = vsnprintf(q->out ? q->out + q->n : NULL, q->out ? q->cap - q->n : 0, fmt, ap);
		va_end(ap);
		if (k < 0)
			refuse(q, "format");
		if (q->out && (size_t)k < q->cap - q->n) {
			q->n += (size_t)k;
			return;
		}
		out_room(q, (size_t)k);
	}
}

/* Appends bytes to the stream. */
static void emit_bytes(struct quick *q, const char *b, size_t n)
{
	out_room(q, n);
	memcpy(q->out + q->n, b, n);
	q->n += n;
	q->out[q->n] = '\0';
}

/* " %.2f" of v into p (a span has seven numbers: printf's general formatting was a tenth of
 * the read); rounds half away from zero where printf rounds the binary value, a hundredth
 * apart at most, which no box comparison sees. Returns the length. */
static size_t put_num(char *p, float v)
{
	double x = v < 0 ? -(double)v : (double)v;
	if (x > 1e15)
		x = 1e15;   /* f32 holds boxes within 1e30; no page reaches this */
	long long c = llround(x * 100), c0 = c;
	char t[32];
	size_t k = 0;
	t[k++] = (char)('0' + c % 10);
	c /= 10;
	t[k++] = (char)('0' + c % 10);
	c /= 10;
	t[k++] = '.';
	do {
		t[k++] = (char)('0' + c % 10);
		c /= 10;
	} while (c && k < 30);
	size_t n = 0;
	p[n++] = ' ';
	if (v < 0 && c0 != 0)
		p[n++] = '-';
	while (k)
		p[n++] = t[--k];
	return n;
}

/* ---- objects ---- */

enum { O_NULL, O_BOOL, O_NUM, O_STR, O_NAME, O_ARR, O_DICT, O_REF };

struct obj {
	unsigned char t;
	double num;                 /* O_NUM, O_BOOL; O_REF: the object number */
	const char *s;              /* O_STR, O_NAME (names NUL-terminated) */
	size_t n;                   /* its length; O_ARR, O_DICT: the items (a dict: 2n) */
	struct obj *v;
	const unsigned char *data;  /* a stream's bytes, when the dict has them */
	size_t dlen;
};

static struct obj null_obj = { O_NULL, 0, NULL, 0, NULL, NULL, 0 };

struct lex {
	const unsigned char *p, *end;
};

/* A byte's class: PDF's white space, its delimiters, hex digits; one table the lexer's loops
 * look up (an opening's two pages are some 100 KB of content, every byte of it tested). */
enum { C_SPACE = 1, C_DELIM = 2, C_HEX = 4 };

static const unsigned char cclass[256] = {
	[0] = C_SPACE, ['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\f'] = C_SPACE, ['\r'] = C_SPACE,
	[' '] = C_SPACE, ['('] = C_DELIM, [')'] = C_DELIM, ['<'] = C_DELIM, ['>'] = C_DELIM,
	['['] = C_DELIM, [']'] = C_DELIM, ['{'] = C_DELIM, ['}'] = C_DELIM, ['/'] = C_DELIM,
	['%'] = C_DELIM, ['0'] = C_HEX, ['1'] = C_HEX, ['2'] = C_HEX, ['3'] = C_HEX, ['4'] = C_HEX,
	['5'] = C_HEX, ['6'] = C_HEX, ['7'] = C_HEX, ['8'] = C_HEX, ['9'] = C_HEX, ['a'] = C_HEX,
	['b'] = C_HEX, ['c'] = C_HEX, ['d'] = C_HEX, ['e'] = C_HEX, ['f'] = C_HEX, ['A'] = C_HEX,
	['B'] = C_HEX, ['C'] = C_HEX, ['D'] = C_HEX, ['E'] = C_HEX, ['F'] = C_HEX,
};

static int is_space(int c)
{
	return cclass[(unsigned char)c] & C_SPACE;
}

static int is_delim(int c)
{
	return cclass[(unsigned char)c] & C_DELIM;
}

static inline void skip_space(struct lex *l)
{
	while (l->p < l->end) {
		if (cclass[*l->p] & C_SPACE)
			l->p++;
		else if (*l->p == '%')
			while (l->p < l->end && *l->p != '\n' && *l->p != '\r')
				l->p++;
		else
			break;
	}
}

static int hexval(int c)
{
	if (!(cclass[(unsigned char)c] & C_HEX))
		return -1;
	return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* A literal string's bytes (l->p just after its "("), escapes undone. */
static void lex_string(struct quick *q, struct lex *l, struct obj *o)
{
	size_t cap, n = 0;
	const unsigned char *start = l->p;
	/* its undone length is at most its raw length: measured first */
	int depth = 1;
	const unsigned char *e = start;
	while (e < l->end && depth) {
		if (*e == '\\')
			e++;
		else if (*e == '(')
			depth++;
		else if (*e == ')')
			depth--;
		e++;
	}
	if (depth)
		refuse(q, "unterminated string");
	cap = (size_t)(e - start) + 1;
	char *s = qalloc(q, cap);
	depth = 1;
	while (l->p < l->end) {
		int c = *l->p++;
		if (c == '(')
			depth++;
		else if (c == ')' && --depth == 0)
			break;
		else if (c == '\\' && l->p < l->end) {
			c = *l->p++;
			static const char from[] = "nrtbf", to[] = "\n\r\t\b\f";
			const char *k = strchr(from, c);
			if (k && c)
				c = to[k - from];
			else if (c >= '0' && c <= '7') {
				int v = c - '0';
				for (int i = 0; i < 2 && l->p < l->end && *l->p >= '0' && *l->p <= '7'; i++)
					v = v * 8 + *l->p++ - '0';
				c = v & 0xff;
			} else if (c == '\r') {
				if (l->p < l->end && *l->p == '\n')
					l->p++;
				continue;
			} else if (c == '\n')
				continue;
		}
		s[n++] = (char)c;
	}
	s[n] = '\0';
	o->t = O_STR;
	o->s = s;
	o->n = n;
}

static void lex_hex(struct quick *q, struct lex *l, struct obj *o)
{
	/* the short ones of Identity-H text (<0024>, a glyph or two) first, without a search */
	const unsigned char *p = l->p;
	if (l->end - p >= 5 && p[4] == '>' && (cclass[p[0]] & cclass[p[1]] & cclass[p[2]]
	                                       & cclass[p[3]] & C_HEX)) {
		char *s = qalloc(q, 3);
		s[0] = (char)(hexval(p[0]) << 4 | hexval(p[1]));
		s[1] = (char)(hexval(p[2]) << 4 | hexval(p[3]));
		s[2] = '\0';
		l->p = p + 5;
		o->t = O_STR;
		o->s = s;
		o->n = 2;
		return;
	}
	const unsigned char *e = memchr(l->p, '>', (size_t)(l->end - l->p));
	if (!e)
		refuse(q, "unterminated hex string");
	char *s = qalloc(q, (size_t)(e - l->p) / 2 + 2);
	size_t n = 0;
	int hi = -1;
	for (; l->p < e; l->p++) {
		int v = hexval(*l->p);
		if (v < 0) {
			if (!is_space(*l->p))
				refuse(q, "bad hex string");
			continue;
		}
		if (hi < 0)
			hi = v;
		else {
			s[n++] = (char)(hi << 4 | v);
			hi = -1;
		}
	}
	if (hi >= 0)
		s[n++] = (char)(hi << 4);
	l->p = e + 1;
	s[n] = '\0';
	o->t = O_STR;
	o->s = s;
	o->n = n;
}

static void lex_name(struct quick *q, struct lex *l, struct obj *o)
{
	const unsigned char *b = l->p;
	while (l->p < l->end && !is_space(*l->p) && !is_delim(*l->p))
		l->p++;
	char *s = qalloc(q, (size_t)(l->p - b) + 1);
	size_t n = 0;
	for (const unsigned char *c = b; c < l->p; c++) {
		if (*c == '#' && c + 2 < l->p && hexval(c[1]) >= 0 && hexval(c[2]) >= 0) {
			s[n++] = (char)(hexval(c[1]) << 4 | hexval(c[2]));
			c += 2;
		} else
			s[n++] = (char)*c;
	}
	s[n] = '\0';
	o->t = O_NAME;
	o->s = s;
	o->n = n;
}

/* A bare word (a number, a keyword, an operator) at l->p: its length. */
static size_t word_len(const struct lex *l)
{
	const unsigned char *p = l->p;
	while (p < l->end && !(cclass[*p] & (C_SPACE | C_DELIM)))
		p++;
	return (size_t)(p - l->p);
}

static int word_is(const struct lex *l, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(l->p, w, n) == 0;
}

/* The plain decimals content streams are made of, without strtod's generality: an optional
 * sign, at most 15 digits with an optional point among them, nothing else. The digits are
 * gathered as an integer (below 2^53, so exact as a double), then divided once by the
 * power of ten the point stands for: the same double as digit-by-digit in doubles, with a
 * shorter chain per digit. Returns the length of the number at p[0..n), 0 when there is
 * none; stops at the first byte that cannot continue it. */
static size_t number_at(const unsigned char *p, size_t n, double *v)
{
	size_t i = 0;
	int neg = 0;
	if (n && (p[0] == '-' || p[0] == '+'))
		neg = p[i++] == '-';
	uint64_t x = 0;
	size_t digits = 0;
	for (; i < n && (unsigned)(p[i] - '0') < 10 && digits < 15; i++, digits++)
		x = x * 10 + (uint64_t)(p[i] - '0');
	double d;
	if (i < n && p[i] == '.') {
		uint64_t scale = 1;
		for (i++; i < n && (unsigned)(p[i] - '0') < 10 && digits < 15; i++, digits++) {
			x = x * 10 + (uint64_t)(p[i] - '0');
			scale *= 10;
		}
		d = (double)x / (double)scale;
	} else {
		d = (double)x;
	}
	if (!digits)
		return 0;
	*v = neg ? -d : d;
	return i;
}

static int parse_number(const unsigned char *p, size_t n, double *v)
{
	/* anything else (exponents, more than 15 digits) is no number a page needs */
	double x;
	if (number_at(p, n, &x) != n || !n)
		return -1;
	*v = x;
	return 0;
}

/* A number standing as a word at l->p (ending at white space, a delimiter or the end): its
 * length, 0 when the word there is no number (parse_number's way, in one pass). */
static size_t number_word(const struct lex *l, double *v)
{
	size_t k = number_at(l->p, (size_t)(l->end - l->p), v);
	if (k && l->p + k < l->end && !(cclass[l->p[k]] & (C_SPACE | C_DELIM)))
		return 0;
	return k;
}

static void parse_obj(struct quick *q, struct lex *l, struct obj *o, int depth);

static void *grow(struct quick *q, void *v, size_t *cap, size_t need, size_t size);

/* The items of an array or dict up to its closing token, into the arena at their exact count:
 * gathered first on one stack for every level (q->stk, reused). Doubled in the arena as they
 * came, they touched twice the memory they kept (a font's /Widths: 504 items for 224), each
 * page of it a fault. */
static void parse_items(struct quick *q, struct lex *l, struct obj *o, int depth, int dict)
{
	size_t base = q->nstk, n = 0;
	for (;;) {
		skip_space(l);
		if (l->p >= l->end)
			refuse(q, "unterminated array or dict");
		if (!dict && *l->p == ']') {
			l->p++;
			break;
		}
		if (dict && l->p + 1 < l->end && l->p[0] == '>' && l->p[1] == '>') {
			l->p += 2;
			break;
		}
		struct obj it;    /* not on the stack yet: the items inside it go there first */
		parse_obj(q, l, &it, depth + 1);
		if (dict && n % 2 == 0 && it.t != O_NAME)
			refuse(q, "dict key");
		q->stk = grow(q, q->stk, &q->stk_cap, q->nstk + 1, sizeof *q->stk);
		q->stk[q->nstk++] = it;
		n++;
	}
	if (dict && n % 2)
		refuse(q, "dict without value");
	struct obj *v = qalloc(q, (n ? n : 1) * sizeof *v);
	if (n)
		memcpy(v, q->stk + base, n * sizeof *v);
	q->nstk = base;
	o->t = dict ? O_DICT : O_ARR;
	o->n = dict ? n / 2 : n;
	o->v = v;
}

static void parse_obj(struct quick *q, struct lex *l, struct obj *o, int depth)
{
	*o = null_obj;
	if (depth > MAX_DEPTH)
		refuse(q, "nesting bound");
	skip_space(l);
	if (l->p >= l->end)
		refuse(q, "object cut off");
	int c = *l->p;
	if (c == '/') {
		l->p++;
		lex_name(q, l, o);
	} else if (c == '(') {
		l->p++;
		lex_string(q, l, o);
	} else if (c == '<' && l->p + 1 < l->end && l->p[1] == '<') {
		l->p += 2;
		parse_items(q, l, o, depth, 1);
	} else if (c == '<') {
		l->p++;
		lex_hex(q, l, o);
	} else if (c == '[') {
		l->p++;
		parse_items(q, l, o, depth, 0);
	} else {
		size_t n = word_len(l);
		double v;
		if (n == 0)
			refuse(q, "unexpected delimiter");
		if (word_is(l, n, "true") || word_is(l, n, "false")) {
			o->t = O_BOOL;
			o->num = *l->p == 't';
			l->p += n;
		} else if (word_is(l, n, "null")) {
			l->p += n;
		} else if (parse_number(l->p, n, &v) == 0) {
			l->p += n;
			o->t = O_NUM;
			o->num = v;
			/* "N G R": a reference (never in a content stream) */
			if (q->in_content)
				return;
			struct lex k = *l;
			skip_space(&k);
			size_t gn = word_len(&k);
			double g;
			if (gn && parse_number(k.p, gn, &g) == 0 && v == floor(v) && v > 0) {
				k.p += gn;
				skip_space(&k);
				if (word_len(&k) == 1 && *k.p == 'R') {
					o->t = O_REF;
					l->p = k.p + 1;
				}
			}
		} else {
			refuse(q, "unexpected keyword");
		}
	}
}

/* ---- the xref and object lookup ---- */

static struct obj *resolve(struct quick *q, struct obj *o);

static struct obj *dict_get(struct quick *q, struct obj *d, const char *key)
{
	d = resolve(q, d);
	if (d->t != O_DICT)
		return &null_obj;
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->v[2 * i].s, key) == 0)
			return resolve(q, &d->v[2 * i + 1]);
	return &null_obj;
}

static int is_name(const struct obj *o, const char *name)
{
	return o->t == O_NAME && strcmp(o->s, name) == 0;
}

static double num_or(const struct obj *o, double dflt)
{
	return o->t == O_NUM ? o->num : dflt;
}

/* A number as an integer within [lo, hi], else dflt: a double out of a type's range must
 * never be converted to it (undefined behaviour, and a hostile file's favourite). */
static long num_int(const struct obj *o, long lo, long hi, long dflt)
{
	return o->t == O_NUM && o->num >= (double)lo && o->num <= (double)hi ? (long)o->num : dflt;
}

/* A coordinate or size as a float, held within what any page holds. */
static float f32(double v)
{
	if (fabs(v) <= 1e30)   /* all but NaN and the far-off, in one test */
		return (float)v;
	return v != v ? 0.0f : v > 0 ? 1e30f : -1e30f;
}

static size_t memfind(const unsigned char *h, size_t hn, const char *needle, size_t from)
{
	size_t nn = strlen(needle);
	for (size_t i = from; i + nn <= hn; i++)
		if (h[i] == (unsigned char)needle[0] && memcmp(h + i, needle, nn) == 0)
			return i;
	return (size_t)-1;
}

/* After a stream's dict: its bytes, by /Length (a damaged length is refused: MuPDF repairs,
 * the helper will). */
static void stream_bytes(struct quick *q, struct lex *l, struct obj *o)
{
	skip_space(l);
	size_t n = word_len(l);
	if (!word_is(l, n, "stream"))
		return;
	l->p += n;
	if (l->p < l->end && *l->p == '\r')
		l->p++;
	if (l->p < l->end && *l->p == '\n')
		l->p++;
	struct obj *len = dict_get(q, o, "Length");
	if (len->t != O_NUM || len->num < 0 || len->num > (double)(l->end - l->p))
		refuse(q, "stream length");
	o->data = l->p;
	o->dlen = (size_t)len->num;
	struct lex k = { l->p + o->dlen, l->end };
	skip_space(&k);
	if (!word_is(&k, word_len(&k), "endstream"))
		refuse(q, "stream length");
}

static void count_object(struct quick *q)
{
	if (++q->objects > MAX_OBJECTS)
		refuse(q, "object bound");
}

/* "num gen obj <object>" at off. */
static struct obj *object_at(struct quick *q, size_t off, long num)
{
	if (off >= q->len)
		refuse(q, "xref offset");
	struct lex l = { q->buf + off, q->buf + q->len };
	struct obj a, b;
	parse_obj(q, &l, &a, 0);
	parse_obj(q, &l, &b, 0);
	skip_space(&l);
	if (a.t != O_NUM || a.num != num || b.t != O_NUM)
		refuse(q, "xref points elsewhere");
	size_t n = word_len(&l);
	if (!word_is(&l, n, "obj"))
		refuse(q, "xref points elsewhere");
	l.p += n;
	struct obj *o = qalloc(q, sizeof *o);
	parse_obj(q, &l, o, 0);
	if (o->t == O_DICT)
		stream_bytes(q, &l, o);
	return o;
}

static unsigned char *decode(struct quick *q, struct obj *s, size_t *n);

/* Object index within the object stream number os. */
static struct obj *object_in_stream(struct quick *q, long os, uint32_t idx, long num)
{
	if (os <= 0 || (size_t)os >= q->nxref || q->xref[os].type != 1)
		refuse(q, "object stream");
	struct obj ref = { O_REF, (double)os, NULL, 0, NULL, NULL, 0 };
	struct obj *st = resolve(q, &ref);
	if (!st->data)
		refuse(q, "object stream");
	/* decoded once, kept in its xref entry for the next lookups */
	struct xent *x = &q->xref[os];
	if (!x->dec)
		x->dec = decode(q, st, &x->ndec);
	const unsigned char *d = x->dec;
	size_t dn = x->ndec;
	long count = num_int(dict_get(q, st, "N"), 0, MAX_OBJECTS, -1);
	long first = num_int(dict_get(q, st, "First"), 0, 1L << 30, -1);
	if (count < 0 || first < 0 || (size_t)first > dn || idx >= (uint32_t)count)
		refuse(q, "object stream");
	struct lex l = { d, d + first };
	long onum = -1, ooff = -1;
	for (uint32_t i = 0; i <= idx; i++) {
		struct obj a, b;
		parse_obj(q, &l, &a, 0);
		parse_obj(q, &l, &b, 0);
		onum = num_int(&a, 0, MAX_XREF_SIZE, -1);
		ooff = num_int(&b, 0, 1L << 30, -1);
		if (onum < 0 || ooff < 0)
			refuse(q, "object stream");
	}
	if (onum != num || ooff < 0 || (size_t)first + (size_t)ooff >= dn)
		refuse(q, "object stream");
	struct lex o = { d + first + ooff, d + dn };
	struct obj *r = qalloc(q, sizeof *r);
	parse_obj(q, &o, r, 0);
	return r;
}

static struct obj *resolve(struct quick *q, struct obj *o)
{
	for (int hops = 0; o->t == O_REF; hops++) {
		double num = o->num;
		if (hops > 8 || num < 0 || num >= (double)q->nxref)
			return &null_obj;
		struct xent *x = &q->xref[(size_t)num];
		if (x->cached) {
			o = x->cached;
			continue;
		}
		if (x->type == 0)
			return &null_obj;
		if (x->busy)
			refuse(q, "reference loop");
		x->busy = 1;
		count_object(q);
		struct obj *r = x->type == 1 ? object_at(q, (size_t)x->a, (long)num)
		                             : object_in_stream(q, (long)x->a, x->b, (long)num);
		x->busy = 0;
		x->cached = r;
		o = r;
	}
	return o;
}

/* ---- filters ---- */

/* Inflates into the arena, whose memory is already faulted in and reused: a buffer of its
 * own per stream, grown by realloc, cost more in page faults than the inflating. */
static void inflate_all(struct quick *q, struct arena *to, const unsigned char *in, size_t n,
                        unsigned char **out, size_t *outn)
{
	/* The zlib header checked as inflate checks it (method, window, check bits; no preset
	 * dictionary), the data then inflated raw in the window it gives: the Adler-32 after
	 * the data is not worked out (MuPDF keeps data whose checksum is wrong, and warns). */
	if (n < 2 || (in[0] & 15) != 8 || (in[0] >> 4) > 7 || (in[0] * 256u + in[1]) % 31
	    || (in[1] & 0x20))
		refuse(q, "bad flate data");
	int wbits = -((in[0] >> 4) + 8);
	if (!q->z_ready) {
		memset(&q->z, 0, sizeof q->z);
		if (inflateInit2(&q->z, wbits) != Z_OK)
			refuse(q, "zlib");
		q->z_ready = 1;
	} else if (inflateReset2(&q->z, wbits) != Z_OK)
		refuse(q, "zlib");
	in += 2;
	n -= 2;
	z_stream *z = &q->z;
	size_t cap = n * 8 + 4096, len = 0;
	unsigned char *b = NULL;
	int rc = Z_OK;
	z->next_in = (unsigned char *)in;
	z->avail_in = (uInt)n;
	for (;;) {
		if (q->inflated + cap > q->max_inflate + 1) {
			cap = q->max_inflate + 1 - q->inflated;
			if (cap <= len)
				refuse(q, "inflate bound");
		}
		unsigned char *grown = qalloc_chunk(q, to, (cap + 1 + sizeof(max_align_t) - 1)
		                                           / sizeof(max_align_t) * sizeof(max_align_t), 0);
		if (len)
			memcpy(grown, b, len);
		b = grown;
		z->next_out = b + len;
		z->avail_out = (uInt)(cap - len);
		/* Z_FINISH: a stream that ends in the room given is inflated without the 32 KB
		 * window zlib otherwise makes and copies each call's output into; such a call
		 * answers Z_BUF_ERROR where Z_NO_FLUSH would answer Z_OK, told apart here by
		 * the bytes it read or wrote (the same data either way) */
		uInt was_in = z->avail_in, was_out = z->avail_out;
		rc = inflate(z, Z_FINISH);
		if (rc == Z_BUF_ERROR && (z->avail_in != was_in || z->avail_out != was_out))
			rc = Z_OK;
		len = cap - z->avail_out;
		if (rc != Z_OK || (z->avail_in == 0 && z->avail_out > 0))
			break;
		cap *= 2;
	}
	/* a stream that ends without its checksum is read as MuPDF reads it: as far as it goes */
	if (rc != Z_STREAM_END && rc != Z_OK && !(rc == Z_BUF_ERROR && len > 0))
		refuse(q, "bad flate data");
	q->inflated += len;
	b[len] = 0;
	qalloc_trim(to, b, len + 1);
	*out = b;
	*outn = len;
}

/* A decode parameter: dflt when absent, -1 when outside [lo, hi]. */
static int parm(struct quick *q, struct obj *parms, const char *key, int lo, int hi, int dflt)
{
	struct obj *o = dict_get(q, parms, key);
	return o->t == O_NULL ? dflt : (int)num_int(o, lo, hi, -1);
}

/* PNG predictors (an xref stream's rows), in place. */
static size_t unpredict(struct quick *q, unsigned char *d, size_t n, struct obj *parms)
{
	int pred = parm(q, parms, "Predictor", 0, 100, 1);
	if (pred == 1)
		return n;
	int cols = parm(q, parms, "Columns", 1, 4096, 1);
	int colors = parm(q, parms, "Colors", 1, 1, 1);
	int bpc = parm(q, parms, "BitsPerComponent", 8, 8, 8);
	if (pred < 10 || cols < 1 || colors != 1 || bpc != 8)
		refuse(q, "predictor");
	size_t row = (size_t)cols, out = 0;
	unsigned char *prev = qalloc(q, row);
	memset(prev, 0, row);
	for (size_t at = 0; at + row + 1 <= n; at += row + 1) {
		int type = d[at];
		unsigned char *r = d + at + 1;
		for (size_t i = 0; i < row; i++) {
			int a = i ? d[out + i - 1] : 0, b = prev[i], c = i ? prev[i - 1] : 0;
			int v = r[i];
			if (type == 1)
				v += a;
			else if (type == 2)
				v += b;
			else if (type == 3)
				v += (a + b) / 2;
			else if (type == 4) {
				int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
				v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
			} else if (type != 0)
				refuse(q, "predictor");
			d[out + i] = (unsigned char)v;
		}
		memcpy(prev, d + out, row);
		out += row;
	}
	return out;
}

/* A stream's decoded bytes, in the arena `to` (what decoding it resolves goes to the arena
 * in force): no filter or Flate only (with predictors for xref streams). */
static unsigned char *decode_to(struct quick *q, struct arena *to, struct obj *s, size_t *n)
{
	struct obj *f = dict_get(q, s, "Filter");
	struct obj *parms = dict_get(q, s, "DecodeParms");
	if (f->t == O_ARR && f->n == 1) {
		f = resolve(q, &f->v[0]);
		if (parms->t == O_ARR)
			parms = parms->n == 1 ? resolve(q, &parms->v[0]) : &null_obj;
	}
	if (f->t == O_NULL) {
		unsigned char *b = qalloc_in(q, to, s->dlen + 1);
		memcpy(b, s->data, s->dlen);
		b[s->dlen] = 0;   /* the readers after this one stop at the end, not at a NUL */
		*n = s->dlen;
		return b;
	}
	if (!is_name(f, "FlateDecode") && !is_name(f, "Fl"))
		refuse(q, "filter");
	unsigned char *b;
	inflate_all(q, to, s->data, s->dlen, &b, n);
	if (parms->t == O_DICT)
		*n = unpredict(q, b, *n, parms);
	return b;
}

/* A stream's decoded bytes, in the arena in force. */
static unsigned char *decode(struct quick *q, struct obj *s, size_t *n)
{
	return decode_to(q, q->cur, s, n);
}

/* ---- reading the xref ---- */

static void xref_grow(struct quick *q, size_t size)
{
	if (size > MAX_XREF_SIZE)
		refuse(q, "xref bound");
	if (size <= q->nxref)
		return;
	struct xent *nx = qalloc(q, size * sizeof *nx);
	if (q->nxref)
		memcpy(nx, q->xref, q->nxref * sizeof *nx);
	memset(nx + q->nxref, 0, (size - q->nxref) * sizeof *nx);
	q->xref = nx;
	q->nxref = size;
}

/* An entry, unless a newer section set it already. */
static void xref_set(struct quick *q, size_t num, int type, uint64_t a, uint32_t b)
{
	if (num >= q->nxref)
		xref_grow(q, num < MAX_XREF_SIZE / 2 && num + 1 < 2 * q->nxref ? 2 * q->nxref
		                                                               : num + 1);
	struct xent *x = &q->xref[num];
	if (x->type || x->b == UINT32_MAX)
		return;
	if (type == 0) {
		x->b = UINT32_MAX;   /* free in the newer section: older ones do not revive it */
		return;
	}
	x->type = (unsigned char)type;
	x->a = a;
	x->b = b;
}

static uint64_t field(const unsigned char *p, int w)
{
	uint64_t v = 0;
	for (int i = 0; i < w; i++)
		v = v << 8 | p[i];
	return v;
}

static struct obj *xref_stream(struct quick *q, size_t off)
{
	struct lex l = { q->buf + off, q->buf + q->len };
	struct obj a;
	parse_obj(q, &l, &a, 0);
	long num = num_int(&a, 1, MAX_XREF_SIZE, -1);
	if (num < 0)
		refuse(q, "xref");
	struct obj *s = object_at(q, off, num);
	if (!is_name(dict_get(q, s, "Type"), "XRef") || !s->data)
		refuse(q, "xref");
	struct obj *w = dict_get(q, s, "W");
	if (w->t != O_ARR || w->n != 3)
		refuse(q, "xref /W");
	int ws[3], row = 0;
	for (int i = 0; i < 3; i++) {
		ws[i] = (int)num_int(resolve(q, &w->v[i]), 0, 8, -1);
		if (ws[i] < 0 || ws[i] > 8)
			refuse(q, "xref /W");
		row += ws[i];
	}
	if (row == 0)
		refuse(q, "xref /W");
	size_t size = (size_t)num_int(dict_get(q, s, "Size"), 0, MAX_XREF_SIZE, 0);
	xref_grow(q, size);
	size_t n;
	unsigned char *d = decode(q, s, &n);
	struct obj *index = dict_get(q, s, "Index");
	size_t at = 0;
	size_t ranges = index->t == O_ARR ? index->n / 2 : 1;
	for (size_t r = 0; r < ranges; r++) {
		double first = 0, count = (double)size;
		if (index->t == O_ARR) {
			first = num_or(resolve(q, &index->v[2 * r]), -1);
			count = num_or(resolve(q, &index->v[2 * r + 1]), -1);
		}
		if (first < 0 || count < 0 || first + count > MAX_XREF_SIZE)
			refuse(q, "xref /Index");
		for (size_t i = 0; i < (size_t)count; i++, at += (size_t)row) {
			if (at + (size_t)row > n)
				refuse(q, "xref stream short");
			const unsigned char *e = d + at;
			int type = ws[0] ? (int)field(e, ws[0]) : 1;
			uint64_t f2 = field(e + ws[0], ws[1]);
			uint64_t f3 = field(e + ws[0] + ws[1], ws[2]);
			if (type > 2)
				continue;   /* reserved types are null objects */
			xref_set(q, (size_t)first + i, type, f2, type == 2 ? (uint32_t)f3 : 0);
		}
	}
	return s;
}

static struct obj *xref_table(struct quick *q, size_t off)
{
	struct lex l = { q->buf + off + 4, q->buf + q->len };
	for (;;) {
		skip_space(&l);
		size_t n = word_len(&l);
		if (word_is(&l, n, "trailer")) {
			l.p += n;
			break;
		}
		double first, count;
		if (parse_number(l.p, n, &first))
			refuse(q, "xref table");
		l.p += n;
		skip_space(&l);
		n = word_len(&l);
		if (parse_number(l.p, n, &count) || first < 0 || count < 0
		    || first + count > MAX_XREF_SIZE)
			refuse(q, "xref table");
		l.p += n;
		xref_grow(q, (size_t)(first + count));
		for (size_t i = 0; i < (size_t)count; i++) {
			double o, g;
			skip_space(&l);
			n = word_len(&l);
			if (parse_number(l.p, n, &o))
				refuse(q, "xref table");
			l.p += n;
			skip_space(&l);
			n = word_len(&l);
			if (parse_number(l.p, n, &g))
				refuse(q, "xref table");
			l.p += n;
			skip_space(&l);
			if (l.p >= l.end || (*l.p != 'n' && *l.p != 'f'))
				refuse(q, "xref table");
			int used = *l.p++ == 'n';
			if (used && (o < 0 || o >= (double)q->len))
				refuse(q, "xref offset");
			size_t num = (size_t)first + i;
			/* object 0 and offsets 0 are free whatever the table says */
			xref_set(q, num, used && o > 0 && num > 0 ? 1 : 0, (uint64_t)o, 0);
		}
	}
	struct obj *t = qalloc(q, sizeof *t);
	parse_obj(q, &l, t, 0);
	if (t->t != O_DICT)
		refuse(q, "trailer");
	size_t size = (size_t)num_int(dict_get(q, t, "Size"), 0, MAX_XREF_SIZE, 0);
	xref_grow(q, size);
	return t;
}

/* The xref sections from startxref back along /Prev; returns the newest trailer. */
static struct obj *xref_read(struct quick *q)
{
	size_t tail = q->len > 1024 ? q->len - 1024 : 0, at = (size_t)-1;
	for (size_t i = tail; (i = memfind(q->buf, q->len, "startxref", i)) != (size_t)-1; i++)
		at = i;
	if (at == (size_t)-1)
		refuse(q, "no startxref");
	struct lex l = { q->buf + at + 9, q->buf + q->len };
	skip_space(&l);
	double off;
	if (parse_number(l.p, word_len(&l), &off) || off <= 0 || off >= (double)q->len)
		refuse(q, "startxref");
	struct obj *newest = NULL;
	for (int hops = 0; off > 0; hops++) {
		if (hops >= MAX_XREF_SECTIONS || off >= (double)q->len)
			refuse(q, "xref chain");
		size_t o = (size_t)off;
		struct obj *t = q->len - o >= 4 && memcmp(q->buf + o, "xref", 4) == 0
		                ? xref_table(q, o) : xref_stream(q, o);
		if (!newest)
			newest = t;
		/* a hybrid file's stream of the objects its table leaves out */
		struct obj *stm = dict_get(q, t, "XRefStm");
		if (stm->t == O_NUM && stm->num > 0 && stm->num < (double)q->len)
			xref_stream(q, (size_t)stm->num);
		struct obj *prev = dict_get(q, t, "Prev");
		off = prev->t == O_NUM ? prev->num : 0;
	}
	if (dict_get(q, newest, "Encrypt")->t != O_NULL)
		refuse(q, "encrypted");
	return newest;
}

/* ---- fonts: codes -> Unicode and widths ---- */

/* Glyph names of /Differences that office and typesetting programs write, beyond the
 * one-letter names, "uniXXXX" and "uXXXX[XX]" (which are read by rule). A name outside
 * them makes the font refuse: MuPDF knows the whole Adobe list. */
static const struct glyph_name {
	const char *name;
	unsigned short uni;
} glyph_names[] = {
	{ "space", 0x20 }, { "exclam", 0x21 }, { "quotedbl", 0x22 }, { "numbersign", 0x23 },
	{ "dollar", 0x24 }, { "percent", 0x25 }, { "ampersand", 0x26 }, { "quotesingle", 0x27 },
	{ "parenleft", 0x28 }, { "parenright", 0x29 }, { "asterisk", 0x2A }, { "plus", 0x2B },
	{ "comma", 0x2C }, { "hyphen", 0x2D }, { "period", 0x2E }, { "slash", 0x2F },
	{ "zero", 0x30 }, { "one", 0x31 }, { "two", 0x32 }, { "three", 0x33 }, { "four", 0x34 },
	{ "five", 0x35 }, { "six", 0x36 }, { "seven", 0x37 }, { "eight", 0x38 }, { "nine", 0x39 },
	{ "colon", 0x3A }, { "semicolon", 0x3B }, { "less", 0x3C }, { "equal", 0x3D },
	{ "greater", 0x3E }, { "question", 0x3F }, { "at", 0x40 }, { "bracketleft", 0x5B },
	{ "backslash", 0x5C }, { "bracketright", 0x5D }, { "asciicircum", 0x5E },
	{ "underscore", 0x5F }, { "grave", 0x60 }, { "braceleft", 0x7B }, { "bar", 0x7C },
	{ "braceright", 0x7D }, { "asciitilde", 0x7E }, { "nbspace", 0xA0 },
	{ "exclamdown", 0xA1 }, { "cent", 0xA2 }, { "sterling", 0xA3 }, { "currency", 0xA4 },
	{ "yen", 0xA5 }, { "brokenbar", 0xA6 }, { "section", 0xA7 }, { "dieresis", 0xA8 },
	{ "copyright", 0xA9 }, { "ordfeminine", 0xAA }, { "guillemotleft", 0xAB },
	{ "logicalnot", 0xAC }, { "registered", 0xAE }, { "macron", 0xAF }, { "degree", 0xB0 },
	{ "plusminus", 0xB1 }, { "twosuperior", 0xB2 }, { "threesuperior", 0xB3 },
	{ "acute", 0xB4 }, { "mu", 0xB5 }, { "paragraph", 0xB6 }, { "periodcentered", 0xB7 },
	{ "cedilla", 0xB8 }, { "onesuperior", 0xB9 }, { "ordmasculine", 0xBA },
	{ "guillemotright", 0xBB }, { "onequarter", 0xBC }, { "onehalf", 0xBD },
	{ "threequarters", 0xBE }, { "questiondown", 0xBF }, { "Agrave", 0xC0 },
	{ "Aacute", 0xC1 }, { "Acircumflex", 0xC2 }, { "Atilde", 0xC3 }, { "Adieresis", 0xC4 },
	{ "Aring", 0xC5 }, { "AE", 0xC6 }, { "Ccedilla", 0xC7 }, { "Egrave", 0xC8 },
	{ "Eacute", 0xC9 }, { "Ecircumflex", 0xCA }, { "Edieresis", 0xCB }, { "Igrave", 0xCC },
	{ "Iacute", 0xCD }, { "Icircumflex", 0xCE }, { "Idieresis", 0xCF }, { "Eth", 0xD0 },
	{ "Ntilde", 0xD1 }, { "Ograve", 0xD2 }, { "Oacute", 0xD3 }, { "Ocircumflex", 0xD4 },
	{ "Otilde", 0xD5 }, { "Odieresis", 0xD6 }, { "multiply", 0xD7 }, { "Oslash", 0xD8 },
	{ "Ugrave", 0xD9 }, { "Uacute", 0xDA }, { "Ucircumflex", 0xDB }, { "Udieresis", 0xDC },
	{ "Yacute", 0xDD }, { "Thorn", 0xDE }, { "germandbls", 0xDF }, { "agrave", 0xE0 },
	{ "aacute", 0xE1 }, { "acircumflex", 0xE2 }, { "atilde", 0xE3 }, { "adieresis", 0xE4 },
	{ "aring", 0xE5 }, { "ae", 0xE6 }, { "ccedilla", 0xE7 }, { "egrave", 0xE8 },
	{ "eacute", 0xE9 }, { "ecircumflex", 0xEA }, { "edieresis", 0xEB }, { "igrave", 0xEC },
	{ "iacute", 0xED }, { "icircumflex", 0xEE }, { "idieresis", 0xEF }, { "eth", 0xF0 },
	{ "ntilde", 0xF1 }, { "ograve", 0xF2 }, { "oacute", 0xF3 }, { "ocircumflex", 0xF4 },
	{ "otilde", 0xF5 }, { "odieresis", 0xF6 }, { "divide", 0xF7 }, { "oslash", 0xF8 },
	{ "ugrave", 0xF9 }, { "uacute", 0xFA }, { "ucircumflex", 0xFB }, { "udieresis", 0xFC },
	{ "yacute", 0xFD }, { "thorn", 0xFE }, { "ydieresis", 0xFF }, { "OE", 0x152 },
	{ "oe", 0x153 }, { "Scaron", 0x160 }, { "scaron", 0x161 }, { "Ydieresis", 0x178 },
	{ "Zcaron", 0x17D }, { "zcaron", 0x17E }, { "florin", 0x192 }, { "circumflex", 0x2C6 },
	{ "tilde", 0x2DC }, { "endash", 0x2013 }, { "emdash", 0x2014 }, { "quoteleft", 0x2018 },
	{ "quoteright", 0x2019 }, { "quotesinglbase", 0x201A }, { "quotedblleft", 0x201C },
	{ "quotedblright", 0x201D }, { "quotedblbase", 0x201E }, { "dagger", 0x2020 },
	{ "daggerdbl", 0x2021 }, { "bullet", 0x2022 }, { "ellipsis", 0x2026 },
	{ "perthousand", 0x2030 }, { "guilsinglleft", 0x2039 }, { "guilsinglright", 0x203A },
	{ "Euro", 0x20AC }, { "trademark", 0x2122 }, { "minus", 0x2212 }, { "fi", 0xFB01 },
	{ "fl", 0xFB02 }, { "dotlessi", 0x131 }, { "hyphenminus", 0x2D }, { "uni00A0", 0xA0 },
};

/* The upper half of WinAnsiEncoding from 0x80 (0xA0-0xFF is Latin-1, 0xAD the hyphen);
 * 0 where the encoding leaves the code undefined. */
static const unsigned short win_ansi_80[32] = {
	0x20AC, 0, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039,
	0x152, 0, 0x17D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC,
	0x2122, 0x161, 0x203A, 0x153, 0, 0x17E, 0x178,
};

/* A base encoding's Unicode for code c; -1 where this reader is not sure of it (the
 * helper then reads the font). */
static int base_encoding(const char *enc, int c)
{
	if (c < 0x20 || c == 0x7F)
		return -1;
	if (strcmp(enc, "WinAnsiEncoding") == 0) {
		if (c < 0x80)
			return c;
		if (c < 0xA0)
			return win_ansi_80[c - 0x80] ? win_ansi_80[c - 0x80] : -1;
		return c == 0xAD ? 0x2D : c;
	}
	if (c >= 0x80)
		return -1;
	if (strcmp(enc, "StandardEncoding") == 0)
		return c == 0x27 ? 0x2019 : c == 0x60 ? 0x2018 : c;
	if (strcmp(enc, "MacRomanEncoding") == 0)
		return c;
	return -1;
}

static int glyph_unicode(const char *name)
{
	size_t n = strlen(name);
	if (n == 1 && ((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z')))
		return name[0];
	char *end;
	if (n == 7 && strncmp(name, "uni", 3) == 0) {
		long v = strtol(name + 3, &end, 16);
		return *end ? -1 : (int)v;
	}
	if (n >= 5 && n <= 7 && name[0] == 'u' && name[1] != 'n') {
		long v = strtol(name + 1, &end, 16);
		return *end || v > 0x10FFFF ? -1 : (int)v;
	}
	for (size_t i = 0; i < sizeof glyph_names / sizeof *glyph_names; i++)
		if (strcmp(glyph_names[i].name, name) == 0)
			return glyph_names[i].uni;
	return -1;
}

/* One code's Unicode text (a ToUnicode mapping holds up to a few characters). */
struct umap {
	uint32_t code;
	unsigned char n;
	int u[4];
};

struct qfont {
	long num;                 /* its object number: fonts are told apart by it */
	int id;                   /* in the stream, per page; -1 before its first use there */
	int page;                 /* the page the id belongs to */
	int two_byte;             /* Type0 Identity-H */
	char name[32];            /* as MuPDF keeps it: at most 31 bytes */
	char flags[4];
	float asc, desc;          /* in text space (units of the size) */
	/* simple fonts */
	float widths[256];
	int enc[256];             /* from the encoding: Unicode, -1 not known */
	/* Type0 */
	float dw;
	struct wrange { uint32_t lo, hi; float w; } *w;
	size_t nw;
	/* ToUnicode, sorted by code */
	struct umap *tu;
	size_t ntu;
	/* the codes last looked up (code_text): a page shows a few dozen codes thousands of
	 * times; by the code's low bits, key the code plus one (0: empty) */
	struct seen { uint32_t key; int n; int u[4]; float w; } seen[64];
	struct qfont *next;
};

static int cmp_umap(const void *a, const void *b)
{
	uint32_t x = ((const struct umap *)a)->code, y = ((const struct umap *)b)->code;
	return (x > y) - (x < y);
}

static uint32_t str_code(const struct obj *s)
{
	uint32_t v = 0;
	for (size_t i = 0; i < s->n && i < 4; i++)
		v = v << 8 | (unsigned char)s->s[i];
	return v;
}

/* A UTF-16BE destination -> up to four code points. */
static void utf16_to(const struct obj *s, struct umap *m)
{
	m->n = 0;
	for (size_t i = 0; i + 1 < s->n && m->n < 4; i += 2) {
		int c = (unsigned char)s->s[i] << 8 | (unsigned char)s->s[i + 1];
		if (c >= 0xD800 && c < 0xDC00 && i + 3 < s->n) {
			int lo = (unsigned char)s->s[i + 2] << 8 | (unsigned char)s->s[i + 3];
			if (lo >= 0xDC00 && lo < 0xE000) {
				c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
				i += 2;
			}
		}
		m->u[m->n++] = c;
	}
}

#define MAX_TOUNICODE 200000

struct umaps {
	struct umap *v;
	size_t n, cap;
};

static struct umap *umap_add(struct quick *q, struct umaps *m)
{
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 256;
		if (cap > MAX_TOUNICODE)
			refuse(q, "ToUnicode bound");
		struct umap *nv = qalloc(q, cap * sizeof *nv);
		if (m->n)
			memcpy(nv, m->v, m->n * sizeof *nv);
		m->v = nv;
		m->cap = cap;
	}
	return &m->v[m->n++];
}

/* The next token of a CMap that matters: a string, an array of strings, or a keyword
 * (numbers, names and dicts are read and dropped). Returns 0 at the end. */
static int cmap_token(struct quick *q, struct lex *l, struct obj *o, char *kw, size_t kwcap)
{
	for (;;) {
		skip_space(l);
		if (l->p >= l->end)
			return 0;
		int c = *l->p;
		if (c == '<' || c == '(' || c == '[' || c == '/') {
			parse_obj(q, l, o, 0);
			kw[0] = '\0';
			return 1;
		}
		if (c == ']' || c == '>' || c == ')' || c == '{' || c == '}') {
			l->p++;
			continue;
		}
		size_t n = word_len(l);
		if (n == 0) {
			l->p++;
			continue;
		}
		snprintf(kw, kwcap, "%.*s", (int)(n < kwcap ? n : kwcap - 1), (const char *)l->p);
		l->p += n;
		o->t = O_NULL;
		return 1;
	}
}

/* A ToUnicode CMap: bfchar and bfrange (both forms). */
static void load_tounicode(struct quick *q, struct qfont *f, struct obj *s)
{
	if (!s->data)
		refuse(q, "ToUnicode not a stream");
	size_t n;
	unsigned char *d = decode(q, s, &n);
	struct lex l = { d, d + n };
	struct umaps m = { NULL, 0, 0 };
	char kw[32];
	struct obj o;
	int mode = 0;   /* 1 in bfchar, 2 in bfrange */
	struct obj args[3];
	int na = 0;
	while (cmap_token(q, &l, &o, kw, sizeof kw)) {
		if (kw[0]) {
			if (strcmp(kw, "beginbfchar") == 0)
				mode = 1;
			else if (strcmp(kw, "beginbfrange") == 0)
				mode = 2;
			else if (strcmp(kw, "endbfchar") == 0 || strcmp(kw, "endbfrange") == 0)
				mode = 0;
			else if (strcmp(kw, "usecmap") == 0)
				refuse(q, "ToUnicode usecmap");
			na = 0;
			continue;
		}
		if (!mode || o.t == O_NAME)
			continue;
		args[na++] = o;
		if (mode == 1 && na == 2) {
			if (args[0].t != O_STR || args[1].t != O_STR)
				refuse(q, "ToUnicode bfchar");
			struct umap *u = umap_add(q, &m);
			u->code = str_code(&args[0]);
			utf16_to(&args[1], u);
			na = 0;
		} else if (mode == 2 && na == 3) {
			if (args[0].t != O_STR || args[1].t != O_STR)
				refuse(q, "ToUnicode bfrange");
			uint32_t lo = str_code(&args[0]), hi = str_code(&args[1]);
			if (hi < lo || hi - lo > 65535)
				refuse(q, "ToUnicode bfrange");
			for (uint32_t c = lo; c <= hi; c++) {
				struct umap *u = umap_add(q, &m);
				u->code = c;
				if (args[2].t == O_ARR) {
					struct obj *e = c - lo < args[2].n ? &args[2].v[c - lo] : NULL;
					if (!e || e->t != O_STR) {
						m.n--;
						continue;
					}
					utf16_to(e, u);
				} else if (args[2].t == O_STR) {
					utf16_to(&args[2], u);
					/* the range adds to the last code unit */
					if (u->n)
						u->u[u->n - 1] += (int)(c - lo);
				} else
					refuse(q, "ToUnicode bfrange");
			}
			na = 0;
		}
	}
	if (m.n > 1)
		qsort(m.v, m.n, sizeof *m.v, cmp_umap);
	f->tu = m.v;
	f->ntu = m.n;

}

static const struct umap *tounicode(const struct qfont *f, uint32_t code)
{
	size_t lo = 0, hi = f->ntu;
	const struct umap *hit = NULL;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (f->tu[mid].code < code)
			lo = mid + 1;
		else {
			if (f->tu[mid].code == code)
				hit = &f->tu[mid];
			hi = mid;
		}
	}
	/* a later mapping of the same code wins, as a CMap reads */
	while (hit && hit + 1 < f->tu + f->ntu && hit[1].code == code)
		hit++;
	return hit;
}

/* The font's flags as the helper's font_id decides them: its name, and what the face says
 * (here the descriptor's weight and flags, which the face's own style bits agree with). */
static void font_style(struct quick *q, struct qfont *f, struct obj *desc)
{
	const char *n = f->name;
	int flags = (int)num_int(dict_get(q, desc, "Flags"), 0, INT32_MAX, 0);
	double weight = num_or(dict_get(q, desc, "FontWeight"), 0);
	int bold = strstr(n, "Bold") || strstr(n, "Black") || strstr(n, "Heavy") || strstr(n, "bold")
	           || weight >= 700 || (flags & (1 << 18));
	int italic = strstr(n, "Italic") || strstr(n, "Oblique") || strstr(n, "italic")
	             || (flags & 64);
	int k = 0;
	if (bold)
		f->flags[k++] = 'b';
	if (italic)
		f->flags[k++] = 'i';
	if (flags & 1)
		f->flags[k++] = 'm';
	if (!k)
		f->flags[k++] = '-';
	f->flags[k] = '\0';
}

static int u16(const unsigned char *p)
{
	return p[0] << 8 | p[1];
}

/* A TrueType font's ascender and descender (hhea) in units of its em (head): what FreeType
 * gives MuPDF. Returns -1 when the font does not say. */
static int truetype_metrics(struct quick *q, struct obj *file, double *a, double *d)
{
	size_t n;
	unsigned char *t = decode(q, file, &n);
	if (n < 12)
		return -1;
	int tables = u16(t + 4), em = 0, asc = 0, desc = 0, found = 0;
	for (int i = 0; i < tables && 12 + 16 * (size_t)i + 16 <= n; i++) {
		const unsigned char *r = t + 12 + 16 * i;
		size_t off = (size_t)r[8] << 24 | (size_t)r[9] << 16 | (size_t)r[10] << 8 | r[11];
		if (memcmp(r, "head", 4) == 0 && off + 20 <= n)
			em = u16(t + off + 18);
		else if (memcmp(r, "hhea", 4) == 0 && off + 8 <= n) {
			asc = (int16_t)u16(t + off + 4);
			desc = (int16_t)u16(t + off + 6);
			found = 1;
		}
	}
	if (!found || em < 16)
		return -1;
	*a = asc * 1000.0 / em;
	*d = desc * 1000.0 / em;
	return 0;
}

/* Ascent and descent of the box MuPDF gives each glyph: the face's, which the descriptor
 * says too where it says anything; a TrueType font that leaves them 0 there (LibreOffice's)
 * is asked itself. */
static void font_metrics(struct quick *q, struct qfont *f, struct obj *desc)
{
	double a = num_or(dict_get(q, desc, "Ascent"), 0);
	double d = num_or(dict_get(q, desc, "Descent"), 0);
	struct obj *ff2 = dict_get(q, desc, "FontFile2");
	if ((a == 0 || d == 0) && ff2->data) {
		if (truetype_metrics(q, ff2, &a, &d))
			refuse(q, "font metrics");
	} else if (a == 0 || d == 0) {
		struct obj *bb = dict_get(q, desc, "FontBBox");
		if (bb->t != O_ARR || bb->n != 4)
			refuse(q, "font metrics");
		if (a == 0)
			a = num_or(resolve(q, &bb->v[3]), 800);
		if (d == 0)
			d = num_or(resolve(q, &bb->v[1]), -200);
	}
	/* MuPDF's own stand-ins for a face that says 0 */
	f->asc = a == 0 ? 0.8f : f32(a / 1000);
	f->desc = d == 0 ? -0.2f : f32(d / 1000);
}

/* The font's name as MuPDF keeps it (31 bytes), printable ASCII only: the stream's font
 * record carries it, and nothing from the file reaches the stream unfiltered. */
static void font_name(struct qfont *f, const struct obj *base)
{
	snprintf(f->name, sizeof f->name, "%s", base->t == O_NAME ? base->s : "");
	for (char *p = f->name; *p; p++)
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f)
			*p = '_';
}

static void load_simple(struct quick *q, struct qfont *f, struct obj *fd)
{
	struct obj *desc = dict_get(q, fd, "FontDescriptor");
	if (desc->t != O_DICT)
		refuse(q, "font without descriptor");
	font_style(q, f, desc);
	font_metrics(q, f, desc);
	struct obj *w = dict_get(q, fd, "Widths");
	int first = (int)num_int(dict_get(q, fd, "FirstChar"), 0, 255, -1);
	float missing = f32(num_or(dict_get(q, desc, "MissingWidth"), 0));
	if (w->t != O_ARR || first < 0 || first > 255)
		refuse(q, "font widths");
	for (int c = 0; c < 256; c++) {
		size_t i = (size_t)(c - first);
		f->widths[c] = c >= first && i < w->n ? f32(num_or(resolve(q, &w->v[i]), 0) / 1000)
		                                      : missing / 1000;
	}
	/* the encoding: a base and its differences */
	struct obj *enc = dict_get(q, fd, "Encoding");
	const char *base = enc->t == O_NAME ? enc->s : "";
	struct obj *diff = &null_obj;
	if (enc->t == O_DICT) {
		struct obj *b = dict_get(q, enc, "BaseEncoding");
		base = b->t == O_NAME ? b->s : "";
		diff = dict_get(q, enc, "Differences");
	}
	for (int c = 0; c < 256; c++)
		f->enc[c] = base_encoding(base, c);
	if (diff->t == O_ARR) {
		int code = -1;
		for (size_t i = 0; i < diff->n; i++) {
			struct obj *e = resolve(q, &diff->v[i]);
			if (e->t == O_NUM)
				code = (int)num_int(e, 0, 255, -1);
			else if (e->t == O_NAME && code >= 0 && code < 256)
				f->enc[code++] = glyph_unicode(e->s);
			else
				refuse(q, "font differences");
		}
	}
}

/* The width of a CID: the ranges are sorted by their first CID (load_type0); where ranges
 * overlap, the one found is as good as any (a /W that says two things is broken). */
static float cid_width(const struct qfont *f, uint32_t cid)
{
	size_t lo = 0, hi = f->nw;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (f->w[mid].hi < cid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < f->nw && f->w[lo].lo <= cid && cid <= f->w[lo].hi ? f->w[lo].w : f->dw;
}

static int cmp_wrange(const void *a, const void *b)
{
	const struct wrange *x = a, *y = b;
	return (x->lo > y->lo) - (x->lo < y->lo);
}

static void load_type0(struct quick *q, struct qfont *f, struct obj *fd)
{
	if (!is_name(dict_get(q, fd, "Encoding"), "Identity-H"))
		refuse(q, "Type0 encoding");
	struct obj *ds = dict_get(q, fd, "DescendantFonts");
	if (ds->t != O_ARR || ds->n != 1)
		refuse(q, "Type0 descendants");
	struct obj *cid = resolve(q, &ds->v[0]);
	struct obj *sub = dict_get(q, cid, "Subtype");
	if (!is_name(sub, "CIDFontType2") && !is_name(sub, "CIDFontType0"))
		refuse(q, "CID font type");
	font_name(f, dict_get(q, cid, "BaseFont"));
	struct obj *desc = dict_get(q, cid, "FontDescriptor");
	if (desc->t != O_DICT)
		refuse(q, "font without descriptor");
	font_style(q, f, desc);
	font_metrics(q, f, desc);
	f->two_byte = 1;
	f->dw = f32(num_or(dict_get(q, cid, "DW"), 1000) / 1000);
	struct obj *w = dict_get(q, cid, "W");
	size_t cap = 0;
	for (size_t i = 0; w->t == O_ARR && i < w->n;) {
		struct obj *a = resolve(q, &w->v[i]);
		struct obj *b = i + 1 < w->n ? resolve(q, &w->v[i + 1]) : &null_obj;
		if (a->t != O_NUM || a->num < 0 || a->num > 65535)
			refuse(q, "CID widths");
		size_t need = b->t == O_ARR ? b->n : 1;
		if (f->nw + need > cap) {
			size_t nc = (cap + need) * 2;
			if (nc > 200000)
				refuse(q, "CID widths bound");
			struct wrange *nv = qalloc(q, nc * sizeof *nv);
			if (f->nw)
				memcpy(nv, f->w, f->nw * sizeof *nv);
			f->w = nv;
			cap = nc;
		}
		if (b->t == O_ARR) {
			for (size_t k = 0; k < b->n; k++) {
				uint32_t c = (uint32_t)a->num + (uint32_t)k;
				f->w[f->nw++] = (struct wrange){ c, c,
					f32(num_or(resolve(q, &b->v[k]), 0) / 1000) };
			}
			i += 2;
		} else {
			struct obj *c = i + 2 < w->n ? resolve(q, &w->v[i + 2]) : &null_obj;
			if (b->t != O_NUM || c->t != O_NUM || b->num < a->num || b->num > 65535)
				refuse(q, "CID widths");
			f->w[f->nw++] = (struct wrange){ (uint32_t)a->num, (uint32_t)b->num,
				f32(c->num / 1000) };
			i += 3;
		}
	}
	if (f->nw > 1)
		qsort(f->w, f->nw, sizeof *f->w, cmp_wrange);
	for (size_t i = 1; i < f->nw; i++)
		if (f->w[i].lo <= f->w[i - 1].hi)
			refuse(q, "CID widths overlap");
}

/* The font of a /Font resource, loaded once per read. */
static struct qfont *font_load(struct quick *q, struct qfont **fonts, struct obj *ref)
{
	long num = ref->t == O_REF ? (long)ref->num : -1;
	for (struct qfont *f = *fonts; f && num >= 0; f = f->next)
		if (f->num == num)
			return f;
	struct obj *fd = resolve(q, ref);
	if (fd->t != O_DICT)
		refuse(q, "font not a dict");
	struct qfont *f = qalloc(q, sizeof *f);
	memset(f, 0, sizeof *f);
	f->num = num;
	f->id = -1;
	struct obj *sub = dict_get(q, fd, "Subtype");
	font_name(f, dict_get(q, fd, "BaseFont"));
	if (is_name(sub, "Type0"))
		load_type0(q, f, fd);
	else if (is_name(sub, "TrueType") || is_name(sub, "Type1") || is_name(sub, "MMType1"))
		load_simple(q, f, fd);
	else
		refuse(q, "font type");
	struct obj *tu = dict_get(q, fd, "ToUnicode");
	if (tu->t != O_NULL)
		load_tounicode(q, f, tu);
	else if (f->two_byte)
		refuse(q, "CID font without ToUnicode");
	f->next = *fonts;
	*fonts = f;
	return f;
}

/* A code's characters (*n of them) and its width: as MuPDF maps it, ToUnicode first, the
 * encoding for what ToUnicode leaves out; refuses what only the font file would tell. */
static void code_look(struct quick *q, const struct qfont *f, uint32_t code, int *u, int *n,
                      float *w);

static void code_text(struct quick *q, struct qfont *f, uint32_t code, int *u, int *n, float *w)
{
	struct seen *c = &f->seen[code & 63];
	if (c->key != code + 1) {
		code_look(q, f, code, c->u, &c->n, &c->w);
		c->key = code + 1;
	}
	memcpy(u, c->u, sizeof c->u);
	*n = c->n;
	*w = c->w;
}

static void code_look(struct quick *q, const struct qfont *f, uint32_t code, int *u, int *n,
                      float *w)
{
	const struct umap *m = f->ntu ? tounicode(f, code) : NULL;
	if (m && m->n && !(m->n == 1 && m->u[0] == 0)) {
		memcpy(u, m->u, m->n * sizeof *u);
		*n = m->n;
	} else if (!f->two_byte && f->enc[code & 0xff] >= 0) {
		u[0] = f->enc[code & 0xff];
		*n = 1;
	} else
		refuse(q, "code without Unicode");
	*w = f->two_byte ? cid_width(f, code) : f->widths[code & 0xff];
}

/* ---- the characters of a page, as MuPDF's structured text holds them ---- */

struct qchar {
	int c;                    /* Unicode after MuPDF's own mapping */
	struct qfont *font;
	float size, oy;           /* size and baseline (page space, y down) */
	float x0, y0, x1, y1;     /* the glyph's box: its advance, ascent to descent */
};

struct rect {
	float x0, y0, x1, y1;
};

struct page {
	struct qchar *v;
	size_t n;                 /* v is q->chars */
	struct rect rules[MAX_RULES];
	int nrules;
	int have_pen, after_image;
	int nfonts;               /* font ids given on this page */
	int dir;                  /* of the last strong letter (strong_dir) */
	float px, py;             /* where MuPDF expects the next glyph (the last one's end) */
	struct qfont *fonts;      /* the read's fonts (all pages) */
	int no;
};

/* The page's characters live outside the arena, whose operands are dropped after each
 * operator: in q->chars, one buffer for every page. */
/* Room for one more character of the line: the buffer grows to the longest line. */
static void *grow(struct quick *q, void *v, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return v;
	size_t c = *cap ? *cap : 256;
	while (c < need)
		c *= 2;
	void *nv = c * size <= MAX_ARENA ? realloc(v, c * size) : NULL;
	if (!nv)
		refuse(q, "line bound");
	*cap = c;
	return nv;
}

static struct qchar *page_char(struct quick *q, struct page *pg)
{
	/* a line's marks look for their letter across it: a line is kept short of making that
	 * quadratic work a hang (a printed line holds a few hundred glyphs) */
	if (pg->n >= MAX_LINE)
		refuse(q, "line bound");
	q->chars = grow(q, q->chars, &q->chars_cap, pg->n + 1, sizeof *q->chars);
	pg->v = q->chars;
	return &pg->v[pg->n++];
}

/* MuPDF's whitespace, all made a plain space (its text device without
 * FZ_STEXT_PRESERVE_WHITESPACE). */
static int mupdf_space(int c)
{
	return c == 0x09 || c == 0x20 || c == 0xA0 || c == 0x1680 || c == 0x180E
	    || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Whether c sets the direction MuPDF's line goes: 1 a left-to-right letter, -1 a
 * right-to-left one, 0 neither (digits, spaces, punctuation go the way the line goes). */
static int strong_dir(int c)
{
	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
	if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF))
		return -1;
	if (c >= 0x2000 && c <= 0x206F)
		return 0;   /* General Punctuation (quotes, dashes): no letter among them */
	return c >= 0 && c <= 0x10FFFF && uc_is_alpha((ucs4_t)c) ? 1 : 0;
}

/* Where MuPDF's structured text starts a new line before a glyph at (ox, oy): off the
 * baseline by 0.8 of the size, or, in left-to-right text, along it by as much from where the
 * last glyph ended (right-to-left text keeps its runs together, however they jump). */
static int starts_line(struct page *pg, int c, float ox, float oy, float size)
{
	int d = strong_dir(c);
	if (d)
		pg->dir = d;
	if (!pg->have_pen || pg->after_image || size <= 0)
		return 1;
	float spacing = (ox - pg->px) / size, off = (oy - pg->py) / size;
	return fabsf(off) >= 0.8f || (pg->dir >= 0 && fabsf(spacing) >= 0.8f);
}

static void line_flush(struct quick *q, struct page *pg);

/* fminf and fmaxf as glibc's are for numbers (minss, maxss: the second when they are
 * equal), inline: a glyph's box takes six of each. */
static float min2(float a, float b)
{
	return a < b ? a : b;
}

static float max2(float a, float b)
{
	return a > b ? a : b;
}

/* A glyph at origin (ox, oy) whose advance is adv along the baseline; its box is that of
 * the quad MuPDF gives it: advance by ascent to descent through the glyph matrix, whose
 * vertical column (skew, -scale) slants it for text set oblique. */
static void add_char(struct quick *q, struct page *pg, int c, struct qfont *f, float size,
                     float ox, float oy, float adv, float skew, float scale)
{
	c = mupdf_space(c) ? ' ' : c;
	/* a line is written out as soon as the next begins: one line in memory at a time */
	if (starts_line(pg, c, ox, oy, size))
		line_flush(q, pg);
	struct qchar *ch = page_char(q, pg);
	ch->c = c;
	ch->font = f;
	ch->size = size;
	ch->oy = oy;
	float xa = f->asc * skew, xd = f->desc * skew;
	ch->x0 = min2(min2(ox + xa, ox + xd), min2(ox + adv + xa, ox + adv + xd));
	ch->x1 = max2(max2(ox + xa, ox + xd), max2(ox + adv + xa, ox + adv + xd));
	ch->y0 = oy - f->asc * scale;
	ch->y1 = oy - f->desc * scale;
	pg->have_pen = 1;
	pg->after_image = 0;
	pg->px = ox + adv;
	pg->py = oy;
}

/* ---- the content stream ---- */

struct gstate {
	double ctm[6];
	double lw;
	struct qfont *font;
	double fs, tc, tw, th, tl, ts;
};

#define MAX_GSTATES 64
#define MAX_OPERANDS 64

struct interp {
	struct quick *q;
	struct page *pg;
	struct obj *res;              /* the resources in force */
	struct gstate gs[MAX_GSTATES];
	int ngs;
	double tm[6], tlm[6];
	struct obj ops[MAX_OPERANDS];
	int nops;
	struct rect path;
	int have_path;
	int depth;                    /* forms inside forms */
	/* show's glyph matrix but for where it stands, and what it was worked out from: a
	 * string of a TJ is mostly one glyph, and between them the text matrix only moves */
	struct {
		int ok;
		double tm[4], ctm[6], fs, th, ts;
		double tmc[4], trm[4];
		float size;
	} glyph;
};

static void mat_mul(const double *a, const double *b, double *out)
{
	double r[6] = {
		a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
		a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
		a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
	};
	memcpy(out, r, sizeof r);
}

static void mat_point(const double *m, double x, double y, double *ox, double *oy)
{
	*ox = x * m[0] + y * m[2] + m[4];
	*oy = x * m[1] + y * m[3] + m[5];
}

static double num_arg(struct interp *in, int i)
{
	if (i < 0 || i >= in->nops || in->ops[i].t != O_NUM)
		refuse(in->q, "operand");
	return in->ops[i].num;
}

/* The last k operands, as numbers, into v. */
static void nums(struct interp *in, int k, double *v)
{
	if (in->nops < k)
		refuse(in->q, "operands");
	for (int i = 0; i < k; i++)
		v[i] = num_arg(in, in->nops - k + i);
}

static struct gstate *gs(struct interp *in)
{
	return &in->gs[in->ngs - 1];
}

static void op_q(struct interp *in)
{
	if (in->ngs == MAX_GSTATES)
		refuse(in->q, "q nesting");
	in->gs[in->ngs] = in->gs[in->ngs - 1];
	in->ngs++;
}

static void op_Q(struct interp *in)
{
	if (in->ngs > 1)
		in->ngs--;
}

static void op_cm(struct interp *in)
{
	double m[6];
	nums(in, 6, m);
	mat_mul(m, gs(in)->ctm, gs(in)->ctm);
}

static void op_w(struct interp *in)
{
	double v;
	nums(in, 1, &v);
	gs(in)->lw = v;
}

static void set_tm(struct interp *in, const double *m)
{
	memcpy(in->tm, m, sizeof in->tm);
	memcpy(in->tlm, m, sizeof in->tlm);
}

static void op_BT(struct interp *in)
{
	static const double id[6] = { 1, 0, 0, 1, 0, 0 };
	set_tm(in, id);
}

static void op_ET(struct interp *in)
{
	(void)in;
}

static void move_line(struct interp *in, double tx, double ty)
{
	double t[6] = { 1, 0, 0, 1, tx, ty };
	double m[6];
	mat_mul(t, in->tlm, m);
	set_tm(in, m);
}

static void op_Td(struct interp *in)
{
	double v[2];
	nums(in, 2, v);
	move_line(in, v[0], v[1]);
}

static void op_TD(struct interp *in)
{
	double v[2];
	nums(in, 2, v);
	gs(in)->tl = -v[1];
	move_line(in, v[0], v[1]);
}

static void op_Tstar(struct interp *in)
{
	move_line(in, 0, -gs(in)->tl);
}

static void op_Tm(struct interp *in)
{
	double m[6];
	nums(in, 6, m);
	set_tm(in, m);
}

static void op_Tc(struct interp *in)
{
	nums(in, 1, &gs(in)->tc);
}

static void op_Tw(struct interp *in)
{
	nums(in, 1, &gs(in)->tw);
}

static void op_Tz(struct interp *in)
{
	double v;
	nums(in, 1, &v);
	gs(in)->th = v / 100;
}

static void op_TL(struct interp *in)
{
	nums(in, 1, &gs(in)->tl);
}

static void op_Ts(struct interp *in)
{
	nums(in, 1, &gs(in)->ts);
}

static void op_Tr(struct interp *in)
{
	/* every mode's text is read, as MuPDF's structured text reads even invisible text */
	(void)in;
}

static struct obj *resource(struct interp *in, const char *kind, const struct obj *name)
{
	if (name->t != O_NAME)
		refuse(in->q, "resource name");
	struct obj *d = dict_get(in->q, in->res, kind);
	if (d->t != O_DICT)
		refuse(in->q, "resource missing");
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->v[2 * i].s, name->s) == 0)
			return &d->v[2 * i + 1];
	refuse(in->q, "resource missing");
	return NULL;
}

static void op_Tf(struct interp *in)
{
	if (in->nops < 2)
		refuse(in->q, "Tf");
	struct obj *ref = resource(in, "Font", &in->ops[in->nops - 2]);
	gs(in)->font = font_load(in->q, &in->pg->fonts, ref);
	gs(in)->fs = num_arg(in, in->nops - 1);
}

/* Whether show's last glyph matrix holds for g and the text matrix (but its translation). */
static int glyph_same(const struct interp *in, const struct gstate *g)
{
	return in->glyph.ok && memcmp(in->glyph.tm, in->tm, sizeof in->glyph.tm) == 0
	    && memcmp(in->glyph.ctm, g->ctm, sizeof in->glyph.ctm) == 0 && in->glyph.fs == g->fs
	    && in->glyph.th == g->th && in->glyph.ts == g->ts;
}

static void glyph_keep(struct interp *in, const struct gstate *g, const double *tmc,
                       const double *trm, float size)
{
	in->glyph.ok = 1;
	memcpy(in->glyph.tm, in->tm, sizeof in->glyph.tm);
	memcpy(in->glyph.ctm, g->ctm, sizeof in->glyph.ctm);
	in->glyph.fs = g->fs;
	in->glyph.th = g->th;
	in->glyph.ts = g->ts;
	memcpy(in->glyph.tmc, tmc, sizeof in->glyph.tmc);
	memcpy(in->glyph.trm, trm, sizeof in->glyph.trm);
	in->glyph.size = size;
}

/* One string shown: each code a glyph at the text matrix, which then moves on along its
 * first row (so the glyph matrix is worked out once per string, not per glyph). */
static void show(struct interp *in, const struct obj *s)
{
	struct gstate *g = gs(in);
	struct qfont *f = g->font;
	if (!f)
		refuse(in->q, "text without font");
	/* the glyph's matrix: size and scaling, rise, text matrix, CTM (with the page's) */
	double tmc[6], trm[6];
	float size;
	if (glyph_same(in, g)) {
		memcpy(tmc, in->glyph.tmc, sizeof in->glyph.tmc);
		memcpy(trm, in->glyph.trm, sizeof in->glyph.trm);
		size = in->glyph.size;
		/* the translations as mat_mul works them out, term for term */
		tmc[4] = in->tm[4] * g->ctm[0] + in->tm[5] * g->ctm[2] + g->ctm[4];
		tmc[5] = in->tm[4] * g->ctm[1] + in->tm[5] * g->ctm[3] + g->ctm[5];
		trm[4] = 0.0 * tmc[0] + g->ts * tmc[2] + tmc[4];
		trm[5] = 0.0 * tmc[1] + g->ts * tmc[3] + tmc[5];
	} else {
		double a[6] = { g->fs * g->th, 0, 0, g->fs, 0, g->ts };
		mat_mul(in->tm, g->ctm, tmc);
		mat_mul(a, tmc, trm);
		/* a horizontal baseline, glyphs the right way up (an oblique slant is fine) */
		if (fabs(trm[1]) > 1e-3 * fabs(trm[0]) || trm[0] <= 0 || trm[3] >= 0)
			refuse(in->q, "text not upright");
		size = f32(sqrt(fabs(trm[0] * trm[3] - trm[1] * trm[2])));
		glyph_keep(in, g, tmc, trm, size);
	}
	size_t step = f->two_byte ? 2 : 1;
	double moved = 0;   /* along the text matrix's x */
	float skew = f32(trm[2]), scale = f32(-trm[3]);
	for (size_t i = 0; i + step <= s->n; i += step) {
		uint32_t code = step == 2 ? ((unsigned char)s->s[i] << 8 | (unsigned char)s->s[i + 1])
		                          : (unsigned char)s->s[i];
		int u[4], n;
		float w;
		code_text(in->q, f, code, u, &n, &w);
		double ox = trm[4] + moved * tmc[0], oy = trm[5] + moved * tmc[1];
		float adv = f32(w * trm[0]);
		/* several characters of one glyph share its advance, one after the other */
		for (int k = 0; k < n; k++) {
			if (u[k] >= 0xFB00 && u[k] <= 0xFB06)
				refuse(in->q, "ligature");
			add_char(in->q, in->pg, u[k], f, size, f32(ox) + adv * (float)k / (float)n,
			         f32(oy), adv / (float)n, skew, scale);
		}
		moved += (w * g->fs + g->tc + (step == 1 && code == 32 ? g->tw : 0)) * g->th;
	}
	in->tm[4] += moved * in->tm[0];
	in->tm[5] += moved * in->tm[1];
}

static void op_Tj(struct interp *in)
{
	if (in->nops < 1 || in->ops[in->nops - 1].t != O_STR)
		refuse(in->q, "Tj");
	show(in, &in->ops[in->nops - 1]);
}

static void op_quote(struct interp *in)
{
	op_Tstar(in);
	op_Tj(in);
}

static void op_dquote(struct interp *in)
{
	if (in->nops < 3)
		refuse(in->q, "\"");
	gs(in)->tw = num_arg(in, in->nops - 3);
	gs(in)->tc = num_arg(in, in->nops - 2);
	op_quote(in);
}

static void op_TJ(struct interp *in)
{
	if (in->nops < 1 || in->ops[in->nops - 1].t != O_ARR)
		refuse(in->q, "TJ");
	struct obj *a = &in->ops[in->nops - 1];
	for (size_t i = 0; i < a->n; i++) {
		if (a->v[i].t == O_STR)
			show(in, &a->v[i]);
		else if (a->v[i].t == O_NUM) {
			double tx = -a->v[i].num / 1000 * gs(in)->fs * gs(in)->th;
			/* a move along the line: the translation {1 0 0 1 tx 0} times the text
			 * matrix, whose other terms stay as they are (for finite ones: 0 * x adds
			 * nothing to a sum, so these are mat_mul's results, bit for bit) */
			if (isfinite(in->tm[2]) && isfinite(in->tm[3])) {
				in->tm[4] += tx * in->tm[0];
				in->tm[5] += tx * in->tm[1];
			} else {
				double t[6] = { 1, 0, 0, 1, tx, 0 };
				mat_mul(t, in->tm, in->tm);
			}
		} else
			refuse(in->q, "TJ item");
	}
}

/* ---- paths: only their bounds, for the rules ---- */

static void path_add(struct interp *in, double x, double y)
{
	double px, py;
	mat_point(gs(in)->ctm, x, y, &px, &py);
	struct rect *r = &in->path;
	if (!in->have_path) {
		*r = (struct rect){ f32(px), f32(py), f32(px), f32(py) };
		in->have_path = 1;
		return;
	}
	r->x0 = fminf(r->x0, f32(px));
	r->x1 = fmaxf(r->x1, f32(px));
	r->y0 = fminf(r->y0, f32(py));
	r->y1 = fmaxf(r->y1, f32(py));
}

static void op_m(struct interp *in)
{
	double v[2];
	nums(in, 2, v);
	path_add(in, v[0], v[1]);
}

static void op_c(struct interp *in)
{
	double v[6];
	nums(in, 6, v);
	for (int i = 0; i < 6; i += 2)
		path_add(in, v[i], v[i + 1]);
}

static void op_v(struct interp *in)
{
	double v[4];
	nums(in, 4, v);
	path_add(in, v[0], v[1]);
	path_add(in, v[2], v[3]);
}

static void op_re(struct interp *in)
{
	double v[4];
	nums(in, 4, v);
	path_add(in, v[0], v[1]);
	path_add(in, v[0] + v[2], v[1] + v[3]);
	path_add(in, v[0] + v[2], v[1]);
	path_add(in, v[0], v[1] + v[3]);
}

static void op_h(struct interp *in)
{
	(void)in;
}

/* A thin horizontal line as the helper's tee device notes one. */
static void note_rule(struct page *pg, struct rect r, float thick)
{
	if (r.y1 - r.y0 <= thick && r.x1 - r.x0 >= 20 && pg->nrules < MAX_RULES)
		pg->rules[pg->nrules++] = r;
}

static void fill(struct interp *in)
{
	if (in->have_path)
		note_rule(in->pg, in->path, 2.5f);
}

static void stroke(struct interp *in)
{
	if (!in->have_path)
		return;
	const double *m = gs(in)->ctm;
	struct rect r = in->path;
	float w = f32(gs(in)->lw * sqrt(fabs(m[0] * m[3] - m[1] * m[2])) / 2);
	r.y0 -= w;
	r.y1 += w;
	note_rule(in->pg, r, 3.0f);
}

static void op_f(struct interp *in)
{
	fill(in);
	in->have_path = 0;
}

static void op_S(struct interp *in)
{
	stroke(in);
	in->have_path = 0;
}

static void op_B(struct interp *in)
{
	fill(in);
	stroke(in);
	in->have_path = 0;
}

static void op_n(struct interp *in)
{
	in->have_path = 0;
}

static void op_nop(struct interp *in)
{
	(void)in;
}

static void run_content(struct interp *in, const unsigned char *d, size_t n);

/* A picture or a form: the picture's box is noted, a form's content run in place. */
static void op_Do(struct interp *in)
{
	if (in->nops < 1)
		refuse(in->q, "Do");
	struct obj *x = resolve(in->q, resource(in, "XObject", &in->ops[in->nops - 1]));
	struct obj *sub = dict_get(in->q, x, "Subtype");
	if (is_name(sub, "Image")) {
		double xs[4], ys[4];
		const double *m = gs(in)->ctm;
		mat_point(m, 0, 0, &xs[0], &ys[0]);
		mat_point(m, 1, 0, &xs[1], &ys[1]);
		mat_point(m, 0, 1, &xs[2], &ys[2]);
		mat_point(m, 1, 1, &xs[3], &ys[3]);
		struct rect r = { f32(xs[0]), f32(ys[0]), f32(xs[0]), f32(ys[0]) };
		for (int i = 1; i < 4; i++) {
			r.x0 = fminf(r.x0, f32(xs[i]));
			r.x1 = fmaxf(r.x1, f32(xs[i]));
			r.y0 = fminf(r.y0, f32(ys[i]));
			r.y1 = fmaxf(r.y1, f32(ys[i]));
		}
		/* a picture ends MuPDF's text block, and so the line */
		line_flush(in->q, in->pg);
		emit(in->q, "image %.2f %.2f %.2f %.2f\n", r.x0, r.y0, r.x1, r.y1);
		in->pg->after_image = 1;
		return;
	}
	if (!is_name(sub, "Form") || !x->data)
		refuse(in->q, "XObject type");
	if (in->depth >= 8)
		refuse(in->q, "form nesting");
	if (dict_get(in->q, x, "OC")->t != O_NULL)
		refuse(in->q, "optional content");
	size_t n;
	unsigned char *d = decode(in->q, x, &n);
	struct obj *saved = in->res;
	struct obj *res = dict_get(in->q, x, "Resources");
	if (res->t == O_DICT)
		in->res = res;
	op_q(in);
	struct obj *mo = dict_get(in->q, x, "Matrix");
	if (mo->t == O_ARR && mo->n == 6) {
		double m[6];
		for (int i = 0; i < 6; i++)
			m[i] = num_or(resolve(in->q, &mo->v[i]), i == 0 || i == 3);
		mat_mul(m, gs(in)->ctm, gs(in)->ctm);
	}
	double tm[6], tlm[6];
	memcpy(tm, in->tm, sizeof tm);
	memcpy(tlm, in->tlm, sizeof tlm);
	int saved_ops = in->nops;
	in->depth++;
	run_content(in, d, n);
	in->depth--;
	in->nops = saved_ops;
	memcpy(in->tm, tm, sizeof tm);
	memcpy(in->tlm, tlm, sizeof tlm);
	op_Q(in);
	in->res = saved;
}

static void op_gs(struct interp *in)
{
	if (in->nops < 1)
		refuse(in->q, "gs");
	struct obj *e = resolve(in->q, resource(in, "ExtGState", &in->ops[in->nops - 1]));
	if (dict_get(in->q, e, "Font")->t != O_NULL)
		refuse(in->q, "gs font");
	struct obj *lw = dict_get(in->q, e, "LW");
	if (lw->t == O_NUM)
		gs(in)->lw = lw->num;
}

/* Marked content: what MuPDF would show in place of the glyphs (ActualText) or hide
 * (optional content) is not read here. */
static void op_BDC(struct interp *in)
{
	if (in->nops < 2)
		return;
	struct obj *p = &in->ops[in->nops - 1];
	if (in->ops[in->nops - 2].t == O_NAME && strcmp(in->ops[in->nops - 2].s, "OC") == 0)
		refuse(in->q, "optional content");
	(void)p;
	if (p->t == O_NAME) {
		struct obj *d = dict_get(in->q, in->res, "Properties");
		for (size_t i = 0; d->t == O_DICT && i < d->n; i++)
			if (strcmp(d->v[2 * i].s, p->s) == 0
			    && dict_get(in->q, &d->v[2 * i + 1], "ActualText")->t != O_NULL)
				refuse(in->q, "ActualText");
	}
}

static void op_refuse(struct interp *in)
{
	refuse(in->q, "operator not read here");
}

/* The operators, one row each, and what runs it; an operator not here refuses the page
 * (MuPDF would skip it, and what it draws could be text). The rows go by how often office
 * programs write them, text first: the lookup meets most operators in its first rows. */
#define OP(name, run) { name, sizeof name - 1, run }

static const struct op {
	const char *name;
	size_t n;
	void (*run)(struct interp *);
} ops[] = {
	OP("TJ", op_TJ), OP("Tf", op_Tf), OP("Tm", op_Tm), OP("Tj", op_Tj), OP("BT", op_BT),
	OP("ET", op_ET), OP("Td", op_Td), OP("g", op_nop), OP("G", op_nop), OP("rg", op_nop),
	OP("RG", op_nop), OP("re", op_re), OP("f", op_f), OP("q", op_q), OP("Q", op_Q),
	OP("cm", op_cm), OP("W", op_nop), OP("n", op_n), OP("BDC", op_BDC), OP("EMC", op_nop),
	OP("m", op_m), OP("l", op_m), OP("c", op_c), OP("h", op_h), OP("S", op_S),
	OP("w", op_w), OP("TD", op_TD), OP("T*", op_Tstar), OP("Tc", op_Tc), OP("Tw", op_Tw),
	OP("Tz", op_Tz), OP("TL", op_TL), OP("Ts", op_Ts), OP("Tr", op_Tr), OP("'", op_quote),
	OP("\"", op_dquote), OP("v", op_v), OP("y", op_v), OP("F", op_f), OP("f*", op_f),
	OP("s", op_S), OP("B", op_B), OP("B*", op_B), OP("b", op_B), OP("b*", op_B),
	OP("W*", op_nop), OP("Do", op_Do), OP("gs", op_gs), OP("BMC", op_nop), OP("MP", op_nop),
	OP("DP", op_nop), OP("d", op_nop), OP("j", op_nop), OP("J", op_nop), OP("M", op_nop),
	OP("i", op_nop), OP("ri", op_nop), OP("k", op_nop), OP("K", op_nop), OP("cs", op_nop),
	OP("CS", op_nop), OP("sc", op_nop), OP("SC", op_nop), OP("scn", op_nop),
	OP("SCN", op_nop), OP("sh", op_nop), OP("BX", op_nop), OP("EX", op_nop),
	OP("BI", op_refuse), OP("d0", op_refuse), OP("d1", op_refuse),
};

/* The rows by a hash of the name (open addressing), made once: a content stream is mostly
 * operators, thousands a page. */
#define OP_SLOTS 256
static const struct op *op_slot[OP_SLOTS];
static pthread_once_t op_once = PTHREAD_ONCE_INIT;

static unsigned op_hash(const unsigned char *w, size_t n)
{
	return (w[0] * 31u + w[n - 1] * 7u + (unsigned)n) % OP_SLOTS;
}

static void op_index(void)
{
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
		unsigned h = op_hash((const unsigned char *)ops[i].name, ops[i].n);
		while (op_slot[h])
			h = (h + 1) % OP_SLOTS;
		op_slot[h] = &ops[i];
	}
}

static const struct op *op_find(const unsigned char *w, size_t n)
{
	if (n > 3)
		return NULL;
	pthread_once(&op_once, op_index);
	for (unsigned h = op_hash(w, n); op_slot[h]; h = (h + 1) % OP_SLOTS)
		if (op_slot[h]->n == n && memcmp(op_slot[h]->name, w, n) == 0)
			return op_slot[h];
	return NULL;
}

/* An array operand (l->p after its "["), its items in q->arr, reused from operator to
 * operator: a TJ's strings and numbers without parse_obj's general way (arrays grown by
 * doubling in the arena), a fifth of the read. Other items go the general way. */
static void content_array(struct quick *q, struct lex *l, struct obj *o)
{
	size_t n = 0;
	for (;;) {
		skip_space(l);
		if (l->p >= l->end)
			refuse(q, "unterminated array");
		if (*l->p == ']') {
			l->p++;
			break;
		}
		q->arr = grow(q, q->arr, &q->arr_cap, n + 1, sizeof *q->arr);
		struct obj *e = &q->arr[n++];
		*e = null_obj;
		size_t wn = number_word(l, &e->num);
		if (wn) {
			e->t = O_NUM;
			l->p += wn;
		} else if (*l->p == '(') {
			l->p++;
			lex_string(q, l, e);
		} else if (*l->p == '<' && !(l->p + 1 < l->end && l->p[1] == '<')) {
			l->p++;
			lex_hex(q, l, e);
		} else {
			parse_obj(q, l, e, 1);
		}
	}
	*o = null_obj;
	o->t = O_ARR;
	o->v = q->arr;
	o->n = n;
}

static void run_content(struct interp *in, const unsigned char *d, size_t n)
{
	struct lex l = { d, d + n };
	struct quick *q = in->q;
	in->nops = 0;
	/* operands go to the scratch arena, emptied after each operator; what an operator
	 * loads (fonts, forms) to the arena of the read */
	struct arena *outer = q->cur;
	q->cur = &q->scratch;
	int arrays = 0;   /* array operands so far: the first has q->arr */
	for (;;) {
		skip_space(&l);
		if (l.p >= l.end)
			break;
		double v;
		size_t wn = number_word(&l, &v);
		if (wn) {
			/* a number, most operands are: without parse_obj's detour */
			if (in->nops == MAX_OPERANDS)
				refuse(in->q, "operand bound");
			in->ops[in->nops] = null_obj;
			in->ops[in->nops].t = O_NUM;
			in->ops[in->nops++].num = v;
			l.p += wn;
			continue;
		}
		wn = word_len(&l);
		const struct op *op = NULL;
		/* any other word is an operator, or true, false or null (an operand) */
		if (wn && !(op = op_find(l.p, wn)) && !word_is(&l, wn, "true")
		    && !word_is(&l, wn, "false") && !word_is(&l, wn, "null"))
			refuse(in->q, "unknown operator");
		if (op) {
			if (++in->q->ops > in->q->max_ops)
				refuse(in->q, "operator bound");
			l.p += wn;
			q->cur = &q->perm;
			op->run(in);
			q->cur = &q->scratch;
			in->nops = 0;
			arrays = 0;
			scratch_reset(q);
			continue;
		}
		if (in->nops == MAX_OPERANDS)
			refuse(in->q, "operand bound");
		if (*l.p == '[' && !arrays++) {
			l.p++;
			content_array(q, &l, &in->ops[in->nops++]);
			continue;
		}
		in->q->in_content = 1;
		parse_obj(in->q, &l, &in->ops[in->nops++], 0);
		in->q->in_content = 0;
	}
	q->cur = outer;
}

/* ---- lines -> spans: pdf-mupdf.c's rules over these characters ---- */

static int mark_char(int c)
{
	return c >= 0x300 && c <= 0x10FFFF && uc_is_general_category((ucs4_t)c, UC_NON_SPACING_MARK);
}

/* The k-th smallest of v[0..n) (v reordered): what sorting would put at k, without the sort
 * (a median per line, thousands of lines). */
static float kth(float *v, int n, int k)
{
	int lo = 0, hi = n - 1;
	while (lo < hi) {
		float pivot = v[(lo + hi) / 2];
		int i = lo, j = hi;
		while (i <= j) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j) {
				float t = v[i];
				v[i++] = v[j];
				v[j--] = t;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			break;
	}
	return v[k];
}

static float usual_gap(struct qchar **v, size_t n)
{
	float g[63];
	int k = 0;
	struct qchar *prev = NULL;
	for (size_t i = 0; i < n && k < 63; i++) {
		struct qchar *c = v[i];
		if (c->c == ' ')
			continue;
		if (prev && prev->size == c->size && prev->oy == c->oy)
			g[k++] = glyph_gap(prev->x0, prev->x1, c->x0, c->x1);
		prev = c;
	}
	if (!k)
		return 0;
	float m = kth(g, k, k / 2);
	return m > 0 ? m : 0;
}

struct placed {
	struct qchar *c;
	float key;
	size_t order;
};

static int cmp_placed(const void *a, const void *b)
{
	const struct placed *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

static float centre(const struct qchar *c)
{
	return (c->x0 + c->x1) / 2;
}

/* The line's characters in the order to read them into spans (pdf-mupdf.c's line_chars):
 * as written, or for right-to-left script left to right on the page, marks after their
 * letter. v has room for n. */
static size_t line_chars(struct quick *q, struct qchar *line, size_t nline, struct qchar **v)
{
	size_t n = 0, rtl = 0;
	float last = -1e30f;
	for (size_t i = 0; i < nline; i++) {
		struct qchar *c = &line[i];
		if (!stream_char(c->c))
			continue;
		v[n++] = c;
		rtl += (size_t)rtl_char(c->c);
		if (c->c != ' ' && centre(c) < last - 0.5f * c->size)
			rtl++;
		if (c->c != ' ')
			last = centre(c);
	}
	if (!rtl)
		return n;
	q->placed = grow(q, q->placed, &q->placed_cap, n + 1, sizeof(struct placed));
	struct placed *p = q->placed;
	for (size_t i = 0; i < n; i++)
		p[i] = (struct placed){ v[i], centre(v[i]), 2 * i };
	for (size_t i = 0; i < n; i++) {
		if (!mark_char(v[i]->c))
			continue;
		long a = (long)i - 1, b = (long)i + 1;
		while (a >= 0 && (mark_char(v[a]->c) || v[a]->c == ' '))
			a--;
		while ((size_t)b < n && mark_char(v[b]->c))
			b++;
		long best = a;
		if ((size_t)b < n && v[b]->c != ' ' && (a < 0 || centre(v[b]) > centre(v[a])))
			best = b;
		if (best >= 0) {
			p[i].key = p[best].key;
			p[i].order = p[best].order + 1;
		}
	}
	if (n > 1)
		qsort(p, n, sizeof *p, cmp_placed);
	for (size_t i = 0; i < n; i++)
		v[i] = p[i].c;
	return n;
}

struct span {
	char *text;               /* q->text */
	size_t n;
	int font;
	float size, base, x0, y0, x1, y1, last_x0, last_x1;
	int ink, space, left, right, step;
};

static void span_put(struct quick *q, struct span *s, int c)
{
	q->text = grow(q, q->text, &q->text_cap, s->n + 8, 1);
	s->text = q->text;
	unsigned u = (unsigned)c;
	char *b = s->text + s->n;
	if (u < 0x80)
		b[0] = (char)u, s->n += 1;
	else if (u < 0x800)
		b[0] = (char)(0xC0 | u >> 6), b[1] = (char)(0x80 | (u & 63)), s->n += 2;
	else if (u < 0x10000)
		b[0] = (char)(0xE0 | u >> 12), b[1] = (char)(0x80 | (u >> 6 & 63)),
		b[2] = (char)(0x80 | (u & 63)), s->n += 3;
	else
		b[0] = (char)(0xF0 | u >> 18), b[1] = (char)(0x80 | (u >> 12 & 63)),
		b[2] = (char)(0x80 | (u >> 6 & 63)), b[3] = (char)(0x80 | (u & 63)), s->n += 4;
}

static void span_flush(struct quick *q, struct span *s)
{
	if (s->ink) {
		char b[256];
		int n = snprintf(b, 32, "span %d", s->font);
		const float v[] = { s->size, s->x0, s->y0, s->x1, s->y1, s->base };
		for (size_t i = 0; i < sizeof v / sizeof *v; i++)
			n += (int)put_num(b + n, v[i]);
		b[n++] = ' ';
		b[n++] = s->left > s->right ? 'r' : 'h';
		b[n++] = ' ';
		emit_bytes(q, b, (size_t)n);
		emit_bytes(q, s->text, s->n);
		emit_bytes(q, "\n", 1);
	}
	s->n = 0;
	s->ink = s->space = s->left = s->right = s->step = 0;
}

/* The font's id on this page, its "font" record written at its first use there. */
static int font_id(struct quick *q, struct page *pg, struct qfont *f, int *nfonts)
{
	if (f->page == pg->no && f->id >= 0)
		return f->id;
	f->page = pg->no;
	f->id = (*nfonts)++;
	emit(q, "font %d %s ", f->id, f->flags);
	for (const char *p = f->name; *p; p++)
		emit(q, "%c", (unsigned char)*p <= ' ' || *p == 0x7f ? '_' : *p);
	emit(q, "%s\n", f->name[0] ? "" : "_");
	return f->id;
}

/* One line -> spans (pdf-mupdf.c's line_spans). */
static void line_spans(struct quick *q, struct page *pg, struct qchar *line, size_t nline)
{
	int *nfonts = &pg->nfonts;
	q->order = grow(q, q->order, &q->order_cap, nline + 1, sizeof *q->order);
	struct qchar **v = q->order;
	size_t nv = line_chars(q, line, nline, v);
	float usual = usual_gap(v, nv);
	struct span s;
	memset(&s, 0, sizeof s);
	int last = 0;
	for (size_t i = 0; i < nv; i++) {
		struct qchar *c = v[i];
		int ch = stream_char(c->c);
		int id = font_id(q, pg, c->font, nfonts);
		if (ch == ' ') {
			s.space = s.ink;
			continue;
		}
		if (s.ink && mark_char(ch)) {
			span_put(q, &s, ch);
			continue;
		}
		float gap = s.ink ? glyph_gap(s.last_x0, s.last_x1, c->x0, c->x1) : 0;
		int step = s.ink ? (c->x0 + c->x1 >= s.last_x0 + s.last_x1 ? 1 : -1) : 0;
		int turn = s.ink && ((s.step && step != s.step) || gap < -0.3f * c->size);
		if (s.ink && (id != s.font || c->size - s.size > 0.05f || s.size - c->size > 0.05f
		              || c->oy - s.base > 0.05f || s.base - c->oy > 0.05f
		              || gap > 0.75f * c->size + usual || turn))
			span_flush(q, &s);
		else if (s.ink)
			s.step = step;
		if (!s.ink) {
			s.font = id;
			s.size = c->size;
			s.base = c->oy;
			s.x0 = c->x0;
			s.y0 = c->y0;
			s.x1 = c->x1;
			s.y1 = c->y1;
		} else {
			if (c->x1 >= s.last_x1)
				s.right++;
			else
				s.left++;
			float need = cjk_char(ch) || cjk_char(last) ? 0.6f * c->size : 0.15f * c->size;
			if (gap > need + usual)
				s.space = 1;
		}
		if (s.space)
			span_put(q, &s, ' ');
		s.space = 0;
		span_put(q, &s, ch);
		s.ink = 1;
		last = ch;
		s.last_x0 = c->x0;
		s.last_x1 = c->x1;
		s.x0 = min2(s.x0, c->x0);
		s.x1 = max2(s.x1, c->x1);
		s.y0 = min2(s.y0, c->y0);
		s.y1 = max2(s.y1, c->y1);
	}
	span_flush(q, &s);
}

/* The line read so far, written out as spans. */
static void line_flush(struct quick *q, struct page *pg)
{
	if (pg->n)
		line_spans(q, pg, pg->v, pg->n);
	pg->n = 0;
}

/* The page's end: its last line, its rules, "end". */
static void page_end(struct quick *q, struct page *pg)
{
	line_flush(q, pg);
	for (int i = 0; i < pg->nrules; i++)
		emit(q, "rule %.2f %.2f %.2f %.2f\n", pg->rules[i].x0, pg->rules[i].y0,
		     pg->rules[i].x1, pg->rules[i].y1);
	emit(q, "end\n");
}

/* ---- pages ---- */

struct inherited {
	struct obj *res, *media, *crop, *rotate;
};

/* Page box as MuPDF bounds it: the crop box within the media box. */
static int page_box(struct quick *q, const struct inherited *h, struct rect *r)
{
	struct obj *b[2] = { h->media, h->crop };
	struct rect v[2];
	for (int k = 0; k < 2; k++) {
		if (!b[k] || b[k]->t != O_ARR || b[k]->n != 4) {
			if (k == 0)
				refuse(q, "no media box");
			v[1] = v[0];
			break;
		}
		double x[4];
		for (int i = 0; i < 4; i++)
			x[i] = num_or(resolve(q, &b[k]->v[i]), NAN);
		if (!isfinite(x[0] + x[1] + x[2] + x[3]))
			refuse(q, "page box");
		v[k] = (struct rect){ f32(fmin(x[0], x[2])), f32(fmin(x[1], x[3])),
		                      f32(fmax(x[0], x[2])), f32(fmax(x[1], x[3])) };
	}
	r->x0 = fmaxf(v[0].x0, v[1].x0);
	r->y0 = fmaxf(v[0].y0, v[1].y0);
	r->x1 = fminf(v[0].x1, v[1].x1);
	r->y1 = fminf(v[0].y1, v[1].y1);
	if (r->x1 - r->x0 < 1 || r->y1 - r->y0 < 1)
		refuse(q, "page box");
	return 0;
}

/* Annotations MuPDF would draw (any with an appearance) are not drawn here. */
static void check_annots(struct quick *q, struct obj *page)
{
	struct obj *a = dict_get(q, page, "Annots");
	for (size_t i = 0; a->t == O_ARR && i < a->n; i++) {
		struct obj *an = resolve(q, &a->v[i]);
		if (!is_name(dict_get(q, an, "Subtype"), "Link") || dict_get(q, an, "AP")->t != O_NULL)
			refuse(q, "annotation with appearance");
	}
}

static void read_page(struct quick *q, struct obj *page, const struct inherited *h, int no,
                      struct qfont **fonts)
{
	if (fmod(num_or(h->rotate ? h->rotate : &null_obj, 0), 360) != 0)
		refuse(q, "rotated page");
	if (dict_get(q, page, "UserUnit")->t != O_NULL)
		refuse(q, "user unit");
	check_annots(q, page);
	struct rect box;
	page_box(q, h, &box);
	/* the page's own memory (its state, its content decoded) is let go after it; what its
	 * operators load (fonts, forms) and the objects resolved stay with the read */
	struct page *pg = qalloc_in(q, &q->page, sizeof *pg);
	memset(pg, 0, sizeof *pg);
	pg->no = no;
	pg->fonts = *fonts;
	struct interp *in = qalloc_in(q, &q->page, sizeof *in);
	memset(in, 0, sizeof *in);
	in->q = q;
	in->pg = pg;
	in->res = h->res ? h->res : &null_obj;
	in->ngs = 1;
	/* the page's space: y down from the crop box's top */
	double ctm[6] = { 1, 0, 0, -1, -box.x0, box.y1 };
	memcpy(in->gs[0].ctm, ctm, sizeof ctm);
	in->gs[0].lw = 1;
	in->gs[0].th = 1;
	struct obj *c = dict_get(q, page, "Contents");
	size_t nc = c->t == O_ARR ? c->n : 1;
	/* the content streams are one stream cut anywhere: joined before they are read */
	size_t total = 0;
	unsigned char **parts = qalloc_in(q, &q->page, nc * sizeof *parts);
	size_t *lens = qalloc_in(q, &q->page, nc * sizeof *lens);
	for (size_t i = 0; i < nc; i++) {
		struct obj *s = c->t == O_ARR ? resolve(q, &c->v[i]) : c;
		if (s->t == O_NULL) {
			parts[i] = NULL;
			lens[i] = 0;
			continue;
		}
		if (!s->data)
			refuse(q, "contents not a stream");
		parts[i] = decode_to(q, &q->page, s, &lens[i]);
		total += lens[i] + 1;
	}
	unsigned char *all = nc == 1 ? parts[0] : qalloc_in(q, &q->page, total + 1);
	size_t at = nc == 1 ? lens[0] : 0;
	for (size_t i = 0; nc > 1 && i < nc; i++) {
		if (lens[i])
			memcpy(all + at, parts[i], lens[i]);
		at += lens[i];
		all[at++] = '\n';
	}
	emit(q, "page %d %.2f %.2f\n", no, box.x1 - box.x0, box.y1 - box.y0);
	if (all)
		run_content(in, all, at);
	*fonts = pg->fonts;
	page_end(q, pg);
	if (q->progress)
		atomic_fetch_add(&prog_done, 1);
	arena_reset(q, &q->page);
}

struct walk {
	int from, want, done;     /* pages from..want are read, those before only counted */
	long visited;
	struct qfont *fonts;
};

static struct obj *inherit(struct quick *q, struct obj *node, const char *key, struct obj *up)
{
	struct obj *o = dict_get(q, node, key);
	return o->t != O_NULL ? o : up;
}

/* The page tree, depth first, as far as the pages wanted. */
static void walk_pages(struct quick *q, struct obj *node, struct inherited h, struct walk *w,
                       int depth)
{
	if (depth > MAX_DEPTH || ++w->visited > 10000)
		refuse(q, "page tree bound");
	h.res = inherit(q, node, "Resources", h.res);
	h.media = inherit(q, node, "MediaBox", h.media);
	h.crop = inherit(q, node, "CropBox", h.crop);
	h.rotate = inherit(q, node, "Rotate", h.rotate);
	struct obj *kids = dict_get(q, node, "Kids");
	struct obj *type = dict_get(q, node, "Type");
	if (kids->t != O_ARR) {
		if (!is_name(type, "Page") && type->t != O_NULL)
			refuse(q, "page tree node");
		if (++w->done >= w->from)
			read_page(q, node, &h, w->done, &w->fonts);
		return;
	}
	for (size_t i = 0; i < kids->n && w->done < w->want; i++) {
		struct obj *k = resolve(q, &kids->v[i]);
		if (k->t != O_DICT)
			refuse(q, "page tree kid");
		walk_pages(q, k, h, w, depth + 1);
	}
}

/* Pages from..to (from 1) of the document; the stream's head ("gavel-pdf 1", "pages N") only
 * with the first page. Pages past the document's last are none: nothing is written. */
static void read_doc(struct quick *q, int from, int to)
{
	if (q->len < 8 || q->len > QUICK_MAX_FILE)
		refuse(q, "size");
	struct obj *trailer = xref_read(q);
	struct obj *root = dict_get(q, trailer, "Root");
	if (root->t != O_DICT)
		refuse(q, "no catalog");
	if (dict_get(q, root, "OCProperties")->t != O_NULL)
		refuse(q, "optional content");
	struct obj *pages = dict_get(q, root, "Pages");
	struct obj *count = dict_get(q, pages, "Count");
	if (count->t != O_NUM || count->num < 1 || count->num > 10000000)
		refuse(q, "page count");
	q->count = (int)count->num;
	if (from == 1)
		emit(q, "gavel-pdf 1\npages %d\n", (int)count->num);
	struct walk w = { from, to < (int)count->num ? to : (int)count->num, 0, 0, NULL };
	if (w.from > w.want)
		return;
	struct inherited h = { NULL, NULL, NULL, NULL };
	walk_pages(q, pages, h, &w, 0);
	if (w.done < w.want)
		refuse(q, "page tree short");
}

/* One read of pages from..to of buf[0..len), with its own objects and fonts (struct quick):
 * pdf_quick_stream's contract. */
struct part {
	const unsigned char *buf;
	size_t len;
	int from, to;
	char *out;
	size_t n;
	const char *why;
	int rc;
	int count;            /* the document's pages, 0 when not read that far */
	int progress;         /* a whole read's: its pages counted */
};

static void read_part(struct part *pt)
{
	pt->out = NULL;
	pt->n = 0;
	pt->why = NULL;
	pt->rc = 0;
	pt->count = 0;
	struct quick *q = calloc(1, sizeof *q);
	if (!q) {
		pt->rc = -1;
		pt->why = "out of memory";
		return;
	}
	q->buf = pt->buf;
	q->len = pt->len;
	q->max_inflate = MAX_INFLATE;
	if (pt->len <= QUICK_MAX_FILE && pt->len * INFLATE_PER_BYTE > q->max_inflate)
		q->max_inflate = pt->len * INFLATE_PER_BYTE;
	q->max_ops = MAX_OPS;
	if (pt->len <= QUICK_MAX_FILE && (long)(pt->len / OPS_BYTES) > q->max_ops)
		q->max_ops = (long)(pt->len / OPS_BYTES);
	q->progress = pt->progress;
	q->cur = &q->perm;
	volatile int rc = 0;
	bus_guard(1);
	if (sigsetjmp(q->fail, 1) == 0) {
		bus_quick = q;
		read_doc(q, pt->from, pt->to);
		out_room(q, 0);
		q->out[q->n] = '\0';
		pt->out = q->out;
		pt->n = q->n;
		q->out = NULL;
	} else {
		pt->why = q->why;
		rc = strcmp(q->why, "out of memory") == 0 ? -1 : 1;
		free(q->out);
	}
	bus_quick = NULL;
	bus_guard(0);
	pt->count = q->count;
	arena_free(q);
	if (q->z_ready)
		inflateEnd(&q->z);
	free(q->chars);
	free(q->order);
	free(q->placed);
	free(q->text);
	free(q->arr);
	free(q->stk);
	free(q);
	pt->rc = rc;
}

/* Part of an opening read on another core beside the rest (each part with its own objects
 * and fonts). Whoever takes it first reads it: the thread, or the caller once its own part is
 * read, if the thread has not started by then (its core busy); the caller waits only for a
 * thread already reading (the file is mapped: nothing reads it after pdf_quick_stream
 * returns). The last of the two to let go frees it. */
struct beside {
	struct part part;
	atomic_int taken, refs;
	sem_t done;
};

static void beside_drop(struct beside *b)
{
	if (atomic_fetch_sub(&b->refs, 1) == 1) {
		sem_destroy(&b->done);
		free(b);
	}
}

static void *beside_run(void *arg)
{
	struct beside *b = arg;
	if (atomic_exchange(&b->taken, 1) == 0) {
		read_part(&b->part);
		sem_post(&b->done);
	}
	beside_drop(b);
	return NULL;
}

/* A thread for pages from..to (progress: counted for pdf_quick_progress), on a core other
 * than this one (left to itself the scheduler starts it on this core, where it only takes
 * turns with the caller); NULL when the process has one core or no thread can start. */
static struct beside *beside_start(const unsigned char *buf, size_t len, int from, int to,
                                   int progress)
{
	cpu_set_t cpus;
	int me = sched_getcpu();
	if (me < 0 || sched_getaffinity(0, sizeof cpus, &cpus) != 0 || CPU_COUNT(&cpus) < 2
	    || !CPU_ISSET(me, &cpus))
		return NULL;
	CPU_CLR(me, &cpus);
	struct beside *b = calloc(1, sizeof *b);
	if (!b || sem_init(&b->done, 0, 0) != 0) {
		free(b);
		return NULL;
	}
	b->part = (struct part){ buf, len, from, to, NULL, 0, NULL, 0, 0, progress };
	atomic_init(&b->taken, 0);
	atomic_init(&b->refs, 2);
	pthread_attr_t at;
	pthread_t t;
	int ok = pthread_attr_init(&at) == 0;
	if (ok) {
		ok = pthread_attr_setaffinity_np(&at, sizeof cpus, &cpus) == 0
		     && pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED) == 0
		     && pthread_create(&t, &at, beside_run, b) == 0;
		pthread_attr_destroy(&at);
	}
	if (!ok) {
		sem_destroy(&b->done);
		free(b);
		return NULL;
	}
	return b;
}

/* The thread's part, once the caller's is read: read here if the thread has not taken it,
 * else waited for. */
static void beside_finish(struct beside *b, struct part *out)
{
	if (atomic_exchange(&b->taken, 1) == 0)
		read_part(&b->part);
	else
		while (sem_wait(&b->done) != 0)
			;
	*out = b->part;
	beside_drop(b);
}

/* The first page is read on the other core and the rest here: the thread starts 0.06-0.1 ms
 * late on a core that has run none of this code, and a resolution's first page holds less
 * than the next (its masthead and title; the bench's opening: 37 KB of content against 62).
 * Measured on the bench's opening (its 100-page PDF's first two pages; the reader's phases,
 * cold, 40 alternated runs, medians): one read of both 1.25 ms; the second page on a thread
 * left to the scheduler 1.47 ms (the thread ran on the reader's own core, after it or taking
 * turns with it); on the other core 1.10 ms, the thread's part the longer (page 2, 1.0 ms);
 * the first page there 1.09 ms, the two parts within 0.03 ms of each other. A whole read
 * (more than two pages asked) is cut in halves. The stream is byte for byte the one-read
 * stream: a page's records name only its own fonts. */
int pdf_quick_stream(const unsigned char *buf, size_t len, int max_pages, char **out,
                     size_t *outlen, const char **why)
{
	*why = NULL;
	*out = NULL;
	*outlen = 0;
	if (max_pages <= 0) {
		*why = "no pages asked";
		return 1;
	}
	/* The thread's part: the first page of an opening of two; of more pages, the first
	 * half of those the document has (its count read first: the xref and the catalog, some
	 * 0.03 ms of a whole read's tens of milliseconds). */
	int half = 1, whole = max_pages > 2;
	if (whole) {
		atomic_store(&prog_done, 0);
		atomic_store(&prog_total, 0);
		struct part head = { buf, len, 1, 0, NULL, 0, NULL, 0, 0, 0 };
		read_part(&head);
		free(head.out);
		if (head.rc) {
			*why = head.why;
			return head.rc;
		}
		int n = head.count < max_pages ? head.count : max_pages;
		half = (n + 1) / 2;
		atomic_store(&prog_total, n);
	}
	struct part first = { buf, len, 1, max_pages, NULL, 0, NULL, 0, 0, whole };
	struct part rest = { buf, len, half + 1, max_pages, NULL, 0, NULL, 0, 0, whole };
	struct beside *b = max_pages > 1 ? beside_start(buf, len, 1, half, whole) : NULL;
	if (b) {
		read_part(&rest);
		beside_finish(b, &first);
	} else {
		read_part(&first);
	}
	struct part *bad = first.rc ? &first : rest.rc ? &rest : NULL;
	if (bad) {
		int rc = bad->rc;
		*why = bad->why;
		free(first.out);
		free(rest.out);
		return rc;
	}
	if (rest.n) {
		char *all = realloc(first.out, first.n + rest.n + 1);
		if (!all) {
			free(first.out);
			free(rest.out);
			*why = "out of memory";
			return -1;
		}
		memcpy(all + first.n, rest.out, rest.n + 1);
		first.out = all;
		first.n += rest.n;
	}
	free(rest.out);
	*out = first.out;
	*outlen = first.n;
	return 0;
}

int pdf_quick_enabled(void)
{
	const char *e = getenv("GAVEL_PDF_QUICK");
	return !e || strcmp(e, "0") != 0;
}
