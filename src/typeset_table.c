/* typeset_table.c — tables: building them, column widths from content,
 * rows laid out once each (linear in the number of rows), grid borders,
 * and rows taller than a page cut into pieces. Pagination (typeset_page.c)
 * repeats the header rows. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "diag.h"
#include "typeset_vlist.h"
#include "util.h"

struct block *blocks_table(struct blocks *b, size_t ncols)
{
	struct para_style none = {0};
	struct block *blk = blocks_para(b, &none);
	blk->kind = BLK_TABLE;
	blk->table = xcalloc(1, sizeof *blk->table);
	blk->table->cols = xcalloc(ncols ? ncols : 1, sizeof *blk->table->cols);
	blk->table->ncols = ncols;
	return blk;
}

struct table_row *table_add_row(struct table *t)
{
	grow(&t->rows, &t->rcap, t->nrows + 1, sizeof *t->rows);
	struct table_row *row = &t->rows[t->nrows++];
	row->cells = xcalloc(t->ncols ? t->ncols : 1, sizeof *row->cells);
	row->ncells = t->ncols;
	for (size_t i = 0; i < t->ncols; i++)
		row->cells[i].span = 1;
	return row;
}

void table_free(struct table *t)
{
	if (!t)
		return;
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->rows[r].ncells; c++)
			blocks_free(&t->rows[r].cells[c].blocks);
		free(t->rows[r].cells);
	}
	free(t->rows);
	for (size_t j = 0; j < t->ncols; j++)
		free(t->cols[j].title);
	free(t->cols);
	free(t->name);
	free(t);
}

/* --- column widths --------------------------------------------------------
 * Widths are between the centres of the column's boundary lines, so the
 * content box of a column is its width less one rule and two paddings. */

/* Adds total * weight[j] / sum(weight) to w[j] for the auto columns,
 * rounding cumulatively so that exactly `total` is handed out. */
static void share(int32_t *w, const bool *is_auto, const int64_t *weight, size_t n, int64_t total)
{
	int64_t sum = 0, acc = 0, given = 0;
	for (size_t j = 0; j < n; j++)
		sum += is_auto[j] ? weight[j] : 0;
	for (size_t j = 0; j < n; j++) {
		if (!is_auto[j])
			continue;
		acc += sum ? weight[j] : 1;
		int64_t upto = sum ? total * acc / sum : total;
		w[j] += (int32_t)(upto - given);
		given = upto;
		if (!sum)
			break; /* nothing to weigh: the first auto column takes it */
	}
}

/* Measures one cell covering columns [col, col + span) into the bounds;
 * *own (if not NULL) gets the cell's min. */
static void measure_cell(const struct fontset *fs, const struct table *t, const struct table_cell *cell,
			 size_t col, size_t span, int64_t *min, int64_t *max, int32_t *own, int32_t *own_max)
{
	int32_t extra = t->rule + 2 * t->pad_x;
	int64_t lo = 0, hi = 0;
	for (size_t k = 0; k < cell->blocks.n; k++) {
		if (cell->blocks.v[k].kind != BLK_PARA)
			continue;
		int32_t a, b;
		para_measure(fs, &cell->blocks.v[k], &a, &b);
		lo = a > lo ? a : lo;
		hi = b > hi ? b : hi;
	}
	lo += extra;
	hi += extra;
	if (own) {
		*own = (int32_t)lo;
		*own_max = (int32_t)hi;
	}
	int64_t have_lo = 0, have_hi = 0;
	size_t nauto = 0;
	for (size_t j = col; j < col + span; j++) {
		have_lo += t->cols[j].width ? t->cols[j].width : min[j];
		have_hi += t->cols[j].width ? t->cols[j].width : max[j];
		nauto += !t->cols[j].width;
	}
	/* a spanning cell's rules and paddings between its columns are its own room */
	lo -= (int64_t)(span - 1) * extra;
	hi -= (int64_t)(span - 1) * extra;
	for (size_t j = col; j < col + span && nauto; j++) {
		if (t->cols[j].width)
			continue;
		if (lo > have_lo)
			min[j] += (lo - have_lo + (int64_t)nauto - 1) / (int64_t)nauto;
		if (hi > have_hi)
			max[j] += (hi - have_hi + (int64_t)nauto - 1) / (int64_t)nauto;
	}
}

/* Each auto column's min (widest word) and max (widest unbroken cell
 * text), from every row: each cell is measured once, and cell_min keeps
 * each span-1 cell's own min and max (rows x cols) for the cut check and
 * the caps once the widths are known. A cell spanning columns that needs more than their
 * mins together widens them evenly (spans counted, as CSS does). */
static void measure(const struct fontset *fs, const struct table *t, int64_t *min, int64_t *max,
		    int32_t *cell_min, int32_t *cell_max)
{
	int32_t extra = t->rule + 2 * t->pad_x;
	size_t n = t->ncols;
	for (size_t j = 0; j < n; j++)
		min[j] = max[j] = extra;
	for (int pass = 0; pass < 2; pass++) /* span 1 first, then the spans */
		for (size_t r = 0; r < t->nrows; r++) {
			size_t col = 0;
			for (size_t c = 0; c < t->rows[r].ncells && col < n; c++) {
				const struct table_cell *cell = &t->rows[r].cells[c];
				size_t span = cell->span > 0 ? (size_t)cell->span : 1;
				if (col + span > n)
					span = n - col;
				if ((span == 1) == (pass == 0))
					measure_cell(fs, t, cell, col, span, min, max,
						     span == 1 ? &cell_min[r * n + col] : NULL,
						     &cell_max[r * n + col]);
				col += span;
			}
		}
	for (size_t j = 0; j < n; j++) {
		const struct table_col *tc = &t->cols[j];
		if (tc->min && min[j] < tc->min)
			min[j] = tc->min;
		if (tc->max && max[j] > tc->max)
			max[j] = tc->max;
		if (max[j] < min[j])
			max[j] = min[j];
	}
}

/* The preferred widths, capped at max_share of the table: a wrapping
 * column's max is at most the cap (so one long cell cannot take all the
 * slack), and a nowrap column's is its widest cell within the cap (never
 * less than its min), which is also its min — names stay on one line, and
 * only one longer than the cap wraps, in its own row, without widening
 * the column for the others. */
static void cap_shares(const struct table *t, int64_t avail, int64_t *min, int64_t *max,
		       const int32_t *cell_max)
{
	double share = t->max_share > 0 ? t->max_share : TABLE_MAX_SHARE;
	int64_t cap = (int64_t)(share * (double)avail);
	size_t n = t->ncols;
	for (size_t j = 0; j < n; j++) {
		if (max[j] > cap && !t->cols[j].nowrap)
			max[j] = cap > min[j] ? cap : min[j];
		if (max[j] > cap) {
			max[j] = min[j];
			for (size_t r = 0; r < t->nrows; r++)
				if (cell_max[r * n + j] <= cap && cell_max[r * n + j] > max[j])
					max[j] = cell_max[r * n + j];
		}
		if (t->cols[j].nowrap)
			min[j] = max[j];
	}
}

/* Columns that do not fit even at their min: the narrow ones keep their
 * width, the wide ones share what is left equally (the widest word of a
 * wide column is then cut), so no column is squeezed to nothing. */
static void narrow(int32_t *w, const int64_t *want, size_t n, int64_t avail)
{
	int64_t lo = 0, hi = avail; /* the largest cap with sum(min(want, cap)) <= avail */
	while (lo < hi) {
		int64_t mid = lo + (hi - lo + 1) / 2, sum = 0;
		for (size_t j = 0; j < n; j++)
			sum += want[j] < mid ? want[j] : mid;
		if (sum <= avail)
			lo = mid;
		else
			hi = mid - 1;
	}
	int64_t used = 0;
	size_t capped = 0;
	for (size_t j = 0; j < n; j++) {
		w[j] = (int32_t)(want[j] < lo ? want[j] : lo);
		used += w[j];
		capped += want[j] >= lo;
	}
	for (size_t j = 0; j < n && used < avail; j++) /* rounding: the capped ones take it */
		if (want[j] >= lo && capped) {
			w[j]++;
			used++;
		}
}

/* Fills w[0..ncols): fixed columns keep their width; auto columns get at
 * least their min and share the rest in proportion to max - min (HTML
 * auto layout, TeX's tabularx). If even the mins do not fit, every column
 * is narrowed in proportion and long words are cut by the paragraphs. */
static bool distribute(const struct block *b, int64_t *min, int64_t *max, const int64_t *full,
		       int32_t avail, int32_t *w)
{
	const struct table *t = b->table;
	size_t n = t->ncols;
	bool *is_auto = xcalloc(n, sizeof *is_auto);
	int64_t fixed = 0, smin = 0, smax = 0;
	size_t nauto = 0;
	for (size_t j = 0; j < n; j++) {
		is_auto[j] = !t->cols[j].width;
		nauto += is_auto[j];
		fixed += is_auto[j] ? 0 : t->cols[j].width;
		smin += is_auto[j] ? min[j] : 0;
		smax += is_auto[j] ? max[j] : 0;
		w[j] = is_auto[j] ? 0 : t->cols[j].width;
	}
	bool narrowed = fixed + smin > avail;
	if (narrowed) {
		for (size_t j = 0; j < n; j++)
			min[j] = is_auto[j] ? min[j] : t->cols[j].width;
		narrow(w, min, n, avail);
	} else if (nauto) {
		int64_t rest = avail - fixed;
		for (size_t j = 0; j < n; j++)
			w[j] += is_auto[j] ? (int32_t)(rest >= smax ? max[j] : min[j]) : 0;
		int64_t *over = xcalloc(n, sizeof *over), sover = 0;
		for (size_t j = 0; j < n; j++) {
			over[j] = is_auto[j] && !t->cols[j].nowrap ? full[j] - max[j] : 0;
			sover += over[j];
		}
		if (rest >= smax) /* what the cap held back first, then by max */
			share(w, is_auto, sover ? over : max, n, rest - smax);
		free(over);
		if (rest < smax) {
			for (size_t j = 0; j < n; j++)
				max[j] -= min[j];
			share(w, is_auto, max, n, rest - smin);
		}
	}
	free(is_auto);
	return narrowed;
}

static const struct srcpos *row_pos(const struct block *b, const struct table_row *row);

/* A cell whose widest word is wider than its column is cut by its
 * paragraph; the table says so once per column, at the first such row,
 * naming the table and the column (the paragraph then stays quiet). */
static bool report_cuts(const struct block *b, const int32_t *cell_min, const int32_t *w)
{
	bool any = false;
	struct table *t = b->table;
	size_t n = t->ncols;
	for (size_t j = 0; j < n; j++) {
		bool told = false;
		for (size_t r = 0; r < t->nrows; r++) {
			if (cell_min[r * n + j] <= w[j] || j >= t->rows[r].ncells)
				continue;
			struct table_cell *cell = &t->rows[r].cells[j];
			for (size_t k = 0; k < cell->blocks.n; k++)
				cell->blocks.v[k].cut_reported = true;
			if (told)
				continue;
			told = any = true;
			char num[24];
			snprintf(num, sizeof num, "%zu", j + 1);
			const char *col = t->cols[j].title ? t->cols[j].title : num;
			if (t->name)
				diag(TABLE_CELL_CUT, row_pos(b, &t->rows[r]), t->name, col);
			else
				diag(TABLE_COLUMN_CUT, row_pos(b, &t->rows[r]), col);
		}
	}
	return any;
}

void table_col_widths(const struct fontset *fs, const struct block *b, int32_t avail, int32_t *w)
{
	const struct table *t = b->table;
	size_t n = t->ncols;
	int64_t *min = xcalloc(n, sizeof *min), *max = xcalloc(n, sizeof *max);
	int32_t *cell_min = xcalloc(n * (t->nrows ? t->nrows : 1), sizeof *cell_min);
	int32_t *cell_max = xcalloc(n * (t->nrows ? t->nrows : 1), sizeof *cell_max);
	if (avail < 0)
		avail = 0;
	measure(fs, t, min, max, cell_min, cell_max);
	int64_t *full = xcalloc(n, sizeof *full);
	memcpy(full, max, n * sizeof *full);
	cap_shares(t, avail, min, max, cell_max);
	bool narrowed = distribute(b, min, max, full, avail, w);
	free(full);
	if (!report_cuts(b, cell_min, w) && narrowed)
		diag(TABLE_NARROWED, &b->pos); /* fixed widths too wide: no cell to blame */
	free(cell_min);
	free(cell_max);
	free(min);
	free(max);
}

/* --- rows ---------------------------------------------------------------- */

/* A cell's item placed in its row: top y below the content top, height,
 * and its ops in the scratch op array. */
struct cline {
	int32_t y, h;
	size_t op0, nops;
};

/* Scratch space reused from row to row, so a table allocates O(1) times
 * per row whatever its length. */
struct rowbuf {
	struct cline *lines;
	size_t nlines, lcap;
	struct dl_op *ops;
	size_t nops, ocap;
	size_t *cell0;       /* per cell: its first line; [ncells] = nlines */
	size_t *at;          /* per cell: first line not yet emitted */
	int32_t height;      /* content height */
};

struct tgeom {
	int32_t x0, total;   /* left edge and width, rules included */
	int32_t *bx;         /* ncols + 1 boundary line centres */
	int32_t rule, pad_x, pad_y;
};

/* Lays out every cell of row r into rb, ops moved out of the cells' lists. */
static void row_fill(const struct fontset *fs, const struct table *t, const struct table_row *row,
		     const struct tgeom *g, struct rowbuf *rb)
{
	rb->nlines = rb->nops = 0;
	rb->height = 0;
	size_t col = 0;
	for (size_t c = 0; c < row->ncells; c++) {
		rb->cell0[c] = rb->nlines;
		const struct table_cell *cell = &row->cells[c];
		size_t span = cell->span > 0 ? (size_t)cell->span : 1;
		if (col >= t->ncols)
			continue;
		if (col + span > t->ncols)
			span = t->ncols - col;
		int32_t x = g->bx[col] + g->rule / 2 + g->pad_x;
		int32_t cw = g->bx[col + span] - g->bx[col] - g->rule - 2 * g->pad_x;
		col += span;
		struct vlist tmp = {0};
		blocks_layout(fs, &cell->blocks, x, cw > 0 ? cw : 0, &tmp);
		int32_t y = 0;
		for (size_t i = 0; i < tmp.n; i++) {
			const struct vitem *it = &tmp.items[i];
			if (i > 0)
				y += tmp.items[i - 1].space_after + it->space_before;
			grow(&rb->lines, &rb->lcap, rb->nlines + 1, sizeof *rb->lines);
			rb->lines[rb->nlines++] = (struct cline){y, it->height, rb->nops, it->nops};
			grow(&rb->ops, &rb->ocap, rb->nops + it->nops, sizeof *rb->ops);
			for (size_t k = it->op0; k < it->op0 + it->nops; k++) {
				rb->ops[rb->nops] = tmp.ops[k];
				rb->ops[rb->nops++].y += y;
				tmp.ops[k].text = NULL;
			}
			y += it->height;
		}
		if (y > rb->height)
			rb->height = y;
		vlist_free(&tmp);
	}
	rb->cell0[row->ncells] = rb->nlines;
}

/* The grid of one row piece of height h: a box around it and lines between
 * columns (not inside a spanning cell). */
static void row_borders(const struct table *t, const struct table_row *row, const struct tgeom *g,
			int32_t h, struct vlist *out)
{
	int32_t r = g->rule;
	if (!r)
		return;
	struct dl_op op = {.kind = DL_RULE, .size = r};
	op.x = g->x0, op.y = r / 2, op.w = g->total, op.h = 0;
	vlist_op(out, &op);
	op.y = h - r / 2;
	vlist_op(out, &op);
	size_t col = 0;
	op.y = 0, op.w = 0, op.h = h;
	op.x = g->bx[0];
	vlist_op(out, &op);
	for (size_t c = 0; c < row->ncells && col < t->ncols; c++) {
		col += row->cells[c].span > 0 ? (size_t)row->cells[c].span : 1;
		op.x = g->bx[col < t->ncols ? col : t->ncols];
		vlist_op(out, &op);
	}
	if (col < t->ncols) { /* a short row: close the table's box */
		op.x = g->bx[t->ncols];
		vlist_op(out, &op);
	}
}

/* Emits row r as one item, or, if it is taller than `limit` (content
 * height per page), as several: each cell breaks after its last line that
 * fits, and the next piece starts with the highest line left. */
static void row_emit(const struct table *t, const struct table_row *row, const struct tgeom *g,
		     struct rowbuf *rb, int32_t limit, const struct srcpos *pos, struct vlist *out,
		     size_t *pieces)
{
	int32_t frame = 2 * g->rule + 2 * g->pad_y;
	for (size_t c = 0; c < row->ncells; c++)
		rb->at[c] = rb->cell0[c];
	int32_t s = 0;
	*pieces = 0;
	for (;;) {
		int32_t cut = limit > 0 && rb->height - s > limit ? s + limit : INT32_MAX;
		int32_t bottom = s + (rb->nlines ? 0 : rb->height);
		size_t taken = 0;
		vlist_item(out, 0, pos);
		for (size_t c = 0; c < row->ncells; c++) {
			size_t e = rb->at[c];
			while (e < rb->cell0[c + 1] && rb->lines[e].y + rb->lines[e].h <= cut)
				e++;
			for (size_t k = rb->at[c]; k < e; k++) {
				const struct cline *ln = &rb->lines[k];
				for (size_t q = ln->op0; q < ln->op0 + ln->nops; q++) {
					struct dl_op op = rb->ops[q];
					op.y += g->rule + g->pad_y - s;
					rb->ops[q].text = NULL;
					vlist_op(out, &op);
				}
				if (ln->y + ln->h > bottom)
					bottom = ln->y + ln->h;
			}
			taken += e - rb->at[c];
			rb->at[c] = e;
		}
		if (!taken && rb->nlines) { /* one line taller than a page: it goes alone */
			size_t best = SIZE_MAX;
			for (size_t c = 0; c < row->ncells; c++)
				if (rb->at[c] < rb->cell0[c + 1] &&
				    (best == SIZE_MAX || rb->lines[rb->at[c]].y < rb->lines[best].y))
					best = rb->at[c];
			const struct cline *ln = &rb->lines[best];
			for (size_t q = ln->op0; q < ln->op0 + ln->nops; q++) {
				struct dl_op op = rb->ops[q];
				op.y += g->rule + g->pad_y - s;
				rb->ops[q].text = NULL;
				vlist_op(out, &op);
			}
			bottom = ln->y + ln->h;
			for (size_t c = 0; c < row->ncells; c++)
				if (rb->at[c] == best)
					rb->at[c]++;
		}
		if (cut == INT32_MAX && rb->height > bottom)
			bottom = rb->height;
		struct vitem *it = &out->items[out->n - 1];
		it->height = bottom - s + frame;
		row_borders(t, row, g, it->height, out);
		(*pieces)++;
		/* the next piece starts with the highest line not yet placed */
		int32_t next = INT32_MAX;
		for (size_t c = 0; c < row->ncells; c++)
			if (rb->at[c] < rb->cell0[c + 1] && rb->lines[rb->at[c]].y < next)
				next = rb->lines[rb->at[c]].y;
		if (next == INT32_MAX)
			break;
		s = next;
	}
}

/* Where a row comes from: its first cell's first block, else the table. */
static const struct srcpos *row_pos(const struct block *b, const struct table_row *row)
{
	for (size_t c = 0; c < row->ncells; c++)
		for (size_t k = 0; k < row->cells[c].blocks.n; k++)
			if (row->cells[c].blocks.v[k].pos.line)
				return &row->cells[c].blocks.v[k].pos;
	return &b->pos;
}

void table_layout(const struct fontset *fs, const struct block *b, int32_t x0, int32_t width,
		  struct vlist *out)
{
	const struct table *t = b->table;
	if (!t || !t->ncols || !t->nrows)
		return;
	size_t n = t->ncols;
	int32_t r = t->rule > 0 ? t->rule : 0;
	int32_t *w = xcalloc(n, sizeof *w);
	table_col_widths(fs, b, width - r, w);
	struct tgeom g = {.x0 = x0, .rule = r, .pad_x = t->pad_x, .pad_y = t->pad_y};
	g.bx = xcalloc(n + 1, sizeof *g.bx);
	g.bx[0] = x0 + r / 2;
	for (size_t j = 0; j < n; j++)
		g.bx[j + 1] = g.bx[j] + w[j];
	g.total = g.bx[n] - g.bx[0] + r;

	size_t maxcells = 0;
	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].ncells > maxcells)
			maxcells = t->rows[i].ncells;
	struct rowbuf rb = {0};
	rb.cell0 = xcalloc(maxcells + 1, sizeof *rb.cell0);
	rb.at = xcalloc(maxcells + 1, sizeof *rb.at);

	size_t first = out->n, head = out->n, nhead = 0;
	int32_t head_h = 0;
	int32_t frame = 2 * r + 2 * t->pad_y;
	for (size_t i = 0; i < t->nrows; i++) {
		const struct table_row *row = &t->rows[i];
		bool is_head = i < t->header_rows;
		/* body rows must fit under the repeated header */
		int32_t limit = out->page_h ? out->page_h - (is_head ? 0 : head_h) - frame : 0;
		if (out->page_h && limit < out->page_h / 4)
			limit = out->page_h / 4;
		row_fill(fs, t, row, &g, &rb);
		size_t before = out->n, pieces;
		const struct srcpos *pos = row_pos(b, row);
		row_emit(t, row, &g, &rb, limit, pos, out, &pieces);
		if (pieces > 1)
			diag(TABLE_ROW_SPLIT, pos);
		for (size_t k = before; k < out->n; k++) {
			struct vitem *it = &out->items[k];
			it->space_before = k > first ? -r : b->st.space_before; /* borders overlap */
			it->repeat = is_head;
			it->keep_with_next = is_head;
			if (is_head) {
				head_h += it->height - (k > first ? r : 0);
				nhead++;
			}
		}
		/* a header taller than half a page is not repeated */
		bool repeat = nhead && !is_head && (!out->page_h || head_h <= out->page_h / 2);
		for (size_t k = before; k < out->n && repeat; k++) {
			out->items[k].head = head;
			out->items[k].nhead = nhead;
		}
	}
	struct vitem *last = &out->items[out->n - 1];
	last->keep_with_next = b->keep_with_next;
	last->space_after = b->st.space_after;
	free(rb.lines);
	for (size_t k = 0; k < rb.nops; k++)
		free(rb.ops[k].text);
	free(rb.ops);
	free(rb.cell0);
	free(rb.at);
	free(g.bx);
	free(w);
}
