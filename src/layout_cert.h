/* layout_cert.h — where everything on a certificate (Giấy khen) goes:
 * layouts/NAME.yaml with the page size, vector borders, image boxes and a
 * list of text fields, each a box with a template, size, face and colour.
 * Lengths are millimetres from the top-left corner of the sheet, sizes
 * points. A layout for pre-printed blanks lists only the variable fields
 * and may name a printer profile (layouts/printer-NAME.yaml: offset_x,
 * offset_y in mm, +x right, +y down, and scale about the top-left corner)
 * that moves everything it prints. */
#ifndef VANBAN_LAYOUT_CERT_H
#define VANBAN_LAYOUT_CERT_H

#include <stdint.h>

#include "face.h"
#include "layout_find.h"
#include "model.h"

enum cert_align { CERT_CENTER, CERT_LEFT, CERT_RIGHT };
enum cert_fit {
	CERT_FIT_SHRINK, /* one line, shrinking to min_size, then wrapping (names, units) */
	CERT_FIT_WRAP,   /* wrap up to `lines` at full size, then shrink (the achievement) */
};

/* The placeholders a field's text may use: {name}, {position}, … A field
 * whose placeholders are all empty is left out; separators (", ") left
 * dangling by an empty one are dropped. */
enum cert_key {
	CK_NATIONAL, CK_MOTTO, CK_ORGANISATION, CK_AUTHORITY, CK_AWARD,
	CK_NAME, CK_POSITION, CK_UNIT, CK_ACHIEVEMENT, CK_LIST_NUMBER, /* the recipient's */
	CK_NUMBER, CK_DECISION_DATE, CK_DATE_LINE, CK_PLACE, CK_SIGNER_TITLE, CK_SIGNER_NAME,
	CK_COUNT
};
#define CK_FIRST_RECIPIENT CK_NAME
#define CK_LAST_RECIPIENT CK_LIST_NUMBER
extern const char *const cert_key_name[CK_COUNT];
/* The key spelled s[0..len), or -1. */
int cert_key_find(const char *s, size_t len);

struct cert_box {
	struct number x, y, w, h; /* mm; w not set = no box */
	struct srcpos pos;
};

struct cert_field {
	struct text id;           /* names the field in messages and on the calibration sheet */
	struct text text;         /* template: literal text with {placeholders} */
	struct cert_box box;
	struct number size, min_size; /* pt; min_size defaults to 70 % of size */
	struct number leading;    /* line pitch as a multiple of size; default 1.2 */
	struct integer lines;     /* most lines; default 1 (shrink) or 3 (wrap) */
	struct text face, color, align, fit;
	struct flag upper;        /* print in upper case */
	struct flag underline;    /* a rule under the last line, as long as it */
	struct number rule_gap;   /* that rule's distance below the baseline, em; default 0.8 */
	struct srcpos pos;
	/* resolved by layout_cert_load */
	enum face face_v;
	uint32_t rgb;
	enum cert_align align_v;
	enum cert_fit fit_v;
};

struct cert_border {
	struct number inset;      /* mm from the sheet's edge */
	struct number width;      /* pt */
	struct text color;
	uint32_t rgb;
};

struct cert_layout {
	struct number width, height;  /* mm; default A4 landscape */
	struct flag blank;            /* for pre-printed blanks: the fields only */
	struct text printer;          /* printer profile name */
	struct records borders;       /* struct cert_border, outermost first */
	struct number ornament;       /* corner ornament size, mm (0 = none) */
	struct text ornament_color;
	struct cert_box emblem, signature, seal; /* image boxes; the seal is drawn last */
	struct records fields;        /* struct cert_field */
	/* resolved */
	uint32_t ornament_rgb;
	double offset_x, offset_y, scale; /* from the printer profile (0, 0, 1 without) */
	const char *name;             /* as asked for (borrowed) */
	struct node *tree, *printer_tree;
};

/* Loads NAME.yaml (NAME a plain [a-z0-9_-] name), found along search
 * (layout_find.h), and its printer profile: `printer` if not NULL (the
 * command line's --printer), else the layout's own. Every problem is
 * reported at its place in the layout file, a bad or unknown name at
 * `from`. Returns false after reporting. */
bool layout_cert_load(const struct layout_search *search, const char *name, const struct srcpos *from,
		      const char *printer, struct cert_layout *out);
void layout_cert_free(struct cert_layout *lay);

struct dlist;
/* Moves and scales every op of dl by the printer profile (a no-op without one). */
void layout_cert_apply_printer(const struct cert_layout *lay, struct dlist *dl);

#endif
