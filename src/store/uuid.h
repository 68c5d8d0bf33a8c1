/* uuid.h: random (version 4) UUIDs for annotation ids, stable across exports and imports. */
#ifndef GAVEL_STORE_UUID_H
#define GAVEL_STORE_UUID_H

/* Writes a lower-case UUID v4 and a NUL from the kernel's random source. Returns 0, or -1
 * when no randomness could be had (never falls back to a predictable source). */
int uuid_v4(char out[37]);

/* Whether s is a UUID in the 8-4-4-4-12 hex form (any version; case-insensitive). */
int uuid_valid(const char *s);

#endif
