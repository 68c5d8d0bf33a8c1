/* shape.c: the table of input shapes (shape.h). The text shapes share one path: the shape's
 * reader makes blocks, the one structure builder makes the model, so they all give the same
 * model; a shape whose format carries its structure (XML) builds the model itself. */
#include "config.h"

#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <sysexits.h>

#include "doc/blocks.h"
#include "doc/pdf.h"
#include "doc/shape.h"

/* Blocks from a text shape's reader -> the model. */
static int read_blocks(int (*shape)(const char *, size_t, struct block_list *, struct parse_diag *),
                       const char *text, size_t len, const struct shape_want *w,
                       struct collection **out, struct parse_diag *d)
{
	struct block_list bl;
	memset(&bl, 0, sizeof bl);
	int r = shape(text, len, &bl, d);
	bl.text_only = (w->need & PARSE_TEXT_ONLY) != 0;
	if (r == 0 && w->sink)
		r = build_collection_sink(&bl, w->sink, d) < 0 ? -1 : 0;
	else if (r == 0)
		r = build_collection_first(&bl, w->max, w->more, out, d);
	blocks_free(&bl);
	if (r != 0) {
		snprintf(d->reason, sizeof d->reason, "out of memory");
		return EX_OSERR;
	}
	return 0;
}

#define TEXT_SHAPE(name, fmt)                                                                   \
	static int probe_##name(const struct shape_probe *p)                                    \
	{                                                                                       \
		return p->text_shape == (fmt);                                                  \
	}                                                                                       \
	static int read_##name(const char *text, size_t len, const struct shape_want *w,       \
	                       struct collection **out, struct parse_diag *d)                   \
	{                                                                                       \
		return read_blocks(shape_##name, text, len, w, out, d);                         \
	}

/* A text row's input is the decoded text parse.c owns and frees after the row returns
 * (shape.h): the ODS reader's blocks borrow it instead of copying a large file again. */
static int shape_ods_own(const char *text, size_t len, struct block_list *bl,
                         struct parse_diag *d)
{
	return shape_ods_in_place((char *)text, len, bl, d);
}

TEXT_SHAPE(ods_own, INPUT_ODS)
TEXT_SHAPE(pdf, INPUT_PDF)
TEXT_SHAPE(plain, INPUT_PLAIN)
TEXT_SHAPE(md, INPUT_MD)

const struct input_shape input_shapes[] = {
	/* name        format          input        prefix opening probe           read */
	{ "akn",      INPUT_AKN,      SHAPE_BYTES, 0,     0,      akn_probe,       akn_read },
	{ "ods",      INPUT_ODS,      SHAPE_TEXT,  1,     0,      probe_ods_own,   read_ods_own },
	{ "pdf",      INPUT_PDF,      SHAPE_TEXT,  1,     0,      probe_pdf,       read_pdf },
	{ "plain",    INPUT_PLAIN,    SHAPE_TEXT,  1,     0,      probe_plain,     read_plain },
	{ "md",       INPUT_MD,       SHAPE_TEXT,  1,     0,      probe_md,        read_md },
	{ "pdf-file", INPUT_PDF_FILE, SHAPE_BYTES, 0,     1,      pdf_shape_probe, pdf_shape_read },
};
const size_t input_nshapes = sizeof input_shapes / sizeof *input_shapes;

const struct input_shape *shape_of(enum input_format f)
{
	for (size_t i = 0; i < input_nshapes; i++)
		if (input_shapes[i].format == f)
			return &input_shapes[i];
	return NULL;
}
