/* compose_volume_list.c — a year's lists of files (ND30 Phụ lục V, Mục
 * II and III; docs/rules.md §4): the Danh mục hồ sơ, with Roman headings
 * per unit and the count of files by retention at its end, and the Mục
 * lục hồ sơ, tài liệu nộp lưu of the files handed to the archive, one for
 * those kept permanently (no retention column, Phụ lục V note 2) and one
 * for those kept for a time, closing with the count in words and the
 * compiler's signature. */
#include "compose_volume.h"

#include <stdio.h>
#include <stdlib.h>

#include "util.h"

static char *roman(size_t n)
{
	static const char *const r[] = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V",
					"IV", "I"};
	static const size_t v[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
	struct buf b = {0};
	for (size_t i = 0; i < 13; i++)
		for (; n >= v[i]; n -= v[i])
			buf_adds(&b, r[i]);
	return buf_steal(&b);
}

static void title_block(struct blocks *b, const struct layout *lay, const char *title,
			const char *second, long long year, const struct text *basis)
{
	int32_t type = layout_pt(&lay->type_size);
	blocks_space(b, VOL_PT(18));
	volume_line(b, type, FACE_BOLD, ALIGN_CENTER, title, NULL);
	if (second)
		volume_line(b, type, FACE_BOLD, ALIGN_CENTER, second, NULL);
	char *y = xasprintf("Năm %lld", year);
	volume_line(b, type, FACE_BOLD, ALIGN_CENTER, y, NULL);
	free(y);
	if (basis && basis->s) {
		char *t = xasprintf("(%s)", basis->s);
		volume_line(b, layout_pt(&lay->body_size), FACE_ITALIC, ALIGN_CENTER, t, &basis->pos);
		free(t);
	}
	blocks_rule(b, 0, MM(15), VOL_PT(8), layout_pt(&lay->rule_width))->keep_with_next = true;
	blocks_space(b, VOL_PT(6))->keep_with_next = true;
}

static void closing_line(struct blocks *b, const struct layout *lay, const char *text)
{
	struct para_style st = compose_style(layout_pt(&lay->body_size), ALIGN_LEFT);
	st.indent = layout_mm(&lay->body_indent);
	st.space_before = VOL_PT(3);
	compose_para(b, &st, FACE_REGULAR, text, NULL, false);
}

static void finish(struct composed *out, const struct recfile *rf, const struct layout *lay,
		   const char *kind, const char *type, const char *slug)
{
	out->page = compose_page(lay);
	out->kind = kind;
	out->meta.title = xasprintf("%s năm %lld", type, rf->records.year.v);
	out->meta.author = xstrdup(rf->org.name.s);
	out->meta.creator = xstrdup("vanban");
	out->meta.type_name = xstrdup(type);
	out->meta.summary = xasprintf("Năm %lld", rf->records.year.v);
	out->meta.issuer = xstrdup(rf->org.name.s);
	out->name = xasprintf("%s-%lld", slug, rf->records.year.v);
}

static const char *const list_heads[5] = {"Số và ký hiệu hồ sơ", "Tên đề mục và tiêu đề hồ sơ",
					  "Thời hạn bảo quản", "Người lập hồ sơ", "Ghi chú"};
static const int list_shares[5] = {140, 420, 130, 190, 120};

bool compose_records_list(const struct recfile *rf, const struct layout *lay,
			  const struct records_row *rows, size_t n, struct composed *out)
{
	const struct year_records *r = &rf->records;
	struct blocks *b = &out->blocks;
	compose_header(b, lay, &rf->org, NULL, NULL, NULL);
	title_block(b, lay, "DANH MỤC HỒ SƠ", NULL, r->year.v, &r->basis);
	struct table *t = volume_table(b, lay, list_heads, list_shares, 5);
	int32_t size = VOL_PT(12);
	const struct records_heading *h = r->headings.v;
	size_t permanent = 0;
	for (size_t i = 0, k = 0; i < r->headings.n; i++) {
		char *num = roman(i + 1), *up = text_upper(h[i].title.s);
		char *head = xasprintf("%s. %s", num, up);
		volume_cell(table_add_row(t), 1, size, FACE_BOLD, ALIGN_LEFT, head, &h[i].title.pos);
		free(num), free(up), free(head);
		for (; k < n && rows[k].heading == i; k++) {
			struct table_row *row = table_add_row(t);
			volume_cell(row, 0, size, FACE_REGULAR, ALIGN_CENTER, rows[k].number, &rows[k].pos);
			volume_cell(row, 1, size, FACE_REGULAR, ALIGN_LEFT, rows[k].title, &rows[k].pos);
			volume_cell(row, 2, size, FACE_REGULAR, ALIGN_CENTER, rows[k].retention, &rows[k].pos);
			volume_cell(row, 3, size, FACE_REGULAR, ALIGN_CENTER, rows[k].compiler, &rows[k].pos);
			volume_cell(row, 4, size, FACE_REGULAR, ALIGN_LEFT, rows[k].note, &rows[k].pos);
			permanent += volume_retention_permanent(rows[k].retention);
		}
	}
	char *all = text_count((int)n, true), *pe = text_count((int)permanent, true);
	char *li = text_count((int)(n - permanent), true);
	char *line = xasprintf("Danh mục hồ sơ này có %s hồ sơ, bao gồm:", all);
	closing_line(b, lay, line);
	free(line);
	line = xasprintf("%s hồ sơ bảo quản vĩnh viễn;", pe);
	closing_line(b, lay, line);
	free(line);
	line = xasprintf("%s hồ sơ bảo quản có thời hạn.", li);
	closing_line(b, lay, line);
	free(line), free(all), free(pe), free(li);
	finish(out, rf, lay, "records-list", "Danh mục hồ sơ", "danh-muc-ho-so");
	return !b->failed;
}

static const char *const hand_heads[7] = {"Số TT", "Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ",
					  "Thời gian tài liệu", "Thời hạn bảo quản",
					  "Số tờ/ Số trang", "Ghi chú"};
static const int hand_shares[7] = {70, 130, 330, 170, 130, 90, 80};
/* without the retention column: its share goes to the title */
static const int hand_shares_permanent[6] = {70, 130, 460, 170, 90, 80};

static void handover_row(struct table *t, const struct records_row *r, size_t stt, bool permanent)
{
	int32_t size = VOL_PT(12);
	struct table_row *row = table_add_row(t);
	char num[24], sheets[24];
	snprintf(num, sizeof num, "%zu", stt);
	snprintf(sheets, sizeof sheets, "%d", r->sheets);
	char *span = r->from ? xasprintf("%s - %s", r->from, r->to) : xstrdup("");
	size_t c = 0;
	volume_cell(row, c++, size, FACE_REGULAR, ALIGN_CENTER, num, &r->pos);
	volume_cell(row, c++, size, FACE_REGULAR, ALIGN_CENTER, r->number, &r->pos);
	volume_cell(row, c++, size, FACE_REGULAR, ALIGN_LEFT, r->title, &r->pos);
	volume_cell(row, c++, size, FACE_REGULAR, ALIGN_CENTER, span, &r->pos);
	if (!permanent)
		volume_cell(row, c++, size, FACE_REGULAR, ALIGN_CENTER, r->retention, &r->pos);
	volume_cell(row, c++, size, FACE_REGULAR, ALIGN_CENTER, r->sheets ? sheets : "", &r->pos);
	volume_cell(row, c, size, FACE_REGULAR, ALIGN_LEFT, r->note, &r->pos);
	free(span);
}

bool compose_records_handover(const struct recfile *rf, const struct layout *lay,
			      const struct records_row *rows, size_t n, bool permanent,
			      struct composed *out)
{
	const struct year_records *r = &rf->records;
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += rows[i].hand_over && volume_retention_permanent(rows[i].retention) == permanent;
	if (!count)
		return false;
	struct blocks *b = &out->blocks;
	/* the unit hands over; the body is its superior in the header */
	struct organisation org = rf->org;
	if (r->unit.s) {
		org.parent = rf->org.name;
		org.name = r->unit;
	}
	compose_header(b, lay, &org, NULL, NULL, NULL);
	title_block(b, lay, "MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU",
		    permanent ? "BẢO QUẢN VĨNH VIỄN" : "BẢO QUẢN CÓ THỜI HẠN", r->year.v, NULL);
	const char *heads[7];
	for (size_t i = 0, k = 0; i < 7; i++)
		if (!permanent || i != 4)
			heads[k++] = hand_heads[i];
	struct table *t = volume_table(b, lay, heads, permanent ? hand_shares_permanent : hand_shares,
				       permanent ? 6 : 7);
	for (size_t i = 0, stt = 0; i < n; i++)
		if (rows[i].hand_over && volume_retention_permanent(rows[i].retention) == permanent)
			handover_row(t, &rows[i], ++stt, permanent);
	char *num = text_count((int)count, true);
	struct words_style ws = {.capital = true};
	char *words = text_number_words(count, &ws);
	char *line = xasprintf("Mục lục này gồm: %s hồ sơ (đơn vị bảo quản).", num);
	closing_line(b, lay, line);
	free(line);
	line = xasprintf("Viết bằng chữ: %s hồ sơ (đơn vị bảo quản).", words);
	closing_line(b, lay, line);
	free(line), free(num), free(words);
	volume_signer(b, lay, r->place.s ? r->place.s : rf->org.place.s, r->date.set ? &r->date.d : NULL,
		      "Người lập", "(Ký và ghi rõ họ và tên, chức vụ)", r->compiler.s);
	finish(out, rf, lay, "records-handover", "Mục lục hồ sơ, tài liệu nộp lưu",
	       permanent ? "muc-luc-nop-luu-vinh-vien" : "muc-luc-nop-luu-co-thoi-han");
	return !b->failed;
}
