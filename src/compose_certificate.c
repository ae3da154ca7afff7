/* compose_certificate.c — a certificate page from its layout (see
 * compose_certificate.h). Fitting: for each line count the field allows,
 * the typesetter's breaker (typeset_lines.h, the one every centred
 * paragraph goes through) gives the narrowest balanced breaking at the
 * field's size; widths scale with the size, so the largest size at which
 * those lines fit the box follows directly. */
#include "compose_certificate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "typeset_lines.h"
#include "util.h"

#define QUANTUM 250        /* sizes step by 0.25 pt */
#define SIZE_FLOOR 1000    /* below 1 pt nothing is readable: an error */

/* Largest size (millipoints, quantised) at which n lines whose widest is
 * `widest` at the field's full size fit the box. */
static int32_t size_for(const struct cert_field *f, int64_t widest, int n, int32_t box_w, int32_t box_h,
			int32_t ascdesc)
{
	int64_t full = (int64_t)(f->size.v * 1000 + 0.5), s = full;
	if (widest > 0 && (int64_t)box_w * full / widest < s)
		s = (int64_t)box_w * full / widest;
	double per = (n - 1) * f->leading.v + ascdesc / 1000.0; /* block height per unit size */
	if ((double)box_h / per < (double)s)
		s = (int64_t)((double)box_h / per);
	if (s < full)
		s = s / QUANTUM * QUANTUM;
	return (int32_t)s;
}

/* Widths are not exactly linear in the size (each glyph rounds): steps
 * down until every line fits. */
static int32_t size_check(const struct fontset *fs, const struct cert_field *f, char **lines, int n,
			  int32_t size, int32_t box_w)
{
	for (int i = 0; i < n && size > QUANTUM; i++)
		while (size > QUANTUM && font_width(fs, f->face_v, size, lines[i], strlen(lines[i])) > box_w)
			size = (size - 1) / QUANTUM * QUANTUM;
	return size;
}

/* Text with '\n': each line as given, all at one size, never re-broken. */
static char **fit_forced(const struct fontset *fs, const struct cert_field *f, const char *text,
			 int32_t box_w, int32_t box_h, int32_t ascdesc, struct cert_fit_result *res,
			 int *nlines)
{
	int n = 1;
	for (const char *p = text; *p; p++)
		n += *p == '\n';
	char **lines = xmalloc((size_t)n * sizeof *lines);
	int64_t widest = 0;
	const char *p = text;
	for (int i = 0; i < n; i++) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		lines[i] = xstrndup(p, len);
		int64_t em = font_width(fs, f->face_v, (int32_t)(f->size.v * 1000 + 0.5), p, len);
		if (em > widest)
			widest = em;
		p = e ? e + 1 : p + len;
	}
	res->size = size_for(f, widest, n, box_w, box_h, ascdesc);
	res->lines = n;
	*nlines = n;
	return lines;
}

/* The narrowest lines may have had to break where a reader would not
 * ("… huyện / Châu Thành"); lines up to WIDER_PERCENT wider (the text that
 * much smaller) that break better are taken instead, if the text stays
 * at min_size or above. */
#define WIDER_PERCENT 8
static bool better_breaks(const struct fontset *fs, const struct cert_field *f, const char *text,
			  const struct typeset_lines *tl, struct typeset_lines *wide)
{
	*wide = (struct typeset_lines){0};
	if (tl->n < 2 || tl->penalty <= 0)
		return false;
	int32_t full = (int32_t)(f->size.v * 1000 + 0.5);
	int32_t w = (int32_t)((int64_t)tl->widest * (100 + WIDER_PERCENT) / 100);
	if (typeset_lines_at(fs, f->face_v, full, text, w, wide) && wide->n == tl->n &&
	    wide->penalty < tl->penalty)
		return true;
	typeset_lines_free(wide);
	return false;
}

/* Text without '\n': for each line count up to the field's, the narrowest
 * balanced lines and the size they allow; shrink fields take the fewest
 * lines that fit at min_size or above, wrap fields the largest size
 * (fewest lines on ties). */
static char **fit_wrapped(const struct fontset *fs, const struct cert_field *f, const char *text,
			  int32_t box_w, int32_t box_h, int32_t ascdesc, struct cert_fit_result *res,
			  int *nlines)
{
	int32_t full = (int32_t)(f->size.v * 1000 + 0.5), min = (int32_t)(f->min_size.v * 1000 + 0.5);
	struct typeset_lines best = {0};
	int32_t best_size = -1;
	for (int n = 1; n <= (int)f->lines.v; n++) {
		struct typeset_lines tl;
		if (!typeset_lines_narrowest(fs, f->face_v, full, text, (size_t)n, &tl))
			break;
		if ((int)tl.n < n && n > 1) { /* no more breaks to take */
			typeset_lines_free(&tl);
			break;
		}
		int32_t s = size_for(f, tl.widest, (int)tl.n, box_w, box_h, ascdesc);
		struct typeset_lines wide;
		if (better_breaks(fs, f, text, &tl, &wide)) {
			int32_t sw = size_for(f, wide.widest, (int)wide.n, box_w, box_h, ascdesc);
			if (sw >= min) { /* never below the minimum for a nicer break */
				typeset_lines_free(&tl);
				tl = wide;
				s = sw;
			} else {
				typeset_lines_free(&wide);
			}
		}
		bool take;
		if (f->fit_v == CERT_FIT_SHRINK) /* the first line count that fits at min or above */
			take = best_size < min && s > best_size;
		else /* wrap: the largest size, fewest lines on ties */
			take = s > best_size;
		if (take) {
			typeset_lines_free(&best);
			best = tl;
			best_size = s;
		} else {
			typeset_lines_free(&tl);
		}
		if (f->fit_v == CERT_FIT_WRAP && s >= full)
			break;
	}
	if (!best.n) { /* empty text: one empty line */
		best.v = xmalloc(sizeof *best.v);
		best.v[0] = xstrdup("");
		best.n = 1;
		best_size = full;
	}
	res->size = best_size;
	res->lines = (int)best.n;
	*nlines = (int)best.n;
	return best.v; /* the strings are the caller's now */
}

char **cert_fit(const struct fontset *fs, const struct cert_field *f, const char *text,
		int32_t box_w, int32_t box_h, struct cert_fit_result *res, int *nlines)
{
	memset(res, 0, sizeof *res);
	int32_t ascdesc = font_ascender(fs, f->face_v) + font_descender(fs, f->face_v);
	int32_t full = (int32_t)(f->size.v * 1000 + 0.5), min = (int32_t)(f->min_size.v * 1000 + 0.5);
	char **lines;
	if (strchr(text, '\n')) {
		lines = fit_forced(fs, f, text, box_w, box_h, ascdesc, res, nlines);
	} else {
		lines = fit_wrapped(fs, f, text, box_w, box_h, ascdesc, res, nlines);
	}
	res->size = size_check(fs, f, lines, *nlines, res->size, box_w);
	res->shrunk = res->size < full;
	res->below_min = res->size < min;
	res->wrapped = res->lines > 1 && !strchr(text, '\n');
	if (res->size < SIZE_FLOOR) {
		for (int i = 0; i < *nlines; i++)
			free(lines[i]);
		free(lines);
		*nlines = 0;
		return NULL;
	}
	return lines;
}

/* A template with its placeholders filled in; NULL when it has
 * placeholders and all of them are empty. The literal text before the
 * first and after the last placeholder is always kept; a literal between
 * two is a separator, kept before a filled placeholder only if an earlier
 * one was filled ("{position}, {unit}" without a position is "unit"). */
static char *expand(const char *tpl, const struct cert_values *v, int *first_key)
{
	struct buf out = {0};
	const char *p = tpl;
	bool any = false, filled = false;
	*first_key = -1;
	for (;;) {
		const char *open = strchr(p, '{');
		const char *close = open ? strchr(open, '}') : NULL;
		int k = close ? cert_key_find(open + 1, (size_t)(close - open - 1)) : -1;
		if (k < 0) {
			buf_adds(&out, p); /* the trailing literal */
			break;
		}
		const char *val = v->val[k] && *v->val[k] ? v->val[k] : NULL;
		if (!any || (val && filled))
			buf_add(&out, p, (size_t)(open - p));
		if (val) {
			buf_adds(&out, val);
			filled = true;
		}
		if (*first_key < 0 && k >= CK_FIRST_RECIPIENT && k <= CK_LAST_RECIPIENT)
			*first_key = k;
		any = true;
		p = close + 1;
	}
	if (any && !filled) {
		buf_free(&out);
		return NULL;
	}
	return buf_steal(&out);
}

/* The image scaled into its box, keeping its proportions, centred. */
static void image(struct dlist *dl, const struct cert_box *b, const struct cert_image *img)
{
	if (!img->path || !b->w.set)
		return;
	int32_t bw = MM(b->w.v), bh = MM(b->h.v);
	double k = (double)bw / img->w;
	if ((double)bh / img->h < k)
		k = (double)bh / img->h;
	int32_t w = (int32_t)(img->w * k), h = (int32_t)(img->h * k);
	dl_image(dl, MM(b->x.v) + (bw - w) / 2, MM(b->y.v) + (bh - h) / 2, w, h, img->path, img->image);
}

static void borders(struct dlist *dl, const struct cert_layout *lay)
{
	const struct cert_border *b = lay->borders.v;
	int32_t pw = MM(lay->width.v), ph = MM(lay->height.v);
	for (size_t i = 0; i < lay->borders.n; i++) {
		int32_t in = MM(b[i].inset.v);
		dl_rect(dl, in, in, pw - 2 * in, ph - 2 * in, (int32_t)(b[i].width.v * 1000), b[i].rgb, false);
	}
	if (lay->ornament.v <= 0 || !lay->borders.n)
		return;
	/* at each corner of the innermost border: a filled square on the
	 * corner and an L of two rules inside it */
	int32_t in = MM(b[lay->borders.n - 1].inset.v), s = MM(lay->ornament.v), q = s / 3;
	int32_t xs[2] = {in, pw - in}, ys[2] = {in, ph - in};
	for (int cx = 0; cx < 2; cx++)
		for (int cy = 0; cy < 2; cy++) {
			int32_t x = xs[cx], y = ys[cy], dx = cx ? -1 : 1, dy = cy ? -1 : 1;
			dl_rect(dl, x - q / 2, y - q / 2, q, q, 0, lay->ornament_rgb, true);
			dl_rule(dl, x + dx * q, y + dy * q, x + dx * s, y + dy * q, 700, lay->ornament_rgb);
			dl_rule(dl, x + dx * q, y + dy * q, x + dx * q, y + dy * s, 700, lay->ornament_rgb);
		}
}

static bool covered(const struct fontset *fs, const struct cert_field *f, const char *s,
		    const struct srcpos *pos)
{
	uint32_t cp;
	size_t idx;
	/* a tab or another control character would vanish into the breaker's
	 * spaces: refused, as the PDF writer refuses it in any text */
	for (size_t i = 0, n = strlen(s); i < n;) {
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (k && cp != '\n' && (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))) {
			diag(PDF_CONTROL_CHAR, pos, (unsigned)cp);
			return false;
		}
		i += k ? k : 1;
	}
	if (font_covers(fs, f->face_v, s, strlen(s), &cp, &idx))
		return true;
	char ch[5] = {0};
	utf8_encode(cp, ch);
	diag(CERT_NO_GLYPH, pos, (unsigned)cp, ch,
	     f->id.s);
	return false;
}

/* Draws one field; appends what was adjusted to note. */
static bool field(const struct fontset *fs, struct dlist *dl, const struct cert_field *f,
		  const struct cert_values *v, bool report_all, struct buf *note)
{
	int key;
	char *text = expand(f->text.s, v, &key);
	if (!text)
		return true;
	if (f->upper.v) {
		char *u = text_upper(text);
		free(text);
		text = u;
	}
	const struct srcpos *pos = key >= 0 ? &v->pos[key] : &f->text.pos;
	if (!covered(fs, f, text, pos)) {
		free(text);
		return false;
	}
	int32_t bx = MM(f->box.x.v), by = MM(f->box.y.v), bw = MM(f->box.w.v), bh = MM(f->box.h.v);
	struct cert_fit_result r;
	int n;
	char **lines = cert_fit(fs, f, text, bw, bh, &r, &n);
	if (!lines) {
		diag(CERT_FIELD_DOES_NOT_FIT, pos,
		     f->id.s, f->box.w.v, f->box.h.v);
		free(text);
		return false;
	}
	if (r.below_min) { /* never set below the layout's minimum: this record is an error */
		diag(CERT_TOO_LONG, pos, f->id.s, f->box.w.v, f->box.h.v, f->min_size.v, (int)f->lines.v,
		     r.size / 1000.0);
		for (int i = 0; i < n; i++)
			free(lines[i]);
		free(lines);
		free(text);
		return false;
	}
	if ((r.shrunk || r.wrapped) && (key >= 0 || report_all)) {
		bool wrap_is_normal = f->fit_v == CERT_FIT_WRAP;
		if (r.shrunk || !wrap_is_normal) {
			buf_printf(note, "%s%s", note->len ? "; " : "", f->id.s);
			if (r.shrunk)
				buf_printf(note, " at %g pt (of %g)", r.size / 1000.0, f->size.v);
			if (r.wrapped)
				buf_printf(note, " on %d lines", n);
		}
	}
	int32_t asc = font_ascender(fs, f->face_v), desc = font_descender(fs, f->face_v);
	int32_t pitch = (int32_t)(f->leading.v * r.size + 0.5);
	int32_t block = (n - 1) * pitch + (int32_t)((int64_t)(asc + desc) * r.size / 1000);
	int32_t base = by + (bh - block) / 2 + (int32_t)((int64_t)asc * r.size / 1000);
	for (int i = 0; i < n; i++) {
		int32_t w = font_width(fs, f->face_v, r.size, lines[i], strlen(lines[i]));
		int32_t x = f->align_v == CERT_LEFT ? bx : f->align_v == CERT_RIGHT ? bx + bw - w
											: bx + (bw - w) / 2;
		dl_text(dl, x, base + i * pitch, f->face_v, r.size, f->rgb, lines[i], strlen(lines[i]), pos);
		int32_t under = base + i * pitch + (int32_t)(f->rule_gap.v * r.size + 0.5);
		if (f->underline.v && i == n - 1)
			dl_rule(dl, x, under, x + w, under, 600, f->rgb);
		free(lines[i]);
	}
	free(lines);
	free(text);
	return true;
}

static bool recipient_field(const struct cert_field *f)
{
	for (int k = CK_FIRST_RECIPIENT; k <= CK_LAST_RECIPIENT; k++) {
		char ph[40];
		snprintf(ph, sizeof ph, "{%s}", cert_key_name[k]);
		if (strstr(f->text.s, ph))
			return true;
	}
	return false;
}

bool compose_certificate(const struct fontset *fs, const struct cert_layout *lay,
			 const struct cert_values *v, const struct srcpos *at, bool report_all,
			 struct dlist *dl)
{
	dlist_add_page(dl, MM(lay->width.v), MM(lay->height.v));
	if (!lay->blank.v) {
		borders(dl, lay);
		image(dl, &lay->emblem, &v->emblem);
	}
	/* What every certificate of the batch has in common comes first, so
	 * that a print file writes it once (pdf.c shares a common prefix). */
	bool ok = true;
	struct buf note = {0};
	const struct cert_field *f = lay->fields.v;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < lay->fields.n; i++)
			if (recipient_field(&f[i]) == (pass == 1))
				ok &= field(fs, dl, &f[i], v, report_all, &note);
		if (pass == 0 && !lay->blank.v) {
			image(dl, &lay->signature, &v->signature);
			image(dl, &lay->seal, &v->seal); /* after: the seal lies over the signature */
		}
	}
	if (ok && note.len) {
		const char *name = v->val[CK_NAME] ? v->val[CK_NAME] : "";
		diag(CERT_SHRUNK_TO_FIT, at, v->val[CK_LIST_NUMBER], name, note.data);
	}
	buf_free(&note);
	layout_cert_apply_printer(lay, dl);
	return ok;
}
