/* sha256.h: SHA-256 (FIPS 180-4), for the text hash that tells the store a document changed.
 * Small and self-contained so the store needs no crypto library. */
#ifndef GAVEL_STORE_SHA256_H
#define GAVEL_STORE_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t len;           /* bytes hashed so far */
	unsigned char buf[64];
	size_t nbuf;
};

void sha256_init(struct sha256 *);
void sha256_update(struct sha256 *, const void *data, size_t n);
void sha256_final(struct sha256 *, unsigned char digest[32]);
/* The digest as 64 lower-case hex digits and a NUL. */
void sha256_hex(const unsigned char digest[32], char hex[65]);

#endif
