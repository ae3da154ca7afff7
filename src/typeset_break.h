/* typeset_break.h — paragraph line breaking on an abstract item list.
 *
 * The typesetter turns a paragraph into boxes (words, the first-line indent),
 * glue (inter-word spaces) and penalties (forced or forbidden breaks); this
 * module chooses where the lines end. It knows nothing of fonts or text:
 * every width is an integer in millipoints.
 *
 * brk_paragraph() is Knuth and Plass's total-fit algorithm (the one TeX uses):
 * it minimises the sum of the lines' demerits over the whole paragraph, so a
 * paragraph gets several slightly loose lines rather than one very loose one.
 * brk_greedy() is first-fit (fill each line as far as shrinking allows), kept
 * for comparison and benchmarks.
 *
 * Conventions shared by both:
 * - A break may happen at a glue that directly follows a box (the glue then
 *   vanishes) or at a penalty below BRK_INF (its width, if any, is added to the
 *   line, as a hyphen would be). Penalty <= -BRK_INF forces a break.
 * - Glue and penalties right after a break are discarded up to the next box,
 *   so a line never starts with a space.
 * - The paragraph end is implicit: do NOT append TeX's \parfillskip and final
 *   \penalty-10000. Trailing glue and penalties are ignored.
 * - The last line and every line that ends at a forced break are "ragged":
 *   they keep their natural spacing (ratio 0) unless they have to shrink to
 *   fit. Two forced breaks in a row give an empty line (start == end).
 * - Lines that cannot fit even with all glue fully shrunk (a box wider than
 *   the line, say) are still produced and flagged overfull; nothing fails.
 */
#ifndef VANBAN_TYPESET_BREAK_H
#define VANBAN_TYPESET_BREAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BRK_INF 10000 /* penalty >= BRK_INF forbids a break, <= -BRK_INF forces one */

enum brk_type { BRK_BOX, BRK_GLUE, BRK_PENALTY };

struct brk_item {
	enum brk_type type;
	int32_t width;   /* millipoints; a penalty's width counts only if the line breaks there */
	int32_t stretch; /* glue only: how much it may grow at ratio 1 */
	int32_t shrink;  /* glue only: how much it may shrink at ratio -1 (never more) */
	int32_t penalty; /* penalty only: cost of breaking here, see BRK_INF */
};

struct brk_params {
	int32_t width;       /* every line after the first, millipoints */
	int32_t first_width; /* the first line (differs for a hanging indent) */
	/* Badness (100 * ratio^3) above which a line is rejected in the first
	 * pass. Only limits the search, for speed: if no paragraph passes, an
	 * unlimited pass runs (which also accepts overfull lines). TeX: \tolerance. */
	double tolerance;
	int32_t line_penalty; /* added to each line's badness; favours fewer lines (TeX \linepenalty) */
	double adj_demerits;  /* for adjacent lines of very different tightness (TeX \adjdemerits) */
};

/* One output line: items [start, end) are set on it. items[end], when end is
 * below the item count, is the break itself (a glue, dropped, or a penalty). */
struct brk_line {
	size_t start, end;
	/* Adjustment ratio: each glue is set at width + ratio * stretch when
	 * ratio >= 0, width + ratio * shrink when ratio < 0. Never below -1. */
	double ratio;
	bool ragged;   /* last line or forced break: set flush left, not justified */
	bool overfull; /* too wide even at ratio -1 (ratio is then -1) */
};

/* Fills *p with defaults for lines `width` millipoints wide: tolerance 200
 * and adjacent-line demerits 10000 (TeX's plain values); line penalty 50, not
 * TeX's 10: on the W2 benchmark it saves 2 lines of 199 with the same gaps. */
void brk_params_default(struct brk_params *p, int32_t width);

/* Glue for an inter-word space of natural width `space`, with the stretch and
 * shrink this project uses (1/2 and 1/3 of the space, as in TeX and Typst). */
struct brk_item brk_space(int32_t space);

/* Total-fit line breaking of items[0..n). Stores a malloc'd array of lines in
 * *lines (the caller frees it; NULL when 0 is returned, i.e. when the
 * paragraph has no box) and returns how many. Sets *overfull (if non-NULL) to
 * whether any line is overfull. Never fails. Time and memory are linear in n
 * (at most 1000 candidate breaks are kept alive; only pathological input,
 * such as thousands of zero-width words, reaches that cap, and it may then
 * lose optimality). Same input, same output. */
size_t brk_paragraph(const struct brk_item *items, size_t n, const struct brk_params *p,
		     struct brk_line **lines, bool *overfull);

/* First-fit line breaking, same contract as brk_paragraph(): each line takes
 * as many items as fit with glue shrunk to at most ratio -1. */
size_t brk_greedy(const struct brk_item *items, size_t n, const struct brk_params *p,
		  struct brk_line **lines, bool *overfull);

/* Balanced breaking, for centred text: the fewest lines that fit (glue
 * shrunk at most to ratio -1), and of those the breaking whose lines are
 * most even. It minimises the sum over the lines of 100 * (s / w)^2, where s
 * is how much shorter than its measure w a line is, plus the penalty of each
 * break taken (a negative penalty marks a preferred break; the paragraph's
 * end and forced breaks cost nothing). Same conventions as brk_paragraph();
 * returns 0 with *lines NULL when no breaking fits without an overfull line
 * (the caller then keeps brk_paragraph()'s). Time: the items times the
 * breaks that fit on one line. */
/* The narrowest measure (brk_params_default's) at which brk_balanced() sets
 * the paragraph in at most max_lines lines; -1 when no measure does. */
int64_t brk_narrowest(const struct brk_item *items, size_t n, size_t max_lines);
size_t brk_balanced(const struct brk_item *items, size_t n, const struct brk_params *p,
		    struct brk_line **lines);

/* The total demerits of a given breaking of items[0..n) into lines, by the
 * same measure brk_paragraph() minimises (overfull lines count as badness
 * 10^6 each). For tests and benchmarks. */
double brk_demerits(const struct brk_item *items, size_t n, const struct brk_params *p,
		    const struct brk_line *lines, size_t nlines);

#endif
