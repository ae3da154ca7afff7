/* layout.h — page geometry, typographic sizes and the house style's
 * wording. Defaults are the ND30 values (docs/rules.md §1), each key with its
 * default in ONE table (LAYOUT_NUMBERS and LAYOUT_TEXTS below);
 * layouts/NAME.yaml overrides any of them, and layouts/nd30.yaml lists
 * them all (a test checks it equals the table). Lengths in the file are
 * millimetres, sizes and spacing points. */
#ifndef VANBAN_LAYOUT_H
#define VANBAN_LAYOUT_H

#include "layout_find.h"
#include "model.h"

/* The table: X(member of struct layout, key in the file, min, max, default);
 * lengths mm, sizes and spacing pt. layout.c builds the schema and the
 * defaults from it; the test of layouts/nd30.yaml reads it too. */
#define LAYOUT_NUMBERS(X) \
	X(width, "page_width", 50, 2000, 210) \
	X(height, "page_height", 50, 2000, 297) \
	X(top, "margin_top", 0, 500, 20) \
	X(bottom, "margin_bottom", 0, 500, 20) \
	X(left, "margin_left", 0, 500, 30) \
	X(right, "margin_right", 0, 500, 15) \
	X(body_size, "body_size", 4, 72, 14) \
	X(body_leading, "body_leading", 4, 144, 17) \
	X(body_indent, "body_indent", 0, 100, 10) \
	X(body_space, "body_space_after", 0, 72, 6) \
	X(header_left_share, "header_left_share", 0.1, 0.9, 0.41) \
	X(parent_size, "parent_size", 4, 72, 12) \
	X(issuer_size, "issuer_size", 4, 72, 12) \
	X(number_size, "number_size", 4, 72, 13) \
	X(national_size, "national_size", 4, 72, 12) \
	X(motto_size, "motto_size", 4, 72, 13) \
	X(date_size, "date_size", 4, 72, 13) \
	X(issuer_rule, "issuer_rule", 0.05, 1, 0.4) \
	X(rule_width, "rule_width", 0.1, 5, 0.6) \
	X(rule_gap, "rule_gap", 0.3, 3, 0.8) \
	X(header_gap, "header_gap", 0, 72, 6) \
	X(type_size, "type_size", 4, 72, 14) \
	X(summary_size, "summary_size", 4, 72, 14) \
	X(summary_rule, "summary_rule", 0.05, 1, 0.4) \
	X(title_space, "title_space", 0, 144, 28.5) \
	X(vv_size, "vv_size", 4, 72, 12) \
	X(vv_gap, "vv_gap", 0, 72, 6) \
	X(sign_title_size, "sign_title_size", 4, 72, 14) \
	X(sign_name_size, "sign_name_size", 4, 72, 14) \
	X(sign_room, "sign_room", 0, 200, 25) \
	X(sign_share, "sign_share", 0.1, 0.9, 0.4) \
	X(recipients_label_size, "recipients_label_size", 4, 72, 12) \
	X(recipients_size, "recipients_size", 4, 72, 11) \
	X(recipients_leading, "recipients_leading", 1, 3, 1.15) \
	X(recipients_hang, "recipients_hang", 0, 50, 2.5) \
	X(recipients_label_rule, "recipients_label_rule", 0, 1, 0) \
	X(page_number_size, "page_number_size", 4, 72, 13) \
	X(page_number_from, "page_number_from", 1, 2, 2) \
	X(table_size, "table_size", 4, 72, 13) \
	X(table_rule, "table_rule", 0, 5, 0.5) \
	X(table_pad_x, "table_pad_x", 0, 36, 4) \
	X(table_pad_y, "table_pad_y", 0, 36, 3) \
	X(footer_size, "footer_size", 4, 72, 11) \
	X(to_share, "to_share", 0.05, 0.9, 0.33) \
	X(draft_room, "draft_room", 0, 100, 12) \
	/* typesetting (issue #10): the model forms' vertical proportions */ \
	X(opening_space, "opening_space", 0, 144, 20) \
	X(signature_space, "signature_space", 0, 144, 7) \
	/* a decision's spacing (docs/rules.md §1.5) */ \
	X(authority_space, "authority_space", 0, 72, 6) \
	X(decide_space, "decide_space", 0, 72, 6) \
	X(total_space, "total_space", 0, 72, 6) \
	X(list_space, "list_space", 0, 72, 12)

/* X(member, key, default) */
#define LAYOUT_TEXTS(X) \
	X(national, "national", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") \
	X(motto, "motto", "Độc lập - Tự do - Hạnh phúc") \
	X(issuer_mark, "issuer_mark", "rule") \
	X(number_format, "number_format", "Số: {number}/{symbol}") \
	X(symbol_format, "symbol_format", "{type}-{abbreviation}") \
	X(letter_symbol_format, "letter_symbol_format", "{abbreviation}-{unit}") \
	X(vv_format, "vv_format", "V/v {summary}") \
	X(vv_face, "vv_face", "regular") \
	X(vote_format, "vote_format", "Biểu quyết: {for}/{present} đại biểu tán thành, đạt {percent} %") \
	X(vote_against, "vote_against", ", {against} đại biểu không tán thành") \
	X(vote_abstain, "vote_abstain", ", {abstain} đại biểu không biểu quyết") \
	X(table_valign, "table_valign", "top") \
	X(table_head_valign, "table_head_valign", "middle") \
	X(close_after_table, "close_after_table", "left") \
	X(recipients_label_face, "recipients_label_face", "bold-italic") \
	X(recipients_item, "recipients_item", "- {item};") \
	X(recipients_filed, "recipients_filed", "- Lưu: {filed}.") \
	X(kinds, "kinds_file", "kinds") \
	/* a Biên bản's fixed wording (Mẫu 1.9; docs/rules.md §1.6) */ \
	X(minutes_type, "minutes_type", "Biên bản") \
	X(minutes_abbreviation, "minutes_abbreviation", "BB") \
	X(minutes_start, "minutes_start", "Thời gian bắt đầu: {time}, {date}.") \
	X(minutes_venue, "minutes_venue", "Địa điểm: {venue}.") \
	X(minutes_attendance, "minutes_attendance", "Thành phần tham dự: {text}") \
	X(minutes_summoned, "minutes_summoned", "; tổng số được triệu tập: {count} người") \
	X(minutes_present, "minutes_present", ", có mặt: {count} người") \
	X(minutes_absent, "minutes_absent", ", vắng: {count} người") \
	X(minutes_absent_note, "minutes_absent_note", " ({note})") \
	X(minutes_chairs, "minutes_chairs", "Chủ trì (chủ tọa): {chairs}.") \
	X(minutes_secretary, "minutes_secretary", "Thư ký (người ghi biên bản): {secretary}.") \
	X(minutes_content, "minutes_content", "Nội dung (theo diễn biến {meeting_lower}):") \
	X(minutes_end, "minutes_end", "{meeting} kết thúc vào {time}, {date}./.") \
	X(minutes_secretary_signs, "minutes_secretary_signs", "THƯ KÝ") \
	X(minutes_chair_signs, "minutes_chair_signs", "CHỦ TỌA") \
	X(meeting_default, "meeting_default", "Cuộc họp")

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
	struct number space_before; /* pt above it, beyond the body's space after the paragraph before */
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
	struct number sign_title_size, sign_name_size, sign_room;    /* pt, pt; mm blank from the title's descenders to the name's capitals */
	struct number sign_share;                                    /* left column of the signature table */
	struct number recipients_label_size, recipients_size;
	struct number recipients_leading, recipients_hang;           /* ratio of the size; mm */
	struct number recipients_label_rule;                         /* "Nơi nhận:" underlined: ratio of its width, 0 = not */
	struct number page_number_size;
	struct number page_number_from;                              /* 2: none on page 1 (ND30), 1: every page */
	struct number table_size, table_rule, table_pad_x, table_pad_y; /* pt */
	struct number footer_size;                                   /* the page-1 address footer (ô 13) */
	struct number to_share;                                      /* "Kính gửi:" ends at this share of the width */
	struct number draft_room;                                    /* mm left blank for a draft's number */
	/* Typesetting (issue #10): pt from the trích yếu's rule to the opening
	 * and from the last body line to the signatures (Mẫu 1.2: 48, 30 pt). */
	struct number opening_space, signature_space;
	/* A decision (docs/rules.md §1.5): pt under the authority line, around
	 * "QUYẾT ĐỊNH:", above the list's total; around its reference line. */
	struct number authority_space, decide_space, total_space, list_space;
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
	struct text vote_against, vote_abstain; /* added when the vote gives them */
	struct text table_valign;  /* a body cell's text in a taller row: "top", "middle", "bottom" */
	struct text table_head_valign; /* a header cell's: "middle" */
	struct text close_after_table; /* content ending on a table: "./." under it, "left" or "right" */
	struct text recipients_label_face; /* "Nơi nhận:": "bold-italic" (ND30), "regular" (HD36) */
	struct text recipients_item, recipients_filed; /* "- {item};", "- Lưu: {filed}." */
	struct text kinds;         /* layouts/NAME.yaml with the document kinds: "kinds" */
	/* A Biên bản's fixed lines and sentences, its signers' titles, and what
	 * a meeting is called when its title starts with none of meeting_words. */
	struct text minutes_type, minutes_abbreviation, minutes_start, minutes_venue, minutes_attendance;
	struct text minutes_summoned, minutes_present, minutes_absent, minutes_absent_note;
	struct text minutes_chairs, minutes_secretary, minutes_content, minutes_end;
	struct text minutes_secretary_signs, minutes_chair_signs, meeting_default;
	struct texts meeting_words; /* "Hội nghị", "Hội thảo", "Đại hội": a title's first words name the meeting */
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
