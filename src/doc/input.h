/* input.h: bytes of a file -> clean UTF-8 text for the shape readers.
 *
 * input_read() loads a file whole (missing, unreadable, directories and disks are EX_NOINPUT;
 * binary data and more than 1 GiB EX_DATAERR, found without reading the rest);
 * input_decode() strips a BOM, turns CRLF and CR into LF, drops NUL bytes, converts
 * UTF-16 and legacy single-byte encodings (Windows-1252, Latin-1), and replaces invalid
 * UTF-8 by U+FFFD, reporting each fix once as a warning. Empty text and binary data are
 * EX_DATAERR. Both run in time linear in the input. */
#ifndef GAVEL_DOC_INPUT_H
#define GAVEL_DOC_INPUT_H

#include <stddef.h>
#include "doc/parse.h"

/* Reads the whole file into *data (caller frees; NUL-terminated). Returns 0 or a sysexits
 * code with d->reason set. */
int input_read(const char *path, char **data, size_t *len, struct parse_diag *d);

/* The same with the limit given (input_read's is 1 GiB): a regular file over it is refused
 * at once, a pipe or device when it has given that much, and a stream of binary data after
 * its first 64 KiB, so /dev/zero costs 64 KiB, not the limit. */
int input_read_max(const char *path, size_t max, char **data, size_t *len, struct parse_diag *d);

/* Decodes raw bytes into *out (caller frees; NUL-terminated, LF line ends, valid UTF-8 without
 * NUL). Returns 0 or a sysexits code with d->reason set. */
int input_decode(const char *raw, size_t len, char **out, size_t *outlen, struct parse_diag *d);

/* The same for bytes the caller gives up (len + 1 bytes, as input_read returns them): UTF-8
 * text is decoded in place, without a copy of the file; raw is freed or becomes *out. */
int input_decode_owned(char *raw, size_t len, char **out, size_t *outlen, struct parse_diag *d);

/* Length of the valid UTF-8 sequence at s[0..n), or 0 if the bytes there are not one. */
size_t input_utf8_seq(const unsigned char *s, size_t n);

/* Where to cut the first len bytes of a longer text: after the last line end, unless that
 * leaves less than half (a line longer than that, a file on one line): then after the last
 * space or tab, else before its last character (which may be cut). */
size_t input_prefix_cut(const char *buf, size_t len);

/* The end of the prefix of s the decoder keeps as it is (UTF-8 text: every byte but CR, NUL,
 * other controls, DEL and invalid sequences); with threads > 1 and a large text, read in two
 * halves at once. The same with any number of threads (test_input compares). */
size_t input_clean_prefix(const unsigned char *s, size_t len, int threads);

/* Length of the run of ASCII bytes (below 0x80) at the start of s[0..n), found quickly. */
size_t input_ascii_len(const unsigned char *s, size_t n);
/* For the tests: whether the decoder's run of plain bytes ends at the same byte found a block
 * at a time as found eight bytes or one at a time, from every place of text[0..len). */
int input_copy_check(const char *text, size_t len);

#endif
