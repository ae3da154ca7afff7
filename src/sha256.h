/* sha256.h — SHA-256 (FIPS 180-4), for the output manifest's checksums. */
#ifndef VANBAN_SHA256_H
#define VANBAN_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_BYTES 32
#define SHA256_HEX_LEN 64

/* Incremental state; caller-owned, no heap. */
struct sha256 {
	uint32_t h[8];
	uint64_t total; /* bytes hashed so far */
	uint8_t block[64];
	size_t used;    /* bytes waiting in block */
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
/* Writes the digest; s must be re-initialised before reuse. */
void sha256_final(struct sha256 *s, uint8_t digest[SHA256_BYTES]);

/* One-shot: digest of data[0..len). */
void sha256(const void *data, size_t len, uint8_t digest[SHA256_BYTES]);
/* Lower-case hex of a digest into hex (65 bytes with the NUL). */
void sha256_hex(const uint8_t digest[SHA256_BYTES], char hex[SHA256_HEX_LEN + 1]);

#endif
