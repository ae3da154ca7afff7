/* dlist.h — the display list: pages of positioned text runs, rules,
 * rectangles and images in integer millipoints (1/1000 pt). It is the seam
 * between layout and output: the PDF writer reads nothing else, and
 * dlist_dump() prints it as text for golden tests.
 *
 * Coordinates: origin at the top-left corner of the page, y grows downwards.
 * A text op's (x, y) is the start of its baseline. */
#ifndef VANBAN_DLIST_H
#define VANBAN_DLIST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "face.h"

enum dl_kind {
	DL_TEXT,  /* text at baseline (x, y) */
	DL_RULE,  /* line from (x, y) to (x + w, y + h), width `size` */
	DL_RECT,  /* rectangle, top-left (x, y), size w x h; stroked with width `size` or filled */
	DL_IMAGE, /* picture `image` (from file `text`) scaled into the box (x, y, w, h) */
};

struct dl_op {
	enum dl_kind kind;
	int32_t x, y, w, h;
	int32_t size;   /* text: font size; rule/rect: line width */
	uint32_t color; /* 0xRRGGBB */
	uint8_t face;   /* text only */
	bool fill;      /* rect only */
	char *text;     /* text: UTF-8 NFC; image: file path. Owned by the op. */
	const struct image *image; /* image: the decoded picture, borrowed (image.h) */
	struct srcpos pos;
};

struct dl_page {
	int32_t width, height;
	struct dl_op *ops;
	size_t nops, cap;
};

/* Document information (UTF-8, owned): the PDF's Info dictionary, and the
 * record of the document that the manifest, the batch summary and an
 * archive volume's Mục lục read (any may be NULL). */
struct dl_meta {
	char *title, *author, *subject, *keywords, *creator;
	char *type_name;  /* tên loại: "Quyết định", "Biên bản" */
	char *number;     /* số, ký hiệu as printed after "Số": "12/QĐ-TCT" */
	char *date;       /* ngày ban hành, ISO 8601: "2020-12-31" */
	char *summary;    /* trích yếu: "Về việc khen thưởng …" */
	char *issuer;     /* tác giả: the issuing body's name */
};
void dl_meta_free(struct dl_meta *m);

/* A bookmark (PDF outline item) to a place on a page. Entries are in
 * reading order; an entry's children are the entries right after it with
 * a deeper level (level 0 is the top; a level may deepen by one at a time). */
struct dl_outline {
	char *title;   /* UTF-8 NFC, owned; written as UTF-16 */
	size_t page;   /* 0-based index into pages */
	int32_t y;     /* from the top of that page, millipoints */
	uint8_t level;
};

/* How page numbers are shown in a viewer (PDF page labels). */
enum dl_label_style {
	DL_LABEL_NONE,   /* the prefix alone: "Bìa" */
	DL_LABEL_DECIMAL,
	DL_LABEL_ROMAN_UPPER,
	DL_LABEL_ROMAN_LOWER,
	DL_LABEL_LETTER_UPPER,
	DL_LABEL_LETTER_LOWER,
};

/* Pages from `page` (0-based) up to the next label's page are labelled
 * prefix + their number in `style`, counting from `start` (1 or more).
 * Labels are in increasing page order; without any, viewers number 1, 2 … */
struct dl_label {
	size_t page;
	enum dl_label_style style;
	int32_t start;
	char *prefix; /* UTF-8 or NULL, owned; written as UTF-16 */
};

struct dlist {
	struct dl_page *pages;
	size_t npages, cap;
	struct dl_meta meta;
	struct dl_outline *outlines;
	size_t noutlines, capoutlines;
	struct dl_label *labels;
	size_t nlabels, caplabels;
	bool pdfa; /* an archival copy: write PDF/A-1b (volumes; --pdfa) */
};

struct dlist *dlist_new(void);
void dlist_free(struct dlist *dl);

/* Appends a page and returns it; later ops go to the last page. */
struct dl_page *dlist_add_page(struct dlist *dl, int32_t width, int32_t height);
struct dl_page *dlist_last_page(struct dlist *dl);

/* Each adds to the last page; the text is copied. */
void dl_text(struct dlist *dl, int32_t x, int32_t y, enum face face, int32_t size,
	     uint32_t color, const char *text, size_t len, const struct srcpos *pos);
void dl_rule(struct dlist *dl, int32_t x1, int32_t y1, int32_t x2, int32_t y2,
	     int32_t width, uint32_t color);
void dl_rect(struct dlist *dl, int32_t x, int32_t y, int32_t w, int32_t h,
	     int32_t line_width, uint32_t color, bool fill);
struct image;
/* img is borrowed: its owner keeps it until the list is freed. */
void dl_image(struct dlist *dl, int32_t x, int32_t y, int32_t w, int32_t h, const char *path,
	      const struct image *img);

/* A bookmark at (page, y) titled title (copied); see struct dl_outline. */
void dl_outline(struct dlist *dl, unsigned level, size_t page, int32_t y, const char *title);
/* Page labels from page on; prefix (copied) may be NULL. */
void dl_label(struct dlist *dl, size_t page, enum dl_label_style style, int32_t start,
	      const char *prefix);

/* One op per line:
 *   page N WIDTH HEIGHT
 *   text X Y FACE SIZE #RRGGBB "TEXT"     (FACE: R B I BI; '"' and '\' escaped)
 *   rule X1 Y1 X2 Y2 WIDTH #RRGGBB
 *   rect X Y W H WIDTH #RRGGBB fill|stroke
 *   image X Y W H "PATH"
 * then, after the last page, if the document has them:
 *   outline LEVEL PAGE Y "TITLE"   (PAGE 1-based, as in the page lines)
 *   label PAGE STYLE START "PREFIX"  (STYLE: none D R r A a)
 *   pdfa                                                                    */
void dlist_dump(const struct dlist *dl, FILE *f);
/* With positions, text lines end " @LINE:COL" (where the text came from)
 * and "meta KEY \"VALUE\"" lines (the document record) come first. */
void dlist_dump_opts(const struct dlist *dl, FILE *f, bool positions);

extern const char *const face_code[FACE_COUNT];

#endif
