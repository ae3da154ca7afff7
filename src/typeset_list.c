/* typeset_list.c — list items with hanging markers, and the markers
 * themselves (Vietnamese letters for điểm, docs/rules.md §5.2). */
#include "typeset.h"
#include "util.h"

/* The 23 letters of the Vietnamese alphabet used to number points, in order. */
static const char *const vn_points[] = {
	"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
	"n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
};
#define NPOINTS (sizeof vn_points / sizeof *vn_points)

/* Bijective base 23: 0 -> a, 22 -> y, 23 -> aa, 24 -> ab … */
static void letters(struct buf *out, size_t index)
{
	if (index >= NPOINTS)
		letters(out, index / NPOINTS - 1);
	buf_adds(out, vn_points[index % NPOINTS]);
}

char *list_marker(enum list_kind kind, size_t index)
{
	switch (kind) {
	case LIST_DASH:
		return xstrdup("-");
	case LIST_PLUS:
		return xstrdup("+");
	case LIST_LETTER: {
		struct buf b = {0};
		letters(&b, index);
		buf_addc(&b, ')');
		return buf_steal(&b);
	}
	case LIST_NUMBER:
		break;
	}
	return xasprintf("%zu.", index + 1);
}

struct block *blocks_list_item(struct blocks *b, const struct para_style *st,
			       enum list_kind kind, size_t index)
{
	struct block *blk = blocks_para(b, st);
	blk->marker = list_marker(kind, index);
	return blk;
}
