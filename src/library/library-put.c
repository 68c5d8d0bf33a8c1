/* library-put.c: storing a document: which copy wins, then its row, model, paragraphs,
 * index entries and citations, all inside the import's transaction. */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "library/blob.h"
#include "library/cite.h"
#include "library/ftstok.h"
#include "library/library-int.h"
#include "library/ztext.h"
#include "store/anchor.h"

/* How good a copy each shape gives, best last: the structure the UN marks up (AKN) beats
 * a layout read back (the PDF itself, "pdf-file"), which beats the ODS text, which beats
 * text extracted from a PDF ("pdf") or elsewhere. Unknown shapes rank lowest. The names are
 * the shape table's (src/doc/shape.c). */
static const struct {
	const char *shape;
	int rank;
} shape_ranks[] = {
	{ "plain", 1 }, { "md", 1 }, { "pdf", 1 }, { "ods", 2 }, { "pdf-file", 3 }, { "akn", 4 },
};

static int shape_rank(const char *shape)
{
	for (size_t i = 0; shape && i < sizeof shape_ranks / sizeof *shape_ranks; i++)
		if (strcmp(shape, shape_ranks[i].shape) == 0)
			return shape_ranks[i].rank;
	return 0;
}

/* "A/RES/78/217" -> "A/RES/000078/000217": numbers sort as numbers (78/22 before 78/217). */
static void sort_key(const char *key, char *out, size_t n)
{
	size_t o = 0;
	for (const char *p = key; *p && o + 1 < n;) {
		if (!isdigit((unsigned char)*p)) {
			out[o++] = *p++;
			continue;
		}
		size_t d = 0;
		while (isdigit((unsigned char)p[d]))
			d++;
		for (size_t z = d; z < 6 && o + 1 < n; z++)
			out[o++] = '0';
		for (size_t k = 0; k < d && o + 1 < n; k++)
			out[o++] = p[k];
		p += d;
	}
	out[o] = '\0';
}

static void now_iso(char buf[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The stored copy of key + lang, if any. */
struct stored {
	int64_t id;
	char hash[65], shape[32], distributed[16];
};

static int lookup(struct library *l, const char *key, const char *lang, struct stored *out,
                  int *found)
{
	sqlite3_stmt *st = lib_stmt(l, ST_DOC_LOOKUP);
	if (!st)
		return STORE_ERR_IO;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lang, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 1);
		const char *s = (const char *)sqlite3_column_text(st, 2);
		const char *d = (const char *)sqlite3_column_text(st, 3);
		out->id = sqlite3_column_int64(st, 0);
		snprintf(out->hash, sizeof out->hash, "%s", h ? h : "");
		snprintf(out->shape, sizeof out->shape, "%s", s ? s : "");
		snprintf(out->distributed, sizeof out->distributed, "%s", d ? d : "");
		rc = SQLITE_DONE;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? STORE_OK : lib_fail(l, rc, "looking the document up");
}

/* Whether a new copy (its distribution date and shape) takes the place of the stored one. */
static int wins(const struct resolution *res, const char *shape, const struct stored *old)
{
	const char *d = res->meta.distributed;
	if (d && *d && old->distributed[0]) {
		int c = strcmp(d, old->distributed);
		if (c != 0)
			return c > 0;
	}
	return shape_rank(shape) >= shape_rank(old->shape);
}

/* Removes a document's paragraphs, their index entries and citations. */
static int clear_content(struct library *l, int64_t id)
{
	static const enum lib_stmt order[] = { ST_FTS_DELETE_RANGE, ST_CITE_DELETE_RANGE,
	                                       ST_PARA_DELETE_RANGE };
	for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
		sqlite3_stmt *st = lib_stmt(l, order[i]);
		if (!st)
			return STORE_ERR_IO;
		sqlite3_bind_int64(st, 1, PARA_ROWID(id, 0));
		sqlite3_bind_int64(st, 2, PARA_ROWID(id, PARA_MAX - 1));
		int rc = sqlite3_step(st);
		if (rc != SQLITE_DONE)
			return lib_fail(l, rc, "replacing the document");
	}
	return STORE_OK;
}

/* "2023-12-19" -> 20231219; unknown or odd: after every date. */
static int64_t date_key(const char *d)
{
	int y, mo, da;
	if (!d || sscanf(d, "%4d-%2d-%2d", &y, &mo, &da) != 3 || y < 0 || mo < 0 || da < 0)
		return 99999999;
	return (int64_t)y * 10000 + mo * 100 + da;
}

/* How it was adopted, as words: the vote line, else the record of adoption. */
static const char *vote_of(const struct resolution *res, char *buf, size_t n)
{
	const struct res_record *r = &res->record;
	if (res->meta.vote && *res->meta.vote)
		return res->meta.vote;
	if (r->adoption == ADOPTION_WITHOUT_VOTE)
		return "Adopted without a vote.";
	if (r->adoption == ADOPTION_VOTE && r->yes >= 0) {
		snprintf(buf, n, "Adopted by a vote of %d to %d, with %d abstention%s.", r->yes,
		         r->no > 0 ? r->no : 0, r->abstain > 0 ? r->abstain : 0, r->abstain == 1 ? "" : "s");
		return buf;
	}
	return NULL;
}

/* Inserts or updates the doc row; *id gets its id. */
static int put_row(struct library *l, const struct resolution *res, const char *key,
                   const char *lang, const char *hash, const struct library_source *src,
                   int64_t *id, int update)
{
	static const char *const ins =
		"INSERT INTO doc (key, language, symbol, sortkey, organ, title, adopted, distributed, "
		"session, meeting, vote, shape, source, text_hash, npara, added, dkey) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?18)";
	static const char *const upd =
		"UPDATE doc SET key = ?1, language = ?2, symbol = ?3, sortkey = ?4, organ = ?5, "
		"title = ?6, adopted = ?7, distributed = ?8, session = ?9, meeting = ?10, vote = ?11, "
		"shape = ?12, source = ?13, text_hash = ?14, npara = ?15, added = ?16, dkey = ?18 "
		"WHERE id = ?17";
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, update ? upd : ins, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "storing the document");
	const struct res_meta *m = &res->meta;
	char sk[2 * SYMBOL_KEY_MAX], now[32], vote[160];
	sort_key(key, sk, sizeof sk);
	now_iso(now);
	const char *vals[] = { key, lang, m->symbol && *m->symbol ? m->symbol : key, sk, m->organ,
	                       m->title, m->adopted, m->distributed, m->session, m->meeting,
	                       vote_of(res, vote, sizeof vote), src->shape ? src->shape : "text",
	                       src->path, hash };
	for (int i = 0; i < (int)(sizeof vals / sizeof *vals); i++)
		sqlite3_bind_text(st, i + 1, vals[i], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 15, (sqlite3_int64)res->npara);
	sqlite3_bind_text(st, 16, now, -1, SQLITE_STATIC);
	if (update)
		sqlite3_bind_int64(st, 17, *id);
	sqlite3_bind_int64(st, 18, date_key(m->adopted));
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return lib_fail(l, rc, "storing the document");
	if (!update)
		*id = sqlite3_last_insert_rowid(l->db);
	return STORE_OK;
}

/* Stores the model, packed; takes the blob (freed here). */
static int put_model(struct library *l, unsigned char *blob, size_t len, int64_t id)
{
	unsigned char *packed;
	size_t plen;
	int err = lib_pack(l, blob, len, &packed, &plen);
	free(blob);
	if (err)
		return err;
	sqlite3_stmt *st = lib_stmt(l, ST_MODEL_PUT);
	if (!st) {
		free(packed);
		return STORE_ERR_IO;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_blob(st, 2, packed, (int)plen, free);
	int rc = sqlite3_step(st);
	return rc == SQLITE_DONE ? STORE_OK : lib_fail(l, rc, "storing the document's model");
}

/* 64 bits of bytes, eight at a time: whether a copy differs from the stored one is all it
 * decides (SHA-256 is for the notes' hash, and costs as much as the rest of an import). */
static uint64_t mix(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	const uint64_t k = 0x9E3779B97F4A7C15ULL;
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, b, 8);
		h = (h ^ w) * k;
		h ^= h >> 29;
		b += 8;
		n -= 8;
	}
	uint64_t w = 0;
	memcpy(&w, b, n);
	h = (h ^ w ^ ((uint64_t)n << 56)) * k;
	return h ^ (h >> 32);
}

/* The model (its blob) and every paragraph's text, as 32 hex digits. */
static void content_hash(const struct resolution *res, const unsigned char *blob, size_t len,
                         char hex[33])
{
	uint64_t a = mix(0x243F6A8885A308D3ULL, blob, len), b = mix(0x13198A2E03707344ULL, blob, len);
	for (size_t i = 0; i < res->npara; i++) {
		const struct para *p = &res->paras[i];
		a = mix(a, p->text ? p->text : "", p->text_len);
		b = mix(b ^ i, p->text ? p->text : "", p->text_len);
	}
	snprintf(hex, 33, "%016llx%016llx", (unsigned long long)a, (unsigned long long)b);
}

static int step_done(struct library *l, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	return rc == SQLITE_DONE ? STORE_OK : lib_fail(l, rc, what);
}

/* One paragraph: its row, its index entry, its citations of other documents. */
static int put_para(struct library *l, const struct resolution *res, size_t i, int64_t id)
{
	const struct para *p = &res->paras[i];
	int64_t rowid = PARA_ROWID(id, i);
	const char *text = p->text ? p->text : "";
	unsigned char *packed;
	size_t plen;
	int err = lib_pack(l, text, p->text_len, &packed, &plen);
	if (err)
		return err;
	sqlite3_stmt *st;
	if (ztext_dict_id(l->z) == 0)
		l->raw_bytes += p->text_len;
	if (!(st = lib_stmt(l, ST_PARA_INSERT))) {
		free(packed);
		return STORE_ERR_IO;
	}
	sqlite3_bind_int64(st, 1, rowid);
	sqlite3_bind_text(st, 2, p->id ? p->id : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, res_label(res, (int)i), -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 4, packed, (int)plen, free);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)ftstok_count(text, p->text_len));
	if ((err = step_done(l, st, "storing a paragraph")) != STORE_OK)
		return err;
	struct cite *c;
	int n = cite_find(res, i, &c);
	if (n < 0)
		return lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
	for (int k = 0; k < n && !err; k++) {
		if (!c[k].key[0])
			continue;      /* a place in the document itself: no link between documents */
		if (!(st = lib_stmt(l, ST_CITE_INSERT))) {
			err = STORE_ERR_IO;
			break;
		}
		sqlite3_bind_int64(st, 1, rowid);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)c[k].byte);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)c[k].len);
		sqlite3_bind_text(st, 4, c[k].key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, c[k].spec, -1, SQLITE_STATIC);
		err = step_done(l, st, "storing a citation");
	}
	free(c);
	return err;
}

int library_put(struct library *l, const struct resolution *res,
                const struct library_source *src, int force, enum library_put_result *result)
{
	char hash[65], key[SYMBOL_KEY_MAX];
	const char *lang;
	if (res->npara >= (size_t)PARA_MAX)
		return lib_set_error(l, STORE_ERR_INVALID, "%s: too many paragraphs for the library",
		                     res->meta.symbol ? res->meta.symbol : "a document");
	unsigned char *blob;
	size_t blen;
	if (blob_encode(res, 0, &blob, &blen) < 0)
		return lib_set_error(l, STORE_ERR_NOMEM, "out of memory");
	/* A document without a symbol is known by its text, as the notes know it. */
	if (!res->meta.symbol || !*res->meta.symbol)
		anchor_text_hash(res, hash);
	lib_doc_key(res, hash, key, &lang);
	content_hash(res, blob, blen, hash);
	struct stored old;
	int found, err = lookup(l, key, lang, &old, &found);
	if (err || (found && strcmp(old.hash, hash) == 0) ||
	    (found && !force && !wins(res, src->shape, &old))) {
		free(blob);
		if (err)
			return err;
		if (strcmp(old.hash, hash) != 0) {
			*result = LIBRARY_KEPT;
			return STORE_OK;
		}
		*result = LIBRARY_UNCHANGED;
		/* the same model from a better shape: remember where the better copy is */
		if (shape_rank(src->shape) > shape_rank(old.shape))
			return put_row(l, res, key, lang, hash, src, &old.id, 1);
		return STORE_OK;
	}
	int64_t id = found ? old.id : 0;
	if (found && (err = clear_content(l, id)) != STORE_OK) {
		free(blob);
		return err;
	}
	if ((err = put_row(l, res, key, lang, hash, src, &id, found)) != STORE_OK) {
		free(blob);
		return err;
	}
	if (id >= ((int64_t)1 << (62 - PARA_BITS))) {
		free(blob);
		return lib_set_error(l, STORE_ERR_FULL, "the library has used up its document numbers");
	}
	if ((err = put_model(l, blob, blen, id)) != STORE_OK)
		return err;
	for (size_t i = 0; i < res->npara && !err; i++)
		err = put_para(l, res, i, id);
	sqlite3_stmt *st = err ? NULL : lib_stmt(l, ST_FTS_INSERT_RANGE);
	if (!err && !st)
		err = STORE_ERR_IO;
	if (!err) {
		sqlite3_bind_int64(st, 1, PARA_ROWID(id, 0));
		sqlite3_bind_int64(st, 2, PARA_ROWID(id, PARA_MAX - 1));
		err = step_done(l, st, "indexing the document");
	}
	/* enough texts to learn a dictionary from: the rest of the import is packed with it */
	if (!err)
		err = lib_train(l);
	if (err)
		return err;
	*result = found ? LIBRARY_REPLACED : LIBRARY_ADDED;
	l->changed = 1;
	return STORE_OK;
}

int library_source_known(struct library *l, const char *path, int64_t size, int64_t mtime)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, "SELECT ndocs FROM source WHERE path = ? AND size = ? "
	                            "AND mtime = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, size);
	sqlite3_bind_int64(st, 3, mtime);
	int known = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
	sqlite3_finalize(st);
	return known;
}

int library_source_done(struct library *l, const struct library_source *src, size_t ndocs)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(l->db, "INSERT OR REPLACE INTO source (path, size, mtime, "
	                            "shape, ndocs, added) VALUES (?, ?, ?, ?, ?, ?)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return lib_fail(l, rc, "recording the file");
	char now[32];
	now_iso(now);
	sqlite3_bind_text(st, 1, src->path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, src->size);
	sqlite3_bind_int64(st, 3, src->mtime);
	sqlite3_bind_text(st, 4, src->shape, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)ndocs);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STORE_OK : lib_fail(l, rc, "recording the file");
}
