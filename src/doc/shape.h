/* shape.h: the input shapes gavel reads, as one table (as tmux's cmd_table): each row a name,
 * a probe that says whether a document is in that shape, and a reader that turns it into
 * resolutions. parse.c walks the table; a new shape is one file and one row (shape.c).
 *
 * A row reads either the file's bytes as they are (XML, a binary PDF: the format has its own
 * encoding rules) or the text the decoder made of them (BOM gone, LF line ends, valid UTF-8).
 * Rows that read bytes are probed first, on the bytes; the text rows after decoding, on the
 * text. Text shapes are told apart by one weighing of signs (shape_detect in detect.c: the
 * signs of one are the absence of another's), which the probe hands them as `text_shape`. */
#ifndef GAVEL_DOC_SHAPE_H
#define GAVEL_DOC_SHAPE_H

#include <stddef.h>
#include "doc/parse.h"

enum shape_input {
	SHAPE_TEXT,         /* probe and read get decoded UTF-8 text */
	SHAPE_BYTES         /* probe and read get the file's bytes as read */
};

/* What a probe looks at. */
struct shape_probe {
	const char *buf;            /* the bytes, or the decoded text, as the row's input says */
	size_t len;
	enum input_format text_shape;   /* shape_detect's verdict (text rows only) */
};

/* What a reader is asked for: the first `max` resolutions (SIZE_MAX: all); *more, when
 * `more` is not NULL, set when another begins after them. A row that reads its document's
 * opening itself (input_shape.opening) may be asked, with `opening` nonzero, for about that
 * many bytes of text only (a PDF's first pages), and sets *cut when it read less than the
 * whole; `path` is the file the bytes came from (NULL for a buffer), which such a row may
 * read instead. */
struct shape_want {
	size_t max;
	int *more;
	const char *path;
	size_t opening;
	int *cut;
	/* When set, a text shape hands each resolution to the sink as it is built
	 * (build_collection_sink) and leaves *out NULL; other shapes build *out as ever. */
	const struct parse_sink *sink;
	unsigned need;                  /* parse.h: PARSE_ALL, PARSE_TEXT_ONLY */
};

struct input_shape {
	const char *name;               /* --input-format NAME */
	enum input_format format;
	enum shape_input input;
	int prefix;                     /* a cut opening of the file still reads (parse_file_prefix) */
	int opening;                    /* reads the opening of the whole file itself (shape_want) */
	/* Nonzero when the document is in this shape. */
	int (*probe)(const struct shape_probe *);
	/* buf[0..len) (NUL-terminated) -> *out. A text row's buf is the decoded text, the
	 * parser's own until the row returns: the row may write into it (buf[len] too). Returns 0, or a sysexits code with d->reason set
	 * (EX_DATAERR for a document that cannot be read, EX_OSERR out of memory). */
	int (*read)(const char *buf, size_t len, const struct shape_want *, struct collection **out,
	            struct parse_diag *d);
};

/* The rows' probes and readers, each in its shape's own file. */
int akn_probe(const struct shape_probe *);          /* akn.c: the UN's AKN4UN XML */
int akn_read(const char *buf, size_t len, const struct shape_want *, struct collection **out,
             struct parse_diag *d);

/* The table, in probing order, and its length. */
extern const struct input_shape input_shapes[];
extern const size_t input_nshapes;

/* The row of a format, or NULL (INPUT_AUTO). */
const struct input_shape *shape_of(enum input_format);

#endif
