/* store-annot.c: adding, changing, removing and listing annotations; each change is one
 * transaction, committed before the call returns. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/anchor.h"
#include "store/store-int.h"
#include "store/uuid.h"

#define TAG_MAX 100
#define COLOR_MAX 32

static int color_valid(const char *c)
{
	size_t n = strlen(c);
	if (n == 0 || n > COLOR_MAX)
		return 0;
	for (; *c; c++)
		if (!islower((unsigned char)*c) && !isdigit((unsigned char)*c) && *c != '-' && *c != '_')
			return 0;
	return 1;
}

/* A tag is one short line: no control character (C0, DEL or C1) can hide in it. */
static int tag_valid(const char *t)
{
	size_t n = strlen(t);
	if (n == 0 || n > TAG_MAX)
		return 0;
	for (const unsigned char *p = (const unsigned char *)t; *p; p++)
		if (*p < 0x20 || *p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
			return 0;
	return 1;
}

/* ISO 8601 date and time in UTC or with an offset: "2026-11-27T05:28:46Z", ".123Z", "+01:00". */
static int time_valid(const char *t)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd";
	size_t i = 0;
	for (; shape[i]; i++) {
		if (shape[i] == 'd' ? !isdigit((unsigned char)t[i]) : t[i] != shape[i])
			return 0;
	}
	if (t[i] == '.') {
		for (i++; isdigit((unsigned char)t[i]); i++)
			;
	}
	if (t[i] == 'Z')
		return t[i + 1] == '\0';
	if (t[i] == '+' || t[i] == '-')
		return isdigit((unsigned char)t[i + 1]) && isdigit((unsigned char)t[i + 2]) &&
		       t[i + 3] == ':' && isdigit((unsigned char)t[i + 4]) &&
		       isdigit((unsigned char)t[i + 5]) && t[i + 6] == '\0';
	return 0;
}

static int check_fields(struct store *s, const struct annotation *a)
{
	if (a->color && !color_valid(a->color))
		return store_set_error(s, STORE_ERR_INVALID,
		                       "bad colour name (lower-case letters, digits, '-', up to %d)",
		                       COLOR_MAX);
	for (size_t i = 0; i < a->ntags; i++)
		if (!a->tags[i] || !tag_valid(a->tags[i]))
			return store_set_error(s, STORE_ERR_INVALID,
			                       "bad tag (empty, over %d bytes, or with control characters)",
			                       TAG_MAX);
	return STORE_OK;
}

static int put_tags(struct store *s, const char *id, char *const *tags, size_t n)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "INSERT OR IGNORE INTO tag (annotation_id, name) VALUES (?, ?)",
	                            -1, &st, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, tags[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	return rc;
}

static int fill(char **field, const char *value)
{
	if (*field)
		return 0;
	*field = strdup(value);
	return *field ? 0 : -1;
}

int store_annot_add(struct store *s, int64_t doc_id, const struct resolution *res,
                    struct annotation *a)
{
	if (s->readonly)
		return store_set_error(s, STORE_ERR_READONLY,
		                       "%s is read-only: the note cannot be saved", s->path);
	int err = check_fields(s, a);
	if (err)
		return err;
	int pi = a->para_id ? res_find(res, a->para_id) : -1;
	if (pi < 0)
		return store_set_error(s, STORE_ERR_INVALID, "no paragraph '%s' in %s",
		                       a->para_id ? a->para_id : "",
		                       res->meta.symbol ? res->meta.symbol : "the document");
	const char *text = res->paras[pi].text ? res->paras[pi].text : "";
	const char *label = res_label(res, pi);
	size_t start = a->start, end = a->end;
	enum anchor_status status = ANCHOR_ANCHORED;
	char *exact, *prefix, *suffix;
	int q = anchor_quote(text, start, end, &exact, &prefix, &suffix);
	if (a->exact && (q != 0 || strcmp(exact, a->exact) != 0)) {
		/* A quote brought from elsewhere (an import): find its words in this paragraph. */
		free(exact);
		free(prefix);
		free(suffix);
		struct anchor_target t = { a->para_id, a->start, a->end, a->exact, a->prefix,
		                           a->suffix, pi };
		struct anchor_found f;
		status = anchor_resolve(res, &t, &f);
		if (status == ANCHOR_ORPHAN || f.para != pi)
			return store_set_error(s, STORE_ERR_INVALID, "the quote is not in %s", label);
		start = f.start;
		end = f.end;
		q = anchor_quote(text, start, end, &exact, &prefix, &suffix);
	}
	if (q == -1)
		return store_set_error(s, STORE_ERR_NOMEM, "out of memory");
	if (q == -2)
		return store_set_error(s, STORE_ERR_INVALID,
		                       "characters %zu to %zu are outside %s (%zu characters)", start, end,
		                       label, anchor_cp_count(text, strlen(text)));

	char now[32];
	store_now(now);
	if (!a->id[0] && uuid_v4(a->id) != 0)
		err = store_set_error(s, STORE_ERR_IO, "no random numbers for the note's id");
	else if (!uuid_valid(a->id))
		err = store_set_error(s, STORE_ERR_INVALID, "'%s' is not a UUID", a->id);
	else if ((a->created && !time_valid(a->created)) || (a->updated && !time_valid(a->updated)))
		err = store_set_error(s, STORE_ERR_INVALID, "bad time stamp (ISO 8601 expected)");
	for (char *c = a->id; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	if (!err && (fill(&a->color, "yellow") || fill(&a->created, now) ||
	             fill(&a->updated, a->created) || fill(&a->para_label, label)))
		err = store_set_error(s, STORE_ERR_NOMEM, "out of memory");
	if (!err)
		err = store_begin(s);
	if (err) {
		free(exact);
		free(prefix);
		free(suffix);
		return err;
	}

	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db,
		"INSERT INTO annotation (id, doc_id, para_id, start, \"end\", exact, prefix, suffix, "
		"color, note, status, created, updated, para_ord, para_label) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, doc_id);
		sqlite3_bind_text(st, 3, res->paras[pi].id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)start);
		sqlite3_bind_int64(st, 5, (sqlite3_int64)end);
		sqlite3_bind_text(st, 6, exact, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, prefix, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, suffix, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, a->color, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 10, a->note, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 11, anchor_status_name(status), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 12, a->created, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 13, a->updated, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 14, pi);
		sqlite3_bind_text(st, 15, label, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	if (rc == SQLITE_OK)
		rc = put_tags(s, a->id, a->tags, a->ntags);
	if (rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
		store_fail(s, rc, "adding the note");
		err = store_set_error(s, STORE_ERR_EXISTS, "a note with id %s is already stored", a->id);
	} else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
		store_fail(s, rc, "adding the note");
		err = store_set_error(s, STORE_ERR_NOTFOUND, "no such document (id %lld)", (long long)doc_id);
	} else if (rc != SQLITE_OK) {
		err = store_fail(s, rc, "adding the note");
	} else {
		err = store_commit(s);
	}
	if (!err) {
		a->start = start;
		a->end = end;
		a->status = status;
		if (!a->exact) { a->exact = exact; exact = NULL; }
		if (!a->prefix) { a->prefix = prefix; prefix = NULL; }
		if (!a->suffix) { a->suffix = suffix; suffix = NULL; }
		if (!a->doc_symbol || !a->doc_language) {
			struct annotation got = { 0 };
			if (store_annot_get(s, a->id, &got) == STORE_OK) {
				if (!a->doc_symbol) { a->doc_symbol = got.doc_symbol; got.doc_symbol = NULL; }
				if (!a->doc_language) { a->doc_language = got.doc_language; got.doc_language = NULL; }
			}
			annotation_clear(&got);
		}
	}
	free(exact);
	free(prefix);
	free(suffix);
	return err;
}

int store_annot_update(struct store *s, const struct annotation *a)
{
	int err = check_fields(s, a);
	if (err || (err = store_begin(s)) != STORE_OK)
		return err;
	char now[32];
	store_now(now);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db,
		"UPDATE annotation SET note = ?, color = coalesce(?, color), updated = ? WHERE id = ?",
		-1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, a->note, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, a->color, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, a->id, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	if (rc == SQLITE_OK && sqlite3_changes(s->db) == 0) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return store_set_error(s, STORE_ERR_NOTFOUND, "no note with id %s", a->id);
	}
	if (rc == SQLITE_OK) {
		rc = sqlite3_prepare_v2(s->db, "DELETE FROM tag WHERE annotation_id = ?", -1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
			rc = sqlite3_step(st);
			sqlite3_finalize(st);
			rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		}
	}
	if (rc == SQLITE_OK)
		rc = put_tags(s, a->id, a->tags, a->ntags);
	return rc == SQLITE_OK ? store_commit(s) : store_fail(s, rc, "changing the note");
}

int store_annot_delete(struct store *s, const char *id)
{
	int err = store_begin(s);
	if (err)
		return err;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "DELETE FROM annotation WHERE id = ?", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "removing the note");
	if (sqlite3_changes(s->db) == 0) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return store_set_error(s, STORE_ERR_NOTFOUND, "no note with id %s", id);
	}
	return store_commit(s);
}

#define ANNOT_COLUMNS \
	"SELECT a.id, d.symbol, d.language, a.para_id, a.start, a.\"end\", a.exact, a.prefix, " \
	"a.suffix, a.color, a.note, a.created, a.updated, a.status, a.para_label, " \
	"(SELECT group_concat(name, char(31)) FROM " \
	"  (SELECT name FROM tag WHERE annotation_id = a.id ORDER BY name)), a.iri, a.source " \
	"FROM annotation a JOIN document d ON d.id = a.doc_id "

static char *col(sqlite3_stmt *st, int i, int *bad)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	if (!t)
		return NULL;
	char *d = strdup(t);
	if (!d)
		*bad = 1;
	return d;
}

/* Tags come joined by U+001F, which tag_valid keeps out of the names. */
static int split_tags(const char *joined, struct annotation *a)
{
	if (!joined || !*joined)
		return 0;
	size_t n = 1;
	for (const char *p = joined; *p; p++)
		n += *p == '\x1f';
	a->tags = calloc(n, sizeof *a->tags);
	if (!a->tags)
		return -1;
	const char *p = joined;
	for (size_t i = 0; i < n; i++) {
		const char *q = strchr(p, '\x1f');
		size_t len = q ? (size_t)(q - p) : strlen(p);
		a->tags[i] = strndup(p, len);
		if (!a->tags[i])
			return -1;
		a->ntags++;
		p = q ? q + 1 : p + len;
	}
	return 0;
}

static int row_read(sqlite3_stmt *st, struct annotation *a)
{
	int bad = 0;
	memset(a, 0, sizeof *a);
	snprintf(a->id, sizeof a->id, "%s", (const char *)sqlite3_column_text(st, 0));
	a->doc_symbol = col(st, 1, &bad);
	a->doc_language = col(st, 2, &bad);
	a->para_id = col(st, 3, &bad);
	a->start = (size_t)sqlite3_column_int64(st, 4);
	a->end = (size_t)sqlite3_column_int64(st, 5);
	a->exact = col(st, 6, &bad);
	a->prefix = col(st, 7, &bad);
	a->suffix = col(st, 8, &bad);
	a->color = col(st, 9, &bad);
	a->note = col(st, 10, &bad);
	a->created = col(st, 11, &bad);
	a->updated = col(st, 12, &bad);
	const char *status = (const char *)sqlite3_column_text(st, 13);
	a->status = !status || strcmp(status, "anchored") == 0 ? ANCHOR_ANCHORED
	          : strcmp(status, "moved") == 0 ? ANCHOR_MOVED : ANCHOR_ORPHAN;
	a->para_label = col(st, 14, &bad);
	if (split_tags((const char *)sqlite3_column_text(st, 15), a) != 0)
		bad = 1;
	a->iri = col(st, 16, &bad);
	a->source = col(st, 17, &bad);
	return bad ? -1 : 0;
}

int store_annot_get(struct store *s, const char *id, struct annotation *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, ANNOT_COLUMNS "WHERE a.id = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "reading the note");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	int err = STORE_OK;
	if (rc == SQLITE_ROW) {
		if (row_read(st, out) != 0) {
			annotation_clear(out);
			err = store_set_error(s, STORE_ERR_NOMEM, "out of memory");
		}
	} else if (rc == SQLITE_DONE) {
		err = store_set_error(s, STORE_ERR_NOTFOUND, "no note with id %s", id);
	} else {
		err = store_fail(s, rc, "reading the note");
	}
	sqlite3_finalize(st);
	return err;
}

int store_annot_find(struct store *s, const char *prefix, char id[37])
{
	size_t n = strlen(prefix);
	if (n < 4 || n > 36 || strspn(prefix, "0123456789abcdefABCDEF-") != n)
		return store_set_error(s, STORE_ERR_INVALID,
		                       "'%s' is not a note id (at least its first 4 characters)", prefix);
	char low[37];
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)prefix[i]);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db,
		"SELECT id FROM annotation WHERE substr(id, 1, ?1) = ?2 ORDER BY id LIMIT 2", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "finding the note");
	sqlite3_bind_int(st, 1, (int)n);
	sqlite3_bind_text(st, 2, low, -1, SQLITE_STATIC);
	int found = 0, err = STORE_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (found++ == 0)
			snprintf(id, 37, "%s", (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		err = store_fail(s, rc, "finding the note");
	else if (found == 0)
		err = store_set_error(s, STORE_ERR_NOTFOUND, "no note with id %s", prefix);
	else if (found > 1)
		err = store_set_error(s, STORE_ERR_INVALID,
		                      "'%s' matches several notes: give more of the id", prefix);
	return err;
}

int store_annot_list(struct store *s, int64_t doc_id, const struct resolution *res,
                     const struct annot_filter *filter, struct annotation **out, size_t *n)
{
	(void)res;   /* the order is stored: para_ord is refreshed by store_doc_sync */
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, ANNOT_COLUMNS
		"WHERE (?1 = 0 OR a.doc_id = ?1) AND (?2 IS NULL OR a.color = ?2) AND (?3 IS NULL OR "
		"EXISTS (SELECT 1 FROM tag t WHERE t.annotation_id = a.id AND t.name = ?3)) "
		"ORDER BY d.symbol, d.language, a.status = 'orphan', a.para_ord, a.start, a.\"end\", "
		"a.created, a.id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "listing the notes");
	sqlite3_bind_int64(st, 1, doc_id);
	if (filter && filter->color)
		sqlite3_bind_text(st, 2, filter->color, -1, SQLITE_STATIC);
	if (filter && filter->tag)
		sqlite3_bind_text(st, 3, filter->tag, -1, SQLITE_STATIC);
	struct annotation *v = NULL;
	size_t cap = 0, count = 0;
	int err = STORE_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 32;
			struct annotation *nv = realloc(v, cap * sizeof *nv);
			if (!nv) {
				err = store_set_error(s, STORE_ERR_NOMEM, "out of memory");
				break;
			}
			v = nv;
		}
		int bad = row_read(st, &v[count]);
		count++;
		if (bad) {
			err = store_set_error(s, STORE_ERR_NOMEM, "out of memory");
			break;
		}
	}
	if (!err && rc != SQLITE_DONE)
		err = store_fail(s, rc, "listing the notes");
	sqlite3_finalize(st);
	if (err) {
		annotation_list_free(v, count);
		return err;
	}
	*out = v;
	*n = count;
	return STORE_OK;
}
