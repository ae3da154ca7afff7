#include <stdlib.h>

#include "text.h"
#include "unit.h"

static void decode_rejects_bad_forms(void)
{
	uint32_t cp;
	CHECK_INT(utf8_decode("\xC0\xAF", 2, &cp), 0);         /* overlong */
	CHECK_INT(utf8_decode("\xED\xA0\x80", 3, &cp), 0);     /* surrogate */
	CHECK_INT(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0); /* > U+10FFFF */
	CHECK_INT(utf8_decode("\xE1\xBB", 2, &cp), 0);         /* truncated */
	CHECK_INT(utf8_decode("\xE1\xBB\x87", 3, &cp), 3);
	CHECK_INT(cp, 0x1EC7);
}

static void encode_round_trip(void)
{
	for (uint32_t cp = 1; cp < 0x110000; cp += 7) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char b[4];
		uint32_t back;
		size_t n = utf8_encode(cp, b);
		if (utf8_decode(b, n, &back) != n || back != cp) {
			CHECK(0);
			break;
		}
	}
}

static void nfc_composes_vietnamese(void)
{
	/* "ệ" as e + U+0302 + U+0323 and as e + U+0323 + U+0302 */
	size_t n;
	char *a = text_nfc("e\xCC\x82\xCC\xA3", 5, &n);
	CHECK_STR(a, "\xE1\xBB\x87");
	char *b = text_nfc("e\xCC\xA3\xCC\x82", 5, &n);
	CHECK_STR(b, "\xE1\xBB\x87");
	CHECK(!text_is_nfc("e\xCC\x82\xCC\xA3", 5));
	CHECK(text_is_nfc("\xE1\xBB\x87", 3));
	free(a);
	free(b);
}

static void upper_keeps_marks(void)
{
	char *u = text_upper("độc lập - tự do - hạnh phúc");
	CHECK_STR(u, "ĐỘC LẬP - TỰ DO - HẠNH PHÚC");
	free(u);
	char *l = text_lower("QUYẾT ĐỊNH");
	CHECK_STR(l, "quyết định");
	free(l);
}

int main(void)
{
	RUN(decode_rejects_bad_forms);
	RUN(encode_round_trip);
	RUN(nfc_composes_vietnamese);
	RUN(upper_keeps_marks);
	UNIT_EXIT();
}
