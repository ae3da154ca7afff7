/* typeset_table.c — tables: building them (layout follows). */
#include <stdlib.h>
#include <string.h>

#include "typeset.h"
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
	free(t->cols);
	free(t);
}
