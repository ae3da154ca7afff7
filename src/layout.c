/* layout.c — ND30 defaults and their overrides from the layouts folder. */
#include "layout.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "util.h"

#define L(member, key, lo, hi) \
	{key, F_NUMBER, offsetof(struct layout, member), 0, NULL, lo, hi, NULL}
static const struct field layout_fields[] = {
	L(width, "page_width", 50, 2000),
	L(height, "page_height", 50, 2000),
	L(top, "margin_top", 0, 500),
	L(bottom, "margin_bottom", 0, 500),
	L(left, "margin_left", 0, 500),
	L(right, "margin_right", 0, 500),
	L(body_size, "body_size", 4, 72),
	L(body_leading, "body_leading", 4, 144),
	L(body_indent, "body_indent", 0, 100),
	L(body_space, "body_space_after", 0, 72),
	L(header_left_share, "header_left_share", 0.1, 0.9),
	L(parent_size, "parent_size", 4, 72),
	L(issuer_size, "issuer_size", 4, 72),
	L(number_size, "number_size", 4, 72),
	L(national_size, "national_size", 4, 72),
	L(motto_size, "motto_size", 4, 72),
	L(date_size, "date_size", 4, 72),
	L(issuer_rule, "issuer_rule", 0.05, 1),
	L(rule_width, "rule_width", 0.1, 5),
	L(type_size, "type_size", 4, 72),
	L(summary_size, "summary_size", 4, 72),
	L(summary_rule, "summary_rule", 0.05, 1),
	L(sign_title_size, "sign_title_size", 4, 72),
	L(sign_name_size, "sign_name_size", 4, 72),
	L(sign_room, "sign_room", 0, 200),
	L(recipients_label_size, "recipients_label_size", 4, 72),
	L(recipients_size, "recipients_size", 4, 72),
	L(page_number_size, "page_number_size", 4, 72),
	{"national", F_TEXT, offsetof(struct layout, national), 0, NULL, 0, 0, NULL},
	{"motto", F_TEXT, offsetof(struct layout, motto), 0, NULL, 0, 0, NULL},
	{"issuer_mark", F_TEXT, offsetof(struct layout, issuer_mark), 0, NULL, 0, 0, NULL},
	{"number_format", F_TEXT, offsetof(struct layout, number_format), 0, NULL, 0, 0, NULL},
	{"symbol_format", F_TEXT, offsetof(struct layout, symbol_format), 0, NULL, 0, 0, NULL},
	{"prefixes", F_TEXTS, offsetof(struct layout, prefixes), 0, NULL, 0, 0, NULL},
};
#undef L
static const struct schema layout_schema = {N_("layout"), sizeof(struct layout), FIELDS(layout_fields)};

/* formats.md §1.1–1.3 and §7: A4, margins 20/20/30/15 mm, body 14 pt
 * justified with a 10 mm first-line indent and 6 pt after paragraphs. */
static const double defaults[] = {
	210, 297, 20, 20, 30, 15,
	14, 17, 10, 6,
	0.41,
	12, 12, 13,
	12, 13, 13,
	0.4, 0.6,
	14, 14, 0.4,
	14, 14, 30,
	12, 11,
	13,
};
#define NNUMBERS (sizeof defaults / sizeof defaults[0])

static const char *const default_prefixes[] = {"TM.", "KT.", "Q.", "TL.", "TUQ."};
static struct text default_prefix_texts[5];

static void set_text_defaults(struct layout *out)
{
	out->national.s = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
	out->motto.s = "Độc lập - Tự do - Hạnh phúc";
	out->issuer_mark.s = "rule";
	out->number_format.s = "Số: {number}/{symbol}";
	out->symbol_format.s = "{type}-{abbreviation}";
	for (size_t i = 0; i < 5; i++)
		default_prefix_texts[i].s = default_prefixes[i];
	out->prefixes.v = default_prefix_texts;
	out->prefixes.n = 5;
}

bool layout_load(const char *dir, const char *name, const struct srcpos *from, struct layout *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < NNUMBERS; i++) {
		struct number *n = (struct number *)((char *)out + layout_fields[i].offset);
		n->v = defaults[i];
		n->set = true;
	}
	set_text_defaults(out);
	if (!name[0] || strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_-") != strlen(name)) {
		diag(LAYOUT_BAD_NAME, from, name);
		return false;
	}
	char *path = xasprintf("%s/%s.yaml", dir, name);
	struct node *tree = load_yaml(path, NULL, NULL);
	free(path);
	if (!tree)
		return false;
	struct layout over = {0};
	bool ok = model_bind(tree, &layout_schema, &over);
	if (ok) {
		for (size_t i = 0; i < NNUMBERS; i++) {
			size_t off = layout_fields[i].offset;
			struct number *n = (struct number *)((char *)&over + off);
			if (n->set)
				*(struct number *)((char *)out + off) = *n;
		}
		struct text *const texts[] = {&over.national, &over.motto, &over.issuer_mark,
					      &over.number_format, &over.symbol_format};
		for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
			if (texts[i]->s)
				*(struct text *)((char *)out + ((char *)texts[i] - (char *)&over)) = *texts[i];
		if (over.prefixes.v) {
			out->prefixes = over.prefixes; /* now owned by out */
			over.prefixes.v = NULL;
		}
		if (strcmp(out->issuer_mark.s, "rule") && strcmp(out->issuer_mark.s, "star")) {
			diag(ISSUER_MARK_CHOICE, &out->issuer_mark.pos);
			ok = false;
		}
	}
	model_unbind(&layout_schema, &over);
	out->tree = tree; /* text values point into it */
	if (!ok)
		layout_free(out);
	return ok;
}

void layout_free(struct layout *lay)
{
	if (lay->prefixes.v != default_prefix_texts)
		free(lay->prefixes.v);
	lay->prefixes.v = NULL;
	node_free(lay->tree);
	lay->tree = NULL;
}

static char *fill(const char *fmt, const char *k1, const char *v1, const char *k2, const char *v2)
{
	struct buf b = {0};
	for (const char *p = fmt; *p;) {
		if (*p == '{' && !strncmp(p + 1, k1, strlen(k1)) && p[1 + strlen(k1)] == '}') {
			buf_adds(&b, v1);
			p += strlen(k1) + 2;
		} else if (*p == '{' && !strncmp(p + 1, k2, strlen(k2)) && p[1 + strlen(k2)] == '}') {
			buf_adds(&b, v2);
			p += strlen(k2) + 2;
		} else {
			buf_addc(&b, *p++);
		}
	}
	return buf_steal(&b);
}

char *layout_number(const struct layout *lay, long long n, const char *symbol)
{
	char num[32];
	if (n <= 0)
		snprintf(num, sizeof num, "%s", "      ");
	else
		snprintf(num, sizeof num, "%02lld", n);
	return fill(lay->number_format.s, "number", num, "symbol", symbol);
}

char *layout_symbol(const struct layout *lay, const char *type, const char *abbreviation)
{
	return fill(lay->symbol_format.s, "type", type, "abbreviation", abbreviation);
}

bool layout_prefix_ok(const struct layout *lay, const char *prefix)
{
	for (size_t i = 0; i < lay->prefixes.n; i++)
		if (!strcmp(lay->prefixes.v[i].s, prefix))
			return true;
	return false;
}

int32_t layout_pt(const struct number *n) { return (int32_t)(n->v * 1000 + 0.5); }
int32_t layout_mm(const struct number *n) { return MM(n->v); }
