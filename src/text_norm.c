/* text_norm.c — NFC and case mapping through utf8proc. */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"

char *text_nfc(const char *s, size_t len, size_t *outlen)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
					  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0) { /* invalid UTF-8: callers validate first; keep the bytes */
		if (outlen)
			*outlen = len;
		return xstrndup(s, len);
	}
	/* utf8proc allocates with malloc; hand back memory the caller frees with free(). */
	if (outlen)
		*outlen = (size_t)n;
	return (char *)out;
}

bool text_is_nfc(const char *s, size_t len)
{
	size_t n;
	char *t = text_nfc(s, len, &n);
	bool same = n == len && memcmp(s, t, len) == 0;
	free(t);
	return same;
}

static char *map_case(const char *s, bool upper)
{
	struct buf b = {0};
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (!k) {
			buf_addc(&b, s[i++]);
			continue;
		}
		i += k;
		utf8proc_int32_t m = upper ? utf8proc_toupper((utf8proc_int32_t)cp)
					   : utf8proc_tolower((utf8proc_int32_t)cp);
		char enc[4];
		buf_add(&b, enc, utf8_encode((uint32_t)m, enc));
	}
	return buf_steal(&b);
}

char *text_upper(const char *s) { return map_case(s, true); }
char *text_lower(const char *s) { return map_case(s, false); }

char *text_nfd(const char *s, size_t len, size_t *outlen)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
					  UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
	if (n < 0) {
		if (outlen)
			*outlen = len;
		return xstrndup(s, len);
	}
	if (outlen)
		*outlen = (size_t)n;
	return (char *)out;
}

static bool is_letter(uint32_t cp)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

char *text_upper_first(const char *s)
{
	size_t len = strlen(s);
	struct buf b = {0};
	size_t i = 0;
	/* skip to the first letter, so "(một)" becomes "(Một)" */
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (!k)
			k = 1;
		else if (is_letter(cp)) {
			char enc[4];
			buf_add(&b, s, i);
			buf_add(&b, enc, utf8_encode((uint32_t)utf8proc_toupper((utf8proc_int32_t)cp), enc));
			buf_add(&b, s + i + k, len - i - k);
			return buf_steal(&b);
		}
		i += k;
	}
	return xstrdup(s);
}
