/* compose_decision.c — Quyết định after ND30 Phụ lục III, Mẫu 1.2 (and the
 * Party and trade-union styles, which differ only in their layout data):
 * header with number and date, QUYẾT ĐỊNH and its summary, the authority,
 * the bases, the articles, Nơi nhận beside the signature, and the attached
 * list (Danh sách) as an appendix numbered on its own. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "util.h"


long long decision_amount(const struct amount *a, bool collective)
{
	if (!a->coefficient.set || !a->base_salary.set)
		return 0;
	/* in thousandths of the coefficient, so 0.3 × 1 490 000 is exact */
	long long milli = llround(a->coefficient.v * 1000);
	long long raw = (milli * a->base_salary.v + 999) / 1000;
	long long one = (raw + 9999) / 10000 * 10000;
	if (!collective)
		return one;
	double f = a->collective_factor.set ? a->collective_factor.v : 2;
	return llround(f * (double)one);
}

static char *money(long long v)
{
	char *n = text_thousands(v);
	char *s = xasprintf("%s đồng", n);
	free(n);
	return s;
}

static char *money_words(long long v, const struct words_style *style)
{
	struct words_style ws = *style;
	ws.capital = true;
	char *w = text_number_words((unsigned long long)v, &ws);
	char *s = xasprintf("%s đồng", w);
	free(w);
	return s;
}

struct counts {
	size_t people, groups;
	long long total;
};

static struct counts count_roster(const struct decision *d, const struct roster *r)
{
	struct counts c = {0};
	for (size_t i = 0; i < r->n; i++) {
		bool g = r->v[i].collective.v;
		if (g)
			c.groups++;
		else
			c.people++;
		c.total += decision_amount(&d->amount, g);
	}
	return c;
}

/* An article with {count}, {amount}, {amount_words}, {collective_amount},
 * {collective_amount_words}, {total} and {total_words} filled in. */
static char *expand(const char *s, const struct decision *d, const struct counts *c, bool pad,
		    const struct words_style *ws)
{
	long long one = decision_amount(&d->amount, false), two = decision_amount(&d->amount, true);
	struct text_subst v[] = {
		{"count", text_count((int)(c->people + c->groups), pad)},
		{"amount", money(one)},
		{"amount_words", money_words(one, ws)},
		{"collective_amount", money(two)},
		{"collective_amount_words", money_words(two, ws)},
		{"total", money(c->total)},
		{"total_words", money_words(c->total, ws)},
	};
	size_t n = sizeof v / sizeof *v;
	char *out = text_fill(s, v, n);
	for (size_t i = 0; i < n; i++)
		free((char *)v[i].value);
	return out;
}

static bool ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);
	return n >= m && !strcmp(s + n - m, end);
}

static void centred_line(struct blocks *b, int32_t size, enum face face, const char *text,
			 const struct srcpos *pos, bool upper)
{
	struct para_style st = compose_style(size, ALIGN_CENTER);
	st.upper = upper;
	compose_para(b, &st, face, text, pos, false)->keep_with_next = true;
}

static struct para_style body_style(const struct layout *lay)
{
	struct para_style st = compose_style(layout_pt(&lay->body_size), ALIGN_JUSTIFY);
	st.leading = layout_pt(&lay->body_leading);
	st.indent = layout_mm(&lay->body_indent);
	st.space_after = layout_pt(&lay->body_space);
	return st;
}

/* The signature's title lines: "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG". */
static char *signer_title(const struct signer *s)
{
	if (s->prefix.s && s->authority.s && strcmp(s->authority.s, s->title.s) != 0)
		return xasprintf("%s %s\n%s", s->prefix.s, s->authority.s, s->title.s);
	if (s->prefix.s)
		return xasprintf("%s %s", s->prefix.s, s->title.s);
	return xstrdup(s->title.s);
}

static void footer(struct blocks *b, const struct layout *lay, const struct decision *d)
{
	int32_t width = MM(lay->width.v - lay->left.v - lay->right.v);
	struct block *cols = blocks_columns(b, 2);
	int32_t lw = (int32_t)(width * lay->sign_share.v); /* Nơi nhận | the signer */
	cols->cols[0] = (struct column){0, lw, {0}};
	cols->cols[1] = (struct column){lw, width - lw, {0}};
	cols->keep_prev_lines = 2;
	cols->st.space_before = layout_pt(&lay->signature_space);
	cols->level_baselines = true; /* "Nơi nhận:" level with the signer's title (ND30 ô 9b) */
	compose_recipients_into(&cols->cols[0].blocks, lay, &d->recipients_to, &d->filed, 0);
	char *title = signer_title(&d->signer);
	struct signer_side side = {title, d->signer.name.s, d->signer.title.pos};
	compose_signer(&cols->cols[1].blocks, lay, &side);
	free(title);
}

static void add_cell(struct table_row *row, size_t col, int32_t size, enum face face, enum align al,
		     const char *text, const struct srcpos *pos)
{
	struct para_style st = compose_style(size, al);
	compose_para(&row->cells[col].blocks, &st, face, text, pos, false);
}

/* One row of the list: its number, the name, the job (a collective's name
 * takes the job's column too when it has none), the amount. */
static void list_row(struct table *t, const struct decision *d, const struct recipient *p, size_t num,
		     int32_t tsize, bool job_col)
{
	struct table_row *row = table_add_row(t);
	char stt[24];
	snprintf(stt, sizeof stt, "%zu", num);
	size_t k = 0;
	add_cell(row, k++, tsize, FACE_REGULAR, ALIGN_CENTER, stt, &p->pos);
	bool job = p->position.s || p->unit.s;
	if (job_col && !job)
		row->cells[k].span = 2;
	add_cell(row, k++, tsize, FACE_REGULAR, ALIGN_LEFT, p->name.s, &p->name.pos);
	if (job_col && job) {
		char *s = p->position.s && p->unit.s ? xasprintf("%s, %s", p->position.s, p->unit.s)
			  : xstrdup(p->position.s ? p->position.s : p->unit.s);
		add_cell(row, k++, tsize, FACE_REGULAR, ALIGN_LEFT, s, &p->pos);
		free(s);
	}
	if (d->amount.coefficient.set) {
		char *m = text_thousands(decision_amount(&d->amount, p->collective.v));
		add_cell(row, k++, tsize, FACE_REGULAR, ALIGN_RIGHT, m, &p->pos);
		free(m);
	}
	row->ncells = k;
}

/* A subheading row across the table: "I. TẬP THỂ", "II. CÁ NHÂN". */
static void list_subheading(struct table *t, int32_t tsize, const char *text)
{
	struct table_row *row = table_add_row(t);
	row->cells[0].span = (int)t->ncols;
	row->ncells = 1;
	add_cell(row, 0, tsize, FACE_BOLD, ALIGN_LEFT, text, NULL);
}

/* The list's table. A list of collectives only is headed "Tên tập thể"
 * and has no job column; a mixed list has the collectives first, each
 * group under its subheading and numbered from 1. */
static void list_table(struct blocks *b, const struct layout *lay, const struct decision *d,
		       const struct roster *r)
{
	struct counts c = count_roster(d, r);
	bool has_money = d->amount.coefficient.set, groups_only = c.groups && !c.people;
	bool mixed = c.groups && c.people;
	size_t ncols = (has_money ? 4 : 3) - groups_only;
	int32_t tsize = layout_pt(&lay->body_size) - 1000;
	struct block *tb = blocks_table(b, ncols);
	struct table *t = tb->table;
	t->header_rows = 1;
	t->rule = layout_pt(&lay->table_rule);
	t->pad_x = layout_pt(&lay->table_pad_x);
	t->pad_y = layout_pt(&lay->table_pad_y);
	t->cols[0].nowrap = true; /* "STT" or the largest number, on one line */
	t->cols[1].nowrap = true; /* a name is read whole (an outlier wraps: typeset_table.c) */
	t->name = xstrdup("Danh sách");
	if (has_money)
		t->cols[ncols - 1].width = MM(30);
	struct table_row *h = table_add_row(t);
	size_t k = 0;
	add_cell(h, k++, tsize, FACE_BOLD, ALIGN_CENTER, "STT", NULL);
	add_cell(h, k++, tsize, FACE_BOLD, ALIGN_CENTER,
		 groups_only ? "Tên tập thể" : mixed ? "Tên tập thể, họ và tên" : "Họ và tên", NULL);
	if (!groups_only)
		add_cell(h, k++, tsize, FACE_BOLD, ALIGN_CENTER, "Chức vụ, đơn vị công tác", NULL);
	if (has_money)
		add_cell(h, k++, tsize, FACE_BOLD, ALIGN_CENTER, "Số tiền (đồng)", NULL);
	for (size_t j = 0; j < ncols; j++) /* the header row's texts name the columns */
		t->cols[j].title = xstrdup(t->rows[0].cells[j].blocks.v[0].runs.v[0].text);
	for (int pass = mixed ? 0 : 1; pass < 2; pass++) {
		if (mixed)
			list_subheading(t, tsize, pass ? "II. CÁ NHÂN" : "I. TẬP THỂ");
		size_t num = 0;
		for (size_t i = 0; i < r->n; i++)
			if (!mixed || r->v[i].collective.v == !pass)
				list_row(t, d, &r->v[i], ++num, tsize, !groups_only);
	}
}

/* Danh sách kèm theo: its own header, title, reference line, table and count. */
static void appendix(struct blocks *b, const struct layout *lay, const struct organisation *org,
		     const struct decision *d, const struct roster *r, const char *number, bool pad,
		     const struct words_style *ws)
{
	blocks_pagebreak(b)->restart_numbering = true;
	compose_header(b, lay, org, NULL, NULL, NULL);
	blocks_space(b, layout_pt(&lay->list_space));
	int32_t size = layout_pt(&lay->type_size);
	centred_line(b, size, FACE_BOLD, "DANH SÁCH", NULL, false);
	if (d->list.title.s)
		centred_line(b, size, FACE_BOLD, d->list.title.s, &d->list.title.pos, true);
	char *day = text_date_words(d->date.d);
	/* "Số: 15/QĐ-TCT" in a header reads "số 15/QĐ-TCT" inside a sentence */
	const char *n = number;
	if (!strncmp(n, "Số", strlen("Số")))
		n += strlen("Số");
	n += strspn(n, ": ");
	char *ref = xasprintf("(Kèm theo Quyết định số %s %s của %s)", n, day,
			      d->by.s ? d->by.s : org->name.s);
	struct para_style st = compose_style(layout_pt(&lay->body_size), ALIGN_CENTER);
	st.space_after = layout_pt(&lay->list_space);
	compose_para(b, &st, FACE_ITALIC, ref, NULL, false)->keep_with_next = true;
	free(ref);
	free(day);

	list_table(b, lay, d, r);
	bool has_money = d->amount.coefficient.set;
	struct counts c = count_roster(d, r);
	struct buf s = {0};
	struct para_style cs = body_style(lay);
	cs.space_before = layout_pt(&lay->total_space);
	if (has_money) {
		char *tot = money(c.total), *words = money_words(c.total, ws);
		buf_printf(&s, "Tổng số tiền thưởng: %s (Bằng chữ: %s).", tot, words);
		free(tot);
		free(words);
		compose_para(b, &cs, FACE_REGULAR, s.data, NULL, false)->keep_with_next = true;
		s.len = 0;
		cs.space_before = 0;
	}
	/* "Danh sách có 08 cá nhân, 01 tập thể./." */
	char *p = text_count((int)c.people, pad), *a = text_count((int)c.groups, pad);
	buf_adds(&s, "Danh sách có ");
	if (c.people || !c.groups)
		buf_printf(&s, "%s cá nhân%s", p, c.groups ? ", " : "");
	if (c.groups)
		buf_printf(&s, "%s tập thể", a);
	buf_adds(&s, "./.");
	free(a);
	free(p);
	compose_para(b, &cs, FACE_REGULAR, s.data, NULL, false);
	buf_free(&s);
}

bool compose_decision(const struct docfile *df, const struct decision *d, const struct organisation *org,
		      const struct layout *lay, const struct roster *roster, struct composed *out)
{
	bool pad = df->style.pad_counts.set ? df->style.pad_counts.v : true;
	struct words_style ws = style_words(&df->style);
	struct blocks *b = &out->blocks;
	char *symbol = d->symbol.s ? xstrdup(d->symbol.s) : layout_symbol(lay, "QĐ", org->abbreviation.s);
	char *number = layout_number(lay, d->number.set ? d->number.v : 0, symbol);
	const char *place = org->place.s ? org->place.s : df->org.place.s;
	char *date = d->date.d.d ? text_date_line(place, d->date.d)
				 : layout_draft_date(lay, place, d->date.d.m, d->date.d.y);
	compose_header(b, lay, org, number, date, NULL);
	free(date);
	blocks_space(b, layout_pt(&lay->title_space));

	centred_line(b, layout_pt(&lay->type_size), FACE_BOLD, "QUYẾT ĐỊNH", NULL, false);
	struct para_style st = compose_style(layout_pt(&lay->summary_size), ALIGN_CENTER);
	compose_para(b, &st, FACE_BOLD, d->summary.s, &d->summary.pos, false)->keep_with_next = true;
	blocks_rule(b, lay->summary_rule.v, 0, compose_rule_gap(lay, &lay->summary_size),
		    layout_pt(&lay->rule_width))->keep_with_next = true;
	blocks_space(b, layout_pt(&lay->opening_space))->keep_with_next = true;
	centred_line(b, layout_pt(&lay->body_size), FACE_BOLD, d->authority.s, &d->authority.pos, true);
	blocks_space(b, layout_pt(&lay->authority_space))->keep_with_next = true;

	struct para_style base = body_style(lay);
	for (size_t i = 0; i < d->bases.n; i++)
		compose_para(b, &base, FACE_ITALIC, d->bases.v[i].s, &d->bases.v[i].pos, true);
	if (d->proposal.s)
		compose_para(b, &base, FACE_ITALIC, d->proposal.s, &d->proposal.pos, true);
	struct para_style qd = compose_style(layout_pt(&lay->type_size), ALIGN_CENTER);
	qd.space_before = layout_pt(&lay->decide_space);
	qd.space_after = layout_pt(&lay->decide_space);
	compose_para(b, &qd, FACE_BOLD, "QUYẾT ĐỊNH:", NULL, false)->keep_with_next = true;

	struct counts c = count_roster(d, roster);
	for (size_t i = 0; i < d->articles.n; i++) {
		char *body = expand(d->articles.v[i].s, d, &c, pad, &ws);
		bool last = i + 1 == d->articles.n;
		/* ND30: the last sentence of a decision ends with "./." */
		const char *tail = !last || ends_with(body, "./.") ? "" : ends_with(body, ".") ? "/." : "./.";
		char *t = xasprintf("**Điều %zu.** %s%s", i + 1, body, tail);
		compose_body(b, lay, t, &d->articles.v[i].pos);
		free(t);
		free(body);
	}
	footer(b, lay, d);
	if (d->signer.prefix.s)
		layout_check_prefix(lay, &d->signer.prefix);
	if (d->stated_count.set && (size_t)d->stated_count.v != roster->n)
		diag(STATED_COUNT_MISMATCH, &d->stated_count.pos, d->stated_count.v, roster->n);
	if (roster->n)
		appendix(b, lay, org, d, roster, number, pad, &ws);

	char *ref = compose_number_ref(number); /* the record: "15/QĐ-TCT", ISO date */
	compose_finish(out, lay, "decision", "Quyết định", d->summary.s, org->name.s, ref);
	out->meta.date = d->date.d.d ? xasprintf("%04d-%02d-%02d", d->date.d.y, d->date.d.m, d->date.d.d)
				     : xasprintf("%04d-%02d", d->date.d.y, d->date.d.m);
	free(ref);
	char *slug = text_slug(symbol, 100);
	out->name = d->number.set ? xasprintf("quyet-dinh-%02lld-%s", d->number.v, slug)
				  : xasprintf("quyet-dinh-%s", slug);
	free(slug);
	free(symbol);
	free(number);
	return !b->failed; /* a markup error anywhere in the decision */
}
