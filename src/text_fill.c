/* text_fill.c — the one placeholder expander: "{key}" in a format becomes
 * its value. Layout formats, article texts and vote lines all use it. */
#include <string.h>

#include "text.h"
#include "util.h"

char *text_fill(const char *fmt, const struct text_subst *subst, size_t n)
{
	struct buf b = {0};
	for (const char *p = fmt; *p;) {
		const char *close = *p == '{' ? strchr(p, '}') : NULL;
		const char *value = NULL;
		for (size_t i = 0; close && i < n; i++)
			if (subst[i].value && strlen(subst[i].key) == (size_t)(close - p - 1) &&
			    !strncmp(p + 1, subst[i].key, (size_t)(close - p - 1)))
				value = subst[i].value;
		if (value) {
			buf_adds(&b, value);
			p = close + 1;
		} else {
			buf_addc(&b, *p++);
		}
	}
	return buf_steal(&b);
}
