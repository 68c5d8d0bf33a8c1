/* input.c: reading a file and decoding it into clean UTF-8, so every shape reader sees the
 * same kind of text whatever the user's editor, platform or extraction tool produced. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "doc/bytes.h"
#include "doc/input.h"
#include "doc/parse.h"
#include "text/buf.h"
#include "text/utf8.h"

/* Files bigger than this are refused rather than exhausting memory. */
#define INPUT_MAX ((size_t)1 << 30)
/* How much of a file sniff() looks at, and is read before anything more. */
#define SNIFF_BYTES ((size_t)65536)

static int fail(struct parse_diag *d, int code, const char *reason)
{
	snprintf(d->reason, sizeof d->reason, "%s", reason);
	return code;
}

size_t input_utf8_seq(const unsigned char *s, size_t n)
{
	if (n == 0)
		return 0;
	if (s[0] < 0x80)
		return 1;
	/* the program's codec, strict: overlongs, surrogates and truncated sequences are 0 */
	ucs4_t c;
	int k = u8_mbtoucr(&c, s, n);
	return k > 0 ? (size_t)k : 0;
}

size_t input_prefix_cut(const char *buf, size_t len)
{
	size_t nl = len, sp = len;
	while (nl > 0 && buf[nl - 1] != '\n')
		nl--;
	if (nl > len / 2)
		return nl;
	/* A line longer than half the bytes (a file on one line): cut after its last space or
	 * tab, else between two characters, rather than show next to nothing. */
	while (sp > nl && buf[sp - 1] != ' ' && buf[sp - 1] != '\t')
		sp--;
	if (sp > nl)
		return sp;
	for (sp = len ? len - 1 : 0; sp > nl && ((unsigned char)buf[sp] & 0xC0) == 0x80; sp--)
		;
	return sp > nl ? sp : nl;       /* before the last character, which may be cut */
}

size_t input_ascii_len(const unsigned char *s, size_t n)
{
	size_t i = 0;
	/* eight bytes at a time: no byte of the word has its top bit set */
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080u)
			break;
	}
	while (i < n && s[i] < 0x80)
		i++;
	return i;
}

/* A growable output buffer; `oom` latches the first allocation failure. */
struct obuf {
	char *p;
	size_t n, cap;
	int oom;
	int fixed;      /* p is the input's own buffer of cap bytes (decoding in place) */
};

static void ob_reserve(struct obuf *o, size_t more)
{
	if (o->oom || o->n + more < o->cap || (o->fixed && o->n + more <= o->cap))
		return;
	if (o->fixed) {
		o->oom = 1;     /* never: in place the text only shrinks */
		return;
	}
	char *np = buf_array(o->p, &o->cap, o->n + more + 1, 1);
	if (!np) {
		o->oom = 1;
		return;
	}
	o->p = np;
}

static void ob_put(struct obuf *o, const char *s, size_t n)
{
	ob_reserve(o, n);
	if (o->oom)
		return;
	/* decoding in place, the bytes may already be where they go, or overlap */
	if (o->p + o->n != s)
		memmove(o->p + o->n, s, n);
	o->n += n;
}

static void ob_cp(struct obuf *o, uint32_t c)
{
	char b[4];
	ob_put(o, b, utf8_encode(c, b));
}

/* An ASCII byte the decoder keeps as it is: not CR, NUL, another control or DEL. */
static int plain_ascii(unsigned c)
{
	return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' || c == '\f';
}

/* Whether none of the eight bytes at s is below 0x20 or at or above 0x7F: the bit tricks
 * find whether any byte is without a branch per byte. */
static int plain_word(const unsigned char *s)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	uint64_t w;
	memcpy(&w, s, 8);
	uint64_t below_20 = (w - ones * 0x20) & ~w;     /* top bit of a byte below 0x20 */
	uint64_t from_7f = w | (w + ones);              /* top bit of a byte 0x7F and up */
	return ((below_20 | from_7f) & high) == 0;
}

/* Length of the UTF-8 sequence at s[0..n) the decoder keeps as it is: valid, and neither a
 * C1 control nor a BOM. 0 otherwise. */
static size_t kept_seq(const unsigned char *s, size_t n)
{
	size_t k = input_utf8_seq(s, n);
	if ((k == 2 && s[0] == 0xC2 && s[1] < 0xA0) ||
	    (k == 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF))
		return 0;
	return k;
}

/* The first byte of the block at s that is not plain_ascii, or BYTES_N when there is none. */
static unsigned plain_block(const unsigned char *s)
{
	bytes_t w = bytes_load(s);
#if BYTES_N == 16
	/* the bytes that pass, in nine operations: printable ASCII (non-ASCII compares as
	 * negative), newline, tab, form feed */
	bytes_t ok = bytes_or(bytes_in(w, 0x20, 0x7F),
	                      bytes_or(bytes_eq(w, '\n'), bytes_or(bytes_eq(w, '\t'),
	                                                          bytes_eq(w, '\f'))));
	unsigned stop = ~bytes_bits(ok) & 0xFFFFu;
	return stop ? bytes_first(stop) : BYTES_N;
#else
	bytes_t ctl = bytes_but(bytes_in(w, 1, 0x20),
	                        bytes_or(bytes_or(bytes_eq(w, '\n'), bytes_eq(w, '\t')),
	                                 bytes_eq(w, '\f')));
	bytes_t bad = bytes_or(bytes_or(bytes_high(w), ctl),
	                       bytes_or(bytes_eq(w, 0x7F), bytes_eq(w, 0)));
	return bytes_bits(bad) ? bytes_first(bytes_bits(bad)) : BYTES_N;
#endif
}

/* End of the run at s[i..len) the decoder copies as it is: plain_ascii bytes and, in UTF-8
 * text (utf8 != 0), kept sequences. The output took one ob_put per byte; now it takes one per
 * run, found a block at a time while they are plain ASCII (blocks: input_copy_check()
 * compares with eight bytes or one at a time). */
static inline size_t copy_end_blocks(const unsigned char *s, size_t i, size_t len, int utf8,
                                     int blocks)
{
	for (;;) {
		/* a block at a time while every byte is plain_ascii: none non-ASCII, DEL, NUL or a
		 * control but newline, tab and form feed */
		if (BYTES_N > 0 && blocks)
			while (i + BYTES_N <= len) {
				unsigned k = plain_block(s + i);
				i += k;
				if (k < BYTES_N)
					break;
			}
		while (i + 8 <= len && plain_word(s + i))
			i += 8;
		if (i >= len)
			return len;
		size_t k = 0;
		if (plain_ascii(s[i]))
			k = 1;
		else if (utf8 && s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < len &&
		         (s[i + 1] & 0xC0) == 0x80 && (s[i] > 0xC2 || s[i + 1] >= 0xA0))
			k = 2;  /* a two-byte letter, U+00A0..U+07FF: what kept_seq keeps, undecoded */
		else if (utf8 && s[i] >= 0x80)
			k = kept_seq(s + i, len - i);
		if (!k)
			return i;
		i += k;
	}
}

static size_t copy_end(const unsigned char *s, size_t i, size_t len, int utf8)
{
	return copy_end_blocks(s, i, len, utf8, 1);
}

/* ---- the clean prefix of a large text, in two halves at once ----
 * copy_end decides at each character from that character's bytes alone, so the text can be
 * cut at the start of a character: the prefix of the whole is the first half's when that
 * stops short of the cut, else the cut plus the second half's, read meanwhile on a thread. */

#define CLEAN_SPLIT_MIN ((size_t)8 << 20)   /* smaller texts: one thread */

struct clean_half {
	const unsigned char *s;
	size_t from, len, end;
};

static void *clean_run(void *arg)
{
	struct clean_half *h = arg;
	h->end = copy_end(h->s, h->from, h->len, 1);
	return NULL;
}

/* Where the first character at or after `at` begins, or len (or at, when at is no further
 * than 3 bytes into a run of continuation bytes that never ends: no valid text there). */
static size_t char_start(const unsigned char *s, size_t at, size_t len)
{
	for (size_t k = 0; k < 4 && at + k < len; k++)
		if ((s[at + k] & 0xC0) != 0x80)
			return at + k;
	return at;
}

size_t input_clean_prefix(const unsigned char *s, size_t len, int threads)
{
	size_t cut = len >= CLEAN_SPLIT_MIN && threads > 1 ? char_start(s, len / 2, len) : 0;
	if (!cut || cut >= len || (s[cut] & 0xC0) == 0x80)
		return copy_end(s, 0, len, 1);
	struct clean_half h = { s, cut, len, 0 };
	pthread_t t;
	if (pthread_create(&t, NULL, clean_run, &h) != 0)
		return copy_end(s, 0, len, 1);
	size_t first = copy_end(s, 0, cut, 1);
	pthread_join(t, NULL);
	return first < cut ? first : h.end;
}

int input_copy_check(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	for (size_t i = 0; i <= len; i++)
		for (int utf8 = 0; utf8 < 2; utf8++)
			if (copy_end_blocks(s, i, len, utf8, 1) != copy_end_blocks(s, i, len, utf8, 0))
				return 0;
	return 1;
}

/* Windows-1252's 0x80..0x9F; 0 where the code page leaves a hole. Latin-1 is the rest. */
static const uint16_t cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0
};

/* Whether byte s[i] (not UTF-8) reads naturally as Windows-1252/Latin-1 text: an accented
 * letter next to an ASCII letter ("g\xe9n\xe9rale"), or quotes, dashes, no-break space,
 * guillemets, ellipsis, euro, degree. */
static int legacy_plausible(const unsigned char *s, size_t len, size_t i)
{
	unsigned c = s[i];
	static const unsigned char punct[] = { 0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97,
		0xA0, 0xA7, 0xAB, 0xB0, 0xBA, 0xAA, 0xBB, 0 };
	if (memchr(punct, (int)c, sizeof punct - 1))
		return 1;
	if (c == 0xE0)
		return 1;       /* "à", a French word of its own */
	/* Letters of the official languages' Latin scripts; not ×, ÷, ð, þ, ÿ and their kin,
	 * which are far likelier to be damaged UTF-8 than text. */
	if (c >= 0xC0 && !strchr("\xD0\xD7\xDE\xF0\xF7\xFE\xFF", (int)c)) {
		int before = i > 0 && (isalpha(s[i - 1]) || (s[i - 1] >= 0xC0 && s[i - 1] < 0xFE));
		int after = i + 1 < len && isalpha(s[i + 1]);
		return before || after;
	}
	return 0;
}

static void warn(struct parse_diag *d, const char *msg)
{
	if (d->nwarnings < PARSE_MAX_WARNINGS)
		snprintf(d->warnings[d->nwarnings++], sizeof d->warnings[0], "%s", msg);
}

/* UTF-16 from byte `start` (2 after a byte-order mark, 0 without) -> UTF-8; unpaired
 * surrogates become U+FFFD. */
static void from_utf16(const unsigned char *s, size_t len, int big, size_t start,
                       struct obuf *o, size_t *bad)
{
	for (size_t i = start; i + 1 < len; i += 2) {
		uint32_t u = big ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
			uint32_t v = big ? (uint32_t)(s[i + 2] << 8 | s[i + 3])
			                 : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
			if (v >= 0xDC00 && v <= 0xDFFF) {
				ob_cp(o, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
				i += 2;
				continue;
			}
		}
		if (u >= 0xD800 && u <= 0xDFFF) {
			u = 0xFFFD;
			(*bad)++;
		}
		ob_cp(o, u);
	}
	if ((len - start) % 2)
		(*bad)++;
}

/* How s[start..n) reads as UTF-16 (big-endian when big): -1 when it holds more than one
 * control code unit (but white space) or lone surrogate in a hundred, as random bytes do
 * (3% of random code units are lone surrogates); else the count of spaces, line ends and
 * CJK and Arabic commas and full stops, which every text has, random bytes hardly (one in ten
 * thousand), and the other byte order never (a Latin letter read backwards is U+xx00). */
static long utf16_spaces(const unsigned char *s, size_t n, int big, size_t start)
{
	size_t units = 0, bad = 0;
	long space = 0;
	for (size_t i = start; i + 1 < n; i += 2, units++) {
		uint32_t u = big ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
		if (u >= 0xD800 && u <= 0xDBFF) {
			uint32_t v = i + 3 < n ? (big ? (uint32_t)(s[i + 2] << 8 | s[i + 3])
			                              : (uint32_t)(s[i + 3] << 8 | s[i + 2])) : 0xDC00;
			if (v >= 0xDC00 && v <= 0xDFFF)
				i += 2;     /* a pair (or one cut at the end of the sample) */
			else
				bad++;
		} else if (u >= 0xDC00 && u <= 0xDFFF) {
			bad++;
		} else if (u == ' ' || u == '\n' || u == '\r' || u == '\t' || u == 0x3001 ||
		           u == 0x3002 || u == 0xFF0C || u == 0x060C) {
			space++;
		} else if (u < 0x20 || u == 0x7F || u == 0xFFFE || u == 0xFFFF) {
			bad++;
		}
	}
	return units > 0 && bad * 100 <= units ? space : -1;
}

enum sniff { SNIFF_TEXT, SNIFF_BINARY, SNIFF_UTF16LE, SNIFF_UTF16BE };

/* Bytes at or above 0x80 in s[0..n) that are not part of valid UTF-8. */
static size_t not_utf8(const unsigned char *s, size_t n)
{
	size_t bad = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] < 0x80) {
			i += input_ascii_len(s + i, n - i);
			continue;
		}
		size_t k = input_utf8_seq(s + i, n - i);
		bad += k == 0;
		i += k ? k : 1;
	}
	return bad;
}

/* What the first 64 KiB say the bytes are. Binary: a known magic number; or control bytes
 * (C0 but white space and ESC, DEL) over a tenth of them; or over one in fifty where a tenth
 * of the bytes are not UTF-8 either. Random bytes have 10.5% control bytes and 43% that are
 * not UTF-8; text in any encoding but UTF-16 has next to no control bytes (a text with
 * escape sequences pasted in has about 1%), and legacy text is mostly "not UTF-8" bytes but
 * without controls. UTF-16 without a byte-order mark is recognised rather than refused; with
 * one, it must look like UTF-16. Sets *what to a short description. */
static enum sniff sniff(const unsigned char *s, size_t len, const char **what)
{
	static const struct { const char *magic; size_t n; const char *what; } magic[] = {
		{ "%PDF-", 5, "binary data (a PDF file: extract its text first, e.g. with pdftotext)" },
		{ "PK\003\004", 4, "binary data (a ZIP or office file: save it as text first)" },
		{ "\177ELF", 4, "binary data (an executable)" },
		{ "\211PNG", 4, "binary data (an image)" },
		{ "\377\330\377", 3, "binary data (an image)" },
		{ "\320\317\021\340", 4, "binary data (an old office file: save it as text first)" },
		{ "\037\213", 2, "binary data (gzip-compressed: uncompress it first)" },
		{ "\3757zXZ", 5, "binary data (xz-compressed: uncompress it first)" },
		{ "BZh", 3, NULL },     /* bzip2 only with its block magic below */
		{ "\050\265\057\375", 4, "binary data (zstd-compressed: uncompress it first)" },
	};
	*what = "binary data";
	for (size_t i = 0; i < sizeof magic / sizeof *magic; i++)
		if (len >= magic[i].n && memcmp(s, magic[i].magic, magic[i].n) == 0) {
			if (!magic[i].what) {
				if (len >= 10 && memcmp(s + 4, "1AY&SY", 6) == 0) {
					*what = "binary data (bzip2-compressed: uncompress it first)";
					return SNIFF_BINARY;
				}
				continue;
			}
			*what = magic[i].what;
			return SNIFF_BINARY;
		}
	size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES, ctl = 0;
	if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
		int big = s[0] == 0xFE;
		if (utf16_spaces(s, n, big, 2) < 0)
			return SNIFF_BINARY;
		return big ? SNIFF_UTF16BE : SNIFF_UTF16LE;
	}
	for (size_t i = 0; i < n; i++)
		if ((s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f'
		     && s[i] != '\v' && s[i] != 0x1B) || s[i] == 0x7F)
			ctl++;
	/* In a short sample one control byte among bytes that are not UTF-8 is enough: 64
	 * random bytes hold none only once in 1,200 tries. */
	int text = ctl * 10 <= n;
	if (text && ctl && (ctl * 50 > n || n < 1024) && not_utf8(s, n) * 10 > n)
		text = 0;
	if (text)
		return SNIFF_TEXT;
	/* UTF-16 without a byte-order mark: a space or comma in every fifty code units, as in
	 * any text (random bytes: one in seven thousand), and more in one byte order. */
	long le = utf16_spaces(s, n, 0, 0), be = utf16_spaces(s, n, 1, 0);
	long need = (long)(n / 2 / 50) > 4 ? (long)(n / 2 / 50) : 4;
	if (le > be && le >= need)
		return SNIFF_UTF16LE;
	if (be > le && be >= need)
		return SNIFF_UTF16BE;
	return SNIFF_BINARY;
}

/* --- reading --- */

/* What a file that is not a regular file is, for messages. */
static const char *file_kind(mode_t m)
{
	return S_ISFIFO(m) ? "a pipe or FIFO" : S_ISCHR(m) ? "a character device"
	     : S_ISSOCK(m) ? "a socket" : "not a regular file";
}

/* "1 GiB", "512 MiB", "64 KiB": a size as the messages give it. */
static void size_name(size_t n, char *buf, size_t len)
{
	if (n >= (1u << 30) && n % (1u << 30) == 0)
		snprintf(buf, len, "%zu GiB", n >> 30);
	else if (n >= (1u << 20) && n % (1u << 20) == 0)
		snprintf(buf, len, "%zu MiB", n >> 20);
	else if (n >= 1024 && n % 1024 == 0)
		snprintf(buf, len, "%zu KiB", n >> 10);
	else
		snprintf(buf, len, "%zu bytes", n);
}

static int read_fail(struct parse_diag *d, int fd, char *buf, int code, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static int read_fail(struct parse_diag *d, int fd, char *buf, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->reason, sizeof d->reason, fmt, ap);
	va_end(ap);
	free(buf);
	close(fd);
	return code;
}

/* A large file's buffer is asked to be backed by huge pages where the system gives them on
 * request (transparent huge pages in "madvise" mode): a 50 MB file then costs some 25 page
 * faults instead of 12,000, which were a fifth of a whole `gavel search` on a virtual
 * machine. The buffer is aligned to a huge page and rounded up to whole ones, or its first
 * and last partial 2 MB would still be touched a 4 KB page at a time (a thousand faults, a
 * tenth of the read). Only advice: nothing changes where it is not taken. free() and
 * realloc() take the buffer as they take malloc()'s. */
static char *alloc_huge(size_t size)
{
#if defined(MADV_HUGEPAGE)
	const size_t huge = (size_t)2 << 20;
	if (size >= 4 * huge && size <= SIZE_MAX - huge) {
		size_t whole = (size + huge - 1) & ~(huge - 1);
		void *p;
		if (posix_memalign(&p, huge, whole) != 0)
			return NULL;
		(void)madvise(p, whole, MADV_HUGEPAGE);
		return p;
	}
#endif
	return malloc(size);
}

int input_read(const char *path, char **data, size_t *len, struct parse_diag *d)
{
	return input_read_max(path, INPUT_MAX, data, len, d);
}

int input_read_max(const char *path, size_t max, char **data, size_t *len, struct parse_diag *d)
{
	*data = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return fail(d, EX_NOINPUT, strerror(errno));
	struct stat st;
	char lim[32];
	size_name(max, lim, sizeof lim);
	if (fstat(fd, &st) != 0)
		return read_fail(d, fd, NULL, EX_NOINPUT, "%s", strerror(errno));
	if (S_ISDIR(st.st_mode))
		return read_fail(d, fd, NULL, EX_NOINPUT, "is a directory");
	if (S_ISBLK(st.st_mode))
		return read_fail(d, fd, NULL, EX_NOINPUT, "is a block device (a disk), not a document");
	int regular = S_ISREG(st.st_mode);
	if (regular && (unsigned long long)st.st_size > max)
		return read_fail(d, fd, NULL, EX_DATAERR, "file too large (%.1f GiB; gavel reads up to %s)",
		                 (double)st.st_size / (1u << 30), lim);
	/* Regular files come in one allocation; pipes and devices grow by doubling, never past
	 * the limit. The first 64 KiB are looked at before any more is read: random bytes or
	 * zeros from a device are refused there, not after a gigabyte. */
	size_t cap = regular && st.st_size > 0 ? (size_t)st.st_size + 1
	           : (max < SNIFF_BYTES ? max : SNIFF_BYTES) + 1;
	char *buf = alloc_huge(cap);
	if (!buf)
		return read_fail(d, fd, NULL, EX_OSERR, "out of memory");
	size_t n = 0;
	int sniffed = 0;
	for (;;) {
		if (!sniffed && (n >= SNIFF_BYTES || (regular && n + 1 >= cap))) {
			const char *what;
			sniffed = 1;
			if (sniff((const unsigned char *)buf, n, &what) == SNIFF_BINARY)
				return S_ISREG(st.st_mode) ? read_fail(d, fd, buf, EX_DATAERR, "%s", what)
				               : read_fail(d, fd, buf, EX_DATAERR, "%s from %s; gavel "
				                           "stopped reading after its first 64 KiB", what,
				                           file_kind(st.st_mode));
		}
		if (n + 1 >= cap && regular) {
			/* The size stat gave is read: one more byte says whether the file grew. */
			char probe;
			ssize_t r = read(fd, &probe, 1);
			if (r == 0)
				break;
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0)
				return read_fail(d, fd, buf, EX_IOERR, "%s", strerror(errno));
			regular = 0;        /* growing: read on as from a pipe */
			if (n >= max)
				return read_fail(d, fd, buf, EX_DATAERR, "file too large (more than %s, still "
				                 "growing; gavel reads up to %s)", lim, lim);
			char *nb = realloc(buf, cap + 1);
			if (!nb)
				return read_fail(d, fd, buf, EX_OSERR, "out of memory");
			buf = nb;
			buf[n++] = probe;
			cap++;
		}
		if (n + 1 >= cap) {
			if (n >= max)
				return read_fail(d, fd, buf, EX_DATAERR, "more than %s from %s: gavel stopped "
				                 "reading there (its limit for one document)", lim,
				                 S_ISREG(st.st_mode) ? "a growing file" : file_kind(st.st_mode));
			size_t ncap = cap - 1 > max / 2 ? max + 1 : (cap - 1) * 2 + 1;
			char *nb = realloc(buf, ncap);
			if (!nb)
				return read_fail(d, fd, buf, EX_OSERR, "out of memory");
			buf = nb;
			cap = ncap;
		}
		size_t want = cap - n - 1;
		if (!sniffed && n < SNIFF_BYTES && want > SNIFF_BYTES - n)
			want = SNIFF_BYTES - n;
		ssize_t r = read(fd, buf + n, want);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			return read_fail(d, fd, buf, e == EISDIR ? EX_NOINPUT : EX_IOERR, "%s", strerror(e));
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

/* input_decode, and when dst is not NULL (len + 1 bytes, raw itself) the text is decoded
 * there if it can be: valid UTF-8 only shrinks (CRLF, NUL, C1, BOM) or stays as it is. */
static int decode(const char *raw, size_t len, char *dst, char **out, size_t *outlen,
                  struct parse_diag *d)
{
	const unsigned char *s = (const unsigned char *)raw;
	struct obuf u16 = { 0 };
	size_t bad = 0;
	char msg[160];
	*out = NULL;
	*outlen = 0;
	if (len == 0)
		return fail(d, EX_DATAERR, "empty file");

	const char *what;
	enum sniff kind = sniff(s, len, &what);
	if (kind == SNIFF_BINARY)
		return fail(d, EX_DATAERR, what);
	if (kind == SNIFF_UTF16LE || kind == SNIFF_UTF16BE) {
		int bom = len >= 2 && (s[0] == 0xFF || s[0] == 0xFE);
		ob_reserve(&u16, len + len / 2 + 4);
		from_utf16(s, len, kind == SNIFF_UTF16BE, bom ? 2 : 0, &u16, &bad);
		if (u16.oom) {
			free(u16.p);
			return fail(d, EX_OSERR, "out of memory");
		}
		warn(d, bom ? "UTF-16 text converted to UTF-8"
		            : "UTF-16 text (without a byte-order mark) converted to UTF-8");
		s = (const unsigned char *)u16.p;
		len = u16.n;
	}
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		s += 3;
		len -= 3;
	}

	/* First pass: is this UTF-8 at all? Text with invalid bytes and not one valid multi-byte
	 * sequence is a legacy single-byte encoding, not damaged UTF-8. */
	size_t nmb = 0, nbad = 0, nodd = 0, nc1 = 0;
	/* Most text is kept whole: a block at a time, the prefix the second pass would copy as it
	 * is. When that is all of it, neither pass needs to look at it byte by byte. (A prefix
	 * short of the end is read again below: a legacy text has no multi-byte sequence at all,
	 * so the prefix is printable ASCII, kept in either reading.) */
	size_t clean = input_clean_prefix(s, len, parse_cpus());
	for (size_t i = clean < len ? 0 : len; i < len;) {
		if (s[i] < 0x80) {
			i += input_ascii_len(s + i, len - i);
			continue;
		}
		size_t k = input_utf8_seq(s + i, len - i);
		if (k) {
			nmb++;
			i += k;
		} else {
			nbad++;
			nc1 += s[i] <= 0x9F;
			nodd += !legacy_plausible(s, len, i);
			i++;
		}
	}
	/* Legacy only when every odd byte reads as a letter inside a word or as typographic
	 * punctuation; stray bytes in UTF-8 or ASCII text become U+FFFD instead. */
	int legacy = nbad > 0 && nmb == 0 && nodd == 0;

	struct obuf o = { 0 };
	int in_place = dst && !u16.p && nbad == 0;
	if (in_place) {
		o.p = dst;
		o.cap = len + 1;
		o.fixed = 1;
	} else {
		ob_reserve(&o, len + len / 16 + 16);
	}
	size_t nnul = 0, nctl = 0;
	ob_put(&o, (const char *)s, clean);
	for (size_t i = clean; i < len && !o.oom;) {
		unsigned c = s[i];
		if (c == '\r') {
			ob_put(&o, "\n", 1);
			i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
		} else if (c == 0) {
			nnul++;
			i++;
		} else if ((c < 0x20 && c != '\n' && c != '\t' && c != '\f') || c == 0x7F) {
			/* Escapes and other controls must never reach a terminal: one space instead. */
			nctl++;
			ob_put(&o, " ", 1);
			i++;
		} else if (c < 0x80) {
			/* the run of bytes kept as they are from here in one copy */
			size_t j = copy_end(s, i + 1, len, !legacy);
			ob_put(&o, (const char *)s + i, j - i);
			i = j;
		} else if (legacy) {
			uint32_t cp = c;
			if (c <= 0x9F)
				cp = cp1252[c - 0x80] ? cp1252[c - 0x80] : 0xFFFD;
			ob_cp(&o, cp);
			i++;
		} else {
			size_t k = input_utf8_seq(s + i, len - i);
			if (k == 2 && c == 0xC2 && s[i + 1] < 0xA0) {
				/* C1 controls (U+0080..U+009F, CSI among them) act on terminals too. */
				nctl++;
				ob_put(&o, " ", 1);
				i += 2;
			} else if (k == 3 && c == 0xEF && s[i + 1] == 0xBB && s[i + 2] == 0xBF) {
				i += 3;          /* a BOM inside the text: files pasted together */
			} else if (k) {
				size_t j = copy_end(s, i + k, len, 1);
				ob_put(&o, (const char *)s + i, j - i);
				i = j;
			} else {
				/* One U+FFFD per maximal invalid run of continuation bytes. */
				ob_cp(&o, 0xFFFD);
				bad++;
				i++;
				while (i < len && (s[i] & 0xC0) == 0x80 && !input_utf8_seq(s + i, len - i))
					i++;
			}
		}
	}
	free(u16.p);
	ob_put(&o, "", 1);
	if (o.oom) {
		if (!in_place)
			free(o.p);
		return fail(d, EX_OSERR, "out of memory");
	}
	o.n--;
	size_t k = 0;
	while (k < o.n && (o.p[k] == ' ' || o.p[k] == '\n' || o.p[k] == '\t' || o.p[k] == '\f'))
		k++;
	if (k == o.n) {
		if (!in_place)
			free(o.p);
		return fail(d, EX_DATAERR, len == 0 ? "empty file" : "empty file (only white space)");
	}
	if (legacy) {
		warn(d, nc1 > 0
		        ? "not UTF-8: decoded as Windows-1252"
		        : "not UTF-8: decoded as Latin-1 (ISO-8859-1)");
	}
	if (bad) {
		snprintf(msg, sizeof msg, "invalid UTF-8 replaced by U+FFFD (%zu sequence%s)", bad,
		         bad == 1 ? "" : "s");
		warn(d, msg);
	}
	if (nnul) {
		snprintf(msg, sizeof msg, "%zu NUL byte%s removed", nnul, nnul == 1 ? "" : "s");
		warn(d, msg);
	}
	if (nctl) {
		snprintf(msg, sizeof msg, "%zu control character%s replaced by spaces", nctl,
		         nctl == 1 ? "" : "s");
		warn(d, msg);
	}
	*out = o.p;
	*outlen = o.n;
	return 0;
}

int input_decode(const char *raw, size_t len, char **out, size_t *outlen, struct parse_diag *d)
{
	return decode(raw, len, NULL, out, outlen, d);
}

int input_decode_owned(char *raw, size_t len, char **out, size_t *outlen, struct parse_diag *d)
{
	int r = decode(raw, len, raw, out, outlen, d);
	if (r || *out != raw)
		free(raw);
	return r;
}
