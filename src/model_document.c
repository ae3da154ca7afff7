/* model_document.c — one model for every ND30 kind: the schema of
 * `documents:` entries, their date (a draft may leave out the day) and the
 * check that a document uses only the parts its kind has. */
#include "model_doc.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "layout_kinds.h"
#include "util.h"

#define OFF(type, member) offsetof(type, member)

static const struct field appendix_fields[] = {
	{"title", F_TEXT, OFF(struct appendix, title), REQUIRED, NULL, 0, 0, NULL},
	{"body", F_RECORDS, OFF(struct appendix, body), REQUIRED, &body_block_schema, 0, 0, NULL},
	{"", F_POS, OFF(struct appendix, pos), 0, NULL, 0, 0, NULL},
};
static const struct schema appendix_schema = {N_("appendix"), sizeof(struct appendix), FIELDS(appendix_fields)};

static const struct field attached_fields[] = {
	{"name", F_TEXT, OFF(struct attached, name), REQUIRED, NULL, 0, 0, NULL},
	{"summary", F_TEXT, OFF(struct attached, summary), 0, NULL, 0, 0, NULL},
	{"body", F_RECORDS, OFF(struct attached, body), REQUIRED, &body_block_schema, 0, 0, NULL},
	{"", F_POS, OFF(struct attached, pos), 0, NULL, 0, 0, NULL},
};
static const struct schema attached_schema = {N_("attachment"), sizeof(struct attached), FIELDS(attached_fields)};

#define D(member) OFF(struct document, member)
#define TEXT(key, member) {key, F_TEXT, D(member), 0, NULL, 0, 0, NULL}
static const struct field document_fields[] = {
	{"kind", F_TEXT, D(kind), REQUIRED, NULL, 0, 0, NULL},
	TEXT("issuer", issuer),
	{"number", F_INT, D(number), 0, NULL, 1, 99999, NULL},
	TEXT("symbol", symbol), TEXT("unit", unit),
	{"date", F_TEXT, D(date), REQUIRED, NULL, 0, 0, NULL},
	TEXT("summary", summary), TEXT("by", by), TEXT("authority", authority),
	{"bases", F_TEXTS, D(bases), 0, NULL, 0, 0, NULL},
	TEXT("proposal", proposal),
	{"to", F_TEXTS, D(to), 0, NULL, 0, 0, NULL},
	TEXT("guest", guest), TEXT("event", event), TEXT("chair", chair), TEXT("time", time),
	TEXT("venue", venue), TEXT("person", person), TEXT("position", position),
	TEXT("sent_to", sent_to), TEXT("purpose", purpose),
	{"valid_until", F_DATE, D(valid_until), 0, NULL, 0, 0, NULL},
	{"body", F_RECORDS, D(body), 0, &body_block_schema, 0, 0, NULL},
	{"signer", F_RECORD, D(signer), 0, &signer_schema, 0, 0, NULL},
	{"signers", F_RECORDS, D(signers), 0, &signer_schema, 0, 0, NULL},
	{"recipients", F_TEXTS, D(recipients), 0, NULL, 0, 0, NULL},
	TEXT("filed", filed),
	{"appendices", F_RECORDS, D(appendices), 0, &appendix_schema, 0, 0, NULL},
	{"attachment", F_RECORD, D(attachment), 0, &attached_schema, 0, 0, NULL},
	{"footer", F_TEXTS, D(footer), 0, NULL, 0, 0, NULL},
	TEXT("file", file),
	{"", F_POS, D(pos), 0, NULL, 0, 0, NULL},
};
#undef TEXT
#undef D
const struct schema document_schema = {N_("document"), sizeof(struct document), FIELDS(document_fields)};

/* Keys every kind has; the others only where the kind lists them. */
static const char *const common_keys[] = {
	"kind", "issuer", "number", "symbol", "date", "summary", "by", "body", "signer", "signers",
	"recipients", "filed", "appendices", "file",
};

/* "2020-12-31", "31/12/2020"; a draft: "2020-12" or "12/2020" (day 0). */
static bool parse_date(const char *s, struct date *out)
{
	return date_parse(s, out) || date_parse_dayless(s, out);
}

bool document_check(struct document *d)
{
	if (!parse_date(d->date.s, &d->day)) {
		diag(DOCUMENT_BAD_DATE, &d->date.pos, d->date.s);
		return false;
	}
	if (!d->number.set)
		diag(DRAFT_NO_NUMBER, &d->pos);
	if (d->day.d == 0)
		diag(DRAFT_NO_DAY, &d->date.pos);
	if (d->signer.name.s && d->signers.n) {
		diag(DOCUMENT_SIGNER_TWICE, &d->signer.name.pos);
		return false;
	}
	bool ok = body_check(&d->body);
	struct appendix *a = d->appendices.v;
	for (size_t i = 0; i < d->appendices.n; i++)
		ok &= body_check(&a[i].body);
	if (d->attachment.pos.line > 0)
		ok &= body_check(&d->attachment.body);
	return ok;
}

const struct text *document_line(const struct document *d, const char *key)
{
	const struct text *const v[] = {&d->event, &d->chair, &d->time, &d->venue,
					&d->person, &d->position, &d->sent_to, &d->purpose};
	const char *const k[] = {"event", "chair", "time", "venue", "person", "position", "sent_to", "purpose"};
	for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
		if (!strcmp(k[i], key))
			return v[i]->s ? v[i] : NULL;
	return NULL;
}

/* "a Giấy mời has no "bases" (its own keys: guest, event, …)". */
static void report_no_part(const struct kind *k, const struct node *key)
{
	if (!k->parts.n) {
		diag(KIND_HAS_NO_PARTS, &key->pos, k->name.s, key->str);
		return;
	}
	struct buf all = {0};
	for (size_t i = 0; i < k->parts.n; i++)
		buf_printf(&all, "%s%s", i ? ", " : "", k->parts.v[i].s);
	diag(KIND_HAS_NO_PART, &key->pos, k->name.s, key->str, all.data);
	buf_free(&all);
}

bool document_check_parts(const struct node *n, const struct kind *k)
{
	bool ok = true;
	for (size_t i = 0; n && i < n->npairs; i++) {
		const struct node *key = n->pairs[i].key;
		if (node_is_null(n->pairs[i].value))
			continue;
		bool common = false;
		for (size_t c = 0; c < sizeof common_keys / sizeof common_keys[0]; c++)
			common |= !strcmp(key->str, common_keys[c]);
		if (!common && !kind_has(k, key->str)) {
			report_no_part(k, key);
			ok = false;
		}
	}
	return ok;
}
