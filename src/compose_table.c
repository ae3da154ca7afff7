/* compose_table.c — a body table: the header row bold and centred, the
 * cells as written (left, or per column `align`), onto the typesetter's
 * table (header repeated on each page, rows never split). */
#include <string.h>

#include "compose.h"
#include "util.h"

static enum align align_of(const struct table_spec *t, size_t col)
{
	if (col >= t->align.n)
		return ALIGN_LEFT;
	const char *a = t->align.v[col].s;
	return !strcmp(a, "center") ? ALIGN_CENTER : !strcmp(a, "right") ? ALIGN_RIGHT : ALIGN_LEFT;
}

static void cell(struct table_row *row, size_t col, int32_t size, enum face face, enum align al,
		 const struct text *t)
{
	struct para_style st = compose_style(size, al);
	compose_para(&row->cells[col].blocks, &st, face, t->s, &t->pos, true);
}

void compose_table(struct blocks *b, const struct layout *lay, const struct table_spec *spec)
{
	size_t ncols = spec->columns.n;
	if (!ncols)
		return;
	int32_t size = layout_pt(&lay->table_size);
	struct block *tb = blocks_table(b, ncols);
	tb->pos = spec->pos;
	tb->st.space_before = layout_pt(&lay->body_space);
	tb->st.space_after = layout_pt(&lay->body_space);
	struct table *t = tb->table;
	t->header_rows = 1;
	t->rule = layout_pt(&lay->table_rule);
	t->pad_x = layout_pt(&lay->table_pad_x);
	t->pad_y = layout_pt(&lay->table_pad_y);
	struct table_row *h = table_add_row(t);
	for (size_t c = 0; c < ncols; c++) {
		cell(h, c, size, FACE_BOLD, ALIGN_CENTER, &spec->columns.v[c]);
		t->cols[c].title = xstrdup(spec->columns.v[c].s);
	}
	for (size_t r = 0; r < spec->rows.n; r++) {
		struct table_row *row = table_add_row(t);
		const struct texts *cells = &spec->rows.v[r];
		for (size_t c = 0; c < cells->n && c < ncols; c++)
			cell(row, c, size, FACE_REGULAR, align_of(spec, c), &cells->v[c]);
	}
	for (size_t r = 0; r < t->nrows; r++) /* a failed cell fails the document */
		for (size_t c = 0; c < t->rows[r].ncells; c++)
			b->failed |= t->rows[r].cells[c].blocks.failed;
}
