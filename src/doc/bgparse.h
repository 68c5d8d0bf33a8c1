/* bgparse.h: parse_file in a thread of its own, so the reader can show a large file's opening
 * (parse_file_prefix) at once and swap the whole collection in when it is ready.
 *
 * Call order: bgparse_start, then bgparse_take (never blocks) or bgparse_wait until the
 * result is handed over, then bgparse_end. The worker only parses and fills one slot under a
 * mutex; it never touches the caller's data. The collection handed over by bgparse_take
 * belongs to the caller. */
#ifndef GAVEL_DOC_BGPARSE_H
#define GAVEL_DOC_BGPARSE_H

#include "doc/parse.h"

struct bgparse;

/* Starts parsing path. NULL when no thread could be started (out of memory, thread limit):
 * the caller then parses in its own thread. */
struct bgparse *bgparse_start(const char *path, enum input_format);

/* Once the worker has finished, hands over its result: *col (caller frees; NULL on failure),
 * parse_file's return code in *rc and its diagnostics in *diag. Returns 1 that one time; 0
 * while it is still parsing and after the hand-over. */
int bgparse_take(struct bgparse *, struct collection **col, int *rc, struct parse_diag *diag);

/* Waits up to timeout_ms for the worker to finish. Returns 1 when it has finished. */
int bgparse_wait(struct bgparse *, int timeout_ms);

/* Ends (NULL is fine): joins a finished worker and frees what was not handed over. A worker
 * still parsing is detached and frees everything itself when done, so quitting never waits. */
void bgparse_end(struct bgparse *);

#endif
