/* typeset_vlist.h — the vertical list between block layout and pagination:
 * unbreakable items (a line, a rule, a column group) whose ops have x on the
 * page and y relative to the item's top. Internal to typeset_*.c. */
#ifndef VANBAN_TYPESET_VLIST_H
#define VANBAN_TYPESET_VLIST_H

#include "typeset.h"

struct vitem {
	int32_t height;
	int32_t space_before, space_after; /* dropped at the top of a page */
	bool keep_with_next;               /* no page break between this item and the next */
	bool page_break_after;             /* forced */
	bool restart_after;                /* the page after this item is numbered 1 */
	bool page_foot;                    /* placed at the foot of page 1 (block.page_foot) */
	bool repeat;                       /* a table header row: its ops are copied, not moved,
					      to the page, as later pages repeat it */
	size_t head, nhead;                /* a table body row: items [head, head + nhead) are its
					      header rows, repeated when a page starts here */
	size_t op0, nops;                  /* ops [op0, op0 + nops) of the vlist */
	struct srcpos pos;
};

struct vlist {
	int32_t page_h;    /* body height of a page; 0 = unknown (no table row is split) */
	struct vitem *items;
	size_t n, cap;
	struct dl_op *ops; /* text owned by the vlist until moved to a display list */
	size_t nops, opcap;
};

struct vitem *vlist_item(struct vlist *vl, int32_t height, const struct srcpos *pos);
/* Adds an op to the last item; y is relative to that item's top. Takes ownership of text. */
void vlist_op(struct vlist *vl, const struct dl_op *op);
void vlist_free(struct vlist *vl);

/* What paragraph layout tells later blocks (rules measure against it). */
struct para_extent {
	int32_t widest;    /* widest line's width */
	int32_t center;    /* x of that line's centre */
	int32_t below;     /* from the last baseline down to the bottom of its item */
	bool valid;
};

/* Lays out one paragraph of width `width` starting at x0. */
void para_layout(const struct fontset *fs, const struct block *b, int32_t x0, int32_t width,
		 struct vlist *out, struct para_extent *ext);

/* The narrowest width a paragraph can take without cutting a word, and its
 * width set on one line (the widest line between forced breaks), insets
 * included. */
void para_measure(const struct fontset *fs, const struct block *b, int32_t *min, int32_t *max);

/* The column widths of a table block in `avail` millipoints (rules between
 * columns included): w gets ncols widths. Warns of cells that cannot fit. */
void table_col_widths(const struct fontset *fs, const struct block *b, int32_t avail, int32_t *w);

/* The narrowest a table block can be without cutting a word (rules
 * included), each column's own minimum counted up to cap. */
int32_t table_min_width(const struct fontset *fs, const struct block *b, int32_t cap);

/* Lays out a table block of width `width` starting at x0 (typeset_table.c). */
void table_layout(const struct fontset *fs, const struct block *b, int32_t x0, int32_t width,
		  struct vlist *out);

/* Lays out blocks in a column [x0, x0 + width) into out. */
void blocks_layout(const struct fontset *fs, const struct blocks *b, int32_t x0, int32_t width,
		   struct vlist *out);

/* Cuts the vertical list into pages of the display list. */
void paginate(const struct fontset *fs, const struct page_style *ps, struct vlist *vl, struct dlist *dl);
/* The same, the pages numbered on from *n (the last page's number left
 * there): a document's sections on pages of different sizes. */
void paginate_from(const struct fontset *fs, const struct page_style *ps, struct vlist *vl,
		   struct dlist *dl, int *n);

#endif
