/* layout_cert.c — certificate layouts and printer profiles (layout_cert.h). */
#include "layout_cert.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "dlist.h"
#include "util.h"

#define OFF(type, member) offsetof(type, member)

static const struct field box_fields[] = {
	{"x", F_NUMBER, OFF(struct cert_box, x), REQUIRED, NULL, -1000, 2000, NULL},
	{"y", F_NUMBER, OFF(struct cert_box, y), REQUIRED, NULL, -1000, 2000, NULL},
	{"w", F_NUMBER, OFF(struct cert_box, w), REQUIRED, NULL, 0.1, 2000, NULL},
	{"h", F_NUMBER, OFF(struct cert_box, h), REQUIRED, NULL, 0.1, 2000, NULL},
	{"", F_POS, OFF(struct cert_box, pos), 0, NULL, 0, 0, NULL},
};
static const struct schema box_schema = {N_("box"), sizeof(struct cert_box), FIELDS(box_fields)};

#define F(m) OFF(struct cert_field, m)
static const struct field field_fields[] = {
	{"id", F_TEXT, F(id), REQUIRED, NULL, 0, 0, NULL},
	{"text", F_TEXT, F(text), REQUIRED, NULL, 0, 0, NULL},
	{"x", F_NUMBER, F(box.x), REQUIRED, NULL, -1000, 2000, NULL},
	{"y", F_NUMBER, F(box.y), REQUIRED, NULL, -1000, 2000, NULL},
	{"w", F_NUMBER, F(box.w), REQUIRED, NULL, 1, 2000, NULL},
	{"h", F_NUMBER, F(box.h), REQUIRED, NULL, 1, 2000, NULL},
	{"size", F_NUMBER, F(size), REQUIRED, NULL, 2, 200, NULL},
	{"min_size", F_NUMBER, F(min_size), 0, NULL, 2, 200, NULL},
	{"leading", F_NUMBER, F(leading), 0, NULL, 0.8, 3, NULL},
	{"lines", F_INT, F(lines), 0, NULL, 1, 9, NULL},
	{"face", F_TEXT, F(face), 0, NULL, 0, 0, NULL},
	{"color", F_TEXT, F(color), 0, NULL, 0, 0, NULL},
	{"align", F_TEXT, F(align), 0, NULL, 0, 0, NULL},
	{"fit", F_TEXT, F(fit), 0, NULL, 0, 0, NULL},
	{"upper", F_BOOL, F(upper), 0, NULL, 0, 0, NULL},
	{"underline", F_BOOL, F(underline), 0, NULL, 0, 0, NULL},
	{"rule_gap", F_NUMBER, F(rule_gap), 0, NULL, 0.3, 3, NULL},
	{"", F_POS, F(pos), 0, NULL, 0, 0, NULL},
};
#undef F
static const struct schema field_schema = {N_("field"), sizeof(struct cert_field), FIELDS(field_fields)};

static const struct field border_fields[] = {
	{"inset", F_NUMBER, OFF(struct cert_border, inset), REQUIRED, NULL, 0, 500, NULL},
	{"width", F_NUMBER, OFF(struct cert_border, width), REQUIRED, NULL, 0.1, 20, NULL},
	{"color", F_TEXT, OFF(struct cert_border, color), 0, NULL, 0, 0, NULL},
};
static const struct schema border_schema = {N_("border"), sizeof(struct cert_border), FIELDS(border_fields)};

#define C(m) OFF(struct cert_layout, m)
static const struct field cert_fields[] = {
	{"page_width", F_NUMBER, C(width), 0, NULL, 50, 2000, NULL},
	{"page_height", F_NUMBER, C(height), 0, NULL, 50, 2000, NULL},
	{"blank", F_BOOL, C(blank), 0, NULL, 0, 0, NULL},
	{"printer", F_TEXT, C(printer), 0, NULL, 0, 0, NULL},
	{"borders", F_RECORDS, C(borders), 0, &border_schema, 0, 0, NULL},
	{"ornament", F_NUMBER, C(ornament), 0, NULL, 0, 100, NULL},
	{"ornament_color", F_TEXT, C(ornament_color), 0, NULL, 0, 0, NULL},
	{"emblem", F_RECORD, C(emblem), 0, &box_schema, 0, 0, NULL},
	{"signature", F_RECORD, C(signature), 0, &box_schema, 0, 0, NULL},
	{"seal", F_RECORD, C(seal), 0, &box_schema, 0, 0, NULL},
	{"fields", F_RECORDS, C(fields), REQUIRED, &field_schema, 0, 0, NULL},
};
#undef C
static const struct schema cert_schema = {N_("certificate layout"), sizeof(struct cert_layout),
					  FIELDS(cert_fields)};

struct printer_profile {
	struct number offset_x, offset_y, scale;
};
static const struct field printer_fields[] = {
	{"offset_x", F_NUMBER, OFF(struct printer_profile, offset_x), 0, NULL, -50, 50, NULL},
	{"offset_y", F_NUMBER, OFF(struct printer_profile, offset_y), 0, NULL, -50, 50, NULL},
	{"scale", F_NUMBER, OFF(struct printer_profile, scale), 0, NULL, 0.5, 1.5, NULL},
};
static const struct schema printer_schema = {N_("printer profile"), sizeof(struct printer_profile),
					     FIELDS(printer_fields)};

const char *const cert_key_name[CK_COUNT] = {
	"national", "motto", "organisation", "authority", "award",
	"name", "position", "unit", "achievement", "list_number",
	"number", "decision_date", "date_line", "place", "signer_title", "signer_name",
};

int cert_key_find(const char *s, size_t len)
{
	for (int k = 0; k < CK_COUNT; k++)
		if (strlen(cert_key_name[k]) == len && !memcmp(cert_key_name[k], s, len))
			return k;
	return -1;
}

/* Every {placeholder} in a template must be a known key. */
static bool check_template(const struct text *t)
{
	for (const char *p = strchr(t->s, '{'); p; p = strchr(p + 1, '{')) {
		const char *close = strchr(p, '}');
		if (!close || cert_key_find(p + 1, (size_t)(close - p - 1)) < 0) {
			struct buf b = {0};
			for (int k = 0; k < CK_COUNT; k++)
				buf_printf(&b, "%s{%s}", k ? " " : "", cert_key_name[k]);
			diag(UNKNOWN_PLACEHOLDER, &t->pos,
			     close ? (int)(close - p + 1) : (int)strlen(p), p, b.data);
			buf_free(&b);
			return false;
		}
	}
	return true;
}

#define plain_name layout_plain_name

/* "#RRGGBB" (or absent: dflt) into 0xRRGGBB; false after one error. */
static bool color(const struct text *t, uint32_t dflt, uint32_t *out)
{
	*out = dflt;
	if (!t->s)
		return true;
	const char *s = t->s;
	if (s[0] == '#' && strlen(s) == 7 && strspn(s + 1, "0123456789abcdefABCDEF") == 6) {
		*out = (uint32_t)strtoul(s + 1, NULL, 16);
		return true;
	}
	diag(BAD_COLOUR, &t->pos, s);
	return false;
}

static bool resolve_field(struct cert_field *f)
{
	static const char *const faces[FACE_COUNT] = FACE_NAMES;
	static const char *const aligns[] = {"center", "left", "right"};
	static const char *const fits[] = {"shrink", "wrap"};
	int face = model_choice(&f->face, "face", faces, FACE_COUNT, FACE_REGULAR);
	int align = model_choice(&f->align, "align", aligns, 3, CERT_CENTER);
	int fit = model_choice(&f->fit, "fit", fits, 2, CERT_FIT_SHRINK);
	bool ok = color(&f->color, 0x000000, &f->rgb) && face >= 0 && align >= 0 && fit >= 0 &&
		  check_template(&f->text);
	if (!ok)
		return false;
	f->face_v = (enum face)face;
	f->align_v = (enum cert_align)align;
	f->fit_v = (enum cert_fit)fit;
	if (!f->rule_gap.set)
		f->rule_gap.v = 0.8; /* as the documents' rules (layout.c) */
	if (!f->min_size.set)
		f->min_size.v = f->size.v * 0.7;
	if (!f->leading.set)
		f->leading.v = 1.2;
	if (!f->lines.set)
		f->lines.v = f->fit_v == CERT_FIT_WRAP ? 3 : 1;
	if (f->min_size.v > f->size.v) {
		diag(MIN_SIZE_OVER_SIZE, &f->min_size.pos,
		     f->min_size.v, f->size.v);
		return false;
	}
	return true;
}

static bool load_printer(const struct layout_search *search, struct cert_layout *lay)
{
	if (!plain_name(lay->printer.s)) {
		diag(PRINTER_BAD_NAME, &lay->printer.pos,
		     lay->printer.s);
		return false;
	}
	lay->printer_tree = layout_find(search, LAYOUT_PRINTER, lay->printer.s, &lay->printer.pos);
	if (!lay->printer_tree)
		return false;
	struct printer_profile p = {0};
	if (!model_bind(lay->printer_tree, &printer_schema, &p))
		return false;
	lay->offset_x = p.offset_x.set ? p.offset_x.v : 0;
	lay->offset_y = p.offset_y.set ? p.offset_y.v : 0;
	lay->scale = p.scale.set ? p.scale.v : 1;
	return true;
}

bool layout_cert_load(const struct layout_search *search, const char *name, const struct srcpos *from,
		      const char *printer, struct cert_layout *out)
{
	memset(out, 0, sizeof *out);
	out->scale = 1;
	out->name = name;
	if (!plain_name(name)) {
		diag(LAYOUT_BAD_NAME, from, name);
		return false;
	}
	out->tree = layout_find(search, LAYOUT_CERTIFICATE, name, from);
	if (!out->tree)
		return false;
	bool ok = model_bind(out->tree, &cert_schema, out);
	if (!out->width.set)
		out->width.v = 297;
	if (!out->height.set)
		out->height.v = 210;
	if (!out->ornament.set)
		out->ornament.v = 0;
	ok = ok && color(&out->ornament_color, 0xB22222, &out->ornament_rgb);
	struct cert_border *b = out->borders.v;
	for (size_t i = 0; ok && i < out->borders.n; i++)
		ok = color(&b[i].color, 0xB22222, &b[i].rgb);
	struct cert_field *f = out->fields.v;
	for (size_t i = 0; ok && i < out->fields.n; i++)
		ok = resolve_field(&f[i]);
	if (ok && printer) { /* --printer: the profile of the printer at hand */
		out->printer.s = printer;
		out->printer.pos = (struct srcpos){0};
	}
	if (ok && out->printer.s)
		ok = load_printer(search, out);
	if (!ok)
		layout_cert_free(out);
	return ok;
}

void layout_cert_free(struct cert_layout *lay)
{
	if (lay->tree)
		model_unbind(&cert_schema, lay);
	node_free(lay->tree);
	node_free(lay->printer_tree);
	lay->tree = lay->printer_tree = NULL;
	lay->fields.v = lay->borders.v = NULL;
	lay->fields.n = lay->borders.n = 0;
}

static int32_t scaled(int32_t v, double s)
{
	return (int32_t)lround(v * s);
}

void layout_cert_apply_printer(const struct cert_layout *lay, struct dlist *dl)
{
	if (lay->offset_x == 0 && lay->offset_y == 0 && lay->scale == 1)
		return;
	int32_t dx = MM(lay->offset_x), dy = MM(lay->offset_y);
	if (lay->offset_x < 0)
		dx = -MM(-lay->offset_x); /* MM() rounds half up: keep ±d symmetric */
	if (lay->offset_y < 0)
		dy = -MM(-lay->offset_y);
	double s = lay->scale;
	for (size_t p = 0; p < dl->npages; p++) {
		struct dl_page *pg = &dl->pages[p];
		for (size_t i = 0; i < pg->nops; i++) {
			struct dl_op *op = &pg->ops[i];
			op->x = scaled(op->x, s) + dx;
			op->y = scaled(op->y, s) + dy;
			op->w = scaled(op->w, s);
			op->h = scaled(op->h, s);
			op->size = scaled(op->size, s);
		}
	}
}
