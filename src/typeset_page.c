/* typeset_page.c — pagination: fills pages with items, breaking only where
 * no keep (orphan, widow, keep-with-next, signature) forbids it, repeats
 * table header rows at the top of each page a table continues on, and draws
 * page numbers in the top margin from the page the document says (ND30:
 * from page 2), counting again from 1 after a page break that starts an
 * appendix. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "typeset_vlist.h"
#include "util.h"

static void page_number(const struct fontset *fs, const struct page_style *ps,
			struct dlist *dl, int n)
{
	if (!ps->number_size || n < ps->number_from)
		return;
	char num[16];
	int len = snprintf(num, sizeof num, "%d", n);
	/* Centred on the text column, the digits' box centred in the top margin. */
	int32_t w = font_width(fs, FACE_REGULAR, ps->number_size, num, (size_t)len);
	int32_t x = ps->left + (ps->width - ps->left - ps->right - w) / 2;
	int32_t digit_h = (int32_t)((int64_t)ps->number_size * 7 / 10);
	int32_t y = (ps->top + digit_h) / 2;
	dl_text(dl, x, y, FACE_REGULAR, ps->number_size, 0, num, (size_t)len, NULL);
}

/* Height of the table header rows repeated at the top of a page that starts
 * at `start` (0 if none), with the gap below them. */
static int32_t repeated_head(const struct vlist *vl, size_t start)
{
	if (start >= vl->n)
		return 0;
	const struct vitem *it = &vl->items[start];
	if (!it->nhead)
		return 0;
	int32_t y = 0;
	for (size_t k = it->head; k < it->head + it->nhead; k++)
		y += (k > it->head ? vl->items[k - 1].space_after + vl->items[k].space_before : 0) +
		     vl->items[k].height;
	return y + vl->items[it->head + it->nhead - 1].space_after + it->space_before;
}

/* Where the page that starts at `start` must end (exclusive). Page-foot
 * items take no room in the flow. */
static size_t fit_page(const struct vlist *vl, size_t start, int32_t body_h, bool *forced)
{
	int32_t y = repeated_head(vl, start);
	*forced = false;
	for (size_t i = start; i < vl->n; i++) {
		const struct vitem *it = &vl->items[i];
		if (it->page_foot) {
			if (it->page_break_after)
				return i + 1;
			continue;
		}
		int32_t gap = i > start ? vl->items[i - 1].space_after + it->space_before : 0;
		if (i > start && y + gap + it->height > body_h) {
			for (size_t b = i; b > start; b--)
				if (!vl->items[b - 1].keep_with_next)
					return b;
			*forced = true; /* one unbreakable group taller than a page */
			return i;
		}
		y += gap + it->height;
		if (it->page_break_after)
			return i + 1;
	}
	return vl->n;
}

/* Moves item i's ops onto the last page at y (copies them if the item is a
 * header row that later pages repeat). */
static void place(struct vlist *vl, size_t i, int32_t y, struct dlist *dl)
{
	struct vitem *it = &vl->items[i];
	struct dl_page *pg = dlist_last_page(dl);
	for (size_t k = it->op0; k < it->op0 + it->nops; k++) {
		struct dl_op op = vl->ops[k];
		op.y += y;
		if (it->repeat)
			op.text = op.text ? xstrdup(op.text) : NULL;
		else
			vl->ops[k].text = NULL; /* ownership moves to the page */
		grow(&pg->ops, &pg->cap, pg->nops + 1, sizeof *pg->ops);
		pg->ops[pg->nops++] = op;
	}
}

/* Height of the page-foot items (the công văn's address under its rule). */
static int32_t foot_height(const struct vlist *vl)
{
	int32_t h = 0;
	bool first = true;
	for (size_t i = 0; i < vl->n; i++) {
		const struct vitem *it = &vl->items[i];
		if (!it->page_foot)
			continue;
		h += (first ? 0 : it->space_before) + it->height + it->space_after;
		first = false;
	}
	return h;
}

/* Places the page-foot items at the bottom of the current page (page 1). */
static void place_foot(struct vlist *vl, int32_t y, struct dlist *dl)
{
	bool first = true;
	for (size_t i = 0; i < vl->n; i++) {
		struct vitem *it = &vl->items[i];
		if (!it->page_foot)
			continue;
		y += first ? 0 : it->space_before;
		place(vl, i, y, dl);
		y += it->height + it->space_after;
		first = false;
	}
}

void paginate(const struct fontset *fs, const struct page_style *ps, struct vlist *vl, struct dlist *dl)
{
	int n = 0;
	paginate_from(fs, ps, vl, dl, &n);
}

void paginate_from(const struct fontset *fs, const struct page_style *ps, struct vlist *vl,
		   struct dlist *dl, int *np)
{
	int32_t foot_h = foot_height(vl);
	int32_t body_h = ps->height - ps->top - ps->bottom - foot_h;
	size_t start = 0;
	int n = *np;
	do {
		bool forced;
		size_t end = fit_page(vl, start, body_h, &forced);
		if (forced)
			diag(KEEP_TOGETHER_TOO_TALL, &vl->items[start].pos);
		dlist_add_page(dl, ps->width, ps->height);
		n++;
		page_number(fs, ps, dl, n);
		int32_t y = ps->top;
		static const struct vitem none;
		const struct vitem *first = start < vl->n ? &vl->items[start] : &none;
		for (size_t k = first->head; k < first->head + first->nhead; k++) {
			if (k > first->head)
				y += vl->items[k - 1].space_after + vl->items[k].space_before;
			place(vl, k, y, dl);
			y += vl->items[k].height;
		}
		if (first->nhead)
			y += vl->items[first->head + first->nhead - 1].space_after + first->space_before;
		for (size_t i = start; i < end; i++) {
			if (vl->items[i].page_foot)
				continue;
			if (i > start)
				y += vl->items[i - 1].space_after + vl->items[i].space_before;
			place(vl, i, y, dl);
			y += vl->items[i].height;
		}
		if (foot_h && start == 0) {
			place_foot(vl, ps->height - ps->bottom - foot_h, dl);
			body_h += foot_h; /* later pages have no foot */
		}
		if (end > start && vl->items[end - 1].restart_after)
			n = 0; /* an appendix follows: its pages count from 1 again */
		start = end;
	} while (start < vl->n);
	*np = n;
}
