/* text_safe.c — characters that must never reach a document. */
#include "text.h"

static const char *unsafe_reason(uint32_t c)
{
	if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
		return "control character";
	if (c >= 0x80 && c <= 0x9F)
		return "C1 control character";
	if (c == 0xFEFF)
		return "byte order mark inside text";
	if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
	    c == 0x200F || c == 0x061C)
		return "bidirectional control character";
	if (c >= 0xFDD0 && c <= 0xFDEF)
		return "noncharacter";
	if ((c & 0xFFFE) == 0xFFFE)
		return "noncharacter";
	if (c > 0xFFFF)
		return "character outside the Basic Multilingual Plane (PDF fonts here cannot show it)";
	return NULL;
}

bool text_check_safe(const char *s, size_t len, size_t *index, uint32_t *cp, const char **why)
{
	size_t n = 0;
	for (size_t i = 0; i < len; n++) {
		uint32_t c;
		size_t k = utf8_decode(s + i, len - i, &c);
		const char *r = k ? unsafe_reason(c) : "invalid UTF-8";
		if (r) {
			*index = n;
			*cp = k ? c : (unsigned char)s[i];
			*why = r;
			return false;
		}
		i += k;
	}
	return true;
}
