/* compose_volume_cover.c — the front panel of a hồ sơ's cover (bìa hồ sơ,
 * TCVN 9251:2012 as docs/rules.md §4 lists its fields) printed on A4: the
 * body and its superior, the unit, "HỒ SƠ" as the largest line, the
 * file's title, its dates, "Gồm … tờ", the retention, and the archive's
 * Phông số / Mục lục số / Hồ sơ số as values or blanks to fill in. The
 * standard's exact positions were not available: the fields follow its
 * order, centred, and the driver draws the frame. */
#include "compose_volume.h"

#include <stdlib.h>

#include "util.h"

/* Sizes relative to the layout's title size ([U]: TCVN 9251 not read). */
#define HOSO_SCALE 2.6
#define TITLE_SCALE 1.15

static void archive_boxes(struct blocks *b, const struct layout *lay, const struct volume *v)
{
	static const char *const heads[] = {"Phông số", "Mục lục số", "Hồ sơ số"};
	const struct text *vals[] = {&v->fonds, &v->catalogue, &v->file_number};
	int32_t size = layout_pt(&lay->body_size);
	int32_t width = volume_text_width(lay);
	struct block *tb = blocks_table(b, 3);
	struct table *t = tb->table;
	t->rule = VOL_PT(0.75);
	t->pad_x = VOL_PT(4);
	t->pad_y = VOL_PT(5);
	for (int i = 0; i < 3; i++)
		t->cols[i].width = (width - t->rule) / 3;
	struct table_row *h = table_add_row(t), *r = table_add_row(t);
	for (size_t i = 0; i < 3; i++) {
		volume_cell(h, i, size, FACE_BOLD, ALIGN_CENTER, heads[i], NULL);
		/* blank: the archive writes it when the file is handed over */
		volume_cell(r, i, size, FACE_REGULAR, ALIGN_CENTER,
			    vals[i]->s ? vals[i]->s : "………………", &vals[i]->pos);
	}
}

bool compose_volume_cover(const struct volfile *vf, const struct layout *lay, int sheets,
			  struct composed *out)
{
	const struct volume *v = &vf->volume;
	const struct organisation *org = &vf->org;
	struct blocks *b = &out->blocks;
	int32_t body = layout_pt(&lay->body_size), type = layout_pt(&lay->type_size);
	struct para_style st = compose_style(layout_pt(&lay->parent_size), ALIGN_CENTER);
	st.upper = true;
	blocks_space(b, VOL_PT(18));
	if (org->parent.s)
		compose_para(b, &st, FACE_REGULAR, org->parent.s, &org->parent.pos, false);
	st = compose_style(layout_pt(&lay->issuer_size), ALIGN_CENTER);
	st.upper = true;
	compose_para(b, &st, FACE_BOLD, org->name.s, &org->name.pos, false);
	if (v->unit.s) {
		st.space_before = VOL_PT(4);
		compose_para(b, &st, FACE_BOLD, v->unit.s, &v->unit.pos, false);
	}
	blocks_rule(b, lay->issuer_rule.v, 0, VOL_PT(6), layout_pt(&lay->rule_width));
	blocks_space(b, VOL_PT(120));
	volume_line(b, (int32_t)(type * HOSO_SCALE), FACE_BOLD, ALIGN_CENTER, "HỒ SƠ", NULL);
	blocks_space(b, VOL_PT(18));
	st = compose_style((int32_t)(type * TITLE_SCALE), ALIGN_CENTER);
	st.left = st.right = MM(10);
	compose_para(b, &st, FACE_BOLD, v->title.s, &v->title.pos, false)->keep_with_next = true;
	blocks_space(b, VOL_PT(24));
	char *from = text_date_words(v->from.d), *to = text_date_words(v->to.d);
	char *span = xasprintf("Từ %s đến %s", from, to);
	volume_line(b, body, FACE_ITALIC, ALIGN_CENTER, span, &v->from.pos);
	free(span), free(from), free(to);
	char *count = xasprintf("Gồm %d tờ", sheets);
	blocks_space(b, VOL_PT(6));
	volume_line(b, body, FACE_REGULAR, ALIGN_CENTER, count, NULL);
	free(count);
	blocks_space(b, VOL_PT(150));
	char *keep = xasprintf("Thời hạn bảo quản: %s", v->retention.s);
	volume_line(b, body, FACE_BOLD, ALIGN_CENTER, keep, &v->retention.pos);
	free(keep);
	blocks_space(b, VOL_PT(18));
	archive_boxes(b, lay, v);

	out->page = compose_page(lay);
	out->page.number_size = 0;
	out->kind = "volume";
	out->meta.title = xasprintf("Hồ sơ %s %s", v->number.s, v->title.s);
	out->meta.author = xstrdup(org->name.s);
	out->meta.subject = xasprintf("Hồ sơ %s", v->number.s);
	out->meta.creator = xstrdup("vanban");
	out->meta.type_name = xstrdup("Hồ sơ");
	out->meta.number = xstrdup(v->number.s);
	out->meta.summary = xstrdup(v->title.s);
	out->meta.issuer = xstrdup(org->name.s);
	out->meta.date = xasprintf("%04d-%02d-%02d", v->to.d.y, v->to.d.m, v->to.d.d);
	char *slug = text_slug(v->number.s, 40), *tslug = text_slug(v->title.s, 160);
	out->name = xasprintf("ho-so-%s-%s", slug, tslug);
	free(slug), free(tslug);
	return !b->failed;
}
