/* compose_table.c — a body table onto the typesetter's table: an optional
 * caption, the header rows bold and centred (cells merged by "<" and "^"
 * spanning columns and rows), a numbered "(1) (2) …" row, the body cells
 * as written (a column of numbers right-aligned on its digits unless
 * `align` says otherwise), and a bold totals row whose "=" cells are the
 * sums of their columns. The header rows repeat on every page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "util.h"

/* Per column: whether every body cell written is a number, and the most
 * decimals among them. */
struct numbers {
	bool *is;
	int *places;
};

static struct numbers find_numbers(const struct table_spec *t, size_t ncols)
{
	struct numbers nb = {xcalloc(ncols, sizeof *nb.is), xcalloc(ncols, sizeof *nb.places)};
	for (size_t j = 0; j < ncols; j++) {
		bool any = false, all = true;
		for (size_t r = 0; r < t->rows.n && all; r++) {
			const struct texts *row = &t->rows.v[r];
			if (j >= row->n || !row->v[j].s || !*row->v[j].s)
				continue;
			long long v;
			int d;
			all = table_number(row->v[j].s, &v, &d);
			any = true;
			if (all && d > nb.places[j])
				nb.places[j] = d;
		}
		nb.is[j] = any && all;
	}
	return nb;
}

/* The sum of column j written with its decimals: "1.234.500", "12,75". */
static char *column_sum(const struct table_spec *t, size_t j, int places)
{
	long long sum = 0, unit = 1;
	for (int k = 0; k < places; k++)
		unit *= 10;
	for (size_t r = 0; r < t->rows.n; r++) {
		const struct texts *row = &t->rows.v[r];
		long long v;
		int d;
		if (j < row->n && row->v[j].s && table_number(row->v[j].s, &v, &d)) {
			for (int k = d; k < places; k++)
				v *= 10;
			sum += v;
		}
	}
	long long mag = sum < 0 ? -sum : sum;
	char *whole = text_thousands(mag / unit);
	char *s = places ? xasprintf("%s%s,%0*lld", sum < 0 ? "-" : "", whole, places, mag % unit)
			 : xasprintf("%s%s", sum < 0 ? "-" : "", whole);
	free(whole);
	return s;
}

/* A total written out in a column of numbers should be its sum: a
 * warning if it is not (the sum is what "=" would print). */
static void check_total(const struct table_spec *t, size_t j, int places, const struct text *given)
{
	long long v, sum;
	int d, sd;
	char *s = column_sum(t, j, places);
	if (table_number(given->s, &v, &d) && table_number(s, &sum, &sd)) {
		for (; d < sd; d++)
			v *= 10;
		for (; sd < d; sd++)
			sum *= 10;
		if (v != sum)
			diag(TABLE_TOTAL_DIFFERS, &given->pos, given->s, s);
	}
	free(s);
}

static enum align align_of(const struct table_spec *t, size_t col, const struct numbers *nb)
{
	if (col >= t->align.n)
		return nb->is[col] ? ALIGN_RIGHT : ALIGN_LEFT;
	const char *a = t->align.v[col].s;
	return !strcmp(a, "center") ? ALIGN_CENTER : !strcmp(a, "right") ? ALIGN_RIGHT : ALIGN_LEFT;
}

static void cell(struct table_cell *c, int32_t size, enum face face, enum align al, const char *s,
		 const struct srcpos *pos)
{
	struct para_style st = compose_style(size, al);
	compose_para(&c->blocks, &st, face, s ? s : "", pos, true);
}

/* Rows of cells merged by "<" and "^" onto table rows: a merged cell is
 * one cell spanning its columns, with `rows` set and a covered cell of the
 * same span in each row below its first. Each cell is given to fill(). */
typedef void fill_fn(struct table_cell *c, const struct text *text, size_t col, size_t span, void *arg);

static void merged_rows(struct table *t, const struct text_rows *rows, size_t ncols, fill_fn *fill,
			void *arg)
{
	size_t *owner = xcalloc(rows->n * ncols + 1, sizeof *owner);
	table_merge(rows, ncols, owner, false); /* checked by table_check */
	for (size_t i = 0; i < rows->n; i++) {
		struct table_row *row = table_add_row(t);
		size_t k = 0;
		for (size_t j = 0; j < ncols; j++) {
			size_t o = owner[i * ncols + j], i0 = o / ncols, j0 = o % ncols;
			if (j != j0)
				continue;
			size_t span = 0, down = 0;
			while (j0 + span < ncols && owner[i0 * ncols + j0 + span] == o)
				span++;
			while (i0 + down < rows->n && owner[(i0 + down) * ncols + j0] == o)
				down++;
			struct table_cell *c = &row->cells[k++];
			c->span = (int)span;
			c->rows = (int)down;
			c->covered = i != i0;
			if (!c->covered)
				fill(c, j0 < rows->v[i0].n ? &rows->v[i0].v[j0] : NULL, j, span, arg);
		}
		row->ncells = k;
	}
	/* the lowest header cell over a column names it in messages */
	for (size_t j = 0; j < ncols && t->nrows; j++) {
		size_t o = owner[(rows->n - 1) * ncols + j];
		const struct texts *r = &rows->v[o / ncols];
		if (!t->cols[j].title && o % ncols < r->n && r->v[o % ncols].s)
			t->cols[j].title = xstrdup(r->v[o % ncols].s);
	}
	free(owner);
}

struct fill_arg {
	const struct table_spec *spec;
	const struct numbers *nb;
	int32_t size;
};

static void head_cell(struct table_cell *c, const struct text *text, size_t col, size_t span, void *arg)
{
	(void)col, (void)span;
	const struct fill_arg *a = arg;
	cell(c, a->size, FACE_BOLD, ALIGN_CENTER, text ? text->s : "", text ? &text->pos : NULL);
}

static void total_cell(struct table_cell *c, const struct text *text, size_t col, size_t span, void *arg)
{
	const struct fill_arg *a = arg;
	bool number = span == 1 && a->nb->is[col];
	if (text && text->s && !strcmp(text->s, "=")) {
		char *sum = column_sum(a->spec, col, a->nb->places[col]);
		cell(c, a->size, FACE_BOLD, number ? align_of(a->spec, col, a->nb) : ALIGN_CENTER, sum, &text->pos);
		free(sum);
	} else {
		cell(c, a->size, FACE_BOLD, number ? align_of(a->spec, col, a->nb) : ALIGN_CENTER,
		     text ? text->s : "", text ? &text->pos : NULL);
		if (number && text && text->s)
			check_total(a->spec, col, a->nb->places[col], text);
	}
}

void compose_table(struct blocks *b, const struct layout *lay, const struct table_spec *spec, int n)
{
	size_t ncols = table_ncols(spec);
	if (!ncols)
		return;
	int32_t size = layout_pt(&lay->table_size);
	if (spec->title.s) {
		struct para_style st = compose_style(layout_pt(&lay->body_size), ALIGN_CENTER);
		st.space_before = layout_pt(&lay->body_space);
		compose_para(b, &st, FACE_BOLD, spec->title.s, &spec->title.pos, true)->keep_with_next = true;
	}
	struct block *tb = blocks_table(b, ncols);
	tb->pos = spec->pos;
	tb->st.space_before = layout_pt(&lay->body_space);
	tb->st.space_after = layout_pt(&lay->body_space);
	struct table *t = tb->table;
	t->rule = layout_pt(&lay->table_rule);
	t->pad_x = layout_pt(&lay->table_pad_x);
	t->pad_y = layout_pt(&lay->table_pad_y);
	t->valign = compose_valign(&lay->table_valign);
	t->head_valign = compose_valign(&lay->table_head_valign);
	t->orient = !spec->landscape.set ? ORIENT_AUTO : spec->landscape.v ? ORIENT_LANDSCAPE : ORIENT_PORTRAIT;
	t->name = spec->title.s ? xstrdup(spec->title.s) : xasprintf("%d", n);
	struct numbers nb = find_numbers(spec, ncols);
	struct fill_arg arg = {spec, &nb, size};
	if (spec->header.v) {
		merged_rows(t, &spec->header, ncols, head_cell, &arg);
	} else {
		struct table_row *h = table_add_row(t);
		for (size_t c = 0; c < ncols; c++) {
			cell(&h->cells[c], size, FACE_BOLD, ALIGN_CENTER, spec->columns.v[c].s,
			     &spec->columns.v[c].pos);
			t->cols[c].title = xstrdup(spec->columns.v[c].s);
		}
	}
	if (spec->numbered.v) { /* "(1) (2) (3) …" */
		struct table_row *h = table_add_row(t);
		for (size_t c = 0; c < ncols; c++) {
			char num[32];
			snprintf(num, sizeof num, "(%zu)", c + 1);
			cell(&h->cells[c], size, FACE_REGULAR, ALIGN_CENTER, num, NULL);
		}
	}
	t->header_rows = t->nrows;
	for (size_t c = 0; c < ncols; c++)
		t->cols[c].decimal = nb.is[c] && align_of(spec, c, &nb) == ALIGN_RIGHT;
	for (size_t r = 0; r < spec->rows.n; r++) {
		struct table_row *row = table_add_row(t);
		const struct texts *cells = &spec->rows.v[r];
		for (size_t c = 0; c < cells->n && c < ncols; c++)
			cell(&row->cells[c], size, FACE_REGULAR, align_of(spec, c, &nb), cells->v[c].s,
			     &cells->v[c].pos);
	}
	if (spec->total.n) {
		struct text_rows one = {(struct texts *)&spec->total, 1};
		merged_rows(t, &one, ncols, total_cell, &arg);
	}
	free(nb.is);
	free(nb.places);
	for (size_t r = 0; r < t->nrows; r++) /* a failed cell fails the document */
		for (size_t c = 0; c < t->rows[r].ncells; c++)
			b->failed |= t->rows[r].cells[c].blocks.failed;
}
