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
			 size_t col, size_t span, int32_t inset, int64_t *min, int64_t *max, int32_t *own,
			 int32_t *own_max)
{
	int32_t extra = t->rule + 2 * t->pad_x;
	int64_t lo = inset, hi = inset;
	for (size_t k = 0; k < cell->blocks.n; k++) {
		if (cell->blocks.v[k].kind != BLK_PARA)
			continue;
		int32_t a, b;
		para_measure(fs, &cell->blocks.v[k], &a, &b);
		lo = a + inset > lo ? a + inset : lo;
		hi = b + inset > hi ? b + inset : hi;
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
	/* the columns' mins each hold a rule and two paddings; the cell needs one
	 * of each, the others between its columns are its own room */
	for (size_t j = col; j < col + span && nauto; j++) {
		if (t->cols[j].width)
			continue;
		if (lo > have_lo)
			min[j] += (lo - have_lo + (int64_t)nauto - 1) / (int64_t)nauto;
		if (hi > have_hi)
			max[j] += (hi - have_hi + (int64_t)nauto - 1) / (int64_t)nauto;
	}
}

/* A cell's decimal part (its last "," and what follows) as set, or 0. */
static int32_t cell_frac(const struct fontset *fs, const struct table_cell *c)
{
	if (c->blocks.n != 1 || c->blocks.v[0].kind != BLK_PARA || !c->blocks.v[0].runs.n)
		return 0;
	const struct block *p = &c->blocks.v[0];
	const struct run *r = &p->runs.v[p->runs.n - 1];
	size_t k = r->len;
	while (k > 0 && r->text[k - 1] != ',')
		k--;
	if (!k)
		return 0;
	return font_width(fs, r->face, p->st.size, r->text + k - 1, r->len - k + 1);
}

/* Per column: the widest decimal part of a body cell, for decimal columns
 * (0 for the others); each such cell is set that much less its own decimal
 * part in from the right, so the digits line up. Caller frees. */
static int32_t *decimal_room(const struct fontset *fs, const struct table *t)
{
	int32_t *room = xcalloc(t->ncols ? t->ncols : 1, sizeof *room);
	for (size_t r = t->header_rows; r < t->nrows; r++) {
		size_t col = 0;
		for (size_t c = 0; c < t->rows[r].ncells && col < t->ncols; c++) {
			const struct table_cell *cell = &t->rows[r].cells[c];
			size_t span = cell->span > 0 ? (size_t)cell->span : 1;
			if (span == 1 && t->cols[col].decimal) {
				int32_t f = cell_frac(fs, cell);
				room[col] = f > room[col] ? f : room[col];
			}
			col += span;
		}
	}
	return room;
}

/* The inset from the right of a cell at column col of row r. */
static int32_t decimal_inset(const struct fontset *fs, const struct table *t, const int32_t *room,
			     size_t r, size_t col, size_t span, const struct table_cell *cell)
{
	if (r < t->header_rows || span != 1 || !t->cols[col].decimal)
		return 0;
	return room[col] - cell_frac(fs, cell);
}

/* Each auto column's min (widest word) and max (widest unbroken cell
 * text), from every row: each cell is measured once, and cell_min keeps
 * each span-1 cell's own min and max (rows x cols) for the cut check and
 * the caps once the widths are known. A cell spanning columns that needs more than their
 * mins together widens them evenly (spans counted, as CSS does); a header
 * cell spanning rows counts once, in its first row. */
static void measure(const struct fontset *fs, const struct table *t, int64_t *min, int64_t *max,
		    int32_t *cell_min, int32_t *cell_max)
{
	int32_t extra = t->rule + 2 * t->pad_x;
	size_t n = t->ncols;
	int32_t *room = decimal_room(fs, t);
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
				if ((span == 1) == (pass == 0) && !cell->covered)
					measure_cell(fs, t, cell, col, span,
						     decimal_inset(fs, t, room, r, col, span, cell), min, max,
						     span == 1 ? &cell_min[r * n + col] : NULL,
						     &cell_max[r * n + col]);
				col += span;
			}
		}
	free(room);
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

int32_t table_min_width(const struct fontset *fs, const struct block *b, int32_t cap)
{
	const struct table *t = b->table;
	size_t n = t->ncols;
	int64_t *min = xcalloc(n ? n : 1, sizeof *min), *max = xcalloc(n ? n : 1, sizeof *max);
	int32_t *cmin = xcalloc(n * (t->nrows ? t->nrows : 1) + 1, sizeof *cmin);
	int32_t *cmax = xcalloc(n * (t->nrows ? t->nrows : 1) + 1, sizeof *cmax);
	measure(fs, t, min, max, cmin, cmax);
	int64_t sum = t->rule > 0 ? t->rule : 0;
	for (size_t j = 0; j < n; j++)
		sum += t->cols[j].width ? t->cols[j].width : min[j] < cap ? min[j] : cap;
	free(min);
	free(max);
	free(cmin);
	free(cmax);
	return sum > INT32_MAX ? INT32_MAX : (int32_t)sum;
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
			if (cell_min[r * n + j] <= w[j])
				continue;
			struct table_cell *cell = NULL;
			for (size_t c = 0, col = 0; c < t->rows[r].ncells && col <= j; c++) {
				if (col == j)
					cell = &t->rows[r].cells[c];
				col += t->rows[r].cells[c].span > 0 ? (size_t)t->rows[r].cells[c].span : 1;
			}
			if (!cell)
				continue;
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
	int32_t *ch;         /* per cell: its content height */
	int32_t height;      /* content height */
};

struct tgeom {
	int32_t x0, total;   /* left edge and width, rules included */
	int32_t *bx;         /* ncols + 1 boundary line centres */
	int32_t rule, pad_x, pad_y;
	int32_t *room;       /* per column: decimal_room */
};

/* How far down a text of height h sits in room of height avail. */
static int32_t valign_shift(enum valign v, int32_t avail, int32_t h)
{
	if (avail <= h || v == VALIGN_TOP)
		return 0;
	return v == VALIGN_BOTTOM ? avail - h : (avail - h) / 2;
}

/* Lays out a cell's blocks at x in width cw into lines from y = 0 onwards
 * (appended to rb) and returns their height. */
static int32_t cell_fill(const struct fontset *fs, const struct table_cell *cell, int32_t x, int32_t cw,
			 struct rowbuf *rb)
{
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
	vlist_free(&tmp);
	return y;
}

/* Moves lines [l0, l1) of rb and their ops down by dy. */
static void lines_shift(struct rowbuf *rb, size_t l0, size_t l1, int32_t dy)
{
	for (size_t k = l0; k < l1 && dy; k++) {
		rb->lines[k].y += dy;
		for (size_t q = rb->lines[k].op0; q < rb->lines[k].op0 + rb->lines[k].nops; q++)
			rb->ops[q].y += dy;
	}
}

/* Lays out every cell of row r into rb, ops moved out of the cells' lists,
 * each cell placed in the row's height as the table's valign says. */
static void row_fill(const struct fontset *fs, const struct table *t, const struct table_row *row,
		     size_t r, const struct tgeom *g, struct rowbuf *rb)
{
	rb->nlines = rb->nops = 0;
	rb->height = 0;
	size_t col = 0;
	for (size_t c = 0; c < row->ncells; c++) {
		rb->cell0[c] = rb->nlines;
		rb->ch[c] = 0;
		const struct table_cell *cell = &row->cells[c];
		size_t span = cell->span > 0 ? (size_t)cell->span : 1;
		if (col >= t->ncols)
			continue;
		if (col + span > t->ncols)
			span = t->ncols - col;
		int32_t x = g->bx[col] + g->rule / 2 + g->pad_x;
		int32_t cw = g->bx[col + span] - g->bx[col] - g->rule - 2 * g->pad_x;
		cw -= decimal_inset(fs, t, g->room, r, col, span, cell);
		col += span;
		rb->ch[c] = cell_fill(fs, cell, x, cw, rb);
		if (rb->ch[c] > rb->height)
			rb->height = rb->ch[c];
	}
	rb->cell0[row->ncells] = rb->nlines;
	for (size_t c = 0; c < row->ncells; c++)
		lines_shift(rb, rb->cell0[c], rb->cell0[c + 1], valign_shift(t->valign, rb->height, rb->ch[c]));
}

/* The header grid's lines: each row's tops, in runs of cells not covered
 * from above; the bottom; the sides of every cell, covered ones too. */
static void head_borders(const struct table *t, const struct tgeom *g, const int32_t *by, size_t nh,
			 struct vlist *out)
{
	int32_t r = g->rule;
	if (!r)
		return;
	struct dl_op op = {.kind = DL_RULE, .size = r};
	for (size_t i = 0; i < nh; i++) { /* each row's tops, one line a run of cells */
		size_t col = 0, from = 0;
		bool open = false;
		for (size_t c = 0; c <= t->rows[i].ncells; c++) {
			const struct table_cell *cell = c < t->rows[i].ncells ? &t->rows[i].cells[c] : NULL;
			if ((!cell || cell->covered || col >= t->ncols) && open) {
				op.x = g->bx[from] - r / 2;
				op.w = g->bx[col < t->ncols ? col : t->ncols] - g->bx[from] + r;
				op.y = by[i], op.h = 0;
				vlist_op(out, &op);
				open = false;
			}
			if (!cell || col >= t->ncols)
				break;
			if (!cell->covered && !open)
				from = col, open = true;
			col += cell->span > 0 ? (size_t)cell->span : 1;
		}
	}
	op.x = g->x0, op.w = g->total, op.y = by[nh];
	vlist_op(out, &op);
	for (size_t i = 0; i < nh; i++) { /* the sides of each cell, covered ones too */
		size_t col = 0;
		op.w = 0;
		op.y = by[i] - r / 2;
		op.h = by[i + 1] - by[i] + r;
		op.x = g->bx[0];
		vlist_op(out, &op);
		for (size_t c = 0; c < t->rows[i].ncells && col < t->ncols; c++) {
			col += t->rows[i].cells[c].span > 0 ? (size_t)t->rows[i].cells[c].span : 1;
			op.x = g->bx[col < t->ncols ? col : t->ncols];
			vlist_op(out, &op);
		}
		if (col < t->ncols) {
			op.x = g->bx[t->ncols];
			vlist_op(out, &op);
		}
	}
}

/* The header rows as one item, a grid: each row as high as its tallest
 * cell spanning one row, the last row a cell spans grown if that cell
 * needs more; lines round every cell, none across a cell spanning rows. */
static void head_emit(const struct fontset *fs, const struct table *t, const struct tgeom *g,
		      struct rowbuf *rb, const struct srcpos *pos, struct vlist *out)
{
	size_t nh = t->header_rows < t->nrows ? t->header_rows : t->nrows;
	int32_t r = g->rule, inner = g->rule + 2 * g->pad_y;
	int32_t *rowh = xcalloc(nh + 1, sizeof *rowh), *by = xcalloc(nh + 1, sizeof *by);
	size_t ncells = 0;
	for (size_t i = 0; i < nh; i++)
		ncells += t->rows[i].ncells;
	struct hcell {
		size_t row, col, span, rows, l0, l1;
		int32_t h;
	} *hc = xcalloc(ncells + 1, sizeof *hc);
	size_t nhc = 0;
	rb->nlines = rb->nops = 0;
	for (size_t i = 0; i < nh; i++) {
		size_t col = 0;
		for (size_t c = 0; c < t->rows[i].ncells && col < t->ncols; c++) {
			const struct table_cell *cell = &t->rows[i].cells[c];
			size_t span = cell->span > 0 ? (size_t)cell->span : 1;
			if (col + span > t->ncols)
				span = t->ncols - col;
			if (!cell->covered) {
				struct hcell *h = &hc[nhc++];
				size_t rows = cell->rows > 0 ? (size_t)cell->rows : 1;
				*h = (struct hcell){i, col, span, i + rows > nh ? nh - i : rows, rb->nlines, 0, 0};
				int32_t x = g->bx[col] + r / 2 + g->pad_x;
				int32_t cw = g->bx[col + span] - g->bx[col] - r - 2 * g->pad_x;
				h->h = cell_fill(fs, cell, x, cw, rb);
				h->l1 = rb->nlines;
				if (h->rows == 1 && h->h > rowh[i])
					rowh[i] = h->h;
			}
			col += span;
		}
	}
	for (size_t k = 2; k <= nh; k++) /* cells spanning rows, shortest spans first */
		for (size_t q = 0; q < nhc; q++) {
			if (hc[q].rows != k)
				continue;
			int32_t have = (int32_t)(k - 1) * inner;
			for (size_t i = hc[q].row; i < hc[q].row + k; i++)
				have += rowh[i];
			if (hc[q].h > have)
				rowh[hc[q].row + k - 1] += hc[q].h - have;
		}
	by[0] = r / 2;
	for (size_t i = 0; i < nh; i++)
		by[i + 1] = by[i] + inner + rowh[i];
	vlist_item(out, by[nh] + r / 2, pos);
	for (size_t q = 0; q < nhc; q++) {
		const struct hcell *h = &hc[q];
		int32_t top = by[h->row] + r / 2 + g->pad_y;
		int32_t avail = by[h->row + h->rows] - by[h->row] - inner;
		int32_t dy = top + valign_shift(t->head_valign, avail, h->h);
		for (size_t k = h->l0; k < h->l1; k++)
			for (size_t o = rb->lines[k].op0; o < rb->lines[k].op0 + rb->lines[k].nops; o++) {
				struct dl_op op = rb->ops[o];
				op.y += dy;
				rb->ops[o].text = NULL;
				vlist_op(out, &op);
			}
	}
	head_borders(t, g, by, nh, out);
	free(hc);
	free(rowh);
	free(by);
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
	rb.ch = xcalloc(maxcells + 1, sizeof *rb.ch);
	g.room = decimal_room(fs, t);

	size_t first = out->n, head = out->n, nhead = 0;
	int32_t head_h = 0;
	int32_t frame = 2 * r + 2 * t->pad_y;
	size_t nh = t->header_rows < t->nrows ? t->header_rows : t->nrows;
	if (nh) {
		head_emit(fs, t, &g, &rb, row_pos(b, &t->rows[0]), out);
		struct vitem *it = &out->items[out->n - 1];
		it->space_before = b->st.space_before;
		it->repeat = it->keep_with_next = true;
		head_h = it->height;
		nhead = 1;
	}
	/* a header taller than half a page is not repeated */
	bool repeat = nhead && (!out->page_h || head_h <= out->page_h / 2);
	for (size_t i = nh; i < t->nrows; i++) {
		const struct table_row *row = &t->rows[i];
		/* body rows must fit under the repeated header */
		int32_t limit = out->page_h ? out->page_h - head_h - frame : 0;
		if (out->page_h && limit < out->page_h / 4)
			limit = out->page_h / 4;
		row_fill(fs, t, row, i, &g, &rb);
		size_t before = out->n, pieces;
		const struct srcpos *pos = row_pos(b, row);
		row_emit(t, row, &g, &rb, limit, pos, out, &pieces);
		if (pieces > 1)
			diag(TABLE_ROW_SPLIT, pos);
		for (size_t k = before; k < out->n; k++) {
			struct vitem *it = &out->items[k];
			it->space_before = k > first ? -r : b->st.space_before; /* borders overlap */
			if (repeat) {
				it->head = head;
				it->nhead = nhead;
			}
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
	free(rb.ch);
	free(g.room);
	free(g.bx);
	free(w);
}
