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
#include "font.h"
#include "markup.h"

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
};

struct block;

struct blocks {
	struct block *v;
	size_t n, cap;
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
	int sync;                      /* inside COLUMNS: blocks with the same nonzero sync id
					  start at the same height in every column */
	/* RULE: length = ratio * width of the previous paragraph's widest line,
	 * or `length` if ratio is 0; centred under that paragraph; `gap` below
	 * its last baseline; line width `thickness`. SPACE: `length` is the height. */
	double ratio;
	int32_t length, gap, thickness;
	struct column cols[2];         /* COLUMNS */
	int ncols;
	struct srcpos pos;
};

struct page_style {
	int32_t width, height;
	int32_t top, bottom, left, right;   /* margins */
	int32_t number_size;                /* page numbers; 0 = none */
	bool number_first;                  /* number page 1 too */
};

/* Adding blocks. Each returns the new block, owned by the list. */
struct block *blocks_para(struct blocks *b, const struct para_style *st);
struct block *blocks_rule(struct blocks *b, double ratio, int32_t length, int32_t gap,
			  int32_t thickness);
struct block *blocks_space(struct blocks *b, int32_t height);
struct block *blocks_columns(struct blocks *b, int ncols);
struct block *blocks_pagebreak(struct blocks *b);
void blocks_free(struct blocks *b);

/* Lays out the blocks onto pages appended to dl. Returns false if an
 * error was reported (warnings, e.g. an overfull line, still return true). */
bool typeset(const struct fontset *fs, const struct page_style *ps, const struct blocks *b,
	     struct dlist *dl);

#endif
