/* layout.h — page geometry, typographic sizes and the house style's
 * wording. Defaults are the ND30 values (docs/rules.md §1), each key with its
 * default in ONE table (LAYOUT_NUMBERS and LAYOUT_TEXTS in layout.c);
 * layouts/NAME.yaml overrides any of them, and layouts/nd30.yaml lists
 * them all (a test checks it equals the table). Lengths in the file are
 * millimetres, sizes and spacing points. */
#ifndef VANBAN_LAYOUT_H
#define VANBAN_LAYOUT_H

#include "layout_find.h"
#include "model.h"

/* A numbered heading's form (docs/rules.md §1.3, §5.2): "Chương {roman}"
 * centred with its title upper case on the next line, "{arabic}." flush
 * with the title on the same line, … */
struct heading_style {
	struct text level;        /* part chapter section roman number subnumber letter */
	struct text format;       /* {ordinal} {roman} {arabic} {letter} {parent} */
	struct text align;        /* "center" or "left" (indented like the body) */
	struct flag title_below;  /* the title on its own line under the number */
	struct flag upper;        /* the title in upper case */
	struct text face;         /* "bold", "italic" or "bold-italic" */
};

struct layout {
	struct number width, height, top, bottom, left, right;       /* mm */
	struct number body_size, body_leading, body_indent, body_space; /* pt, pt, mm, pt */
	struct number header_left_share;                             /* 0..1 */
	struct number parent_size, issuer_size, number_size;
	struct number national_size, motto_size, date_size;
	struct number issuer_rule, rule_width;                       /* ratio, pt */
	struct number rule_gap, header_gap;                          /* em of the text above from its baseline
									down to its rule; pt before Số/date */
	struct number type_size, summary_size, summary_rule;
	struct number title_space;                                   /* pt above the tên loại */
	struct number vv_size, vv_gap;                               /* "V/v …" of a công văn */
	struct number sign_title_size, sign_name_size, sign_room;    /* pt, pt, mm */
	struct number sign_share;                                    /* left column of the signature table */
	struct number recipients_label_size, recipients_size;
	struct number recipients_leading, recipients_hang;           /* ratio of the size; mm */
	struct number page_number_size;
	struct number table_size, table_rule, table_pad_x, table_pad_y; /* pt */
	struct number footer_size;                                   /* the page-1 address footer (ô 13) */
	struct number to_share;                                      /* "Kính gửi:" ends at this share of the width */
	struct number draft_room;                                    /* mm left blank for a draft's number */
	/* Typesetting (issue #10): pt from the trích yếu's rule to the opening
	 * and from the last body line to the signatures (Mẫu 1.2: 48, 30 pt). */
	struct number opening_space, signature_space;
	/* The house style as data (docs/rules.md §1–§2): header lines, the mark
	 * under the issuing body, number formats, signing prefixes. */
	struct text national;      /* "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "ĐẢNG CỘNG SẢN VIỆT NAM" */
	struct text motto;         /* "Độc lập - Tự do - Hạnh phúc"; "" = none */
	struct text issuer_mark;   /* "rule" (ND30) or "star" (HD36) */
	struct text number_format; /* "Số: {number}/{symbol}" or "Số {number}-{symbol}" */
	struct text symbol_format; /* "{type}-{abbreviation}" or "{type}/{abbreviation}" */
	struct text letter_symbol_format; /* a công văn's: "{abbreviation}-{unit}" */
	struct text vv_format;     /* "V/v {summary}" */
	struct text vv_face;       /* "regular" (ND30) or "italic" (HD36) */
	struct text vote_format;   /* "Biểu quyết: {for}/{present} đại biểu tán thành, đạt {percent} %" */
	struct text kinds;         /* layouts/NAME.yaml with the document kinds: "kinds" */
	struct texts prefixes;     /* signing prefixes: TM. KT. Q. TL. TUQ. / T/M K/T T/L */
	struct records headings;   /* struct heading_style, overriding the defaults by level */
	struct node *tree;         /* owns the strings read from the file */
};

/* Loads NAME.yaml, found along search (layout_find.h), over the defaults.
 * NAME must be a plain name ([a-z0-9_-]). Returns false after reporting
 * errors (at `from`, where the input file named the layout, for a bad or
 * unknown name). */
bool layout_load(const struct layout_search *search, const char *name, const struct srcpos *from,
		 struct layout *out);
/* The built-in defaults alone (no file). */
void layout_defaults(struct layout *out);
void layout_free(struct layout *lay);
/* Every key of the layout table, NULL-terminated (tests). */
extern const char *const layout_keys[];

/* "Số: 05/QĐ-TCT": number_format with {number} (padded below 10, or a
 * blank to fill in by hand when n <= 0) and {symbol}. */
char *layout_number(const struct layout *lay, long long n, const char *symbol);
/* "An Giang, ngày    tháng 12 năm 2020": a draft's date, room for the day. */
char *layout_draft_date(const struct layout *lay, const char *place, int month, int year);
/* symbol_format with {type} and {abbreviation}: "QĐ-TCT", "QĐ/ĐU". */
char *layout_symbol(const struct layout *lay, const char *type, const char *abbreviation);
/* True if prefix is one of the layout's signing prefixes. */
bool layout_prefix_ok(const struct layout *lay, const char *prefix);
/* Warns if prefix is not one of the layout's signing prefixes: "TM" or
 * "T/M" for "TM." names the form to write, anything else lists them. */
void layout_check_prefix(const struct layout *lay, const struct text *prefix);
/* The style of a heading level (the layout's, else the default). */
const struct heading_style *layout_heading(const struct layout *lay, const char *level);

/* Millipoints from a layout value in points or in millimetres. */
int32_t layout_pt(const struct number *n);
int32_t layout_mm(const struct number *n);

#endif
