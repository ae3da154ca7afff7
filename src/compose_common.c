/* compose_common.c — the parts every state-format document shares. */
#include "compose.h"

#include <stdlib.h>
#include <string.h>

#include "markup.h"
#include "util.h"


void composed_free(struct composed *c)
{
	blocks_free(&c->blocks);
	dl_meta_free(&c->meta);
	free(c->name);
	memset(c, 0, sizeof *c);
}

void compose_finish(struct composed *out, const struct layout *lay, const char *kind,
		    const char *type, const char *title, const char *author, const char *number)
{
	out->page = compose_page(lay);
	out->kind = kind;
	out->meta.title = xasprintf("%s %s", type, title);
	out->meta.author = xstrdup(author);
	out->meta.subject = xasprintf("%s %s", type, number);
	out->meta.creator = xstrdup("vanban");
	out->meta.type_name = xstrdup(type);
	out->meta.number = xstrdup(number);
	out->meta.summary = xstrdup(title);
	out->meta.issuer = xstrdup(author);
}

struct para_style compose_style(int32_t size, enum align align)
{
	return (struct para_style){.size = size, .leading = size * 6 / 5, .align = align};
}

struct block *compose_para(struct blocks *b, const struct para_style *st, enum face face,
			   const char *text, const struct srcpos *pos, bool markup)
{
	struct block *blk = blocks_para(b, st);
	if (pos)
		blk->pos = *pos;
	if (!markup_parse(text, face, markup, pos, &blk->runs))
		b->failed = true;
	return blk;
}

struct block *compose_body(struct blocks *b, const struct layout *lay, const char *text,
			   const struct srcpos *pos)
{
	struct para_style st = compose_body_style(lay);
	return compose_para(b, &st, FACE_REGULAR, text, pos, true);
}

static struct block *centred(struct blocks *b, const struct number *size, enum face face,
			     const char *text, const struct srcpos *pos, bool upper)
{
	struct para_style st = compose_style(layout_pt(size), ALIGN_CENTER);
	st.upper = upper;
	return compose_para(b, &st, face, text, pos, false);
}

int32_t compose_rule_gap(const struct layout *lay, const struct number *size_above)
{
	return (int32_t)(lay->rule_gap.v * layout_pt(size_above) + 0.5);
}

void compose_header(struct blocks *b, const struct layout *lay, const struct organisation *org,
		    const char *number_line, const char *date_line, const struct text *vv)
{
	int32_t width = MM(lay->width.v - lay->left.v - lay->right.v);
	int32_t lw = (int32_t)(width * lay->header_left_share.v);
	int32_t rule = layout_pt(&lay->rule_width);
	struct block *cols = blocks_columns(b, 2);
	cols->cols[0] = (struct column){0, lw, {0}};
	cols->cols[1] = (struct column){lw, width - lw, {0}};
	struct blocks *left = &cols->cols[0].blocks, *right = &cols->cols[1].blocks;

	if (org->parent.s)
		centred(left, &lay->parent_size, FACE_REGULAR, org->parent.s, &org->parent.pos, true)
			->note_wrap = true;
	centred(left, &lay->issuer_size, FACE_BOLD, org->name.s, &org->name.pos, true)->note_wrap = true;
	if (!strcmp(lay->issuer_mark.s, "star"))
		centred(left, &lay->issuer_size, FACE_REGULAR, "*", NULL, false);
	else
		blocks_rule(left, lay->issuer_rule.v, 0, compose_rule_gap(lay, &lay->issuer_size), rule);
	blocks_space(left, layout_pt(&lay->header_gap))->sync = 1;
	if (number_line)
		centred(left, &lay->number_size, FACE_REGULAR, number_line, NULL, false);
	if (vv && vv->s) { /* a công văn's trích yếu under its number (ô 5b) */
		const struct text_subst sub[] = {{"summary", vv->s}};
		char *line = text_fill(lay->vv_format.s, sub, 1);
		struct para_style st = compose_style(layout_pt(&lay->vv_size), ALIGN_CENTER);
		st.space_before = layout_pt(&lay->vv_gap);
		compose_para(left, &st, strcmp(lay->vv_face.s, "italic") ? FACE_REGULAR : FACE_ITALIC, line,
			     &vv->pos, false);
		free(line);
	}

	centred(right, &lay->national_size, FACE_BOLD, lay->national.s, NULL, false);
	if (lay->motto.s[0])
		centred(right, &lay->motto_size, FACE_BOLD, lay->motto.s, NULL, false);
	const struct number *above = lay->motto.s[0] ? &lay->motto_size : &lay->national_size;
	blocks_rule(right, 1.0, 0, compose_rule_gap(lay, above), rule); /* as long as the line above */
	blocks_space(right, layout_pt(&lay->header_gap))->sync = 1;
	if (date_line) {
		struct para_style st = compose_style(layout_pt(&lay->date_size), ALIGN_CENTER);
		compose_para(right, &st, FACE_ITALIC, date_line, NULL, false);
	}
}

/* The space under the line above a signer's name (his title, or a line
 * such as "(Ký, ghi rõ họ tên)") that leaves sign_room of blank between
 * them, from the bottom of that line's descenders to the top of the
 * name's capitals with their marks (docs/rules.md §1.3, §7.15: at least
 * about 25–35 mm to sign and seal). The body font (Liberation Serif, with
 * the metrics of Times New Roman) reaches 0.216 em under its baseline and
 * 0.891 em above it, the height of "Ồ". Both lines are lines of
 * compose_style, leading 1.2 em: the part of the upper line below its
 * baseline and the part of the name above its own add up to 0.6 em of
 * each (exactly one leading when the sizes match). */
#define SIGN_DESCENT 0.216
#define SIGN_ASCENT 0.891
int32_t compose_sign_space(const struct layout *lay, int32_t above_size, int32_t name_size)
{
	int32_t s = layout_mm(&lay->sign_room) + (int32_t)(above_size * SIGN_DESCENT + name_size * SIGN_ASCENT + 0.5)
		    - (above_size + name_size) * 3 / 5;
	return s > 0 ? s : 0;
}

void compose_signer(struct blocks *col, const struct layout *lay, const struct signer_side *s)
{
	if (!s || !s->title)
		return;
	struct para_style st = compose_style(layout_pt(&lay->sign_title_size), ALIGN_CENTER);
	st.upper = true;
	compose_para(col, &st, FACE_BOLD, s->title, &s->pos, false);
	blocks_space(col, compose_sign_space(lay, layout_pt(&lay->sign_title_size), layout_pt(&lay->sign_name_size)));
	if (s->name) {
		st = compose_style(layout_pt(&lay->sign_name_size), ALIGN_CENTER);
		compose_para(col, &st, FACE_BOLD, s->name, &s->pos, false);
	}
}

void compose_signatures(struct blocks *b, const struct layout *lay, const struct signer_side *left,
			const struct signer_side *right)
{
	int32_t width = MM(lay->width.v - lay->left.v - lay->right.v);
	struct block *cols = blocks_columns(b, 2);
	int32_t lw = (int32_t)(width * lay->sign_share.v);
	cols->cols[0] = (struct column){0, lw, {0}};
	cols->cols[1] = (struct column){lw, width - lw, {0}};
	cols->keep_prev_lines = 2;
	cols->st.space_before = layout_pt(&lay->signature_space);
	compose_signer(&cols->cols[0].blocks, lay, left);
	compose_signer(&cols->cols[1].blocks, lay, right);
}

void compose_recipients(struct blocks *b, const struct layout *lay, const struct texts *items,
			const struct text *filed)
{
	int32_t width = MM(lay->width.v - lay->left.v - lay->right.v);
	struct block *cols = blocks_columns(b, 1);
	cols->cols[0] = (struct column){0, width / 2, {0}};
	if (b->n >= 2)
		b->v[b->n - 2].keep_with_next = true; /* stays with the signatures */
	compose_recipients_into(&cols->cols[0].blocks, lay, items, filed, layout_pt(&lay->body_space));
}

void compose_recipients_into(struct blocks *col, const struct layout *lay, const struct texts *items,
			     const struct text *filed, int32_t space_before)
{
	static const char *const faces[FACE_COUNT] = FACE_NAMES;
	struct para_style st = compose_style(layout_pt(&lay->recipients_label_size), ALIGN_LEFT);
	st.space_before = space_before;
	int face = model_choice(&lay->recipients_label_face, "recipients_label_face", faces, FACE_COUNT,
				FACE_BOLD_ITALIC);
	compose_para(col, &st, face < 0 ? FACE_BOLD_ITALIC : (enum face)face, "Nơi nhận:", NULL, false);
	if (lay->recipients_label_rule.v > 0) /* an underline: 0.15 em under the baseline */
		blocks_rule(col, lay->recipients_label_rule.v, 0, st.size * 3 / 20, layout_pt(&lay->rule_width));
	st = compose_style(layout_pt(&lay->recipients_size), ALIGN_LEFT);
	st.leading = (int32_t)(st.size * lay->recipients_leading.v + 0.5);
	st.hang = layout_mm(&lay->recipients_hang);
	for (size_t i = 0; items && i < items->n; i++) {
		const struct text_subst s[] = {{"item", items->v[i].s}};
		char *t = text_fill(lay->recipients_item.s, s, 1);
		compose_para(col, &st, FACE_REGULAR, t, &items->v[i].pos, false);
		free(t);
	}
	const struct text_subst s[] = {{"filed", filed && filed->s ? filed->s : "VT"}};
	char *t = text_fill(lay->recipients_filed.s, s, 1);
	compose_para(col, &st, FACE_REGULAR, t, filed ? &filed->pos : NULL, false);
	free(t);
}

enum valign compose_valign(const struct text *v)
{
	return !strcmp(v->s, "middle") ? VALIGN_MIDDLE : !strcmp(v->s, "bottom") ? VALIGN_BOTTOM : VALIGN_TOP;
}
