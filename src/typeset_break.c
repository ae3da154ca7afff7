/* typeset_break.c — placeholder first-fit breaker until the Knuth–Plass one lands. */
#include "typeset_break.h"

#include "util.h"

void brk_params_default(struct brk_params *p, int32_t width)
{
	*p = (struct brk_params){.width = width, .first_width = width, .tolerance = 200,
				 .line_penalty = 10, .adj_demerits = 10000};
}

struct brk_item brk_space(int32_t space)
{
	return (struct brk_item){.type = BRK_GLUE, .width = space, .stretch = space / 2,
				 .shrink = space / 3};
}

size_t brk_paragraph(const struct brk_item *it, size_t n, const struct brk_params *p,
		     struct brk_line **lines, bool *overfull)
{
	size_t nl = 0, cap = 0;
	*lines = NULL;
	if (overfull)
		*overfull = false;
	size_t start = 0;
	for (;;) {
		while (start < n && it[start].type != BRK_BOX)
			start++;
		if (start >= n)
			break;
		int32_t w = nl ? p->width : p->first_width;
		int64_t nat = 0, str = 0, shr = 0, bnat = 0, bstr = 0, bshr = 0;
		size_t brk = 0;
		bool forced = false;
		size_t i = start;
		for (; i < n; i++) {
			if (it[i].type == BRK_PENALTY && it[i].penalty <= -BRK_INF) {
				brk = i; bnat = nat; bstr = str; bshr = shr; forced = true;
				break;
			}
			if (it[i].type == BRK_GLUE && it[i - 1].type == BRK_BOX) {
				if (nat - shr > w && brk)
					break;
				brk = i; bnat = nat; bstr = str; bshr = shr;
			}
			if (it[i].type != BRK_PENALTY) {
				nat += it[i].width; str += it[i].stretch; shr += it[i].shrink;
			}
		}
		bool last = i >= n && !(nat - shr > w && brk);
		if (last) { brk = n; bnat = nat; bstr = str; bshr = shr; }
		grow(lines, &cap, nl + 1, sizeof **lines);
		struct brk_line *L = &(*lines)[nl++];
		*L = (struct brk_line){start, brk, 0, last || forced, false};
		if (bnat > w) {
			L->ratio = bshr ? (double)(w - bnat) / (double)bshr : -1;
			if (L->ratio < -1) { L->ratio = -1; L->overfull = true; if (overfull) *overfull = true; }
		} else if (!L->ragged && bstr) {
			L->ratio = (double)(w - bnat) / (double)bstr;
		}
		if (last)
			break;
		start = brk + 1;
	}
	return nl;
}
