/* store-fixture.h: small resolutions built by hand for the store's tests (the parser is not
 * needed to test anchoring). Static so each test file gets its own copy. */
#ifndef GAVEL_TEST_STORE_FIXTURE_H
#define GAVEL_TEST_STORE_FIXTURE_H

#include <stdlib.h>
#include <string.h>
#include "doc/resolution.h"

/* ids[i]/texts[i] pairs; labels derived as "ID" upper-cased. NULL symbol allowed. */
static struct resolution *fixture_res(const char *symbol, const char *lang, const char *const *ids,
                                      const char *const *texts, size_t n)
{
	struct resolution *r = res_new();
	if (!r)
		return NULL;
	r->meta.symbol = symbol ? strdup(symbol) : NULL;
	r->meta.language = lang ? strdup(lang) : NULL;
	for (size_t i = 0; i < n; i++) {
		int k = res_add_para(r, strncmp(ids[i], "pp", 2) == 0 ? PARA_PREAMBLE : PARA_OPERATIVE);
		if (k < 0)
			abort();
		struct para *p = &r->paras[k];
		p->id = strdup(ids[i]);
		p->label = strdup(ids[i]);
		for (char *c = p->label; *c; c++)
			if (*c >= 'a' && *c <= 'z')
				*c = (char)(*c - 'a' + 'A');
		p->text = strdup(texts[i]);
		p->text_len = strlen(texts[i]);
	}
	return r;
}

#endif
