/* layout.c — ND30 defaults and their overrides from the layouts folder.
 * Every key and its default are in one table (LAYOUT_NUMBERS, LAYOUT_TEXTS
 * in layout.h; docs/rules.md §1.1–1.3, §7); layouts/nd30.yaml repeats them
 * for readers, and tests/unit/test_layout.c keeps the two equal. */
#include "layout.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "face.h"
#include "load.h"
#include "util.h"

#define NUM_FIELD(m, k, lo, hi, d) {k, F_NUMBER, offsetof(struct layout, m), 0, NULL, lo, hi, NULL},
#define TEXT_FIELD(m, k, d) {k, F_TEXT, offsetof(struct layout, m), 0, NULL, 0, 0, NULL},
#define NUM_DEFAULT(m, k, lo, hi, d) d,
#define TEXT_DEFAULT(m, k, d) d,

#define H(member) offsetof(struct heading_style, member)
static const struct field heading_fields[] = {
	{"level", F_TEXT, H(level), REQUIRED, NULL, 0, 0, NULL},
	{"format", F_TEXT, H(format), 0, NULL, 0, 0, NULL},
	{"align", F_TEXT, H(align), 0, NULL, 0, 0, NULL},
	{"title_below", F_BOOL, H(title_below), 0, NULL, 0, 0, NULL},
	{"upper", F_BOOL, H(upper), 0, NULL, 0, 0, NULL},
	{"face", F_TEXT, H(face), 0, NULL, 0, 0, NULL},
	{"space_before", F_NUMBER, H(space_before), 0, NULL, 0, 72, NULL},
};
#undef H
static const struct schema heading_schema = {N_("heading"), sizeof(struct heading_style),
					     FIELDS(heading_fields)};

static const struct field layout_fields[] = {
	LAYOUT_NUMBERS(NUM_FIELD)
	LAYOUT_TEXTS(TEXT_FIELD)
	{"prefixes", F_TEXTS, offsetof(struct layout, prefixes), 0, NULL, 0, 0, NULL},
	{"meeting_words", F_TEXTS, offsetof(struct layout, meeting_words), 0, NULL, 0, 0, NULL},
	{"headings", F_RECORDS, offsetof(struct layout, headings), 0, &heading_schema, 0, 0, NULL},
};
static const struct schema layout_schema = {N_("layout"), sizeof(struct layout), FIELDS(layout_fields)};

static const double number_defaults[] = {LAYOUT_NUMBERS(NUM_DEFAULT)};
static const char *const text_defaults[] = {LAYOUT_TEXTS(TEXT_DEFAULT)};
#define NNUMBERS (sizeof number_defaults / sizeof number_defaults[0])
#define NTEXTS (sizeof text_defaults / sizeof text_defaults[0])

static const struct text default_prefix_texts[] = {
	{"TM.", {0}}, {"KT.", {0}}, {"Q.", {0}}, {"TL.", {0}}, {"TUQ.", {0}},
};
static const struct text default_meeting_words[] = {
	{"Hội nghị", {0}}, {"Hội thảo", {0}}, {"Đại hội", {0}},
};

/* The decree's heading forms (Phụ lục I, Mục II.6; docs/rules.md §1.3, §5.2). */
#define T_(s) {s, {0}}
#define B_(v) {v, true, {0}}
#define NUM_(v) {v, {0}, true}
static const struct heading_style default_headings[] = {
	{T_("part"), T_("Phần thứ {ordinal}"), T_("center"), B_(true), B_(true), T_("bold"), NUM_(6)},
	{T_("chapter"), T_("Chương {roman}"), T_("center"), B_(true), B_(true), T_("bold"), NUM_(6)},
	{T_("section"), T_("Mục {arabic}"), T_("center"), B_(true), B_(true), T_("bold"), NUM_(6)},
	{T_("roman"), T_("{roman}."), T_("left"), B_(false), B_(true), T_("bold"), NUM_(0)},
	{T_("number"), T_("{arabic}."), T_("left"), B_(false), B_(false), T_("bold"), NUM_(0)},
	{T_("subnumber"), T_("{parent}.{arabic}."), T_("left"), B_(false), B_(false), T_("bold-italic"), NUM_(0)},
	{T_("letter"), T_("{letter})"), T_("left"), B_(false), B_(false), T_("italic"), NUM_(0)},
};
#undef T_
#undef B_
#undef NUM_
#define NHEADINGS (sizeof default_headings / sizeof default_headings[0])

bool layout_is_key(const char *key)
{
	for (size_t i = 0; i < layout_schema.nfields; i++)
		if (!strcmp(layout_schema.fields[i].key, key))
			return true;
	return false;
}

void layout_defaults(struct layout *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < NNUMBERS; i++) {
		struct number *n = (struct number *)((char *)out + layout_fields[i].offset);
		n->v = number_defaults[i];
		n->set = true;
	}
	for (size_t i = 0; i < NTEXTS; i++)
		((struct text *)((char *)out + layout_fields[NNUMBERS + i].offset))->s = text_defaults[i];
	out->prefixes.v = (struct text *)default_prefix_texts;
	out->prefixes.n = sizeof default_prefix_texts / sizeof default_prefix_texts[0];
	out->meeting_words.v = (struct text *)default_meeting_words;
	out->meeting_words.n = sizeof default_meeting_words / sizeof default_meeting_words[0];
}

static bool check_layout(const struct layout *lay)
{
	bool ok = true;
	if (strcmp(lay->issuer_mark.s, "rule") && strcmp(lay->issuer_mark.s, "star")) {
		diag(ISSUER_MARK_CHOICE, &lay->issuer_mark.pos);
		ok = false;
	}
	static const char *const faces[FACE_COUNT] = FACE_NAMES;
	static const char *const aligns[] = {"left", "center"};
	static const char *const valigns[] = {"top", "middle", "bottom"};
	if (model_choice(&lay->recipients_label_face, "recipients_label_face", faces, FACE_COUNT, FACE_BOLD_ITALIC) < 0 ||
	    model_choice(&lay->table_valign, "table_valign", valigns, 3, 0) < 0 ||
	    model_choice(&lay->table_head_valign, "table_head_valign", valigns, 3, 1) < 0 ||
	    model_choice(&lay->close_after_table, "close_after_table", (const char *const[]){"left", "right"}, 2, 0) < 0)
		ok = false;
	const struct heading_style *h = lay->headings.v;
	for (size_t i = 0; i < lay->headings.n; i++) {
		if (!layout_heading(&(struct layout){0}, h[i].level.s)) {
			diag(LAYOUT_HEADING_LEVEL, &h[i].level.pos, h[i].level.s);
			ok = false;
		}
		if (model_choice(&h[i].face, "face", faces, FACE_COUNT, FACE_BOLD) < 0 ||
		    model_choice(&h[i].align, "align", aligns, 2, 0) < 0)
			ok = false;
	}
	return ok;
}

/* Copies every key the file set from over into out. */
static void overlay(struct layout *out, struct layout *over)
{
	for (size_t i = 0; i < NNUMBERS + NTEXTS; i++) {
		size_t off = layout_fields[i].offset;
		if (i < NNUMBERS) {
			struct number *n = (struct number *)((char *)over + off);
			if (n->set)
				*(struct number *)((char *)out + off) = *n;
		} else {
			struct text *t = (struct text *)((char *)over + off);
			if (t->s)
				*(struct text *)((char *)out + off) = *t;
		}
	}
	if (over->prefixes.v) {
		out->prefixes = over->prefixes; /* now owned by out */
		over->prefixes.v = NULL;
	}
	if (over->meeting_words.v) {
		out->meeting_words = over->meeting_words;
		over->meeting_words.v = NULL;
	}
	if (over->headings.v) {
		out->headings = over->headings;
		over->headings = (struct records){0};
	}
}

bool layout_load(const struct layout_search *search, const char *name, const struct srcpos *from,
		 struct layout *out)
{
	layout_defaults(out);
	if (!name[0] || strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_-") != strlen(name)) {
		diag(LAYOUT_BAD_NAME, from, name);
		return false;
	}
	struct node *tree = layout_find(search, LAYOUT_DOCUMENT, name, from);
	if (!tree)
		return false;
	struct layout over = {0};
	bool ok = model_bind(tree, &layout_schema, &over);
	if (ok)
		overlay(out, &over);
	model_unbind(&layout_schema, &over);
	out->tree = tree; /* text values point into it */
	if (ok)
		ok = check_layout(out);
	if (!ok)
		layout_free(out);
	return ok;
}

void layout_free(struct layout *lay)
{
	if (lay->prefixes.v != default_prefix_texts)
		free(lay->prefixes.v);
	lay->prefixes.v = NULL;
	if (lay->meeting_words.v != default_meeting_words)
		free(lay->meeting_words.v);
	lay->meeting_words.v = NULL;
	free(lay->headings.v);
	lay->headings = (struct records){0};
	node_free(lay->tree);
	lay->tree = NULL;
}

const struct heading_style *layout_heading(const struct layout *lay, const char *level)
{
	const struct heading_style *h = lay->headings.v;
	for (size_t i = 0; level && i < lay->headings.n; i++)
		if (!strcmp(h[i].level.s, level))
			return &h[i];
	for (size_t i = 0; level && i < NHEADINGS; i++)
		if (!strcmp(default_headings[i].level.s, level))
			return &default_headings[i];
	return NULL;
}

/* A draft's blank: en spaces (U+2002, half an em by definition, so the
 * width needs no font) as wide as draft_room at the number's size. */
static void draft_blank(const struct layout *lay, char *out, size_t cap)
{
	double room_pt = lay->draft_room.v * 72 / 25.4;
	int n = (int)(room_pt / (lay->number_size.v / 2) + 0.5);
	size_t at = 0;
	for (int i = 0; i < n && at + 4 < cap; i++, at += 3)
		memcpy(out + at, "\xe2\x80\x82", 3);
	out[at] = '\0';
}

char *layout_number(const struct layout *lay, long long n, const char *symbol)
{
	char num[96];
	if (n <= 0)
		draft_blank(lay, num, sizeof num);
	else
		snprintf(num, sizeof num, "%02lld", n);
	const struct text_subst s[] = {{"number", num}, {"symbol", symbol}};
	return text_fill(lay->number_format.s, s, 2);
}

char *layout_symbol(const struct layout *lay, const char *type, const char *abbreviation)
{
	const struct text_subst s[] = {{"type", type}, {"abbreviation", abbreviation}};
	return text_fill(lay->symbol_format.s, s, 2);
}

bool layout_prefix_ok(const struct layout *lay, const char *prefix)
{
	for (size_t i = 0; i < lay->prefixes.n; i++)
		if (!strcmp(lay->prefixes.v[i].s, prefix))
			return true;
	return false;
}

/* The letters of s, for comparing "T/M", "TM" and "TM.". */
static void letters_of(const char *s, char *out, size_t cap)
{
	size_t o = 0;
	for (; *s && o + 1 < cap; s++)
		if (*s != '.' && *s != '/' && *s != ' ')
			out[o++] = *s;
	out[o] = '\0';
}

void layout_check_prefix(const struct layout *lay, const struct text *prefix)
{
	if (layout_prefix_ok(lay, prefix->s))
		return;
	char want[32], have[32];
	letters_of(prefix->s, want, sizeof want);
	struct buf all = {0};
	for (size_t i = 0; i < lay->prefixes.n; i++) {
		letters_of(lay->prefixes.v[i].s, have, sizeof have);
		if (!strcmp(want, have)) {
			diag(PREFIX_SPELLING, &prefix->pos, prefix->s, lay->prefixes.v[i].s);
			buf_free(&all);
			return;
		}
		buf_printf(&all, "%s\"%s\"", i ? ", " : "", lay->prefixes.v[i].s);
	}
	diag(UNUSUAL_SIGN_PREFIX, &prefix->pos, prefix->s, all.data ? all.data : "");
	buf_free(&all);
}

char *layout_draft_date(const struct layout *lay, const char *place, int month, int year)
{
	char blank[96];
	struct layout half = *lay;
	half.draft_room.v = lay->draft_room.v * 2 / 3;
	half.number_size = lay->date_size;
	draft_blank(&half, blank, sizeof blank);
	/* months 1 and 2 take a leading zero, as in text_date_words */
	return xasprintf("%s%sngày%s tháng %0*d năm %d", place ? place : "", place ? ", " : "", blank,
			 month <= 2 ? 2 : 1, month, year);
}

int32_t layout_pt(const struct number *n) { return (int32_t)(n->v * 1000 + 0.5); }
int32_t layout_mm(const struct number *n) { return MM(n->v); }
