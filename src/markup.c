/* markup.c — **bold**, *italic* and backslash escapes inside text values. */
#include "markup.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "text.h"
#include "util.h"

/* Position of byte offset `at` in a single-line value starting at pos. */
static struct srcpos pos_at(const struct srcpos *pos, const char *s, size_t at)
{
	struct srcpos p = pos ? *pos : (struct srcpos){0};
	if (p.line > 0 && !memchr(s, '\n', at))
		p.col += (int)utf8_count(s, at);
	return p;
}

bool markup_parse(const char *s, enum face base, bool markup, const struct srcpos *pos,
		  struct runs *out)
{
	size_t len = strlen(s);
	if (!markup) {
		runs_add(out, s, len, base, pos);
		return true;
	}
	bool bold = false, italic = false;
	size_t bold_at = 0, italic_at = 0;
	struct buf cur = {0};
	struct srcpos start = pos_at(pos, s, 0);
	for (size_t i = 0; i < len;) {
		if (s[i] == '\\' && i + 1 < len && (s[i + 1] == '*' || s[i + 1] == '\\')) {
			buf_addc(&cur, s[i + 1]);
			i += 2;
			continue;
		}
		if (s[i] != '*') {
			buf_addc(&cur, s[i++]);
			continue;
		}
		size_t stars = 1;
		while (i + stars < len && s[i + stars] == '*' && stars < 3)
			stars++;
		runs_add(out, cur.data ? cur.data : "", cur.len, face_with(base, bold, italic), &start);
		cur.len = 0;
		if (stars >= 2) {
			bold = !bold;
			bold_at = i;
		}
		if (stars != 2) {
			italic = !italic;
			italic_at = i;
		}
		i += stars;
		start = pos_at(pos, s, i);
	}
	runs_add(out, cur.data ? cur.data : "", cur.len, face_with(base, bold, italic), &start);
	buf_free(&cur);
	if (bold || italic) {
		struct srcpos p = pos_at(pos, s, bold ? bold_at : italic_at);
		diag(UNCLOSED_MARKER, &p,
		     bold ? "**bold**" : "*italic*");
		return false;
	}
	return true;
}
