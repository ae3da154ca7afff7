/* compose_certificate.c — a certificate page from its layout (see
 * compose_certificate.h). Fitting works in em units: a text's width at
 * size S is its advance sum times S, so for n lines the largest size that
 * fits follows from the narrowest possible widest line, found once by a
 * binary search over greedy breaks (which also balances the lines). */
#include "compose_certificate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

#define QUANTUM 250        /* sizes step by 0.25 pt */
#define SIZE_FLOOR 1000    /* below 1 pt nothing is readable: an error */

struct words {
	const char **s;
	size_t *len;
	int64_t *em;       /* advance sum of each word */
	size_t n, cap;
	int64_t space;     /* advance of a space */
};

static void split_words(const struct fontset *fs, enum face face, const char *t, struct words *w)
{
	w->space = font_advance(fs, face, ' ');
	if (w->space < 0)
		w->space = 250;
	w->n = 0;
	for (const char *p = t; *p;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		if (w->n == w->cap) {
			w->cap = w->cap ? w->cap * 2 : 16;
			w->s = xrealloc(w->s, w->cap * sizeof *w->s);
			w->len = xrealloc(w->len, w->cap * sizeof *w->len);
			w->em = xrealloc(w->em, w->cap * sizeof *w->em);
		}
		w->s[w->n] = p;
		w->len[w->n] = (size_t)(e - p);
		w->em[w->n] = font_width(fs, face, 1000, p, (size_t)(e - p));
		w->n++;
		p = e;
	}
}

static void words_free(struct words *w)
{
	free(w->s);
	free(w->len);
	free(w->em);
}

/* Lines greedy breaking needs with no line wider than limit (em). */
static int greedy_lines(const struct words *w, int64_t limit)
{
	int lines = 1;
	int64_t cur = -1;
	for (size_t i = 0; i < w->n; i++) {
		int64_t add = cur < 0 ? w->em[i] : cur + w->space + w->em[i];
		if (cur >= 0 && add > limit) {
			lines++;
			cur = w->em[i];
		} else {
			cur = add;
		}
	}
	return lines;
}

/* The narrowest widest line (em) of any break into at most n lines. */
static int64_t min_width(const struct words *w, int n)
{
	int64_t lo = 0, total = 0;
	for (size_t i = 0; i < w->n; i++) {
		total += w->em[i] + (i ? w->space : 0);
		if (w->em[i] > lo)
			lo = w->em[i];
	}
	int64_t hi = total;
	if (lo < total / n)
		lo = total / n;
	while (lo < hi) {
		int64_t mid = lo + (hi - lo) / 2;
		if (greedy_lines(w, mid) <= n)
			hi = mid;
		else
			lo = mid + 1;
	}
	return hi;
}

/* Largest size (millipoints, quantised) at which lines of widest em fit. */
static int32_t size_for(const struct cert_field *f, int64_t widest, int n, int32_t box_w, int32_t box_h,
			int32_t ascdesc)
{
	int64_t s = (int64_t)(f->size.v * 1000 + 0.5);
	if (widest > 0 && (int64_t)box_w * 1000 / widest < s)
		s = (int64_t)box_w * 1000 / widest;
	double per = (n - 1) * f->leading.v + ascdesc / 1000.0; /* block height per unit size */
	if ((double)box_h / per < (double)s)
		s = (int64_t)((double)box_h / per);
	int64_t full = (int64_t)(f->size.v * 1000 + 0.5);
	if (s < full)
		s = s / QUANTUM * QUANTUM;
	return (int32_t)s;
}

static char *join(const struct words *w, size_t a, size_t b)
{
	struct buf out = {0};
	for (size_t i = a; i < b; i++) {
		if (i > a)
			buf_addc(&out, ' ');
		buf_add(&out, w->s[i], w->len[i]);
	}
	return buf_steal(&out);
}

/* The lines of a greedy break at limit (em). */
static char **break_at(const struct words *w, int64_t limit, int *nlines)
{
	char **lines = xmalloc((w->n ? w->n : 1) * sizeof *lines);
	int n = 0;
	size_t start = 0;
	int64_t cur = -1;
	for (size_t i = 0; i < w->n; i++) {
		int64_t add = cur < 0 ? w->em[i] : cur + w->space + w->em[i];
		if (cur >= 0 && add > limit) {
			lines[n++] = join(w, start, i);
			start = i;
			cur = w->em[i];
		} else {
			cur = add;
		}
	}
	lines[n++] = join(w, start, w->n);
	*nlines = n;
	return lines;
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
		int64_t em = font_width(fs, f->face_v, 1000, p, len);
		if (em > widest)
			widest = em;
		p = e ? e + 1 : p + len;
	}
	res->size = size_for(f, widest, n, box_w, box_h, ascdesc);
	res->lines = n;
	*nlines = n;
	return lines;
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
		struct words w = {0};
		split_words(fs, f->face_v, text, &w);
		int maxn = (int)f->lines.v;
		int32_t best_size = -1;
		int64_t best_width = 0;
		for (int n = 1; n <= maxn && (size_t)n <= (w.n ? w.n : 1); n++) {
			int64_t widest = min_width(&w, n);
			int32_t s = size_for(f, widest, n, box_w, box_h, ascdesc);
			bool take;
			if (f->fit_v == CERT_FIT_SHRINK) /* the first line count that fits at min or above */
				take = best_size < min && s > best_size;
			else /* wrap: the largest size, fewest lines on ties */
				take = s > best_size;
			if (take) {
				best_size = s;
				best_width = widest;
			}
			if (f->fit_v == CERT_FIT_WRAP && s >= full)
				break;
		}
		res->size = best_size;
		lines = break_at(&w, best_width, nlines);
		res->lines = *nlines;
		words_free(&w);
	}
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
	if ((r.shrunk || r.wrapped) && (key >= 0 || report_all)) {
		bool wrap_is_normal = f->fit_v == CERT_FIT_WRAP;
		if (r.shrunk || !wrap_is_normal) {
			buf_printf(note, "%s%s", note->len ? "; " : "", f->id.s);
			if (r.shrunk)
				buf_printf(note, " at %g pt (of %g)%s", r.size / 1000.0, f->size.v,
					   r.below_min ? ", below its minimum" : "");
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
