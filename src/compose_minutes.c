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

/* What the meeting is called: its `meeting`, or the first of the layout's
 * meeting_words its title starts with, or the layout's meeting_default. */
static const char *meeting_word(const struct layout *lay, const struct minutes *m)
{
	if (m->meeting.s)
		return m->meeting.s;
	for (size_t i = 0; i < lay->meeting_words.n; i++) {
		const char *w = lay->meeting_words.v[i].s;
		if (!strncmp(m->title.s, w, strlen(w)))
			return w;
	}
	return lay->meeting_default.s;
}

/* fmt (a layout text) with {key} replaced, appended to t. */
static void add(struct buf *t, const char *fmt, const char *key, const char *value)
{
	const struct text_subst s[] = {{key, value}};
	char *f = text_fill(fmt, s, 1);
	buf_adds(t, f);
	free(f);
}

static void add_count(struct buf *t, const char *fmt, long long n, bool pad)
{
	char *c = text_count((int)n, pad);
	add(t, fmt, "count", c);
	free(c);
}

/* The decree's fixed lines (Mẫu 1.9) from the meeting's fields; their
 * wording is the layout's (minutes_start …). */
static void attendance_line(struct buf *t, const struct layout *lay, const struct attendance *a, bool pad)
{
	add(t, lay->minutes_attendance.s, "text", a->text.s);
	if (a->summoned.set)
		add_count(t, lay->minutes_summoned.s, a->summoned.v, pad);
	if (a->present.set) {
		add_count(t, lay->minutes_present.s, a->present.v, pad);
		if (a->summoned.set && a->summoned.v > a->present.v) {
			add_count(t, lay->minutes_absent.s, a->summoned.v - a->present.v, pad);
			if (a->absent_note.s)
				add(t, lay->minutes_absent_note.s, "note", a->absent_note.s);
		}
	}
	buf_addc(t, '.');
}

static void line(struct blocks *b, const struct layout *lay, struct buf *t, const struct srcpos *pos)
{
	compose_body(b, lay, t->data, pos);
	t->len = 0;
}

static void fixed_lines(struct blocks *b, const struct layout *lay, const struct minutes *m, bool pad,
			const char *day)
{
	struct buf t = {0};
	char *when = text_time(m->start.h, m->start.m);
	const struct text_subst start[] = {{"time", when}, {"date", day}};
	char *f = text_fill(lay->minutes_start.s, start, 2);
	buf_adds(&t, f);
	free(f);
	free(when);
	line(b, lay, &t, &m->start.pos);
	add(&t, lay->minutes_venue.s, "venue", m->venue.s);
	line(b, lay, &t, &m->venue.pos);
	attendance_line(&t, lay, &m->attendance, pad);
	line(b, lay, &t, &m->attendance.text.pos);
	struct buf who = {0};
	const struct person *chairs = m->chairs.v;
	for (size_t i = 0; i < m->chairs.n; i++) {
		if (i)
			buf_adds(&who, "; ");
		person_line(&who, &chairs[i]);
	}
	add(&t, lay->minutes_chairs.s, "chairs", who.data);
	line(b, lay, &t, &chairs[0].name.pos);
	who.len = 0;
	person_line(&who, &m->secretary);
	add(&t, lay->minutes_secretary.s, "secretary", who.data);
	line(b, lay, &t, &m->secretary.name.pos);
	buf_free(&who);
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
		{.title = {lay->minutes_secretary_signs.s, m->secretary.name.pos}, .name = m->secretary.name},
		{.title = {lay->minutes_chair_signs.s, chairs[0].name.pos}, .name = chairs[0].name},
	};
	compose_footer(b, lay, two, 2, &m->recipients, &m->filed);
}

bool compose_minutes(const struct docfile *df, const struct layout *lay, struct composed *out)
{
	const struct minutes *m = &df->minutes;
	const struct issuer *is = m->issuer.s ? docfile_issuer(df, m->issuer.s) : NULL;
	const struct organisation *org = is ? &is->org : &df->org; /* a Party cell's: its layout is HD36's */
	bool pad = df->style.pad_counts.set ? df->style.pad_counts.v : true;
	struct blocks *b = &out->blocks;

	char *symbol = m->symbol.s ? xstrdup(m->symbol.s) : layout_symbol(lay, lay->minutes_abbreviation.s, org->abbreviation.s);
	char *number = layout_number(lay, m->number.set ? m->number.v : 0, symbol);
	compose_header(b, lay, org, number, NULL, NULL);

	struct para_style st = compose_style(layout_pt(&lay->type_size), ALIGN_CENTER);
	/* the date line's room stays empty: Mẫu 1.9 sets BIÊN BẢN that much lower */
	st.space_before = layout_pt(&lay->title_space) + layout_pt(&lay->date_size) * 6 / 5;
	st.upper = true;
	compose_para(b, &st, FACE_BOLD, lay->minutes_type.s, NULL, false)->keep_with_next = true;
	st = compose_style(layout_pt(&lay->summary_size), ALIGN_CENTER);
	compose_para(b, &st, FACE_BOLD, m->title.s, &m->title.pos, false);
	blocks_rule(b, lay->summary_rule.v, 0, compose_rule_gap(lay, &lay->summary_size),
		    layout_pt(&lay->rule_width));
	blocks_space(b, layout_pt(&lay->opening_space));

	char *day = text_date_words(m->date.d);
	fixed_lines(b, lay, m, pad, day);
	const char *word = meeting_word(lay, m);
	char *lower = text_lower(word);
	const struct text_subst mw[] = {{"meeting", word}, {"meeting_lower", lower}};
	char *t = text_fill(lay->minutes_content.s, mw, 2);
	compose_body(b, lay, t, NULL)->keep_with_next = true;
	free(t);
	bool ok = sections(b, lay, m);
	for (size_t i = 0; i < m->closing.n; i++)
		compose_body(b, lay, m->closing.v[i].s, &m->closing.v[i].pos);

	char *end = text_time(m->end.h, m->end.m);
	const struct text_subst close[] = {{"meeting", word}, {"meeting_lower", lower}, {"time", end}, {"date", day}};
	t = text_fill(lay->minutes_end.s, close, 4);
	compose_body(b, lay, t, &m->end.pos);
	free(t);
	free(end);
	free(lower);
	free(day);
	signatures(b, lay, m);

	char *ref = compose_number_ref(number);
	compose_finish(out, lay, "minutes", lay->minutes_type.s, m->title.s, org->name.s, ref);
	out->meta.date = xasprintf("%04d-%02d-%02d", m->date.d.y, m->date.d.m, m->date.d.d);
	free(ref);
	char *slug = text_slug(m->title.s, 200);
	out->name = xasprintf("bien-ban-%s", slug);
	free(slug);
	free(symbol);
	free(number);
	return ok && !b->failed;
}
