/* layout.h — page geometry and typographic sizes. Defaults are the ND30
 * values (formats.md §1); layouts/NAME.yaml overrides any of them. Lengths
 * in the file are millimetres, sizes and spacing points. */
#ifndef VANBAN_LAYOUT_H
#define VANBAN_LAYOUT_H

#include "layout_find.h"
#include "model.h"

struct layout {
	struct number width, height, top, bottom, left, right;       /* mm */
	struct number body_size, body_leading, body_indent, body_space; /* pt, pt, mm, pt */
	struct number header_left_share;                             /* 0..1 */
	struct number parent_size, issuer_size, number_size;
	struct number national_size, motto_size, date_size;
	struct number issuer_rule, rule_width;                       /* ratio, pt */
	struct number type_size, summary_size, summary_rule;
	struct number sign_title_size, sign_name_size, sign_room;    /* pt, pt, mm */
	struct number recipients_label_size, recipients_size;
	struct number page_number_size;
	/* The house style as data (formats.md §1–§2): header lines, the mark
	 * under the issuing body, number formats, signing prefixes. */
	struct text national;      /* "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "ĐẢNG CỘNG SẢN VIỆT NAM" */
	struct text motto;         /* "Độc lập - Tự do - Hạnh phúc"; "" = none */
	struct text issuer_mark;   /* "rule" (ND30) or "star" (HD36) */
	struct text number_format; /* "Số: {number}/{symbol}" or "Số {number}-{symbol}" */
	struct text symbol_format; /* "{type}-{abbreviation}" or "{type}/{abbreviation}" */
	struct texts prefixes;     /* signing prefixes: TM. KT. Q. TL. TUQ. / T/M K/T T/L */
	struct node *tree;         /* owns the strings read from the file */
};

/* Loads NAME.yaml, found along search (layout_find.h), over the defaults.
 * NAME must be a plain name ([a-z0-9_-]). Returns false after reporting
 * errors (at `from`, where the input file named the layout, for a bad or
 * unknown name). */
bool layout_load(const struct layout_search *search, const char *name, const struct srcpos *from,
		 struct layout *out);
void layout_free(struct layout *lay);

/* "Số: 05/QĐ-TCT": number_format with {number} (padded below 10, or a
 * blank to fill in by hand when n <= 0) and {symbol}. */
char *layout_number(const struct layout *lay, long long n, const char *symbol);
/* symbol_format with {type} and {abbreviation}: "QĐ-TCT", "QĐ/ĐU". */
char *layout_symbol(const struct layout *lay, const char *type, const char *abbreviation);
/* True if prefix is one of the layout's signing prefixes. */
bool layout_prefix_ok(const struct layout *lay, const char *prefix);

/* Millipoints from a layout value in points or in millimetres. */
int32_t layout_pt(const struct number *n);
int32_t layout_mm(const struct number *n);

#endif
