/* compose_volume.c — what the archive's forms share: centred title lines,
 * bordered tables with the numbered "(1) (2) …" row, the compiler's
 * signature block. */
#include "compose_volume.h"

#include <stdio.h>
#include <stdlib.h>

#include "util.h"

int32_t volume_text_width(const struct layout *lay)
{
	return MM(lay->width.v - lay->left.v - lay->right.v);
}

void volume_line(struct blocks *b, int32_t size, enum face face, enum align al, const char *text,
		 const struct srcpos *pos)
{
	struct para_style st = compose_style(size, al);
	compose_para(b, &st, face, text, pos, false)->keep_with_next = true;
}

void volume_cell(struct table_row *row, size_t col, int32_t size, enum face face, enum align al,
		 const char *text, const struct srcpos *pos)
{
	struct para_style st = compose_style(size, al);
	compose_para(&row->cells[col].blocks, &st, face, text ? text : "", pos, false);
}

struct table *volume_table(struct blocks *b, const struct layout *lay, const char *const *heads,
			   const int *shares, size_t ncols)
{
	int32_t size = VOL_PT(12);
	struct block *tb = blocks_table(b, ncols);
	struct table *t = tb->table;
	tb->st.space_before = VOL_PT(6);
	t->header_rows = 2;
	t->rule = VOL_PT(0.5);
	int32_t width = volume_text_width(lay) - t->rule, used = 0; /* widths run between rule centres */
	t->pad_x = VOL_PT(2);
	t->pad_y = VOL_PT(2);
	t->head_valign = compose_valign(&lay->table_head_valign); /* the model centres "STT" on its row */
	for (size_t i = 0; i < ncols; i++) {
		/* the last column takes what rounding left, so the table is the text width */
		t->cols[i].width = i + 1 < ncols ? (int32_t)((int64_t)width * shares[i] / 1000)
						 : width - used;
		used += t->cols[i].width;
	}
	struct table_row *h = table_add_row(t), *n = table_add_row(t);
	for (size_t i = 0; i < ncols; i++) {
		char num[32];
		snprintf(num, sizeof num, "(%zu)", i + 1);
		volume_cell(h, i, size, FACE_BOLD, ALIGN_CENTER, heads[i], NULL);
		volume_cell(n, i, size, FACE_REGULAR, ALIGN_CENTER, num, NULL);
	}
	return t;
}

void volume_signer(struct blocks *b, const struct layout *lay, const char *place,
		   const struct date *date, const char *role, const char *how, const char *name)
{
	int32_t width = volume_text_width(lay);
	struct block *cols = blocks_columns(b, 1);
	cols->cols[0] = (struct column){width * 2 / 5, width - width * 2 / 5, {0}};
	cols->keep_prev_lines = 2;
	struct blocks *c = &cols->cols[0].blocks;
	int32_t size = layout_pt(&lay->body_size);
	blocks_space(c, VOL_PT(12));
	if (date) {
		char *line = text_date_line(place, *date);
		volume_line(c, layout_pt(&lay->date_size), FACE_ITALIC, ALIGN_CENTER, line, NULL);
		free(line);
	}
	volume_line(c, size, FACE_BOLD, ALIGN_CENTER, role, NULL);
	volume_line(c, size, FACE_ITALIC, ALIGN_CENTER, how, NULL);
	blocks_space(c, compose_sign_space(lay, size, size));
	if (name)
		volume_line(c, size, FACE_BOLD, ALIGN_CENTER, name, NULL);
}

char *volume_day(struct date d)
{
	return xasprintf("%02d/%02d/%04d", d.d, d.m, d.y);
}
