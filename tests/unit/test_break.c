/* test_break.c — the line breaker on hand-computed and generated paragraphs. */
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include <string.h>

#include "markup.h"
#include "text.h"
#include "typeset.h"
#include "typeset_break.h"
#include "typeset_lines.h"
#include "typeset_words.h"
#include "unit.h"
#include "unit_fonts.h"
#include "util.h"

/* A paragraph under construction. */
struct para {
	struct brk_item *it;
	size_t n, cap;
};

static void add(struct para *p, enum brk_type type, int32_t w, int32_t y, int32_t z, int32_t pen)
{
	grow(&p->it, &p->cap, p->n + 1, sizeof *p->it);
	p->it[p->n++] = (struct brk_item){type, w, y, z, pen};
}

static void box(struct para *p, int32_t w) { add(p, BRK_BOX, w, 0, 0, 0); }
static void glue(struct para *p) { add(p, BRK_GLUE, 10, 20, 5, 0); }
static void penalty(struct para *p, int32_t pen) { add(p, BRK_PENALTY, 0, 0, 0, pen); }

/* Words of the given widths separated by glue 10 (+20, -5). */
static struct para words(const int32_t *w, size_t n)
{
	struct para p = {0};
	for (size_t i = 0; i < n; i++) {
		if (i)
			glue(&p);
		box(&p, w[i]);
	}
	return p;
}

static struct brk_params params(int32_t width)
{
	struct brk_params bp;
	brk_params_default(&bp, width);
	bp.line_penalty = 10; /* the hand computations use TeX's value */
	return bp;
}

/* Every box is on exactly one line, lines are in order, breaks are legal. */
static int lines_valid(const struct para *p, const struct brk_line *l, size_t nl)
{
	size_t end = p->n, next = 0;
	while (end > 0 && p->it[end - 1].type != BRK_BOX)
		end--; /* trailing glue and penalties belong to no line */
	for (size_t k = 0; k < nl; k++) {
		if (l[k].start > l[k].end || l[k].start < next || l[k].end > end)
			return 0;
		for (size_t i = next; i < l[k].start; i++)
			if (p->it[i].type == BRK_BOX)
				return 0;
		if (l[k].end < end) {
			const struct brk_item *b = &p->it[l[k].end];
			if (b->type == BRK_BOX || (b->type == BRK_PENALTY && b->penalty >= BRK_INF))
				return 0;
			if (b->type == BRK_GLUE && (l[k].end == 0 || p->it[l[k].end - 1].type != BRK_BOX))
				return 0;
		} else if (k + 1 != nl) {
			return 0;
		}
		next = l[k].end + 1;
	}
	return nl ? l[nl - 1].end == end : end == 0;
}

/* Field by field: struct padding is not initialised. */
static int lines_equal(const struct brk_line *a, const struct brk_line *b, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (a[k].start != b[k].start || a[k].end != b[k].end || a[k].ratio != b[k].ratio ||
		    a[k].ragged != b[k].ragged || a[k].overfull != b[k].overfull)
			return 0;
	return 1;
}

/* Width 100, glue 10 (+20, -5), words 20 20 20 20 40.
 * First fit: [20 20 20 20] is 110, shrinks 10 of 15 (ratio -2/3, badness
 * 29.63, tight), then [40]: (10 + 29.63)^2 + 10^2 = 1670.5 demerits.
 * Total fit: [20 20 20] is 80, stretches 20 of 40 (ratio 0.5, badness 12.5,
 * loose), then [20 40] ragged: (10 + 12.5)^2 + 10^2 = 606.25. */
static void optimal_beats_first_fit(void)
{
	static const int32_t w[] = {20, 20, 20, 20, 40};
	struct para p = words(w, 5);
	struct brk_params bp = params(100);
	struct brk_line *l, *g;
	bool of = true;
	size_t nl = brk_paragraph(p.it, p.n, &bp, &l, &of);
	CHECK_INT(nl, 2);
	CHECK(!of);
	CHECK(lines_valid(&p, l, nl));
	CHECK_INT(l[0].start, 0);
	CHECK_INT(l[0].end, 5); /* the glue after the third word */
	CHECK_INT(l[1].start, 6);
	CHECK_INT(l[1].end, 9);
	CHECK(fabs(l[0].ratio - 0.5) < 1e-9);
	CHECK(!l[0].ragged && l[1].ragged);
	CHECK(l[1].ratio == 0);
	CHECK(fabs(brk_demerits(p.it, p.n, &bp, l, nl) - 606.25) < 1e-6);

	size_t ng = brk_greedy(p.it, p.n, &bp, &g, &of);
	CHECK_INT(ng, 2);
	CHECK(!of);
	CHECK(lines_valid(&p, g, ng));
	CHECK_INT(g[0].end, 7);
	CHECK(fabs(g[0].ratio + 2.0 / 3) < 1e-9);
	double dg = brk_demerits(p.it, p.n, &bp, g, ng);
	CHECK(fabs(dg - (pow(10 + 100 * 8.0 / 27, 2) + 100)) < 1e-6);
	CHECK(dg > 606.25);
	free(l);
	free(g);
	free(p.it);
}

/* Minimum demerits over every set of legal breaks (no overfull line). */
static double brute_force(const struct para *p, const struct brk_params *bp)
{
	size_t legal[32], nlegal = 0, forced = 0;
	size_t end = p->n;
	while (end > 0 && p->it[end - 1].type != BRK_BOX)
		end--;
	for (size_t i = 0; i < end && nlegal < 32; i++) {
		const struct brk_item *it = &p->it[i];
		if ((it->type == BRK_GLUE && i > 0 && p->it[i - 1].type == BRK_BOX) ||
		    (it->type == BRK_PENALTY && it->penalty < BRK_INF)) {
			if (it->type == BRK_PENALTY && it->penalty <= -BRK_INF)
				forced |= (size_t)1 << nlegal;
			legal[nlegal++] = i;
		}
	}
	double best = INFINITY;
	struct brk_line l[33];
	for (size_t mask = 0; mask < ((size_t)1 << nlegal); mask++) {
		if ((mask & forced) != forced)
			continue;
		size_t nl = 0, start = 0;
		bool over = false;
		for (size_t j = 0; j <= nlegal; j++) {
			if (j < nlegal && !(mask & ((size_t)1 << j)))
				continue;
			size_t e = j < nlegal ? legal[j] : end;
			l[nl] = (struct brk_line){start < e ? start : e, e, 0, false, false};
			/* overfull check: natural width minus shrink */
			int64_t w = 0, z = 0;
			for (size_t i = l[nl].start; i < e; i++)
				if (p->it[i].type != BRK_PENALTY) {
					w += p->it[i].width;
					z += p->it[i].type == BRK_GLUE ? p->it[i].shrink : 0;
				}
			if (w - z > (nl ? bp->width : bp->first_width))
				over = true;
			nl++;
			start = e + 1;
			while (start < end && p->it[start].type != BRK_BOX)
				start++;
		}
		if (over)
			continue;
		double d = brk_demerits(p->it, p->n, bp, l, nl);
		if (d < best)
			best = d;
	}
	return best;
}

static void optimal_matches_brute_force(void)
{
	srand(12345);
	int compared = 0;
	for (int trial = 0; trial < 400; trial++) {
		struct para p = {0};
		int nw = 3 + rand() % 9;
		for (int i = 0; i < nw; i++) {
			if (i) {
				int r = rand() % 12;
				if (r == 0)
					penalty(&p, -BRK_INF);
				else if (r == 1)
					penalty(&p, BRK_INF); /* glue after a penalty: no break */
				else if (r == 2)
					penalty(&p, 50 - rand() % 100);
				glue(&p);
			}
			box(&p, 10 + rand() % 50);
		}
		struct brk_params bp = params(100 + rand() % 40);
		bp.first_width = bp.width - rand() % 30;
		bp.tolerance = 1e9; /* brute force looks at every line too */
		struct brk_line *l;
		bool of;
		size_t nl = brk_paragraph(p.it, p.n, &bp, &l, &of);
		CHECK(lines_valid(&p, l, nl));
		double want = brute_force(&p, &bp);
		if (isfinite(want)) {
			double got = brk_demerits(p.it, p.n, &bp, l, nl);
			CHECK(!of);
			CHECK(fabs(got - want) <= 1e-9 * fabs(want) + 1e-6);
			if (fabs(got - want) > 1e-9 * fabs(want) + 1e-6)
				printf("#   trial %d: got %g want %g\n", trial, got, want);
			compared++;
		}
		/* first fit is never better */
		struct brk_line *g;
		size_t ng = brk_greedy(p.it, p.n, &bp, &g, &of);
		CHECK(lines_valid(&p, g, ng));
		if (isfinite(want))
			CHECK(brk_demerits(p.it, p.n, &bp, g, ng) >= want - 1e-6);
		free(g);
		free(l);
		free(p.it);
	}
	CHECK(compared > 300);
}

static void forced_breaks(void)
{
	struct para p = {0};
	box(&p, 30);
	glue(&p);
	box(&p, 30);
	penalty(&p, -BRK_INF); /* 3 */
	box(&p, 30);           /* 4 */
	penalty(&p, -BRK_INF); /* 5 */
	penalty(&p, -BRK_INF); /* 6: empty line */
	box(&p, 30);           /* 7 */
	glue(&p);
	penalty(&p, -BRK_INF); /* trailing: ignored */
	struct brk_params bp = params(1000);
	struct brk_line *l;
	bool of;
	size_t nl = brk_paragraph(p.it, p.n, &bp, &l, &of);
	CHECK_INT(nl, 4);
	CHECK(lines_valid(&p, l, nl));
	CHECK_INT(l[0].end, 3);
	CHECK_INT(l[1].start, 4);
	CHECK_INT(l[1].end, 5);
	CHECK_INT(l[2].start, 6);
	CHECK_INT(l[2].end, 6);
	CHECK_INT(l[3].start, 7);
	CHECK_INT(l[3].end, 8);
	for (size_t k = 0; k < nl; k++)
		CHECK(l[k].ragged && l[k].ratio == 0);
	struct brk_line *g;
	size_t ng = brk_greedy(p.it, p.n, &bp, &g, &of);
	CHECK_INT(ng, nl);
	CHECK(lines_equal(g, l, nl));
	free(g);
	free(l);
	free(p.it);
}

/* "Điều 1." must not end a line: penalty BRK_INF before its space. */
static void forbidden_breaks(void)
{
	struct para p = {0};
	box(&p, 40);
	glue(&p);
	box(&p, 40); /* 2 */
	penalty(&p, BRK_INF);
	glue(&p); /* 4: not a legal break */
	box(&p, 40);
	glue(&p); /* 6 */
	box(&p, 40);
	struct brk_params bp = params(100);
	struct brk_line *l, *g;
	bool of;
	size_t nl = brk_paragraph(p.it, p.n, &bp, &l, &of);
	CHECK(lines_valid(&p, l, nl));
	CHECK_INT(nl, 3);
	CHECK_INT(l[0].end, 1); /* [40] alone, then [40~40] kept together */
	CHECK_INT(l[1].end, 6);
	size_t ng = brk_greedy(p.it, p.n, &bp, &g, &of);
	CHECK(lines_valid(&p, g, ng));
	for (size_t k = 0; k < ng; k++)
		CHECK(g[k].end != 4);
	for (size_t k = 0; k < nl; k++)
		CHECK(l[k].end != 4);
	free(g);
	free(l);
	free(p.it);
}

/* A penalty's width joins the line only when the line breaks there. */
static void penalty_width(void)
{
	struct para p = {0};
	box(&p, 45);
	add(&p, BRK_PENALTY, 10, 0, 0, 0); /* like a discretionary hyphen */
	box(&p, 45);
	glue(&p);
	box(&p, 80);
	struct brk_params bp = params(90);
	struct brk_line *l;
	bool of;
	size_t nl = brk_paragraph(p.it, p.n, &bp, &l, &of);
	CHECK_INT(nl, 2);
	CHECK_INT(l[0].end, 3); /* [45 45] is exactly 90 without the penalty's 10 */
	CHECK(l[0].ratio == 0);
	CHECK(!of);
	free(l);
	bp.width = bp.first_width = 55;
	nl = brk_paragraph(p.it, p.n, &bp, &l, &of);
	CHECK_INT(nl, 3);
	CHECK_INT(l[0].end, 1); /* 45 + 10 = 55 */
	CHECK(l[0].ratio == 0);
	CHECK(l[2].overfull && of); /* 80 > 55 */
	free(l);
	free(p.it);
}

static void first_line_width(void)
{
	static const int32_t w[] = {30, 30, 30, 30, 30, 30};
	struct para p = words(w, 6);
	struct brk_params bp = params(100);
	struct brk_line *l;
	bool of;
	size_t nl = brk_paragraph(p.it, p.n, &bp, &l, &of);
	CHECK_INT(nl, 2);
	CHECK_INT(l[0].end, 5); /* three words: 110 shrunk by 10 */
	free(l);
	bp.first_width = 70; /* two words only on the first line */
	nl = brk_paragraph(p.it, p.n, &bp, &l, &of);
	CHECK(lines_valid(&p, l, nl));
	CHECK_INT(nl, 3);
	CHECK_INT(l[0].end, 3);
	CHECK_INT(l[1].end, 9);
	CHECK(fabs(l[0].ratio) < 1e-9);
	free(l);
	struct brk_line *g;
	size_t ng = brk_greedy(p.it, p.n, &bp, &g, &of);
	CHECK_INT(ng, 3);
	CHECK_INT(g[0].end, 3);
	free(g);
	free(p.it);
}

static void overfull_reported(void)
{
	/* a 2000-character word (6.5 pt each) on a 467.717 pt line */
	struct para p = {0};
	for (int i = 0; i < 30; i++) {
		if (i)
			add(&p, BRK_GLUE, 3250, 1625, 1083, 0);
		box(&p, i == 12 ? 2000 * 6500 : 25000);
	}
	struct brk_params bp;
	brk_params_default(&bp, 467717);
	struct brk_line *l, *g;
	bool of = false;
	size_t nl = brk_paragraph(p.it, p.n, &bp, &l, &of);
	CHECK(of);
	CHECK(lines_valid(&p, l, nl));
	int over = 0;
	for (size_t k = 0; k < nl; k++) {
		if (l[k].overfull) {
			over++;
			CHECK_INT(l[k].start, 24); /* the long word alone on its line */
			CHECK_INT(l[k].end, 25);
			CHECK(l[k].ratio == -1);
		}
	}
	CHECK_INT(over, 1);
	size_t ng = brk_greedy(p.it, p.n, &bp, &g, &of);
	CHECK(of);
	CHECK(lines_valid(&p, g, ng));
	free(g);
	free(l);

	/* a line too narrow for anything */
	bp.width = bp.first_width = 0;
	nl = brk_paragraph(p.it, p.n, &bp, &l, &of);
	CHECK(of);
	CHECK_INT(nl, 30);
	CHECK(lines_valid(&p, l, nl));
	free(l);
	free(p.it);
}

static void empty_and_odd_input(void)
{
	struct brk_params bp = params(100);
	struct brk_line *l = (void *)1;
	bool of = true;
	CHECK_INT(brk_paragraph(NULL, 0, &bp, &l, &of), 0);
	CHECK(l == NULL && !of);
	struct para p = {0};
	glue(&p);
	penalty(&p, -BRK_INF);
	glue(&p);
	CHECK_INT(brk_paragraph(p.it, p.n, &bp, &l, &of), 0);
	CHECK_INT(brk_greedy(p.it, p.n, &bp, &l, &of), 0);
	CHECK(l == NULL);
	/* leading glue stays on the first line, a lone box is one ragged line */
	box(&p, 50);
	size_t nl = brk_paragraph(p.it, p.n, &bp, &l, &of);
	CHECK_INT(nl, 2); /* the forced break at 1 comes first */
	CHECK(lines_valid(&p, l, nl));
	free(l);
	free(p.it);

	/* hostile numbers must not crash (ASan/UBSan watch this) */
	srand(7);
	for (int trial = 0; trial < 200; trial++) {
		struct para q = {0};
		int n = rand() % 40;
		for (int i = 0; i < n; i++) {
			int32_t v[] = {0, -1, 1, INT32_MAX, INT32_MIN, 1000, -5000, BRK_INF, -BRK_INF};
			add(&q, (enum brk_type)(rand() % 3), v[rand() % 9], v[rand() % 9], v[rand() % 9],
			    v[rand() % 9]);
		}
		static const int32_t widths[] = {100, 0, -50, INT32_MAX, 5000};
		struct brk_params hp = params(widths[trial % 5]);
		hp.tolerance = trial % 3 ? 200 : NAN;
		hp.first_width = trial % 5 ? hp.width : -hp.width;
		struct brk_line *a, *b;
		size_t na = brk_paragraph(q.it, q.n, &hp, &a, &of);
		size_t nb = brk_greedy(q.it, q.n, &hp, &b, &of);
		CHECK(lines_valid(&q, a, na));
		CHECK(lines_valid(&q, b, nb));
		free(a);
		free(b);
		free(q.it);
	}
}

static void same_input_same_output(void)
{
	struct para p = {0};
	srand(99);
	for (int i = 0; i < 2000; i++) {
		if (i)
			add(&p, BRK_GLUE, 3250, 1625, 1083, 0);
		box(&p, 5000 + rand() % 40000);
	}
	struct brk_params bp;
	brk_params_default(&bp, 467717);
	struct brk_line *a, *b;
	bool oa, ob;
	size_t na = brk_paragraph(p.it, p.n, &bp, &a, &oa);
	size_t nb = brk_paragraph(p.it, p.n, &bp, &b, &ob);
	CHECK_INT(na, nb);
	CHECK(oa == ob);
	CHECK(lines_equal(a, b, na));
	CHECK(lines_valid(&p, a, na));
	/* and total fit never loses to first fit */
	struct brk_line *g;
	size_t ng = brk_greedy(p.it, p.n, &bp, &g, &ob);
	CHECK(brk_demerits(p.it, p.n, &bp, a, na) < brk_demerits(p.it, p.n, &bp, g, ng));
	free(g);
	free(a);
	free(b);
	free(p.it);
}

/* 50 000 words of 1-12 Vietnamese syllable widths, one paragraph. */
static void fifty_thousand_words_fast(void)
{
	struct para p = {0};
	srand(2020);
	for (int i = 0; i < 50000; i++) {
		if (i)
			add(&p, BRK_GLUE, 3250, 1625, 1083, 0);
		box(&p, 6000 + rand() % 30000);
	}
	struct brk_params bp;
	brk_params_default(&bp, 467717);
	struct brk_line *l;
	bool of;
	clock_t t0 = clock();
	size_t nl = brk_paragraph(p.it, p.n, &bp, &l, &of);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	printf("#   50000 words: %zu lines in %.3f s\n", nl, secs);
	CHECK(secs < 0.5); /* typically ~10 ms; sanitizer builds are slower */
	CHECK(!of);
	CHECK(lines_valid(&p, l, nl));
	free(l);

	/* the unlimited second pass must be fast too: a box that never fits */
	p.it[25000].width = 600000;
	t0 = clock();
	nl = brk_paragraph(p.it, p.n, &bp, &l, &of);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	printf("#   50000 words, one overfull: %zu lines in %.3f s\n", nl, secs);
	CHECK(secs < 1.0);
	CHECK(of);
	free(l);

	/* zero-width words never make a line overfull, so no node would ever
	 * retire without the cap on the active list */
	for (size_t i = 0; i < p.n; i++)
		p.it[i].width = 0;
	p.it[25000].width = 600000;
	t0 = clock();
	nl = brk_paragraph(p.it, p.n, &bp, &l, &of);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	printf("#   50000 zero-width words: %zu lines in %.3f s\n", nl, secs);
	CHECK(secs < 2.0);
	CHECK(lines_valid(&p, l, nl));
	free(l);
	free(p.it);
}

/* ---- balanced breaking (centred text) ------------------------------------ */

/* Words of the given widths with rigid spaces of 10, as centred text is. */
static struct para rigid(const int32_t *w, size_t n)
{
	struct para p = {0};
	for (size_t i = 0; i < n; i++) {
		if (i)
			add(&p, BRK_GLUE, 10, 5, 0, 0);
		box(&p, w[i]);
	}
	return p;
}

static void balanced_evens_the_lines(void)
{
	/* first fit: 40 40 40 | 40; balanced: 40 40 | 40 40 */
	const int32_t w[] = {40, 40, 40, 40};
	struct para p = rigid(w, 4);
	struct brk_params bp = params(140);
	struct brk_line *l;
	size_t nl = brk_balanced(p.it, p.n, &bp, &l);
	CHECK_INT(nl, 2);
	CHECK(lines_valid(&p, l, nl));
	CHECK_INT(l[0].end, 3); /* the glue after the second word */
	free(l);
	/* never more lines than needed: one line when it fits */
	bp = params(200);
	nl = brk_balanced(p.it, p.n, &bp, &l);
	CHECK_INT(nl, 1);
	free(l);
	free(p.it);
}

static void balanced_prefers_negative_penalties(void)
{
	/* 30 30 | 30 30 30 is less even than 30 30 30 | 30 30 only by the
	 * width of the shorter line; a preferred break before the third word
	 * wins, a forbidden one after the third is never taken */
	const int32_t w[] = {30, 30, 30, 30, 30};
	struct para p = {0};
	for (size_t i = 0; i < 5; i++) {
		if (i == 2)
			penalty(&p, -20);
		if (i == 3)
			penalty(&p, BRK_INF);
		if (i)
			add(&p, BRK_GLUE, 10, 5, 0, 0);
		box(&p, w[i]);
	}
	struct brk_params bp = params(110);
	struct brk_line *l;
	size_t nl = brk_balanced(p.it, p.n, &bp, &l);
	CHECK_INT(nl, 2);
	CHECK(lines_valid(&p, l, nl));
	CHECK_INT(p.it[l[0].end].type, BRK_PENALTY);
	CHECK_INT(p.it[l[0].end].penalty, -20);
	free(l);
	/* without the bonus, the tie is broken ... but never at the forbidden break */
	p.it[4].penalty = 0;
	nl = brk_balanced(p.it, p.n, &bp, &l);
	CHECK_INT(nl, 2);
	for (size_t k = 0; k + 1 < nl; k++)
		CHECK(!(p.it[l[k].end].type == BRK_PENALTY && p.it[l[k].end].penalty >= BRK_INF));
	free(l);
	free(p.it);
}

static void balanced_keeps_forced_breaks(void)
{
	/* A | B C D: the forced break stays, the rest is balanced on its own */
	struct para p = {0};
	box(&p, 40);
	penalty(&p, -BRK_INF);
	const int32_t w[] = {40, 40, 40, 40};
	for (size_t i = 0; i < 4; i++) {
		if (i)
			add(&p, BRK_GLUE, 10, 5, 0, 0);
		box(&p, w[i]);
	}
	struct brk_params bp = params(140);
	struct brk_line *l;
	size_t nl = brk_balanced(p.it, p.n, &bp, &l);
	CHECK_INT(nl, 3);
	CHECK(lines_valid(&p, l, nl));
	CHECK_INT(l[0].end, 1);
	CHECK_INT(l[1].end, 5); /* 40 40 | 40 40 */
	free(l);
	/* a box wider than the line: no balanced breaking, the caller keeps its own */
	p.it[0].width = 500;
	nl = brk_balanced(p.it, p.n, &bp, &l);
	CHECK_INT(nl, 0);
	CHECK(l == NULL);
	free(p.it);
}

/* ---- the break words ------------------------------------------------------ */

static struct brk_words *words_file;
static struct fontset *fs;

static void gaps_of(const char *text, char *out)
{
	const char *word[32] = {0};
	size_t len[32] = {0}, n = 0;
	for (const char *s = text; *s && n < 32;) {
		size_t k = strcspn(s, " ");
		word[n] = s;
		len[n++] = k;
		s += k;
		s += strspn(s, " ");
	}
	enum brk_gap gap[32];
	brk_words_gaps(words_file, word, len, n, gap);
	for (size_t i = 0; i + 1 < n; i++)
		out[i] = "_|<>!"[gap[i]]; /* free, inside, before, after, held */
	out[n ? n - 1 : 0] = '\0';
}

static void words_classify_spaces(void)
{
	char g[40];
	gaps_of("CÔNG ĐOÀN VIÊN CHỨC TỈNH AN GIANG", g);
	CHECK_STR(g, "|>|<>|"); /* CÔNG|ĐOÀN >VIÊN|CHỨC <TỈNH> AN|GIANG */
	gaps_of("ĐẢNG ỦY TRƯỜNG CHÍNH TRỊ TÔN ĐỨC THẮNG", g);
	CHECK_STR(g, "|<>|_||");
	gaps_of("SỞ GIÁO DỤC VÀ ĐÀO TẠO", g);
	CHECK_STR(g, ">|<!|");
	gaps_of("Sở Giáo dục và Đào tạo", g); /* any case */
	CHECK_STR(g, ">|<!|");
	gaps_of("ỦY BAN NHÂN DÂN TỈNH AN GIANG", g); /* the unit's end, then a unit: before wins */
	CHECK_STR(g, "|||<>|");
	gaps_of("CÔNG ĐOÀN CƠ SỞ TRƯỜNG", g); /* SỞ inside CƠ SỞ begins nothing */
	CHECK_STR(g, "|>|<");
	gaps_of("TỈNH AN GIANG VÀ BAN CHỈ ĐẠO", g); /* after VÀ stays bad before a unit */
	CHECK_STR(g, ">|<!||");
	gaps_of("(AN GIANG), CHÍNH, TRỊ", g); /* no phrase across a comma */
	CHECK_STR(g, "|__");
	/* a phrase listed twice keeps both kinds; an empty one is refused */
	struct brk_words *w = brk_words_new();
	CHECK(brk_words_add(w, "  xã  ", PHRASE_UNIT));
	CHECK(!brk_words_add(w, "   ", PHRASE_COMPOUND));
	brk_words_free(w);
}

/* The lines of a centred upper-case paragraph set in a column `width` wide,
 * joined by " / " (words of a line joined by spaces). */
static char *set_centred(const char *text, int32_t size, enum face face, int32_t width)
{
	struct blocks b = {0};
	struct para_style st = {.size = size, .leading = size * 6 / 5, .align = ALIGN_CENTER,
				.upper = true};
	struct block *blk = blocks_para(&b, &st);
	markup_parse(text, face, false, NULL, &blk->runs);
	struct page_style ps = {.width = width + 20000, .height = 841890, .top = 20000,
				.bottom = 20000, .left = 10000, .right = 10000};
	struct dlist *dl = dlist_new();
	typeset(fs, &ps, &b, dl);
	struct buf out = {0};
	int32_t y = INT32_MIN;
	const struct dl_page *pg = &dl->pages[0];
	for (size_t i = 0; i < pg->nops; i++) {
		const struct dl_op *op = &pg->ops[i];
		if (op->kind != DL_TEXT)
			continue;
		if (out.len)
			buf_adds(&out, op->y != y ? " / " : " ");
		buf_adds(&out, op->text);
		y = op->y;
	}
	dlist_free(dl);
	blocks_free(&b);
	return buf_steal(&out);
}

/* The width of text set on one line, times num/den. */
static int32_t share_of(const char *text, int32_t size, enum face face, int num, int den)
{
	char *u = text_upper(text);
	int32_t w = font_width(fs, face, size, u, strlen(u));
	free(u);
	return (int32_t)((int64_t)w * num / den);
}

static void check_header(const char *text, int32_t size, int num, int den, const char *want)
{
	char *got = set_centred(text, size, FACE_BOLD, share_of(text, size, FACE_BOLD, num, den));
	CHECK_STR(got, want);
	free(got);
}

static void headers_break_where_a_reader_would(void)
{
	/* the three, in columns a little narrower than the name */
	check_header("Sở Giáo dục và Đào tạo", 13000, 9, 10, "SỞ GIÁO DỤC / VÀ ĐÀO TẠO");
	check_header("Công đoàn Viên chức tỉnh An Giang", 12000, 8, 10,
		     "CÔNG ĐOÀN VIÊN CHỨC / TỈNH AN GIANG");
	check_header("Đảng ủy Trường Chính trị Tôn Đức Thắng", 14000, 7, 10,
		     "ĐẢNG ỦY TRƯỜNG CHÍNH TRỊ / TÔN ĐỨC THẮNG");
	/* and others */
	check_header("Ủy ban nhân dân tỉnh An Giang", 12000, 8, 10, "ỦY BAN NHÂN DÂN / TỈNH AN GIANG");
	check_header("Trường Chính trị Tôn Đức Thắng", 12000, 8, 10, "TRƯỜNG CHÍNH TRỊ / TÔN ĐỨC THẮNG");
	check_header("Ủy ban nhân dân huyện Châu Thành", 12000, 8, 10,
		     "ỦY BAN NHÂN DÂN / HUYỆN CHÂU THÀNH");
	check_header("Phòng Giáo dục và Đào tạo huyện Thoại Sơn", 12000, 7, 10,
		     "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO / HUYỆN THOẠI SƠN");
	check_header("Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh", 14000, 7, 10,
		     "ĐẢNG BỘ KHỐI CƠ QUAN / VÀ DOANH NGHIỆP TỈNH");
	/* a line break in the input is always honoured, the rest balanced */
	char *got = set_centred("Đảng ủy\nTrường Chính trị Tôn Đức Thắng", 14000, FACE_BOLD, 400000);
	CHECK_STR(got, "ĐẢNG ỦY / TRƯỜNG CHÍNH TRỊ TÔN ĐỨC THẮNG");
	free(got);
	/* three lines, when two cannot fit */
	check_header("Công đoàn cơ sở Trường Chính trị Tôn Đức Thắng", 12000, 4, 10,
		     "CÔNG ĐOÀN CƠ SỞ / TRƯỜNG CHÍNH TRỊ / TÔN ĐỨC THẮNG");
}

static void compound_wider_than_the_column_breaks_after_all(void)
{
	/* "TÔN ĐỨC THẮNG" alone is wider than the column: rather than cross
	 * the margin, the compound breaks */
	int32_t w = share_of("Tôn Đức", 12000, FACE_BOLD, 21, 20), w2 = share_of("Chính trị", 12000, FACE_BOLD, 21, 20);
	char *got = set_centred("Trường Chính trị Tôn Đức Thắng", 12000, FACE_BOLD, w > w2 ? w : w2);
	CHECK_STR(got, "TRƯỜNG / CHÍNH TRỊ / TÔN ĐỨC / THẮNG"); /* CHÍNH TRỊ fits: whole */
	free(got);
}

static void fixed_boxes_use_the_same_breaker(void)
{
	struct typeset_lines tl;
	/* the narrowest two lines of a union's name, as a certificate field */
	CHECK(typeset_lines_narrowest(fs, FACE_BOLD, 15000, "CÔNG ĐOÀN VIÊN CHỨC TỈNH AN GIANG", 2, &tl));
	CHECK_INT(tl.n, 2);
	if (tl.n == 2) {
		CHECK_STR(tl.v[0], "CÔNG ĐOÀN VIÊN CHỨC");
		CHECK_STR(tl.v[1], "TỈNH AN GIANG");
		CHECK_INT(tl.widest, font_width(fs, FACE_BOLD, 15000, tl.v[0], strlen(tl.v[0])));
		CHECK(tl.penalty < 0); /* it broke before a unit */
	}
	typeset_lines_free(&tl);
	/* at a given width: the fewest lines, forced breaks kept */
	CHECK(typeset_lines_at(fs, FACE_REGULAR, 12000, "Khoa Dân vận\nTrường Chính trị", 400000, &tl));
	CHECK_INT(tl.n, 2);
	typeset_lines_free(&tl);
	/* a word wider than the width: no lines */
	CHECK(!typeset_lines_at(fs, FACE_REGULAR, 12000, "Nghiêng", 1000, &tl));
	CHECK_INT(tl.n, 0);
	CHECK(!typeset_lines_narrowest(fs, FACE_REGULAR, 12000, "   ", 2, &tl));
}

int main(void)
{
	fs = unit_fonts();
	words_file = brk_words_load("layouts/line-breaks.yaml");
	if (!words_file) {
		puts("not ok - brk_words_load(layouts/line-breaks.yaml)");
		return 1;
	}
	brk_words_use(words_file);
	RUN(balanced_evens_the_lines);
	RUN(balanced_prefers_negative_penalties);
	RUN(balanced_keeps_forced_breaks);
	RUN(words_classify_spaces);
	RUN(headers_break_where_a_reader_would);
	RUN(compound_wider_than_the_column_breaks_after_all);
	RUN(fixed_boxes_use_the_same_breaker);
	RUN(optimal_beats_first_fit);
	RUN(optimal_matches_brute_force);
	RUN(forced_breaks);
	RUN(forbidden_breaks);
	RUN(penalty_width);
	RUN(first_line_width);
	RUN(overfull_reported);
	RUN(empty_and_odd_input);
	RUN(same_input_same_output);
	RUN(fifty_thousand_words_fast);
	brk_words_use(NULL);
	brk_words_free(words_file);
	fontset_free(fs);
	UNIT_EXIT();
}
