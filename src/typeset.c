/* typeset.c — block lists, their layout into a vertical list, and the
 * entry point that paginates into a display list. */
#include "typeset.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "typeset_vlist.h"
#include "util.h"

static struct block *add_block(struct blocks *b, enum block_kind kind)
{
	grow(&b->v, &b->cap, b->n + 1, sizeof *b->v);
	struct block *blk = &b->v[b->n++];
	memset(blk, 0, sizeof *blk);
	blk->kind = kind;
	return blk;
}

struct block *blocks_para(struct blocks *b, const struct para_style *st)
{
	struct block *blk = add_block(b, BLK_PARA);
	blk->st = *st;
	return blk;
}

struct block *blocks_rule(struct blocks *b, double ratio, int32_t length, int32_t gap,
			  int32_t thickness)
{
	struct block *blk = add_block(b, BLK_RULE);
	blk->ratio = ratio;
	blk->length = length;
	blk->gap = gap;
	blk->thickness = thickness;
	return blk;
}

struct block *blocks_space(struct blocks *b, int32_t height)
{
	struct block *blk = add_block(b, BLK_SPACE);
	blk->length = height;
	return blk;
}

struct block *blocks_columns(struct blocks *b, int ncols)
{
	struct block *blk = add_block(b, BLK_COLUMNS);
	blk->ncols = ncols;
	return blk;
}

struct block *blocks_pagebreak(struct blocks *b)
{
	return add_block(b, BLK_PAGEBREAK);
}

void blocks_free(struct blocks *b)
{
	for (size_t i = 0; i < b->n; i++) {
		runs_free(&b->v[i].runs);
		free(b->v[i].marker);
		for (int c = 0; c < b->v[i].ncols; c++)
			blocks_free(&b->v[i].cols[c].blocks);
		table_free(b->v[i].table);
	}
	free(b->v);
	memset(b, 0, sizeof *b);
}

static void rule_layout(const struct block *b, const struct para_extent *ext, int32_t x0,
			int32_t width, struct vlist *out)
{
	int32_t len = b->ratio > 0 && ext->valid ? (int32_t)(b->ratio * ext->widest + 0.5) : b->length;
	int32_t center = ext->valid ? ext->center : x0 + width / 2;
	int32_t below = ext->valid ? ext->below : 0;
	int32_t y = b->gap - below; /* relative to this item's top, which is the last line's bottom */
	int32_t h = y + b->thickness;
	struct vitem *it = vlist_item(out, h > 0 ? h : 0, &b->pos);
	it->keep_with_next = b->keep_with_next;
	it->space_after = b->st.space_after;
	struct dl_op op = {.kind = DL_RULE, .x = center - len / 2, .y = y, .w = len, .h = 0,
			   .size = b->thickness, .color = b->st.color};
	vlist_op(out, &op);
	/* a rule belongs to the text above it */
	if (out->n >= 2)
		out->items[out->n - 2].keep_with_next = true;
}

/* Stacks a column's items from y = 0 and returns the height used. */
static int32_t stack(const struct vlist *col, struct vlist *out, int32_t dx, int32_t y0)
{
	int32_t y = y0;
	for (size_t i = 0; i < col->n; i++) {
		const struct vitem *it = &col->items[i];
		if (i > 0)
			y += col->items[i - 1].space_after + it->space_before;
		for (size_t k = it->op0; k < it->op0 + it->nops; k++) {
			struct dl_op op = col->ops[k];
			op.x += dx;
			op.y += y;
			op.text = op.text ? xstrdup(op.text) : NULL;
			vlist_op(out, &op);
		}
		y += it->height;
	}
	return y - y0;
}

/* The baseline of the first text in a vertical list, from its top. */
static int32_t first_baseline(const struct vlist *vl)
{
	int32_t y = 0;
	for (size_t i = 0; i < vl->n; i++) {
		if (i > 0)
			y += vl->items[i - 1].space_after + vl->items[i].space_before;
		for (size_t k = vl->items[i].op0; k < vl->items[i].op0 + vl->items[i].nops; k++)
			if (vl->ops[k].kind == DL_TEXT)
				return y + vl->ops[k].y;
		y += vl->items[i].height;
	}
	return 0;
}

/* Side-by-side columns become one item. Sync ids rise through each column;
 * the blocks from sync id k on start level in every column (so "Số" and
 * the date line share a baseline). */
static void columns_layout(const struct fontset *fs, const struct block *b, int32_t x0,
			   struct vlist *out)
{
	struct vitem *it = vlist_item(out, 0, &b->pos);
	size_t me = out->n - 1;
	it->keep_with_next = b->keep_with_next;
	it->space_before = b->st.space_before;
	size_t at[2] = {0, 0};
	if (b->ncols > 2)
		abort(); /* struct block has room for two columns */
	int32_t y = 0;
	int max_sync = 0;
	for (int c = 0; c < b->ncols; c++)
		for (size_t i = 0; i < b->cols[c].blocks.n; i++)
			if (b->cols[c].blocks.v[i].sync > max_sync)
				max_sync = b->cols[c].blocks.v[i].sync;
	for (int k = 0; k <= max_sync; k++) {
		int32_t seg_h = 0;
		struct vlist tmp[2] = {{0}, {0}};
		int32_t first[2] = {0, 0}, top = 0;
		for (int c = 0; c < b->ncols; c++) {
			const struct blocks *cb = &b->cols[c].blocks;
			size_t end = at[c];
			while (end < cb->n && (end == at[c] || cb->v[end].sync == 0) &&
			       cb->v[end].sync <= k)
				end++;
			struct blocks seg = {.v = cb->v + at[c], .n = end - at[c]};
			blocks_layout(fs, &seg, 0, b->cols[c].width, &tmp[c]);
			at[c] = end;
			first[c] = first_baseline(&tmp[c]);
			if (first[c] > top)
				top = first[c];
		}
		for (int c = 0; c < b->ncols; c++) {
			/* level first baselines when asked, for the first segment */
			int32_t shift = b->level_baselines && k == 0 && tmp[c].n ? top - first[c] : 0;
			int32_t h = shift + stack(&tmp[c], out, x0 + b->cols[c].x, y + shift);
			vlist_free(&tmp[c]);
			if (h > seg_h)
				seg_h = h;
		}
		y += seg_h;
	}
	out->items[me].height = y;
}

void blocks_layout(const struct fontset *fs, const struct blocks *b, int32_t x0, int32_t width,
		   struct vlist *out)
{
	struct para_extent ext = {0};
	for (size_t i = 0; i < b->n; i++) {
		const struct block *blk = &b->v[i];
		size_t before_blk = out->n;
		switch (blk->kind) {
		case BLK_PARA:
			para_layout(fs, blk, x0, width, out, &ext);
			break;
		case BLK_RULE:
			rule_layout(blk, &ext, x0, width, out);
			break;
		case BLK_SPACE: {
			struct vitem *it = vlist_item(out, blk->length, &blk->pos);
			it->keep_with_next = blk->keep_with_next;
			break;
		}
		case BLK_COLUMNS: {
			size_t before = out->n;
			columns_layout(fs, blk, x0, out);
			/* a signature block takes the last lines of the body with it */
			for (int k = 1; k <= blk->keep_prev_lines && before >= (size_t)k; k++)
				out->items[before - k].keep_with_next = true;
			ext.valid = false;
			break;
		}
		case BLK_TABLE:
			table_layout(fs, blk, x0, width, out);
			ext.valid = false;
			break;
		case BLK_PAGEBREAK:
			if (out->n) {
				out->items[out->n - 1].page_break_after = true;
				out->items[out->n - 1].restart_after = blk->restart_numbering;
			}
			break;
		}
		for (size_t k = before_blk; blk->page_foot && k < out->n; k++)
			out->items[k].page_foot = true;
	}
}

/* A table wider than a portrait page allows (or one that asks) goes on
 * landscape pages: ND30 permits a document with tables to be set across
 * an A4 sheet. Wider means its columns' minimum widths, each counted up to
 * the share one column may take, are more than the text width. */
static bool wants_landscape(const struct fontset *fs, const struct page_style *ps, const struct block *b)
{
	if (b->kind != BLK_TABLE || !b->table || ps->width >= ps->height)
		return false;
	if (b->table->orient != ORIENT_AUTO)
		return b->table->orient == ORIENT_LANDSCAPE;
	/* many columns, not one long word (a cell's cut is warned about) */
	int32_t width = ps->width - ps->left - ps->right;
	double share = b->table->max_share > 0 ? b->table->max_share : TABLE_MAX_SHARE;
	return table_min_width(fs, b, (int32_t)(share * width)) > width;
}

/* Lays out blocks [from, to) on pages of style ps, numbered on from *n. */
static void section(const struct fontset *fs, const struct page_style *ps, const struct blocks *b,
		    size_t from, size_t to, struct dlist *dl, int *n)
{
	for (size_t i = from; i < to && b->v[i].kind == BLK_PAGEBREAK; i++)
		if (b->v[i].restart_numbering) /* a section's leading break has no item to mark */
			*n = 0;
	struct blocks part = {.v = b->v + from, .n = to - from};
	struct vlist vl = {.page_h = ps->height - ps->top - ps->bottom};
	blocks_layout(fs, &part, ps->left, ps->width - ps->left - ps->right, &vl);
	if (vl.n)
		paginate_from(fs, ps, &vl, dl, n);
	vlist_free(&vl);
}

void typeset(const struct fontset *fs, const struct page_style *ps, const struct blocks *b,
	     struct dlist *dl)
{
	struct page_style land = *ps;
	land.width = ps->height;
	land.height = ps->width;
	int n = 0;
	size_t start = 0, before = dl->npages;
	for (size_t i = 0; i < b->n; i++) {
		if (!wants_landscape(fs, ps, &b->v[i]))
			continue;
		size_t first = i; /* its caption, and whatever keeps with it, go along */
		while (first > start && b->v[first - 1].keep_with_next && b->v[first - 1].kind != BLK_COLUMNS)
			first--;
		size_t end = i + 1;
		while (end < b->n && wants_landscape(fs, ps, &b->v[end]))
			end++;
		if (first > start)
			section(fs, ps, b, start, first, dl, &n);
		section(fs, &land, b, first, end, dl, &n);
		start = end;
		i = end - 1;
	}
	if (start < b->n)
		section(fs, ps, b, start, b->n, dl, &n);
	if (dl->npages == before) { /* nothing at all: still one page */
		struct vlist vl = {0};
		paginate_from(fs, ps, &vl, dl, &n);
	}
}
