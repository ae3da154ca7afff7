/* text_slug.c — safe ASCII file-name stems from names and titles. */
#include "text.h"

#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "util.h"

enum { SLUG_SEP = -1, SLUG_SKIP = 0 };

/* What one code point becomes: an ASCII letter or digit, SLUG_SKIP for a
 * combining mark (so NFD and NFC give the same slug), or SLUG_SEP. */
static int slug_class(uint32_t cp)
{
	if (cp < 0x80) {
		if ((cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'))
			return (int)cp;
		return SLUG_SEP;
	}
	enum vn_base base;
	enum vn_tone tone;
	bool upper;
	if (vn_letter_info(cp, &base, &tone, &upper))
		return upper ? vn_base_ascii[base] - 0x20 : vn_base_ascii[base];
	utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
	if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ME)
		return SLUG_SKIP;
	return SLUG_SEP;
}

struct slugger {
	struct buf out;
	size_t max;
	bool sep, full;
};

static void put(struct slugger *g, int c)
{
	if (g->full || c == SLUG_SKIP)
		return;
	if (c == SLUG_SEP) {
		g->sep = true;
		return;
	}
	size_t need = g->out.len + 1 + (g->sep && g->out.len);
	if (need > g->max) {
		g->full = true;
		return;
	}
	if (g->sep && g->out.len)
		buf_addc(&g->out, '-');
	g->sep = false;
	buf_addc(&g->out, (char)c);
}

/* A letter outside the table: fold compatibility forms and drop marks
 * ("ü" -> u, full-width "Ａ" -> A, "ﬁ" -> fi); anything else separates. */
static void put_other(struct slugger *g, uint32_t cp)
{
	utf8proc_int32_t dec[18];
	utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, dec, 18,
						     UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, NULL);
	if (n <= 0 || n > 18) {
		put(g, SLUG_SEP);
		return;
	}
	for (utf8proc_ssize_t i = 0; i < n; i++)
		put(g, slug_class((uint32_t)dec[i]));
}

static bool is_reserved(const char *s)
{
	static const char *const names[] = {"CON", "PRN", "AUX", "NUL"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcasecmp(s, names[i]))
			return true;
	return strlen(s) == 4 && (!strncasecmp(s, "COM", 3) || !strncasecmp(s, "LPT", 3)) &&
	       s[3] >= '1' && s[3] <= '9';
}

char *text_slug(const char *s, size_t max_bytes)
{
	struct slugger g = {.max = max_bytes < 8 ? 8 : max_bytes};
	size_t len = strlen(s);
	for (size_t i = 0; i < len && !g.full;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (!k) {
			put(&g, SLUG_SEP);
			i++;
			continue;
		}
		i += k;
		int c = slug_class(cp);
		if (c == SLUG_SEP && cp >= 0x80)
			put_other(&g, cp);
		else
			put(&g, c);
	}
	if (g.out.len == 0)
		buf_adds(&g.out, "untitled");
	else if (is_reserved(g.out.data))
		buf_addc(&g.out, '_'); /* at most 4 bytes + 1, below the minimum of 8 */
	return buf_steal(&g.out);
}
