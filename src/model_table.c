/* model_table.c — the schema of a body table: header cells, rows of
 * cells, per-column alignment. */
#include "model_body.h"

#include <stddef.h>
#include <string.h>

#define T(member) offsetof(struct table_spec, member)
static const struct field table_fields[] = {
	{"columns", F_TEXTS, T(columns), REQUIRED, NULL, 0, 0, NULL},
	{"rows", F_ROWS, T(rows), 0, NULL, 0, 0, NULL},
	{"align", F_TEXTS, T(align), 0, NULL, 0, 0, NULL},
	{"", F_POS, T(pos), 0, NULL, 0, 0, NULL},
};
#undef T
const struct schema table_schema = {N_("table"), sizeof(struct table_spec), FIELDS(table_fields)};

bool table_check(const struct table_spec *t, const struct srcpos *at)
{
	(void)at;
	bool ok = true;
	for (size_t i = 0; i < t->rows.n; i++)
		if (t->rows.v[i].n > t->columns.n) {
			diag(TABLE_ROW_WIDE, t->rows.v[i].n ? &t->rows.v[i].v[0].pos : &t->pos,
			     t->rows.v[i].n, t->columns.n);
			ok = false;
		}
	for (size_t i = 0; i < t->align.n; i++) {
		const char *a = t->align.v[i].s;
		if (strcmp(a, "left") && strcmp(a, "center") && strcmp(a, "right")) {
			diag(TABLE_ALIGN, &t->align.v[i].pos, a);
			ok = false;
		}
	}
	return ok;
}
