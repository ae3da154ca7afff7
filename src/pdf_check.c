/* pdf_check.c — the display list checked before libharu sees any of it:
 * libharu clamps or misprints out-of-range numbers, and a character the
 * font lacks would print as nothing. Also records which faces and which
 * characters the document prints, and whether any is beyond the
 * context's subset of its face. */
#include "pdf_int.h"

#include <string.h>

#include "diag.h"
#include "text.h"

/* libharu clamps reals to ±32767 and its HPDF_FToA misbehaves on extreme
 * values, so every number from the display list is checked against these
 * limits (millipoints) before libharu sees it. */
#define COORD_MAX 30000000    /* 30 000 pt, far beyond any page */
#define PAGE_MIN 3000         /* libharu's page size range: 3 .. 14 400 pt */
#define PAGE_MAX 14400000
#define FONT_SIZE_MAX 600000  /* HPDF_MAX_FONTSIZE */
#define LINE_WIDTH_MAX 100000 /* HPDF_MAX_LINEWIDTH */
#define TEXT_MAX_BYTES 32768  /* one positioned run; a line is far shorter */

static bool in_range(int64_t v, int64_t lo, int64_t hi)
{
	return v >= lo && v <= hi;
}

static bool coord_ok(int64_t v)
{
	return in_range(v, -COORD_MAX, COORD_MAX);
}

static void add_extra(struct render *r, int face, uint32_t cp)
{
	grow(&r->extra[face], &r->capextra[face], r->nextra[face] + 1, sizeof(uint32_t));
	r->extra[face][r->nextra[face]++] = cp;
}

/* True if the ctx's subset of the face holds cp (its cps are sorted). */
static bool in_base(const struct pdf_face *pf, uint32_t cp)
{
	size_t lo = 0, hi = pf->ncps;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pf->cps[mid] < cp)
			lo = mid + 1;
		else if (pf->cps[mid] > cp)
			hi = mid;
		else
			return true;
	}
	return false;
}

/* Checks one text op and records which faces and extra characters the
 * document needs. Returns 0, or -1 after one diag(). */
static int check_text(struct render *r, const struct dl_op *op)
{
	if (op->face >= FACE_COUNT) {
		diag(PDF_NO_SUCH_FACE, &op->pos, op->face);
		return -1;
	}
	const struct pdf_face *pf = &r->ctx->face[op->face];
	if (!pf->src) {
		diag(PDF_FACE_MISSING, &op->pos,
		     pdf_face_name[op->face], pdf_face_name[op->face]);
		return -1;
	}
	if (!in_range(op->size, 1, FONT_SIZE_MAX)) {
		diag(PDF_FONT_SIZE, &op->pos, op->size / 1000.0);
		return -1;
	}
	const char *s = op->text ? op->text : "";
	size_t len = strlen(s);
	if (len > TEXT_MAX_BYTES) {
		diag(PDF_TEXT_TOO_LONG, &op->pos, len, TEXT_MAX_BYTES);
		return -1;
	}
	if (len == 0)
		return 0; /* drawn as nothing; must not embed a font */
	r->used[op->face] = true;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (!k) {
			diag(PDF_TEXT_NOT_UTF8, &op->pos, i);
			return -1;
		}
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
			diag(PDF_CONTROL_CHAR, &op->pos, (unsigned)cp);
			return -1;
		}
		if (!in_base(pf, cp)) {
			if (r->ctx->exact) {
				diag(PDF_NOT_IN_SUBSET, &op->pos,
				     (unsigned)cp);
				return -1;
			}
			if (!font_subset_covers(pf->src, cp)) {
				diag(PDF_NOT_IN_FONT, &op->pos,
				     (unsigned)cp, (int)k, s + i, pdf_face_name[op->face]);
				return -1;
			}
			r->beyond[op->face] = true;
		}
		/* each character once: a print file repeats them thousands of times */
		uint64_t *seen = r->seen[op->face];
		if (!seen)
			seen = r->seen[op->face] = xcalloc(65536 / 64, sizeof *seen);
		if (!(seen[cp >> 6] >> (cp & 63) & 1)) {
			seen[cp >> 6] |= (uint64_t)1 << (cp & 63);
			add_extra(r, op->face, cp);
		}
		i += k;
	}
	return 0;
}

/* Bookmarks point at existing pages and deepen one level at a time;
 * labels are in page order and count from 1 or more. */
static int check_navigation(const struct dlist *dl)
{
	for (size_t i = 0; i < dl->noutlines; i++) {
		const struct dl_outline *o = &dl->outlines[i];
		unsigned max_level = i ? dl->outlines[i - 1].level + 1u : 0;
		if (o->page >= dl->npages || o->level > max_level || !in_range(o->y, 0, COORD_MAX)) {
			diag(PDF_OUTLINE_BAD, NULL, o->title, o->page + 1, dl->npages);
			return -1;
		}
	}
	for (size_t i = 0; i < dl->nlabels; i++) {
		const struct dl_label *l = &dl->labels[i];
		if (l->page >= dl->npages || (i && l->page <= dl->labels[i - 1].page) || l->start < 1 ||
		    l->style > DL_LABEL_LETTER_LOWER) {
			diag(PDF_LABEL_BAD, NULL, l->page + 1, dl->npages);
			return -1;
		}
	}
	return 0;
}

/* Validates the whole display list before libharu sees any of it. */
int pdf_check(struct render *r)
{
	const struct dlist *dl = r->dl;
	if (dl->npages == 0) {
		diag(PDF_NO_PAGES, NULL);
		return -1;
	}
	for (size_t p = 0; p < dl->npages; p++) {
		const struct dl_page *pg = &dl->pages[p];
		if (!in_range(pg->width, PAGE_MIN, PAGE_MAX) || !in_range(pg->height, PAGE_MIN, PAGE_MAX)) {
			diag(PDF_PAGE_SIZE, NULL,
			     p + 1, pg->width / 1000.0, pg->height / 1000.0);
			return -1;
		}
		for (size_t i = 0; i < pg->nops; i++) {
			const struct dl_op *op = &pg->ops[i];
			if (!coord_ok(op->x) || !coord_ok(op->y) || !coord_ok(op->w) || !coord_ok(op->h) ||
			    !coord_ok((int64_t)op->x + op->w) || !coord_ok((int64_t)op->y + op->h)) {
				diag(PDF_COORD_RANGE, &op->pos, COORD_MAX / 1000);
				return -1;
			}
			if (op->color > 0xFFFFFF) {
				diag(PDF_BAD_COLOUR, &op->pos, op->color);
				return -1;
			}
			switch (op->kind) {
			case DL_TEXT:
				if (check_text(r, op) < 0)
					return -1;
				break;
			case DL_RULE:
			case DL_RECT:
				if (!in_range(op->size, 0, LINE_WIDTH_MAX)) {
					diag(PDF_LINE_WIDTH, &op->pos,
					     op->size / 1000.0);
					return -1;
				}
				break;
			case DL_IMAGE:
				if (op->w <= 0 || op->h <= 0 || !op->text || !op->image) {
					diag(PDF_BAD_IMAGE, &op->pos);
					return -1;
				}
				break;
			default:
				diag(PDF_UNKNOWN_OP, &op->pos, (int)op->kind);
				return -1;
			}
		}
	}
	return check_navigation(dl);
}

