/* layout.h — page geometry and typographic sizes. Defaults are the ND30
 * values (formats.md §1); layouts/NAME.yaml overrides any of them. Lengths
 * in the file are millimetres, sizes and spacing points. */
#ifndef VANBAN_LAYOUT_H
#define VANBAN_LAYOUT_H

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
};

/* Loads DIR/NAME.yaml over the defaults. NAME must be a plain name
 * ([a-z0-9_-]). Returns false after reporting errors (at `from`, where
 * the input file named the layout, for a bad name). */
bool layout_load(const char *dir, const char *name, const struct srcpos *from, struct layout *out);

/* Millipoints from a layout value in points or in millimetres. */
int32_t layout_pt(const struct number *n);
int32_t layout_mm(const struct number *n);

#endif
