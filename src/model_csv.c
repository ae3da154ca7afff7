/* model_csv.c — a CSV's rows bound into recipients (model_csv.h). load_csv
 * knows rows and cells; what a cell means (a name that must not be empty, a
 * yes/no for a collective) is decided here. */
#include "model_csv.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "load_csv.h"
#include "load_file.h"
#include "text.h"
#include "util.h"

/* The columns a csv: mapping may name, in the order load_csv hands them. */
enum { COL_NAME, COL_POSITION, COL_UNIT, COL_COLLECTIVE, COL_ACHIEVEMENT, NCOLS };

/* The recipients being filled: the array and its capacity. */
struct recipient_sink {
	struct records *out;
	size_t cap;
	struct recipient *cur;
};

static bool parse_bool(const char *s, bool *v)
{
	static const char *const yes[] = {"true", "yes", "x", "1", "có", "tập thể"};
	static const char *const no[] = {"false", "no", "0", "không", "", "cá nhân"};
	char *low = text_lower(s);
	bool found = false;
	for (size_t i = 0; !found && i < sizeof yes / sizeof *yes; i++)
		if (!strcmp(low, yes[i]))
			found = *v = true;
	for (size_t i = 0; !found && i < sizeof no / sizeof *no; i++)
		if (!strcmp(low, no[i])) {
			found = true;
			*v = false;
		}
	free(low);
	return found;
}

static void start_row(void *ctx, const struct srcpos *pos)
{
	struct recipient_sink *rs = ctx;
	grow(&rs->out->v, &rs->cap, rs->out->n + 1, sizeof(struct recipient));
	rs->cur = (struct recipient *)rs->out->v + rs->out->n;
	memset(rs->cur, 0, sizeof *rs->cur);
	rs->cur->pos = *pos;
}

static bool bind_cell(void *ctx, size_t k, const char *v, const struct srcpos *pos, const char *column)
{
	struct recipient *r = ((struct recipient_sink *)ctx)->cur;
	if (k == COL_COLLECTIVE) {
		r->collective.set = *v != '\0';
		r->collective.pos = *pos;
		if (parse_bool(v, &r->collective.v))
			return true;
		char *shown = load_file_excerpt(v, strlen(v));
		diag(CSV_BAD_YES_NO, pos, column, shown);
		free(shown);
		return false;
	}
	struct text *t = k == COL_NAME ? &r->name : k == COL_POSITION ? &r->position
		       : k == COL_UNIT ? &r->unit : &r->achievement;
	if (*v) {
		t->s = v;
		t->pos = *pos;
	} else if (k == COL_NAME) {
		diag(CSV_EMPTY_NAME, pos, column);
		return false;
	}
	return true;
}

static void end_row(void *ctx, bool ok)
{
	struct recipient_sink *rs = ctx;
	if (ok)
		rs->out->n++;
}

static struct csv_want want(const struct text *t)
{
	return (struct csv_want){t->s, t->pos};
}

bool model_csv_recipients(struct award_list *l, const char *yaml_path, struct node *tree,
			  const struct load_limits *lim)
{
	const struct csv_source *src = &l->csv;
	struct csv_want cols[NCOLS] = {
		[COL_NAME] = want(&src->name), [COL_POSITION] = want(&src->position),
		[COL_UNIT] = want(&src->unit), [COL_COLLECTIVE] = want(&src->collective),
		[COL_ACHIEVEMENT] = want(&src->achievement),
	};
	struct recipient_sink rs = {.out = &l->recipients, .cap = l->recipients.n};
	struct csv_request req = {
		.file = src->file.s, .file_pos = src->file.pos,
		.encoding = src->encoding.s, .encoding_pos = src->encoding.pos,
		.cols = cols, .ncols = NCOLS,
		.sink = {&rs, start_row, bind_cell, end_row},
	};
	return load_csv(&req, yaml_path, tree, lim);
}
