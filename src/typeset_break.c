/* typeset_break.c — Knuth–Plass total-fit and first-fit line breaking.
 *
 * Total fit keeps a list of "active" breakpoints: places a line may end at
 * from which a later line can still be set. Each item that may be a break is
 * tried against every active node; a node dies when the line from it would be
 * overfull, so the list only spans about one line of text and the whole run
 * is linear in the paragraph. Running sums of width/stretch/shrink make each
 * try O(1). Nodes live in a pool with a free list; the chain of chosen
 * breaks is kept in a separate append-only "trail" so dead nodes can be
 * recycled while their ancestors stay reachable.
 *
 * Two passes at most: the first rejects lines above `tolerance` (this only
 * prunes the search); if that leaves no way to the end, a second pass accepts
 * every line, overfull ones included, minimising first the total overfull
 * width and then demerits. */
#include "typeset_break.h"

#include <math.h>
#include <stdlib.h>

#include "util.h"

#define NONE SIZE_MAX
#define BAD_MAX 1e6 /* badness of a line that cannot be justified at all */
/* Real text keeps a few hundred nodes at most (one line of breakpoints times
 * four fitness classes). Zero-width items could keep every node alive and
 * make the run quadratic, so beyond this the oldest nodes are dropped. */
#define MAX_ACTIVE 1000

enum fitness { FIT_VERY_LOOSE, FIT_LOOSE, FIT_DECENT, FIT_TIGHT, FIT_COUNT };

struct sums {
	int64_t w, y, z; /* width, stretch, shrink */
};

/* How one candidate line sets. */
struct fit {
	double ratio, badness;
	int64_t excess; /* millipoints beyond the line even at ratio -1 */
	bool overfull;
	bool shrinking;
};

void brk_params_default(struct brk_params *p, int32_t width)
{
	p->width = width;
	p->first_width = width;
	p->tolerance = 200;
	p->line_penalty = 50;
	p->adj_demerits = 10000;
}

struct brk_item brk_space(int32_t space)
{
	return (struct brk_item){BRK_GLUE, space, space / 2, space / 3, 0};
}

/* Index just after the last box: the paragraph proper (trailing glue and
 * penalties are dropped). 0 if there is no box. */
static size_t para_end(const struct brk_item *items, size_t n)
{
	while (n > 0 && items[n - 1].type != BRK_BOX)
		n--;
	return n;
}

static bool is_forced(const struct brk_item *items, size_t end, size_t b)
{
	return b >= end || (items[b].type == BRK_PENALTY && items[b].penalty <= -BRK_INF);
}

/* First item of the line after a break at b: the next box, or `end`. */
static size_t after_break(const struct brk_item *items, size_t end, size_t b)
{
	size_t s = b + 1;
	while (s < end && items[s].type != BRK_BOX)
		s++;
	return s < end ? s : end;
}

static double badness(double r)
{
	r = fabs(r);
	if (r >= 100)
		return BAD_MAX;
	double b = 100 * r * r * r;
	return b < BAD_MAX ? b : BAD_MAX;
}

/* Sets a line of natural width w with stretch y and shrink z on `target`. */
static struct fit fit_line(int64_t w, int64_t y, int64_t z, int32_t target, bool ragged)
{
	struct fit f = {0, 0, 0, false, false};
	int64_t shortfall = (int64_t)target - w;
	if (shortfall > 0 && !ragged) {
		if (y > 0) {
			f.ratio = (double)shortfall / (double)y;
			f.badness = badness(f.ratio);
		} else {
			f.badness = BAD_MAX; /* nothing can stretch: leave it short */
		}
	} else if (shortfall < 0) {
		int64_t over = -shortfall, can = z > 0 ? z : 0;
		f.shrinking = true;
		if (over > can) {
			f.overfull = true;
			f.excess = over - can;
			f.ratio = -1;
			f.badness = BAD_MAX;
		} else {
			f.ratio = -(double)over / (double)can;
			f.badness = badness(f.ratio);
		}
	}
	return f;
}

/* TeX's fitness classes (badness 12 ~ ratio 0.5, 99 ~ ratio 1). */
static int fitness_of(const struct fit *f)
{
	if (f->shrinking)
		return f->badness > 12 ? FIT_TIGHT : FIT_DECENT;
	if (f->badness > 99)
		return FIT_VERY_LOOSE;
	return f->badness > 12 ? FIT_LOOSE : FIT_DECENT;
}

static double line_demerits(const struct brk_params *p, double bad, int32_t penalty)
{
	double x = p->line_penalty + bad, d = x * x, pen = penalty;
	if (penalty > 0)
		d += pen * pen;
	else if (penalty > -BRK_INF)
		d -= pen * pen;
	return d;
}

/* Natural width, stretch and shrink of items [start, e), plus the width of
 * the penalty at e if the line breaks there. */
static struct sums measure(const struct brk_item *items, size_t end, size_t start, size_t e)
{
	struct sums s = {0, 0, 0};
	for (size_t i = start; i < e; i++) {
		if (items[i].type == BRK_PENALTY)
			continue;
		s.w += items[i].width;
		if (items[i].type == BRK_GLUE) {
			s.y += items[i].stretch;
			s.z += items[i].shrink;
		}
	}
	if (e < end && items[e].type == BRK_PENALTY)
		s.w += items[e].width;
	return s;
}

/* Turns break positions into lines (xmalloc'd array of count). */
static struct brk_line *make_lines(const struct brk_item *items, size_t end,
				   const struct brk_params *p, const size_t *breaks, size_t count,
				   bool *overfull)
{
	struct brk_line *lines = xmalloc(count * sizeof *lines);
	bool any = false;
	size_t start = 0;
	for (size_t k = 0; k < count; k++) {
		size_t e = breaks[k];
		if (start > e)
			start = e; /* empty line between two forced breaks */
		struct sums s = measure(items, end, start, e);
		bool ragged = is_forced(items, end, e);
		struct fit f = fit_line(s.w, s.y, s.z, k == 0 ? p->first_width : p->width, ragged);
		lines[k] = (struct brk_line){start, e, f.ratio, ragged, f.overfull};
		any |= f.overfull;
		start = after_break(items, end, e);
	}
	if (overfull)
		*overfull = any;
	return lines;
}

/* ---- total fit ---------------------------------------------------------- */

struct node {
	size_t start;     /* first item of the line after this break */
	struct sums at;   /* sums of items [0, start) */
	double total;     /* demerits of the best paragraph up to this break */
	int64_t excess;   /* overfull millipoints on that paragraph (second pass) */
	size_t trail;     /* this break in the trail; NONE: paragraph start */
	int fitness;      /* of the line ending here */
	size_t next;      /* active list, or free list */
};

struct trail {
	size_t pos, prev;
};

struct candidate {
	double total;
	int64_t excess;
	size_t trail; /* predecessor's trail entry */
	bool set;
};

struct kp {
	const struct brk_item *items;
	size_t end;
	const struct brk_params *p;
	double tolerance;
	bool last_pass;

	struct node *pool;
	size_t pool_len, pool_cap, free_list;
	size_t head, tail, active;
	struct trail *trail;
	size_t trail_len, trail_cap;

	struct sums t;       /* sums of items [0, current) */
	size_t skip_to;      /* cache of after_break(): consecutive breaks share it */
	struct sums skip_at; /* sums of items [0, skip_to) */
};

static bool better(int64_t ex, double d, int64_t best_ex, double best_d)
{
	return ex < best_ex || (ex == best_ex && d < best_d);
}

static size_t node_new(struct kp *k)
{
	size_t i;
	if (k->free_list != NONE) {
		i = k->free_list;
		k->free_list = k->pool[i].next;
	} else {
		grow(&k->pool, &k->pool_cap, k->pool_len + 1, sizeof *k->pool);
		i = k->pool_len++;
	}
	k->pool[i].next = NONE;
	k->active++;
	if (k->tail == NONE)
		k->head = i;
	else
		k->pool[k->tail].next = i;
	k->tail = i;
	return i;
}

/* Start of the line after a break at b (called while k->t is the sums
 * before b), with the sums there. */
static size_t kp_after(struct kp *k, size_t b, struct sums *at)
{
	if (k->skip_to != NONE && b + 1 <= k->skip_to) {
		*at = k->skip_at;
		return k->skip_to;
	}
	struct sums s = k->t;
	size_t i = b;
	for (; i < k->end && (i == b || k->items[i].type != BRK_BOX); i++) {
		if (k->items[i].type == BRK_GLUE) {
			s.w += k->items[i].width;
			s.y += k->items[i].stretch;
			s.z += k->items[i].shrink;
		}
	}
	k->skip_to = i;
	k->skip_at = s;
	*at = s;
	return i;
}

/* Tries every active node against a break at b with the given penalty and
 * penalty width; retires nodes that can reach no further and records the
 * best new node per fitness class. */
static void kp_try(struct kp *k, size_t b, int32_t penalty, int32_t pwidth)
{
	const struct brk_params *p = k->p;
	bool forced = is_forced(k->items, k->end, b);
	struct candidate best[FIT_COUNT] = {{0}};
	size_t prev = NONE;

	for (size_t a = k->head; a != NONE;) {
		struct node *nd = &k->pool[a];
		int64_t w = pwidth, y = 0, z = 0;
		if (b >= nd->start) {
			w += k->t.w - nd->at.w;
			y = k->t.y - nd->at.y;
			z = k->t.z - nd->at.z;
		}
		int32_t target = nd->trail == NONE ? p->first_width : p->width;
		struct fit f = fit_line(w, y, z, target, forced);
		if (k->last_pass || (!f.overfull && f.badness <= k->tolerance)) {
			int fc = fitness_of(&f);
			double d = nd->total + line_demerits(p, f.badness, penalty);
			if (abs(fc - nd->fitness) > 1)
				d += p->adj_demerits;
			int64_t ex = nd->excess + f.excess;
			struct candidate *c = &best[fc];
			if (!c->set || better(ex, d, c->excess, c->total))
				*c = (struct candidate){d, ex, nd->trail, true};
		}
		size_t next = nd->next;
		if (f.overfull || forced) { /* longer lines from here only get worse */
			if (prev == NONE)
				k->head = next;
			else
				k->pool[prev].next = next;
			if (k->tail == a)
				k->tail = prev;
			nd->next = k->free_list;
			k->free_list = a;
			k->active--;
		} else {
			prev = a;
		}
		a = next;
	}

	/* A class worse than the best by more than adj_demerits can never win. */
	int lead = -1;
	for (int fc = 0; fc < FIT_COUNT; fc++)
		if (best[fc].set && (lead < 0 || better(best[fc].excess, best[fc].total,
							best[lead].excess, best[lead].total)))
			lead = fc;
	if (lead < 0)
		return;
	struct sums at;
	size_t start = kp_after(k, b, &at);
	for (int fc = 0; fc < FIT_COUNT; fc++) {
		struct candidate *c = &best[fc];
		if (!c->set || c->excess != best[lead].excess ||
		    c->total > best[lead].total + p->adj_demerits)
			continue;
		grow(&k->trail, &k->trail_cap, k->trail_len + 1, sizeof *k->trail);
		k->trail[k->trail_len] = (struct trail){b, c->trail};
		size_t i = node_new(k);
		k->pool[i] = (struct node){start, at, c->total, c->excess, k->trail_len, fc, NONE};
		k->trail_len++;
	}
	while (k->active > MAX_ACTIVE) { /* the newest nodes stay: never empties */
		size_t a = k->head;
		k->head = k->pool[a].next;
		k->pool[a].next = k->free_list;
		k->free_list = a;
		k->active--;
	}
}

/* One pass over the paragraph; false if no way through was found. */
static bool kp_pass(struct kp *k)
{
	const struct brk_item *items = k->items;
	k->pool_len = 0;
	k->free_list = k->head = k->tail = NONE;
	k->active = 0;
	k->trail_len = 0;
	k->t = (struct sums){0, 0, 0};
	k->skip_to = NONE;
	size_t i = node_new(k);
	k->pool[i] = (struct node){0, {0, 0, 0}, 0, 0, NONE, FIT_DECENT, NONE};

	for (size_t b = 0; b < k->end; b++) {
		const struct brk_item *it = &items[b];
		switch (it->type) {
		case BRK_BOX:
			k->t.w += it->width;
			break;
		case BRK_GLUE:
			if (b > 0 && items[b - 1].type == BRK_BOX)
				kp_try(k, b, 0, 0);
			k->t.w += it->width;
			k->t.y += it->stretch;
			k->t.z += it->shrink;
			break;
		case BRK_PENALTY:
			if (it->penalty < BRK_INF)
				kp_try(k, b, it->penalty, it->width);
			break;
		}
		if (k->head == NONE)
			return false;
	}
	kp_try(k, k->end, -BRK_INF, 0);
	return k->head != NONE;
}

size_t brk_paragraph(const struct brk_item *items, size_t n, const struct brk_params *p,
		     struct brk_line **lines, bool *overfull)
{
	*lines = NULL;
	if (overfull)
		*overfull = false;
	size_t end = para_end(items, n);
	if (end == 0)
		return 0;

	struct kp k = {.items = items, .end = end, .p = p, .tolerance = p->tolerance};
	if (!kp_pass(&k)) {
		k.last_pass = true;
		kp_pass(&k); /* accepts every line, so it always gets through */
	}

	/* Every active node now ends the paragraph; take the best. */
	size_t win = k.head;
	for (size_t a = k.head; a != NONE; a = k.pool[a].next)
		if (better(k.pool[a].excess, k.pool[a].total, k.pool[win].excess, k.pool[win].total))
			win = a;

	size_t count = 0;
	for (size_t t = k.pool[win].trail; t != NONE; t = k.trail[t].prev)
		count++;
	size_t *breaks = xmalloc(count * sizeof *breaks);
	size_t j = count;
	for (size_t t = k.pool[win].trail; t != NONE; t = k.trail[t].prev)
		breaks[--j] = k.trail[t].pos;
	*lines = make_lines(items, end, p, breaks, count, overfull);
	free(breaks);
	free(k.pool);
	free(k.trail);
	return count;
}

/* ---- first fit ---------------------------------------------------------- */

size_t brk_greedy(const struct brk_item *items, size_t n, const struct brk_params *p,
		  struct brk_line **lines, bool *overfull)
{
	*lines = NULL;
	if (overfull)
		*overfull = false;
	size_t end = para_end(items, n);
	if (end == 0)
		return 0;

	size_t *breaks = NULL, count = 0, cap = 0;
	struct sums s = {0, 0, 0};
	size_t last_ok = NONE;
	bool started = true; /* false while discarding glue after a break */
	size_t b = 0;
	while (b <= end) {
		int32_t pwidth = 0;
		bool can_break = false;
		if (b == end) {
			can_break = true;
		} else {
			const struct brk_item *it = &items[b];
			if (it->type == BRK_BOX) {
				started = true;
				s.w += it->width;
			} else if (it->type == BRK_GLUE) {
				can_break = b > 0 && items[b - 1].type == BRK_BOX;
			} else if (it->penalty < BRK_INF) {
				can_break = true;
				pwidth = it->width;
			}
		}
		if (can_break) {
			bool forced = is_forced(items, end, b);
			int32_t target = count == 0 ? p->first_width : p->width;
			struct fit f = fit_line(s.w + pwidth, s.y, s.z, target, forced);
			size_t brk = NONE;
			if (!f.overfull) {
				last_ok = b;
				if (forced)
					brk = b;
			} else {
				brk = last_ok != NONE ? last_ok : b;
			}
			if (brk != NONE) {
				grow(&breaks, &cap, count + 1, sizeof *breaks);
				breaks[count++] = brk;
				if (brk == end)
					break;
				/* rescan from the break: at most one line is read twice */
				b = brk + 1;
				s = (struct sums){0, 0, 0};
				last_ok = NONE;
				started = false;
				continue;
			}
		}
		if (b < end && items[b].type == BRK_GLUE && started) {
			s.w += items[b].width;
			s.y += items[b].stretch;
			s.z += items[b].shrink;
		}
		b++;
	}
	*lines = make_lines(items, end, p, breaks, count, overfull);
	free(breaks);
	return count;
}

/* ---- evaluation --------------------------------------------------------- */

double brk_demerits(const struct brk_item *items, size_t n, const struct brk_params *p,
		    const struct brk_line *lines, size_t nlines)
{
	size_t end = para_end(items, n);
	double total = 0;
	int prev_fit = FIT_DECENT;
	for (size_t k = 0; k < nlines; k++) {
		size_t e = lines[k].end;
		if (e > end || lines[k].start > e)
			return INFINITY;
		struct sums s = measure(items, end, lines[k].start, e);
		bool forced = is_forced(items, end, e);
		struct fit f = fit_line(s.w, s.y, s.z, k == 0 ? p->first_width : p->width, forced);
		int32_t pen = e < end && items[e].type == BRK_PENALTY ? items[e].penalty : 0;
		if (e == end)
			pen = -BRK_INF;
		int fc = fitness_of(&f);
		total += line_demerits(p, f.badness, pen);
		if (abs(fc - prev_fit) > 1)
			total += p->adj_demerits;
		prev_fit = fc;
	}
	return total;
}

/* ---- balanced ----------------------------------------------------------- */

struct bal {
	size_t pos;    /* the break (NONE: the paragraph's start) */
	size_t start;  /* first item of the line after it */
	size_t lines;  /* of the best way here; SIZE_MAX: unreachable */
	double cost;
	size_t prev;   /* the break before, in the candidate array */
};

static double bal_line_cost(int64_t w, int32_t target)
{
	if (target <= 0 || w >= target)
		return 0;
	double s = (double)(target - w) / target;
	return 100 * s * s;
}

/* The breaks that may be taken, the start first and the end last. */
static size_t bal_candidates(const struct brk_item *items, size_t end, struct bal **out)
{
	struct bal *c = NULL;
	size_t n = 0, cap = 0;
	grow(&c, &cap, 1, sizeof *c);
	c[n++] = (struct bal){NONE, 0, 0, 0, NONE};
	for (size_t b = 0; b <= end; b++) {
		bool ok = b == end ||
			  (items[b].type == BRK_GLUE && b > 0 && items[b - 1].type == BRK_BOX) ||
			  (items[b].type == BRK_PENALTY && items[b].penalty < BRK_INF);
		if (!ok)
			continue;
		grow(&c, &cap, n + 1, sizeof *c);
		c[n++] = (struct bal){b, after_break(items, end, b), SIZE_MAX, 0, NONE};
	}
	*out = c;
	return n;
}

/* pre[k]: the sums of the boxes and glue of items [0, k), so that a line's
 * measure costs two look-ups, not a walk over its items. */
static struct sums *prefix_sums(const struct brk_item *items, size_t end)
{
	struct sums *pre = xmalloc((end + 1) * sizeof *pre);
	pre[0] = (struct sums){0, 0, 0};
	for (size_t i = 0; i < end; i++) {
		pre[i + 1] = pre[i];
		if (items[i].type == BRK_PENALTY)
			continue;
		pre[i + 1].w += items[i].width;
		if (items[i].type == BRK_GLUE) {
			pre[i + 1].y += items[i].stretch;
			pre[i + 1].z += items[i].shrink;
		}
	}
	return pre;
}

/* measure() of items [start, e) from the prefix sums. */
static struct sums measure_fast(const struct brk_item *items, const struct sums *pre, size_t end,
				size_t start, size_t e)
{
	struct sums s = {pre[e].w - pre[start].w, pre[e].y - pre[start].y, pre[e].z - pre[start].z};
	if (e < end && items[e].type == BRK_PENALTY)
		s.w += items[e].width;
	return s;
}

/* Tries the line from candidate i to candidate j; false when it (and so
 * every line from further back) is too long. */
static bool bal_try(const struct brk_item *items, const struct sums *pre, size_t end,
		    const struct brk_params *p, struct bal *c, size_t i, size_t j)
{
	size_t e = c[j].pos;
	size_t s = c[i].start <= e ? c[i].start : e;
	struct sums m = measure_fast(items, pre, end, s, e);
	int32_t widest = p->width > p->first_width ? p->width : p->first_width;
	if (m.w - m.z > widest)
		return false;
	int32_t target = i == 0 ? p->first_width : p->width;
	if (c[i].lines == SIZE_MAX || m.w - m.z > target)
		return true;
	int32_t pen = !is_forced(items, end, e) && items[e].type == BRK_PENALTY ? items[e].penalty : 0;
	size_t ln = c[i].lines + 1;
	double cost = c[i].cost + bal_line_cost(m.w, target) + pen;
	if (ln < c[j].lines || (ln == c[j].lines && cost < c[j].cost)) {
		c[j].lines = ln;
		c[j].cost = cost;
		c[j].prev = i;
	}
	return true;
}

size_t brk_balanced(const struct brk_item *items, size_t n, const struct brk_params *p,
		    struct brk_line **lines)
{
	*lines = NULL;
	size_t end = para_end(items, n);
	if (end == 0)
		return 0;
	struct bal *c;
	size_t nc = bal_candidates(items, end, &c);
	struct sums *pre = prefix_sums(items, end);
	for (size_t j = 1; j < nc; j++)
		for (size_t i = j; i-- > 0;)
			if (!bal_try(items, pre, end, p, c, i, j) || (i > 0 && is_forced(items, end, c[i].pos)))
				break; /* too long, or a forced break: no line runs across one */
	free(pre);
	size_t count = c[nc - 1].lines;
	if (count == SIZE_MAX) {
		free(c);
		return 0;
	}
	size_t *breaks = xmalloc(count * sizeof *breaks), k = count;
	for (size_t j = nc - 1; j != 0; j = c[j].prev)
		breaks[--k] = c[j].pos;
	*lines = make_lines(items, end, p, breaks, count, NULL);
	free(breaks);
	free(c);
	return count;
}

/* The narrowest measure at which brk_balanced() finds at most max_lines
 * lines: the least, over the breakings into that many lines or fewer, of
 * their longest line (shrunk as far as it may). One pass over the
 * candidates per line count instead of a search over measures. */
int64_t brk_narrowest(const struct brk_item *items, size_t n, size_t max_lines)
{
	size_t end = para_end(items, n);
	if (end == 0 || max_lines == 0)
		return -1;
	struct bal *c;
	size_t nc = bal_candidates(items, end, &c);
	struct sums *pre = prefix_sums(items, end);
	int64_t *prev = xmalloc(nc * sizeof *prev), *cur = xmalloc(nc * sizeof *cur);
	for (size_t j = 0; j < nc; j++)
		prev[j] = j == 0 ? 0 : INT64_MAX;
	int64_t best = INT64_MAX;
	for (size_t k = 1; k <= max_lines; k++) {
		cur[0] = INT64_MAX;
		for (size_t j = 1; j < nc; j++) {
			cur[j] = INT64_MAX;
			size_t e = c[j].pos;
			for (size_t i = j; i-- > 0;) {
				size_t st = c[i].start <= e ? c[i].start : e;
				struct sums m = measure_fast(items, pre, end, st, e);
				int64_t len = m.w - m.z;
				if (len >= cur[j])
					break; /* longer still from further back */
				if (prev[i] != INT64_MAX) {
					int64_t w = prev[i] > len ? prev[i] : len;
					if (w < cur[j])
						cur[j] = w;
				}
				if (i > 0 && is_forced(items, end, c[i].pos))
					break; /* no line runs across a forced break */
			}
		}
		if (cur[nc - 1] < best)
			best = cur[nc - 1];
		int64_t *t = prev;
		prev = cur;
		cur = t;
	}
	free(prev);
	free(cur);
	free(pre);
	free(c);
	return best == INT64_MAX ? -1 : best;
}
