/* annotation.c: freeing and naming the plain annotation record. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/annotation.h"

void annotation_clear(struct annotation *a)
{
	free(a->doc_symbol);
	free(a->doc_language);
	free(a->para_id);
	free(a->exact);
	free(a->prefix);
	free(a->suffix);
	free(a->color);
	free(a->note);
	for (size_t i = 0; i < a->ntags; i++)
		free(a->tags[i]);
	free(a->tags);
	free(a->created);
	free(a->updated);
	free(a->para_label);
	free(a->iri);
	free(a->source);
	memset(a, 0, sizeof *a);
}

void annotation_list_free(struct annotation *v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		annotation_clear(&v[i]);
	free(v);
}

const char *anchor_status_name(enum anchor_status s)
{
	switch (s) {
	case ANCHOR_ANCHORED: return "anchored";
	case ANCHOR_MOVED: return "moved";
	case ANCHOR_ORPHAN: return "orphan";
	}
	return "orphan";
}
