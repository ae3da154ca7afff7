/* compose_volume_end.c — the Chứng từ kết thúc of a hồ sơ (ND30 Điều 29;
 * the wording of the older form, docs/rules.md §4): the file's sheets in
 * digits and in words, the Mục lục's own sheets, what is notable about the
 * documents, and the compiler's place, date and signature. */
#include "compose_volume.h"

#include <stdlib.h>

#include "util.h"

static void body_line(struct blocks *b, const struct layout *lay, const char *text,
		      const struct srcpos *pos)
{
	struct para_style st = compose_style(layout_pt(&lay->body_size), ALIGN_LEFT);
	st.leading = layout_pt(&lay->body_leading);
	st.indent = layout_mm(&lay->body_indent);
	st.space_after = layout_pt(&lay->body_space);
	compose_para(b, &st, FACE_REGULAR, text, pos, false);
}

bool compose_volume_end(const struct volfile *vf, const struct layout *lay, int sheets,
			int toc_sheets, struct composed *out)
{
	const struct volume *v = &vf->volume;
	struct blocks *b = &out->blocks;
	int32_t type = layout_pt(&lay->type_size);
	blocks_space(b, VOL_PT(24));
	volume_line(b, type, FACE_BOLD, ALIGN_CENTER, "CHỨNG TỪ KẾT THÚC", NULL);
	char *line = xasprintf("Số, ký hiệu hồ sơ: %s", v->number.s);
	volume_line(b, layout_pt(&lay->body_size), FACE_BOLD, ALIGN_CENTER, line, &v->number.pos);
	free(line);
	blocks_rule(b, 0, MM(15), VOL_PT(8), layout_pt(&lay->rule_width));
	blocks_space(b, VOL_PT(18));

	struct words_style ws = {.capital = true};
	char *words = text_number_words((unsigned long long)sheets, &ws);
	line = xasprintf("Hồ sơ này gồm có: %d tờ.", sheets);
	body_line(b, lay, line, NULL);
	free(line);
	line = xasprintf("Viết bằng chữ: %s tờ.", words);
	body_line(b, lay, line, NULL);
	free(line), free(words);
	line = xasprintf("Mục lục văn bản có: %d tờ.", toc_sheets);
	body_line(b, lay, line, NULL);
	free(line);
	line = xasprintf("Đặc điểm của tài liệu trong hồ sơ: %s",
			 v->features.s ? v->features.s : "……………………………");
	body_line(b, lay, line, v->features.s ? &v->features.pos : NULL);
	free(line);
	const struct date *date = v->date.set ? &v->date.d : &v->to.d;
	volume_signer(b, lay, v->place.s ? v->place.s : vf->org.place.s, date, "Người lập hồ sơ",
		      "(Ký và ghi rõ họ tên)", v->compiler.s);
	out->page = compose_page(lay);
	out->kind = "volume-end";
	return !b->failed;
}
