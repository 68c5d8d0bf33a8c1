/* out-json.c: the redline for scripts: both documents, the counts by section, and every entry
 * in reading order with its paragraphs (id, label), status and segments:
 *   {"op": "=" | "-" | "+", "text": "..."} or {"op": ..., "footnote": {"old": 6, "new": 8}}. */
#include "config.h"

#include <stdio.h>

#include "diff/out.h"
#include "doc/json.h"

static void str_or_null(FILE *f, const char *s)
{
	if (s)
		json_write_string(f, s);
	else
		fputs("null", f);
}

static void doc(FILE *f, const struct redline *rl, int new_side, const struct rl_out_opts *o)
{
	const struct resolution *r = new_side ? rl->new : rl->old;
	fputs("{\"symbol\":", f);
	str_or_null(f, r->meta.symbol);
	fputs(",\"title\":", f);
	str_or_null(f, r->meta.title);
	fputs(",\"adopted\":", f);
	str_or_null(f, r->meta.adopted);
	fputs(",\"language\":", f);
	str_or_null(f, r->meta.language);
	fputs(",\"file\":", f);
	str_or_null(f, new_side ? o->new_name : o->old_name);
	fputs("}", f);
}

static void count(FILE *f, const struct rl_count *c)
{
	fprintf(f, "{\"unchanged\":%d,\"changed\":%d,\"moved\":%d,\"new\":%d,\"deleted\":%d,"
	        "\"renumbered\":%d}", c->same, c->changed, c->moved, c->added, c->deleted,
	        c->renumbered);
}

static void para_ref(FILE *f, const struct resolution *r, int i)
{
	if (i < 0) {
		fputs("null", f);
		return;
	}
	fputs("{\"id\":", f);
	str_or_null(f, r->paras[i].id);
	fputs(",\"label\":", f);
	json_write_string(f, res_label(r, i));
	fputs("}", f);
}

static const char *op_name(enum rl_op op)
{
	return op == RL_EQ ? "=" : op == RL_DEL ? "-" : "+";
}

static void segments(FILE *f, const struct rl_entry *e)
{
	fputs("[", f);
	for (size_t k = 0; k < e->nsegs; k++) {
		const struct rl_seg *s = &e->segs[k];
		fprintf(f, "%s{\"op\":\"%s\",", k ? "," : "", op_name(s->op));
		if (s->text) {
			fputs("\"text\":", f);
			json_write_stringn(f, s->text, s->len);
		} else {
			fputs("\"footnote\":{\"old\":", f);
			if (s->op != RL_INS)
				fprintf(f, "%d", s->old_num);
			else
				fputs("null", f);
			fputs(",\"new\":", f);
			if (s->op != RL_DEL)
				fprintf(f, "%d", s->new_num);
			else
				fputs("null", f);
			fputs("}", f);
		}
		fputs("}", f);
	}
	fputs("]", f);
}

int rl_write_json(FILE *f, const struct redline *rl, const struct rl_out_opts *o)
{
	fputs("{\"old\":", f);
	doc(f, rl, 0, o);
	fputs(",\"new\":", f);
	doc(f, rl, 1, o);
	fputs(",\"identical\":", f);
	fputs(redline_identical(rl) ? "true" : "false", f);
	fputs(",\"summary\":{", f);
	for (int s = 0; s < RL_NSECTIONS; s++) {
		fprintf(f, "\"%s\":", redline_section_name((enum rl_section)s));
		count(f, &rl->count[s]);
		fputs(",", f);
	}
	fputs("\"total\":", f);
	count(f, &rl->total);
	fputs("},\n\"paragraphs\":[", f);
	for (size_t k = 0; k < rl->n; k++) {
		const struct rl_entry *e = &rl->e[k];
		fprintf(f, "%s\n{\"status\":\"%s\",\"section\":\"%s\",\"moved\":%s,"
		        "\"renumbered\":%s,\"similarity\":%.3f,\"old\":",
		        k ? "," : "", e->status == RL_MOVED_AWAY ? "moved-away" : rl_status_name(e),
		        redline_section_name(redline_section(rl, e)), e->moved ? "true" : "false",
		        e->renumbered ? "true" : "false",
		        (e->old >= 0 && e->new >= 0) ? e->similarity : 0.0);
		para_ref(f, rl->old, e->old);
		fputs(",\"new\":", f);
		para_ref(f, rl->new, e->new);
		fputs(",\"segments\":", f);
		segments(f, e);
		const struct rl_note *n;
		size_t nn = rl_notes_of(o, k, &n);
		if (nn) {
			fputs(",\"notes\":[", f);
			for (size_t j = 0; j < nn; j++) {
				fputs(j ? ",{\"from\":" : "{\"from\":", f);
				str_or_null(f, n[j].from);
				fputs(",\"quote\":", f);
				str_or_null(f, n[j].quote);
				fputs(",\"note\":", f);
				str_or_null(f, n[j].note);
				fputs(",\"color\":", f);
				str_or_null(f, n[j].color);
				fprintf(f, ",\"status\":\"%s\"}", n[j].status == RL_CARRIED ? "carried"
				        : n[j].status == RL_CARRIED_CHANGED ? "changed" : "left-behind");
			}
			fputs("]", f);
		}
		fputs("}", f);
	}
	fputs("\n]}\n", f);
	return ferror(f) ? -1 : 0;
}
