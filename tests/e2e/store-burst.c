/* store-burst.c: a writer and a checker for the store's crash and concurrency tests.
 *
 *   store-burst DB add N LABEL   adds N notes to a small built-in resolution, printing each
 *                                id only after its commit (the acknowledgement under test)
 *   store-burst DB check         reads acknowledged ids on stdin; checks each is stored whole
 *                                (its two tags present), that no note is half-written, and
 *                                PRAGMA integrity_check; prints "ok COUNT" or the problems */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

static const char *ids[] = { "pp1", "op1", "op2" };
static const char *texts[] = {
	"Recalling its earlier resolutions on the protection of migrants,",
	"Requests States to protect the human rights of migrants, in particular women and children;",
	"Decides to continue its consideration of the question at its next session.",
};

static struct resolution *doc(void)
{
	struct resolution *r = res_new();
	if (!r)
		return NULL;
	r->meta.symbol = strdup("A/RES/99/1");
	r->meta.language = strdup("en");
	for (size_t i = 0; i < 3; i++) {
		int k = res_add_para(r, i ? PARA_OPERATIVE : PARA_PREAMBLE);
		if (k < 0)
			return NULL;
		r->paras[k].id = strdup(ids[i]);
		r->paras[k].label = strdup(ids[i]);
		r->paras[k].text = strdup(texts[i]);
		r->paras[k].text_len = strlen(texts[i]);
	}
	return r;
}

static int add(struct store *s, long n, const char *label)
{
	struct resolution *r = doc();
	int64_t d;
	int err = r ? store_doc_sync(s, r, &d) : STORE_ERR_NOMEM;
	for (long i = 0; !err && i < n; i++) {
		struct annotation a;
		memset(&a, 0, sizeof a);
		char note[64], *tags[2] = { "burst", (char *)label };
		snprintf(note, sizeof note, "%s note %ld", label, i);
		a.para_id = (char *)ids[i % 3];
		a.start = (size_t)(i % 10);
		a.end = a.start + 5 + (size_t)(i % 7);
		a.note = note;
		a.tags = tags;
		a.ntags = 2;
		err = store_annot_add(s, d, r, &a);
		if (!err) {
			printf("%s\n", a.id);
			fflush(stdout);
		}
		/* Only the fields the store filled are ours to free. */
		a.para_id = NULL;
		a.note = NULL;
		a.tags = NULL;
		a.ntags = 0;
		annotation_clear(&a);
	}
	if (err)
		fprintf(stderr, "store-burst: %s\n", store_errmsg(s));
	res_free(r);
	return err ? 1 : 0;
}

static int check(struct store *s)
{
	char line[128];
	long n = 0, bad = 0;
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\n")] = '\0';
		if (strlen(line) != 36)
			continue;   /* a line cut by the kill: not acknowledged */
		struct annotation a;
		if (store_annot_get(s, line, &a) != STORE_OK) {
			printf("missing: %s (%s)\n", line, store_errmsg(s));
			bad++;
		} else if (a.ntags != 2) {
			printf("half-written: %s has %zu tags\n", line, a.ntags);
			bad++;
		}
		annotation_clear(&a);
		n++;
	}
	sqlite3_stmt *st;
	const char *sql[] = {
		"PRAGMA integrity_check",
		"SELECT 'half-written notes: ' || count(*) FROM annotation a WHERE note GLOB '* note *' "
		"AND (SELECT count(*) FROM tag WHERE annotation_id = a.id) != 2",
	};
	const char *want[] = { "ok", "half-written notes: 0" };
	for (int i = 0; i < 2; i++) {
		if (sqlite3_prepare_v2(s->db, sql[i], -1, &st, NULL) != SQLITE_OK) {
			printf("%s: %s\n", sql[i], sqlite3_errmsg(s->db));
			return 1;
		}
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *r = (const char *)sqlite3_column_text(st, 0);
			if (strcmp(r, want[i]) != 0) {
				printf("%s\n", r);
				bad++;
			}
		}
		sqlite3_finalize(st);
	}
	if (bad)
		return 1;
	printf("ok %ld\n", n);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3 || (strcmp(argv[2], "add") == 0 && argc != 5)) {
		fprintf(stderr, "usage: store-burst DB add N LABEL | store-burst DB check < IDS\n");
		return 64;
	}
	struct store *s;
	char *msg;
	if (store_open(argv[1], &s, &msg) != STORE_OK) {
		fprintf(stderr, "store-burst: %s\n", msg);
		free(msg);
		return 1;
	}
	int rc = strcmp(argv[2], "add") == 0 ? add(s, atol(argv[3]), argv[4]) : check(s);
	store_close(s);
	return rc;
}
