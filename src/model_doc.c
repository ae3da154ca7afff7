/* model_doc.c — the schemas of input files and the checks that need more
 * than one field. */
#include "model_doc.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "model_csv.h"
#include "util.h"

#define OFF(type, member) offsetof(type, member)

static const struct field person_fields[] = {
	{"name", F_TEXT, OFF(struct person, name), REQUIRED, NULL, 0, 0, NULL},
	{"degree", F_TEXT, OFF(struct person, degree), 0, NULL, 0, 0, NULL},
	{"roles", F_TEXTS, OFF(struct person, roles), 0, NULL, 0, 0, NULL},
};
static const struct schema person_schema = {N_("person"), sizeof(struct person), FIELDS(person_fields)};

static const struct field org_fields[] = {
	{"parent", F_TEXT, OFF(struct organisation, parent), 0, NULL, 0, 0, NULL},
	{"name", F_TEXT, OFF(struct organisation, name), REQUIRED, NULL, 0, 0, NULL},
	{"abbreviation", F_TEXT, OFF(struct organisation, abbreviation), REQUIRED, NULL, 0, 0, NULL},
	{"place", F_TEXT, OFF(struct organisation, place), REQUIRED, NULL, 0, 0, NULL},
};
static const struct schema org_schema = {N_("organisation"), sizeof(struct organisation),
					 FIELDS(org_fields)};


static const struct field attendance_fields[] = {
	{"text", F_TEXT, OFF(struct attendance, text), REQUIRED, NULL, 0, 0, NULL},
	{"summoned", F_INT, OFF(struct attendance, summoned), 0, NULL, 0, 100000, NULL},
	{"present", F_INT, OFF(struct attendance, present), 0, NULL, 0, 100000, NULL},
	{"absent_note", F_TEXT, OFF(struct attendance, absent_note), 0, NULL, 0, 0, NULL},
};
static const struct schema attendance_schema = {N_("attendance"), sizeof(struct attendance),
						FIELDS(attendance_fields)};

static const struct field section_fields[] = {
	{"heading", F_TEXT, OFF(struct section, heading), REQUIRED, NULL, 0, 0, NULL},
	{"number", F_TEXT, OFF(struct section, number), 0, NULL, 0, 0, NULL},
	{"body", F_RECORDS, OFF(struct section, body), 0, &body_block_schema, 0, 0, NULL},
	{"", F_POS, OFF(struct section, pos), 0, NULL, 0, 0, NULL},
};
static const struct schema section_schema = {N_("section"), sizeof(struct section), FIELDS(section_fields)};

#define M(member) OFF(struct minutes, member)
static const struct field minutes_fields[] = {
	{"issuer", F_TEXT, M(issuer), 0, NULL, 0, 0, NULL},
	{"number", F_INT, M(number), 0, NULL, 1, 99999, NULL},
	{"symbol", F_TEXT, M(symbol), 0, NULL, 0, 0, NULL},
	{"title", F_TEXT, M(title), REQUIRED, NULL, 0, 0, NULL},
	{"meeting", F_TEXT, M(meeting), 0, NULL, 0, 0, NULL},
	{"date", F_DATE, M(date), REQUIRED, NULL, 0, 0, NULL},
	{"start", F_TIME, M(start), REQUIRED, NULL, 0, 0, NULL},
	{"end", F_TIME, M(end), REQUIRED, NULL, 0, 0, NULL},
	{"venue", F_TEXT, M(venue), REQUIRED, NULL, 0, 0, NULL},
	{"chairs", F_RECORDS, M(chairs), REQUIRED, &person_schema, 0, 0, NULL},
	{"secretary", F_RECORD, M(secretary), REQUIRED, &person_schema, 0, 0, NULL},
	{"attendance", F_RECORD, M(attendance), REQUIRED, &attendance_schema, 0, 0, NULL},
	{"sections", F_RECORDS, M(sections), 0, &section_schema, 0, 0, NULL},
	{"closing", F_TEXTS, M(closing), 0, NULL, 0, 0, NULL},
	{"signers", F_RECORDS, M(signers), 0, &signer_schema, 0, 0, NULL},
	{"recipients", F_TEXTS, M(recipients), 0, NULL, 0, 0, NULL},
	{"filed", F_TEXT, M(filed), 0, NULL, 0, 0, NULL},
};
#undef M
static const struct schema minutes_schema = {N_("minutes"), sizeof(struct minutes),
					     FIELDS(minutes_fields)};

static const struct field freedoc_fields[] = {
	{"title", F_TEXT, OFF(struct freedoc, title), REQUIRED, NULL, 0, 0, NULL},
	{"blocks", F_RECORDS, OFF(struct freedoc, blocks), REQUIRED, &body_block_schema, 0, 0, NULL},
};
static const struct schema freedoc_schema = {N_("document"), sizeof(struct freedoc),
					     FIELDS(freedoc_fields)};

static const struct field issuer_fields[] = {
	{"id", F_TEXT, OFF(struct issuer, id), REQUIRED, NULL, 0, 0, NULL},
	{"style", F_TEXT, OFF(struct issuer, style), REQUIRED, NULL, 0, 0, NULL},
	{"layout", F_TEXT, OFF(struct issuer, layout), 0, NULL, 0, 0, NULL},
	{"parent", F_TEXT, OFF(struct issuer, org.parent), 0, NULL, 0, 0, NULL},
	{"name", F_TEXT, OFF(struct issuer, org.name), REQUIRED, NULL, 0, 0, NULL},
	{"abbreviation", F_TEXT, OFF(struct issuer, org.abbreviation), REQUIRED, NULL, 0, 0, NULL},
	{"place", F_TEXT, OFF(struct issuer, org.place), 0, NULL, 0, 0, NULL},
};
static const struct schema issuer_schema = {N_("issuer"), sizeof(struct issuer), FIELDS(issuer_fields)};

static const struct field signer_fields[] = {
	{"prefix", F_TEXT, OFF(struct signer, prefix), 0, NULL, 0, 0, NULL},
	{"authority", F_TEXT, OFF(struct signer, authority), 0, NULL, 0, 0, NULL},
	{"title", F_TEXT, OFF(struct signer, title), REQUIRED, NULL, 0, 0, NULL},
	{"name", F_TEXT, OFF(struct signer, name), REQUIRED, NULL, 0, 0, NULL},
	{"signature", F_TEXT, OFF(struct signer, signature), 0, NULL, 0, 0, NULL},
	{"seal", F_TEXT, OFF(struct signer, seal), 0, NULL, 0, 0, NULL},
};
const struct schema signer_schema = {N_("signer"), sizeof(struct signer), FIELDS(signer_fields)};

static const struct field recipient_fields[] = {
	{"name", F_TEXT, OFF(struct recipient, name), REQUIRED, NULL, 0, 0, NULL},
	{"position", F_TEXT, OFF(struct recipient, position), 0, NULL, 0, 0, NULL},
	{"unit", F_TEXT, OFF(struct recipient, unit), 0, NULL, 0, 0, NULL},
	{"collective", F_BOOL, OFF(struct recipient, collective), 0, NULL, 0, 0, NULL},
	{"achievement", F_TEXT, OFF(struct recipient, achievement), 0, NULL, 0, 0, NULL},
	{"", F_POS, OFF(struct recipient, pos), 0, NULL, 0, 0, NULL},
};
const struct schema recipient_schema = {N_("recipient"), sizeof(struct recipient),
					FIELDS(recipient_fields)};

static const struct field csv_fields[] = {
	{"file", F_TEXT, OFF(struct csv_source, file), REQUIRED, NULL, 0, 0, NULL},
	{"name", F_TEXT, OFF(struct csv_source, name), REQUIRED, NULL, 0, 0, NULL},
	{"position", F_TEXT, OFF(struct csv_source, position), 0, NULL, 0, 0, NULL},
	{"unit", F_TEXT, OFF(struct csv_source, unit), 0, NULL, 0, 0, NULL},
	{"collective", F_TEXT, OFF(struct csv_source, collective), 0, NULL, 0, 0, NULL},
	{"achievement", F_TEXT, OFF(struct csv_source, achievement), 0, NULL, 0, 0, NULL},
	{"encoding", F_TEXT, OFF(struct csv_source, encoding), 0, NULL, 0, 0, NULL},
};
static const struct schema csv_schema = {N_("csv"), sizeof(struct csv_source), FIELDS(csv_fields)};

static const struct field list_fields[] = {
	{"title", F_TEXT, OFF(struct award_list, title), 0, NULL, 0, 0, NULL},
	{"sort", F_TEXT, OFF(struct award_list, sort), 0, NULL, 0, 0, NULL},
	{"tone_order", F_TEXT, OFF(struct award_list, tone_order), 0, NULL, 0, 0, NULL},
	{"recipients", F_RECORDS, OFF(struct award_list, recipients), 0, &recipient_schema, 0, 0, NULL},
	{"csv", F_RECORD, OFF(struct award_list, csv), 0, &csv_schema, 0, 0, NULL},
};
static const struct schema list_schema = {N_("list"), sizeof(struct award_list), FIELDS(list_fields)};

static const struct field amount_fields[] = {
	{"coefficient", F_NUMBER, OFF(struct amount, coefficient), REQUIRED, NULL, 0.01, 100, NULL},
	{"base_salary", F_INT, OFF(struct amount, base_salary), REQUIRED, NULL, 1000, 100000000, NULL},
	{"base_date", F_DATE, OFF(struct amount, base_date), 0, NULL, 0, 0, NULL},
	{"collective_factor", F_NUMBER, OFF(struct amount, collective_factor), 0, NULL, 1, 10, NULL},
};
static const struct schema amount_schema = {N_("amount"), sizeof(struct amount), FIELDS(amount_fields)};

#define D(member) OFF(struct decision, member)
static const struct field decision_fields[] = {
	{"issuer", F_TEXT, D(issuer), 0, NULL, 0, 0, NULL},
	{"number", F_INT, D(number), 0, NULL, 1, 99999, NULL},
	{"symbol", F_TEXT, D(symbol), 0, NULL, 0, 0, NULL},
	{"date", F_DATE, D(date), REQUIRED | DAYLESS, NULL, 0, 0, NULL},
	{"summary", F_TEXT, D(summary), REQUIRED, NULL, 0, 0, NULL},
	{"authority", F_TEXT, D(authority), REQUIRED, NULL, 0, 0, NULL},
	{"by", F_TEXT, D(by), 0, NULL, 0, 0, NULL},
	{"bases", F_TEXTS, D(bases), 0, NULL, 0, 0, NULL},
	{"proposal", F_TEXT, D(proposal), 0, NULL, 0, 0, NULL},
	{"articles", F_TEXTS, D(articles), REQUIRED, NULL, 0, 0, NULL},
	{"amount", F_RECORD, D(amount), 0, &amount_schema, 0, 0, NULL},
	{"signer", F_RECORD, D(signer), REQUIRED, &signer_schema, 0, 0, NULL},
	{"recipients_to", F_TEXTS, D(recipients_to), 0, NULL, 0, 0, NULL},
	{"filed", F_TEXT, D(filed), 0, NULL, 0, 0, NULL},
	{"list", F_RECORD, D(list), 0, &list_schema, 0, 0, NULL},
	{"stated_count", F_INT, D(stated_count), 0, NULL, 0, 1000000, NULL},
	{"award", F_TEXT, D(award), 0, NULL, 0, 0, NULL},
	{"achievement", F_TEXT, D(achievement), 0, NULL, 0, 0, NULL},
	{"certificate_layout", F_TEXT, D(certificate_layout), 0, NULL, 0, 0, NULL},
	{"certificate_output", F_TEXT, D(certificate_output), 0, NULL, 0, 0, NULL},
	{"decision_output", F_BOOL, D(decision_output), 0, NULL, 0, 0, NULL},
	{"emblem", F_TEXT, D(emblem), 0, NULL, 0, 0, NULL},
	{"", F_POS, D(pos), 0, NULL, 0, 0, NULL},
};
#undef D
static const struct schema decision_schema = {N_("decision"), sizeof(struct decision),
					      FIELDS(decision_fields)};

static const struct field style_fields[] = {
	{"pad_counts", F_BOOL, OFF(struct style, pad_counts), 0, NULL, 0, 0, NULL},
	{"thousand", F_TEXT, OFF(struct style, thousand), 0, NULL, 0, 0, NULL},
	{"billion", F_TEXT, OFF(struct style, billion), 0, NULL, 0, 0, NULL},
	{"zero_tens", F_TEXT, OFF(struct style, zero_tens), 0, NULL, 0, 0, NULL},
	{"four", F_TEXT, OFF(struct style, four), 0, NULL, 0, 0, NULL},
};
static const struct schema style_schema = {N_("style"), sizeof(struct style), FIELDS(style_fields)};

static const struct field file_fields[] = {
	{"encoding", F_TEXT, OFF(struct docfile, encoding), 0, NULL, 0, 0, NULL}, /* read by load_encoding.c */
	{"layout", F_TEXT, OFF(struct docfile, layout), 0, NULL, 0, 0, NULL},
	{"style", F_RECORD, OFF(struct docfile, style), 0, &style_schema, 0, 0, NULL},
	{"organisation", F_RECORD, OFF(struct docfile, org), REQUIRED, &org_schema, 0, 0, NULL},
	{"minutes", F_RECORD, OFF(struct docfile, minutes), 0, &minutes_schema, 0, 0, NULL},
	{"document", F_RECORD, OFF(struct docfile, document), 0, &freedoc_schema, 0, 0, NULL},
	{"issuers", F_RECORDS, OFF(struct docfile, issuers), 0, &issuer_schema, 0, 0, NULL},
	{"decisions", F_RECORDS, OFF(struct docfile, decisions), 0, &decision_schema, 0, 0, NULL},
	{"documents", F_RECORDS, OFF(struct docfile, documents), 0, &document_schema, 0, 0, NULL},
};
static const struct schema file_schema = {N_("the file"), sizeof(struct docfile), FIELDS(file_fields)};

static void report_unknown_issuer(const struct docfile *df, const struct text *id);

static bool check_minutes(const struct docfile *df, struct minutes *m)
{
	bool ok = true;
	if (m->issuer.s && !docfile_issuer(df, m->issuer.s)) {
		report_unknown_issuer(df, &m->issuer);
		ok = false;
	}
	if (m->start.set && m->end.set && m->end.h * 60 + m->end.m <= m->start.h * 60 + m->start.m) {
		diag(MEETING_ENDS_BEFORE_START, &m->end.pos,
		     m->end.h, m->end.m, m->start.h, m->start.m);
		ok = false;
	}
	const struct attendance *a = &m->attendance;
	if (a->summoned.set && a->present.set && a->present.v > a->summoned.v) {
		diag(MORE_PRESENT_THAN_SUMMONED, &a->present.pos,
		     a->present.v, a->summoned.v);
		ok = false;
	}
	struct section *sec = m->sections.v;
	for (size_t i = 0; i < m->sections.n; i++)
		ok &= body_check(&sec[i].body);
	if (m->chairs.n == 0) {
		diag(MINUTES_NO_CHAIR, &m->pos);
		ok = false;
	}
	return ok;
}

const struct issuer *docfile_issuer(const struct docfile *df, const char *id)
{
	const struct issuer *is = df->issuers.v;
	for (size_t i = 0; id && i < df->issuers.n; i++)
		if (!strcmp(is[i].id.s, id))
			return &is[i];
	return NULL;
}

/* "no issuer "dang"": with the nearest id and the list of those there are. */
static void report_unknown_issuer(const struct docfile *df, const struct text *id)
{
	const struct issuer *is = df->issuers.v;
	if (!df->issuers.n) {
		diag(NO_ISSUERS, &id->pos, id->s);
		return;
	}
	const char *cands[64];
	size_t nc = df->issuers.n < 64 ? df->issuers.n : 64;
	struct buf all = {0};
	for (size_t i = 0; i < df->issuers.n; i++) {
		buf_printf(&all, "%s\"%s\"", i ? ", " : "", is[i].id.s);
		if (i < nc)
			cands[i] = is[i].id.s;
	}
	const char *near = model_did_you_mean(id->s, cands, nc);
	if (near)
		diag(UNKNOWN_ISSUER_GUESS, &id->pos, id->s, near, all.data);
	else
		diag(UNKNOWN_ISSUER, &id->pos, id->s, all.data);
	buf_free(&all);
}

static bool ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);
	return n >= m && !strcmp(s + n - m, end);
}

/* Rules a clerk can break and the program can see: errors for what cannot
 * be rendered, warnings for what ND30 would frown on. */
static bool check_decision(const struct docfile *df, const struct decision *d)
{
	bool ok = true;
	if (d->issuer.s && !docfile_issuer(df, d->issuer.s)) {
		report_unknown_issuer(df, &d->issuer);
		return false;
	}
	if (!d->number.set)
		diag(DECISION_NO_NUMBER, &d->pos);
	if (!d->date.d.d)
		diag(DRAFT_NO_DAY, &d->date.pos);
	for (size_t i = 0; i < d->bases.n; i++) {
		bool last = i + 1 == d->bases.n && !d->proposal.s;
		const char *want = last ? "." : ";";
		if (!ends_with(d->bases.v[i].s, want))
			diag(BASIS_END, &d->bases.v[i].pos, want);
	}
	if (d->proposal.s && !ends_with(d->proposal.s, "."))
		diag(PROPOSAL_END, &d->proposal.pos);
	if (d->amount.base_date.set && date_cmp(d->amount.base_date.d, d->date.d) > 0)
		diag(BASE_SALARY_DATE_LATE, &d->amount.base_date.pos);
	if (d->list.sort.s && strcmp(d->list.sort.s, "none") && strcmp(d->list.sort.s, "name")) {
		diag(SORT_CHOICE, &d->list.sort.pos,
		     d->list.sort.s);
		ok = false;
	}
	const char *out = d->certificate_output.s;
	if (out && strcmp(out, "both") && strcmp(out, "files") && strcmp(out, "print")) {
		diag(CERT_OUTPUT_CHOICE, &d->certificate_output.pos, out);
		ok = false;
	}
	const char *to = d->list.tone_order.s;
	if (to && strcmp(to, "lexicographic") && strcmp(to, "common")) {
		diag(TONE_ORDER_CHOICE, &d->list.tone_order.pos, to);
		ok = false;
	}
	if (d->list.recipients.n && d->list.csv.file.s) {
		diag(LIST_TWO_SOURCES, &d->list.csv.file.pos);
		ok = false;
	}
	return ok;
}

static bool check_issuer(const struct issuer *is)
{
	static const char *const styles[] = {"state", "party", "union"};
	for (size_t i = 0; i < 3; i++)
		if (!strcmp(is->style.s, styles[i]))
			return true;
	diag(ISSUER_STYLE_CHOICE, &is->style.pos,
	     is->style.s);
	return false;
}

/* One of two spellings, or an error naming both. */
static bool either(const struct text *t, const char *key, const char *a, const char *b)
{
	if (!t->s || !strcmp(t->s, a) || !strcmp(t->s, b))
		return true;
	diag(TWO_CHOICES, &t->pos, key, a, b, t->s);
	return false;
}

static bool check_style(const struct style *st)
{
	bool ok = either(&st->thousand, "thousand", "nghìn", "ngàn");
	ok = either(&st->billion, "billion", "tỷ", "tỉ") && ok;
	ok = either(&st->zero_tens, "zero_tens", "linh", "lẻ") && ok;
	return either(&st->four, "four", "bốn", "tư") && ok;
}

struct words_style style_words(const struct style *st)
{
	return (struct words_style){
		.ngan = st->thousand.s && !strcmp(st->thousand.s, "ngàn"),
		.ti = st->billion.s && !strcmp(st->billion.s, "tỉ"),
		.le = st->zero_tens.s && !strcmp(st->zero_tens.s, "lẻ"),
		.tu = st->four.s && !strcmp(st->four.s, "tư"),
	};
}

struct docfile *docfile_from_tree(struct node *tree, const struct load_limits *lim,
				  const struct load_info *info)
{
	if (info && info->not_nfc)
		diag(NOT_NFC, &info->first_not_nfc);
	struct docfile *df = xcalloc(1, sizeof *df);
	df->tree = tree;
	df->path = tree->pos.file;
	bool ok = model_bind(tree, &file_schema, df);
	const struct node *mn = node_get(tree, "minutes");
	if (mn && !node_is_null(mn)) { /* an empty "minutes:" is no document */
		df->has_minutes = true;
		df->minutes.pos = mn->pos;
		if (ok)
			ok = check_minutes(df, &df->minutes);
	}
	const struct node *dn = node_get(tree, "document");
	if (dn && !node_is_null(dn)) {
		df->has_document = true;
		df->document.pos = dn->pos;
		if (ok)
			ok = body_check(&df->document.blocks);
	}
	if (ok)
		ok = check_style(&df->style);
	for (size_t i = 0; ok && i < df->issuers.n; i++) {
		struct issuer *is = (struct issuer *)df->issuers.v + i;
		ok = check_issuer(is);
		if (!is->org.place.s) /* README: the organisation's place by default */
			is->org.place = df->org.place;
	}
	for (size_t i = 0; ok && i < df->decisions.n; i++)
		ok = check_decision(df, (const struct decision *)df->decisions.v + i);
	for (size_t i = 0; ok && i < df->decisions.n; i++) {
		struct award_list *l = &((struct decision *)df->decisions.v + i)->list;
		if (l->csv.file.s) /* recipients from a spreadsheet, positions in the CSV */
			l->from_csv = ok = model_csv_recipients(l, df->path, tree, lim);
	}
	for (size_t i = 0; ok && i < df->documents.n; i++) {
		struct document *d = (struct document *)df->documents.v + i;
		ok = document_check(d);
		if (ok && d->issuer.s && !docfile_issuer(df, d->issuer.s)) {
			report_unknown_issuer(df, &d->issuer);
			ok = false;
		}
	}
	if (ok && !df->has_minutes && !df->has_document && !df->decisions.n && !df->documents.n) {
		diag(NO_DOCUMENT, &tree->pos);
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
