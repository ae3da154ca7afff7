/* compose_parts.c — the parts every ND30 kind is made of, shared by the
 * document, decision and minutes composers: the title block, the opening
 * (thẩm quyền, căn cứ, "QUYẾT ĐỊNH:"), "Kính gửi:", the closing "./.", the
 * signature table with Nơi nhận, and the "(Kèm theo …)" reference. */
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "markup.h"
#include "util.h"

static void centred(struct blocks *b, int32_t size, enum face face, const char *text,
		    const struct srcpos *pos, bool upper)
{
	struct para_style st = compose_style(size, ALIGN_CENTER);
	st.upper = upper;
	compose_para(b, &st, face, text, pos, false)->keep_with_next = true;
}

void compose_title_block(struct blocks *b, const struct layout *lay, const char *type_name,
			 const struct text *summary)
{
	blocks_space(b, layout_pt(&lay->title_space));
	centred(b, layout_pt(&lay->type_size), FACE_BOLD, type_name, NULL, true);
	if (summary && summary->s) {
		struct para_style st = compose_style(layout_pt(&lay->summary_size), ALIGN_CENTER);
		compose_para(b, &st, FACE_BOLD, summary->s, &summary->pos, false)->keep_with_next = true;
	}
	const struct number *above = summary && summary->s ? &lay->summary_size : &lay->type_size;
	blocks_rule(b, lay->summary_rule.v, 0, compose_rule_gap(lay, above), layout_pt(&lay->rule_width))
		->keep_with_next = true;
	blocks_space(b, layout_pt(&lay->opening_space))->keep_with_next = true;
}

void compose_opening(struct blocks *b, const struct layout *lay, const struct text *authority,
		     const struct texts *bases, const struct text *proposal, const char *opening)
{
	int32_t gap = layout_pt(&lay->body_space);
	if (authority && authority->s) {
		centred(b, layout_pt(&lay->body_size), FACE_BOLD, authority->s, &authority->pos, true);
		blocks_space(b, gap)->keep_with_next = true;
	}
	struct para_style base = compose_body_style(lay);
	for (size_t i = 0; bases && i < bases->n; i++)
		compose_para(b, &base, FACE_ITALIC, bases->v[i].s, &bases->v[i].pos, true);
	if (proposal && proposal->s)
		compose_para(b, &base, FACE_ITALIC, proposal->s, &proposal->pos, true);
	if (opening && opening[0]) {
		struct para_style qd = compose_style(layout_pt(&lay->type_size), ALIGN_CENTER);
		qd.space_before = gap;
		qd.space_after = gap;
		compose_para(b, &qd, FACE_BOLD, opening, NULL, false)->keep_with_next = true;
	}
}

/* "Kính gửi:" right-aligned in a column ending at the layout's to_share of
 * the width; one addressee on its line, several as "- …;" lines (the last
 * ending ".") under it, starting where the colon ends, dashes aligned and
 * wrapped lines hung after the dash. */
static const char *item_end(const char *s, bool last)
{
	size_t n = strlen(s);
	if (n && strchr(".;,:", s[n - 1]))
		return "";
	return last ? "." : ";";
}

void compose_to(struct blocks *b, const struct layout *lay, const struct texts *to)
{
	if (!to || !to->n)
		return;
	int32_t width = MM(lay->width.v - lay->left.v - lay->right.v);
	int32_t split = (int32_t)(width * lay->to_share.v);
	int32_t size = layout_pt(&lay->body_size), lead = layout_pt(&lay->body_leading);
	struct block *cols = blocks_columns(b, 2);
	cols->cols[0] = (struct column){0, split, {0}};
	cols->cols[1] = (struct column){split + size / 4, width - split - size / 4, {0}};
	cols->level_baselines = to->n == 1;
	cols->keep_with_next = true;
	struct para_style st = compose_style(size, ALIGN_RIGHT);
	st.leading = lead;
	compose_para(&cols->cols[0].blocks, &st, FACE_REGULAR, "Kính gửi:", NULL, false);
	st.align = ALIGN_LEFT;
	if (to->n == 1) {
		compose_para(&cols->cols[1].blocks, &st, FACE_REGULAR, to->v[0].s, &to->v[0].pos, true);
	} else {
		blocks_space(&cols->cols[1].blocks, lead); /* the list starts under "Kính gửi:" */
		st.hang = size * 3 / 5;  /* "- " is 0.58 em in Times */
		for (size_t i = 0; i < to->n; i++) {
			char *t = xasprintf("%s%s", to->v[i].s, item_end(to->v[i].s, i + 1 == to->n));
			struct block *item = blocks_list_item(&cols->cols[1].blocks, &st, LIST_DASH, i);
			item->pos = to->v[i].pos;
			if (!markup_parse(t, FACE_REGULAR, true, &to->v[i].pos, &item->runs))
				b->failed = true;
			free(t);
		}
	}
	blocks_space(b, layout_pt(&lay->body_space));
}

static bool ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);
	return n >= m && !strcmp(s + n - m, end);
}

/* ND30: the content's last sentence ends "./." — added to the last
 * paragraph when it does not already. Content that ends on a table has no
 * last sentence: the "./." closes it on its own line under the table,
 * flush left or right (layout key close_after_table; docs/rules.md §1.6a). */
void compose_close(struct blocks *b, const struct layout *lay)
{
	for (size_t i = b->n; i-- > 0;) {
		struct block *blk = &b->v[i];
		if (blk->kind == BLK_SPACE || blk->kind == BLK_PAGEBREAK)
			continue;
		if (blk->kind == BLK_TABLE) {
			struct para_style st = compose_body_style(lay);
			st.indent = 0;
			st.align = strcmp(lay->close_after_table.s, "right") ? ALIGN_LEFT : ALIGN_RIGHT;
			compose_para(b, &st, FACE_REGULAR, "./.", NULL, false);
			return;
		}
		if (blk->kind != BLK_PARA || !blk->runs.n)
			return;
		struct run *last = &blk->runs.v[blk->runs.n - 1];
		if (ends_with(last->text, "./."))
			return;
		const char *tail = ends_with(last->text, ".") ? "/." : "./.";
		runs_add(&blk->runs, tail, strlen(tail), last->face, &last->pos);
		return;
	}
}

char *compose_signer_title(const struct signer *s)
{
	if (s->prefix.s && s->authority.s && strcmp(s->authority.s, s->title.s) != 0)
		return xasprintf("%s %s\n%s", s->prefix.s, s->authority.s, s->title.s);
	if (s->prefix.s)
		return xasprintf("%s %s", s->prefix.s, s->title.s);
	return xstrdup(s->title.s);
}

/* One signer: Nơi nhận on the left, level with the signer's first line
 * (ND30 ô 9b). Two: side by side, Nơi nhận under them. */
void compose_footer(struct blocks *b, const struct layout *lay, const struct signer *signers, size_t n,
		    const struct texts *recipients, const struct text *filed)
{
	int32_t width = MM(lay->width.v - lay->left.v - lay->right.v);
	int32_t lw = (int32_t)(width * lay->sign_share.v);
	if (n >= 2) {
		for (size_t i = 0; i + 1 < n; i += 2) {
			char *lt = compose_signer_title(&signers[i]), *rt = compose_signer_title(&signers[i + 1]);
			struct signer_side l = {lt, signers[i].name.s, signers[i].title.pos};
			struct signer_side r = {rt, signers[i + 1].name.s, signers[i + 1].title.pos};
			compose_signatures(b, lay, &l, &r);
			free(lt);
			free(rt);
		}
		if (n % 2)
			compose_footer(b, lay, &signers[n - 1], 1, NULL, NULL);
		if (recipients && (recipients->n || (filed && filed->s)))
			compose_recipients(b, lay, recipients, filed);
		return;
	}
	struct block *cols = blocks_columns(b, 2);
	cols->cols[0] = (struct column){0, lw, {0}};
	cols->cols[1] = (struct column){lw, width - lw, {0}};
	cols->keep_prev_lines = 2;
	cols->level_baselines = true;
	cols->st.space_before = layout_pt(&lay->signature_space);
	if (recipients)
		compose_recipients_into(&cols->cols[0].blocks, lay, recipients, filed, 0);
	if (n == 1) {
		char *title = compose_signer_title(&signers[0]);
		struct signer_side side = {title, signers[0].name.s, signers[0].title.pos};
		compose_signer(&cols->cols[1].blocks, lay, &side);
		free(title);
	}
}

char *compose_number_ref(const char *number_line)
{
	const char *n = number_line;
	if (!strncmp(n, "Số", strlen("Số")))
		n += strlen("Số");
	n += strspn(n, ": ");
	return xstrdup(n);
}

/* "(Kèm theo Quyết định số 15/QĐ-TCT ngày 30 tháng 12 năm 2020 của …)". */
char *compose_kem_theo(const char *type_name, const char *number_line, struct date day, const char *by)
{
	char *n = compose_number_ref(number_line);
	char *words = text_date_words(day); /* a draft: "ngày    tháng 12 năm 2020" */
	char *s = xasprintf("(Kèm theo %s số %s %s của %s)", type_name, n, words, by);
	free(words);
	free(n);
	return s;
}
