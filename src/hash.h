/* hash.h — SHA-256 through nettle (hash.c is the only nettle user), for the
 * font map's integrity check and the manifest's checksums. nettle picks the
 * CPU's SHA instructions at run time where it has them. */
#ifndef VANBAN_HASH_H
#define VANBAN_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_BYTES 32
#define HASH_HEX_LEN 64

/* Incremental state; caller-owned, no heap (large enough for nettle's
 * sha256_ctx, checked in hash.c). */
struct hash_sha256 {
	_Alignas(16) unsigned char opaque[128];
};

void hash_sha256_init(struct hash_sha256 *s);
void hash_sha256_update(struct hash_sha256 *s, const void *data, size_t len);
/* Writes the digest; s must be re-initialised before reuse. */
void hash_sha256_final(struct hash_sha256 *s, uint8_t digest[HASH_BYTES]);

/* One-shot: digest of data[0..len). */
void hash_sha256(const void *data, size_t len, uint8_t digest[HASH_BYTES]);
/* Lower-case hex of a digest into hex (65 bytes with the NUL). */
void hash_hex(const uint8_t digest[HASH_BYTES], char hex[HASH_HEX_LEN + 1]);
/* Both at once: the hex digest of data[0..len). */
void hash_sha256_hex(const void *data, size_t len, char hex[HASH_HEX_LEN + 1]);

#endif
