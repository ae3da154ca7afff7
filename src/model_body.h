/* model_body.h — the body of any document: a list of blocks, each one of a
 * paragraph, a numbered heading, a centred line, "- " or "+ " items, an
 * article (Điều) with its clauses (khoản) and points (điểm), a table, a
 * vote, a page break or vertical space. Every kind shares them. */
#ifndef VANBAN_MODEL_BODY_H
#define VANBAN_MODEL_BODY_H

#include "model.h"

struct clause {
	struct text text;          /* khoản, numbered 1., 2. … */
	struct texts points;       /* điểm, lettered a), b) … đ) … */
};

struct article {
	struct text title;         /* "Điều N. <title>": N counted in the body */
	struct text text;          /* the article's own text, after the title */
	struct records clauses;    /* struct clause */
	struct srcpos pos;         /* line > 0 when the block is an article */
};

/* A table (owned by the typesetting work: model_table.c, compose_table.c). */
struct table_spec {
	struct text title;         /* a caption above the table; names it in messages */
	struct texts columns;      /* header cells (one header row) */
	struct text_rows header;   /* or header rows: "<" merges with the cell on the left,
				      "^" with the cell above */
	struct flag numbered;      /* a "(1) (2) …" row under the header */
	struct text_rows rows;     /* body rows, each a list of cells */
	struct texts total;        /* the totals row: "<" merges, "=" sums the column */
	struct texts align;        /* per column: left, center, right */
	struct flag landscape;     /* unset: landscape pages only if portrait is too narrow */
	struct srcpos pos;         /* line > 0 when the block is a table */
};

/* "Biểu quyết: 42/45 đại biểu tán thành, đạt 93,3 %" (layout vote_format). */
struct vote {
	struct integer agree;      /* key "for" */
	struct integer present;
	struct integer against, abstain;
	struct srcpos pos;         /* line > 0 when the block is a vote */
};

enum body_type {
	BODY_TEXT, BODY_HEADING, BODY_CENTER, BODY_ITEMS, BODY_PLUS, BODY_ARTICLE,
	BODY_TABLE, BODY_VOTE, BODY_PAGEBREAK, BODY_SPACE, BODY_NONE
};

struct body_block {
	struct text text;          /* paragraphs: a blank line starts another */
	struct text heading;       /* a heading's title */
	struct text level;         /* part chapter section roman number subnumber letter */
	struct text number;        /* as written ("IV", "2"); absent = counted */
	struct text center;        /* a bold centred line */
	struct texts items;        /* "- …" */
	struct texts plus;         /* "+ …" */
	struct article article;
	struct table_spec table;
	struct vote vote;
	struct flag pagebreak;
	struct number space;       /* pt */
	enum body_type type;       /* set by body_check */
	struct srcpos pos;
};

extern const struct schema body_block_schema;
extern const struct schema table_schema; /* model_table.c */

/* Sets each block's type; reports a block with none or two of the kinds,
 * an unknown heading level or a vote with more for than present. */
bool body_check(struct records *body);
/* Table checks (model_table.c): rows no wider than the columns, merged
 * header cells rectangles, "=" only over numbers. */
bool table_check(const struct table_spec *t, const struct srcpos *at);
/* The number of columns: of `columns`, or of the widest header row. */
size_t table_ncols(const struct table_spec *t);
/* Resolves "<" and "^" in rows of ncols cells: owner[i * ncols + j] is the
 * index of the top-left cell of the merged cell (i, j) belongs to. False
 * (and, if report, a message) when a mark has nothing to merge with or a
 * merged cell is not a rectangle. */
bool table_merge(const struct text_rows *rows, size_t ncols, size_t *owner, bool report);
/* A number as tables write it: "1.500.000", "-2,5", "93,3 %": its value
 * times 10^decimals. False for anything else. */
bool table_number(const char *s, long long *scaled, int *decimals);

#endif
