/* compose_document.c — every ND30 kind from one model (Phụ lục III, Mẫu
 * 1.1–1.8): header, title block or "V/v", Kính gửi, opening, the kind's
 * lines, body, "./.", signatures with Nơi nhận, the công văn's address
 * footer, the attached document of a Mẫu 1.3 decision and appendices.
 * What differs between kinds comes from layouts/kinds.yaml. */
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "util.h"

struct doc_env {
	const struct document *d;
	const struct kind *k;
	const struct organisation *org;
	const struct layout *lay;
	char *number;        /* "Số: 05/GM-TCT" */
	bool ok;
};

static char *symbol_of(const struct doc_env *e)
{
	const struct document *d = e->d;
	if (d->symbol.s)
		return xstrdup(d->symbol.s);
	const char *abbr = e->org->abbreviation.s;
	if (e->k->abbreviation.s[0])
		return layout_symbol(e->lay, e->k->abbreviation.s, abbr);
	const struct text_subst s[] = {{"abbreviation", abbr}, {"unit", d->unit.s}};
	return d->unit.s ? text_fill(e->lay->letter_symbol_format.s, s, 2) : xstrdup(abbr);
}

static char *date_line(const struct doc_env *e)
{
	if (e->k->date_line.set && !e->k->date_line.v)
		return NULL;
	const char *place = e->org->place.s;
	if (!e->d->day.d)
		return layout_draft_date(e->lay, place, e->d->day.m, e->d->day.y);
	return text_date_line(place, e->d->day);
}

/* Title block, "Kính gửi", the opening and the kind's own lines. */
static void opening(struct blocks *b, const struct doc_env *e)
{
	const struct document *d = e->d;
	const char *mode = e->k->title.s ? e->k->title.s : "full";
	if (strcmp(mode, "vv"))
		compose_title_block(b, e->lay, e->k->name.s, !strcmp(mode, "type") && !d->summary.s ? NULL : &d->summary);
	else
		blocks_space(b, layout_pt(&e->lay->title_space));
	compose_to(b, e->lay, &d->to);
	compose_opening(b, e->lay, &d->authority, &d->bases, &d->proposal, e->k->opening.s);
	if (e->k->invite.s) {
		char *t = d->guest.s ? xasprintf("%s %s: %s", e->org->name.s, e->k->invite.s, d->guest.s)
				     : xasprintf("%s %s:", e->org->name.s, e->k->invite.s);
		compose_body(b, e->lay, t, d->guest.s ? &d->guest.pos : &d->kind.pos);
		free(t);
	}
	const struct kind_line *l = e->k->lines.v;
	for (size_t i = 0; i < e->k->lines.n; i++) {
		const struct text *v = document_line(d, l[i].key.s);
		if (!v)
			continue;
		const struct text_subst s[] = {{"value", v->s}};
		char *t = text_fill(l[i].format.s, s, 1);
		compose_body(b, e->lay, t, &v->pos);
		free(t);
	}
}

static void closing_line(struct blocks *b, const struct doc_env *e)
{
	if (!e->k->closing.s)
		return;
	char *until = e->d->valid_until.set ? text_date_words(e->d->valid_until.d) : xstrdup("ngày");
	const struct text_subst s[] = {{"valid_until", until}};
	char *t = text_fill(e->k->closing.s, s, 1);
	compose_body(b, e->lay, t, &e->d->valid_until.pos);
	free(t);
	free(until);
}

/* ô 13: the body's address, e-mail and telephone under a full-width rule,
 * at the foot of page 1 (docs/rules.md §1.2), out of the flow. */
static void address_footer(struct blocks *b, const struct layout *lay, const struct texts *lines)
{
	if (!lines->n)
		return;
	int32_t width = MM(lay->width.v - lay->left.v - lay->right.v);
	struct block *r = blocks_rule(b, 0, width, 0, layout_pt(&lay->rule_width));
	r->page_foot = true;
	r->st.space_after = layout_pt(&lay->body_space) / 2;
	struct para_style st = compose_style(layout_pt(&lay->footer_size), ALIGN_LEFT);
	for (size_t i = 0; i < lines->n; i++)
		compose_para(b, &st, FACE_REGULAR, lines->v[i].s, &lines->v[i].pos, true)->page_foot = true;
}

static const char *issued_by(const struct doc_env *e)
{
	return e->d->by.s ? e->d->by.s : e->org->name.s;
}

/* Mẫu 1.3: the document the decision issues, on its own pages: the header
 * without number or date, its tên loại and trích yếu, the italic "(Kèm
 * theo …)" line with the rule under it, its own Chương/Điều body and the
 * signer again (no Nơi nhận). */
static void attachment(struct blocks *b, struct doc_env *e)
{
	const struct attached *a = &e->d->attachment;
	const struct layout *lay = e->lay;
	if (a->pos.line <= 0)
		return;
	blocks_pagebreak(b)->restart_numbering = true;
	compose_header(b, lay, e->org, NULL, NULL, NULL);
	blocks_space(b, layout_pt(&lay->title_space));
	struct para_style st = compose_style(layout_pt(&lay->type_size), ALIGN_CENTER);
	st.upper = true;
	compose_para(b, &st, FACE_BOLD, a->name.s, &a->name.pos, false)->keep_with_next = true;
	if (a->summary.s) {
		st = compose_style(layout_pt(&lay->summary_size), ALIGN_CENTER);
		compose_para(b, &st, FACE_BOLD, a->summary.s, &a->summary.pos, false)->keep_with_next = true;
	}
	char *ref = compose_kem_theo(e->k->name.s, e->number, e->d->day, issued_by(e));
	st = compose_style(layout_pt(&lay->body_size), ALIGN_CENTER);
	compose_para(b, &st, FACE_ITALIC, ref, &a->pos, false)->keep_with_next = true;
	free(ref);
	blocks_rule(b, lay->summary_rule.v, 0, compose_rule_gap(lay, &lay->body_size), layout_pt(&lay->rule_width))
		->keep_with_next = true;
	blocks_space(b, layout_pt(&lay->opening_space))->keep_with_next = true;
	struct body_state bs = {0};
	e->ok &= compose_blocks(b, lay, &a->body, &bs);
	compose_close(b, lay);
	const struct document *d = e->d;
	const struct signer *signers = d->signers.n ? d->signers.v : &d->signer;
	size_t nsign = d->signers.n ? d->signers.n : d->signer.name.s ? 1 : 0;
	compose_footer(b, lay, signers, nsign, NULL, NULL);
}

/* Phụ lục I, II … (Mẫu 2.1), each numbered on its own pages. */
static void appendices(struct blocks *b, struct doc_env *e)
{
	const struct appendix *a = e->d->appendices.v;
	size_t n = e->d->appendices.n;
	for (size_t i = 0; i < n; i++) {
		blocks_pagebreak(b)->restart_numbering = true;
		struct buf h = {0};
		buf_adds(&h, "Phụ lục");
		if (n > 1) {
			static const char *const roman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
			buf_printf(&h, " %s", i < 10 ? roman[i] : "…");
		}
		struct para_style st = compose_style(layout_pt(&e->lay->type_size), ALIGN_CENTER);
		compose_para(b, &st, FACE_BOLD, h.data, &a[i].pos, false)->keep_with_next = true;
		buf_free(&h);
		st.upper = true;
		compose_para(b, &st, FACE_BOLD, a[i].title.s, &a[i].title.pos, false)->keep_with_next = true;
		char *ref = compose_kem_theo(e->k->name.s, e->number, e->d->day, issued_by(e));
		st = compose_style(layout_pt(&e->lay->body_size), ALIGN_CENTER);
		compose_para(b, &st, FACE_ITALIC, ref, &a[i].pos, false)->keep_with_next = true;
		free(ref);
		blocks_rule(b, e->lay->summary_rule.v, 0, compose_rule_gap(e->lay, &e->lay->body_size),
			    layout_pt(&e->lay->rule_width))->keep_with_next = true;
		blocks_space(b, layout_pt(&e->lay->title_space))->keep_with_next = true;
		struct body_state bs = {0};
		e->ok &= compose_blocks(b, e->lay, &a[i].body, &bs);
	}
}

static void record(struct composed *out, const struct doc_env *e)
{
	const struct document *d = e->d;
	char *ref = compose_number_ref(e->number);
	const char *summary = d->summary.s ? d->summary.s : e->k->name.s;
	compose_finish(out, e->lay, "document", e->k->name.s, summary, e->org->name.s, ref);
	out->meta.date = d->day.d ? xasprintf("%04d-%02d-%02d", d->day.y, d->day.m, d->day.d)
				  : xasprintf("%04d-%02d", d->day.y, d->day.m);
	/* as the decisions' files: "giay-moi-52-GM-TCT" */
	char *kind = text_lower(e->k->name.s);
	char *what = d->file.s ? xstrdup(d->file.s) : xasprintf("%s %s", kind, d->number.set ? ref : summary);
	out->name = text_slug(what, 200);
	free(what);
	free(kind);
	free(ref);
}

bool compose_document(const struct document *d, const struct kind *k, const struct organisation *org,
		      const struct layout *lay, struct composed *out)
{
	struct doc_env e = {d, k, org, lay, NULL, true};
	struct blocks *b = &out->blocks;
	char *symbol = symbol_of(&e);
	e.number = layout_number(lay, d->number.set ? d->number.v : 0, symbol);
	char *date = date_line(&e);
	bool vv = k->title.s && !strcmp(k->title.s, "vv");
	compose_header(b, lay, org, e.number, date, vv ? &d->summary : NULL);
	free(date);
	opening(b, &e);
	struct body_state bs = {0};
	e.ok &= compose_blocks(b, lay, &d->body, &bs);
	closing_line(b, &e);
	compose_close(b, lay);
	const struct signer *signers = d->signers.n ? d->signers.v : &d->signer;
	size_t nsign = d->signers.n ? d->signers.n : d->signer.name.s ? 1 : 0;
	compose_footer(b, lay, signers, nsign, &d->recipients, &d->filed);
	address_footer(b, lay, &d->footer);
	attachment(b, &e);
	appendices(b, &e);
	record(out, &e);
	free(symbol);
	free(e.number);
	return e.ok && !b->failed; /* the footer's markup too */
}
