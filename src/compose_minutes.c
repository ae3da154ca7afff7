/* compose_minutes.c — Biên bản after ND30 Phụ lục III, Mẫu 1.9: header
 * without a date line, title, the meeting's facts in the model's order,
 * the proceedings, the closing sentence, THƯ KÝ / CHỦ TỌA and Nơi nhận. */
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "util.h"

#define PT(x) ((int32_t)((x) * 1000))

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

/* "N. Title" in bold, numbered in order of appearance, kept with what follows. */
static void heading(struct blocks *b, const struct layout *lay, int *section, const char *title)
{
	struct para_style st = compose_style(layout_pt(&lay->body_size), ALIGN_JUSTIFY);
	st.leading = layout_pt(&lay->body_leading);
	st.indent = layout_mm(&lay->body_indent);
	st.space_after = layout_pt(&lay->body_space);
	char *h = xasprintf("%d. %s", ++*section, title);
	compose_para(b, &st, FACE_BOLD, h, NULL, false)->keep_with_next = true;
	free(h);
}

static void paragraphs(struct blocks *b, const struct layout *lay, const struct texts *t)
{
	for (size_t i = 0; i < t->n; i++)
		compose_body(b, lay, t->v[i].s, &t->v[i].pos);
}

static void list_item(struct blocks *b, const struct layout *lay, const char *text,
		      const struct srcpos *pos, bool last)
{
	char *t = xasprintf("- %s%s", text, last ? "." : ";");
	compose_body(b, lay, t, pos);
	free(t);
}

/* An optional lead-in sentence, then "- 08 …;" items, the last ending ".". */
static void counted_list(struct blocks *b, const struct layout *lay, const struct text *intro,
			 const struct records *items, bool pad)
{
	if (intro->s)
		compose_body(b, lay, intro->s, &intro->pos)->keep_with_next = true;
	const struct counted *c = items->v;
	for (size_t i = 0; i < items->n; i++) {
		char *t = compose_counted(&c[i], pad);
		list_item(b, lay, t, &c[i].text.pos, i + 1 == items->n);
		free(t);
	}
}

bool compose_minutes(const struct docfile *df, const struct layout *lay, struct composed *out)
{
	const struct minutes *m = &df->minutes;
	const struct organisation *org = &df->org;
	bool pad = df->style.pad_counts.set ? df->style.pad_counts.v : true;
	struct blocks *b = &out->blocks;
	struct buf t = {0};

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

	char *when = text_time(m->start.h, m->start.m);
	char *day = text_date_words(m->date.d);
	buf_printf(&t, "Thời gian bắt đầu: %s, %s.", when, day);
	compose_body(b, lay, t.data, &m->start.pos);
	free(when);
	t.len = 0;
	buf_printf(&t, "Địa điểm: %s.", m->venue.s);
	compose_body(b, lay, t.data, &m->venue.pos);

	t.len = 0;
	const struct attendance *a = &m->attendance;
	buf_printf(&t, "Thành phần tham dự: %s", a->text.s);
	if (a->summoned.set) {
		char *n = text_count((int)a->summoned.v, pad);
		buf_printf(&t, "; tổng số được triệu tập: %s người", n);
		free(n);
	}
	if (a->present.set) {
		char *n = text_count((int)a->present.v, pad);
		buf_printf(&t, ", có mặt: %s người", n);
		free(n);
		if (a->summoned.set && a->summoned.v > a->present.v) {
			n = text_count((int)(a->summoned.v - a->present.v), pad);
			buf_printf(&t, ", vắng: %s người", n);
			free(n);
			if (a->absent_note.s)
				buf_printf(&t, " (%s)", a->absent_note.s);
		}
	}
	buf_addc(&t, '.');
	compose_body(b, lay, t.data, &a->text.pos);

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

	const char *word = meeting_word(m->title.s);
	t.len = 0;
	buf_printf(&t, "Nội dung (theo diễn biến %s):", word[0] == 'C' ? "cuộc họp" : "hội nghị");
	compose_body(b, lay, t.data, NULL)->keep_with_next = true;

	int section = 0;
	if (m->proceedings.n) {
		heading(b, lay, &section, "Đánh giá kết quả thực hiện nhiệm vụ");
		paragraphs(b, lay, &m->proceedings);
	}
	if (m->reports.n) {
		heading(b, lay, &section, "Các báo cáo được thông qua");
		compose_body(b, lay, "Hội nghị đã thảo luận và thông qua:", NULL)->keep_with_next = true;
		for (size_t i = 0; i < m->reports.n; i++)
			list_item(b, lay, m->reports.v[i].s, &m->reports.v[i].pos, i + 1 == m->reports.n);
	}
	if (m->pledge.s) {
		heading(b, lay, &section, "Ký kết giao ước thi đua");
		compose_body(b, lay, m->pledge.s, &m->pledge.pos);
	}
	if (m->awards.n || m->awards_intro.s) {
		heading(b, lay, &section, "Khen thưởng");
		counted_list(b, lay, &m->awards_intro, &m->awards, pad);
	}
	if (m->conclusion.n) {
		heading(b, lay, &section, "Kết luận của chủ tọa");
		paragraphs(b, lay, &m->conclusion);
	}
	if (m->tasks.n) {
		heading(b, lay, &section, "Nhiệm vụ trọng tâm");
		counted_list(b, lay, &m->tasks_intro, &m->tasks, pad);
	}
	paragraphs(b, lay, &m->closing);

	char *end = text_time(m->end.h, m->end.m);
	t.len = 0;
	buf_printf(&t, "%s kết thúc vào %s, %s./.", word, end, day);
	compose_body(b, lay, t.data, &m->end.pos);
	free(end);
	free(day);

	struct signer_side sec = {"THƯ KÝ", m->secretary.name.s, m->secretary.name.pos};
	struct signer_side chair = {"CHỦ TỌA", chairs[0].name.s, chairs[0].name.pos};
	compose_signatures(b, lay, &sec, &chair);
	compose_recipients(b, lay, &m->recipients, &m->filed);

	compose_finish(out, lay, "minutes", "Biên bản", m->title.s, org->name.s, number);
	char *slug = text_slug(m->title.s, 200);
	out->name = xasprintf("bien-ban-%s", slug);
	free(slug);
	free(symbol);
	free(number);
	buf_free(&t);
	return true;
}
