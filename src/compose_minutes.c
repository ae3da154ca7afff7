/* compose_minutes.c — Biên bản after ND30 Phụ lục III, Mẫu 1.9: header
 * without a date line, title, the meeting's facts in the model's order,
 * the proceedings, the closing sentence, THƯ KÝ / CHỦ TỌA and Nơi nhận. */
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "util.h"


/* "TS. Hồ Ngọc Trường - Tỉnh ủy viên, Bí thư Đảng ủy" */
static void person_line(struct buf *b, const struct person *p)
{
	if (p->degree.s)
		buf_printf(b, "%s ", p->degree.s);
	buf_adds(b, p->name.s);
	for (size_t i = 0; i < p->roles.n; i++)
		buf_printf(b, "%s%s", i ? ", " : " - ", p->roles.v[i].s);
}

static const char *meeting_word(const char *title)
{
	static const char *const words[] = {"Hội nghị", "Hội thảo", "Đại hội", "Cuộc họp"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (!strncmp(title, words[i], strlen(words[i])))
			return words[i];
	return "Cuộc họp";
}

/* The decree's fixed lines (Mẫu 1.9) from the meeting's fields. */
static void attendance_line(struct buf *t, const struct attendance *a, bool pad)
{
	buf_printf(t, "Thành phần tham dự: %s", a->text.s);
	if (a->summoned.set) {
		char *n = text_count((int)a->summoned.v, pad);
		buf_printf(t, "; tổng số được triệu tập: %s người", n);
		free(n);
	}
	if (a->present.set) {
		char *n = text_count((int)a->present.v, pad);
		buf_printf(t, ", có mặt: %s người", n);
		free(n);
		if (a->summoned.set && a->summoned.v > a->present.v) {
			n = text_count((int)(a->summoned.v - a->present.v), pad);
			buf_printf(t, ", vắng: %s người", n);
			free(n);
			if (a->absent_note.s)
				buf_printf(t, " (%s)", a->absent_note.s);
		}
	}
	buf_addc(t, '.');
}

static void fixed_lines(struct blocks *b, const struct layout *lay, const struct minutes *m, bool pad,
			const char *day)
{
	struct buf t = {0};
	char *when = text_time(m->start.h, m->start.m);
	buf_printf(&t, "Thời gian bắt đầu: %s, %s.", when, day);
	compose_body(b, lay, t.data, &m->start.pos);
	free(when);
	t.len = 0;
	buf_printf(&t, "Địa điểm: %s.", m->venue.s);
	compose_body(b, lay, t.data, &m->venue.pos);
	t.len = 0;
	attendance_line(&t, &m->attendance, pad);
	compose_body(b, lay, t.data, &m->attendance.text.pos);
	t.len = 0;
	buf_adds(&t, "Chủ trì (chủ tọa): ");
	const struct person *chairs = m->chairs.v;
	for (size_t i = 0; i < m->chairs.n; i++) {
		if (i)
			buf_adds(&t, "; ");
		person_line(&t, &chairs[i]);
	}
	buf_addc(&t, '.');
	compose_body(b, lay, t.data, &chairs[0].name.pos);
	t.len = 0;
	buf_adds(&t, "Thư ký (người ghi biên bản): ");
	person_line(&t, &m->secretary);
	buf_addc(&t, '.');
	compose_body(b, lay, t.data, &m->secretary.name.pos);
	buf_free(&t);
}

/* The sections the input gives, each "N. Heading" (the layout's "number"
 * heading form) and its blocks. */
static bool sections(struct blocks *b, const struct layout *lay, const struct minutes *m)
{
	bool ok = true;
	struct body_state bs = {0};
	const struct section *sec = m->sections.v;
	for (size_t i = 0; i < m->sections.n; i++) {
		struct body_block h = {.heading = sec[i].heading, .level = {"number", sec[i].heading.pos},
				       .number = sec[i].number, .type = BODY_HEADING};
		struct records one = {&h, 1};
		ok &= compose_blocks(b, lay, &one, &bs);
		ok &= compose_blocks(b, lay, &sec[i].body, &bs);
	}
	return ok;
}

/* THƯ KÝ and CHỦ TỌA (Mẫu 1.9), or the signers the input names. */
static void signatures(struct blocks *b, const struct layout *lay, const struct minutes *m)
{
	if (m->signers.n) {
		compose_footer(b, lay, m->signers.v, m->signers.n, &m->recipients, &m->filed);
		return;
	}
	const struct person *chairs = m->chairs.v;
	struct signer two[2] = {
		{.title = {"THƯ KÝ", m->secretary.name.pos}, .name = m->secretary.name},
		{.title = {"CHỦ TỌA", chairs[0].name.pos}, .name = chairs[0].name},
	};
	compose_footer(b, lay, two, 2, &m->recipients, &m->filed);
}

bool compose_minutes(const struct docfile *df, const struct layout *lay, struct composed *out)
{
	const struct minutes *m = &df->minutes;
	const struct organisation *org = &df->org;
	bool pad = df->style.pad_counts.set ? df->style.pad_counts.v : true;
	struct blocks *b = &out->blocks;

	char *symbol = m->symbol.s ? xstrdup(m->symbol.s) : layout_symbol(lay, "BB", org->abbreviation.s);
	char *number = layout_number(lay, m->number.set ? m->number.v : 0, symbol);
	compose_header(b, lay, org, number, NULL, NULL);

	struct para_style st = compose_style(layout_pt(&lay->type_size), ALIGN_CENTER);
	/* the date line's room stays empty: Mẫu 1.9 sets BIÊN BẢN that much lower */
	st.space_before = layout_pt(&lay->title_space) + layout_pt(&lay->date_size) * 6 / 5;
	compose_para(b, &st, FACE_BOLD, "BIÊN BẢN", NULL, false)->keep_with_next = true;
	st = compose_style(layout_pt(&lay->summary_size), ALIGN_CENTER);
	compose_para(b, &st, FACE_BOLD, m->title.s, &m->title.pos, false);
	blocks_rule(b, lay->summary_rule.v, 0, compose_rule_gap(lay, &lay->summary_size),
		    layout_pt(&lay->rule_width));
	blocks_space(b, layout_pt(&lay->opening_space));

	char *day = text_date_words(m->date.d);
	fixed_lines(b, lay, m, pad, day);
	const char *word = m->meeting.s ? m->meeting.s : meeting_word(m->title.s);
	char *lower = text_lower(word);
	char *t = xasprintf("Nội dung (theo diễn biến %s):", lower);
	compose_body(b, lay, t, NULL)->keep_with_next = true;
	free(t);
	free(lower);
	bool ok = sections(b, lay, m);
	for (size_t i = 0; i < m->closing.n; i++)
		compose_body(b, lay, m->closing.v[i].s, &m->closing.v[i].pos);

	char *end = text_time(m->end.h, m->end.m);
	t = xasprintf("%s kết thúc vào %s, %s./.", word, end, day);
	compose_body(b, lay, t, &m->end.pos);
	free(t);
	free(end);
	free(day);
	signatures(b, lay, m);

	char *ref = compose_number_ref(number);
	compose_finish(out, lay, "minutes", "Biên bản", m->title.s, org->name.s, ref);
	out->meta.date = xasprintf("%04d-%02d-%02d", m->date.d.y, m->date.d.m, m->date.d.d);
	free(ref);
	char *slug = text_slug(m->title.s, 200);
	out->name = xasprintf("bien-ban-%s", slug);
	free(slug);
	free(symbol);
	free(number);
	return ok && !b->failed;
}
