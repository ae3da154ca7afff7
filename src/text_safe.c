/* text_safe.c — characters that must never reach a document. */
#include "text.h"

static enum text_unsafe unsafe_reason(uint32_t c)
{
	if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
		return UNSAFE_CONTROL;
	if (c >= 0x80 && c <= 0x9F)
		return UNSAFE_C1;
	if (c == 0xFEFF)
		return UNSAFE_BOM;
	if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
	    c == 0x200F || c == 0x061C)
		return UNSAFE_BIDI;
	if (c >= 0xFDD0 && c <= 0xFDEF)
		return UNSAFE_NONCHAR;
	if ((c & 0xFFFE) == 0xFFFE)
		return UNSAFE_NONCHAR;
	if (c > 0xFFFF)
		return UNSAFE_ASTRAL;
	return UNSAFE_NONE;
}

bool text_check_safe(const char *s, size_t len, size_t *index, uint32_t *cp, enum text_unsafe *why)
{
	size_t n = 0;
	for (size_t i = 0; i < len; n++) {
		uint32_t c;
		size_t k = utf8_decode(s + i, len - i, &c);
		enum text_unsafe r = k ? unsafe_reason(c) : UNSAFE_BAD_UTF8;
		if (r != UNSAFE_NONE) {
			*index = n;
			*cp = k ? c : (unsigned char)s[i];
			*why = r;
			return false;
		}
		i += k;
	}
	return true;
}
