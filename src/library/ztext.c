/* ztext.c: zstd with digested dictionaries, one packer per library connection. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <zdict.h>
#include <zstd.h>

#include "library/ztext.h"

#define LEVEL 3

struct zdict {
	int64_t id;
	ZSTD_DDict *d;
};

struct ztext {
	ZSTD_CCtx *cctx;
	ZSTD_DCtx *dctx;
	ZSTD_CDict *cdict;      /* the dictionary texts are packed with, digested at the first
	                         * pack (a reader never packs) */
	void *dict;             /* ... its bytes until then */
	size_t dlen;
	int64_t id;
	struct zdict *dicts;    /* every dictionary known for unpacking */
	size_t ndicts;
};

int ztext_add_dict(struct ztext *z, const void *dict, size_t dlen, int64_t id)
{
	for (size_t i = 0; i < z->ndicts; i++)
		if (z->dicts[i].id == id)
			return 0;
	struct zdict *nv = realloc(z->dicts, (z->ndicts + 1) * sizeof *nv);
	if (!nv)
		return -1;
	z->dicts = nv;
	ZSTD_DDict *d = ZSTD_createDDict(dict, dlen);
	if (!d)
		return -1;
	z->dicts[z->ndicts++] = (struct zdict){ id, d };
	return 0;
}

/* A packer when `packs`, else an unpacker only: no packing context and no copy of the
 * dictionary's bytes beside the digested one (a reader opening the library: 0.08 ms less). */
static int make(const void *dict, size_t dlen, int64_t id, int packs, struct ztext **out)
{
	*out = NULL;
	struct ztext *z = calloc(1, sizeof *z);
	if (!z)
		return -1;
	z->dctx = ZSTD_createDCtx();
	if (!z->dctx || (packs && !(z->cctx = ZSTD_createCCtx())))
		goto fail;
	if (packs) {
		/* The frame holds only what unpacking needs: no checksum (SQLite's pages are
		 * checked), no dictionary id (the tag says which), but the size, to allocate
		 * once. */
		ZSTD_CCtx_setParameter(z->cctx, ZSTD_c_checksumFlag, 0);
		ZSTD_CCtx_setParameter(z->cctx, ZSTD_c_dictIDFlag, 0);
		ZSTD_CCtx_setParameter(z->cctx, ZSTD_c_contentSizeFlag, 1);
		ZSTD_CCtx_setParameter(z->cctx, ZSTD_c_compressionLevel, LEVEL);
	}
	if (dict && dlen) {
		if (ztext_add_dict(z, dict, dlen, id) < 0 || (packs && !(z->dict = malloc(dlen))))
			goto fail;
		if (packs) {
			memcpy(z->dict, dict, dlen);
			z->dlen = dlen;
		}
		z->id = id;
	}
	*out = z;
	return 0;
fail:
	ztext_free(z);
	return -1;
}

int ztext_new(const void *dict, size_t dlen, int64_t id, struct ztext **out)
{
	return make(dict, dlen, id, 1, out);
}

int ztext_reader(const void *dict, size_t dlen, int64_t id, struct ztext **out)
{
	return make(dict, dlen, id, 0, out);
}

void ztext_free(struct ztext *z)
{
	if (!z)
		return;
	ZSTD_freeCCtx(z->cctx);
	ZSTD_freeDCtx(z->dctx);
	ZSTD_freeCDict(z->cdict);
	free(z->dict);
	for (size_t i = 0; i < z->ndicts; i++)
		ZSTD_freeDDict(z->dicts[i].d);
	free(z->dicts);
	free(z);
}

int64_t ztext_dict_id(const struct ztext *z)
{
	return z->id;
}

static size_t put_varint(unsigned char *p, uint64_t v)
{
	size_t n = 0;
	do {
		p[n] = (unsigned char)(v & 0x7f);
		v >>= 7;
		if (v)
			p[n] |= 0x80;
		n++;
	} while (v);
	return n;
}

int ztext_pack(struct ztext *z, const void *text, size_t len, unsigned char **out, size_t *olen)
{
	if (!z->cctx)
		return -1;   /* an unpacker (ztext_reader) */
	if (z->dict && !z->cdict) {
		z->cdict = ZSTD_createCDict(z->dict, z->dlen, LEVEL);
		if (!z->cdict || ZSTD_isError(ZSTD_CCtx_refCDict(z->cctx, z->cdict))) {
			ZSTD_freeCDict(z->cdict);
			z->cdict = NULL;
			return -1;
		}
	}
	size_t bound = ZSTD_compressBound(len);
	unsigned char *p = malloc(1 + 10 + (bound > len ? bound : len));
	if (!p)
		return -1;
	p[0] = 'Z';
	size_t h = 1 + put_varint(p + 1, (uint64_t)z->id);
	size_t n = ZSTD_compress2(z->cctx, p + h, bound, text, len);
	if (ZSTD_isError(n) || h + n >= 1 + len) {
		p[0] = 'R';                 /* nothing won: as it is */
		memcpy(p + 1, text, len);
		*olen = 1 + len;
	} else {
		*olen = h + n;
	}
	*out = p;
	return 0;
}

int ztext_unpack(struct ztext *z, const unsigned char *p, size_t len, char **out, size_t *olen,
                 int64_t *missing)
{
	*out = NULL;
	if (len < 1)
		return -2;
	if (p[0] == 'R') {
		char *s = malloc(len);
		if (!s)
			return -1;
		memcpy(s, p + 1, len - 1);
		s[len - 1] = '\0';
		*out = s;
		*olen = len - 1;
		return 0;
	}
	if (p[0] != 'Z')
		return -2;
	uint64_t id = 0;
	size_t i = 1;
	for (int shift = 0; i < len && shift < 63; shift += 7) {
		id |= (uint64_t)(p[i] & 0x7f) << shift;
		if (!(p[i++] & 0x80))
			break;
	}
	const ZSTD_DDict *d = NULL;
	for (size_t k = 0; k < z->ndicts && id; k++)
		if ((uint64_t)z->dicts[k].id == id)
			d = z->dicts[k].d;
	if (id && !d) {
		if (missing)
			*missing = (int64_t)id;
		return -2;
	}
	unsigned long long size = ZSTD_getFrameContentSize(p + i, len - i);
	if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1u << 30))
		return -2;
	char *s = malloc((size_t)size + 1);
	if (!s)
		return -1;
	size_t n = d ? ZSTD_decompress_usingDDict(z->dctx, s, (size_t)size, p + i, len - i, d)
	             : ZSTD_decompressDCtx(z->dctx, s, (size_t)size, p + i, len - i);
	if (ZSTD_isError(n) || n != size) {
		free(s);
		return -2;
	}
	s[n] = '\0';
	*out = s;
	*olen = n;
	return 0;
}

int ztext_train(const char *const *texts, const size_t *lens, size_t n, size_t max,
                unsigned char **dict, size_t *dlen)
{
	*dict = NULL;
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += lens[i];
	/* zstd learns from about a hundred times its dictionary's size */
	if (n < 100 || total < 8 * max)
		return -1;
	char *buf = malloc(total);
	size_t *sizes = malloc(n * sizeof *sizes);
	unsigned char *d = malloc(max);
	if (!buf || !sizes || !d) {
		free(buf);
		free(sizes);
		free(d);
		return -1;
	}
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		memcpy(buf + at, texts[i], lens[i]);
		at += lens[i];
		sizes[i] = lens[i];
	}
	size_t r = ZDICT_trainFromBuffer(d, max, buf, sizes, (unsigned)n);
	free(buf);
	free(sizes);
	if (ZDICT_isError(r)) {
		free(d);
		return -1;
	}
	*dict = d;
	*dlen = r;
	return 0;
}
