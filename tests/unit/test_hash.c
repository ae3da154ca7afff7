/* test_hash.c — SHA-256 through nettle: FIPS 180-4 / NIST CAVP example vectors. */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "unit.h"
#include "util.h"

static const char *hex_of(const void *data, size_t len)
{
	static char hex[HASH_HEX_LEN + 1];
	uint8_t d[HASH_BYTES];
	hash_sha256(data, len, d);
	hash_hex(d, hex);
	return hex;
}

static void test_vectors(void)
{
	CHECK_STR(hex_of("", 0), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	CHECK_STR(hex_of("abc", 3), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	CHECK_STR(hex_of(two, strlen(two)),
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	const char *four = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
			   "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	CHECK_STR(hex_of(four, strlen(four)),
		  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void test_million_a(void)
{
	/* one million 'a', fed in odd-sized pieces to exercise the buffering */
	struct hash_sha256 s;
	hash_sha256_init(&s);
	char chunk[997];
	memset(chunk, 'a', sizeof chunk);
	size_t left = 1000000;
	while (left) {
		size_t n = left < sizeof chunk ? left : sizeof chunk;
		hash_sha256_update(&s, chunk, n);
		left -= n;
	}
	uint8_t d[HASH_BYTES];
	char hex[HASH_HEX_LEN + 1];
	hash_sha256_final(&s, d);
	hash_hex(d, hex);
	CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_block_edges(void)
{
	/* lengths around the 55/56/64-byte padding boundaries, one-shot vs bytewise */
	char data[130];
	for (size_t i = 0; i < sizeof data; i++)
		data[i] = (char)(i * 7 + 1);
	for (size_t len = 0; len <= sizeof data; len++) {
		uint8_t a[HASH_BYTES], b[HASH_BYTES];
		hash_sha256(data, len, a);
		struct hash_sha256 s;
		hash_sha256_init(&s);
		for (size_t i = 0; i < len; i++)
			hash_sha256_update(&s, data + i, 1);
		hash_sha256_final(&s, b);
		CHECK(memcmp(a, b, sizeof a) == 0);
	}
	/* 55 and 56 bytes of 'a' (one vs two padding blocks), from sha256sum */
	char a56[56];
	memset(a56, 'a', sizeof a56);
	CHECK_STR(hex_of(a56, 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
	CHECK_STR(hex_of(a56, 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
}

int main(void)
{
	RUN(test_vectors);
	RUN(test_million_a);
	RUN(test_block_edges);
	UNIT_EXIT();
}
