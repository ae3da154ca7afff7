/* typeset.h — blocks in, display list out.
 *
 * Composers describe a document as a sequence of blocks (paragraphs, rules,
 * spaces, side-by-side columns, tables). The typesetter measures with
 * font.c, breaks paragraphs into lines (typeset_break.c), turns everything
 * into a vertical list of unbreakable items and paginates that list into
 * a display list. All lengths are millipoints. */
#ifndef VANBAN_TYPESET_H
#define VANBAN_TYPESET_H

#include <stdbool.h>
#include <stdint.h>

#include "dlist.h"
#include "face.h"
#include "font.h"

/* A run of text in one face: what composers hand the typesetter. */
struct run {
	char *text; /* owned */
	size_t len;
	enum face face;
	struct srcpos pos; /* where the run's text starts */
};

struct runs {
	struct run *v;
	size_t n, cap;
};

/* Appends text as a run (merged with the previous run of the same face);
 * the text is copied. */
void runs_add(struct runs *r, const char *text, size_t len, enum face face,
	      const struct srcpos *pos);
void runs_free(struct runs *r);

enum align { ALIGN_JUSTIFY, ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };

struct para_style {
	int32_t size;                  /* font size */
	int32_t leading;               /* baseline pitch; 0 = size * 1.2 */
	enum align align;
	int32_t indent;                /* extra first-line indent */
	int32_t hang;                  /* lines after the first start this much further in */
	int32_t left, right;           /* insets from the column edges */
	int32_t space_before, space_after;
	uint32_t color;
	bool upper;                    /* print in upper case (names excepted by the composer) */
};

enum block_kind {
	BLK_PARA,
	BLK_RULE,    /* a horizontal rule under the previous paragraph */
	BLK_SPACE,   /* vertical space */
	BLK_COLUMNS, /* side-by-side columns, kept together on one page */
	BLK_PAGEBREAK,
	BLK_TABLE,   /* a table; rows never split, header rows repeat on each page */
};

struct block;
struct table;

struct blocks {
	struct block *v;
	size_t n, cap;
	bool failed;  /* a composer could not build one of the blocks (it reported why) */
};

struct column {
	int32_t x, width;     /* relative to the enclosing column */
	struct blocks blocks;
};

struct block {
	enum block_kind kind;
	struct para_style st;          /* PARA; for RULE: color */
	struct runs runs;              /* PARA */
	bool keep_with_next;           /* no page break after this block */
	int keep_prev_lines;           /* COLUMNS: take this many lines before with it */
	bool level_baselines;          /* COLUMNS: first lines share a baseline ("Nơi nhận" and the signature) */
	int sync;                      /* inside COLUMNS: blocks with the same nonzero sync id
					  start at the same height in every column */
	/* RULE: length = ratio * width of the previous paragraph's widest line,
	 * or `length` if ratio is 0; centred under that paragraph; `gap` below
	 * its last baseline; line width `thickness`. SPACE: `length` is the height. */
	double ratio;
	int32_t length, gap, thickness;
	struct column cols[2];         /* COLUMNS */
	int ncols;
	struct table *table;           /* TABLE, owned */
	bool restart_numbering;        /* PAGEBREAK: the next page is numbered 1 (an appendix) */
	char *marker;                  /* PARA: list marker hung at the first-line indent;
					  the text starts at `hang` on every line. Owned. */
	bool cut_reported;             /* PARA in a table cell: the table reported its cut word */
	bool note_wrap;                /* PARA: note when it wraps where its text has no line break */
	bool page_foot;                /* at the foot of page 1, not in the flow (ND30 ô 13) */
	struct srcpos pos;
};

struct page_style {
	int32_t width, height;
	int32_t top, bottom, left, right;   /* margins */
	int32_t number_size;                /* page numbers; 0 = none */
	int number_from;                    /* the first page number printed (ND30: 2); the
					       composer sets it from the layout */
};

/* Adding blocks. Each returns the new block, owned by the list. */
struct block *blocks_para(struct blocks *b, const struct para_style *st);
struct block *blocks_rule(struct blocks *b, double ratio, int32_t length, int32_t gap,
			  int32_t thickness);
struct block *blocks_space(struct blocks *b, int32_t height);
struct block *blocks_columns(struct blocks *b, int ncols);
struct block *blocks_pagebreak(struct blocks *b);
void blocks_free(struct blocks *b);

/* --- tables (typeset_table.c) -------------------------------------------
 * A table is a list of rows of cells; each cell holds blocks (usually one
 * paragraph). Column widths are fixed by the composer or measured from the
 * content between each column's min and max. The first `header_rows` rows
 * repeat at the top of every page the table continues on (laid out as one
 * grid, so a header cell may span rows as well as columns); a row is never
 * split across pages unless it alone is taller than a page (then it is
 * split, with a warning). Layout time is linear in the number of rows. */
struct table_col {
	/* Widths run between the centres of the column's border lines, so they
	 * include one rule and both paddings; the table takes the whole text
	 * width unless every column is fixed. */
	int32_t width;            /* fixed width; 0 = from content */
	int32_t min, max;         /* bounds on the width from content; 0 = none */
	bool nowrap;              /* prefer one line: min = the widest cell (names), up to the cap */
	bool decimal;             /* numbers: every body cell's part from its decimal comma on gets
				     the same room, so right-aligned digits line up */
	char *title;              /* names the column in messages; owned, may be NULL */
};

struct table_cell {
	struct blocks blocks;
	int span;                 /* columns this cell covers (>= 1) */
	int rows;                 /* header rows this cell covers (>= 1; 0 counts as 1) */
	bool covered;             /* a header cell under a cell spanning rows: no text, no top
				     border; its span is that cell's */
};

enum valign { VALIGN_TOP, VALIGN_MIDDLE, VALIGN_BOTTOM };
/* Portrait (the zero value) unless the composer lets a wide table turn. */
enum orient { ORIENT_PORTRAIT, ORIENT_AUTO, ORIENT_LANDSCAPE };

struct table_row {
	struct table_cell *cells; /* ncols cells (fewer when spans are used) */
	size_t ncells;
};

struct table {
	struct table_col *cols;
	size_t ncols;
	struct table_row *rows;
	size_t nrows, rcap;
	size_t header_rows;       /* repeated on each page */
	int32_t rule;             /* border line width; 0 = no borders */
	int32_t pad_x, pad_y;     /* cell padding */
	/* No column's preferred width (its widest cell on one line) counts for
	 * more than this share of the table, so one long cell wraps rather than
	 * starving the other columns; 0 = TABLE_MAX_SHARE. */
	double max_share;
	char *name;               /* names the table in messages; owned, may be NULL */
	enum valign valign, head_valign; /* where a cell's text sits in a taller row: body, header */
	enum orient orient;       /* AUTO: wider than portrait allows, it goes on landscape pages */
};
#define TABLE_MAX_SHARE 0.4

/* A table block with ncols columns (widths set by the caller afterwards).
 * Its st.space_before/space_after and keep_with_next apply to the table;
 * its pos is where a narrowing warning points (a split row warns at its
 * first cell's first block). */
struct block *blocks_table(struct blocks *b, size_t ncols);
/* Appends a row of ncols cells (span 1) and returns it. */
struct table_row *table_add_row(struct table *t);
void table_free(struct table *t);

/* --- lists (typeset_list.c) ---------------------------------------------
 * A list item is a paragraph whose marker ("-", "a)", "1.") hangs: the
 * marker starts at st->indent, the text at st->hang on the first line and on
 * every wrapped line (if the marker is too wide, the first line's text
 * starts one space after it). Both are measured from st->left. */
enum list_kind {
	LIST_DASH,   /* "-" (Nơi nhận, Kính gửi) */
	LIST_PLUS,   /* "+" */
	LIST_LETTER, /* "a)" "b)" … with the Vietnamese letters (điểm, docs/rules.md §5.2) */
	LIST_NUMBER, /* "1." "2." … (khoản) */
};

/* The marker of item `index` (from 0) of a list; the caller frees it.
 * Letters run a b c d đ e g h i k l m n o p q r s t u v x y, then aa ab …
 * (f j w z are not Vietnamese letters). */
char *list_marker(enum list_kind kind, size_t index);
/* A list item paragraph with its marker; add its text to ->runs. */
struct block *blocks_list_item(struct blocks *b, const struct para_style *st,
			       enum list_kind kind, size_t index);

/* Lays out the blocks onto pages appended to dl. It cannot fail: what does
 * not fit (an overfull line, a word wider than its column, a keep taller
 * than a page) is set anyway and warned about at its source position. */
void typeset(const struct fontset *fs, const struct page_style *ps, const struct blocks *b,
	     struct dlist *dl);

#endif
