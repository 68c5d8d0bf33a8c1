/* library-links.c: back-links: the paragraphs of the library that cite a document. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "library/library-int.h"

int library_cited_by(struct library *l, const char *key, const char *lang,
                     int (*fn)(void *ctx, const struct library_backlink *), void *ctx, size_t *n)
{
	*n = 0;
	char k[SYMBOL_KEY_MAX];
	if (symbol_key(key, k, sizeof k) < 0)
		return lib_set_error(l, STORE_ERR_INVALID, "not a symbol: %s", key);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db,
		"SELECT p.pid, p.label, c.spec, c.byte, c.len, p.text, " LIB_DOC_COLUMNS
		" FROM cite c JOIN para p ON p.id = c.from_para JOIN doc d ON d.id = (p.id >> 20) "
		"WHERE c.key = ?1 AND (?2 IS NULL OR d.language = ?2) AND d.key <> ?1 "
		"ORDER BY d.adopted IS NULL, d.adopted, d.sortkey, d.language, p.id, c.byte", -1, &st,
		NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "finding what cites it");
	_Static_assert(PARA_BITS == 20, "the shift in the SQL above");
	sqlite3_bind_text(st, 1, k, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lang, -1, SQLITE_STATIC);
	struct library_doc doc = { 0 };
	int err = STORE_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_int64(st, 6) != doc.id || !doc.key) {
			lib_doc_clear(&doc);
			if (lib_doc_from_row(st, 6, &doc) < 0) {
				err = lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
				break;
			}
		}
		char *text;
		size_t tl;
		err = lib_unpack(l, sqlite3_column_blob(st, 5), (size_t)sqlite3_column_bytes(st, 5),
		                 &text, &tl);
		if (err)
			break;
		size_t byte = (size_t)sqlite3_column_int64(st, 3), len = (size_t)sqlite3_column_int64(st, 4);
		if (byte > tl || len > tl - byte)
			byte = len = 0;           /* never read past a text whose citation moved */
		struct library_backlink b = {
			&doc, (const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2),
			byte, len, text
		};
		(*n)++;
		int stop = fn(ctx, &b);
		free(text);
		if (stop) {
			rc = SQLITE_DONE;
			break;
		}
	}
	lib_doc_clear(&doc);
	if (!err && rc != SQLITE_DONE)
		err = lib_fail(l, rc, "finding what cites it");
	sqlite3_finalize(st);
	return err;
}
