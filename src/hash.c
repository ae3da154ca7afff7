/* hash.c — SHA-256 from nettle (hash.h). */
#include "hash.h"

#include <nettle/sha2.h>

_Static_assert(sizeof(struct sha256_ctx) <= sizeof(struct hash_sha256), "hash_sha256 too small");
_Static_assert(_Alignof(struct sha256_ctx) <= 16, "hash_sha256 under-aligned");

void hash_sha256_init(struct hash_sha256 *s)
{
	sha256_init((struct sha256_ctx *)s->opaque);
}

void hash_sha256_update(struct hash_sha256 *s, const void *data, size_t len)
{
	sha256_update((struct sha256_ctx *)s->opaque, len, data);
}

void hash_sha256_final(struct hash_sha256 *s, uint8_t digest[HASH_BYTES])
{
	sha256_digest((struct sha256_ctx *)s->opaque, HASH_BYTES, digest);
}

void hash_sha256(const void *data, size_t len, uint8_t digest[HASH_BYTES])
{
	struct sha256_ctx c;
	sha256_init(&c);
	sha256_update(&c, len, data);
	sha256_digest(&c, HASH_BYTES, digest);
}

void hash_hex(const uint8_t digest[HASH_BYTES], char hex[HASH_HEX_LEN + 1])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < HASH_BYTES; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[HASH_HEX_LEN] = '\0';
}

void hash_sha256_hex(const void *data, size_t len, char hex[HASH_HEX_LEN + 1])
{
	uint8_t d[HASH_BYTES];
	hash_sha256(data, len, d);
	hash_hex(d, hex);
}
