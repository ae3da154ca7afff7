/* model_volume.c — the schemas of volume and records files, and the checks
 * that need more than one field (a document twice, dates outside the
 * volume's, a retention the archive cannot read). */
#include "model_volume.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define OFF(type, member) offsetof(type, member)

static const struct field org_fields[] = {
	{"parent", F_TEXT, OFF(struct organisation, parent), 0, NULL, 0, 0, NULL},
	{"name", F_TEXT, OFF(struct organisation, name), REQUIRED, NULL, 0, 0, NULL},
	{"abbreviation", F_TEXT, OFF(struct organisation, abbreviation), REQUIRED, NULL, 0, 0, NULL},
	{"place", F_TEXT, OFF(struct organisation, place), REQUIRED, NULL, 0, 0, NULL},
};
static const struct schema org_schema = {"organisation", sizeof(struct organisation),
					 FIELDS(org_fields)};

#define D(member) OFF(struct volume_doc, member)
static const struct field doc_fields[] = {
	{"source", F_TEXT, D(source), 0, NULL, 0, 0, NULL},
	{"only", F_TEXT, D(only), 0, NULL, 0, 0, NULL},
	{"numbers", F_TEXTS, D(numbers), 0, NULL, 0, 0, NULL},
	{"scan", F_TEXT, D(scan), 0, NULL, 0, 0, NULL},
	{"number", F_TEXT, D(number), 0, NULL, 0, 0, NULL},
	{"date", F_DATE, D(date), 0, NULL, 0, 0, NULL},
	{"type", F_TEXT, D(type), 0, NULL, 0, 0, NULL},
	{"summary", F_TEXT, D(summary), 0, NULL, 0, 0, NULL},
	{"issuer", F_TEXT, D(issuer), 0, NULL, 0, 0, NULL},
	{"note", F_TEXT, D(note), 0, NULL, 0, 0, NULL},
	{"", F_POS, D(pos), 0, NULL, 0, 0, NULL},
};
#undef D
static const struct schema doc_schema = {"document", sizeof(struct volume_doc), FIELDS(doc_fields)};

#define V(member) OFF(struct volume, member)
static const struct field volume_fields[] = {
	{"number", F_TEXT, V(number), REQUIRED, NULL, 0, 0, NULL},
	{"title", F_TEXT, V(title), REQUIRED, NULL, 0, 0, NULL},
	{"unit", F_TEXT, V(unit), 0, NULL, 0, 0, NULL},
	{"year", F_INT, V(year), REQUIRED, NULL, 1900, 2200, NULL},
	{"from", F_DATE, V(from), REQUIRED, NULL, 0, 0, NULL},
	{"to", F_DATE, V(to), REQUIRED, NULL, 0, 0, NULL},
	{"retention", F_TEXT, V(retention), REQUIRED, NULL, 0, 0, NULL},
	{"fonds", F_TEXT, V(fonds), 0, NULL, 0, 0, NULL},
	{"catalogue", F_TEXT, V(catalogue), 0, NULL, 0, 0, NULL},
	{"file_number", F_TEXT, V(file_number), 0, NULL, 0, 0, NULL},
	{"sides", F_TEXT, V(sides), 0, NULL, 0, 0, NULL},
	{"sheet_numbers", F_BOOL, V(sheet_numbers), 0, NULL, 0, 0, NULL},
	{"features", F_TEXT, V(features), 0, NULL, 0, 0, NULL},
	{"compiler", F_TEXT, V(compiler), REQUIRED, NULL, 0, 0, NULL},
	{"place", F_TEXT, V(place), 0, NULL, 0, 0, NULL},
	{"date", F_DATE, V(date), 0, NULL, 0, 0, NULL},
	{"documents", F_RECORDS, V(docs), REQUIRED, &doc_schema, 0, 0, NULL},
};
#undef V
static const struct schema volume_schema = {"volume", sizeof(struct volume), FIELDS(volume_fields)};

static const struct field volfile_fields[] = {
	{"layout", F_TEXT, OFF(struct volfile, layout), 0, NULL, 0, 0, NULL},
	{"organisation", F_RECORD, OFF(struct volfile, org), REQUIRED, &org_schema, 0, 0, NULL},
	{"volume", F_RECORD, OFF(struct volfile, volume), REQUIRED, &volume_schema, 0, 0, NULL},
};
static const struct schema volfile_schema = {"file", sizeof(struct volfile), FIELDS(volfile_fields)};

#define F(member) OFF(struct records_file, member)
static const struct field rfile_fields[] = {
	{"volume", F_TEXT, F(volume), 0, NULL, 0, 0, NULL},
	{"number", F_TEXT, F(number), 0, NULL, 0, 0, NULL},
	{"title", F_TEXT, F(title), 0, NULL, 0, 0, NULL},
	{"retention", F_TEXT, F(retention), 0, NULL, 0, 0, NULL},
	{"compiler", F_TEXT, F(compiler), 0, NULL, 0, 0, NULL},
	{"note", F_TEXT, F(note), 0, NULL, 0, 0, NULL},
	{"hand_over", F_BOOL, F(hand_over), 0, NULL, 0, 0, NULL},
	{"", F_POS, F(pos), 0, NULL, 0, 0, NULL},
};
#undef F
static const struct schema rfile_schema = {"file", sizeof(struct records_file), FIELDS(rfile_fields)};

static const struct field heading_fields[] = {
	{"title", F_TEXT, OFF(struct records_heading, title), REQUIRED, NULL, 0, 0, NULL},
	{"abbreviation", F_TEXT, OFF(struct records_heading, abbreviation), 0, NULL, 0, 0, NULL},
	{"files", F_RECORDS, OFF(struct records_heading, files), REQUIRED, &rfile_schema, 0, 0, NULL},
	{"", F_POS, OFF(struct records_heading, pos), 0, NULL, 0, 0, NULL},
};
static const struct schema heading_schema = {"heading", sizeof(struct records_heading),
					     FIELDS(heading_fields)};

#define R(member) OFF(struct year_records, member)
static const struct field records_fields[] = {
	{"year", F_INT, R(year), REQUIRED, NULL, 1900, 2200, NULL},
	{"basis", F_TEXT, R(basis), 0, NULL, 0, 0, NULL},
	{"unit", F_TEXT, R(unit), 0, NULL, 0, 0, NULL},
	{"compiler", F_TEXT, R(compiler), REQUIRED, NULL, 0, 0, NULL},
	{"place", F_TEXT, R(place), 0, NULL, 0, 0, NULL},
	{"date", F_DATE, R(date), 0, NULL, 0, 0, NULL},
	{"headings", F_RECORDS, R(headings), REQUIRED, &heading_schema, 0, 0, NULL},
};
#undef R
static const struct schema records_schema = {"records", sizeof(struct year_records), FIELDS(records_fields)};

static const struct field recfile_fields[] = {
	{"layout", F_TEXT, OFF(struct recfile, layout), 0, NULL, 0, 0, NULL},
	{"organisation", F_RECORD, OFF(struct recfile, org), REQUIRED, &org_schema, 0, 0, NULL},
	{"records", F_RECORD, OFF(struct recfile, records), REQUIRED, &records_schema, 0, 0, NULL},
};
static const struct schema recfile_schema = {"file", sizeof(struct recfile), FIELDS(recfile_fields)};

enum input_kind input_kind_of(const struct node *tree)
{
	if (node_get(tree, "volume"))
		return INPUT_VOLUME;
	if (node_get(tree, "records"))
		return INPUT_RECORDS;
	return INPUT_DOCUMENTS;
}

bool volume_retention_permanent(const char *r)
{
	return r && (!strcmp(r, "Vĩnh viễn") || !strcmp(r, "vĩnh viễn"));
}

/* "N năm" with N > 0; returns N, or 0 if it is not that form. */
static long retention_years(const char *r)
{
	char *end;
	if (!r || !isdigit((unsigned char)r[0]))
		return 0;
	long n = strtol(r, &end, 10);
	return n > 0 && n < 1000 && !strcmp(end, " năm") ? n : 0;
}

bool volume_retention_long(const char *r)
{
	return volume_retention_permanent(r) || retention_years(r) >= 5;
}

static bool check_retention(const struct text *t)
{
	if (!t->s || volume_retention_permanent(t->s) || retention_years(t->s))
		return true;
	diag(VOLUME_RETENTION, &t->pos, t->s);
	return false;
}

static char *iso(struct date d)
{
	return xasprintf("%02d/%02d/%04d", d.d, d.m, d.y);
}

static bool check_doc(const struct volume *v, const struct volume_doc *d)
{
	if (!!d->source.s == !!d->scan.s) {
		diag(VOLUME_DOC_ONE, &d->pos);
		return false;
	}
	if (d->scan.s) {
		static const char *const need[] = {"date", "type", "summary", "issuer"};
		bool have[] = {d->date.set, !!d->type.s, !!d->summary.s, !!d->issuer.s};
		for (size_t i = 0; i < 4; i++)
			if (!have[i]) {
				diag(VOLUME_SCAN_FIELD, &d->pos, need[i]);
				return false;
			}
	}
	if (d->date.set && (date_cmp(d->date.d, v->from.d) < 0 || date_cmp(d->date.d, v->to.d) > 0)) {
		char *a = iso(d->date.d), *b = iso(v->from.d), *c = iso(v->to.d);
		diag(VOLUME_DATE_RANGE, &d->date.pos, a, b, c);
		free(a), free(b), free(c);
	}
	return true;
}

static bool share_number(const struct texts *a, const struct texts *b)
{
	if (!a->n || !b->n) /* all of a source's documents share with any */
		return true;
	for (size_t i = 0; i < a->n; i++)
		for (size_t j = 0; j < b->n; j++)
			if (!strcmp(a->v[i].s, b->v[j].s))
				return true;
	return false;
}

/* The same scan twice, or a source twice where the two could take the
 * same document (same or no `only`, numbers in common or none). */
static bool check_twice(const struct volume *v)
{
	const struct volume_doc *d = v->docs.v;
	for (size_t i = 0; i < v->docs.n; i++)
		for (size_t j = 0; j < i; j++) {
			const struct text *a = d[i].scan.s ? &d[i].scan : &d[i].source;
			const struct text *b = d[j].scan.s ? &d[j].scan : &d[j].source;
			bool same_only = (!d[i].only.s || !d[j].only.s || !strcmp(d[i].only.s, d[j].only.s)) &&
					 share_number(&d[i].numbers, &d[j].numbers);
			if (!strcmp(a->s, b->s) && !!d[i].scan.s == !!d[j].scan.s && same_only) {
				diag(VOLUME_DOC_TWICE, &a->pos, a->s, b->pos.line);
				return false;
			}
		}
	return true;
}

static bool check_volume(const struct volume *v)
{
	bool ok = check_retention(&v->retention);
	if (date_cmp(v->to.d, v->from.d) < 0) {
		char *a = iso(v->to.d), *b = iso(v->from.d);
		diag(VOLUME_ENDS_BEFORE, &v->to.pos, a, b);
		free(a), free(b);
		ok = false;
	}
	if (v->sides.s && strcmp(v->sides.s, "one") && strcmp(v->sides.s, "two")) {
		diag(TWO_CHOICES, &v->sides.pos, "sides", "one", "two", v->sides.s);
		ok = false;
	}
	if (!v->docs.n) {
		diag(VOLUME_EMPTY, &v->pos);
		return false;
	}
	for (size_t i = 0; ok && i < v->docs.n; i++)
		ok = check_doc(v, (const struct volume_doc *)v->docs.v + i);
	return ok && check_twice(v);
}

struct volfile *volfile_bind(struct node *tree)
{
	struct volfile *vf = xcalloc(1, sizeof *vf);
	vf->tree = tree;
	vf->path = tree->pos.file;
	if (node_get(tree, "records") || node_get(tree, "minutes") || node_get(tree, "decisions") ||
	    node_get(tree, "document")) {
		diag(VOLUME_BOTH_KINDS, &tree->pos);
		volfile_free(vf);
		return NULL;
	}
	bool ok = model_bind(tree, &volfile_schema, vf);
	const struct node *vn = node_get(tree, "volume");
	if (vn)
		vf->volume.pos = vn->pos;
	if (ok)
		ok = check_volume(&vf->volume);
	if (!ok) {
		volfile_free(vf);
		return NULL;
	}
	return vf;
}

void volfile_free(struct volfile *vf)
{
	if (!vf)
		return;
	model_unbind(&volfile_schema, vf);
	node_free(vf->tree);
	free(vf);
}

static bool check_records(const struct year_records *r)
{
	const struct records_heading *h = r->headings.v;
	bool ok = true;
	for (size_t i = 0; i < r->headings.n; i++) {
		const struct records_file *f = h[i].files.v;
		for (size_t j = 0; j < h[i].files.n; j++) {
			if (!f[j].volume.s && (!f[j].number.s || !f[j].title.s || !f[j].retention.s)) {
				diag(RECORDS_FILE_ONE, &f[j].pos);
				ok = false;
			}
			ok = check_retention(&f[j].retention) && ok;
		}
	}
	return ok;
}

struct recfile *recfile_bind(struct node *tree)
{
	struct recfile *rf = xcalloc(1, sizeof *rf);
	rf->tree = tree;
	rf->path = tree->pos.file;
	if (node_get(tree, "volume") || node_get(tree, "minutes") || node_get(tree, "decisions") ||
	    node_get(tree, "document")) {
		diag(VOLUME_BOTH_KINDS, &tree->pos);
		recfile_free(rf);
		return NULL;
	}
	bool ok = model_bind(tree, &recfile_schema, rf);
	const struct node *rn = node_get(tree, "records");
	if (rn)
		rf->records.pos = rn->pos;
	if (ok)
		ok = check_records(&rf->records);
	if (!ok) {
		recfile_free(rf);
		return NULL;
	}
	return rf;
}

void recfile_free(struct recfile *rf)
{
	if (!rf)
		return;
	model_unbind(&recfile_schema, rf);
	node_free(rf->tree);
	free(rf);
}
