/* model_doc.c — the schemas of input files and the checks that need more
 * than one field. */
#include "model_doc.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "util.h"

#define OFF(type, member) offsetof(type, member)

static const struct field person_fields[] = {
	{"name", F_TEXT, OFF(struct person, name), REQUIRED, NULL, 0, 0, NULL},
	{"degree", F_TEXT, OFF(struct person, degree), 0, NULL, 0, 0, NULL},
	{"roles", F_TEXTS, OFF(struct person, roles), 0, NULL, 0, 0, NULL},
};
static const struct schema person_schema = {"person", sizeof(struct person), FIELDS(person_fields)};

static const struct field org_fields[] = {
	{"parent", F_TEXT, OFF(struct organisation, parent), 0, NULL, 0, 0, NULL},
	{"name", F_TEXT, OFF(struct organisation, name), REQUIRED, NULL, 0, 0, NULL},
	{"abbreviation", F_TEXT, OFF(struct organisation, abbreviation), REQUIRED, NULL, 0, 0, NULL},
	{"place", F_TEXT, OFF(struct organisation, place), REQUIRED, NULL, 0, 0, NULL},
};
static const struct schema org_schema = {"organisation", sizeof(struct organisation),
					 FIELDS(org_fields)};

static const struct field counted_fields[] = {
	{"count", F_INT, OFF(struct counted, count), 0, NULL, 0, 1000000, NULL},
	{"text", F_TEXT, OFF(struct counted, text), REQUIRED, NULL, 0, 0, NULL},
};
static const struct schema counted_schema = {"item", sizeof(struct counted), FIELDS(counted_fields)};

static const struct field attendance_fields[] = {
	{"text", F_TEXT, OFF(struct attendance, text), REQUIRED, NULL, 0, 0, NULL},
	{"summoned", F_INT, OFF(struct attendance, summoned), 0, NULL, 0, 100000, NULL},
	{"present", F_INT, OFF(struct attendance, present), 0, NULL, 0, 100000, NULL},
	{"absent_note", F_TEXT, OFF(struct attendance, absent_note), 0, NULL, 0, 0, NULL},
};
static const struct schema attendance_schema = {"attendance", sizeof(struct attendance),
						FIELDS(attendance_fields)};

#define M(member) OFF(struct minutes, member)
static const struct field minutes_fields[] = {
	{"number", F_INT, M(number), 0, NULL, 1, 99999, NULL},
	{"symbol", F_TEXT, M(symbol), 0, NULL, 0, 0, NULL},
	{"title", F_TEXT, M(title), REQUIRED, NULL, 0, 0, NULL},
	{"date", F_DATE, M(date), REQUIRED, NULL, 0, 0, NULL},
	{"start", F_TIME, M(start), REQUIRED, NULL, 0, 0, NULL},
	{"end", F_TIME, M(end), REQUIRED, NULL, 0, 0, NULL},
	{"venue", F_TEXT, M(venue), REQUIRED, NULL, 0, 0, NULL},
	{"chairs", F_RECORDS, M(chairs), REQUIRED, &person_schema, 0, 0, NULL},
	{"secretary", F_RECORD, M(secretary), REQUIRED, &person_schema, 0, 0, NULL},
	{"attendance", F_RECORD, M(attendance), REQUIRED, &attendance_schema, 0, 0, NULL},
	{"proceedings", F_TEXTS, M(proceedings), 0, NULL, 0, 0, NULL},
	{"reports", F_TEXTS, M(reports), 0, NULL, 0, 0, NULL},
	{"pledge", F_TEXT, M(pledge), 0, NULL, 0, 0, NULL},
	{"awards_intro", F_TEXT, M(awards_intro), 0, NULL, 0, 0, NULL},
	{"awards", F_RECORDS, M(awards), 0, &counted_schema, 0, 0, NULL},
	{"conclusion", F_TEXTS, M(conclusion), 0, NULL, 0, 0, NULL},
	{"tasks_intro", F_TEXT, M(tasks_intro), 0, NULL, 0, 0, NULL},
	{"tasks", F_RECORDS, M(tasks), 0, &counted_schema, 0, 0, NULL},
	{"closing", F_TEXTS, M(closing), 0, NULL, 0, 0, NULL},
	{"recipients", F_TEXTS, M(recipients), 0, NULL, 0, 0, NULL},
	{"filed", F_TEXT, M(filed), 0, NULL, 0, 0, NULL},
};
#undef M
static const struct schema minutes_schema = {"minutes", sizeof(struct minutes),
					     FIELDS(minutes_fields)};

static const struct field free_block_fields[] = {
	{"text", F_TEXT, OFF(struct free_block, text), 0, NULL, 0, 0, NULL},
	{"heading", F_TEXT, OFF(struct free_block, heading), 0, NULL, 0, 0, NULL},
	{"center", F_TEXT, OFF(struct free_block, center), 0, NULL, 0, 0, NULL},
};
static const struct schema free_block_schema = {"block", sizeof(struct free_block),
						FIELDS(free_block_fields)};

static const struct field freedoc_fields[] = {
	{"title", F_TEXT, OFF(struct freedoc, title), REQUIRED, NULL, 0, 0, NULL},
	{"blocks", F_RECORDS, OFF(struct freedoc, blocks), REQUIRED, &free_block_schema, 0, 0, NULL},
};
static const struct schema freedoc_schema = {"document", sizeof(struct freedoc),
					     FIELDS(freedoc_fields)};

static const struct field style_fields[] = {
	{"pad_counts", F_BOOL, OFF(struct style, pad_counts), 0, NULL, 0, 0, NULL},
};
static const struct schema style_schema = {"style", sizeof(struct style), FIELDS(style_fields)};

static const struct field file_fields[] = {
	{"layout", F_TEXT, OFF(struct docfile, layout), 0, NULL, 0, 0, NULL},
	{"style", F_RECORD, OFF(struct docfile, style), 0, &style_schema, 0, 0, NULL},
	{"organisation", F_RECORD, OFF(struct docfile, org), REQUIRED, &org_schema, 0, 0, NULL},
	{"minutes", F_RECORD, OFF(struct docfile, minutes), 0, &minutes_schema, 0, 0, NULL},
	{"document", F_RECORD, OFF(struct docfile, document), 0, &freedoc_schema, 0, 0, NULL},
};
static const struct schema file_schema = {"the file", sizeof(struct docfile), FIELDS(file_fields)};

static bool check_minutes(const struct minutes *m)
{
	bool ok = true;
	if (m->start.set && m->end.set && m->end.h * 60 + m->end.m <= m->start.h * 60 + m->start.m) {
		diag(DIAG_ERROR, &m->end.pos, "the meeting ends (%02d:%02d) before it starts (%02d:%02d)",
		     m->end.h, m->end.m, m->start.h, m->start.m);
		ok = false;
	}
	const struct attendance *a = &m->attendance;
	if (a->summoned.set && a->present.set && a->present.v > a->summoned.v) {
		diag(DIAG_ERROR, &a->present.pos, "more people present (%lld) than summoned (%lld)",
		     a->present.v, a->summoned.v);
		ok = false;
	}
	if (m->chairs.n == 0) {
		diag(DIAG_ERROR, &m->pos, "minutes need at least one chair");
		ok = false;
	}
	return ok;
}

static bool check_freedoc(const struct freedoc *d)
{
	bool ok = true;
	const struct free_block *b = d->blocks.v;
	for (size_t i = 0; i < d->blocks.n; i++) {
		int set = !!b[i].text.s + !!b[i].heading.s + !!b[i].center.s;
		if (set != 1) {
			const struct srcpos *p = b[i].text.s ? &b[i].text.pos
						 : b[i].heading.s ? &b[i].heading.pos
						 : b[i].center.s ? &b[i].center.pos : &d->pos;
			diag(DIAG_ERROR, p, "a block holds exactly one of \"text\", \"heading\" or \"center\"");
			ok = false;
		}
	}
	return ok;
}

struct docfile *docfile_load(const char *path, const struct load_limits *lim)
{
	struct load_info info = {0};
	struct node *tree = load_yaml(path, lim, &info);
	if (!tree)
		return NULL;
	if (info.not_nfc)
		diag(DIAG_NOTE, &info.first_not_nfc,
		     "text was not in Unicode NFC; it has been normalised (first here)");
	struct docfile *df = xcalloc(1, sizeof *df);
	df->tree = tree;
	df->path = tree->pos.file;
	bool ok = model_bind(tree, &file_schema, df);
	const struct node *mn = node_get(tree, "minutes");
	if (mn) {
		df->has_minutes = true;
		df->minutes.pos = mn->pos;
		if (ok)
			ok = check_minutes(&df->minutes);
	}
	const struct node *dn = node_get(tree, "document");
	if (dn) {
		df->has_document = true;
		df->document.pos = dn->pos;
		if (ok)
			ok = check_freedoc(&df->document);
	}
	if (ok && !df->has_minutes && !df->has_document) {
		diag(DIAG_ERROR, &tree->pos,
		     "the file describes no document (add \"minutes\" or \"document\")");
		ok = false;
	}
	if (!ok) {
		docfile_free(df);
		return NULL;
	}
	return df;
}

void docfile_free(struct docfile *df)
{
	if (!df)
		return;
	model_unbind(&file_schema, df);
	node_free(df->tree);
	free(df);
}
