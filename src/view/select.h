/* select.h: choosing words of one paragraph to highlight or annotate, as vim's visual mode.
 *
 * `v` starts a selection at a place in the paragraph (its start, or the current search match),
 * then h/l move the free end by a character (a grapheme cluster: a letter keeps its combining
 * marks), w/b/e by word, 0/$ to the ends, o swaps the ends; `V` takes the whole paragraph. The
 * result is a range of code points of the paragraph's text, as annotations count them.
 * Ends are kept as byte offsets at grapheme starts; the selection includes the character
 * under its free end, as vim's does. The text is borrowed: it must outlive the selection. */
#ifndef GAVEL_VIEW_SELECT_H
#define GAVEL_VIEW_SELECT_H

#include <stddef.h>

struct selection {
	int active;
	int para;               /* paragraph index */
	int whole;              /* the whole paragraph (V) */
	const char *text;       /* the paragraph's text (borrowed) */
	size_t len;             /* its bytes */
	size_t anchor, cursor;  /* bytes, at grapheme starts; cursor is the end that moves */
};

/* Starts a selection of paragraph `para` whose text is `text` covering bytes [start, end) (end
 * <= start: the one character at start). Returns 0, or -1 when the text is empty. */
int select_start(struct selection *, int para, const char *text, size_t start, size_t end);

/* Selects the whole paragraph. Returns 0, or -1 when the text is empty. */
int select_whole(struct selection *, int para, const char *text);

void select_cancel(struct selection *);

enum select_motion {
	SM_LEFT, SM_RIGHT,          /* the free end by a character (a grapheme cluster) */
	SM_WORD_NEXT, SM_WORD_END, SM_WORD_PREV,   /* vim's w, e, b */
	SM_START, SM_END,           /* the paragraph's ends */
	SM_SWAP,                    /* the other end becomes the free one */
	SM_WHOLE                    /* the whole paragraph, and back */
};

/* Applies one motion. Returns 1 when the selection is active (it moved), 0 otherwise. */
int select_move(struct selection *, enum select_motion);

/* Moves the free end to the character holding byte `byte` (a click). 1 when active. */
int select_to(struct selection *, size_t byte);

/* The motion vim's visual mode has on key (h l w b e 0 ^ $ o V, Space, the arrows, Home and
 * End as VK codes of keys.h), applied. Returns 1 when the key was a motion, 0 otherwise. */
int select_key(struct selection *, int key);

/* The selected range: code points [*start, *end) of the text, and the same in bytes when
 * bstart/bend are not NULL. */
void select_range(const struct selection *, size_t *start, size_t *end, size_t *bstart,
                  size_t *bend);

#endif
