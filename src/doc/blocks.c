/* blocks.c: the list of logical blocks every shape reader fills and the builder reads. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "doc/blocks.h"
#include "doc/bytes.h"

/* Whitespace the readers fold into one space: ASCII blanks, and the no-break and
 * narrow no-break spaces French typography puts before punctuation are kept (they carry
 * meaning for wrapping), so only ASCII is folded here. */
static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* A superscript digit at text[i] (¹ ² ³ ⁰ ⁴-⁹, as text copied from a web page or a word
 * processor keeps footnote markers): its ASCII digit and *k its bytes, else 0. */
char blocks_superscript(const char *text, size_t len, size_t i, size_t *k)
{
	const unsigned char *u = (const unsigned char *)text + i;
	if (i + 1 < len && u[0] == 0xC2 && (u[1] == 0xB9 || u[1] == 0xB2 || u[1] == 0xB3)) {
		*k = 2;
		return u[1] == 0xB9 ? '1' : u[1] == 0xB2 ? '2' : '3';
	}
	if (i + 2 < len && u[0] == 0xE2 && u[1] == 0x81 && (u[2] == 0xB0 || (u[2] >= 0xB4 && u[2] <= 0xB9))) {
		*k = 3;
		return (char)('0' + (u[2] - 0xB0));
	}
	return 0;
}

/* Bytes blocks_push copies in runs: a run ends at a byte with END (a blank other than the
 * space, a lead byte of a superscript digit: 0xC2, 0xE2), or at a space followed by a BLANK
 * (a space followed by a non-blank is already the one space the text keeps). */
enum { BLANK = 1, END = 2 };
static const unsigned char byte_flags[256] = {
	[' '] = BLANK, ['\t'] = BLANK | END, ['\n'] = BLANK | END, ['\r'] = BLANK | END,
	['\f'] = BLANK | END, ['\v'] = BLANK | END, [0xC2] = END, [0xE2] = END
};

/* Whether a run of copied bytes ends at c, followed by next: one test, no branch on the
 * kind of byte (this sees every byte of the text). */
static int run_ends(unsigned char c, unsigned char next)
{
	return (byte_flags[c] & (END | (byte_flags[next] & BLANK))) != 0;
}

/* text[0..len) normalised into t (room for len + 1 bytes), NUL-terminated; returns the
 * length. t may be text itself: what is written never passes what is read. */
static size_t normalise(const char *text, size_t len, char *t)
{
	size_t n = 0;
	int space = 0;
	for (size_t i = 0; i < len;) {
		if (blank(text[i])) {
			space = 1;
			i++;
			continue;
		}
		if (space && n > 0)
			t[n++] = ' ';
		space = 0;
		/* superscript markers become the glued digits PDF extraction gives ("Rights¹" ->
		 * "Rights1"), which refs.c reads; units keep theirs ("m³") */
		size_t k;
		char d = blocks_superscript(text, len, i, &k);
		if (d && n > 0 && t[n - 1] != 'm') {
			t[n++] = d;
			i += k;
			continue;
		}
		/* this byte and the ordinary ones after it go over in one copy: the loop ran per
		 * byte and was an eighth of a parse */
		size_t j = i + 1;
		for (; BYTES_N && j + BYTES_N + 1 <= len; j += BYTES_N) {
			/* a block at a time: an END byte, or a space before a BLANK one */
			bytes_t w = bytes_load(text + j), next = bytes_load(text + j + 1);
			bytes_t blank = bytes_or(bytes_eq(next, ' '), bytes_in(next, '\t', '\r' + 1));
			bytes_t end = bytes_or(bytes_in(w, '\t', '\r' + 1),
			                       bytes_or(bytes_eq(w, 0xC2), bytes_eq(w, 0xE2)));
			bytes_t ends = bytes_or(end, bytes_and(bytes_eq(w, ' '), blank));
			if (bytes_bits(ends)) {
				j += bytes_first(bytes_bits(ends));
				break;
			}
		}
		while (j + 1 < len && !run_ends((unsigned char)text[j], (unsigned char)text[j + 1]))
			j++;
		/* the last byte: a space there is trailing and dropped */
		if (j + 1 == len && byte_flags[(unsigned char)text[j]] == 0)
			j++;
		if (t + n != text + i)
			memmove(t + n, text + i, j - i);
		n += j - i;
		i = j;
	}
	t[n] = '\0';
	return n;
}

/* A large array of blocks has a mapping of its own, advised to huge pages. On a virtual
 * machine where the first touch of every 4 KB page traps to the host (some 13 us each here),
 * the 9 MB of blocks of a 50 MB file cost 15 ms to copy once and as much again to fill, a
 * tenth of a whole `gavel search`; in 2 MB pages it is a handful of faults. Mapped with
 * MAP_NORESERVE, a generous reservation costs only the pages used. */
#define BLOCKS_MAPPED_MIN ((size_t)4 << 20)
#define HUGE_PAGE ((size_t)2 << 20)

static struct block *blocks_map(size_t bytes, size_t *mapped)
{
	size_t size = (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	if (size < bytes || size > SIZE_MAX - HUGE_PAGE)
		return NULL;
	char *p = mmap(NULL, size + HUGE_PAGE, PROT_READ | PROT_WRITE,
	               MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	/* aligned to a huge page: the slack before and after goes back */
	char *a = (char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
	if (a > p)
		munmap(p, (size_t)(a - p));
	if (p + size + HUGE_PAGE > a + size)
		munmap(a + size, (size_t)(p + size + HUGE_PAGE - (a + size)));
#if defined(MADV_HUGEPAGE)
	(void)madvise(a, size, MADV_HUGEPAGE);
#endif
	*mapped = size;
	return (struct block *)a;
}

static void blocks_unmap(struct block_list *bl)
{
	if (bl->mapped)
		munmap(bl->v, bl->mapped);
	else
		free(bl->v);
	bl->v = NULL;
	bl->mapped = 0;
}

int blocks_reserve(struct block_list *bl, size_t n)
{
	if (n <= bl->cap)
		return 0;
	if (n > SIZE_MAX / sizeof *bl->v)
		return -1;
	size_t bytes = n * sizeof *bl->v, mapped = 0;
	struct block *nv;
	if (bytes < BLOCKS_MAPPED_MIN && !bl->mapped) {
		nv = realloc(bl->v, bytes);
		if (!nv)
			return -1;
	} else {
		nv = blocks_map(bytes, &mapped);
		if (!nv)
			return -1;
		if (bl->n)
			memcpy(nv, bl->v, bl->n * sizeof *nv);
		blocks_unmap(bl);
		n = mapped / sizeof *nv;
	}
	bl->v = nv;
	bl->cap = n;
	bl->mapped = mapped;
	return 0;
}

/* Appends a block of text t[0..n), taken (free()d with the list). */
static int append(struct block_list *bl, char *t, size_t n, enum block_zone zone,
                  int indent, int page)
{
	if (bl->n == bl->cap && blocks_reserve(bl, bl->cap ? bl->cap * 2 : 64))
		return -1;
	struct block *b = &bl->v[bl->n++];
	b->text = t;
	b->len = n;
	b->zone = zone;
	b->indent = indent;
	b->page = page;
	b->marks = NULL;
	b->nmarks = 0;
	b->heading = 0;
	b->kind = 0;
	b->dlike = 0;
	return 0;
}

int blocks_push(struct block_list *bl, const char *text, size_t len, enum block_zone zone,
                int indent, int page)
{
	char *t = malloc(len + 1);
	if (!t)
		return -1;
	size_t n = normalise(text, len, t);
	if (append(bl, t, n, zone, indent, page)) {
		free(t);
		return -1;
	}
	return 0;
}

int blocks_push_in_place(struct block_list *bl, char *text, size_t len, enum block_zone zone,
                         int indent, int page)
{
	if (append(bl, text, normalise(text, len, text), zone, indent, page))
		return -1;
	if (!bl->lent_lo || text < bl->lent_lo)
		bl->lent_lo = text;
	if (text + len + 1 > bl->lent_hi)
		bl->lent_hi = text + len + 1;
	return 0;
}

int blocks_push_marked(struct block_list *bl, const char *text, size_t len, enum block_zone zone,
                       int indent, int page, const struct mark *marks, size_t nmarks)
{
	struct mark *m = NULL;
	if (nmarks) {
		if (!(m = malloc(nmarks * sizeof *m)))
			return -1;
		memcpy(m, marks, nmarks * sizeof *m);
		/* offsets past the text (a shape's slip) go to its end rather than out of it */
		for (size_t i = 0; i < nmarks; i++)
			if (m[i].byte > len)
				m[i].byte = len;
	}
	size_t n0 = bl->n;
	if (blocks_push(bl, text, len, zone, indent, page)) {
		free(m);
		return -1;
	}
	struct block *b = &bl->v[n0];
	if (b->len != len) {
		/* not normalised after all: markers cannot be placed, so they stay out */
		free(m);
		return 0;
	}
	b->marks = m;
	b->nmarks = nmarks;
	return 0;
}

#define META_FIELDS(m) { &(m)->symbol, &(m)->organ, &(m)->number, &(m)->title, &(m)->adopted, \
	&(m)->session, &(m)->agenda_item, &(m)->report, &(m)->meeting, &(m)->distributed, \
	&(m)->language, &(m)->vote, &(m)->job }

struct res_meta *blocks_doc_hints(struct block_list *bl, size_t from)
{
	if (bl->ndocs == bl->docs_cap) {
		size_t cap = bl->docs_cap ? bl->docs_cap * 2 : 4;
		struct doc_hints *nd = realloc(bl->docs, cap * sizeof *nd);
		if (!nd)
			return NULL;
		bl->docs = nd;
		bl->docs_cap = cap;
	}
	struct doc_hints *d = &bl->docs[bl->ndocs++];
	memset(d, 0, sizeof *d);
	d->from = from;
	return &d->meta;
}

int blocks_merge_hints(struct block_list *bl)
{
	char **to[] = META_FIELDS(&bl->hints);
	for (size_t k = 0; k < bl->ndocs; k++) {
		char **from[] = META_FIELDS(&bl->docs[k].meta);
		for (size_t i = 0; i < sizeof to / sizeof *to; i++)
			if (!*to[i] && *from[i] && !(*to[i] = strdup(*from[i])))
				return -1;
	}
	return 0;
}

static void meta_free(struct res_meta *m)
{
	char **f[] = META_FIELDS(m);
	for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
		free(*f[i]);
		*f[i] = NULL;
	}
}

void blocks_free(struct block_list *bl)
{
	for (size_t k = 0; k < bl->ndocs; k++)
		meta_free(&bl->docs[k].meta);
	free(bl->docs);
	bl->docs = NULL;
	bl->ndocs = bl->docs_cap = 0;
	for (size_t i = 0; i < bl->n; i++) {
		/* a malloc()ed text never lies inside the input the others borrow */
		uintptr_t t = (uintptr_t)bl->v[i].text;
		if (!(bl->lent_lo && t >= (uintptr_t)bl->lent_lo && t < (uintptr_t)bl->lent_hi))
			free(bl->v[i].text);
		free(bl->v[i].marks);
	}
	blocks_unmap(bl);
	bl->n = bl->cap = 0;
	bl->exact_marks = 0;
	bl->kinds_ready = 0;
	bl->lent_lo = bl->lent_hi = NULL;
	meta_free(&bl->hints);
}
