/* model_table.c — the schema of a body table: its header (one row of
 * column names, or rows whose cells "<" and "^" merge with the cell on
 * their left or above), a numbered "(1) (2) …" row, rows of cells, a
 * totals row ("=" sums the column), per-column alignment, and the checks
 * of all these, so that no PDF is made from a table that cannot be set. */
#include "model_body.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define T(member) offsetof(struct table_spec, member)
static const struct field table_fields[] = {
	{"title", F_TEXT, T(title), 0, NULL, 0, 0, NULL},
	{"columns", F_TEXTS, T(columns), 0, NULL, 0, 0, NULL},
	{"header", F_ROWS, T(header), 0, NULL, 0, 0, NULL},
	{"numbered", F_BOOL, T(numbered), 0, NULL, 0, 0, NULL},
	{"rows", F_ROWS, T(rows), 0, NULL, 0, 0, NULL},
	{"total", F_TEXTS, T(total), 0, NULL, 0, 0, NULL},
	{"align", F_TEXTS, T(align), 0, NULL, 0, 0, NULL},
	{"landscape", F_BOOL, T(landscape), 0, NULL, 0, 0, NULL},
	{"", F_POS, T(pos), 0, NULL, 0, 0, NULL},
};
#undef T
const struct schema table_schema = {N_("table"), sizeof(struct table_spec), FIELDS(table_fields)};

size_t table_ncols(const struct table_spec *t)
{
	if (!t->header.v)
		return t->columns.n;
	size_t n = 0;
	for (size_t i = 0; i < t->header.n; i++)
		n = t->header.v[i].n > n ? t->header.v[i].n : n;
	return n;
}

static bool is(const struct texts *row, size_t j, const char *mark)
{
	return j < row->n && row->v[j].s && !strcmp(row->v[j].s, mark);
}

bool table_merge(const struct text_rows *rows, size_t ncols, size_t *owner, bool report)
{
	bool ok = true;
	for (size_t i = 0; i < rows->n; i++)
		for (size_t j = 0; j < ncols; j++) {
			size_t me = i * ncols + j;
			const struct texts *row = &rows->v[i];
			owner[me] = me;
			if (is(row, j, "<")) {
				if (j)
					owner[me] = owner[me - 1];
				else if (report)
					diag(TABLE_MERGE_LEFT, &row->v[j].pos);
				ok &= j > 0;
			} else if (is(row, j, "^")) {
				if (i)
					owner[me] = owner[me - ncols];
				else if (report)
					diag(TABLE_MERGE_UP, &row->v[j].pos);
				ok &= i > 0;
			}
		}
	/* each merged cell is a rectangle: as many cells as its first row's
	 * width times its first column's height, all in that box */
	for (size_t o = 0; o < rows->n * ncols; o++) {
		if (owner[o] != o)
			continue;
		size_t i0 = o / ncols, j0 = o % ncols, w = 0, h = 0, count = 0;
		bool good = true;
		while (j0 + w < ncols && owner[i0 * ncols + j0 + w] == o)
			w++;
		while (i0 + h < rows->n && owner[(i0 + h) * ncols + j0] == o)
			h++;
		for (size_t k = o; k < rows->n * ncols; k++)
			if (owner[k] == o) {
				size_t i = k / ncols, j = k % ncols;
				count++;
				if (i >= i0 + h || j < j0 || j >= j0 + w) {
					if (report && j < rows->v[i].n)
						diag(TABLE_MERGE_SHAPE, &rows->v[i].v[j].pos);
					good = false;
					break;
				}
			}
		if (good && count != w * h) {
			if (report && j0 < rows->v[i0].n)
				diag(TABLE_MERGE_SHAPE, &rows->v[i0].v[j0].pos);
			good = false;
		}
		ok &= good;
	}
	return ok;
}

bool table_number(const char *s, long long *scaled, int *decimals)
{
	const char *p = s;
	while (*p == ' ')
		p++;
	bool neg = *p == '-';
	p += *p == '-' || *p == '+';
	long long v = 0;
	int digits = 0, group = 0, places = 0;
	bool grouped = false;
	for (; *p >= '0' && *p <= '9'; p++, digits++, group++) {
		if (digits >= 17)
			return false;
		v = v * 10 + (*p - '0');
		if (p[1] == '.') { /* "1.500.000": groups of three after the first */
			if ((grouped && group + 1 != 3) || (!grouped && group + 1 > 3))
				return false;
			grouped = true;
			group = -1;
			p++;
		}
	}
	if (!digits || (grouped && group != 3))
		return false;
	if (*p == ',') {
		for (p++; *p >= '0' && *p <= '9'; p++, places++) {
			if (digits + places >= 17)
				return false;
			v = v * 10 + (*p - '0');
		}
		if (!places)
			return false;
	}
	while (*p == ' ')
		p++;
	p += *p == '%';
	while (*p == ' ')
		p++;
	if (*p)
		return false;
	*scaled = neg ? -v : v;
	*decimals = places;
	return true;
}

/* "=" in the totals row sums its column: every body cell there must be a
 * number (or empty). */
static bool check_sums(const struct table_spec *t)
{
	bool ok = true;
	for (size_t j = 0; j < t->total.n; j++) {
		if (!is(&t->total, j, "="))
			continue;
		for (size_t r = 0; r < t->rows.n; r++) {
			const struct text *c = j < t->rows.v[r].n ? &t->rows.v[r].v[j] : NULL;
			long long v;
			int d;
			if (c && c->s && *c->s && !table_number(c->s, &v, &d)) {
				diag(TABLE_SUM_TEXT, &c->pos, c->s);
				ok = false;
				break;
			}
		}
	}
	return ok;
}

bool table_check(const struct table_spec *t, const struct srcpos *at)
{
	bool ok = true;
	if (t->columns.v && t->header.v) {
		diag(TABLE_COLUMNS_AND_HEADER, &t->header.v[0].v[0].pos);
		return false;
	}
	size_t ncols = table_ncols(t);
	if (!ncols) {
		diag(TABLE_NO_COLUMNS, at);
		return false;
	}
	for (size_t i = 0; i < t->rows.n; i++)
		if (t->rows.v[i].n > ncols) {
			diag(TABLE_ROW_WIDE, t->rows.v[i].n ? &t->rows.v[i].v[0].pos : &t->pos,
			     t->rows.v[i].n, ncols);
			ok = false;
		}
	if (t->total.n > ncols) {
		diag(TABLE_ROW_WIDE, &t->total.v[0].pos, t->total.n, ncols);
		ok = false;
	}
	for (size_t i = 0; i < t->align.n; i++) {
		const char *a = t->align.v[i].s;
		if (strcmp(a, "left") && strcmp(a, "center") && strcmp(a, "right")) {
			diag(TABLE_ALIGN, &t->align.v[i].pos, a);
			ok = false;
		}
	}
	if (t->header.v) {
		size_t *owner = xcalloc(t->header.n * ncols + 1, sizeof *owner);
		ok &= table_merge(&t->header, ncols, owner, true);
		free(owner);
	}
	if (t->total.n && ok) {
		struct text_rows one = {(struct texts *)&t->total, 1};
		size_t *owner = xcalloc(ncols + 1, sizeof *owner);
		ok &= table_merge(&one, ncols, owner, true);
		free(owner);
	}
	return ok && check_sums(t);
}
