/* compose_volume_toc.c — the Mục lục văn bản, tài liệu of a hồ sơ (ND30
 * Phụ lục V, Mục IV; docs/rules.md §4): the bold title block, then seven
 * columns in the decree's order with the numbered row "(1) … (7)", both
 * repeated on every page. The driver gives each row the sheet its
 * document starts on. A Mục lục longer than a page is numbered on its own
 * from its second page, as every ND30 document is. */
#include "compose_volume.h"

#include <stdio.h>
#include <stdlib.h>

#include "util.h"

static const char *const toc_heads[7] = {
	"STT", "Số, ký hiệu văn bản", "Ngày tháng năm văn bản",
	"Tên loại và trích yếu nội dung văn bản", "Tác giả văn bản", "Tờ số/ Trang số", "Ghi chú",
};
/* per mille of the text width: the trích yếu gets the room the model gives
 * the others; "85/CCVTLT-NV" and "30/12/2020" fit on one line and the usual
 * author, "Trường Chính trị Tôn Đức Thắng", on two */
static const int toc_shares[7] = {60, 200, 130, 240, 200, 90, 80};

bool compose_volume_toc(const struct volfile *vf, const struct layout *lay,
			const struct toc_row *rows, size_t n, struct composed *out)
{
	const struct volume *v = &vf->volume;
	struct blocks *b = &out->blocks;
	int32_t type = layout_pt(&lay->type_size), size = VOL_PT(12);
	volume_line(b, type, FACE_BOLD, ALIGN_CENTER, "MỤC LỤC VĂN BẢN, TÀI LIỆU", NULL);
	char *line = xasprintf("Số, ký hiệu hồ sơ: %s", v->number.s);
	volume_line(b, type, FACE_BOLD, ALIGN_CENTER, line, &v->number.pos);
	free(line);
	line = xasprintf("Năm %lld", v->year.v);
	volume_line(b, type, FACE_BOLD, ALIGN_CENTER, line, &v->year.pos);
	free(line);
	blocks_rule(b, 0, MM(15), VOL_PT(8), layout_pt(&lay->rule_width))->keep_with_next = true;
	blocks_space(b, VOL_PT(6))->keep_with_next = true;
	struct table *t = volume_table(b, lay, toc_heads, toc_shares, 7);
	for (size_t i = 0; i < n; i++) {
		const struct toc_row *r = &rows[i];
		struct table_row *row = table_add_row(t);
		char stt[24], sheet[24];
		snprintf(stt, sizeof stt, "%zu", i + 1);
		snprintf(sheet, sizeof sheet, "%d", r->sheet);
		volume_cell(row, 0, size, FACE_REGULAR, ALIGN_CENTER, stt, &r->pos);
		volume_cell(row, 1, size, FACE_REGULAR, ALIGN_CENTER, r->number, &r->pos);
		volume_cell(row, 2, size, FACE_REGULAR, ALIGN_CENTER, r->date, &r->pos);
		volume_cell(row, 3, size, FACE_REGULAR, ALIGN_LEFT, r->title, &r->pos);
		volume_cell(row, 4, size, FACE_REGULAR, ALIGN_LEFT, r->issuer, &r->pos);
		volume_cell(row, 5, size, FACE_REGULAR, ALIGN_CENTER, sheet, &r->pos);
		volume_cell(row, 6, size, FACE_REGULAR, ALIGN_LEFT, r->note, &r->pos);
	}
	out->page = compose_page(lay);
	out->kind = "volume-contents";
	return !b->failed;
}
