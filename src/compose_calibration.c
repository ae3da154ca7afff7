/* compose_calibration.c — the sheet a clerk prints on plain paper, lays on
 * a pre-printed blank against the light and measures once: a millimetre
 * grid (5 mm lines, 10 mm lines numbered), every field's box with a
 * crosshair at its anchor (the box's top-left corner) and its name and
 * coordinates. The printer profile moves the sheet like the certificates,
 * so after a correction the crosshairs land on the blank's marks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose_certificate.h"
#include "util.h"

#define GRID_FINE 0xC8C8C8
#define GRID_BOLD 0x808080
#define BOX_COLOR 0x1F5FBF
#define CROSS_COLOR 0xD00000

static void label(const struct fontset *fs, struct dlist *dl, int32_t x, int32_t y, int32_t size,
		  uint32_t color, const char *s, bool centre)
{
	int32_t w = centre ? font_width(fs, FACE_REGULAR, size, s, strlen(s)) : 0;
	dl_text(dl, x - w / 2, y, FACE_REGULAR, size, color, s, strlen(s), NULL);
}

static char *mm_text(double v)
{
	char *s = xasprintf("%.1f", v);
	for (char *p = s; *p; p++)
		if (*p == '.')
			*p = ','; /* Vietnamese decimal comma */
	return s;
}

void compose_calibration(const struct fontset *fs, const struct cert_layout *lay, struct dlist *dl)
{
	int32_t pw = MM(lay->width.v), ph = MM(lay->height.v);
	dlist_add_page(dl, pw, ph);
	for (int mm = 5; mm < lay->width.v; mm += 5)
		dl_rule(dl, MM(mm), 0, MM(mm), ph, mm % 10 ? 200 : 400, mm % 10 ? GRID_FINE : GRID_BOLD);
	for (int mm = 5; mm < lay->height.v; mm += 5)
		dl_rule(dl, 0, MM(mm), pw, MM(mm), mm % 10 ? 200 : 400, mm % 10 ? GRID_FINE : GRID_BOLD);
	char num[16];
	for (int mm = 10; mm < lay->width.v; mm += 10) {
		snprintf(num, sizeof num, "%d", mm);
		label(fs, dl, MM(mm), MM(3.5), 6000, GRID_BOLD, num, true);
	}
	for (int mm = 10; mm < lay->height.v; mm += 10) {
		snprintf(num, sizeof num, "%d", mm);
		label(fs, dl, MM(1), MM(mm) - 800, 6000, GRID_BOLD, num, false);
	}
	const struct cert_field *f = lay->fields.v;
	for (size_t i = 0; i < lay->fields.n; i++) {
		int32_t x = MM(f[i].box.x.v), y = MM(f[i].box.y.v);
		dl_rect(dl, x, y, MM(f[i].box.w.v), MM(f[i].box.h.v), 500, BOX_COLOR, false);
		dl_rule(dl, x - MM(5), y, x + MM(5), y, 300, CROSS_COLOR);
		dl_rule(dl, x, y - MM(5), x, y + MM(5), 300, CROSS_COLOR);
		char *xs = mm_text(f[i].box.x.v), *ys = mm_text(f[i].box.y.v);
		char *t = xasprintf("%s (%s; %s mm)", f[i].id.s, xs, ys);
		label(fs, dl, x + MM(1.5), y + MM(4), 7000, BOX_COLOR, t, false);
		free(xs);
		free(ys);
		free(t);
	}
	char *ox = mm_text(lay->offset_x), *oy = mm_text(lay->offset_y);
	char *title = xasprintf("Tờ hiệu chỉnh mẫu %s; máy in %s: lệch ngang %s mm, lệch dọc %s mm, tỉ lệ %.3f",
				lay->name, lay->printer.s ? lay->printer.s : "(không có)", ox, oy, lay->scale);
	label(fs, dl, pw / 2, ph - MM(6), 8000, 0x000000, title, true);
	free(ox);
	free(oy);
	free(title);
	layout_cert_apply_printer(lay, dl);
}
