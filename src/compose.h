/* compose.h — document kinds become blocks. Each composer turns a checked
 * model plus a layout into a block list, page style and PDF metadata; the
 * shared parts of the state format (header table, signature, Nơi nhận)
 * live in compose_common.c. */
#ifndef VANBAN_COMPOSE_H
#define VANBAN_COMPOSE_H

#include "layout.h"
#include "layout_kinds.h"
#include "model_doc.h"
#include "typeset.h"

struct composed {
	struct blocks blocks;
	struct page_style page;
	struct dl_meta meta;    /* owned strings */
	const char *kind;       /* manifest kind: "minutes", "decision", ... */
	char *name;             /* output file name without ".pdf" (a slug) */
};

void composed_free(struct composed *c);

bool compose_minutes(const struct docfile *df, const struct layout *lay, struct composed *out);
/* The recipients of a decision's list, resolved (from YAML or CSV) and
 * sorted as asked. */
struct roster {
	const struct recipient *v;
	size_t n;
};

/* Award amount in đồng: coefficient × base salary rounded up to the next
 * 10 000 đ (ND98/2023); a collective's is `collective_factor` (default 2)
 * times an individual's. 0 when the decision has no amount. */
long long decision_amount(const struct amount *a, bool collective);

bool compose_decision(const struct docfile *df, const struct decision *d, const struct organisation *org,
		      const struct layout *lay, const struct roster *roster, struct composed *out);
bool compose_free(const struct docfile *df, const struct layout *lay, struct composed *out);
/* Any ND30 kind (compose_document.c); false after reporting a problem. */
bool compose_document(const struct document *d, const struct kind *k, const struct organisation *org,
		      const struct layout *lay, struct composed *out);

/* Page style and PDF metadata of a state-format document: the title is
 * "<type> <title>", the subject "<type> <number>". */
void compose_finish(struct composed *out, const struct layout *lay, const char *kind,
		    const char *type, const char *title, const char *author, const char *number);

/* The layout's page: size, margins, page numbers from page 2. */
struct page_style compose_page(const struct layout *lay);

/* --- compose_common.c -------------------------------------------------- */

/* A paragraph of text, with inline markup (markup.h) when markup is true. */
struct block *compose_para(struct blocks *b, const struct para_style *st, enum face face,
			   const char *text, const struct srcpos *pos, bool markup);
/* A body paragraph: justified, first-line indent, space after. */
struct block *compose_body(struct blocks *b, const struct layout *lay, const char *text,
			   const struct srcpos *pos);
struct para_style compose_style(int32_t size, enum align align);
/* A layout's "top", "middle" or "bottom" (checked when the layout loaded). */
enum valign compose_valign(const struct text *v);

/* The header table: left the parent body, the issuing body with its mark
 * (ND30's short rule or HD36's star) and "Số"; right the layout's national
 * lines (Quốc hiệu and Tiêu ngữ, or "ĐẢNG CỘNG SẢN VIỆT NAM") with a rule as
 * long as the last of them and, when date_line is not NULL, the place and
 * date level with "Số". NULL number_line leaves "Số" out (an appendix);
 * vv, when given, is a công văn's "V/v …" under the number. */
/* The gap from a text's last baseline to the rule under it: rule_gap em
 * of the text's size (layout). */
int32_t compose_rule_gap(const struct layout *lay, const struct number *size_above);
void compose_header(struct blocks *b, const struct layout *lay, const struct organisation *org,
		    const char *number_line, const char *date_line, const struct text *vv);

/* Signature columns: each side a title (upper case, bold), room to sign
 * and a name. A NULL title leaves that side empty. Kept with the last two
 * lines of the body. */
struct signer_side {
	const char *title;     /* e.g. "THƯ KÝ", "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG" */
	const char *name;
	struct srcpos pos;
};
void compose_signatures(struct blocks *b, const struct layout *lay, const struct signer_side *left,
			const struct signer_side *right);

/* One signer: title lines (upper case, bold), room to sign, the name. */
void compose_signer(struct blocks *col, const struct layout *lay, const struct signer_side *s);
/* The space to leave under a line of above_size so that sign_room is
 * blank between its descenders and the capitals of a name of name_size. */
int32_t compose_sign_space(const struct layout *lay, int32_t above_size, int32_t name_size);

/* "Nơi nhận:" and its list, the last item "- Lưu: VT, …." — as its own
 * block kept with the signatures, or into a column. */
void compose_recipients(struct blocks *b, const struct layout *lay, const struct texts *items,
			const struct text *filed);
void compose_recipients_into(struct blocks *col, const struct layout *lay, const struct texts *items,
			     const struct text *filed, int32_t space_before);

/* --- compose_blocks.c: the body of any kind ----------------------------- */

#define NLEVELS 7 /* heading levels: part chapter section roman number subnumber letter */
struct body_state {
	int count[NLEVELS];   /* the last number given at each heading level */
	int articles;         /* Điều counted through the document */
	int tables;           /* tables counted through the document */
};
/* Appends the body's blocks. Returns false if one could not be built
 * (bad markup, reported). */
bool compose_blocks(struct blocks *b, const struct layout *lay, const struct records *body,
		    struct body_state *bs);
/* "Điều N. Title" (bold) or "**Điều N.** text", then its khoản and điểm. */
void compose_article(struct blocks *b, const struct layout *lay, int n, const struct article *a);
/* The body paragraph's style: justified, first-line indent, space after. */
struct para_style compose_body_style(const struct layout *lay);

/* --- compose_parts.c: the parts every kind is made of ------------------- */

/* Space, TÊN LOẠI (upper, bold), the trích yếu (bold) and a rule under it. */
void compose_title_block(struct blocks *b, const struct layout *lay, const char *type_name,
			 const struct text *summary);
/* Thẩm quyền (bold, upper, centred), căn cứ and đề nghị (italic), then the
 * opening line ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:") when not NULL. */
void compose_opening(struct blocks *b, const struct layout *lay, const struct text *authority,
		     const struct texts *bases, const struct text *proposal, const char *opening);
/* "Kính gửi:" and its addressees (ND30 ô 9a). */
void compose_to(struct blocks *b, const struct layout *lay, const struct texts *to);
/* Ends the last paragraph with "./." (ND30: the content's last sentence), or
 * puts it on a line under a closing table. */
void compose_close(struct blocks *b, const struct layout *lay);
/* "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG" from prefix, authority and title. */
char *compose_signer_title(const struct signer *s);
/* The signature table: one signer with Nơi nhận level beside it, or
 * co-signers side by side with Nơi nhận under them. */
void compose_footer(struct blocks *b, const struct layout *lay, const struct signer *signers, size_t n,
		    const struct texts *recipients, const struct text *filed);
/* "15/QĐ-TCT" from "Số: 15/QĐ-TCT" (the record's number, a reference). */
char *compose_number_ref(const char *number_line);
/* "(Kèm theo Quyết định số 15/QĐ-TCT ngày 30 tháng 12 năm 2020 của …)". */
char *compose_kem_theo(const char *type_name, const char *number_line, struct date day, const char *by);

/* --- compose_table.c ---------------------------------------------------- */
/* Table n of the body (it names the table in messages unless it has a title). */
void compose_table(struct blocks *b, const struct layout *lay, const struct table_spec *t, int n);

#endif
